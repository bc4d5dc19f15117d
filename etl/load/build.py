"""Build the warehouse from what ships in data/: the real figures, then the demo workbooks."""

from __future__ import annotations

from pathlib import Path

from activity.settings import ROOT
from etl.load.loader import LoadReport, load
from etl.load.parse import expand_paths
from etl.load.warehouse import load_population, transaction

DATA = ROOT / "data"
REAL_DIR = DATA / "real"
DEMO_DIR = DATA / "demo"
POPULATION_CSV = DATA / "population.csv"


def build_warehouse(db_path: Path, progress=None) -> list[LoadReport]:
    """Load data/real (as real figures) and data/demo (marked demo). Idempotent."""
    reports = []
    for folder, demo in ((REAL_DIR, False), (DEMO_DIR, True)):
        files = expand_paths([folder]) if folder.is_dir() else []
        if not files:
            continue
        bar = progress(len(files), folder.name) if progress else None
        reports.append(load(files, db_path, demo=demo, progress=(lambda _r, b=bar: b.update(1)) if bar else None))
        if bar:
            bar.close()
    if POPULATION_CSV.exists():
        with transaction(db_path) as con:
            load_population(con, POPULATION_CSV)
    return reports
