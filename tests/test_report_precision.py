"""Distractors the figure finder used to read as a figure, one family at a time: each must stay
unmatched (or be read under the metric its own words name). Every text here is invented for these
tests."""

from __future__ import annotations

from collections import Counter

from etl.reports.extraction import extract_text
from tests.report_reading import pairs, unmatched

# ------------------------------------------------------------------ petitions that did or did not gather support


def test_petitions_that_failed_to_gather_support_are_not_new_petitions() -> None:
    report = extract_text("Звіт відділу Ніжинської міської ради за 2023 рік\n"
                          "Упродовж року зареєстровано 12 електронних петицій.\n"
                          "Ще 11 петицій не набрали потрібної підтримки.\n"
                          "Дві петиції набрали необхідну кількість підписів.")
    got = pairs(report)
    assert got[("petitions_submitted", 12)] == 1
    assert got[("petitions_failed", 11)] == 1
    assert got[("petitions_supported", 2)] == 1
    assert got[("petitions_submitted", 11)] == 0


# ------------------------------------------------------------------ an earlier period's figure in brackets


def test_parts_after_a_bracketed_earlier_figure_belong_to_the_figure_before_the_brackets() -> None:
    report = extract_text("Звіт загального відділу Ніжинської міської ради за 2024 рік\n"
                          "За рік зареєстровано 7 210 документів (у 2023 році — 6 880), з них вхідних – 4 100, "
                          "вихідних – 2 300, внутрішніх – 810.\n"
                          "На сайті розміщено новини (35), з них із фотографіями (21).")
    got = pairs(report)
    assert got[("documents_flow_total", 7210)] == 1
    assert got[("outgoing_documents", 2300)] == 1  # never a part of 6 880
    assert got[("documents_flow_total", 810)] == 1  # internal ones: a part of 7 210
    assert got[("documents_flow_total", 2300)] == 0 and got[("outgoing_documents", 810)] == 0
    assert {f.value: f.breakdown for f in report.figures}[810] is not None


# ------------------------------------------------------------------ internal papers are no letters and no publications


def test_internal_documents_are_neither_published_documents_nor_incoming_letters() -> None:
    report = extract_text("Звіт загального відділу Ніжинської міської ради за 2024 рік\n"
                          "Упродовж року зареєстровано 9 020 документів:\n"
                          "- вхідна кореспонденція – 5 100 листів, з них:\n"
                          "  – від органів влади вищого рівня – 1 700;\n"
                          "  – від підприємств та установ – 3 400;\n"
                          "- внутрішні документи (доповідні записки, доручення) – 1 250.\n"
                          "Службові записки\t430\n"
                          "Внутрішні документи (накази)\t318\n"
                          "На вебсайті оприлюднено 77 документів.")
    got = pairs(report)
    assert got[("letters_received", 5100)] == 1 and got[("documents_published", 77)] == 1
    assert got[("letters_received", 1250)] == 0 and got[("documents_published", 1250)] == 0
    assert got[("documents_published", 318)] == 0


# ------------------------------------------------------------------ the length of the period is no clause of its own


def test_a_period_length_does_not_take_the_verb_of_the_figure_after_it() -> None:
    report = extract_text("Звіт загального відділу Ніжинської міської ради за 9 місяців 2025 року\n"
                          "За 9 місяців 2025 року загальним відділом зареєстровано 10 540 документів.\n"
                          "Протягом перших двох тижнів жовтня опубліковано 38 новин.")
    got = pairs(report)
    assert got[("documents_flow_total", 10540)] == 1 and got[("documents_published", 10540)] == 0
    assert got[("news_published", 38)] == 1
    assert not any(f.value in (9, 2) for f in report.figures)


# ------------------------------------------------------------------ a rule per person is no count


def test_a_rule_for_each_voter_is_not_a_count() -> None:
    report = extract_text("Звіт про громадський бюджет Ніжинської міської ради за 2024 рік\n"
                          "У голосуванні взяли участь 3 150 мешканців (кожен з них міг підтримати до двох проєктів).\n"
                          "Кожна громадська організація може подати не більше 3 проєктів.")
    got = pairs(report)
    assert got[("pb_voters", 3150)] == 1
    assert not any(f.value in (2, 3) for f in report.figures)


# ------------------------------------------------------------------ a part of a number that named nothing


def test_a_part_of_a_number_that_named_nothing_names_nothing() -> None:
    report = extract_text("Звіт про громадський бюджет Ніжинської міської ради за 2024 рік\n"
                          "У голосуванні взяли участь 3 150 мешканців, які віддали 5 400 голосів.\n"
                          "До переліку увійшли 12 об'єктів благоустрою; станом на 31.12.2024 завершено 7 з них.\n"
                          "Опубліковано 52 новини (проти 44 торік), з них 20 – з відео.")
    got = pairs(report)
    assert got[("pb_votes_cast", 5400)] == 1 and got[("news_published", 52)] == 1
    assert not any(f.value == 7 for f in report.figures)  # never a part of the votes of the sentence before
    assert "7" in unmatched(report)
    assert 20 in {f.value for f in report.figures}  # the aside in brackets does not take "з них"


# ------------------------------------------------------------------ request outcomes are not new requests


def test_forwarded_and_extended_requests_are_not_new_requests() -> None:
    report = extract_text("Звіт відділу Ніжинської міської ради за 2024 рік\n"
                          "Опрацьовано 70 запитів на публічну інформацію: задоволено 50, "
                          "9 запитів скеровано належним розпорядникам.\n"
                          "За 6 запитами строк відповіді подовжено до 20 робочих днів.")
    got = pairs(report)
    assert got[("public_info_requests", 70)] == 1
    assert got[("public_info_requests_forwarded", 9)] == 1 and got[("public_info_requests_extended", 6)] == 1
    assert got[("public_info_requests", 9)] == 0 and got[("public_info_requests", 6)] == 0


# ------------------------------------------------------------------ a verb broken at a line end


def test_a_word_broken_by_a_hyphen_at_a_line_end_is_read_whole() -> None:
    report = extract_text("Звіт відділу Ніжинської міської ради за 2024 рік\n"
                          "Опрацьовано 70 запитів на публічну інформацію. За результатами розгляду у задо-\n"
                          "воленні 5 запитів від-\n"
                          "мовлено з підстав, визначених законом.")
    got = pairs(report)
    assert got[("public_info_requests_refused", 5)] == 1 and got[("public_info_requests", 5)] == 0
    figure = next(f for f in report.figures if f.value == 5)
    assert "від-\nмовлено" in figure.sentence  # the sentence stays verbatim


# ------------------------------------------------------------------ a denial of late answers is no zero of answers


def test_a_denial_of_late_answers_is_not_a_zero_of_answers() -> None:
    report = extract_text("Звіт відділу Ніжинської міської ради за 2024 рік\n"
                          "Надійшло 140 звернень. Жодне звернення не розглянуто з порушенням строків. "
                          "Жодного запиту не розглянуто несвоєчасно. Запити на інформацію не надходили.")
    got = pairs(report)
    assert got[("appeals_received", 140)] == 1 and got[("appeals_answered", 0)] == 0
    assert got[("public_info_requests", 0)] == 1  # a plain denial is still a zero


# ------------------------------------------------------------------ a hotline's number


def test_the_number_of_a_hotline_is_no_count() -> None:
    report = extract_text("Звіт про звернення громадян до Ніжинської міської ради за 2024 рік\n"
                          "Надійшло 200 звернень. Через урядову «гарячу лінію» 1545 звернень цього року не надходило. "
                          "На гарячу лінію 1580 надійшло 34 звернення.")
    got = pairs(report)
    assert got[("appeals_received", 200)] == 1 and got[("appeals_received", 34)] == 1
    assert not any(f.value in (1545, 1580) for f in report.figures)


# ------------------------------------------------------------------ a number inside an item's label


def test_a_number_inside_a_list_items_label_is_part_of_the_label() -> None:
    report = extract_text("Звіт про звернення громадян до Ніжинської міської ради за 2024 рік\n"
                          "Надійшло 300 звернень, з них: від мешканців міста — 210, від мешканців сіл — 90, "
                          "у тому числі: Кунашівського округу — 30, решти чотирьох округів — 60.\n"
                          "Надійшло 14 запитів на інформацію — 9 від фізичних осіб.")
    got = pairs(report)
    assert got[("appeals_received", 60)] == 1 and got[("appeals_received", 30)] == 1
    assert got[("appeals_received", 4)] == 0
    assert got[("public_info_requests", 14)] == 1


# ------------------------------------------------------------------ a pronoun for a noun of its own sentence


def test_a_pronoun_with_its_noun_in_the_same_sentence_does_not_reach_back() -> None:
    report = extract_text("Звіт про громадський бюджет Ніжинської міської ради за 2024 рік\n"
                          "Проєкти подали 31 автор.\n"
                          "Голосування тривало два тижні на онлайн-платформі: у ньому взяли участь 4 020 мешканців.")
    got = pairs(report)
    assert got[("pb_authors", 31)] == 1
    assert got[("pb_voters", 4020)] == 1 and got[("pb_authors", 4020)] == 0


def test_them_after_a_figure_of_its_own_sentence_does_not_take_a_heading_noun() -> None:
    report = extract_text("Відділ внутрішньої політики Ніжинської міської ради\n"
                          "Довідка\n"
                          "станом на 1 січня 2025 року\n"
                          "На території громади зареєстровано 160 громадських об’єднань (станом на 01.01.2024 їх було 152).")
    got = pairs(report)
    assert got[("ngos_registered", 160)] == 1
    assert not any(f.value == 152 and f.code == "situation_briefs" for f in report.figures)


# ------------------------------------------------------------------ a colon opens the parts of the figure before it


def test_parts_after_a_colon_belong_to_the_figure_right_before_it() -> None:
    report = extract_text("Звіт загального відділу Ніжинської міської ради за 2024 рік\n"
                          "Відділом підготовлено 50 проєктів рішень виконавчого комітету, з яких 44 ухвалено: "
                          "15 — з питань опіки та піклування, 10 — з житлових питань.")
    got = pairs(report)
    assert got[("draft_executive_decisions", 50)] == 1 and got[("exec_decisions_adopted", 44)] == 1
    assert got[("exec_decisions_adopted", 15)] == 1 and got[("exec_decisions_adopted", 10)] == 1
    assert got[("draft_executive_decisions", 15)] == 0


# ------------------------------------------------------------------ a number inside a compound word


def test_a_number_inside_a_compound_word_is_no_figure_and_splits_no_clause() -> None:
    report = extract_text("Звіт відділу Ніжинської міської ради за 2024 рік\n"
                          "Зареєстровано 20 електронних петицій. Необхідні 200 підписів у визначений "
                          "90-денний строк зібрали чотири петиції. Затверджено 3-річну програму.")
    got = pairs(report)
    assert got[("petitions_submitted", 20)] == 1 and got[("petitions_supported", 4)] == 1
    assert got[("petitions_submitted", 4)] == 0
    assert not any(f.value in (90, 3) for f in report.figures)


# ------------------------------------------------------------------ a subject after the number is not what it counts


def test_a_plural_subject_after_a_number_of_five_or_more_is_not_counted() -> None:
    report = extract_text("Звіт про громадський бюджет Ніжинської міської ради за 2024 рік\n"
                          "До голосування допущено 40 проєктів; ще 6 автори відкликали свої заявки самостійно.\n"
                          "Проєкти подали 3 автори. У розділі «Відкриті дані» опубліковано 36 документи.")
    got = pairs(report)
    assert got[("pb_projects_on_ballot", 40)] == 1 and got[("pb_authors", 6)] == 0
    assert "6" in unmatched(report)
    assert got[("pb_authors", 3)] == 1  # "3 автори": the number agrees, it counts them
    assert 36 in {f.value for f in report.figures}  # a writer's slip with no verb after still counts


# ------------------------------------------------------------------ a bare number after unread numbers of its sentence


def test_a_bare_number_does_not_borrow_a_noun_over_its_own_sentences_numbers() -> None:
    report = extract_text("Звіт відділу комунікацій Ніжинської міської ради за І квартал 2025 року\n"
                          "Із 300 матеріалів 240 вийшли з фотографіями.\n"
                          "Найбільше їх припало на березень, коли з’явилося 118 дописів-анонсів; у січні їх було 90, "
                          "у лютому – 92.")
    got = pairs(report)
    assert got[("photo_news_published", 240)] == 1
    assert got[("photo_news_published", 92)] == 0


# ------------------------------------------------------------------ organisations that did something are not the stock


def test_organisations_that_got_grants_or_took_part_are_not_the_registered_stock() -> None:
    report = extract_text("Звіт відділу внутрішньої політики Ніжинської міської ради за 2024 рік\n"
                          "На території громади зареєстровано 140 громадських організацій.\n"
                          "Фінансову підтримку з міського бюджету отримали 9 громадських організацій.\n"
                          "У форумі громадськості взяли участь 22 громадські організації.")
    got = pairs(report)
    assert got[("ngos_registered", 140)] == 1
    assert got[("ngos_registered", 9)] == 0 and got[("ngos_registered", 22)] == 0


# ------------------------------------------------------------------ winners carried out are not winners chosen


def test_winning_projects_carried_out_are_not_winners_chosen() -> None:
    report = extract_text("Звіт про громадський бюджет Ніжинської міської ради за 2024 рік\n"
                          "За підсумками голосування переможцями стали 11 проєктів.\n"
                          "Станом на 31.12.2024 завершено реалізацію 8 проєктів-переможців попереднього конкурсу.")
    got = pairs(report)
    assert got[("pb_projects_won", 11)] == 1 and got[("pb_projects_won", 8)] == 0


def test_a_predicate_opening_with_its_object_after_a_relative_clause_names_the_metric() -> None:
    report = extract_text("Звіт відділу Ніжинської міської ради за 2024 рік\n"
                          "Опрацьовано 70 запитів на публічну інформацію.\n"
                          "За 7 запитами, які стосувалися великого обсягу даних, строк відповіді подовжено.")
    got = pairs(report)
    assert got[("public_info_requests_extended", 7)] == 1 and got[("public_info_requests", 7)] == 0


# ------------------------------------------------------------------ an example after "зокрема" opens no parts


def test_an_example_named_after_zokrema_opens_no_parts() -> None:
    report = extract_text("Звіт відділу Ніжинської міської ради за 2024 рік\n"
                          "Зареєстровано 18 електронних петицій.\n"
                          "Необхідні 200 підписів зібрали дві петиції, зокрема № 12 щодо ремонту сходів; "
                          "не набрали потрібної підтримки сім, а ще за однією станом на 31.12.2024 підписи продовжують збирати.")
    got = pairs(report)
    assert got[("petitions_supported", 2)] == 1 and got[("petitions_failed", 7)] == 1
    assert got[("petitions_supported", 1)] == 0 and got[("petitions_failed", 1)] == 0


# ------------------------------------------------------------------ an adjective part is a kind of its total, not people


def test_an_adjective_part_stays_a_kind_of_its_total_not_people() -> None:
    report = extract_text("Звіт про звернення громадян до Ніжинської міської ради за 2024 рік\n"
                          "За рік відділом роботи зі зверненнями громадян забезпечено облік усіх звернень, і за цей час "
                          "до ради надійшло 1 700 звернень, у тому числі 1 100 письмових та 600 усних, причому колективних "
                          "серед них було тридцять вісім, а загальна кількість мешканців, які звернулися до ради, з "
                          "урахуванням підписантів колективних звернень склала 2 100 осіб.")
    got = pairs(report)
    assert got[("appeals_received", 38)] == 1 and got[("citizens_appealed", 38)] == 0
    assert got[("citizens_appealed", 2100)] == 1


# ------------------------------------------------------------------ certificates issued are no situation briefs


def test_certificates_issued_to_people_are_no_briefs_on_the_situation() -> None:
    report = extract_text("Звіт загального відділу Ніжинської міської ради за 2024 рік\n"
                          "Архівним відділом видано 530 архівних довідок.\n"
                          "Мешканцям видавалися довідки про склад сім’ї – 214.\n"
                          "У ЦНАП за рік видано 1 905 довідок і витягів.\n"
                          "До обласної адміністрації надіслано 52 довідки про суспільно-політичну ситуацію.\n"
                          "Відділом видано 640 довідок про склад сім’ї.\n"
                          "Здійснено видачу 45 довідок громадянам.\n"
                          "Підготовлено 12 довідок про суспільно-політичну ситуацію.\n"
                          "До обласної адміністрації надіслано 8 інформаційних довідок.")
    assert pairs(report) == Counter({("situation_briefs", 52): 1, ("situation_briefs", 12): 1, ("situation_briefs", 8): 1})
    assert {"530", "1 905", "640", "45"} <= unmatched(report)


# ------------------------------------------------------------------ a range of decision numbers, a duration with a decimal


def test_a_range_of_decision_numbers_and_a_decimal_duration_are_no_figures() -> None:
    report = extract_text("Звіт загального відділу Ніжинської міської ради за березень 2025 року\n"
                          "Оприлюднено рішення виконкому № 41–57 та три розпорядження міського голови.\n"
                          "Вхідна кореспонденція – 380; середній строк розгляду вхідного документа – 2,5 дня.\n"
                          "Рішення № 12 – 40 документів оприлюднено на сайті.")
    got = pairs(report)
    assert got[("documents_published", 3)] == 1 and got[("letters_received", 380)] == 1
    assert not any(value in (57, 41, 2, 5) for _, value in got)


# ------------------------------------------------------------------ days listed before the month they share


def test_days_listed_before_their_month_are_dates_never_parts() -> None:
    report = extract_text("Звіт загального відділу Ніжинської міської ради за жовтень 2025 року\n"
                          "Проведено три засідання виконавчого комітету (7, 14 та 28 жовтня), на яких прийнято 60 рішень.\n"
                          "Брифінги відбулися 3 і 17 жовтня.\n"
                          "Надійшло 12 та 26 листів від підприємств.")
    got = pairs(report)
    assert got[("exec_committee_meetings", 3)] == 1 and got[("exec_decisions_adopted", 60)] == 1
    assert not any(value in (7, 14, 28, 17) for _, value in got)


def test_partners_a_part_was_done_together_with_name_no_metric_of_their_own() -> None:
    report = extract_text("Звіт Жмеринської міської ради за 2023 рік\n"
                          "Відділ організував 57 загальноміських заходів, серед яких 22 проводилися спільно з "
                          "громадськими організаціями.\n"
                          "Надійшло 90 запитів на інформацію, з них 12 опрацьовано разом з юридичними особами.\n"
                          "Опубліковано 300 новин, з яких 40 підготовлено у співпраці з громадськими об’єднаннями.")
    got = pairs(report)
    assert got[("events_attended", 22)] == 1 and got[("public_info_requests", 12)] == 1
    assert got[("news_published", 40)] == 1
    assert not any(code == "ngos_registered" for code, _ in got)
    near = extract_text("Звіт Жмеринської міської ради за 2023 рік\nЗ 50 матеріалів 30 вийшли з фотографіями.")
    assert pairs(near)[("photo_news_published", 30)] == 1  # "with photos" is what they are, not partners


# ------------------------------------------------------------------ ages and spans of years are no counts


def test_an_age_or_a_span_of_years_is_never_a_figure() -> None:
    report = extract_text("Звіт про громадський бюджет Ірпінської міської ради за 2024 рік\n"
                          "Проєкти подали 31 автор, з них 9 – молодь до 35 років.\n"
                          "Серед учасників голосування 140 осіб старше 60 років.\n"
                          "Громадська рада діє понад 5 років; голосувати можуть мешканці віком від 16 років.\n")
    got = pairs(report)
    assert got[("pb_authors", 31)] == 1 and got[("pb_authors", 9)] == 1
    assert not any(value in (35, 60, 5, 16) for _, value in got)


# ------------------------------------------------------------------ a draft of a document is no budget project


def test_a_draft_programme_or_rules_under_discussion_is_no_participatory_budget_project() -> None:
    report = extract_text("Звіт відділу Ірпінської міської ради за 2024 рік\n"
                          "Проведено громадське обговорення проєкту Програми розвитку спорту, у ньому взяли участь 37 мешканців.\n"
                          "Обговорення проєкту Правил благоустрою зібрало 52 учасники.\n"
                          "Обговорено 3 проєкти положення про старост.\n"
                          "На громадський бюджет подано 14 проєктів.\n")
    got = pairs(report)
    assert got[("pb_projects_submitted", 14)] == 1
    assert not any(code.startswith("pb_") and value != 14 for code, value in got)


# ------------------------------------------------------------------ one named thing's own count in brackets


def test_a_bracketed_count_after_one_thing_in_the_nominative_is_not_a_count_of_such_things() -> None:
    report = extract_text("Звіт про петиції Ірпінської міської ради за 2025 рік\n"
                          "Подано 12 петицій; найпопулярніша петиція – про освітлення мосту (211).\n"
                          "Найбільше голосів набрала петиція щодо укриття (340).\n"
                          "Заявники порушували питання освіти (31), транспорту (12).\n")
    got = pairs(report)
    assert got[("petitions_submitted", 12)] == 1 and got[("appeal_issues_raised", 31)] == 1
    assert not any(value in (211, 340) for _, value in got)


# ------------------------------------------------------------------ a number inside a topic after a colon total


def test_a_number_with_its_own_noun_inside_a_topic_is_no_part_of_the_total() -> None:
    report = extract_text("Звіт про інструменти участі Ірпінської міської ради за 2024 рік\n"
                          "Проведено три громадські обговорення: щодо правил благоустрою, щодо перейменування двох вулиць "
                          "та щодо стратегії.\n"
                          "Проведено 5 консультацій з громадськістю: про ремонт трьох шкіл, про бюджет, про тарифи.\n"
                          "Проведено 4 громадські слухання, з них 2 – щодо тарифів.\n")
    got = pairs(report)
    assert got[("public_consultations_held", 3)] == 1 and got[("public_consultations_held", 5)] == 1
    assert got[("public_consultations_held", 4)] == 1 and got[("public_consultations_held", 2)] == 1
    assert sum(got.values()) == 4


def test_averages_members_row_references_and_session_numbers_are_no_counts() -> None:
    report = extract_text("Звіт загального відділу Сновської міської ради за 9 місяців 2021 року\n"
                          "Зареєстровано 6 120 документів. Середнє навантаження на одного працівника відділу "
                          "становило близько 1 530 документів.\n"
                          "Зростання документообігу (р. 4) пов’язане зі збільшенням листування.\n"
                          "Оприлюднено 19 документів (рішення виконкому, проєкти рішень 41 сесії, розпорядження).\n"
                          "На обліку 11 профспілкових організацій. Загальна кількість членів профспілок – близько "
                          "2,9 тис. осіб.")
    got = pairs(report)
    assert got[("documents_flow_total", 6120)] == 1 and got[("documents_published", 19)] == 1
    assert got[("trade_unions_registered", 11)] == 1
    assert not any(value in (1530, 4, 41, 2900) for _, value in got)


def test_cases_whose_term_was_extended_are_not_the_people_who_appealed() -> None:
    report = extract_text("Звіт про роботу зі зверненнями громадян Сновської міської ради за 2020 рік\n"
                          "Надійшло 2 410 звернень, звернулося 2 702 громадянина.\n"
                          "У 39 випадках строк розгляду продовжено до 45 днів з повідомленням заявників.")
    got = pairs(report)
    assert got[("citizens_appealed", 2702)] == 1 and not any(value == 39 for _, value in got)


def test_requests_left_unanswered_are_no_count_of_requests() -> None:
    report = extract_text("Звіт про доступ до публічної інформації Сновської міської ради за І півріччя 2024 року\n"
                          "Надійшло 44 запити. Запитів, залишених без відповіді, – 0 (нуль).\n"
                          "За категоріями заявників найактивнішими залишаються пенсіонери – від них надійшло 310 звернень.")
    got = pairs(report)
    assert got[("public_info_requests", 44)] == 1 and ("public_info_requests", 0) not in got
    assert got[("appeals_received", 310)] == 1


def test_views_of_broadcast_recordings_are_no_broadcasts() -> None:
    report = extract_text("Звіт про громадську участь Сновської міської ради за 2025 рік\n"
                          "Захід | Виконання\n"
                          "3.1. Відкритість засідань | Організовано 14 онлайн-трансляцій: 10 – пленарних засідань "
                          "сесій, 4 – засідань виконавчого комітету. Записи трансляцій переглянуто понад 7 тис. разів.\n")
    got = pairs(report)
    assert got[("online_broadcasts", 14)] == 1 and not any(value == 7000 for _, value in got)
