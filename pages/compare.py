"""Page under construction in this change set."""

import streamlit as st

from activity.i18n import tr

st.title(tr("compare_title", st.session_state.get("lang", "uk")))
