"""The wide layout as officials keep it, and the long layout, with real-world mess."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from etl.load.parse import parse_file
from tests.conftest import LYSYCHANSK, MONTHS, NIZHYN, long_rows, wide_rows, write_xlsx

NEWS = "Новини та інформаційні матеріали на сайті"
NGOS = "Громадські організації (зареєстровано)"


def _by(result, metric: str) -> dict[str, float]:
    return {f.period.key: f.value for f in result.figures if f.metric == metric}


def test_wide_layout_with_title_block_sections_and_totals(tmp_path: Path) -> None:
    months = [400, 420, "465", "1 546", "3\u00a0100", None, 0, 380, 401, 410, 420, 399]
    rows = wide_rows(2021, "Нiжин", {  # a Latin "i" inside
        "Публікації": [None] * 12,  # a section heading
        NEWS: [*months, "=SUM(B8:M8)"],
        "Разом": [1] * 12,  # a totals row: never loaded
        NGOS: [None, None, 180, None, None, 181, None, None, 183, None, None, 185],
    }, total=True)
    path = write_xlsx(tmp_path / "nizhyn_2021.xlsx", {"2021": rows}, merged={"2021": ["A1:N1"]})
    result = parse_file(path)
    assert result.ok, [p.render() for p in result.problems]
    news = _by(result, "news_published")
    assert len(news) == 11  # June is empty: not reported, not zero
    assert "2021-06" not in news
    assert news["2021-07"] == 0  # a reported zero stays zero
    assert news["2021-03"] == 465 and news["2021-04"] == 1546 and news["2021-05"] == 3100
    assert sum(news.values()) == sum(v for v in [400, 420, 465, 1546, 3100, 0, 380, 401, 410, 420, 399])
    ngos = [f for f in result.figures if f.metric == "ngos_registered"]
    assert [(f.as_of, f.value) for f in ngos] == [
        (date(2021, 4, 1), 180), (date(2021, 7, 1), 181), (date(2021, 10, 1), 183), (date(2022, 1, 1), 185)]
    assert {f.place_code for f in result.figures} == {NIZHYN}
    march = next(f for f in result.figures if f.metric == "news_published" and f.period.key == "2021-03")
    assert march.locator == "2021!D8"
    # the Latin lookalike was read as Ніжин and said so
    assert any(p.key == "place_normalised" and p.cell == "B2" for p in result.warnings)


def test_wide_layout_quarters_and_city_from_file_name(tmp_path: Path) -> None:
    rows = [
        ["Підрозділ:", "відділ з питань внутрішньої політики, зв’язку з громадськістю та ЗМІ"],
        ["Рік:", 2019],
        ["Показник", "І квартал", "ІІ квартал", "III квартал", "IV квартал"],
        ["Вхідні листи", 900, 850, 928, 1000],
    ]
    result = parse_file(write_xlsx(tmp_path / "lysychansk_2019.xlsx", {"Звіт": rows}))
    assert result.ok, [p.render() for p in result.problems]
    assert _by(result, "letters_received") == {"2019-Q1": 900, "2019-Q2": 850, "2019-Q3": 928, "2019-Q4": 1000}
    assert {f.place_code for f in result.figures} == {LYSYCHANSK}


def test_year_from_sheet_name_and_dates_as_headers(tmp_path: Path) -> None:
    rows = [
        ["Місто:", "Ніжин"],
        ["Підрозділ:", "відділ інформаційно-аналітичної роботи та комунікацій з громадськістю"],
        ["Показник", date(2020, 1, 1), date(2020, 2, 1)],
        [NEWS, 300, 310],
    ]
    result = parse_file(write_xlsx(tmp_path / "f.xlsx", {"2020": rows}))
    assert result.ok, [p.render() for p in result.problems]
    assert _by(result, "news_published") == {"2020-01": 300, "2020-02": 310}


def test_hidden_sheets_and_rows_are_skipped_and_reported(tmp_path: Path) -> None:
    visible = wide_rows(2019, metrics={NEWS: [1] * 12, "Відеосюжети": [2] * 12})
    scratch = wide_rows(2018, metrics={NEWS: [9] * 12})
    path = write_xlsx(tmp_path / "f.xlsx", {"2019": visible, "чернетка": scratch},
                      hidden_sheets=("чернетка",), hidden_rows={"2019": [8]})
    result = parse_file(path)
    assert result.ok
    assert {f.metric for f in result.figures} == {"news_published"}  # row 8 (videos) was hidden
    assert {f.period.start.year for f in result.figures} == {2019}
    keys = {p.key for p in result.warnings}
    assert {"sheet_hidden", "rows_hidden"} <= keys


def test_uncalculated_formula_is_an_error_naming_the_cell(tmp_path: Path) -> None:
    rows = wide_rows(2019, metrics={NEWS: [10, "=B7*2", *([5] * 10)]})
    result = parse_file(write_xlsx(tmp_path / "f.xlsx", {"Звіт": rows}))
    assert not result.ok
    [err] = result.errors
    assert (err.key, err.sheet, err.cell) == ("formula_no_value", "Звіт", "C7")
    assert "Звіт!C7" in err.render()


def test_long_layout_with_english_headers_and_stock_dates(tmp_path: Path) -> None:
    rows = [
        ["city", "department", "period", "metric", "value", "as_of", "approximate"],
        ["Lysychansk", "відділ з питань внутрішньої політики", "2019-Q3", "party_cells_registered", 97, "01.10.2019", ""],
        ["Лисичанськ", "відділ з питань внутрішньої політики", "ІІІ квартал 2019", "photos_published", "близько 320", None, None],
    ]
    result = parse_file(write_xlsx(tmp_path / "f.xlsx", {"data": rows}))
    assert result.ok, [p.render() for p in result.problems]
    cells, photos = result.figures
    assert (cells.metric, cells.value, cells.as_of, cells.period.key) == ("party_cells_registered", 97, date(2019, 10, 1), "2019-Q3")
    assert photos.approximate and photos.value == 320


def test_title_rows_above_a_long_table(tmp_path: Path) -> None:
    rows = [["Дані для ОДА"], [], *long_rows(["Ніжин", "відділ", "2017 рік", "news_published", 5790, None])]
    result = parse_file(write_xlsx(tmp_path / "f.xlsx", {"A": rows}))
    assert result.ok
    [fig] = result.figures
    assert (fig.period.granularity, fig.value, fig.locator) == ("year", 5790, "A!E4")


def test_month_columns_have_one_figure_each(tmp_path: Path) -> None:
    rows = wide_rows(2019, metrics={NEWS: list(range(1, 13))})
    result = parse_file(write_xlsx(tmp_path / "f.xlsx", {"2019": rows}))
    assert [f.period.key for f in result.figures] == [f"2019-{m:02d}" for m in range(1, 13)]
    assert len(MONTHS) == 12


def test_two_row_header_with_merged_year(tmp_path: Path) -> None:
    rows = [
        ["Місто:", "Ніжин"],
        ["Підрозділ:", "відділ інформаційно-аналітичної роботи та комунікацій з громадськістю"],
        ["Показник", "2022 рік"],
        [None, *MONTHS[:6]],
        [NEWS, 1, 2, 3, 4, 5, 6],
    ]
    path = write_xlsx(tmp_path / "f.xlsx", {"Звіт": rows}, merged={"Звіт": ["A3:A4", "B3:G3"]})
    result = parse_file(path)
    assert result.ok, [p.render() for p in result.problems]
    assert _by(result, "news_published") == {f"2022-{m:02d}": m for m in range(1, 7)}


def test_excel_serials_in_the_1904_date_system(tmp_path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    wb = Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Звіт"
    for row in [["Місто:", "Ніжин"], ["Підрозділ:", "відділ"],
                ["Показник", 42429, 42460], [NEWS, 7, 8]]:  # 1904 serials of 1.03.2020 and 1.04.2020
        ws.append(row)
    wb.save(tmp_path / "mac.xlsx")
    result = parse_file(tmp_path / "mac.xlsx")
    assert result.ok, [p.render() for p in result.problems]
    assert _by(result, "news_published") == {"2020-03": 7, "2020-04": 8}


def test_wide_layout_with_the_official_code_in_the_title_block(tmp_path: Path) -> None:
    rows = [["Громада:", "Миколаївська"], ["Код КАТОТТГ:", "UA74040250000063494"],  # Nizhyn's hromada code
            ["Підрозділ:", "відділ"], ["Рік:", 2020], ["Показник", "Січень"], [NEWS, 5]]
    result = parse_file(write_xlsx(tmp_path / "f.xlsx", {"S": rows}))
    assert result.ok, [p.render() for p in result.problems]
    assert {f.place_code for f in result.figures} == {NIZHYN}
