"""Write Excel 97-2003 (.xls) workbooks at test time with xlwt (no binary committed).

    write_xls(path, {"Звіт": rows})   # rows: lists of str, int, float, date, datetime or None

Dates get a date format, as Excel shows them; None leaves the cell out. Other tests (layouts
written both ways) use it to compare an .xls with the same .xlsx.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path


def write_xls(path: Path, sheets: dict[str, list[list[object]]], *, hidden_rows: dict[str, list[int]] | None = None,
              hidden_sheets: tuple[str, ...] = ()) -> Path:
    """An .xls (BIFF8) with one sheet per entry; `hidden_rows` are 1-based row numbers."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    as_date = xlwt.easyxf(num_format_str="DD.MM.YYYY")
    for name, rows in sheets.items():
        ws = wb.add_sheet(name, cell_overwrite_ok=True)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, (date, datetime)):
                    ws.write(r, c, value, as_date)
                else:
                    ws.write(r, c, value)
        for r in (hidden_rows or {}).get(name, ()):
            ws.row(r - 1).hidden = True
        if name in hidden_sheets:
            ws.visibility = 1
    wb.save(str(path))
    return Path(path)
