"""Load throughput at national scale: figures per second end to end and peak memory of the whole
process tree (loader + its worker processes), against a one-process baseline measured in the same
run on the same files (the machine is shared and noisy: read the ratio).

    python bench/national_load.py --dir /tmp/national            # all workbooks there (10,5 M figures)
    python bench/national_load.py --hromadas 100 --years 10      # generates a subset first

ours     = `python -m etl load DIR` (files parsed in parallel worker processes, batched inserts);
baseline = the same command with DASHBOARD_JOBS=1 (one process), on the first --baseline-files files.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _tree_rss(pid: int) -> int:
    """Resident memory (bytes) of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
        except OSError:
            continue
        m = re.search(r"VmRSS:\s+(\d+) kB", status)
        total += int(m.group(1)) * 1024 if m else 0
        todo.extend(children.get(p, []))
    return total


def run_load(folder: Path, db: Path, jobs: int | None) -> tuple[float, int, int]:
    """(seconds, figures, peak bytes of the process tree) of one `python -m etl load`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if jobs:
        env["DASHBOARD_JOBS"] = str(jobs)
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "etl", "--db", str(db), "--json", "load", str(folder)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    done.set()
    sampler.join()
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"load failed ({proc.returncode}): {out[-2000:]}")
    figures = int(re.findall(r'"figures": (\d+)', out)[-1])  # the total comes last
    return seconds, figures, peak


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, help="folder of workbooks (default: generate --hromadas × --years)")
    ap.add_argument("--hromadas", type=int, default=100)
    ap.add_argument("--years", type=int, default=10)
    ap.add_argument("--baseline-files", type=int, default=100, help="files for the one-process comparison")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        folder = args.dir
        if folder is None:
            folder = tmp / "synth"
            subprocess.run([sys.executable, "-m", "etl", "synth", "--hromadas", str(args.hromadas), "--years",
                            str(args.years), "--out", str(folder)], cwd=ROOT, check=True, capture_output=True)
        subset = tmp / "subset"
        subset.mkdir()
        for p in sorted(folder.glob("*.xlsx"))[: args.baseline_files]:
            (subset / p.name).symlink_to(p.resolve())
        base = run_load(subset, tmp / "base.duckdb", jobs=1)
        ours_subset = run_load(subset, tmp / "ours_subset.duckdb", jobs=None)
        full = run_load(folder, tmp / "full.duckdb", jobs=None)
    rate = lambda r: r[1] / r[0]  # noqa: E731
    print(f"{'measurement':<46}{'ours':>14}{'baseline':>14}{'ratio':>8}")
    print(f"{f'subset ({base[1]:,} figures), figures/s':<46}{rate(ours_subset):>14,.0f}{rate(base):>14,.0f}"
          f"{rate(ours_subset) / rate(base):>7.2f}x")
    print(f"{'subset, peak memory (MB)':<46}{ours_subset[2] / 1e6:>14,.0f}{base[2] / 1e6:>14,.0f}"
          f"{base[2] / max(ours_subset[2], 1):>7.2f}x")
    print(f"{f'all ({full[1]:,} figures), seconds':<46}{full[0]:>14,.1f}")
    print(f"{'all, figures/s end to end':<46}{rate(full):>14,.0f}")
    print(f"{'all, peak memory of the process tree (MB)':<46}{full[2] / 1e6:>14,.0f}")
    print("baseline = the same load in one process (DASHBOARD_JOBS=1); ratio > 1 means ours is better")
    return 0


if __name__ == "__main__":
    sys.exit(main())
