"""Real-browser helpers shared by tests/test_browser.py and tools/screenshots.py.

* `serve_app(db)` starts `streamlit run dashboard.py` on a free 127.0.0.1 port against the
  warehouse `db`, waits for `/_stcore/health` and yields the base URL; it stops the server after.
  `serve_script(path)` does the same for any Streamlit script (the benchmarks' minimal page).
* `launch_chromium()` starts Debian's Chromium (/usr/bin/chromium) through Playwright.
* `wait_for_app(page)` waits until Streamlit has finished running the script and drawn the page;
  `errors(page)` lists the texts of exception and error boxes on it.
* `registered_pages()` lists the pages that dashboard.py passes to `st.navigation`.
* `require_browser()` skips the calling test when Chromium or Playwright is missing.

Nothing here imports pytest or Playwright at module level, so the tools can use it too.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
VIEWPORT = {"width": 1400, "height": 900}

# Streamlit's own markers (streamlit/static): the app root carries the script and connection
# state; elements left over from a previous run are marked stale until the rerun replaces them.
_APP_IDLE = """(quietMs) => {
  const idle = (() => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app) return false;
    if (app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
    if (document.querySelector('[data-testid="stAppSkeleton"]')) return false;
    if (document.querySelector('[data-testid="stStatusWidgetRunningIcon"], '
        + '[data-testid="stStatusWidgetRunningManIcon"]')) return false;
    if (document.querySelector('[data-testid="stElementContainer"][data-stale="true"]')) return false;
    const main = document.querySelector('[data-testid="stMainBlockContainer"]');
    if (!main || main.childElementCount === 0) return false;
    // Tables and charts draw after the script has finished: a table's grid is a canvas,
    // a Plotly chart's figure an svg.
    const all = (sel, inner) => [...document.querySelectorAll(sel)].every(e => e.querySelector(inner));
    return all('[data-testid="stDataFrame"]', 'canvas')
        && all('[data-testid="stPlotlyChart"]', '.js-plotly-plot .main-svg');
  })();
  // Idle for quietMs on end: a script that calls st.rerun() shows "notRunning" for a moment
  // between its two runs.
  const now = performance.now();
  if (!idle) { window.__stIdleSince = null; return false; }
  if (window.__stIdleSince == null) window.__stIdleSince = now;
  return now - window.__stIdleSince >= quietMs;
}"""


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (make browser installs it on Debian/Ubuntu)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -r requirements-dev.txt)"
    return None


def require_browser() -> None:
    """Skip the calling test when Chromium or Playwright is missing."""
    reason = browser_missing()
    if reason:
        import pytest

        pytest.skip(reason)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
            return r.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@contextmanager
def serve_app(db: Path, *, timeout: float = 60.0, attempts: int = 3, secrets: Path | None = None,
              env: dict[str, str] | None = None) -> Iterator[str]:
    """Run the dashboard on a free local port against warehouse `db`, started as `make run` starts
    it (`python -m ui.serve`); yield its base URL.

    `secrets`: a secrets.toml for this server only (Streamlit's `--secrets.files`), e.g. accounts.
    """
    extra = ["--secrets.files", str(secrets)] if secrets else []
    with serve_script(ROOT / "dashboard.py", timeout=timeout, attempts=attempts, extra=extra,
                      env={"DASHBOARD_DB": str(db), **(env or {})},
                      command=[sys.executable, "-m", "ui.serve"]) as url:
        yield url


@contextmanager
def serve_script(script: Path, *, cwd: Path | None = None, timeout: float = 60.0, attempts: int = 3,
                 extra: list[str] | None = None, env: dict[str, str] | None = None,
                 command: list[str] | None = None) -> Iterator[str]:
    """`streamlit run script` (or `command`, given Streamlit's options) on a free local port, run
    from `cwd` (default the project); yield its base URL once `/_stcore/health` answers, and stop
    the server after."""
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", **(env or {})}
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as log:
        for attempt in range(attempts):
            port = free_port()
            url = f"http://127.0.0.1:{port}"
            proc = subprocess.Popen(
                [*(command or [sys.executable, "-m", "streamlit", "run", str(script)]),
                 "--server.headless", "true", "--server.address", "127.0.0.1",
                 "--server.port", str(port), "--server.fileWatcherType", "none",
                 "--browser.gatherUsageStats", "false", *(extra or [])],
                cwd=cwd or ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            )
            try:
                deadline = time.monotonic() + timeout
                while proc.poll() is None and time.monotonic() < deadline and not _healthy(url):
                    time.sleep(0.2)
                if proc.poll() is None and _healthy(url):
                    yield url
                    return
                exited = proc.poll() is not None
            finally:
                _stop(proc)
            # An early exit is most likely the port taken between free_port() and the bind:
            # try another port. A server that runs but never answers is not retried.
            if not exited or attempt + 1 == attempts:
                log.seek(0)
                raise RuntimeError(f"streamlit did not start at {url}:\n{log.read()[-4000:]}")


@contextmanager
def launch_chromium() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright (a fresh profile each time)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def wait_for_app(page: Page, timeout: float = 20_000, quiet_ms: int = 300) -> None:
    """Wait until Streamlit has finished running the script and the main block is drawn
    (including its tables and Plotly charts), and has stayed so for `quiet_ms`.

    After an interaction, first wait for something that shows the rerun happened (a new text),
    or this may return at once on the page as it was before.
    """
    page.evaluate("window.__stIdleSince = null")
    page.wait_for_function(_APP_IDLE, arg=quiet_ms, timeout=timeout, polling=50)


def errors(page: Page) -> list[str]:
    """Texts of exception boxes and st.error boxes on the page."""
    found = page.locator('[data-testid="stException"], '
                         '[data-testid="stAlertContainer"]:has([data-testid="stAlertContentError"])')
    return [t.strip() for t in found.all_inner_texts()]


@dataclass(frozen=True)
class RegisteredPage:
    name: str  # the page's own url_path ("holdings"), also for file names
    route: str  # where it is served: "" for the default page, else the name
    title: str


def registered_pages(entry: Path = ROOT / "dashboard.py") -> list[RegisteredPage]:
    """The pages the entry script passes to `st.navigation`, in order.

    Runs the entry script with Streamlit's AppTest up to its `st.navigation` call (replaced by a
    recorder that stops the script there), so the pages may be declared in any form: literal
    `st.Page(...)` calls, a list, a loop. No page script runs.
    """
    import streamlit as st
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.testing.v1 import AppTest

    found: list = []

    def record(pages, **_kwargs):
        found.extend(p for group in (pages.values() if isinstance(pages, dict) else [pages])
                     for p in group)
        st.stop()

    real, mode = st.navigation, PagesManager.uses_pages_directory
    st.navigation = record
    try:
        at = AppTest.from_file(str(entry), default_timeout=30).run()
    finally:
        st.navigation, PagesManager.uses_pages_directory = real, mode
    if not found:
        raise RuntimeError(f"{entry.name} registered no pages: {at.exception}")
    # url_path is "" for the default page; its own name is kept in _url_path.
    return [RegisteredPage(p.url_path or p._url_path, p.url_path, p.title) for p in found]
