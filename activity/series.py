"""The period and stock/flow rules, in one place. Every chart, KPI and comparison goes through here.

Flows (counted over a period):
* A figure reported for exactly the period asked for is used as it is.
* Otherwise figures for shorter periods inside it (months in a quarter, quarters in a year) are
  added up. The result is *complete* only when every month is covered; else it is *partial* and
  says how many months it covers ("3 of 12"). Shorter figures are used first; a longer figure is
  never added to shorter ones that overlap it.
* On a finer chart (months) a figure reported only for a longer period (a quarter, a year) is
  shown as a per-month average over its span (`spread`), never added to months. Year-to-date
  spans ("9 місяців") are never spread or added.
Stocks (a level on a date): the level for a period is the latest one standing on or before the
day after the period ends (officials write "станом на 01.10" for the end of September); levels
are never added up over time.
Bases: `total`; `per_month` (the total over the months it covers); `per_10k` (the total per
10 000 residents of the city in that year).
Departments: a city's value is the sum of its departments' (each department's figures picked by
the rules above, then added). `*_by_department` keep each department apart (a line, a column of
its own), by `department_code`: the same rules, one department at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from activity.identity import standing_day, stock_day
from activity.periods import Period, month_period, quarter_period, year_period

BASES = ("total", "per_month", "per_10k")
SERIES_GRANULARITIES = ("month", "quarter", "year")
_FINENESS = {"month": 0, "quarter": 1, "half_year": 2, "year": 3, "week": -1, "custom": 4}

SERIES_COLUMNS = [
    "city_code", "city_uk", "city", "metric", "period_start", "period_end", "total", "value",
    "months_reported", "months_in_period", "complete", "spread", "span_start", "span_end",
    "approximate", "demo", "sources", "locators",
]


def buckets(granularity: str, start: date, end: date) -> list[Period]:
    """The months, quarters or years that intersect [start, end], in order."""
    make = {"month": lambda y, i: month_period(y, i), "quarter": lambda y, i: quarter_period(y, i),
            "year": lambda y, i: year_period(y)}[granularity]
    per_year = {"month": 12, "quarter": 4, "year": 1}[granularity]
    out: list[Period] = []
    for year in range(start.year, end.year + 1):
        for i in range(1, per_year + 1):
            p = make(year, i)
            if p.end >= start and p.start <= end:
                out.append(p)
    return out


def _months(start: date, end: date) -> list[tuple[int, int]]:
    out, y, m = [], start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _n_months(start: date, end: date) -> int:
    return len(_months(start, end))


@dataclass
class _Pick:
    rows: list[dict]
    months: set[tuple[int, int]]
    spread: bool = False


def _pick_for_bucket(rows: list[dict], bucket: Period, allow_spread: bool) -> _Pick | None:
    """Which figures of one city+metric make the value of one bucket (see the module rules)."""
    exact = [r for r in rows if r["period_start"] == bucket.start and r["period_end"] == bucket.end]
    if exact:
        return _Pick(exact[:1], set(bucket.months))
    inside = [r for r in rows if r["period_start"] >= bucket.start and r["period_end"] <= bucket.end
              and r["granularity"] != "custom"]
    inside.sort(key=lambda r: (_FINENESS.get(r["granularity"], 5), r["period_start"]))
    chosen: list[dict] = []
    covered: set[tuple[int, int]] = set()
    for r in inside:
        months = set(_months(r["period_start"], r["period_end"]))
        if months & covered:
            continue  # a longer figure overlapping shorter ones already used: never added to them
        chosen.append(r)
        covered |= months
    if chosen:
        return _Pick(chosen, covered)
    if allow_spread:
        around = [r for r in rows if r["period_start"] <= bucket.start and r["period_end"] >= bucket.end
                  and r["granularity"] in ("quarter", "half_year", "year")]
        if around:
            around.sort(key=lambda r: _FINENESS[r["granularity"]])
            return _Pick(around[:1], set(bucket.months), spread=True)
    return None


def flow_series(
    obs: pd.DataFrame,
    granularity: str,
    start: date,
    end: date,
    basis: str = "total",
    population: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per city, metric and bucket that has anything reported; gaps are absent rows."""
    flows = obs[(obs["kind"] == "flow") & (obs["status"] == "reported")] if len(obs) else obs
    out: list[dict] = []
    grid = buckets(granularity, start, end)
    for (code, metric), group in flows.groupby(["city_code", "metric"], sort=True) if len(flows) else []:
        by_department = [_records(g) for _, g in group.groupby("department", sort=True)]
        names = by_department[0][0]
        for bucket in grid:
            picks = [p for p in (_pick_for_bucket(rows, bucket, allow_spread=True) for rows in by_department) if p]
            if not picks:
                continue
            used = [r for p in picks for r in p.rows]
            months = min(len(p.months) for p in picks)
            out.append({
                "city_code": code, "city_uk": names["city_uk"], "city": names["city"], "metric": metric,
                "period_start": bucket.start, "period_end": bucket.end,
                "total": sum(_pick_total(p, bucket) for p in picks),
                "months_reported": months, "months_in_period": bucket.n_months,
                "complete": months >= bucket.n_months, "spread": any(p.spread for p in picks),
                "span_start": min(r["period_start"] for r in used),
                "span_end": max(r["period_end"] for r in used),
                "approximate": any(r["approximate"] for r in used),
                "demo": any(r["demo"] for r in used),
                "sources": "; ".join(sorted({r["source"] for r in used})),
                "locators": "; ".join(f"{r['source']}: {r['locator']}" for r in used[:12]),
            })
    result = pd.DataFrame(out, columns=[c for c in SERIES_COLUMNS if c != "value"])
    result.insert(SERIES_COLUMNS.index("value"), "value", apply_basis(result, basis, population))
    return result


def _pick_total(pick: _Pick, bucket: Period) -> float:
    if pick.spread:  # a longer period's figure, as its average over this bucket's months
        r = pick.rows[0]
        return r["value"] * bucket.n_months / _n_months(r["period_start"], r["period_end"])
    return float(sum(r["value"] for r in pick.rows))


def apply_basis(series: pd.DataFrame, basis: str, population: pd.DataFrame | None) -> pd.Series:
    """The values of a flow series on the chosen basis (see the module docstring)."""
    if basis not in BASES:
        raise ValueError(f"unknown basis {basis!r}")
    if series.empty:
        return pd.Series([], dtype="float64")
    if basis == "total":
        return series["total"].astype("float64")
    if basis == "per_month":
        return series["total"] / series["months_reported"]
    people = _population_lookup(series, population)
    return series["total"] / people * 10_000


def _population_lookup(series: pd.DataFrame, population: pd.DataFrame | None) -> pd.Series:
    if population is None or population.empty:
        return pd.Series(float("nan"), index=series.index)
    table = {(r.city_code, int(r.year)): float(r.population) for r in population.itertuples()}
    return pd.Series(
        [table.get((c, pd.Timestamp(s).year), float("nan")) for c, s in zip(series["city_code"], series["period_start"], strict=True)],
        index=series.index,
    )


def period_value(obs: pd.DataFrame, city_code: str, metric: str, kind: str, period: Period) -> dict | None:
    """The value of one metric for one city and period, with coverage; None when nothing applies.

    Flows: the exact figure or the sum of shorter ones inside (never spread from a longer one).
    Stocks: the latest level standing on or before the day after the period ends.
    """
    rows = obs[(obs["city_code"] == city_code) & (obs["metric"] == metric) & (obs["status"] == "reported")]
    if rows.empty:
        return None
    records = _records(rows)
    if kind == "stock":
        level = stock_level(records, standing_day(period.end))
        if level is None:
            return None
        return {"value": level["value"], "as_of": level["_date"], "complete": True,
                "months_reported": period.n_months, "months_in_period": period.n_months,
                "approximate": bool(level["approximate"]), "demo": bool(level["demo"]),
                "sources": level["source"]}
    by_department: dict[str, list[dict]] = {}
    for r in records:
        by_department.setdefault(r["department"], []).append(r)
    picks = [p for p in (_pick_for_bucket(rs, period, allow_spread=False) for rs in by_department.values()) if p]
    if not picks:
        return None
    used = [r for p in picks for r in p.rows]
    months = min(len(p.months) for p in picks)
    return {"value": sum(_pick_total(p, period) for p in picks), "as_of": None,
            "complete": months >= period.n_months, "months_reported": months,
            "months_in_period": period.n_months, "approximate": any(r["approximate"] for r in used),
            "demo": any(r["demo"] for r in used), "sources": "; ".join(sorted({r["source"] for r in used}))}


def stock_level(records: list[dict], when: date) -> dict | None:
    """THE stock rule: the latest level standing on or before `when` (never a sum)."""
    standing = [r for r in records if r["_date"] <= when]
    return max(standing, key=lambda r: (r["_date"], r["period_end"])) if standing else None


def stock_series(obs: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """Levels at their as-of dates within [start, end + 1 day], one per city, metric and date."""
    stocks = obs[(obs["kind"] == "stock") & (obs["status"] == "reported")] if len(obs) else obs
    cols = ["city_code", "city_uk", "city", "metric", "as_of", "value", "approximate", "demo", "source", "locator"]
    if stocks.empty:
        return pd.DataFrame(columns=cols)
    records = [r for r in _records(stocks) if start <= r["_date"] <= standing_day(end)]
    frame = pd.DataFrame(records)
    if frame.empty:
        return pd.DataFrame(columns=cols)
    frame = frame.sort_values(["city_code", "metric", "_date", "department"])
    frame = frame.drop_duplicates(["city_code", "metric", "_date"], keep="first")
    return frame.assign(as_of=frame["_date"])[cols].reset_index(drop=True)


def _records(frame: pd.DataFrame) -> list[dict]:
    """Rows as dicts with plain dates and the stock's effective date `_date`."""
    out = []
    for r in frame.to_dict("records"):
        r["period_start"] = pd.Timestamp(r["period_start"]).date()
        r["period_end"] = pd.Timestamp(r["period_end"]).date()
        as_of = r.get("as_of")
        r["as_of"] = None if as_of is None or pd.isna(as_of) else pd.Timestamp(as_of).date()
        r["_date"] = stock_day(r["as_of"], r["period_end"])
        out.append(r)
    return out


def change(current: float | None, previous: float | None) -> tuple[float | None, float | None]:
    """Absolute and percent change; percent is None when the previous value is 0 or missing."""
    if current is None or previous is None:
        return None, None
    diff = current - previous
    return diff, (diff / previous * 100 if previous else None)


def level_on(obs: pd.DataFrame, city_code: str, metric: str, when: date) -> dict | None:
    """A stock's level standing on `when` (the latest on or before it, by `stock_level`), or None.

    Returns value, as_of (the level's date), approximate, demo, source and locator.
    """
    if obs.empty:
        return None
    rows = obs[(obs["city_code"] == city_code) & (obs["metric"] == metric) & (obs["status"] == "reported")]
    level = stock_level(_records(rows), when) if len(rows) else None
    if level is None:
        return None
    return {"value": level["value"], "as_of": level["_date"], "approximate": bool(level["approximate"]),
            "demo": bool(level["demo"]), "source": level["source"], "locator": level["locator"]}


def year_before(day: date) -> date:
    """The same date a year earlier; 29 February becomes 28 February."""
    return day.replace(year=day.year - 1, day=28 if (day.month, day.day) == (2, 29) else day.day)


def period_figures(obs: pd.DataFrame, city_code: str, metric: str, kind: str, period: Period) -> list[dict]:
    """The figures `period_value` uses for one city, metric and period (their granularities tell how
    it was reported: one exact figure, shorter ones added up, or the stock level standing)."""
    rows = obs[(obs["city_code"] == city_code) & (obs["metric"] == metric) & (obs["status"] == "reported")]
    if rows.empty:
        return []
    records = _records(rows)
    if kind == "stock":
        level = stock_level(records, standing_day(period.end))
        return [level] if level else []
    by_department: dict[str, list[dict]] = {}
    for r in records:
        by_department.setdefault(r["department"], []).append(r)
    picks = [_pick_for_bucket(rs, period, allow_spread=False) for rs in by_department.values()]
    return [r for p in picks if p for r in p.rows]


PERIOD_TABLE_COLUMNS = [
    "city_code", "metric", "kind", "period_key", "period_start", "reported", "total", "as_of",
    "months_reported", "months_in_period", "complete", "approximate", "demo", "sources", "granularities",
]


def period_table(obs: pd.DataFrame, city_codes: list[str], metric_codes: list[str], kinds: dict[str, str],
                 periods: list[Period]) -> pd.DataFrame:
    """One row per city, metric and period (`period_value` with the granularities of the figures
    used, e.g. "month" or "quarter"); a row with `reported` False when nothing applies (never 0)."""
    out = []
    for code in city_codes:
        for m in metric_codes:
            for p in periods:
                v = period_value(obs, code, m, kinds[m], p)
                used = period_figures(obs, code, m, kinds[m], p) if v else []
                out.append({
                    "city_code": code, "metric": m, "kind": kinds[m], "period_key": p.key,
                    "period_start": p.start, "reported": v is not None,
                    "total": float(v["value"]) if v else float("nan"), "as_of": v["as_of"] if v else None,
                    "months_reported": v["months_reported"] if v else 0, "months_in_period": p.n_months,
                    "complete": bool(v and v["complete"]), "approximate": bool(v and v["approximate"]),
                    "demo": bool(v and v["demo"]), "sources": v["sources"] if v else "",
                    "granularities": "+".join(sorted({r["granularity"] for r in used}, key=_FINENESS.get)),
                })
    return pd.DataFrame(out, columns=PERIOD_TABLE_COLUMNS)


def period_basis(values: pd.DataFrame, basis: str, population: pd.DataFrame | None) -> pd.Series:
    """Values of period figures (columns kind, total, months_reported, city_code, period_start) on a basis.

    Flows as `apply_basis`. A stock is a level: never averaged per month (`per_month` keeps the
    level); `per_10k` is the level per 10 000 residents of the city in the period's year.
    """
    if values.empty:
        return pd.Series([], dtype="float64")
    flows = apply_basis(values, basis, population)
    stocks = apply_basis(values, "total" if basis == "per_month" else basis, population)
    return flows.where(values["kind"] == "flow", stocks)


def _each_department(obs: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    if obs.empty or "department_code" not in obs.columns:
        return []
    return list(obs.groupby("department_code", sort=True))


def flow_series_by_department(obs: pd.DataFrame, granularity: str, start: date, end: date, basis: str = "total",
                              population: pd.DataFrame | None = None) -> pd.DataFrame:
    """`flow_series` of each department apart: its rows with `department_code` (one line per department)."""
    parts = [flow_series(g, granularity, start, end, basis, population).assign(department_code=code)
             for code, g in _each_department(obs)]
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame(columns=[*SERIES_COLUMNS, "department_code"])
    return pd.concat(parts, ignore_index=True)


def stock_series_by_department(obs: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """`stock_series` of each department apart: its levels with `department_code`."""
    parts = [stock_series(g, start, end).assign(department_code=code) for code, g in _each_department(obs)]
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame(columns=["city_code", "city_uk", "city", "metric", "as_of", "value", "approximate", "demo",
                                     "source", "locator", "department_code"])
    return pd.concat(parts, ignore_index=True)


def period_table_by_department(obs: pd.DataFrame, departments: list[tuple[str, str]], metric_codes: list[str],
                               kinds: dict[str, str], periods: list[Period]) -> pd.DataFrame:
    """`period_table` of each department apart, given as (city code, department code): one row per
    department, metric and period, with `department_code`; a department without figures has rows
    with `reported` False."""
    parts = []
    for city, code in departments:
        rows = obs if obs.empty else obs[obs["department_code"] == code]
        parts.append(period_table(rows, [city], metric_codes, kinds, periods).assign(department_code=code))
    if not parts:
        return pd.DataFrame(columns=[*PERIOD_TABLE_COLUMNS, "department_code"])
    return pd.concat(parts, ignore_index=True)
