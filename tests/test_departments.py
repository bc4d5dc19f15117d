"""Departments as resolved units: the registry, the one rule that reads a department's name, and a
figure counted once whatever the spelling."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from activity.departments import (
    Alias,
    Department,
    Registry,
    RegistryError,
    department_key,
    invalid_text,
)
from activity.warehouse.store import query
from etl.load.loader import load
from tests.conftest import DEPT_NIZHYN, LYSYCHANSK, NIZHYN, long_rows, write_xlsx

KYIV_OBLAST_PLACE = "UA05020110010028819"  # a hromada the registry has no department of
LYS_DEPT = "відділ з питань внутрішньої політики, зв’язку з громадськістю та ЗМІ"


@pytest.fixture
def registry() -> Registry:
    return Registry.load()  # with no local additions (tests/conftest.py)


@pytest.mark.parametrize(("text", "place", "how", "code"), [
    (DEPT_NIZHYN, NIZHYN, "canonical", "nizhyn.communications"),
    ("Відділ інформаційно-аналітичної роботи та комунікацій з громадськістю", NIZHYN, "canonical", "nizhyn.communications"),
    (DEPT_NIZHYN.upper(), NIZHYN, "spelling", "nizhyn.communications"),
    (f"  {DEPT_NIZHYN}  Ніжинської міської ради ", NIZHYN, "spelling", "nizhyn.communications"),
    (f"{DEPT_NIZHYN} виконавчого комітету Ніжинської міської ради", NIZHYN, "spelling", "nizhyn.communications"),
    ("відділу інформаційно-аналітичної роботи та комунікацій з громадськістю", NIZHYN, "word_forms",
     "nizhyn.communications"),
    ("Відділ інформаційно-аналітичної роботи", NIZHYN, "alias", "nizhyn.communications"),
    ("відділ інформаційно-аналітичної роботи та комунікацій", NIZHYN, "short_form", "nizhyn.communications"),
    (LYS_DEPT.replace("’", "'"), LYSYCHANSK, "spelling", "lysychansk.internal_policy"),
    (f"{LYS_DEPT} військово-цивільної адміністрації міста Лисичанськ Луганської області", LYSYCHANSK, "spelling",
     "lysychansk.internal_policy"),
    ("відділ з питань внутрішньої політики", LYSYCHANSK, "alias", "lysychansk.internal_policy"),
    ("загальний відділ", NIZHYN, "canonical", f"{NIZHYN}.general"),
    ("Відділ культури та туризму", NIZHYN, "standard", f"{NIZHYN}.culture"),
    ("відділ освіти", KYIV_OBLAST_PLACE, "canonical", f"{KYIV_OBLAST_PLACE}.education"),
])
def test_a_department_is_read_whatever_the_spelling(registry: Registry, text: str, place: str, how: str,
                                                    code: str) -> None:
    found = registry.resolve(text, place)
    assert (found.how, found.department.code if found.department else None) == (how, code)
    assert found.changed is (how not in ("canonical",))


def test_a_name_the_place_does_not_know_is_an_error_with_the_closest_names(registry: Registry) -> None:
    found = registry.resolve("відділ спорту і туризму", NIZHYN)
    assert found.how == "unknown" and not found.ok
    assert "nizhyn.communications" in {d.code for d in found.candidates}


def test_a_place_without_departments_gets_a_new_one(registry: Registry) -> None:
    found = registry.resolve("Відділ з питань цифрової трансформації Бобровицької міської ради", KYIV_OBLAST_PLACE)
    assert found.how == "new" and found.department.place == KYIV_OBLAST_PLACE
    assert found.department.name_uk == "відділ з питань цифрової трансформації"
    registry.add(found.department)
    assert registry.resolve("відділ з питань цифрової трансформації", KYIV_OBLAST_PLACE).how == "canonical"
    assert registry.resolve("відділ якийсь інший", KYIV_OBLAST_PLACE).how == "unknown"


@pytest.mark.parametrize("text", ["", "   ", "---", "…", "=SUM(A1)", "@cmd", "+380", "'); DROP TABLE facts; --",
                                  "SELECT * FROM facts", "12345", None])
def test_empty_punctuation_formulas_and_sql_are_not_names(registry: Registry, text: object) -> None:
    assert invalid_text(text)
    assert registry.resolve(text, NIZHYN).how == "invalid"


def test_the_same_name_in_two_places_is_two_departments(registry: Registry) -> None:
    a, b = registry.resolve("загальний відділ", NIZHYN), registry.resolve("загальний відділ", LYSYCHANSK)
    assert a.department.code != b.department.code and {a.department.place, b.department.place} == {NIZHYN, LYSYCHANSK}


def test_two_departments_of_one_place_with_one_name_are_refused(registry: Registry) -> None:
    twin = Department("nizhyn.twin", NIZHYN, "communications", DEPT_NIZHYN.upper() + " Ніжинської міської ради", "x")
    with pytest.raises(RegistryError, match="nizhyn.communications"):
        registry.add(twin)
    other = Department("nizhyn.other", NIZHYN, "records", "організаційний відділ", "x")
    registry.add(other)
    with pytest.raises(RegistryError, match="організаційний відділ"):
        registry.add_alias("nizhyn.communications", Alias("Організаційний відділ"))
    assert registry.resolve("відділ", NIZHYN).how in ("unknown", "invalid")


def test_a_former_name_counts_only_while_it_was_used(registry: Registry) -> None:
    registry.add(Department("x.d", KYIV_OBLAST_PLACE, "records", "відділ документообігу", "x",
                            (Alias("канцелярія", until=date(2019, 12, 31)),)))
    assert registry.resolve("канцелярія", KYIV_OBLAST_PLACE, date(2019, 6, 30)).how == "alias"
    assert registry.resolve("канцелярія", KYIV_OBLAST_PLACE, date(2021, 6, 30)).how == "unknown"


def test_the_key_drops_case_quotes_and_the_councils_name() -> None:
    assert department_key("«Відділ» освіти і науки Ніжинської міської ради") == "відділ освіти та науки"
    assert department_key("ЦНАП виконавчого комітету") == "цнап"


# ------------------------------------------------------------------------------ loading

def _wb(folder: Path, name: str, *figures: list) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return write_xlsx(folder / name, {"Звіт": long_rows(*figures)})


def test_three_spellings_of_nizhyns_department_load_as_one_and_count_once(tmp_path: Path, built_db: Path, page,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The issue's case: the short form, the full name with the council's, upper case: one department,
    and Nizhyn's news for March 2021 stays 465 in `observations`, the app's queries and the export."""
    import shutil

    from click.testing import CliRunner

    from etl.cli import main

    db = tmp_path / "w.duckdb"
    shutil.copyfile(built_db, db)
    path = _wb(tmp_path / "in", "short.xlsx",
               ["Ніжин", "Відділ інформаційно-аналітичної роботи", "березень 2021", "news_published", 465, None],
               ["Ніжин", f"{DEPT_NIZHYN} Ніжинської міської ради", "березень 2021", "documents_published", 259, None],
               ["Ніжин", DEPT_NIZHYN.upper(), "березень 2021", "photo_news_published", 88, None])
    report = load([path], db)
    assert report.loaded
    warned = [(p.key, p.cell) for p in report.files[0].warnings]
    assert warned == [("department_resolved", "B2"), ("department_resolved", "B3"), ("department_resolved", "B4")]
    shown = query("""SELECT DISTINCT department, department_code, department_kind FROM observations
                     WHERE city_code = ?""", [NIZHYN], path=db)
    assert shown.values.tolist() == [[DEPT_NIZHYN, "nizhyn.communications", "communications"]]
    news = query("""SELECT sum(value) AS s FROM observations WHERE city_code = ? AND metric = 'news_published'
                    AND period_start = '2021-03-01' AND granularity = 'month'""", [NIZHYN], path=db)
    assert news["s"][0] == 465
    out = tmp_path / "news.csv"
    result = CliRunner().invoke(main, ["export", "--city", "Ніжин", "--metric", "news_published", "--from",
                                       "2021-03", "--to", "2021-03", "--out", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    row = out.read_text(encoding="utf-8-sig").splitlines()[1].split(";")
    assert row[5] == "465"
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    from activity.warehouse import queries

    assert queries.departments_present([NIZHYN])["department"].tolist() == [DEPT_NIZHYN]
    # the Overview card and the Trends chart of the app
    from tests.test_page_overview import card, choose, number

    at = page("overview", db=db, entry_first=True)
    choose(at, NIZHYN, "month", "2021-03")
    assert number(card(at, "news_published").metric[0].value) == 465
    trends = page("trends", db=db)
    import json

    [line] = [t for t in json.loads(trends.get("plotly_chart")[0].proto.spec)["data"] if t["name"] == "Ніжин"]
    assert dict(zip(line["x"], line["y"], strict=True))["2021-03-01"] == 465


def test_an_unknown_department_refuses_the_file_naming_its_cell(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    assert load([_wb(tmp_path / "a", "ok.xlsx", ["Ніжин", DEPT_NIZHYN, "2021-03", "news_published", 5, None])], db).loaded
    before = db.read_bytes()
    report = load([_wb(tmp_path / "b", "bad.xlsx", ["Ніжин", DEPT_NIZHYN, "2021-04", "news_published", 6, None],
                       ["Ніжин", "відділ спорту і туризму", "2021-04", "events_attended", 2, None])], db)
    assert not report.loaded and db.read_bytes() == before
    [error] = report.files[0].errors
    assert (error.key, error.sheet, error.cell) == ("department_unknown", "Звіт", "B3")
    assert "nizhyn.communications" in error.message() and "departments alias" in error.message()


def test_a_hromada_without_departments_registers_the_first_and_refuses_a_stranger(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    first = _wb(tmp_path / "a", "first.xlsx", ["Бобровиця", "Відділ організаційної роботи", "2021-03", "news_published", 4, None])
    second = _wb(tmp_path / "b", "second.xlsx", ["Бобровиця", "Відділ іншої роботи", "2021-03", "letters_received", 4, None])
    report = load([first, second], db)
    assert not report.loaded
    assert [p.key for p in report.files[0].problems] == ["department_new"]
    assert [p.key for p in report.files[1].errors] == ["department_unknown"]
    assert load([first], db).loaded
    registered = query("SELECT code, name_uk, origin FROM departments WHERE place_code LIKE 'UA74%' AND origin = 'auto'",
                       path=db)
    assert registered["name_uk"].tolist() == ["відділ організаційної роботи"]


def test_two_spellings_of_one_figure_in_one_file_are_one_figure_or_a_conflict(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    same = _wb(tmp_path / "a", "same.xlsx", ["Ніжин", DEPT_NIZHYN, "2021-03", "news_published", 5, None],
               ["Ніжин", DEPT_NIZHYN.upper(), "2021-03", "news_published", 5, None])
    report = load([same], db)
    assert report.loaded and "duplicate_same" in {p.key for p in report.files[0].warnings}
    assert query("SELECT count(*) AS n FROM observations", path=db)["n"][0] == 1
    clash = _wb(tmp_path / "b", "clash.xlsx", ["Ніжин", DEPT_NIZHYN, "2021-04", "news_published", 5, None],
                ["Ніжин", DEPT_NIZHYN.upper(), "2021-04", "news_published", 7, None])
    report = load([clash], db)
    assert not report.loaded and [(p.key, p.cell) for p in report.files[0].errors] == [("duplicate_conflict", "E3")]


def test_the_same_figure_from_two_files_under_two_spellings_is_one_figure(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    a = _wb(tmp_path / "a", "a.xlsx", ["Ніжин", DEPT_NIZHYN, "2021-03", "news_published", 465, None])
    b = _wb(tmp_path / "b", "b.xlsx", ["Ніжин", "Відділ інформаційно-аналітичної роботи", "2021-03", "news_published", 466, None])
    assert load([a], db).loaded and load([b], db).loaded
    assert query("SELECT value, source FROM observations", path=db).values.tolist() == [[466.0, "b.xlsx"]]
    import os

    from activity.warehouse import queries

    os.environ["DASHBOARD_DB"] = str(db)
    try:
        conflict = queries.duplicate_figures()
    finally:
        del os.environ["DASHBOARD_DB"]
    assert sorted(conflict["value"]) == [465.0, 466.0] and conflict["kept"].sum() == 1


# ------------------------------------------------------------------------------ the command

def cli(*args: str):
    from click.testing import CliRunner

    from etl.cli import main

    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_a_spelling_mapped_once_loads_from_then_on_and_survives_a_fresh_build(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    assert cli("build", "--db", str(db)).exit_code == 0
    path = _wb(tmp_path / "in", "sport.xlsx", ["Ніжин", "Відділ спорту і туризму", "2021-05", "events_attended", 3, None])
    first = cli("load", str(path), "--db", str(db))
    assert first.exit_code == 1 and "departments alias" in first.output
    mapped = cli("departments", "alias", "відділ спорту і туризму", "nizhyn.communications", "--db", str(db))
    assert mapped.exit_code == 0 and "nizhyn.communications" in mapped.output
    assert cli("build", "--fresh", "--db", str(db)).exit_code == 0
    again = cli("load", str(path), "--db", str(db))
    assert again.exit_code == 0, again.output
    assert query("SELECT department_code FROM observations WHERE source = 'sport.xlsx'", path=db).values.tolist() == \
        [["nizhyn.communications"]]
    listed = cli("departments", "--city", "Ніжин", "--json", "--db", str(db))
    [nizhyn] = [d for d in __import__("json").loads(listed.output) if d["code"] == "nizhyn.communications"]
    assert "відділ спорту і туризму" in nizhyn["aliases"]


def test_adding_a_department_is_logged_with_who_and_a_clash_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    added = cli("departments", "add", "Відділ молодіжної політики", "--city", "Ніжин", "--kind", "youth_sport",
                "--db", str(db))
    assert added.exit_code == 0, added.output
    log = query("SELECT action, source_name, loaded_by FROM load_log", path=db)
    assert log["action"].tolist() == ["department_added"] and log["loaded_by"][0]
    again = cli("departments", "add", "відділ молодіжної політики", "--city", "Ніжин", "--kind", "youth_sport",
                "--db", str(db))
    assert again.exit_code == 2 and "мають одну назву" in again.output
    wrong = cli("departments", "alias", "=1+1", "nizhyn.communications", "--db", str(db))
    assert wrong.exit_code == 2 and "не схоже на назву" in wrong.output
    unknown_kind = cli("departments", "add", "відділ X", "--city", "Ніжин", "--kind", "magic", "--db", str(db))
    assert unknown_kind.exit_code == 2 and "magic" in unknown_kind.output


def test_a_file_without_a_department_takes_the_only_one_or_asks(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    rows = [["Місто", "Період", "Показник", "Значення"], ["Ніжин", "березень 2021", "news_published", 465]]
    path = write_xlsx(tmp_path / "no_department.xlsx", {"A": rows})
    result = cli("load", str(path), "--db", str(db))
    assert result.exit_code == 0 and "єдиного підрозділу" in result.output
    assert cli("departments", "add", "загальний відділ", "--city", "Ніжин", "--kind", "records",
               "--db", str(db)).exit_code == 0
    path2 = write_xlsx(tmp_path / "no_department_2.xlsx", {"A": [*rows[:1], ["Ніжин", "квітень 2021", "news_published", 400]]})
    asked = cli("load", str(path2), "--db", str(db))
    assert asked.exit_code == 1 and "--department" in asked.output
    given = cli("load", str(path2), "--department", "Загальний відділ", "--db", str(db))
    assert given.exit_code == 0, given.output
    codes = query("SELECT source, department_code FROM observations ORDER BY source", path=db).values.tolist()
    assert codes == [["no_department.xlsx", "nizhyn.communications"], ["no_department_2.xlsx", f"{NIZHYN}.general"]]


def test_a_file_without_a_department_in_a_city_with_none_asks_for_one_and_the_given_name_is_said_back(
        tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    rows = [["Місто", "Період", "Показник", "Значення"], ["Бобровиця", "березень 2021", "news_published", 12]]
    path = write_xlsx(tmp_path / "no_department.xlsx", {"A": rows})
    asked = cli("load", str(path), "--db", str(db))
    assert asked.exit_code == 1 and "ще не зареєстровано жодного" in asked.output and ": —" not in asked.output
    given = cli("load", str(path), "--department", "Відділ комунікацій", "--db", str(db))
    assert given.exit_code == 0, given.output
    assert "Підрозділ «Відділ комунікацій» зареєстровано як новий" in given.output
