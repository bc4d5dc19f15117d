"""Run the command line on one hostile file in a process of its own, and check what every case
must hold: no crash, no traceback, at most 10 s and 1 GB, and a refused file changes nothing.

Shared by tests/test_hostile_files.py (containers, bombs, XML, sheet sizes) and
tests/test_hostile_cells.py (formulas, values, names).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from etl.intake.names import safe_display_name
from tests import hostile as h
from tests.conftest import DEPT_NIZHYN, ROOT, long_rows, write_xlsx

TIME_LIMIT = 10  # seconds per file
MEMORY_LIMIT = 1 << 30  # peak resident memory per file
NEWS = "Новини та інформаційні матеріали на сайті"

# Runs the CLI in this process, then reports its peak memory on stderr. The address space is
# capped (well above MEMORY_LIMIT: DuckDB reserves much it never touches) so that a runaway
# allocation fails inside the child instead of taking the machine down.
RUNNER = """
import resource, runpy, sys, atexit
resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30))
atexit.register(lambda: print(f"@@maxrss={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", file=sys.stderr))
sys.argv = ["etl", *sys.argv[1:]]
runpy.run_module("etl", run_name="__main__")
"""


def run_cli(db: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, dict | str, str]:
    """(exit code, parsed JSON or text output, stderr without the memory line)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    env.pop("DASHBOARD_LOAD_PAUSE", None)
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", RUNNER, "--db", str(db), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=TIME_LIMIT + 5)
    seconds = time.monotonic() - started
    lines = proc.stderr.splitlines()
    marks = [line for line in lines if line.startswith("@@maxrss=")]
    stderr = "\n".join(line for line in lines if not line.startswith("@@maxrss="))
    assert proc.returncode in (0, 1), f"crashed with {proc.returncode}: {stderr[-2000:]}"
    assert "Traceback" not in stderr and "Traceback" not in proc.stdout, stderr[-2000:]
    assert marks, "the child did not finish normally"
    assert int(marks[-1].split("=")[1]) * 1024 <= MEMORY_LIMIT, marks[-1]
    assert seconds <= TIME_LIMIT + 3, f"{seconds:.1f} s"  # 3 s for starting Python and imports
    out: dict | str = json.loads(proc.stdout) if "--json" in args else proc.stdout
    return proc.returncode, out, stderr


@pytest.fixture(scope="module")
def base_db(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A warehouse holding two March/April figures, as bytes to copy into each test."""
    from etl.load.loader import load
    from etl.load.parse import parse_file

    folder = tmp_path_factory.mktemp("base")
    good = write_xlsx(folder / "good.xlsx", {"A": long_rows(["Ніжин", DEPT_NIZHYN, "березень 2021", "news_published", 465, None],
                                                            ["Ніжин", DEPT_NIZHYN, "квітень 2021", "news_published", 470, None])})
    db = folder / "w.duckdb"
    assert load([parse_file(good)], db).loaded
    return db.read_bytes()


@pytest.fixture
def wh(tmp_path: Path, base_db: bytes) -> Path:
    db = tmp_path / "wh" / "warehouse.duckdb"
    db.parent.mkdir()
    db.write_bytes(base_db)
    return db


def refused(wh: Path, path: Path, key: str, *, sheet: str | None = None, cell: str | None = None,
            text: str = "", env: dict[str, str] | None = None) -> dict:
    """Load `path`: it must be refused with `key`, naming the file (and sheet/cell), nothing changed."""
    before = wh.read_bytes()
    code, out, _ = run_cli(wh, "--json", "load", str(path), env=env)
    assert code == 1 and out["loaded"] is False
    [file] = out["files"]
    problems = [p for p in file["problems"] if p["severity"] == "error"]
    assert problems, file
    first = problems[0]
    assert (first["key"], first["file"]) == (key, safe_display_name(path.name)), first
    if sheet is not None:
        assert first["sheet"] == sheet, first
    if cell is not None:
        assert cell in {p["cell"] for p in problems}, problems
    assert text in first["message"], first["message"]
    assert wh.read_bytes() == before
    return first


def loaded(wh: Path, path: Path, *args: str) -> dict:
    code, out, _ = run_cli(wh, "--json", *args, "load", str(path))
    assert code == 0 and out["loaded"] is True, out
    return out


def part_file(tmp_path: Path, name: str, sheets: dict[str, str], **kwargs) -> Path:
    return h.write_parts(tmp_path / name, h.workbook_parts(sheets, **kwargs))


def long_sheet(*figures: list[object]) -> str:
    return h.sheet_xml(h.rows_xml(long_rows(*figures)))


GOOD_SHEET = long_sheet(["Ніжин", DEPT_NIZHYN, "травень 2021", "news_published", 480, None])
