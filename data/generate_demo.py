"""Generate the demo workbooks in data/demo/ (wide layout, one sheet per year).

Seeded and deterministic: running it twice writes byte-identical files. The figures are invented
(seasonality, slow trends, noise, a few unreported cells, the 2022 wartime dip), except that they
agree exactly with the real figures in data/real/*.csv wherever the two overlap:

- a flow the real files give for a month, quarter or year equals the sum of the demo months in
  that span (the generated months are rescaled by largest remainder so the integers add up);
- a stock with an as-of date equals the demo value of the month that ends the day before it.

Usage: python data/generate_demo.py [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import math
import random
import re
from pathlib import Path

import xlsxwriter

HERE = Path(__file__).resolve().parent
REAL_DIR = HERE / "real"
DEMO_DIR = HERE / "demo"
SEED = 2024
CREATED = dt.datetime(2024, 1, 1)  # fixed workbook date, so the files are byte-identical

MONTHS = [
    "Січень",
    "Лютий",
    "Березень",
    "Квітень",
    "Травень",
    "Червень",
    "Липень",
    "Серпень",
    "Вересень",
    "Жовтень",
    "Листопад",
    "Грудень",
]
QUARTER_ENDS = (3, 6, 9, 12)
ROMAN = {"І": 1, "ІІ": 2, "ІІІ": 3, "ІV": 4}

# (section, code, kind, label); the Lysychansk news label is overridden in CITIES.
SECTIONS = {
    "Публікації": [
        ("news_published", "flow", "Новини та інформаційні матеріали на сайті"),
        ("documents_published", "flow", "Оприлюднені документи (акти, рішення, проєкти)"),
        ("photos_published", "flow", "Фотографії у фотогалереї"),
        ("videos_published", "flow", "Відеосюжети"),
        ("social_media_posts", "flow", "Дописи у соцмережах"),
    ],
    "Документообіг і звернення": [
        ("letters_received", "flow", "Вхідні листи"),
        ("letters_answered", "flow", "Надано відповідей на листи"),
        ("public_info_requests", "flow", "Запити на публічну інформацію"),
        ("draft_executive_decisions", "flow", "Проєкти рішень виконкому"),
        ("draft_mayor_orders", "flow", "Проєкти розпоряджень міського голови"),
    ],
    "Заходи": [
        ("events_attended", "flow", "Заходи, у яких взято участь"),
        ("greetings_prepared", "flow", "Привітання"),
    ],
    "Громадянське суспільство": [
        ("ngos_registered", "stock", "Громадські організації (зареєстровано)"),
        ("party_cells_registered", "stock", "Осередки політичних партій"),
        ("religious_orgs_registered", "stock", "Релігійні організації"),
    ],
}
KIND = {code: kind for rows in SECTIONS.values() for code, kind, _ in rows}
STOCK_NOTE = (
    "Кількість станом на 1-ше число наступного місяця; "
    "заповнюється лише за березень, червень, вересень і грудень."
)


def _norm(xs: list[float]) -> list[float]:
    mean = sum(xs) / len(xs)
    return [x / mean for x in xs]


SEASON = {
    "default": _norm([0.84, 0.95, 1.06, 1.07, 1.05, 0.99, 0.93, 0.82, 1.05, 1.08, 1.05, 1.01]),
    "events_attended": _norm(
        [0.70, 0.90, 1.05, 1.00, 1.15, 1.00, 0.85, 1.05, 1.05, 1.00, 0.95, 1.45]
    ),
    "greetings_prepared": _norm(
        [0.80, 0.80, 1.20, 0.80, 1.30, 1.00, 0.70, 1.30, 0.90, 1.10, 0.80, 1.30]
    ),
}

# Monthly levels at anchor years (linear in between); no level before the first anchor = empty row.
CITIES = {
    "nizhyn": {
        "city_uk": "Ніжин",
        "department": "відділ інформаційно-аналітичної роботи та комунікацій з громадськістю",
        "years": range(2017, 2025),
        "last_month": {},
        "labels": {},
        "war": {2022: {2: 0.85, 3: 0.55, 4: 0.65, 5: 0.8}},
        "levels": {
            "news_published": {2017: 482, 2019: 470, 2021: 445, 2024: 425},
            "documents_published": {2017: 129, 2019: 175, 2021: 240, 2024: 255},
            "photos_published": {2017: 170, 2024: 240},
            "videos_published": {2017: 5, 2024: 14},
            "social_media_posts": {2020: 240, 2024: 390},
            "letters_received": {2017: 140, 2024: 175},
            "letters_answered": {2017: 46, 2024: 62},
            "public_info_requests": {2017: 2.0, 2024: 1.6},
            "draft_executive_decisions": {2017: 0.35, 2024: 0.5},
            "draft_mayor_orders": {2017: 0.2, 2024: 0.3},
            "events_attended": {2017: 12, 2024: 15},
            "greetings_prepared": {2017: 8, 2024: 10},
        },
        # first and last quarter-end level
        "stocks": {
            "ngos_registered": (150, 190),
            "party_cells_registered": (62, 81),
            "religious_orgs_registered": (24, 31),
        },
    },
    "lysychansk": {
        "city_uk": "Лисичанськ",
        "department": "відділ з питань внутрішньої політики, зв’язку з громадськістю та ЗМІ",
        "years": range(2017, 2023),
        "last_month": {2022: 6},  # occupied from July 2022
        "labels": {"news_published": "Інформаційні матеріали на сайті"},
        "war": {2022: {2: 0.85, 3: 0.45, 4: 0.35, 5: 0.3, 6: 0.2}},
        "levels": {
            "news_published": {2017: 132, 2019: 146, 2022: 150},
            "documents_published": {2017: 70, 2019: 81, 2022: 88},
            "photos_published": {2017: 88, 2019: 99, 2022: 104},
            "videos_published": {2017: 2.2, 2019: 2.9, 2022: 3.5},
            "social_media_posts": {2020: 110, 2022: 150},
            "letters_received": {2017: 295, 2019: 330, 2022: 315},
            "letters_answered": {2017: 20, 2019: 23, 2022: 24},
            "public_info_requests": {2017: 1.2, 2022: 1.0},
            "draft_executive_decisions": {2017: 1.0, 2022: 1.0},
            "draft_mayor_orders": {2017: 0.35, 2022: 0.35},
            "events_attended": {2017: 8.5, 2019: 9.5, 2022: 9},
            "greetings_prepared": {2017: 4.2, 2022: 4.6},
        },
        "stocks": {
            "ngos_registered": (140, 165),
            "party_cells_registered": (84, 100),
            "religious_orgs_registered": (36, 40),
        },
    },
}
CITY_BY_UK = {c["city_uk"]: key for key, c in CITIES.items()}


def month_count(city: str, year: int) -> int:
    return CITIES[city]["last_month"].get(year, 12)


def level(anchors: dict[int, float], year: int) -> float | None:
    years = sorted(anchors)
    if year < years[0]:
        return None
    if year >= years[-1]:
        return anchors[years[-1]]
    lo = max(y for y in years if y <= year)
    hi = min(y for y in years if y > year)
    return anchors[lo] + (anchors[hi] - anchors[lo]) * (year - lo) / (hi - lo)


def poisson(rng: random.Random, lam: float) -> int:
    limit, k, p = math.exp(-lam), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def apportion(total: int, weights: list[int]) -> list[int]:
    """Split `total` in proportion to integer weights, largest remainder, exact integers."""
    if sum(weights) <= 0:
        weights = [1] * len(weights)
    s = sum(weights)
    parts = [divmod(total * w, s) for w in weights]
    out = [q for q, _ in parts]
    order = sorted(range(len(weights)), key=lambda i: (-parts[i][1], i))
    for i in order[: total - sum(out)]:
        out[i] += 1
    return out


def generate_flows(rng: random.Random) -> tuple[dict, dict]:
    """values[city][year][code] = 12 ints or None; expected[...] = 12 floats (the model)."""
    values: dict = {}
    expected: dict = {}
    for city, c in CITIES.items():
        for year in c["years"]:
            for code, anchors in c["levels"].items():
                base = level(anchors, year)
                wobble = rng.gauss(1.0, 0.03)
                season = SEASON.get(code, SEASON["default"])
                row: list[int | None] = [None] * 12
                exp: list[float] = [0.0] * 12
                for m in range(1, month_count(city, year) + 1):
                    if base is None:
                        continue
                    e = base * wobble * season[m - 1] * c["war"].get(year, {}).get(m, 1.0)
                    exp[m - 1] = e
                    if e >= 5:  # relative noise, larger for small counts
                        v = round(e * rng.gauss(1.0, 0.06 if e >= 20 else 0.12))
                    else:
                        v = poisson(rng, e)
                    row[m - 1] = max(0, v)
                values.setdefault(city, {}).setdefault(year, {})[code] = row
                expected.setdefault(city, {}).setdefault(year, {})[code] = exp
    return values, expected


def quarter_ends(city: str) -> list[tuple[int, int]]:
    return [
        (y, m) for y in CITIES[city]["years"] for m in QUARTER_ENDS if m <= month_count(city, y)
    ]


def generate_stocks(rng: random.Random, values: dict, anchors: dict) -> None:
    """Slow stock paths through quarter ends, passing exactly through the real as-of figures."""
    for city, c in CITIES.items():
        qe = quarter_ends(city)
        for code, (start, end) in c["stocks"].items():
            fixed = {0: start, len(qe) - 1: end}
            fixed.update(
                {qe.index(ym): v for ym, v in anchors.get((city, code), {}).items() if ym in qe}
            )
            keys = sorted(fixed)
            path = [start] * len(qe)
            for a, b in itertools.pairwise(keys):
                diff = fixed[b] - fixed[a]
                steps = apportion(
                    abs(diff), [int(rng.random() ** 2 * 1000) + 50 for _ in range(b - a)]
                )
                steps = [s if diff >= 0 else -s for s in steps]
                if b - a >= 2 and rng.random() < 0.6:  # an occasional deregistration
                    i, j = rng.sample(range(b - a), 2)
                    steps[i] -= 1
                    steps[j] += 1
                v = fixed[a]
                path[a] = v
                for k, s in enumerate(steps, start=a + 1):
                    v += s
                    path[k] = max(0, v)
            for (y, m), v in zip(qe, path, strict=True):
                row = values[city][y].setdefault(code, [None] * 12)
                row[m - 1] = v


def parse_period(label: str) -> list[tuple[int, int]]:
    """The months of a Ukrainian period label: '2017 рік', 'березень 2021', 'ІІІ квартал 2019'."""
    text = label.strip().replace("I", "І")
    if m := re.fullmatch(r"(\d{4})\s*(?:рік|р\.)", text):
        return [(int(m[1]), k) for k in range(1, 13)]
    if m := re.fullmatch(r"([ІV]+)\s+квартал\s+(\d{4})(?:\s*року)?", text):
        q = ROMAN[m[1]]
        return [(int(m[2]), k) for k in range(3 * q - 2, 3 * q + 1)]
    if m := re.fullmatch(r"(\w+)\s+(\d{4})(?:\s*року)?", text):
        return [(int(m[2]), [x.lower() for x in MONTHS].index(m[1].lower()) + 1)]
    raise ValueError(f"unknown period label: {label!r}")


def read_real(real_dir: Path) -> list[dict]:
    rows = []
    for path in sorted(real_dir.glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as f:
            for r in csv.DictReader(f, delimiter=";"):
                rows.append(
                    {
                        "file": path.name,
                        "city": CITY_BY_UK.get(r["Місто"]),
                        "code": r["Показник"],
                        "value": int(r["Значення"]),
                        "months": parse_period(r["Період"]),
                        "as_of": r["Станом на"].strip(),
                    }
                )
    return rows


def stock_anchors(real: list[dict]) -> dict:
    out: dict = {}
    for r in real:
        if r["city"] and KIND.get(r["code"]) == "stock" and r["as_of"]:
            day = dt.datetime.strptime(r["as_of"], "%d.%m.%Y").date() - dt.timedelta(days=1)
            if (day + dt.timedelta(days=1)).day == 1 and day.month in QUARTER_ENDS:
                out.setdefault((r["city"], r["code"]), {})[(day.year, day.month)] = r["value"]
    return out


def apply_flow_totals(
    rng: random.Random, values: dict, expected: dict, real: list[dict]
) -> tuple[list, set]:
    """Rescale generated months so every overlapping real flow total holds exactly."""
    flows = [r for r in real if r["city"] and KIND.get(r["code"]) == "flow"]
    fixed: set = set()
    applied = []
    for r in sorted(flows, key=lambda r: len(r["months"])):  # months before quarters before years
        city, code = r["city"], r["code"]
        covered = all(
            y in CITIES[city]["years"] and m <= month_count(city, y) for y, m in r["months"]
        )
        if not covered:
            continue
        cells = [(y, m) for y, m in r["months"] if values[city][y][code][m - 1] is not None]
        if len(cells) != len(r["months"]):
            continue  # the demo does not report this metric for the whole span
        done = sum(values[city][y][code][m - 1] for y, m in cells if (city, code, y, m) in fixed)
        free = [(y, m) for y, m in cells if (city, code, y, m) not in fixed]
        rest = r["value"] - done
        if rest < 0 or (not free and rest):
            raise SystemExit(f"cannot meet {r['file']} {code} = {r['value']}")
        weights = [values[city][y][code][m - 1] for y, m in free]
        if sum(weights) == 0:
            weights = [
                int(expected[city][y][code][m - 1] * 1000) + rng.randint(0, 999) for y, m in free
            ]
        for (y, m), v in zip(free, apportion(rest, weights), strict=True):
            values[city][y][code][m - 1] = v
            fixed.add((city, code, y, m))
        applied.append((r["file"], city, code, r["months"][0], r["months"][-1], r["value"]))
    return applied, fixed


def punch_gaps(rng: random.Random, values: dict, protected: set) -> dict:
    """Leave 2-4 scattered flow cells per workbook unreported (empty); never a real-figure cell."""
    gaps: dict = {}
    for city, c in CITIES.items():
        for year in c["years"]:
            cand = [
                (code, m)
                for code in c["levels"]
                for m in range(1, 13)
                if values[city][year][code][m - 1] is not None
                and (city, code, year, m) not in protected
            ]
            picked = rng.sample(cand, rng.randint(2, 4))
            for code, m in picked:
                values[city][year][code][m - 1] = None
            gaps[(city, year)] = sorted(picked, key=lambda p: (list(KIND).index(p[0]), p[1]))
    return gaps


def write_workbook(path: Path, city: str, year: int, values: dict) -> int:
    c = CITIES[city]
    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties(
        {
            "title": f"Демонстраційні дані: {c['city_uk']}, {year}",
            "author": "generate_demo.py",
            "created": CREATED,
            "comments": "Згенеровані дані для демонстрації; не є офіційною статистикою.",
        }
    )
    ws = wb.add_worksheet(str(year))
    bold = wb.add_format({"bold": True})
    title = wb.add_format({"bold": True, "font_size": 13, "align": "left"})
    head = wb.add_format({"bold": True, "border": 1, "bg_color": "#DDEBF7", "align": "center"})
    head_left = wb.add_format({"bold": True, "border": 1, "bg_color": "#DDEBF7"})
    section = wb.add_format({"bold": True, "italic": True, "border": 1, "bg_color": "#F2F2F2"})
    label = wb.add_format({"border": 1, "indent": 1})
    num = wb.add_format({"border": 1, "num_format": "0"})
    total = wb.add_format({"border": 1, "bold": True, "num_format": "0"})

    ws.merge_range(
        0, 0, 0, 13, f"ДЕМОНСТРАЦІЙНІ ДАНІ — показники діяльності відділу за {year} рік", title
    )
    for r, (k, v) in enumerate(
        [("Місто:", c["city_uk"]), ("Підрозділ:", c["department"]), ("Рік:", year)], 1
    ):
        ws.write_string(r, 0, k, bold)
        ws.write(r, 1, v)
    ws.write_string(5, 0, "Показник", head_left)
    for m, name in enumerate(MONTHS, 1):
        ws.write_string(5, m, name, head)
    ws.write_string(5, 13, "Разом", head)

    row, count, labels, biggest = 6, 0, ["Підрозділ:"], 0
    for sec, metrics in SECTIONS.items():
        ws.write_string(row, 0, sec, section)
        for col in range(1, 14):
            ws.write_blank(row, col, None, section)
        if sec == "Громадянське суспільство":
            ws.write_comment(row, 0, STOCK_NOTE, {"author": "generate_demo.py", "x_scale": 2})
        row += 1
        for code, kind, text in metrics:
            text = c["labels"].get(code, text)
            labels.append(text)
            cells = values[city][year].get(code, [None] * 12)
            ws.write_string(row, 0, text, label)
            for m, v in enumerate(cells, 1):
                if v is None:
                    ws.write_blank(row, m, None, num)
                else:
                    ws.write_number(row, m, v, num)
                    count += 1
                    biggest = max(biggest, v)
            present = [v for v in cells if v is not None]
            if kind == "flow" and present:
                ws.write_formula(row, 13, f"=SUM(B{row + 1}:M{row + 1})", total, sum(present))
                biggest = max(biggest, sum(present))
            else:
                ws.write_blank(row, 13, None, total)
            row += 1

    ws.set_column(0, 0, max(len(t) for t in labels) + 3)
    ws.set_column(1, 12, max(max(len(n) for n in MONTHS), len(str(biggest))) + 2)
    ws.set_column(13, 13, max(len("Разом"), len(str(biggest))) + 3)
    ws.freeze_panes(6, 1)
    wb.close()
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=DEMO_DIR, help="output folder (default: data/demo)"
    )
    parser.add_argument("--real", type=Path, default=REAL_DIR, help="folder of the real CSV files")
    args = parser.parse_args(argv)

    rng = random.Random(SEED)
    real = read_real(args.real)
    values, expected = generate_flows(rng)
    generate_stocks(rng, values, stock_anchors(real))
    applied, fixed = apply_flow_totals(rng, values, expected, real)
    gaps = punch_gaps(rng, values, fixed)

    args.out.mkdir(parents=True, exist_ok=True)
    total = 0
    for city, c in CITIES.items():
        for year in c["years"]:
            path = args.out / f"{city}_{year}.xlsx"
            n = write_workbook(path, city, year, values)
            total += n
            holes = ", ".join(f"{code} {m:02d}" for code, m in gaps[(city, year)])
            print(f"{path.name}: {n} figures; not reported: {holes}")
    print(f"{total} demo figures in {sum(len(c['years']) for c in CITIES.values())} workbooks")
    for file, city, code, first, last, value in applied:
        print(
            f"  matches {file}: {city} {code} {first[0]}-{first[1]:02d}..{last[0]}-{last[1]:02d} = {value}"
        )
    for (city, code), pts in stock_anchors(real).items():
        for (y, m), v in pts.items():
            print(f"  matches stock: {city} {code} {y}-{m:02d} = {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
