"""A figure far from what its department usually reports: a warning naming the cell.

`History(con)` is made once per load, on the load's copy of the warehouse; `check(result)` compares
each flow of a resolved file (etl.load.departments gave its department codes) with the median
monthly value the same place, department and metric had in `obs` before this load
(activity.plausibility.far_from_history: more than 20 times it, or less than a twentieth). Places
the warehouse has never held cost nothing (a national first load asks no question).
"""

from __future__ import annotations

import duckdb

from activity.catalog import get_metric
from activity.formatting import format_number, period_label
from activity.periods import period_from_range
from activity.plausibility import far_from_history
from etl.load.parse import FileResult, figures_table
from etl.problems import MESSAGES, WARNING, Problem

MESSAGES.update({
    "value_unusual": (
        "Значення {value} для «{metric}» за {period} у {factor} раз(и) відрізняється від звичного для цього "
        "підрозділу ({usual} на місяць). Завантажено; перевірте, чи це не помилка.",
        "The value {value} for '{metric}' in {period} is {factor} times off this department's usual level "
        "({usual} a month). Loaded; check it is not a mistake.",
    ),
})

MONTHS = "greatest(1, round((period_end - period_start + 1) / 30.4375))"


class History:
    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.places = {c for (c,) in con.execute("SELECT DISTINCT city_code FROM obs").fetchall()}

    def check(self, result: FileResult) -> None:
        """Add a warning for each flow of `result` far from its department's history."""
        if not result.departments:
            return
        places = sorted({p for p, _ in result.departments} & self.places)
        if not places:
            return
        usual = {(p, d, m): v for p, d, m, v in self.con.execute(
            f"""SELECT city_code, department_code, metric, median(value / {MONTHS}) FROM obs
                WHERE list_contains(?::VARCHAR[], city_code) AND kind = 'flow' AND breakdown IS NULL
                  AND status = 'reported' AND NOT demo GROUP BY ALL""", [places]).fetchall()}
        if not usual:
            return
        table = result.packed if result.packed is not None else figures_table(result.figures)
        codes = {k: d.code for k, d in result.departments.items()}
        said = 0
        for place, text, metric, start, end, value, locator in zip(
                *(table[c].to_pylist() for c in ("place_code", "department", "metric", "period_start", "period_end",
                                                 "value", "locator")), strict=True):
            median = usual.get((place, codes.get((place, text)), metric))
            months = max(1, round(((end - start).days + 1) / 30.4375))
            if median is None or value is None or not far_from_history(value, months, median):
                continue
            factor = max(value / months / median, median * months / value)
            sheet, _, cell = locator.rpartition("!")
            m = get_metric(metric)
            result.problems.append(Problem(WARNING, "value_unusual", result.name, sheet or None, cell or None, params={
                "value": format_number(value), "metric": m.label_uk, "metric_en": m.label_en,
                "period": period_label(period_from_range(start, end)), "factor": format_number(round(factor)),
                "usual": format_number(round(median, 1))}))
            said += 1
            if said >= 50:
                return
