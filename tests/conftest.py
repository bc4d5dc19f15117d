"""Shared fixtures: workbooks built at test time, a fresh warehouse, the shipped warehouse, and the
app's pages as Streamlit's AppTest runs them."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

import pytest

if TYPE_CHECKING:
    from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

NIZHYN = "UA74040250010023991"
LYSYCHANSK = "UA44120050010021900"
DEPT_NIZHYN = "відділ інформаційно-аналітичної роботи та комунікацій з громадськістю"
MONTHS = ["Січень", "Лютий", "Березень", "Квітень", "Травень", "Червень", "Липень", "Серпень",
          "Вересень", "Жовтень", "Листопад", "Грудень"]


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]], *, hidden_sheets=(), hidden_rows=None,
               merged=None) -> Path:
    """An .xlsx written with openpyxl (formulas stay uncalculated, as openpyxl leaves them)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        if name in hidden_sheets:
            ws.sheet_state = "hidden"
        for r in (hidden_rows or {}).get(name, ()):
            ws.row_dimensions[r].hidden = True
        for rng in (merged or {}).get(name, ()):
            ws.merge_cells(rng)
    wb.save(path)
    return path


def write_ods(path: Path, rows: list[list[object]], sheet: str = "Аркуш1") -> Path:
    """A minimal OpenDocument spreadsheet, written by hand (no office suite needed)."""
    cells_xml = []
    for row in rows:
        cells = []
        for v in row:
            if v is None:
                cells.append("<table:table-cell/>")
            elif isinstance(v, (int, float)):
                cells.append(f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>')
            else:
                cells.append(f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p></table:table-cell>')
        cells_xml.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{escape(sheet)}">'
        + "".join(cells_xml) + "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return path


def wide_rows(year: int = 2019, city: str = "Ніжин", metrics: dict[str, list[object]] | None = None,
              total: bool = False) -> list[list[object]]:
    """A wide-layout sheet as officials keep it: title block, header, metric rows."""
    rows: list[list[object]] = [
        [f"Показники діяльності відділу за {year} рік"],
        ["Місто:", city],
        ["Підрозділ:", DEPT_NIZHYN],
        ["Рік:", year],
        [],
        ["Показник", *MONTHS, *(["Разом"] if total else [])],
    ]
    for label, values in (metrics or {}).items():
        rows.append([label, *values])
    return rows


def long_rows(*figures: list[object]) -> list[list[object]]:
    return [["Місто", "Підрозділ", "Період", "Показник", "Значення", "Станом на"], *map(list, figures)]


@pytest.fixture(autouse=True)
def _own_local_registry(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Departments and spellings people added (data/local/) are never read from or written to the
    checkout by a test: each test starts with none."""
    monkeypatch.setenv("DASHBOARD_LOCAL_DIR", str(tmp_path_factory.mktemp("local")))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "warehouse.duckdb"


@pytest.fixture(scope="session")
def built_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The warehouse built from data/ once per test session (read-only use)."""
    from etl.load.build import build_warehouse

    path = tmp_path_factory.mktemp("wh") / "warehouse.duckdb"
    build_warehouse(path)
    return path


@pytest.fixture
def page(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Callable[..., AppTest]:
    """A factory of Streamlit AppTests of the app, each built from dashboard.py (the entry script):

    `page("trends")` is the Trends page on the built warehouse, already run. `page(None)` is the
    entry as a visitor first opens it (its default page). `db=` points DASHBOARD_DB elsewhere (a
    copy, a crafted or a damaged warehouse, a missing file); `query=` sets URL parameters; `auth=`
    is the `[auth]` section of the secrets (none given: AppTest reads the real secrets.toml, if any);
    `session=` presets session state (e.g. `auth_user`, `lang`); `entry_first=True` runs the entry once
    before switching to the page; `run=False` returns it unrun; `timeout` is each run's limit (s).
    A page switched to before any run runs without the entry (ui/entry.py's ensure_entry then draws
    the language switch), so a language is set in session state, not only in the URL."""
    from streamlit.testing.v1 import AppTest

    def open_page(name: str | None, *, db: Path | None = None, query: dict[str, str] | None = None,
                  auth: dict[str, Any] | None = None, session: dict[str, Any] | None = None,
                  entry_first: bool = False, run: bool = True, timeout: float = 30) -> AppTest:
        monkeypatch.setenv("DASHBOARD_DB", str(db if db is not None else request.getfixturevalue("built_db")))
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=timeout)
        if auth is not None:
            at.secrets["auth"] = auth
        for key, value in (session or {}).items():
            at.session_state[key] = value
        for key, value in (query or {}).items():
            at.query_params[key] = value
        if entry_first:
            at.run()
        if name is not None:
            at.switch_page(f"pages/{name}.py")
        return at.run() if run else at

    return open_page
