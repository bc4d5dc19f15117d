"""What every rule of the figure finder shares: the figure found (``Found``), and the word lists
and small token tests that more than one rule module asks (part markers, where a clause starts, a
verb, a bracket, a month or quarter clause, a sum word, the confidence of a match).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from activity.months import MONTH_NAMES_UK, MONTH_NAMES_UK_LOCATIVE
from etl.reports.lexicon import DIMENSION_WORDS, PART_AFTER, patterns
from etl.reports.match import (
    PERIOD_WORDS,
    QUOTES_CLOSE,
    Context,
    Match,
    best_match,
    context_of,
    info,
    is_dash,
    is_delimiter,
    is_people,
    keys,
    means,
)
from etl.reports.numbers import Number
from etl.reports.tables import row_period
from etl.reports.tokens import Sentence, Token


@dataclass
class Found:
    code: str
    value: int
    sentence: Sentence
    pos: int  # index of the number's first token in sentence.tokens
    how: str  # after | before | ellipsis | part | item | item line | negation | compared
    approximate: bool = False
    confidence: float = 0.0
    breakdown: str | None = None
    total: Found | None = None
    head: frozenset[str] = frozenset()
    head_text: str = ""
    head_pos: int | None = None  # the counted noun's token in the sentence, if it has one
    context: Context = field(default_factory=list)
    span: tuple[int, int] = (0, 0)  # the clause, token indices
    lead: int = 0  # first token of the number phrase ("понад 40")
    number_words: bool = False
    as_of: date | None = None  # set for stocks by etl.reports.extraction


EDGE_WORDS = frozenset({"і", "й", "та", "а", "також", "ще", "це"})


def marker_length(tokens: list[Token], end: int, markers) -> int:
    """Length of a marker sequence ending just before ``end`` (0 if none)."""
    for seq in markers:
        a = end - len(seq)
        if a >= 0 and all(tokens[a + i].low == w for i, w in enumerate(seq)):
            return len(seq)
    return 0


def marker_after(tokens: list[Token], start: int) -> int:
    for seq in PART_AFTER:
        if all(start + i < len(tokens) and tokens[start + i].low == w for i, w in enumerate(seq)):
            return len(seq)
    return 0


def breakdown_words(tokens: list[Token], a: int, b: int, skip: set[int]) -> str:
    """The words that tell a part from its total ("від фізичних осіб"), conjunctions trimmed."""
    words = [t.text for j, t in enumerate(tokens[a:b], start=a) if t.kind == "word" and j not in skip]
    while words and (words[0].lower() in EDGE_WORDS or words[0].lower() in TOP_WORDS or words[0].lower() in SUM_WORDS):
        words.pop(0)
    while words and words[-1].lower() in EDGE_WORDS:
        words.pop()
    return " ".join(words)


_LINE_WORDS = frozenset({"лінія", "лінії", "лінію", "лінією", "номер", "номером", "номеру"})


def line_number(tokens: list[Token], n: Number) -> bool:
    """ "урядову «гарячу лінію» 1545", "за номером 1580": the number right after a line or a number is
    what it is called, never a count (digits only)."""
    j = n.lead - 1
    if j >= 0 and tokens[j].text in QUOTES_CLOSE:
        j -= 1
    return not n.words and j >= 0 and tokens[j].low in _LINE_WORDS


SAME = object()
# Verbs that only say a thing is there ("у реєстрі залишаються 9 об’єднань, які …"): the relative
# clause after the noun says what it is.
STATIVE_VERBS = frozenset({"є", "залишаються", "залишається", "залишилося", "залишилось", "налічується",
                           "налічуються", "нараховується", "обліковується", "обліковуються",
                           "налічувалось", "налічувалося", "налічувалися", "налічувались", "нараховувалося",
                           "нараховувалось", "обліковувалося", "обліковувалось", "обліковувалися"})
# "порушено 96 питань, найбільше – щодо освіти (28), …": words that open the biggest parts of a total
TOP_WORDS = frozenset({"найбільше", "найчастіше", "переважно", "здебільшого", "зокрема"})
SUM_WORDS = frozenset({"усього", "всього", "разом", "загалом"})
AND = frozenset({"та", "і", "й", "а"})


def bracketed_aside(tokens: list[Token], pos: int, until: int) -> bool:
    """The figure at ``pos`` stands in brackets of its own words closed before ``until`` ("зареєстровано 6 418
    документів (у 2019 році — 5 902), з них вхідних – 3 655"): an aside, most often the figure of another
    period, that "з них" after the brackets never takes as its total."""
    opened = max((j for j in range(pos) if tokens[j].text in "()"), default=None)
    if opened is None or tokens[opened].text != "(":
        return False
    closed = next((j for j in range(pos + 1, until) if tokens[j].text == ")"), None)
    # "новини (27), з них із фото (19)": a number alone in brackets is its noun's figure, not an aside, unless it
    # follows a number or the period it is compared with ("– 412 (1 987)", "ніж у вересні (1 702)")
    return closed is not None and (any(t.kind == "word" for t in tokens[opened + 1:closed]) or opened > 0 and (
        tokens[opened - 1].kind == "num" or tokens[opened - 1].low in PERIOD_WORDS))


def clause_joint(tokens: list[Token], j: int, nxt: int) -> bool:
    """Does "та"/"і" at ``j`` join a new clause with its own verb before the next number ("… засідань
    виконкому та прийнято 123 рішення")? Then the verb belongs to that number, not to this one."""
    if tokens[j].low not in ("та", "і", "й", "а") or j + 1 >= nxt or tokens[j + 1].kind != "word":
        return False
    w = info(tokens[j + 1])
    return bool(w and w.verb and not w.noun)


def verb_only(t: Token) -> bool:
    return bool((i := info(t)) and i.verb and not i.noun and not i.adjective)


def segment_start(tokens: list[Token], k: int) -> int:
    return max((j + 1 for j in range(k) if is_delimiter(tokens[j])), default=0)


def dash_after(tokens: list[Token], j: int) -> bool:
    return j < len(tokens) and (is_dash(tokens[j]) or tokens[j].text == ":")


def metric_words(code: str) -> frozenset[str]:
    return frozenset(k for p in patterns() if p.code == code for ws in p.words for k in ws)


MONTH_WORDS = frozenset(MONTH_NAMES_UK) | frozenset(MONTH_NAMES_UK_LOCATIVE)


def month_clause(tokens: list[Token], a: int, b: int) -> bool:
    """Is the clause before the number a month or a quarter ("у жовтні –", "січень:", "I кв. –", "Iкв. –")?"""
    words = [t.low for t in tokens[a:b] if t.kind == "word"]
    while len(words) > 2 and words[0] in ("а", "і", "й", "та", "ще", "вже", "лише", "тільки"):
        words = words[1:]  # "а у березні вже 655"
    words = [w for w in words if w not in ("вже", "ще", "лише", "тільки")]
    if len(words) > 2 and words[-1] == "відповідно":  # "у липні та серпні – відповідно 146 і 131"
        words = [w for w in words[:-1] if w not in ("та", "і", "й")]
        return words[0] in ("у", "в") and len(words) > 2 and all(w in MONTH_WORDS for w in words[1:])
    return (len(words) == 2 and words[0] in ("у", "в") and words[1] in MONTH_WORDS) or (
        len(words) == 1 and words[0] in MONTH_WORDS) or quarter_clause(tokens[a:b])


def quarter_clause(tokens: list[Token]) -> bool:
    """ "I кв. –", "ІІІкв. –", "у ІІ кварталі –": a quarter (or a half-year) before a number, no other words."""
    words = [t.text for t in tokens if t.kind == "word"]
    return 0 < len(words) <= 3 and any(w.lower().endswith(("кв", "квартал", "кварталі", "півріччя", "півріччі"))
                                       for w in words) and (p := row_period(" ".join(words))) is not None \
        and p.granularity in ("quarter", "half_year")


def colon_lead_match(tokens: list[Token], before: int) -> tuple[Match, int] | None:
    """The metric the words before the last colon name ("Найактуальніші питання у зверненнях:")."""
    colon = max((j for j in range(before) if tokens[j].text == ":"), default=None)
    if colon is None:
        return None
    start = max((j + 1 for j in range(colon) if is_delimiter(tokens[j])), default=0)
    context = context_of(tokens, start, colon)
    for j in range(start, colon):
        a = info(tokens[j])
        if keys(tokens[j]) & DIMENSION_WORDS and j + 1 < colon and is_people(tokens[j + 1]):
            continue  # "Від окремих категорій громадян:": how the total splits, no category of photos
        if tokens[j].kind == "word" and a and a.noun and (m := best_match(keys(tokens[j]), j, context)):
            return m, j
    return None


def lead_nouns(tokens: list[Token], a: int, b: int) -> list[int]:
    """The nouns of a lead-in line that may name what its list counts: all but those of a split "за"
    with a noun in the instrumental ("Розподіл релігійних громад за конфесіями": communities, by
    denomination; "За категорією запитувачів отримано запитів:": requests)."""
    out = []
    j = a
    while j < b:
        t = tokens[j]
        if t.low == "за" and j + 1 < b and any(means(info(u)) for u in tokens[j + 1:j + 3] if u.kind == "word"):
            j += 1  # the split: "за категорією запитувачів", all of it
            while j < b and (i := info(tokens[j])) and not i.verb \
                    and (means(i) or any(case == "gent" for case, _ in i.forms)):
                j += 1
            continue
        if t.kind == "word" and (i := info(t)) and i.noun:
            out.append(j)
        j += 1
    return out


def alone_in_brackets(tokens: list[Token], n: Number) -> bool:
    """ "(31)", or "(2: пленарне засідання та засідання виконкому)": a number that opens its bracket
    and is all of it, or is followed by what it counts."""
    return 0 < n.lead and n.end < len(tokens) and tokens[n.lead - 1].text == "(" and tokens[n.end].text in "):"


_REPORTING_VERBS = frozenset({"повідомляє", "інформує", "доповідає", "звітує"})


def has_verb(tokens: list[Token]) -> bool:
    """A verb that says what happened ("розроблено", "оприлюднено"), not "відділ повідомляє:"."""
    return any(t.kind == "word" and t.low not in _REPORTING_VERBS and (i := info(t)) and i.verb and not i.noun
               and not i.adjective for t in tokens)


WHEN_WORDS = frozenset({"станом", "році", "року", "роках", "кварталі", "кварталу", "півріччі", "півріччя",
                        "місяці", "місяців", "тижні", "період", "періоді", "і", "іі", "ііі", "іv", "i", "ii", "iii",
                        "iv", "минулому", "попередньому", "аналогічному", "торік", "минулого", "попереднього",
                        "аналогічного", "р", "рр",
                        # "у порівнянні з ІІ кварталом 2024 року (398)"
                        "кварталом", "півріччям", "періодом", "місяцем", "тижнем", "квартал"}) | frozenset(MONTH_NAMES_UK_LOCATIVE)


def match_confidence(m: Match, how: str, words: bool) -> float:
    c = 0.95
    c -= {"after": 0.0, "before": 0.05, "ellipsis": 0.15}.get(how, 0.1)
    c -= 0.05 if words else 0.0
    c -= 0.0 if m.aligned else 0.1
    c -= 0.15 if m.score < 0.3 else 0.0
    return round(max(0.3, c), 2)
