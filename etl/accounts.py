"""Accounts made in the app itself: the first administrator on a fresh start, then others by an
administrator (pages/accounts.py). Kept in `accounts.toml` of the DASHBOARD_LOCAL_DIR folder (beside
what people taught the registries, outside the warehouse and git), as salted scrypt hashes
(etl.passwords): the password is never stored or shown.

Accounts in `.streamlit/secrets.toml` (`[auth.accounts]`) stay where they are: ui.auth reads both,
and an account of the secrets is an administrator. The file is rewritten whole under a temporary
name and renamed into place, so a reader never sees half of it.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from activity.settings import setting
from etl.passwords import PasswordError, check_strength, check_user_name, hash_password


@dataclass(frozen=True)
class Account:
    name: str
    hash: str
    admin: bool
    added_by: str = ""
    added_at: str = ""


def path() -> Path:
    return setting("LOCAL_DIR") / "accounts.toml"


def accounts() -> dict[str, Account]:
    """The accounts made in the app, by name ({} when none)."""
    file = path()
    if not file.exists():
        return {}
    raw = tomllib.loads(file.read_text(encoding="utf-8")).get("accounts", {})
    return {name: Account(name, str(v["hash"]), bool(v.get("admin")), str(v.get("added_by", "")),
                          str(v.get("added_at", ""))) for name, v in raw.items()}


def add_account(name: str, password: str, *, admin: bool, added_by: str) -> Account:
    """Make an account; PasswordError (in both languages) for a bad name, a weak password or a name
    already taken."""
    check_user_name(name)
    check_strength(password)
    found = accounts()
    if name in found:
        raise PasswordError(f"Користувач «{name}» уже є.", f"The user '{name}' already exists.")
    found[name] = Account(name, hash_password(password), admin, added_by,
                          datetime.now().replace(microsecond=0).isoformat())
    _write(found)
    return found[name]


def remove_account(name: str) -> None:
    found = accounts()
    if found.pop(name, None) is not None:
        _write(found)


def _write(found: dict[str, Account]) -> None:
    def quoted(v: str) -> str:
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["# Accounts made in the app (etl/accounts.py): salted scrypt hashes, never passwords.", ""]
    for a in found.values():
        lines += [f"[accounts.{quoted(a.name)}]", f"hash = {quoted(a.hash)}", f"admin = {str(a.admin).lower()}",
                  f"added_by = {quoted(a.added_by)}", f"added_at = {quoted(a.added_at)}", ""]
    file = path()
    file.parent.mkdir(parents=True, exist_ok=True)
    tmp = file.with_name(f".{file.name}.{os.getpid()}.tmp")
    tmp.write_text("\n".join(lines), encoding="utf-8")
    os.chmod(tmp, 0o600)
    os.replace(tmp, file)
