"""Who reports and when: the city, the department and the period of a narrative report, and the
as-of date of a stock figure.

* **Title**: the first sentence saying "про роботу …" / "про діяльність …" within the first eight
  (a letterhead may stand above it), else the first sentence.
* **Period**: the first phrase of the title that ``activity.period_text.parse_period`` reads, starting
  at "за", "з", "у"/"в", "протягом", "упродовж" or "станом на" ("за березень 2021 року", "з 01.04 по
  30.06.2021", "у 2023 році", "станом на 1 січня 2023 року"); failing that, the first such phrase of
  the body ("У ІІ кварталі 2020 року", "Протягом листопада 2025 року"; "станом на" only in the
  title). A label line "Звітний період: …", "Період звітування – …" (even with a full stop) or a bare date range
  ("01.01.2024–30.06.2024") on the first lines says it too; so does a body sentence announcing what
  the letter reports ("… повідомляє про стан … станом на 1 січня 2026 року", "Надаємо інформацію …"),
  "станом на" included. A phrase without a year ("з 1 по 7 листопада") takes the year the text names most often
  on its own (not inside a date or a document number), else the year in the file name; a text that names no
  year at all but is dated at its top ("Новина від 05.10.2024" / "… за третій квартал") reports the last
  such period before that day. The label
  is the text as written. A title "станом на <date>" makes a **snapshot**: the period is that day
  and stocks without a date of their own stand on it.
* **City**: council phrases in any case and letter case ("Ніжинської міської ради", "КОЛОМИЙСЬКА
  МІСЬКА РАДА", "Сумською міською радою", "Конотопської територіальної громади", "Лисичанської
  міської військово-цивільної адміністрації", "Прилуцький міський голова", "Коломийського
  міськвиконкому") count 3, in the title 5; "у Лисичанську", "м. Ніжин", "міста Лисичанськ" count 1;
  a city named on its own in any case after a small word ("релігійних організацій Лисичанська")
  counts 0.5 (never after a capitalised word, "вул.", "пл.": street and person names). Hyphenated
  names ("Усть-Чорнянської сільської ради") are read whole, with the oblast after them when the name
  needs one ("Павлівської сільської ради Запорізької області"); a renamed city whose hromada the
  codifier still names the old way is read through the city's own name ("Звягельської міської
  ради" -> Звягель). One КАТОТТГ code in the text ("Код
  КАТОТТГ: UA12080110000055958") names the place outright. The city with most wins; places are resolved by ``activity.places.resolve_place`` (the whole codifier). When
  the text names none: the department registry (``activity.departments``), if the department's
  name belongs to one place only; then the file name ("nizhyn_2021_03.txt").
* **Department**: the title's, the letterhead's, a closing line's or the signature's unit
  (``etl.reports.department``), in the nominative, with the council named after it in the genitive;
  none when the report names none (never a guess from the body).
* **As of** (stocks only): a date after "на" ("станом на 01.10.2019", "на 01.01.2019") in the
  figure's sentence, the nearest before the figure first; else in the line introducing its list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from activity.departments import Registry, RegistryError
from activity.period_text import parse_period, snapshot_date
from activity.periods import Period, PeriodError
from activity.places import Place, PlaceError, remembered_place, resolve_place
from etl.reports.department import department_in
from etl.reports.tables import column_heading
from etl.reports.tables import read_date as _read_date
from etl.reports.tokens import Sentence

_ADJ = r"[А-ЯІЇЄҐ][а-яіїєґ’'ʼ]+(?:-[А-ЯІЇЄҐа-яіїєґ][а-яіїєґ’'ʼ]+)*(?:ськ|цьк|зьк)(?:ої|а|ій|у|ою|ий|ого|ому|им|ім)"
_COUNCIL = re.compile(
    rf"\b({_ADJ})\s+((?i:"
    r"(?:міськ|селищн|сільськ)\w*\s+(?:рад\w*|територіальн\w*\s+громад\w*|військово-цивільн\w*\s+адміністрац\w*"
    r"|військов\w*\s+адміністрац\w*|голов\w*|виконавч\w*\s+комітет\w*)"
    r"|територіальн\w*\s+громад\w*|військово-цивільн\w*\s+адміністрац\w*|міськвиконком\w*)|(?:М?ТГ|ВЦА|МВА)\b)"
    r"(?:\s+([А-ЯІЇЄҐ][а-яіїєґ’'ʼ\-]+(?:ськ|цьк|зьк)(?:ої|а)\s+област[іь]))?"
)
_NAME_WORD = r"[А-ЯІЇЄҐ][а-яіїєґ’'ʼ]+(?:-[А-ЯІЇЄҐа-яіїєґ][а-яіїєґ’'ʼ]+)*"
# "м. Ніжин", "у Ніжині", "місто Жовті Води", "м. Новгород-Сіверський": one or two capitalised words
_TOWN = re.compile(rf"(?:\b[уУвВ]|\bм\.|\bмісто|\bмісті|\bміста)\s*((?=[А-ЯІЇЄҐ]..){_NAME_WORD}(?:[ \u00a0]+{_NAME_WORD})?)")
# a capitalised word after a small one ("організацій Лисичанська"): perhaps a city on its own
_LOOSE = re.compile(r"(?<=[а-яіїєґ’'ʼ\-]{2})[ \u00a0]+([А-ЯІЇЄҐ][а-яіїєґ’'ʼ]{3,}(?:-[А-ЯІЇЄҐ][а-яіїєґ’'ʼ]+)?)\b")
_NOT_BEFORE_LOOSE = re.compile(r"(?:вул|вулиц\w*|пл|площ\w*|просп\w*|проспект\w*|пров|провул\w*|бульв\w*|ім)\W*$", re.I)
_AFTER_REGION = re.compile(r"\s+(?:обл\w*|район\w*|облдерж\w*|ОДА|ОВА|ЛОДА)\b")
_PERIOD_START = re.compile(r"(?<!\w)(?:за|з|із|у|в|протягом|упродовж|впродовж)\s+", re.IGNORECASE)
_LABEL = r"\bперіод\w*(?:\s+звіт\w*)?\s*[:–—-]"  # "Звітний період:", "Період звітування –"
# a date range standing on its own ("Звітний період: 01.01.2024–30.06.2024", "Звіт … (01.07.2023 – 31.12.2023)")
_DATE_RANGE = r"(?<![\d.])(?=\d{1,2}\.\d{1,2}\.\d{2,4}\s*(?:[-–—]|по)\s*\d{1,2}\.\d{1,2}\.\d{2,4})"
# the days of one month ("17–23.02.2025"), after a title's separator ("ТИЖДЕНЬ У ЦИФРАХ | 17–23.02.2025",
# "Щомісячна інформація … · жовтень 2025 року") or after "підсумки" ("ПІДСУМКИ 2022 РОКУ")
_DAYS_RANGE = r"(?<![\d.])(?=\d{1,2}\s*[-–—]\s*\d{1,2}\.\d{1,2}\.\d{2,4})"
_TITLE_PERIOD_START = re.compile(
    r"(?<!\w)(?:за|з|із|у|в|протягом|упродовж|впродовж|станом\s+на)\s+|(?<=,)\s+(?=\S+\s+\d{4})"
    r"|(?<=[·•|])\s*|(?<=підсумки)\s+"
    rf"|(?P<label>{_LABEL})\s*|{_DATE_RANGE}|{_DAYS_RANGE}", re.IGNORECASE)
# a label line saying the period ("Звітний період: І півріччя 2024 р.", "Період звітування – ІІ квартал"), prose or not
_PERIOD_LABEL = re.compile(_LABEL, re.IGNORECASE)
# the body sentence saying what the report is about ("… повідомляє про стан … станом на 1 січня 2026
# року", "Надаємо інформацію … за І квартал"): it says when as a title does
_ANNOUNCES = re.compile(r"\b(?:повідомля\w*|інформу\w*|(?:на|по)да\w*\s+(?:\w+\s+)?інформаці\w*)", re.IGNORECASE)
_DEPARTMENT = re.compile(r"\bпро\s+(?:роботу|діяльність)\s+(.+)", re.IGNORECASE | re.DOTALL)
_YEAR_ALONE = re.compile(r"(?<![\d./№\-])(19[5-9]\d|20[0-4]\d)(?![\d./\-])")
_NAME_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")


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
    snapshot: date | None = None  # the day of a "станом на …" report: stocks stand on it
    city_from: str = ""  # "text", "department" or "file name"
    unsure_name: str = ""  # a council or town name several places share, as written ("Долинської міської ради")
    notes: list[str] = field(default_factory=list)


def _find_period(text: str, starts: re.Pattern[str], year: int | None = None,
                 dated: date | None = None) -> tuple[Period, str] | None:
    """A period the text names after one of ``starts``; with ``dated`` (the day a text without any year
    was published), also one named without digits ("за третій квартал"), the last such before that day."""
    for m in starts.finditer(text):
        words = list(re.finditer(r"\S+", text[m.end():m.end() + 80]))[:7]
        for k in range(len(words), 0, -1):
            end = m.end() + words[k - 1].end()
            label = text[m.end("label") if "label" in starts.groupindex and m.group("label") else m.start():end].strip(" .,;:")
            if dated is not None and re.search(r"\d", label):
                continue  # (a label with digits was read, or refused, by the rules before this fallback)
            if dated is not None and _UNDATED_PERIOD.search(label):
                try:
                    period = parse_period(label, year=dated.year)
                    if period.start > dated:
                        period = parse_period(label, year=dated.year - 1)
                except PeriodError:
                    continue
                return period, label
            if not re.search(r"\d", label):
                continue
            try:
                period = parse_period(label, year=year)
            except PeriodError:
                continue
            return period, label
    return None


_UNDATED_PERIOD = re.compile(r"квартал|півріччя|місяц|січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листоп|груд",
                             re.IGNORECASE)


def _publication_date(sentences: list[Sentence]) -> date | None:
    """The first full date in the lines at the top (a post's or a letter's date), if any."""
    return next((d for s in sentences[:LETTERHEAD_LINES] for t in s.tokens
                 if t.mask == "date" and (d := _read_date(t.text)) is not None), None)


def text_year(text: str, name: str = "") -> int | None:
    """The year a report names most often on its own (not in a date or a number), else its file name's."""
    found = [int(y) for y in _YEAR_ALONE.findall(text)]
    if found:
        return max(set(found), key=lambda y: (found.count(y), y))
    in_name = _NAME_YEAR.findall(Path(name).stem) if name else []
    return int(in_name[0]) if in_name else None


def read_header(text: str, sentences: list[Sentence], name: str = "") -> Header:
    head = Header()
    if not sentences:
        return head
    # the title: the first sentence that says whose work it reports, past a letterhead ("УКРАЇНА",
    # "НІЖИНСЬКА МІСЬКА РАДА", an address) above it; else the first sentence
    first = next((s for s in sentences[:LETTERHEAD_LINES] if _DEPARTMENT.search(text[s.start:s.end])), sentences[0])
    head.title, head.title_line = text[first.start:first.end], first.line
    year = text_year(text, name)
    found = _find_period(head.title, _TITLE_PERIOD_START, year)
    for s in sentences[:LETTERHEAD_LINES]:  # "Довідка про … станом на 1 липня 2025 року": a heading of
        # the letterhead (no prose: no full stop) says when before the body does
        piece = text[s.start:s.end].rstrip()
        if found or s.bullet or (s.row and len(s.cells) != 2) \
                or (piece.endswith((".", ";", ":")) and not _PERIOD_LABEL.search(piece)):
            continue
        found = _find_period(piece, _TITLE_PERIOD_START, year)
    for s in sentences[1:]:
        if found:
            break
        piece = text[s.start:s.end]
        found = _find_period(piece, _TITLE_PERIOD_START if _ANNOUNCES.search(piece) else _PERIOD_START, year)
    if not found and year is None and (dated := _publication_date(sentences)) is not None:
        # "Новина від 05.10.2024" / "Підсумки роботи відділу за третій квартал": the quarter before that day
        for s in sentences[:LETTERHEAD_LINES]:
            if (found := _find_period(text[s.start:s.end], _TITLE_PERIOD_START, dated.year, dated)) is not None:
                break
    if found:
        head.period, head.period_label = found
        head.snapshot = snapshot_date(head.period_label, year)
    _read_city(head, text, first.end, name)
    _read_department(head, text)
    if head.place is None and head.city_problem is None:
        _city_elsewhere(head, name)
    return head


def _caps(text: str) -> str:
    """Words in capitals written as names ("КОЛОМИЙСЬКА МІСЬКА РАДА" -> "Коломийська Міська Рада"),
    abbreviations (up to 4 letters: "ВЦА") kept; the same length, so offsets hold."""
    return re.sub(r"\b[А-ЯІЇЄҐ][А-ЯІЇЄҐ’'ʼ]{4,}\b", lambda m: m[0][0] + m[0][1:].lower(), text)


def _small_word_before(text: str, at: int) -> bool:
    """Is the word before ``at`` written small ("організацій Лисичанська", not "Богдана Хмельницького")?"""
    words = re.findall(r"[^\W\d_][\w’'ʼ\-]*", text[max(0, at - 40):at])
    return bool(words) and words[-1][:1].islower()


def _council_place(adjective: str, tail: str, oblast: str | None = None) -> Place:
    """The place of "<adjective> <council words> [<oblast>]" in any case and gender ("Луцького
    міськвиконкому", "Прилуцький міський голова"): tried as written, then as "<adjective, feminine
    genitive> … ради"; with the oblast first when one is written."""
    kind = "селищної" if tail.lower().startswith("селищн") else "сільської" if tail.lower().startswith("сільськ") else "міської"
    stem = re.sub(r"(?:ої|а|ій|у|ою|ий|ого|ому|им|ім)$", "", adjective)
    tries = (f"{adjective} {tail}", f"{adjective} {kind} ради", f"{stem}ої {kind} ради")
    for text in ([f"{t} {oblast}" for t in tries] if oblast else []) + list(tries):
        try:
            return resolve_place(text).place
        except PlaceError as exc:
            error = exc
    if kind == "міської":  # a renamed city whose hromada the codifier still names the old way:
        name = re.sub(r"ськ\w*$", "", adjective)  # "Звягельської міської ради" -> Звягель
        # or whose name is itself the adjective: "Шептицької міської ради" -> Шептицький
        names = [name, f"{name}ь", f"{stem}ий"]
        for text in ([f"{n} {oblast}" for n in names] if oblast else []) + names:
            try:
                place = resolve_place(text).place
            except PlaceError:
                continue
            if place.level in "MK" and (place.name_uk.startswith(name) or place.name_uk == names[-1]):
                return place
    raise error


_CODE = re.compile(r"\bUA\d{17}\b")


def _read_city(head: Header, text: str, title_end: int, name: str = "") -> None:
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
    unsure: list[tuple[str, str]] = []  # councils whose name more than one place has
    scan = _caps(text)
    for pattern, weight in ((_COUNCIL, 3.0), (_TOWN, 1.0), (_LOOSE, 0.5)):
        for m in pattern.finditer(scan):
            phrase = text[m.start():m.end()] if pattern is _COUNCIL else m.group(1)
            if pattern is _LOOSE and (_NOT_BEFORE_LOOSE.search(scan[max(0, m.start() - 12):m.start()])
                                      or _AFTER_REGION.match(scan, m.end()) or not _small_word_before(scan, m.start())):
                continue
            try:
                if pattern is _COUNCIL:
                    place = _council_place(m.group(1), m.group(2), m.group(3))
                else:
                    place = _town(phrase)
                    if place.level not in "MK":
                        continue
            except PlaceError as exc:
                if pattern is _COUNCIL and " ".join(m.group(2).split()).lower().startswith(("міськ", "селищн", "сільськ")):
                    problems.append(exc)
                    unsure.append((m.group(1), m.group(2)))
                elif pattern is _TOWN and scan[m.start():m.start() + 2].lower() in ("м.", "мі"):
                    unsure.append((phrase, ""))  # "м. Південне": a town two oblasts have
                continue
            bonus = 2.0 if m.start() < title_end else 0.0
            scores[place.code] = scores.get(place.code, 0.0) + weight + bonus
            places[place.code] = place
            if pattern is _COUNCIL and re.match(r"(?:міськ|селищн|сільськ)\w*\s+рад", m.group(2), re.I):
                councils.setdefault(place.code, " ".join(phrase.split()))
    if scores:
        best = max(scores, key=lambda c: scores[c])
        head.place, head.council, head.city_from = places[best], councils.get(best, ""), "text"
    elif problems or unsure:
        place = _one_of(unsure, _oblasts_named(scan, name))
        remembered = [p for p in (remembered_place(f"{a} {t}".strip()) for a, t in unsure) if p is not None]
        if place is None and remembered:  # a person told this name apart before (etl.load.place_names)
            place = remembered[0]
        if unsure:
            head.unsure_name = " ".join(f"{unsure[0][0]} {unsure[0][1]}".split())
        if place is not None:
            head.place, head.city_from = place, "text"
            head.council = " ".join(f"{unsure[0][0]} {unsure[0][1]}".split())
        elif problems:
            head.city_problem = (problems[0].message_uk, problems[0].message_en)


_OBLAST = re.compile(
    r"\b([А-ЯІЇЄҐ][а-яіїєґ’'ʼ\-]+(?:ськ|цьк|зьк)(?:ої|а|ій|у))\s+(?:област\w*|обл\.|обласн\w*|облдерж\w*|облвійськ\w*|облрад\w*|ОДА|ОВА)")


def _oblasts_named(text: str, name: str) -> list[str]:
    """The oblasts a report names anywhere ("Миколаївської обласної військової адміністрації",
    "Івано-Франківська обл."), then its file name's place's: what tells apart two councils of one name."""
    found = [f"{re.sub(r'(?:ої|а|ій|у)$', '', m[1])}ої області" for m in _OBLAST.finditer(text)]
    if (place := _file_place(name)) is not None and place.oblast_uk:
        found.append(f"{place.oblast_uk} область")
    return list(dict.fromkeys(found))


def _one_of(unsure: list[tuple[str, str]], oblasts: list[str]) -> Place | None:
    """The one place the text's councils name within an oblast the text (or its file name) names."""
    hits: dict[str, Place] = {}
    for adjective, tail in unsure:
        for oblast in oblasts:
            try:
                place = _council_place(adjective, tail, oblast) if tail else resolve_place(f"{adjective} {oblast}").place
            except PlaceError:
                continue
            hits[place.code] = place
    return next(iter(hits.values())) if len(hits) == 1 else None


def _town(phrase: str) -> Place:
    """ "Жовті Води", else its first word ("Ніжині Чернігівської" -> Ніжин)."""
    try:
        return resolve_place(phrase).place
    except PlaceError:
        if " " not in phrase.replace("\u00a0", " "):
            raise
        return resolve_place(re.split(r"[ \u00a0]+", phrase)[0]).place


def _city_elsewhere(head: Header, name: str) -> None:
    """No city in the text: the place whose registered department the title names, else the file name's."""
    dept = head.department
    if dept:
        try:
            registry = Registry.load()
        except (RegistryError, OSError, ValueError):
            registry = None
        if registry is not None:
            good = ("canonical", "spelling", "alias", "word_forms")
            hits = {d.place for d in registry.departments.values()
                    if registry.resolve(dept, d.place).how in good}
            if len(hits) == 1:
                try:
                    head.place, head.city_from = resolve_place(hits.pop()).place, "department"
                    return
                except PlaceError:
                    pass
    if (place := _file_place(name)) is not None:
        head.place, head.city_from = place, "file name"


def _file_place(name: str) -> Place | None:
    """The city a file name names ("dolyna_comms_2021_h2.txt"), if one."""
    words = [w for w in re.split(r"[\W_\d]+", Path(name).stem) if len(w) >= 3] if name else []
    for n in (2, 1):
        for i in range(len(words) - n + 1):
            try:
                place = resolve_place(" ".join(words[i:i + n])).place
            except PlaceError:
                continue
            if place.level in "MK":
                return place
    return None


def _read_department(head: Header, text: str) -> None:
    """The department (``etl.reports.department``), with the council's name in the genitive after it."""
    dept = department_in(text, head.title, LETTERHEAD_LINES)
    if dept and head.council and not re.search(r"(?:міськ|селищн|сільськ)\w*\s+рад", dept):
        dept = f"{dept} {_genitive_council(head.council)}"
    head.department = dept


def _genitive_council(council: str) -> str:
    """ "Трускавецька міська рада", "ТРУСКАВЕЦЬКА МІСЬКА РАДА" -> "Трускавецької міської ради"; a
    genitive stays as written."""
    if council.isupper():
        council = re.sub(r"[А-ЯІЇЄҐ’'ʼ]+", lambda w: w[0][0] + w[0][1:].lower(), council)
        council = re.sub(r"\s(?:Міськ|Селищн|Сільськ|Рад)", lambda w: w[0].lower(), council)
    m = re.fullmatch(r"(\S+?)(а|ій|у|ою)\s+(міськ|селищн|сільськ)(?:а|ій|у|ою)\s+рад(?:а|і|у|ою)", council)
    return f"{m[1]}ої {m[3]}ої ради" if m else council


def _dates_after_na(s: Sentence, year: int | None = None) -> list[tuple[int, date]]:
    out = []
    for j, t in enumerate(s.tokens):
        if t.kind == "mask" and t.mask == "date" and j and s.tokens[j - 1].low == "на":
            d = _read_date(t.text, year)
            if d is not None:
                out.append((j, d))
    return out


def stock_as_of(s: Sentence, pos: int, year: int | None = None) -> date | None:
    """The date a stock figure at token ``pos`` of sentence ``s`` stands on, if the text gives it (a date
    without its year, "на 30 листопада", in ``year``: the report's)."""
    def bracket(j: int) -> tuple[int, int] | None:  # the closed brackets around token j
        o = max((i for i in range(j) if s.tokens[i].text in "()"), default=None)
        if o is None or s.tokens[o].text != "(":
            return None
        c = next((i for i in range(j, len(s.tokens)) if s.tokens[i].text in "()"), None)
        return (o, c) if c is not None and s.tokens[c].text == ")" else None

    # "156 організацій (на 01.01.2025 – 149), 41 релігійна громада": a bracket's date is its own
    dates = [(j, d) for j, d in _dates_after_na(s, year) if (b := bracket(j)) is None or b[0] < pos < b[1]]
    before = [d for j, d in dates if j < pos]
    if before:
        return before[-1]
    if dates:
        return dates[0][1]
    if s.lead_in is not None:
        lead = _dates_after_na(s.lead_in, year)
        if lead:
            return lead[-1][1]
    return None


def heading_row(s: Sentence) -> bool:
    """Is this table row its table's heading ("Показник | 2024 | 2025", "№ з/п | Показник | Кількість")?"""
    return s.table_row is not None and s.table_row.heading


def column_of(s: Sentence, pos: int, year: int | None = None, report: Period | None = None) -> date | Period | str | None:
    """What heads the column of token ``pos`` of a table row (``etl.reports.tables.column_heading``):
    a date or a period ("Показник | 01.01.2025 | 01.07.2025", "І квартал", "листопад 2018"),
    REPORT_PERIOD ("Разом", "Кількість"), or None (no heading, or one that names no period).
    ``year``: the report's, for a heading without one ("І квартал", "січень"); ``report``: its period,
    for "Попередній рік"."""
    if not s.cells or not s.column_heads:
        return None
    at = s.tokens[pos].start
    k = next((i for i, (a, b) in enumerate(s.cells) if a <= at < b), None)
    if k is None or k == 0 or k >= len(s.columns) or s.columns[k] == 0:
        return None
    heading = s.column_heads.get(s.columns[k])
    return column_heading(heading, year, report) if heading else None
