"""Which department a narrative report is of: read from the title, the letterhead, a closing line or
the signature, in the nominative; never guessed from the body. Every text here is invented."""

from __future__ import annotations

import pytest

from activity.departments import Registry, department_key, same_name
from etl.reports.extraction import extract_text

BODY = "\nЗа звітний період зареєстровано 12 вхідних листів.\n"


@pytest.mark.parametrize(("text", "department"), [
    # the title, the unit in the genitive, its name running to the council, the period or "про"
    ("Звіт відділу взаємодії з громадськістю Ірпінської міської ради за IV квартал 2024 року",
     "відділ взаємодії з громадськістю Ірпінської міської ради"),
    ("Інформація загального відділу виконавчих органів Ірпінської міської ради за ІІ півріччя 2022 року",
     "загальний відділ Ірпінської міської ради"),
    ("Огляд роботи управління суспільних комунікацій Ірпінської міської ради з 1 по 14 березня 2022 року",
     "управління суспільних комунікацій Ірпінської міської ради"),
    ("Звіт про роботу служби у справах дітей Ірпінської міської ради у 2023 році",
     "служба у справах дітей Ірпінської міської ради"),
    ("Звіт відділу з питань внутрішньої політики, зв’язків з громадськістю та ЗМІ Ірпінської міської ради "
     "за березень 2023 року",
     "відділ з питань внутрішньої політики, зв’язків з громадськістю та ЗМІ Ірпінської міської ради"),
    # the letterhead: a line of its own under the council, in capitals or not; a unit within a unit
    ("ІРПІНСЬКА МІСЬКА РАДА\nВІДДІЛ ІНФОРМАЦІЙНОЇ ПОЛІТИКИ ТА ЗМІ\n\nЗвіт про діяльність відділу за травень 2024 року",
     "відділ інформаційної політики та ЗМІ Ірпінської міської ради"),
    ("Ірпінська міська рада\nДепартамент організаційного забезпечення\nСектор звернень громадян\n\n"
     "Звіт за І квартал 2024 року",
     "сектор звернень громадян департаменту організаційного забезпечення Ірпінської міської ради"),
    ("Ірпінська міська рада\nЗагальний відділ\n\nЗвіт про роботу за 9 місяців 2023 року",
     "загальний відділ Ірпінської міської ради"),
    # a closing line, then a signature naming the unit (a bare "Начальник відділу" names none)
    ("Звіт про документообіг Ірпінської міської ради за 2023 рік" + BODY
     + "\nВідділ документообігу та контролю Ірпінської міської ради\n",
     "відділ документообігу та контролю Ірпінської міської ради"),
    ("Звіт про документообіг Ірпінської міської ради за 2023 рік" + BODY
     + "\nНачальник відділу документообігу та контролю          О. ПЕТРЕНКО\n",
     "відділ документообігу та контролю Ірпінської міської ради"),
    # a letterhead's unit going on on the next line, in lower case
    ("Відділ організаційної роботи та діловодства\nапарату виконавчого комітету Ірпінської міської ради\n\n"
     "ЗВІТ ПРО РОБОТУ ВІДДІЛУ ЗА ІІ КВАРТАЛ 2023 РОКУ",
     "відділ організаційної роботи та діловодства апарату виконавчого комітету Ірпінської міської ради"),
    # "Відповідальний виконавець: …" under a programme's title
    ("ЗВІТ\nпро виконання Програми підтримки громадських ініціатив Ірпінської міської ради за 2022 рік\n\n"
     "Відповідальний виконавець: відділ молоді та спорту Ірпінської міської ради",
     "відділ молоді та спорту Ірпінської міської ради"),
    # a signature over two lines, the name set apart by spaces, a position before the unit
    ("Інформація щодо розгляду звернень Ірпінською міською радою за 2023 рік" + BODY
     + "\nНачальник відділу з питань охорони здоров’я\nта соціального захисту          В. М. КОВАЛЬ\n",
     "відділ з питань охорони здоров’я та соціального захисту Ірпінської міської ради"),
    ("Інформація щодо розгляду звернень Ірпінською міською радою за 2023 рік" + BODY
     + "\nГоловний спеціаліст з питань звернень громадян\nзагального відділу          Н. В. ЮРЧЕНКО\n",
     "загальний відділ Ірпінської міської ради"),
])
def test_the_department_is_read_where_reports_name_it(text: str, department: str) -> None:
    read = extract_text(text + BODY, "звіт.txt")
    assert read.department == department
    assert read.place is not None and read.place.name_uk == "Ірпінь"


@pytest.mark.parametrize("text", [
    # where the letters came to, not who reports
    "Звіт про запити на публічну інформацію, що надійшли до виконавчого комітету Ірпінської міської ради у 2022 році",
    # what the work was about
    "Звіт про роботу з електронними петиціями в Ірпінській міській раді за 2024 рік",
    # a unit named only in the body, and a signature naming no unit
    "Звіт за березень 2024 року\nУ відділі внутрішньої політики зареєстровано 3 громадські організації."
    "\n\nНачальник відділу          О. ПЕТРЕНКО",
    # a title "про діяльність відділу" with no name anywhere
    "Ірпінська міська рада\n\nЗвіт про діяльність відділу за травень 2024 року",
])
def test_a_report_that_names_no_department_gives_none(text: str) -> None:
    assert extract_text(text + BODY, "звіт.txt").department == ""


def test_a_read_department_resolves_to_the_registry_unit() -> None:
    """Nizhyn's department, named in the letterhead in capitals, is the registered one."""
    read = extract_text("НІЖИНСЬКА МІСЬКА РАДА\nВІДДІЛ ІНФОРМАЦІЙНО-АНАЛІТИЧНОЇ РОБОТИ ТА КОМУНІКАЦІЙ З ГРОМАДСЬКІСТЮ\n\n"
                        "Звіт про діяльність відділу за квітень 2024 року" + BODY, "звіт.txt")
    resolved = Registry.load().resolve(read.department, read.place.code)
    assert resolved.department is not None and resolved.department.code == "nizhyn.communications"
    assert department_key(read.department) == "відділ інформаційно-аналітичної роботи та комунікацій з громадськістю"


def test_same_name_compares_as_the_registry_does() -> None:
    assert same_name("загального відділу Ірпінської міської ради", "загальний відділ")
    assert same_name("Відділ «Звернення громадян»", "відділ звернення громадян")
    assert not same_name("відділ взаємодії", "відділ взаємодії з громадськістю")
    assert not same_name("", "")
