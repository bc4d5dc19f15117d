"""The table to export (`ExportTable`) and what it says of itself: typed columns, approximate marks,
sources; the context of a view (`ExportContext`). The formats are written by activity.export.xlsx and
activity.export.csvfile; the package (activity.export) says what an export guarantees."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd

from activity.i18n import tr, translator

NUMBER, DATE, DATETIME, TEXT = "number", "date", "datetime", "text"
RISKY_START = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
SEPARATORS = (";", ",")
SOURCE_COLUMNS = ["row", "column", "source", "locator"]

T = {
    "filters": ("Фільтри", "Filters"),
    "exported": ("Експортовано", "Exported"),
    "basis_total": ("усього за період", "total for the period"),
    "basis_per_month": ("у середньому за місяць", "average per month"),
    "basis_per_10k": ("на 10 000 мешканців", "per 10,000 residents"),
    "approx_col": ("Приблизно", "Approximate"),
}


t = translator(T)


@dataclass
class ExportContext:
    """What the exported view is: its language, filters (label, value) as shown, basis and time."""

    lang: str = "uk"
    filters: Sequence[tuple[str, str]] = ()
    basis: str | None = None  # total, per_month, per_10k; None where no basis applies
    exported_at: datetime = field(default_factory=lambda: datetime.now().replace(microsecond=0))

    def lines(self) -> list[str]:
        """The title block's lines under the title: filters, basis, export time."""
        out = []
        if self.filters:
            out.append(f"{t('filters', self.lang)}: " + "; ".join(f"{k}: {v}" for k, v in self.filters))
        if self.basis:
            out.append(f"{tr('basis', self.lang)}: {t('basis_' + self.basis, self.lang)}")
        stamp = self.exported_at.strftime("%d.%m.%Y %H:%M" if self.lang == "uk" else "%Y-%m-%d %H:%M")
        out.append(f"{t('exported', self.lang)}: {stamp}")
        return out


@dataclass
class ExportTable:
    """One table as shown, with what an export needs beside it (see the module docstring).

    `sources` has one row per figure source: `row` (position in `frame`), `column` (its label),
    `source` (file or report), `locator` (sheet!cell or sentence); several rows for a figure that
    adds up several reported ones. `approximate` is a boolean frame (same rows, some columns) that
    is True where the figure is approximate. `decimals` gives a number column's decimals (else 0).
    """

    sheet: str
    title: str
    frame: pd.DataFrame
    decimals: dict[str, int] = field(default_factory=dict)
    approximate: pd.DataFrame | None = None
    sources: pd.DataFrame | None = None
    metrics: Sequence[str] = ()
    notes: Sequence[str] = ()
    key_columns: Sequence[str] = ()  # what names a row on the sources sheet (default: first column)
    sources_shown: bool = False  # the table has its own source columns (no extra one in .csv)

    def __post_init__(self) -> None:
        self.frame = self.frame.reset_index(drop=True)
        if self.approximate is not None:
            self.approximate = self.approximate.reset_index(drop=True).fillna(False).astype(bool)
        if self.sources is None:
            self.sources = pd.DataFrame(columns=SOURCE_COLUMNS)


def sources_frame(records: Sequence[tuple[int, str, str, str]]) -> pd.DataFrame:
    """(row, column, source, locator) tuples as the `sources` frame of an ExportTable."""
    return pd.DataFrame(list(records), columns=SOURCE_COLUMNS)


def is_risky(text: str) -> bool:
    """Whether a spreadsheet would read this text as a formula (or a command) if typed in."""
    return bool(text) and text[0] in RISKY_START


def neutralise(text: str) -> str:
    """The text as it goes into a .csv: an apostrophe first when it could run as a formula."""
    return "'" + text if is_risky(text) else text


def column_kind(values: pd.Series) -> str:
    """number, date, datetime (a time of day in it) or text: how a column is written (bools are
    written as yes/no text)."""
    if pd.api.types.is_bool_dtype(values):
        return TEXT
    if pd.api.types.is_numeric_dtype(values):
        return NUMBER
    if pd.api.types.is_datetime64_any_dtype(values):
        present = values.dropna()
        return DATETIME if len(present) and (present != present.dt.normalize()).any() else DATE
    present = values.dropna()
    if len(present) and all(isinstance(v, date) for v in present):
        return DATE
    if len(present) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return NUMBER
    return TEXT


def typed_columns(table: ExportTable, lang: str) -> list[tuple[str, str, list]]:
    """(label, kind, values) per column: numbers rounded to their decimals (int when whole, None
    when missing), dates as `date`, text as `str` (None when empty); nothing neutralised yet."""
    yes_no = {True: tr("yes", lang), False: tr("no", lang)}
    out = []
    for label in table.frame.columns:
        values = table.frame[label]
        kind = column_kind(values)
        if kind == NUMBER:
            places = table.decimals.get(label, 0)
            rounded = pd.to_numeric(values, errors="coerce").astype("float64").round(places).tolist()
            cells = [None if v != v else int(v) if v.is_integer() else v for v in rounded]
        elif kind == DATE:
            cells = [None if v is None or v != v else v if type(v) is date else pd.Timestamp(v).date()
                     for v in values.tolist()]
        elif kind == DATETIME:
            cells = [None if v is None or v != v else pd.Timestamp(v).to_pydatetime().replace(tzinfo=None)
                     for v in values.tolist()]
        else:
            cells = [v if type(v) is str and v else None if v is None or v != v or v == ""
                     else yes_no[v] if isinstance(v, bool) else str(v) for v in values.tolist()]
        out.append((str(label), kind, cells))
    return out


def approximate_labels(table: ExportTable) -> list[str]:
    """Per row, the labels of its approximate columns joined by ", " ('' when none)."""
    mask = table.approximate
    if mask is None or not mask.to_numpy().any():
        return []
    cols = [c for c in mask.columns if c in table.frame.columns]
    return [", ".join(c for c in cols if row[c]) if len(cols) > 1 else ("≈" if row[cols[0]] else "")
            for _, row in mask.iterrows()]


def row_sources(table: ExportTable) -> list[str]:
    """Per row, its figures' sources as 'file: locator; …' ('' when none)."""
    joined: dict[int, list[str]] = {}
    for r in table.sources.itertuples(index=False):
        joined.setdefault(int(r.row), []).append(f"{r.source}: {r.locator}" if r.locator else str(r.source))
    return ["; ".join(dict.fromkeys(joined.get(i, []))) for i in range(len(table.frame))]


def file_stem(title: str) -> str:
    """A file name (without extension) from a title: letters, digits, dashes and underscores."""
    stem = re.sub(r"[^\w\-–.]+", "_", title, flags=re.UNICODE).strip("_.")
    return stem[:80] or "export"
