"""`python -m etl load | check | build`: files into the warehouse, checked, or the shipped data built.

Thin commands over etl.load.loader (`load`, `check`) and etl.load.build, with a progress bar on
standard error and a summary (or `--json`).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from activity.formatting import format_number
from activity.i18n import tr, translator
from activity.warehouse.store import WarehouseDamaged, WarehouseOutdated
from etl.commands.options import given_from, given_options, shared_options
from etl.figures import Given
from etl.load.loader import LoadReport, check, load
from etl.load.parse import FileResult, expand_paths
from etl.load.warehouse import WarehouseBusy, record_unknown_wordings

EXIT_INPUT, EXIT_BUSY, EXIT_DAMAGED = 1, 3, 4

T = {  # (uk, en)
    "unchanged": ("без змін (уже завантажено як {same})", "unchanged (already loaded as {same})"),
    "rejected": ("не завантажено: є помилки", "not loaded: errors"),
    "not_loaded": ("не завантажено через помилки в інших файлах", "not loaded: other files have errors"),
    "checked": ("перевірено", "checked"),
    "summary": (
        "Файлів: {files} · показників: {figures} · попереджень: {warnings} · помилок: {errors} · {seconds} с",
        "Files: {files} · figures: {figures} · warnings: {warnings} · errors: {errors} · {seconds} s",
    ),
    "nothing_loaded": (
        "Нічого не завантажено: виправте помилки вище й запустіть знову. Сховище не змінено.",
        "Nothing was loaded: fix the errors above and run again. The warehouse is unchanged.",
    ),
    "busy": (
        "Сховище зайняте іншим завантаженням ({db}). Спробуйте за хвилину.",
        "The warehouse is busy with another load ({db}). Try again in a minute.",
    ),
    "damaged": (
        "Файл сховища пошкоджено: {detail}. Відновіть резервну копію (попередня версія лежить поруч як "
        "<назва>.previous) або перебудуйте: python -m etl build --fresh",
        "The warehouse file is damaged: {detail}. Restore a backup (the previous version is kept beside it "
        "as <name>.previous) or rebuild: python -m etl build --fresh",
    ),
    "outdated": (
        "Сховище створене старішою версією програми ({detail}). Перебудуйте його: python -m etl build --fresh, "
        "тоді знову python -m etl load ваших файлів.",
        "The warehouse was written by an older version of the app ({detail}). Rebuild it: python -m etl build "
        "--fresh, then python -m etl load your files again.",
    ),
    "no_files": ("Не знайдено файлів для обробки: {paths}", "No input files found in: {paths}"),
    "built": ("Сховище: {db}", "Warehouse: {db}"),
    "unit_file": (" файл", " file"),
    "checking": ("Перевірка", "Checking"),
    "loading": ("Завантаження файлів", "Loading"),
}


t = translator(T)


SKIP_UNKNOWN = click.option(
    "--skip-unknown", is_flag=True,
    help="Leave out rows whose metric is unknown (each a warning with its cell) instead of rejecting the file.")


@click.command("load")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--demo", is_flag=True, help="Mark these figures as demo data (the app labels them).")
@click.option("--department", default=None, metavar="NAME",
              help="The department of figures whose file names none (its name or code, as registered).")
@SKIP_UNKNOWN
@given_options
@shared_options
@click.pass_obj
def load_command(obj: dict, paths: tuple[Path, ...], demo: bool, department: str | None, skip_unknown: bool,
                 city: str | None, year: int | None) -> None:
    """Load spreadsheets (.xlsx, .csv, .ods) and reports (.txt, .docx) from files or folders.

    A file loaded before with the same content is left as it is; a file with the same name and new
    content replaces its previous version. If any file has errors, nothing is loaded.
    """
    _run(obj, list(paths), store=True, demo=demo, department=department, given=given_from(obj["lang"], city, year),
         skip_unknown=skip_unknown)


@click.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--department", default=None, metavar="NAME",
              help="The department of figures whose file names none (its name or code, as registered).")
@SKIP_UNKNOWN
@given_options
@shared_options
@click.pass_obj
def check_command(obj: dict, paths: tuple[Path, ...], department: str | None, skip_unknown: bool,
                  city: str | None, year: int | None) -> None:
    """Validate files and list every problem, without loading anything.

    PATHS are spreadsheets (.xlsx, .csv, .ods), reports (.txt, .docx) or folders. Each problem names its file, sheet and
    cell. Exits with 1 if any file has an error, 0 otherwise; the warehouse is never touched.
    """
    _run(obj, list(paths), store=False, department=department, given=given_from(obj["lang"], city, year),
         skip_unknown=skip_unknown)


@click.command("build")
@click.option("--fresh", is_flag=True, help="Delete the warehouse first and build it anew.")
@shared_options
@click.pass_obj
def build_command(obj: dict, fresh: bool) -> None:
    """Build the warehouse from the data shipped in data/ (real figures and demo workbooks).

    Running it again adds nothing: files already loaded are recognised by their content.
    """
    from etl.load.build import build_warehouse

    db: Path = obj["db"]
    if fresh:
        db.unlink(missing_ok=True)
    try:
        reports = build_warehouse(db, progress=_progress_factory(obj))
    except (WarehouseBusy, WarehouseDamaged) as exc:
        _fail_db(obj, exc)
    code = 0
    for report in reports:
        code = max(code, _print_report(obj, report, report.seconds))
    if not obj["json"]:
        click.echo(t("built", obj["lang"], db=db))
    sys.exit(code)


def _progress_factory(obj: dict):
    def make(total: int, desc: str):
        from tqdm import tqdm

        return tqdm(total=total, desc=desc, unit=t("unit_file", obj["lang"]),
                    file=sys.stderr, disable=obj["json"] or None, leave=False)

    return make


def _run(obj: dict, paths: list[Path], *, store: bool, demo: bool = False, department: str | None = None,
         given: Given | None = None, skip_unknown: bool = False) -> None:
    started = time.perf_counter()
    files = expand_paths(paths)
    if not files:
        click.echo(t("no_files", obj["lang"], paths=", ".join(map(str, paths))), err=True)
        sys.exit(EXIT_INPUT)
    label = t("loading" if store else "checking", obj["lang"])
    bar = _progress_factory(obj)(len(files), label)
    if not store:
        results = check(files, db_path=obj["db"], department=department, given=given,
                        progress=lambda _r: bar.update(1), skip_unknown=skip_unknown)
        bar.close()
        sys.exit(_print_report(obj, LoadReport(results, False), time.perf_counter() - started, attempted=False))
    try:
        report = load(files, obj["db"], demo=demo, department=department, given=given,
                      progress=lambda _r: bar.update(1), skip_unknown=skip_unknown)
        if report.loaded:  # the rows left out, noted for the catalog (the Data quality page)
            from etl.intake.uploads import unknown_wordings

            record_unknown_wordings(obj["db"], unknown_wordings(report.files))
    except (WarehouseBusy, WarehouseDamaged) as exc:
        bar.close()
        _fail_db(obj, exc)
    bar.close()
    sys.exit(_print_report(obj, report, time.perf_counter() - started))


def _fail_db(obj: dict, exc: Exception) -> None:
    busy = isinstance(exc, WarehouseBusy)
    if busy:
        msg = t("busy", obj["lang"], db=obj["db"])
    else:
        msg = t("outdated" if isinstance(exc, WarehouseOutdated) else "damaged", obj["lang"], detail=exc)
    if obj["json"]:
        click.echo(json.dumps({"ok": False, "error": msg}, ensure_ascii=False))
    else:
        click.echo(msg, err=True)
    sys.exit(EXIT_BUSY if busy else EXIT_DAMAGED)


def _print_report(obj: dict, report: LoadReport, seconds: float, attempted: bool = True) -> int:
    lang = obj["lang"]
    results: list[FileResult] = report.files
    errors = sum(len(r.errors) for r in results)
    warnings = sum(len(r.warnings) for r in results)
    figures = sum(r.figure_count for r in results if r.action in ("added", "replaced", "checked"))
    code = EXIT_INPUT if errors else 0
    if obj["json"]:
        click.echo(json.dumps({
            "ok": not errors,
            "loaded": report.loaded,
            "files": [{
                "name": r.name, "action": r.action, "figures": r.figure_count,
                "problems": [p.as_dict(lang) for p in r.problems],
            } for r in results],
            "figures": figures, "warnings": warnings, "errors": errors, "seconds": round(seconds, 3),
        }, ensure_ascii=False, indent=1))
        return code
    said = {"added": tr("added", lang), "replaced": tr("replaced_previous", lang)}  # the pages say these too
    for r in results:
        status = said.get(r.action) or (t(r.action, lang, same=r.replaced or "") if r.action else "")
        click.echo(f"{r.name}: {status}, {format_number(r.figure_count, lang)}")
        for p in r.problems:
            click.echo("  " + p.render(lang), err=p.severity == "error")
    if errors and any(r.action == "not_loaded" for r in results) or (errors and attempted):
        click.echo(t("nothing_loaded", lang), err=True)
    click.echo(t("summary", lang, files=len(results), figures=format_number(figures, lang),
                 warnings=warnings, errors=errors, seconds=format_number(round(seconds, 1), lang)))
    return code



COMMANDS = (load_command, check_command, build_command)
