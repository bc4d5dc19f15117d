"""Tables written as text inside a report: which lines are a table's rows, their cells, and what
their column headings say.

This module owns the table layout; what a row's label and numbers mean is read by the figure
finder, cell by cell, like a sentence "label – value" (``etl.reports.tokens`` turns each row into
such a sentence, ``etl.reports.header.column_of`` gives a value's column its period).

* A row is a line whose cells are split by "|", by tabs, by ";" (a CSV file pasted, in a block of two
  or more lines with as many ";" each), or by runs of two or more spaces (a table aligned with spaces,
  pasted from Word or a PDF). A line aligned with spaces is a row only inside
  a block of at least two such lines, one of them ending with a number or a dash, so a signature
  ("Начальник відділу      В. ПОПОВИЧ") is never a table.
* A form's line is a row too: a label, a leader of dots, "…", "_" or "· · ·", and its value, with a
  note in brackets after it as a cell of its own ("Надійшло запитів усього ........ 37", "Надано
  відповідь ….. 4 (одна – з відмовою)"); a leader of one or two dots only next to such lines, and none
  under a "ЗМІСТ" heading (page numbers). A section heading that gives its count in brackets, in
  capitals or after a section number ("2. ПОРУШЕНІ ПИТАННЯ (455)"), is a row of its own (``Row.titled``):
  its count is its first noun's, and the items under it are its parts.
* The ruling's edges ("| 1 | … |") and empty cells at a row's end are dropped; so is the row number
  ("1", "2.", "1.1", "3)") in the first cell when a cell with words follows it (a blank one too, in a
  numbered table), and the "№" / "№ з/п" cell of the heading: a table's columns are counted from
  its label column. A label cell left blank ("|  | усні | 40 |") goes on from the row above
  (``Row.merged``).
* A row's column is the heading cell above it: the same index for "|" and tab rows, the heading
  cell nearest in position for rows aligned with spaces (their empty cells leave no trace).
* The heading row (the table's first row when it has no figure; a heading over two lines is
  joined column by column) names each column: a period ("І квартал", "IV кв.", "січень", "листопад
  2018", "2023", "2023 рік"), a date ("станом на 01.07.2025", "01.07.2025"), the report's own
  period ("Разом", "Усього", "Кількість", "Кількість, од.", "За звітний період"), or something
  else (a metric's name, "Примітка", "Частка, %"): ``column_heading``. Under a heading of two levels
  ("Форма | 2023 | | 2024 |" / " | кількість | % | кількість | %") a year's count column is that year's
  and its share column no figure; a row that opens with "|" but does not end with one starts with a
  blank cell, not the table's ruling.
* A row is a sub-row of the row above (a part of it, never added to it) when it starts with a
  small letter ("у т. ч. письмових", "від фізичних осіб"; not in a table whose rows all do: "фізичні
  особи ..... 74" / "юридичні особи ..... 21"), when it is indented deeper than the table's rows
  (aligned with spaces or a form), or when its number is a sub-number ("1.1" under "1").
* A line of values only right under a row split the same way is a row too; under a heading whose cells
  all name periods or the total ("Січень | Лютий | Березень | Разом" / "61 | 70 | 67 | 198") it is a grid
  without a label column: its label is an empty cell, and it counts what the caption above names.

What the cells mean (``etl.reports.finder`` reads them with these helpers):

* A row's label names its metric the way the spreadsheet resolver reads a workbook's row label
  (``label_metric``: ``activity.wordings``, one rule for both); a label without its noun takes the
  table's lead row's ("Відмовлено у задоволенні" under "Надійшло запитів"), a sub-row the noun of the
  row right above it ("у т. ч. позачергових" under "Засідань виконавчого комітету"), and a sub-row
  whose label with that noun names a metric of its own is that metric ("вихідних" under "Зареєстровано
  документів"). Under a label column headed by people ("Категорія запитувача", "Заявники") every
  row is a kind of who, counting what the lead row counts ("громадські організації та ЗМІ | 11"). A label that opens with
  a preposition ("від громадських об’єднань") is a breakdown, never a metric of its own.
* A table whose heading names a period or the report's total in some column ("Факт", "Фактично
  виконано") reads only those columns ("План", "Частка, %" are no figures); otherwise the first value
  cell and the columns a period heads. A note ("Примітка" column, or a form's brackets after its
  value) is read as running text: a bare number there that only borrows a noun is no figure under
  "Примітка", a part of the value in brackets.
* Columns that are metrics and rows that are categories ("Категорія | Допущено | Голосів"):
  ``transposed_columns`` and ``category_breakdown``; rows that are periods ("Січень | 40"):
  ``row_period``, the metric from the column heading or the title line above the table (a heading
  that is only a verb, "Надійшло" | "Задоволено", takes the caption's noun: "Розгляд запитів у
  розрізі кварталів", else the report title's); a part named
  by a month ("з них у червні ..... 4") is that month's.
* Rows that are categories with no metric in their labels ("Письмові | 310 | 298") under a title line
  that names one ("Надійшло звернень:", "Розподіл звернень за формою") are kinds of that metric.
* A totals row ("Разом", "Усього": ``is_totals_label``) is the figure of the metric its rows break
  down when they are all parts of one, or under rows that are periods the report's figure of each
  column's metric ("І квартал | 14 | 10" … "Разом за рік | 66 | 50"); otherwise it is checked
  against the rows above and never loaded twice. A row of shares ("Частка …, %": ``is_share_label``) gives no figure, nor does a dash.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from datetime import date

from activity.months import MONTH_NAMES_UK_GENITIVE
from activity.period_text import parse_period
from activity.periods import Period, PeriodError, month_period

REPORT_PERIOD = "report"  # a column of the report's own period ("Разом", "Кількість")
PREVIOUS_YEAR = "previous"  # a column of the same period a year before, when the report's is not known
_CURRENT = re.compile(r"(?:поточн|звітн)\w*\s+(?:рік|період)|факт(?:ично)?(?:\s+виконано)?|виконано|значення(?:\s+показника)?",
                      re.IGNORECASE)
_PREVIOUS = re.compile(r"(?:попередн|минул)\w*\s+(?:рік|період)|(?:аналогічний\s+)?період\s+(?:минулого|попереднього)"
                       r"\s+року|(?:за\s+)?аналогічний\s+період\s+(?:минулого|попереднього)\s+року", re.IGNORECASE)
_TOTAL_FOR = re.compile(r"(?:разом|усього|всього|загалом|кількість)\s+(?P<rest>за\s+.+)", re.IGNORECASE)
_GENERIC_SPAN = re.compile(r"за\s+(?:звітний\s+)?(?:рік|півріччя|квартал|місяць|період|тиждень)", re.IGNORECASE)

_RULE = re.compile(r"[\s|+\-=:—–_]+")
_YEAR = re.compile(r"(?:19|20)\d\d(?:\s*(?:р\.|рік))?")
_GAP = re.compile(r"[ \u00a0]{2,}")
_ROW_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3})*[.)]?")
_NUMBER_HEAD = re.compile(r"№(?:\s*з/?п\.?)?|з/п|п/п|№\s*п/п|код(?:\s+рядка)?|№\s*рядка|рядок", re.IGNORECASE)
_VALUE = re.compile(r"[+\-−–]?\s?(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+(?:[.,]\d+)?)(?:\s*%)?|[-–—−]|\*|х|x|\.\.\.")
_TOTAL_WORDS = re.compile(
    r"(?:разом|усього|всього|загалом|кількість|к-сть|значення|за\s+звітний\s+період|звітний\s+період)"
    r"(?:\s*[,(]?\s*(?:од\.?|одиниць|шт\.?)\)?)?",
    re.IGNORECASE)


@dataclass
class Row:
    line: int  # 1-based line number
    start: int  # the row's text without its row number (offsets into the whole text)
    end: int
    cells: tuple[tuple[int, int], ...]  # the cells after the row number
    columns: tuple[int, ...]  # each cell's column (0: the label)
    sub: bool = False  # a part of the row above it ("у т. ч. …", indented, "1.1")
    heading: bool = False  # a row of the table's heading (no figure)
    table: int = 0  # which table of the text
    merged: bool = False  # its label cell left blank: the label of the row above goes on ("|  | усні | 40 |")
    titled: bool = False  # a heading giving its section's count ("2. ПОРУШЕНІ ПИТАННЯ (455)")


def _split(raw: str, kind: str) -> list[tuple[int, int]]:
    """Cell spans of a line (offsets into the line), stripped, empty inner cells kept (not for spaces)."""
    if kind == "space":
        out, last = [], None
        for m in re.finditer(r"\S+(?: \S+)*", raw):
            out.append(m.span())
        return out
    sep = r"\|" if kind == "pipe" else ";" if kind == "semi" else r"\t+|\|"
    out, last = [], 0
    for m in re.finditer(sep, raw):
        out.append((last, m.start()))
        last = m.end()
    out.append((last, len(raw)))
    stripped = []
    for a, b in out:
        cell = raw[a:b]
        lead = len(cell) - len(cell.lstrip())
        stripped.append((a + lead, a + lead + len(cell.strip())))
    if kind == "pipe" and raw.lstrip().startswith("|") and raw.rstrip().endswith("|") and stripped \
            and stripped[0][0] == stripped[0][1]:
        stripped.pop(0)  # "| 1 | … |": the edge of the ruling, no cell (" | кількість | %": a blank label cell)
    while stripped and stripped[-1][0] == stripped[-1][1]:
        stripped.pop()
    return stripped


def _is_value(cell: str) -> bool:
    return bool(_VALUE.fullmatch(cell.strip()))


def _has_words(cell: str) -> bool:
    return bool(re.search(r"[^\W\d_]{2,}", cell))


def _space_row(raw: str) -> list[tuple[int, int]] | None:
    """The cells of a line aligned with spaces, or None: at least two cells, a gap of two spaces."""
    body = raw.rstrip()
    if "|" in body or "\t" in body.strip() or not _GAP.search(body.strip()):
        return None
    cells = _split(body, "space")
    return cells if len(cells) >= 2 else None


_LEADER = r"(?:[ \u00a0]*[.…·_]){3,}[ \u00a0]*"  # "........", "…….", "· · ·", "_____"
_SHORT_LEADER = r"[ \u00a0]+[.…·_]{1,2}[ \u00a0]+"  # "Viber . 18" among lines with long leaders
_LEADER_ROW = re.compile(
    r"[ \t\u00a0]*(?P<label>\S.*?[^\W\d_].*?)(?P<leader>{leader})"
    r"(?P<value>(?:\d{{1,3}}(?:[ \u00a0]\d{{3}})+|\d+)(?:[ \u00a0]+[^\W\d_]{{2,}}\.?)?|[-–—]"  # "37", "118 од.", "12 матеріалів",
    r"|[^\W\d_]+(?:[’'ʼ][^\W\d_]+)?(?:[ \u00a0][^\W\d_]+(?:[’'ʼ][^\W\d_]+)?){{0,2}})"  # "двадцять чотири"
    r"(?P<note>[ \u00a0]*\(.*\)|,[ \u00a0]*(?:з|із|у|в)[ \u00a0]+(?:них|яких|т\.|тому)\b.*)?[ \u00a0]*[.;,]?[ \u00a0]*$")
_LONG_LEADER_ROW = re.compile(_LEADER_ROW.pattern.format(leader=_LEADER))
_ANY_LEADER_ROW = re.compile(_LEADER_ROW.pattern.format(leader=f"{_LEADER}|{_SHORT_LEADER}"))


def _leader_row(raw: str, short: bool = False) -> list[tuple[int, int]] | None:
    """The cells of a form's line with a leader between its label and its value ("Надійшло запитів
    усього ........ 37", "з них у червні ___ 4", "Надано відповідь ….. 4 (одна – з відмовою)", "… 96, з
    них колективних – 7", in
    digits or number words: "Відмовлено ...... два"): the
    label, the value and a note in brackets after it; a leader of one or two dots (``short``) only
    among lines with long ones."""
    from activity.morph import number_word

    m = (_ANY_LEADER_ROW if short else _LONG_LEADER_ROW).fullmatch(raw.rstrip())
    if m is None or (not re.search(r"\d|^[-–—]$", m["value"]) and any(number_word(w) is None for w in m["value"].split())):
        return None
    note = m.span("note")
    cells = [m.span("label"), m.span("value")]
    if note[0] >= 0:
        a, b = note
        cells.append((a + len(raw[a:b]) - len(raw[a:b].lstrip()), b))
    return cells


_COUNT_HEADING = re.compile(r"[ \t]*(?P<number>\d{1,2}(?:\.\d{1,2})*[.)]?[ \t]+)?(?P<label>[^\W\d_][^\d()|\t.,;:!?–—]*?)"
                            r"[ \t]*\((?P<value>\d{1,3}(?:[ \u00a0]\d{3})+|\d+)\)[ \t]*")


def _count_heading(raw: str) -> list[tuple[int, int]] | None:
    """The cells of a heading that gives its section's count ("2. ПОРУШЕНІ ПИТАННЯ (455)", "3. Результати
    розгляду (398)"): its words in capitals or after a section number, and the number in brackets."""
    m = _COUNT_HEADING.fullmatch(raw.rstrip())
    if m is None or not (m["number"] or m["label"].upper() == m["label"]) or not re.search(r"[^\W\d_]{3,}", m["label"]):
        return None
    return [m.span("label"), m.span("value")]


def _leader_block(lines: list[str], kinds: list) -> None:
    """Lines with a short leader next to a form's lines join it ("Viber . 18" under "Facebook ........
    41"); a table of contents ("ЗМІСТ" over "Звернення громадян ........ 5") is no form: its numbers
    are pages."""
    def leader(k: int) -> bool:
        return 0 <= k < len(kinds) and kinds[k] is not None and kinds[k][0] == "leader"

    for i, raw in enumerate(lines):
        if (kinds[i] is None or kinds[i][0] == "space") and (cells := _leader_row(raw, short=True)) is not None \
                and (leader(i - 1) or leader(i + 1)):
            kinds[i] = ("leader", cells)
    contents = False
    for i, raw in enumerate(lines):
        if not leader(i) and raw.strip():
            contents = bool(re.fullmatch(r"\s*(?:зміст|contents)\s*:?\s*", raw, re.IGNORECASE))
        elif contents and leader(i):
            kinds[i] = None


def _data(raw: str, cells: list[tuple[int, int]]) -> bool:
    """A data row: a label and the last cell a value."""
    texts = [raw[a:b] for a, b in cells]
    return len(texts) >= 2 and _is_value(texts[-1]) and any(_has_words(t) for t in texts[:-1])


def _runs(kinds: list, first: str, also: tuple[str, ...] = (), same=lambda i, j: True) -> list[tuple[int, int]]:
    """Runs of consecutive lines [i, j): each opens with a line of kind ``first`` and goes on over lines
    of that kind or of ``also`` while ``same(i, j)``."""
    out, i = [], 0
    while i < len(kinds):
        if kinds[i] is None or kinds[i][0] != first:
            i += 1
            continue
        j = i
        while j < len(kinds) and kinds[j] is not None and kinds[j][0] in (first, *also) and same(i, j):
            j += 1
        out.append((i, j))
        i = j
    return out


def _semicolon_blocks(lines: list[str], kinds: list) -> None:
    """Lines split by ";" are rows only in a block of two or more with as many ";" each and a value
    in a cell of its own ("Засідання виконавчого комітету;2;1;3;6"): a list in prose ("надійшло 5;
    розглянуто 4; …") is no table."""
    for i, j in _runs(kinds, "semi", same=lambda a, b: lines[b].count(";") == lines[a].count(";")):
        values = any(sum(_is_value(lines[k][a:b]) for a, b in kinds[k][1]) >= 2 for k in range(i, j))
        if j - i < 2 or not values:
            for k in range(i, j):
                kinds[k] = None


def _under(kinds: list, how: str) -> bool:
    """A line of values only ("61 | 70 | 67 | 198") is a row right under a row split the same way (or its ruling)."""
    last = next((k for k in reversed(kinds) if k is None or k[0] != "rule"), None)
    return last is not None and last[0] == how


def find_rows(text: str) -> dict[int, Row]:
    """The table rows of a text by their 1-based line number (see module doc)."""
    lines = text.split("\n")
    offsets, pos = [], 0
    for raw in lines:
        offsets.append(pos)
        pos += len(raw) + 1
    kinds: list[tuple[str, list[tuple[int, int]]] | None] = []
    for raw in lines:
        if _RULE.fullmatch(raw) and raw.count("-") + raw.count("=") + raw.count("—") >= 3:
            kinds.append(("rule", []))  # "|-----|-----|": a ruled line inside a table
        elif "|" in raw and (_has_words(raw) or _under(kinds, "pipe")):
            kinds.append(("pipe", _split(raw, "pipe")))
        elif "\t" in raw.strip() and (_has_words(raw) or _under(kinds, "tab")):
            kinds.append(("tab", _split(raw, "tab")))
        elif raw.count(";") >= 2 and _has_words(raw) and not raw.rstrip().endswith(";"):
            kinds.append(("semi", _split(raw, "semi")))  # "Показник;Січень;Лютий" pasted from a CSV file
        elif (cells := _count_heading(raw)) is not None:
            kinds.append(("titled", cells))
        elif (cells := _leader_row(raw)) is not None:
            kinds.append(("leader", cells))
        elif (cells := _space_row(raw)) is not None:
            kinds.append(("space", cells))
        else:
            kinds.append(None)
    _leader_block(lines, kinds)
    _semicolon_blocks(lines, kinds)
    # lines aligned with spaces are rows only in a block of two or more with a data row in it
    for i, j in _runs(kinds, "space", also=("rule",)):
        block = [k for k in range(i, j) if kinds[k][0] == "space"]
        data = [k for k in block if _data(lines[k], kinds[k][1])]
        if len(block) < 2 or not data:
            for k in block:
                kinds[k] = None
        else:  # a signature under the table is no row of it
            for k in range(data[-1] + 1, j):
                kinds[k] = None
    rows: dict[int, Row] = {}
    table, previous, numbered = 0, -2, False
    heading_spans: list[tuple[int, int]] = []
    top_indent = 0
    last_number = ""
    heads: list[str] | None = None  # the cells of a table's first heading row
    unlabelled: set[int] = set()  # tables of periods without a label column
    lower: dict[int, list[tuple[int, bool]]] = {}  # a table's rows: a sub-row by a small letter only?
    for i, kind in enumerate(kinds):
        if kind is None:
            continue
        raw, (how, cells) = lines[i], kind
        if how == "rule":
            previous = i if previous == i - 1 else previous
            continue
        # ("| 1.1. Проведення конкурсу | Подано 19 проєктів … |" / "" / "| 1.2. Експертиза | …": a pipe table written
        # with a blank line after each row goes on over it)
        new = i != previous + 1 and not (how == "pipe" and i == previous + 2 and not lines[i - 1].strip()
                                         and kinds[previous] is not None and kinds[previous][0] == "pipe"
                                         and len(kinds[previous][1]) == len(cells))
        previous = i
        numbered = numbered and not new
        texts = [raw[a:b] for a, b in cells]
        number = ""
        if len(cells) >= 2 and (_ROW_NUMBER.fullmatch(texts[0]) or _NUMBER_HEAD.fullmatch(texts[0])
                                or (texts[0] == "" and how != "space" and numbered)) and _has_words(" ".join(texts[1:])):
            number, numbered = texts[0], True
            cells, texts = cells[1:], texts[1:]
        columns = list(range(len(cells)))
        merged = False  # "|        | усні | 40 |": the label cell left blank under the one above
        while len(cells) > 1 and texts[0] == "" and _has_words(" ".join(texts[1:])):
            cells, texts, columns, merged = cells[1:], texts[1:], columns[1:], True
        if not cells or not any(_has_words(t) for t in texts) and not any(_is_value(t) for t in texts):
            continue
        is_heading = how not in ("leader", "titled") and (  # "Показник | 2023 | 2024" heads a table, a form's line never
            not any(_is_value(t) and not (new and _YEAR.fullmatch(t)) for t in texts[1:])
            and not (len(texts) == 1 and _is_value(texts[0]))) \
            and not _ROW_NUMBER.fullmatch(number) \
            and not (heading_spans and any(re.search(r"\d", t) and len(t.split()) >= 4 for t in texts[1:]))
        # ("3 | Підготовка … | постійно | Виконано, підготовлено 131 проєкт"; under a heading, a cell of running text
        # with figures: "| 1.3. Голосування | У ньому взяли участь 2 318 мешканців …|")
        if new:
            table += 1
            heading_spans = []
            top_indent = len(raw) - len(raw.lstrip())
            last_number = ""
            heading_rows = True
        else:
            heading_rows = all(rows[k].heading for k in rows if rows[k].table == table)
        heading = is_heading and heading_rows
        if heading:
            if not heading_spans:
                heading_spans = list(cells)
            elif how == "space":  # a heading's second line, aligned with spaces: each cell under the one it stands
                # below ("Надійшло" / "звернень"), however many cells the line has
                columns = [_nearest(heading_spans, a, b) for a, b in cells]
                for (a, b), k in zip(cells, columns, strict=True):
                    heading_spans[k] = (min(a, heading_spans[k][0]), max(b, heading_spans[k][1]))
            else:
                heading_spans = [(min(a, c), max(b, d)) for (a, b), (c, d) in zip(heading_spans, cells, strict=False)]
        if how == "space" and heading_spans and not heading:
            columns = tuple(_nearest(heading_spans, a, b) for a, b in cells)
            if columns and columns[0] != 0:
                columns = (0, *columns[1:])
        else:
            columns = tuple(columns)
        indent = len(raw) - len(raw.lstrip())
        first = texts[0].lstrip()
        deeper = not heading and not merged and (
            (how in ("space", "leader") and indent > top_indent and not new)
            or bool(last_number and number.startswith(last_number + "."))
            or bool(number and "." in number.rstrip(".")))
        sub = deeper or (not heading and not merged and first[:1].islower())
        if not heading:
            lower.setdefault(table, []).append((i + 1, first[:1].islower() and not deeper))
        if number and not number.rstrip(".)").count(".") and not sub:
            last_number = number.rstrip(".)")
        if new:
            heads = texts if heading else None
        elif not heading and heads is not None and len(texts) == len(heads) and _is_value(texts[0]) \
                and all(column_heading(h) is not None for h in heads):
            # "Січень | Лютий | Березень | Разом" / "61 | 70 | 67 | 198": a grid of periods without a label
            # column; the heading's cells head columns 1…, the row's label is an empty cell before its values
            if table not in unlabelled:
                unlabelled.add(table)
                for k in rows:
                    if rows[k].table == table and rows[k].heading:
                        rows[k] = replace(rows[k], columns=tuple(c + 1 for c in rows[k].columns))
            cells, columns = [(cells[0][0], cells[0][0]), *cells], (0, *(c + 1 for c in columns))
        base = offsets[i]
        abs_cells = tuple((base + a, base + b) for a, b in cells)
        rows[i + 1] = Row(i + 1, abs_cells[0][0], abs_cells[-1][1], abs_cells, columns, sub, heading, table, merged,
                          how == "titled")
    for marks in lower.values():  # ("фізичні особи ..... 74" / "юридичні особи ..... 21": in a table whose rows
        if all(small for _, small in marks):  # all start with a small letter, none is a sub-row by that)
            for line, _ in marks:
                rows[line] = replace(rows[line], sub=False)
    return rows


def _nearest(spans: list[tuple[int, int]], a: int, b: int) -> int:
    """The heading cell a cell aligned with spaces stands under: the most overlap, else the nearest centre."""
    best, score = 0, None
    for k, (c, d) in enumerate(spans):
        overlap = min(b, d) - max(a, c)
        key = (overlap, -abs((a + b) / 2 - (c + d) / 2))
        if score is None or key > score:
            best, score = k, key
    return best


def read_date(text: str, year: int | None = None) -> date | None:
    """A date written "01.07.2025", "01.07.25" or "1 липня 2025" (the whole text), else None; with
    ``year`` (the report's), "01.07" and "1 липня" too."""
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2}))?", text.strip())
    if m and (m[3] or year):
        d, mo, y = int(m[1]), int(m[2]), int(m[3] or year)
    else:
        m = re.fullmatch(r"(\d{1,2})\s+(\w+)(?:\s+(\d{4}))?", text.strip())
        if not m or m[2].lower() not in MONTH_NAMES_UK_GENITIVE or not (m[3] or year):
            return None
        d, mo, y = int(m[1]), MONTH_NAMES_UK_GENITIVE.index(m[2].lower()) + 1, int(m[3] or year)
    try:
        return date(y + (2000 if y < 100 else 0), mo, d)
    except ValueError:
        return None


@functools.lru_cache(maxsize=4096)
def column_heading(heading: str, year: int | None = None, report: Period | None = None) -> date | Period | str | None:
    """What a heading cell says of its column: a date, a period (a year taken from ``year`` when the
    cell names none), REPORT_PERIOD for the report's own period, PREVIOUS_YEAR for the same period a
    year before ("Попередній рік", "Аналогічний період минулого року"; the period itself when
    ``report`` is given), or None (see module doc)."""
    text = " ".join(heading.split()).rstrip(":.")
    if not text:
        return None
    if _TOTAL_WORDS.fullmatch(text) or _CURRENT.fullmatch(text) or _GENERIC_SPAN.fullmatch(text):
        return REPORT_PERIOD  # ("за квартал" after the months' columns: the report's own span)
    if _PREVIOUS.fullmatch(text):
        if report is None:
            return PREVIOUS_YEAR
        end = report.end.replace(day=1, year=report.end.year - 1)
        month_end = month_period(end.year, end.month).end
        end = month_end if report.end == month_period(report.end.year, report.end.month).end else \
            end.replace(day=min(report.end.day, month_end.day))
        try:
            return Period(report.start.replace(day=1, year=report.start.year - 1).replace(day=report.start.day),
                          end, report.granularity)
        except ValueError:
            return None
    if "%" in text or re.search(r"\bвідс", text, re.IGNORECASE):
        return None
    if (bare := _COUNT_WORDS.sub(" ", text).strip()) and bare != text:  # "2023 кількість": a two-level heading's
        return column_heading(bare, year, report)  # year over its count column ("2023" / "кількість | %")
    if (m := _TOTAL_FOR.fullmatch(text)) is not None:  # "Разом за півріччя", "Усього за 2023 рік"
        rest = column_heading(m["rest"], year, report)
        return rest if rest is not None else (REPORT_PERIOD if _GENERIC_SPAN.fullmatch(m["rest"]) else None)
    bare = re.sub(r"^(?:станом\s+)?на\s+", "", text, flags=re.IGNORECASE)
    if re.search(r"\d", bare) and (d := read_date(re.sub(r"\s*(?:р\.|року|рік)$", "", bare))) is not None:
        return d
    try:
        return parse_period(text, year=year or 2000)
    except (PeriodError, ValueError):
        return None


_COUNT_WORDS = re.compile(r"(?:^|\s|,)(?:кількість|к-сть|абс\.?|од\.?)(?=\s|,|$)", re.IGNORECASE)
_PART_MARKER = re.compile(r"^(?:у|в)\s*(?:т\.\s*ч\.|тому\s+числі)\s*:?\s*|^з\s+(?:них|яких)\s*:?\s*|^(?:із|з)\s+них\s*", re.IGNORECASE)


_BREAKDOWN_LEAD = re.compile(r"(?:від|з|із|зі|у|в|через|на|до|за|по|серед|щодо|стосовно)\s", re.IGNORECASE)


def label_metric(label: str, how: frozenset[str] | None = None) -> str | None:
    """The metric a row label names as the spreadsheet resolver reads it (``activity.wordings``: one
    rule for a label in a workbook and in a table written as text), only when it reads it without a
    person (exact, remembered, word forms, contained; or only the ways ``how`` names); a part marker
    ("у т. ч.") is set aside."""
    from activity.wordings import AUTOMATIC, resolve_metric

    text = _PART_MARKER.sub("", " ".join(label.split())).strip(" :–-")
    if not re.search(r"[^\W\d_]{3,}", text) or _BREAKDOWN_LEAD.match(text):
        return None  # "від громадських об’єднань": who or how, a breakdown of the row above, no metric
    r = resolve_metric(text)
    return r.metric.code if r.metric is not None and r.how in (how or AUTOMATIC) else None


def is_totals_label(label: str) -> bool:
    """A totals row's label ("Разом", "Усього", "Всього за рік:"), not a metric's own name that begins
    with the word ("Усього відданих голосів")."""
    return bool(re.fullmatch(r"(?:разом|усього|всього|загалом|підсумок)\b(?:[^\d]{0,20}|\s*за\s+\d{1,2}\s+місяц\w*\W{0,3})",
                             label.strip(), re.IGNORECASE)) \
        and label_metric(label) is None


def words(text: str) -> list[str]:
    """The words of ``text``, hyphenated and apostrophed ones whole."""
    return re.findall(r"[^\W\d_]+(?:[’'ʼ\-][^\W\d_]+)*", text)


def nouns(text: str) -> list[str]:
    """The words of ``text`` that may be nouns."""
    from activity.morph import word_info

    return [w for w in words(text) if (i := word_info(w)) is not None and i.noun]


_INDICATORS = re.compile(r"показник|найменування|вид\w*\s+(?:робіт|діяльност|заход)|напрям\w*\s+(?:робот|діяльност)",
                         re.IGNORECASE)


# a column heading that says only that the things counted came in: the noun's own metric ("Надійшло" + "запитів")
_ARRIVED = re.compile(r"надійшл[оиа]|надійшов|отримано|зареєстровано|подано", re.IGNORECASE)


def transposed_columns(heads: dict[int, str], label: str, caption: str = "", lead: str = "") -> dict[int, str]:
    """The metric of each value column of a table whose columns are metrics and whose rows are
    categories ("Категорія | Допущено | Голосів | Переможців" over "Великі проєкти | 48 | 61 277 | 9")
    or periods ("Квартал | Надійшло | Задоволено" over "І квартал | 14 | 10"): a heading cell read by
    the spreadsheet resolver alone or with the noun of the label column's heading ("Назва проєкту" |
    "Голосів": votes for a project), of the row's label ("Допущено" + "проєкти") or of the table's
    caption ("Розгляд запитів у розрізі кварталів": "Задоволено" + "запитів"), or of the adjectives the
    ``lead`` line puts before the heading's noun ("16 релігійних громад:" over "Кількість громад"). Empty when a column heads a period or the report's total (a table of metrics by
    period), when no column names a metric, or when the row's label names one itself."""
    if 0 not in heads or len(heads) < 2 or _INDICATORS.search(heads[0]):
        return {}  # "Показник | Кількість запитів": the rows are metrics, not categories
    values = {k: h for k, h in heads.items() if k > 0}
    if any(column_heading(h) is not None for h in values.values()) or label_metric(label) is not None:
        return {}
    from activity.morph import word_info

    own = nouns(heads[0])
    row = nouns(label) if len(label.split()) <= 3 else []
    out = {}
    for k, h in values.items():
        counted = [n for n in [*own, *row, *nouns(caption)] if ("gent", "plur") in word_info(n).forms]
        plural = [n for n in nouns(caption) if ("gent", "plur") in word_info(n).forms]  # ("розгляду запитів": the
        # requests are counted, not the "розгляд")
        for text in [*(f"{h} {n}" for n in own), h, *(f"{h} {w}" for w in _caption_adjectives(h, f"{caption} {lead}")),
                     *(f"{h} {n}" for n in row), *(f"{h} {n}" for n in plural),
                     *(f"{h} {n}" for n in nouns(caption)),
                     *(counted if _ARRIVED.fullmatch(h.strip()) else ())]:
            if (code := label_metric(text)) is not None:
                out[k] = code
                break
    for k, h in values.items():  # "Надійшло звернень | з них усних": the column before's metric, a part of it
        if k not in out and part_column(h) and (before := max((j for j in out if j < k), default=None)) is not None:
            out[k] = out[before]
    return out


def _caption_adjectives(heading: str, caption: str) -> list[str]:
    """ "Кількість громад" under "зареєстровано 16 релігійних громад": the adjectives the caption puts
    before the heading's own noun, which say what kind of it the column counts."""
    from activity.morph import lemma_keys, word_info

    mine = [lemma_keys(w) for w in nouns(heading)]
    said = words(caption)
    out = []
    for i, w in enumerate(said):
        if any(lemma_keys(w) & k for k in mine):
            j = i
            while j > 0 and (a := word_info(said[j - 1])) is not None and a.adjective and not a.noun:
                j -= 1
            if j < i:
                out.append(" ".join(said[j:i]))
    return out


def part_column(heading: str) -> str | None:
    """What a column headed "з них усних (особистий прийом)" counts of the column before it ("усних
    (особистий прийом)"), or None."""
    m = _PART_MARKER.match(heading.strip())
    return heading.strip()[m.end():].strip() or None if m else None


def category_breakdown(heads: dict[int, str], label: str) -> str:
    """A transposed table's row as a breakdown: "категорія: великі проєкти", "проєкт: <its name>"."""
    from activity.morph import nominative

    own = nouns(heads.get(0, ""))
    key = nominative(own[-1]).lower() if own else "категорія"
    label = " ".join(label.split())
    if len(label.split()) <= 3 and label[:1].isupper() and label[1:2].islower() and label.split()[-1].islower():
        label = label[0].lower() + label[1:]
    return f"{key}: {label}"


def is_note_heading(heading: str) -> bool:
    """A column of notes ("Примітка", "Коментарі", "Пояснення") or of a plan's execution ("Стан виконання",
    "Відмітка про виконання"): its cells are read as running text."""
    return bool(re.fullmatch(r"\s*(?:(?:приміт|коментар|пояснен|зауваж)\w*|стан\s+виконання|хід\s+виконання"
                             r"|відмітк\w*\s+про\s+виконання|інформаці\w*\s+про\s+(?:стан\s+)?виконання)\s*",
                             heading, re.IGNORECASE))


def is_share_label(label: str) -> bool:
    """A row of shares or percentages ("Частка відеоматеріалів, %", "Питома вага …"): never counts."""
    return bool(re.search(r"%|\bчастк|\bпитом\w*\s+ваг|\bвідсот", label, re.IGNORECASE))


def row_period(label: str, year: int | None = None) -> Period | None:
    """The period a row's label names when the rows of a table are periods ("Січень | 40",
    "ІІ квартал | 118", "2023 рік | 412"), a part marker before it set aside ("з них у червні | 4");
    None for any other label."""
    label = _PART_MARKER.sub("", " ".join(label.split()))
    if len(label.split()) > 3 or not re.search(r"[^\W\d_]{2,}|\d{4}", label):
        return None
    heading = column_heading(label, year)
    return heading if isinstance(heading, Period) else None
