"""The review workbook of ``python -m etl extract --out review.xlsx``.

One sheet "Показники" in the long layout that ``python -m etl load`` reads (Місто, Підрозділ,
Період, Показник, Значення, Станом на, Приблизно, Розбивка, Примітка), plus two columns for the
person who checks it: Речення (the sentence each figure was read from; ``load`` keeps it as the
figure's locator) and Впевненість (how sure the extractor is, 0–1; rows below 0.7 are shaded).
A report whose city, department or period was not found gets empty cells there, for the person to
fill in. A second sheet, "Довідка", says how to review.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from activity.catalog import get_metric
from activity.formatting import period_label
from activity.period_text import parse_period
from activity.periods import Period, PeriodError
from etl.reports.extraction import ExtractionReport

COLUMNS = ("Місто", "Підрозділ", "Період", "Показник", "Значення", "Станом на", "Приблизно",
           "Розбивка", "Примітка", "Речення", "Впевненість")
WIDTHS = (14, 40, 18, 44, 10, 12, 11, 26, 30, 90, 12)
SHADE_BELOW = 0.7
HELP = (
    "Як перевірити показники, знайдені у звіті",
    "",
    "1. На аркуші «Показники» кожен рядок — одне число зі звіту; у стовпці «Речення» — речення, з якого "
    "його прочитано, у «Впевненість» — наскільки програма певна (0–1; сумнівні рядки затінено).",
    "2. Виправте показник або значення, якщо їх прочитано неправильно; видаліть рядок, якщо число не є "
    "показником; допишіть місто, підрозділ чи період, якщо їх не знайдено.",
    "3. «Приблизно» = «так» для чисел на кшталт «близько 320»; «Розбивка» — частина підсумку (не додається до нього).",
    "4. Завантажте перевірений файл: python -m etl load review.xlsx",
    "",
    "How to review: each row of 'Показники' is one figure read from a report, with its sentence and the "
    "extractor's confidence. Correct or delete rows, fill in a missing city, department or period, then "
    "run: python -m etl load review.xlsx",
)


def period_text(p: Period) -> str:
    """The period as the long layout reads it back ("березень 2021", "ІІІ квартал 2019")."""
    label = period_label(p)
    try:
        if parse_period(label) == p:
            return label
    except PeriodError:
        pass
    return f"з {p.start:%d.%m.%Y} по {p.end:%d.%m.%Y}"


def review_rows(report: ExtractionReport) -> list[list[object]]:
    """The long-layout rows of one report (see COLUMNS)."""
    city = report.place.name_uk if report.place else None
    period = period_text(report.period) if report.period else None
    rows = []
    for f in report.figures:
        rows.append([
            city, report.department or None, period_text(f.period) if f.period else period,
            get_metric(f.code).label_uk, f.value,
            datetime(f.as_of.year, f.as_of.month, f.as_of.day) if f.as_of else None,
            "так" if f.approximate else None, f.breakdown, f"{report.name}, рядок {f.line}",
            f.sentence, f.confidence,
        ])
    return rows


def write_review(reports: list[ExtractionReport], path: str | Path) -> int:
    """Write the review workbook for these reports; returns the number of figure rows."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    try:
        ws = wb.add_worksheet("Показники")
        bold = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
        day = wb.add_format({"num_format": "dd.mm.yyyy"})
        wrap = wb.add_format({"text_wrap": True, "valign": "top"})
        share = wb.add_format({"num_format": "0.00"})
        unsure = wb.add_format({"bg_color": "#FFF2CC"})
        for c, (title, width) in enumerate(zip(COLUMNS, WIDTHS, strict=True)):
            ws.write(0, c, title, bold)
            ws.set_column(c, c, width, wrap if title == "Речення" else None)
        ws.set_column(5, 5, WIDTHS[5], day)
        ws.set_column(10, 10, WIDTHS[10], share)
        r = 0
        for report in reports:
            for row in review_rows(report):
                r += 1
                for c, value in enumerate(row):
                    if value is None:
                        continue
                    if isinstance(value, datetime):
                        ws.write_datetime(r, c, value, day)
                    else:
                        ws.write(r, c, value)
        if r:
            ws.conditional_format(1, 0, r, len(COLUMNS) - 1, {
                "type": "formula", "criteria": f"=$K2<{SHADE_BELOW}", "format": unsure})
            ws.autofilter(0, 0, r, len(COLUMNS) - 1)
        ws.freeze_panes(1, 0)
        help_ws = wb.add_worksheet("Довідка")
        help_ws.set_column(0, 0, 120, wrap)
        for i, line in enumerate(HELP):
            help_ws.write(i, 0, line)
    finally:
        wb.close()
    return r
