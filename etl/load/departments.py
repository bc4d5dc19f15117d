"""The departments of a parsed file, resolved: each (place, department text) to a registered
department (activity.departments), with a warning naming the cell when the text was not the
department's name as registered, and an error when it names none, two, or is not a name at all.

`registry_for(con)` is the registry a load resolves against: the shipped one, what people added,
and the departments the warehouse already holds (registered by earlier loads). `resolve_file`
records on the file result the code of each text (`FileResult.departments`) and registers, in the
registry, a department first seen in a place that had none, so a later file of the same load for
that place meets it. Figures of one file that became the same figure once their departments were
resolved ("ВІДДІЛ ОСВІТИ" and "відділ освіти" on two sheets) are checked as a file's repeats are:
equal, kept once with a warning; different, an error naming both cells.
"""

from __future__ import annotations

import duckdb

from activity.departments import Department, Registry, RegistryError
from activity.i18n import translator
from activity.identity import REPEAT_COLUMNS
from etl.load.local_toml import append_entry, who
from etl.load.parse import FileResult, figures_table
from etl.problems import ERROR, MESSAGES, WARNING, Problem

MESSAGES.update({
    "department_resolved": (
        "Підрозділ «{text}» прочитано як «{name}» ({how}).",
        "Department '{text}' was read as '{name}' ({how}).",
    ),
    "department_new": (
        "Підрозділ «{text}» зареєстровано як новий підрозділ міста {city} (код {code}): у реєстрі міста ще не "
        "було жодного.",
        "Department '{text}' was registered as a new department of {city} (code {code}): the city had none yet.",
    ),
    "department_unknown": (
        "Підрозділ «{text}» не знайдено серед підрозділів міста {city}. Найближчі: {close}. Якщо це один із них, "
        "запам’ятайте написання: python -m etl departments alias \"{text}\" КОД (або виберіть на сторінці "
        "завантаження); якщо це інший підрозділ: python -m etl departments add.",
        "Department '{text}' matches none of the departments of {city}. Closest: {close}. If it is one of them, "
        "remember the spelling: python -m etl departments alias \"{text}\" CODE (or choose on the upload page); "
        "if it is another department: python -m etl departments add.",
    ),
    "department_ambiguous": (
        "Підрозділ «{text}» підходить до кількох підрозділів міста {city}: {close}. Напишіть повну назву.",
        "Department '{text}' fits several departments of {city}: {close}. Write the full name.",
    ),
    "department_missing": (
        "Файл не називає підрозділу, а в міста {city} їх кілька: {close}. Укажіть підрозділ: python -m etl load "
        "--department \"НАЗВА\" (або виберіть його на сторінці завантаження).",
        "The file names no department, and {city} has several: {close}. Give it: python -m etl load "
        "--department \"NAME\" (or choose it on the upload page).",
    ),
    "department_none": (
        "Файл не називає підрозділу, а для міста {city} ще не зареєстровано жодного. Укажіть підрозділ: python -m "
        "etl load --department \"НАЗВА\" (або виберіть його на сторінці завантаження).",
        "The file names no department, and {city} has none registered yet. Give it: python -m etl load "
        "--department \"NAME\" (or choose it on the upload page).",
    ),
    "department_assumed": (
        "Файл не називає підрозділу: показники віднесено до єдиного підрозділу міста {city}, «{name}».",
        "The file names no department: the figures go to {city}'s only department, '{name}'.",
    ),
    "department_invalid": (
        "«{text}» не схоже на назву підрозділу (порожньо, лише розділові знаки, формула чи команда).",
        "'{text}' does not look like a department's name (empty, punctuation only, a formula or a command).",
    ),
    "department_registry": (
        "Реєстр підрозділів суперечливий: {detail}",
        "The department registry contradicts itself: {detail}",
    ),
})

HOW = {  # how a text was matched, for the warning
    "spelling": ("інше написання", "another spelling"),
    "alias": ("відоме інше найменування", "a known other name"),
    "word_forms": ("інші відмінки", "other word forms"),
    "short_form": ("скорочена назва", "a short form"),
    "standard": ("типова назва", "a standard name"),
}
how = translator(HOW)
KEYS = frozenset(k for k in MESSAGES if k.startswith("department_"))


def registry_for(con: duckdb.DuckDBPyConnection | None) -> Registry:
    """The registry with the departments the warehouse (open on `con`, None: none) holds."""
    extra: list[Department] = []
    if con is not None:
        rows = con.execute("SELECT code, place_code, kind, name_uk, name_en, origin FROM departments").fetchall()
        extra = [Department(code, place, kind, uk, en, (), origin) for code, place, kind, uk, en, origin in rows]
    return Registry.load(extra)


def registry_of(db_path) -> Registry:
    """`registry_for` of a warehouse file read-only (the `check` command, the upload page); the
    shipped registry when there is no warehouse yet."""
    from pathlib import Path

    path = Path(db_path)
    if not path.exists():
        return Registry.load()
    with duckdb.connect(str(path), read_only=True) as con:
        try:
            return registry_for(con)
        except duckdb.CatalogException:  # a warehouse of an older schema: the loader will say so
            return Registry.load()


def resolve_file(result: FileResult, registry: Registry, department: str | None = None) -> None:
    """Resolve the departments of one parsed file (see the module docstring); problems go on the result.
    Figures whose file names no department take `department` (the command's --department, the
    upload page's choice), else the place's only department (with a warning), else an error."""
    from activity.places import get_place

    result.problems = [p for p in result.problems if p.key not in KEYS]
    result.departments = {}
    table = result.packed if result.packed is not None else (figures_table(result.figures) if result.figures else None)
    if table is None or not table.num_rows:
        return
    for place, text, locator, last in _pairs(table):
        cell = result.department_cells.get(text) or locator
        sheet, _, ref = cell.rpartition("!") if "!" in cell else ("", "", cell)
        where = {"sheet": sheet or None, "cell": ref if ref and len(ref) < 12 else None}
        city = get_place(place).name_uk
        # A department read from a title sentence counts only when it names one: else, as if none were named.
        guess = text in result.department_guesses and not registry.resolve(text, place, last).ok
        said = "" if guess else text
        if not said and not department:
            own = registry.of_place(place)
            if len(own) != 1:
                close = ", ".join(f"«{d.name_uk}» ({d.code})" for d in own)
                result.problems.append(Problem(ERROR, "department_missing" if own else "department_none", result.name,
                                               **where, params={"city": city, "close": close}))
                continue
            result.problems.append(Problem(WARNING, "department_assumed", result.name, **where,
                                           params={"city": city, "name": own[0].name_uk}))
            result.departments[(place, text)] = own[0]
            continue
        given = registry.get(department) if department and not said else None
        if given is not None and given.place == place:
            result.departments[(place, text)] = given
            continue
        named = said or department  # (the name the figures go to: the file's, else the one given)
        res = registry.resolve(named, place, last)
        if res.how == "invalid":
            result.problems.append(Problem(ERROR, "department_invalid", result.name, **where, params={"text": named}))
            continue
        if not res.ok:
            close = ", ".join(f"«{d.name_uk}» ({d.code})" for d in res.candidates) or "—"
            key = "department_ambiguous" if res.how == "ambiguous" else "department_unknown"
            result.problems.append(Problem(ERROR, key, result.name, **where,
                                           params={"text": named, "city": city, "close": close}))
            continue
        d = res.department
        if res.how == "new":
            try:
                registry.add(d)
            except RegistryError as exc:
                result.problems.append(Problem(ERROR, "department_registry", result.name, **where,
                                               params={"detail": exc.message_uk, "detail_en": exc.message_en}))
                continue
            result.problems.append(Problem(WARNING, "department_new", result.name, **where,
                                           params={"text": named, "city": city, "code": d.code}))
        elif res.changed:
            result.problems.append(Problem(WARNING, "department_resolved", result.name, **where, params={
                "text": named, "name": d.name_uk, "how": how(res.how, "uk"), "how_en": how(res.how, "en")}))
        result.departments[(place, text)] = d
    if len({d.code for d in result.departments.values()}) < len(result.departments):
        _repeats(result, table)


def _pairs(table) -> list[tuple[str, str, str, object]]:
    """(place, department text, the first locator, the last period end) of each pair in the table;
    one place (the usual file) without grouping."""
    import pyarrow.compute as pc

    places = pc.unique(table["place_code"]).to_pylist()
    if len(places) > 1:
        pairs = table.group_by(["place_code", "department"]).aggregate([("locator", "min"), ("period_end", "max")])
        return list(zip(*(pairs[c].to_pylist() for c in pairs.column_names), strict=True))
    last = pc.max(table["period_end"]).as_py()
    out = []
    for text in pc.unique(table["department"]).to_pylist():
        at = pc.index(table["department"], text).as_py()
        out.append((places[0], text, table["locator"][at].as_py(), last))
    return out


def _repeats(result: FileResult, table) -> None:
    """Figures that became one figure when two spellings of a department were resolved to one."""
    import pyarrow as pa

    from activity.catalog import get_metric
    from activity.formatting import format_number, period_label
    from activity.periods import period_from_range

    codes = pa.array([d.code if (d := result.departments.get((p, t))) else None
                      for p, t in zip(table["place_code"].to_pylist(), table["department"].to_pylist(), strict=True)])
    keyed = table.append_column("department_code", codes)
    columns = ["department_code" if c == "department" else c for c in REPEAT_COLUMNS]
    groups = keyed.group_by(columns).aggregate([("value", "list"), ("status", "list"), ("locator", "list")])
    for metric, start, end, values, statuses, locators in zip(
            *(groups[c].to_pylist() for c in ("metric", "period_start", "period_end", "value_list", "status_list",
                                              "locator_list")), strict=True):
        if len(values) < 2:
            continue
        same = len(set(zip(values, statuses, strict=True))) == 1
        sheet, _, cell = locators[1].rpartition("!")
        result.problems.append(Problem(
            WARNING if same else ERROR, "duplicate_same" if same else "duplicate_conflict", result.name,
            sheet or None, cell or None,
            params={"metric": get_metric(metric).label_uk, "period": period_label(period_from_range(start, end)),
                    "other": locators[0], "other_value": format_number(values[0]), "value": format_number(values[1])}))


# ------------------------------------------------------------------ what people teach the registry

def add_department(db_path, place: str, name: str, kind: str, *, en: str | None = None, code: str | None = None,
                   user: str | None = None) -> Department:
    """Register a department people named (`python -m etl departments add`): kept in the local
    registry file (it survives `build --fresh`), written to the warehouse, and logged with who did it."""
    from activity.departments import invalid_text, local_path

    registry = registry_of(db_path)
    if invalid_text(name):
        raise RegistryError(f"«{name}» не схоже на назву підрозділу", f"«{name}» is not a department's name")
    if kind not in registry.kinds:
        raise RegistryError(f"невідомий вид «{kind}»: один із {', '.join(registry.kinds)}",
                            f"unknown kind {kind!r}: one of {', '.join(registry.kinds)}")
    known = registry.resolve(name, place)
    d = known.department if known.ok and known.department.origin == "standard" else registry.new_department(name, place)
    d = Department(code or d.code, place, kind, d.name_uk, en or d.name_en, (), "local")
    registry.add(d)  # refused when another department of the place has the name
    append_entry(local_path(), "department", {"code": d.code, "place": place, "kind": kind, "uk": d.name_uk,
                                              "en": d.name_en, "added_by": who(user)})
    _log(db_path, "department_added", f"{d.code}: {d.name_uk}", user)
    return d


def add_alias(db_path, text: str, code: str, *, user: str | None = None) -> Department:
    """Remember that `text` names the department `code` (`python -m etl departments alias`, the upload
    page's choice): the next load reads it without asking."""
    from activity.departments import Alias, invalid_text, local_path

    registry = registry_of(db_path)
    if invalid_text(text):
        raise RegistryError(f"«{text}» не схоже на назву підрозділу", f"«{text}» is not a department's name")
    d = registry.get(code)
    if d is None:
        raise RegistryError(f"немає підрозділу {code}", f"no department {code}")
    if d.code not in registry.departments:  # a standard department of the place: registered with its alias
        registry.add(d)
        append_entry(local_path(), "department", {"code": d.code, "place": d.place, "kind": d.kind,
                                                  "uk": d.name_uk, "en": d.name_en, "added_by": who(user)})
    registry.add_alias(code, Alias(" ".join(text.split())))
    append_entry(local_path(), "alias", {"code": code, "uk": " ".join(text.split()), "added_by": who(user)})
    _log(db_path, "alias_added", f"{code}: {' '.join(text.split())}", user)
    return registry.departments[code]


def _log(db_path, action: str, what: str, user: str | None) -> None:
    """The change in the warehouse's load log, with who made it (the registry is refreshed too)."""
    from datetime import datetime
    from pathlib import Path

    from etl.load.warehouse import transaction

    with transaction(Path(db_path)) as con:
        load_id = con.execute("SELECT coalesce(max(load_id), 0) + 1 FROM load_log").fetchone()[0]
        con.execute("INSERT INTO load_log VALUES (?, ?, ?, ?, '', NULL, NULL, NULL, NULL, ?)",
                    [load_id, datetime.now(), action, what, who(user)])
