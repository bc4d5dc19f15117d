"""The record every reader produces and the loader stores: one figure with its place in the file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

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


class FigureColumns:
    """The figures of one wide table held column by column, not as one object per figure.

    A national workbook holds thousands of figures; building a `Figure` for each was most of the
    cost of reading it. The place, department and sheet are the same for the whole table; periods
    are held once and referred to by position. `figures()` gives the same figures as objects (for
    callers that show or check them one by one); `columns_table` makes the Arrow table the loader
    stores.
    """

    __slots__ = ("place_code", "department", "sheet", "periods", "metric", "stock", "period", "value",
                 "status", "approximate", "row", "col")

    def __init__(self, place_code: str, department: str, sheet: str | None, periods: list[Period]) -> None:
        self.place_code, self.department, self.sheet, self.periods = place_code, department, sheet, periods
        self.metric: list[str] = []
        self.stock: list[bool] = []
        self.period: list[int] = []  # position in `periods`
        self.value: list[float | None] = []
        self.status: list[str] = []
        self.approximate: list[bool] = []
        self.row: list[int] = []
        self.col: list[int] = []

    def __len__(self) -> int:
        return len(self.value)

    def append(self, metric: str, stock: bool, period: int, value: float | None, status: str,
               approximate: bool, row: int, col: int) -> None:
        self.metric.append(metric)
        self.stock.append(stock)
        self.period.append(period)
        self.value.append(value)
        self.status.append(status)
        self.approximate.append(approximate)
        self.row.append(row)
        self.col.append(col)

    def extend_row(self, metric, at: list[int], values: list[float], row: int, cols: list[int]) -> None:
        """Reported figures of one metric on one row: `values` at the periods `at`, in columns `cols`."""
        n = len(at)
        self.metric.extend([metric.code] * n)
        self.stock.extend([metric.kind == "stock"] * n)
        self.period.extend(at)
        self.value.extend(values)
        self.status.extend([REPORTED] * n)
        self.approximate.extend([False] * n)
        self.row.extend([row] * n)
        self.col.extend(cols)

    def locators(self) -> list[str]:
        from etl.problems import column_letters

        prefix = f"{self.sheet}!" if self.sheet else ""
        return [f"{prefix}{column_letters(c)}{r + 1}" for r, c in zip(self.row, self.col, strict=True)]

    def figures(self) -> list[Figure]:
        periods = self.periods
        return [
            Figure(self.place_code, self.department, m, periods[p], v, s,
                   periods[p].end + timedelta(days=1) if stock else None, a, None, loc)
            for m, stock, p, v, s, a, loc in zip(self.metric, self.stock, self.period, self.value, self.status,
                                                  self.approximate, self.locators(), strict=True)
        ]



def columns_table(parts: list[FigureColumns]):
    """The figures of several wide tables as one Arrow table with the columns of
    etl.ingest.figures_table (one table per file: building many small ones costs more)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    periods: list[Period] = []
    at: list[int] = []
    place: list[str] = []
    department: list[str] = []
    columns: dict[str, list] = {name: [] for name in ("metric", "stock", "value", "status", "approximate")}
    locators: list[str] = []
    for part in parts:
        n, offset = len(part), len(periods)
        periods.extend(part.periods)
        at.extend([p + offset for p in part.period] if offset else part.period)
        place.extend([part.place_code] * n)
        department.extend([part.department] * n)
        for name, values in columns.items():
            values.extend(getattr(part, name))
        locators.extend(part.locators())
    take = pa.array(at, pa.int32())
    as_of = pa.array([p.end + timedelta(days=1) for p in periods], pa.date32()).take(take)
    return pa.table({
        "place_code": pa.array(place, pa.string()),
        "department": pa.array(department, pa.string()),
        "metric": pa.array(columns["metric"], pa.string()),
        "period_start": pa.array([p.start for p in periods], pa.date32()).take(take),
        "period_end": pa.array([p.end for p in periods], pa.date32()).take(take),
        "granularity": pa.array([p.granularity for p in periods], pa.string()).take(take),
        "value": pa.array(columns["value"], pa.float64()),
        "status": pa.array(columns["status"], pa.string()),
        "as_of": pc.if_else(pa.array(columns["stock"], pa.bool_()), as_of, pa.scalar(None, pa.date32())),
        "approximate": pa.array(columns["approximate"], pa.bool_()),
        "breakdown": pa.nulls(len(at), pa.string()),
        "locator": pa.array(locators, pa.string()),
    })
