"""What the browser benchmarks share (bench/page_timings.py, bench/app_memory.py): the minimal
Streamlit + plotly page they measure the app against, and opening a page until it has drawn.

* `minimal_app()` serves MINIMAL_PAGE (a title and one plotly line chart of 192 points) and
  yields its URL.
* `open_page(browser, url)` opens `url` in a new browser context (a fresh profile: nothing in the
  browser's cache), waits until the first Plotly chart is drawn (`chart=True`) and Streamlit is idle
  (tests/browser_support.wait_for_app), and returns the context, the page and the seconds taken.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser_support import VIEWPORT, serve_script, wait_for_app  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

CHART = ".js-plotly-plot .main-svg"
MINIMAL_PAGE = '''
import pandas as pd, plotly.express as px, streamlit as st
st.title("Minimal")
df = pd.DataFrame({"x": pd.date_range("2017-01-01", periods=96, freq="MS").repeat(2),
                   "y": range(192), "c": ["a", "b"] * 96})
st.plotly_chart(px.line(df, x="x", y="y", color="c"))
'''


@contextmanager
def minimal_app() -> Iterator[str]:
    """Serve MINIMAL_PAGE (run from a temporary folder: no pages/, no .streamlit/); yield its URL."""
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "minimal.py"
        script.write_text(MINIMAL_PAGE, encoding="utf-8")
        with serve_script(script, cwd=Path(tmp)) as url:
            yield url


def open_page(browser: Browser, url: str, *, chart: bool = True, timeout: float = 60_000,
              quiet_ms: int = 100) -> tuple[BrowserContext, Page, float]:
    """Open `url` in a new context; wait for its first chart (if `chart`) and for Streamlit to be idle
    for `quiet_ms`. Seconds from the navigation to the drawn page, the quiet wait not counted."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url)
    if chart:
        page.locator(CHART).first.wait_for(state="visible", timeout=timeout)
    wait_for_app(page, timeout=timeout, quiet_ms=quiet_ms)
    return context, page, time.perf_counter() - started - quiet_ms / 1000
