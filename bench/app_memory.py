"""The app server's memory with a national warehouse and 10 open sessions, beside a minimal
Streamlit + plotly page holding as many sessions, measured in the same run.

    .venv/bin/python bench/app_memory.py                         # /tmp/national.duckdb, 10 sessions
    .venv/bin/python bench/app_memory.py --db data/warehouse.duckdb --sessions 5

Starts `streamlit run dashboard.py` against the warehouse (tests/browser_support.serve_app), opens
the sessions one after the other in Debian's Chromium, each in its own browser context and each on
the next page of the app (Overview, Trends, Compare, Civil society, Data, What the warehouse holds,
then round again), waits until each has drawn, keeps them all open, and reads the server process's
resident memory from /proc (VmRSS now, VmHWM its peak). The minimal page gets the same number of
sessions. Target: the app's peak ≤ 400 MB. Nothing asserts: read the numbers.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.browser_bench import minimal_app, open_page  # noqa: E402
from tests.browser_support import launch_chromium, registered_pages, serve_app  # noqa: E402

TARGET_MB = 400
PAGES = ["overview", "trends", "compare", "civil_society", "data", "holdings"]


def server_pid(port: int) -> int:
    """The server process on `port` (`streamlit run` or `python -m ui.serve`): a child of this process."""
    me = os.getpid()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == me and b"--server.port" in cmdline and str(port).encode() in cmdline:
            return int(entry.name)
    raise RuntimeError(f"no streamlit server of ours on port {port}")


def memory_mb(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) of a process in MB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) / 1024
    return fields["VmRSS"], fields["VmHWM"]


def open_sessions(browser, url: str, routes: list[str], label: str) -> dict:
    pid = server_pid(int(url.rsplit(":", 1)[1]))
    idle, _ = memory_mb(pid)
    contexts, after = [], []
    started = time.perf_counter()
    for i, route in enumerate(routes):
        context, _, _ = open_page(browser, f"{url}/{route}" if route else url, chart=False, timeout=180_000,
                                  quiet_ms=300)
        contexts.append(context)
        rss, peak = memory_mb(pid)
        after.append(rss)
        print(f"  {label}: session {i + 1} (/{route}) drawn, server RSS {rss:.0f} MB, peak so far {peak:.0f} MB",
              flush=True)
    seconds = time.perf_counter() - started
    time.sleep(2)
    rss, peak = memory_mb(pid)
    for context in contexts:
        context.close()
    return {"idle": idle, "first": after[0], "rss": rss, "peak": peak, "seconds": seconds}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=Path("/tmp/national.duckdb"), help="warehouse the app reads")
    ap.add_argument("--sessions", type=int, default=10, help="browser sessions kept open (default 10)")
    ap.add_argument("--pages", nargs="+", default=PAGES, choices=PAGES, help="pages the sessions open, in turn")
    args = ap.parse_args()
    if not args.db.exists():
        print(f"no warehouse at {args.db}", file=sys.stderr)
        return 2
    served = {p.name: p.route for p in registered_pages()}  # the default page is served at ""
    routes = [served[args.pages[i % len(args.pages)]] for i in range(args.sessions)]
    with launch_chromium() as browser:
        with serve_app(args.db.resolve(), timeout=120) as url:
            ours = open_sessions(browser, url, routes, "app")
        with minimal_app() as url:
            minimal = open_sessions(browser, url, [""] * args.sessions, "minimal")
    print(f"\n{args.sessions} sessions, server resident memory (MB)")
    print(f"{'':26} {'app':>8} {'minimal':>8} {'ratio':>7}")
    for key, label in (("idle", "started, no session"), ("first", "after the first session"),
                       ("rss", f"with {args.sessions} open"), ("peak", "peak (VmHWM)")):
        print(f"{label:26} {ours[key]:8.0f} {minimal[key]:8.0f} {ours[key] / minimal[key]:6.1f}×")
    print(f"{'seconds to draw all':26} {ours['seconds']:8.1f} {minimal['seconds']:8.1f}")
    print(f"target: app peak ≤ {TARGET_MB} MB → {'met' if ours['peak'] <= TARGET_MB else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
