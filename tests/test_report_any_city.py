"""Reports from any city and any department: who (the city in any form, the department registry,
the file name), when (snapshots, weeks, bare-day ranges, "у 2023 році", "за 9 місяців"), the report
phrasing of the appeals, information-request, records and participation metrics, sub-counts and
month figures, and precision (a number naming no metric is a warning, never a guess).

Every text here is invented for these tests; ``data/eval`` holds the larger invented evaluation set
(its floors are asserted at the end).
"""

from __future__ import annotations

import json
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

import pytest

from activity.catalog import METRICS
from activity.period_text import parse_period, snapshot_date
from etl.reports.extraction import extract_text
from tests.report_reading import pairs, unmatched

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "data" / "eval"


# ------------------------------------------------------------------ who


@pytest.mark.parametrize(("text", "name", "city"), [
    # only a genitive after a small word
    ("Огляд діяльності громадських об’єднань Лисичанська за ІІ квартал 2019 року\n"
     "На обліку перебуває 38 громадських організацій.", "", "Лисичанськ"),
    # a military-civil administration, "міста X" and "ВЦА"
    ("Звіт відділу організаційної роботи військово-цивільної адміністрації міста Лисичанськ за травень 2021 року\n"
     "Проведено 2 засідання Громадської ради при ВЦА.", "", "Лисичанськ"),
    # "міськвиконкому" in the masculine genitive
    ("Про підсумки розгляду звернень за 2019 рік\nДо Ковельського міськвиконкому надійшло 640 звернень.",
     "", "Ковель"),
    # a council in capitals, as in the heading of a decision
    ("ЗОЛОТОНІСЬКА МІСЬКА РАДА\nРІШЕННЯ\nПро роботу зі зверненнями громадян за 2022 рік\n"
     "Надійшло 212 звернень.", "", "Золотоноша"),
    # a hyphenated council name in the locative
    ("Про роботу зі зверненнями громадян у Кам’янець-Подільській міській раді за 2022 рік\n"
     "Надійшло 1 400 звернень.", "", "Кам’янець-Подільський"),
    # only the mayor's signature names the city
    ("Звіт про роботу відділу кадрів за березень 2020 року\nОпрацьовано 14 звернень.\n"
     "Ніжинський міський голова        О. Коваль", "", "Ніжин"),
    # only the address
    ("Інформація про запити на інформацію за квітень 2023 року\nНадійшло 17 запитів на інформацію.\n"
     "88000, м. Ужгород, пл. Поштова, 3", "", "Ужгород"),
    # nothing in the text: the file name
    ("Звіт про роботу за червень 2022 року\nНадійшло 9 запитів на публічну інформацію.",
     "kovel_requests_2022_06.txt", "Ковель"),
])
def test_city_from_any_form_anywhere(text: str, name: str, city: str) -> None:
    report = extract_text(text, name)
    assert report.place is not None and report.place.name_uk == city


def test_city_from_the_department_registry_when_only_the_department_is_named() -> None:
    report = extract_text("Звіт відділу з питань внутрішньої політики, зв’язку з громадськістю та ЗМІ "
                          "за ІІІ квартал 2020 року\nПідготовлено 6 довідок про суспільно-політичну ситуацію.")
    assert report.place is not None and report.place.name_uk == "Лисичанськ"
    assert ("situation_briefs", 6) in pairs(report)


def test_a_street_or_a_person_named_after_a_city_is_not_the_city() -> None:
    text = ("Звіт про роботу відділу за травень 2023 року\nНадійшло 11 запитів на публічну інформацію.\n"
            "вул. Богдана Хмельницького, 12; начальник відділу Т. Полтавець")
    report = extract_text(text, "zvit.txt")
    assert report.place is None
    assert any(p.key == "report_no_city" for p in report.problems)


# ------------------------------------------------------------------ when


@pytest.mark.parametrize(("label", "year", "granularity", "start", "end"), [
    ("станом на 1 січня 2023 року", None, "custom", "2023-01-01", "2023-01-01"),
    ("станом на 01.07.2021", None, "custom", "2021-07-01", "2021-07-01"),
    ("з 1 по 7 листопада 2025 року", None, "custom", "2025-11-01", "2025-11-07"),
    ("з 1 по 7 листопада", 2025, "custom", "2025-11-01", "2025-11-07"),
    ("за тиждень 10–16.03.2025", None, "week", "2025-03-10", "2025-03-16"),
    ("за тиждень (з 10 по 16 березня 2025 року)", None, "week", "2025-03-10", "2025-03-16"),
    ("протягом листопада 2025 року", None, "month", "2025-11-01", "2025-11-30"),
    ("упродовж вересня 2024 року", None, "month", "2024-09-01", "2024-09-30"),
    ("у 2023 році", None, "year", "2023-01-01", "2023-12-31"),
    ("за 9 місяців 2024 року", None, "custom", "2024-01-01", "2024-09-30"),
    ("з 1 по 31 жовтня 2025 року", None, "month", "2025-10-01", "2025-10-31"),
    ("за період 01.01.2024–30.06.2024", None, "half_year", "2024-01-01", "2024-06-30"),
    ("01.04.2024 — 30.06.2024", None, "quarter", "2024-04-01", "2024-06-30"),
    ("з 01.07 по 01.10.2019", None, "quarter", "2019-07-01", "2019-09-30"),
])
def test_period_phrases(label: str, year: int | None, granularity: str, start: str, end: str) -> None:
    p = parse_period(label, year=year)
    assert (p.granularity, p.start.isoformat(), p.end.isoformat()) == (granularity, start, end)


def test_snapshot_date() -> None:
    assert snapshot_date("станом на 1 січня 2023 року") == date(2023, 1, 1)
    assert snapshot_date("за січень 2023 року") is None


def test_a_range_without_its_year_takes_the_year_from_the_text_or_the_file_name() -> None:
    text = "Тижневий огляд прес-служби з 3 по 9 березня\nОпубліковано 28 новин.\nЧернігівська міська рада, 2025"
    report = extract_text(text)
    assert (report.period.start, report.period.end, report.period.granularity) == (
        date(2025, 3, 3), date(2025, 3, 9), "week")
    bare = "Тижневий огляд прес-служби Чернігівської міської ради з 3 по 9 березня\nОпубліковано 28 новин."
    report = extract_text(bare, "chernihiv_press_2025_03.txt")
    assert (report.period.start, report.period.end) == (date(2025, 3, 3), date(2025, 3, 9))
    assert any(p.key == "report_no_period" for p in extract_text(bare, "press.txt").problems)


def test_the_title_period_wins_over_a_range_in_the_body() -> None:
    report = extract_text("Громадський бюджет Ніжинської міської ради у 2022 році\n"
                          "Протягом квітня – травня 2022 року подано 12 проєктів.")
    assert (report.period.granularity, report.period.start) == ("year", date(2022, 1, 1))


def test_a_snapshot_report_gives_stocks_as_of_its_date() -> None:
    report = extract_text("Інститути громадянського суспільства Прилуцької міської територіальної громади "
                          "станом на 1 січня 2023 року\nЗареєстровано 140 громадських організацій, "
                          "27 релігійних організацій та 11 профспілок.")
    assert report.period.start == report.period.end == date(2023, 1, 1)
    got = {f.code: (f.value, f.kind, f.as_of) for f in report.figures}
    assert got == {"ngos_registered": (140, "stock", date(2023, 1, 1)),
                   "religious_orgs_registered": (27, "stock", date(2023, 1, 1)),
                   "trade_unions_registered": (11, "stock", date(2023, 1, 1))}


# ------------------------------------------------------------------ the new metrics' phrasing


def test_information_request_results_named_by_a_verb() -> None:
    report = extract_text("Звіт Ніжинської міської ради про запити на інформацію за 2021 рік\n"
                          "Надійшло 90 запитів. Із загальної кількості запитів 71 задоволено, на 8 надано "
                          "роз’яснення, 6 направлено належним розпорядникам, у 3 відмовлено.")
    assert pairs(report) == Counter({("public_info_requests", 90): 1, ("public_info_requests_satisfied", 71): 1,
                                     ("public_info_requests_explained", 8): 1,
                                     ("public_info_requests_forwarded", 6): 1,
                                     ("public_info_requests_refused", 3): 1})


def test_petitions_prepared_answers_are_not_supported_petitions() -> None:
    report = extract_text("Звіт про електронні петиції Ніжинської міської ради за 2023 рік\n"
                          "Зареєстровано 15 петицій. Необхідну кількість голосів підтримки отримали 4 петиції, "
                          "9 петицій не набрали потрібних голосів.\nПідготовлено відповіді на 4 петиції.")
    assert pairs(report) == Counter({("petitions_submitted", 15): 1, ("petitions_supported", 4): 1,
                                     ("petitions_failed", 9): 1, ("petitions_answered", 4): 1})


def test_records_sittings_held_and_decisions_adopted() -> None:
    report = extract_text("Звіт загального відділу Бориспільської міської ради за 2023 рік\n"
                          "Проведено 24 засідання виконавчого комітету та прийнято 480 рішень виконавчого "
                          "комітету.\nЗагальний документообіг склав 12 300 документів.")
    assert pairs(report) == Counter({("exec_committee_meetings", 24): 1, ("exec_decisions_adopted", 480): 1,
                                     ("documents_flow_total", 12300): 1})


def test_votes_of_a_named_project_and_votes_in_all() -> None:
    report = extract_text("Підсумки громадського бюджету Ніжинської міської ради за 2021 рік\n"
                          "Загалом віддано 2 400 голосів; з них за малі проєкти – 1 500.\n"
                          "«Сквер біля ліцею» – 410 голосів.")
    got = {(f.code, f.value): f.breakdown for f in report.figures}
    assert got[("pb_votes_cast", 2400)] is None
    assert got[("pb_votes_cast", 1500)]  # a part of all votes, with its breakdown
    assert ("pb_project_votes", 410) in got


# ------------------------------------------------------------------ sub-counts and months


def test_sub_counts_keep_their_breakdown_and_are_not_added_to_the_total() -> None:
    report = extract_text("Звіт про запити на публічну інформацію Полтавської міської ради за травень 2024 року\n"
                          "Надійшло 30 запитів на публічну інформацію.\nЗапитувачі:\n- фізичні особи – 21;\n"
                          "- громадські об’єднання – 9.")
    requests = sorted((f.value, f.breakdown) for f in report.figures if f.code == "public_info_requests")
    assert [v for v, _ in requests] == [9, 21, 30]
    assert dict(requests)[30] is None and dict(requests)[21] and dict(requests)[9]
    assert not any(f.code == "ngos_registered" for f in report.figures)


def test_a_month_inside_a_quarterly_report_is_that_months_figure() -> None:
    report = extract_text("Звіт відділу звернень громадян Сумської міської ради за ІІ квартал 2023 року\n"
                          "За квартал надійшло 300 звернень (у квітні – 95, у травні – 101, у червні – 104).")
    months = {f.value: (f.period.start, f.period.end, f.breakdown) for f in report.figures if f.period}
    assert months == {95: (date(2023, 4, 1), date(2023, 4, 30), "місяць: квітень"),
                      101: (date(2023, 5, 1), date(2023, 5, 31), "місяць: травень"),
                      104: (date(2023, 6, 1), date(2023, 6, 30), "місяць: червень")}
    quarter = next(f for f in report.figures if f.value == 300)
    assert quarter.period is None and quarter.code == "appeals_received"
    figures = {f.value: f.period for f in report.to_figures()}
    assert figures[300].granularity == "quarter" and figures[95].granularity == "month"
    from etl.reports.review_sheet import review_rows
    from ui.review import editable_table, to_result

    checked = {f.value: f.period for f in to_result(report, editable_table(report), b"x").figures}
    assert checked[300].granularity == "quarter" and checked[104].start == date(2023, 6, 1)
    assert {row[4]: row[2] for row in review_rows(report)}[101] == "травень 2023"


def test_a_month_after_a_dash_behind_the_number_is_that_months_figure() -> None:
    report = extract_text("Звіт відділу звернень громадян Сумської міської ради за ІІ квартал 2023 року\n"
                          "Надійшло 300 звернень, з них 95 – у квітні, 101 – в травні; 104 — у червні.\n"
                          "Засідань громадської ради проведено 3, з них 2 – у приміщенні ЦНАП.\n"
                          "Проведено 4 громадські обговорення, з них 1 – у квітні 2022 року.")
    months = {f.value: (f.period.start, f.period.end) for f in report.figures if f.period}
    assert months == {95: (date(2023, 4, 1), date(2023, 4, 30)), 101: (date(2023, 5, 1), date(2023, 5, 31)),
                      104: (date(2023, 6, 1), date(2023, 6, 30))}


def test_the_same_span_of_another_year_is_that_years_period() -> None:
    report = extract_text("Звіт відділу звернень громадян Сумської міської ради за І півріччя 2024 року\n"
                          "Надійшло 1 126 звернень (у відповідному періоді 2023 року – 1 048).\n"
                          "Запитів на інформацію – 90 (за аналогічний період минулого року – 71).\n"
                          "Повторних звернень – 40 (в аналогічному періоді 2022 року – 35).\n"
                          "Колективних звернень – 12 (у 2023 році – 15).\n"
                          "Засідань громадської ради – 3 (за відповідний період – 2).")
    spans = {f.value: (f.period.start, f.period.end) for f in report.figures if f.period}
    assert spans == {1048: (date(2023, 1, 1), date(2023, 6, 30)), 71: (date(2023, 1, 1), date(2023, 6, 30)),
                     35: (date(2022, 1, 1), date(2022, 6, 30)), 15: (date(2023, 1, 1), date(2023, 12, 31))}


def test_a_month_or_a_year_ending_the_clause_before_the_number_is_that_figures_period() -> None:
    report = extract_text("Звіт відділу звернень громадян Сумської міської ради за 2024 рік\n"
                          "Надійшло 1 200 звернень. Найбільше звернень надійшло в грудні – 121, найменше у серпні – 64.\n"
                          "Пік запитів припав на березень – 47.\n"
                          "Для порівняння, у 2023 році надійшло 968 звернень.\n"
                          "Рішень ухвалено 300, з них позачергово – у засіданні – 12.")
    spans = {f.value: (f.period.start, f.period.end) for f in report.figures if f.period}
    assert spans == {121: (date(2024, 12, 1), date(2024, 12, 31)), 64: (date(2024, 8, 1), date(2024, 8, 31)),
                     47: (date(2024, 3, 1), date(2024, 3, 31)), 968: (date(2023, 1, 1), date(2023, 12, 31))}


def test_in_a_monthly_report_another_month_or_year_compared_is_its_own_period() -> None:
    report = extract_text("Звіт відділу звернень громадян Сумської міської ради за жовтень 2024 року\n"
                          "Надійшло 210 звернень (у вересні – 187).\n"
                          "Запитів на інформацію – 18 (у жовтні 2023 року – 25).\n"
                          "У жовтні проведено 4 засідання громадської ради.")
    spans = {f.value: (f.period.start, f.period.end) for f in report.figures if f.period}
    assert spans == {187: (date(2024, 9, 1), date(2024, 9, 30)), 25: (date(2023, 10, 1), date(2023, 10, 31))}


# ------------------------------------------------------------------ precision first


def test_numbers_that_name_no_metric_are_warnings_not_guesses() -> None:
    report = extract_text("Звіт про звернення громадян до Луцької міської ради за 2020 рік\n"
                          "Розглянуто 1 200 звернень, 45 перебувають на розгляді.\n"
                          "Петицію підтримано (набрали 250 голосів) 1 раз.")
    assert ("appeals_answered", 1200) in pairs(report)
    assert not any(f.value in (45, 250) for f in report.figures)
    assert {"45", "250"} <= unmatched(report)


# ------------------------------------------------------------------ the evaluation set


def _truths() -> list[tuple[Path, dict]]:
    return [(p.with_suffix(".txt"), json.loads(p.read_text(encoding="utf-8"))) for p in sorted(EVAL.glob("*.json"))]


def test_evaluation_set_is_broad_and_its_ground_truth_verbatim() -> None:
    truths = _truths()
    assert len(truths) >= 25
    assert len({t["city"] for _, t in truths}) >= 8
    assert {t["department_kind"] for _, t in truths} >= {
        "communications", "internal_policy", "public_information", "appeals", "records", "civic_participation"}
    assert sum(1 for p, _ in truths if p.name.startswith("held_")) >= 10
    for path, truth in truths:
        text = path.read_text(encoding="utf-8")
        assert truth["period"]["label_uk"] in text, path.name
        for m in truth["metrics"]:
            assert m["code"] in METRICS, (path.name, m["code"])
            assert m["sentence"] in text, (path.name, m["sentence"])


def _score(pair: tuple[Path, Path]):
    import bench.eval_extraction as evaluation

    return evaluation.score(*pair)


def test_evaluation_set_scores_stay_above_their_floors() -> None:
    import bench.eval_extraction as evaluation

    pairs_ = evaluation.ground_truths(EVAL, (".",))
    with ProcessPoolExecutor(2) as pool:  # (each report scored once, on both cores)
        scored = dict(zip((a.name for a, _ in pairs_), pool.map(_score, pairs_, chunksize=8), strict=True))

    def score(a: Path, b: Path):
        return scored[a.name]

    tuned = evaluation.total([score(a, b) for a, b in pairs_
                              if not a.name.startswith("held_") and not evaluation.in_batch_t(a.name)
                              and not evaluation.in_batch_u(a.name)])
    batch_t = evaluation.total([score(a, b) for a, b in pairs_ if evaluation.in_batch_t(a.name)])
    batch_u = evaluation.total([score(a, b) for a, b in pairs_ if evaluation.in_batch_u(a.name)])
    later = ("held_d_", "held_e_", "held_f_", "held_g_", "held_h_", "held_i_", "held_j_", "held_k_", "held_l_", "held_m_", "held_n_",
             "held_o_", "held_p_", "held_q_", "held_r_", "held_s_", "held_v_", "held_w_", "held_x_", "held_y_", "held_z_", "held_z2_")  # batches after c: scored on their own (e: not read by any rule)
    held = evaluation.total([score(a, b) for a, b in pairs_
                             if a.name.startswith("held_") and not a.name.startswith(later)])
    fresh = evaluation.total([score(a, b) for a, b in pairs_ if a.name.startswith("held_d_")])
    # measured: tuned 1.000 / 1.000 (51 reports, after the recall round); held-out a-c 0.980 / 0.867 (22)
    # before that round, 1.000 / 0.960 after it, 1.000 / 1.000 after recall round 2; batch d, written
    # last and never tuned on: 0.858 / 0.665 before the recall round, 0.899 / 0.800 after it (one city, one
    # period wrong), 1.000 / 1.000 with every city and period right after recall round 2, which read its
    # misses (so it is seen now: its floor is kept a little below; a fresh batch e judges the rules)
    assert tuned.precision >= 0.99 and tuned.recall >= 0.99
    assert held.precision >= 0.98 and held.recall >= 0.97
    assert fresh.precision >= 0.97 and fresh.recall >= 0.96 and fresh.reports == 12
    assert tuned.cities == tuned.periods == tuned.reports
    assert held.periods == held.reports and held.cities == held.reports
    assert fresh.cities == fresh.reports and fresh.periods == fresh.reports
    # batch e, written after recall round 1 by someone who never ran the extractor: 0.897 / 0.681 before
    # recall round 2, 0.938 / 0.735 after it (city 11/11, period 10/11); recall round 3 read it: 0.982 /
    # 0.988, every city and period right (its floor a little below; a fresh batch f judges the rules)
    newest = evaluation.total([score(a, b) for a, b in pairs_ if a.name.startswith("held_e_")])
    assert newest.reports == 11 and newest.precision >= 0.97 and newest.recall >= 0.97
    assert newest.cities == newest.reports and newest.periods == newest.reports
    assert tuned.own_periods_ok == tuned.own_periods
    # batch t (16 reports written to be tuned on, data/eval/README.md): 0.793 / 0.620 with the rules before
    # recall round 3, 0.772 / 0.635 after its batch e part, 0.979 / 0.880 once it had read batch t too
    assert batch_t.reports == 16 and batch_t.precision >= 0.96 and batch_t.recall >= 0.85
    assert batch_t.cities == batch_t.periods == batch_t.reports
    # batch u (12 reports written to be tuned on): 0.882 / 0.797 (city 11/12) before recall round 4, 0.896 /
    # 0.831 after it (its floor a little below)
    assert batch_u.reports == 12 and batch_u.precision >= 0.88 and batch_u.recall >= 0.82
    assert batch_u.periods == batch_u.reports
    # batches f and h (16 each), written on 2026-12-07 by writers who never ran the extractor: f 0.907 / 0.654
    # and h 0.860 / 0.601 with the rules the day began with, 0.916 / 0.735 and 0.852 / 0.682 while still unread;
    # then read by the rounds after them: f 0.996 / 0.986, h 0.979 / 0.972, every city and period right.
    for prefix, p_floor, r_floor, known in (("held_f_", 0.98, 0.96, 16), ("held_h_", 0.96, 0.95, 16)):
        batch = evaluation.total([score(a, b) for a, b in pairs_ if a.name.startswith(prefix)])
        assert batch.reports == known and batch.precision >= p_floor and batch.recall >= r_floor, prefix
        assert batch.cities == known and batch.periods == known, prefix
    # batches i and j (16 each), written on 2026-12-07 when f and h were about to be read, by writers who never
    # ran the extractor: i 0.805 / 0.669 (city 16, period 14 of 16) and j 0.853 / 0.733 (16, 13) with the rules
    # before f and h were read, i 0.845 / 0.722 (16, 14) and j 0.859 / 0.753 (16, 14) after, while unread; then
    # read in the round after: i 0.930 / 0.881 and j 0.923 / 0.904, every city and period right. Batch k's
    # validation half (k1), read once its totals had judged that round: 0.862 / 0.706 before it, 0.955 / 0.955
    # after. Batch k's other half (k2) and batch l were never read: k2 0.901 / 0.706 → 0.927 / 0.850 (city 7 of
    # 8: a settlement, no city of the codifier), l 0.902 / 0.847 → 0.916 / 0.871 (the targets, 0.95 / 0.90, are
    # not met on them; floors a little below). In the next round batch m (16) was written first: its first half
    # (m1) read, 0.926 / 0.798 → 0.982 / 0.960; its second half (m2) never read, 0.916 / 0.884 → 0.939 / 0.895;
    # batch n (16), written when that round's rules were mostly in, never read: 0.909 / 0.826 → 0.929 / 0.844;
    # then i 0.957 / 0.947, j 0.976 / 0.955, k2 0.924 / 0.878, l 0.938 / 0.883 (every city and period right
    # but Kozelets, a settlement). In the round after, batch o was measured unread (0.938 / 0.933) and then
    # read (0.982 / 0.988); batches p (0.943 / 0.851 → 0.945 / 0.896) and q (0.910 / 0.885 → 0.907 / 0.885)
    # were never read; i 0.964 / 0.964, j 0.976 / 0.966, l 0.942 / 0.890, m 0.973 / 0.936 (floors a little below).
    # In the round after, batch r (16, written at its start with habits asked for, never read) went 0.882 / 0.842
    # → 0.926 / 0.879; batches s and v (written to be read) were measured unread first (s 0.872 / 0.882, v 0.851
    # / 0.656) and read (0.946 / 0.976, 0.938 / 0.870); batch w (16, written near its end, realism only, never
    # read) 0.928 / 0.873 with the round's starting rules, 0.931 / 0.875 with its last. The round after read w
    # (0.981 / 0.976) and batch y (written to be read: 0.894 / 0.837 unread, then read); batch x (16, realism and
    # other genres, never read) went 0.911 / 0.863 → 0.925 / 0.874 in that round. The round after read batch z
    # (written to be read: 0.905 / 0.839 unread, then read) and wrote batch z2 (never read: 0.921 / 0.918).
    batches = (("held_i_", 0.96, 0.95, 16, 16), ("held_j_", 0.98, 0.96, 16, 16), ("held_k_", 0.95, 0.93, 15, 16),
               ("held_l_", 0.93, 0.88, 16, 16), ("held_m_", 0.97, 0.93, 16, 16), ("held_n_", 0.93, 0.85, 16, 16),
               ("held_o_", 0.96, 0.95, 14, 15), ("held_p_", 0.94, 0.89, 16, 16), ("held_q_", 0.90, 0.88, 15, 15),
               ("held_r_", 0.91, 0.86, 16, 16), ("held_s_", 0.93, 0.96, 16, 16), ("held_v_", 0.92, 0.85, 16, 16),
               ("held_w_", 0.97, 0.96, 16, 15), ("held_x_", 0.92, 0.87, 16, 14), ("held_y_", 0.95, 0.95, 15, 15),
               ("held_z_", 0.95, 0.94, 15, 15), ("held_z2_", 0.92, 0.91, 15, 15))
    for prefix, p_floor, r_floor, cities, periods in batches:
        batch = evaluation.total([score(a, b) for a, b in pairs_ if a.name.startswith(prefix)])
        assert batch.reports == 16 and batch.precision >= p_floor and batch.recall >= r_floor, prefix
        assert batch.cities >= cities and batch.periods >= periods, prefix


@pytest.mark.parametrize(("title", "start", "end"), [
    ("Золотоніська міська рада\n📊 ТИЖДЕНЬ У ЦИФРАХ | 11–17.03.2024\n", "2024-03-11", "2024-03-17"),
    ("ВОЗНЕСЕНСЬК. ГРОМАДСЬКА УЧАСТЬ\nЩомісячна інформація відділу Вознесенської міської ради · березень 2024 року\n",
     "2024-03-01", "2024-03-31"),
    ("КОМУНІКАЦІЇ ГРОМАДИ: ПІДСУМКИ 2023 РОКУ\nВідділ інформаційної роботи Камінь-Каширської міської ради\n",
     "2023-01-01", "2023-12-31"),
])
def test_a_title_gives_its_period_after_a_separator_or_as_a_days_range(title: str, start: str, end: str) -> None:
    report = extract_text(title + "Опубліковано 12 новин на сайті.\n")
    assert report.period is not None
    assert (report.period.start.isoformat(), report.period.end.isoformat()) == (start, end)


@pytest.mark.parametrize(("published", "quarter", "start"), [
    ("05.10.2024", "третій квартал", "2024-07-01"), ("10.01.2025", "четвертий квартал", "2024-10-01")])
def test_a_post_naming_its_period_without_a_year_takes_it_from_the_day_it_was_published(
        published: str, quarter: str, start: str) -> None:
    report = extract_text(f"Відділ комунікацій\nНовина від {published}\n\n"
                          f"Підсумки роботи відділу комунікацій Прилуцької міської ради за {quarter}\n\n"
                          "Опубліковано 300 новин.\n")
    assert report.period is not None and report.period.granularity == "quarter"
    assert report.period.start.isoformat() == start
