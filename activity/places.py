"""Places: hromadas and cities from the official codifier КАТОТТГ, and resolving names to them.

The data is ``data/reference/places.csv`` (built by ``data/reference/make_places.py``): one row per
hromada (H), city (M) and city with special status (K). The *unit* a council reports as is one place
per hromada: the city (M) when the hromada's centre is a city, else the hromada (H) itself.
``resolve_place`` accepts city names in any grammatical case, council and hromada phrases
("Ніжинської міської ради"), Latin lookalike letters and the English (transliterated) name.
"""

from __future__ import annotations

import csv
import difflib
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from activity.declension import _adjective_forms, _inflect, _word_table
from activity.declension import city_case_forms as city_case_forms  # re-exported

PLACES_CSV = Path(__file__).resolve().parents[1] / "data" / "reference" / "places.csv"


@dataclass(frozen=True)
class Place:
    code: str
    level: str  # H hromada, M city, K city with special status
    name_uk: str
    name_en: str
    oblast_uk: str
    raion_uk: str
    hromada_code: str


class PlaceError(ValueError):
    """An unknown or ambiguous name; ``str()`` is the Ukrainian message."""

    def __init__(self, message_uk: str, message_en: str, suggestions: list[str] | None = None):
        super().__init__(message_uk)
        self.message_uk, self.message_en = message_uk, message_en
        self.suggestions: list[str] = list(suggestions or [])

    def __str__(self) -> str:
        return self.message_uk


@dataclass(frozen=True)
class PlaceMatch:
    place: Place
    normalised: bool  # the text had to be changed to match: case, spaces, lookalikes, word form


# ------------------------------------------------------------------ transliteration (KMU No. 55)

_TR = dict(zip("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
               "a b v h g d e ie zh z y i i i k l m n o p r s t u f kh ts ch sh shch - iu ia".split(),
               strict=True)) | {"ь": ""}
_TR_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_APOSTROPHES = "'’ʼ`‘´′"


def transliterate(text: str) -> str:
    """Ukrainian → Latin by the official table (Cabinet of Ministers resolution No. 55, 27.01.2010).

    є ї й ю я start a word as Ye Yi Y Yu Ya, elsewhere ie i i iu ia; зг → zgh; ь and ' vanish.
    """
    out, prev = [], ""
    for i, ch in enumerate(text):
        low = ch.lower()
        if low in _TR:
            in_word = prev.lower() in _TR or (prev != "" and prev in _APOSTROPHES)
            lat = ("gh" if low == "г" and prev.lower() == "з" else
                   _TR_INITIAL[low] if not in_word and low in _TR_INITIAL else _TR[low])
            if ch != low and lat:
                lat = lat.upper() if text[i + 1:i + 2].isupper() else lat.capitalize()
            out.append(lat)
        elif ch not in _APOSTROPHES:
            out.append(ch)
        prev = ch
    return "".join(out)


# ------------------------------------------------------------------ text → lookup key

_TYPO = str.maketrans({**dict.fromkeys(_APOSTROPHES, "’"), **dict.fromkeys("‐‑‒–—−", "-"), "\xa0": " "})
_LOOK = str.maketrans("aceiopxykuHBTMKAEOPCXIYï", "асеіорхукинвтмкаеорсхіуї")  # Latin lookalikes
_CYR = re.compile(r"[а-яіїєґ]")
_PUNCT = re.compile(r"[.,;:()«»\"“”„!?/]|\s-\s*|\s*-\s")


def _typo(text: str) -> str:
    """Typographic variants only (apostrophes, dashes, no-break spaces): not a normalisation."""
    return text.translate(_TYPO)


def _key(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", _typo(text).casefold().replace("’", "")).replace("-", " ").split())


_UK_WORDS, _EN_WORDS = _word_table()
_OBLAST_WORDS = dict.fromkeys(("обл", "область", "області", "областю", "oblast", "region", "м"), ("", ""))


def _parse(text: str, words: dict[str, tuple[str, str]]) -> tuple[str, str, str]:
    """(key of the name, hint, kind) with the words around the name taken out."""
    kept, hint, kinds = [], "", set()
    for tok in _key(text).split():
        if tok in words:
            hint, kind = words[tok][0] or hint, words[tok][1]
            kinds.add(kind)
        else:
            kept.append(tok)
    return " ".join(kept), hint, "h" if "h" in kinds else "c" if "c" in kinds else ""


# ------------------------------------------------------------------ the index (built once)

Entry = tuple[str, int, str, str]  # unit code, rank (0 name, 1 form, 2 fallback form), hint, kind


@dataclass
class _Index:
    places: dict[str, Place]
    unit_of: dict[str, str]  # any code → the unit a council reports as
    oblast_of: dict[str, str]  # code → oblast code (K: its own code)
    uk: dict[str, list[Entry]]
    en: dict[str, list[Entry]]
    names: dict[str, list[str]]  # key of a unit's name → unit codes, for suggestions
    adjectives: dict[str, list[tuple[str, str]]]  # unit code → (hromada adjective, hint)
    oblasts: dict[str, str]  # key of an oblast's name → oblast code


@functools.cache
def _index() -> _Index:
    with PLACES_CSV.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    places = {r["code"]: Place(*(r[k] for k in Place.__dataclass_fields__)) for r in rows}
    idx = _Index(places, {}, {}, {}, {}, {}, {}, {})
    for r in rows:
        code, level, name, adj, centre = (r[k] for k in ("code", "level", "name_uk", "hromada_uk",
                                                        "centre_code"))
        idx.unit_of[code], idx.oblast_of[code] = code, r["oblast_code"]
        if level in "MK":
            for rank, _case, form in [(0, "nom", name), *_inflect(name)]:
                idx.uk.setdefault(_key(form), []).append((code, rank, "M", "c"))
            idx.en.setdefault(_parse(r["name_en"], _EN_WORDS)[0], []).append((code, 0, "M", "c"))
            for k in (_key(name), _key(r["name_en"])):
                idx.names.setdefault(k, []).append(code)
        if level == "M" or not adj:
            continue
        unit, hint = code, "M" if level == "K" else "S"
        if level == "H" and places.get(centre, places[code]).level == "M":
            idx.unit_of[code], unit, hint = centre, centre, "M"
        elif level == "H":
            for k in (_key(adj), _key(transliterate(adj))):
                idx.names.setdefault(k, []).append(code)
        idx.adjectives.setdefault(unit, []).append((adj, hint))
        for i, form in enumerate(_adjective_forms(adj)):
            idx.uk.setdefault(_key(form), []).append((unit, min(i, 1), hint, "h"))
        idx.en.setdefault(_key(transliterate(adj)), []).append((unit, 0, hint, "h"))
    for r in rows:
        ob, oc = r["oblast_uk"], r["oblast_code"]
        forms = [r["name_uk"], r["name_en"]] if r["level"] == "K" else [
            transliterate(ob), *(_adjective_forms(ob) if " " not in ob else [ob, "Крим", "АРК", "Crimea"])]
        idx.oblasts |= {_parse(f, _OBLAST_WORDS)[0]: oc for f in forms} | {oc.casefold(): oc}
    return idx


def all_places() -> tuple[Place, ...]:
    """Every hromada (H), city (M) and city with special status (K), in the codifier's order."""
    return tuple(_index().places.values())


def get_place(code: str) -> Place:
    """The place with this КАТОТТГ code; PlaceError when there is none."""
    place = _index().places.get(str(code).strip().upper())
    if place is None:
        raise PlaceError(f"Невідомий код КАТОТТГ «{code}».", f"Unknown KATOTTH code '{code}'.")
    return place


# ------------------------------------------------------------------ resolving

def _label(p: Place, en: bool = False, raion: bool = False) -> str:
    name = p.name_en if en else p.name_uk + (" громада" if p.level == "H" else "")
    if not p.oblast_uk:
        return name
    ob = (transliterate(p.oblast_uk) if en else p.oblast_uk) + (
        "" if " " in p.oblast_uk else " oblast" if en else " обл.")
    if raion and p.raion_uk:
        ob = (f"{transliterate(p.raion_uk)} raion, " if en else f"{p.raion_uk} р-н, ") + ob
    return f"{name} ({ob})"


def _labels(codes: list[str], en: bool = False) -> list[str]:
    """Labels with the oblast, and the raion where the oblast alone does not tell them apart."""
    places = [_index().places[c] for c in codes]
    plain = [_label(p) for p in places]
    return [_label(p, en, raion=plain.count(plain[i]) > 1) for i, p in enumerate(places)]


def _suggest(key: str, oblast_code: str | None) -> list[str]:
    idx = _index()
    codes = [c for k in difflib.get_close_matches(key, idx.names.keys(), n=8, cutoff=0.6)
             for c in idx.names[k] if oblast_code in (None, idx.oblast_of[c])]
    return list(dict.fromkeys(codes))[:3]


def _error(codes: list[str], uk: Callable[[str], str], en: Callable[[str], str]) -> PlaceError:
    """PlaceError whose messages name the candidates (their labels joined are passed to uk/en)."""
    labels = _labels(codes)
    return PlaceError(uk("; ".join(labels)), en("; ".join(_labels(codes, en=True))), labels)


def _oblast_code(oblast: str) -> str:
    key = _parse(oblast.translate(_LOOK) if _CYR.search(oblast.casefold()) else oblast, _OBLAST_WORDS)[0]
    if key not in _index().oblasts:
        raise PlaceError(f"Невідома область «{oblast}».", f"Unknown oblast '{oblast}'.")
    return _index().oblasts[key]


@functools.cache
def _surfaces(code: str) -> frozenset[str]:
    """The canonical ways to write a unit: matching one of them is not a normalisation."""
    p = _index().places[code]
    out = {p.name_uk, p.name_en} | ({f"м. {p.name_uk}", f"м.{p.name_uk}", f"місто {p.name_uk}"}
                                    if p.level in "MK" else set())
    for adj, hint in _index().adjectives.get(code, []):
        out |= {adj, transliterate(adj), f"{adj} громада", f"{adj} територіальна громада"}
        out |= {f"{adj} МТГ"} if hint == "M" else set()
        for kind in ("міська",) if hint == "M" else ("селищна", "сільська"):
            out |= {f"{adj} {kind} рада", f"{adj} {kind} територіальна громада"}
    return frozenset(_typo(s) for s in out)


def resolve_place(text: str, *, oblast: str | None = None) -> PlaceMatch:
    """The unit a name refers to (see `_resolve`); answers are remembered (a national load asks the
    same few names of every sheet), refusals are worked out again each time."""
    return _resolve(str(text), oblast)


@functools.lru_cache(maxsize=8192)
def _resolve(text: str, oblast: str | None) -> PlaceMatch:
    """The unit a name refers to: a city, or a hromada whose centre is not a city.

    ``normalised`` is False only for a canonical spelling: the name, "м. Ніжин", "місто Ніжин",
    "Ніжинська міська рада", "Ніжинська міська територіальна громада", the English name
    (apostrophe and dash variants count as the same spelling). Raises PlaceError when the name is
    unknown (with up to 3 suggestions) or ambiguous (listing the candidates with their oblasts;
    ``oblast=`` in any form, e.g. "Чернігівська", chooses, as does an oblast at the end of the
    text: "Ніжинська міська рада Чернігівської області").
    """
    idx, raw = _index(), _typo(str(text))
    shown = " ".join(raw.split())
    if not shown:
        raise PlaceError("Порожня назва міста.", "Empty place name.")
    if re.fullmatch(r"UA\d{17}", shown.upper()):
        unit = idx.unit_of[get_place(shown).code]
        return PlaceMatch(idx.places[unit], normalised=unit != raw)
    if oblast is None and (m := re.search(r"\s(\S+)\s+(обл\.?|області|область|oblast)\s*$", shown, re.I)):
        if _parse(m[1], _OBLAST_WORDS)[0] in idx.oblasts:
            oblast, raw = m[1], raw[: raw.rindex(m[1])]
    latin = not _CYR.search(raw.casefold())  # the English (transliterated) name?
    key, hint, kind = _parse(raw, _EN_WORDS) if latin else ("", "", "")
    entries = idx.en.get(key, [])
    if not entries:
        uk_key, hint, kind = _parse(raw.translate(_LOOK), _UK_WORDS)
        entries = idx.uk.get(uk_key, [])
        key = key if latin and not entries else uk_key
    # "міська"/"сільська" choose the hromada's kind; council words prefer hromada forms and
    # "м."/"у" city forms (each only when something is left after the choice)
    entries = [e for e in entries if e[2] == hint or not hint] or entries
    entries = [e for e in entries if e[3] == kind or not kind] or entries
    oblast_code = _oblast_code(oblast) if oblast else None
    if oblast_code:
        inside = [e for e in entries if idx.oblast_of[e[0]] == oblast_code]
        if entries and not inside:
            raise _error(list(dict.fromkeys(e[0] for e in entries)),
                         lambda c: f"«{shown}» немає в області «{oblast}»; є: {c}.",
                         lambda c: f"'{shown}' is not in oblast '{oblast}'; found: {c}.")
        entries = inside
    if not entries:
        codes = _suggest(key, oblast_code)
        raise _error(codes, lambda c: f"Невідоме місто «{shown}»." + (c and f" Можливо, ви мали на увазі: {c}"),
                     lambda c: f"Unknown city '{shown}'." + (c and f" Did you mean: {c}?"))
    best = min(e[1] for e in entries)
    codes = list(dict.fromkeys(e[0] for e in entries if e[1] == best))
    if len(codes) > 1:  # list every reading, not only the likeliest ones
        codes = list(dict.fromkeys(e[0] for e in entries if e[1] <= max(best, 1)))
        same = len({idx.oblast_of[c] for c in codes}) == 1
        raise _error(codes, lambda c: f"Назва «{shown}» неоднозначна: {c}. " + (
            "Уточніть вид ради: «м. …», «… міська/селищна/сільська рада»." if same else "Уточніть область."),
            lambda c: f"The name '{shown}' is ambiguous: {c}. " + (
                "Say which council: 'м. …', '… міська/селищна/сільська рада'." if same else "Specify the oblast."))
    return PlaceMatch(idx.places[codes[0]], normalised=raw not in _surfaces(codes[0]))


# ------------------------------------------------------------------ places named inside a sentence

_NAME = r"[А-ЯІЇЄҐA-Z][а-яіїєґa-z’'ʼ`]+(?:-[А-ЯІЇЄҐа-яіїєґ][а-яіїєґ’'ʼ`]+)?"
_CITY_WORD = r"(?:м\.|м\s|місто|міста|місті|містом|city of)"
_COUNCIL = (r"(?:міськ|селищн|сільськ)\w*(?:\s+(?:військов\w*\s+адміністрац\w*|рад\w*|територіальн\w*\s+громад\w*"
            r"|об[’'ʼ]?єднан\w*\s+територіальн\w*\s+громад\w*|громад\w*|виконавч\w*\s+комітет\w*))?")
_IN_TEXT = re.compile(
    rf"(?P<city>(?<![\w.]){_CITY_WORD}\s*(?P<cname>{_NAME}(?:\s+{_NAME})?))"
    rf"|(?P<council>(?<![\w-])(?P<adj>{_NAME})\s+(?P<kind>{_COUNCIL}))"
    rf"|(?P<tg>(?<![\w-])(?P<tadj>{_NAME})\s+(?:МТГ|ТГ|ОТГ|СТГ|територіальн\w*\s+громад\w*))"
)


@dataclass(frozen=True)
class PlaceInText:
    place: Place
    text: str  # the words that name it, as written


def places_in_text(text: str) -> list[PlaceInText]:
    """The places a sentence names with the words that say it is a place: "м. Ніжин", "міста Ніжина",
    "Ніжинської міської ради", "Лисичанська міська військова адміністрація", "Ічнянська ТГ". A bare
    word is never read as a place (a surname or an ordinary word may spell one); a phrase that is
    unknown or names several places is left out. Each place once, in the order written."""
    out: dict[str, PlaceInText] = {}
    for m in _IN_TEXT.finditer(_typo(str(text))):
        if m["city"]:
            words = m["cname"].split()
            tries = [" ".join(words), words[0]] if len(words) > 1 else words
            tries = [f"м. {w}" for w in tries]
        elif m["council"]:
            tries = [f"{m['adj']} {m['kind'].split()[0]}"]
        else:
            tries = [f"{m['tadj']} громада"]
        for phrase in tries:
            try:
                place = resolve_place(phrase).place
            except PlaceError:
                continue
            out.setdefault(place.code, PlaceInText(place, m.group(0).strip()))
            break
    return list(out.values())


# ------------------------------------------------------------------ names people told apart


def remembered_places_path() -> Path:
    """Where the place a person chose for a name several places share is kept ("Долинської міської
    ради" -> Dolyna): beside the departments and wordings people added (survives `build --fresh`)."""
    from activity.settings import setting

    return setting("LOCAL_DIR") / "place_names.toml"


def place_name_key(text: str) -> str:
    """A name as compared with the remembered ones: case, apostrophes, dashes and spaces aside."""
    return _key(text)


def remembered_places() -> dict[str, tuple[str, str, str, str]]:
    """The remembered names by key: (name as written, place code, who, when). A code the codifier does
    not have is never read."""
    import tomllib

    path = remembered_places_path()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    out: dict[str, tuple[str, str, str, str]] = {}
    for entry in raw.get("name", []):
        if not isinstance(entry, dict):
            continue
        text, code = str(entry.get("text", "")), str(entry.get("code", ""))
        if code in _index().places and place_name_key(text):
            out[place_name_key(text)] = (text, code, str(entry.get("added_by", "")), str(entry.get("added_at", "")))
    return out


def remembered_place(text: str) -> Place | None:
    """The place a person chose for this name before, if one."""
    found = remembered_places().get(place_name_key(text))
    return _index().places[found[1]] if found else None
