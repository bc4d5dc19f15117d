"""Evaluate report extraction against hand-made ground truth: ``../shared`` (the development set,
when present) and ``data/eval/`` (invented reports of other cities and department kinds; its
``held_*`` files are the held-out part, scored on their own line).

For every report with a ground truth (``seeds/*.json``, ``reports/*.json`` of ../shared and
``data/eval/*.json``, each beside a ``.txt``), runs ``etl.reports.extraction.extract_report`` and
prints, per report and per set: precision and recall on (metric code, value) pairs counted as
multisets, the same on values alone, and whether the city and the period (granularity, start, end)
are exactly right (a span the ground truth calls "custom" and the reader a "week" is the same span); for figures whose ground truth has a period of its own (a month inside a
quarterly report), how many came out with that period.

Exits 1 when a set is below precision 0.95 / recall 0.90 or has a wrong city or period (the
held-out part is reported, never a reason to fail: it measures, it is not tuned on; nor are batches t
and u of the tuned part, each scored on its own line while it is being worked through). ``--verbose``
lists each missed and extra pair (the held-out part's only with ``--show-held-out``, so that
tuning never sees them); ``--only shared|eval`` scores one source.

    .venv/bin/python bench/eval_extraction.py [--shared PATH] [--eval PATH] [--verbose]
"""

from __future__ import annotations

import argparse
import csv
import functools
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from activity.departments import same_name  # noqa: E402
from activity.places import PLACES_CSV  # noqa: E402
from etl.reports.extraction import extract_report  # noqa: E402

MIN_PRECISION, MIN_RECALL = 0.95, 0.90
# Batch t of the tuned part (data/eval/README.md): written to be tuned on, scored on its own line and
# never a reason to fail until it has been worked through.
BATCH_T = ("brody_", "chuhuiv_", "dnipro_", "dolyna_", "hadiach_", "haisyn_", "korostyshiv_", "kostopil_",
           "koziatyn_", "lozova_", "lviv_", "mykolaiv_", "odesa_", "tulchyn_", "zaporizhzhia_", "zolochiv_")


# Batch u of the tuned part: the same, for the round after batch t.
BATCH_U = ("bohuslav_", "boyarka_", "bucha_", "obukhiv_", "rzhyshchiv_", "skvyra_", "slavutych_", "tarashcha_",
           "ukrainka_", "vasylkiv_", "vyshneve_", "yahotyn_")


# Batch k's validation half (scored while batches i and j were read; see data/eval/README.md).
BATCH_K1 = tuple(f"held_k_{c}_" for c in ("pyriatyn", "hrebinka", "kobeliaky", "zinkiv", "nemyriv", "ladyzhyn",
                                          "radomyshl", "ovruch"))


# Batch m's half read while its rules were tuned (m1); the other half (m2) was never read.
BATCH_M1 = tuple(f"held_m_{c}_" for c in ("yavoriv", "buchach", "kitsman", "radyvyliv", "krasyliv", "kalynivka",
                                          "irshava", "horokhiv"))
# The reports nobody read while the rules were tuned: batch k's second half, batch l, batch m's second half,
# batches n, p, q, r, x and z2. (Batch o was measured once unread, at the start of its round, and read after;
# batches s, v, y and z were measured unread, then read; batch w was measured unread through one round, then read.)
NEVER_READ = ("held_l_", "held_n_", "held_p_", "held_q_", "held_r_", "held_x_", "held_z2_")


def never_read(name: str) -> bool:
    return name.startswith(NEVER_READ) or (name.startswith("held_k_") and not name.startswith(BATCH_K1)) \
        or (name.startswith("held_m_") and not name.startswith(BATCH_M1))


def in_batch_t(name: str) -> bool:
    return name.startswith(BATCH_T)


def in_batch_u(name: str) -> bool:
    return name.startswith(BATCH_U)


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
    own_periods: int = 0  # ground-truth figures with a period of their own
    own_periods_ok: int = 0
    department: str = "none"  # "right", "wrong" or "none" (the report read names no department)


def ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def overlap(pred: Counter, gold: Counter) -> int:
    return sum((pred & gold).values())


def ground_truths(shared: Path, folders: tuple[str, ...] = ("seeds", "reports")) -> list[tuple[Path, Path]]:
    out = []
    for folder in folders:
        for truth in sorted((shared / folder).glob("*.json")):
            text = truth.with_suffix(".txt")
            if text.exists():
                out.append((text, truth))
    return out


def _own_periods(gold: dict, report: dict) -> tuple[int, int]:
    """(figures with a period of their own in the ground truth, how many came out with it)."""
    want = [((m["code"], m["value"]), m["period"]) for m in gold["metrics"] if m.get("period")]
    got = Counter(((m["code"], m["value"]), (m["period"]["start"], m["period"]["end"]))
                  for m in report["metrics"] if m.get("period"))
    ok = 0
    for key, p in want:
        if got[(key, (p["start"], p["end"]))] > 0:
            got[(key, (p["start"], p["end"]))] -= 1
            ok += 1
    return len(want), ok


@functools.cache
def _centres() -> dict[str, str]:
    """Each hromada's centre (its settlement's codifier code), from ``data/reference/places.csv``."""
    with PLACES_CSV.open(encoding="utf-8", newline="") as f:
        return {r["code"]: r["centre_code"] for r in csv.DictReader(f) if r["level"] == "H"}


def same_place(report: dict, gold: dict) -> bool:
    """The city is right, or the report names the hromada whose centre is the settlement the ground truth
    names ("Березанська селищна рада": the reader's unit is the hromada, by design, where its centre is
    no city; the ground truth names the settlement Березанка)."""
    return report["city"] == gold["city"] or (
        bool(gold.get("katottg")) and _centres().get(report.get("city_code") or "") == gold["katottg"])


def score(text: Path, truth: Path) -> Score:
    gold = json.loads(truth.read_text(encoding="utf-8"))
    report = extract_report(text).as_json()
    gp = Counter((m["code"], m["value"]) for m in gold["metrics"])
    pp = Counter((m["code"], m["value"]) for m in report["metrics"])
    gv = Counter(m["value"] for m in gold["metrics"])
    pv = Counter(m["value"] for m in report["metrics"])
    period, gold_period = report["period"] or {}, gold["period"]
    span = {period.get("granularity"), gold_period["granularity"]}
    period_ok = all(period.get(k) == gold_period[k] for k in ("start", "end")) and (
        len(span) == 1 or span == {"week", "custom"})  # seven days: a week, however the ground truth names it
    own, own_ok = _own_periods(gold, report)
    got = report.get("department_uk") or ""
    department = "none" if not got else "right" if same_name(got, gold.get("department_uk") or "") else "wrong"
    return Score(text.name, overlap(pp, gp), sum(pp.values()), sum(gp.values()), overlap(pv, gv),
                 sum(pv.values()), sum(gv.values()), same_place(report, gold), period_ok,
                 sorted((gp - pp).elements()), sorted((pp - gp).elements()), own, own_ok, department)


@dataclass
class Total:
    reports: int
    precision: float
    recall: float
    values_precision: float
    values_recall: float
    cities: int
    periods: int
    tp: int
    pred: int
    gold: int
    own_periods: int
    own_periods_ok: int
    departments: Counter

    @property
    def passed(self) -> bool:
        return (self.precision >= MIN_PRECISION and self.recall >= MIN_RECALL
                and self.cities == self.reports and self.periods == self.reports)


def total(scores: list[Score]) -> Total:
    tp, pred, gold = (sum(getattr(s, k) for s in scores) for k in ("pairs_tp", "pairs_pred", "pairs_gold"))
    vtp, vpred, vgold = (sum(getattr(s, k) for s in scores) for k in ("values_tp", "values_pred", "values_gold"))
    return Total(len(scores), ratio(tp, pred), ratio(tp, gold), ratio(vtp, vpred), ratio(vtp, vgold),
                 sum(s.city_ok for s in scores), sum(s.period_ok for s in scores), tp, pred, gold,
                 sum(s.own_periods for s in scores), sum(s.own_periods_ok for s in scores),
                 Counter(s.department for s in scores))


HEAD = f"{'report':40} {'pairs P':>8} {'pairs R':>8} {'values P':>9} {'values R':>9} {'city':>5} {'period':>7}"


def print_total(label: str, t: Total) -> None:
    print(f"{label:40} {t.precision:8.3f} {t.recall:8.3f} {t.values_precision:9.3f} {t.values_recall:9.3f} "
          f"{t.cities:>3}/{t.reports} {t.periods:>5}/{t.reports}")
    extra = f"; month figures with their own period: {t.own_periods_ok}/{t.own_periods}" if t.own_periods else ""
    print(f"    pairs: {t.tp} right of {t.pred} found, {t.gold} in the ground truth{extra}")
    d = t.departments
    print(f"    department: {d['right']} right, {d['wrong']} wrong, {d['none']} not read (the text names none, or not as a title, letterhead or signature)")


def print_scores(scores: list[Score], verbose: bool) -> None:
    for s in scores:
        print(f"{s.name:40} {ratio(s.pairs_tp, s.pairs_pred):8.3f} {ratio(s.pairs_tp, s.pairs_gold):8.3f} "
              f"{ratio(s.values_tp, s.values_pred):9.3f} {ratio(s.values_tp, s.values_gold):9.3f} "
              f"{'ok' if s.city_ok else 'WRONG':>5} {'ok' if s.period_ok else 'WRONG':>7}")
        if verbose:
            for code, value in s.missed:
                print(f"    missed  {code} = {value}")
            for code, value in s.extra:
                print(f"    extra   {code} = {value}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--eval", type=Path, default=ROOT / "data" / "eval", dest="eval_dir")
    parser.add_argument("--only", choices=("shared", "eval"))
    parser.add_argument("--verbose", action="store_true", help="list missed and extra (code, value) pairs")
    parser.add_argument("--show-held-out", action="store_true",
                        help="with --verbose, list the held-out part's misses too (never while tuning)")
    args = parser.parse_args(argv)
    failed = False
    print(HEAD)
    if args.only != "eval":
        pairs = ground_truths(args.shared) if args.shared.is_dir() else []
        print("=" * len(HEAD))
        if not pairs:
            print(f"{args.shared}: not found or without ground truth; development set skipped.")
        else:
            scores = [score(text, truth) for text, truth in pairs]
            print_scores(scores, args.verbose)
            t = total(scores)
            print("-" * len(HEAD))
            print_total(f"development ../shared ({t.reports})", t)
            failed |= not t.passed
    if args.only != "shared":
        pairs = ground_truths(args.eval_dir, (".",)) if args.eval_dir.is_dir() else []
        tuned = [score(a, b) for a, b in pairs if not a.name.startswith("held_")]
        held = [score(a, b) for a, b in pairs if a.name.startswith("held_")]
        print("=" * len(HEAD))
        print_scores(tuned, args.verbose)
        print_scores(held, args.verbose and args.show_held_out)
        print("-" * len(HEAD))
        if tuned:
            t = total(tuned)
            print_total(f"data/eval tuned ({t.reports})", t)
            before_t = [x for x in tuned if not in_batch_t(x.name) and not in_batch_u(x.name)]
            batch_t = [x for x in tuned if in_batch_t(x.name)]
            batch_u = [x for x in tuned if in_batch_u(x.name)]
            if batch_t or batch_u:
                print_total(f"  tuned before batch t ({len(before_t)})", total(before_t))
            if batch_t:
                print_total(f"  tuned batch t ({len(batch_t)})", total(batch_t))
            if batch_u:
                print_total(f"  tuned batch u ({len(batch_u)})", total(batch_u))
            failed |= not total(before_t).passed
        if held:
            print_total(f"data/eval HELD-OUT ({len(held)})", total(held))
            later = ("b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "v", "w", "x", "y", "z", "z2")  # batches written after batch a (see data/eval/README.md)
            batches = {"a": [s for s in held if not s.name.startswith(tuple(f"held_{k}_" for k in later))]}
            batches |= {k: [s for s in held if s.name.startswith(f"held_{k}_")] for k in later}
            if sum(map(bool, batches.values())) > 1:
                for k, part in batches.items():
                    if part:
                        print_total(f"  held-out batch {k} ({len(part)})", total(part))
                k1 = [x for x in batches["k"] if x.name.startswith(BATCH_K1)]
                k2 = [x for x in batches["k"] if not x.name.startswith(BATCH_K1)]
                if k1 and k2:  # the validation half, and the half nobody has read
                    print_total(f"    batch k1, validation ({len(k1)})", total(k1))
                    print_total(f"    batch k2, never read ({len(k2)})", total(k2))
                m1 = [x for x in batches["m"] if x.name.startswith(BATCH_M1)]
                m2 = [x for x in batches["m"] if not x.name.startswith(BATCH_M1)]
                if m1 and m2:
                    print_total(f"    batch m1, read ({len(m1)})", total(m1))
                    print_total(f"    batch m2, never read ({len(m2)})", total(m2))
                unread = [x for x in held if never_read(x.name)]
                if unread:
                    print_total(f"  never read: k2 + l + m2 + n + p + q + r + x + z2 ({len(unread)})", total(unread))
        if tuned and held:
            print_total(f"data/eval all ({len(tuned) + len(held)})", total(tuned + held))
    if failed:
        print(f"FAIL: a set needs precision >= {MIN_PRECISION}, recall >= {MIN_RECALL} and every city and period right")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
