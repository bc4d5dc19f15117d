"""Which metric a row label names: the one resolver of spreadsheet labels.

Officials rarely write a metric in the catalog's exact words. :func:`resolve_metric` reads a label
in steps, the safest first, and stops at the first that answers:

* ``exact``: the label is one of the catalog's names after :func:`activity.catalog.normalise_label`
  and a little more cleaning (dashes, "№", units in brackets anywhere, ", шт", "кількість",
  "к-сть", "НПА");
* ``remembered``: a person mapped this wording to a metric once (``python -m etl wordings add``, the
  upload page); kept in ``metric_wordings.toml`` of the local data folder (``DASHBOARD_LOCAL_DIR``);
* ``forms``: the label's words are the words of one of the metric's wordings in other forms or
  order ("вхідних листів", "листи вхідні"), through pymorphy3 lemmas (``activity.morph``), once
  surplus words ("за звітний період", "загальна кількість") are set aside;
* ``contained``: the label holds a wording of one metric (two words or more, in their order, at
  most one word between two of them) and no other metric's, and beside it only nouns of that
  metric's own wordings, words naming the council or its website ("офіційному", "міської ради") and
  words of making public ("оприлюднені", "розміщено"): read as that metric, with a warning naming
  the cell (``metric_inferred``). Any other word may narrow what is counted ("усні звернення",
  "новини партнерів"), and a negation or a breakdown ("не", "у тому числі", "з них") changes it:
  then it is a question.

Anything else is ``unknown``: the label is not read, and the closest metrics (by rapidfuzz) are
suggested. A wrong automatic match is worse than a question, so every step refuses when two
metrics could be meant.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from activity.catalog import METRICS, Metric, normalise_label
from activity.settings import setting

__all__ = [
    "Resolution",
    "Remembered",
    "clean_label",
    "look_again",
    "remembered",
    "remembered_path",
    "resolve_metric",
    "suggest",
]

AUTOMATIC = ("exact", "remembered", "forms", "contained")  # the ways a label is read without a person
MAX_LABEL = 200  # characters: longer text is never read by word forms or containment

_DASHES = str.maketrans({"–": "-", "—": "-", "‒": "-", "―": "-", "−": "-"})
_UNITS_ANYWHERE = re.compile(
    r"\(\s*(?:од|шт|осіб|одиниць|кількість|к-сть|к-ть|кіл-ть|штук|разів|№)\.?\s*\)")
# "Документообіг, усього", "Надійшло звернень – всього": the word that says the row is a total names nothing
_TOTALS_WORD = re.compile(r"[,:–-]?\s*\b(?:усього|всього|разом|загалом)\b", re.IGNORECASE)
_TRAILING_UNIT = re.compile(r",\s*(?:од|шт|осіб|одиниць|штук)\.?\s*$")
_NUMBER_SIGN = re.compile(r"№")
_JOINING_DASH = re.compile(r"(?<=[^\W\d_])\s+-\s+(?=[^\W\d_])")  # "листи – заявки" -> "листи-заявки"
_ABBREVIATIONS = {"нпа": "нормативно-правові акти"}
# Officialese cut short, with its full stop ("вх. документів", "письм. – 71") or a hyphen ("к-ть"): the word in
# full, for a row label and a report's sentence alike (the form does not matter: words are read by their
# dictionary form).
SHORT_WORDS = {"вх": "вхідних", "вих": "вихідних", "внутр": "внутрішніх", "письм": "письмових", "усн": "усних",
               "колект": "колективних", "повт": "повторних", "задов": "задоволено", "роз’ясн": "роз’яснення",
               "публ": "публічну", "інф": "інформацію", "ел": "електронною", "підгот": "підготовлено",
               "направл": "направлено", "зв": "звернень", "док": "документів", "засід": "засідань",
               "розпоряд": "розпоряджень", "к-ть": "кількість", "зверн": "звернень", "відп": "відповіді",
               "надходж": "надходження", "офіц": "офіційний"}
_SHORT_RE = re.compile(r"(?<![^\W\d_])(" + "|".join(re.escape(k) for k in SHORT_WORDS if k != "к-ть") + r")\.(?=\s|$)")
_WORD = re.compile(r"[^\W\d_]+(?:[-’][^\W\d_]+)*")
_ABBREV_RE = re.compile(r"(?<![^\W\d_])(" + "|".join(map(re.escape, _ABBREVIATIONS)) + r")(?![^\W\d_])")

# Words that never carry which metric is meant: they are set aside before word forms are compared.
_FUNCTION = frozenset(
    "і й та а або чи в у на з із зі зо до для від за по про що які який яка яке як при під над "
    "через між щодо о об".split())
_FILLER = frozenset(
    "кількість к-сть к-ть кіл-ть число загальний звітний період місяць квартал рік півріччя тиждень "
    "поточний протягом од шт одиниця штука разом станом".split())
# Words that name the council or its website, not the thing counted: harmless beside a wording.
_NEUTRAL = frozenset(
    "офіційний міський рада міськрада селищний сільський виконавчий відділ управління структурний "
    "підрозділ орган апарат".split())
# Verbs of making public, preparing or receiving, by the metric's category: they say what the department did
# with the thing it counted ("оприлюднено новин", "підготовлено проєктів рішень"). Elsewhere they
# change it: published mayor's orders are not the drafts the department prepared.
_HARMLESS = {
    "publications": frozenset("розмістити розміщений оприлюднити оприлюднений опублікувати опублікований "
                              "створити створений новий".split()),
    "documents": frozenset("підготувати підготовлений надійти".split()),
    "events": frozenset("підготувати підготовлений".split()),
    "appeals": frozenset("надійти зареєструвати зареєстрований отримати отриманий".split()),  # what came in:
    # letters, requests, appeals, petitions
    "participation": frozenset("надійти зареєструвати зареєстрований подати поданий".split()),
}
_ANY_HARMLESS = frozenset().union(*_HARMLESS.values())
# Words that turn a wording into something else: a negation, a part of a total.
_BLOCKERS = frozenset("не ні без крім окрім них тому числі числа зокрема т.ч тч".split())


def clean_label(text: str) -> str:
    """:func:`normalise_label` and a little more: dashes unified, "№" and units in brackets dropped
    anywhere, ", шт" at the end, abbreviations spelt out ("НПА")."""
    key = _JOINING_DASH.sub("-", normalise_label(text).translate(_DASHES))
    key = _NUMBER_SIGN.sub(" ", _UNITS_ANYWHERE.sub(" ", key))
    key = _TRAILING_UNIT.sub("", key)
    key = _TOTALS_WORD.sub(" ", key) if _TOTALS_WORD.sub(" ", key).strip(" ,:–-") else key
    key = _ABBREV_RE.sub(lambda m: _ABBREVIATIONS[m.group(1)], key)
    key = _SHORT_RE.sub(lambda m: SHORT_WORDS[m.group(1)], key)
    return normalise_label(" ".join(key.split()))


@dataclass(frozen=True)
class Resolution:
    """What a label names: `metric` (None when unknown), `how` it was read (exact, remembered, forms,
    contained, unknown), the catalog `wording` a contained label holds, and `suggestions` (the
    closest metrics, best first) when unknown."""

    metric: Metric | None
    how: str
    wording: str = ""
    suggestions: tuple[Metric, ...] = ()

    @property
    def inferred(self) -> bool:
        return self.how == "contained"


# ------------------------------------------------------------------ the catalog's words


@dataclass(frozen=True)
class _Wording:
    code: str
    text: str
    words: tuple[frozenset[str], ...]  # the lemma keys of each content word, in order


def _tokens(key: str) -> list[str]:
    return _WORD.findall(key)


@functools.lru_cache(maxsize=65536)
def _keys(word: str) -> frozenset[str]:
    from activity.morph import lemma_keys

    return lemma_keys(word)


def _content(key: str) -> tuple[list[str], bool]:
    """The content words of a cleaned label (function and filler words set aside), and whether
    it holds a word that forbids inferring (a negation, a breakdown)."""
    words = [w for w in _tokens(key) if w not in _FUNCTION]
    blocked = any(w in _BLOCKERS for w in words) or "т.ч" in key or "в т. ч" in key
    out = [w for w in words if not (_keys(w) & _FILLER)]  # "не" stays: "не набрали" is not "набрали"
    return out, blocked


@functools.cache
def _catalog() -> tuple[dict[str, str], tuple[_Wording, ...], dict[str, frozenset[str]]]:
    """The cleaned names of every metric (a name two metrics share after cleaning is left out), each
    metric's wordings as lemma keys, and each metric's vocabulary (every lemma key of its names)."""
    index: dict[str, str] = {}
    shared: set[str] = set()
    wordings: list[_Wording] = []
    vocabulary: dict[str, set[str]] = {}
    for m in METRICS.values():
        vocab = vocabulary.setdefault(m.code, set())
        for name in dict.fromkeys(m.names()):
            key = clean_label(name)
            if not key:
                continue
            if index.setdefault(key, m.code) != m.code:
                shared.add(key)
            words, _ = _content(key)
            if not words:
                continue
            lemmas = tuple(_keys(w) for w in words)
            wordings.append(_Wording(m.code, key, lemmas))
            for ks in lemmas:
                vocab |= ks
    for key in shared:
        del index[key]
    return index, tuple(wordings), {code: frozenset(v) for code, v in vocabulary.items()}


def _same(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a & b)


def _spans(words: tuple[frozenset[str], ...], label: list[frozenset[str]]) -> list[tuple[int, ...]]:
    """Where `words` stand in `label`, in their order, at most one other word between two of them:
    the positions of each place they are found."""
    out = []
    for start in range(len(label)):
        if not _same(words[0], label[start]):
            continue
        at = [start]
        for ks in words[1:]:
            nxt = next((i for i in (at[-1] + 1, at[-1] + 2) if i < len(label) and _same(ks, label[i])), None)
            if nxt is None:
                break
            at.append(nxt)
        else:
            out.append(tuple(at))
    return out


def _same_bag(words: tuple[frozenset[str], ...], label: list[frozenset[str]]) -> bool:
    """The same words in any order (each word of the label used once)."""
    if len(words) != len(label):
        return False
    free = list(label)
    for ks in sorted(words, key=lambda k: sum(_same(k, x) for x in label)):
        for i, other in enumerate(free):
            if _same(ks, other):
                del free[i]
                break
        else:
            return False
    return True


# ------------------------------------------------------------------ remembered mappings


@dataclass(frozen=True)
class Remembered:
    """A wording a person mapped to a metric: as written, its metric code, who and when."""

    text: str
    code: str
    added_by: str = ""
    added_at: str = ""

    @property
    def key(self) -> str:
        return clean_label(self.text)


def remembered_path() -> Path:
    """Where remembered wordings are kept: beside the departments people added (survives
    `build --fresh`; git-ignored)."""
    return setting("LOCAL_DIR") / "metric_wordings.toml"


def _stamp(path: Path) -> tuple[str, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return str(path), st.st_mtime_ns, st.st_size


@functools.lru_cache(maxsize=8)
def _read_remembered(stamp: tuple[str, int, int] | None) -> dict[str, Remembered]:
    if stamp is None:
        return {}
    try:
        raw = tomllib.loads(Path(stamp[0]).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    out: dict[str, Remembered] = {}
    for entry in raw.get("wording", []):
        if not isinstance(entry, dict):
            continue
        text, code = str(entry.get("text", "")), str(entry.get("code", ""))
        if code not in METRICS or not clean_label(text):
            continue  # a code the catalog no longer has is never read
        item = Remembered(text, code, str(entry.get("added_by", "")), str(entry.get("added_at", "")))
        out[item.key] = item
    return out


def remembered() -> dict[str, Remembered]:
    """The remembered wordings by their cleaned text (read again when the file changes)."""
    return _read_remembered(_stamp(remembered_path()))


# ------------------------------------------------------------------ resolving


_looked: list[tuple[str, int, int] | None] = []  # the remembered wordings' file as last looked at


def look_again() -> None:
    """Look at the remembered wordings' file once more. Reading a file begins with this
    (etl.load.parse), so a mapping added meanwhile counts; between two looks a label costs a cache
    lookup, not a look at the disk (the long layout asks for every row)."""
    _looked[:] = [_stamp(remembered_path())]


def resolve_metric(text: str) -> Resolution:
    """What the row label `text` names (see the module doc), with the remembered wordings as they
    stood at the last `look_again` (the first call looks)."""
    if not _looked:
        look_again()
    return _resolve(str(text), _looked[0])


@functools.lru_cache(maxsize=16384)
def _resolve(text: str, stamp: tuple[str, int, int] | None) -> Resolution:
    index, wordings, vocabulary = _catalog()
    exact = index.get(normalise_label(text))
    key = clean_label(text)
    if not key:
        return Resolution(None, "unknown")
    exact = exact or index.get(key)
    if exact:
        return Resolution(METRICS[exact], "exact")
    mapped = _read_remembered(stamp).get(key)
    if mapped is not None:
        return Resolution(METRICS[mapped.code], "remembered", mapped.text)
    if len(key) > MAX_LABEL:  # a paragraph, not a row label (and a hostile file's million words)
        return Resolution(None, "unknown", suggestions=tuple(suggest(key[:MAX_LABEL])))
    words, blocked = _content(key)
    if not words:
        return Resolution(None, "unknown", suggestions=tuple(suggest(text)))
    label = [_keys(w) for w in words]
    whole = {w.code for w in wordings if _same_bag(w.words, label)}
    if len(whole) == 1:
        return Resolution(METRICS[whole.pop()], "forms")
    if whole:
        return Resolution(None, "unknown", suggestions=_ranked(whole, text))
    core = [ks for ks in label if not ks & _ANY_HARMLESS]  # "Надійшло запитів", "Розміщено новин": the verb says
    counted = [w for w, ks in zip(words, label, strict=True) if not ks & _ANY_HARMLESS]  # what was done with what a
    if 0 < len(core) < len(label) and _counted_form(counted[-1]):  # one-word wording counts ("Надійшло Звіт": no)
        done = [ks for ks in label if ks & _ANY_HARMLESS]
        bare = {w.code for w in wordings if _same_bag(w.words, core)
                and all(ks & _HARMLESS.get(METRICS[w.code].category, frozenset()) for ks in done)}
        if len(bare) == 1:
            return Resolution(METRICS[bare.pop()], "forms")
    found = [(w, span) for w in wordings if len(w.words) >= 2 for span in _spans(w.words, label)]
    # A wording inside a longer one of another metric ("фото" in "фото в новинах") is not a reading.
    found = [(w, s) for w, s in found
             if not any(o.code != w.code and set(s) < set(o2) for o, o2 in found)]
    codes = {w.code for w, _ in found}
    if len(codes) != 1 or blocked:
        return Resolution(None, "unknown", suggestions=_ranked(codes, text))
    code = codes.pop()
    covered = {i for _, span in found for i in span}
    own = vocabulary[code]
    surplus = [(words[i], ks) for i, ks in enumerate(label) if i not in covered and not ks & _NEUTRAL]
    # Beside the wording only nouns of the metric's own wordings ("акти, рішення, проєкти") and words
    # of making public may stand: any other word may narrow or change what is counted ("усні
    # звернення", "новини партнерів", "документи, зняті з контролю"): a question, not a reading.
    harmless = _HARMLESS.get(METRICS[code].category, frozenset())
    surplus = [(w, ks) for w, ks in surplus if not ks & harmless]
    if any(_qualifies(w) or not ks & own for w, ks in surplus) or len(covered) < len(surplus):
        return Resolution(None, "unknown", suggestions=_ranked({code}, text))
    best = max(found, key=lambda f: len(f[1]))[0]
    return Resolution(METRICS[code], "contained", best.text)


def _counted_form(word: str) -> bool:
    """A noun in the genitive plural, as counted things stand after a verb ("надійшло запитів")."""
    from activity.morph import word_info

    return ("gent", "plur") in word_info(word).forms


def _qualifies(word: str) -> bool:
    """An adjective, participle or verb: a word that narrows or changes what a noun counts."""
    from activity.morph import word_info

    info = word_info(word)
    return info.adjective or info.verb





def _ranked(codes: set[str], text: str) -> tuple[Metric, ...]:
    """The candidates first (in catalog order), then the closest by spelling; three at most."""
    first = [METRICS[c] for c in METRICS if c in codes]
    rest = [m for m in suggest(text, n=3) if m.code not in codes]
    return tuple((first + rest)[:3])


@functools.cache
def _choices() -> tuple[list[str], list[str]]:
    index, _, _ = _catalog()
    names: dict[str, str] = {}
    for m in METRICS.values():
        for name in m.names():
            key = clean_label(name)
            if key:
                names.setdefault(key, m.code)
    return list(names), [names[k] for k in names]


def suggest(text: str, n: int = 3) -> list[Metric]:
    """Up to `n` distinct metrics whose names are closest to `text` by spelling (rapidfuzz), best
    first; none when nothing is close."""
    from rapidfuzz import fuzz, process

    key = clean_label(str(text))
    if not key or n <= 0:
        return []
    names, codes = _choices()
    hits = process.extract(key, names, scorer=fuzz.WRatio, limit=40, score_cutoff=70)
    out: list[str] = []
    for _, _, i in hits:
        if codes[i] not in out:
            out.append(codes[i])
        if len(out) == n:
            break
    return [METRICS[c] for c in out]
