"""Entry point: page config, the language switch, and navigation. No SQL here."""

import streamlit as st

from activity.i18n import tr

st.set_page_config(page_title="Показники міських рад", page_icon="📊", layout="wide")

lang = st.sidebar.radio(
    "Мова / Language", ["uk", "en"], format_func={"uk": "Українська", "en": "English"}.get,
    key="lang", horizontal=True, bind="query-params",
)

pages = [
    st.Page("pages/holdings.py", title=tr("holdings_title", lang), icon="🗂️", url_path="holdings", default=True),
]
st.navigation(pages).run()
