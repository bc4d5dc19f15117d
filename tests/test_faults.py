"""Faults: a damaged warehouse file, a loader killed at any moment, loads racing each other.

The damaged file is met with a plain message and a way back (the `.previous` file the loader
keeps, or a rebuild), in the command line and in the app; a kill never leaves a half-written
warehouse; a second load waits for the first or is refused with exit code 3.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from activity.warehouse.store import query
from etl.load.loader import load
from etl.load.parse import parse_file
from etl.load.warehouse import previous_path
from tests.conftest import DEPT_NIZHYN, ROOT, long_rows, write_xlsx

PAGES = ["overview", "trends", "compare", "civil_society", "data", "holdings"]


def _file(folder: Path, name: str, value: int, metric: str = "news_published") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return write_xlsx(folder / name, {"A": long_rows(["Ніжин", DEPT_NIZHYN, "березень 2021", metric, value, None])})


def _values(db: Path) -> list[float]:
    return sorted(query("SELECT value FROM observations", path=db)["value"].tolist())


def _cli(db: Path, *args: str, env: dict[str, str] | None = None, wait: bool = True):
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    proc = subprocess.Popen([sys.executable, "-m", "etl", "--db", str(db), *args], cwd=ROOT, env=full_env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if not wait:
        return proc
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out, err


def _damage(db: Path, how: str) -> None:
    data = db.read_bytes()
    if how == "garbage":
        db.write_bytes(b"not a warehouse " * 1000)
    elif how == "cut_in_half":
        db.write_bytes(data[: len(data) // 2])
    else:  # zeros over the blocks that hold the tables (the first 12 KB are DuckDB's headers)
        end = len(data) * 9 // 10
        db.write_bytes(data[:12_288] + b"\x00" * (end - 12_288) + data[end:])


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    from etl.load.build import build_warehouse

    db = tmp_path_factory.mktemp("b") / "warehouse.duckdb"
    build_warehouse(db)
    return db.read_bytes()


@pytest.mark.parametrize("how", ["garbage", "cut_in_half", "zeroed_block"])
def test_damaged_warehouse_is_reported_by_the_cli_and_left_for_inspection(tmp_path: Path, built: bytes, how: str) -> None:
    db = tmp_path / "warehouse.duckdb"
    db.write_bytes(built)
    _damage(db, how)
    damaged = db.read_bytes()
    code, out, err = _cli(db, "load", str(_file(tmp_path / "in", "f.xlsx", 5)))
    assert code == 4, (out, err)
    assert "Traceback" not in err
    assert "пошкоджено" in err and "build --fresh" in err and ".previous" in err
    assert db.read_bytes() == damaged  # nothing written over the evidence
    code, _, err = _cli(db, "--lang", "en", "build")
    assert code == 4 and "damaged" in err and "Traceback" not in err


def test_the_previous_warehouse_is_kept_and_restores(tmp_path: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    load([parse_file(_file(tmp_path / "a", "first.xlsx", 10))], db)
    first = db.read_bytes()
    load([parse_file(_file(tmp_path / "b", "second.xlsx", 20, "videos_published"))], db)
    assert previous_path(db).read_bytes() == first
    assert _values(db) == [10, 20]
    _damage(db, "garbage")
    db.write_bytes(previous_path(db).read_bytes())  # the documented way back
    assert _values(db) == [10]
    assert load([parse_file(_file(tmp_path / "c", "third.xlsx", 30, "greetings_prepared"))], db).loaded
    assert _values(db) == [10, 30]


def test_rebuild_after_damage(tmp_path: Path, built: bytes) -> None:
    db = tmp_path / "warehouse.duckdb"
    db.write_bytes(built)
    _damage(db, "cut_in_half")
    code, out, err = _cli(db, "build", "--fresh")
    assert code == 0, err
    assert db.read_bytes() != b"" and int(query("SELECT count(*) AS n FROM observations", path=db)["n"][0]) > 0


@pytest.mark.parametrize("name", PAGES)
def test_the_app_explains_a_damaged_warehouse(tmp_path: Path, built: bytes, page, name: str) -> None:
    db = tmp_path / "warehouse.duckdb"
    db.write_bytes(built)
    _damage(db, "zeroed_block")
    at = page(name, db=db)
    assert not at.exception
    [error] = at.error
    assert "пошкоджено" in error.value and "build --fresh" in error.value and ".previous" in error.value


@pytest.mark.parametrize("how", ["older_version", "no_summary"])
def test_the_app_explains_a_warehouse_of_an_older_schema(tmp_path: Path, built: bytes, page, how: str) -> None:
    import duckdb

    db = tmp_path / "warehouse.duckdb"
    db.write_bytes(built)
    with duckdb.connect(str(db)) as con:
        if how == "older_version":
            con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
        else:
            con.execute("DROP TABLE obs_summary")
    at = page("trends", db=db)
    assert not at.exception
    [error] = at.error
    assert "старішою версією" in error.value and "build --fresh" in error.value
    assert not at.get("plotly_chart")


@pytest.mark.parametrize("delay", [0.0, 0.15, 0.4, 0.9])
def test_a_load_killed_at_any_moment_leaves_the_previous_warehouse(tmp_path: Path, built: bytes, delay: float) -> None:
    """Killed while starting, copying the warehouse, writing or waiting to swap: never half a file."""
    db = tmp_path / "warehouse.duckdb"
    db.write_bytes(built)
    before = _values(db)
    proc = _cli(db, "load", str(_file(tmp_path / "in", "new.xlsx", 7, "videos_published")), wait=False,
                env={"DASHBOARD_LOAD_PAUSE": "30"})
    deadline = time.monotonic() + 30
    while not list(tmp_path.glob(".warehouse.duckdb.*.tmp")) and time.monotonic() < deadline and delay:
        time.sleep(0.005)  # the copy has begun
    time.sleep(delay / 10)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    assert db.read_bytes() == built and _values(db) == before
    assert load([parse_file(_file(tmp_path / "next", "next.xlsx", 8, "greetings_prepared"))], db).loaded
    assert not list(tmp_path.glob(".warehouse.duckdb.*"))  # what the killed load left is cleaned up
    assert 8 in _values(db)


def test_stale_temporary_files_are_removed_and_ignored(tmp_path: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    load([parse_file(_file(tmp_path / "a", "first.xlsx", 10))], db)
    stale = [tmp_path / ".warehouse.duckdb.99999.tmp", tmp_path / ".warehouse.duckdb.99999.tmp.wal"]
    for path in stale:
        path.write_bytes(b"half a copy")
    assert load([parse_file(_file(tmp_path / "b", "second.xlsx", 20, "videos_published"))], db).loaded
    assert not any(p.exists() for p in stale)
    assert _values(db) == [10, 20]


def test_a_second_load_is_refused_cleanly_when_the_wait_runs_out(tmp_path: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    load([parse_file(_file(tmp_path / "a", "first.xlsx", 10))], db)
    slow = _cli(db, "load", str(_file(tmp_path / "b", "slow.xlsx", 20, "videos_published")), wait=False,
                env={"DASHBOARD_LOAD_PAUSE": "4"})
    deadline = time.monotonic() + 30
    while not list(tmp_path.glob(".warehouse.duckdb.*.tmp")):
        assert time.monotonic() < deadline and slow.poll() is None
        time.sleep(0.02)
    code, out, err = _cli(db, "load", str(_file(tmp_path / "c", "eager.xlsx", 30, "greetings_prepared")),
                          env={"DASHBOARD_LOCK_WAIT": "0.5"})
    assert code == 3 and "зайняте" in err and "Traceback" not in err
    slow.communicate(timeout=60)
    assert slow.returncode == 0
    assert _values(db) == [10, 20]  # the first load's result, nothing of the refused one
