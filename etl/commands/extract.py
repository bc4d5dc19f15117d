"""`python -m etl extract REPORT...`: the figures found in narrative reports (.txt, .docx, .doc, .pdf, .html).

A thin command over ``etl.reports.extraction``: a readable table by default, ``--json`` for one object per
report in the ground-truth format, ``--out review.xlsx`` for a review workbook that ``load``
accepts after a person has checked it. Exit code 1 when a report could not be read or has no
city, department, period or figure; 0 otherwise.
"""

from __future__ import annotations

import json
import sys
from functools import partial
from pathlib import Path

import click

from activity.catalog import get_metric
from activity.formatting import format_date, format_number, period_label
from activity.i18n import pick, tr, translator
from etl.commands.options import given_from, given_options, shared_options
from etl.reports.extraction import ExtractionReport, extract_report
from etl.reports.text import REPORT_EXTS

T = {  # (uk, en)
    "sure": ("Впевн.", "Conf."),
    "unknown": ("не знайдено", "not found"),
    "found": ("Показників: {n}", "Figures: {n}"),
    "written": ("Записано {n} рядків для перевірки у {path}. Після перевірки: python -m etl load {path}",
                "Wrote {n} rows to review in {path}. Once checked: python -m etl load {path}"),
    "no_reports": ("Не знайдено звітів (.txt, .docx, .doc, .pdf, .html): {paths}",
                   "No reports (.txt, .docx, .doc, .pdf, .html) found in: {paths}"),
}
SENTENCE_WIDTH = 70


t = translator(T)


def _reports(paths: tuple[Path, ...]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in REPORT_EXTS
                          and not f.name.startswith((".", "~$")))
        else:
            out.append(p)
    return out


def _short(text: str, width: int, at: int = 0) -> str:
    """At most ``width`` characters of ``text``, centred on position ``at`` when it must be cut."""
    if len(" ".join(text.split())) <= width:
        return " ".join(text.split())
    start = max(0, min(at - width // 3, len(text) - width + 1))
    piece = " ".join(text[start:start + width - 2].split())
    return ("…" if start else "") + piece + ("…" if start + width - 2 < len(text) else "")


def _print(report: ExtractionReport, lang: str) -> None:
    unknown = t("unknown", lang)
    place = pick(report.place.name_uk, report.place.name_en, lang) if report.place else unknown
    period = f"{report.period_label} ({period_label(report.period, lang)})" if report.period else unknown
    click.echo(f"== {report.name}")
    click.echo(f"   {tr('city', lang)}: {place} · {tr('department', lang)}: {report.department or unknown}")
    click.echo(f"   {tr('period', lang)}: {period}")
    rows = []
    for f in report.figures:
        metric = get_metric(f.code).label(lang) + (f" ({f.breakdown})" if f.breakdown else "")
        value = ("≈ " if f.approximate else "") + format_number(f.value, lang)
        rows.append((_short(metric, 48), value, format_date(f.as_of, lang) if f.as_of else "",
                     format_number(f.confidence, lang, decimals=2), _short(f.sentence, SENTENCE_WIDTH, f.at)))
    if rows:
        head = (tr("metric", lang), tr("value", lang), tr("as_of", lang), t("sure", lang), tr("sentence", lang))
        widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(4)]
        for r in [head, *rows]:
            click.echo("   " + r[0].ljust(widths[0]) + "  " + r[1].rjust(widths[1]) + "  "
                       + r[2].ljust(widths[2]) + "  " + r[3].rjust(widths[3]) + "  " + r[4])
    click.echo("   " + t("found", lang, n=len(report.figures)))
    for p in report.problems:
        click.echo("   " + p.render(lang), err=p.severity == "error")


@click.command("extract")
@click.argument("reports", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write a review workbook (long layout + sentence + confidence) that `load` accepts.")
@click.option("--department", default=None, metavar="NAME",
              help="The department of reports whose title names none (its name as it should be loaded).")
@partial(given_options, year=False)
@shared_options
@click.pass_obj
def command(obj: dict | None, reports: tuple[Path, ...], out: Path | None, department: str | None,
            city: str | None) -> None:
    """Find the figures in narrative reports (.txt, .docx, .doc, .pdf, .html), each with its sentence.

    REPORTS are files or folders. Prints a table per report (or JSON with --json); --out writes a
    spreadsheet to check and then load with `python -m etl load`. Exits with 1 if a report could
    not be read or lacks its city, department, period or any figure.
    """
    obj = obj or {}
    lang, as_json = obj.get("lang", "uk"), bool(obj.get("json"))
    files = _reports(reports)
    if not files:
        click.echo(t("no_reports", lang, paths=", ".join(map(str, reports))), err=True)
        sys.exit(1)
    given = given_from(lang, city)
    results = [extract_report(f, given=given) for f in files]
    if department:  # the department of reports naming none, as the person loading says it
        for r in results:
            if not r.department:
                r.department = " ".join(department.split())
                r.problems = [p for p in r.problems if p.key != "report_no_department"]
    if as_json:
        for r in results:
            click.echo(json.dumps(r.as_json(), ensure_ascii=False))
    else:
        for r in results:
            _print(r, lang)
    if out is not None:
        from etl.reports.review_sheet import write_review

        n = write_review(results, out)
        click.echo(t("written", lang, n=n, path=out), err=as_json)
    sys.exit(0 if all(r.ok for r in results) else 1)


COMMANDS = (command,)
