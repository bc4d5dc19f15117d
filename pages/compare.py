"""Порівняння / Compare: cities side by side for one period, two periods side by side for one city,
or departments side by side (one city's, or one kind's across cities) for one period.

Each mode renders from its own module (ui/compare_cities.py, ui/compare_periods.py,
ui/compare_departments.py); the helpers they share live in ui/compare_common.py and ui/compare_results.py.
"""

import streamlit as st

from activity.i18n import tr, translator
from ui.compare_cities import render_cities
from ui.compare_common import Compare
from ui.compare_departments import pick_scope, render_departments
from ui.compare_periods import render_periods
from ui.entry import ensure_entry
from ui.filters import lang as current_lang
from ui.filters import sidebar

T = {
    "mode": ("Що порівнювати", "Compare"),
    "mode_cities": ("Міста поруч", "Cities side by side"),
    "mode_periods": ("Періоди поруч", "Periods side by side"),
    "mode_departments": ("Підрозділи поруч", "Departments side by side"),
    "intro": ("Потоки — сума за період на обраній основі; залишки — рівень на кінець періоду з датою «станом на». "
              "Числа з позначкою «демо» — демонстраційні.",
              "Flows are the period's total on the chosen basis; stocks are the level at the period end with its "
              "as-of date. Figures marked 'demo' are demonstration data."),
}


t = translator(T)

ensure_entry()  # first: the language switch is set up before the language is read
lang = current_lang()
st.title(tr("compare_title", lang))
mode = st.segmented_control(t("mode", lang), ["cities", "periods", "departments"], default="cities", required=True,
                            format_func=lambda m: t(f"mode_{m}", lang), key="cmp_mode", bind="query-params")
scope = pick_scope(lang) if mode == "departments" else None
many = mode == "cities" or scope == "kind"
f = sidebar(cities="many" if many else "one", metrics="many", period=False, basis=True, entered=True)
st.caption(t("intro", lang))
if not f.cities:
    st.info(tr("pick_city", lang))
    st.stop()
cx = Compare.load(f, lang)
if cx is None:
    st.info(tr("nothing_for_filters", lang))
    st.stop()

if not f.metrics and mode == "cities":
    st.info(tr("pick_metric", lang))
elif mode == "cities":
    render_cities(cx)
elif mode == "departments":
    render_departments(cx, scope)
else:
    render_periods(cx)
