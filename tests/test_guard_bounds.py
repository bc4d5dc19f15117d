"""The guard's fast reading of cell positions agrees with the positions themselves, in any order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from etl.intake.guard import _last_column, _last_row, _unusual
from etl.problems import column_letters

cells = st.lists(st.tuples(st.integers(0, 701), st.integers(1, 1_048_576)), min_size=1, max_size=40)


def _xml(refs: list[tuple[int, int]]) -> bytes:
    return b"".join(b'<row r="%d"><c r="%s%d"><v>1</v></c></row>' % (r, column_letters(c).encode(), r)
                    for c, r in refs)


@given(cells)
def test_last_row_and_column_whatever_the_order(refs: list[tuple[int, int]]) -> None:
    data = _xml(refs)
    assert not _unusual(data)
    assert _last_row(data) == max(r for _, r in refs)
    assert _last_column(data, 702) == max(c for c, _ in refs)


@given(cells)
def test_sorted_sheets_take_the_quick_path_to_the_same_answer(refs: list[tuple[int, int]]) -> None:
    data = _xml(sorted(refs, key=lambda x: x[1]))
    assert _last_row(data) == max(r for _, r in refs)


def test_unusual_spellings_are_noticed() -> None:
    assert _unusual(b'<row r="1"><c s="1" r="B2"><v>1</v></c></row>')
    assert _unusual(b'<row r="1"><c r="b2"><v>1</v></c></row>')
    assert _unusual(b'<row r="1"><c><v>1</v></c></row>')
    assert _unusual(b'<x:row r="1"><x:c r="B2"><x:v>1</x:v></x:c></x:row>')
    assert _unusual(b'<row r="1"><c r="A1" r="XFD9"><v>1</v></c></row>')
    assert _unusual(b'<row r="1"><c r="A01"><v>1</v></c></row>')
    assert _unusual(b'<row r="1"><c r="A1"\tr="XFD9"><v>1</v></c></row>')  # a second reference, however spaced
    assert _unusual(b'<row r="1"><c r="A1" s="1" r = "XFD9"/></row>')
    assert _unusual(b'<row r="1"><x:c r="A1"/></row>')
    assert not _unusual(b'<row r="1" spans="1:2"><c r="A1" s="3" t="s"><v>0</v></c></row>')
    assert not _unusual(b'<row r="1"><c r="A1" s="3"/><c r="B1" x14ac:dyDescent="0.2" t="e"><v>#N/A</v></c></row>')
    assert not _unusual(b'<row r="1"><c r="A1" t="inlineStr"><is><t>a:c d</t></is></c></row>')  # ":c " in text


FORMULA_CELLS = [  # (cell XML, never calculated, cached bare 0)
    (b'<f>SUM(B{r}:C{r})</f><v>3</v>', False, False),
    (b'<f>SUM(B{r})</f>', True, False),
    (b'<f>X</f><v></v>', True, False),
    (b'<f>X</f><v>0</v>', False, True),
    (b'<f t="shared" si="0"/><v>5</v>', False, False),
    (b'<f t="shared" si="0"/>', True, False),
    (b'<f>1</f><v>0.5</v>', False, False),
    (b'<f/><v>2</v>', False, False),
]


@given(st.lists(st.sampled_from(range(len(FORMULA_CELLS))), min_size=1, max_size=12))
def test_formulas_without_a_value_are_found_among_any_others(kinds: list[int]) -> None:
    """Sheets whose formulas all carry a value skip the cell-by-cell look; mixed ones must not."""
    from etl.intake.guard import _inspect_sheet

    rows = b"".join(b'<row r="%d"><c r="A%d">%s</c></row>' % (r, r, FORMULA_CELLS[k][0].replace(b"{r}", b"%d" % r))
                    for r, k in enumerate(kinds, start=1))
    facts = _inspect_sheet(b"<worksheet><sheetData>" + rows + b"</sheetData></worksheet>", "s", (702, 1_048_576))
    assert facts.formula_no_value == {(r - 1, 0) for r, k in enumerate(kinds, start=1) if FORMULA_CELLS[k][1]}
    assert facts.formula_zero == {(r - 1, 0) for r, k in enumerate(kinds, start=1) if FORMULA_CELLS[k][2]}


far_cells = st.lists(st.tuples(st.integers(0, 16_383), st.integers(1, 1_048_576), st.sampled_from(["n", "blank", "styled"])),
                     min_size=1, max_size=30)


@given(far_cells)
def test_only_cells_with_content_count_and_far_blanks_are_cut(cells: list[tuple[int, int, str]]) -> None:
    """Numbers, cells of only white space and empty styled cells anywhere up to XFD1048576: the
    extent is the numbers'; white space beyond it is cut from the reader's copy, the rest kept."""
    from xml.etree import ElementTree

    from etl.intake.guard import _cut, _inspect_sheet

    unique = {(c, r): kind for c, r, kind in cells}
    body = {"n": "<v>{i}</v>", "blank": '<is><t xml:space="preserve"> \t</t></is>', "styled": ""}
    rows: dict[int, list[str]] = {}
    for i, ((c, r), kind) in enumerate(sorted(unique.items(), key=lambda x: (x[0][1], x[0][0]))):
        ref = f"{column_letters(c)}{r}"
        attrs = ' t="inlineStr"' if kind == "blank" else ' s="1"' if kind == "styled" else ""
        rows.setdefault(r, []).append(f'<c r="{ref}"{attrs}>{body[kind].format(i=i)}</c>' if body[kind]
                                      else f'<c r="{ref}"{attrs}/>')
    xml = ("<worksheet><sheetData>" + "".join(f'<row r="{r}">{"".join(cs)}</row>' for r, cs in sorted(rows.items()))
           + "</sheetData></worksheet>").encode()
    facts = _inspect_sheet(xml, "s", (16_384, 1_048_576), 3_000_000)
    every_col, every_row = max(c for c, _ in unique), max(r for _, r in unique)
    if every_row * (every_col + 1) <= 3_000_000:  # the quick reading fits: nothing to cut
        assert (facts.last_col, facts.last_row, facts.blank_far) == (every_col, every_row, [])
        return
    numbers = [(c, r) for (c, r), kind in unique.items() if kind == "n"]
    last_col, last_row = max((c for c, _ in numbers), default=-1), max((r for _, r in numbers), default=0)
    assert (facts.last_col, facts.last_row) == (last_col, last_row)
    far = {(r - 1, c) for (c, r), kind in unique.items() if kind == "blank" and (r > last_row or c > last_col)}
    assert {at for at, _ in facts.blank_far} == far
    kept = ElementTree.fromstring(_cut(xml, [span for _, span in facts.blank_far]))
    assert {c.get("r") for c in kept.iter("c")} == ({f"{column_letters(c)}{r}" for c, r in unique}
                                                    - {f"{column_letters(c)}{r + 1}" for r, c in far})
    assert sorted(v.text for v in kept.iter("v")) == sorted(
        str(i) for i, (_, kind) in enumerate(sorted(unique.items(), key=lambda x: (x[0][1], x[0][0]))) if kind == "n")
