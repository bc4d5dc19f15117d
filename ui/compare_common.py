"""Compare page, shared by both modes: the chosen cities' span and the table, chart and note helpers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from activity.catalog import get_metric
from activity.formatting import format_date, period_label
from activity.i18n import tr
from activity.periods import period_from_key
from activity.series import buckets, period_basis
from ui import data
from ui.filters import Filters, city_names


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
            return tr("not_reported", self.lang)
        text = tr("as_of_date", self.lang, d=format_date(r["as_of"], self.lang)) if r["kind"] == "stock" else \
            tr("months_of", self.lang, n=r["months_reported"], m=r["months_in_period"])
        extras = [tr("demo_label", self.lang) if r["demo"] else "", tr("approx", self.lang) if r["approximate"] else ""]
        return ", ".join([text, *filter(None, extras)])
