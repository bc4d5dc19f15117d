"""The sentences of the written report: every metric's figure as Ukrainian officialese with the
numeral agreeing with its noun, inflected with pymorphy3 (``activity.morph``).

Each metric has a phrase: a verb and the counted words, the words in braces inflected by the count
("{вхідний лист}" → "21 вхідний лист", "2 вхідні листи", "5 вхідних листів"), the rest kept as written.
The case the count governs:

* ``acc``: after an impersonal verb ("оприлюднено 21 новину", "зареєстровано 97 осередків");
* ``gen``: after a noun ("відмовлено у задоволенні 2 запитів");
* ``nom``: the count is the subject, the verb agrees ("звернувся 21 громадянин", "звернулися 5
  громадян"); the verb is given as "singular|plural".

A reported zero is said in words: "Вхідні листи не надходили." for what comes in (``zero="in"``),
"Не підготовлено жодного проєкту …" otherwise. The words are chosen so that the project's own
report reader (etl.reports) reads each sentence back to the same metric and value
(tests/test_report_docx.py checks every metric at many counts).
"""

from __future__ import annotations

import functools
import re

from activity.formatting import format_number
from activity.i18n import plural
from activity.morph import analyzer

# code: (verb, phrase, case[, zero]); zero "in": "<phrase> не надходили".
PHRASES: dict[str, tuple[str, ...]] = {
    "news_published": ("оприлюднено", "{новина} та {інформаційний матеріал} на сайті", "acc"),
    "documents_published": ("оприлюднено", "{нормативний акт} та {інший документ} на сайті", "acc"),
    "photo_news_published": ("розміщено", "{матеріал} з фотографіями на сайті", "acc"),
    "photos_published": ("розміщено", "{фото} у фотогалереї", "acc"),
    "photos_in_news_published": ("розміщено", "{фото} в новинних матеріалах", "acc"),
    "photo_gallery_categories": ("створено", "{нова категорія} фотогалереї", "acc"),
    "videos_published": ("підготовлено", "{відеосюжет}", "acc"),
    "social_media_posts": ("опубліковано", "{допис} у соцмережах", "acc"),
    "open_data_documents": ("розміщено", "{документ} у розділі «Відкриті дані»", "acc"),
    "vetting_documents": ("розміщено", "{документ} у розділі «Перевірка посадових осіб»", "acc"),
    "site_subsections_created": ("створено", "{новий підрозділ} сайту", "acc"),
    "letters_received": ("зареєстровано", "{вхідний лист}", "acc", "in"),
    "letters_answered": ("надано", "{відповідь} на листи", "acc"),
    "public_info_requests": ("зареєстровано", "{запит} на публічну інформацію", "acc", "in"),
    "outgoing_documents": ("підготовлено", "{вихідний документ}", "acc"),
    "documents_on_control": ("обліковано", "{документ} на контролі", "acc"),
    "reports_to_region": ("підготовлено", "{звіт} до облдержадміністрації", "acc"),
    "situation_briefs": ("підготовлено", "{довідка} про суспільно-політичну ситуацію", "acc"),
    "draft_council_decisions": ("підготовлено", "{проєкт} [рішення|рішень] міської ради", "acc"),
    "draft_executive_decisions": ("підготовлено", "{проєкт} [рішення|рішень] виконкому", "acc"),
    "draft_mayor_orders": ("підготовлено", "{проєкт} [розпорядження|розпоряджень] міського голови", "acc"),
    "events_attended": ("відвідано", "{захід}", "acc"),
    "council_sittings_attended": ("відвідано", "{засідання} сесій і виконкому", "acc"),
    "commission_meetings_attended": ("відвідано", "{засідання} координаційних рад і комісій", "acc"),
    "seminars_attended": ("відвідано", "{семінар} та {тренінг}", "acc"),
    "event_scenarios": ("підготовлено", "{сценарний план} заходів", "acc"),
    "speeches_prepared": ("підготовлено", "{промова} та {виступ} міського голови", "acc"),
    "greetings_prepared": ("підготовлено", "{привітання} міського голови", "acc"),
    "media_coverage_requests": ("надіслано", "{заявка} на висвітлення діяльності", "acc"),
    "media_announcements_sent": ("надіслано до ЗМІ", "{анонс} подій", "acc", "Анонси подій до ЗМІ не надсилалися"),
    "press_events_organized": ("проведено", "{брифінг} та {прес-конференція}", "acc"),
    "greetings_published_in_press": ("опубліковано", "{привітання} в газеті", "acc"),
    "public_council_meetings": ("проведено", "{засідання} громадської ради", "acc"),
    "participatory_budget_rounds": ("проведено", "{процедура} громадського бюджету", "acc"),
    "pb_projects_submitted": ("подано", "{проєкт} на громадський бюджет", "acc", "in"),
    "pb_projects_on_ballot": ("допущено до голосування", "{проєкт} громадського бюджету", "acc",
                              "Проєкти громадського бюджету до голосування не допускалися"),
    "pb_voters": ("взяв участь|взяли участь", "{учасник} голосування за громадський бюджет", "nom",
                  "Жоден учасник голосування за громадський бюджет не взяв участь"),
    "petitions_submitted": ("зареєстровано", "{електронна петиція}", "acc", "in"),
    "petitions_collecting_signatures": ("обліковано", "{петиція} на збиранні підписів", "acc"),
    "party_cells_registered": ("зареєстровано", "{осередок} політичних партій", "acc"),
    "ngos_registered": ("зареєстровано", "{громадська організація}", "acc"),
    "religious_orgs_registered": ("зареєстровано", "{релігійна організація}", "acc"),
    "appeals_received": ("зареєстровано", "{звернення} громадян", "acc", "in"),
    "appeals_answered": ("розглянуто", "{звернення} громадян", "acc"),
    "citizens_appealed": ("звернувся|звернулися", "{громадянин}", "nom", "Жоден громадянин не звернувся"),
    "appeal_issues_raised": ("порушено у зверненнях", "{питання}", "acc", "Питання у зверненнях не порушувалися"),
    "public_info_requests_satisfied": ("задоволено", "{запит} на публічну інформацію", "acc"),
    "public_info_requests_explained": ("надано роз’яснення на", "{запит}", "acc"),
    "public_info_requests_refused": ("відмовлено у задоволенні", "{запит}", "gen", "Відмов у задоволенні запитів не було"),
    "public_info_requests_forwarded": ("направлено належному розпоряднику", "{запит}", "acc"),
    "public_info_requests_extended": ("продовжено строк розгляду", "{запит}", "gen"),
    "public_info_requests_pending": ("обліковано", "{запит} на розгляді", "acc"),
    "planning_extracts_issued": ("видано", "{витяг} з містобудівної документації", "acc"),
    "documents_flow_total": ("усього зареєстровано", "{документ} у документообігу", "acc"),
    "exec_committee_meetings": ("проведено", "{засідання} виконавчого комітету", "acc"),
    "exec_decisions_adopted": ("прийнято", "{рішення} виконавчого комітету", "acc"),
    "petitions_supported": ("зафіксовано", "{підтримана петиція}", "acc"),
    "petitions_failed": ("зафіксовано", "{непідтримана петиція}", "acc"),
    "petitions_answered": ("надано відповіді на", "{петиція}", "acc"),
    "pb_projects_rejected": ("відхилено", "{проєкт} громадського бюджету", "acc"),
    "pb_projects_reconsidered": ("повернуто на доопрацювання", "{проєкт} громадського бюджету", "acc",
                                 "Жоден проєкт не повернуто на доопрацювання"),
    "pb_projects_won": ("переміг|перемогли", "{проєкт} громадського бюджету", "nom",
                        "Не визначено жодного проєкту-переможця громадського бюджету"),
    "pb_project_votes": ("набрав окремий проєкт", "{голос}", "acc", "Голоси за окремий проєкт не віддавалися"),
    "pb_votes_cast": ("віддано", "{голос} за проєкти громадського бюджету", "acc"),
    "pb_authors": ("проєкти подав|проєкти подали", "{автор}", "nom", "Жоден автор не подав проєктів"),
    "public_consultations_held": ("проведено", "{громадське обговорення}", "acc"),
    "trade_unions_registered": ("зареєстровано", "{профспілка}", "acc"),
    "ngos_ceased": ("діяльність припинило|діяльність припинили", "{громадське об’єднання}", "nom",
                    "жодне громадське об’єднання не припинило діяльність"),
    "ngos_in_liquidation": ("обліковано", "{громадське об’єднання} в стані припинення", "acc"),
    "religious_denominations": ("представлено", "{конфесія} релігійних громад", "acc"),
    "social_media_followers": ("на офіційні сторінки підписався|на офіційні сторінки підписалися",
                               "{підписник}", "nom", "жоден підписник не підписався на офіційні сторінки"),
    "media_monitoring_digests": ("підготовлено", "{огляд} публікацій ЗМІ", "acc"),
    "online_broadcasts": ("організовано", "{онлайн-трансляція} засідань", "acc"),
}

_GROUP = re.compile(r"\{([^}]+)\}")
_CHOICE = re.compile(r"\[([^|\]]+)\|([^\]]+)\]")  # [one|more]: "1 проєкт рішення", "2 проєкти рішень"
_TO_DICT = str.maketrans({"’": "'"})


def _parses(word: str, pos: tuple[str, ...]) -> list:
    """The word's readings, the part of speech asked for and the word as its own lemma first."""
    w = word.translate(_TO_DICT)
    found = analyzer().parse(w)
    return sorted(found, key=lambda p: (p.tag.POS not in pos, p.normal_form != w))


def _form(word: str, pos: tuple[str, ...], grammemes: set[str]) -> str:
    """A word's form; of a hyphenated word the dictionary lacks, only the last part declines
    ("онлайн-трансляцій")."""
    if "-" in word and not _known(word):
        head, _, last = word.rpartition("-")
        return f"{head}-{_form(last, pos, grammemes)}"
    for p in _parses(word, pos):
        if (form := p.inflect(grammemes)) is not None:
            return form.word.replace("'", "’")
    raise ValueError(f"no {grammemes} form of {word!r}")


@functools.lru_cache(maxsize=4096)
def _known(word: str) -> bool:
    return any(p.is_known and p.tag.POS in ("NOUN", "ADJF") for p in analyzer().parse(word.translate(_TO_DICT)))


def _noun_tag(noun: str):
    word = noun if _known(noun) or "-" not in noun else noun.rpartition("-")[2]
    return next(p.tag for p in _parses(word, ("NOUN",)) if p.inflect({"plur", "gent"}))


def agree_group(words: str, case: str, number: str) -> str:
    """Adjectives and their noun (the last word) in a case ("nomn", "gent", "accs") and number."""
    *adjectives, noun = words.split()
    tag = _noun_tag(noun)
    gender = next((g for g in ("masc", "femn", "neut") if g in tag), "masc")
    animate = "anim" in tag
    noun_g = {case, "plur"} if number == "plur" else {case}
    out = [_form(noun, ("NOUN",), noun_g)]
    for adj in reversed(adjectives):
        if number == "plur":
            adj_case = "gent" if case == "accs" and animate else case
            out.insert(0, _form(adj, ("ADJF", "PRTF"), {"plur", adj_case}))
        else:
            adj_case = "nomn" if case == "accs" and gender != "femn" and not animate else case
            out.insert(0, _form(adj, ("ADJF", "PRTF"), {gender, adj_case}))
    return " ".join(out)


def counted(phrase: str, n: int, case: str) -> str:
    """The phrase as counted by n: "{вхідний лист}", 21, "acc" → "вхідний лист"."""
    kind = plural(n)
    if kind == "one":
        grammar = ({"acc": "accs", "gen": "gent", "nom": "nomn"}[case], "sing")
    elif kind == "few":
        grammar = ("gent", "plur") if case == "gen" else ("nomn", "plur")
    else:
        grammar = ("gent", "plur")
    phrase = _CHOICE.sub(lambda m: m.group(1 if kind == "one" else 2), phrase)
    return _GROUP.sub(lambda m: agree_group(m.group(1), *grammar), phrase)


def _verb(verb: str, n: int) -> str:
    one, _, many = verb.partition("|")
    return one if plural(n) == "one" or not many else many


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def figure_sentence(code: str, n: int, *, approximate: bool = False, as_of: str | None = None,
                    tail: str = "") -> str:
    """One figure as a sentence: "Оприлюднено 465 новин …", "Станом на 01.04.2021 зареєстровано 97
    осередків …"; a zero in words (see module doc). ``tail`` goes before the full stop."""
    verb, phrase, case, *rest = PHRASES[code]
    if n == 0:
        return _zero(verb, phrase, case, rest[0] if rest else "", as_of) + tail + "."
    lead = f"станом на {as_of} " if as_of else ""
    number = ("близько " if approximate else "") + format_number(n, "uk")
    return _cap(f"{lead}{_verb(verb, n)} {number} {counted(phrase, n, case)}") + tail + "."


def _zero(verb: str, phrase: str, case: str, zero: str, as_of: str | None) -> str:
    """A reported zero: "Вхідні листи не надходили", "Не підготовлено жодного проєкту …", and for
    a level "Станом на 01.04.2021: осередки політичних партій не зареєстровано"."""
    phrase = _CHOICE.sub(lambda m: m.group(2), phrase)
    plural_phrase = _GROUP.sub(lambda m: agree_group(m.group(1), "nomn", "plur"), phrase)
    if zero == "in":
        text = f"{plural_phrase} не надходили"
    elif zero:
        text = zero
    elif as_of:
        text = f"{plural_phrase} не {verb}"
    else:
        head = _noun_tag(_GROUP.search(phrase).group(1).split()[-1])
        gender = "femn" if "femn" in head else "neut" if "neut" in head else "masc"
        if verb.endswith(" на"):  # "не надано відповіді на жодну петицію"
            none = {"femn": "жодну", "neut": "жодне", "masc": "жоден"}[gender]
            words = _GROUP.sub(lambda m: agree_group(m.group(1), "accs", "sing"), phrase)
        else:
            none = "жодної" if gender == "femn" else "жодного"
            words = _GROUP.sub(lambda m: agree_group(m.group(1), "gent", "sing"), phrase)
        text = f"не {verb} {none} {words}"
    return f"Станом на {as_of}: {text}" if as_of else _cap(text)
