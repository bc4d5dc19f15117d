"""The record every reader produces and the loader stores: one figure with its place in the file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from activity.identity import all_distinct, key_arrays, standing_day
from activity.periods import Period

REPORTED = "reported"
NOT_APPLICABLE = "not_applicable"


@dataclass(frozen=True)
class Given:
    """What the person loading says about files that do not say it themselves (--city, --year, the
    upload and review pages' choices): a place code and a year. What a file says wins; a file that
    says otherwise is an error naming where it says it."""

    city: str | None = None
    year: int | None = None


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
        """The figure given twice in one file when this matches (activity.identity.REPEAT_COLUMNS)."""
        return (self.place_code, self.department, self.metric, self.breakdown,
                self.period.start, self.period.end, self.as_of)


def as_written(text: object) -> str:
    """A name from a cell as it is written, spaces collapsed (which department it names is decided
    when the file is loaded: activity.departments)."""
    return " ".join(str(text).replace("\u00a0", " ").split())


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
                   standing_day(periods[p].end) if stock else None, a, None, loc)
            for m, stock, p, v, s, a, loc in zip(self.metric, self.stock, self.period, self.value, self.status,
                                                  self.approximate, self.locators(), strict=True)
        ]



def columns_table(parts: list[FigureColumns]):
    """The figures of several wide tables as one Arrow table with the columns of
    etl.load.parse.figures_table, and whether they hold every figure once as `observations` counts it
    (see etl.load.parse.once_in_obs). One table per file, built column by column: for a national load
    the per-figure Python work here is most of what is left to cut."""
    from itertools import chain

    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from etl.problems import column_letters

    lengths = np.array([len(p) for p in parts], np.int64)
    n = int(lengths.sum())
    part_of = pa.array(np.repeat(np.arange(len(parts), dtype=np.int32), lengths))
    periods = [period for p in parts for period in p.periods]
    first = np.repeat(np.cumsum([0] + [len(p.periods) for p in parts[:-1]]), lengths)
    at_np = np.fromiter(chain.from_iterable(p.period for p in parts), np.int64, n) + first
    at = pa.array(at_np.astype(np.int32))
    stock_np = np.fromiter(chain.from_iterable(p.stock for p in parts), np.bool_, n)
    stock = pa.array(stock_np)
    rows = np.fromiter(chain.from_iterable(p.row for p in parts), np.int64, n) + 1
    cols = np.fromiter(chain.from_iterable(p.col for p in parts), np.int32, n)
    letters = pa.array([column_letters(c) for c in range(int(cols.max()) + 1 if n else 0)], pa.string())
    prefix = pa.array([f"{p.sheet}!" if p.sheet else "" for p in parts], pa.string()).take(part_of)
    metric = list(chain.from_iterable(p.metric for p in parts))
    start = pa.array([p.start for p in periods], pa.date32())
    end = pa.array([p.end for p in periods], pa.date32())
    table = pa.table({
        "place_code": pa.array([p.place_code for p in parts], pa.string()).take(part_of),
        "department": pa.array([p.department for p in parts], pa.string()).take(part_of),
        "metric": pa.array(metric, pa.string()),
        "period_start": start.take(at),
        "period_end": end.take(at),
        "granularity": pa.array([p.granularity for p in periods], pa.string()).take(at),
        "value": pa.array(list(chain.from_iterable(p.value for p in parts)), pa.float64()),
        "status": pa.array(list(chain.from_iterable(p.status for p in parts)), pa.string()),
        "as_of": pc.if_else(stock, pa.array([standing_day(p.end) for p in periods], pa.date32()).take(at),
                            pa.scalar(None, pa.date32())),
        "approximate": pa.array(np.fromiter(chain.from_iterable(p.approximate for p in parts), np.bool_, n)),
        "breakdown": pa.nulls(n, pa.string()),
        "locator": pc.binary_join_element_wise(prefix, letters.take(pa.array(cols)),
                                               pc.cast(pa.array(rows), pa.string()), ""),
    })
    # The same figure twice, as `observations` counts it (activity.identity): place and department
    # (one pair per part), metric, no breakdown, and the period or the day a level stands on.
    pair: dict[tuple[str, str], int] = {}
    who = np.repeat(np.array([pair.setdefault((p.place_code, p.department), len(pair)) for p in parts], np.int64),
                    lengths)
    codes: dict[str, int] = {}
    what = np.array([codes.setdefault(m, len(codes)) for m in metric], np.int64)
    starts = np.array([p.start.toordinal() for p in periods], np.int64)[at_np]
    ends = np.array([p.end.toordinal() for p in periods], np.int64)[at_np]
    key = key_arrays([who, what], stock_np, starts, ends, np.full(n, -1, np.int64), none=-1)
    return table, all_distinct(key)
