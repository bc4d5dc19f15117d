"""Where a sheet says its city, year and department, and what the person loading says for it
(--city, --year): found around the table, chosen once, and never guessed when two cells disagree."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from activity.places import places_in_text
from etl.cli import main
from etl.figures import Given
from etl.load.parse import parse_file
from tests.conftest import LYSYCHANSK, MONTHS, NIZHYN, write_xlsx

PRYLUKY = "UA74080130010045104"


def _wide(*title: list[object], months: int = 3) -> list[list[object]]:
    return [*title, [], ["Показник", *MONTHS[:months]], ["Вхідні листи", 10, 20, 30][: months + 1],
            ["Вихідні документи", 1, 2, 3][: months + 1]]


def _figures(result) -> set[tuple[str, str, float]]:
    return {(f.place_code, f.period.key, f.value) for f in result.figures}


def test_places_named_inside_sentences() -> None:
    found = {t: [(p.place.code, p.text) for p in places_in_text(t)] for t in (
        "Звіт відділу за 2021 рік, м. Ніжин", "Інформація про роботу відділу Ніжинської міської ради",
        "Лисичанська міська військова адміністрація", "у місті Прилуках", "Начальник відділу І. Петренко",
        "Проєкти рішень міської ради", "Виконавець: Ковальчук, тел. 2-14-55")}
    assert found == {
        "Звіт відділу за 2021 рік, м. Ніжин": [(NIZHYN, "м. Ніжин")],
        "Інформація про роботу відділу Ніжинської міської ради": [(NIZHYN, "Ніжинської міської ради")],
        "Лисичанська міська військова адміністрація": [(LYSYCHANSK, "Лисичанська міська військова адміністрація")],
        "у місті Прилуках": [(PRYLUKY, "місті Прилуках")],
        "Начальник відділу І. Петренко": [], "Проєкти рішень міської ради": [],
        "Виконавець: Ковальчук, тел. 2-14-55": [],
    }


def test_city_and_year_given_for_a_sheet_that_says_neither(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "zvit.xlsx", {"Аркуш1": _wide(["Інформація про роботу відділу"])})
    bare = parse_file(path)
    assert {(p.key, p.cell) for p in bare.errors} == {("missing_context", "A3")}
    assert sorted(p.params["what"] for p in bare.errors) == ["місто", "рік"]
    result = parse_file(path, given=Given(NIZHYN, 2021))
    assert result.ok, [p.render() for p in result.problems]
    assert _figures(result) == {(NIZHYN, f"2021-0{m}", v) for m, v in ((1, 10), (2, 20), (3, 30), (1, 1), (2, 2),
                                                                      (3, 3))}


def test_a_sheet_naming_another_city_than_given_is_an_error_naming_its_cell(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "zvit.xlsx", {"Аркуш1": _wide(["Звіт за 2021 рік"], ["Місто:", "Прилуки"])})
    result = parse_file(path, given=Given(NIZHYN, None))
    (problem,) = result.errors
    assert (problem.key, problem.cell) == ("context_given_conflict", "B2")
    assert "Прилуки" in problem.message() and "Ніжин" in problem.message() and "--city" in problem.message()
    assert parse_file(path, given=Given(PRYLUKY, 2021)).ok  # the same city, the same year: fine
    other_year = parse_file(path, given=Given(None, 2020))
    assert [(p.key, p.cell) for p in other_year.errors] == [("context_given_conflict", "A1")]


def test_two_years_in_two_cells_are_an_error_naming_both(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "zvit.xlsx", {"Аркуш1": _wide(["Звіт за 2020 рік, м. Ніжин"], ["Рік:", 2021])})
    (problem,) = parse_file(path).errors
    assert problem.key == "context_conflict" and problem.cell == "A1" and "Аркуш1!B2" in problem.message()


def test_the_title_wins_over_the_file_name_and_the_year_of_a_signature_date_is_not_the_reports(tmp_path) -> None:
    rows = _wide(["ЗВІТ ПРО РОБОТУ ВІДДІЛУ ПРИЛУЦЬКОЇ МІСЬКОЇ РАДИ ЗА 2021 РІК"])
    rows += [[], ["Начальник відділу", None, "І. Петренко"], ["Дата: 14.01.2022"]]
    result = parse_file(write_xlsx(tmp_path / "Ніжин.xlsx", {"Аркуш1": rows}))
    assert result.ok, [p.render() for p in result.problems]
    assert {(p, k[:4]) for p, k, _v in _figures(result)} == {(PRYLUKY, "2021")}


def test_long_layout_totals_are_checked_and_never_loaded(tmp_path: Path) -> None:
    rows = [["м. Ніжин"], ["Період", "Показник", "Значення, од."],
            ["Січень 2021", "Вхідні листи", 10], ["Лютий 2021", "Вхідні листи", 20], ["Разом", "Вхідні листи", 31],
            ["Січень 2021", "Вихідні документи", 5], [None, "Усього", 5]]
    result = parse_file(write_xlsx(tmp_path / "f.xlsx", {"Аркуш1": rows}))
    assert result.ok, [p.render() for p in result.problems]
    assert _figures(result) == {(NIZHYN, "2021-01", 10), (NIZHYN, "2021-02", 20), (NIZHYN, "2021-01", 5)}
    assert [(p.key, p.cell, p.params["total"], p.params["sum"]) for p in result.warnings] == [
        ("total_rows_mismatch", "C5", "31", "30")]


def test_a_row_with_figures_and_an_unknown_label_is_still_an_error_after_a_signature_is_not(tmp_path) -> None:
    rows = [*_wide(["м. Ніжин, 2021 рік"]), ["Нові дрони", 1, 2, 3], [], ["Начальник відділу", None, "І. Петренко"]]
    result = parse_file(write_xlsx(tmp_path / "f.xlsx", {"Аркуш1": rows}))
    assert [(p.key, p.cell) for p in result.errors] == [("unknown_metric", "A6")]


def test_check_and_load_take_city_and_year(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "zvit.xlsx", {"Аркуш1": _wide(["Інформація про роботу відділу"])})
    db = tmp_path / "w.duckdb"
    run = CliRunner().invoke
    bare = run(main, ["--db", str(db), "check", str(path), "--json"])
    assert bare.exit_code == 1
    given = run(main, ["--db", str(db), "check", str(path), "--city", "Ніжин", "--year", "2021", "--json"])
    assert given.exit_code == 0, given.output
    assert json.loads(given.output)["figures"] == 6
    loaded = run(main, ["--db", str(db), "load", str(path), "--city", "Ніжин", "--year", "2021"])
    assert loaded.exit_code == 0, loaded.output
    unknown = run(main, ["--db", str(db), "check", str(path), "--city", "Ніжинн"])
    assert unknown.exit_code == 1 and "Ніжин (Чернігівська обл.)" in unknown.output


def test_a_department_named_in_the_title_sentence_is_used_when_it_names_one(tmp_path: Path) -> None:
    from etl.load.loader import check

    known = write_xlsx(tmp_path / "culture.xlsx", {"Аркуш1": _wide(
        ["Звіт відділу культури і туризму Ніжинської міської ради за 2021 рік"])})
    unknown = write_xlsx(tmp_path / "other.xlsx", {"Аркуш1": _wide(
        ["ЗВІТ ВІДДІЛУ СПОРТИВНИХ ПЕРЕМОГ НІЖИНСЬКОЇ МІСЬКОЇ РАДИ ЗА 2021 РІК"])})
    assert {f.department for f in parse_file(known).figures} == {"відділ культури і туризму"}
    first, second = check([known, unknown], jobs=1)
    assert first.ok and {d.code for d in first.departments.values()} == {f"{NIZHYN}.culture"}
    # Not a department of the city: as if the file named none (Ніжин has one: assumed, with a warning).
    assert second.ok, [p.render() for p in second.problems]
    assert [p.key for p in second.warnings] == ["department_assumed"]


def test_a_long_table_naming_another_city_than_given_is_an_error_once_per_city(tmp_path: Path) -> None:
    rows = [["Місто", "Період", "Показник", "Значення"], ["Ніжин", "Січень 2021", "Вхідні листи", 5],
            ["Прилуки", "Січень 2021", "Вхідні листи", 6], ["Прилуки", "Лютий 2021", "Вхідні листи", 7]]
    path = write_xlsx(tmp_path / "f.xlsx", {"Аркуш1": rows})
    assert parse_file(path).ok and parse_file(path, given=Given(NIZHYN, 2021)).errors
    assert [(p.key, p.cell) for p in parse_file(path, given=Given(NIZHYN, None)).errors] == [
        ("context_given_conflict", "A3")]
    titled = write_xlsx(tmp_path / "t.xlsx", {"Аркуш1": [["Звіт за 2021 рік, м. Ніжин"], *rows[:2]]})
    assert [(p.key, p.cell) for p in parse_file(titled, given=Given(None, 2020)).errors] == [
        ("context_given_conflict", "A1")]


def test_a_table_of_metrics_and_figures_takes_the_period_of_its_title_or_of_a_pair(tmp_path: Path) -> None:
    for title, key in ((["Звіт про роботу відділу Ніжинської міської ради за березень 2021 року"], "2021-03"),
                       (["Звітний період:", "ІІ квартал 2021 року"], "2021-Q2")):
        rows = [title, ["Місто:", "Ніжин"], ["№", "Показник", "Кількість, шт."], [1, "Вхідні листи", 12],
                [2, "Відеосюжети", 3], [], ["Виконавець: О. Коваль, тел. 2-14-55"]]
        result = parse_file(write_xlsx(tmp_path / "m.xlsx", {"Аркуш1": rows}))
        assert result.ok, [p.render() for p in result.problems]
        assert {(f.metric, f.period.key, f.value) for f in result.figures} == {
            ("letters_received", key, 12), ("videos_published", key, 3)}
    rows = [["Звіт про роботу відділу"], ["Місто:", "Ніжин"], ["Показник", "Кількість"], ["Вхідні листи", 12]]
    (problem,) = parse_file(write_xlsx(tmp_path / "n.xlsx", {"Аркуш1": rows})).errors
    assert (problem.key, problem.cell, problem.params["what"]) == ("missing_context", "A3", "період")


def test_a_row_of_which_is_a_part_of_the_row_above_and_is_not_loaded(tmp_path: Path) -> None:
    rows = [["м. Ніжин, 2021 рік"], ["Заходи", *MONTHS[:3]], ["Вхідні листи", 10, 10, 10],
            ["у тому числі від громадян", 4, 4, 4], ["Відеосюжети", 1, 2, 3]]
    result = parse_file(write_xlsx(tmp_path / "f.xlsx", {"Аркуш1": rows}))
    assert result.ok and len(result.figures) == 6
    assert [(p.key, p.cell) for p in result.warnings] == [("part_row_skipped", "A4")]


def test_a_section_named_like_a_header_does_not_end_the_table(tmp_path: Path) -> None:
    rows = [["м. Ніжин, 2021 рік"], ["Показник", *MONTHS[:3]], ["Документообіг"], ["Вхідні листи", 10, 10, 10],
            ["Заходи"], ["Заходи, у яких взято участь", 1, 2, 3], ["Показники"], ["Відеосюжети", 4, 5, 6]]
    result = parse_file(write_xlsx(tmp_path / "f.xlsx", {"Аркуш1": rows}))
    assert result.ok and len(result.figures) == 9
