"""Account passwords as salted scrypt hashes, the form kept in `.streamlit/secrets.toml`.

A stored hash reads ``scrypt$16384$8$1$<salt>$<key>`` (cost parameters, then base64 of a 16-byte
random salt and of the 32-byte derived key), so the cost can be raised later without breaking the
hashes already pasted. `verify_password` compares in constant time and spends the same work on an
unknown account as on a known one, so a wrong user name answers no faster than a wrong password.
Neither function ever logs or returns the password.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

N, R, P = 2**14, 8, 1  # about 50 ms and 16 MB per check on the development machine
KEY_BYTES, SALT_BYTES = 32, 16
MIN_LENGTH = 10
USER_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
_DUMMY = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + "A" * 43 + "="


class PasswordError(ValueError):
    """A password or user name that cannot be accepted; `uk` and `en` say why."""

    def __init__(self, uk: str, en: str) -> None:
        super().__init__(en)
        self.uk, self.en = uk, en


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=KEY_BYTES,
                          maxmem=max(64 * 1024 * 1024, 256 * n * r))  # bounded by _parse: <= 512 MB


def check_user_name(user: str) -> str:
    """The name as it may stand as a key under `[auth.accounts]` (letters, digits, . _ @ -)."""
    if not USER_NAME.match(user or ""):
        raise PasswordError(
            "Ім’я користувача: латинські літери, цифри та . _ @ - (до 64 знаків), починається з літери чи цифри.",
            "User name: Latin letters, digits and . _ @ - (up to 64), starting with a letter or digit.")
    return user


def check_strength(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise PasswordError(f"Пароль закороткий: щонайменше {MIN_LENGTH} знаків.",
                            f"The password is too short: at least {MIN_LENGTH} characters.")


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """The stored form of a password: a fresh random salt each time."""
    salt = salt if salt is not None else secrets.token_bytes(SALT_BYTES)
    return f"scrypt${N}${R}${P}${_b64(salt)}${_b64(_derive(password, salt, N, R, P))}"


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    parts = str(stored).strip().split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return None
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt, key = base64.b64decode(parts[4], validate=True), base64.b64decode(parts[5], validate=True)
    except ValueError:
        return None
    if not (2 <= n <= 2**17 and n & (n - 1) == 0 and 1 <= r <= 16 and 1 <= p <= 4 and salt and key):
        return None
    return n, r, p, salt, key


def verify_password(password: str, stored: str | None) -> bool:
    """True when `password` matches the stored hash; False for a missing or malformed hash."""
    parsed = _parse(stored) if stored else None
    n, r, p, salt, key = parsed or _parse(_DUMMY)  # the same work either way
    derived = _derive(password, salt, n, r, p)
    return parsed is not None and hmac.compare_digest(derived, key)


def account_line(user: str, password: str) -> str:
    """The line to paste under `[auth.accounts]` in secrets.toml."""
    check_user_name(user)
    check_strength(password)
    return f'"{user}" = "{hash_password(password)}"'
