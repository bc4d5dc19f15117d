"""Sidebar filters shared by every page, each kept in the URL so a view can be shared as a link.

Widget keys are the URL parameter names: `city` (or `city1` where one city is chosen), `metric`
(or `metric1`), `years`, `gran`, `basis`, `hide_demo`, `lang`; a page's department choice
(`department_picker`) under a key of the page's own. A page asks for the filters it needs; the rest
stay in the URL untouched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd
import streamlit as st

from activity.catalog import METRICS, get_metric
from activity.i18n import tr, translator
from activity.periods import month_period
from activity.series import BASES, SERIES_GRANULARITIES
from ui import data
from ui.entry import ensure_entry

DEFAULT_CITIES = ("UA74040250010023991", "UA44120050010021900")  # Nizhyn, Lysychansk
DEFAULT_METRIC = "news_published"

T = {
    "years": ("Роки", "Years"),
    "departments_help": ("Порожньо — усі підрозділи міста разом. Обрані показано кожен окремо.",
                         "Empty: all of a city's departments together. Those chosen are shown each on its own."),
}


t = translator(T)


@dataclass
class Filters:
    lang: str
    include_demo: bool
    cities: list[str] = field(default_factory=list)
    metrics: list[str] = field(default_factory=list)
    start: date | None = None
    end: date | None = None
    granularity: str = "month"
    basis: str = "total"

    def city_name(self, code: str) -> str:
        return city_names(self.lang).get(code, code)


def lang() -> str:
    return st.session_state.get("lang", "uk")


def city_names(lang_code: str, places: pd.DataFrame | None = None) -> dict[str, str]:
    """{code: name} of `places` (data.places() rows; default every place) in the language shown."""
    table = data.places() if places is None else places
    return dict(zip(table["city_code"], table["city_uk" if lang_code == "uk" else "city"], strict=True))


# Pages whose tables cover every place (Holdings, Quality) show them whole up to MANY_PLACES places.
# Beyond that (a national warehouse: 1 772 places, ~100 000 holdings rows, checks that read all
# 10 million figures for seconds) they show them for the places chosen with `place_picker`.
MANY_PLACES = 30


def place_picker(places: pd.DataFrame, label: str, key: str, lang_code: str) -> list[str]:
    """A choice of places (codes) among `places` (data.places()), kept in the page address."""
    names = city_names(lang_code, places)
    return st.multiselect(label, list(names), format_func=lambda c: names.get(c, c), key=key, bind="query-params")


def sidebar(*, cities: str | None = "many", metrics: str | None = None, kinds: tuple[str, ...] = ("flow", "stock"),
            period: bool = True, granularity: bool = False, basis: bool = False, entered: bool = False) -> Filters:
    """Render the filters a page needs; `cities`/`metrics` are "one", "many" or None. `entered`: the
    page called ui.entry.ensure_entry itself (to know the language before its first widget)."""
    if not entered:
        ensure_entry()
    lg = lang()
    if not data.warehouse_exists():
        st.info(tr("no_warehouse", lg))
        st.stop()
    side = st.sidebar
    hide = side.toggle(tr("hide_demo", lg), key="hide_demo", bind="query-params")
    f = Filters(lang=lg, include_demo=not hide)
    places = data.places(f.include_demo)
    codes = places["city_code"].tolist()
    names = city_names(lg)
    if cities:
        default = [c for c in DEFAULT_CITIES if c in codes] or codes[:2]
        if cities == "one":
            choice = side.selectbox(tr("city", lg), codes, index=codes.index(default[0]) if default else 0,
                                    format_func=lambda c: names.get(c, c), key="city1", bind="query-params")
            f.cities = [choice] if choice else []
        else:
            f.cities = side.multiselect(tr("cities", lg), codes, default=default,
                                        format_func=lambda c: names.get(c, c), key="city", bind="query-params")
    if metrics:
        present = data.metrics(f.cities or codes, f.include_demo)
        options = [m for m in METRICS if m in set(present["metric"]) and get_metric(m).kind in kinds]
        default = [DEFAULT_METRIC] if DEFAULT_METRIC in options else options[:1]
        label = lambda m: get_metric(m).label(lg)  # noqa: E731
        if metrics == "one":
            choice = side.selectbox(tr("metric", lg), options, index=options.index(default[0]) if default else 0,
                                    format_func=label, key="metric1", bind="query-params")
            f.metrics = [choice] if choice else []
        else:
            f.metrics = side.multiselect(tr("metrics", lg), options, default=default, format_func=label,
                                         key="metric", bind="query-params")
    if period and len(places):
        f.start, f.end = _period_range(places, lg)
    if granularity:
        f.granularity = side.radio(tr("granularity", lg), SERIES_GRANULARITIES, horizontal=True,
                                   format_func=lambda g: tr(f"gran_{g}", lg), key="gran", bind="query-params")
    if basis:
        f.basis = side.radio(tr("basis", lg), BASES, format_func=lambda b: tr(f"basis_{b}", lg),
                             key="basis", bind="query-params")
    return f


def department_names(departments: pd.DataFrame, lang_code: str, with_city: bool = False) -> dict[str, str]:
    """{department code: its name in the language shown} of data.department_list() rows; with its
    city's name first when `with_city` (names repeat across cities: "загальний відділ")."""
    names = departments["department" if lang_code == "uk" else "department_en"]
    cities = departments["city_uk" if lang_code == "uk" else "city"]
    out = {}
    for code, name, city in zip(departments["department_code"], names, cities, strict=True):
        out[code] = f"{city} · {name}" if with_city else name
    if len(set(out.values())) < len(out):  # two of one name: told apart by their codes
        out = {code: f"{name} ({code})" for code, name in out.items()}
    return out


def department_picker(city_codes: list[str], include_demo: bool, lang_code: str, key: str) -> list[str]:
    """A choice of departments (codes) of these cities in the sidebar, kept in the URL under `key`;
    none chosen (the default) means every department of a city together."""
    held = data.department_list(city_codes, include_demo) if city_codes else None
    if held is None or held.empty:
        return []
    names = department_names(held, lang_code, with_city=len(set(held["city_code"])) > 1)
    return st.sidebar.multiselect(tr("departments", lang_code), list(names), format_func=lambda c: names.get(c, c),
                                  key=key, bind="query-params", help=t("departments_help", lang_code))


def _period_range(places, lg: str) -> tuple[date, date]:
    first = pd.Timestamp(places["first_start"].min()).date()
    last = pd.Timestamp(places["last_end"].max()).date()
    years = list(range(first.year, last.year + 1))
    start_year, end_year = st.sidebar.select_slider(
        t("years", lg), options=years, value=(years[0], years[-1]), key="years", bind="query-params")
    return month_period(start_year, 1).start, month_period(end_year, 12).end
