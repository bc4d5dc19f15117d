"""The .xlsx of an export, written with XlsxWriter (bench/export_xlsx.py: about 2.5× openpyxl's speed).

Each table gets a sheet laid out as:

* a title block: the title, the filters, the basis, the export time, the table's notes and a
  legend (blank = not reported, 0 = reported zero, ≈ = approximate);
* the header row (frozen, with an autofilter over the table), then the rows;
* real numbers with thousands separators and only the decimals the app shows (`#,##0`,
  `#,##0.0`; Ukrainian Excel shows the separator as a space); an approximate figure stays a number
  with the format `"≈ "#,##0`, so it reads "≈ 320"; real dates (`dd.mm.yyyy`, or `yyyy-mm-dd` in
  English); text as string cells, with Excel's quote prefix where it starts like a formula;
  a missing figure is an empty cell;
* column widths fitted to the header and the longest value.

Then the sheet "Джерела" ("Sources" in English; a sheet name cannot hold "/") lists each
figure's source: the sheet and cell of the figure, its row and column, its value, the source file
or report and the sheet!cell or sentence in it. The sheet "Показники" ("Metrics") gives the
catalog's definition of every metric the tables use.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import date

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from activity.catalog import CATEGORIES, METRICS
from activity.export.table import (
    DATE,
    DATETIME,
    NUMBER,
    RISKY_START,
    ExportContext,
    ExportTable,
    typed_columns,
)
from activity.export.xlsx_body import EXCEL_EPOCH, BodySheet, body_supported, excel_serial
from activity.i18n import tr, translator

MAX_WIDTH, MIN_WIDTH, HEADER_WIDTH = 80, 6, 24
T = {
    "legend": ("Порожня клітинка — не подано; 0 — подано нуль; «≈» — приблизне значення. Джерело кожного "
               "числа — на аркуші «{sources}», визначення показників — на аркуші «{metrics}».",
               "A blank cell is not reported; 0 is a reported zero; '≈' marks an approximate value. Each "
               "figure's source is on the sheet '{sources}', the metrics' definitions on the sheet '{metrics}'."),
    "sheet": ("Аркуш", "Sheet"),
    "row": ("Рядок", "Row"),
    "column": ("Стовпець", "Column"),
    "locator": ("Місце в джерелі (аркуш!клітинка або речення)", "Where in the source (sheet!cell or sentence)"),
    "per_row": ("рядків таблиці: {n}", "rows of the table: {n}"),
    "see_columns": ("у стовпцях джерела й клітинки кожного рядка таблиці",
                    "in the source and cell columns of each row of the table"),
    "code": ("Код", "Code"),
    "short": ("Коротка назва", "Short name"),
    "polarity": ("Краще, коли", "Better when"),
    "definition": ("Визначення", "Definition"),
    "flow": ("потік (за період)", "flow (over a period)"),
    "stock": ("залишок (станом на дату)", "stock (as of a date)"),
    "up": ("більше", "higher"),
    "down": ("менше", "lower"),
    "neutral": ("—", "—"),
}


t = translator(T)


def sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unique Excel sheet name: no []:*?/\\, at most 31 characters."""
    base = re.sub(r"[\[\]:*?/\\]", "-", name).strip("' ")[:31] or "Sheet"
    out, n = base, 2
    while out.lower() in taken:
        out, n = f"{base[:27]} ({n})", n + 1
    taken.add(out.lower())
    return out


class _Formats:
    def __init__(self, wb: xlsxwriter.Workbook, lang: str) -> None:
        self.title = wb.add_format({"bold": True, "font_size": 14})
        self.note = wb.add_format({"italic": True, "font_color": "#555555"})
        self.header = wb.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#E8EEF6",
                                     "bottom": 1})
        self.header_quoted = wb.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#E8EEF6",
                                            "bottom": 1, "quote_prefix": True})
        self.quoted = wb.add_format({"quote_prefix": True})
        self.date = wb.add_format({"num_format": "dd.mm.yyyy" if lang == "uk" else "yyyy-mm-dd"})
        self.datetime = wb.add_format({"num_format": "dd.mm.yyyy hh:mm" if lang == "uk" else "yyyy-mm-dd hh:mm"})
        self.wb, self._numbers = wb, {}

    def number(self, decimals: int, approximate: bool = False):
        key = (decimals, approximate)
        if key not in self._numbers:
            code = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
            self._numbers[key] = self.wb.add_format({"num_format": f'"≈ "{code}' if approximate else code})
        return self._numbers[key]


def write_workbook(tables: Sequence[ExportTable], context: ExportContext, *, bulk: bool | None = None) -> bytes:
    """The workbook as bytes: one sheet per table, then the sources and the metrics sheets.

    `bulk` writes table rows through activity.export.xlsx_body (the default where XlsxWriter allows it);
    False writes them cell by cell through XlsxWriter's API (the same file, slower)."""
    lang, buf, taken = context.lang, io.BytesIO(), set()
    bulk = body_supported() if bulk is None else bulk
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False,
                                   "strings_to_numbers": False, "strings_to_urls": False})
    fmt = _Formats(wb, lang)
    names = [sheet_name(tb.sheet, taken) for tb in tables]
    sources_name = sheet_name(tr("sources", lang), taken)
    metrics_name = sheet_name(tr("metrics", lang), taken)
    legend = t("legend", lang, sources=sources_name, metrics=metrics_name)
    placed = [_write_table(wb, fmt, name, tb, context, legend, bulk) for name, tb in zip(names, tables, strict=True)]
    _write_sources(wb, fmt, sources_name, placed, lang)
    codes = {c for tb in tables for c in tb.metrics}
    _write_metrics(wb, fmt, metrics_name, [m for m in METRICS.values() if m.code in codes], lang)
    wb.close()
    return buf.getvalue()


def _write_table(wb, fmt: _Formats, name: str, table: ExportTable, context: ExportContext, legend: str,
                 bulk: bool):
    """Write one table's sheet; return what the sources sheet needs to point at its cells."""
    ws = wb.add_worksheet(name, worksheet_class=BodySheet if bulk else None)
    columns = typed_columns(table, context.lang)
    ws.write_string(0, 0, table.title, fmt.title)
    lines = [*context.lines(), *table.notes, legend]
    for i, line in enumerate(lines, start=1):
        ws.write_string(i, 0, line, fmt.note)
    header = len(lines) + 2
    mask = table.approximate
    plan = []  # (kind, cells, formats, approximate formats, approximate flags) per column
    for label, kind, cells in columns:
        approx = mask[label].tolist() if mask is not None and label in mask.columns else None
        places = table.decimals.get(label, 0)
        # (fractional, whole): a whole number never shows false decimals ("1 546", not "1 546,0")
        formats = {NUMBER: (fmt.number(places), fmt.number(0)), DATE: (fmt.date,), DATETIME: (fmt.datetime,)}.get(kind)
        approx_formats = (fmt.number(places, True), fmt.number(0, True)) if approx else None
        plan.append((kind, cells, formats, approx_formats, approx))
    for c, (label, _, _) in enumerate(columns):
        ws.write_string(header, c, label, fmt.header_quoted if label[:1] in RISKY_START else fmt.header)
    if bulk:
        ws.set_body(header + 1, plan, len(table.frame), fmt.quoted)
    else:
        _write_rows(ws, fmt, header + 1, plan, len(table.frame))
    for c, (label, kind, cells) in enumerate(columns):
        ws.set_column(c, c, _width(label, kind, cells, table.decimals.get(label, 0)))
    ws.freeze_panes(header + 1, 0)
    ws.autofilter(header, 0, header + max(len(table.frame), 1), max(len(columns) - 1, 0))
    return name, header + 1, table, columns


def _write_rows(ws, fmt: _Formats, first: int, plan: list, n: int) -> None:
    """Cell by cell through XlsxWriter's API; empty cells stay empty."""
    number, string, quoted = ws.write_number, ws.write_string, fmt.quoted
    for i in range(n):
        r = first + i
        for c, (kind, cells, formats, approx_formats, approx) in enumerate(plan):
            v = cells[i]
            if v is None:
                continue
            if kind == NUMBER:
                number(r, c, v, (approx_formats if approx and approx[i] else formats)[type(v) is int])
            elif kind == DATE:
                number(r, c, (v - EXCEL_EPOCH).days, formats[0])
            elif kind == DATETIME:
                number(r, c, excel_serial(v), formats[0])
            else:
                string(r, c, v, quoted if v[0] in RISKY_START else None)


def _width(label: str, kind: str, cells: list, decimals: int) -> float:
    present = [v for v in cells if v is not None]
    if kind == NUMBER:
        widest = max((abs(v) for v in present), default=0)
        data = len(f"{widest:,.{decimals}f}") + 3  # sign or "≈ " and a margin
    elif kind in (DATE, DATETIME):
        data = 11 if kind == DATE else 17
    else:
        data = max(map(len, present), default=0) + 1
    return max(MIN_WIDTH, min(MAX_WIDTH, max(data, min(len(label) + 2, HEADER_WIDTH))))


def _plain_table(wb, fmt: _Formats, name: str, header: list[str], rows: list[list], widths: list[float]) -> None:
    """A plain sheet: header row frozen with an autofilter, numbers as numbers, text never a formula."""
    ws = wb.add_worksheet(name)
    for c, label in enumerate(header):
        ws.write_string(0, c, label, fmt.header_quoted if label[:1] in RISKY_START else fmt.header)
        ws.set_column(c, c, widths[c])
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row):
            if v is None or v == "":
                continue
            if isinstance(v, (int, float)):
                ws.write_number(r, c, v, fmt.number(0 if float(v).is_integer() else 1))
            else:
                ws.write_string(r, c, str(v), fmt.quoted if str(v)[:1] in RISKY_START else None)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(rows), 1), len(header) - 1)


def _write_sources(wb, fmt: _Formats, name: str, placed: list, lang: str) -> None:
    header = [t("sheet", lang), tr("cell", lang), t("row", lang), t("column", lang), tr("value", lang),
              tr("file_or_report", lang), t("locator", lang)]
    rows = []
    for sheet, first, table, columns in placed:
        if table.sources_shown:  # each row names its source in its own columns: one line per file
            for source, n in table.sources["source"].value_counts(sort=False).items():
                rows.append([sheet, "", t("per_row", lang, n=n), "", None, source, t("see_columns", lang)])
            continue
        index = {label: (c, kind, cells) for c, (label, kind, cells) in enumerate(columns)}
        keys = [k for k in (table.key_columns or [columns[0][0]]) if k in index]
        for r in table.sources.itertuples(index=False):
            row, (c, kind, cells) = int(r.row), index[r.column]
            label = " · ".join(_shown(index[k][2][row], lang) for k in keys if index[k][2][row] is not None)
            rows.append([sheet, xl_rowcol_to_cell(first + row, c), label, r.column,
                         cells[row] if kind == NUMBER else _shown(cells[row], lang), r.source, r.locator])
    widths = [max(MIN_WIDTH, min(MAX_WIDTH, max([len(str(x[i] or "")) for x in rows] + [len(h)]) + 2))
              for i, h in enumerate(header)]
    _plain_table(wb, fmt, name, header, rows, widths)


def _shown(v: object, lang: str) -> str:
    if isinstance(v, date):
        return v.strftime("%d.%m.%Y" if lang == "uk" else "%Y-%m-%d")
    return "" if v is None else str(v)


def _write_metrics(wb, fmt: _Formats, name: str, metrics: list, lang: str) -> None:
    header = [t("code", lang), tr("metric", lang), t("short", lang), tr("category", lang), tr("kind", lang),
              t("polarity", lang), t("definition", lang)]
    rows = [[m.code, m.label(lang), m.short(lang), CATEGORIES[m.category].label(lang), t(m.kind, lang),
             t(m.polarity, lang), m.definition(lang)] for m in metrics]
    widths = [max(MIN_WIDTH, min(MAX_WIDTH, max([len(x[i]) for x in rows] + [len(h)]) + 2))
              for i, h in enumerate(header)]
    _plain_table(wb, fmt, name, header, rows, widths)
