"""etl.load.storer writes `obs` straight from each batch where it can: after any sequence of loads it must
hold exactly what a rebuild from `facts` (activity.warehouse.schema.DEDUPED) holds, and `obs_summary` must match."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from activity.warehouse.schema import DEDUPED
from etl.load.loader import load
from etl.load.observations import SUMMARY, TABLE
from tests.conftest import MONTHS, write_xlsx

KYIV_REGION_UNITS = ["UA32020030000029575", "UA32020050000062595"]  # Volodarska, Hrebinkivska hromadas
STOCK = "ngos_registered"  # a stock metric: one figure per day it stands on


def wide(path: Path, code: str, values: dict[str, list[int | None]], *, year: int = 2023,
         dept: str = "відділ комунікацій", quarters: dict[str, list[int]] | None = None) -> Path:
    """A wide workbook for one place: months on one sheet, optional quarters on another."""
    from activity.catalog import METRICS

    def sheet(header: list[str], rows: dict[str, list]) -> list[list[object]]:
        return [["Код КАТОТТГ:", code], ["Підрозділ:", dept], ["Рік:", year], [],
                ["Показник", *header], *([METRICS[m].label_uk, *v] for m, v in rows.items())]

    sheets = {"Місяці": sheet(MONTHS, values)}
    if quarters:
        sheets["Квартали"] = sheet(["I квартал", "II квартал", "III квартал", "IV квартал"], quarters)
    return write_xlsx(path, sheets)


def exact(db: Path) -> list[tuple]:
    """`obs` as stored, checked against DEDUPED and the summary against `obs`; returns its rows."""
    with duckdb.connect(str(db), read_only=True) as con:
        kept = con.execute("SELECT * FROM obs ORDER BY ALL").fetchall()
        assert kept == con.execute(f"SELECT * FROM ({DEDUPED}) ORDER BY ALL", [None, None]).fetchall()
        summary = con.execute(f"SELECT * FROM {TABLE} ORDER BY ALL").fetchall()
        assert summary == con.execute(f"SELECT * FROM ({SUMMARY}) ORDER BY ALL", [None, None]).fetchall()
        return kept


def values(rows: list[tuple], code: str, metric: str) -> dict[str, float]:
    """{period start: value} of one place's metric in `obs` rows (city_code last, metric 4th)."""
    return {str(r[5]): r[8] for r in rows if r[16] == code and r[3] == metric}


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return tmp_path / "w.duckdb"


def test_a_fresh_load_is_written_straight_and_exact(tmp_path: Path, db: Path) -> None:
    a = wide(tmp_path / "a.xlsx", KYIV_REGION_UNITS[0], {"news_published": list(range(1, 13))})
    b = wide(tmp_path / "b.xlsx", KYIV_REGION_UNITS[1], {"news_published": [5] * 11 + [None]})
    report = load([a, b], db, jobs=1)
    assert report.loaded and [r.action for r in report.files] == ["added", "added"]
    rows = exact(db)
    assert len(rows) == 12 + 11
    assert sum(values(rows, KYIV_REGION_UNITS[0], "news_published").values()) == 78
    with duckdb.connect(str(db), read_only=True) as con:  # stored in place order (zone maps)
        stored = [c for (c,) in con.execute("SELECT city_code FROM obs ORDER BY rowid").fetchall()]
    assert stored == sorted(stored) and len(set(stored)) == 2


def test_files_out_of_place_order_are_sorted_on_the_way_in(tmp_path: Path, db: Path) -> None:
    late, early = sorted(KYIV_REGION_UNITS, reverse=True)
    files = [wide(tmp_path / "1.xlsx", late, {"news_published": [1] * 12}),
             wide(tmp_path / "2.xlsx", early, {"news_published": [2] * 12})]
    assert load(files, db, jobs=1).loaded
    exact(db)
    with duckdb.connect(str(db), read_only=True) as con:
        stored = [c for (c,) in con.execute("SELECT city_code FROM obs ORDER BY rowid").fetchall()]
    assert stored == sorted(stored) and stored[0] == early


def test_a_second_source_for_a_place_wins_and_demo_yields(tmp_path: Path, db: Path) -> None:
    code = KYIV_REGION_UNITS[0]
    load([wide(tmp_path / "first.xlsx", code, {"news_published": [1] * 12})], db, jobs=1)
    # Later in the same load and in a later load: the most recent source wins, figure by figure.
    second = wide(tmp_path / "second.xlsx", code, {"news_published": [2] * 6 + [None] * 6})
    demo = wide(tmp_path / "demo.xlsx", code, {"news_published": [9] * 12})
    assert load([demo], db, demo=True, jobs=1).loaded
    assert load([second], db, jobs=1).loaded
    shown = values(exact(db), code, "news_published")
    assert list(shown.values()) == [2.0] * 6 + [1.0] * 6  # real over demo, then the latest


def test_two_files_for_one_place_in_one_load(tmp_path: Path, db: Path) -> None:
    code = KYIV_REGION_UNITS[1]
    a = wide(tmp_path / "a.xlsx", code, {"news_published": [1] * 12})
    b = wide(tmp_path / "b.xlsx", code, {"news_published": [3] * 12})
    assert load([a, b], db, jobs=1).loaded
    assert set(values(exact(db), code, "news_published").values()) == {3.0}


def test_a_replaced_file_takes_its_old_place_away(tmp_path: Path, db: Path) -> None:
    first, other = KYIV_REGION_UNITS
    (tmp_path / "v1").mkdir()
    (tmp_path / "v2").mkdir()
    load([wide(tmp_path / "v1" / "report.xlsx", first, {"news_published": [4] * 12})], db, jobs=1)
    report = load([wide(tmp_path / "v2" / "report.xlsx", other, {"news_published": [6] * 12})], db, jobs=1)
    assert [r.action for r in report.files] == ["replaced"]
    rows = exact(db)
    assert not values(rows, first, "news_published")
    assert set(values(rows, other, "news_published").values()) == {6.0}


def test_a_stock_as_of_one_day_twice_in_one_file_is_shown_once(tmp_path: Path, db: Path) -> None:
    code = KYIV_REGION_UNITS[0]
    # Levels at the end of March (month sheet) and of the first quarter: the same day, the same figure.
    path = wide(tmp_path / "stock.xlsx", code, {STOCK: [None, None, 40, None, None, 41] + [None] * 6},
                quarters={STOCK: [40, 41, 42, 43]})
    report = load([path], db, jobs=1)
    assert report.loaded and report.files[0].once_in_obs is False
    rows = [r for r in exact(db) if r[3] == STOCK]
    assert sorted(str(r[9]) for r in rows) == ["2023-04-01", "2023-07-01", "2023-10-01", "2024-01-01"]


def test_the_same_content_twice_in_one_load_is_stored_once(tmp_path: Path, db: Path) -> None:
    code = KYIV_REGION_UNITS[0]
    a = wide(tmp_path / "a.xlsx", code, {"news_published": [7] * 12})
    (tmp_path / "copy").mkdir()
    b = tmp_path / "copy" / "b.xlsx"
    b.write_bytes(a.read_bytes())
    report = load([a, b], db, jobs=1)
    assert [r.action for r in report.files] == ["added", "unchanged"]
    assert len(exact(db)) == 12



def test_batches_written_in_whole_row_groups_store_every_figure_once(tmp_path: Path, db: Path, monkeypatch) -> None:
    import etl.load.storer as storer
    from activity.places import all_places, resolve_place

    # 16 places, 3 contested of them; a hromada's code stands for its centre city where it has one
    codes = sorted({resolve_place(p.code).place.code for p in all_places() if p.level == "H"})[:16]
    for folder in ("v1", "v2"):
        (tmp_path / folder).mkdir()
    files = [wide(tmp_path / f"{i}.xlsx", code, {"news_published": [i + 1] * 12, "letters_received": list(range(12))})
             for i, code in enumerate(codes)]
    files += [wide(tmp_path / "again.xlsx", codes[0], {"news_published": [50] * 12}),  # a second file, one place
              wide(tmp_path / "v1" / "report.xlsx", codes[1], {"news_published": [60] * 12}),
              wide(tmp_path / "v2" / "report.xlsx", codes[2], {"news_published": [70] * 12})]  # replaces v1's
    whole = tmp_path / "whole.duckdb"
    assert load(files, whole, jobs=1).loaded
    monkeypatch.setattr(storer, "BATCH_ROWS", 40)  # a flush every second file, in 20-row groups: 8 or 16 rows wait
    monkeypatch.setattr(storer, "ROW_GROUP", 20)
    report = load(files, db, jobs=1)
    assert report.loaded and [r.action for r in report.files][-1] == "replaced"
    rows = exact(db)
    assert rows == exact(whole)
    assert len(rows) == 16 * 24
    assert set(values(rows, codes[0], "news_published").values()) == {50.0}
    assert set(values(rows, codes[1], "news_published").values()) == {2.0}  # its own file's, v1's gone
    assert set(values(rows, codes[2], "news_published").values()) == {70.0}
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM facts").fetchone()[0] == 16 * 24 + 12 + 12
        straight = [c for (c,) in con.execute("SELECT city_code FROM obs ORDER BY rowid").fetchall()
                    if c not in codes[:3]]  # the contested places are rebuilt at the end
    assert straight == sorted(straight) and len(straight) == 13 * 24
