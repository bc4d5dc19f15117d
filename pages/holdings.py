"""Що є у сховищі / What the warehouse holds: figures by city, metric and granularity, and the files."""

import streamlit as st

from activity.formatting import format_number
from activity.i18n import tr
from ui import data
from ui.downloads import download_buttons
from ui.entry import ensure_entry
from ui.export_views import frame_view, holdings_table, holdings_view
from ui.filters import MANY_PLACES, place_picker

ensure_entry()
lang = st.session_state.get("lang", "uk")
st.title(tr("holdings_title", lang))

if not data.warehouse_exists():
    st.info(tr("no_warehouse", lang))
    st.stop()

totals = data.totals()
if totals["figures"] == 0:
    st.info(tr("empty", lang))
    st.stop()

cols = st.columns(4)
for col, key in zip(cols, ("figures", "cities", "metrics", "sources"), strict=True):
    col.metric(tr(key, lang), format_number(totals[key], lang))
if totals["demo_figures"]:
    st.caption(tr("demo_note", lang, n=format_number(totals["demo_figures"], lang)))

hide_demo = st.toggle(tr("hide_demo", lang), key="hide_demo", bind="query-params")

# Up to MANY_PLACES places, one table of every city, department, metric and granularity. Beyond
# (~100 000 such rows nationally, ~200 MB for the server to draw), one row per place, and that
# table for the places chosen.
HEADERS = {"city": "city", "department": "department", "metric": "metric", "granularity": "granularity",
           "demo": "demo", "figures": "figures", "first_start": "first", "last_end": "last"}  # column: i18n key
labels = {k: tr(f"col_{c}", lang) for k, c in HEADERS.items()}
column_config = {
    **labels,
    "figures": st.column_config.NumberColumn(labels["figures"], format="localized"),
    "first_start": st.column_config.DateColumn(labels["first_start"], format="DD.MM.YYYY"),
    "last_end": st.column_config.DateColumn(labels["last_end"], format="DD.MM.YYYY"),
}
places = data.places(not hide_demo)
chosen: list[str] | None = None
if len(places) > MANY_PLACES:
    st.subheader(tr("by_place", lang))
    st.caption(tr("holdings_many", lang, n=format_number(len(places), lang)))
    by_place = places.assign(city=places["city_uk"] if lang == "uk" else places["city"])
    place_labels = {k: labels[k] for k in ("city", "figures", "first_start", "last_end")}
    st.dataframe(by_place[list(place_labels)], hide_index=True,
                 column_config={k: v for k, v in column_config.items() if k in place_labels})
    download_buttons(frame_view(by_place[list(place_labels)], place_labels, title=tr("by_place", lang),
                                sheet=tr("holdings_title", lang), lang=lang, include_demo=not hide_demo),
                     key="holdings_places", name=tr("by_place", lang), lang=lang)
    chosen = place_picker(places, tr("holdings_pick", lang), "holdings_city", lang)

st.subheader(tr("by_metric", lang))
if chosen is not None and not chosen:
    st.info(tr("pick_places_hint", lang))
else:
    table = data.holdings(chosen)
    st.dataframe(holdings_table(table, lang, hide_demo), hide_index=True, column_config=column_config)
    download_buttons(holdings_view(labels, title=tr("by_metric", lang), sheet=tr("holdings_title", lang), lang=lang,
                                   metrics=list(dict.fromkeys((table[~table["demo"]] if hide_demo else table)["metric"])),
                                   hide_demo=hide_demo, city_codes=chosen),
                     key="holdings", name=tr("by_metric", lang), lang=lang)

st.subheader(tr("loaded_files", lang))
files = data.sources()
if hide_demo:
    files = files[~files["demo"]]
st.dataframe(
    files.drop(columns=["content_hash"]).assign(demo=files["demo"].map({True: tr("yes", lang), False: tr("no", lang)})),
    hide_index=True,
    column_config={
        "name": tr("col_name", lang),
        "kind": tr("col_kind", lang),
        "demo": tr("col_demo", lang),
        "figures": st.column_config.NumberColumn(tr("col_figures", lang), format="localized"),
        "warnings": tr("col_warnings", lang),
        "loaded_at": st.column_config.DatetimeColumn(tr("col_loaded_at", lang), format="DD.MM.YYYY HH:mm"),
        "loaded_by": tr("col_loaded_by", lang),
    },
)
columns = ("name", "kind", "demo", "figures", "warnings", "loaded_at", "loaded_by")
shown_files = files.assign(demo=files["demo"].map({True: tr("yes", lang), False: tr("no", lang)}))
download_buttons(frame_view(shown_files, {c: tr(f"col_{c}", lang) for c in columns}, title=tr("loaded_files", lang),
                            sheet=tr("loaded_files", lang), lang=lang, include_demo=not hide_demo),
                 key="files", name=tr("loaded_files", lang), lang=lang)
