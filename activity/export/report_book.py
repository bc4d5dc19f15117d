"""The report workbook: a city's figures for a period, ready to attach to a report.

One sheet per topic (the catalog's categories: publications; documents and correspondence; events
and speeches; media; civic participation; civil society), each with one row per metric that has a
figure: the value for the period, for the previous equivalent period (the month, quarter or year
before) with the change, the other city's value for the same period, and both cities per 10 000
residents. Values follow activity.series (`period_value`): a figure reported for the period, or the
shorter ones inside it added up (marked partial when months are missing); a stock is the level
standing at the period's end. Each value's sources are the figures it was made of.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from activity.catalog import CATEGORIES, METRICS
from activity.export import to_xlsx
from activity.export.table import ExportContext, ExportTable, sources_frame
from activity.export.tables import demo_filter
from activity.formatting import format_date, format_number, period_label
from activity.i18n import tr, translator
from activity.periods import Period, previous_period
from activity.series import change, period_figures, period_value
from activity.warehouse import queries

T = {
    "sheet_title": ("{city}, {period}: {topic}", "{city}, {period}: {topic}"),
    "value": ("{city}, {period}", "{city}, {period}"),
    "change": ("Зміна до попереднього періоду", "Change vs the previous period"),
    "change_pct": ("Зміна до попереднього періоду, %", "Change vs the previous period, %"),
    "per_10k": ("{city}, {period}, на 10 000 мешканців", "{city}, {period}, per 10,000 residents"),
    "months": ("{who}: {n} з {m} міс.", "{who}: {n} of {m} months"),
    "as_of": ("{who}: станом на {d}", "{who}: as of {d}"),
    "approx": ("{who}: приблизно", "{who}: approximate"),
    "demo": ("{who}: демо-дані", "{who}: demo data"),
    "compared": ("Порівняння з попереднім періодом ({prev}) і з містом {other} за той самий період.",
                 "Compared with the previous period ({prev}) and with {other} for the same period."),
    "compared_prev": ("Порівняння з попереднім періодом ({prev}).", "Compared with the previous period ({prev})."),
    "f_vs": ("Порівняння з", "Compared with"),
    "empty": ("Для {city} за {period} у сховищі немає жодного показника.",
              "The warehouse has no figures for {city} in {period}."),
}


class ReportEmpty(ValueError):
    """No figure of the city for the period (a level standing from earlier does not count)."""


t = translator(T)


def _names(lang: str) -> dict[str, str]:
    places = queries.places_present(True)
    return dict(zip(places["city_code"], places["city_uk" if lang == "uk" else "city"], strict=True))


def _per_10k(value: dict | None, code: str, year: int, pop: dict) -> float:
    people = pop.get((code, year))
    return value["value"] / people * 10_000 if value and people else float("nan")


def report_tables(city: str, period: Period, vs: str | None = None, *, lang: str = "uk", include_demo: bool = True,
                  departments: Sequence[str] | None = None) -> list[ExportTable]:
    """The workbook's sheets, one per category with figures (ReportEmpty when there are none)."""
    names = _names(lang)
    prev = previous_period(period)
    codes = list(METRICS)
    obs = queries.observations_for([city], codes, prev.start, period.end, include_demo=include_demo,
                                   departments=list(departments) if departments else None)
    other = queries.observations_for([vs], codes, period.start, period.end, include_demo=include_demo) if vs else None
    population = queries.population([c for c in (city, vs) if c])
    pop = {(r.city_code, int(r.year)): float(r.population) for r in population.itertuples()}
    who, vs_name = names.get(city, city), names.get(vs, vs) if vs else None
    p_now, p_prev = period_label(period, lang), period_label(prev, lang)
    c_now, c_prev = t("value", lang, city=who, period=p_now), t("value", lang, city=who, period=p_prev)
    c_diff, c_pct = t("change", lang), t("change_pct", lang)
    c_vs = t("value", lang, city=vs_name, period=p_now) if vs else None
    c_10k = t("per_10k", lang, city=who, period=p_now)
    c_vs10k = t("per_10k", lang, city=vs_name, period=p_now) if vs else None
    value_cols = [c for c in (c_now, c_prev, c_vs) if c]
    tables, fresh = [], False  # fresh: a flow of the period, or a level dated within it
    for category in CATEGORIES.values():
        rows, approx, sources, used = [], [], [], []
        for m in (m for m in METRICS.values() if m.category == category.code):
            now, before = (period_value(obs, city, m.code, m.kind, p) for p in (period, prev))
            there = period_value(other, vs, m.code, m.kind, period) if other is not None else None
            if not (now or before or there):
                continue
            fresh = fresh or bool(now and (m.kind == "flow" or now["as_of"] >= period.start))
            diff, pct = change(now and now["value"], before and before["value"])
            row = {tr("metric", lang): m.label(lang), c_now: _v(now), c_prev: _v(before), c_diff: diff, c_pct: pct}
            if vs:
                row[c_vs] = _v(there)
            row[c_10k] = _per_10k(now, city, period.start.year, pop)
            if vs:
                row[c_vs10k] = _per_10k(there, vs, period.start.year, pop)
            row[tr("notes", lang)] = "; ".join(_notes(lang, [(who, p_now, now), (who, p_prev, before),
                                                            (vs_name, p_now, there)]))
            i = len(rows)
            for col, o, code, p, v in ((c_now, obs, city, period, now), (c_prev, obs, city, prev, before),
                                       (c_vs, other, vs, period, there)):
                if v:
                    sources += [(i, col, r["source"], r["locator"]) for r in period_figures(o, code, m.code, m.kind, p)]
            approx.append({col: bool(v and v["approximate"]) for col, v in ((c_now, now), (c_prev, before),
                                                                            (c_vs, there)) if col})
            rows.append(row)
            used.append(m.code)
        if not rows:
            continue
        frame = pd.DataFrame(rows).astype({c: "float64" for c in [*value_cols, c_diff, c_pct, c_10k]})
        compared = t("compared", lang, prev=p_prev, other=vs_name) if vs else t("compared_prev", lang, prev=p_prev)
        notes = [compared] + _population_note(population, period, names, lang)
        tables.append(ExportTable(
            category.label(lang), t("sheet_title", lang, city=who, period=p_now, topic=category.label(lang)), frame,
            decimals={c_pct: 1, c_10k: 1, **({c_vs10k: 1} if vs else {})}, approximate=pd.DataFrame(approx),
            sources=sources_frame(sources), metrics=used, notes=notes, key_columns=[tr("metric", lang)]))
    if not fresh:
        raise ReportEmpty(t("empty", lang, city=who, period=p_now))
    return tables


def _v(value: dict | None) -> float:
    return float(value["value"]) if value else float("nan")


def _notes(lang: str, items: list[tuple[str | None, str, dict | None]]) -> list[str]:
    """Coverage, as-of dates, approximate and demo marks of the values in a row."""
    out = []
    for name, label, v in items:
        if not v or not name:
            continue
        who = f"{name}, {label}"
        if v["as_of"]:
            out.append(t("as_of", lang, who=who, d=format_date(v["as_of"], lang)))
        elif not v["complete"]:
            out.append(t("months", lang, who=who, n=v["months_reported"], m=v["months_in_period"]))
        if v["approximate"]:
            out.append(t("approx", lang, who=who))
        if v["demo"]:
            out.append(t("demo", lang, who=who))
    return out


def _population_note(population: pd.DataFrame, period: Period, names: dict[str, str], lang: str) -> list[str]:
    year = population[population["year"] == period.start.year]
    items = [f"{names.get(r.city_code, r.city_code)} {r.year}: {format_number(r.population, lang)} ({r.source})"
             for r in year.itertuples()]
    return [tr("population_note", lang, sources="; ".join(items))] if items else []


def report_context(city: str, period: Period, vs: str | None, *, lang: str, include_demo: bool = True,
                   departments: Sequence[str] | None = None) -> ExportContext:
    names = _names(lang)
    filters = [(tr("city", lang), names.get(city, city)), (tr("period", lang), period_label(period, lang))]
    if vs:
        filters.append((t("f_vs", lang), names.get(vs, vs)))
    if departments:
        filters.append((tr("department", lang), ", ".join(departments)))
    filters.append(demo_filter(lang, include_demo))
    return ExportContext(lang, filters, "total")


def report_workbook(city: str, period: Period, vs: str | None = None, *, lang: str = "uk", include_demo: bool = True,
                    departments: Sequence[str] | None = None) -> bytes:
    """The report workbook as .xlsx bytes (ReportEmpty when the city has no figure for the period)."""
    tables = report_tables(city, period, vs, lang=lang, include_demo=include_demo, departments=departments)
    return to_xlsx(tables, report_context(city, period, vs, lang=lang, include_demo=include_demo,
                                          departments=departments))
