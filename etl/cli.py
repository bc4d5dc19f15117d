"""`python -m etl`: the command group. Each command lives in etl/commands/ as a thin wrapper over
the library (etl.load.loader.load, etl.reports, activity.export, ...).

Exit codes: 0 success; 1 problems in the input (nothing was loaded); 2 wrong usage; 3 another load
holds the warehouse; 4 the warehouse file is damaged or of an older schema.
"""

from __future__ import annotations

import importlib

import click

from etl.commands.options import defaults, shared_options

# The modules of etl/commands/ whose `COMMANDS` are registered here (so `python -m etl --help` lists them).
COMMAND_MODULES: tuple[str, ...] = ("load", "departments", "wordings", "publish", "synth", "extract", "export", "passwd", "parquet")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@shared_options
@click.pass_context
def main(ctx: click.Context) -> None:
    """Load activity figures of city-council departments into the warehouse.

    \b
    --db, --json and --lang may stand before or after the command.
    Exit codes: 0 success; 1 problems in the input (nothing loaded);
    2 wrong usage; 3 the warehouse is busy with another load;
    4 the warehouse is damaged or of an older schema.
    """
    defaults(ctx)


for _name in COMMAND_MODULES:
    for _command in importlib.import_module(f"etl.commands.{_name}").COMMANDS:
        main.add_command(_command)
