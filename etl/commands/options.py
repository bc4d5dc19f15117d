"""The options every command of `python -m etl` takes, before or after the command's name.

`python -m etl --db w.duckdb load f.xlsx` and `python -m etl load f.xlsx --db w.duckdb` are the
same: the group and every command take `--db`, `--json` and `--lang`, and whichever is given
last wins. Commands read them from the context object: `obj["db"]`, `obj["json"]`, `obj["lang"]`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from activity.warehouse.store import db_path


def _keep(ctx: click.Context, param: click.Parameter, value: object) -> None:
    if value is not None and value is not False:
        ctx.ensure_object(dict)[param.name] = value


SHARED = (
    lambda: click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path), default=None,
                         expose_value=False, callback=_keep,
                         help="Warehouse file (default: data/warehouse.duckdb, or $DASHBOARD_DB)."),
    lambda: click.option("--json", "json", is_flag=True, default=False, expose_value=False, callback=_keep,
                         help="Print machine-readable JSON instead of text."),
    lambda: click.option("--lang", "lang", type=click.Choice(["uk", "en"]), default=None, expose_value=False,
                         callback=_keep, help="Language of messages (default: uk)."),
)


def shared_options(f: Callable) -> Callable:
    """Give a command (or the group) `--db`, `--json` and `--lang`."""
    for option in reversed(SHARED):
        f = option()(f)
    return f


def defaults(ctx: click.Context) -> dict:
    """The context object with the shared options' defaults filled in where none was given."""
    obj = ctx.ensure_object(dict)
    obj.setdefault("db", db_path())
    obj.setdefault("json", False)
    obj.setdefault("lang", "uk")
    return obj


def given_options(command: Callable, *, year: bool = True) -> Callable:
    """`--city` (and `--year`): what files that do not say it are about; a file that says another is
    an error (etl.figures.Given). Read with `given_from`."""
    if year:
        command = click.option("--year", default=None, type=click.IntRange(1990, 2100), metavar="YYYY",
                               help="The year of sheets that name none (a sheet naming another year is an "
                                    "error).")(command)
    return click.option("--city", default=None, metavar="NAME",
                        help="The city of files that name none, e.g. Ніжин (a file naming another city is an "
                             "error).")(command)


def given_from(lang: str, city: str | None, year: int | None = None):
    """--city read as a place (an unknown or ambiguous name stops the command with exit 1), with --year."""
    from activity.i18n import pick
    from activity.places import PlaceError, resolve_place
    from etl.figures import Given

    if city is None and year is None:
        return None
    code = None
    if city is not None:
        try:
            code = resolve_place(city).place.code
        except PlaceError as exc:
            click.echo("--city: " + pick(exc.message_uk, exc.message_en, lang), err=True)
            raise SystemExit(1) from None
    return Given(code, year)
