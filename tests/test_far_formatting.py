"""Formatting, not data, at the sheet's edge: what Excel writes when someone formats whole rows or
columns. A styled last row, a style over every column, a dimension claiming A1:XFD1048576, a lone
space at XFD1048576: each workbook holds five figures and loads them, through the real command line
in a process of its own (at most 10 s and 1 GB: tests/hostile_run.py), and reading it takes about
the memory of the same workbook without the formatting. A number at XFD1048576 is still refused,
naming its cell.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from activity.warehouse.store import query
from tests import hostile as h
from tests import hostile_run
from tests.conftest import DEPT_NIZHYN, ROOT, long_rows, write_xlsx
from tests.hostile_run import loaded, refused

base_db, wh = hostile_run.base_db, hostile_run.wh

pytest.importorskip("resource")

FIVE = [465, 470, 481, 502, 519]
MONTHS = ["2022-01", "2022-02", "2022-03", "2022-04", "2022-05"]
SHEET = "xl/worksheets/sheet1.xml"


def _plain(tmp_path: Path) -> Path:
    rows = long_rows(*[["Ніжин", DEPT_NIZHYN, m, "news_published", v, None] for m, v in zip(MONTHS, FIVE, strict=True)])
    return write_xlsx(tmp_path / "plain.xlsx", {"Звіт": rows})


def _edited(tmp_path: Path, name: str, edit) -> Path:
    """The plain workbook with its sheet XML edited (as Excel would have written it)."""
    with zipfile.ZipFile(_plain(tmp_path)) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts[SHEET] = edit(parts[SHEET].decode())
    return h.write_parts(tmp_path / name, parts)


def _last_row(xml: str, row: str) -> str:
    return xml.replace("</sheetData>", row + "</sheetData>")


def _shared_space(tmp_path: Path, name: str) -> Path:
    """A space typed at XFD1048576, kept as a shared string (as Excel keeps every text)."""
    with zipfile.ZipFile(_plain(tmp_path)) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts[SHEET] = _last_row(parts[SHEET].decode(), '<row r="1048576"><c r="XFD1048576" t="s"><v>0</v></c></row>')
    parts["xl/sharedStrings.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{h.MAIN_NS}" count="1" '
                                     'uniqueCount="1"><si><t xml:space="preserve"> </t></si></sst>')
    rels = parts["xl/_rels/workbook.xml.rels"].decode().replace(
        "</Relationships>", f'<Relationship Id="rIdS" Type="{h.REL_NS}/sharedStrings" Target="sharedStrings.xml"/>'
                            "</Relationships>")
    parts["xl/_rels/workbook.xml.rels"] = rels
    return h.write_parts(tmp_path / name, parts)


STYLED_ROW = ('<row r="1048576" s="1" customFormat="1">'
              + "".join(f'<c r="{c}1048576" s="1"/>' for c in ("A", "B", "ZZ", "XFD")) + "</row>")
FAMILIES = {
    "styled_last_row": lambda x: _last_row(x, STYLED_ROW),
    "styled_every_column": lambda x: x.replace("<sheetData>", '<cols><col min="1" max="16384" width="9.1" '
                                                            'style="1" customWidth="1"/></cols><sheetData>'),
    "dimension_to_xfd": lambda x: re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:XFD1048576"/>', x),
    "space_at_xfd": lambda x: _last_row(x, '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t xml:space='
                                           '"preserve"> </t></is></c></row>'),
    "spaces_across_the_last_row": lambda x: _last_row(x, '<row r="1048576">' + "".join(
        f'<c r="{c}1048576" t="str"><v>  </v></c>' for c in ("A", "AB", "XFD")) + "</row>"),
    "all_at_once": lambda x: FAMILIES["space_at_xfd"](FAMILIES["dimension_to_xfd"](FAMILIES["styled_every_column"](
        x.replace("</sheetData>", STYLED_ROW.replace('r="1048576"', 'r="1048575"').replace("1048576", "1048575")
                  + "</sheetData>")))),
}


def _figures(db: Path) -> list[int]:
    rows = query("SELECT value FROM observations WHERE metric = 'news_published' AND period_start >= DATE '2022-01-01' "
                 "ORDER BY period_start", path=db)
    return rows["value"].tolist()


@pytest.mark.parametrize("family", list(FAMILIES))
def test_far_formatting_loads_the_five_figures(tmp_path: Path, wh: Path, family: str) -> None:
    loaded(wh, _edited(tmp_path, f"{family}.xlsx", FAMILIES[family]))
    assert _figures(wh) == FIVE


def test_a_space_kept_as_a_shared_string_at_xfd_loads(tmp_path: Path, wh: Path) -> None:
    loaded(wh, _shared_space(tmp_path, "shared_space.xlsx"))
    assert _figures(wh) == FIVE


def test_a_number_at_xfd1048576_is_refused_naming_its_cell(tmp_path: Path, wh: Path) -> None:
    path = _edited(tmp_path, "number.xlsx", lambda x: FAMILIES["styled_every_column"](
        _last_row(x, '<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>')))
    refused(wh, path, "file_unsafe", sheet="Звіт", text="має клітинку XFD1048576")


def test_a_text_beside_far_spaces_is_refused_naming_its_cell(tmp_path: Path, wh: Path) -> None:
    path = _edited(tmp_path, "text.xlsx", lambda x: _last_row(
        x, '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t> </t></is></c>'
           '<c r="AAB1048576" t="inlineStr"><is><t>Разом</t></is></c></row>'))
    refused(wh, path, "file_unsafe", sheet="Звіт", text="має клітинку AAB1048576")


PEAK = """
import resource, sys
sys.path.insert(0, {root!r})
from etl.sheets.readers import read_grid
grid = read_grid(sys.argv[1])
print(sum(len(r) for s in grid.sheets for r in s.rows), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _read_peak(path: Path) -> tuple[int, int]:
    """(cells read, peak resident KB) of reading the file in a fresh process."""
    proc = subprocess.run([sys.executable, "-c", PEAK.format(root=str(ROOT)), str(path)], capture_output=True,
                          text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    cells, peak = map(int, proc.stdout.split())
    return cells, peak


def test_reading_far_formatting_takes_the_memory_of_the_plain_file(tmp_path: Path) -> None:
    plain_cells, plain_peak = _read_peak(_plain(tmp_path))
    for family in ("all_at_once", "spaces_across_the_last_row"):
        cells, peak = _read_peak(_edited(tmp_path, f"{family}.xlsx", FAMILIES[family]))
        assert cells == plain_cells == 6 * 6  # the grid is the data's, not the formatting's
        assert peak <= plain_peak + 32 * 1024, json.dumps({"family": family, "kb": peak, "plain_kb": plain_peak})


def _xls_with_a_far_space(path: Path, fillers: int = 0) -> Path:
    """The five figures as .xls with a space typed at IV65536 (the last cell of Excel 97-2003);
    `fillers` distinct texts on a hidden sheet first, so that the space's shared string lies
    beyond the first CONTINUE record of the string table."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    if fillers:
        hidden = wb.add_sheet("Довідник")
        hidden.visibility = 1
        for i in range(fillers):
            hidden.write(i, 0, f"запис номер {i:05d}")
    ws = wb.add_sheet("Звіт")
    rows = long_rows(*[["Ніжин", DEPT_NIZHYN, m, "news_published", v, None] for m, v in zip(MONTHS, FIVE, strict=True)])
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v is not None:
                ws.write(r, c, v)
    ws.write(65535, 255, " ")
    ws.write(65535, 0, "\u00a0\t")
    wb.save(str(path))
    return path


@pytest.mark.parametrize("fillers", [0, 3000])
def test_a_space_at_the_last_cell_of_an_xls_loads(tmp_path: Path, wh: Path, fillers: int) -> None:
    pytest.importorskip("xlwt")
    loaded(wh, _xls_with_a_far_space(tmp_path / f"space_{fillers}.xls", fillers))
    assert _figures(wh) == FIVE


def test_reading_an_xls_with_a_far_space_takes_the_memory_of_the_plain_file(tmp_path: Path) -> None:
    pytest.importorskip("xlwt")
    from tests.xls_writer import write_xls

    rows = long_rows(*[["Ніжин", DEPT_NIZHYN, m, "news_published", v, None] for m, v in zip(MONTHS, FIVE, strict=True)])
    plain_cells, plain_peak = _read_peak(write_xls(tmp_path / "plain.xls", {"Звіт": rows}))
    cells, peak = _read_peak(_xls_with_a_far_space(tmp_path / "space.xls"))
    assert cells == plain_cells == 6 * 6
    assert peak <= plain_peak + 32 * 1024, (peak, plain_peak)
