"""The upload page's answer to unknown metric names: for each wording the catalog does not know, a
choice of metric (the closest first, then every metric by its label); "Запам’ятати і завантажити"
remembers the choices as the signed-in user (etl.load.wordings, through ui.bridge) and reads the files
again; "Завантажити без невідомих рядків" loads the rest of the files, the rows left out named with
their cells (and noted for the Data quality page, as every unknown wording is).
"""

from __future__ import annotations

import hashlib

import streamlit as st

from activity.catalog import METRICS
from activity.i18n import translator
from activity.wordings import resolve_metric
from ui import bridge

UNKNOWN = "unknown_metric"

T = {
    "head": ("Які це показники?", "Which metrics are these?"),
    "intro": ("Виберіть показник для кожної невідомої назви (найближчі — першими). Вибір запам’ятається: наступні "
              "файли з такою назвою завантажаться без питань. Або завантажте файли без цих рядків.",
              "Choose the metric of each unknown name (the closest first). The choice is remembered: the next files "
              "that use the name load without asking. Or load the files without these rows."),
    "choice": ("«{wording}» ({files})", "'{wording}' ({files})"),
    "remember": ("Запам’ятати і завантажити", "Remember and load"),
    "remember_help": ("Запам’ятовує вибрані показники для цих назв, перечитує файли й завантажує їх.",
                      "Remembers the metrics chosen for these names, reads the files again and loads them."),
    "skip": ("Завантажити без невідомих рядків", "Load without the unknown rows"),
    "skip_help": ("Завантажує решту файлів; пропущені рядки названо з їхніми клітинками.",
                  "Loads the rest of the files; the rows left out are named with their cells."),
    "remembered": ("Запам’ятано назви показників: {items}.", "Metric names remembered: {items}."),
    "skipped": ("Пропущено рядків з невідомими показниками: {n}.", "Rows with unknown metrics left out: {n}."),
    "still": ("Назви показників запам’ятано, але у файлах лишилися помилки; нічого не завантажено.",
              "The metric names are remembered, but the files still have errors; nothing was loaded."),
}
t = translator(T)


def unknown_wordings(results) -> dict[str, list[str]]:
    """Each unknown metric wording of the results with the files that write it, in order."""
    out: dict[str, list[str]] = {}
    for r in results:
        for p in r.problems:
            wording = p.params.get("found")
            if p.key == UNKNOWN and wording:
                files = out.setdefault(str(wording), [])
                if r.name not in files:
                    files.append(r.name)
    return out


def _options(wording: str) -> list[str]:
    """Metric codes: the closest to the wording first, then every metric by its Ukrainian label."""
    close = [m.code for m in resolve_metric(wording).suggestions]
    rest = sorted((c for c in METRICS if c not in close), key=lambda c: METRICS[c].label_uk.lower())
    return close + rest


def choices(results, lang: str, *, blocked: bool) -> tuple[str, dict[str, str]] | None:
    """Draw the choices when the files have unknown metric names; what was asked for: ("remember",
    {wording: code}) or ("skip", {}) when a button was clicked, else None. `blocked`: the files
    cannot load for another reason (the buttons are off)."""
    words = unknown_wordings(results)
    if not words:
        return None
    st.subheader(t("head", lang))
    st.caption(t("intro", lang))
    answers: dict[str, str] = {}
    for wording, files in words.items():
        key = "up_metric_" + hashlib.sha256(wording.encode()).hexdigest()[:12]
        answers[wording] = st.selectbox(t("choice", lang, wording=wording, files=", ".join(files)), _options(wording),
                                        format_func=lambda c: f"{METRICS[c].label(lang)} ({c})", key=key)
    others = any(p.key != UNKNOWN for r in results for p in r.errors)
    row = st.container(horizontal=True, gap="small")
    remember = row.button(t("remember", lang), type="primary", key="up_metric_remember", disabled=blocked or others,
                          help=t("remember_help", lang), icon=":material/bookmark_add:")
    skip = row.button(t("skip", lang), key="up_skip_unknown", disabled=blocked or others, help=t("skip_help", lang),
                      icon=":material/playlist_remove:")
    if remember:
        return "remember", answers
    if skip:
        return "skip", {}
    return None


def act(action: tuple[str, dict[str, str]], results, files, user: str, lang: str, reread):
    """Do what `choices` asked: remember the wordings (as `user`) and read the files again with
    `reread(files, lang)`, or leave the unknown rows out. Returns the results to load and a note."""
    kind, answers = action
    if kind == "skip":
        n = bridge.skip_unknown_rows(results)
        return results, t("skipped", lang, n=n)
    done = []
    for wording, code in answers.items():
        try:
            metric = bridge.remember_wording(wording, code, user)
        except bridge.WordingError as exc:
            st.error(exc.message(lang))
            st.stop()
        done.append(f"«{wording}» → «{metric.label(lang)}»")
    results = reread(files, lang)[0]
    if any(r.errors for r in results):
        st.error(t("still", lang))
        st.stop()
    return results, t("remembered", lang, items="; ".join(done))
