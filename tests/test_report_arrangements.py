"""The same figures read the same however a report lays them out: a dash list, "label: N" lines,
bullets, numbered items, a list under a lead line, a table with pipes (numbered or not), tabs or
aligned spaces, a form whose lines lead from label to value with dots, underscores or "· · ·". Each figure is named by one of its metric's own names (label, short label or a
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
        "dot_leaders": "\n".join(f"{label} {'.' * (width - len(label))} {v}" for label, v in items),
        "underscore_leaders": "Зведені дані\n" + "\n".join(f"{label}{'_' * (width - len(label))}{v}" for label, v in items),
        "spaced_leaders": "\n".join(f"{label} {'· ' * (width // 2 - len(label) // 2)}{v};" for label, v in items),
        "ellipsis_leaders": "\n".join(f"{label} {'…' * 6}.. {v}" for label, v in items),
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


@pytest.mark.parametrize("layout", [
    "ЖОВТЕНЬ\nОприлюднено 40 новин.\n\nЛИСТОПАД\nОприлюднено 50 новин.\n\nГРУДЕНЬ\nОприлюднено 60 новин.\n",
    "Жовтень. Оприлюднено 40 новин.\nЛистопад. Оприлюднено 50 новин.\nГрудень. Оприлюднено 60 новин.\n",
    "У жовтні:\nоприлюднено 40 новин.\n\nУ листопаді:\nоприлюднено 50 новин.\n\nУ грудні:\nоприлюднено 60 новин.\n",
    "Жовтень – оприлюднено 40 новин;\nлистопад – оприлюднено 50 новин;\nгрудень – оприлюднено 60 новин.\n",
])
def test_a_month_named_over_its_paragraph_gives_its_figures_that_month(layout: str) -> None:
    """A quarterly report written month by month: each month's figure is that month's, never the
    quarter's (three values for one quarter would be a wrong figure, not three), and the quarter's own
    total after a heading of its own stays the quarter's."""
    read = extract_text("Звіт про роботу відділу комунікацій Ірпінської міської ради за IV квартал 2024 року\n\n"
                        + layout + "\nПІДСУМКИ КВАРТАЛУ\nУсього оприлюднено 150 новин.\n", "звіт.txt")
    got = sorted((f.value, f.period.start.isoformat() if f.period else None) for f in read.figures)
    assert got == [(40, "2024-10-01"), (50, "2024-11-01"), (60, "2024-12-01"), (150, None)]


def test_a_range_of_months_is_no_month_of_its_own() -> None:
    read = extract_text("Звіт про роботу відділу комунікацій Ірпінської міської ради за 2024 рік\n\n"
                        "Січень–березень: оприлюднено 120 новин.\n", "звіт.txt")
    assert not any(f.period is not None and f.period.granularity == "month" for f in read.figures)


def _with_parts(total: tuple[str, int], parts: list[tuple[str, int]], rest: list[tuple[str, int]]) -> dict[str, str]:
    """A total with its parts under it and other figures, laid out as forms and tables."""
    (label, value), width = total, 48

    def dots(text: str, v: int, indent: str = "", leader: str = ".") -> str:
        return f"{indent}{text} {leader * (width - len(indent + text))} {v}"

    return {
        "dot_form": "\n".join([dots(label, value), *(dots(p, v, "   ") for p, v in parts), *(dots(r, v) for r, v in rest)]),
        "dot_form_marked": "\n".join([dots(label, value), dots(f"у т. ч. {parts[0][0]}", parts[0][1], "  "),
                                      *(dots(p, v, "  ") for p, v in parts[1:]), *(dots(r, v) for r, v in rest)]),
        "underscore_form": "\n".join([dots(label, value, leader="_"), *(dots(f"з них {p}", v, leader="_") for p, v in parts),
                                      *(dots(r, v, leader="_") for r, v in rest)]),
        "pipes": "| Показник | Кількість |\n" + "\n".join([f"| {label} | {value} |", *(f"|   {p} | {v} |" for p, v in parts),
                                                             *(f"| {r} | {v} |" for r, v in rest)]),
        "spaces": "Показник".ljust(width) + "Кількість\n" + "\n".join(
            [f"{label.ljust(width)}{value}", *(f"{('    ' + p).ljust(width)}{v}" for p, v in parts),
             *(f"{r.ljust(width)}{v}" for r, v in rest)]),
        "dash_list": f"{label} – {value}, з них:\n" + "\n".join(f"- {p} – {v};" for p, v in parts) + "\n"
                     + "\n".join(f"{r} – {v};" for r, v in rest),
    }


@pytest.mark.parametrize("case", [
    (("Надійшло звернень громадян", 96), [("письмових", 60), ("усних", 36)],
     [("Розглянуто звернень", 90), ("Опубліковано новин", 41)],
     {("appeals_received", 96), ("appeals_received", 60), ("appeals_received", 36), ("appeals_answered", 90),
      ("news_published", 41)}),
    (("Зареєстровано документів", 5120), [("вхідних", 3010), ("вихідних", 1870)],
     [("Засідань виконавчого комітету", 24), ("Рішень виконавчого комітету", 380)],
     {("documents_flow_total", 5120), ("letters_received", 3010), ("outgoing_documents", 1870),
      ("exec_committee_meetings", 24), ("exec_decisions_adopted", 380)}),
])
def test_a_total_and_its_parts_read_the_same_as_a_form_a_table_or_a_list(case) -> None:
    total, parts, rest, want = case
    part_values = {v for _, v in parts}
    code = next(c for c, v in want if v == total[1])  # the parts that keep the total's metric are its parts
    for name, body in _with_parts(total, parts, rest).items():
        read = extract_text(TITLE + body + "\n", "звіт.txt")
        assert {(f.code, f.value) for f in read.figures} == want and len(read.figures) == len(want), (name, body)
        assert all(f.breakdown for f in read.figures if f.value in part_values and f.code == code), (name, body)
