"""`python -m etl wordings [list | add | remove]`: metric wordings people mapped.

A thin command over etl.load.wordings. `list` (the default) shows each remembered wording with its
metric, who added it and when; `add "<wording>" <code>` remembers that files mean the metric `code`
when they write the wording (the code must be in the catalog; a wording naming another metric is
refused); `remove "<wording>"` forgets it. Kept in data/local/metric_wordings.toml: a fresh build
keeps them. Exit codes: 0 done; 2 refused (an unknown code, a wording of another metric, not remembered).
"""

from __future__ import annotations

import json
import sys

import click

from activity.i18n import translator
from etl.commands.options import shared_options

T = {  # (uk, en)
    "added": ("Запам’ятано назву «{text}»: показник {code} ({name})", "Remembered the wording '{text}': metric {code} ({name})"),
    "removed": ("Забуто: «{text}» ({code})", "Forgotten: '{text}' ({code})"),
    "refused": ("Назви не змінено: {detail}", "Wordings unchanged: {detail}"),
    "none": ("Запам’ятаних назв показників немає.", "No remembered metric wordings."),
    "head": ("Назва · код · показник · додав · коли", "Wording · code · metric · added by · when"),
}
t = translator(T)


@click.group("wordings", invoke_without_command=True)
@shared_options
@click.pass_context
def command(ctx: click.Context) -> None:
    """List metric wordings people mapped; `add` and `remove` change them (see --help of each)."""
    if ctx.invoked_subcommand is None:
        _list(ctx.obj)


def _list(obj: dict) -> None:
    from activity.catalog import get_metric
    from etl.load.wordings import list_wordings

    lang = obj["lang"]
    rows = list_wordings()
    if obj["json"]:
        click.echo(json.dumps([{"wording": r.text, "code": r.code, "metric": get_metric(r.code).label(lang),
                                "added_by": r.added_by, "added_at": r.added_at} for r in rows],
                              ensure_ascii=False, indent=1))
        return
    if not rows:
        click.echo(t("none", lang))
        return
    click.echo(t("head", lang))
    for r in rows:
        click.echo(f"{r.text} · {r.code} · {get_metric(r.code).label(lang)} · {r.added_by} · {r.added_at}")


@command.command("list")
@shared_options
@click.pass_obj
def list_command(obj: dict) -> None:
    """List the remembered wordings with who added them and when."""
    _list(obj)


def _refuse(obj: dict, exc) -> None:
    if obj["json"]:
        click.echo(json.dumps({"ok": False, "error": exc.message(obj["lang"])}, ensure_ascii=False))
    else:
        click.echo(t("refused", obj["lang"], detail=exc.message(obj["lang"])), err=True)
    sys.exit(2)


@command.command("add")
@click.argument("wording")
@click.argument("code")
@shared_options
@click.pass_obj
def add_command(obj: dict, wording: str, code: str) -> None:
    """Remember that WORDING (as written in files) names the metric CODE."""
    from etl.load.wordings import WordingError, add_wording

    try:
        metric = add_wording(wording, code)
    except WordingError as exc:
        _refuse(obj, exc)
    text = " ".join(wording.split())
    if obj["json"]:
        click.echo(json.dumps({"ok": True, "wording": text, "code": metric.code}, ensure_ascii=False))
        return
    click.echo(t("added", obj["lang"], text=text, code=metric.code, name=metric.label(obj["lang"])))


@command.command("remove")
@click.argument("wording")
@shared_options
@click.pass_obj
def remove_command(obj: dict, wording: str) -> None:
    """Forget a remembered WORDING."""
    from etl.load.wordings import WordingError, remove_wording

    try:
        gone = remove_wording(wording)
    except WordingError as exc:
        _refuse(obj, exc)
    if obj["json"]:
        click.echo(json.dumps({"ok": True, "wording": gone.text, "code": gone.code}, ensure_ascii=False))
        return
    click.echo(t("removed", obj["lang"], text=gone.text, code=gone.code))


COMMANDS = (command,)
