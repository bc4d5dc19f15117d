"""Hostile cell contents and file names, loaded through the real command line (see
tests/test_hostile_files.py and tests/hostile_run.py for what every case must hold)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from activity.warehouse.store import query
from etl.intake.names import safe_display_name
from tests import hostile as h
from tests import hostile_run
from tests.conftest import DEPT_NIZHYN, NIZHYN, long_rows, wide_rows, write_xlsx
from tests.hostile_run import NEWS, loaded, part_file, refused, run_cli

base_db, wh = hostile_run.base_db, hostile_run.wh  # the fixtures every case uses

pytest.importorskip("resource")  # peak memory of the child; Unix only


# ------------------------------------------------------------------ formulas and cell values


def test_openpyxl_formulas_without_cached_values_are_errors_naming_cells(tmp_path: Path, wh: Path) -> None:
    rows = wide_rows(2019, metrics={NEWS: ["=1+1", *([5] * 11)]})
    path = write_xlsx(tmp_path / "formulas.xlsx", {"2019": rows})
    refused(wh, path, "formula_no_value", sheet="2019", cell="B7")


def test_xlsxwriter_formulas_cached_as_zero_are_errors_but_cached_values_load(tmp_path: Path, wh: Path) -> None:
    import xlsxwriter

    def book(name: str, cached: int | None) -> Path:
        path = tmp_path / name
        wb = xlsxwriter.Workbook(str(path))
        ws = wb.add_worksheet("2019")
        for r, row in enumerate(wide_rows(2019, metrics={NEWS: [None, *([5] * 11)]})):
            ws.write_row(r, 0, row)
        ws.write_formula(6, 1, "=2+3", None, cached if cached is not None else 0)
        wb.close()
        return path

    refused(wh, book("xw_zero.xlsx", None), "formula_no_value", sheet="2019", cell="B7")
    loaded(wh, book("xw_cached.xlsx", 5))
    jan = query("SELECT value FROM observations WHERE period_start = DATE '2019-01-01' AND source = 'xw_cached.xlsx'", path=wh)
    assert jan["value"].tolist() == [5]


def test_excel_error_cells_and_logical_values(tmp_path: Path, wh: Path) -> None:
    rows = long_rows(["Ніжин", DEPT_NIZHYN, "2021-05", "news_published", None, None],
                     ["Ніжин", DEPT_NIZHYN, "2021-06", "news_published", True, None])
    body = h.rows_xml(rows)
    end_of_row_2 = body.index('<row r="3">') - len("</row>")
    body = body[:end_of_row_2] + '<c r="E2" t="e"><f>1/0</f><v>#DIV/0!</v></c>' + body[end_of_row_2:]
    path = part_file(tmp_path, "errors.xlsx", {"Звіт": h.sheet_xml(body)})
    first = refused(wh, path, "excel_error", sheet="Звіт", cell="E2", text="#DIV/0!")
    assert first["cell"] == "E2"
    code, out, _ = run_cli(wh, "--json", "check", str(path))
    assert {(p["key"], p["cell"]) for p in out["files"][0]["problems"]} >= {("excel_error", "E2"), ("bool_in_number", "E3")}


@pytest.mark.parametrize("date1904", [False, True], ids=["1900", "1904"])
def test_dates_as_text_and_as_serials(tmp_path: Path, wh: Path, date1904: bool) -> None:
    serial = 43739 - (1462 if date1904 else 0)  # 1 October 2019 in either date system
    rows = long_rows(["Лисичанськ", "відділ з питань внутрішньої політики", "ІІІ квартал 2019", "party_cells_registered", 97, "01.10.2019"],
                     ["Лисичанськ", "відділ з питань внутрішньої політики", "ІІІ квартал 2019", "ngos_registered", 95, serial],
                     ["Лисичанськ", "відділ з питань внутрішньої політики", "І квартал 2019", "religious_orgs_registered", 90, "2019-04-01"],
                     ["Лисичанськ", "відділ з питань внутрішньої політики", serial, "news_published", 30, None])
    pr = '<workbookPr date1904="1"/>' if date1904 else ""
    parts = h.workbook_parts({"A": h.sheet_xml(h.rows_xml(rows))})
    parts["xl/workbook.xml"] = str(parts["xl/workbook.xml"]).replace("<sheets>", pr + "<sheets>")
    path = h.write_parts(tmp_path / f"dates{int(date1904)}.xlsx", parts)
    loaded(wh, path)
    got = query("SELECT value, as_of, period_start, granularity FROM observations WHERE source = ? ORDER BY value",
                [path.name], path=wh)
    as_of = {int(v): a.date() if hasattr(a, "date") else a for v, a in zip(got["value"], got["as_of"], strict=True)}
    assert as_of[97] == as_of[95] == date(2019, 10, 1) and as_of[90] == date(2019, 4, 1)
    news = got[got["value"] == 30].iloc[0]
    assert news.period_start.date() == date(2019, 10, 1) and news.granularity == "month"


def test_latin_lookalike_letters_in_city_names(tmp_path: Path, wh: Path) -> None:
    rows = long_rows(["Нiжин", DEPT_NIZHYN, "2021-05", "news_published", 11, None],  # Latin i
                     ["HIЖИН", DEPT_NIZHYN, "2021-06", "news_published", 12, None])  # Latin H and I
    out = loaded(wh, write_xlsx(tmp_path / "lookalikes.xlsx", {"A": rows}))
    assert {p["cell"] for p in out["files"][0]["problems"] if p["key"] == "place_normalised"} == {"A2", "A3"}
    codes = query("SELECT DISTINCT city_code FROM observations WHERE source = 'lookalikes.xlsx'", path=wh)
    assert codes["city_code"].tolist() == [NIZHYN]


FORMULA_LIKE = ["=HYPERLINK(\"http://x\",\"y\")", "+380 44 000", "-відділ", "@SUM(A1)", "\tвідділ", "\rвідділ",
                "=cmd|' /C calc'!A0"]


def test_text_that_looks_like_a_formula_is_stored_as_text(tmp_path: Path, wh: Path) -> None:
    header = ["Місто", "Підрозділ", "Період", "Показник", "Значення", "Розбивка"]
    rows = [header, *[["Ніжин", DEPT_NIZHYN, f"2021-{i + 1:02d}", "news_published", i + 1, text]
                      for i, text in enumerate(FORMULA_LIKE)]]
    loaded(wh, part_file(tmp_path, "formula_text.xlsx", {"A": h.sheet_xml(h.rows_xml(rows))}))
    got = query("SELECT value, breakdown FROM observations WHERE source = 'formula_text.xlsx' ORDER BY value", path=wh)
    assert got["breakdown"].tolist() == [" ".join(t.split()) for t in FORMULA_LIKE]
    assert got["breakdown"][0].startswith("=HYPERLINK") and got["breakdown"][6].startswith("=cmd|")


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1)", "відділ'); DROP TABLE facts; --",
                                  "---", "…"])
def test_a_department_that_is_a_formula_sql_or_punctuation_is_refused_naming_its_cell(tmp_path: Path, wh: Path,
                                                                                        text: str) -> None:
    rows = long_rows(["Ніжин", DEPT_NIZHYN, "2021-05", "news_published", 9, None], ["Ніжин", text, "2021-06", "news_published", 8, None])
    refused(wh, part_file(tmp_path, "dept.xlsx", {"A": h.sheet_xml(h.rows_xml(rows))}), "department_invalid",
            sheet="A", cell="B3")


def test_sql_in_sheet_names_file_names_and_cells(tmp_path: Path, wh: Path) -> None:
    name = "x'); DROP TABLE facts;--.xlsx"
    sheet = "Звіт'; DELETE FROM sources"
    breakdown = "за темами'); DROP TABLE facts; --"
    rows = [["Місто", "Підрозділ", "Період", "Показник", "Значення", "Розбивка"],
            ["Ніжин", DEPT_NIZHYN, "2021-05", "news_published", 9, breakdown]]
    path = write_xlsx(tmp_path / name, {sheet: rows})
    loaded(wh, path)
    got = query("SELECT source, breakdown, locator FROM observations WHERE value = 9", path=wh)
    assert got.values.tolist() == [[name, breakdown, f"{sheet}!E2"]]
    assert int(query("SELECT count(*) AS n FROM facts", path=wh)["n"][0]) == 3


# ------------------------------------------------------------------ file names


@pytest.mark.parametrize("name", ["звіт\n2021: додано, 999.xlsx", "звіт\u202exslx.exe.xlsx", "..\\..\\win.xlsx",
                                  "CON.xlsx", "NUL.xlsx", "com1.xlsx", " .. .xlsx", "\u200f\u200eзвіт.xlsx"])
def test_hostile_file_names_are_shown_safely(tmp_path: Path, wh: Path, name: str) -> None:
    path = write_xlsx(tmp_path / name, {"A": long_rows(["Ніжин", DEPT_NIZHYN, "2021-07", "news_published", 33, None])})
    code, out, _ = run_cli(wh, "load", str(path))
    assert code == 0
    shown = safe_display_name(name)
    lines = out.splitlines()
    assert lines[0] == f"{shown}: додано, 1" and len(lines) == 2, lines  # one file line, one summary
    assert not any(ch in out for ch in "\u202e\u200f\u200e\x00\r")
    assert query("SELECT source FROM observations WHERE value = 33", path=wh)["source"].tolist() == [shown]


def test_an_error_after_hundreds_of_warnings_still_refuses_the_file(tmp_path: Path) -> None:
    """Only the first 200 problems are shown; before, an error after 200 warnings was cut away and
    the file loaded without the figure."""
    from activity.catalog import METRICS
    from etl.load.parse import parse_file

    flows = [m.label_uk for m in METRICS.values() if m.kind == "flow" and m.unit == "count"][:25]
    metrics = {label: ["—"] * 12 for label in flows[:-1]}  # 24 rows x 12 dashes = 288 warnings
    metrics[flows[-1]] = [-1, *([1] * 11)]  # then one negative count
    result = parse_file(write_xlsx(tmp_path / "dashes.xlsx", {"2019": wide_rows(2019, metrics=metrics)}))
    assert not result.ok
    assert result.errors[0].key == "negative_count" and result.problems[-1].key == "too_many"
