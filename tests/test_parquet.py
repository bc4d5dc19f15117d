"""`python -m etl export-parquet`: a partitioned snapshot that DuckDB reads back with the warehouse's totals."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from etl.cli import main
from etl.parquet import MARKER, export_parquet

TOTALS = """
SELECT city_code, metric, count(*) AS figures, sum(value) AS total,
       count(*) FILTER (WHERE status = 'not_applicable') AS not_applicable
FROM {source} GROUP BY ALL ORDER BY city_code, metric
"""


def run(db: Path, *args: str):
    return CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)


def read_back(folder: Path) -> str:
    return f"read_parquet('{folder}/**/*.parquet', hive_partitioning = true)"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def snapshot(built_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("parquet") / "snapshot"
    before = digest(built_db)
    result = run(built_db, "--lang", "en", "export-parquet", str(out))
    assert result.exit_code == 0, result.output
    assert digest(built_db) == before  # opened read-only
    return out


def test_snapshot_has_the_warehouse_rows_and_totals(built_db: Path, snapshot: Path) -> None:
    warehouse = duckdb.connect(str(built_db), read_only=True)
    expected = warehouse.execute(TOTALS.format(source="observations")).fetchall()
    count = warehouse.execute("SELECT count(*) FROM observations").fetchone()[0]
    warehouse.close()
    con = duckdb.connect()
    assert con.execute(f"SELECT count(*) FROM {read_back(snapshot)}").fetchone()[0] == count > 1000
    got = con.execute(TOTALS.format(source=read_back(snapshot))).fetchall()
    assert len(got) == len(expected) and len({row[0] for row in got}) >= 2  # several cities, many metrics
    for mine, theirs in zip(got, expected, strict=True):
        assert mine[:3] == theirs[:3] and mine[4] == theirs[4]
        assert mine[3] == pytest.approx(theirs[3])


def test_partitions_are_year_and_oblast_of_each_row(built_db: Path, snapshot: Path) -> None:
    con = duckdb.connect()
    wrong = con.execute(
        f"""SELECT count(*) FROM {read_back(snapshot)}
            WHERE year <> year(period_start) OR oblast <> left(city_code, 4) OR oblast_uk IS NULL"""
    ).fetchone()[0]
    assert wrong == 0
    folders = {p.relative_to(snapshot).parent.as_posix() for p in snapshot.rglob("*.parquet")}
    assert "year=2021/oblast=UA74" in folders  # Nizhyn (Chernihiv oblast), March 2021
    assert "year=2019/oblast=UA44" in folders  # Lysychansk (Luhansk oblast), Q3 2019
    assert json.loads((snapshot / MARKER).read_text(encoding="utf-8"))["rows"] == con.execute(
        f"SELECT count(*) FROM {read_back(snapshot)}").fetchone()[0]


def test_export_replaces_an_earlier_snapshot_whole(built_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "snapshot"
    first = export_parquet(built_db, out)
    stray = out / "year=1999" / "oblast=UA00" / "data_0.parquet"
    stray.parent.mkdir(parents=True)
    duckdb.connect().execute(f"COPY (SELECT 1 AS x) TO '{stray}' (FORMAT parquet)")
    second = export_parquet(built_db, out)
    assert second.rows == first.rows and not stray.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["snapshot"]  # no temporary folder left


def test_a_folder_that_is_not_a_snapshot_is_refused_and_left_alone(built_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    result = run(built_db, "export-parquet", str(out))
    assert result.exit_code == 2
    assert "не порожня" in result.output
    assert [p.name for p in out.iterdir()] == ["notes.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine"]


def test_missing_warehouse_is_an_error(tmp_path: Path) -> None:
    result = run(tmp_path / "none.duckdb", "--lang", "en", "export-parquet", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "no warehouse" in result.output and not (tmp_path / "out").exists()


def test_leftovers_of_a_killed_export_are_removed(built_db: Path, tmp_path: Path) -> None:
    dead = tmp_path / ".snapshot.tmp-999999999"  # no such process
    (dead / "year=2020").mkdir(parents=True)
    export_parquet(built_db, tmp_path / "snapshot")
    assert not dead.exists()


def test_json_output(built_db: Path, tmp_path: Path) -> None:
    result = run(built_db, "--json", "export-parquet", str(tmp_path / "s"))
    report = json.loads(result.output)
    assert report["ok"] and report["files"] == len(list((tmp_path / "s").rglob("*.parquet")))
    assert 2017 in report["years"] and "UA74" in report["oblasts"]
