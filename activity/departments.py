"""Departments: who reports, as resolved units. The registry and the one rule that turns a text
from a file into a department.

The registry (`data/departments.toml`, plus what people added in `data/local/departments.toml`, plus
the departments a load registered in the warehouse) lists each department of a place with a code,
a canonical name, an English name, a main kind and the other ways it is written (short forms,
former names with the dates they were used). Standard names (`[[standard]]`: "загальний відділ",
"відділ освіти" …) are departments any hromada may have, coded "<place>.<slug>".

`Registry.resolve(text, place)` compares, within that place only (departments of two places are
never merged):

1. the text's key (`department_key`: case, spaces, apostrophes and quotes, punctuation, "і/й/та",
   and the council's name at the end — "… Ніжинської міської ради", "виконавчого комітету …",
   "… військово-цивільної адміністрації …" — dropped) with the keys of the place's own names and
   aliases;
2. the same words in other forms (pymorphy3 lemmas: "відділу освіти" is "відділ освіти");
3. a known name the text begins ("відділ інформаційно-аналітичної роботи" for the full name);
4. then the standard names, by key and by word forms.

A text naming two departments equally is ambiguous; a text matching nothing is `new` when the place
has no department yet (the loader registers it), else `unknown` with the closest names
(rapidfuzz). Empty text, punctuation only, a formula or SQL is `invalid`. Anything but the canonical
name itself is reported (`changed`), so the loader can warn naming the cell.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from activity.i18n import pick
from activity.settings import ROOT, setting

REGISTRY_PATH = ROOT / "data" / "departments.toml"


def local_path() -> Path:
    """Where departments and spellings people added are kept (survives `build --fresh`)."""
    return setting("LOCAL_DIR") / "departments.toml"


@dataclass(frozen=True)
class Alias:
    uk: str
    since: date | None = None  # the spelling was used from this day (a renaming)
    until: date | None = None  # … up to this day


@dataclass(frozen=True)
class Department:
    code: str
    place: str
    kind: str
    name_uk: str
    name_en: str
    aliases: tuple[Alias, ...] = ()
    origin: str = "registry"  # registry | standard | local | auto

    def label(self, lang: str = "uk") -> str:
        return pick(self.name_uk, self.name_en or self.name_uk, lang)


@dataclass(frozen=True)
class Kind:
    code: str
    uk: str
    en: str

    def label(self, lang: str = "uk") -> str:
        return pick(self.uk, self.en, lang)


class RegistryError(ValueError):
    """The registry would contradict itself (two departments of one place with one name, an unknown
    kind, no such department); ``str()`` is the Ukrainian message."""

    def __init__(self, message_uk: str, message_en: str):
        super().__init__(message_uk)
        self.message_uk, self.message_en = message_uk, message_en

    def message(self, lang: str = "uk") -> str:
        return pick(self.message_uk, self.message_en, lang)


@dataclass
class Resolution:
    """What a text names: `department` (None unless matched or new), how it was found, and for an
    unknown or ambiguous text the closest departments of the place."""

    text: str
    how: str  # canonical | spelling | alias | word_forms | short_form | standard | new | unknown | ambiguous | invalid
    department: Department | None = None
    candidates: list[Department] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.department is not None

    @property
    def changed(self) -> bool:
        """The text is not the department's canonical name as it stands (the loader warns)."""
        return self.ok and self.how != "canonical"


# ------------------------------------------------------------------------------------ the key

_QUOTES = re.compile(r"[\"«»„“”‟‹›']")
_APOSTROPHES = str.maketrans({"'": "’", "ʼ": "’", "`": "’", "‘": "’", "´": "’", "′": "’"})
_WORD = re.compile(r"[^\W_]+(?:[’-][^\W_]+)*")
_AND = {"і": "та", "й": "та", "та": "та", "and": "та"}
# The council's or administration's name after the department's own (its executive committee's
# apparatus included: "відділ … апарату виконавчого комітету"): dropped from the first of these words
_TAIL = re.compile(
    r"\s(?:(?:[\w-]+(?:ської|цької|зької)\s)?(?:міської|селищної|сільської)\s(?:ради|військової\sадміністрації)"
    r"|(?:апарату\s)?виконавчого\sкомітету|(?:апарату\s)?виконкому|міськвиконкому"
    r"|(?:[\w-]+(?:ської|цької|зької)\s)?(?:міської\s)?військово-цивільної\sадміністрації"
    r"|(?:[\w-]+(?:ської|цької|зької)\s)?військової\sадміністрації|вца|мва)\b.*$", re.IGNORECASE)
_FORMULA = re.compile(r"^\s*[=+@]")
_SQL = re.compile(r";|--|/\*|\b(?:select|insert|update|delete|drop|union)\b\s", re.IGNORECASE)


@functools.lru_cache(maxsize=65536)
def department_key(text: str) -> str:
    """The text as compared: its words in lower case, one apostrophe, "та" for і/й/та, without
    punctuation or quotes, and without the council's name at the end."""
    t = unicodedata.normalize("NFC", str(text)).replace("\u00a0", " ").translate(_APOSTROPHES).casefold()
    t = _QUOTES.sub(" ", t)
    words = [_AND.get(w, w) for w in _WORD.findall(t)]
    t = " " + " ".join(words)
    t = _TAIL.sub("", t)
    return t.strip()


def invalid_text(text: object) -> bool:
    """Not a department's name at all: empty, only punctuation or digits, a formula, SQL."""
    if text is None:
        return True
    raw = str(text)
    if _FORMULA.match(raw) or _SQL.search(raw):
        return True
    return not any(len(w) > 1 and not w.isdigit() for w in _WORD.findall(raw))


@functools.lru_cache(maxsize=4096)
def _lemmas(key: str) -> tuple[frozenset[str], ...]:
    from activity.morph import lemma_keys

    return tuple(lemma_keys(w) for w in key.split())


def _same_words(a: str, b: str) -> bool:
    """The keys hold the same words, each in some form of the other (pymorphy3 lemmas)."""
    la, lb = _lemmas(a), _lemmas(b)
    return len(la) == len(lb) and all(x & y for x, y in zip(la, lb, strict=True))


def same_name(a: str, b: str) -> bool:
    """Two texts name the same department the way ``Registry.resolve`` compares names: the same key,
    or the same words in other forms."""
    ka, kb = department_key(a), department_key(b)
    return bool(ka) and (ka == kb or _same_words(ka, kb))


def _slug(text: str) -> str:
    from activity.places import transliterate

    words = re.findall(r"[a-z0-9]+", transliterate(text).lower())
    return "_".join(words)[:40].strip("_") or "department"


# ------------------------------------------------------------------------------- the registry

@dataclass
class Registry:
    kinds: dict[str, Kind]
    departments: dict[str, Department]  # by code
    standard: list[Department]  # place "" and code = slug: made per place on use
    by_place: dict[str, list[Department]] = field(default_factory=dict)

    @classmethod
    def load(cls, extra: Iterable[Department] = (), *, path: Path | None = None,
             local: Path | None = None) -> Registry:
        """The shipped registry, what people added (`local`), and `extra` (the warehouse's own)."""
        raw = tomllib.loads((path or REGISTRY_PATH).read_text(encoding="utf-8"))
        kinds = _kinds(raw)
        reg = cls(kinds, {}, [])
        for item in raw.get("standard", []):
            reg.standard.append(Department(item["slug"], "", item["kind"], item["uk"], item["en"], origin="standard"))
        for item in raw.get("department", []):
            reg.add(_from_toml(item, "registry"))
        local = local if local is not None else local_path()
        if local.exists():
            extra_raw = tomllib.loads(local.read_text(encoding="utf-8"))
            for item in extra_raw.get("department", []):
                reg.add(_from_toml(item, "local"))
            for item in extra_raw.get("alias", []):
                reg.add_alias(item["code"], Alias(item["uk"]))
        for d in extra:
            if d.code not in reg.departments:
                reg.add(d)
        for d in [*reg.departments.values(), *reg.standard]:
            if d.kind not in kinds:
                raise RegistryError(f"{d.code}: невідомий вид підрозділу «{d.kind}»", f"{d.code}: unknown kind {d.kind!r}")
        return reg

    def add(self, d: Department) -> None:
        """Register a department; refused when another of its place already has one of its names."""
        mine = {department_key(n) for n in self.names(d)}
        for other in self.of_place(d.place):
            if other.code == d.code:
                raise RegistryError(f"{d.code}: зареєстровано двічі", f"{d.code}: registered twice")
            both = mine & {department_key(n) for n in self.names(other)}
            if both:
                raise RegistryError(
                    f"«{d.name_uk}» ({d.code}) і «{other.name_uk}» ({other.code}) мають одну назву «{sorted(both)[0]}»",
                    f"«{d.name_uk}» ({d.code}) and «{other.name_uk}» ({other.code}) share the name «{sorted(both)[0]}»")
        self.departments[d.code] = d
        self.by_place.setdefault(d.place, []).append(d)

    def add_alias(self, code: str, alias: Alias) -> Department:
        d = self.departments.get(code)
        if d is None:
            raise RegistryError(f"немає підрозділу {code}", f"no department {code}")
        key = department_key(alias.uk)
        for other in self.of_place(d.place):
            if other.code != code and key in {department_key(n) for n in self.names(other)}:
                raise RegistryError(f"«{alias.uk}» уже називає «{other.name_uk}» ({other.code})",
                                    f"«{alias.uk}» already names «{other.name_uk}» ({other.code})")
        new = replace(d, aliases=(*d.aliases, alias))
        self.departments[code] = new
        self.by_place[d.place] = [new if x.code == code else x for x in self.by_place[d.place]]
        return new

    @staticmethod
    def names(d: Department) -> list[str]:
        return [d.name_uk, *(a.uk for a in d.aliases)]

    def of_place(self, place: str) -> list[Department]:
        return list(self.by_place.get(place, ()))

    def get(self, code: str) -> Department | None:
        if code in self.departments:
            return self.departments[code]
        place, _, slug = code.rpartition(".")
        std = next((s for s in self.standard if s.code == slug), None)
        return self._standard_of(std, place) if std and place.startswith("UA") else None

    def _standard_of(self, std: Department, place: str) -> Department:
        return replace(std, code=f"{place}.{std.code}", place=place)

    def resolve(self, text: object, place: str, when: date | None = None) -> Resolution:
        """The department `text` names in `place` (see the module docstring)."""
        shown = " ".join(str(text).split()) if text is not None else ""
        if invalid_text(text):
            return Resolution(shown, "invalid")
        key = department_key(shown)
        if not key:
            return Resolution(shown, "invalid")
        own = self.of_place(place)
        found = [d for d in own if _as_written(shown) == _as_written(d.name_uk)]
        if found:
            return self._one(shown, "canonical", found)
        found = [d for d in own if department_key(d.name_uk) == key]
        if found:
            return self._one(shown, "spelling", found)
        found = [d for d in own if any(department_key(a.uk) == key for a in d.aliases if _in_force(a, when))]
        if found:
            return self._one(shown, "alias", found)
        found = [d for d in own if any(_same_words(department_key(n), key) for n in _names_at(d, when))]
        if found:
            return self._one(shown, "word_forms", found)
        found = [d for d in own if any(_begins(department_key(n), key) for n in _names_at(d, when))]
        if found:
            return self._one(shown, "short_form", found)
        std = [s for s in self.standard if department_key(s.name_uk) == key] or \
              [s for s in self.standard if _same_words(department_key(s.name_uk), key)]
        if len(std) == 1:
            d = self._standard_of(std[0], place)
            return Resolution(shown, "canonical" if _as_written(shown) == _as_written(d.name_uk) else "standard", d)
        if not own:
            return Resolution(shown, "new", self.new_department(shown, place))
        return Resolution(shown, "unknown", None, self.closest(key, own))

    def _one(self, shown: str, how: str, found: list[Department]) -> Resolution:
        if len(found) > 1:
            return Resolution(shown, "ambiguous", None, found)
        return Resolution(shown, how, found[0])

    def new_department(self, text: str, place: str) -> Department:
        """A department first seen in a file of a place that has none yet (the loader registers it)."""
        key = department_key(text)
        name = _TAIL.sub("", " " + " ".join(str(text).split())).strip(" ,.;:") or text
        name = name[:1].lower() + name[1:] if name[:1].isupper() and not name[1:2].isupper() else name
        code, n = f"{place}.{_slug(key)}", 1
        while code in self.departments:
            n += 1
            code = f"{place}.{_slug(key)}_{n}"
        return Department(code, place, _guess_kind(key), name, name, origin="auto")

    @staticmethod
    def closest(key: str, among: list[Department], n: int = 3) -> list[Department]:
        from rapidfuzz import fuzz, process

        choices = {(d.code, i): department_key(name) for d in among for i, name in enumerate(Registry.names(d))}
        best: dict[str, float] = {}
        for _, score, (code, _) in process.extract(key, choices, scorer=fuzz.token_set_ratio, limit=None):
            best[code] = max(best.get(code, 0), score)
        ranked = sorted(best, key=lambda c: -best[c])
        return [next(d for d in among if d.code == c) for c in ranked[:n]]


def _as_written(text: str) -> str:
    """The text as it reads: spaces collapsed, a capital first letter (a sentence's start) lowered."""
    t = " ".join(text.split())
    return t[:1].lower() + t[1:]


def _begins(name_key: str, key: str) -> bool:
    """The text is a known name's first words (at least two of them), not the whole name."""
    return len(key.split()) >= 2 and name_key != key and name_key.startswith(key + " ")


def _kinds(raw: dict) -> dict[str, Kind]:
    return {code: Kind(code, v["uk"], v["en"]) for code, v in raw["kinds"].items()}


@functools.cache
def kinds() -> dict[str, Kind]:
    """The main kinds of department (`[kinds]` of the shipped registry), read once."""
    return _kinds(tomllib.loads(REGISTRY_PATH.read_text(encoding="utf-8")))


def _names_at(d: Department, when: date | None) -> list[str]:
    """The department's name and the aliases in use on `when` (any day: None)."""
    return [d.name_uk, *(a.uk for a in d.aliases if _in_force(a, when))]


def _in_force(alias: Alias, when: date | None) -> bool:
    return when is None or ((alias.since is None or alias.since <= when) and (alias.until is None or when <= alias.until))


_KIND_WORDS = (
    ("communications", ("комунікац", "інформаційн", "зв’язк", "зміст", "прес")),
    ("internal_policy", ("внутрішньої політики",)),
    ("public_information", ("публічної інформації",)),
    ("appeals", ("звернен", "приймальн")),
    ("civic_participation", ("громадськ участ", "електронного урядування", "громадського бюджету", "петиц")),
    ("records", ("загальний", "діловодств", "організаційн")),
)


def _guess_kind(key: str) -> str:
    """A new department's main kind from words of its name (communications when nothing says)."""
    for kind, words in _KIND_WORDS:
        if any(w in key for w in words):
            return kind
    return "communications"


def _from_toml(item: dict, origin: str) -> Department:
    aliases = tuple(Alias(a["uk"], a.get("from"), a.get("until")) if isinstance(a, dict) else Alias(str(a))
                    for a in item.get("aliases", []))
    return Department(item["code"], item["place"], item["kind"], item["uk"], item.get("en", item["uk"]),
                      aliases, origin)
