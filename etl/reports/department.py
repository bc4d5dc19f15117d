"""Which department a report is of: its name as the report writes it, in the nominative.

Reports name their department in these places, read in this order (the first that gives a name wins):

1. the letterhead: a line of its own under the council's name ("Відділ роботи зі зверненнями
   громадян"), perhaps under the unit it belongs to ("Департамент організаційного забезпечення" then
   "Відділ по роботі зі зверненнями громадян": the inner unit "… департаменту організаційного
   забезпечення"), in capitals or not, going on on the next line;
2. the title: "Звіт відділу взаємодії з громадськістю … за IV квартал", "Інформація про роботу
   загального відділу …", "Огляд роботи управління …" (a unit not after a preposition: "звернення,
   що надійшли до виконавчого комітету" says where, not who);
3. a label: "Відповідальний виконавець: відділ …", "Підготовлено відділом …";
4. the report's first lines naming a unit together with its council ("Упродовж квітня відділ …
   Знам’янської міської ради оприлюднив …");
5. a line of its own at the end, where a department signs off ("Відділ з питань доступу до публічної
   інформації");
6. the signature: "Начальник відділу роботи зі зверненнями громадян", "Завідувач сектору звернень
   громадян" (a bare "Начальник відділу" names nothing).

A name starts at a unit noun ("відділ", "управління", "сектор", "департамент", "служба", "апарат",
"центр", "виконавчий комітет" on a line of its own) with the adjectives before it ("загального
відділу"), and runs to the first of: the council's name ("… Броварської міської ради",
"міськвиконкому"), the period ("за", "у 2024 році", "станом на"), "про"/"щодо", a full stop, colon,
semicolon or bracket, a comma before a capital, a number, a verb, or the line's end; adjectives before
the unit agree with it ("Підготовлена відділом" is no "підготовлений відділ"). Its leading words are
put in the nominative ("загального відділу" → "загальний відділ"). A report naming none of these gives
"" (the loader then asks which department, or takes the place's only one): a unit the body names
without its council ("працівники відділу …") is never taken.
The council is added by the caller; ``activity.departments`` compares names without it.
"""

from __future__ import annotations

import functools
import re

from activity.morph import analyzer

_UNIT = r"(?:відділ|управлінн|сектор|департамент|служб|прес-служб|апарат|центр|відділенн)"
_UNIT_WORD = re.compile(rf"^{_UNIT}[а-яіїєґ’'-]*$", re.IGNORECASE)
_COMMITTEE = re.compile(r"^\s*виконавч\w*\s+комітет\w*\s*$", re.IGNORECASE)
_WORD = re.compile(r"[^\s,.;:()«»\"“”„]+|[,.;:()«»\"“”„]")
_NOT_BEFORE = frozenset("до у в при з із зі від для на по про за щодо через між над під перед серед згідно відповідно".split())
_SIGNATURE = re.compile(
    r"^\s*(?:начальник\w*|завідувач\w*|завідуюч\w*|директор\w*|керівник\w*|голов\w*\s+спеціаліст\w*"
    r"|провідн\w*\s+спеціаліст\w*|спеціаліст\w*|заступник\w*\s+(?:начальник|директор)\w*)\s*(.*)", re.IGNORECASE)
_LABEL = re.compile(r"^\s*\(?\s*(?:(?:відповідальн\w*\s+)?(?:виконав\w*|(?:структурн\w*\s+)?підрозділ\w*|відповідальн\w*)\s*:"
                    r"|(?:підготува\w*|підготовлен\w*|складен\w*|уклав|уклала)\s*:?)\s*(.+)$", re.IGNORECASE)
_COUNCIL_ADJ = re.compile(r"^[А-ЯІЇЄҐ][\w’'-]*(?:ськ|цьк|зьк)(?:ої|ій|а|ого|ому|ий|ої)$")
_COUNCIL_WORDS = re.compile(
    r"^(?:міськ\w*|селищн\w*|сільськ\w*|міськвиконком\w*|виконком\w*|військово-цивільн\w*|вца|мва|тг|мтг)$",
    re.IGNORECASE)
_STOP_WORDS = frozenset("за про щодо станом протягом упродовж впродовж починаючи".split())
_PERIOD_AFTER_IN = re.compile(
    r"^(?:\d|(?-i:[IVХ]+\b|[А-ЯІЇЄҐ])|перш|друг|трет|четверт|січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листопад|груд"
    r"|місяц|квартал|півріч|році|рік|тиждн)", re.IGNORECASE)
_SMALL = frozenset("та і й з зі із до на у в по за від для при".split())
MAX_WORDS = 16


def department_in(text: str, title: str, letterhead: int = 8) -> str:
    """The department a report is of, in the nominative and without the council (see module doc)."""
    lines = [line.strip() for line in text.splitlines()]
    top = [line for line in lines[:letterhead + 4] if line]
    committee = ""  # "Виконавчий комітет" in the letterhead: the units the title names are closer
    for find in (lambda: _in_lines(top[:letterhead]), lambda: _in_title(title, [line for line in top[:3] if not _SIGNATURE.match(line) and not _has_verb(line)], top), lambda: _in_label(lines),
                 lambda: _in_body(top), lambda: _in_lines([line for line in lines[-8:] if line], last=True),
                 lambda: _in_signature(lines[-12:])):
        name = find()
        if name.startswith("виконавчий комітет") and not committee:
            committee = name
        elif name:
            return name
    return committee


def _in_title(title: str, first: list[str], top: list[str]) -> str:
    """The first unit the title (or one of the first lines) names in the genitive ("Звіт відділу …") or
    first ("Відділ … : звіт"), not after a preposition ("звернення, що надійшли до виконавчого
    комітету" is where, not who) nor in quotes; a headline's "як працювала інформаційна служба" names
    no department. A headline's short name gives way to the body's full one with its council
    ("управління інформаційної політики" → "управління інформаційної політики та комунікацій …")."""
    for line in (title, *first):
        name = _first_unit(line, title=True)
        if name:
            full = _in_body(top, after_preposition=True)
            return full if full.startswith(name) else name
    return ""


def _in_body(lines: list[str], after_preposition: bool = False) -> str:
    """A unit the report's first lines name together with its council, in any case ("Упродовж квітня
    відділ інформаційної політики Знам’янської міської ради оприлюднив …"): who did the work."""
    for line in lines:
        name = _first_unit(line, council=True, after_preposition=after_preposition)
        if name:
            return name
    return ""


def _first_unit(text: str, title: bool = False, council: bool = False, after_preposition: bool = False) -> str:
    words = _WORD.findall(_uncapped(" ".join(text.split())))
    quoted, skip = False, 0
    for k, w in enumerate(words):
        quoted = (quoted or w in "«„“\"") and w not in "»”"
        unit = k if _UNIT_WORD.match(w) else k + 1 if (
            k + 1 < len(words) and _UNIT_WORD.match(words[k + 1]) and _agrees(w, words[k + 1])) else None
        if quoted or unit is None or k < skip:
            continue
        before = words[k - 1].lower() if k else ""
        if before in _NOT_BEFORE and not after_preposition:
            continue
        if title and k > 0 and not _genitive_noun(words[unit]):
            # "сектором … загального відділу": the unit inside another's name is not the title's
            skip = k + (_read_name(words[k:]) or ("", 1))[1]
            continue
        found = _read_name(words[k:])
        if found is None:
            continue
        name, end = found
        after = words[k + end:k + end + 2]
        if council and "виконавчого комітету" not in name and not (after and (
                _COUNCIL_ADJ.match(after[0]) and len(after) > 1 and _COUNCIL_WORDS.match(after[1])
                or after[0].lower().startswith(("міськвиконком", "виконком"))
                or len(after) > 1 and after[0].lower().startswith("виконавч") and after[1].lower().startswith("комітет"))):
            continue
        return name
    return ""


def _in_label(lines: list[str]) -> str:
    """ "Відповідальний виконавець: відділ …", "Підрозділ: …", "Підготував: сектор …"."""
    for line in lines:
        m = _LABEL.match(line)
        if m:
            name = _first_unit(_cut(m.group(1)))
            if name:
                return name
    return ""


def _cut(line: str) -> str:
    """A line without what a run of spaces or a tab sets apart (a signature's name, a date)."""
    return re.split(r"\s{3,}|\t", line.strip(), maxsplit=1)[0]


def _in_lines(lines: list[str], last: bool = False) -> str:
    """A unit on a line of its own; a unit's line under another unit's line is the inner one's."""
    names: list[str] = []
    joined: list[str] = []
    for line in lines:  # a line going on in lower case (or in capitals after one) continues the one before
        line = _cut(line)
        going_on = joined and (line[:1].islower() or line.isupper() and joined[-1].isupper()
                               and _UNIT_WORD.match(joined[-1].split()[0] if joined[-1].split() else ""))
        if going_on and joined[-1] and not joined[-1].endswith((".", ":", ";")):
            joined[-1] += " " + line
        else:
            joined.append(line)
    for line in joined:
        plain = _uncapped(line)
        if _COMMITTEE.match(plain):
            names.append(" ".join(plain.lower().split()))
            continue
        first = plain.split(maxsplit=1)[0] if plain.split() else ""
        second = plain.split()[1] if len(plain.split()) > 1 else ""
        if not (_UNIT_WORD.match(first) or (_UNIT_WORD.match(second) and _adjective(first))):
            if names:
                break
            continue
        name = _name_at(plain)
        if not name:
            break
        names.append(name)
        if last:
            break
    if not names:
        return ""
    inner, outer = names[-1], names[:-1]
    return " ".join([inner, *(_genitive(o) for o in reversed(outer))])


def _in_signature(lines: list[str]) -> str:
    """ "Начальник відділу … ПІБ", the unit perhaps going on on the next line ("Начальник відділу з
    питань внутрішньої політики" / "та зв’язків з громадськістю   В. ЛИСЕНКО")."""
    for i, line in enumerate(lines):
        text = _cut(line)
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if text == line.strip() and nxt[:1].islower():
            text += " " + _cut(nxt)
        m = _SIGNATURE.match(text)
        if not m:
            continue
        name = _first_unit(m.group(1))
        if name:
            return name
    return ""


def _uncapped(line: str) -> str:
    """Words in capitals in ordinary case ("ВІДДІЛ З ПИТАНЬ ЗМІ МАРІУПОЛЬСЬКОЇ" -> "відділ з питань ЗМІ
    Маріупольської"): abbreviations (2-4 letters) kept, a place's adjective capitalised."""
    def word(m: re.Match[str]) -> str:
        w = m[0]
        if 2 <= len(w) <= 4 and w.lower() not in _SMALL:
            return w
        low = w.lower()
        return low[:1].upper() + low[1:] if _COUNCIL_ADJ.match(low[:1].upper() + low[1:]) else low
    return re.sub(r"\b[А-ЯІЇЄҐ][А-ЯІЇЄҐ’'ʼ-]*[А-ЯІЇЄҐ]\b|\b[А-ЯІЇЄҐ]\b(?!\.)", word, line)


def _name_at(text: str) -> str:
    """The department name ``text`` starts with, in the nominative; "" when it starts with none."""
    found = _read_name(_WORD.findall(text))
    return found[0] if found else ""


def _read_name(words: list[str]) -> tuple[str, int] | None:
    """The name the words start with (in the nominative) and how many words it took."""
    k = 0
    while k < len(words) and k < 2 and not _UNIT_WORD.match(words[k]) and _adjective(words[k]):
        k += 1
    if k >= len(words) or not _UNIT_WORD.match(words[k]) or not all(_agrees(w, words[k]) for w in words[:k]):
        return None
    lead, end = k + 1, k + 1
    keep_committee = words[k].lower().startswith("апарат")
    while end < len(words) and end < MAX_WORDS:
        w, nxt = words[end], words[end + 1] if end + 1 < len(words) else ""
        low = w.lower()
        if w in ".;:()«»\"“”„" or any(c.isdigit() for c in w) or (len(w) == 1 and w.isupper() and nxt == "."):
            break
        if w == "," and (not nxt or nxt[:1].isupper() and not nxt.isupper() or any(c.isdigit() for c in nxt)):
            break
        if low in _STOP_WORDS or (low in ("у", "в") and _PERIOD_AFTER_IN.match(nxt)):
            break
        if _COUNCIL_ADJ.match(w) or _COUNCIL_WORDS.match(w):
            break
        keep_committee = keep_committee or words[end - 1].lower().startswith("апарат")
        if low.startswith("виконавч") and nxt.lower().startswith(("комітет", "орган")) and not keep_committee:
            break
        if _verb(w):  # "відділ … оприлюднив": the name has ended
            break
        end += 1
    while end > lead and words[end - 1] in (",",) or end > lead and words[end - 1].lower() in _SMALL:
        end -= 1
    if end == lead and k == 0:
        return None  # "відділу", "апарату" alone name nothing (the title's "звіт про діяльність відділу")
    head = [_nominative_word(w, words[k]) for w in words[:k]] + [_nominative_noun(words[k])]
    tail = " ".join(words[lead:end]).replace(" ,", ",")
    name = " ".join([*head, tail]).strip()
    return name[:1].lower() + name[1:], end


def _has_verb(line: str) -> bool:
    """A sentence, not a title: a finite verb ("забезпечує", "оприлюднив")."""
    return any(_verb(w) for w in _WORD.findall(line))


@functools.lru_cache(maxsize=4096)
def _verb(word: str) -> bool:
    parses = analyzer().parse(word.lower().replace("’", "'"))
    return bool(parses) and all(p.tag.POS in ("VERB", "INFN") for p in parses[:2])


@functools.lru_cache(maxsize=4096)
def _cases(word: str, pos: tuple[str, ...]) -> frozenset[str]:
    return frozenset(p.tag.case for p in analyzer().parse(word.lower().replace("’", "'")) if p.tag.POS in pos and p.tag.case)


def _agrees(adjective: str, noun: str) -> bool:
    """An adjective before the unit noun in one of its cases ("загального відділу", not "Підготовлена
    відділом")."""
    return _adjective(adjective) and bool(_cases(adjective, ("ADJF",)) & _cases(noun, ("NOUN",)))


def _genitive_noun(noun: str) -> bool:
    return "gent" in _cases(noun, ("NOUN",))


@functools.lru_cache(maxsize=4096)
def _adjective(word: str) -> bool:
    return any(p.tag.POS == "ADJF" for p in analyzer().parse(word.lower().replace("’", "'")))


def _noun_parse(noun: str):
    parses = [p for p in analyzer().parse(noun.lower().replace("’", "'")) if p.tag.POS == "NOUN"]
    return parses[0] if parses else None


def _nominative_noun(noun: str) -> str:
    p = _noun_parse(noun)
    return p.normal_form.replace("'", "’") if p else noun.lower()


def _nominative_word(adjective: str, noun: str) -> str:
    """An adjective before the unit noun, agreeing with it in the nominative singular."""
    n = _noun_parse(noun)
    gender = n.normalized.tag.gender if n else None
    return _inflected(adjective.lower(), "ADJF", "nomn", gender) or adjective.lower()


def _inflected(word: str, pos: str, case: str, gender: str | None) -> str:
    """``word`` (of that part of speech) in that case, singular, of that gender for an adjective."""
    for p in analyzer().parse(word.replace("’", "'")):
        if p.tag.POS != pos:
            continue
        for grammemes in ({case, gender}, {case, "sing"}, {case}):
            form = p.inflect({g for g in grammemes if g})
            if form is not None:
                return form.word.replace("'", "’")
    return ""


def _genitive(name: str) -> str:
    """ "департамент організаційного забезпечення" -> "департаменту організаційного забезпечення":
    the leading adjectives and the unit noun in the genitive, the rest as written."""
    words = name.split()
    k = next((i for i, w in enumerate(words) if _UNIT_WORD.match(w) or w.startswith("комітет")), None)
    if k is None:
        return name
    noun = _noun_parse(words[k])
    gender = noun.normalized.tag.gender if noun is not None else None
    out = [w if i > k else _inflected(w, "NOUN" if i == k else "ADJF", "gent", gender) or w
           for i, w in enumerate(words)]
    return " ".join(out)
