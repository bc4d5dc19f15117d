"""Build data/reference/places.csv from the official codifier of territorial units (КАТОТТГ).

The codifier (Кодифікатор адміністративно-територіальних одиниць та територій територіальних
громад) is published by the Ministry of Development of Communities and Territories of Ukraine
(Мінрозвитку); this project uses the edition of 16.05.2025, a ``;``-separated UTF-8 CSV with columns
levels 1–4, additional level, category and name.

Output, one row per hromada (H), city (M) and city with special status (K), in codifier order:
code, level, name_uk, name_en, oblast_code, oblast_uk, raion_uk, hromada_code, hromada_uk,
centre_code. ``centre_code`` is, for a hromada, the settlement (M, X or C) inside it whose name
matches the hromada's adjective (Ніжинська → Ніжин), else the one the codifier numbers 001 (see
``find_centre``); for a city, its hromada's code.

Usage: python data/reference/make_places.py PATH/TO/katottg.csv [OUT.csv]
"""

from __future__ import annotations

import csv
import difflib
import importlib
import re
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
COLUMNS = ["code", "level", "name_uk", "name_en", "oblast_code", "oblast_uk", "raion_uk",
           "hromada_code", "hromada_uk", "centre_code"]
K_ADJECTIVES = {"Київ": "Київська", "Севастополь": "Севастопольська"}  # K has no hromada row
PREFERENCE = {"M": 0, "X": 1, "C": 2}


def _settlement_key(name: str) -> str:
    """Name as it appears inside the hromada adjective: Біла Церква → білоцерква."""
    words = name.casefold().replace("’", "").replace("-", " ").split()
    head = [w[:-2] + "ьо" if w.endswith("ні") else re.sub("[аяеиіій]+$", "", w) + "о" for w in words[:-1]]
    return "".join(head + words[-1:])


def _adjective_stems(adjective: str) -> list[str]:
    """Ніжинська → ніжин, ніжинськ (Луцька → луцьк: the adjective of a -ськ/-цьк city adds -а)."""
    stem = adjective.casefold().replace("’", "").replace("-", "").replace(" ", "")
    return [stem[: -len(s)] for s in ("ська", "цька", "зька", "на", "ва", "а") if stem.endswith(s)]


def find_centre(adjective: str, settlements: list[tuple[str, str, str]]) -> str:
    """Code of the hromada's centre among its settlements (code, category, name), or "".

    The centre is the settlement whose name matches the adjective's stem: same first three
    letters and a similarity of at least 0.6 (0.5 for the settlement the codifier numbers 001,
    which is how it marks the administrative centre; that one wins when it matches at all).
    When no name matches (the hromada kept its old name after its centre was renamed:
    Новомосковська → Самар, Червоноградська → Шептицький), the settlement numbered 001.
    """
    stems = _adjective_stems(adjective) or [adjective.casefold()]
    head = adjective.casefold().replace("’", "")[:3]

    def score(name: str) -> float:
        key = _settlement_key(name)
        if key[:3] != head:
            return 0.0
        return max(difflib.SequenceMatcher(None, s, key).ratio() for s in stems)

    scored = [(score(name), code, category) for code, category, name in settlements]
    first = [t for t in scored if t[1][9:12] == "001"]
    if first and first[0][0] >= 0.5:
        return first[0][1]
    best = max(scored, key=lambda t: (t[0], -PREFERENCE[t[2]]), default=(0.0, "", "C"))
    if best[0] >= 0.6:
        return best[1]
    return first[0][1] if first else ""


def read_codifier(path: Path) -> list[dict[str, str]]:
    """The H, M and K rows of the codifier as places.csv rows."""
    transliterate = _transliterate()
    oblasts: dict[str, str] = {}
    raions: dict[str, str] = {}
    hromadas: dict[str, dict[str, str]] = {}
    settlements: dict[str, list[tuple[str, str, str]]] = {}
    out: list[dict[str, str]] = []
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f, delimiter=";")
        next(reader)
        for raw in reader:
            l1, l2, l3, l4, extra, category, name = (c.strip() for c in raw[:7])
            if category == "O":
                oblasts[l1] = name
            elif category == "P":
                raions[l2] = name
            elif category == "K":
                out.append(_row(l1, "K", name, transliterate(name), l1, "", "", l1,
                                K_ADJECTIVES.get(name, name), ""))
            elif category == "H":
                hromadas[l3] = _row(l3, "H", name, transliterate(name) + " hromada", l1,
                                    oblasts[l1], raions[l2], l3, name, "")
                out.append(hromadas[l3])
            elif category in PREFERENCE and not extra:
                settlements.setdefault(l3, []).append((l4, category, name))
                if category == "M":  # Прип’ять and Чорнобиль belong to no raion or hromada
                    h = hromadas.get(l3, {"code": "", "name_uk": ""})
                    out.append(_row(l4, "M", name, transliterate(name), l1, oblasts[l1],
                                    raions.get(l2, ""), h["code"], h["name_uk"], h["code"]))
    for code, h in hromadas.items():
        h["centre_code"] = find_centre(h["name_uk"], settlements.get(code, []))
    return out


def _row(*values: str) -> dict[str, str]:
    return dict(zip(COLUMNS, values, strict=True))


def _transliterate() -> Callable[[str], str]:
    """The project's own ``activity.places.transliterate`` (this script runs from any directory)."""
    sys.path.insert(0, str(HERE.parents[1]))
    return importlib.import_module("activity.places").transliterate


def write_places(rows: list[dict[str, str]], out: Path) -> None:
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    if not Path(argv[0]).is_file():
        print(f"Немає файлу кодифікатора «{argv[0]}» / no codifier file '{argv[0]}'", file=sys.stderr)
        return 2
    rows = read_codifier(Path(argv[0]))
    out = Path(argv[1]) if len(argv) > 1 else HERE / "places.csv"
    write_places(rows, out)
    counts = {lvl: sum(r["level"] == lvl for r in rows) for lvl in "HMK"}
    print(f"Записано {len(rows)} рядків у {out.name} / wrote {len(rows)} rows: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
