"""Excel 97-2003 workbooks (.xls): the same figures as the same .xlsx, read as what they are
whatever their name, and refused with a clear message when encrypted, too big or damaged."""

from __future__ import annotations

import shutil
import struct
from datetime import date
from pathlib import Path

import pytest

from etl.load.parse import parse_file
from tests import hostile as h
from tests.conftest import DEPT_NIZHYN, long_rows, wide_rows, write_xlsx
from tests.hostile_run import NEWS
from tests.xls_writer import write_xls

pytest.importorskip("xlwt")

LONG = long_rows(["Ніжин", DEPT_NIZHYN, "березень 2021", "news_published", 465, None],
                 ["Ніжин", DEPT_NIZHYN, "квітень 2021", "news_published", 1546, None],
                 ["Ніжин", DEPT_NIZHYN, date(2021, 5, 1), "news_published", 0, None],
                 ["Ніжин", DEPT_NIZHYN, "червень 2021", "Оприлюднені документи (акти, рішення, проєкти)", 259, None])
WIDE = wide_rows(2019, metrics={NEWS: [7, 8, None, 10, 11, 12, 13, 14, 15, 16, 17, 9999]})


def _figures(result) -> set[tuple]:
    return {(f.metric, f.period.key, f.value, f.locator, f.place_code) for f in result.figures}


def _workbook_stream(path: Path) -> bytes:
    import olefile

    with olefile.OleFileIO(str(path)) as ole:
        return ole.openstream("Workbook").read()


def _records(stream: bytes) -> list[tuple[int, int, int]]:
    """(offset, type, length) of every record of a BIFF stream."""
    out, pos = [], 0
    while pos + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, pos)
        out.append((pos, kind, length))
        pos += 4 + length
    return out


@pytest.mark.parametrize("layout", ["long", "wide"])
def test_xls_gives_the_figures_of_the_same_xlsx(tmp_path: Path, layout: str) -> None:
    rows = LONG if layout == "long" else WIDE
    xlsx = parse_file(write_xlsx(tmp_path / "f.xlsx", {"2019": rows}))
    xls = parse_file(write_xls(tmp_path / "f.xls", {"2019": rows}))
    assert xlsx.ok and xls.ok, [p.render() for p in xlsx.problems + xls.problems]
    assert _figures(xls) == _figures(xlsx)
    values = sorted(f.value for f in xls.figures)
    assert values == ([0, 259, 465, 1546] if layout == "long" else [7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 9999])


def test_hidden_rows_and_sheets_of_an_xls_are_skipped_with_a_warning(tmp_path: Path) -> None:
    path = write_xls(tmp_path / "h.xls", {"Звіт": LONG, "Чернетка": LONG}, hidden_rows={"Звіт": [3]},
                     hidden_sheets=("Чернетка",))
    result = parse_file(path)
    assert result.ok
    assert sorted(f.value for f in result.figures) == [0, 259, 465]  # row 3 (1 546) hidden
    assert {p.key for p in result.warnings} >= {"rows_hidden", "sheet_hidden"}


@pytest.mark.parametrize(("written", "named"), [("xls", "f.xlsx"), ("xlsx", "f.xls")])
def test_a_renamed_workbook_is_read_as_what_it_is(tmp_path: Path, written: str, named: str) -> None:
    source = (write_xls(tmp_path / "src.xls", {"A": LONG}) if written == "xls"
              else write_xlsx(tmp_path / "src.xlsx", {"A": LONG}))
    renamed = tmp_path / named
    shutil.copy(source, renamed)
    result = parse_file(renamed)
    assert result.ok, [p.render() for p in result.problems]
    assert sorted(f.value for f in result.figures) == [0, 259, 465, 1546]
    assert result.figures[0].locator.startswith("A!")


def test_a_styled_empty_cell_at_the_last_cell_of_an_xls_does_not_matter(tmp_path: Path) -> None:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("A")
    for r, row in enumerate(LONG):
        for c, v in enumerate(row):
            if v is not None:
                ws.write(r, c, v, xlwt.easyxf(num_format_str="DD.MM.YYYY") if isinstance(v, date) else xlwt.Style.default_style)
    ws.write(65535, 255, None, xlwt.easyxf("pattern: pattern solid, fore_colour yellow;"))
    wb.save(str(tmp_path / "styled.xls"))
    result = parse_file(tmp_path / "styled.xls")
    assert result.ok and sorted(f.value for f in result.figures) == [0, 259, 465, 1546]


def _error(result) -> tuple[str, str, str]:
    [first, *_] = result.errors
    return first.key, first.file, first.message()


def test_an_encrypted_xls_says_so(tmp_path: Path) -> None:
    stream = _workbook_stream(write_xls(tmp_path / "plain.xls", {"A": LONG}))
    bof_end = 4 + struct.unpack_from("<H", stream, 2)[0]
    filepass = struct.pack("<HHH", 0x002F, 54, 1) + b"\x01\x00\x01\x00" + b"\x11" * 48
    path = tmp_path / "secret.xls"
    path.write_bytes(h.ole_container({"Workbook": stream[:bof_end] + filepass + stream[bof_end:]}))
    key, file, message = _error(parse_file(path))
    assert (key, file) == ("file_encrypted", "secret.xls") and "паролем" in message


def test_an_xls_over_the_limits_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import xlwt

    wb = xlwt.Workbook()
    ws = wb.add_sheet("Far")
    ws.write(0, 0, "Показник")
    ws.write(65535, 255, 5)
    wb.save(str(tmp_path / "far.xls"))
    key, file, message = _error(parse_file(tmp_path / "far.xls"))
    assert (key, file) == ("file_too_big", "far.xls") and "3 000 000 клітинок" in message

    ordinary = write_xls(tmp_path / "ordinary.xls", {"Звіт": LONG})
    monkeypatch.setenv("DASHBOARD_MAX_COLUMNS", "4")
    key, _, message = _error(parse_file(ordinary))
    assert key == "file_unsafe" and "аркуш «Звіт» має клітинку E1" in message
    monkeypatch.delenv("DASHBOARD_MAX_COLUMNS")
    monkeypatch.setenv("DASHBOARD_MAX_PART_BYTES", "2000")
    key, _, message = _error(parse_file(ordinary))
    assert key == "file_too_big" and "межа 2 000" in message
    monkeypatch.delenv("DASHBOARD_MAX_PART_BYTES")
    monkeypatch.setenv("DASHBOARD_MAX_SHEETS", "1")
    key, _, message = _error(parse_file(write_xls(tmp_path / "two.xls", {"A": LONG, "B": LONG})))
    assert key == "file_unsafe" and "2 аркушів (межа 1)" in message


def _damaged_stream(stream: bytes, how: str) -> bytes:
    records = _records(stream)
    out = bytearray(stream)
    if how == "record_past_the_end":
        pos = next(p for p, kind, _ in records if kind == 0x00FD)  # the first cell holding a string
        out[pos + 2: pos + 4] = struct.pack("<H", 0xFFFF)
        return bytes(out[: pos + 100])
    if how == "sheet_offset_outside":
        [pos] = [p for p, kind, _ in records if kind == 0x0085][:1]
        out[pos + 4: pos + 8] = struct.pack("<I", 0x7FFFFFFF)
        return bytes(out)
    if how == "huge_string_table":
        pos = next(p for p, kind, _ in records if kind == 0x00FC)
        out[pos + 8: pos + 12] = struct.pack("<I", 0xFFFFFFF0)
        return bytes(out)
    raise ValueError(how)


@pytest.mark.parametrize("how", ["record_past_the_end", "sheet_offset_outside", "huge_string_table"])
def test_a_damaged_workbook_stream_is_refused(tmp_path: Path, how: str) -> None:
    stream = _workbook_stream(write_xls(tmp_path / "plain.xls", {"A": LONG}))
    path = tmp_path / "damaged.xls"
    path.write_bytes(h.ole_container({"Workbook": _damaged_stream(stream, how)}))
    key, file, message = _error(parse_file(path))
    assert (key, file) == ("file_unreadable", "damaged.xls") and "пошкоджена книга Excel 97-2003" in message


@pytest.mark.parametrize("how", ["truncated", "fat_loop", "stream_larger_than_file", "not_a_workbook"])
def test_a_damaged_container_is_refused(tmp_path: Path, how: str) -> None:
    good = write_xls(tmp_path / "plain.xls", {"A": LONG})
    stream = _workbook_stream(good)
    data = bytearray(h.ole_container({"Workbook": stream}))
    if how == "truncated":
        data = good.read_bytes()[:3000]
    elif how == "fat_loop":  # the stream's second sector points back to its first
        first = 1 + 1  # header, FAT sector, one directory sector: the stream starts at sector 2
        data[512 + 4 * (first + 1): 512 + 4 * (first + 2)] = struct.pack("<I", first)
    elif how == "stream_larger_than_file":
        data[1024 + 128 + 120: 1024 + 128 + 124] = struct.pack("<I", 0x7FFFFFF0)
    else:
        data = bytearray(h.ole_container({"Other": stream}))
    path = tmp_path / "broken.xls"
    path.write_bytes(bytes(data))
    key, file, message = _error(parse_file(path))
    assert file == "broken.xls"
    assert key in ("file_unreadable", "file_not_what_it_says"), message
    assert "97-2003" in message


def test_a_folder_load_finds_xls_files(tmp_path: Path, db: Path) -> None:
    from activity.warehouse.store import query
    from etl.load.loader import load
    from etl.load.parse import expand_paths

    folder = tmp_path / "звіти"
    folder.mkdir()
    write_xls(folder / "nizhyn_2021.xls", {"A": LONG})
    write_xlsx(folder / "other.xlsx", {"B": long_rows(["Ніжин", DEPT_NIZHYN, "липень 2021", "news_published", 77, None])})
    files = expand_paths([folder])
    assert [f.name for f in files] == ["nizhyn_2021.xls", "other.xlsx"]
    assert load([parse_file(f) for f in files], db).loaded
    values = query("SELECT value FROM observations WHERE metric = 'news_published' ORDER BY period_start", path=db)
    assert values["value"].tolist() == [465, 1546, 0, 77]


def test_excel_errors_in_an_xls_are_errors_naming_the_cell(tmp_path: Path) -> None:
    """An error typed into a cell (BOOLERR) and a formula whose cached value is an error (FORMULA)."""
    import xlwt

    rows = long_rows(["Ніжин", DEPT_NIZHYN, "березень 2021", "news_published", 5, None],
                     ["Ніжин", DEPT_NIZHYN, "квітень 2021", "news_published", None, None],
                     ["Ніжин", DEPT_NIZHYN, "травень 2021", "news_published", 7, None])
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("A")
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v is not None:
                ws.write(r, c, v)
    ws.row(2).set_cell_error(4, "#DIV/0!")
    wb.save(str(tmp_path / "typed.xls"))
    stream = _workbook_stream(tmp_path / "typed.xls")
    # E4 (7) becomes the formula =1/0 with its cached value #DIV/0! (ptgInt 1, ptgInt 0, ptgDiv)
    pos, length = next((p, n) for p, kind, n in _records(stream)
                       if kind in (0x0203, 0x027E) and struct.unpack_from("<HH", stream, p + 4) == (3, 4))
    rgce = b"\x1e\x01\x00\x1e\x00\x00\x06"
    body = (struct.pack("<HHH", 3, 4, 15) + bytes([2, 0, 0x07, 0, 0, 0, 0xFF, 0xFF]) + struct.pack("<HIH", 0, 0, len(rgce))
            + rgce)
    formula = struct.pack("<HH", 0x0006, len(body)) + body
    path = tmp_path / "errors.xls"
    path.write_bytes(h.ole_container({"Workbook": stream[:pos] + formula + stream[pos + 4 + length:]}))
    for name in ("typed.xls", "errors.xls"):
        result = parse_file(tmp_path / name)
        assert [f.value for f in result.figures] == ([5] if name == "errors.xls" else [5, 7])
        cells = {p.cell for p in result.errors}
        assert "A!E3" in {f"{p.sheet}!{p.cell}" for p in result.errors}, [p.render() for p in result.errors]
        assert ("E4" in cells) == (name == "errors.xls"), [p.render() for p in result.errors]
        assert all("#DIV/0!" in p.message() for p in result.errors)
