"""Stop with a plain message, never a traceback, when the warehouse file is damaged or of an older schema."""

import streamlit as st

from activity.i18n import tr
from activity.warehouse import store
from ui import data


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
        st.error(tr("outdated_warehouse" if outdated else "damaged_warehouse", lang, detail=problem))
        st.stop()
