"""Table rows: what a row of a table (``etl.reports.tables``) read as "label – value" counts,
checked against its label, its columns, its caption and its table's totals; a cell's notes; the
column a number stands in.
"""

from __future__ import annotations

from activity.morph import lemma_keys, word_info
from etl.reports.found import Found, bracketed_aside, has_verb, month_clause, verb_only
from etl.reports.header import column_of
from etl.reports.lexicon import (
    ACROSS_FAMILIES,
    DIMENSION_WORDS,
    NOT_WHEN_PENDING,
    PENDING_WORDS,
    families,
)
from etl.reports.match import info, keys
from etl.reports.numbers import Number, sentence_numbers
from etl.reports.tables import (
    category_breakdown,
    column_heading,
    is_note_heading,
    is_share_label,
    is_totals_label,
    label_metric,
    nouns,
    part_column,
    row_period,
    transposed_columns,
    words,
)
from etl.reports.tokens import Sentence, tokenize


def next_column_figure(s: Sentence, n: Number, out: list[Found], first_cell: int | None) -> Found | None:
    """A number in a later column of a table row whose heading names a period ("І квартал | ІІ квартал
    | Разом"): the figure of the row's first value column, with the same metric, total and breakdown;
    None when that one named nothing (never read from the other columns' headings)."""
    first = next((f for f in out if cell(s, f.pos) == first_cell), None)
    if first is None:
        return None
    return Found(first.code, n.value, s, n.pos, first.how, n.approximate, first.confidence, first.breakdown,
                 first.total, first.head, first.head_text, first.head_pos, first.context,
                 span=(n.lead, n.end), lead=n.lead, number_words=n.words)


def _row_label(s: Sentence) -> str:
    """A table row's label cell, as written (its tokens and the spaces between them)."""
    a, b = s.cells[0]
    out, end = "", None
    for t in s.tokens:
        if a <= t.start < b:
            out += (" " if end is not None and t.start > end else "") + t.text
            end = t.end
    return out


def table_row(s: Sentence, mine: list[Found], lead_row: Sentence | None, unmatched: list, title: str = "") -> list[Found]:
    """A table row's figures read by its label as the spreadsheet resolver reads it
    (``etl.reports.tables.label_metric``): the label's metric for the first value column and the
    columns a period heads, in place of what the words around the number made of it; a label
    without its noun ("Відмовлено у задоволенні", "Надійшло електронною поштою") read with the noun
    of the table's lead row ("Надійшло запитів"), a part of the lead row's figure when it names the
    same metric. A label the resolver does not read keeps what the finder found."""
    if len(s.cells) < 2:
        return mine
    label = _row_label(s)
    numbers = [n for n in sentence_numbers(s.tokens) if (cell(s, n.pos) or 0) > 0]
    if not numbers:
        return mine
    if s.cells[0][0] == s.cells[0][1]:  # "Січень | Лютий | Разом" / "61 | 70 | 131": a grid of periods without a
        # label column counts what its caption names, whatever the sentences before it counted
        code = _category_table_metric(s)
        if code is None:
            unmatched += [(s, s.tokens[n.pos]) for n in numbers]
            return []
        return [Found(code, n.value, s, n.pos, "table", n.approximate, 0.8, span=(n.lead, n.end), lead=n.lead,
                      number_words=n.words) for n in value_numbers(s, numbers)]
    if s.table_row.titled and label_metric(label) is None:
        # "2. ДОКУМЕНТИ ДЛЯ ОЗНАЙОМЛЕННЯ (14)": a heading counts its first noun ("3. РЕЗУЛЬТАТИ РОЗГЛЯДУ (398)"
        # counts results, not what "розгляду" would name)
        first = next((t for t in s.tokens if (i := info(t)) is not None and i.noun and not i.adjective), None)
        kept = [f for f in mine if first is not None and f.head_pos is not None and s.tokens[f.head_pos] is first]
        unmatched += [(s, s.tokens[f.pos]) for f in mine if f not in kept]
        return kept
    if is_share_label(label) or is_totals_label(label):
        at = {n.pos for n in numbers}
        unmatched[:] = [(u, t) for u, t in unmatched if not (u is s and any(t is s.tokens[j] for j in at))]
        if is_totals_label(label) and (codes := _totals_codes(s, numbers)):  # "Заяви | 300", "Скарги | 100",
            # "Усього | 400" under "Вид звернення | Кількість": the rows were parts, the total is the figure
            return [Found(codes[n.pos], n.value, s, n.pos, "table", n.approximate, 0.8,
                          part_column(s.column_heads.get(s.columns[cell(s, n.pos)], "")), span=(n.lead, n.end),
                          lead=n.lead, number_words=n.words) for n in numbers if n.pos in codes]
        if is_totals_label(label):  # "Разом | 139": checked against the rows above, never a figure twice
            sums = _column_sums(s)
            unmatched += [(s, s.tokens[n.pos]) for n in numbers if sums.get(s.columns[cell(s, n.pos)]) != n.value
                          and (cell(s, n.pos) == cell(s, numbers[0].pos) or column_of(s, n.pos) is not None)]
        return []  # "Частка відеоматеріалів, % | 12": shares are never counts
    columns = transposed_columns(s.column_heads, label, f"{_table_caption(s)} {title}", _lead_line(s))  # "Категорія | Допущено"
    if not columns and row_period(label) is not None and (code := _above_table_metric(s)) is not None:
        columns = {k: code for k in s.columns[1:] if k == s.columns[cell(s, numbers[0].pos)]}
        # "Кількість звернень за місяцями:" over "Місяць | Кількість" / "Січень | 40"
    if columns:
        breakdown = None if row_period(label) is not None else category_breakdown(s.column_heads, label)
        at = {n.pos for n in numbers}
        unmatched[:] = [(u, t) for u, t in unmatched if not (u is s and any(t is s.tokens[j] for j in at))]
        out = []
        for n in numbers:
            k = s.columns[cell(s, n.pos)]
            if k in columns:
                part = part_column(s.column_heads.get(k, ""))
                out.append(Found(columns[k], n.value, s, n.pos, "table", n.approximate, 0.8,
                                 " ".join(x for x in (breakdown, part) if x) or None,
                                 span=(n.lead, n.end), lead=n.lead, number_words=n.words))
            else:
                unmatched.append((s, s.tokens[n.pos]))
        return out
    values = value_numbers(s, numbers)
    if not values:
        return mine
    f0 = next((f for f in mine if f.pos == values[0].pos), None)
    code, total, breakdown = label_metric(label), None, None
    if (counted := _who_table_figure(s, lead_row) or _who_lead_total(s, f0)) is not None and counted.sentence is not s \
            and (code or (f0.code if f0 is not None else None)) != counted.code:
        code, breakdown = counted.code, " ".join(label.split())  # "громадські організації та ЗМІ | 11" under
        # "Категорія запитувача": who made the requests, not the organisations registered
    elif s.table_row.merged and f0 is None and code is None and s.prior is not None and s.prior.table_row is not None:
        above = next((f for f in s.prior.figures if f.total is None and f.breakdown), None)
        if above is not None:  # "Заяви | письмові | 120" / "| усні | 40": the same metric, the next kind
            top = s.prior
            while top.table_row is not None and top.table_row.merged and top.prior is not None:
                top = top.prior
            code, breakdown = above.code, f"{_row_label(top)} {label}".strip()
    if code is None and f0 is not None and f0.total is None and (siblings := _parts_code(s)) is not None \
            and siblings != f0.code and (f0.head_pos is None or cell(s, f0.head_pos) != 0):
        code, breakdown = siblings, " ".join(label.split())  # "Інше | 64" after topics: one more topic
    elif code is None and f0 is None and (counted := _category_table_metric(s)) is not None:
        code, breakdown = counted, " ".join(label.split())  # "Надійшло звернень:" / "Форма | 2023 | 2024" /
        # "Письмові | 310 | 298": the rows are kinds of what the title line or the label column names
    elif code is None:
        lead = next((f for f in lead_row.figures if f.total is None), None) if lead_row is not None else None
        if (f0 is not None and f0.total is None) or lead is None or not lead.head_text:
            return mine
        own = next((w for w in nouns(label) if word_info(w).noun and not word_info(w).adjective), None)
        if own is not None and ("gent", "plur") in word_info(own).forms and not lemma_keys(own) & lemma_keys(lead.head_text):
            return mine  # "Зареєстровано розпоряджень … | 96" under "вхідної кореспонденції": a noun of its own
        code = label_metric(f"{lead.head_text} {label}")
        if f0 is not None and (code is None or code == f0.code):
            return mine  # a part keeps what the finder made of it, unless its label with the noun of the row above
            # names a metric of its own ("вихідних" under "Зареєстровано документів": outgoing documents)
        words, lead_words = label.split(), _row_label(lead_row).split()
        if code is None and len(words) > 1 and words[0].lower() == lead_words[0].lower() and verb_only(s.tokens[0]):
            code, label = lead.code, " ".join(words[1:])  # "Надійшло поштою" under "Надійшло запитів": how they came
        if code is None:
            return mine
        if code == lead.code:
            total, breakdown = lead, " ".join(label.split()).strip(" :–-")
    elif f0 is not None and (f0.code == code or (f0.total is not None and f0.total.code == code)):
        return mine
    family = families(keys(t) for t in [*(lead_row.tokens if lead_row is not None else ()), *tokenize(title, 0, len(title))])
    if len(family) == 1 and ACROSS_FAMILIES.get((code, *family)):  # "надано роз’яснення | 16" in a table of appeals
        code = ACROSS_FAMILIES[(code, *family)]
    if code is None or (code in NOT_WHEN_PENDING and any(t.low in PENDING_WORDS for t in s.tokens)):
        return [f for f in mine if f.pos not in {n.pos for n in values}]  # "Перебувають на розгляді | 9": pending
    at = {n.pos for n in values}
    unmatched[:] = [(u, t) for u, t in unmatched if not (u is s and any(t is s.tokens[j] for j in at))]
    new = [Found(code, n.value, s, n.pos, "table", n.approximate, 0.8, breakdown, total,
                 span=(n.lead, n.end), lead=n.lead, number_words=n.words) for n in values]
    return sorted([f for f in mine if f.pos not in at] + new, key=lambda f: f.pos)


def note_cell(s: Sentence, pos: int) -> str:
    """The note token ``pos`` of a table row stands in: "column" (a cell under "Примітка"), "bracket" (a
    form's note after its value: "Надано відповідь ….. 4 (одна – з відмовою)", "… 96, з них …"), or ""."""
    k = cell(s, pos)
    if not k:
        return ""
    heading = s.column_heads.get(s.columns[k], "")
    first = next((t for t in s.tokens if t.start >= s.cells[k][0]), None)
    if not heading.strip() and first is not None and first.text in "(,":
        return "bracket"
    return "column" if is_note_heading(heading) or _prose_cell(s, k) else ""


def _prose_cell(s: Sentence, k: int) -> bool:
    """A cell that is running text ("Захід програми | Виконання" / "… | Подано 19 проєктів від 16 авторів …"):
    several words and a verb."""
    a, b = s.cells[k]
    words = [t for t in s.tokens if a <= t.start < b and t.kind == "word"]
    return len(words) >= 6 and has_verb(words)


def noted(s: Sentence, mine: list[Found]) -> list[Found]:
    """A row's figures with those of its notes checked: a number in a note that only borrows a noun
    ("один перенесено на 2024 рік" under "Примітка") is no figure, unless the note is in brackets right
    after the row's value ("4 (одна – з відмовою)"): then it is a part of that value; the parts of a
    figure of the same note stay ("зареєстровано 11 петицій: у січні – 2, лютому – 1")."""
    value = next((f for f in mine if not note_cell(s, f.pos)), None)
    out = []
    for f in mine:
        if f.how == "ellipsis" and f.span and month_clause(s.tokens, f.span[0], f.lead) and any(
                g.how != "ellipsis" and g.code == f.code and g.pos < f.pos and cell(s, g.pos) == cell(s, f.pos)
                for g in mine):
            out.append(f)  # "зареєстровано 11 петицій: у січні – 2, лютому – 1": the months of the note's own figure
            continue
        if f.how == "ellipsis" and (note := note_cell(s, f.pos)):
            if note != "bracket" or value is None:
                continue
            f.code, f.total = value.code, value
        out.append(f)
    return out


def _who_table_figure(s: Sentence, lead_row: Sentence | None) -> Found | None:
    """The figure a table of who did something breaks down: under a label column headed by people
    ("Категорія запитувача", "Заявники") every row is a kind of person and counts what the table's
    lead row counts, never a metric of its own."""
    words = [t for t in tokenize(s.column_heads.get(0, ""), 0, len(s.column_heads.get(0, ""))) if t.kind == "word"]
    if lead_row is None or not words or not any((i := info(t)) and i.noun and i.animate for t in words) \
            or not (len(words) == 1 or keys(words[0]) & DIMENSION_WORDS):
        return None
    return next((f for f in lead_row.figures if f.total is None), None)


def _who_lead_total(s: Sentence, f0: Found | None) -> Found | None:
    """The total a row's figure is a part of under a lead line that splits it by who ("За категоріями
    запитувачів:" / "громадські об’єднання ..... 13"): the requests they sent, not the organisations."""
    lead = s.lead_in
    if f0 is None or f0.total is None or lead is None or lead.row or not lead.tokens or lead.tokens[-1].text != ":":
        return None
    words = [t for t in lead.tokens if t.kind == "word"]
    if not any(keys(t) & DIMENSION_WORDS for t in words) or not any((i := info(t)) and i.noun and i.animate for t in words):
        return None
    return f0.total


def _table_top(s: Sentence) -> Sentence:
    """The first row of a table row's table."""
    top = s
    while top.prior is not None and top.prior.table_row is not None and top.prior.table_row.table == s.table_row.table:
        top = top.prior
    return top


def _table_caption(s: Sentence) -> str:
    """The words of the line just above a table when it is a title without a figure of its own
    ("Кількість звернень за місяцями:", "Таблиця 1. Розгляд запитів у розрізі кварталів"), else ""."""
    above = _table_top(s).prior
    if above is None or above.row or above.figures or any(t.kind == "num" for t in above.tokens) \
            or len(above.tokens) > 14 or _table_top(s).line - above.line > 2:
        return ""
    return " ".join(t.text for t in above.tokens if t.kind == "word")


def _lead_line(s: Sentence) -> str:
    """The words of a line ending with ":" just above a table, figures or not ("Зареєстровано 16 релігійних
    громад, що належать до шести конфесій:")."""
    above = _table_top(s).prior
    if above is None or above.row or not above.tokens or above.tokens[-1].text != ":" \
            or _table_top(s).line - above.line > 2:
        return ""
    return " ".join(t.text for t in above.tokens if t.kind == "word")


_TITLE_WORDS = frozenset({"звіт", "інформація", "довідка", "аналітична", "інформаційна"})


def _category_table_metric(s: Sentence) -> str | None:
    """The metric a table of categories counts when its row labels name none: the one its title line
    names ("Надійшло звернень:", "Розподіл звернень за формою"), by a noun that is no dimension
    ("форма", "категорія") and no people. (A label column's heading alone, "Форма звернення", is not
    enough: tables of things the catalog does not count are headed so too.)"""
    caption = _table_caption(s)
    above = _table_top(s).prior
    numbered = above is not None and any(  # "Таблиця 2. …": the number may stand as a sentence of its own
        x is not None and x.line == above.line and x.tokens and x.tokens[0].mask == "reference" for x in (above, above.prior))
    if not caption or (not numbered and any(t.mask == "year" and not bracketed_aside(above.tokens, j, len(above.tokens))
                                            for j, t in enumerate(above.tokens))) \
            or caption.split()[0].lower() in _TITLE_WORDS:
        return None  # "Звіт про роботу відділу … за березень 2025 року": the report's title, no caption (but
        # "Тематика питань, порушених у зверненнях (I кв. 2020)" is one: its period in brackets; so is a
        # numbered table's: "Таблиця 2. Надходження звернень за місяцями I кварталу 2020 року")
    if (code := label_metric(caption)) is not None:
        return code
    said = words(caption)
    for i, w in enumerate(said):  # "Тематика питань, порушених у зверненнях громадян": "питань порушених у
        # зверненнях", a noun and the words after it
        if w in nouns(caption) and not lemma_keys(w) & DIMENSION_WORDS and not word_info(w).animate:
            for k in (4, 3):
                if i + k <= len(said) and (code := label_metric(" ".join(said[i:i + k]))) is not None:
                    return code
    for noun in nouns(caption):
        if not lemma_keys(noun) & DIMENSION_WORDS and not word_info(noun).animate \
                and (code := label_metric(noun)) is not None:
            return code
    return None


def _above_table_metric(s: Sentence) -> str | None:
    """The metric the title line just above a table names, read by the spreadsheet resolver."""
    caption = _table_caption(s)
    return label_metric(caption) if caption else None


def value_numbers(s: Sentence, numbers: list[Number]) -> list[Number]:
    """The numbers of a table row that are figures: in a table whose heading names a period or the
    report's total in some column, those under such a column (or under no heading); else the first
    value cell's and those under a period."""
    timed = any(column_heading(h) is not None for k, h in s.column_heads.items() if k > 0)
    numbers = [n for n in numbers if ((cell(s, n.pos) or 0) > 0 or not s.cells) and not note_cell(s, n.pos)]
    if timed:
        return [n for n in numbers if column_of(s, n.pos) is not None
                or not s.column_heads.get(s.columns[cell(s, n.pos)], "").strip()]
    first = cell(s, numbers[0].pos) if numbers else None
    return [n for n in numbers if cell(s, n.pos) == first or column_of(s, n.pos) is not None]


# a totals row under rows of incoming, outgoing (and internal) documents counts the whole flow
_KINDS_OF_DOCUMENTS = frozenset({"letters_received", "outgoing_documents", "documents_flow_total"})


def _parts_code(s: Sentence) -> str | None:
    """The one metric the rows above a totals row break down (each a part with a breakdown), if so."""
    figures = []
    top = s.prior
    while top is not None and top.table_row is not None and top.table_row.table == s.table_row.table:
        if not top.table_row.sub:
            figures += top.figures
        top = top.prior
    codes = {f.code for f in figures}  # parts: each with a breakdown, or each a period's ("Січень | 40")
    parts = all(f.breakdown or row_period(_row_label(f.sentence)) is not None for f in figures)
    if len(codes) > 1 and codes <= _KINDS_OF_DOCUMENTS and "letters_received" in codes and "outgoing_documents" in codes:
        return "documents_flow_total"  # "Вхідні | 812", "Вихідні | 403", "Внутрішні | 158" / "Усього зареєстровано | 1 373"
    return codes.pop() if len(codes) == 1 and parts else None


def _totals_codes(s: Sentence, numbers: list[Number]) -> dict[int, str]:
    """The metric of each number of a totals row that is a figure (by its token's position): the one
    metric the rows above break down, in the first value column and the columns a period heads; or,
    under rows that are periods ("І квартал | 14 | 10" … "Разом за рік | 66 | 50"), each column's
    metric, the report's own period's figure."""
    if (code := _parts_code(s)) is not None:
        return {n.pos: code for n in numbers if cell(s, n.pos) == cell(s, numbers[0].pos) or column_of(s, n.pos) is not None}
    codes: dict[int, set[str]] = {}
    top = s.prior
    while top is not None and top.table_row is not None and top.table_row.table == s.table_row.table:
        if not top.table_row.sub and not top.table_row.heading:
            if not top.figures or row_period(_row_label(top)) is None:
                return {}
            for f in top.figures:
                codes.setdefault(top.columns[cell(top, f.pos)], set()).add(f.code)
        top = top.prior
    return {n.pos: next(iter(codes[k])) for n in numbers
            if len(codes.get(k := s.columns[cell(s, n.pos)], ())) == 1}


def _column_sums(s: Sentence) -> dict[int, int]:
    """The sums by column of the figures of the rows above a totals row in its table (no sub-rows)."""
    sums: dict[int, int] = {}
    top = s.prior
    while top is not None and top.table_row is not None and top.table_row.table == s.table_row.table:
        if not top.table_row.sub:
            for f in top.figures:
                if f.total is None and (k := cell(top, f.pos)) is not None:
                    sums[top.columns[k]] = sums.get(top.columns[k], 0) + f.value
        top = top.prior
    return sums


def cell(s: Sentence, pos: int) -> int | None:
    at = s.tokens[pos].start
    return next((i for i, (a, b) in enumerate(s.cells) if a <= at < b), None)
