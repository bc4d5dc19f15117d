"""`python -m etl publish --to DIR`: the warehouse copied where the app replicas read it, swapped in whole.

A thin command over etl.load.publish (temporary name, flush to disk, read back, atomic rename, the
previous snapshot kept as `<name>.previous`). Exit codes: 0 published; 1 no warehouse; 4 the
warehouse (or the copy) does not read back whole.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from activity.formatting import format_number
from activity.i18n import tr, translator
from activity.warehouse.store import WarehouseDamaged, WarehouseMissing
from etl.commands.options import shared_options

T = {  # (uk, en)
    "published": ("Опубліковано {dest} ({mb} МБ); попередній знімок — {previous}",
                  "Published {dest} ({mb} MB); the previous snapshot is {previous}"),
    "damaged": ("Сховище не читається повністю, нічого не опубліковано: {detail}",
                "The warehouse does not read back whole; nothing was published: {detail}"),
}
t = translator(T)


@click.command("publish")
@click.option("--to", "to_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder the app replicas read the warehouse from (DASHBOARD_DB=DIR/warehouse.duckdb).")
@shared_options
@click.pass_obj
def command(obj: dict, to_dir: Path) -> None:
    """Copy the warehouse to DIR for the app replicas, swapped in whole (the previous one kept)."""
    from etl.load.publish import publish

    lang = obj["lang"]
    try:
        dest = publish(obj["db"], to_dir)
    except WarehouseMissing:
        click.echo(tr("no_warehouse_at", lang, db=obj["db"]), err=True)
        sys.exit(1)
    except WarehouseDamaged as exc:
        click.echo(t("damaged", lang, detail=exc), err=True)
        sys.exit(4)
    mb = format_number(round(dest.stat().st_size / 1_000_000, 1), lang)
    click.echo(t("published", lang, dest=dest, mb=mb, previous=dest.with_name(dest.name + ".previous")))


COMMANDS = (command,)
