"""A full streaming parse of sheet XML that is not written the usual way.

`etl.intake.guard` reads ordinary sheet XML with regular expressions. A sheet with namespace prefixes
(`<x:c>`), cells without a reference (their position follows the previous cell), references in
lower case or attributes in another order is parsed here with expat instead, working out every
cell's row and column as a spreadsheet reader would, so that each one with content is checked
against the limits before the real reader allocates anything. The guard also comes here when the
quick reading finds cells beyond the limits: formatting a whole row or column leaves empty styled
cells as far as XFD1048576, which the reader skips, so only cells with content count. It also
collects the same facts as the fast path: hidden rows, formulas without a cached value, cached
zeros, Excel error cells.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.parsers import expat

from etl.intake.package import PackageRefused
from etl.problems import column_index


@dataclass
class SheetFacts:
    """What the guard learns of a sheet while checking it, for the reader (either way of reading it)."""

    hidden_rows: set[int] = field(default_factory=set)  # 0-based
    formula_no_value: set[tuple[int, int]] = field(default_factory=set)  # 0-based (row, col)
    formula_zero: set[tuple[int, int]] = field(default_factory=set)  # formulas whose cached value is 0
    error_cells: dict[tuple[int, int], str] = field(default_factory=dict)  # "#DIV/0!" by (row, col)
    last_row: int = 0  # 1-based; 0 for an empty sheet
    last_col: int = -1  # 0-based
    # cells that hold only white space, beyond the cells with content: 0-based (row, col), (start, end) bytes
    blank_far: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)


_REF = re.compile(r"([A-Za-z]{1,3})(\d{1,7})")


def scan_sheet(data: bytes, check: Callable[[int, int], None],
               blank_string: Callable[[int], bool] = lambda i: False) -> SheetFacts:
    """SheetFacts of a sheet; `check(col, row)` (0-based column, 1-based row) may raise to refuse.

    Only cells with content count towards the sheet's extent and are checked: a value other than
    white space, or a formula. An empty styled cell (`<c r="XFD1048576" s="3"/>`, what formatting a
    whole row leaves) is skipped by the reader too; a cell holding only white space (a space typed
    at XFD1048576, inline or a shared string for which `blank_string(index)` is true) counts as
    empty here and is listed in `blank_far` when it lies beyond the extent, so that the guard can
    cut it out of the copy the reader sees.
    """
    facts = SheetFacts()
    blanks: list[tuple[tuple[int, int], int, int]] = []
    state = {"row": 0, "col": -1, "cell": None, "type": "", "f": False, "v": None, "in_v": False,
             "text": None, "in_t": False, "start": 0}

    def local(name: str) -> str:
        return name.rpartition(":")[2]

    def start(name: str, attrs: dict[str, str]) -> None:
        tag = local(name)
        if tag == "row":
            r = attrs.get("r")
            state["row"] = _number(r) if r is not None else state["row"] + 1
            state["col"] = -1
            if attrs.get("hidden") in ("1", "true"):
                facts.hidden_rows.add(state["row"] - 1)
        elif tag == "c":
            ref = attrs.get("r")
            if ref is not None:
                m = _REF.fullmatch(ref)
                if not m:
                    raise _refused(ref)
                col, row = column_index(m.group(1).upper()), int(m.group(2))
            else:
                col, row = state["col"] + 1, max(state["row"], 1)
            state["col"] = col
            state.update(cell=(max(row, state["row"]), col), type=attrs.get("t", ""), f=False, v=None, text=None,
                         start=parser.CurrentByteIndex)
        elif tag == "f" and state["cell"] is not None:
            state["f"] = True
        elif tag == "v" and state["cell"] is not None:
            state["v"], state["in_v"] = "", True
        elif tag == "t" and state["cell"] is not None:
            state["text"], state["in_t"] = state["text"] or "", True

    def text(data: str) -> None:
        if state["in_t"]:
            state["text"] += data
        elif state["in_v"]:
            state["v"] += data

    def end(name: str) -> None:
        tag = local(name)
        if tag in ("v", "t"):
            state["in_v"] = state["in_t"] = False
        elif tag == "c" and state["cell"] is not None:
            (row, col), value, kind = state["cell"], state["v"], state["type"]
            at = (row - 1, col)
            if state["f"] and not value:  # no <v>, or an empty one
                facts.formula_no_value.add(at)
            elif state["f"] and value.strip() == "0":
                facts.formula_zero.add(at)
            if kind == "e":
                facts.error_cells[at] = (value or "#ERROR").strip()
            if state["f"] or _has_value(kind, value, state["text"], blank_string):
                check(col, row)
                facts.last_col = max(facts.last_col, col)
                facts.last_row = max(facts.last_row, row)
            elif value is not None or state["text"] is not None:  # white space only
                stop = data.find(b">", parser.CurrentByteIndex)
                blanks.append(((row, col), state["start"], stop + 1))
            state["cell"] = None

    parser = expat.ParserCreate()
    _parse(parser, data, start, end, text, " аркуша", "sheet ")
    facts.blank_far = [((row - 1, col), (a, b)) for (row, col), a, b in blanks
                       if row > facts.last_row or col > facts.last_col]
    return facts


def _has_value(kind: str, value: str | None, text: str | None, blank_string: Callable[[int], bool]) -> bool:
    """Whether a cell without a formula holds something other than white space."""
    if kind == "inlineStr":
        return bool(text and text.strip()) or bool(value and value.strip())
    if value is None or not value.strip():
        return bool(text and text.strip())
    if kind == "s":
        index = value.strip()
        return not (index.isdigit() and blank_string(int(index)))
    return True


def blank_shared_strings(data: bytes) -> set[int]:
    """Indexes of the shared strings (xl/sharedStrings.xml) that hold only white space."""
    blank: set[int] = set()
    state = {"si": -1, "text": [], "in_t": False, "ph": 0}

    def start(name: str, attrs: dict[str, str]) -> None:
        tag = name.rpartition(":")[2]
        if tag == "si":
            state["si"] += 1
            state["text"] = []
        elif tag == "rPh":
            state["ph"] += 1
        elif tag == "t" and not state["ph"]:
            state["in_t"] = True

    def end(name: str) -> None:
        tag = name.rpartition(":")[2]
        if tag == "t":
            state["in_t"] = False
        elif tag == "rPh":
            state["ph"] -= 1
        elif tag == "si" and not "".join(state["text"]).strip():
            blank.add(state["si"])

    def text(data: str) -> None:
        if state["in_t"]:
            state["text"].append(data)

    _parse(expat.ParserCreate(), data, start, end, text, " спільних рядків", "shared strings ")
    return blank


def _number(text: str) -> int:
    if not text.isdigit() or len(text) > 9:
        raise _refused(f"r={text}")
    return int(text)


def _refused(what: str) -> PackageRefused:
    return PackageRefused("file_unsafe", f"незрозуміле посилання на клітинку «{what[:40]}»",
                          f"a cell reference that cannot be read: '{what[:40]}'")


def scan_ods(data: bytes, check: Callable[[str, int, int], None]) -> None:
    """Walk an OpenDocument `content.xml`: `check(table, last_col, last_row)` for each table.

    Rows and cells may say `number-rows-repeated="1048576"`; a reader expands repeats that hold a
    value, so the extent counts them. Empty repeats (LibreOffice pads every sheet with them) do not.
    """
    state = {"table": "", "row": 0, "rows_rep": 1, "col": 0, "width": 0, "cell_rep": 1, "value": False,
             "last_row": 0, "last_col": 0}

    def start(name: str, attrs: dict[str, str]) -> None:
        tag = name.rpartition(":")[2]
        if tag == "table":
            state.update(table=attrs.get("table:name", ""), row=0, last_row=0, last_col=0)
        elif tag == "table-row":
            state.update(rows_rep=_repeat(attrs.get("table:number-rows-repeated")), col=0, width=0)
        elif tag in ("table-cell", "covered-table-cell"):
            state.update(cell_rep=_repeat(attrs.get("table:number-columns-repeated")),
                         value="office:value-type" in attrs)
        elif tag == "p":
            state["value"] = True

    def end(name: str) -> None:
        tag = name.rpartition(":")[2]
        if tag in ("table-cell", "covered-table-cell"):
            state["col"] += state["cell_rep"]
            if state["value"]:
                state["width"] = state["col"]
            state["value"] = False
        elif tag == "table-row":
            state["row"] += state["rows_rep"]
            if state["width"]:
                state["last_row"] = state["row"]
                state["last_col"] = max(state["last_col"], state["width"])
                check(state["table"], state["last_col"] - 1, state["last_row"])
        elif tag == "table":
            check(state["table"], state["last_col"] - 1, state["last_row"])

    _parse(expat.ParserCreate(), data, start, end, None, "", "", doctype=False)


def _parse(parser, data: bytes, start, end, text, what_uk: str, what_en: str, *, doctype: bool = True) -> None:
    """Run `parser` over `data` with these handlers; damaged XML (and, with `doctype`, a DOCTYPE) refused."""
    parser.StartElementHandler, parser.EndElementHandler = start, end
    if text is not None:
        parser.CharacterDataHandler = text
    if doctype:
        parser.StartDoctypeDeclHandler = lambda *a: (_ for _ in ()).throw(_refused("DOCTYPE"))
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise PackageRefused("file_unreadable", f"пошкоджений XML{what_uk} ({exc})",
                             f"damaged {what_en}XML ({exc})") from exc


def _repeat(text: str | None) -> int:
    if text is None:
        return 1
    if not text.isdigit() or len(text) > 9:
        raise _refused(f"repeated={text}")
    return max(int(text), 1)
