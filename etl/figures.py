"""The record every reader produces and the loader stores: one figure with its place in the file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from activity.periods import Period

REPORTED = "reported"
NOT_APPLICABLE = "not_applicable"


@dataclass(frozen=True, slots=True)
class Figure:
    place_code: str
    department: str
    metric: str
    period: Period
    value: float | None  # None only when status is not_applicable
    status: str = REPORTED
    as_of: date | None = None  # stocks: the date the level stands on (the start of that day)
    approximate: bool = False
    breakdown: str | None = None  # a sub-count of a total ("запитувач: фізичні особи")
    locator: str = ""  # "Звіт!E4", "E4" (CSV) or the report sentence

    @property
    def key(self) -> tuple:
        """What makes two figures the same figure (see DESIGN.md: every figure once)."""
        return (self.place_code, self.department, self.metric, self.breakdown,
                self.period.start, self.period.end, self.as_of)


def normalise_department(text: str) -> str:
    """One spelling per department: apostrophes, spaces and the council's name dropped.

    "Відділ ... з громадськістю виконавчого комітету Ніжинської міської ради" and
    "відділ ... з громадськістю" are the same department of the same place.
    """
    import re

    t = " ".join(str(text).replace("\u00a0", " ").split())
    t = re.sub(r"['ʼ`‘]", "’", t)
    t = re.sub(
        r"\s*,?\s*(виконавчого\s+комітету\s+)?[\w’-]+(ської|цької|зької)\s+(міської|селищної|сільської)\s+ради\.?$",
        "",
        t,
        flags=re.IGNORECASE,
    )
    t = re.sub(r"\s+виконавчого\s+комітету$", "", t, flags=re.IGNORECASE)
    t = t.strip(" ,.;:")
    return t[:1].lower() + t[1:] if t[:1].isupper() and not t[1:2].isupper() else t
