"""Make every page run through dashboard.py, even on a server's very first request.

Streamlit keeps an old mode for apps with a `pages/` folder: until the entry script has called
`st.navigation` once, a request for a page URL (a shared link such as `/trends?city=...`) runs
that page file alone, without the entry's language switch and navigation. `ensure_entry()`,
called first on every page, leaves that mode and reruns, so the entry script runs and routes
to the same page (page hashes come from the URL path, which is the file's stem).
"""

import streamlit as st


def ensure_entry() -> None:
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
