"""The same figures written in many arrangements load to exactly the same figures.

An arrangement is drawn by hypothesis: the long or the wide layout; the title block above, beside or
below the table; the city in a pair, a sentence, a council's name, a merged cell, the header row,
the sheet name or the file name; header cells in capitals, padded, with line breaks or units; totals;
signatures; blank and hidden rows; .xlsx by openpyxl or xlsxwriter, .xls, .ods or .csv, and .xlsx
formatted to the sheet's edge. Whatever is drawn,
`parse_file` must give the same set of (place, department, metric, period, value).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.load.parse import parse_file
from tests.corpus_workbooks import DEPARTMENT, MONTHS, Workbook, figures_of

NIZHYN = "UA74040250010023991"
YEAR = 2021
FIGURES = {  # label: January..June
    "Вхідні листи": [120, 95, 130, 0, 101, 99],
    "Новини та інформаційні матеріали на сайті": [40, 38, 51, 47, 44, 3],
    "Проєкти рішень виконкому": [12, 9, 14, 10, 11, 15],
}
CODES = {"Вхідні листи": "letters_received", "Новини та інформаційні матеріали на сайті": "news_published",
         "Проєкти рішень виконкому": "draft_executive_decisions"}
EXPECTED = {(NIZHYN, DEPARTMENT, CODES[label], f"{YEAR}-{m + 1:02d}", float(v))
            for label, values in FIGURES.items() for m, v in enumerate(values)}

HEADER_STYLES = {
    "as is": lambda word, note: word,
    "capitals": lambda word, note: word.upper(),
    "padded": lambda word, note: f"  {word.lower()} ",
    "line break": lambda word, note: f"{word}\n({note})" if note else word,
    "units": lambda word, note: f"{word}, од." if word == "Значення" else f"{word}:",
}
CITY_WAYS = ["pair", "sentence", "council", "merged", "header pair", "sheet name", "file name", "column"]


@st.composite
def arrangements(draw) -> dict:
    layout = draw(st.sampled_from(["wide", "long"]))
    writer = draw(st.sampled_from(["openpyxl", "xlsxwriter", "ods", "csv", "xls", "far"]))
    city = draw(st.sampled_from([w for w in CITY_WAYS if w != "column" or layout == "long"]))
    if writer == "csv" and city == "sheet name":
        city = "file name"
    return {
        "layout": layout, "writer": writer, "city": city,
        "where": draw(st.sampled_from(["above", "beside", "below"])),
        "header": draw(st.sampled_from(sorted(HEADER_STYLES))),
        "totals": draw(st.booleans()), "signature": draw(st.booleans()), "blank": draw(st.booleans()),
        "hidden": draw(st.booleans()) and writer in ("openpyxl", "xlsxwriter", "xls", "far"),
        "department": draw(st.sampled_from(["pair", "sentence"])),
    }


def _title_block(a: dict) -> tuple[list[list[object]], list[int]]:
    """The rows saying the city, year and department; the rows (0-based, in the block) to merge A:B."""
    rows: list[list[object]] = []
    merge = []
    if a["city"] == "pair":
        rows += [["Місто:", "Ніжин"], ["Рік:", YEAR]]
    elif a["city"] == "sentence":
        rows += [[f"Звіт відділу про виконану роботу за {YEAR} рік, м. Ніжин"]]
    elif a["city"] == "council":
        rows += [[f"Інформація про роботу відділу Ніжинської міської ради за {YEAR} рік"]]
    elif a["city"] == "merged":
        rows += [["Місто:", None, "Ніжин"], ["Рік:", None, YEAR]]
        merge = [0, 1]
    else:  # said elsewhere: the header row, the sheet or file name, a column
        rows += [["Рік:", YEAR]]
    if a.get("department") == "sentence" and a["where"] != "below":  # a title naming the department
        rows.insert(0, [f"Звіт {DEPARTMENT.replace('відділ ', 'відділу ', 1)}"])
        merge = [m + 1 for m in merge]
    else:
        rows.append(["Підрозділ:", DEPARTMENT])
    return rows, merge


def _table(a: dict) -> tuple[list[list[object]], list[int]]:
    """The header and figure rows; the rows (0-based, in the table) to hide."""
    head = HEADER_STYLES[a["header"]]
    hidden: list[int] = []
    if a["layout"] == "wide":
        months = [m.upper() if a["header"] == "capitals" else m for m in MONTHS[:6]]
        rows = [[head("Показник", "найменування"), *months, *(["Разом"] if a["totals"] else [])]]
        for label, values in FIGURES.items():
            rows.append([label, *values, *([sum(values)] if a["totals"] else [])])
            if a["blank"]:
                rows.append([])
        if a["hidden"]:  # a draft row hidden among the figures (below the title block beside the table)
            hidden.append(len(rows))
            rows += [["Засідання сесій і виконкому", *[7] * 6], ["Привітання", *[1] * 6]]
            hidden.append(len(rows) - 1)
    else:
        city_col = a["city"] == "column"
        rows = [[*([head("Місто", "")] if city_col else []), head("Період", "місяць"),
                 head("Показник", "найменування"), head("Значення", "")]]
        for label, values in FIGURES.items():
            for m, v in enumerate(values):
                rows.append([*(["Ніжин"] if city_col else []), f"{MONTHS[m]} {YEAR}", label, v])
            if a["totals"]:
                rows.append([*([None] if city_col else []), "Разом", label, sum(values)])
            if a["blank"]:
                rows.append([])
        if a["hidden"]:
            hidden.append(len(rows))
            rows.append([*(["Ніжин"] if city_col else []), f"Січень {YEAR}", "Засідання сесій і виконкому", 7])
    if a["city"] == "header pair":
        rows[0] += [None, "Місто", "Ніжин"]
    return rows, hidden


SIGNATURE = [[], ["Начальник відділу", None, None, "І. Петренко"], ["Виконавець: О. Коваль, тел. 2-14-55"],
             ["12.01.2022"]]


def workbook(a: dict) -> Workbook:
    title, merge_rows = _title_block(a)
    table, hidden = _table(a)
    if a["where"] == "above":
        rows, top, at = [*title, [], *table], 0, len(title) + 1
    elif a["where"] == "below":
        rows, top, at = [*table, [], *title], len(table) + 1, 0
    else:  # beside: the block to the right of the table, from its header row down
        width = max(len(r) for r in table) + 1
        rows = [list(r) for r in table] + [[] for _ in range(max(0, len(title) - len(table)))]
        for i, block_row in enumerate(title):
            rows[i] = rows[i] + [None] * (width - len(rows[i])) + block_row
        top, at = 0, 0
    if a["signature"]:
        rows += SIGNATURE
    sheet = "Ніжин" if a["city"] == "sheet name" else "Звіт"
    merged = []
    if a["where"] != "beside":
        merged = [f"A{top + r + 1}:B{top + r + 1}" for r in merge_rows]
    name = ("Ніжин_звіт" if a["city"] == "file name" else "zvit") + {
        "ods": ".ods", "csv": ".csv", "xls": ".xls"}.get(a["writer"], ".xlsx")
    if a["writer"] in ("ods", "csv"):
        merged = []
    return Workbook(name, "drawn", {sheet: rows}, EXPECTED, a["writer"], {sheet: merged} if merged else {},
                    {sheet: [at + r + 1 for r in hidden]} if hidden else {})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arrangements())
def test_every_arrangement_loads_the_same_figures(a: dict) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        result = parse_file(workbook(a).write(Path(tmp)))
    assert result.ok, (a, [p.render() for p in result.errors])
    assert figures_of(result) == EXPECTED, a
    assert not [p for p in result.warnings if p.key.startswith("total")], a  # the totals add up


def test_a_city_written_twice_differently_is_an_error_naming_both_cells() -> None:
    a = {"layout": "wide", "writer": "openpyxl", "city": "pair", "where": "above", "header": "as is",
         "totals": False, "signature": False, "blank": False, "hidden": False}
    wb = workbook(a)
    rows = wb.sheets["Звіт"]
    rows.insert(0, ["Звіт відділу Прилуцької міської ради"])
    with tempfile.TemporaryDirectory() as tmp:
        result = parse_file(wb.write(Path(tmp)))
    (problem,) = result.errors
    assert problem.key == "context_conflict" and problem.cell == "A1"
    assert "Звіт!B2" in problem.message() and "Прилуцької міської ради" in problem.message()
    assert not result.figures
