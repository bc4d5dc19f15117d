"""`python -m etl publish --to DIR`: replicas reading the published file see the old snapshot or the
new one, never a part of one, and the previous snapshot is kept."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import duckdb
from click.testing import CliRunner

from etl.cli import main
from etl.load.loader import load
from tests.conftest import DEPT_NIZHYN, long_rows, write_xlsx


def cli(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_readers_see_one_snapshot_or_the_next_while_it_is_published(tmp_path: Path, built_db: Path) -> None:
    db, shared = tmp_path / "warehouse.duckdb", tmp_path / "shared"
    shutil.copyfile(built_db, db)
    first = cli("publish", "--to", str(shared), "--db", str(db))
    assert first.exit_code == 0, first.output
    published = shared / "warehouse.duckdb"
    count = "SELECT count(*) FROM observations"
    with duckdb.connect(str(published), read_only=True) as con:
        before = con.execute(count).fetchone()[0]
    path = write_xlsx(tmp_path / "more.xlsx", {"A": long_rows(["Ніжин", DEPT_NIZHYN, "2030-01", "news_published", 1, None])})
    assert load([path], db).loaded
    seen, errors, stop = set(), [], threading.Event()

    def reader() -> None:  # as a replica does: a read-only connection per query
        while not stop.is_set():
            try:
                with duckdb.connect(str(published), read_only=True) as con:
                    seen.add(con.execute(count).fetchone()[0])
            except duckdb.Error as exc:  # pragma: no cover - what the test must never see
                errors.append(str(exc))

    threads = [threading.Thread(target=reader) for _ in range(2)]
    for th in threads:
        th.start()
    try:
        for _ in range(3):
            assert cli("publish", "--to", str(shared), "--db", str(db)).exit_code == 0
    finally:
        stop.set()
        for th in threads:
            th.join()
    assert not errors, errors[:3]
    assert seen <= {before, before + 1} and before + 1 in seen
    with duckdb.connect(str(published), read_only=True) as con:
        assert con.execute(count).fetchone()[0] == before + 1
    assert (shared / "warehouse.duckdb.previous").exists()
    assert not list(shared.glob(".*publishing"))  # no temporary copy left


def test_a_damaged_or_missing_warehouse_publishes_nothing(tmp_path: Path, built_db: Path) -> None:
    db, shared = tmp_path / "warehouse.duckdb", tmp_path / "shared"
    missing = cli("publish", "--to", str(shared), "--db", str(db))
    assert missing.exit_code == 1 and "build" in missing.output
    shutil.copyfile(built_db, db)
    assert cli("publish", "--to", str(shared), "--db", str(db)).exit_code == 0
    good = (shared / "warehouse.duckdb").read_bytes()
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])
    damaged = cli("publish", "--to", str(shared), "--db", str(db))
    assert damaged.exit_code == 4 and "нічого не опубліковано" in damaged.output
    assert (shared / "warehouse.duckdb").read_bytes() == good
