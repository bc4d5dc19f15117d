"""Files sent through the app's upload page: refused early when they cannot be right, then parsed.

Before any reader sees a file, `check_batch` refuses a batch of more than MAX_UPLOAD_FILES files,
a file above MAX_UPLOAD_BYTES (both settings in activity.settings, changed by environment variables), a type
not in UPLOAD_EXTS (workbooks, and reports .txt, .docx, .doc, .pdf, .html), and a file that is not what its extension says
(its first bytes are a PDF, an image, a program, a Word document named .xlsx, ...). `parse_uploads`
then writes each file under a name made here (a random UUID with the checked extension) in
`data/uploads/` (the UPLOAD_DIR setting), reads it with `etl.load.parse.parse_file` (the same
checks as `python -m etl check`) and deletes it; the browser's name is only ever a label
(`etl.intake.names.safe_display_name`). `write_review` makes the workbook to fix and send again.
"""

from __future__ import annotations

import io
import os
import uuid
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from activity.catalog import get_metric
from activity.places import PlaceError, get_place
from activity.settings import setting
from etl.intake.guard import sniff
from etl.intake.names import safe_display_name
from etl.load.parse import INPUT_EXTS, FileResult, parse_file
from etl.problems import ERROR, MESSAGES, Problem
from etl.reports.review_sheet import period_text
from etl.reports.text import REPORT_EXTS

# What the loader reads (etl.load.parse.INPUT_EXTS), but macro workbooks (.xlsm): none is sent from a browser.
UPLOAD_EXTS = tuple(sorted(INPUT_EXTS - {".xlsm"}))
REPORT_KINDS = tuple(e.lstrip(".") for e in REPORT_EXTS)
_ZIP_KINDS = {".xlsx": "xlsx", ".ods": "ods", ".docx": "docx"}
_MAGIC = (  # first bytes: what the file really is (uk, en)
    (b"%PDF", ("документ PDF", "a PDF document")),
    (b"\x89PNG", ("зображення PNG", "a PNG image")),
    (b"\xff\xd8\xff", ("зображення JPEG", "a JPEG image")),
    (b"GIF8", ("зображення GIF", "a GIF image")),
    (b"\x1f\x8b", ("архів gzip", "a gzip archive")),
    (b"7z\xbc\xaf\x27\x1c", ("архів 7z", "a 7z archive")),
    (b"Rar!", ("архів RAR", "a RAR archive")),
    (b"MZ", ("програма Windows (.exe)", "a Windows program (.exe)")),
    (b"\x7fELF", ("програма (ELF)", "a program (ELF)")),
    (b"{\\rtf", ("документ RTF", "an RTF document")),
)
_ZIP_LABELS = {
    "xlsx": ("книга Excel (.xlsx)", "an Excel workbook (.xlsx)"),
    "ods": ("таблиця OpenDocument (.ods)", "an OpenDocument spreadsheet (.ods)"),
    "docx": ("документ Word (.docx)", "a Word document (.docx)"),
    "zip": ("архів ZIP", "a ZIP archive"),
}

MESSAGES.update({
    "upload_too_many": ("Забагато файлів за один раз: {n} (межа {limit}). Надішліть їх частинами.",
                        "Too many files at once: {n} (limit {limit}). Send them in parts."),
    "upload_too_big": ("Файл завеликий: {size} МБ (межа {limit} МБ).", "The file is too large: {size} MB (limit {limit} MB)."),
    "upload_empty": ("Файл порожній (0 байтів).", "The file is empty (0 bytes)."),
    "upload_mismatch": ("Файл має розширення {ext}, але всередині {actual}. Збережіть його як {ext} або "
                        "надішліть з правильним розширенням.",
                        "The file is named {ext} but contains {actual}. Save it as {ext} or send it "
                        "with the right extension."),
})


@dataclass
class Incoming:
    """A file that passed the early checks: its label, checked extension and bytes."""

    name: str
    ext: str
    data: bytes


def _refusal(key: str, name: str, **params: object) -> Problem:
    return Problem(ERROR, key, name, params=params)


def what_it_is(data: bytes) -> tuple[str, str] | None:
    """What the bytes are when a magic number says so ("документ PDF", "a PDF document"), else None."""
    for magic, label in _MAGIC:
        if data.startswith(magic):
            return label
    kind = sniff(data[:8])
    if kind == "ole":
        return ("файл Office 97-2003 (.xls, .doc) або зашифрована книга", "an Office 97-2003 file (.xls, .doc) or an encrypted workbook")
    if kind == "zip":
        return _ZIP_LABELS[_zip_kind(data)]
    return None


def _zip_kind(data: bytes) -> str:
    """xlsx, ods or docx by the parts a package holds; zip for anything else (or a damaged one)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if len(zf.infolist()) > setting("MAX_ENTRIES"):
                return "zip"  # etl.intake.guard explains; nothing more is read here
            names = set(zf.namelist())
            if "xl/workbook.xml" in names:
                return "xlsx"
            if "word/document.xml" in names:
                return "docx"
            info = zf.getinfo("mimetype") if "mimetype" in names else None
            if info and info.file_size < 200 and b"spreadsheet" in zf.read(info):
                return "ods"
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, RuntimeError, NotImplementedError):
        pass
    return "zip"


def _mismatch(name: str, ext: str, data: bytes) -> Problem | None:
    actual = what_it_is(data)
    if ext == ".xls":  # read as what it is: an old workbook, or an .xlsx given the old name
        if sniff(data[:8]) == "ole" or actual == _ZIP_LABELS["xlsx"]:
            return None
        actual = actual or ("звичайний текст (можливо, CSV)", "plain text (perhaps CSV)")
    elif ext == ".pdf":
        if data.startswith(b"%PDF"):
            return None
        actual = actual or ("звичайний текст", "plain text")
    elif ext == ".doc":  # read as what it is: an old Word document, or a .docx given the old name
        if sniff(data[:8]) == "ole" or actual == _ZIP_LABELS["docx"]:
            return None
        actual = actual or ("звичайний текст", "plain text")
    elif ext in _ZIP_KINDS:
        if sniff(data[:8]) == "ole" and ext in (".xlsx", ".docx"):
            return None  # parse_file tells an encrypted workbook from an old .xls or .doc
        if actual is None:
            actual = ("звичайний текст (можливо, CSV)", "plain text (perhaps CSV)")
        elif actual == _ZIP_LABELS[_ZIP_KINDS[ext]] or actual == _ZIP_LABELS["zip"]:
            return None  # the right package, or one parse_file will find damaged
    elif actual is None:
        if ext == ".csv" and b"\x00" in data[:4096]:
            actual = ("двійкові дані", "binary data")
        else:
            return None
    return _refusal("upload_mismatch", name, ext=ext, actual=actual[0], actual_en=actual[1])


def check_batch(files: list[tuple[str, bytes]]) -> tuple[list[Incoming], list[Problem]]:
    """The files that may be parsed, and a refusal (naming the file) for each of the others."""
    max_files, max_bytes = setting("MAX_UPLOAD_FILES"), setting("MAX_UPLOAD_BYTES")
    if len(files) > max_files:
        return [], [_refusal("upload_too_many", "", n=len(files), limit=max_files)]
    accepted, refused = [], []
    for raw_name, data in files:
        name = safe_display_name(raw_name)
        ext = os.path.splitext(name)[1].lower()
        if ext not in UPLOAD_EXTS:
            refused.append(_refusal("file_type", name, ext=ext or "(без розширення)"))
        elif len(data) > max_bytes:
            refused.append(_refusal("upload_too_big", name, size=_mb(len(data)), limit=_mb(max_bytes)))
        elif not data:
            refused.append(_refusal("upload_empty", name))
        elif problem := _mismatch(name, ext, data):
            refused.append(problem)
        else:
            accepted.append(Incoming(name, ext, data))
    return accepted, refused


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f}".rstrip("0").rstrip(".").replace(".", ",")


def upload_dir() -> Path:
    return setting("UPLOAD_DIR")


def parse_uploads(files: list[Incoming], folder: Path | None = None,
                  progress: Callable[[int, int, str], None] | None = None, given=None) -> list[FileResult]:
    """Each file written under a generated name, parsed, and deleted; results in the order given.
    `given`: the city and year of files naming none (etl.figures.Given)."""
    folder = folder or upload_dir()
    folder.mkdir(parents=True, exist_ok=True)
    results = []
    for i, f in enumerate(files):
        if progress:
            progress(i, len(files), f.name)
        path = folder / f"{uuid.uuid4().hex}{f.ext}"
        try:
            with open(path, "xb") as fh:
                fh.write(f.data)
            results.append(parse_file(path, display_name=f.name, **({"given": given} if given else {})))
        finally:
            path.unlink(missing_ok=True)
    if progress:
        progress(len(files), len(files), "")
    return results


def unknown_wordings(results: list[FileResult]) -> list[tuple[str, str, int]]:
    """(wording, file, cells) for every metric name the catalog did not know (rows rejected or left out)."""
    out = []
    for r in results:
        seen = Counter(str(p.params.get("found")) for p in r.problems
                       if p.key in ("unknown_metric", "unknown_metric_skipped") and p.params.get("found"))
        out += [(wording, r.name, n) for wording, n in sorted(seen.items())]
    return out


REVIEW_COLUMNS = ("Місто", "Код КАТОТТГ", "Підрозділ", "Період", "Показник", "Значення", "Станом на",
                  "Приблизно", "Розбивка", "Примітка", "Речення")
PROBLEM_COLUMNS = ("Файл", "Аркуш!клітинка", "Вид", "Повідомлення")


def review_rows(results: list[FileResult]) -> list[list[object]]:
    """Every figure found, in the long layout that the upload page (and `etl load`) reads back."""
    rows = []
    for r in results:
        report = r.kind in REPORT_KINDS
        for f in r.figures:
            try:
                city = get_place(f.place_code).name_uk
            except PlaceError:
                city = None
            rows.append([
                city, f.place_code, f.department, period_text(f.period), get_metric(f.metric).label_uk,
                "н/з" if f.status != "reported" else f.value, f.as_of, "так" if f.approximate else None,
                f.breakdown, r.name if report else f"{r.name}, {f.locator}", f.locator if report else None,
            ])
    return rows


def write_review(results: list[FileResult], target) -> int:
    """The review workbook: "Показники" (the figures, to correct and send again) and "Проблеми"
    (every error and warning with its file and cell). `target` is a path or a binary buffer."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(target, {"in_memory": True, "strings_to_formulas": False,
                                      "strings_to_urls": False})
    try:
        head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        day = wb.add_format({"num_format": "dd.mm.yyyy"})
        ws = wb.add_worksheet("Показники")
        ws.write_row(0, 0, REVIEW_COLUMNS, head)
        rows = review_rows(results)
        for i, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if c == 6:
                    ws.write_datetime(i, c, _midnight(value), day)
                elif isinstance(value, str):
                    ws.write_string(i, c, value)
                else:
                    ws.write_number(i, c, value)
        for c, width in enumerate((14, 22, 40, 18, 44, 10, 12, 10, 24, 34, 60)):
            ws.set_column(c, c, width)
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, max(1, len(rows)), len(REVIEW_COLUMNS) - 1)
        sheet = wb.add_worksheet("Проблеми")
        sheet.write_row(0, 0, PROBLEM_COLUMNS, head)
        problems = [p for r in results for p in r.problems]
        for i, p in enumerate(problems, start=1):
            for c, text in enumerate((p.file, p.locator or "", "помилка" if p.severity == ERROR else "попередження",
                                      p.message("uk"))):
                sheet.write_string(i, c, text)
        for c, width in enumerate((30, 16, 14, 110)):
            sheet.set_column(c, c, width)
    finally:
        wb.close()
    return len(rows)


def _midnight(d: date) -> datetime:
    return datetime(d.year, d.month, d.day)
