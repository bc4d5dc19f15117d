"""The app's data module: cached calls to activity.warehouse.queries and activity.series.

Every cache entry is keyed by the warehouse version (the file's identity and time), so a load that
swaps in a new warehouse is seen on the next rerun. Arguments are tuples so they hash.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date

import pandas as pd
import streamlit as st

from activity import series
from activity.periods import Period
from activity.warehouse import queries, store


def warehouse_exists() -> bool:
    return store.db_path().exists()


def warehouse_problem() -> store.WarehouseDamaged | None:
    """None when the warehouse reads back whole and is of this schema (or does not exist yet), else
    why not: WarehouseDamaged with DuckDB's reason, or WarehouseOutdated.

    The check reads every row of the file (store.verify: about a second for a national warehouse)
    once per warehouse version and process, on a thread of its own (store.check), which the app
    starts before its imports; this waits for it.
    """
    future = store.check()
    return future.result() if future is not None else None


def warehouse_check_pending() -> bool:
    """True while the check of the current warehouse version is still reading the file (starts it)."""
    future = store.check()
    return future is not None and not future.done()


@st.cache_data(show_spinner=False, max_entries=256)
def _cached(name: str, version: str, args: tuple, kwargs: tuple) -> object:
    return getattr(queries, name)(*map(_thaw, args), **{k: _thaw(v) for k, v in kwargs})


def _call(name: str, *args: object, **kwargs: object):
    """queries.<name>(...) cached by the warehouse version; lists travel as tuples in the key."""
    frozen_kwargs = tuple(sorted((k, _freeze(v)) for k, v in kwargs.items()))
    return _cached(name, store.version(), tuple(map(_freeze, args)), frozen_kwargs)


def _freeze(a: object) -> object:
    return tuple(a) if isinstance(a, list) else a


def _thaw(a: object) -> object:
    return list(a) if isinstance(a, tuple) else a


def _codes(city_codes: Sequence[str] | None) -> list[str] | None:
    """Codes as a list (the cache keys them), None for every place."""
    return list(city_codes) if city_codes is not None else None


def holdings(city_codes: Sequence[str] | None = None) -> pd.DataFrame:
    return _call("holdings", _codes(city_codes))


def sources() -> pd.DataFrame:
    return _call("sources")


def totals() -> dict:
    return _call("totals")


def places(include_demo: bool = True) -> pd.DataFrame:
    return _call("places_present", include_demo)


def departments(city_codes: Sequence[str], include_demo: bool = True) -> pd.DataFrame:
    return _call("departments_present", list(city_codes), include_demo)


def department_list(city_codes: Sequence[str], include_demo: bool = True) -> pd.DataFrame:
    """The departments with figures in these cities: code, names (uk, en), kind, figures, span."""
    return _call("department_list", list(city_codes), include_demo)


@functools.lru_cache(maxsize=1)
def department_kinds() -> dict:
    """{kind code: activity.departments.Kind} of the registry (data/departments.toml `[kinds]`)."""
    from activity.departments import kinds

    return kinds()


def metrics(city_codes: Sequence[str], include_demo: bool = True) -> pd.DataFrame:
    return _call("metrics_present", list(city_codes), include_demo)


def latest_period_end(city_codes: Sequence[str], include_demo: bool = True) -> date | None:
    return _call("latest_period_end", list(city_codes), include_demo)


def population(city_codes: Sequence[str]) -> pd.DataFrame:
    return _call("population", list(city_codes))


def observations(city_codes: Sequence[str], metric_codes: Sequence[str], start: date, end: date,
                 include_demo: bool = True, departments: Sequence[str] | None = None,
                 department_codes: Sequence[str] | None = None) -> pd.DataFrame:
    """`departments`: canonical names (the Overview's filter); `department_codes`: codes; None: all."""
    return _call("observations_for", list(city_codes), list(metric_codes), start, end,
                 include_demo=include_demo, departments=list(departments) if departments else None,
                 department_codes=list(department_codes) if department_codes else None)


def data_rows(city_codes: Sequence[str], metric_codes: Sequence[str] | None, start: date, end: date,
              include_demo: bool = True, limit: int = 1000, offset: int = 0,
              department_codes: Sequence[str] | None = None) -> tuple[pd.DataFrame, int]:
    return _call("data_rows", list(city_codes), list(metric_codes) if metric_codes else None, start, end,
                 include_demo=include_demo, limit=limit, offset=offset,
                 department_codes=list(department_codes) if department_codes else None)


@st.cache_data(show_spinner=False, max_entries=256)
def _flow_series(version: str, cities: tuple, metric_codes: tuple, granularity: str, start: date, end: date,
                 basis: str, include_demo: bool, departments: tuple | None) -> pd.DataFrame:
    obs = observations(cities, metric_codes, start, end, include_demo, departments)
    pop = population(cities) if basis == "per_10k" else None
    return series.flow_series(obs, granularity, start, end, basis, pop)


def flow_series(city_codes: Sequence[str], metric_codes: Sequence[str], granularity: str, start: date,
                end: date, basis: str = "total", include_demo: bool = True,
                departments: Sequence[str] | None = None) -> pd.DataFrame:
    """A flow series per city and metric on a common grid (see activity.series)."""
    return _flow_series(store.version(), tuple(city_codes), tuple(metric_codes), granularity, start, end,
                        basis, include_demo, tuple(departments) if departments else None)


def stock_series(city_codes: Sequence[str], metric_codes: Sequence[str], start: date, end: date,
                 include_demo: bool = True) -> pd.DataFrame:
    """Stock levels at their as-of dates."""
    obs = observations(city_codes, metric_codes, start, end, include_demo)
    return series.stock_series(obs, start, end)


def period_values(city_code: str, metric_codes: Sequence[str], periods: Sequence[Period],
                  include_demo: bool = True, departments: Sequence[str] | None = None) -> dict:
    """{(metric, period.key): value dict or None} for one city (KPI cards, period comparison)."""
    from activity.catalog import get_metric

    start = min(p.start for p in periods)
    end = max(p.end for p in periods)
    obs = observations([city_code], metric_codes, start, end, include_demo, departments)
    return {
        (m, p.key): series.period_value(obs, city_code, m, get_metric(m).kind, p)
        for m in metric_codes for p in periods
    }


def period_table(city_codes: Sequence[str], metric_codes: Sequence[str], periods: Sequence[Period],
                 include_demo: bool = True) -> pd.DataFrame:
    """One row per city, metric and period with how it was reported (see activity.series.period_table)."""
    from activity.catalog import get_metric

    start = min(p.start for p in periods)
    end = max(p.end for p in periods)
    obs = observations(city_codes, metric_codes, start, end, include_demo)
    kinds = {m: get_metric(m).kind for m in metric_codes}
    return series.period_table(obs, list(city_codes), list(metric_codes), kinds, list(periods))


@st.cache_data(show_spinner=False, max_entries=256)
def _flow_series_by_department(version: str, cities: tuple, department_codes: tuple, metric_codes: tuple,
                               granularity: str, start: date, end: date, basis: str,
                               include_demo: bool) -> pd.DataFrame:
    obs = observations(cities, metric_codes, start, end, include_demo, department_codes=department_codes)
    pop = population(cities) if basis == "per_10k" else None
    return series.flow_series_by_department(obs, granularity, start, end, basis, pop)


def flow_series_by_department(city_codes: Sequence[str], department_codes: Sequence[str],
                              metric_codes: Sequence[str], granularity: str, start: date, end: date,
                              basis: str = "total", include_demo: bool = True) -> pd.DataFrame:
    """A flow series per department (by code, column `department_code`), city and metric."""
    return _flow_series_by_department(store.version(), tuple(city_codes), tuple(department_codes),
                                      tuple(metric_codes), granularity, start, end, basis, include_demo)


def stock_series_by_department(city_codes: Sequence[str], department_codes: Sequence[str],
                               metric_codes: Sequence[str], start: date, end: date,
                               include_demo: bool = True) -> pd.DataFrame:
    """Stock levels at their as-of dates per department (by code, column `department_code`)."""
    obs = observations(city_codes, metric_codes, start, end, include_demo, department_codes=department_codes)
    return series.stock_series_by_department(obs, start, end)


def period_table_by_department(departments: Sequence[tuple[str, str]], metric_codes: Sequence[str],
                               periods: Sequence[Period], include_demo: bool = True) -> pd.DataFrame:
    """One row per department ((city code, department code) pairs), metric and period, with how it
    was reported (activity.series.period_table_by_department)."""
    from activity.catalog import get_metric

    start = min(p.start for p in periods)
    end = max(p.end for p in periods)
    cities = list(dict.fromkeys(c for c, _ in departments))
    obs = observations(cities, metric_codes, start, end, include_demo,
                       department_codes=[d for _, d in departments])
    kinds = {m: get_metric(m).kind for m in metric_codes}
    return series.period_table_by_department(obs, list(departments), list(metric_codes), kinds, list(periods))


def department_stock_series(city_codes: Sequence[str], metric_codes: Sequence[str], start: date, end: date,
                            include_demo: bool = True, departments: Sequence[str] | None = None) -> pd.DataFrame:
    """Stock levels at their as-of dates, for the given departments only when named (Overview cards)."""
    obs = observations(city_codes, metric_codes, start, end, include_demo, departments)
    return series.stock_series(obs, start, end)


def sources_matching(names: Sequence[str], hashes: Sequence[str]) -> pd.DataFrame:
    return _call("sources_matching", list(names), list(hashes))


def source_list(include_inactive: bool = False) -> pd.DataFrame:
    return _call("source_list", include_inactive)


def load_history(limit: int = 500) -> pd.DataFrame:
    return _call("load_history", limit)


def totals_against_months(include_demo: bool = True, city_codes: Sequence[str] | None = None) -> pd.DataFrame:
    return _call("totals_against_months", include_demo, city_codes=_codes(city_codes))


def duplicate_figures(include_demo: bool = True, city_codes: Sequence[str] | None = None) -> pd.DataFrame:
    return _call("duplicate_figures", include_demo, city_codes=_codes(city_codes))


def unknown_wordings() -> pd.DataFrame:
    return _call("unknown_wordings")


def remembered_wordings() -> pd.DataFrame:
    """Metric wordings people mapped (activity.wordings: a file beside the warehouse, read again when
    it changes): wording, code, added_by, added_at, in the order they were added."""
    from activity.wordings import remembered

    return pd.DataFrame([(r.text, r.code, r.added_by, r.added_at) for r in remembered().values()],
                        columns=["wording", "code", "added_by", "added_at"])


def months_not_reported(include_demo: bool = True, city_codes: Sequence[str] | None = None) -> pd.DataFrame:
    return _call("months_not_reported", include_demo, city_codes=_codes(city_codes))
