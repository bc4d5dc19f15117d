"""Громадянське суспільство / Civil society: NGOs, party cells and religious organisations as levels on dates."""

import streamlit as st

from activity.catalog import metrics_in_category
from activity.formatting import format_date, format_number
from activity.i18n import span_label, tr, translator
from activity.identity import standing_day
from activity.series import level_on, year_before
from ui import data
from ui.charts import stock_chart
from ui.downloads import download_buttons
from ui.export_views import series_view
from ui.filters import city_names, sidebar

T = {
    "intro": (
        "Скільки громадських організацій, осередків політичних партій і релігійних організацій "
        "зареєстровано в місті. Це залишки — рівень на дату («станом на 01.10.2019»): їх ніколи не "
        "додають за місяці чи роки. Картка показує останній рівень за обрані роки і зміну проти рівня, "
        "що діяв роком раніше.",
        "How many NGOs, political-party cells and religious organisations are registered in the city. "
        "These are stocks, a level on a date (\"as of 01.10.2019\"), never added up over months or years. "
        "Each card shows the latest level within the chosen years and the change against the level "
        "standing a year earlier.",
    ),
    "card": ("{city} · станом на {date}", "{city} · as of {date}"),
    "no_level": ("немає даних", "no figures"),
    "delta_desc": ("за рік (станом на {date}: {value})", "in a year (as of {date}: {value})"),
    "no_year_before": ("рівня роком раніше немає", "no level a year earlier"),
    "no_points": (
        "За обрані роки нових рівнів немає; картки показують останній рівень, що діяв на кінець періоду.",
        "No levels dated within the chosen years; the cards show the level standing at the end of the span.",
    ),
}
MAX_COLUMNS = 3  # wide enough for the as-of date in each card's label


t = translator(T)


def signed(value: float, lang: str) -> str:
    return ("+" if value > 0 else "") + format_number(value, lang)


def level_card(col, obs, code: str, metric, when, lang: str, names: dict[str, str]) -> None:
    """The latest level of one metric in one city, its as-of date and the change over a year."""
    level = level_on(obs, code, metric.code, when)
    city = names.get(code, code)
    if level is None:
        col.metric(city, "—", t("no_level", lang), delta_color="off", delta_arrow="off", border=True)
        return
    prev = level_on(obs, code, metric.code, year_before(level["as_of"]))
    label = t("card", lang, city=city, date=format_date(level["as_of"], lang))
    if level["demo"] or (prev and prev["demo"]):
        label += f" · {tr('demo_label', lang)}"
    value = ("≈" if level["approximate"] else "") + format_number(level["value"], lang)
    help_text = f"{level['source']}: {level['locator']}"
    if prev is None:
        col.metric(label, value, t("no_year_before", lang), delta_color="off", delta_arrow="off",
                   help=help_text, border=True)
        return
    diff = level["value"] - prev["value"]
    color = {"up": "normal", "down": "inverse"}.get(metric.polarity, "off")
    col.metric(label, value, signed(diff, lang), delta_color=color,
               delta_arrow="up" if diff > 0 else ("down" if diff < 0 else "off"),
               delta_description=t("delta_desc", lang, date=format_date(prev["as_of"], lang),
                                   value=format_number(prev["value"], lang)),
               help=help_text, border=True)


f = sidebar(cities="many", metrics=None, period=True)
lang = f.lang
st.title(tr("civil_title", lang))
st.caption(t("intro", lang))

if not f.cities:
    st.info(tr("pick_city", lang))
    st.stop()
if f.start is None:
    st.info(tr("nothing_for_filters", lang))
    st.stop()

names = city_names(lang)
span = span_label(f.start, f.end, lang)
metrics = metrics_in_category("civil_society")
codes = [m.code for m in metrics]
obs = data.observations(f.cities, codes, f.start, f.end, f.include_demo)
levels = data.stock_series(f.cities, codes, f.start, f.end, f.include_demo)
when = standing_day(f.end)  # the levels standing when the span ends

for metric in metrics:
    st.subheader(metric.label(lang))
    st.caption(metric.definition(lang))
    if obs.empty or not (obs["metric"] == metric.code).any():
        st.info(tr("nothing_for_filters", lang))
        continue
    per_row = min(max(len(f.cities), 2), MAX_COLUMNS)
    for i in range(0, len(f.cities), per_row):
        row = f.cities[i:i + per_row]
        for col, code in zip(st.columns(per_row), row, strict=False):
            level_card(col, obs, code, metric, when, lang, names)
    points = levels[levels["metric"] == metric.code]
    if points.empty:
        st.caption(t("no_points", lang))
        continue
    title = tr("stocks_title", lang, metric=metric.label(lang), span=span)
    fig = stock_chart(points, lang=lang, title=title, names=names).update_layout(height=380, showlegend=True)
    fig.update_xaxes(range=[f.start, when])  # the chosen years, even around a single level
    st.plotly_chart(fig, key=f"civil_{metric.code}")
    download_buttons(series_view(f, [metric.code], title), key=f"civil_{metric.code}", name=title, lang=lang)
    if points["demo"].any():
        st.caption(tr("demo_points", lang, n=format_number(int(points["demo"].sum()), lang),
                     m=format_number(len(points), lang)))
