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


class Damaged(ValueError):
    """The compound file is not well formed (a chain out of range or looping, a short file, ...)."""


class TooBig(ValueError):
    """The stream is larger than the limit; `size` is what its directory entry says."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def workbook_stream(path: str, max_bytes: int) -> bytes:
    """The `Workbook` (or `Book`) stream of an Excel 97-2003 file, read with every chain checked.

    Raises Damaged when the container is not well formed or holds no workbook, TooBig when the
    stream is larger than `max_bytes` (nothing that large is read)."""
    try:
        with open(path, "rb") as fh:
            return _workbook_stream(fh, max_bytes)
    except (OSError, struct.error, IndexError, UnicodeDecodeError) as exc:
        raise Damaged(f"{type(exc).__name__}") from exc


def _workbook_stream(fh, max_bytes: int) -> bytes:
    fh.seek(0, 2)
    file_size = fh.tell()
    fh.seek(0)
    header = fh.read(512)
    if len(header) < 512 or not header.startswith(OLE_MAGIC):
        raise Damaged("header")
    shift, mini_shift = struct.unpack_from("<HH", header, 30)
    if shift not in (9, 12) or mini_shift != 6:
        raise Damaged("sector size")
    size = 1 << shift
    n_sectors = max(0, (file_size - size + size - 1) // size)  # sectors after the header, the last maybe short
    n_fat, first_dir = struct.unpack_from("<II", header, 44)
    cutoff, first_minifat, n_minifat, difat_start, n_difat = struct.unpack_from("<IIIII", header, 56)
    if n_fat > n_sectors or n_difat > n_sectors or n_minifat > n_sectors:
        raise Damaged("counts")
    fat_sectors = [s for s in struct.unpack_from("<109I", header, 76) if s < _END]
    sector, seen = difat_start, set()
    for _ in range(n_difat):
        if sector >= _END:
            break
        if sector >= n_sectors or sector in seen:
            raise Damaged("DIFAT chain")
        seen.add(sector)
        words = struct.unpack(f"<{size // 4}I", _sector_of(fh, sector, size))
        fat_sectors += [s for s in words[:-1] if s < _END]
        sector = words[-1]
    fat: list[int] = []
    for s in fat_sectors[:n_fat]:
        if s >= n_sectors:
            raise Damaged("FAT sector")
        fat += struct.unpack(f"<{size // 4}I", _sector_of(fh, s, size))

    def chain(start: int, limit: int) -> list[int]:
        out, seen_here = [], set()
        s = start
        while s < _END and len(out) < limit:
            if s >= n_sectors or s >= len(fat) or s in seen_here:
                raise Damaged("sector chain")
            seen_here.add(s)
            out.append(s)
            s = fat[s]
        return out

    directory = b"".join(_sector_of(fh, s, size) for s in chain(first_dir, _MAX_SECTORS))
    entries = []
    for off in range(0, len(directory) - 127, 128):
        length = struct.unpack_from("<H", directory, off + 64)[0]
        kind = directory[off + 66]
        start, stream_size = struct.unpack_from("<IQ", directory, off + 116)
        if shift == 9:
            stream_size &= 0xFFFFFFFF  # version 3 files may leave junk in the high half
        name = directory[off: off + length - 2].decode("utf-16-le", "replace") if 2 <= length <= 64 else ""
        entries.append((name, kind, start, stream_size))
    if not entries or entries[0][1] != 5:
        raise Damaged("no root entry")
    book = next((e for e in entries if e[1] == 2 and e[0].lower() == "workbook"), None) or next(
        (e for e in entries if e[1] == 2 and e[0].lower() == "book"), None)
    if book is None:
        raise Damaged("no Workbook stream")
    _, _, start, stream_size = book
    if stream_size > n_sectors * size:
        raise Damaged("stream larger than the file")
    if stream_size > max_bytes:
        raise TooBig(stream_size)
    if stream_size >= cutoff:
        sectors = chain(start, stream_size // size + 1)
        data = b"".join(_sector_of(fh, s, size, short_ok=True) for s in sectors)
    else:  # a small stream lives in the mini stream, held in the root entry's chain
        root_start, root_size = entries[0][2], entries[0][3]
        mini = b"".join(_sector_of(fh, s, size, short_ok=True) for s in chain(root_start, root_size // size + 1))
        minifat_bytes = b"".join(_sector_of(fh, s, size) for s in chain(first_minifat, n_minifat))
        minifat = struct.unpack(f"<{len(minifat_bytes) // 4}I", minifat_bytes)
        parts, s, seen_mini = [], start, set()
        while s < _END and len(parts) * 64 < stream_size:
            if s >= len(minifat) or s in seen_mini or (s + 1) * 64 > len(mini):
                raise Damaged("mini stream chain")
            seen_mini.add(s)
            parts.append(mini[s * 64: (s + 1) * 64])
            s = minifat[s]
        data = b"".join(parts)
    if len(data) < stream_size:
        raise Damaged("stream cut short")
    return data[:stream_size]


def _sector_of(fh, number: int, size: int, short_ok: bool = False) -> bytes:
    fh.seek((number + 1) * size)
    data = fh.read(size)
    if len(data) < size and not short_ok:
        raise Damaged("truncated compound file")
    return data


def write_container(fh, stream: bytes) -> None:
    """Write a compound file holding one `Workbook` stream (version 3, 512-byte sectors) to `fh`.

    The reader of an .xls is given this copy, not the file as it came: its container is then
    exactly the stream `etl.intake.xls` has walked. A stream shorter than the 4096 bytes below
    which a stream would live in the mini stream is padded with zero bytes (no record)."""
    free, fat_mark, difat_mark = 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFC
    data = stream.ljust(4096, b"\x00")
    n_stream = (len(data) + 511) // 512
    n_fat = n_difat = 0
    while True:  # the FAT must also cover its own sectors and the DIFAT's
        need_fat = (n_stream + 1 + n_fat + n_difat + 127) // 128
        need_difat = max(0, (need_fat - 109 + 126) // 127)
        if (need_fat, need_difat) == (n_fat, n_difat):
            break
        n_fat, n_difat = need_fat, need_difat
    fat_at, difat_at, dir_at, stream_at = 0, n_fat, n_fat + n_difat, n_fat + n_difat + 1
    fat = [fat_mark] * n_fat + [difat_mark] * n_difat + [_END]
    fat += [stream_at + i + 1 for i in range(n_stream - 1)] + [_END]
    fat += [free] * (n_fat * 128 - len(fat))
    fat_numbers = list(range(fat_at, fat_at + n_fat))
    header = struct.pack("<8s16sHHHHH6sIIIIIIIII", OLE_MAGIC, b"\x00" * 16, 0x3E, 3, 0xFFFE, 9, 6, b"\x00" * 6,
                         0, n_fat, dir_at, 0, 4096, _END, 0, difat_at if n_difat else _END, n_difat)
    head_difat = fat_numbers[:109]
    header += struct.pack("<109I", *(head_difat + [free] * (109 - len(head_difat))))
    fh.write(header)
    fh.write(struct.pack(f"<{len(fat)}I", *fat))
    rest = fat_numbers[109:]
    for i in range(n_difat):
        chunk = rest[i * 127: (i + 1) * 127]
        nxt = difat_at + i + 1 if i + 1 < n_difat else _END
        fh.write(struct.pack("<128I", *(chunk + [free] * (127 - len(chunk)) + [nxt])))

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = name.encode("utf-16-le") + b"\x00\x00" if name else b""
        return (encoded.ljust(64, b"\x00") + struct.pack("<HBBIII", len(encoded), kind, 1, free, free, child)
                + b"\x00" * 36 + struct.pack("<IQ", start, size))

    fh.write(entry("Root Entry", 5, 1, _END, 0) + entry("Workbook", 2, free, stream_at, len(data))
             + entry("", 0, free, 0, 0) * 2)
    fh.write(data)
    fh.write(b"\x00" * (n_stream * 512 - len(data)))
