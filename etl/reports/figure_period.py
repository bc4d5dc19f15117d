"""The period a figure's own words name, when it is not the report's: one rule for every way a
sentence gives a figure another period than its report's.

A period is named by a month in any case ("у квітні", "на березень", "з березнем", "грудень"), with
or without a year; a quarter or half-year ("у ІІІ кварталі", "ІІкв.", "у другому півріччі 2023
року"); a year ("у 2024 році"); or the same period of another year ("у відповідному періоді 2023
року", "за аналогічний період минулого року"); or the period before the report's ("торік", "роком
раніше", "минулого року", "у попередньому кварталі": a year back is the same period a year before); or
the months since the year began ("з початку року": January to the report's end, cumulative). A bare numeral after a preposition ("тоді як у ІІ –
236") or opening an item ("І квартал – 27, ІІ – 31") is a period of the kind named before it in the
sentence.

Which mention is the figure's, nearest first:

* one in the figure's clause before its number ("Найбільше звернень надійшло в грудні – 121",
  "У ІІІ кварталі надійшло 281 звернення"), right after its noun ("706 звернень у 2024 році"), or
  after a dash behind it, ending its item ("з них 95 – у квітні, 101 – в травні");
* for a number in brackets or after a dash ("в IV кварталі (22)", "Порівняно з березнем (41 запит)",
  "ІІІкв. – 4"), one in the words before it, back to the sentence's previous figure;
* for a clause opening with "коли" ("грудень, коли відбулося 14 заходів"), the period before it;
* a period opening the sentence ("Лише у вересні, коли …, на сайті з'явилося 419 матеріалів"), when
  no other period is named between it and the figure ("у звітному році" is the report's own and
  stops it).

The mention counts only when it lies inside the report's period and is shorter (a month of a
quarter) or wholly before it (last year's figure, last month's); one that equals, contains or
follows the report's period (a plan "на 2026 рік") is no period of the figure's. A month without a
year is the report's year, or the year before when that would fall after the report.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from activity.months import (
    MONTH_NAMES_UK,
    MONTH_NAMES_UK_GENITIVE,
    MONTH_NAMES_UK_INSTRUMENTAL,
    MONTH_NAMES_UK_LOCATIVE,
)
from activity.period_text import parse_period
from activity.periods import Period, PeriodError, half_year_period, month_period, quarter_period
from etl.reports.match import is_dash
from etl.reports.tokens import Token

MONTHS = {name: i for table in (MONTH_NAMES_UK, MONTH_NAMES_UK_GENITIVE, MONTH_NAMES_UK_LOCATIVE,
                                MONTH_NAMES_UK_INSTRUMENTAL) for i, name in enumerate(table, start=1)}
_PREPOSITIONS = frozenset({"у", "в", "за", "на", "з", "із", "зі", "від", "протягом", "впродовж", "упродовж"})
_OPENERS = _PREPOSITIONS | {"лише", "тільки", "саме", "ще", "а", "зокрема", "також"}
_ROMAN = frozenset("iіvх")
_PART_MARKERS = frozenset({"них", "яких", "числі", "зокрема"})
_YEAR_WORDS = ("рок", "році", "рік", "р")
_REPORT_WORDS = ("період", "рік", "році", "року", "квартал", "місяц", "тиж", "півріч")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int  # one past the last token
    period: Period | None  # None: a bare numeral ("у ІІ"), of the kind named before it


def _roman(word: str) -> bool:
    return bool(word) and set(word.lower()) <= _ROMAN


def _year_after(tokens: list[Token], j: int) -> tuple[int | None, int]:
    """The year at tokens[j] ("2024 року", "2024 р.") and the index after it."""
    if j < len(tokens) and tokens[j].mask == "year":
        k = j + 1
        if k < len(tokens) and tokens[k].low.startswith(_YEAR_WORDS):
            k += 1
        return int(tokens[j].text[:4]), k
    return None, j


def _parse(text: str, year: int) -> Period | None:
    try:
        return parse_period(text, year=year)
    except PeriodError:
        return None


def _before(report: Period, granularity: str) -> Period | None:
    """The period of `granularity` right before the report's: last year's same period for "рік"."""
    if granularity == "year":
        try:
            return replace(report, start=report.start.replace(year=report.start.year - 1),
                           end=report.end.replace(year=report.end.year - 1))
        except ValueError:  # 29 February
            return None
    if granularity != report.granularity:
        return None  # "у попередньому місяці" of a quarter's report: which month is not said
    months = {"month": 1, "quarter": 3, "half_year": 6}[granularity]
    index = report.start.year * 12 + report.start.month - 1 - months  # the first month before, counted from 0
    year, month = divmod(index, 12)
    return {"month": month_period, "quarter": lambda y, m: quarter_period(y, m // 3 + 1),
            "half_year": lambda y, m: half_year_period(y, m // 6 + 1)}[granularity](year, month + 1 if months == 1 else month)


_RELATIVE = {"рок": "year", "рік": "year", "році": "year", "квартал": "quarter", "місяц": "month", "півріч": "half_year"}


def _earlier(tokens: list[Token], i: int, report: Period) -> Mention | None:
    """ "торік", "роком раніше", "минулого року", "у попередньому кварталі", "попереднього місяця": the
    period of that length before the report's (a year: the same period a year before)."""
    low = tokens[i].low
    if low == "торік":
        return Mention(i, i + 1, _before(report, "year"))
    if low == "роком" and i + 1 < len(tokens) and tokens[i + 1].low == "раніше":
        return Mention(i, i + 2, _before(report, "year"))
    if low.startswith(("попередн", "минул")) and i + 1 < len(tokens):
        kind = next((g for stem, g in _RELATIVE.items() if tokens[i + 1].low.startswith(stem)), None)
        period = _before(report, kind) if kind else None
        return Mention(i, i + 2, period) if period else None
    return None


def _mention_at(tokens: list[Token], i: int, report: Period) -> Mention | None:
    t, year = tokens[i], report.end.year
    low = t.low
    if low.startswith(("відповідн", "аналогічн")) and i + 1 < len(tokens) and tokens[i + 1].low.startswith("період"):
        other, end = _year_after(tokens, i + 2)
        if other is None and i + 3 < len(tokens) and tokens[i + 2].low == "минулого" \
                and tokens[i + 3].low.startswith(_YEAR_WORDS):
            other, end = report.start.year - 1, i + 4
        if other is None:
            return None
        shift = report.start.year - other
        try:
            same = replace(report, start=report.start.replace(year=report.start.year - shift),
                           end=report.end.replace(year=report.end.year - shift))
        except ValueError:  # 29 February
            return None
        return Mention(i, end, same)
    if low in ("з", "із", "від") and i + 2 < len(tokens) and tokens[i + 1].low == "початку":
        named, end = _year_after(tokens, i + 2)  # "з початку року", "з початку 2024 року": January to the report's end
        if named is None and not tokens[i + 2].low.startswith(_YEAR_WORDS):
            return None
        end = end if named is not None else i + 3
        start = date(named or year, 1, 1)
        if start == report.start:
            return Mention(i, end, report)  # the report's own, which no other overrides
        return Mention(i, end, Period(start, report.end, "custom", cumulative=True)) if start < report.start else None
    if low.startswith("звітн") and i + 1 < len(tokens) and tokens[i + 1].low.startswith(_REPORT_WORDS):
        return Mention(i, i + 2, report)  # "у звітному році": the report's own, which no other overrides
    if (earlier := _earlier(tokens, i, report)) is not None:
        return earlier
    if low in MONTHS and i + 2 < len(tokens) and tokens[i + 1].text in "–—-" and tokens[i + 2].low in MONTHS:
        named, end = _year_after(tokens, i + 3)  # "січень – вересень 2025 року": one period, a range
        words = f"{low}–{tokens[i + 2].low} {named or year}"
        period = _parse(words, year)
        return Mention(i, end, period) if period else None
    if low in MONTHS:
        named, end = _year_after(tokens, i + 1)
        month = month_period(named or year, MONTHS[low])
        if named is None and month.start > report.end:
            month = month_period(year - 1, MONTHS[low])
        return Mention(i, end, month)
    if t.mask == "year":
        named, end = _year_after(tokens, i)
        said = tokens[end - 1].low if end > i + 1 else ""
        labels = end < len(tokens) and tokens[end].text in "–—:-"  # "(2024 – 390)"
        if said in ("році", "рік") or labels or (i > 0 and tokens[i - 1].low in _PREPOSITIONS):  # not "переможців 2022 року"
            return Mention(i, end, _parse(str(named), year))
        return None
    glued = low.rstrip(".").endswith("кв") and _roman(low.rstrip(".")[:-2])  # "ІІкв."
    if glued or (_roman(low) or low.endswith(("ого", "ому", "ий", "ій"))) and i + 1 < len(tokens) \
            and tokens[i + 1].low.startswith(("квартал", "кв", "півріч")):
        end = i + 1 if glued else i + 2
        named, after = _year_after(tokens, end + (end < len(tokens) and tokens[end].text == "."))
        words = " ".join(x.text for x in tokens[i:end]) + (f" {named}" if named else "")
        period = _parse(words, year)
        return Mention(i, after if named else end, period) if period else None
    if _roman(t.text) and i > 0 and (tokens[i - 1].low in ("у", "в", "за") or (
            tokens[i - 1].text in ",;" and i + 1 < len(tokens) and tokens[i + 1].text in "–—-:")):
        return Mention(i, i + 1, None)  # "у ІІ – 236", "І квартал – 27, ІІ – 31"
    return None


def mentions(tokens: list[Token], report: Period) -> list[Mention]:
    """Every period the sentence names, in order; a bare numeral takes the kind named before it."""
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        m = _mention_at(tokens, i, report)
        if m is None:
            i += 1
            continue
        if m.period is None:
            kind = next((x.period for x in reversed(out) if x.period and x.period.granularity in
                         ("quarter", "half_year")), None)
            word = "квартал" if kind is not None and kind.granularity == "quarter" else "півріччя"
            period = _parse(f"{tokens[i].text} {word} {kind.start.year}", kind.start.year) if kind else None
            m = Mention(m.start, m.end, period)
        if m.period is not None:
            out.append(m)
        i = m.end
    return out


def _fits(p: Period, report: Period) -> bool:
    if p.cumulative and p.end == report.end and p.start < report.start:
        return True  # "з початку року – 412" in a month's report: January to that month
    if p == report or (p.granularity == "custom" and p.end >= report.start):
        return False  # a stage's months ("травня – червня") are no period of the report's
    inside = report.start <= p.start and p.end <= report.end
    return inside or p.end < report.start


def _chosen(every: list[Mention], tokens: list[Token], lead: int, pos: int, span: tuple[int, int],
            previous: int, report: Period) -> Mention | None:
    a, b = span
    if 0 <= previous < lead and lead > 0 and tokens[lead - 1].low in ("та", "і", "й") \
            and (o := max((j for j in range(previous) if tokens[j].text in "()"), default=None)) is not None \
            and tokens[o].text == "(" and not any(t.text == ")" for t in tokens[o:lead]) \
            and (inside := [m for m in every if o < m.start and m.end <= previous]):
        return inside[-1]  # "(у ІІІ кварталі 2023 року – 6 засідань та 149 рішень)": the bracket's time, for both
    previous = max([previous] + [j for j in range(lead) if tokens[j].text == ";"])  # a semicolon ends the reach
    before = [m for m in every if max(a, previous + 1) <= m.start and m.end <= lead]
    if before:
        return before[-1]
    after = [m for m in every if pos < m.start <= min(b, pos + 3)
             and all(t.kind == "word" for t in tokens[pos + 1:m.start])]  # "706 звернень у 2024 році", not "7 – за лютий …"
    if pos + 2 < len(tokens) and tokens[pos + 1].text in "–—":  # "з них 95 – у квітні, 101 – в травні"
        after += [m for m in every if m.start == pos + 3 and tokens[pos + 2].low in ("у", "в")
                  and (m.end == len(tokens) or tokens[m.end].text in ",;.)")
                  and report.start <= m.period.start and m.period.end <= report.end]  # a part's, not "у квітні 2022 року"
    if after:
        return after[0]
    back = [m for m in every if previous < m.start and m.end <= lead
            and not any(t.low in _PART_MARKERS for t in tokens[m.end:lead])]  # "…, з них вхідних – 24 706"
    if back and lead > 0 and (tokens[lead - 1].text in "(:" or tokens[lead - 1].text in "–—-"):  # "у травні: 5"
        return back[-1]
    if back and a >= 2 and tokens[a].low == "коли" and back[-1].end == a - 1 and tokens[a - 1].text == ",":
        return back[-1]
    opening = every[0] if every and all(t.low in _OPENERS for t in tokens[:every[0].start]) else None
    if opening is not None and opening.start <= 2 and opening.end <= lead \
            and not any(opening.end <= m.start < lead for m in every):
        return opening
    return None


def _respectively(tokens: list[Token], every: list[Mention], lead: int) -> Mention | None:
    """ "у липні та серпні – відповідно 146 і 131": the k-th number after "відповідно" has the k-th of
    the periods joined by "та"/"і" right before it; every number the one period said before it."""
    k, j = 0, lead - 1  # which number of the run after "відповідно" this one is
    while j > 0 and tokens[j].low != "відповідно":
        if tokens[j].kind == "num":
            k += 1
        elif tokens[j].low not in ("і", "й", "та", ",") and not is_dash(tokens[j]):
            return None
        j -= 1
    if j <= 0:
        return None
    run = []
    for m in reversed([m for m in every if m.end <= j]):
        gap = [t for t in tokens[m.end:(run[0].start if run else j)] if t.kind != "punct" or not is_dash(t)]
        if any(t.low not in ("і", "й", "та", ",") for t in gap):
            break
        run.insert(0, m)
    if len(run) == 1:  # "(у 2022 році – відповідно 10 та 35)": one time for the whole run
        return run[0]
    return run[k] if len(run) > 1 and k < len(run) else None


def figure_period(tokens: list[Token], lead: int, pos: int, span: tuple[int, int], previous: int,
                  report: Period | None) -> Period | None:
    """The period the words of a figure name (module doc): `lead` and `pos` are its number phrase's
    first and number token, `span` its clause, `previous` the number token of the sentence's figure
    before it (-1: none)."""
    if report is None:
        return None
    every = mentions(tokens, report)
    if (nth := _respectively(tokens, every, lead)) is not None:
        return nth.period if nth.period is not None and _fits(nth.period, report) else None
    chosen = _chosen(every, tokens, lead, pos, span, previous, report)
    return chosen.period if chosen is not None and _fits(chosen.period, report) else None
