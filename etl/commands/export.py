"""`python -m etl export`: the app's tables as .xlsx or .csv, and the report workbook.

A thin command over activity.export.tables (`series_export`: what the Trends page draws for the
same filters) and activity.export.report_book. Exit codes: 0 written; 1 nothing to export for these
filters (or no warehouse); 2 wrong usage (an unknown city, metric, department or period).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click
import pandas as pd

from activity.catalog import METRICS, match_metric, suggest_metrics
from activity.export import export_bytes
from activity.export.table import SEPARATORS
from activity.formatting import format_number
from activity.i18n import pick, tr, translator
from activity.period_text import parse_period
from activity.periods import PeriodError
from activity.places import PlaceError, resolve_place
from activity.series import BASES, SERIES_GRANULARITIES
from activity.warehouse import queries, store
from etl.commands.options import shared_options
from etl.problems import message_text

T = {  # (uk, en)
    "written": ("Записано {out}: аркушів {sheets}, рядків {rows}.", "Wrote {out}: {sheets} sheet(s), {rows} rows."),
    "nothing": ("За цими фільтрами даних немає: нічого не записано.", "No figures match these filters: nothing written."),
    "suffix": ("Файл має закінчуватися на .xlsx або .csv: {out}", "The file must end in .xlsx or .csv: {out}"),
    "report_csv": ("Звіт — це книга з кількома аркушами: вкажіть файл .xlsx.",
                   "The report is a workbook of several sheets: give an .xlsx file."),
    "no_city_figures": ("У сховищі немає показників міста {city}.", "The warehouse has no figures for {city}."),
    "maybe": (" Можливо: {s}.", " Did you mean: {s}?"),
    "unknown_dept": ("Невідомий підрозділ «{d}». Є: {known}.", "Unknown department '{d}'. Known: {known}."),
}


t = translator(T)


def _city(text: str, lang: str, present: set[str]) -> str:
    code = text.strip().upper() if re.fullmatch(r"UA\d{17}", text.strip().upper()) else None
    if code is None:
        try:
            code = resolve_place(text).place.code
        except PlaceError as exc:
            raise click.BadParameter(pick(exc.message_uk, exc.message_en, lang), param_hint="--city") from None
    if code not in present:
        raise click.BadParameter(t("no_city_figures", lang, city=text), param_hint="--city")
    return code


def _metric(text: str, lang: str) -> str:
    found = METRICS.get(text) or match_metric(text)
    if found is None:
        close = ", ".join(f"«{m.label(lang)}» ({m.code})" for m in suggest_metrics(text))
        hint = t("maybe", lang, s=close) if close else ""
        raise click.BadParameter(message_text("unknown_metric", lang, found=text, hint=hint), param_hint="--metric")
    return found.code


def _period(text: str, lang: str, hint: str):
    try:
        return parse_period(text)
    except PeriodError as exc:
        raise click.BadParameter(pick(exc.message_uk, exc.message_en, lang), param_hint=hint) from None


@click.command("export")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="File to write: .xlsx (formatted workbook) or .csv (UTF-8 with BOM).")
@click.option("--city", "cities", multiple=True, help="City name or КАТОТТГ code; repeat for several (default: all).")
@click.option("--department", "departments", multiple=True, help="Only this department (exact name); repeatable.")
@click.option("--metric", "metrics", multiple=True, help="Metric code or wording; repeatable (default: all present).")
@click.option("--from", "start", help="First period: 2019-03, 2019-Q3, 2019, 'березень 2021'… (default: earliest).")
@click.option("--to", "end", help="Last period, as --from (default: latest).")
@click.option("--granularity", type=click.Choice(SERIES_GRANULARITIES), default="month", show_default=True)
@click.option("--basis", type=click.Choice(BASES), default="total", show_default=True,
              help="total, average per month or per 10 000 residents.")
@click.option("--sep", type=click.Choice(SEPARATORS), default=";", show_default=True,
              help="CSV separator: ';' for Ukrainian Excel (decimal comma), ',' (decimal point).")
@click.option("--no-demo", is_flag=True, help="Leave demo figures out.")
@click.option("--report", nargs=2, metavar="CITY PERIOD", default=None,
              help="The report workbook for a city and period (sheets by topic; .xlsx only).")
@click.option("--vs", "vs", help="With --report: the city to compare with (default: the other city with most figures).")
@shared_options
@click.pass_obj
def command(obj: dict, out: Path, cities, departments, metrics, start, end, granularity, basis, sep, no_demo,
            report, vs) -> None:
    """Export what the app shows as .xlsx or .csv, or the report workbook (--report CITY PERIOD).

    \b
    python -m etl export --out news.xlsx --city Ніжин --metric news_published --from 2021 --to 2022
    python -m etl export --out news.csv --city Ніжин --city Лисичанськ --basis per_10k --granularity quarter
    python -m etl export --out звіт.xlsx --report Ніжин 2021-03 --vs Лисичанськ
    """
    lang = obj["lang"]
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in ("xlsx", "csv"):
        raise click.BadParameter(t("suffix", lang, out=out), param_hint="--out")
    if not Path(obj["db"]).exists():
        click.echo(tr("no_warehouse_at", lang, db=obj["db"]), err=True)
        sys.exit(1)
    with store.using(obj["db"]):
        include_demo = not no_demo
        present = queries.places_present(include_demo)
        codes = set(present["city_code"])
        if report:
            if fmt != "xlsx":
                raise click.BadParameter(t("report_csv", lang), param_hint="--out")
            _write_report(obj, out, lang, report, vs, codes, present, include_demo, departments)
            return
        chosen = [_city(c, lang, codes) for c in cities] or list(present["city_code"])
        _check_departments(departments, chosen, include_demo, lang)
        wanted = [_metric(m, lang) for m in metrics]
        if not wanted:
            have = set(queries.metrics_present(chosen, include_demo)["metric"])
            wanted = [m for m in METRICS if m in have]
        places = present[present["city_code"].isin(chosen)]
        first = _period(start, lang, "--from").start if start else pd.Timestamp(min(places["first_start"])).date()
        last = _period(end, lang, "--to").end if end else pd.Timestamp(max(places["last_end"])).date()
        from activity.export.tables import series_export

        tables, context = series_export(chosen, wanted, first, last, granularity=granularity, basis=basis, lang=lang,
                                        include_demo=include_demo, departments=list(departments) or None)
        if not tables:
            _fail(obj, t("nothing", lang))
        if fmt == "csv" and len(tables) > 1:
            from activity.export.tables import stack

            tables = [stack(tables, title=tables[0].title, sheet=tables[0].sheet)]
        out.write_bytes(export_bytes(tables, context, fmt, sep))
        _done(obj, out, lang, tables)


def _check_departments(departments, cities: list[str], include_demo: bool, lang: str) -> None:
    known = set(queries.departments_present(cities, include_demo)["department"])
    for d in departments:
        if d not in known:
            raise click.BadParameter(t("unknown_dept", lang, d=d, known="; ".join(sorted(known))),
                                     param_hint="--department")


def _write_report(obj, out: Path, lang: str, report, vs, codes: set[str], present, include_demo: bool,
                  departments) -> None:
    from activity.export import to_xlsx
    from activity.export.report_book import ReportEmpty, report_context, report_tables

    city = _city(report[0], lang, codes)
    period = _period(report[1], lang, "--report")
    other = _city(vs, lang, codes) if vs else next((c for c in present["city_code"] if c != city), None)
    _check_departments(departments, [city], include_demo, lang)
    try:
        tables = report_tables(city, period, other, lang=lang, include_demo=include_demo,
                               departments=list(departments) or None)
    except ReportEmpty as exc:
        _fail(obj, str(exc))
    context = report_context(city, period, other, lang=lang, include_demo=include_demo,
                             departments=list(departments) or None)
    out.write_bytes(to_xlsx(tables, context))
    _done(obj, out, lang, tables)


def _fail(obj: dict, message: str) -> None:
    if obj.get("json"):
        click.echo(json.dumps({"ok": False, "error": message}, ensure_ascii=False))
    else:
        click.echo(message, err=True)
    sys.exit(1)


def _done(obj: dict, out: Path, lang: str, tables) -> None:
    rows = sum(len(tb.frame) for tb in tables)
    if obj.get("json"):
        click.echo(json.dumps({"ok": True, "out": str(out), "rows": rows, "sheets": [tb.sheet for tb in tables]},
                              ensure_ascii=False))
    else:
        click.echo(t("written", lang, out=out, sheets=len(tables), rows=format_number(rows, lang)))


COMMANDS = (command,)
