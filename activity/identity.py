"""Which rows are the same figure, which one is shown, and the day a stock stands on: the rules, once.

* **The stock day.** A stock (a level: NGOs registered) stands on a day: its `as_of` date when the
  source gives one ("станом на 01.10.2019"), else the day after its period ends (a level "for
  September" is the level on 1 October). A level stands for a period when its day is on or before
  the day after the period ends (`standing_day`).
* **The same figure.** Two rows are one figure when place, department (its code: two spellings of
  one department are one department), metric and breakdown match
  and, for a flow, the period (start and end); for a stock, the day it stands on (whatever period
  it was reported for). `observations` shows each figure once.
* **Which one is shown.** Real data before demo data, then the most recently loaded source; within
  one source (a stock given as of one day for two periods), the figure of the later-starting,
  i.e. shorter, period, then the first locator.

Each rule is written here in the forms its callers need, side by side: SQL fragments for DuckDB
(`stock_day_sql`, `key_sql`, `precedence_sql`), whole-number arrays for the loader's Arrow and
NumPy columns (`key_arrays`, `all_distinct`), and plain Python for one figure (`stock_day`,
`figure_key`). tests/test_identity.py checks that the forms agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

ONE_DAY = timedelta(days=1)


# ------------------------------------------------------------------------------------ stock day

def stock_day(as_of: date | None, period_end: date) -> date:
    """The day a stock level stands on: its as-of date, else the day after its period ends."""
    return as_of or period_end + ONE_DAY


def standing_day(period_end: date) -> date:
    """The day by which a level must stand to count for a period ending on `period_end`."""
    return period_end + ONE_DAY


def stock_day_sql(prefix: str = "") -> str:
    """`stock_day` in SQL, over the columns `as_of` and `period_end` (of the table alias `prefix`)."""
    return f"coalesce({prefix}as_of, {prefix}period_end + 1)"


# -------------------------------------------------------------------------------- figure key

# Within one file, the same figure given twice (the loader says so, naming both cells): every part
# of the figure's key alike, and its period and as-of date too (etl.figures.Figure.key).
REPEAT_COLUMNS = ("place_code", "department", "metric", "breakdown", "period_start", "period_end", "as_of")


def figure_key(place: str, department: str, metric: str, breakdown: str | None, stock: bool,
               period_start: date, period_end: date, as_of: date | None) -> tuple:
    """What makes two rows one figure of `observations` (see the module docstring)."""
    if stock:
        return place, department, metric, breakdown, None, stock_day(as_of, period_end)
    return place, department, metric, breakdown, period_start, period_end


def key_parts_sql(prefix: str = "", *, stock: str = "kind = 'stock'", place: str = "place_code") -> list[str]:
    """`figure_key` as SQL expressions, one per part: `prefix` is the alias of the figures' table,
    `stock` a condition true for stocks, `place` the place column's name."""
    return [f"{prefix}{place}", f"{prefix}department_code", f"{prefix}metric", f"{prefix}breakdown",
            f"CASE WHEN {stock} THEN NULL ELSE {prefix}period_start END",
            f"CASE WHEN {stock} THEN {stock_day_sql(prefix)} ELSE {prefix}period_end END"]


def key_sql(prefix: str = "", *, stock: str = "kind = 'stock'", place: str = "place_code") -> str:
    """`figure_key` as the expressions of a PARTITION BY or GROUP BY (see `key_parts_sql`)."""
    return ", ".join(key_parts_sql(prefix, stock=stock, place=place))


def precedence_sql(sources: str = "s.", facts: str = "f.") -> str:
    """Which of the rows of one figure `observations` shows, first: an ORDER BY over the columns of
    `sources` (alias `sources`) and `facts` (alias `facts`)."""
    return (f"{sources}is_demo, {sources}loaded_at DESC, {sources}source_id DESC, "
            f"{facts}period_start DESC, {facts}locator")


def key_arrays(who: Sequence, stock, period_start, period_end, as_of, none: int):
    """`figure_key` over columns of whole numbers (NumPy arrays or lists): `who` the codes of the
    place, department, metric and breakdown (any number of arrays, each a code per row), `stock` a
    boolean array, the dates as whole numbers of days (any one count: days since 1970, or
    `date.toordinal()`) with `none` standing for a missing `as_of`. Returns the key as a list of integer arrays, one per part."""
    import numpy as np

    stock = np.asarray(stock, dtype=bool)
    start, end, as_of = (np.asarray(x, dtype=np.int64) for x in (period_start, period_end, as_of))
    day = np.where(as_of == none, end + 1, as_of)  # stock_day
    return [*(np.asarray(w, dtype=np.int64) for w in who), np.where(stock, none, start), np.where(stock, day, end)]


def all_distinct(key: list) -> bool:
    """True when no two rows share every part of `key` (see `key_arrays`)."""
    import numpy as np

    n = len(key[0]) if key else 0
    if n < 2:
        return True
    order = np.lexsort(key[::-1])
    stacked = np.stack(key)[:, order]
    return not bool((np.diff(stacked, axis=1) == 0).all(axis=0).any())


def once_in_obs(table) -> bool:
    """True when no two rows of an Arrow table with the columns of `facts` (after `source_id`,
    `department_code` included) are the same figure: then they go into `observations` as they are."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from activity.catalog import METRICS

    if table.num_rows < 2:
        return True
    none = -(2**31)

    def codes(name: str):
        col = table[name].combine_chunks()
        if pa.types.is_date32(col.type):
            return np.asarray(col.cast(pa.int32()).fill_null(none), dtype=np.int64)
        return np.asarray(pc.dictionary_encode(col).indices.fill_null(-1), dtype=np.int64)

    stocks = pa.array(sorted(code for code, m in METRICS.items() if m.kind == "stock"), pa.string())
    stock = np.asarray(pc.is_in(table["metric"].combine_chunks(), value_set=stocks))
    department = "department_code" if "department_code" in table.column_names else "department"  # before resolution: the text
    who = [codes(c) for c in ("place_code", department, "metric", "breakdown")]
    return all_distinct(key_arrays(who, stock, codes("period_start"), codes("period_end"), codes("as_of"), none))
