"""Formatted .xlsx of 100 000 rows: openpyxl against XlsxWriter, in the same run.

    .venv/bin/python bench/export_xlsx.py                 # 100 000 rows, median of 3 runs
    .venv/bin/python bench/export_xlsx.py --rows 20000 --repeat 5

The table is what the Data page exports (city, metric, period, value, ≈, as-of date, source,
cell, kind, status, demo, breakdown, department: 13 columns) with random values, about 1 in 12
not reported and 1 in 50 approximate. Each writer writes the same sheet: a title block, the header
row frozen with an autofilter, numbers with `#,##0`, dates with `dd.mm.yyyy`, approximate figures
with `"≈ "#,##0`, fitted column widths, empty cells for missing values:

* openpyxl in its fastest (write-only) mode, the baseline;
* XlsxWriter cell by cell, in memory and in constant-memory mode;
* the project's export (activity.export.xlsx: that sheet plus the sources and metrics sheets),
  cell by cell through XlsxWriter's API, and with the rows written in bulk (activity.export.xlsx_body),
  as the app and the CLI write it; the latter is held against the 4 s target.

Rounds interleave the writers (order alternating) and medians are shown. Every file of the first
round is reopened with calamine and its values compared, so a writer that wrote less cannot win;
nothing asserts a time.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from activity.export.table import ExportContext, ExportTable, sources_frame  # noqa: E402

TARGET_SECONDS = 4.0
COLUMNS = ["Місто", "Показник", "Період", "Значення", "≈", "Станом на", "Джерело", "Клітинка", "Вид", "Статус",
           "Демо", "Розбивка", "Підрозділ"]
DEPT = "відділ інформаційно-аналітичної роботи та комунікацій з громадськістю"


def make_table(rows: int, seed: int = 7) -> ExportTable:
    rnd = random.Random(seed)
    cities = ["Ніжин", "Лисичанськ", "Прилуки", "Бахмач", "Носівка"]
    metrics = ["Новини та інформаційні матеріали на сайті", "Вхідні листи", "Документи на сайті",
               "Проєкти рішень виконавчого комітету"]
    starts = [date(2017 + i // 12, i % 12 + 1, 1) for i in range(96)]
    data: dict[str, list] = {c: [] for c in COLUMNS}
    approx = []
    for i in range(rows):
        start = starts[i % 96]
        end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        missing = rnd.random() < 1 / 12
        data["Місто"].append(cities[i % 5])
        data["Показник"].append(metrics[i % 4])
        data["Період"].append(f"{start.month:02d}.{start.year}")
        data["Значення"].append(float("nan") if missing else float(rnd.randint(0, 2500)))
        approx.append(not missing and rnd.random() < 1 / 50)
        data["≈"].append("≈" if approx[-1] else "")
        data["Станом на"].append(end + timedelta(days=1) if i % 7 == 0 else None)
        data["Джерело"].append(f"nizhyn_{start.year}.xlsx")
        data["Клітинка"].append(f"{start.year}!{'BCDEFGHIJKLM'[start.month - 1]}{7 + i % 35}")
        data["Вид"].append("потік")
        data["Статус"].append("подано")
        data["Демо"].append("так")
        data["Розбивка"].append("")
        data["Підрозділ"].append(DEPT)
    frame = pd.DataFrame(data)
    sources = sources_frame([(i, "Значення", data["Джерело"][i], data["Клітинка"][i])
                             for i in range(rows) if data["Значення"][i] == data["Значення"][i]])
    return ExportTable("Дані", "Дані: усі показники за фільтрами", frame, approximate=pd.DataFrame({"Значення": approx}),
                       sources=sources, metrics=["news_published", "letters_received"], sources_shown=True)


def _cells(table: ExportTable) -> list[list]:
    """Rows of python values as both writers write them (None for an empty cell)."""
    out = []
    for row in table.frame.itertuples(index=False):
        out.append([None if (v is None or v == "" or (isinstance(v, float) and v != v)) else v for v in row])
    return out


def write_openpyxl(table: ExportTable, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Дані")
    rows, approx = _cells(table), table.approximate["Значення"].tolist()
    for c, w in enumerate(_widths(rows), start=1):
        ws.column_dimensions[_letter(c)].width = w
    header_row = 4
    ws.freeze_panes = f"A{header_row + 1}"
    ws.auto_filter.ref = f"A{header_row}:{_letter(len(COLUMNS))}{header_row + len(rows)}"
    title = WriteOnlyCell(ws, table.title)
    title.font = Font(bold=True, size=14)
    ws.append([title])
    ws.append(["Фільтри: …"])
    ws.append([])
    header = []
    for label in COLUMNS:
        cell = WriteOnlyCell(ws, label)
        cell.font = Font(bold=True)
        header.append(cell)
    ws.append(header)
    for i, row in enumerate(rows):
        out = []
        for v in row:
            cell = WriteOnlyCell(ws, v)
            if isinstance(v, float):
                cell.number_format = '"≈ "#,##0' if approx[i] else "#,##0"
            elif isinstance(v, date):
                cell.number_format = "dd.mm.yyyy"
            out.append(cell)
        ws.append(out)
    wb.save(path)


def write_xlsxwriter(table: ExportTable, path: Path, constant_memory: bool = False) -> None:
    import xlsxwriter

    mode = {"constant_memory": True} if constant_memory else {"in_memory": True}
    wb = xlsxwriter.Workbook(str(path), {**mode, "strings_to_formulas": False})
    ws = wb.add_worksheet("Дані")
    bold, title = wb.add_format({"bold": True}), wb.add_format({"bold": True, "font_size": 14})
    num, approx_num = wb.add_format({"num_format": "#,##0"}), wb.add_format({"num_format": '"≈ "#,##0'})
    day = wb.add_format({"num_format": "dd.mm.yyyy"})
    rows, approx = _cells(table), table.approximate["Значення"].tolist()
    for c, w in enumerate(_widths(rows)):
        ws.set_column(c, c, w)
    ws.write_string(0, 0, table.title, title)
    ws.write_string(1, 0, "Фільтри: …")
    header_row = 3
    for c, label in enumerate(COLUMNS):
        ws.write_string(header_row, c, label, bold)
    epoch = date(1899, 12, 30)
    for i, row in enumerate(rows):
        r = header_row + 1 + i
        for c, v in enumerate(row):
            if v is None:
                continue
            if isinstance(v, float):
                ws.write_number(r, c, v, approx_num if approx[i] else num)
            elif isinstance(v, date):
                ws.write_number(r, c, (v - epoch).days, day)
            else:
                ws.write_string(r, c, v)
    ws.freeze_panes(header_row + 1, 0)
    ws.autofilter(header_row, 0, header_row + len(rows), len(COLUMNS) - 1)
    wb.close()


def _widths(rows: list[list]) -> list[float]:
    return [min(60, max([len(COLUMNS[c])] + [len(str(r[c])) for r in rows if r[c] is not None]) + 2)
            for c in range(len(COLUMNS))]


def _letter(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n)


def write_project(table: ExportTable, path: Path, bulk: bool = True) -> None:
    from activity.export.xlsx import write_workbook

    path.write_bytes(write_workbook([table], ExportContext("uk", [("Міста", "усі")], None), bulk=bulk))


def check(path: Path, table: ExportTable) -> None:
    """Reopen (with calamine) and compare the values column by column (numbers, dates, text, blanks)."""
    grid = pd.read_excel(path, sheet_name=0, header=None, engine="calamine")
    header_row = grid.index[grid[0] == COLUMNS[0]][0]
    frame = pd.read_excel(path, sheet_name=0, header=int(header_row), engine="calamine")
    expected = table.frame
    assert list(frame.columns) == COLUMNS, list(frame.columns)
    assert len(frame) == len(expected)
    assert frame["Значення"].isna().sum() == expected["Значення"].isna().sum()
    assert frame["Значення"].sum() == expected["Значення"].sum()
    shown = [None if pd.isna(d) else d.date() for d in frame["Станом на"]]
    assert shown == list(expected["Станом на"])
    assert (frame["Місто"] == expected["Місто"]).all()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()), help="folder for the files written")
    args = ap.parse_args()
    table = make_table(args.rows)
    writers = {"openpyxl (write-only)": write_openpyxl, "xlsxwriter (in memory)": write_xlsxwriter,
               "xlsxwriter (constant memory)": lambda tb, p: write_xlsxwriter(tb, p, constant_memory=True),
               "project export, cell by cell": lambda tb, p: write_project(tb, p, bulk=False),
               "project export (bulk rows)": write_project}
    times: dict[str, list[float]] = {name: [] for name in writers}
    for round_ in range(args.repeat):
        order = list(writers) if round_ % 2 == 0 else list(reversed(writers))
        for name in order:
            write = writers[name]
            path = args.out / f"bench_export_{abs(hash(name)) % 10_000}.xlsx"
            started = time.perf_counter()
            write(table, path)
            times[name].append(time.perf_counter() - started)
            if round_ == 0:
                check(path, table)
            path.unlink()
    med = {name: statistics.median(ts) for name, ts in times.items()}
    print(f"{args.rows:,} rows × {len(COLUMNS)} columns, median of {args.repeat} runs")
    for name, s in med.items():
        print(f"  {name:32s} {s:6.2f} s")
    base, ours = med["openpyxl (write-only)"], med["xlsxwriter (in memory)"]
    print(f"  xlsxwriter is {base / ours:.2f}× as fast as openpyxl")
    project = med["project export (bulk rows)"]
    print(f"  project export is {base / project:.2f}× as fast as openpyxl, "
          f"{med['project export, cell by cell'] / project:.2f}× as fast as cell by cell")
    verdict = "within" if project <= TARGET_SECONDS else "OVER"
    print(f"  project export: {project:.2f} s, {verdict} the {TARGET_SECONDS:.0f} s target")


if __name__ == "__main__":
    main()
