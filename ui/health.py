"""Stop with a plain message, never a traceback, when the warehouse file is damaged or of an older schema."""

import streamlit as st

from activity.i18n import translator
from activity.warehouse import store
from ui import data

T = {
    "damaged_warehouse": (
        "Файл сховища пошкоджено, тож показати дані неможливо ({detail}). Відновіть попередню версію: "
        "скопіюйте `warehouse.duckdb.previous` (або свою резервну копію) на місце `warehouse.duckdb`; "
        "або перебудуйте: `python -m etl build --fresh` і знову `python -m etl load` ваших файлів.",
        "The warehouse file is damaged, so nothing can be shown ({detail}). Restore the previous version: "
        "copy `warehouse.duckdb.previous` (or your own backup) over `warehouse.duckdb`; or rebuild: "
        "`python -m etl build --fresh`, then `python -m etl load` your files again.",
    ),
    "outdated_warehouse": (
        "Сховище створене старішою версією програми ({detail}), тож показати дані неможливо. Перебудуйте "
        "його: `python -m etl build --fresh`, тоді знову `python -m etl load` ваших файлів.",
        "The warehouse was written by an older version of the app ({detail}), so nothing can be shown. "
        "Rebuild it: `python -m etl build --fresh`, then `python -m etl load` your files again.",
    ),
}


t = translator(T)


def stop_if_damaged(lang: str) -> None:
    """Checked once per warehouse version (on a thread of its own), before any page queries the file."""
    if data.warehouse_check_pending():
        # The check reads the whole file (about a second at national scale). Meanwhile do what the
        # first chart of this process would do anyway: Plotly loads its figure classes on first use.
        from ui.charts import warm_up

        warm_up()
    problem = data.warehouse_problem()
    if problem is not None:
        outdated = isinstance(problem, store.WarehouseOutdated)
        st.error(t("outdated_warehouse" if outdated else "damaged_warehouse", lang, detail=problem))
        st.stop()
