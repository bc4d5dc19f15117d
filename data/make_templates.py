"""Write the spreadsheet templates in data/templates/ and the report template in data/report/
(deterministic, byte-identical on rerun).

- long_template.xlsx / long_template.csv: one row per figure;
- wide_template.xlsx: metrics as rows, months as columns, as officials keep them;
- report_template.docx: the styles and letterhead of the written report (`python -m etl export
  --report CITY PERIOD --out звіт.docx`); a council restyles it in Word and passes it with --template.

The .xlsx files have a second sheet "Довідка" that explains the layout in Ukrainian.
The example figures are invented.

Usage: python data/make_templates.py [--out DIR] [--report-out DIR]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import importlib.util
import sys
from pathlib import Path

import xlsxwriter

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("generate_demo", HERE / "generate_demo.py")
_demo = importlib.util.module_from_spec(_spec)
sys.dont_write_bytecode, _saved = True, sys.dont_write_bytecode  # no __pycache__ in data/
_spec.loader.exec_module(_demo)
sys.dont_write_bytecode = _saved
MONTHS, SECTIONS = _demo.MONTHS, _demo.SECTIONS

CREATED = dt.datetime(2024, 1, 1)
LONG_HEADER = [
    "Місто",
    "Підрозділ",
    "Період",
    "Показник",
    "Значення",
    "Станом на",
    "Приблизно",
    "Розбивка",
    "Примітка",
]
DEPARTMENT = "відділ інформаційно-аналітичної роботи та комунікацій з громадськістю"
# Invented example rows: value is an int, as_of a date or None.
LONG_EXAMPLES = [
    (
        "Ніжин",
        DEPARTMENT,
        "квітень 2024",
        "news_published",
        431,
        None,
        "",
        "",
        "ПРИКЛАД — замініть своїми даними",
    ),
    (
        "Ніжин",
        DEPARTMENT,
        "ІІ квартал 2024",
        "Вхідні листи",
        512,
        None,
        "",
        "",
        "ПРИКЛАД: показник можна назвати словами з каталогу",
    ),
    (
        "Ніжин",
        DEPARTMENT,
        "2024-04",
        "public_info_requests",
        0,
        None,
        "",
        "",
        "ПРИКЛАД: запитів не надходило — це 0, а не порожня клітинка",
    ),
    (
        "Ніжин",
        DEPARTMENT,
        "2024-Q2",
        "photos_published",
        640,
        None,
        "так",
        "",
        "ПРИКЛАД: приблизне число («близько 640»)",
    ),
    (
        "Ніжин",
        DEPARTMENT,
        "ІІ квартал 2024",
        "ngos_registered",
        186,
        dt.date(2024, 7, 1),
        "",
        "",
        "ПРИКЛАД: залишковий показник — кількість на дату",
    ),
]
LONG_COLUMNS = [
    ("Місто", "city", "Назва міста (громади) українською, напр. «Ніжин»."),
    (
        "Підрозділ",
        "department",
        "Назва відділу без «… міської ради», напр. «відділ інформаційно-аналітичної роботи та комунікацій з громадськістю».",
    ),
    ("Період", "period", "Проміжок часу, за який подано число (див. форми нижче)."),
    (
        "Показник",
        "metric",
        "Код показника з каталогу (напр. news_published) або його назва з каталогу (напр. «Вхідні листи»). Незнайому назву програма покаже як помилку — вона нічого не вгадує й не пропускає мовчки.",
    ),
    (
        "Значення",
        "value",
        "Ціле число від 0. Порожньо — не звітували; 0 — звітували нуль; «н/з» — не застосовується; «~» перед числом — приблизно (напр. «~320»).",
    ),
    (
        "Станом на",
        "as_of",
        "Лише для залишкових показників (зареєстровані організації, осередки партій тощо): дата дд.мм.рррр, на яку діє число. Для потокових показників — порожньо.",
    ),
    ("Приблизно", "approximate", "«так», якщо число приблизне («близько 320»); інакше порожньо."),
    (
        "Розбивка",
        "breakdown",
        "Необов’язково. Якщо число — частина загального, запишіть «вимір: значення», напр. «запитувач: фізичні особи». Такі частини не додаються до загального числа.",
    ),
    ("Примітка", "note", "Необов’язково: джерело числа або коментар."),
]
PERIOD_FORMS = [
    ("березень 2021", "місяць"),
    ("2021-03", "місяць (рік-місяць)"),
    ("ІІІ квартал 2019", "квартал (римські цифри, кирилична «І»)"),
    ("2019-Q3", "квартал (рік-Q-номер)"),
    ("2017 рік", "рік"),
]
VALUE_RULES = [
    (
        "порожня клітинка",
        "дані не подавалися (пропуск); на графіках — розрив, а не падіння до нуля",
    ),
    ("0", "подано нуль, напр. «запити не надходили»"),
    ("н/з", "показник для цього підрозділу чи періоду не застосовується"),
    ("~320 або «так» у колонці «Приблизно»", "приблизне значення («близько 320»)"),
]
KIND_NOTE = (
    "Потокові показники (новини, листи, заходи…) рахуються за період і додаються за місяцями. "
    "Залишкові (громадські організації, осередки політичних партій, релігійні організації) — "
    "це кількість на дату; їх ніколи не додають, береться останнє значення."
)
WIDE_LAYOUT = [
    ("A1", "Назва таблиці (об’єднана клітинка)."),
    ("A2 / B2", "«Місто:» і назва міста, напр. «Ніжин»."),
    ("A3 / B3", "«Підрозділ:» і назва відділу без «… міської ради»."),
    ("A4 / B4", "«Рік:» і рік числом, напр. 2024."),
    (
        "Рядок 6",
        "Заголовки: «Показник», місяці «Січень» … «Грудень» (або квартали «І квартал» … «IV квартал»), «Разом».",
    ),
    (
        "Рядки 7…",
        "У колонці A — назва показника, як у каталозі; у колонках місяців — числа. Рядки-розділи («Публікації», «Заходи»…) мають лише назву, без чисел.",
    ),
    ("Разом", "Формула =SUM(…) для потокових показників; для залишкових не заповнюється."),
    (
        "Залишкові показники",
        "Громадські організації, осередки партій, релігійні організації: лише за березень, червень, вересень і грудень — кількість на кінець місяця (станом на 1-ше число наступного).",
    ),
    ("Аркуш", "Один аркуш — один рік; назва аркуша — рік, напр. «2024»."),
]
WIDE_EXAMPLE = {  # code -> {month: value}; invented
    "news_published": {1: 431, 2: 447, 3: 468},
    "public_info_requests": {1: 2, 2: 0, 3: 1},
    "ngos_registered": {3: 186},
}


def _formats(wb: xlsxwriter.Workbook) -> dict:
    return {
        "head": wb.add_format(
            {"bold": True, "border": 1, "bg_color": "#DDEBF7", "text_wrap": True, "valign": "top"}
        ),
        "cell": wb.add_format({"border": 1, "valign": "top"}),
        "wrap": wb.add_format({"border": 1, "text_wrap": True, "valign": "top"}),
        "date": wb.add_format({"border": 1, "num_format": "dd.mm.yyyy", "valign": "top"}),
        "title": wb.add_format({"bold": True, "font_size": 13}),
        "bold": wb.add_format({"bold": True}),
        "section": wb.add_format(
            {"bold": True, "italic": True, "border": 1, "bg_color": "#F2F2F2"}
        ),
        "num": wb.add_format({"border": 1, "num_format": "0"}),
        "total": wb.add_format({"border": 1, "bold": True, "num_format": "0"}),
    }


def _new_workbook(path: Path, title: str) -> xlsxwriter.Workbook:
    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties({"title": title, "author": "make_templates.py", "created": CREATED})
    return wb


def write_help(
    wb: xlsxwriter.Workbook, fmt: dict, title: str, blocks: list[tuple[str, list]]
) -> None:
    """The "Довідка" sheet: a title, then blocks of (heading, rows of two text cells)."""
    ws = wb.add_worksheet("Довідка")
    ws.write_string(0, 0, title, fmt["title"])
    row = 2
    for heading, rows in blocks:
        ws.write_string(row, 0, heading, fmt["bold"])
        row += 1
        for cells in rows:
            for col, text in enumerate(cells):
                ws.write_string(row, col, text, fmt["wrap"])
            row += 1
        row += 1
    ws.set_column(0, 0, 36)
    ws.set_column(1, 1, 110)


def common_blocks() -> list[tuple[str, list]]:
    return [
        ("Форми запису періоду", [(form, meaning) for form, meaning in PERIOD_FORMS]),
        ("Порожньо, нуль, н/з, приблизно", VALUE_RULES),
        ("Потокові й залишкові показники", [("Підсумовування", KIND_NOTE)]),
    ]


def write_long_xlsx(path: Path) -> None:
    wb = _new_workbook(path, "Шаблон: довгий формат (один рядок — одне число)")
    fmt = _formats(wb)
    ws = wb.add_worksheet("Дані")
    for col, name in enumerate(LONG_HEADER):
        ws.write_string(0, col, name, fmt["head"])
    for r, row in enumerate(LONG_EXAMPLES, start=1):
        for col, value in enumerate(row):
            if isinstance(value, dt.date):
                ws.write_datetime(r, col, dt.datetime.combine(value, dt.time()), fmt["date"])
            elif isinstance(value, int):
                ws.write_number(r, col, value, fmt["num"])
            elif value:
                ws.write_string(r, col, value, fmt["cell"])
            else:
                ws.write_blank(r, col, None, fmt["cell"])
    ws.data_validation(1, 6, 1000, 6, {"validate": "list", "source": ["так"], "ignore_blank": True})
    for col, width in enumerate([12, 62, 18, 24, 10, 12, 11, 24, 60]):
        ws.set_column(col, col, width)
    ws.freeze_panes(1, 0)
    columns = [(f"{uk} ({en})", text) for uk, en, text in LONG_COLUMNS]
    write_help(
        wb,
        fmt,
        "Довідка: довгий формат — один рядок на одне число",
        [
            (
                "Колонки (заголовок українською; англійський теж приймається)",
                [("Колонка (English)", "Що писати")] + columns,
            ),
            *common_blocks(),
        ],
    )
    wb.close()


def write_long_csv(path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
        writer.writerow(LONG_HEADER)
        for row in LONG_EXAMPLES:
            writer.writerow(
                [
                    "" if v is None else v.strftime("%d.%m.%Y") if isinstance(v, dt.date) else v
                    for v in row
                ]
            )


def write_wide_xlsx(path: Path, year: int = 2024) -> None:
    wb = _new_workbook(path, "Шаблон: широкий формат (показники — рядки, місяці — колонки)")
    fmt = _formats(wb)
    ws = wb.add_worksheet(str(year))
    ws.merge_range(
        0,
        0,
        0,
        13,
        f"ПРИКЛАД ЗАПОВНЕННЯ — показники діяльності відділу за {year} рік",
        fmt["title"],
    )
    for r, (k, v) in enumerate(
        [("Місто:", "Ніжин"), ("Підрозділ:", DEPARTMENT), ("Рік:", year)], 1
    ):
        ws.write_string(r, 0, k, fmt["bold"])
        ws.write(r, 1, v)
    ws.write_string(5, 0, "Показник", fmt["head"])
    for m, name in enumerate(MONTHS, 1):
        ws.write_string(5, m, name, fmt["head"])
    ws.write_string(5, 13, "Разом", fmt["head"])
    row = 6
    for sec, metrics in SECTIONS.items():
        ws.write_string(row, 0, sec, fmt["section"])
        for col in range(1, 14):
            ws.write_blank(row, col, None, fmt["section"])
        row += 1
        for code, kind, label in metrics:
            ws.write_string(row, 0, label, fmt["cell"])
            example = WIDE_EXAMPLE.get(code, {})
            for m in range(1, 13):
                if m in example:
                    ws.write_number(row, m, example[m], fmt["num"])
                else:
                    ws.write_blank(row, m, None, fmt["num"])
            if kind == "flow" and example:
                ws.write_formula(
                    row, 13, f"=SUM(B{row + 1}:M{row + 1})", fmt["total"], sum(example.values())
                )
            else:
                ws.write_blank(row, 13, None, fmt["total"])
            row += 1
    ws.set_column(0, 0, 50)
    ws.set_column(1, 13, 11)
    ws.freeze_panes(6, 1)
    write_help(
        wb,
        fmt,
        "Довідка: широкий формат — показники в рядках, місяці в колонках",
        [
            ("Будова аркуша", WIDE_LAYOUT),
            (
                "Що писати в клітинці місяця",
                VALUE_RULES[:3] + [("~320", "приблизне значення («близько 320»)")],
            ),
            (
                "Форми запису періоду (колонка «Період» довгого формату)",
                [(form, meaning) for form, meaning in PERIOD_FORMS],
            ),
            common_blocks()[2],
        ],
    )
    wb.close()


LETTERHEAD = ("УКРАЇНА", "[НАЗВА] МІСЬКА РАДА", "[назва структурного підрозділу]",
              "[адреса, телефон, електронна пошта]")


def write_report_docx(path: Path) -> None:
    """The written report's template: A4, Times New Roman 14 pt, its headings and list styles, and a
    letterhead in the first page's header (the report's text replaces the body, the header stays)."""
    import io
    import zipfile

    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin, section.top_margin, section.bottom_margin = Cm(3), Cm(1.5), Cm(2), Cm(2)
    for name, size, bold in (("Normal", 14, False), ("Title", 16, True), ("Heading 1", 14, True)):
        style = document.styles[name]
        style.font.name, style.font.size, style.font.bold = "Times New Roman", Pt(size), bold
        style.font.color.rgb = RGBColor(0, 0, 0)
        rpr = style.element.get_or_add_rPr()
        rpr.get_or_add_rFonts().set(docx.oxml.ns.qn("w:eastAsia"), "Times New Roman")
        style.paragraph_format.space_after = Pt(6)
    document.styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.styles["Normal"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    section.different_first_page_header_footer = True  # the letterhead on the first page only
    header = section.first_page_header
    header.paragraphs[0].text = LETTERHEAD[0]
    for line in LETTERHEAD[1:]:
        header.add_paragraph(line)
    for p in header.paragraphs:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("Текст звіту пишеться сюди з python -m etl export --report; змінюйте стилі та бланк, "
                           "а не цей текст.")
    props = document.core_properties
    props.title, props.author, props.language = "Звіт про роботу підрозділу", "", "uk-UA"
    props.created = props.modified = CREATED
    props.last_modified_by, props.revision = "", 1
    raw = io.BytesIO()
    document.save(raw)
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in sorted(src.infolist(), key=lambda i: i.filename):  # fixed dates: byte-identical on rerun
            dst.writestr(zipfile.ZipInfo(info.filename, CREATED.timetuple()[:6]), src.read(info.filename),
                         zipfile.ZIP_DEFLATED)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "templates", help="output folder of the workbook templates")
    parser.add_argument("--report-out", type=Path, default=None, help="output folder of the report template "
                        "(default: data/report)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    write_long_xlsx(args.out / "long_template.xlsx")
    write_long_csv(args.out / "long_template.csv")
    write_wide_xlsx(args.out / "wide_template.xlsx")
    report = args.report_out or HERE / "report"  # not beside the workbook templates: it is no input to load
    report.mkdir(parents=True, exist_ok=True)
    write_report_docx(report / "report_template.docx")
    for path in [args.out / n for n in ("long_template.xlsx", "long_template.csv", "wide_template.xlsx")] + [
            report / "report_template.docx"]:
        print(f"{path.name}: {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
