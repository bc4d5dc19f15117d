"""Which thing a number counts: the noun it goes with, and the metric the words around it name.

The *head* of a figure is the noun it counts: after the number ("408 інформаційних матеріали",
"1 – проєкт розпорядження", "з яких надано відповіді"), or before a dash or colon ("листів – 48",
"запитів: 12"), or before the verb when the number ends the clause ("запитів зареєстровано три").
A noun after a preposition ("у розділі", "від фізичних осіб") or in quotes is never a head;
"кількість" passes the role to the noun after it.

``best_match`` scores every catalog pattern that contains the head against the *context* (the
words of the figure's clause): a pattern counts only when all its words are there; its score is
the sum of its word weights. A pattern whose own head is another word ("відповідь на лист" for
"відповіді надано на 71 лист") needs that word before the counted noun. Ties go to the pattern
headed by the counted noun, then to the metric the noun names on its own (the general one); two
metrics still equal give no match (the number is reported unmatched, never guessed), whatever order
a set happens to iterate in.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from activity.months import MONTH_NAMES_UK, MONTH_NAMES_UK_GENITIVE, MONTH_NAMES_UK_LOCATIVE
from activity.morph import WordInfo, analyzer, lemma_keys, word_info
from etl.reports.lexicon import (
    AGENT_NOUNS,
    POINTING_WORDS,
    RELATIVE_WORDS,
    TRANSPARENT_NOUNS,
    UNIT_NOUNS,
    Pattern,
    bare_heads,
    catalog_adjectives,
    patterns,
    patterns_by_key,
    people_codes,
)
from etl.reports.tokens import Token

DELIMITERS = frozenset(",;:()!?.")
DASHES = frozenset("-–—−|")  # "|": between the cells of a table written as text
QUOTES_OPEN, QUOTES_CLOSE = frozenset("«„“\""), frozenset("»”\"")
PREPOSITIONS = frozenset(
    "у в на до для з із зі за про по під від щодо при через між над серед після перед біля крім "
    "окрім без протягом впродовж згідно відповідно".split()
)

Context = list[tuple[int, frozenset[str]]]  # (token position, lemma keys); lead-in positions < 0
BORROWED = -25_000  # positions below: words of the total a part belongs to, worth half
ADJACENT_BONUS = 0.5  # per pattern word standing next to the counted noun, in order


@dataclass(frozen=True)
class Match:
    code: str
    score: float
    aligned: bool  # the pattern is headed by the counted noun
    pattern: Pattern


def is_delimiter(t: Token) -> bool:
    return t.kind == "punct" and t.text in DELIMITERS


def is_dash(t: Token) -> bool:
    return t.kind == "punct" and t.text in DASHES


def info(t: Token) -> WordInfo | None:
    return word_info(t.text) if t.kind == "word" else None


def adjective_only(t: Token) -> bool:
    """An adjective that is no noun nor verb ("основна", "колективних")."""
    return bool((i := info(t)) and i.adjective and not i.noun and not i.verb)


def keys(t: Token) -> frozenset[str]:
    return lemma_keys(t.text) if t.kind == "word" else frozenset()


def _agree(a: WordInfo, b: WordInfo) -> bool:
    return bool(a.forms & b.forms) or not a.forms or not b.forms


def _noun_here(tokens: list[Token], j: int, end: int) -> bool:
    """Is tokens[j] the noun of its phrase (not an adjective before a noun that agrees)?"""
    a = info(tokens[j])
    if a is None or not a.noun or a.conjunction:  # "тоді як у ІІ кварталі": "як" is no yak
        return False
    if not a.adjective:
        return True
    if keys(tokens[j]) & catalog_adjectives():
        return False  # "вихідних – 2 931": the catalog's adjective with its noun left out
    nxt = info(tokens[j + 1]) if j + 1 < end else None
    return not (nxt and nxt.noun and _agree(a, nxt))


def _skip_quote(tokens: list[Token], j: int, end: int) -> int:
    depth = 0
    while j < end:
        t = tokens[j]
        if t.kind == "punct" and t.text in QUOTES_OPEN and not (t.text == '"' and depth):
            depth += 1
        elif t.kind == "punct" and t.text in QUOTES_CLOSE:
            depth -= 1
            if depth <= 0:
                return j + 1
        j += 1
    return j


def adjectives_listed(tokens: list[Token], j: int) -> bool:
    """A comma between two adjectives that agree, listed before their noun ("у 38 міських, районних та обласних
    заходах"): no end of the clause."""
    if tokens[j].text != "," or j == 0 or j + 1 >= len(tokens):
        return False
    a, b = info(tokens[j - 1]), info(tokens[j + 1])
    return bool(a and b and a.adjective and b.adjective and not a.noun and not b.noun and not a.verb and not b.verb
                and _agree(a, b))


def gloss(tokens: list[Token], o: int, end: int) -> bool:
    """ "27 місцевих осередків (міських організацій) політичних партій", "34 місцеві (міські) організації": a
    bracket of words only that glosses the word before it, inside a noun phrase that goes on after it (in
    the genitive after a noun; in any case after an adjective)."""
    if tokens[o].text != "(" or o == 0 or tokens[o - 1].kind != "word":
        return False
    c = next((j for j in range(o + 1, end) if tokens[j].text in "()"), None)
    if c is None or tokens[c].text != ")" or c + 1 >= end or tokens[c + 1].kind != "word" \
            or not all(t.kind == "word" for t in tokens[o + 1:c]):
        return False
    i = info(tokens[c + 1])
    return i is not None and (i.noun or i.adjective) and not i.verb and bool(i.forms) \
        and (any(case == "gent" for case, _ in i.forms) or adjective_only(tokens[o - 1]))


def right_head(tokens: list[Token], j: int, end: int, skip_verbs: bool = False) -> tuple[int | None, list[int]]:
    """(head, adjectives) of the phrase starting at ``j`` (after a number); head None if none.

    ``skip_verbs``: after "з них"/"з яких" the counted noun may follow a verb ("надано відповіді").
    """
    adjectives: list[int] = []
    while j < end and (is_dash(tokens[j]) or tokens[j].low == "це"):
        j += 1
    while j < end:
        t, a = tokens[j], info(tokens[j])
        if t.low == "станом" and j + 2 < end and tokens[j + 1].low == "на" and tokens[j + 2].kind == "mask":
            j += 3  # "за двома станом на 31.03.2025 збір підписів триває": when, not what is counted
            continue
        if a is None and adjectives and adjectives_listed(tokens, j):
            j += 1  # "38 міських, районних та обласних заходах"
            continue
        if t.low in POINTING_WORDS and j + 1 < end and tokens[j + 1].kind == "word":
            j += 1  # "39 таких довідок", "3 її засідання": the noun after the word that points back
            continue
        if a is not None and a.adjective and j + 1 < end and gloss(tokens, j + 1, end):
            adjectives.append(j)  # "34 місцеві (міські) організації": an adjective, its gloss, the noun after
            j = next(k for k in range(j + 1, end) if tokens[k].text == ")") + 1
            continue
        if a is None:
            return None, adjectives
        if t.low in UNIT_NOUNS and not adjectives:  # "– 96 одиниць": the unit counts what came before
            return None, adjectives
        if _noun_here(tokens, j, end):
            if keys(t) & TRANSPARENT_NOUNS and j + 1 < end and _noun_here(tokens, j + 1, end):
                j += 1  # "18 текстів виступів": the speeches are counted
                continue
            if keys(t) & AGENT_NOUNS and j + 1 < end and (b := info(tokens[j + 1])) and b.verb and not b.noun \
                    and not b.adjective and (skip_verbs or (a.forms and all(c == "nomn" for c, _ in a.forms))):
                # "з них відділ підготував відповіді", "на всі три міський голова надав відповіді": the subject
                # before its verb
                if not skip_verbs:
                    return None, []
                adjectives = []
                j += 1
                continue
            return j, adjectives
        if a.adjective and not a.verb:
            adjectives.append(j)
        elif adjectives and t.low in ("та", "і", "й", "або", "чи") and j + 1 < end \
                and (b := info(tokens[j + 1])) and b.adjective and not b.verb:
            pass  # "642 письмових та усних звернення"
        elif not (skip_verbs and not adjectives and (a.verb or not a.known or t.low in ("було", "ще"))):
            return None, adjectives
        j += 1
    return None, adjectives


def means(a: WordInfo | None) -> bool:
    """A word only in the instrumental ("поштою", "телефоном"): the means, never the counted thing."""
    return a is not None and bool(a.forms) and all(case == "ablt" for case, _ in a.forms)


PERIOD_WORDS = frozenset(MONTH_NAMES_UK + MONTH_NAMES_UK_GENITIVE + MONTH_NAMES_UK_LOCATIVE) | {
    "рік", "року", "році", "квартал", "кварталі", "кварталу", "місяць", "місяці", "тиждень", "тижні", "півріччя",
    "півріччі"}


_DATE = re.compile(r"\d{1,2}(?:\.\d{1,2}(?:\.\d{2,4})?|\s+[а-яіїєґ’']+(?:\s+\d{4})?)")  # a masked date


def left_head(tokens: list[Token], start: int, end: int) -> tuple[int | None, list[int]]:
    """(head, adjectives) of the first phrase in tokens[start:end] that no preposition governs and
    that is not the means ("Надійшло електронною поштою – 31": no head).

    Without a head, ``adjectives`` are those of an elliptic phrase ("вихідна – 19",
    "релігійних – 40"): adjectives before any noun.
    """
    governed = seen_noun = False
    adjectives: list[int] = []
    j = start
    while j < end:
        t = tokens[j]
        if t.kind == "punct" and t.text in QUOTES_OPEN:
            j = _skip_quote(tokens, j, end)
            continue
        a = info(t)
        if a is None:
            governed = governed and not (t.kind == "mask" and _DATE.fullmatch(t.text))  # "Станом на 30.06.2025 збір
            j += 1  # підписів …": the date is what "на" governs
            continue
        if t.low in PERIOD_WORDS and (governed or (j > start and (tokens[j - 1].text.isdigit() or tokens[j - 1].kind == "mask"))):
            governed = seen_noun = False  # "У жовтні 2019 року новин було 58", "За аналогічний період 2020 року
            # запитів було 33": a period says when, it takes no genitive
            j += 1
            continue
        if t.low in PREPOSITIONS or (a.preposition and not a.noun):
            governed = True
        elif a.verb and not a.noun and not a.adjective:
            governed = seen_noun = False  # "До ОДА направлено звітів – 57": past a verb, no genitive of the place
        elif not governed and means(a) and _noun_here(tokens, j, end):
            adjectives = [k for k in adjectives if not _agree(info(tokens[k]), a)]  # "електронною поштою"
        elif _noun_here(tokens, j, end):
            if not governed and not seen_noun:
                if keys(t) & TRANSPARENT_NOUNS:
                    j += 1
                    continue
                return j, adjectives
            governed, seen_noun = False, True
        elif a.adjective and not a.verb and not governed and not seen_noun:
            adjectives.append(j)
        j += 1
    return None, [] if seen_noun else adjectives


def context_of(tokens: list[Token], start: int, end: int, skip: set[int] = frozenset()) -> Context:
    """Lemma keys of the words in tokens[start:end]; a quoted document title («Про …») is left out."""
    out: Context = []
    j = start
    while j < end:
        t = tokens[j]
        if t.kind == "punct" and t.text in QUOTES_OPEN and j + 1 < end and tokens[j + 1].low == "про":
            j = _skip_quote(tokens, j, end)
            continue
        if t.kind == "word" and j not in skip:
            out.append((j, keys(t)))
        j += 1
    return out


def is_relative(tokens: list[Token], j: int) -> bool:
    """Does a relative clause start at ``j`` ("які …", "на які …", "з яких …")?"""
    if j >= len(tokens) or tokens[j].kind != "word":
        return False
    if keys(tokens[j]) & RELATIVE_WORDS:
        return True
    return tokens[j].low in PREPOSITIONS and j + 1 < len(tokens) and bool(keys(tokens[j + 1]) & {"який", "котрий"})


@functools.lru_cache(maxsize=4096)
def _people_word(word: str) -> bool:
    a = word_info(word)
    if a.animate:
        return True
    # a demonym ("канівців") also reads as a place name ("Канівці"): one plural reading for people
    # that is no name or surname is enough
    return any(p.tag.POS == "NOUN" and "anim" in p.tag and p.tag.number == "plur"
               and not {"Name", "Surn", "Patr", "Geox"} & set(p.tag.grammemes)
               for p in analyzer().parse(word.lower()))


def is_people(t: Token) -> bool:
    """A noun for people: "мешканців", "учасники", or a city's people ("канівців", "сумчан")."""
    return t.kind == "word" and _people_word(t.text) and not word_info(t.text).conjunction


def people_match(context: Context, counted: int | None = None) -> Match | None:
    """For a noun for people ("2 946 мешканців"): the metric counting people that the words name.

    With ``counted`` (the noun's position), a pattern headed by a noun for people ("звернулося
    громадян") may have that noun stand for its head ("звернулося 1 366 мешканців"), when at least
    one of its other words is there."""
    ranked = []
    for p in patterns():
        if p.code not in people_codes():
            continue
        present = [any(ws & ks for _, ks in context) for ws in p.words]
        whole = all(present)
        if not whole and counted is not None and len(p.words) > 1 and not present[p.head] \
                and word_info(p.text.split()[p.head]).animate \
                and all(ok for j, ok in enumerate(present) if j != p.head):
            present[p.head] = True
        if all(present):  # a wording found whole beats one whose noun for people stands in
            ranked.append((whole, p.score, p))
    if not ranked:
        return None
    ranked.sort(key=lambda r: (r[0], r[1]), reverse=True)
    top = ranked[0]
    rivals = {p.code for whole, score, p in ranked if whole == top[0] and abs(score - top[1]) < 1e-9}
    if len(rivals) > 1:
        return None  # people two metrics count equally: never a guess
    return Match(top[2].code, top[1], False, top[2])


def _adjacent(p: Pattern, slot: int, head_pos: int, context: Context) -> int:
    """How many of the pattern's words stand next to the counted noun, in the pattern's order
    ("засідань Громадської ради" for "засідання громадський рада"), one word of gap allowed."""
    count = 0
    for words, step in ((p.words[slot + 1:], 1), (p.words[:slot][::-1], -1)):
        at = head_pos
        for ws in words:
            near = [pos for pos, ks in context if ws & ks and 0 < (pos - at) * step <= 2]
            if not near:
                break
            at = min(near, key=lambda pos: abs(pos - at))
            count += 1
    return count


def best_match(head: frozenset[str], head_pos: int, context: Context,
               must_use: frozenset[str] = frozenset(), refuse: frozenset[str] = frozenset()) -> Match | None:
    """The best pattern containing ``head`` whose other words are all in ``context`` (of a metric not in
    ``refuse``)."""
    index = patterns_by_key()
    candidates = {p for k in head for p in index.get(k, ()) if p.code not in refuse}
    general = {c for k in head for c in bare_heads().get(k, ())}
    ranked: list[tuple[float, bool, bool, Pattern]] = []
    for p in candidates:
        slots = [j for j, ws in enumerate(p.words) if ws & head]
        if not slots:
            continue
        slot = p.head if p.head in slots else slots[0]
        score, ok = p.weights[slot], True
        for j, ws in enumerate(p.words):
            if j == slot:
                continue
            places = [pos for pos, ks in context if pos != head_pos and ws & ks]
            if not places or (j == p.head and min(places) > head_pos):
                ok = False
                break
            # a word of the sentence counts whole; one of its lead-in, title or section a little more than half
            # ("Електронні петиції." over "надано відповіді на 4 петиції": answered, not submitted); one borrowed
            # from a total, half
            score += p.weights[j] * (1.0 if max(places) >= 0 else 0.6 if max(places) > BORROWED else 0.5)
        if ok and must_use and not any(ws & must_use for ws in p.words):
            ok = False
        if ok:
            if slot == p.head and head_pos >= 0:
                score += ADJACENT_BONUS * _adjacent(p, slot, head_pos, context)
            ranked.append((score, slot == p.head, p.code in general, p))
    if not ranked:
        return None
    # an adjective right before the counted noun, when some pattern has it, rules out those without it whose
    # other words all come from outside the sentence: "громадську організацію" under a lead-in on
    # "політичними партіями" stays an NGO
    before = [ks for pos, ks in context if pos == head_pos - 1] if head_pos >= 0 else []
    if before and any((i := word_info(k)) is not None and i.adjective and not i.verb for k in before[0]):
        def has_it(p: Pattern) -> bool:
            return any(ws & before[0] for ws in p.words if not ws & head)

        def own_words(p: Pattern) -> bool:
            return any(pos >= 0 and pos != head_pos and ws & ks for ws in p.words if not ws & head for pos, ks in context)

        if any(has_it(r[3]) for r in ranked):
            ranked = [r for r in ranked if has_it(r[3]) or own_words(r[3])]
    # ties: a pattern that counts people, met through a word that is no person ("авторам поверталося 23
    # проєкти"), comes last; then a fixed order (the pattern's code and words), never the order of a set
    def indirect(r: tuple) -> bool:
        return r[3].code in people_codes() and not r[1]

    ranked.sort(key=lambda r: (-r[0], not r[1], not r[2], indirect(r), r[3].code, r[3].text))
    top = ranked[0]
    rivals = {r[3].code for r in ranked
              if abs(r[0] - top[0]) < 1e-9 and r[1] == top[1] and r[2] == top[2] and indirect(r) == indirect(top)}
    if len(rivals) > 1:
        return None  # two metrics fit the words equally: the number stays unmatched, never a guess
    return Match(top[3].code, top[0], top[1], top[3])
