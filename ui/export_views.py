"""What each page exports: builders (for ui.downloads) of the tables a page shows, typed for export.

Each `*_view` function returns a zero-argument callable that, at the click, makes the tables
(numbers as numbers, dates as dates, headers as on the page) and their context (filters, basis,
time), from the frames the page drew (the cached calls of ui.data, never the warehouse afresh):
flows and levels through activity.export.tables, values by the same activity.series rules as the
page, with each figure's sources. The report workbook comes from activity.export.report_book.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from activity.catalog import CATEGORIES, get_metric
from activity.export.table import ExportContext, ExportTable, sources_frame
from activity.export.tables import (
    demo_filter,
    flow_table,
    levels_table,
    series_filters,
    series_tables,
)
from activity.formatting import period_label
from activity.i18n import tr, translator
from activity.periods import Period, period_from_key, period_from_range
from activity.series import change, period_figures
from ui import data
from ui.downloads import Build
from ui.filters import DEFAULT_CITIES, Filters, city_names

T = {
    "change": ("Зміна до: {p}", "Change vs {p}"), "pct": ("Зміна до: {p}, %", "Change vs {p}, %"),
    "all": ("усі", "all"),
    "report_docx_help": ("Звіт про роботу підрозділу за цей період у Word: речення про кожне число за темами, "
                         "порівняння у відсотках, таблиця та джерела.",
                         "The department's report for this period in Word: a sentence for each figure by topic, "
                         "changes in percent, a table and the sources."),
    "report_help": ("Книга для доповіді: аркуш на кожну тему, порівняння з попереднім періодом і з містом {other}.",
                    "A workbook for a report: a sheet per topic, compared with the previous period and with {other}."),
    "lines": ("Лінії на картках: потоки за останні 12 періодів", "The cards' lines: flows over the last 12 periods"),
    "levels": ("Лінії на картках: рівні залишків на дату", "The cards' lines: stock levels on their dates"),
    "lines_sheet": ("Лінії — потоки", "Lines - flows"), "levels_sheet": ("Лінії — залишки", "Lines - stocks"),
    "cover_of": ("Охоплення: {g}", "Coverage: {g}"),
}


t = translator(T)


def series_view(f: Filters, metrics: Sequence[str], title: str, departments: dict[str, str] | None = None) -> Build:
    """A Trends or Civil society chart: flows on the page's grid and basis, or levels on their dates,
    from the figures the chart was drawn from (the page's cached frames); with `departments`
    ({code: name}), those departments' lines, each apart with its department named."""

    def build():
        obs = data.observations(f.cities, metrics, f.start, f.end, f.include_demo,
                                department_codes=list(departments) if departments else None)
        pop = data.population(f.cities) if f.basis == "per_10k" else None
        return series_tables(obs, f.cities, list(metrics), f.start, f.end, granularity=f.granularity, basis=f.basis,
                             lang=f.lang, include_demo=f.include_demo, title=title, names=city_names(f.lang),
                             population=pop, department_lines=departments or None)

    return build


def data_view(f: Filters, metrics: Sequence[str] | None, total: int, label: Callable[[str], str], title: str,
              departments: Sequence[str] | None = None, department_names: dict[str, str] | None = None) -> Build:
    """Every figure for the Data page's filters (all pages of it), with the page's columns: of the
    departments chosen (codes; None: all), each named as on the page (`department_names` by code)."""
    names_of = department_names or {}

    def build():
        rows, _ = data.data_rows(f.cities, list(metrics) if metrics else None, f.start, f.end,
                                 include_demo=f.include_demo, limit=max(total, 1),
                                 department_codes=list(departments) if departments else None)
        labels: dict[tuple, str] = {}
        for s, e in set(zip(rows["period_start"], rows["period_end"], strict=True)):
            labels[(s, e)] = period_label(period_from_range(pd.Timestamp(s).date(), pd.Timestamp(e).date()), f.lang)
        status = rows["status"]
        frame = pd.DataFrame({
            label("city"): rows["city_uk" if f.lang == "uk" else "city"],
            label("metric"): rows["metric"].map(lambda c: get_metric(c).label(f.lang)),
            label("period"): [labels[k] for k in zip(rows["period_start"], rows["period_end"], strict=True)],
            label("value"): rows["value"].where(status == "reported").astype("float64"),
            label("approximate"): rows["approximate"].map({True: "≈", False: ""}),
            label("as_of"): [None if pd.isna(d) else pd.Timestamp(d).date() for d in rows["as_of"]],
            label("source"): rows["source"], label("locator"): rows["locator"],
            label("kind"): rows["kind"].map(label), label("status"): status.map(label),
            label("demo"): rows["demo"].astype(bool), label("breakdown"): rows["breakdown"],
            label("department"): [names_of.get(c, d) for c, d in zip(rows["department_code"], rows["department"],
                                                                      strict=True)],
        })
        sources = sources_frame([(i, label("value"), s, loc) for i, (s, loc) in
                                 enumerate(zip(rows["source"], rows["locator"], strict=True))])
        table = ExportTable(tr("data_title", f.lang), title, frame, decimals={label("value"): 2}, sources=sources,
                            metrics=list(dict.fromkeys(rows["metric"])), sources_shown=True,
                            key_columns=[label("city"), label("metric"), label("period")])
        filters = series_filters(f.lang, city_names(f.lang), f.cities, metrics or [], f.start, f.end,
                                 include_demo=f.include_demo,
                                 departments=[names_of.get(c, c) for c in departments] if departments else None)
        return table, ExportContext(f.lang, [x for x in filters if x[1]], None)

    return build


def frame_view(frame: pd.DataFrame | Callable[[], pd.DataFrame], labels: dict[str, str], *, title: str, sheet: str,
               lang: str, metrics: Sequence[str] = (), include_demo: bool = True) -> Build:
    """A table the page shows as it is (Holdings), or a function that makes it again: its columns
    renamed to the page's headers."""

    def build():
        shown = (frame() if callable(frame) else frame)[list(labels)].rename(columns=labels)
        context = ExportContext(lang, [demo_filter(lang, include_demo)], None)
        return ExportTable(sheet, title, shown, metrics=list(metrics)), context

    return build


def holdings_table(table: pd.DataFrame, lang: str, hide_demo: bool) -> pd.DataFrame:
    """The Holdings page's table by metric (data.holdings() as shown: names, labels, yes/no)."""
    if hide_demo:
        table = table[~table["demo"]]
    return table.assign(
        city=table["city_uk"] if lang == "uk" else table["city"],
        metric=table["metric"].map(lambda c: get_metric(c).label(lang)),
        granularity=table["granularity"].map(lambda g: tr(f"gran_{g}", lang)),
        demo=table["demo"].map({True: tr("yes", lang), False: tr("no", lang)}),
    )[["city", "department", "metric", "granularity", "demo", "figures", "first_start", "last_end"]]


def holdings_view(labels: dict[str, str], *, title: str, sheet: str, lang: str, metrics: Sequence[str],
                  hide_demo: bool, city_codes: Sequence[str] | None = None) -> Build:
    """The Holdings table by metric (of `city_codes`, None: every city), made again at the click: at
    national scale it is ~100 000 rows (~20 MB), which each open session would otherwise keep for
    its download buttons."""
    return frame_view(lambda: holdings_table(data.holdings(city_codes), lang, hide_demo), labels, title=title,
                      sheet=sheet, lang=lang, metrics=metrics, include_demo=not hide_demo)


def overview_view(f: Filters, city: str, dept: str | None, periods: Sequence[Period], metrics: Sequence[str],
                  values: dict, trend: tuple[pd.DataFrame, pd.DataFrame, Sequence[Period]], title: str) -> Build:
    """The Overview cards as a table (values, changes, coverage), then the cards' trend lines."""
    lang, cur, compared = f.lang, periods[0], list(periods[1:])
    lines, levels, grid = trend

    def build():
        first = min([p.start for p in periods] + [p.start for p in grid])
        obs = data.observations([city], list(metrics), first, cur.end, f.include_demo, [dept] if dept else None)
        short = {p.key: period_label(p, lang) for p in periods}
        numbers = [*short.values()] + [t(k, lang, p=short[p.key]) for p in compared for k in ("change", "pct")]
        rows, approx, sources = [], [], []
        for code in metrics:
            m, now = get_metric(code), values[(code, cur.key)]
            row = {tr("category", lang): CATEGORIES[m.category].label(lang), tr("metric", lang): m.label(lang)}
            marks = {}
            for p in periods:
                v = values[(code, p.key)]
                row[short[p.key]] = float(v["value"]) if v else float("nan")
                marks[short[p.key]] = bool(v and v["approximate"])
                sources += [(len(rows), short[p.key], r["source"], r["locator"])
                            for r in (period_figures(obs, city, code, m.kind, p) if v else [])]
            for p in compared:
                before = values[(code, p.key)]
                diff, pct = change(now and now["value"], before and before["value"])
                row[t("change", lang, p=short[p.key])] = diff
                row[t("pct", lang, p=short[p.key])] = pct
            row[tr("as_of", lang)] = now["as_of"] if now and now["as_of"] else None
            row[tr("coverage", lang)] = tr("months_of", lang, n=now["months_reported"], m=now["months_in_period"]) \
                if now and m.kind == "flow" else ""
            row[tr("notes", lang)] = ", ".join(x for x in (tr("approx", lang) if now and now["approximate"] else "",
                                                           tr("demo_label", lang) if now and now["demo"] else "") if x)
            rows.append(row)
            approx.append(marks)
        frame = pd.DataFrame(rows).astype({c: "float64" for c in numbers})
        pct_cols = {t("pct", lang, p=short[p.key]): 1 for p in compared}
        cards = ExportTable(tr("overview_title", lang), title, frame, decimals=pct_cols, approximate=pd.DataFrame(approx),
                            sources=sources_frame(sources), metrics=list(metrics), key_columns=[tr("metric", lang)])
        names = city_names(lang)
        extra = []
        if len(lines):
            extra.append(flow_table(lines[~lines["spread"].astype(bool)], grid, lang=lang, basis="total", names=names,
                                    obs=obs, title=t("lines", lang), sheet=t("lines_sheet", lang)))
        if len(levels):
            extra.append(levels_table(levels, lang=lang, names=names, title=t("levels", lang),
                                      sheet=t("levels_sheet", lang)))
        filters = [(tr("city", lang), names.get(city, city)), (tr("department", lang), dept or t("all", lang)),
                   (tr("period", lang), period_label(cur, lang))]
        filters.append(demo_filter(lang, f.include_demo))
        return [cards, *extra], ExportContext(lang, filters, "total")
    return build


def compare_view(cx, table: pd.DataFrame, color: str, title: str, found: Sequence[str],
                 departments: dict[str, str] | None = None) -> Build:
    """The Compare table: one row per metric, a value column per city (or period, or department:
    `table` then has `department_code`, `departments` names them) on the chosen basis, the change
    between two periods, each one's coverage; the warnings as notes."""
    lang, f = cx.lang, cx.f
    apart = "department_code" in table.columns

    def build():
        groups = list(dict.fromkeys(table[color]))
        periods = {k: period_from_key(k) for k in table["period_key"].unique()}
        codes = list(dict.fromkeys(table["department_code"])) if apart else None
        obs = data.observations(list(dict.fromkeys(table["city_code"])), list(table["metric"].unique()),
                                min(p.start for p in periods.values()), max(p.end for p in periods.values()),
                                f.include_demo, department_codes=codes)
        rows, approx, sources = [], [], []
        for m, g in table.groupby("metric", sort=False):
            row, marks = {tr("metric", lang): get_metric(m).label(lang)}, {}
            for r in g.itertuples():
                col = getattr(r, color)
                row[col], marks[col] = float(r.value) if r.reported else float("nan"), bool(r.approximate)
                if r.reported:
                    own = obs[obs["department_code"] == r.department_code] if apart else obs
                    sources += [(len(rows), col, x["source"], x["locator"])
                                for x in period_figures(own, r.city_code, m, r.kind, periods[r.period_key])]
            if color == "period_name" and len(groups) == 2:
                diff, pct = change(*(None if pd.isna(row.get(g_)) else row.get(g_) for g_ in groups))
                row[tr("change", lang)], row[tr("change_pct", lang)] = diff, pct
            for _, r in g.iterrows():
                row[t("cover_of", lang, g=r[color])] = cx.cover(r)
            rows.append(row)
            approx.append(marks)
        frame = pd.DataFrame(rows)
        numeric = [*groups, tr("change", lang), tr("change_pct", lang)]
        frame = frame.astype({c: "float64" for c in numeric if c in frame.columns})
        decimals = {c: cx.decimals for c in groups} | {tr("change", lang): cx.decimals, tr("change_pct", lang): 1}
        names = city_names(lang)
        filters = [(tr("cities", lang), ", ".join(names.get(c, c) for c in dict.fromkeys(table["city_code"])))]
        if departments:
            filters.append((tr("departments", lang), "; ".join(departments.values())))
        filters += [(tr("metrics", lang), "; ".join(get_metric(m).label(lang) for m in table["metric"].unique())),
                    (tr("period", lang), " / ".join(period_label(p, lang) for p in periods.values()))]
        filters.append(demo_filter(lang, f.include_demo))
        out = ExportTable(tr("compare_title", lang), title, frame, decimals=decimals, approximate=pd.DataFrame(approx),
                          sources=sources_frame(sources), metrics=list(table["metric"].unique()), notes=list(found),
                          key_columns=[tr("metric", lang)])
        return out, ExportContext(lang, filters, f.basis)

    return build


def report_view(f: Filters, city: str, period: Period, departments: Sequence[str] | None
                ) -> tuple[Callable[[], bytes], str, str]:
    """The report workbook of the shown city and period against the default other city:
    (build, file name, help text)."""
    from activity.export.report_book import report_workbook

    present = list(data.places(f.include_demo)["city_code"])
    other = next((c for c in [*DEFAULT_CITIES, *present] if c != city and c in present), None)
    names = city_names(f.lang)
    name = f"{tr('report', f.lang)} {names.get(city, city)} {period_label(period, f.lang)}"
    help_text = t("report_help", f.lang, other=names.get(other, other) if other else "—")
    return (lambda: report_workbook(city, period, other, lang=f.lang, include_demo=f.include_demo,
                                    departments=departments)), name, help_text


def report_docx_view(f: Filters, city: str, period: Period, departments: Sequence[str] | None
                     ) -> tuple[Callable[[], bytes], str, str]:
    """The written report (.docx) of the shown city, department and period: (build, file name, help text)."""
    from activity.export.report_docx import report_docx

    name = f"{tr('report', f.lang)} {city_names(f.lang).get(city, city)} {period_label(period, f.lang)}"
    department = departments[0] if departments else None
    return (lambda: report_docx(city, period, department, lang=f.lang, include_demo=f.include_demo)), name, \
        t("report_docx_help", f.lang)
