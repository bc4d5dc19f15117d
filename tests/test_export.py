"""Exports an official can hand on: .xlsx and .csv reopened with openpyxl, pandas and (where
installed) LibreOffice, checking values, types, formats, layout, sources and neutralised text."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from activity.catalog import get_metric
from activity.export import to_csv, to_xlsx
from activity.export.table import (
    ExportContext,
    ExportTable,
    neutralise,
    sources_frame,
)
from activity.export.tables import stack
from activity.export.xlsx import write_workbook

RISKY = ["=1+1", "@SUM(A1)", "-2+3", "\t=x", "+380 44", "\r=y"]
DEPT = "відділ інформаційно-аналітичної роботи та комунікацій з громадськістю"
EXPORTED = datetime(2025, 3, 14, 9, 30)


def sample(lang: str = "uk") -> tuple[ExportTable, ExportContext]:
    """Eight figures: a thousand-scale value, a reported zero, a missing one, an approximate one,
    a fraction on a per-month basis, and departments whose names look like formulas."""
    value, day = ("Значення", "Станом на") if lang == "uk" else ("Value", "As of")
    frame = pd.DataFrame({
        "Місто": ["Ніжин"] * 8,
        "Підрозділ": [DEPT, "відділ «Прес-центр»", *RISKY],
        value: [1546.0, 0.0, float("nan"), 320.0, 3.25, 12.0, 7.0, 1234567.0],
        day: [date(2019, 10, 1), None, None, date(2020, 1, 1), None, None, None, None],
        "Демо": [True, False, False, False, False, False, False, False],
    })
    approx = pd.DataFrame({value: [False, False, False, True, False, False, False, False]})
    src = sources_frame([(0, value, "nizhyn_2019.xlsx", "2019!E4"), (1, value, "звіт.docx", "Запитів не надходило."),
                         (3, value, "lysychansk_2019_q3_quarter.csv", "E20"), (4, value, "a.xlsx", "Аркуш!B2"),
                         (4, value, "a.xlsx", "Аркуш!C2")])
    table = ExportTable("Дані", "Новини на сайті, 2019 рік", frame, decimals={value: 1}, approximate=approx,
                        sources=src, metrics=["news_published", "ngos_registered"], notes=["Порівнюйте обережно."])
    return table, ExportContext(lang, [("Міста", "Ніжин"), ("Роки", "2019")], "per_month", EXPORTED)


def workbook(table: ExportTable, context: ExportContext, **kw) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(write_workbook([table], context, **kw)))


def header_row(ws, first: str = "Місто") -> int:
    return next(c.row for c in ws["A"] if c.value == first)


def test_xlsx_layout_title_block_frozen_header_autofilter_sheets() -> None:
    table, context = sample()
    wb = workbook(table, context)
    assert wb.sheetnames == ["Дані", "Джерела", "Показники"]
    ws = wb["Дані"]
    h = header_row(ws)
    title = [ws.cell(r, 1).value for r in range(1, h)]
    assert title[0] == "Новини на сайті, 2019 рік"
    assert "Фільтри: Міста: Ніжин; Роки: 2019" in title
    assert "Основа: у середньому за місяць" in title
    assert "Експортовано: 14.03.2025 09:30" in title
    assert "Порівнюйте обережно." in title
    assert [c.value for c in ws[h]] == list(table.frame.columns)
    assert all(c.font.b for c in ws[h])
    assert ws.freeze_panes == f"A{h + 1}"
    assert ws.auto_filter.ref == f"A{h}:E{h + 8}"
    widths = {col: ws.column_dimensions[col].width for col in "ABCDE"}
    assert widths["B"] >= len(DEPT) > widths["A"]  # fitted: the long department name is wide, the city narrow
    assert widths["D"] >= len("Станом на")


def test_xlsx_numbers_are_numbers_dates_are_dates_blank_is_not_zero() -> None:
    table, context = sample()
    ws = workbook(table, context)["Дані"]
    h = header_row(ws)
    values = [ws.cell(h + 1 + i, 3) for i in range(8)]
    assert [c.value for c in values] == [1546, 0, None, 320, 3.2, 12, 7, 1234567]  # rounded to the 1 decimal shown
    assert all(c.data_type == "n" for c in values if c.value is not None)
    assert values[2].value is None and values[1].value == 0  # not reported is blank; a reported zero stays 0
    assert [c.number_format for c in values] == ["#,##0", "#,##0", "General", '"≈ "#,##0', "#,##0.0", "#,##0",
                                                 "#,##0", "#,##0"]  # no false decimals; ≈ marks the approximate
    as_of = ws.cell(h + 1, 4)
    assert as_of.is_date and as_of.value == datetime(2019, 10, 1) and as_of.number_format == "dd.mm.yyyy"
    assert ws.cell(h + 1, 5).value == "так" and ws.cell(h + 2, 5).value == "ні"


def test_xlsx_text_that_looks_like_a_formula_stays_text() -> None:
    table, context = sample()
    wb = workbook(table, context)
    ws = wb["Дані"]
    h = header_row(ws)
    cells = [ws.cell(h + 3 + i, 2) for i in range(len(RISKY))]
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)  # text, kept text if edited in Excel...
    # ...and shown exactly as typed (calamine decodes Excel's _x000D_ escape of a carriage return; openpyxl does not)
    back = pd.read_excel(io.BytesIO(to_xlsx(table, context)), sheet_name="Дані", header=None, engine="calamine")
    assert back[1].tolist()[h + 2:h + 2 + len(RISKY)] == RISKY
    assert not ws.cell(h + 1, 2).quotePrefix
    formulas = [c.coordinate for sheet in wb for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []


def test_xlsx_bulk_rows_are_the_same_file_as_cell_by_cell() -> None:
    table, context = sample()
    grids = []
    for bulk in (True, False):
        wb = workbook(table, context, bulk=bulk)
        grids.append([[(c.value, c.data_type, c.number_format, c.quotePrefix) for c in row]
                      for ws in wb for row in ws.iter_rows()])
    assert grids[0] == grids[1]


def test_sources_sheet_points_at_each_figure() -> None:
    table, context = sample()
    ws = workbook(table, context)["Джерела"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("Аркуш", "Клітинка", "Рядок", "Стовпець", "Значення", "Файл або звіт",
                       "Місце в джерелі (аркуш!клітинка або речення)")
    h = header_row(workbook(table, context)["Дані"])
    assert rows[1] == ("Дані", f"C{h + 1}", "Ніжин", "Значення", 1546, "nizhyn_2019.xlsx", "2019!E4")
    assert rows[2] == ("Дані", f"C{h + 2}", "Ніжин", "Значення", 0, "звіт.docx", "Запитів не надходило.")
    assert [r[1] for r in rows[4:]] == [f"C{h + 5}", f"C{h + 5}"]  # a sum of two figures lists both
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:G6"


def test_metrics_sheet_has_the_catalog_definitions() -> None:
    table, context = sample()
    rows = list(workbook(table, context)["Показники"].iter_rows(values_only=True))
    assert rows[0][:2] == ("Код", "Показник")
    news = get_metric("news_published")
    assert rows[1] == ("news_published", news.label_uk, news.short_uk, "Публікації", "потік (за період)", "більше",
                       news.definition_uk)
    assert rows[2][0] == "ngos_registered" and rows[2][4] == "залишок (станом на дату)"


def test_english_headers_and_sheet_names() -> None:
    table, context = sample("en")
    wb = workbook(table, context)
    assert wb.sheetnames == ["Дані", "Sources", "Metrics"]
    ws = wb["Дані"]
    text = [ws.cell(r, 1).value for r in range(1, header_row(ws))]
    assert "Basis: average per month" in text and "Exported: 2025-03-14 09:30" in text
    assert ws.cell(header_row(ws) + 1, 4).number_format == "yyyy-mm-dd"


def test_pandas_reads_the_types_back() -> None:
    table, context = sample()
    data = to_xlsx(table, context)
    h = header_row(openpyxl.load_workbook(io.BytesIO(data))["Дані"])
    frame = pd.read_excel(io.BytesIO(data), sheet_name="Дані", header=h - 1, engine="openpyxl")
    assert pd.api.types.is_numeric_dtype(frame["Значення"])
    assert pd.api.types.is_datetime64_any_dtype(frame["Станом на"])
    assert frame["Значення"].isna().tolist() == [False, False, True, False, False, False, False, False]
    assert frame["Підрозділ"].tolist()[2:7] == RISKY[:5]


def read_csv(data: bytes, sep: str) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: Excel on Windows reads Cyrillic
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=sep))


def test_csv_semicolon_with_decimal_comma_and_neutralised_text() -> None:
    table, context = sample()
    rows = read_csv(to_csv(table, context), ";")
    assert rows[0] == ["Місто", "Підрозділ", "Значення", "Станом на", "Демо", "Приблизно", "Джерела"]
    assert [r[2] for r in rows[1:]] == ["1546", "0", "", "320", "3,2", "12", "7", "1234567"]
    assert rows[1][3] == "01.10.2019" and rows[2][3] == ""
    assert [r[5] for r in rows[1:5]] == ["", "", "", "≈"]
    assert rows[5][6] == "a.xlsx: Аркуш!B2; a.xlsx: Аркуш!C2"
    assert [r[1] for r in rows[3:]] == ["'" + s for s in RISKY]
    frame = pd.read_csv(io.BytesIO(to_csv(table, context)), sep=";", decimal=",", encoding="utf-8-sig")
    assert frame["Значення"].tolist()[:2] == [1546, 0] and pd.isna(frame["Значення"][2])


def test_csv_comma_on_request_with_decimal_point() -> None:
    table, context = sample("en")
    rows = read_csv(to_csv(table, context, sep=","), ",")
    assert rows[0][:5] == ["Місто", "Підрозділ", "Value", "As of", "Демо"] and rows[0][5:] == ["Approximate", "Sources"]
    assert rows[5][2] == "3.2" and rows[1][3] == "2019-10-01" and rows[1][4] == "yes"
    with pytest.raises(ValueError):
        to_csv(table, context, sep="\t")


@pytest.mark.parametrize(("text", "expected"), [
    ("=1+1", "'=1+1"), ("@SUM(A1)", "'@SUM(A1)"), ("-2+3", "'-2+3"), ("+1", "'+1"), ("\t=x", "'\t=x"),
    ("\r=y", "'\r=y"), ("＝1", "'＝1"), ("Ніжин", "Ніжин"), ("1-2", "1-2"), ("", ""),
])
def test_neutralise(text: str, expected: str) -> None:
    assert neutralise(text) == expected


def test_negative_numbers_stay_numbers() -> None:
    table = ExportTable("Зміна", "Зміна", pd.DataFrame({"Показник": ["Новини"], "Зміна": [-98.0]}))
    context = ExportContext("uk")
    assert read_csv(to_csv(table, context), ";")[1] == ["Новини", "-98"]
    ws = openpyxl.load_workbook(io.BytesIO(to_xlsx(table, context)))["Зміна"]
    cell = ws.cell(header_row(ws, "Показник") + 1, 2)
    assert cell.value == -98 and cell.data_type == "n"


def test_datetime_keeps_its_time() -> None:
    table = ExportTable("Файли", "Файли", pd.DataFrame({"Файл": ["a.xlsx"],
                                                       "Завантажено": pd.to_datetime(["2025-03-14 09:30"])}))
    context = ExportContext("uk")
    ws = openpyxl.load_workbook(io.BytesIO(to_xlsx(table, context)))["Файли"]
    cell = ws.cell(header_row(ws, "Файл") + 1, 2)
    assert cell.value == datetime(2025, 3, 14, 9, 30) and cell.number_format == "dd.mm.yyyy hh:mm"
    assert read_csv(to_csv(table, context), ";")[1] == ["a.xlsx", "14.03.2025 09:30"]


def test_stack_moves_sources_and_marks_with_their_rows() -> None:
    a, _ = sample()
    b = ExportTable("Б", "Б", pd.DataFrame({"Місто": ["Лисичанськ"], "Значення": [97.0]}),
                    approximate=pd.DataFrame({"Значення": [True]}),
                    sources=sources_frame([(0, "Значення", "l.csv", "E25")]))
    both = stack([a, b], title="Разом", sheet="Разом")
    assert len(both.frame) == 9 and both.frame["Значення"].iloc[8] == 97
    assert both.approximate["Значення"].tolist()[-1] is True and both.approximate["Значення"].sum() == 2
    assert both.sources.iloc[-1].tolist() == [8, "Значення", "l.csv", "E25"]


def test_hundred_thousand_rows_reopen_intact() -> None:
    n = 100_000
    frame = pd.DataFrame({"Місто": ["Ніжин", "=1+1"] * (n // 2), "Значення": [float(i % 997) for i in range(n)]})
    frame.loc[::10, "Значення"] = float("nan")
    data = to_xlsx(ExportTable("Дані", "Великий", frame), ExportContext("uk"))
    back = pd.read_excel(io.BytesIO(data), sheet_name="Дані", header=None, engine="calamine")
    h = back.index[back[0] == "Місто"][0]
    body = back.iloc[h + 1:]
    assert len(body) == n and body[0].tolist()[:2] == ["Ніжин", "=1+1"]
    assert body[1].isna().sum() == n // 10 and body[1].sum() == frame["Значення"].sum()


# ----------------------------------------------------------------------------- LibreOffice as judge

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _soffice(args: list[str], workdir: Path) -> None:
    if not SOFFICE:
        pytest.skip("LibreOffice (soffice) is not installed: make office")
    profile = f"-env:UserInstallation=file://{workdir / 'lo-profile'}"
    subprocess.run([SOFFICE, profile, "--headless", *args, "--outdir", str(workdir)], check=True,
                   capture_output=True, timeout=180, cwd=workdir)


def test_libreoffice_reads_the_xlsx_values(tmp_path: Path) -> None:
    table, context = sample()
    (tmp_path / "export.xlsx").write_bytes(to_xlsx(table, context))
    # UTF-8, ',' separator, '"' quotes; raw values, not as shown; every sheet to its own file.
    _soffice(["--convert-to", 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
              "export.xlsx"], tmp_path)
    with open(tmp_path / "export-Дані.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    h = next(i for i, r in enumerate(rows) if r[0] == "Місто")
    body = rows[h + 1:h + 9]
    assert [float(r[2]) if r[2] else None for r in body] == [1546, 0, None, 320, 3.2, 12, 7, 1234567]
    assert [r[1] for r in body[2:]] == RISKY  # the text, not the result of a formula
    assert (tmp_path / "export-Джерела.csv").exists() and (tmp_path / "export-Показники.csv").exists()


def test_libreoffice_opens_the_semicolon_csv_as_numbers(tmp_path: Path) -> None:
    table, context = sample()
    (tmp_path / "export.csv").write_bytes(to_csv(table, context))
    # Import as Ukrainian Excel would: ';' separator, UTF-8, Ukrainian locale (1058: decimal comma).
    _soffice(["--infilter=CSV:59,34,76,1,,1058", "--convert-to", "xlsx", "export.csv"], tmp_path)
    ws = openpyxl.load_workbook(tmp_path / "export.xlsx").active
    values = [ws.cell(r, 3).value for r in range(2, 10)]
    assert values == [1546, 0, None, 320, 3.2, 12, 7, 1234567]
    assert ws.cell(2, 4).is_date and ws.cell(2, 4).value == datetime(2019, 10, 1)
    assert all(ws.cell(r, 2).data_type == "s" for r in range(4, 10))  # no formula ran
