"""`python -m ui.serve` (what `make run` starts): `streamlit run dashboard.py` with the options
given, after loading the pages' modules. The browser tests serve the app this way."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import ui.serve as serve

ROOT = Path(__file__).resolve().parents[1]


def test_the_options_go_to_streamlit_run_of_the_dashboard(monkeypatch) -> None:
    import streamlit.web.cli as cli

    seen: dict = {}
    monkeypatch.setattr(serve, "preload", lambda: seen.setdefault("order", []).append("preload"))
    monkeypatch.setattr(cli, "main", lambda args, prog_name: seen.setdefault("order", []).append((prog_name, args)) or 0)
    assert serve.main(["--server.port", "8765", "--server.headless", "true"]) == 0
    assert seen["order"] == ["preload", ("streamlit", ["run", str(ROOT / "dashboard.py"), "--server.port", "8765",
                                                       "--server.headless", "true"])]


def test_preloading_loads_every_module_named_and_logs_nothing(tmp_path: Path) -> None:
    code = ("import sys; from ui.serve import PRELOAD, preload; preload(); "
            "missing = [m for m in PRELOAD if m not in sys.modules]; print(missing)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={"PATH": "/usr/bin:/bin", "DASHBOARD_DB": str(tmp_path / "none.duckdb")})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    assert done.stderr == ""
