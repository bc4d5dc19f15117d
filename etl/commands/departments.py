"""`python -m etl departments [list | add | alias]`: the department registry, and teaching it.

A thin command over activity.departments and etl.load.departments. `list` (the default) shows the
departments of every place that has figures or is in the registry (`--city` for one); `add`
registers a department; `alias` remembers that a text names a department. What people add is kept in
data/local/departments.toml and recorded in the warehouse's load log with who did it.
Exit codes: 0 done; 2 wrong usage (an unknown city, kind or code; a name another department has).
"""

from __future__ import annotations

import json
import sys

import click

from activity.departments import RegistryError
from activity.i18n import translator
from etl.commands.options import shared_options

T = {  # (uk, en)
    "added": ("Зареєстровано підрозділ {code}: {name}", "Registered department {code}: {name}"),
    "aliased": ("Запам’ятано: «{text}» — це {code} ({name})", "Remembered: '{text}' is {code} ({name})"),
    "refused": ("Не зроблено: {detail}", "Not done: {detail}"),
    "none": ("Підрозділів немає.", "No departments."),
    "head": ("Код · місто · вид · назва · інші назви", "Code · city · kind · name · other names"),
}
t = translator(T)


def _place(text: str, lang: str) -> str:
    from activity.i18n import pick
    from activity.places import PlaceError, resolve_place

    code = text.strip().upper()
    if code.startswith("UA") and code[2:].isdigit():
        return code
    try:
        return resolve_place(text).place.code
    except PlaceError as exc:
        raise click.BadParameter(pick(exc.message_uk, exc.message_en, lang), param_hint="--city") from None


@click.group("departments", invoke_without_command=True)
@click.option("--city", default=None, help="Only this city's departments (name or КАТОТТГ code).")
@shared_options
@click.pass_context
def command(ctx: click.Context, city: str | None) -> None:
    """List the department registry; `add` and `alias` teach it (see --help of each)."""
    if ctx.invoked_subcommand is not None:
        return
    from activity.places import get_place
    from etl.load.departments import registry_of

    obj = ctx.obj
    registry = registry_of(obj["db"])
    place = _place(city, obj["lang"]) if city else None
    rows = sorted((d for d in registry.departments.values() if place is None or d.place == place),
                  key=lambda d: (get_place(d.place).name_uk, d.name_uk))
    if obj["json"]:
        click.echo(json.dumps([{
            "code": d.code, "city_code": d.place, "city_uk": get_place(d.place).name_uk, "kind": d.kind,
            "name_uk": d.name_uk, "name_en": d.name_en, "origin": d.origin,
            "aliases": [a.uk for a in d.aliases]} for d in rows], ensure_ascii=False, indent=1))
        return
    if not rows:
        click.echo(t("none", obj["lang"]))
        return
    click.echo(t("head", obj["lang"]))
    for d in rows:
        kind = registry.kinds[d.kind].label(obj["lang"])
        others = "; ".join(a.uk for a in d.aliases)
        click.echo(f"{d.code} · {get_place(d.place).name_uk} · {kind} · {d.label(obj['lang'])}"
                   + (f" · {others}" if others else ""))


@command.command("add")
@click.argument("name")
@click.option("--city", required=True, help="The city or hromada (name or КАТОТТГ code).")
@click.option("--kind", required=True, help="Main kind: communications, internal_policy, records, appeals, ...")
@click.option("--en", default=None, help="English name (default: the Ukrainian one).")
@click.option("--code", default=None, help="Code (default: made from the city's code and the name).")
@shared_options
@click.pass_obj
def add_command(obj: dict, name: str, city: str, kind: str, en: str | None, code: str | None) -> None:
    """Register NAME as a department of --city."""
    from etl.load.departments import add_department

    try:
        d = add_department(obj["db"], _place(city, obj["lang"]), name, kind, en=en, code=code)
    except RegistryError as exc:
        click.echo(t("refused", obj["lang"], detail=exc.message(obj["lang"])), err=True)
        sys.exit(2)
    click.echo(t("added", obj["lang"], code=d.code, name=d.name_uk))


@command.command("alias")
@click.argument("text")
@click.argument("code")
@shared_options
@click.pass_obj
def alias_command(obj: dict, text: str, code: str) -> None:
    """Remember that TEXT (as written in files) names the department CODE."""
    from etl.load.departments import add_alias

    try:
        d = add_alias(obj["db"], text, code)
    except RegistryError as exc:
        click.echo(t("refused", obj["lang"], detail=exc.message(obj["lang"])), err=True)
        sys.exit(2)
    click.echo(t("aliased", obj["lang"], text=" ".join(text.split()), code=d.code, name=d.name_uk))


COMMANDS = (command,)
