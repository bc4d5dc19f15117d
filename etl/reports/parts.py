"""Parts of a stated total: the items of a breakdown under a total or a lead line ("з них",
"у тому числі", "За формою надходження: поштою – 7"), pools a result is taken from ("з 143
проєктів … допущено 109"), sibling items that share a noun, named list items, and the totals
before or after a list of items that add up to them.
"""

from __future__ import annotations

from etl.reports.comparisons import EARLIER, THEM
from etl.reports.found import (
    AND,
    MONTH_WORDS,
    SAME,
    STATIVE_VERBS,
    SUM_WORDS,
    TOP_WORDS,
    WHEN_WORDS,
    Found,
    alone_in_brackets,
    bracketed_aside,
    breakdown_words,
    colon_lead_match,
    dash_after,
    has_verb,
    lead_nouns,
    line_number,
    marker_length,
    match_confidence,
    month_clause,
    quarter_clause,
    segment_start,
    verb_only,
)
from etl.reports.lexicon import (
    ABOUT_VERBS,
    ARRIVAL_DIMENSIONS,
    DIMENSION_WORDS,
    MEMBERS_OF_KINDS,
    PART_AFTER,
    PART_BEFORE,
    RECEIVED_WORDS,
    RESULT_LEAD_WORDS,
    STOCK_CODES,
    SUBMITTED_WORDS,
    TOPIC_WORDS,
    is_stop_word,
    people_codes,
    rules_out,
)
from etl.reports.match import (
    PREPOSITIONS,
    adjective_only,
    best_match,
    context_of,
    info,
    is_dash,
    is_delimiter,
    is_people,
    is_relative,
    keys,
    means,
)
from etl.reports.numbers import Number, mark_approximation, sentence_numbers
from etl.reports.tables import label_metric
from etl.reports.tokens import Sentence, Token


def parts_before(total: Found, unmatched: list) -> list[Found]:
    """ "Соціальний захист – 210, освіта – 95; усього порушено 305 питань": bare items that named nothing
    (on its line, or on the lines right above with no figure) before a sum that they make exactly are
    its parts."""
    s, tokens = total.sentence, total.sentence.tokens
    if not any(t.low in SUM_WORDS for t in tokens[total.span[0]:total.pos]):
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
                    head_text=total.head_text, total=total, span=(segment_start(u.tokens, n.lead - 1), n.end),
                    lead=n.lead, number_words=n.words)
        fig.breakdown = breakdown_words(u.tokens, fig.span[0], n.lead, set()) or None
        out.append(fig)
    unmatched[:] = [(u, t) for u, t in unmatched if not any(u is v and t is v.tokens[n.pos] for v, n in items)]
    return out


def totals_of_named_parts(found: list[Found], unmatched: list) -> list[Found]:
    """ "Були присутні на п’яти засіданнях: двох пленарних засіданнях сесії та трьох засіданнях виконкому":
    a number whose noun names no metric alone, before a colon and figures of one metric that repeat its noun
    and make it exactly, is their total."""
    sentences = list({id(f.sentence): f.sentence for f in found}.values())
    for s in sentences:
        tokens = s.tokens
        taken = {f.pos for f in found if f.sentence is s}
        n = next((m for m in sentence_numbers(tokens) if m.pos not in taken and m.end + 1 < len(tokens)
                  and tokens[m.end + 1].text == ":" and tokens[m.end].kind == "word"), None)
        if n is None:
            continue
        mark_approximation(tokens, n)
        noun = keys(tokens[n.end])
        parts = [f for f in found if f.sentence is s and f.pos > n.end and f.total is None]
        if len(parts) < 2 or len({f.code for f in parts}) != 1 or sum(f.value for f in parts) != n.value \
                or not all(f.head & noun for f in parts):
            continue
        whole = Found(parts[0].code, n.value, s, n.pos, "before", n.approximate, 0.7, head=noun,
                      head_text=tokens[n.end].text, head_pos=n.end, span=(n.lead, n.end + 1), lead=n.lead,
                      number_words=n.words)
        for f in parts:
            f.total, f.how = whole, "part"
            f.breakdown = f.breakdown or breakdown_words(tokens, f.pos + 1, f.span[1], {f.head_pos}) or None
        found.insert(found.index(parts[0]), whole)
        unmatched[:] = [(u, t) for u, t in unmatched if not (u is s and t is tokens[n.pos])]
    return found


def _bare_numbers(tokens: list[Token]) -> list[Number]:
    """The numbers of "label – N" items, if the tokens are only such items (else none)."""
    if not tokens or not bare_items(tokens):
        return []
    numbers = sentence_numbers(tokens)
    for m in numbers:
        mark_approximation(tokens, m)
    return [m for m in numbers if not line_number(tokens, m)]


def parts_within_total(found: list[Found], unmatched: list) -> list[Found]:
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


def members_of_kinds(found: list[Found]) -> None:
    """Parts of a count of kinds that add up to more than it ("належать до п’яти конфесій: ПЦУ – 19,
    УГКЦ – 14, …") cannot be kinds: each counts the things of its kind (``MEMBERS_OF_KINDS``)."""
    totals = {id(f.total): f.total for f in found if f.total is not None and f.total.code in MEMBERS_OF_KINDS}
    for total in totals.values():
        parts = [f for f in found if f.total is total and f.code == total.code]
        if sum(f.value for f in parts) > total.value:
            for f in parts:
                f.code = MEMBERS_OF_KINDS[total.code]


def verb_label(s: Sentence, n: Number, left: int) -> Found | None:
    """ "Для урочистих заходів розроблено сценаріїв – 3": a clause "… verb things – N" read as the
    spreadsheet resolver reads a label, from its last verb to the dash (or, past a verb that only says
    the things were made, from the noun after it); what comes before the verb is a circumstance."""
    tokens = s.tokens
    if n.lead - 1 <= left or not is_dash(tokens[n.lead - 1]):
        return None
    if n.end < len(tokens) and (i := info(tokens[n.end])) is not None and i.noun:
        return None  # "знаходяться на розгляді – 73 звернення": the number counts its own noun
    verb = next((j for j in range(n.lead - 2, left - 1, -1) if tokens[j].kind == "word" and verb_only(tokens[j])), None)
    if verb is None or verb + 1 >= n.lead - 1 or any(t.kind == "num" or t.text in "(),;:" for t in tokens[verb:n.lead - 1]):
        return None
    if any(t.text == "," or (is_relative(tokens, j) and t.low not in AND) for j, t in enumerate(tokens[left:verb], start=left)):
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
            return None if rules_out(code, (t.low for t in tokens[verb:end])) else code
    return None


def renamed_part(s: Sentence, fig: Found) -> bool:
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


def label_item(s: Sentence, unmatched: list) -> Found | None:
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
    verb = next((j for j, t in enumerate(words) if t.kind == "word" and verb_only(t)), None)
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


def header_total_of(s: Sentence, found: list[Found]) -> Found | None:
    """The figure a list item breaks down: the lead-in line (ending with ":", no number of its own)
    names the metric of the last figure found before it ("Запити надійшли:" after "запитів – 84")."""
    lead = s.lead_in
    if lead is None or lead.figures or not lead.tokens or lead.tokens[-1].text != ":" or not found:
        return None
    # (a figure of the list's own items, below the lead-in, is no total of it: "Соцмережі:" / "– 145 дописів")
    last = next((f for f in reversed(found) if f.total is None and f.sentence.start < lead.start), None)
    if last is None or any(t.low in RESULT_LEAD_WORDS for t in lead.tokens):
        return None
    context = context_of(lead.tokens, 0, len(lead.tokens))
    nouns = lead_nouns(lead.tokens, 0, len(lead.tokens))
    # ("Найбільше рішень ухвалено з питань:": "з питань" says what the items are about, not what they are)
    nouns = [j for j in nouns if not (lead.tokens[j].low == "питань" and j > 0
                                      and lead.tokens[j - 1].low in ("з", "із", "зі"))]
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
        or words[0].low == "від" \
        or bool(keys(words[0]) & DIMENSION_WORDS) \
        or (len(words) > 1 and adjective_only(words[0]) and bool(keys(words[1]) & DIMENSION_WORDS))
    # ("Розподіл за формою:", "Способи подання:", "Основна тематика:")
    # "Від окремих категорій громадян надійшло:": a verb of arrival says no more than the total's
    own = [t for t in tokens if t.low not in RECEIVED_WORDS]
    named = colon_lead_match(tokens, len(tokens))  # "категорій громадян": the split's word, no photo categories
    return opens and any(keys(t) & DIMENSION_WORDS for t in words[:3]) and not has_verb(own) \
        and (named is None or bool(keys(tokens[named[1]]) & DIMENSION_WORDS))


def _rank_lead(tokens: list[Token]) -> bool:
    """ "Найактуальнішими залишаються", "Серед них найбільше", "Зокрема": words that only rank or single
    out the parts of the total before, no noun, no number, no verb but one that says they are there."""
    words = [t for t in tokens if t.kind == "word"]
    ranks = [t for t in words if t.low in TOP_WORDS or _superlative(t)]  # (a lead of part markers only:
    return bool(ranks) and all(t.kind != "num" for t in tokens) and all(  # ``marker_lead_total``)
        t.low in STATIVE_VERBS or t.low in _PARTS_LEAD or t.low in THEM or t in ranks or _topic_word(t)
        for t in words)  # ("Найбільше їх стосувалося:": "їх" are the total's things)


def _topic_word(t: Token) -> bool:
    """ "Найчастіше люди зверталися щодо:": who asked and about what, which say no more than the total's topics."""
    return t.low in TOPIC_WORDS or is_people(t)


def _superlative(t: Token) -> bool:
    """ "найактуальнішими", "найпоширеніші", "найбільше": a superlative adjective or adverb."""
    i = info(t)
    return t.low.startswith("най") and len(t.low) > 6 and i is not None and not (i.noun and not i.adjective)


def _senders(items: list[Token]) -> bool:
    """Items that each say whom they came from ("від ВПО – 4, від УБД – 7")."""
    starts = [items[0]] + [items[j + 1] for j in range(len(items) - 1) if items[j].text in ",;"]
    return bool(starts) and all(t.low == "від" for t in starts if t.kind == "word")


def _root(f: Found) -> Found:
    """The total a part's chain of totals ends at ("83 з округів, з них: Крупецького — 19": 214)."""
    while f.total is not None:
        f = f.total
    return f


def _of_a_span(f: Found) -> bool:
    """A figure of one month or quarter of the report ("у березні – 89", "в IV кварталі (22)")."""
    tokens = f.sentence.tokens
    near = tokens[max(0, f.lead - 4):f.lead + 1]
    return any(t.low in MONTH_WORDS or t.low.startswith("квартал") for t in near)


def _of_an_earlier_time(f: Found) -> bool:
    """A figure whose clause names an earlier time ("За аналогічний період 2022 року надійшло 64 запити",
    "торік – 41"): no total of the report's parts."""
    tokens = f.sentence.tokens
    start = max((j + 1 for j in range(f.lead) if tokens[j].text in ",;:"), default=0)
    return any(t.low in EARLIER for t in tokens[start:f.lead])


def _of_people(f: Found) -> bool:
    """A figure whose counted noun is people ("звернулися 236 громадян")."""
    return f.head_pos is not None and f.head_pos < len(f.sentence.tokens) and is_people(f.sentence.tokens[f.head_pos])


def dimension_total(s: Sentence, found: list[Found]) -> Found | None:
    """The total a breakdown under a lead that names no metric ("За формою надходження: поштою –
    7, …", on its line or as the list's lead-in line) splits: the last total found before it."""
    tokens = s.tokens
    colon = next((j for j, t in enumerate(tokens) if t.text == ":"), None)
    if colon is not None and (_dimension_lead(tokens[:colon]) or _rank_lead(tokens[:colon])):
        items = tokens[colon + 1:]  # ("За формою: …", "Найчисленніші: …")
    elif s.lead_in is not None and not s.lead_in.figures and s.lead_in.tokens and s.lead_in.tokens[-1].text == ":" \
            and (_dimension_lead(s.lead_in.tokens[:-1]) or _rank_lead(s.lead_in.tokens[:-1])):
        items = tokens
    else:
        return None
    lead = tokens[:colon] if items is not tokens else s.lead_in.tokens[:-1]
    if not bare_items(items, named=_dimension_lead(lead), topics=_rank_lead(lead)):
        return None
    # the figure just before, past an aside in brackets ("– 1 126 (у 2023 році – 1 048)"), and its parts;
    # of a sentence of several, the last one the parts add up to no more than ("зареєстровано 87
    # організацій …, з них шість …, а 9 …" / "За напрямами діяльності: ветеранські – 14; …")
    last = next((f for f in reversed(found) if f.total is None), None)
    senders = _senders(items)
    arrival = any(keys(t) & ARRIVAL_DIMENSIONS for t in lead)
    passed: list[Sentence] = []  # a sentence counting people, or the rows of a table, passed over
    steps = 0  # (at most two: a table, then the total's months or quarters)
    while last is not None:
        mine = [f for f in found if f.sentence is last.sentence]
        if all(f.how == "ellipsis" and _of_a_span(f) for f in mine):  # "По кварталах: у І кварталі – 41, …": the
            passed.append(last.sentence)  # months or quarters of a figure further up, never the total of a split
            last = next((f for f in reversed(found) if f.total is None and not any(f.sentence is p for p in passed)), None)
            continue
        for total in (f for f in reversed(found) if f.sentence is last.sentence):
            if total.total is not None or bracketed_aside(total.sentence.tokens, total.pos, len(total.sentence.tokens)) \
                    or (senders and total.code in people_codes()) or (arrival and _of_people(total)) \
                    or _of_an_earlier_time(total):
                continue  # ("від ВПО – 4, від УБД – 7": things that came from people, never the people)
            if any(_root(f).sentence is not total.sentence and f.sentence is not total.sentence
                   and not any(f.sentence is p for p in passed) for f in found[found.index(total) + 1:]):
                return None  # never one read further up (but past its own parts and their parts)
            listed = sum(f.value for f in found if f.total is total and items is tokens and f.sentence.lead_in is s.lead_in)
            if listed + _parts_sum(items) <= total.value:  # parts add up to no more than it
                return total
        if all(f.total is not None or _of_an_earlier_time(f) for f in mine):
            passed.append(last.sentence)  # "За аналогічний період 2022 року надійшло 64 запити": past it
            last = next((f for f in reversed(found) if f.total is None and not any(f.sentence is p for p in passed)), None)
            continue
        if steps >= 2 or not (last.sentence.row or (arrival and any(_of_people(f) for f in mine))
                              or (passed and any(_of_a_span(f) for f in mine))):
            return None
        steps += 1
        # "Надійшло 214 звернень. … звернулися 236 громадян. За формою надходження: письмових — 152, …": how
        # things came in splits the things of the sentence before one that counts people, never the people;
        # under a table of the kinds of the same total ("фізичні особи | 41" …), the total before the table
        passed += [last.sentence] if not last.sentence.row else [
            f.sentence for f in found if f.sentence.row and f.sentence.table_row is not None
            and last.sentence.table_row is not None and f.sentence.table_row.table == last.sentence.table_row.table]
        last = next((f for f in reversed(found) if f.total is None and not any(f.sentence is p for p in passed)), None)
    return None


def ranked_total(s: Sentence, found: list[Found]) -> Found | None:
    """ "У зверненнях порушено 1 103 питання." / "Найгостріші – житлово-комунальне господарство (402
    питання), соціальний захист (187)": a sentence of labelled counts ("label – N", "label (N)") whose
    words before the first label rank them ("найбільше", "найгостріші"), and which add up to no more
    than the total just before, breaks that total down; the sentence repeats the total's noun, and no
    label may name a metric of its own."""
    tokens = s.tokens
    numbers = [n for n in sentence_numbers(tokens) if not line_number(tokens, n)]
    for n in numbers:
        mark_approximation(tokens, n)
    words = [keys(t) for t in tokens if t.kind == "word"]
    among = bool(tokens) and tokens[0].low == "серед"  # "Серед рішень виконкому найбільше …": of the total, however far up
    rank = next((j for j, t in enumerate(tokens) if t.low in TOP_WORDS or _superlative(t)), 0)
    phrase = [keys(t) for t in tokens[1:rank] if t.kind == "word"]
    # (a table's row above may name it by its label: "Рішення виконавчого комітету | 318 | 364", every word of
    # "Серед рішень виконавчого комітету")
    named = next((f for f in reversed(found) if f.total is None and f.sentence is not s and f.sentence.row
                  and all(any(k & keys(t) for t in f.sentence.tokens) for k in phrase)), None) if among and phrase else None
    total = named or next((f for f in reversed(found) if f.total is None and f.sentence is not s and f.head
                           and (among or f.sentence.index >= s.index - 2) and any(k & f.head for k in words)), None)
    topical = any(t.low in ABOUT_VERBS for t in tokens)  # "найбільше рішень стосується опіки – 97": one ranked topic
    if len(numbers) < 2 - topical or total is None or s.lead_in is not None or sum(n.value for n in numbers) > total.value:
        return None  # (the total is the last figure whose noun the sentence repeats: "громад", not "конфесій")
    for n in numbers:
        mark = n.lead - 1
        if mark < 1 or not (dash_after(tokens, mark) or tokens[mark].text == "("):
            return None
        start = max((j + 1 for j in range(mark) if tokens[j].text in ",;" or tokens[j].kind == "num"), default=0)
        label = " ".join(t.text for t in tokens[start:mark] if t.kind == "word")
        if not label or has_verb(tokens[start:mark]) or label_metric(label, _BY_NAME) is not None:
            if n is not numbers[0]:
                return None
        if any(t.low in MONTH_WORDS for t in tokens[start:mark]) or quarter_clause(tokens[start:mark]):
            return None  # "у березні – 89 та у травні – 81": months, not parts
    lead = [t for t in tokens[:numbers[0].lead] if t.kind == "word"]
    if any(t.text == ":" for t in tokens[:numbers[0].lead]):
        return None  # "Найактуальніші питання у зверненнях: …": a lead of its own (``dimension_total``)
    if not any(t.low in TOP_WORDS or _superlative(t) for t in lead):
        return None
    context = context_of(tokens, 0, numbers[0].lead)
    about = next((j for j in range(numbers[0].lead) if tokens[j].low in ABOUT_VERBS), numbers[0].lead)
    if named is None and any((m := best_match(keys(tokens[j]), j, context)) and m.code != total.code
                             and not keys(tokens[j]) & total.head for j in lead_nouns(tokens, 0, about)):
        return None  # "Найбільше звернень …" after a count of citizens: another noun, not the total's (the nouns
        # after "стосувалися" are topics: "Серед рішень найбільше стосувалися питань опіки – 88, …")
    return total


def bare_items(items: list[Token], named: bool = False, topics: bool = False) -> bool:
    """Only "поштою – 7, особисто – 300" (or "поштою: 7"): a few words and a dash or a colon before each
    number, no verb; words that name no metric, unless a lead has ``named`` the split ("За категоріями запитувачів:" / "громадські
    об’єднання – 15")."""
    segments, current, depth = [], [], 0
    for t in items:  # an item ends after its number: "благоустрій, дороги, освітлення – 58" is one (and
        # its note in brackets goes with it: "– 612 (водопостачання, опалення)")
        depth += (t.text == "(") - (t.text == ")")
        if t.text in ",;." and not depth and sentence_numbers(current):
            segments.append(current)
            current = []
        elif t.text not in ",;." or current:
            current.append(t)
    segments += [current] if current else []
    for seg in segments:
        nums = sentence_numbers(seg)  # "освіта – двадцять сім" too, not "лінію 1545"
        for m in nums:
            mark_approximation(seg, m)
        nums = [m for m in nums if not line_number(seg, m)]
        if len(nums) != 1 or nums[0].pos == 0 or not dash_after(seg, nums[0].pos - 1) \
                or has_verb([t for t in seg if t.low not in RECEIVED_WORDS and t.low not in SUBMITTED_WORDS]) \
                or len([t for t in seg[:nums[0].pos] + seg[nums[0].end:]
                        if t.kind == "word" and not is_stop_word(t.low)]) > (12 if topics else 8 if named else 4):
            # (a lead that names the split allows long kinds: "об’єднання громадян без статусу юридичної
            # особи – 6", "учасники бойових дій та члени їхніх сімей – 58"), a lead that ranks topics longer
            # ones ("відновлення житла, пошкодженого внаслідок обстрілів, та компенсації за ним – 19")
            return False
        label = " ".join(t.text for t in seg[:nums[0].pos - 1] if t.kind == "word")
        if label and not named and label_metric(label, _BY_NAME) is not None:
            return False  # "засідання виконкому – 4": a metric of its own, no part of the total before
    return bool(segments)


def continued_total(s: Sentence) -> Found | None:
    """ "За формою: письмові – 702, усні – 424." / "Колективних – 31; від ВПО – 148.": a line of bare items
    right after a line of parts goes on splitting the same total (as parts that may still name a metric
    of their own), when they add up to no more than it."""
    prior = s.prior
    if prior is None or s.lead_in is not None or not prior.figures or not bare_items(s.tokens):
        return None
    total = prior.figures[0].total or _heading_total(prior)
    if total is None or any(f.total is not total and f is not total for f in prior.figures):
        return None
    return total if _parts_sum(s.tokens) <= total.value else None


def _heading_total(s: Sentence) -> Found | None:
    """ "ПОРУШЕНІ ПИТАННЯ (455)": a heading with no verb that ends with its one figure alone in brackets."""
    tokens, f = s.tokens, s.figures[-1]
    alone = 0 < f.pos and len(tokens) == f.pos + 2 and tokens[f.pos - 1].text == "(" and tokens[-1].text == ")"
    return f if len(s.figures) == 1 and alone and not has_verb(tokens) else None


def pool_parts(s: Sentence, pool: Found, numbers: list[Number], unmatched: list, until: int) -> list[Found]:
    """ "Із 66 запитів 41 подано фізичними особами, 16 – юридичними особами": after a pool that is a figure
    of its own, the numbers of its sentence that named nothing (up to ``until``, the next figure) are its parts
    ("з них"), when they add up to no more than it."""
    tokens = s.tokens
    left = [n for n in numbers if pool.pos < n.pos < until and any(u is s and t is tokens[n.pos] for u, t in unmatched)]
    # "41 подали фізичні особи, у тому числі 26 – електронною поштою": a part of the part before it
    nested = {id(n) for k, n in enumerate(left) if k and marker_length(tokens, n.lead, PART_BEFORE)}
    if not left or sum(n.value for n in left if id(n) not in nested) > pool.value:
        return []
    ends = [next((j for j in range(n.end, len(tokens)) if tokens[j].text in ",;.()" or tokens[j].kind == "num"),
                 len(tokens)) for n in left]
    if not all(any(t.kind == "word" and (i := info(t)) is not None and (i.noun or i.adjective) and not verb_only(t)
                   for t in tokens[n.end:end]) for n, end in zip(left, ends, strict=True)):
        return []  # "З 12 заходів 3 було скасовано": what became of them, no kind of them
    out = []
    for n, end in zip(left, ends, strict=True):
        whole = next((f for f in reversed(out) if f.total is pool), pool) if id(n) in nested else pool
        fig = Found(pool.code, n.value, s, n.pos, "part", n.approximate, 0.7, head=pool.head, head_text=pool.head_text,
                    total=whole, span=(n.lead, end), lead=n.lead, number_words=n.words)
        fig.breakdown = breakdown_words(tokens, n.end, end, set()) or None
        out.append(fig)
    unmatched[:] = [(u, t) for u, t in unmatched if not (u is s and any(t is tokens[n.pos] for n in left))]
    return out


def bracket_after_figure(s: Sentence, out: list[Found], n: Number) -> Found | None:
    """ "Вхідна кореспонденція – 412 (1 987)": a number alone in brackets right after a figure's number is
    that metric's figure for another span (a running total)."""
    tokens = s.tokens
    prev = out[-1] if out else None
    if prev is None or prev.total is not None or not alone_in_brackets(tokens, n) or tokens[n.end].text != ")" \
            or n.lead < 2 or prev.pos >= n.lead:
        return None
    if not all(t.kind == "num" for t in tokens[prev.pos:n.lead - 1]):
        return None  # a comparison ("ніж у вересні (1 702)") is compared's
    return Found(prev.code, n.value, s, n.pos, "ellipsis", n.approximate, 0.7, head=prev.head,
                 head_text=prev.head_text, context=prev.context, span=(n.lead, n.end), lead=n.lead, number_words=n.words)


def bracket_same_noun(s: Sentence, out: list[Found], n: Number) -> Found | None:
    """ "Релігійних громад зареєстровано 18, …; найбільша – Православна церква України (8 громад)": a number
    in brackets with the noun of a figure before it in the sentence, after a name, is that figure's part
    the name tells apart."""
    tokens = s.tokens
    if n.lead < 2 or tokens[n.lead - 1].text != "(" or n.end + 1 >= len(tokens) or tokens[n.end + 1].text != ")" \
            or tokens[n.end].kind != "word":
        return None
    noun = keys(tokens[n.end])
    whole = next((f for f in reversed(out) if f.total is None and f.head and f.pos < n.lead and (
        noun & f.head or ((m := best_match(noun, -1, f.context)) is not None and m.code == f.code))), None)
    # (the noun of the figure, or one that with the figure's words names its metric: "організацій" / "громад")
    if whole is None:
        return None
    start = max((j + 1 for j in range(n.lead - 1) if is_delimiter(tokens[j]) or is_dash(tokens[j])), default=0)
    while start < n.lead - 1 and (_superlative(tokens[start]) or tokens[start].low in ("є", "це")):
        start += 1  # "найчисельнішою є Православна церква України (14 громад)": the name
    label = breakdown_words(tokens, start, n.lead - 1, set())
    if not label or any(t.kind == "num" for t in tokens[start:n.lead - 1]):
        return None
    fig = Found(whole.code, n.value, s, n.pos, "part", n.approximate, 0.7, total=whole, head=whole.head,
                head_text=whole.head_text, context=whole.context, span=(start, n.end + 2), lead=n.lead,
                number_words=n.words)
    fig.breakdown = label
    return fig


def then_aside(tokens: list[Token], f: Found) -> bool:
    """A figure of another time put beside the figure before ("…, ніж у 2021 році, коли цей показник
    становив 63 285, з них вхідних – 24 706", "проти 390 торік"): no total of the parts after it."""
    return f.how == "compared" or tokens[f.span[0]].low in ("коли", "тоді", "ніж", "проти")


def bracket_adjective_part(s: Sentence, out: list[Found], n: Number) -> Found | None:
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
                 or tokens[j].low in AND), end)
    dashed = stop > n.end and is_dash(tokens[n.end])  # "(чотири – виконкому, одна – сесії)"
    words = tokens[n.end + 1 if dashed else n.end:stop]

    def adjective(t: Token) -> bool:
        return t.kind == "word" and (i := info(t)) is not None and i.adjective and not i.verb

    def fits(t: Token) -> bool:
        return t.kind == "word" and not verb_only(t) if dashed else adjective(t)

    if not words or not all(fits(t) for t in words) or not all(
            fits(t) or t.low in AND or t.text == "," or t.kind == "num" or (dashed and is_dash(t))
            for t in tokens[o + 1:n.lead]):
        return None
    fig = Found(prev.code, n.value, s, n.pos, "part", n.approximate, 0.75,
                f"{' '.join(t.text for t in words)} ({prev.head_text})", prev, prev.head, prev.head_text,
                span=(o + 1, stop), lead=n.lead, number_words=n.words)
    return fig


def other_kind(tokens: list[Token], out: list[Found], fig: Found):
    """A list item named by an adjective ("… 3 488 вихідних, 1 727 внутрішніх") that came out as the
    metric of the item before, named by another adjective: the two are different kinds, so the
    later one is a part of the list's total (the figure before "з яких"), or nothing. ``SAME``
    when the figure stands."""
    prev = out[-1] if out else None
    if prev is None or prev.code != fig.code or prev.total is not None or fig.head_pos is None \
            or prev.head_pos is None or fig.how != prev.how:
        return SAME
    a, b = info(tokens[fig.head_pos]), info(tokens[prev.head_pos])
    if not (a and b and a.adjective and b.adjective) \
            or keys(tokens[fig.head_pos]) & keys(tokens[prev.head_pos]):
        return SAME
    marker = max((e for e in range(1, prev.lead + 1) if marker_length(tokens, e, PART_BEFORE + PART_AFTER)), default=None)
    whole = next((f for f in reversed(out) if marker is not None and f.pos < marker and f.total is None
                  and not bracketed_aside(tokens, f.pos, marker)), None)
    if whole is None or whole.code == fig.code:
        return None
    part = Found(whole.code, fig.value, fig.sentence, fig.pos, "part", fig.approximate, 0.7,
                 f"{tokens[fig.head_pos].text} ({whole.head_text})",
                 whole, whole.head, whole.head_text, fig.head_pos, fig.context, fig.span, fig.lead, fig.number_words)
    return part


def colon_total(tokens: list[Token], out: list[Found], n: Number) -> Found | None:
    """ "На 6 петицій надано відповіді: 5 підтримано, 1 не підтримано": a colon right after a
    figure's clause opens its parts, as "з них:" does; so does a colon after an aside in brackets
    ("подали 46 проєктів (у 2020 році – 39): великих – 14")."""
    last = next((f for f in reversed(out) if f.total is None and not bracketed_aside(tokens, f.pos, n.lead)), None)
    if last is None:
        return None
    j = last.pos + 1
    if last.lead > 0 and tokens[last.lead - 1].low == "від" and (whose := next(
            (f for f in reversed(out) if f.pos < last.pos and f.total is None), None)) is not None \
            and not any(is_delimiter(t) for t in tokens[whose.pos:last.lead]):
        last = whose  # "зареєстровано 14 проєктів від 12 авторів: малих – 9": the projects', not the authors
    while j < n.lead and not is_delimiter(tokens[j]):
        j += 1
    if j < n.lead and tokens[j].text == "(" and bracketed_aside(tokens, j + 1, n.lead):
        j = next(k for k in range(j, n.lead) if tokens[k].text == ")") + 1
    if j < n.lead and tokens[j].text == "," and j + 1 < n.lead and is_relative(tokens, j + 1):
        j += 1  # "на 9 петицій, що набрали необхідну кількість голосів: 5 підтримано": over the relative clause
        while j < n.lead and not is_delimiter(tokens[j]) and tokens[j].kind != "num":
            j += 1
    if n.lead > 0 and is_dash(tokens[n.lead - 1]) and n.value < last.value and last.head_pos is not None \
            and n.lead - 1 == last.head_pos + 1 and _parts_sum(tokens[n.lead:]) == last.value:
        return last  # "оприлюднено 8 документів – 6 розпоряджень … та 2 рішення": a dash after the noun opens the
        # parts that make it
    return last if j < n.lead and tokens[j].text == ":" else None


def is_pool(tokens: list[Token], n: Number, numbers: list[Number]) -> bool:
    """ "з 143 проєктів … допущено 109": a number after "з"/"із" that a later number of the same
    clause chain is taken from (no ";" between)."""
    if n.lead == 0 or tokens[n.lead - 1].low not in ("з", "із", "зі", "серед"):
        return False
    later = [m for m in numbers if m.lead > n.end]
    if later and tokens[later[0].lead - 1].low == "до":
        return False  # "збільшилася з 187 у 2020 році до 214": where a change started, not a pool
    return bool(later) and not any(t.text in ";" for t in tokens[n.end:later[0].lead])


def among_total(s: Sentence, n: Number, left: int, figures: list[Found]) -> Found | None:
    """ "Серед чинних ГО чотири засновано ВПО": a clause that opens with "серед" and the things a stock
    counted earlier makes the number a part of that stock (when it is smaller); among a flow ("серед
    запитів 98 розглянуто") it is a result, no part."""
    tokens = s.tokens
    if left < n.lead and tokens[left].low == "серед" and all(t.kind == "word" for t in tokens[left + 1:n.lead]):
        noun = next((j for j in range(n.lead - 1, left, -1) if (i := info(tokens[j])) is not None and i.noun), None)
        context = context_of(tokens, left + 1, n.lead)
    else:  # "Серед об’єднань, що працюють, найактивніші ветеранські (8)": the noun right after "серед"
        k = max((j for j in range(n.lead) if tokens[j].low == "серед"), default=None)
        if k is None or k != segment_start(tokens, k) or any(t.kind in ("num", "mask") for t in tokens[k:n.lead]) \
                or not alone_in_brackets(tokens, n):
            return None
        noun = k + 1 if k + 1 < n.lead and (i := info(tokens[k + 1])) is not None and i.noun else None
        context = context_of(tokens, k + 1, k + 2)
    m = best_match(keys(tokens[noun]), noun, context) if noun is not None else None
    if m is None and noun is not None:  # "об’єднань" alone: the stock counted last with that noun
        return next((f for f in reversed(figures) if f.total is None and f.code in STOCK_CODES
                     and f.head & keys(tokens[noun]) and f.value > n.value), None)
    if m is None or m.code not in STOCK_CODES:
        return None
    return next((f for f in reversed(figures) if f.total is None and f.code == m.code and f.value > n.value), None)


def sibling_part(s: Sentence, n: Number, left: int, right: int, sibling: Found) -> Found:
    """The next part after ";" of the total the previous part belongs to."""
    total = sibling.total
    fig = Found(total.code, n.value, s, n.pos, "part", head=total.head, head_text=total.head_text, total=total)
    fig.confidence = 0.7
    fig.breakdown = breakdown_words(s.tokens, left, right, set(range(n.lead, n.end))) or None
    fig.approximate, fig.number_words = n.approximate, n.words
    fig.span, fig.lead = (left, right), n.lead
    return fig


def list_opener(tokens: list[Token], out: list[Found]) -> Found | None:
    """The first item of a "<noun> <verb> <topic> – N, <topic> – M" list: a figure before a dash
    whose noun a verb follows ("питань стосувалося благоустрою – 210"), and the items since (and the parts of
    items: "… – 139, з них щодо покрівель – 52; соціального захисту – 98")."""
    j = len(out) - 1
    while j >= 0 and (out[j].how == "item" or out[j].total is not None and any(_root(out[j]) is f for f in out)):
        j -= 1
    first = out[j] if j >= 0 else None
    if first is None or first.how != "before" or first.total is not None or first.head_pos is None \
            or not is_dash(tokens[first.lead - 1]):
        return None
    return first if any(verb_only(t) for t in tokens[first.head_pos + 1:first.lead]) else None


def _adjective_item(tokens: list[Token], out: list[Found], left: int, n: Number,
                    previous: list[Found]) -> tuple[Found, Token] | None:
    """ "…, повторних – 18": an item of one adjective and a dash after a figure written "<noun> – N" or
    "<verb> N <noun>" (of this sentence or, at the start of one, the sentence before): that figure and the
    adjective, when the adjective agrees with the figure's noun."""
    if (out and (left == 0 or tokens[left - 1].text not in ",;")) or (not out and left != 0):
        return None
    # the figure that opened the run of adjective items ("Колективних звернень – 36, повторних – 18, анонімних – 4")
    prev = next((f for f in reversed(out) if f.how != "item" and not bracketed_aside(tokens, f.pos, n.lead)), None)
    # ("Колективних звернень надійшло 41 (у 2020 році – 33), повторних – 27": not the aside's)
    if prev is None:  # "…, усних – 231. Повторних – 38, колективних – 17": the previous sentence's
        prev = next((f for f in reversed(previous) if f.how != "item" and f.total is None), None)
    if prev is None or prev.total is not None or prev.head_pos is None or not is_dash(tokens[n.lead - 1]):
        return None
    words = [t for t in tokens[left:n.lead] if t.kind == "word"]
    a = info(words[0]) if len(words) == 1 else None
    noun = info(prev.sentence.tokens[prev.head_pos])
    if not (a and a.adjective and not a.verb and noun and a.forms & noun.forms):
        return None
    return prev, words[0]


def adjective_pair(tokens: list[Token], out: list[Found], left: int, n: Number,
                   previous: list[Found] = ()) -> Found | None:
    """ "Колективних звернень – 36, повторних – 18": an adjective and a dash after a figure written
    "<adjective> <noun> – N" in the same case: the same noun, so the same metric. At the start of a
    sentence, the figure may be the previous sentence's ("Письмових звернень – 611, …. Повторних – 38")."""
    if (item := _adjective_item(tokens, out, left, n, previous)) is None:
        return None
    prev, word = item
    ptoks = prev.sentence.tokens
    between = ptoks[prev.head_pos + 1:prev.lead]  # "Колективних звернень надійшло 212, повторних – 97"
    verb = between and any(t.kind == "word" and verb_only(t) for t in between) and all(  # ("… у звітному році
        t.kind == "mask" or (t.kind == "word" and (verb_only(t) or t.low in WHEN_WORDS or t.low in ("у", "в", "за")
                                                    or (i := info(t)) is not None and i.adjective and not i.noun))
        for t in between)  # надійшло 41")
    if prev.head_pos < 1 or not (is_dash(ptoks[prev.lead - 1]) or verb):
        return None
    before = info(ptoks[prev.head_pos - 1])
    if not before or not before.adjective or before.verb or not info(word).forms & before.forms:
        return None
    own = best_match(prev.head, -1, [(left, keys(word)), (-1, prev.head)], must_use=keys(word))
    if own is not None:  # "Вхідних документів – 500, вихідних – 300": the adjective names its own metric
        return Found(own.code, prev.value, prev.sentence, prev.pos, "before", head=prev.head,
                     head_text=prev.head_text, head_pos=prev.head_pos, lead=prev.lead)
    bare = best_match(prev.head, -1, [(-1, prev.head)])
    return prev if bare is not None and bare.code == prev.code else None  # the noun alone names it


def adjective_part(tokens: list[Token], out: list[Found], left: int, n: Number,
                   previous: list[Found] = ()) -> Found | None:
    """ "Звернень громадян – 412; письмових – 298", "Надійшло 120 звернень, повторних – 14": an adjective
    item after a figure whose noun has no adjective of its own is a kind of that figure (a part of it),
    unless the adjective names a metric of its own with that noun."""
    if (item := _adjective_item(tokens, out, left, n, previous)) is None:
        return None
    prev, word = item
    ptoks = prev.sentence.tokens
    if not ((head := info(ptoks[prev.head_pos])) and head.noun and not head.adjective):
        return None  # "вихідних – 610. Внутрішніх – 95": items of one run, not kinds of the one before
    if prev.head_pos > 0 and (before := info(ptoks[prev.head_pos - 1])) and before.adjective and not before.verb:
        return None  # "Колективних звернень – 36, повторних – 18": siblings (``adjective_pair``)
    if best_match(prev.head, -1, [(left, keys(word)), (-1, prev.head)], must_use=keys(word)) is not None:
        return None
    return prev


def sibling_item(s: Sentence, n: Number, left: int, right: int, item: Found) -> Found:
    """The next "topic – N" of a list whose first item named its metric: the same metric, told
    apart by its words."""
    fig = Found(item.code, n.value, s, n.pos, "item", head=item.head, head_text=item.head_text)
    fig.confidence = 0.7
    fig.breakdown = breakdown_words(s.tokens, left, n.lead, set()) or None
    fig.approximate, fig.number_words = n.approximate, n.words
    fig.span, fig.lead = (left, right), n.lead
    return fig


def _bracketed_dash_item(tokens: list[Token], n: Number) -> tuple[int, int, int, list[Token]] | None:
    """A "<words> – N" item inside brackets ("(Facebook – 24, …)"): one to four words, no verb and
    no month, after the bracket or the item before it; the opening bracket, the closing one, where
    the words start and the words; None when ``n`` is not such an item."""
    if n.lead < 2 or not is_dash(tokens[n.lead - 1]):
        return None
    o = max((j for j in range(n.lead) if tokens[j].text in "()"), default=None)
    if o is None or tokens[o].text != "(":
        return None
    close = next((j for j in range(n.end, len(tokens)) if tokens[j].text in "()"), None)
    if close is None or tokens[close].text != ")" or (n.end < close and tokens[n.end].text not in ",;"):
        return None
    start = max(o + 1, segment_start(tokens, n.lead - 1))
    words = tokens[start:n.lead - 1]
    if not words or len(words) > 4 or any(t.kind != "word" or verb_only(t) for t in words) \
            or month_clause(tokens, start, n.lead - 1):
        return None
    return o, close, start, words


def bracket_dash_part(s: Sentence, out: list[Found], n: Number) -> Found | None:
    """ "розміщено 61 допис (Facebook – 24, Instagram – 15, Telegram – 22)": "<words> – N" items,
    no verb among them, in brackets right after a figure's noun phrase are its parts."""
    tokens = s.tokens
    if (item := _bracketed_dash_item(tokens, n)) is None:
        return None
    o, _, start, words = item
    prev = next((f for f in reversed(out) if f.total is None), None)
    if prev is None or prev.head_pos is None or not prev.pos < o \
            or any(is_delimiter(t) or t.kind == "num" for t in tokens[max(prev.pos, prev.head_pos) + 1:o]):
        return None
    if any(t.kind == "num" and not is_dash(tokens[j - 1]) for j, t in enumerate(tokens[o + 1:n.lead], start=o + 1)):
        return None  # every number in the bracket is an item's
    return Found(prev.code, n.value, s, n.pos, "part", n.approximate, 0.7, " ".join(t.text for t in words), prev,
                 prev.head, prev.head_text, span=(start, n.end), lead=n.lead, number_words=n.words)


def bracket_dash_items(s: Sentence, n: Number) -> Found | None:
    """ "опубліковано дописи (Facebook – 36, Telegram – 41)": "<words> – N" items in brackets right
    after a noun phrase with no figure count what that noun names, each apart."""
    tokens = s.tokens
    if (item := _bracketed_dash_item(tokens, n)) is None:
        return None
    o, close, start, words = item
    if o == 0 or is_delimiter(tokens[o - 1]):
        return None
    inside = tokens[o + 1:close]
    if any(t.kind == "num" and not is_dash(tokens[j - 1]) for j, t in enumerate(inside, start=o + 1)):
        return None  # every number in the bracket is an item's
    lead = segment_start(tokens, o - 1)
    if any(t.kind == "num" for t in tokens[lead:o]):
        return None
    head = max((j for j in range(lead, o) if tokens[j].kind == "word" and (i := info(tokens[j])) and i.noun
                and not means(i)), default=None)
    if head is None or (m := best_match(keys(tokens[head]), head, context_of(tokens, lead, o))) is None:
        return None
    return Found(m.code, n.value, s, n.pos, "before", n.approximate, match_confidence(m, "before", n.words),
                 " ".join(t.text for t in words), None, keys(tokens[head]), tokens[head].text, head,
                 span=(start, n.end), lead=n.lead, number_words=n.words)


def marker_lead_total(s: Sentence, recent: list[Found]) -> Found | None:
    """ "… склав 41 672 документи." / "У тому числі:" / "вхідна кореспонденція – 17 905;": items under a
    lead-in that is only a part marker are parts of the last figure before it (a total)."""
    lead = s.lead_in
    if lead is None or lead.figures or len(lead.tokens) < 2 or lead.tokens[-1].text != ":":
        return None
    size = marker_length(lead.tokens, len(lead.tokens) - 1, PART_BEFORE + PART_AFTER)
    if not size or size != len(lead.tokens) - 1:
        return None
    return next((f for f in reversed(recent) if f.sentence.index < lead.index and f.total is None), None)


def list_total(s: Sentence) -> Found | None:
    """The total of a list item under "…, з них:" / "у тому числі:" (the lead-in's last figure)."""
    lead = s.lead_in
    if s.row and lead is not None and lead.row:  # a table's sub-row: a part of the row above
        return next((f for f in reversed(lead.figures) if f.total is None), None)
    if lead is None or not lead.figures or not lead.tokens or lead.tokens[-1].text != ":":
        return None
    last = next((f for f in reversed(lead.figures) if f.total is None), None)
    if marker_length(lead.tokens, len(lead.tokens) - 1, PART_BEFORE + PART_AFTER):
        return last
    main = [f for f in lead.figures if f.total is None and not _in_relative(lead.tokens, f.pos)]
    if len(main) == 1 and len(lead.figures) == 2:  # "Зареєстровано 26 релігійних громад, що належать до семи
        last = main[0]  # конфесій:" / "Релігійних громад – 21, які належать до 5 конфесій:": the list breaks
        # down the figure outside the relative clause
    # "надійшло 577 звернень від громадян:" then "553 – індивідуальних;" or "соціальний захист – 31;":
    # the lead's one figure, when the item is a number and words with no verb (a part names another
    # metric only with words of its own: ``number_figure``)
    if last is None or (len(lead.figures) != 1 and len(main) != 1) \
            or any(t.kind == "num" and not (len(main) == 1 and _in_relative(lead.tokens, j))
                   for j, t in enumerate(lead.tokens[last.lead + 1:], start=last.lead + 1)):
        return None
    tokens = s.tokens
    numbers = sentence_numbers(tokens)
    if len(numbers) != 1 or any(t.kind == "num" for t in tokens[:numbers[0].pos] + tokens[numbers[0].end:]):
        return None
    n = numbers[0]
    if n.pos > 0:  # "Тематика порушених питань (усього 101 питання):" / "соціальний захист – тридцять одне;"
        words = [t for t in tokens[:n.pos - 1] if t.kind == "word"]
        return last if words and is_dash(tokens[n.pos - 1]) and not has_verb(tokens[:n.pos]) \
            and all(t.kind == "punct" or t.mask == "percent" for t in tokens[n.end:]) else None  # "356 (31,8 %);"
    if not (len(tokens) > 1 and is_dash(tokens[1])):
        return None
    words = [t for t in tokens[2:] if t.kind == "word"]
    return last if words and all((i := info(t)) and i.adjective and not i.noun for t in words) else None


def _in_relative(tokens: list[Token], pos: int) -> bool:
    """Is tokens[pos] in a relative clause (", що належать до семи конфесій")?"""
    return any(tokens[j].text == "," and tokens[j + 1].low in ("що", "які", "який", "яка", "яке", "котрі")
               for j in range(pos - 1))


def bracket_total(s: Sentence, n: Number, before: list[Found], previous: list[Found]) -> Found | None:
    """The figure before a colon (or "найбільше –", "зокрема") that a list of "topic (N)" items after it
    splits; a sentence that opens with such words ("Найбільше – щодо освіти (28), …") splits the last
    figure of the sentence right before, when its items add up to no more than it."""
    tokens = s.tokens
    colon = max((j for j in range(n.lead) if tokens[j].text == ":" or tokens[j].low in TOP_WORDS), default=None)
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
    return sum(m.value for m in numbers if not line_number(tokens, m))  # not "лінію 1545"
