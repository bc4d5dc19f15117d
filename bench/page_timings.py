"""Page timings in Debian's Chromium: first chart cold and warm, and a filter change, on the Trends
page, beside a minimal Streamlit + plotly page measured in the same run (the machine is shared and
noisy: read the ratios).

    python bench/page_timings.py [--db data/warehouse.duckdb] [--repeat 5]

cold  = a new browser profile opening the page on a freshly started server (nothing cached);
warm  = a new browser profile opening it again (the server's caches are filled);
filter change = clicking "рік" (yearly) until the redrawn chart shows the yearly points.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser_support import VIEWPORT, launch_chromium, serve_app, wait_for_app  # noqa: E402

CHART = ".js-plotly-plot .main-svg"
MINIMAL_PAGE = '''
import pandas as pd, plotly.express as px, streamlit as st
st.title("Minimal")
df = pd.DataFrame({"x": pd.date_range("2017-01-01", periods=96, freq="MS").repeat(2),
                   "y": range(192), "c": ["a", "b"] * 96})
st.plotly_chart(px.line(df, x="x", y="y", color="c"))
'''


def _open(browser, url: str) -> float:
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url)
    page.locator(CHART).first.wait_for(state="visible", timeout=60_000)
    wait_for_app(page, timeout=60_000, quiet_ms=100)
    elapsed = time.perf_counter() - started - 0.1
    context.close()
    return elapsed


def _filter_change(browser, url: str) -> float:
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(url)
    page.locator(CHART).first.wait_for(state="visible", timeout=60_000)
    wait_for_app(page, timeout=60_000)
    years = page.evaluate("() => new Set(document.querySelector('.js-plotly-plot').data[0].x.map(x => x.slice(0, 4))).size")
    started = time.perf_counter()
    page.locator('[data-testid="stSidebar"] [data-testid="stRadio"]').filter(
        has_text="Періодичність").get_by_text("рік", exact=True).click()
    page.wait_for_function(f"() => {{ const p = document.querySelector('.js-plotly-plot'); "
                           f"return !!(p && p.data && p.data[0].x.length === {years}); }}",
                           timeout=60_000, polling=20)
    elapsed = time.perf_counter() - started
    context.close()
    return elapsed


@contextmanager
def _minimal_app():
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "minimal.py"
        script.write_text(MINIMAL_PAGE, encoding="utf-8")
        from tests.browser_support import _healthy, _stop, free_port

        port = free_port()
        url = f"http://127.0.0.1:{port}"
        proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
                                 "--server.port", str(port), "--server.address", "127.0.0.1",
                                 "--browser.gatherUsageStats", "false"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp)
        try:
            while not _healthy(url):
                time.sleep(0.2)
            yield url
        finally:
            _stop(proc)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=None, help="warehouse (default: built from data/ into a temp file)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "w.duckdb"
            subprocess.run([sys.executable, "-m", "etl", "--db", str(db), "build"], cwd=ROOT, check=True,
                           capture_output=True)
        ours = {"cold": [], "warm": [], "filter change": []}
        base = {"cold": [], "warm": []}
        with launch_chromium() as browser:
            for i in range(args.repeat):
                with serve_app(db) as url:
                    ours["cold"].append(_open(browser, f"{url}/trends"))
                    ours["warm"].append(_open(browser, f"{url}/trends"))
                    ours["filter change"].append(_filter_change(browser, f"{url}/trends"))
                with _minimal_app() as url:
                    base["cold"].append(_open(browser, url))
                    base["warm"].append(_open(browser, url))
                print(f"  run {i + 1}/{args.repeat} done", file=sys.stderr)
    med = {k: statistics.median(v) for k, v in ours.items()}
    bmed = {k: statistics.median(v) for k, v in base.items()}
    print(f"{'measurement':<34}{'ours':>10}{'minimal page':>14}{'ratio':>8}")
    for key in ("cold", "warm"):
        print(f"{'first chart, ' + key:<34}{med[key]:>9.2f}s{bmed[key]:>13.2f}s{med[key] / bmed[key]:>7.2f}x")
    print(f"{'filter change to updated chart':<34}{med['filter change']:>9.2f}s{'-':>14}{'':>8}")
    print(f"medians of {args.repeat} runs; ratio = ours / minimal (1.0 = as fast as a bare Streamlit page)")
    print("all runs: " + "; ".join(f"{k}: " + ", ".join(f"{v:.2f}" for v in vs) for k, vs in ours.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
