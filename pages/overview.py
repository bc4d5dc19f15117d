"""Огляд / Overview: one city, one period: every metric's value, its change and a small trend."""

import pandas as pd
import streamlit as st

from activity.catalog import CATEGORIES, METRICS, get_metric
from activity.formatting import format_date, format_number, format_percent, period_label
from activity.i18n import tr, translator
from activity.periods import previous_period, same_period_last_year
from activity.series import SERIES_GRANULARITIES, buckets, change
from ui import data
from ui.charts import sparkline_chart
from ui.downloads import download_buttons, report_button, report_docx_button
from ui.export_views import overview_view, report_docx_view, report_view
from ui.filters import sidebar

ALL = "all"  # the department filter's "all departments"
SPARK = 12  # periods on a card's trend line
PER_ROW = 4
DELTA_COLOR = {"up": "normal", "down": "inverse", "neutral": "off"}
T = {
    "intro": ("Значення за період, зміна до попереднього періоду й до того самого періоду рік тому, лінія — "
              "останні 12 періодів. Потоки — за період, залишки — рівень на дату.",
              "Values for the period, the change against the previous period and the same period a year before; "
              "the line shows the last 12 periods. Flows are counted over the period, stocks are a level on a date."),
    "all_departments": ("усі підрозділи", "all departments"),
    "summary": ("**{city}** · {dept} · **{period}**: подано {n} з {m} показників.",
                "**{city}** · {dept} · **{period}**: {n} of {m} metrics reported."),
    "vs": ("до {p}", "vs {p}"),
    "demo_compared": ("порівняно з демо", "compared with demo"),
    "approx": ("≈ приблизно", "≈ approximate"),
    "source": ("Джерело: {s}", "Source: {s}"),
    "others": ("Без даних за ці періоди: {names}.", "No figures for these periods: {names}."),
}


t = translator(T)


f = sidebar(cities="one", metrics=None, period=False)
lang = f.lang
st.title(tr("overview_title", lang))
st.caption(t("intro", lang))
if not f.cities:
    st.info(tr("pick_city", lang))
    st.stop()
city = f.cities[0]

depts = data.departments([city], f.include_demo)["department"].tolist()
dept = st.sidebar.selectbox(tr("department", lang), [ALL, *depts], key="dept", bind="query-params",
                            format_func=lambda d: t("all_departments", lang) if d == ALL else d)
chosen_depts = None if dept == ALL else [dept]
gran = st.sidebar.radio(tr("granularity", lang), SERIES_GRANULARITIES, horizontal=True, key="ov_gran",
                        format_func=lambda g: tr(f"gran_{g}", lang), bind="query-params")
place = data.places(f.include_demo).set_index("city_code").loc[city]
periods = buckets(gran, pd.Timestamp(place["first_start"]).date(), pd.Timestamp(place["last_end"]).date())[::-1]
latest = data.latest_period_end([city], f.include_demo)
default = next((i for i, p in enumerate(periods) if latest and p.end <= latest), 0)
by_key = {p.key: p for p in periods}
key = st.sidebar.selectbox(tr("period", lang), list(by_key), index=default, key="ov_period", bind="query-params",
                           format_func=lambda k: period_label(by_key[k], lang))
cur = by_key[key]
prev, ago = previous_period(cur), same_period_last_year(cur)
compared = [prev] if ago == prev else [prev, ago]

present = set(data.metrics([city], f.include_demo)["metric"])
codes = [m for m in METRICS if m in present]
values = data.period_values(city, codes, [cur, *compared], f.include_demo, chosen_depts) if codes else {}
shown = [m for m in codes if any(values[(m, p.key)] for p in (cur, *compared))]
if not shown:
    st.info(tr("nothing_for_filters", lang))
    st.stop()

reported = sum(1 for m in shown if values[(m, cur.key)])
st.markdown(t("summary", lang, city=f.city_name(city), dept=t("all_departments", lang) if dept == ALL else dept,
              period=period_label(cur, lang), n=reported, m=len(shown)))
buttons = st.container(horizontal=True, gap="small")
with buttons:
    report_button(*report_view(f, city, cur, chosen_depts), key="report", lang=lang)
    if reported:  # the written report says what the period has; stale levels alone make none
        report_docx_button(*report_docx_view(f, city, cur, chosen_depts), key="report_docx", lang=lang)

# Trend lines: one call for all flows, one for all stocks, over the last SPARK periods.
first = cur
for _ in range(SPARK - 1):
    first = previous_period(first)
grid = buckets(gran, first.start, cur.end)
flows = [m for m in shown if get_metric(m).kind == "flow"]
stocks = [m for m in shown if m not in flows]
lines = data.flow_series([city], flows, gran, first.start, cur.end, "total", f.include_demo, chosen_depts)
levels = data.department_stock_series([city], stocks, first.start, cur.end, f.include_demo, chosen_depts)


def trend(metric: str) -> pd.DataFrame | None:
    """The card's line: flows on the full grid (gaps stay gaps), stocks at their as-of dates."""
    if metric in stocks:
        points = levels[levels["metric"] == metric].rename(columns={"as_of": "period_start"})
    else:
        own = lines[(lines["metric"] == metric) & ~lines["spread"].astype(bool)]
        by_start = dict(zip(own["period_start"], own["value"], strict=True))
        points = pd.DataFrame({"period_start": [p.start for p in grid],
                               "value": [by_start.get(p.start) for p in grid]}, dtype=object)
    return points if points["value"].notna().sum() >= 2 else None


def change_text(now: dict, before: dict) -> tuple[float, str]:
    """(diff, '+12 (+3,5 %)'); a falling change starts with an ASCII '-' so st.metric points down."""
    diff, pct = change(now["value"], before["value"])
    sign = "+" if diff > 0 else "-" if diff < 0 else ""
    return diff, sign + format_number(abs(diff), lang) + (f" ({format_percent(pct, lang)})" if pct is not None else "")


def card(metric: str) -> None:
    m, short = get_metric(metric), lambda p: period_label(p, lang, short=True)
    now, before = values[(metric, cur.key)], values[(metric, prev.key)]
    value = ("≈ " if now["approximate"] else "") + format_number(now["value"], lang) if now else tr("not_reported", lang)
    delta = change_text(now, before) if now and before else None
    st.metric(m.short(lang), value, (delta[1] if delta[0] else 0) if delta else None,
              delta_color=DELTA_COLOR[m.polarity], delta_description=t("vs", lang, p=short(prev)) if delta else None,
              help=m.definition(lang) + (f"\n\n{t('source', lang, s=now['sources'])}" if now else ""))
    notes = []
    for p in compared:
        other = values[(metric, p.key)]
        if now and other and p is not prev:  # the year-ago change, coloured as st.metric colours its delta
            diff, text = change_text(now, other)
            good = {"up": diff > 0, "down": diff < 0}.get(m.polarity) if diff else None
            color = {True: "green", False: "red"}.get(good, "gray")
            st.markdown(f":{color}[{text}] {t('vs', lang, p=short(p))}")
        elif bool(now) != bool(other):
            shown_value = format_number(other["value"], lang) if other else tr("not_reported", lang)
            notes.append(f"{short(p)}: {shown_value}")
    if now:
        notes += [tr("months_of", lang, n=now["months_reported"], m=now["months_in_period"]) if not now["complete"] else "",
                  tr("as_of_date", lang, d=format_date(now["as_of"], lang)) if now["as_of"] else "",
                  t("approx", lang) if now["approximate"] else "",
                  tr("demo_label", lang) if now["demo"] else "",
                  t("demo_compared", lang) if not now["demo"] and any(
                      (values[(metric, p.key)] or {}).get("demo") for p in compared) else ""]
    st.caption(" · ".join(n for n in notes if n) or "&nbsp;")
    points = trend(metric)
    if points is not None:
        st.plotly_chart(sparkline_chart(points), key=f"spark_{metric}", config={"displayModeBar": False})


for category in CATEGORIES.values():
    members = [m for m in shown if get_metric(m).category == category.code]
    if not members:
        continue
    st.subheader(category.label(lang))
    for row in range(0, len(members), PER_ROW):
        for col, metric in zip(st.columns(PER_ROW), members[row:row + PER_ROW], strict=False):
            with col.container(border=True):
                card(metric)

others = [get_metric(m).short(lang) for m in codes if m not in shown]
if others:
    st.caption(t("others", lang, names=", ".join(others)))
title = f"{f.city_name(city)}: {period_label(cur, lang)}"
download_buttons(overview_view(f, city, None if dept == ALL else dept, [cur, *compared], shown, values,
                               (lines, levels, grid), title), key="overview", name=title, lang=lang)
