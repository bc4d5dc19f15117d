"""Entry point: page config, the language switch, and navigation. No SQL here."""

import streamlit as st

from activity.i18n import tr
from ui.entry import mark_routed

st.set_page_config(page_title="Показники міських рад", page_icon=":material/bar_chart:", layout="wide")

lang = st.sidebar.radio(
    "Мова / Language", ["uk", "en"], format_func={"uk": "Українська", "en": "English"}.get,
    key="lang", horizontal=True, bind="query-params",
)

PAGES = [  # (file, title key, icon, url path = the file's stem: see ui/entry.py)
    ("pages/overview.py", "overview_title", ":material/home:", "overview"),
    ("pages/trends.py", "trends_title", ":material/show_chart:", "trends"),
    ("pages/compare.py", "compare_title", ":material/compare_arrows:", "compare"),
    ("pages/civil_society.py", "civil_title", ":material/groups:", "civil_society"),
    ("pages/data.py", "data_title", ":material/table_view:", "data"),
    ("pages/holdings.py", "holdings_title", ":material/inventory_2:", "holdings"),
]
pages = [
    st.Page(path, title=tr(key, lang), icon=icon, url_path=url, default=i == 0)
    for i, (path, key, icon, url) in enumerate(PAGES)
]
page = st.navigation(pages)
mark_routed()
page.run()
