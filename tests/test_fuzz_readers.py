"""A short, bounded fuzz run of the spreadsheet readers (bench/fuzz_readers.py has the long one)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.fuzz
def test_thirty_mutated_workbooks_load_or_are_refused_never_crash() -> None:
    pytest.importorskip("resource")  # the worker caps its memory with setrlimit (Unix)
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "fuzz_readers.py"), "-n", "30", "--seed", "11",
                           "--json"], capture_output=True, text=True, timeout=300, cwd=ROOT)
    report = json.loads(proc.stdout)
    assert report["crashed"] == 0, report["crashes"]
    assert report["unnamed_errors"] == 0
    assert report["loaded"] + report["refused"] == 30
    assert report["refused"] >= 5 and report["loaded"] >= 5  # the mutations both break and spare files
    assert proc.returncode == 0


@pytest.mark.fuzz
def test_sixty_mutated_xls_files_load_or_are_refused_never_crash() -> None:
    """Excel 97-2003 seeds (written with xlwt): the container and the BIFF records mutated."""
    pytest.importorskip("resource")
    pytest.importorskip("xlwt")
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "fuzz_readers.py"), "-n", "60", "--seed", "5",
                           "--only", "xls", "--json"], capture_output=True, text=True, timeout=300, cwd=ROOT)
    report = json.loads(proc.stdout)
    assert report["crashed"] == 0, report["crashes"]
    assert report["unnamed_errors"] == 0
    assert report["loaded"] + report["refused"] == 60
    assert report["refused"] >= 10 and report["loaded"] >= 5
    assert all(kind.startswith("xls_") for kind in report["by_kind"])
    assert proc.returncode == 0
