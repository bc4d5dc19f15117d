"""The loader's way of reading (figures packed column by column, etl.load.parse.parse_file(packed=True))
gives exactly the figures and problems of the figure-by-figure way, on every kind of file."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from activity.catalog import METRICS
from activity.identity import once_in_obs
from etl.load.parse import expand_paths, figures_table, parse_file
from etl.synth import units, write_unit
from tests.conftest import DEPT_NIZHYN, MONTHS, ROOT, long_rows, write_xlsx

ORDER = [(c, "ascending") for c in ("place_code", "department", "metric", "period_start", "period_end", "locator")]


def both_ways(path: Path) -> tuple[pa.Table, pa.Table, list[str], list[str], object]:
    one, packed = parse_file(path), parse_file(path, packed=True)
    table = packed.packed if packed.packed is not None else figures_table(packed.figures)
    return (figures_table(one.figures).sort_by(ORDER), table.sort_by(ORDER),
            [p.message() for p in one.problems], [p.message() for p in packed.problems], packed)


def shipped() -> list[Path]:
    return expand_paths([ROOT / "data" / "demo", ROOT / "data" / "real", ROOT / "data" / "templates"])


def made(folder: Path) -> list[Path]:
    """Workbooks of the kinds a national load and a city's upload hold, with their odd cases."""
    folder.mkdir()
    out = [write_unit(u, range(2019, 2022), folder, seed=5)[0] for u in units(3, seed=11)]
    title = [["Місто:", "Ніжин"], ["Підрозділ:", DEPT_NIZHYN], ["Рік:", 2021], []]
    news, ngos = METRICS["news_published"].label_uk, METRICS["ngos_registered"].label_uk
    out.append(write_xlsx(folder / "repeats.xlsx", {  # the same sheet twice: every figure twice
        "A": [*title, ["Показник", *MONTHS], [news, *range(1, 13)]],
        "B": [*title, ["Показник", *MONTHS], [news, *range(1, 13)]]}))
    out.append(write_xlsx(folder / "stock_twice.xlsx", {  # a level at the end of March, twice
        "Місяці": [*title, ["Показник", *MONTHS], [ngos, None, None, 40]],
        "Квартали": [*title, ["Показник", "I квартал"], [ngos, 40]]}))
    out.append(write_xlsx(folder / "mixed.xlsx", {  # a long sheet and a wide one, a dash, an n/a and a typo
        "Довгий": long_rows(["Ніжин", DEPT_NIZHYN, "березень 2021", "news_published", 7, None]),
        "Широкий": [*title, ["Показник", *MONTHS], [news, 1, "-", "н/з", "≈ 12", 5.0, -1]]}))
    return out


@pytest.mark.parametrize("which", ["shipped", "made"])
def test_packed_figures_and_problems_are_the_figure_by_figure_ones(which: str, tmp_path: Path) -> None:
    paths = shipped() if which == "shipped" else made(tmp_path / "made")
    assert len(paths) >= 6
    for path in paths:
        by_figure, packed, problems, packed_problems, result = both_ways(path)
        assert packed.equals(by_figure), path.name
        assert packed_problems == problems, path.name
        assert result.figure_count == by_figure.num_rows, path.name
        if result.packed is not None:  # the flag the loader trusts matches the slow check
            assert result.once_in_obs == once_in_obs(result.packed), path.name


def test_the_odd_cases_take_their_own_paths(tmp_path: Path) -> None:
    paths = {p.name: p for p in made(tmp_path / "made")}
    repeats = parse_file(paths["repeats.xlsx"], packed=True)
    assert repeats.packed is None and repeats.figure_count == 12  # said figure by figure, kept once
    assert sum(p.key == "duplicate_same" for p in repeats.problems) == 12
    stock = parse_file(paths["stock_twice.xlsx"], packed=True)
    assert stock.packed is not None and stock.once_in_obs is False and stock.figure_count == 2
    mixed = parse_file(paths["mixed.xlsx"], packed=True)
    assert {p.key for p in mixed.problems} >= {"dash_as_missing", "negative_count"}
    assert all(parse_file(p, packed=True).once_in_obs for n, p in paths.items() if n.startswith("UA"))
