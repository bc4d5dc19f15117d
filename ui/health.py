"""Stop with a plain message, never a traceback, when the warehouse file is damaged."""

import streamlit as st

from activity import data
from activity.i18n import tr


def stop_if_damaged(lang: str) -> None:
    """Checked once per warehouse version (cached), before any page queries the file."""
    detail = data.warehouse_damage()
    if detail:
        st.error(tr("damaged_warehouse", lang, detail=detail))
        st.stop()
