"""What the app says, in Ukrainian first and English on the switch. Keys are English ids.

One way to say a text in the user's language: `translator(table)` over a module's own (uk, en)
table gives `t(key, lang, **params)`. The words several modules say live once, in `WORDS`, looked
up with `tr(key, lang, **params)`; a module's own table holds only the texts it alone says. A pair
that comes with the data rather than from a table (a place's names, an error's two messages) is
told apart with `pick`. Every language choice between Ukrainian and English texts is made here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

# The words said by more than one module: page titles, filters, column headers, marks and messages.
WORDS: dict[str, tuple[str, str]] = {
    # page titles (the navigation and each page)
    "overview_title": ("Огляд", "Overview"),
    "trends_title": ("Динаміка", "Trends"),
    "compare_title": ("Порівняння", "Compare"),
    "civil_title": ("Громадянське суспільство", "Civil society"),
    "data_title": ("Дані", "Data"),
    "review_title": ("Перевірка звіту", "Review a report"),
    "holdings_title": ("Що є у сховищі", "What the warehouse holds"),
    "upload_title": ("Завантаження", "Upload"),
    "sources": ("Джерела", "Sources"),  # the Sources page, and the sources of figures in an export
    "password_again": ("Пароль ще раз", "Password again"),
    "passwords_differ": ("Паролі не збігаються.", "The passwords do not match."),
    "when": ("Коли", "When"),
    "accounts_title": ("Користувачі", "Accounts"),
    "quality_title": ("Якість даних", "Data quality"),
    # the warehouse and the filters
    "no_warehouse_at": ("Сховища {db} немає. Спершу: python -m etl build", "There is no warehouse {db}. First: python -m etl build"),
    "no_warehouse": (
        "Сховище ще не створено. Виконайте `make run` або `python -m etl build`, щоб завантажити дані з data/.",
        "There is no warehouse yet. Run `make run` or `python -m etl build` to load the data in data/.",
    ),
    "busy": ("Сховище зайняте іншим завантаженням; спробуйте за хвилину.",
             "The warehouse is busy with another load; try again in a minute."),
    "load_into_warehouse": ("Завантажити у сховище", "Load into the warehouse"),
    "hide_demo": ("Приховати демо-дані", "Hide demo data"),
    "pick_places_hint": ("Оберіть одне чи кілька міст вище.", "Choose one or more cities above."),
    "pick_city": ("Оберіть місто на бічній панелі.", "Choose a city in the sidebar."),
    "pick_metric": ("Оберіть показник на бічній панелі.", "Choose a metric in the sidebar."),
    "nothing_for_filters": (
        "За цими фільтрами даних немає. Змініть роки, міста чи показники, або завантажте дані: "
        "`python -m etl load ФАЙЛ.xlsx`.",
        "No figures match these filters. Change the years, cities or metrics, or load data: "
        "`python -m etl load FILE.xlsx`.",
    ),
    "city": ("Місто", "City"),
    "cities": ("Міста", "Cities"),
    "department": ("Підрозділ", "Department"),
    "departments": ("Підрозділи", "Departments"),
    "metric": ("Показник", "Metric"),
    "metrics": ("Показники", "Metrics"),
    "category": ("Категорія", "Category"),
    "period": ("Період", "Period"),
    "granularity": ("Періодичність", "Granularity"),
    "gran_month": ("місяць", "month"),
    "gran_quarter": ("квартал", "quarter"),
    "gran_half_year": ("півріччя", "half-year"),
    "gran_year": ("рік", "year"),
    "gran_week": ("тиждень", "week"),
    "gran_custom": ("інший період", "custom span"),
    "gran_by_month": ("по місяцях", "by month"),
    "gran_by_quarter": ("по кварталах", "by quarter"),
    "gran_by_year": ("по роках", "by year"),
    "basis": ("Основа", "Basis"),
    "basis_total": ("Усього", "Total"),
    "basis_per_month": ("У середньому за місяць", "Average per month"),
    "basis_per_10k": ("На 10 000 мешканців", "Per 10,000 residents"),
    # columns and marks of tables
    "value": ("Значення", "Value"),
    "as_of": ("Станом на", "As of"),
    "as_of_date": ("станом на {d}", "as of {d}"),
    "kind": ("Вид", "Kind"),
    "type": ("Тип", "Type"),
    "demo": ("Демо", "Demo"),
    "demo_label": ("демо", "demo"),
    "approx": ("приблизно", "approximate"),
    "approx_mark": ("≈", "≈"),
    "not_reported": ("не подано", "not reported"),
    "months_of": ("{n} з {m} міс.", "{n} of {m} months"),
    "partial": ("неповний період: {n} з {m} міс.", "partial period: {n} of {m} months"),
    "spread": ("середнє за місяць зі звіту за {span}", "monthly average from the report for {span}"),
    "coverage": ("Охоплення", "Coverage"),
    "change": ("Зміна", "Change"),
    "change_pct": ("Зміна, %", "Change, %"),
    "notes": ("Примітки", "Notes"),
    "breakdown": ("Розбивка", "Breakdown"),
    "source": ("Джерело", "Source"),
    "file": ("Файл", "File"),
    "files": ("Файли", "Files"),
    "file_or_report": ("Файл або звіт", "File or report"),
    "report": ("Звіт", "Report"),
    "sentence": ("Речення", "Sentence"),
    "cell": ("Клітинка", "Cell"),
    "n_figures": ("Показників", "Figures"),
    "n_warnings": ("Попереджень", "Warnings"),
    "error": ("помилка", "error"),
    "warning": ("попередження", "warning"),
    "yes": ("так", "yes"),
    "no": ("ні", "no"),
    # what a load did to a file
    "added": ("додано", "added"),
    "unchanged": ("без змін", "unchanged"),
    "replaced_previous": ("замінено попередню версію", "replaced the previous version"),
    # charts and notes
    "stocks_title": ("{metric}: рівень на дату, {span}", "{metric}: level on a date, {span}"),
    "demo_points": (
        "Демо-дані: {n} з {m} точок графіка згенеровано для показу (позначено «демо» у підказці).",
        "Demo data: {n} of {m} chart points are generated for illustration (marked 'demo' on hover).",
    ),
    "population_note": ("Населення: {sources}.", "Population: {sources}."),
    "no_population": ("Немає даних про населення для частини міст: на 10 000 мешканців не порахувати.",
                      "Population is missing for some cities: per 10,000 residents cannot be computed."),
}


def pick(uk: str, en: str, lang: str = "uk") -> str:
    """The one of two texts in `lang`: English for "en", else Ukrainian."""
    return en if lang == "en" else uk


def translator(table: Mapping[str, tuple[str, str]], *, missing: str | None = None) -> Callable[..., str]:
    """`t(key, lang="uk", **params)` over a (uk, en) table: the text in that language, with its
    {placeholders} filled from `params`. A placeholder without a value is an error, or, when
    `missing` is given, that text (for messages whose parameters vary)."""

    def t(key: str, lang: str = "uk", **params: object) -> str:
        text = pick(*table[key], lang)
        return text.format(**params) if missing is None else text.format_map(_Missing(params, missing))

    return t


class _Missing(dict):
    def __init__(self, params: Mapping[str, object], missing: str) -> None:
        super().__init__(params)
        self.missing = missing

    def __missing__(self, key: str) -> str:
        return self.missing


tr = translator(WORDS)  # the words shared by several modules


def span_label(start, end, lang: str = "uk") -> str:
    """'2017–2024' for whole years, else the dates: the span a chart or table covers."""
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        years = str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
        return f"{years} рр." if lang == "uk" and start.year != end.year else (f"{years} р." if lang == "uk" else years)
    fmt = "%d.%m.%Y" if lang == "uk" else "%Y-%m-%d"
    return f"{start.strftime(fmt)}–{end.strftime(fmt)}"


def plural(n: int, lang: str = "uk") -> str:
    """The plural form a count takes: "one", "few" or "many" in Ukrainian (1 показник, 2 показники,
    5 показників), "one" or "many" in English; a table keeps one text per form."""
    if lang == "en":
        return "one" if n == 1 else "many"
    if n % 10 == 1 and n % 100 != 11:
        return "one"
    return "few" if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else "many"
