"""The limits a spreadsheet must stay within before any parser reads it, in one table.

Each limit has a default that keeps one load under about 1 GB of memory and a few seconds on the
files this project sees, and an environment variable that changes it for one run:

    DASHBOARD_MAX_COLUMNS=1000 python -m etl load wide.xlsx

A value that is not a positive whole number is ignored (the default stands). `docs/operating.md`
has the table of every limit and `README.md` names each one; tests check both.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Limit:
    name: str
    default: int
    about: str  # what it bounds, in English (docs/operating.md has the table)

    @property
    def env(self) -> str:
        return f"DASHBOARD_{self.name}"


LIMITS: tuple[Limit, ...] = (
    Limit("MAX_FILE_BYTES", 200_000_000, "size of one input file on disk"),
    Limit("MAX_ENTRIES", 2_000, "parts inside one .xlsx/.ods package"),
    Limit("MAX_UNPACKED_BYTES", 1_000_000_000, "all parts of one package, unpacked (claimed and as actually inflated)"),
    Limit("MAX_PART_BYTES", 250_000_000, "one part of a package (one sheet's XML), as actually inflated"),
    Limit("MAX_RATIO", 200, "unpacked / packed size of a part larger than 50 MB (zip bombs)"),
    Limit("MAX_SHEETS", 256, "sheets in one workbook"),
    Limit("MAX_COLUMNS", 702, "columns of a sheet (702 = A..ZZ)"),
    Limit("MAX_ROWS", 1_048_576, "rows of a sheet"),
    Limit("MAX_CELLS", 3_000_000, "cells of one workbook: the sum over sheets of last row x last column"),
    Limit("MAX_UPLOAD_BYTES", 50_000_000, "one file sent through the app's upload page"),
    Limit("MAX_UPLOAD_FILES", 20, "files sent at once through the app's upload page"),
)


def limit(name: str) -> int:
    """The limit in force: $DASHBOARD_<NAME> if set to a positive whole number, else the default."""
    item = _BY_NAME[name]
    raw = os.environ.get(item.env, "").strip().replace("_", "")
    if raw.isdigit() and int(raw) > 0:
        return int(raw)
    return item.default


_BY_NAME = {x.name: x for x in LIMITS}
