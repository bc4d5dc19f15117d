"""A council name two places share ("Долинської міської ради": Dolyna and Dolynska) is told apart by an
oblast the report names anywhere, or by its file name; with neither, the report asks (an error naming
both) and never guesses. Every text here is invented."""

from __future__ import annotations

import pytest

from etl.reports.extraction import extract_text

TITLE = "Звіт про роботу сектору комунікацій Долинської міської ради за ІІ півріччя 2021 року\n"
BODY = "Оприлюднено 120 новин на сайті.\n"


def test_an_oblast_named_anywhere_tells_the_place() -> None:
    read = extract_text(TITLE + BODY + "Звіт направлено до Кіровоградської обласної військової адміністрації.\n",
                        "звіт.txt")
    assert read.place is not None and read.place.name_uk == "Долинська" and read.place.oblast_uk == "Кіровоградська"
    read = extract_text(TITLE + BODY + "77500, Івано-Франківська обл., м. Долина\n", "звіт.txt")
    assert read.place is not None and read.place.name_uk == "Долина"


def test_the_file_name_tells_the_place_when_the_text_cannot() -> None:
    read = extract_text(TITLE + BODY, "dolyna_2021_h2.txt")
    assert read.place is not None and read.place.name_uk == "Долина"
    assert read.department == "сектор комунікацій Долинської міської ради"


def test_with_nothing_to_tell_them_apart_the_report_asks() -> None:
    read = extract_text(TITLE + BODY, "звіт.txt")
    assert read.place is None
    errors = [p for p in read.problems if p.key == "report_city"]
    assert errors and "Долина" in errors[0].params["detail"] and "Долинська" in errors[0].params["detail"]


def test_a_town_of_two_words_after_m_is_read_whole() -> None:
    for town in ("Жовті Води", "Новий Буг", "Новгород-Сіверський"):
        read = extract_text(f"Звіт про роботу відділу комунікацій за березень 2024 року\n"
                            f"Оприлюднено 120 новин на сайті м. {town}.\n", "звіт.txt")
        assert read.place is not None and read.place.name_uk == town


def test_a_town_two_oblasts_have_is_told_apart_by_the_oblast_named() -> None:
    text = "Звіт про роботу відділу комунікацій за березень 2024 року\nОприлюднено 120 новин на сайті м. Південне.\n"
    assert extract_text(text, "звіт.txt").place is None  # asked, not guessed
    read = extract_text(text + "Адреса: м. Південне, Одеська обл.\n", "звіт.txt")
    assert read.place is not None and read.place.name_uk == "Південне" and read.place.oblast_uk == "Одеська"


def test_an_oblast_named_through_its_administration_cut_short_tells_apart_a_shared_name() -> None:
    text = "Звіт загального відділу Городоцької міської ради за 2021 рік\nЗареєстровано 9 874 документи.\n"
    assert extract_text(text, "звіт.txt").place is None  # two oblasts have a Городок: asked, not guessed
    for said, oblast in (("до Хмельницької облдержадміністрації", "Хмельницька"),
                         ("на запит Львівської облвійськадміністрації", "Львівська"),
                         ("за дорученням Хмельницької облради", "Хмельницька")):
        read = extract_text(text + f"Надіслано 8 звітів {said}.\n", "звіт.txt")
        assert read.place is not None and read.place.name_uk == "Городок" and read.place.oblast_uk == oblast, said


def test_a_shared_name_told_apart_once_is_read_as_that_place_from_then_on() -> None:
    from activity.places import PlaceError, resolve_place
    from etl.load.place_names import remember_place

    first = extract_text(TITLE + BODY, "звіт.txt")
    assert first.place is None and first.shared_name == "Долинської міської ради"
    dolyna = resolve_place("Долина Івано-Франківська область").place
    remember_place(first.shared_name, dolyna.code, user="olena")
    again = extract_text(TITLE + BODY, "звіт.txt")
    assert again.place is not None and again.place.code == dolyna.code
    assert not any(p.key == "report_city" for p in again.problems)
    # the oblast the text names still wins over what was remembered
    other = extract_text(TITLE + BODY + "Кіровоградська обл.\n", "звіт.txt")
    assert other.place is not None and other.place.name_uk == "Долинська"
    with pytest.raises(PlaceError):
        remember_place("Долинської міської ради", "UA00000000000000000", user="olena")


def test_a_renamed_city_whose_name_is_the_councils_adjective_is_read_through_that_adjective() -> None:
    # the codifier names these cities' hromadas otherwise (Червоноградська, Дружбівська)
    for title, town in (("Звіт управління комунікацій Шептицької міської ради за травень 2025 року", "Шептицький"),
                        ("ЗВІТ ВІДДІЛУ ДІЛОВОДСТВА ШЕПТИЦЬКОЇ МІСЬКОЇ РАДИ ЗА 2024 РІК", "Шептицький"),
                        ("Інформація про роботу апарату Шептицького міськвиконкому за І квартал 2025 року", "Шептицький"),
                        ("Звіт відділу Хутір-Михайлівської міської ради за 2023 рік", "Хутір-Михайлівський")):
        read = extract_text(title + "\n" + BODY, "звіт.txt")
        assert read.place is not None and read.place.name_uk == town, title
    # a made-up adjective still names no city: the report asks, never guesses
    assert extract_text("Звіт відділу Шептинської міської ради за 2024 рік\n" + BODY, "звіт.txt").place is None
