"""Plain text of the report formats beyond .txt and .docx: .pdf, .html and .doc.

Each reader gets bytes already size-checked by ``etl.reports.text.read_report_text`` and returns the
text in the shape the sentence finder expects (one paragraph or table row per line), or raises a
``ReadError`` naming the file:

* **.pdf** (pypdf): the text layer, page by page. Words split by a hyphen at a line end are joined.
  An encrypted PDF that opens without a password is read; one that needs a password, a PDF of more
  than MAX_PDF_PAGES pages, and a scan without a text layer are refused, each with its own message.
* **.html** / **.htm** (trafilatura): a page saved from a council website. Only the article's text and
  tables, not the menus, headers and footers. The encoding comes from the page's own declaration,
  else UTF-8, else Windows-1251.
* **.doc** (Word 97-2003): converted by ``antiword`` (Debian package; `make run` installs it), else by
  LibreOffice (``soffice --headless``), each in a subprocess with a time limit. The compound file is
  checked first: a password-protected document or one that is not a Word document is refused.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from etl.intake.ole import stream_names
from etl.problems import ERROR, Problem
from etl.sheets.readers import ReadError

MAX_PDF_PAGES = 2_000
MIN_LETTERS = 20  # fewer letters than this in a whole PDF: a scan, not a text layer
CONVERT_SECONDS = 60
_LETTER = re.compile(r"[^\W\d_]")
_HYPHEN_BREAK = re.compile(r"(\w)-\n(?=[a-zа-яіїєґ’])")
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w-]{2,30})""", re.IGNORECASE)


def _fail(name: str, key: str, **params: str) -> ReadError:
    return ReadError(Problem(ERROR, key, name, params=params))


# ---------------------------------------------------------------- PDF


def pdf_text(path: Path, name: str) -> str:
    import pypdf
    from pypdf.errors import PdfReadError

    try:
        reader = pypdf.PdfReader(str(path), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise _fail(name, "report_encrypted")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise _fail(name, "file_too_big", detail=f"{len(reader.pages)} сторінок (межа {MAX_PDF_PAGES})",
                        detail_en=f"{len(reader.pages)} pages (limit {MAX_PDF_PAGES})")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError,
            NotImplementedError, OSError) as exc:  # pypdf raises several types for damaged files
        raise _fail(name, "file_unreadable", detail=f"PDF пошкоджено ({str(exc)[:150]})",
                    detail_en=f"the PDF is damaged ({str(exc)[:150]})") from exc
    text = "\n".join(pages).replace("\r\n", "\n").replace("\r", "\n").replace("\u00ad", "")
    if len(_LETTER.findall(text)) < MIN_LETTERS:
        raise _fail(name, "pdf_no_text")
    return _HYPHEN_BREAK.sub(r"\1", text)


# ---------------------------------------------------------------- HTML


def html_text(data: bytes, name: str) -> str:
    import trafilatura

    page = _decode_html(data)
    text = trafilatura.extract(page, include_tables=True, include_comments=False, include_links=False,
                               include_images=False, deduplicate=False, favor_recall=True)
    if not text or len(_LETTER.findall(text)) < MIN_LETTERS:
        raise _fail(name, "html_no_text")
    title = _title(page)
    if title and title not in text[: len(title) + 200]:  # the headline often sits outside the article's block
        text = title + "\n" + text
    # trafilatura writes table cells separated by " | ": the sentence finder reads " – " as .docx rows give.
    lines = [" – ".join(c.strip() for c in line.strip("| ").split(" | ")) + ";" if " | " in line else line
             for line in text.split("\n")]
    return "\n".join(line for line in lines if not re.fullmatch(r"[\s|–—-]*;?", line))


def _title(page: str) -> str:
    """The page's headline without the site's name ("Звіт … | Ніжинська міська рада")."""
    from trafilatura import extract_metadata

    meta = extract_metadata(page)
    title = (meta.title or "") if meta is not None else ""
    return max(re.split(r"\s+[|–—-]\s+", title), key=len).strip() if title else ""


def _decode_html(data: bytes) -> str:
    declared = _CHARSET.search(data[:4096])
    encodings = [declared.group(1).decode("ascii").lower()] if declared else []
    for enc in [*encodings, "utf-8", "cp1251"]:
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", errors="replace")


# ---------------------------------------------------------------- Word 97-2003


def doc_text(path: Path, name: str) -> str:
    streams = {s.lower() for s in stream_names(str(path))}
    if {"encryptioninfo", "encryptedpackage"} & streams:
        raise _fail(name, "report_encrypted")
    if "worddocument" not in streams:
        xls = bool({"workbook", "book"} & streams)
        raise _fail(name, "file_not_what_it_says", ext=".doc", hint="",
                    actual="книга Excel 97-2003 (.xls)" if xls else "пошкоджений або невідомий файл",
                    actual_en="an Excel 97-2003 workbook (.xls)" if xls else "a damaged or unknown file")
    if _word_encrypted(path):
        raise _fail(name, "report_encrypted")
    if shutil.which("antiword"):
        out = _run(["antiword", "-m", "UTF-8.txt", "-w", "0", str(path)], name)
        return out.decode("utf-8", errors="replace")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:
        with tempfile.TemporaryDirectory() as tmp:
            _run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                  "txt:Text (encoded):UTF8", "--outdir", tmp, str(path)], name)
            out = Path(tmp) / (path.stem + ".txt")
            if not out.exists():
                raise _fail(name, "file_unreadable", detail="LibreOffice не зміг перетворити документ",
                            detail_en="LibreOffice could not convert the document")
            return out.read_text("utf-8-sig", errors="replace")
    raise _fail(name, "doc_no_converter")


def _word_encrypted(path: Path) -> bool:
    """The FIB's fEncrypted flag (bit 8 of the flags at offset 0x0A of the WordDocument stream)."""
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            with ole.openstream("WordDocument") as stream:
                head = stream.read(12)
    except (OSError, ValueError, IndexError):
        return False
    return len(head) >= 12 and bool(int.from_bytes(head[10:12], "little") & 0x0100)


def _run(cmd: list[str], name: str) -> bytes:
    try:
        done = subprocess.run(cmd, capture_output=True, timeout=CONVERT_SECONDS, check=False)
    except subprocess.TimeoutExpired as exc:
        raise _fail(name, "file_unreadable",
                    detail=f"перетворення документа Word тривало понад {CONVERT_SECONDS} с",
                    detail_en=f"converting the Word document took over {CONVERT_SECONDS} s") from exc
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", errors="replace").strip()[:150] or f"код {done.returncode}"
        raise _fail(name, "file_unreadable", detail=f"документ Word не прочитано ({detail})",
                    detail_en=f"the Word document was not read ({detail})")
    return done.stdout
