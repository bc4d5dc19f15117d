"""`python -m etl export-parquet DIR`: the observations as Parquet partitioned by year and oblast.

A thin command over etl.parquet.export_parquet. Exit codes: 0 written; 1 no warehouse or no
figures; 2 wrong usage (DIR is a file, or a folder that holds something other than a snapshot);
4 the warehouse cannot be read.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from activity.formatting import format_number
from activity.i18n import translator
from etl.commands.options import shared_options
from etl.parquet import COMPRESSIONS, ParquetExportError, export_parquet

T = {  # (uk, en)
    "written": (
        "Записано знімок {out}: рядків {rows}, файлів {files}, років {years} ({first}–{last}), областей {oblasts} · {seconds} с",
        "Wrote the snapshot {out}: {rows} rows, {files} files, {years} years ({first}–{last}), {oblasts} oblasts · {seconds} s",
    ),
}


t = translator(T)


@click.command("export-parquet")
@click.argument("out_dir", type=click.Path(path_type=Path))
@click.option("--compression", type=click.Choice(COMPRESSIONS), default="zstd",
              show_default=True, help="Parquet compression codec.")
@shared_options
@click.pass_obj
def command(obj: dict, out_dir: Path, compression: str) -> None:
    """Write the warehouse's observations as Parquet in OUT_DIR, partitioned by year and oblast.

    \b
    OUT_DIR/year=2019/oblast=UA74/data_0.parquet (Hive layout: DuckDB, Spark, Trino and ClickHouse
    read it). The warehouse is opened read-only; the snapshot is renamed into place only when
    complete, replacing an earlier snapshot in OUT_DIR. A folder holding anything else is refused.
    """
    lang = obj["lang"]
    try:
        snap = export_parquet(obj["db"], out_dir, compression=compression)
    except ParquetExportError as exc:
        if obj["json"]:
            click.echo(json.dumps({"ok": False, "error": exc.message(lang)}, ensure_ascii=False))
        else:
            click.echo(exc.message(lang), err=True)
        sys.exit(exc.code)
    if obj["json"]:
        click.echo(json.dumps({"ok": True, "out": str(snap.path), "rows": snap.rows, "files": snap.files,
                               "years": snap.years, "oblasts": snap.oblasts, "seconds": round(snap.seconds, 3)},
                              ensure_ascii=False))
        return
    click.echo(t(
        "written", lang, out=snap.path, rows=format_number(snap.rows, lang), files=format_number(snap.files, lang),
        years=len(snap.years), first=snap.years[0], last=snap.years[-1], oblasts=len(snap.oblasts),
        seconds=format_number(round(snap.seconds, 1), lang)))


COMMANDS = (command,)
