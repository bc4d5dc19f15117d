"""Distractors the figure finder used to read as a figure, one family at a time: each must stay
unmatched (or be read under the metric its own words name). Every text here is invented for these
tests."""

from __future__ import annotations

from collections import Counter

from etl.reports.extraction import extract_text


def pairs(report) -> Counter:
    return Counter((f.code, f.value) for f in report.figures)


def unmatched(report) -> set[str]:
    return {p.params["number"] for p in report.problems if p.key == "report_unmatched"}


# ------------------------------------------------------------------ petitions that did or did not gather support


def test_petitions_that_failed_to_gather_support_are_not_new_petitions() -> None:
    report = extract_text("Звіт відділу Ніжинської міської ради за 2023 рік\n"
                          "Упродовж року зареєстровано 12 електронних петицій.\n"
                          "Ще 11 петицій не набрали потрібної підтримки.\n"
                          "Дві петиції набрали необхідну кількість підписів.")
    got = pairs(report)
    assert got[("petitions_submitted", 12)] == 1
    assert got[("petitions_failed", 11)] == 1
    assert got[("petitions_supported", 2)] == 1
    assert got[("petitions_submitted", 11)] == 0
