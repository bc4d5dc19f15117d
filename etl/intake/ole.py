"""What is inside an OLE compound file: an old .xls, or an .xlsx encrypted with a password.

Both start with the same eight bytes. Excel stores a password-encrypted .xlsx as a compound file
holding `EncryptionInfo` and `EncryptedPackage` streams; an Excel 97-2003 workbook holds a
`Workbook` (or `Book`) stream. This reads the directory's entry names with the standard library
only, every read bounded, and never the streams themselves.
"""

from __future__ import annotations

import struct

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END = 0xFFFFFFFE
_MAX_SECTORS = 100_000  # a directory or FAT chain longer than this is damaged


def stream_names(path: str) -> set[str]:
    """Names of the directory entries; an empty set when the container is damaged."""
    try:
        with open(path, "rb") as fh:
            return _names(fh)
    except (OSError, struct.error, ValueError, IndexError, UnicodeDecodeError):
        return set()


def ole_kind(path: str) -> str:
    """'encrypted' (a password-protected .xlsx), 'xls' (Excel 97-2003) or 'unknown'."""
    names = {n.lower() for n in stream_names(path)}
    if {"encryptioninfo", "encryptedpackage"} & names:
        return "encrypted"
    if {"workbook", "book"} & names:
        return "xls"
    return "unknown"


def _names(fh) -> set[str]:
    header = fh.read(512)
    if len(header) < 512 or not header.startswith(OLE_MAGIC):
        return set()
    shift = struct.unpack_from("<H", header, 30)[0]
    if shift not in (9, 12):
        return set()
    size = 1 << shift
    n_fat, first_dir = struct.unpack_from("<II", header, 44)
    difat_start, n_difat = struct.unpack_from("<II", header, 68)
    fat_sectors = [s for s in struct.unpack_from("<109I", header, 76) if s < _END][:n_fat]
    sector = difat_start
    for _ in range(min(n_difat, _MAX_SECTORS)):  # more FAT sector numbers in DIFAT sectors
        if sector >= _END:
            break
        words = struct.unpack(f"<{size // 4}I", _sector(fh, sector, size))
        fat_sectors += [s for s in words[:-1] if s < _END]
        sector = words[-1]
    fat: list[int] = []
    for s in fat_sectors[:_MAX_SECTORS]:
        fat += struct.unpack(f"<{size // 4}I", _sector(fh, s, size))
    names: set[str] = set()
    sector, seen = first_dir, 0
    while sector < _END and seen < _MAX_SECTORS and sector < len(fat):
        data = _sector(fh, sector, size)
        for off in range(0, size, 128):
            length = struct.unpack_from("<H", data, off + 64)[0]
            if 2 <= length <= 64 and data[off + 66] in (1, 2, 5):
                names.add(data[off : off + length - 2].decode("utf-16-le", "replace"))
        sector, seen = fat[sector], seen + 1
    return names


def _sector(fh, number: int, size: int) -> bytes:
    fh.seek((number + 1) * size)
    data = fh.read(size)
    if len(data) < size:
        raise ValueError("truncated compound file")
    return data
