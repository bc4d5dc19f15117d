"""The README stays short and every relative link in the docs leads somewhere (settings: tests/test_settings.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS = [README, *sorted((ROOT / "docs").glob("*.md"))]
MAX_README_LINES = 300

CODE_BLOCK = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*$", re.MULTILINE)


def _prose(path: Path) -> str:
    return CODE_BLOCK.sub("", path.read_text(encoding="utf-8"))


def _anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"[`*_]|\[([^\]]*)\]\([^)]*\)", r"\1", heading).lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def _relative_links() -> list[tuple[Path, str]]:
    links = []
    for doc in DOCS:
        for target in LINK.findall(_prose(doc)):
            if not re.match(r"[a-z][a-z0-9+.-]*:", target):  # http:, https:, mailto: ...
                links.append((doc, target))
    return links


def test_readme_is_at_most_300_lines() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MAX_README_LINES, f"README.md has {len(lines)} lines; move detail into docs/"


def test_the_docs_have_relative_links() -> None:
    assert len(_relative_links()) > 20  # the link pattern still finds the links


@pytest.mark.parametrize(("doc", "target"), _relative_links(),
                         ids=lambda x: x.name if isinstance(x, Path) else x)
def test_every_relative_link_points_at_something_that_exists(doc: Path, target: str) -> None:
    path, _, anchor = target.partition("#")
    file = (doc.parent / path).resolve() if path else doc
    shown = file.relative_to(ROOT).as_posix() if file.is_relative_to(ROOT) else str(file)
    assert file.exists(), f"{doc.name}: {target} points at nothing"
    if anchor and file.suffix == ".md":
        anchors = {_anchor(h) for h in HEADING.findall(_prose(file))}
        assert anchor in anchors, f"{doc.name}: {target}: no heading with that anchor in {shown}"


def test_every_file_the_docs_name_exists() -> None:
    """Paths written in the docs (`etl/load/loader.py`) and dotted module names (`activity.series`)
    still point at the tree."""
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for path in re.findall(r"`((?:activity|etl|ui|pages|tests|bench|data|docs)/[\w/.-]+\.(?:py|toml|md|csv))`", text):
            assert (ROOT / path).exists(), f"{doc.name}: {path}"
        for dotted in re.findall(r"`((?:activity|etl|ui)(?:\.\w+)+)", text):
            assert _resolves(dotted.split(".")), f"{doc.name}: {dotted}"


def _resolves(parts: list[str]) -> bool:
    """A module, or a name defined in one (`activity.identity.once_in_obs`)."""
    for n in range(len(parts), 0, -1):
        base = ROOT / Path(*parts[:n])
        source = base.with_suffix(".py") if base.with_suffix(".py").exists() else base / "__init__.py"
        if source.exists():
            rest = parts[n:]
            return not rest or re.search(rf"^(def|class) {rest[0]}\b|^{rest[0]}\b.*=", source.read_text(encoding="utf-8"),
                                         re.MULTILINE) is not None
    return False
