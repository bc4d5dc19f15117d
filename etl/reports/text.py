"""Read a narrative report (.txt, .docx, .pdf, .html, .doc) into plain text, or fail with a Problem naming the file.

* .txt: UTF-8 with or without BOM, UTF-16 with or without BOM, else cp1251 (or KOI8-U when the
  cp1251 reading is clearly case-scrambled). Text that still does not read as Ukrainian is refused
  rather than shown as mojibake. Line ends become "\\n".
* .docx: every part checked first by ``etl.intake.package``, as workbooks are (zip bombs, encryption, odd
  compression, DOCTYPE/ENTITY declarations in any XML part (python-docx silently drops text after an entity), then read
  with python-docx: paragraphs and table rows in document order, a row's cells joined by " – ".
* .pdf, .html/.htm, .doc: ``etl.reports.formats``.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from etl.intake.guard import sniff
from etl.intake.package import Package, PackageRefused
from etl.problems import ERROR, Problem
from etl.reports import formats
from etl.sheets.readers import ReadError, decode_text

REPORT_EXTS = {".txt", ".docx", ".pdf", ".html", ".htm", ".doc"}
MAX_REPORT_BYTES = 50_000_000
_CYRILLIC = re.compile(r"[а-яіїєґ]", re.IGNORECASE)
_READABLE = re.compile(r"[\w\s.,;:!?()\[\]{}«»\"'’ʼ‘“”„%№/+*#@&=<>|~§°\-–—·•…\uf000-\uf0ff]")


def pasted_name(text: str) -> str:
    """The name a pasted report is kept under: the same text, the same name (so pasting it again
    changes nothing), another text, another name (so it never replaces a different report)."""
    return f"вставлений_текст_{hashlib.sha256(text.strip().encode('utf-8')).hexdigest()[:10]}.txt"


def _fail(name: str, key: str, **params: str) -> ReadError:
    return ReadError(Problem(ERROR, key, name, params=params))


def _readable_share(text: str) -> float:
    sample = text[:20_000]
    return len(_READABLE.findall(sample)) / max(1, len(sample))


def _upper_share(text: str) -> float:
    letters = _CYRILLIC.findall(text[:20_000])
    return sum(c.isupper() for c in letters) / max(1, len(letters))


def decode_report(data: bytes, name: str = "") -> str:
    """Text of a .txt report in whichever of the encodings above it is in (see module doc)."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        readings = []
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                readings.append(data.decode(enc))
            except UnicodeDecodeError:
                continue
        text = max(readings, key=_readable_share, default="")
    else:
        try:
            text = decode_text(data)
        except UnicodeDecodeError:
            text = "\x00"  # neither UTF-8 nor cp1251: refused below
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            koi = data.decode("koi8-u", errors="replace")
            if _upper_share(text) > 0.6 and _upper_share(koi) < _upper_share(text):
                text = koi
    if "\x00" in text or _readable_share(text) < 0.9:
        raise _fail(name, "file_unreadable",
                    detail="не вдалося визначити кодування тексту (очікується UTF-8, UTF-16 або Windows-1251)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _docx_text(path: Path, name: str) -> str:
    try:  # every part inflated and checked as for a workbook: sizes, bombs, DOCTYPE/ENTITY
        with Package(str(path)) as pkg:
            for part in sorted(pkg.names):
                pkg.scan(part)
    except PackageRefused as exc:
        raise _fail(name, exc.key, detail=exc.detail, detail_en=exc.detail_en) from exc
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
        lines: list[str] = []
        for child in document.element.body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(Paragraph(child, document).text)
            elif tag == "tbl":
                for row in Table(child, document).rows:
                    cells: list[str] = []
                    for cell in row.cells:
                        text = " ".join(cell.text.split())
                        if text and (not cells or cells[-1] != text):
                            cells.append(text)
                    if cells:
                        lines.append(" – ".join(cells) + ";")
    except Exception as exc:  # python-docx raises several types for damaged packages
        raise _fail(name, "file_unreadable", detail=f"документ Word пошкоджено ({str(exc)[:150]})") from exc
    return "\n".join(lines)


def read_report_text(path: str | Path, display_name: str | None = None) -> str:
    """The text of a report in any of REPORT_EXTS; raises ReadError with a Problem naming the file."""
    path = Path(path)
    name = display_name or path.name
    ext = path.suffix.lower()
    if ext not in REPORT_EXTS:
        raise _fail(name, "file_type", ext=ext or "(без розширення)")
    try:
        size = path.stat().st_size
        data = path.read_bytes() if size <= MAX_REPORT_BYTES else b""
    except OSError as exc:
        raise _fail(name, "file_unreadable", detail=exc.strerror or str(exc)) from exc
    if size > MAX_REPORT_BYTES:
        raise _fail(name, "file_too_big", detail=f"{size // 1_000_000} МБ (межа {MAX_REPORT_BYTES // 1_000_000} МБ)")
    kind = sniff(data[:8])
    if ext in (".docx", ".doc"):  # a Word document is read as what it is, whichever of the two it is named
        if kind == "zip":
            return _docx_text(path, name)
        if kind == "ole":
            return formats.doc_text(path, name)
        raise _fail(name, "file_not_what_it_says", ext=ext, actual="звичайний текст", actual_en="plain text",
                    hint="Збережіть його у Word як .docx (або дайте файлу розширення .txt).",
                    hint_en="Save it in Word as .docx (or rename it to .txt).")
    if ext == ".pdf":
        if not data.startswith(b"%PDF-"):
            raise _fail(name, "file_not_what_it_says", ext=ext, hint="", **_what(kind))
        return formats.pdf_text(path, name)
    if kind != "text":
        raise _fail(name, "file_not_what_it_says", ext=ext, actual="двійкові дані (документ Word?)",
                    hint="Збережіть звіт як .txt або .docx.")
    if ext in (".html", ".htm"):
        return formats.html_text(data, name)
    return decode_report(data, name)


_WHAT = {"zip": {"actual": "документ Word (.docx)", "actual_en": "a Word document (.docx)"},
         "ole": {"actual": "старий документ Office 97-2003", "actual_en": "an old Office 97-2003 document"}}


def _what(kind: str) -> dict[str, str]:
    return _WHAT.get(kind, {"actual": "звичайний текст", "actual_en": "plain text"})
