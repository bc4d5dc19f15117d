"""`python -m etl`: commands, exit codes, messages naming cells, JSON output, help."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from activity.warehouse.store import query
from etl.cli import main
from tests.conftest import DEPT_NIZHYN, long_rows, wide_rows, write_xlsx

NEWS = "Новини та інформаційні матеріали на сайті"


def run(db: Path, *args: str):
    return CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "nizhyn_2021.xlsx", {"2021": wide_rows(2021, metrics={NEWS: list(range(400, 412))})})


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    rows = long_rows(
        ["Ніжин", DEPT_NIZHYN, "березень 2021", "news_published", 465, None],
        ["Ніжин", DEPT_NIZHYN, "квітень 2021", "news_published", -3, None],
        ["Ніжин", DEPT_NIZHYN, "травень 2021", "documents_published", 2.5, None],
        ["Ніжин", DEPT_NIZHYN, "травень 2021", "Новини на сатйі", 5, None],
    )
    return write_xlsx(tmp_path / "bad.xlsx", {"Звіт": rows})


def test_load_then_summary(db: Path, good: Path) -> None:
    result = run(db, "load", str(good))
    assert result.exit_code == 0, result.output
    assert "nizhyn_2021.xlsx: додано, 12" in result.output
    assert "показників: 12" in result.output
    assert query("SELECT sum(value) AS s FROM observations", path=db)["s"][0] == sum(range(400, 412))


def test_bad_workbook_exits_non_zero_names_each_cell_and_changes_nothing(db: Path, good: Path, bad: Path) -> None:
    run(db, "load", str(good))
    before = db.read_bytes()
    result = run(db, "load", str(bad))
    assert result.exit_code == 1
    out = result.output
    assert "bad.xlsx, Звіт!E3: помилка: Від’ємна кількість -3" in out
    assert "bad.xlsx, Звіт!E4: помилка: Дробова кількість 2,5" in out
    assert "bad.xlsx, Звіт!D5: помилка: Невідомий показник «Новини на сатйі»" in out
    assert "Новини на сайті" in out or NEWS in out
    assert "Нічого не завантажено" in out
    assert db.read_bytes() == before


def test_english_messages(db: Path, bad: Path) -> None:
    result = run(db, "--lang", "en", "check", str(bad))
    assert result.exit_code == 1
    assert "bad.xlsx, Звіт!E3: error: Negative count -3" in result.output
    assert "Did you mean" in result.output


def test_json_output(db: Path, bad: Path, good: Path) -> None:
    result = run(db, "--json", "check", str(good), str(bad))
    data = json.loads(result.output)
    assert data["ok"] is False and data["errors"] == 3
    files = {f["name"]: f for f in data["files"]}
    assert files["nizhyn_2021.xlsx"]["figures"] == 12
    assert sorted(p["cell"] for p in files["bad.xlsx"]["problems"]) == ["D5", "E3", "E4"]
    assert not db.exists()  # check never creates a warehouse


def test_load_a_folder_and_again_adds_nothing(db: Path, good: Path) -> None:
    assert run(db, "load", str(good.parent)).exit_code == 0
    again = run(db, "--json", "load", str(good.parent))
    assert json.loads(again.output)["files"][0]["action"] == "unchanged"
    assert query("SELECT count(*) AS n FROM observations", path=db)["n"][0] == 12


def test_build_twice_keeps_the_row_count(db: Path) -> None:
    assert run(db, "build").exit_code == 0
    n = query("SELECT count(*) AS n FROM facts", path=db)["n"][0]
    assert run(db, "build").exit_code == 0
    assert query("SELECT count(*) AS n FROM facts", path=db)["n"][0] == n


def test_damaged_warehouse_is_reported(db: Path, good: Path) -> None:
    db.write_bytes(b"this is not a database" * 100)
    result = run(db, "load", str(good))
    assert result.exit_code == 4
    assert "пошкоджено" in result.output and "build --fresh" in result.output


@pytest.mark.parametrize("command", [[], ["load"], ["check"], ["build"]])
def test_every_command_has_help(command: list[str]) -> None:
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output and len(result.output) > 200


def test_every_command_is_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"python -m etl {name}" in readme or f"etl {name}" in readme, name


@pytest.mark.parametrize("name", ["load", "check", "build", "export", "extract", "export-parquet", "synth", "passwd"])
def test_every_command_takes_the_shared_options_after_its_name(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert all(option in result.output for option in ("--db", "--json", "--lang")), result.output


def test_db_before_or_after_the_command_is_the_same(tmp_path: Path, good: Path) -> None:
    before, after = tmp_path / "before.duckdb", tmp_path / "after.duckdb"
    assert CliRunner().invoke(main, ["--db", str(before), "load", str(good)]).exit_code == 0
    result = CliRunner().invoke(main, ["load", str(good), "--db", str(after), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "nizhyn_2021.xlsx: added, 12" in result.output
    total = "SELECT sum(value) AS s FROM observations"
    assert query(total, path=after)["s"][0] == query(total, path=before)["s"][0] == sum(range(400, 412))
    out = tmp_path / "news.csv"
    result = CliRunner().invoke(main, ["export", "--out", str(out), "--metric", "news_published", "--db", str(after)])
    assert result.exit_code == 0, result.output
    assert "411" in out.read_text(encoding="utf-8-sig")
    result = CliRunner().invoke(main, ["check", str(good), "--json"])
    assert json.loads(result.output)["figures"] == 12


def test_a_warehouse_of_an_older_schema_is_refused_with_the_way_to_rebuild(tmp_path: Path, good: Path) -> None:
    import duckdb

    db = tmp_path / "old.duckdb"
    assert run(db, "load", str(good)).exit_code == 0
    with duckdb.connect(str(db)) as con:
        con.execute("DROP TABLE obs_summary")  # what a warehouse from before the summary lacks
    before = db.read_bytes()
    result = run(db, "load", str(good))
    assert result.exit_code == 4 and db.read_bytes() == before
    assert "старішою версією" in result.output and "build --fresh" in result.output and "Traceback" not in result.output
    result = run(db, "build", "--fresh")
    assert result.exit_code == 0, result.output
    assert query("SELECT count(*) AS n FROM obs_summary", path=db)["n"][0] > 0
