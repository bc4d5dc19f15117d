"""Every problem of a file at once, each naming the cell, in Ukrainian (English on request)."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.load.parse import parse_file
from tests.conftest import DEPT_NIZHYN, long_rows, wide_rows, write_xlsx

NEWS = "Новини та інформаційні матеріали на сайті"


def _errors(result) -> dict[str, str]:
    return {p.cell: p.key for p in result.errors}


def test_all_problems_are_reported_with_their_cells(tmp_path: Path) -> None:
    rows = long_rows(
        ["Ніжин", DEPT_NIZHYN, "березень 2021", "news_published", -5, None],
        ["Ніжин", DEPT_NIZHYN, "березень 2021", "documents_published", 2.5, None],
        ["Ніжин", DEPT_NIZHYN, "березень 2021", "Вхідні лсти", 10, None],
        ["Ніжин", DEPT_NIZHYN, "березень 2021", "videos_published", "п’ять", None],
        ["Ніжин", DEPT_NIZHYN, "13-й місяць 2021", "greetings_prepared", 3, None],
        ["Ніжен", DEPT_NIZHYN, "березень 2021", "greetings_prepared", 3, None],
        ["Ніжин", DEPT_NIZHYN, "березень 2021", "events_attended", True, None],
        ["Ніжин", DEPT_NIZHYN, "березень 2021", "ngos_registered", 150, "32.13.2021"],
    )
    result = parse_file(write_xlsx(tmp_path / "bad.xlsx", {"Звіт": rows}))
    assert _errors(result) == {
        "E2": "negative_count", "E3": "fractional_count", "D4": "unknown_metric", "E5": "bad_number",
        "C6": "bad_period", "A7": "unknown_place", "E8": "bool_in_number", "F9": "bad_date",
    }
    by_cell = {p.cell: p for p in result.errors}
    assert "Вхідні листи" in by_cell["D4"].message()  # the closest catalog name is suggested
    assert "Letters received" in by_cell["D4"].message("en")
    assert "Ніжин" in by_cell["A7"].message()
    assert by_cell["E2"].render().startswith("bad.xlsx, Звіт!E2: помилка:")
    assert by_cell["E2"].render("en").startswith("bad.xlsx, Звіт!E2: error:")


def test_empty_is_not_reported_and_zero_is_zero(tmp_path: Path) -> None:
    rows = long_rows(
        ["Ніжин", DEPT_NIZHYN, "березень 2021", "public_info_requests", 0, None],
        ["Ніжин", DEPT_NIZHYN, "квітень 2021", "public_info_requests", None, None],
        ["Ніжин", DEPT_NIZHYN, "травень 2021", "public_info_requests", "н/з", None],
    )
    result = parse_file(write_xlsx(tmp_path / "f.xlsx", {"A": rows}))
    assert result.ok
    by_period = {f.period.key: (f.value, f.status) for f in result.figures}
    assert by_period == {"2021-03": (0, "reported"), "2021-05": (None, "not_applicable")}


def test_conflicting_duplicates_name_both_cells(tmp_path: Path) -> None:
    rows = long_rows(
        ["Ніжин", DEPT_NIZHYN, "березень 2021", "news_published", 465, None],
        ["Ніжин", DEPT_NIZHYN, "2021-03", "Новини на сайті", 470, None],
        ["Ніжин", DEPT_NIZHYN, "березень 2021", "documents_published", 259, None],
        ["м. Ніжин", DEPT_NIZHYN, "березень 2021", "documents_published", 259, None],
    )
    result = parse_file(write_xlsx(tmp_path / "f.xlsx", {"A": rows}))
    [err] = result.errors
    assert err.cell == "E3" and "A!E2" in err.message()
    assert any(p.key == "duplicate_same" and p.cell == "E5" for p in result.warnings)
    assert len(result.figures) == 2


def test_unknown_row_label_in_wide_layout_gets_suggestions(tmp_path: Path) -> None:
    rows = wide_rows(2019, metrics={"Новини та інформаційні матеріали на сайтi": [1] * 12,
                                    "Відеосюжтів": [2] * 12, "Відеосюжетів": [3] * 12})
    result = parse_file(write_xlsx(tmp_path / "f.xlsx", {"S": rows}))
    [err] = result.errors
    assert err.cell == "A8" and "Відеосюжети" in err.message()  # a typo is a question, with the closest name
    assert len([f for f in result.figures if f.metric == "news_published"]) == 12  # Latin i is forgiven
    assert [f.value for f in result.figures if f.metric == "videos_published"] == [3] * 12  # a word form is read


def test_header_only_file_has_no_figures(tmp_path: Path) -> None:
    result = parse_file(write_xlsx(tmp_path / "f.xlsx", {"A": long_rows()}))
    assert [p.key for p in result.errors] == ["no_figures"]


@pytest.mark.parametrize("text", ["#DIV/0!", "#N/A"])
def test_excel_errors_as_text(tmp_path: Path, text: str) -> None:
    rows = long_rows(["Ніжин", DEPT_NIZHYN, "березень 2021", "news_published", text, None])
    result = parse_file(write_xlsx(tmp_path / "f.xlsx", {"A": rows}))
    assert _errors(result) == {"E2": "excel_error"}


def test_dash_is_not_reported_with_a_warning(tmp_path: Path) -> None:
    rows = wide_rows(2019, metrics={NEWS: ["—", *([1] * 11)]})
    result = parse_file(write_xlsx(tmp_path / "f.xlsx", {"S": rows}))
    assert result.ok and len(result.figures) == 11
    assert [(p.key, p.cell) for p in result.warnings] == [("dash_as_missing", "B7")]
