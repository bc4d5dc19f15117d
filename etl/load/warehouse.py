"""The only writer of the warehouse.

A load never changes the live file in place. Under an exclusive lock it copies the warehouse to a
temporary file beside it, writes there, checkpoints, and swaps the copy in with `os.replace`, which
is atomic. Readers (the app) open short-lived read-only connections and keep seeing the previous
file until the swap; a load that fails or is killed leaves the previous file as it was. A file
with errors loads nothing; if any file of a batch has errors, the whole batch loads nothing.
"""

from __future__ import annotations

import getpass
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb

from activity.catalog import METRICS
from activity.settings import setting
from activity.warehouse.schema import DDL, SCHEMA_VERSION
from activity.warehouse.store import WarehouseDamaged, verify
from etl.load.observations import refresh_observations


class WarehouseBusy(Exception):
    """Another load holds the lock."""


@contextmanager
def write_lock(db_path: Path, wait: float | None = None) -> Iterator[None]:
    """An exclusive lock beside the warehouse; waits up to `wait` seconds (default: the LOCK_WAIT
    setting), then WarehouseBusy."""
    wait = setting("LOCK_WAIT") if wait is None else wait
    lock_path = db_path.with_name(db_path.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fh = open(lock_path, "a+b")
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                _lock(fh)
                break
            except OSError:
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(str(db_path)) from None
                time.sleep(0.1)
        yield
    finally:
        _unlock(fh)
        fh.close()


def _lock(fh) -> None:
    try:
        import fcntl

        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except ImportError:  # Windows
        import msvcrt

        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)


def _unlock(fh) -> None:
    try:
        import fcntl

        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
    except ImportError:
        import msvcrt

        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
    except OSError:
        pass


@contextmanager
def transaction(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """Write a copy of the warehouse and swap it in on success; on any failure the live file stays."""
    db_path = Path(db_path)
    with write_lock(db_path):
        for stale in db_path.parent.glob(f".{db_path.name}.*.tmp*"):
            stale.unlink(missing_ok=True)  # left by a killed load
        tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.tmp")
        if db_path.exists():
            verify(db_path)  # never build on a damaged file, nor on one of an older schema
            shutil.copyfile(db_path, tmp)
        try:
            try:
                con = duckdb.connect(str(tmp))
            except duckdb.Error as exc:
                raise WarehouseDamaged(f"{db_path.name}: {exc}") from exc
            try:
                con.execute(f"SET memory_limit = '{setting('LOAD_MEMORY')}'")
                con.execute("SET preserve_insertion_order = false")  # `obs` is sorted explicitly
                con.execute(DDL)
                con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
                _refresh_metrics(con)
                _refresh_departments(con)
                yield con
                con.execute("CHECKPOINT")
                _pause_before_swap()
            finally:
                con.close()
            fsync_file(tmp)
            verify(tmp)  # what is swapped in reads back whole
            keep_previous(db_path)
            os.replace(tmp, db_path)
            fsync_dir(db_path.parent)
        finally:
            for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
                leftover.unlink(missing_ok=True)


def previous_path(db_path: Path) -> Path:
    """Where the warehouse before the last load is kept (a hard link: no extra disk until it differs)."""
    return db_path.with_name(db_path.name + ".previous")


def keep_previous(db_path: Path) -> None:
    """Keep the file being replaced as `<name>.previous`: one step back, restored by copying it."""
    if not db_path.exists():
        return
    previous = previous_path(db_path)
    previous.unlink(missing_ok=True)
    try:
        os.link(db_path, previous)
    except OSError:  # no hard links on this file system: copy
        shutil.copyfile(db_path, previous)


def _pause_before_swap() -> None:
    """Hold the finished copy for $DASHBOARD_LOAD_PAUSE seconds: lets tests kill or race a load."""
    pause = setting("LOAD_PAUSE")
    if pause > 0:
        time.sleep(pause)


def fsync_file(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def fsync_dir(path: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(path, os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _refresh_metrics(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("DELETE FROM metrics")
    con.executemany("INSERT INTO metrics VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [
        [m.code, m.kind, m.category, m.polarity, m.unit, m.label_uk, m.label_en, m.definition_uk, m.definition_en]
        for m in METRICS.values()
    ])


def _refresh_departments(con: duckdb.DuckDBPyConnection) -> None:
    """The registry's departments (shipped, and those people added) as the warehouse's `departments`
    rows: new ones added, changed names and kinds updated (and `obs` of their places refreshed);
    the departments loads registered stay."""
    from activity.departments import Registry

    registry = Registry.load()
    have = {code: (kind, uk, en) for code, kind, uk, en in
            con.execute("SELECT code, kind, name_uk, name_en FROM departments").fetchall()}
    changed: set[str] = set()
    for d in registry.departments.values():
        if d.code not in have:
            con.execute("INSERT INTO departments VALUES (?, ?, ?, ?, ?, ?, ?, NULL)",
                        [d.code, d.place, d.kind, d.name_uk, d.name_en, d.origin, datetime.now()])
        elif have[d.code] != (d.kind, d.name_uk, d.name_en):
            con.execute("UPDATE departments SET kind = ?, name_uk = ?, name_en = ? WHERE code = ?",
                        [d.kind, d.name_uk, d.name_en, d.code])
            changed.add(d.place)
    refresh_observations(con, changed)


def load_population(con: duckdb.DuckDBPyConnection, csv_path: Path) -> int:
    """Replace the population table from `data/population.csv` (place code, year, population, source)."""
    con.execute("DELETE FROM population")
    con.execute(
        "INSERT INTO population SELECT code, year, population, source FROM read_csv(?, header = true, "
        "columns = {'code': 'VARCHAR', 'name_uk': 'VARCHAR', 'year': 'INTEGER', 'population': 'INTEGER', "
        "'source': 'VARCHAR'})",
        [str(csv_path)],
    )
    return con.execute("SELECT count(*) FROM population").fetchone()[0]


def whoami() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user database entry (containers)
        return "unknown"


class SourceNotFound(KeyError):
    """No active source has that name."""


def remove_source(db_path: Path, name: str, user: str | None = None) -> int:
    """Take a loaded file or report out: its figures go, its `sources` row stays (inactive), the
    load log records who removed it, and `obs` is refreshed for its places. Returns the figures
    removed; SourceNotFound (the warehouse unchanged) when no active source has that name."""
    user = user or whoami()
    with transaction(db_path) as con:
        row = con.execute("SELECT source_id, content_hash, warnings FROM sources WHERE active AND name = ?",
                          [name]).fetchone()
        if row is None:
            raise SourceNotFound(name)
        source_id, content_hash, warnings = row
        places = {c for (c,) in con.execute("SELECT DISTINCT place_code FROM facts WHERE source_id = ?",
                                            [source_id]).fetchall()}
        removed = con.execute("SELECT count(*) FROM facts WHERE source_id = ?", [source_id]).fetchone()[0]
        con.execute("DELETE FROM facts WHERE source_id = ?", [source_id])
        con.execute("UPDATE sources SET active = FALSE WHERE source_id = ?", [source_id])
        load_id = con.execute("SELECT coalesce(max(load_id), 0) + 1 FROM load_log").fetchone()[0]
        con.execute("INSERT INTO load_log VALUES (?, ?, 'removed', ?, ?, ?, NULL, ?, ?, ?)",
                    [load_id, datetime.now(), name, content_hash, source_id, removed, warnings, user])
        refresh_observations(con, places)
    return removed


def record_unknown_wordings(db_path: Path, seen: list[tuple[str, str, int]]) -> int:
    """Remember metric wordings the catalog did not know: (wording, file, cells) per file.

    Seeing the same wording in the same file again updates its time and count. Returns the rows written.
    """
    if not seen:
        return 0
    now = datetime.now()
    with transaction(db_path) as con:
        con.executemany(
            "INSERT INTO unknown_wordings VALUES (?, ?, ?, ?) ON CONFLICT (wording, file) "
            "DO UPDATE SET seen_at = excluded.seen_at, count = excluded.count",
            [[wording, file, now, int(n)] for wording, file, n in seen])
    return len(seen)
