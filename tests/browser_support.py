"""Real-browser helpers shared by tests/test_browser.py and tools/screenshots.py.

* `serve_app(db)` starts `streamlit run dashboard.py` on a free 127.0.0.1 port against the
  warehouse `db`, waits for `/_stcore/health` and yields the base URL; it stops the server after.
* `launch_chromium()` starts Debian's Chromium (/usr/bin/chromium) through Playwright.
* `wait_for_app(page)` waits until Streamlit has finished running the script and drawn the page;
  `errors(page)` lists the texts of exception and error boxes on it.
* `registered_pages()` reads the pages that dashboard.py registers with `st.Page(...)`.
* `require_browser()` skips the calling test when Chromium or Playwright is missing.

Nothing here imports pytest or Playwright at module level, so the tools can use it too.
"""

from __future__ import annotations

import ast
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
_APP_IDLE = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app) return false;
  if (app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
  if (document.querySelector('[data-testid="stAppSkeleton"]')) return false;
  if (document.querySelector('[data-testid="stStatusWidgetRunningIcon"], '
      + '[data-testid="stStatusWidgetRunningManIcon"]')) return false;
  if (document.querySelector('[data-testid="stElementContainer"][data-stale="true"]')) return false;
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  return !!main && main.childElementCount > 0;
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
def serve_app(db: Path, *, timeout: float = 60.0, attempts: int = 3) -> Iterator[str]:
    """Run the dashboard on a free local port against warehouse `db`; yield its base URL."""
    env = {**os.environ, "DASHBOARD_DB": str(db), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as log:
        for attempt in range(attempts):
            port = free_port()
            url = f"http://127.0.0.1:{port}"
            proc = subprocess.Popen(
                [sys.executable, "-m", "streamlit", "run", "dashboard.py",
                 "--server.headless", "true", "--server.address", "127.0.0.1",
                 "--server.port", str(port), "--server.fileWatcherType", "none",
                 "--browser.gatherUsageStats", "false"],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
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


def wait_for_app(page: Page, timeout: float = 20_000) -> None:
    """Wait until Streamlit has finished running the script and the main block is drawn."""
    page.wait_for_function(_APP_IDLE, timeout=timeout, polling=100)


def errors(page: Page) -> list[str]:
    """Texts of exception boxes and st.error boxes on the page."""
    found = page.locator('[data-testid="stException"], '
                         '[data-testid="stAlertContainer"]:has([data-testid="stAlertContentError"])')
    return [t.strip() for t in found.all_inner_texts()]


@dataclass(frozen=True)
class RegisteredPage:
    script: str
    url_path: str


def registered_pages(entry: Path = ROOT / "dashboard.py") -> list[RegisteredPage]:
    """The `st.Page("pages/...", url_path="...")` calls of the entry script, in order."""
    pages = []
    calls = sorted((n for n in ast.walk(ast.parse(entry.read_text(encoding="utf-8")))
                    if isinstance(n, ast.Call)), key=lambda n: (n.lineno, n.col_offset))
    for node in calls:
        if not (isinstance(node.func, ast.Attribute)
                and node.func.attr == "Page" and node.args
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            continue
        script = node.args[0].value
        url_path = next((kw.value.value for kw in node.keywords
                         if kw.arg == "url_path" and isinstance(kw.value, ast.Constant)), None)
        pages.append(RegisteredPage(script, url_path or Path(script).stem))
    return pages
