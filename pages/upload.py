"""Завантаження / Upload: spreadsheets and reports from the browser, previewed, then loaded in one click.

A department the city's registry does not know (or a file naming none where the city has several)
is answered here: a choice of the city's departments, remembered ("Запам’ятати й завантажити"),
then the files are read again against the registry and loaded.
"""

import streamlit as st

from activity.formatting import format_number
from activity.i18n import tr, translator
from activity.settings import setting
from ui import bridge, upload_context, upload_wordings
from ui import upload as view
from ui.auth import require_login
from ui.entry import ensure_entry

T = {
    "intro": ("Перетягніть сюди одну чи кілька таблиць (.xlsx, .xls, .csv, .ods) або звітів (.txt, .docx, .doc, .pdf, "
              ".html). Спершу "
              "побачите, що в них знайдено і що зміниться у сховищі; завантаження — однією кнопкою, усе або нічого.",
              "Drop one or more spreadsheets (.xlsx, .xls, .csv, .ods) or reports (.txt, .docx, .doc, .pdf, .html) "
              "here. First you see what "
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
    "choose_departments": ("Виберіть підрозділи нижче й натисніть «Запам’ятати й завантажити».",
                           "Choose the departments below and press 'Remember and load'."),
    "remember": ("Запам’ятати й завантажити", "Remember and load"),
    "remember_help": ("Запам’ятовує вибрані підрозділи для цих написань (або для файлу без підрозділу) і "
                      "завантажує файли.",
                      "Remembers the departments chosen for these spellings (or for the file naming none) and "
                      "loads the files."),
    "remembered": ("Запам’ятано: {items}.", "Remembered: {items}."),
    "still_errors": ("Підрозділи вибрано, але у файлах лишилися помилки; нічого не завантажено.",
                     "The departments are chosen, but the files still have errors; nothing was loaded."),
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

results, refused = view.intake(files, lang, upload_context.given())
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

upload_context.ask(results, lang)  # a file naming no city or year: choose them, check again
metric_action = upload_wordings.choices(results, lang, blocked=bool(refused))
questions = bridge.department_questions(results) if errors else []
other_errors = sum(1 for r in results for p in r.errors if p.key not in bridge.ASKED)
if questions and not other_errors:
    answers, answerable = view.department_choices(questions, lang)
else:
    answers, answerable = {}, False

row = st.container(horizontal=True, gap="small")
if errors and (other_errors or not questions):
    st.error(t("has_errors", lang))
elif errors:
    st.info(t("choose_departments", lang))
elif (plan["code"] == "unchanged").all():
    st.info(t("nothing_new", lang))
clicked = row.button(tr("load_into_warehouse", lang), type="primary", disabled=bool(errors or refused), key="up_load",
                     icon=":material/upload:")
remember = row.button(t("remember", lang), type="primary", disabled=not answerable or bool(refused), key="up_remember",
                      help=t("remember_help", lang), icon=":material/bookmark_add:") if questions else False
with row:
    view.review_button(results, lang)


def load_now(department: str | None = None, note: str = "") -> None:
    """Load the files (all or nothing), then rerun with what was done as the page's message."""
    try:
        report = bridge.load(results, user=user, department=department)
    except bridge.WarehouseBusy:
        st.error(t("busy", lang))
        st.stop()
    except bridge.WarehouseDamaged as exc:
        st.error(t("damaged", lang, detail=exc))
        st.stop()
    if not report.loaded:
        st.error(t("still_errors", lang))
        st.stop()
    done = {a: format_number(report.counts.get(a, 0), lang) for a in ("added", "replaced", "unchanged")}
    st.session_state[FLASH] = " ".join(filter(None, [note, t("loaded", lang, n=format_number(report.figures, lang),
                                                                **done)]))
    st.rerun()  # the plan above now reads the new warehouse: "unchanged"


if clicked:
    load_now()
if metric_action:
    results, note = upload_wordings.act(metric_action, results, files, user, lang, view.reread)
    load_now(note=note)
if remember:
    items, department = [], None
    try:
        for i, q in enumerate(questions):
            if q.text:
                d = bridge.remember_department(q.text, answers[i], user)
                items.append(f"«{q.text}» → «{d.label(lang)}»")
            else:
                department = answers[i]
    except bridge.RegistryError as exc:
        st.error(exc.message(lang))
        st.stop()
    except bridge.WarehouseBusy:
        st.error(t("busy", lang))
        st.stop()
    bridge.resolve_departments(results, department)  # read again against the registry as taught
    if any(r.errors for r in results):
        st.error(t("still_errors", lang))
        st.stop()
    load_now(department, t("remembered", lang, items="; ".join(items)) if items else "")
