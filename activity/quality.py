"""Data-quality rules behind the Якість даних / Data quality page. Pure: frames in, frames out.

* **Totals against months** (`disagreements`): a quarterly, half-yearly or annual flow figure and
  the monthly figures inside its span (same city, department and metric) disagree when every month
  is there and their sum differs from the total, or when fewer months already add up to more than
  the total (flows never go below zero, so the missing months cannot make up for it).
* **Duplicates** (`duplicate_groups`): the same figure from several active sources, one row per
  figure: the value the `observations` view keeps, and every other source's value.
* **Months not reported** (`gap_table`): runs of months no figure covers, e.g. "03.2019–05.2019".
* **Unknown wordings** (`with_suggestions`): metric names seen in uploads, with the catalog's
  closest metrics as a hint for extending activity/metrics.toml.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pandas as pd

from activity.catalog import suggest_metrics


def months_between(start: date, end: date) -> int:
    """Calendar months from the month of `start` to the month of `end`, both included."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


def disagreements(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows of `queries.totals_against_months` whose months and total disagree (see module doc),
    with months_in_period, complete and difference (the months' sum minus the total)."""
    if rows.empty:
        return rows.assign(months_in_period=[], complete=[], difference=[])
    starts = pd.to_datetime(rows["period_start"]).dt.date
    ends = pd.to_datetime(rows["period_end"]).dt.date
    out = rows.assign(months_in_period=[months_between(s, e) for s, e in zip(starts, ends, strict=True)])
    out["complete"] = out["months_reported"] >= out["months_in_period"]
    out["difference"] = out["months_sum"] - out["total"]
    differs = (out["complete"] & (out["difference"] != 0)) | (~out["complete"] & (out["difference"] > 0))
    return out[differs].reset_index(drop=True)


def duplicate_groups(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per figure given by several sources (rows of `queries.duplicate_figures`): the kept
    value, source and locator, the others as "source (locator): value", and whether values differ."""
    columns = ["city_code", "city_uk", "city", "department", "metric", "kind", "period_start", "period_end",
               "granularity", "as_of", "breakdown", "value", "source", "locator", "others", "sources",
               "values_differ"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    key = ["city_code", "department_code", "metric", "breakdown", "key_start", "key_end"]  # a stock: its date
    out = []
    for _, group in rows.groupby(key, sort=False, dropna=False):
        kept = group[group["kept"]].iloc[0] if group["kept"].any() else group.iloc[0]
        others = group.drop(index=kept.name)
        values = {(_number(v), s) for v, s in zip(group["value"], group["status"], strict=True)}
        out.append({
            **{c: kept[c] for c in columns[:12]}, "source": kept["source"], "locator": kept["locator"],
            "others": [(r.source, r.locator, _number(r.value), r.granularity) for r in others.itertuples()],
            "sources": len(group), "values_differ": len(values) > 1,
        })
    return pd.DataFrame(out, columns=columns)


def _number(v: object) -> float | None:
    return None if v is None or pd.isna(v) else float(v)


def month_ranges(months: Iterable[date]) -> list[tuple[date, date]]:
    """Consecutive months as (first, last) runs: Jan, Feb, Mar, May -> [(Jan, Mar), (May, May)]."""
    runs: list[tuple[date, date]] = []
    for m in sorted({date(d.year, d.month, 1) for d in months}):
        if runs and months_between(runs[-1][1], m) == 2:
            runs[-1] = (runs[-1][0], m)
        else:
            runs.append((m, m))
    return runs


def ranges_text(runs: list[tuple[date, date]], lang: str = "uk") -> str:
    """"03.2019–05.2019, 11.2020" (Ukrainian) or "2019-03–2019-05, 2020-11" (English)."""
    fmt = "%Y-%m" if lang == "en" else "%m.%Y"
    return ", ".join(a.strftime(fmt) if a == b else f"{a.strftime(fmt)}–{b.strftime(fmt)}" for a, b in runs)


def gap_table(rows: pd.DataFrame, lang: str = "uk", monthly_only: bool = True) -> pd.DataFrame:
    """Rows of `queries.months_not_reported` with their months as runs (`ranges`, `runs`);
    `monthly_only` keeps the metrics the city reports by month at all."""
    if monthly_only and not rows.empty:
        rows = rows[rows["monthly_figures"] > 0]
    if rows.empty:
        return rows.assign(runs=[], ranges=[])
    runs = [month_ranges(pd.Timestamp(m).date() for m in months) for months in rows["months"]]
    return rows.assign(runs=runs, ranges=[ranges_text(r, lang) for r in runs]).reset_index(drop=True)


def with_suggestions(rows: pd.DataFrame) -> pd.DataFrame:
    """Unknown wordings with the codes of up to three catalog metrics that read most alike; a wording
    that is read by now (added to the catalog, or mapped by a person: activity.wordings) is left out."""
    from activity.wordings import AUTOMATIC, look_again, resolve_metric

    look_again()  # a wording mapped since (from the command line, another process) counts
    if not rows.empty:
        rows = rows[[resolve_metric(str(w)).how not in AUTOMATIC for w in rows["wording"]]].reset_index(drop=True)
    if rows.empty:
        return rows.assign(suggestions=[])
    return rows.assign(suggestions=[[m.code for m in suggest_metrics(str(w))] for w in rows["wording"]])
