"""Many files into the warehouse at once: parsed in parallel, stored as they come, all or nothing.

Files are read and validated in worker processes (one per core by default) and come back with
their figures packed as Arrow tables, so a national load never holds millions of Python objects.
Each good file is stored into the load's copy of the warehouse as soon as it arrives. The first
file with an error stops the storing, the remaining files are still checked (so every problem is
reported at once), and the copy is thrown away: the live warehouse is unchanged.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from etl.ingest import FileResult, parse_file
from etl.warehouse import LoadReport, _store, _whoami, refresh_observations, transaction


class _Pending:
    """Facts waiting to be inserted: one INSERT per ~250 000 rows instead of one per file."""

    def __init__(self, con, rows: int = 250_000) -> None:
        self.con, self.limit, self.tables, self.rows = con, rows, [], 0

    def add(self, source_id: int, table) -> None:
        import pyarrow as pa

        self.tables.append(table.add_column(0, "source_id", pa.array([source_id] * table.num_rows, pa.int32())))
        self.rows += table.num_rows
        if self.rows >= self.limit:
            self.flush()

    def flush(self) -> None:
        if not self.tables:
            return
        import pyarrow as pa

        self.con.register("incoming_facts", pa.concat_tables(self.tables))
        self.con.execute("INSERT INTO facts SELECT * FROM incoming_facts")
        self.con.unregister("incoming_facts")
        self.tables, self.rows = [], 0


class _Abort(Exception):
    """A file had errors: leave the transaction without swapping the copy in."""


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, int(os.environ.get("DASHBOARD_JOBS", "0") or 0) or 64))


def _parse_packed(path: Path) -> FileResult:
    return parse_file(path).pack()


def parse_many(paths: list[Path], jobs: int | None = None) -> Iterator[FileResult]:
    """Parsed files in the order given; in `jobs` processes when there are several files."""
    jobs = jobs or default_jobs()
    if jobs == 1 or len(paths) < 2:
        for p in paths:
            yield _parse_packed(p)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_parse_packed, paths, chunksize=1 if len(paths) < 64 else 4)


def load_paths(
    paths: list[Path],
    db_path: Path,
    *,
    demo: bool = False,
    user: str | None = None,
    jobs: int | None = None,
    progress: Callable[[FileResult], None] | None = None,
) -> LoadReport:
    """Parse and store files in one load; if any has an error nothing is stored."""
    started = time.perf_counter()
    results: list[FileResult] = []
    user = user or _whoami()
    try:
        with transaction(db_path) as con:
            load_id = con.execute("SELECT coalesce(max(load_id), 0) + 1 FROM load_log").fetchone()[0]
            affected: set[str] = set()
            failed = False
            pending = _Pending(con)
            for r in parse_many(paths, jobs):
                results.append(r)
                failed = failed or not r.ok
                if not failed:
                    affected |= _store(con, r, load_id, demo, user, pending)
                r.packed = None  # stored (or not to be): let the figures go
                if progress:
                    progress(r)
            if failed:
                raise _Abort
            pending.flush()
            refresh_observations(con, affected)
    except _Abort:
        for r in results:
            r.action = "rejected" if not r.ok else "not_loaded"
        return LoadReport(results, False, time.perf_counter() - started, db_path)
    report = LoadReport(results, True, time.perf_counter() - started, db_path)
    report.counts = {a: sum(1 for r in results if r.action == a) for a in ("added", "replaced", "unchanged")}
    return report


def check_paths(paths: list[Path], *, jobs: int | None = None,
                progress: Callable[[FileResult], None] | None = None) -> list[FileResult]:
    """Parse and validate files without touching any warehouse."""
    out = []
    for r in parse_many(paths, jobs):
        r.action = "checked" if r.ok else "rejected"
        out.append(r)
        if progress:
            progress(r)
    return out
