"""One number's figure: which metric a number counts by the words of its clause and its context
(``number_figure``): the counted noun after or before it, the lead-in line and the item title, a
colon's lead, a relative clause, a verb without a noun, an ellipsis that borrows an earlier
noun, and the clause rules that refuse a number.
"""

from __future__ import annotations

import re

from activity.catalog import METRICS
from activity.morph import word_info
from etl.reports.comparisons import (
    EARLIER,
    THEM,
    antecedent,
    compared,
    points_back,
    predicate_match,
    prior_noun,
    range_start,
)
from etl.reports.found import (
    AND,
    MONTH_WORDS,
    STATIVE_VERBS,
    SUM_WORDS,
    TOP_WORDS,
    WHEN_WORDS,
    Found,
    alone_in_brackets,
    breakdown_words,
    clause_joint,
    colon_lead_match,
    dash_after,
    has_verb,
    lead_nouns,
    marker_after,
    marker_length,
    match_confidence,
    metric_words,
    month_clause,
    quarter_clause,
    segment_start,
    verb_only,
)
from etl.reports.lexicon import (
    ABOUT_VERBS,
    ACROSS_FAMILIES,
    ATTENDED_AS,
    BROADCAST_STEMS,
    CASE_NOUNS,
    CHANGE_WORDS,
    CIVIL_STOCKS,
    DRAFT_OF,
    FAMILY_NOUNS,
    FAMILY_OF,
    ILLUSTRATE_VERBS,
    INTERNAL,
    INTERNAL_AS,
    INTERNAL_KIND,
    NAME_HEADINGS,
    NEGATED_CODES,
    NEW_WORDS,
    NOT_CASES,
    NOT_WHEN_PENDING,
    OTHER_BODY,
    PART_AFTER,
    PART_BEFORE,
    PART_STAYS,
    PENDING_WORDS,
    PEOPLE_UNITS,
    PLAN_WORDS,
    POINTING_TO_THINGS,
    POINTING_WORDS,
    PUBLISH_VERBS,
    PUBLISHED_AS,
    QUOTED_NAME_CODES,
    RECEIVED_AS,
    RECEIVED_WORDS,
    REFUSAL_WORDS,
    REFUSED_AS,
    REFUSED_CASES,
    REGISTRY_VERBS,
    REST_WORDS,
    SEND_VERBS,
    SENDER_NOUNS,
    SENT_THINGS,
    STOCK_CODES,
    THRESHOLD_NOUNS,
    TIMES_ARE,
    TIMES_NOUNS,
    TRANSPARENT_NOUNS,
    UNIT_NOUNS,
    UNQUOTED_CODES,
    bare_heads,
    catalog_adjectives,
    families,
    is_stop_word,
    patterns,
    people_codes,
    rules_out,
)
from etl.reports.match import (
    BORROWED,
    Context,
    Match,
    adjective_only,
    best_match,
    context_of,
    info,
    is_dash,
    is_delimiter,
    is_people,
    is_relative,
    keys,
    left_head,
    means,
    people_match,
    right_head,
)
from etl.reports.numbers import TIMES_ADVERBS, Number, sentence_numbers
from etl.reports.parts import bracket_total
from etl.reports.questions import question_title
from etl.reports.table_rows import cell
from etl.reports.tokens import Sentence, Token

_CYRILLIC = re.compile(r"[а-яіїєґ]", re.IGNORECASE)


def _lead_in(s: Sentence, before: int) -> Context:
    """Words before the last colon ahead of ``before``, and the list item's lead-in line."""
    out: Context = []
    colon = max((j for j in range(before) if s.tokens[j].text == ":"), default=None)
    if colon is not None:
        start = max((j + 1 for j in range(colon) if is_delimiter(s.tokens[j])), default=0)
        out += [(j - 10_000, k) for j, k in context_of(s.tokens, start, colon)]
    if s.lead_in is not None:
        out += [(j - 20_000, k) for j, k in context_of(s.lead_in.tokens, 0, len(s.lead_in.tokens))]
    if (title := _item_title(s)) is not None:  # "2) Виконавчий комітет. Проведено три засідання …"
        out += [(j - 20_000, k) for j, k in context_of(title.tokens, 0, len(title.tokens))]
    for measure in _measure_title(s):  # "Захід 1.1. Організаційне забезпечення засідань Громадської ради."
        end = next((j for j, t in enumerate(measure.tokens) if t.low == "при"), len(measure.tokens))
        out += [(j - 20_000, k) for j, k in context_of(measure.tokens, 0, end)]  # (not "при виконавчому комітеті")
    return out


_DONE_WORDS = frozenset({"виконано", "фактично", "виконання", "результат", "відмітка", "стан"})
_MEASURE_WORDS = frozenset({"захід", "завдання", "пункт"})


def _measure_title(s: Sentence) -> list[Sentence]:
    """The line of the measure of a plan a "Виконано: …" line reports on ("Захід 1.1. Організаційне
    забезпечення засідань Громадської ради." / "Заплановано: …" / "Виконано: проведено 2 засідання"),
    a few lines up; empty when there is none."""
    words = [t.low for t in s.tokens[:4] if t.kind == "word"]
    if not words or words[0] not in _DONE_WORDS or not any(t.text == ":" for t in s.tokens[:4]):
        return []
    p, lines = s.prior, 0
    while p is not None and lines < 3:
        line = [p]
        while line[0].prior is not None and line[0].prior.line == p.line:
            line.insert(0, line[0].prior)
        first = next((t.low for t in line[0].tokens if t.kind == "word"), "")
        if first in _MEASURE_WORDS:
            return line
        if first not in PLAN_WORDS | {"термін", "відповідальний", "виконавець"}:
            return []
        p, lines = line[0].prior, lines + 1
    return []


def _item_title(s: Sentence) -> Sentence | None:
    """The title opening the line of ``s`` ("2) Виконавчий комітет.", "Документообіг."): a sentence before it on
    its line of a few words with no number and no verb; or a question of a questionnaire on the line above
    ("6. Кількість матеріалів … на сайті та у соцмережах." / "На сайті – 17, у соцмережах – 29.")."""
    title = s.prior
    if title is None or not title.tokens or title.tokens[-1].text not in ".?" \
            or any(t.kind == "num" for t in title.tokens):
        return None
    if title.line == s.line and 1 < len(title.tokens) <= 5 and not any(verb_only(t) for t in title.tokens):
        return title
    return title if question_title(s, title) else None


def _extend(tokens: list[Token], head: int | None, r: int, starts: set[int]) -> int:
    """Run the clause on over ", X" when X is another item in the head's case (an enumeration)."""
    a = info(tokens[head]) if head is not None else None
    while a and r < len(tokens) and tokens[r].text == ",":
        j = r + 1
        while j < len(tokens) and not is_delimiter(tokens[j]) and j not in starts:
            j += 1
        if j < len(tokens) and j in starts:
            break
        first = next((info(t) for t in tokens[r + 1:j] if t.kind == "word" and info(t).noun), None)
        opener = info(tokens[r + 1]) if r + 1 < j else None
        if first is None or not (first.forms & a.forms) or has_verb(tokens[r + 1:j]) \
                or (opener is not None and opener.conjunction and tokens[r + 1].low not in AND | {"або", "чи"}):
            break  # (", оскільки запитувана інформація вже була оприлюднена": a clause of its own, no item)
        r = j
    return r


def _has_noun(tokens: list[Token], phrase: str) -> bool:
    return any(word_info(w).noun and not word_info(w).adjective for w in phrase.split())


def _not_counted(value: int, noun: Token) -> bool:
    """A number ending in 0 or 5–9 (or 11–14) counts a noun in the genitive plural ("7 авторів"); a noun
    right after it that can only be a nominative or accusative plural ("7 автори"), with a verb right
    after it, is the subject of that verb, not what the number counts ("36 документи." alone is a
    slip of the writer's and still counts them)."""
    if not (value % 10 in (0, 5, 6, 7, 8, 9) or 11 <= value % 100 <= 14):
        return False
    i = info(noun)
    return bool(i and i.noun and i.forms) and all(number == "plur" and case in ("nomn", "accs", "voct")
                                                   for case, number in i.forms)


# "Голосування тривало …. У ньому взяли участь 7 204 мешканці": the pronoun brings the sentence before.
_BACK_PRONOUNS = frozenset({"ньому", "ній", "цьому", "цій"})
# "три: щодо перейменування двох вулиць, …": a number with a noun of its own inside a topic counts the topic's things
_TOPIC_PREPOSITIONS = frozenset({"щодо", "про", "стосовно", "відносно"})
_EACH = frozenset({"кожен", "кожний", "кожна", "кожне", "кожного", "кожної", "кожному", "кожній", "кожним",
                   "кожною"})
_SPAN_WORDS = frozenset({"квартал", "місяць", "тиждень", "рік", "півріччя", "період", "день"})
_SPAN_LEAD = frozenset({"за", "протягом", "упродовж", "впродовж"})


def _period_between(tokens: list[Token], lead: int, floor: int) -> int | None:
    """ "огляди публікацій (за квартал – 62)", "довідки … – за квартал 12": the bracket or dash opening a span
    of time ("за квартал", "за звітний період") that stands between a noun phrase with no number of its own and
    the number; None when there is none (a month, "(у грудні – 13)", is the month's figure of the figure before)."""
    end = lead - 1 if lead > 0 and is_dash(tokens[lead - 1]) else lead
    k = end
    while k > floor and tokens[k - 1].kind == "word" and tokens[k - 1].low not in _SPAN_LEAD:
        k -= 1
    span = tokens[k:end]
    if not 0 < len(span) <= 2 or not any(keys(t) & _SPAN_WORDS for t in span) or k - 2 <= floor \
            or tokens[k - 1].low not in _SPAN_LEAD:
        return None
    opener = k - 2
    if not (is_dash(tokens[opener]) or tokens[opener].text == "(") \
            or any(t.kind == "num" for t in tokens[segment_start(tokens, opener - 1):opener]):
        return None
    return opener


def _counted(s: Sentence, a: int, b: int, before: list[Found], previous: list[Found]) -> frozenset[str]:
    """What the sentence counts, seen from the clause tokens[a:b]: the lemma keys of its content
    words outside the clause and the noun of the figure before."""
    out: set[str] = set()
    # words after the clause up to another number are that number's ("…, а кількість підписників сягнула 41 700")
    last_number = max((j for j, t in enumerate(s.tokens) if t.kind == "num"), default=-1)
    for j, t in enumerate(s.tokens):
        if t.kind == "word" and not a <= j < b and (i := info(t)) and (i.noun or i.adjective) \
                and not b <= j < last_number:
            out |= keys(t)
    for f in [*previous[-6:], *before]:
        if not (f.head & catalog_adjectives() and (i := word_info(f.head_text)) is not None and i.adjective):
            out |= f.head  # (a figure named by an elliptic adjective, "вихідних – 610", is a kind, not the thing)
    for lead in (s.lead_in, _item_title(s)):
        if lead is not None:
            out |= {k for t in lead.tokens if t.kind == "word" and (i := info(t)) and i.noun for k in keys(t)}
    return frozenset(out - {"не"})  # "чотири не набрали підписів … допущено 9": a denial is never borrowed


_TOGETHER = frozenset({"спільно", "разом", "співпраці", "партнерстві", "взаємодії"})


def _with_whom(tokens: list[Token], j: int) -> bool:
    """tokens[j] is a noun in the instrumental after "спільно з" / "у співпраці з" (over its adjectives):
    the partners, not a trait of what is counted ("488 вийшли з фотографіями" are news with photos)."""
    if not means(info(tokens[j])):
        return False
    k = j - 1
    while k >= 0 and (i := info(tokens[k])) is not None and i.adjective and not i.noun:
        k -= 1
    return k > 0 and tokens[k].low in ("з", "із", "зі") and tokens[k - 1].low in _TOGETHER


def _clause_match(s: Sentence, n: Number, a: int, b: int, before: list[Found],
                  previous: list[Found]) -> tuple[Match, int] | None:
    """A metric named by the clause's own words when the number has no counted noun (see module doc,
    4); also the verbs just before it, back to the previous number ("з 26 поданих проєктів до
    голосування допущено 21")."""
    tokens = s.tokens
    counted = _counted(s, a, b, before, previous)
    if not counted:
        return None
    verbs_from = a
    while verbs_from > 0 and tokens[verbs_from - 1].kind != "num" and not is_delimiter(tokens[verbs_from - 1]):
        verbs_from -= 1
    wide = [(j, k) for j, k in context_of(tokens, verbs_from, a)]
    context = context_of(tokens, a, b, set(range(n.lead, n.end))) + wide \
        + [(BORROWED - 1, frozenset({k})) for k in counted]
    label_end, aside = n.lead, set()
    if n.lead - a > 3 and is_dash(tokens[n.lead - 1]) and tokens[n.lead - 2].text == ")":
        o = max((j for j in range(a, n.lead - 2) if tokens[j].text in "()"), default=None)
        if o is not None and o > a and tokens[o].text == "(":  # "задоволено (запитувачу надано інформацію) – 41"
            label_end, aside = o, set(range(o, n.lead - 1))
    noun, _ = left_head(tokens, a, label_end)  # "рішень виконавчого комітету – 311": a noun the metric must name
    noun_keys = keys(tokens[noun]) if noun is not None and tokens[noun].low not in UNIT_NOUNS else frozenset()
    best: tuple[Match, int] | None = None
    for j in range(verbs_from, b):
        t = tokens[j]
        if j < a and not ((i := info(t)) and i.verb and not i.noun):
            continue
        if t.kind != "word" or n.lead <= j < n.end or j in aside or is_stop_word(t.low) or not _CYRILLIC.search(t.text) \
                or (t.text[:1].isupper() and j > 0):  # names ("у Telegram – 187") borrow a noun instead
            continue
        if _with_whom(tokens, j):
            continue  # "22 проводилися спільно з громадськими організаціями": the partners, not what is counted
        if j > n.end and is_people(t) and _subject_noun(t) and any(verb_only(x) for x in tokens[n.end:j]):
            continue  # "ще 5 відкликали самі автори": the people who did it, not what the number counts
        m = best_match(keys(t), j, context)
        if m is not None and j > 0 and tokens[j - 1].low == "не" and not any("не" in ws for ws in m.pattern.words):
            continue  # "5 не підтримано" is not what "підтримано" names
        if m is None or m.code in FAMILY_OF or not (metric_words(m.code) & counted):
            continue  # a number without its own noun is a result or a part, never the family's total
        if noun_keys and not any(ws & noun_keys for ws in m.pattern.words):
            continue
        own = sum(1 for ws in m.pattern.words if any(ws & k for pos, k in context if pos >= 0))
        if own == 0:
            continue
        if best is None or m.score > best[0].score:
            best = (m, j)
    return best


def _before_brackets(tokens: list[Token], a: int) -> Context:
    """ "Підтримано (набрали 150 голосів) 2 петиції": the words before a bracketed aside that ends
    just before the clause belong to it."""
    if a == 0 or tokens[a - 1].text != ")":
        return []
    o = max((j for j in range(a - 1) if tokens[j].text == "("), default=None)
    if o is None:
        return []
    start = max((j + 1 for j in range(o) if is_delimiter(tokens[j])), default=0)
    if any(t.kind == "num" for t in tokens[start:o]):  # the aside belongs to the figure before it
        return []
    return [(j - 12_000, k) for j, k in context_of(tokens, start, o)]


def _bracket_predicate(tokens: list[Token], n: Number) -> Context:
    """ "найбільше голосів (611) отримав проєкт «…»": a number alone in brackets after its noun; the
    clause goes on after the bracket, and its words say what the number counts."""
    if not alone_in_brackets(tokens, n) or n.end + 1 >= len(tokens) or tokens[n.end + 1].kind != "word":
        return []
    end = next((j for j in range(n.end + 1, len(tokens)) if is_delimiter(tokens[j])), len(tokens))
    return context_of(tokens, n.end + 1, end)


def _sum_in_brackets(tokens: list[Token], a: int, n: Number) -> Context:
    """ "Тематика порушених питань (усього 101 питання)", "огляди публікацій у ЗМІ (13 оглядів)": a sum
    in brackets, or a number with the noun before the bracket said again, counts what the words just
    before the bracket name."""
    if a == 0 or tokens[a - 1].text != "(" or a < 2 or is_delimiter(tokens[a - 2]) \
            or any(t.low not in SUM_WORDS for t in tokens[a:n.lead]):
        return []
    start = max((j + 1 for j in range(a - 1) if is_delimiter(tokens[j])), default=0)
    end = a - 1
    if start > 1 and tokens[start - 1].text == "," and _clause_after_noun(tokens, start):
        # "Питання, порушені у зверненнях (усього 329)": the noun before the participle's clause
        start, end = segment_start(tokens, start - 1), start - 1
    if any(t.kind == "num" for t in tokens[start:end]):
        return []
    outside = context_of(tokens, start, end)
    if a == n.lead and not (n.end < len(tokens) and any(keys(tokens[n.end]) & k for _, k in outside)):
        return []  # "огляди публікацій у ЗМІ (13 оглядів)": with no sum word, only the noun said again
    return [(j - 12_000, k) for j, k in outside]


def _heading_cell(s: Sentence, k: int) -> list[Token]:
    a, b = s.heading.cells[k]
    return [t for t in s.heading.tokens if a <= t.start < b] + [Token("punct", ":", b, b)]


def _lead_line_match(s: Sentence, pos: int | None = None) -> tuple[Match, Token] | None:
    """The metric a list's lead-in line names ("Найчастіше заявниками порушуються питання:") when
    it has no figure of its own, or a table's heading row: the cell over the figure's column
    ("Назва проєкту | Категорія | Голосів"), else its first cell ("Вид звернення | Кількість"):
    (match, the naming noun)."""
    lead = s.lead_in
    if lead is None and s.heading is not None and s.heading is not s and s.heading.cells:
        k = cell(s, pos) if pos is not None else None
        if k and k < len(s.heading.cells) and (m := _noun_line_match(_heading_cell(s, k))) is not None:
            return m
        tokens = _heading_cell(s, 0)
    elif lead is None or lead.figures or not lead.tokens or lead.tokens[-1].text != ":":
        return None
    else:
        tokens = lead.tokens
    return _noun_line_match(tokens)


def _noun_line_match(tokens: list[Token]) -> tuple[Match, Token] | None:
    """The metric the last noun of a lead ending with ":" names, with the lead's words."""
    start = max((j + 1 for j in range(len(tokens) - 1) if is_delimiter(tokens[j])), default=0)
    context = context_of(tokens, start, len(tokens) - 1)
    nouns = lead_nouns(tokens, start, len(tokens) - 1)
    if not nouns:  # the list is of the last noun ("Категорії заявників:", "порушуються питання:")
        return None
    m = best_match(keys(tokens[nouns[-1]]), nouns[-1], context)
    return (m, tokens[nouns[-1]]) if m is not None else None


def _named_row(s: Sentence) -> bool:
    """A row of a table headed "Назва проєкту | … | Голосів": its first cell is one thing's name."""
    if not s.row or s.heading is None or s.heading is s or not s.heading.cells:
        return False
    first = next((t for t in _heading_cell(s, 0) if t.kind == "word"), None)
    return first is not None and bool(keys(first) & NAME_HEADINGS)


def _part_without_object(tokens: list[Token], a: int, n: Number) -> bool:
    """ "Голосування тривало з 1 по 30 вересня. Взяли участь 2 847 мешканців": taking part with nothing
    said to take part in, which is what the sentence before spoke of."""
    j = next((j for j in range(a, n.lead) if tokens[j].low == "участь"), None)
    return j is not None and a < j and tokens[j - 1].low.startswith(("взял", "взяв", "бра")) \
        and not any(t.low in ("у", "в") for t in tokens[j + 1:n.lead])


def _broadcast(tokens: list[Token], a: int, n: Number) -> bool:
    """ "Організовано онлайн-трансляції двох засідань …", "та одного засідання виконкому" after it,
    "Транслювали дві події": the things counted were broadcast."""
    colon = max((j for j in range(n.lead) if tokens[j].text == ":"), default=None)
    return any(t.low.startswith(BROADCAST_STEMS) for t in tokens[max(0, a - 1):n.lead]) or (
        a > 0 and tokens[a - 1].low in ("та", "і", "й") and any(
            t.low.startswith(BROADCAST_STEMS[:2]) for t in tokens[max(0, a - 8):a])) or (
        colon is not None and any(t.low.startswith(BROADCAST_STEMS[:2]) for t in tokens[max(0, colon - 3):colon]))
    # ("3 онлайн-трансляції: засідання сесії та двох засідань виконкому": the broadcasts' parts)


def _quoted_before(tokens: list[Token], a: int, b: int) -> bool:
    """A closed «quoted name» in tokens[a:b] (a project's title before its votes), or one that closes
    right before the dash in front of the number ("№ 7 «Майданчик на вул. Шевченка» – 1 204")."""
    k = b - 1 if b > 0 and (is_dash(tokens[b - 1]) or tokens[b - 1].text == "(") else b  # "«…» – 618", "«…» (618)"
    if 0 < k and tokens[k - 1].kind == "punct" and tokens[k - 1].text in "»”":
        return True
    opened = False
    for t in tokens[a:b]:
        if t.kind == "punct" and t.text in "«„“":
            opened = True
        elif t.kind == "punct" and t.text in "»”" and opened:
            return True
    return False


def _family(s: Sentence, a: int, b: int, before: list[Found], previous: list[Found]) -> str | None:
    """What the text around a clause counts: requests, appeals or petitions, if exactly one."""
    own = families([keys(t) for t in s.tokens if t.kind == "word"])  # the sentence's own words first
    if not own:
        around = [keys(t) for t in s.lead_in.tokens if t.kind == "word"] if s.lead_in is not None else []
        own = families(around + [f.head for f in [*previous[-3:], *before]])
    if not own and s.lead_in is not None:  # "… на 137 звернень. За результатами розгляду:" / "надано роз’яснення –
        # 70": what the list's lead-in and the sentence before it counted
        lead = [s.lead_in, *([s.lead_in.prior] if s.lead_in.prior is not None else [])]
        own = families([f.head for x in lead for f in x.figures])
    return own.pop() if len(own) == 1 else None


_LEVEL_VERBS = frozenset({"становить", "становила", "становило", "складає", "склала", "склало", "сягнула",
                          "досягла", "сягає"})


def _states_level(tokens: list[Token], n: Number) -> bool:
    """ "… і на кінець року становить 17 600": a verb stating a level just before the number; or the level a
    change came to ("зросла з 12 300 до 14 100", "збільшилася до 214")."""
    if n.lead > 0 and tokens[n.lead - 1].low in _LEVEL_VERBS:
        return True
    if n.lead < 2 or tokens[n.lead - 1].low != "до":
        return False
    j = n.lead - 2
    if j > 0 and tokens[j].kind == "num" and tokens[j - 1].low in ("з", "із", "зі"):
        j -= 2  # over where the change started
    return j >= 0 and bool(keys(tokens[j]) & CHANGE_WORDS)


def _has_option(tokens: list[Token], head: int, context: Context) -> bool:
    return best_match(keys(tokens[head]), head, context) is not None


def _subject_noun(t: Token) -> bool:
    """A noun that may be a subject or an object but never a genitive: "тексти виступів (3)" names what
    it counts; "земельних питань (96)", "транспорту (21)" are topics of what the lead names."""
    i = info(t)
    return bool(i and i.noun and not i.adjective and i.forms and not any(c == "gent" for c, _ in i.forms)
                and any(c in ("nomn", "accs") for c, _ in i.forms))


def _bracket_lead_match(tokens: list[Token], n: Number) -> tuple[Match, int] | None:
    """The metric named before a list of "topic (N)" items: the words since the last ";" or ":",
    when every other number there is such a bracketed item too."""
    def bracketed(j: int) -> bool:
        return tokens[j - 1].text == "(" and j + 1 < len(tokens) and tokens[j + 1].text in "):"

    start = max((j + 1 for j in range(n.lead) if tokens[j].text in ";:"), default=0)
    end = next((j for j in range(n.end, len(tokens)) if tokens[j].text in ";:."), len(tokens))
    items = sum(1 for j in range(start, end) if tokens[j].kind == "num" and bracketed(j))
    for j in range(start, n.lead):  # "У 455 зверненнях порушено питання освіти (31), транспорту (12)"
        if tokens[j].kind == "num" and not bracketed(j):
            if items < 2 or any(tokens[i].kind == "num" and bracketed(i) for i in range(start, j)):
                return None  # one "(351)" after a plain number compares, it lists nothing
            start = j + 1
    # the metric is named before the first item: the later items' own words are topics ("земельних питань (96)"),
    # unless they name what they count ("привітання (9) та тексти виступів (3)")
    first = next((j for j in range(start, n.lead) if tokens[j].kind == "num" and bracketed(j)), n.pos)
    if first < n.pos:
        own = max((j for j in range(start, n.lead - 1) if tokens[j].text == ")"), default=start)
        subject = next((j for j in range(own, n.lead - 1) if tokens[j].kind == "word" and _subject_noun(tokens[j])), None)
        for j in range(own, n.lead - 1):  # "тексти виступів": the first noun that names one; a genitive only
            # with a wording of more words ("промови міського голови (5)"), never alone ("земельних питань (96)")
            if tokens[j].kind == "word" and (i := info(tokens[j])) and i.noun \
                    and (m := best_match(keys(tokens[j]), j, context_of(tokens, own, n.lead - 1))) \
                    and ((subject is not None and j >= subject) or len(m.pattern.words) > 1):
                return m, j
    context = context_of(tokens, start, first - 1)
    best: tuple[Match, int] | None = None
    for j in range(start, first - 1):  # the noun nearest the items counts them ("Заявники порушували питання освіти (31)")
        a = info(tokens[j])
        if a is not None and a.noun and a.forms == {("nomn", "sing")} and n.value != 1:
            continue  # "найпопулярніша петиція – про освітлення мосту (211)": one thing's own count, not of the things
        if tokens[j].kind == "word" and a and a.noun and (m := best_match(keys(tokens[j]), j, context)):
            if best is not None and any(t.low in ABOUT_VERBS for t in tokens[best[1] + 1:j]):
                break  # "Найбільше звернень стосувалося питань благоустрою (64)": the subject counts, not its topic
            best = (m, j)
    if best is None and start > 0 and tokens[start - 1].text == ":" \
            and not any(t.kind == "num" for t in tokens[segment_start(tokens, start - 1):start - 1]):
        return colon_lead_match(tokens, start)  # "Серед порушених питань: соціальний захист (120), …"
    return best


def _verbless(s: Sentence, n: Number, start: int, head: int) -> tuple[Match, int, str] | None:
    """ "Рішень виконавчого комітету – 311": a metric's ``verbless`` phrase (the catalog) when nothing before
    the number (no verb, no colon, no lead-in line with a verb) names what happened to the noun."""
    tokens = s.tokens
    before = tokens[:n.lead - 1]  # "Рішень виконавчого комітету: 311" – the colon before the number is its dash
    if any(t.text == ":" for t in before) or has_verb(before) \
            or (s.lead_in is not None and has_verb(s.lead_in.tokens)):
        return None
    words = [k for _, k in context_of(tokens, start, n.lead)]
    for code, metric in METRICS.items():
        for phrase in metric.verbless:
            lemmas = phrase.split()
            if lemmas[0] in keys(tokens[head]) and all(any(w in ks for ks in words) for w in lemmas[1:]):
                m = next(p for p in patterns() if p.code == code)
                return Match(code, m.score, True, m), head, "before"
    return None


def _earlier_clause(tokens: list[Token], a: int, floor: int = 0) -> Context:
    """The clause before the figure's, when it opens the sentence (or follows the clause of the figure before,
    ``floor``) with a verb and no number: what the figure's noun is a result of ("Щоденно здійснювався
    моніторинг публікацій, …", "…, готувались огляди публікацій ЗМІ, всього підготовлено 9 оглядів")."""
    if a < 2 or tokens[a - 1].text != ",":
        return []
    start = floor
    while start < a - 1 and tokens[start].kind == "punct":
        start += 1
    clause = tokens[start:a - 1]  # ("Щоденно, крім вихідних, готувався огляд публікацій, …": over its own commas)
    if any(t.kind in ("num", "mask") or t.text in ";:" for t in clause) or not has_verb(clause) \
            or is_relative(tokens, start):
        return []
    return context_of(tokens, start, a - 1)


def _clause_after_noun(tokens: list[Token], r: int) -> bool:
    """A relative clause ("що тривало …") or a participle's ("Звернень, поданих у письмовій формі, …")
    opening at ``r``, right after a noun and a comma."""
    if is_relative(tokens, r):
        return True
    i, noun = info(tokens[r]), info(tokens[r - 2]) if r > 1 else None
    return i is not None and i.adjective and not i.noun and noun is not None and noun.noun and not noun.adjective \
        and bool(i.forms & noun.forms)


def inserted_clause(tokens: list[Token], a: int, floor: int) -> int | None:
    """Where a relative or participle clause that ends with the comma just before tokens[a] opens."""
    if a == 0 or tokens[a - 1].text != ",":
        return None
    end = a - 1
    if end > 0 and tokens[end - 1].text == ")":  # "…, підготовлених з ТРК «Славутич» (договір від 02.01.2019 № 7),
        # оприлюднено одинадцять": a bracketed aside closing the clause is a part of it
        end = next((j for j in range(end - 2, floor - 1, -1) if tokens[j].text in "()"), end)
        if tokens[end].text != "(":
            return None
    r = segment_start(tokens, end)
    while r > floor and r < a - 1 and not _clause_after_noun(tokens, r) and tokens[r - 1].text == ",":
        r = segment_start(tokens, r - 1)  # "що тривало з 10 по 25 листопада, …" over its own commas
    if r <= floor or not _clause_after_noun(tokens, r) or tokens[r - 1].text != ",":
        return None
    return r


def _before_relative(tokens: list[Token], a: int, floor: int) -> Context:
    """ "Участь у голосуванні, що тривало …, взяли 1 146 канівців", "Звернень, поданих у письмовій
    формі, налічується 49": the words before a relative or participle clause that ends just before the
    figure's clause belong to it."""
    r = inserted_clause(tokens, a, floor)
    if r is None:
        return []
    start = max(floor, segment_start(tokens, r - 1))
    if any(t.kind == "num" for t in tokens[start:r - 1]):
        return []
    return context_of(tokens, start, r - 1)


def _free_phrase(tokens: list[Token], j: int, start: int = 0) -> int | None:
    """Where the phrase of the noun tokens[j] opens (its adjectives before it, from ``start``), or None when a
    number counts it ("15 осіб") or a preposition governs it ("у складі")."""
    first = j
    while first > start and adjective_only(tokens[first - 1]):
        first -= 1
    if first > 0 and (tokens[first - 1].kind == "num" or ((p := info(tokens[first - 1])) and p.preposition)):
        return None
    return first


def _subject_words(tokens: list[Token]) -> Context:
    """The nouns of a sentence that may be its subject (a nominative in a free phrase) with their adjectives:
    "При виконавчому комітеті діє Громадська рада у складі 15 осіб" → "Громадська рада"."""
    out: Context = []
    for j, t in enumerate(tokens):
        i = info(t)
        if i is not None and i.noun and any(case == "nomn" for case, _ in i.forms) \
                and (first := _free_phrase(tokens, j)) is not None:
            out += context_of(tokens, first, j + 1)
    return out


def _relative_antecedent(tokens: list[Token], a: int) -> Context:
    """ "утворено Громадську раду у складі 15 осіб, яка провела 2 засідання": a relative clause opening the
    figure's clause stands for the nearest noun before its comma in a free phrase ("раду", not "осіб" nor
    "складі"); that noun and its adjectives tell whose the figure is."""
    if a < 2 or tokens[a - 1].text != "," or not is_relative(tokens, a) or tokens[a].low == "що":
        return []
    start = segment_start(tokens, a - 1)
    for j in range(a - 2, start - 1, -1):
        i = info(tokens[j]) if tokens[j].kind == "word" else None
        if i is not None and i.noun and (first := _free_phrase(tokens, j, start)) is not None:
            return context_of(tokens, first, j + 1)
    return []


def _relative_tail(tokens: list[Token], r: int, starts: set[int]) -> int:
    """ "9 об’єднань, які не подавали звітності, припинили діяльність": the relative clause after the
    figure's clause and, when the sentence goes on with a verb, the predicate it interrupted. Both
    tell what the number counts; neither may hold another number. Returns their end (``r`` if none)."""
    if r + 1 >= len(tokens) or tokens[r].text != "," or not is_relative(tokens, r + 1):
        return r
    end = r + 1
    while end < len(tokens) and not is_delimiter(tokens[end]):
        if end in starts or tokens[end].kind == "num":
            return r
        end += 1
    if end + 1 < len(tokens) and tokens[end].text == "," and (i := info(tokens[end + 1])) and (
            (i.verb and not i.noun and not i.adjective) or (i.noun and _object_then_verb(tokens, end + 1))):
        # "…, строк відповіді подовжено": a predicate may open with its object or subject
        nxt = end + 1
        while nxt < len(tokens) and not is_delimiter(tokens[nxt]) and tokens[nxt].kind != "num" \
                and not clause_joint(tokens, nxt, len(tokens)):
            nxt += 1
        if nxt >= len(tokens) or tokens[nxt].kind != "num":
            end = nxt
    return end


def _object_then_verb(tokens: list[Token], j: int) -> bool:
    """At most two nouns from ``j`` and then an impersonal verb ("строк відповіді подовжено")."""
    for k in range(j, min(j + 3, len(tokens))):
        if tokens[k].kind != "word":
            return False
        if verb_only(tokens[k]):
            return k > j and tokens[k].low.endswith(("но", "то"))
    return False


def _attributive(tokens: list[Token], a: int, b: int) -> set[int]:
    """ "засідань Громадської ради при виконавчому комітеті": the words after "при" tell whose the
    counted thing is, never what it is."""
    out: set[int] = set()
    for j in range(a, b):
        if tokens[j].low == "при" and not (j + 1 < b and tokens[j + 1].low in ("цьому", "тому", "чому")):  # "при цьому": meanwhile
            k = j + 1
            while k < b and not is_delimiter(tokens[k]) and tokens[k].kind != "num":
                out.add(k)
                k += 1
    return out


def _sum_after_list(tokens: list[Token], n: Number) -> tuple[Match, int] | None:
    """ "Порушені питання: земельні відносини, транспорт, освіта; загалом 640": the sum of a list
    of topics counts what the sentence's opening clause names, when it is the sentence's only number."""
    j = n.lead - 1
    while j >= 0 and is_dash(tokens[j]):
        j -= 1
    while j > 1 and tokens[j].low in WHEN_WORDS | {"за", "весь", "звітний", "квартал", "рік", "місяць", "тиждень"}:
        j -= 1  # "всього за період – 10"
    if j < 1 or tokens[j].low not in SUM_WORDS or any(t.kind == "num" for t in tokens[:n.lead]):
        return None
    end = next((k for k, t in enumerate(tokens) if is_delimiter(t) or is_dash(t)), n.lead)
    clause = end  # "Питання, порушені у зверненнях (усього 329)": the participle's clause tells what they are
    if end < n.lead and tokens[end].text == "," and _clause_after_noun(tokens, end + 1):
        clause = next((k for k in range(end + 1, n.lead) if is_delimiter(tokens[k]) or tokens[k].text == "("), n.lead)
    context = context_of(tokens, 0, clause)
    best: tuple[Match, int] | None = None
    for k in range(end):
        a = info(tokens[k])
        if tokens[k].kind == "word" and a and a.noun and (m := best_match(keys(tokens[k]), k, context)):
            if best is None or m.score > best[0].score:
                best = (m, k)
    return best


def _up_to(total: Found, code: str) -> Found | None:
    """The total itself, or the total it is a part of, … that counts ``code``."""
    while total is not None and total.code != code:
        total = total.total
    return total


def _refused_cases(s: Sentence, n: Number, a: int, b: int, earlier: list[Found]) -> Found | None:
    """ "…, а у 684 випадках заявникам відмовлено", "двом запитувачам відмовлено": cases of a refusal, or the
    people refused, count the refused things of the kind counted last before (appeals answered with a
    refusal, information requests refused)."""
    tokens = s.tokens
    if n.end >= len(tokens) or not any(t.low in REFUSAL_WORDS for t in tokens[a:b]) \
            or not (tokens[n.end].low.startswith("випадк") or (
                is_people(tokens[n.end]) and (i := info(tokens[n.end])) is not None and i.forms
                and all(case == "datv" for case, _ in i.forms))):
        return None
    last = next((f for f in reversed(earlier) if f.code.startswith(tuple(REFUSED_CASES))), None)
    if last is None:
        return None
    code = next(REFUSED_CASES[k] for k in REFUSED_CASES if last.code.startswith(k))
    fig = Found(code, n.value, s, n.pos, "ellipsis", head=keys(tokens[n.end]), head_text=tokens[n.end].text,
                head_pos=n.end, span=(a, b), lead=n.lead, number_words=n.words, approximate=n.approximate)
    fig.confidence = 0.7
    fig.breakdown = "відмовлено" if code == "appeals_answered" else None
    return fig


def _sent_by(s: Sentence, n: Number, a: int, earlier: list[Found]) -> Found | None:
    """ "…, від яких надійшов 61 запит, тоді як юридичні особи надіслали 17": people who sent a bare number
    sent the things of the kind counted last before (the senders tell it apart)."""
    tokens = s.tokens
    if n.lead < 2 or tokens[n.lead - 1].low not in SEND_VERBS or (n.end < len(tokens) and tokens[n.end].kind == "word"):
        return None
    senders = [t for t in tokens[a:n.lead - 1] if t.kind == "word"]
    if not senders or not any(is_people(t) or keys(t) & SENDER_NOUNS for t in senders):
        return None
    last = next((f for f in reversed(earlier) if f.code in SENT_THINGS and f.total is None), None)
    if last is None:
        return None
    fig = Found(last.code, n.value, s, n.pos, "ellipsis", n.approximate, 0.7, head=last.head, head_text=last.head_text,
                span=(a, n.end), lead=n.lead, number_words=n.words)
    while senders and not ((i := info(senders[0])) and (i.noun or i.adjective)):
        senders = senders[1:]  # ("тоді як юридичні особи …": the senders)
    fig.breakdown = " ".join(t.text for t in senders if not is_stop_word(t.low)) or None
    return fig


def _planned_noun(s: Sentence, n: Number, a: int) -> Found | None:
    """ "Заплановано розмістити 150 новин …, фактично розміщено 171": what was done counts the noun of the
    target before it in the sentence (the target itself is no figure)."""
    tokens = s.tokens
    if not any(t.low == "фактично" for t in tokens[a:n.lead]) or (n.end < len(tokens) and tokens[n.end].kind == "word"):
        return None
    plan = max((j for j in range(a) if tokens[j].low in PLAN_WORDS), default=None)
    if plan is None:
        return None
    for j in range(plan + 1, a):
        if tokens[j].kind == "num" and j + 1 < a and (i := info(tokens[j + 1])) is not None and i.noun \
                and (m := best_match(keys(tokens[j + 1]), j + 1, context_of(tokens, plan, a))) is not None:
            return Found(m.code, n.value, s, n.pos, "before", n.approximate, 0.7, head=keys(tokens[j + 1]),
                         head_text=tokens[j + 1].text, span=(a, n.end), lead=n.lead, number_words=n.words)
    return None


def _the_rest(s: Sentence, n: Number, floor: int, end: int, earlier: list[Found]) -> Found | None:
    """ "Надійшло 87 звернень. … Письмових – 49; решта, 38, – усні": the rest are more of the things the
    figure just before counted (the words after the number tell which) when the two make up a total stated
    before; the rest of those answered ("решта 52 перебувають на розгляді") are no more of them."""
    tokens = s.tokens
    start = max((j + 1 for j in range(floor, n.lead) if tokens[j].text in ";:." or tokens[j].kind == "num"),
                default=floor)
    if not any(t.low in REST_WORDS for t in tokens[start:n.lead]) or not earlier \
            or any(t.low in PENDING_WORDS for t in tokens[start:end]):
        return None
    prior = earlier[-1]
    if has_verb(tokens[n.end:end]):
        return None  # "решту 3 переадресовано": what was done to the rest, not more of the same
    if prior.sentence is not s or not any(f.code == prior.code and f.value == prior.value + n.value for f in earlier):
        return None  # (the rest and the part before make up a total stated before them)
    return Found(prior.code, n.value, s, n.pos, "ellipsis", n.approximate, 0.7,
                 breakdown_words(tokens, n.end, end, set()) or None, None, prior.head, prior.head_text,
                 span=(start, end), lead=n.lead, number_words=n.words)


def _kinds_listed(tokens: list[Token], head: int | None) -> set[int]:
    """ "10,4 тис. документів – вхідних, вихідних та внутрішніх": adjectives listed after a dash behind
    the counted noun name the kinds it is made of, not one kind it counts (their places, to be left out
    of the clause's words)."""
    if head is None or head + 3 >= len(tokens) or not is_dash(tokens[head + 1]):
        return set()
    listed, j = [], head + 2
    while j < len(tokens):
        t = tokens[j]
        if t.kind == "word" and (i := info(t)) is not None and i.adjective and not i.verb:
            listed.append(j)
        elif not (t.text == "," or t.low in ("та", "і", "й")):
            break
        j += 1
    ends = j == len(tokens) or tokens[j].kind == "punct" or tokens[j - 1].text == ","
    return set(listed) if len(listed) >= 2 and ends else set()


def _joined_apart(tokens: list[Token], head: int, adjectives: list[int], context: Context) -> bool:
    """Do adjectives joined by "та"/"і" before the counted noun name different metrics each
    ("вхідних та вихідних документів"), unlike "письмових та усних звернень"?"""
    if len(adjectives) < 2 or not any(tokens[j].low in ("та", "і", "й", "або", "чи")
                                      for j in range(adjectives[0], head)):
        return False
    codes = set()
    for a in adjectives:
        others = set(adjectives) - {a}
        m = best_match(keys(tokens[head]), head, [(p, k) for p, k in context if p not in others])
        codes.add(m.code if m else None)
    return len(codes) > 1


def _ends_sentence(tokens: list[Token], n: Number) -> bool:
    """Nothing but a unit ("осіб", "одиниць", "чол.") and punctuation after the number, up to a ";" that
    ends its clause ("… становить 31; з них оголошень – 9")."""
    end = next((j for j in range(n.end, len(tokens)) if tokens[j].text == ";"), len(tokens))
    rest = [t for t in tokens[n.end:end] if t.kind != "punct"]
    return not rest or (len(rest) == 1 and (rest[0].low in UNIT_NOUNS or rest[0].low in PEOPLE_UNITS
                                            or is_people(rest[0])))


def _sentence_head(s: Sentence, n: Number) -> int | None:
    """ "Кількість громадян, …, – 2 977", "Кількість розміщених на офіційному сайті новин … становить 31":
    the noun after an opening "Кількість", past participles and the phrase of a preposition."""
    tokens = s.tokens
    stop = next((j for j, t in enumerate(tokens[:n.lead]) if t.kind == "punct"), n.lead)
    words = [j for j, t in enumerate(tokens[:stop]) if t.kind == "word"]  # (never past "Разом за квартал:")
    if len(words) < 2 or not keys(tokens[words[0]]) & TRANSPARENT_NOUNS:
        return None
    governed = False  # inside "на офіційному сайті": its noun is no head
    context = context_of(tokens, 0, n.lead)
    for j in words[1:12]:  # the first noun naming a metric or people, past "громади" of "сайті … громади"
        a = info(tokens[j])
        if a is None:
            return None
        if a.preposition:
            governed = True
        elif a.noun and not a.adjective:
            if not governed and (a.animate or best_match(keys(tokens[j]), j, context) is not None):
                return j
            governed = False
        elif not a.adjective:
            return None
    return None


def _next_quarter(tokens: list[Token], a: int, n: Number) -> bool:
    """ "По кварталах: І квартал – 27, ІІ – 31": a bare Roman numeral and a dash, after a quarter named
    earlier in the sentence, is the next quarter."""
    words = [t for t in tokens[a:n.lead] if t.kind == "word"]
    return len(words) == 1 and set(words[0].low) <= set("іivx") and n.lead > 0 and is_dash(tokens[n.lead - 1]) \
        and any(t.low.startswith(("квартал", "кв")) for t in tokens[:a])


def number_figure(s: Sentence, n: Number, left: int, right: int, floor: int, starts: set[int],
                  total: Found | None, before: list[Found], previous: list[Found], force_part: bool = False,
                  recent: list[Found] = (), section: bool = False) -> Found | None:
    """The figure number ``n`` of sentence ``s`` states, or None. With ``section``, the words of the
    heading of its section count too, as words lent (read again so when it named nothing: "II. Виконавчий
    комітет" / "Проведено одне чергове засідання")."""
    tokens = s.tokens
    after_marker = marker_after(tokens, n.end)
    dash_before = n.lead > 0 and (is_dash(tokens[n.lead - 1]) or tokens[n.lead - 1].text == ":")
    r_head, r_adj = right_head(tokens, n.end + after_marker, right, skip_verbs=bool(after_marker))
    subject = r_head is not None and r_head == n.end and r_head + 1 < len(tokens) \
        and _not_counted(n.value, tokens[r_head]) and verb_only(tokens[r_head + 1])
    if subject:  # "ще 7 автори відкликали": a subject after the number, not what it counts
        return None
    if r_head is not None and r_head == n.end and is_people(tokens[r_head]) and (i := info(tokens[r_head])) \
            and i.forms and all(case == "datv" for case, _ in i.forms) \
            and not any(t.low in REFUSAL_WORDS for t in tokens[left:right]):
        return None  # "надано матеріальну допомогу 137 мешканцям": the people something was given to
    times = r_head == n.end and tokens[n.end].low in TIMES_NOUNS  # "консультації проведено 9 разів"
    if times:
        r_head, r_adj = None, []
    l_end = n.lead - 1 if dash_before else n.lead
    l_start = left
    aside: set[int] = set()
    if r_head is None and (opener := _period_between(tokens, n.lead, floor)) is not None:
        # "огляди публікацій (за квартал – 62)", "довідки … – за квартал 12": the span says when, the noun before counts
        verb = max((j for j in range(left, opener) if tokens[j].kind == "word" and verb_only(tokens[j])), default=None)
        start = max(floor, segment_start(tokens, opener - 1)) if tokens[opener].text == "(" \
            else verb + 1 if verb is not None else left  # "надсилалися довідки …": the things the verb sent
        if left_head(tokens, start, opener)[0] is not None:
            dash_before, l_start, l_end = True, start, opener
    if dash_before:  # "листів, на які надано відповіді, – 63", "запитів …: 12"
        k = l_end - 1 if l_end > floor and tokens[l_end - 1].text == "," else l_end
        if k < l_end or tokens[l_end].text == ":":
            l_start = max(floor, segment_start(tokens, k))
        inserted = inserted_clause(tokens, l_end, floor) if k < l_end else None
        if inserted is not None and not any(t.kind == "num" for t in tokens[inserted:l_end]):
            # "усних звернень, прийнятих міським головою, секретарем ради та заступником, – 53": the
            # label opens before a participle clause, over the commas of its own list
            l_start = max(floor, segment_start(tokens, inserted - 1))
        elif l_start > floor and (is_relative(tokens, l_start) or (l_start > 1 and tokens[l_start - 1].text == ","
                                                                   and _clause_after_noun(tokens, l_start))):
            l_start = max(floor, segment_start(tokens, l_start - 1))
        if l_start > floor + 1 and tokens[l_start - 1].text == "," and tokens[l_end].text == ":" \
                and all(t.low in SUM_WORDS for t in tokens[l_start:l_end] if t.kind == "word"):
            l_start = max(floor, segment_start(tokens, l_start - 1))  # "Надійшло запитів, усього: 57"
        if l_end - 1 > floor and tokens[l_end - 1].text == ")":  # "Громадські організації (зареєстровані) – 143"
            o = max((j for j in range(floor, l_end - 1) if tokens[j].text == "("), default=None)
            if o is not None and o > floor and not is_delimiter(tokens[o - 1]) \
                    and not any(t.kind == "num" or t.text == ";" or is_dash(t) for t in tokens[o:l_end]):  # a note
                # ("(рішення, розпорядження)"), not a list of figures
                aside = set(range(o, l_end))  # ("задоволено (запитувачу надано інформацію …) – 41": its words
                # explain the label, they name no metric of their own)
                l_end, l_start = o, max(floor, segment_start(tokens, o))
    l_head, l_adj = (None, [])
    if dash_before or (r_head is None and not r_adj):
        l_head, l_adj = left_head(tokens, l_start, l_end)
    if l_head is not None and l_head > 0 and tokens[l_head - 1].kind == "num" and keys(tokens[l_head]) & THRESHOLD_NOUNS:
        l_head = None  # "Необхідні 250 підписів зібрала одна": the threshold's signatures, not what "одна" counts
    r_end = _extend(tokens, r_head, right, starts)
    skip = set(range(n.lead, n.end)) | _attributive(tokens, min(l_start, left), r_end) | _kinds_listed(tokens, r_head) \
        | aside
    context = context_of(tokens, min(l_start, left), r_end, skip) + _lead_in(s, min(l_start, left)) \
        + _before_brackets(tokens, min(l_start, left)) + _sum_in_brackets(tokens, min(l_start, left), n) \
        + _bracket_predicate(tokens, n)
    context += _before_relative(tokens, min(l_start, left), floor) + _relative_antecedent(tokens, min(l_start, left))
    if section and s.section is not None and s.section is not s:
        context += [(j - 30_000, k) for j, k in context_of(s.section.tokens, 0, len(s.section.tokens))]
    of_them: Found | None = None  # the figure "їх" stands for
    back = s.prior is not None and any(t.low in _BACK_PRONOUNS for t in tokens[min(l_start, left):n.lead])
    back = back or (s.prior is not None and not s.prior.figures and s.prior.tokens
                    and any(t.low in THEM for t in tokens[min(l_start, left):n.lead]))
    back = back or (s.prior is not None and not s.prior.figures and _part_without_object(tokens, min(l_start, left), n))
    own_antecedent = back and any(t.kind == "word" for t in tokens[:min(l_start, left)])
    if own_antecedent:
        # "Голосування відбулося …: у ньому взяли участь", "зареєстровано 187 об’єднань (… їх було 179)": the
        # pronoun stands for a noun of its own sentence, never for the sentence before
        context += [(j - 20_000, k) for j, k in context_of(tokens, 0, min(l_start, left))]
    elif back:
        context += [(j - 20_000, k) for j, k in context_of(s.prior.tokens, 0, len(s.prior.tokens))]  # "У ньому"
    elif before and before[-1].total is None and any(t.low in THEM for t in tokens[min(l_start, left):n.lead]):
        # "Колективних звернень – 17, їх підписали 203 особи": "їх" stands for the figure just before
        context += [(p - 20_000, k) for p, k in before[-1].context]
        of_them = before[-1]
    pointing = {t.low for t in tokens[n.end:r_head]} & POINTING_WORDS if r_head is not None else set()
    if pointing & POINTING_TO_THINGS:  # "…довідка про суспільно-політичну ситуацію; надіслано 39 таких довідок":
        # the words before, in the sentence and the one before it
        context += [(j - 20_000, k) for j, k in context_of(tokens, 0, min(l_start, left))]
        if s.prior is not None:
            context += [(j - 25_000, k) for j, k in context_of(s.prior.tokens, 0, len(s.prior.tokens))]
    elif pointing and s.prior is not None:  # "Діє Громадська рада. … відбулося 3 її засідання": the subject before
        context += [(j - 25_000, k) for j, k in _subject_words(s.prior.tokens)]
    # only when the clause has no verb of its own: "Надійшло 15 запитів, на які надано відповіді" were received
    own = [t for t in tokens[min(l_start, left):r_end] if t.low not in STATIVE_VERBS]  # "залишаються 9 …, які …"
    tail = r_end if has_verb(own) else _relative_tail(tokens, r_end, starts)
    if total is not None and any(t.low in RECEIVED_WORDS for t in tokens[r_end:tail]):
        tail = r_end  # a part's clause of arrival says which of the total's they are ("розглянуто 205
        # звернень, у тому числі 9, що надійшли у грудні": answered ones, not received ones)
    context += context_of(tokens, r_end, tail)
    if total is not None:
        context += [(p - 30_000, k) for p, k in total.context]
    options: list[tuple[Match, int, str]] = []
    if n.end < len(tokens) and tokens[n.end].low in PEOPLE_UNITS:  # "(всього 702 чол.)": people, named before
        m = people_match(context_of(tokens, 0, n.lead) + context, n.end)
        if m is None:
            return None
        fig = Found(m.code, n.value, s, n.pos, "before", head=keys(tokens[n.end]), head_text=tokens[n.end].text)
        fig.confidence = match_confidence(m, "before", n.words)
        fig.approximate, fig.number_words = n.approximate, n.words
        fig.context, fig.span, fig.lead = context, (left, right), n.lead
        return fig
    acts = [TIMES_ARE[k] for t in tokens[min(l_start, left):n.lead] for k in keys(t) if k in TIMES_ARE]
    if times and acts and not any(t.low == "повторно" for t in tokens[min(l_start, left):n.lead]):
        # "На «гарячу лінію» 1545 мешканці зверталися 12 разів": each time is an appeal (not "зверталися повторно")
        return Found(acts[0], n.value, s, n.pos, "times", n.approximate, 0.7, head=keys(tokens[n.end]),
                     head_text=tokens[n.end].text, head_pos=n.end, context=context, span=(left, right), lead=n.lead,
                     number_words=n.words)
    if times and l_head is not None and is_people(tokens[l_head]):
        return None  # "громадяни звернулися 12 разів": times, not people
    if r_head is not None and _joined_apart(tokens, r_head, r_adj, context):
        return None  # "1 280 вхідних та вихідних документів": two metrics in one number, never one guessed
    for head, how in ((l_head, "before"), (r_head, "after")):
        if head is not None and (m := best_match(keys(tokens[head]), head, context)):
            options.append((m, head, how))
    if pointing and not any(head == r_head for _, head, _ in options):
        r_head = None  # "усього 13 таких розсилок": a noun that names nothing after a word pointing back
    when = tokens[min(l_start, left):n.lead]
    if not when and left > 0 and tokens[left - 1].low in AND and before and before[-1].total is None \
            and (o := max((j for j in range(before[-1].pos) if tokens[j].text in "()"), default=None)) is not None \
            and tokens[o].text == "(" and not any(t.text == ")" for t in tokens[o:n.lead]):
        # "(у ІІІ кварталі 2023 року – 6 засідань та 149 рішень)": the next count of the same bracket, the same time
        when = [t for t in tokens[o + 1:before[-1].lead] if not is_dash(t)]
    if not when and left > 1 and tokens[left - 1].text == "(" \
            and (o := max((j for j in range(left - 1) if tokens[j].text in "()"), default=None)) is not None \
            and tokens[o].text == "(":  # "(у порівнянні з аналогічним періодом минулого року (15 проєктів) …)"
        when = tokens[o + 1:left - 1]
    if not options and r_head is not None and all(  # only when: "(у 2020 році – 187 проєктів)", "тоді як у 2018
            # році відбулося лише 2 засідання"
            t.kind in ("punct", "mask") or t.low in WHEN_WORDS or t.low in EARLIER
            or t.low in ("у", "в", "за", "на", "тоді", "як", "лише", "тільки", "з", "із", "порівнянні", "порівняно", "проти")
            or verb_only(t)
            for t in when) and any(t.mask == "year" or t.low in WHEN_WORDS or t.low in EARLIER for t in when) \
            and (same := next((f for f in [*reversed(before), *reversed(previous)] if f.total is None
                               and f.head & keys(tokens[r_head])), None)) is not None \
            and (m := best_match(keys(tokens[r_head]), r_head, context + [(p - 40_000, k) for p, k in same.context])):
        options.append((m, r_head, "after"))  # "надійшло 214 проєктів від 176 авторів (у 2020 році – 187 проєктів)":
        # the noun said again names what the figure of the sentence with it (or of the sentence before) named
    if not options and l_head is not None and dash_before:  # "текстів виступів міського голови – два": a noun of
        # the chain after the first names it
        for j in range(l_head + 1, l_end):
            if tokens[j].kind != "word":
                break
            if (i := info(tokens[j])) and i.noun and (m := best_match(keys(tokens[j]), j, context)):
                options.append((m, j, "before"))
                break
    if not options and r_head is not None and total is None and all(f.pos < floor for f in before) \
            and (earlier := _earlier_clause(tokens, min(l_start, left), floor)):
        for_head = context + earlier  # "Здійснювався моніторинг публікацій, за місяць підготовлено 21 огляд"
        if m := best_match(keys(tokens[r_head]), r_head, for_head):
            options.append((m, r_head, "after"))
    if not options and l_head is not None and not dash_before and r_head is None \
            and (verb := max((j for j in range(l_head + 1, n.lead) if tokens[j].kind == "word" and verb_only(tokens[j])),
                             default=None)) is not None \
            and (head := left_head(tokens, verb + 1, n.lead)[0]) is not None \
            and (m := best_match(keys(tokens[head]), head, context)):
        options.append((m, head, "before"))  # "Відділ підготував привітань двадцять": the subject names nothing,
        # the object after the verb counts
    if not options and dash_before and l_head is not None and (verbless := _verbless(s, n, l_start, l_head)):
        options.append(verbless)
    adjectives = l_adj or r_adj
    senders = dash_before and r_head is None and total is None \
        and tokens[l_start].low in ("від", "з") and is_people(tokens[l_start + 1]) and not has_verb(tokens[l_start:l_end])
    # ("від учасників бойових дій – 77": what came from them, not the people; read below with the figure before)
    options = [o for o in options if not (senders and o[0].code in people_codes())]
    for head in (r_head, l_head):
        if not options and head is not None and not times and is_people(tokens[head]) and not senders \
                and (m := people_match(context, head)):
            options.append((m, head, "after" if head == r_head else "before"))
    if not options and l_head is None and r_head is None and not total \
            and has_verb(tokens[min(l_start, left):n.lead]) \
            and (r := inserted_clause(tokens, min(l_start, left), floor)) is not None \
            and (i := info(tokens[r - 2])) is not None and i.noun \
            and (m := best_match(keys(tokens[r - 2]), r - 2, context)):
        options.append((m, r - 2, "before"))  # "Звернень, поданих у письмовій формі, налічується 49": the
        # noun's predicate (never "і 5, що змінили адресу" after "8 листів, які …": a count of its own)
    if not options and adjectives and (l_head is None and r_head is None):
        for a in adjectives:  # "релігійних – 40": the adjective names the metric itself
            if m := best_match(keys(tokens[a]), a, context):
                options.append((m, a, "after" if a > n.pos else "before"))
    if not options and n.end < len(tokens) and tokens[n.end].low in UNIT_NOUNS:
        unit = colon_lead_match(tokens, n.lead)  # "питання у зверненнях: благоустрій – 96 одиниць"
        if unit is not None:
            options.append((unit[0], unit[1], "before"))
    if not options and alone_in_brackets(tokens, n) and (near := _bracket_lead_match(tokens, n)) is not None:
        options.append((near[0], near[1], "before"))  # "питань порушено щодо освіти (31), транспорту (12)"
    if not options and total is None and alone_in_brackets(tokens, n) and (whole := bracket_total(s, n, before, previous)):
        total = whole  # "Надійшло 300 звернень: з питань освіти (31), транспорту (12)": parts of the 300
    if (dash_before or _states_level(tokens, n)) and _ends_sentence(tokens, n) \
            and (head := _sentence_head(s, n)) is not None \
            and not (r_head == n.end and is_people(tokens[r_head]) and not info(tokens[head]).animate):
        # ("Загальна кількість членів профспілок – близько 3,4 тис. осіб": people, never the unions)
        whole = context_of(tokens, 0, n.lead)  # "Кількість громадян, які звернулися, з урахуванням … – 2 977"
        m = people_match(whole) if info(tokens[head]).animate else best_match(keys(tokens[head]), head, whole)
        if m is not None and (not options or m.score > max(o[0].score for o in options)):
            options = [(m, head, "before")]
    if not options and r_head is None and total is None and (opening := _sum_after_list(tokens, n)) is not None:
        options.append((opening[0], opening[1], "before"))  # "порушувалися питання благоустрою, …, – усього 812"
    if not options and l_head is None and r_head is None and not (force_part and total is not None):
        # a part counts what its total counts: the figures before it say nothing of what it is
        clause = _clause_match(s, n, min(l_start, left), tail, *(([total], []) if total is not None
                                                                 else (before, previous + recent)))
        if clause is not None:
            options.append((clause[0], clause[1], "after" if clause[1] > n.pos else "before"))
    quarter = quarter_clause(tokens[min(l_start, left):n.lead]) or _next_quarter(tokens, min(l_start, left), n)
    in_month = month_clause(tokens, min(l_start, left), n.lead) or (  # "найбільше – у травні: 5"
        (n.lead > 0 and tokens[n.lead - 1].text == ":") or alone_in_brackets(tokens, n)) and month_clause(
        tokens, max((j + 1 for j in range(n.lead - 1) if is_delimiter(tokens[j]) or is_dash(tokens[j])), default=0),
        n.lead - 1)  # "найменше – у січні (52)"
    if not options and r_head is None and (in_month or quarter) \
            and (l_head is None or tokens[l_head].low in MONTH_WORDS or quarter) and not (
            colon_lead_match(tokens, n.lead) and _months_of_colon_lead(tokens, n, before)):  # "(жовтень – 76, …)"
        near = next((f for f in reversed(before) if f.total is None), None) or (previous[-1] if previous else None)
        if near is not None:  # "(у жовтні – 3, у листопаді – 2)": the months of the figure before
            fig = Found(near.code, n.value, s, n.pos, "ellipsis", head=near.head, head_text=near.head_text)
            fig.confidence = 0.75
            fig.approximate, fig.number_words = n.approximate, n.words
            fig.context, fig.span, fig.lead = context, (left, right), n.lead
            return fig
    if not options and r_head is None and total is None and dash_before and n.lead >= 2 \
            and tokens[n.lead - 2].low in MONTH_WORDS and any(t.low in TOP_WORDS for t in tokens[min(l_start, left):n.lead]):
        near = next((f for f in reversed(before) if f.total is None), None) or (previous[-1] if previous else None)
        if near is not None and (l_head is None or keys(tokens[l_head]) & near.head or not _has_option(tokens, l_head, context)):
            # "Найбільше публікацій традиційно припало на березень – 191": the busiest month of the figure before
            fig = Found(near.code, n.value, s, n.pos, "ellipsis", head=near.head, head_text=near.head_text)
            fig.confidence = 0.7
            fig.approximate, fig.number_words = n.approximate, n.words
            fig.context, fig.span, fig.lead = context, (left, right), n.lead
            return fig
    if total is not None:  # a part names another metric only with a word of its own, not its total's
        theirs = frozenset().union(*(k for _, k in total.context)) if total.context else frozenset()
        own = [(pos, k) for pos, k in context if pos > BORROWED]

        def _own_word(m: Match) -> bool:
            return any(any(ws & k for _, k in own) and not ws & theirs for ws in m.pattern.words)

        # "34 новини, з них 6 – анонси подій": a verbless kind after a dash is a kind of the total's thing
        kind_of_total = dash_after(tokens, n.end) and not has_verb(tokens[n.end + 1:right])
        kept = []
        for m, head, how in options:
            if m.code != total.code and kind_of_total:
                continue
            if METRICS[m.code].category != METRICS[total.code].category and dash_before \
                    and not has_verb(tokens[left:n.lead]):
                continue  # "запитів – 37, з них від: … громадських об’єднань – 4": a requester, not the NGOs
            if m.code != total.code and m.code in people_codes() and adjective_only(tokens[head]):
                continue  # "звернень …, колективних серед них було 47": a kind of the total's noun, not people
            if m.code != total.code and head > 0 and tokens[head - 1].low in ABOUT_VERBS:
                continue  # "46 новин, з яких 17 стосувалися заходів …": the events are a topic of the news
            if m.code != total.code and not _own_word(m):
                m = best_match(keys(tokens[head]), head, own)
                if m is None or (m.code != total.code and not _own_word(m)):
                    continue
            kept.append((m, head, how))
        options = kept
    if r_head is not None and r_head == n.end + after_marker and not r_adj \
            and not is_people(tokens[r_head]) and tokens[r_head].low not in UNIT_NOUNS \
            and not any(head == r_head for _, head, _ in options):
        # "допис … – понад 23 тис. переглядів": the number counts its own noun (naming no metric), not one before it
        options = [o for o in options if o[1] > n.pos]
    if r_head is not None and r_head == n.end and is_people(tokens[r_head]):
        # "кількість членів профспілок – близько 2,9 тис. осіб": people, never the things named before them
        options = [o for o in options if o[1] > n.pos or o[0].code in people_codes()]
    fig: Found | None = None
    if not options and back and not own_antecedent and l_head is None and r_head is None and total is None \
            and not s.prior.figures:
        # "Далі – громадські обговорення. Їх відбулося п’ять": the pronoun's noun, in the sentence before
        for j, t in enumerate(s.prior.tokens):
            if t.kind == "word" and (i := info(t)) and i.noun and (m := best_match(keys(t), j - 20_000, context)):
                fig = Found(m.code, n.value, s, n.pos, "ellipsis", head=keys(t), head_text=t.text)
                fig.confidence = 0.7
                break
    if fig is not None:
        pass
    elif options:
        m, head, how = max(options, key=lambda o: (o[0].score, o[2] == ("before" if dash_before else "after")))
        fig = Found(m.code, n.value, s, n.pos, how, head=keys(tokens[head]), head_text=tokens[head].text,
                    head_pos=head)
        fig.confidence = match_confidence(m, how, n.words)
    elif (l_head is None and r_head is None) and (total is not None or dash_before or dash_after(tokens, n.end)) \
            and not (total is None and dash_before and not before and colon_lead_match(tokens, n.lead) is not None):
        # ("звернення розподілились так: поштою – 6 412": the colon's lead names them, not a sentence before;
        # "звернулося 1 047 громадян, тоді як у 2022 році – 893": the figure it compares with, not a noun further back)
        fig = _ellipsis(s, n, context, adjectives, total, before, previous)
        if fig is not None and total is None and not any(b.head == fig.head for b in before) \
                and (then := compared(tokens, n, before)) is not None:
            fig = Found(then.code, n.value, s, n.pos, "compared", head=then.head, head_text=then.head_text,
                        confidence=0.7)
    elif before and r_head is not None and info(tokens[r_head]).adjective and r_head + 1 == r_end:
        # "… вхідних документів та 3 100 вихідних": an adjective standing for the noun of the figure before
        fig = _ellipsis(s, n, context, [r_head], None, before[-1:], [])
    elif l_head is None and r_head is None and n.lead == 0 and total is None:
        fig = _ellipsis(s, n, context, adjectives, None, [], [])  # "5. Кількість звернень …" / "148, з них …"
    if fig is None and total is None and dash_before and r_head is None and l_head is not None \
            and is_people(tokens[l_head]) and not has_verb(tokens[min(l_start, left):n.lead]) \
            and (sent := next((f for f in reversed(before) if f.total is None), None)) is not None \
            and sent.head & FAMILY_NOUNS.keys() and sent.code in FAMILY_OF:
        # "фізичні особи – 109 запитів, …, журналісти – 22": who sent them; what is counted is the figure's before
        fig = Found(sent.code, n.value, s, n.pos, "ellipsis", head=sent.head, head_text=sent.head_text)
        fig.confidence = 0.7
        fig.breakdown = breakdown_words(tokens, min(l_start, left), n.lead, set()) or None
    label = min(l_start, left)  # "Viber-спільнота: 94": the label before a colon, too, and its note in brackets
    if fig is None and total is None and dash_before and r_head is None and l_head is not None and before \
            and not _has_option(tokens, l_head, context) and not has_verb(tokens[label:l_end]) \
            and before[-1].total is None and before[-1].head and tokens[label - 1].text in ",;" \
            and (m := best_match(before[-1].head, BORROWED * 40, context_of(tokens, label, n.lead))) is not None \
            and m.code == before[-1].code and len(m.pattern.words) > 1:
        # "канал мав 212 тисяч підписників, сторінка у Facebook – 148 тисяч": whose, with the noun of the figure before
        fig = Found(m.code, n.value, s, n.pos, "ellipsis", head=before[-1].head, head_text=before[-1].head_text)
        fig.confidence = 0.7
        fig.breakdown = breakdown_words(tokens, label, l_end, set()) or None
    if fig is None and total is None and (l_head is None or senders) and r_head is None \
            and any(tokens[j].low in ("від", "з") and is_people(tokens[j + 1]) for j in range(left, n.lead - 1)) \
            and (sent := next((f for f in reversed([*previous, *before]) if f.total is None), None)) is not None \
            and sent.head & FAMILY_NOUNS.keys() and sent.code in FAMILY_OF \
            and (m := best_match(sent.head, BORROWED * 40, context_of(tokens, left, right))) is not None \
            and m.code == sent.code and (len(m.pattern.words) > 1 or senders):
        # "від військовослужбовців надійшло 97", "від осіб з інвалідністю – 54": from whom, and the arrival of the
        # family's thing counted before
        fig = Found(sent.code, n.value, s, n.pos, "ellipsis", head=sent.head, head_text=sent.head_text)
        fig.confidence = 0.7
        fig.breakdown = breakdown_words(tokens, left, n.lead, set()) or None
    month_verb = not dash_before and month_clause(tokens, min(l_start, left), n.lead - 1) \
        and verb_only(tokens[n.lead - 1])  # "…запитів …: у січні надійшло 7, у лютому – 5"
    if fig is None and total is None and (dash_before or month_verb) \
            and (not month_clause(tokens, min(l_start, left), n.lead - month_verb)
                 or _months_of_colon_lead(tokens, n, before)) \
            and (l_head is None or not _has_option(tokens, l_head, context)) \
            and (lead := colon_lead_match(tokens, n.lead)) is not None:  # "отримано запитів: поштою – 109"
        fig = Found(lead[0].code, n.value, s, n.pos, "before", head=keys(tokens[lead[1]]),
                    head_text=tokens[lead[1]].text, head_pos=lead[1])
        fig.confidence = match_confidence(lead[0], "ellipsis", n.words)
    elif fig is None and total is None and dash_before and l_head is not None and not _has_option(tokens, l_head, context) \
            and (line := _lead_line_match(s, n.pos)) is not None:  # "Найчастіше порушуються питання:" / "соціального захисту – 160"
        word = line[1]
        fig = Found(line[0].code, n.value, s, n.pos, "before", head=keys(word), head_text=word.text)
        fig.confidence = match_confidence(line[0], "ellipsis", n.words)
        fig.breakdown = breakdown_words(tokens, min(l_start, left), n.lead, set()) or None
    if fig is None and total is None and r_head is not None \
            and any(t.low in SUM_WORDS for t in tokens[min(l_start, left):n.lead]):
        same = [f for f in [*before, *previous] if f.total is None and f.head & keys(tokens[r_head])]
        if same and len({f.code for f in same}) == 1:  # "… липень – 2, серпень – 3. Усього за квартал 5 засідань"
            fig = Found(same[0].code, n.value, s, n.pos, "after", head=keys(tokens[r_head]),
                        head_text=tokens[r_head].text, head_pos=r_head)
            fig.confidence = 0.75
    if fig is None and total is None and not times and r_head is None \
            and (l_head is None or not _has_option(tokens, l_head, context)) \
            and points_back(tokens[min(l_start, left):n.lead]) \
            and (ante := antecedent(tokens, min(l_start, left), context, [*previous, *before], n.lead,
                                    s.prior.tokens if s.prior is not None and not s.prior.figures else None)) is not None:
        # "За рік надійшло 1 612 звернень. У 2024 році їх було 1 498": "їх" stands for the nearest noun before
        fig = Found(ante[0], n.value, s, n.pos, "ellipsis", head=ante[1], head_text=ante[2])
        fig.confidence = 0.7
    if fig is None and total is None and (r_head is None or times or tokens[r_head].low in EARLIER | WHEN_WORDS) \
            and (then := compared(tokens, n, before or previous[-1:])):
        # "412 звернень (проти 390 торік)", "…, що на 22 більше, ніж торік (390)": the figure before, another time
        # (etl.reports.extraction keeps it only when its words name that earlier period)
        fig = Found(then.code, n.value, s, n.pos, "compared", head=then.head, head_text=then.head_text)
        fig.confidence = 0.7
    if fig is None and total is None and r_head is None and (start := range_start(tokens, n, before)) is not None:
        # "збільшилася з 187 у 2020 році до 214 у 2021-му": what it grew to counts the same thing
        fig = Found(start.code, n.value, s, n.pos, "ellipsis", head=start.head, head_text=start.head_text)
        fig.confidence = 0.7
    if fig is None and total is None and dash_before and r_head is not None and r_head == n.end:
        whole = next((f for f in reversed(before) if f.total is None), None)
        if whole is not None and whole.head & keys(tokens[r_head]) and whole.head_pos is not None \
                and whole.head_pos < n.lead:  # "Порушено 1 115 питань; … господарство – 402 питання"
            total = whole
            fig = Found(whole.code, n.value, s, n.pos, "ellipsis", head=whole.head, head_text=whole.head_text)
            fig.confidence = 0.7
            skip = skip | {r_head}  # the noun repeats the total's: it tells nothing apart
    elif fig is None and total is None and dash_before and r_head is None and l_head is not None \
            and (said := next(((j, w) for j in range(l_head, l_end - 1) if tokens[j + 1].kind == "word"
                               and (j > l_head or not l_adj)
                               and (i := info(tokens[j])) is not None and i.noun and not i.adjective
                               and not has_verb(tokens[j + 1:l_end])
                               and (w := _repeated_total(tokens[j], n, [*recent, *before])) is not None), None)):
        # "Порушено 2 477 питань. … Переважали питання житлово-комунального господарства – 812", "Перше місце
        # посідають питання …", "Далі йдуть питання …": the label's noun is that of a total just before; what
        # follows the noun tells the part apart
        l_head, whole = said
        total = whole
        fig = Found(whole.code, n.value, s, n.pos, "ellipsis", head=whole.head, head_text=whole.head_text)
        fig.confidence = 0.7
        skip = skip | set(range(min(l_start, left), l_head + 1))
    if fig is None and total is not None and (r_head is None or keys(tokens[r_head]) & total.head or not (
            (is_people(tokens[r_head]) and not info(tokens[r_head]).adjective and total.code not in people_codes())
            or has_verb(tokens[left:n.lead]) or any(t.low in _TOPIC_PREPOSITIONS for t in tokens[left:n.lead]))):
        # "з них 11 – великих", "і 6 – малих": parts of the total ("…, в яких узяли участь 1 126 мешканців",
        # "та розглянула 11 питань" count a noun of their own: never parts of it)
        fig = Found(total.code, n.value, s, n.pos, "ellipsis", head=total.head, head_text=total.head_text)
        fig.confidence = 0.75
    if fig is None:
        return _refused_cases(s, n, min(l_start, left), r_end, [*previous, *before]) \
            or _sent_by(s, n, min(l_start, left), [*previous, *before]) or _planned_noun(s, n, min(l_start, left)) \
            or _the_rest(s, n, floor, r_end, [*previous, *before])
    if of_them is not None and fig.code != of_them.code and fig.breakdown is None and fig.code in people_codes():
        # "їх підписали 203 особи": the people who did it to the things before, a kind of the people counted
        verbs = " ".join(t.text for t in tokens[min(l_start, left):n.lead]
                         if t.kind == "word" and t.low not in THEM and not is_stop_word(t.low))
        fig.breakdown = f"{verbs} ({of_them.head_text})" if verbs else None
    if n.words and tokens[n.pos].low in TIMES_ADVERBS and (fig.code not in _OCCASIONS or _rate(tokens, n.end)):
        return None  # "розглядали двічі", "двічі на місяць": how often, not how many (only meetings "відбулися двічі")
    if fig.code in people_codes() and _only_recipients(tokens, min(l_start, left), r_end, fig.code):
        # "у 684 випадках заявникам відмовлено": the people it was done to are not what is counted
        return _refused_cases(s, n, min(l_start, left), r_end, [*previous, *before])
    if total is not None and l_head is None and r_head is None and total.head and not force_part:
        # "27 новин, з них 19 – з фотографіями": a part with no noun of its own counts its total's
        # noun, and its own words may make that noun another metric (news with photos, not photos)
        own = context_of(tokens, min(l_start, left), r_end, skip)  # the clause's own words, not its lead's
        if alone_in_brackets(tokens, n):  # "з них із фотографіями (19)"
            own += context_of(tokens, segment_start(tokens, n.lead - 1), n.lead - 1)
        m = best_match(total.head, BORROWED * 40, own)
        if m is not None and m.code != total.code and len(m.pattern.words) > 1:
            fig.code = m.code
    if force_part and total is not None and fig.code != total.code:  # items under "Запитувачі:"
        fig.code, fig.head, fig.head_text = total.code, total.head, total.head_text
    if fig.code in OTHER_BODY and fig.head_pos is not None:
        other, own = OTHER_BODY[fig.code]
        near = [keys(t) for t in tokens[fig.head_pos + 1:fig.head_pos + 3] if t.kind == "word"]
        if any(k & other for k in near) and not any(k & own for k in near):
            return None
        sentence = [keys(t) for t in tokens[:r_end] if t.kind == "word"]  # "сесії, на яких прийнято 146 рішень"
        if any("сесія" in k for k in sentence) and not any(k & own for k in sentence):
            return None
    if rules_out(fig.code, (t.low for t in tokens[min(l_start, left):r_end])) \
            and not (total is not None and (total.code, fig.code) in PART_STAYS):
        if fig.code in INTERNAL_AS and any(t.low in INTERNAL for t in tokens[min(l_start, left):r_end]):
            # "Внутрішні документи – 972", "з яких 4 102 вхідних, 3 488 вихідних, 1 727 внутрішніх": a kind of
            # the whole flow, also past the incoming letters' own sub-list ("- вхідних – 8 902, з них: …")
            fig.code, fig.breakdown = INTERNAL_AS[fig.code], INTERNAL_KIND
            if total is not None:
                fig.total = _up_to(total, fig.code)
        elif total is None and fig.head_pos is not None and (other := best_match(
                fig.head, fig.head_pos, context, refuse=frozenset({fig.code}))) is not None \
                and len(other.pattern.words) > 1 \
                and not rules_out(other.code, (t.low for t in tokens[min(l_start, left):r_end])):
            fig.code = other.code  # "За результатами розгляду … надано інформацію на 58 запитів": the words
            # that rule one metric out leave the next that fits them all (requests satisfied, not pending)
        else:
            return None  # (a part of a total it stays with is that total's kind: internal documents of the flow)
    if n.end < len(tokens) and tokens[n.end].low in CASE_NOUNS and fig.code in NOT_CASES:
        return None  # "У 47 випадках строк розгляду продовжено … з повідомленням заявників": cases, not who appealed
    if fig.code in CIVIL_STOCKS and total is None and any(
            t.kind == "word" and (i := info(t)) and i.verb and not i.noun and not i.adjective
            and t.low not in REGISTRY_VERBS for t in tokens[min(l_start, left):r_end]) \
            and not any(t.low in REGISTRY_VERBS for t in tokens[min(l_start, left):r_end]):
        return None  # "фінансову підтримку отримали 6 громадських організацій": not the registered ones
    if any(t.low in _EACH for t in tokens[min(l_start, left):r_end]):
        return None  # "кожен учасник міг підтримати до трьох проєктів": a rule per person, not a count
    if fig.code.startswith("pb_") and any("проєкт" in keys(t) and tokens[j + 1].low in DRAFT_OF
                                           for j, t in enumerate(tokens[:-1])):
        return None  # drafts of decisions, not the participatory budget's projects
    if fig.code in ("photos_published", "photos_in_news_published") and marker_after(tokens, n.end) \
            and any(t.low in ILLUSTRATE_VERBS for t in tokens[min(l_start, left):r_end]):
        fig.code = "photo_news_published"  # "Фото … проілюстровано 508 з них", "до 17 з них додали фотографії":
        # the news items illustrated, not the photos
    if fig.code in RECEIVED_AS and any(t.low in RECEIVED_WORDS for t in tokens[min(l_start, left):r_end]):
        fig.code = RECEIVED_AS[fig.code]  # "До відділу надійшло 25 документів"
    if fig.code in REFUSED_AS and any(t.low in REFUSAL_WORDS for t in tokens[min(l_start, left):r_end]):
        fig.code = REFUSED_AS[fig.code]  # "у задоволенні 14 звернень відмовлено"
    if (what := predicate_match(tokens, n.end, right)) is not None:
        fig.code = what.code  # "2 листа з яких є запитами на публічну інформацію": what they are
    if fig.code in _OCCASIONS and total is not None and total.code == "online_broadcasts":
        fig.code = total.code  # "онлайн-трансляцію 20 засідань …: 14 засідань виконкому та 6 пленарних засідань"
    if fig.code in _OCCASIONS and fig.code != "online_broadcasts" and _broadcast(tokens, min(l_start, left), n) \
            and (fig.head_pos is None or (i := info(tokens[fig.head_pos])) is None
                 or any(case == "gent" for case, _ in i.forms)):  # "трансляції … та 2 брифінги": briefings held
        fig.code = "online_broadcasts"  # "онлайн-трансляції двох пленарних засідань сесії": sittings broadcast
    if fig.code in ATTENDED_AS and fig.head_pos is not None and (i := info(tokens[fig.head_pos])) is not None \
            and i.forms and all(case == "loct" for case, _ in i.forms):
        fig.code = ATTENDED_AS[fig.code]  # "у чотирьох засіданнях виконкому"
    if fig.code == "photo_news_published" and fig.head_pos is not None \
            and any("photos_published" in bare_heads().get(k, ()) for k in keys(tokens[fig.head_pos])) \
            and any(t.low == "до" and tokens[j + 1].kind == "word" for j, t in enumerate(tokens[:n.lead - 1])
                    if j >= min(l_start, left)):  # (not "до 17 з них додали фотографії": 17 items)
        fig.code = "photos_in_news_published"  # "до матеріалів сайту додано 120 фото": photos, not the materials
    if fig.code in PUBLISHED_AS and (verbs := _verbs_before(tokens, n.lead)) and verbs <= PUBLISH_VERBS:
        fig.code = PUBLISHED_AS[fig.code]  # "Оприлюднено …, два розпорядження міського голови"
    if fig.code in STOCK_CODES and fig.head_pos is not None \
            and any(t.low in NEW_WORDS for t in tokens[min(l_start, left, fig.head_pos):fig.head_pos]):
        return None  # "зареєстровано 12 нових громадських організацій": a flow, not the stock
    pending_end = _relative_tail(tokens, r_end, starts)  # ("Шість звернень, що надійшли …, перебувають на розгляді")
    if alone_in_brackets(tokens, n):  # "Решта звернень (6) перебуває на розгляді": the bracket's predicate
        pending_end = next((j for j in range(n.end + 1, len(tokens)) if tokens[j].text in ",;.("), len(tokens))
    if fig.code in NOT_WHEN_PENDING and any(t.low in PENDING_WORDS for t in tokens[min(l_start, left):pending_end]):
        return None
    if fig.code in NEGATED_CODES and any(  # "ще 9 не отримали потрібної підтримки"
            t.low == "не" and (i := info(tokens[j + 1])) is not None and i.verb and not i.noun
            for j, t in enumerate(tokens[min(l_start, left):r_end - 1], start=min(l_start, left))):
        fig.code = NEGATED_CODES[fig.code]
    quoted = _quoted_before(tokens, min(l_start, left), n.lead) or _named_row(s) \
        or any(t.kind == "punct" and t.text in "«„“" for t in tokens[n.end:max(right, pending_end)])
    # ("– 4 318 – зібрав проєкт «…»", "найбільше голосів (611) отримав проєкт «…»")
    one = any("окремий" in k or "лідер" in k for pos, k in context if pos > BORROWED) \
        or (alone_in_brackets(tokens, n) and any(t.low in ("проєкт", "проект") for t in tokens[n.end:pending_end])) \
        or (total is None and any(t.low in ("найбільше", "місці", "місце") for t in tokens[min(l_start, left):right]))
    # ("Набрав окремий проєкт 25 голосів", "найбільше голосів (812) набрав проєкт облаштування …", "найбільше
    # голосів – 612 – набрав проєкт …", "на другому місці з 547 голосами сквер": one project, ranked)
    fig.code = QUOTED_NAME_CODES.get(fig.code, fig.code) if quoted or one else UNQUOTED_CODES.get(fig.code, fig.code)
    family = _family(s, min(l_start, left), r_end, before, previous)
    if family and (fig.code, family) in ACROSS_FAMILIES \
            and not (fig.code == "letters_answered" and any("лист" in k for t in s.tokens for k in [keys(t)])):
        # (answers on "96 листів та звернень" stay answers on letters)
        code = ACROSS_FAMILIES[(fig.code, family)]
        if code is None:
            return None
        if code == "public_info_requests_satisfied" and any("роз’яснення" in k for pos, k in context if pos >= 0):
            code = "public_info_requests_explained"  # an explanation on a request is not its satisfaction
        fig.code = code
    if total is not None and (total.code, fig.code) in PART_STAYS:
        fig.code = total.code  # "розглянуто 8 петицій, з них 3 підтримано": answered, and supported by the mayor
    if total is not None and fig.code == total.code:
        fig.code, fig.total, fig.how = total.code, total, "part"
        phrase = breakdown_words(tokens, left, right, skip | set(range(n.end, n.end + after_marker))
                                 | _marker_words(tokens, left, n.lead))
        if not phrase and (alone_in_brackets(tokens, n)  # "з питань освіти (31)"
                           or (n.lead > 0 and tokens[n.lead - 1].text == ":")):  # "юридичні особи: 2"
            phrase = breakdown_words(tokens, segment_start(tokens, n.lead - 1), n.lead - 1, set())
        if not phrase and n.lead > 1 and is_dash(tokens[n.lead - 1]) and tokens[n.lead - 2].text == ")" \
                and (o := max((j for j in range(n.lead - 2) if tokens[j].text == "("), default=None)) is not None:
            start = segment_start(tokens, o)  # "внутрішні документи (службові, доповідні записки) – 9 534"
            phrase = breakdown_words(tokens, start, o, {j for j in range(start, o) if keys(tokens[j]) & total.head})
        fig.breakdown = f"{phrase} ({total.head_text})" if phrase and not _has_noun(tokens, phrase) else phrase
        fig.breakdown = fig.breakdown or None
        if fig.code == "documents_flow_total" and any(t.low in INTERNAL for t in tokens[floor:n.lead]):
            fig.breakdown = INTERNAL_KIND  # "зареєстровано 6 102 документи, у тому числі: … – внутрішніх – 1 090"
    fig.approximate, fig.number_words = n.approximate, n.words
    fig.context, fig.span, fig.lead = context, (left, right), n.lead
    return fig


# what "двічі", "тричі" count: occasions that take place ("засідання громадської ради відбулися двічі")
_OCCASIONS = frozenset({"exec_committee_meetings", "public_council_meetings", "public_consultations_held",
                        "council_sittings_attended", "commission_meetings_attended", "events_attended",
                        "seminars_attended", "press_events_organized", "online_broadcasts",
                        "participatory_budget_rounds"})


def _rate(tokens: list[Token], j: int) -> bool:
    """ "двічі на місяць", "тричі на тиждень": a frequency."""
    return j + 1 < len(tokens) and tokens[j].low == "на" and tokens[j + 1].low.startswith(
        ("місяц", "тиждень", "рік", "день", "добу", "квартал", "год"))


def _verbs_before(tokens: list[Token], pos: int) -> set[str]:
    """The verbs of the sentence before ``pos``, back to its start or a semicolon (a number word, "три",
    is none)."""
    start = max((j + 1 for j in range(pos) if tokens[j].text == ";"), default=0)
    numbers = {j for m in sentence_numbers(tokens) for j in range(m.pos, m.end)}
    return {t.low for j, t in enumerate(tokens[start:pos], start=start)
            if t.kind == "word" and j not in numbers and verb_only(t)}


def _repeated_total(noun: Token, n: Number, figures: list[Found]) -> Found | None:
    """The last total of ``figures`` that counts ``noun`` and holds the number ``n`` (a part is no bigger)."""
    whole = next((f for f in reversed(figures) if f.total is None and f.head & keys(noun)), None)
    return whole if whole is not None and n.value <= whole.value else None


def _only_recipients(tokens: list[Token], a: int, b: int, code: str) -> bool:
    """Every noun for people in tokens[a:b] is in the dative only ("заявникам", "громадянам") and no other
    word of the clause is one of the metric's ("направлено належним розпорядникам" names its verb)."""
    people = [t for t in tokens[a:b] if is_people(t)]
    if not people or not all((i := info(t)) and i.forms and all(c == "datv" for c, _ in i.forms) for t in people):
        return False
    words = metric_words(code)
    return not any(keys(t) & words for t in tokens[a:b] if t.kind == "word" and t not in people
                   and not is_stop_word(t.low))


def _months_of_colon_lead(tokens: list[Token], n: Number, before: list[Found]) -> bool:
    """ "Засідання виконавчого комітету: липень – 2, серпень – 3": months after a colon with no
    figure before it in the sentence are the months of what the lead names."""
    colon = max((j for j in range(n.lead) if tokens[j].text == ":"), default=None)
    return colon is not None and not any(f.pos < colon for f in before)


def _marker_words(tokens: list[Token], a: int, b: int) -> set[int]:
    """The part markers in tokens[a:b], and a clause-opening "серед <the total's things>" before its number."""
    out = set(range(a, b)) if a < b and tokens[a].low == "серед" else set()
    for e in range(a + 1, b + 1):
        if size := marker_length(tokens, e, PART_BEFORE + PART_AFTER):
            out |= set(range(e - size, e))
    return out


def _ellipsis(s, n, context, adjectives, total, before, previous) -> Found | None:
    # "156 громадських організацій (на 01.01.2025 – 149)", "3 410 вхідних документів (у ІІ кварталі – 3 180)":
    # a bracket right after a figure that says only when is the same figure at another time
    o = n.lead - 2 if n.lead > 1 and is_dash(s.tokens[n.lead - 1]) else None
    o = next((j for j in range(o, -1, -1) if s.tokens[j].text == "("), None) if o is not None else None
    first = before[-1] if before and total is None else None
    item = o  # where the figure's own words start: after the bracket, or after the item before it in the bracket
    if o is not None and first is not None and first.pos > o:  # "(на 01.01.2025 – 45, на 01.01.2024 – 41)"
        inside = [f for f in before if f.pos > o]
        first = next((f for f in reversed(before) if f.pos < o), None)
        comma = max((j for j in range(inside[-1].pos, n.lead - 1) if s.tokens[j].text in ",;"), default=None)
        if first is None or comma is None or any(f.code != first.code or f.how != "ellipsis" for f in inside):
            first = None
        item = comma
    if o is not None and first is not None and first.pos < o and item + 1 < n.lead - 1 and not any(
            t.kind == "num" and s.tokens[j - 1].low != "на"  # "…, що на 7 232 менше, ніж торік (за 9 місяців …)"
            for j, t in enumerate(s.tokens[first.pos + 1:o], start=first.pos + 1)) \
            and all(t.kind == "mask" or t.text == "." or (t.kind == "word" and (
                is_stop_word(t.low) or t.low in WHEN_WORDS or t.low.rstrip(".") in ("кв", "р") or set(t.low) <= set("іivx")))
                    for t in s.tokens[item + 1:n.lead - 1]):  # "(у лютому 2025 р. – 1 043)", "(ІІІ кв. 2021 р. – 389)"
        fig = Found(first.code, n.value, s, n.pos, "ellipsis", head=first.head, head_text=first.head_text)
        fig.confidence = 0.7
        return fig
    must = frozenset().union(*(keys(s.tokens[a]) for a in adjectives)) if adjectives else frozenset()
    title = _item_title(s) if total is None and not before else None
    asked = context_of(title.tokens, 0, len(title.tokens)) if title is not None else []
    for j, t in enumerate(title.tokens if title is not None else []):  # "5. Кількість засідань виконкому?" /
        # "У звітному періоді – 6.": the noun of the question above, before any figure further back
        if (i := info(t)) is not None and i.noun and (m := best_match(keys(t), j, asked, must_use=must)):
            fig = Found(m.code, n.value, s, n.pos, "ellipsis", head=keys(t), head_text=t.text)
            fig.confidence = match_confidence(m, "ellipsis", n.words)
            return fig
    prior = s.prior.tokens if s.prior is not None and not s.prior.figures and total is None and not before \
        and any(t.low in THEM for t in s.tokens[:n.lead]) else []
    if prior and (near := prior_noun(prior)) is not None:  # "І насамкінець – громадські обговорення. За дев’ять
        # місяців їх проведено 5": "їх" stands for the noun of the sentence before, which has no figure of its own
        fig = Found(near[0], n.value, s, n.pos, "ellipsis", head=near[1], head_text=near[2])
        fig.confidence = 0.7
        return fig
    # a part of a total is the total's, never a figure's further back
    antecedents = [total] if total else list(reversed(before)) + list(reversed(previous))
    for ante in antecedents:
        if not ante.head:
            continue
        m = best_match(ante.head, -1, context, must_use=must)
        if m is not None and m.code != ante.code and len(m.pattern.words) == 1 and ante.context and (
                same := best_match(ante.head, -1, context + [(p - 40_000, k) for p, k in ante.context],
                                   must_use=must)) is not None and same.code == ante.code:
            m = same  # "Вхідних документів – 3 126 (торік – 2 874)": the noun alone ("документ") names another
            # metric; the figure it is borrowed from said which one
        if m is not None:
            fig = Found(m.code, n.value, s, n.pos, "ellipsis", head=ante.head, head_text=ante.head_text)
            fig.confidence = match_confidence(m, "ellipsis", n.words)
            return fig
    return None
