"""Look inside an .xlsx/.ods package before any parser touches it.

The fast reader (calamine) aborts the whole process on some malformed sheets (a single cell at
XFD1048576 makes it allocate the whole grid), and any zip can be a bomb. Formatting alone is no
reason to refuse: Excel writes empty styled cells, whole-width column styles and a dimension of
A1:XFD1048576 when someone formats whole rows or columns, and the reader skips all of them; a cell
holding only white space far away is cut out of the copy the reader gets (`PackageFacts.trimmed`).
This module inspects the package with the standard library only, every part read through
`etl.intake.package` (bounded, checked against what the zip directory claims, no XML DOCTYPE), and
either refuses the file with a plain reason or returns what the parser cannot tell us: hidden rows,
formulas that were never calculated, Excel error cells, the 1904 date system.

Sheet XML is examined with byte-level regular expressions when it is written the way Excel,
LibreOffice, openpyxl and XlsxWriter write it (every cell `<c r="B7" ...>`). Anything else (a
namespace prefix, cells without a reference, attributes in another order, lower-case references)
goes through `etl.intake.sheet_xml`, a full streaming parse that works out every cell's position the way
a reader would, so no spelling of a cell escapes the limits in `activity.settings`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from activity.settings import setting
from etl.intake.names import clean_text
from etl.intake.ole import OLE_MAGIC
from etl.intake.ole import ole_kind as ole_kind  # re-exported for etl.sheets.readers
from etl.intake.package import Package, PackageRefused
from etl.intake.sheet_xml import SheetFacts, blank_shared_strings, scan_ods, scan_sheet
from etl.problems import cell_name, column_index, column_letters

ZIP_MAGIC = b"PK\x03\x04"

class UnsafeFile(Exception):
    """The file is refused; `key` is a message key of etl.problems, `detail(_en)` the reason."""

    def __init__(self, key: str, detail: str = "", detail_en: str = "", sheet: str | None = None,
                 **params: str) -> None:
        super().__init__(detail or key)
        self.key = key
        self.sheet = sheet
        self.params = {"detail": detail, "detail_en": detail_en or detail, **params}


@dataclass
class PackageFacts:
    date1904: bool = False
    sheets: dict[str, SheetFacts] = field(default_factory=dict)  # by sheet name
    recalc_pending: bool = False  # the writer asked for a full recalculation on opening
    # sheet parts rewritten for the reader (white-space cells far beyond the data cut out), by part name
    trimmed: dict[str, bytes] = field(default_factory=dict)


def sniff(head: bytes) -> str:
    """What the first bytes say the file is: zip, ole, or text."""
    if head.startswith(ZIP_MAGIC) or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    return "text"


_FORMULA = re.compile(rb"<f[ >/]")
_REF = re.compile(rb'<c r="([A-Z]+)(\d+)"')
_VALUE = re.compile(rb"<v>[^<]")
# A formula element not followed at once by a cached value other than a bare 0 (XlsxWriter's placeholder).
_FORMULA_LACKING = re.compile(rb"<f(?=[ >/])(?!(?: [^>]*)?(?:/>|>[^<]*</f>)<v>(?!0</v>)[^<])")
_ERROR_CELL = re.compile(rb'<c r="([A-Z]+)(\d+)"[^>]*?t="e"[^>]*>(.*?)</c>', re.DOTALL)
_ROW_HIDDEN = re.compile(rb'<row [^>]*?r="(\d+)"[^>]*?hidden="(?:1|true)"')
_SHEET = re.compile(rb"<sheet\b([^>]*)/?>")
_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
_REL = re.compile(rb"<Relationship\b([^>]*)/?>")
_CALC_PR = re.compile(rb"<calcPr\b[^>]*>")
# Sheet XML not written the usual way: then etl.intake.sheet_xml works out the positions. Usual is a cell
# `<c r="B7"` (upper case, no leading zero) whose other attributes are each `name="value"` after
# one space and none starts with r (so no second reference, however spaced), then `>` or `/>`.
_UNUSUAL_CELL = re.compile(rb'<c(?:[\t\r\n/>]| (?!r="[A-Z]{1,3}[1-9]\d{0,6}"(?: [a-qs-z][\w:.-]*="[^"<]*")*/?>))')
_PREFIXED = re.compile(rb"<[\w.-]+:(?:c|row|sheetData)[\s/>]")
_PREFIXED_TAIL = re.compile(rb":(?:c|row|sheetData)[\s/>]")  # its end: a one-byte literal prefix, fast to look for


def inspect_package(path: str, kind: str) -> PackageFacts:
    """Check an .xlsx or .ods zip; raise UnsafeFile, or return facts for the reader."""
    try:
        with Package(path) as pkg:
            if kind == "ods":
                return _inspect_ods(pkg)
            if "xl/workbook.xml" not in pkg.names:
                raise UnsafeFile("file_unreadable", "це не книга Excel (немає xl/workbook.xml)",
                                 "not an Excel workbook (no xl/workbook.xml)")
            return _inspect_xlsx(pkg)
    except PackageRefused as exc:
        raise UnsafeFile(exc.key, exc.detail, exc.detail_en) from exc
    except UnsafeFile:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever the checks cannot read, the reader must not see
        detail = f"{type(exc).__name__}: {str(exc)[:150]}"
        raise UnsafeFile("file_unreadable", f"пошкоджений файл ({detail})", f"a damaged file ({detail})") from exc


def _attrs(raw: bytes) -> dict[str, str]:
    return {k.decode(): v.decode("utf-8", "replace") for k, v in _ATTR.findall(raw)}


def _inspect_xlsx(pkg: Package) -> PackageFacts:
    workbook = pkg.read("xl/workbook.xml")
    calc = _CALC_PR.search(workbook)
    facts = PackageFacts(
        date1904=bool(re.search(rb'date1904="(1|true)"', workbook)),
        recalc_pending=bool(calc and re.search(rb'fullCalcOnLoad="(1|true)"', calc.group(0)))
        and "xl/calcChain.xml" not in pkg.names,
    )
    rels_name = "xl/_rels/workbook.xml.rels"
    targets: dict[str, str] = {}
    strings = "xl/sharedStrings.xml"
    read = {"xl/workbook.xml"}
    if rels_name in pkg.names:
        read.add(rels_name)
        for raw in _REL.findall(pkg.read(rels_name)):
            a = _attrs(raw)
            targets[a.get("Id", "")] = _part_of(a.get("Target", ""))
            if a.get("Type", "").endswith("/sharedStrings"):
                strings = targets[a.get("Id", "")]
    sheets = _SHEET.findall(workbook)
    max_sheets = setting("MAX_SHEETS")
    if len(sheets) > max_sheets:
        raise UnsafeFile("file_unsafe", f"{len(sheets)} аркушів (межа {max_sheets})",
                         f"{len(sheets)} sheets (limit {max_sheets})")
    budget = setting("MAX_CELLS")
    bounds = _bounds()
    blank_strings = _blank_strings(pkg, strings)
    for raw in sheets:
        a = _attrs(raw)
        part = targets.get(a.get("r:id", ""), "")
        if part in pkg.names and part not in read:
            read.add(part)
            name = _unescape(a.get("name", ""))
            data = pkg.read(part)
            sheet = _inspect_sheet(data, name, bounds, budget, blank_strings)
            if sheet.blank_far:
                facts.trimmed[part] = _cut(data, [span for _, span in sheet.blank_far])
            if facts.recalc_pending:  # cached zeros of a writer that never calculated (XlsxWriter)
                sheet.formula_no_value |= sheet.formula_zero
            budget -= sheet.last_row * (sheet.last_col + 1)
            if budget < 0:
                raise UnsafeFile("file_too_big",
                                 f"аркуші охоплюють понад {_n(setting('MAX_CELLS'))} клітинок",
                                 f"the sheets span more than {_n(setting('MAX_CELLS'))} cells", sheet=name)
            facts.sheets[name] = sheet
    for name in sorted(pkg.names - read):  # shared strings, styles, everything else: size and DOCTYPE
        pkg.scan(name)
    return facts


def _blank_strings(pkg: Package, part: str) -> Callable[[], Callable[[int], bool]]:
    """What tells whether shared string i holds only white space; the strings part is read on the
    first call, at most once per package."""
    memo: list[set[int]] = []

    def lookup() -> Callable[[int], bool]:
        if not memo:
            memo.append(blank_shared_strings(pkg.read(part)) if part in pkg.names else set())
        return memo[0].__contains__

    return lookup


def _cut(data: bytes, spans: list[tuple[int, int]]) -> bytes:
    """The sheet XML without the byte spans (whole cell elements, in document order)."""
    out, at = [], 0
    for start, end in sorted(spans):
        if data[start:start + 1] != b"<" or data[end - 1:end] != b">":  # not UTF-8 as expat counted it
            raise UnsafeFile("file_unreadable", "незвичне кодування XML аркуша", "an unusual encoding of the sheet XML")
        out.append(data[at:start])
        at = end
    out.append(data[at:])
    return b"".join(out)


@functools.lru_cache(maxsize=4096)
def _part_of(target: str) -> str:
    """The package part a workbook relationship's target names (targets repeat from file to file)."""
    return target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)


def _inspect_ods(pkg: Package) -> PackageFacts:
    """Every part checked; the tables of content.xml measured with their repeats."""

    budget = {"cells": setting("MAX_CELLS"), "tables": {}}
    bounds = _bounds()

    def check(table: str, last_col: int, last_row: int) -> None:
        _check_cell(last_col, last_row, table, bounds)
        budget["tables"][table] = last_row * (last_col + 1)
        if sum(budget["tables"].values()) > budget["cells"]:
            raise UnsafeFile("file_too_big", f"аркуші охоплюють понад {_n(budget['cells'])} клітинок",
                             f"the sheets span more than {_n(budget['cells'])} cells", sheet=table)

    for name in sorted(pkg.names):
        if name == "content.xml":
            scan_ods(pkg.read(name), check)
        else:
            pkg.scan(name)
    return PackageFacts()


def _inspect_sheet(data: bytes, sheet: str, bounds: tuple[int, int], budget: int | None = None,
                   blank_strings: Callable[[], Callable[[int], bool]] | None = None) -> SheetFacts:
    """Facts of one sheet; refused when a cell with content lies beyond `bounds`.

    The quick reading takes every cell reference; when that goes beyond the bounds or the cells
    left in `budget`, the sheet may be one whose whole rows or columns were formatted (empty styled
    cells out to XFD1048576, a space typed far away), and the full parse decides with only the cells
    that hold something. The `<dimension>` a writer states is not trusted either way: the reader
    does not allocate by it."""
    if _unusual(data):
        return _scan(data, sheet, bounds, blank_strings)
    facts = SheetFacts()
    facts.last_col = _last_column(data, bounds[0])
    facts.last_row = _last_row(data)
    if not _fits(facts.last_col, facts.last_row, bounds, budget):
        return _scan(data, sheet, bounds, blank_strings)
    if b"hidden" in data:
        facts.hidden_rows = {int(r) - 1 for r in _ROW_HIDDEN.findall(data)}
    if b"<f" in data and _FORMULA_LACKING.search(data):  # else every formula has its value: nothing to note
        for m in _FORMULA.finditer(data):
            start = data.rfind(b"<c ", 0, m.start())
            end = data.find(b"</c>", m.start())
            ref = _REF.match(data, start) if start >= 0 else None
            if not ref:
                continue
            at = (int(ref.group(2)) - 1, column_index(ref.group(1).decode()))
            if not _VALUE.search(data, m.start(), end):  # no <v>, or an empty <v></v>
                facts.formula_no_value.add(at)
            elif data.find(b"<v>0</v>", m.start(), end) >= 0:
                facts.formula_zero.add(at)
    if b't="e"' in data:
        for col, row, body in _ERROR_CELL.findall(data):
            value = re.search(rb"<v>([^<]*)</v>", body)
            facts.error_cells[(int(row) - 1, column_index(col.decode()))] = (
                value.group(1).decode() if value else "#ERROR")
    return facts


def _fits(col: int, row: int, bounds: tuple[int, int], budget: int | None) -> bool:
    return col < bounds[0] and row <= bounds[1] and (budget is None or row * (col + 1) <= budget)


def _scan(data: bytes, sheet: str, bounds: tuple[int, int],
          blank_strings: Callable[[], Callable[[int], bool]] | None) -> SheetFacts:
    lookup: list[Callable[[int], bool]] = []

    def blank(index: int) -> bool:  # the shared strings are read only when a cell asks
        if blank_strings is None:
            return False
        if not lookup:
            lookup.append(blank_strings())
        return lookup[0](index)

    facts = scan_sheet(data, lambda c, r: _check_cell(c, r, sheet, bounds), blank)
    _check_cell(facts.last_col, facts.last_row, sheet, bounds)
    return facts


def _unusual(data: bytes) -> bool:
    """True unless every cell is `<c r="B7"...` as `_UNUSUAL_CELL` describes, with no prefixes."""
    if _PREFIXED_TAIL.search(data) and _PREFIXED.search(data):
        return True
    return bool(_UNUSUAL_CELL.search(data))


def _last_column(data: bytes, max_columns: int) -> int:
    """The rightmost column any cell uses (0-based), -1 if none; refs are `<c r="B7"` here.

    The last cell's column is the first candidate; each search for a larger column goes on from
    where the previous one stopped (nothing before it was larger than the candidate then), so the
    sheet is read once whatever the order."""
    at = data.rfind(b'<c r="')
    if at < 0:
        return -1
    m = _REF.match(data, at)
    last = column_index(m.group(1).decode()) if m else 0
    start = 0
    while last < max_columns and (m := _larger_column(last).search(data, start)):
        last, start = column_index(m.group(1).decode()), m.start()
    return last


@functools.lru_cache(maxsize=1024)
def _larger_column(col: int) -> re.Pattern[bytes]:
    """A reference to a column right of `col` (0-based): more letters, or as many with a later
    letter somewhere first."""
    letters = column_letters(col)
    options = [f"[A-Z]{{{len(letters) + 1},}}"]
    for i, ch in enumerate(letters):
        if ch != "Z":
            options.append(letters[:i] + f"[{chr(ord(ch) + 1)}-Z]" + "[A-Z]" * (len(letters) - i - 1))
    return re.compile(('<c r="(' + "|".join(options) + r')\d').encode())


def _last_row(data: bytes) -> int:
    """The lowest row any cell uses (1-based), 0 if none. Writers put rows in order, so the last
    reference is the candidate; one search for any larger row number proves it (else all are read)."""
    at = data.rfind(b'<c r="')
    if at < 0:
        return 0
    m = _REF.match(data, at)
    if not m:
        return max(map(int, _ROW_OF_REF.findall(data)), default=0)
    last = int(m.group(2))
    if _larger_row(last).search(data):  # out of order (a hostile file): read them all
        return max(map(int, _ROW_OF_REF.findall(data)))
    return last


_ROW_OF_REF = re.compile(rb'<c r="[A-Z]{1,3}(\d+)"')


@functools.lru_cache(maxsize=1024)
def _larger_row(n: int) -> re.Pattern[bytes]:
    """A reference to a row above `n`: more digits, or as many with a larger digit somewhere first."""
    digits = str(n)
    options = [r"\d{" + str(len(digits) + 1) + ",}"]
    for i, d in enumerate(digits):
        if d != "9":
            options.append(digits[:i] + f"[{int(d) + 1}-9]" + r"\d" * (len(digits) - i - 1))
    return re.compile(('<c r="[A-Z]{1,3}(?:' + "|".join(options) + ')"').encode())


def _bounds() -> tuple[int, int]:
    """(columns, rows) a sheet may use: the limits in force, read once per file."""
    return setting("MAX_COLUMNS"), setting("MAX_ROWS")


def _check_cell(col: int, row: int, sheet: str, bounds: tuple[int, int]) -> None:
    """Refuse a sheet that has a cell with content beyond the limits."""
    max_cols, max_rows = bounds
    if col < max_cols and row <= max_rows:
        return
    ref = cell_name(max(row - 1, 0), max(col, 0))
    sheet = clean_text(sheet)
    verb, verb_en = "має клітинку", "has a cell at"
    raise UnsafeFile("file_unsafe",
                     f"аркуш «{sheet}» {verb} {ref}; підтримується до {cell_name(max_rows - 1, max_cols - 1)}",
                     f"sheet '{sheet}' {verb_en} {ref}; up to {cell_name(max_rows - 1, max_cols - 1)} is supported",
                     sheet=sheet)


def _n(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")
    )
