"""The app in a real browser (Debian's Chromium through Playwright): every page draws without an
error, the holdings figures match the warehouse, the language switch gives a shareable link, and
a shared page link works even as the first request a server gets.

Skips when /usr/bin/chromium or the playwright package is missing (`make browser` installs
Chromium on Debian/Ubuntu). One Streamlit server and one browser serve the module.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from activity.warehouse.store import query
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

# One case per page: (the page's url_path in dashboard.py, a selector that shows its content).
# Pages registered in dashboard.py but not listed here are still opened, waiting for any element.
CHART = ".js-plotly-plot .main-svg"
PAGES: list[tuple[str, str]] = [
    ("holdings", '[data-testid="stDataFrame"] canvas'),
    ("overview", '[data-testid="stMetric"]'),
    ("trends", CHART),
    ("compare", CHART),
    ("civil_society", CHART),
    ("data", '[data-testid="stDataFrame"] canvas'),
]
ANY_ELEMENT = '[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]'
LANG_LABEL = "Мова / Language"  # dashboard.py's language radio in the sidebar

try:
    ROUTES = {p.name: p.route for p in registered_pages()}
except Exception:  # reported by test_listed_pages_are_registered, not as a collection error
    ROUTES = {}
CASES = PAGES + [(name, ANY_ELEMENT) for name in ROUTES if name not in dict(PAGES)]


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
    """A page in a context of its own (own cookies and storage: a new visitor)."""
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


def _open(page, url: str, ready: str = ANY_ELEMENT) -> None:
    page.goto(url)
    page.locator(ready).first.wait_for(state="visible")
    wait_for_app(page)


def _lang_switch(page):
    return page.locator('[data-testid="stSidebar"] [data-testid="stRadio"]').filter(has_text=LANG_LABEL)


def _url(base: str, name: str) -> str:
    return f"{base}/{ROUTES.get(name, name)}"


def test_listed_pages_are_registered() -> None:
    registered = {p.name for p in registered_pages()}
    listed = {name for name, _ in PAGES}
    assert listed <= registered, f"PAGES lists pages dashboard.py does not register: {listed - registered}"


@pytest.mark.parametrize(("name", "ready"), CASES, ids=[name for name, _ in CASES])
def test_page_draws_without_errors(page, app_url: str, name: str, ready: str) -> None:
    _open(page, _url(app_url, name), ready)
    assert errors(page) == []
    assert page.js_errors == []
    assert urlsplit(page.url).path.strip("/") == ROUTES.get(name, name)
    # Run through dashboard.py: its language switch is there.
    assert _lang_switch(page).is_visible()


def test_holdings_shows_the_warehouse_count(page, app_url: str, built_db: Path) -> None:
    _open(page, _url(app_url, "holdings"), '[data-testid="stMetric"]')
    n = int(query("SELECT count(*) AS n FROM observations", path=built_db)["n"][0])
    metric = page.locator('[data-testid="stMetric"]').filter(has_text="Показників")
    shown = metric.locator('[data-testid="stMetricValue"]').inner_text()
    assert shown.replace("\u00a0", " ").strip() == f"{n:,}".replace(",", " ")


def test_english_switch_gives_a_shareable_link(page, browser, app_url: str) -> None:
    _open(page, _url(app_url, "holdings"), '[data-testid="stMetric"]')
    _lang_switch(page).get_by_text("English", exact=True).click()
    figures = '[data-testid="stMetric"]:has-text("Figures")'
    page.locator(figures).wait_for(state="visible")
    # Streamlit writes the bound radio's *label* into the URL: ?lang=English (not ?lang=en).
    page.wait_for_function("() => new URLSearchParams(location.search).has('lang')")
    assert parse_qs(urlsplit(page.url).query)["lang"][0] in {"en", "English"}
    wait_for_app(page)
    assert errors(page) == []

    shared = _new_page(browser)
    try:
        _open(shared, page.url, figures)
        assert shared.locator('[data-testid="stMetric"]').filter(has_text="Показників").count() == 0
        assert errors(shared) == []
    finally:
        shared.context.close()


def test_a_page_link_works_as_a_servers_first_request(browser, built_db: Path) -> None:
    """Streamlit's old `pages/` folder mode would run the page file alone on a fresh server."""
    with serve_app(built_db) as url:
        page = _new_page(browser)
        try:
            _open(page, _url(url, "holdings"), '[data-testid="stMetric"]')
            assert _lang_switch(page).is_visible()
            assert errors(page) == []
        finally:
            page.context.close()


def _points(page) -> list[int]:
    """How many x values each trace of the first Plotly chart has."""
    return page.evaluate("() => document.querySelector('.js-plotly-plot').data.map(t => t.x.length)")


def test_trends_filter_change_redraws_the_chart_and_the_link_reopens_it(page, browser, app_url: str) -> None:
    _open(page, _url(app_url, "trends"), CHART)
    assert _points(page) == [96, 96]  # two cities, one point per month of 2017-2024
    page.locator('[data-testid="stSidebar"] [data-testid="stRadio"]').filter(
        has_text="Періодичність").get_by_text("рік", exact=True).click()
    page.wait_for_function("() => { const p = document.querySelector('.js-plotly-plot');"
                           " return !!(p && p.data && p.data[0].x.length === 8); }")
    wait_for_app(page)
    assert _points(page) == [8, 8]
    assert parse_qs(urlsplit(page.url).query)["gran"] == ["рік"]
    shared = _new_page(browser)
    try:
        _open(shared, page.url, CHART)
        assert _points(shared) == [8, 8]
        assert errors(shared) == []
    finally:
        shared.context.close()


def test_compare_opens_in_the_departments_mode_from_its_link(page, app_url: str) -> None:
    """A shared link to Compare's departments mode (one kind across cities) opens it: the table and
    a bar for each city's department of the kinds chosen by default (communications, internal policy)."""
    link = _url(app_url, "compare") + "?" + urlencode({"cmp_mode": "Підрозділи поруч",
                                                       "cmp_dscope": "Одного виду в різних містах"})
    _open(page, link, CHART)
    assert errors(page) == [] and page.js_errors == []
    page.locator('[data-testid="stDataFrame"] canvas').first.wait_for(state="visible")
    names = page.evaluate("() => document.querySelector('.js-plotly-plot').data.map(t => t.name)")
    assert names == ["Ніжин · відділ інформаційно-аналітичної роботи та комунікацій з громадськістю",
                     "Лисичанськ · відділ з питань внутрішньої політики, зв’язку з громадськістю та ЗМІ"]
    kinds = page.locator(".st-key-cmp_kinds")
    assert "комунікації" in kinds.inner_text() and "внутрішня політика" in kinds.inner_text()
    query = parse_qs(urlsplit(page.url).query)
    assert query["cmp_mode"] == ["Підрозділи поруч"] and query["cmp_dscope"] == ["Одного виду в різних містах"]


def test_data_page_download_opens_in_openpyxl(page, app_url: str, built_db: Path, tmp_path: Path) -> None:
    """The Excel button builds the file at the click; the browser receives a real workbook."""
    import openpyxl

    _open(page, _url(app_url, "data"), '[data-testid="stDataFrame"] canvas')
    button = page.locator('.st-key-dl_data_xlsx button, .st-key-dl_data_xlsx a').first
    with page.expect_download(timeout=30_000) as info:
        button.click()
    download = info.value
    assert download.suggested_filename.endswith(".xlsx")
    path = tmp_path / "data.xlsx"
    download.save_as(path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Дані", "Джерела", "Показники"]
    rows = list(wb["Дані"].iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if r[0] == "Місто")
    n = int(query("""SELECT count(*) AS n FROM observations WHERE metric = 'news_published'
                     AND city_code IN ('UA74040250010023991', 'UA44120050010021900')""", path=built_db)["n"][0])
    assert len(rows) - header - 1 == n
    assert all(isinstance(r[3], int | float) for r in rows[header + 1:] if r[3] is not None)
    assert errors(page) == []


def test_a_logged_in_user_uploads_a_file_and_sees_it_among_the_sources(browser, built_db: Path, tmp_path: Path) -> None:
    """Log in with an account from a secrets file, upload through the real page, load, then the
    Sources page (reached through the sidebar, in the same session) lists the file."""
    import shutil

    from etl.passwords import hash_password

    db = tmp_path / "w.duckdb"
    shutil.copyfile(built_db, db)
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[auth.accounts]\n"tester" = "{hash_password("рукопис-2024-весна")}"\n', encoding="utf-8")
    upload = tmp_path / "браузер_травень_2025.csv"
    upload.write_text("Місто;Підрозділ;Період;Показник;Значення\n"
                      "Ніжин;відділ інформаційно-аналітичної роботи та комунікацій з громадськістю;"
                      "травень 2025;news_published;437\n", encoding="utf-8")
    with serve_app(db, secrets=secrets, env={"DASHBOARD_UPLOAD_DIR": str(tmp_path / "uploads")}) as url:
        page = _new_page(browser)
        try:
            _open(page, _url(url, "upload"), '[data-testid="stTextInput"] input')
            assert page.locator('[data-testid="stFileUploaderDropzoneInput"]').count() == 0  # locked
            page.get_by_label("Ім’я користувача").fill("tester")
            page.get_by_label("Пароль", exact=True).fill("рукопис-2024-весна")
            page.get_by_role("button", name="Увійти").click()
            dropzone = page.locator('[data-testid="stFileUploaderDropzoneInput"]')
            dropzone.wait_for(state="attached")
            wait_for_app(page)
            dropzone.set_input_files(str(upload))
            page.get_by_text("Що зміниться у сховищі").wait_for()
            wait_for_app(page)
            assert errors(page) == []
            page.get_by_role("button", name="Завантажити у сховище").click()
            page.get_by_text("Завантажено: нових файлів 1").wait_for()
            wait_for_app(page)
            page.locator('[data-testid="stSidebarNav"] a').filter(has_text="Джерела").click()
            page.get_by_text("Історія завантажень").wait_for()
            wait_for_app(page)
            assert errors(page) == [] and page.js_errors == []
            picked = page.locator('.st-key-src_pick [data-testid="stSelectbox"]')
            shown = picked.inner_text() + " " + " ".join(i.input_value() for i in picked.locator("input").all())
            assert upload.name in shown  # the newest source is chosen first
        finally:
            page.context.close()
    rows = query("SELECT name, loaded_by, figures FROM sources WHERE active AND loaded_by = 'tester'", path=db)
    assert rows.values.tolist() == [[upload.name, "tester", 1]]
    assert list((tmp_path / "uploads").iterdir()) == []  # read under a generated name, then deleted


def test_the_first_administrator_is_made_in_the_browser_on_a_fresh_start(browser, built_db: Path, tmp_path: Path) -> None:
    """No account anywhere: a browser on the server itself makes the first administrator and is in."""
    from etl.passwords import verify_password

    secrets = tmp_path / "secrets.toml"
    secrets.write_text("[auth]\n", encoding="utf-8")  # no accounts, no OIDC
    local = tmp_path / "local"
    with serve_app(built_db, secrets=secrets, env={"DASHBOARD_LOCAL_DIR": str(local)}) as url:
        page = _new_page(browser)
        try:
            _open(page, _url(url, "upload"), '[data-testid="stTextInput"] input')
            assert page.get_by_text("Створіть першого адміністратора").count() == 1
            page.get_by_label("Ім’я користувача").fill("admin.olena")
            page.get_by_label("Пароль", exact=True).fill("перший-адмін-2026")
            page.get_by_label("Пароль ще раз").fill("перший-адмін-2026")
            page.get_by_role("button", name="Створити й увійти").click()
            page.locator('[data-testid="stFileUploaderDropzoneInput"]').wait_for(state="attached")
            wait_for_app(page)
            assert errors(page) == [] and page.js_errors == []
            page.locator('[data-testid="stSidebarNav"] a').filter(has_text="Користувачі").click()
            page.get_by_text("Новий користувач").wait_for()
            assert errors(page) == []
        finally:
            page.context.close()
    import tomllib

    made = tomllib.loads((local / "accounts.toml").read_text(encoding="utf-8"))["accounts"]
    assert list(made) == ["admin.olena"] and made["admin.olena"]["admin"] is True
    assert verify_password("перший-адмін-2026", made["admin.olena"]["hash"])
