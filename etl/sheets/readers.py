"""Read .xlsx, .ods, .xls and .csv files into plain grids of cell values.

`read_grid` is the only place that knows file formats. It returns every visible sheet as a list of
rows (cell values: str, float, int, date, datetime or None), plus what the layout parser needs to
know: hidden rows, formulas never calculated, the 1904 date system. Hidden sheets and rows are
skipped (what an official sees in Excel is what is loaded) and reported as warnings.

.xlsx, .ods and .xls (Excel 97-2003) are read with calamine (python-calamine), measured 5-19x faster
than openpyxl here, after `etl.intake.guard` (or `etl.intake.xls` for .xls) has checked the file,
since calamine aborts the process on some malformed files. A file is read as what its first bytes
say it is: an .xls renamed .xlsx is read as .xls, and the other way round. .csv is read with the standard library: UTF-8 (with or without BOM) or cp1251; `;`, `,` or
tab separators.
"""

from __future__ import annotations

import contextlib
import csv
import io
import math
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path

from activity.settings import setting
from etl.intake.guard import PackageFacts, SheetFacts, UnsafeFile, inspect_package, ole_kind, sniff
from etl.intake.names import clean_text, safe_display_name
from etl.intake.ole import write_container
from etl.intake.xls import XlsFacts, inspect_xls
from etl.problems import ERROR, WARNING, Problem

SPREADSHEET_EXTS = {".xlsx", ".xlsm", ".ods", ".csv", ".xls"}


@dataclass
class Sheet:
    name: str | None  # None for CSV
    rows: list[list[object]]
    formula_no_value: set[tuple[int, int]] = field(default_factory=set)
    date1904: bool = False


@dataclass
class Grid:
    file: str
    sheets: list[Sheet]
    problems: list[Problem]


class ReadError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message())
        self.problem = problem


def read_grid(path: str | Path, display_name: str | None = None) -> Grid:
    """Read a spreadsheet file; raise ReadError (with a Problem naming the file) if impossible.

    `display_name` is only shown in messages; the file read is always `path`.
    """
    path = Path(path)
    name = safe_display_name(display_name or path.name)
    ext = path.suffix.lower()

    def fail(key: str, sheet: str | None = None, **params: str) -> ReadError:
        return ReadError(Problem(ERROR, key, name, sheet, params=params))

    if ext not in SPREADSHEET_EXTS:
        raise fail("file_type", ext=ext or "(без розширення)")
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise fail("file_unreadable", detail=exc.strerror or str(exc)) from exc
    max_bytes = setting("MAX_FILE_BYTES")
    if size > max_bytes:
        raise fail("file_too_big", detail=f"{size // 1_000_000} МБ (межа {max_bytes // 1_000_000} МБ)",
                   detail_en=f"{size // 1_000_000} MB (limit {max_bytes // 1_000_000} MB)")
    actual = sniff(head)
    if size == 0:
        raise fail("file_unreadable", detail="файл порожній (0 байтів)", detail_en="the file is empty (0 bytes)")
    if ext == ".csv":
        if actual != "text":
            raise fail("file_not_what_it_says", ext=ext, actual="двійкові дані (книга Excel?)",
                       hint="Збережіть таблицю як CSV або змініть розширення на .xlsx.")
        return Grid(name, [_read_csv(path, name)], [])
    if actual == "ole":
        kind = ole_kind(str(path))
        if kind == "encrypted":
            raise fail("file_encrypted")
        if kind != "xls":
            raise fail("file_not_what_it_says", ext=ext, actual="файл формату OLE, але не книга Excel 97-2003 (або пошкоджений)",
                       hint="Відкрийте її в Excel і збережіть як .xlsx.")
    elif actual != "zip":
        raise fail("file_not_what_it_says", ext=ext, actual="текст (можливо, CSV)",
                   hint="Змініть розширення на .csv або збережіть як .xlsx.")
    try:  # read as what the file is: an .xlsx renamed .xls, an .xls renamed .xlsx
        if actual == "ole":
            facts = inspect_xls(str(path))
        else:
            facts = inspect_package(str(path), "ods" if ext == ".ods" else "xlsx")
    except UnsafeFile as exc:
        raise fail(exc.key, clean_text(exc.sheet) if exc.sheet else None, **exc.params) from exc
    renamed = actual == "zip" and ext == ".xls"
    return _read_calamine(path, name, facts, ".xlsx" if renamed else None)


@contextlib.contextmanager
def _as_read(path: Path, facts: PackageFacts, suffix: str | None):
    """The path calamine should open, in a temporary folder deleted afterwards when it is not the file
    itself: for an .xls always the copy `etl.intake.xls` checked (its stream in a fresh container);
    for a package the guard trimmed, a copy with the trimmed parts (on disk rather than in memory: a
    package may unpack to hundreds of megabytes); for an .xlsx named .xls, a link named .xlsx
    (calamine goes by the extension); else the file itself."""
    if not isinstance(facts, XlsFacts) and not facts.trimmed and suffix is None:
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="dashboard-read-") as tmp:
        target = Path(tmp) / ("book.xls" if isinstance(facts, XlsFacts) else f"book{suffix or path.suffix.lower()}")
        if isinstance(facts, XlsFacts):
            with target.open("wb") as fh:
                write_container(fh, facts.stream)
        elif facts.trimmed:
            with zipfile.ZipFile(path) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as dst:
                for info in src.infolist():  # every part was checked by the guard, sizes and checksums
                    dst.writestr(info.filename, facts.trimmed.get(info.filename) or src.read(info))
        else:
            target.symlink_to(path.resolve())
        yield target


def _read_calamine(path: Path, name: str, facts: PackageFacts, suffix: str | None = None) -> Grid:
    import python_calamine as pc

    problems: list[Problem] = []
    sheets: list[Sheet] = []
    try:
        with _as_read(path, facts, suffix) as readable:
            wb = pc.CalamineWorkbook.from_path(str(readable))
            for meta in wb.sheets_metadata:
                shown = clean_text(meta.name)  # what messages and locators show
                if str(meta.visible).lower().split(".")[-1] != "visible":
                    problems.append(Problem(WARNING, "sheet_hidden", name, shown, params={"sheet": shown}))
                    continue
                rows = wb.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
                sfacts = facts.sheets.get(meta.name, SheetFacts())
                rows = [_cells(row) for row in rows]
                for (r, c), text in sfacts.error_cells.items():
                    if r < len(rows) and c < len(rows[r]):
                        rows[r][c] = text  # calamine reads error cells as empty; keep the error visible
                if sfacts.hidden_rows:
                    hidden = sorted(r for r in sfacts.hidden_rows if r < len(rows))
                    for r in hidden:
                        rows[r] = [None] * len(rows[r])
                    if hidden:
                        problems.append(Problem(WARNING, "rows_hidden", name, shown,
                                                params={"rows": ", ".join(str(r + 1) for r in hidden[:20])}))
                sheets.append(Sheet(shown, rows, sfacts.formula_no_value, facts.date1904))
            wb.close()
    except pc.PasswordError as exc:
        raise ReadError(Problem(ERROR, "file_encrypted", name)) from exc
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # calamine raises several error types, and a Rust panic is a BaseException
        raise ReadError(Problem(ERROR, "file_unreadable", name, params={"detail": str(exc)[:200]})) from exc
    return Grid(name, sheets, problems)


def _cells(row: list[object]) -> list[object]:
    """A row as the layouts want it: what `_cell` does, the three usual cases spelled out (a national
    load converts tens of millions of cells)."""
    return [
        (int(v) if v.is_integer() and -9007199254740992.0 < v < 9007199254740992.0 else v if v == v else None)
        if (t := type(v)) is float else (v if v and not v.isspace() else None) if t is str else _cell(v)
        for v in row
    ]


def _cell(v: object) -> object:
    if v == "" or v is None:
        return None
    if isinstance(v, float):
        if math.isnan(v):
            return None
        return int(v) if v.is_integer() and abs(v) < 2**53 else v
    if isinstance(v, time):
        return None if v == time(0) else v
    if isinstance(v, str):
        return v if v.strip() else None
    return v


def decode_text(data: bytes) -> str:
    """UTF-8 (BOM or not), UTF-16 with BOM, else cp1251: never mojibake from a wrong guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1251")


def _read_csv(path: Path, name: str) -> Sheet:
    try:
        text = decode_text(path.read_bytes())
    except (UnicodeDecodeError, OSError) as exc:
        raise ReadError(Problem(ERROR, "file_unreadable", name, params={"detail": str(exc)})) from exc
    if "\x00" in text:
        raise ReadError(Problem(ERROR, "file_not_what_it_says", name,
                                params={"ext": ".csv", "actual": "двійкові дані", "hint": ""}))
    sample = "\n".join(text.splitlines()[:20])
    delimiter = max((";", ",", "\t"), key=sample.count)
    rows: list[list[object]] = []
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
        rows.append([c if c.strip() else None for c in row])
    return Sheet(None, rows)
