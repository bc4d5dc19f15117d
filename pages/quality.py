"""Якість даних / Data quality: totals that disagree with their months, figures given twice, unknown
metric names seen in uploads, and months not reported."""

import streamlit as st

from activity import quality
from activity.formatting import format_number
from activity.i18n import tr, translator
from ui import data
from ui.downloads import download_buttons
from ui.entry import ensure_entry
from ui.export_views import frame_view
from ui.filters import MANY_PLACES, place_picker
from ui.quality import (
    disagreements_table,
    duplicates_table,
    gaps_table,
    remembered_table,
    wordings_table,
)

T = {
    "intro": ("Де дані суперечать самі собі або мають прогалини. Кожне число названо з його джерелом "
              "(файл і аркуш!клітинка або звіт і речення).",
              "Where the data contradicts itself or has gaps. Every figure is named with its source "
              "(file and sheet!cell, or report and sentence)."),
    "totals": ("Підсумки, що не збігаються з місяцями: {n}", "Totals that disagree with their months: {n}"),
    "totals_note": ("Квартальний, піврічний чи річний показник проти суми місячних того самого міста, підрозділу й "
                    "показника: коли подано всі місяці, а сума інша, або коли частина місяців уже більша за підсумок.",
                    "A quarterly, half-yearly or annual figure against the sum of the monthly ones of the same city, "
                    "department and metric: when every month is there and the sum differs, or when some months "
                    "already add up to more than the total."),
    "dups": ("Однакові показники з кількох джерел: {n}", "The same figure from several sources: {n}"),
    "dups_note": ("У сховищі показано одне значення: справжні дані мають перевагу над демо, далі — новіше джерело.",
                  "The warehouse shows one value: real data before demo, then the most recent source."),
    "words": ("Невідомі назви показників у завантаженнях: {n}", "Unknown metric names in uploads: {n}"),
    "words_note": ("Щоб такі файли завантажувалися, зіставте назву з показником на сторінці завантаження або "
                   "командою python -m etl wordings add, або додайте її до activity/metrics.toml (wordings).",
                   "For such files to load, map the wording to a metric on the upload page or with python -m etl "
                   "wordings add, or add it to activity/metrics.toml (wordings)."),
    "mapped": ("Назви показників, зіставлені людьми: {n}", "Metric wordings mapped by people: {n}"),
    "mapped_note": ("Файли з цими назвами завантажуються як зазначені показники (python -m etl wordings list, "
                    "remove — щоб забути).",
                    "Files with these wordings load as the metrics given (python -m etl wordings list; remove "
                    "forgets one)."),
    "gaps": ("Неподані місяці: {n}", "Months not reported: {n}"),
    "gaps_note": ("Місяці між першим і останнім показником міста, яких не покриває жоден показник (місячний чи "
                  "довшого періоду). Лише потоки: залишок (наприклад, кількість організацій) стоїть до наступної дати.",
                  "Months between a city's first and last figure that no figure covers (monthly or a longer period). "
                  "Flows only: a stock (such as organisations registered) stands until its next date."),
    "monthly_only": ("Лише показники, які місто подає щомісяця", "Only metrics the city reports by month"),
    "many": ("У сховищі {n} міст і громад: підсумки, повтори й прогалини перевіряються для обраних.",
             "The warehouse holds {n} places: totals, repeats and gaps are checked for the ones chosen."),
    "pick": ("Міста для перевірки", "Places to check"),
    "none": ("Нічого не знайдено.", "Nothing found."),
}


t = translator(T)


def section(title: str, note: str, table, key: str) -> None:
    st.subheader(title)
    st.caption(note)
    if table.empty:
        st.success(t("none", lang))
        return
    st.dataframe(table, hide_index=True)
    download_buttons(frame_view(table, {c: c for c in table.columns}, title=title, sheet=title.split(":")[0], lang=lang,
                                include_demo=include_demo), key=f"q_{key}", name=title.split(":")[0], lang=lang)


ensure_entry()
lang = st.session_state.get("lang", "uk")
st.title(tr("quality_title", lang))
if not data.warehouse_exists():
    st.info(tr("no_warehouse", lang))
    st.stop()
st.caption(t("intro", lang))
include_demo = not st.toggle(tr("hide_demo", lang), key="hide_demo", bind="query-params")

places = data.places(include_demo)
chosen: list[str] | None = None  # every place
if len(places) > MANY_PLACES:
    st.caption(t("many", lang, n=format_number(len(places), lang)))
    chosen = place_picker(places, t("pick", lang), "quality_city", lang)
    if not chosen:
        st.info(tr("pick_places_hint", lang))
checks = chosen is None or bool(chosen)  # every place, or those chosen

if checks:
    totals = quality.disagreements(data.totals_against_months(include_demo, chosen))
    section(t("totals", lang, n=format_number(len(totals), lang)), t("totals_note", lang),
            disagreements_table(totals, lang), "totals")
    dups = quality.duplicate_groups(data.duplicate_figures(include_demo, chosen))
    section(t("dups", lang, n=format_number(len(dups), lang)), t("dups_note", lang), duplicates_table(dups, lang),
            "dups")

words = quality.with_suggestions(data.unknown_wordings())
section(t("words", lang, n=format_number(len(words), lang)), t("words_note", lang), wordings_table(words, lang), "words")
mapped = data.remembered_wordings()
section(t("mapped", lang, n=format_number(len(mapped), lang)), t("mapped_note", lang), remembered_table(mapped, lang),
        "mapped")

if checks:
    monthly_only = st.toggle(t("monthly_only", lang), value=True, key="q_monthly")
    gaps = quality.gap_table(data.months_not_reported(include_demo, chosen), lang, monthly_only)
    section(t("gaps", lang, n=format_number(int(gaps["n"].sum()) if len(gaps) else 0, lang)), t("gaps_note", lang),
            gaps_table(gaps, lang), "gaps")
