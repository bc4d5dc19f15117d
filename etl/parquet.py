"""The warehouse's observations as a Parquet snapshot other engines read (Spark, Trino, ClickHouse, DuckDB).

One folder per snapshot, Hive-partitioned: `DIR/year=2019/oblast=UA74/data_0.parquet`. `year` is the
year of `period_start`; `oblast` is the first four characters of the КАТОТТГ code (`UA74` is
Chernihiv oblast), an ASCII value safe in any path; the oblast's Ukrainian name travels in the rows
as `oblast_uk`. Every column of the public view `observations` is kept.

The warehouse is opened read-only. The snapshot is written into a hidden folder beside DIR and
renamed into place only when complete, so a reader finds the previous snapshot or the new one,
never a half-written one. A folder is replaced only when it holds an earlier snapshot (its
`_SNAPSHOT.json` says so) or nothing at all.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from activity.i18n import pick

MARKER = "_SNAPSHOT.json"  # engines skip files starting with "_" and read only *.parquet
FORMAT = "hromada-activity observations, parquet"
PARTITION_BY = ("year", "oblast")
COMPRESSIONS = ("zstd", "snappy", "gzip", "uncompressed")

# One year at a time: DuckDB keeps every open partition's rows in memory until the end of a COPY,
# so one COPY of 10,5 M rows peaks at 5,2 GB, a COPY per year below 1 GB (and is no slower).
SELECT_YEAR = """
SELECT o.*, p.oblast_uk, left(o.city_code, 4) AS oblast
FROM observations o LEFT JOIN places p ON p.code = o.city_code
WHERE o.period_start >= make_date({year}, 1, 1) AND o.period_start < make_date({year} + 1, 1, 1)
"""


class ParquetExportError(Exception):
    """The export could not be written; `code` is the CLI's exit code, messages in both languages."""

    def __init__(self, code: int, uk: str, en: str) -> None:
        super().__init__(en)
        self.code, self.uk, self.en = code, uk, en

    def message(self, lang: str) -> str:
        return pick(self.uk, self.en, lang)


@dataclass
class Snapshot:
    path: Path
    rows: int
    files: int
    years: list[int]
    oblasts: list[str]
    seconds: float


def export_parquet(db: Path, out: Path, *, compression: str = "zstd") -> Snapshot:
    """Write the observations of warehouse `db` as a partitioned Parquet snapshot in folder `out`."""
    if compression not in COMPRESSIONS:
        raise ValueError(f"compression must be one of {COMPRESSIONS}")
    started = time.perf_counter()
    out = Path(os.path.abspath(out))
    _check_target(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(out)
    tmp = out.parent / f".{out.name}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        rows = _write(db, tmp, compression)
        files = sorted(tmp.rglob("*.parquet"))
        years = sorted({int(f.parent.parent.name.split("=", 1)[1]) for f in files})
        oblasts = sorted({f.parent.name.split("=", 1)[1] for f in files})
        (tmp / MARKER).write_text(json.dumps({
            "format": FORMAT, "rows": rows, "files": len(files), "partition_by": list(PARTITION_BY),
            "warehouse": Path(db).name, "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }, ensure_ascii=False, indent=1), encoding="utf-8")
        _swap_in(tmp, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return Snapshot(out, rows, len(files), years, oblasts, time.perf_counter() - started)


def _write(db: Path, tmp: Path, compression: str) -> int:
    if not Path(db).exists():
        raise ParquetExportError(1, f"Сховища {db} немає. Спершу: python -m etl build",
                                 f"There is no warehouse {db}. First: python -m etl build")
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as exc:
        detail = str(exc).splitlines()[0][:300]
        raise ParquetExportError(4, f"Файл сховища пошкоджено: {detail}",
                                 f"The warehouse file is damaged: {detail}") from exc
    try:
        con.execute("SET enable_progress_bar = false")
        (total,) = con.execute("SELECT count(*) FROM observations").fetchone()
        if not total:
            raise ParquetExportError(1, "У сховищі немає показників: нічого не записано.",
                                     "The warehouse holds no figures: nothing written.")
        tmp.mkdir()
        rows = 0
        years = con.execute("SELECT DISTINCT year(period_start) FROM observations ORDER BY 1").fetchall()
        for (year,) in years:  # year=YYYY/ by hand, oblast=UAxx/ by DuckDB: the Hive layout of both
            query = SELECT_YEAR.format(year=int(year))
            rows += con.execute(
                f"COPY ({query}) TO '{_quoted(tmp / f'year={int(year)}')}' "
                f"(FORMAT parquet, PARTITION_BY (oblast), OVERWRITE_OR_IGNORE, COMPRESSION {compression})"
            ).fetchone()[0]
        if rows != total:  # every figure has a period_start, so every one lands in some year
            raise duckdb.InvalidInputException(f"{rows} rows written of {total}")
        return int(rows)
    except duckdb.Error as exc:
        detail = str(exc).splitlines()[0][:300]
        raise ParquetExportError(4, f"Не вдалося прочитати сховище: {detail}",
                                 f"The warehouse could not be read: {detail}") from exc
    finally:
        con.close()


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")  # COPY takes no bound parameter for its target


def is_snapshot(folder: Path) -> bool:
    """True when `folder` holds a snapshot written by this module."""
    try:
        return json.loads((folder / MARKER).read_text(encoding="utf-8")).get("format") == FORMAT
    except (OSError, ValueError, AttributeError):
        return False


def _check_target(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise ParquetExportError(2, f"{out} — це файл, а не папка.", f"{out} is a file, not a folder.")
    if out.is_dir() and any(out.iterdir()) and not is_snapshot(out):
        raise ParquetExportError(
            2, f"Папка {out} не порожня і не містить знімка Parquet цього застосунку: її не змінено. "
               "Вкажіть порожню або нову папку.",
            f"The folder {out} is not empty and holds no Parquet snapshot of this app: it was left as it "
            "is. Give an empty or new folder.")


def _swap_in(tmp: Path, out: Path) -> None:
    """Put the complete snapshot `tmp` at `out`: one rename, or two when an older snapshot is there."""
    if not out.exists():
        os.rename(tmp, out)
        return
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    os.rename(out, old)
    try:
        os.rename(tmp, out)
    except OSError:
        os.rename(old, out)  # put the previous snapshot back
        raise
    shutil.rmtree(old, ignore_errors=True)


def _remove_stale(out: Path) -> None:
    """Remove what a killed export left beside `out` (hidden folders of processes no longer running)."""
    for leftover in out.parent.iterdir():
        kind, _, pid = leftover.name.rpartition("-")
        if kind in (f".{out.name}.tmp", f".{out.name}.old") and pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(leftover, ignore_errors=True)


def _alive(pid: int) -> bool:
    if os.name == "nt":  # os.kill(pid, 0) would end the process there: keep what may be in use
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
