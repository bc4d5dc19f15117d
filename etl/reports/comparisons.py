"""Comparisons and pointers back: a number compared with an earlier time ("проти 190 у 2025
році", "торік – 41"), and a pronoun or a copula that stands for a figure or a noun named
before ("їх", "цього", "з них були …").
"""

from __future__ import annotations

from etl.reports.found import AND, WHEN_WORDS, Found, has_verb
from etl.reports.lexicon import COPULAS
from etl.reports.match import Context, Match, best_match, context_of, info, is_dash, keys, means
from etl.reports.numbers import Number
from etl.reports.tokens import Token

# "Далі – громадські обговорення. Їх відбулося п’ять": "їх" after a sentence with no figure names its noun;
# "опрацювала листи-заявки редакцій, таких надійшло 4": "таких" the same, of the clause's head noun.
THEM = frozenset({"їх", "таких"})
_SUCH = frozenset({"таких"})
_THIS = frozenset({"цей", "цього", "той", "ця", "даний", "дана", "зазначений", "зазначена", "їхня", "їхній", "їх"})
_COMPARING = frozenset({"проти", "ніж", "порівняно", "порівнянні", "порівнянням", "тоді", "як", "з", "із", "зі", "у",
                        "в", "за", "на", "що", "це", "більше", "менше", "було", "був", "була", "становив", "становила",
                        "становило", "склав", "склала", "склало", "раніше", "роком", "для", "порівняння",
                        "налічувалося", "налічувалось", "налічувалися", "налічувались", "їх"})
_ROMAN = frozenset("ivxіх")
_VERSUS = frozenset({"проти", "ніж", "порівняно", "порівнянні"})
EARLIER = frozenset({"торік", "минулого", "минулому", "попереднього", "попередньому", "аналогічного", "аналогічному",
                     "аналогічний", "аналогічним", "відповідному", "відповідного", "відповідний", "відповідним", "раніше", "роком"})


def compared(tokens: list[Token], n: Number, before: list[Found]) -> Found | None:
    """The figure before a number that only compares with it at an earlier time: between them and up to the
    clause's end only words of comparing ("проти", "ніж", "що на 22 більше") and of time ("торік", "у
    ІІІ кварталі 2024 року"), one of them naming an earlier time. ``before`` may end with the last figure
    of the sentence before, when this one opens with "Це" ("Це менше, ніж у грудні (168)")."""
    then = next((f for f in reversed(before) if f.total is None), None)
    if then is None:
        return None
    if then.sentence.tokens is not tokens:  # "Надійшло 142 звернення. Це менше, ніж у грудні 2025 року (168)"
        if not tokens or tokens[0].low != "це":
            return None
        start = 0
    else:
        start = next((j for j in range(then.pos + 1, n.lead) if tokens[j].kind == "punct" or tokens[j].low in _VERSUS),
                     n.lead)
    end = next((j for j in range(n.end, len(tokens)) if tokens[j].text in ",;:" or is_dash(tokens[j])), len(tokens))
    between = [(j, t) for j, t in enumerate(tokens[start:end], start=start) if not n.lead <= j < n.end]
    earlier = any(t.low in EARLIER or t.mask in ("year", "date") or t.low in WHEN_WORDS - AND for _, t in between)
    plain = all(t.kind in ("punct", "mask") or t.low in _COMPARING or t.low in EARLIER or t.low in WHEN_WORDS
                or set(t.low) <= _ROMAN  # "ніж у III кварталі (81)"
                or (t.kind == "num" and tokens[j - 1].low == "на")
                or (j > 1 and tokens[j - 1].kind == "num" and tokens[j - 2].low == "на")  # "на 27 звернень більше"
                for j, t in between)
    labelled = is_dash(tokens[n.lead - 1]) and any(t.low in EARLIER for _, t in between)  # "за аналогічний
    # період 2018 року – 497": a dash after words that name an earlier time
    versus = any(t.low in _VERSUS or t.text == "(" or (t.low == "як" and tokens[j - 1].low == "тоді")  # "тоді як"
                 for j, t in between)
    return then if earlier and plain and (labelled or versus) else None


def range_start(tokens: list[Token], n: Number, before: list[Found]) -> Found | None:
    """ "кількість поданих проєктів збільшилася з 187 у 2020 році до 214 у 2021-му": the figure a change
    started from, when only "до" and words of time stand between it and the number it changed to."""
    then = next((f for f in reversed(before) if f.total is None), None)
    if then is None or n.lead < 2 or tokens[n.lead - 1].low != "до" or then.lead < 1 \
            or tokens[then.lead - 1].low not in ("з", "із", "зі"):
        return None
    between = tokens[then.pos + 1:n.lead - 1]
    return then if all(t.kind in ("punct", "mask") and t.text not in ";:" or t.low in WHEN_WORDS or t.low in EARLIER
                       or t.low in ("у", "в")
                       for t in between) else None


def points_back(tokens: list[Token]) -> bool:
    """ "їх", "цей показник", "їхня кількість": words that stand for a noun named before; "таких" only with a
    verb of its own ("таких надійшло 4"; "відповіла, що таких 5" may count what no metric counts)."""
    return any(t.low in THEM and (t.low not in _SUCH or has_verb(tokens[k + 1:])) or (t.low in _THIS and k + 1 < len(tokens)
                                 and tokens[k + 1].low.startswith(("показник", "кількіст")))
               for k, t in enumerate(tokens))


def antecedent(tokens: list[Token], a: int, context: Context, earlier: list[Found], end: int | None = None,
               prior: list[Token] | None = None) -> tuple | None:
    """(code, head, head text) of what a pronoun between tokens[a] and tokens[end] stands for: the nearest
    noun of its own sentence that names a metric ("Із громадськими організаціями (… їх у громаді 57)"), else
    of the sentence before when that one has no figure (``prior``: "І насамкінець – громадські обговорення.
    За дев’ять місяців їх проведено 5"), else the figure before it. "таких" stands for a head noun, never one
    that only depends on another in the genitive ("листи-заявки редакцій щодо висвітлення заходів, таких
    надійшло 4": the letters)."""
    context = context + [(j - 20_000, k) for j, k in context_of(tokens, 0, a)]
    such = any(t.low in _SUCH for t in tokens[a:end])
    for j in range(a - 1, -1, -1):
        t = tokens[j]
        if such and (i := info(t)) and i.noun and i.forms and all(c == "gent" for c, _ in i.forms):
            continue
        if t.kind == "word" and (i := info(t)) and i.noun and (m := best_match(keys(t), j - 20_000, context)):
            return m.code, keys(t), t.text
    if prior and (near := prior_noun(prior)) is not None:
        return near
    ante = next((f for f in reversed(earlier) if f.total is None and f.head), None)
    return (ante.code, ante.head, ante.head_text) if ante is not None else None


def prior_noun(prior: list[Token]) -> tuple | None:
    """(code, head, head text) of the last noun that names a metric in a sentence without figures."""
    for j in range(len(prior) - 1, -1, -1):
        t = prior[j]
        if t.kind == "word" and (i := info(t)) and i.noun and (m := best_match(keys(t), j, context_of(prior, 0, len(prior)))):
            return m.code, keys(t), t.text
    return None


def predicate_match(tokens: list[Token], start: int, end: int) -> Match | None:
    """ "…, 2 листа з яких є запитами на публічну інформацію": a noun in the instrumental after a copula in the
    figure's clause says what the things counted are."""
    j = next((j for j in range(start, end - 1) if tokens[j].low in COPULAS), None)
    if j is None or not means(a := info(tokens[j + 1])) or not a.noun:
        return None
    return best_match(keys(tokens[j + 1]), j + 1, context_of(tokens, j + 1, end))
