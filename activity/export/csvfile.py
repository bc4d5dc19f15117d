"""The .csv of an export table (see activity.export for what it guarantees)."""

from __future__ import annotations

import csv
import io

from activity.export.table import (
    DATE,
    DATETIME,
    NUMBER,
    SEPARATORS,
    ExportContext,
    ExportTable,
    approximate_labels,
    neutralise,
    row_sources,
    t,
    typed_columns,
)
from activity.i18n import tr


def to_csv(table: ExportTable, context: ExportContext, sep: str = ";") -> bytes:
    """The table as CSV bytes: UTF-8 with BOM, `sep` with its decimal mark (see the module docstring)."""
    if sep not in SEPARATORS:
        raise ValueError(f"separator must be one of {SEPARATORS}, not {sep!r}")
    lang, mark = context.lang, "," if sep == ";" else "."
    columns = typed_columns(table, lang)
    approx = approximate_labels(table)
    sources = row_sources(table) if not table.sources_shown and len(table.sources) else []
    header = [label for label, _, _ in columns]
    header += [t("approx_col", lang)] * bool(approx) + [tr("sources", lang)] * bool(sources)
    date_format = "%d.%m.%Y" if lang == "uk" else "%Y-%m-%d"
    time_format = date_format + " %H:%M"
    text_columns = []
    for _, kind, cells in columns:
        if kind == NUMBER:
            text_columns.append(["" if v is None else _csv_number(v, mark) for v in cells])
        elif kind in (DATE, DATETIME):
            shape = date_format if kind == DATE else time_format
            text_columns.append(["" if v is None else v.strftime(shape) for v in cells])
        else:
            text_columns.append(["" if v is None else neutralise(v) for v in cells])
    text_columns += [[neutralise(v) for v in approx]] * bool(approx)
    text_columns += [[neutralise(v) for v in sources]] * bool(sources)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    writer.writerows(zip(*text_columns, strict=True))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_number(v: int | float, mark: str) -> str:
    text = str(v) if isinstance(v, int) else repr(v)
    return text.replace(".", mark) if "e" not in text else f"{v:f}".rstrip("0").rstrip(".").replace(".", mark)
