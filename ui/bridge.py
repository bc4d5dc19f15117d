"""The app's one door to etl/, the write side: the pages and the other ui/ modules never import etl.

What the app writes goes to the warehouse it reads (activity.warehouse.store.db_path), as the
signed-in user: `load`, `remove`, `remember_unknown_wordings`, `remember_place`, `remember_department` (a spelling of
a department, kept with the registry people teach), `remember_wording` (a metric's wording, kept
beside it) and `skip_unknown_rows` (files loaded without their rows of unknown metrics). `department_questions` asks the registry which
departments a file's unknown department text (or a file naming none) may be. The rest are etl's own
names, given here unchanged (the records and problems of a parsed file, the upload checks, the
report reader, the password check).

Names are imported on first use (`__getattr__`): every page signs in through ui.auth, and the
figure pages should not pay for loading the ETL (about 0,3 s) that only the upload and review
pages use.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from activity.warehouse.store import WarehouseDamaged, db_path

if TYPE_CHECKING:
    from activity.departments import Department
    from etl.load.loader import LoadReport
    from etl.load.parse import FileResult

_FROM = {  # name -> the etl module it comes from
    "verify_password": "etl.passwords", "PasswordError": "etl.passwords",
    "accounts": "etl.accounts", "add_account": "etl.accounts", "remove_account": "etl.accounts",
    "Figure": "etl.figures", "REPORTED": "etl.figures", "as_written": "etl.figures",
    "ERROR": "etl.problems", "Problem": "etl.problems",
    "FileResult": "etl.load.parse", "Given": "etl.figures",
    "WordingError": "etl.load.wordings",
    "WarehouseBusy": "etl.load.warehouse", "SourceNotFound": "etl.load.warehouse",
    "UPLOAD_EXTS": "etl.intake.uploads", "check_batch": "etl.intake.uploads", "parse_uploads": "etl.intake.uploads",
    "write_review": "etl.intake.uploads",
    "safe_display_name": "etl.intake.names",
    "ExtractionReport": "etl.reports.extraction", "extract_report": "etl.reports.extraction",
    "REPORT_EXTS": "etl.reports.text", "pasted_name": "etl.reports.text",
    "RegistryError": "activity.departments",
}

__all__ = [*_FROM, "WarehouseDamaged", "load", "remove", "remember_unknown_wordings", "resolve_departments",
           "DepartmentQuestion", "department_questions", "remember_department", "remember_place", "remember_wording",
           "skip_unknown_rows"]

# the problems a person answers by choosing (or naming) a department
ASKED = ("department_unknown", "department_missing", "department_none")


def __getattr__(name: str) -> object:
    if name not in _FROM:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_FROM[name]), name)
    globals()[name] = value
    return value


def load(results: Sequence[FileResult], *, user: str, demo: bool = False, department: str | None = None) -> LoadReport:
    """Store parsed files in the app's warehouse (etl.load.loader.load): all or nothing.
    `department`: the code of the department of figures whose file names none."""
    from etl.load.loader import load as load_files

    return load_files(results, db_path(), user=user, demo=demo, department=department)


def remove(name: str, user: str) -> int:
    """Take a loaded file out of the app's warehouse; the figures removed (etl.load.warehouse.remove_source)."""
    from etl.load.warehouse import remove_source

    return remove_source(db_path(), name, user)


def resolve_departments(results: Sequence[FileResult], department: str | None = None) -> None:
    """Say which department each file's texts name, against the app's warehouse as it is (the upload
    page shows the warnings and errors before anything is loaded; `load` resolves again).
    `department`: the code of the department of figures whose file names none."""
    from etl.load.departments import registry_of, resolve_file

    registry = registry_of(db_path())
    for r in results:
        resolve_file(r, registry, department)


@dataclass
class DepartmentQuestion:
    """A department text of the files that names none of its city's departments (`key`
    department_unknown), or files that name none where the city has several or none yet
    (department_missing, department_none; `text` ""): the city, the files, and the city's departments to choose from, the closest first."""

    key: str
    place: str
    city: str
    text: str
    files: list[str] = field(default_factory=list)
    choices: list[Department] = field(default_factory=list)


def department_questions(results: Sequence[FileResult]) -> list[DepartmentQuestion]:
    """What a person must say of these files' departments before they can load (see DepartmentQuestion):
    one question per city and text, in the order the files give them."""
    from etl.load.departments import registry_of
    from etl.load.parse import figures_table

    asked = [(r, p) for r in results for p in r.problems if p.key in ASKED]
    if not asked:
        return []
    registry = registry_of(db_path())
    out: dict[tuple[str, str], DepartmentQuestion] = {}
    for r, p in asked:
        text = str(p.params.get("text") or "") if p.key == "department_unknown" else ""
        table = r.packed if r.packed is not None else figures_table(r.figures)
        places = dict.fromkeys(pl for pl, d in zip(table["place_code"].to_pylist(), table["department"].to_pylist(),
                                                   strict=True) if (d or "") == text)
        for place in places:
            q = out.get((place, text))
            if q is None:
                own = registry.of_place(place)
                close = registry.resolve(text, place).candidates if text else []
                ranked = [*close, *sorted((d for d in own if d not in close), key=lambda d: d.name_uk)]
                q = out[(place, text)] = DepartmentQuestion(p.key, place, str(p.params.get("city") or place), text,
                                                            choices=ranked)
            if r.name not in q.files:
                q.files.append(r.name)
    return list(out.values())


def remember_department(text: str, code: str, user: str) -> Department:
    """Remember that `text` names the department `code` (etl.load.departments.add_alias: kept with
    what people taught the registry, logged with `user`); raises RegistryError when it cannot."""
    from etl.load.departments import add_alias

    return add_alias(db_path(), text, code, user=user)


def remember_place(text: str, code: str, user: str) -> None:
    """Remember that reports writing `text` (a name several places share) mean the place `code`
    (etl.load.place_names, with `user` and the time); raises PlaceError when it cannot."""
    from etl.load.place_names import remember_place as remember

    remember(text, code, user=user)


def remember_wording(text: str, code: str, user: str):
    """Remember that files mean the metric `code` when they write `text` (etl.load.wordings: kept
    beside the warehouse with `user` and the time); raises WordingError when it cannot."""
    from etl.load.wordings import add_wording

    return add_wording(text, code, user=user)


def skip_unknown_rows(results: Sequence[FileResult]) -> int:
    """Leave the rows of unknown metrics out of parsed files (a warning naming each cell); how many."""
    from etl.load.parse import skip_unknown_rows as skip

    return sum(skip(r) for r in results)


def remember_unknown_wordings(results: Sequence[FileResult]) -> None:
    """Note the metric wordings of these files the catalog did not know (for the Data quality page);
    a busy or damaged warehouse skips the note: it is never in the way of an upload."""
    from etl.intake.uploads import unknown_wordings
    from etl.load.warehouse import WarehouseBusy, record_unknown_wordings

    try:
        record_unknown_wordings(db_path(), unknown_wordings(results))
    except (WarehouseBusy, WarehouseDamaged):
        pass
