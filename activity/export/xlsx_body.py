"""The body of an export table as worksheet XML in one pass, inside an XlsxWriter workbook.

XlsxWriter stores every cell as an object and later writes it out one call at a time; for a
100 000-row table that is half of the export's time (bench/export_xlsx.py). `BodySheet` is an
XlsxWriter worksheet (XlsxWriter's `worksheet_class` extension point) that writes the title block
and header through XlsxWriter as usual and the table's rows as one block of XML of exactly the form
XlsxWriter itself writes in constant-memory mode: `<c r="A8" s="3"><v>465</v></c>` for numbers
and dates, `<c r="B8" t="inlineStr"><is><t>…</t></is></c>` for text. XlsxWriter still writes
everything else (styles, column widths, frozen panes, autofilter, the zip).

`body_supported()` checks that the XlsxWriter in use has the hooks this relies on; without them
activity.export.xlsx writes the rows cell by cell instead (same file, slower).
"""

from __future__ import annotations

import re
from datetime import date, datetime

from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from activity.export.table import DATE, DATETIME, NUMBER, RISKY_START

EXCEL_EPOCH = date(1899, 12, 30)
_LITERAL_ESCAPE = re.compile(r"(_x[0-9a-fA-F]{4}_)")  # a literal "_x0041_" must not read as "A"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")  # tab and line feed are plain XML text
_WHITESPACE_EDGE = re.compile(r"^\s|\s$")


def excel_serial(moment: datetime) -> float:
    """Days since Excel's epoch, with the time of day as the fraction."""
    return (moment - datetime(1899, 12, 30)).total_seconds() / 86400


def body_supported() -> bool:
    return all(hasattr(Worksheet, name) for name in ("_write_rows", "_check_dimensions"))


class BodySheet(Worksheet):
    """A worksheet whose table rows are written in bulk by `render_body` (see the module docstring)."""

    body: tuple | None = None

    def set_body(self, first_row: int, plan: list, n: int, quoted) -> None:
        """Rows `first_row`… from `plan` (see export_xlsx._write_table); `quoted` is the quote-prefix format."""
        self.body = (first_row, plan, n, quoted)
        if n and plan:
            self._check_dimensions(first_row + n - 1, len(plan) - 1)

    def _write_rows(self) -> None:
        super()._write_rows()
        if self.body:
            for chunk in render_body(*self.body):
                self.fh.write(chunk)


def _text(v: str, quoted_xf: int, cache: dict[str, str]) -> str:
    """Everything of a text cell after its reference, cached per distinct text."""
    tail = cache.get(v)
    if tail is None:
        text = _LITERAL_ESCAPE.sub(r"_x005F\1", v)
        text = _CONTROL.sub(lambda m: f"_x{ord(m.group(0)):04X}_", text)
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        style = f' s="{quoted_xf}"' if v[:1] in RISKY_START else ""
        space = ' xml:space="preserve"' if _WHITESPACE_EDGE.search(v) else ""
        tail = cache[v] = f'{style} t="inlineStr"><is><t{space}>{text}</t></is></c>'
    return tail


def render_body(first_row: int, plan: list, n: int, quoted, rows_per_chunk: int = 5000):
    """The `<row>` elements of the table body, a chunk of rows at a time; empty cells are left out."""
    quoted_xf, cache = quoted._get_xf_index(), {}
    columns = []
    for c, (kind, cells, formats, approx_formats, approx) in enumerate(plan):
        xf = tuple(f._get_xf_index() for f in formats) if formats else None
        axf = tuple(f._get_xf_index() for f in approx_formats) if approx_formats else None
        columns.append((xl_col_to_name(c), kind, cells, xf, axf, approx))
    for start in range(0, n, rows_per_chunk):
        out = []
        for i in range(start, min(n, start + rows_per_chunk)):
            r = first_row + i + 1
            row = []
            for letter, kind, cells, xf, axf, approx in columns:
                v = cells[i]
                if v is None:
                    continue
                if kind == NUMBER:
                    s = (axf if approx and approx[i] else xf)[type(v) is int]
                    row.append(f'<c r="{letter}{r}" s="{s}"><v>{v if type(v) is int else format(v, ".16G")}</v></c>')
                elif kind == DATE:
                    row.append(f'<c r="{letter}{r}" s="{xf[0]}"><v>{(v - EXCEL_EPOCH).days}</v></c>')
                elif kind == DATETIME:
                    row.append(f'<c r="{letter}{r}" s="{xf[0]}"><v>{excel_serial(v):.16G}</v></c>')
                else:
                    row.append(f'<c r="{letter}{r}"' + _text(v, quoted_xf, cache))
            if row:
                out.append(f'<row r="{r}">{"".join(row)}</row>')
        yield "".join(out)
