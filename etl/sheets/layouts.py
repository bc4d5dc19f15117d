"""Find the table on a sheet and turn it into figures: the long and the wide layout.

*Long*: one row per figure under a header row (Місто, Підрозділ, Період, Показник, Значення, ...;
English headers too). *Wide*: metrics as rows and months, quarters or half-years as columns under a
header row starting with "Показник"; the city, department and year come from a title block above
the table ("Місто: Ніжин", "Рік: 2019"), else from the sheet name, else from the file name.
Rows and columns named "Разом", "Всього" are totals: never loaded, but checked against the months.
Section rows (a label and no values) are skipped.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from activity.catalog import Metric, match_metric
from activity.period_text import parse_period
from activity.periods import Period, PeriodError
from activity.places import PlaceError, resolve_place
from etl.figures import Figure, FigureColumns, as_written
from etl.problems import ERROR, WARNING, Problem, cell_name
from etl.sheets.cells import CellProblem, read_date, read_flag, read_value
from etl.sheets.metrics import metric_problem
from etl.sheets.readers import Sheet

LONG_HEADERS: dict[str, set[str]] = {
    "city": {"місто", "громада", "city", "населений пункт", "територіальна громада", "тг"},
    "city_code": {"код катоттг", "катоттг", "city_code", "katottg"},
    "department": {"підрозділ", "відділ", "department", "структурний підрозділ"},
    "period": {"період", "period", "звітний період"},
    "period_start": {"початок", "period_start", "початок періоду"},
    "period_end": {"кінець", "period_end", "кінець періоду"},
    "metric": {"показник", "metric", "назва показника", "найменування показника"},
    "value": {"значення", "value", "кількість"},
    "as_of": {"станом на", "as_of", "as of", "дата стану"},
    "approximate": {"приблизно", "approximate", "approx"},
    "breakdown": {"розбивка", "breakdown", "у тому числі", "в тому числі"},
    "note": {"примітка", "note", "коментар", "джерело", "source"},
    "sentence": {"речення", "sentence"},  # a review sheet of `extract --out`: the figure's locator
}
WIDE_LABEL_HEADERS = {"показник", "показники", "назва показника", "найменування показника", "metric", "найменування"}
TOTAL_WORDS = ("разом", "всього", "усього", "итого", "total", "за рік", "підсумок")
CONTEXT_KEYS = {
    "city": {"місто", "громада", "city", "рада", "територіальна громада"},
    "department": {"підрозділ", "відділ", "department", "структурний підрозділ"},
    "year": {"рік", "year", "звітний рік"},
    "city_code": {"код катоттг", "катоттг", "city_code", "katottg"},
}
HEADER_SCAN_ROWS = 30
KEEP_PROBLEMS = 1_000  # per sheet and severity; more than etl.load.parse shows, so "too many" is said


@dataclass
class SheetResult:
    figures: list[Figure] = field(default_factory=list)  # the long layout's
    columns: FigureColumns | None = None  # the wide layout's
    department_cells: dict[str, str] = field(default_factory=dict)  # department text -> its first cell
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


def parse_sheet(file: str, sheet: Sheet) -> SheetResult:
    """Figures and problems of one sheet, in whichever layout it holds."""
    result = SheetResult()
    ctx = _Ctx(file, sheet, result)
    rows = sheet.rows
    for r, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        labels = [(c, t) for c, v in enumerate(row) if type(v) is str and (t := _norm_text(v))]
        if not labels:
            continue  # a header row has words
        columns = _long_columns(labels) if len(labels) >= 3 else None  # metric, value, period at least
        if columns is not None:
            result.found_table = True
            _parse_long(ctx, r, columns)
            return result
        label_col, label = labels[0]
        if label in WIDE_LABEL_HEADERS:
            result.found_table = True
            _parse_wide(ctx, r, label_col)
            return result
    return result


def _norm_header(v: object) -> str:
    if v is None or not isinstance(v, str):
        return ""
    return _norm_text(v)


@functools.lru_cache(maxsize=4096)
def _norm_text(v: str) -> str:
    return " ".join(v.replace("\u00a0", " ").lower().split()).strip(" :*")


_HEADER_NAME = {word: name for name, words in LONG_HEADERS.items() for word in words}


def _long_columns(labels: list[tuple[int, str]]) -> dict[str, int] | None:
    """The long layout's columns, if these (column, header text) cells name them."""
    found: dict[str, int] = {}
    for c, label in labels:
        name = _HEADER_NAME.get(label)
        if name and name not in found:
            found[name] = c
    if {"metric", "value"} <= found.keys() and ("period" in found or "period_start" in found):
        return found
    return None


# ---------------------------------------------------------------- long layout


def _parse_long(ctx: _Ctx, header: int, cols: dict[str, int]) -> None:
    if "city" not in cols and "city_code" not in cols:
        ctx.add("missing_column", header, None, column="Місто", row=header + 1)
    if any(p.severity == ERROR for p in ctx.result.problems):
        return
    for r in range(header + 1, len(ctx.sheet.rows)):
        row = ctx.sheet.rows[r]

        def get(name: str, row: list[object] = row) -> object:
            c = cols.get(name)
            return row[c] if c is not None and c < len(row) else None

        if all(v is None for v in row):
            continue
        metric = _metric(ctx, get("metric"), r, cols["metric"])
        place = _place(ctx, get("city"), get("city_code"), r, cols.get("city", cols.get("city_code", 0)))
        dept = get("department") if "department" in cols else ""  # no column: the loader asks (--department)
        if dept is None:
            ctx.add("empty_value", r, cols["department"], what="Підрозділ")
        period = _long_period(ctx, r, cols, get)
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
        ctx.result.figures.append(Figure(
            place, department, metric.code, period, value.value, value.status,
            as_of, value.approximate or approximate,
            " ".join(str(breakdown).split()) if breakdown is not None else None,
            " ".join(str(get("sentence")).split()) if get("sentence") is not None else ctx.locator(r, cols["value"]),
        ))


def _long_period(ctx: _Ctx, r: int, cols: dict[str, int], get) -> Period | None:
    if "period" in cols and get("period") is not None:
        return _period(ctx, get("period"), r, cols["period"], year=None)
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


def _parse_wide(ctx: _Ctx, header: int, label_col: int) -> None:
    rows = ctx.sheet.rows
    context = _title_block(rows[:header])
    fallback = " ".join(x for x in (ctx.sheet.name, ctx.file) if x)
    year = _year(context.get("year")) or _year_in_text(" ".join(str(v) for v in context.get("_title", []))) \
        or _year_in_text(ctx.sheet.name or "") or _year_in_text(ctx.file)
    place = None
    if context.get("city_code") is not None:  # the official code settles names shared by several places
        place = _place(ctx, None, context["city_code"], *context["city_code_pos"])
    elif context.get("city") is not None:
        place = _place(ctx, context["city"], None, context["city_pos"][0], context["city_pos"][1])
    else:
        place = _place_from_name(fallback)
        if place is None:
            ctx.add("missing_context", header, None, what="місто", what_en="city", label="Місто:")
    dept = context.get("department", "")  # none written: the loader asks (--department)
    periods, totals, unknown = _columns(ctx, rows[header], label_col, year)
    below = rows[header + 1] if header + 1 < len(rows) else []
    if len(periods) < 2 and below and (label_col >= len(below) or below[label_col] is None):
        # A two-row header: "Показник" merged down, a year merged across, the months below it.
        year = _year_in_text(" ".join(str(v) for v in rows[header] if v is not None)) or year
        periods2, totals2, unknown2 = _columns(ctx, below, label_col, year)
        if len(periods2) >= 2:
            header, periods, totals, unknown = header + 1, periods2, totals2, unknown2
    for c, exc in unknown.items():
        if any(c < len(row) and row[c] is not None for row in rows[header + 1:]):
            ctx.add("column_ignored", header, c, found=str(rows[header][c]),
                    detail=exc.message_uk, detail_en=exc.message_en)
    if not periods:
        ctx.add("missing_context", header, label_col, what="рік або періоди стовпців",
                what_en="year or column periods", label="Рік:")
        return
    if place is None:
        return
    department = as_written(dept)
    if "department_pos" in context:
        ctx.result.department_cells.setdefault(department, ctx.locator(*context["department_pos"]))
    order = list(periods)
    out = ctx.result.columns = FigureColumns(place, department, ctx.sheet.name, [periods[c] for c in order])
    uncalculated = ctx.sheet.formula_no_value
    for r in range(header + 1, len(rows)):
        row = rows[r]
        label = row[label_col] if label_col < len(row) else None
        values = [row[c] if c < len(row) else None for c in order]
        has_values = any(v is not None for v in values) or (
            bool(uncalculated) and any((r, c) in uncalculated for c in order))
        if label is None:
            if has_values:
                ctx.add("empty_value", r, label_col, what="Показник")
            continue
        metric = match_metric(str(label))
        if metric is None:
            if _norm_header(label).startswith(TOTAL_WORDS) or not has_values:
                continue  # a totals row or a section heading
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


def _columns(ctx: _Ctx, row: list[object], label_col: int, year: int | None):
    """Header cells right of the label column: periods, totals, and cells that are neither."""
    periods: dict[int, Period] = {}
    totals: list[int] = []
    unknown: dict[int, PeriodError] = {}
    for c in range(label_col + 1, len(row)):
        v = row[c]
        if v is None:
            continue
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


def _title_block(rows: list[list[object]]) -> dict:
    found: dict = {"_title": []}
    for r, row in enumerate(rows):
        cells = [(c, v) for c, v in enumerate(row) if v is not None]
        for i, (c, v) in enumerate(cells):
            if not isinstance(v, str):
                continue
            key_text, _, rest = v.partition(":")
            name = _CONTEXT_NAME.get(_norm_text(key_text))
            if name is not None and name not in found:
                if rest.strip():
                    found[name], found[f"{name}_pos"] = rest.strip(), (r, c)
                elif i + 1 < len(cells):
                    found[name], found[f"{name}_pos"] = cells[i + 1][1], (r, cells[i + 1][0])
            else:
                found["_title"].append(v)
    return found


_CONTEXT_NAME = {word: name for name, words in CONTEXT_KEYS.items() for word in words}  # the sets do not overlap


def _year(v: object) -> int | None:
    if isinstance(v, (int, float)) and not isinstance(v, bool) and 1990 <= v <= 2100:
        return int(v)
    return _year_in_text(str(v)) if v is not None else None


def _year_in_text(text: str) -> int | None:
    years = set(re.findall(r"(?<!\d)(19[9]\d|20\d\d)(?!\d)", text))
    return int(years.pop()) if len(years) == 1 else None


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

