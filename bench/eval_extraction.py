"""Evaluate report extraction against the hand-made ground truth in ../shared (development set).

For every report with a ground truth (``../shared/seeds/*.json`` and ``../shared/reports/*.json``
beside a ``.txt``), runs ``etl.reports.extraction.extract_report`` and prints, per report and in total:
precision and recall on (metric code, value) pairs counted as multisets, the same on values
alone, and whether the city and the period (granularity, start, end) are exactly right.

Exits 1 when the totals are below precision 0.95 / recall 0.90 or any city or period is wrong;
exits 0 with a message when ../shared is absent. ``--verbose`` lists each missed and extra pair.

    .venv/bin/python bench/eval_extraction.py [--shared PATH] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from etl.reports.extraction import extract_report  # noqa: E402

MIN_PRECISION, MIN_RECALL = 0.95, 0.90


@dataclass
class Score:
    name: str
    pairs_tp: int
    pairs_pred: int
    pairs_gold: int
    values_tp: int
    values_pred: int
    values_gold: int
    city_ok: bool
    period_ok: bool
    missed: list
    extra: list


def ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def overlap(pred: Counter, gold: Counter) -> int:
    return sum((pred & gold).values())


def ground_truths(shared: Path) -> list[tuple[Path, Path]]:
    out = []
    for folder in ("seeds", "reports"):
        for truth in sorted((shared / folder).glob("*.json")):
            text = truth.with_suffix(".txt")
            if text.exists():
                out.append((text, truth))
    return out


def score(text: Path, truth: Path) -> Score:
    gold = json.loads(truth.read_text(encoding="utf-8"))
    report = extract_report(text).as_json()
    gp = Counter((m["code"], m["value"]) for m in gold["metrics"])
    pp = Counter((m["code"], m["value"]) for m in report["metrics"])
    gv = Counter(m["value"] for m in gold["metrics"])
    pv = Counter(m["value"] for m in report["metrics"])
    period, gold_period = report["period"] or {}, gold["period"]
    period_ok = all(period.get(k) == gold_period[k] for k in ("granularity", "start", "end"))
    return Score(text.name, overlap(pp, gp), sum(pp.values()), sum(gp.values()), overlap(pv, gv),
                 sum(pv.values()), sum(gv.values()), report["city"] == gold["city"], period_ok,
                 sorted((gp - pp).elements()), sorted((pp - gp).elements()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--verbose", action="store_true", help="list missed and extra (code, value) pairs")
    args = parser.parse_args(argv)
    if not args.shared.is_dir():
        print(f"eval_extraction: {args.shared} not found; nothing to evaluate (skipped).")
        return 0
    pairs = ground_truths(args.shared)
    if not pairs:
        print(f"eval_extraction: no reports with ground truth in {args.shared}; skipped.")
        return 0
    scores = [score(text, truth) for text, truth in pairs]
    head = f"{'report':34} {'pairs P':>8} {'pairs R':>8} {'values P':>9} {'values R':>9} {'city':>5} {'period':>7}"
    print(head)
    print("-" * len(head))
    for s in scores:
        print(f"{s.name:34} {ratio(s.pairs_tp, s.pairs_pred):8.3f} {ratio(s.pairs_tp, s.pairs_gold):8.3f} "
              f"{ratio(s.values_tp, s.values_pred):9.3f} {ratio(s.values_tp, s.values_gold):9.3f} "
              f"{'ok' if s.city_ok else 'WRONG':>5} {'ok' if s.period_ok else 'WRONG':>7}")
        if args.verbose:
            for code, value in s.missed:
                print(f"    missed  {code} = {value}")
            for code, value in s.extra:
                print(f"    extra   {code} = {value}")
    tp, pred, gold = (sum(getattr(s, k) for s in scores) for k in ("pairs_tp", "pairs_pred", "pairs_gold"))
    vtp, vpred, vgold = (sum(getattr(s, k) for s in scores) for k in ("values_tp", "values_pred", "values_gold"))
    cities = sum(s.city_ok for s in scores)
    periods = sum(s.period_ok for s in scores)
    precision, recall = ratio(tp, pred), ratio(tp, gold)
    print("-" * len(head))
    print(f"{'total (' + str(len(scores)) + ' reports)':34} {precision:8.3f} {recall:8.3f} "
          f"{ratio(vtp, vpred):9.3f} {ratio(vtp, vgold):9.3f} {cities:>3}/{len(scores)} {periods:>5}/{len(scores)}")
    print(f"pairs: {tp} right of {pred} found, {gold} in the ground truth")
    failed = precision < MIN_PRECISION or recall < MIN_RECALL or cities < len(scores) or periods < len(scores)
    if failed:
        print(f"FAIL: needs precision >= {MIN_PRECISION}, recall >= {MIN_RECALL} and every city and period right")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
