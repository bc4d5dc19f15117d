"""Compare page, shared by every mode: why figures may not compare like for like, and the chart, notes and table."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from activity.catalog import get_metric
from activity.formatting import format_number
from activity.i18n import tr, translator
from activity.periods import Period
from ui import data
from ui.charts import bar_chart
from ui.compare_common import Compare
from ui.downloads import download_buttons
from ui.export_views import compare_view

T = {
    "note_head": ("Порівнюйте обережно:", "Compare with care:"),
    "n_missing": ("не подано: {who}", "not reported: {who}"),
    "n_partial": ("неповні дані: {who}", "partial data: {who}"),
    "n_gran": ("різна періодичність звітів: {who}", "reported at different granularities: {who}"),
    "n_demo": ("демо-дані поруч зі справжніми: {who}", "demo data beside real figures: {who}"),
    "n_stale": ("останній рівень — раніше за обраний період: {who}", "latest level predates the period: {who}"),
    "n_asof": ("рівні на різні дати: {who}", "levels on different dates: {who}"),
    "exact": ("один звіт за весь період", "one report for the whole period"),
    "sum": ("сума {g} звітів", "sum of {g} reports"),
    "and": (" і ", " and "),
    "adj_month": ("помісячних", "monthly"),
    "adj_quarter": ("квартальних", "quarterly"),
    "adj_half_year": ("піврічних", "half-yearly"),
    "adj_year": ("річних", "annual"),
    "adj_week": ("тижневих", "weekly"),
    "adj_custom": ("інших", "other"),
    "real": ("справжні", "real"),
    "stock_basis": ("Залишки (організації) не усереднюються за місяць: показано рівень.",
                    "Stocks (organisations) are not averaged per month: the level is shown."),
    "chart": ("{metric}: {basis}, {period}", "{metric}: {basis}, {period}"),
    "pop_item": ("{city}, {year} — {n} ({source})", "{city}, {year}: {n} ({source})"),
}


t = translator(T)


def notes(cx: Compare, g: pd.DataFrame, name: str, period: Callable[[pd.Series], Period],
          same_date: bool = True) -> list[str]:
    """Why the figures of one metric (one row per city, period or department) may not compare like for like."""
    lang = cx.lang
    who = lambda rows, text: ", ".join(f"{r[name]} — {text(r)}" for _, r in rows.iterrows())  # noqa: E731
    rep, out = g[g["reported"]], []
    if (~g["reported"]).any():
        out.append(t("n_missing", lang, who=", ".join(g[~g["reported"]][name])))
    partial = rep[(rep["kind"] == "flow") & ~rep["complete"]]
    if len(partial):
        out.append(t("n_partial", lang, who=who(partial, cx.cover)))
    if (rep["kind"] == "flow").all() and rep["granularities"].nunique() > 1:
        how = lambda r: t("exact", lang) if r["granularities"] == period(r).granularity else t(  # noqa: E731
            "sum", lang, g=t("and", lang).join(t(f"adj_{x}", lang) for x in r["granularities"].split("+")))
        out.append(t("n_gran", lang, who=who(rep, how)))
    if rep["demo"].nunique() > 1:
        out.append(t("n_demo", lang, who=who(rep, lambda r: tr("demo_label", lang) if r["demo"] else t("real", lang))))
    stale = rep[[r["kind"] == "stock" and r["as_of"] < period(r).start for _, r in rep.iterrows()]]
    if len(stale):
        out.append(t("n_stale", lang, who=who(stale, cx.cover)))
    elif same_date and (rep["kind"] == "stock").all() and rep["as_of"].nunique() > 1:
        out.append(t("n_asof", lang, who=who(rep, cx.cover)))
    return [f"{cx.short(g['metric'].iloc[0])}: {n}" for n in out]


def side_by_side(cx: Compare, table: pd.DataFrame, name: str, period: Period) -> tuple[pd.DataFrame, list[str]]:
    """The table of one period shown side by side: a row per metric, a column per `name` (city or
    department) with its value on the basis, their coverage and sources; and the warnings found."""
    lang = cx.lang
    rows, found = [], []
    for m, g in table.groupby("metric", sort=False):
        row = {tr("metric", lang): get_metric(m).label(lang)}
        row |= {getattr(r, name): format_number(r.value, lang, cx.decimals) for r in g.itertuples()}
        row[tr("coverage", lang)] = "; ".join(f"{r[name]}: {cx.cover(r)}" for _, r in g.iterrows())
        row[tr("source", lang)] = "; ".join(f"{getattr(r, name)}: {r.sources}" for r in g.itertuples() if r.reported)
        rows.append(row)
        found += notes(cx, g, name, lambda r: period)
    return pd.DataFrame(rows), found


def show(cx: Compare, table: pd.DataFrame, found: list[str], frame: object, *, color: str, title_period: str,
         key: str, departments: dict[str, str] | None = None) -> None:
    """The warnings, the bar chart (one bar per `color` within each metric), population sources, then
    `frame`; `departments` names the departments compared (by code) for the export."""
    _warn(cx, found, table)
    title = _chart(cx, table, color, title_period, key)
    _population_notes(cx, table)
    st.dataframe(frame, hide_index=True)
    download_buttons(compare_view(cx, table, color, title, found, departments), key=key, name=title, lang=cx.lang)


def _warn(cx: Compare, found: list[str], table: pd.DataFrame) -> None:
    if found:
        st.warning("\n".join([t("note_head", cx.lang), *(f"- {n}" for n in found)]))
    if cx.f.basis == "per_month" and (table["kind"] == "stock").any():
        st.caption(t("stock_basis", cx.lang))


def _chart(cx: Compare, table: pd.DataFrame, color: str, title_period: str, key: str) -> str:
    lang, basis = cx.lang, tr(f"basis_{cx.f.basis}", cx.lang)
    shown = table.assign(x=table["metric"].map(cx.short),
                         hover=[f"{r[color]} · {cx.short(r['metric'])}: {format_number(r['value'], lang, cx.decimals)}"
                                f" ({cx.cover(r)})" for _, r in table.iterrows()])
    label = get_metric(table["metric"].iloc[0]).label(lang) if table["metric"].nunique() == 1 else tr("metrics", lang)
    title = t("chart", lang, metric=label, basis=basis.lower(), period=title_period)
    st.plotly_chart(bar_chart(shown, x="x", y="value", color=color, lang=lang, title=title,
                              y_title=basis, hover="hover", decimals=cx.decimals), key=key)
    return title


def _population_notes(cx: Compare, table: pd.DataFrame) -> None:
    if cx.f.basis != "per_10k":
        return
    pop = data.population(list(dict.fromkeys(table["city_code"])))
    if (table["reported"] & table["value"].isna()).any():
        st.warning(tr("no_population", cx.lang))
    used = {(c, pd.Timestamp(d).year) for c, d in zip(table["city_code"], table["period_start"], strict=True)}
    items = [t("pop_item", cx.lang, city=cx.names.get(r.city_code, r.city_code), year=r.year,
                  n=format_number(r.population, cx.lang), source=r.source)
             for r in pop.itertuples() if (r.city_code, r.year) in used]
    if items:
        st.caption(tr("population_note", cx.lang, sources="; ".join(items)))
