"""What ships in data/: the demo generator reproduces the committed workbooks, templates load."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from etl.load.parse import expand_paths, parse_file
from tests.conftest import ROOT

DATA = ROOT / "data"


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.xlsx"))}


def test_demo_generator_reproduces_the_committed_workbooks(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(DATA / "generate_demo.py"), "--out", str(tmp_path)],
                   check=True, capture_output=True, cwd=ROOT)
    assert _digests(tmp_path) == _digests(DATA / "demo")
    assert len(_digests(tmp_path)) == 14  # Nizhyn 2017-2024, Lysychansk 2017-2022


def test_templates_load_without_problems() -> None:
    files = expand_paths([DATA / "templates"])
    assert {p.suffix for p in files} == {".xlsx", ".csv"}
    for path in files:
        result = parse_file(path)
        assert result.ok and not result.warnings, [p.render() for p in result.problems]
        assert result.figures


def test_lysychansk_demo_stops_after_june_2022() -> None:
    result = parse_file(DATA / "demo" / "lysychansk_2022.xlsx")
    assert result.ok
    assert max(f.period.end for f in result.figures).isoformat() <= "2022-07-01"
    assert max(f.period.end for f in result.figures if f.metric == "news_published").isoformat() == "2022-06-30"


def test_real_figures_are_the_three_seed_reports() -> None:
    results = [parse_file(p) for p in expand_paths([DATA / "real"])]
    assert all(r.ok for r in results)
    assert sorted(len(r.figures) for r in results) == [3, 7, 30]
    values = {(r.name, f.metric): f.value for r in results for f in r.figures if f.breakdown is None}
    assert values[("nizhyn_2017_year.csv", "news_published")] == 5790
    assert values[("nizhyn_2017_year.csv", "documents_published")] == 1546
    assert values[("lysychansk_2019_q3_quarter.csv", "news_published")] == 408
