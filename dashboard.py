"""Entry point: page config, the language switch, and navigation. No SQL here."""

import streamlit as st

from activity.warehouse import store

store.check()  # reads the warehouse back on a thread of its own while the imports below run

from activity.i18n import tr  # noqa: E402
from ui.entry import language_switch, mark_routed  # noqa: E402
from ui.health import stop_if_damaged  # noqa: E402

st.set_page_config(page_title="Показники міських рад", page_icon=":material/bar_chart:", layout="wide")

lang = language_switch()

PAGES = [  # (file, title key, icon, url path = the file's stem: see ui/entry.py)
    ("pages/overview.py", "overview_title", ":material/home:", "overview"),
    ("pages/trends.py", "trends_title", ":material/show_chart:", "trends"),
    ("pages/compare.py", "compare_title", ":material/compare_arrows:", "compare"),
    ("pages/civil_society.py", "civil_title", ":material/groups:", "civil_society"),
    ("pages/data.py", "data_title", ":material/table_view:", "data"),
    ("pages/review.py", "review_title", ":material/fact_check:", "review"),
    ("pages/holdings.py", "holdings_title", ":material/inventory_2:", "holdings"),
    ("pages/upload.py", "upload_title", ":material/upload_file:", "upload"),
    ("pages/sources.py", "sources", ":material/source:", "sources"),
    ("pages/quality.py", "quality_title", ":material/rule:", "quality"),
    ("pages/accounts.py", "accounts_title", ":material/manage_accounts:", "accounts"),
]
pages = [
    st.Page(path, title=tr(key, lang), icon=icon, url_path=url, default=i == 0)
    for i, (path, key, icon, url) in enumerate(PAGES)
]
page = st.navigation(pages)
stop_if_damaged(lang)
mark_routed()
page.run()
