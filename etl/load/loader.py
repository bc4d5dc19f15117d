"""`load()`: files into the warehouse, all or nothing. The one way in, for the command line, the
upload and review pages, and `build`.

Files given as paths are read and validated in worker processes (one per core by default) and come
back with their figures packed as Arrow tables, so a national load never holds millions of Python
objects; files already parsed (`FileResult`, as the upload page holds them after showing their
problems) are stored as they are. Each good file is stored into the load's copy of the warehouse as
it arrives (etl.load.storer: in batches). The first file with an error stops the storing, the
remaining files are still checked (so every problem is reported at once), and the copy is thrown
away: the live warehouse is unchanged (etl.load.warehouse.transaction).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from activity.departments import Registry
from activity.settings import setting
from etl.figures import Given
from etl.load.departments import registry_for, registry_of, resolve_file
from etl.load.history import History
from etl.load.parse import FileResult, parse_file
from etl.load.storer import Storer
from etl.load.warehouse import transaction, whoami


@dataclass
class LoadReport:
    files: list[FileResult]
    loaded: bool
    seconds: float = 0.0
    db_path: Path | None = None
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def figures(self) -> int:
        return sum(f.figure_count for f in self.files if f.action in ("added", "replaced"))


class _Abort(Exception):
    """A file had errors: leave the transaction without swapping the copy in."""


def default_jobs() -> int:
    return max(1, min(64, setting("JOBS") or 64, _cores()))


def _cores() -> int:
    import os

    return os.cpu_count() or 1


def _parse_packed(path: Path, given: Given | None = None, skip_unknown: bool = False) -> FileResult:
    return parse_file(path, packed=True, given=given, skip_unknown=skip_unknown).pack()


def parse_many(paths: list[Path], jobs: int | None = None, given: Given | None = None, *,
               skip_unknown: bool = False) -> Iterator[FileResult]:
    """Parsed files in the order given; in `jobs` processes when there are several files. `given`:
    the city and year of sheets that do not say them (etl.figures.Given); `skip_unknown`: rows
    of unknown metrics left out (etl.load.parse.parse_file)."""
    jobs = jobs or default_jobs()
    parse = functools.partial(_parse_packed, given=given, skip_unknown=skip_unknown)
    if jobs == 1 or len(paths) < 2:
        for p in paths:
            yield parse(p)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(parse, paths, chunksize=1 if len(paths) < 64 else 4)


def _parsed(items: Sequence[Path | FileResult], jobs: int | None, given: Given | None = None,
            skip_unknown: bool = False) -> Iterable[tuple[FileResult, bool]]:
    """The items as parsed files, in order, each with whether it was parsed here: paths parsed (in
    parallel), results as they are."""
    if all(isinstance(item, FileResult) for item in items):
        return ((item, False) for item in items)
    if not any(isinstance(item, FileResult) for item in items):
        return ((r, True) for r in parse_many([Path(p) for p in items], jobs, given, skip_unknown=skip_unknown))
    return ((item, False) if isinstance(item, FileResult) else (_parse_packed(Path(item), given, skip_unknown), True)
            for item in items)


def load(
    items: Sequence[Path | str | FileResult],
    db_path: Path,
    *,
    demo: bool = False,
    user: str | None = None,
    jobs: int | None = None,
    progress: Callable[[FileResult], None] | None = None,
    department: str | None = None,
    given: Given | None = None,
    skip_unknown: bool = False,
) -> LoadReport:
    """Store files (paths, or results of `parse_file`) in one load; if any has an error nothing is
    stored and the warehouse is not opened for writing (when every file was parsed beforehand).
    `department`: the department of figures whose file names none (etl.load.departments); `given`:
    the city and year of sheets that do not say them; `skip_unknown`: rows of unknown metrics left
    out, each a warning naming its cell (these two for files given as paths; files already parsed are
    as they were parsed)."""
    started = time.perf_counter()
    results: list[FileResult] = []

    def rejected() -> LoadReport:
        for r in results:
            r.action = "rejected" if not r.ok else "not_loaded"
        return LoadReport(results, False, time.perf_counter() - started, db_path)

    if items and all(isinstance(item, FileResult) for item in items) and not all(r.ok for r in items):
        results = list(items)
        return rejected()
    user = user or whoami()
    try:
        with transaction(db_path) as con:
            storer = Storer(con, demo=demo, user=user)
            registry = registry_for(con)
            history = History(con)
            failed = False
            for r, parsed_here in _parsed(items, jobs, given, skip_unknown):
                results.append(r)
                resolve_file(r, registry, department)
                if r.ok and not storer.holds(r):
                    history.check(r)
                failed = failed or not r.ok
                if not failed:
                    storer.store(r)
                if parsed_here:
                    r.packed = None  # stored (or not to be): let the figures go (the caller's stay theirs)
                if progress:
                    progress(r)
            if failed:
                raise _Abort
            storer.finish()
    except _Abort:
        return rejected()
    report = LoadReport(results, True, time.perf_counter() - started, db_path)
    report.counts = {a: sum(1 for r in results if r.action == a) for a in ("added", "replaced", "unchanged")}
    return report


def check(paths: list[Path], *, db_path: Path | None = None, jobs: int | None = None,
          progress: Callable[[FileResult], None] | None = None, department: str | None = None,
          given: Given | None = None, skip_unknown: bool = False) -> list[FileResult]:
    """Parse and validate files without writing anything: departments are resolved against the
    warehouse at `db_path` as it is (read-only), as a load would."""
    out = []
    registry = registry_of(db_path) if db_path is not None else Registry.load()
    for r in parse_many(paths, jobs, given, skip_unknown=skip_unknown):
        resolve_file(r, registry, department)
        r.action = "checked" if r.ok else "rejected"
        out.append(r)
        if progress:
            progress(r)
    return out
