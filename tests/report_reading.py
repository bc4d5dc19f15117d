"""What a test of report reading checks: the (metric, value) pairs read, the numbers left unmatched,
and the breakdowns of one metric's figures."""

from __future__ import annotations

from collections import Counter


def pairs(report) -> Counter:
    return Counter((f.code, f.value) for f in report.figures)


def unmatched(report) -> set[str]:
    return {p.params["number"] for p in report.problems if p.key == "report_unmatched"}


def breakdowns(report, code: str) -> dict[int, str | None]:
    return {f.value: f.breakdown for f in report.figures if f.code == code}
