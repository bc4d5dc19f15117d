"""Що є у сховищі / What the warehouse holds: figures by city, metric and granularity, and the files."""

import streamlit as st

from activity.formatting import format_number
from activity.i18n import tr, translator
from ui import data
from ui.downloads import download_buttons
from ui.entry import ensure_entry
from ui.export_views import frame_view, holdings_table, holdings_view
from ui.filters import MANY_PLACES, place_picker

T = {
    "empty": (
        "У сховищі ще немає показників. Завантажте таблиці: `python -m etl load ФАЙЛ.xlsx`.",
        "The warehouse holds no figures yet. Load spreadsheets: `python -m etl load FILE.xlsx`.",
    ),
    "n_cities": ("Міст", "Cities"),
    "n_metrics": ("Метрик", "Metrics"),
    "n_sources": ("Джерел", "Sources"),
    "demo_note": (
        "Із них демонстраційних: {n}. Демо-дані згенеровано для показу; їх позначено «демо».",
        "Of these, demo figures: {n}. Demo data is generated for illustration and labelled 'demo'.",
    ),
    "by_metric": ("Показники за містом, метрикою та періодичністю", "Figures by city, metric and granularity"),
    "by_place": ("Показники за містом", "Figures by city"),
    "holdings_many": ("У сховищі {n} міст і громад: тут по рядку на кожне. Оберіть міста нижче, щоб побачити "
                      "їхні показники за відділом, метрикою та періодичністю.",
                      "The warehouse holds {n} cities and hromadas: one row for each here. Choose cities below "
                      "to see their figures by department, metric and granularity."),
    "holdings_pick": ("Міста для докладної таблиці", "Cities for the detailed table"),
    "loaded_files": ("Завантажені файли", "Loaded files"),
    "figures": ("Кількість", "Figures"),
    "first": ("Від", "From"),
    "last": ("До", "To"),
    "loaded_at": ("Завантажено", "Loaded at"),
    "loaded_by": ("Ким", "By"),
}


t = translator(T)

ensure_entry()
lang = st.session_state.get("lang", "uk")
st.title(tr("holdings_title", lang))

if not data.warehouse_exists():
    st.info(tr("no_warehouse", lang))
    st.stop()

totals = data.totals()
if totals["figures"] == 0:
    st.info(t("empty", lang))
    st.stop()

cols = st.columns(4)
cards = {"figures": tr("n_figures", lang), "cities": t("n_cities", lang), "metrics": t("n_metrics", lang),
         "sources": t("n_sources", lang)}
for col, (key, label) in zip(cols, cards.items(), strict=True):
    col.metric(label, format_number(totals[key], lang))
if totals["demo_figures"]:
    st.caption(t("demo_note", lang, n=format_number(totals["demo_figures"], lang)))

hide_demo = st.toggle(tr("hide_demo", lang), key="hide_demo", bind="query-params")

# Up to MANY_PLACES places, one table of every city, department, metric and granularity. Beyond
# (~100 000 such rows nationally, ~200 MB for the server to draw), one row per place, and that
# table for the places chosen.
labels = {"city": tr("city", lang), "department": tr("department", lang), "metric": tr("metric", lang),
          "granularity": tr("granularity", lang), "demo": tr("demo", lang), "figures": t("figures", lang),
          "first_start": t("first", lang), "last_end": t("last", lang)}
column_config = {
    **labels,
    "figures": st.column_config.NumberColumn(labels["figures"], format="localized"),
    "first_start": st.column_config.DateColumn(labels["first_start"], format="DD.MM.YYYY"),
    "last_end": st.column_config.DateColumn(labels["last_end"], format="DD.MM.YYYY"),
}
places = data.places(not hide_demo)
chosen: list[str] | None = None
if len(places) > MANY_PLACES:
    st.subheader(t("by_place", lang))
    st.caption(t("holdings_many", lang, n=format_number(len(places), lang)))
    by_place = places.assign(city=places["city_uk"] if lang == "uk" else places["city"])
    place_labels = {k: labels[k] for k in ("city", "figures", "first_start", "last_end")}
    st.dataframe(by_place[list(place_labels)], hide_index=True,
                 column_config={k: v for k, v in column_config.items() if k in place_labels})
    download_buttons(frame_view(by_place[list(place_labels)], place_labels, title=t("by_place", lang),
                                sheet=tr("holdings_title", lang), lang=lang, include_demo=not hide_demo),
                     key="holdings_places", name=t("by_place", lang), lang=lang)
    chosen = place_picker(places, t("holdings_pick", lang), "holdings_city", lang)

st.subheader(t("by_metric", lang))
if chosen is not None and not chosen:
    st.info(tr("pick_places_hint", lang))
else:
    table = data.holdings(chosen)
    st.dataframe(holdings_table(table, lang, hide_demo), hide_index=True, column_config=column_config)
    download_buttons(holdings_view(labels, title=t("by_metric", lang), sheet=tr("holdings_title", lang), lang=lang,
                                   metrics=list(dict.fromkeys((table[~table["demo"]] if hide_demo else table)["metric"])),
                                   hide_demo=hide_demo, city_codes=chosen),
                     key="holdings", name=t("by_metric", lang), lang=lang)

st.subheader(t("loaded_files", lang))
files = data.sources()
if hide_demo:
    files = files[~files["demo"]]
file_labels = {"name": tr("file", lang), "kind": tr("type", lang), "demo": tr("demo", lang),
               "figures": t("figures", lang), "warnings": tr("n_warnings", lang), "loaded_at": t("loaded_at", lang),
               "loaded_by": t("loaded_by", lang)}
st.dataframe(
    files.drop(columns=["content_hash"]).assign(demo=files["demo"].map({True: tr("yes", lang), False: tr("no", lang)})),
    hide_index=True,
    column_config={
        "name": file_labels["name"],
        "kind": file_labels["kind"],
        "demo": file_labels["demo"],
        "figures": st.column_config.NumberColumn(file_labels["figures"], format="localized"),
        "warnings": file_labels["warnings"],
        "loaded_at": st.column_config.DatetimeColumn(file_labels["loaded_at"], format="DD.MM.YYYY HH:mm"),
        "loaded_by": file_labels["loaded_by"],
    },
)
shown_files = files.assign(demo=files["demo"].map({True: tr("yes", lang), False: tr("no", lang)}))
download_buttons(frame_view(shown_files, file_labels, title=t("loaded_files", lang),
                            sheet=t("loaded_files", lang), lang=lang, include_demo=not hide_demo),
                 key="files", name=t("loaded_files", lang), lang=lang)
