"""What the report review page shares with the loader: the editable table and its way back to figures."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date

import pandas as pd

from activity.catalog import METRICS, get_metric
from ui.bridge import REPORTED, ExtractionReport, Figure, FileResult, as_written

COLUMNS = ["keep", "metric", "value", "approximate", "as_of", "breakdown", "confidence", "sentence"]
FIXES = {  # what a person must fix in a row: (uk, en)
    "metric": ("оберіть показник", "choose a metric"),
    "value": ("значення має бути цілим і не від’ємним", "the value must be a whole, non-negative number"),
}


def editable_table(report: ExtractionReport) -> pd.DataFrame:
    """One row per figure found, as the person checking it will see and correct it."""
    rows = [{
        "keep": True, "metric": f.code, "value": float(f.value), "approximate": f.approximate,
        "as_of": f.as_of, "breakdown": f.breakdown or "", "confidence": f.confidence, "sentence": f.sentence,
    } for f in report.figures]
    return pd.DataFrame(rows, columns=COLUMNS)


def highlighted(sentence: str, at: int, value: int) -> str:
    """The sentence as Markdown with the figure's number marked (other Markdown characters escaped)."""
    escape = lambda s: re.sub(r"([\\`*_{}\[\]()#+\-.!|~<>:$])", r"\\\1", s)  # noqa: E731
    match = re.compile(r"\d[\d\s\u00a0]*").match(sentence, at) if 0 <= at < len(sentence) else None
    if not match:
        return escape(sentence) + f" → **{value}**"
    end = match.end() - (len(match.group()) - len(match.group().rstrip()))
    return f"{escape(sentence[:at])}:orange-background[**{escape(sentence[at:end])}**]{escape(sentence[end:])}"


def problems_in(table: pd.DataFrame) -> list[tuple[int, str, str]]:
    """Rows a person must fix before loading: (row number, Ukrainian, English)."""
    out = []
    for i, row in enumerate(table.itertuples(), start=1):
        if not row.keep:
            continue
        if row.metric not in METRICS:
            out.append((i, *FIXES["metric"]))
        if pd.isna(row.value) or row.value < 0 or row.value != int(row.value):
            out.append((i, *FIXES["value"]))
    return out


def to_result(report: ExtractionReport, table: pd.DataFrame, raw: bytes) -> FileResult:
    """The checked table as a file result the loader stores (name = the report's name).

    Its content hash covers the report's bytes and the corrections, so a corrected version of an
    already loaded report replaces it, and loading the same checked report again adds nothing.
    """
    kept = table[table["keep"]]
    dept = as_written(report.department)
    figures = []
    for row in kept.itertuples():
        as_of = row.as_of if get_metric(row.metric).kind == "stock" and not pd.isna(row.as_of) else None
        if as_of is not None and not isinstance(as_of, date):
            as_of = pd.Timestamp(as_of).date()
        found = report.figures[row.Index] if isinstance(row.Index, int) and row.Index < len(report.figures) else None
        period = (found.period if found is not None else None) or report.period  # a month inside a quarter
        figures.append(Figure(report.place.code, dept, row.metric, period, float(row.value), REPORTED,
                              as_of, bool(row.approximate), row.breakdown or None, row.sentence))
    digest = hashlib.sha256(raw)
    digest.update(json.dumps(kept.drop(columns=["confidence"]).astype(str).values.tolist(), ensure_ascii=False).encode())
    kind = report.name.rsplit(".", 1)[-1].lower() if "." in report.name else "txt"
    return FileResult(report.name, None, kind, digest.hexdigest(), figures=figures)
