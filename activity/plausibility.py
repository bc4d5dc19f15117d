"""How big a figure can plausibly be: the one rule the loader checks values against.

* **An absolute ceiling** per metric unit: no department counts more than `PER_MONTH` things of one
  kind in a month (news published, letters received, appeals: the busiest city council's figures
  are thousands a month), so a flow may reach `PER_MONTH` times the months of its period; a stock (a
  level: organisations registered, followers of the official pages) at most `LEVEL`. Beyond it the
  value is a typing or unit mistake (1e20, a phone number in the value column): an error naming the
  cell, and the file does not load.
* **The department's own history**: a flow more than `HISTORY_FACTOR` times (or less than its
  inverse of) the median per month the same department reported for the same metric before is loaded,
  with a warning naming the cell (a real jump happens: a new website, an election).

`too_big` is the vectorised form the loader uses on a file's figures (NumPy arrays).
"""

from __future__ import annotations

PER_MONTH = {"count": 100_000}  # by metric unit: the most a flow can count in one month
LEVEL = {"count": 10_000_000}  # by metric unit: the highest level a stock can stand at
HISTORY_FACTOR = 20


def ceiling(unit: str, stock: bool, months: float) -> float:
    """The largest plausible value of a figure of this unit over `months` (a stock: its level)."""
    if stock:
        return LEVEL.get(unit, LEVEL["count"])
    return PER_MONTH.get(unit, PER_MONTH["count"]) * max(months, 1.0)


def too_big(values, units, stock, months):
    """True where a value is beyond `ceiling` (arrays of one length; NaN is never too big)."""
    import numpy as np

    values = np.asarray(values, dtype=float)
    per_month = np.array([PER_MONTH.get(u, PER_MONTH["count"]) for u in units], dtype=float)
    level = np.array([LEVEL.get(u, LEVEL["count"]) for u in units], dtype=float)
    limit = np.where(np.asarray(stock, dtype=bool), level, per_month * np.maximum(np.asarray(months, float), 1.0))
    with np.errstate(invalid="ignore"):
        return np.nan_to_num(values, nan=0.0) > limit


def far_from_history(value: float, months: float, median_per_month: float | None) -> bool:
    """A flow more than HISTORY_FACTOR times its department's usual monthly level, or less than
    its HISTORY_FACTOR-th part (a reported zero is never flagged; nor is anything without history)."""
    if not median_per_month or median_per_month <= 0 or not value:
        return False
    ratio = value / max(months, 1.0) / median_per_month
    return ratio > HISTORY_FACTOR or ratio < 1 / HISTORY_FACTOR
