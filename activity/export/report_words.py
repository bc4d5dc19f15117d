"""The sentences of the written report: every metric's figure as Ukrainian officialese with the
numeral agreeing with its noun, inflected with pymorphy3 (``activity.morph``).

Each metric's sentence is in the catalog (``activity/metrics.toml``, ``sentence``): a verb and the
counted words, the words in braces inflected by the count ("{вхідний лист}" → "21 вхідний лист",
"2 вхідні листи", "5 вхідних листів"), the rest kept as written.
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

from activity.catalog import get_metric
from activity.formatting import format_number
from activity.i18n import plural
from activity.morph import analyzer

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
    said = get_metric(code).sentence
    verb, phrase, case = said.verb, said.words, said.case
    if n == 0:
        return _zero(verb, phrase, case, said.zero, as_of) + tail + "."
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
