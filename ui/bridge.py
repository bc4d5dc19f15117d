"""The app's one door to etl/, the write side: the pages and the other ui/ modules never import etl.

What the app writes goes to the warehouse it reads (activity.warehouse.store.db_path), as the
signed-in user: `load`, `remove`, `remember_unknown_wordings`. The rest are etl's own names, given
here unchanged (the records and problems of a parsed file, the upload checks, the report reader,
the password check).

Names are imported on first use (`__getattr__`): every page signs in through ui.auth, and the
figure pages should not pay for loading the ETL (about 0,3 s) that only the upload and review
pages use.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from activity.warehouse.store import WarehouseDamaged, db_path

if TYPE_CHECKING:
    from etl.load.loader import LoadReport
    from etl.load.parse import FileResult

_FROM = {  # name -> the etl module it comes from
    "verify_password": "etl.passwords",
    "Figure": "etl.figures", "REPORTED": "etl.figures", "as_written": "etl.figures",
    "ERROR": "etl.problems", "Problem": "etl.problems",
    "FileResult": "etl.load.parse",
    "WarehouseBusy": "etl.load.warehouse", "SourceNotFound": "etl.load.warehouse",
    "UPLOAD_EXTS": "etl.intake.uploads", "check_batch": "etl.intake.uploads", "parse_uploads": "etl.intake.uploads",
    "write_review": "etl.intake.uploads",
    "safe_display_name": "etl.intake.names",
    "ExtractionReport": "etl.reports.extraction", "extract_report": "etl.reports.extraction",
}

__all__ = [*_FROM, "WarehouseDamaged", "load", "remove", "remember_unknown_wordings", "resolve_departments"]


def __getattr__(name: str) -> object:
    if name not in _FROM:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_FROM[name]), name)
    globals()[name] = value
    return value


def load(results: Sequence[FileResult], *, user: str, demo: bool = False) -> LoadReport:
    """Store parsed files in the app's warehouse (etl.load.loader.load): all or nothing."""
    from etl.load.loader import load as load_files

    return load_files(results, db_path(), user=user, demo=demo)


def remove(name: str, user: str) -> int:
    """Take a loaded file out of the app's warehouse; the figures removed (etl.load.warehouse.remove_source)."""
    from etl.load.warehouse import remove_source

    return remove_source(db_path(), name, user)


def resolve_departments(results: Sequence[FileResult]) -> None:
    """Say which department each file's texts name, against the app's warehouse as it is (the upload
    page shows the warnings and errors before anything is loaded; `load` resolves again)."""
    from etl.load.departments import registry_of, resolve_file

    registry = registry_of(db_path())
    for r in results:
        resolve_file(r, registry)


def remember_unknown_wordings(results: Sequence[FileResult]) -> None:
    """Note the metric wordings of these files the catalog did not know (for the Data quality page);
    a busy or damaged warehouse skips the note: it is never in the way of an upload."""
    from etl.intake.uploads import unknown_wordings
    from etl.load.warehouse import WarehouseBusy, record_unknown_wordings

    try:
        record_unknown_wordings(db_path(), unknown_wordings(results))
    except (WarehouseBusy, WarehouseDamaged):
        pass
