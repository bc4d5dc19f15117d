"""Every `DASHBOARD_*` setting is in one table (activity.settings), documented, and read only there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from activity.settings import SETTINGS, setting

ROOT = Path(__file__).resolve().parents[1]
CODE = [p for folder in ("activity", "etl", "ui", "pages", "bench", "tools", "tests", "data")
        for p in (ROOT / folder).rglob("*.py")] + [ROOT / "dashboard.py", ROOT / "Makefile"]


def test_every_setting_is_documented_with_its_variable_and_default() -> None:
    doc = (ROOT / "docs" / "operating.md").read_text(encoding="utf-8")
    for item in SETTINGS:
        row = next((line for line in doc.splitlines() if f"`{item.env}`" in line), None)
        assert row is not None, item.env
        if item.kind == "count" and item.default:
            assert f"{item.default:,}".replace(",", " ") in row or str(item.default) in row, (item.env, row)


def test_no_code_names_a_setting_the_table_lacks() -> None:
    known = {item.env for item in SETTINGS}
    for path in CODE:
        for name in set(re.findall(r"DASHBOARD_[A-Z][A-Z0-9_]*", path.read_text(encoding="utf-8"))):
            assert name in known, f"{path.relative_to(ROOT)}: {name}"


def test_only_the_settings_module_reads_the_environment_for_them() -> None:
    for folder in ("activity", "etl", "ui", "pages"):
        for path in (ROOT / folder).rglob("*.py"):
            if path.name == "settings.py" and path.parent.name == "activity":
                continue
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"environ(\.get)?\(?\[?\s*['\"]DASHBOARD_|getenv\(\s*['\"]DASHBOARD_", text), path


def test_limits_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASHBOARD_MAX_SHEETS", "12")
    assert setting("MAX_SHEETS") == 12
    monkeypatch.setenv("DASHBOARD_MAX_SHEETS", "lots")
    assert setting("MAX_SHEETS") == 256
    monkeypatch.setenv("DASHBOARD_MAX_SHEETS", "1_000")
    assert setting("MAX_SHEETS") == 1000


@pytest.mark.parametrize(("name", "raw", "expected"), [
    ("LOCK_WAIT", "0.5", 0.5), ("LOCK_WAIT", "-3", 30.0), ("LOCK_WAIT", "soon", 30.0),
    ("LOAD_MEMORY", "2GB", "2GB"), ("LOAD_MEMORY", "2 GiB", "2 GiB"), ("LOAD_MEMORY", "lots", "1GB"),
    ("LOAD_MEMORY", "1GB'; DROP TABLE facts; --", "1GB"),
    ("JOBS", "1", 1), ("JOBS", "0", 0), ("JOBS", "-2", 0),
    ("DB", "/srv/w.duckdb", Path("/srv/w.duckdb")),
])
def test_a_value_that_does_not_read_leaves_the_default(monkeypatch: pytest.MonkeyPatch, name: str, raw: str,
                                                       expected: object) -> None:
    monkeypatch.setenv(f"DASHBOARD_{name}", raw)
    assert setting(name) == expected


def test_a_bad_lock_wait_does_not_stop_a_load(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from etl.load.warehouse import write_lock

    monkeypatch.setenv("DASHBOARD_LOCK_WAIT", "soon")
    with write_lock(tmp_path / "w.duckdb"):
        pass
