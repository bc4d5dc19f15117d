"""Full-page screenshots of every page of the dashboard, in Debian's Chromium through Playwright.

    python tools/screenshots.py [--db data/warehouse.duckdb] [--out docs/screenshots] [--lang uk|en]

Starts the app on a free local port against the warehouse (built with `python -m etl build` when
missing), opens every page that dashboard.py registers, waits until Streamlit has finished and
tables and Plotly charts are drawn, and saves `<out>/<url_path>.png` at 1400 px wide, as tall as
the page (`<url_path>.en.png` with --lang en). Needs /usr/bin/chromium (`make browser`).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser_support import (  # noqa: E402
    VIEWPORT,
    browser_missing,
    errors,
    launch_chromium,
    registered_pages,
    serve_app,
    wait_for_app,
)

LANG_LABEL = "Мова / Language"  # dashboard.py's language radio in the sidebar
# Streamlit's main area scrolls inside [data-testid="stMain"], so a "full page" screenshot of
# the document is only the viewport: make the viewport as tall as the content instead.
_CONTENT_HEIGHT = """() => Math.max(...['stMain', 'stMainBlockContainer', 'stSidebarContent']
  .map(t => document.querySelector(`[data-testid="${t}"]`)).filter(Boolean)
  .map(e => e.scrollHeight))"""


def ensure_warehouse(db: Path) -> None:
    if not db.exists():
        print(f"{db} is missing: building it from data/", flush=True)
        subprocess.run([sys.executable, "-m", "etl", "--db", str(db), "build"], cwd=ROOT, check=True)


def english_param(browser, url: str) -> str:
    """The `lang` query value the language switch writes for English (whatever form it takes)."""
    page = browser.new_page(viewport=VIEWPORT)
    try:
        page.goto(url)
        wait_for_app(page, timeout=60_000)
        switch = page.locator('[data-testid="stSidebar"] [data-testid="stRadio"]').filter(has_text=LANG_LABEL)
        switch.get_by_text("English", exact=True).click()
        page.wait_for_function("() => new URLSearchParams(location.search).has('lang')")
        return parse_qs(urlsplit(page.url).query)["lang"][0]
    finally:
        page.close()


def shoot(browser, url: str, path: Path) -> list[str]:
    """Save a screenshot of the page at `url`; return the error texts shown on it."""
    context = browser.new_context(viewport=VIEWPORT, locale="uk-UA", device_scale_factor=1)
    try:
        page = context.new_page()
        page.goto(url)
        wait_for_app(page, timeout=60_000)
        height = page.evaluate(_CONTENT_HEIGHT)
        if height > VIEWPORT["height"]:
            page.set_viewport_size({"width": VIEWPORT["width"], "height": height})
            page.wait_for_timeout(300)  # let charts and tables follow the new size
            wait_for_app(page, timeout=60_000)
        page.screenshot(path=str(path), full_page=True, animations="disabled")
        return errors(page)
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path,
                        default=Path(os.environ.get("DASHBOARD_DB", ROOT / "data" / "warehouse.duckdb")))
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", choices=["uk", "en"], default="uk")
    args = parser.parse_args(argv)

    reason = browser_missing()
    if reason:
        print(f"cannot take screenshots: {reason}", file=sys.stderr)
        return 1
    db = args.db if args.db.is_absolute() else ROOT / args.db
    ensure_warehouse(db)
    pages = registered_pages()
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = ".en.png" if args.lang == "en" else ".png"
    failed = 0
    with serve_app(db) as url, launch_chromium() as browser:
        query = f"?lang={english_param(browser, url)}" if args.lang == "en" else ""
        for page in pages:
            started = time.monotonic()
            path = args.out / f"{page.name}{suffix}"
            shown = shoot(browser, f"{url}/{page.route}{query}", path)
            note = f"  ERRORS ON PAGE: {shown}" if shown else ""
            failed += bool(shown)
            print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}"
                  f"  ({time.monotonic() - started:.1f} s){note}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
