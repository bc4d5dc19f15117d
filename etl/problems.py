"""Problems found in input files, each naming its file, sheet and cell, in Ukrainian or English.

Every check adds a `Problem` with a message key and parameters; the text is produced in the user's
language only when shown. Keys and their texts live in `MESSAGES`, one place for both languages,
said with activity.i18n's translator. A parameter named `x_en` is the English of `x` (a detail
worded in both languages): the English text says `{x}` and gets it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from activity.i18n import tr, translator

ERROR = "error"
WARNING = "warning"

# key: (Ukrainian, English). Parameters are filled with str.format; a missing one is left blank.
MESSAGES: dict[str, tuple[str, str]] = {
    "file_unreadable": (
        "Не вдалося прочитати файл: {detail}",
        "The file could not be read: {detail}",
    ),
    "file_type": (
        "Непідтримуваний тип файлу «{ext}». Приймаються таблиці .xlsx, .xls, .csv, .ods і звіти .txt, .docx, .doc, "
        ".pdf, .html.",
        "Unsupported file type '{ext}'. Accepted: spreadsheets .xlsx, .xls, .csv, .ods and reports .txt, .docx, "
        ".doc, .pdf, .html.",
    ),
    "file_not_what_it_says": (
        "Файл має розширення {ext}, але всередині {actual}. {hint}",
        "The file is named {ext} but contains {actual}. {hint}",
    ),
    "file_encrypted": (
        "Книга захищена паролем (зашифрована). Зніміть пароль у Excel і збережіть знову.",
        "The workbook is password-encrypted. Remove the password in Excel and save it again.",
    ),
    "report_encrypted": (
        "Документ захищено паролем. Зніміть пароль і збережіть його знову.",
        "The document is password-protected. Remove the password and save it again.",
    ),
    "pdf_no_text": (
        "У PDF немає текстового шару (схоже на скан). Розпізнайте текст або надішліть звіт як .docx чи .txt.",
        "The PDF has no text layer (it looks like a scan). Run text recognition or send the report as .docx or .txt.",
    ),
    "html_no_text": (
        "На сторінці не знайдено тексту статті. Збережіть сторінку повністю (HTML) або скопіюйте текст звіту.",
        "No article text was found on the page. Save the complete page (HTML) or copy the report's text.",
    ),
    "doc_no_converter": (
        "Для старих документів Word (.doc) потрібна програма antiword або LibreOffice, а їх тут немає. "
        "Збережіть документ як .docx.",
        "Old Word documents (.doc) need antiword or LibreOffice, and neither is installed here. "
        "Save the document as .docx.",
    ),
    "file_too_big": (
        "Файл завеликий: {detail}.",
        "The file is too large: {detail}.",
    ),
    "file_unsafe": (
        "Файл відхилено з міркувань безпеки: {detail}.",
        "The file was refused for safety: {detail}.",
    ),
    "no_figures": (
        "У файлі не знайдено жодного показника. Перевірте, що таблиця має рядок заголовків "
        "(довгий формат: Місто, Підрозділ, Період, Показник, Значення; широкий: «Показник» і місяці).",
        "No figures were found in the file. Check that the table has a header row (long layout: "
        "city, department, period, metric, value; wide layout: 'Показник' and months).",
    ),
    "sheet_hidden": (
        "Аркуш «{sheet}» прихований — його пропущено.",
        "Sheet '{sheet}' is hidden and was skipped.",
    ),
    "rows_hidden": (
        "Приховані рядки пропущено: {rows}.",
        "Hidden rows were skipped: {rows}.",
    ),
    "sheet_no_table": (
        "На аркуші «{sheet}» не знайдено таблиці показників — аркуш пропущено.",
        "No table of figures was found on sheet '{sheet}'; the sheet was skipped.",
    ),
    "missing_column": (
        "Немає обов’язкового стовпця «{column}» у рядку заголовків {row}.",
        "The required column '{column}' is missing from header row {row}.",
    ),
    "missing_context": (
        "Не вказано {what}: додайте рядок «{label} …» над таблицею, або вкажіть це в назві аркуша чи файлу{option}.",
        "No {what} given: add a row '{label} …' above the table, or put it in the sheet or file name{option}.",
    ),
    "unknown_place": ("{detail}", "{detail}"),
    "place_normalised": (
        "Назву «{found}» прочитано як «{place}».",
        "The name '{found}' was read as '{place}'.",
    ),
    "empty_value": (
        "Порожня клітинка там, де потрібне значення ({what}).",
        "Empty cell where a value is required ({what}).",
    ),
    "unknown_metric": (
        "Невідомий показник «{found}».{hint}",
        "Unknown metric '{found}'.{hint}",
    ),
    "metric_inferred": (
        "Рядок «{found}» прочитано як показник «{metric}» ({code}): він містить «{wording}». Якщо це інший "
        "показник, запам’ятайте назву: python -m etl wordings add.",
        "The row '{found}' was read as the metric '{metric}' ({code}): it holds '{wording}'. If another metric is "
        "meant, remember the wording: python -m etl wordings add.",
    ),
    "unknown_metric_skipped": (
        "Рядок з невідомим показником «{found}» пропущено, решту файлу завантажено.{hint}",
        "The row with the unknown metric '{found}' was left out; the rest of the file was loaded.{hint}",
    ),
    "bad_period": ("{detail}", "{detail}"),
    "bad_date": (
        "Не вдалося прочитати дату «{found}»; очікується дд.мм.рррр, наприклад 01.10.2019.",
        "Could not read the date '{found}'; expected dd.mm.yyyy, e.g. 01.10.2019.",
    ),
    "bad_number": ("{detail}", "{detail}"),
    "bool_in_number": (
        "Логічне значення {found} у клітинці для числа; очікується кількість.",
        "A logical value {found} in a number cell; a count is expected.",
    ),
    "excel_error": (
        "Помилка Excel {found} замість числа; виправте формулу або впишіть значення.",
        "Excel error {found} instead of a number; fix the formula or type the value.",
    ),
    "formula_no_value": (
        "Формулу ніколи не було обчислено, тож значення невідоме. Відкрийте файл в Excel і збережіть "
        "його (або впишіть число).",
        "The formula was never calculated, so its value is unknown. Open the file in Excel and save "
        "it (or type the number).",
    ),
    "negative_count": (
        "Від’ємна кількість {found}; показник «{metric}» не може бути меншим за нуль.",
        "Negative count {found}; the metric '{metric}' cannot be below zero.",
    ),
    "fractional_count": (
        "Дробова кількість {found}; показник «{metric}» — ціле число.",
        "Fractional count {found}; the metric '{metric}' is a whole number.",
    ),
    "dash_as_missing": (
        "Прочерк прочитано як «не подано». Якщо мається на увазі нуль, впишіть 0.",
        "A dash was read as 'not reported'. If zero is meant, type 0.",
    ),
    "duplicate_conflict": (
        "Показник «{metric}» за {period} уже вказано в {other} зі значенням {other_value}, "
        "а тут {value}. Залиште одне значення.",
        "The metric '{metric}' for {period} is already given in {other} as {other_value}, "
        "here as {value}. Keep one value.",
    ),
    "value_implausible": (
        "Значення {value} для «{metric}» за {period} неправдоподібне: понад {limit}. Перевірте розряди й одиниці "
        "(чи не потрапив у клітинку номер телефону або сума за кілька років).",
        "The value {value} for '{metric}' in {period} is implausible: above {limit}. Check the digits and units "
        "(a phone number, or a total of several years, in the cell?).",
    ),
    "duplicate_same": (
        "Показник «{metric}» за {period} повторює {other}; враховано один раз.",
        "The metric '{metric}' for {period} repeats {other}; counted once.",
    ),
    "total_mismatch": (
        "«Разом» = {total}, а сума місяців = {sum}. Завантажено місяці; перевірте підсумок.",
        "'Total' = {total} but the months sum to {sum}. The months were loaded; check the total.",
    ),
    "column_ignored": (
        "Стовпець «{found}» не розпізнано як період, а в ньому є значення. {detail}",
        "Column '{found}' is not a period but holds values. {detail}",
    ),
    "too_many": (
        "Забагато проблем у файлі; показано перші {n}.",
        "Too many problems in the file; the first {n} are shown.",
    ),
}


message_text = translator(MESSAGES, missing="")  # a message lacking a parameter still shows


@dataclass(frozen=True)
class Problem:
    """One thing wrong (error) or worth knowing (warning) about an input file."""

    severity: str
    key: str
    file: str
    sheet: str | None = None
    cell: str | None = None
    params: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def where(self) -> str:
        """`file.xlsx, Звіт!E4`, `file.csv, E4` or just the file name."""
        if self.cell and self.sheet:
            return f"{self.file}, {self.sheet}!{self.cell}"
        if self.cell:
            return f"{self.file}, {self.cell}"
        if self.sheet:
            return f"{self.file}, {self.sheet}"
        return self.file

    @property
    def locator(self) -> str | None:
        if self.cell and self.sheet:
            return f"{self.sheet}!{self.cell}"
        return self.cell or self.sheet

    def message(self, lang: str = "uk") -> str:
        params = dict(self.params)
        if lang == "en":  # the English of a detail given in both languages
            params.update({k.removesuffix("_en"): v for k, v in self.params.items() if k.endswith("_en")})
        return message_text(self.key, lang, **params)

    def render(self, lang: str = "uk") -> str:
        return f"{self.where}: {tr(self.severity, lang)}: {self.message(lang)}"

    def as_dict(self, lang: str = "uk") -> dict:
        return {
            "severity": self.severity,
            "key": self.key,
            "file": self.file,
            "sheet": self.sheet,
            "cell": self.cell,
            "message": self.message(lang),
        }


def cell_name(row: int, col: int) -> str:
    """0-based row and column to an A1 reference: (3, 4) -> 'E4'."""
    return f"{column_letters(col)}{row + 1}"


@functools.lru_cache(maxsize=1024)
def column_letters(col: int) -> str:
    """0 -> 'A', 26 -> 'AA'."""
    letters = ""
    n = col + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_index(letters: str) -> int:
    """'A' -> 0, 'AA' -> 26."""
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n - 1
