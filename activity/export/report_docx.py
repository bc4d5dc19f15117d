"""The department's report, written: a Word document of a city's (and department's) figures for a
month, quarter or year, as an official would send it to the council.

The values are the report workbook's (`activity.series.period_value`): a flow of the period (or
the months inside it added up, the months without figures named: "за лютий дані не подано"); a
stock as the level standing at the period's end, with its date ("станом на 01.04.2021
зареєстровано 97 осередків політичних партій"), only when that level was reported within the
period. The text:

* a title with the department's canonical name, its council and the period, in the words the
  project's report reader looks for ("Звіт про роботу відділу … Ніжинської міської ради за березень
  2021 року");
* a section per topic (the catalog's categories), one sentence per figure (`report_words`), with
  the change against the previous period and the same period a year before in percent or words,
  never as a second number; nothing for what was not reported; a reported zero in words;
* a table of all figures, and the sources (the files the figures came from).

English (``lang="en"``) writes the same report with the catalog's English labels. A template
(.docx) lends its styles, page set-up and letterhead (its header); the shipped one is
`data/report/report_template.docx` (`data/make_templates.py`).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from activity.catalog import CATEGORIES, METRICS
from activity.declension import city_case_forms
from activity.export.report_book import ReportEmpty
from activity.export.report_book import t as book_t
from activity.formatting import format_date, format_number, format_percent, period_label
from activity.i18n import pick, tr, translator
from activity.identity import standing_day
from activity.months import MONTH_NAMES_EN, MONTH_NAMES_UK
from activity.morph import analyzer
from activity.periods import Period, previous_period, same_period_last_year
from activity.places import PlaceError, get_place, resolve_place, transliterate
from activity.series import change, period_figures, period_value
from activity.settings import ROOT
from activity.warehouse import queries

from .report_words import agree_group, figure_sentence

TEMPLATE = ROOT / "data" / "report" / "report_template.docx"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

T = {  # (uk, en)
    "title": ("Звіт про роботу {dept} {council} за {period}", "Report on the work of the {dept}, {council}, for {period}"),
    "all_departments": ("виконавчих органів", "executive bodies"),
    "council": ("{name} {kind} ради", "{name} {kind}"),
    "town": ("міської", "City Council"),
    "village": ("сільської", "council"),
    "with_oblast": ("{council} {oblast} області", "{council}, {oblast} oblast"),
    "of_year": ("{what} {year} року", "{what} {year}"),
    "and": (" та ", " and "),
    "code": ("Код за КАТОТТГ: {code}.", "КАТОТТГ code: {code}."),
    "intro": ("У звіті наведено показники роботи за {period}, подані до сховища даних, і їх зміну порівняно з "
              "попереднім періодом та тим самим періодом попереднього року.",
              "The report gives the figures for {period} held in the data warehouse and their change against the "
              "previous period and the same period a year before."),
    "missing": ("За {months} дані не подано.", "No figures were submitted for {months}."),
    "table": ("Показники за {period}", "Figures for {period}"),
    "partial": ("за {months} дані не подано", "no figures for {months}"),
    "sources": ("Джерела даних", "Sources"),
    "demo": ("демонстраційні дані", "demo data"),
    "more": ("на {p} більше, ніж {when}", "{p} more than {when}"),
    "less": ("на {p} менше, ніж {when}", "{p} less than {when}"),
    "same": ("стільки ж, скільки {when}", "the same as {when}"),
    "nearly": ("майже стільки ж, скільки {when}", "nearly the same as {when}"),
    "for": ("за {p}", "in {p}"),
    "on": ("на {d}", "on {d}"),
    "none": ("не надходили", "none"),
}

t = translator(T)


@dataclass
class Item:
    """One figure of the report."""

    code: str
    kind: str
    value: float
    as_of: date | None
    approximate: bool
    missing: list[tuple[int, int]]  # months of the period without a figure (flows)
    compared: list[tuple[str, float | None, date | None]]  # (period key, percent change, a level's date)
    sources: list[tuple[str, bool]] = field(default_factory=list)  # (file, demo)


@dataclass
class Report:
    city: str
    city_uk: str
    city_en: str
    department: str  # canonical name, or "" for all of the city's departments
    department_en: str
    period: Period
    items: list[Item]
    missing: list[tuple[int, int]]  # months of the period with no figure at all


def _period_words(p: Period, lang: str) -> str:
    """ "березень 2021 року", "І квартал 2021 року", "2021 рік" (after "за"); "March 2021"."""
    if p.granularity == "month":
        month = pick(MONTH_NAMES_UK[p.start.month - 1], MONTH_NAMES_EN[p.start.month - 1], lang)
        return t("of_year", lang, what=month, year=p.start.year)
    if p.granularity == "year":
        return period_label(p, lang)
    return t("of_year", lang, what=period_label(p, lang).rsplit(" ", 1)[0], year=p.start.year)


def _month_list(months: list[tuple[int, int]], lang: str, year: bool) -> str:
    """ "лютий", "лютий та березень 2021 року" (``year``: the year once when all months share it)."""
    names = [pick(MONTH_NAMES_UK[m - 1], MONTH_NAMES_EN[m - 1], lang) for _, m in months]
    years = sorted({y for y, _ in months})
    if year and len(years) > 1:
        names = [f"{name} {y}" for name, (y, _) in zip(names, months, strict=True)]
    text = names[0] if len(names) == 1 else ", ".join(names[:-1]) + t("and", lang) + names[-1]
    return t("of_year", lang, what=text, year=years[0]) if year and len(years) == 1 else text


def _covered(rows: list[dict]) -> set[tuple[int, int]]:
    out: set[tuple[int, int]] = set()
    for r in rows:
        d = r["period_start"].replace(day=1)
        while d <= r["period_end"]:
            out.add((d.year, d.month))
            d = (d + timedelta(days=32)).replace(day=1)
    return out


def report_data(city: str, period: Period, department: str | None = None, *, include_demo: bool = True,
                lang: str = "uk") -> Report:
    """The figures of the report (ReportEmpty when there are none)."""
    prev, ago = previous_period(period), same_period_last_year(period)
    compared = [prev] if ago == prev else [prev, ago]
    depts = [department] if department else None
    obs = queries.observations_for([city], list(METRICS), min(p.start for p in compared), period.end,
                                   include_demo=include_demo, departments=depts)
    place = get_place(city)
    items, seen = [], set()
    by_metric = {code: rows for code, rows in obs.groupby("metric")} if len(obs) else {}
    for m in (m for m in METRICS.values() if m.code in by_metric):
        mine = by_metric[m.code]
        now = period_value(mine, city, m.code, m.kind, period)
        if now is None or (m.kind == "stock" and not period.start < now["as_of"] <= standing_day(period.end)):
            continue
        rows = period_figures(mine, city, m.code, m.kind, period)
        missing = [] if m.kind == "stock" else [x for x in period.months if x not in _covered(rows)]
        seen |= set(period.months) - set(missing) if m.kind == "flow" else set()
        cmp = []
        for p in compared:
            before = period_value(mine, city, m.code, m.kind, p)
            if before is None or (m.kind == "stock" and before["as_of"] == now["as_of"]):
                continue
            if not (now["complete"] and before["complete"]):  # a part of a period is no match for a whole
                continue
            cmp.append((p.key, change(now["value"], before["value"])[1], before["as_of"]))
        items.append(Item(m.code, m.kind, now["value"], now["as_of"], bool(now["approximate"]), missing, cmp,
                          sorted({(r["source"], bool(r["demo"])) for r in rows})))
    if not items:
        raise ReportEmpty(book_t("empty", lang, city=pick(place.name_uk, place.name_en, lang),
                                 period=period_label(period, lang)))
    names = queries.department_list([city], include_demo)  # the one named, or the city's only one
    row = names[names["department"] == department] if department else names if len(names) == 1 else names[:0]
    department, dept_en = (row["department"].iloc[0], row["department_en"].iloc[0] or "") if len(row) else ("", "")
    flows_reported = any(i.kind == "flow" for i in items)
    return Report(city, place.name_uk, place.name_en, department, dept_en, period, items,
                  [x for x in period.months if x not in seen] if flows_reported and period.n_months > 1 else [])


def _genitive_department(name: str) -> str:
    """ "відділ освіти" → "відділу освіти", "загальний відділ" → "загального відділу": the words up to
    the first noun in the genitive (the rest already is)."""
    words = name.split()
    for k, word in enumerate(words):
        if any(p.tag.POS == "NOUN" for p in analyzer().parse(word.lower())):
            try:
                head = agree_group(" ".join(w.lower() for w in words[:k + 1]), "gent", "sing").split()
            except ValueError:
                return name
            head[-1] = _institution_genitive(word.lower(), head[-1])
            return " ".join([*head, *words[k + 1:]])
    return name


def _institution_genitive(noun: str, form: str) -> str:
    """An institution's genitive in -у where the dictionary also has it: "центру", "сектору"."""
    if not form.endswith("а"):
        return form
    for p in analyzer().parse(noun):
        if p.tag.POS == "NOUN" and "masc" in p.tag and "inan" in p.tag:
            other = [f.word for f in p.lexeme if f.tag.case == "gent" and f.tag.number != "plur" and f.word.endswith("у")]
            if other:
                return other[0]
    return form


def _council(city: str, lang: str) -> str:
    """ "Ніжинської міської ради" / "Nizhyn City Council" (a hromada's: "… сільської ради", "… hromada
    council"); the oblast after it when the name alone is shared by several hromadas ("Павлівської
    сільської ради Запорізької області"), so that a reader (and etl.reports) knows which."""
    place = get_place(city)
    hromada = get_place(place.hromada_code) if place.hromada_code and place.hromada_code != city else place
    adjective = _genitive_adjective(hromada.name_uk if hromada.level == "H" else place.name_uk)
    kind = "town" if place.level in ("M", "K") else "village"
    name = t("council", lang, name=pick(adjective, place.name_en, lang), kind=t(kind, lang))
    if _shared(t("council", "uk", name=adjective, kind=t(kind, "uk"))) and " " not in place.oblast_uk:
        oblast = pick(_genitive_adjective(place.oblast_uk), transliterate(place.oblast_uk), lang)
        name = t("with_oblast", lang, council=name, oblast=oblast)  # not for "Автономна Республіка Крим"
    return name


def _shared(council: str) -> bool:
    """Whether a council's name is shared by several hromadas (the codifier cannot tell which)."""
    try:
        resolve_place(council)
    except PlaceError:
        return True
    return False


def _needs_code(city: str) -> bool:
    """Whether the council's name, with its oblast, is still shared by several hromadas."""
    return _shared(_council(city, "uk"))


def _genitive_adjective(adjective: str) -> str:
    """ "Ніжинська" → "Ніжинської", "Усть-Чорнянська" → "Усть-Чорнянської" (only the last part declines)."""
    head, _, last = adjective.rpartition("-")
    forms = city_case_forms(last)["gen"]  # likeliest first
    return (f"{head}-" if head else "") + (forms[0] if forms else last)


def _comparison(item: Item, lang: str, report: Report) -> str:
    """ "(на 12 % більше, ніж за лютий 2021 року; …)": the change in percent, never the other value."""
    parts = []
    for key, pct, as_of in item.compared:
        p = next(x for x in (previous_period(report.period), same_period_last_year(report.period)) if x.key == key)
        when = t("on", lang, d=format_date(as_of, lang)) if as_of else t("for", lang, p=_period_words(p, lang))
        if pct is None:  # the other value was zero: no percentage to give
            continue
        if abs(pct) < 0.05:
            parts.append(t("same" if pct == 0 else "nearly", lang, when=when))
        else:
            shown = format_percent(abs(pct), lang).lstrip("+")
            parts.append(t("more" if pct > 0 else "less", lang, p=shown, when=when))
    return f" ({'; '.join(parts)})" if parts else ""


def _sentence(item: Item, report: Report, lang: str) -> str:
    tail = _comparison(item, lang, report)
    extra = [x for x in item.missing if x not in report.missing]  # the report's own gaps are said once
    if extra and item.value:
        tail = tail[:-1] + "; " if tail else " ("
        tail += t("partial", lang, months=_month_list(extra, lang, False)) + ")"
    as_of = format_date(item.as_of, lang) if item.as_of else None
    if lang == "uk":
        return figure_sentence(item.code, round(item.value), approximate=item.approximate, as_of=as_of, tail=tail)
    label = METRICS[item.code].label("en")
    value = ("about " if item.approximate else "") + format_number(item.value, "en") if item.value else t("none", lang)
    lead = f"As of {as_of}, " if as_of else ""
    if lead and label[1:2].islower():  # "As of …, political-party cells …", but "NGOs" stays
        label = label[:1].lower() + label[1:]
    return f"{lead}{label}: {value}{tail}."


def _table_label(code: str, lang: str) -> str:
    """The catalog's short label (a full one with brackets and clauses reads worse in a table row),
    the full label where the short one names no thing ("На контролі")."""
    m = METRICS[code]
    return m.label(lang) if code in _FULL_LABEL else m.short(lang)


_FULL_LABEL = {"documents_on_control"}


def _value_note(item: Item, lang: str) -> str:
    notes = []
    if item.as_of:
        notes.append(tr("as_of_date", lang, d=format_date(item.as_of, lang)))
    if item.approximate:
        notes.append(tr("approx", lang))
    if item.missing:
        notes.append(t("partial", lang, months=_month_list(item.missing, lang, False)))
    return "; ".join(notes)


def _new_document(template: Path | None):
    import docx

    path = template if template is not None else (TEMPLATE if TEMPLATE.exists() else None)
    document = docx.Document(str(path)) if path else docx.Document()
    body = document.element.body
    for child in list(body):  # a template's own body text gives way to the report (its header stays)
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    return document


def _style(document, name: str, fallback: str) -> str:
    names = getattr(document, "_style_names", None)
    if names is None:
        names = document._style_names = {s.name for s in document.styles}
    return name if name in names else fallback


def _heading(document, text: str, style: str) -> None:
    """A title or heading in the template's style; in bold where a council's template lacks it."""
    if _style(document, style, "") == style:
        document.add_paragraph(text, style=style)
    else:
        document.add_paragraph().add_run(text).bold = True


def report_docx(city: str, period: Period, department: str | None = None, *, lang: str = "uk",
                include_demo: bool = True, template: Path | None = None, data: Report | None = None) -> bytes:
    """The report as .docx bytes (ReportEmpty when the city has no figure for the period)."""
    report = data or report_data(city, period, department, include_demo=include_demo, lang=lang)
    document = _new_document(template)
    words = _period_words(period, lang)
    named = pick(_genitive_department(report.department), report.department_en or report.department, lang)
    title = t("title", lang, dept=named if report.department else t("all_departments", lang),
              council=_council(city, lang), period=words)
    _heading(document, title, "Title")
    if _needs_code(city):
        document.add_paragraph(t("code", lang, code=city))
    document.add_paragraph(t("intro", lang, period=words))
    if report.missing:
        document.add_paragraph(t("missing", lang, months=_month_list(report.missing, lang, True)))
    items = {i.code: i for i in report.items}
    for category in CATEGORIES.values():
        mine = [items[m.code] for m in METRICS.values() if m.category == category.code and m.code in items]
        if not mine:
            continue
        _heading(document, category.label(lang), "Heading 1")
        for item in mine:
            document.add_paragraph(_sentence(item, report, lang), style=_style(document, "List Bullet", "Normal"))
    _heading(document, t("table", lang, period=words), "Heading 1")
    table = document.add_table(rows=1, cols=3)
    table.style = _style(document, "Table Grid", table.style.name if table.style else "Normal Table")
    for cell, text in zip(table.rows[0].cells, (tr("metric", lang), tr("value", lang), tr("notes", lang)), strict=True):
        cell.text = text
    for item in (items[m] for m in METRICS if m in items):
        row = table.add_row().cells
        row[0].text = _table_label(item.code, lang)
        row[1].text = ("≈ " if item.approximate else "") + format_number(item.value, lang)
        row[2].text = _value_note(item, lang)
    _heading(document, t("sources", lang), "Heading 1")
    for source, demo in sorted({s for i in report.items for s in i.sources}):
        document.add_paragraph(source + (f" ({t('demo', lang)})" if demo else ""),
                               style=_style(document, "List Bullet", "Normal"))
    document.core_properties.title = title
    document.core_properties.language = "uk-UA" if lang == "uk" else "en-GB"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


