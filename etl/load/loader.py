"""Many files into the warehouse at once: parsed in parallel, stored as they come, all or nothing.

Files are read and validated in worker processes (one per core by default) and come back with
their figures packed as Arrow tables, so a national load never holds millions of Python objects.
Each good file is stored into the load's copy of the warehouse as it arrives (etl.load.storer: in
batches). The first
file with an error stops the storing, the remaining files are still checked (so every problem is
reported at once), and the copy is thrown away: the live warehouse is unchanged.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from etl.load.parse import FileResult, parse_file
from etl.load.storer import Storer
from etl.load.warehouse import LoadReport, _whoami, transaction


class _Abort(Exception):
    """A file had errors: leave the transaction without swapping the copy in."""


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, int(os.environ.get("DASHBOARD_JOBS", "0") or 0) or 64))


def _parse_packed(path: Path) -> FileResult:
    return parse_file(path, packed=True).pack()


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
            storer = Storer(con, demo=demo, user=user)
            failed = False
            for r in parse_many(paths, jobs):
                results.append(r)
                failed = failed or not r.ok
                if not failed:
                    storer.store(r)
                r.packed = None  # stored (or not to be): let the figures go
                if progress:
                    progress(r)
            if failed:
                raise _Abort
            storer.finish()
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
