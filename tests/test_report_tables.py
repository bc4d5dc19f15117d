"""Tables written as text inside a report (etl.reports.tables): every layout officials use, read cell
by cell, and the numbers of a table that are never figures. Every text here is invented for these tests."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from etl.reports.extraction import extract_text
from etl.reports.tables import column_heading, find_rows
from etl.reports.tokens import split_sentences
from tests.report_reading import breakdowns, pairs, unmatched


def periods(report, code: str) -> dict[int, tuple[str, str] | None]:
    return {f.value: (f.period.granularity, f.period.start.isoformat()) if f.period else None
            for f in report.figures if f.code == code}


# ------------------------------------------------------------------ finding the rows and their cells


def test_rows_split_by_pipes_tabs_or_spaces_drop_their_row_number() -> None:
    text = ("Вступ без таблиці.\n"
            "| № з/п | Показник | Кількість |\n"
            "|-------|----------|-----------|\n"
            "| 1.    | Новини   | 12        |\n"
            "\n"
            "№\tПоказник\tКількість\n"
            "2)\tВідеосюжети\t4\n"
            "\n"
            "№    Показник          Кількість\n"
            "1.1  Дописи            7\n")
    rows = find_rows(text)
    assert sorted(rows) == [2, 4, 6, 7, 9, 10]  # the ruled line is no row, but stays inside its table
    cells = [[text[a:b] for a, b in rows[n].cells] for n in (2, 4, 7, 10)]
    assert cells == [["Показник", "Кількість"], ["Новини", "12"], ["Відеосюжети", "4"], ["Дописи", "7"]]
    assert rows[2].heading and not rows[4].heading and rows[2].table == rows[4].table
    assert len({rows[n].table for n in (2, 6, 9)}) == 3


def test_a_signature_or_a_lone_line_with_wide_gaps_is_no_table() -> None:
    text = ("Звіт про роботу відділу комунікацій Ковельської міської ради за березень 2025 року\n\n"
            "Опубліковано 31 новину.\n\n"
            "Начальник відділу                                  Т. МЕЛЬНИК\n"
            "тел.   2-14-55\n")
    assert find_rows(text) == {}
    assert pairs(extract_text(text)) == Counter({("news_published", 31): 1})


def test_column_headings_name_periods_dates_or_the_reports_own_period() -> None:
    assert column_heading("І квартал", 2024).start == date(2024, 1, 1)
    assert column_heading("IV кв.", 2024).start == date(2024, 10, 1)  # Latin numerals
    assert column_heading("лютий", 2025).end == date(2025, 2, 28)
    assert column_heading("листопад 2018", 2019).start == date(2018, 11, 1)
    assert column_heading("2023 рік").granularity == "year"
    assert column_heading("станом на 01.07.2024") == date(2024, 7, 1)
    assert column_heading("01.01.2025") == date(2025, 1, 1)
    for total in ("Разом", "Усього", "Всього", "Кількість", "Кількість, од.", "к-сть"):
        assert column_heading(total) == "report", total
    for other in ("Примітка", "Частка, %", "Голосів", "Відповідальний"):
        assert column_heading(other) is None, other


# ------------------------------------------------------------------ periods by column


def test_a_pipe_table_of_quarters_gives_each_quarter_and_the_year_in_its_total_column() -> None:
    report = extract_text(
        "Звіт про розгляд запитів на публічну інформацію у виконавчому комітеті Бердичівської міської ради "
        "за 2024 рік\n\n"
        "Розгляд запитів за кварталами наведено в таблиці 2.\n\n"
        "| № з/п | Показник                 | I кв. | II кв. | III кв. | IV кв. | Всього |\n"
        "|-------|--------------------------|-------|--------|---------|--------|--------|\n"
        "| 1.    | Надійшло запитів         | 51    | 47     | 39      | 60     | 197    |\n"
        "| 2.    | Задоволено запитів       | 40    | 38     | 30      | 52     | 160    |\n"
        "| 3.    | Відмовлено у задоволенні | 3     |        | 2       | 1      | 6      |\n")
    assert pairs(report) == Counter({
        ("public_info_requests", 51): 1, ("public_info_requests", 47): 1, ("public_info_requests", 39): 1,
        ("public_info_requests", 60): 1, ("public_info_requests", 197): 1,
        ("public_info_requests_satisfied", 40): 1, ("public_info_requests_satisfied", 38): 1,
        ("public_info_requests_satisfied", 30): 1, ("public_info_requests_satisfied", 52): 1,
        ("public_info_requests_satisfied", 160): 1,
        ("public_info_requests_refused", 3): 1, ("public_info_requests_refused", 2): 1,
        ("public_info_requests_refused", 1): 1, ("public_info_requests_refused", 6): 1})
    assert periods(report, "public_info_requests") == {
        51: ("quarter", "2024-01-01"), 47: ("quarter", "2024-04-01"), 39: ("quarter", "2024-07-01"),
        60: ("quarter", "2024-10-01"), 197: None}  # None: the report's own year
    assert periods(report, "public_info_requests_refused")[2] == ("quarter", "2024-07-01")  # an empty cell skipped
    assert not unmatched(report)  # neither the row numbers nor "таблиці 2"


def test_cyrillic_quarters_and_a_label_without_its_noun_under_the_lead_row() -> None:
    report = extract_text(
        "Звіт про розгляд запитів на інформацію у Глобинській міській раді за І півріччя 2022 року\n\n"
        "Показник | І квартал | ІІ квартал | Разом\n"
        "Надійшло запитів | 30 | 36 | 66\n"
        "Відмовлено у задоволенні | 2 | 1 | 3\n")
    assert pairs(report) == Counter({("public_info_requests", 30): 1, ("public_info_requests", 36): 1,
                                     ("public_info_requests", 66): 1, ("public_info_requests_refused", 2): 1,
                                     ("public_info_requests_refused", 1): 1, ("public_info_requests_refused", 3): 1})


def test_months_as_columns_of_a_quarter_are_months_and_a_share_row_is_no_figure() -> None:
    report = extract_text(
        "Звіт про роботу відділу комунікацій Ковельської міської ради за І квартал 2025 року\n\n"
        "Показник                                   січень     лютий     березень    Разом\n"
        "Новини на офіційному вебсайті                  41        38          45      124\n"
        "Частка відеоматеріалів, %                      12        15          11       13\n")
    assert pairs(report) == Counter({("news_published", 41): 1, ("news_published", 38): 1,
                                     ("news_published", 45): 1, ("news_published", 124): 1})
    months = {f.value: f.breakdown for f in report.figures if f.period is not None}
    assert months == {41: "місяць: січень", 38: "місяць: лютий", 45: "місяць: березень"}
    assert not unmatched(report)


def test_years_side_by_side_with_spaces_and_an_indented_part_that_is_never_added() -> None:
    report = extract_text(
        "Інформація про роботу зі зверненнями громадян у Смілянській міській раді за 2024 рік\n\n"
        "Показник                                  2023        2024\n"
        "Надійшло звернень                          412         437\n"
        "   у тому числі колективних                  18          25\n"
        "Кількість громадян, які звернулися         530         561\n\n"
        "Секретар ради                                          О. КОВАЛЬ\n")
    assert pairs(report) == Counter({("appeals_received", 412): 1, ("appeals_received", 437): 1,
                                     ("appeals_received", 18): 1, ("appeals_received", 25): 1,
                                     ("citizens_appealed", 530): 1, ("citizens_appealed", 561): 1})
    assert periods(report, "citizens_appealed") == {530: ("year", "2023-01-01"), 561: None}
    parts = {f.value: f.breakdown for f in report.figures if f.code == "appeals_received"}
    assert parts[25] and parts[18] and parts[437] is None
    assert "2023" not in unmatched(report) and "2024" not in unmatched(report)


def test_stocks_by_dated_columns_with_a_note_column_and_a_dash() -> None:
    report = extract_text(
        "Довідка відділу внутрішньої політики Ковельської міської ради станом на 1 січня 2025 року\n\n"
        "№\tПоказник\tстаном на 01.07.2024\tстаном на 01.01.2025\tПримітка\n"
        "1\tГромадські організації\t211\t219\tза даними ЄДР\n"
        "2\tРелігійні громади\t47\t48\t\n"
        "3\tПрофспілкові організації\t–\t52\tуточнюється\n")
    got = {(f.code, f.value, f.as_of) for f in report.figures}
    assert got == {("ngos_registered", 211, date(2024, 7, 1)), ("ngos_registered", 219, date(2025, 1, 1)),
                   ("religious_orgs_registered", 47, date(2024, 7, 1)),
                   ("religious_orgs_registered", 48, date(2025, 1, 1)),
                   ("trade_unions_registered", 52, date(2025, 1, 1))}  # a dash is no figure


# ------------------------------------------------------------------ row labels, totals, appendices


def test_an_appendix_after_the_signature_with_a_heading_over_two_lines_and_a_checked_total() -> None:
    report = extract_text(
        "Звіт про роботу відділу комунікацій Ковельської міської ради за березень 2025 року\n\n"
        "У березні відділ висвітлював роботу ради; показники наведено в додатку 1.\n\n"
        "Начальник відділу                                       Т. МЕЛЬНИК\n\n"
        "Додаток 1\n"
        "№    Показник                                   Кількість,\n"
        "                                                од.\n"
        "1    Новини на офіційному вебсайті              53\n"
        "2    Відеосюжети                                 9\n"
        "3    Брифінги, пресконференції                   –\n"
        "4    Дописи у Facebook                          77\n"
        "     Разом                                     139\n")
    assert pairs(report) == Counter({("news_published", 53): 1, ("videos_published", 9): 1,
                                     ("social_media_posts", 77): 1})  # the total is checked, not loaded
    assert not unmatched(report)


def test_a_totals_row_that_does_not_add_up_is_reported_not_loaded() -> None:
    report = extract_text(
        "Звіт про роботу відділу комунікацій Ковельської міської ради за березень 2025 року\n\n"
        "Показник | Кількість\n"
        "Новини на офіційному вебсайті | 53\n"
        "Відеосюжети | 9\n"
        "Разом | 70\n")
    assert pairs(report) == Counter({("news_published", 53): 1, ("videos_published", 9): 1})
    assert "70" in unmatched(report)


def test_a_label_the_spreadsheet_resolver_reads_wins_over_a_borrowed_noun() -> None:
    report = extract_text(
        "Звіт про роботу відділу комунікацій Ковельської міської ради за квітень 2025 року\n\n"
        "Показник\tКількість\n"
        "Дописи у Facebook\t64\n"
        "Оприлюднено документів (рішення, розпорядження)\t218\n")
    assert pairs(report) == Counter({("social_media_posts", 64): 1, ("documents_published", 218): 1})


def test_parts_by_channel_and_requester_under_the_lead_row_keep_its_metric() -> None:
    report = extract_text(
        "Звіт про розгляд запитів на публічну інформацію у Ковельській міській раді за травень 2025 року\n\n"
        "Показник                                    Кількість\n"
        "Надійшло запитів, усього                           29\n"
        "   від фізичних осіб                               20\n"
        "   від громадських об’єднань                        9\n"
        "Надійшло електронною поштою                        25\n"
        "Надійшло поштою                                     4\n"
        "Задоволено                                         21\n")
    assert pairs(report) == Counter({("public_info_requests", 29): 1, ("public_info_requests", 20): 1,
                                     ("public_info_requests", 9): 1, ("public_info_requests", 25): 1,
                                     ("public_info_requests", 4): 1, ("public_info_requests_satisfied", 21): 1})
    parts = {f.value: f.breakdown for f in report.figures if f.code == "public_info_requests"}
    assert parts[29] in (None, "усього") and all(parts[v] for v in (20, 9, 25, 4))


def test_a_transposed_table_gives_each_column_its_metric_and_the_row_as_breakdown() -> None:
    report = extract_text(
        "Звіт про підсумки громадського бюджету Ковельської міської ради у 2024 році\n\n"
        "Категорія\tПодано\tДопущено\tПереможців\n"
        "Великі проєкти\t21\t15\t4\n"
        "Малі проєкти\t57\t44\t12\n")
    assert pairs(report) == Counter({
        ("pb_projects_submitted", 21): 1, ("pb_projects_on_ballot", 15): 1, ("pb_projects_won", 4): 1,
        ("pb_projects_submitted", 57): 1, ("pb_projects_on_ballot", 44): 1, ("pb_projects_won", 12): 1})
    assert {f.breakdown for f in report.figures} == {"категорія: великі проєкти", "категорія: малі проєкти"}


def test_votes_by_project_name_are_a_projects_votes_and_an_address_in_a_name_keeps_the_number() -> None:
    report = extract_text(
        "Звіт про підсумки громадського бюджету Ковельської міської ради у 2024 році\n\n"
        "Назва проєкту\tКількість голосів\n"
        "Спортивний майданчик на вул. Сонячній\t812\n"
        "Книжкова шафа у парку\t455\n")
    assert pairs(report) == Counter({("pb_project_votes", 812): 1, ("pb_project_votes", 455): 1})
    assert {f.breakdown for f in report.figures} == {"проєкт: Спортивний майданчик на вул. Сонячній",
                                                     "проєкт: Книжкова шафа у парку"}


def test_a_table_the_rules_cannot_read_leaves_its_numbers_unmatched() -> None:
    report = extract_text(
        "Звіт про роботу відділу комунікацій Ковельської міської ради за березень 2025 року\n\n"
        "Об’єкт благоустрою | Площа | Підрядник\n"
        "Сквер біля ставу | 35 | Іваненко\n"
        "Алея каштанів | 120 | Петренко\n")
    assert not report.figures
    assert {"35", "120"} <= unmatched(report)


def test_rows_are_sentences_of_their_own_with_a_dash_between_cells() -> None:
    text = "Показник      Кількість\nНовини         5\nВідеосюжети    2\n"
    rows = [s for s in split_sentences(text) if s.row]
    assert len(rows) == 3 and [t.text for t in rows[1].tokens] == ["Новини", "|", "5"]


# ------------------------------------------------------------------ rows that are periods, topics, signed changes


def test_rows_of_months_under_a_title_naming_the_metric_and_their_total() -> None:
    report = extract_text(
        "Звіт про роботу зі зверненнями громадян у виконавчому комітеті Ковельської міської ради "
        "за І квартал 2025 року\n\n"
        "Кількість звернень за місяцями:\n\n"
        "Місяць | Кількість\n"
        "Січень | 40\n"
        "Лютий | 38\n"
        "Березень | 45\n"
        "Разом | 123\n")
    assert pairs(report) == Counter({("appeals_received", 40): 1, ("appeals_received", 38): 1,
                                     ("appeals_received", 45): 1, ("appeals_received", 123): 1})
    assert periods(report, "appeals_received") == {40: ("month", "2025-01-01"), 38: ("month", "2025-02-01"),
                                                   45: ("month", "2025-03-01"), 123: None}


def test_rows_of_months_with_a_metric_in_each_column() -> None:
    report = extract_text(
        "Звіт про роботу зі зверненнями громадян у виконавчому комітеті Ковельської міської ради "
        "за І квартал 2025 року\n\n"
        "Місяць\tНадійшло звернень\tРозглянуто звернень\n"
        "Січень\t40\t37\n"
        "Лютий\t38\t36\n")
    assert pairs(report) == Counter({("appeals_received", 40): 1, ("appeals_answered", 37): 1,
                                     ("appeals_received", 38): 1, ("appeals_answered", 36): 1})
    assert periods(report, "appeals_answered") == {37: ("month", "2025-01-01"), 36: ("month", "2025-02-01")}
    assert {f.breakdown for f in report.figures} == {"місяць: січень", "місяць: лютий"}


def test_topics_with_a_percent_column_an_other_row_and_their_total() -> None:
    report = extract_text(
        "Звіт про роботу відділу по роботі зі зверненнями громадян Ковельської міської ради за 2024 рік\n\n"
        "Тематика звернень\tКількість\t%\n"
        "Житлово-комунальне господарство\t212\t41,2\n"
        "Соціальний захист\t140\t27,2\n"
        "Інше\t64\t12,6\n"
        "Усього\t416\t100\n")
    assert pairs(report) == Counter({("appeal_issues_raised", 212): 1, ("appeal_issues_raised", 140): 1,
                                     ("appeal_issues_raised", 64): 1, ("appeal_issues_raised", 416): 1})
    assert not unmatched(report)


def test_a_change_column_with_signs_is_no_figure() -> None:
    report = extract_text(
        "Звіт про роботу відділу комунікацій Ковельської міської ради за 2024 рік\n\n"
        "Показник                               2023 рік      2024 рік     Зміна, %\n"
        "Брифінги                                    14            19        +35,7\n"
        "Відеосюжети                                 52            47         -9,6\n")
    assert pairs(report) == Counter({("press_events_organized", 14): 1, ("press_events_organized", 19): 1,
                                     ("videos_published", 52): 1, ("videos_published", 47): 1})
    assert periods(report, "videos_published") == {52: ("year", "2023-01-01"), 47: None}


def test_a_plan_column_is_no_figure_and_the_fact_column_is_the_reports() -> None:
    report = extract_text(
        "Звіт про роботу відділу комунікацій Ковельської міської ради за І півріччя 2025 року\n\n"
        "Показник | План | Факт\n"
        "Новини на офіційному вебсайті | 200 | 236\n"
        "Відеосюжети | 40 | 31\n")
    assert pairs(report) == Counter({("news_published", 236): 1, ("videos_published", 31): 1})


def test_the_same_period_a_year_before_as_a_column() -> None:
    report = extract_text(
        "Звіт про роботу зі зверненнями громадян у Ковельській міській раді за І півріччя 2025 року\n\n"
        "Показник\tАналогічний період минулого року\tЗвітний період\n"
        "Надійшло звернень\t604\t655\n")
    assert periods(report, "appeals_received") == {604: ("half_year", "2024-01-01"), 655: None}
    assert column_heading("Разом за півріччя") == column_heading("Поточний рік") == "report"
    assert column_heading("Усього за 2023 рік").start == date(2023, 1, 1)


def test_six_month_columns_a_written_zero_and_a_label_wrapped_over_two_lines() -> None:
    report = extract_text(
        "Звіт про розгляд запитів на публічну інформацію у Ковельській міській раді за ІІ півріччя 2024 року\n\n"
        "| № | Показник | липень | серпень | вересень | жовтень | листопад | грудень | Разом за півріччя |\n"
        "| 1 | Надійшло запитів | 12 | 9 | 14 | 11 | 10 | 8 | 64 |\n"
        "| 2 | Направлено належному |  |  |  |  |  |  |  |\n"
        "|   | розпоряднику | 1 | 0 | 2 | 1 | 0 | 1 | 5 |\n")
    got = periods(report, "public_info_requests")
    assert got[12] == ("month", "2024-07-01") and got[8] == ("month", "2024-12-01") and got[64] is None
    forwarded = sorted((f.value, f.period.start.month if f.period else None) for f in report.figures
                       if f.code == "public_info_requests_forwarded")
    assert forwarded == [(0, 8), (0, 11), (1, 7), (1, 10), (1, 12), (2, 9), (5, None)]


def test_a_label_cell_left_blank_goes_on_from_the_row_above() -> None:
    report = extract_text(
        "Звіт про роботу зі зверненнями громадян у Ковельській міській раді за 2024 рік\n\n"
        "| Вид звернення | Форма    | Кількість |\n"
        "| Заяви         | письмові | 120       |\n"
        "|               | усні     | 40        |\n"
        "|               | електронні | 25      |\n"
        "| Скарги        | письмові | 30        |\n")
    assert pairs(report) == Counter({("appeals_received", 120): 1, ("appeals_received", 40): 1,
                                     ("appeals_received", 25): 1, ("appeals_received", 30): 1})
    got = {f.value: f.breakdown for f in report.figures}
    assert got[40] == "Заяви усні" and got[25] == "Заяви електронні"
    assert all(f.breakdown for f in report.figures)  # kinds side by side, none a total of the others


def test_a_column_named_after_the_rows_noun_under_показник_is_no_transposed_table() -> None:
    report = extract_text(
        "Звіт про розгляд запитів на публічну інформацію у Ковельській міській раді за травень 2025 року\n\n"
        "Показник\tКількість запитів\n"
        "Надійшло запитів, усього\t38\n"
        "Задоволено\t22\n"
        "Відмовлено у задоволенні\t2\n")
    assert pairs(report) == Counter({("public_info_requests", 38): 1, ("public_info_requests_satisfied", 22): 1,
                                     ("public_info_requests_refused", 2): 1})


# ------------------------------------------------------------------ forms: a leader from the label to its value


@pytest.mark.parametrize("form", [
    ("Надійшло звернень громадян ........................ 96\n"
     "   у т. ч. колективних ............................ 7\n"
     "   з них у серпні ................................. 30\n"
     "Розглянуто звернень ............................... 90\n"),
    ("Надійшло звернень громадян__________________________96\n"
     "  у тому числі колективних__________________________7\n"
     "  з них у серпні____________________________________30\n"
     "Розглянуто звернень_________________________________90\n"),
    ("Надійшло звернень громадян · · · · · · · · · · · · 96;\n"
     "    колективних · · · · · · · · · · · · · · · · · · 7;\n"
     "    з них у серпні · · · · · · · · · · · · · · · · · 30;\n"
     "Розглянуто звернень · · · · · · · · · · · · · · · · 90.\n"),
    ("Надійшло звернень громадян ................... 96, з них колективних – 7\n"
     "   з них у серпні .............................. 30\n"
     "Розглянуто звернень .......................... 90\n"),
    ("Надійшло звернень громадян ……………………… 96\n"
     "   колективних …………………… 7\n"
     "   у серпні …………………… 30\n"
     "Розглянуто звернень …….. 90 (із запізненням – жодного)\n"),
])
def test_a_form_with_leaders_reads_each_line_as_a_row_and_an_indented_line_as_its_part(form: str) -> None:
    """A form's line ("label ........ value", leaders of dots, "…", "_" or "· · ·") is a table row: its
    label is read as a row label, an indented line under it is a part of it, a month's part gets that
    month, and a note in brackets after the value is no value of the row."""
    report = extract_text("Звіт про роботу зі зверненнями громадян у Ковельській міській раді за ІІІ квартал "
                          "2025 року\n\nЗведені дані\n" + form)
    assert pairs(report) == Counter({("appeals_received", 96): 1, ("appeals_received", 7): 1,
                                     ("appeals_received", 30): 1, ("appeals_answered", 90): 1}), form
    got = {f.value: f for f in report.figures}
    assert got[7].breakdown and got[96].breakdown in (None, "громадян")
    assert got[30].period is not None and got[30].period.start == date(2025, 8, 1)


def test_form_lines_under_a_lead_with_its_total_are_its_parts_even_with_a_short_leader() -> None:
    report = extract_text(
        "Звіт про роботу відділу комунікацій Ковельської міської ради за травень 2025 року\n\n"
        "• Соціальні мережі – 120 дописів:\n"
        "      Facebook ......... 70\n"
        "      Instagram ........ 38\n"
        "      TikTok . 12\n"
        "• Анонсів направлено до ЗМІ – 9.\n")
    assert pairs(report) == Counter({("social_media_posts", 120): 1, ("social_media_posts", 70): 1,
                                     ("social_media_posts", 38): 1, ("social_media_posts", 12): 1,
                                     ("media_announcements_sent", 9): 1})
    assert all(f.breakdown for f in report.figures if f.code == "social_media_posts" and f.value != 120)


def test_a_form_line_naming_no_metric_leaves_its_number_unmatched_and_a_lone_dot_is_no_leader() -> None:
    report = extract_text(
        "Звіт про роботу загального відділу Ковельської міської ради за травень 2025 року\n\n"
        "Видано засвідчених копій рішень ................... 37\n"
        "Прийнято громадян на особистому прийомі ........... 86\n"
        "Опубліковано новин ................................. 14\n\n"
        "Засідань проведено у залі № 2 . 5 разів на тиждень працював прийом.\n")
    assert pairs(report) == Counter({("news_published", 14): 1})
    assert {"37", "86"} <= unmatched(report)


def test_a_table_of_contents_with_leaders_is_no_form() -> None:
    report = extract_text(
        "Звіт про роботу відділу комунікацій Ковельської міської ради за 2025 рік\n\n"
        "ЗМІСТ\n"
        "Вступ ............................................... 2\n"
        "Відеосюжети та онлайн-трансляції .................... 4\n"
        "Новини на офіційному сайті .......................... 7\n\n"
        "Протягом року опубліковано 640 новин.\n")
    assert pairs(report) == Counter({("news_published", 640): 1})


# ------------------------------------------------------------------ columns named by a verb, the noun in the caption


@pytest.mark.parametrize("table", [
    ("Таблиця 2. Розгляд звернень громадян за кварталами\n"
     "Квартал\tНадійшло\tРозглянуто\n"
     "І квартал\t40\t38\n"
     "ІІ квартал\t52\t50\n"
     "Разом за півріччя\t92\t88\n"),
    ("Надходження та розгляд звернень по кварталах:\n"
     "| Період     | Надійшло | Розглянуто |\n"
     "|------------|----------|------------|\n"
     "| I кв.      | 40       | 38         |\n"
     "| II кв.     | 52       | 50         |\n"
     "| Усього     | 92       | 88         |\n"),
    ("Звернення громадян у розрізі кварталів\n\n"
     "Квартал          Зареєстровано     Розглянуто\n"
     "ІІ квартал              52                50\n"
     "І квартал               40                38\n"
     "Всього                  92                88\n"),
])
def test_verb_columns_count_the_captions_noun_by_period_rows_and_the_total_row_is_the_reports(table: str) -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян у Ковельській міській раді за І півріччя "
                          "2025 року\n\n" + table)
    assert pairs(report) == Counter({("appeals_received", 40): 1, ("appeals_received", 52): 1,
                                     ("appeals_received", 92): 1, ("appeals_answered", 38): 1,
                                     ("appeals_answered", 50): 1, ("appeals_answered", 88): 1}), table
    assert periods(report, "appeals_received") == {40: ("quarter", "2025-01-01"), 52: ("quarter", "2025-04-01"),
                                                   92: None}


def test_verb_columns_under_a_caption_naming_no_metric_stay_unmatched() -> None:
    report = extract_text(
        "Звіт про роботу відділу благоустрою Ковельської міської ради за І півріччя 2025 року\n\n"
        "Таблиця 1. Ремонт тротуарів за кварталами\n"
        "Квартал\tНадійшло\tВиконано\n"
        "І квартал\t14\t9\n"
        "ІІ квартал\t21\t17\n")
    assert not report.figures
    assert {"9", "17"} <= unmatched(report)


# ------------------------------------------------------------------ a part row reads with the row right above it


@pytest.mark.parametrize("table", [
    ("Показник                               | 2023  | 2024\n"
     "Зареєстровано документів, усього       | 5 200 | 4 870\n"
     "  вихідних                             | 1 930 | 1 710\n"
     "Засідань виконавчого комітету          | 21    | 23\n"
     "  у т. ч. позачергових                 | 4     | 6\n"
     "Видано архівних копій                  | 40    | 52\n"
     "  у т. ч. на запит судів               | 12    | 15\n"),
    ("Показник\t2023\t2024\n"
     "Зареєстровано документів, усього\t5 200\t4 870\n"
     "з них вихідних\t1 930\t1 710\n"
     "Засідань виконавчого комітету\t21\t23\n"
     "з них позачергових\t4\t6\n"
     "Видано архівних копій\t40\t52\n"
     "з них на запит судів\t12\t15\n"),
    ("Показник                                2023        2024\n"
     "Засідань виконавчого комітету             21          23\n"
     "     позачергових                          4           6\n"
     "Зареєстровано документів, усього       5 200       4 870\n"
     "     вихідних                          1 930       1 710\n"
     "Видано архівних копій                     40          52\n"
     "     на запит судів                       12          15\n"),
])
def test_a_part_row_reads_with_the_row_above_and_a_part_with_a_name_of_its_own_is_that_metric(table: str) -> None:
    report = extract_text("Звіт про роботу загального відділу Ковельської міської ради за 2024 рік\n\n" + table)
    assert pairs(report) == Counter({
        ("documents_flow_total", 5200): 1, ("documents_flow_total", 4870): 1, ("outgoing_documents", 1930): 1,
        ("outgoing_documents", 1710): 1, ("exec_committee_meetings", 21): 1, ("exec_committee_meetings", 23): 1,
        ("exec_committee_meetings", 4): 1, ("exec_committee_meetings", 6): 1}), table
    # archive copies (40, 52) name no metric, nor do their part for courts (12, 15): never the first row's noun


# ------------------------------------------------------------------ rows that are who did something


@pytest.mark.parametrize("table", [
    ("Розподіл запитів на інформацію за категоріями запитувачів:\n"
     "Категорія запитувача              Кількість    Частка, %\n"
     "фізичні особи                            30         60,0\n"
     "громадські організації                   12         24,0\n"
     "редакції ЗМІ                              8         16,0\n"),
    ("Запити на публічну інформацію надійшли від:\n"
     "| Запитувачі              | Кількість |\n"
     "| Фізичні особи           | 30        |\n"
     "| Громадські організації  | 12        |\n"
     "| Редакції ЗМІ            | 8         |\n"),
    ("Надійшло 50 запитів на публічну інформацію.\n\n"
     "Категорії заявників\tЗапитів\n"
     "громадяни\t30\n"
     "громадські об’єднання та організації\t12\n"
     "журналісти\t8\n"),
])
def test_rows_of_people_are_kinds_of_who_asked_never_metrics_of_their_own(table: str) -> None:
    report = extract_text("Звіт про розгляд запитів на публічну інформацію у Ковельській міській раді за 2024 рік\n\n"
                          + table)
    got = Counter((f.code, f.value) for f in report.figures if f.value != 50)
    assert got == Counter({("public_info_requests", 30): 1, ("public_info_requests", 12): 1,
                           ("public_info_requests", 8): 1}), table


def test_rows_of_kinds_of_documents_each_name_their_own_metric() -> None:
    report = extract_text(
        "Звіт про роботу загального відділу Ковельської міської ради за 2024 рік\n\n"
        "Вид документа\tКількість\n"
        "Вхідні листи\t3 100\n"
        "Вихідні документи\t1 800\n"
        "Рішення виконавчого комітету\t420\n")
    assert pairs(report) == Counter({("letters_received", 3100): 1, ("outgoing_documents", 1800): 1,
                                     ("exec_decisions_adopted", 420): 1})


# ------------------------------------------------------------------ a section heading that gives its count


@pytest.mark.parametrize("body", [
    ("1. ЗВЕРНЕННЯ ГРОМАДЯН (120)\n"
     "До виконавчого комітету надійшло 120 звернень.\n\n"
     "2. ПОРУШЕНІ ПИТАННЯ (140)\n"
     "благоустрій та дороги – 80;\n"
     "соціальний захист – 60.\n"),
    ("ЗВЕРНЕННЯ ГРОМАДЯН (120)\n"
     "Протягом кварталу отримано 120 звернень громадян.\n"
     "ПОРУШЕНІ ПИТАННЯ (140)\n"
     "соціальний захист – 60;\n"
     "благоустрій та дороги – 80.\n"),
    ("2.1 Порушені питання (140)\n"
     "благоустрій та дороги – 80;\n"
     "соціальний захист – 60;\n\n"
     "2.2 Звернення громадян (120)\n"),
])
def test_a_section_headings_count_is_its_first_nouns_and_the_items_under_it_its_parts(body: str) -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян у Ковельській міській раді за І квартал 2025 "
                          "року\n\n" + body + "\n3. РЕЗУЛЬТАТИ РОЗГЛЯДУ (118)\n4. ОСОБИСТИЙ ПРИЙОМ (23)\n")
    assert pairs(report) == Counter({("appeals_received", 120): 1, ("appeal_issues_raised", 140): 1,
                                     ("appeal_issues_raised", 80): 1, ("appeal_issues_raised", 60): 1}), body
    assert all(f.breakdown for f in report.figures if f.value in (80, 60))
    assert {"118", "23"} <= unmatched(report)  # results of what, a reception: no metric by these names


# ------------------------------------------------------------------ notes beside the value


@pytest.mark.parametrize("table", [
    ("№\tЗахід\tЗаплановано\tФактично виконано\tПримітка\n"
     "1\tНовини на офіційному сайті\tне менше 100\t118\tз них 40 – про роботу ЦНАП\n"
     "2\tПрес-конференції\t6\t7\tодна перенесена на січень\n"),
    ("| Показник | План | Факт | Коментар |\n"
     "| Новини на офіційному сайті | 100 | 118 | у тому числі 40 – про роботу ЦНАП |\n"
     "| Прес-конференції | 6 | 7 | одну проведено онлайн |\n"),
    ("Новини на офіційному сайті ............ 118 (40 – про роботу ЦНАП)\n"
     "Прес-конференції ....................... 7 (одна – онлайн)\n"),
])
def test_a_note_beside_the_value_is_read_as_text_and_its_bare_number_is_no_figure_of_its_own(table: str) -> None:
    report = extract_text("Звіт про роботу відділу комунікацій Ковельської міської ради за 2025 рік\n\n" + table)
    got = pairs(report)
    assert got[("news_published", 118)] == 1 and got[("news_published", 40)] == 1, table
    assert got[("press_events_organized", 7)] == 1 and ("news_published", 100) not in got
    assert all(code in ("news_published", "press_events_organized") for code, _ in got)  # "одна": a press
    # conference or nothing, never a figure of another metric
    assert {f.value: f.breakdown for f in report.figures if f.code == "news_published"}[40]


def test_an_age_limit_is_no_count() -> None:
    report = extract_text("Звіт про підсумки громадського бюджету Ковельської міської ради у 2024 році\n\n"
                          "Проєкти подали 23 автори, з них 6 – молодь до 35 років, ще 4 – особи від 60 до 80 років.\n")
    assert pairs(report) == Counter({("pb_authors", 23): 1, ("pb_authors", 6): 1, ("pb_authors", 4): 1})


# ------------------------------------------------------------------ quarters in a line after their total


@pytest.mark.parametrize("line", [
    "Засідань виконкому проведено 17: Iкв. – 6, IIкв. – 5, ІІІкв. – 6.",
    "Проведено 17 засідань виконавчого комітету (I кв. – 6, II кв. – 5, III кв. – 6).",
    "Засідань виконавчого комітету – 17, з них у І кварталі – 6, у ІІ кварталі – 5, у ІІІ кварталі – 6.",
])
def test_quarters_after_their_total_give_each_figure_its_quarter(line: str) -> None:
    report = extract_text("Звіт про роботу загального відділу Ковельської міської ради за 9 місяців 2025 року\n\n"
                          + line + "\nГрафік прийому громадян: I кв. – 12, II кв. – 14.\n")
    got = sorted((f.value, f.period.start.isoformat() if f.period else None) for f in report.figures
                 if f.code == "exec_committee_meetings")
    assert got == [(5, "2025-04-01"), (6, "2025-01-01"), (6, "2025-07-01"), (17, None)], line
    assert {"12", "14"} <= unmatched(report)  # quarters of something no metric names


def test_the_reports_own_quarter_is_no_period_of_its_own() -> None:
    report = extract_text("Звіт про роботу загального відділу Ковельської міської ради за ІІ квартал 2025 року\n\n"
                          "Засідань виконкому проведено: ІІ кв. – 5.\n")
    assert [(f.code, f.value, f.period) for f in report.figures] == [("exec_committee_meetings", 5, None)]


@pytest.mark.parametrize("title,read", [
    ("Звіт про розгляд звернень громадян у Ковельській міській раді за І квартал 2025 року", True),
    ("Інформація щодо звернень громадян, що надійшли до Ковельської міської ради у І кварталі 2025 року", True),
    ("Звіт про роботу відділу благоустрою Ковельської міської ради за І квартал 2025 року", False),
])
def test_verb_columns_without_a_caption_count_the_subject_of_the_reports_title(title: str, read: bool) -> None:
    report = extract_text(title + "\n\nВідділ працював у звичайному режимі, прийом вели щовівторка.\n\n"
                          "Місяць\tНадійшло\tРозглянуто\nСічень\t30\t28\nЛютий\t41\t40\n")
    want = Counter({("appeals_received", 30): 1, ("appeals_received", 41): 1, ("appeals_answered", 28): 1,
                    ("appeals_answered", 40): 1}) if read else Counter()
    assert pairs(report) == want, title


def test_a_form_value_may_carry_its_unit_and_such_a_line_never_heads_a_table() -> None:
    report = extract_text(
        "Звіт про роботу відділу комунікацій Ковельської міської ради за травень 2025 року\n\n"
        "Опубліковано новин на сайті ............ 118 од.\n"
        "Відеосюжетів ............................ 12 шт.\n"
        "Дописів у соцмережах ..................... 64 дописи\n"
        "Проведено екскурсій ...................... 5 од.\n")
    assert pairs(report) == Counter({("news_published", 118): 1, ("videos_published", 12): 1,
                                     ("social_media_posts", 64): 1})


def test_a_form_value_in_number_words_and_a_line_ending_in_a_word_that_is_no_number() -> None:
    report = extract_text(
        "Звіт про розгляд запитів на публічну інформацію у Ковельській міській раді за травень 2025 року\n\n"
        "Надійшло запитів усього ............ двадцять чотири\n"
        "Задоволено ........................ двадцять\n"
        "Відмовлено ........................ два\n"
        "Скарги на відмови ................. не надходили\n"
        "Журнал обліку запитів ............. ведеться\n")
    assert pairs(report) == Counter({("public_info_requests", 24): 1, ("public_info_requests_satisfied", 20): 1,
                                     ("public_info_requests_refused", 2): 1})


def test_a_table_pasted_from_a_csv_file_with_semicolons_is_read_by_columns_and_prose_with_semicolons_is_not() -> None:
    report = extract_text("Звіт загального відділу Кобеляцької міської ради за I квартал 2024 року\n"
                          "Показник;Січень;Лютий;Березень;Усього за квартал\n"
                          "Засідання виконавчого комітету;3;2;2;7\n"
                          "Прийняті рішення виконкому;41;30;45;116\n"
                          "Розпорядження міського голови (видано);40;33;52;125\n\n"
                          "Надійшло 40 листів; розглянуто 38; решта на розгляді.\n")
    got = {(f.code, f.value, f.period.start.month if f.period else None) for f in report.figures}
    assert {("exec_committee_meetings", 7, None), ("exec_committee_meetings", 3, 1), ("exec_decisions_adopted", 116, None),
            ("exec_decisions_adopted", 45, 3)} <= got
    assert not any(f.code == "draft_mayor_orders" for f in report.figures)  # orders issued, not drafts prepared
    assert ("letters_received", 40, None) in got


def test_a_plan_table_whose_status_cells_are_prose_is_read_as_running_text() -> None:
    report = extract_text("Звіт загального відділу Кобеляцької міської ради за I квартал 2024 року\n"
                          "№ з/п | Захід | Термін | Стан виконання\n"
                          "1 | Реєстрація вхідної кореспонденції | постійно | Виконано\n"
                          "2 | Контроль за виконанням документів | щотижня | Виконується. Станом на 31.03.2024 на "
                          "контролі перебуває 52 документи\n"
                          "3 | Підготовка інформації до обласної військової адміністрації | щокварталу | Виконано, "
                          "направлено чотири звіти\n")
    assert pairs(report) == Counter({("documents_on_control", 52): 1, ("reports_to_region", 4): 1})


def test_a_dot_between_thousands_and_documents_taken_on_control_during_the_year() -> None:
    report = extract_text("Звіт про роботу загального відділу Радивилівської міської ради за 2023 рік\n"
                          "Показник | 2022 | 2023\n"
                          "Вхідна кореспонденція, усього | 3.907 | 4.215\n"
                          "Вихідна кореспонденція | 2.611 | 2.804\n"
                          "Документи на контролі станом на 31 грудня | 27 | 33\n"
                          "Відділом підготовлено 41 проєкт рішень виконавчого комітету.\n"
                          "Протягом року на контроль взято 1.152 документи, з яких у строк виконано 1.120, або 97,2 %.")
    got = pairs(report)
    assert got[("letters_received", 4215)] == 1 and got[("letters_received", 3907)] == 1
    assert got[("outgoing_documents", 2804)] == 1 and got[("documents_on_control", 33)] == 1
    assert not [k for k in got if k[1] in (1152, 1120)]  # taken on control during the year: no stock, no drafts
    assert {"1.152", "1.120"} <= set(unmatched(report))


def test_the_months_of_a_figure_in_a_plan_tables_execution_note() -> None:
    report = extract_text("Звіт про виконання плану заходів сектору громадської участі Калинівської міської ради "
                          "за І півріччя 2022 року\n"
                          "№ | Захід | Термін | Відмітка про виконання\n"
                          "1 | Адміністрування модуля «Електронні петиції» | Постійно | Зареєстровано 9 електронних "
                          "петицій: у січні – 1, лютому – 3, березні – 2, квітні – 1, травні – 2.\n"
                          "2 | Збір підписів | Протягом року | Триває збір підписів за 2 петиціями (№ 7/2022 – 64, "
                          "№ 8/2022 – 12).\n")
    got = sorted((f.value, f.breakdown or "") for f in report.figures if f.code == "petitions_submitted")
    assert got == [(1, "місяць: квітень"), (1, "місяць: січень"), (2, "місяць: березень"), (2, "місяць: травень"),
                   (3, "місяць: лютий"), (9, "")]
    months = sorted(f.period.start.month for f in report.figures if f.code == "petitions_submitted" and f.period)
    assert months == [1, 2, 3, 4, 5]
    assert pairs(report)[("petitions_collecting_signatures", 2)] == 1
    assert not [k for k in pairs(report) if k[1] in (64, 12)]  # signatures of single petitions: no figures


def test_drafts_among_the_documents_published_are_published_documents() -> None:
    report = extract_text("Звіт про виконання плану загального відділу Кобеляцької міської ради за І квартал 2024 року\n"
                          "№ | Захід | Термін | Відмітка про виконання\n"
                          "1 | Оприлюднення рішень виконкому на офіційному вебсайті | у 5-денний строк | Виконано: на "
                          "сайті розміщено 117 документів, з них 19 проєкти рішень\n")
    assert breakdowns(report, "documents_published") == {117: None, 19: "проєкти рішень"}
    assert not [f for f in report.figures if f.code.startswith("draft_")]


def test_ways_of_receipt_under_a_table_of_requesters_split_the_total_before_the_table() -> None:
    report = extract_text("Звіт уповноваженої особи з питань доступу до публічної інформації Збаразької міської ради "
                          "у 2021 році\n"
                          "Протягом року зареєстровано 70 запитів. Найбільше запитів надійшло в IV кварталі (25), "
                          "найменше – у ІІ (12).\n\n"
                          "Категорія запитувача                  Кількість    Частка, %\n"
                          "фізичні особи                              46          65,7\n"
                          "юридичні особи                             13          18,6\n"
                          "громадські організації та ЗМІ              11          15,7\n\n"
                          "Способи подання: електронною поштою – 41, поштою – 18, особисто – 11.\n")
    got = breakdowns(report, "public_info_requests")
    assert got[41] == "електронною поштою" and got[18] == "поштою"
    assert pairs(report)[("public_info_requests", 11)] == 2  # the table's row and "особисто – 11"


def test_a_column_for_the_quarter_after_the_months_is_the_reports_own() -> None:
    report = extract_text("Звіт відділу комунікацій Маріупольської міської ради за III квартал 2021 року\n"
                          "Показник                          | липень | серпень | вересень | за квартал\n"
                          "Новини та анонси на порталі       | 190    | 176     | 204      | 570\n")
    got = {f.value: f.period.start.month if f.period else None for f in report.figures if f.code == "news_published"}
    assert got == {190: 7, 176: 8, 204: 9, 570: None}


def test_a_table_that_repeats_the_texts_figures_adds_no_figure_of_its_own() -> None:
    report = extract_text("Аналітична довідка про роботу зі зверненнями громадян Прилуцької міської ради за 2023 рік\n"
                          "Упродовж 2023 року надійшло 612 звернень громадян, що на 57 більше, ніж у 2022 році (555). "
                          "Із них 118 – під час особистого прийому.\n\n"
                          "Показник | 2022 | 2023 | +/-\n"
                          "Надійшло звернень | 555 | 612 | +57\n"
                          "Звернення на особистому прийомі | 104 | 118 | +14\n")
    assert [(f.value, f.period.start.year if f.period else None) for f in report.figures
            if f.code == "appeals_received"] == [(612, None), (555, 2022), (118, None), (104, 2022)]


@pytest.mark.parametrize("title", ["Надійшло звернень:", "Розподіл звернень за формою"])
def test_a_table_of_categories_under_a_title_counts_what_the_title_names_by_its_year_columns(title: str) -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян Прилуцької міської ради за 2024 рік\n\n"
                          f"{title}\n"
                          "Форма | 2023 | | 2024 |\n"
                          " | кількість | % | кількість | %\n"
                          "Письмові | 310 | 62,0 | 298 | 58,4\n"
                          "Усні | 190 | 38,0 | 212 | 41,6\n"
                          "Усього | 500 | 100 | 510 | 100\n")
    assert periods(report, "appeals_received") == {310: ("year", "2023-01-01"), 298: None, 190: ("year", "2023-01-01"),
                                                   212: None, 500: ("year", "2023-01-01"), 510: None}
    assert breakdowns(report, "appeals_received")[298] == "Письмові"
    assert not unmatched(report)  # the shares are no counts and nothing is left over


def test_a_table_row_that_tells_a_kind_apart_stays_though_the_text_has_its_number() -> None:
    report = extract_text("Звіт про доступ до публічної інформації Прилуцької міської ради за березень 2025 року\n"
                          "Надійшов 21 запит на публічну інформацію. Поштою – 4, особисто – 2.\n\n"
                          "Категорія запитувача | Кількість\n"
                          "фізичні особи | 19\n"
                          "представники ЗМІ | 2\n"
                          "Усього | 21\n")
    twos = [f.breakdown for f in report.figures if (f.code, f.value) == ("public_info_requests", 2)]
    assert len(twos) == 2 and sum(f.value == 21 for f in report.figures) == 1


def test_a_totals_row_under_incoming_and_outgoing_documents_is_the_whole_flow() -> None:
    report = extract_text("Звіт загального відділу Ічнянської міської ради за ІІІ квартал 2024 року\n"
                          "Показник            | Липень | Серпень | Вересень | ІІІ квартал\n"
                          "--------------------|--------|---------|----------|------------\n"
                          "Вхідні документи    |    812 |     744 |      901 |      2 457\n"
                          "Вихідні документи   |    403 |     366 |      455 |      1 224\n"
                          "Усього зареєстровано|  1 215 |   1 110 |    1 356 |      3 681\n")
    got = {(f.code, f.value) for f in report.figures if f.code == "documents_flow_total"}
    assert got == {("documents_flow_total", 1215), ("documents_flow_total", 1110), ("documents_flow_total", 1356),
                   ("documents_flow_total", 3681)}


def test_answers_in_a_table_of_appeals_are_answered_appeals() -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян Ічнянської міської ради за 9 місяців 2024 року\n"
                          "Показник                          І кв.    ІІ кв.   ІІІ кв.   9 місяців\n"
                          "Надійшло звернень                   143       161       158         462\n"
                          "Звернулося громадян                 171       188       176         535\n"
                          "Розглянуто, надано відповіді        131       155       163         449\n")
    got = {f.value for f in report.figures if f.code == "appeals_answered"}
    assert got == {131, 155, 163, 449}
    assert not any(f.code == "letters_answered" for f in report.figures)


def test_a_table_of_row_codes_and_short_words_reads_as_a_table_of_labels() -> None:
    report = extract_text("ЗВЕДЕНІ ПОКАЗНИКИ роботи з документами Ічнянської міської ради за І квартал 2026 р.\n"
                          "код рядка | показник | кількість\n"
                          "010 | Надійшло вх. документів, усього | 1 512\n"
                          "020 | Відправлено вих. документів | 904\n"
                          "060 | Засідань виконкому | 5\n"
                          "\n"
                          "Звернення – 612 (письм. – 418, усн. – 194, колект. – 37, повт. – 21).")
    assert pairs(report) == Counter({("letters_received", 1512): 1, ("outgoing_documents", 904): 1,
                                     ("exec_committee_meetings", 5): 1, ("appeals_received", 612): 1,
                                     ("appeals_received", 418): 1, ("appeals_received", 194): 1,
                                     ("appeals_received", 37): 1, ("appeals_received", 21): 1})
    assert breakdowns(report, "appeals_received")[418] is not None


def test_a_table_of_measures_with_running_text_cells_reads_each_cell_as_prose() -> None:
    report = extract_text("ЗВІТ про виконання Програми розвитку громадянського суспільства Ічнянської міської ради "
                          "за 2025 рік\n"
                          "\n"
                          "Захід програми | Виконання\n"
                          "\n"
                          "1.1. Проведення конкурсу проєктів громадського бюджету | Прийом проєктів тривав з 3 березня "
                          "по 4 квітня 2025 року. Подано 19 проєктів від 16 авторів.\n"
                          "\n"
                          "2.3. Сприяння роботі Громадської ради | Проведено 4 засідання Громадської ради при "
                          "виконавчому комітеті, розглянуто 17 питань.\n"
                          "\n"
                          "4.1. Інформування про механізми участі | У рубриці «Громадська участь» на сайті громади "
                          "розміщено 27 новин та оголошень.\n")
    assert pairs(report) == Counter({("pb_projects_submitted", 19): 1, ("pb_authors", 16): 1,
                                     ("public_council_meetings", 4): 1, ("news_published", 27): 1})


def test_a_forms_column_reference_before_a_value_is_no_part_of_the_label() -> None:
    report = extract_text("Звіт сектору доступу до публічної інформації Ічнянської міської ради за І півріччя 2024 "
                          "року\n"
                          "Рядок 01. Надійшло запитів на інформацію, усього: графа 3 – 57.\n"
                          "Рядок 06. від фізичних осіб: графа 3 – 31.")
    got = breakdowns(report, "public_info_requests")
    assert set(got) == {57, 31} and got[57] is None


def test_a_heading_over_two_lines_aligned_with_spaces_and_a_part_column() -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян Ічнянської міської ради за 9 місяців 2022 року\n"
                          "Період                Надійшло           з них усних        Розглянуто, надано\n"
                          "                      звернень    (особистий прийом)                 відповіді\n"
                          "І квартал 2022              96                    45                        88\n"
                          "ІІ квартал 2022            134                    64                       127\n"
                          "Разом за 9 місяців         230                   109                       215\n")
    received = breakdowns(report, "appeals_received")
    assert set(received) == {96, 45, 134, 64, 230, 109}
    assert received[230] is None and received[109] is not None
    assert set(breakdowns(report, "appeals_answered")) == {88, 127, 215}


def test_a_count_column_takes_its_kind_from_the_adjectives_of_the_line_above_the_table() -> None:
    report = extract_text("Довідка сектору внутрішньої політики Ічнянської міської ради станом на 01.01.2024\n"
                          "У громаді зареєстровано 12 релігійних громад трьох конфесій:\n"
                          "\n"
                          "Конфесія                                 Кількість громад\n"
                          "Православна церква України                7\n"
                          "Українська греко-католицька церква        4\n"
                          "Римсько-католицька церква                 1\n")
    assert set(breakdowns(report, "religious_orgs_registered")) == {12, 7, 4, 1}
    assert not breakdowns(report, "religious_denominations").keys() & {7, 4, 1}


def test_a_table_of_appeals_reads_explanations_as_answers_and_leaves_pending_ones_out() -> None:
    report = extract_text("Інформація про роботу зі зверненнями громадян Ічнянської сільської ради за жовтень 2023 року\n"
                          "№ з/п | Показник | Кількість\n"
                          "1 | Надійшло звернень, усього | 52\n"
                          "2 | Розглянуто звернень з наданням відповіді | 44\n"
                          "2.1 | з них вирішено позитивно | 30\n"
                          "2.2 | надано роз’яснення | 14\n"
                          "3 | Перебувають на розгляді на кінець місяця | 8\n")
    assert pairs(report) == Counter({("appeals_received", 52): 1, ("appeals_answered", 44): 1,
                                     ("appeals_answered", 30): 1, ("appeals_answered", 14): 1})


def test_a_table_of_topics_without_a_heading_row_under_a_caption_with_its_period_in_brackets() -> None:
    report = extract_text("Інформація про роботу зі зверненнями громадян Ічнянської селищної ради за I квартал 2020 року\n"
                          "Таблиця 3. Тематика питань, порушених у зверненнях громадян (I кв. 2020)\n"
                          "\n"
                          "Комунальне господарство, благоустрій\t41\n"
                          "Соціальний захист населення\t30\n"
                          "Інші\t12\n"
                          "Усього\t83\n")
    issues = breakdowns(report, "appeal_issues_raised")
    assert issues.keys() == {41, 30, 12, 83} and issues[83] is None
    assert not breakdowns(report, "appeals_received")


def test_a_row_whose_label_has_a_noun_of_its_own_borrows_no_noun_from_the_row_above() -> None:
    report = extract_text("Інформація загального відділу Ічнянської селищної ради за ІІІ квартал 2024 року\n"
                          "Показник | ІІІ кв. 2023 | ІІІ кв. 2024\n"
                          "Зареєстровано вхідної кореспонденції | 1 210 | 1 344\n"
                          "Документообіг, усього | 2 905 | 3 118\n"
                          "Зареєстровано розпоряджень селищного голови з основної діяльності | 81 | 97\n")
    got = pairs(report)
    assert got[("letters_received", 1344)] == 1 and got[("documents_flow_total", 3118)] == 1
    assert not any(value in (81, 97) for _, value in got)


@pytest.mark.parametrize("grid", [
    "Січень\tЛютий\tБерезень\tРазом\n52\t64\t58\t174\n",
    "| Січень | Лютий | Березень | Разом |\n|---|---|---|---|\n| 52 | 64 | 58 | 174 |\n",
])
def test_a_grid_of_months_without_a_label_column_counts_what_its_caption_names(grid: str) -> None:
    report = extract_text("Інформація про роботу зі зверненнями громадян Сновської міської ради за І квартал 2022 року\n"
                          "Розглянуто 160 звернень з наданням відповіді.\n\n"
                          "Таблиця 2. Надходження звернень за місяцями I кварталу 2022 року\n\n" + grid)
    got = {(f.code, f.value): f.period for f in report.figures}
    assert set(got) == {("appeals_answered", 160), ("appeals_received", 52), ("appeals_received", 64),
                        ("appeals_received", 58), ("appeals_received", 174)}
    assert [got[("appeals_received", v)].start.month for v in (52, 64, 58)] == [1, 2, 3]
    assert got[("appeals_received", 174)] is None


def test_a_form_of_requesters_in_small_letters_under_a_lead_of_who_splits_the_requests() -> None:
    report = extract_text("Звіт про доступ до публічної інформації Сновської міської ради за І півріччя 2021 року\n"
                          "Протягом півріччя надійшло 97 запитів на публічну інформацію.\n\n"
                          "2. За категоріями запитувачів:\n"
                          "фізичні особи ........................ 55\n"
                          "юридичні особи ....................... 17\n"
                          "представники ЗМІ ..................... 15\n"
                          "громадські об’єднання ................ 10\n")
    who = breakdowns(report, "public_info_requests")
    assert set(who) == {97, 55, 17, 15, 10} and all(who[v] for v in (55, 17, 15, 10))
    assert not breakdowns(report, "ngos_registered")
