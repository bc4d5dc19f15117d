"""What the figure finder knows about words: the catalog's wordings as lemma patterns, and the few
word classes prose needs beyond the catalog.

A *pattern* is one wording of one metric ("вхідний лист", "фото у новинний матеріал", "петиція, за
яким тривати збір підпис") split into its content words, each a set of lemma keys
(``activity.morph.lemma_keys``); function words ("у", "на", "та", "який") are left out. Its *head* is
its first common noun (an adjective when it has none: "релігійний"). Each word weighs 1/n, n the
number of metrics whose wordings use it, so "відповідь" (one metric) says more than "сайт" (five).

The metric codes, kinds and the wordings themselves all come from ``activity.catalog``, and so do
the prose forms a spreadsheet row label would not use (each metric's ``prose`` in
``activity/metrics.toml``: "документи" on its own, as in "оприлюднено 188 документів") and what a
verbless line means (``verbless``). The rest of this module is word classes across metrics.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from activity.catalog import METRICS, normalise_label
from activity.morph import lemma_keys, word_info

# A quoted name in the clause («Сенсорна кімната» – 315 голосів) makes votes one project's; without
# one, "голоси за проєкти" are all the votes (a part of them when they follow "з них"), unless the
# clause says it is one project's ("набрав окремий проєкт").
QUOTED_NAME_CODES = {"pb_votes_cast": "pb_project_votes"}
UNQUOTED_CODES = {"pb_project_votes": "pb_votes_cast"}
# A table whose first heading cell is "Назва проєкту" names one thing in each row, as a quote does.
NAME_HEADINGS = frozenset({"назва", "найменування"})
# "(всього 702 чол.)": an abbreviation that counts people.
PEOPLE_UNITS = frozenset({"чол", "чоловік"})
# "юридичні особи надіслали 17": what senders sent with a bare number, of these flows, counted just before
SEND_VERBS = frozenset({"надіслали", "надіслала", "надіслав", "подали", "подала", "подав", "направили", "направила",
                        "направив", "звернулися"})
SENDER_NOUNS = frozenset({"особа", "об’єднання", "організація", "підприємство", "установа", "орган", "змі"})
SENT_THINGS = frozenset({"public_info_requests", "appeals_received", "letters_received"})
# Verbs that say what a thing is or was: "2 листа з яких є запитами" (what they are), "одне з яких було
# позачерговим" (one of them, of a kind).
COPULAS = frozenset({"є", "було", "була", "був", "були", "стало", "стала", "став", "стали", "являються", "виявилися"})
# "мешканці зверталися 12 разів": what the times of an act count (the times people appealed are appeals).
TIMES_ARE = {"звернутися": "appeals_received", "звертатися": "appeals_received"}
# "проведено 9 разів": how many times the thing named before the number happened.
TIMES_NOUNS = frozenset({"раз", "рази", "разів"})
# Between a number and its noun, a word that points back: to things the text named just before ("надіслано 39
# таких довідок") or to whose they are, the subject of the sentence before ("відбулося 3 її засідання").
POINTING_TO_THINGS = frozenset({"таких", "цих", "зазначених"})
POINTING_TO_WHOSE = frozenset({"її", "його", "їх", "їхніх"})
POINTING_WORDS = POINTING_TO_THINGS | POINTING_TO_WHOSE
# Units that count the noun named before them ("благоустрій – 96 одиниць" of the issues listed), and
# cases that count what their clause names ("у 9 випадках строк розгляду продовжено": requests).
CASE_NOUNS = frozenset({"випадок", "випадки", "випадків", "випадках", "випадку"})
UNIT_NOUNS = frozenset({"одиниця", "одиниць", "одиниці", "од"}) | CASE_NOUNS
# A case is an appeal or a request, never a person ("У 47 випадках … з повідомленням заявників").
NOT_CASES = frozenset({"citizens_appealed"})
# What a family of metrics counts, and the metric a phrase of another family means when the text
# counts this family's thing: "надано роз’яснення" on appeals is an appeal answered, not an
# information request; "на розгляді" on appeals names no metric (None).
FAMILY_NOUNS = {"запит": "requests", "звернення": "appeals", "петиція": "petitions"}
FAMILY_OF = {"public_info_requests": "requests", "appeals_received": "appeals", "petitions_submitted": "petitions"}


def families(words) -> set[str]:
    """The families (requests, appeals, petitions) the lemma keys of ``words`` name."""
    return {family for ks in words for noun, family in FAMILY_NOUNS.items() if noun in ks}


ACROSS_FAMILIES: dict[tuple[str, str], str | None] = {
    ("public_info_requests_explained", "appeals"): "appeals_answered",
    ("public_info_requests_satisfied", "appeals"): "appeals_answered",
    ("public_info_requests_pending", "appeals"): None,
    ("public_info_requests_refused", "appeals"): "appeals_answered",  # a refusal answers the appeal
    ("public_info_requests_forwarded", "appeals"): None,
    ("public_info_requests_extended", "appeals"): None,
    ("appeals_answered", "requests"): "public_info_requests_satisfied",
    ("pb_votes_cast", "petitions"): None,  # "(набрали 150 голосів)": a petition's threshold
    ("letters_answered", "petitions"): "petitions_answered",  # "оприлюднено п’ять відповідей" on petitions
    ("letters_answered", "appeals"): "appeals_answered",  # "Розглянуто, надано відповіді | 131" under appeals
    ("appeal_issues_raised", "requests"): None,  # "запитів стосувалося … земельних питань (96)": no appeals' issues
}
# "знаходяться на розгляді – 73 звернення": appeals still pending, which the catalog does not count.
PENDING_WORDS = frozenset({"розгляді", "опрацюванні", "опрацьовуються", "роботі", "виконавців", "контролі"})  # ("у роботі
# залишається 78 звернень", "Ще 14 звернень перебувають у виконавців")
NOT_WHEN_PENDING = frozenset({"appeals_received"})
# "у задоволенні 14 звернень відмовлено": what a count of received things is when the clause refuses
# them (a refused appeal is an answered one; a refused request has its own metric).
REFUSAL_WORDS = frozenset({"відмовлено", "відмовили", "відмовляли", "відмовляв", "відмовляла", "відмовлялося"})
REFUSED_AS = {"appeals_received": "appeals_answered", "public_info_requests": "public_info_requests_refused"}
# A denied refusal ("Жодному запитувачу не відмовили"): no refusals of requests; of appeals, no count the catalog has
# (refused appeals are answered ones: that none was refused says nothing of how many were answered).
NO_REFUSAL_AS = {"public_info_requests": "public_info_requests_refused", "appeals_received": None, "appeals_answered": None}
# "…, а у 684 випадках заявникам відмовлено": cases refused after figures of appeals or of information requests
REFUSED_CASES = {"appeals_": "appeals_answered", "public_info_requests": "public_info_requests_refused"}
# "Фото … проілюстровано 508 з них", "до 17 з них додали фотографії": a count of the items a photo was added to
ILLUSTRATE_VERBS = frozenset({"проілюстровано", "ілюстровано", "супроводжено", "додали", "додано", "доповнено"})
# "онлайн-трансляції двох засідань …", "Транслювали дві події": sittings or events counted as broadcast (the
# first two stems: the nouns that govern a count joined after them by "та")
BROADCAST_STEMS = ("трансляц", "онлайн-трансляц", "транслював", "трансльован")
# "від центральних органів надійшло 512 документів", "вхідних документів – 3 126": documents a clause
# receives are incoming ones, never the ones published on the website
RECEIVED_WORDS = frozenset({"надійшло", "надійшли", "надійшов", "надійшла", "надходило", "надходили", "надходить",
                            "надходять", "отримано", "вхідних", "вхідні", "вхідна", "вхідного", "вхідний"})
# "112 од. новин", "245 шт. фото": the abbreviations of "units" and "pieces" after a number say nothing of
# what it counts; the number phrase runs over them to the noun. These and the money units may end a
# sentence ("Фото до новин – 96 шт. Нових альбомів …").
UNITS = frozenset({"од", "шт"})
UNITS_AFTER_NUMBERS = UNITS | frozenset({"грн", "млн", "млрд"})
# "подано особисто – 6": how the things came in, said with the verb of their coming
SUBMITTED_WORDS = frozenset({"подано", "подані", "подали", "подавали", "надіслано", "надіслали", "звернулися"})
RECEIVED_AS = {"documents_published": "letters_received"}
# "Внутрішні документи – 972", "внутрішніх оформлено 553": documents a clause calls internal are the internal
# kind of the whole document flow (a sub-count with this breakdown), never published or incoming ones
INTERNAL_AS = dict.fromkeys(("documents_published", "letters_received", "outgoing_documents"), "documents_flow_total")
INTERNAL_KIND = "вид: внутрішні документи"
# "опрацьовано 1 250 документів, у т.ч.: вхідних – 700, вихідних – 550": a total read as one metric whose
# parts are kinds of another whole is that whole: (total's metric, part's metric) -> the whole's metric
WHOLE_OF_KINDS = {("documents_published", kind): "documents_flow_total" for kind in ("letters_received", "outgoing_documents")}
# "Оприлюднено рішення виконкому …, два розпорядження міського голови та чотири проєкти рішень": decisions,
# orders and drafts whose verb makes them public are documents published, not drafts prepared or adopted
PUBLISH_VERBS = frozenset({"оприлюднено", "опубліковано", "оприлюднювалися", "оприлюднювались", "оприлюднені",
                           "опубліковані", "оприлюднили", "опублікували"})
PUBLISHED_AS = dict.fromkeys(("draft_council_decisions", "draft_executive_decisions", "draft_mayor_orders",
                              "exec_decisions_adopted"), "documents_published")
# "взяли участь … у чотирьох засіданнях виконкому", "були присутні на 3 засіданнях виконкому": sittings counted
# in the locative are sittings someone was at, not those the committee held ("проведено 4 засідання")
ATTENDED_AS = {"exec_committee_meetings": "council_sittings_attended"}
# "розміщено 312 матеріалів, до яких додано 1 046 фото": a figure in a relative clause about the items
# counted just before is of those items (photos in news, not the photo gallery's).
OF_THE_ITEMS_BEFORE = {("news_published", "photos_published"): "photos_in_news_published",  # (items before, figure)
                       ("photo_news_published", "photos_published"): "photos_in_news_published"}
RELATIVE_PLURALS = frozenset({"яких", "них", "котрих"})
# "зареєстровано 12 нових громадських організацій": new ones are a flow, never the stock of all of them.
NEW_WORDS = frozenset({"нових", "нові", "новий", "нова", "нове", "нової", "новостворених", "новостворені",
                       "новоутворених", "новоутворені", "новозареєстрованих", "новозареєстровані",
                       # "до каналу долучилися ще 212 читачів": those who joined, not all the followers
                       "долучилися", "долучилося", "приєдналися", "приєдналося"})
STOCK_CODES = frozenset(code for code, m in METRICS.items() if m.kind == "stock")
# "знято з контролю 280": documents taken off control, not those on it; datasets updated, not published.
INTERNAL = frozenset({"внутрішні", "внутрішній", "внутрішня", "внутрішнє", "внутрішніх", "внутрішнім",
                       "внутрішніми", "внутрішнього", "внутрішньої"})
_VIEWS = frozenset({"охоплення", "охопленням", "охоп", "переглядів", "перегляди", "переглядами", "вподобань",
                    "реакцій", "переглянули", "переглянуло", "переглянуто", "переглядали", "переглядають", "вподобали",
                    "охопили", "прочитали"})
_LEFT_UNANSWERED = frozenset({"залишених", "залишені", "залишено", "залишилось", "залишилося", "залишилися",
                              "залишились"})  # (not "залишаються": "найактивнішими залишаються пенсіонери")
NOT_WITH_WORDS = {"documents_on_control": frozenset({"знято", "знятий", "знята", "зняті", "знятих", "знімається",
                                                    # "на контроль взято 1 096 документів": taken on during the
                                                    # period (a flow), not those on control on a date
                                                    "взято", "взяті", "взятих", "поставлено", "поставлені"}),
                  # "розміщено 64 набори даних; оновлено 11 з них": updated sets are no count of sets
                  "open_data_documents": frozenset({"оновлено", "оновлений", "оновлені", "оновлених", "актуалізовано"}),
                  # "внутрішні документи (службові записки) – 263": internal papers are neither published
                  # documents nor incoming letters (a kind of the registered total, or nothing)
                  "documents_published": INTERNAL,
                  "letters_received": INTERNAL,
                  # "Вихідних відправлено 903, внутрішніх оформлено 553": internal papers are not outgoing ones
                  # (unless the clause says both: "вихідних і внутрішніх документів – 1 200", see UNLESS_WORDS)
                  "outgoing_documents": INTERNAL,
                  # "Діяльність двох осередків партій, заборонених у судовому порядку, припинено": banned cells
                  # ("три осередки знято з обліку": cells struck off, a change of the register, not its count)
                  "party_cells_registered": frozenset({"припинено", "заборонених", "заборонено", "заборонені",
                                                       "знято", "зняті", "знятих"}),
                  # "Розпорядження міського голови (видано) – 129": orders issued, not the drafts a department prepared
                  # "Розпоряджень міського голови … зареєстровано 203", "Прийнято 312 розпоряджень": orders
                  # issued, registered or adopted, not drafts (unless the clause says drafts, see UNLESS_WORDS)
                  "draft_mayor_orders": frozenset({"видано", "видані", "видано)", "видав", "видала", "видали",
                                                   "зареєстровано", "зареєстровані", "зареєстрованих", "прийнято",
                                                   "прийняті", "прийнятих", "підписано", "підписані"}),
                  # "За результатами розгляду … надано інформацію на 58 запитів": the requests dealt with, none pending
                  "public_info_requests_pending": frozenset({"результатами", "результатах", "результатів", "наслідками"}),
                  # "видано 612 архівних довідок", "видано 640 довідок про склад сім’ї": certificates issued to
                  # people are no briefs on the situation
                  "situation_briefs": frozenset({"видано", "видані", "видали", "видала", "видав", "видавалися", "видавались",
                                                 "видаються", "видається", "видавали", "видача", "видачі", "видачу",
                                                 "архівних", "архівні", "архівна", "архівної", "архівну"}),
                  # "охоплення дописів — понад 86 тис.", "переглядів дописів – 12 400", "відео переглянули понад 12
                  # тисяч разів": reach and views, not posts or videos
                  "social_media_posts": _VIEWS,
                  "videos_published": _VIEWS,
                  "online_broadcasts": _VIEWS,  # "Записи трансляцій переглянуто понад 9 тис. разів"
                  # "Запитів, залишених без відповіді, – 0": those left unanswered are no count of all received
                  "public_info_requests": _LEFT_UNANSWERED,
                  "appeals_received": _LEFT_UNANSWERED,
                  # "завершено реалізацію 27 проєктів-переможців": winners carried out, not winners chosen
                  "pb_projects_won": frozenset({"реалізовано", "реалізацію", "завершено", "втілено", "впроваджено",
                                                "виконано"})}
# "«…», – зазначила начальниця відділу": verbs that say someone spoke the quoted words.
SAYING_VERBS = frozenset({"зазначила", "зазначив", "сказала", "сказав", "розповіла", "розповів", "повідомила",
                          "повідомив", "наголосила", "наголосив", "підкреслила", "підкреслив", "додала", "додав",
                          "пояснила", "пояснив", "уточнила", "уточнив", "каже", "говорить", "зауважила", "зауважив"})
# "Письмових звернень 49; решта, 38, – усні": the rest counts the noun of the figure before it.
REST_WORDS = frozenset({"решта", "решту", "решти", "решті", "рештою"})
# "Заплановано розмістити 150 новин", "(план – 180)", "За планом проведено 6 засідань": a target, never a count.
PLAN_WORDS = frozenset({"заплановано", "запланованих", "заплановані", "план", "планом", "планувалося",
                        "планувалось", "плановий", "планове", "планових", "планується"})
# A lead or heading over infinitives that set targets: "Завдання на 2025 рік:" / "– провести не менше 6 …"
PLAN_LEADS = PLAN_WORDS | frozenset({"завдання", "завдань", "пріоритети", "пріоритетні", "плани", "планах",
                                     "плануємо", "планує", "планують", "наміри"})
# Words that keep a metric a clause's NOT_WITH_WORDS would rule out: the clause names it as well.
_DRAFT_FORMS = frozenset(f"{stem}{end}" for stem in ("проєкт", "проект")
                         for end in ("", "и", "ів", "у", "ом", "ами", "ах", "ам", "і"))
UNLESS_WORDS = {"outgoing_documents": frozenset({"вихідні", "вихідних", "вихідний", "вихідна", "вихідного",
                                                 "вихідної", "вихідними", "вихідну"}),
                "draft_mayor_orders": _DRAFT_FORMS}  # "зареєстровано 317 проєктів розпоряджень": drafts


def rules_out(code: str, words) -> bool:
    """Whether any of the clause's lower-cased ``words`` rules ``code`` out ("знято з контролю 280")."""
    words = set(words)
    return bool(words & NOT_WITH_WORDS.get(code, frozenset())) and not words & UNLESS_WORDS.get(code, frozenset())


# Any word that rules some metric out ("видано", "знято", "оновлено"): a clause with one is never read again
# with the words of its section's heading.
RULED_OUT = frozenset().union(*NOT_WITH_WORDS.values())
# "фінансову підтримку отримали 6 громадських організацій": a count of organisations whose clause says what
# they did or got is no count of those registered; only these verbs (or none) state the stock.
REGISTRY_VERBS = frozenset({"зареєстровано", "зареєстровані", "діють", "діє", "діяло", "діяли",
                            "функціонують", "функціонує", "налічується", "налічувалося", "налічувалось", "налічувалися",
                            "налічувались", "налічуються", "перебуває",
                            "перебувають", "є", "працюють", "працює", "обліковується", "обліковуються", "значиться",
                            "значаться", "внесено", "входять", "належать", "зареєстрована", "зареєстрований",
                            "легалізовано", "зареєструвалися", "зареєструвалось", "залишається", "залишаються",
                            "становить", "становила", "склала", "складає", "перебувало", "було", "існує", "існують",
                            "утворено", "створено", "припинили", "припинено", "виключено", "представляють",
                            "представлені", "представлено", "об’єднують", "охоплюють", "налічують", "нараховується",
                            "нараховуються", "здійснюють", "провадять", "ведуть", "діяльність", "обліковано",
                            "припинило", "перебували", "залишилося", "залишилось"})
CIVIL_STOCKS = frozenset(code for code, m in METRICS.items() if m.kind == "stock" and m.category == "civil_society")
# A list under a lead-in like these gives results, not a breakdown of the figure before.
RESULT_LEAD_WORDS = frozenset({"результат", "результатами", "результати", "розгляд", "розгляду", "розглянуто"})

# Words that never carry the meaning of a wording: prepositions, conjunctions, relative words.
STOP_WORDS = frozenset(
    "у в на до для з із зі та і й або за про по під від щодо який яка яке які якого яких що це "
    "його її їх а також при як чи".split()
)
RELATIVE_WORDS = frozenset({"який", "котрий", "що", "цей", "той", "свій", "його", "її", "їхній"})
# "кількість документів", "18 текстів виступів": the counted thing is the noun after these.
# "на 71 з них відділ підготував відповіді": who did the work, a subject before its verb, never what is counted
AGENT_NOUNS = frozenset({"відділ", "сектор", "управління", "департамент", "служба", "пресслужба", "працівник",
                         "спеціаліст", "фахівець", "команда", "посадовець", "апарат", "голова", "секретар",
                         "заступник", "староста"})
TRANSPARENT_NOUNS = frozenset({"кількість", "число", "загальна", "всього", "усього", "разом", "текст"})
# "зменшилась на 12", "на 6 % більше": a change, not a level.
CHANGE_WORDS = frozenset(
    "зменшитися зменшитись збільшитися збільшитись зрости зростати скоротитися скоротитись "
    "знизитися знизитись підвищитися підвищитись змінитися зменшення збільшення зростання "
    "скорочення більше менше приріст падіння".split()
)
# Approximations the number parser does not know (it knows "близько", "понад", "майже", ...).
EXTRA_APPROXIMATIONS = ("щонайменше", "не менше ніж", "не менш ніж", "не менше")
# "штатна чисельність – 9 одиниць, з них 1 вакантна": the department's own staff, no count of its work
STAFF_WORDS = frozenset({"чисельність", "штатна", "штатних", "штатний", "штатом", "вакантна", "вакантних", "вакантні",
                         "вакансій"})
# "помилково зазначено 297 запитів": a figure the text says was wrong
MISTAKEN_WORDS = frozenset({"помилково", "хибно", "помилкове", "помилкова", "помилковий", "помилкову"})
# Before a number: the number is a part of the previous total.
PART_BEFORE = (("з", "них"), ("з", "яких"), ("із", "них"), ("із", "яких"), ("у", "тому", "числі"),
               ("в", "тому", "числі"), ("зокрема",), ("у", "т.ч."), ("в", "т.ч."), ("у", "т. ч."), ("в", "т. ч."), ("з", "числа", "яких"),
               ("з", "загальної", "кількості"), ("із", "загальної", "кількості"), ("з", "цієї", "кількості"),
               ("із", "цієї", "кількості"), ("з", "цього", "числа"), ("серед", "них"),
               ("серед", "яких"))
# In brackets right after a figure, the same: "1 129 звернень (з урахуванням 23 звернень, що надійшли у грудні)"
PART_IN_BRACKETS = (("(", "з", "урахуванням"), ("(", "включно", "з"))
PART_AFTER = (("з", "них"), ("з", "яких"), ("із", "них"), ("із", "яких"), ("з", "котрих"))
# "з 143 проєктів … допущено 109": the metric of the pool a result is taken from.
POOL_OF = {
    "pb_projects_on_ballot": "pb_projects_submitted",
    "pb_projects_rejected": "pb_projects_submitted",
    "pb_projects_won": "pb_projects_on_ballot",
    "petitions_supported": "petitions_submitted",
    "petitions_failed": "petitions_submitted",
    "public_info_requests_satisfied": "public_info_requests",
    "public_info_requests_refused": "public_info_requests",
    "public_info_requests_forwarded": "public_info_requests",
    "appeals_answered": "appeals_received",
}
# "стосувалися": the words after it are a topic of the thing before, never what is counted ("Найбільше рішень
# стосується опіки – 97", "17 стосувалися заходів").
ABOUT_VERBS = frozenset({"стосувалися", "стосувались", "стосувалось", "стосувалося", "стосувався", "стосувалася",
                         "стосувалась", "стосується", "стосуються"})
# What a thing was about and who asked ("Найчастіше люди зверталися щодо:"): a lead of topics says no more.
TOPIC_WORDS = ABOUT_VERBS | {"щодо", "стосовно", "зверталися", "звертались", "звертаються", "порушували", "порушувалися"}
# "За формою надходження:", "За категоріями заявників:": a lead that tells how the total before is split.
DIMENSION_WORDS = frozenset({"форма", "вид", "тип", "категорія", "спосіб", "характер", "джерело", "канал",
                             "ознака", "суб’єкт", "тематика", "напрям", "розріз"})
# How a thing came in ("За формою надходження", "за способом подання", "за каналами"): a split of things, never of people.
ARRIVAL_DIMENSIONS = frozenset({"форма", "спосіб", "канал", "джерело"})
# What a petition's threshold counts ("набрали понад 150 підписів").
THRESHOLD_NOUNS = frozenset({"голос", "підпис"})
# A part of a total with the first metric that reads as the second stays a part of the total:
# "розглянуто 8 петицій, з них 3 підтримано" (the mayor supported them; they did not gather signatures).
# "57 відеосюжетів, дев’ять із яких – звернення міського голови": the mayor's video addresses, not appeals.
PART_STAYS = frozenset({("petitions_answered", "petitions_supported"), ("petitions_answered", "petitions_failed"),
                        ("videos_published", "appeals_received"),
                        # "пройшло 1 097 документів, з них: звернення депутатів – 14; службові записки – 226"
                        ("documents_flow_total", "appeals_received"), ("documents_flow_total", "documents_published"),
                        # "на сайті розміщено 138 документів, з них 22 проєкти рішень": drafts published
                        ("documents_published", "draft_executive_decisions"),
                        ("documents_published", "draft_council_decisions"), ("documents_published", "draft_mayor_orders")}) \
    | frozenset((code, base) for base, codes in {  # "Відмовлено у задоволенні 6 запитів: у 4 випадках запитувана
        # інформація не …": a part of the refused ones named by the family's noun is one of the refused
        "public_info_requests": ("public_info_requests_refused", "public_info_requests_satisfied",
                                 "public_info_requests_explained", "public_info_requests_forwarded",
                                 "public_info_requests_extended"),
        "appeals_received": ("appeals_answered",), "letters_received": ("letters_answered",),
        "petitions_submitted": ("petitions_supported", "petitions_failed", "petitions_answered")}.items()
        for code in codes)
# A metric of one body, and the words right after its counted noun that name another body:
# "прийнято 58 рішень міської ради" are the council's decisions, not the executive committee's.
OTHER_BODY = {"exec_decisions_adopted": (frozenset({"рада", "сесія"}), frozenset({"виконавчий", "виконком"}))}
# "внесено 39 проєктів рішень; … три проєкти знято з розгляду": in a sentence about draft decisions,
# orders or other documents, "проєкти" are drafts, never participatory-budget projects.
DRAFT_OF = frozenset({"рішення", "рішень", "розпорядження", "розпоряджень", "наказ", "наказів", "наказу",
                      # "обговорення проєкту Програми розвитку туризму": a draft of a document, as a decision's
                      "програми", "програм", "правил", "положення", "стратегії", "плану", "статуту", "регламенту",
                      "концепції", "порядку"})
# "дві петиції набрали голоси, ще 9 не отримали підтримки": a figure borrowing its noun from the one
# before, with a negated verb of its own, counts the opposite outcome.
NEGATED_CODES = {"petitions_supported": "petitions_failed", "ngos_registered": "ngos_ceased"}
# "12 релігійних громад, що належать до семи конфесій: ПЦУ – 4, УГКЦ – 2, …": the number beside each kind of a
# count of kinds counts the things of that kind (when the parts pass the count of kinds, they cannot be kinds).
MEMBERS_OF_KINDS = {"religious_denominations": "religious_orgs_registered"}
NEGATION_WORDS = frozenset({"жодного", "жодної", "жодних", "жоден", "жодне", "жодна", "немає"})  # "нерозглянутих запитів немає"

_WORD = re.compile(r"[^\W\d_]+(?:[’'\-][^\W\d_]+)*")


@dataclass(frozen=True)
class Pattern:
    code: str
    text: str
    words: tuple[frozenset[str], ...]  # lemma keys of each content word
    weights: tuple[float, ...]
    head: int  # index into words

    @property
    def score(self) -> float:
        return sum(self.weights)


def is_stop_word(word: str) -> bool:
    return word in STOP_WORDS or bool(lemma_keys(word) & RELATIVE_WORDS)


def _content_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(normalise_label(text)) if not is_stop_word(w)]


def _head(words: list[str]) -> int:
    infos = [word_info(w) for w in words]
    for test in (lambda i: i.noun and not i.adjective, lambda i: i.noun, lambda i: i.adjective):
        for k, info in enumerate(infos):
            if test(info):
                return k
    return 0


@functools.cache
def patterns() -> tuple[Pattern, ...]:
    """Every wording of every metric (labels, short labels, wordings, prose forms)."""
    raw: list[tuple[str, list[str]]] = []
    for m in METRICS.values():
        texts = [m.label_uk, m.short_uk, *m.wordings, *m.prose]
        for text in dict.fromkeys(texts):
            words = _content_words(text)
            if words:
                raw.append((m.code, words))
    users: dict[str, set[str]] = {}
    for code, words in raw:
        for w in words:
            for key in lemma_keys(w):
                users.setdefault(key, set()).add(code)
    out = []
    for code, words in raw:
        keys = tuple(lemma_keys(w) for w in words)
        weights = tuple(1.0 / max(len(users[k]) for k in ks) for ks in keys)
        out.append(Pattern(code, " ".join(words), keys, weights, _head(words)))
    return tuple(out)


@functools.cache
def patterns_by_key() -> dict[str, tuple[Pattern, ...]]:
    """Patterns by every lemma key of every one of their words."""
    index: dict[str, list[Pattern]] = {}
    for p in patterns():
        for ks in p.words:
            for k in ks:
                index.setdefault(k, []).append(p)
    return {k: tuple(dict.fromkeys(v)) for k, v in index.items()}


@functools.cache
def people_codes() -> frozenset[str]:
    """Metrics that count people: a wording of theirs is headed by a noun for people."""
    out = set()
    for p in patterns():
        words = p.text.split()
        if words and word_info(words[p.head]).animate:
            out.add(p.code)
    return frozenset(out)


@functools.cache
def catalog_adjectives() -> frozenset[str]:
    """Lemma keys of words the catalog writes as an adjective before its counted noun ("вихідний
    документ", "пряма трансляція"), though they can be nouns too ("вихідні", days off): standing
    without a noun ("вихідних – 2 931") they are that adjective, with the noun left out."""
    out: set[str] = set()
    for p in patterns():
        words = p.text.split()
        if p.head > 0 and word_info(words[p.head - 1]).adjective:
            out |= p.words[p.head - 1]
    return frozenset(out)


@functools.cache
def bare_heads() -> dict[str, frozenset[str]]:
    """Metric codes a single word names on its own ("фото" -> photos_published)."""
    out: dict[str, set[str]] = {}
    for p in patterns():
        if len(p.words) == 1:
            for k in p.words[0]:
                out.setdefault(k, set()).add(p.code)
    return {k: frozenset(v) for k, v in out.items()}

# Words that open an aside set off by commas, which says where a figure comes from or how it compares
# but never what it counts: "документообіг відділу, з урахуванням внутрішніх записок, склав 1 093",
# "з яких 58, як і раніше, супроводжувалися фотозвітами", "а 17, за інформацією старост, не діють".
ASIDE_OPENERS = (("з", "урахуванням"), ("із", "урахуванням"), ("враховуючи",), ("як", "і", "раніше"),
                 ("як", "і", "торік"), ("як", "і", "минулого"), ("як", "і", "в"), ("як", "і", "у"),
                 ("як", "правило"), ("на", "жаль"), ("до", "речі"), ("за", "інформацією"), ("за", "даними"),
                 ("за", "попередніми", "даними"), ("на", "щастя"), ("зазвичай",), ("традиційно",),
                 ("як", "зазначалося"), ("як", "вже", "зазначалося"))

