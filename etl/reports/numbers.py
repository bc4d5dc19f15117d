"""The numbers of a sentence that may be figures: digits ("5 790", "1\u00a0180") and numeral words
("дві", "одного", "двадцять п’ять") and the adverbs of times ("двічі", "тричі"), each with the approximation before it ("близько 320",
"понад 40", "~40") and whether it is a change rather than a level ("зменшилась на 12"). "22 тис. 240" is
22 240 and "1,5 тис." about 1 500; a unit after a number ("112 од.", "45 шт.") belongs to the number.

Decimals are never counts ("4.562", a dot between thousands, is 4 562: decimals are written with a comma); "одна з", "один із", "одну з них підтримано" are not numbers ("Дві з них",
"одне з них позачергове" are).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from activity.morph import lemma_keys, number_word, word_info
from activity.numbers import NumberError, parse_number
from etl.reports.lexicon import CHANGE_WORDS, COPULAS, EXTRA_APPROXIMATIONS, UNITS
from etl.reports.tokens import Token

_SCALES = {**dict.fromkeys(("сотня", "сотні", "сотень"), 100), **dict.fromkeys(("тисяча", "тисячі", "тисяч"), 1000),
           **dict.fromkeys(("мільйон", "мільйони", "мільйонів", "мільйона"), 1_000_000)}


# the last word of an ordinal said in words ("двадцять сьомої сесії", "тридцять першого засідання")
_ORDINAL = re.compile(r"(?:перш|друг|трет|четверт|п[’'ʼ]?ят|шост|сьом|восьм|дев[’'ʼ]?ят|десят)"
                      r"(?:ий|ій|ого|ього|ому|ьому|им|ім|ої|ьої|ою|ьою|у|ю|а|я|е|є|і|их|іх|ими|іми)")
_ONE_THOUSAND = frozenset({"тисяча", "тисячу", "тисячі", "тисячею"})  # a thousand said without "одна"
TIMES_ADVERBS = {"двічі": 2, "тричі": 3, "чотиричі": 4}


@dataclass
class Number:
    pos: int
    end: int
    value: int
    words: bool
    lead: int = 0  # first token of the number phrase, approximation included
    approximate: bool = False


def sentence_numbers(tokens: list[Token]) -> list[Number]:
    out, j = [], 0
    while j < len(tokens):
        t = tokens[j]
        thousands = t.kind == "num" and j + 1 < len(tokens) and tokens[j + 1].low == "тис"
        if thousands and re.fullmatch(r"\d{1,3}(?:[.,]\d{1,3})?", t.text):  # "1,2 тис. дописів": about 1 200
            end = j + 2 + (j + 2 < len(tokens) and tokens[j + 2].text == ".")
            value = round(float(t.text.replace(",", ".")) * 1000)
            if t.text.isdigit() and end < len(tokens) and tokens[end].kind == "num" \
                    and re.fullmatch(r"\d{1,3}", tokens[end].text):  # "22 тис. 240 підписників": 22 240
                value, end = value + int(tokens[end].text), end + 1
            out.append(Number(j, _past_unit(tokens, end), value, False, approximate=bool(re.search(r"[.,]", t.text))))
            j = out[-1].end
            continue
        elif t.kind == "num" and (not re.search(r"[.,]\d", t.text) or re.fullmatch(r"[1-9]\d{0,2}\.\d{3}", t.text)):
            # ("4.562": a dot between thousands, as some writers type it; a decimal is written with a comma)
            value, end = int(re.sub(r"\D", "", t.text)), j + 1
            if end < len(tokens) and (scale := _SCALES.get(tokens[end].low)):  # "понад 2 тисячі уманчан"
                value, end = value * scale, end + 1
            out.append(Number(j, _past_unit(tokens, end), value, False))
        elif t.kind == "word" and t.low in ("півтори", "півтора") and j + 1 < len(tokens) \
                and (scale := _SCALES.get(tokens[j + 1].low)):  # "понад півтори сотні дописів": 150
            out.append(Number(j, j + 2, scale * 3 // 2, True))
            j += 2
            continue
        elif t.kind == "word" and t.low in _ONE_THOUSAND and j + 1 < len(tokens) \
                and (w := number_word(tokens[j + 1].text)) is not None and w < 1000 \
                and not (j > 0 and (tokens[j - 1].kind == "num" or number_word(tokens[j - 1].text) is not None)):
            k, total, last = j + 1, 1000, 1000  # "тисячу двісті новин", "до тисячі ста п’ятдесяти": one thousand and more
            while k < len(tokens) and tokens[k].kind == "word" and (w := number_word(tokens[k].text)) and w < last:
                total, last, k = total + w, w, k + 1
            out.append(Number(j, k, total, True))
            j = k
            continue
        elif t.kind == "word" and t.low in TIMES_ADVERBS:  # "засідання відбулися двічі": two of them
            out.append(Number(j, j + 1, TIMES_ADVERBS[t.low], True))
        elif t.kind == "word" and (v := number_word(t.text)) is not None:
            k, total, last = j + 1, v, v
            while k < len(tokens) and tokens[k].kind == "word":
                if (scale := _SCALES.get(tokens[k].low)) and total < scale and last < 1000:
                    total, last, k = total * scale, scale, k + 1  # "три тисячі шістсот сорок п’ять"
                elif (w := number_word(tokens[k].text)) and w < last:
                    total, last, k = total + w, w, k + 1
                else:
                    break
            if k < len(tokens) and _ORDINAL.fullmatch(tokens[k].low):
                j = k + 1  # "засідання двадцять сьомої сесії": an ordinal, no count
                continue
            if not (k < len(tokens) and tokens[k].low in ("з", "із", "зі")) or (  # "одна з", "один із"
                    k + 1 < len(tokens) and tokens[k + 1].low in ("них", "яких", "котрих")
                    and (total > 1 or not _verb_after(tokens, k + 2))):  # "Дві з них", "одне з них позачергове"
                out.append(Number(j, k, total, True))
            j = k
            continue
        j += 1
    # "дві авторки подали по два проєкти": so many for each, no count of its own (unlike "по 46 зверненнях
    # надано роз'яснення", "роз'яснення надано по 481": of so many)
    return [n for n in out if not (n.pos > 0 and tokens[n.pos - 1].low == "по" and _each_of(tokens, n.end))]


_PER_DAY = frozenset({"щодня", "щоденно", "щотижня", "щотижнево", "щомісяця", "щомісячно", "щодоби"})


_MEAN_WORDS = frozenset({"середньому", "середнє", "середня", "середній", "середнім", "середньої", "середнього"})


def is_average(tokens: list[Token], n: Number) -> bool:
    """ "у середньому майже три матеріали щодня", "в середньому 12 на день", "Середнє навантаження на одного
    працівника становило близько 1 770 документів": an average, no count."""
    start = max((j + 1 for j in range(n.pos) if tokens[j].kind == "punct" and tokens[j].text in ",;:.()"), default=0)
    clause = [t.low for t in tokens[start:n.pos]]
    if any(w in _MEAN_WORDS for w in clause) \
            or any(a == "на" and b in ("одного", "одну") for a, b in zip(clause, clause[1:], strict=False)):
        return True
    before = [t.low for t in tokens[max(0, n.pos - 3):n.pos]]
    after = []
    for t in tokens[n.end:n.end + 3]:  # (the number's own clause: not "надіслано 4 звіти, щотижня подавалися …")
        if t.kind == "punct":
            break
        after.append(t.low)
    return "середньому" in before or any(w in _PER_DAY for w in after) \
        or any(a == "на" and b in ("день", "добу", "тиждень") for a, b in zip(after, after[1:], strict=False))


def _each_of(tokens: list[Token], j: int) -> bool:
    i = word_info(tokens[j].text) if j < len(tokens) and tokens[j].kind == "word" else None
    return i is not None and i.noun and bool(i.forms) and not any(case in ("loct", "datv") for case, _ in i.forms)



def _past_unit(tokens: list[Token], end: int) -> int:
    if end < len(tokens) and tokens[end].low in UNITS:
        return end + 1 + (end + 1 < len(tokens) and tokens[end + 1].text == ".")
    return end


def _verb_after(tokens: list[Token], j: int) -> bool:
    """A verb in the clause from tokens[j] ("одну з них підтримано частково": one singled out, no count)."""
    copula = False
    for t in tokens[j:]:
        if t.kind == "punct" and t.text in ",;.:()" or (copula and t.low in ("і", "й", "та")):
            return False
        copula = copula or t.low in COPULAS  # ("одне з яких було позачерговим": what it was, a count of one)
        if t.kind == "word" and (i := word_info(t.text)).verb and not i.noun and not i.adjective \
                and t.low not in COPULAS:
            return True
    return False



def mark_approximation(tokens: list[Token], n: Number) -> None:
    n.lead = n.pos
    if n.pos and tokens[n.pos - 1].text in ("~", "≈"):
        n.lead, n.approximate = n.pos - 1, True
        return
    words = []
    k = n.pos - 1
    while k >= 0 and tokens[k].kind == "word" and len(words) < 3:
        words.insert(0, tokens[k].low)
        k -= 1
    for size in (3, 2, 1):
        phrase = " ".join(words[-size:]) if len(words) >= size else ""
        if not phrase:
            continue
        try:
            approx = phrase in EXTRA_APPROXIMATIONS or parse_number(f"{phrase} 1").approximate
        except NumberError:
            approx = False
        if approx:
            n.lead, n.approximate = n.pos - size, True
            return


def in_range(tokens: list[Token], numbers: list[Number], n: Number) -> bool:
    """ "Щомісяця надходить від 380 до 450 документів": the ends of a range, neither of them a figure
    (unless a word of change before it says it went from one to the other: "зросла від 12 до 15")."""
    pair = next(((a, b) for a, b in pairwise(numbers) if (n is a or n is b) and a.end + 1 == b.lead
                 and a.lead > 0 and tokens[a.lead - 1].low == "від" and tokens[a.end].low == "до"), None)
    if pair is None or pair[0].value >= pair[1].value:
        return False
    start = max((j + 1 for j in range(pair[0].lead) if tokens[j].text in ".;:"), default=0)
    return not any(lemma_keys(t.text) & CHANGE_WORDS for t in tokens[start:pair[0].lead] if t.kind == "word")


def is_change(tokens: list[Token], n: Number) -> bool:
    before = [t for t in tokens[max(0, n.lead - 4):n.lead] if t.kind == "word"]
    if before and before[-1].low == "на" and any(lemma_keys(t.text) & CHANGE_WORDS for t in before[:-1]):
        return True
    after = tokens[n.end] if n.end < len(tokens) else None
    if after and after.low in ("більше", "менше"):
        return True
    # "що на 27 звернень більше, ніж …", "що на 74 звернення або на 13,8 % більше": the difference, its noun
    # (and the same difference as a share) between
    if not (n.lead > 0 and tokens[n.lead - 1].low == "на"):
        return False
    for t in tokens[n.end:n.end + 8]:
        if t.low in ("більше", "менше"):
            return True
        if t.text in ",;.:()" or (t.kind == "num"):
            return False
    return False
