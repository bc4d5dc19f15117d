"""Who reports and when: the city, the department and the period of a narrative report, and the
as-of date of a stock figure.

* **Title**: the first sentence saying "про роботу …" / "про діяльність …" within the first eight
  (a letterhead may stand above it), else the first sentence.
* **Period**: the first phrase of the title that ``activity.periods.parse_period`` reads, starting
  at "за" or "з" ("за березень 2021 року", "за ІІІ квартал 2019 року", "з 01.04 по 30.06.2021");
  failing that, the first such phrase of the body ("У ІІ кварталі 2020 року"). The label is the
  text as written.
* **City**: council phrases ("Ніжинської міської ради", "Прилуцької міської територіальної
  громади", "Усть-Чорнянської сільської ради", with the oblast after it when the name needs one:
  "Павлівської сільської ради Запорізької області") count 3, in the title 5; "у Лисичанську", "м. Ніжин" count 1. The city with most wins;
  places are resolved by ``activity.places.resolve_place`` (the whole codifier). One КАТОТТГ code
  in the text ("Код КАТОТТГ: UA12080110000055958") names the place outright.
* **Department**: the title's "про роботу <department> за <period>", its first word put in the
  nominative ("відділу" -> "відділ"), with the council named after it when the title omits it.
* **As of** (stocks only): a date after "на" ("станом на 01.10.2019", "на 01.01.2019") in the
  figure's sentence, the nearest before the figure first; else in the line introducing its list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from activity.months import MONTH_NAMES_UK_GENITIVE
from activity.morph import nominative
from activity.period_text import parse_period
from activity.periods import Period, PeriodError
from activity.places import Place, PlaceError, resolve_place
from etl.reports.tokens import Sentence

_COUNCIL = re.compile(
    r"\b((?:[А-ЯІЇЄҐ][а-яіїєґ’'ʼ]*-)*[А-ЯІЇЄҐ][а-яіїєґ’'ʼ\-]+(?:ськ|цьк|зьк)(?:ої|а|ій|у|ою))\s+"
    r"((?:міськ|селищн|сільськ)\w*\s+(?:рад\w*|територіальн\w*\s+громад\w*))"
    r"(?:\s+[А-ЯІЇЄҐ][а-яіїєґ’'ʼ\-]+(?:ськ|цьк|зьк)(?:ої|а)\s+област[іь])?"
)
_TOWN = re.compile(r"(?:\b[уУвВ]|\bм\.|\bмісто|\bмісті)\s*([А-ЯІЇЄҐ][а-яіїєґ’'ʼ\-]{2,})")
_PERIOD_START = re.compile(r"(?<!\w)(?:за|з|із|у|в|протягом)\s+", re.IGNORECASE)
_TITLE_PERIOD_START = re.compile(r"(?<!\w)(?:за|з|із)\s+", re.IGNORECASE)
_DEPARTMENT = re.compile(r"\bпро\s+(?:роботу|діяльність)\s+(.+)", re.IGNORECASE | re.DOTALL)


LETTERHEAD_LINES = 8  # sentences a letterhead may take before the title


@dataclass
class Header:
    place: Place | None = None
    city_problem: tuple[str, str] | None = None  # (uk, en) why the city is unknown or ambiguous
    council: str = ""  # "Ніжинської міської ради", as first written
    department: str = ""
    period: Period | None = None
    period_label: str = ""
    title: str = ""
    title_line: int = 1
    notes: list[str] = field(default_factory=list)


def _find_period(text: str, starts: re.Pattern[str]) -> tuple[Period, str] | None:
    for m in starts.finditer(text):
        words = list(re.finditer(r"\S+", text[m.end():m.end() + 80]))[:7]
        for k in range(len(words), 0, -1):
            end = m.end() + words[k - 1].end()
            label = text[m.start():end].rstrip(" .,;:")
            if not re.search(r"\d", label):
                continue
            try:
                period = parse_period(label)
            except PeriodError:
                continue
            return period, label
    return None


def read_header(text: str, sentences: list[Sentence]) -> Header:
    head = Header()
    if not sentences:
        return head
    # the title: the first sentence that says whose work it reports, past a letterhead ("УКРАЇНА",
    # "НІЖИНСЬКА МІСЬКА РАДА", an address) above it; else the first sentence
    first = next((s for s in sentences[:LETTERHEAD_LINES] if _DEPARTMENT.search(text[s.start:s.end])), sentences[0])
    head.title, head.title_line = text[first.start:first.end], first.line
    found = _find_period(head.title, _TITLE_PERIOD_START)
    for s in sentences[1:]:
        if found:
            break
        found = _find_period(text[s.start:s.end], _PERIOD_START)
    if found:
        head.period, head.period_label = found
    _read_city(head, text, first.end)
    _read_department(head)
    return head


_CODE = re.compile(r"\bUA\d{17}\b")


def _read_city(head: Header, text: str, title_end: int) -> None:
    codes = set(_CODE.findall(text))
    if len(codes) == 1:  # "Код КАТОТТГ: UA…" names the place whatever its name shares with others
        try:
            head.place = resolve_place(codes.pop()).place
            return
        except PlaceError:
            pass
    scores: dict[str, float] = {}
    places: dict[str, Place] = {}
    problems: list[PlaceError] = []
    councils: dict[str, str] = {}
    for pattern, weight in ((_COUNCIL, 3.0), (_TOWN, 1.0)):
        for m in pattern.finditer(text):
            phrase = m.group(0) if pattern is _COUNCIL else m.group(1)
            try:
                place = resolve_place(phrase).place
            except PlaceError as exc:
                if pattern is _COUNCIL:
                    problems.append(exc)
                continue
            bonus = 2.0 if m.start() < title_end else 0.0
            scores[place.code] = scores.get(place.code, 0.0) + weight + bonus
            places[place.code] = place
            if pattern is _COUNCIL:
                councils.setdefault(place.code, " ".join(phrase.split()))
    if scores:
        best = max(scores, key=lambda c: scores[c])
        head.place, head.council = places[best], councils.get(best, "")
    elif problems:
        head.city_problem = (problems[0].message_uk, problems[0].message_en)


def _read_department(head: Header) -> None:
    title = " ".join(head.title.split())
    m = _DEPARTMENT.search(title)
    if not m:
        return
    dept = m.group(1)
    if head.period_label:
        label = " ".join(head.period_label.split())
        cut = dept.find(label)
        dept = dept[:cut] if cut >= 0 else dept
    dept = dept.strip(" .,;:")
    if not dept:
        return
    first, _, rest = dept.partition(" ")
    dept = f"{nominative(first)} {rest}".strip()
    if head.council and not re.search(r"(?:міськ|селищн|сільськ)\w*\s+рад", dept):
        dept = f"{dept} {head.council}"
    head.department = dept


def _read_date(text: str) -> date | None:
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})", text.strip())
    if m:
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
    else:
        m = re.fullmatch(r"(\d{1,2})\s+(\w+)\s+(\d{4})", text.strip())
        if not m or m[2].lower() not in MONTH_NAMES_UK_GENITIVE:
            return None
        d, mo, y = int(m[1]), MONTH_NAMES_UK_GENITIVE.index(m[2].lower()) + 1, int(m[3])
    try:
        return date(y + (2000 if y < 100 else 0), mo, d)
    except ValueError:
        return None


def _dates_after_na(s: Sentence) -> list[tuple[int, date]]:
    out = []
    for j, t in enumerate(s.tokens):
        if t.kind == "mask" and t.mask == "date" and j and s.tokens[j - 1].low == "на":
            d = _read_date(t.text)
            if d is not None:
                out.append((j, d))
    return out


def stock_as_of(s: Sentence, pos: int) -> date | None:
    """The date a stock figure at token ``pos`` of sentence ``s`` stands on, if the text gives it."""
    dates = _dates_after_na(s)
    before = [d for j, d in dates if j < pos]
    if before:
        return before[-1]
    if dates:
        return dates[0][1]
    if s.lead_in is not None:
        lead = _dates_after_na(s.lead_in)
        if lead:
            return lead[-1][1]
    return None
