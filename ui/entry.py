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

from ui.auth import guard_public

_run = threading.local()  # one script run executes on one thread
_left_old_mode = False  # once per process: a server never re-enters the old mode by itself


def language_switch() -> str:
    """The language radio at the top of the sidebar, kept in the URL; returns "uk" or "en"."""
    return st.sidebar.radio(
        "Мова / Language", ["uk", "en"], format_func={"uk": "Українська", "en": "English"}.get,
        key="lang", horizontal=True, bind="query-params",
    )


def mark_routed() -> None:
    _run.routed = True


def ensure_entry() -> None:
    routed = getattr(_run, "routed", False)
    _run.routed = False
    if not routed:
        _leave_old_mode()
    guard_public(st.session_state.get("lang", "uk"))  # locked when secrets say `[auth] protect_all = true`


def _leave_old_mode() -> None:
    from streamlit.runtime.pages_manager import PagesManager

    global _left_old_mode
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        if not _left_old_mode:  # (Streamlit's AppTest sets the old mode again before every run)
            _left_old_mode = True
            st.rerun()
    # A run without the entry (only Streamlit's AppTest does this after the first): its switch here.
    lang = language_switch()
    from ui.health import stop_if_damaged

    stop_if_damaged(lang)
