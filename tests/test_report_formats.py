"""Reports as officials send them: a PDF with a text layer, a page saved from the council's site, an
old Word .doc, and text pasted into the review page, each read to the same figures as the plain text.

The report below is invented in the style of a monthly department report.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from etl.cli import main
from etl.load.parse import parse_file
from etl.reports import formats
from etl.reports.extraction import extract_report, extract_text
from etl.reports.text import pasted_name

REPORT = """Звіт про діяльність відділу інформаційно-аналітичної роботи та комунікацій з громадськістю \
виконавчого комітету Ніжинської міської ради за жовтень 2023 року
Протягом жовтня на офіційному вебсайті міської ради розміщено 388 інформаційних матеріалів.
Розділ «Документи» поповнено 142 документами: рішеннями, розпорядженнями та проєктами рішень.
Надійшло листів – 41, на 37 з них підготовлено відповіді.
У соціальних мережах опубліковано 296 дописів.
Працівники відділу взяли участь у 19 заходах міського рівня."""
LINES = REPORT.split("\n")
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_font = pytest.mark.skipif(not FONT.exists(), reason="no DejaVu font to write a Cyrillic PDF")


def errors(report) -> list:
    return [p for p in report.problems if p.severity == "error"]


def pairs(figures) -> set[tuple[str, float]]:
    return {(f.code, f.value) for f in figures}


EXPECTED = pairs(extract_text(REPORT, "r.txt").figures)


def test_the_plain_text_has_the_figures_the_other_formats_must_give() -> None:
    assert EXPECTED >= {("news_published", 388), ("documents_published", 142), ("letters_received", 41),
                        ("social_media_posts", 296), ("events_attended", 19)}


# ---------------------------------------------------------------- PDF


def write_pdf(path: Path, text: str | None, *, password: str | None = None) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    if password:
        pdf.set_encryption(owner_password="owner-2023", user_password=password)
    pdf.add_page()
    if text is None:  # a scan: a picture of a page, no text layer
        pdf.rect(20, 20, 170, 250, style="F")
    else:
        pdf.add_font("DejaVu", fname=str(FONT))
        pdf.set_font("DejaVu", size=11)
        pdf.multi_cell(0, 6, text)
    pdf.output(str(path))
    return path


@needs_font
def test_a_pdf_reads_to_the_same_figures_and_loads(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "zvit_zhovten.pdf", REPORT)
    report = extract_report(path)
    assert report.ok and pairs(report.figures) == EXPECTED
    assert report.period_label == "за жовтень 2023 року"
    result = parse_file(path)
    assert result.ok and {(f.metric, f.value) for f in result.figures} == EXPECTED
    out = CliRunner().invoke(main, ["extract", str(path)])
    assert out.exit_code == 0 and "388" in out.output


@needs_font
def test_a_word_split_by_a_hyphen_at_a_line_end_is_joined(tmp_path: Path) -> None:
    text = LINES[0] + "\nПротягом жовтня на офіційному вебсайті міської ради розміщено 388 інформа-\nційних матеріалів."
    report = extract_report(write_pdf(tmp_path / "r.pdf", text))
    assert ("news_published", 388) in pairs(report.figures)


def test_a_scanned_pdf_is_refused_with_what_to_do(tmp_path: Path) -> None:
    report = extract_report(write_pdf(tmp_path / "skan.pdf", None))
    assert [p.key for p in report.problems] == ["pdf_no_text"]
    assert "скан" in report.problems[0].message("uk") and report.problems[0].file == "skan.pdf"


@needs_font
def test_a_pdf_that_needs_a_password_is_refused(tmp_path: Path) -> None:
    report = extract_report(write_pdf(tmp_path / "r.pdf", REPORT, password="secret-2023"))
    assert [p.key for p in report.problems] == ["report_encrypted"]


@pytest.mark.parametrize("data, key", [
    (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", "file_unreadable"),
    ("Звіт, а не PDF".encode(), "file_not_what_it_says"),
])
def test_a_damaged_or_misnamed_pdf_is_named(tmp_path: Path, data: bytes, key: str) -> None:
    path = tmp_path / "zvit.pdf"
    path.write_bytes(data)
    assert [(p.key, p.file) for p in extract_report(path).problems] == [(key, "zvit.pdf")]


# ---------------------------------------------------------------- HTML


def site_page(title: str, body: list[str], *, charset: str = "utf-8") -> str:
    """A council news page: header, menu, the article, a sidebar of other news, a footer, all with numbers."""
    return (f"<!doctype html><html><head><meta charset='{charset}'><title>{title} | Ніжинська міська рада</title>"
            "</head><body><header><a href='/'>Ніжинська міська рада</a><nav><a>Головна</a> <a>Новини</a> "
            "<a>Документи 2023</a> <a>Звернення громадян</a></nav></header>"
            f"<main><div class='date'>03.11.2023</div><h1>{title}</h1><div class='text'>"
            + "".join(f"<p>{line}</p>" for line in body)
            + "</div></main><aside><h3>Інші новини</h3><ul><li>Розміщено 12 нових зупинок</li>"
            "<li>Надійшло 5 пропозицій до бюджету участі</li></ul></aside>"
            "<footer>© 2023 Ніжинська міська рада. Відвідувачів: 45 210</footer></body></html>")


@pytest.mark.parametrize("charset", ["utf-8", "windows-1251"])
def test_a_saved_page_gives_the_article_not_the_menus(tmp_path: Path, charset: str) -> None:
    path = tmp_path / "novyna.html"
    path.write_bytes(site_page(LINES[0], LINES[1:], charset=charset).encode("cp1251" if charset != "utf-8" else "utf-8"))
    report = extract_report(path)
    assert report.ok, [p.message() for p in report.problems]
    assert pairs(report.figures) == EXPECTED  # neither the sidebar's 12 and 5 nor the footer's 45 210
    assert report.place.name_uk == "Ніжин"


def test_a_page_with_the_report_as_a_table(tmp_path: Path) -> None:
    table = ("<table><tr><th>Показник</th><th>Кількість</th></tr>"
             "<tr><td>Розміщено інформаційних матеріалів на сайті</td><td>388</td></tr>"
             "<tr><td>Надійшло листів</td><td>41</td></tr></table>")
    path = tmp_path / "tablytsia.htm"
    path.write_text(site_page(LINES[0], [LINES[1], table]).replace(LINES[1], "Основні показники за жовтень:"),
                    encoding="utf-8")
    report = extract_report(path)
    assert {("news_published", 388), ("letters_received", 41)} <= pairs(report.figures)


def test_a_page_without_an_article_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text("<html><body><nav><a>Головна</a> <a>Новини</a></nav></body></html>", encoding="utf-8")
    assert [p.key for p in extract_report(path).problems] == ["html_no_text"]


# ---------------------------------------------------------------- Word 97-2003


def word_97(tmp_path: Path, text: str) -> Path:
    """`text` as a .doc, written by LibreOffice from a .docx (skips where LibreOffice Writer is absent)."""
    import docx

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("no LibreOffice to write a .doc")
    source = tmp_path / "zvit.docx"
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    document.save(str(source))
    out = tmp_path / "out"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "doc:MS Word 97", "--outdir", str(out), str(source)], capture_output=True, timeout=120, check=False)
    if not (out / "zvit.doc").exists():
        pytest.skip("LibreOffice here cannot write .doc (no Writer)")
    return out / "zvit.doc"


def test_an_old_word_document_reads_to_the_same_figures(tmp_path: Path) -> None:
    path = word_97(tmp_path, REPORT)
    report = extract_report(path)
    assert report.ok and pairs(report.figures) == EXPECTED
    renamed = path.with_name("zvit_perejmenovanyi.docx")  # a .doc renamed .docx is read as what it is
    shutil.copyfile(path, renamed)
    assert pairs(extract_report(renamed).figures) == EXPECTED


def test_without_a_converter_a_doc_gets_a_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = word_97(tmp_path, REPORT)
    monkeypatch.setattr(formats.shutil, "which", lambda _name: None)
    problems = extract_report(path).problems
    assert [p.key for p in problems] == ["doc_no_converter"] and ".docx" in problems[0].message("uk")


def test_a_docx_named_doc_is_read_as_a_docx(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in LINES:
        document.add_paragraph(line)
    path = tmp_path / "zvit.doc"
    document.save(str(path))
    assert pairs(extract_report(path).figures) == EXPECTED


def test_a_spreadsheet_named_doc_is_refused_naming_what_it_is(tmp_path: Path) -> None:
    import olefile  # noqa: F401  (the reader's dependency)

    path = tmp_path / "zvit.doc"
    path.write_bytes(b"plain text, not a Word document at all")
    problems = extract_report(path).problems
    assert [p.key for p in problems] == ["file_not_what_it_says"] and "текст" in problems[0].message("uk")


# ---------------------------------------------------------------- pasted text


def test_pasted_text_is_kept_under_a_name_of_its_own() -> None:
    assert pasted_name(REPORT) == pasted_name(REPORT + "\n  ")  # the same text: the same source
    assert pasted_name(REPORT) != pasted_name(REPORT.replace("388", "389"))


def test_text_pasted_into_the_review_page_is_read_and_loaded(page, built_db: Path, tmp_path: Path) -> None:
    from activity.warehouse.store import query
    from etl.passwords import hash_password

    db = tmp_path / "w.duckdb"
    shutil.copyfile(built_db, db)
    at = page("review", db=db, auth={"accounts": {"olena": hash_password("рукопис-2024-весна")}},
              session={"auth_user": "olena"}, timeout=60)
    at.radio(key="rv_source").set_value("paste").run()
    at.text_area(key="rv_text").input(REPORT).run()
    assert not at.exception
    assert "Ніжин" in at.markdown[0].value and f"знайдено показників: {len(EXPECTED)}" in at.markdown[0].value
    at.button(key="rv_load").click().run()
    assert not at.exception and at.success[0].value.startswith(f"Завантажено: {len(EXPECTED)}")
    rows = query("SELECT metric, value FROM observations WHERE source = ?", [pasted_name(REPORT)], path=db)
    assert set(zip(rows["metric"], rows["value"], strict=True)) == EXPECTED


def test_a_report_of_a_department_written_another_way_asks_which_and_remembers(page, built_db: Path,
                                                                              tmp_path: Path) -> None:
    from activity.warehouse.store import query
    from etl.passwords import hash_password

    db = tmp_path / "w.duckdb"
    shutil.copyfile(built_db, db)
    at = page("review", db=db, auth={"accounts": {"olena": hash_password("рукопис-2024-весна")}},
              session={"auth_user": "olena"}, timeout=60)
    at.radio(key="rv_source").set_value("paste").run()
    text = REPORT.replace("інформаційно-аналітичної роботи", "медійної роботи")
    at.text_area(key="rv_text").input(text).run()
    choice = next(s for s in at.selectbox if s.key and s.key.startswith("up_dept_"))
    assert choice.value == "nizhyn.communications"  # the city's closest department first
    at.button(key="rv_load").click().run()
    assert not at.exception and at.success, [e.value for e in at.error]
    rows = query("SELECT DISTINCT department_code FROM observations WHERE source = ?", [pasted_name(text)], path=db)
    assert rows["department_code"].tolist() == ["nizhyn.communications"]
    again = CliRunner().invoke(main, ["--db", str(db), "departments", "--city", "Ніжин", "--json"])
    assert "медійної роботи" in again.output  # the spelling is remembered for the next report


@needs_font
def test_mutated_pdfs_and_pages_are_read_or_refused_never_crash(tmp_path: Path) -> None:
    """Bytes flipped, cut or repeated anywhere: a result with figures or a problem naming the file."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    sources = {".pdf": write_pdf(tmp_path / "base.pdf", REPORT).read_bytes(),
               ".html": site_page(LINES[0], LINES[1:]).encode("utf-8")}

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(ext=st.sampled_from(sorted(sources)), at=st.floats(0, 1), size=st.integers(1, 400),
           how=st.sampled_from(["flip", "cut", "repeat"]))
    def mutated(ext: str, at: float, size: int, how: str) -> None:
        data = sources[ext]
        i = int(at * (len(data) - 1))
        if how == "flip":
            data = data[:i] + bytes(b ^ 0x5A for b in data[i:i + size]) + data[i + size:]
        elif how == "cut":
            data = data[:i] + data[i + size:]
        else:
            data = data[:i] + data[i:i + size] * 50 + data[i:]
        path = tmp_path / f"m{ext}"
        path.write_bytes(data)
        report = extract_report(path)
        assert report.figures or report.problems
        assert all(p.file == path.name for p in report.problems)

    mutated()


# ---------------------------------------------------------------- who, when the text does not say

NO_CITY = "Звіт про роботу відділу медійної роботи за жовтень 2023 року\n" + "\n".join(LINES[1:])
NO_DEPARTMENT = "Інформація про роботу за жовтень 2023 року, м. Ніжин\n" + "\n".join(LINES[1:])


def test_a_report_naming_no_city_takes_the_one_given_and_one_naming_another_is_an_error(tmp_path: Path) -> None:
    from etl.figures import Given
    from tests.conftest import LYSYCHANSK, NIZHYN

    assert [p.key for p in errors(extract_text(NO_CITY, "r.txt"))] == ["report_no_city"]
    given = extract_text(NO_CITY, "r.txt", Given(NIZHYN))
    assert given.ok and given.place.code == NIZHYN and pairs(given.figures) == EXPECTED
    other = extract_text(REPORT, "r.txt", Given(LYSYCHANSK))
    assert [p.key for p in errors(other)] == ["report_city_given"]
    assert "Ніжин" in errors(other)[0].message() and "Лисичанськ" in errors(other)[0].message()
    path = tmp_path / "zvit.txt"
    path.write_text(NO_CITY, encoding="utf-8")
    out = CliRunner().invoke(main, ["extract", "--json", str(path), "--city", "Ніжин"])
    assert out.exit_code == 0, out.output
    assert '"city": "Nizhyn"' in out.output or '"city_uk": "Ніжин"' in out.output


def test_load_a_report_with_city_and_department_given(tmp_path: Path, built_db: Path) -> None:
    from activity.warehouse.store import query

    db = tmp_path / "w.duckdb"
    shutil.copyfile(built_db, db)
    path = tmp_path / "zvit.txt"
    path.write_text(NO_DEPARTMENT.replace(", м. Ніжин", ""), encoding="utf-8")
    refused = CliRunner().invoke(main, ["--db", str(db), "load", str(path)])
    assert refused.exit_code == 1 and "Місто не знайдено" in refused.output
    checked = CliRunner().invoke(main, ["--db", str(db), "check", str(path), "--city", "Ніжин"])
    assert checked.exit_code == 0 and "department_assumed" not in checked.output  # Nizhyn's only department
    done = CliRunner().invoke(main, ["--db", str(db), "--json", "load", str(path), "--city", "Ніжин",
                                     "--department", "nizhyn.communications"])
    assert done.exit_code == 0, done.output
    rows = query("SELECT metric, value, department_code FROM observations WHERE source = 'zvit.txt'", path=db)
    assert set(zip(rows["metric"], rows["value"], strict=True)) == EXPECTED
    assert set(rows["department_code"]) == {"nizhyn.communications"}


def test_the_review_page_asks_the_city_and_the_department_a_report_does_not_name(page, built_db: Path,
                                                                                  tmp_path: Path) -> None:
    from activity.warehouse.store import query
    from etl.passwords import hash_password
    from tests.conftest import NIZHYN

    db = tmp_path / "w.duckdb"
    shutil.copyfile(built_db, db)
    added = CliRunner().invoke(main, ["--db", str(db), "departments", "add", "відділ звернень громадян",
                                      "--city", "Ніжин", "--kind", "appeals", "--code", "nizhyn.appeals"])
    assert added.exit_code == 0, added.output  # two departments: which one is a question
    at = page("review", db=db, auth={"accounts": {"olena": hash_password("рукопис-2024-весна")}},
              session={"auth_user": "olena"}, timeout=60)
    at.radio(key="rv_source").set_value("paste").run()
    at.text_area(key="rv_text").input(NO_DEPARTMENT.replace(", м. Ніжин", "")).run()
    assert not at.exception and any("Місто не знайдено" in w.value for w in at.warning)
    at.selectbox(key="rv_city_pick").set_value(NIZHYN).run()
    at.button(key="rv_city_go").click().run()
    assert not at.exception and "Ніжин" in at.markdown[0].value
    assert at.button(key="rv_load").disabled is False  # the department is chosen below, the closest first
    choice = next(s for s in at.selectbox if s.key and s.key.startswith("up_dept_"))
    choice.set_value("nizhyn.communications").run()
    at.button(key="rv_load").click().run()
    assert not at.exception and at.success, [e.value for e in at.error]
    assert at.success[0].value.startswith(f"Завантажено: {len(EXPECTED)}")
    rows = query("SELECT DISTINCT department_code FROM observations WHERE source = ?",
                 [pasted_name(NO_DEPARTMENT.replace(", м. Ніжин", ""))], path=db)
    assert rows["department_code"].tolist() == ["nizhyn.communications"]


@needs_font
def test_reports_in_every_format_pass_the_upload_checks_and_parse(tmp_path: Path) -> None:
    from etl.intake.uploads import check_batch, parse_uploads

    files = [("zvit.pdf", write_pdf(tmp_path / "a.pdf", REPORT).read_bytes()),
             ("novyna.html", site_page(LINES[0], LINES[1:]).encode("utf-8"))]
    accepted, refused = check_batch(files)
    assert refused == [] and [a.name for a in accepted] == ["zvit.pdf", "novyna.html"]
    results = parse_uploads(accepted)
    assert [{(f.metric, f.value) for f in r.figures} for r in results] == [EXPECTED, EXPECTED]
