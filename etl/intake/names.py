"""Names from outside (file names, sheet names) made safe to show, store and print.

A file name comes from whoever sent the file: it may hold `../`, `..\\`, a NUL, line breaks (which
would forge extra lines in the command's output), right-to-left marks (which make
`звіт\u202exslx.exe` look like `звітexe.xlsx`) or a name Windows reserves (`CON`, `NUL.xlsx`).
`safe_display_name` turns any of them into a plain name for messages, the `sources` table and
the command line. It is a label and NEVER a path: files are always opened by the path the
operating system gave, and an upload is stored under a name the application makes up.
"""

from __future__ import annotations

import re
import unicodedata

MAX_NAME_CHARS = 120
# C0/C1 controls and DEL; bidirectional embeddings, overrides, isolates and marks; zero-width
# characters and the byte-order mark; line and paragraph separators.
_INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\u2028\u2029]"
)
_WINDOWS_BAD = re.compile(r'[<>:"|?*]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
             *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10)),
             "COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³"}


def clean_text(text: str) -> str:
    """Text without control, bidirectional or invisible characters; runs of spaces made one."""
    text = unicodedata.normalize("NFC", str(text))
    return " ".join(_INVISIBLE.sub(" ", text).split())


def safe_display_name(name: str) -> str:
    """A file name to show: the last path component, cleaned, never empty, never reserved.

    >>> safe_display_name("../../etc/passwd")
    'passwd'
    >>> safe_display_name("CON.xlsx")
    '_CON.xlsx'
    """
    text = clean_text(name)
    text = re.split(r"[/\\]", text)[-1]  # only the last component of any path, / or \\
    text = _WINDOWS_BAD.sub("_", text).strip(" .")  # Windows drops trailing dots and spaces
    if not text:
        return "без назви"
    stem, dot, ext = text.rpartition(".")
    if not dot or not stem or len(ext) > 10 or " " in ext:
        stem, dot, ext = text, "", ""
    if stem.split(".")[0].strip().upper() in _RESERVED:
        stem = "_" + stem
    if len(stem) + len(dot) + len(ext) > MAX_NAME_CHARS:
        stem = stem[: MAX_NAME_CHARS - len(dot) - len(ext) - 1] + "…"
    return stem + dot + ext
