"""A figure written in any of the ways officials write numbers reads the same: spaces of any kind
between thousands, number words, a number said again in words, after its noun with a dash or a colon,
thousands written short ("1,2 тис."), approximations. Every text here is invented."""

from __future__ import annotations

import pytest

from etl.reports.extraction import extract_text

TITLE = "Звіт про роботу відділу комунікацій Ірпінської міської ради за 2024 рік\n"
WAYS = [
    ("Оприлюднено 1 546 новин.", 1546, False), ("Оприлюднено 1\u00a0546 новин.", 1546, False),
    ("Оприлюднено 1\u202f546 новин.", 1546, False), ("Оприлюднено 1546 новин.", 1546, False),
    ("Оприлюднено 1 012 546 новин.", 1012546, False), ("Оприлюднено понад 1 500 новин.", 1500, True),
    ("Оприлюднено близько 300 новин.", 300, True), ("Оприлюднено майже 300 новин.", 300, True),
    ("Оприлюднено сто двадцять новин.", 120, False), ("Оприлюднено триста сорок п’ять новин.", 345, False),
    ("Оприлюднено 120 (сто двадцять) новин.", 120, False), ("Новин оприлюднено – 120.", 120, False),
    ("Кількість оприлюднених новин – 120.", 120, False), ("Оприлюднено новин: 120.", 120, False),
    ("На сайті з’явилося 120 новин.", 120, False), ("Оприлюднено 1,2 тис. новин.", 1200, True),
    ("Оприлюднено понад 1,5 тис. новин.", 1500, True), ("Оприлюднено 2 тис. новин.", 2000, False),
    ("Оприлюднено 2 тисячі новин.", 2000, False),
]


@pytest.mark.parametrize(("sentence", "value", "approximate"), WAYS)
def test_every_way_of_writing_a_figure_reads_the_same(sentence: str, value: int, approximate: bool) -> None:
    read = extract_text(TITLE + sentence + "\n", "звіт.txt")
    assert [(f.code, f.value, f.approximate) for f in read.figures] == [("news_published", value, approximate)]


def test_thousands_of_money_or_of_what_the_catalog_lacks_are_no_figures() -> None:
    read = extract_text(TITLE + "На заходи витрачено 1,2 тис. грн. Сторінку переглянули 3,4 тис. разів.\n", "звіт.txt")
    assert read.figures == []
