"""Exports an official can hand on as they are: a table as the app shows it, as .xlsx or .csv.

A *table to export* (`ExportTable`) is a DataFrame already in the user's view: columns labelled in
the UI language, numbers as numbers (NaN is "not reported": a blank cell, never 0; a reported zero
stays 0), dates as dates, text as text. It carries the figures' sources (file and sheet!cell, or
report and sentence), which figures are approximate, and the metric codes it uses; an
`ExportContext` says what the view is (language, filters, basis, export time).

* **.xlsx** (`to_xlsx`, written by activity.export.xlsx with XlsxWriter, chosen by
  bench/export_xlsx.py): see that module for the layout.
* **.csv** (`to_csv`, written by activity.export.csvfile): UTF-8 with a BOM (Excel on Windows then reads Cyrillic); `;` separator with
  a decimal comma (what Ukrainian Excel reads) or `,` with a decimal point; dates as 31.12.2024
  (Ukrainian) or 2024-12-31 (English), with the time where it has one; no thousands separators; numbers rounded to the decimals
  the app shows, with no false decimals. Approximate figures: a "Приблизно" column naming the
  approximate columns of the row (a marked number would become text). Sources: a "Джерела"
  column, unless the table shows its sources itself.
* **No text runs as a formula** (OWASP CSV injection): a text cell starting with = + - @ (or
  their full-width forms), a tab, CR or LF is prefixed with an apostrophe in .csv, and in .xlsx is
  a string cell with Excel's quote prefix (shown as typed, kept text when edited). Numbers stay
  numbers.
"""

from __future__ import annotations

from collections.abc import Sequence

from activity.export.table import ExportContext, ExportTable


def to_xlsx(tables: ExportTable | Sequence[ExportTable], context: ExportContext) -> bytes:
    """The tables as one .xlsx (one sheet each) with the sources and metrics sheets."""
    from activity.export.xlsx import write_workbook  # XlsxWriter is loaded when a file is made

    return write_workbook([tables] if isinstance(tables, ExportTable) else list(tables), context)


def to_csv(table: ExportTable, context: ExportContext, sep: str = ";") -> bytes:
    """The table as CSV bytes: UTF-8 with BOM, `sep` with its decimal mark."""
    from activity.export.csvfile import to_csv as write_csv

    return write_csv(table, context, sep)


def export_bytes(tables: ExportTable | Sequence[ExportTable], context: ExportContext, fmt: str,
                 sep: str = ";") -> bytes:
    """`to_xlsx` or `to_csv` by format name ("xlsx" or "csv"; a CSV holds the first table only)."""
    if fmt == "xlsx":
        return to_xlsx(tables, context)
    if fmt == "csv":
        return to_csv(tables if isinstance(tables, ExportTable) else tables[0], context, sep)
    raise ValueError(f"unknown export format {fmt!r}: use xlsx or csv")
