"""Tables to export built from the series the app draws (activity.series): flows on a grid of
periods, stock levels on their dates. Used by the Trends and Civil society pages and by
`python -m etl export`.

* `flow_table`: one row per city, metric and period of the grid, as the chart shows it: an
  unreported period is a row with a blank value ("не подано"), never 0; a partial period says how
  many months it covers; a figure spread from a longer report says so. Each value's sources are
  the figures activity.series used for it (file and sheet!cell).
* `levels_table`: one row per city, metric and as-of date, with the level's source.
* `stack`: several tables as one (a CSV holds one table).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from activity.catalog import get_metric
from activity.export.table import ExportContext, ExportTable
from activity.formatting import period_label
from activity.i18n import span_label, tr, translator
from activity.periods import Period, period_from_range
from activity.series import period_figures

T = {
    "start": ("Початок", "Start"),
    "end": ("Кінець", "End"),
    "value": ("Значення ({basis})", "Value ({basis})"),
    "months_reported": ("Подано місяців", "Months reported"),
    "months_in_period": ("Місяців у періоді", "Months in period"),
    "note": ("Примітка", "Note"),
    "demo_data": ("Демо-дані", "Demo data"),
    "demo_in": ("включено", "included"),
    "demo_out": ("без демо-даних", "excluded"),
    "flows": ("Потоки: {basis}, {gran}, {span}", "Flows: {basis}, {gran}, {span}"),
    "sheet_flows": ("Потоки", "Flows"),
    "sheet_stocks": ("Залишки", "Stocks"),
    "stocks": ("Залишки: рівень на дату, {span}", "Stocks: level on a date, {span}"),
}


t = translator(T)


def _by_pair(obs: pd.DataFrame | None, by_department: bool = False) -> dict:
    if obs is None or obs.empty:
        return {}
    keys = ["city_code", "department_code", "metric"] if by_department else ["city_code", "metric"]
    return {key: g for key, g in obs.groupby(keys, sort=False)}


def _flow_sources(groups: dict, row: pd.Series, key: tuple, code: str, metric: str, p: Period) -> list[tuple[str, str]]:
    """The figures behind one value of a flow series: the ones activity.series added up, or the
    longer report's figure a spread value comes from; from the row's `locators` without `obs`."""
    if not groups:
        pairs = [item.split(": ", 1) for item in str(row["locators"] or "").split("; ") if item]
        return [(a[0], a[1] if len(a) > 1 else "") for a in pairs]
    rows = groups.get(key)
    if rows is None:
        return []
    if row["spread"]:
        start, end = pd.Timestamp(row["span_start"]), pd.Timestamp(row["span_end"])
        hit = rows[(pd.to_datetime(rows["period_start"]) == start) & (pd.to_datetime(rows["period_end"]) == end)
                   & (rows["status"] == "reported")]
        return list(zip(hit["source"], hit["locator"], strict=True))
    return [(r["source"], r["locator"]) for r in period_figures(rows, code, metric, "flow", p)]


def flow_table(series: pd.DataFrame, grid: Sequence[Period], *, lang: str, basis: str, names: dict[str, str],
               obs: pd.DataFrame | None = None, title: str = "", sheet: str = "",
               departments: dict[str, str] | None = None) -> ExportTable:
    """Flow values on the grid for every city and metric of `series` (see the module docstring);
    with `departments` ({code: name}), for every department of `series` (`department_code`) apart,
    named in a column of its own."""
    value = t("value", lang, basis=tr(f"basis_{basis}", lang).lower())
    labels = [tr("city", lang), *([tr("department", lang)] if departments is not None else []), tr("metric", lang),
              tr("period", lang), t("start", lang), t("end", lang)]
    counts = [t("months_reported", lang), t("months_in_period", lang), t("note", lang), tr("demo", lang)]
    rows, approx, sources, groups = [], [], [], _by_pair(obs, departments is not None)
    keys = ["city_code", "department_code", "metric"] if departments is not None else ["city_code", "metric"]
    lines = series[keys].drop_duplicates().itertuples(index=False) if len(series) else []
    for key in lines:
        key = tuple(key)
        code, metric = key[0], key[-1]
        part = series[(series[keys] == pd.Series(key, index=keys)).all(axis=1)]
        by_start = {pd.Timestamp(s).date(): r for s, (_, r) in zip(part["period_start"], part.iterrows(), strict=True)}
        dept = [departments.get(key[1], key[1])] if departments is not None else []
        for p in grid:
            r = by_start.get(p.start)
            head = [names.get(code, code), *dept, get_metric(metric).label(lang), period_label(p, lang), p.start, p.end]
            if r is None:
                rows.append([*head, float("nan"), 0, p.n_months, tr("not_reported", lang), None])
                approx.append(False)
                continue
            if r["spread"]:
                span = period_label(period_from_range(pd.Timestamp(r["span_start"]).date(),
                                                      pd.Timestamp(r["span_end"]).date()), lang)
                note = tr("spread", lang, span=span)
            else:
                note = "" if r["complete"] else tr("partial", lang, n=r["months_reported"], m=r["months_in_period"])
            sources += [(len(rows), value, s, loc) for s, loc in _flow_sources(groups, r, key, code, metric, p)]
            rows.append([*head, float(r["value"]), int(r["months_reported"]), p.n_months, note, bool(r["demo"])])
            approx.append(bool(r["approximate"]))
    frame = pd.DataFrame(rows, columns=[*labels, value, *counts])
    return ExportTable(sheet or title, title, frame, decimals={value: 0 if basis == "total" else 1},
                       approximate=pd.DataFrame({value: approx}), sources=_frame(sources),
                       metrics=list(dict.fromkeys(series["metric"])) if len(series) else [],
                       key_columns=labels[:len(labels) - 2])


def levels_table(levels: pd.DataFrame, *, lang: str, names: dict[str, str], title: str = "",
                 sheet: str = "", departments: dict[str, str] | None = None) -> ExportTable:
    """Stock levels at their as-of dates, one row each, with the level's file and cell; with
    `departments` ({code: name}), each level's department (`department_code`) in a column of its own."""
    keys = ["city", *(["department"] if departments is not None else []), "metric", "as_of", "value", "demo"]
    columns = [tr(k, lang) for k in keys]
    value = tr("value", lang)
    rows = [[names.get(r.city_code, r.city_code),
             *([departments.get(r.department_code, r.department_code)] if departments is not None else []),
             get_metric(r.metric).label(lang), pd.Timestamp(r.as_of).date(), float(r.value), bool(r.demo)]
            for r in levels.itertuples()]
    sources = [(i, value, r.source, r.locator) for i, r in enumerate(levels.itertuples())]
    return ExportTable(sheet or title, title, pd.DataFrame(rows, columns=columns),
                       approximate=pd.DataFrame({value: [bool(a) for a in levels["approximate"]]}),
                       sources=_frame(sources), metrics=list(dict.fromkeys(levels["metric"])),
                       key_columns=columns[:len(columns) - 2])


def stack(tables: Sequence[ExportTable], *, title: str, sheet: str) -> ExportTable:
    """Several tables as one: columns united in order, rows one after another (blank where a
    table has no such column), sources and approximate marks moved with their rows."""
    frames, masks, sources, offset = [], [], [], 0
    for tb in tables:
        frames.append(tb.frame)
        mask = tb.approximate if tb.approximate is not None else pd.DataFrame(index=tb.frame.index)
        masks.append(mask.reindex(tb.frame.index).reset_index(drop=True))
        sources.append(tb.sources.assign(row=tb.sources["row"].astype(int) + offset))
        offset += len(tb.frame)
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    mask = pd.concat(masks, ignore_index=True).astype("boolean").fillna(False).astype(bool) if masks else None
    decimals = {k: v for tb in tables for k, v in tb.decimals.items()}
    metrics = list(dict.fromkeys(m for tb in tables for m in tb.metrics))
    keys = list(dict.fromkeys(k for tb in tables for k in tb.key_columns))
    return ExportTable(sheet, title, frame, decimals=decimals, approximate=mask,
                       sources=pd.concat(sources, ignore_index=True) if sources else None,
                       metrics=metrics, key_columns=keys)


def _frame(records: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(records, columns=["row", "column", "source", "locator"])


def demo_filter(lang: str, include_demo: bool) -> tuple[str, str]:
    """The filter line of an export that says whether demo data is in it."""
    return t("demo_data", lang), t("demo_in" if include_demo else "demo_out", lang)


def series_filters(lang: str, names: dict[str, str], cities: Sequence[str], metrics: Sequence[str], start: date,
                   end: date, *, granularity: str | None = None, include_demo: bool = True,
                   departments: Sequence[str] | None = None) -> list[tuple[str, str]]:
    """The filters of a series view as (label, value) pairs for an export's title block."""
    out = [(tr("cities", lang), ", ".join(names.get(c, c) for c in cities)),
           (tr("metrics", lang), "; ".join(get_metric(m).label(lang) for m in metrics))]
    if departments:
        out.append((tr("departments", lang), "; ".join(departments)))
    out.append((tr("period", lang), span_label(start, end, lang)))
    if granularity:
        out.append((tr("granularity", lang), tr(f"gran_{granularity}", lang)))
    out.append(demo_filter(lang, include_demo))
    return out


def series_export(cities: Sequence[str], metrics: Sequence[str], start: date, end: date, *, granularity: str = "month",
                  basis: str = "total", lang: str = "uk", include_demo: bool = True,
                  departments: Sequence[str] | None = None, title: str | None = None
                  ) -> tuple[list[ExportTable], ExportContext]:
    """What the Trends page draws for these filters, read from the warehouse (`python -m etl export`):
    `series_tables` over the figures of these cities, metrics and span."""
    from activity.warehouse import queries

    places = queries.places_present(True)
    names = dict(zip(places["city_code"], places["city_uk" if lang == "uk" else "city"], strict=True))
    obs = queries.observations_for(list(cities), list(metrics), start, end, include_demo=include_demo,
                                   departments=list(departments) if departments else None)
    pop = queries.population(list(cities)) if basis == "per_10k" else None
    return series_tables(obs, cities, metrics, start, end, granularity=granularity, basis=basis, lang=lang,
                         include_demo=include_demo, departments=departments, title=title, names=names, population=pop)


def series_tables(obs: pd.DataFrame, cities: Sequence[str], metrics: Sequence[str], start: date, end: date, *,
                  granularity: str = "month", basis: str = "total", lang: str = "uk", include_demo: bool = True,
                  departments: Sequence[str] | None = None, title: str | None = None,
                  names: dict[str, str], population: pd.DataFrame | None = None,
                  department_lines: dict[str, str] | None = None) -> tuple[list[ExportTable], ExportContext]:
    """A series view as tables to export, from the figures it was drawn from (`obs`, the rows
    activity.warehouse.queries.observations_for gives): the flows on the grid (on the basis) and the
    stock levels on their dates; each present only when it has rows. With `department_lines`
    ({code: name}), each department of `obs` apart (a line each on the chart), named in a column."""
    from activity.series import (
        buckets,
        flow_series,
        flow_series_by_department,
        stock_series,
        stock_series_by_department,
    )

    apart = department_lines is not None
    flow_of = flow_series_by_department if apart else flow_series
    stock_of = stock_series_by_department if apart else stock_series
    if apart and not departments:
        departments = list(department_lines.values())

    flows = [m for m in metrics if get_metric(m).kind == "flow"]
    stocks = [m for m in metrics if m not in flows]
    span = span_label(start, end, lang)
    tables = []
    if flows:
        series = flow_of(obs[obs["metric"].isin(flows)], granularity, start, end, basis, population)
        name = title or t("flows", lang, basis=tr(f"basis_{basis}", lang).lower(),
                          gran=tr(f"gran_by_{granularity}", lang), span=span)
        if len(series):
            tables.append(flow_table(series, buckets(granularity, start, end), lang=lang, basis=basis, names=names,
                                     obs=obs, title=name, sheet=t("sheet_flows", lang), departments=department_lines))
    if stocks:
        levels = stock_of(obs[obs["metric"].isin(stocks)], start, end)
        if len(levels):
            tables.append(levels_table(levels, lang=lang, names=names, sheet=t("sheet_stocks", lang),
                                       title=title if title and not flows else t("stocks", lang, span=span),
                                       departments=department_lines))
    filters = series_filters(lang, names, cities, metrics, start, end, granularity=granularity if flows else None,
                             include_demo=include_demo, departments=departments)
    return tables, ExportContext(lang, filters, basis if flows else None)
