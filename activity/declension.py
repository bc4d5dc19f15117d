"""Declension of Ukrainian city names and of the council words written around them.

Rules, not a dictionary: ``city_case_forms`` gives a name's forms by case, likeliest first, and
``activity.places`` indexes them so "Ніжина", "у Ніжині" and "Ніжинської міської ради" all resolve.
"""

from __future__ import annotations

import itertools
import re

_CASES = ("gen", "dat", "acc", "ins", "loc")
_VOWELS = "аеєиіїоуюя"
_PAL = {"к": "ц", "г": "з", "х": "с"}  # Каховка → Каховці, Ріг → Розі
Paradigm = tuple[tuple[str, ...], ...]  # the forms of each case in _CASES order, likeliest first


def _p(*cases: str | tuple[str, ...]) -> Paradigm:
    return tuple((c,) if isinstance(c, str) else tuple(dict.fromkeys(c)) for c in cases)


def _pal(s: str) -> str:
    return s[:-1] + _PAL[s[-1]] if s[-1:] in _PAL else s


def _adj(w: str) -> Paradigm | None:
    """Adjectives: Кривий, Біла, Кам’янське, Жовті (plural), Часів (possessive)."""
    if w.endswith(("ий", "е")):
        s = w[:-2] if w.endswith("ий") else w[:-1]
        return _p(s + "ого", s + "ому", w, s + "им", (s + "ому", s + "ім"))
    s = w[:-1]
    if w.endswith("ій"):
        return _p(s[:-1] + "ього", s[:-1] + "ьому", w, s[:-1] + "ім", (s[:-1] + "ьому", s[:-1] + "ім"))
    if w.endswith("а"):
        return _p(s + "ої", s + "ій", s + "у", s + "ою", s + "ій")
    if w.endswith("я"):
        return _p(s + "ьої", s + "ій", s + "ю", s + "ьою", s + "ій")
    if w.endswith("і"):  # Жовті → Жовтих, Горішні → Горішніх
        x = ("і", "и") if w.endswith("ні") else ("и", "і")
        return _p(*(tuple(s + v + e for v in x) for e in ("х", "м")), w,
                  tuple(s + v + "ми" for v in x), tuple(s + v + "х" for v in x))
    if w.endswith("ів"):  # Часів Яр → Часового Яру
        s = w[:-2] + "ов"
        return _p(s + "ого", s + "ому", w, s + "им", s + "ому")
    return None


def _masc(w: str) -> Paradigm:
    """Consonant-final masculine nouns: Ніжин, Лисичанськ, Харків, Київ, Городок, Ріг, Бахмач.

    (A feminine reading of a sibilant-final name, Керч → Керчі, is a fallback in ``_noun``.)"""
    if w.endswith("ів"):  # Харків → Харкова; Могилів → Могилева
        stems = [w[:-2] + "ов"] + ([w[:-2] + "ев"] if w[-3:-2] == "л" else [])
    elif w.endswith("їв"):  # Київ → Києва
        stems = [w[:-2] + "єв"]
    elif w.endswith("ок") and len(w) > 4:  # Городок → Городка
        stems = [w[:-2] + "к", w]
    elif re.search(r"і[^аеєиіїоуюяь’]$", w):  # Самбір → Самбора, Ріг → Рогу, Розділ → Роздолу
        stems = [w[:-2] + "о" + w[-1], w]
    else:
        stems = [w]
    ins = tuple(s + ("ем" if s[-1] in "жчшщ" else "ом") for s in stems)
    loc = tuple(f for s in stems for f in ((s + "у", _pal(s) + "і") if s[-1] in _PAL else (s + "і",)))
    return _p(tuple(s + e for e in "ау" for s in stems), tuple(s + e for e in ("у", "ові") for s in stems),
              w, ins, loc)


def _noun(w: str) -> list[tuple[int, Paradigm | None]]:
    """Paradigms of a noun: rank 1 for the likely reading, 2 for a fallback one."""
    last, s = w[-1], w[:-1]
    if w.endswith("иська"):  # plural: Мостиська → Мостиськ
        return [(1, _p(s, s + "ам", w, s + "ами", s + "ах")), (2, _adj(w))]
    if last == "а":  # Полтава, Каховка, Буча; adjectival: Долинська, Лозова, Роздільна
        main = (_p(s + "і", s + "і", s + "у", s + "ею", s + "і") if s[-1] in "жчшщ" else
                _p(s + "и", _pal(s) + "і", s + "у", s + "ою", _pal(s) + "і"))
        adjectival = re.search(r"(ськ|цьк|зьк|ов|ев|ат|ят|[^аеєиіїоуюя]н)а$", w)
        return [(1, _adj(w)), (2, main)] if adjectival else [(1, main), (2, _adj(w))]
    if last == "я":
        if s[-1] == s[-2] or s[-1] == "’" or s.endswith("ст"):  # neuter: Запоріжжя, Зимогір’я, Щастя
            return [(1, _p(w, s + "ю", w, s + "ям", s + ("ї" if s[-1] == "’" else "і")))]
        v = "ї" if s[-1] in _VOWELS else "і"  # Коломия → Коломиї, Вінниця → Вінниці
        return [(1, _p(s + v, s + v, s + "ю", s + ("єю" if v == "ї" else "ею"), s + v)), (2, _adj(w))]
    if last == "е":  # adjectival (Кам’янське, Рівне) unless Погребище, Гуляйполе, Яремче
        soft = s.endswith("л")
        noun = _p(s + ("я" if soft else "а"), s + ("ю" if soft else "у"), w, s + "ем", s + "і")
        nounish = re.search(r"(ще|ле|[^у]че)$", w)
        return [(1, noun), (2, _adj(w))] if nounish else [(1, _adj(w)), (2, noun)]
    if last == "о":  # Дніпро → Дніпра, Берестечко → у Берестечку
        loc = (s + "у", _pal(s) + "і") if s[-1] in _PAL else (s + "і", s + "у")
        return [(1, _p(s + "а", s + "у", w, s + "ом", loc))]
    if last == "и":  # Суми → Сум, Валки → Валок, Ромни → Ромен, Бровари → Броварів
        gens = ([s[:-1] + "ок"] if re.search(r"([^аеєиіїоуюя’])к$", s) else
                [s[:-1] + "ен"] if re.search(r"[мб]н$", s) else [])
        return [(1, _p((*gens, s, s + "ів"), s + "ам", w, s + "ами", s + "ах"))]
    if last == "і":  # Чернівці → Чернівців, Дергачі → Дергачів
        return [(1, _p(s + "ів", (s + "ям", s + "ам"), w, (s + "ями", s + "ами"), (s + "ях", s + "ах")))]
    if last == "й":  # Бахчисарай, Стрий
        return [(1, _p(s + "я", s + "ю", w, s + "єм", (s + "ї", s + "ю")))]
    if last == "ь":  # Ковель, Липовець → Липовця, Ямпіль → Ямполя, Ірпінь → Ірпеня; Умань (fem.)
        ms = (w[:-3] + "ц" if w.endswith("ець") else
              s[:-2] + ("о" if s[-1] == "л" else "е") + s[-1] if re.search(r"і[лн]$", s) else s)
        masc = _p(ms + "я", (ms + "ю", ms + "еві"), w, ms + "ем", (ms + "і", ms + "ю"))
        fem = _p(s + "і", s + "і", w, s + (s[-1] if s[-2] in _VOWELS else "") + "ю", s + "і")
        return [(1, fem), (2, masc)] if re.search(r"(ань|ять|адь|инь)$", w) else [(1, masc), (2, fem)]
    if last in _VOWELS:  # indeclinable: Бунге, Яни Капу
        return [(1, _p(w, w, w, w, w))]
    return [(1, _masc(w))] + ([(2, _p(w + "і", w + "і", w, w + "ю", w + "і"))] if last in "жчшщ" else [])


def _inflect(name: str) -> list[tuple[int, str, str]]:
    """(rank, case, form) of a city name; words agree, "Івано-" and "Боково-" stay unchanged."""
    parts = re.split(r"([ -])", name)
    words, seps = parts[0::2], parts[1::2]
    options = []
    for i, w in enumerate(words):
        sep = seps[i] if i < len(seps) else ""
        adj = _adj(w) if sep == " " or (w.endswith(("ий", "ій")) and len(w) > 5) else None
        options.append([(1, _p(w, w, w, w, w))] if sep == "-" and w.endswith("о") else
                       [(1, adj)] if adj else [(r, p) for r, p in _noun(w) if p])
    out = []
    for combo in itertools.product(*options):
        rank = max(r for r, _ in combo)
        for ci, case in enumerate(_CASES):
            for forms in itertools.product(*(p[ci] for _, p in combo)):
                out.append((rank, case, "".join(a + b for a, b in zip(forms, [*seps, ""], strict=True))))
    return sorted(out, key=lambda t: t[0])


def city_case_forms(name: str) -> dict[str, list[str]]:
    """The generated forms of a city name by case (nom, gen, dat, acc, ins, loc), likeliest first."""
    forms: dict[str, list[str]] = {"nom": [name], **{c: [] for c in _CASES}}
    for _rank, case, form in _inflect(name):
        forms[case] += [form] if form not in forms[case] else []
    return forms


def _adjective_forms(adj: str) -> list[str]:
    """A hromada adjective in all cases; only the last part of a hyphenated name declines."""
    head, _, tail = adj.rpartition("-")
    return [adj] + [(head + "-" if head else "") + f for case in (_adj(tail) or ()) for f in case]


def _word_table() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """Words around a name → (hint: M city council / S other council / "", kind: h council, c city)."""
    uk: dict[str, tuple[str, str]] = {}
    for words, value in ((("міська", "міський"), ("M", "h")),
                         (("селищна", "селищний", "сільська", "сільський"), ("S", "h")),
                         (("територіальна", "обєднана", "виконавчий"), ("", "h"))):
        uk |= {f: value for w in words for f in _adjective_forms(w)}
    for words, value in ((("міськрада",), ("M", "h")), (("сільрада", "селищрада"), ("S", "h")),
                         (("рада", "громада", "комітет", "виконком"), ("", "h")), (("місто",), ("", "c"))):
        uk |= {f: value for w in words for r, p in _noun(w) if r == 1 and p for case in ((w,), *p) for f in case}
    uk |= dict.fromkeys(("мтг", "мр", "мотг"), ("M", "h")) | dict.fromkeys(("тг", "отг"), ("", "h"))
    uk |= dict.fromkeys(("стг", "сотг", "смт", "с", "село", "селище"), ("S", ""))
    uk |= dict.fromkeys(("м", "у", "в", "до", "з", "із", "зі", "від", "для", "по"), ("", "c"))
    en = dict.fromkeys(("city", "town", "urban"), ("M", "c")) | dict.fromkeys(("village", "rural"), ("S", "h"))
    en |= dict.fromkeys(("council", "hromada", "territorial", "community"), ("", "h"))
    return uk, en | dict.fromkeys(("of", "the", "executive", "committee", "m"), ("", ""))
