"""Look inside an .xlsx/.ods package before any parser touches it.

The fast reader (calamine) aborts the whole process on some malformed sheets, and any zip can be a
bomb. This module inspects the package with the standard library only and either refuses the file
with a plain reason or returns what the parser cannot tell us: hidden rows, formulas that were never
calculated, the 1904 date system.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from etl.problems import column_index

# Limits. Real activity workbooks are tiny; these leave room for national-scale files.
MAX_ENTRIES = 2_000
MAX_UNPACKED_BYTES = 1_000_000_000  # whole package, as the zip directory claims it
MAX_PART_BYTES = 400_000_000  # one XML part, as actually read
MAX_RATIO = 200  # unpacked / packed for a large part
MAX_COLUMNS = 702  # A..ZZ: a wider sheet is refused (calamine allocates the whole width)
MAX_ROWS = 1_048_576
MAX_SHEETS = 256
MAX_CELLS = 30_000_000  # last row x width of one sheet

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


class UnsafeFile(Exception):
    """The file is refused; `key` is a message key of etl.problems, `detail` the reason."""

    def __init__(self, key: str, detail: str = "", **params: str) -> None:
        super().__init__(detail or key)
        self.key = key
        self.params = {"detail": detail, **params}


@dataclass
class SheetFacts:
    hidden_rows: set[int] = field(default_factory=set)  # 0-based
    formula_no_value: set[tuple[int, int]] = field(default_factory=set)  # 0-based (row, col)
    error_cells: dict[tuple[int, int], str] = field(default_factory=dict)  # "#DIV/0!" by (row, col)


@dataclass
class PackageFacts:
    date1904: bool = False
    sheets: dict[str, SheetFacts] = field(default_factory=dict)  # by sheet name


def sniff(head: bytes) -> str:
    """What the first bytes say the file is: zip, ole, or text."""
    if head.startswith(ZIP_MAGIC) or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    return "text"


def ole_kind(path: str) -> str:
    """An OLE file is either an old .xls or an encrypted .xlsx (EncryptionInfo stream)."""
    with open(path, "rb") as fh:
        data = fh.read(2_000_000)
    if "EncryptionInfo".encode("utf-16-le") in data or b"EncryptedPackage" in data.replace(b"\x00", b""):
        return "encrypted"
    return "xls"


_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_FORMULA = re.compile(rb"<f[ >/]")
_REF = re.compile(rb'<c r="([A-Z]+)(\d+)"')
_VALUE = re.compile(rb"<v>[^<]")
_ERROR_CELL = re.compile(rb'<c r="([A-Z]+)(\d+)"[^>]*?t="e"[^>]*>(.*?)</c>', re.DOTALL)
_ROW_HIDDEN = re.compile(rb'<row [^>]*?r="(\d+)"[^>]*?hidden="(?:1|true)"')
_DIMENSION = re.compile(rb'<dimension ref="([A-Z]+)?(\d+)?(?::([A-Z]+)(\d+))?"')
_SHEET = re.compile(rb"<sheet\b([^>]*)/?>")
_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
_REL = re.compile(rb"<Relationship\b([^>]*)/?>")


def inspect_package(path: str, kind: str) -> PackageFacts:
    """Check an .xlsx or .ods zip; raise UnsafeFile, or return facts for the reader."""
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise UnsafeFile("file_unreadable", f"пошкоджений zip-архів ({exc})") from exc
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_ENTRIES:
            raise UnsafeFile("file_unsafe", f"{len(infos)} частин в архіві (межа {MAX_ENTRIES})")
        claimed = sum(i.file_size for i in infos)
        if claimed > MAX_UNPACKED_BYTES:
            raise UnsafeFile("file_too_big", f"розпакований розмір {claimed // 1_000_000} МБ")
        for info in infos:
            if info.flag_bits & 0x1:
                raise UnsafeFile("file_encrypted")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise UnsafeFile("file_unsafe", f"незвичний метод стиснення у частині {info.filename}")
        names = {i.filename for i in infos}
        if kind == "ods":
            for part in ("content.xml", "styles.xml", "settings.xml"):
                if part in names:
                    _read_part(zf, part)  # checks size and DOCTYPE
            return PackageFacts()
        if "xl/workbook.xml" not in names:
            raise UnsafeFile("file_unreadable", "це не книга Excel (немає xl/workbook.xml)")
        return _inspect_xlsx(zf, names)


def _read_part(zf: zipfile.ZipFile, name: str) -> bytes:
    info = zf.getinfo(name)
    with zf.open(info) as fh:
        data = fh.read(MAX_PART_BYTES + 1)
    if len(data) > MAX_PART_BYTES:
        raise UnsafeFile("file_too_big", f"частина {name} розпаковується понад {MAX_PART_BYTES // 1_000_000} МБ")
    if len(data) > 50_000_000 and info.compress_size and len(data) / info.compress_size > MAX_RATIO:
        raise UnsafeFile("file_unsafe", f"частина {name} стиснута підозріло сильно (zip-бомба?)")
    if _DOCTYPE.search(data[:4096]) or (b"<!" in data and _DOCTYPE.search(data)):
        raise UnsafeFile("file_unsafe", f"частина {name} містить DOCTYPE/ENTITY (XML-сутності заборонені)")
    return data


def _attrs(raw: bytes) -> dict[str, str]:
    return {k.decode(): v.decode("utf-8", "replace") for k, v in _ATTR.findall(raw)}


def _inspect_xlsx(zf: zipfile.ZipFile, names: set[str]) -> PackageFacts:
    workbook = _read_part(zf, "xl/workbook.xml")
    facts = PackageFacts(date1904=bool(re.search(rb'date1904="(1|true)"', workbook)))
    rels_name = "xl/_rels/workbook.xml.rels"
    targets: dict[str, str] = {}
    if rels_name in names:
        for raw in _REL.findall(_read_part(zf, rels_name)):
            a = _attrs(raw)
            target = a.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
            targets[a.get("Id", "")] = path
    sheets = _SHEET.findall(workbook)
    if len(sheets) > MAX_SHEETS:
        raise UnsafeFile("file_unsafe", f"{len(sheets)} аркушів (межа {MAX_SHEETS})")
    for raw in sheets:
        a = _attrs(raw)
        part = targets.get(a.get("r:id", ""), "")
        if part in names:
            facts.sheets[_unescape(a.get("name", ""))] = _inspect_sheet(zf, part)
    for name in names:
        if name.endswith(".xml") and (name.startswith("xl/sharedStrings") or name.startswith("xl/styles")):
            _read_part(zf, name)
    return facts


def _inspect_sheet(zf: zipfile.ZipFile, part: str) -> SheetFacts:
    data = _read_part(zf, part)
    dim = _DIMENSION.search(data[:2048])
    if dim:
        for col, row in ((dim.group(1), dim.group(2)), (dim.group(3), dim.group(4))):
            _check_ref(col, row, part)
    last_row = re.search(rb'<row [^>]*?r="(\d+)"', data[data.rfind(b"<row ") :]) if b"<row " in data else None
    if last_row and int(last_row.group(1)) > MAX_ROWS:
        _check_ref(None, last_row.group(1), part)
    if last_row and dim and dim.group(3):
        cells = int(last_row.group(1)) * (column_index(dim.group(3).decode()) + 1)
        if cells > MAX_CELLS:
            raise UnsafeFile("file_too_big", f"аркуш ({part}) охоплює {cells:,} клітинок".replace(",", " "))
    facts = SheetFacts()
    facts.hidden_rows = {int(r) - 1 for r in _ROW_HIDDEN.findall(data)}
    # Any cell beyond the column limit: calamine would allocate the whole width.
    wide = re.search(rb'<c r="([A-Z]{3,})(\d+)"', data)
    if wide and column_index(wide.group(1).decode()) >= MAX_COLUMNS:
        _check_ref(wide.group(1), wide.group(2), part)
    for m in _FORMULA.finditer(data):
        start = data.rfind(b"<c ", 0, m.start())
        end = data.find(b"</c>", m.start())
        ref = _REF.match(data, start) if start >= 0 else None
        if ref and not _VALUE.search(data, m.start(), end):  # no <v>, or an empty <v></v>
            facts.formula_no_value.add((int(ref.group(2)) - 1, column_index(ref.group(1).decode())))
    if b't="e"' in data:
        for col, row, body in _ERROR_CELL.findall(data):
            value = re.search(rb"<v>([^<]*)</v>", body)
            facts.error_cells[(int(row) - 1, column_index(col.decode()))] = (
                value.group(1).decode() if value else "#ERROR")
    return facts


def _check_ref(col: bytes | None, row: bytes | None, part: str) -> None:
    if col and column_index(col.decode()) >= MAX_COLUMNS:
        raise UnsafeFile(
            "file_unsafe",
            f"аркуш ({part}) заявляє стовпець {col.decode()}; підтримується до ZZ ({MAX_COLUMNS} стовпців)",
        )
    if row and int(row) > MAX_ROWS:
        raise UnsafeFile("file_unsafe", f"аркуш ({part}) заявляє рядок {int(row)}")


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")
    )
