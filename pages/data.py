"""Дані / Data: every figure behind the charts, filterable and paged, each traced to its file and cell."""

import pandas as pd
import streamlit as st

from activity.catalog import get_metric
from activity.formatting import format_date, format_number, period_label
from activity.i18n import plural, span_label, tr, translator
from activity.periods import period_from_range
from ui import data
from ui.downloads import download_buttons
from ui.export_views import data_view
from ui.filters import department_names, department_picker, sidebar

PAGE_SIZE = 200
T = {
    "intro": (
        "Усі показники сховища за фільтрами, по {n} на сторінці. Для кожного — файл-джерело та клітинка "
        "(аркуш!клітинка), звідки його взято. «≈» — приблизне значення; порожнє значення — «не застосовується».",
        "Every figure in the warehouse for the filters, {n} per page, each with its source file and the "
        "cell (sheet!cell) it came from. '≈' marks an approximate value; a blank value is 'not applicable'.",
    ),
    "all_metrics": ("Порожній список показників — усі показники.", "An empty metric list means all metrics."),
    "found": ("Знайдено {n} {word}", "{n} {word} found"),
    "page": ("Сторінка", "Page"),
    "page_of": ("Сторінка {page} з {pages} · рядки {first}–{last} · {span}",
                "Page {page} of {pages} · rows {first}–{last} · {span}"),
    "figure_one": ("показник", "figure"),
    "figure_few": ("показники", "figures"),
    "figure_many": ("показників", "figures"),
    "status": ("Статус", "Status"),
    "locator_help": ("Аркуш!клітинка у файлі-джерелі", "Sheet!cell in the source file"),
    "approximate_help": ("Приблизне значення («близько 320»)", "Approximate value ('about 320')"),
    "flow": ("потік", "flow"),
    "stock": ("залишок", "stock"),
    "reported": ("подано", "reported"),
    "not_applicable": ("не застосовується", "not applicable"),
}


t = translator(T)


def figures_word(n: int, lang: str) -> str:
    return t(f"figure_{plural(n, lang)}", lang)


def labels(lang: str) -> dict[str, str]:
    """The columns' headers, in the order shown, and the names of kinds and statuses."""
    return {"city": tr("city", lang), "metric": tr("metric", lang), "period": tr("period", lang),
            "value": tr("value", lang), "approximate": tr("approx_mark", lang), "as_of": tr("as_of", lang),
            "source": tr("source", lang), "locator": tr("cell", lang), "kind": tr("kind", lang),
            "status": t("status", lang), "demo": tr("demo", lang), "breakdown": tr("breakdown", lang),
            "department": tr("department", lang), **{k: t(k, lang) for k in ("flow", "stock", "reported", "not_applicable")}}


def table(rows: pd.DataFrame, lang: str, departments: dict[str, str] | None = None) -> pd.DataFrame:
    """The page of observations with readable, formatted columns under localised headers; each
    department by its name in `departments` (by code; else its Ukrainian name)."""
    departments = departments or {}
    dates = zip(rows["period_start"], rows["period_end"], strict=True)
    yes_no, names = {True: tr("yes", lang), False: tr("no", lang)}, labels(lang)
    columns = {  # what, when, how much and where it came from first; the long department name last
        "city": rows["city_uk" if lang == "uk" else "city"],
        "metric": rows["metric"].map(lambda c: get_metric(c).label(lang)),
        "period": [period_label(period_from_range(pd.Timestamp(s).date(), pd.Timestamp(e).date()), lang)
                   for s, e in dates],
        "value": ["" if status != "reported" else format_number(v, lang)
                  for v, status in zip(rows["value"], rows["status"], strict=True)],
        "approximate": rows["approximate"].map({True: "≈", False: ""}),
        "as_of": ["" if pd.isna(d) else format_date(pd.Timestamp(d).date(), lang) for d in rows["as_of"]],
        "source": rows["source"],
        "locator": rows["locator"],
        "kind": rows["kind"].map(lambda k: names[k]),
        "status": rows["status"].map(lambda s: names.get(s, s)),
        "demo": rows["demo"].map(yes_no),
        "breakdown": rows["breakdown"].fillna(""),
        "department": [departments.get(c, d) for c, d in zip(rows["department_code"], rows["department"], strict=True)],
    }
    return pd.DataFrame({names[k]: list(v) for k, v in columns.items()})


f = sidebar(cities="many", metrics="many", period=True)
lang = f.lang
st.sidebar.caption(t("all_metrics", lang))
depts = department_picker(f.cities, f.include_demo, lang, key="data_dept") or None  # none chosen: every department
st.title(tr("data_title", lang))
st.caption(t("intro", lang, n=PAGE_SIZE))

if not f.cities:
    st.info(tr("pick_city", lang))
    st.stop()
if f.start is None:
    st.info(tr("nothing_for_filters", lang))
    st.stop()

metrics = f.metrics or None  # none chosen: every metric
_, total = data.data_rows(f.cities, metrics, f.start, f.end, f.include_demo, limit=0, department_codes=depts)
left, right = st.columns([4, 1], vertical_alignment="bottom")
left.markdown(f"**{t('found', lang, n=format_number(total, lang), word=figures_word(total, lang))}**")
if total == 0:
    st.info(tr("nothing_for_filters", lang))
    st.stop()

pages = -(-total // PAGE_SIZE)
if int(st.session_state.get("page") or 1) > pages:
    st.session_state["page"] = pages  # the filters changed under a later page
page = int(right.number_input(t("page", lang), min_value=1, max_value=pages, step=1, key="page"))
rows, _ = data.data_rows(f.cities, metrics, f.start, f.end, f.include_demo, limit=PAGE_SIZE,
                         offset=(page - 1) * PAGE_SIZE, department_codes=depts)
first = (page - 1) * PAGE_SIZE + 1
left.caption(t("page_of", lang, page=page, pages=pages, first=format_number(first, lang),
             last=format_number(first + len(rows) - 1, lang), span=span_label(f.start, f.end, lang)))

names = labels(lang)
dept_names = department_names(data.department_list(f.cities, f.include_demo), lang)
st.dataframe(
    table(rows, lang, dept_names),
    hide_index=True,
    height="auto" if len(rows) <= 15 else 560,  # no empty grid under a short result
    column_config={
        names["metric"]: st.column_config.TextColumn(width="medium"),
        names["value"]: st.column_config.TextColumn(alignment="right"),
        names["approximate"]: st.column_config.TextColumn(help=t("approximate_help", lang)),
        names["locator"]: st.column_config.TextColumn(help=t("locator_help", lang)),
    },
)
title = f"{tr('data_title', lang)}: {span_label(f.start, f.end, lang)}"
download_buttons(data_view(f, metrics, total, lambda k: names[k], title, depts, dept_names), key="data", name=title,
                 lang=lang)
