"""The same figures read the same however a report lays them out: a dash list, "label: N" lines,
bullets, numbered items, a list under a lead line, a table with pipes (numbered or not), tabs or
aligned spaces. Each figure is named by one of its metric's own names (label, short label or a
wording of the catalog, with a noun: a bare verb such as "Відмовлено" says nothing of what), so a
list item is read by the same rule as a row label (``etl.reports.tables.label_metric``). Every text
here is invented."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from activity.catalog import METRICS
from activity.morph import word_info
from etl.reports.extraction import extract_text

TITLE = "Звіт про роботу відділу комунікацій Ірпінської міської ради за березень 2024 року\n\n"
# "Голоси за проєкт" without the project's name: read as all the votes cast (a name in quotes makes it
# one project's), a reading of the prose rules kept on purpose
LEFT_OUT = {"pb_project_votes"}


def _arrangements(items: list[tuple[str, int]]) -> dict[str, str]:
    width = max(len(label) for label, _ in items) + 4
    return {
        "dash": "\n".join(f"{label} – {v};" for label, v in items),
        "colon": "\n".join(f"{label}: {v}" for label, v in items),
        "bullets": "\n".join(f"• {label} – {v}" for label, v in items),
        "numbered": "\n".join(f"{i}. {label} – {v}." for i, (label, v) in enumerate(items, 1)),
        "lead": "Основні показники роботи:\n" + "\n".join(f"- {label} – {v};" for label, v in items),
        "pipes": "| Показник | Кількість |\n|---|---|\n" + "\n".join(f"| {label} | {v} |" for label, v in items),
        "pipes_numbered": "| № | Показник | Кількість |\n"
                          + "\n".join(f"| {i} | {label} | {v} |" for i, (label, v) in enumerate(items, 1)),
        "tabs": "Показник\tКількість\n" + "\n".join(f"{label}\t{v}" for label, v in items),
        "spaces": "Показник".ljust(width) + "Кількість\n" + "\n".join(f"{label.ljust(width)}{v}" for label, v in items),
    }


def _names(code: str) -> list[str]:
    m = METRICS[code]
    return [w for w in dict.fromkeys([m.label_uk, m.short_uk, *m.wordings])
            if any(word_info(x).noun for x in w.replace(",", " ").split())]


def _cases() -> list[list[tuple[str, str, int]]]:
    rng = random.Random(5)
    codes = [c for c, m in METRICS.items() if not m.is_stock and c not in LEFT_OUT]
    out = []
    for trial in range(60):
        picked = rng.sample(codes, 6)
        out.append([(c, (lambda w: w[:1].upper() + w[1:])(rng.choice(_names(c))), 11 + 7 * i + trial)
                    for i, c in enumerate(picked)])
    return out


@pytest.mark.parametrize("case", _cases(), ids=lambda case: "+".join(c for c, _, _ in case)[:60])
def test_the_same_figures_read_the_same_in_every_layout(case: list[tuple[str, str, int]]) -> None:
    want = Counter((code, value) for code, _, value in case)
    for name, body in _arrangements([(label, value) for _, label, value in case]).items():
        read = extract_text(TITLE + body + "\n", "звіт.txt")
        assert Counter((f.code, f.value) for f in read.figures) == want, (name, body)
