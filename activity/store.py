"""The one reader of the warehouse: short-lived read-only connections and bound parameters.

Loads swap a new warehouse file in atomically (etl.warehouse), so a reader opens the file for each
query and sees either the old or the new warehouse, never a mix. `version()` changes with every
swap and keys the app's caches.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]


class WarehouseMissing(Exception):
    """No warehouse file yet: run `python -m etl build`."""


class WarehouseDamaged(Exception):
    """The warehouse file cannot be opened or read back: restore a backup or rebuild it."""


TABLES = ("meta", "places", "metrics", "sources", "facts", "load_log", "population")


def db_path() -> Path:
    env = os.environ.get("DASHBOARD_DB")
    return Path(env) if env else ROOT / "data" / "warehouse.duckdb"


def version(path: Path | None = None) -> str:
    """Changes whenever a load swaps in a new file; '' when there is no warehouse."""
    try:
        st = (path or db_path()).stat()
    except FileNotFoundError:
        return ""
    return f"{st.st_ino}-{st.st_mtime_ns}-{st.st_size}"


def query(sql: str, params: list | tuple | dict | None = None, path: Path | None = None) -> pd.DataFrame:
    """Run one read-only query with bound parameters and return a DataFrame."""
    path = path or db_path()
    if not path.exists():
        raise WarehouseMissing(str(path))
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql, params or []).df()
    finally:
        con.close()


def verify(path: Path | None = None) -> None:
    """Read every row of every table back (DuckDB checks each block's checksum as it reads).

    Raises WarehouseDamaged with DuckDB's reason when the file is not a warehouse, is cut short or
    has a damaged block. Reading is proportional to the file: milliseconds for the shipped data.
    """
    path = path or db_path()
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise WarehouseDamaged(str(exc).splitlines()[0][:300]) from exc
    try:
        tables = {name for (name,) in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()").fetchall()}
        missing = set(TABLES) - tables
        if missing:
            raise WarehouseDamaged(f"no table {', '.join(sorted(missing))}: not a warehouse of this app")
        for table in sorted(tables):
            con.execute(f'SELECT count(*), bit_xor(hash(t)) FROM "{table}" t').fetchone()  # names from the catalog
        con.execute("SELECT count(*) FROM observations").fetchone()
    except duckdb.Error as exc:
        raise WarehouseDamaged(str(exc).splitlines()[0][:300]) from exc
    finally:
        con.close()
