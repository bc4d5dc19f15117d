"""One input file to figures and problems, with nothing written anywhere (the `check` command)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from activity.catalog import get_metric
from activity.formatting import format_number, period_label
from activity.identity import REPEAT_COLUMNS, once_in_obs
from activity.wordings import look_again
from etl.figures import Figure, FigureColumns, Given, columns_table
from etl.intake.names import safe_display_name
from etl.problems import ERROR, WARNING, Problem
from etl.reports.text import REPORT_EXTS
from etl.sheets.layouts import parse_sheet
from etl.sheets.readers import SPREADSHEET_EXTS, Grid, ReadError, read_grid

MAX_PROBLEMS = 200
INPUT_EXTS = SPREADSHEET_EXTS | REPORT_EXTS


@dataclass
class FileResult:
    name: str
    path: Path
    kind: str
    content_hash: str
    figures: list[Figure] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    action: str = ""  # set by the loader: added | replaced | unchanged | rejected
    replaced: str | None = None
    packed: object = None  # the figures as an Arrow table (see pack()); then `figures` is empty
    count: int = -1  # how many figures were packed (kept when the table is let go after storing)
    once_in_obs: bool | None = None  # see once_in_obs(); None: not known yet
    department_cells: dict[str, str] = field(default_factory=dict)  # department text -> where it is written
    department_guesses: set[str] = field(default_factory=set)  # texts read from a title sentence (a guess)
    departments: dict[tuple[str, str], object] | None = None  # (place, text) -> Department (etl.load.departments)

    @property
    def figure_count(self) -> int:
        return self.count if self.count >= 0 else len(self.figures)

    def pack(self) -> FileResult:
        """Hold the figures as one Arrow table: cheap to send between processes and to insert."""
        if self.packed is None:
            self.count, self.packed, self.figures = len(self.figures), figures_table(self.figures), []
        return self

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors


def figures_table(figs: list[Figure]):
    """Figures as an Arrow table with the columns of `facts` after `source_id`."""
    import pyarrow as pa

    return pa.table({
        "place_code": pa.array([f.place_code for f in figs], pa.string()),
        "department": pa.array([f.department for f in figs], pa.string()),
        "metric": pa.array([f.metric for f in figs], pa.string()),
        "period_start": pa.array([f.period.start for f in figs], pa.date32()),
        "period_end": pa.array([f.period.end for f in figs], pa.date32()),
        "granularity": pa.array([f.period.granularity for f in figs], pa.string()),
        "value": pa.array([f.value for f in figs], pa.float64()),
        "status": pa.array([f.status for f in figs], pa.string()),
        "as_of": pa.array([f.as_of for f in figs], pa.date32()),
        "approximate": pa.array([f.approximate for f in figs], pa.bool_()),
        "breakdown": pa.array([f.breakdown for f in figs], pa.string()),
        "locator": pa.array([f.locator for f in figs], pa.string()),
    })


def expand_paths(paths: list[str | Path]) -> list[Path]:
    """Files as given, and the input files inside folders (sorted, hidden files skipped)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in INPUT_EXTS
                              and not any(part.startswith((".", "~$")) for part in f.relative_to(p).parts)))
        else:
            out.append(p)
    return out


def parse_file(path: str | Path, display_name: str | None = None, *, packed: bool = False,
               given: Given | None = None, skip_unknown: bool = False) -> FileResult:
    """Read and validate one file. Never raises for bad input: problems are in the result.

    `given`: the city and year of sheets that do not say them (--city, --year; etl.sheets.layouts).

    With `packed`, the figures come as one Arrow table (`result.packed`, see FileResult.pack) built
    without a Python object per figure where the layout allows it: what the loader wants. With
    `skip_unknown`, a row whose metric is unknown is left out with a warning naming its cell
    (`unknown_metric_skipped`) instead of rejecting the file.
    """
    path = Path(path)
    name = safe_display_name(display_name or path.name)  # shown and stored; never used as a path
    look_again()  # the metric wordings people mapped, as they stand now
    try:
        data_hash = _sha256(path)
    except OSError as exc:
        return FileResult(name, path, path.suffix.lower().lstrip("."), "", problems=[
            Problem(ERROR, "file_unreadable", name, params={"detail": exc.strerror or str(exc)})])
    result = FileResult(name, path, path.suffix.lower().lstrip("."), data_hash)
    try:
        grid = _read_report(path, name, result, given) if path.suffix.lower() in REPORT_EXTS else read_grid(path, name)
    except ReadError as exc:
        result.problems.append(exc.problem)
        return result
    result.problems.extend(grid.problems)
    parts: list[list[Figure] | FigureColumns] = [result.figures] if result.figures else []
    for sheet in grid.sheets:
        sheet_result = parse_sheet(name, sheet, given)
        parts.append(sheet_result.figures)
        if sheet_result.columns is not None:
            parts.append(sheet_result.columns)
        parts.extend(sheet_result.more_columns)
        result.problems.extend(_skipping(sheet_result.problems) if skip_unknown else sheet_result.problems)
        for text, cell in sheet_result.department_cells.items():
            result.department_cells.setdefault(text, cell)
        result.department_guesses |= sheet_result.department_guesses
        if not sheet_result.found_table and _has_numbers(sheet.rows):  # a text-only sheet is notes
            result.problems.append(Problem(WARNING, "sheet_no_table", name, sheet.name,
                                           params={"sheet": sheet.name or name}))
    parts = [p for p in parts if len(p)]
    if packed and not _packed_without_repeats(result, parts):
        packed = False  # the same figure twice: said below, figure by figure
    if not packed:
        result.figures = _dedupe(result, [f for p in parts for f in (p.figures() if isinstance(p, FigureColumns) else p)])
    _check_ceilings(result)
    if not result.figure_count and not result.errors:
        result.problems.append(Problem(ERROR, "no_figures", name))
    if len(result.problems) > MAX_PROBLEMS:
        result.problems.sort(key=lambda p: p.severity != ERROR)  # errors first: never cut away
        result.problems = result.problems[:MAX_PROBLEMS] + [
            Problem(WARNING, "too_many", name, params={"n": MAX_PROBLEMS})]
    return result




def _skipping(problems: list[Problem]) -> list[Problem]:
    """Unknown metrics as warnings: their rows were never read, the rest of the sheet was."""
    return [Problem(WARNING, "unknown_metric_skipped", p.file, p.sheet, p.cell, params=p.params)
            if p.key == "unknown_metric" else p for p in problems]


def skip_unknown_rows(result: FileResult) -> int:
    """A file already parsed, as `parse_file(..., skip_unknown=True)` gives it: its rows of unknown
    metrics left out with a warning each. Returns how many rows were left out."""
    n = sum(1 for p in result.problems if p.key == "unknown_metric")
    result.problems = _skipping(result.problems)
    if not result.figure_count and not result.errors:
        result.problems.append(Problem(ERROR, "no_figures", result.name))
    return n


def _packed_without_repeats(result: FileResult, parts: list) -> bool:
    """Pack the parts into `result` if no figure appears twice (the usual case); else leave it."""
    import pyarrow as pa

    if not parts:
        return True
    wide = [p for p in parts if isinstance(p, FigureColumns)]
    tables = [figures_table(p) for p in parts if not isinstance(p, FigureColumns)]
    if wide:
        table, once = columns_table(wide)
        tables.append(table)
    table = pa.concat_tables(tables) if len(tables) > 1 else tables[0]
    # Once as `observations` counts figures implies no repeat (REPEAT_COLUMNS is a finer key).
    result.once_in_obs = once if len(tables) == 1 and wide else once_in_obs(table)
    if not result.once_in_obs and table.group_by(list(REPEAT_COLUMNS)).aggregate([]).num_rows != table.num_rows:
        return False
    result.packed, result.count, result.figures = table, table.num_rows, []
    return True


def _check_ceilings(result: FileResult) -> None:
    """A value beyond what its metric can plausibly count (activity.plausibility) is an error naming
    its cell."""
    import numpy as np
    import pyarrow as pa

    from activity.periods import period_from_range
    from activity.plausibility import ceiling, too_big

    table = result.packed if result.packed is not None else (figures_table(result.figures) if result.figures else None)
    if table is None or not table.num_rows:
        return
    metrics = table["metric"].to_pylist()
    known = {code: get_metric(code) for code in set(metrics)}
    days = (table["period_end"].cast(pa.int32()).to_numpy(zero_copy_only=False)
            - table["period_start"].cast(pa.int32()).to_numpy(zero_copy_only=False) + 1)
    values = table["value"].to_numpy(zero_copy_only=False)
    months = np.maximum(1, np.round(days / 30.4375))  # calendar months, near enough
    bad = np.flatnonzero(too_big(values, [known[m].unit for m in metrics], [known[m].kind == "stock" for m in metrics],
                                 months))
    for i in bad[:MAX_PROBLEMS]:
        sheet, _, cell = table["locator"][int(i)].as_py().rpartition("!")
        start, end = table["period_start"][int(i)].as_py(), table["period_end"][int(i)].as_py()
        metric = known[metrics[i]]
        limit = ceiling(metric.unit, metric.kind == "stock", months[i])
        result.problems.append(Problem(ERROR, "value_implausible", result.name, sheet or None, cell or None, params={
            "value": format_number(values[i]), "metric": metric.label_uk, "metric_en": metric.label_en,
            "period": period_label(period_from_range(start, end)), "limit": format_number(limit)}))


def _read_report(path: Path, name: str, result: FileResult, given: Given | None = None) -> Grid:
    """A narrative report (.txt, .docx, .doc, .pdf, .html): etl.reports.extraction finds its figures; it has no sheets."""
    from etl.reports.extraction import report_figures

    result.figures, problems = report_figures(path, name, given)
    return Grid(name, [], problems)


def _dedupe(result: FileResult, figures: list[Figure]) -> list[Figure]:
    """The same figure twice in one file: once if equal, an error naming both cells if not."""
    seen: dict[tuple, Figure] = {}
    added, any_error = len(result.problems), bool(result.errors)
    for fig in figures:
        key = fig.key
        other = seen.setdefault(key, fig)
        if other is fig:
            continue
        same = other.value == fig.value and other.status == fig.status
        if added > 5 * MAX_PROBLEMS and (same or any_error):
            continue  # enough said (a file of a million repeats must not fill memory); counted once
        added, any_error = added + 1, any_error or not same
        sheet, _, cell = fig.locator.rpartition("!")
        params = {
            "metric": get_metric(fig.metric).label_uk,
            "period": period_label(fig.period),
            "other": other.locator,
            "other_value": format_number(other.value),
            "value": format_number(fig.value),
        }
        result.problems.append(Problem(WARNING if same else ERROR, "duplicate_same" if same else "duplicate_conflict",
                                       result.name, sheet or None, cell, params=params))
    return list(seen.values())


def _has_numbers(rows: list[list[object]]) -> bool:
    return any(isinstance(v, (int, float)) and not isinstance(v, bool) for row in rows for v in row)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
