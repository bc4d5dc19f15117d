"""Джерела / Sources: every loaded file or report, who loaded it and when; replace or remove one; the load history."""

import streamlit as st

from activity.formatting import format_number
from activity.i18n import tr, translator
from ui import bridge, data
from ui.auth import require_login
from ui.downloads import download_buttons
from ui.entry import ensure_entry
from ui.export_views import frame_view
from ui.sources import history_table, sources_table

T = {
    "intro": ("Кожен завантажений файл чи звіт: його вміст (перші знаки хешу SHA-256), хто й коли завантажив, "
              "скільки показників і попереджень. Нова версія файлу з тією самою назвою замінює попередню.",
              "Every loaded file or report: its content (the first characters of its SHA-256 hash), who loaded it "
              "and when, how many figures and warnings. A new version of a file under the same name replaces it."),
    "all": ("Показати також замінені й вилучені", "Also show replaced and removed ones"),
    "edit": ("Замінити або вилучити", "Replace or remove"),
    "replace": ("Замінити: завантажте нову версію з тією самою назвою", "Replace: upload a new version under the same name"),
    "confirm": ("Так, вилучити «{name}» і всі його показники ({n}) зі сховища",
                "Yes, remove '{name}' and all its figures ({n}) from the warehouse"),
    "remove": ("Вилучити джерело", "Remove the source"),
    "removed": ("Вилучено «{name}»: показників {n}. Запис про це є в історії.",
                "Removed '{name}': {n} figures. The history records it."),
    "gone": ("Джерела «{name}» уже немає серед діючих.", "'{name}' is no longer among the sources in use."),
    "damaged": ("Файл сховища пошкоджено: {detail}", "The warehouse file is damaged: {detail}"),
    "history": ("Історія завантажень", "Load history"),
    "history_note": ("Останні {n} записів, новіші вгорі; для заміни — яку версію вона замінила.",
                     "The latest {n} entries, newest first; for a replacement, the version it superseded."),
    "none": ("Джерел ще немає: завантажте файли на сторінці «Завантаження».", "No sources yet: upload files on the Upload page."),
}
FLASH = "src_flash"


t = translator(T)


def remove(name: str, user: str, lang: str) -> None:
    """The confirmed removal (a button callback: it may reset the confirmation box)."""
    try:
        n = bridge.remove(name, user)
        st.session_state[FLASH] = ("success", t("removed", lang, name=name, n=format_number(n, lang)))
    except bridge.SourceNotFound:
        st.session_state[FLASH] = ("warning", t("gone", lang, name=name))
    except bridge.WarehouseBusy:
        st.session_state[FLASH] = ("error", tr("busy", lang))
    except bridge.WarehouseDamaged as exc:
        st.session_state[FLASH] = ("error", t("damaged", lang, detail=exc))
    st.session_state["src_confirm"] = False


ensure_entry()
lang = st.session_state.get("lang", "uk")
st.title(tr("sources", lang))
user = require_login(lang)
st.caption(t("intro", lang))
if FLASH in st.session_state:
    kind, message = st.session_state.pop(FLASH)
    getattr(st, kind)(message)
if not data.warehouse_exists():
    st.info(t("none", lang))
    st.stop()

show_all = st.toggle(t("all", lang), key="src_all")
frame = data.source_list(show_all)
shown = sources_table(frame, lang)
st.dataframe(shown, hide_index=True)
download_buttons(frame_view(shown.assign(**{shown.columns[2]: frame["content_hash"]}), {c: c for c in shown.columns},
                            title=tr("sources", lang), sheet=tr("sources", lang), lang=lang),
                 key="sources", name=tr("sources", lang), lang=lang)

active = frame[frame["state"] == "active"]
if active.empty:
    st.info(t("none", lang))
else:
    st.subheader(t("edit", lang))
    names = active["name"].tolist()
    name = st.selectbox(tr("source", lang), names, key="src_pick")
    figures = int(active.loc[active["name"] == name, "figures"].iloc[0])
    st.page_link("pages/upload.py", label=t("replace", lang), icon=":material/upload_file:")
    confirmed = st.checkbox(t("confirm", lang, name=name, n=format_number(figures, lang)), key="src_confirm")
    st.button(t("remove", lang), type="primary", disabled=not confirmed, key="src_remove", icon=":material/delete:",
              on_click=remove, args=(name, user, lang))

st.subheader(t("history", lang))
history = history_table(data.load_history(500), lang)
st.caption(t("history_note", lang, n=format_number(len(history), lang)))
st.dataframe(history, hide_index=True)
download_buttons(frame_view(history, {c: c for c in history.columns}, title=t("history", lang),
                            sheet=t("history", lang), lang=lang), key="history", name=t("history", lang), lang=lang)
