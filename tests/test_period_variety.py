"""A period written in any of the ways officials write it reads the same, on its own and in a report's
title in any of the usual arrangements (the period on the title's line, on a line of its own, after a
letterhead, in capitals). Every text here is invented."""

from __future__ import annotations

import pytest

from activity.period_text import parse_period
from etl.reports.extraction import extract_text

WAYS = {
 # quarter 2024 Q1
 ("2024-01-01","2024-03-31"): ["за І квартал 2024 року","за I квартал 2024 р.","за 1 квартал 2024 року","за перший квартал 2024 року",
   "у І кварталі 2024 року","за січень – березень 2024 року","за січень-березень 2024 р.","І квартал 2024","за 1-й квартал 2024 року",
   "протягом І кварталу 2024 року","упродовж першого кварталу 2024 року","за період з 01.01.2024 по 31.03.2024","з 1 січня по 31 березня 2024 року",
   "за I кв. 2024 р.","за І кв. 2024 року","за перший квартал 2024-го року","01.01.2024–31.03.2024"],
 ("2024-01-01","2024-06-30"): ["за І півріччя 2024 року","за перше півріччя 2024 року","у першому півріччі 2024 року","за 6 місяців 2024 року",
   "за шість місяців 2024 року","за січень – червень 2024 року","за 1 півріччя 2024 р.","за I півріччя 2024 року","за півроку 2024 року"],
 ("2024-07-01","2024-12-31"): ["за ІІ півріччя 2024 року","за друге півріччя 2024 року","у другому півріччі 2024 року","за липень – грудень 2024 року","за 2 півріччя 2024 р."],
 ("2023-01-01","2023-09-30"): ["за 9 місяців 2023 року","за дев’ять місяців 2023 року","за січень – вересень 2023 року","за три квартали 2023 року","за 9 міс. 2023 р.","за січень-вересень 2023р."],
 ("2023-01-01","2023-12-31"): ["за 2023 рік","у 2023 році","протягом 2023 року","за 2023 р.","упродовж 2023 року","2023 рік","за звітний 2023 рік","за рік 2023"],
 ("2024-03-01","2024-03-31"): ["за березень 2024 року","у березні 2024 року","за березень 2024 р.","березень 2024","протягом березня 2024 року","за 03.2024","за березень місяць 2024 року"],
 ("2024-10-01","2024-12-31"): ["за IV квартал 2024 року","за ІV квартал 2024 року","за четвертий квартал 2024 року","у IV кварталі 2024 р.","за жовтень – грудень 2024 року"],
}

FORMS = [
 "Звіт про роботу відділу комунікацій Ірпінської міської ради {p}\nОприлюднено 120 новин.\n",
 "ЗВІТ\nпро роботу відділу комунікацій Ірпінської міської ради\n{p}\n\nОприлюднено 120 новин.\n",
 "Ірпінська міська рада\nВідділ комунікацій\n\nІнформація про виконану роботу {p}\nОприлюднено 120 новин.\n",
 "ЗВІТ ПРО РОБОТУ ВІДДІЛУ КОМУНІКАЦІЙ ІРПІНСЬКОЇ МІСЬКОЇ РАДИ {P}\nОприлюднено 120 новин.\n",
 "Інформація відділу комунікацій Ірпінської міської ради щодо виконаної роботи {p}\n\nОприлюднено 120 новин.\n",
]

CASES = [(start, end, text) for (start, end), texts in WAYS.items() for text in texts]


@pytest.mark.parametrize(("start", "end", "text"), CASES)
def test_every_way_of_writing_a_period_reads_the_same(start: str, end: str, text: str) -> None:
    p = parse_period(text)
    assert (p.start.isoformat(), p.end.isoformat()) == (start, end)


@pytest.mark.parametrize(("start", "end", "text"), [c for c in CASES if c[2].startswith(("за", "у ", "протягом", "упродовж"))])
def test_a_report_title_gives_the_period_however_it_is_laid_out(start: str, end: str, text: str) -> None:
    for form in FORMS:
        read = extract_text(form.format(p=text, P=text.upper()), "звіт.txt")
        assert read.period is not None, form.format(p=text, P=text.upper())
        assert (read.period.start.isoformat(), read.period.end.isoformat()) == (start, end), form
        assert [(f.code, f.value) for f in read.figures] == [("news_published", 120)]


# ------------------------------------------------------------------ the period as a label or a bare date range
LABELLED = [
 "Звітний період: 01.01.2024–30.06.2024\nВідділ комунікацій Ірпінської міської ради\n\nОприлюднено 120 новин.\n",
 "Ірпінська міська рада\nПЕРІОД: 01.01.2024 - 30.06.2024.\nІнформація відділу комунікацій\nОприлюднено 120 новин.\n",
 "Інформація про роботу відділу комунікацій Ірпінської міської ради (01.01.2024 — 30.06.2024)\nОприлюднено 120 новин.\n",
 "Відділ комунікацій Ірпінської міської ради\nЗвітний період: І півріччя 2024 р.\n\nОприлюднено 120 новин.\n",
 "Період звітування – І півріччя 2024 року\nВідділ комунікацій Ірпінської міської ради\nОприлюднено 120 новин.\n",
 "ВІДДІЛ КОМУНІКАЦІЙ\nЗВІТНИЙ ПЕРІОД — 01.01.2024 – 30.06.2024\nОприлюднено 120 новин.\n",
]


def test_a_programmes_term_is_no_report_period() -> None:
    read = extract_text("Відділ комунікацій Ірпінської міської ради\nПеріод дії програми – 2021–2025 роки\n\n"
                        "Оприлюднено 120 новин.\n", "звіт.txt")
    assert read.period is None or read.period.start.year != 2021


@pytest.mark.parametrize("text", LABELLED)
def test_a_period_stated_as_a_label_or_a_date_range_on_the_first_lines_is_the_reports(text: str) -> None:
    read = extract_text(text, "звіт.txt")
    assert read.period is not None and (read.period.start.isoformat(), read.period.end.isoformat()) == ("2024-01-01", "2024-06-30")
    assert [(f.code, f.value) for f in read.figures] == [("news_published", 120)]


def test_a_single_date_of_a_letter_is_no_period() -> None:
    read = extract_text("Ірпінська міська рада\nвих. № 12/03 від 14.02.2024\nВідділ комунікацій\n\nОприлюднено 120 новин.\n",
                        "звіт.txt")
    assert read.period is None or read.period.granularity != "custom"


# ------------------------------------------------------------------ a reply letter says when in its opening sentence
ANNOUNCED = [
 "Ірпінська міська рада\nПро громадські об’єднання\n\nНа Ваш лист відділ внутрішньої політики повідомляє про стан громадських "
 "об’єднань громади станом на 1 липня 2025 року.\nУ громаді зареєстровано 48 громадських об’єднань. Протягом 2024 року "
 "проведено 3 зустрічі.\n",
 "Ірпінська міська рада\n\nІнформуємо, що станом на 01.07.2025 у громаді зареєстровано 48 громадських об’єднань.\n",
 "ВІДДІЛ ВНУТРІШНЬОЇ ПОЛІТИКИ\nНадаємо інформацію щодо інститутів громадянського суспільства станом на 01.07.2025:\n"
 "зареєстровано 48 громадських об’єднань.\n",
]


@pytest.mark.parametrize("text", ANNOUNCED)
def test_the_opening_sentence_of_a_reply_letter_gives_its_snapshot(text: str) -> None:
    read = extract_text(text, "лист.txt")
    assert read.period is not None and read.period.start.isoformat() == read.period.end.isoformat() == "2025-07-01"
    assert [(f.code, f.value, f.as_of and f.as_of.isoformat()) for f in read.figures if f.code == "ngos_registered"] == [
        ("ngos_registered", 48, "2025-07-01")]


def test_a_stock_date_in_a_body_sentence_that_announces_nothing_is_no_snapshot() -> None:
    read = extract_text("Ірпінська міська рада\nПро громадські об’єднання\n\nСтаном на 01.07.2025 у громаді зареєстровано "
                        "48 громадських об’єднань.\n", "лист.txt")
    assert read.period is None
