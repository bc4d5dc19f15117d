"""Workbooks in the styles officials use (tests/corpus_workbooks.py) load on the first try, each to
exactly the figures it holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.load.parse import parse_file
from tests.corpus_workbooks import STYLES, corpus, figures_of

BOOKS = corpus()


def test_the_corpus_is_varied() -> None:
    assert len(BOOKS) >= 40
    assert {wb.style for wb in BOOKS} == {s.__name__ for s in STYLES}
    assert {wb.writer for wb in BOOKS} >= {"openpyxl", "xlsxwriter", "ods", "csv", "csv-cp1251"}
    assert len({next(iter(wb.expected))[0] for wb in BOOKS}) >= 6  # cities


@pytest.mark.parametrize("wb", BOOKS, ids=[wb.name for wb in BOOKS])
def test_each_workbook_loads_to_its_figures(wb, tmp_path: Path) -> None:
    result = parse_file(wb.write(tmp_path))
    assert result.ok, [p.render() for p in result.errors]
    assert figures_of(result) == wb.expected
    assert not [p for p in result.warnings if p.key.startswith(("total", "context", "unknown"))]
