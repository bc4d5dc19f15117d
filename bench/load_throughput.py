#!/usr/bin/env python
"""End-to-end load throughput of a large wide-layout workbook, against an openpyxl-only baseline.

    .venv/bin/python bench/load_throughput.py [--figures 100000] [--repeat 3] [--seed 2024]

What is measured (each run in its own subprocess, so peak RSS is per variant; the variants are
interleaved and every number is the median of --repeat runs):

* **ours**: ``etl.load.parse.parse_file(packed=True)`` as the loader runs it (sha256, ``etl.intake.guard``
  package check, calamine, layout parsing, validation, de-duplication, figures packed column-wise
  into Arrow), then ``etl.load.loader.load`` into a fresh temporary
  warehouse (DDL, Arrow insert, checkpoint, fsync, atomic rename).
* **baseline**: the very same ``parse_file`` and ``load``, with only the reader swapped: a
  ``read_grid`` that reads the cells with openpyxl (``read_only=True, data_only=True``) and builds
  the same ``etl.sheets.readers.Sheet`` objects (cells normalised by the same ``etl.sheets.readers._cell``). No
  guard: the guard exists because calamine can abort the process on malformed files, so its cost
  is part of choosing calamine.
* **raw read**: the readers alone, no layout parsing or validation: ``read_grid`` (guard +
  calamine) vs the openpyxl reader; the guard's share is shown on its own row.

Start-up (imports, the metric catalog, the КАТОТТГ place index) is paid once per process by both
variants; it is measured before the clock starts and shown on its own row.

The workbook is generated at run time into a temporary folder with XlsxWriter (constant_memory):
the project's WIDE layout, one sheet per city / department / year, each with the title block
("Місто:", "Підрозділ:", "Рік:"), a header "Показник" + 12 months + "Разом", and one row per flow
metric of the catalog (35 count metrics, labelled by their Ukrainian catalog label), grouped under
category section headings, with random whole counts and a "Разом" column holding a SUM formula
with its cached value. 100 000 figures = 10 cities x 8 years (2017-2024) x 3 departments, i.e.
239 sheets (the last city has one sheet less) x 35 metrics x 12 months = 100 380 month cells, of
which 380 are left empty at random (not reported). The per-workbook sheet count stays under the MAX_SHEETS setting (activity.settings); a larger --figures
writes several workbooks, all loaded in one call.

The machine may be shared and noisy: the script prints ratios and asserts nothing about time. It
does check that both variants load the same figures (count and content digest).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MONTHS = ["Січень", "Лютий", "Березень", "Квітень", "Травень", "Червень", "Липень", "Серпень",
          "Вересень", "Жовтень", "Листопад", "Грудень"]
YEARS = list(range(2017, 2025))  # 8 years, as the demo data set
N_CITIES = 10
DEPARTMENTS = [
    "відділ інформаційної діяльності та комунікацій з громадськістю",  # standard names (data/departments.toml):
    "відділ з питань внутрішньої політики",  # every city resolves them, none needs teaching
    "загальний відділ",
]
SHEETS_PER_WORKBOOK = 240  # etl.intake.guard.MAX_SHEETS is 256
FIRST_CITIES = ["Ніжин", "Лисичанськ"]  # the project's own cities, then a seeded sample

VARIANTS = ("ours", "base", "read-ours", "read-base")


# ---------------------------------------------------------------------------------- workbook


def _flow_metrics() -> list:
    from activity.catalog import METRICS

    return [m for m in METRICS.values() if m.kind == "flow" and m.unit == "count"]


def _clean_cities(n: int, rng: random.Random) -> list[str]:
    """City (level M) names that resolve to themselves without a normalisation warning."""
    from activity.places import PlaceError, all_places, resolve_place

    ok = []
    for p in all_places():
        if p.level != "M":
            continue
        try:
            m = resolve_place(p.name_uk)
        except PlaceError:
            continue
        if m.place.code == p.code and not m.normalised:
            ok.append(p.name_uk)
    first = [c for c in FIRST_CITIES if c in ok]
    rest = sorted(set(ok) - set(first))
    return (first + rng.sample(rest, len(rest)))[:n]


def make_workbooks(folder: Path, n_figures: int, seed: int) -> tuple[list[Path], dict]:
    """Write the wide-layout workbook(s) holding exactly `n_figures` figures; return paths and a summary."""
    import xlsxwriter

    rng = random.Random(seed)
    metrics = _flow_metrics()
    per_sheet = len(metrics) * len(MONTHS)
    n_sheets = max(1, math.ceil(n_figures / per_sheet))
    combos_per_city = len(YEARS) * len(DEPARTMENTS)
    cities = _clean_cities(max(N_CITIES, math.ceil(n_sheets / combos_per_city)), rng)
    combos = [(c, d, y) for c in cities for y in YEARS for d in range(len(DEPARTMENTS))][:n_sheets]
    blanks_total = n_sheets * per_sheet - n_figures
    blank = set(rng.sample(range(n_sheets * per_sheet), blanks_total))  # global cell indices left empty

    from activity.catalog import CATEGORIES

    by_cat: dict[str, list] = {}
    for m in metrics:
        by_cat.setdefault(m.category, []).append(m)

    paths: list[Path] = []
    cell_index = 0
    written = 0
    for w in range(math.ceil(n_sheets / SHEETS_PER_WORKBOOK)):
        path = folder / f"activity_{w + 1:02d}.xlsx"
        wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
        bold = wb.add_format({"bold": True})
        for s, (city, d, year) in enumerate(combos[w * SHEETS_PER_WORKBOOK:(w + 1) * SHEETS_PER_WORKBOOK]):
            ws = wb.add_worksheet(f"{city[:18]} {year} в{d + 1}-{w * SHEETS_PER_WORKBOOK + s + 1}"[:31])
            ws.write(0, 0, f"Показники діяльності відділу за {year} рік", bold)
            ws.write(1, 0, "Місто:")
            ws.write(1, 1, city)
            ws.write(2, 0, "Підрозділ:")
            ws.write(2, 1, DEPARTMENTS[d])
            ws.write(3, 0, "Рік:")
            ws.write(3, 1, year)
            ws.write_row(5, 0, ["Показник", *MONTHS, "Разом"], bold)
            r = 6
            for cat, ms in by_cat.items():
                ws.write(r, 0, CATEGORIES[cat].label_uk if cat in CATEGORIES else cat, bold)  # section heading
                r += 1
                for m in ms:
                    ws.write(r, 0, m.label_uk)
                    total = 0
                    for c in range(len(MONTHS)):
                        if cell_index not in blank:
                            v = rng.randint(0, 400) if rng.random() > 0.05 else 0
                            ws.write_number(r, 1 + c, v)
                            total += v
                            written += 1
                        cell_index += 1
                    ws.write_formula(r, 1 + len(MONTHS), f"=SUM(B{r + 1}:M{r + 1})", None, total)
                    r += 1
        wb.close()
        paths.append(path)
    assert written == n_figures, (written, n_figures)
    summary = {
        "workbooks": len(paths), "sheets": n_sheets, "cities": len({c for c, _, _ in combos}),
        "years": f"{min(y for *_, y in combos)}-{max(y for *_, y in combos)}",
        "departments": len({d for _, d, _ in combos}), "metrics": len(metrics),
        "blank_cells": blanks_total, "bytes": sum(p.stat().st_size for p in paths),
    }
    return paths, summary


# ---------------------------------------------------------------------------------- baseline reader


def openpyxl_read_grid(path, display_name=None):
    """etl.sheets.readers.read_grid with the cells read by openpyxl instead of calamine (no guard).

    Same Sheet/Grid objects and the same cell normalisation (`etl.sheets.readers._cell`). Hidden sheets are
    skipped like ours; hidden rows and uncalculated formulas are not detected (read-only openpyxl
    does not load row dimensions), which does not matter for the generated workbook.
    """
    from openpyxl import load_workbook
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    from etl.problems import WARNING, Problem
    from etl.sheets.readers import Grid, Sheet, _cell

    path = Path(path)
    name = display_name or path.name
    wb = load_workbook(path, read_only=True, data_only=True)
    sheets, problems = [], []
    date1904 = wb.epoch == CALENDAR_MAC_1904
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            problems.append(Problem(WARNING, "sheet_hidden", name, ws.title, params={"sheet": ws.title}))
            continue
        rows = [[_cell(v) for v in row] for row in ws.iter_rows(values_only=True)]
        sheets.append(Sheet(ws.title, rows, set(), date1904))
    wb.close()
    return Grid(name, sheets, problems)


# ---------------------------------------------------------------------------------- worker


def _rss_kb() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS, KiB on Linux


def _digest(results) -> tuple[int, str]:
    """(figures, digest) of parsed files, whether their figures are objects or a packed table."""
    lines = []
    for r in results:
        if r.packed is not None:
            t = r.packed.to_pydict()
            lines += [f"{loc}|{pl}|{d}|{m}|{s}|{e}|{v}|{st}\n" for loc, pl, d, m, s, e, v, st in zip(
                t["locator"], t["place_code"], t["department"], t["metric"], t["period_start"], t["period_end"],
                t["value"], t["status"], strict=True)]
        else:
            lines += [f"{f.locator}|{f.place_code}|{f.department}|{f.metric}|{f.period.start}|{f.period.end}|"
                      f"{f.value}|{f.status}\n" for f in r.figures]
    h = hashlib.sha256()
    for line in sorted(lines):
        h.update(line.encode())
    return len(lines), h.hexdigest()[:16]


def worker(variant: str, files: list[Path], db: Path, profile: Path | None) -> dict:
    """One measured run; prints a JSON line. Start-up work happens before the clock starts."""
    t0 = time.perf_counter()
    import etl.load.parse as ingest
    from activity.catalog import match_metric
    from activity.places import resolve_place
    from etl.load.loader import load

    if variant in ("ours", "read-ours"):
        import python_calamine  # noqa: F401  (imported lazily by etl.sheets.readers; keep it off the clock)
    else:
        import openpyxl  # noqa: F401
    resolve_place("Ніжин")  # builds the place index
    match_metric("Вхідні листи")
    startup = time.perf_counter() - t0
    rss_start = _rss_kb()
    out: dict = {"variant": variant, "startup": startup, "rss_start_kb": rss_start}

    prof = None
    if profile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    if variant in ("ours", "base"):
        if variant == "base":
            ingest.read_grid = openpyxl_read_grid  # only the reader changes
        t1 = time.perf_counter()
        # ours as the loader runs it: figures packed column-wise (etl.load.parse.parse_file(packed=True))
        results = [ingest.parse_file(p, packed=variant == "ours") for p in files]
        t2 = time.perf_counter()
        out["rss_parsed_kb"] = _rss_kb()
        errors = [p.message() for r in results for p in r.errors]
        if errors:
            raise SystemExit(f"{variant}: the workbook did not validate: {errors[:5]}")
        report = load(results, db)
        t3 = time.perf_counter()
        if prof:
            prof.disable()
        n_figures, digest = _digest(results)
        import duckdb

        with duckdb.connect(str(db), read_only=True) as con:
            stored = con.execute("SELECT count(*) FROM facts").fetchone()[0]
        out.update(read_validate=t2 - t1, write=t3 - t2, total=t3 - t1, figures=n_figures,
                   stored=stored, loaded=report.loaded, digest=digest,
                   warnings=sum(len(r.warnings) for r in results))
    else:
        from etl.intake.guard import inspect_package
        from etl.sheets.readers import _read_calamine

        t1 = time.perf_counter()
        guard = cells = 0.0
        n_cells = 0
        for p in files:
            if variant == "read-ours":  # read_grid's two steps, timed apart
                a = time.perf_counter()
                facts = inspect_package(str(p), "xlsx")
                b = time.perf_counter()
                grid = _read_calamine(p, p.name, facts)
                guard += b - a
                cells += time.perf_counter() - b
            else:
                grid = openpyxl_read_grid(p)
            n_cells += sum(v is not None for s in grid.sheets for row in s.rows for v in row)
        t2 = time.perf_counter() - t1
        if prof:
            prof.disable()
        out.update(read=t2, guard=guard, cells=cells, n_cells=n_cells)
    out["rss_peak_kb"] = _rss_kb()
    if prof:
        prof.dump_stats(str(profile))
    return out


# ---------------------------------------------------------------------------------- driver


def _run(variant: str, files: list[Path], db: Path, profile: Path | None = None) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", variant, "--db", str(db),
           *(["--profile-out", str(profile)] if profile else []), *map(str, files)]
    env = {k: v for k, v in os.environ.items() if k != "DASHBOARD_LOAD_PAUSE"}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    if proc.returncode != 0:
        raise SystemExit(f"worker {variant} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    for suffix in ("", ".wal", ".lock"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _fmt_s(x: float) -> str:
    return f"{x:.3f} s"


def _fmt_mb(kb: float) -> str:
    return f"{kb / 1024:.0f} MB"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--figures", type=int, default=100_000, help="figures in the generated workbook (default 100000)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per variant; the median is shown (default 3)")
    ap.add_argument("--seed", type=int, default=2024, help="random seed of the generated values")
    ap.add_argument("--profile", action="store_true", help="also cProfile one run of ours and print the top 10")
    ap.add_argument("--keep", type=Path, help="write the workbook(s) into this folder and keep them")
    ap.add_argument("--worker", choices=VARIANTS, help=argparse.SUPPRESS)
    ap.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--profile-out", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("files", nargs="*", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.worker:
        print(json.dumps(worker(args.worker, args.files, args.db, args.profile_out)))
        return
    if args.figures < 1 or args.repeat < 1:
        ap.error("--figures and --repeat must be at least 1")

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        tmp = Path(tmp)
        folder = args.keep or tmp
        folder.mkdir(parents=True, exist_ok=True)
        t = time.perf_counter()
        files, wb = make_workbooks(folder, args.figures, args.seed)
        gen = time.perf_counter() - t
        print(f"workbook: {args.figures:_} figures in {wb['workbooks']} file(s), {wb['sheets']} sheets "
              f"({wb['cities']} cities x {wb['years']} x {wb['departments']} departments; "
              f"{wb['metrics']} flow metrics x 12 months, {wb['blank_cells']} cells left empty), "
              f"{wb['bytes'] / 1e6:.1f} MB, written in {gen:.1f} s".replace("_", " "))
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, repeat {args.repeat} (median), "
              f"each run in its own process", flush=True)

        runs: dict[str, list[dict]] = {v: [] for v in VARIANTS}
        for i in range(args.repeat):
            order = VARIANTS if i % 2 == 0 else tuple(reversed(VARIANTS))  # interleaved, alternating order
            for v in order:
                runs[v].append(_run(v, files, tmp / f"wh-{v}-{i}.duckdb"))
            print(f"  run {i + 1}/{args.repeat} done ({time.perf_counter() - started:.0f} s)", flush=True)

        # Both variants must load the same thing: not a timing assertion, a correctness one.
        for v in ("ours", "base"):
            for r in runs[v]:
                if r["figures"] != args.figures or r["stored"] != args.figures or not r["loaded"]:
                    raise SystemExit(f"{v}: expected {args.figures} figures, parsed {r['figures']}, "
                                     f"stored {r['stored']}")
        digests = {r["digest"] for v in ("ours", "base") for r in runs[v]}
        if len(digests) != 1:
            raise SystemExit(f"ours and baseline parsed different figures: {digests}")
        if {r["n_cells"] for v in ("read-ours", "read-base") for r in runs[v]} != {runs["read-ours"][0]["n_cells"]}:
            raise SystemExit("calamine and openpyxl read different numbers of non-empty cells")

        def med(v: str, key: str) -> float:
            return statistics.median(r[key] for r in runs[v])

        n = args.figures
        rows = [
            ("read + validate (parse_file)", med("ours", "read_validate"), med("base", "read_validate"), "s"),
            ("write (load)", med("ours", "write"), med("base", "write"), "s"),
            ("total end to end", med("ours", "total"), med("base", "total"), "s"),
            ("figures/s end to end", n / med("ours", "total"), n / med("base", "total"), "rate"),
            ("peak RSS after read + validate", med("ours", "rss_parsed_kb"), med("base", "rss_parsed_kb"), "kb"),
            ("peak RSS end to end", med("ours", "rss_peak_kb"), med("base", "rss_peak_kb"), "kb"),
            ("  growth after start-up", med("ours", "rss_peak_kb") - med("ours", "rss_start_kb"),
             med("base", "rss_peak_kb") - med("base", "rss_start_kb"), "kb"),
            ("raw read, no validation", med("read-ours", "read"), med("read-base", "read"), "s"),
            ("  guard (etl.intake.guard)", med("read-ours", "guard"), None, "s"),
            ("  cells (calamine | openpyxl)", med("read-ours", "cells"), med("read-base", "read"), "s"),
            ("peak RSS raw read", med("read-ours", "rss_peak_kb"), med("read-base", "rss_peak_kb"), "kb"),
            ("start-up (imports, catalog, places)", med("ours", "startup"), med("base", "startup"), "s"),
        ]
        w0 = max(len(r[0]) for r in rows)
        print()
        print(f"{'measurement':<{w0}}  {'ours':>12}  {'baseline':>12}  {'ratio':>7}")
        print(f"{'-' * w0}  {'-' * 12}  {'-' * 12}  {'-' * 7}")
        for label, ours, base, unit in rows:
            fmt = {"s": _fmt_s, "kb": _fmt_mb, "rate": lambda x: f"{x:_.0f}/s".replace("_", " ")}[unit]
            if base is None:
                ratio = ""
            elif unit == "rate":
                ratio = f"{ours / base:.2f}x"
            else:
                ratio = f"{base / ours:.2f}x" if ours > 0 else "-"
            print(f"{label:<{w0}}  {fmt(ours):>12}  {fmt(base) if base is not None else '-':>12}  {ratio:>7}")
        print("ratio: how many times better ours is (baseline time / ours time; ours rate / baseline rate; "
              "baseline RSS / ours RSS); > 1 means ours is better.")
        spread = [(r["total"]) for r in runs["ours"]]
        print(f"ours end to end, all runs: {', '.join(f'{x:.2f}' for x in spread)} s; baseline: "
              f"{', '.join(f'{x:.2f}' for x in (r['total'] for r in runs['base']))} s; warnings per load: {runs['ours'][0]['warnings']}")

        if args.profile:
            import pstats

            prof = tmp / "ours.prof"
            _run("ours", files, tmp / "wh-profile.duckdb", prof)
            print("\ncProfile of one run of ours (parse_file + load), top 10 by own time:")
            pstats.Stats(str(prof)).strip_dirs().sort_stats("tottime").print_stats(10)
            print("top 10 by cumulative time:")
            pstats.Stats(str(prof)).strip_dirs().sort_stats("cumulative").print_stats(10)
    print(f"benchmark took {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
