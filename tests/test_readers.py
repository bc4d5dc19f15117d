"""Spreadsheet files of every accepted kind and encoding read into the same figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.load.parse import parse_file
from etl.sheets.readers import decode_text
from tests.conftest import DEPT_NIZHYN, NIZHYN, write_ods, write_xlsx

HEADER = "Місто;Підрозділ;Період;Показник;Значення"
ROWS = [
    f"Ніжин;{DEPT_NIZHYN};березень 2021;news_published;465",
    f"Ніжин;{DEPT_NIZHYN};березень 2021;Оприлюднені документи (акти, рішення, проєкти);259",
    f"Ніжин;{DEPT_NIZHYN};квітень 2021;news_published;1 546",
]


def _values(result) -> dict[tuple[str, str], float]:
    return {(f.metric, f.period.key): f.value for f in result.figures}


EXPECTED = {("news_published", "2021-03"): 465, ("documents_published", "2021-03"): 259,
            ("news_published", "2021-04"): 1546}


@pytest.mark.parametrize(
    ("encoding", "sep"),
    [("utf-8", ";"), ("utf-8-sig", ";"), ("cp1251", ";"), ("utf-8", ","), ("utf-8-sig", "\t"), ("utf-16", ";")],
)
def test_csv_encodings_and_separators(tmp_path: Path, encoding: str, sep: str) -> None:
    lines = [HEADER.replace(";", sep)]
    for row in ROWS:
        cells = row.split(";")
        lines.append(sep.join(f'"{c}"' if sep in c or " " in c else c for c in cells))
    path = tmp_path / "figures.csv"
    path.write_bytes("\r\n".join(lines).encode(encoding))
    result = parse_file(path)
    assert result.ok, [p.render() for p in result.problems]
    assert _values(result) == EXPECTED
    assert {f.place_code for f in result.figures} == {NIZHYN}
    assert result.figures[0].locator == "E2"


def test_cp1251_is_never_read_as_mojibake() -> None:
    text = "Ніжин;березень"
    assert decode_text(text.encode("cp1251")) == text
    assert decode_text(text.encode("utf-8")) == text
    assert decode_text(b"\xef\xbb\xbf" + text.encode("utf-8")) == text


def test_xlsx_and_ods_give_the_same_figures(tmp_path: Path) -> None:
    rows = [r.split(";") for r in [HEADER, *ROWS]]
    for row in rows[1:]:
        row[4] = int(row[4].replace(" ", ""))
    xlsx = parse_file(write_xlsx(tmp_path / "f.xlsx", {"Дані": rows}))
    ods = parse_file(write_ods(tmp_path / "f.ods", rows, sheet="Дані"))
    assert xlsx.ok and ods.ok, [p.render() for p in xlsx.problems + ods.problems]
    assert _values(xlsx) == _values(ods) == EXPECTED
    assert xlsx.figures[0].locator == "Дані!E2"


def test_csv_renamed_xlsx_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    path.write_text(HEADER + "\n" + ROWS[0], encoding="utf-8")
    result = parse_file(path)
    assert not result.ok
    assert result.errors[0].key == "file_not_what_it_says"
    assert ".csv" in result.errors[0].message()


def test_old_xls_is_asked_to_be_saved_as_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "old.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    result = parse_file(path)
    assert "xlsx" in result.errors[0].message()
    assert "97-2003" in result.errors[0].message()


def test_truncated_zip_is_a_clear_error(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", {"A": [["x"]]})
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(good.read_bytes()[:200])
    result = parse_file(bad)
    assert not result.ok
    assert result.errors[0].file == "bad.xlsx"


def test_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "notes.rtf"
    path.write_bytes(b"{\\rtf1 notes}")
    result = parse_file(path)
    assert [(p.key, p.file) for p in result.errors] == [("file_type", "notes.rtf")]


def test_row_conversion_is_the_cell_rule_for_every_kind_of_value() -> None:
    """`_cells` (the fast path the reader uses) must give exactly what `_cell` gives, type included."""
    import datetime as dt

    from etl.sheets.readers import _cell, _cells

    row = [1.0, 2.5, float("nan"), float("inf"), -0.0, 2.0**53, 2.0**53 - 1, -(2.0**53), 1e300, "", " ", "\u00a0",
           "x", " 5 ", None, 3, True, dt.time(0), dt.time(1), dt.date(2020, 1, 1), dt.datetime(2020, 1, 1, 5)]
    got = _cells(row)
    want = [_cell(v) for v in row]
    assert [type(v) for v in got] == [type(v) for v in want]
    assert [repr(v) for v in got] == [repr(v) for v in want]
    assert got[0] == 1 and got[9] is None and got[11] is None and got[13] == " 5 "
