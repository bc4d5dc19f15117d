"""Every query the pages run, on a national warehouse: ours against pandas over the whole table.

    .venv/bin/python bench/queries.py                          # /tmp/national.duckdb, 30 repetitions
    .venv/bin/python bench/queries.py --db data/warehouse.duckdb -n 50 --seed 3

* **ours**: the function of activity.warehouse.queries the page calls, as the app runs it (uncached: the
  warehouse kept open between queries, the answer as a DataFrame; see activity/warehouse/queries.py), with
  realistic filters: two cities drawn from the warehouse (seeded), three of their metrics (two
  flows and a stock), ten years, one city and one department on the Overview. Two floors: a
  fresh read-only connection per query (activity.warehouse.store.query) and the kept one.
* **pandas**: the naive way: `SELECT * FROM observations` (and the small tables) loaded into
  pandas once, that load timed on its own, then each answer filtered and grouped with pandas.
* Both sides give each answer once before the clock starts and their row counts must agree (the
  run exits 1 otherwise). Then `-n` rounds, ours and pandas alternating, first one then the other:
  each of our queries runs right after pandas has scanned gigabytes, with the CPU caches cold.
  With `--apart`, each query runs `-n` times in a row on one side, then on the other, as each
  would run in its own app (pandas still holds its table in memory).
  Median and p95 per query; ratio = pandas median / ours median. Flags: ours p95 above 50 ms, or
  less than 30× faster than pandas (queries of the small tables `sources`, `load_log` and
  `population` are not held to the ratio: pandas filters a few thousand rows already in memory).
* The Quality page's checks, ours only (no pandas twin): for the two cities (what the page runs
  beyond 30 places) every round, and over every place (what it runs for smaller warehouses)
  `--slow-repeat` times.

Nothing asserts a time: the machine is shared and noisy, read the ratios.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_MS = 50.0
TARGET_RATIO = 30.0
DAY = pd.Timedelta(days=1)


@dataclass
class Case:
    name: str
    page: str
    ours: Callable[[], object]
    naive: Callable[[], object] | None
    small_table: bool = False  # pandas holds the whole small table in memory: no ratio target
    slow: bool = False
    ours_ms: list[float] = field(default_factory=list)
    naive_ms: list[float] = field(default_factory=list)
    rows: int = 0
    rows_text: str = ""


def size(answer: object) -> int:
    if isinstance(answer, tuple):  # data_rows: (page of rows, total count)
        return len(answer[0]) * 1_000_000_000 + int(answer[1])
    if isinstance(answer, pd.DataFrame):
        return len(answer)
    if isinstance(answer, dict):
        return sum(int(v) for v in answer.values())
    return 0 if answer is None or pd.isna(answer) else 1


def shown(answer: object) -> str:
    n = size(answer)
    if isinstance(answer, tuple):
        return f"{n // 1_000_000_000} of {n % 1_000_000_000}"
    return str(n) if not isinstance(answer, dict) else "1"


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def spaced(n: float) -> str:
    return f"{n:,.0f}".replace(",", " ")


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


# ---- the naive side: the whole table in pandas, filtered -------------------------------------

def naive_places(o: pd.DataFrame, include_demo: bool = True) -> pd.DataFrame:
    d = o if include_demo else o[~o["demo"]]
    g = d.groupby(["city_code", "city_uk", "city"], sort=False).agg(
        figures=("metric", "size"), first_start=("period_start", "min"), last_end=("period_end", "max"))
    return g.reset_index().sort_values(["figures", "city_uk"], ascending=[False, True])


def naive_departments(o: pd.DataFrame, cities: list[str]) -> pd.DataFrame:
    d = o[o["city_code"].isin(cities)]
    g = d.groupby(["city_code", "department"]).size().rename("figures").reset_index()
    return g.sort_values(["city_code", "figures", "department"], ascending=[True, False, True])


def naive_department_list(o: pd.DataFrame, cities: list[str]) -> pd.DataFrame:
    d = o[o["city_code"].isin(cities)]
    g = d.groupby(["city_code", "department_code"]).agg(
        city_uk=("city_uk", "first"), department=("department", "first"), department_kind=("department_kind", "first"),
        figures=("value", "size"), first_start=("period_start", "min"), last_end=("period_end", "max")).reset_index()
    return g.sort_values(["city_uk", "city_code", "figures", "department"], ascending=[True, True, False, True])


def naive_metrics(o: pd.DataFrame, cities: list[str]) -> pd.DataFrame:
    d = o[o["city_code"].isin(cities) & o["breakdown"].isna()]
    d = d.assign(last_date=d["as_of"].fillna(d["period_end"]))
    g = d.groupby(["metric", "kind"]).agg(figures=("city_code", "size"), last_date=("last_date", "max"))
    return g.reset_index().sort_values(["figures", "metric"], ascending=[False, True])


def naive_observations(o: pd.DataFrame, cities: list[str], metrics: list[str], start: date, end: date,
                       departments: list[str] | None = None, department_codes: list[str] | None = None) -> pd.DataFrame:
    keep = o["city_code"].isin(cities) & o["metric"].isin(metrics) & o["breakdown"].isna()
    if departments:
        keep &= o["department"].isin(departments)
    if department_codes:
        keep &= o["department_code"].isin(department_codes)
    d = o[keep]
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    stock = d["kind"] == "stock"
    standing = d["as_of"].fillna(d["period_end"] + DAY) <= e + DAY
    overlaps = (d["period_start"] <= e) & (d["period_end"] >= s)
    d = d[(stock & standing) | (~stock & overlaps)]
    return d.sort_values(["city_code", "metric", "period_start", "period_end"])


def naive_latest(o: pd.DataFrame, cities: list[str]) -> object:
    return o.loc[o["city_code"].isin(cities) & (o["kind"] == "flow"), "period_end"].max()


def naive_data_rows(o: pd.DataFrame, cities: list[str], metrics: list[str] | None, start: date, end: date,
                    limit: int, offset: int) -> tuple[pd.DataFrame, int]:
    keep = o["city_code"].isin(cities)
    if metrics:
        keep &= o["metric"].isin(metrics)
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    keep &= (o["as_of"].fillna(o["period_end"]) >= s) & (o["period_start"] <= e)
    d = o[keep]
    ordered = d.sort_values(["city_uk", "city_code", "metric", "period_start", "period_end", "breakdown", "department",
                             "as_of"], na_position="first")
    return ordered.iloc[offset:offset + limit], len(d)


def naive_holdings(o: pd.DataFrame) -> pd.DataFrame:
    g = o.groupby(["city_uk", "city", "department", "metric", "granularity", "demo"]).agg(
        figures=("value", "size"), first_start=("period_start", "min"), last_end=("period_end", "max"))
    return g.reset_index()


def naive_totals(o: pd.DataFrame, src: pd.DataFrame) -> dict:
    return {"figures": len(o), "cities": o["city_code"].nunique(), "metrics": o["metric"].nunique(),
            "sources": int(src["active"].sum()), "demo_figures": int(o["demo"].sum())}


def naive_sources(src: pd.DataFrame) -> pd.DataFrame:
    return src[src["active"]].sort_values(["loaded_at", "name"], ascending=[False, True])


def naive_source_list(src: pd.DataFrame) -> pd.DataFrame:
    names = src.set_index("source_id")["name"]
    d = src[src["active"]].assign(superseded=lambda x: x["superseded_by"].map(names))
    return d.sort_values(["active", "loaded_at", "name"], ascending=[False, False, True])


def naive_load_history(log: pd.DataFrame, limit: int = 500) -> pd.DataFrame:
    return log.sort_values(["logged_at", "load_id", "source_name"], ascending=[False, False, True]).head(limit)


def naive_sources_matching(src: pd.DataFrame, names: list[str], hashes: list[str]) -> pd.DataFrame:
    d = src[src["active"] & (src["name"].isin(names) | src["content_hash"].isin(hashes))]
    return d.sort_values("loaded_at", ascending=False)


# ---- the cases --------------------------------------------------------------------------------

def build_cases(tables: dict[str, pd.DataFrame], seed: int, slow_checks: bool) -> tuple[list[Case], str]:
    from activity.catalog import get_metric
    from activity.warehouse import queries as q
    from activity.warehouse.store import query

    rnd = random.Random(seed)
    places = q.places_present(True)
    cities = sorted(rnd.sample(list(places["city_code"]), 2))
    present = q.metrics_present(cities)
    codes = [m for m in present["metric"] if _known(get_metric, m)]
    flows = [m for m in codes if get_metric(m).kind == "flow"]
    stocks = [m for m in codes if get_metric(m).kind == "stock"]
    metrics = rnd.sample(flows, min(2, len(flows))) + rnd.sample(stocks, min(1, len(stocks)))
    last = q.latest_period_end(cities) or date.today()
    start, end = date(last.year - 9, 1, 1), date(last.year, 12, 31)
    city = cities[0]
    dept = q.departments_present([city])["department"].iloc[0]
    ov_start = date(last.year - 1, 1, 1)  # Overview: the latest period, the one before, a year before
    # Compare, departments side by side: the two cities' departments of one kind (the first city's busiest)
    held = q.department_list(cities)
    kind = held["department_kind"].iloc[0]
    of_kind = list(held[held["department_kind"] == kind]["department_code"])
    own = list(held[held["city_code"] == city]["department_code"])
    civil = [m for m in codes if get_metric(m).category == "civil_society"] or stocks
    all_codes = list(places["city_code"])
    o, src, log, pop = tables["obs"], tables["sources"], tables["load_log"], tables["population"]
    rows_all = int(q.data_rows(cities, None, start, end, limit=0)[1])
    last_page = max(0, (rows_all - 1) // 200) * 200
    some = src[src["active"]].head(3)
    names, hashes = list(some["name"]) + ["нове.xlsx"], list(some["content_hash"])

    cases = [
        Case("store.query SELECT 1 (floor)", "every", lambda: query("SELECT 1 AS one"), None,
             small_table=True),
        Case("kept connection SELECT 1 (floor)", "every", lambda: q._query("SELECT 1 AS one"), None,
             small_table=True),
        Case("places_present", "sidebar, Overview, Compare", lambda: q.places_present(True), lambda: naive_places(o)),
        Case("places_present, demo hidden", "sidebar", lambda: q.places_present(False),
             lambda: naive_places(o, False)),
        Case("metrics_present, 2 cities", "sidebar", lambda: q.metrics_present(cities),
             lambda: naive_metrics(o, cities)),
        Case("metrics_present, 1 city", "Overview, Compare periods", lambda: q.metrics_present([city]),
             lambda: naive_metrics(o, [city])),
        Case("metrics_present, no city chosen", "sidebar", lambda: q.metrics_present(all_codes),
             lambda: naive_metrics(o, all_codes)),
        Case("departments_present, 1 city", "Overview", lambda: q.departments_present([city]),
             lambda: naive_departments(o, [city])),
        Case("department_list, 2 cities", "Compare (departments), Trends, Data", lambda: q.department_list(cities),
             lambda: naive_department_list(o, cities)),
        Case(f"observations_for, {len(of_kind)} depts of one kind × 3 metrics × 10 y", "Compare (departments)",
             lambda: q.observations_for(cities, metrics, start, end, department_codes=of_kind),
             lambda: naive_observations(o, cities, metrics, start, end, department_codes=of_kind)),
        Case(f"observations_for, 1 city's {len(own)} depts × 3 metrics × 10 y", "Compare (departments)",
             lambda: q.observations_for([city], metrics, start, end, department_codes=own),
             lambda: naive_observations(o, [city], metrics, start, end, department_codes=own)),
        Case("latest_period_end, 1 city", "Overview, Compare", lambda: q.latest_period_end([city]),
             lambda: naive_latest(o, [city])),
        Case("observations_for, 2 cities × 3 metrics × 10 y", "Trends, Compare",
             lambda: q.observations_for(cities, metrics, start, end),
             lambda: naive_observations(o, cities, metrics, start, end)),
        Case("observations_for, 1 city × all metrics × 2 y, 1 dept", "Overview",
             lambda: q.observations_for([city], codes, ov_start, end, departments=[dept]),
             lambda: naive_observations(o, [city], codes, ov_start, end, [dept])),
        Case("observations_for, 2 cities × civil society × 10 y", "Civil society",
             lambda: q.observations_for(cities, civil, start, end),
             lambda: naive_observations(o, cities, civil, start, end)),
        Case("population, 2 cities", "Trends, Compare (per 10 000)", lambda: q.population(cities),
             lambda: pop[pop["place_code"].isin(cities)].sort_values(["place_code", "year"]), small_table=True),
        Case("data_rows, count only", "Data", lambda: q.data_rows(cities, metrics, start, end, limit=0),
             lambda: naive_data_rows(o, cities, metrics, start, end, 0, 0)),
        Case("data_rows, first page (200)", "Data", lambda: q.data_rows(cities, metrics, start, end, limit=200),
             lambda: naive_data_rows(o, cities, metrics, start, end, 200, 0)),
        Case("data_rows, last page, all metrics", "Data",
             lambda: q.data_rows(cities, None, start, end, limit=200, offset=last_page),
             lambda: naive_data_rows(o, cities, None, start, end, 200, last_page)),
        Case("data_rows, every row (download)", "Data", lambda: q.data_rows(cities, None, start, end, limit=rows_all),
             lambda: naive_data_rows(o, cities, None, start, end, rows_all, 0)),
        Case("holdings, 2 cities", "Holdings", lambda: q.holdings(cities),
             lambda: naive_holdings(o[o["city_code"].isin(cities)])),
        Case("holdings, every place", "Holdings (≤ 30 places)", q.holdings, lambda: naive_holdings(o)),
        Case("totals", "Holdings", q.totals, lambda: naive_totals(o, src)),
        Case("sources", "Holdings", q.sources, lambda: naive_sources(src), small_table=True),
    ]
    optional = [  # queries added by the upload and sources pages (present in newer trees)
        ("source_list", "Sources", lambda: q.source_list(False), lambda: naive_source_list(src)),
        ("load_history (500)", "Sources", lambda: q.load_history(500), lambda: naive_load_history(log)),
        ("sources_matching", "Upload", lambda: q.sources_matching(names, hashes),
         lambda: naive_sources_matching(src, names, hashes)),
    ]
    for name, page, ours, naive in optional:
        if hasattr(q, name.split(" ")[0]):
            cases.append(Case(name, page, ours, naive, small_table=True))
    # The Quality page's checks: beyond 30 places (ui.filters.MANY_PLACES) for the places chosen,
    # and the wordings seen in uploads (not per place); every place at once only for smaller warehouses.
    for name in ("totals_against_months", "duplicate_figures", "months_not_reported"):
        cases.append(Case(f"{name}, 2 cities", "Quality", lambda name=name: getattr(q, name)(city_codes=cities), None))
    cases.append(Case("unknown_wordings", "Quality", q.unknown_wordings, None, small_table=True))
    if slow_checks:
        for name in ("totals_against_months", "duplicate_figures", "months_not_reported"):
            cases.append(Case(f"{name}, every place", "Quality (≤ 30 places)", getattr(q, name), None, slow=True))
    setting = (f"cities {', '.join(cities)} · metrics {', '.join(metrics)} · {start}–{end} · "
               f"Overview department «{dept[:40]}» · {rows_all} Data rows")
    return cases, setting


def _known(get_metric, code: str) -> bool:
    try:
        get_metric(code)
    except KeyError:
        return False
    return True


def load_naive() -> tuple[dict[str, pd.DataFrame], float, float]:
    from activity.warehouse.store import query

    before = rss_mb()
    started = time.perf_counter()
    tables = {"obs": query("SELECT * FROM observations"), "sources": query("SELECT * FROM sources"),
              "load_log": query("SELECT * FROM load_log"), "population": query("SELECT * FROM population")}
    return tables, time.perf_counter() - started, rss_mb() - before


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=Path("/tmp/national.duckdb"), help="warehouse to query")
    ap.add_argument("-n", "--repeat", type=int, default=30, help="timed rounds per query (default 30)")
    ap.add_argument("--slow-repeat", type=int, default=3, help="rounds of the Quality page's checks (0: skip)")
    ap.add_argument("--seed", type=int, default=1, help="seed for the cities and metrics drawn")
    ap.add_argument("--apart", action="store_true",
                    help="time each query n times in a row on one side, then on the other (not alternating)")
    args = ap.parse_args()
    if not args.db.exists():
        print(f"no warehouse at {args.db}: build one (docs/performance.md, 'National scale')", file=sys.stderr)
        return 2
    os.environ["DASHBOARD_DB"] = str(args.db.resolve())

    from activity.warehouse.store import query

    figures = int(query("SELECT count(*) AS n FROM observations")["n"].iloc[0])
    summary = bool(query("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'obs_summary'")["n"].iloc[0])
    print(f"warehouse {args.db}: {spaced(figures)} figures, obs_summary {'present' if summary else 'absent'}")
    tables, load_s, load_mb = load_naive()
    print(f"pandas baseline: whole observations loaded once in {load_s:.1f} s, +{spaced(load_mb)} MB")
    cases, setting = build_cases(tables, args.seed, args.slow_repeat > 0)
    print(setting)

    mismatched = []
    for case in cases:  # one answer each, before the clock: the two sides must agree
        ours = case.ours()
        case.rows = size(ours)
        if case.naive is not None and size(case.naive()) != case.rows:
            mismatched.append(case.name)
        case.rows_text = shown(ours)
    for i in range(1 if args.apart else args.repeat):
        for case in cases:
            if case.slow:
                continue
            sides = [(case.ours, case.ours_ms)] + ([(case.naive, case.naive_ms)] if case.naive else [])
            for fn, out in sides if i % 2 == 0 else sides[::-1]:
                out.extend(timed(fn) for _ in range(args.repeat if args.apart else 1))
    for case in cases:
        if case.slow:
            case.ours_ms = [timed(case.ours) for _ in range(args.slow_repeat)]

    report(cases, args.repeat, args.slow_repeat, args.apart)
    if mismatched:
        print("ANSWERS DIFFER (row counts): " + ", ".join(mismatched), file=sys.stderr)
        return 1
    return 0


def report(cases: list[Case], repeat: int, slow_repeat: int, apart: bool = False) -> None:
    head = f"{'query':52} {'page':28} {'rows':>11} {'ours med':>9} {'p95':>7} {'pandas med':>10} {'p95':>7} {'ratio':>7}  flags"
    how = "each side's rounds in a row" if apart else "ours and pandas alternating"
    print(f"\n{repeat} rounds, {how} (Quality checks: {slow_repeat}), milliseconds")
    print(head)
    print("-" * len(head))
    missed = 0
    for c in cases:
        om, op = statistics.median(c.ours_ms), p95(c.ours_ms)
        flags = []
        if op > TARGET_MS and "(floor)" not in c.name:
            flags.append("p95 > 50 ms")
        if c.naive_ms:
            nm, np_ = statistics.median(c.naive_ms), p95(c.naive_ms)
            ratio = nm / om
            if ratio < TARGET_RATIO and not c.small_table:
                flags.append("< 30×")
            naive = f"{nm:10.1f} {np_:7.1f} {ratio:6.1f}×"
        else:
            naive = f"{'—':>10} {'—':>7} {'—':>7}"
        missed += bool(flags)
        print(f"{c.name:52} {c.page[:28]:28} {c.rows_text:>11} {om:9.1f} {op:7.1f} {naive}  {' · '.join(flags)}")
    page = [c for c in cases if c.naive_ms and not c.small_table]
    if page:
        ratios = [statistics.median(c.naive_ms) / statistics.median(c.ours_ms) for c in page]
        print(f"\nobservations queries: ratio min {min(ratios):.1f}×, median {statistics.median(ratios):.1f}×; "
              f"{missed} of {sum('(floor)' not in c.name for c in cases)} queries flagged; peak RSS {spaced(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)} MB")


if __name__ == "__main__":
    sys.exit(main())
