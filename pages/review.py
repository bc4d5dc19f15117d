"""Перевірка звіту / Review a report: the figures read from a narrative report, checked by a person, then loaded."""

import tempfile
from pathlib import Path

import streamlit as st

from activity.catalog import METRICS, get_metric
from activity.formatting import format_number
from activity.i18n import pick, tr, translator
from ui import bridge, upload_context
from ui.auth import require_login
from ui.entry import ensure_entry
from ui.review import editable_table, highlighted, problems_in, to_result
from ui.upload import department_choices

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
T = {
    "intro": ("Завантажте звіт (.txt, .docx, .doc, .pdf, збережену сторінку .html), вставте його текст чи візьміть "
              "приклад: показники буде знайдено в тексті. "
              "Перевірте кожен, виправте або зніміть позначку, тоді завантажте у сховище.",
              "Upload a report (.txt, .docx, .doc, .pdf, a saved .html page), paste its text or take the example: "
              "its figures are read from the text. "
              "Check each one, correct it or untick it, then load it into the warehouse."),
    "upload": ("Файл звіту", "Report file"), "sample": ("Приклад", "Example"), "paste": ("Вставити текст", "Paste text"),
    "pasted": ("Текст звіту (з заголовком: «Звіт … відділу … за … року»)",
               "The report's text (with its title: «Звіт … відділу … за … року»)"),
    "who": ("**{city}** · {dept} · **{period}** · знайдено показників: {n}",
            "**{city}** · {dept} · **{period}** · figures found: {n}"),
    "keep": ("Включити", "Keep"), "confidence": ("Впевненість", "Confidence"),
    "sentences": ("Речення з позначеними числами", "Sentences with the numbers marked"),
    "fix": ("Рядок {row}: {what}.", "Row {row}: {what}."),
    "loaded": ("Завантажено: {n} показників ({action}).", "Loaded: {n} figures ({action})."),
    "demo": ("Приклад завантажується як демо-дані.", "The example is loaded as demo data."),
    "which_city": ("Місто або громада звіту", "The report's city or hromada"),
    "read_again": ("Прочитати з цим містом", "Read with this city"),
    "added": ("новий звіт", "a new report"), "unchanged": ("без змін: уже завантажено", "unchanged: already loaded"),
    "remember_place": ("Запам’ятати: «{name}» — це {city}", "Remember: '{name}' is {city}"),
    "remembered_place": ("Запам’ятали: «{name}» — це {city}.", "Remembered: '{name}' is {city}."),
}


t = translator(T)
CITY = "rv_city"  # the city chosen for reports that name none, kept for the session


ensure_entry()
lang = st.session_state.get("lang", "uk")
st.title(tr("review_title", lang))
user = require_login(lang)
st.caption(t("intro", lang))

samples = sorted(SAMPLES.glob("*.txt"))
choice = st.radio(tr("report", lang), ["upload", "paste", "sample"], horizontal=True, key="rv_source",
                  format_func=lambda c: t(c, lang))
if choice == "upload":
    upload = st.file_uploader(t("upload", lang), type=[e.lstrip(".") for e in sorted(bridge.REPORT_EXTS)],
                              key="rv_file")
    if upload is None:
        st.stop()
    raw, name = upload.getvalue(), bridge.safe_display_name(upload.name)
elif choice == "paste":
    pasted = st.text_area(t("pasted", lang), key="rv_text", height=300)
    if not pasted.strip():
        st.stop()
    raw, name = pasted.encode("utf-8"), bridge.pasted_name(pasted)
else:
    sample = st.selectbox(t("sample", lang), samples, format_func=lambda p: p.name, key="rv_sample")
    raw, name = sample.read_bytes(), sample.name

with tempfile.TemporaryDirectory() as tmp:  # stored under a made-up name, never the browser's
    path = Path(tmp) / ("report" + Path(name).suffix.lower())
    path.write_bytes(raw)
    chosen_city = st.session_state.get(CITY)
    report = bridge.extract_report(path, name, given=bridge.Given(chosen_city) if chosen_city else None)

ASKED = ("report_no_city", "report_city", "report_city_given", "report_no_department")  # answered below
for p in report.problems:  # what is asked below is a question, not yet a fault
    (st.error if p.severity == "error" and p.key not in ASKED else st.warning)(p.message(lang))
if any(p.key in ASKED[:3] for p in report.problems) or chosen_city:
    labels = upload_context.place_labels(lang)
    codes = list(labels)
    box = st.container(horizontal=True, gap="small", vertical_alignment="bottom")
    city = box.selectbox(t("which_city", lang), codes, index=codes.index(chosen_city) if chosen_city in labels else None,
                         format_func=labels.__getitem__, placeholder=upload_context.t("city_placeholder", lang), key="rv_city_pick")
    if box.button(t("read_again", lang), key="rv_city_go", icon=":material/refresh:", disabled=city is None):
        st.session_state[CITY] = city
        st.rerun()
if any(p.severity == "error" and p.key not in ASKED for p in report.problems) or report.place is None \
        or any(p.key == "report_city_given" for p in report.problems):
    st.stop()
st.markdown(t("who", lang, city=pick(report.place.name_uk, report.place.name_en, lang),
              dept=report.department or "—", period=report.period_label, n=len(report.figures)))

edited = st.data_editor(
    editable_table(report), key=f"rv_table_{name}", hide_index=True, num_rows="fixed",
    disabled=["confidence", "sentence"],
    column_config={
        "keep": st.column_config.CheckboxColumn(t("keep", lang)),
        "metric": st.column_config.SelectboxColumn(tr("metric", lang), options=list(METRICS), required=True,
                                                   format_func=lambda c: get_metric(c).label(lang)),
        "value": st.column_config.NumberColumn(tr("value", lang), min_value=0, step=1, format="localized"),
        "approximate": st.column_config.CheckboxColumn(tr("approx_mark", lang)),
        "as_of": st.column_config.DateColumn(tr("as_of", lang), format="DD.MM.YYYY"),
        "breakdown": st.column_config.TextColumn(tr("breakdown", lang)),
        "confidence": st.column_config.ProgressColumn(t("confidence", lang), min_value=0, max_value=1, format="%.2f"),
        "sentence": st.column_config.TextColumn(tr("sentence", lang), width="large"),
    },
)

with st.expander(t("sentences", lang)):
    for f in report.figures:
        st.markdown(f"**{get_metric(f.code).short(lang)}** — {highlighted(f.sentence, f.at, f.value)}")

fixes = problems_in(edited)
for row, uk, en in fixes:
    st.error(t("fix", lang, row=row, what=pick(uk, en, lang)))
result = to_result(report, edited, raw)
bridge.resolve_departments([result])  # which registered department the title names, if any
questions = bridge.department_questions([result])
answers, answerable = department_choices(questions, lang) if questions else ({}, True)
shared_name = report.shared_name if chosen_city else ""  # a name several places share, told apart by hand
remember = bool(shared_name) and st.checkbox(
    t("remember_place", lang, name=shared_name, city=pick(report.place.name_uk, report.place.name_en, lang)),
    value=True, key="rv_remember_place")
if choice == "sample":
    st.caption(t("demo", lang))
if st.button(tr("load_into_warehouse", lang), type="primary", disabled=bool(fixes) or not answerable, key="rv_load"):
    department = None
    try:
        for i, q in enumerate(questions):  # a department written another way is remembered; none named: this one
            if q.text:
                bridge.remember_department(q.text, answers[i], user)
            else:
                department = answers[i]
        bridge.resolve_departments([result], department)  # read again with the answers
        bridge.load([result], demo=choice == "sample", user=user, department=department)
        if remember and result.action != "rejected":
            bridge.remember_place(shared_name, report.place.code, user)
            st.info(t("remembered_place", lang, name=shared_name, city=pick(report.place.name_uk, report.place.name_en, lang)))
    except bridge.RegistryError as exc:
        st.error(exc.message(lang))
        st.stop()
    except bridge.WarehouseBusy:
        st.error(tr("busy", lang))
        st.stop()
    if result.action == "rejected":  # e.g. a department the registry does not know: said, nothing stored
        for p in result.errors:
            st.error(p.message(lang))
        st.stop()
    actions = {"added": t("added", lang), "replaced": tr("replaced_previous", lang), "unchanged": t("unchanged", lang)}
    st.success(t("loaded", lang, n=format_number(len(result.figures), lang), action=actions[result.action]))
