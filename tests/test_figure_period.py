"""A figure whose own words name another period than its report's (etl.reports.figure_period): the
month, quarter or earlier year named in its clause, before the bracket or dash it stands after, before
a "коли" clause, or opening its sentence. Sentences invented in the manner of council reports."""

from __future__ import annotations

from datetime import date

import pytest

from etl.reports.extraction import extract_text
from tests.report_reading import unmatched

HEAD = {
    "quarter": "Звіт відділу звернень громадян Бердичівської міської ради за ІІІ квартал 2025 року\n\n",
    "year": "Звіт відділу звернень громадян Бердичівської міської ради за 2025 рік\n\n",
    "month": "Звіт відділу звернень громадян Бердичівської міської ради за квітень 2025 року\n\n",
}


def periods(kind: str, body: str) -> dict[int, tuple[date, date] | None]:
    report = extract_text(HEAD[kind] + body, "звіт.txt")
    return {f.value: (f.period.start, f.period.end) if f.period else None for f in report.figures}


JULY, AUGUST, SEPTEMBER = ((date(2025, m, 1), date(2025, m, e)) for m, e in ((7, 31), (8, 31), (9, 30)))
Q2, Q3 = (date(2025, 4, 1), date(2025, 6, 30)), (date(2025, 7, 1), date(2025, 9, 30))
YEAR_2024 = (date(2024, 1, 1), date(2024, 12, 31))


@pytest.mark.parametrize("body, want", [
    # the month in the clause, before or after the verb, in any case
    ("Найбільше звернень надійшло у вересні – 131, найменше в серпні – 97.", {131: SEPTEMBER, 97: AUGUST}),
    ("Пік звернень припав на липень – 158.", {158: JULY}),
    ("Протягом кварталу надійшло 402 звернення громадян. У серпні надійшло 140 звернень.",
     {402: None, 140: AUGUST}),
    # before a bracket, or a dash item
    ("Найбільше звернень зареєстровано у вересні (151), найменше – у липні, у період відпусток (117).",
     {151: SEPTEMBER, 117: JULY}),
    ("Звернень громадян надійшло 409: липень – 117, серпень – 141, вересень – 151.",
     {409: None, 117: JULY, 141: AUGUST, 151: SEPTEMBER}),
    # before a "коли" clause
    ("Найнапруженішим був вересень, коли надійшло 151 звернення громадян.", {151: SEPTEMBER}),
])
def test_a_month_named_with_the_figure_is_its_period(body: str, want: dict) -> None:
    assert periods("quarter", body) == want


@pytest.mark.parametrize("body, want", [
    ("У ІІІ кварталі надійшло 409 звернень громадян, тоді як у ІІ – 366.", {409: Q3, 366: Q2}),
    ("Засідань виконавчого комітету проведено 22: Iкв. – 5, IIкв. – 6, ІІІ кв. – 5, IV кв. – 6.",
     {22: None, 5: Q3, 6: (date(2025, 10, 1), date(2025, 12, 31))}),
    ("Найбільше звернень надійшло в третьому кварталі (409), найменше – у ІІ, коли діяв графік відключень (366).",
     {409: Q3, 366: Q2}),
])
def test_a_quarter_named_with_the_figure_is_its_period(body: str, want: dict) -> None:
    got = periods("year", body)
    for value, period in want.items():
        assert got[value] == period, (value, got)


@pytest.mark.parametrize("body", [
    "За рік надійшло 1 612 звернень громадян, тоді як у 2024 році – 1 498.",
    "За рік надійшло 1 612 звернень громадян (у відповідному періоді 2024 року – 1 498).",
    "За рік надійшло 1 612 звернень громадян (за аналогічний період минулого року – 1 498).",
    "За рік надійшло 1 612 звернень громадян проти 1 498 звернень у 2024 році.",
])
def test_an_earlier_year_named_with_the_figure_is_its_period(body: str) -> None:
    assert periods("year", body) == {1612: None, 1498: YEAR_2024}


def test_a_month_before_a_january_report_is_last_years() -> None:
    head = "Звіт відділу звернень громадян Бердичівської міської ради за січень 2025 року\n\n"
    report = extract_text(head + "У січні надійшло 98 звернень громадян, порівняно з груднем (121 звернення).", "з.txt")
    got = {f.value: f.period for f in report.figures}
    assert got[98] is None and (got[121].start, got[121].end) == (date(2024, 12, 1), date(2024, 12, 31))


@pytest.mark.parametrize("body, value", [
    # the report's own period, said again
    ("Протягом липня – вересня 2025 року надійшло 409 звернень громадян.", 409),
    ("У звітному кварталі надійшло 409 звернень громадян.", 409),
    # a year that describes a noun ("переможців 2024 року"), not when the figure was counted
    ("Реалізовано проєктів-переможців громадського бюджету 2024 року – 7.", 7),
    # a plan for a later period
    ("На IV квартал заплановано розглянути 12 звернень громадян, що надійшли повторно.", 12),
    # a stage's months inside the year: no period of the report's
    ("Протягом травня – червня мешканці подали 14 проєктів на громадський бюджет.", 14),
])
def test_no_own_period_where_the_words_do_not_give_one(body: str, value: int) -> None:
    got = periods("year" if "проєкт" in body else "quarter", body)
    assert got.get(value, "not read") in (None, "not read"), got


def test_the_reporting_period_said_between_stops_an_opening_year() -> None:
    body = ("У 2023 році в громаді створено відділ звернень, який у звітному році розглянув 1 612 звернень "
            "громадян.")
    assert periods("year", body).get(1612) is None


def test_parts_after_a_comparison_keep_the_reports_period() -> None:
    body = ("За квартал зареєстровано 409 звернень громадян, що на 43 більше, ніж у ІІ кварталі, коли "
            "їх надійшло 366, з них колективних – 12, повторних – 9.")
    got = periods("quarter", body)
    assert got[409] is None and got.get(12) is None and got.get(9) is None


def test_a_stock_keeps_its_date_not_a_period() -> None:
    body = "З вересня працює Telegram-канал міської ради, який станом на 30.09.2025 мав 2 140 підписників."
    report = extract_text(HEAD["quarter"] + body, "звіт.txt")
    (f,) = [f for f in report.figures if f.value == 2140]
    assert f.period is None and f.as_of == date(2025, 9, 30)


@pytest.mark.parametrize("body", [
    "У квітні надійшло 38 запитів, що менше, ніж у березні 2025 р. (41 запит).",
    "Кількість звернень громадян у квітні – 38 (у березні 2025 р. – 41).",
    "Порівняно з березнем 2025 р. (41 звернення) у квітні їх надійшло менше: 38 звернень громадян.",
])
def test_a_year_written_short_before_a_bracket_keeps_the_sentence_whole(body: str) -> None:
    got = periods("month", body)
    assert got.get(41) == (date(2025, 3, 1), date(2025, 3, 31)), got


# ------------------------------------------------------------------ a figure compared with an earlier time

Q3_2024 = (date(2024, 7, 1), date(2024, 9, 30))


@pytest.mark.parametrize("body, value, when", [
    ("Надійшло 412 звернень громадян (проти 390 торік).", 390, Q3_2024),
    ("Надійшло 412 звернень громадян, що на 22 більше, ніж торік (390).", 390, Q3_2024),
    ("Надійшло 412 звернень громадян проти 390 у ІІІ кварталі 2024 року.", 390, Q3_2024),
    ("Надійшло 412 звернень громадян, що на 35 більше, ніж у попередньому кварталі (377).", 377, Q2),
    ("Надійшло 412 звернень громадян проти 390 роком раніше.", 390, Q3_2024),
    ("Надійшло 412 звернень громадян, у попередньому кварталі – 377.", 377, Q2),
    ("Надійшло 412 звернень громадян (2023 – 370, 2024 – 390).", 390, YEAR_2024),
])
def test_a_figure_compared_at_an_earlier_time_is_the_same_metric_then(body: str, value: int, when) -> None:
    report = extract_text(HEAD["quarter"] + body, "звіт.txt")
    got = {f.value: (f.code, (f.period.start, f.period.end) if f.period else None) for f in report.figures}
    assert got[412] == ("appeals_received", None)
    assert got[value] == ("appeals_received", when), got
    assert 2023 not in got and 2024 not in got  # a year's label is no figure


@pytest.mark.parametrize("body", [
    "Надійшло 412 звернень громадян, що на 22 більше, ніж планувалося (390).",  # a plan, not an earlier time
    "Надійшло 412 звернень громадян проти 390 запланованих.",
    "Надійшло 412 звернень громадян (проти 390 у ІІІ кварталі 2025 року).",  # the report's own period
    "Надійшло 412 звернень громадян проти 390.",  # no time said
])
def test_a_comparison_naming_no_earlier_time_is_left_unmatched(body: str) -> None:
    report = extract_text(HEAD["quarter"] + body, "звіт.txt")
    assert [(f.code, f.value) for f in report.figures] == [("appeals_received", 412)]
    assert "390" in unmatched(report)


def test_an_earlier_period_compared_by_instrumental_words_or_by_a_dash() -> None:
    report = extract_text("Звіт про роботу загального відділу Балаклійської міської ради за 9 місяців 2023 року\n"
                          "Прийнято 508 рішень виконавчого комітету, за аналогічний період 2022 року – 471.\n"
                          "У ІІІ кварталі надійшло 212 звернень, що на 9 більше у порівнянні з ІІІ кварталом 2022 "
                          "року (203).\n")
    got = {(f.code, f.value): f.period for f in report.figures}
    assert got[("exec_decisions_adopted", 508)] is None
    then = got[("exec_decisions_adopted", 471)]
    assert (then.start, then.end) == (date(2022, 1, 1), date(2022, 9, 30))
    quarter = got[("appeals_received", 203)]
    assert (quarter.start, quarter.end) == (date(2022, 7, 1), date(2022, 9, 30))


def test_a_month_before_a_number_in_brackets_is_its_period() -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян Пирятинської міської ради за І півріччя 2023 року\n"
                          "Найбільше звернень зареєстровано у березні – 77 та у травні – 70, найменше – у січні (41).\n")
    got = {f.value: f.period.start.month for f in report.figures if f.code == "appeals_received" and f.period}
    assert got == {77: 3, 70: 5, 41: 1}


def test_whereas_an_earlier_year_compares_with_the_figure_of_its_own_sentence() -> None:
    report = extract_text("Аналітична довідка Прилуцької міської ради за 2023 рік\n"
                          "Надійшло 612 звернень, тоді як у 2022 році – 555. До міської ради звернулося 1 047 "
                          "громадян з урахуванням підписантів колективних звернень, тоді як у 2022 році – 893.")
    got = {(f.code, f.value, f.period.start.year if f.period else None) for f in report.figures}
    assert got == {("appeals_received", 612, None), ("appeals_received", 555, 2022),
                   ("citizens_appealed", 1047, None), ("citizens_appealed", 893, 2022)}


def test_a_noun_said_again_for_an_earlier_year_names_the_figure_of_its_sentence_with_that_noun() -> None:
    report = extract_text("Звіт про громадський бюджет Прилуцької міської ради за 2021 рік\n"
                          "На платформу надійшло 214 проєктів від 176 авторів (у 2020 році – 187 проєктів).")
    got = {(f.code, f.value, f.period.start.year if f.period else None) for f in report.figures}
    assert got == {("pb_projects_submitted", 214, None), ("pb_authors", 176, None),
                   ("pb_projects_submitted", 187, 2020)}


def test_a_sentence_opening_with_це_compares_the_figure_of_the_sentence_before() -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян Прилуцької міської ради за січень 2026 року\n"
                          "У січні 2026 року надійшло 142 звернення громадян. Це менше, ніж у грудні 2025 року (168).")
    got = {(f.code, f.value, f.period.start.isoformat() if f.period else None) for f in report.figures}
    assert ("appeals_received", 168, "2025-12-01") in got and ("appeals_received", 142, None) in got


def test_a_figure_since_the_year_began_covers_january_to_the_reports_end() -> None:
    report = extract_text("Звіт про доступ до публічної інформації Прилуцької міської ради за листопад 2023 року\n"
                          "У листопаді надійшло 38 запитів, а з початку року – 412.")
    got = {f.value: (f.period.start, f.period.end, f.period.cumulative) if f.period else None for f in report.figures}
    assert got == {38: None, 412: (date(2023, 1, 1), date(2023, 11, 30), True)}
    year = extract_text("Звіт про доступ до публічної інформації Прилуцької міської ради за 2023 рік\n"
                        "З початку року надійшло 412 запитів.")
    assert [(f.value, f.period) for f in year.figures] == [(412, None)]  # the report's own year


def test_a_month_before_a_colon_is_the_period_of_the_number_after_it() -> None:
    report = extract_text("Звіт про громадську участь Прилуцької міської ради за ІІ квартал 2021 року\n"
                          "За квартал зареєстровано 11 електронних петицій, найбільше – у травні: 5.")
    got = {(f.value, f.period.start.isoformat() if f.period else None) for f in report.figures}
    assert got == {(11, None), (5, "2021-05-01")}


def test_years_and_dates_said_in_turn_are_labels_of_their_own_figures() -> None:
    from etl.reports.extraction import extract_text

    report = extract_text("Звіт відділу Ічнянської міської ради за 2025 рік\n"
                          "У 2025 році надійшло 412 звернень, у 2024 – 388, у 2023 – 351.\n"
                          "Станом на 01.01.2026 у громаді зареєстровано 48 громадських організацій "
                          "(на 01.01.2025 – 45, на 01.01.2024 – 41).").as_json()
    got = {(m["code"], m["value"]): (m.get("as_of"), (m.get("period") or {}).get("start")) for m in report["metrics"]}
    assert got == {("appeals_received", 412): (None, None), ("appeals_received", 388): (None, "2024-01-01"),
                   ("appeals_received", 351): (None, "2023-01-01"), ("ngos_registered", 48): ("2026-01-01", None),
                   ("ngos_registered", 45): ("2025-01-01", None), ("ngos_registered", 41): ("2024-01-01", None)}


@pytest.mark.parametrize(("text", "now", "then", "start"), [
    # two counts of one bracket share its earlier time
    ("Звіт загального відділу Ічнянської селищної ради за ІІІ квартал 2024 року\n"
     "Проведено 8 засідань виконавчого комітету, прийнято 171 рішення (у ІІІ кварталі 2023 року – "
     "7 засідань та 158 рішень).", (8, 171), (7, 158), date(2023, 7, 1)),
    # a bracket of another time names what the sentence before counted
    ("Інформація загального відділу Сновської міської ради за І квартал 2025 року\n"
     "У січні – березні відбулося 5 засідань виконавчого комітету. Ухвалено 118 рішень "
     "(у І кварталі 2024 року – 4 засідання та 97 рішень).", (5, 118), (4, 97), date(2024, 1, 1)),
])
def test_the_counts_of_a_bracket_of_another_time_share_it(text: str, now: tuple, then: tuple, start: date) -> None:
    got = {(f.code, f.value): f.period for f in extract_text(text).figures}
    codes = ("exec_committee_meetings", "exec_decisions_adopted")
    assert all(got[(code, value)] is None for code, value in zip(codes, now, strict=True))
    assert all(got[(code, value)].start == start for code, value in zip(codes, then, strict=True))
