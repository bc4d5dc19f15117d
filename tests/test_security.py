"""Quotes and SQL through every query filter and every URL parameter; production settings.

Every query of activity.warehouse.queries binds its parameters, so hostile text can only fail to match:
the functions return no rows for it (a query that pasted the text into SQL would return rows for
`' OR '1'='1`, or fail). Every page takes hostile URL parameters without an exception and leaves
the warehouse byte for byte as it was.
"""

from __future__ import annotations

import inspect
import re
import shutil
import tomllib
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from activity.warehouse import queries
from activity.warehouse.store import query

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = ["'; DROP TABLE facts; --", "x' OR '1'='1", '") OR 1=1 --', "Ніжин'||(SELECT 1)||'", "%", "*"]
PAGES = ["overview", "trends", "compare", "civil_society", "data", "holdings"]


@pytest.fixture
def db(built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "warehouse.duckdb"
    shutil.copyfile(built_db, copy)
    monkeypatch.setenv("DASHBOARD_DB", str(copy))
    return copy


def _argument(name: str, annotation: object) -> object:
    text = str(annotation)
    if "list" in text:
        return list(HOSTILE)
    if name in ("start",):
        return date(2000, 1, 1)
    if name in ("end",):
        return date(2030, 12, 31)
    if "bool" in text:
        return True
    if "int" in text:
        return 10
    raise AssertionError(f"no hostile value for {name}: {text}")


def _filtered_functions() -> list[str]:
    return [name for name, fn in inspect.getmembers(queries, inspect.isfunction)
            if fn.__module__ == queries.__name__ and not name.startswith("_")]


@pytest.mark.parametrize("name", _filtered_functions())
def test_every_query_binds_its_filters(db: Path, name: str) -> None:
    fn = getattr(queries, name)
    params = inspect.signature(fn).parameters
    before = db.read_bytes()
    kwargs = {p: _argument(p, params[p].annotation) for p in params}
    result = fn(**kwargs)
    frame = result[0] if isinstance(result, tuple) else result
    takes_text = any("list" in str(params[p].annotation) for p in params)
    if takes_text and isinstance(frame, pd.DataFrame):
        assert frame.empty, f"{name} matched rows for hostile text: {frame.head()}"
    elif takes_text:
        assert frame is None
    assert db.read_bytes() == before
    assert int(query("SELECT count(*) AS n FROM facts", path=db)["n"][0]) > 0


def test_every_function_with_filters_was_exercised() -> None:
    text = (ROOT / "activity" / "warehouse" / "queries.py").read_text(encoding="utf-8")
    # no SQL is put together from a value: only fixed text of the module is pasted in (the column list,
    # WHERE text, the figure rules of activity.identity)
    pasted = set(re.findall(r"\{(\w+)\}", text))
    assert pasted <= {"OBS_COLUMNS", "where", "STOCK_DAY", "KEY_START", "KEY_END", "PRECEDENCE"}, pasted
    assert len(_filtered_functions()) >= 9


def _url_keys() -> set[str]:
    keys = {"lang", "page"}
    for path in [ROOT / "dashboard.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "ui").glob("*.py")]:
        keys |= set(re.findall(r'key="(\w+)"', path.read_text(encoding="utf-8")))
    return keys


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("value", HOSTILE[:3])
def test_hostile_url_parameters_on_every_page(db: Path, page, name: str, value: str) -> None:
    before = db.read_bytes()
    at = page(name, db=db, query={key: value for key in sorted(_url_keys())})
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "the page rendered"
    assert db.read_bytes() == before
    assert int(query("SELECT count(*) AS n FROM facts", path=db)["n"][0]) > 0


def test_production_config_keeps_xsrf_on_and_error_details_off() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"].get("enableCORS", True) is True  # XSRF protection needs CORS protection on
    assert config["client"]["showErrorDetails"] in (False, "none")


def test_streamlit_is_pinned() -> None:
    pins = dict(line.split("==") for line in (ROOT / "requirements.txt").read_text().splitlines()
                if "==" in line and not line.startswith("#"))
    major, minor = (int(x) for x in pins["streamlit"].split(".")[:2])
    assert (major, minor) >= (1, 54)  # the last advisory found (CVE-2026-33682) is fixed in 1.54 (README)
