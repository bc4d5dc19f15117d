"""Compare page, cities side by side: every chosen city's figures for one period."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from activity.catalog import get_metric
from activity.formatting import period_label
from activity.i18n import tr, translator
from activity.periods import period_from_key
from activity.series import SERIES_GRANULARITIES, buckets
from ui import data
from ui.compare_common import Compare
from ui.compare_results import show, side_by_side

T = {
    "one_city": ("Додайте ще місто на бічній панелі, щоб порівняти.", "Add another city in the sidebar to compare."),
}


t = translator(T)


def default_period(cx: Compare, gran: str, keys: list[str]) -> str:
    """The latest period in which every chosen city has figures (complete ones first)."""
    f = cx.f
    flows = [m for m in f.metrics if get_metric(m).kind == "flow"]
    s = data.flow_series(f.cities, flows, gran, cx.first, cx.last, "total", f.include_demo) if flows else None
    if s is not None and len(s):
        s = s[~s["spread"]]
        for rows in (s[s["complete"]], s):
            n = rows.groupby("period_start")["city_code"].nunique()
            common = n[n == len(f.cities)]
            if len(common):
                day = pd.Timestamp(max(common.index)).date()
                return buckets(gran, day, day)[0].key
    day = min(pd.Timestamp(d).date() for d in cx.places["last_end"])
    key = buckets(gran, day, day)[0].key
    return key if key in keys else keys[0]


def render_cities(cx: Compare) -> None:
    """Pick a granularity and period, then show each metric for every chosen city."""
    f, lang = cx.f, cx.lang
    if len(f.cities) < 2:
        st.info(t("one_city", lang))
    c1, c2 = st.columns([1, 2])
    gran = c1.radio(tr("granularity", lang), SERIES_GRANULARITIES, index=2, horizontal=True, key="cmp_gran",
                    format_func=lambda g: tr(f"gran_{g}", lang), bind="query-params")
    keys = cx.options(gran)
    key = c2.selectbox(tr("period", lang), keys, index=keys.index(default_period(cx, gran, keys)), format_func=cx.plabel,
                       key="cmp_period", bind="query-params")
    period = period_from_key(key)
    table = cx.with_basis(data.period_table(f.cities, f.metrics, [period], f.include_demo))
    table = table.assign(city_name=table["city_code"].map(cx.names))
    if not table["reported"].any():
        st.info(tr("nothing_for_filters", lang))
        return
    frame, found = side_by_side(cx, table, "city_name", period)
    show(cx, table, found, frame, color="city_name", title_period=period_label(period, lang),
         key="cmp_cities_chart")
