"""File and sheet names from outside become safe labels; every limit is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.intake.names import MAX_NAME_CHARS, clean_text, safe_display_name
from etl.load.parse import parse_file
from tests.conftest import DEPT_NIZHYN, long_rows, write_xlsx

ROOT = Path(__file__).resolve().parents[1]
UNSAFE = re.compile("[/\\\\\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


@pytest.mark.parametrize(("raw", "shown"), [
    ("звіт_2024.xlsx", "звіт_2024.xlsx"),
    ("../../etc/passwd", "passwd"),
    ("..\\..\\Windows\\win.ini", "win.ini"),
    ("C:\\Users\\x\\звіт.xlsx", "звіт.xlsx"),
    ("звіт\x00.xlsx", "звіт .xlsx"),
    ("рядок\nдругий.xlsx", "рядок другий.xlsx"),
    ("звіт\u202exslx.exe", "звіт xslx.exe"),
    ("\u200fзвіт.xlsx", "звіт.xlsx"),
    ("CON", "_CON"),
    ("con.xlsx", "_con.xlsx"),
    ("NUL.tar.gz", "_NUL.tar.gz"),
    ("LPT1.csv", "_LPT1.csv"),
    ("CONSOLE.xlsx", "CONSOLE.xlsx"),
    ("a<b>:c|d?.xlsx", "a_b__c_d_.xlsx"),
    ("звіт. ", "звіт"),
    ("../", "без назви"),
    ("", "без назви"),
])
def test_display_names(raw: str, shown: str) -> None:
    assert safe_display_name(raw) == shown


@given(st.text(max_size=300))
def test_any_name_becomes_a_safe_label(raw: str) -> None:
    shown = safe_display_name(raw)
    assert shown and len(shown) <= MAX_NAME_CHARS
    assert not UNSAFE.search(shown)
    assert shown.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT1"}
    assert safe_display_name(shown) == shown  # stable: a stored name maps to itself


def test_clean_text_keeps_ordinary_sheet_names() -> None:
    assert clean_text("Звіт 2019 (І квартал)") == "Звіт 2019 (І квартал)"
    assert clean_text("CON") == "CON"  # only file names get the Windows rule
    assert clean_text("a\u202eb\nc") == "a b c"


def test_a_display_name_is_never_opened(tmp_path: Path) -> None:
    real = write_xlsx(tmp_path / "upload-7f3a.xlsx", {"A": long_rows(["Ніжин", DEPT_NIZHYN, "2021-03", "news_published", 5, None])})
    result = parse_file(real, display_name="../../etc/passwd.xlsx")
    assert result.ok and result.name == "passwd.xlsx" and len(result.figures) == 1
