"""Fuzz the spreadsheet readers with mutated real workbooks; count loads, clean refusals, crashes.

    .venv/bin/python bench/fuzz_readers.py                 # 300 mutations, seed 1
    .venv/bin/python bench/fuzz_readers.py -n 2000 --seed 7 --timeout 10
    .venv/bin/python bench/fuzz_readers.py -n 30 --json    # what tests/test_fuzz_readers.py runs
    .venv/bin/python bench/fuzz_readers.py --only xls      # only Excel 97-2003 files

Each mutation starts from a shipped workbook (data/demo/*.xlsx, data/templates/*) and is one of:
byte flips anywhere, a truncation, a change inside one zip entry (bytes flipped, a chunk cut or
repeated, a hostile fragment inserted: a cell at XFD1048576, a huge row number, a DOCTYPE, a
lower-case or prefixed reference, formatting or white space at XFD1048576), a rewritten zip header
field (sizes, method, offsets), or the entries of two workbooks shuffled together. Excel 97-2003 (.xls) seeds are the first demo workbooks
written again with xlwt at run time; their mutations are byte flips, a truncation, bytes flipped in
the compound file's header, FAT and directory, a header or directory field set to a hostile number
(sector counts, chain starts, a stream's size), or a BIFF record's length or a cell's row and
column rewritten. Every mutated file goes through `etl.load.parse.parse_file`
(guard, calamine, layouts, validation) in a worker process: a file is LOADED (figures, no errors),
REFUSED (errors naming the file), or CRASHED (the worker died, hung past --timeout seconds, or
an exception escaped parse_file). Crashing inputs are kept under bench/out/fuzz/ for replay.
The run fails (exit code 1) if anything crashed. Nothing is timed against a baseline here: the
number that matters is CRASHED, which must be 0.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import select
import subprocess
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out" / "fuzz"
FRAGMENTS = [
    b'<c r="XFD1048576"><v>1</v></c>', b'<row r="1048576"><c r="ZZ1048576"><v>1</v></c></row>',
    b'<!DOCTYPE x [<!ENTITY a "aaaa">]>', b'<c r="a1"><v>1</v></c>', b"<c><v>2</v></c>" * 50,
    b'<x:c r="B2"><x:v>3</x:v></x:c>', b'<c r="B2" t="e"><v>#DIV/0!</v></c>', b'<c r="B2"><f>1+1</f></c>',
    b'<row r="99999999">', b"\x00\xff", b"&amp;&lt;", b'<c r="B2" t="s"><v>999999</v></c>',
    b'<sheet name="X" sheetId="9" r:id="rId9"/>', b'<dimension ref="A1:XFD1048576"/>',
    # formatting at the sheet's edge, which loads: empty styled cells, a style over every column, far white space
    b'<row r="1048576" s="1" customFormat="1"><c r="A1048576" s="1"/><c r="XFD1048576" s="1"/></row>',
    b'<cols><col min="1" max="16384" style="1"/></cols>', b'<c r="XFD1048576" t="inlineStr"><is><t> </t></is></c>',
    b'<c r="XFD1048576" t="s"><v>0</v></c>', b'<c r="XFD1048576" t="str"><v> </v></c>',
]


def seeds() -> list[Path]:
    files = sorted((ROOT / "data" / "demo").glob("*.xlsx")) + sorted((ROOT / "data" / "templates").glob("*"))
    return [f for f in files if f.suffix.lower() in (".xlsx", ".csv", ".ods")]


def xls_seeds(folder: Path, n: int = 3) -> list[Path]:
    """The first demo workbooks written again as .xls with xlwt (none when xlwt is not installed)."""
    try:
        import xlwt
    except ImportError:
        return []
    sys.path.insert(0, str(ROOT))
    from etl.sheets.readers import read_grid

    out = []
    for src in sorted((ROOT / "data" / "demo").glob("*.xlsx"))[:n]:
        wb = xlwt.Workbook(encoding="utf-8")
        as_date = xlwt.easyxf(num_format_str="DD.MM.YYYY")
        for sheet in read_grid(src).sheets:
            ws = wb.add_sheet(sheet.name[:31])
            for r, row in enumerate(sheet.rows[:65536]):
                for c, v in enumerate(row[:256]):
                    if v is not None:
                        ws.write(r, c, v, as_date) if hasattr(v, "year") else ws.write(r, c, v)
        path = folder / f"{src.stem}.xls"
        wb.save(str(path))
        out.append(path)
    return out


# record types a reader sizes things by, or that change how it reads what follows
RECORD_TYPES = [0x00FC, 0x00BD, 0x00BE, 0x0006, 0x0200, 0x0085, 0x0017, 0x0018, 0x041E, 0x00E0, 0x003C, 0x0809,
                0x04BC, 0x0221, 0x0207, 0x00E5, 0x01B8, 0x0031, 0x0042, 0x000A, 0x002F, 0x0022, 0x00FD, 0x027E]


def _stream_span(data: bytes) -> tuple[int, int]:
    """Where the Workbook stream lies in the file (xlwt writes it in one piece), else the whole file."""
    import tempfile

    sys.path.insert(0, str(ROOT))
    from etl.intake.ole import workbook_stream

    with tempfile.NamedTemporaryFile(suffix=".xls") as fh:
        fh.write(data)
        fh.flush()
        try:
            stream = workbook_stream(fh.name, len(data))
        except ValueError:
            return 0, len(data)
    at = data.find(stream)
    return (at, at + len(stream)) if at >= 0 else (0, len(data))


def _mutate_ole(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    out = bytearray(data)
    kind = rng.choice(["flip", "truncate", "ole_flip", "ole_field", "biff", "record", "record"])
    if kind == "flip":
        for _ in range(rng.randint(1, 20)):
            out[rng.randrange(len(out))] = rng.randrange(256)
    elif kind == "truncate":
        return kind, data[: rng.randrange(1, len(data))]
    elif kind == "ole_flip":  # header, FAT and directory: the first sectors
        for _ in range(rng.randint(1, 8)):
            out[rng.randrange(min(len(out), 1536))] = rng.randrange(256)
    elif kind == "ole_field":
        at = rng.choice([44, 48, 56, 60, 64, 68, 72, 76, 80, 1024 + 128 + 116, 1024 + 128 + 120, 1024 + 116, 1024 + 120])
        value = rng.choice([0, 1, 7, 0xFFFFFFFE, 0xFFFFFFFF, 0x7FFFFFFF, rng.randrange(1 << 32)])
        if at + 4 <= len(out):
            out[at: at + 4] = value.to_bytes(4, "little")
    elif kind == "biff":  # a record length, or a row or column, somewhere in the Workbook stream
        start, end = _stream_span(data)
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(start, max(end - 2, start + 1))
            out[at: at + 2] = rng.choice([0, 255, 256, 0x7FFF, 0xFFFF, rng.randrange(1 << 16)]).to_bytes(2, "little")
    else:  # one record's type (or length) changed: the reader reads its bytes as another record
        start, end = _stream_span(data)
        records, pos = [], start
        while pos + 4 <= end:
            records.append(pos)
            pos += 4 + int.from_bytes(out[pos + 2: pos + 4], "little")
        at = rng.choice(records)
        if rng.random() < 0.7:
            out[at: at + 2] = rng.choice(RECORD_TYPES).to_bytes(2, "little")
        else:
            out[at + 2: at + 4] = rng.choice([0, 1, 2, 4, 8, 14, rng.randrange(64)]).to_bytes(2, "little")
    return kind, bytes(out)


def mutate(data: bytes, rng: random.Random, other: bytes) -> tuple[str, bytes]:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        kind, out = _mutate_ole(data, rng)
        return f"xls_{kind}", out
    kind = rng.choice(["flip", "truncate", "entry", "entry", "entry", "header", "mix"])
    if kind == "flip" or not data.startswith(b"PK"):
        out = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            out[rng.randrange(len(out))] = rng.randrange(256)
        return "flip", bytes(out)
    if kind == "truncate":
        return kind, data[: rng.randrange(1, len(data))]
    if kind == "header":
        return kind, _mutate_header(data, rng)
    if kind == "mix":
        return kind, _mix(data, other, rng)
    return kind, _mutate_entry(data, rng)


def _mutate_entry(data: bytes, rng: random.Random) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    name = rng.choice([n for n in parts if n.endswith((".xml", ".rels"))] or list(parts))
    body = bytearray(parts[name])
    how = rng.randrange(5)
    at = rng.randrange(max(len(body), 1))
    if how == 0:
        for _ in range(rng.randint(1, 10)):
            body[rng.randrange(len(body))] = rng.randrange(32, 127)
    elif how == 1:
        del body[at: at + rng.randint(1, 500)]
    elif how == 2:
        body[at:at] = body[at: at + rng.randint(1, 2000)] * rng.randint(2, 20)
    else:
        body[at:at] = rng.choice(FRAGMENTS)
    parts[name] = bytes(body)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, content in parts.items():
            zf.writestr(n, content)
    return buf.getvalue()


# (offset, width) of the size, method, checksum and offset fields of each zip header kind
HEADER_FIELDS = {
    3: [(6, 2), (8, 2), (14, 4), (18, 4), (22, 4), (26, 2), (28, 2)],  # local file header
    1: [(10, 2), (16, 4), (20, 4), (24, 4), (28, 2), (30, 2), (42, 4)],  # central directory entry
    5: [(8, 2), (10, 2), (12, 4), (16, 4)],  # end of central directory
}


def _mutate_header(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    signatures = [i for i in range(len(out) - 4) if out[i:i + 2] == b"PK" and out[i + 2] in HEADER_FIELDS
                  and out[i + 3] == out[i + 2] + 1]
    at = rng.choice(signatures)
    offset, width = rng.choice(HEADER_FIELDS[out[at + 2]])
    value = rng.choice([0, 1, 12, 14, 99, 0xFFFF, 0xFFFFFFFF, rng.randrange(1 << 32)]) & ((1 << (8 * width)) - 1)
    if at + offset + width <= len(out):
        out[at + offset: at + offset + width] = value.to_bytes(width, "little")
    return bytes(out)


def _mix(data: bytes, other: bytes, rng: random.Random) -> bytes:
    if not other.startswith(b"PK"):
        return data[: len(data) // 2] + other[: len(other) // 2]
    with zipfile.ZipFile(io.BytesIO(data)) as a, zipfile.ZipFile(io.BytesIO(other)) as b:
        parts = {i.filename: a.read(i) for i in a.infolist()}
        extra = {i.filename: b.read(i) for i in b.infolist()}
    for name in rng.sample(sorted(extra), k=max(1, len(extra) // 3)):
        parts[name] = extra[name]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, content in parts.items():
            zf.writestr(n, content)
    return buf.getvalue()


# ------------------------------------------------------------------ the worker


def worker() -> None:
    """Read file paths from stdin; print one JSON line per file."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30))
    sys.path.insert(0, str(ROOT))
    from etl.load.parse import parse_file

    for line in sys.stdin:
        path = line.rstrip("\n")
        try:
            result = parse_file(path)
            outcome = "loaded" if result.ok else "refused"
            detail = sorted({p.key for p in result.errors})
            named = all(p.file == result.name for p in result.errors)
        except Exception as exc:  # noqa: BLE001 - an escaped exception is what we look for
            outcome, detail, named = "crashed", [f"{type(exc).__name__}: {exc}"[:300]], True
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({"outcome": outcome, "detail": detail, "named": named, "maxrss_kb": rss}), flush=True)


class Worker:
    def __init__(self) -> None:
        self.proc = subprocess.Popen([sys.executable, __file__, "--worker"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT)

    def run(self, path: Path, timeout: float) -> dict:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(f"{path}\n")
        self.proc.stdin.flush()
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        line = self.proc.stdout.readline() if ready else ""
        if line:
            return json.loads(line)
        what = "hung" if not ready else f"died ({self.proc.poll()})"
        self.proc.kill()
        self.proc.wait()
        self.__init__()
        return {"outcome": "crashed", "detail": [what], "named": True, "maxrss_kb": 0}

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)


def fuzz(n: int, seed: int, timeout: float, workdir: Path, only: str = "all") -> dict:
    rng = random.Random(seed)
    xls = xls_seeds(workdir)
    files = xls if only == "xls" else seeds() + xls
    sources = [(p, p.read_bytes()) for p in files]
    counts: Counter[str] = Counter()
    kinds: Counter[tuple[str, str]] = Counter()
    crashes: list[dict] = []
    unnamed = 0
    peak = 0
    started = time.perf_counter()
    pool = Worker()
    try:
        for i in range(n):
            src, data = rng.choice(sources)
            kind, mutated = mutate(data, rng, rng.choice(sources)[1])
            path = workdir / f"m{i:05d}_{kind}{src.suffix}"
            path.write_bytes(mutated)
            result = pool.run(path, timeout)
            counts[result["outcome"]] += 1
            kinds[(kind, result["outcome"])] += 1
            unnamed += not result["named"]
            peak = max(peak, result["maxrss_kb"])
            if result["outcome"] == "crashed":
                OUT.mkdir(parents=True, exist_ok=True)
                keep = OUT / f"seed{seed}_{path.name}"
                keep.write_bytes(mutated)
                crashes.append({"file": str(keep.relative_to(ROOT)), "from": src.name, "detail": result["detail"]})
            path.unlink()
    finally:
        pool.close()
    return {
        "mutations": n, "seed": seed, "loaded": counts["loaded"], "refused": counts["refused"],
        "crashed": counts["crashed"], "unnamed_errors": unnamed, "seconds": round(time.perf_counter() - started, 1),
        "peak_worker_mb": peak // 1024, "by_kind": {f"{k}/{o}": v for (k, o), v in sorted(kinds.items())},
        "crashes": crashes,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=300, help="how many mutated files (default 300)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per file before it counts as hung")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only", choices=["all", "xls"], default="all", help="which seeds to mutate (default all)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker()
        return 0
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        report = fuzz(args.n, args.seed, args.timeout, Path(tmp), args.only)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print(f"{report['mutations']} mutated files (seed {report['seed']}) in {report['seconds']} s; "
              f"worker peak memory {report['peak_worker_mb']} MB")
        print(f"  loaded            {report['loaded']}")
        print(f"  refused cleanly   {report['refused']}   (errors not naming the file: {report['unnamed_errors']})")
        print(f"  CRASHED           {report['crashed']}   (must be 0)")
        for key, value in report["by_kind"].items():
            print(f"    {key:24} {value}")
        for crash in report["crashes"]:
            print(f"  crash: {crash['file']} (from {crash['from']}): {crash['detail']}")
    return 1 if report["crashed"] or report["unnamed_errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
