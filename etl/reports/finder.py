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
   against its label as the spreadsheet resolver reads it, its columns and its table (``etl.reports.table_rows``).

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

The rules live by what they decide: ``etl.reports.figure`` (one number's metric from its clause),
``etl.reports.parts`` (parts of a total, pools, list items), ``etl.reports.table_rows`` (table
rows), ``etl.reports.questions`` (question lines), ``etl.reports.comparisons`` (an earlier time,
pronouns pointing back) and ``etl.reports.found`` (the figure and what they share); this module
reads every sentence (``_sentence``) and the report (``find_figures``).
"""

from __future__ import annotations

from dataclasses import replace

from activity.catalog import METRICS
from activity.morph import NETWORK_NAMES
from etl.reports.figure import inserted_clause, number_figure
from etl.reports.found import (
    AND,
    EDGE_WORDS,
    SAME,
    SUM_WORDS,
    Found,
    alone_in_brackets,
    bracketed_aside,
    breakdown_words,
    clause_joint,
    dash_after,
    has_verb,
    line_number,
    marker_after,
    marker_length,
    metric_words,
    segment_start,
    verb_only,
)
from etl.reports.header import column_of, heading_row
from etl.reports.lexicon import (
    AGENT_NOUNS,
    CHANGE_WORDS,
    CIVIL_STOCKS,
    COPULAS,
    FAMILY_NOUNS,
    FAMILY_OF,
    MISTAKEN_WORDS,
    NEGATED_CODES,
    NEGATION_WORDS,
    NEW_WORDS,
    NO_REFUSAL_AS,
    OF_THE_ITEMS_BEFORE,
    PART_AFTER,
    PART_BEFORE,
    PART_IN_BRACKETS,
    PLAN_LEADS,
    PLAN_WORDS,
    POOL_OF,
    REFUSAL_WORDS,
    RELATIVE_PLURALS,
    RULED_OUT,
    SAYING_VERBS,
    STAFF_WORDS,
    STOCK_CODES,
    THRESHOLD_NOUNS,
    WHOLE_OF_KINDS,
    is_stop_word,
)
from etl.reports.match import (
    BORROWED,
    adjectives_listed,
    best_match,
    context_of,
    gloss,
    info,
    is_dash,
    is_delimiter,
    is_people,
    is_relative,
    keys,
    left_head,
    people_match,
    right_head,
)
from etl.reports.numbers import (
    Number,
    in_range,
    is_average,
    is_change,
    mark_approximation,
    sentence_numbers,
)
from etl.reports.parts import (
    adjective_pair,
    adjective_part,
    among_total,
    bare_items,
    bracket_adjective_part,
    bracket_after_figure,
    bracket_dash_items,
    bracket_dash_part,
    bracket_same_noun,
    colon_total,
    continued_total,
    dimension_total,
    header_total_of,
    is_pool,
    label_item,
    list_opener,
    list_total,
    marker_lead_total,
    members_of_kinds,
    other_kind,
    parts_before,
    parts_within_total,
    pool_parts,
    ranked_total,
    renamed_part,
    sibling_item,
    sibling_part,
    then_aside,
    totals_of_named_parts,
    verb_label,
)
from etl.reports.questions import question_line
from etl.reports.table_rows import (
    cell,
    next_column_figure,
    note_cell,
    noted,
    table_row,
    value_numbers,
)
from etl.reports.tables import label_metric
from etl.reports.tokens import Sentence, Token


def _gap_has_marker(tokens: list[Token], a: int, b: int) -> bool:
    if a > 0:  # "…, з них" right after the previous number belongs to it; at the start it opens the parts
        a += marker_after(tokens, a)
    # "зібрали три петиції, зокрема № 47 щодо …": a marker before a name or a number is an example, no parts
    return any(marker_length(tokens, e, PART_BEFORE + PART_AFTER) and not (e < b and tokens[e].kind == "mask")
               for e in range(a + 1, b + 1))


def _named_exactly(s: Sentence, item: Found) -> bool:
    """ "Рішення, розпорядження та проєкти рішень – 82": a label the resolver reads as one of its metric's
    names word for word names it, whatever its nouns alone would say."""
    label = "".join(("" if t.kind == "punct" else " ") + t.text for t in s.tokens[:item.lead - 1])
    return label_metric(label, _EXACT) == item.code


_EXACT = frozenset({"exact"})


def _sibling_line(s: Sentence, found: list[Found], unmatched: list) -> Found | None:
    """ "Нас читають:" / "Telegram — 61 204 підписники" / "Facebook — 38 917": a bare "label – N" item
    under the same lead-in as the item right before it, whose number counted a noun of its own after
    it, counts the same (its label the breakdown)."""
    prior = s.prior
    if s.row or prior is None or prior.line != s.line - 1 or len(prior.figures) != 1 or not bare_items(s.tokens) \
            or (s.lead_in is not None and prior.lead_in is not s.lead_in):
        return None
    before = prior.figures[0]
    while before.how == "item line" and before.sentence.prior is not None and len(before.sentence.prior.figures) == 1:
        before = before.sentence.prior.figures[0]  # "Instagram — 9 860" under "Facebook — 38 917": the run's first
    if before.how == "item line" or before.total is not None or before.head_pos is None \
            or before.head_pos <= before.pos or before.sentence.lead_in is None:
        return None
    n = sentence_numbers(s.tokens)[0]
    label = breakdown_words(s.tokens, 0, n.pos - 1, set())
    fig = Found(before.code, n.value, s, n.pos, "item line", confidence=0.7, breakdown=label or None,
                head=before.head, head_text=before.head_text, span=(0, n.end), lead=n.pos)
    unmatched[:] = [(u, t) for u, t in unmatched if not (u is s and t is s.tokens[n.pos])]
    return fig


def _named_sibling(tokens: list[Token], n: Number, left: int, prior: Found, total: Found) -> bool:
    """ "<how> – N" after a comma, right after a figure of the same sentence that a part marker put under
    ``total`` but whose own noun named another metric."""
    return prior.sentence.tokens is tokens and prior.total is None and prior.how == "after" \
        and prior.code != total.code and not (total.sentence.tokens is tokens and total.pos > prior.pos) \
        and left > 0 and tokens[left - 1].text == "," and prior.pos < left and n.lead > left \
        and is_dash(tokens[n.lead - 1]) and not has_verb(tokens[left:n.lead]) \
        and (n.end >= len(tokens) or tokens[n.end].text in ",;.") \
        and not any(t.kind == "num" for t in tokens[prior.pos + 1:left])


def _parallel(tokens: list[Token], n: Number, prior: Found) -> str | None:
    """The metric of a clause after a comma that repeats the shape of the figure's clause before it with no
    noun of its own: "На сторінку … підписані 18 430 людей, на Telegram-канал – 9 870" (the same opening
    preposition, a dash, the number ending the clause) is the same metric; "набрали 3 петиції, 9 – не
    набрали …" (the number, a dash, the verb denied) is the denied one (``NEGATED_CODES``)."""
    if prior.total is not None or prior.head_pos is None or prior.sentence.tokens is not tokens or n.lead < 2:
        return None
    start = max((j + 1 for j in range(n.lead) if tokens[j].text in ",;"), default=0)
    if start == 0 or prior.pos >= start:
        return None
    end = next((j for j in range(n.end, len(tokens)) if tokens[j].text in ",;."), len(tokens))
    clause_start = max((j + 1 for j in range(prior.lead) if tokens[j].text in ",;:"), default=0)
    label = [t for t in tokens[start:n.lead - 1] if t.kind == "word" and not is_stop_word(t.low)]
    after = tokens[n.end] if n.end < len(tokens) and tokens[n.end].kind == "word" else None
    if label and is_dash(tokens[n.lead - 1]) and all(keys(t) & AGENT_NOUNS for t in label) \
            and (after is None or keys(after) & metric_words(prior.code)):
        return prior.code  # "Сектор … розмістив 171 новину, пресслужба – 115 матеріалів": another unit's count of it
    if prior.code in _PER_NETWORK and is_dash(tokens[n.lead - 1]) and n.end == end and label \
            and all(keys(t) & _NETWORK_WORDS for t in label):
        return prior.code  # "сторінку у Facebook відстежують 6 380 користувачів, Telegram-канал – 2 770"
    if is_dash(tokens[n.lead - 1]) and n.end == end and start < n.lead - 1:
        first = tokens[start].low  # the same preposition opens both ("Станом на 25.11 на сторінку …": not its "на")
        opens = any(t.low == first and not (j > 0 and tokens[j - 1].low == "станом")
                    for j, t in enumerate(tokens[clause_start:prior.lead], start=clause_start))
        return prior.code if opens and first in ("на", "у", "в", "до", "через") else None
    if n.end == end and n.lead > start + 1 and prior.lead > 0 and tokens[n.lead - 1].low == "до" \
            and tokens[prior.lead - 1].low == "до" and is_dash(tokens[n.lead - 2]):
        return prior.code  # "… у Facebook зросла до 4 218, а Telegram-каналу – до 1 150": the same change, said again
    if n.lead == start and n.end + 2 < end and is_dash(tokens[n.end]) and tokens[n.end + 1].low == "не":
        return NEGATED_CODES.get(prior.code)
    return None


# a figure said per network: the next network after a dash counts the same ("…, Telegram-канал – 2 770")
_PER_NETWORK = frozenset({"social_media_followers", "social_media_posts"})
_NETWORK_WORDS = NETWORK_NAMES | {"канал", "сторінка", "спільнота", "акаунт"}  # ("Telegram-канал": its halves)


def _respectively_next(tokens: list[Token], n: Number, prior: Found) -> bool:
    """ "відповідно 146 і 131", "відповідно 38, 41 та 29": a number joined by "і"/"та"/"," to a figure
    right after "відповідно" is the next one of the same run."""
    j = n.lead - 1
    if j < 1 or tokens[j].low not in ("і", "й", "та", ","):
        return False
    k = j - 1  # back over the run's numbers to "відповідно"
    while k >= 0 and (tokens[k].kind == "num" or tokens[k].low in ("і", "й", "та", ",")):
        k -= 1
    return k >= 0 and tokens[k].low == "відповідно" and prior.pos < n.lead and prior.pos > k


def _respective_of(tokens: list[Token], n: Number, out: list[Found]) -> Found | None:
    """ "Facebook відстежують 14 870 користувачів, Telegram-канал має 9 215 підписників (на 01.01.2025 –
    відповідно 13 902 та 8 040)": the i-th number of a run after "відповідно" says again, of another time,
    the i-th of as many figures before it in the sentence."""
    run = lambda t: t.kind == "num" or t.low in ("і", "й", "та", ",")  # noqa: E731
    k = n.lead - 1
    while k >= 0 and run(tokens[k]):
        k -= 1
    if k < 0 or tokens[k].low != "відповідно":
        return None
    end = n.end
    while end < len(tokens) and run(tokens[end]):
        end += 1
    nums = [j for j in range(k + 1, end) if tokens[j].kind == "num"]
    before = [f for f in out if f.pos < k and f.total is None]
    if len(nums) < 2 or len(before) < len(nums) or n.pos not in nums:
        return None
    return before[len(before) - len(nums) + nums.index(n.pos)]


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
        asked = question_line(s) is not None and row is None
        answer = _answer(s) if asked else None
        marked = _marked_figure(s, found)  # "* з них 26 – повторні": the footnote of "389 звернень громадян*"
        mine = _sentence(s, [answer] if answer is not None else [] if asked else [marked] if marked is not None
                         else [] if s.note_of else lead_row.figures if lead_row is not None else previous, unmatched, header_total_of(s, found) or dimension_total(s, found) or ranked_total(s, found),
                         found[-6:], found)
        if answer is not None:
            unmatched[:] = [(u, t) for u, t in unmatched if not (u is s and t is s.tokens[answer.pos])]
            mine = [answer, *(f for f in mine if f.pos != answer.pos)]
        if row is not None and not row.heading:
            mine = table_row(s, mine, lead_row, unmatched, title)
            mine = noted(s, mine)
            if lead_row is None and any(f.total is None for f in mine):
                lead_rows[row.table] = s
        elif (not mine or len(mine) == 1) and (item := label_item(s, unmatched)) is not None \
                and (not mine or (item.code != mine[0].code and item.pos == mine[0].pos and (
                    mine[0].how == "ellipsis" or renamed_part(s, mine[0])
                    or (mine[0].total is None and _named_exactly(s, item))))):
            mine = [item]  # "Тренінги – 28;" / "Допущені до голосування проєкти – 35;": its own name, not the noun
            # before; "- вихідних документів – 2 207;" under "зареєстровано документів – 6 842, з них:": a
            # part whose label names a metric of its own is that metric
        if not mine and (item := _sibling_line(s, found, unmatched)) is not None:
            mine = [item]
        found += mine
        s.figures = mine
        previous = mine or previous
    members_of_kinds(found)
    # "у звіті за ІІ квартал помилково зазначено 297 запитів; … уточнено – 304": a figure the text says was
    # wrong is no figure (read all the same, for the corrected one to say what it counts)
    found = [f for f in found if not any(t.low in MISTAKEN_WORDS for t in f.sentence.tokens[f.span[0]:f.pos])]
    found = parts_within_total(found, unmatched)
    found = totals_of_named_parts(found, unmatched)
    for fig in [f for f in found if f.total is None and f.how in ("after", "before")]:
        parts = parts_before(fig, unmatched)
        found[found.index(fig):found.index(fig)] = parts
    return found, unmatched


def _marked_figure(s: Sentence, found: list[Found]) -> Found | None:
    """The figure a footnote's line speaks of: the last one whose number or words up to its noun carry
    the mark the line opens with ("389 звернень громадян*" … "* з них 26 – повторні")."""
    if not s.note_of:
        return None
    for f in reversed(found):
        tokens = f.sentence.tokens
        end = max(f.pos, f.head_pos or f.pos) + 2
        if f.total is None and any(t.note == s.note_of for t in tokens[f.pos:end]
                                   if t.kind != "num" or t is tokens[f.pos]):
            return f
    return None


_YES_NO = frozenset({"так", "ні"})


def _answer(s: Sentence) -> Found | None:
    """The figure an answer line opens with, under a numbered question asking a count ("5. Кількість
    звернень, що надійшли у ІІ кварталі." / "148, з них …", "2. Скільки петиції набрали підписів?" /
    "Чотири."): the question read as the label of that number ("Кількість звернень … – 148"), by the
    rules of a label and its dash; None when the line opens otherwise or the question names nothing."""
    question = question_line(s)
    numbers = sentence_numbers(s.tokens)
    if question is None or not numbers:
        return None
    n = numbers[0]
    mark_approximation(s.tokens, n)
    if any(t.kind == "word" and t.low not in _YES_NO and t.low not in SUM_WORDS for t in s.tokens[:n.lead]):
        return None  # "Так, три:", "Чотири.", "148, з них", "– Загалом 412.": the answer is the number
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


def _sentence(s: Sentence, previous: list[Found], unmatched: list, header_total: Found | None = None,
              recent: list[Found] = (), earlier: list[Found] = ()) -> list[Found]:
    tokens, out = s.tokens, []
    if s.row and heading_row(s):
        return []  # "Показник | 2024 | 2025": the columns' years, no figures
    numbers = sentence_numbers(tokens)
    for n in numbers:
        mark_approximation(tokens, n)
    starts = {n.lead for n in numbers}
    continued = continued_total(s)
    floor, open_total = 0, list_total(s) or header_total or marker_lead_total(s, recent) or continued
    pools: list[tuple[Number, int, int, Found | None]] = []
    target: Found | None = None  # the reading of the last target ("заплановано – 3") of the sentence
    missed: Number | None = None  # the last number of the sentence that named nothing
    missed_noun = False  # a number of the sentence named nothing though a noun came right after it
    thresholds = {id(n) for n in numbers if _threshold(tokens, n)}
    read = value_numbers(s, numbers) if s.row else numbers
    first_cell = cell(s, read[0].pos) if s.row and read else None
    named = _in_quotes(tokens)
    for idx, n in enumerate(numbers):
        if n.pos in named:
            continue  # «Громадський бюджет – 2026»: a number inside a quoted name is a part of the name
        if line_number(tokens, n):
            continue  # "урядова «гаряча лінія» 1545": the line's number
        if out and _in_item_label(tokens, n, numbers[idx + 1] if idx + 1 < len(numbers) else None):
            continue  # "…, решти п’яти округів — 39": a number inside the label of the item's figure
        nxt = numbers[idx + 1].lead if idx + 1 < len(numbers) else len(tokens)
        note = s.row and note_cell(s, n.pos)  # "| Прийом проєктів | 27 | подали 23 автори |": read as prose
        if s.row and n not in read and not note:
            continue  # "Показник | План | Факт": a plan, a share
        if s.row and cell(s, n.pos) != first_cell and not note:
            if column_of(s, n.pos) is None:
                continue  # "Заяви | 410 | 72,3": a column after the figure's that no date or period heads (a share)
            if (fig := next_column_figure(s, n, out, first_cell)) is not None:
                out.append(fig)  # "Задоволено | 301 | 322 | 623": the row's next column, the same metric
            continue
        if is_change(tokens, n) or in_range(tokens, numbers, n):
            floor = n.end
            continue
        if any(t.low in STAFF_WORDS for t in tokens[_clause_start(tokens, n.lead, floor):n.end + 2]):
            floor = n.end  # "штатна чисельність – 9 одиниць, з них 1 вакантна": the staff, no figure
            continue
        if _period_length(tokens, n):  # "За 9 місяців 2023 року зареєстровано 14 386 документів": the
            if not any(t.kind == "word" for t in tokens[floor:n.lead - 1]):  # period's words are no clause of
                floor = n.end + 1  # their own, the figure's verb stays with it; inside a clause ("Необхідні 100
            continue  # підписів протягом двох місяців набрала одна петиція") the clause runs on over them
        if is_average(tokens, n):  # "у середньому майже три матеріали щодня": an average, no count
            if not n.words:
                unmatched.append((s, tokens[n.pos]))
            continue
        if id(n) in thresholds:  # "набрали понад 150 підписів": the clause runs on over it
            if any(t.kind == "word" for t in tokens) and not n.words:
                unmatched.append((s, tokens[n.pos]))
            continue
        if idx + 1 < len(numbers) and id(numbers[idx + 1]) in thresholds:
            nxt = numbers[idx + 2].lead if idx + 2 < len(numbers) else len(tokens)
        left = _over_aside(tokens, _clause_start(tokens, n.lead, floor), n, floor)
        right = n.end
        while right < nxt and (not is_delimiter(tokens[right]) or adjectives_listed(tokens, right)
                               or gloss(tokens, right, nxt)) and not clause_joint(tokens, right, nxt) \
                and not (is_dash(tokens[right]) and right + 1 < nxt and (keys(tokens[right + 1]) & CHANGE_WORDS or (
                    n.end < right and tokens[n.end].kind == "word" and has_verb(tokens[left:right])
                    and (has_verb(tokens[right + 1:nxt]) or any(t.low in COPULAS for t in tokens[right + 1:nxt]))))):
            # ("їх було 3 960 – приріст на 357": the change said after a dash is no noun of the figure; nor is a
            # clause of its own that explains it: "на 7 запитів надано роз’яснення – інформація вже була оприлюднена")
            right = next(j for j in range(right, nxt) if tokens[j].text == ")") + 1 if tokens[right].text == "(" else right + 1
        if any(tokens[j].text == ";" for j in range(floor, n.lead)) \
                and open_total is not header_total and open_total is not continued:
            open_total = None  # (a line of bare items may be split by ";": "За джерелом: поштою – 811; …")
        # (a pool read so far is a figure too: "Із 63 запитів …, 41 подали …, у тому числі 26 – …")
        last = max((f for f in [*out, *(fig for _, _, _, fig in pools if fig is not None)]
                    if f.total is None and not bracketed_aside(tokens, f.pos, n.lead)
                    and not then_aside(tokens, f)), key=lambda f: f.pos, default=None) \
            or next((f for f in reversed(previous) if not bracketed_aside(f.sentence.tokens, f.pos, len(f.sentence.tokens))),
                    previous[-1] if previous else None)  # "… 3 126 (торік – 2 874). Серед них": not the aside
        if last is not None and (whole := _whole_named(tokens, floor, n.lead)) is not None and last.code != whole:
            # "Із загальної кількості звернень 11 – колективні": of the appeals received, whatever came last
            last = next((f for f in reversed([*out, *previous]) if f.code == whole and f.total is None), last)
        if _gap_has_marker(tokens, floor, n.lead) and last is not None:
            open_total = last
        attached = marker_length(tokens, n.lead, PART_BEFORE) or marker_after(tokens, n.end) \
            or marker_length(tokens, n.lead, PART_IN_BRACKETS)
        if (attached or _gap_has_marker(tokens, floor, n.lead)) and missed is not None and (last is None or last.sentence is not s or last.pos < missed.pos) \
                and not _enclosed(tokens, missed.pos, n.lead) \
                and not any(p.pos < missed.pos for p, _, _, _ in pools):  # (after a pool it may be the pool's part)  # "(проти 39 торік), з них": an aside is no antecedent
            # "Перемогу здобули 9 проєктів …; реалізовано 6 з них", "взято 1 096 документів, з яких …
            # виконано 1 068": a part of a number that named nothing names nothing either, never a part of
            # a figure further back; unless its own noun right after it names a metric ("зареєстровано 318
            # розпоряджень, з них 46 проєктів розпоряджень підготовлено відділом": drafts, a figure of their own)
            own = number_figure(s, n, left, right, floor, starts, None, out, [], recent=[])
            if own is not None and own.how == "after" and (own.head_pos == n.end or (  # "з них 12 – привітання"
                    own.head_pos == n.end + 1 and is_dash(tokens[n.end]))):
                out.append(own)
                continue
            if not n.words:
                unmatched.append((s, tokens[n.pos]))
            floor, missed = right, n
            continue
        # "підготовлено 63 проєкти, з яких 58 ухвалено: 21 — …": the colon opens the parts of the figure
        # right before it, not of the total "з яких" broke down
        total = (last if attached else None) or colon_total(tokens, out, n) or open_total \
            or among_total(s, n, left, [*earlier, *out])
        if total is not None and total is open_total and n.end < len(tokens) and tokens[n.end].kind == "word" \
                and (later := next((f for f in reversed(out) if f.pos > total.pos and f.total is None
                                    and f.head & keys(tokens[n.end])), None)) is not None:
            total = later  # "14 засідань, з них 3 позачергових, на яких прийнято 263 рішення, … 41 рішення
            # стосувалося житлових питань": a part whose own noun names a figure after the total is that one's
        sibling = out[-1] if out and out[-1].how == "part" and out[-1].total is not None else None
        next_column = s.row and out and out[-1].total is None and column_of(s, n.pos) is not None \
            and all(is_dash(t) for t in tokens[out[-1].pos + 1:n.lead]) and column_of(s, out[-1].pos) is not None
        fig = None if next_column else number_figure(s, n, left, right, floor, starts, total, out, previous,
                                                     force_part=header_total is not None and total is header_total,
                                                     recent=recent)
        if fig is not None and total is not None and fig.code == total.code and total.sentence is s.lead_in \
                and n.value > total.value and not total.approximate:
            # "Переможцями стали п’ять проєктів:" / "2. «Сенсорна кімната» – 987": more than the five, no part of them
            alone = number_figure(s, n, left, right, floor, starts, None, out, previous, recent=recent)
            if alone is None or alone.code == total.code:  # "1. «Скейт-парк» – 1 104 голоси;": the item before said
                item = s.prior if s.prior is not None and s.prior.lead_in is s.lead_in else None
                near = next((f for f in reversed(item.figures) if f.code != total.code), None) if item else None
                alone = None if near is None else Found(near.code, n.value, s, n.pos, "ellipsis", n.approximate, 0.7,
                                                        head=near.head, head_text=near.head_text, span=(left, right),
                                                        lead=n.lead, number_words=n.words)
            total, fig = (None, alone) if alone is not None else (total, fig)
        verb = next((j for j in range(max(out[-1].pos, out[-1].head_pos or 0) + 1, n.lead) if verb_only(tokens[j])),
                    None) if out and left == n.lead and out[-1].span[1] == n.lead else None
        if fig is None and not next_column and verb is not None:  # "16 авторів подали 21 проєкт", "171 громадянин
            # порушив у зверненнях 158 питань": the verb (and what follows it) is the object's too
            fig = number_figure(s, n, verb, right, verb, starts, total, out, previous,
                                force_part=header_total is not None and total is header_total, recent=recent)
        if fig is None and not next_column and s.section is not None and total is None \
                and not any(is_pool(tokens, m, numbers) for m in numbers) \
                and not any(t.low in RULED_OUT for t in tokens[left:right]) \
                and not any(is_people(t) for t in tokens[left:right]):  # (people a heading never names)
            # "II. Виконавчий комітет" / "Проведено одне чергове засідання": read again with the section's heading
            # (never where words rule a metric out: "видано 243 розпорядження" are no drafts of any heading)
            fig = number_figure(s, n, left, right, floor, starts, total, out, previous, recent=recent, section=True)
        if fig is None and not next_column and (again := _respective_of(tokens, n, out)) is not None:
            fig = Found(again.code, n.value, s, n.pos, "ellipsis", n.approximate, 0.7, head=again.head,
                        head_text=again.head_text, context=again.context, span=(left, right), lead=n.lead,
                        number_words=n.words)
        if fig is None and not next_column and out and _respectively_next(tokens, n, out[-1]):
            prior = out[-1]  # "у липні та серпні – відповідно 146 і 131": the next of the same run
            fig = Found(prior.code, n.value, s, n.pos, prior.how, n.approximate, prior.confidence, total=prior.total,
                        head=prior.head, head_text=prior.head_text, context=prior.context, span=(n.lead, n.end),
                        lead=n.lead, number_words=n.words)
        if (fig is None or fig.how == "ellipsis") and not next_column and total is None and out \
                and (code := _parallel(tokens, n, out[-1])) and (fig is None or code != fig.code):
            prior = out[-1]  # "на сторінку у Facebook … 18 430 людей, на Telegram-канал – 9 870", "набрали 3
            # петиції, 9 – не набрали": the clause after a comma says its count as the one before did (over a
            # noun borrowed from further back)
            fig = Found(code, n.value, s, n.pos, "ellipsis", n.approximate, 0.7, head=prior.head,
                        head_text=prior.head_text, context=prior.context, span=(left, right), lead=n.lead,
                        number_words=n.words)
            fig.breakdown = breakdown_words(tokens, left, n.lead, set()) or None if code == prior.code else None
        if fig is not None and fig.how == "part" and fig.total is total and out and _named_sibling(tokens, n, left, out[-1], total):
            prior = out[-1]  # "З них онлайн проголосували 1 902 особи, паперовими бланками – 416": counted as the
            # figure before, which named its own noun, not as the total both stand under
            fig = Found(prior.code, n.value, s, n.pos, "ellipsis", n.approximate, 0.7, head=prior.head,
                        head_text=prior.head_text, context=prior.context, span=(left, right), lead=n.lead,
                        number_words=n.words)
        if total is None and not s.row and (verbal := verb_label(s, n, left)) is not None \
                and (fig is None or fig.head_pos is None or fig.head_pos < verbal.head_pos) and (fig is None or fig.code != verbal.code):
            fig = verbal  # "Для урочистих заходів розроблено сценаріїв – 3": what the verb made, not the circumstance
        floor = right
        if sibling is not None and total is None \
                and (fig is None or fig.how == "ellipsis" and fig.code == sibling.code) \
                and (_item_like(tokens, left, n) or _number_first_item(tokens, left, right, n)
                     or _noun_after_and(tokens, left, n) or _adjective_in_brackets(tokens, left, n)) \
                and sum(f.value for f in out if f.total is sibling.total) + n.value <= sibling.total.value:
            start = segment_start(tokens, n.lead - 1) if tokens[n.lead - 1].text == ":" else left
            fig = sibling_part(s, n, start, right, sibling)  # "з них, малі проєкти: 20 115; великі проєкти: 11 755"
        item = list_opener(tokens, out)
        if fig is None and item is not None and total is None and is_dash(tokens[n.lead - 1]) \
                and _item_like(tokens, left, n) and tokens[left - 1].text in ",;" \
                and all(t.kind != "word" or not verb_only(t) for t in tokens[left:n.lead]):
            fig = sibling_item(s, n, left, right, item)  # "питань стосувалося благоустрою – 210, освіти – 60"
        if fig is None and total is None and (pair := adjective_pair(tokens, out, left, n, previous)) is not None:
            fig = sibling_item(s, n, left, right, pair)  # "Колективних звернень – 36, повторних – 18"
        if fig is None and total is None and (whole := adjective_part(tokens, out, left, n, previous)) is not None:
            fig = sibling_item(s, n, left, right, whole)  # "Надійшло 120 звернень, повторних – 14": of the 120
            fig.how, fig.total = "part", whole
        if fig is None and next_column:
            fig = Found(out[-1].code, n.value, s, n.pos, out[-1].how, n.approximate, out[-1].confidence,
                        head=out[-1].head, head_text=out[-1].head_text, head_pos=out[-1].head_pos,
                        context=out[-1].context, span=(n.lead, n.end), lead=n.lead, number_words=n.words)
            # "Громадські організації | 201 | 209": the row's next column, the same metric
        if fig is None and total is None and (part := bracket_adjective_part(s, out, n)) is not None:
            fig = part  # "8 проєктів (5 великих та 3 малих)"
        if fig is None and total is None and (part := bracket_dash_part(s, out, n)) is not None:
            fig = part  # "61 допис (Facebook – 24, Instagram – 15)"
        if fig is None and total is None and (item := bracket_dash_items(s, n)) is not None:
            fig = item  # "опубліковано дописи (Facebook – 36, Telegram – 41)"
        if fig is None and total is None and (same := bracket_after_figure(s, out, n)) is not None:
            fig = same  # "Вхідна кореспонденція – 412 (1 987)", "ніж у вересні (1 702)"
        if fig is None and total is None and (part := bracket_same_noun(s, out, n)) is not None:
            fig = part  # "Релігійних громад … 18, …; найбільша – Православна церква України (8 громад)"
        if fig is not None and out and (out[-1].code, fig.code) in OF_THE_ITEMS_BEFORE \
                and any(t.low in RELATIVE_PLURALS for t in tokens[out[-1].pos + 1:n.lead]) \
                and not _gap_has_marker(tokens, out[-1].pos, n.lead):  # "матеріалів, до яких додано 1 046 фото"
            fig.code = OF_THE_ITEMS_BEFORE[(out[-1].code, fig.code)]
        if fig is not None and (item := _requester_item(s, out, fig, left, right, n)) is not None:
            fig = item  # "фізичні особи – 220, юридичні особи – 49, громадські об’єднання – 31": who sent them
        if fig is not None and (kind := other_kind(tokens, out, fig)) is not SAME:
            fig = kind  # "з яких 4 102 вхідних, 3 488 вихідних, 1 727 внутрішніх": not outgoing
        if fig is not None and total is not None and (total.code, fig.code) in WHOLE_OF_KINDS:
            total.code = WHOLE_OF_KINDS[(total.code, fig.code)]  # "опрацьовано 1 250 документів, у т.ч.:
            # вхідних – 700": documents with incoming ones among them are the whole flow, not published ones
        if fig is not None and (any(t.low in PLAN_WORDS and (not s.row or cell(s, j) == cell(s, n.pos))
                                    for j, t in enumerate(tokens[left:n.lead], start=left)) or _planned(s, left, n)):
            target, fig = fig, None  # "(за планом – 6)": a target, by whichever rule it was read (in a table,
            # the words of its own cell: "| Організація засідань | за планом | проведено 12 засідань |" were held)
        elif fig is not None and target is not None and fig.code != target.code and fig.total is None \
                and all(t.kind == "punct" or verb_only(t) for t in tokens[left:n.lead]):
            # "Засідання Громадської ради при виконкомі: заплановано – 3, проведено – 2": what was done
            # counts what the target counted
            fig.code, fig.head, fig.head_text = target.code, target.head, target.head_text
        if is_pool(tokens, n, numbers):
            pools.append((n, left, right, fig))
            continue
        if fig is not None and fig.how == "ellipsis" and fig.total is None and missed is not None \
                and not (out and out[-1].pos > missed.pos) \
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
        if pool and noun is not None and keys(tokens[noun]) & metric_words(pool):
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
        out += pool_parts(s, fig, numbers, unmatched, later.pos if later is not None else len(tokens))
    out.sort(key=lambda f: f.pos)
    out += _senders(s, numbers, out, unmatched)
    counts = [n for n in numbers if not _period_length(tokens, n)]  # ("протягом 9 місяців не зареєстровано")
    out += _negations(s, out) if counts and out else [] if counts else _negations(s)
    return out


def _senders(s: Sentence, numbers: list[Number], out: list[Found], unmatched: list) -> list[Found]:
    """ "Від 214 громадян надійшло 187 звернень", "Разом: 500 звернень, 130 громадян": the people appeals came
    from, or people listed bare beside them, are the citizens who appealed, when the sentence counts the
    appeals themselves."""
    tokens = s.tokens
    if not any(f.code == "appeals_received" and f.total is None for f in out):
        return []
    taken = {f.pos for f in out}
    found = []
    for n in numbers:
        if n.pos in taken or n.lead == 0 or n.end >= len(tokens) or not is_people(tokens[n.end]) \
                or tokens[n.lead - 1].low != "від" and not (tokens[n.lead - 1].text == "," and _bare(tokens, n)):
            continue
        m = people_match(context_of(tokens, 0, len(tokens)), n.end)
        if m is None or m.code != "citizens_appealed":
            continue
        fig = Found(m.code, n.value, s, n.pos, "after", n.approximate, 0.75, head=keys(tokens[n.end]),
                    head_text=tokens[n.end].text, head_pos=n.end, span=(n.lead - 1, n.end + 1), lead=n.lead,
                    number_words=n.words)
        found.append(fig)
        unmatched[:] = [u for u in unmatched if not (u[0] is s and u[1] is tokens[n.pos])]
    return found


_WHOLE_OF_FAMILY = {family: code for code, family in FAMILY_OF.items()}


def _whole_named(tokens: list[Token], a: int, b: int) -> str | None:
    """The metric a "з загальної кількості <noun>" before a part names: the whole of the noun's family."""
    for j in range(a, b - 3):
        if tokens[j].low in ("з", "із") and tokens[j + 1].low == "загальної" and tokens[j + 2].low == "кількості":
            family = next((f for k, f in FAMILY_NOUNS.items() if k in keys(tokens[j + 3])), None)
            return _WHOLE_OF_FAMILY.get(family) if family else None
    return None


def _bare(tokens: list[Token], n: Number) -> bool:
    """ "…, 130 громадян." / "…, 130 громадян;": a number and its noun, the whole of their clause."""
    return n.end + 1 >= len(tokens) or is_delimiter(tokens[n.end + 1])


def _requester_item(s: Sentence, out: list[Found], fig: Found, left: int, right: int, n: Number) -> Found | None:
    """ "Запитувачі: фізичні особи – 220, юридичні особи – 49, громадські об’єднання – 31": an item of a list
    of labelled parts of a flow whose label names a register's stock (the NGOs) is one more sender of
    that flow's things, not the stock."""
    tokens = s.tokens
    prev = out[-1] if out else None
    if prev is None or fig.code not in CIVIL_STOCKS or prev.code in CIVIL_STOCKS \
            or n.lead < 1 or not is_dash(tokens[n.lead - 1]) or prev.sentence is not s \
            or not (prev.how in ("ellipsis", "item", "part") or (prev.lead > 0 and is_dash(tokens[prev.lead - 1]))) \
            or tokens[left - 1].text not in ",;" or has_verb(tokens[left:n.lead - 1]) \
            or METRICS[prev.code].category == METRICS[fig.code].category:
        return None
    item = sibling_item(s, n, left, right, prev)
    item.total = prev.total
    return item


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
            if not _speech(tokens, j, close):
                out.update(range(j + 1, close))
            j = close
        j += 1
    return out


def _speech(tokens: list[Token], a: int, b: int) -> bool:
    """ "«За квартал ми опублікували понад 300 новин …», – зазначила начальниця відділу": words quoted as
    someone said them (a verb of their own inside, a verb of saying after), not a name."""
    after = [t for t in tokens[b + 1:b + 5] if t.kind == "word"]
    return has_verb(tokens[a + 1:b]) and bool(after) and after[0].low in SAYING_VERBS


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
        and all(t.kind == "word" and not verb_only(t) for t in tokens[j:n.lead])


_PERIOD_UNITS = frozenset({"місяців", "місяці", "місяць", "тижні", "тижнів", "тиждень"})
_PERIOD_LEADS = frozenset({"за", "протягом", "упродовж", "впродовж", "продовж", "перші", "перших"})


def _period_length(tokens: list[Token], n: Number) -> bool:
    """ "за 9 місяців", "протягом двох тижнів", "перші 6 місяців": the length of the period reported
    on, never a figure."""
    return n.end < len(tokens) and tokens[n.end].low in _PERIOD_UNITS and n.lead > 0 \
        and tokens[n.lead - 1].low in _PERIOD_LEADS


def _clause_start(tokens: list[Token], k: int, floor: int) -> int:
    while k > floor and not is_delimiter(tokens[k - 1]):
        k -= 1
    return k


def _over_aside(tokens: list[Token], left: int, n: Number, floor: int) -> int:
    """ "внутрішніх (службових записок, довідок) оформлено 778": a clause whose only words after brackets
    are its verb (or only a dash) begins before the brackets, at the noun or verb the brackets explain."""
    dash = left < n.lead and all(is_dash(t) for t in tokens[left:n.lead])  # "задоволено (… у повному обсязі) – 41"
    if left == floor or tokens[left - 1].text != ")" or not (dash or all(
            t.kind == "word" and verb_only(t) for t in tokens[left:n.lead])) or left == n.lead:
        return left
    opened = max((j for j in range(floor, left - 1) if tokens[j].text in "()"), default=None)
    if opened is None or tokens[opened].text != "(" or opened == floor or tokens[opened - 1].kind != "word" \
            or (dash and any(t.kind == "num" for t in tokens[opened:left])):
        return left
    return _clause_start(tokens, opened, floor)


def _planned(s: Sentence, left: int, n: Number) -> bool:
    """ "План роботи на наступний період: провести 4 засідання …": a clause whose verb is an infinitive
    under words of a plan (before it in the sentence, in its lead-in line or its section's heading) sets
    a target."""
    tokens = s.tokens
    if not any(t.kind == "word" and t.low.endswith(("ти", "тися")) and (i := info(t)) is not None and i.verb
               and not i.noun for t in tokens[left:n.lead]):
        return False
    around = [*tokens[:left], *(s.lead_in.tokens if s.lead_in is not None else ()),
              *(s.section.tokens if s.section is not None else ())]
    return any(t.low in PLAN_LEADS for t in around)


def _enclosed(tokens: list[Token], pos: int, until: int) -> bool:
    """The token at ``pos`` stands in brackets that close before ``until``."""
    opened = max((j for j in range(pos) if tokens[j].text in "()"), default=None)
    return opened is not None and tokens[opened].text == "(" \
        and any(tokens[j].text == ")" for j in range(pos + 1, until))


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
        if is_delimiter(t) or t.kind == "num" or words == 3 or is_dash(t):  # "9 – не набрали підписів": a count
            return False
        if t.kind == "word":
            words += 1
            if keys(t) & THRESHOLD_NOUNS:
                return True
            if (i := info(t)) and i.noun and not i.adjective:
                return False  # "Три петиції підписів не набрали": the number counts its own noun
    return False


def _item_like(tokens: list[Token], left: int, n: Number) -> bool:
    """ "великі проєкти: 11 755": a few words, then a colon or a dash, then the number."""
    if n.lead == 0 or not (is_dash(tokens[n.lead - 1]) or tokens[n.lead - 1].text == ":"):
        return False
    start = segment_start(tokens, n.lead - 1) if tokens[n.lead - 1].text == ":" else left
    words = [t for t in tokens[start:n.lead] if t.kind == "word" and t.low not in AND]  # "оплата праці та пенсії"
    return 0 < len(words) <= 4


def _adjective_in_brackets(tokens: list[Token], left: int, n: Number) -> bool:
    """ "… ветеранські (8), спортивні (6) та молодіжні (5)": kinds named by adjectives, each number in brackets."""
    if not alone_in_brackets(tokens, n):
        return False
    start = max((j + 1 for j in range(n.lead - 1) if tokens[j].text in ",);" or tokens[j].low in AND), default=0)
    words = [t for t in tokens[start:n.lead - 1] if t.kind == "word"]
    return 0 < len(words) <= 2 \
        and all((i := info(t)) is not None and i.adjective and not i.noun for t in words)


def _noun_after_and(tokens: list[Token], left: int, n: Number) -> bool:
    """ "… – 6 розпоряджень селищного голови та 2 рішення виконкому": "та", the number, its own noun."""
    return n.lead > 0 and (tokens[n.lead - 1].low in AND or tokens[n.lead - 1].text == ",") \
        and all(t.low in AND or t.text == "," for t in tokens[left:n.lead]) and n.end < len(tokens) and (i := info(tokens[n.end])) is not None and i.noun and not i.adjective


def _number_first_item(tokens: list[Token], left: int, right: int, n: Number) -> bool:
    """ "…, три – громадськими об’єднаннями": the number opens its clause, a dash and a few words follow."""
    words = [t for t in tokens[n.end + 1:right] if t.kind == "word" and not is_stop_word(t.low)]
    return all(t.low in EDGE_WORDS for t in tokens[left:n.lead]) and dash_after(tokens, n.end) and 0 < len(words) <= 4 and not has_verb(tokens[n.end:right]) \
        and not _enclosed(tokens, n.pos, len(tokens))  # (in brackets: ``bracket_dash_part``)


def _negations(s: Sentence, before: list[Found] = ()) -> list[Found]:
    """Zeros said by a denial ("Брифінгів у жовтні не проводилося"); with ``before`` (the figures of a sentence
    with numbers), only a kind of the last of them named by an adjective alone ("Засідань – 2; позачергових не
    скликалося")."""
    tokens, out, a = s.tokens, [], 0
    for b in [*(j for j, t in enumerate(tokens) if is_delimiter(t)), len(tokens)]:
        counts = [n for n in sentence_numbers(tokens[a:b]) if not (n.pos > 0 and _period_length(tokens[a:b], replace(n, lead=n.pos)))]
        denies = any(
            (t.low == "не" and j + 1 < b and (i := info(tokens[j + 1])) and i.verb) or t.low in NEGATION_WORDS
            for j, t in enumerate(tokens[a:b], start=a)) and not counts
        if denies and any(t.low in _ONLY_A_KIND for t in tokens[a:b]):
            denies = False  # "Жодне звернення не розглянуто з порушенням строків": no late answers, not no answers
        # ("Три петиції підписів не набрали": a count of those denied, not a zero; "протягом 9 місяців": no count)
        head, adjectives = left_head(tokens, a, b) if denies else (None, [])
        if denies and head is None and not adjectives and (p := info(tokens[a])) is not None and p.preposition \
                and (after_none := next(
                (j + 1 for j in range(a, b - 1) if tokens[j].low in NEGATION_WORDS and (i := info(tokens[j + 1]))
                 and i.noun), None)) is not None:
            head = after_none  # "У задоволенні жодного запиту не відмовлено": the noun "жодного" denies
        if denies and head is None and not adjectives and a > 1 and tokens[a - 1].text == ":" \
                and not any(t.kind == "num" for t in tokens[:a]):
            # "— брифінги та пресконференції: не проводилися": the label before the colon is denied
            head, adjectives = left_head(tokens, segment_start(tokens, a - 1), a - 1)
            a = segment_start(tokens, a - 1) if head is not None else a
        r_ = a  # where an inserted clause opens, when the noun stands before it
        if denies and head is None and not adjectives and (r := inserted_clause(tokens, a, 0)) is not None \
                and is_relative(tokens, r) and not any(t.kind == "num" for t in tokens[:r]):
            r_ = r
            # "Запитів на інформацію, що належать до компетенції сектору, у листопаді не надходило": the noun
            # before the relative clause (never a participle's: "запити, перенаправлені іншими …" are a kind)
            start = segment_start(tokens, r - 1)  # (a whole sentence: the noun opens it, the denial ends it)
            head, adjectives = left_head(tokens, start, r - 1)
            a = start if head is not None and start == 0 and (b == len(tokens) or tokens[b].text in ".;") \
                and not any(t.low in _ONLY_A_KIND for t in tokens[start:b]) else a
            head = head if a == start else None
        m = best_match(keys(tokens[head]), head, context_of(tokens, a, b)) if head is not None \
            and (not before or _clause_of_its_own(tokens, a, b)) else None
        if m is not None and a < r_ and not all(  # (only the metric's own words: not "Звернень з гарячої лінії")
                is_stop_word(t.low) or any(keys(t) & ws for ws in m.pattern.words)
                for t in tokens[a:r_ - 1] if t.kind == "word"):
            m = None
        if head is None and adjectives and before and before[-1].total is None:
            kind, near = adjectives[0], before[-1]
            m = best_match(keys(tokens[kind]), kind, context_of(tokens, a, b) + [(BORROWED - 1, k) for _, k in near.context])
            m, head = (m, kind) if m is not None and m.code == near.code else (None, None)
        code = m.code if m is not None else None
        if any(t.low in REFUSAL_WORDS for t in tokens[a:b]):
            code = NO_REFUSAL_AS.get(code, code)  # "Жодному запитувачу не відмовили": no refusals, not no requests
        if code in STOCK_CODES and any(t.low in NEW_WORDS for t in tokens[a:b]):
            code = None  # "нових партійних осередків не зареєстровано": no new ones, not an empty register
        if code is not None:
            fig = Found(code, 0, s, head, "negation", head=keys(tokens[head]), head_text=tokens[head].text)
            fig.confidence, fig.span, fig.context = 0.7, (a, b), context_of(tokens, a, b)
            fig.breakdown = tokens[head].text if before else None
            out.append(fig)
        a = b + 1
    return out


def _clause_of_its_own(tokens: list[Token], a: int, b: int) -> bool:
    """A clause of a sentence with figures that stands on its own between ";" (or the sentence's ends):
    "Громадських слухань у 2019 році не проводилося; відбулося 2 громадські обговорення"."""
    return (a == 0 or tokens[a - 1].text == ";") and (b >= len(tokens) or tokens[b].text in ";.")


# A denial with one of these words denies a kind of the thing only (late, overdue ones), not the thing.
_ONLY_A_KIND = frozenset({"порушенням", "порушення", "несвоєчасно", "запізненням", "простроченням",
                          "прострочено", "простроченими", "пізніше"})
