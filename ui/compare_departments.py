"""Compare page, departments side by side: the departments of one city, or the departments of the
chosen kinds across the chosen cities, for one period, each department's own figures apart (the
cities mode adds a city's departments up).

Departments are told apart by code (`department_code`): names repeat across cities ("загальний
відділ"). The rules are the other modes': coverage, a stock as its level on a date, the basis, demo
figures marked (ui.compare_common, ui.compare_results).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from activity.catalog import METRICS, get_metric
from activity.formatting import period_label
from activity.i18n import tr, translator
from activity.periods import period_from_key
from activity.series import SERIES_GRANULARITIES, buckets
from ui import data
from ui.compare_common import Compare
from ui.compare_results import show, side_by_side
from ui.filters import department_names

SCOPES = ("city", "kind")
T = {
    "scope": ("Які підрозділи", "Which departments"),
    "scope_city": ("Усі підрозділи міста", "A city's departments"),
    "scope_kind": ("Одного виду в різних містах", "One kind across cities"),
    "kinds": ("Вид підрозділу", "Kind of department"),
    "kinds_help": ("Підрозділи цього виду в кожному з обраних міст. Можна обрати кілька видів: наприклад, "
                   "комунікації й внутрішню політику, якщо в одному місті цим займається один відділ, а в іншому — "
                   "інший.",
                   "The departments of this kind in each of the chosen cities. Several kinds may be chosen: "
                   "communications and internal policy, say, where one city gives that work to one department "
                   "and another city to the other."),
    "note": ("Тут кожен підрозділ — окремо, лише його власні показники. У режимі «Міста поруч» значення міста — "
             "сума всіх його підрозділів.",
             "Here each department stands apart, with its own figures only. In 'Cities side by side' a city's "
             "value is the sum of all its departments."),
    "no_departments": ("Для цих фільтрів немає підрозділів з показниками.",
                       "No departments have figures for these filters."),
    "pick_departments": ("Оберіть підрозділи або вид підрозділу.", "Choose departments or a kind of department."),
    "one_department": ("Тут лише один підрозділ: додайте місто, вид підрозділу чи інший підрозділ, щоб порівняти.",
                       "Only one department here: add a city, a kind of department or another department to compare."),
}


t = translator(T)


def pick_scope(lang: str) -> str:
    """The departments of one city, or of one kind across cities (drawn before the sidebar, which
    asks for one city or several accordingly)."""
    return st.segmented_control(t("scope", lang), SCOPES, default="city", required=True,
                                format_func=lambda s: t(f"scope_{s}", lang), key="cmp_dscope", bind="query-params")


def default_kinds(held: pd.DataFrame) -> list[str]:
    """The kinds most of the chosen cities have (then the most figures), as many as it takes for at
    least two departments to compare."""
    by_kind = held.groupby("department_kind").agg(cities=("city_code", "nunique"), departments=("department_code", "size"),
                                                  figures=("figures", "sum"))
    ranked = by_kind.sort_values(["cities", "figures"], ascending=False)
    chosen, n = [], 0
    for kind, row in ranked.iterrows():
        chosen.append(kind)
        n += int(row["departments"])
        if n >= 2:
            break
    return chosen


def pick_departments(cx: Compare, scope: str) -> tuple[list[tuple[str, str]], dict[str, str], str]:
    """The departments to compare as (city code, department code) pairs, their names by code, and
    what they are for the chart's title (the city, or the kinds)."""
    f, lang = cx.f, cx.lang
    held = data.department_list(f.cities, f.include_demo)
    if scope == "city":
        held = held[held["city_code"] == f.cities[0]]
        names = department_names(held, lang)
        chosen = st.multiselect(tr("departments", lang), list(names), default=list(names),
                                format_func=lambda c: names.get(c, c), key="cmp_depts", bind="query-params")
        what = cx.names.get(f.cities[0], f.cities[0])
    else:
        kinds = data.department_kinds()
        label = lambda k: kinds[k].label(lang) if k in kinds else k  # noqa: E731
        options = sorted(set(held["department_kind"]), key=lambda k: (list(kinds).index(k) if k in kinds else len(kinds), k))
        picked = st.multiselect(t("kinds", lang), options, default=default_kinds(held) if len(held) else [],
                                format_func=label, key="cmp_kinds", bind="query-params", help=t("kinds_help", lang))
        order = {c: i for i, c in enumerate(f.cities)}
        held = held[held["department_kind"].isin(picked)]
        held = held.assign(_order=held["city_code"].map(order)).sort_values(["_order", "figures"], ascending=[True, False],
                                                                             kind="stable")
        names = department_names(held, lang, with_city=True)
        chosen = list(names)
        what = ", ".join(label(k) for k in picked)
    city_of = dict(zip(held["department_code"], held["city_code"], strict=True))
    return [(city_of[c], c) for c in chosen], {c: names[c] for c in chosen}, what


def default_period(cx: Compare, units: list[tuple[str, str]], metrics: list[str], gran: str, keys: list[str]) -> str:
    """The latest period in which every department compared has figures (complete ones first)."""
    f = cx.f
    flows = [m for m in metrics if get_metric(m).kind == "flow"]
    cities = list(dict.fromkeys(c for c, _ in units))
    codes = [d for _, d in units]
    s = data.flow_series_by_department(cities, codes, flows, gran, cx.first, cx.last, "total", f.include_demo) \
        if flows else None
    if s is not None and len(s):
        s = s[~s["spread"].astype(bool)]
        for rows in (s[s["complete"].astype(bool)], s):
            n = rows.groupby("period_start")["department_code"].nunique()
            common = n[n == len(units)]
            if len(common):
                day = pd.Timestamp(max(common.index)).date()
                return buckets(gran, day, day)[0].key
    return keys[0]


def render_departments(cx: Compare, scope: str) -> None:
    """Pick the departments, a granularity and a period, then show each metric for every department."""
    f, lang = cx.f, cx.lang
    st.caption(t("note", lang))
    units, names, what = pick_departments(cx, scope)
    if not units:
        none_held = data.department_list(f.cities, f.include_demo).empty
        st.info(t("no_departments" if none_held else "pick_departments", lang))
        return
    if len(units) < 2:
        st.info(t("one_department", lang))
    metrics = f.metrics or [m for m in METRICS if m in set(data.metrics(f.cities, f.include_demo)["metric"])]
    c1, c2 = st.columns([1, 2])
    gran = c1.radio(tr("granularity", lang), SERIES_GRANULARITIES, index=2, horizontal=True, key="cmp_dgran",
                    format_func=lambda g: tr(f"gran_{g}", lang), bind="query-params")
    keys = cx.options(gran)
    key = c2.selectbox(tr("period", lang), keys, index=keys.index(default_period(cx, units, metrics, gran, keys)),
                       format_func=cx.plabel, key="cmp_dperiod", bind="query-params")
    period = period_from_key(key)
    table = cx.with_basis(data.period_table_by_department(units, metrics, [period], f.include_demo))
    table = table.assign(department_name=table["department_code"].map(names))
    if not f.metrics:  # every metric: those no department reported in the period are left out
        table = table[table.groupby("metric")["reported"].transform("any")]
    if not table["reported"].any():
        st.info(tr("nothing_for_filters", lang))
        return
    frame, found = side_by_side(cx, table, "department_name", period)
    show(cx, table, found, frame, color="department_name",
         title_period=f"{what}, {period_label(period, lang)}", key="cmp_depts_chart", departments=names)
