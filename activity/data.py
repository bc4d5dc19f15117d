"""The app's data module: cached calls to activity.queries, invalidated when the warehouse changes."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from activity import queries, store


def warehouse_exists() -> bool:
    return store.db_path().exists()


@st.cache_data(show_spinner=False, max_entries=64)
def _cached(name: str, version: str, *args: object) -> object:
    return getattr(queries, name)(*args)


def _call(name: str, *args: object):
    return _cached(name, store.version(), *args)


def holdings() -> pd.DataFrame:
    return _call("holdings")


def sources() -> pd.DataFrame:
    return _call("sources")


def totals() -> dict:
    return _call("totals")
