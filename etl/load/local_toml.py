"""What people teach the project (wordings, departments, place names) is kept in small TOML files of
the local data folder (``DASHBOARD_LOCAL_DIR``), outside the warehouse: written here by hand, since
tomllib only reads. A whole file is written beside and swapped in, so a reader never sees half."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path


def quoted(value: object) -> str:
    """A TOML basic string on one line."""
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def who(user: str | None) -> str:
    """The person to record: the signed-in user, else the machine's."""
    from etl.load.warehouse import whoami

    return user or whoami()


def now() -> str:
    return datetime.now().replace(microsecond=0).isoformat()


def write_entries(path: Path, comment: str, table: str, entries: list[dict[str, str]]) -> None:
    """The file as ``# comment`` and one ``[[table]]`` per entry, swapped in whole."""
    lines = [f"# {comment}", ""]
    for entry in entries:
        lines += [f"[[{table}]]", *(f"{k} = {quoted(v)}" for k, v in entry.items()), ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text("\n".join(lines), encoding="utf-8")
    os.replace(tmp, path)


def append_entry(path: Path, table: str, values: dict[str, str]) -> None:
    """One ``[[table]]`` entry at the end of the file, with the time it was added."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"\n[[{table}]]"] + [f"{k} = {quoted(v)}" for k, v in values.items()]
    lines.append(f"added_at = {now()}")
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
