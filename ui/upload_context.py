"""The upload page's question for files that name no city or year: a choice of the city (the
codifier's cities and hromadas) and a year, remembered for the session, with which the files are
checked again (what `python -m etl load --city … --year …` does on the command line).

A file that names another city or year than the one chosen stays an error naming its cell
(etl.sheets.layouts): the choice fills a gap, it never overrides what a file says.
"""

from __future__ import annotations

import datetime

import streamlit as st

from activity.i18n import pick, translator
from activity.places import all_places

STATE = "up_given"  # (place code or None, year or None), kept for the session
ASKED = ("missing_context", "context_given_conflict", "report_no_city", "report_city_given")  # what this answers
_WHAT = {"місто": "city", "рік": "year", "рік або періоди стовпців": "year"}

T = {
    "head": ("Яке місто і рік?", "Which city and year?"),
    "intro": ("Файл не називає міста чи року (ні в заголовку, ні біля таблиці, ні в назві аркуша чи файлу). "
              "Виберіть їх — файли буде перевірено ще раз. Файл, що називає інше місто чи рік, лишиться з помилкою.",
              "A file names no city or year (not in a title, beside the table, or in the sheet or file name). Choose "
              "them and the files are checked again. A file naming another city or year stays an error."),
    "city": ("Місто або громада", "City or hromada"),
    "city_placeholder": ("Почніть вводити назву…", "Start typing a name…"),
    "year": ("Рік", "Year"),
    "recheck": ("Перевірити ще раз", "Check again"),
    "clear": ("Скинути вибір", "Clear the choice"),
    "hromada": ("громада", "hromada"),
    "chosen": ("Для файлів без міста чи року вибрано: {what}.", "Chosen for files naming no city or year: {what}."),
}

t = translator(T)


def given() -> tuple[str | None, int | None]:
    """The city (a place code) and year chosen in this session, (None, None) before any choice."""
    return st.session_state.get(STATE, (None, None))


def missing(results) -> set[str]:
    """What the checked files lack: "city", "year" (from their missing_context problems)."""
    return {_WHAT[p.params.get("what")] for r in results for p in r.errors
            if p.key == "missing_context" and p.params.get("what") in _WHAT} | (
        {"city"} if any(p.key == "report_no_city" for r in results for p in r.errors) else set())


@st.cache_data(show_spinner=False)
def place_labels(lang: str) -> dict[str, str]:
    """Every city (first) and hromada of the codifier with its oblast, by name."""
    places = sorted(all_places(), key=lambda p: (p.level == "H", p.name_uk))
    hromada = f" ({t('hromada', lang)})"
    return {p.code: pick(p.name_uk, p.name_en, lang) + (hromada if p.level == "H" else "")
            + (f", {p.oblast_uk}" if p.oblast_uk else "") for p in places}


def ask(results, lang: str) -> None:
    """When a file lacks its city or year (or disagrees with the choice made), ask for them; a click
    stores the answer for the session and reruns the page, which checks the files again with it."""
    lacking = missing(results)
    chosen_city, chosen_year = given()
    conflict = any(p.key in ("context_given_conflict", "report_city_given") for r in results for p in r.errors)
    if not lacking and not conflict and chosen_city is None and chosen_year is None:
        return
    st.subheader(t("head", lang))
    if lacking or conflict:
        st.caption(t("intro", lang))
    labels = place_labels(lang)
    box = st.container(horizontal=True, gap="small", vertical_alignment="bottom")
    codes = list(labels)
    city = box.selectbox(t("city", lang), codes, index=codes.index(chosen_city) if chosen_city in labels else None,
                         format_func=labels.__getitem__, placeholder=t("city_placeholder", lang), key="up_given_city")
    year = box.number_input(t("year", lang), min_value=1990, max_value=2100, step=1, key="up_given_year",
                            value=chosen_year or datetime.date.today().year - 1)
    if box.button(t("recheck", lang), key="up_given_go", icon=":material/refresh:"):
        st.session_state[STATE] = (city, int(year) if "year" in lacking or chosen_year else None)
        st.rerun()
    if (chosen_city or chosen_year) and box.button(t("clear", lang), key="up_given_clear"):
        st.session_state.pop(STATE, None)
        st.rerun()
    if chosen_city or chosen_year:
        what = ", ".join(x for x in (labels.get(chosen_city or ""), str(chosen_year or "")) if x)
        st.caption(t("chosen", lang, what=what))
