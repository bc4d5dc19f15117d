"""Other engines read the Parquet snapshot with the queries docs/operating.md gives, verbatim: the
warehouse's row count and its totals per city, metric and year. DuckDB and ClickHouse's engine
(chDB, in-process) run everywhere; Apache Spark where Java and pyspark are installed (`make test`
installs them; elsewhere the test says why it skips)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from etl.cli import main

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "operating.md"


def blocks(first_line: str) -> str:
    """The code block of docs/operating.md whose first line is `first_line`."""
    for _lang, body in re.findall(r"^```(\w+)\n(.*?)^```", DOC.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL):
        if body.splitlines()[0].strip() == first_line:
            return body
    raise AssertionError(f"no block starting {first_line!r} in {DOC.name}")


def statements(sql: str, folder: Path) -> list[str]:
    sql = "\n".join(line for line in sql.replace("DIR", str(folder)).splitlines() if not line.startswith("--"))
    return [s.strip() for s in sql.split(";") if s.strip()]


@pytest.fixture(scope="module")
def snapshot(built_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("engines") / "snapshot"
    result = CliRunner().invoke(main, ["export-parquet", str(out), "--db", str(built_db)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def expected(built_db: Path) -> tuple[int, list[tuple]]:
    with duckdb.connect(str(built_db), read_only=True) as con:
        count = con.execute("SELECT count(*) FROM observations").fetchone()[0]
        totals = con.execute("""SELECT city, metric, year(period_start) AS year, sum(value) FROM observations
                                GROUP BY ALL ORDER BY city, metric, year""").fetchall()
    return count, totals


def same(rows: list[tuple], totals: list[tuple]) -> None:
    assert len(rows) == len(totals) > 50
    for got, want in zip(rows, totals, strict=True):
        assert (str(got[0]), str(got[1]), int(got[2])) == want[:3]
        assert (got[3] is None and want[3] is None) or float(got[3]) == pytest.approx(want[3])


def test_duckdb_reads_the_snapshot_with_the_documented_queries(snapshot: Path, expected) -> None:
    count_sql, totals_sql = statements(blocks("-- DuckDB"), snapshot)
    con = duckdb.connect()
    assert con.execute(count_sql).fetchone()[0] == expected[0]
    same(con.execute(totals_sql).fetchall(), expected[1])


def test_clickhouse_reads_the_snapshot_with_the_documented_queries(snapshot: Path, expected) -> None:
    chdb = pytest.importorskip("chdb", reason="chDB (ClickHouse in-process) is in requirements-dev.txt")
    count_sql, totals_sql = statements(blocks("-- ClickHouse (clickhouse-local, chDB; s3('https://…/DIR/**/*.parquet', 'Parquet') on S3)"), snapshot)
    assert int(chdb.query(count_sql, "CSV").bytes().decode().strip()) == expected[0]
    rows = [tuple(r) for r in chdb.query(totals_sql, "DataFrame").itertuples(index=False)]
    same(rows, expected[1])


def test_spark_reads_the_snapshot_with_the_documented_code(snapshot: Path, expected) -> None:
    if shutil.which("java") is None:
        pytest.skip("no Java runtime here: `make test` installs Debian's default-jre-headless where it can")
    pyspark = pytest.importorskip("pyspark", reason="pyspark is installed by `make test` (make spark)")
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master("local[1]").appName("snapshot-test")
             .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate())
    try:
        scope: dict = {"spark": spark}
        exec(blocks("# Spark: the partitions (year, oblast) are found from the folder names")  # noqa: S102
             .replace("DIR", str(snapshot)), scope)
        assert scope["figures"] == expected[0]
        same([(r["city"], r["metric"], r["year"], r["sum(value)"]) for r in scope["totals"]], expected[1])
    finally:
        spark.stop()
    assert pyspark.__version__
