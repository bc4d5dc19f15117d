"""Every setting the project reads from the environment, in one table.

Each setting is a `DASHBOARD_<NAME>` variable with a default; `setting(name)` gives the value in
force. A value that cannot be read as the setting's kind is ignored (the default stands), so a
typo never stops a load or the app:

    DASHBOARD_MAX_COLUMNS=1000 python -m etl load wide.xlsx
    DASHBOARD_DB=/srv/dashboard/warehouse.duckdb make run

Kinds: `count` (a positive whole number; `_` between digits allowed), `seconds` (a number, 0 or
more), `size` (DuckDB's memory sizes: `1GB`, `512MB`), `path`. The limits on input files
(`group == "limit"`) keep one load under about 1 GB of memory and a few seconds on the files this
project sees. docs/operating.md has the table; tests/test_settings.py checks that every setting is
there and that no code reads a `DASHBOARD_` variable this table lacks.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]  # the project folder: data/ and the templates live under it


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    kind: str  # count | seconds | size | path
    group: str  # warehouse | load | limit
    about: str  # what it changes, in English (docs/operating.md has the table)

    @property
    def env(self) -> str:
        return f"DASHBOARD_{self.name}"


SETTINGS: tuple[Setting, ...] = (
    Setting("DB", ROOT / "data" / "warehouse.duckdb", "path", "warehouse",
            "the warehouse file the app reads and the commands load (`--db` overrides it for one command)"),
    Setting("UPLOAD_DIR", ROOT / "data" / "uploads", "path", "warehouse",
            "where the upload page writes a received file while it is read (deleted right after)"),
    Setting("LOCAL_DIR", ROOT / "data" / "local", "path", "warehouse",
            "what people taught the app (departments and spellings added): kept outside the warehouse, so "
            "`build --fresh` keeps it"),
    Setting("LOCK_WAIT", 30.0, "seconds", "load", "how long a load waits for another load to finish before giving up"),
    Setting("LOAD_MEMORY", "1GB", "size", "load", "DuckDB's memory limit during a load; beyond it DuckDB spills to disk"),
    Setting("LOAD_PAUSE", 0.0, "seconds", "load",
            "hold a finished load this long before swapping it in (lets tests kill or race a load)"),
    Setting("JOBS", 0, "count", "load", "worker processes that read the files of a load (0 or unset: one per core)"),
    Setting("MAX_FILE_BYTES", 200_000_000, "count", "limit", "size of one input file on disk"),
    Setting("MAX_ENTRIES", 2_000, "count", "limit", "parts inside one .xlsx/.ods package"),
    Setting("MAX_UNPACKED_BYTES", 1_000_000_000, "count", "limit",
            "all parts of one package, unpacked (claimed and as actually inflated)"),
    Setting("MAX_PART_BYTES", 250_000_000, "count", "limit", "one part of a package (one sheet's XML), as actually inflated"),
    Setting("MAX_RATIO", 200, "count", "limit", "unpacked / packed size of a part larger than 50 MB (zip bombs)"),
    Setting("MAX_SHEETS", 256, "count", "limit", "sheets in one workbook"),
    Setting("MAX_COLUMNS", 702, "count", "limit", "columns of a sheet (702 = A..ZZ)"),
    Setting("MAX_ROWS", 1_048_576, "count", "limit", "rows of a sheet"),
    Setting("MAX_CELLS", 3_000_000, "count", "limit", "cells of one workbook: the sum over sheets of last row x last column"),
    Setting("MAX_UPLOAD_BYTES", 50_000_000, "count", "limit", "one file sent through the app's upload page"),
    Setting("MAX_UPLOAD_FILES", 20, "count", "limit", "files sent at once through the app's upload page"),
)

_BY_NAME = {s.name: s for s in SETTINGS}
_SIZE = re.compile(r"\d+(\.\d+)?\s*[KMGT]?i?B", re.IGNORECASE)


def setting(name: str):
    """The value in force: $DASHBOARD_<NAME> when it reads as the setting's kind, else the default."""
    item = _BY_NAME[name]
    raw = os.environ.get(item.env, "").strip()
    if not raw:
        return item.default
    if item.kind == "count":
        digits = raw.replace("_", "")
        return int(digits) if digits.isdigit() and (int(digits) > 0 or item.default == 0) else item.default
    if item.kind == "seconds":
        try:
            value = float(raw)
        except ValueError:
            return item.default
        return value if value >= 0 else item.default
    if item.kind == "size":
        return raw if _SIZE.fullmatch(raw) else item.default
    return Path(raw)
