"""`python -m etl export`: the app's tables as .xlsx or .csv, the report workbook, and the written report.

A thin command over activity.export.tables (`series_export`: what the Trends page draws for the
same filters), activity.export.report_book and activity.export.report_docx (`--report CITY PERIOD`
with `--out звіт.docx`; `--out звіт.pdf` converts that .docx with LibreOffice headless, `to_pdf`).
Exit codes: 0 written; 1 nothing to export for these filters (or no warehouse, or no LibreOffice
for a .pdf); 2 wrong usage (an unknown city, metric, department or period).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
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
    "suffix": ("Файл має закінчуватися на .xlsx або .csv (звіт: .xlsx, .docx або .pdf): {out}",
               "The file must end in .xlsx or .csv (a report: .xlsx, .docx or .pdf): {out}"),
    "report_csv": ("Звіт — це книга з кількома аркушами або документ: вкажіть файл .xlsx, .docx або .pdf.",
                   "The report is a workbook of several sheets or a document: give an .xlsx, .docx or .pdf file."),
    "written_doc": ("Записано {out}: показників {n}.", "Wrote {out}: {n} figure(s)."),
    "one_department": ("Письмовий звіт — про один підрозділ: вкажіть --department один раз.",
                       "A written report is about one department: give --department once."),
    "no_soffice": ("Щоб записати .pdf, потрібен LibreOffice (команда soffice), його не знайдено. Запишіть звіт як "
                   ".docx або встановіть LibreOffice (apt-get install libreoffice-writer).",
                   "Writing a .pdf needs LibreOffice (the soffice command), which was not found. Write the report as "
                   ".docx or install LibreOffice (apt-get install libreoffice-writer)."),
    "pdf_failed": ("LibreOffice не зміг перетворити звіт на .pdf: {detail}",
                   "LibreOffice could not convert the report to .pdf: {detail}"),
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
              help="The report for a city and period: a workbook (.xlsx) or the written report (.docx, .pdf).")
@click.option("--template", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="With --report and .docx/.pdf: a Word file whose styles and letterhead the report takes.")
@click.option("--vs", "vs", help="With --report: the city to compare with (default: the other city with most figures).")
@shared_options
@click.pass_obj
def command(obj: dict, out: Path, cities, departments, metrics, start, end, granularity, basis, sep, no_demo,
            report, template, vs) -> None:
    """Export what the app shows as .xlsx or .csv, or the report (--report CITY PERIOD) as a workbook
    (.xlsx) or written (.docx, .pdf through LibreOffice).

    \b
    python -m etl export --out news.xlsx --city Ніжин --metric news_published --from 2021 --to 2022
    python -m etl export --out news.csv --city Ніжин --city Лисичанськ --basis per_10k --granularity quarter
    python -m etl export --out звіт.xlsx --report Ніжин 2021-03 --vs Лисичанськ
    python -m etl export --out звіт.docx --report Ніжин 2021-03
    """
    lang = obj["lang"]
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in ("xlsx", "csv") and not (report and fmt in ("docx", "pdf")):
        raise click.BadParameter(t("suffix", lang, out=out), param_hint="--out")
    if not Path(obj["db"]).exists():
        click.echo(tr("no_warehouse_at", lang, db=obj["db"]), err=True)
        sys.exit(1)
    with store.using(obj["db"]):
        include_demo = not no_demo
        present = queries.places_present(include_demo)
        codes = set(present["city_code"])
        if report:
            if fmt == "csv":
                raise click.BadParameter(t("report_csv", lang), param_hint="--out")
            if fmt in ("docx", "pdf"):
                _write_document(obj, out, lang, report, codes, include_demo, departments, template)
            else:
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


def _write_document(obj, out: Path, lang: str, report, codes: set[str], include_demo: bool, departments,
                    template: Path | None) -> None:
    from activity.export.report_docx import ReportEmpty, report_data, report_docx

    city = _city(report[0], lang, codes)
    period = _period(report[1], lang, "--report")
    if len(departments) > 1:
        raise click.BadParameter(t("one_department", lang), param_hint="--department")
    _check_departments(departments, [city], include_demo, lang)
    department = departments[0] if departments else None
    if out.suffix.lower() == ".pdf" and not soffice():
        _fail(obj, t("no_soffice", lang))
    try:
        data = report_data(city, period, department, include_demo=include_demo, lang=lang)
    except ReportEmpty as exc:
        _fail(obj, str(exc))
    body = report_docx(city, period, department, lang=lang, template=template, data=data)
    if out.suffix.lower() == ".pdf":
        try:
            body = to_pdf(body)
        except RuntimeError as exc:
            _fail(obj, t("pdf_failed", lang, detail=str(exc)))
    out.write_bytes(body)
    if obj.get("json"):
        click.echo(json.dumps({"ok": True, "out": str(out), "figures": len(data.items)}, ensure_ascii=False))
    else:
        click.echo(t("written_doc", lang, out=out, n=format_number(len(data.items), lang)))


PDF_TIMEOUT = 180  # seconds LibreOffice may take to convert one report


def soffice() -> str | None:
    """The LibreOffice command, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx: bytes, timeout: float = PDF_TIMEOUT) -> bytes:
    """A .docx converted to .pdf by LibreOffice headless, with a profile of its own in a temporary
    folder (so it neither waits for nor touches a LibreOffice the user has open); RuntimeError when
    it fails or takes longer than ``timeout`` seconds."""
    command = soffice()
    if command is None:
        raise RuntimeError("soffice not found")
    with tempfile.TemporaryDirectory(prefix="report_pdf_") as tmp:
        folder = Path(tmp)
        (folder / "report.docx").write_bytes(docx)
        try:
            done = subprocess.run(
                [command, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--convert-to",
                 "pdf", "--outdir", str(folder), str(folder / "report.docx")],
                capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise RuntimeError(f"timeout after {timeout:.0f} s") from None
        pdf = folder / "report.pdf"
        if done.returncode != 0 or not pdf.exists():
            raise RuntimeError((done.stderr or done.stdout).decode("utf-8", "replace").strip()[:300] or "no output")
        return pdf.read_bytes()


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
