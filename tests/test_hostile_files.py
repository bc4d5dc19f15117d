"""Hostile and broken files, each built at test time and loaded through the real command line.

Every case runs `python -m etl --json load FILE` in its own process (tests/hostile_run.py), so a
parser that aborts the process is a failure here and not the end of pytest. Each must end in a
correct load or a clear error naming the file (and the sheet and cell where there is one), within
10 seconds and 1 GB of memory, without a traceback, and a refused file leaves the warehouse byte
for byte as it was. This file: what the container holds and how big it is; tests/test_hostile_cells.py:
what the cells and names hold.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from activity.warehouse.store import query
from tests import hostile as h
from tests import hostile_run
from tests.conftest import DEPT_NIZHYN, long_rows, wide_rows, write_xlsx
from tests.hostile_run import GOOD_SHEET, NEWS, loaded, part_file, refused, run_cli

base_db, wh = hostile_run.base_db, hostile_run.wh  # the fixtures every case uses

pytest.importorskip("resource")  # peak memory of the child; Unix only


# ------------------------------------------------------------------ not what they claim to be


def test_empty_workbook(tmp_path: Path, wh: Path) -> None:
    from openpyxl import Workbook

    path = tmp_path / "empty.xlsx"
    Workbook().save(path)
    refused(wh, path, "no_figures")


def test_zero_byte_file(tmp_path: Path, wh: Path) -> None:
    path = tmp_path / "nothing.xlsx"
    path.write_bytes(b"")
    refused(wh, path, "file_unreadable", text="порожній")


def test_header_only_file_does_not_wipe_earlier_figures(tmp_path: Path, wh: Path) -> None:
    (tmp_path / "v1").mkdir()
    (tmp_path / "v2").mkdir()
    first = write_xlsx(tmp_path / "v1" / "report.xlsx", {"A": long_rows(
        ["Ніжин", DEPT_NIZHYN, "травень 2021", "videos_published", 12, None])})
    loaded(wh, first)
    header_only = write_xlsx(tmp_path / "v2" / "report.xlsx", {"A": long_rows()})
    refused(wh, header_only, "no_figures")
    rows = query("SELECT value, source FROM observations WHERE metric = 'videos_published'", path=wh)
    assert rows.values.tolist() == [[12, "report.xlsx"]]


def test_truncated_zip(tmp_path: Path, wh: Path) -> None:
    good = part_file(tmp_path, "good.xlsx", {"A": GOOD_SHEET})
    for cut in (100, len(good.read_bytes()) // 2, len(good.read_bytes()) - 30):
        bad = tmp_path / f"cut{cut}.xlsx"
        bad.write_bytes(good.read_bytes()[:cut])
        refused(wh, bad, "file_unreadable")


def test_csv_renamed_xlsx(tmp_path: Path, wh: Path) -> None:
    path = tmp_path / "table.xlsx"
    path.write_text("Місто;Підрозділ;Період;Показник;Значення\nНіжин;відділ;2021-03;news_published;5\n")
    refused(wh, path, "file_not_what_it_says", text=".csv")


@pytest.mark.parametrize("name", ["old.xls", "old_renamed.xlsx"])
def test_an_xls_without_sheets_has_no_figures(tmp_path: Path, wh: Path, name: str) -> None:
    import olefile

    path = tmp_path / name
    path.write_bytes(h.old_xls())
    assert olefile.OleFileIO(str(path)).exists("Workbook")  # a well-formed compound file
    refused(wh, path, "no_figures")


@pytest.mark.parametrize("name", ["report.xls", "report_renamed.xlsx"])
def test_an_xls_loads_whatever_its_name(tmp_path: Path, wh: Path, name: str) -> None:
    from tests.xls_writer import write_xls

    path = write_xls(tmp_path / name, {"Звіт": long_rows(["Ніжин", DEPT_NIZHYN, "2021-07", "news_published", 512, None])})
    loaded(wh, path)
    assert 512 in query("SELECT value FROM observations", path=wh)["value"].tolist()


def test_an_xls_spanning_too_many_cells_is_refused(tmp_path: Path, wh: Path) -> None:
    """One value at IV65536 (the last cell of Excel 97-2003) per sheet: 16,7 million cells each."""
    import xlwt

    wb = xlwt.Workbook()
    for i in range(3):
        ws = wb.add_sheet(f"S{i}")
        ws.write(0, 0, "Показник")
        ws.write(65535, 255, 1)
    wb.save(str(tmp_path / "far.xls"))
    refused(wh, tmp_path / "far.xls", "file_too_big", sheet="S0", text="клітинок")


def test_an_xls_with_300_sheets_is_refused(tmp_path: Path, wh: Path) -> None:
    from tests.xls_writer import write_xls

    path = write_xls(tmp_path / "many.xls", {f"S{i}": [["x"]] for i in range(300)})
    refused(wh, path, "file_unsafe", text="300 аркушів")


def test_password_encrypted_xlsx_says_so(tmp_path: Path, wh: Path) -> None:
    """A real encryption (msoffcrypto-tool, agile, as Excel does it) and a bare container."""
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = write_xlsx(tmp_path / "plain.xlsx", {"A": long_rows(["Ніжин", DEPT_NIZHYN, "2021-05", "news_published", 1, None])})
    secret = tmp_path / "secret.xlsx"
    with plain.open("rb") as src, secret.open("wb") as dst:
        OOXMLFile(src).encrypt("пароль", dst)
    refused(wh, secret, "file_encrypted", text="паролем")
    bare = tmp_path / "bare.xlsx"
    bare.write_bytes(h.encrypted_container())
    refused(wh, bare, "file_encrypted")


def test_protected_sheets_load(tmp_path: Path, wh: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Звіт"
    for row in long_rows(["Ніжин", DEPT_NIZHYN, "2021-05", "news_published", 481, None]):
        ws.append(row)
    ws.protection.sheet = True
    ws.protection.password = "секрет"
    wb.security.lockStructure = True
    wb.save(tmp_path / "protected.xlsx")
    loaded(wh, tmp_path / "protected.xlsx")
    assert query("SELECT value FROM observations WHERE period_start = DATE '2021-05-01'", path=wh)["value"].tolist() == [481]


# ------------------------------------------------------------------ zip bombs


def _bomb_entry(total: int, claimed: int | None = None) -> h.Entry:
    prefix = f'<?xml version="1.0"?><worksheet xmlns="{h.MAIN_NS}"><sheetData>'.encode()
    suffix = b"</sheetData></worksheet>"
    data = h.deflate_repeated(prefix, b" ", total, suffix)
    real = len(prefix) + len(suffix) + max(1, total // (16 << 20)) * (16 << 20)
    return h.Entry("xl/worksheets/sheet1.xml", data, 8, claimed if claimed is not None else real)


def _bomb(tmp_path: Path, name: str, sheet: h.Entry) -> Path:
    parts = h.workbook_parts({"A": ""})
    entries = [h.entry(n, c) for n, c in parts.items() if n != "xl/worksheets/sheet1.xml"]
    path = h.write_zip(tmp_path / name, [*entries, sheet])
    assert path.stat().st_size < 5_000_000  # small on disk
    return path


def test_zip_bomb_that_says_it_is_huge(tmp_path: Path, wh: Path) -> None:
    refused(wh, _bomb(tmp_path, "bomb.xlsx", _bomb_entry(3 << 30)), "file_too_big", text="МБ")


def test_zip_bomb_that_lies_about_its_size(tmp_path: Path, wh: Path) -> None:
    refused(wh, _bomb(tmp_path, "liar.xlsx", _bomb_entry(3 << 30, claimed=2_000)), "file_unsafe",
            text="більше, ніж заявлено")


def test_zip_bomb_within_the_claimed_total_is_refused_by_its_ratio(tmp_path: Path, wh: Path) -> None:
    refused(wh, _bomb(tmp_path, "dense.xlsx", _bomb_entry(800 << 20)), "file_unsafe", text="zip-бомба")


def test_limits_can_be_changed_from_the_environment(tmp_path: Path, wh: Path) -> None:
    """An honest, ordinary part over a lowered part limit; and columns over a lowered column limit."""
    rows = long_rows(*[["Ніжин", DEPT_NIZHYN, f"{2000 + i // 12}-{i % 12 + 1:02d}", "news_published", i, None]
                       for i in range(240)])
    path = write_xlsx(tmp_path / "ordinary.xlsx", {"A": rows})
    refused(wh, path, "file_too_big", text="понад 20 000 байтів", env={"DASHBOARD_MAX_PART_BYTES": "20000"})
    refused(wh, path, "file_unsafe", sheet="A", text="має клітинку F1", env={"DASHBOARD_MAX_COLUMNS": "5"})
    loaded(wh, path)


@pytest.mark.parametrize("method", [12, 14], ids=["bzip2", "lzma"])
def test_other_compression_methods_are_refused(tmp_path: Path, wh: Path, method: int) -> None:
    parts = h.workbook_parts({"A": GOOD_SHEET})
    entries = [h.entry(n, c, method if n.endswith("sheet1.xml") else 8) for n, c in parts.items()]
    refused(wh, h.write_zip(tmp_path / f"m{method}.xlsx", entries), "file_unsafe", text="метод стиснення")


def test_two_parts_with_one_name_are_refused(tmp_path: Path, wh: Path) -> None:
    parts = h.workbook_parts({"A": GOOD_SHEET})
    entries = [h.entry(n, c) for n, c in parts.items()]
    entries.append(h.entry("xl/worksheets/sheet1.xml", h.sheet_xml('<row r="1"><c r="XFD1048576"><v>1</v></c></row>')))
    refused(wh, h.write_zip(tmp_path / "twins.xlsx", entries), "file_unsafe", text="однаковими назвами")


# ------------------------------------------------------------------ XML entities

LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
          '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>')
EXTERNAL = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _shared_strings(prolog: str, text: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<sst xmlns="{h.MAIN_NS}" count="1" uniqueCount="1">'
            f"<si><t>{text}</t></si></sst>")


@pytest.mark.parametrize("where", ["sheet", "shared_strings", "workbook", "external_entity", "after_long_comment"])
def test_xml_with_a_doctype_is_refused(tmp_path: Path, wh: Path, where: str) -> None:
    sheet = GOOD_SHEET.replace("<worksheet", '<worksheet', 1)
    extra: dict[str, str] = {}
    kwargs: dict = {}
    if where == "sheet":
        sheet = sheet.replace('?>', "?>" + LAUGHS, 1).replace("<sheetData>", "<sheetData><!-- &lol3; -->")
    elif where == "shared_strings":
        extra["xl/sharedStrings.xml"] = _shared_strings(LAUGHS, "&lol3;")
    elif where == "workbook":
        kwargs["workbook_prolog"] = LAUGHS
    elif where == "external_entity":
        extra["xl/sharedStrings.xml"] = _shared_strings(EXTERNAL, "&xxe;")
    else:
        extra["xl/sharedStrings.xml"] = _shared_strings("<!--" + "x" * 200_000 + "-->" + EXTERNAL, "&xxe;")
    path = part_file(tmp_path, f"{where}.xlsx", {"A": sheet}, extra=extra, **kwargs)
    refused(wh, path, "file_unsafe", text="DOCTYPE")


# ------------------------------------------------------------------ sheets too large for the reader


@pytest.mark.parametrize(("case", "body", "dimension", "text"), [
    ("stray_xfd", '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', None, "XFD1048576"),
    ("stray_xfd_dimension", '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
     "A1:XFD1048576", "має клітинку XFD1048576"),
    ("stray_formula", '<row r="1"><c r="A1"><v>1</v></c></row><row r="9"><c r="XFD9"><f>1+1</f></c></row>', None, "XFD9"),
    ("stray_zz_no_dimension", '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="ZZ1048576"><v>1</v></c></row>',
     None, "клітинок"),
    ("rows_out_of_order", '<row r="1048576"><c r="ZZ1048576"><v>1</v></c></row><row r="1"><c r="A1"><v>1</v></c></row>',
     None, "клітинок"),
    ("lower_case_ref", '<row r="1"><c r="xfd1048576"><v>1</v></c></row>', None, "XFD1048576"),
    ("attribute_order", '<row r="1"><c s="0" r="XFD7"><v>1</v></c></row>', None, "XFD7"),
    ("cells_without_refs", "<row>" + "<c><v>1</v></c>" * 16_384 + "</row>", None, "AAA1"),
], ids=lambda v: v if isinstance(v, str) and len(v) < 30 and " " not in v else "")
def test_sheets_that_would_make_the_reader_allocate_the_whole_grid(tmp_path: Path, wh: Path, case: str, body: str,
                                                                   dimension: str | None, text: str) -> None:
    path = part_file(tmp_path, f"{case}.xlsx", {"Звіт": h.sheet_xml(body, dimension=dimension)})
    refused(wh, path, "file_too_big" if text == "клітинок" else "file_unsafe", sheet="Звіт", text=text)


def test_namespace_prefixes_do_not_hide_a_stray_cell(tmp_path: Path, wh: Path) -> None:
    xml = (f'<?xml version="1.0"?><x:worksheet xmlns:x="{h.MAIN_NS}"><x:sheetData><x:row r="1">'
           '<x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>')
    refused(wh, part_file(tmp_path, "prefixed.xlsx", {"S": xml}), "file_unsafe", sheet="S", text="XFD1048576")


def test_a_prefixed_ordinary_sheet_still_loads(tmp_path: Path, wh: Path) -> None:
    xml = GOOD_SHEET.replace("<worksheet xmlns=", "<x:worksheet xmlns:x=").replace("</worksheet>", "</x:worksheet>")
    for tag in ("sheetData", "row", "c", "is", "t", "v"):
        xml = xml.replace(f"<{tag}>", f"<x:{tag}>").replace(f"<{tag} ", f"<x:{tag} ").replace(f"</{tag}>", f"</x:{tag}>")
    loaded(wh, part_file(tmp_path, "prefixed_ok.xlsx", {"S": xml}))
    assert 480 in query("SELECT value FROM observations", path=wh)["value"].tolist()


def test_16384_columns(tmp_path: Path, wh: Path) -> None:
    from etl.problems import cell_name

    body = '<row r="1">' + "".join(h.cell(cell_name(0, c), c) for c in range(16_384)) + "</row>"
    refused(wh, part_file(tmp_path, "wide.xlsx", {"W": h.sheet_xml(body)}), "file_unsafe", sheet="W", text="має клітинку AAA1")


def test_300_sheets(tmp_path: Path, wh: Path) -> None:
    sheets = {f"S{i}": GOOD_SHEET for i in range(300)}
    refused(wh, part_file(tmp_path, "many.xlsx", sheets), "file_unsafe", text="300 аркушів")


def test_a_million_repeated_rows_stay_within_memory(tmp_path: Path, wh: Path) -> None:
    """77 000 rows repeating one metric: ~1 M cells, each a duplicate; problems are capped."""
    rows = wide_rows(2019, metrics={NEWS: [7] * 12})
    body = h.rows_xml(rows[:6]) + "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{NEWS}</t></is></c>'
        + "".join(f'<c r="{chr(66 + c)}{r}"><v>7</v></c>' for c in range(12)) + "</row>"
        for r in range(7, 77_007))
    code, out, _ = run_cli(wh, "--json", "check", str(part_file(tmp_path, "repeats.xlsx", {"2019": h.sheet_xml(body)})))
    assert code == 0 and out["files"][0]["figures"] == 12
    assert [p["key"] for p in out["files"][0]["problems"]][-1] == "too_many"


def _ods(tmp_path: Path, name: str, extra_row: str) -> Path:
    """The template's long layout as .ods, with one more row element (repeats) before the end."""
    import zipfile

    from tests.conftest import write_ods

    plain = write_ods(tmp_path / f"plain_{name}", long_rows(["Ніжин", DEPT_NIZHYN, "2021-08", "news_published", 44, None]))
    with zipfile.ZipFile(plain) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    content = parts["content.xml"].decode().replace("</table:table>", extra_row + "</table:table>")
    return h.write_parts(tmp_path / name, {**parts, "content.xml": content})


ODS_CELL = '<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>'
WIDE_CELL = '<table:table-cell table:number-columns-repeated="16384" '


@pytest.mark.parametrize(("case", "row", "text"), [
    ("rows", f'<table:table-row table:number-rows-repeated="1048576">{ODS_CELL}</table:table-row>', "F1048578"),
    ("columns", "<table:table-row>" + ODS_CELL.replace("<table:table-cell ", WIDE_CELL) + "</table:table-row>", "XFD3"),
])
def test_ods_repeats_that_would_fill_memory_are_refused(tmp_path: Path, wh: Path, case: str, row: str, text: str) -> None:
    refused(wh, _ods(tmp_path, f"{case}.ods", row), "file_unsafe", sheet="Аркуш1", text=text)


def test_ods_padded_with_empty_repeats_as_libreoffice_writes_it_loads(tmp_path: Path, wh: Path) -> None:
    padding = ('<table:table-row table:number-rows-repeated="1048570">'
               '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>')
    loaded(wh, _ods(tmp_path, "padded.ods", padding))
    assert 44 in query("SELECT value FROM observations", path=wh)["value"].tolist()
