"""The layers stay as docs/architecture.md draws them: found from the import statements of every
module (those inside functions too), so a new import across a layer fails here, not in review."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("activity", "etl", "ui")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules() -> dict[str, Path]:
    found = {module_name(p): p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")}
    found |= {f"pages.{p.stem}": p for p in (ROOT / "pages").glob("*.py")}
    return found | {"dashboard": ROOT / "dashboard.py"}


MODULES = project_modules()


def imports(path: Path) -> set[str]:
    """Every module an import statement of the file names (a `from x import y` names x, and x.y when
    that is a module)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            out.add(node.module)
            out |= {f"{node.module}.{alias.name}" for alias in node.names if f"{node.module}.{alias.name}" in MODULES}
    return out


def graph() -> dict[str, set[str]]:
    """Project module -> the project modules it imports (a package's `__init__` counts as the package)."""
    return {name: {m for m in imports(path) if m in MODULES and m != name} for name, path in MODULES.items()}


def test_the_domain_imports_neither_streamlit_nor_the_write_side() -> None:
    for name, path in MODULES.items():
        if name.startswith("activity"):
            bad = {m for m in imports(path) if m.split(".")[0] in ("streamlit", "etl", "ui", "pages")}
            assert not bad, f"{name} imports {sorted(bad)}"


def test_the_write_side_imports_no_app() -> None:
    for name, path in MODULES.items():
        if name.startswith("etl"):
            bad = {m for m in imports(path) if m.split(".")[0] in ("streamlit", "ui", "pages")}
            assert not bad, f"{name} imports {sorted(bad)}"


def test_one_ui_module_bridges_to_etl() -> None:
    crossing = set()
    for name, path in MODULES.items():
        if name.split(".")[0] in ("ui", "pages", "dashboard"):
            text = path.read_text(encoding="utf-8")
            if any(m.split(".")[0] == "etl" for m in imports(path)) or re.search(r"[\"']etl\.", text):
                crossing.add(name)
    assert crossing == {"ui.bridge"}, sorted(crossing)


def test_the_app_reads_the_warehouse_through_its_data_module_only() -> None:
    """Pages, charts and exports use ui.data's cached calls (the frames the page drew); only ui.data
    runs the queries."""
    for name, path in MODULES.items():
        if name.split(".")[0] in ("ui", "pages", "dashboard") and name != "ui.data":
            assert "activity.warehouse.queries" not in imports(path), name


def test_pages_hold_no_sql_and_open_no_connection() -> None:
    for name, path in MODULES.items():
        if name.split(".")[0] in ("pages", "dashboard", "ui"):
            text = path.read_text(encoding="utf-8")
            assert not {m for m in imports(path) if m.split(".")[0] == "duckdb"}, name
            assert not re.search(r"\b(SELECT|FROM|WHERE)\b\s+[\w*(]", text), f"{name} holds SQL"


def test_no_import_cycles() -> None:
    g = graph()
    index, low, stack, on, cycles, counter = {}, {}, [], set(), [], [0]

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in g[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = set()
            while True:
                w = stack.pop()
                on.discard(w)
                part.add(w)
                if w == v:
                    break
            if len(part) > 1:
                cycles.append(sorted(part))

    for v in sorted(g):
        if v not in index:
            visit(v)
    assert not cycles, cycles


def test_etl_shows_its_parts() -> None:
    top = sorted(p.name for p in (ROOT / "etl").glob("*.py"))
    assert len(top) <= 15, top
    assert {"intake", "sheets", "reports", "load", "commands"} <= {p.name for p in (ROOT / "etl").iterdir() if p.is_dir()}


def test_the_cycle_finder_finds_a_cycle() -> None:
    """The import graph is read as it should be: known edges are there."""
    g = graph()
    assert "activity.warehouse.store" in g["activity.warehouse.queries"]
    assert "etl.load.storer" in g["etl.load.loader"]
    assert "ui.bridge" in g["pages.upload"]
