"""The Джерела / Sources page's tables: the loaded files and reports, and the load history."""

from __future__ import annotations

import pandas as pd

from activity.formatting import format_number
from activity.i18n import tr, translator

HASH_CHARS = 12  # enough to tell versions apart at a glance; the whole hash is in the export

T = {
    "hash": ("Вміст (SHA-256)", "Content (SHA-256)"), "loaded_by": ("Завантажив", "Loaded by"),
    "state": ("Стан", "State"),
    "active": ("діє", "in use"), "replaced": ("замінено версією {by} від {when}", "replaced by version {by} of {when}"), "removed": ("вилучено", "removed"),
    "action": ("Дія", "Action"), "superseded": ("Що замінено", "What it superseded"),
    "replaced_action": ("замінено", "replaced"),
    "department_added": ("зареєстровано підрозділ", "department registered"),
    "alias_added": ("запам’ятано назву підрозділу", "department spelling remembered"),
    "old": ("версія {hash} від {when} ({n} показн.)", "version {hash} of {when} ({n} figures)"),
}


t = translator(T)


def _when(value: object, lang: str) -> str:
    if value is None or pd.isna(value):
        return ""
    return pd.Timestamp(value).strftime("%d.%m.%Y %H:%M" if lang == "uk" else "%Y-%m-%d %H:%M")


def sources_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Rows of `queries.source_list` as shown: short hash, who and when, counts, demo, state."""
    yes_no = {True: tr("yes", lang), False: tr("no", lang)}
    states = [t(s, lang) if s != "replaced" else t("replaced", lang, by=str(by)[:HASH_CHARS], when=_when(at, lang))
              for s, by, at in zip(frame["state"], frame["superseded_by"], frame["superseded_at"], strict=True)]
    return pd.DataFrame({
        tr("file_or_report", lang): frame["name"], tr("type", lang): frame["kind"],
        t("hash", lang): frame["content_hash"].str[:HASH_CHARS],
        t("loaded_by", lang): frame["loaded_by"].fillna(""),
        tr("when", lang): [_when(v, lang) for v in frame["loaded_at"]],
        tr("n_figures", lang): frame["figures"].astype(int), tr("n_warnings", lang): frame["warnings"].astype(int),
        tr("demo", lang): frame["demo"].map(yes_no), t("state", lang): states,
    })


def history_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Rows of `queries.load_history` as shown, each replacement with the version it superseded."""
    actions = {"added": tr("added", lang), "unchanged": tr("unchanged", lang), "replaced": t("replaced_action", lang),
               "removed": t("removed", lang), "department_added": t("department_added", lang),
               "alias_added": t("alias_added", lang)}
    superseded = [
        t("old", lang, hash=str(h)[:HASH_CHARS], when=_when(w, lang), n=format_number(int(n), lang))
        if isinstance(h, str) else ""
        for h, w, n in zip(frame["replaced_hash"], frame["replaced_loaded_at"], frame["replaced_figures"].fillna(0),
                           strict=True)
    ]
    return pd.DataFrame({
        tr("when", lang): [_when(v, lang) for v in frame["logged_at"]],
        t("action", lang): [actions.get(a, a) for a in frame["action"]],
        tr("file_or_report", lang): frame["source_name"], t("hash", lang): frame["content_hash"].str[:HASH_CHARS],
        tr("n_figures", lang): frame["figures"].fillna(0).astype(int),
        tr("n_warnings", lang): frame["warnings"].fillna(0).astype(int),
        t("loaded_by", lang): frame["loaded_by"].fillna(""), t("superseded", lang): superseded,
    })
