"""Find the table on a sheet and turn it into figures: the long and the wide layout.

*Long*: one row per figure under a header row (Місто, Підрозділ, Період, Показник, Значення, ...;
English headers too). *Wide*: metrics as rows and months, quarters or half-years as columns under a
header row with "Показник". Header cells are read as people type them: any case, spaces and line
breaks, a unit or a note after a comma or in brackets ("Значення, од.", "Показник\n(найменування)").

The city, department and year a sheet does not give in its columns come from `sheet_context`: pairs
("Місто: Ніжин", "Рік | 2019", on the header row too) and sentences ("Звіт відділу за 2021 рік,
м. Ніжин") anywhere around the table (above, beside, below), else the command's --city / --year
(`Given`), else the sheet name, else the file name. Two different cities (or years) written in two
cells are an error naming both, never a guess; so is a cell that says another city than --city.

Rows and columns named "Разом", "Всього" are totals: never loaded, but checked against their parts.
Section rows (a label and no figures) are skipped; rows after the table that hold no figures
(signatures, notes, dates, phone numbers) end it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from activity.catalog import Metric, match_metric
from activity.formatting import format_number
from activity.period_text import parse_period
from activity.periods import Period, PeriodError
from activity.places import PlaceError, get_place, places_in_text, resolve_place
from etl.figures import Figure, FigureColumns, Given, as_written
from etl.problems import ERROR, MESSAGES, WARNING, Problem, cell_name
from etl.sheets.cells import CellProblem, read_date, read_flag, read_value
from etl.sheets.metrics import metric_problem
from etl.sheets.readers import Sheet

MESSAGES.update({
    "context_conflict": (
        "Різні {what}: «{found}» тут і «{other_found}» у {other}. Залиште одне.",
        "Two different {what}: '{found}' here and '{other_found}' in {other}. Keep one.",
    ),
    "total_rows_mismatch": (
        "Підсумок = {total}, а сума рядків над ним ({rows}) = {sum}. Підсумок не завантажено; перевірте його.",
        "The total = {total} but the rows above it ({rows}) sum to {sum}. The total is not loaded; check it.",
    ),
    "part_row_skipped": (
        "Рядок «{found}» — частина показника вище (у тому числі), його не завантажено.",
        "The row '{found}' is a part of the metric above (of which), so it was not loaded.",
    ),
    "context_given_conflict": (
        "Файл називає {what} «{found}», а задано «{given}» ({option}). Виправте одне з них.",
        "The file names the {what} '{found}' but '{given}' was given ({option}). Correct one of them.",
    ),
})


LONG_HEADERS: dict[str, set[str]] = {
    "city": {"місто", "громада", "city", "населений пункт", "територіальна громада", "тг"},
    "city_code": {"код катоттг", "катоттг", "city_code", "katottg"},
    "department": {"підрозділ", "відділ", "department", "структурний підрозділ"},
    "period": {"період", "period", "звітний період", "місяць", "звітний місяць", "квартал", "дата"},
    "period_start": {"початок", "period_start", "початок періоду"},
    "period_end": {"кінець", "period_end", "кінець періоду"},
    "metric": {"показник", "metric", "назва показника", "найменування показника"},
    "value": {"значення", "value", "кількість", "значення показника", "факт", "фактично"},
    "as_of": {"станом на", "as_of", "as of", "дата стану"},
    "approximate": {"приблизно", "approximate", "approx"},
    "breakdown": {"розбивка", "breakdown", "у тому числі", "в тому числі"},
    "note": {"примітка", "note", "коментар", "джерело", "source"},
    "sentence": {"речення", "sentence"},  # a review sheet of `extract --out`: the figure's locator
}
WIDE_LABEL_HEADERS = {"показник", "показники", "назва показника", "найменування показника", "metric", "найменування",
                      "найменування показників", "назва показників", "перелік показників", "показники діяльності",
                      "зміст роботи", "вид роботи", "напрям роботи", "напрямок роботи", "назва", "заходи",
                      "найменування заходів", "назва заходу", "зміст заходу"}
PART_WORDS = ("у тому числі", "в тому числі", "у т.ч", "в т.ч", "у т. ч", "в т. ч", "з них", "із них", "зокрема")
UNIT_HEADERS = {"одиниця виміру", "од. виміру", "од виміру", "одиниці виміру", "од.вим", "од. вим", "unit"}
TOTAL_WORDS = ("разом", "всього", "усього", "итого", "total", "за рік", "підсумок")
CONTEXT_KEYS = {
    "city": {"місто", "громада", "city", "рада", "територіальна громада", "назва громади", "населений пункт"},
    "department": {"підрозділ", "відділ", "department", "структурний підрозділ"},
    "year": {"рік", "year", "звітний рік", "звітний період"},
    "city_code": {"код катоттг", "катоттг", "city_code", "katottg"},
}
HEADER_SCAN_ROWS = 30
KEEP_PROBLEMS = 1_000  # per sheet and severity; more than etl.load.parse shows, so "too many" is said


@dataclass
class SheetResult:
    figures: list[Figure] = field(default_factory=list)  # the long layout's
    columns: FigureColumns | None = None  # the wide layout's
    more_columns: list[FigureColumns] = field(default_factory=list)  # more wide tables on the sheet
    department_cells: dict[str, str] = field(default_factory=dict)  # department text -> its first cell
    department_guesses: set[str] = field(default_factory=set)  # texts read from a sentence, not a pair
    problems: list[Problem] = field(default_factory=list)
    found_table: bool = False


class _Ctx:
    """Where we are: the file and sheet, for naming cells in problems."""

    def __init__(self, file: str, sheet: Sheet, result: SheetResult) -> None:
        self.file, self.sheet, self.result = file, sheet, result
        self.counts = {ERROR: 0, WARNING: 0}

    def add(self, key: str, row: int | None, col: int | None, warning: bool = False, **params: object) -> None:
        severity = WARNING if warning else ERROR
        self.counts[severity] += 1
        if self.counts[severity] > KEEP_PROBLEMS:  # a sheet of a million bad cells must not fill memory
            return
        cell = cell_name(row, col) if row is not None and col is not None else None
        self.result.problems.append(Problem(severity, key, self.file, self.sheet.name, cell, params=params))

    def locator(self, row: int, col: int) -> str:
        ref = cell_name(row, col)
        return f"{self.sheet.name}!{ref}" if self.sheet.name else ref


def parse_sheet(file: str, sheet: Sheet, given: Given | None = None) -> SheetResult:
    """Figures and problems of one sheet, in whichever layout it holds; a second table below the
    first (its own header row) is read too, with its own title block (else the first one's)."""
    result = SheetResult()
    ctx = _Ctx(file, sheet, result)
    ctx.given = given or Given()
    rows = sheet.rows
    start, parent = 0, None
    while start < len(rows):
        found = _find_header(rows, start)
        if found is None:
            break
        r, kind, where, pairs = found
        result.found_table = True
        stop = _next_header(rows, r, where["metric"] if kind == "long" else where)
        if kind == "long":
            _last, parent = _parse_long(ctx, r, where, (start, stop), parent)
        else:
            _last, parent = _parse_wide(ctx, r, where, pairs, (start, stop), parent)
        start = stop
    return result


def _find_header(rows: list[list[object]], start: int, scan: int = HEADER_SCAN_ROWS):
    """The first header row from `start` on (within `scan` rows): ("long", its columns) or ("wide",
    the label column), with the pairs written on it."""
    for r in range(start, min(len(rows), start + scan)):
        row = rows[r]
        labels = [(c, t) for c, v in enumerate(row) if type(v) is str and (t := _header_key(v))]
        if not labels:
            continue  # a header row has words
        pairs = _header_pairs(row, labels)
        if pairs:
            taken = {c for _name, _c, c2 in pairs for c in (_c, c2)}
            labels = [(c, t) for c, t in labels if c not in taken]
        columns = _long_columns(labels) if len(labels) >= 2 else None  # metric, value (and a period)
        if columns is not None:
            return r, "long", columns, pairs
        label_col = next((c for c, t in labels[:3] if t in WIDE_LABEL_HEADERS), None)
        if label_col is not None and _has_period_columns(rows, r, label_col):
            return r, "wide", label_col, pairs
        label_col = _blank_corner(rows, r)
        if label_col is not None:
            return r, "wide", label_col, pairs
    return None


def _blank_corner(rows: list[list[object]], r: int) -> int | None:
    """The label column of a wide header whose corner cell is left empty ("" | Січень | Лютий | …):
    the column left of a run of at least three periods, when the row below has a label there."""
    row = rows[r]
    for c0 in range(1, min(len(row), 4)):
        if row[c0 - 1] is not None or row[c0] is None:
            continue
        below = rows[r + 1] if r + 1 < len(rows) else []
        if all(_period_word(v) for v in row[c0:c0 + 3]) and len(row) >= c0 + 3 and c0 - 1 < len(below) \
                and isinstance(below[c0 - 1], str):
            return c0 - 1
    return None


def _period_word(v: object) -> bool:
    """A header cell naming a period in words or as a date ("Січень", "I кв."); not a number, which
    in such a row would be a figure."""
    if v is None or isinstance(v, (int, float)):
        return False
    try:
        _header_period(v, 2000, False)
    except PeriodError:
        return False
    return True


def _has_period_columns(rows: list[list[object]], r: int, label_col: int) -> bool:
    """Whether a row with "Показник" heads a wide table: a period or a total right of it, on it or on
    the row below (a two-row header), and not a sentence explaining the column ("Показник (metric) |
    Код показника з каталогу …" on a help sheet)."""
    for row in rows[r:r + 2]:
        for v in row[label_col + 1:label_col + 6]:
            if v is None:
                continue
            if _is_total(v):
                return True
            try:
                _header_period(v, 2000, False)
                return True
            except PeriodError:
                continue
    return False


_METRIC_HEADERS = frozenset(LONG_HEADERS["metric"]) | WIDE_LABEL_HEADERS


def _next_header(rows: list[list[object]], header: int, col: int) -> int:
    """The row of the next table's header ("Показник" again in the label column), else the sheet's end."""
    for r in range(header + 2, len(rows)):
        row = rows[r]
        v = row[col] if col < len(row) else None
        if type(v) is str and _header_key(v) in _METRIC_HEADERS and not any(_is_number(x) for x in row) \
                and _find_header(rows, r, 1) is not None:  # a header indeed, not a section named "Заходи"
            return max(header + 2, r - 1) if _title_row(rows, r - 1) else r
    return len(rows)


def _title_row(rows: list[list[object]], r: int) -> bool:
    """A row of words only (the next table's caption, "Таблиця 2. …"): it belongs to the next table."""
    return any(type(v) is str for v in rows[r]) and not any(_is_number(v) for v in rows[r])


_NUMBER_TEXT = re.compile(r"\s*[-+−]?\d[\d \u00a0\u202f]*(?:[.,]\d+)?\s*%?\s*")


def _is_number(v: object) -> bool:
    """A figure's cell: a number, or text that is one ("1 546", "3,5"); not a date, a name, a phone."""
    if isinstance(v, (int, float)):
        return not isinstance(v, bool)
    return isinstance(v, str) and len(v) < 40 and _NUMBER_TEXT.fullmatch(v) is not None


def _last_figure_row(ctx: _Ctx, header: int, cols: list[int], also: list[int] = (), stop: int | None = None) -> int:
    """The last row under the header with a figure in one of `cols` (or, with `also`, every one of
    those columns filled: a long row of a metric and a period whose value is "н/з"): rows after it
    end the table."""
    rows, uncalculated = ctx.sheet.rows, ctx.sheet.formula_no_value
    for r in range((len(rows) if stop is None else stop) - 1, header, -1):
        row = rows[r]
        first = next((v for v in row if v is not None), None)
        if isinstance(first, str) and _CONTEXT_NAME.get(_header_key(first.partition(":")[0])):
            continue  # "Рік: | 2021" under the table: the title block, not a figure
        if any(c < len(row) and (_is_number(row[c]) or (r, c) in uncalculated) for c in cols):
            return r
        if also and all(c < len(row) and row[c] is not None for c in also):
            return r
    return header


def _norm_header(v: object) -> str:
    if v is None or not isinstance(v, str):
        return ""
    return _norm_text(v)


@functools.lru_cache(maxsize=4096)
def _norm_text(v: str) -> str:
    return " ".join(v.replace("\u00a0", " ").lower().split()).strip(" :*")


_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


@functools.lru_cache(maxsize=4096)
def _header_key(v: str) -> str:
    """A header cell as people type it, to the word it means: case, spaces, line breaks, a note in
    brackets, a unit after a comma and trailing punctuation go ("Значення, од." -> "значення",
    "Показник\n(найменування)" -> "показник", "  ПІДРОЗДІЛ: " -> "підрозділ")."""
    text = _BRACKETS.sub(" ", v.replace("\u00a0", " ").lower())
    head = text.partition(",")[0]
    key = " ".join(head.split()).strip(" :*.;-–—№#")
    return key or " ".join(text.split()).strip(" :*.;-–—")


_HEADER_NAME = {word: name for name, words in LONG_HEADERS.items() for word in words}
_ALL_HEADERS = frozenset(_HEADER_NAME) | WIDE_LABEL_HEADERS


def _long_columns(labels: list[tuple[int, str]]) -> dict[str, int] | None:
    """The long layout's columns, if these (column, header text) cells name them."""
    found: dict[str, int] = {}
    for c, label in labels:
        name = _HEADER_NAME.get(label)
        if name and name not in found:
            found[name] = c
    if {"metric", "value"} <= found.keys() and ("period" in found or "period_start" in found):
        return found
    if {"metric", "value"} <= found.keys() and len(found) <= 3:  # "Показник | Кількість" under "Звіт за січень 2021"
        return found
    return None


def _header_pairs(row: list[object], labels: list[tuple[int, str]]) -> list[tuple[str, int, int]]:
    """"Місто | Ніжин", "Рік: | 2021" written on the header row: (what, key's column, value's column);
    a key followed by another header word is a column, not a pair."""
    pairs = []
    for c, label in labels:
        key_text = label.partition(":")[0] if ":" in str(row[c]) else label
        name = _CONTEXT_NAME.get(_header_key(key_text))
        if name is None:
            continue
        rest = str(row[c]).partition(":")[2].strip()
        if rest:
            pairs.append((name, c, c))
            continue
        nxt = next((c2 for c2 in range(c + 1, min(len(row), c + 4)) if row[c2] is not None), None)
        if nxt is None:
            continue
        v = row[nxt]
        if isinstance(v, str) and _header_key(v) not in _ALL_HEADERS and _header_key(v) not in _CONTEXT_NAME:
            pairs.append((name, c, nxt))
        elif name == "year" and _year(v) is not None and not isinstance(v, str):
            pairs.append((name, c, nxt))
    return pairs


# ---------------------------------------------------------------- long layout


def _parse_long(ctx: _Ctx, header: int, cols: dict[str, int], bounds: tuple[int, int] | None = None,
                parent: SheetContext | None = None) -> tuple[int | None, SheetContext | None]:
    """The long table under `header` (within `bounds`, rows); (its last row, its context)."""
    bounds = bounds or (0, len(ctx.sheet.rows))
    when = cols.get("period", cols.get("period_start"))
    last = _last_figure_row(ctx, header, [cols["value"]], [cols["metric"], when] if when is not None else [],
                            stop=bounds[1])
    context = sheet_context(ctx, header, set(cols.values()), last, bounds, parent)
    default_place = None
    if "city" not in cols and "city_code" not in cols:  # the city of the title block, --city, the names
        default_place = context.city(ctx, header, cols["metric"])
    year = context.year(ctx, header, None, need=False)
    dept_found = context.department()
    if "period" not in cols and "period_start" not in cols:
        title_period = context.period(ctx, header, cols["metric"])
    if any(p.severity == ERROR for p in ctx.result.problems):
        return None, context
    totals, other_cities = _LongTotals(ctx), set()
    for r in range(header + 1, last + 1):
        row = ctx.sheet.rows[r]

        def get(name: str, row: list[object] = row) -> object:
            c = cols.get(name)
            return row[c] if c is not None and c < len(row) else None

        if all(v is None for v in row):
            continue
        if not _is_number(get("value")) and (when is not None and get("period") is None
                                              and get("period_start") is None or get("metric") is None):
            continue  # a section heading, a note: no figure
        if _is_total(get("metric")) or _is_total(get("period")):
            totals.check(r, cols, get)
            continue
        metric = _metric(ctx, get("metric"), r, cols["metric"])
        if default_place is not None:
            place = default_place
        else:
            place = _place(ctx, get("city"), get("city_code"), r, cols.get("city", cols.get("city_code", 0)))
            if place is not None and ctx.given.city not in (None, place) and place not in other_cities:
                other_cities.add(place)  # a row naming another city than --city: said once per city
                ctx.add("context_given_conflict", r, cols.get("city", cols.get("city_code")), what="місто",
                        what_en="city", found=str(get("city") or get("city_code")),
                        given=get_place(ctx.given.city).name_uk, option="--city")
        dept = get("department") if "department" in cols else (dept_found.value if dept_found else "")
        # no column and no "Підрозділ:" around the table: the loader asks (--department)
        if dept is None:
            ctx.add("empty_value", r, cols["department"], what="Підрозділ")
        period = _long_period(ctx, r, cols, get, year) if when is not None else title_period
        try:
            as_of = read_date(get("as_of"), date1904=ctx.sheet.date1904)
            approximate = read_flag(get("approximate"))
        except CellProblem as exc:
            col = cols["as_of"] if exc.key == "bad_date" else cols.get("approximate", 0)
            ctx.add(exc.key, r, col, **exc.params)
            continue
        if metric is None or place is None or dept is None or period is None:
            continue
        value = _value(ctx, get("value"), metric, r, cols["value"])
        if value is None:
            continue
        if metric.kind == "flow":
            as_of = None
        breakdown = get("breakdown")
        department = as_written(dept)
        if "department" in cols:
            ctx.result.department_cells.setdefault(department, ctx.locator(r, cols["department"]))
        elif dept_found is not None and dept_found.cell:
            ctx.result.department_cells.setdefault(department, ctx.locator(*dept_found.cell))
            if dept_found.rank:
                ctx.result.department_guesses.add(department)
        totals.add(r, get, metric.code, period, value.value)
        ctx.result.figures.append(Figure(
            place, department, metric.code, period, value.value, value.status,
            as_of, value.approximate or approximate,
            " ".join(str(breakdown).split()) if breakdown is not None else None,
            " ".join(str(get("sentence")).split()) if get("sentence") is not None else ctx.locator(r, cols["value"]),
        ))
    return last, context


def _long_period(ctx: _Ctx, r: int, cols: dict[str, int], get, year: int | None = None) -> Period | None:
    if "period" in cols and get("period") is not None:
        return _period(ctx, get("period"), r, cols["period"], year=year)
    if "period_start" in cols and "period_end" in cols:
        try:
            start = read_date(get("period_start"), date1904=ctx.sheet.date1904)
            end = read_date(get("period_end"), date1904=ctx.sheet.date1904)
        except CellProblem as exc:
            ctx.add(exc.key, r, cols["period_start"], **exc.params)
            return None
        if start and end:
            from activity.periods import period_from_range

            if end < start:
                ctx.add("bad_period", r, cols["period_end"], detail=f"Кінець {end} раніше за початок {start}.")
                return None
            return period_from_range(start, end)
    ctx.add("empty_value", r, cols.get("period", cols.get("period_start")), what="Період")
    return None


# ---------------------------------------------------------------- wide layout


def _parse_wide(ctx: _Ctx, header: int, label_col: int, pairs=(), bounds: tuple[int, int] | None = None,
                parent: SheetContext | None = None) -> tuple[int | None, SheetContext | None]:
    """The wide table under `header` (within `bounds`, rows); (its last row, its context)."""
    rows = ctx.sheet.rows
    bounds = bounds or (0, len(rows))
    paired = {c for _name, c1, c2 in pairs for c in (c1, c2)}
    below = rows[header + 1] if header + 1 < len(rows) else []
    table_cols = {label_col} | _run(rows[header], label_col, paired) | _run(below, label_col, paired)
    paired = set(range(max(len(rows[header]), len(below)))) - table_cols  # beside the table: not its columns
    last = _last_figure_row(ctx, header, sorted(table_cols - {label_col}), stop=bounds[1])
    context = sheet_context(ctx, header, table_cols, last, bounds, parent)
    said = len(ctx.result.problems)
    year = context.year(ctx, header, label_col, need=False)
    place = context.city(ctx, header, label_col)
    dept_found = context.department()
    dept = dept_found.value if dept_found else ""  # none written: the loader asks (--department)
    periods, totals, unknown = _columns(ctx, rows[header], label_col, year, paired)
    if len(periods) < 2 and below and (label_col >= len(below) or below[label_col] is None):
        # A two-row header: "Показник" merged down, a year merged across, the months below it.
        year = _year_in_text(" ".join(str(v) for v in rows[header] if v is not None)) or year
        periods2, totals2, unknown2 = _columns(ctx, below, label_col, year, paired)
        if len(periods2) >= 2:
            header, periods, totals, unknown = header + 1, periods2, totals2, unknown2
    if not periods and year is None:
        context.year(ctx, header, label_col)  # why there is no year: two years written, one not --year, none
        if len(ctx.result.problems) > said:
            return None, context
    for c, exc in unknown.items():
        if any(c < len(row) and row[c] is not None for row in rows[header + 1:last + 1]):
            ctx.add("column_ignored", header, c, found=str(rows[header][c]),
                    detail=exc.message_uk, detail_en=exc.message_en)
    if not periods:
        ctx.add("missing_context", header, label_col, what="рік або періоди стовпців",
                what_en="year or column periods", label="Рік:", option=" (або --year під час завантаження)",
                option_en=" (or --year when loading)")
        return None, context
    if place is None:
        return None, context
    department = as_written(dept)
    if dept_found is not None and dept_found.cell:
        ctx.result.department_cells.setdefault(department, ctx.locator(*dept_found.cell))
        if dept_found.rank:
            ctx.result.department_guesses.add(department)
    order = list(periods)
    out = FigureColumns(place, department, ctx.sheet.name, [periods[c] for c in order])
    if ctx.result.columns is None:
        ctx.result.columns = out
    else:  # a second table on the sheet
        ctx.result.more_columns.append(out)
    uncalculated = ctx.sheet.formula_no_value
    parts: list[tuple[int, list[object]]] = []  # flow rows since the last section heading or total
    for r in range(header + 1, last + 1):
        row = rows[r]
        label = row[label_col] if label_col < len(row) else None
        values = [row[c] if c < len(row) else None for c in order]
        has_values = any(v is not None for v in values) or (
            bool(uncalculated) and any((r, c) in uncalculated for c in order))
        if label is None:
            if has_values and _figures_in(values, r, order, uncalculated):
                ctx.add("empty_value", r, label_col, what="Показник")
            continue
        metric = match_metric(str(label))
        if metric is None:
            if _is_total(label):
                _check_total_row(ctx, r, row, order, parts)
                parts = []
                continue
            if not (has_values and _figures_in(values, r, order, uncalculated)):
                parts = []
                continue  # a section heading, a note, a signature
            if _norm_header(label).startswith(PART_WORDS):  # "у тому числі від громадян": a part of the row above
                ctx.add("part_row_skipped", r, label_col, warning=True, found=" ".join(str(label).split()))
                continue
            if (metric := _metric(ctx, label, r, label_col)) is None:
                continue
        if not has_values:
            continue
        at = [i for i, v in enumerate(values) if v is not None]
        if metric.unit == "count" and not uncalculated and all(type(values[i]) is int and values[i] >= 0 for i in at):
            out.extend_row(metric, at, [float(values[i]) for i in at], r, [order[i] for i in at])  # the usual row
        else:
            for i, raw in enumerate(values):
                value = _value(ctx, raw, metric, r, order[i])
                if value is not None:
                    out.append(metric.code, metric.kind == "stock", i, value.value, value.status, value.approximate,
                               r, order[i])
        if metric.kind == "flow":
            _check_totals(ctx, r, row, totals, periods, metric)
            parts.append((r, row))
    return last, context


def _figures_in(values: list[object], r: int, order: list[int], uncalculated: set) -> bool:
    """Whether a row's cells hold figures (numbers, or formulas never calculated), not only words."""
    return any(_is_number(v) for v in values) or any((r, c) in uncalculated for c in order)


def _is_total(v: object) -> bool:
    """"Разом", "Всього за рік", "УСЬОГО:", "Итого", "Total"."""
    return isinstance(v, str) and _header_key(v).startswith(TOTAL_WORDS)


def _number(v: object) -> float | None:
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return float(v)
    if _is_number(v):
        text = "".join(str(v).replace("−", "-").replace(",", ".").replace("%", "").split())
        try:
            return float(text)
        except ValueError:
            return None
    return None


def _check_total_row(ctx: _Ctx, r: int, row: list[object], order: list[int], parts: list) -> None:
    """A wide table's totals row against the rows it sums (those since the last heading or total)."""
    if not parts:
        return
    for c in order:
        total = _number(row[c]) if c < len(row) else None
        items = [_number(p[c]) if c < len(p) else None for _r, p in parts]
        if total is None or any(v is None for v in items):
            continue
        if abs(total - sum(items)) > 1e-9:
            ctx.add("total_rows_mismatch", r, c, warning=True, total=format_number(total),
                    sum=format_number(sum(items)), rows=f"{parts[0][0] + 1}–{parts[-1][0] + 1}")


class _LongTotals:
    """The long layout's total rows ("Разом" as the metric or as the period) against the figures
    above them since the last total: a warning on a mismatch, never a figure."""

    def __init__(self, ctx: _Ctx) -> None:
        self.ctx, self.rows = ctx, []

    def add(self, r: int, get, metric: str, period: Period, value: float) -> None:
        self.rows.append((_norm_header(get("metric")), value))

    def check(self, r: int, cols: dict[str, int], get) -> None:
        total = _number(get("value"))
        rows, self.rows = self.rows, []
        if total is None or not rows:
            return
        label = get("metric")
        if not _is_total(label):  # "Разом" in the period column: the metric's own rows
            rows = [x for x in rows if x[0] == _norm_header(label)]
        if rows and abs(total - sum(v for _m, v in rows)) > 1e-9:
            self.ctx.add("total_rows_mismatch", r, cols["value"], warning=True, total=format_number(total),
                         sum=format_number(sum(v for _m, v in rows)), rows=str(len(rows)))


def _run(row: list[object], label_col: int, skip: set[int]) -> set[int]:
    """The header cells right of the label column up to the first gap after one: a block of notes or a
    title beside the table is not a column of it."""
    cols: set[int] = set()
    for c in range(label_col + 1, len(row)):
        if row[c] is None or c in skip:
            if cols:
                break
            continue
        cols.add(c)
    return cols


def _columns(ctx: _Ctx, row: list[object], label_col: int, year: int | None, skip: set[int] = frozenset()):
    """Header cells right of the label column: periods, totals, and cells that are neither."""
    periods: dict[int, Period] = {}
    totals: list[int] = []
    unknown: dict[int, PeriodError] = {}
    for c in range(label_col + 1, len(row)):
        v = row[c]
        if v is None or c in skip or (isinstance(v, str) and _header_key(v) in UNIT_HEADERS):
            continue  # "Од. виміру": a column of units beside the label, not a period
        if isinstance(v, str) and _norm_header(v).startswith(TOTAL_WORDS):
            totals.append(c)
            continue
        try:
            periods[c] = _header_period(v, year, ctx.sheet.date1904)
        except PeriodError as exc:
            unknown[c] = exc
    return periods, totals, unknown


@functools.lru_cache(maxsize=8192)
def _header_period(value: object, year: int | None, date1904: bool) -> Period:
    """Column headers repeat on every sheet ("Січень" with the year of the title block): read once."""
    return parse_period(value, year=year, date1904=date1904)


def _check_totals(ctx: _Ctx, r: int, row: list, totals: list[int], periods: dict[int, Period], metric: Metric) -> None:
    months = [row[c] for c in periods if c < len(row)]
    if not totals or any(not isinstance(v, (int, float)) or isinstance(v, bool) for v in months):
        return
    for c in totals:
        total = row[c] if c < len(row) else None
        if isinstance(total, (int, float)) and not isinstance(total, bool) and abs(total - sum(months)) > 1e-9:
            ctx.add("total_mismatch", r, c, warning=True, total=total, sum=sum(months))


@dataclass
class _Found:
    value: object  # a place code, a year, a department's text
    cell: tuple[int, int] | None  # None: the sheet name, the file name, or given
    written: str  # as written, for messages
    rank: int = 0  # 0 a pair ("Місто: Ніжин"), 1 a sentence above or beside the table, 2 one below it


@dataclass
class SheetContext:
    """What the cells around a table say about it: candidates for the city, the year and the
    department (see `sheet_context`); `city()` and `year()` choose, or say why they cannot."""

    found: dict[str, list[_Found]]
    names: tuple[str, ...] = ()  # the sheet name and the file name, the last resort
    said: set = field(default_factory=set)  # problems already reported

    def city(self, ctx: _Ctx, r: int, c: int | None) -> str | None:
        return self._choose(ctx, "city", r, c)

    def year(self, ctx: _Ctx, r: int, c: int | None, *, need: bool = True) -> int | None:
        """The year; with `need` False (the columns may carry their own years) nothing is said."""
        return self._choose(ctx, "year", r, c, need=need)

    def period(self, ctx: _Ctx, r: int, c: int | None) -> Period | None:
        """The period a title sentence names ("Звіт за січень 2021 року"), for a table without a
        period column; two different ones are an error naming both cells."""
        found = self.found.get("period", [])
        distinct = list({f.value: f for f in found}.values())
        if len(distinct) > 1:
            a, b = distinct[:2]
            ctx.add("context_conflict", *a.cell, what="періоди", what_en="periods", found=a.written,
                    other=ctx.locator(*b.cell), other_found=b.written)
            return None
        if not distinct:
            ctx.add("missing_context", r, c, what="період", what_en="period", label="Період:",
                    option=" (або речення «… за січень 2021 року» в заголовку)",
                    option_en=" (or a title sentence '… за січень 2021 року')")
            return None
        return distinct[0].value

    def department(self) -> _Found | None:
        found = self.found["department"]
        return found[0] if found else None

    def _choose(self, ctx: _Ctx, what: str, r: int, c: int | None, need: bool = True) -> object | None:
        names = {"city": ("міста", "cities", "місто", "city", "--city"),
                 "year": ("роки", "years", "рік", "year", "--year")}[what]
        found = self.found[what]
        best = [f for f in found if f.rank < 2] or found  # below the table: only when nothing above says it
        distinct = list({f.value: f for f in best}.values())
        if len(distinct) > 1:
            if not need:
                return None
            a, b = sorted(distinct[:2], key=lambda f: (f.cell or (0, 0)))
            ctx.add("context_conflict", *(a.cell or (None, None)), what=names[0], what_en=names[1],
                    found=a.written, other=ctx.locator(*b.cell) if b.cell else "", other_found=b.written)
            return None
        given = getattr(ctx.given, what)
        if distinct:
            chosen = distinct[0]
            if given is not None and given != chosen.value:  # said even when not needed: the file says otherwise
                if (what, "given") in self.said:
                    return None
                self.said.add((what, "given"))
                shown = get_place(given).name_uk if what == "city" else str(given)
                ctx.add("context_given_conflict", *(chosen.cell or (None, None)), what=names[2], what_en=names[3],
                        found=chosen.written, given=shown, option=names[4])
                return None
            return chosen.value
        if given is not None:
            return given
        for source in self.names:  # read only when the cells say nothing (a miss costs a search)
            value = _place_from_name(source) if what == "city" else _year_in_text(source)
            if value is not None:
                return value
        if need:
            label = "Місто:" if what == "city" else "Рік:"
            what_uk, what_en = ("місто", "city") if what == "city" else ("рік", "year")
            ctx.add("missing_context", r, c, what=what_uk, what_en=what_en, label=label,
                    option=f" (або {names[4]} під час завантаження)", option_en=f" (or {names[4]} when loading)")
        return None


def sheet_context(ctx: _Ctx, header: int, table_cols: set[int], last_row: int,
                  bounds: tuple[int, int] | None = None, parent: SheetContext | None = None) -> SheetContext:
    """Candidates for the city, year and department of the table whose header row is `header`, whose
    columns are `table_cols` and whose last row of figures is `last_row`: read from every cell that is
    not part of the table (title blocks above, notes beside, signatures below), as pairs ("Місто:",
    "Ніжин" in the next cell or after the colon; merged cells keep their value in the first cell) and
    as sentences naming a place ("м. Ніжин", "Ніжинської міської ради") or a year ("за 2021 рік").
    Then what the loader was given, the sheet name and the file name."""
    rows = ctx.sheet.rows
    found: dict[str, list[_Found]] = {"city": [], "year": [], "department": [], "city_code": [], "period": [],
                                      "department_text": []}
    lo, hi = bounds or (0, len(rows))
    width = max((len(rows[r]) for r in range(lo, hi)), default=0)
    outside = [c for c in range(width) if c not in table_cols]  # a table's own cells are not its context
    for r in range(lo, hi):
        row = rows[r]
        inside = header <= r <= last_row
        rank = 2 if r > last_row else 1
        if inside:
            cells = [(c, row[c]) for c in outside if c < len(row) and row[c] is not None]
        else:
            cells = [(c, v) for c, v in enumerate(row) if v is not None]
        used: set[int] = set()
        for i, (c, v) in enumerate(cells):
            if c in used or not isinstance(v, str):
                continue
            key_text, colon, rest = v.partition(":")
            name = _CONTEXT_NAME.get(_header_key(key_text)) if len(key_text) < 40 else None
            if name is not None:
                at, value = ((r, c), rest.strip()) if rest.strip() else (
                    (r, cells[i + 1][0]), cells[i + 1][1]) if i + 1 < len(cells) else (None, None)
                if at is not None and not (isinstance(value, str) and _header_key(value) in _CONTEXT_NAME):
                    found[name].append(_Found(value, at, str(value).strip()))
                    used |= {c, at[1]}
                    if name == "year" and isinstance(value, str):  # "Звітний період: І квартал 2021 року"
                        period = _period_in_sentence(f"за {value}", ctx.sheet.date1904)
                        if period is not None:
                            found["period"].append(_Found(period, at, value))
                    continue
            for place in _places_in(v):
                found["city"].append(_Found(place.place.code, (r, c), place.text, rank))
            year = _year_in_sentence(v, below=r > last_row)
            if year is not None:
                found["year"].append(_Found(year, (r, c), v.strip()[:80], rank))
            department = _department_in_sentence(v) if r <= last_row else None  # not a signature
            if department is not None:
                found["department_text"].append(_Found(department, (r, c), department, 1))
            period = _period_in_sentence(v, ctx.sheet.date1904) if r < header else None
            if period is not None:
                found["period"].append(_Found(period, (r, c), v.strip()[:80], rank))
    context = SheetContext({"city": [], "year": [], "period": found["period"],
                            "department": found["department"] or found["department_text"][:1]})
    codes = found["city_code"]
    for f in codes[:1]:  # the official code settles names shared by several places
        place = _place(ctx, None, f.value, *f.cell)
        if place is not None:
            context.found["city"].append(_Found(place, f.cell, f.written))
    for f in found["city"]:
        if f.rank:
            context.found["city"].append(f)
        elif not codes:
            place = _place(ctx, f.value, None, *f.cell)
            if place is not None:
                context.found["city"].append(_Found(place, f.cell, f.written))
    for f in found["year"]:
        year = _year(f.value)
        if year is not None:
            context.found["year"].append(_Found(year, f.cell, f.written, f.rank))
    context.names = (ctx.sheet.name or "", ctx.file)
    if parent is not None:  # a second table without its own title block: the first one's
        for what, items in parent.found.items():
            if not context.found.get(what):
                context.found[what] = items
    return context


_UPPER_WORD = re.compile(r"\b[А-ЯІЇЄҐ’'-]{4,}\b")


def _places_in(text: str):
    if len(text) > 500 or not re.search(r"[А-ЯІЇЄҐA-Z]", text):
        return []
    found = places_in_text(text)
    if not found and _UPPER_WORD.search(text):  # "ВИКОНАВЧИЙ КОМІТЕТ НІЖИНСЬКОЇ МІСЬКОЇ РАДИ"
        found = places_in_text(_UPPER_WORD.sub(lambda m: m.group(0).capitalize(), text).replace(
            "Міськ", "міськ").replace("Селищн", "селищн").replace("Сільськ", "сільськ").replace("Місто ", "місто "))
    return found


_UNIT_WORD = re.compile(r"(?<![\w-])(відділ|управлінн|департамент|сектор|служб)\w*", re.I)
_STOP_WORDS = frozenset({"за", "на", "у", "в", "про", "щодо", "станом", "м", "міста", "місті", "виконавчого",
                         "виконкому", "апарату", "міської", "міська", "селищної", "сільської", "ради", "рада",
                         "громади", "військової", "адміністрації"})
_COUNCIL_WORDS = frozenset({"міської", "міська", "селищної", "селищна", "сільської", "сільська", "міськради"})


def _department_in_sentence(text: str) -> str | None:
    """The department a title names ("Звіт відділу культури і туризму Ніжинської міської ради за 2021
    рік" -> "відділ культури і туризму"): the unit's word and the words after it up to the council,
    the city, a period or punctuation, its first word in the nominative. None without a word after it."""
    if len(text) > 300:
        return None
    m = _UNIT_WORD.search(text)
    if m is None:
        return None
    words = re.split(r"(\s+)", text[m.end():].lstrip())
    taken: list[str] = []
    tokens = [w for w in words if w.strip()]
    for i, word in enumerate(tokens):
        bare = word.rstrip(",.;:)»")
        low = bare.lower()
        if (low in _STOP_WORDS or not bare or not re.fullmatch(r"[а-яіїєґʼ’'-]+", low)
                or (bare[0].isupper() and not text.isupper())
                or (i + 1 < len(tokens) and tokens[i + 1].lower().rstrip(",.;:") in _COUNCIL_WORDS)):
            break
        taken.append(low)
        if bare != word:  # a comma or a full stop ends the name
            break
    if not taken:
        return None
    from activity.morph import nominative

    head = m.group(0).lower()
    return " ".join([nominative(head), *taken])


_FOR = re.compile(r"(?<!\w)(?:за|на)\s+(.{1,60})", re.I)


def _period_in_sentence(text: str, date1904: bool) -> Period | None:
    """The period after "за" in a title ("Звіт про роботу за січень 2021 року", "за І квартал 2021 р.")."""
    if len(text) > 300 or not _YEARISH.search(text):
        return None
    for m in _FOR.finditer(text):
        words = m.group(1).replace(",", " ").split()[:5]
        for n in range(len(words), 0, -1):
            phrase = " ".join(words[:n]).rstrip(".")
            if not _YEARISH.search(phrase):
                continue
            try:
                return _header_period(phrase, None, date1904)
            except PeriodError:
                continue
    return None


_YEARISH = re.compile(r"(?<!\d)(?:19[9]\d|20\d\d)(?!\d)")
_DATE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}")
_PHONE = re.compile(r"(?:тел|phone|моб)[^\d]{0,5}[\d\s()+-]{5,}", re.I)


def _year_in_sentence(text: str, *, below: bool) -> int | None:
    """The one year a sentence names ("за 2021 рік", "2021 р."), dates and phone numbers aside; below
    the table only a year followed by "рік"/"р." counts (a signature's date is not the report's year)."""
    if len(text) > 500:
        return None
    text = _PHONE.sub(" ", _DATE.sub(" ", text))
    pattern = r"(?<!\d)(19[9]\d|20\d\d)(?!\d)" + (r"\s*(?:рік|року|р\.|р\b)" if below else "")
    years = set(re.findall(pattern, text))
    return int(years.pop()) if len(years) == 1 else None


_CONTEXT_NAME = {word: name for name, words in CONTEXT_KEYS.items() for word in words}  # the sets do not overlap


def _year(v: object) -> int | None:
    if isinstance(v, (int, float)) and not isinstance(v, bool) and 1990 <= v <= 2100:
        return int(v)
    return _year_in_text(str(v)) if v is not None else None


def _year_in_text(text: str) -> int | None:
    years = set(re.findall(r"(?<!\d)(19[9]\d|20\d\d)(?!\d)", text))
    return int(years.pop()) if len(years) == 1 else None


@functools.lru_cache(maxsize=1024)
def _place_from_name(text: str) -> str | None:
    for token in re.split(r"[\s_.,\-–—()]+", text):
        if len(token) >= 3 and not token.isdigit():
            try:
                return resolve_place(token).place.code
            except PlaceError:
                continue
    return None


# ---------------------------------------------------------------- shared cell readers


def _metric(ctx: _Ctx, raw: object, r: int, c: int) -> Metric | None:
    if raw is None:
        ctx.add("empty_value", r, c, what="Показник")
        return None
    metric, problem = metric_problem(str(raw))
    if problem is not None:
        ctx.add(problem[0], r, c, warning=problem[0] != "unknown_metric", **problem[1])
    return metric


def _place(ctx: _Ctx, raw: object, code: object, r: int, c: int) -> str | None:
    if code is not None:
        try:  # a hromada's code gives its unit (the city when its centre is one)
            return resolve_place(str(code).strip()).place.code
        except PlaceError:
            ctx.add("unknown_place", r, c, detail=f"Невідомий код КАТОТТГ «{code}».")
            return None
    if raw is None:
        ctx.add("empty_value", r, c, what="Місто")
        return None
    try:
        match = resolve_place(str(raw))
    except PlaceError as exc:
        ctx.add("unknown_place", r, c, detail=exc.message_uk, detail_en=exc.message_en)
        return None
    if match.normalised:
        ctx.add("place_normalised", r, c, warning=True, found=str(raw), place=match.place.name_uk)
    return match.place.code


def _period(ctx: _Ctx, raw: object, r: int, c: int, year: int | None) -> Period | None:
    try:
        return parse_period(raw, year=year, date1904=ctx.sheet.date1904)
    except PeriodError as exc:
        ctx.add("bad_period", r, c, detail=exc.message_uk, detail_en=exc.message_en)
        return None


def _value(ctx: _Ctx, raw: object, metric: Metric, r: int, c: int):
    try:
        return read_value(raw, metric, uncalculated=(r, c) in ctx.sheet.formula_no_value)
    except CellProblem as exc:
        ctx.add(exc.key, r, c, warning=exc.warning, **exc.params)
        return None

