"""The warehouse holds each figure once, loads atomically, and keeps serving readers during a load."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from activity.warehouse.store import query
from etl.load.loader import load
from etl.load.parse import parse_file
from etl.load.warehouse import WarehouseBusy, write_lock
from tests.conftest import DEPT_NIZHYN, ROOT, long_rows, write_xlsx


def _load(db: Path, *paths: Path, demo: bool = False):
    return load([parse_file(p) for p in paths], db, demo=demo)


def _count(db: Path) -> int:
    return int(query("SELECT count(*) AS n FROM observations", path=db)["n"][0])


def _file(tmp_path: Path, name: str, value: int, metric: str = "news_published") -> Path:
    rows = long_rows(["Ніжин", DEPT_NIZHYN, "березень 2021", metric, value, None],
                     ["Ніжин", DEPT_NIZHYN, "квітень 2021", metric, value + 1, None])
    return write_xlsx(tmp_path / name, {"A": rows})


def test_built_warehouse_answers_the_reference_questions(built_db: Path) -> None:
    def one(sql: str, *params):
        rows = query(sql, list(params), path=built_db)
        assert len(rows) == 1, rows
        return rows.iloc[0]

    march = one("""SELECT value, source FROM observations WHERE city = 'Nizhyn' AND metric = 'news_published'
                   AND period_start = DATE '2021-03-01' AND period_end = DATE '2021-03-31' AND granularity = 'month'""")
    assert march.value == 465 and march.source == "nizhyn_2021_03_month.csv"
    year = one("""SELECT value FROM observations WHERE city_uk = 'Ніжин' AND metric = 'news_published'
                  AND granularity = 'year' AND period_start = DATE '2017-01-01'""")
    assert year.value == 5790
    cells = one("""SELECT value, kind FROM observations WHERE city = 'Lysychansk'
                   AND metric = 'party_cells_registered' AND as_of = DATE '2019-10-01'""")
    assert cells.value == 97 and cells.kind == "stock"
    months = one("""SELECT sum(value) AS s, count(*) AS n FROM observations WHERE city = 'Nizhyn'
                    AND metric = 'news_published' AND granularity = 'month' AND year(period_start) = 2017""")
    assert (months.s, months.n) == (5790, 12)  # the demo months agree with the real year


def test_observations_view_has_the_contract_columns(built_db: Path) -> None:
    cols = list(query("SELECT * FROM observations LIMIT 0", path=built_db).columns)
    assert cols[:14] == ["city", "city_uk", "department", "metric", "kind", "period_start", "period_end",
                         "granularity", "value", "as_of", "approximate", "status", "source", "locator"]


def test_building_twice_changes_nothing(tmp_path: Path) -> None:
    from etl.load.build import build_warehouse

    db = tmp_path / "w.duckdb"
    build_warehouse(db)
    first = (_count(db), int(query("SELECT count(*) AS n FROM facts", path=db)["n"][0]))
    reports = build_warehouse(db)
    assert (_count(db), int(query("SELECT count(*) AS n FROM facts", path=db)["n"][0])) == first
    assert all(r.action == "unchanged" for rep in reports for r in rep.files)


def test_same_content_under_another_name_adds_nothing(tmp_path: Path, db: Path) -> None:
    a = _file(tmp_path, "a.xlsx", 100)
    b = tmp_path / "copy of a.xlsx"
    b.write_bytes(a.read_bytes())
    _load(db, a)
    report = _load(db, b)
    assert report.files[0].action == "unchanged" and report.files[0].replaced == "a.xlsx"
    assert _count(db) == 2


def test_corrected_file_replaces_its_figures(tmp_path: Path, db: Path) -> None:
    (tmp_path / "v1").mkdir()
    (tmp_path / "v2").mkdir()
    _load(db, _file(tmp_path / "v1", "nizhyn.xlsx", 100))
    report = _load(db, _file(tmp_path / "v2", "nizhyn.xlsx", 200))
    assert report.files[0].action == "replaced"
    values = sorted(query("SELECT value FROM observations", path=db)["value"])
    assert values == [200, 201]
    log = query("SELECT action FROM load_log ORDER BY load_id", path=db)["action"].tolist()
    assert log == ["added", "replaced"]


def test_a_batch_with_an_error_loads_nothing(tmp_path: Path, db: Path) -> None:
    _load(db, _file(tmp_path, "first.xlsx", 10))
    before = db.read_bytes()
    bad = write_xlsx(tmp_path / "bad.xlsx", {"A": long_rows(["Ніжин", DEPT_NIZHYN, "2021-05", "news_published", -1, None])})
    report = _load(db, _file(tmp_path, "good.xlsx", 50, "videos_published"), bad)
    assert not report.loaded
    assert [r.action for r in report.files] == ["not_loaded", "rejected"]
    assert db.read_bytes() == before


def test_real_figures_win_over_demo_for_the_same_figure(tmp_path: Path, db: Path) -> None:
    (tmp_path / "d").mkdir()
    _load(db, _file(tmp_path / "d", "demo.xlsx", 400), demo=True)
    _load(db, _file(tmp_path, "real.xlsx", 465))
    rows = query("SELECT value, demo FROM observations ORDER BY period_start", path=db)
    assert rows.values.tolist() == [[465, False], [466, False]]


def _loader(db: Path, path: Path, pause: float) -> subprocess.Popen:
    env = {**os.environ, "DASHBOARD_LOAD_PAUSE": str(pause), "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "etl", "--db", str(db), "load", str(path)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for_tmp(db: Path, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while not list(db.parent.glob(f".{db.name}.*.tmp")):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(0.3)  # the copy is written and the loader sleeps before the swap


def test_killed_load_leaves_the_previous_warehouse(tmp_path: Path, db: Path) -> None:
    _load(db, _file(tmp_path, "first.xlsx", 10))
    before = db.read_bytes()
    proc = _loader(db, _file(tmp_path, "second.xlsx", 20, "videos_published"), pause=30)
    _wait_for_tmp(db, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert db.read_bytes() == before
    assert _count(db) == 2
    report = _load(db, _file(tmp_path, "third.xlsx", 30, "greetings_prepared"))  # the next load succeeds
    assert report.loaded and _count(db) == 4
    assert not list(db.parent.glob(f".{db.name}.*.tmp"))


def test_readers_keep_reading_during_a_load(tmp_path: Path, db: Path) -> None:
    _load(db, _file(tmp_path, "first.xlsx", 10))
    proc = _loader(db, _file(tmp_path, "second.xlsx", 20, "videos_published"), pause=1.5)
    counts: list[int] = []
    errors: list[Exception] = []

    def read() -> None:
        while proc.poll() is None:
            try:
                counts.append(_count(db))
            except Exception as exc:  # noqa: BLE001 - any failure is the finding
                errors.append(exc)
            time.sleep(0.02)

    reader = threading.Thread(target=read)
    reader.start()
    proc.wait(timeout=60)
    reader.join()
    assert proc.returncode == 0, proc.communicate()
    assert not errors
    assert len(counts) > 10 and set(counts) <= {2, 4}
    assert _count(db) == 4


def test_two_loads_at_once_one_waits_or_is_refused(tmp_path: Path, db: Path) -> None:
    with write_lock(db):
        with pytest.raises(WarehouseBusy):
            with write_lock(db, wait=0.2):
                pass
    proc = _loader(db, _file(tmp_path, "slow.xlsx", 5), pause=1.0)
    _wait_for_tmp(db, proc)
    report = _load(db, _file(tmp_path, "other.xlsx", 7, "videos_published"))  # waits for the lock
    proc.wait(timeout=60)
    assert proc.returncode == 0 and report.loaded
    assert _count(db) == 4


def test_sql_text_in_cells_is_stored_as_text(tmp_path: Path, db: Path) -> None:
    breakdown = 'за темами"); DROP TABLE facts; --'
    rows = [["Місто", "Підрозділ", "Період", "Показник", "Значення", "Розбивка"],
            ["Ніжин", DEPT_NIZHYN, "2021-03", "news_published", 1, breakdown]]
    path = write_xlsx(tmp_path / "f.xlsx", {"A": rows})
    assert _load(db, path).loaded
    assert query("SELECT breakdown FROM observations", path=db)["breakdown"][0] == breakdown
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM facts").fetchone()[0] == 1
    con.close()
    dept = 'відділ"); DROP TABLE facts; --'  # as a department's name: refused, naming the cell
    path = write_xlsx(tmp_path / "g.xlsx", {"A": long_rows(["Ніжин", dept, "2021-03", "news_published", 1, None])})
    report = _load(db, path)
    assert not report.loaded and [(p.key, p.cell) for p in report.files[0].errors] == [("department_invalid", "B2")]


def test_load_leaves_the_callers_parsed_files_as_they_were(tmp_path: Path) -> None:
    """The upload page keeps its parsed files to show them after the load: load() lets go only of
    the figures of files it parsed itself."""
    path = write_xlsx(tmp_path / "a.xlsx", {"A": long_rows(["Ніжин", DEPT_NIZHYN, "березень 2021", "news_published", 5, None])})
    given = parse_file(path, packed=True).pack()
    assert load([given], tmp_path / "w.duckdb").loaded
    assert given.packed is not None and given.packed.num_rows == given.figure_count == 1
