"""Metric catalog: codes, kinds, labels and the wordings that name each metric.

The catalog lives in ``metrics.toml`` beside this module and is the single source of truth for
metric codes. It is read and validated once, at import; a malformed file raises
:class:`CatalogError` naming the metric and the field at fault.

Matching a label to a metric never guesses: :func:`match_metric` accepts only an exact match
after :func:`normalise_label`; :func:`suggest_metrics` offers close candidates (by rapidfuzz) for a
person to choose from. Labels written otherwise than the catalog's names are read by
:mod:`activity.wordings`.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from activity.i18n import pick

__all__ = [
    "CATALOG_PATH",
    "CATEGORIES",
    "KINDS",
    "METRICS",
    "POLARITIES",
    "CatalogError",
    "Category",
    "Metric",
    "get_metric",
    "load_catalog",
    "match_metric",
    "metrics_in_category",
    "normalise_label",
    "suggest_metrics",
]

CATALOG_PATH = Path(__file__).with_name("metrics.toml")
KINDS = frozenset({"flow", "stock"})
POLARITIES = frozenset({"up", "down", "neutral"})
_METRIC_FIELDS = (
    "kind", "category", "polarity", "unit", "uk", "en",
    "short_uk", "short_en", "definition_uk", "definition_en", "wordings", "sentence",
)  # fmt: skip
_PROSE_FIELDS = ("prose", "verbless")  # optional: how narrative reports name the metric (etl.reports.lexicon)
CASES = frozenset({"acc", "gen", "nom"})  # the case a report sentence's count governs
_CODE_RE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")


class CatalogError(ValueError):
    """The metric catalog file is malformed or inconsistent."""


def _pick(lang: str, uk: str, en: str) -> str:
    if lang not in ("uk", "en"):
        raise ValueError(f"unknown language {lang!r}: use 'uk' or 'en'")
    return pick(uk, en, lang)


@dataclass(frozen=True)
class Category:
    """A group of metrics shown together (e.g. publications, civil society)."""

    code: str
    label_uk: str
    label_en: str

    def label(self, lang: str = "uk") -> str:
        return _pick(lang, self.label_uk, self.label_en)


@dataclass(frozen=True)
class Sentence:
    """How the written report says a figure of a metric (see metrics.toml, ``sentence``)."""

    verb: str
    words: str
    case: str
    zero: str = ""


@dataclass(frozen=True)
class Metric:
    """One counted thing: a flow over a period or a stock standing on a date."""

    code: str
    kind: str
    category: str
    polarity: str
    unit: str
    label_uk: str
    label_en: str
    short_uk: str
    short_en: str
    definition_uk: str
    definition_en: str
    wordings: tuple[str, ...]
    sentence: Sentence
    prose: tuple[str, ...] = ()  # what reports also write for it, never a row label ("оголошення")
    verbless: tuple[str, ...] = ()  # what a line with no verb means by it ("рішень виконкому – 311")

    @property
    def is_stock(self) -> bool:
        return self.kind == "stock"

    def label(self, lang: str = "uk") -> str:
        return _pick(lang, self.label_uk, self.label_en)

    def short(self, lang: str = "uk") -> str:
        return _pick(lang, self.short_uk, self.short_en)

    def definition(self, lang: str = "uk") -> str:
        return _pick(lang, self.definition_uk, self.definition_en)

    def names(self) -> tuple[str, ...]:
        """Every text that names this metric: code, labels, short labels and wordings."""
        return (self.code, self.label_uk, self.label_en, self.short_uk, self.short_en,
                *self.wordings)  # fmt: skip


# --------------------------------------------------------------------------- normalisation

_APOSTROPHES = str.maketrans({"'": "’", "ʼ": "’", "`": "’", "‘": "’", "´": "’", "′": "’"})
_QUOTES_RE = re.compile(r"[\"«»„“”‟‹›]")
_SPACES_RE = re.compile(r"[\s\u00a0\u2007\u202f\u200b]+")
# Latin letters that look like Cyrillic ones, mapped before lower-casing.
_LOOKALIKES = {
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "I": "І", "K": "К", "M": "М",
    "O": "О", "P": "Р", "T": "Т", "X": "Х", "Y": "У", "Ï": "Ї",
    "a": "а", "c": "с", "e": "е", "i": "і", "o": "о", "p": "р", "x": "х", "y": "у", "ï": "ї",
}  # fmt: skip
_LOOKALIKE_TABLE = str.maketrans(_LOOKALIKES)
_WORD_RE = re.compile(r"[^\W\d_]+")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_LEADING_RE = re.compile(
    r"^(?:[-–—•·*]+\s*|\d{1,3}(?:\.\d{1,3})*[.)]\s*|\d{1,3}(?:\.\d{1,3})+\s+|\(\d{1,3}\)\s*)"
)
_UNIT_HINT_RE = re.compile(r"\s*(?:,\s*|\(\s*)(?:од|шт|кількість|к-сть|осіб|одиниць)\.?\s*\)?$")
_TRAILING_PUNCT = " .,;:!?…-–—*"


def _fix_lookalikes(text: str) -> str:
    """Turn Latin lookalike letters into Cyrillic inside Cyrillic words.

    A word with a Cyrillic letter is Cyrillic; so is a word made only of lookalike letters
    (a Latin "i" for the conjunction "і") when the text has Cyrillic letters elsewhere.
    "Facebook" and "Telegram" keep their Latin letters.
    """
    has_cyrillic = bool(_CYRILLIC_RE.search(text))

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        if _CYRILLIC_RE.search(word) or (has_cyrillic and all(c in _LOOKALIKES for c in word)):
            return word.translate(_LOOKALIKE_TABLE)
        return word

    return _WORD_RE.sub(fix, text)


def normalise_label(text: str) -> str:
    """Reduce a row label or phrase to the form used for catalog lookups.

    Lower-cases; turns Latin lookalikes into Cyrillic in Cyrillic words; unifies apostrophes
    to ’; drops quotes; folds no-break and repeated spaces; drops leading numbering or bullets
    ("1.", "1)", "2.3."), trailing unit hints ("(од.)", ", од.", "(кількість)") and trailing
    punctuation.
    """
    text = _QUOTES_RE.sub("", text.translate(_APOSTROPHES))
    text = _SPACES_RE.sub(" ", text).strip()
    text = _fix_lookalikes(text).lower()
    previous = None
    while previous != text:
        previous = text
        text = _LEADING_RE.sub("", text, count=1)
        text = _UNIT_HINT_RE.sub("", text).rstrip(_TRAILING_PUNCT).strip()
    return text


# --------------------------------------------------------------------------- loading


def _text(table: dict[str, Any], key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise CatalogError(f"{where}: field {key!r} must be a non-empty string")
    return value.strip()


def _load_categories(raw: Any) -> dict[str, Category]:
    if not isinstance(raw, dict) or not raw:
        raise CatalogError("metric catalog: no [categories.*] tables")
    categories: dict[str, Category] = {}
    for code, table in raw.items():
        where = f"category {code!r}"
        if not _CODE_RE.match(code) or not isinstance(table, dict):
            raise CatalogError(f"{where}: code must be snake_case with a table of labels")
        categories[code] = Category(code, _text(table, "uk", where), _text(table, "en", where))
    return categories


def _load_metric(code: str, table: Any, categories: dict[str, Category]) -> Metric:
    where = f"metric {code!r}"
    if not _CODE_RE.match(code):
        raise CatalogError(f"{where}: code must be snake_case (a-z, 0-9, _)")
    if not isinstance(table, dict):
        raise CatalogError(f"{where}: expected a table")
    missing = [name for name in _METRIC_FIELDS if name not in table]
    unknown = sorted(set(table) - set(_METRIC_FIELDS) - set(_PROSE_FIELDS))
    if missing or unknown:
        raise CatalogError(f"{where}: missing fields {missing}, unknown fields {unknown}")
    fields = {name: _text(table, name, where) for name in _METRIC_FIELDS if name not in ("wordings", "sentence")}
    if fields["kind"] not in KINDS:
        raise CatalogError(f"{where}: kind {fields['kind']!r} is not one of {sorted(KINDS)}")
    if fields["polarity"] not in POLARITIES:
        raise CatalogError(
            f"{where}: polarity {fields['polarity']!r} is not one of {sorted(POLARITIES)}"
        )
    if fields["category"] not in categories:
        raise CatalogError(f"{where}: unknown category {fields['category']!r}")
    wordings = table["wordings"]
    if not isinstance(wordings, list) or not all(isinstance(w, str) for w in wordings):
        raise CatalogError(f"{where}: 'wordings' must be a list of strings")
    for wording in wordings:
        if not wording or wording != normalise_label(wording):
            raise CatalogError(
                f"{where}: wording {wording!r} is not normalised; write it as "
                f"{normalise_label(wording)!r}"
            )
    return Metric(
        code=code, kind=fields["kind"], category=fields["category"],
        polarity=fields["polarity"], unit=fields["unit"],
        label_uk=fields["uk"], label_en=fields["en"],
        short_uk=fields["short_uk"], short_en=fields["short_en"],
        definition_uk=fields["definition_uk"], definition_en=fields["definition_en"],
        wordings=tuple(dict.fromkeys(wordings)),
        sentence=_load_sentence(table["sentence"], where),
        **{name: _phrases(table.get(name, []), name, where) for name in _PROSE_FIELDS},
    )  # fmt: skip


def _phrases(raw: Any, name: str, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(p, str) and p.strip() and p == p.lower() for p in raw):
        raise CatalogError(f"{where}: {name!r} must be a list of lower-case phrases")
    return tuple(dict.fromkeys(raw))


def _load_sentence(raw: Any, where: str) -> Sentence:
    if not isinstance(raw, dict) or not {"verb", "words", "case"} <= set(raw) <= {"verb", "words", "case", "zero"}:
        raise CatalogError(f"{where}: 'sentence' must be a table of verb, words, case and an optional zero")
    sentence = Sentence(**{k: _text(raw, k, f"{where} sentence") for k in raw})
    if sentence.case not in CASES:
        raise CatalogError(f"{where}: sentence case {sentence.case!r} is not one of {sorted(CASES)}")
    if "{" not in sentence.words or sentence.words.count("{") != sentence.words.count("}"):
        raise CatalogError(f"{where}: sentence words {sentence.words!r} need one braced noun group at least")
    return sentence


def _build_index(metrics: dict[str, Metric]) -> dict[str, str]:
    """Map every normalised name to its metric code; a name naming two metrics is an error."""
    index: dict[str, str] = {}
    for metric in metrics.values():
        for name in metric.names():
            key = normalise_label(name)
            owner = index.setdefault(key, metric.code)
            if owner != metric.code:
                raise CatalogError(
                    f"metric catalog: {key!r} names both {owner!r} and {metric.code!r}"
                )
    return index


def load_catalog(
    path: Path | str = CATALOG_PATH,
) -> tuple[dict[str, Metric], dict[str, Category]]:
    """Read and validate a catalog file; return (metrics, categories) in file order."""
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise CatalogError(f"cannot read metric catalog {path.name}: {exc}") from exc
    categories = _load_categories(raw.get("categories"))
    raw_metrics = raw.get("metrics")
    if not isinstance(raw_metrics, dict) or not raw_metrics:
        raise CatalogError(f"{path.name}: no [metrics.*] tables")
    metrics = {code: _load_metric(code, table, categories) for code, table in raw_metrics.items()}
    _build_index(metrics)
    return metrics, categories


METRICS, CATEGORIES = load_catalog()
_INDEX = _build_index(METRICS)
_NAMES = list(_INDEX)


# --------------------------------------------------------------------------- lookups


def get_metric(code: str) -> Metric:
    """Return the metric with this code; raise KeyError naming the unknown code."""
    try:
        return METRICS[code]
    except KeyError:
        raise KeyError(
            f"unknown metric code {code!r}: not in activity/metrics.toml "
            f"(close: {[m.code for m in suggest_metrics(code)]})"
        ) from None


@functools.lru_cache(maxsize=8192)
def match_metric(text: str) -> Metric | None:
    """Return the metric that ``text`` names exactly (after normalisation), else None."""
    code = _INDEX.get(normalise_label(text))
    return METRICS[code] if code else None


def suggest_metrics(text: str, n: int = 3) -> list[Metric]:
    """Return up to ``n`` distinct metrics whose names are closest to ``text``, best first."""
    from rapidfuzz import fuzz, process

    key = normalise_label(text)
    if not key or n <= 0:
        return []
    close = process.extract(key, _NAMES, scorer=fuzz.WRatio, limit=None, score_cutoff=70)
    codes = list(dict.fromkeys(_INDEX[name] for name, _, _ in close))
    return [METRICS[code] for code in codes[:n]]


def metrics_in_category(category: str) -> list[Metric]:
    """Return the metrics of a category in catalog order; KeyError for an unknown category."""
    if category not in CATEGORIES:
        raise KeyError(f"unknown metric category {category!r}; known: {sorted(CATEGORIES)}")
    return [m for m in METRICS.values() if m.category == category]
