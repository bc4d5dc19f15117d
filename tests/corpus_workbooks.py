"""A corpus of workbooks as officials write them, made at test time, each with the figures it holds.

Every workbook is written the way a person in a council's department writes one outside this
project: a title sentence naming the city and the year ("Звіт відділу … за 2021 рік, м. Ніжин"), a
council's name in the genitive, a title in capitals, merged title cells, pairs beside the table or
on its header row, the city only in the sheet or the file name, header cells typed in any case with
units and line breaks, a units column, a department named in the title, "Разом"/"Всього" rows and columns, numbered rows, sections, signatures, notes,
phone numbers and dates below the table, blank and hidden rows, quarter and half-year columns, two
tables on a sheet (one title, or a title each), a monthly report of a metric and a figure under a title naming the month, the long layout with and
without a city column; metric labels typed the ways officials word them (other forms and order,
"Кількість …", "Надійшло …", units, capitals); .xlsx (openpyxl and xlsxwriter), .xls (xlwt), .ods
and .csv; workbooks formatted to the sheet's edge (a style over every column, a styled last row, a
dimension of the whole grid, a space at XFD1048576).

`corpus()` gives the `Workbook`s (at least 40); `Workbook.write(folder)` writes one and returns its
path; `Workbook.expected` is the set of (place code, department as written, metric code, period key,
value) it holds. `python -m tests.corpus_workbooks`
prints the share that loads to exactly its figures on the first try (`first_try_share`).

Self-contained (no import of the project but `etl.load.parse.parse_file` in `first_try_share`), so the
same file can measure an older checkout.
"""

from __future__ import annotations

import csv
import io
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

MONTHS = ["Січень", "Лютий", "Березень", "Квітень", "Травень", "Червень", "Липень", "Серпень",
          "Вересень", "Жовтень", "Листопад", "Грудень"]
MONTHS_GEN = ["січень", "лютий", "березень", "квітень", "травень", "червень", "липень", "серпень",
              "вересень", "жовтень", "листопад", "грудень"]
QUARTERS = ["I квартал", "II квартал", "III квартал", "IV квартал"]
HALVES = ["I півріччя", "II півріччя"]

# (code, nominative, council in the genitive, council in the nominative)
CITIES = [
    ("UA74040250010023991", "Ніжин", "Ніжинської міської ради", "Ніжинська міська рада"),
    ("UA74080130010045104", "Прилуки", "Прилуцької міської ради", "Прилуцька міська рада"),
    ("UA32060050010081797", "Бровари", "Броварської міської ради", "Броварська міська рада"),
    ("UA74100390010054825", "Чернігів", "Чернігівської міської ради", "Чернігівська міська рада"),
    ("UA59080270010036634", "Суми", "Сумської міської ради", "Сумська міська рада"),
    ("UA53080370010073240", "Полтава", "Полтавської міської ради", "Полтавська міська рада"),
    ("UA07060190010068509", "Ковель", "Ковельської міської ради", "Ковельська міська рада"),
]
LYSYCHANSK = ("UA44120050010021900", "Лисичанськ", "Лисичанської міської ради", "Лисичанська міська рада")
DEPARTMENT = "відділ інформаційно-аналітичної роботи та комунікацій з громадськістю"

METRICS = [  # flows, by their catalog labels
    ("letters_received", "Вхідні листи"),
    ("outgoing_documents", "Вихідні документи"),
    ("news_published", "Новини та інформаційні матеріали на сайті"),
    ("social_media_posts", "Дописи у соцмережах"),
    ("public_info_requests", "Запити на публічну інформацію"),
    ("draft_council_decisions", "Проєкти рішень міської ради"),
    ("draft_executive_decisions", "Проєкти рішень виконкому"),
    ("events_attended", "Заходи, у яких взято участь"),
    ("videos_published", "Відеосюжети"),
    ("press_events_organized", "Брифінги та пресконференції"),
    ("petitions_submitted", "Нові електронні петиції"),
    ("greetings_prepared", "Привітання"),
]

Figure = tuple[str, str, str, str, float]


@dataclass
class Workbook:
    name: str  # the file name
    style: str  # what it tries
    sheets: dict[str, list[list[object]]]
    expected: set[Figure]
    writer: str = "openpyxl"  # openpyxl | xlsxwriter | ods | csv | csv-cp1251
    merged: dict[str, list[str]] = field(default_factory=dict)
    hidden_rows: dict[str, list[int]] = field(default_factory=dict)  # 1-based rows

    def write(self, folder: Path) -> Path:
        path = Path(folder) / self.name
        WRITERS[self.writer](path, self)
        return path


# ---------------------------------------------------------------- writers


def _openpyxl(path: Path, wb: Workbook) -> None:
    from openpyxl import Workbook as Book

    book = Book()
    book.remove(book.active)
    for name, rows in wb.sheets.items():
        ws = book.create_sheet(name)
        for row in rows:
            ws.append(row)
        for rng in wb.merged.get(name, ()):
            ws.merge_cells(rng)
        for r in wb.hidden_rows.get(name, ()):
            ws.row_dimensions[r].hidden = True
    book.save(path)


def _xlsxwriter(path: Path, wb: Workbook) -> None:
    import xlsxwriter
    from openpyxl.utils.cell import range_boundaries

    book = xlsxwriter.Workbook(str(path))
    for name, rows in wb.sheets.items():
        ws = book.add_worksheet(name)
        merged = {}
        for rng in wb.merged.get(name, ()):
            c1, r1, c2, r2 = range_boundaries(rng)
            merged[(r1 - 1, c1 - 1)] = (r2 - 1, c2 - 1)
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if (r, c) in merged:
                    ws.merge_range(r, c, *merged[(r, c)], v)
                elif v is not None:
                    ws.write(r, c, v)
        for r in wb.hidden_rows.get(name, ()):
            ws.set_row(r - 1, None, None, {"hidden": True})
    book.close()


def _ods(path: Path, wb: Workbook) -> None:
    tables = []
    for name, rows in wb.sheets.items():
        xml_rows = []
        for row in rows:
            cells = []
            for v in row:
                if v is None:
                    cells.append("<table:table-cell/>")
                elif isinstance(v, (int, float)):
                    cells.append(f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}'
                                 "</text:p></table:table-cell>")
                else:
                    paras = "".join(f"<text:p>{escape(p)}</text:p>" for p in str(v).split("\n"))
                    cells.append(f'<table:table-cell office:value-type="string">{paras}</table:table-cell>')
            xml_rows.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
        tables.append(f'<table:table table:name="{escape(name)}">' + "".join(xml_rows) + "</table:table>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        "<office:body><office:spreadsheet>" + "".join(tables) + "</office:spreadsheet></office:body>"
        "</office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)


def _csv(path: Path, wb: Workbook, encoding: str = "utf-8-sig") -> None:
    (rows,) = wb.sheets.values()
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    path.write_bytes(out.getvalue().encode(encoding))


def _xls(path: Path, wb: Workbook) -> None:
    """Excel 97-2003 (BIFF8), as councils still e-mail it (xlwt)."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    for name, rows in wb.sheets.items():
        ws = book.add_sheet(name)
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if v is not None:
                    ws.write(r, c, v)
        for r in wb.hidden_rows.get(name, ()):
            ws.row(r - 1).hidden = True
    book.save(str(path))


# What Excel writes when someone formats whole rows or columns: a style over every column, a styled
# last row, a dimension claiming the whole grid, a space typed at XFD1048576.
_FAR_COLS = '<cols><col min="1" max="16384" width="9.1" style="0" customWidth="1"/></cols>'
_FAR_ROWS = ('<row r="1048576" s="0" customFormat="1"><c r="A1048576" s="0"/><c r="XFD1048576" t="inlineStr">'
             '<is><t xml:space="preserve"> </t></is></c></row>')


def _far_formatting(path: Path, wb: Workbook) -> None:
    import re

    _openpyxl(path, wb)
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    for name in [n for n in parts if n.startswith("xl/worksheets/sheet")]:
        xml = parts[name].decode("utf-8")
        xml = re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:XFD1048576"/>', xml)
        xml = xml.replace("<sheetData>", _FAR_COLS + "<sheetData>", 1).replace("</sheetData>", _FAR_ROWS + "</sheetData>")
        xml = xml.replace("<sheetData/>", _FAR_COLS + "<sheetData>" + _FAR_ROWS + "</sheetData>")
        parts[name] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


WRITERS: dict[str, Callable[[Path, Workbook], None]] = {
    "openpyxl": _openpyxl, "xlsxwriter": _xlsxwriter, "ods": _ods, "csv": _csv,
    "csv-cp1251": lambda p, wb: _csv(p, wb, "cp1251"), "xls": _xls, "far": _far_formatting,
}


# ---------------------------------------------------------------- figures


def _figures(rng: random.Random, n_metrics: int, n_periods: int) -> tuple[list[tuple[str, str]], list[list[int]]]:
    metrics = rng.sample(METRICS, n_metrics)
    return metrics, [[rng.randint(0, 400) for _ in range(n_periods)] for _ in metrics]


def _expected(place: str, dept: str, metrics, values, keys: list[str]) -> set[Figure]:
    return {(place, dept, code, keys[i], float(v)) for (code, _label), row in zip(metrics, values, strict=True)
            for i, v in enumerate(row) if v is not None}


def _month_keys(year: int, n: int = 12) -> list[str]:
    return [f"{year}-{m:02d}" for m in range(1, n + 1)]


def _signature(rng: random.Random) -> list[list[object]]:
    return rng.choice([
        [[], ["Начальник відділу", None, None, None, "І. Петренко"]],
        [[], ["Начальник відділу ______________ О. Коваленко"], ["Виконавець: Н. Шевчук, тел. (04631) 2-14-55"]],
        [[], ["Примітка: дані наведено за журналами реєстрації відділу."], ["12.01.2022"]],
        [[], [], ["Заступник міського голови", None, None, "В. Мельник"], ["Дата: 05.01.2022"]],
    ])


# ---------------------------------------------------------------- styles (one function each)


def wide_title_sentence(rng, city, year):
    code, nom, gen, _ = city
    metrics, values = _figures(rng, 4, 12)
    rows = [[f"Звіт відділу про виконану роботу за {year} рік, м. {nom}"], ["Підрозділ:", DEPARTMENT], [],
            ["Показник", *MONTHS, "Разом"]]
    rows += [[label, *row, sum(row)] for (_c, label), row in zip(metrics, values, strict=True)]
    rows += _signature(rng)
    return ({"Звіт": rows}, _expected(code, DEPARTMENT, metrics, values, _month_keys(year)),
            {"merged": {"Звіт": ["A1:N1"]}})


def wide_info_council(rng, city, year):
    code, _nom, gen, _ = city
    metrics, values = _figures(rng, 3, 12)
    rows = [[f"Інформація про роботу відділу з питань внутрішньої політики {gen} за {year} рік"], [],
            ["Показник\n(найменування)", *MONTHS]]
    rows += [[label, *row] for (_c, label), row in zip(metrics, values, strict=True)]
    rows += [["Всього", *[sum(col) for col in zip(*values, strict=True)]]]
    dept = "відділ з питань внутрішньої політики"  # read from the title
    return {"Аркуш1": rows}, _expected(code, dept, metrics, values, _month_keys(year)), {}


def wide_quarters_pairs_beside(rng, city, year):
    code, nom, _gen, _ = city
    metrics, values = _figures(rng, 4, 4)
    rows = [["Показник", *QUARTERS, None, "Місто:", nom]]
    rows += [[label, *row] for (_c, label), row in zip(metrics, values, strict=True)]
    rows[1] += [None, "Рік:", year]
    return {"Квартали": rows}, _expected(code, "", metrics, values, [f"{year}-Q{q}" for q in range(1, 5)]), {}


def wide_pair_on_header_row(rng, city, year):
    code, nom, _gen, _ = city
    metrics, values = _figures(rng, 3, 12)
    rows = [[f"План-звіт роботи відділу на {year} рік"], [],
            ["ПОКАЗНИК", *[m.upper() for m in MONTHS], None, "Місто", nom]]
    rows += [[label, *row] for (_c, label), row in zip(metrics, values, strict=True)]
    return {"План": rows}, _expected(code, "", metrics, values, _month_keys(year)), {}


def wide_city_below(rng, city, year):
    code, _nom, _gen, council = city
    metrics, values = _figures(rng, 3, 12)
    rows = [[f"Звіт про роботу відділу за {year} рік"], ["Показник", *MONTHS]]
    rows += [[label, *row] for (_c, label), row in zip(metrics, values, strict=True)]
    rows += [[], [council], ["Начальник відділу", None, None, None, None, None, "І. Петренко"],
             ["Виконавець: О. Коваль, тел. 2-14-55"]]
    return {"Аркуш1": rows}, _expected(code, "", metrics, values, _month_keys(year)), {}


def wide_sheet_name(rng, city, year):
    code, nom, _gen, _ = city
    metrics, values = _figures(rng, 3, 12)
    rows = [["Показник", *MONTHS, "Разом"]]
    rows += [[label, *row, sum(row)] for (_c, label), row in zip(metrics, values, strict=True)]
    return {f"{nom} {year}": rows}, _expected(code, "", metrics, values, _month_keys(year)), {}


def wide_file_name(rng, city, year):
    code, nom, _gen, _ = city
    metrics, values = _figures(rng, 2, 12)
    rows = [["Показник", *MONTHS]]
    rows += [[label, *row] for (_c, label), row in zip(metrics, values, strict=True)]
    return {"Аркуш1": rows}, _expected(code, "", metrics, values, _month_keys(year)), {"name": f"{nom}_{year}.xlsx"}


def wide_caps_title(rng, city, year):
    code, _nom, gen, _ = city
    metrics, values = _figures(rng, 3, 12)
    rows = [[f"ВИКОНАВЧИЙ КОМІТЕТ {gen.upper()}"], [f"ЗВІТ ПРО РОБОТУ ЗА {year} РІК"], [],
            ["ПОКАЗНИК", *[m.upper() for m in MONTHS], "УСЬОГО"]]
    rows += [[label, *row, sum(row)] for (_c, label), row in zip(metrics, values, strict=True)]
    rows += _signature(rng)
    return ({"Звіт": rows}, _expected(code, "", metrics, values, _month_keys(year)),
            {"merged": {"Звіт": ["A1:N1", "A2:N2"]}})


def wide_numbered_half_year(rng, city, year):
    code, nom, _gen, _ = city
    metrics, values = _figures(rng, 4, 6)
    rows = [[f"Інформація про роботу відділу за I півріччя {year} року, м. {nom}"], [],
            ["№ з/п", "Найменування показника", *MONTHS[:6]]]
    rows += [[i + 1, label, *row] for i, ((_c, label), row) in enumerate(zip(metrics, values, strict=True))]
    return {"Аркуш1": rows}, _expected(code, "", metrics, values, _month_keys(year, 6)), {}


def wide_two_row_header(rng, city, year):
    code, nom, _gen, _ = city
    metrics, values = _figures(rng, 3, 12)
    rows = [[f"м. {nom}"], ["Підрозділ:", DEPARTMENT], ["Показник", f"{year} рік", *[None] * 11], [None, *MONTHS]]
    rows += [[label, *row] for (_c, label), row in zip(metrics, values, strict=True)]
    return ({"Аркуш1": rows}, _expected(code, DEPARTMENT, metrics, values, _month_keys(year)),
            {"merged": {"Аркуш1": ["A3:A4", "B3:M3"]}})


def wide_sections_notes(rng, city, year):
    code, nom, _gen, _ = city
    metrics, values = _figures(rng, 4, 12)
    rows = [["Місто:", None, nom], ["Рік:", None, year], [], ["Показник", *MONTHS], ["Документообіг"]]
    rows += [[label, *row] for (_c, label), row in zip(metrics[:2], values[:2], strict=True)]
    rows += [[], ["Інформаційна діяльність"]]
    rows += [[label, *row] for (_c, label), row in zip(metrics[2:], values[2:], strict=True)]
    rows += [[], ["Примітка: у березні враховано звернення, що надійшли електронною поштою."],
             ["Виконавець: Петренко О. М., тел. 050 123 45 67"]]
    return ({"Звіт": rows}, _expected(code, "", metrics, values, _month_keys(year)),
            {"merged": {"Звіт": ["A1:B1", "A2:B2"]}})


def wide_half_years_hromada(rng, city, year):
    code, _nom, gen, _ = city
    metrics, values = _figures(rng, 3, 2)
    rows = [[f"Звіт {gen}"], [f"за {year} рік"], ["Показник", *HALVES, "Разом за рік"]]
    rows += [[label, *row, sum(row)] for (_c, label), row in zip(metrics, values, strict=True)]
    return {"Півріччя": rows}, _expected(code, "", metrics, values, [f"{year}-H1", f"{year}-H2"]), {}


def wide_hidden_blank_rows(rng, city, year):
    code, nom, _gen, _ = city
    metrics, values = _figures(rng, 4, 12)
    rows = [[f"Показники діяльності відділу у {year} році, м. {nom}"], ["Показник", *MONTHS]]
    rows += [[metrics[0][1], *values[0]], [], [metrics[1][1], *values[1]],
             ["Засідання сесій і виконкому", *[1] * 12],  # hidden: a draft row, not loaded
             [metrics[2][1], *values[2]], [], [], [metrics[3][1], *values[3]]]
    return {"Аркуш1": rows}, _expected(code, "", metrics, values, _month_keys(year)), {"hidden": {"Аркуш1": [6]}}


def wide_military_admin(rng, _city, year):
    code, _nom, _gen, _ = LYSYCHANSK
    metrics, values = _figures(rng, 3, 4)
    rows = [["Лисичанська міська військова адміністрація"], [f"Звіт про роботу відділу за {year} рік"], [],
            ["Показник", "I кв.", "II кв.", "III кв.", "IV кв."]]
    rows += [[label, *row] for (_c, label), row in zip(metrics, values, strict=True)]
    rows += _signature(rng)
    return {"Звіт": rows}, _expected(code, "", metrics, values, [f"{year}-Q{q}" for q in range(1, 5)]), {}


def long_plain(rng, city, year):
    code, nom, _gen, _ = city
    metrics, values = _figures(rng, 3, 6)
    rows = [["Місто", "Підрозділ", "Період", "Показник", "Значення"]]
    for (_c, label), row in zip(metrics, values, strict=True):
        rows += [[nom, DEPARTMENT, f"{MONTHS[m]} {year}", label, v] for m, v in enumerate(row)]
    return {"Дані": rows}, _expected(code, DEPARTMENT, metrics, values, _month_keys(year, 6)), {}


def long_messy_headers(rng, city, year):
    code, nom, _gen, _ = city
    metrics, values = _figures(rng, 3, 4)
    rows = [["  МІСТО ", "ПІДРОЗДІЛ", "Звітний період", "Показник\n(найменування)", "Значення, од."]]
    for (_c, label), row in zip(metrics, values, strict=True):
        rows += [[nom, DEPARTMENT, f"{QUARTERS[q]} {year}", label, v] for q, v in enumerate(row)]
    rows += [[], ["Начальник відділу", None, None, "І. Петренко"]]
    return {"Аркуш1": rows}, _expected(code, DEPARTMENT, metrics, values, [f"{year}-Q{q}" for q in range(1, 5)]), {}


def long_no_city_column(rng, city, year):
    code, nom, _gen, _ = city
    metrics, values = _figures(rng, 3, 12)
    rows = [[f"Звіт відділу за {year} рік, м. {nom}"], [], ["Період", "Показник", "Значення"]]
    for (_c, label), row in zip(metrics, values, strict=True):
        rows += [[f"{m + 1:02d}.{year}", label, v] for m, v in enumerate(row)]
    return {"Аркуш1": rows}, _expected(code, "", metrics, values, _month_keys(year)), {}


def long_total_rows(rng, city, year):
    code, nom, _gen, _ = city
    metrics, values = _figures(rng, 3, 3)
    rows = [["Місто", "Підрозділ", "Період", "Показник", "Значення"]]
    for (_c, label), row in zip(metrics, values, strict=True):
        rows += [[nom, DEPARTMENT, f"{MONTHS[m]} {year}", label, v] for m, v in enumerate(row)]
        rows += [[None, None, "Разом", label, sum(row)]]
    return {"Аркуш1": rows}, _expected(code, DEPARTMENT, metrics, values, _month_keys(year, 3)), {}


def long_csv(rng, city, year):
    code, nom, _gen, _ = city
    metrics, values = _figures(rng, 2, 12)
    rows = [["місто", "підрозділ", "період", "показник", "значення"]]
    for (_c, label), row in zip(metrics, values, strict=True):
        rows += [[nom, DEPARTMENT, f"{m + 1:02d}.{year}", label, v] for m, v in enumerate(row)]
    return {"csv": rows}, _expected(code, DEPARTMENT, metrics, values, _month_keys(year)), {"writer": "csv"}


def long_csv_cp1251_total(rng, city, year):
    code, nom, _gen, _ = city
    metrics, values = _figures(rng, 2, 4)
    rows = [["Місто", "Підрозділ", "Період", "Показник", "Кількість"]]
    for (_c, label), row in zip(metrics, values, strict=True):
        rows += [[nom, DEPARTMENT, f"{QUARTERS[q]} {year}", label, v] for q, v in enumerate(row)]
    rows += [[None, None, None, "Разом", sum(map(sum, values))]]
    return ({"csv": rows}, _expected(code, DEPARTMENT, metrics, values, [f"{year}-Q{q}" for q in range(1, 5)]),
            {"writer": "csv-cp1251"})


def short_monthly_report(rng, city, year):
    code, _nom, gen, _ = city
    month = rng.randrange(12)
    metrics, values = _figures(rng, 5, 1)
    rows = [[f"Звіт про роботу відділу {gen} за {MONTHS_GEN[month]} {year} року"], [],
            ["№", "Показник", "Кількість, од."]]
    rows += [[i + 1, label, row[0]] for i, ((_c, label), row) in enumerate(zip(metrics, values, strict=True))]
    rows += _signature(rng)
    return {"Аркуш1": rows}, _expected(code, "", metrics, values, [f"{year}-{month + 1:02d}"]), {}


def short_quarter_report(rng, city, year):
    code, nom, _gen, _ = city
    q = rng.randrange(4)
    metrics, values = _figures(rng, 4, 1)
    rows = [[f"Інформація про виконану роботу за {QUARTERS[q]} {year} р."], [f"м. {nom}"],
            ["Показник", "Значення"]]
    rows += [[label, row[0]] for (_c, label), row in zip(metrics, values, strict=True)]
    return {"Аркуш1": rows}, _expected(code, "", metrics, values, [f"{year}-Q{q + 1}"]), {}


def wide_ods(rng, city, year):
    sheets, expected, extra = wide_title_sentence(rng, city, year)
    return sheets, expected, {"writer": "ods"}


def long_ods(rng, city, year):
    sheets, expected, extra = long_messy_headers(rng, city, year)
    return sheets, expected, {"writer": "ods"}


def wide_xlsxwriter_merged(rng, city, year):
    code, nom, _gen, _ = city
    metrics, values = _figures(rng, 3, 12)
    rows = [["Місто:", None, nom, *[None] * 10], ["Рік:", None, year], [], ["Показник", *MONTHS]]
    rows += [[label, *row] for (_c, label), row in zip(metrics, values, strict=True)]
    return ({"Звіт": rows}, _expected(code, "", metrics, values, _month_keys(year)),
            {"writer": "xlsxwriter", "merged": {"Звіт": ["A1:B1", "A2:B2", "C1:F1"]}})


def two_tables_one_title(rng, city, year):
    code, nom, _gen, _ = city
    metrics, values = _figures(rng, 4, 12)
    quarters = [[sum(row[q * 3:q * 3 + 3]) for q in range(4)] for row in values[2:]]
    rows = [[f"Звіт про роботу відділу за {year} рік, м. {nom}"], [], ["Таблиця 1. Документообіг"],
            ["Показник", *MONTHS]]
    rows += [[label, *row] for (_c, label), row in zip(metrics[:2], values[:2], strict=True)]
    rows += [[], ["Таблиця 2. Інформаційна діяльність (по кварталах)"], ["Показник", *QUARTERS]]
    rows += [[label, *row] for (_c, label), row in zip(metrics[2:], quarters, strict=True)]
    expected = _expected(code, "", metrics[:2], values[:2], _month_keys(year))
    expected |= _expected(code, "", metrics[2:], quarters, [f"{year}-Q{q}" for q in range(1, 5)])
    return {"Звіт": rows}, expected, {}


def two_years_one_sheet(rng, city, year):
    code, _nom, gen, _ = city
    metrics, values = _figures(rng, 3, 12)
    later = [[v + 5 for v in row] for row in values]
    rows = []
    for y, block in ((year - 1, values), (year, later)):
        rows += [[f"Інформація про роботу відділу {gen} за {y} рік"], ["Показник", *MONTHS]]
        rows += [[label, *row] for (_c, label), row in zip(metrics, block, strict=True)]
        rows += [[], ["Начальник відділу", None, None, None, "І. Петренко"], []]
    expected = _expected(code, "", metrics, values, _month_keys(year - 1))
    expected |= _expected(code, "", metrics, later, _month_keys(year))
    return {"Аркуш1": rows}, expected, {}


def wide_units_column(rng, city, year):
    code, _nom, gen, _ = city
    metrics, values = _figures(rng, 4, 4)
    rows = [[f"Звіт відділу культури і туризму {gen} за {year} рік"], [],
            ["№ з/п", "Найменування показника", "Од. виміру", "I кв.", "II кв.", "III кв.", "IV кв.", "Усього за рік"]]
    rows += [[i + 1, label, "од.", *row, sum(row)]
             for i, ((_c, label), row) in enumerate(zip(metrics, values, strict=True))]
    rows += _signature(rng)
    return ({"Звіт": rows}, _expected(code, "відділ культури і туризму", metrics, values,
                                       [f"{year}-Q{q}" for q in range(1, 5)]), {})


def wide_blank_corner(rng, city, year):
    code, nom, _gen, _ = city
    metrics, values = _figures(rng, 3, 12)
    rows = [[f"Зміст роботи відділу у {year} році (м. {nom})"], [], [None, *MONTHS]]
    rows += [[label, *row] for (_c, label), row in zip(metrics, values, strict=True)]
    return {"Аркуш1": rows}, _expected(code, "", metrics, values, _month_keys(year)), {}


# Labels as officials type them, not as the catalog words them: other word forms and order, units,
# capitals, "Кількість …", a verb of what was done, the draft catalog's own label.
WORDED = {
    "letters_received": ["Кількість вхідних листів", "Надійшло листів", "ВХІДНІ ЛИСТИ, шт."],
    "news_published": ["Опубліковано новин на сайті", "Кількість опублікованих новин та інформаційних матеріалів на сайті"],
    "documents_published": ["оприлюднені нормативні акти, рішення, проєкти"],
    "outgoing_documents": ["Вихідних документів (од.)"],
    "social_media_posts": ["КІЛЬКІСТЬ ДОПИСІВ У СОЦМЕРЕЖАХ"],
    "public_info_requests": ["Запитів на публічну інформацію, шт.", "Надійшло запитів на публічну інформацію"],
    "draft_council_decisions": ["Підготовлено проєктів рішень міської ради"],
    "events_attended": ["Взято участь у заходах"],
    "videos_published": ["Відеосюжетів"],
    "greetings_prepared": ["Підготовлено привітань"],
    "petitions_submitted": ["Нових електронних петицій"],
}


def wide_worded_labels(rng, city, year):
    code, nom, gen, _ = city
    chosen = rng.sample(sorted(WORDED), 4)
    metrics = [(c, rng.choice(WORDED[c])) for c in chosen]
    values = [[rng.randint(0, 400) for _ in range(12)] for _ in metrics]
    rows = [[f"Показники роботи відділу {gen} за {year} рік"], [], ["Найменування показника", *MONTHS]]
    rows += [[label, *row] for (_c, label), row in zip(metrics, values, strict=True)]
    return {"Аркуш1": rows}, _expected(code, "", metrics, values, _month_keys(year)), {}


def long_worded_labels(rng, city, year):
    code, nom, _gen, _ = city
    chosen = rng.sample(sorted(WORDED), 3)
    metrics = [(c, rng.choice(WORDED[c])) for c in chosen]
    values = [[rng.randint(0, 400) for _ in range(4)] for _ in metrics]
    rows = [["Місто", "Підрозділ", "Період", "Показник", "Значення"]]
    for (_c, label), row in zip(metrics, values, strict=True):
        rows += [[nom, DEPARTMENT, f"{QUARTERS[q]} {year}", label, v] for q, v in enumerate(row)]
    return {"Дані": rows}, _expected(code, DEPARTMENT, metrics, values, [f"{year}-Q{q}" for q in range(1, 5)]), {}


def wide_old_excel(rng, city, year):
    sheets, expected, extra = wide_title_sentence(rng, city, year)
    return sheets, expected, {"writer": "xls"}


def long_old_excel(rng, city, year):
    sheets, expected, extra = long_plain(rng, city, year)
    return sheets, expected, {"writer": "xls"}


def wide_formatted_to_the_edge(rng, city, year):
    sheets, expected, extra = wide_info_council(rng, city, year)
    return sheets, expected, {"writer": "far"}


def long_formatted_to_the_edge(rng, city, year):
    sheets, expected, extra = long_messy_headers(rng, city, year)
    return sheets, expected, {"writer": "far"}


STYLES = [wide_title_sentence, wide_info_council, wide_quarters_pairs_beside, wide_pair_on_header_row,
          wide_city_below, wide_sheet_name, wide_file_name, wide_caps_title, wide_numbered_half_year,
          wide_two_row_header, wide_sections_notes, wide_half_years_hromada, wide_hidden_blank_rows,
          wide_military_admin, long_plain, long_messy_headers, long_no_city_column, long_total_rows, long_csv,
          long_csv_cp1251_total, short_monthly_report, short_quarter_report, wide_ods, long_ods,
          wide_xlsxwriter_merged, two_tables_one_title, two_years_one_sheet, wide_units_column,
          wide_blank_corner, wide_worded_labels, long_worded_labels, wide_old_excel, long_old_excel,
          wide_formatted_to_the_edge, long_formatted_to_the_edge]


def corpus(seed: int = 2021, per_style: int = 2) -> list[Workbook]:
    """`per_style` workbooks of each style (different cities, years and figures): 70 by default."""
    rng = random.Random(seed)
    out = []
    for i in range(per_style):
        for n, style in enumerate(STYLES):
            city = CITIES[(n + i * 3) % len(CITIES)]
            year = 2019 + (n + i) % 4
            sheets, expected, extra = style(rng, city, year)
            writer = extra.get("writer", "openpyxl")
            ext = {"ods": ".ods", "csv": ".csv", "csv-cp1251": ".csv", "xls": ".xls"}.get(writer, ".xlsx")
            name = extra.get("name") or f"{style.__name__}_{i}{ext}"
            out.append(Workbook(name, style.__name__, sheets, expected, writer, extra.get("merged", {}),
                                extra.get("hidden", {})))
    return out


def figures_of(result) -> set[Figure]:
    """What a parsed file holds, as the corpus states it."""
    figures = result.figures
    if not figures and getattr(result, "packed", None) is not None:
        raise ValueError("parse without packing")
    return {(f.place_code, f.department, f.metric, f.period.key, float(f.value)) for f in figures}


def first_try_share(folder: Path) -> tuple[int, int, list[str]]:
    """(loaded to exactly their figures, all, the names of the others) of the corpus written in `folder`."""
    from etl.load.parse import parse_file

    books = corpus()
    good, failed = 0, []
    for i, wb in enumerate(books):
        sub = Path(folder) / str(i)
        sub.mkdir(parents=True, exist_ok=True)
        try:
            result = parse_file(wb.write(sub))
        except Exception:  # noqa: BLE001 - a crash is a file that did not load
            failed.append(f"{wb.name} (crashed)")
            continue
        if result.ok and figures_of(result) == wb.expected:
            good += 1
        else:
            failed.append(wb.name)
    return good, len(books), failed


if __name__ == "__main__":
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        good, total, failed = first_try_share(Path(tmp))
    print(f"first try: {good} of {total} ({100 * good / total:.0f} %)")
    if "-v" in sys.argv:
        print("\n".join(failed))
