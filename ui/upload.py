"""What the Завантаження / Upload page shows: files checked and parsed once, the figures found, the
problems with their cells, and what loading would change in the warehouse, file by file.

The work itself is in etl (through ui.bridge: early checks, generated names, parsing, the load); this module turns results into the page's tables and keeps them in the session, so a rerun
(a click elsewhere on the page) never parses the same files again.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pandas as pd
import streamlit as st

from activity.catalog import get_metric
from activity.formatting import format_date, format_number, period_label
from activity.i18n import pick, tr, translator
from activity.places import PlaceError, get_place
from ui import data
from ui.bridge import (
    ERROR,
    DepartmentQuestion,
    FileResult,
    Given,
    Problem,
    check_batch,
    parse_uploads,
    remember_unknown_wordings,
    resolve_departments,
    write_review,
)

TEMPLATES = Path(__file__).resolve().parents[1] / "data" / "templates"
STATE = "up_parsed"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

T = {
    "reading": ("Читаю {name} ({i} з {n})…", "Reading {name} ({i} of {n})…"),
    "change": ("Що зміниться", "What changes"), "errors": ("Помилок", "Errors"), "detail": ("Подробиці", "Details"),
    "new": ("новий", "new"), "replaced": ("замінить попередню версію", "replaces the previous version"),
    "rejected": ("не буде завантажено: помилки", "will not load: errors"),
    "same_as": ("такий самий вміст уже є як «{name}»", "the same content is already loaded as '{name}'"),
    "old": ("версія від {when}, показників: {n}, завантажив {who}", "the version of {when}, {n} figures, loaded by {who}"),
    "same_batch": ("повторює інший файл цього завантаження", "repeats another file of this upload"),
    "where": ("Клітинка або речення", "Cell or sentence"), "message": ("Повідомлення", "Message"),
    "template_long": ("Шаблон: довга таблиця (.xlsx)", "Template: long layout (.xlsx)"),
    "template_wide": ("Шаблон: широка таблиця (.xlsx)", "Template: wide layout (.xlsx)"),
    "template_help": ("Порожній шаблон з аркушем «Довідка», що пояснює стовпці.",
                      "An empty template with a 'Довідка' sheet explaining the columns."),
    "dept_head": ("Який це підрозділ?", "Which department is it?"),
    "dept_intro": ("Виберіть підрозділ міста (найближчі за назвою — першими). Написання запам’ятається: наступний "
                   "файл, що так його пише, завантажиться без питань.",
                   "Choose the city's department (the closest names first). The spelling is remembered: the next "
                   "file that writes it so loads without asking."),
    "dept_unknown": ("{city}: «{text}» ({files})", "{city}: '{text}' ({files})"),
    "dept_missing": ("{city}: файл не називає підрозділу ({files})", "{city}: the file names no department ({files})"),
    "dept_none": ("{city}: у реєстрі міста ще немає підрозділів; додайте підрозділ: python -m etl departments add.",
                  "{city}: the city's registry has no departments yet; add one: python -m etl departments add."),
    "dept_many": ("Файли без підрозділу з кількох міст: завантажте їх окремо, по одному місту за раз.",
                  "Files naming no department for several cities: upload them one city at a time."),
    "review": ("Аркуш для перевірки (.xlsx)", "Review sheet (.xlsx)"),
    "review_help": ("Усі знайдені показники в довгому форматі та аркуш «Проблеми» з кожною помилкою і клітинкою: "
                    "виправте й надішліть знову.",
                    "Every figure found in the long layout and a 'Проблеми' sheet with every problem and its cell: "
                    "fix it and send it again."),
}


t = translator(T)


def template_buttons(lang: str) -> None:
    row = st.container(horizontal=True, gap="small", key="up_templates")
    for stem in ("long", "wide"):
        path = TEMPLATES / f"{stem}_template.xlsx"
        if path.exists():
            row.download_button(t(f"template_{stem}", lang), data=path.read_bytes(), file_name=path.name,
                                mime=XLSX_MIME, key=f"up_tpl_{stem}", help=t("template_help", lang),
                                on_click="ignore", icon=":material/description:")


def intake(files: list, lang: str, given: tuple[str | None, int | None] = (None, None)
           ) -> tuple[list[FileResult], list[Problem]]:
    """The uploaded files checked, stored under generated names, parsed (with a progress bar) and
    their unknown metric wordings recorded: once per set of files (and city and year chosen for files
    naming none: ui.upload_context), then kept in the session."""
    batch = [(f.name, f.getvalue()) for f in files]
    key = hashlib.sha256(repr([given, *((n, hashlib.sha256(b).hexdigest()) for n, b in batch)]).encode()).hexdigest()
    cached = st.session_state.get(STATE)
    if cached and cached[0] == key:
        return cached[1], cached[2]
    accepted, refused = check_batch(batch)
    bar = st.progress(0.0) if accepted else None

    def progress(i: int, n: int, name: str) -> None:
        if bar is not None and i < n:
            bar.progress(i / n, text=t("reading", lang, name=name, i=i + 1, n=n))

    results = parse_uploads(accepted, progress=progress, given=Given(*given) if any(given) else None)
    resolve_departments(results)
    if bar is not None:
        bar.empty()
    remember_unknown_wordings(results)  # only a note for the catalog: never in the way of the upload
    st.session_state[STATE] = (key, results, refused)
    return results, refused


def reread(files: list, lang: str) -> tuple[list[FileResult], list[Problem]]:
    """The files parsed again, after people taught the registry or the metric wordings."""
    st.session_state.pop(STATE, None)
    return intake(files, lang)


def change_plan(results: list[FileResult], lang: str) -> pd.DataFrame:
    """One row per file: figures, warnings, errors and what loading it would change, as the loader
    decides it (same content anywhere: unchanged; same name: replaced; else new); `code` is
    new, replaced, unchanged or rejected."""
    names, hashes = [r.name for r in results], [r.content_hash for r in results]
    loaded = data.sources_matching(names, hashes) if data.warehouse_exists() else pd.DataFrame(
        columns=["name", "content_hash", "figures", "loaded_at", "loaded_by"])
    by_hash = dict(zip(loaded["content_hash"], loaded["name"], strict=True))
    by_name = {r.name: r for r in loaded.itertuples()}
    rows, seen = [], set()
    changes = {"new": t("new", lang), "replaced": t("replaced", lang), "unchanged": tr("unchanged", lang),
               "rejected": t("rejected", lang)}
    for r in results:
        if r.errors:
            code, detail = "rejected", ""
        elif r.content_hash in seen:
            code, detail = "unchanged", t("same_batch", lang)
        elif r.content_hash in by_hash:
            code, detail = "unchanged", t("same_as", lang, name=by_hash[r.content_hash])
        elif r.name in by_name:
            old = by_name[r.name]
            code, detail = "replaced", t("old", lang, when=format_date(pd.Timestamp(old.loaded_at).date(), lang),
                                          n=format_number(old.figures, lang), who=old.loaded_by or "?")
        else:
            code, detail = "new", ""
        seen.add(r.content_hash)
        rows.append({tr("file", lang): r.name, t("change", lang): changes[code],
                     tr("n_figures", lang): len(r.figures), tr("n_warnings", lang): len(r.warnings),
                     t("errors", lang): len(r.errors), t("detail", lang): detail, "code": code})
    return pd.DataFrame(rows)


def figures_frame(results: list[FileResult], lang: str, limit: int | None = None) -> pd.DataFrame:
    """The figures found, one row each, with the file and the cell (or sentence) they came from, and
    the department: the registered one the file's text was read as, else the text as written."""
    rows = []
    for r in results:
        resolved = r.departments or {}
        for f in r.figures:
            if limit is not None and len(rows) >= limit:
                break
            d = resolved.get((f.place_code, f.department))
            rows.append({
                tr("file", lang): r.name, tr("city", lang): _city(f.place_code, lang),
                tr("department", lang): d.label(lang) if d is not None else f.department,
                tr("period", lang): period_label(f.period, lang), tr("metric", lang): get_metric(f.metric).label(lang),
                tr("value", lang): "н/з" if f.status != "reported" else format_number(f.value, lang),
                tr("as_of", lang): format_date(f.as_of, lang) if f.as_of else "",
                t("where", lang): f.locator,
            })
    return pd.DataFrame(rows)


def _city(code: str, lang: str) -> str:
    try:
        place = get_place(code)
    except PlaceError:
        return code
    return pick(place.name_uk, place.name_en, lang)


def department_choices(questions: list[DepartmentQuestion], lang: str) -> tuple[dict[int, str], bool]:
    """A choice of the city's department for each question (bridge.department_questions), the
    closest first: {question's index: department code}, and whether every question can be answered
    in one load (a file naming no department: one city at a time)."""
    st.subheader(t("dept_head", lang))
    st.caption(t("dept_intro", lang))
    answers: dict[int, str] = {}
    for i, q in enumerate(questions):
        files = ", ".join(q.files)
        if not q.choices:
            st.warning(t("dept_none", lang, city=_city(q.place, lang)))
            continue
        label = t("dept_unknown", lang, city=_city(q.place, lang), text=q.text, files=files) if q.text else \
            t("dept_missing", lang, city=_city(q.place, lang), files=files)
        names = {d.code: d.label(lang) for d in q.choices}
        key = "up_dept_" + hashlib.sha256(f"{q.place}|{q.text}".encode()).hexdigest()[:12]
        answers[i] = st.selectbox(label, list(names), format_func=lambda c, names=names: names[c], key=key)
    missing = {q.place for q in questions if not q.text}
    if len(missing) > 1:
        st.warning(t("dept_many", lang))
    return answers, len(answers) == len(questions) and len(missing) <= 1


def counts(results: list[FileResult], lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """How many figures by city and period, and by metric."""
    keys = [(_city(f.place_code, lang), f.period.start, period_label(f.period, lang), get_metric(f.metric).label(lang))
            for r in results for f in r.figures]
    frame = pd.DataFrame(keys, columns=["city", "start", "period", "metric"])
    n = tr("n_figures", lang)
    by_period = (frame.groupby(["city", "start", "period"]).size().reset_index(name=n).drop(columns="start")
                 .rename(columns={"city": tr("city", lang), "period": tr("period", lang)}))
    by_metric = (frame.groupby("metric").size().reset_index(name=n).sort_values(n, ascending=False)
                 .rename(columns={"metric": tr("metric", lang)}))
    return by_period, by_metric


def problems_frame(results: list[FileResult], lang: str) -> pd.DataFrame:
    """Every error and warning, errors first, with its file and sheet!cell (or line)."""
    problems = [p for r in results for p in r.problems]
    problems.sort(key=lambda p: p.severity != ERROR)
    return pd.DataFrame([{
        tr("file", lang): p.file, t("where", lang): p.locator or "",
        tr("kind", lang): tr("error" if p.severity == ERROR else "warning", lang),
        t("message", lang): p.message(lang),
    } for p in problems])


def review_button(results: list[FileResult], lang: str) -> None:
    """The review workbook of these results, built when the button is clicked."""

    def build() -> bytes:
        buffer = io.BytesIO()
        write_review(results, buffer)
        return buffer.getvalue()

    st.download_button(t("review", lang), data=build, file_name="перевірка.xlsx", mime=XLSX_MIME,
                       key="up_review", help=t("review_help", lang), on_click="ignore", icon=":material/rule:")
