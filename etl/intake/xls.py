"""Look inside an Excel 97-2003 workbook (.xls) before calamine reads it.

The container is read through `etl.intake.ole.workbook_stream` (every sector chain checked, the
stream no larger than MAX_PART_BYTES); then the BIFF8 records of the `Workbook` stream are walked
with the standard library: the sheets (how many, which are hidden), encryption (a FILEPASS record:
a password was set), the 1904 date system, and for each worksheet the cells with content, so the
same limits as for .xlsx hold (columns, rows, cells over all sheets) and hidden rows and error
cells are known. Empty styled cells (BLANK, MULBLANK) are skipped, as the reader skips them.
A record that runs past the end of the stream, a sheet offset outside it, a shared-string table
that claims more strings than the stream could hold, or a DIMENSIONS record stating bounds no
Excel 97-2003 sheet can have (calamine reserves room for the area it states) is refused as
damaged: those are what would make a reader read or allocate beyond the file.
"""

from __future__ import annotations

import struct

from activity.settings import setting
from etl.intake.guard import PackageFacts, UnsafeFile, _check_cell, _n
from etl.intake.names import clean_text
from etl.intake.ole import Damaged, TooBig, workbook_stream
from etl.intake.sheet_xml import SheetFacts

BOF, EOF, FILEPASS, BOUNDSHEET, DATEMODE, SST, ROW = 0x0809, 0x000A, 0x002F, 0x0085, 0x0022, 0x00FC, 0x0208
DIMENSIONS = 0x0200
BIFF8_ROWS, BIFF8_COLUMNS = 65_536, 256
# records of one cell with content: row and column are their first two words
VALUE_CELLS = {0x0203, 0x027E, 0x00FD, 0x0204, 0x0205, 0x0006, 0x00D6}
MULRK, BOOLERR = 0x00BD, 0x0205
ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!",
          0x2A: "#N/A"}
_HEAD = struct.Struct("<HH")


def _damaged(what: str, what_en: str) -> UnsafeFile:
    return UnsafeFile("file_unreadable", f"пошкоджена книга Excel 97-2003 ({what})",
                      f"a damaged Excel 97-2003 workbook ({what_en})")


def inspect_xls(path: str) -> tuple[PackageFacts, dict[str, bool]]:
    """Check an .xls; raise UnsafeFile, or return the facts for the reader and each sheet's visibility."""
    max_bytes = setting("MAX_PART_BYTES")
    try:
        data = workbook_stream(path, max_bytes)
    except TooBig as exc:
        raise UnsafeFile("file_too_big", f"книга розміром {_n(exc.size)} байтів (межа {_n(max_bytes)})",
                         f"a workbook stream of {exc.size:,} bytes (limit {max_bytes:,})") from exc
    except Damaged as exc:
        raise _damaged("контейнер OLE", "the OLE container") from exc
    facts = PackageFacts()
    sheets: list[tuple[str, int, bool]] = []  # name, offset of its BOF, visible
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
        elif kind == EOF:
            break
        pos = body + length
    max_sheets = setting("MAX_SHEETS")
    if len(sheets) > max_sheets:
        raise UnsafeFile("file_unsafe", f"{len(sheets)} аркушів (межа {max_sheets})",
                         f"{len(sheets)} sheets (limit {max_sheets})")
    budget = setting("MAX_CELLS")
    bounds = setting("MAX_COLUMNS"), setting("MAX_ROWS")
    visible: dict[str, bool] = {}
    for name, offset, shown in sheets:
        sheet = _sheet(data, offset, clean_text(name), bounds)
        budget -= sheet.last_row * (sheet.last_col + 1)
        if budget < 0:
            raise UnsafeFile("file_too_big", f"аркуші охоплюють понад {_n(setting('MAX_CELLS'))} клітинок",
                             f"the sheets span more than {_n(setting('MAX_CELLS'))} cells", sheet=name)
        facts.sheets[name] = sheet
        visible[name] = shown
    return facts, visible


def _sheet(data: bytes, pos: int, name: str, bounds: tuple[int, int]) -> SheetFacts:
    """The facts of one worksheet substream, from its BOF to its EOF."""
    facts = SheetFacts()
    end = len(data)
    if pos + 4 > end or _HEAD.unpack_from(data, pos)[0] != BOF:
        raise _damaged(f"аркуш «{name}» не там, де вказано", f"sheet '{name}' is not where the workbook says")
    last_row, last_col = 0, -1
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
            _check_cell(col, row + 1, name, bounds)
            last_row, last_col = max(last_row, row + 1), max(last_col, col)
        pos = body + length
    facts.last_row, facts.last_col = last_row, last_col
    return facts
