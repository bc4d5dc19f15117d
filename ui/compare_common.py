"""Compare page, shared by both modes: its texts, the chosen cities' span and the table, chart and note helpers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from activity.catalog import get_metric
from activity.formatting import format_date, period_label
from activity.i18n import tr, translator
from activity.periods import period_from_key
from activity.series import buckets, period_basis
from ui import data
from ui.filters import Filters, city_names

T = {
    "mode": ("Що порівнювати", "Compare"),
    "mode_cities": ("Міста поруч", "Cities side by side"),
    "mode_periods": ("Періоди поруч", "Periods side by side"),
    "intro": ("Потоки — сума за період на обраній основі; залишки — рівень на кінець періоду з датою «станом на». "
              "Числа з позначкою «демо» — демонстраційні.",
              "Flows are the period's total on the chosen basis; stocks are the level at the period end with its "
              "as-of date. Figures marked 'demo' are demonstration data."),
    "period": ("Період", "Period"), "p1": ("Період 1", "Period 1"), "p2": ("Період 2 (з чим порівняти)", "Period 2 (compared with)"),
    "pmode": ("Які періоди", "Which periods"), "pm_year": ("Цей рік і попередній", "This year vs last year"),
    "pm_quarter": ("Квартал і той самий рік тому", "Quarter vs a year before"), "pm_custom": ("Будь-які два", "Any two"),
    "chart": ("{metric}: {basis}, {period}", "{metric}: {basis}, {period}"),
    "col_cover": ("Охоплення", "Coverage"), "col_source": ("Джерело", "Source"), "col_change": ("Зміна", "Change"),
    "col_pct": ("Зміна, %", "Change, %"), "col_notes": ("Примітки", "Notes"),
    "months": ("{n} з {m} міс.", "{n} of {m} months"), "as_of": ("станом на {d}", "as of {d}"),
    "missing": ("не подано", "not reported"), "approx": ("приблизно", "approximate"),
    "note_head": ("Порівнюйте обережно:", "Compare with care:"),
    "n_missing": ("не подано: {who}", "not reported: {who}"),
    "n_partial": ("неповні дані: {who}", "partial data: {who}"),
    "n_gran": ("різна періодичність звітів: {who}", "reported at different granularities: {who}"),
    "n_demo": ("демо-дані поруч зі справжніми: {who}", "demo data beside real figures: {who}"),
    "n_stale": ("останній рівень — раніше за обраний період: {who}", "latest level predates the period: {who}"),
    "n_asof": ("рівні на різні дати: {who}", "levels on different dates: {who}"),
    "exact": ("один звіт за весь період", "one report for the whole period"),
    "sum": ("сума {g} звітів", "sum of {g} reports"),
    "real": ("справжні", "real"), "population": ("Населення: {sources}.", "Population: {sources}."),
    "pop_item": ("{city}, {year} — {n} ({source})", "{city}, {year}: {n} ({source})"),
    "no_population": ("Немає даних про населення для частини міст: на 10 000 мешканців не порахувати.",
                      "Population is missing for some cities: per 10,000 residents cannot be computed."),
    "stock_basis": ("Залишки (організації) не усереднюються за місяць: показано рівень.",
                    "Stocks (organisations) are not averaged per month: the level is shown."),
    "and": (" і ", " and "), "adj_month": ("помісячних", "monthly"), "adj_quarter": ("квартальних", "quarterly"),
    "adj_half_year": ("піврічних", "half-yearly"), "adj_year": ("річних", "annual"), "adj_week": ("тижневих", "weekly"),
    "adj_custom": ("інших", "other"),
    "same": ("Оберіть два різні періоди.", "Choose two different periods."),
    "one_city": ("Додайте ще місто на бічній панелі, щоб порівняти.", "Add another city in the sidebar to compare."),
}


t = translator(T)


@dataclass
class Compare:
    """The filters and language of one run, with the chosen cities' places and the span of their figures."""

    f: Filters
    lang: str
    names: dict[str, str]
    places: pd.DataFrame
    first: date
    last: date

    @classmethod
    def load(cls, f: Filters, lang: str) -> Compare | None:
        """None when none of the chosen cities has figures (with or without demo data, as filtered)."""
        places = data.places(f.include_demo)
        places = places[places["city_code"].isin(f.cities)]
        if places.empty:
            return None
        span = (pd.Timestamp(places["first_start"].min()).date(), pd.Timestamp(places["last_end"].max()).date())
        return cls(f, lang, city_names(lang), places, *span)

    @property
    def decimals(self) -> int:
        return 0 if self.f.basis == "total" else 1

    def t(self, key: str, **kw: object) -> str:
        return t(key, self.lang, **kw)

    def plabel(self, key: str) -> str:
        return period_label(period_from_key(key), self.lang)

    def short(self, metric: str) -> str:
        return get_metric(metric).short(self.lang)

    def options(self, gran: str) -> list[str]:
        """Period keys of one granularity over the cities' span, latest first."""
        return [p.key for p in reversed(buckets(gran, self.first, self.last))]

    def with_basis(self, table: pd.DataFrame) -> pd.DataFrame:
        pop = data.population(self.f.cities) if self.f.basis == "per_10k" else None
        return table.assign(value=period_basis(table, self.f.basis, pop).to_numpy())

    def cover(self, r: pd.Series) -> str:
        if not r["reported"]:
            return self.t("missing")
        text = self.t("as_of", d=format_date(r["as_of"], self.lang)) if r["kind"] == "stock" else \
            self.t("months", n=r["months_reported"], m=r["months_in_period"])
        extras = [tr("demo_label", self.lang) if r["demo"] else "", self.t("approx") if r["approximate"] else ""]
        return ", ".join([text, *filter(None, extras)])
