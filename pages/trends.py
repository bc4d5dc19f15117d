"""Динаміка / Trends: one or several metrics over time for one or several cities: all of a city's
departments together, or the departments chosen each as a line of its own."""

import streamlit as st

from activity.catalog import get_metric
from activity.formatting import format_number
from activity.i18n import span_label, tr, translator
from activity.series import buckets
from ui import data
from ui.charts import stock_chart, trend_chart
from ui.downloads import download_buttons
from ui.export_views import series_view
from ui.filters import city_names, department_names, department_picker, sidebar

T = {
    "intro": (
        "Потоки (новини, документи, листи) — за обраний період; залишки (організації) — рівень на дату. "
        "Порожнє місце на лінії означає, що за період нічого не подано; нуль — що подано нуль. "
        "Порожні маркери — неповний період; пунктир — середнє за місяць зі звіту за довший період.",
        "Flows (news, documents, letters) are counted over each period; stocks (organisations) are a "
        "level on a date. A gap in a line means nothing was reported; zero means a reported zero. "
        "Hollow markers are partial periods; a dotted line is the monthly average from a longer report.",
    ),
    "flows_title": ("{metric}: {basis}, {gran}, {span}", "{metric}: {basis}, {gran}, {span}"),
}


t = translator(T)


f = sidebar(metrics="many", granularity=True, basis=True)
lang = f.lang
depts = department_picker(f.cities, f.include_demo, lang, key="trend_dept")
st.title(tr("trends_title", lang))
st.caption(t("intro", lang))

if not f.cities:
    st.info(tr("pick_city", lang))
    st.stop()
if not f.metrics:
    st.info(tr("pick_metric", lang))
    st.stop()

names = city_names(lang)
line = "city_code"
dept_names: dict[str, str] = {}
if depts:  # each department chosen is a line of its own, named (with its city when there are several)
    held = data.department_list(f.cities, f.include_demo)
    held = held[held["department_code"].isin(depts)]
    names = department_names(held, lang, with_city=len(f.cities) > 1)
    dept_names = department_names(held, lang)
    line = "department_code"
span = span_label(f.start, f.end, lang)
flows = [m for m in f.metrics if get_metric(m).kind == "flow"]
stocks = [m for m in f.metrics if get_metric(m).kind == "stock"]
drawn = False

if flows:
    series = data.flow_series_by_department(f.cities, depts, flows, f.granularity, f.start, f.end, f.basis,
                                            f.include_demo) if depts else \
        data.flow_series(f.cities, flows, f.granularity, f.start, f.end, f.basis, f.include_demo)
    if len(series):
        label = get_metric(flows[0]).label(lang) if len(flows) == 1 else tr("metrics", lang)
        title = t("flows_title", lang, metric=label, basis=tr(f"basis_{f.basis}", lang).lower(),
                  gran=tr(f"gran_by_{f.granularity}", lang), span=span)
        grid = buckets(f.granularity, f.start, f.end)
        decimals = 0 if f.basis == "total" else 1
        fig = trend_chart(series, grid, lang=lang, title=title, y_title=tr(f"basis_{f.basis}", lang),
                          names=names, decimals=decimals, line=line)
        st.plotly_chart(fig, key="trend_flows")
        download_buttons(series_view(f, flows, title, dept_names), key="trend_flows", name=title, lang=lang)
        drawn = True
        if series["demo"].any():
            st.caption(tr("demo_points", lang, n=format_number(int(series["demo"].sum()), lang),
                          m=format_number(len(series), lang)))
        if f.basis == "per_10k":
            pop = data.population(f.cities)
            if series["value"].isna().any() or pop.empty:
                st.warning(tr("no_population", lang))
            if len(pop):
                st.caption(tr("population_note", lang, sources="; ".join(sorted(set(pop["source"])))))

if stocks:
    levels = data.stock_series_by_department(f.cities, depts, stocks, f.start, f.end, f.include_demo) if depts else \
        data.stock_series(f.cities, stocks, f.start, f.end, f.include_demo)
    if len(levels):
        label = get_metric(stocks[0]).label(lang) if len(stocks) == 1 else tr("metrics", lang)
        stocks_title = tr("stocks_title", lang, metric=label, span=span)
        st.plotly_chart(stock_chart(levels, lang=lang, title=stocks_title, names=names, line=line), key="trend_stocks")
        download_buttons(series_view(f, stocks, stocks_title, dept_names), key="trend_stocks", name=stocks_title,
                         lang=lang)
        drawn = True
        if levels["demo"].any():
            st.caption(tr("demo_points", lang, n=format_number(int(levels["demo"].sum()), lang),
                          m=format_number(len(levels), lang)))

if not drawn:
    st.info(tr("nothing_for_filters", lang))
