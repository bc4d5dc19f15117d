"""Hostile and broken input files, built at test time from readable code (no binary junk committed).

Each builder returns bytes or writes a file. The zip writer here is deliberately low level: it can
state sizes that lie, use any compression method and repeat names, which `zipfile` refuses to do.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL_NS}">'
    f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)


# ------------------------------------------------------------------ sheet XML


def cell(ref: str, value: object) -> str:
    """One <c> element: numbers as numbers, text inline, True/False as booleans."""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(str(value))}</t></is></c>'


def rows_xml(rows: list[list[object]]) -> str:
    from etl.problems import cell_name

    out = []
    for r, row in enumerate(rows):
        cells = "".join(cell(cell_name(r, c), v) for c, v in enumerate(row) if v is not None)
        out.append(f'<row r="{r + 1}">{cells}</row>')
    return "".join(out)


def sheet_xml(body: str, *, dimension: str | None = None, prolog: str = "") -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
            f"{dim}<sheetData>{body}</sheetData></worksheet>")


def workbook_parts(sheets: dict[str, str], *, calc_pr: str = "", extra: dict[str, str | bytes] | None = None,
                   workbook_prolog: str = "") -> dict[str, str | bytes]:
    """The parts of a minimal .xlsx: sheet name -> sheet XML, plus any extra parts."""
    entries = "".join(f'<sheet name="{escape(n, {chr(34): "&quot;"})}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
                      for i, n in enumerate(sheets))
    rels = "".join(f'<Relationship Id="rId{i + 1}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
                   for i in range(len(sheets)))
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": (f'<?xml version="1.0" encoding="UTF-8"?>{workbook_prolog}'
                            f'<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheets>{entries}</sheets>'
                            f"{calc_pr}</workbook>"),
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL_NS}">{rels}</Relationships>',
    }
    for i, xml in enumerate(sheets.values()):
        parts[f"xl/worksheets/sheet{i + 1}.xml"] = xml
    parts.update(extra or {})
    return parts


# ------------------------------------------------------------------ a zip writer that can lie


@dataclass
class Entry:
    name: str
    data: bytes  # the bytes as stored (already compressed for method 8/12/14)
    method: int = 0  # 0 stored, 8 deflate, 12 bzip2, 14 lzma
    size: int | None = None  # uncompressed size to claim (default: the honest one for stored)
    crc: int = 0


def entry(name: str, content: str | bytes, method: int = 8) -> Entry:
    raw = content.encode("utf-8") if isinstance(content, str) else content
    if method == 0:
        return Entry(name, raw, 0, len(raw), zlib.crc32(raw))
    if method == 8:
        co = zlib.compressobj(6, zlib.DEFLATED, -15)
        return Entry(name, co.compress(raw) + co.flush(), 8, len(raw), zlib.crc32(raw))
    if method == 12:
        import bz2

        return Entry(name, bz2.compress(raw), 12, len(raw), zlib.crc32(raw))
    if method == 14:
        import lzma

        filters = [{"id": lzma.FILTER_LZMA1, "dict_size": 1 << 16}]
        props = lzma._encode_filter_properties(filters[0])  # the zip LZMA header needs them
        body = lzma.compress(raw, format=lzma.FORMAT_RAW, filters=filters)
        return Entry(name, struct.pack("<BBH", 9, 4, len(props)) + props + body, 14, len(raw), zlib.crc32(raw))
    raise ValueError(method)


def write_zip(path: Path, entries: list[Entry]) -> Path:
    """Local headers, data and a central directory, with sizes exactly as the entries claim."""
    out = bytearray()
    central = bytearray()
    for e in entries:
        name = e.name.encode("utf-8")
        size = len(e.data) if e.size is None else e.size
        offset = len(out)
        header = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, e.method, 0, 0x21,
                             e.crc, len(e.data), size, len(name), 0)
        out += header + name + e.data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, e.method, 0, 0x21,
                               e.crc, len(e.data), size, len(name), 0, 0, 0, 0, 0, offset) + name
    out += central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries),
                                 len(central), len(out), 0)
    path.write_bytes(bytes(out))
    return path


def write_parts(path: Path, parts: dict[str, str | bytes], method: int = 8) -> Path:
    return write_zip(path, [entry(name, content, method) for name, content in parts.items()])


def deflate_repeated(prefix: bytes, filler: bytes, total: int, suffix: bytes) -> bytes:
    """A raw deflate stream of prefix + filler repeated up to `total` bytes + suffix, made in
    milliseconds: one chunk is compressed with a full flush (byte-aligned, no back references
    across it) and the compressed chunk is repeated."""
    chunk = (filler * (16 * 1024 * 1024 // len(filler) + 1))[: 16 * 1024 * 1024]
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = co.compress(prefix) + co.flush(zlib.Z_FULL_FLUSH)
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = co.compress(chunk) + co.flush(zlib.Z_FULL_FLUSH)
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    tail = co.compress(suffix) + co.flush()
    return head + body * max(1, total // len(chunk)) + tail


# ------------------------------------------------------------------ OLE (compound file) containers


def ole_container(streams: dict[str, bytes]) -> bytes:
    """A minimal compound file (version 3, 512-byte sectors): one FAT sector, the directory, then
    each stream in whole sectors. Streams are padded to 4096 bytes so no mini stream is needed.
    This is the container of old .xls files and of password-encrypted .xlsx files."""
    end, free, fat_sect = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    names = list(streams)
    entries = [("Root Entry", 5, end, 0, 1 if names else free)]
    data_sectors: list[bytes] = []
    n_dir = (len(names) + 1 + 3) // 4
    next_sector = 1 + n_dir
    fat = [fat_sect] + [i + 2 if i + 1 < n_dir else end for i in range(n_dir)]
    for i, name in enumerate(names):
        body = streams[name].ljust(4096, b"\x00")
        count = (len(body) + 511) // 512
        entries.append((name, 2, next_sector, len(streams[name]) if len(streams[name]) >= 4096 else len(body),
                        i + 2 if i + 1 < len(names) else free))
        fat += [next_sector + k + 1 if k + 1 < count else end for k in range(count)]
        data_sectors.append(body.ljust(count * 512, b"\x00"))
        next_sector += count
    assert len(fat) <= 128, "one FAT sector is enough for these small files"
    directory = bytearray()
    for idx, (name, kind, start, size, sibling) in enumerate(entries):
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        child = sibling if kind == 5 else free
        right = sibling if kind == 2 else free
        directory += (encoded.ljust(64, b"\x00") + struct.pack("<HBBIII", len(encoded), kind, 1, free, right, child)
                      + b"\x00" * 36 + struct.pack("<IQ", start, size))
        del idx
    directory = bytes(directory).ljust(n_dir * 512, b"\x00")
    header = struct.pack("<8s16sHHHHH6sIIIIIIIII", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\x00" * 16, 0x3E, 3,
                         0xFFFE, 9, 6, b"\x00" * 6, 0, 1, 1, 0, 4096, end, 0, end, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", free) * 108
    fat_bytes = b"".join(struct.pack("<I", v) for v in fat).ljust(512, b"\xff")
    return header + fat_bytes + directory + b"".join(data_sectors)


def old_xls() -> bytes:
    """An Excel 97-2003 workbook's container: a `Workbook` stream starting with a BIFF8 BOF record."""
    bof = struct.pack("<HHHHIII", 0x0809, 16, 0x0600, 0x0005, 0, 0, 0)
    return ole_container({"Workbook": bof})


def encrypted_container() -> bytes:
    """What Excel writes for a password-protected .xlsx: the package encrypted inside an OLE file."""
    info = struct.pack("<HHI", 4, 4, 0x40) + b'<?xml version="1.0"?><encryption/>'
    return ole_container({"EncryptionInfo": info, "EncryptedPackage": struct.pack("<Q", 4096) + b"\x00" * 4096})
