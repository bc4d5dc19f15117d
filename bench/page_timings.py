"""Page timings in Debian's Chromium: first chart cold and warm, and a filter change, on the Trends
page, beside a minimal Streamlit + plotly page measured in the same run (the machine is shared and
noisy: read the ratios).

    python bench/page_timings.py [--db /tmp/nat_sum.duckdb] [--repeat 5]

cold  = a new browser profile opening the page on a freshly started server (nothing cached);
warm  = a new browser profile opening it again (the server's caches are filled);
filter change = clicking "рік" (yearly) until the redrawn chart shows the yearly points, timed from
before Playwright's click() (as before) and, in the page, from the click event to the redrawn chart.
Each round starts a fresh server for each side, then opens the two pages one right after the other
(cold, then warm), alternating between rounds which goes first; the ratio is the median of the
rounds' ratios.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.browser_bench import minimal_app, open_page  # noqa: E402
from tests.browser_support import launch_chromium, serve_app  # noqa: E402

# In the page: the click event's time, then the first animation frame whose chart has `points` x values.
_WATCH_REDRAW = """(points) => { window.__redrawn = new Promise(resolve => {
  let clicked = null;
  document.addEventListener('click', e => { clicked = e.timeStamp; }, {capture: true, once: true});
  const check = () => {
    const p = document.querySelector('.js-plotly-plot');
    if (clicked !== null && p && p.data && p.data[0].x.length === points) resolve(performance.now() - clicked);
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}); }"""


def _open(browser, url: str) -> float:
    context, _, seconds = open_page(browser, url)
    context.close()
    return seconds


def _filter_change(browser, url: str) -> tuple[float, float]:
    """(seconds from before click() to the yearly chart, milliseconds in the page from the click)."""
    context, page, _ = open_page(browser, url, quiet_ms=300)
    years = page.evaluate("() => new Set(document.querySelector('.js-plotly-plot').data[0].x"
                          ".map(x => x.slice(0, 4))).size")
    page.evaluate(_WATCH_REDRAW, years)
    started = time.perf_counter()
    page.locator('[data-testid="stSidebar"] [data-testid="stRadio"]').filter(
        has_text="Періодичність").get_by_text("рік", exact=True).click()
    page.wait_for_function(f"() => {{ const p = document.querySelector('.js-plotly-plot'); "
                           f"return !!(p && p.data && p.data[0].x.length === {years}); }}",
                           timeout=60_000, polling=20)
    elapsed = time.perf_counter() - started
    in_page = page.evaluate("() => window.__redrawn") / 1000
    context.close()
    return elapsed, in_page


def _round(browser, db: Path, ours: dict, base: dict, minimal_first: bool) -> None:
    """Both servers started fresh, then each measurement on one side right after the other's."""
    with serve_app(db) as app, minimal_app() as minimal:
        sides = [(base, minimal), (ours, f"{app}/trends")]
        for key in ("cold", "warm"):
            for times, url in sides if minimal_first else sides[::-1]:
                times[key].append(_open(browser, url))
        clicked, in_page = _filter_change(browser, f"{app}/trends")
        ours["filter change"].append(clicked)
        ours["filter change, in page"].append(in_page)


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
        ours = {"cold": [], "warm": [], "filter change": [], "filter change, in page": []}
        base = {"cold": [], "warm": []}
        with launch_chromium() as browser:
            for i in range(args.repeat):
                _round(browser, db, ours, base, minimal_first=bool(i % 2))
                print(f"  run {i + 1}/{args.repeat}: cold {ours['cold'][-1]:.2f} s vs {base['cold'][-1]:.2f} s, "
                      f"warm {ours['warm'][-1]:.2f} s vs {base['warm'][-1]:.2f} s, "
                      f"filter change {ours['filter change'][-1]:.2f} s", file=sys.stderr, flush=True)
    med = {k: statistics.median(v) for k, v in ours.items()}
    bmed = {k: statistics.median(v) for k, v in base.items()}
    ratio = {k: statistics.median(o / b for o, b in zip(ours[k], base[k], strict=True)) for k in base}
    print(f"{'measurement':<34}{'ours':>10}{'minimal page':>14}{'ratio':>8}")
    for key in ("cold", "warm"):
        print(f"{'first chart, ' + key:<34}{med[key]:>9.2f}s{bmed[key]:>13.2f}s{ratio[key]:>7.2f}x")
    print(f"{'filter change to updated chart':<34}{med['filter change']:>9.2f}s{'-':>14}{'':>8}")
    print(f"{'  the same, click event to redraw':<34}{med['filter change, in page']:>9.2f}s{'-':>14}{'':>8}")
    print(f"medians of {args.repeat} runs; ratio = median of the runs' ours / minimal (1.0 = as fast as a bare "
          "Streamlit page)")
    print("targets: cold ratio <= 1.2x "
          f"({'met' if ratio['cold'] <= 1.2 else 'MISSED'}), filter change <= 0.5 s "
          f"({'met' if med['filter change'] <= 0.5 else 'MISSED'})")
    print("all runs, ours: " + "; ".join(f"{k}: " + ", ".join(f"{v:.2f}" for v in vs) for k, vs in ours.items()))
    print("all runs, minimal: " + "; ".join(f"{k}: " + ", ".join(f"{v:.2f}" for v in vs) for k, vs in base.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
