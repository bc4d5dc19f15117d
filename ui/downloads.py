"""Download buttons beside a table or chart: .xlsx and .csv of exactly what is shown.

Nothing is built until a button is clicked: each button gets a callable (Streamlit's deferred
download, `data=callable`), which runs `build()` on the server at the click and turns its tables
into bytes with activity.export.table; `on_click="ignore"` keeps the page from rerunning. `build()` must
only use what it closes over (it runs outside the page's script run).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from activity.export import export_bytes
from activity.export.report_docx import DOCX_MIME
from activity.export.table import ExportContext, ExportTable, file_stem
from activity.i18n import translator

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MIME = "text/csv"
T = {
    "xlsx": ("Excel (.xlsx)", "Excel (.xlsx)"),
    "xlsx_help": ("Таблиця, як на екрані: справжні числа й дати, закріплений заголовок, фільтри; аркуші «Джерела» "
                  "(звідки кожне число) і «Показники» (визначення).",
                  "The table as shown: real numbers and dates, a frozen header, filters; the sheets 'Sources' "
                  "(where each figure comes from) and 'Metrics' (definitions)."),
    "csv": ("CSV (;)", "CSV (;)"),
    "csv_help": ("Для українського Excel: роздільник «;», десяткова кома, UTF-8.",
                 "For Excel set to Ukrainian: ';' separator, decimal comma, UTF-8."),
    "csv_comma": ("CSV (,)", "CSV (,)"),
    "csv_comma_help": ("Роздільник «,» і десяткова крапка (англомовні програми).",
                       "',' separator and a decimal point (English-language software)."),
    "report": ("Звіт для доповіді (.xlsx)", "Report workbook (.xlsx)"),
    "report_docx": ("Звіт (.docx)", "Report (.docx)"),
}

Build = Callable[[], tuple[ExportTable | Sequence[ExportTable], ExportContext]]


t = translator(T)


def download_buttons(build: Build, key: str, name: str, lang: str) -> None:
    """Excel, CSV (;) and CSV (,) buttons in a row; `name` gives the file name."""
    stem = file_stem(name)
    row = st.container(horizontal=True, gap="small", key=f"dl_{key}")
    row.download_button(t("xlsx", lang), data=lambda: export_bytes(*build(), "xlsx"), file_name=f"{stem}.xlsx",
                        mime=XLSX_MIME, key=f"dl_{key}_xlsx", help=t("xlsx_help", lang), on_click="ignore",
                        icon=":material/download:")
    row.download_button(t("csv", lang), data=lambda: export_bytes(*build(), "csv", ";"), file_name=f"{stem}.csv",
                        mime=CSV_MIME, key=f"dl_{key}_csv", help=t("csv_help", lang), on_click="ignore")
    row.download_button(t("csv_comma", lang), data=lambda: export_bytes(*build(), "csv", ","),
                        file_name=f"{stem}.csv", mime=CSV_MIME, key=f"dl_{key}_csv_comma",
                        help=t("csv_comma_help", lang), on_click="ignore", type="tertiary")


def report_button(build: Callable[[], bytes], name: str, help_text: str, *, key: str, lang: str) -> None:
    """One button for a ready workbook (the report), built at the click."""
    st.download_button(t("report", lang), data=build, file_name=f"{file_stem(name)}.xlsx", mime=XLSX_MIME,
                       key=f"dl_{key}", help=help_text, on_click="ignore", icon=":material/description:")


def report_docx_button(build: Callable[[], bytes], name: str, help_text: str, *, key: str, lang: str) -> None:
    """One button for the written report (a Word document), built at the click."""
    st.download_button(t("report_docx", lang), data=build, file_name=f"{file_stem(name)}.docx", mime=DOCX_MIME,
                       key=f"dl_{key}", help=help_text, on_click="ignore", icon=":material/article:")
