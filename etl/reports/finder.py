"""The figure finder: every number of a report that counts a catalog metric, with its sentence.

For each number of a sentence (digits, "5 790", or numeral words "дві", "одного", "п’яти"):

1. Drop it when it is a change ("зменшилась на 12"); note an approximation before it ("близько
   320", "понад 40").
2. Its clause runs from the last delimiter (, ; : brackets) or the previous number to the next.
   The counted noun comes from ``etl.reports.match`` (after the number, or before a dash, colon or
   closing verb); the clause's words, the words before a colon ("розроблено проекти документів:
   рішень виконкому – 2") and the line that introduces a list item are its context.
3. After "з них", "з яких", "у тому числі" a number is a part of the total before the marker: it
   keeps the total's metric and gets a ``breakdown`` ("від фізичних осіб") unless its own words
   name another metric ("з яких 2 було опубліковано … газети" -> greetings in the press). A number
   with no noun of its own ("у Telegram – 455", "вихідна – 19") borrows the noun of an earlier
   figure that makes a catalog wording with its words.
4. A number with no counted noun whose clause carries the meaning in a verb or a phrase ("104
   задоволено", "у 5 відмовлено", "з яких 5 перебувають у стані припинення") takes the metric a
   catalog wording of the clause's words names, but only a metric whose wordings share a word with
   what the sentence counts (its nouns outside the clause, the previous figure's noun): "52
   перебувають на розгляді" after "звернень" is not an information request.
5. A list under a lead-in line that names the metric of the figure just before ("Запити
   надійшли:", "Запитувачі:") is that figure's breakdown: every item is a part of it.
6. "Кількість громадян, які звернулися, з урахуванням … – 2 977": a number after a dash at the end
   of a sentence that opens with "Кількість <noun>" counts that noun.
7. A clause with no number that denies ("запити … не надходили", "жодного засідання") gives 0.
8. Lists and leads: a breakdown under a lead that names no metric ("За формою надходження: поштою –
   7") or under a figure's own lead line ("надійшло 577 звернень:" / "553 – індивідуальних;") is a
   part of that total; items under a lead line without a figure take the metric its last noun names
   ("порушуються питання:"); "питань стосувалося X – 210, Y – 150" gives every topic that metric;
   a sum after a list of topics ("…, транспорту – усього 812") counts what the opening clause names.
9. "з 143 проєктів … допущено 109": the pool gets the metric the result is taken from (``POOL_OF``).
   A petition's threshold ("набрали понад 150 підписів") is never a figure and does not end its
   clause; a relative clause after the counted noun ("9 об’єднань, які …, припинили діяльність")
   and the predicate it interrupts are the figure's words; words after "при" are not.

10. A table row (``etl.reports.tables``) is read like a sentence "label – value", then checked
   against its label as the spreadsheet resolver reads it, its columns and its table (``_table_row``).

11. Distractors refused (left unmatched): the length of the period ("за 9 місяців", which never takes
   the verb after it); a rule per person ("кожен учасник міг підтримати до трьох"); a line's number
   ("«гарячу лінію» 1545"); a number inside a list item's label ("решти шести округів — 39"); a
   plural subject after a number of five or more ("ще 7 автори відкликали"); a part of a number that
   named nothing ("реалізовано 6 з них"), or a bare number after such numbers of its sentence; a
   denial of a kind only ("не розглянуто з порушенням строків"). An aside in brackets ("(у 2019 році
   — 5 902)") and an example after "зокрема № 47" open no parts; a colon opens the parts of the figure
   right before it; a pronoun after a clause of its own sentence stands for that sentence's noun.

12. A form of numbered questions ("5. Кількість звернень, що надійшли …?") answered on the next line
   by a bare number ("148, з них …", "Чотири.", "Так, три:") reads the question as the label of that
   number (``_answer``); an answer line borrows no noun from before its question.

A number that names no metric is returned apart (``unmatched``), never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from activity.catalog import METRICS
from activity.months import MONTH_NAMES_UK, MONTH_NAMES_UK_LOCATIVE
from activity.morph import word_info
from etl.reports.header import column_of, heading_row
from etl.reports.lexicon import (
    ACROSS_FAMILIES,
    ATTENDED_AS,
    CIVIL_STOCKS,
    DIMENSION_WORDS,
    DRAFT_OF,
    FAMILY_NOUNS,
    FAMILY_OF,
    MEMBERS_OF_KINDS,
    NAME_HEADINGS,
    NEGATED_CODES,
    NEGATION_WORDS,
    NEW_WORDS,
    NOT_WHEN_PENDING,
    NOT_WITH_WORDS,
    OF_THE_ITEMS_BEFORE,
    OTHER_BODY,
    PART_AFTER,
    PART_BEFORE,
    PART_STAYS,
    PENDING_WORDS,
    PEOPLE_UNITS,
    POOL_OF,
    PUBLISH_VERBS,
    PUBLISHED_AS,
    QUOTED_NAME_CODES,
    REFUSAL_WORDS,
    REFUSED_AS,
    REGISTRY_VERBS,
    RELATIVE_PLURALS,
    RESULT_LEAD_WORDS,
    STOCK_CODES,
    THRESHOLD_NOUNS,
    TIMES_NOUNS,
    TRANSPARENT_NOUNS,
    UNIT_NOUNS,
    UNQUOTED_CODES,
    catalog_adjectives,
    is_stop_word,
    patterns,
    people_codes,
)
from etl.reports.match import (
    BORROWED,
    PERIOD_WORDS,
    PREPOSITIONS,
    QUOTES_CLOSE,
    Context,
    Match,
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
from etl.reports.numbers import (
    TIMES_ADVERBS,
    Number,
    is_change,
    mark_approximation,
    sentence_numbers,
)
from etl.reports.tables import (
    category_breakdown,
    column_heading,
    is_note_heading,
    is_share_label,
    is_totals_label,
    label_metric,
    row_period,
    transposed_columns,
)
from etl.reports.tokens import Sentence, Token, tokenize


@dataclass
class Found:
    code: str
    value: int
    sentence: Sentence
    pos: int  # index of the number's first token in sentence.tokens
    how: str  # after | before | ellipsis | part | item | negation | compared
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


_CYRILLIC = re.compile(r"[а-яіїєґ]", re.IGNORECASE)
_EDGE_WORDS = frozenset({"і", "й", "та", "а", "також", "ще", "це"})


def _marker(tokens: list[Token], end: int, markers) -> int:
    """Length of a marker sequence ending just before ``end`` (0 if none)."""
    for seq in markers:
        a = end - len(seq)
        if a >= 0 and all(tokens[a + i].low == w for i, w in enumerate(seq)):
            return len(seq)
    return 0


def _marker_after(tokens: list[Token], start: int) -> int:
    for seq in PART_AFTER:
        if all(start + i < len(tokens) and tokens[start + i].low == w for i, w in enumerate(seq)):
            return len(seq)
    return 0


def _gap_has_marker(tokens: list[Token], a: int, b: int) -> bool:
    if a > 0:  # "…, з них" right after the previous number belongs to it; at the start it opens the parts
        a += _marker_after(tokens, a)
    # "зібрали три петиції, зокрема № 47 щодо …": a marker before a name or a number is an example, no parts
    return any(_marker(tokens, e, PART_BEFORE + PART_AFTER) and not (e < b and tokens[e].kind == "mask")
               for e in range(a + 1, b + 1))


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
    return out


def _item_title(s: Sentence) -> Sentence | None:
    """The title opening the line of ``s`` ("2) Виконавчий комітет.", "Документообіг."): a sentence before it on
    its line of a few words with no number and no verb; or a question of a questionnaire on the line above
    ("6. Кількість матеріалів … на сайті та у соцмережах." / "На сайті – 17, у соцмережах – 29.")."""
    title = s.prior
    if title is None or not title.tokens or title.tokens[-1].text not in ".?" \
            or any(t.kind == "num" for t in title.tokens):
        return None
    if title.line == s.line and 1 < len(title.tokens) <= 5 and not any(_verb_only(t) for t in title.tokens):
        return title
    return title if _question_title(s, title) else None


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
        if first is None or not (first.forms & a.forms):
            break
        r = j
    return r


def _breakdown(tokens: list[Token], a: int, b: int, skip: set[int]) -> str:
    """The words that tell a part from its total ("від фізичних осіб"), conjunctions trimmed."""
    words = [t.text for j, t in enumerate(tokens[a:b], start=a) if t.kind == "word" and j not in skip]
    while words and (words[0].lower() in _EDGE_WORDS or words[0].lower() in _TOP_WORDS or words[0].lower() in _SUM_WORDS):
        words.pop(0)
    while words and words[-1].lower() in _EDGE_WORDS:
        words.pop()
    return " ".join(words)


def _has_noun(tokens: list[Token], phrase: str) -> bool:
    return any(word_info(w).noun and not word_info(w).adjective for w in phrase.split())


def find_figures(sentences: list[Sentence], title: str = "") -> tuple[list[Found], list[tuple[Sentence, Token]]]:
    """Every figure of the sentences, and the numbers that name no metric; ``title``: the report's title,
    whose subject a table's columns named by a bare verb may count ("Надійшло" in a report on requests)."""
    found: list[Found] = []
    unmatched: list[tuple[Sentence, Token]] = []
    previous: list[Found] = []
    lead_rows: dict[int, Sentence] = {}  # a table's lead row: its first row with a figure
    for s in sentences:
        row = s.table_row
        lead_row = lead_rows.get(row.table) if row is not None else None
        if row is not None and row.sub and s.lead_in is not None and s.lead_in.table_row is not None \
                and not s.lead_in.table_row.heading:
            lead_row = s.lead_in  # "у т. ч. позачергових" under "Засідань виконавчого комітету": the row above
        # a table row borrows a noun only from its table's lead row (or, the lead row itself, the text above)
        # "5. Кількість звернень …?" / "148, з них 52 – у квітні": an answer borrows only its question's noun
        asked = _question_line(s) is not None and row is None
        answer = _answer(s) if asked else None
        mine = _sentence(s, [answer] if answer is not None else [] if asked else lead_row.figures if lead_row is not None
                         else previous, unmatched, _header_total(s, found) or _dimension_total(s, found) or _ranked_total(s, found),
                         found[-6:], found)
        if answer is not None:
            unmatched[:] = [(u, t) for u, t in unmatched if not (u is s and t is s.tokens[answer.pos])]
            mine = [answer, *(f for f in mine if f.pos != answer.pos)]
        if row is not None and not row.heading:
            mine = _table_row(s, mine, lead_row, unmatched, title)
            mine = _noted(s, mine)
            if lead_row is None and any(f.total is None for f in mine):
                lead_rows[row.table] = s
        elif (not mine or len(mine) == 1 and (mine[0].how == "ellipsis" or _renamed_part(s, mine[0]))) \
                and (item := _label_item(s, unmatched)) is not None and (not mine or item.code != mine[0].code):
            mine = [item]  # "Тренінги – 28;" / "Допущені до голосування проєкти – 35;": its own name, not the noun
            # before; "- вихідних документів – 2 207;" under "зареєстровано документів – 6 842, з них:": a
            # part whose label names a metric of its own is that metric
        found += mine
        s.figures = mine
        previous = mine or previous
    _members_of_kinds(found)
    found = _parts_within_total(found, unmatched)
    for fig in [f for f in found if f.total is None and f.how in ("after", "before")]:
        parts = _parts_before(fig, unmatched)
        found[found.index(fig):found.index(fig)] = parts
    return found, unmatched


def _parts_before(total: Found, unmatched: list) -> list[Found]:
    """ "Соціальний захист – 210, освіта – 95; усього порушено 305 питань": bare items that named nothing
    (on its line, or on the lines right above with no figure) before a sum that they make exactly are
    its parts."""
    s, tokens = total.sentence, total.sentence.tokens
    if not any(t.low in _SUM_WORDS for t in tokens[total.span[0]:total.pos]):
        return []
    items = [(s, n) for n in _bare_numbers(tokens[:total.span[0]])]
    prior = s.prior
    while prior is not None and not prior.figures and (above := _bare_numbers(prior.tokens)):
        items[:0] = [(prior, n) for n in above]
        prior = prior.prior
    if len(items) < 2 or sum(n.value for _, n in items) != total.value:
        return []
    out = []
    for u, n in items:
        fig = Found(total.code, n.value, u, n.pos, "part", n.approximate, 0.7, head=total.head,
                    head_text=total.head_text, total=total, span=(_segment_start(u.tokens, n.lead - 1), n.end),
                    lead=n.lead, number_words=n.words)
        fig.breakdown = _breakdown(u.tokens, fig.span[0], n.lead, set()) or None
        out.append(fig)
    unmatched[:] = [(u, t) for u, t in unmatched if not any(u is v and t is v.tokens[n.pos] for v, n in items)]
    return out


def _bare_numbers(tokens: list[Token]) -> list[Number]:
    """The numbers of "label – N" items, if the tokens are only such items (else none)."""
    if not tokens or not _bare_items(tokens):
        return []
    numbers = sentence_numbers(tokens)
    for m in numbers:
        mark_approximation(tokens, m)
    return [m for m in numbers if not _line_number(tokens, m)]


_ASKS = frozenset({"кількість", "скільки", "чи", "число"})
_YES_NO = frozenset({"так", "ні"})


def _answer(s: Sentence) -> Found | None:
    """The figure an answer line opens with, under a numbered question asking a count ("5. Кількість
    звернень, що надійшли у ІІ кварталі." / "148, з них …", "2. Скільки петиції набрали підписів?" /
    "Чотири."): the question read as the label of that number ("Кількість звернень … – 148"), by the
    rules of a label and its dash; None when the line opens otherwise or the question names nothing."""
    question = _question_line(s)
    numbers = sentence_numbers(s.tokens)
    if question is None or not numbers:
        return None
    n = numbers[0]
    mark_approximation(s.tokens, n)
    if any(t.kind == "word" and t.low not in _YES_NO for t in s.tokens[:n.lead]):
        return None  # "Так, три:", "Чотири.", "148, з них": the answer is the number
    candidates = [[t for x in question for t in x.tokens if t.text != "?"]]  # the whole question, else each
    candidates += [x.tokens for x in question] if len(question) > 1 else []  # of its sentences
    fig = next((f for q in candidates if (f := _asked(q, s, n)) is not None), None)
    if fig is None:
        return None
    return Found(fig.code, n.value, s, n.pos, "item", n.approximate, fig.confidence, head=fig.head,
                 head_text=fig.head_text, span=(0, n.end), lead=n.lead, number_words=n.words)


def _asked(question: list[Token], s: Sentence, n: Number) -> Found | None:
    """What "<question> – <number>" counts, read as a label and its dash."""
    tokens = list(question)
    while tokens and tokens[-1].text in ".:?":
        tokens.pop()
    asked = Sentence(s.start, s.end, s.line, [*tokens, Token("punct", "–", s.start, s.start), *s.tokens[n.lead:n.end]])
    last = sentence_numbers(asked.tokens)[-1]
    return next((f for f in _sentence(asked, [], [], None, []) if f.pos == last.pos and f.total is None), None)


def _question_line(s: Sentence) -> list[Sentence] | None:
    """The sentences of the line before ``s`` when ``s`` opens its line and that line is a numbered
    question asking a count ("Кількість …", "Скільки …?", "Чи …? Кількість і теми.") with no figure."""
    q = []
    p = s.prior
    while p is not None and s.prior is not None and p.line == s.prior.line and p.line < s.line:
        q.insert(0, p)
        p = p.prior
    if not q or (s.prior is not None and s.prior.line == s.line) or not q[0].bullet or any(x.figures for x in q):
        return None
    words = [t.low for x in q for t in x.tokens if t.kind == "word"]
    return q if words and (words[0] in _ASKS or any(w in ("кількість", "скільки") for w in words)) else None


def _question_title(s: Sentence, title: Sentence) -> bool:
    """Whether ``title``, the sentence before ``s``, is a question of a questionnaire on the line above
    that names what ``s`` answers with ("6. Кількість матеріалів … на сайті та у соцмережах." / "На
    сайті – 17, у соцмережах – 29."): its first word is a noun like "кількість" and ``s`` has no figure yet."""
    return bool(title.line == s.line - 1 and not s.figures and keys(title.tokens[0]) & TRANSPARENT_NOUNS)


def _parts_within_total(found: list[Found], unmatched: list) -> list[Found]:
    """Items listed under a heading giving its count ("ПОРУШЕНІ ПИТАННЯ (100)" / "соціальний захист – 120;
    освіта – 30") that add up to more than that count are no parts of it: left unmatched."""
    runs: dict[tuple[int, int], list[Found]] = {}
    for f in found:
        lead = f.sentence.lead_in
        if f.total is not None and lead is not None and lead.table_row is not None and lead.table_row.titled \
                and f.code == f.total.code:
            runs.setdefault((id(f.total), id(f.sentence.lead_in)), []).append(f)
    over = [f for run in runs.values() if sum(f.value for f in run) > run[0].total.value for f in run]
    unmatched += [(f.sentence, f.sentence.tokens[f.pos]) for f in over]
    return [f for f in found if not any(f is g for g in over)]


def _members_of_kinds(found: list[Found]) -> None:
    """Parts of a count of kinds that add up to more than it ("належать до п’яти конфесій: ПЦУ – 19,
    УГКЦ – 14, …") cannot be kinds: each counts the things of its kind (``MEMBERS_OF_KINDS``)."""
    totals = {id(f.total): f.total for f in found if f.total is not None and f.total.code in MEMBERS_OF_KINDS}
    for total in totals.values():
        parts = [f for f in found if f.total is total and f.code == total.code]
        if sum(f.value for f in parts) > total.value:
            for f in parts:
                f.code = MEMBERS_OF_KINDS[total.code]


def _verb_label(s: Sentence, n: Number, left: int) -> Found | None:
    """ "Для урочистих заходів розроблено сценаріїв – 3": a clause "… verb things – N" read as the
    spreadsheet resolver reads a label, from its last verb to the dash (or, past a verb that only says
    the things were made, from the noun after it); what comes before the verb is a circumstance."""
    tokens = s.tokens
    if n.lead - 1 <= left or not is_dash(tokens[n.lead - 1]):
        return None
    if n.end < len(tokens) and (i := info(tokens[n.end])) is not None and i.noun:
        return None  # "знаходяться на розгляді – 73 звернення": the number counts its own noun
    verb = next((j for j in range(n.lead - 2, left - 1, -1) if tokens[j].kind == "word" and _verb_only(tokens[j])), None)
    if verb is None or verb + 1 >= n.lead - 1 or any(t.kind == "num" or t.text in "(),;:" for t in tokens[verb:n.lead - 1]):
        return None
    if any(t.text == "," or (is_relative(tokens, j) and t.low not in _AND) for j, t in enumerate(tokens[left:verb], start=left)):
        return None  # "Петиції, на які надано відповідь – 53": the verb of a relative clause inside the label
    code = label_metric(" ".join(t.text for t in tokens[verb:n.lead - 1]), _BY_NAME)
    if code is None and tokens[verb].low in _MAKING_VERBS:
        code = _made_label(tokens, verb, n.lead - 1)
    if code is None:
        return None
    noun = next((j for j in range(n.lead - 2, verb, -1) if (i := info(tokens[j])) is not None and i.noun), verb + 1)
    return Found(code, n.value, s, n.pos, "item", n.approximate, 0.8, span=(left, n.end), lead=n.lead,
                 number_words=n.words, head=keys(tokens[noun]), head_text=tokens[noun].text, head_pos=noun)


def _made_label(tokens: list[Token], verb: int, end: int) -> str | None:
    """After a verb that only says the things were made ("розроблено сценаріїв – 3"), the label begins at
    its noun, past a place opening it ("Розміщено на офіційному сайті новин – 40", "Надіслано до ОДА звітів – 4")."""
    place = verb + 1
    if place < end and tokens[place].low in PREPOSITIONS:
        place += 1
        while place < end and (i := info(tokens[place])) is not None and i.adjective and not i.noun:
            place += 1
        place += 1
    for start in dict.fromkeys((verb + 1, place)):
        if start < end and (code := label_metric(" ".join(t.text for t in tokens[start:end]), _BY_NAME)):
            # ("Видано на руки довідок – 30": the words a metric is never read beside still hold)
            return None if any(t.low in NOT_WITH_WORDS.get(code, ()) for t in tokens[verb:end]) else code
    return None


def _renamed_part(s: Sentence, fig: Found) -> bool:
    """ "- вихідних документів – 2 207;" under "зареєстровано документів – 6 842, з них:": a part that
    repeats its total's noun with words of its own (which may name a metric of its own)."""
    total = fig.total
    if fig.how != "part" or total is None or not total.head:
        return False
    return any(t.kind == "word" and keys(t) & total.head for t in s.tokens[:fig.lead])


_ITEM_END = frozenset({";", ".", ","})
_PARTS_LEAD = frozenset({"з", "із", "них", "яких", "у", "в", "тому", "числі", "т", "ч", "серед", "зокрема"})
# verbs that say only that the things counted were made, registered or sent out, not what became of them
# (unlike "направлено", "надано", "відмовлено", "розглянуто", which name a metric of their own)
_MAKING_VERBS = frozenset({"зареєстровано", "розроблено", "підготовлено", "розіслано", "надіслано", "опубліковано",
                           "оприлюднено", "розміщено", "видано", "створено", "виготовлено", "надруковано"})
_BY_NAME = frozenset({"exact", "remembered", "forms"})


def _label_item(s: Sentence, unmatched: list) -> Found | None:
    """ "Допущені до голосування проєкти громадського бюджету – 35;", "Рішення, розпорядження, проєкти:
    18": a line whose one number ends it after a label the prose rules read nothing in (or only the
    noun of the item before, by ellipsis), read as the
    spreadsheet resolver reads a row label (``etl.reports.tables.label_metric``: one rule for a label
    in a workbook, a table and a list), by the metric's own name or its word forms only, and only a
    label with a noun ("Відмовлено – 2" says nothing of what was refused)."""
    numbers = sentence_numbers(s.tokens)
    if len(numbers) != 1:
        return None
    n = numbers[0]
    mark_approximation(s.tokens, n)
    tail = [t for t in s.tokens[n.end:] if t.text not in _ITEM_END]
    if tail and tail[-1].text == ":" and all(t.low in _PARTS_LEAD for t in tail[:-1]):
        tail = []  # "зареєстровано документів – 6 842, з них:": a lead line whose parts follow
    if tail or n.lead < 2 \
            or not (is_dash(s.tokens[n.lead - 1]) or s.tokens[n.lead - 1].text == ":"):
        return None
    words = s.tokens[:n.lead - 1]
    if not any((i := info(t)) is not None and i.noun for t in words) or any(t.kind == "num" for t in words):
        return None
    code = label_metric(" ".join(t.text for t in words), _BY_NAME)
    verb = next((j for j, t in enumerate(words) if t.kind == "word" and _verb_only(t)), None)
    if code is None and verb is not None:
        # "За пів року зареєстровано документів – 842": the label begins at its verb; after a verb that
        # only says the things were made or registered ("розроблено сценаріїв – 3"), at its noun
        code = label_metric(" ".join(t.text for t in words[verb:]), _BY_NAME) if verb else None
        if code is None and words[verb].low in _MAKING_VERBS:
            code = _made_label(s.tokens, verb, len(words))
    if code is None:
        return None
    unmatched[:] = [(u, t) for u, t in unmatched if not (u is s and t is s.tokens[n.pos])]
    noun = next((t for t in reversed(words) if (i := info(t)) is not None and i.noun and not i.adjective), None)
    return Found(code, n.value, s, n.pos, "item", n.approximate, 0.8, span=(0, len(s.tokens)), lead=n.lead,
                 number_words=n.words, head=keys(noun) if noun is not None else frozenset(),
                 head_text=noun.text if noun is not None else "")


def _header_total(s: Sentence, found: list[Found]) -> Found | None:
    """The figure a list item breaks down: the lead-in line (ending with ":", no number of its own)
    names the metric of the last figure found before it ("Запити надійшли:" after "запитів – 84")."""
    lead = s.lead_in
    if lead is None or lead.figures or not lead.tokens or lead.tokens[-1].text != ":" or not found:
        return None
    last = next((f for f in reversed(found) if f.total is None), None)
    if last is None or any(t.low in RESULT_LEAD_WORDS for t in lead.tokens):
        return None
    context = context_of(lead.tokens, 0, len(lead.tokens))
    nouns = _lead_nouns(lead.tokens, 0, len(lead.tokens))
    if not nouns:
        return None
    j = nouns[-1]  # the list is of the lead's last noun: "заявниками порушуються питання:" lists issues
    t = lead.tokens[j]
    if keys(t) & last.head:  # "Всього порушено питань – 81" … "актуальними були питання:"
        return last
    if (m := best_match(keys(t), j, context)) and m.code == last.code:
        return last
    return None


def _dimension_lead(tokens: list[Token]) -> bool:
    """ "За формою надходження", "У розрізі категорій заявників": words that name how a total is
    split, and no metric, no number, no verb of their own."""
    words = [t for t in tokens if t.kind == "word"]
    if not words or any(t.kind == "num" for t in tokens):
        return False
    opens = "за" in [w.low for w in words[:2]] or (len(words) > 1 and words[0].low in ("у", "в")
                                                     and words[1].low == "розрізі") \
        or bool(keys(words[0]) & DIMENSION_WORDS)  # "Розподіл за формою:", "Способи подання:"
    return opens and any(keys(t) & DIMENSION_WORDS for t in words[:3]) and not _has_verb(tokens) \
        and _colon_lead_match(tokens, len(tokens)) is None


def _rank_lead(tokens: list[Token]) -> bool:
    """ "Найактуальнішими залишаються", "Серед них найбільше", "Зокрема": words that only rank or single
    out the parts of the total before, no noun, no number, no verb but one that says they are there."""
    words = [t for t in tokens if t.kind == "word"]
    ranks = [t for t in words if t.low in _TOP_WORDS or _superlative(t)]  # (a lead of part markers only:
    return bool(ranks) and all(t.kind != "num" for t in tokens) and all(  # ``_marker_lead_total``)
        t.low in _STATIVE_VERBS or t.low in _PARTS_LEAD or t in ranks for t in words)


def _superlative(t: Token) -> bool:
    """ "найактуальнішими", "найпоширеніші", "найбільше": a superlative adjective or adverb."""
    i = info(t)
    return t.low.startswith("най") and len(t.low) > 6 and i is not None and not (i.noun and not i.adjective)


def _dimension_total(s: Sentence, found: list[Found]) -> Found | None:
    """The total a breakdown under a lead that names no metric ("За формою надходження: поштою –
    7, …", on its line or as the list's lead-in line) splits: the last total found before it."""
    tokens = s.tokens
    colon = next((j for j, t in enumerate(tokens) if t.text == ":"), None)
    if colon is not None and _dimension_lead(tokens[:colon]):
        items = tokens[colon + 1:]
    elif s.lead_in is not None and not s.lead_in.figures and s.lead_in.tokens and s.lead_in.tokens[-1].text == ":" \
            and (_dimension_lead(s.lead_in.tokens[:-1]) or _rank_lead(s.lead_in.tokens[:-1])):
        items = tokens
    else:
        return None
    lead = tokens[:colon] if items is not tokens else s.lead_in.tokens[:-1]
    if not _bare_items(items, named=_dimension_lead(lead)):
        return None
    # the figure just before, past an aside in brackets ("– 1 126 (у 2023 році – 1 048)"), and its parts
    total = next((f for f in reversed(found) if f.total is None and not _bracketed_aside(
        f.sentence.tokens, f.pos, len(f.sentence.tokens))), None)
    if total is None or any(f.total is not total and f.sentence is not total.sentence
                            for f in found[found.index(total) + 1:]):
        return None  # never one read further up
    listed = sum(f.value for f in found if f.total is total and items is tokens and f.sentence.lead_in is s.lead_in)
    return total if listed + _parts_sum(items) <= total.value else None  # parts add up to no more than it


def _ranked_total(s: Sentence, found: list[Found]) -> Found | None:
    """ "У зверненнях порушено 1 103 питання." / "Найгостріші – житлово-комунальне господарство (402
    питання), соціальний захист (187)": a sentence of labelled counts ("label – N", "label (N)") whose
    words before the first label rank them ("найбільше", "найгостріші"), and which add up to no more
    than the total just before, breaks that total down; no label may name a metric of its own."""
    tokens = s.tokens
    numbers = [n for n in sentence_numbers(tokens) if not _line_number(tokens, n)]
    for n in numbers:
        mark_approximation(tokens, n)
    total = next((f for f in reversed(found) if f.total is None), None)
    if len(numbers) < 2 or total is None or total.sentence is s or not total.head or s.lead_in is not None \
            or total.sentence.index < s.index - 2 or sum(n.value for n in numbers) > total.value:
        return None
    for n in numbers:
        mark = n.lead - 1
        if mark < 1 or not (_dash_after(tokens, mark) or tokens[mark].text == "("):
            return None
        start = max((j + 1 for j in range(mark) if tokens[j].text in ",;" or tokens[j].kind == "num"), default=0)
        label = " ".join(t.text for t in tokens[start:mark] if t.kind == "word")
        if not label or _has_verb(tokens[start:mark]) or label_metric(label, _BY_NAME) is not None:
            if n is not numbers[0]:
                return None
        if any(t.low in _MONTH_WORDS for t in tokens[start:mark]) or _quarter_clause(tokens[start:mark]):
            return None  # "у березні – 89 та у травні – 81": months, not parts
    lead = [t for t in tokens[:numbers[0].lead] if t.kind == "word"]
    if any(t.text == ":" for t in tokens[:numbers[0].lead]):
        return None  # "Найактуальніші питання у зверненнях: …": a lead of its own (``_dimension_total``)
    if not any(t.low in _TOP_WORDS or _superlative(t) for t in lead):
        return None
    context = context_of(tokens, 0, numbers[0].lead)
    if any((m := best_match(keys(tokens[j]), j, context)) and m.code != total.code and not keys(tokens[j]) & total.head
           for j in _lead_nouns(tokens, 0, numbers[0].lead)):
        return None  # "Найбільше звернень …" after a count of citizens: another noun, not the total's
    return total


def _bare_items(items: list[Token], named: bool = False) -> bool:
    """Only "поштою – 7, особисто – 300" (or "поштою: 7"): a few words and a dash or a colon before each
    number, no verb; words that
    name no metric, unless a lead has ``named`` the split ("За категоріями запитувачів:" / "громадські
    об’єднання – 15")."""
    segments, current = [], []
    for t in items:  # an item ends after its number: "благоустрій, дороги, освітлення – 58" is one
        if t.text in ",;." and sentence_numbers(current):
            segments.append(current)
            current = []
        elif t.text not in ",;." or current:
            current.append(t)
    segments += [current] if current else []
    for seg in segments:
        nums = sentence_numbers(seg)  # "освіта – двадцять сім" too, not "лінію 1545"
        for m in nums:
            mark_approximation(seg, m)
        nums = [m for m in nums if not _line_number(seg, m)]
        if len(nums) != 1 or nums[0].pos == 0 or not _dash_after(seg, nums[0].pos - 1) or _has_verb(seg) \
                or len([t for t in seg[:nums[0].pos] + seg[nums[0].end:]
                        if t.kind == "word" and not is_stop_word(t.low)]) > 4:
            return False
        label = " ".join(t.text for t in seg[:nums[0].pos - 1] if t.kind == "word")
        if label and not named and label_metric(label, _BY_NAME) is not None:
            return False  # "засідання виконкому – 4": a metric of its own, no part of the total before
    return bool(segments)


def _continued_total(s: Sentence) -> Found | None:
    """ "За формою: письмові – 702, усні – 424." / "Колективних – 31; від ВПО – 148.": a line of bare items
    right after a line of parts goes on splitting the same total (as parts that may still name a metric
    of their own), when they add up to no more than it."""
    prior = s.prior
    if prior is None or s.lead_in is not None or not prior.figures or not _bare_items(s.tokens):
        return None
    total = prior.figures[0].total or _heading_total(prior)
    if total is None or any(f.total is not total and f is not total for f in prior.figures):
        return None
    return total if _parts_sum(s.tokens) <= total.value else None


def _heading_total(s: Sentence) -> Found | None:
    """ "ПОРУШЕНІ ПИТАННЯ (455)": a heading with no verb that ends with its one figure alone in brackets."""
    tokens, f = s.tokens, s.figures[-1]
    alone = 0 < f.pos and len(tokens) == f.pos + 2 and tokens[f.pos - 1].text == "(" and tokens[-1].text == ")"
    return f if len(s.figures) == 1 and alone and not _has_verb(tokens) else None


def _sentence(s: Sentence, previous: list[Found], unmatched: list, header_total: Found | None = None,
              recent: list[Found] = (), earlier: list[Found] = ()) -> list[Found]:
    tokens, out = s.tokens, []
    if s.row and heading_row(s):
        return []  # "Показник | 2024 | 2025": the columns' years, no figures
    numbers = sentence_numbers(tokens)
    for n in numbers:
        mark_approximation(tokens, n)
    starts = {n.lead for n in numbers}
    continued = _continued_total(s)
    floor, open_total = 0, _list_total(s) or header_total or _marker_lead_total(s, recent) or continued
    pools: list[tuple[Number, int, int, Found | None]] = []
    missed: Number | None = None  # the last number of the sentence that named nothing
    missed_noun = False  # a number of the sentence named nothing though a noun came right after it
    thresholds = {id(n) for n in numbers if _threshold(tokens, n)}
    read = _value_numbers(s, numbers) if s.row else numbers
    first_cell = _cell(s, read[0].pos) if s.row and read else None
    named = _in_quotes(tokens)
    for idx, n in enumerate(numbers):
        if n.pos in named:
            continue  # «Громадський бюджет – 2026»: a number inside a quoted name is a part of the name
        if _line_number(tokens, n):
            continue  # "урядова «гаряча лінія» 1545": the line's number
        if out and _in_item_label(tokens, n, numbers[idx + 1] if idx + 1 < len(numbers) else None):
            continue  # "…, решти п’яти округів — 39": a number inside the label of the item's figure
        nxt = numbers[idx + 1].lead if idx + 1 < len(numbers) else len(tokens)
        note = s.row and _note_cell(s, n.pos)  # "| Прийом проєктів | 27 | подали 23 автори |": read as prose
        if s.row and n not in read and not note:
            continue  # "Показник | План | Факт": a plan, a share
        if s.row and _cell(s, n.pos) != first_cell and not note:
            if column_of(s, n.pos) is None:
                continue  # "Заяви | 410 | 72,3": a column after the figure's that no date or period heads (a share)
            if (fig := _next_column(s, n, out, first_cell)) is not None:
                out.append(fig)  # "Задоволено | 301 | 322 | 623": the row's next column, the same metric
            continue
        if is_change(tokens, n):
            floor = n.end
            continue
        if _period_length(tokens, n):  # "За 9 місяців 2023 року зареєстровано 14 386 документів": the
            floor = n.end + 1  # period's words are no clause of their own, the figure's verb stays with it
            continue
        if id(n) in thresholds:  # "набрали понад 150 підписів": the clause runs on over it
            if any(t.kind == "word" for t in tokens) and not n.words:
                unmatched.append((s, tokens[n.pos]))
            continue
        if idx + 1 < len(numbers) and id(numbers[idx + 1]) in thresholds:
            nxt = numbers[idx + 2].lead if idx + 2 < len(numbers) else len(tokens)
        left = n.lead
        while left > floor and not is_delimiter(tokens[left - 1]):
            left -= 1
        right = n.end
        while right < nxt and not is_delimiter(tokens[right]) and not _clause_joint(tokens, right, nxt):
            right += 1
        if any(tokens[j].text == ";" for j in range(floor, n.lead)) \
                and open_total is not header_total and open_total is not continued:
            open_total = None  # (a line of bare items may be split by ";": "За джерелом: поштою – 811; …")
        last = next((f for f in reversed(out) if f.total is None and not _bracketed_aside(tokens, f.pos, n.lead)
                     and not _then_aside(tokens, f)), None) \
            or (previous[-1] if previous else None)
        if _gap_has_marker(tokens, floor, n.lead) and last is not None:
            open_total = last
        attached = _marker(tokens, n.lead, PART_BEFORE) or _marker_after(tokens, n.end)
        if attached and missed is not None and (last is None or last.sentence is not s or last.pos < missed.pos) \
                and not _enclosed(tokens, missed.pos, n.lead):  # "(проти 39 торік), з них": an aside is no antecedent
            # "Перемогу здобули 9 проєктів …; реалізовано 6 з них": a part of a number that named nothing
            # names nothing either, never a part of a figure further back
            if not n.words:
                unmatched.append((s, tokens[n.pos]))
            floor, missed = right, n
            continue
        # "підготовлено 63 проєкти, з яких 58 ухвалено: 21 — …": the colon opens the parts of the figure
        # right before it, not of the total "з яких" broke down
        total = (last if attached else None) or _colon_total(tokens, out, n) or open_total \
            or _among_total(s, n, left, [*earlier, *out])
        sibling = out[-1] if out and out[-1].how == "part" and out[-1].total is not None else None
        next_column = s.row and out and out[-1].total is None and column_of(s, n.pos) is not None \
            and all(is_dash(t) for t in tokens[out[-1].pos + 1:n.lead]) and column_of(s, out[-1].pos) is not None
        fig = None if next_column else _figure(s, n, left, right, floor, starts, total, out, previous,
                                               force_part=header_total is not None and total is header_total,
                                               recent=recent)
        if total is None and not s.row and (verbal := _verb_label(s, n, left)) is not None \
                and (fig is None or fig.head_pos is None or fig.head_pos < verbal.head_pos) and (fig is None or fig.code != verbal.code):
            fig = verbal  # "Для урочистих заходів розроблено сценаріїв – 3": what the verb made, not the circumstance
        floor = right
        if sibling is not None and total is None \
                and (fig is None or fig.how == "ellipsis" and fig.code == sibling.code) \
                and (_item_like(tokens, left, n) or _number_first_item(tokens, left, right, n)) \
                and sum(f.value for f in out if f.total is sibling.total) + n.value <= sibling.total.value:
            start = _segment_start(tokens, n.lead - 1) if tokens[n.lead - 1].text == ":" else left
            fig = _sibling_part(s, n, start, right, sibling)  # "з них, малі проєкти: 20 115; великі проєкти: 11 755"
        item = _list_opener(tokens, out)
        if fig is None and item is not None and total is None and is_dash(tokens[n.lead - 1]) \
                and _item_like(tokens, left, n) and tokens[left - 1].text in ",;" \
                and all(t.kind != "word" or not _verb_only(t) for t in tokens[left:n.lead]):
            fig = _sibling_item(s, n, left, right, item)  # "питань стосувалося благоустрою – 210, освіти – 60"
        if fig is None and total is None and (pair := _adjective_pair(tokens, out, left, n, previous)) is not None:
            fig = _sibling_item(s, n, left, right, pair)  # "Колективних звернень – 36, повторних – 18"
        if fig is None and next_column:
            fig = Found(out[-1].code, n.value, s, n.pos, out[-1].how, n.approximate, out[-1].confidence,
                        head=out[-1].head, head_text=out[-1].head_text, head_pos=out[-1].head_pos,
                        context=out[-1].context, span=(n.lead, n.end), lead=n.lead, number_words=n.words)
            # "Громадські організації | 201 | 209": the row's next column, the same metric
        if fig is None and total is None and (part := _bracket_adjective_part(s, out, n)) is not None:
            fig = part  # "8 проєктів (5 великих та 3 малих)"
        if fig is None and total is None and (part := _bracket_dash_part(s, out, n)) is not None:
            fig = part  # "61 допис (Facebook – 24, Instagram – 15)"
        if fig is None and total is None and (item := _bracket_dash_items(s, n)) is not None:
            fig = item  # "опубліковано дописи (Facebook – 36, Telegram – 41)"
        if fig is None and total is None and (same := _bracket_after_figure(s, out, n)) is not None:
            fig = same  # "Вхідна кореспонденція – 412 (1 987)", "ніж у вересні (1 702)"
        if fig is not None and out and (out[-1].code, fig.code) in OF_THE_ITEMS_BEFORE \
                and any(t.low in RELATIVE_PLURALS for t in tokens[out[-1].pos + 1:n.lead]) \
                and not _gap_has_marker(tokens, out[-1].pos, n.lead):  # "матеріалів, до яких додано 1 046 фото"
            fig.code = OF_THE_ITEMS_BEFORE[(out[-1].code, fig.code)]
        if fig is not None and (kind := _other_kind(tokens, out, fig)) is not _SAME:
            fig = kind  # "з яких 4 102 вхідних, 3 488 вихідних, 1 727 внутрішніх": not outgoing
        if _is_pool(tokens, n, numbers):
            pools.append((n, left, right, fig))
            continue
        if fig is not None and fig.how == "ellipsis" and fig.total is None and missed is not None \
                and (any(t.text in ":(" for t in tokens[missed.end:n.lead]) or not out):
            fig = None  # "Проведено 5 нарад: 3 – з керівниками" / "(3 – з керівниками)": parts of a number that named
            # nothing; "вийшло 231 повідомлення; у січні їх було 178, у лютому – 203": never a noun from a sentence
            # before, past a number of this one that named nothing
        if fig is not None and fig.how == "ellipsis" and fig.total is None and missed_noun and not out:
            fig = None  # "вийшло 231 повідомлення; у січні їх було 178, у лютому – 203": the noun of the
            # sentence's own number that named nothing, never the noun of a sentence before
        if fig is None:
            if any(t.kind == "word" for t in tokens) and not n.words:
                unmatched.append((s, tokens[n.pos]))
            missed = n
            missed_noun = missed_noun or (n.end < len(tokens) and (i := info(tokens[n.end])) is not None and i.noun)
            continue
        out.append(fig)
    for n, left, right, fig in pools:  # "з 143 проєктів … допущено 109": 143 is the pool the 109 came from
        later = next((f for f in out if f.pos > n.pos), None)
        pool = POOL_OF.get(later.code) if later is not None else None
        noun, _ = right_head(tokens, n.end, len(tokens))
        if pool and noun is not None and keys(tokens[noun]) & _metric_words(pool):
            fig = Found(pool, n.value, s, n.pos, "after", head=keys(tokens[noun]), head_text=tokens[noun].text,
                        head_pos=noun, confidence=0.8, span=(left, right), lead=n.lead)
            fig.approximate, fig.number_words = n.approximate, n.words
        elif fig is not None and fig.code in POOL_OF:
            fig = None  # the pool's noun alone does not name it: left unmatched, never a guess
        if fig is None:
            if not n.words:
                unmatched.append((s, tokens[n.pos]))
            continue
        out.append(fig)
        if later is None:
            out += _pool_parts(s, fig, numbers, unmatched)
    out.sort(key=lambda f: f.pos)
    out += _negations(s, out) if numbers and out else [] if numbers else _negations(s)
    return out


def _pool_parts(s: Sentence, pool: Found, numbers: list[Number], unmatched: list) -> list[Found]:
    """ "Із 66 запитів 41 подано фізичними особами, 16 – юридичними особами": after a pool that is a figure
    of its own, the numbers of its sentence that named nothing are its parts ("з них"), when they add up to
    no more than it."""
    tokens = s.tokens
    left = [n for n in numbers if n.pos > pool.pos and any(u is s and t is tokens[n.pos] for u, t in unmatched)]
    if not left or sum(n.value for n in left) > pool.value:
        return []
    ends = [next((j for j in range(n.end, len(tokens)) if tokens[j].text in ",;.()" or tokens[j].kind == "num"),
                 len(tokens)) for n in left]
    if not all(any(t.kind == "word" and (i := info(t)) is not None and (i.noun or i.adjective) and not _verb_only(t)
                   for t in tokens[n.end:end]) for n, end in zip(left, ends, strict=True)):
        return []  # "З 12 заходів 3 було скасовано": what became of them, no kind of them
    out = []
    for n, end in zip(left, ends, strict=True):
        fig = Found(pool.code, n.value, s, n.pos, "part", n.approximate, 0.7, head=pool.head, head_text=pool.head_text,
                    total=pool, span=(n.lead, end), lead=n.lead, number_words=n.words)
        fig.breakdown = _breakdown(tokens, n.end, end, set()) or None
        out.append(fig)
    unmatched[:] = [(u, t) for u, t in unmatched if not (u is s and any(t is tokens[n.pos] for n in left))]
    return out


def _in_quotes(tokens: list[Token]) -> set[int]:
    """The positions of tokens between «» quotes; a name nested in a name often closes once («ПП «Новий
    путь»), and a quote never closed in the sentence is no name."""
    out: set[int] = set()
    j = 0
    while j < len(tokens):
        if tokens[j].kind == "punct" and tokens[j].text == "«":
            close = next((k for k in range(j + 1, len(tokens)) if tokens[k].text == "»"), None)
            if close is None:
                break
            out.update(range(j + 1, close))
            j = close
        j += 1
    return out


_LINE_WORDS = frozenset({"лінія", "лінії", "лінію", "лінією", "номер", "номером", "номеру"})


def _line_number(tokens: list[Token], n: Number) -> bool:
    """ "урядову «гарячу лінію» 1545", "за номером 1580": the number right after a line or a number is
    what it is called, never a count (digits only)."""
    j = n.lead - 1
    if j >= 0 and tokens[j].text in QUOTES_CLOSE:
        j -= 1
    return not n.words and j >= 0 and tokens[j].low in _LINE_WORDS


def _in_item_label(tokens: list[Token], n: Number, after: Number | None) -> bool:
    """ "з них: Крупецького — 19, решти шести округів — 39": a number that opens a list item (at most
    one word before it, no verb) and whose nouns run up to the dash before the item's own figure,
    which ends the item, is a part of the item's label."""
    if after is None or n.end >= after.lead - 1 or not is_dash(tokens[after.lead - 1]):
        return False
    label = tokens[n.end:after.lead - 1]
    if not 1 <= len(label) <= 3 or any(t.kind != "word" for t in label):
        return False
    if after.end < len(tokens) and not is_delimiter(tokens[after.end]):
        return False
    j = n.lead
    while j > 0 and not is_delimiter(tokens[j - 1]):
        j -= 1
    return j > 0 and tokens[j - 1].text in ",;" and n.lead - j <= 1 \
        and all(t.kind == "word" and not _verb_only(t) for t in tokens[j:n.lead])


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


_SAME = object()
# "Голосування тривало …. У ньому взяли участь 7 204 мешканці": the pronoun brings the sentence before.
_BACK_PRONOUNS = frozenset({"ньому", "ній", "цьому", "цій"})
# "Далі – громадські обговорення. Їх відбулося п’ять": "їх" after a sentence with no figure names its noun.
_THEM = frozenset({"їх"})
_THIS = frozenset({"цей", "цього", "той", "ця", "даний", "дана", "зазначений", "зазначена", "їхня", "їхній", "їх"})
# Verbs that only say a thing is there ("у реєстрі залишаються 9 об’єднань, які …"): the relative
# clause after the noun says what it is.
_STATIVE_VERBS = frozenset({"є", "залишаються", "залишається", "залишилося", "залишилось", "налічується",
                            "налічуються", "нараховується", "обліковується", "обліковуються"})
# "порушено 96 питань, найбільше – щодо освіти (28), …": words that open the biggest parts of a total
_TOP_WORDS = frozenset({"найбільше", "найчастіше", "переважно", "здебільшого", "зокрема"})
_SUM_WORDS = frozenset({"усього", "всього", "разом", "загалом"})
# "три: щодо перейменування двох вулиць, …": a number with a noun of its own inside a topic counts the topic's things
_TOPIC_PREPOSITIONS = frozenset({"щодо", "про", "стосовно", "відносно"})
_AND = frozenset({"та", "і", "й", "а"})


_EACH = frozenset({"кожен", "кожний", "кожна", "кожне", "кожного", "кожної", "кожному", "кожній", "кожним",
                   "кожною"})
_PERIOD_UNITS = frozenset({"місяців", "місяці", "місяць", "тижні", "тижнів", "тиждень"})
_PERIOD_LEADS = frozenset({"за", "протягом", "упродовж", "впродовж", "продовж", "перші", "перших"})


def _period_length(tokens: list[Token], n: Number) -> bool:
    """ "за 9 місяців", "протягом двох тижнів", "перші 6 місяців": the length of the period reported
    on, never a figure."""
    return n.end < len(tokens) and tokens[n.end].low in _PERIOD_UNITS and n.lead > 0 \
        and tokens[n.lead - 1].low in _PERIOD_LEADS


def _enclosed(tokens: list[Token], pos: int, until: int) -> bool:
    """The token at ``pos`` stands in brackets that close before ``until``."""
    opened = max((j for j in range(pos) if tokens[j].text in "()"), default=None)
    return opened is not None and tokens[opened].text == "(" \
        and any(tokens[j].text == ")" for j in range(pos + 1, until))


def _bracketed_aside(tokens: list[Token], pos: int, until: int) -> bool:
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
            or any(t.kind == "num" for t in tokens[_segment_start(tokens, opener - 1):opener]):
        return None
    return opener


def _bracket_after_figure(s: Sentence, out: list[Found], n: Number) -> Found | None:
    """ "Вхідна кореспонденція – 412 (1 987)": a number alone in brackets right after a figure's number is
    that metric's figure for another span (a running total)."""
    tokens = s.tokens
    prev = out[-1] if out else None
    if prev is None or prev.total is not None or not _alone_in_brackets(tokens, n) or tokens[n.end].text != ")" \
            or n.lead < 2 or prev.pos >= n.lead:
        return None
    if not all(t.kind == "num" for t in tokens[prev.pos:n.lead - 1]):
        return None  # a comparison ("ніж у вересні (1 702)") is _compared's
    return Found(prev.code, n.value, s, n.pos, "ellipsis", n.approximate, 0.7, head=prev.head,
                 head_text=prev.head_text, context=prev.context, span=(n.lead, n.end), lead=n.lead, number_words=n.words)


def _then_aside(tokens: list[Token], f: Found) -> bool:
    """A figure of another time put beside the figure before ("…, ніж у 2021 році, коли цей показник
    становив 63 285, з них вхідних – 24 706", "проти 390 торік"): no total of the parts after it."""
    return f.how == "compared" or tokens[f.span[0]].low in ("коли", "тоді", "ніж", "проти")


def _bracket_adjective_part(s: Sentence, out: list[Found], n: Number) -> Found | None:
    """ "переможцями стали 8 проєктів (5 великих та 3 малих)": numbers with adjectives only, in
    brackets right after a figure's counted noun, are its parts."""
    tokens = s.tokens
    o = max((j for j in range(n.lead) if tokens[j].text in "()"), default=None)
    prev = next((f for f in reversed(out) if f.total is None), None)
    if prev is None or prev.head_pos is None:
        return None
    if o is None or tokens[o].text != "(":  # "9 проєктів на суму 4,8 млн грн – 3 великі та 6 малих": after a
        o = next((j for j in range(max(prev.pos, prev.head_pos) + 1, n.lead) if is_dash(tokens[j])), None)
        end = len(tokens) - 1 if tokens[-1].text in ".;" else len(tokens)  # dash, the parts that make it up
        if o is None or _parts_sum(tokens[o + 1:end]) != prev.value:
            return None
    else:
        end = next((j for j in range(n.end, len(tokens)) if tokens[j].text == ")"), None)
    if end is None or not prev.pos < o \
            or any(is_delimiter(t) or t.kind == "num" for t in tokens[max(prev.pos, prev.head_pos) + 1:o]):
        return None
    stop = next((j for j in range(n.end, end) if tokens[j].kind == "num" or tokens[j].text == ","
                 or tokens[j].low in _AND), end)
    dashed = stop > n.end and is_dash(tokens[n.end])  # "(чотири – виконкому, одна – сесії)"
    words = tokens[n.end + 1 if dashed else n.end:stop]

    def adjective(t: Token) -> bool:
        return t.kind == "word" and (i := info(t)) is not None and i.adjective and not i.verb

    def fits(t: Token) -> bool:
        return t.kind == "word" and not _verb_only(t) if dashed else adjective(t)

    if not words or not all(fits(t) for t in words) or not all(
            fits(t) or t.low in _AND or t.text == "," or t.kind == "num" or (dashed and is_dash(t))
            for t in tokens[o + 1:n.lead]):
        return None
    fig = Found(prev.code, n.value, s, n.pos, "part", n.approximate, 0.75,
                f"{' '.join(t.text for t in words)} ({prev.head_text})", prev, prev.head, prev.head_text,
                span=(o + 1, stop), lead=n.lead, number_words=n.words)
    return fig


def _other_kind(tokens: list[Token], out: list[Found], fig: Found):
    """A list item named by an adjective ("… 3 488 вихідних, 1 727 внутрішніх") that came out as the
    metric of the item before, named by another adjective: the two are different kinds, so the
    later one is a part of the list's total (the figure before "з яких"), or nothing. ``_SAME``
    when the figure stands."""
    prev = out[-1] if out else None
    if prev is None or prev.code != fig.code or prev.total is not None or fig.head_pos is None \
            or prev.head_pos is None or fig.how != prev.how:
        return _SAME
    a, b = info(tokens[fig.head_pos]), info(tokens[prev.head_pos])
    if not (a and b and a.adjective and b.adjective) \
            or keys(tokens[fig.head_pos]) & keys(tokens[prev.head_pos]):
        return _SAME
    marker = max((e for e in range(1, prev.lead + 1) if _marker(tokens, e, PART_BEFORE + PART_AFTER)), default=None)
    whole = next((f for f in reversed(out) if marker is not None and f.pos < marker and f.total is None
                  and not _bracketed_aside(tokens, f.pos, marker)), None)
    if whole is None or whole.code == fig.code:
        return None
    part = Found(whole.code, fig.value, fig.sentence, fig.pos, "part", fig.approximate, 0.7,
                 f"{tokens[fig.head_pos].text} ({whole.head_text})",
                 whole, whole.head, whole.head_text, fig.head_pos, fig.context, fig.span, fig.lead, fig.number_words)
    return part


def _colon_total(tokens: list[Token], out: list[Found], n: Number) -> Found | None:
    """ "На 6 петицій надано відповіді: 5 підтримано, 1 не підтримано": a colon right after a
    figure's clause opens its parts, as "з них:" does; so does a colon after an aside in brackets
    ("подали 46 проєктів (у 2020 році – 39): великих – 14")."""
    last = next((f for f in reversed(out) if f.total is None and not _bracketed_aside(tokens, f.pos, n.lead)), None)
    if last is None:
        return None
    j = last.pos + 1
    while j < n.lead and not is_delimiter(tokens[j]):
        j += 1
    if j < n.lead and tokens[j].text == "(" and _bracketed_aside(tokens, j + 1, n.lead):
        j = next(k for k in range(j, n.lead) if tokens[k].text == ")") + 1
    if j < n.lead and tokens[j].text == "," and j + 1 < n.lead and is_relative(tokens, j + 1):
        j += 1  # "на 9 петицій, що набрали необхідну кількість голосів: 5 підтримано": over the relative clause
        while j < n.lead and not is_delimiter(tokens[j]) and tokens[j].kind != "num":
            j += 1
    return last if j < n.lead and tokens[j].text == ":" else None


_REQUIRED = frozenset({"необхідні", "необхідних", "необхідну", "потрібні", "потрібних", "потрібну", "мінімальні",
                       "мінімальних", "встановлені", "встановлених"})


def _threshold(tokens: list[Token], n: Number) -> bool:
    """ "Петиції, що набрали 150 і більше голосів": the votes or signatures a petition needs, in a
    sentence about petitions; never a figure, and it does not end the clause it stands in."""
    required = n.lead > 0 and tokens[n.lead - 1].low in _REQUIRED  # "– 2 набрали необхідні 150 підписів"
    if not required and not any("петиція" in keys(t) for t in tokens if t.kind == "word"):
        return False
    words = 0
    for t in tokens[n.end:]:
        if is_delimiter(t) or t.kind == "num" or words == 3:
            return False
        if t.kind == "word":
            words += 1
            if keys(t) & THRESHOLD_NOUNS:
                return True
            if (i := info(t)) and i.noun and not i.adjective:
                return False  # "Три петиції підписів не набрали": the number counts its own noun
    return False


def _is_pool(tokens: list[Token], n: Number, numbers: list[Number]) -> bool:
    """ "з 143 проєктів … допущено 109": a number after "з"/"із" that a later number of the same
    clause chain is taken from (no ";" between)."""
    if n.lead == 0 or tokens[n.lead - 1].low not in ("з", "із", "зі", "серед"):
        return False
    later = [m for m in numbers if m.lead > n.end]
    return bool(later) and not any(t.text in ";" for t in tokens[n.end:later[0].lead])


def _clause_joint(tokens: list[Token], j: int, nxt: int) -> bool:
    """Does "та"/"і" at ``j`` join a new clause with its own verb before the next number ("… засідань
    виконкому та прийнято 123 рішення")? Then the verb belongs to that number, not to this one."""
    if tokens[j].low not in ("та", "і", "й", "а") or j + 1 >= nxt or tokens[j + 1].kind != "word":
        return False
    w = info(tokens[j + 1])
    return bool(w and w.verb and not w.noun)


def _item_like(tokens: list[Token], left: int, n: Number) -> bool:
    """ "великі проєкти: 11 755": a few words, then a colon or a dash, then the number."""
    if n.lead == 0 or not (is_dash(tokens[n.lead - 1]) or tokens[n.lead - 1].text == ":"):
        return False
    start = _segment_start(tokens, n.lead - 1) if tokens[n.lead - 1].text == ":" else left
    words = [t for t in tokens[start:n.lead] if t.kind == "word" and t.low not in _AND]  # "оплата праці та пенсії"
    return 0 < len(words) <= 4


def _among_total(s: Sentence, n: Number, left: int, figures: list[Found]) -> Found | None:
    """ "Серед чинних ГО чотири засновано ВПО": a clause that opens with "серед" and the things a stock
    counted earlier makes the number a part of that stock (when it is smaller); among a flow ("серед
    запитів 98 розглянуто") it is a result, no part."""
    tokens = s.tokens
    if left >= n.lead or tokens[left].low != "серед" or any(t.kind != "word" for t in tokens[left + 1:n.lead]):
        return None
    noun = next((j for j in range(n.lead - 1, left, -1) if (i := info(tokens[j])) is not None and i.noun), None)
    m = best_match(keys(tokens[noun]), noun, context_of(tokens, left + 1, n.lead)) if noun is not None else None
    if m is None or m.code not in STOCK_CODES:
        return None
    return next((f for f in reversed(figures) if f.total is None and f.code == m.code and f.value > n.value), None)


def _number_first_item(tokens: list[Token], left: int, right: int, n: Number) -> bool:
    """ "…, три – громадськими об’єднаннями": the number opens its clause, a dash and a few words follow."""
    words = [t for t in tokens[n.end + 1:right] if t.kind == "word" and not is_stop_word(t.low)]
    return all(t.low in _EDGE_WORDS for t in tokens[left:n.lead]) and _dash_after(tokens, n.end) and 0 < len(words) <= 4 and not _has_verb(tokens[n.end:right]) \
        and not _enclosed(tokens, n.pos, len(tokens))  # (in brackets: ``_bracket_dash_part``)


def _sibling_part(s: Sentence, n: Number, left: int, right: int, sibling: Found) -> Found:
    """The next part after ";" of the total the previous part belongs to."""
    total = sibling.total
    fig = Found(total.code, n.value, s, n.pos, "part", head=total.head, head_text=total.head_text, total=total)
    fig.confidence = 0.7
    fig.breakdown = _breakdown(s.tokens, left, right, set(range(n.lead, n.end))) or None
    fig.approximate, fig.number_words = n.approximate, n.words
    fig.span, fig.lead = (left, right), n.lead
    return fig


def _adjective_only(t: Token) -> bool:
    return bool((i := info(t)) and i.adjective and not i.noun and not i.verb)


def _verb_only(t: Token) -> bool:
    return bool((i := info(t)) and i.verb and not i.noun and not i.adjective)


def _list_opener(tokens: list[Token], out: list[Found]) -> Found | None:
    """The first item of a "<noun> <verb> <topic> – N, <topic> – M" list: a figure before a dash
    whose noun a verb follows ("питань стосувалося благоустрою – 210"), and the items since."""
    j = len(out) - 1
    while j >= 0 and out[j].how == "item":
        j -= 1
    first = out[j] if j >= 0 else None
    if first is None or first.how != "before" or first.total is not None or first.head_pos is None \
            or not is_dash(tokens[first.lead - 1]):
        return None
    return first if any(_verb_only(t) for t in tokens[first.head_pos + 1:first.lead]) else None


def _adjective_pair(tokens: list[Token], out: list[Found], left: int, n: Number,
                    previous: list[Found] = ()) -> Found | None:
    """ "Колективних звернень – 36, повторних – 18": an adjective and a dash after a figure written
    "<adjective> <noun> – N" in the same case: the same noun, so the same metric. At the start of a
    sentence, the figure may be the previous sentence's ("Письмових звернень – 611, …. Повторних – 38")."""
    if (out and (left == 0 or tokens[left - 1].text not in ",;")) or (not out and left != 0):
        return None
    # the figure that opened the run of adjective items ("Колективних звернень – 36, повторних – 18, анонімних – 4")
    prev = next((f for f in reversed(out) if f.how != "item"), None)
    if prev is None:  # "…, усних – 231. Повторних – 38, колективних – 17": the previous sentence's
        prev = next((f for f in reversed(previous) if f.how != "item" and f.total is None), None)
    if prev is None or prev.total is not None or prev.head_pos is None or prev.head_pos < 1 \
            or not is_dash(tokens[n.lead - 1]):
        return None
    ptoks = prev.sentence.tokens
    between = ptoks[prev.head_pos + 1:prev.lead]  # "Колективних звернень надійшло 212, повторних – 97"
    if not (is_dash(ptoks[prev.lead - 1]) or (between and all(t.kind == "word" and _verb_only(t) for t in between))):
        return None
    words = [t for t in tokens[left:n.lead] if t.kind == "word"]
    before = info(ptoks[prev.head_pos - 1])
    if len(words) != 1 or not before or not before.adjective or before.verb:
        return None
    a = info(words[0])
    if not (a and a.adjective and not a.verb and a.forms & before.forms):
        return None
    own = best_match(prev.head, -1, [(left, keys(words[0])), (-1, prev.head)], must_use=keys(words[0]))
    if own is not None:  # "Вхідних документів – 500, вихідних – 300": the adjective names its own metric
        return Found(own.code, prev.value, prev.sentence, prev.pos, "before", head=prev.head,
                     head_text=prev.head_text, head_pos=prev.head_pos, lead=prev.lead)
    bare = best_match(prev.head, -1, [(-1, prev.head)])
    return prev if bare is not None and bare.code == prev.code else None  # the noun alone names it


def _sibling_item(s: Sentence, n: Number, left: int, right: int, item: Found) -> Found:
    """The next "topic – N" of a list whose first item named its metric: the same metric, told
    apart by its words."""
    fig = Found(item.code, n.value, s, n.pos, "item", head=item.head, head_text=item.head_text)
    fig.confidence = 0.7
    fig.breakdown = _breakdown(s.tokens, left, n.lead, set()) or None
    fig.approximate, fig.number_words = n.approximate, n.words
    fig.span, fig.lead = (left, right), n.lead
    return fig


def _segment_start(tokens: list[Token], k: int) -> int:
    return max((j + 1 for j in range(k) if is_delimiter(tokens[j])), default=0)


def _dash_after(tokens: list[Token], j: int) -> bool:
    return j < len(tokens) and (is_dash(tokens[j]) or tokens[j].text == ":")


def _bracket_dash_part(s: Sentence, out: list[Found], n: Number) -> Found | None:
    """ "розміщено 61 допис (Facebook – 24, Instagram – 15, Telegram – 22)": "<words> – N" items,
    no verb among them, in brackets right after a figure's noun phrase are its parts."""
    tokens = s.tokens
    if n.lead < 2 or not is_dash(tokens[n.lead - 1]):
        return None
    o = max((j for j in range(n.lead) if tokens[j].text in "()"), default=None)
    prev = next((f for f in reversed(out) if f.total is None), None)
    if o is None or tokens[o].text != "(" or prev is None or prev.head_pos is None or not prev.pos < o \
            or any(is_delimiter(t) or t.kind == "num" for t in tokens[max(prev.pos, prev.head_pos) + 1:o]):
        return None
    close = next((j for j in range(n.end, len(tokens)) if tokens[j].text in "()"), None)
    if close is None or tokens[close].text != ")" or (n.end < close and tokens[n.end].text not in ",;"):
        return None
    start = max(o + 1, _segment_start(tokens, n.lead - 1))
    words = [t for t in tokens[start:n.lead - 1]]
    if not words or len(words) > 4 or any(t.kind != "word" or _verb_only(t) for t in words) \
            or _month_clause(tokens, start, n.lead - 1):
        return None
    if any(t.kind == "num" and not is_dash(tokens[j - 1]) for j, t in enumerate(tokens[o + 1:n.lead], start=o + 1)):
        return None  # every number in the bracket is an item's
    return Found(prev.code, n.value, s, n.pos, "part", n.approximate, 0.7, " ".join(t.text for t in words), prev,
                 prev.head, prev.head_text, span=(start, n.end), lead=n.lead, number_words=n.words)


def _next_column(s: Sentence, n: Number, out: list[Found], first_cell: int | None) -> Found | None:
    """A number in a later column of a table row whose heading names a period ("І квартал | ІІ квартал
    | Разом"): the figure of the row's first value column, with the same metric, total and breakdown;
    None when that one named nothing (never read from the other columns' headings)."""
    first = next((f for f in out if _cell(s, f.pos) == first_cell), None)
    if first is None:
        return None
    return Found(first.code, n.value, s, n.pos, first.how, n.approximate, first.confidence, first.breakdown,
                 first.total, first.head, first.head_text, first.head_pos, first.context,
                 span=(n.lead, n.end), lead=n.lead, number_words=n.words)


def _row_label(s: Sentence) -> str:
    """A table row's label cell, as written (its tokens and the spaces between them)."""
    a, b = s.cells[0]
    out, end = "", None
    for t in s.tokens:
        if a <= t.start < b:
            out += (" " if end is not None and t.start > end else "") + t.text
            end = t.end
    return out


def _table_row(s: Sentence, mine: list[Found], lead_row: Sentence | None, unmatched: list, title: str = "") -> list[Found]:
    """A table row's figures read by its label as the spreadsheet resolver reads it
    (``etl.reports.tables.label_metric``): the label's metric for the first value column and the
    columns a period heads, in place of what the words around the number made of it; a label
    without its noun ("Відмовлено у задоволенні", "Надійшло електронною поштою") read with the noun
    of the table's lead row ("Надійшло запитів"), a part of the lead row's figure when it names the
    same metric. A label the resolver does not read keeps what the finder found."""
    if len(s.cells) < 2:
        return mine
    label = _row_label(s)
    numbers = [n for n in sentence_numbers(s.tokens) if (_cell(s, n.pos) or 0) > 0]
    if not numbers:
        return mine
    if s.table_row.titled and label_metric(label) is None:
        # "2. ДОКУМЕНТИ ДЛЯ ОЗНАЙОМЛЕННЯ (14)": a heading counts its first noun ("3. РЕЗУЛЬТАТИ РОЗГЛЯДУ (398)"
        # counts results, not what "розгляду" would name)
        first = next((t for t in s.tokens if (i := info(t)) is not None and i.noun and not i.adjective), None)
        kept = [f for f in mine if first is not None and f.head_pos is not None and s.tokens[f.head_pos] is first]
        unmatched += [(s, s.tokens[f.pos]) for f in mine if f not in kept]
        return kept
    if is_share_label(label) or is_totals_label(label):
        at = {n.pos for n in numbers}
        unmatched[:] = [(u, t) for u, t in unmatched if not (u is s and any(t is s.tokens[j] for j in at))]
        if is_totals_label(label) and (codes := _totals_codes(s, numbers)):  # "Заяви | 300", "Скарги | 100",
            # "Усього | 400" under "Вид звернення | Кількість": the rows were parts, the total is the figure
            return [Found(codes[n.pos], n.value, s, n.pos, "table", n.approximate, 0.8, span=(n.lead, n.end),
                          lead=n.lead, number_words=n.words) for n in numbers if n.pos in codes]
        if is_totals_label(label):  # "Разом | 139": checked against the rows above, never a figure twice
            sums = _column_sums(s)
            unmatched += [(s, s.tokens[n.pos]) for n in numbers if sums.get(s.columns[_cell(s, n.pos)]) != n.value
                          and (_cell(s, n.pos) == _cell(s, numbers[0].pos) or column_of(s, n.pos) is not None)]
        return []  # "Частка відеоматеріалів, % | 12": shares are never counts
    columns = transposed_columns(s.column_heads, label, f"{_table_caption(s)} {title}")  # "Категорія | Допущено"
    if not columns and row_period(label) is not None and (code := _above_table_metric(s)) is not None:
        columns = {k: code for k in s.columns[1:] if k == s.columns[_cell(s, numbers[0].pos)]}
        # "Кількість звернень за місяцями:" over "Місяць | Кількість" / "Січень | 40"
    if columns:
        breakdown = None if row_period(label) is not None else category_breakdown(s.column_heads, label)
        at = {n.pos for n in numbers}
        unmatched[:] = [(u, t) for u, t in unmatched if not (u is s and any(t is s.tokens[j] for j in at))]
        out = []
        for n in numbers:
            k = s.columns[_cell(s, n.pos)]
            if k in columns:
                out.append(Found(columns[k], n.value, s, n.pos, "table", n.approximate, 0.8, breakdown,
                                 span=(n.lead, n.end), lead=n.lead, number_words=n.words))
            else:
                unmatched.append((s, s.tokens[n.pos]))
        return out
    values = _value_numbers(s, numbers)
    if not values:
        return mine
    f0 = next((f for f in mine if f.pos == values[0].pos), None)
    code, total, breakdown = label_metric(label), None, None
    if (counted := _who_table_figure(s, lead_row)) is not None and counted.sentence is not s \
            and (code or (f0.code if f0 is not None else None)) != counted.code:
        code, breakdown = counted.code, " ".join(label.split())  # "громадські організації та ЗМІ | 11" under
        # "Категорія запитувача": who made the requests, not the organisations registered
    elif s.table_row.merged and f0 is None and code is None and s.prior is not None and s.prior.table_row is not None:
        above = next((f for f in s.prior.figures if f.total is None and f.breakdown), None)
        if above is not None:  # "Заяви | письмові | 120" / "| усні | 40": the same metric, the next kind
            top = s.prior
            while top.table_row is not None and top.table_row.merged and top.prior is not None:
                top = top.prior
            code, breakdown = above.code, f"{_row_label(top)} {label}".strip()
    if code is None and f0 is not None and f0.total is None and (siblings := _parts_code(s)) is not None \
            and siblings != f0.code and (f0.head_pos is None or _cell(s, f0.head_pos) != 0):
        code, breakdown = siblings, " ".join(label.split())  # "Інше | 64" after topics: one more topic
    elif code is None:
        lead = next((f for f in lead_row.figures if f.total is None), None) if lead_row is not None else None
        if (f0 is not None and f0.total is None) or lead is None or not lead.head_text:
            return mine
        code = label_metric(f"{lead.head_text} {label}")
        if f0 is not None and (code is None or code == f0.code):
            return mine  # a part keeps what the finder made of it, unless its label with the noun of the row above
            # names a metric of its own ("вихідних" under "Зареєстровано документів": outgoing documents)
        words, lead_words = label.split(), _row_label(lead_row).split()
        if code is None and len(words) > 1 and words[0].lower() == lead_words[0].lower() and _verb_only(s.tokens[0]):
            code, label = lead.code, " ".join(words[1:])  # "Надійшло поштою" under "Надійшло запитів": how they came
        if code is None:
            return mine
        if code == lead.code:
            total, breakdown = lead, " ".join(label.split()).strip(" :–-")
    elif f0 is not None and (f0.code == code or (f0.total is not None and f0.total.code == code)):
        return mine
    at = {n.pos for n in values}
    unmatched[:] = [(u, t) for u, t in unmatched if not (u is s and any(t is s.tokens[j] for j in at))]
    new = [Found(code, n.value, s, n.pos, "table", n.approximate, 0.8, breakdown, total,
                 span=(n.lead, n.end), lead=n.lead, number_words=n.words) for n in values]
    return sorted([f for f in mine if f.pos not in at] + new, key=lambda f: f.pos)


def _note_cell(s: Sentence, pos: int) -> str:
    """The note token ``pos`` of a table row stands in: "column" (a cell under "Примітка"), "bracket" (a
    form's note after its value: "Надано відповідь ….. 4 (одна – з відмовою)", "… 96, з них …"), or ""."""
    k = _cell(s, pos)
    if not k:
        return ""
    heading = s.column_heads.get(s.columns[k], "")
    first = next((t for t in s.tokens if t.start >= s.cells[k][0]), None)
    if not heading.strip() and first is not None and first.text in "(,":
        return "bracket"
    return "column" if is_note_heading(heading) else ""


def _noted(s: Sentence, mine: list[Found]) -> list[Found]:
    """A row's figures with those of its notes checked: a number in a note that only borrows a noun
    ("один перенесено на 2024 рік" under "Примітка") is no figure, unless the note is in brackets right
    after the row's value ("4 (одна – з відмовою)"): then it is a part of that value."""
    value = next((f for f in mine if not _note_cell(s, f.pos)), None)
    out = []
    for f in mine:
        if f.how == "ellipsis" and (note := _note_cell(s, f.pos)):
            if note != "bracket" or value is None:
                continue
            f.code, f.total = value.code, value
        out.append(f)
    return out


def _who_table_figure(s: Sentence, lead_row: Sentence | None) -> Found | None:
    """The figure a table of who did something breaks down: under a label column headed by people
    ("Категорія запитувача", "Заявники") every row is a kind of person and counts what the table's
    lead row counts, never a metric of its own."""
    words = [t for t in tokenize(s.column_heads.get(0, ""), 0, len(s.column_heads.get(0, ""))) if t.kind == "word"]
    if lead_row is None or not words or not any((i := info(t)) and i.noun and i.animate for t in words) \
            or not (len(words) == 1 or keys(words[0]) & DIMENSION_WORDS):
        return None
    return next((f for f in lead_row.figures if f.total is None), None)


def _table_top(s: Sentence) -> Sentence:
    """The first row of a table row's table."""
    top = s
    while top.prior is not None and top.prior.table_row is not None and top.prior.table_row.table == s.table_row.table:
        top = top.prior
    return top


def _table_caption(s: Sentence) -> str:
    """The words of the line just above a table when it is a title without a figure of its own
    ("Кількість звернень за місяцями:", "Таблиця 1. Розгляд запитів у розрізі кварталів"), else ""."""
    above = _table_top(s).prior
    if above is None or above.row or above.figures or any(t.kind == "num" for t in above.tokens) \
            or len(above.tokens) > 14 or _table_top(s).line - above.line > 2:
        return ""
    return " ".join(t.text for t in above.tokens if t.kind == "word")


def _above_table_metric(s: Sentence) -> str | None:
    """The metric the title line just above a table names, read by the spreadsheet resolver."""
    caption = _table_caption(s)
    return label_metric(caption) if caption else None


def _value_numbers(s: Sentence, numbers: list[Number]) -> list[Number]:
    """The numbers of a table row that are figures: in a table whose heading names a period or the
    report's total in some column, those under such a column (or under no heading); else the first
    value cell's and those under a period."""
    timed = any(column_heading(h) is not None for k, h in s.column_heads.items() if k > 0)
    numbers = [n for n in numbers if (_cell(s, n.pos) or 0) > 0 or not s.cells]
    if timed:
        return [n for n in numbers if column_of(s, n.pos) is not None
                or not s.column_heads.get(s.columns[_cell(s, n.pos)], "").strip()]
    first = _cell(s, numbers[0].pos) if numbers else None
    return [n for n in numbers if _cell(s, n.pos) == first or column_of(s, n.pos) is not None]


def _parts_code(s: Sentence) -> str | None:
    """The one metric the rows above a totals row break down (each a part with a breakdown), if so."""
    figures = []
    top = s.prior
    while top is not None and top.table_row is not None and top.table_row.table == s.table_row.table:
        if not top.table_row.sub:
            figures += top.figures
        top = top.prior
    codes = {f.code for f in figures}  # parts: each with a breakdown, or each a period's ("Січень | 40")
    parts = all(f.breakdown or row_period(_row_label(f.sentence)) is not None for f in figures)
    return codes.pop() if len(codes) == 1 and parts else None


def _totals_codes(s: Sentence, numbers: list[Number]) -> dict[int, str]:
    """The metric of each number of a totals row that is a figure (by its token's position): the one
    metric the rows above break down, in the first value column and the columns a period heads; or,
    under rows that are periods ("І квартал | 14 | 10" … "Разом за рік | 66 | 50"), each column's
    metric, the report's own period's figure."""
    if (code := _parts_code(s)) is not None:
        return {n.pos: code for n in numbers if _cell(s, n.pos) == _cell(s, numbers[0].pos) or column_of(s, n.pos) is not None}
    codes: dict[int, set[str]] = {}
    top = s.prior
    while top is not None and top.table_row is not None and top.table_row.table == s.table_row.table:
        if not top.table_row.sub and not top.table_row.heading:
            if not top.figures or row_period(_row_label(top)) is None:
                return {}
            for f in top.figures:
                codes.setdefault(top.columns[_cell(top, f.pos)], set()).add(f.code)
        top = top.prior
    return {n.pos: next(iter(codes[k])) for n in numbers
            if len(codes.get(k := s.columns[_cell(s, n.pos)], ())) == 1}


def _column_sums(s: Sentence) -> dict[int, int]:
    """The sums by column of the figures of the rows above a totals row in its table (no sub-rows)."""
    sums: dict[int, int] = {}
    top = s.prior
    while top is not None and top.table_row is not None and top.table_row.table == s.table_row.table:
        if not top.table_row.sub:
            for f in top.figures:
                if f.total is None and (k := _cell(top, f.pos)) is not None:
                    sums[top.columns[k]] = sums.get(top.columns[k], 0) + f.value
        top = top.prior
    return sums


def _bracket_dash_items(s: Sentence, n: Number) -> Found | None:
    """ "опубліковано дописи (Facebook – 36, Telegram – 41)": "<words> – N" items in brackets right
    after a noun phrase with no figure count what that noun names, each apart."""
    tokens = s.tokens
    if n.lead < 2 or not is_dash(tokens[n.lead - 1]):
        return None
    o = max((j for j in range(n.lead) if tokens[j].text in "()"), default=None)
    if o is None or tokens[o].text != "(" or o == 0 or is_delimiter(tokens[o - 1]):
        return None
    close = next((j for j in range(n.end, len(tokens)) if tokens[j].text in "()"), None)
    if close is None or tokens[close].text != ")" or (n.end < close and tokens[n.end].text not in ",;"):
        return None
    inside = tokens[o + 1:close]
    if any(t.kind == "num" and not is_dash(tokens[j - 1]) for j, t in enumerate(inside, start=o + 1)):
        return None  # every number in the bracket is an item's
    start = max(o + 1, _segment_start(tokens, n.lead - 1))
    words = tokens[start:n.lead - 1]
    if not words or len(words) > 4 or any(t.kind != "word" or _verb_only(t) for t in words) \
            or _month_clause(tokens, start, n.lead - 1):
        return None
    lead = _segment_start(tokens, o - 1)
    if any(t.kind == "num" for t in tokens[lead:o]):
        return None
    head = max((j for j in range(lead, o) if tokens[j].kind == "word" and (i := info(tokens[j])) and i.noun
                and not means(i)), default=None)
    if head is None or (m := best_match(keys(tokens[head]), head, context_of(tokens, lead, o))) is None:
        return None
    return Found(m.code, n.value, s, n.pos, "before", n.approximate, _confidence(m, "before", n.words),
                 " ".join(t.text for t in words), None, keys(tokens[head]), tokens[head].text, head,
                 span=(start, n.end), lead=n.lead, number_words=n.words)


def _cell(s: Sentence, pos: int) -> int | None:
    at = s.tokens[pos].start
    return next((i for i, (a, b) in enumerate(s.cells) if a <= at < b), None)


def _marker_lead_total(s: Sentence, recent: list[Found]) -> Found | None:
    """ "… склав 41 672 документи." / "У тому числі:" / "вхідна кореспонденція – 17 905;": items under a
    lead-in that is only a part marker are parts of the last figure before it (a total)."""
    lead = s.lead_in
    if lead is None or lead.figures or len(lead.tokens) < 2 or lead.tokens[-1].text != ":":
        return None
    size = _marker(lead.tokens, len(lead.tokens) - 1, PART_BEFORE + PART_AFTER)
    if not size or size != len(lead.tokens) - 1:
        return None
    return next((f for f in reversed(recent) if f.sentence.index < lead.index and f.total is None), None)


def _list_total(s: Sentence) -> Found | None:
    """The total of a list item under "…, з них:" / "у тому числі:" (the lead-in's last figure)."""
    lead = s.lead_in
    if s.row and lead is not None and lead.row:  # a table's sub-row: a part of the row above
        return next((f for f in reversed(lead.figures) if f.total is None), None)
    if lead is None or not lead.figures or not lead.tokens or lead.tokens[-1].text != ":":
        return None
    last = next((f for f in reversed(lead.figures) if f.total is None), None)
    if _marker(lead.tokens, len(lead.tokens) - 1, PART_BEFORE + PART_AFTER):
        return last
    main = [f for f in lead.figures if f.total is None and not _in_relative(lead.tokens, f.pos)]
    if len(main) == 1 and len(lead.figures) == 2:  # "Зареєстровано 26 релігійних громад, що належать до семи
        last = main[0]  # конфесій:": the list breaks down the figure outside the relative clause
        if any(t.kind == "num" for t in lead.tokens[last.lead + 1:]):
            return None
    # "надійшло 577 звернень від громадян:" then "553 – індивідуальних;" or "соціальний захист – 31;":
    # the lead's one figure, when the item is a number and words with no verb (a part names another
    # metric only with words of its own: ``_figure``)
    if last is None or (len(lead.figures) != 1 and len(main) != 1) \
            or any(t.kind == "num" for t in lead.tokens[last.lead + 1:]):
        return None
    tokens = s.tokens
    numbers = sentence_numbers(tokens)
    if len(numbers) != 1 or any(t.kind == "num" for t in tokens[:numbers[0].pos] + tokens[numbers[0].end:]):
        return None
    n = numbers[0]
    if n.pos > 0:  # "Тематика порушених питань (усього 101 питання):" / "соціальний захист – тридцять одне;"
        words = [t for t in tokens[:n.pos - 1] if t.kind == "word"]
        return last if words and is_dash(tokens[n.pos - 1]) and not _has_verb(tokens[:n.pos]) \
            and all(t.kind == "punct" or t.mask == "percent" for t in tokens[n.end:]) else None  # "356 (31,8 %);"
    if not (len(tokens) > 1 and is_dash(tokens[1])):
        return None
    words = [t for t in tokens[2:] if t.kind == "word"]
    return last if words and all((i := info(t)) and i.adjective and not i.noun for t in words) else None


def _in_relative(tokens: list[Token], pos: int) -> bool:
    """Is tokens[pos] in a relative clause (", що належать до семи конфесій")?"""
    return any(tokens[j].text == "," and tokens[j + 1].low in ("що", "які", "який", "яка", "яке", "котрі")
               for j in range(pos - 1))


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


def _metric_words(code: str) -> frozenset[str]:
    return frozenset(k for p in patterns() if p.code == code for ws in p.words for k in ws)


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
    noun, _ = left_head(tokens, a, n.lead)  # "рішень виконавчого комітету – 311": a noun the metric must name
    noun_keys = keys(tokens[noun]) if noun is not None and tokens[noun].low not in UNIT_NOUNS else frozenset()
    best: tuple[Match, int] | None = None
    for j in range(verbs_from, b):
        t = tokens[j]
        if j < a and not ((i := info(t)) and i.verb and not i.noun):
            continue
        if t.kind != "word" or n.lead <= j < n.end or is_stop_word(t.low) or not _CYRILLIC.search(t.text) \
                or (t.text[:1].isupper() and j > 0):  # names ("у Telegram – 187") borrow a noun instead
            continue
        if _with_whom(tokens, j):
            continue  # "22 проводилися спільно з громадськими організаціями": the partners, not what is counted
        m = best_match(keys(t), j, context)
        if m is not None and j > 0 and tokens[j - 1].low == "не" and not any("не" in ws for ws in m.pattern.words):
            continue  # "5 не підтримано" is not what "підтримано" names
        if m is None or m.code in FAMILY_OF or not (_metric_words(m.code) & counted):
            continue  # a number without its own noun is a result or a part, never the family's total
        if noun_keys and not any(ws & noun_keys for ws in m.pattern.words):
            continue
        own = sum(1 for ws in m.pattern.words if any(ws & k for pos, k in context if pos >= 0))
        if own == 0:
            continue
        if best is None or m.score > best[0].score:
            best = (m, j)
    return best


_MONTH_WORDS = frozenset(MONTH_NAMES_UK) | frozenset(MONTH_NAMES_UK_LOCATIVE)


def _month_clause(tokens: list[Token], a: int, b: int) -> bool:
    """Is the clause before the number a month or a quarter ("у жовтні –", "січень:", "I кв. –", "Iкв. –")?"""
    words = [t.low for t in tokens[a:b] if t.kind == "word"]
    return (len(words) == 2 and words[0] in ("у", "в") and words[1] in _MONTH_WORDS) or (
        len(words) == 1 and words[0] in _MONTH_WORDS) or _quarter_clause(tokens[a:b])


def _quarter_clause(tokens: list[Token]) -> bool:
    """ "I кв. –", "ІІІкв. –", "у ІІ кварталі –": a quarter (or a half-year) before a number, no other words."""
    words = [t.text for t in tokens if t.kind == "word"]
    return 0 < len(words) <= 3 and any(w.lower().endswith(("кв", "квартал", "кварталі", "півріччя", "півріччі"))
                                       for w in words) and (p := row_period(" ".join(words))) is not None \
        and p.granularity in ("quarter", "half_year")


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


def _sum_in_brackets(tokens: list[Token], a: int, n: Number) -> Context:
    """ "Тематика порушених питань (усього 101 питання)", "огляди публікацій у ЗМІ (13 оглядів)": a sum
    in brackets, or a number with the noun before the bracket said again, counts what the words just
    before the bracket name."""
    if a == 0 or tokens[a - 1].text != "(" or a < 2 or is_delimiter(tokens[a - 2]) \
            or any(t.low not in _SUM_WORDS for t in tokens[a:n.lead]):
        return []
    start = max((j + 1 for j in range(a - 1) if is_delimiter(tokens[j])), default=0)
    if any(t.kind == "num" for t in tokens[start:a - 1]):
        return []
    outside = context_of(tokens, start, a - 1)
    if a == n.lead and not (n.end < len(tokens) and any(keys(tokens[n.end]) & k for _, k in outside)):
        return []  # "огляди публікацій у ЗМІ (13 оглядів)": with no sum word, only the noun said again
    return [(j - 12_000, k) for j, k in outside]


def _colon_lead_match(tokens: list[Token], before: int) -> tuple[Match, int] | None:
    """The metric the words before the last colon name ("Найактуальніші питання у зверненнях:")."""
    colon = max((j for j in range(before) if tokens[j].text == ":"), default=None)
    if colon is None:
        return None
    start = max((j + 1 for j in range(colon) if is_delimiter(tokens[j])), default=0)
    context = context_of(tokens, start, colon)
    for j in range(start, colon):
        a = info(tokens[j])
        if tokens[j].kind == "word" and a and a.noun and (m := best_match(keys(tokens[j]), j, context)):
            return m, j
    return None


def _lead_nouns(tokens: list[Token], a: int, b: int) -> list[int]:
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
        k = _cell(s, pos) if pos is not None else None
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
    nouns = _lead_nouns(tokens, start, len(tokens) - 1)
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


def _quoted_before(tokens: list[Token], a: int, b: int) -> bool:
    """A closed «quoted name» in tokens[a:b] (a project's title before its votes)."""
    opened = False
    for t in tokens[a:b]:
        if t.kind == "punct" and t.text in "«„“":
            opened = True
        elif t.kind == "punct" and t.text in "»”" and opened:
            return True
    return False


def _family(s: Sentence, a: int, b: int, before: list[Found], previous: list[Found]) -> str | None:
    """What the text around a clause counts: requests, appeals or petitions, if exactly one."""
    def families(words: list[frozenset[str]]) -> set[str]:
        return {family for ks in words for noun, family in FAMILY_NOUNS.items() if noun in ks}

    own = families([keys(t) for t in s.tokens if t.kind == "word"])  # the sentence's own words first
    if not own:
        around = [keys(t) for t in s.lead_in.tokens if t.kind == "word"] if s.lead_in is not None else []
        own = families(around + [f.head for f in [*previous[-3:], *before]])
    return own.pop() if len(own) == 1 else None


_LEVEL_VERBS = frozenset({"становить", "становила", "становило", "складає", "склала", "склало", "сягнула",
                          "досягла", "сягає"})


def _states_level(tokens: list[Token], n: Number) -> bool:
    """ "… і на кінець року становить 17 600": a verb stating a level just before the number."""
    return n.lead > 0 and tokens[n.lead - 1].low in _LEVEL_VERBS


def _has_option(tokens: list[Token], head: int, context: Context) -> bool:
    return best_match(keys(tokens[head]), head, context) is not None


def _alone_in_brackets(tokens: list[Token], n: Number) -> bool:
    """ "(31)", or "(2: пленарне засідання та засідання виконкому)": a number that opens its bracket
    and is all of it, or is followed by what it counts."""
    return 0 < n.lead and n.end < len(tokens) and tokens[n.lead - 1].text == "(" and tokens[n.end].text in "):"


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
            best = (m, j)
    if best is None and start > 0 and tokens[start - 1].text == ":" \
            and not any(t.kind == "num" for t in tokens[_segment_start(tokens, start - 1):start - 1]):
        return _colon_lead_match(tokens, start)  # "Серед порушених питань: соціальний захист (120), …"
    return best


_REPORTING_VERBS = frozenset({"повідомляє", "інформує", "доповідає", "звітує"})


def _has_verb(tokens: list[Token]) -> bool:
    """A verb that says what happened ("розроблено", "оприлюднено"), not "відділ повідомляє:"."""
    return any(t.kind == "word" and t.low not in _REPORTING_VERBS and (i := info(t)) and i.verb and not i.noun
               and not i.adjective for t in tokens)


def _verbless(s: Sentence, n: Number, start: int, head: int) -> tuple[Match, int, str] | None:
    """ "Рішень виконавчого комітету – 311": a metric's ``verbless`` phrase (the catalog) when nothing before
    the number (no verb, no colon, no lead-in line with a verb) names what happened to the noun."""
    tokens = s.tokens
    before = tokens[:n.lead - 1]  # "Рішень виконавчого комітету: 311" – the colon before the number is its dash
    if any(t.text == ":" for t in before) or _has_verb(before) \
            or (s.lead_in is not None and _has_verb(s.lead_in.tokens)):
        return None
    words = [k for _, k in context_of(tokens, start, n.lead)]
    for code, metric in METRICS.items():
        for phrase in metric.verbless:
            lemmas = phrase.split()
            if lemmas[0] in keys(tokens[head]) and all(any(w in ks for ks in words) for w in lemmas[1:]):
                m = next(p for p in patterns() if p.code == code)
                return Match(code, m.score, True, m), head, "before"
    return None


def _bracket_total(s: Sentence, n: Number, before: list[Found], previous: list[Found]) -> Found | None:
    """The figure before a colon (or "найбільше –", "зокрема") that a list of "topic (N)" items after it
    splits; a sentence that opens with such words ("Найбільше – щодо освіти (28), …") splits the last
    figure of the sentence right before, when its items add up to no more than it."""
    tokens = s.tokens
    colon = max((j for j in range(n.lead) if tokens[j].text == ":" or tokens[j].low in _TOP_WORDS), default=None)
    if colon is None or any(t.text == ";" for t in tokens[colon:n.lead]):
        return None
    for j in range(colon + 1, n.lead):
        if tokens[j].kind == "num" and not (tokens[j - 1].text == "(" and tokens[j + 1].text == ")"):
            return None
    whole = next((f for f in reversed(before) if f.total is None), None)
    if whole is None and _rank_lead(tokens[:colon + 1]) and previous and previous[-1].sentence is s.prior:
        whole = next((f for f in reversed(previous) if f.total is None), None)
        return whole if whole is not None and _parts_sum(tokens) <= whole.value else None
    return whole if whole is not None and whole.pos < colon else None


def _parts_sum(tokens: list[Token]) -> int:
    """The sum of the numbers of a line of parts (a total's parts add up to no more than it)."""
    numbers = sentence_numbers(tokens)
    for m in numbers:
        mark_approximation(tokens, m)
    return sum(m.value for m in numbers if not _line_number(tokens, m))  # not "лінію 1545"


def _earlier_clause(tokens: list[Token], a: int) -> Context:
    """The clause before the figure's, when it opens the sentence with a verb and no number: what
    the figure's noun is a result of ("Щоденно здійснювався моніторинг публікацій, …")."""
    if a < 2 or tokens[a - 1].text != ",":
        return []
    start = _segment_start(tokens, a - 1)
    clause = tokens[start:a - 1]
    if start != 0 or any(t.kind in ("num", "mask") for t in clause) or not _has_verb(clause) \
            or is_relative(tokens, start):
        return []
    return context_of(tokens, start, a - 1)


def _before_relative(tokens: list[Token], a: int, floor: int) -> Context:
    """ "Участь у голосуванні, що тривало …, взяли 1 146 канівців": the words before a relative
    clause that ends just before the figure's clause belong to it."""
    if a == 0 or tokens[a - 1].text != ",":
        return []
    r = _segment_start(tokens, a - 1)
    while r > floor and r < a - 1 and not is_relative(tokens, r) and tokens[r - 1].text == ",":
        r = _segment_start(tokens, r - 1)  # "що тривало з 10 по 25 листопада, …" over its own commas
    if r <= floor or not is_relative(tokens, r) or tokens[r - 1].text != ",":
        return []
    start = max(floor, _segment_start(tokens, r - 1))
    if any(t.kind == "num" for t in tokens[start:r - 1]):
        return []
    return context_of(tokens, start, r - 1)


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
                and not _clause_joint(tokens, nxt, len(tokens)):
            nxt += 1
        if nxt >= len(tokens) or tokens[nxt].kind != "num":
            end = nxt
    return end


def _object_then_verb(tokens: list[Token], j: int) -> bool:
    """At most two nouns from ``j`` and then an impersonal verb ("строк відповіді подовжено")."""
    for k in range(j, min(j + 3, len(tokens))):
        if tokens[k].kind != "word":
            return False
        if _verb_only(tokens[k]):
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
    while j > 1 and tokens[j].low in _WHEN_WORDS | {"за", "весь", "звітний", "квартал", "рік", "місяць", "тиждень"}:
        j -= 1  # "всього за період – 10"
    if j < 1 or tokens[j].low not in _SUM_WORDS or any(t.kind == "num" for t in tokens[:n.lead]):
        return None
    end = next((k for k, t in enumerate(tokens) if is_delimiter(t) or is_dash(t)), n.lead)
    context = context_of(tokens, 0, end)
    best: tuple[Match, int] | None = None
    for k in range(end):
        a = info(tokens[k])
        if tokens[k].kind == "word" and a and a.noun and (m := best_match(keys(tokens[k]), k, context)):
            if best is None or m.score > best[0].score:
                best = (m, k)
    return best


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
    """Nothing but a unit ("осіб", "одиниць", "чол.") and punctuation after the number."""
    rest = [t for t in tokens[n.end:] if t.kind != "punct"]
    return not rest or (len(rest) == 1 and (rest[0].low in UNIT_NOUNS or rest[0].low in PEOPLE_UNITS
                                            or is_people(rest[0])))


def _sentence_head(s: Sentence, n: Number) -> int | None:
    """ "Кількість громадян, …, – 2 977": the noun after an opening "Кількість"."""
    tokens = s.tokens
    words = [j for j, t in enumerate(tokens[:n.lead]) if t.kind == "word"]
    if len(words) < 2 or not keys(tokens[words[0]]) & TRANSPARENT_NOUNS:
        return None
    j = words[1]
    a = info(tokens[j])
    return j if a and a.noun else None


def _figure(s: Sentence, n: Number, left: int, right: int, floor: int, starts: set[int],
            total: Found | None, before: list[Found], previous: list[Found], force_part: bool = False,
            recent: list[Found] = ()) -> Found | None:
    tokens = s.tokens
    after_marker = _marker_after(tokens, n.end)
    dash_before = n.lead > 0 and (is_dash(tokens[n.lead - 1]) or tokens[n.lead - 1].text == ":")
    r_head, r_adj = right_head(tokens, n.end + after_marker, right, skip_verbs=bool(after_marker))
    subject = r_head is not None and r_head == n.end and r_head + 1 < len(tokens) \
        and _not_counted(n.value, tokens[r_head]) and _verb_only(tokens[r_head + 1])
    if subject:  # "ще 7 автори відкликали": a subject after the number, not what it counts
        return None
    times = r_head == n.end and tokens[n.end].low in TIMES_NOUNS  # "консультації проведено 9 разів"
    if times:
        r_head, r_adj = None, []
    l_end = n.lead - 1 if dash_before else n.lead
    l_start = left
    if r_head is None and (opener := _period_between(tokens, n.lead, floor)) is not None:
        # "огляди публікацій (за квартал – 62)", "довідки … – за квартал 12": the span says when, the noun before counts
        verb = max((j for j in range(left, opener) if tokens[j].kind == "word" and _verb_only(tokens[j])), default=None)
        start = max(floor, _segment_start(tokens, opener - 1)) if tokens[opener].text == "(" \
            else verb + 1 if verb is not None else left  # "надсилалися довідки …": the things the verb sent
        if left_head(tokens, start, opener)[0] is not None:
            dash_before, l_start, l_end = True, start, opener
    if dash_before:  # "листів, на які надано відповіді, – 63", "запитів …: 12"
        k = l_end - 1 if l_end > floor and tokens[l_end - 1].text == "," else l_end
        if k < l_end or tokens[l_end].text == ":":
            l_start = max(floor, _segment_start(tokens, k))
        if is_relative(tokens, l_start) and l_start > floor:
            l_start = max(floor, _segment_start(tokens, l_start - 1))
        if l_end - 1 > floor and tokens[l_end - 1].text == ")":  # "Громадські організації (зареєстровані) – 143"
            o = max((j for j in range(floor, l_end - 1) if tokens[j].text == "("), default=None)
            if o is not None and o > floor and not is_delimiter(tokens[o - 1]) \
                    and not any(t.kind == "num" or t.text == ";" or is_dash(t) for t in tokens[o:l_end]):  # a note
                # ("(рішення, розпорядження)"), not a list of figures
                l_end, l_start = o, max(floor, _segment_start(tokens, o))
    l_head, l_adj = (None, [])
    if dash_before or (r_head is None and not r_adj):
        l_head, l_adj = left_head(tokens, l_start, l_end)
    if l_head is not None and l_head > 0 and tokens[l_head - 1].kind == "num" and keys(tokens[l_head]) & THRESHOLD_NOUNS:
        l_head = None  # "Необхідні 250 підписів зібрала одна": the threshold's signatures, not what "одна" counts
    r_end = _extend(tokens, r_head, right, starts)
    skip = set(range(n.lead, n.end)) | _attributive(tokens, min(l_start, left), r_end)
    context = context_of(tokens, min(l_start, left), r_end, skip) + _lead_in(s, min(l_start, left)) \
        + _before_brackets(tokens, min(l_start, left)) + _sum_in_brackets(tokens, min(l_start, left), n)
    context += _before_relative(tokens, min(l_start, left), floor)
    back = s.prior is not None and any(t.low in _BACK_PRONOUNS for t in tokens[min(l_start, left):n.lead])
    back = back or (s.prior is not None and not s.prior.figures and s.prior.tokens
                    and any(t.low in _THEM for t in tokens[min(l_start, left):n.lead]))
    own_antecedent = back and any(t.kind == "word" for t in tokens[:min(l_start, left)])
    if own_antecedent:
        # "Голосування відбулося …: у ньому взяли участь", "зареєстровано 187 об’єднань (… їх було 179)": the
        # pronoun stands for a noun of its own sentence, never for the sentence before
        context += [(j - 20_000, k) for j, k in context_of(tokens, 0, min(l_start, left))]
    elif back:
        context += [(j - 20_000, k) for j, k in context_of(s.prior.tokens, 0, len(s.prior.tokens))]  # "У ньому"
    # only when the clause has no verb of its own: "Надійшло 15 запитів, на які надано відповіді" were received
    own = [t for t in tokens[min(l_start, left):r_end] if t.low not in _STATIVE_VERBS]  # "залишаються 9 …, які …"
    tail = r_end if _has_verb(own) else _relative_tail(tokens, r_end, starts)
    context += context_of(tokens, r_end, tail)
    if total is not None:
        context += [(p - 30_000, k) for p, k in total.context]
    options: list[tuple[Match, int, str]] = []
    if n.end < len(tokens) and tokens[n.end].low in PEOPLE_UNITS:  # "(всього 702 чол.)": people, named before
        m = people_match(context_of(tokens, 0, n.lead) + context, n.end)
        if m is None:
            return None
        fig = Found(m.code, n.value, s, n.pos, "before", head=keys(tokens[n.end]), head_text=tokens[n.end].text)
        fig.confidence = _confidence(m, "before", n.words)
        fig.approximate, fig.number_words = n.approximate, n.words
        fig.context, fig.span, fig.lead = context, (left, right), n.lead
        return fig
    if times and l_head is not None and is_people(tokens[l_head]):
        return None  # "громадяни звернулися 12 разів": times, not people
    if r_head is not None and _joined_apart(tokens, r_head, r_adj, context):
        return None  # "1 280 вхідних та вихідних документів": two metrics in one number, never one guessed
    for head, how in ((l_head, "before"), (r_head, "after")):
        if head is not None and (m := best_match(keys(tokens[head]), head, context)):
            options.append((m, head, how))
    if not options and l_head is not None and dash_before:  # "текстів виступів міського голови – два": a noun of
        # the chain after the first names it
        for j in range(l_head + 1, l_end):
            if tokens[j].kind != "word":
                break
            if (i := info(tokens[j])) and i.noun and (m := best_match(keys(tokens[j]), j, context)):
                options.append((m, j, "before"))
                break
    if not options and r_head is not None and floor == 0 and total is None and not before \
            and (earlier := _earlier_clause(tokens, min(l_start, left))):
        for_head = context + earlier  # "Здійснювався моніторинг публікацій, за місяць підготовлено 21 огляд"
        if m := best_match(keys(tokens[r_head]), r_head, for_head):
            options.append((m, r_head, "after"))
    if not options and dash_before and l_head is not None and (verbless := _verbless(s, n, l_start, l_head)):
        options.append(verbless)
    adjectives = l_adj or r_adj
    for head in (r_head, l_head):
        if not options and head is not None and not times and is_people(tokens[head]) and (m := people_match(context, head)):
            options.append((m, head, "after" if head == r_head else "before"))
    if not options and adjectives and (l_head is None and r_head is None):
        for a in adjectives:  # "релігійних – 40": the adjective names the metric itself
            if m := best_match(keys(tokens[a]), a, context):
                options.append((m, a, "after" if a > n.pos else "before"))
    if not options and n.end < len(tokens) and tokens[n.end].low in UNIT_NOUNS:
        unit = _colon_lead_match(tokens, n.lead)  # "питання у зверненнях: благоустрій – 96 одиниць"
        if unit is not None:
            options.append((unit[0], unit[1], "before"))
    if not options and _alone_in_brackets(tokens, n) and (near := _bracket_lead_match(tokens, n)) is not None:
        options.append((near[0], near[1], "before"))  # "питань порушено щодо освіти (31), транспорту (12)"
    if not options and total is None and _alone_in_brackets(tokens, n) and (whole := _bracket_total(s, n, before, previous)):
        total = whole  # "Надійшло 300 звернень: з питань освіти (31), транспорту (12)": parts of the 300
    if (dash_before or _states_level(tokens, n)) and _ends_sentence(tokens, n) \
            and (head := _sentence_head(s, n)) is not None:
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
    if not options and r_head is None and _month_clause(tokens, min(l_start, left), n.lead) \
            and (l_head is None or tokens[l_head].low in _MONTH_WORDS) and not (
            _colon_lead_match(tokens, n.lead) and _months_of_colon_lead(tokens, n, before)):  # "(жовтень – 76, …)"
        near = next((f for f in reversed(before) if f.total is None), None) or (previous[-1] if previous else None)
        if near is not None:  # "(у жовтні – 3, у листопаді – 2)": the months of the figure before
            fig = Found(near.code, n.value, s, n.pos, "ellipsis", head=near.head, head_text=near.head_text)
            fig.confidence = 0.75
            fig.approximate, fig.number_words = n.approximate, n.words
            fig.context, fig.span, fig.lead = context, (left, right), n.lead
            return fig
    if total is not None:  # a part names another metric only with a word of its own, not its total's
        theirs = frozenset().union(*(k for _, k in total.context)) if total.context else frozenset()
        own = [(pos, k) for pos, k in context if pos > BORROWED]

        def _own_word(m: Match) -> bool:
            return any(any(ws & k for _, k in own) and not ws & theirs for ws in m.pattern.words)

        # "34 новини, з них 6 – анонси подій": a verbless kind after a dash is a kind of the total's thing
        kind_of_total = _dash_after(tokens, n.end) and not _has_verb(tokens[n.end + 1:right])
        kept = []
        for m, head, how in options:
            if m.code != total.code and kind_of_total:
                continue
            if METRICS[m.code].category != METRICS[total.code].category and dash_before \
                    and not _has_verb(tokens[left:n.lead]):
                continue  # "запитів – 37, з них від: … громадських об’єднань – 4": a requester, not the NGOs
            if m.code != total.code and m.code in people_codes() and _adjective_only(tokens[head]):
                continue  # "звернень …, колективних серед них було 47": a kind of the total's noun, not people
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
        fig.confidence = _confidence(m, how, n.words)
    elif (l_head is None and r_head is None) and (total is not None or dash_before or _dash_after(tokens, n.end)) \
            and not (total is None and dash_before and not before and _colon_lead_match(tokens, n.lead) is not None):
        # ("звернення розподілились так: поштою – 6 412": the colon's lead names them, not a sentence before)
        fig = _ellipsis(s, n, context, adjectives, total, before, previous)  # "у Telegram – 455"
    elif before and r_head is not None and info(tokens[r_head]).adjective and r_head + 1 == r_end:
        # "… вхідних документів та 3 100 вихідних": an adjective standing for the noun of the figure before
        fig = _ellipsis(s, n, context, [r_head], None, before[-1:], [])
    elif l_head is None and r_head is None and n.lead == 0 and total is None:
        fig = _ellipsis(s, n, context, adjectives, None, [], [])  # "5. Кількість звернень …" / "148, з них …"
    if fig is None and total is None and dash_before and r_head is None and l_head is not None \
            and is_people(tokens[l_head]) and not _has_verb(tokens[min(l_start, left):n.lead]) \
            and (sent := next((f for f in reversed(before) if f.total is None), None)) is not None \
            and sent.head & FAMILY_NOUNS.keys() and sent.code in FAMILY_OF:
        # "фізичні особи – 109 запитів, …, журналісти – 22": who sent them; what is counted is the figure's before
        fig = Found(sent.code, n.value, s, n.pos, "ellipsis", head=sent.head, head_text=sent.head_text)
        fig.confidence = 0.7
        fig.breakdown = _breakdown(tokens, min(l_start, left), n.lead, set()) or None
    label = min(l_start, left)  # "Viber-спільнота: 94": the label before a colon, too, and its note in brackets
    if fig is None and total is None and dash_before and r_head is None and l_head is not None and before \
            and not _has_option(tokens, l_head, context) and not _has_verb(tokens[label:l_end]) \
            and before[-1].total is None and before[-1].head and tokens[label - 1].text in ",;" \
            and (m := best_match(before[-1].head, BORROWED * 40, context_of(tokens, label, n.lead))) is not None \
            and m.code == before[-1].code and len(m.pattern.words) > 1:
        # "канал мав 212 тисяч підписників, сторінка у Facebook – 148 тисяч": whose, with the noun of the figure before
        fig = Found(m.code, n.value, s, n.pos, "ellipsis", head=before[-1].head, head_text=before[-1].head_text)
        fig.confidence = 0.7
        fig.breakdown = _breakdown(tokens, label, l_end, set()) or None
    if fig is None and total is None and l_head is None and r_head is None \
            and any(tokens[j].low in ("від", "з") and is_people(tokens[j + 1]) for j in range(left, n.lead - 1)) \
            and (sent := next((f for f in reversed([*previous, *before]) if f.total is None), None)) is not None \
            and sent.head & FAMILY_NOUNS.keys() and sent.code in FAMILY_OF \
            and (m := best_match(sent.head, BORROWED * 40, context_of(tokens, left, right))) is not None \
            and m.code == sent.code and len(m.pattern.words) > 1:
        # "від військовослужбовців надійшло 97": from whom, and the arrival of the family's thing counted before
        fig = Found(sent.code, n.value, s, n.pos, "ellipsis", head=sent.head, head_text=sent.head_text)
        fig.confidence = 0.7
        fig.breakdown = _breakdown(tokens, left, n.lead, set()) or None
    month_verb = not dash_before and _month_clause(tokens, min(l_start, left), n.lead - 1) \
        and _verb_only(tokens[n.lead - 1])  # "…запитів …: у січні надійшло 7, у лютому – 5"
    if fig is None and total is None and (dash_before or month_verb) \
            and (not _month_clause(tokens, min(l_start, left), n.lead - month_verb)
                 or _months_of_colon_lead(tokens, n, before)) \
            and (l_head is None or not _has_option(tokens, l_head, context)) \
            and (lead := _colon_lead_match(tokens, n.lead)) is not None:  # "отримано запитів: поштою – 109"
        fig = Found(lead[0].code, n.value, s, n.pos, "before", head=keys(tokens[lead[1]]),
                    head_text=tokens[lead[1]].text, head_pos=lead[1])
        fig.confidence = _confidence(lead[0], "ellipsis", n.words)
    elif fig is None and total is None and dash_before and l_head is not None and not _has_option(tokens, l_head, context) \
            and (line := _lead_line_match(s, n.pos)) is not None:  # "Найчастіше порушуються питання:" / "соціального захисту – 160"
        word = line[1]
        fig = Found(line[0].code, n.value, s, n.pos, "before", head=keys(word), head_text=word.text)
        fig.confidence = _confidence(line[0], "ellipsis", n.words)
        fig.breakdown = _breakdown(tokens, min(l_start, left), n.lead, set()) or None
    if fig is None and total is None and r_head is not None \
            and any(t.low in _SUM_WORDS for t in tokens[min(l_start, left):n.lead]):
        same = [f for f in [*before, *previous] if f.total is None and f.head & keys(tokens[r_head])]
        if same and len({f.code for f in same}) == 1:  # "… липень – 2, серпень – 3. Усього за квартал 5 засідань"
            fig = Found(same[0].code, n.value, s, n.pos, "after", head=keys(tokens[r_head]),
                        head_text=tokens[r_head].text, head_pos=r_head)
            fig.confidence = 0.75
    if fig is None and total is None and not times and r_head is None \
            and (l_head is None or not _has_option(tokens, l_head, context)) \
            and _points_back(tokens[min(l_start, left):n.lead]) \
            and (ante := _antecedent(tokens, min(l_start, left), context, [*previous, *before])) is not None:
        # "За рік надійшло 1 612 звернень. У 2024 році їх було 1 498": "їх" stands for the nearest noun before
        fig = Found(ante[0], n.value, s, n.pos, "ellipsis", head=ante[1], head_text=ante[2])
        fig.confidence = 0.7
    if fig is None and total is None and (r_head is None or times or tokens[r_head].low in _EARLIER | _WHEN_WORDS) \
            and (then := _compared(tokens, n, before)):
        # "412 звернень (проти 390 торік)", "…, що на 22 більше, ніж торік (390)": the figure before, another time
        # (etl.reports.extraction keeps it only when its words name that earlier period)
        fig = Found(then.code, n.value, s, n.pos, "compared", head=then.head, head_text=then.head_text)
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
            and l_head + 1 < l_end and tokens[l_head + 1].kind == "word" and not l_adj \
            and not _has_verb(tokens[l_head + 1:l_end]) \
            and (whole := _repeated_total(tokens[l_head], n, [*recent, *before])) is not None:
        # "Порушено 2 477 питань. … Переважали питання житлово-комунального господарства – 812": the label
        # opens with the noun of a total just before; what follows the noun tells the part apart
        total = whole
        fig = Found(whole.code, n.value, s, n.pos, "ellipsis", head=whole.head, head_text=whole.head_text)
        fig.confidence = 0.7
        skip = skip | set(range(min(l_start, left), l_head + 1))
    if fig is None and total is not None and (r_head is None or keys(tokens[r_head]) & total.head or not (
            (is_people(tokens[r_head]) and not info(tokens[r_head]).adjective and total.code not in people_codes())
            or _has_verb(tokens[left:n.lead]) or any(t.low in _TOPIC_PREPOSITIONS for t in tokens[left:n.lead]))):
        # "з них 11 – великих", "і 6 – малих": parts of the total ("…, в яких узяли участь 1 126 мешканців",
        # "та розглянула 11 питань" count a noun of their own: never parts of it)
        fig = Found(total.code, n.value, s, n.pos, "ellipsis", head=total.head, head_text=total.head_text)
        fig.confidence = 0.75
    if fig is None:
        return None
    if n.words and tokens[n.pos].low in TIMES_ADVERBS and (fig.code not in _OCCASIONS or _rate(tokens, n.end)):
        return None  # "розглядали двічі", "двічі на місяць": how often, not how many (only meetings "відбулися двічі")
    if fig.code in people_codes() and _only_recipients(tokens, min(l_start, left), r_end, fig.code):
        return None  # "у 684 випадках заявникам відмовлено": the people it was done to are not what is counted
    if total is not None and l_head is None and r_head is None and total.head and not force_part:
        # "27 новин, з них 19 – з фотографіями": a part with no noun of its own counts its total's
        # noun, and its own words may make that noun another metric (news with photos, not photos)
        own = context_of(tokens, min(l_start, left), r_end, skip)  # the clause's own words, not its lead's
        if _alone_in_brackets(tokens, n):  # "з них із фотографіями (19)"
            own += context_of(tokens, _segment_start(tokens, n.lead - 1), n.lead - 1)
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
    if any(t.low in NOT_WITH_WORDS.get(fig.code, ()) for t in tokens[min(l_start, left):r_end]) \
            and not (total is not None and (total.code, fig.code) in PART_STAYS):
        return None  # (a part of a total it stays with is that total's kind: internal documents of the flow)
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
    if fig.code in REFUSED_AS and any(t.low in REFUSAL_WORDS for t in tokens[min(l_start, left):r_end]):
        fig.code = REFUSED_AS[fig.code]  # "у задоволенні 14 звернень відмовлено"
    if (what := _predicate_match(tokens, n.end, right)) is not None:
        fig.code = what.code  # "2 листа з яких є запитами на публічну інформацію": what they are
    if fig.code in ATTENDED_AS and fig.head_pos is not None and (i := info(tokens[fig.head_pos])) is not None \
            and i.forms and all(case == "loct" for case, _ in i.forms):
        fig.code = ATTENDED_AS[fig.code]  # "у чотирьох засіданнях виконкому"
    if fig.code in PUBLISHED_AS and (verbs := _verbs_before(tokens, n.lead)) and verbs <= PUBLISH_VERBS:
        fig.code = PUBLISHED_AS[fig.code]  # "Оприлюднено …, два розпорядження міського голови"
    if fig.code in STOCK_CODES and fig.head_pos is not None \
            and any(t.low in NEW_WORDS for t in tokens[min(l_start, left, fig.head_pos):fig.head_pos]):
        return None  # "зареєстровано 12 нових громадських організацій": a flow, not the stock
    pending_end = r_end
    if _alone_in_brackets(tokens, n):  # "Решта звернень (6) перебуває на розгляді": the bracket's predicate
        pending_end = next((j for j in range(n.end + 1, len(tokens)) if tokens[j].text in ",;.("), len(tokens))
    if fig.code in NOT_WHEN_PENDING and any(t.low in PENDING_WORDS for t in tokens[min(l_start, left):pending_end]):
        return None
    if fig.code in NEGATED_CODES and any(  # "ще 9 не отримали потрібної підтримки"
            t.low == "не" and (i := info(tokens[j + 1])) is not None and i.verb and not i.noun
            for j, t in enumerate(tokens[min(l_start, left):r_end - 1], start=min(l_start, left))):
        fig.code = NEGATED_CODES[fig.code]
    quoted = _quoted_before(tokens, min(l_start, left), n.lead) or _named_row(s) \
        or any(t.kind == "punct" and t.text in "«„“" for t in tokens[n.end:right])  # "– 4 318 – зібрав проєкт «…»"
    one = any("окремий" in k for pos, k in context if pos > BORROWED)  # "Набрав окремий проєкт 25 голосів"
    fig.code = QUOTED_NAME_CODES.get(fig.code, fig.code) if quoted or one else UNQUOTED_CODES.get(fig.code, fig.code)
    family = _family(s, min(l_start, left), r_end, before, previous)
    if family and (fig.code, family) in ACROSS_FAMILIES:
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
        phrase = _breakdown(tokens, left, right, skip | set(range(n.end, n.end + after_marker))
                            | _marker_words(tokens, left, n.lead))
        if not phrase and (_alone_in_brackets(tokens, n)  # "з питань освіти (31)"
                           or (n.lead > 0 and tokens[n.lead - 1].text == ":")):  # "юридичні особи: 2"
            phrase = _breakdown(tokens, _segment_start(tokens, n.lead - 1), n.lead - 1, set())
        if not phrase and n.lead > 1 and is_dash(tokens[n.lead - 1]) and tokens[n.lead - 2].text == ")" \
                and (o := max((j for j in range(n.lead - 2) if tokens[j].text == "("), default=None)) is not None:
            start = _segment_start(tokens, o)  # "внутрішні документи (службові, доповідні записки) – 9 534"
            phrase = _breakdown(tokens, start, o, {j for j in range(start, o) if keys(tokens[j]) & total.head})
        fig.breakdown = f"{phrase} ({total.head_text})" if phrase and not _has_noun(tokens, phrase) else phrase
        fig.breakdown = fig.breakdown or None
    fig.approximate, fig.number_words = n.approximate, n.words
    fig.context, fig.span, fig.lead = context, (left, right), n.lead
    return fig


_COMPARING = frozenset({"проти", "ніж", "порівняно", "порівнянні", "порівнянням", "тоді", "як", "з", "із", "зі", "у",
                        "в", "за", "на", "що", "це", "більше", "менше", "було", "був", "була", "становив", "становила",
                        "становило", "склав", "склала", "склало", "раніше", "роком", "для", "порівняння"})
_VERSUS = frozenset({"проти", "ніж", "порівняно", "порівнянні"})
_EARLIER = frozenset({"торік", "минулого", "минулому", "попереднього", "попередньому", "аналогічного", "аналогічному",
                      "аналогічний", "відповідному", "відповідного", "раніше", "роком"})


def _compared(tokens: list[Token], n: Number, before: list[Found]) -> Found | None:
    """The figure before a number that only compares with it at an earlier time: between them and up to the
    clause's end only words of comparing ("проти", "ніж", "що на 22 більше") and of time ("торік", "у
    ІІІ кварталі 2024 року"), one of them naming an earlier time."""
    then = next((f for f in reversed(before) if f.total is None), None)
    if then is None:
        return None
    start = next((j for j in range(then.pos + 1, n.lead) if tokens[j].kind == "punct" or tokens[j].low in _VERSUS), n.lead)
    end = next((j for j in range(n.end, len(tokens)) if tokens[j].text in ",;:" or is_dash(tokens[j])), len(tokens))
    between = [(j, t) for j, t in enumerate(tokens[start:end], start=start) if not n.lead <= j < n.end]
    earlier = any(t.low in _EARLIER or t.mask == "year" or t.low in _WHEN_WORDS - _AND for _, t in between)
    plain = all(t.kind in ("punct", "mask") or t.low in _COMPARING or t.low in _EARLIER or t.low in _WHEN_WORDS
                or (t.kind == "num" and tokens[j - 1].low == "на") for j, t in between)
    return then if earlier and plain and any(t.low in _VERSUS or t.text == "(" for _, t in between) else None


# what "двічі", "тричі" count: occasions that take place ("засідання громадської ради відбулися двічі")
_OCCASIONS = frozenset({"exec_committee_meetings", "public_council_meetings", "public_consultations_held",
                        "council_sittings_attended", "commission_meetings_attended", "events_attended",
                        "seminars_attended", "press_events_organized", "online_broadcasts",
                        "participatory_budget_rounds"})


def _rate(tokens: list[Token], j: int) -> bool:
    """ "двічі на місяць", "тричі на тиждень": a frequency."""
    return j + 1 < len(tokens) and tokens[j].low == "на" and tokens[j + 1].low.startswith(
        ("місяц", "тиждень", "рік", "день", "добу", "квартал", "год"))


def _points_back(tokens: list[Token]) -> bool:
    """ "їх", "цей показник", "їхня кількість": words that stand for a noun named before."""
    return any(t.low in _THEM or (t.low in _THIS and k + 1 < len(tokens)
                                  and tokens[k + 1].low.startswith(("показник", "кількіст")))
               for k, t in enumerate(tokens))


def _antecedent(tokens: list[Token], a: int, context: Context, earlier: list[Found]) -> tuple | None:
    """(code, head, head text) of what a pronoun before tokens[a] stands for: the nearest noun of its own
    sentence that names a metric ("Із громадськими організаціями (… їх у громаді 57)"), else the
    figure before it."""
    context = context + [(j - 20_000, k) for j, k in context_of(tokens, 0, a)]
    for j in range(a - 1, -1, -1):
        t = tokens[j]
        if t.kind == "word" and (i := info(t)) and i.noun and (m := best_match(keys(t), j - 20_000, context)):
            return m.code, keys(t), t.text
    ante = next((f for f in reversed(earlier) if f.total is None and f.head), None)
    return (ante.code, ante.head, ante.head_text) if ante is not None else None


_COPULAS = frozenset({"є", "були", "стали", "являються", "виявилися"})


def _predicate_match(tokens: list[Token], start: int, end: int) -> Match | None:
    """ "…, 2 листа з яких є запитами на публічну інформацію": a noun in the instrumental after a copula in the
    figure's clause says what the things counted are."""
    j = next((j for j in range(start, end - 1) if tokens[j].low in _COPULAS), None)
    if j is None or not means(a := info(tokens[j + 1])) or not a.noun:
        return None
    return best_match(keys(tokens[j + 1]), j + 1, context_of(tokens, j + 1, end))


def _verbs_before(tokens: list[Token], pos: int) -> set[str]:
    """The verbs of the sentence before ``pos``, back to its start or a semicolon (a number word, "три",
    is none)."""
    start = max((j + 1 for j in range(pos) if tokens[j].text == ";"), default=0)
    numbers = {j for m in sentence_numbers(tokens) for j in range(m.pos, m.end)}
    return {t.low for j, t in enumerate(tokens[start:pos], start=start)
            if t.kind == "word" and j not in numbers and _verb_only(t)}


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
    words = _metric_words(code)
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
        if size := _marker(tokens, e, PART_BEFORE + PART_AFTER):
            out |= set(range(e - size, e))
    return out


_WHEN_WORDS = frozenset({"станом", "році", "року", "роках", "кварталі", "кварталу", "півріччі", "півріччя",
                         "місяці", "місяців", "тижні", "період", "періоді", "і", "іі", "ііі", "іv", "i", "ii", "iii",
                         "iv", "минулому", "попередньому", "аналогічному", "торік", "минулого", "попереднього",
                         "аналогічного", "р", "рр"}) | frozenset(MONTH_NAMES_UK_LOCATIVE)


def _ellipsis(s, n, context, adjectives, total, before, previous) -> Found | None:
    # "156 громадських організацій (на 01.01.2025 – 149)", "3 410 вхідних документів (у ІІ кварталі – 3 180)":
    # a bracket right after a figure that says only when is the same figure at another time
    o = n.lead - 2 if n.lead > 1 and is_dash(s.tokens[n.lead - 1]) else None
    o = next((j for j in range(o, -1, -1) if s.tokens[j].text == "("), None) if o is not None else None
    first = before[-1] if before and total is None else None
    if o is not None and first is not None and first.pos < o and o + 1 < n.lead - 1 and not any(
            t.kind == "num" and s.tokens[j - 1].low != "на"  # "…, що на 7 232 менше, ніж торік (за 9 місяців …)"
            for j, t in enumerate(s.tokens[first.pos + 1:o], start=first.pos + 1)) \
            and all(t.kind == "mask" or t.text == "." or (t.kind == "word" and (is_stop_word(t.low) or t.low in _WHEN_WORDS))
                    for t in s.tokens[o + 1:n.lead - 1]):  # "(у лютому 2025 р. – 1 043)"
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
            fig.confidence = _confidence(m, "ellipsis", n.words)
            return fig
    # a part of a total is the total's, never a figure's further back
    antecedents = [total] if total else list(reversed(before)) + list(reversed(previous))
    for ante in antecedents:
        if not ante.head:
            continue
        m = best_match(ante.head, -1, context, must_use=must)
        if m is not None:
            fig = Found(m.code, n.value, s, n.pos, "ellipsis", head=ante.head, head_text=ante.head_text)
            fig.confidence = _confidence(m, "ellipsis", n.words)
            return fig
    return None


def _negations(s: Sentence, before: list[Found] = ()) -> list[Found]:
    """Zeros said by a denial ("Брифінгів у жовтні не проводилося"); with ``before`` (the figures of a sentence
    with numbers), only a kind of the last of them named by an adjective alone ("Засідань – 2; позачергових не
    скликалося")."""
    tokens, out, a = s.tokens, [], 0
    for b in [*(j for j, t in enumerate(tokens) if is_delimiter(t)), len(tokens)]:
        denies = any(
            (t.low == "не" and j + 1 < b and (i := info(tokens[j + 1])) and i.verb) or t.low in NEGATION_WORDS
            for j, t in enumerate(tokens[a:b], start=a)) and not any(t.kind == "num" for t in tokens[a:b])
        if denies and any(t.low in _ONLY_A_KIND for t in tokens[a:b]):
            denies = False  # "Жодне звернення не розглянуто з порушенням строків": no late answers, not no answers
        head, adjectives = left_head(tokens, a, b) if denies else (None, [])
        m = best_match(keys(tokens[head]), head, context_of(tokens, a, b)) if head is not None and not before else None
        if head is None and adjectives and before and before[-1].total is None:
            kind, near = adjectives[0], before[-1]
            m = best_match(keys(tokens[kind]), kind, context_of(tokens, a, b) + [(BORROWED - 1, k) for _, k in near.context])
            m, head = (m, kind) if m is not None and m.code == near.code else (None, None)
        if m is not None:
            fig = Found(m.code, 0, s, head, "negation", head=keys(tokens[head]), head_text=tokens[head].text)
            fig.confidence, fig.span, fig.context = 0.7, (a, b), context_of(tokens, a, b)
            fig.breakdown = tokens[head].text if before else None
            out.append(fig)
        a = b + 1
    return out


# A denial with one of these words denies a kind of the thing only (late, overdue ones), not the thing.
_ONLY_A_KIND = frozenset({"порушенням", "порушення", "несвоєчасно", "запізненням", "простроченням",
                          "прострочено", "простроченими", "пізніше"})


def _confidence(m: Match, how: str, words: bool) -> float:
    c = 0.95
    c -= {"after": 0.0, "before": 0.05, "ellipsis": 0.15}.get(how, 0.1)
    c -= 0.05 if words else 0.0
    c -= 0.0 if m.aligned else 0.1
    c -= 0.15 if m.score < 0.3 else 0.0
    return round(max(0.3, c), 2)
