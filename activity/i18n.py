"""What the app says, in Ukrainian first and English on the switch. Keys are English ids."""

from __future__ import annotations

from collections.abc import Callable

UI: dict[str, tuple[str, str]] = {
    "app_title": ("Показники діяльності відділів міських рад", "Activity of city-council departments"),
    "language": ("Мова", "Language"),
    "holdings_title": ("Що є у сховищі", "What the warehouse holds"),
    "overview_title": ("Огляд", "Overview"),
    "trends_title": ("Динаміка", "Trends"),
    "compare_title": ("Порівняння", "Compare"),
    "civil_title": ("Громадянське суспільство", "Civil society"),
    "data_title": ("Дані", "Data"),
    "review_title": ("Перевірка звіту", "Review a report"),
    "upload_title": ("Завантаження", "Upload"),
    "sources_title": ("Джерела", "Sources"),
    "quality_title": ("Якість даних", "Data quality"),
    "damaged_warehouse": (
        "Файл сховища пошкоджено, тож показати дані неможливо ({detail}). Відновіть попередню версію: "
        "скопіюйте `warehouse.duckdb.previous` (або свою резервну копію) на місце `warehouse.duckdb`; "
        "або перебудуйте: `python -m etl build --fresh` і знову `python -m etl load` ваших файлів.",
        "The warehouse file is damaged, so nothing can be shown ({detail}). Restore the previous version: "
        "copy `warehouse.duckdb.previous` (or your own backup) over `warehouse.duckdb`; or rebuild: "
        "`python -m etl build --fresh`, then `python -m etl load` your files again.",
    ),
    "outdated_warehouse": (
        "Сховище створене старішою версією програми ({detail}), тож показати дані неможливо. Перебудуйте "
        "його: `python -m etl build --fresh`, тоді знову `python -m etl load` ваших файлів.",
        "The warehouse was written by an older version of the app ({detail}), so nothing can be shown. "
        "Rebuild it: `python -m etl build --fresh`, then `python -m etl load` your files again.",
    ),
    "no_warehouse": (
        "Сховище ще не створено. Виконайте `make run` або `python -m etl build`, щоб завантажити дані з data/.",
        "There is no warehouse yet. Run `make run` or `python -m etl build` to load the data in data/.",
    ),
    "empty": (
        "У сховищі ще немає показників. Завантажте таблиці: `python -m etl load ФАЙЛ.xlsx`.",
        "The warehouse holds no figures yet. Load spreadsheets: `python -m etl load FILE.xlsx`.",
    ),
    "figures": ("Показників", "Figures"),
    "cities": ("Міст", "Cities"),
    "metrics": ("Метрик", "Metrics"),
    "sources": ("Джерел", "Sources"),
    "demo_note": (
        "Із них демонстраційних: {n}. Демо-дані згенеровано для показу; їх позначено «демо».",
        "Of these, demo figures: {n}. Demo data is generated for illustration and labelled 'demo'.",
    ),
    "hide_demo": ("Приховати демо-дані", "Hide demo data"),
    "by_metric": ("Показники за містом, метрикою та періодичністю", "Figures by city, metric and granularity"),
    "by_place": ("Показники за містом", "Figures by city"),
    "holdings_many": ("У сховищі {n} міст і громад: тут по рядку на кожне. Оберіть міста нижче, щоб побачити "
                      "їхні показники за відділом, метрикою та періодичністю.",
                      "The warehouse holds {n} cities and hromadas: one row for each here. Choose cities below "
                      "to see their figures by department, metric and granularity."),
    "holdings_pick": ("Міста для докладної таблиці", "Cities for the detailed table"),
    "pick_places_hint": ("Оберіть одне чи кілька міст вище.", "Choose one or more cities above."),
    "loaded_files": ("Завантажені файли", "Loaded files"),
    "col_city": ("Місто", "City"),
    "col_department": ("Підрозділ", "Department"),
    "col_metric": ("Показник", "Metric"),
    "col_granularity": ("Періодичність", "Granularity"),
    "col_demo": ("Демо", "Demo"),
    "col_figures": ("Кількість", "Figures"),
    "col_first": ("Від", "From"),
    "col_last": ("До", "To"),
    "col_name": ("Файл", "File"),
    "col_kind": ("Тип", "Type"),
    "col_warnings": ("Попереджень", "Warnings"),
    "col_loaded_at": ("Завантажено", "Loaded at"),
    "col_loaded_by": ("Ким", "By"),
    "city": ("Місто", "City"),
    "cities_pick": ("Міста", "Cities"),
    "metric": ("Показник", "Metric"),
    "metrics_pick": ("Показники", "Metrics"),
    "years": ("Роки", "Years"),
    "granularity": ("Періодичність", "Granularity"),
    "basis": ("Основа", "Basis"),
    "basis_total": ("Усього", "Total"),
    "basis_per_month": ("У середньому за місяць", "Average per month"),
    "basis_per_10k": ("На 10 000 мешканців", "Per 10,000 residents"),
    "demo_label": ("демо", "demo"),
    "demo_points": (
        "Демо-дані: {n} з {m} точок графіка згенеровано для показу (позначено «демо» у підказці).",
        "Demo data: {n} of {m} chart points are generated for illustration (marked 'demo' on hover).",
    ),
    "pick_city": ("Оберіть місто на бічній панелі.", "Choose a city in the sidebar."),
    "pick_metric": ("Оберіть показник на бічній панелі.", "Choose a metric in the sidebar."),
    "nothing_for_filters": (
        "За цими фільтрами даних немає. Змініть роки, міста чи показники, або завантажте дані: "
        "`python -m etl load ФАЙЛ.xlsx`.",
        "No figures match these filters. Change the years, cities or metrics, or load data: "
        "`python -m etl load FILE.xlsx`.",
    ),
    "yes": ("так", "yes"),
    "no": ("ні", "no"),
}

GRANULARITY: dict[str, tuple[str, str]] = {
    "month": ("місяць", "month"),
    "quarter": ("квартал", "quarter"),
    "half_year": ("півріччя", "half-year"),
    "year": ("рік", "year"),
    "week": ("тиждень", "week"),
    "custom": ("інший період", "custom span"),
}


GRANULARITY_BY: dict[str, tuple[str, str]] = {
    "month": ("по місяцях", "by month"),
    "quarter": ("по кварталах", "by quarter"),
    "year": ("по роках", "by year"),
}


def span_label(start, end, lang: str = "uk") -> str:
    """'2017–2024' for whole years, else the dates: the span a chart or table covers."""
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        years = str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
        return f"{years} рр." if lang == "uk" and start.year != end.year else (f"{years} р." if lang == "uk" else years)
    fmt = "%d.%m.%Y" if lang == "uk" else "%Y-%m-%d"
    return f"{start.strftime(fmt)}–{end.strftime(fmt)}"


def translator(table: dict[str, tuple[str, str]]) -> Callable[..., str]:
    """`t(key, lang, **params)` over a module's own (uk, en) table: the text in that language, with
    its {placeholders} filled. Every module with words of its own keeps them in such a table."""

    def t(key: str, lang: str = "uk", **params: object) -> str:
        uk, en = table[key]
        return (en if lang == "en" else uk).format(**params)

    return t


tr = translator(UI)  # the words shared by several pages


def granularity_by(code: str, lang: str = "uk") -> str:
    uk, en = GRANULARITY_BY.get(code, (code, code))
    return en if lang == "en" else uk


def granularity_label(code: str, lang: str = "uk") -> str:
    uk, en = GRANULARITY.get(code, (code, code))
    return en if lang == "en" else uk
