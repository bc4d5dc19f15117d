"""Report phrasings the figure finder used to miss, one family at a time, and the numbers that must
still name nothing. Every text here is invented for these tests."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from etl.reports.extraction import extract_text
from tests.report_reading import breakdowns, pairs, unmatched

# ------------------------------------------------------------------ people by a demonym or "мешканців"


def test_people_named_by_a_demonym_or_residents_count_as_the_wording_says() -> None:
    report = extract_text("Звіт відділу Уманської міської ради за 2022 рік\n"
                          "У голосуванні за проєкти громадського бюджету взяли участь 2 204 уманців.\n"
                          "До виконавчого комітету звернулося 905 мешканців.\n"
                          "Свої голоси віддали 318 жителів старостинських округів.\n"
                          "Екскурсію відвідали 40 мешканців.")
    assert pairs(report) == Counter({("pb_voters", 2204): 1, ("citizens_appealed", 905): 1, ("pb_voters", 318): 1})
    assert "40" in unmatched(report)  # people, but no wording of theirs: never guessed


# ------------------------------------------------------------------ breakdowns under a lead naming no metric


def test_a_breakdown_under_a_lead_naming_no_metric_is_a_part_of_the_total_before() -> None:
    report = extract_text("Звіт про звернення громадян до Ніжинської міської ради за 2021 рік\n"
                          "Надійшло 430 звернень.\n"
                          "За способом подання: поштою – 44, через сайт – 121, на прийомі – 265.\n"
                          "Надійшло 90 запитів на інформацію.\n"
                          "Розподіл за формою: письмові – 61, електронні – 29.\n"
                          "Надійшло 188 колективних звернень.\n"
                          "За категоріями заявників:\n"
                          "- пенсіонери – 150;\n"
                          "- внутрішньо переміщені особи – 38.")
    assert breakdowns(report, "public_info_requests") == {90: None, 61: "письмові (запитів)", 29: "електронні (запитів)"}
    got = breakdowns(report, "appeals_received")
    assert got == {430: None, 44: "поштою", 121: "через сайт", 265: "на прийомі", 188: "колективних", 150: "пенсіонери",
                   38: "внутрішньо переміщені особи"}


def test_items_without_bullets_under_a_figure_or_a_lead_naming_a_metric() -> None:
    report = extract_text("Звіт про звернення громадян до Луцької міської ради за 2023 рік\n"
                          "До ради надійшло 640 звернень:\n"
                          "598 – індивідуальних;\n"
                          "42 – колективних.\n"
                          "Заявниками найчастіше порушувалися питання:\n"
                          "земельних відносин – 122;\n"
                          "благоустрою – 87.")
    assert pairs(report) == Counter({("appeals_received", 640): 1, ("appeals_received", 598): 1,
                                     ("appeals_received", 42): 1, ("appeal_issues_raised", 122): 1,
                                     ("appeal_issues_raised", 87): 1})
    assert breakdowns(report, "appeal_issues_raised")[122] == "земельних відносин"


# ------------------------------------------------------------------ topic lists and joined adjectives


def test_adjectives_joined_by_ta_and_topic_lists_beside_a_plain_number() -> None:
    report = extract_text("Звіт про звернення громадян до Полтавської міської ради за 2022 рік\n"
                          "Надійшло 512 письмових та усних звернень.\n"
                          "Надійшло 77 колективних звернень: з питань тарифів (30), ремонту доріг (12).\n"
                          "У 200 зверненнях порушено питання освіти (61), медицини (44).\n"
                          "На сайті розміщено 380 новин, що більше, ніж торік (351).\n"
                          "Зареєстровано 1 150 вхідних та вихідних документів.")
    got = pairs(report)
    assert got[("appeals_received", 512)] == 1
    assert got[("appeals_received", 30)] == got[("appeals_received", 12)] == 1
    assert got[("appeal_issues_raised", 61)] == got[("appeal_issues_raised", 44)] == 1
    # one bracketed number compares, it lists nothing: the news of the year before
    assert [(f.code, f.period.start.year) for f in report.figures if f.value == 351] == [("news_published", 2021)]
    assert "1 150" in unmatched(report)  # incoming and outgoing: two metrics, never one guessed


# ------------------------------------------------------------------ relative clauses


def test_a_relative_clause_and_the_predicate_it_interrupts_name_the_metric() -> None:
    report = extract_text("Довідка про громадські об’єднання Сумської міської ради за 2021 рік\n"
                          "За рік 11 організацій, які не провадили діяльності, припинили діяльність, "
                          "і 6, що перебувають у стані припинення.\n"
                          "Надійшло 8 листів, які стосувалися оренди, і 5, що змінили адресу.")
    got = pairs(report)
    assert got[("ngos_ceased", 11)] == 1 and got[("ngos_in_liquidation", 6)] == 1
    assert "5" in unmatched(report)  # "що змінили адресу" names nothing


# ------------------------------------------------------------------ petitions


def test_petition_thresholds_and_supported_among_answered_petitions() -> None:
    report = extract_text("Звіт про електронні петиції Вінницької міської ради за 2022 рік\n"
                          "Оприлюднено 52 петиції.\n"
                          "Петиції, що набрали 500 і більше голосів, – 6.\n"
                          "Дві петиції протягом строку збору набрали понад 500 підписів.\n"
                          "Міським головою розглянуто 8 петицій, з них 5 підтримано, 3 не підтримано.")
    got = pairs(report)
    assert got[("petitions_supported", 6)] == 1 and got[("petitions_supported", 2)] == 1
    assert got[("petitions_answered", 8)] == got[("petitions_answered", 5)] == got[("petitions_answered", 3)] == 1
    assert not any(f.value == 500 for f in report.figures) and "500" in unmatched(report)
    assert got[("petitions_supported", 5)] == got[("petitions_supported", 3)] == 0


def test_a_negated_verb_names_nothing() -> None:
    report = extract_text("Звіт про електронні петиції Вінницької міської ради за 2021 рік\n"
                          "Надійшло 20 петицій, 6 не підтримано.")
    assert pairs(report) == Counter({("petitions_submitted", 20): 1})
    assert "6" in unmatched(report)


# ------------------------------------------------------------------ information requests


def test_forwarded_and_refused_requests_after_a_colon() -> None:
    report = extract_text("Звіт про запити на інформацію Рівненської міської ради за 2023 рік\n"
                          "Надійшло 75 запитів на інформацію. З них: 16 запитів надіслано належним розпорядникам, "
                          "у 7 випадках надано відмову, на 2 запити надано відмову.\n"
                          "Надійшло 30 звернень, у 4 випадках надано відмову.")
    got = pairs(report)
    assert got == Counter({("public_info_requests", 75): 1, ("public_info_requests_forwarded", 16): 1,
                           ("public_info_requests_refused", 7): 1, ("public_info_requests_refused", 2): 1,
                           ("appeals_received", 30): 1, ("appeals_answered", 4): 1})
    # a refusal of appeals is no information request's: the appeal was answered (with a refusal)


# ------------------------------------------------------------------ pools and verbless lines


def test_the_pool_a_result_is_taken_from_gets_its_own_metric() -> None:
    report = extract_text("Підсумки громадського бюджету Житомирської міської ради у 2022 році\n"
                          "З 97 проєктів, поданих на конкурс, до голосування допущено 80.\n"
                          "Із 78 проєктів, що пройшли експертизу, перемогли 21.\n"
                          "З 12 заходів 3 було скасовано.")
    got = pairs(report)
    assert got[("pb_projects_submitted", 97)] == 1 and got[("pb_projects_on_ballot", 80)] == 1
    assert got[("pb_projects_on_ballot", 78)] == 1 and got[("pb_projects_won", 21)] == 1
    assert got[("pb_projects_on_ballot", 97)] == 0
    assert "3" in unmatched(report)


def test_verbless_decisions_of_the_committee_are_adopted_ones() -> None:
    report = extract_text("Інформація загального відділу Ковельської міської ради за І квартал 2024 року\n"
                          "Рішень виконавчого комітету – 156.\n"
                          "Рішень виконкому: 141.\n"
                          "Оприлюднено рішень виконавчого комітету – 150.\n"
                          "Розроблено проекти документів: рішень виконкому – 9.")
    got = pairs(report)
    assert got[("exec_decisions_adopted", 156)] == got[("exec_decisions_adopted", 141)] == 1
    assert got[("documents_published", 150)] == 1 and got[("exec_decisions_adopted", 150)] == 0
    assert got[("draft_executive_decisions", 9)] == 1


def test_people_counted_by_chol_and_registered_decisions() -> None:
    report = extract_text("Звіт про громадський бюджет Ніжинської міської ради за 2023 рік\n"
                          "Проєкти підтримали жителі громади, які взяли участь у голосуванні (всього 815 чол.).\n"
                          "На зустрічі було 35 чол.\n"
                          "Зареєстровано 96 рішень виконавчого комітету.\n"
                          "Зареєстровано 14 проєктів рішень виконавчого комітету.")
    assert pairs(report) == Counter({("pb_voters", 815): 1, ("exec_decisions_adopted", 96): 1,
                                     ("draft_executive_decisions", 14): 1})
    assert "35" in unmatched(report)


def test_types_of_appeals_out_of_the_total_and_explanations_on_appeals_and_requests() -> None:
    report = extract_text("Звіт відділу звернень Полтавської міської ради за 2022 рік\n"
                          "До ради надійшло 1 870 звернень.\n"
                          "Із загальної кількості звернень 1 400 – заяви, 390 – скарги, 80 – пропозиції.\n"
                          "Позитивно вирішено 900 звернень, роз’яснення надано по 760 зверненнях.\n"
                          "Надійшло 64 запити на інформацію, з них 50 задоволено, на 9 надано роз’яснення.")
    assert breakdowns(report, "appeals_received") == {1870: None, 1400: "звернень заяви", 390: "скарги",
                                                      80: "пропозиції"}
    got = pairs(report)
    assert got[("appeals_answered", 900)] == got[("appeals_answered", 760)] == 1
    assert got[("public_info_requests_satisfied", 50)] == got[("public_info_requests_explained", 9)] == 1


def test_decisions_of_the_council_are_not_the_executive_committees() -> None:
    report = extract_text("Звіт загального відділу Ніжинської міської ради за червень 2022 року\n"
                          "Прийнято 47 рішень міської ради.\n"
                          "Прийнято 8 рішень сесії.\n"
                          "Прийнято 52 рішення виконавчого комітету міської ради.")
    assert pairs(report) == Counter({("exec_decisions_adopted", 52): 1})
    assert {"47", "8"} <= unmatched(report)


def test_documents_taken_off_control_are_not_the_stock_on_control() -> None:
    report = extract_text("Звіт загального відділу Ніжинської міської ради за липень 2022 року\n"
                          "Знято з контролю 214 документів.\n"
                          "Станом на 01.08.2022 на контролі перебуває 63 документи.")
    assert pairs(report) == Counter({("documents_on_control", 63): 1})
    assert "214" in unmatched(report)


def test_a_part_counts_what_its_total_counts_not_an_earlier_figure() -> None:
    report = extract_text("Звіт відділу інформаційної політики Ніжинської міської ради за жовтень 2023 року\n"
                          "Підготовлено 9 відеосюжетів.\n"
                          "Зроблено 515 фото, з них 330 – для сайту.")
    assert pairs(report) == Counter({("videos_published", 9): 1, ("photos_published", 515): 1,
                                     ("photos_published", 330): 1})


def test_times_count_the_thing_named_before_and_pri_names_whose_it_is() -> None:
    report = extract_text("Звіт відділу внутрішньої політики Ніжинської міської ради за 2023 рік\n"
                          "Відбулося 5 засідань Громадської ради при виконавчому комітеті.\n"
                          "Консультації з громадськістю проведено 7 разів.\n"
                          "Громадяни звернулися 16 разів.")
    assert pairs(report) == Counter({("public_council_meetings", 5): 1, ("public_consultations_held", 7): 1,
                                     ("appeals_received", 16): 1})  # times people appealed: appeals, not people


def test_topic_lists_with_a_sum_or_with_a_count_per_topic() -> None:
    report = extract_text("Звіт відділу звернень Ніжинської міської ради за 2022 рік\n"
                          "У зверненнях порушувалися питання тарифів, ремонту доріг, освітлення – усього 733.\n"
                          "Найбільше питань стосувалося тарифів – 180, доріг – 95, освітлення – 41.\n"
                          "Засідань виконавчого комітету – 6, рішень – 98.\n"
                          "Висвітлювалися теми освіти, культури, спорту, загалом 55.")
    got = pairs(report)
    assert got[("appeal_issues_raised", 733)] == 1
    assert got[("appeal_issues_raised", 180)] == got[("appeal_issues_raised", 95)] == got[("appeal_issues_raised", 41)] == 1
    assert got[("exec_committee_meetings", 6)] == 1
    assert {"98", "55"} <= unmatched(report)  # "рішень – 98" is no meeting, "теми" no metric


def test_thousands_in_words_after_digits() -> None:
    report = extract_text("Звіт про громадський бюджет Уманської міської ради за 2024 рік\n"
                          "У голосуванні взяли участь понад 3 тисячі уманчан.\n"
                          "Загалом віддано 11 тисяч голосів.")
    assert pairs(report) == Counter({("pb_voters", 3000): 1, ("pb_votes_cast", 11000): 1})
    assert next(f for f in report.figures if f.value == 3000).approximate


def test_a_colon_after_a_figure_opens_its_parts() -> None:
    report = extract_text("Звіт про звернення та петиції Ніжинської міської ради за 2024 рік\n"
                          "Надійшло 62 звернення: 50 письмових та 12 усних.\n"
                          "На 7 петицій надано відповіді: 4 підтримано, 3 не підтримано.\n"
                          "Проведено 2 засідання виконавчого комітету: прийнято 38 рішень.")
    assert breakdowns(report, "appeals_received") == {62: None, 50: "письмових (звернення)", 12: "усних (звернення)"}
    assert breakdowns(report, "petitions_answered") == {7: None, 4: "підтримано (петицій)",
                                                        3: "не підтримано (петицій)"}
    assert pairs(report)[("exec_decisions_adopted", 38)] == 1  # a noun of its own: its own metric


def test_requests_sent_on_and_extended_in_other_words() -> None:
    report = extract_text("Звіт про запити на інформацію Ніжинської міської ради за 2021 рік\n"
                          "Надійшло 73 запити.\n"
                          "Переслано належному розпоряднику 6 запитів.\n"
                          "Для 3 запитів продовжено термін розгляду.\n"
                          "Запити, що перебувають на розгляді, – 4.")
    assert pairs(report) == Counter({("public_info_requests", 73): 1, ("public_info_requests_forwarded", 6): 1,
                                     ("public_info_requests_extended", 3): 1,
                                     ("public_info_requests_pending", 4): 1})


def test_the_pool_among_which_winners_were_chosen() -> None:
    report = extract_text("Підсумки громадського бюджету Житомирської міської ради у 2023 році\n"
                          "Серед 37 проєктів переможцями стали 9.\n"
                          "Цього року подано 52 проєкти; їх авторами стали 64 мешканці.")
    assert pairs(report) == Counter({("pb_projects_on_ballot", 37): 1, ("pb_projects_won", 9): 1,
                                     ("pb_projects_submitted", 52): 1, ("pb_authors", 64): 1})


def test_organisations_struck_off_or_in_liquidation_named_in_a_relative_clause() -> None:
    report = extract_text("Довідка про громадські об’єднання Сумської міської ради за 2022 рік\n"
                          "На обліку 140 громадських організацій.\n"
                          "Протягом року 6 громадських організацій, які не звітували, виключено з реєстру.\n"
                          "Ще 2 організації, що перебувають у стані ліквідації, подали звіти.")
    assert pairs(report) == Counter({("ngos_registered", 140): 1, ("ngos_ceased", 6): 1,
                                     ("ngos_in_liquidation", 2): 1})


def test_parts_of_a_number_that_named_nothing_borrow_no_earlier_noun() -> None:
    report = extract_text("Звіт відділу внутрішньої політики Ніжинської міської ради за 2024 рік\n"
                          "Проведено 6 семінарів.\n"
                          "Проведено 7 нарад: 4 – з керівниками підприємств.")
    assert pairs(report) == Counter({("seminars_attended", 6): 1})
    assert {"7", "4"} <= unmatched(report)


def test_a_lead_naming_no_metric_over_a_sentence_with_verbs_is_no_breakdown() -> None:
    report = extract_text("Звіт відділу внутрішньої політики Ніжинської міської ради за 2024 рік\n"
                          "Надійшло 120 звернень.\n"
                          "За напрямами роботи: проведено 3 семінари, оприлюднено 40 новин.")
    assert pairs(report) == Counter({("appeals_received", 120): 1, ("seminars_attended", 3): 1,
                                     ("news_published", 40): 1})


def test_sered_nykh_marks_a_part_like_z_nykh() -> None:
    report = extract_text("Довідка відділу внутрішньої політики Ізмаїльської міської ради за 2024 рік\n"
                          "Зареєстровано 196 громадських об’єднань, серед них 28 – спортивного спрямування.")
    assert breakdowns(report, "ngos_registered") == {196: None, 28: "спортивного спрямування"}


def test_a_relative_clause_does_not_override_the_clauses_own_verb() -> None:
    report = extract_text("Звіт про запити на інформацію Ізмаїльської міської ради за 2024 рік\n"
                          "Надійшло 17 запитів, на які надано відповіді по суті.")
    assert pairs(report) == Counter({("public_info_requests", 17): 1})


def test_an_adjective_after_a_number_stands_for_the_noun_before() -> None:
    report = extract_text("Звіт загального відділу Ніжинської міської ради за 2023 рік\n"
                          "Зареєстровано 4 870 вхідних документів та 2 950 вихідних.\n"
                          "Оприлюднено 40 новин і 12 нових.")
    assert pairs(report) == Counter({("letters_received", 4870): 1, ("outgoing_documents", 2950): 1,
                                     ("news_published", 40): 1})
    assert "12" in unmatched(report)


def test_an_adjective_and_a_dash_after_an_adjective_noun_item() -> None:
    report = extract_text("Звіт відділу звернень Ніжинської міської ради за 2023 рік\n"
                          "Колективних звернень – 41, повторних – 17.\n"
                          "Вхідних документів – 620, вихідних – 410.")
    got = pairs(report)
    assert got[("appeals_received", 41)] == got[("appeals_received", 17)] == 1
    assert got[("letters_received", 620)] == got[("outgoing_documents", 410)] == 1
    assert got[("letters_received", 410)] == 0


# ------------------------------------------------------------------ tables flattened to text with "|"


def test_a_table_written_with_pipes_reads_row_by_row_without_its_row_numbers() -> None:
    report = extract_text("Довідка про громадські об’єднання Ніжинської міської ради станом на 1 липня 2025 року\n"
                          "№ | Показник | Кількість\n"
                          "1 | Громадські організації | 88\n"
                          "2 | з них у стані припинення | 4\n"
                          "3 | Профспілкові організації | 31\n"
                          "4 | Релігійні громади | 19\n")
    assert pairs(report) == Counter({("ngos_registered", 88): 1, ("ngos_in_liquidation", 4): 1,
                                     ("trade_unions_registered", 31): 1, ("religious_orgs_registered", 19): 1})


def test_a_short_note_in_brackets_between_the_label_and_its_dash() -> None:
    report = extract_text("Довідка про громадські об’єднання Ніжинської міської ради станом на 1 липня 2025 року\n"
                          "Громадські організації (діючі) – 75.\n"
                          "Профспілкові організації (первинні) | 23")
    assert pairs(report) == Counter({("ngos_registered", 75): 1, ("trade_unions_registered", 23): 1})


# ------------------------------------------------------------------ a negated verb after a borrowed noun


def test_a_negated_verb_turns_supported_petitions_into_failed_ones() -> None:
    report = extract_text("Звіт про електронні петиції Ніжинської міської ради за 2024 рік\n"
                          "Необхідну кількість голосів набрали чотири петиції, ще 7 не отримали потрібної підтримки.\n"
                          "Не набрали необхідної кількості голосів 5 петицій.")
    got = pairs(report)
    assert got[("petitions_failed", 7)] == got[("petitions_failed", 5)] == 1
    assert got[("petitions_supported", 7)] == 0


def test_a_renamed_citys_council_is_read_through_the_citys_name() -> None:
    report = extract_text("Звіт відділу звернень Звягельської міської ради за 2024 рік\nНадійшло 210 звернень.")
    assert report.place is not None and report.place.name_uk == "Звягель"


# ------------------------------------------------------------------ refusals; an adjective item after a verb


def test_refused_appeals_are_answered_ones_and_refused_requests_their_own_metric() -> None:
    report = extract_text("Звіт відділу звернень Ніжинської міської ради за 2024 рік\n"
                          "Розглянуто 300 звернень; у задоволенні 12 звернень відмовлено.\n"
                          "Відмовлено у задоволенні 3 запитів на інформацію.")
    got = pairs(report)
    assert got[("appeals_answered", 12)] == 1 and got[("appeals_received", 12)] == 0
    assert got[("public_info_requests_refused", 3)] == 1


def test_an_adjective_item_after_an_adjective_noun_verb_figure() -> None:
    report = extract_text("Звіт відділу звернень Ніжинської міської ради за 2024 рік\n"
                          "Колективних звернень надійшло 150, повторних – 60.\n"
                          "Вхідних документів зареєстровано 900, вихідних – 700.")
    got = pairs(report)
    assert got[("appeals_received", 150)] == got[("appeals_received", 60)] == 1
    assert got[("letters_received", 900)] == got[("outgoing_documents", 700)] == 1


# ------------------------------------------------------------------ messenger channels; a kind after "з них N –"


def test_posts_in_messenger_channels_written_as_publications() -> None:
    report = extract_text("Звіт відділу комунікацій Ніжинської міської ради за березень 2025 року\n"
                          "У Telegram-каналі «Ніжин сьогодні» – 58 публікацій, у Viber-спільноті – 17.\n"
                          "На сайті оприлюднено 44 публікації.")
    assert pairs(report) == Counter({("social_media_posts", 58): 1, ("social_media_posts", 17): 1,
                                     ("news_published", 44): 1})


def test_a_verbless_kind_after_a_dash_is_a_part_of_the_total() -> None:
    report = extract_text("Звіт відділу комунікацій Ніжинської міської ради за березень 2025 року\n"
                          "На сайті розміщено 51 новину, з них 9 – анонси заходів.\n"
                          "Надійшло 40 запитів на інформацію, з них 12 – від журналістів, 5 направлено належним розпорядникам.")
    assert breakdowns(report, "news_published") == {51: None, 9: "анонси заходів"}
    got = pairs(report)
    assert got[("public_info_requests", 12)] == 1 and got[("public_info_requests_forwarded", 5)] == 1


# ------------------------------------------------------------------ adjective items of different kinds


def test_an_adjective_item_of_another_kind_is_a_part_of_the_total_not_the_item_before() -> None:
    report = extract_text("Звіт загального відділу Ніжинської міської ради за 2024 рік\n"
                          "Зареєстровано 6 210 документів, з яких 2 900 вхідних, 2 100 вихідних, 1 210 внутрішніх.")
    got = pairs(report)
    assert got[("letters_received", 2900)] == got[("outgoing_documents", 2100)] == 1
    assert got[("outgoing_documents", 1210)] == 0
    assert breakdowns(report, "documents_flow_total") == {6210: None, 1210: "внутрішніх (документів)"}


def test_requested_information_provided_is_a_satisfied_request() -> None:
    report = extract_text("Звіт про запити на інформацію Ніжинської міської ради за 2024 рік\n"
                          "Надійшло 90 запитів на інформацію.\n"
                          "За результатами розгляду:\n"
                          "– надано запитувану інформацію на 64 запити;\n"
                          "– надано роз’яснення щодо 11 запитів.")
    assert pairs(report) == Counter({("public_info_requests", 90): 1, ("public_info_requests_satisfied", 64): 1,
                                     ("public_info_requests_explained", 11): 1})


def test_photos_added_to_the_news_just_counted_are_photos_in_news() -> None:
    report = extract_text("Звіт відділу комунікацій Ніжинської міської ради за березень 2025 року\n"
                          "На сайті розміщено 140 новин, до яких додано 530 фотографій.\n"
                          "У фотогалереї сайту розміщено 220 фото.")
    assert pairs(report) == Counter({("news_published", 140): 1, ("photos_in_news_published", 530): 1,
                                     ("photos_published", 220): 1})


def test_a_table_written_with_tabs_and_its_sub_rows_under_the_row_above() -> None:
    report = extract_text("Звіт про запити на публічну інформацію Ніжинської міської ради у І півріччі 2023 року\n"
                          "Показник\tКількість\n"
                          "Надійшло запитів усього\t58\n"
                          "від фізичних осіб\t40\n"
                          "від юридичних осіб\t18\n"
                          "Задоволено\t45\n")
    assert report.period is not None and (report.period.start.isoformat(), report.period.end.isoformat()) == (
        "2023-01-01", "2023-06-30")
    assert breakdowns(report, "public_info_requests") == {58: None, 40: "від фізичних осіб", 18: "від юридичних осіб"}
    assert pairs(report)[("public_info_requests_satisfied", 45)] == 1


def test_new_ones_registered_in_the_period_are_not_the_stock() -> None:
    report = extract_text("Довідка про громадські об’єднання Ніжинської міської ради станом на 1 січня 2025 року\n"
                          "Зареєстровано 140 громадських організацій.\n"
                          "Протягом 2024 року зареєстровано 11 нових громадських організацій.\n"
                          "На платформі зареєстровано 27 нових петицій.")
    got = pairs(report)
    assert got[("ngos_registered", 140)] == 1 and got[("ngos_registered", 11)] == 0
    assert got[("petitions_submitted", 27)] == 1  # a flow metric: new ones are what it counts
    assert "11" in unmatched(report)


# ------------------------------------------------------------------ participatory budget phrasings


def test_budget_projects_that_came_in_and_winners_split_in_brackets() -> None:
    report = extract_text("Звіт про громадський бюджет Ніжинської міської ради за 2024 рік\n"
                          "На платформу надійшло 41 проєкт від 30 авторів.\n"
                          "Переможцями стали 9 проєктів (6 великих та 3 малих).\n"
                          "Найбільше голосів отримали:\n"
                          "«Сквер на вулиці Садовій» – 812;\n"
                          "«Ремонт укриття по вул. Шевченка, 12» – 640.")
    got = pairs(report)
    assert got[("pb_projects_submitted", 41)] == 1
    assert breakdowns(report, "pb_projects_won") == {9: None, 6: "великих (проєктів)", 3: "малих (проєктів)"}
    assert got[("pb_project_votes", 812)] == got[("pb_project_votes", 640)] == 1  # a street in a quoted name


# ------------------------------------------------------------------ months after a colon lead; a sum of them


def test_months_after_a_colon_lead_and_the_sum_after_them() -> None:
    report = extract_text("Звіт загального відділу Ніжинської міської ради за ІІ квартал 2024 року\n"
                          "Засідання виконавчого комітету: квітень – 3, травень – 2, червень – 4.\n"
                          "Усього за квартал 9 засідань, прийнято 170 рішень.")
    got = {(f.code, f.value, f.period.start.month if f.period else None) for f in report.figures}
    assert got == {("exec_committee_meetings", 3, 4), ("exec_committee_meetings", 2, 5),
                   ("exec_committee_meetings", 4, 6), ("exec_committee_meetings", 9, None),
                   ("exec_decisions_adopted", 170, None)}


def test_dashed_parts_in_brackets_after_a_figure_and_never_after_a_number_naming_nothing() -> None:
    report = extract_text("Звіт відділу комунікацій Ніжинської міської ради за березень 2025 року\n"
                          "Організовано шість онлайн-трансляцій засідань (п’ять – виконкому, одна – сесії міської ради).\n"
                          "Надійшло 20 звернень.\n"
                          "Проведено 6 нарад (2 – з керівниками підприємств).")
    assert breakdowns(report, "online_broadcasts") == {6: None, 5: "виконкому (онлайн-трансляцій)",
                                                       1: "сесії міської ради (онлайн-трансляцій)"}
    assert pairs(report)[("appeals_received", 2)] == 0


# ------------------------------------------------------------------ the biggest parts of a total of issues


def test_the_biggest_topics_after_a_total_of_issues() -> None:
    report = extract_text("Звіт про звернення громадян Ніжинської міської ради за 2024 рік\n"
                          "У зверненнях порушено 140 питань, найбільше – щодо благоустрою (41), транспорту (22) та освіти (9).\n"
                          "Порушено 820 питань; найчастіше йшлося про земельні відносини – 96 питань, ремонт доріг – 51 питання.")
    got = breakdowns(report, "appeal_issues_raised")
    assert set(got) == {140, 41, 22, 9, 820, 96, 51}
    assert {v: got[v] for v in (41, 22, 9, 96, 51)} == {41: "щодо благоустрою", 22: "транспорту", 9: "освіти",
                                                      96: "йшлося про земельні відносини", 51: "ремонт доріг"}


# ------------------------------------------------------------------ figures with a period of their own


def test_months_with_a_verb_or_in_brackets_and_an_earlier_year_keep_their_own_period() -> None:
    report = extract_text("Звіт про запити на інформацію Ніжинської міської ради за 2024 рік\n"
                          "Надійшло 300 запитів (у 2023 році – 280).\n"
                          "Помісячно: у січні надійшло 20 запитів, у лютому – 25.\n"
                          "Найбільше запитів надійшло у жовтні (41) та грудні (39).")
    got = {f.value: (f.period.granularity, f.period.start.isoformat()) if f.period else None for f in report.figures}
    assert got == {300: None, 280: ("year", "2023-01-01"), 20: ("month", "2024-01-01"), 25: ("month", "2024-02-01"),
                   41: ("month", "2024-10-01"), 39: ("month", "2024-12-01")}
    assert {f.value: f.breakdown for f in report.figures}[280] is None  # no month named


def test_words_before_a_relative_clause_belong_to_the_figure_after_it() -> None:
    report = extract_text("Звіт про громадський бюджет Ніжинської міської ради за 2024 рік\n"
                          "Участь у голосуванні, що тривало з 1 по 20 жовтня, взяли 2 310 ніжинців, "
                          "які віддали загалом 3 020 голосів.")
    assert pairs(report) == Counter({("pb_voters", 2310): 1, ("pb_votes_cast", 3020): 1})


def test_a_relative_clause_says_what_things_that_only_remain_are() -> None:
    report = extract_text("Довідка про громадські об’єднання Ніжинської міської ради станом на 1 липня 2025 року\n"
                          "У реєстрі залишаються 14 об’єднань, які фактично припинили діяльність.\n"
                          "У реєстрі є 6 організацій, що перебувають у стані припинення.")
    assert pairs(report) == Counter({("ngos_ceased", 14): 1, ("ngos_in_liquidation", 6): 1})


def test_items_under_a_lead_that_is_only_a_part_marker_are_parts_of_the_figure_before() -> None:
    report = extract_text("Звіт загального відділу Ніжинської міської ради за 2024 рік\n"
                          "Загальний обсяг документообігу склав 12 400 документів.\n"
                          "У тому числі:\n"
                          "вхідна кореспонденція – 5 100;\n"
                          "вихідна кореспонденція – 4 300;\n"
                          "внутрішні документи (накази, службові записки) – 3 000.")
    got = pairs(report)
    assert got[("letters_received", 5100)] == got[("outgoing_documents", 4300)] == 1
    assert breakdowns(report, "documents_flow_total") == {12400: None, 3000: "вид: внутрішні документи"}  # (one
    # breakdown for internal documents, however a report words them)


def test_a_pronoun_brings_the_words_of_the_sentence_before() -> None:
    report = extract_text("Звіт про громадський бюджет Ніжинської міської ради за 2024 рік\n"
                          "Голосування тривало з 1 по 30 вересня. У ньому взяли участь 3 410 мешканців громади.\n"
                          "Конкурс тривав місяць. У ньому взяли участь 40 мешканців.")
    assert pairs(report) == Counter({("pb_voters", 3410): 1})
    assert "40" in unmatched(report)


def test_a_clause_opening_the_sentence_says_what_the_figure_after_it_results_from() -> None:
    report = extract_text("Звіт відділу комунікацій Ніжинської міської ради за березень 2025 року\n"
                          "Щотижня проводився моніторинг публікацій, за місяць підготовлено 4 огляди для міського голови.\n"
                          "Підготовлено 6 оглядів законодавства.")
    assert pairs(report) == Counter({("media_monitoring_digests", 4): 1})
    assert "6" in unmatched(report)


def test_an_earlier_half_year_in_brackets_keeps_its_period_and_parts_stay_with_their_total() -> None:
    report = extract_text("Звіт про звернення громадян Ніжинської міської ради за ІІ півріччя 2024 року\n"
                          "Надійшло 610 звернень (у ІІ півріччі 2023 року – 577).\n"
                          "Громадяни порушили 702 питання, найбільше – щодо благоустрою (210) та освіти (95).")
    got = {f.value: (f.code, f.period.start.isoformat() if f.period else None) for f in report.figures}
    assert got == {610: ("appeals_received", None), 577: ("appeals_received", "2023-07-01"),
                   702: ("appeal_issues_raised", None), 210: ("appeal_issues_raised", None),
                   95: ("appeal_issues_raised", None)}


def test_a_table_with_a_date_or_a_year_per_column_gives_each_figure_its_own() -> None:
    stocks = extract_text("Довідка про громадські об’єднання Ніжинської міської ради станом на 01.07.2025\n"
                          "Показник | 01.01.2025 | 01.07.2025\n"
                          "Громадські організації | 188 | 196\n"
                          "Осередки політичних партій | 30 | 30\n")
    got = {(f.code, f.value, f.as_of.isoformat()) for f in stocks.figures}
    assert got == {("ngos_registered", 188, "2025-01-01"), ("ngos_registered", 196, "2025-07-01"),
                   ("party_cells_registered", 30, "2025-01-01"), ("party_cells_registered", 30, "2025-07-01")}
    flows = extract_text("Звіт про звернення громадян до Ніжинської міської ради за 2025 рік\n"
                         "Показник\t2024\t2025\n"
                         "Надійшло звернень\t1 300\t1 420\n")
    got = {(f.code, f.value, f.period.start.year if f.period else None) for f in flows.figures}
    assert got == {("appeals_received", 1300, 2024), ("appeals_received", 1420, None)}  # None: the report's year


def test_a_tables_heading_names_the_metric_of_its_rows_and_a_share_column_is_no_figure() -> None:
    report = extract_text("Звіт про звернення громадян до Ніжинської міської ради за І квартал 2025 року\n\n"
                          "Вид звернення | Кількість | Частка, %\n"
                          "Заяви | 300 | 75\n"
                          "Скарги | 100 | 25\n"
                          "Усього | 400 | 100\n\n"
                          "Порушені питання\tКількість\n"
                          "Благоустрій\t120\n"
                          "Освіта\t45\n")
    assert pairs(report) == Counter({("appeals_received", 300): 1, ("appeals_received", 100): 1,
                                     ("appeals_received", 400): 1, ("appeal_issues_raised", 120): 1,
                                     ("appeal_issues_raised", 45): 1})
    assert breakdowns(report, "appeal_issues_raised") == {120: "Благоустрій", 45: "Освіта"}


def test_a_stock_on_another_day_in_brackets_keeps_its_day_and_leaves_the_next_figure_alone() -> None:
    report = extract_text("Довідка відділу внутрішньої політики Ніжинської міської ради за 2025 рік\n"
                          "Станом на 31.12.2025 зареєстровано 132 громадські організації (на 01.01.2025 – 127), "
                          "36 релігійних громад.")
    got = {(f.code, f.value, f.as_of.isoformat()) for f in report.figures}
    assert got == {("ngos_registered", 132, "2025-12-31"), ("ngos_registered", 127, "2025-01-01"),
                   ("religious_orgs_registered", 36, "2025-12-31")}


def test_u_t_ch_marks_parts_however_it_is_spaced() -> None:
    report = extract_text("Звіт загального відділу Ніжинської міської ради за 2025 рік\n"
                          "Пройшло через систему документообігу 9 800 документів, у т.ч. вхідних – 4 100, вихідних – 3 200.\n"
                          "Надійшло 300 звернень, у т. ч. 40 колективних.")
    got = pairs(report)
    assert got[("letters_received", 4100)] == got[("outgoing_documents", 3200)] == 1
    assert breakdowns(report, "appeals_received") == {300: None, 40: "колективних (звернень)"}


def test_a_run_of_adjective_items_goes_on_past_its_second_item_and_into_the_next_sentence() -> None:
    report = extract_text("Звіт відділу звернень Ніжинської міської ради за травень 2025 року\n"
                          "Письмових звернень – 540, усних – 120. Повторних – 31, колективних – 12.\n"
                          "Вхідних документів – 800, вихідних – 610. Внутрішніх – 95.")
    assert breakdowns(report, "appeals_received") == {540: None, 120: "усних", 31: "Повторних", 12: "колективних"}
    got = pairs(report)
    assert got[("letters_received", 800)] == got[("outgoing_documents", 610)] == 1
    assert "95" in unmatched(report)  # the adjective names no metric of its own with that noun: never guessed


# ------------------------------------------------------------------ topics in brackets: the noun before the first one


def test_topics_in_brackets_count_the_noun_named_before_the_first_one() -> None:
    requests = extract_text("Звіт про запити на інформацію Ніжинської міської ради за 2024 рік\n"
                            "Найбільше запитів стосувалося благоустрою (64), земельних питань (40) та транспорту (21).")
    assert pairs(requests) == Counter({("public_info_requests", 64): 1, ("public_info_requests", 40): 1,
                                       ("public_info_requests", 21): 1})
    appeals = extract_text("Звіт про звернення громадян Ніжинської міської ради за 2024 рік\n"
                           "Заявники порушували питання освіти (52), транспорту (18).")
    assert pairs(appeals) == Counter({("appeal_issues_raised", 52): 1, ("appeal_issues_raised", 18): 1})


def test_dashed_items_in_brackets_after_a_figure_are_its_parts() -> None:
    report = extract_text("Звіт відділу комунікацій Ніжинської міської ради за березень 2025 року\n"
                          "У соцмережах розміщено 75 дописів (Facebook – 30, Instagram – 20, Telegram – 25).\n"
                          "Проведено 4 наради (учасники – 40 осіб).")
    assert breakdowns(report, "social_media_posts") == {75: None, 30: "Facebook", 20: "Instagram", 25: "Telegram"}
    assert all(f.value != 40 for f in report.figures)  # people at meetings: no metric


def test_projects_that_failed_the_review_are_rejected_ones() -> None:
    report = extract_text("Звіт про громадський бюджет Ніжинської міської ради за 2025 рік\n"
                          "На голосування винесено 52 проєкти, 11 не пройшли експертизу.\n"
                          "Експертизу пройшли 52 проєкти.")
    got = pairs(report)
    assert got[("pb_projects_on_ballot", 52)] == 1 and got[("pb_projects_rejected", 11)] == 1
    assert got[("pb_projects_rejected", 52)] == 0


def test_a_colon_after_a_relative_clause_still_opens_the_parts_of_the_figure_before() -> None:
    report = extract_text("Звіт про електронні петиції Ніжинської міської ради за 2024 рік\n"
                          "Відповіді надано на всі 7 петицій, що набрали необхідну кількість голосів: "
                          "4 підтримано, 3 – не підтримано.")
    assert breakdowns(report, "petitions_answered") == {7: None, 4: "підтримано (петицій)", 3: "не підтримано (петицій)"}
    assert not any(f.code in ("petitions_supported", "petitions_failed") for f in report.figures)


def test_what_the_work_was_about_is_no_department() -> None:
    report = extract_text("Інформація про роботу з електронними петиціями у Ніжинській міській раді за 2024 рік\n"
                          "Зареєстровано 12 петицій.")
    assert report.department == ""
    assert "report_no_department" in {p.key for p in report.problems}
    assert pairs(report) == Counter({("petitions_submitted", 12): 1})


def test_the_same_figure_at_another_time_in_brackets_and_a_sessions_decisions() -> None:
    report = extract_text("Звіт загального відділу Ніжинської міської ради за ІІІ квартал 2025 року\n"
                          "Відбулося дві сесії міської ради, на яких прийнято 98 рішень.\n"
                          "Зареєстровано 2 900 вхідних документів (у ІІ кварталі – 2 750) та 2 100 вихідних.")
    got = {(f.code, f.value, f.period.start.isoformat() if f.period else None) for f in report.figures}
    assert got == {("letters_received", 2900, None), ("letters_received", 2750, "2025-04-01"),
                   ("outgoing_documents", 2100, None)}  # no executive committee's decisions at a session


def test_a_department_named_with_an_adjective_first_is_put_in_the_nominative_whole() -> None:
    assert extract_text("Звіт про роботу загального відділу Ніжинської міської ради за 2025 рік\n"
                        "Надійшло 5 звернень.").department == "загальний відділ Ніжинської міської ради"
    assert extract_text("Звіт про роботу юридичного управління Ніжинської міської ради за 2025 рік\n"
                        "Надійшло 5 звернень.").department == "юридичне управління Ніжинської міської ради"


# ------------------------------------------------------------------ tables aligned with spaces; the means is no counted thing


def test_a_table_aligned_with_spaces_reads_row_by_row_and_the_means_counts_nothing() -> None:
    report = extract_text("Звіт про запити на публічну інформацію Ніжинської міської ради за квітень 2025 року\n\n"
                          "Показник                                   Кількість\n"
                          "Отримано запитів, усього                          57\n"
                          "   від громадян                                   40\n"
                          "   від підприємств                                17\n"
                          "Надійшло телефоном                                 9\n"
                          "Надійшло електронною поштою                       48\n"
                          "Відмовлено                                         3\n\n"
                          "Начальник відділу                       П. ОСТАПЧУК")
    assert pairs(report) == Counter({("public_info_requests", 57): 1, ("public_info_requests", 40): 1,
                                     ("public_info_requests", 17): 1, ("public_info_requests", 9): 1,
                                     ("public_info_requests", 48): 1, ("public_info_requests_refused", 3): 1})
    assert breakdowns(report, "public_info_requests")[40] == "від громадян"
    appeals = extract_text("Звіт про звернення громадян Ніжинської міської ради за 2025 рік\n"
                           "Надійшло поштою – 12 звернень, телефоном – 30, поштовим зв’язком – 7.\n"
                           "Розглянуто комісією 8 скарг.")
    assert pairs(appeals)[("appeals_received", 12)] == 1 and pairs(appeals)[("appeals_received", 30)] == 1
    assert pairs(appeals)[("appeals_received", 7)] == 1
    assert "8" in unmatched(appeals)  # complaints: no metric, whatever did the work


# ------------------------------------------------------------------ a number said again in brackets is read once


def test_a_number_repeated_in_brackets_in_words_or_digits_is_read_once() -> None:
    report = extract_text("Звіт про звернення громадян Ніжинської міської ради за 2025 рік\n"
                          "Надійшло 74 (сімдесят чотири) звернення, з них усних – 20 (двадцять).\n"
                          "Прийнято двадцять три (23) рішення виконавчого комітету.\n"
                          "Проведено 5 (п’ять) екскурсій.")
    assert pairs(report) == Counter({("appeals_received", 74): 1, ("appeals_received", 20): 1,
                                     ("exec_decisions_adopted", 23): 1})
    assert unmatched(report) == {"5"}  # excursions: no metric; the words after it are no second number


# ------------------------------------------------------------------ a sum in brackets after what it counts


def test_a_sum_in_brackets_counts_what_the_words_before_the_bracket_name() -> None:
    report = extract_text("Звіт про звернення громадян Ніжинської міської ради за 2025 рік\n"
                          "Перелік порушених питань (загалом 64 питання):\n"
                          "– благоустрій – сорок;\n"
                          "– освіта – 24.\n"
                          "Вхідна кореспонденція (всього 880 документів) зареєстрована вчасно.\n"
                          "Екскурсії (усього 7) проведено для школярів.")
    assert pairs(report) == Counter({("appeal_issues_raised", 64): 1, ("appeal_issues_raised", 40): 1,
                                     ("appeal_issues_raised", 24): 1, ("letters_received", 880): 1})
    assert breakdowns(report, "appeal_issues_raised")[24] == "освіта"
    assert "7" in unmatched(report)


# ------------------------------------------------------------------ explained and satisfied appeals are answered ones


def test_appeals_explained_or_satisfied_in_any_order_are_answered() -> None:
    report = extract_text("Звіт про звернення громадян Ніжинської міської ради за 2025 рік\n"
                          "Надійшло 90 звернень.\n"
                          "Задоволено 33 звернення, роз’яснено 40, ще по 9 дано роз’яснення телефоном.\n"
                          "12 звернень роз’яснено на особистому прийомі.")
    assert pairs(report) == Counter({("appeals_received", 90): 1, ("appeals_answered", 33): 1,
                                     ("appeals_answered", 40): 1, ("appeals_answered", 9): 1,
                                     ("appeals_answered", 12): 1})
    requests = extract_text("Звіт про запити на публічну інформацію Ніжинської міської ради за 2025 рік\n"
                            "Отримано 30 запитів, роз’яснено 6.")
    assert pairs(requests) == Counter({("public_info_requests", 30): 1, ("public_info_requests_explained", 6): 1})


# ------------------------------------------------------------------ "Кількість … становить N осіб"


def test_a_level_stated_with_a_unit_after_it_counts_what_kilkist_names() -> None:
    report = extract_text("Звіт про звернення громадян Ніжинської міської ради за 2025 рік\n"
                          "Кількість громадян, що звернулися за рік, склала сімдесят дві особи.\n"
                          "Кількість вхідних документів становить 1 450 одиниць.\n"
                          "Кількість відвідувачів виставки становить 300 осіб.")
    assert pairs(report) == Counter({("citizens_appealed", 72): 1, ("letters_received", 1450): 1})
    assert "300" in unmatched(report)  # visitors: no metric


# ------------------------------------------------------------------ a snapshot heading under the letterhead; NGOs doing nothing


def test_a_snapshot_heading_under_the_letterhead_says_when_before_the_body() -> None:
    report = extract_text("НІЖИНСЬКА МІСЬКА РАДА\n"
                          "Відділ внутрішньої політики\n\n"
                          "Інформація про громадські об’єднання громади станом на 1 квітня 2025 року\n\n"
                          "У І кварталі 2025 року зареєстровано 4 нові громадські організації. "
                          "Усього на обліку 88 громадських організацій, з них 15 фактично не здійснюють діяльності.")
    assert (report.period.granularity, report.period.start.isoformat()) == ("custom", "2025-04-01")
    assert pairs(report) == Counter({("ngos_registered", 88): 1, ("ngos_ceased", 15): 1})
    assert all(f.as_of is not None and f.as_of.isoformat() == "2025-04-01" for f in report.figures)


# ------------------------------------------------------------------ a heading with no colon over a ";" list; numbered sub-rows


def test_a_heading_without_a_colon_leads_its_list_and_a_split_by_names_no_metric() -> None:
    report = extract_text("Довідка відділу внутрішньої політики Ніжинської міської ради станом на 1 січня 2025 року\n\n"
                          "Структура релігійних громад за віросповіданнями\n"
                          "Православні громади – 21;\n"
                          "Протестантські громади – 6;\n"
                          "інші – 2.\n\n"
                          "Надійшло 14 запитів на інформацію.\n"
                          "За видами запитувачів отримано запитів:\n"
                          "– 11 від громадян;\n"
                          "– 3 від журналістів.")
    assert pairs(report) == Counter({("religious_orgs_registered", 21): 1, ("religious_orgs_registered", 6): 1,
                                     ("religious_orgs_registered", 2): 1, ("public_info_requests", 14): 1,
                                     ("public_info_requests", 11): 1, ("public_info_requests", 3): 1})


def test_rows_numbered_one_one_are_sub_rows_of_the_row_above() -> None:
    report = extract_text("Довідка відділу внутрішньої політики Ніжинської міської ради станом на 1 січня 2025 року\n"
                          "№ | Показник | Кількість\n"
                          "1 | Громадські організації | 93\n"
                          "1.1 | у т. ч. такі, що не ведуть діяльності | 17\n"
                          "1.2 | у т. ч. у стані припинення | 4\n"
                          "2 | Профспілкові організації | 30")
    assert pairs(report) == Counter({("ngos_registered", 93): 1, ("ngos_ceased", 17): 1, ("ngos_in_liquidation", 4): 1,
                                     ("trade_unions_registered", 30): 1})


# ------------------------------------------------------------------ figures in brackets after their noun


def test_dashed_items_in_brackets_after_a_noun_with_no_figure_count_what_it_names() -> None:
    report = extract_text("Звіт відділу комунікацій Ніжинської міської ради за березень 2025 року\n"
                          "У соцмережах розміщено публікації (Telegram – 52, Facebook – 47).\n"
                          "Організовано екскурсії (школярі – 30, ветерани – 12).")
    assert pairs(report) == Counter({("social_media_posts", 52): 1, ("social_media_posts", 47): 1})
    assert breakdowns(report, "social_media_posts") == {52: "Telegram", 47: "Facebook"}
    assert {"30", "12"} <= unmatched(report)  # excursions: no metric


def test_a_later_bracketed_figure_whose_words_name_a_metric_is_that_metric() -> None:
    report = extract_text("Звіт відділу комунікацій Ніжинської міської ради за березень 2025 року\n"
                          "Підготовлено привітання (14) та промови міського голови (5); "
                          "проведено онлайн-трансляції (3: сесія та засідання виконкому).\n"
                          "Найбільше запитів стосувалося освіти (20) та земельних питань (8).")
    got = pairs(report)
    assert got[("greetings_prepared", 14)] == 1 and got[("speeches_prepared", 5)] == 1
    assert got[("online_broadcasts", 3)] == 1
    assert got[("public_info_requests", 8)] == 1 and got[("public_info_requests", 20)] == 1  # topics stay topics


def test_a_part_with_photos_of_news_counts_news_with_photos() -> None:
    report = extract_text("Звіт відділу комунікацій Ніжинської міської ради за березень 2025 року\n"
                          "На сайті розміщено 40 новин, з них 31 – з фото.\n"
                          "Опубліковано 22 новини, з них зі світлинами (15).\n"
                          "До новин додано 120 фото.")
    assert pairs(report) == Counter({("news_published", 40): 1, ("photo_news_published", 31): 1,
                                     ("news_published", 22): 1, ("photo_news_published", 15): 1,
                                     ("photos_in_news_published", 120): 1})


# ------------------------------------------------------------------ a table's heading over the figure's column


def test_the_heading_cell_over_the_figures_column_names_it_and_a_name_column_makes_it_one_things() -> None:
    report = extract_text("Звіт про громадський бюджет Ніжинської міської ради за 2025 рік\n"
                          "Назва проєкту\tРайон\tГолосів\n"
                          "Велодоріжка вздовж набережної\tцентр\t2 310\n"
                          "Укриття для бездомних тварин\tпівніч\t1 045\n\n"
                          "Показник | Кількість\n"
                          "Подано проєктів | 48")
    assert pairs(report) == Counter({("pb_project_votes", 2310): 1, ("pb_project_votes", 1045): 1,
                                     ("pb_projects_submitted", 48): 1})


# ------------------------------------------------------------------ who sent them – N; cases


def test_senders_with_a_dash_after_requests_or_appeals_count_what_was_sent() -> None:
    report = extract_text("Звіт про запити на інформацію Ніжинської міської ради за 2025 рік\n"
                          "Громадяни надіслали 60 запитів, депутати – 9, адвокати – 4.\n"
                          "Проведено 6 семінарів, слухачі – 80.")
    assert pairs(report) == Counter({("public_info_requests", 60): 1, ("public_info_requests", 9): 1,
                                     ("public_info_requests", 4): 1, ("seminars_attended", 6): 1})
    assert breakdowns(report, "public_info_requests")[9] == "депутати"
    assert "80" in unmatched(report)  # people at a seminar: no metric, never the figure before


def test_cases_count_what_their_clause_names() -> None:
    report = extract_text("Звіт про запити на інформацію Ніжинської міської ради за 2025 рік\n"
                          "Отримано 80 запитів; у 11 випадках строк розгляду продовжено, в 4 випадках відмовлено, "
                          "ще у 6 випадках надано роз’яснення.\n"
                          "Надійшло 40 звернень, у 25 випадках питання вирішено позитивно.\n"
                          "Зафіксовано 2 випадки порушення строків.")
    assert pairs(report) == Counter({("public_info_requests", 80): 1, ("public_info_requests_extended", 11): 1,
                                     ("public_info_requests_refused", 4): 1, ("public_info_requests_explained", 6): 1,
                                     ("appeals_received", 40): 1, ("appeals_answered", 25): 1})
    assert "2" in unmatched(report)


# ------------------------------------------------------------------ months named alone in brackets; a noun said again in brackets


def test_months_named_alone_in_brackets_after_a_figure_are_its_months() -> None:
    report = extract_text("Звіт відділу комунікацій Ніжинської міської ради за І квартал 2025 року\n"
                          "Опубліковано 150 новин (січень – 40, лютий – 52, березень – 58).")
    got = {(f.code, f.value, f.period.start.month if f.period else None) for f in report.figures}
    assert got == {("news_published", 150, None), ("news_published", 40, 1), ("news_published", 52, 2),
                   ("news_published", 58, 3)}


def test_a_number_with_the_noun_before_its_bracket_said_again_counts_what_that_noun_names() -> None:
    report = extract_text("Звіт відділу комунікацій Ніжинської міської ради за 2025 рік\n"
                          "Щотижня готувалися огляди публікацій у ЗМІ (48 оглядів).\n"
                          "Для керівництва готувався огляд преси (усього 12).\n"
                          "Відбулися наради (7 нарад).")
    assert pairs(report) == Counter({("media_monitoring_digests", 48): 1, ("media_monitoring_digests", 12): 1})
    assert "7" in unmatched(report)


# ------------------------------------------------------------------ a council two places share; row numbers before a cell


def test_a_council_name_two_places_share_is_told_apart_by_the_file_name() -> None:
    text = ("ЗВІТ\nпро роботу відділу комунікацій Долинської міської ради\nза 2025 рік\n\n"
            "Опубліковано 300 новин.")
    assert extract_text(text, "dolyna_comms_2025.txt").place.name_en == "Dolyna"
    assert extract_text(text, "report.txt").place is None  # still ambiguous: never guessed
    text = "ДОВІДКА\nпро роботу загального відділу Миколаївської міської ради\nза 2025 рік\n\nЗареєстровано 900 вхідних документів."
    assert extract_text(text, "report.txt").place is None  # two Mykolaivs: a question, not the bigger one
    capital = extract_text(text + "\nЗвіт надіслано до Миколаївської обласної військової адміністрації.", "report.txt").place
    assert (capital.name_en, capital.oblast_uk) == ("Mykolaiv", "Миколаївська")  # the oblast the text names


def test_row_numbers_of_a_table_aligned_with_spaces_or_tabs_are_no_figures() -> None:
    report = extract_text("Звіт відділу комунікацій Ніжинської міської ради за 2025 рік\n"
                          "№    Показник                                          Кількість\n"
                          "1    Новини на вебсайті                                  410\n"
                          "2    у т. ч. з фотоматеріалами                           305\n"
                          "3    Оприлюднено документів (рішення, розпорядження)     96\n"
                          "4\tВідеосюжети\t12\n\n"
                          "На вебсайті створено 3 нові підрозділи.")
    assert pairs(report) == Counter({("news_published", 410): 1, ("photo_news_published", 305): 1,
                                     ("documents_published", 96): 1, ("videos_published", 12): 1,
                                     ("site_subsections_created", 3): 1})


# ------------------------------------------------------------------ columns of quarters or months with no year, and "Разом"


def test_columns_headed_by_quarters_with_no_year_and_a_total_column() -> None:
    report = extract_text("Звіт про запити на інформацію Ніжинської міської ради за І півріччя 2024 року\n"
                          "Запити наведено в таблиці 1.\n"
                          "| № | Показник              | І квартал | ІІ квартал | Разом |\n"
                          "| 1 | Отримано запитів      | 120       | 95         | 215   |\n"
                          "| 2 | Відмовлено            | 4         | 6          | 10    |")
    got = {(f.code, f.value, f.period.start.isoformat() if f.period else None) for f in report.figures}
    assert got == {("public_info_requests", 120, "2024-01-01"), ("public_info_requests", 95, "2024-04-01"),
                   ("public_info_requests", 215, None), ("public_info_requests_refused", 4, "2024-01-01"),
                   ("public_info_requests_refused", 6, "2024-04-01"), ("public_info_requests_refused", 10, None)}
    assert "1" not in unmatched(report)  # a reference to a table, a row number: no figures
    months = extract_text("Звіт відділу комунікацій Ніжинської міської ради за І квартал 2025 року\n"
                          "Показник\tСічень\tЛютий\tБерезень\n"
                          "Новини на сайті\t30\t28\t41")
    got = {(f.code, f.value, f.period.start.month if f.period else None) for f in months.figures}
    assert got == {("news_published", 30, 1), ("news_published", 28, 2), ("news_published", 41, 3)}


# ------------------------------------------------------------------ "при цьому"; people it was done to; a colon's lead over a sentence before


def test_meanwhile_is_no_attribute_and_people_in_the_dative_are_not_counted() -> None:
    report = extract_text("Звіт про звернення громадян Ніжинської міської ради за 2025 рік\n"
                          "Надійшло 900 звернень, при цьому звернулися 1 020 громадян, бо листи підписували сусіди.\n"
                          "Розглянуто 870 звернень, у 40 випадках заявникам відмовлено.\n"
                          "Запити направлено належним розпорядникам у 6 випадках.")
    got = pairs(report)
    assert got[("citizens_appealed", 1020)] == 1 and got[("appeals_answered", 870)] == 1
    assert [(f.code, f.breakdown) for f in report.figures if f.value == 40] == [("appeals_answered", "відмовлено")]
    # (appeals refused, never the applicants)
    assert not any(f.code == "social_media_followers" for f in report.figures)


def test_a_colons_lead_names_its_items_before_a_sentence_before_does() -> None:
    report = extract_text("Звіт про звернення громадян Ніжинської міської ради за 2025 рік\n"
                          "Надійшло 700 звернень, у них порушено 820 питань.\n"
                          "За формою подання звернення розподілилися так: поштою – 210, через портал – 390, "
                          "на прийомах – 100.")
    assert breakdowns(report, "appeals_received").keys() == {700, 210, 390, 100}
    assert pairs(report)[("appeal_issues_raised", 820)] == 1


# ------------------------------------------------------------------ a heading cell naming each column's metric; a quote after the figure


def test_each_columns_heading_names_its_metric_with_the_rows_label() -> None:
    report = extract_text("Звіт про громадський бюджет Ніжинської міської ради за 2025 рік\n"
                          "Категорія\tДопущено\tГолосів\tПереможців\n"
                          "Шкільні проєкти\t12\t8 400\t4\n"
                          "Загальні проєкти\t30\t21 950\t7\n"
                          "Найбільше голосів – 2 140 – набрав проєкт «Зелений двір».")
    assert pairs(report) == Counter({("pb_projects_on_ballot", 12): 1, ("pb_votes_cast", 8400): 1,
                                     ("pb_projects_won", 4): 1, ("pb_projects_on_ballot", 30): 1,
                                     ("pb_votes_cast", 21950): 1, ("pb_projects_won", 7): 1,
                                     ("pb_project_votes", 2140): 1})
    assert breakdowns(report, "pb_projects_won") == {4: "категорія: шкільні проєкти", 7: "категорія: загальні проєкти"}
    shares = extract_text("Звіт про звернення громадян Ніжинської міської ради за 2025 рік\n"
                          "Вид | Кількість | Частка\n"
                          "Письмові звернення | 410 | 72,3\n"
                          "Усні звернення | 157 | 27,7")
    assert pairs(shares) == Counter({("appeals_received", 410): 1, ("appeals_received", 157): 1})


# ------------------------------------------------------------------ a lead with a figure in a relative clause


def test_a_lists_total_is_the_leads_figure_outside_its_relative_clause() -> None:
    report = extract_text("Довідка відділу внутрішньої політики Ніжинської міської ради станом на 1 січня 2025 року\n"
                          "Зареєстровано 19 релігійних громад, що належать до п’яти конфесій:\n"
                          "   – Православна церква України – 11;\n"
                          "   – римо-католики – 8.\n"
                          "Громадських організацій – 60, з них 7 фактично не працюють.")
    assert pairs(report) == Counter({("religious_orgs_registered", 19): 1, ("religious_denominations", 5): 1,
                                     ("religious_orgs_registered", 11): 1, ("religious_orgs_registered", 8): 1,
                                     ("ngos_registered", 60): 1, ("ngos_ceased", 7): 1})


# ------------------------------------------------------------------ a figure with a noun of its own after a total is no part of it


def test_a_figure_with_its_own_noun_and_verb_after_a_total_is_no_part_of_it() -> None:
    report = extract_text("Звіт про громадську участь Ніжинської міської ради за 2025 рік\n"
                          "Проведено 3 громадські обговорення, в яких узяли участь 840 мешканців.\n"
                          "Громадська рада провела 5 засідань, одне з яких – виїзне, та розглянула 16 питань.\n"
                          "Надійшло 12 петицій; на всі оприлюднено 12 відповідей.")
    got = pairs(report)
    assert got[("public_consultations_held", 3)] == 1 and got[("public_council_meetings", 5)] == 1
    assert not any(f.value in (840, 16) for f in report.figures)
    assert got[("petitions_answered", 12)] == 1  # answers, in a text about petitions


# ------------------------------------------------------------------ number words before "з них"; a report said aloud


def test_number_words_before_of_them_and_a_spoken_reports_petitions_and_projects() -> None:
    report = extract_text("Звіт про громадську участь Ніжинської міської ради за ІІ квартал 2025 року\n"
                          "Зареєстровано дев’ять петицій. Чотири з них зібрали необхідні 250 голосів. "
                          "П’ять петицій голосів не набрали.\n"
                          "Подано 20 проєктів; три проєкти не пройшли попередньої перевірки.\n"
                          "Далі – громадські обговорення. Їх відбулося два.\n"
                          "Змонтовано 14 відеосюжетів, шість із яких – звернення міського голови.")
    assert pairs(report) == Counter({("petitions_submitted", 9): 1, ("petitions_supported", 4): 1,
                                     ("petitions_failed", 5): 1, ("pb_projects_submitted", 20): 1,
                                     ("pb_projects_rejected", 3): 1, ("public_consultations_held", 2): 1,
                                     ("videos_published", 14): 1, ("videos_published", 6): 1})
    assert "250" in unmatched(report)  # the threshold


def test_one_of_them_counts_as_a_kind_never_as_one_singled_out() -> None:
    report = extract_text("Звіт загального відділу Ніжинської міської ради за ІІІ квартал 2025 року\n"
                          "Проведено 5 засідань виконавчого комітету (одне з них позачергове).\n"
                          "Засідання виконавчого комітету: липень – 2, серпень – 3.\n"
                          "Надано відповіді на 4 петиції, одну з них підтримано частково.")
    got = pairs(report)
    assert got[("exec_committee_meetings", 1)] == 1 and got[("exec_committee_meetings", 2)] == 1
    assert got[("petitions_answered", 4)] == 1 and not any(f.code.startswith("petitions") and f.value == 1
                                                           for f in report.figures)


# ------------------------------------------------------------------ pending in brackets; a tie broken the same way every run


def test_a_bracketed_figure_whose_predicate_says_pending_is_not_received() -> None:
    report = extract_text("Звіт про звернення громадян Ніжинської міської ради за 2025 рік\n"
                          "Надійшло 90 звернень. Решта звернень (11) перебуває на розгляді.")
    assert pairs(report) == Counter({("appeals_received", 90): 1})


def test_projects_returned_to_their_authors_never_count_authors() -> None:
    report = extract_text("Звіт про громадський бюджет Ніжинської міської ради за 2025 рік\n"
                          "На доопрацювання авторам поверталося 12 проєктів.")
    assert not any(f.code == "pb_authors" for f in report.figures)


# ------------------------------------------------------------------ a noun further down the chain; a sum for the period; names in quotes


def test_a_noun_further_down_the_chain_a_sum_for_the_period_and_numbers_in_quoted_names() -> None:
    report = extract_text("Звіт відділу комунікацій Ніжинської міської ради за вересень 2025 року\n"
                          "Підготовлено привітань: 15; текстів промов міського голови – чотири.\n"
                          "Щодня готувалися огляди публікацій ЗМІ для керівництва, всього за місяць – 21.\n"
                          "Стартував конкурс «Громадський бюджет – 2026»; подано 12 проєктів.")
    assert pairs(report) == Counter({("greetings_prepared", 15): 1, ("speeches_prepared", 4): 1,
                                     ("media_monitoring_digests", 21): 1, ("pb_projects_submitted", 12): 1})
    assert "2026" not in unmatched(report)


# ------------------------------------------------------------------ a month a year before in brackets; parts of the document flow; drafts


def test_parts_of_the_document_flow_stay_documents_and_drafts_are_no_budget_projects() -> None:
    report = extract_text("Звіт загального відділу Ніжинської міської ради за березень 2026 року\n"
                          "Через систему електронного документообігу пройшло 900 документів (у березні 2025 р. – 850), з них:\n"
                          "   звернення депутатів – 12;\n"
                          "   службові записки – 140.\n"
                          "На засідання внесено 30 проєктів рішень; два проєкти знято з розгляду для доопрацювання.")
    got = {(f.code, f.value) for f in report.figures}
    assert {("documents_flow_total", 900), ("documents_flow_total", 12), ("documents_flow_total", 140)} <= got
    assert ("documents_flow_total", 850) in got
    assert not any(f.code.startswith("pb_") or f.code == "appeals_received" for f in report.figures)


def test_datasets_updated_are_no_count_of_datasets() -> None:
    report = extract_text("Звіт про доступ до публічної інформації Ніжинської міської ради за 2025 рік\n"
                          "На порталі відкритих даних розміщено 40 наборів даних; упродовж року оновлено 25 з них.")
    assert not any(f.value == 25 for f in report.figures)


def test_the_same_figure_nine_months_a_year_before_and_parts_of_this_number() -> None:
    report = extract_text("Звіт загального відділу Ніжинської міської ради за 9 місяців 2025 року\n"
                          "У системі електронного документообігу зареєстровано 20 100 документів, що на 1 200 менше, "
                          "ніж торік (за 9 місяців 2024 року – 21 300).\n"
                          "З цієї кількості вхідних – 9 000, внутрішні документи (службові записки, доручення) – 3 100.")
    got = pairs(report)
    assert got[("documents_flow_total", 20100)] == 1 and got[("documents_flow_total", 21300)] == 1
    assert got[("letters_received", 9000)] == 1 and got[("documents_flow_total", 3100)] == 1
    assert not any(f.value in (9, 1200) for f in report.figures)


def test_no_noun_from_a_sentence_before_past_a_number_of_this_one_that_named_nothing() -> None:
    report = extract_text("Звіт відділу комунікацій Ніжинської міської ради за І квартал 2025 року\n"
                          "На сайті розміщено 300 новин, з них 120 – з фото.\n"
                          "Найбільше було в березні, коли вийшло 110 повідомлень; у січні їх було 90, у лютому – 100.")
    assert not any(f.value == 100 for f in report.figures)  # never news with photos


def test_organisations_that_got_something_are_no_count_of_those_registered() -> None:
    report = extract_text("Довідка відділу внутрішньої політики Ніжинської міської ради за 2025 рік\n"
                          "У громаді діють 80 громадських організацій.\n"
                          "За результатами конкурсу фінансову підтримку отримали 5 громадських організацій.\n"
                          "На обліку перебуває 30 релігійних організацій, які представляють 7 конфесій.")
    assert pairs(report) == Counter({("ngos_registered", 80): 1, ("religious_orgs_registered", 30): 1,
                                     ("religious_denominations", 7): 1})
    assert "5" in unmatched(report)


def test_petitions_that_did_not_get_support_failed_in_any_order() -> None:
    report = extract_text("Звіт про електронні петиції Ніжинської міської ради за 2025 рік\n"
                          "Зареєстровано 30 петицій; 7 петицій не набрали потрібної підтримки, "
                          "ще 4 петиції підтримки не отримали.")
    assert pairs(report) == Counter({("petitions_submitted", 30): 1, ("petitions_failed", 7): 1,
                                     ("petitions_failed", 4): 1})


def test_from_whom_with_an_arrival_verb_counts_the_family_thing_counted_before() -> None:
    report = extract_text("Звіт про звернення громадян Ніжинської міської ради за 2025 рік\n"
                          "Від ветеранів надійшло 140 звернень, від переселенців надійшло 52.\n"
                          "Від школярів отримано 30 малюнків.")
    assert pairs(report) == Counter({("appeals_received", 140): 1, ("appeals_received", 52): 1})
    assert "30" in unmatched(report)


def test_whose_figure_with_the_noun_of_the_figure_before_and_albums() -> None:
    report = extract_text("Звіт відділу комунікацій Ніжинської міської ради за 2025 рік\n"
                          "Telegram-канал ради мав 15 тисяч підписників, сторінка у Facebook – 9 400.\n"
                          "До фотогалереї додано 600 світлин, розкладених у 12 нових альбомів.\n"
                          "Проведено 3 наради, присутні – 45.")
    assert pairs(report) == Counter({("social_media_followers", 15000): 1, ("social_media_followers", 9400): 1,
                                     ("photos_published", 600): 1, ("photo_gallery_categories", 12): 1})
    assert "45" in unmatched(report)


def test_petitions_still_collecting_signatures_in_any_order() -> None:
    report = extract_text("Звіт про електронні петиції Ніжинської міської ради за 2025 рік\n"
                          "Зареєстровано 20 петицій. За 4 петиціями підписи ще збираються. "
                          "Триває збирання підписів під 2 петиціями.")
    assert pairs(report) == Counter({("petitions_submitted", 20): 1, ("petitions_collecting_signatures", 4): 1,
                                     ("petitions_collecting_signatures", 2): 1})


# ------------------------------------------------------------------ round 4: labels before a dash


def test_a_dash_label_after_a_circumstance_or_a_making_verb_and_a_lead_line_of_parts() -> None:
    report = extract_text("Звіт загального відділу Ніжинської міської ради за 2025 рік\n"
                          "У звітному році у системі документообігу зареєстровано документів – 4 310, з них:\n"
                          "- вхідної кореспонденції – 2 050;\n"
                          "- вихідних документів – 1 460.\n"
                          "Для шкільних свят розроблено сценаріїв – 5.\n"
                          "Протягом року направлено запитів – 9.")
    assert pairs(report)[("documents_flow_total", 4310)] == 1
    assert pairs(report)[("letters_received", 2050)] == 1
    assert pairs(report)[("outgoing_documents", 1460)] == 1
    assert pairs(report)[("event_scenarios", 5)] == 1
    assert pairs(report)[("public_info_requests", 9)] == 0  # "направлено" names a metric of its own


def test_a_required_number_of_signatures_in_an_item_is_no_figure() -> None:
    report = extract_text("Звіт про електронні петиції Ніжинської міської ради за 2025 рік\n"
                          "На платформі зареєстровано нових петицій – 12, з них:\n"
                          " – 3 набрали необхідні 250 підписів;\n"
                          " – 9 не набрали.")
    assert pairs(report)[("petitions_submitted", 12)] == 1
    assert not any(v == 250 for _, v in pairs(report))


def test_a_part_repeating_its_totals_noun_with_words_of_its_own_is_the_metric_its_label_names() -> None:
    report = extract_text("Звіт загального відділу Ніжинської міської ради за 2025 рік\n"
                          "Загалом в електронному документообігу зареєстровано документів – 5 120, з них:\n"
                          "- вхідної кореспонденції – 2 900;\n"
                          "- вихідних документів – 1 730;\n"
                          "- доповідних записок – 490.")
    assert pairs(report)[("documents_flow_total", 5120)] == 1
    assert pairs(report)[("outgoing_documents", 1730)] == 1
    assert pairs(report)[("documents_flow_total", 1730)] == 0


def test_a_verb_and_its_things_before_a_dash_name_the_figure_not_the_circumstance_before_them() -> None:
    report = extract_text("Звіт відділу комунікацій Ніжинської міської ради за 2025 рік\n"
                          "Для відзначення міських заходів розроблено сценаріїв – 4, для голови підготовлено 6 виступів.\n"
                          "Для місцевих та обласних медіа підготовлено й розіслано анонсів подій – 11, а ще 3 листи.\n"
                          "На розгляді перебувають – 20 звернень.")
    assert pairs(report)[("event_scenarios", 4)] == 1
    assert pairs(report)[("events_attended", 4)] == 0
    assert pairs(report)[("media_announcements_sent", 11)] == 1


def test_a_period_opening_the_clause_takes_no_genitive_the_noun_after_it_is_counted() -> None:
    report = extract_text("Звіт відділу комунікацій Ніжинської міської ради за березень 2024 року\n"
                          "Опубліковано 40 новин.\n"
                          "У лютому 2024 року новин на порталі було 35.\n"
                          "За січень анонсів подій було 6.")
    assert pairs(report)[("news_published", 35)] == 1
    assert pairs(report)[("media_announcements_sent", 6)] == 1


# ------------------------------------------------------------------ "їх": a pronoun for the noun before


def test_them_stands_for_the_nearest_noun_before_it() -> None:
    report = extract_text("Звіт відділу Смілянської міської ради за 2025 рік\n"
                          "За рік надійшло 1 612 звернень громадян. У 2024 році їх було 1 498.\n"
                          "Запитів на публічну інформацію надійшло 143, тоді як роком раніше їх надійшло 119.\n"
                          "Опубліковано 212 новин; у ІІ кварталі їх вийшло 61.\n"
                          "Із громадськими об’єднаннями (станом на 31.12.2025 їх у громаді 64) проведено 5 зустрічей.\n"
                          "Видано 30 привітань. Їх переглянули 14 тисяч разів.\n"
                          "Надійшло 52 скарги. Їх розглядали 12 працівників відділу.")
    got = pairs(report)
    assert {("appeals_received", 1498), ("public_info_requests", 119), ("news_published", 61),
            ("ngos_registered", 64)} <= set(got)
    assert {"14", "12"} <= unmatched(report)  # views and workers: "їх" names what was counted, not them


def test_this_figure_and_their_number_stand_for_the_noun_before() -> None:
    report = extract_text("Звіт відділу Смілянської міської ради за 2025 рік\n"
                          "Зареєстровано 7 080 документів, що на 310 менше, ніж у 2024 році, коли цей показник "
                          "становив 7 390, з них вхідних – 3 120.\n"
                          "Опубліковано 212 новин. У 2024 році їхня кількість становила 190.\n"
                          "Опубліковано 64 відеосюжети. Цей показник зріс на 12.")
    got = {(f.code, f.value, f.period.start.year if f.period else None) for f in report.figures}
    assert {("documents_flow_total", 7390, 2024), ("news_published", 190, 2024)} <= got
    # "з них" after the earlier year's figure breaks down this year's documents, not last year's
    assert [(f.code, f.period) for f in report.figures if f.value == 3120] == [("letters_received", None)]
    assert 12 not in {f.value for f in report.figures}  # a change, not a level


# ------------------------------------------------------------------ "двічі", "тричі": meetings that took place


def test_twice_counts_meetings_that_took_place_and_nothing_else() -> None:
    report = extract_text("Звіт відділу Смілянської міської ради за 2025 рік\n"
                          "Засідання громадської ради відбулися двічі.\n"
                          "Громадські слухання проводилися тричі.\n"
                          "Засідання виконавчого комітету проводилися двічі на місяць.\n"
                          "Петицію щодо ремонту мосту розглядали двічі.\n"
                          "Сайт оновлювався тричі на день.")
    assert pairs(report) == Counter({("public_council_meetings", 2): 1, ("public_consultations_held", 3): 1})


# ------------------------------------------------------------------ an elliptic catalog adjective takes its lead's noun


def test_outgoing_written_as_an_adjective_alone_is_outgoing_documents_in_any_arrangement() -> None:
    report = extract_text("Звіт загального відділу Ніжинської міської ради за 2025 рік\n"
                          "Документообіг за рік склав 5 210 документів.\n"
                          "– вхідних зареєстровано 2 700;\n"
                          "– вихідних – 1 640, у тому числі відповідей на депутатські запити – 31;\n"
                          "У ІІ півріччі вихідних було 900.\n"
                          "У вихідні дні чергували 4 працівники відділу.")
    got = pairs(report)
    assert got[("documents_flow_total", 5210)] == 1 and got[("letters_received", 2700)] == 1
    assert got[("outgoing_documents", 1640)] == 1 and got[("outgoing_documents", 900)] == 1
    assert "4" in unmatched(report)  # days off: no count of documents
    table = extract_text("Звіт загального відділу Ніжинської міської ради за 2023 рік\n\n"
                         "Показник                     | 2022  | 2023\n"
                         "Зареєстровано документів     | 4 400 | 4 810\n"
                         "  вхідних                    | 2 500 | 2 610\n"
                         "  вихідних                   | 1 300 | 1 420\n")
    got = pairs(table)
    assert got[("outgoing_documents", 1420)] == 1 and got[("outgoing_documents", 1300)] == 1
    assert got[("documents_flow_total", 1420)] == 0


# ------------------------------------------------------------------ documents that went through the department


def test_documents_that_went_through_the_department_are_its_document_flow_not_published_ones() -> None:
    for sentence, value in (("За квартал через загальний відділ пройшло 3 400 документів.", 3400),
                            ("Через систему «Діло» у березні пройшли 1 118 документів, з них вхідних – 600.", 1118),
                            ("Документів, що пройшли через канцелярію, – 2 075.", 2075)):
        report = extract_text("Звіт загального відділу Ніжинської міської ради за 2025 рік\n" + sentence)
        got = pairs(report)
        assert got[("documents_flow_total", value)] == 1 and got[("documents_published", value)] == 0, sentence
    report = extract_text("Звіт загального відділу Ніжинської міської ради за 2025 рік\n"
                          "На сайті розміщено 140 документів.\nНавчання пройшли 6 працівників відділу.")
    assert pairs(report)[("documents_published", 140)] == 1 and "6" in unmatched(report)


# ------------------------------------------------------------------ a bare number in brackets after a figure's number


def test_a_bare_number_in_brackets_after_a_figure_is_that_metric_for_another_span() -> None:
    report = extract_text("Звіт загального відділу Ніжинської міської ради за квітень 2025 року\n"
                          "(у дужках – з початку року)\n"
                          "Вихідні листи – 310 (1 420);\n"
                          "Засідань виконкому проведено – 3 (12);\n"
                          "За місяць зареєстровано 2 400 документів, що на 100 менше, ніж у березні (2 500).\n"
                          "До архіву передано 212 справ (14).")
    got = pairs(report)
    assert got[("outgoing_documents", 1420)] == 1 and got[("exec_committee_meetings", 12)] == 1
    assert got[("documents_flow_total", 2500)] == 1 and got[("documents_flow_total", 100)] == 0
    assert {"212", "14"} <= unmatched(report)  # files, and the bracket of a number that named nothing


# ------------------------------------------------------------------ decisions, orders and drafts made public


def test_decisions_orders_and_drafts_a_verb_makes_public_are_documents_published() -> None:
    report = extract_text("Звіт відділу комунікацій Ніжинської міської ради за лютий 2025 року\n"
                          "Оприлюднено рішення виконкому від 12.02.2025, три розпорядження міського голови та п’ять "
                          "проєктів рішень сесії.\n"
                          "На сайті опубліковано 24 рішення виконавчого комітету.\n"
                          "Протягом місяця оприлюднювалися 11 проєктів розпоряджень міського голови.\n"
                          "Підготовлено 8 проєктів рішень міської ради, які оприлюднено на сайті.\n"
                          "Оприлюднено 20 новин; підготовлено 4 проєкти розпоряджень міського голови.")
    got = pairs(report)
    for value in (3, 5, 24, 11):
        assert got[("documents_published", value)] == 1, value
    assert got[("draft_council_decisions", 8)] == 1 and got[("draft_mayor_orders", 4)] == 1
    assert not any(code.startswith("draft_") and value in (3, 5, 11) for code, value in got)


# ------------------------------------------------------------------ a channel before a colon or a dash borrows the noun before


def test_a_channel_led_figure_counts_the_noun_of_the_figure_before_it() -> None:
    report = extract_text("Звіт відділу комунікацій Ніжинської міської ради за березень 2024 року\n"
                          "• Telegram-канал: 240 дописів; Viber-спільнота: 65; сторінка у Facebook: 180.\n"
                          "У Facebook вийшло 120 публікацій, в Instagram (без сторіс) – 40.\n"
                          "У Telegram-каналі розміщено 90 дописів, у Facebook – 150, а кількість підписників каналу "
                          "сягнула 12 000.\n"
                          "На сайті – 40 новин; приймальня: 12.")
    got = pairs(report)
    for value in (240, 65, 180, 40, 90, 150):
        assert got[("social_media_posts", value)] == 1, value
    assert got[("social_media_followers", 12000)] == 1 and got[("social_media_followers", 150)] == 0
    assert "12" in unmatched(report)  # a reception office is no channel of the news before


# ------------------------------------------------------------------ a number with its own noun after it counts that noun


def test_views_likes_and_texts_after_a_number_are_what_it_counts() -> None:
    report = extract_text("Звіт відділу комунікацій Ніжинської міської ради за квітень 2025 року\n"
                          "Найбільше охоплення мав допис про відкриття парку – понад 15 тис. переглядів.\n"
                          "Відео про ремонт мосту – 8 400 переглядів, допис про толоку – 1 200 вподобань.\n"
                          "Facebook – 52 дописи, Telegram – 64.\n"
                          "Відділ написав 12 текстів виступів міського голови та 5 текстів промов для урочистостей.\n"
                          "Відео: 5 сюжетів про роботу ЦНАП; змонтовано ще 6 сюжетів.\n"
                          "До редакцій надіслано 30 текстів.")
    got = pairs(report)
    assert got[("social_media_posts", 52)] == got[("social_media_posts", 64)] == 1
    assert got[("speeches_prepared", 12)] == got[("speeches_prepared", 5)] == 1
    assert got[("videos_published", 5)] == got[("videos_published", 6)] == 1
    assert not any(value in (15000, 8400, 1200, 30) for _, value in got)
    assert {"8 400", "1 200", "30"} <= unmatched(report)


# ------------------------------------------------------------------ a span of time between a noun and its number


def test_a_span_of_time_between_the_noun_and_its_number_leaves_the_noun_counted() -> None:
    report = extract_text("Звіт відділу комунікацій Ніжинської міської ради за ІІІ квартал 2024 року\n"
                          "Для керівництва щодня готувалися огляди публікацій ЗМІ (за квартал – 58), а також "
                          "16 привітань.\n"
                          "До обласної адміністрації щотижня надсилалися довідки про суспільно-політичну ситуацію – "
                          "за квартал 13.\n"
                          "Проєктів розпоряджень міського голови (за звітний період) – 40.\n"
                          "Відвідано 30 заходів (у серпні – 11).\n"
                          "Працівники чергували щосуботи – за квартал 12.")
    got = pairs(report)
    assert got[("media_monitoring_digests", 58)] == 1 and got[("situation_briefs", 13)] == 1
    assert got[("draft_mayor_orders", 40)] == 1 and got[("events_attended", 11)] == 1
    assert "12" in unmatched(report)  # a span after a verb with no counted noun names nothing


# ------------------------------------------------------------------ people following a page or in a community


def test_people_who_follow_a_page_or_belong_to_a_community_are_its_followers() -> None:
    report = extract_text("Звіт відділу комунікацій Ніжинської міської ради за березень 2024 року\n"
                          "Станом на 31 березня сторінку ради відстежують три тисячі шістсот користувачів.\n"
                          "Telegram-канал має 9 100 підписників, Viber-спільнота – 4 250 учасників.\n"
                          "За каналом стежать 2 140 користувачів.\n"
                          "Сайт за місяць відвідали 5 000 користувачів; у флешмобі взяли участь 300 учасників.")
    got = pairs(report)
    for value in (3600, 9100, 4250, 2140):
        assert got[("social_media_followers", value)] == 1, value
    assert {"5 000", "300"} <= unmatched(report)


# ------------------------------------------------------------------ sittings someone was at, and wordings of briefs and announcements


def test_sittings_counted_in_the_locative_are_sittings_attended_not_held() -> None:
    report = extract_text("Звіт відділу комунікацій Ніжинської міської ради за травень 2024 року\n"
                          "Працівники відділу взяли участь у 9 заходах, у двох пленарних засіданнях сесії та трьох "
                          "засіданнях виконкому.\n"
                          "На 4 засіданнях виконавчого комітету був присутній начальник відділу.\n"
                          "Протягом місяця проведено 5 засідань виконкому; засідань виконавчого комітету – 5.")
    got = pairs(report)
    assert got[("council_sittings_attended", 3)] == 1 and got[("council_sittings_attended", 4)] == 1
    assert got[("exec_committee_meetings", 5)] == 1 and got[("exec_committee_meetings", 3)] == 0


def test_information_on_the_situation_and_announcements_sent_to_the_media() -> None:
    report = extract_text("Звіт відділу комунікацій Ніжинської міської ради за травень 2024 року\n"
                          "До ОВА направлено 4 інформації щодо суспільно-політичної ситуації в громаді.\n"
                          "Щотижня подавалися довідки про суспільно-політичну обстановку – усього 5.\n"
                          "Місцевим медіа надіслано 7 анонсів.\n"
                          "На адресу редакцій надіслано 11 анонсів.\n"
                          "На сайті розміщено 12 анонсів та оголошень.\n"
                          "Мешканцям надано 30 інформацій про графіки відключень.")
    got = pairs(report)
    assert got[("situation_briefs", 4)] == 1 and got[("media_announcements_sent", 7)] == 1
    assert got[("media_announcements_sent", 11)] == 1
    assert got[("media_announcements_sent", 12)] == 0
    assert "30" in unmatched(report)


# ------------------------------------------------------------------ "їх", "цей показник": the figure before, another time


def test_a_pronoun_for_the_figure_before_gives_its_metric_for_another_time() -> None:
    report = extract_text("Звіт відділу комунікацій Ніжинської міської ради за ІІІ квартал 2024 року\n"
                          "Організовано 16 онлайн-трансляцій, тоді як у ІІ кварталі їх було 12.\n"
                          "Оприлюднено 310 новин, а торік за цей період їх вийшло 280.\n"
                          "Зареєстровано 5 900 документів, що на 300 менше, ніж у 2023 році, коли цей показник "
                          "становив 6 200.\n"
                          "Надійшло 9 запитів; їх розглянуто вчасно.\n"
                          "Як і раніше, працювало 3 гарячі лінії.")
    got = pairs(report)
    assert got[("online_broadcasts", 12)] == 1 and got[("news_published", 280)] == 1
    assert got[("documents_flow_total", 6200)] == 1 and got[("documents_flow_total", 300)] == 0
    assert got[("public_info_requests", 9)] == 1 and len(got) == 7
    assert "3" in unmatched(report)  # "як" is a conjunction, never the counted noun


def test_followers_per_network_after_a_dash_and_digests_of_the_media() -> None:
    report = extract_text("Звіт відділу комунікацій Ніжинської міської ради за липень 2025 року\n"
                          "Аудиторія на 31.07.2025: Telegram – 6 100 підписників, Facebook – 11 200, Instagram – 900.\n"
                          "Для керівництва щоранку готувався огляд регіональних медіа – усього 21 огляд.\n"
                          "Підготовлено 4 огляди медіапростору громади.\n"
                          "Сайт – 40 новин, приймальня – 16.")
    got = pairs(report)
    for value in (6100, 11200, 900):
        assert got[("social_media_followers", value)] == 1, value
    assert got[("media_monitoring_digests", 21)] == 1
    assert "16" in unmatched(report)


# ------------------------------------------------------------------ a making verb, a place, the things, a dash


def test_a_place_between_a_making_verb_and_its_things_before_a_dash_is_skipped() -> None:
    report = extract_text("Звіт відділу Ніжинської міської ради за травень 2026 року\n"
                          "Розміщено на офіційному сайті новин – 40;\n"
                          "Надіслано до обласної адміністрації звітів – 4;\n"
                          "Оприлюднено на сайті рішень, розпоряджень і проєктів – 18;\n"
                          "Видано на руки довідок – 30;\n"
                          "Передано до архіву справ – 12.")
    got = pairs(report)
    assert got[("news_published", 40)] == got[("reports_to_region", 4)] == got[("documents_published", 18)] == 1
    assert {"30", "12"} <= unmatched(report)


# ------------------------------------------------------------------ what the things counted are, after a copula


def test_a_noun_after_a_copula_says_what_the_things_counted_are() -> None:
    report = extract_text("Звіт сектору Ніжинської міської ради за IV квартал 2024 року\n"
                          "Надійшло 180 листів, на 40 з них надано відповіді, 3 листи з яких є запитами на публічну "
                          "інформацію.\n"
                          "До відділу надійшло 25 документів, 5 з яких були запитами на інформацію.\n"
                          "Надійшло 60 звернень, 6 з яких були повторними.")
    got = pairs(report)
    assert got[("public_info_requests", 3)] == 1 and got[("letters_received", 3)] == 0
    assert got[("public_info_requests", 5)] == 1
    assert got[("appeals_received", 6)] == 1  # an adjective after the copula is a kind of the same thing


# ------------------------------------------------------------------ a kind of the figure before, denied


def test_a_kind_of_the_figure_before_named_by_an_adjective_and_denied_is_its_zero() -> None:
    title = "Звіт загального відділу Ніжинської міської ради за травень 2026 року\n"
    for line in ("Засідань виконавчого комітету – 2; позачергових у травні не скликалося;",
                 "Проведено 4 засідання виконавчого комітету, позачергових не було."):
        zeros = [f for f in extract_text(title + line).figures if f.value == 0]
        assert len(zeros) == 1 and zeros[0].code == "exec_committee_meetings" and zeros[0].breakdown, line
    report = extract_text(title + "Надійшло 40 звернень, колективних не надходило.\n"
                                  "Проведено 3 засідання виконкому, порушень не допущено.")
    assert not any(f.value == 0 for f in report.figures)


# ------------------------------------------------------------------ the title opening an item names what it counts


def test_a_short_title_opening_an_item_gives_its_words_to_the_item() -> None:
    report = extract_text("Звіт загального відділу Ніжинської міської ради за березень 2025 року\n"
                          "1) Виконавчий комітет. Проведено два засідання, на яких прийнято 57 рішень.\n"
                          "2) Сесія міської ради. Підготовлено 12 проєктів рішень.\n"
                          "3) Архів. Передано 40 справ.")
    got = pairs(report)
    assert got[("exec_committee_meetings", 2)] == 1 and got[("draft_council_decisions", 12)] == 1
    assert "40" in unmatched(report)


# ------------------------------------------------------------------ past a verb, a noun is no genitive of the place before it


def test_the_noun_after_a_verb_is_counted_not_taken_for_a_genitive_of_the_place() -> None:
    report = extract_text("Звіт загального відділу Ніжинської міської ради за І півріччя 2025 року\n"
                          "До Чернігівської обласної військової адміністрації направлено звітів та інформацій – 9.\n"
                          "На офіційному вебсайті міської ради оприлюднено документів – 30.\n"
                          "До архівного відділу передано справ – 25.")
    got = pairs(report)
    assert got[("reports_to_region", 9)] == 1 and got[("documents_published", 30)] == 1
    assert "25" in unmatched(report)


# ------------------------------------------------------------------ a questionnaire's question over its answer


def test_a_question_of_a_questionnaire_names_what_the_answer_line_below_counts() -> None:
    report = extract_text("Відповіді відділу комунікацій Ніжинської міської ради на анкету за ІІ квартал 2025 року\n"
                          "4. Кількість матеріалів про бюджет участі на сайті та у соцмережах.\n"
                          "На сайті – 12, у соцмережах – 20.\n"
                          "5. Кількість засідань виконавчого комітету?\n"
                          "У звітному періоді – 6.\n"
                          "6. Кількість учасників навчань.\n"
                          "У середньому – 15.")
    got = pairs(report)
    assert got[("news_published", 12)] == 1 and got[("social_media_posts", 20)] == 1
    assert got[("exec_committee_meetings", 6)] == 1
    assert "15" in unmatched(report)


def test_an_answer_line_opening_with_its_number_counts_the_questions_noun() -> None:
    report = extract_text("Відповіді відділу Ніжинської міської ради на анкету за ІІ квартал 2025 року\n"
                          "1. Кількість звернень громадян, що надійшли за квартал.\n"
                          "210, з них 70 – у квітні.\n"
                          "2. Кількість засідань громадської ради при виконавчому комітеті.\n"
                          "Чотири.\n"
                          "3. Чи проводилися навчання?\n"
                          "12, за участю працівників.")
    got = pairs(report)
    assert got[("appeals_received", 210)] == 1 and got[("appeals_received", 70)] == 1
    assert got[("public_council_meetings", 4)] == 1 and got[("exec_committee_meetings", 4)] == 0
    assert "12" in unmatched(report)  # a question that names no count names nothing


# ------------------------------------------------------------------ parts of a stated total


def test_the_number_beside_each_denomination_counts_its_communities_not_denominations() -> None:
    report = extract_text("Довідка відділу Бучанської міської ради станом на 1 січня 2025 року\n"
                          "У громаді зареєстровано 15 релігійних громад, які належать до чотирьох конфесій: "
                          "Православна церква України – 7, Українська греко-католицька церква – 5, "
                          "Римсько-католицька церква – 2, церква адвентистів сьомого дня – 1.\n"
                          "Релігійні організації міста представляють три конфесії:\n"
                          "– Православна церква України – 11;\n"
                          "– Українська греко-католицька церква – шість;\n"
                          "– євангельські християни – 4.\n"
                          "Громади належать до трьох конфесій (Православної церкви України – 9, "
                          "греко-католицької церкви – 3, протестантських церков – 2).")
    orgs = [(f.value, f.breakdown) for f in report.figures if f.code == "religious_orgs_registered"]
    assert orgs == [(15, None), (7, "Православна церква України"), (5, "Українська греко-католицька церква"),
                    (2, "Римсько-католицька церква"), (1, "церква адвентистів сьомого дня"),
                    (11, "Православна церква України"), (6, "Українська греко-католицька церква"),
                    (4, "євангельські християни"), (9, "Православної церкви України"),
                    (3, "греко-католицької церкви"), (2, "протестантських церков")]
    assert sorted(f.value for f in report.figures if f.code == "religious_denominations") == [3, 3, 4]


def test_parts_of_a_count_of_denominations_that_fit_in_it_stay_denominations() -> None:
    report = extract_text("Довідка відділу Бучанської міської ради станом на 1 січня 2025 року\n"
                          "У громаді представлено 6 конфесій, з них 2 – протестантські.")
    assert pairs(report) == Counter({("religious_denominations", 6): 1, ("religious_denominations", 2): 1})


def test_organisations_that_do_not_act_are_ceased_not_registered() -> None:
    report = extract_text("Довідка відділу Бучанської міської ради станом на 1 січня 2025 року\n"
                          "Фактично не провадять діяльності 26 об’єднань.\n"
                          "Не здійснюють діяльності ще 12 громадських організацій.\n"
                          "Зареєстровано 40 громадських організацій, з яких 9 не діють.\n"
                          "Фактично не діють 31 громадська організація.\n"
                          "Діють 18 об’єднань співвласників.")
    assert pairs(report) == Counter({("ngos_ceased", 26): 1, ("ngos_ceased", 12): 1, ("ngos_registered", 40): 1,
                                     ("ngos_ceased", 9): 1, ("ngos_ceased", 31): 1})
    assert "18" in unmatched(report)  # associations of co-owners: no catalog metric, never guessed


_ISSUES = "Звіт про роботу зі зверненнями громадян Ковельської міської ради за 2024 рік\n"
_ISSUES_TOTAL = "У зверненнях порушено 640 питань"
_ISSUE_PARTS = {(640, None), (210, "соціальний захист"), (180, "житлово-комунальне господарство"), (95, "освіта")}


def _issue_parts(text: str) -> set[tuple[int, str | None]]:
    report = extract_text(_ISSUES + text + "\n")
    assert {f.code for f in report.figures} == {"appeal_issues_raised"}
    return {(f.value, f.breakdown.lower() if f.breakdown else None) for f in report.figures}


def test_a_total_and_its_parts_read_the_same_in_any_arrangement() -> None:
    arrangements = [
        _ISSUES_TOTAL + ": соціальний захист – 210, житлово-комунальне господарство – 180, освіта – 95.",
        _ISSUES_TOTAL + ". Найпоширенішими залишаються:\n– соціальний захист – 210;\n"
        "– житлово-комунальне господарство – 180;\n– освіта – дев’яносто п’ять.",
        _ISSUES_TOTAL + ". Найбільше – соціальний захист (210), житлово-комунальне господарство (180) та освіта (95).",
        "Тематика порушених питань (усього 640):\n– соціальний захист – 210 (32,8 %);\n"
        "– житлово-комунальне господарство – 180 (28,1 %);\n– освіта – 95 (14,8 %).",
        _ISSUES_TOTAL + ". Серед них: соціальний захист – 210, житлово-комунальне господарство – 180, освіта – 95.",
        _ISSUES_TOTAL + ", серед них:\n– соціальний захист – 210;\n– житлово-комунальне господарство – 180;\n– освіта – 95.",
    ]
    parts_first = [  # the parts before the sum they make exactly
        "Соціальний захист – 210, житлово-комунальне господарство – 180, освіта – 95; усього порушено 485 питань.",
        "Соціальний захист – 210;\nжитлово-комунальне господарство – 180;\nосвіта – 95.\nВсього у зверненнях порушено 485 питань.",
        "Соціальний захист – 210, житлово-комунальне господарство – 180, освіта – 95: разом порушено 485 питань.",
    ]
    for text in arrangements:
        assert _issue_parts(text) == _ISSUE_PARTS, text
    for text in parts_first:
        assert _issue_parts(text) == _ISSUE_PARTS - {(640, None)} | {(485, None)}, text
    repeated = _issue_parts(_ISSUES_TOTAL + ".\nЯк і раніше, переважали питання житлово-комунального господарства – 180, "
                                            "соціального захисту – 210, освіти – 95.")
    assert repeated == {(640, None), (180, "житлово-комунального господарства"), (210, "соціального захисту"),
                        (95, "освіти")}


def test_numbers_after_a_total_that_are_money_shares_or_too_big_are_no_parts_of_it() -> None:
    for text, left in [
        (_ISSUES_TOTAL + ". Найбільше:\n– виплачено допомоги – 120 тис. грн;\n– компенсації – 45 %.", set()),
        (_ISSUES_TOTAL + ". Найбільше – на ремонт доріг (120 тис. грн) та освітлення (45 %).", set()),
        (_ISSUES_TOTAL + ". Найбільше – соціальний захист (610) та освіта (95).", {"610", "95"}),  # more than 640
        (_ISSUES_TOTAL + ".\nПереважали питання житлово-комунального господарства – 700.", {"700"}),
        (_ISSUES_TOTAL + ". Найбільше прийомів провів міський голова – 24, його заступники – 18.", {"24", "18"}),
        ("Прийоми – 24, виїзди – 18; усього у зверненнях порушено 640 питань.", {"24", "18"}),  # no sum of them
    ]:
        report = extract_text(_ISSUES + text + "\n")
        assert pairs(report) == Counter({("appeal_issues_raised", 640): 1}), text
        assert unmatched(report) == left, text


def test_a_line_of_bare_items_after_a_line_of_parts_splits_the_same_total() -> None:
    report = extract_text(_ISSUES + "Надійшло 430 звернень (у 2023 році – 402).\n"
                                    "За формою: письмові – 300, усні – 130.\n"
                                    "За джерелом: поштою – 120; через гарячу лінію 1545 – 90; на прийомах – 220.\n"
                                    "Колективних – 12; від пенсіонерів – 40; від осіб з інвалідністю – 21.\n"
                                    "Повторні, дублетні, анонімні – 9.")
    got = breakdowns(report, "appeals_received")
    assert got.pop(402, "missing") != "missing"  # the year before, in brackets: no total of the lines after it
    assert got == {430: None, 300: "письмові (звернень)", 130: "усні (звернень)", 120: "поштою",
                   90: "через гарячу лінію", 220: "на прийомах", 12: "Колективних (звернень)", 40: "від пенсіонерів",
                   21: "від осіб з інвалідністю", 9: got[9]}
    assert got[9]  # a label of several words split by commas is one item
    assert "1545" not in unmatched(report)


def test_a_line_of_items_after_parts_that_adds_up_to_more_than_the_total_is_not_split_from_it() -> None:
    report = extract_text(_ISSUES + "Надійшло 130 звернень.\n"
                                    "За формою: письмові – 100, усні – 30.\n"
                                    "Прийоми – 240; виїзди – 90.")
    assert pairs(report) == Counter({("appeals_received", 130): 1, ("appeals_received", 100): 1,
                                     ("appeals_received", 30): 1})
    assert unmatched(report) == {"240", "90"}


def test_a_colon_after_an_aside_in_brackets_opens_the_parts_of_the_figure_before_the_aside() -> None:
    report = extract_text("Звіт Фастівської міської ради за 2021 рік\n"
                          "Мешканці подали 46 проєктів (у 2020 році – 39): великих – 14, малих – 32.\n"
                          "Надійшло 120 запитів на інформацію (торік – 98): від фізичних осіб – 80, від юридичних – 40.\n"
                          "Проведено 12 засідань виконавчого комітету (у 2020 році – 10): чергових – 9, позачергових – 3.")
    assert breakdowns(report, "pb_projects_submitted") == {46: None, 39: None, 14: "великих (проєктів)",
                                                           32: "малих (проєктів)"}
    assert breakdowns(report, "public_info_requests")[80] == "від фізичних осіб"
    assert breakdowns(report, "exec_committee_meetings")[3] == "позачергових (засідань)"


def test_more_parts_after_a_part_that_opened_with_of_them_number_first() -> None:
    report = extract_text("Звіт Стрийської міської ради за лютий 2019 року\n"
                          "Надійшло двадцять три запити. Дев’ятнадцять із них подано фізичними особами, три – громадськими "
                          "об’єднаннями, один – представником газети.\n"
                          "Опубліковано 40 новин, 25 з них – про благоустрій, 10 – про освіту; 5 – про культуру.\n"
                          "Надійшло 30 звернень, 20 з яких – від пенсіонерів, 7 – від ВПО, 3 – повторні.")
    assert breakdowns(report, "public_info_requests") == {23: None, 19: "подано фізичними особами",
                                                          3: "громадськими об’єднаннями", 1: "представником газети"}
    assert set(breakdowns(report, "news_published")) == {40, 25, 10, 5}
    assert set(breakdowns(report, "appeals_received")) == {30, 20, 7, 3}


def test_a_number_first_clause_past_the_total_or_with_a_verb_of_its_own_is_no_further_part() -> None:
    report = extract_text("Звіт Стрийської міської ради за лютий 2019 року\n"
                          "Надійшло 40 звернень, 30 з них – від пенсіонерів, 15 – ще на розгляді у виконавців.\n"
                          "Надійшло 90 запитів, 30 з них – від юристів, 20 – задоволено частково.")
    assert set(breakdowns(report, "appeals_received")) == {40, 30}  # 30 and 15 make more than 40
    assert breakdowns(report, "public_info_requests") == {90: None, 30: "від юристів"}


def test_a_lead_opening_with_how_the_total_is_split_and_items_naming_a_metric_of_their_own() -> None:
    report = extract_text("Звіт Збаразької міської ради за 2020 рік\n"
                          "Протягом року зареєстровано 62 запити.\n"
                          "Способи подання: електронною поштою – 38, поштою – 15, особисто – 9.\n"
                          "Надійшло 120 звернень.\n"
                          "Форма надходження: письмові – 80, усні – 40.\n"
                          "Джерела надходження:\n– гаряча лінія – 50;\n– особистий прийом – 30.")
    assert breakdowns(report, "public_info_requests") == {62: None, 38: "електронною поштою", 15: "поштою",
                                                          9: "особисто (запити)"}
    assert breakdowns(report, "appeals_received") == {120: None, 80: "письмові (звернень)", 40: "усні (звернень)",
                                                      50: "гаряча лінія", 30: "особистий прийом"}
    near = extract_text("Звіт Збаразької міської ради за 2020 рік\n"
                        "Надійшло 120 звернень. Найбільше:\n– засідання виконкому – 4;\n– наради – 6.\n"
                        "Надійшло 100 звернень.\nЗа формою: письмові – 60, усні – 40.\nЗасідань виконкому – 5; нарад – 7.")
    assert pairs(near) == Counter({("appeals_received", 120): 1, ("appeals_received", 100): 1,
                                   ("appeals_received", 60): 1, ("appeals_received", 40): 1,
                                   ("exec_committee_meetings", 4): 1, ("exec_committee_meetings", 5): 1})
    assert unmatched(near) == {"6", "7"}  # meetings: no catalog metric, and no part of the appeals either


def test_parts_after_a_dash_that_make_up_the_figure_before_it() -> None:
    report = extract_text("Звіт Фастівської міської ради за 2021 рік\n"
                          "Переможцями визнано 9 проєктів на загальну суму 4,8 млн грн – 3 великі та 6 малих.\n"
                          "Опубліковано 12 новин – 4 термінові, 8 звичайних.\n"
                          "За квартал надійшло 40 звернень – 25 письмових і 15 усних.")
    assert breakdowns(report, "pb_projects_won") == {9: None, 3: "великі (проєктів)", 6: "малих (проєктів)"}
    assert breakdowns(report, "news_published") == {12: None, 4: "термінові (новин)", 8: "звичайних (новин)"}
    assert breakdowns(report, "appeals_received") == {40: None, 25: "письмових (звернень)", 15: "усних (звернень)"}
    near = extract_text("Звіт Фастівської міської ради за 2021 рік\n"
                        "Переможцями визнано 9 проєктів – 3 великі та 2 малих.\n"
                        "Опубліковано 12 новин – 40 тис. переглядів.")
    assert pairs(near) == Counter({("pb_projects_won", 9): 1, ("news_published", 12): 1})
    assert unmatched(near) >= {"3", "2"}  # they do not make the 9


def test_among_the_things_a_stock_counts_a_number_is_its_part_among_a_flow_a_result() -> None:
    report = extract_text("Довідка Кременецької міської ради станом на 1 січня 2025 року\n"
                          "Громадських організацій – 93.\n"
                          "Серед чинних ГО чотири засновано внутрішньо переміщеними особами, ще сім – ветеранами.\n"
                          "На обліку 40 релігійних громад. Серед релігійних громад 30 – православні, 10 – греко-католицькі.\n"
                          "Діє 25 профспілкових організацій; серед профспілкових організацій 9 працюють у школах.")
    assert breakdowns(report, "ngos_registered") == {93: None, 4: "засновано внутрішньо переміщеними особами",
                                                     7: "ветеранами"}
    assert set(breakdowns(report, "religious_orgs_registered")) == {40, 30, 10}
    assert breakdowns(report, "trade_unions_registered")[9] == "працюють у школах"
    near = extract_text("Довідка Кременецької міської ради за 2025 рік\n"
                        "Надійшло 120 запитів. Серед запитів 98 розглянуто вчасно.\n"
                        "Серед звернень 500 надійшло поштою.\n"
                        "Громадських організацій – 93. Серед громадських організацій 140 членів.")
    assert pairs(near) == Counter({("public_info_requests", 120): 1, ("ngos_registered", 93): 1})
    assert unmatched(near) == {"98", "500", "140"}  # a result, no total stated, more than the total


def test_numbers_after_a_pool_that_is_a_figure_of_its_own_are_its_parts() -> None:
    report = extract_text("Звіт Надвірнянської міської ради за 2019 рік\n"
                          "Із 66 запитів 41 подано фізичними особами, 16 – юридичними особами, решту – журналістами.\n"
                          "З 120 звернень 70 надійшло поштою; 50 – через сайт.\n"
                          "Серед 35 громадських організацій 20 – спортивні, 15 – молодіжні.")
    assert breakdowns(report, "public_info_requests") == {66: None, 41: "подано фізичними особами",
                                                          16: "юридичними особами"}
    assert set(breakdowns(report, "appeals_received")) == {120, 70, 50}
    assert set(breakdowns(report, "ngos_registered")) == {35, 20, 15}
    near = extract_text("Звіт Надвірнянської міської ради за 2019 рік\n"
                        "З 40 звернень 50 надійшло поштою.\n"
                        "Із 30 запитів 20 задоволено, 6 – відмовлено.\n"
                        "З 14 нарад 4 було перенесено.")
    assert pairs(near)[("appeals_received", 50)] == 0 and "50" in unmatched(near)  # more than the pool
    assert pairs(near)[("public_info_requests", 20)] == 0  # results name metrics of their own
    assert "4" in unmatched(near)  # what became of them, no kind of them


def test_a_number_answering_the_count_a_line_above_asks_for_and_its_parts() -> None:
    report = extract_text("Анкета Бахмацької міської ради за ІІ квартал 2025 року\n"
                          "2. Кількість звернень громадян, що надійшли до ради у ІІ кварталі.\n"
                          "148, з них 52 – у квітні, 96 – у травні.\n"
                          "3. Кількість засідань Громадської ради при виконавчому комітеті.\n"
                          "   Три.\n"
                          "4. Кількість засідань виконавчого комітету.\n"
                          "Двадцять чотири.")
    assert breakdowns(report, "appeals_received") == {148: None, 52: "місяць: квітень", 96: "місяць: травень"}
    assert pairs(report)[("public_council_meetings", 3)] == 1 and pairs(report)[("exec_committee_meetings", 24)] == 1
    near = extract_text("Анкета Бахмацької міської ради за ІІ квартал 2025 року\n"
                        "Надійшло 30 звернень.\n"
                        "4. Кількість учасників навчань.\n"
                        "   35, з них 20 – посадові особи.\n"
                        "5. Кількість матеріалів на сайті та в соцмережах.\n"
                        "На сайті – 17.")
    # no metric asked for: never the appeals above the question (materials on the site are news items)
    assert [v for (code, v) in pairs(near) if code == "appeals_received"] == [30]
    assert {"35", "20"} <= unmatched(near)


def test_item_lines_under_a_heading_in_capitals_that_states_the_total_in_brackets() -> None:
    report = extract_text("Інформація Хирівської міської ради за І квартал 2022 року\n"
                          "2. ПОРУШЕНІ ПИТАННЯ (300)\n"
                          "соціальний захист – 120;\nземельні відносини – 80;\nінші – 50.\n"
                          "ТЕМАТИКА ЗВЕРНЕНЬ (200)\n"
                          "благоустрій, дороги – 90;\nосвіта – шістдесят.")
    got = breakdowns(report, "appeal_issues_raised")
    assert {v for v, b in got.items() if b is not None and v not in (300, 200)} == {120, 80, 50, 90, 60}
    assert got[120] == "соціальний захист"
    near = extract_text("Інформація Хирівської міської ради за І квартал 2022 року\n"
                        "ПОРУШЕНІ ПИТАННЯ (100)\nсоціальний захист – 120;\nосвіта – 30.\n"
                        "Проведено нарад (12)\nбюджетних – 5.")
    assert pairs(near) == Counter({("appeal_issues_raised", 100): 1})
    assert unmatched(near) == {"120", "30", "12", "5"}  # more than the heading's total; a count of no metric


# ------------------------------------------------------------------ answers to numbered questions


def test_a_bare_answer_counts_what_its_numbered_question_asks() -> None:
    report = extract_text(
        "ІНФОРМАЦІЯ щодо роботи зі зверненнями громадян у Ковельській міській раді за І квартал 2025 року\n\n"
        "1. Кількість звернень громадян, що надійшли за квартал.\n"
        "   212, з них 70 – у січні.\n"
        "2. Скільки засідань виконавчого комітету проведено?\n"
        "   Шість.\n"
        "3. Чи проводилися громадські обговорення? Кількість і теми.\n"
        "   Так, два: щодо бюджету та щодо благоустрою парку.\n"
        "4. Скільки громадян прийнято на особистому прийомі?\n"
        "   41.\n"
        "5. Кількість новин про роботу зі зверненнями, оприлюднених на сайті.\n"
        "   9 (у попередньому кварталі – 7).\n")
    assert pairs(report) == Counter({("appeals_received", 212): 1, ("appeals_received", 70): 1,
                                     ("exec_committee_meetings", 6): 1, ("public_consultations_held", 2): 1,
                                     ("news_published", 9): 1, ("news_published", 7): 1})
    # the previous quarter's news, with that quarter as its own period
    assert [f.period.start.month for f in report.figures if f.value == 7] == [10]
    # people received (41): the question names no metric, nothing is guessed
    assert breakdowns(report, "appeals_received")[70]  # a month's part of the answer, never a second total


# ------------------------------------------------------------------ a questionnaire: a bare number answers the question above


def test_a_bare_number_answering_a_question_counts_what_the_question_asks() -> None:
    report = extract_text("Довідка про інструменти участі Ірпінської міської ради за 2023 рік\n"
                          "1. Скільки електронних петицій зареєстровано за рік?\n"
                          "Дев’ятнадцять.\n"
                          "2. Кількість засідань громадської ради при виконавчому комітеті.\n"
                          "   6, з них 2 – виїзні.\n"
                          "3. Чи проводилися громадські слухання?\n"
                          "Так, чотири: щодо генплану, щодо тарифів, щодо скверу та щодо бюджету.\n"
                          "4. Кількість звернень громадян, що надійшли у звітному році.\n"
                          "312, у тому числі 40 – колективні.\n")
    assert pairs(report) == Counter({("petitions_submitted", 19): 1, ("public_council_meetings", 6): 1,
                                     ("public_council_meetings", 2): 1, ("public_consultations_held", 4): 1,
                                     ("appeals_received", 312): 1, ("appeals_received", 40): 1})


def test_an_answer_says_which_of_the_things_asked_its_number_counts() -> None:
    report = extract_text("Довідка відділу комунікацій Ірпінської міської ради за 2023 рік\n"
                          "5. Кількість інформаційних матеріалів на сайті та у соцмережах.\n"
                          "У соцмережах – 240, на сайті – 118.\n")
    assert pairs(report) == Counter({("social_media_posts", 240): 1, ("news_published", 118): 1})


def test_a_number_in_an_answer_that_is_no_count_of_the_question_stays_unmatched() -> None:
    report = extract_text("Довідка про інструменти участі Ірпінської міської ради за 2023 рік\n"
                          "1. Чи проводилися громадські обговорення?\n"
                          "Ні; підготовка до обговорення генплану триває (етап 2).\n"
                          "2. Скільки петицій набрали необхідні підписи?\n"
                          "Жодна не набрала потрібних 250 підписів.\n"
                          "Робоча група зібралася 3 рази.\n")
    assert ("public_consultations_held", 2) not in pairs(report)
    assert ("petitions_supported", 250) not in pairs(report)
    assert not any(code == "petitions_supported" and value == 3 for code, value in pairs(report))


# ------------------------------------------------------------------ a stage verb after an adverb in a "з яких" part


def test_a_part_whose_verb_names_a_stage_counts_that_stage_whatever_adverb_stands_before_it() -> None:
    for adverb in ("уже", "вже", "за тиждень", "швидко"):
        report = extract_text("Звіт про петиції Ірпінської міської ради за березень 2024 року\n"
                              f"Подано дев’ять петицій, три з яких {adverb} набрали необхідну кількість підписів.\n")
        assert pairs(report) == Counter({("petitions_submitted", 9): 1, ("petitions_supported", 3): 1}), adverb
    report = extract_text("Звіт про петиції Ірпінської міської ради за березень 2024 року\n"
                          "Подано дев’ять петицій, з них уже 4 – щодо доріг.\n")
    assert pairs(report) == Counter({("petitions_submitted", 9): 1, ("petitions_submitted", 4): 1})


# ------------------------------------------------------------------ budget stages: rework, and a denial that stays in its clause


def test_projects_admitted_after_rework_are_the_reconsidered_stage() -> None:
    report = extract_text("Звіт про громадський бюджет Ірпінської міської ради за 2024 рік\n"
                          "До голосування допущено 30 проєктів, з них 4 – після доопрацювання.\n"
                          "Експертна група допустила 12 проєктів, у тому числі 2 – після доопрацювання авторами.\n"
                          "Після доопрацювання допущено ще 3 проєкти.\n")
    assert pairs(report) == Counter({("pb_projects_on_ballot", 30): 1, ("pb_projects_reconsidered", 4): 1,
                                     ("pb_projects_on_ballot", 12): 1, ("pb_projects_reconsidered", 2): 1,
                                     ("pb_projects_reconsidered", 3): 1})


def test_a_denial_of_the_sentence_before_is_not_borrowed_by_a_stage_after_it() -> None:
    for before in ("Чотири петиції не набрали підписів.", "Зареєстровано 5 петицій; чотири не набрали підписів.",
                   "Жодна петиція не набрала підписів; ще 2 не отримали відповіді."):
        report = extract_text("Звіт про інструменти участі Ірпінської міської ради за 2024 рік\n"
                              f"{before}\nПодано 11 проєктів, після експертизи до голосування допущено 9, два відхилено.\n")
        assert ("pb_projects_on_ballot", 9) in pairs(report) and ("pb_projects_rejected", 9) not in pairs(report), before


# ------------------------------------------------------------------ training events are seminars, not events


def test_training_events_count_as_seminars_and_other_events_stay_events() -> None:
    report = extract_text("Звіт відділу Ірпінської міської ради за 2024 рік\n"
                          "Працівники взяли участь у шести навчальних заходах: п’яти вебінарах та одному тренінгу.\n"
                          "Навчальних заходів відвідано ще 3.\n"
                          "Відділ організував 12 заходів до Дня міста.\n")
    assert pairs(report) == Counter({("seminars_attended", 6): 1, ("seminars_attended", 5): 1, ("seminars_attended", 1): 1,
                                     ("seminars_attended", 3): 1, ("events_attended", 12): 1})


# ------------------------------------------------------------------ people who used the ballots are voters


def test_people_who_used_ballots_or_voting_forms_are_voters() -> None:
    report = extract_text("Звіт про громадський бюджет Ірпінської міської ради за 2024 рік\n"
                          "Паперовими бланками скористалися 1 134 особи, переважно старшого віку.\n"
                          "Бюлетенями у старостатах скористалися 96 жителів.\n"
                          "Скористалися бланками для голосування 87 мешканців.\n"
                          "Послугами ЦНАП скористалися 5 120 відвідувачів.\n")
    assert pairs(report) == Counter({("pb_voters", 1134): 1, ("pb_voters", 96): 1, ("pb_voters", 87): 1})


# ------------------------------------------------------------------ a denial after a date: the date is what the preposition governs


def test_a_denial_after_a_date_reads_the_noun_after_the_date() -> None:
    report = extract_text("Звіт про інструменти участі Ірпінської міської ради за 2024 рік\n"
                          "Станом на 31.12.2024 збір підписів не триває за жодною петицією.\n"
                          "З 01.10.2024 громадських обговорень не проводилося.\n"
                          "Станом на 1 січня 2025 року жодного запису в довіднику не змінено.\n")
    assert pairs(report) == Counter({("petitions_collecting_signatures", 0): 1, ("public_consultations_held", 0): 1})


# ------------------------------------------------------------------ a competitive selection of projects is a budget round


def test_a_competitive_selection_of_projects_is_a_budget_round() -> None:
    report = extract_text("Звіт про громадський бюджет Ірпінської міської ради за 2024 рік\n"
                          "Організовано 2 конкурсні відбори проєктів громадського бюджету.\n"
                          "Торік проведено один конкурсний відбір проєктів.\n"
                          "Робоча група з відбору провела 5 нарад.\n")
    got = pairs(report)
    assert got[("participatory_budget_rounds", 2)] == 1 and got[("participatory_budget_rounds", 1)] == 1
    assert not any(value == 5 for _, value in got)


# ------------------------------------------------------------------ "станом на <date>" between a number and what it counts


def test_an_as_of_date_between_a_number_and_its_words_is_skipped() -> None:
    report = extract_text("Звіт про петиції Ірпінської міської ради за І півріччя 2024 року\n"
                          "Зареєстровано шість петицій: три не набрали підтримки, а за двома станом на 30.06.2024 збір підписів триває.\n"
                          "Торік зареєстровано 9 петицій, з них 4 станом на 01.07.2023 збирали підписи.\n"
                          "Надійшло 14 звернень, з них 3 станом на 30.06.2024 перебувають на розгляді.\n")
    got = pairs(report)
    assert got[("petitions_collecting_signatures", 2)] == 1 and got[("petitions_collecting_signatures", 4)] == 1
    assert got[("petitions_failed", 3)] == 1 and got[("appeals_received", 14)] == 1
    assert not any(value == 3 and code.startswith("appeal") for code, value in got)  # pending: no catalog metric


# ------------------------------------------------------------------ the threshold's signatures before a numeral subject


def test_a_numeral_subject_after_the_threshold_counts_the_petitions_of_the_sentence_before() -> None:
    for sentence, value in (("Необхідні 250 підписів зібрала одна – щодо світлофора.", 1),
                            ("Потрібні 100 голосів набрали дві, решта – ні.", 2),
                            ("Необхідні 100 підписів зібрали лише 3 петиції.", 3)):
        report = extract_text("Звіт про петиції Ірпінської міської ради за І квартал 2025 року\n"
                              f"На порталі зареєстровано вісім петицій. {sentence}\n")
        assert pairs(report) == Counter({("petitions_submitted", 8): 1, ("petitions_supported", value): 1}), sentence
    report = extract_text("Звіт про петиції Ірпінської міської ради за І квартал 2025 року\n"
                          "Під петиціями зібрано 1 846 підписів.\n")
    assert not pairs(report)


# ------------------------------------------------------------------ winners: "перемогу здобули"


def test_projects_that_gained_the_victory_are_winners_however_the_clause_is_ordered() -> None:
    report = extract_text("Звіт про громадський бюджет Ірпінської міської ради за 2024 рік\n"
                          "Перемогу здобули 7 проєктів громадського бюджету.\n"
                          "У категорії малих проєктів 5 проєктів здобули перемогу.\n"
                          "Перемогу в конкурсі минулого року отримали 4 проєкти.\n"
                          "Команда ліцею здобула перемогу в 3 турнірах.\n")
    assert pairs(report) == Counter({("pb_projects_won", 7): 1, ("pb_projects_won", 5): 1, ("pb_projects_won", 4): 1})


# ------------------------------------------------------------------ e-consultations; petitions that gained support


def test_electronic_consultations_are_consultations_held_and_support_gained_is_a_supported_petition() -> None:
    report = extract_text("Звіт про інструменти участі Ірпінської міської ради за 2024 рік\n"
                          "Проведено 2 електронні консультації на платформі «Е-консультації».\n"
                          "Електронних консультацій з громадськістю відбулося ще три.\n"
                          "Подано 12 петицій, з них 3 набрали підтримку, 7 не отримали підтримки.\n"
                          "Дві петиції отримали підтримку вже за тиждень.\n"
                          "Юрист надав 14 консультацій громадянам.\n")
    assert pairs(report) == Counter({("public_consultations_held", 2): 1, ("public_consultations_held", 3): 1,
                                     ("petitions_submitted", 12): 1, ("petitions_supported", 3): 1,
                                     ("petitions_failed", 7): 1, ("petitions_supported", 2): 1})


# ------------------------------------------------------------------ lists pasted without bullets, "label: number"


def test_a_list_pasted_without_bullets_reads_one_item_a_line_and_keeps_its_requesters_as_parts() -> None:
    report = extract_text("Звіт про запити на публічну інформацію Глухівської міської ради за 2022 рік\n\n"
                          "Усього запитів, що надійшли – 52\n"
                          "з них від:\n"
                          "фізичних осіб – 30\n"
                          "юридичних осіб – 9\n"
                          "громадських об'єднань – 8\n"
                          "депутатів – 5\n\n"
                          "Результати розгляду:\n"
                          "задоволено – 41\n"
                          "надано роз'яснення – 6\n"
                          "відмовлено – 5\n")
    assert pairs(report) == Counter({("public_info_requests", 52): 1, ("public_info_requests", 30): 1,
                                     ("public_info_requests", 9): 1, ("public_info_requests", 8): 1,
                                     ("public_info_requests", 5): 1, ("public_info_requests_satisfied", 41): 1,
                                     ("public_info_requests_explained", 6): 1,
                                     ("public_info_requests_refused", 5): 1})
    assert breakdowns(report, "public_info_requests")[8] == "громадських об'єднань"  # a requester, not NGOs


def test_items_written_label_colon_number_under_a_dimension_lead_are_parts_with_their_labels() -> None:
    report = extract_text("Статистика запитів на публічну інформацію Корюківської міської ради\n"
                          "Звітний період: березень 2024 року\n\n"
                          "Надійшло запитів усього: 12\n\n"
                          "За способом надходження:\n"
                          "поштою: 2\n"
                          "електронною поштою: 10\n\n"
                          "За категорією запитувачів:\n"
                          "фізичні особи: 7\n"
                          "юридичні особи: 2\n"
                          "громадські об'єднання: 3\n")
    got = {(f.value, f.breakdown) for f in report.figures if f.code == "public_info_requests"}
    assert got == {(12, None), (2, "поштою"), (10, "електронною поштою"), (7, "фізичні особи"),
                   (2, "юридичні особи"), (3, "громадські об'єднання")}
    assert not any(f.code == "ngos_registered" for f in report.figures)


# ------------------------------------------------------------------ ranked counts after a total


def test_ranked_labelled_counts_after_a_total_break_it_down_but_months_do_not() -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян Шосткинської міської ради за 2023 рік\n"
                          "У зверненнях порушено 940 питань. Найбільше мешканців хвилювали питання "
                          "житлово-комунального господарства – 301, соціального захисту – 212, благоустрою – 97.\n"
                          "Загалом звернулося 700 громадян. Найбільше звернень надійшло у квітні – 81 та у "
                          "травні – 77.\n")
    assert {f.value for f in report.figures if f.code == "appeal_issues_raised"} == {940, 301, 212, 97}
    assert not any(f.code == "citizens_appealed" and f.value in (81, 77) for f in report.figures)


def test_bracketed_ranked_counts_after_a_total_are_its_parts() -> None:
    report = extract_text("Звіт про звернення громадян до Роменської міської ради за І квартал 2024 року\n"
                          "Цього кварталу у зверненнях порушено 610 питань. Найгостріші – благоустрій (233 питання), "
                          "соціальний захист (141), транспорт (57).\n")
    assert pairs(report) == Counter({("appeal_issues_raised", 610): 1, ("appeal_issues_raised", 233): 1,
                                     ("appeal_issues_raised", 141): 1, ("appeal_issues_raised", 57): 1})


# ------------------------------------------------------------------ months after a colon lead, counts in brackets


def test_months_after_a_colon_lead_are_the_leads_metric_even_after_another_figure() -> None:
    report = extract_text("Звіт про запити на публічну інформацію Сарненської міської ради за І квартал 2022 року\n\n"
                          "Відповідей, наданих у межах п'яти робочих днів – 18\n\n"
                          "Надходження запитів протягом кварталу: у січні надійшло 9, у лютому – 6, у березні – 11.\n")
    months = {f.value: (f.period.start.month if f.period else None) for f in report.figures
              if f.code == "public_info_requests"}
    assert months == {9: 1, 6: 2, 11: 3}


def test_a_count_in_brackets_where_a_bare_number_would_stand_is_read() -> None:
    report = extract_text("Інформація відділу з питань внутрішньої політики Роменської міської ради за 2021 рік\n"
                          "На території громади зареєстровано (42) громадських об’єднань. "
                          "У громаді діють (12) осередків політичних партій. "
                          "Надійшло 300 звернень: з питань освіти (31), транспорту (12).\n")
    got = pairs(report)
    assert got[("ngos_registered", 42)] == 1 and got[("party_cells_registered", 12)] == 1
    assert breakdowns(report, "appeals_received").get(31) == "з питань освіти"  # after a noun: a part in brackets


# ------------------------------------------------------------------ two counts one verb, changes "з … до …", quarters


def test_the_verb_between_two_counts_is_the_seconds_too() -> None:
    report = extract_text("Звіт про громадський бюджет Бахмацької міської ради за 2024 рік\n"
                          "Всього 23 автори подали 27 проєктів. На платформі зареєстровано 4 проєкти рішень.\n")
    assert pairs(report) == Counter({("pb_authors", 23): 1, ("pb_projects_submitted", 27): 1})


def test_a_change_from_one_count_to_another_reads_both_as_the_metric() -> None:
    report = extract_text("Звіт відділу громадської участі Вінницької міської ради за 2024 рік\n"
                          "Кількість поданих проєктів збільшилася з 96 у 2023 році до 131 у 2024-му.\n")
    got = {(f.value, f.period.start.year if f.period else None) for f in report.figures
           if f.code == "pb_projects_submitted"}
    assert got == {(96, 2023), (131, None)}


def test_quarters_listed_after_a_yearly_total_are_that_years_quarters() -> None:
    report = extract_text("Звіт про запити на публічну інформацію Лебединської міської ради за 2024 рік\n"
                          "Протягом 2024 року надійшло 102 запити на інформацію. По кварталах: І квартал – 22, "
                          "ІІ – 30, ІІІ – 19, IV – 31.\n")
    got = {(f.value, f.period.start.month if f.period else None) for f in report.figures
           if f.code == "public_info_requests"}
    assert got == {(102, None), (22, 1), (30, 4), (19, 7), (31, 10)}


def test_documents_received_are_never_published_ones_and_keep_the_metric_they_are_borrowed_from() -> None:
    report = extract_text("Звіт загального відділу Долинської міської ради за 9 місяців 2023 року\n"
                          "Вхідних документів зареєстровано 2 410 (торік за аналогічний період – 2 250). Серед них "
                          "найбільшу частку становлять документи обласної військової адміністрації – 980, від "
                          "центральних органів виконавчої влади надійшло 402, від районної військової адміністрації "
                          "– 377.\n")
    assert not any(f.code == "documents_published" for f in report.figures)
    assert {f.value for f in report.figures if f.code == "letters_received"} >= {2410, 2250, 402, 377}


def test_internal_documents_are_the_internal_kind_of_the_document_flow_and_subsection_numbers_no_figures() -> None:
    report = extract_text("Звіт загального відділу Покровської міської ради за І півріччя 2025 року\n"
                          "2.2. Документообіг\n"
                          "2.2.1. Загалом за півріччя зареєстровано 5 120 документів.\n"
                          "2.2.2. Вхідна кореспонденція – 2 730 документів.\n"
                          "2.2.3. Вихідна кореспонденція – 1 604 документи.\n"
                          "2.2.4. Внутрішні документи – 786.\n")
    assert {(f.value, f.breakdown) for f in report.figures if f.code == "documents_flow_total"} == {
        (5120, None), (786, "вид: внутрішні документи")}
    assert not any(f.value == 2 for f in report.figures)  # "2.2." is the section's number


def test_a_noun_before_a_participle_clause_names_the_count_after_it() -> None:
    report = extract_text("Звіт про звернення громадян Лохвицької міської ради за травень 2026 року\n"
                          "Звернень, поданих у письмовій формі, налічується 57.\n"
                          "Запитів, зареєстрованих за місяць, налічується 12.\n")
    assert pairs(report) == Counter({("appeals_received", 57): 1, ("public_info_requests", 12): 1})


def test_a_dimension_lead_after_a_sentence_of_several_figures_splits_the_one_its_items_fit() -> None:
    report = extract_text("Інформація про інститути громадянського суспільства Ладижинської міської ради за 2023 рік\n"
                          "Станом на 1 січня 2024 року зареєстровано 90 громадських організацій, з них шість перебувають "
                          "у стані припинення, а 8 фактично припинили діяльність.\n"
                          "За напрямами діяльності: ветеранські – 15; молодіжні – 10; спортивні – 18; інші – 47.\n")
    got = {f.value: (f.breakdown or "").split(" (")[0] for f in report.figures if f.code == "ngos_registered"}
    assert got == {90: "", 15: "ветеранські", 10: "молодіжні", 18: "спортивні", 47: "інші"}


def test_counts_from_categories_of_citizens_are_parts_of_the_appeals_never_people_or_photo_categories() -> None:
    report = extract_text("Звіт про звернення громадян Радомишльської міської ради за жовтень 2021 року\n"
                          "За жовтень надійшло 64 звернення.\n"
                          "Від окремих категорій громадян: від ВПО – 6, від УБД – 9, від пенсіонерів – 21.\n")
    assert {f.value: f.breakdown for f in report.figures if f.code == "appeals_received"} == {
        64: None, 6: "від ВПО", 9: "від УБД", 21: "від пенсіонерів"}
    assert not any(f.code in ("photo_gallery_categories", "citizens_appealed") for f in report.figures)


def test_votes_after_a_quoted_title_with_a_full_stop_and_voters_after_a_sentence_on_the_vote() -> None:
    report = extract_text("Звіт про громадський бюджет Зіньківської міської ради за 2022 рік\n"
                          "З 1 квітня по 31 травня прийнято 21 проєкт.\n"
                          "Голосування тривало з 1 по 30 вересня 2022 р. Взяли участь 2 310 мешканців.\n"
                          "№ 4 «Спортивний майданчик на вул. Шевченка» – 1 102 голоси;\n"
                          "Засідання комісії відбулося 5 травня. Взяли участь 12 членів комісії.\n")
    assert pairs(report) == Counter({("pb_projects_submitted", 21): 1, ("pb_voters", 2310): 1,
                                     ("pb_project_votes", 1102): 1})


def test_months_joined_then_numbers_respectively_and_a_quarter_of_last_year_in_brackets() -> None:
    report = extract_text("Звіт відділу Овруцької міської ради за ІІІ квартал 2023 року\n"
                          "На сайті за квартал оприлюднено 402 інформаційні матеріали (ІІІ кв. 2022 р. – 371); у липні "
                          "та серпні – відповідно 133 і 127, у вересні – 142.\n")
    got = {(f.value, (f.period.start.year, f.period.start.month) if f.period else None)
           for f in report.figures if f.code == "news_published"}
    assert got == {(402, None), (371, (2022, 7)), (133, (2023, 7)), (127, (2023, 8)), (142, (2023, 9))}


def test_bare_lines_under_a_first_item_that_named_its_noun_count_the_same() -> None:
    report = extract_text("Комунікації Краматорської міської ради: тиждень з 10 по 16 березня 2025 року\n"
                          "Нас читають (станом на 16.03.2025):\n"
                          "Telegram — 60 110 підписників\n"
                          "Facebook — 38 400\n"
                          "Instagram — 9 700\n")
    assert {f.value: f.breakdown for f in report.figures if f.code == "social_media_followers"} == {
        60110: None, 38400: "Facebook", 9700: "Instagram"}


def test_a_count_opening_with_kilkist_past_participles_and_a_place_then_a_semicolon() -> None:
    report = extract_text("Службова записка відділу Балтської міської ради про роботу за травень 2022 року\n"
                          "Кількість розміщених на офіційному сайті Балтської міської територіальної громади новин та "
                          "оголошень за вказаний період становить 47; з них оголошень – 12.\n"
                          "Разом за квартал: засідань виконкому – 7, вхідних документів – 1 612, вихідних – 1 240.\n")
    assert pairs(report)[("news_published", 47)] == 1 and pairs(report)[("news_published", 12)] == 1
    assert pairs(report)[("exec_committee_meetings", 1240)] == 0


def test_news_illustrated_with_photos_are_counted_apart_from_the_photos_in_them() -> None:
    report = extract_text("Звіт відділу Балтської міської ради за червень 2022 року\n"
                          "На сайті розміщено 44 новини. Фотоматеріалами супроводжено 21 публікацію, у яких загалом "
                          "розміщено 133 фото.\n"
                          "На сайті розміщено 610 новин. Фото чи фоторепортажами проілюстровано 512 з них.\n"
                          "Новинні матеріали проілюстровано близько 280 фото.\n")
    got = pairs(report)
    assert got[("photo_news_published", 21)] == 1 and got[("photos_in_news_published", 133)] == 1
    assert got[("photo_news_published", 512)] == 1 and got[("photos_in_news_published", 280)] == 1


def test_sittings_that_were_broadcast_are_broadcasts_not_sittings_held() -> None:
    report = extract_text("Звіт відділу Немирівської міської ради за травень 2024 року\n"
                          "Організовано онлайн-трансляції трьох пленарних засідань сесії та одного засідання виконкому.\n"
                          "Проведено 4 засідання виконкому.\n"
                          "Організовано 5 онлайн-трансляцій засідань сесії та 2 брифінги міського голови.\n")
    assert pairs(report) == Counter({("online_broadcasts", 3): 1, ("online_broadcasts", 1): 1,
                                     ("exec_committee_meetings", 4): 1, ("online_broadcasts", 5): 1,
                                     ("press_events_organized", 2): 1})


def test_zeros_said_by_nemaie_and_by_an_unextended_deadline() -> None:
    report = extract_text("Звіт про запити на публічну інформацію Рахівської міської ради за вересень 2023 року\n"
                          "Надійшло 11 запитів.\n"
                          "Строк розгляду жодного запиту не продовжувався.\n"
                          "Станом на 30.09.2023 нерозглянутих запитів немає.\n")
    assert pairs(report) == Counter({("public_info_requests", 11): 1, ("public_info_requests_extended", 0): 1,
                                     ("public_info_requests_pending", 0): 1})


def test_a_clause_after_a_comma_in_the_shape_of_the_one_before_counts_the_same_or_the_denied() -> None:
    report = extract_text("Звіт відділу Золотоніської міської ради за грудень 2024 року\n"
                          "На сторінку у Facebook підписані 18 900 людей, на Telegram-канал – 10 120.\n"
                          "Необхідну кількість підписів набрали 2 петиції, 7 – не набрали підписів у встановлений "
                          "строк.\n")
    assert pairs(report) == Counter({("social_media_followers", 18900): 1, ("social_media_followers", 10120): 1,
                                     ("petitions_supported", 2): 1, ("petitions_failed", 7): 1})


# ------------------------------------------------------------------ requests that got what they asked for


def test_requesters_who_got_the_information_count_requests_satisfied_not_pending() -> None:
    report = extract_text("Звіт про доступ до публічної інформації Тетіївської міської ради за 2022 рік\n"
                          "Надійшло 131 запит на публічну інформацію.\n"
                          "За наслідками розгляду запитувачам надано інформацію на 97 запитів; щодо шести надано "
                          "роз’яснення.\n"
                          "Запитувачі отримали повну інформацію ще у 12 випадках.\n"
                          "На 9 запитів запитувачі отримали витребувану інформацію поштою.\n"
                          "Станом на 31.12.2022 на розгляді перебувають 4 запити.")
    assert pairs(report) == Counter({("public_info_requests", 131): 1, ("public_info_requests_satisfied", 97): 1,
                                     ("public_info_requests_explained", 6): 1,
                                     ("public_info_requests_satisfied", 12): 1,
                                     ("public_info_requests_satisfied", 9): 1,
                                     ("public_info_requests_pending", 4): 1})


# ------------------------------------------------------------------ forms of receipt with a note, after people


def test_a_note_in_brackets_before_the_dash_and_forms_after_a_count_of_people() -> None:
    report = extract_text("Інформація про роботу зі зверненнями громадян Бучацької міської ради за березень 2024 року\n"
                          "У березні надійшло 176 звернень громадян.\n"
                          "З урахуванням 4 колективних звернень до ради звернулися 193 громадянина.\n"
                          "За формою надходження: письмових — 118, усних (на особистих прийомах, по телефону та "
                          "під час виїзних прийомів) — 58.\n"
                          "Запитів на інформацію надійшло 40, з них електронних (через офіційний сайт) – 31.")
    got = breakdowns(report, "appeals_received")
    assert got[118] == "письмових (звернень)" and got[58] == "усних (звернень)"
    assert pairs(report)[("citizens_appealed", 118)] == 0 and pairs(report)[("citizens_appealed", 193)] == 1
    assert breakdowns(report, "public_info_requests") == {40: None, 31: "електронних (Запитів)"}


# ------------------------------------------------------------------ asides between commas


def test_an_aside_between_commas_leaves_one_clause_and_photo_reports_illustrate_news() -> None:
    report = extract_text("Звіт відділу комунікацій Горохівської міської ради за листопад 2021 року\n"
                          "Загалом документообіг відділу, з урахуванням внутрішніх службових записок, склав 906 "
                          "документів.\n"
                          "На сайті опубліковано 71 новину, з яких 44, як і раніше, супроводжувалися фотозвітами.\n"
                          "Станом на 01.12.2021 у громаді зареєстровано 96 громадських організацій, а 12, за "
                          "інформацією старост, фактично не провадять діяльності.\n"
                          "Також оприлюднено 5 фотозвітів з урочистих подій.")
    assert pairs(report) == Counter({("documents_flow_total", 906): 1, ("news_published", 71): 1,
                                     ("photo_news_published", 44): 1, ("ngos_registered", 96): 1,
                                     ("ngos_ceased", 12): 1, ("photo_news_published", 5): 1})


def test_votes_in_brackets_that_one_project_got_are_the_projects_votes() -> None:
    report = extract_text("Звіт про громадський бюджет Калинівської міської ради за 2022 рік\n"
                          "У голосуванні віддано 4 380 голосів. Переможцями визнано 5 проєктів; найбільше голосів "
                          "(517) отримав проєкт «Сквер біля ставу».\n"
                          "Друге місце: найбільше голосів (402) набрав проєкт облаштування дитячого майданчика.\n")
    assert pairs(report) == Counter({("pb_votes_cast", 4380): 1, ("pb_projects_won", 5): 1,
                                     ("pb_project_votes", 517): 1, ("pb_project_votes", 402): 1})


def test_kinds_listed_after_a_dash_make_up_the_whole_flow() -> None:
    report = extract_text("Звіт загального відділу Радивилівської міської ради за 2022 рік\n"
                          "Через систему електронного документообігу пройшло понад 9,8 тис. документів – вхідних, "
                          "вихідних та внутрішніх, що більше, ніж торік.\n"
                          "Вихідних документів відправлено 2 930.")
    assert pairs(report) == Counter({("documents_flow_total", 9800): 1, ("outgoing_documents", 2930): 1})


def test_a_participle_clause_between_the_label_and_its_dash_belongs_to_the_label() -> None:
    report = extract_text("Звіт відділу комунікацій Яворівської міської ради за березень 2025 року\n"
                          "📰 новин на сайті — 58\n"
                          "✉️ анонсів, надісланих місцевим ЗМІ — 11\n"
                          "📄 листів, отриманих від громадських організацій — 7\n")
    got = pairs(report)
    assert got[("news_published", 58)] == 1 and got[("media_announcements_sent", 11)] == 1


def test_signatories_of_collective_appeals_are_people_who_appealed_never_a_petitions() -> None:
    report = extract_text("Інформація про роботу зі зверненнями громадян Хирівської міської ради за І квартал 2023 року\n"
                          "Надійшло 377 звернень. Колективних звернень – 14, їх підписали 188 осіб; загалом звернулися "
                          "541 громадянин.\n"
                          "Петицію щодо ремонту дороги підписали 250 осіб.")
    got = pairs(report)
    assert got[("citizens_appealed", 188)] == 1 and got[("citizens_appealed", 541)] == 1
    assert breakdowns(report, "citizens_appealed")[541] is None  # the headline stays whole
    assert "250" in unmatched(report)
    report = extract_text("Звіт про звернення громадян Хирівської міської ради за 2023 рік\n"
                          "Надійшло 1 204 звернення, серед них 6 колективних, які підписали 97 мешканців.\n"
                          "Кількість громадян з урахуванням підписантів становить 1 633 особи.")
    got = pairs(report)
    assert got[("citizens_appealed", 97)] == 1 and got[("citizens_appealed", 1633)] == 1


def test_cases_refused_count_the_refused_things_counted_before() -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян Одеської міської ради за 2023 рік\n"
                          "Розглянуто з наданням відповіді по суті 18 204 звернення, з яких вирішено позитивно 7 311, "
                          "надано роз’яснення щодо 10 402, а у 491 випадку заявникам відмовлено.\n"
                          "Запитів на публічну інформацію надійшло 212. У 9 випадках відмовлено.\n")
    got = pairs(report)
    assert got[("appeals_answered", 491)] == 1 and got[("public_info_requests_refused", 9)] == 1
    assert breakdowns(report, "appeals_answered")[491] == "відмовлено"


def test_times_people_appealed_are_appeals_not_people() -> None:
    report = extract_text("Інформація про звернення громадян до Лохвицької міської ради за травень 2025 року\n"
                          "Надійшло 96 звернень. На урядову «гарячу лінію» 1545 мешканці громади зверталися 9 разів.\n"
                          "Засідання комісії проводилися 3 рази.")
    got = pairs(report)
    assert got[("appeals_received", 9)] == 1 and got[("citizens_appealed", 9)] == 0


def test_messages_on_the_portal_are_news_and_their_months_follow() -> None:
    report = extract_text("Звіт управління комунікацій Львівської міської ради за І квартал 2024 року\n"
                          "Найнапруженішим видався березень, коли на порталі вийшло 219 повідомлень; у січні їх було "
                          "164, у лютому – 190.\n")
    got = sorted((f.value, f.period.start.month if f.period else None) for f in report.figures
                 if f.code == "news_published")
    assert got == [(164, 1), (190, 2), (219, 3)]


def test_a_done_line_of_a_plan_reads_with_the_measure_it_reports_on() -> None:
    report = extract_text("Звіт про виконання програми розвитку громадянського суспільства Барської міської ради "
                          "за І півріччя 2024 року\n"
                          "Захід 1.1. Організаційне забезпечення засідань Громадської ради при виконавчому комітеті.\n"
                          "Заплановано: не менше 4 засідань на рік.\n"
                          "Виконано: у І півріччі проведено 3 засідання.\n"
                          "Захід 2.1. Проведення консультацій з громадськістю.\n"
                          "Заплановано: 6 консультацій на рік.\n"
                          "Виконано: проведено 4 консультації, з них 1 – електронна.\n")
    assert pairs(report) == Counter({("public_council_meetings", 3): 1, ("public_consultations_held", 4): 1,
                                     ("public_consultations_held", 1): 1})
    assert {"4", "6"} <= set(unmatched(report))  # the plan's figures are targets, never counts


def test_authors_of_appeals_are_people_and_reach_is_no_count_of_posts() -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян Таращанської міської ради за ІІ квартал 2024 року\n"
                          "Надійшло 267 звернень. Авторами звернень були 259 громадян, серед них 41 внутрішньо "
                          "переміщена особа.\n"
                          "Звернень від пільгових категорій: осіб з інвалідністю – 12, учасників бойових дій – 9.\n"
                          "У бюлетень увійшли 14 проєктів.\n"
                          "У соцмережах опубліковано 84 дописи; охоплення дописів — понад 52 тис.\n")
    got = pairs(report)
    assert got[("citizens_appealed", 259)] == 1 and got[("citizens_appealed", 41)] == 1
    assert got[("appeals_received", 12)] == 1 and got[("appeals_received", 9)] == 1  # appeals from categories
    assert got[("pb_projects_on_ballot", 14)] == 1 and got[("social_media_posts", 84)] == 1
    assert not [k for k in got if k[1] == 52000]


# ------------------------------------------------------------------ a section's heading; one of them was


def test_a_number_that_named_nothing_reads_again_with_its_sections_heading() -> None:
    report = extract_text("Звіт про роботу загального відділу Золочівської міської ради за березень 2025 року\n"
                          "II. Виконавчий комітет\n"
                          "Проведено одне чергове засідання, на розгляд якого внесено двадцять сім проєктів рішень; "
                          "ухвалено двадцять п’ять.\n"
                          "Виконком збирався двічі, одне з засідань було позачерговим.\n"
                          "III. Бюджет участі\n"
                          "Триває прийом проєктів на бюджет участі-2026.\n"
                          "Загалом за місяць видано 61 розпорядження міського голови.\n")
    got = pairs(report)
    assert got[("exec_committee_meetings", 1)] >= 1 and got[("draft_executive_decisions", 27)] == 1
    assert got[("exec_decisions_adopted", 25)] == 1 and got[("exec_committee_meetings", 2)] == 1
    assert not [k for k in got if k[1] in (2026, 61)]  # a name's year; orders issued are no drafts


def test_one_of_them_that_was_of_a_kind_is_a_count_of_one() -> None:
    report = extract_text("Звіт загального відділу Тульчинської міської ради за жовтень 2023 року\n"
                          "Проведено два засідання виконавчого комітету, одне з яких було позачерговим і стосувалося "
                          "опалювального сезону.\n"
                          "Розглянуто 5 петицій, одну з них підтримано частково.\n")
    got = sorted((f.code, f.value, f.breakdown) for f in report.figures)
    assert ("exec_committee_meetings", 1, "було позачерговим (засідання)") in got
    assert not [f for f in report.figures if f.code.startswith("petitions") and f.value == 1]


def test_a_count_in_brackets_with_the_noun_of_a_figure_before_is_its_part() -> None:
    report = extract_text("Інформація відділу внутрішньої політики Ізюмської міської ради станом на 1 січня 2025 року\n"
                          "Релігійних організацій у громаді — 27, вони належать до восьми конфесій; найчисельнішою є "
                          "Православна церква України (11 громад).\n")
    assert breakdowns(report, "religious_orgs_registered") == {27: None, 11: "Православна церква України"}
    report = extract_text("Інформація відділу внутрішньої політики Вишнівської міської ради станом на 1 січня 2026 року\n"
                          "Релігійних громад зареєстровано 16; найбільша – Українська греко-католицька церква (7 громад).")
    assert breakdowns(report, "religious_orgs_registered") == {16: None, 7: "Українська греко-католицька церква"}


def test_senders_of_requests_are_parts_of_the_requests_never_the_ngos() -> None:
    report = extract_text("Звіт про доступ до публічної інформації Херсонської міської ради за ІІІ квартал 2024 року\n"
                          "Надійшло 88 запитів. Основними запитувачами залишаються фізичні особи, від яких надійшов "
                          "52 запити, тоді як юридичні особи надіслали 19, громадські об’єднання – 9, а ЗМІ – 8.\n"
                          "Запитувачі за категоріями: фізичні особи – 40, юридичні особи – 30, громадські "
                          "об’єднання – 18.\n")
    got = breakdowns(report, "public_info_requests")
    assert got[19] == "юридичні особи" and got[9] == "громадські об’єднання" and got[18] == "громадські об’єднання"
    assert not [f for f in report.figures if f.code == "ngos_registered"]


def test_a_month_after_a_and_already_and_a_part_that_arrived_earlier() -> None:
    report = extract_text("Звіт загального відділу Свалявської міської ради за І квартал 2023 року\n"
                          "Вхідних документів за квартал зареєстровано 1 540: у січні – 452, у лютому – 498, а у "
                          "березні вже 590.\n"
                          "Розглянуто 311 звернень, у тому числі 12, що надійшли у грудні 2022 року.\n")
    got = {f.value: (f.code, f.period.start.month if f.period else None) for f in report.figures}
    assert got[590] == ("letters_received", 3) and got[452] == ("letters_received", 1)
    assert got[12][0] == "appeals_answered"


def test_a_count_in_brackets_after_most_stands_for_the_bare_number() -> None:
    report = extract_text("Звіт про доступ до публічної інформації Херсонської міської ради за 2024 рік\n"
                          "Надійшло 301 запит; строк розгляду продовжувався чотири рази; тематично найбільше (57) "
                          "запитів стосувалося компенсації за зруйноване майно.\n")
    got = breakdowns(report, "public_info_requests")
    assert got[301] is None and 57 in got
    assert pairs(report)[("public_info_requests_extended", 57)] == 0


def test_a_clause_of_its_own_that_denies_a_thing_is_a_zero_beside_figures() -> None:
    report = extract_text("Звіт відділу комунікацій Болградської міської ради за березень 2025 року\n"
                          "Редакціям газет надіслано 9 анонсів заходів; брифінгів за цей період не проводилося.\n"
                          "За місяць зареєстровано п’ять петицій. Три петиції підписів не набрали.\n"
                          "У громаді діє 41 громадське об’єднання; нових партійних осередків не зареєстровано.\n")
    got = pairs(report)
    assert got[("media_announcements_sent", 9)] == 1 and got[("press_events_organized", 0)] == 1
    assert got[("petitions_failed", 3)] == 1 and got[("petitions_failed", 0)] == 0
    assert got[("party_cells_registered", 0)] == 0  # no new cells, not an empty register


def test_sittings_after_a_colon_of_broadcasts_are_sittings_broadcast() -> None:
    report = extract_text("Звіт відділу інформаційної політики Ніжинської міської ради за травень 2024 року\n"
                          "Забезпечено 4 онлайн-трансляції: засідання сесії міської ради та трьох засідань виконавчого "
                          "комітету.\n")
    assert pairs(report) == Counter({("online_broadcasts", 4): 1, ("online_broadcasts", 3): 1})


def test_orders_registered_are_issued_ones_drafts_registered_are_drafts() -> None:
    report = extract_text("Звіт загального відділу Покровської міської ради за І півріччя 2025 року\n"
                          "Розпоряджень міського голови з основної діяльності зареєстровано 187.\n"
                          "Опрацьовано та зареєстровано 214 проєктів розпоряджень міського голови.\n")
    assert pairs(report) == Counter({("draft_mayor_orders", 214): 1})
    assert "187" in unmatched(report)


def test_a_difference_with_its_noun_and_appeals_still_at_work_are_no_figures() -> None:
    report = extract_text("Аналітична довідка про звернення громадян до Бучацької міської ради за І квартал 2024 року\n"
                          "До міської ради надійшло 203 звернення, що на 19 звернень більше, ніж за І квартал 2023 року "
                          "(184).\n"
                          "Ще 11 звернень перебувають у виконавців; у роботі залишається 6 звернень.\n")
    got = pairs(report)
    assert got == Counter({("appeals_received", 203): 1, ("appeals_received", 184): 1})
    assert {"11", "6"} <= set(unmatched(report))


def test_a_target_is_never_a_count_and_what_was_done_counts_its_noun() -> None:
    report = extract_text("Звіт відділу комунікацій Менської міської ради за IV квартал 2022 року\n"
                          "Заплановано розмістити 140 новин, фактично розміщено 163 (виконання – 116 %).\n"
                          "У Facebook опубліковано 211 дописів (план – 170).\n"
                          "Проведено 4 засідання Громадської ради (за планом – 6).\n")
    assert pairs(report) == Counter({("news_published", 163): 1, ("social_media_posts", 211): 1,
                                     ("public_council_meetings", 4): 1})
    assert {"140", "170", "6"} <= set(unmatched(report))


def test_snapshots_in_the_gallery_portal_subsections_and_illustrated_publications() -> None:
    report = extract_text("Звіт відділу комунікацій Славутицької міської ради за листопад 2022 року\n"
                          "Оновлено фотогалерею, куди завантажено 64 знімки.\n"
                          "Створено три нові підрозділи порталу.\n"
                          "Фотографіями ілюстрували тридцять сім публікацій.\n")
    assert pairs(report) == Counter({("photos_published", 64): 1, ("site_subsections_created", 3): 1,
                                     ("photo_news_published", 37): 1})


def test_a_span_of_months_inside_a_clause_leaves_the_clause_whole() -> None:
    report = extract_text("Звіт про громадську участь Гайворонської міської ради за 2021 рік\n"
                          "На платформі зареєстровано 9 петицій. Необхідні 100 підписів протягом двох місяців набрала "
                          "одна петиція.\n"
                          "Вихідних документів за дев’ять місяців відправлено 2 114.\n")
    got = pairs(report)
    assert got[("petitions_submitted", 9)] == 1 and got[("petitions_supported", 1)] == 1
    assert got[("outgoing_documents", 2114)] == 1


def test_session_drafts_a_leaders_votes_rounds_of_the_participation_budget_and_album_categories() -> None:
    report = extract_text("Звіт про громадську участь Сквирської міської ради за 2024 рік\n"
                          "Сесійних проєктів рішень опрацьовано: дев’яносто вісім.\n"
                          "Проведено два конкурси бюджету участі; лідер загального конкурсу отримав 912 голосів.\n"
                          "У фотогалереї створено 3 нові альбоми-категорії.\n")
    assert pairs(report) == Counter({("draft_council_decisions", 98): 1, ("participatory_budget_rounds", 2): 1,
                                     ("pb_project_votes", 912): 1, ("photo_gallery_categories", 3): 1})


def test_counts_in_brackets_after_a_preposition_are_bare_numbers() -> None:
    report = extract_text("Інформація відділу внутрішньої політики Корюківської міської ради за ІІ півріччя 2022 року\n"
                          "Зареєстровано (8) релігійних громад, що належать до (3) конфесій: Православної церкви "
                          "України – (5) громад, Української православної церкви – (2), євангельських "
                          "християн-баптистів – (1).\n")
    got = sorted((f.code, f.value, f.breakdown) for f in report.figures)
    assert ("religious_denominations", 3, None) in got
    assert [f.value for f in report.figures if f.code == "religious_orgs_registered"] == [8, 5, 2, 1]


def test_events_broadcast_are_broadcasts() -> None:
    report = extract_text("Тиждень у цифрах: відділ комунікацій Золотоніської міської ради, 11–17.03.2024\n"
                          "🔴 Наживо. Транслювали три події – засідання виконкому та дві сесії.\n")
    assert pairs(report)[("online_broadcasts", 3)] == 1


def test_parts_of_refused_requests_named_by_the_requests_noun_are_refused_ones() -> None:
    report = extract_text("Звіт про доступ до публічної інформації Синельниківської міської ради за 2024 рік\n"
                          "Надійшло 97 запитів на інформацію. Відмовлено у задоволенні 5 запитів: у 3 випадках "
                          "запитувана інформація не належить до публічної, у 2 – запитувач не сплатив витрати.\n")
    got = breakdowns(report, "public_info_requests_refused")
    assert set(got) == {5, 3, 2} and got[5] is None
    assert pairs(report)[("public_info_requests", 3)] == 0


def test_a_parallel_clause_beats_a_noun_borrowed_from_the_sentence_before() -> None:
    report = extract_text("Тиждень у цифрах: відділ комунікацій Золотоніської міської ради, 18–24.11.2024\n"
                          "📱 Соцмережі. Усього за тиждень – 74 дописи: 31 у Facebook і 43 у Telegram-каналі.\n"
                          "👥 Станом на 25.11.2024 на сторінку у Facebook підписані 17 210 людей, на Telegram-канал – "
                          "8 655.\n")
    got = pairs(report)
    assert got[("social_media_followers", 17210)] == 1 and got[("social_media_followers", 8655)] == 1
    assert got[("social_media_posts", 8655)] == 0


def test_followers_who_joined_are_no_count_of_all_followers() -> None:
    report = extract_text("Тиждень у цифрах: відділ комунікацій Золотоніської міської ради, 2–8.12.2024\n"
                          "👥 Станом на 09.12.2024 на Telegram-канал підписані 9 950 людей. За тиждень до каналу "
                          "долучилися ще 80 читачів.\n")
    got = pairs(report)
    assert got[("social_media_followers", 9950)] == 1 and got[("social_media_followers", 80)] == 0


# ------------------------------------------------------------------ internal documents beside outgoing ones


def test_internal_documents_listed_after_outgoing_ones_are_a_kind_of_the_whole_flow() -> None:
    report = extract_text("Звіт загального відділу Прилуцької міської ради за І квартал 2022 року\n"
                          "Вхідних документів зареєстровано 1 465. Вихідних документів відправлено 903, внутрішніх "
                          "оформлено 553, отже загальний документообіг склав 2 921 документ.")
    assert breakdowns(report, "documents_flow_total") == {553: "вид: внутрішні документи", 2921: None}
    assert breakdowns(report, "outgoing_documents") == {903: None}
    listed = extract_text("Звіт загального відділу Прилуцької міської ради за І півріччя 2022 року\n"
                          "За півріччя зареєстровано 6 102 документи, у тому числі:\n"
                          "- вхідних – 3 008, з них:\n"
                          "    від органів влади вищого рівня – 1 117;\n"
                          "- вихідних – 2 004;\n"
                          "- внутрішніх (службових і доповідних записок) – 1 090.\n"
                          "Вихідних і внутрішніх документів з грифом підготовлено 14.")
    assert breakdowns(listed, "documents_flow_total") == {6102: None, 1090: "вид: внутрішні документи"}
    assert {v for c, v in pairs(listed) if c == "outgoing_documents"} == {2004, 14}  # both named: outgoing stay


def test_a_noun_explained_in_brackets_before_its_verb_still_names_the_figure() -> None:
    report = extract_text("Звіт загального відділу Прилуцької міської ради за 2022 рік\n"
                          "Внутрішніх документів (службових записок, довідок, протоколів) оформлено 778.\n"
                          "Вихідних документів (листів, відповідей, запитів) відправлено 2 610.")
    assert pairs(report) == Counter({("documents_flow_total", 778): 1, ("outgoing_documents", 2610): 1})


# ------------------------------------------------------------------ a participle clause listing people before the dash


def test_a_label_before_a_participle_clause_with_its_own_commas_names_the_figure_after_the_dash() -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян Прилуцької міської ради за ІІ квартал 2019 року\n"
                          "Письмових звернень – 84; усних звернень, прийнятих міським головою, секретарем ради та "
                          "заступником міського голови під час особистих і виїзних прийомів, – 53.")
    assert pairs(report) == Counter({("appeals_received", 84): 1, ("appeals_received", 53): 1})


# ------------------------------------------------------------------ the rest


def test_the_rest_counts_the_noun_of_the_figure_before_unless_something_was_done_to_it() -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян Прилуцької міської ради за квітень 2026 року\n"
                          "Надійшло 87 звернень. Звернень, поданих у письмовій формі, налічується 49; решта, 38, – "
                          "усні, прийняті під час особистих прийомів.\n"
                          "Розглянуто з наданням відповідей по суті 80 звернень, решта 7 перебувають на розгляді.\n"
                          "Надано відповіді на 40 листів, решту 3 переадресовано.")
    assert pairs(report) == Counter({("appeals_received", 87): 1, ("appeals_received", 49): 1,
                                     ("appeals_received", 38): 1, ("appeals_answered", 80): 1,
                                     ("letters_answered", 40): 1})
    assert {"7", "3"} <= set(unmatched(report))


# ------------------------------------------------------------------ thousands and units written out


def test_thousands_with_the_rest_in_digits_and_units_after_the_number_read_as_one_count() -> None:
    report = extract_text("Звіт відділу комунікацій Прилуцької міської ради за березень 2024 року\n"
                          "На сайті розміщено 112 од. новин, до яких завантажено 245 шт. фото.\n"
                          "Станом на 31.03.2024 сторінки міської ради мають 22 тис. 240 підписників, з них: "
                          "Facebook – 18,6 тис., Telegram – 2 тис. 140.")
    assert pairs(report) == Counter({("news_published", 112): 1, ("photos_in_news_published", 245): 1,
                                     ("social_media_followers", 22240): 1, ("social_media_followers", 18600): 1,
                                     ("social_media_followers", 2140): 1})


# ------------------------------------------------------------------ a list's heading is no total of its own items


def test_items_under_a_heading_keep_their_own_nouns_after_the_first_items_figures() -> None:
    report = extract_text("Звіт відділу комунікацій Прилуцької міської ради з 1 по 14 листопада 2022 року\n"
                          "Соцмережі:\n"
                          "– 145 дописів (Facebook – 64, Telegram – 81);\n"
                          "– середнє охоплення допису – 3,2 тис. переглядів;\n"
                          "– сторінку у Facebook читають 8,7 тис. підписників, Telegram-канал – 1,5 тис. підписників.")
    assert {v for c, v in pairs(report) if c == "social_media_followers"} == {8700, 1500}
    assert {v for c, v in pairs(report) if c == "social_media_posts"} >= {145}
    assert not {8700, 1500} & {v for c, v in pairs(report) if c == "social_media_posts"}


# ------------------------------------------------------------------ a share with its count in brackets


def test_a_count_in_brackets_after_its_share_reads_as_if_the_share_were_not_there() -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян Прилуцької міської ради за ІІ квартал 2023 року\n"
                          "Письмові звернення становили 71 % (276 звернень), усні, отримані на особистому прийомі, "
                          "– 29 % (113).\n"
                          "34 % (132) звернень надійшли від внутрішньо переміщених осіб.")
    assert pairs(report) == Counter({("appeals_received", 276): 1, ("appeals_received", 113): 1,
                                     ("appeals_received", 132): 1})
    assert breakdowns(report, "appeals_received")[132] == "від внутрішньо переміщених осіб"


# ------------------------------------------------------------------ footnotes


def test_a_footnote_mark_leaves_its_word_and_the_footnote_speaks_of_the_marked_figure() -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян Прилуцької міської ради за ІІ квартал 2023 року\n"
                          "До міської ради надійшло 389 звернень громадян*: у квітні – 141, у травні – 127, "
                          "у червні – 121.\n"
                          "До міської ради звернулися 452 особи¹.\n"
                          "Громадські обговорення: заплановано – 4, проведено – 6**.\n"
                          "Вінницька обласна державна адміністрація – 412²;\n\n"
                          "* з них 26 – повторні.\n"
                          "¹ з урахуванням 11 колективних звернень.\n"
                          "** з них 2 – електронні консультації.\n"
                          "² у тому числі 36 – з позначкою «Терміново».")
    got = pairs(report)
    assert got[("citizens_appealed", 452)] == 1 and got[("public_consultations_held", 6)] == 1
    assert breakdowns(report, "appeals_received")[26] == "повторні (звернень)"
    assert ("public_consultations_held", 2) in got and ("public_consultations_held", 26) not in got
    assert "36" in unmatched(report)  # the note of a figure that named nothing borrows no noun from above


# ------------------------------------------------------------------ plan and fact


def test_what_was_done_after_a_target_counts_what_the_target_counted() -> None:
    report = extract_text("Звіт про роботу відділу Прилуцької міської ради за ІІ квартал 2021 року\n"
                          "Засідання Громадської ради при виконавчому комітеті: заплановано – 3, проведено – 2.\n"
                          "Громадські обговорення: заплановано – 4, проведено – 6.")
    assert pairs(report) == Counter({("public_council_meetings", 2): 1, ("public_consultations_held", 6): 1})
    assert {"3", "4"} <= set(unmatched(report))


# ------------------------------------------------------------------ typing noise


def test_words_typed_with_latin_letters_without_apostrophes_or_with_a_hyphen_still_name_their_metric() -> None:
    report = extract_text("Звіт відділу внутрішньої політики Прилуцької міської ради за 2019 рік\n"
                          "За звітний період зареєстровано 14 громадських обєднань, 3 релiгiйнi органiзацiї та "
                          "2 осередки полiтичних партiй.\n"
                          "Створено 3 відео-ролики.")
    assert pairs(report) == Counter({("ngos_registered", 14): 1, ("religious_orgs_registered", 3): 1,
                                     ("party_cells_registered", 2): 1, ("videos_published", 3): 1})


# ------------------------------------------------------------------ adjective items after a plain noun


@pytest.mark.parametrize("body", [
    "Звернень громадян – 412\nПисьмових – 298\nУсних – 114",
    "Звернень громадян – 412; письмових – 298; усних – 114.",
    "Надійшло 412 звернень, письмових – 298, усних – 114.",
])
def test_adjective_items_after_a_figure_whose_noun_has_none_are_its_kinds(body: str) -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян Прилуцької міської ради за 2024 рік\n" + body)
    got = breakdowns(report, "appeals_received")
    assert got[412] is None and set(got) == {412, 298, 114}
    assert got[298].lower().startswith("письмових") and got[114].lower().startswith("усних")


# ------------------------------------------------------------------ hundreds in words, plans


def test_hundreds_and_one_and_a_half_in_words_are_counts() -> None:
    report = extract_text("Звіт відділу комунікацій Прилуцької міської ради за квітень 2024 року\n"
                          "Понад півтори сотні дописів опубліковано у Facebook. На сайті розміщено дві сотні новин.")
    assert pairs(report) == Counter({("social_media_posts", 150): 1, ("news_published", 200): 1})
    assert next(f for f in report.figures if f.value == 150).approximate


def test_what_a_plan_of_work_sets_out_to_do_is_a_target_not_a_figure() -> None:
    report = extract_text("Звіт відділу Прилуцької міської ради за І квартал 2024 року\n"
                          "Відділу вдалося провести 4 засідання громадської ради.\n"
                          "План роботи на ІІ квартал\n"
                          "- провести 5 засідань громадської ради;\n"
                          "- підготувати 12 проєктів рішень виконавчого комітету.\n"
                          "План на наступний період: опублікувати не менше 150 новин.")
    assert pairs(report) == Counter({("public_council_meetings", 4): 1})
    assert {"5", "12", "150"} <= set(unmatched(report))


# ------------------------------------------------------------------ a total of document kinds


def test_documents_processed_with_incoming_and_outgoing_among_them_are_the_whole_flow() -> None:
    report = extract_text("Звіт загального відділу Прилуцької міської ради за 2024 рік\n"
                          "За звітний період відділом опрацьовано 1 250 документів, у т.ч.: вхідних – 700, "
                          "вихідних – 550.\n"
                          "На сайті оприлюднено 64 документи.")
    assert pairs(report) == Counter({("documents_flow_total", 1250): 1, ("letters_received", 700): 1,
                                     ("outgoing_documents", 550): 1, ("documents_published", 64): 1})


def test_structural_units_and_organisations_of_parties_are_party_cells() -> None:
    report = extract_text("Звіт відділу внутрішньої політики Прилуцької міської ради станом на 1 січня 2025 року\n"
                          "На території громади зареєстровано 87 громадських об’єднань, 31 релігійна громада та "
                          "12 структурних підрозділів політичних партій.\n"
                          "У структурних підрозділах виконавчого комітету працює 40 осіб.")
    assert pairs(report) == Counter({("ngos_registered", 87): 1, ("religious_orgs_registered", 31): 1,
                                     ("party_cells_registered", 12): 1})


@pytest.mark.parametrize("body", [
    "Розпоряджень міського голови з основної діяльності зареєстровано 203.",
    "Прийнято 203 розпорядження міського голови з основної діяльності.",
    "Розпорядження міського голови (видано) – 203.",
])
def test_orders_registered_adopted_or_issued_are_no_drafts(body: str) -> None:
    report = extract_text("Звіт загального відділу Прилуцької міської ради за 2024 рік\n" + body +
                          "\nЗареєстровано 317 проєктів розпоряджень міського голови.")
    assert pairs(report) == Counter({("draft_mayor_orders", 317): 1})
    assert "203" in unmatched(report)


def test_the_level_a_change_came_to_is_the_figure_and_where_it_started_is_left_alone() -> None:
    report = extract_text("Звіт відділу комунікацій Прилуцької міської ради за 2024 рік\n"
                          "Кількість підписників офіційної сторінки зросла з 12 300 до 14 100.\n"
                          "Кількість звернень зменшилася з 540 до 498.")
    assert pairs(report) == Counter({("social_media_followers", 14100): 1, ("appeals_received", 498): 1})
    assert {"12 300", "540"} <= set(unmatched(report))


def test_parts_after_a_figure_that_followed_a_target_are_its_parts() -> None:
    report = extract_text("Звіт відділу комунікацій Прилуцької міської ради за IV квартал 2019 року\n"
                          "Заплановано розмістити 150 новин та оголошень, фактично розміщено 171 (виконання – 114 %): "
                          "у жовтні – 58, у листопаді – 54, у грудні – 59.")
    assert sorted(f.value for f in report.figures if f.code == "news_published") == [54, 58, 59, 171]
    assert "150" in unmatched(report)


def test_an_adjective_item_after_a_comparison_aside_is_a_sibling_of_the_figure_before_the_aside() -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян Прилуцької міської ради за 2021 рік\n"
                          "Колективних звернень у звітному році надійшло 41 (у 2020 році – 33), повторних – 27.")
    got = {(f.value, f.period.start.year if f.period else None) for f in report.figures if f.code == "appeals_received"}
    assert got == {(41, None), (33, 2020), (27, None)}


def test_a_colon_after_the_authors_of_a_figure_opens_that_figures_parts() -> None:
    report = extract_text("Звіт про бюджет участі Прилуцької міської ради за жовтень 2025 року\n"
                          "На платформі зареєстровано 14 проєктів від 12 авторів: великих – 5.")
    assert pairs(report) == Counter({("pb_projects_submitted", 14): 1, ("pb_authors", 12): 1,
                                     ("pb_projects_submitted", 5): 1})


# ------------------------------------------------------------------ interviews, pages pasted from PDF, forwarded requests


def test_an_interview_answer_opening_with_загалом_answers_the_question_above() -> None:
    report = extract_text("Інтерв’ю начальника відділу Прилуцької міської ради про роботу за 2024 рік\n"
                          "– Скільки звернень надійшло до відділу за рік?\n"
                          "– Загалом 412. Це трохи більше, ніж торік, коли їх було 389.\n"
                          "– А скільки з них вирішено позитивно?\n"
                          "– Позитивно вирішено 198 звернень.")
    got = {(f.code, f.value, f.period.start.year if f.period else None) for f in report.figures}
    assert got == {("appeals_received", 412, None), ("appeals_received", 389, 2023), ("appeals_answered", 198, None)}


def test_running_headers_and_page_numbers_of_a_pdf_are_no_figures() -> None:
    report = extract_text("Звіт про роботу відділу Прилуцької міської ради за 2024 рік\n"
                          "Протягом року відділом підготовлено 36 проєктів рішень\n"
                          "виконавчого комітету.\n"
                          "Звіт про роботу відділу                                    2\n"
                          "Надійшло 412 звернень громадян.\n"
                          "                                                           3\n"
                          "Звіт про роботу відділу                                    3\n"
                          "Розглянуто 398 звернень.\n"
                          "                                                           4\n")
    assert pairs(report) == Counter({("draft_executive_decisions", 36): 1, ("appeals_received", 412): 1,
                                     ("appeals_answered", 398): 1})
    assert not unmatched(report)


@pytest.mark.parametrize("line", ["Кількість запитів, переданих за належністю: 3.", "Передано за належністю 3 запити."])
def test_requests_passed_on_where_they_belong_are_forwarded(line: str) -> None:
    report = extract_text("Звіт про доступ до публічної інформації Прилуцької міської ради за 2024 рік\n" + line)
    assert pairs(report) == Counter({("public_info_requests_forwarded", 3): 1})


def test_a_part_of_a_number_that_named_nothing_may_name_its_own_metric_by_its_own_noun() -> None:
    report = extract_text("Звіт загального відділу Прилуцької міської ради за 2020 рік\n"
                          "Зареєстровано 318 розпоряджень міського голови з основної діяльності, з них 46 проєктів "
                          "розпоряджень міського голови підготовлено працівниками відділу.\n"
                          "Перемогу здобули 9 проєктів; реалізовано 6 з них.")
    assert pairs(report) == Counter({("draft_mayor_orders", 46): 1, ("pb_projects_won", 9): 1})
    assert {"318", "6"} <= set(unmatched(report))


def test_kinds_under_a_dimension_lead_split_the_reports_total_past_an_earlier_years_and_may_be_long() -> None:
    report = extract_text("Звіт про доступ до публічної інформації Прилуцької міської ради за 9 місяців 2023 року\n"
                          "Надійшло 87 запитів на інформацію. За аналогічний період 2022 року надійшло 64 запити.\n\n"
                          "1. За категоріями запитувачів:\n"
                          "1.1. фізичні особи – 58;\n"
                          "1.2. юридичні особи – 11;\n"
                          "1.3. об’єднання громадян без статусу юридичної особи – 6;\n"
                          "1.4. представники засобів масової інформації – 12.\n\n"
                          "2. За формою надходження:\n"
                          "2.1. електронною поштою – 61;\n"
                          "2.2. поштою – 26.\n")
    got = breakdowns(report, "public_info_requests")
    assert set(got) == {87, 64, 58, 11, 6, 12, 61, 26}
    assert got[6] == "об’єднання громадян без статусу юридичної особи" and not unmatched(report)


def test_messages_in_a_telegram_channel_are_posts_and_messages_to_a_hotline_are_not() -> None:
    report = extract_text("Звіт відділу комунікацій Прилуцької міської ради за листопад 2025 року\n"
                          "У Facebook — 152 дописи, у Telegram — 238 повідомлень.\n"
                          "У телеграм-каналі опубліковано 95 повідомлень про відключення.\n"
                          "На гарячу лінію надійшло 40 повідомлень.")
    assert {v for c, v in pairs(report) if c == "social_media_posts"} == {152, 238, 95}
    assert "40" in unmatched(report)


def test_networks_written_in_cyrillic_are_the_networks() -> None:
    report = extract_text("Звіт відділу комунікацій Прилуцької міської ради за березень 2024 року\n"
                          "Сторінку міської ради читають 12,4 тис. підписників, телеграм-канал – 3,1 тис.\n"
                          "У фейсбуці опубліковано 120 дописів, у телеграм-каналі – 95.")
    assert pairs(report) == Counter({("social_media_followers", 12400): 1, ("social_media_followers", 3100): 1,
                                     ("social_media_posts", 120): 1, ("social_media_posts", 95): 1})


def test_no_one_refused_is_a_zero_of_refusals_not_of_requests() -> None:
    report = extract_text("Звіт про доступ до публічної інформації Прилуцької міської ради за березень 2024 року\n"
                          "Жодному запитувачу не відмовили.")
    assert pairs(report) == Counter({("public_info_requests_refused", 0): 1})


def test_a_label_that_is_word_for_word_a_catalog_name_names_that_metric() -> None:
    report = extract_text("Звіт про роботу відділу комунікацій Прилуцької міської ради за березень 2024 року\n"
                          "Рішення, розпорядження та проєкти рішень – 82;\n"
                          "Проєкти рішень виконавчого комітету – 14;")
    assert pairs(report) == Counter({("documents_published", 82): 1, ("draft_executive_decisions", 14): 1})


def test_figures_in_quoted_speech_count_and_a_quoted_name_stays_a_name() -> None:
    report = extract_text("Підсумки кварталу відділу комунікацій Прилуцької міської ради за ІІІ квартал 2024 року\n"
                          "«За квартал ми опублікували понад 300 новин і майже 500 дописів у соцмережах», – зазначила "
                          "начальниця відділу.\n"
                          "Проєкт «Сквер – 2026» набрав 412 голосів.")
    assert pairs(report) == Counter({("news_published", 300): 1, ("social_media_posts", 500): 1,
                                     ("pb_project_votes", 412): 1})


def test_such_with_a_verb_stands_for_the_head_noun_before_it() -> None:
    report = extract_text("Звіт прессекретаря Вознесенської міської ради за березень 2024 року\n"
                          "Пресслужба опрацювала листи-заявки редакцій щодо висвітлення заходів громади, таких "
                          "надійшло 7.\n"
                          "На 31 березня збирають підписи 4 петиції (на початок місяця таких було 9).\n"
                          "Депутат запитав, скільки документів виконано з порушенням строку. Секретар сказала, що "
                          "таких 3.")
    assert pairs(report) == Counter({("media_coverage_requests", 7): 1, ("petitions_collecting_signatures", 4): 1,
                                     ("petitions_collecting_signatures", 9): 1})


def test_a_subject_before_the_verb_leaves_the_object_before_the_number_to_name_it() -> None:
    report = extract_text("Звіт відділу комунікацій Ічнянської міської ради за 2024 рік\n"
                          "Усього ж відділ підготував привітань двадцять.\n"
                          "Прессекретар оприлюднив відеосюжетів 14.\n"
                          "Міський голова провів зустрічей 9.")
    assert pairs(report) == Counter({("greetings_prepared", 20): 1, ("videos_published", 14): 1})
    assert "9" in unmatched(report)  # meetings: no metric of the catalog


def test_a_bracketed_aside_closing_a_participle_clause_belongs_to_the_clause() -> None:
    report = extract_text("Звіт відділу комунікацій Ічнянської міської ради за 2024 рік\n"
                          "Відеосюжетів, знятих разом з місцевим телеканалом (договір від 10.01.2024 № 3), "
                          "оприлюднено дванадцять.\n"
                          "Звернень, поданих через ЦНАП (див. додаток 2), налічується 41.")
    assert pairs(report) == Counter({("videos_published", 12): 1, ("appeals_received", 41): 1})


def test_an_apostrophe_between_groups_of_digits_is_a_thousands_separator() -> None:
    report = extract_text("Звіт відділу комунікацій Ічнянської міської ради за 2024 рік\n"
                          "На сторінці у Facebook оприлюднено 2'046 дописів, у Telegram-каналі – 1’310.\n"
                          "На сайті розміщено 1.184 новини.")
    assert pairs(report) == Counter({("social_media_posts", 2046): 1, ("social_media_posts", 1310): 1,
                                     ("news_published", 1184): 1})


def test_the_people_appeals_came_from_are_the_citizens_who_appealed() -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян Ічнянської міської ради за 2024 рік\n"
                          "Від 1 472 громадян надійшло 1 296 звернень.\n"
                          "Надійшло 12 запитів на публічну інформацію від 9 громадян.")
    assert pairs(report) == Counter({("appeals_received", 1296): 1, ("citizens_appealed", 1472): 1,
                                     ("public_info_requests", 12): 1})


def test_people_listed_bare_beside_appeals_are_the_citizens_who_appealed() -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян Ічнянської міської ради за 2024 рік\n"
                          "Приймальня: прийнято 130 громадян.\n"
                          "Разом по відділу: 500 звернень, 212 громадян.")
    assert pairs(report) == Counter({("appeals_received", 500): 1, ("citizens_appealed", 212): 1})


def test_the_ends_of_a_range_and_a_vote_tally_are_no_figures() -> None:
    report = extract_text("Звіт загального відділу Ічнянської міської ради за 2024 рік\n"
                          "Щомісяця надходить від 380 до 450 документів.\n"
                          "ГОЛОСУВАЛИ: «за» – 14, «проти» – 0, «утримались» – 0.\n"
                          "Рішення прийнято одноголосно (за – 9).\n"
                          "Запит можна надіслати на адресу: 16703, м. Ічня, вул. Вишнева, 2.\n"
                          "Проведено 12 засідань виконавчого комітету.")
    assert pairs(report) == Counter({("exec_committee_meetings", 12): 1})


def test_a_plan_word_in_another_cell_of_a_plan_table_leaves_the_done_figure_done() -> None:
    report = extract_text("Звіт загального відділу Ічнянської міської ради за ІІІ квартал 2024 року\n"
                          "| № | Захід | Термін | Відмітка про виконання |\n"
                          "|---|---|---|---|\n"
                          "| 1 | Організація засідань виконкому | за планом | проведено 7 засідань |\n"
                          "| 2 | Розміщення інформації на сайті | постійно | розміщено 96 новин |\n"
                          "\n"
                          "| Показник | За планом | Фактично |\n"
                          "|---|---|---|\n"
                          "| Засідання постійних комісій | 12 | 11 |")
    got = pairs(report)
    assert got[("exec_committee_meetings", 7)] == 1 and got[("news_published", 96)] == 1
    assert not any(value == 12 for _, value in got)  # the plan column stays a target


def test_who_did_the_work_is_no_count_of_it() -> None:
    report = extract_text("Звіт відділу Ічнянської міської ради за 2024 рік\n"
                          "Надійшло 96 листів, на 71 з них відділ підготував відповіді.\n"
                          "До голосування не допущено 38 проєктів громадського бюджету, ще 5 відкликали самі автори.")
    assert pairs(report) == Counter({("letters_received", 96): 1, ("letters_answered", 71): 1,
                                     ("pb_projects_rejected", 38): 1})


def test_text_broken_at_a_fixed_width_runs_on_over_colons_and_semicolons() -> None:
    text = ("Тема: інформація сектору доступу до публічної інформації за І квартал 2025 р.\n"
            "Від: Ічнянська міська рада\n\n"
            "Добрий день! Надсилаємо інформацію про роботу сектору доступу до публічної\n"
            "інформації. Запитів на публічну інформацію надійшло: 23 од.; з них задоволено:\n"
            "19 од.; надано роз'яснення: 3 од.; відмовлено: 1 од. Строк розгляду\n"
            "продовжено по 2 запитах. Переадресовано належним розпорядникам: 4 запити;\n"
            "усі відповіді надано вчасно. Детальна інформація міститься у журналі\n"
            "реєстрації запитів, який веде сектор; додаткові відомості надамо на вимогу.\n")
    got = pairs(extract_text(text))
    assert got == Counter({("public_info_requests", 23): 1, ("public_info_requests_satisfied", 19): 1,
                           ("public_info_requests_explained", 3): 1, ("public_info_requests_refused", 1): 1,
                           ("public_info_requests_extended", 2): 1, ("public_info_requests_forwarded", 4): 1})
    # the same list under a lead-in line of its own stays a list of items
    listed = pairs(extract_text("Звіт сектору Ічнянської міської ради за І квартал 2025 року\n"
                                "Запитів на публічну інформацію надійшло 23, з них:\n"
                                "задоволено – 19;\nнадано роз'яснення – 3;\nвідмовлено – 1."))
    assert listed == Counter({("public_info_requests", 23): 1, ("public_info_requests_satisfied", 19): 1,
                              ("public_info_requests_explained", 3): 1, ("public_info_requests_refused", 1): 1})


def test_an_answers_label_is_no_answer_to_a_letter() -> None:
    report = extract_text("Інформація відділу Ічнянської міської ради на лист від 02.07.2026 № 01-14/812\n"
                          "1. Скільки зареєстровано громадських об'єднань станом на 01.07.2026?\n"
                          "Відповідь: 52, з них громадських організацій – 47, громадських спілок – 5.\n"
                          "2. Скільки надано відповідей на листи організацій?\n"
                          "Відповідь – 31.")
    assert pairs(report) == Counter({("ngos_registered", 52): 1, ("ngos_registered", 47): 1,
                                     ("ngos_registered", 5): 1, ("letters_answered", 31): 1})


def test_a_part_with_its_own_noun_after_a_dash_names_itself_under_a_total_that_named_nothing() -> None:
    report = extract_text("Звіт відділу комунікацій Ічнянської міської ради за 2024 рік\n"
                          "Проведено 5 нарад, з них 3 – з керівниками підприємств.\n"
                          "Підготовлено 48 матеріалів для районної газети, з них 12 – привітання міського голови.")
    got = pairs(report)
    assert sum(got.values()) == 1 and next(iter(got))[1] == 12 and next(iter(got))[0].startswith("greetings_")


def test_the_subject_of_a_list_of_topics_counts_not_the_topic_it_concerned() -> None:
    appeals = extract_text("Звіт про роботу зі зверненнями громадян Ічнянської міської ради за 2024 рік\n"
                           "Найбільше звернень стосувалося питань благоустрою (64), житлово-комунального "
                           "господарства (58) та соціального захисту (41).")
    assert pairs(appeals) == Counter({("appeals_received", 64): 1, ("appeals_received", 58): 1,
                                      ("appeals_received", 41): 1})
    issues = extract_text("Звіт про роботу зі зверненнями громадян Ічнянської міської ради за 2024 рік\n"
                          "Порушені у зверненнях питання стосувалися благоустрою (64), житлово-комунального "
                          "господарства (58).")
    assert pairs(issues) == Counter({("appeal_issues_raised", 64): 1, ("appeal_issues_raised", 58): 1})


def test_infinitives_under_a_lead_of_tasks_are_targets() -> None:
    report = extract_text("Звіт відділу Ічнянської міської ради за 2024 рік\n"
                          "Проведено 5 громадських обговорень.\n"
                          "Завдання на 2025 рік:\n"
                          "– провести не менше 6 громадських обговорень;\n"
                          "– забезпечити оприлюднення не менше 45 наборів відкритих даних.\n"
                          "\n"
                          "ПРІОРИТЕТИ НА 2025 РІК\n"
                          "1. Провести 4 засідання Громадської ради.")
    assert pairs(report) == Counter({("public_consultations_held", 5): 1})


def test_a_thousand_said_without_one_opens_a_number() -> None:
    report = extract_text("Звіт відділу комунікацій Ічнянської міської ради за 2024 рік\n"
                          "На сайті розміщено тисячу двісті новин.\n"
                          "Кількість підписників сторінки у Facebook зросла до чотирьох тисяч двохсот вісімнадцяти, "
                          "а Telegram-каналу – до тисячі ста п'ятдесяти.")
    assert pairs(report) == Counter({("news_published", 1200): 1, ("social_media_followers", 4218): 1,
                                     ("social_media_followers", 1150): 1})


def test_a_part_whose_noun_names_a_later_figure_is_that_figures_part() -> None:
    report = extract_text("Звіт загального відділу Ічнянської міської ради за І півріччя 2021 року\n"
                          "Проведено 12 засідань виконавчого комітету, з них 2 позачергових, на яких прийнято "
                          "240 рішень, при цьому а саме 51 рішення стосувалося соціального захисту, "
                          "37 рішень – житлових питань.")
    got = breakdowns(report, "exec_decisions_adopted")
    assert set(got) == {240, 51, 37} and got[240] is None
    assert set(breakdowns(report, "exec_committee_meetings")) == {12, 2}


def test_the_nouns_own_adjective_outweighs_rare_words_of_a_lead_in() -> None:
    report = extract_text("Звіт відділу Ічнянської міської ради за ІІ півріччя 2020 року\n"
                          "Для взаємодії з політичними партіями, громадськими і релігійними організаціями "
                          "проведено таку роботу:\n"
                          "1) станом на 31.12.2020 у місті діють осередки 19 політичних партій;\n"
                          "2) станом на 31.12.2020 у місті зареєстровано сто сорок одну громадську організацію;\n"
                          "3) протягом півріччя 3 організації припинили діяльність.")
    assert pairs(report) == Counter({("party_cells_registered", 19): 1, ("ngos_registered", 141): 1,
                                     ("ngos_ceased", 3): 1})


def test_a_topic_a_part_concerned_is_no_metric_of_its_own() -> None:
    report = extract_text("Звіт відділу комунікацій Ічнянської міської ради за березень 2020 року\n"
                          "За два тижні на офіційному вебсайті міської ради розміщено 46 новин і оголошень, з яких "
                          "17 безпосередньо стосувалися заходів із запобігання поширенню хвороби.")
    assert pairs(report) == Counter({("news_published", 46): 1, ("news_published", 17): 1})


def test_items_of_a_topic_list_go_on_after_the_parts_of_an_item() -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян Ічнянської міської ради за І півріччя 2025 року\n"
                          "У зверненнях порушено 400 питань. Найбільше питань стосувалося житлово-комунального "
                          "господарства – 139, з них щодо ремонту покрівель – 52, у тому числі 17 – щодо "
                          "відновлення вікон; соціального захисту населення – 98; благоустрою та ремонту доріг – 71; "
                          "інших питань – 92.")
    got = breakdowns(report, "appeal_issues_raised")
    assert set(got) == {400, 139, 52, 17, 98, 71, 92}


def test_numbers_after_a_pool_are_its_parts_up_to_the_next_figure() -> None:
    report = extract_text("Звіт сектору доступу до публічної інформації Ічнянської міської ради за 2020 рік\n"
                          "| Показник | І кв. | ІІ кв. | ІІІ кв. | IV кв. | Рік |\n"
                          "|---|---|---|---|---|---|\n"
                          "| Задоволено запитів | 14 | 9 | 12 | 14 | 49 |\n"
                          "\n"
                          "Із 63 запитів, що надійшли, 41 подали фізичні особи, у тому числі 26 – електронною поштою, "
                          "15 запитів надійшли від юридичних осіб, з них 6 – від органів місцевого самоврядування.")
    got = breakdowns(report, "public_info_requests")
    assert set(got) == {63, 41, 26, 15, 6}
    assert {f.value for f in report.figures if f.code == "public_info_requests_satisfied"} <= {14, 9, 12, 49}


def test_a_hyphenated_word_after_a_prefix_is_its_second_half() -> None:
    report = extract_text("Звіт відділу Ічнянської міської ради за 2025 рік\n"
                          "На платформі зареєстровано 12 е-петицій.\n"
                          "Онлайн-голосування тривало з 1 по 31 травня. У ньому взяли участь понад 2 300 мешканців.\n"
                          "Проведено 3 онлайн-консультації з громадськістю.")
    assert pairs(report) == Counter({("petitions_submitted", 12): 1, ("pb_voters", 2300): 1,
                                     ("public_consultations_held", 3): 1})


def test_the_noun_said_again_after_then_as_names_the_earlier_years_figure() -> None:
    report = extract_text("Звіт відділу Ічнянської міської ради за 2019 рік\n"
                          "- забезпечено проведення 5 засідань громадської ради при виконавчому комітеті, тоді як у "
                          "2018 році відбулося лише 2 засідання;")
    got = {(f.code, f.value, f.period.start.year if f.period else None) for f in report.figures}
    assert got == {("public_council_meetings", 5, None), ("public_council_meetings", 2, 2018)}


def test_the_words_of_the_figures_own_sentence_outweigh_those_of_its_title() -> None:
    report = extract_text("Звіт відділу Ічнянської міської ради за 2024 рік\n"
                          "Електронні петиції. Протягом року зареєстровано 14 петицій; міським головою надано "
                          "відповіді на 4 петиції.")
    assert pairs(report) == Counter({("petitions_submitted", 14): 1, ("petitions_answered", 4): 1})


def test_the_clause_before_a_figure_says_what_its_noun_counts_after_an_earlier_figure_too() -> None:
    report = extract_text("Звіт прессекретаря Ічнянської міської ради за березень 2020 року\n"
                          "Для місцевих ЗМІ надіслано 2 анонси тижневих планів роботи керівництва, у робочі дні для "
                          "міського голови готувались огляди публікацій ЗМІ та соцмереж, всього за період підготовлено "
                          "9 оглядів.\n"
                          "Щоденно, крім вихідних, готувався огляд публікацій місцевих пабліків, всього підготовлено "
                          "12 оглядів.")
    assert pairs(report) == Counter({("media_announcements_sent", 2): 1, ("media_monitoring_digests", 9): 1,
                                     ("media_monitoring_digests", 12): 1})


def test_photos_added_to_news_are_photos_in_news_and_news_given_photos_are_photo_news() -> None:
    report = extract_text("Звіт прессекретаря Ічнянської міської ради за березень 2020 року\n"
                          "До новинних матеріалів додано близько 130 фотографій.\n"
                          "До 14 матеріалів додано фотографії.")
    assert pairs(report) == Counter({("photos_in_news_published", 130): 1, ("photo_news_published", 14): 1})


def test_with_regard_to_in_brackets_after_a_figure_opens_its_part() -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян Ічнянської міської ради за 2023 рік\n"
                          "Розглянуто та надано відповіді на 1 129 звернень (з урахуванням 23 звернень, що надійшли у "
                          "грудні 2022 року).\n"
                          "З урахуванням 5 колективних звернень до міської ради звернулися 236 громадян.")
    assert pairs(report) == Counter({("appeals_answered", 1129): 1, ("appeals_answered", 23): 1,
                                     ("appeals_received", 5): 1, ("citizens_appealed", 236): 1})


def test_a_period_length_in_a_denial_is_no_count_that_denies_the_zero() -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян Ічнянської міської ради за 9 місяців 2023 року\n"
                          "Повторних звернень протягом 9 місяців не зареєстровано, що свідчить про якісний розгляд.\n"
                          "Три петиції підписів не набрали.")
    assert pairs(report) == Counter({("appeals_received", 0): 1, ("petitions_failed", 3): 1})


def test_a_figure_said_to_be_wrong_is_no_figure_and_its_correction_is() -> None:
    report = extract_text("Звіт загального відділу Ічнянської міської ради за 9 місяців 2019 року\n"
                          "У попередній інформації за І півріччя помилково зазначалося 2 389 вхідних документів; за "
                          "результатами звірки журналів показник уточнено – 2 398.\n"
                          "У звіті за ІІ квартал помилково зазначено 297 запитів на публічну інформацію; після звірки "
                          "кількість уточнено – 304.")
    assert pairs(report) == Counter({("letters_received", 2398): 1, ("public_info_requests", 304): 1})


def test_the_verb_after_a_subject_figure_is_the_next_figures_verb_too() -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян Ічнянської сільської ради за IV квартал 2019 року\n"
                          "Загалом 171 громадянин порушив у зверненнях 158 питань, з яких найбільше стосувалися "
                          "земельних відносин – 52, соціального захисту – 38.\n"
                          "Розглянуто (надано відп.) – 150 зверн.")
    assert pairs(report) == Counter({("citizens_appealed", 171): 1, ("appeal_issues_raised", 158): 1,
                                     ("appeal_issues_raised", 52): 1, ("appeal_issues_raised", 38): 1,
                                     ("appeals_answered", 150): 1})


def test_a_bullet_back_at_the_lead_ins_depth_after_deeper_items_is_no_item_of_it() -> None:
    report = extract_text("ІНФОРМАЦІЯ про роботу організаційного відділу Ічнянської міської ради за 9 місяців 2025 року\n"
                          "• Документообіг\n"
                          "  ◦ усього зареєстровано 9 874 документи, у т. ч.:\n"
                          "      ◦ вхідних – 5 216;\n"
                          "      ◦ вихідних – 3 011;\n"
                          "  ◦ зареєстровано 418 звернень громадян;\n"
                          "  ◦ надійшло 33 запити на публічну інформацію.")
    assert pairs(report) == Counter({("documents_flow_total", 9874): 1, ("letters_received", 5216): 1,
                                     ("outgoing_documents", 3011): 1, ("appeals_received", 418): 1,
                                     ("public_info_requests", 33): 1})


def test_adjectives_listed_with_commas_before_their_noun_stay_in_the_clause() -> None:
    report = extract_text("Звіт відділу Ічнянської міської ради за 2019 рік\n"
                          "Працівники відділу взяли участь у 38 міських, районних та обласних заходах.\n"
                          "Надійшло 212 письмових, усних та електронних звернень.")
    assert pairs(report) == Counter({("events_attended", 38): 1, ("appeals_received", 212): 1})


def test_the_next_network_after_a_dash_counts_what_the_first_did() -> None:
    report = extract_text("Звіт відділу комунікацій Ічнянської міської ради за І квартал 2026 року\n"
                          "На кінець кварталу сторінку у Facebook відстежують 6 380 користувачів, Telegram-канал – "
                          "2 770.")
    assert pairs(report) == Counter({("social_media_followers", 6380): 1, ("social_media_followers", 2770): 1})


def test_ordinals_in_words_form_rows_and_a_difference_said_twice_are_no_figures() -> None:
    report = extract_text("ПРОТОКОЛ засідання двадцять сьомої сесії Ічнянської селищної ради восьмого скликання\n"
                          "СЛУХАЛИ: інформацію про роботу зі зверненнями громадян за 2024 рік.\n"
                          "За звітний період надійшло 612 звернень громадян, що на 74 звернення або на 13,8 % більше.\n"
                          "Р.070 за тематикою: земельні – 31; соціальний захист – 22.")
    got = pairs(report)
    assert got[("appeals_received", 612)] == 1
    assert not any(value in (20, 27, 74, 70) for _, value in got)


def test_the_departments_own_staff_is_no_figure() -> None:
    report = extract_text("Звіт загального відділу Ічнянської міської ради за 2025 рік\n"
                          "До складу відділу входять сектор діловодства та сектор контролю, штатна чисельність – "
                          "9 одиниць, з них 1 вакантна.\n"
                          "На контролі перебуває 49 документів.")
    assert pairs(report) == Counter({("documents_on_control", 49): 1})


def test_appeals_still_pending_after_a_clause_of_their_arrival_are_no_appeals_received() -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян Ічнянської міської ради за ІІ квартал 2019 року\n"
                          "Надійшло 140 звернень.\n"
                          "Шість звернень, що надійшли наприкінці червня, перебувають на розгляді, термін їх виконання "
                          "не порушено.")
    assert pairs(report) == Counter({("appeals_received", 140): 1})


def test_of_the_total_number_of_appeals_names_the_appeals_received_whatever_came_last() -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян Ічнянської міської ради за 9 місяців 2022 року\n"
                          "Надійшло 348 звернень, розглянуто з наданням відповідей 336.\n"
                          "Із загальної кількості звернень 11 – колективні, 6 – повторні.")
    got = breakdowns(report, "appeals_received")
    assert set(got) == {348, 11, 6} and got[348] is None
    assert set(breakdowns(report, "appeals_answered")) == {336}


def test_another_unit_after_a_dash_counts_what_the_first_unit_did() -> None:
    report = extract_text("Звіт відділу комунікацій Ічнянської селищної ради за І квартал 2026 року\n"
                          "Сектор вебсайту підготував і розмістив 171 новину, пресслужба – 115 матеріалів.")
    assert pairs(report) == Counter({("news_published", 171): 1, ("news_published", 115): 1})


def test_the_people_something_was_given_to_are_no_count_of_appeals() -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян Ічнянської міської ради за І півріччя 2025 року\n"
                          "Надійшло 398 звернень.\n"
                          "В рамках вирішення порушених у зверненнях питань надано одноразову матеріальну допомогу "
                          "137 мешканцям громади.")
    assert pairs(report) == Counter({("appeals_received", 398): 1})


def test_topics_under_a_lead_that_names_who_asked_or_what_they_are_about() -> None:
    report = extract_text("Інформація про роботу зі зверненнями громадян Ічнянської міської ради за грудень 2024 року\n"
                          "У зверненнях порушено 64 питання. Найчастіше мешканці зверталися щодо:\n"
                          "– ремонту житла, пошкодженого обстрілами, та виплати компенсацій за зруйноване майно – 23;\n"
                          "– вивезення побутових відходів у старостинських округах – 9.\n"
                          "Прийнято 205 рішень виконавчого комітету. Найбільше рішень ухвалено з питань:\n"
                          "– опіки та піклування – 48;\n"
                          "– квартирного обліку – 17.")
    issues = breakdowns(report, "appeal_issues_raised")
    assert set(issues) == {64, 23, 9} and issues[64] is None and issues[23]
    assert issues[9] == "вивезення побутових відходів у старостинських округах"
    assert breakdowns(report, "exec_decisions_adopted") == {205: None, 48: "опіки та піклування", 17: "квартирного обліку"}


def test_a_sum_in_brackets_after_a_participle_clause_counts_the_noun_before_it() -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян Ічнянської селищної ради за 2020 рік\n"
                          "Питання, порушені у зверненнях (усього 212):\n"
                          "земельні відносини – 80\n"
                          "соціальний захист – 19")
    assert breakdowns(report, "appeal_issues_raised") == {212: None, 80: "земельні відносини", 19: "соціальний захист"}


def test_which_session_and_convocation_are_no_counts() -> None:
    report = extract_text("Звіт відділу комунікацій Ічнянської міської ради за березень 2025 року\n"
                          "Забезпечено онлайн-трансляції 4 засідань: пленарного засідання 47 сесії міської ради "
                          "8 скликання та трьох засідань виконавчого комітету.\n"
                          "На 48 сесії розглянуто звіт відділу; рішенням 49 позачергової сесії затверджено програму.")
    got = pairs(report)
    assert got[("online_broadcasts", 4)] == 1 and got[("online_broadcasts", 3)] == 1
    assert not any(value in (47, 48, 49, 8) for _, value in got)


def test_a_bracketed_gloss_inside_a_noun_phrase_and_a_past_stock_said_with_a_pronoun() -> None:
    report = extract_text("Довідка сектору внутрішньої політики Ічнянської міської ради станом на 01.01.2021\n"
                          "У громаді зареєстровано 31 місцевий осередок (міську організацію) політичних партій, "
                          "на 01.01.2020 їх налічувалось 28.")
    assert pairs(report) == Counter({("party_cells_registered", 31): 1, ("party_cells_registered", 28): 1})


def test_a_dash_item_after_a_part_that_named_its_own_noun_counts_that_noun() -> None:
    report = extract_text("Інформація про громадський бюджет Ічнянської міської ради за 2024 рік\n"
                          "Участь у голосуванні взяли 1 530 мешканців, які віддали 4 118 голосів. З них онлайн "
                          "проголосували 1 204 особи, паперовими бланками у старостатах – 326.")
    assert pairs(report) == Counter({("pb_voters", 1530): 1, ("pb_votes_cast", 4118): 1, ("pb_voters", 1204): 1,
                                     ("pb_voters", 326): 1})


def test_so_many_for_each_is_no_count() -> None:
    report = extract_text("Інформація про громадський бюджет Ічнянської міської ради за 2024 рік\n"
                          "Подано 23 проєкти; дві авторки подали по два проєкти, а троє авторів – по 3 проєкти.")
    got = pairs(report)
    assert got[("pb_projects_submitted", 23)] == 1
    assert not any(value == 3 for _, value in got) and ("pb_projects_submitted", 2) not in got


def test_results_under_a_lead_in_count_what_the_sentence_before_it_counted() -> None:
    report = extract_text("Інформація про роботу зі зверненнями громадян Ічнянської міської ради за І квартал 2024 року\n"
                          "Розглянуто та надано відповіді на 118 звернень. За результатами розгляду:\n"
                          "вирішено позитивно – 52,\n"
                          "надано роз’яснення – 61,\n"
                          "відмовлено у задоволенні – 5.\n"
                          "На контролі відділу залишається 17 звернень.")
    assert pairs(report) == Counter({("appeals_answered", 118): 1, ("appeals_answered", 52): 1,
                                     ("appeals_answered", 61): 1, ("appeals_answered", 5): 1})


def test_a_denial_after_a_relative_clause_denies_the_noun_before_it() -> None:
    report = extract_text("Звіт сектору комунікацій Ічнянської міської ради за жовтень 2023 року\n"
                          "Запитів на публічну інформацію, що належать до компетенції сектору, у жовтні не надходило.\n"
                          "Запити, перенаправлені іншими розпорядниками, – не надходили.")
    assert pairs(report) == Counter({("public_info_requests", 0): 1})


def test_events_for_the_press_and_a_total_named_by_its_parts() -> None:
    report = extract_text("Звіт сектору комунікацій Ічнянської міської ради за жовтень 2023 року\n"
                          "Організовано чотири заходи для преси: один брифінг міського голови та три пресконференції.\n"
                          "Були присутні на семи засіданнях: трьох пленарних засіданнях сесії міської ради та чотирьох "
                          "засіданнях виконкому.")
    assert breakdowns(report, "press_events_organized").keys() == {4, 1, 3}
    sittings = breakdowns(report, "council_sittings_attended")
    assert sittings.keys() == {7, 3, 4} and sittings[7] is None


def test_a_label_explained_in_brackets_and_a_law_cited_by_part_and_article() -> None:
    report = extract_text("Звіт про доступ до публічної інформації Ічнянської міської ради за 2023 рік\n"
                          "Надійшло 61 запит.\n"
                          "За категоріями запитувачів:\n"
                          "- фізичні особи – 40;\n"
                          "- юридичні особи – 21.\n"
                          "\n"
                          "Результати розгляду запитів:\n"
                          "- задоволено (запитувачу надано інформацію у повному обсязі) – 44;\n"
                          "- направлено належним розпорядникам відповідно до ч. 3 ст. 22 Закону – 5.")
    got = pairs(report)
    assert got[("public_info_requests_satisfied", 44)] == 1 and got[("public_info_requests_forwarded", 5)] == 1
    assert not any(value in (3, 22) for _, value in got)


def test_the_parts_of_a_count_of_broadcasts_are_broadcasts() -> None:
    report = extract_text("Звіт загального відділу Ічнянської міської ради за І півріччя 2021 року\n"
                          "Забезпечено онлайн-трансляцію 17 засідань на YouTube-каналі міської ради: 12 засідань "
                          "виконавчого комітету та 5 пленарних засідань сесій міської ради.")
    assert pairs(report) == Counter({("online_broadcasts", 17): 1, ("online_broadcasts", 12): 1,
                                     ("online_broadcasts", 5): 1})


def test_a_run_said_respectively_of_another_time_repeats_the_figures_before_it_in_order() -> None:
    report = extract_text("Звіт сектору комунікацій Ічнянської міської ради за березень 2025 року\n"
                          "Надійшло 12 запитів на інформацію та 40 звернень (у 2024 році – відповідно 10 та 35).\n"
                          "Станом на 31.03.2025 сторінку у Facebook відстежують 6 870 користувачів, Telegram-канал має "
                          "2 215 підписників (на 01.01.2025 – відповідно 6 402 та 1 940).")
    got = {(f.code, f.value): f for f in report.figures}
    assert got[("public_info_requests", 10)].period.start == date(2024, 1, 1)
    assert got[("appeals_received", 35)].period.start == date(2024, 1, 1)
    assert got[("social_media_followers", 6402)].as_of == got[("social_media_followers", 1940)].as_of == date(2025, 1, 1)


def test_a_dash_after_a_count_opens_its_parts_each_with_its_own_noun() -> None:
    report = extract_text("Звіт сектору комунікацій Ічнянської селищної ради за квітень 2022 року\n"
                          "• оприлюднено 9 документів – 7 розпоряджень селищного голови та 2 рішення виконавчого "
                          "комітету;\n"
                          "• до матеріалів сайту додано понад 140 фото, а ще до 12 з них додали відео.")
    published = breakdowns(report, "documents_published")
    assert published.keys() == {9, 7, 2} and published[9] is None and published[2]
    assert pairs(report)[("photos_in_news_published", 140)] == 1


def test_a_stock_said_in_brackets_on_an_earlier_date_keeps_that_date() -> None:
    report = extract_text("Звіт сектору комунікацій Ічнянської селищної ради за квітень 2022 року\n"
                          "Telegram-канал громади станом на 30.04.2022 має 2 640 підписників (на 24.02.2022 було "
                          "близько 800).")
    got = {(f.code, f.value): f.as_of for f in report.figures}
    assert got == {("social_media_followers", 2640): date(2022, 4, 30), ("social_media_followers", 800): date(2022, 2, 24)}


def test_views_money_in_thousands_and_a_sentence_ending_with_a_unit() -> None:
    report = extract_text("Звіт сектору комунікацій Ічнянської селищної ради за березень 2025 року\n"
                          "Опубліковано 6 відео. Найпопулярніше відео переглянули понад 11 тисяч разів.\n"
                          "Два проєкти не допустили через перевищення граничної вартості у 200 тисяч гривень.\n"
                          "Фото до новин – 87 шт. Нових альбомів у фотогалереї за звітний період не створювалось.")
    assert pairs(report) == Counter({("videos_published", 6): 1, ("pb_projects_rejected", 2): 1,
                                     ("photos_in_news_published", 87): 1, ("photo_gallery_categories", 0): 1})


def test_a_change_or_an_explanation_after_a_dash_is_no_noun_of_the_figure() -> None:
    report = extract_text("Звіт сектору комунікацій Ічнянської міської ради за листопад 2020 року\n"
                          "Станом на 30 листопада сторінку ради відстежують 2 317 користувачів, тоді як на 1 листопада "
                          "їх було 2 060 – приріст на 257 підписників.\n"
                          "Надійшло 19 запитів на інформацію; на 6 запитів надано роз’яснення – запитувана інформація "
                          "вже була оприлюднена на сайті.")
    got = {(f.code, f.value): f.as_of for f in report.figures}
    assert got == {("social_media_followers", 2317): date(2020, 11, 30), ("social_media_followers", 2060): date(2020, 11, 1),
                   ("public_info_requests", 19): None, ("public_info_requests_explained", 6): None}


def test_people_refused_count_the_refused_things_and_a_period_takes_no_genitive() -> None:
    report = extract_text("Звіт про доступ до публічної інформації Ічнянської міської ради за І півріччя 2021 року\n"
                          "Надійшов 31 запит на публічну інформацію. За аналогічний період 2020 року запитів було 26.\n"
                          "• трьом запитувачам відмовлено, оскільки інформація відсутня.")
    got = {(f.code, f.value): f.period for f in report.figures}
    assert set(got) == {("public_info_requests", 31), ("public_info_requests", 26), ("public_info_requests_refused", 3)}
    assert got[("public_info_requests", 26)].start == date(2020, 1, 1)


def test_two_splits_of_one_total_after_its_quarters_and_a_verb_of_coming_in_an_item() -> None:
    report = extract_text("Інформація про доступ до публічної інформації Ічнянської міської ради за 9 місяців 2024 року\n"
                          "До міської ради надійшло 90 запитів на інформацію. По кварталах: у І кварталі – 25, у ІІ "
                          "кварталі – 31, у ІІІ кварталі – 34.\n"
                          "\n"
                          "За категоріями запитувачів:\n"
                          "фізичні особи – 61;\n"
                          "юридичні особи – 29.\n"
                          "\n"
                          "За способом надходження: електронною поштою – 70, поштою – 15, подано особисто – 5.")
    got = breakdowns(report, "public_info_requests")
    assert {61, 29, 70, 15, 5} <= set(got) and all(got[v] for v in (61, 29, 70, 15, 5))
    assert {f.value for f in report.figures
            if f.code == "public_info_requests" and f.breakdown is None and f.period is None} == {90}


def test_among_the_things_named_before_a_relative_clause_kinds_in_brackets_are_parts() -> None:
    report = extract_text("Довідка сектору внутрішньої політики Ічнянської міської ради станом на 01.10.2021\n"
                          "Зареєстровано 21 місцеву організацію політичних партій; на 01.01.2021 їх налічувалось 23: "
                          "два осередки знято з обліку.\n"
                          "Зареєстровано 52 громадські об’єднання; 11 з них фактично не діють.\n"
                          "Серед об’єднань, що працюють, найактивніші ветеранські (7), спортивні (5) та молодіжні (4).")
    assert breakdowns(report, "party_cells_registered").keys() == {21, 23}
    ngos = breakdowns(report, "ngos_registered")
    assert ngos.keys() == {52, 7, 5, 4} and ngos[52] is None and all(ngos[v] for v in (7, 5, 4))


def test_an_average_is_no_count_and_a_pronoun_after_a_sentence_without_figures_stands_for_its_noun() -> None:
    report = extract_text("Звіт відділу комунікацій Ічнянської селищної ради за 9 місяців 2021 року\n"
                          "Зареєстровано 7 електронних петицій.\n"
                          "На вебсайті опубліковано 74 новини – у середньому майже дві новини щодня.\n"
                          "І насамкінець – громадські обговорення. За дев’ять місяців їх проведено 4.")
    assert pairs(report) == Counter({("petitions_submitted", 7): 1, ("news_published", 74): 1,
                                     ("public_consultations_held", 4): 1})


def test_the_busiest_month_after_a_dash_and_a_stock_said_a_little_over() -> None:
    report = extract_text("Звіт відділу комунікацій Ічнянської міської ради за І квартал 2021 року\n"
                          "Протягом кварталу на сайті опубліковано 402 новини. Найбільше публікацій традиційно припало "
                          "на березень – 163.\n"
                          "Канал у Telegram має 4 915 підписників (на 1 січня було трохи більше 2 800).")
    got = {(f.code, f.value): f for f in report.figures}
    assert got[("news_published", 163)].period.start == date(2021, 3, 1)
    assert got[("social_media_followers", 2800)].approximate and got[("social_media_followers", 2800)].as_of == date(2021, 1, 1)


def test_topics_ranked_in_sentences_of_their_own_that_say_the_totals_noun_again() -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян Ічнянської міської ради за 2019 рік\n"
                          "У зверненнях порушено 2 140 питань. Традиційно перше місце посідають питання "
                          "житлово-комунального господарства – 910 (тарифи, ремонт покрівель). Далі йдуть питання "
                          "соціального захисту – 402, земельних відносин – 215.")
    issues = breakdowns(report, "appeal_issues_raised")
    assert issues.keys() == {2140, 910, 402, 215} and issues[2140] is None and all(issues[v] for v in (910, 402, 215))


def test_an_earlier_figure_in_brackets_inside_a_bracket_of_comparison() -> None:
    report = extract_text("Звіт про громадську участь Ічнянської міської ради за 2021 рік\n"
                          "Подано 17 проєктів (у порівнянні з аналогічним періодом минулого року (12 проєктів) "
                          "активність зросла).\n"
                          "Надійшло 29 запитів на публічну інформацію (у порівнянні з аналогічним періодом минулого "
                          "року (35)).")
    got = {(f.code, f.value): f.period for f in report.figures}
    assert set(got) == {("pb_projects_submitted", 17), ("pb_projects_submitted", 12), ("public_info_requests", 29),
                        ("public_info_requests", 35)}
    assert got[("pb_projects_submitted", 12)].start == got[("public_info_requests", 35)].start == date(2020, 1, 1)


def test_a_relative_clause_after_a_count_stands_for_the_noun_before_it() -> None:
    report = extract_text("Інформація відділу внутрішньої політики Сновської міської ради за 9 місяців 2025 року\n"
                          "При міській раді утворено Громадську раду у складі 21 особи, яка за звітний період "
                          "провела 3 засідання.\n"
                          "Діє також молодіжна рада, яка провела 6 засідань.")
    got = pairs(report)
    assert ("public_council_meetings", 3) in got and not any(v == 6 and c == "public_council_meetings" for c, v in got)


def test_clips_under_a_video_label_are_videos() -> None:
    report = extract_text("Звіт відділу комунікацій Сновської міської ради за березень 2025 року\n"
                          "• Новини – 31.\n"
                          "• Відео – 5 роликів (з них 3 – звернення міського голови).")
    assert {("videos_published", 5), ("videos_published", 3)} <= set(pairs(report))


@pytest.mark.parametrize("lead", ["Основна тематика:", "Найбільше їх стосувалося:"])
def test_topics_under_a_lead_with_an_adjective_or_a_pronoun_and_items_with_notes(lead: str) -> None:
    report = extract_text("Інформація про роботу зі зверненнями громадян Сновської міської ради за 2021 рік\n"
                          f"У зверненнях порушено 1 240 питань. {lead}\n"
                          "житлово-комунального господарства – 530 (теплопостачання, ремонт дахів, вивезення сміття);\n"
                          "соціального захисту, матеріальної допомоги – 310;\n"
                          "інших питань – 400.")
    issues = breakdowns(report, "appeal_issues_raised")
    assert issues.keys() == {1240, 530, 310, 400} and issues[1240] is None and all(issues[v] for v in (530, 310, 400))


def test_senders_after_a_dash_under_a_lead_of_applicants_are_the_appeals_they_sent() -> None:
    report = extract_text("Інформація про роботу зі зверненнями громадян Сновської міської ради за 2022 рік\n"
                          "Усього надійшло 1 430 звернень. Загальна кількість громадян, які звернулися, становить 2 105 осіб. "
                          "Повторних звернень – 41, здебільшого щодо опалення.\n"
                          "За категоріями заявників: від ветеранів війни – 66, від багатодітних родин – 38.")
    got = breakdowns(report, "appeals_received")
    assert {66, 38} <= got.keys() and all(got[v] for v in (66, 38))
    assert set(breakdowns(report, "citizens_appealed")) == {2105}


def test_items_larger_than_the_lead_in_count_say_what_the_first_item_counted() -> None:
    report = extract_text("Звіт про громадський бюджет Сновської міської ради за 2023 рік\n"
                          "Переможцями стали чотири проєкти:\n"
                          "1. «Велодоріжка до ліцею» – 1 318 голосів;\n"
                          "2. «Бібліотека: простір для підлітків» – 902;\n"
                          "3. «Мініфутбольне поле» – 655;\n"
                          "4. «Сквер біля ставка» – 540.\n"
                          "Релігійні громади належать до трьох конфесій:\n"
                          "– Православна церква України – 12;\n"
                          "– Українська греко-католицька церква – 7;\n"
                          "– Римсько-католицька церква – 1.")
    votes = breakdowns(report, "pb_project_votes")
    assert set(votes) == {1318, 902, 655, 540} and all(votes.values())
    assert set(breakdowns(report, "pb_projects_won")) == {4}
    assert {12, 7} <= set(breakdowns(report, "religious_orgs_registered"))


def test_an_adjective_glossed_in_brackets_and_ranked_kinds_after_a_colon() -> None:
    report = extract_text("Довідка відділу внутрішньої політики Сновської міської ради станом на 01.01.2024\n"
                          "У громаді зареєстровано 28 місцеві (районні) організації політичних партій.\n"
                          "Діє 25 релігійних громад, які належать до 7 конфесій. Найбільші: Православна церква України – "
                          "11 громад, євангельські християни-баптисти – 5, греко-католики – 4.")
    assert set(breakdowns(report, "party_cells_registered")) == {28}
    kinds = breakdowns(report, "religious_orgs_registered")
    assert set(kinds) == {25, 11, 5, 4} and kinds[25] is None and all(kinds[v] for v in (11, 5, 4))


def test_topics_of_decisions_ranked_after_a_topic_verb_even_under_a_table() -> None:
    report = extract_text("Звіт загального відділу Сновської міської ради за 2023 рік\n"
                          "Показник | 2022 | 2023\n"
                          "Рішення виконавчого комітету | 287 | 315\n"
                          "Розпорядження міського голови | 160 | 171\n\n"
                          "Серед рішень виконавчого комітету найбільше стосувалися питань опіки та піклування – 74, "
                          "земельних питань – 40, благоустрою – 33.\n"
                          "Прийнято 54 рішення сесії. Традиційно найбільше рішень стосується бюджету – 19.")
    topics = breakdowns(report, "exec_decisions_adopted")
    assert {315, 74, 40, 33} <= set(topics) and all(topics[v] for v in (40, 33))
    assert 19 not in topics  # a topic of the session's decisions, none of the committee's


def test_a_reason_clause_is_no_item_and_extensions_and_thresholds_said_their_own_way() -> None:
    report = extract_text("Звіт про доступ до публічної інформації Сновської міської ради за ІІ квартал 2024 року\n"
                          "Надійшло 36 запитів. На шість запитів надано роз’яснення, оскільки запитувана інформація "
                          "вже була оприлюднена на сайті. Розгляд двох запитів, що стосувалися архівних документів, "
                          "продовжено до 20 робочих днів.\n"
                          "Поріг підписів подолали чотири електронні петиції.")
    got = set(pairs(report))
    assert {("public_info_requests_explained", 6), ("public_info_requests_extended", 2),
            ("petitions_supported", 4)} <= got
    assert not {("public_info_requests_satisfied", 6), ("public_info_requests_pending", 2)} & got


def test_a_label_denied_after_its_colon_and_reviews_of_publications() -> None:
    report = extract_text("Звіт відділу комунікацій Сновської міської ради за 10–23 березня 2025 року\n"
                          "За звітний період:\n"
                          "— новини на сайті: 34;\n"
                          "— брифінги та пресконференції: не проводилися (через повітряні тривоги);\n"
                          "— щоденні огляди публікацій про громаду для голови – 10.\n"
                          "Запитів надійшло 41, що на 6 більше, ніж за відповідний період минулого року (35).")
    got = set(pairs(report))
    assert {("press_events_organized", 0), ("media_monitoring_digests", 10), ("public_info_requests", 35)} <= got


def test_a_word_pointing_back_between_a_number_and_its_noun() -> None:
    report = extract_text("Інформація відділу внутрішньої політики Сновської міської ради станом на 01.10.2025\n"
                          "При виконавчому комітеті діє Громадська рада у складі 17 осіб. З початку року відбулося "
                          "4 її засідання.\n"
                          "Щотижня до обласної адміністрації надсилається довідка про суспільно-політичну ситуацію; "
                          "за дев’ять місяців надіслано 38 таких довідок.")
    got = set(pairs(report))
    assert {("public_council_meetings", 4), ("situation_briefs", 38)} <= got
    assert ("exec_committee_meetings", 4) not in got


def test_no_refusals_said_through_a_governed_noun_or_another_verb_form() -> None:
    report = extract_text("Звіт про доступ до публічної інформації Сновської міської ради за 2024 рік\n"
                          "Надійшло 52 запити. У задоволенні жодного запиту не відмовлено.\n"
                          "Надійшло 310 звернень громадян. У задоволенні жодного звернення не відмовлено.")
    got = pairs(report)
    assert got[("public_info_requests_refused", 0)] == 1
    assert ("appeals_answered", 0) not in got and ("appeals_received", 0) not in got


def test_ranked_votes_in_running_text_are_one_projects() -> None:
    report = extract_text("Звіт про громадський бюджет Сновської міської ради за 2022 рік\n"
                          "У голосуванні взяли участь 2 810 жителів, які віддали 5 940 голосів; переможцями стали "
                          "7 проєктів, найбільше голосів – 701 – набрав проєкт освітлення парку, на другому місці "
                          "з 633 голосами спортивний майданчик.")
    got = pairs(report)
    assert got[("pb_votes_cast", 5940)] == 1
    assert got[("pb_project_votes", 701)] == 1 and got[("pb_project_votes", 633)] == 1
