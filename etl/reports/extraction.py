"""Narrative reports to figures: the library behind ``python -m etl extract`` and ``load`` of
.txt, .docx, .doc, .pdf and .html reports.

``extract_report(path)`` reads a report (``etl.reports.text``), finds who reports and when
(``etl.reports.header``) and every figure (``etl.reports.finder``), and returns an ``ExtractionReport``:
the ground-truth JSON of the development set (``as_json``), warehouse figures whose locator is
their sentence (``to_figures``), and problems that name the file and the line. Rules added here:

* A stock takes the date it stands on from its sentence ("станом на 01.10.2019"); a flow has none.
* A figure whose words name another period ("у квітні – 41", "січень – 31", "у ІІІ кварталі
  надійшло 281", "(у 2023 році – 5 917)") has that period (``etl.reports.figure_period``: a part
  of the report's period, or one before it); a month's gets the breakdown "місяць: квітень". It is
  never added to the report's total.
* A snapshot report ("станом на 1 січня 2023 року") gives its stocks that date when their sentence
  names none.
* A table's cell takes the period or date its column heading names, or its row's when the rows are
  periods ("І квартал", "листопад 2018", "станом на 01.07.2025", "Січень | 40";
  ``etl.reports.tables``): a stock that date, a flow that period when it is not the report's.
* The same figure found twice (same metric, value, date and breakdown) is kept once, and so is one the
  text states and a table repeats (the text's words kept: "надійшло 612 звернень" / "Надійшло | 612"). Two values of
  one metric in one report that are not total and part ("у Facebook – 398 дописів, у Telegram –
  455") each get the words that tell them apart as their breakdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from activity.catalog import get_metric
from activity.months import MONTH_NAMES_UK
from activity.morph import nominative, word_info
from activity.periods import Period, month_period
from activity.places import Place
from etl.figures import REPORTED, Figure, Given, as_written
from etl.problems import ERROR, MESSAGES, WARNING, Problem
from etl.reports.figure_period import MONTHS, figure_period
from etl.reports.finder import find_figures
from etl.reports.found import Found
from etl.reports.header import Header, column_of, read_header, stock_as_of
from etl.reports.lexicon import is_stop_word
from etl.reports.tables import row_period
from etl.reports.text import read_report_text
from etl.reports.tokens import split_sentences
from etl.sheets.readers import ReadError

LOW_CONFIDENCE = 0.6
MAX_UNMATCHED = 20

MESSAGES.update({
    "report_no_city": (
        "Місто не знайдено: у звіті немає назви ради чи міста з кодифікатора, наприклад «Ніжинської "
        "міської ради» (рядок {line}: «{text}»).",
        "City not found: the report names no council or city of the codifier, e.g. 'Ніжинської "
        "міської ради' (line {line}: '{text}').",
    ),
    "report_city": ("{detail} (рядок {line})", "{detail} (line {line})"),
    "report_city_given": (
        "Звіт називає місто «{found}» (рядок {line}), а вибрано «{given}». Виправте одне з них.",
        "The report names the city '{found}' (line {line}) but '{given}' was chosen. Correct one of them.",
    ),
    "report_no_period": (
        "Звітний період не знайдено: заголовок має містити, наприклад, «за березень 2021 року» або "
        "«за ІІІ квартал 2019 року» (рядок {line}: «{text}»).",
        "Report period not found: the title should say e.g. 'за березень 2021 року' or 'за ІІІ "
        "квартал 2019 року' (line {line}: '{text}').",
    ),
    "report_no_department": (
        "Підрозділ не знайдено: заголовок має бути на кшталт «Звіт про роботу відділу … за березень "
        "2021 року» (рядок {line}: «{text}»).",
        "Department not found: the title should read like 'Звіт про роботу відділу … за березень "
        "2021 року' (line {line}: '{text}').",
    ),
    "report_no_figures": (
        "У звіті не знайдено жодного показника з каталогу.",
        "No catalog figure was found in the report.",
    ),
    "report_unmatched": (
        "Число {number} (рядок {line}) не віднесено до жодного показника: «{sentence}».",
        "The number {number} (line {line}) was not matched to any metric: '{sentence}'.",
    ),
    "report_unsure": (
        "Перевірте: «{metric}» = {value} (рядок {line}, впевненість {confidence}): «{sentence}».",
        "Please check: '{metric}' = {value} (line {line}, confidence {confidence}): '{sentence}'.",
    ),
})


@dataclass
class ReportFigure:
    code: str
    value: int
    kind: str
    as_of: date | None
    sentence: str
    line: int
    approximate: bool = False
    confidence: float = 0.0
    breakdown: str | None = None
    at: int = 0  # where the number starts in the sentence (characters), for highlighting
    period: Period | None = None  # a month inside a longer report; None: the report's period


@dataclass
class ExtractionReport:
    name: str
    place: Place | None = None
    department: str = ""
    period: Period | None = None
    period_label: str = ""
    figures: list[ReportFigure] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    shared_name: str = ""  # a council or town name the text gives that several places share

    @property
    def ok(self) -> bool:
        return not any(p.severity == ERROR for p in self.problems)

    def as_json(self) -> dict:
        """One report in the ground-truth format (city, city_uk, department_uk, period, metrics)."""
        p = self.period
        return {
            "source": self.name,
            "city": self.place.name_en if self.place else None,
            "city_uk": self.place.name_uk if self.place else None,
            "city_code": self.place.code if self.place else None,
            "department_uk": self.department or None,
            "period": {"granularity": p.granularity, "start": p.start.isoformat(), "end": p.end.isoformat(),
                       "label_uk": self.period_label} if p else None,
            "metrics": [{
                "code": f.code, "value": f.value, "kind": f.kind,
                "as_of": f.as_of.isoformat() if f.as_of else None, "sentence": f.sentence,
                **({"breakdown_uk": f.breakdown} if f.breakdown else {}),
                **({"period": {"granularity": f.period.granularity, "start": f.period.start.isoformat(),
                               "end": f.period.end.isoformat()}} if f.period else {}),
                "approximate": f.approximate, "confidence": f.confidence,
            } for f in self.figures],
            "problems": [pr.as_dict() for pr in self.problems],
        }

    def to_figures(self) -> list[Figure]:
        """Warehouse figures (locator = the sentence); empty when the city or period is missing. With no
        department named, their department is "" (the loader asks: etl.load.departments)."""
        if not (self.place and self.period):
            return []
        dept = as_written(self.department) if self.department else ""
        return [Figure(self.place.code, dept, f.code, f.period or self.period, float(f.value), REPORTED, f.as_of,
                       f.approximate, f.breakdown, f.sentence) for f in self.figures]


def _sentence_text(text: str, f: Found) -> tuple[str, int]:
    """The figure's sentence, verbatim, and where its number starts in it."""
    raw = text[f.sentence.start:f.sentence.end]
    lead = len(raw) - len(raw.lstrip())
    return raw.strip(), max(0, f.sentence.tokens[f.pos].start - f.sentence.start - lead)


def _row_label(text: str, f: Found) -> str:
    a, b = f.sentence.cells[0]
    return text[a:b]


def _tell_apart(found: list[Found]) -> None:
    """Give figures of one metric that are neither total nor part what tells them apart: their
    own nouns when these differ ("5 пресконференцій та один брифінг"), else the words after the
    noun ("засідань сесії" / "засідань виконкому"), else the other words ("у Facebook")."""
    groups: dict[tuple, list[Found]] = {}
    for f in found:
        if f.total is None and f.breakdown is None:
            groups.setdefault((f.code, f.as_of), []).append(f)
    for group in groups.values():
        if len({f.value for f in group}) < 2:
            continue
        heads = [min(f.head) if f.head_pos is not None else "" for f in group]
        if all(heads) and len(set(heads)) == len(heads):
            for f in group:
                f.breakdown = nominative(f.head_text)
            continue
        for f in group:
            a, b = f.span
            tail = [j for j in range(max(f.pos, f.head_pos or 0) + 1, b)]
            near = tail if any(f.sentence.tokens[j].kind == "word" for j in tail) else range(a, b)
            words = [f.sentence.tokens[j].text for j in near
                     if f.sentence.tokens[j].kind == "word" and j != f.head_pos and not f.lead <= j <= f.pos
                     and not (word_info(f.sentence.tokens[j].text).verb and not word_info(f.sentence.tokens[j].text).noun)]
            while words and is_stop_word(words[-1].lower()):
                words.pop()
            f.breakdown = " ".join(words) or None


def _restated_headings_once(found: list[Found]) -> list[Found]:
    """A section heading's count ("1. ЗВЕРНЕННЯ ГРОМАДЯН (412)") that the text states again ("надійшло 412
    звернень") is read once, from the text."""
    def titled(f: Found) -> bool:
        return f.sentence.table_row is not None and f.sentence.table_row.titled

    return [f for f in found if not (titled(f) and any(not titled(g) and g.code == f.code and g.value == f.value
                                                       and g.total is None for g in found))]


def _own_period(f: Found, found: list[Found], period: Period | None) -> Period | None:
    """The period a figure's own words name (``etl.reports.figure_period``), the sentence's previous
    figure bounding how far back they are looked for."""
    if get_metric(f.code).is_stock:
        return None  # a stock stands on a date (its "станом на"), never over a period
    previous = max((g.pos for g in found if g.sentence is f.sentence and g.pos < f.lead), default=-1)
    return figure_period(f.sentence.tokens, f.lead, f.pos, f.span, previous, period)


_MONTH_LEAD = re.compile(r"^\s*(?:[уУвВ]\s+)?([А-ЯІЇЄҐа-яіїєґ’']+)(?:\s+(\d{4})(?:\s*(?:року|р\.?))?)?\s*(?:[.:–—-]|$)")


def _month_sections(text: str, period: Period | None) -> dict[int, Period]:
    """The lines a month names for a report longer than a month: a line that is the month alone
    ("КВІТЕНЬ", "У травні:") names the lines after it up to a blank line or the next heading; a line
    opening with the month and a full stop, colon or dash ("Жовтень. Відділом підготовлено …") names
    itself. Only a month inside the report's period counts; a figure with a period of its own keeps it."""
    if period is None or period.granularity == "month":
        return {}
    out: dict[int, Period] = {}
    current: Period | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        words = line.strip()
        if not words:
            current = None
            continue
        m = _MONTH_LEAD.match(words)
        month = MONTHS.get(m[1].lower()) if m else None
        after = re.match(r"\s*([А-ЯІЇЄҐа-яіїєґ’']+)", words[m.end():]) if m else None
        if after and after[1].lower() in MONTHS:
            month = None  # "Січень–березень: 120": a range of months, not one
        inside = None
        if month is not None:
            for year in ([int(m[2])] if m[2] else range(period.start.year, period.end.year + 1)):
                mp = month_period(year, month)
                if period.start <= mp.start and mp.end <= period.end:
                    inside = mp
                    break
        alone = m is not None and m.end() >= len(words.rstrip(" .:–—-"))
        if inside is not None and alone:
            current = inside  # a heading: the lines below are the month's
            continue
        if inside is not None:
            out[number] = inside  # "Жовтень. …": this line is the month's
            continue
        if not re.search(r"\d", words) and not words.endswith((".", ";", ",")):
            current = None  # "ПІДСУМКИ КВАРТАЛУ": another heading ends the month's lines
            continue
        if current is not None:
            out[number] = current
    return out


def extract_text(text: str, name: str = "", given: Given | None = None) -> ExtractionReport:
    """Everything a report's text says: who, when and every figure (see module doc). `given`: the
    city of a report that names none (--city, the review page's choice); one naming another is an
    error."""
    sentences = split_sentences(text)
    head = read_header(text, sentences, name)
    conflict = _given_city(head, given)
    report = ExtractionReport(name, head.place, head.department, head.period, head.period_label,
                              shared_name=head.unsure_name)
    found, unmatched = find_figures(sentences, head.title)
    found = _restated_headings_once(found)
    months = {id(f): _own_period(f, found, head.period) for f in found}
    for f in found:
        stock = get_metric(f.code).is_stock
        year = head.period.end.year if head.period else None
        f.as_of = (stock_as_of(f.sentence, f.pos, year) or head.snapshot) if stock else None
        column = column_of(f.sentence, f.pos, year, head.period) if f.sentence.row else None  # "Показник | 01.01.2025 | 01.07.2025"
        if isinstance(column, Period):
            if stock:
                f.as_of = column.end
            elif column != head.period:
                months[id(f)] = column
        elif isinstance(column, date) and stock:
            f.as_of = column
        if f.sentence.row and f.sentence.cells and (row := row_period(_row_label(text, f), year)) is not None:
            if stock:  # "Січень | 40": a table whose rows are periods
                f.as_of = row.end
            elif row != head.period:
                months[id(f)] = row
    for f in [f for f in found if f.how == "compared" and months[id(f)] is None and not (
            f.as_of is not None and head.period is not None and f.as_of < head.period.end)]:
        found.remove(f)  # "проти 190 у 2025 році" in that year's report: no earlier period, no figure of its own
        # (a stock on an earlier date stays: "має 3 640 підписників (на 24.02.2022 було близько 900)")
        unmatched.append((f.sentence, f.sentence.tokens[f.pos]))
    sections = _month_sections(text, head.period)
    for f in found:  # "КВІТЕНЬ" over a paragraph, "Жовтень. Відділом підготовлено …": that month's
        if months[id(f)] is None and not get_metric(f.code).is_stock and f.sentence.line in sections:
            months[id(f)] = sections[f.sentence.line]
    for f in found:
        if months[id(f)] is not None and months[id(f)].granularity == "month":
            f.breakdown = f"місяць: {MONTH_NAMES_UK[months[id(f)].start.month - 1]}"
    _tell_apart([f for f in found if months[id(f)] is None])
    seen: set[tuple] = set()
    # "надійшло 612 звернень громадян" … "Надійшло звернень | 555 | 612": a table that repeats the text's figures
    said = {(f.code, f.value, f.as_of, months[id(f)]) for f in found if not f.sentence.row}
    for f in found:
        key = (f.code, f.value, f.as_of, f.breakdown, months[id(f)])
        if key in seen or (f.sentence.row and f.breakdown is None and key[:3] + key[4:] in said):
            continue  # (a row that tells a kind apart, "представники ЗМІ | 2", is a figure of its own)
        seen.add(key)
        sentence, at = _sentence_text(text, f)
        report.figures.append(ReportFigure(f.code, f.value, get_metric(f.code).kind, f.as_of, sentence,
                                           f.sentence.line, f.approximate, f.confidence, f.breakdown, at,
                                           months[id(f)]))
    _problems(report, head, text, unmatched)
    if conflict:
        report.problems.insert(0, Problem(ERROR, "report_city_given", name, params=conflict))
    return report


def _given_city(head: Header, given: Given | None) -> dict | None:
    """Take the chosen city when the text names none; the parameters of the error when it names another."""
    if given is None or given.city is None:
        return None
    from activity.places import get_place

    chosen = get_place(given.city)
    if head.place is None:
        head.place, head.city_problem = chosen, None
        return None
    if head.place.code == chosen.code:
        return None
    return {"found": head.place.name_uk, "given": chosen.name_uk, "line": head.title_line,
            "found_en": head.place.name_en, "given_en": chosen.name_en}


def _problems(report: ExtractionReport, head: Header, text: str, unmatched: list) -> None:
    def add(severity: str, key: str, **params: object) -> None:
        report.problems.append(Problem(severity, key, report.name, params=params))

    title = " ".join(head.title.split())[:160]
    if head.place is None and head.city_problem:
        add(ERROR, "report_city", detail=head.city_problem[0], detail_en=head.city_problem[1], line=head.title_line)
    elif head.place is None:
        add(ERROR, "report_no_city", line=head.title_line, text=title)
    if head.period is None:
        add(ERROR, "report_no_period", line=head.title_line, text=title)
    if not head.department:
        add(ERROR, "report_no_department", line=head.title_line, text=title)
    if not report.figures:
        add(ERROR, "report_no_figures")
    for s, token in unmatched[:MAX_UNMATCHED]:
        add(WARNING, "report_unmatched", number=token.text, line=s.line, sentence=text[s.start:s.end].strip()[:200])
    for f in report.figures:
        if f.confidence < LOW_CONFIDENCE:
            add(WARNING, "report_unsure", metric=get_metric(f.code).label_uk, value=f.value, line=f.line,
                confidence=f"{f.confidence:.2f}".replace(".", ","), sentence=f.sentence[:200])


def extract_report(path: str | Path, display_name: str | None = None, given: Given | None = None) -> ExtractionReport:
    """Read and extract one report (any of etl.reports.text.REPORT_EXTS); read failures come back as problems."""
    path = Path(path)
    name = display_name or path.name
    try:
        text = read_report_text(path, name)
    except ReadError as exc:
        return ExtractionReport(name, problems=[exc.problem])
    return extract_text(text, name, given)


def report_figures(path: str | Path, display_name: str | None = None,
                   given: Given | None = None) -> tuple[list[Figure], list[Problem]]:
    """Figures and problems of a report, for ``etl.load.parse.parse_file``. A report naming no
    department is left to the loader, as a workbook naming none is (etl.load.departments: the city's
    only department, --department, or the upload page's question)."""
    report = extract_report(path, display_name, given)
    return report.to_figures(), [p for p in report.problems if p.key != "report_no_department"]
