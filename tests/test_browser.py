"""The app in a real browser (Debian's Chromium through Playwright): every page draws without an
error, the holdings figures match the warehouse, and the language switch gives a shareable link.

Skips when /usr/bin/chromium or the playwright package is missing (`make browser` installs
Chromium on Debian/Ubuntu). One Streamlit server and one browser serve the whole module.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from activity.store import query
from tests.browser_support import (
    VIEWPORT,
    errors,
    launch_chromium,
    registered_pages,
    require_browser,
    serve_app,
    wait_for_app,
)

pytestmark = pytest.mark.browser

# One case per page: (url_path, a selector that shows the page has drawn its content).
# A page registered in dashboard.py but not listed here is still opened, waiting for any element.
PAGES: list[tuple[str, str]] = [
    ("holdings", '[data-testid="stDataFrame"]'),
]
ANY_ELEMENT = '[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]'
LISTED = {path for path, _ in PAGES}
CASES = PAGES + [(p.url_path, ANY_ELEMENT) for p in registered_pages() if p.url_path not in LISTED]


@pytest.fixture(scope="module")
def browser() -> Iterator:
    require_browser()
    with launch_chromium() as b:
        yield b


@pytest.fixture(scope="module")
def app_url(browser, built_db: Path) -> Iterator[str]:
    with serve_app(built_db) as url:
        yield url


def _new_page(browser):
    """A page in its own context (own cookies and storage: a new visitor)."""
    context = browser.new_context(viewport=VIEWPORT, locale="uk-UA")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.js_errors = []
    page.on("pageerror", lambda exc: page.js_errors.append(str(exc)))
    return page


@pytest.fixture
def page(browser) -> Iterator:
    p = _new_page(browser)
    yield p
    p.context.close()


def _open(page, url: str, ready: str) -> None:
    page.goto(url)
    page.locator(ready).first.wait_for(state="visible")
    wait_for_app(page)


def test_listed_pages_are_registered() -> None:
    registered = {p.url_path for p in registered_pages()}
    assert LISTED <= registered, f"PAGES lists pages dashboard.py does not register: {LISTED - registered}"


@pytest.mark.parametrize(("url_path", "ready"), CASES, ids=[c[0] for c in CASES])
def test_page_draws_without_errors(page, app_url: str, url_path: str, ready: str) -> None:
    _open(page, f"{app_url}/{url_path}", ready)
    assert errors(page) == []
    assert page.js_errors == []
    assert page.url.split("?")[0].rstrip("/").endswith(url_path)


def test_holdings_shows_the_warehouse_count(page, app_url: str, built_db: Path) -> None:
    _open(page, f"{app_url}/holdings", '[data-testid="stDataFrame"]')
    n = int(query("SELECT count(*) AS n FROM observations", path=built_db)["n"][0])
    metric = page.locator('[data-testid="stMetric"]').filter(has_text="Показників")
    shown = metric.locator('[data-testid="stMetricValue"]').inner_text()
    assert shown.replace("\u00a0", " ").strip() == f"{n:,}".replace(",", " ")


def test_english_switch_gives_a_shareable_link(page, browser, app_url: str) -> None:
    _open(page, f"{app_url}/holdings", '[data-testid="stDataFrame"]')
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.locator('[data-testid="stRadio"]').get_by_text("English", exact=True).click()
    figures = '[data-testid="stMetric"]:has-text("Figures")'
    page.locator(figures).wait_for(state="visible")
    page.wait_for_url(re.compile(r"[?&]lang=en(&|$)"))
    wait_for_app(page)
    assert errors(page) == []

    shared = _new_page(browser)
    try:
        _open(shared, page.url, figures)
        assert shared.locator('[data-testid="stMetric"]').filter(has_text="Показників").count() == 0
        assert errors(shared) == []
    finally:
        shared.context.close()
