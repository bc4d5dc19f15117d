"""The one reader of the warehouse: read-only connections and bound parameters.

Loads swap a new warehouse file in atomically (etl.load.warehouse), so a reader sees either the old or
the new warehouse, never a mix. `version()` changes with every swap and keys the app's caches.

`query` opens the file for one query (tools, tests, the CLI). The app's queries (activity.warehouse.queries)
go through `read`, which keeps the file open between queries, since opening a DuckDB file costs
~20 ms, more than most of them: a private in-memory DuckDB with the file ATTACHed READ_ONLY, one
per warehouse file, and a fresh cursor per query (cursors are safe across threads). It is kept
only while the file is the same: every query first compares the file's stamp (inode, time, size,
DuckDB's headers, which every checkpoint rewrites, and its WAL); a file a load swapped in is
attached anew, and queries already running finish on the file they started on. While a process
keeps a file open, DuckDB refuses to open that same file read-write in it (loads write a copy).
Off POSIX (Windows cannot replace a file held open) each query opens its own connection.
Answers become DataFrames through Arrow (`frame`: the frame DuckDB's `.df()` gives, several times
faster).
"""

from __future__ import annotations

import math
import os
import threading
import zlib
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from activity.settings import setting
from activity.warehouse.schema import schema_problem

if TYPE_CHECKING:  # imported where used: the app starts its warehouse check before pandas is loaded
    import pandas as pd
    import pyarrow as pa

class WarehouseMissing(Exception):
    """No warehouse file yet: run `python -m etl build`."""


class WarehouseDamaged(Exception):
    """The warehouse file cannot be opened or read back: restore a backup or rebuild it."""


class WarehouseOutdated(WarehouseDamaged):
    """The warehouse file was written by an older version of the app: rebuild it
    (`python -m etl build --fresh`)."""


_USING: ContextVar[Path | None] = ContextVar("warehouse", default=None)


def db_path() -> Path:
    """The warehouse being read: the one `using` names, else the DB setting."""
    return _USING.get() or setting("DB")


@contextmanager
def using(path: Path) -> Iterator[None]:
    """Read this warehouse file instead of the DB setting's, within the block (the commands' --db)."""
    token = _USING.set(Path(path))
    try:
        yield
    finally:
        _USING.reset(token)


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
    has a damaged block; WarehouseOutdated when it is a warehouse of an older schema. Reading is proportional to the file: milliseconds for the shipped data,
    about a second for a national warehouse. The file is read through a private DuckDB with a
    64 MB memory limit, so the check does not leave the whole file in the app's memory.
    """
    path = path or db_path()
    con = duckdb.connect(":memory:", config={"memory_limit": "64MB"})
    try:
        try:
            con.execute("ATTACH ? AS warehouse (READ_ONLY)", [str(path)])
        except duckdb.Error as exc:
            raise WarehouseDamaged(str(exc).splitlines()[0][:300]) from exc
        con.execute("USE warehouse")
        tables = {name for (name,) in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()").fetchall()}
        version = con.execute("SELECT max(value) FROM meta WHERE key = 'schema_version'").fetchone()[0] \
            if "meta" in tables else None
        problem = schema_problem(version, tables)
        if problem:
            raise (WarehouseOutdated if version is not None else WarehouseDamaged)(problem)
        for table in sorted(tables):
            con.execute(f'SELECT count(*), bit_xor(hash(t)) FROM "{table}" t').fetchone()  # names from the catalog
        con.execute("SELECT count(*) FROM observations").fetchone()
    except duckdb.Error as exc:
        raise WarehouseDamaged(str(exc).splitlines()[0][:300]) from exc
    finally:
        con.close()


_checks: dict[tuple[str, str], Future] = {}  # (path, version) -> its check; the newest few are kept
_checks_lock = threading.Lock()


def check(path: Path | None = None) -> Future | None:
    """`verify` of the warehouse as it is now, on a thread of its own, once per version and process:
    a Future of None (whole) or the WarehouseDamaged (or WarehouseOutdated) it raised; None when there
    is no warehouse. The app
    starts it first thing, so the read overlaps its imports; a check that failed with an error
    (rather than finding damage) runs again when asked next."""
    path = path or db_path()
    key = (str(path), version(path))
    if not key[1]:
        return None
    with _checks_lock:
        future = _checks.get(key)
        if future is not None and not (future.done() and future.exception() is not None):
            return future
        future = _checks[key] = Future()
        while len(_checks) > 4:
            del _checks[next(iter(_checks))]
    threading.Thread(target=_run_check, args=(path, future), name="warehouse-check", daemon=True).start()
    return future


def _run_check(path: Path, future: Future) -> None:
    try:
        verify(path)
    except WarehouseDamaged as exc:
        future.set_result(exc)
    except BaseException as exc:  # noqa: BLE001 (raised again where the result is awaited)
        future.set_exception(exc)
    else:
        future.set_result(None)


# ------------------------------------------------------------- the app's reader (kept open)

KEEP_OPEN = os.name == "posix"
_KEPT: dict[str, tuple[tuple, duckdb.DuckDBPyConnection]] = {}  # path -> (stamp, connection)
_KEPT_MAX = 4  # files kept open at once (tests switch between many)
_KEPT_LOCK = threading.Lock()
_HEADERS = 3 * 4096  # DuckDB's main header and its two database headers


def _stamp(path: Path) -> tuple | None:
    """What tells one state of the file from another; None when there is no file."""
    try:
        st = os.stat(path)
        with open(path, "rb") as fh:
            head = fh.read(_HEADERS)
    except FileNotFoundError:
        return None
    try:
        wal = os.stat(str(path) + ".wal")
        wal_stamp: tuple | None = (wal.st_ino, wal.st_mtime_ns, wal.st_size)
    except FileNotFoundError:
        wal_stamp = None
    return st.st_ino, st.st_dev, st.st_mtime_ns, st.st_size, zlib.crc32(head), wal_stamp


def _cursor(path: Path) -> tuple[duckdb.DuckDBPyConnection, duckdb.DuckDBPyConnection]:
    """The kept connection to this file as it is now (attached anew when it changed) and a cursor on it:
    the caller holds the connection while it uses the cursor, so a connection dropped from the kept ones
    by another thread (the file swapped) is never closed under a running query."""
    key = str(path)
    stamp = _stamp(path)
    if stamp is None:
        raise WarehouseMissing(key)
    with _KEPT_LOCK:
        kept = _KEPT.get(key)
        if kept is not None and kept[0] == stamp:
            return kept[1], kept[1].cursor()
    for attempt in range(3):  # a file swapped in while DuckDB opened it: open it again, as it is now
        con = duckdb.connect(":memory:")
        try:
            con.execute("ATTACH ? AS warehouse (READ_ONLY)", [key])
        except duckdb.Error:
            con.close()
            now = _stamp(path)
            if attempt == 2 or now is None or now == stamp:
                raise  # a broken file, not one swapped while it was read
            stamp = now
            continue
        except BaseException:
            con.close()
            raise
        now = _stamp(path)
        if now == stamp or now is None or attempt == 2:
            break  # (after the last attempt the stamp is the one read before it: the next query attaches anew)
        con.close()
        stamp = now
    with _KEPT_LOCK:
        _KEPT.pop(key, None)  # dropped, not closed: queries running on it finish (closing would cut them)
        _KEPT[key] = (stamp, con)
        while len(_KEPT) > _KEPT_MAX:
            _KEPT.pop(next(iter(_KEPT)))
        return con, con.cursor()


@contextmanager
def _kept() -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor on the kept connection to the current warehouse, its database in use, closed after."""
    con, cur = _cursor(db_path())  # (``con`` held until the cursor is closed)
    try:
        cur.execute("USE warehouse")
        yield cur
    finally:
        cur.close()
        del con


def read(sql: str, params: list | tuple | dict | None = None, order_by: list[str] | None = None) -> pd.DataFrame:
    """Run one read-only query with bound parameters on the current warehouse and return a DataFrame
    (the one DuckDB's `.df()` gives, built faster through Arrow: see `frame`). `order_by`: columns
    to sort the rows by, ascending, as `ORDER BY` would (see `ordered`)."""
    if not KEEP_OPEN:
        if order_by:
            sql = "SELECT * FROM (" + sql + ") ORDER BY " + ", ".join(order_by)  # column names, not values
        return query(sql, params)
    with _kept() as cur:
        rel = cur.sql(sql, params=params or None)
        table = _arrow_of(rel)
        if table is not None:
            return frame(ordered(table, order_by) if order_by else table)
        return (rel.order(", ".join(order_by)) if order_by else rel).df()


def read_arrow(sql: str, params: list | tuple | dict | None = None) -> pa.Table | None:
    """The answer as an Arrow table, for `frame`; None when `read` would not build it that way."""
    if not KEEP_OPEN:
        return None
    with _kept() as cur:
        return _arrow_of(cur.sql(sql, params=params or None))


def _arrow_of(rel: duckdb.DuckDBPyRelation) -> pa.Table | None:
    """The relation's rows as Arrow when `frame` can make them a DataFrame, else None."""
    if ARROW_FRAMES and all(str(t) in ARROW_TYPES for t in rel.types):
        return rel.to_arrow_table()
    return None


def read_row(sql: str, params: list | tuple | dict | None = None) -> dict:
    """The first row of a query's answer as {column: value} (a single row of counts or dates needs
    no DataFrame: ~0.5 ms less)."""
    if not KEEP_OPEN:
        return query(sql, params).iloc[0].to_dict()
    with _kept() as cur:
        values = cur.execute(sql, params or []).fetchone()
        return dict(zip([d[0] for d in cur.description], values, strict=True))


# DuckDB's `.df()` makes a Python object per string (~125 ms for the Holdings table's 97 000 rows);
# Arrow hands pandas its strings in one piece. `frame` gives the frame `.df()` would, dtype for
# dtype, for the column types listed (tests/test_queries_speed.py compares the two on every query);
# any other type is converted by DuckDB.
ARROW_FRAMES = True
ARROW_TYPES = {"VARCHAR", "DATE", "TIMESTAMP", "BOOLEAN", "DOUBLE", "BIGINT", "INTEGER"}


def frame(table: pa.Table) -> pd.DataFrame:
    """The DataFrame DuckDB's `.df()` gives for a result of the `ARROW_TYPES`: dates as
    datetime64[us]; a text column with no value at all as objects (None); whole numbers and
    booleans with a missing value as pandas' nullable Int64, Int32 and boolean."""
    import pandas as pd
    import pyarrow as pa

    nullable = {pa.int64(): pd.Int64Dtype(), pa.int32(): pd.Int32Dtype(), pa.bool_(): pd.BooleanDtype()}
    if len(set(table.column_names)) < table.num_columns:  # a name given twice: let DuckDB build it
        return duckdb.from_arrow(table).df()
    fixes = {}
    for i, col in enumerate(table.columns):
        if pa.types.is_date32(col.type):
            table = table.set_column(i, table.field(i).with_type(pa.timestamp("us")), col.cast(pa.timestamp("us")))
        elif _is_text(col.type) and col.null_count == len(col):
            fixes[i] = pd.Series([None] * len(col), dtype=object)
        elif col.null_count and col.type in nullable:
            fixes[i] = col.to_pandas(types_mapper=nullable.get)
    frame = table.to_pandas(use_threads=table.num_rows > 50_000)  # threads cost more than they save on few rows
    for i, values in fixes.items():
        frame.isetitem(i, values)
    return frame


def ordered(table: pa.Table, columns: list[str], nulls_first: frozenset[str] = frozenset()) -> pa.Table:
    """The rows of `table` as `ORDER BY columns` gives them: ascending, NULLS LAST (NULLS FIRST for
    the columns named in `nulls_first`), text compared byte by byte (DuckDB's default). DuckDB sorts
    long Ukrainian texts slowly (their first bytes are alike: ~50 ms for the Holdings table); here
    each column becomes the rank of its value among the column's distinct values, and the rows are
    sorted once by those ranks combined."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    ranks, sizes = [], []
    for name in columns:
        col = table.column(name).combine_chunks()
        if pa.types.is_boolean(col.type):
            col = col.cast(pa.int8())
        coded = pc.dictionary_encode(col)
        distinct = coded.dictionary
        first = name in nulls_first
        rank = np.empty(len(distinct) + 1, dtype=np.int64)
        rank[np.asarray(pc.sort_indices(distinct))] = np.arange(len(distinct)) + first
        rank[len(distinct)] = 0 if first else len(distinct)  # NULL: before or after every value
        ranks.append(rank[np.asarray(coded.indices.fill_null(len(distinct)), dtype=np.int64)])
        sizes.append(len(distinct) + 1)
    if math.prod(sizes) < 2**62:  # one number per row: value of the first column, then the next...
        key = np.zeros(table.num_rows, dtype=np.int64)
        for rank, size in zip(ranks, sizes, strict=True):
            key = key * size + rank
        order = np.argsort(key, kind="stable")
    else:
        order = np.lexsort(ranks[::-1])
    return table.take(order)


def _is_text(t: pa.DataType) -> bool:
    import pyarrow as pa

    return pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t)
