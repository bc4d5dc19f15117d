"""The department's report, written (.docx): its sentences, its numerals, and the self-check that
the project's own report reader gives back exactly the warehouse's figures of every period."""

from __future__ import annotations

import io
import random
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from activity.catalog import METRICS
from activity.departments import Registry
from activity.export.report_docx import Report, ReportEmpty, report_data, report_docx
from activity.export.report_words import figure_sentence
from activity.i18n import plural
from activity.morph import analyzer
from activity.period_text import parse_period
from activity.series import buckets
from activity.warehouse import queries, store
from etl.cli import main as cli
from etl.commands.export import soffice, to_pdf
from etl.reports.extraction import extract_report, extract_text
from etl.reports.text import read_report_text

NIZHYN = "UA74040250010023991"
LYSYCHANSK = "UA44120050010021900"
TITLE = ("Звіт про діяльність відділу інформаційно-аналітичної роботи та комунікацій з громадськістю "
         "Ніжинської міської ради за березень 2021 року\n")
REQUIRED = [0, 1, 2, 5, 11, 21, 22, 25, 101, 111, 1000, 1546, 1_000_000]


def read_back(sentence: str) -> list[tuple[str, int, str | None]]:
    report = extract_text(TITLE + sentence + "\n", "звіт.txt")
    return [(f.code, f.value, f.as_of.isoformat() if f.as_of else None) for f in report.figures]


@pytest.mark.parametrize("code", list(METRICS))
def test_every_metric_reads_back_at_every_count(code: str) -> None:
    """Each metric's sentence, at the counts the issue names and a sample up to a million, is read
    back by etl.reports as that metric and that value (a stock with its date)."""
    stock = METRICS[code].kind == "stock"
    counts = REQUIRED + random.Random(code).sample(range(2, 1_000_001), 6)
    for n in counts:
        sentence = figure_sentence(code, n, as_of="01.04.2021" if stock else None)
        assert read_back(sentence) == [(code, n, "2021-04-01" if stock else None)], sentence


def _words_after(sentence: str, n: int) -> list[str]:
    number = f"{n:,}".replace(",", "\u00a0")
    tail = sentence.split(number, 1)[1]
    return re.findall(r"[^\W\d_]+(?:[’'\-][^\W\d_]+)*", tail)


@pytest.mark.parametrize("code", list(METRICS))
def test_the_counted_noun_agrees_with_every_number_up_to_a_million(code: str) -> None:
    """The noun after the number takes the form Ukrainian grammar asks of that number: one (1, 21,
    101, but not 11, 111) singular; few (2-4, 22, but not 12-14) plural nominative/accusative (or
    genitive after a noun); many (0, 5-20, 25, 1000, 1 000 000) genitive plural. Checked by parsing
    each generated noun with pymorphy3 (not by generating it again), for 0-200 and numbers up to a million."""
    phrase, case = METRICS[code].sentence.words, METRICS[code].sentence.case
    head = re.search(r"\{([^}]+)\}", phrase).group(1).split()[-1]
    counts = [*range(1, 201), 1000, 1001, 1546, 10_021, 100_022, 999_999, 1_000_000]
    for n in counts:
        words = _words_after(figure_sentence(code, n), n)
        noun = words[len(re.search(r"\{([^}]+)\}", phrase).group(1).split()) - 1]
        # the dictionary leaves the case out of some nominative singulars ("лист", "об'єднання")
        forms = {(p.tag.number or "sing", p.tag.case or "nomn") for p in analyzer().parse(noun.replace("’", "'"))
                 if p.normal_form.replace("'", "’") == head.rpartition("-")[2] or p.normal_form == head}
        kind = plural(n)
        want = ({("sing", {"acc": "accs", "gen": "gent", "nom": "nomn"}[case])} if kind == "one" else
                {("plur", "gent")} if kind == "many" or case == "gen" else {("plur", "nomn"), ("plur", "accs")})
        assert forms & want, (n, noun, forms)


@pytest.mark.parametrize(("code", "n", "text"), [
    ("news_published", 465, "Оприлюднено 465 новин та інформаційних матеріалів на сайті."),
    ("documents_published", 1546, "Оприлюднено 1 546 нормативних актів та інших документів на сайті."),
    ("draft_mayor_orders", 2, "Підготовлено 2 проєкти розпоряджень міського голови."),
    ("draft_mayor_orders", 1, "Підготовлено 1 проєкт розпорядження міського голови."),
    ("letters_received", 21, "Зареєстровано 21 вхідний лист."),
    ("letters_received", 22, "Зареєстровано 22 вхідні листи."),
    ("letters_received", 111, "Зареєстровано 111 вхідних листів."),
    ("letters_received", 0, "Вхідні листи не надходили."),
    ("petitions_submitted", 1, "Зареєстровано 1 електронну петицію."),
    ("citizens_appealed", 21, "Звернувся 21 громадянин."),
    ("citizens_appealed", 1_000_000, "Звернулися 1 000 000 громадян."),
    ("videos_published", 0, "Не підготовлено жодного відеосюжету."),
])
def test_sentences_read_as_an_official_writes(code: str, n: int, text: str) -> None:
    assert figure_sentence(code, n) == text.replace("1 546", "1\u00a0546").replace("1 000 000", "1\u00a0000\u00a0000")


def test_a_level_is_said_on_its_date() -> None:
    assert figure_sentence("party_cells_registered", 97, as_of="01.04.2021") == \
        "Станом на 01.04.2021 зареєстровано 97 осередків політичних партій."
    assert figure_sentence("party_cells_registered", 0, as_of="01.04.2021") == \
        "Станом на 01.04.2021: осередки політичних партій не зареєстровано."


@pytest.mark.parametrize(("title", "code", "department"), [
    ("Звіт про роботу відділу освіти Петро-Михайлівської сільської ради за березень 2023 року",
     "UA23060250000058722", "UA23060250000058722.education"),
    ("Звіт про роботу юридичного відділу Павлівської сільської ради Запорізької області за березень 2023 року",
     "UA23060230000071243", "UA23060230000071243.legal"),
    ("Звіт про роботу служби у справах дітей Покровської сільської ради Дніпропетровської області за березень "
     "2023 року\nКод за КАТОТТГ: UA12080110000055958.", "UA12080110000055958", "UA12080110000055958.children"),
])
def test_the_reader_knows_hromadas_whose_names_need_more(title: str, code: str, department: str) -> None:
    """A hyphenated name, a name shared across oblasts (the oblast after the council), a name shared
    within one oblast (the КАТОТТГ code): the place and the department the report is about."""
    read = extract_text(title + "\nЗареєстровано 5 вхідних листів.\n", "звіт.txt")
    assert read.place is not None and read.place.code == code
    assert Registry.load().resolve(read.department, code).department.code == department
    assert [(f.code, f.value) for f in read.figures] == [("letters_received", 5)]


def test_a_letterhead_above_the_title_is_passed_over() -> None:
    letterhead = "УКРАЇНА\nНІЖИНСЬКА МІСЬКА РАДА\nвул. Гоголя, 15, м. Ніжин, тел. (04631) 7-19-56\n"
    read = extract_text(letterhead + TITLE + "Зареєстровано 21 вхідний лист.\n", "звіт.txt")
    assert read.department.startswith("відділ інформаційно-аналітичної роботи")
    assert read.period == parse_period("2021-03") and read.place.code == NIZHYN
    assert [(f.code, f.value) for f in read.figures] == [("letters_received", 21)]


# ------------------------------------------------------------------ reports from the warehouse


@pytest.fixture(scope="module")
def wh(built_db: Path):
    with store.using(built_db):
        yield built_db


def _docx_text(body: bytes, tmp_path: Path, name: str = "звіт.docx") -> str:
    path = tmp_path / name
    path.write_bytes(body)
    return read_report_text(path)


def test_nizhyn_march_2021_reads_like_a_report(wh: Path, tmp_path: Path) -> None:
    text = _docx_text(report_docx(NIZHYN, parse_period("2021-03")), tmp_path)
    lines = text.splitlines()
    name = Registry.load().get("nizhyn.communications").name_uk  # the canonical name, its first word inflected
    assert name.startswith("відділ ")
    assert lines[0] == f"Звіт про роботу відділу {name.removeprefix('відділ ')} Ніжинської міської ради за березень 2021 року"
    assert "Публікації" in lines and "Громадянське суспільство" in lines and "Джерела даних" in lines
    news = next(x for x in lines if x.startswith("Оприлюднено 465 новин"))
    # the change in percent, never February's or March 2020's figure itself
    feb = queries.observations_for([NIZHYN], ["news_published"], pd.Timestamp("2021-02-01").date(),
                                   pd.Timestamp("2021-02-28").date())
    feb_value = int(feb[feb["granularity"] == "month"]["value"].iloc[0])
    assert "% більше, ніж за лютий 2021 року" in news and str(feb_value) not in news
    assert "Станом на 01.04.2021 зареєстровано 74 осередки політичних партій" in text
    assert "Не підготовлено жодного проєкту розпоряджень міського голови" in text  # a reported zero
    assert "Осередки партій – 74 – станом на 01.04.2021;" in text  # the table at the end
    assert "nizhyn_2021_03_month.csv" in text  # the sources named


def test_what_was_not_reported_has_no_sentence(wh: Path, tmp_path: Path) -> None:
    data = report_data(NIZHYN, parse_period("2021-03"))
    held = {i.code for i in data.items}
    text = _docx_text(report_docx(NIZHYN, parse_period("2021-03"), data=data), tmp_path)
    assert "petitions_submitted" not in held and "петиці" not in text
    assert "public_council_meetings" not in held and "Громадської ради" not in text


def test_a_year_with_missing_months_says_so_once(wh: Path, tmp_path: Path) -> None:
    text = _docx_text(report_docx(LYSYCHANSK, parse_period("2022")), tmp_path)
    assert "За липень, серпень, вересень, жовтень, листопад та грудень 2022 року дані не подано." in text
    assert "Надано 63 відповіді на листи (за квітень дані не подано)." in text  # a gap of its own
    assert "ніж за 2021 рік" not in text  # half a year is not compared with a whole one


def test_english_report(wh: Path, tmp_path: Path) -> None:
    import docx

    body = report_docx(NIZHYN, parse_period("2021-03"), lang="en")
    text = _docx_text(body, tmp_path)
    assert text.startswith("Report on the work of the Information, Analysis and Public Communications Department, "
                           "Nizhyn City Council, for March 2021")
    assert "News items published on the website: 465 (0.6% more than in February 2021" in text
    assert docx.Document(io.BytesIO(body)).core_properties.language == "en-GB"


def test_empty_period(wh: Path) -> None:
    with pytest.raises(ReportEmpty):
        report_data(NIZHYN, parse_period("2030-01"))


def _round_trip(city: str, period, tmp_path: Path, registry: Registry, departments) -> tuple[bool, int, int, int]:
    """(exact, found right, invented, lost) for one report read back by etl.reports."""
    data: Report = report_data(city, period)
    path = tmp_path / f"{city}_{period.key}.docx"
    path.write_bytes(report_docx(city, period, data=data))
    read = extract_report(path)
    held = {(i.code, i.value, i.as_of, i.approximate) for i in data.items}
    found = [(f.code, float(f.value), f.as_of, f.approximate) for f in read.figures]
    dept = registry.resolve(read.department, city).department
    same = (read.place is not None and read.place.code == city and read.period == period
            and dept is not None and dept.code == departments[city] and len(found) == len(set(found)))
    return same and set(found) == held, len(held & set(found)), len(set(found) - held), len(held - set(found))


def _round_trip_in(job: tuple) -> tuple[str, str, tuple[bool, int, int, int]] | None:
    """``_round_trip`` in a worker process (the warehouse opened read-only there too); None when empty."""
    db, city, period, out, departments = job
    with store.using(db):
        try:
            return city, period.key, _round_trip(city, period, out, Registry.load(), departments)
        except ReportEmpty:
            return None


def test_every_period_of_the_shipped_data_round_trips(wh: Path, tmp_path: Path) -> None:
    """The self-check: every month, quarter and year of both cities, written and read back, gives
    exactly the warehouse's figures, city, period and department."""
    places = queries.places_present(True)
    held = queries.department_list(list(places["city_code"]), True)
    departments = dict(zip(held["city_code"], held["department_code"], strict=True))
    jobs = [(wh, place.city_code, period, tmp_path, departments) for place in places.itertuples()
            for gran in ("month", "quarter", "year")
            for period in buckets(gran, pd.Timestamp(place.first_start).date(), pd.Timestamp(place.last_end).date())]
    with ProcessPoolExecutor(2) as pool:  # both cores: each report is written and read on its own
        done = [r for r in pool.map(_round_trip_in, jobs, chunksize=8) if r is not None]
    reports, exact = len(done), sum(ok for _, _, (ok, *_) in done)
    right, invented, lost = (sum(r[2][k] for r in done) for k in (1, 2, 3))
    failures = [(city, key) for city, key, (ok, *_) in done if not ok]
    print(f"round trip: {exact}/{reports} reports exact; precision {right / (right + invented):.4f}, "
          f"recall {right / (right + lost):.4f}")
    assert reports >= 220  # 136 periods of Nizhyn (2017-2024) and 94 of Lysychansk (2017 - mid-2022)
    assert not failures and invented == lost == 0


def test_a_sample_of_synthetic_hromadas_round_trips(tmp_path: Path) -> None:
    """National synthetic data (etl.synth: cities and village hromadas, eleven departments each,
    some reporting by quarter or year): a seeded sample of department reports reads back exactly,
    the department resolving to the one that reported."""
    from etl.load.loader import load
    from etl.synth import units, write_unit

    sample = units(6, seed=11)
    paths = [write_unit(u, range(2022, 2024), tmp_path, 5)[0] for u in sample]
    db = tmp_path / "synth.duckdb"
    assert load(paths, db, jobs=1).loaded
    rng = random.Random(3)
    registry = Registry.load()
    reports = exact = 0
    with store.using(db):
        held = queries.department_list([u.code for u in sample], True)
        assert held["city_code"].nunique() == 6 and len(held) > 40
        for d in rng.sample(list(held.itertuples()), 16):
            first, last = pd.Timestamp(d.first_start).date(), pd.Timestamp(d.last_end).date()
            periods = [p for g in ("month", "quarter", "year") for p in buckets(g, first, last)]
            for period in rng.sample(periods, 3):
                try:
                    data = report_data(d.city_code, period, d.department)
                except ReportEmpty:
                    continue
                path = tmp_path / "звіт.docx"
                path.write_bytes(report_docx(d.city_code, period, d.department, data=data))
                read = extract_report(path)
                found = {(f.code, float(f.value), f.as_of) for f in read.figures}
                resolved = registry.resolve(read.department, d.city_code).department
                assert read.place.code == d.city_code and read.period == period, (d.department, period.key)
                assert resolved is not None and resolved.code == d.department_code, read.department
                assert found == {(i.code, i.value, i.as_of) for i in data.items}, (d.department, period.key)
                reports, exact = reports + 1, exact + 1
    assert reports >= 40


# ------------------------------------------------------------------ the command, the template, LibreOffice


def run(db: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), "export", *args], catch_exceptions=False)


def test_cli_writes_the_report_that_extract_reads_back(built_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "звіт.docx"
    done = run(built_db, "--report", "Ніжин", "2021-03", "--out", str(out))
    assert done.exit_code == 0 and "показників 16" in done.output
    read = CliRunner().invoke(cli, ["extract", "--json", str(out)])
    assert '"city_uk": "Ніжин"' in read.output and '"value": 465' in read.output
    english = run(built_db, "--lang", "en", "--report", "Nizhyn", "2021-03", "--out", str(tmp_path / "r.docx"))
    assert english.exit_code == 0 and "Report on the work" in _docx_text((tmp_path / "r.docx").read_bytes(), tmp_path)
    wrong = run(built_db, "--report", "Ніжин", "2021-03", "--department", "відділ освіти", "--out", str(out))
    assert wrong.exit_code == 2 and "відділ освіти" in wrong.output
    nothing = run(built_db, "--report", "Ніжин", "2030-01", "--out", str(tmp_path / "n.docx"))
    assert nothing.exit_code == 1 and not (tmp_path / "n.docx").exists()


def test_a_council_template_lends_styles_and_letterhead(built_db: Path, tmp_path: Path) -> None:
    import docx
    from docx.shared import Pt

    template = docx.Document()
    template.sections[0].header.paragraphs[0].text = "ПРИЛУЦЬКА МІСЬКА РАДА"
    template.styles["Normal"].font.size = Pt(13)
    template.add_paragraph("зразок, який звіт замінює")
    styles = template.styles.element  # a template made in Word may define neither Title nor Heading 1
    styles.remove(template.styles["Title"].element)
    styles.remove(template.styles["Heading 1"].element)
    template.save(tmp_path / "бланк.docx")
    out = tmp_path / "звіт.docx"
    assert run(built_db, "--report", "Ніжин", "2021-03", "--template", str(tmp_path / "бланк.docx"),
               "--out", str(out)).exit_code == 0
    document = docx.Document(str(out))
    assert document.sections[0].header.paragraphs[0].text == "ПРИЛУЦЬКА МІСЬКА РАДА"
    assert document.styles["Normal"].font.size == Pt(13)
    assert "зразок" not in read_report_text(out)
    assert read_report_text(out).startswith("Звіт про роботу відділу інформаційно-аналітичної роботи")
    assert document.paragraphs[0].runs[0].bold  # the title in bold where the template has no Title style
    assert {(f.code, f.value) for f in extract_report(out).figures} >= {("news_published", 465)}


def test_the_shipped_template_is_used(wh: Path) -> None:
    import docx

    from activity.export.report_docx import TEMPLATE

    assert TEMPLATE.exists()
    document = docx.Document(io.BytesIO(report_docx(NIZHYN, parse_period("2021-03"))))
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert "МІСЬКА РАДА" in document.sections[0].first_page_header.paragraphs[1].text


def test_pdf_without_libreoffice_says_what_to_do(built_db: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("etl.commands.export.soffice", lambda: None)
    done = run(built_db, "--report", "Ніжин", "2021-03", "--out", str(tmp_path / "звіт.pdf"))
    assert done.exit_code == 1 and "LibreOffice" in done.output and not (tmp_path / "звіт.pdf").exists()


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_report(built_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "звіт.pdf"
    done = run(built_db, "--report", "Ніжин", "2021-03", "--out", str(out))
    assert done.exit_code == 0, done.output
    assert out.read_bytes().startswith(b"%PDF-")
    from pypdf import PdfReader

    text = " ".join((page.extract_text() or "") for page in PdfReader(str(out)).pages)
    assert "465" in text and "Ніжинської" in text
    read = extract_report(out)  # the PDF too reads back to the same figures, past the letterhead above the title
    with store.using(built_db):
        held = {(i.code, i.value, i.as_of) for i in report_data(NIZHYN, parse_period("2021-03")).items}
    assert read.place.code == NIZHYN and read.period == parse_period("2021-03")
    assert {(f.code, float(f.value), f.as_of) for f in read.figures} == held
    with pytest.raises(RuntimeError, match="timeout"):  # a conversion that hangs is stopped, not waited for
        to_pdf(report_docx_bytes(built_db), timeout=0.01)


def report_docx_bytes(db: Path) -> bytes:
    with store.using(db):
        return report_docx(NIZHYN, parse_period("2021-03"))


def test_overview_offers_the_written_report(page, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import streamlit as st
    from streamlit.delta_generator import DeltaGenerator

    found: dict = {}
    real = DeltaGenerator.download_button

    def record(self, label, data, *args, **kwargs):
        found[kwargs["key"]] = (label, data, kwargs.get("file_name"))
        return real(self, label, data, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", record)
    monkeypatch.setattr(st, "download_button", lambda *a, **kw: record(st._main, *a, **kw))
    at = page("overview", entry_first=True)
    at.sidebar.selectbox(key="city1").set_value(NIZHYN).run()
    at.sidebar.radio(key="ov_gran").set_value("month").run()
    at.sidebar.selectbox(key="ov_period").set_value("2021-03").run()
    assert not at.exception
    label, build, name = found["dl_report_docx"]
    assert label == "Звіт (.docx)" and name.endswith(".docx")
    text = _docx_text(build(), tmp_path)
    assert "за березень 2021 року" in text.splitlines()[0]


def test_the_shipped_template_is_what_make_templates_writes(tmp_path: Path) -> None:
    import importlib.util

    from activity.export.report_docx import TEMPLATE

    spec = importlib.util.spec_from_file_location("make_templates", TEMPLATE.parents[1] / "make_templates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write_report_docx(tmp_path / "a.docx")
    module.write_report_docx(tmp_path / "b.docx")
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes() == TEMPLATE.read_bytes()
