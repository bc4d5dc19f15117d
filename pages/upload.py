"""Завантаження / Upload: spreadsheets and reports from the browser, previewed, then loaded in one click."""

import streamlit as st

from activity.formatting import format_number
from activity.i18n import tr, translator
from activity.settings import setting
from ui import bridge
from ui import upload as view
from ui.auth import require_login
from ui.entry import ensure_entry

T = {
    "intro": ("Перетягніть сюди одну чи кілька таблиць (.xlsx, .csv, .ods) або звітів (.txt, .docx). Спершу "
              "побачите, що в них знайдено і що зміниться у сховищі; завантаження — однією кнопкою, усе або нічого.",
              "Drop one or more spreadsheets (.xlsx, .csv, .ods) or reports (.txt, .docx) here. First you see what "
              "was found in them and what would change in the warehouse; loading is one click, all or nothing."),
    "limits": ("До {files} файлів за раз, кожен до {mb} МБ. Файли зберігаються під згенерованими назвами лише "
               "на час перевірки.", "Up to {files} files at once, each up to {mb} MB. Files are kept under "
               "generated names only while they are checked."),
    "plan": ("Що зміниться у сховищі", "What would change in the warehouse"),
    "found": ("Знайдені показники: {n}", "Figures found: {n}"),
    "by_period": ("За містом і періодом", "By city and period"), "by_metric": ("За показником", "By metric"),
    "sample": ("Перші {n} показників (з файлом і клітинкою)", "The first {n} figures (with their file and cell)"),
    "problems": ("Помилки й попередження: {e} / {w}", "Errors and warnings: {e} / {w}"),
    "has_errors": ("У файлах є помилки, тож нічого не буде завантажено. Виправте їх (клітинки названо вище) або "
                   "завантажте аркуш для перевірки, виправте і надішліть знову.",
                   "The files have errors, so nothing will be loaded. Fix them (the cells are named above) or "
                   "download the review sheet, fix it and send it again."),
    "unknown": ("Невідомі назви показників записано для розширення каталогу: {words}.",
                "Unknown metric names were recorded to extend the catalog: {words}."),
    "nothing_new": ("Усі файли вже завантажено: нічого не зміниться.", "Every file is already loaded: nothing would change."),
    "loaded": ("Завантажено: нових файлів {added}, замінено {replaced}, без змін {unchanged}; показників {n}.",
               "Loaded: {added} new files, {replaced} replaced, {unchanged} unchanged; {n} figures."),
    "busy": ("Сховище зайняте іншим завантаженням; спробуйте за хвилину. Нічого не змінено.",
             "The warehouse is busy with another load; try again in a minute. Nothing was changed."),
    "damaged": ("Файл сховища пошкоджено ({detail}); нічого не завантажено.",
                "The warehouse file is damaged ({detail}); nothing was loaded."),
    "see_sources": ("Переглянути джерела", "See the sources"),
}

FLASH = "up_flash"


t = translator(T)


ensure_entry()
lang = st.session_state.get("lang", "uk")
st.title(tr("upload_title", lang))
user = require_login(lang)
st.caption(t("intro", lang))
view.template_buttons(lang)

max_mb = -(-setting("MAX_UPLOAD_BYTES") // 1_000_000)
files = st.file_uploader(tr("files", lang), type=[e.lstrip(".") for e in bridge.UPLOAD_EXTS], accept_multiple_files=True,
                         key="up_files", max_upload_size=max_mb,
                         help=t("limits", lang, files=setting("MAX_UPLOAD_FILES"), mb=max_mb))
st.caption(t("limits", lang, files=setting("MAX_UPLOAD_FILES"), mb=max_mb))
if not files:
    st.stop()

results, refused = view.intake(files, lang)
if FLASH in st.session_state:
    st.success(st.session_state.pop(FLASH))
    st.page_link("pages/sources.py", label=t("see_sources", lang), icon=":material/source:")
for problem in refused:
    st.error(problem.render(lang))
if not results:
    st.stop()

st.subheader(t("plan", lang))
plan = view.change_plan(results, lang)
st.dataframe(plan.drop(columns="code"), hide_index=True)

n = sum(len(r.figures) for r in results)
if n:
    st.subheader(t("found", lang, n=format_number(n, lang)))
    by_period, by_metric = view.counts(results, lang)
    left, right = st.columns(2)
    left.caption(t("by_period", lang))
    left.dataframe(by_period, hide_index=True)
    right.caption(t("by_metric", lang))
    right.dataframe(by_metric, hide_index=True)
    sample = view.figures_frame(results, lang, limit=200)
    with st.expander(t("sample", lang, n=format_number(len(sample), lang)), expanded=len(results) == 1):
        st.dataframe(sample, hide_index=True)

errors = sum(len(r.errors) for r in results)
warnings = sum(len(r.warnings) for r in results)
if errors or warnings:
    st.subheader(t("problems", lang, e=errors, w=warnings))
    st.dataframe(view.problems_frame(results, lang), hide_index=True)
words = sorted({p.params.get("found") for r in results for p in r.problems if p.key == "unknown_metric"} - {None})
if words:
    st.caption(t("unknown", lang, words="; ".join(f"«{w}»" for w in words[:20])))

row = st.container(horizontal=True, gap="small")
if errors:
    st.error(t("has_errors", lang))
elif (plan["code"] == "unchanged").all():
    st.info(t("nothing_new", lang))
clicked = row.button(tr("load_into_warehouse", lang), type="primary", disabled=bool(errors or refused), key="up_load",
                     icon=":material/upload:")
with row:
    view.review_button(results, lang)
if clicked:
    try:
        report = bridge.load(results, user=user)
    except bridge.WarehouseBusy:
        st.error(t("busy", lang))
        st.stop()
    except bridge.WarehouseDamaged as exc:
        st.error(t("damaged", lang, detail=exc))
        st.stop()
    done = {a: format_number(report.counts.get(a, 0), lang) for a in ("added", "replaced", "unchanged")}
    st.session_state[FLASH] = t("loaded", lang, n=format_number(report.figures, lang), **done)
    st.rerun()  # the plan above now reads the new warehouse: "unchanged"
