"""Завантаження / Upload: files refused before any reader sees them, stored under generated names,
previewed (figures, problems with their cells, what would change), then loaded in one click by the
logged-in user; a review workbook that reads back to the same figures."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import etl.intake.uploads
from activity.warehouse.store import query
from etl.intake.uploads import check_batch, parse_uploads, unknown_wordings, write_review
from etl.load.parse import parse_file
from etl.passwords import hash_password
from tests.conftest import DEPT_NIZHYN, wide_rows, write_xlsx

ROOT = Path(__file__).resolve().parents[1]
AUTH = {"accounts": {"olena": hash_password("рукопис-2024-весна")}}


def _csv(*rows: tuple[str, str, object]) -> bytes:
    lines = ["Місто;Підрозділ;Період;Показник;Значення"]
    lines += [f"Ніжин;{DEPT_NIZHYN};{period};{metric};{value}" for period, metric, value in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _xlsx(tmp_path: Path, year: int = 2025, news: int = 500) -> bytes:
    rows = wide_rows(year, metrics={"Новини та інформаційні матеріали на сайті": [news + i for i in range(12)],
                                    "Вхідні листи": [40] * 6 + [None] * 6})
    return write_xlsx(tmp_path / "w.xlsx", {str(year): rows}).read_bytes()


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("звіт.rtf", b"{\\rtf1 ...", "Непідтримуваний тип файлу «.rtf»"),
    ("звіт.pdf", "Звіт про роботу".encode(), "всередині звичайний текст"),
    ("звіт.doc", b"\x89PNG\r\n\x1a\n...", "всередині зображення PNG"),
    ("таблиця.xlsx", b"%PDF-1.7 ...", "всередині документ PDF"),
    ("таблиця.xlsx", "Місто;Показник\n".encode(), "всередині звичайний текст (можливо, CSV)"),
    ("таблиця.xlsx", _docx_bytes(), "всередині документ Word (.docx)"),
    ("дані.csv", b"PK\x03\x04" + b"\x00" * 40, "всередині архів ZIP"),
    ("дані.csv", b"\x89PNG\r\n\x1a\n...", "всередині зображення PNG"),
    ("звіт.txt", b"MZ\x90\x00\x03", "всередині програма Windows (.exe)"),
    ("звіт.docx", "Звіт про роботу".encode(), "всередині звичайний текст"),
    ("порожній.csv", b"", "Файл порожній"),
    ("стара.xls", "Місто;Показник\n".encode(), "всередині звичайний текст (можливо, CSV)"),
    ("стара.xls", _docx_bytes(), "всередині документ Word (.docx)"),
])
def test_files_that_cannot_be_right_are_refused_with_a_reason(name: str, data: bytes, expected: str) -> None:
    accepted, refused = check_batch([(name, data)])
    assert accepted == [] and len(refused) == 1
    assert refused[0].file == name and expected in refused[0].message("uk")
    assert refused[0].message("en") and refused[0].severity == "error"


def test_size_and_count_limits_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    good = _csv(("квітень 2025", "news_published", 412))
    monkeypatch.setenv("DASHBOARD_MAX_UPLOAD_FILES", "2")
    accepted, refused = check_batch([(f"f{i}.csv", good) for i in range(3)])
    assert accepted == [] and "Забагато файлів за один раз: 3 (межа 2)" in refused[0].message("uk")
    monkeypatch.setenv("DASHBOARD_MAX_UPLOAD_BYTES", str(len(good) - 1))
    accepted, refused = check_batch([("f.csv", good), ("g.txt", b"short")])
    assert [a.name for a in accepted] == ["g.txt"]
    assert refused[0].file == "f.csv" and "Файл завеликий" in refused[0].message("uk")


@pytest.mark.parametrize("name", ["звіт.xls", "звіт_перейменований.xlsx"])
def test_an_xls_upload_is_read_whatever_its_name(tmp_path: Path, name: str) -> None:
    pytest.importorskip("xlwt")
    from tests.xls_writer import write_xls

    rows = wide_rows(2025, metrics={"Новини та інформаційні матеріали на сайті": [500 + i for i in range(12)]})
    data = write_xls(tmp_path / "w.xls", {"2025": rows}).read_bytes()
    accepted, refused = check_batch([(name, data)])
    assert refused == [] and [a.ext for a in accepted] == [Path(name).suffix]
    [result] = parse_uploads(accepted, tmp_path / "uploads")
    assert result.ok and result.name == name
    assert sorted(f.value for f in result.figures) == [500 + i for i in range(12)]


def test_an_upload_is_read_under_a_generated_name_and_not_kept(tmp_path: Path, monkeypatch) -> None:
    seen: list[tuple[Path, str]] = []
    real_parse = etl.intake.uploads.parse_file

    def spy(path: Path, display_name: str | None = None):
        seen.append((Path(path), display_name))
        return real_parse(path, display_name)

    monkeypatch.setattr(etl.intake.uploads, "parse_file", spy)
    accepted, _ = check_batch([("../../etc/квітень.csv", _csv(("квітень 2025", "news_published", 412)))])
    results = parse_uploads(accepted, tmp_path / "uploads")
    (path, label), = seen
    assert path.parent == tmp_path / "uploads" and path.suffix == ".csv"
    assert len(path.stem) == 32 and "квітень" not in path.name  # a UUID, never the browser's name
    assert label == results[0].name == "квітень.csv"
    assert results[0].ok and len(results[0].figures) == 1
    assert list((tmp_path / "uploads").iterdir()) == []


def test_unknown_wordings_are_counted_per_file(tmp_path: Path) -> None:
    accepted, _ = check_batch([("a.csv", _csv(("квітень 2025", "Вхідні лсти", 5), ("травень 2025", "Вхідні лсти", 6),
                                              ("травень 2025", "Фото звіти", 1)))])
    results = parse_uploads(accepted, tmp_path)
    assert unknown_wordings(results) == [("Вхідні лсти", "a.csv", 2), ("Фото звіти", "a.csv", 1)]


def test_the_review_workbook_reads_back_to_the_same_figures(tmp_path: Path) -> None:
    sample = (ROOT / "data" / "samples" / "pryklad_nizhyn_2024_05.txt").read_bytes()
    accepted, _ = check_batch([("nizhyn_2025.xlsx", _xlsx(tmp_path)), ("звіт.txt", sample)])
    results = parse_uploads(accepted, tmp_path / "up")
    review = tmp_path / "перевірка.xlsx"
    assert write_review(results, review) == sum(len(r.figures) for r in results) == 12 + 6 + 12
    back = parse_file(review)
    assert back.ok, [p.render() for p in back.errors]
    key = lambda f: (f.key, f.value, f.approximate)  # noqa: E731
    assert sorted(map(key, back.figures)) == sorted(key(f) for r in results for f in r.figures)
    sentences = {f.locator for f in back.figures if f.period.start.year == 2024}
    assert sentences == {f.locator for f in results[1].figures}  # a report's figures keep their sentences


@pytest.fixture
def app(page, built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[AppTest, Path]:
    db = tmp_path / "w.duckdb"
    shutil.copyfile(built_db, db)
    monkeypatch.setenv("DASHBOARD_UPLOAD_DIR", str(tmp_path / "uploads"))
    return page("upload", db=db, auth=AUTH, session={"auth_user": "olena"}, timeout=60), db


TABLES = {  # the page's tables by a column only they have (st.dataframe has no key AppTest reads)
    "plan": "Що зміниться", "by_period": ("Місто", "Період", "Показників"), "by_metric": ("Показник", "Показників"),
    "sample": "Клітинка або речення", "problems": "Вид",
}


def _table(at: AppTest, name: str):
    """One of the upload page's tables, or None when the page does not show it."""
    mark = TABLES[name]
    for d in at.dataframe:
        columns = tuple(d.value.columns)
        if (columns == mark) if isinstance(mark, tuple) else (mark in columns and (name != "sample" or "Вид" not in columns)):
            return d.value
    return None


def test_preview_then_one_click_load(app, tmp_path: Path) -> None:
    at, db = app
    assert not at.exception
    assert {b.key for b in at.get("download_button")} >= {"up_tpl_long", "up_tpl_wide"}
    xlsx = _xlsx(tmp_path)
    csv = _csv(("квітень 2025", "public_info_requests", 7), ("квітень 2025", "news_published", 513))
    at.file_uploader(key="up_files").set_value([("nizhyn_2025.xlsx", xlsx, "application/octet-stream"),
                                               ("../квітень.csv", csv, "text/csv")]).run()
    assert not at.exception and not at.error
    plan = _table(at, "plan")
    assert plan[["Файл", "Що зміниться", "Показників"]].values.tolist() == [
        ["nizhyn_2025.xlsx", "новий", 18], ["квітень.csv", "новий", 2]]
    by_period = _table(at, "by_period")
    assert by_period["Показників"].sum() == 20 and by_period.iloc[3].tolist() == ["Ніжин", "квітень 2025", 4]
    by_metric = _table(at, "by_metric")
    assert dict(zip(by_metric["Показник"], by_metric["Показників"], strict=True))["Вхідні листи"] == 6
    sample = _table(at, "sample")
    assert sample.iloc[0][["Значення", "Клітинка або речення"]].tolist() == ["500", "2025!B7"]
    assert _table(at, "problems") is None  # April's news in both files is one figure twice, not a problem
    at.button(key="up_load").click().run()
    assert not at.exception
    assert at.success[0].value == "Завантажено: нових файлів 2, замінено 0, без змін 0; показників 20."
    rows = query("SELECT name, loaded_by, figures FROM sources WHERE active AND loaded_by = 'olena' ORDER BY name",
                 path=db)
    assert rows.values.tolist() == [["nizhyn_2025.xlsx", "olena", 18], ["квітень.csv", "olena", 2]]
    april = query("""SELECT value, source FROM observations WHERE city = 'Nizhyn' AND metric = 'news_published'
                     AND period_start = DATE '2025-04-01'""", path=db)
    assert april.values.tolist() == [[513, "квітень.csv"]]  # one figure per key: the newer source
    assert _table(at, "plan")["Що зміниться"].tolist() == ["без змін", "без змін"]


def test_a_new_version_is_shown_as_a_replacement_and_logged(app, tmp_path: Path) -> None:
    at, db = app
    at.file_uploader(key="up_files").set_value(("nizhyn_2025.xlsx", _xlsx(tmp_path), "application/octet-stream")).run()
    at.button(key="up_load").click().run()
    at.file_uploader(key="up_files").set_value(("nizhyn_2025.xlsx", _xlsx(tmp_path, news=600),
                                                "application/octet-stream")).run()
    plan = _table(at, "plan")
    assert plan["Що зміниться"].tolist() == ["замінить попередню версію"]
    assert "показників: 18, завантажив olena" in plan["Подробиці"][0]
    at.button(key="up_load").click().run()
    assert "замінено 1" in at.success[0].value
    log = query("""SELECT l.action, l.loaded_by, r.figures AS old_figures FROM load_log l
                   LEFT JOIN sources r ON r.source_id = l.replaced_source_id
                   WHERE l.source_name = 'nizhyn_2025.xlsx' ORDER BY l.logged_at""", path=db)
    assert log["action"].tolist() == ["added", "replaced"] and set(log["loaded_by"]) == {"olena"}
    assert log["old_figures"].isna().tolist() == [True, False] and log["old_figures"].iloc[1] == 18
    values = query("""SELECT value FROM observations WHERE source = 'nizhyn_2025.xlsx'
                      AND metric = 'news_published' ORDER BY period_start""", path=db)["value"].tolist()
    assert values[:2] == [600, 601]


def test_errors_block_the_load_and_unknown_wordings_are_recorded(app) -> None:
    at, db = app
    before = int(query("SELECT count(*) AS n FROM facts", path=db)["n"][0])
    bad = _csv(("квітень 2025", "news_published", -3), ("квітень 2025", "Вхідні лсти", 5))
    at.file_uploader(key="up_files").set_value(("bad.csv", bad, "text/csv")).run()
    assert not at.exception
    problems = _table(at, "problems")
    assert problems[["Клітинка або речення", "Вид"]].values.tolist() == [["E2", "помилка"], ["D3", "помилка"]]
    assert "Вхідні листи" in problems["Повідомлення"][1]  # the closest catalog name
    assert at.button(key="up_load").disabled
    assert _table(at, "plan")["Що зміниться"].tolist() == ["не буде завантажено: помилки"]
    assert int(query("SELECT count(*) AS n FROM facts", path=db)["n"][0]) == before
    seen = query("SELECT wording, file, count FROM unknown_wordings", path=db)
    assert seen.values.tolist() == [["Вхідні лсти", "bad.csv", 1]]
    at.run()  # a rerun neither parses nor records again
    assert query("SELECT count(*) AS n FROM unknown_wordings", path=db)["n"][0] == 1


def test_a_refused_file_is_named_and_nothing_can_load(app) -> None:
    at, _ = app
    at.file_uploader(key="up_files").set_value([("a.xlsx", b"%PDF-1.4", "application/pdf"),
                                               ("b.csv", _csv(("квітень 2025", "news_published", 1)), "text/csv")]).run()
    assert not at.exception
    assert at.error[0].value.startswith("a.xlsx: помилка: Файл має розширення .xlsx, але всередині документ PDF.")
    assert at.button(key="up_load").disabled


def _dept_csv(department: str | None, value: int, period: str = "травень 2025") -> bytes:
    if department is None:
        return f"Місто;Період;Показник;Значення\nНіжин;{period};news_published;{value}\n".encode()
    return f"Місто;Підрозділ;Період;Показник;Значення\nНіжин;{department};{period};news_published;{value}\n".encode()


def _department_choice(at: AppTest, text: str):
    """The upload page's choice of a department for one text (or for a file naming none: text "")."""
    mark = f"«{text}»" if text else "файл не називає підрозділу"
    return next(s for s in at.selectbox if s.key and s.key.startswith("up_dept_") and mark in s.label)


def test_an_unknown_department_is_chosen_remembered_and_loaded(app) -> None:
    at, db = app
    spelling = "відділ спорту і туризму"
    at.file_uploader(key="up_files").set_value(("sport.csv", _dept_csv(spelling, 437), "text/csv")).run()
    assert not at.exception
    problems = _table(at, "problems")
    assert "не знайдено серед підрозділів міста Ніжин" in problems["Повідомлення"][0]
    assert at.button(key="up_load").disabled and not at.button(key="up_remember").disabled
    choice = _department_choice(at, spelling)
    assert choice.options[0] == DEPT_NIZHYN and choice.value == "nizhyn.communications"  # the closest first
    at.button(key="up_remember").click().run()
    assert not at.exception and not at.error
    message = at.success[0].value
    assert f"Запам’ятано: «{spelling}» → «{DEPT_NIZHYN}»." in message and "нових файлів 1" in message
    rows = query("SELECT department_code, value FROM observations WHERE source = 'sport.csv'", path=db)
    assert rows.values.tolist() == [["nizhyn.communications", 437]]
    log = query("SELECT source_name, loaded_by FROM load_log WHERE action = 'alias_added'", path=db)
    assert log.values.tolist() == [[f"nizhyn.communications: {spelling}", "olena"]]
    # The next file that writes it so loads without asking.
    at.file_uploader(key="up_files").set_value(("sport_2.csv", _dept_csv(spelling.upper(), 512, "червень 2025"),
                                                "text/csv")).run()
    assert not at.exception and _table(at, "problems") is not None  # a warning: read as the department
    assert not at.button(key="up_load").disabled
    assert not [s for s in at.selectbox if s.key and s.key.startswith("up_dept_")]
    assert _table(at, "sample")["Підрозділ"].tolist() == [DEPT_NIZHYN]  # as read, not as written
    at.button(key="up_load").click().run()
    assert "нових файлів 1" in at.success[0].value
    rows = query("SELECT department_code, value FROM observations WHERE source = 'sport_2.csv'", path=db)
    assert rows.values.tolist() == [["nizhyn.communications", 512]]


def test_a_file_naming_no_department_is_given_one_of_the_citys(app) -> None:
    from etl.load.departments import add_department
    from tests.conftest import NIZHYN

    at, db = app
    general = add_department(db, NIZHYN, "загальний відділ", "records", user="olena")
    at.file_uploader(key="up_files").set_value(("no_department.csv", _dept_csv(None, 21), "text/csv")).run()
    assert not at.exception
    assert "Файл не називає підрозділу" in _table(at, "problems")["Повідомлення"][0]
    choice = _department_choice(at, "")
    assert set(choice.options) == {DEPT_NIZHYN, "загальний відділ"}
    choice.set_value(general.code)
    at.button(key="up_remember").click().run()
    assert not at.exception and "нових файлів 1" in at.success[0].value
    rows = query("SELECT department_code, value FROM observations WHERE source = 'no_department.csv'", path=db)
    assert rows.values.tolist() == [[general.code, 21]]
