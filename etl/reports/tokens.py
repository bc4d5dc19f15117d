"""A report's text as sentences of tokens, with the numbers that are never figures masked out.

* Lines: a bullet at the start of a line ("(", "·", "-", "–", "•", a Wingdings private-use
  character, "1.", "2)") is dropped and the line becomes a list item; a line that ends without
  punctuation runs on into the next one when that one starts with a small letter or a digit (a
  Word export that broke "…опубліковано" / "447 новин…"), except a "label – number" line after a
  line ending with ":" or after another such line ("з них від:" / "фізичних осіб – 24" /
  "юридичних осіб – 6"): a list pasted without its bullets, each line an item. A line ending with
  ":" introduces the list items after it (their *lead-in*), and so does a heading with no number and
  no punctuation at its end right above items ending with ";" ("Розподіл громад за конфесіями" /
  "… – 14;"): it is read as if it ended with ":". A subsection's number ("2.2.1. Загалом …") and an
  answer's label ("Відповідь: 52, з них …") are dropped too, but their line is no list item. In text
  broken at a fixed width (an e-mail) a line ending with ":" or ";" runs on too, unless the next one
  is a "label – number" item.
* Tables written as text (``etl.reports.tables``: cells split by "|", tabs or aligned with spaces):
  each row is a line of its own (never joined), its row number dropped, a dash ("|") between its
  cells, and a sub-row ("у т. ч. письмових | 59", indented, "1.1") has the row above as its
  lead-in (a part of it). The rows of a table with no heading row under a line ending with ":"
  ("Соцмережі – 116 дописів:" / "Facebook ...... 41" / "Telegram ...... 57") all have that line as
  their lead-in.
* A number said again in brackets ("96 (дев’яносто шість)", "двох (2)") is read once: the bracket
  is dropped; so are the brackets of a count written "(38)" where a bare number would stand
  ("зареєстровано (38) громадських об’єднань", "церкви – (3)"). A note in brackets that opens with a
  preposition between a label and its dash ("усних (на особистих прийомах, по телефону) — 62") and an
  aside between commas that opens with "з урахуванням", "як і раніше", "за інформацією" … (``ASIDE_OPENERS``)
  are dropped: they say how or where, never what is counted.
* Sentences end at ".", "!" or "?" before a capital letter, a quote or a digit, except after
  abbreviations ("м.", "вул.", "ім.", initials) and at the end of a logical line.
* Masked, so they are never figures: dates, date ranges and lists ("01.10.2019", "01-02.07.2019", "8, 15 та 29 жовтня",
  "01.07", "25 жовтня 2020", "з 1 по 7 листопада"), years ("2017 рік", "1932–1933 років", a year after a date, a month
  or a quarter), law and decision numbers ("№ 2704-VIII", "№ 88–95", "Постанови КМУ 835"), phone numbers,
  addresses ("вул. Гоголя, 15"), references ("у таблиці 1", "додатку 2", "статті 20"), percentages, ordinals ("76-ї", "76- річниці", "5-ї"), compound words ("60-денний"), numbers
  glued to Latin letters ("COVID-19"), periods ("за 9 місяців"), times, durations ("до 20 робочих днів", "1,3 дня"),
  ages and spans of years ("молодь до 35 років", "від 14 до 35 років", "понад 5 років"),
  sums of money, file names ("nizhyn_2021.xlsx"), references to a table or an appendix ("у таблиці 1",
  "додаток 2").
* A word broken by a hyphen at a line end ("від-" / "мовлено", text pasted from a PDF) is one token; a
  running header said again with each page's number and bare page numbers that count up are dropped.
* A share with its count in brackets ("– 29 % (113)") is the count alone.
* Footnote marks ("особи¹", "документів*", "– 6***") leave the text; the token they follow keeps them
  (``Token.note``), and a line that opens with a mark the text uses so ("* з них 26 – повторні") is that
  footnote (``Sentence.note_of``): the figure finder reads it as words about the marked figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from activity.months import MONTH_NAMES_UK, MONTH_NAMES_UK_GENITIVE, MONTH_NAMES_UK_LOCATIVE
from activity.morph import number_word, word_info
from activity.numbers import DIGIT_GROUP
from activity.wordings import SHORT_WORDS
from etl.reports.lexicon import ASIDE_OPENERS, UNITS_AFTER_NUMBERS
from etl.reports.tables import Row, find_rows

_GEN = "|".join(MONTH_NAMES_UK_GENITIVE)
_ANY_MONTH = "|".join(MONTH_NAMES_UK + MONTH_NAMES_UK_GENITIVE + MONTH_NAMES_UK_LOCATIVE)
_SP = r"[ \u00a0\u202f\u2009]"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_YEAR_WORD = r"(?:р\.|рр\.|р\b|рік\w*|рок[уиіоа]\w*|році)"

MASKS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(p, re.IGNORECASE)) for kind, p in (
    ("file", r"[\w\-.]+\.(?:xlsx|xlsm|xls|ods|csv|docx|doc|pdf|txt|html?)\b"),
    ("address", r"(?:\bвул\.|\bвулиц[яі]\b|\bпросп\.|\bпроспект\w*|\bпров\.|\bпровулок\b|\bбульв\.|\bбульвар\w*|\bпл\.)\s*[^\d;()\n«»“”–—]{1,60}?\d+[\w/\-]*"),
    ("phone", r"(?:тел\.?|телефон\w*|моб\.?)\s*:?\s*\+?\(?\d(?:[\s\-()]{0,2}\d){4,}|\(\d{3,5}\)\s*\d[\d\-]{4,}\d|\b\d{1,3}-\d{2}-\d{2}\b"),
    ("law", r"№\s*[\w/\-]+(?:\.[\w/\-]+)*(?:[–—]\d+\b)?"),  # "№ 88–95": a range of numbers
    ("reference", r"\b(?:таблиц|додат|граф[аиіу]\b|колон|стовп|рядк|рядок)\w*\s+\d+(?:\.\d+)*\b"),
    ("reference", r"(?<![^\W\d_])[рР]\.\s?\d{2,3}\b"),  # "Р.070 за тематикою": a form's row
    ("reference", r"(?<![^\W\d_])[рР]\.\s?\d(?=\s*[)+,;])"),  # "(р. 4)", "(р. 1 + р. 2 + р. 3)": a table's row
    ("reference", r"\b(?:ч\.|частин\w*)\s*\d+(?=\s*(?:ст\.|статт))"),  # "відповідно до ч. 3 ст. 22 Закону"
    ("date", rf"\b\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\.\d{{1,2}}(?:\.(?:\d{{4}}|\d{{2}}))?(?:{_SP}+{_YEAR}\b)?(?!\d)(?!\.\d)"),
    ("date", r"\b\d{4}-\d{2}-\d{2}\b"),
    ("date", rf"\b\d{{1,2}}\s+(?:по|до)\s+\d{{1,2}}\s+(?:{_GEN})(?:\s+{_YEAR})?\b"),
    # "(8, 15 та 29 жовтня)": days listed before the month they share
    ("date", rf"\b\d{{1,2}}(?:\s*,\s*\d{{1,2}})*\s+(?:та|і|й)\s+\d{{1,2}}\s+(?:{_GEN})(?:\s+{_YEAR})?\b"),
    ("date", rf"\b\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+(?:{_GEN})(?:\s+{_YEAR})?\b"),
    ("law", r"\b(?:постанов|закон|указ|наказ|кму)\w*(?:\s+(?-i:[А-ЯІЇЄҐA-Z]{2,}))?\s+\d+(?:/\d+)?\b"),
    ("address", r"\b(?:буд|каб|кім|кімн|оф|офіс|корп)\.?\s*\d+[\w/\-]*"),
    ("address", r"\b\d{5}(?=,?\s*(?:м\.|місто\b|смт\b|с\.|[А-ЯІЇЄҐ][а-яіїєґ’']+\s+обл))"),  # a postcode
    ("reference", r"\b(?:таблиц[яіюе]\w*|табл\.|додат(?:ок|ку|ка|ки)|розділ(?:і|у)?|рис\.|рисун(?:ок|ку)|статт[іяею]\w*"
                  r"|ст\.|пункт(?:і|у|ом)?|п\.|підпункт\w*|пп\.)\s*\d+(?:\.\d+)*(?!\s*(?:[–—-]\s*)?\d)"),
    ("year", rf"\b{_YEAR}(?:\s*[-–—]\s*{_YEAR})?(?=\s*{_YEAR_WORD})"),
    # "(2024 – 390)", "у 2023 – 351": a year's label
    ("year", rf"(?:(?<=\()|(?<=\(\s)|(?<=[,;]\s)|^|(?<=\b[уУвВ]\s)|(?<=\b[зЗ]а\s)){_YEAR}(?=\s*[–—:-]\s*\d)"),
    ("year", rf"\b(?:{_ANY_MONTH}|квартал\w*|кв\.|півріччя|рік|року|році)\s+(?P<x>{_YEAR})\b"),
    ("percent", rf"\d+(?:[.,]\d+)?{_SP}*(?:%|відс\w*)"),
    ("ordinal", r"\b\d+-(?:\s|[а-яіїєґ]{1,3}\b)"),
    # "пленарного засідання 62 сесії міської ради 8 скликання": which session and convocation, no count
    ("ordinal", r"\b(?P<x>\d{1,2})\s+скликан\w+"),
    ("ordinal", r"\b(?:засіданн\w*|рішен\w*|на|у|в)\s+(?:пленарн\w+\s+засіданн\w+\s+)?(?P<x>\d{1,3})\s+"
                r"(?:позачергов\w+\s+|чергов\w+\s+)?сесі[їя]\b"),
    ("compound", r"\b\d+-[а-яіїєґ’]{4,}"),  # "60-денний строк", "3-річна програма": a word, not a count
    ("name", rf"(?<=[^\W\d_])[-–]{_YEAR}\b"),  # "бюджет участі-2026", "Громадський бюджет–2025": a name's year
    ("latin", r"[A-Za-z]+-?\d+|\d+[A-Za-z]+"),
    ("time", r"\b\d{1,2}:\d{2}\b"),
    # "ГОЛОСУВАЛИ: «за» – 14, «проти» – 0", "(за – 9)": a vote's tally, no count of work done
    ("vote", r"(?<![\w-])[«\"“]?(?:за|проти|утримал\w*|утрималис[ья]|не\s+голосувал\w*)[»\"”]?\s*[–—:-]\s*\d+(?![\d.,]\d)"),
    ("duration", r"\b\d{1,3}(?:,\d+)?\s+(?:робоч\w+\s+|календарн\w+\s+)?(?:днів|дні|дня|день)\b"),
    ("age", r"\b(?:(?:від|з)\s+\d{1,3}\s+)?до\s+\d{1,3}\s+(?:років|року|рр?\.)|\b\d{1,3}\s*[-–]\s*\d{1,3}\s+років"),
    ("years", r"\b\d{1,3}\s+(?:років|роки)\b"),  # an age or a span ("молодь до 35 років", "понад 5 років")
    ("period", r"(?<=\b[зЗ]а\s)\d{1,2}\s+місяц\w*"),  # "за 9 місяців 2021 року"
    ("money", rf"\d[\d{_SP[1:-1]},.]*\s*(?:тис\.?\s*|тисяч[іа]?\s+|мільйон\w*\s+|мільярд\w*\s+)?"
              r"(?:грн|гривень|гривні|гривня|₴|млн|млрд|доларів|євро)"),
))  # fmt: skip

_BULLET = re.compile(r"^[ \t\u00a0]*(?:[(·•▪●◦*\-–—]|[\uf000-\uf0ff]|\d{1,2}[.)](?!\d))[ \t\u00a0]+")
# "2.2.1. Загалом …": a subsection's number, dropped; the line is no list item (it ends the list before it)
_SECTION_NUMBER = re.compile(r"^[ \t\u00a0]*\d{1,2}(?:\.\d{1,2}){1,3}\.?[ \t\u00a0]+"
                             r"|^[ \t\u00a0]*(?:Відповідь|ВІДПОВІДЬ|Відп\.)[ \t\u00a0]*[:–—-][ \t\u00a0]*")  # "Відповідь: 52, з них …"
# "юридичних осіб – 6", "надано роз'яснення: 4": a line that is one label and its number (a list pasted
# without bullets); the label starts with a letter, the number ends the line
_ITEM_LINE = re.compile(r"^[^\W\d_][^\n–—:]{0,80}?[ \t\u00a0]*(?:[–—:]|[ \t\u00a0]-)[ \t\u00a0]*\d[\d \u00a0\u202f]*[;,.]?[ \t\u00a0]*$")
_ABBREVIATIONS = {"м", "вул", "просп", "пров", "ім", "с", "смт", "буд", "каб", "тел", "бульв", "пл",
                  "обл", "ст", "п", "т", "ч", "кв", "оф", "корп", "шт", "напр", "див", "тис", "грн", "млн"}
_SENTENCE_END = re.compile(r"[.!?]+(?=\s+[«\"“A-ZА-ЯІЇЄҐ\d(])")
_TOKEN = re.compile(
    rf"(?P<num>\d{{1,3}}(?:{DIGIT_GROUP}\d{{3}})+(?![\d.,]\d)|\d+(?:[.,]\d+)?)"
    r"|(?P<word>(?<!\w)т\.\s?ч\.?(?!\w)|(?<![^\W\d_])[IVXІ]{1,4}кв\.|(?<=[IVXІ] )кв\."  # "у т.ч.", "Iкв.", "I кв.": one word
    r"|[^\W\d_¹²³⁴⁵⁶⁷⁸⁹⁰]+(?:[’'ʼ`\-][^\W\d_¹²³⁴⁵⁶⁷⁸⁹⁰]+)*)"
    r"|(?P<note>[¹²³⁴⁵⁶⁷⁸⁹⁰]+)"
    r"|(?P<punct>[^\w\s])"
)
# "особи¹", "документів*", "– 412¹": a footnote's mark right after a word or a number; a line that opens
# with the same mark ("* з них 26 – повторні", "¹ у тому числі 36 – …") is that footnote.
NOTE_MARK = re.compile(r"(?<=[\w)»\"])(\*{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})(?![\w*])")
_NOTE_LINE = re.compile(r"^[ \t\u00a0]*(\*{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})[ \t\u00a0]*(?=\w)")


@dataclass
class Token:
    kind: str  # word | num | punct | mask
    text: str
    start: int  # offsets into the whole text
    end: int
    mask: str = ""  # what a masked span is: date, year, law, ...
    note: str = ""  # the footnote mark written right after it ("особи¹", "документів*")

    @property
    def low(self) -> str:
        return self.text.lower()


@dataclass
class Sentence:
    start: int  # the verbatim span of the sentence in the whole text
    end: int
    line: int  # 1-based line of its start
    tokens: list[Token]
    bullet: bool = False
    lead_in: Sentence | None = None  # the line ending with ":" that introduces a list item
    index: int = 0
    figures: list = field(default_factory=list)  # filled by the figure finder
    row: bool = False  # a row of a table written as text; a sub-row's lead-in is the row above it
    cells: tuple[tuple[int, int], ...] = ()  # a table row's cells (offsets into the whole text)
    heading: Sentence | None = field(default=None, repr=False, compare=False)  # a table's first row, if it has no number
    prior: Sentence | None = field(default=None, repr=False, compare=False)  # the sentence before it ("Голосування тривало …" / "У ньому взяли участь …")
    columns: tuple[int, ...] = ()  # a table row's cells' columns (0: the label column)
    table_row: Row | None = field(default=None, repr=False, compare=False)  # the table row it is
    column_heads: dict[int, str] = field(default_factory=dict, repr=False, compare=False)  # its table's heading by column
    section: Sentence | None = field(default=None, repr=False, compare=False)  # the heading of its section ("II. Виконавчий комітет")
    note_of: str = ""  # the footnote mark its line opens with, when the text marks a figure with it


@dataclass
class _Line:
    start: int
    end: int
    number: int
    bullet: bool
    row: Row | None = None  # a row of a table written as text
    item: bool = False  # a "label – number" line of a list without bullets


def _capitals(line: str) -> bool:
    """A line in capitals ("ПОРУШЕНІ ПИТАННЯ (455)"): two words or more, every letter a capital."""
    words = re.findall(r"[^\W\d_]{2,}", line)
    return len(words) > 1 and all(w.isupper() for w in words)


_PAGE_MARK = re.compile(r"^\s*(?:(?P<a>\d{1,3})\s{2,}(?P<t1>\S.*?)|(?P<t2>\S.*?)\s{2,}(?P<b>\d{1,3}))\s*$|^\s*(?P<n>\d{1,3})\s*$")


def _page_marks(raw_lines: list[str]) -> set[int]:
    """The lines of a text pasted from PDF pages that are no text of the report: a running header or
    footer said again on every page with its page number ("Звіт про роботу відділу        3"), and bare
    page numbers when two or more of them count up ("2", "3")."""
    headers: dict[str, list[int]] = {}
    bare: list[tuple[int, int]] = []
    for number, raw in enumerate(raw_lines, start=1):
        if (m := _PAGE_MARK.match(raw)) is None:
            continue
        if m["n"]:
            bare.append((number, int(m["n"])))
        else:
            headers.setdefault(" ".join((m["t1"] or m["t2"]).split()).lower(), []).append(number)
    marks = {n for lines in headers.values() if len(lines) > 1 for n in lines}
    if len(bare) > 1 and all(b[1] < c[1] for b, c in zip(bare, bare[1:], strict=False)):
        marks |= {n for n, _ in bare}
    return marks


def _hard_wrapped(raw_lines: list[str]) -> bool:
    """Text broken at a fixed width (an e-mail, a plain-text export): most long lines end within a few
    characters of the widest one, and most of them in the middle of a sentence."""
    long = [line.rstrip() for line in raw_lines if len(line.strip()) >= 40]
    if len(long) < 5:
        return False
    width = max(map(len, long))
    if width > 100:
        return False
    near = [line for line in long if len(line) >= width - 14]
    open_ended = [line for line in near if not line.endswith((".", "!", "?"))]
    return len(near) >= 0.7 * len(long) and len(open_ended) >= 0.5 * len(near)


def _lines(text: str) -> list[_Line]:
    """Logical lines: bullets dropped, broken lines joined (see module doc)."""
    out: list[_Line] = []
    pos = 0
    rows = find_rows(text)
    raw_lines = text.split("\n")
    pages = _page_marks(raw_lines)
    wrapped = _hard_wrapped(raw_lines)
    for number, raw in enumerate(raw_lines, start=1):
        start, end = pos, pos + len(raw)
        pos = end + 1
        if number in pages:
            continue
        row = rows.get(number)  # a table flattened to text: each row stands alone, its row number dropped
        if row is not None:
            out.append(_Line(row.start, row.end, number, False, row))
            continue
        m = _BULLET.match(raw)
        bullet = bool(m) and not (raw.lstrip().startswith("(") and raw.count("(") <= raw.count(")"))
        if bullet:
            start += m.end()
        elif section := _SECTION_NUMBER.match(raw):
            start += section.end()
        body = text[start:end]
        lead = len(body) - len(body.lstrip())
        start += lead
        end = start + len(body.strip())
        if start >= end or not re.search(r"\w", text[start:end]):
            continue
        prev = out[-1] if out else None
        first = text[start]
        if not bullet and prev and not prev.row and _ITEM_LINE.match(text[start:end]) and (
                prev.item or text[prev.start:prev.end].rstrip().endswith(":")):
            out.append(_Line(start, end, number, True, item=True))  # the next item of a list without bullets
            continue
        if (prev and not bullet and not prev.row
                and not text[prev.start:prev.end].rstrip().endswith((".", "!", "?")
                                                                    if wrapped and not _ITEM_LINE.match(text[start:end])
                                                                    else (".", ";", ":", "!", "?"))
                and not _capitals(text[prev.start:prev.end])  # "ПОРУШЕНІ ПИТАННЯ (455)": a heading, not a broken line
                and (first.islower() or first.isdigit())):
            prev.end = end
            continue
        out.append(_Line(start, end, number, bullet))
    return out


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, last = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        word = re.search(r"([^\W\d_]+)$", text[last:m.start()])
        if word and (word.group(1).lower() in _ABBREVIATIONS or (len(word.group(1)) == 1 and word.group(1).isupper())) \
                and not (word.group(1).lower() in UNITS_AFTER_NUMBERS  # "Фото до новин – 96 шт. Нових альбомів …"
                         and re.search(r"\d\s*$", text[last:m.start() - len(word.group(1))])
                         and re.match(r"\s+[А-ЯІЇЄҐ][а-яіїєґ’']", text[m.end():end])):
            continue
        if word and word.group(1) in ("р", "рр") and text[m.end():end].lstrip().startswith("("):
            continue  # "порівняно з березнем 2024 р. (41 запит)": the year's "р." before a bracket ends nothing
        if word and word.group(1) in ("р", "Р") and re.match(r"\s?\d", text[m.end():end]) \
                and not re.search(r"\d\s*$", text[last:m.start() - 1]):
            continue  # "(р. 4)": a table's row, no year
        spans.append((last, m.end()))
        last = m.end()
        while last < end and text[last].isspace():
            last += 1
    if last < end:
        spans.append((last, end))
    return spans


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of text[start:end], masked spans as single ``mask`` tokens."""
    piece = text[start:end]
    masked: list[tuple[int, int, str]] = []
    for kind, pattern in MASKS:
        for m in pattern.finditer(piece):
            a, b = m.span("x") if "x" in pattern.groupindex else m.span()
            if a == b or not re.search(r"\d", m.group(0)):
                continue
            if any(a < e and s < b for s, e, _ in masked):
                continue
            masked.append((a, b, kind))
    masked.sort()
    tokens: list[Token] = []
    pos = 0
    for a, b, kind in [*masked, (len(piece), len(piece), "")]:
        for m in _TOKEN.finditer(piece, pos, a):
            kind_ = m.lastgroup or "punct"
            tokens.append(Token(kind_, m.group(0), start + m.start(), start + m.end()))
        if kind:
            tokens.append(Token("mask", piece[a:b], start + a, start + b, kind))
        pos = b
    return _spell_out(_glue_notes(_join_broken_words(text, tokens)))


# officialese cut short ("вх. документів", "письм. – 71", "к-ть"): read in full (``activity.wordings.SHORT_WORDS``);
# the offsets stay those of the short word, and no sentence ends at its full stop
_ABBREVIATIONS |= set(SHORT_WORDS)


def _spell_out(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    stop = False  # the token is the full stop of a short word
    for k, t in enumerate(tokens):
        if stop:
            stop = False
            continue
        if t.kind == "word" and (full := SHORT_WORDS.get(t.low.replace("'", "’"))) is not None:
            stop = k + 1 < len(tokens) and tokens[k + 1].text == "." and tokens[k + 1].start == t.end
            if stop or t.low == "к-ть":
                t = Token("word", full, t.start, t.end, t.mask, t.note)
        out.append(t)
    return out


def _glue_notes(tokens: list[Token]) -> list[Token]:
    """Footnote marks leave the tokens: one right after a token becomes that token's ``note``; one that
    opens a note's line is dropped (``Sentence.note_of`` keeps it)."""
    out: list[Token] = []
    glued = -1  # where the last mark glued to a token ends ("6***": three marks, one note)
    for t in tokens:
        if t.kind == "note" or (t.kind == "punct" and t.text == "*"):
            if out and t.start in (out[-1].end, glued):
                out[-1].note += t.text
                glued = t.end
                continue
            if t.kind == "note" or not out:
                continue
        out.append(t)
    return out


def _join_broken_words(text: str, tokens: list[Token]) -> list[Token]:
    """A word split by a hyphen at a line end ("від-" / "мовлено", text pasted from a PDF) is one word."""
    out: list[Token] = []
    j = 0
    while j < len(tokens):
        t = tokens[j]
        if j + 2 < len(tokens) and t.kind == "word" and tokens[j + 1].text == "-" and tokens[j + 1].start == t.end \
                and tokens[j + 2].kind == "word" and tokens[j + 2].text[:1].islower() \
                and "\n" in (gap := text[tokens[j + 1].end:tokens[j + 2].start]) and not gap.strip():
            out.append(Token("word", t.text + tokens[j + 2].text, t.start, tokens[j + 2].end))
            j += 3
            continue
        out.append(t)
        j += 1
    return out


def _spelled(tokens: list[Token], a: int, b: int) -> int | None:
    """The value the words tokens[a:b] spell ("дев’яносто шість" -> 96), else None."""
    total, last = 0, None
    for t in tokens[a:b]:
        v = number_word(t.text) if t.kind == "word" else None
        if v is None or (last is not None and v >= last):
            return None
        total, last = total + v, v
    return total if last is not None else None


def _drop_repeats(tokens: list[Token]) -> list[Token]:
    """A number said again in brackets, in words after digits ("96 (дев’яносто шість)") or in digits
    after words ("двох (2)"): the bracket is dropped, so the number is read once."""
    out: list[Token] = []
    j = 0
    while j < len(tokens):
        t = tokens[j]
        out.append(t)
        if j + 2 < len(tokens) and tokens[j + 1].text == "(":
            close = next((k for k in range(j + 2, min(j + 7, len(tokens))) if tokens[k].text == ")"), None)
            if close is not None and close > j + 2:
                if t.kind == "num" and re.fullmatch(r"[\d \u00a0\u202f\u2009]+", t.text):
                    same = _spelled(tokens, j + 2, close) == int(re.sub(r"\D", "", t.text))
                else:
                    k = j  # the words of the number end at t
                    while k > 0 and _spelled(tokens, k - 1, j + 1) is not None:
                        k -= 1
                    inner = tokens[j + 2:close]
                    same = (len(inner) == 1 and inner[0].kind == "num" and inner[0].text.isdigit()
                            and _spelled(tokens, k, j + 1) == int(inner[0].text))
                if same:
                    j = close + 1
                    continue
        j += 1
    return out


def _unwrap_counts(tokens: list[Token]) -> list[Token]:
    """A count written in brackets where the text would have the bare number ("зареєстровано (38)
    громадських об’єднань", "церкви – (3)"): after a verb, a preposition, a dash or at the start, and
    before a small-letter word, a punctuation mark or the end, the brackets are dropped. After a noun
    ("з питань освіти (31)") the bracket stays: a part in brackets. A share with its count in brackets
    ("усні – 29 % (113)", "34 % (132) звернень надійшли …") leaves the count where the share stood."""
    out: list[Token] = []
    j = 0
    while j < len(tokens):
        if j + 2 < len(tokens) and tokens[j].text == "(" and tokens[j + 1].kind == "num" \
                and tokens[j + 2].text == ")" and out and out[-1].mask == "percent":
            out[-1] = tokens[j + 1]
            j += 3
            continue
        if j + 2 < len(tokens) and tokens[j].text == "(" and tokens[j + 1].kind == "num" \
                and tokens[j + 1].text.isdigit() and tokens[j + 2].text == ")":
            prev = out[-1] if out else None
            nxt = tokens[j + 3] if j + 3 < len(tokens) else None
            i = word_info(prev.text) if prev is not None and prev.kind == "word" else None
            opens = prev is None or prev.text in ",:" or (prev.kind == "punct" and prev.text in "-–—") \
                or (i is not None and (i.verb or i.preposition or i.conjunction) and not i.noun) \
                or prev.low in ("ще", "лише", "тільки", "майже", "понад", "близько", "це", "найбільше", "найменше",
                                "найчастіше",  # "тематично найбільше (22) запитів стосувалося …"
                                "до", "на", "від", "за", "по", "з", "із", "у", "в")  # ("до (4) конфесій")
            closes = nxt is None or (nxt.kind == "word" and nxt.text[:1].islower()) \
                or (nxt.kind == "punct" and nxt.text in ",;.")
            if opens and closes and not (prev is None and nxt is not None and nxt.kind == "punct"):
                out.append(tokens[j + 1])
                j += 3
                continue
        out.append(tokens[j])
        j += 1
    return out


def _prose_tokens(text: str, a: int, b: int) -> list[Token]:
    """The tokens of a sentence of prose, its repeats, bracketed counts, shares, label notes and asides
    rewritten as the steps above say."""
    return _drop_asides(_drop_label_notes(_unwrap_counts(_drop_repeats(tokenize(text, a, b)))))


def _drop_asides(tokens: list[Token]) -> list[Token]:
    """An aside between two commas that opens with words like "з урахуванням", "як і раніше", "за
    інформацією" (``ASIDE_OPENERS``) and holds no number and no other punctuation is dropped with its
    commas: the words on either side are one clause ("документообіг відділу, з урахуванням службових
    записок, склав 1 093 документи")."""
    out: list[Token] = []
    j = 0
    while j < len(tokens):
        if tokens[j].text == "," and j > 0:
            low = [t.low for t in tokens[j + 1:j + 4]]
            if any(low[:len(o)] == list(o) for o in ASIDE_OPENERS):
                close = next((k for k in range(j + 1, len(tokens)) if tokens[k].kind == "punct"), None)
                if close is not None and tokens[close].text == "," and close + 1 < len(tokens) \
                        and not any(t.kind in ("num", "mask") for t in tokens[j + 1:close]):
                    j = close + 1
                    continue
        out.append(tokens[j])
        j += 1
    return out


def _drop_label_notes(tokens: list[Token]) -> list[Token]:
    """A note in brackets that opens with a preposition, between a label and the dash of its figure
    ("усних (на особистих прийомах, по телефону) — 62", "електронних (через сайт) – 14"), says how or
    where, not what is counted: it is dropped, so its commas and nouns do not split or rename the item."""
    out: list[Token] = []
    j = 0
    while j < len(tokens):
        t = tokens[j]
        if t.text == "(" and out and out[-1].kind == "word" and j + 1 < len(tokens) and tokens[j + 1].kind == "word":
            close = next((k for k in range(j + 1, len(tokens)) if tokens[k].text in "()"), None)
            first = word_info(tokens[j + 1].text)
            if close is not None and tokens[close].text == ")" and close + 2 < len(tokens) \
                    and tokens[close + 1].kind == "punct" and tokens[close + 1].text in "-–—" \
                    and tokens[close + 2].kind == "num" and first is not None and first.preposition \
                    and not first.noun and not any(x.kind == "num" or x.text in "-–—" for x in tokens[j + 1:close]):
                j = close + 1
                continue
        if t.kind == "mask" and t.mask == "reference" and re.match(r"(?i)(?:граф|колон|стовп)", t.text) \
                and j + 2 < len(tokens) and tokens[j + 1].text in "-–—" and tokens[j + 2].kind == "num":
            j += 1 + (bool(out) and out[-1].text in ":,")  # "усього: графа 3 – 57, графа 4 – 49": a form's
            continue  # column, not what is counted (and its dash, after a colon or a comma)
        out.append(t)
        j += 1
    return out


def _tab_dashes(text: str, s: Sentence) -> None:
    """A table row's cells (each tokenised alone: no mask runs over into the next cell) get a "|"
    token between them, as if written with "|" (a dash)."""
    for _, end in s.cells[:-1]:
        s.tokens.append(Token("punct", "|", end, end + 1))
    s.tokens.sort(key=lambda t: t.start)


def _form_goes_on(line: _Line, sentences: list[Sentence], lead_in: Sentence | None) -> bool:
    """Does a line ending with ":" still introduce this line, the next row of a table with no heading
    row under it ("Соцмережі – 116 дописів:" / "Facebook ...... 41" / "Telegram ...... 57")?"""
    last = sentences[-1] if sentences else None
    return line.row is not None and lead_in is not None and lead_in.table_row is None and last is not None \
        and last.table_row is not None and last.table_row.table == line.row.table and last.heading is None


def _section_heading(raw: str, line_sentences: list[Sentence], line: _Line) -> bool:
    """A line that heads a section: a short line of words with no number, no verb and no punctuation at
    its end but for a section number before it ("II. Виконавчий комітет", "Робота зі зверненнями")."""
    if line.row is not None or line.bullet or not line_sentences or raw.rstrip()[-1:] in ".:;,!?":
        return False
    tokens = [t for s in line_sentences for t in s.tokens]
    words = [t for t in tokens if t.kind == "word"]
    return 0 < len(words) <= 6 and not any(t.kind == "num" for t in tokens[1:]) and ":" not in raw \
        and not any((i := word_info(t.text)).verb and not i.noun and not i.adjective for t in words)


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of the text, tokenised, with list items linked to their lead-in line."""
    sentences: list[Sentence] = []
    lead_in: Sentence | None = None
    ended = ""  # how the previous line ended
    upper_row: Sentence | None = None  # the last table row that is no sub-row ("Надійшло запитів усього")
    table_head: Sentence | None = None
    heads: dict[int, str] = {}
    table = 0
    heading: Sentence | None = None  # the line before, when it is a heading (no punctuation at its end)
    section: Sentence | None = None  # the last section heading ("II. Виконавчий комітет", "РОБОТА ЗІ ЗВЕРНЕННЯМИ")
    raw_lines = text.split("\n")
    lead_indent: int | None = None  # how deep the bullet of the lead-in line stands, when it has one
    item_indent: int | None = None  # and its first item's
    outer: tuple | None = None  # the list around a list whose lead-in is an item of it
    marks = {m.group(1) for m in NOTE_MARK.finditer(text)}
    for line in _lines(text):
        note = _NOTE_LINE.match(raw_lines[line.number - 1])
        note_of = note.group(1) if note and note.group(1) in marks else ""
        raw = raw_lines[line.number - 1]
        depth = len(raw) - len(raw.lstrip())
        if line.bullet and lead_in is not None and lead_indent is not None and item_indent is not None \
                and item_indent > lead_indent and depth <= lead_indent:
            # "  ◦ серед рішень найбільше:" / "      ◦ земельних – 71;" / "• Сесії": back at the lead-in's own depth
            # after deeper items, a bullet is its sibling, no item of it (an item of the list around it, if any)
            lead_in, lead_indent, item_indent = outer if outer is not None else (None, None, None)
            outer = None
        elif line.bullet and lead_in is not None and item_indent is None:
            item_indent = depth
        if not line.bullet and ended not in (":", ";") and not _form_goes_on(line, sentences, lead_in):
            lead_in = None  # items without bullets run on while lines end with ";"
            if heading is not None and not line.row and text[line.start:line.end].rstrip().endswith(";"):
                lead_in = heading  # "Розподіл громад за конфесіями" / "Православна церква – 14;": its items
                lead_in.tokens.append(Token("punct", ":", lead_in.end, lead_in.end))
        ended = text[line.start:line.end].rstrip()[-1:]
        line_sentences = []
        row = line.row
        sub_row = row is not None and row.sub and upper_row is not None
        spans = [(line.start, line.end)] if row else _sentence_spans(text, line.start, line.end)
        for a, b in spans:
            line_no = text.count("\n", 0, a) + 1
            tokens = [t for c, d in row.cells for t in tokenize(text, c, d)] if row else _prose_tokens(text, a, b)
            s = Sentence(a, b, line_no, tokens, line.bullet, upper_row if sub_row else lead_in,
                         len(sentences), row=row is not None, cells=row.cells if row else (),
                         columns=row.columns if row else (), table_row=row)
            s.prior = sentences[-1] if sentences else None
            s.section, s.note_of = section, note_of
            if row is not None:
                if row.table != table:  # a new table: its first row heads it when it has no figure
                    table, heads = row.table, {}
                    table_head = s if row.heading else None
                if row.heading:
                    for (c, d), k in zip(row.cells, row.columns, strict=False):
                        heads[k] = f"{heads[k]} {text[c:d]}" if k in heads else text[c:d]
                s.heading, s.column_heads = table_head, heads
                _tab_dashes(text, s)
            sentences.append(s)
            line_sentences.append(s)
        if row is not None and not sub_row and line_sentences:
            upper_row = line_sentences[-1]
        elif row is None:
            upper_row = None
        if line_sentences and text[line.start:line.end].rstrip().endswith(":"):
            # ("зареєстровано 6 102 документи, у тому числі:" / "- вхідних – 3 008, з них:": a list inside a list)
            outer = (lead_in, lead_indent, item_indent) if lead_in is not None and line.bullet else None
            lead_in = line_sentences[-1]
            lead_indent, item_indent = (depth if line.bullet else None), None
        if _section_heading(text[line.start:line.end], line_sentences, line):
            section = line_sentences[-1]
        heading = line_sentences[-1] if len(line_sentences) == 1 and not line.bullet and (
            (line.row is not None and line.row.titled)  # "2. ПОРУШЕНІ ПИТАННЯ (455)" over its items
            or (not line.row and ended.isalpha() and not any(t.kind == "num" for t in line_sentences[-1].tokens))) else None
    return sentences
