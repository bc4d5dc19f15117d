"""Synthetic national data: wide-layout workbooks for many hromadas, for scale tests and benchmarks.

One workbook per hromada (its unit: the city when the centre is one), one sheet per department and
year, each with the title block of the wide layout and the official code, so names shared by
several hromadas never matter. Seeded: the same arguments write the same figures.

Realism: magnitudes scale with a per-hromada size (cities larger), months follow a seasonal
pattern with slow yearly trends and noise; ~1.5 % of cells are left empty (not reported); a few
departments report quarterly or yearly instead of monthly; civil-society stocks are filled at
quarter ends.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from activity.catalog import METRICS
from activity.places import Place, all_places

MONTHS = ("Січень", "Лютий", "Березень", "Квітень", "Травень", "Червень", "Липень", "Серпень",
          "Вересень", "Жовтень", "Листопад", "Грудень")
QUARTERS = ("І квартал", "ІІ квартал", "ІІІ квартал", "IV квартал")
SEASON = (0.8, 0.9, 1.05, 1.05, 1.1, 1.0, 0.9, 0.8, 1.05, 1.1, 1.1, 1.05)

# Departments and the metrics each reports, with a typical monthly level for a city of ~70 000.
DEPARTMENTS: tuple[tuple[str, dict[str, float]], ...] = (
    ("відділ інформаційної діяльності та комунікацій з громадськістю", {
        "news_published": 420, "documents_published": 230, "photos_published": 250, "videos_published": 15,
        "social_media_posts": 380, "greetings_prepared": 8, "speeches_prepared": 3, "events_attended": 30,
        "photo_news_published": 90, "photos_in_news_published": 300, "media_announcements_sent": 4,
        "press_events_organized": 2, "photo_gallery_categories": 5, "site_subsections_created": 1}),
    ("відділ з питань внутрішньої політики", {
        "letters_received": 300, "letters_answered": 60, "public_info_requests": 4, "outgoing_documents": 12,
        "media_coverage_requests": 7, "situation_briefs": 4, "petitions_submitted": 2,
        "ngos_registered": 0, "party_cells_registered": 0, "religious_orgs_registered": 0}),
    ("загальний відділ", {
        "letters_received": 900, "outgoing_documents": 400, "documents_on_control": 0, "reports_to_region": 6,
        "open_data_documents": 0, "vetting_documents": 0}),
    ("юридичний відділ", {"draft_executive_decisions": 12, "draft_council_decisions": 8, "draft_mayor_orders": 20}),
    ("відділ культури і туризму", {"events_attended": 25, "event_scenarios": 6, "news_published": 40}),
    ("відділ освіти", {"events_attended": 15, "letters_received": 120, "public_info_requests": 2,
                       "seminars_attended": 3, "greetings_prepared": 4}),
    ("відділ молоді та спорту", {"events_attended": 18, "seminars_attended": 2, "social_media_posts": 60}),
    ("центр надання адміністративних послуг", {"letters_received": 500, "letters_answered": 450,
                                               "public_info_requests": 3, "outgoing_documents": 200}),
    ("відділ економічного розвитку та інвестицій", {
        "participatory_budget_rounds": 0.1, "pb_projects_submitted": 2, "public_council_meetings": 1}),
    ("сектор цифрового розвитку", {"social_media_posts": 50, "news_published": 20, "videos_published": 3,
                                   "photos_published": 40, "public_info_requests": 1}),
    ("служба у справах дітей", {"letters_received": 80, "commission_meetings_attended": 4, "seminars_attended": 1}),
)
STOCK_LEVELS = {"ngos_registered": 160, "party_cells_registered": 80, "religious_orgs_registered": 35,
                "documents_on_control": 10, "open_data_documents": 400, "vetting_documents": 40}


@dataclass(frozen=True)
class Unit:
    code: str
    name_uk: str
    size: float  # relative to a city of ~70 000


def units(n: int, seed: int = 7) -> list[Unit]:
    """N reporting units, one per hromada: the centre city when it is one, else the hromada."""
    places = all_places()
    by_code = {p.code: p for p in places}
    cities = {p.hromada_code: p for p in places if p.level == "M" and p.hromada_code}
    rng = random.Random(seed)
    out: list[Unit] = []
    for h in sorted((p for p in places if p.level == "H"), key=lambda p: p.code):
        p: Place = cities.get(h.code, h)
        size = math.exp(rng.gauss(0.0, 0.6)) * (1.0 if p.level == "M" else 0.25)
        out.append(Unit(by_code[p.code].code, p.name_uk, size))
    rng.shuffle(out)
    return out[:n]


def _value(rng: random.Random, level: float, size: float, month: int, year_trend: float) -> int:
    mean = level * size * SEASON[month] * year_trend
    return max(0, int(round(rng.gauss(mean, math.sqrt(mean + 1) * 1.2))))


def sheets_for(unit: Unit, years: range, seed: int) -> Iterator[tuple[str, list[list[object]]]]:
    """(sheet name, rows) of one unit's workbook: a sheet per department and year."""
    rng = random.Random(f"{seed}-{unit.code}")
    for d, (dept, metrics) in enumerate(DEPARTMENTS):
        mode = rng.choices(("month", "quarter", "year"), weights=(88, 8, 4))[0]
        stocks = {m: STOCK_LEVELS.get(m, 10) * max(unit.size, 0.2) for m in metrics if METRICS[m].kind == "stock"}
        for year in years:
            trend = 1.0 + 0.03 * (year - years.start) + rng.gauss(0, 0.04)
            header = {"month": list(MONTHS), "quarter": list(QUARTERS), "year": [f"{year} рік"]}[mode]
            rows: list[list[object]] = [
                [f"Показники діяльності за {year} рік"],
                ["Громада:", unit.name_uk], ["Код КАТОТТГ:", unit.code], ["Підрозділ:", dept], ["Рік:", year], [],
                ["Показник", *header],
            ]
            for code, level in metrics.items():
                metric = METRICS[code]
                months = [_value(rng, level, unit.size, m, trend) for m in range(12)]
                if metric.kind == "stock":
                    stocks[code] += rng.gauss(1.0, 1.5)
                    level_now = max(0, int(stocks[code]))
                    cells: list[object] = {"month": [level_now if m % 3 == 2 else None for m in range(12)],
                                           "quarter": [level_now] * 4, "year": [level_now]}[mode]
                else:
                    cells = {"month": months, "quarter": [sum(months[q * 3:q * 3 + 3]) for q in range(4)],
                             "year": [sum(months)]}[mode]
                cells = [None if v is not None and rng.random() < 0.015 else v for v in cells]
                rows.append([metric.label_uk, *cells])
            yield f"{year} {d + 1:02d}", rows


def write_unit(unit: Unit, years: range, out_dir: Path, seed: int) -> tuple[Path, int]:
    """Write one unit's workbook; return its path and how many figures it holds."""
    import xlsxwriter

    path = out_dir / f"{unit.code}.xlsx"
    figures = 0
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    wb.set_properties({"created": __import__("datetime").datetime(2024, 1, 1)})
    for name, rows in sheets_for(unit, years, seed):
        ws = wb.add_worksheet(name)
        for r, row in enumerate(rows):
            ws.write_row(r, 0, row)
            if r >= 7:
                figures += sum(v is not None for v in row[1:])
    wb.close()
    return path, figures
