"""Make every page run through dashboard.py, even on a server's very first request.

Streamlit keeps an old mode for apps with a `pages/` folder: until the entry script has called
`st.navigation` once, a request for a page URL (a shared link such as `/trends?gran=рік`) runs
that page file alone, without the entry's language switch and navigation. dashboard.py calls
`mark_routed()` just before it runs the chosen page; `ensure_entry()`, called first on every page,
sees when a run did not come through the entry, leaves the old mode and reruns, so the entry runs
and routes to the same page (page hashes come from the URL path, which is the file's stem).
"""

import threading

import streamlit as st

_run = threading.local()  # one script run executes on one thread


def mark_routed() -> None:
    _run.routed = True


def ensure_entry() -> None:
    routed = getattr(_run, "routed", False)
    _run.routed = False
    if routed:
        return
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
