"""What the upload page's intake costs on top of reading the files: `etl.intake.uploads.check_batch` (early
checks) + `parse_uploads` (write under a generated name, parse, delete) against `parse_file` on the
same files where they lie, alternating in one process; plus one password check (scrypt).

    python bench/upload_intake.py [-n 7]

Prints medians and the ratio intake / baseline. The first round warms the caches and is dropped.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from etl.intake.uploads import check_batch, parse_uploads  # noqa: E402
from etl.load.parse import parse_file  # noqa: E402
from etl.passwords import hash_password, verify_password  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=7, help="rounds (default 7)")
    args = parser.parse_args()
    files = sorted((ROOT / "data" / "demo").glob("*.xlsx")) + sorted((ROOT / "data" / "real").glob("*.csv"))
    batch = [(p.name, p.read_bytes()) for p in files]
    intake, baseline, checks = [], [], []
    for round_ in range(args.n + 1):
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            accepted, refused = check_batch(batch)
            checked = time.perf_counter()
            results = parse_uploads(accepted, Path(folder))
            done = time.perf_counter()
        assert not refused and all(r.ok for r in results)
        started_base = time.perf_counter()
        for p in files:
            parse_file(p)
        base = time.perf_counter() - started_base
        if round_:
            intake.append(done - started)
            checks.append(checked - started)
            baseline.append(base)
    stored = hash_password("bench-password-1")
    verify = []
    for _ in range(args.n):
        started = time.perf_counter()
        verify_password("bench-password-1", stored)
        verify.append(time.perf_counter() - started)
    med = statistics.median
    print(f"{len(files)} files ({sum(len(b) for _, b in batch) / 1e6:.2f} MB), medians of {args.n} rounds")
    print(f"upload intake (check + store + parse + delete): {med(intake):.4f} s")
    print(f"  of which early checks:                       {med(checks):.4f} s")
    print(f"baseline parse_file in place:                  {med(baseline):.4f} s")
    print(f"ratio intake / baseline:                       {med(intake) / med(baseline):.2f}x")
    print(f"one password check (scrypt N=2^14, r=8):       {med(verify) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
