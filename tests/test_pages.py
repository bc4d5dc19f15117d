"""Every page of the router opens, in both languages, on the built warehouse: no exception, no error,
the router's title and the language switch set to the language asked for.

The router's pages are read from dashboard.py's PAGES by parsing it (importing dashboard.py would
run Streamlit), and they must be exactly the files in pages/.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from activity.i18n import tr
from etl.passwords import hash_password

ROOT = Path(__file__).resolve().parents[1]
LANGS = ["uk", "en"]


def router_pages() -> list[tuple[str, str, str, str]]:
    """dashboard.py's PAGES: (file, title key, icon, url path) per page, in the menu's order."""
    tree = ast.parse((ROOT / "dashboard.py").read_text(encoding="utf-8"))
    [pages] = [ast.literal_eval(node.value) for node in tree.body if isinstance(node, ast.Assign)
               and any(isinstance(target, ast.Name) and target.id == "PAGES" for target in node.targets)]
    return pages


PAGES = router_pages()
LOGIN = {"accounts": {"olena": hash_password("рукопис-2024-весна")}}  # upload, review, sources need a login


def test_the_pages_folder_holds_exactly_the_routed_pages() -> None:
    routed = [file for file, *_ in PAGES]
    assert len(routed) == len(set(routed)), routed
    in_folder = {f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py")}
    assert in_folder - set(routed) == set(), "in pages/ but not routed by dashboard.py"
    assert set(routed) - in_folder == set(), "routed by dashboard.py but missing from pages/"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("file", "key"), [(file, key) for file, key, *_ in PAGES],
                         ids=[Path(file).stem for file, *_ in PAGES])
def test_every_page_opens_in_both_languages(page, file: str, key: str, lang: str) -> None:
    # the language in session state, as the switch in dashboard.py sets it (switch_page skips the entry)
    at = page(Path(file).stem, auth=LOGIN, session={"lang": lang, "auth_user": "olena"})
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert at.title[0].value == tr(key, lang)  # dashboard.py titles each page tr(key, lang)
    assert at.sidebar.radio(key="lang").value == lang
