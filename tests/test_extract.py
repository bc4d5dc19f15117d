"""Figures read from narrative reports: phrasing, distractors, who and when, files, the CLI.

Every fixture text here is invented in the style of the departments' reports (no sentence is
copied from ../shared). The test marked ``shared`` runs the evaluation over ../shared.
"""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from activity.catalog import METRICS
from activity.warehouse.store import query
from etl.cli import main
from etl.load.parse import parse_file
from etl.reports.extraction import extract_report, extract_text
from etl.reports.text import decode_report
from etl.sheets.readers import ReadError
from tests.conftest import NIZHYN, SHARED

MONTHLY = """Звіт про діяльність відділу інформаційно-аналітичної роботи та комунікацій з громадськістю \
виконавчого комітету Ніжинської міської ради за березень 2021 року
Протягом березня 2021 року відділ висвітлював діяльність міської ради та її виконавчих органів.
На офіційному сайті міської ради розміщено 517 інформаційних матеріали, що на 8 % більше, ніж у лютому.
Розділ «Рішення» поповнено 129 документами.
Надійшло листів – 63, на 58 з них підготовлено відповіді.
Протягом місяця надійшло 62 запити на публічну інформацію, з них 51 – від фізичних осіб, 11 – від юридичних осіб.
Відділом розроблено три проєкти рішень виконавчого комітету та одне розпорядження міського голови.
Відділ забезпечив проведення одного засідання Громадської ради (вул. Гоголя, 15, тел. (04631) 7-15-20).
Новинні матеріали проілюстровано близько 320 фото.
Працівники відділу взяли участь у 21 заході та були присутні на понад 40 засіданнях комісій.
Підготовлено 5 промов міського голови, зокрема до 76-ї річниці визволення міста.
Відповідно до Закону України від 25.04.2019 № 2704-VIII та Постанови КМУ 835 оновлено розділ «Мова».
Кількість передплатників сторінки зросла на 12.
"""

QUARTER = """Про діяльність відділу з питань внутрішньої політики, зв’язку з громадськістю та ЗМІ \
Лисичанської міської ради за ІІІ квартал 2019 року
За квартал до відділу надійшло 5 790 листів.
У розділі «Фотогалерея» створено дві нові категорії, де розміщено 1\u00a0180 фотографій.
Станом на 01.10.2019 у Лисичанську зареєстровано 104 осередки політичних партій, 171 громадську \
організацію та 42 релігійні організації.
На довгостроковому контролі залишаються 7 документів.
Співробітники відділу взяли участь у п’яти семінарах, зокрема:
- 02.08.2019 – семінар з питань відкритих даних;
- 15-16.09.2019 – тренінг для речників.
Окрім того, відбулися урочистості з нагоди 76- річниці визволення міста.
"""

BULLETS = """Звіт
про роботу відділу інформаційної діяльності Броварської міської ради за 2017 рік
 За звітний період відділом:
(  на офіційному сайті міської ради опубліковано
1 246 новин та оголошень;
(  оприлюднено 318 документів з метою обговорення громадськістю;
·  організовано дві процедури громадського бюджету;

·  забезпечено проведення засідання Громадської ради.
"""

ZERO = """Звіт про роботу відділу комунікацій Коростенської міської ради за І півріччя 2022 року
Запити на публічну інформацію до відділу протягом півріччя не надходили.
Скарги на роботу відділу не надходили.
Оприлюднено 96 рішень виконавчого комітету.
"""


def pairs(text: str) -> Counter:
    return Counter((f.code, f.value) for f in extract_text(text).figures)


def figure(text: str, code: str, value: int | None = None):
    found = [f for f in extract_text(text).figures if f.code == code and value in (None, f.value)]
    assert len(found) == 1, (code, value, found)
    return found[0]


# ------------------------------------------------------------------ phrasing


@pytest.mark.parametrize(("code", "value"), [
    ("news_published", 517),  # "517 інформаційних матеріали": the numeral's odd agreement
    ("documents_published", 129),  # instrumental "129 документами"
    ("letters_received", 63),  # number after the noun and a dash
    ("letters_answered", 58),  # "на 58 з них підготовлено відповіді"
    ("public_info_requests", 62),
    ("draft_executive_decisions", 3),  # "три проєкти"
    ("draft_mayor_orders", 1),  # "одне розпорядження"
    ("public_council_meetings", 1),  # "одного засідання"
    ("photos_in_news_published", 320),
    ("events_attended", 21),  # locative singular "у 21 заході"
    ("commission_meetings_attended", 40),
    ("speeches_prepared", 5),
])
def test_each_phrasing_gives_its_metric(code: str, value: int) -> None:
    assert pairs(MONTHLY)[(code, value)] == 1


def test_distractors_are_never_figures() -> None:
    values = {f.value for f in extract_text(MONTHLY).figures}
    # a percentage, an address, a phone, an anniversary, law and resolution numbers, a change, years
    assert values.isdisjoint({8, 15, 4631, 7, 76, 2704, 835, 12, 2019, 2021, 25})
    assert sum(pairs(MONTHLY).values()) == 14


def test_a_total_and_its_parts_are_kept_apart_and_never_added() -> None:
    found = [f for f in extract_text(MONTHLY).figures if f.code == "public_info_requests"]
    assert sorted(f.value for f in found) == [11, 51, 62]
    total = next(f for f in found if f.value == 62)
    assert total.breakdown is None
    assert "фізичних осіб" in next(f for f in found if f.value == 51).breakdown
    assert "юридичних осіб" in next(f for f in found if f.value == 11).breakdown
    assert 113 not in {f.value for f in extract_text(MONTHLY).figures}


def test_approximations_are_marked() -> None:
    assert figure(MONTHLY, "photos_in_news_published").approximate  # "близько 320"
    assert figure(MONTHLY, "commission_meetings_attended").approximate  # "понад 40"
    assert not figure(MONTHLY, "events_attended").approximate


def test_thousands_with_spaces_number_words_and_stocks() -> None:
    got = pairs(QUARTER)
    assert got[("letters_received", 5790)] == 1
    assert got[("photos_published", 1180)] == 1  # no-break space
    assert got[("photo_gallery_categories", 2)] == 1  # "дві нові категорії"
    assert got[("seminars_attended", 5)] == 1  # "у п’яти семінарах", not the two listed
    assert got[("ngos_registered", 171)] == 1  # accusative "171 громадську організацію"
    assert figure(QUARTER, "party_cells_registered").as_of == date(2019, 10, 1)
    assert figure(QUARTER, "religious_orgs_registered").as_of == date(2019, 10, 1)
    assert figure(QUARTER, "documents_on_control").as_of is None  # a stock with no date given
    assert figure(QUARTER, "letters_received").as_of is None  # a flow never has one
    assert {f.value for f in extract_text(QUARTER).figures}.isdisjoint({2019, 16, 76, 8})


def test_bullets_flattened_to_brackets_and_a_line_starting_with_the_number() -> None:
    got = pairs(BULLETS)
    assert got == Counter({("news_published", 1246): 1, ("documents_published", 318): 1,
                           ("participatory_budget_rounds", 2): 1})
    news = figure(BULLETS, "news_published")
    assert "опубліковано\n1 246 новин" in news.sentence


def test_zero_by_negation_is_a_reported_zero() -> None:
    got = pairs(ZERO)
    assert got[("public_info_requests", 0)] == 1
    assert got[("documents_published", 96)] == 1
    assert sum(got.values()) == 2  # complaints are not a catalog metric: no zero for them


def test_every_sentence_is_verbatim_and_holds_its_number() -> None:
    for text in (MONTHLY, QUARTER, BULLETS, ZERO):
        for f in extract_text(text).figures:
            assert f.sentence in text
            assert 0 <= f.at < len(f.sentence)
            assert 0 < f.confidence <= 1


LISTS = """Звіт про роботу відділу інформаційної політики Хмельницької міської ради за травень 2023 року
Надійшло 40 запитів на публічну інформацію, з них:
- від фізичних осіб – 30;
- від юридичних осіб – 10.
Активно використовувались соцмережі: у Facebook – 212 дописів, у Telegram – 187.
На сайті розміщено 380 новин, що більше, ніж у квітні (351).
Вхідна кореспонденція – 75 документів; вихідна – 33.
"""


def test_parts_listed_under_a_lead_in_and_siblings_told_apart() -> None:
    report = extract_text(LISTS)
    requests = sorted((f.value, f.breakdown) for f in report.figures if f.code == "public_info_requests")
    assert requests == [(10, "від юридичних осіб"), (30, "від фізичних осіб"), (40, None)]
    posts = {f.value: f.breakdown for f in report.figures if f.code == "social_media_posts"}
    assert posts == {212: "у Facebook", 187: "у Telegram"}  # no stated total: none invented
    got = pairs(LISTS)
    assert got[("letters_received", 75)] == 1 and got[("outgoing_documents", 33)] == 1  # "вихідна – 33"
    # a bare number in brackets compared with the month before is that month's news, never May's
    april = [(f.code, f.period.start.month) for f in report.figures if f.value == 351 and f.period]
    assert april == [("news_published", 4)] and [f.period for f in report.figures if f.value == 380] == [None]


# ------------------------------------------------------------------ who and when


@pytest.mark.parametrize(("text", "city", "granularity", "start", "end", "label"), [
    (MONTHLY, "Ніжин", "month", "2021-03-01", "2021-03-31", "за березень 2021 року"),
    (QUARTER, "Лисичанськ", "quarter", "2019-07-01", "2019-09-30", "за ІІІ квартал 2019 року"),
    (BULLETS, "Бровари", "year", "2017-01-01", "2017-12-31", "за 2017 рік"),
    (ZERO, "Коростень", "half_year", "2022-01-01", "2022-06-30", "за І півріччя 2022 року"),
    ("Інформація про роботу відділу з питань внутрішньої політики Прилуцької міської ради "
     "з 01.04 по 30.06.2021\nВідділ підготував 14 довідок.", "Прилуки", "quarter", "2021-04-01",
     "2021-06-30", "з 01.04 по 30.06.2021"),
    ("Про роботу відділу за IV квартал 2018 року\nУ Лисичанську проведено 9 нарад; підготовлено "
     "6 промов.", "Лисичанськ", "quarter", "2018-10-01", "2018-12-31", "за IV квартал 2018 року"),
])
def test_city_and_period(text, city, granularity, start, end, label) -> None:
    got = extract_text(text).as_json()
    assert got["city_uk"] == city
    assert got["period"] == {"granularity": granularity, "start": start, "end": end, "label_uk": label}


def test_department_in_the_nominative_with_its_council() -> None:
    assert extract_text(QUARTER).department == (
        "відділ з питань внутрішньої політики, зв’язку з громадськістю та ЗМІ Лисичанської міської ради")


def test_a_report_without_a_city_is_an_error_naming_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "звіт.txt"
    path.write_text("Звіт про роботу відділу за березень 2021 року\nПідготовлено 12 привітань.\n", encoding="utf-8")
    report = extract_report(path)
    assert not report.ok and report.to_figures() == []
    message = next(p for p in report.problems if p.key == "report_no_city").render()
    assert message.startswith("звіт.txt: помилка: Місто не знайдено") and "рядок 1" in message


# ------------------------------------------------------------------ files


def _docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> Path:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    document.save(str(path))
    return path


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    lines = MONTHLY.splitlines()
    path = _docx(tmp_path / "report.docx", lines[:3],
                 [["Показник", "Кількість"], ["Вхідні листи", "77"], ["Надано відповідей на листи", "70"]])
    got = Counter((f.code, f.value) for f in extract_report(path).figures)
    assert got == Counter({("news_published", 517): 1, ("letters_received", 77): 1, ("letters_answered", 70): 1})


def test_docx_with_a_doctype_is_refused(tmp_path: Path) -> None:
    good = _docx(tmp_path / "good.docx", MONTHLY.splitlines())
    bad = tmp_path / "bad.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE d [<!ENTITY e "x">]>', 1)
            dst.writestr(item, data)
    report = extract_report(bad)
    assert report.figures == [] and report.problems[0].key == "file_unsafe"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "utf-16", "utf-16-le"])
def test_encodings_read_the_same(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"report-{encoding}.txt"
    path.write_bytes(QUARTER.replace("\n", "\r\n").encode(encoding))
    report = extract_report(path)
    assert Counter((f.code, f.value) for f in report.figures) == pairs(QUARTER)
    assert report.place.name_uk == "Лисичанськ"


def test_text_in_no_known_encoding_is_refused_not_garbled() -> None:
    with pytest.raises(ReadError) as exc:
        decode_report(bytes(range(128, 256)) * 20, "x.txt")
    assert exc.value.problem.key == "file_unreadable"


# ------------------------------------------------------------------ command line and load


def _cli(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_extract_json_is_the_ground_truth_format(tmp_path: Path) -> None:
    (tmp_path / "q.txt").write_text(QUARTER, encoding="utf-8")
    result = _cli("extract", "--json", str(tmp_path / "q.txt"))
    assert result.exit_code == 0
    got = json.loads(result.output.splitlines()[0])
    assert got["city"] == "Lysychansk" and got["period"]["granularity"] == "quarter"
    ngos = next(m for m in got["metrics"] if m["code"] == "ngos_registered")
    assert ngos == {**ngos, "value": 171, "kind": "stock", "as_of": "2019-10-01"}
    assert ngos["sentence"] in QUARTER


def test_extract_in_english(tmp_path: Path) -> None:
    (tmp_path / "z.txt").write_text(ZERO, encoding="utf-8")
    result = _cli("--lang", "en", "extract", str(tmp_path / "z.txt"))
    assert result.exit_code == 0
    assert "City: Korosten" in result.output and "Requests for public information" in result.output


def test_extract_table_then_review_sheet_loads_back(tmp_path: Path) -> None:
    report, review, db = tmp_path / "m.txt", tmp_path / "review.xlsx", tmp_path / "wh.duckdb"
    report.write_text(MONTHLY, encoding="utf-8")
    shown = _cli("extract", str(report))
    assert shown.exit_code == 0 and "Вхідні листи" in shown.output and "≈ 320" in shown.output
    assert _cli("extract", "--out", str(review), str(report)).exit_code == 0
    loaded = _cli("--db", str(db), "load", str(review))
    assert loaded.exit_code == 0, loaded.output
    rows = query("SELECT metric, value, breakdown, locator, approximate FROM observations", path=db)
    assert len(rows) == 14 and rows["value"].sum() == sum(f.value for f in extract_text(MONTHLY).figures)
    part = rows[rows["breakdown"].fillna("").str.contains("фізичних")].iloc[0]
    assert part["value"] == 51 and part["locator"].startswith("Протягом місяця надійшло 62 запити")
    assert bool(rows[rows["metric"] == "photos_in_news_published"]["approximate"].iloc[0])


def test_load_takes_a_report_directly(tmp_path: Path) -> None:
    path, db = tmp_path / "квартал.txt", tmp_path / "wh.duckdb"
    path.write_text(MONTHLY, encoding="utf-8")
    result = parse_file(path)
    assert result.ok and len(result.figures) == 14
    assert {f.place_code for f in result.figures} == {NIZHYN}
    assert _cli("--db", str(db), "load", str(path)).exit_code == 0
    got = query("SELECT value FROM observations WHERE metric = 'letters_received'", path=db)
    assert list(got["value"]) == [63]


def test_load_refuses_a_report_without_a_city(tmp_path: Path) -> None:
    path, db = tmp_path / "no_city.txt", tmp_path / "wh.duckdb"
    path.write_text("Звіт про роботу відділу за березень 2021 року\nПідготовлено 12 привітань.\n", encoding="utf-8")
    result = _cli("--db", str(db), "load", str(path))
    assert result.exit_code == 1
    assert "no_city.txt: помилка: Місто не знайдено" in result.output and "рядок 1" in result.output
    assert not db.exists()


def test_prose_forms_live_in_the_catalog_and_are_read() -> None:
    """A metric's prose forms (metrics.toml) are the reader's patterns: "оголошення" alone is news."""
    from etl.reports.lexicon import patterns

    texts = {(p.code, p.text) for p in patterns()}
    assert ("news_published", "оголошення") in texts and METRICS["news_published"].prose
    assert not any("оголошення" == w for w in METRICS["news_published"].wordings)  # never a row label


@pytest.mark.shared
def test_development_set_meets_the_targets() -> None:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent")
    import bench.eval_extraction as evaluation

    assert evaluation.main(["--only", "shared"]) == 0
