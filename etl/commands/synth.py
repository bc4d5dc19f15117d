"""`python -m etl synth`: write synthetic wide-layout workbooks for many hromadas (scale tests)."""

from __future__ import annotations

import sys
import time
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

import click

from activity.formatting import format_number
from etl.commands.options import shared_options
from etl.synth import units, write_unit


@click.command("synth")
@click.option("--hromadas", type=click.IntRange(1, 2000), default=10, show_default=True,
              help="How many hromadas (taken from the official codifier; all of them: 2000).")
@click.option("--years", type=click.IntRange(1, 30), default=3, show_default=True, help="Years of figures.")
@click.option("--last-year", type=int, default=2024, show_default=True, help="The last year written.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for the workbooks (created if missing).")
@click.option("--seed", type=int, default=7, show_default=True, help="Seed: the same arguments write the same figures.")
@click.option("--jobs", type=click.IntRange(1, 64), default=2, show_default=True, help="Processes to write with.")
@shared_options
def command(hromadas: int, years: int, last_year: int, out_dir: Path, seed: int, jobs: int) -> None:
    """Write synthetic demo workbooks in the wide layout: one per hromada, a sheet per department and year.

    For scale tests and benchmarks only: the figures are invented (never load them as real data).
    """
    from tqdm import tqdm

    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    chosen = units(hromadas, seed)
    span = range(last_year - years + 1, last_year + 1)
    work = partial(write_unit, years=span, out_dir=out_dir, seed=seed)
    total = 0
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for _path, figures in tqdm(pool.map(work, chosen, chunksize=4), total=len(chosen), unit=" громад",
                                   file=sys.stderr, disable=None):
            total += figures
    click.echo(f"Громад: {len(chosen)} · років: {years} · показників: {format_number(total)} · "
               f"{format_number(round(time.perf_counter() - started, 1))} с → {out_dir}")


COMMANDS = (command,)
