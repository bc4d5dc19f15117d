"""Ukrainian word forms, through pymorphy3 and its Ukrainian dictionary: for reading reports and
for matching the names officials give things (departments).

Everything the figure finder asks about a word goes through here, cached:

* ``lemma_keys(word)``: every dictionary form the word may be a form of ("листів" -> лист,
  "громадську" -> громадський, громадська), plus the word itself. An impersonal verb form
  ("подано", "допущено", "взято") also gives the passive participle it is built from ("поданий",
  "допущений", "взятий"), so "подано 17 проєктів" meets the catalog's "поданий проєкт".
  Spelling variants of one word meet: "проект"/"проєкт", "веб-сайт"/"вебсайт", "відео-ролик"/"відеоролик".
  A word joining a Latin name to a Ukrainian one ("Telegram-каналі") also gives both parts, and a
  network written in Cyrillic ("телеграм-каналі", "фейсбук") its Latin name.
* ``word_info(word)``: the parts of speech and the (case, number) pairs a word may take.
* ``number_word(word)``: the value of a numeral in any case ("дві", "одного", "п’яти" -> 2, 1, 5),
  from the dictionary's own paradigms of the base numerals.

Apostrophes: the dictionary spells them "'", the catalog "’"; keys come back with "’". A word typed with a
Latin lookalike letter ("релiгiйнi") is read as spelled right; keys come without the apostrophe too,
so a word typed without it ("обєднань") meets the catalog's.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_TO_DICT = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'", "´": "'"})
_NOT_A_HEAD = {"Surn", "Name", "Patr", "Geox", "voct"}  # proper names and a vocative ("уже") are never the counted thing

# Base numerals whose paradigms (every case) the dictionary supplies.
_BASE_NUMERALS = {
    "один": 1, "два": 2, "три": 3, "чотири": 4, "п'ять": 5, "шість": 6, "сім": 7, "вісім": 8,
    "дев'ять": 9, "десять": 10, "одинадцять": 11, "дванадцять": 12, "тринадцять": 13,
    "чотирнадцять": 14, "п'ятнадцять": 15, "шістнадцять": 16, "сімнадцять": 17,
    "вісімнадцять": 18, "дев'ятнадцять": 19, "двадцять": 20, "тридцять": 30, "сорок": 40,
    "п'ятдесят": 50, "шістдесят": 60, "сімдесят": 70, "вісімдесят": 80, "дев'яносто": 90,
    "сто": 100, "двісті": 200, "триста": 300, "чотириста": 400, "п'ятсот": 500,
    "шістсот": 600, "сімсот": 700, "вісімсот": 800, "дев'ятсот": 900,
}  # fmt: skip


@functools.cache
def analyzer():
    """The Ukrainian analyser, loaded once (about 0.2 s)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk")


@dataclass(frozen=True)
class WordInfo:
    noun: bool  # may be a common noun (the counted thing)
    adjective: bool  # adjective or participle
    verb: bool  # any verb form, impersonal "-но/-то" included
    preposition: bool
    conjunction: bool
    forms: frozenset[tuple[str, str]]  # (case, number) pairs of its noun and adjective readings
    known: bool
    animate: bool = False  # a noun for people ("мешканців", "учасники")


# Typing noise: a Latin letter that looks Cyrillic inside a Ukrainian word ("релiгiйнi").
_LATIN_LOOKALIKES = str.maketrans("aceiopxyk", "асеіорхук")


@functools.lru_cache(maxsize=65536)
def _dict_form(word: str) -> str:
    w = word.lower().translate(_TO_DICT)
    if re.search(r"[a-z]", w) and re.search(r"[а-яіїєґ]", w) and not re.search(r"[a-z]{2}", w):
        w = w.translate(_LATIN_LOOKALIKES)
    return w


# Networks written in Cyrillic ("телеграм-каналі", "фейсбук") meet their Latin names.
_NETWORKS = {"телеграм": "telegram", "фейсбук": "facebook", "інстаграм": "instagram", "ютуб": "youtube",
             "вайбер": "viber", "тікток": "tiktok"}
NETWORK_NAMES = frozenset(_NETWORKS.values())  # the networks' Latin names, as words are keyed


def _variants(key: str) -> set[str]:
    out = {key, key.replace("’", "")}  # "обєднань", "звязків": the apostrophe left out (the dictionary allows it)
    head, dash, rest = key.partition("-")
    if head in _NETWORKS:  # "телеграм-канал": the network's Latin name, and the rest on its own
        out |= {_NETWORKS[head], f"{_NETWORKS[head]}{dash}{rest}"} | ({rest} if rest else set())
    if re.fullmatch(r"[а-яіїєґ’]+-[а-яіїєґ’]+", key):
        out.add(key.replace("-", ""))  # "веб-сайт"/"вебсайт", "відео-ролик"/"відеоролик"
    if "проект" in key:
        out.add(key.replace("проект", "проєкт"))
    if "проєкт" in key:
        out.add(key.replace("проєкт", "проект"))
    return out


# the first halves of hyphenated words whose second half says what they are: "е-петиції" are petitions
_PREFIX_WORDS = frozenset({"е", "онлайн", "офлайн", "інтернет", "веб", "відео", "фото", "медіа", "теле"})


@functools.lru_cache(maxsize=65536)
def lemma_keys(word: str) -> frozenset[str]:
    """Every dictionary form ``word`` may be a form of, and the word itself (see module doc)."""
    w = _dict_form(word)
    keys: set[str] = {w}
    parses = analyzer().parse(w)
    for p in parses:
        keys.add(p.normal_form)
        if "Impe" in p.tag and len(w) > 3 and w[-1] == "о":
            keys.add(w[:-1] + "ий")  # "подано" -> "поданий": the participle the form is built on
    if "-" in w and (re.search(r"[a-z]", w) or w.split("-")[0] in _PREFIX_WORDS) \
            and not any(p.is_known for p in parses):  # "telegram-каналі"; "е-петиції", "онлайн-голосуванні": the
        for part in w.split("-")[0 if re.search(r"[a-z]", w) else -1:]:  # second half only (no "онлайн" alone)
            if part:
                keys |= {p.normal_form for p in analyzer().parse(part)} | {part}
    out: set[str] = set()
    for k in keys:
        out |= _variants(k.replace("'", "’"))
    return frozenset(out)


@functools.lru_cache(maxsize=65536)
def word_info(word: str) -> WordInfo:
    w = _dict_form(word)
    parses = analyzer().parse(w)
    noun = adjective = verb = prep = conj = False
    animacy: set[bool] = set()
    forms: set[tuple[str, str]] = set()
    for p in parses:
        tag = p.tag
        pos = tag.POS
        if pos == "NOUN" and not (_NOT_A_HEAD & set(tag.grammemes)):
            noun = True
            animacy.add("anim" in tag)
        elif pos in ("ADJF", "PRTF"):
            adjective = True
        elif pos in ("VERB", "INFN", "GRND") or "Impe" in tag:
            verb = True
        elif pos == "PREP":
            prep = True
        elif pos == "CONJ":
            conj = True
        if pos in ("NOUN", "ADJF", "PRTF") and tag.case:
            forms.add((tag.case, tag.number or ("sing" if tag.gender else "plur")))
    known = any(p.is_known for p in parses)
    if not known and w.isascii() and w.isalpha():
        noun = True  # a Latin name such as Facebook reads as a noun
    return WordInfo(noun, adjective, verb, prep, conj, frozenset(forms), known, animacy == {True})


@functools.cache
def _numeral_table() -> dict[str, int]:
    table: dict[str, int] = {}
    morph = analyzer()
    for base, value in _BASE_NUMERALS.items():
        for p in morph.parse(base):
            if p.tag.POS == "NUMR" and p.normal_form == base:
                for form in p.lexeme:
                    table.setdefault(form.word, value)
        table.setdefault(base, value)
    return table


def number_word(word: str) -> int | None:
    """The value of a cardinal numeral in any case and gender, else None."""
    return _numeral_table().get(_dict_form(word))


def nominative(word: str) -> str:
    """The dictionary form (nominative singular) of a noun ("відділу" -> "відділ")."""
    w = _dict_form(word)
    for p in analyzer().parse(w):
        if p.tag.POS == "NOUN" and not (_NOT_A_HEAD & set(p.tag.grammemes)):
            return p.normal_form.replace("'", "’")  # the dictionary form is the nominative
    return word
