"""Compare page, periods side by side: one city's figures for two periods, with the change between them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from activity.catalog import METRICS, get_metric
from activity.formatting import format_number, format_percent
from activity.i18n import tr, translator
from activity.periods import Period, period_from_key, same_period_last_year
from activity.series import SERIES_GRANULARITIES, buckets, change
from ui import data
from ui.compare_common import Compare
from ui.compare_results import notes, show

T = {
    "pmode": ("Які періоди", "Which periods"),
    "pm_year": ("Цей рік і попередній", "This year vs last year"),
    "pm_quarter": ("Квартал і той самий рік тому", "Quarter vs a year before"),
    "pm_custom": ("Будь-які два", "Any two"),
    "p1": ("Період 1", "Period 1"),
    "p2": ("Період 2 (з чим порівняти)", "Period 2 (compared with)"),
    "same": ("Оберіть два різні періоди.", "Choose two different periods."),
}


t = translator(T)

EMPTY = {"value": float("nan"), "as_of": None, "complete": False, "months_reported": 0, "approximate": False,
         "demo": False, "sources": ""}


def pick_periods(cx: Compare, code: str) -> tuple[Period, Period]:
    """This year or quarter against the same one a year before, or any two periods of one granularity."""
    lang = cx.lang
    pm = st.segmented_control(t("pmode", lang), ["year", "quarter", "custom"], default="year", required=True,
                              format_func=lambda k: t(f"pm_{k}", lang), key="cmp_pmode", bind="query-params")
    latest = data.latest_period_end([code], cx.f.include_demo) or cx.last
    if pm != "custom":
        p1 = buckets(pm, latest, latest)[0]
        return p1, same_period_last_year(p1)
    c0, c1, c2 = st.columns(3)
    gran = c0.radio(tr("granularity", lang), SERIES_GRANULARITIES, index=2, horizontal=True, key="cmp_pgran",
                    format_func=lambda g: tr(f"gran_{g}", lang), bind="query-params")
    keys = cx.options(gran)
    d1 = buckets(gran, latest, latest)[0]
    d2 = same_period_last_year(d1).key
    k1 = c1.selectbox(t("p1", lang), keys, index=keys.index(d1.key) if d1.key in keys else 0, format_func=cx.plabel,
                      key="cmp_p1", bind="query-params")
    k2 = c2.selectbox(t("p2", lang), keys, index=keys.index(d2) if d2 in keys else min(1, len(keys) - 1),
                      format_func=cx.plabel, key="cmp_p2", bind="query-params")
    return period_from_key(k1), period_from_key(k2)


def render_periods(cx: Compare) -> None:
    """Pick two periods, then show each metric of the first chosen city in both, with the change."""
    f, lang, dec = cx.f, cx.lang, cx.decimals
    code = f.cities[0]
    metrics = f.metrics or [m for m in METRICS if m in set(data.metrics([code], f.include_demo)["metric"])]
    p1, p2 = pick_periods(cx, code)
    if p1 == p2:
        st.info(t("same", lang))
        return
    values = data.period_values(code, metrics, [p1, p2], f.include_demo)
    table = pd.DataFrame([
        {**(v or EMPTY), "total": (v or EMPTY)["value"], "reported": v is not None, "city_code": code, "metric": m,
         "kind": get_metric(m).kind, "period_key": p.key, "period_start": p.start, "months_in_period": p.n_months,
         "period_name": cx.plabel(p.key), "granularities": ""}
        for m in metrics for p in (p1, p2) for v in [values[(m, p.key)]]
    ])
    table = table[table.groupby("metric")["reported"].transform("any")]
    if table.empty:
        st.info(tr("nothing_for_filters", lang))
        return
    table = cx.with_basis(table)
    l1, l2 = cx.plabel(p1.key), cx.plabel(p2.key)
    rows, colours, found = [], [], []
    for m, g in table.groupby("metric", sort=False):
        v1, v2 = (g.set_index("period_key")["value"].get(p.key) for p in (p1, p2))
        diff, pct = change(None if pd.isna(v1) else v1, None if pd.isna(v2) else v2)
        polarity = get_metric(m).polarity
        good = None if not diff or polarity == "neutral" else (diff > 0) == (polarity == "up")
        colours.append({None: "#8a8a8a", True: "#2a9d5c", False: "#c0392b"}[good])
        arrow = "" if pct is None or not diff else ("▲ " if diff > 0 else "▼ ")
        rows.append({
            tr("metric", lang): get_metric(m).label(lang), l1: format_number(v1, lang, dec),
            l2: format_number(v2, lang, dec),
            tr("change", lang): ("+" if diff and diff > 0 else "") + format_number(diff, lang, dec),
            tr("change_pct", lang): arrow + format_percent(pct, lang),
            tr("notes", lang): "; ".join(f"{r['period_name']}: {cx.cover(r)}" for _, r in g.iterrows()),
            tr("source", lang): "; ".join(f"{r['period_name']}: {r['sources']}" for _, r in g.iterrows() if r["reported"]),
        })
        found += notes(cx, g, "period_name", lambda r: period_from_key(r["period_key"]), same_date=False)
    paint = lambda col: [f"color: {c}" for c in colours]  # noqa: E731
    frame = pd.DataFrame(rows).style.apply(paint, subset=[tr("change", lang), tr("change_pct", lang)])
    show(cx, table, found, frame, color="period_name", title_period=f"{cx.names.get(code, code)}, {l1} / {l2}",
         key="cmp_periods_chart")
