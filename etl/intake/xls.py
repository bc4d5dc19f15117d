"""Look inside an Excel 97-2003 workbook (.xls) before calamine reads it.

The container is read through `etl.intake.ole.workbook_stream` (every sector chain checked, the
stream no larger than MAX_PART_BYTES); then the BIFF8 records of the `Workbook` stream are walked
with the standard library: the sheets (how many, which are hidden), encryption (a FILEPASS record:
a password was set), the 1904 date system, and for each worksheet the cells with content, so the
same limits as for .xlsx hold (columns, rows, cells over all sheets) and hidden rows and error
cells are known. Empty styled cells (BLANK, MULBLANK) are skipped, as the reader skips them; a
text cell holding only white space counts as empty, and when one lies beyond the cells with
content (a space typed at IV65536) its record is turned into a BLANK in the copy the reader gets.

The reader is always given that copy (`XlsFacts.stream`, written into a fresh container by
`etl.intake.ole.write_container`), never the file as it came: calamine then sees exactly the
records checked here. A record that runs past the end of the stream, a sheet offset outside it, a
shared-string table that claims more strings than the stream could hold, or a DIMENSIONS record
stating bounds no Excel 97-2003 sheet can have (calamine reserves room for the area it states) is
refused as damaged: those are what would make a reader read or allocate beyond the file.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from activity.settings import setting
from etl.intake.guard import PackageFacts, UnsafeFile, _check_cell, _fits, _n
from etl.intake.names import clean_text
from etl.intake.ole import Damaged, TooBig, workbook_stream
from etl.intake.sheet_xml import SheetFacts

BOF, EOF, FILEPASS, BOUNDSHEET, DATEMODE, SST, ROW = 0x0809, 0x000A, 0x002F, 0x0085, 0x0022, 0x00FC, 0x0208
DIMENSIONS, CONTINUE, BLANK, LABELSST, LABEL = 0x0200, 0x003C, 0x0201, 0x00FD, 0x0204
BIFF8_ROWS, BIFF8_COLUMNS = 65_536, 256
# records of one cell with content: row and column are their first two words
VALUE_CELLS = {0x0203, 0x027E, LABELSST, LABEL, 0x0205, 0x0006, 0x00D6}
MULRK, BOOLERR, FORMULA = 0x00BD, 0x0205, 0x0006
ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!",
          0x2A: "#N/A"}
_HEAD = struct.Struct("<HH")


@dataclass
class XlsFacts(PackageFacts):
    stream: bytes = b""  # the Workbook stream the reader gets (white-space cells far away made BLANK)


def _damaged(what: str, what_en: str) -> UnsafeFile:
    return UnsafeFile("file_unreadable", f"пошкоджена книга Excel 97-2003 ({what})",
                      f"a damaged Excel 97-2003 workbook ({what_en})")


def inspect_xls(path: str) -> XlsFacts:
    """Check an .xls; raise UnsafeFile, or return the facts and the stream for the reader."""
    max_bytes = setting("MAX_PART_BYTES")
    try:
        data = workbook_stream(path, max_bytes)
    except TooBig as exc:
        raise UnsafeFile("file_too_big", f"книга розміром {_n(exc.size)} байтів (межа {_n(max_bytes)})",
                         f"a workbook stream of {exc.size:,} bytes (limit {max_bytes:,})") from exc
    except Damaged as exc:
        raise _damaged("контейнер OLE", "the OLE container") from exc
    facts = XlsFacts()
    sheets: list[tuple[str, int, bool]] = []  # name, offset of its BOF, visible
    sst_at = -1
    pos, end = 0, len(data)
    first = True
    while pos + 4 <= end:
        kind, length = _HEAD.unpack_from(data, pos)
        body = pos + 4
        if body + length > end:
            raise _damaged("запис виходить за межі потоку", "a record runs past the end of the stream")
        if first:
            version = struct.unpack_from("<H", data, body)[0] if length >= 2 else 0
            if kind != BOF or version != 0x0600:
                raise UnsafeFile("file_unreadable", "книга Excel 5.0/95 або старша; збережіть її як .xlsx",
                                 "an Excel 5.0/95 or older workbook; save it as .xlsx")
            first = False
        elif kind == FILEPASS:
            raise UnsafeFile("file_encrypted")
        elif kind == DATEMODE and length >= 2:
            facts.date1904 = struct.unpack_from("<H", data, body)[0] == 1
        elif kind == BOUNDSHEET and length >= 8:
            offset, state, sheet_type, cch, flags = struct.unpack_from("<IBBBB", data, body)
            raw = data[body + 8: body + length]
            name = raw[: cch * 2].decode("utf-16-le", "replace") if flags & 1 else raw[:cch].decode("latin-1")
            if sheet_type == 0:  # a worksheet (not a chart or a macro sheet)
                sheets.append((name, offset, state & 3 == 0))
        elif kind == SST and length >= 8:
            unique = struct.unpack_from("<I", data, body + 4)[0]
            if unique > end // 3:  # every string takes three bytes at least
                raise _damaged("таблиця рядків більша за файл", "a string table larger than the file")
            sst_at = pos
        elif kind == EOF:
            break
        pos = body + length
    max_sheets = setting("MAX_SHEETS")
    if len(sheets) > max_sheets:
        raise UnsafeFile("file_unsafe", f"{len(sheets)} аркушів (межа {max_sheets})",
                         f"{len(sheets)} sheets (limit {max_sheets})")
    budget = setting("MAX_CELLS")
    bounds = setting("MAX_COLUMNS"), setting("MAX_ROWS")
    blanks: list[set[int]] = []

    def blank_strings() -> set[int]:  # read only when a sheet goes beyond the limits
        if not blanks:
            blanks.append(_blank_strings(data, sst_at) if sst_at >= 0 else set())
        return blanks[0]

    patched = bytearray()
    for name, offset, _visible in sheets:
        shown_name = clean_text(name)
        sheet = _sheet(data, offset, shown_name, bounds, None)
        if not _fits(sheet.last_col, sheet.last_row, bounds, budget):  # white space far away, or too much
            far: list[int] = []
            sheet = _sheet(data, offset, shown_name, bounds, (blank_strings(), far))
            if far:
                patched = patched or bytearray(data)
                for at in far:
                    struct.pack_into("<H", patched, at, BLANK)
        budget -= sheet.last_row * (sheet.last_col + 1)
        if budget < 0:
            raise UnsafeFile("file_too_big", f"аркуші охоплюють понад {_n(setting('MAX_CELLS'))} клітинок",
                             f"the sheets span more than {_n(setting('MAX_CELLS'))} cells", sheet=name)
        facts.sheets[name] = sheet
    facts.stream = bytes(patched) if patched else data
    return facts


def _sheet(data: bytes, pos: int, name: str, bounds: tuple[int, int],
           strict: tuple[set[int], list[int]] | None) -> SheetFacts:
    """The facts of one worksheet substream, from its BOF to its EOF.

    First read (`strict` None): every text cell counts and nothing is refused for its position, to
    learn the extent. Second read, when that extent goes beyond the limits: `strict` holds the
    indexes of the white-space shared strings and a list that receives the offsets of white-space
    text cells beyond the cells with content; a cell with content beyond the limits is refused."""
    facts = SheetFacts()
    end = len(data)
    if pos + 4 > end or _HEAD.unpack_from(data, pos)[0] != BOF:
        raise _damaged(f"аркуш «{name}» не там, де вказано", f"sheet '{name}' is not where the workbook says")
    last_row, last_col = 0, -1
    blank_cells: list[tuple[int, int, int]] = []  # row, col, offset
    unpack = _HEAD.unpack_from
    pos += 4 + unpack(data, pos)[1]
    while pos + 4 <= end:
        kind, length = unpack(data, pos)
        body = pos + 4
        if body + length > end:
            raise _damaged("запис виходить за межі потоку", "a record runs past the end of the stream")
        if kind in VALUE_CELLS and length >= 4:
            row, col = unpack(data, body)
            if kind == BOOLERR and length >= 8 and data[body + 7] == 1:
                facts.error_cells[(row, col)] = ERRORS.get(data[body + 6], "#ERROR")
            elif kind == FORMULA and length >= 14 and data[body + 12: body + 14] == b"\xff\xff" and data[body + 6] == 2:
                facts.error_cells[(row, col)] = ERRORS.get(data[body + 8], "#ERROR")  # a formula whose value is an error
            if strict is not None and _white(kind, data, body, length, strict[0]):
                blank_cells.append((row, col, pos))
                pos = body + length
                continue
        elif kind == MULRK and length >= 6:
            row, col = unpack(data, body)
            col = struct.unpack_from("<H", data, body + length - 2)[0]
        elif kind == ROW and length >= 16:
            if struct.unpack_from("<H", data, body + 12)[0] & 0x20:
                facts.hidden_rows.add(struct.unpack_from("<H", data, body)[0])
            pos = body + length
            continue
        elif kind == DIMENSIONS:  # the reader reserves room for the area it states
            if length != 14:
                raise _damaged(f"аркуш «{name}»: запис розмірів довжиною {length}", f"sheet '{name}': a dimensions "
                               f"record of length {length}")
            rw_first, rw_last, col_first, col_last = struct.unpack_from("<IIHH", data, body)
            if not (rw_first <= rw_last <= BIFF8_ROWS and col_first <= col_last <= BIFF8_COLUMNS):
                raise _damaged(f"аркуш «{name}» заявляє неможливі межі", f"sheet '{name}' states impossible bounds")
            pos = body + length
            continue
        elif kind == EOF or kind == BOF:
            break
        else:
            pos = body + length
            continue
        if row + 1 > last_row or col > last_col:
            if strict is not None:
                _check_cell(col, row + 1, name, bounds)
            last_row, last_col = max(last_row, row + 1), max(last_col, col)
        pos = body + length
    facts.last_row, facts.last_col = last_row, last_col
    if strict is not None:
        strict[1].extend(at for row, col, at in blank_cells if row + 1 > last_row or col > last_col)
    return facts


def _white(kind: int, data: bytes, body: int, length: int, blank_sst: set[int]) -> bool:
    """Whether a text cell holds only white space (a shared string, or a LABEL's own text)."""
    if kind == LABELSST and length >= 10:
        return struct.unpack_from("<I", data, body + 6)[0] in blank_sst
    if kind == LABEL and length >= 9:
        cch, flags = struct.unpack_from("<HB", data, body + 6)
        raw = data[body + 9: body + length]
        text = raw[: cch * 2].decode("utf-16-le", "replace") if flags & 1 else raw[:cch].decode("latin-1")
        return not text.strip()
    return False


def _blank_strings(data: bytes, at: int) -> set[int]:
    """Indexes of the shared strings (the SST record at `at` and its CONTINUE records) that hold only
    white space. A string's characters may run on into the next CONTINUE record, which then starts
    with a new flags byte saying whether they are one or two bytes each."""
    segments: list[bytes] = []
    pos = at
    while pos + 4 <= len(data):
        kind, length = _HEAD.unpack_from(data, pos)
        if segments and kind != CONTINUE:
            break
        segments.append(data[pos + 4: pos + 4 + length])
        pos += 4 + length
    reader = _Segments(segments)
    unique = struct.unpack_from("<I", segments[0], 4)[0]
    reader.skip(8)
    blank: set[int] = set()
    try:
        for i in range(unique):
            cch = int.from_bytes(reader.take(2), "little")
            flags = reader.take(1)[0]
            runs = int.from_bytes(reader.take(2), "little") if flags & 0x08 else 0
            ext = int.from_bytes(reader.take(4), "little") if flags & 0x04 else 0
            if not reader.chars(cch, flags & 0x01).strip():
                blank.add(i)
            reader.skip(4 * runs + ext)
    except IndexError:  # a table cut short: the strings read so far are known
        pass
    return blank


class _Segments:
    """Bytes read across the SST record and its CONTINUE records."""

    def __init__(self, segments: list[bytes]) -> None:
        self.segments, self.i, self.at = segments, 0, 0

    def _advance(self) -> None:
        while self.i < len(self.segments) and self.at >= len(self.segments[self.i]):
            self.i, self.at = self.i + 1, 0
        if self.i >= len(self.segments):
            raise IndexError("end of the string table")

    def take(self, n: int) -> bytes:
        out = b""
        while len(out) < n:
            self._advance()
            seg = self.segments[self.i]
            part = seg[self.at: self.at + n - len(out)]
            out += part
            self.at += len(part)
        return out

    def skip(self, n: int) -> None:
        while n > 0:
            self._advance()
            step = min(n, len(self.segments[self.i]) - self.at)
            self.at += step
            n -= step

    def chars(self, cch: int, wide: int) -> str:
        parts: list[str] = []
        while cch > 0:
            if self.at >= len(self.segments[self.i]):  # the characters go on in the next record,
                self.i, self.at = self.i + 1, 0  # which starts with its own flags byte
                if self.i >= len(self.segments) or not self.segments[self.i]:
                    raise IndexError("end of the string table")
                wide, self.at = self.segments[self.i][0] & 0x01, 1
                continue
            seg = self.segments[self.i]
            size = 2 if wide else 1
            n = min(cch, (len(seg) - self.at) // size)
            if n == 0:
                raise IndexError("a character split across records")
            raw = seg[self.at: self.at + n * size]
            parts.append(raw.decode("utf-16-le", "replace") if wide else raw.decode("latin-1"))
            self.at += n * size
            cch -= n
        return "".join(parts)
