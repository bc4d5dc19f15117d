"""The upload page asks for the city and year of a file that names neither, checks it again with the
answer, and remembers the answer for the session."""

from __future__ import annotations

from pathlib import Path

from activity.warehouse.store import query
from tests.conftest import MONTHS, NIZHYN, write_xlsx
from tests.test_upload import _table, app  # noqa: F401 - the page's fixture and its table finder


def _bare(tmp_path: Path, news: int) -> bytes:
    rows = [["Інформація про роботу відділу"], ["Підрозділ:", "відділ інформаційно-аналітичної роботи та "
                                                  "комунікацій з громадськістю"],
            ["Показник", *MONTHS[:3]], ["Новини та інформаційні матеріали на сайті", news, news + 1, news + 2]]
    return write_xlsx(tmp_path / "b.xlsx", {"Аркуш1": rows}).read_bytes()


def test_a_file_naming_no_city_or_year_is_given_them_and_loads(app, tmp_path: Path) -> None:  # noqa: F811
    at, db = app
    at.file_uploader(key="up_files").set_value(("zvit.xlsx", _bare(tmp_path, 70), "application/octet-stream")).run()
    assert not at.exception
    messages = " ".join(_table(at, "problems")["Повідомлення"])
    assert "Не вказано місто" in messages and "Не вказано рік" in messages
    assert at.button(key="up_load").disabled
    at.selectbox(key="up_given_city").set_value(NIZHYN)
    at.number_input(key="up_given_year").set_value(2024)
    at.button(key="up_given_go").click().run()
    assert not at.exception
    assert _table(at, "problems") is None or "Не вказано" not in " ".join(_table(at, "problems")["Повідомлення"])
    assert _table(at, "plan")["Показників"].tolist() == [3]
    at.button(key="up_load").click().run()
    assert "нових файлів 1" in at.success[0].value
    rows = query("SELECT period_start, value FROM observations WHERE source = 'zvit.xlsx' ORDER BY 1", path=db)
    assert [(str(d)[:10], int(v)) for d, v in rows.values.tolist()] == [("2024-01-01", 70), ("2024-02-01", 71),
                                                               ("2024-03-01", 72)]
    # The next file of the session that names neither is checked with the same answer.
    at.file_uploader(key="up_files").set_value(("zvit_2.xlsx", _bare(tmp_path, 90), "application/octet-stream")).run()
    assert not at.exception and not at.button(key="up_load").disabled
    assert _table(at, "plan")["Показників"].tolist() == [3]
