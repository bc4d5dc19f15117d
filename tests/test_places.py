"""Places from the КАТОТТГ codifier: resolving names in any form to the unit a council reports as."""

from __future__ import annotations

import filecmp
import subprocess
import sys
import time
from pathlib import Path

import pytest

from activity.places import (
    Place,
    PlaceError,
    all_places,
    city_case_forms,
    get_place,
    resolve_place,
    transliterate,
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
NIZHYN = "UA74040250010023991"
NIZHYN_HROMADA = "UA74040250000063494"
LYSYCHANSK = "UA44120050010021900"
KYIV = "UA80000000000093317"
KAMIANSKE = "UA12040150010056523"
KAMIANETS = "UA68020110010097898"


def city(name: str, oblast: str | None = None) -> str:
    """The code of the city with this nominative name (and oblast), from the shipped data."""
    hits = [p.code for p in all_places()
            if p.level in "MK" and p.name_uk == name and oblast in (None, p.oblast_uk)]
    assert len(hits) == 1, (name, hits)
    return hits[0]


@pytest.mark.parametrize("text, code", [
    ("Ніжин", NIZHYN), ("м. Ніжин", NIZHYN), ("м.Ніжин", NIZHYN), ("місто Ніжин", NIZHYN),
    ("НІЖИН", NIZHYN), ("  ніжин ", NIZHYN), ("Ніжина", NIZHYN), ("Ніжині", NIZHYN),
    ("Ніжинської міської ради", NIZHYN), ("Ніжинська міська рада", NIZHYN),
    ("виконавчого комітету Ніжинської міської ради", NIZHYN),
    ("Ніжинська міська територіальна громада", NIZHYN), ("Ніжинської МТГ", NIZHYN),
    ("Нiжин", NIZHYN), ("Hіжин", NIZHYN), ("Nizhyn", NIZHYN), ("Nizhyn city council", NIZHYN),
    (NIZHYN_HROMADA, NIZHYN),
    ("Лисичанськ", LYSYCHANSK), ("у Лисичанську", LYSYCHANSK), ("в Лисичанську", LYSYCHANSK),
    ("Лисичанська", LYSYCHANSK), ("Лисичанській", LYSYCHANSK), ("Лисичанською", LYSYCHANSK),
    ("Лucичанськ", LYSYCHANSK), ("Lysychansk", LYSYCHANSK), ("Лисичанської міської ради", LYSYCHANSK),
    ("Київ", KYIV), ("Києві", KYIV), ("Києва", KYIV), ("Kyiv", KYIV), ("Київська міська рада", KYIV),
    ("Кам'янське", KAMIANSKE), ("Кам’янське", KAMIANSKE), ("Камʼянське", KAMIANSKE),
    ("Кам`янське", KAMIANSKE), ("Кам'янець-Подільський", KAMIANETS), ("Кам’янець–Подільський", KAMIANETS),
    ("Кам'янець - Подільський", KAMIANETS), ("Kamianets-Podilskyi", KAMIANETS),
])
def test_forms_resolve_to_the_unit(text: str, code: str) -> None:
    assert resolve_place(text).place.code == code


# Real case forms, written by hand (not by the generator), one or two per declension class.
@pytest.mark.parametrize("text, name, oblast", [
    ("Харкова", "Харків", None), ("у Чернігові", "Чернігів", None), ("Львовом", "Львів", None),
    ("Миколаєва", "Миколаїв", "Миколаївська"), ("Городку", "Городок", "Хмельницька"),
    ("Луцьку", "Луцьк", None), ("Бахмача", "Бахмач", None), ("Ужгородом", "Ужгород", None),
    ("Полтави", "Полтава", None), ("Одесі", "Одеса", None), ("Каховці", "Каховка", None),
    ("Бучею", "Буча", None), ("Вінниці", "Вінниця", None), ("Коломиї", "Коломия", None),
    ("Запоріжжя", "Запоріжжя", None), ("у Запоріжжі", "Запоріжжя", None), ("Щастям", "Щастя", None),
    ("Кам’янського", "Кам’янське", None), ("Рівному", "Рівне", None), ("Погребища", "Погребище", None),
    ("Дніпра", "Дніпро", None), ("Мукачеві", "Мукачево", None), ("Берестечку", "Берестечко", None),
    ("Сум", "Суми", None), ("Черкасах", "Черкаси", None), ("Ромен", "Ромни", None),
    ("Лубен", "Лубни", None), ("Броварів", "Бровари", None), ("Валок", "Валки", None),
    ("Чернівців", "Чернівці", None), ("Дергачах", "Дергачі", None), ("Мостиськ", "Мостиська", None),
    ("Борзни", "Борзна", None), ("Лозової", "Лозова", None), ("Долини", "Долина", None),
    ("Ковеля", "Ковель", None), ("Тернополя", "Тернопіль", None), ("Ірпеня", "Ірпінь", None),
    ("Кременця", "Кременець", None), ("Умані", "Умань", None), ("Прип’яті", "Прип’ять", None),
    ("Бахчисараї", "Бахчисарай", None), ("Стрия", "Стрий", None), ("Керчі", "Керч", None),
    ("Самбора", "Самбір", None), ("Хмельницького", "Хмельницький", None),
    ("Кропивницькому", "Кропивницький", None),
    ("Білої Церкви", "Біла Церква", None), ("у Білій Церкві", "Біла Церква", None),
    ("Кривого Рогу", "Кривий Ріг", None), ("у Кривому Розі", "Кривий Ріг", None),
    ("Нової Каховки", "Нова Каховка", None), ("Жовтих Вод", "Жовті Води", None),
    ("Горішніх Плавнів", "Горішні Плавні", None), ("Старого Криму", "Старий Крим", None),
    ("Нового Роздолу", "Новий Розділ", None), ("Часового Яру", "Часів Яр", None),
    ("Голої Пристані", "Гола Пристань", None), ("Великих Мостів", "Великі Мости", None),
    ("Кам’янця-Подільського", "Кам’янець-Подільський", None), ("в Івано-Франківську", "Івано-Франківськ", None),
    ("Могилева-Подільського", "Могилів-Подільський", None), ("Каменя-Каширського", "Камінь-Каширський", None),
    ("Білгорода-Дністровського", "Білгород-Дністровський", None), ("Рави-Руської", "Рава-Руська", None),
    ("Кам’янки-Бузької", "Кам’янка-Бузька", None), ("Петрово-Красносіллі", "Петрово-Красносілля", None),
    ("Боково-Хрустального", "Боково-Хрустальне", None), ("Середини-Буди", "Середина-Буда", None),
    ("Сєвєродонецької міської ради", "Сіверськодонецьк", None),  # the hromada kept the old name
])
def test_real_case_forms(text: str, name: str, oblast: str | None) -> None:
    assert resolve_place(text, oblast=oblast).place.code == city(name, oblast)


@pytest.mark.parametrize("text, normalised", [
    ("Ніжин", False), ("м. Ніжин", False), ("Ніжинська міська рада", False), ("Nizhyn", False),
    ("Кам'янське", False),  # a typewriter apostrophe is a typographic variant, not a change
    ("Нiжин", True), ("Hіжин", True), ("НІЖИН", True), ("ніжин", True), ("  Ніжин ", True),
    ("Ніжин  ", True), ("Ніжина", True), ("Ніжинської міської ради", True), ("у Лисичанську", True),
])
def test_normalised_flag(text: str, normalised: bool) -> None:
    assert resolve_place(text).normalised is normalised


def test_a_hromada_whose_centre_is_not_a_city_is_the_unit() -> None:
    match = resolve_place("Понорницька селищна рада")
    assert (match.place.level, match.place.name_uk, match.normalised) == ("H", "Понорницька", False)
    assert match.place.name_en == "Ponornytska hromada"
    assert resolve_place("Понорницької селищної територіальної громади").place == match.place
    andriivska = resolve_place("Андріївська", oblast="Запорізька")
    assert (andriivska.place.level, andriivska.place.name_en) == ("H", "Andriivska hromada")


def test_get_place_and_all_places() -> None:
    nizhyn = get_place(NIZHYN)
    assert nizhyn == Place(NIZHYN, "M", "Ніжин", "Nizhyn", "Чернігівська", "Ніжинський", NIZHYN_HROMADA)
    assert get_place(NIZHYN_HROMADA).level == "H"
    places = all_places()
    assert {lvl: sum(p.level == lvl for p in places) for lvl in "HMK"} == {"H": 1772, "M": 461, "K": 2}
    with pytest.raises(PlaceError, match="Невідомий код"):
        get_place("UA00000000000000000")


def test_ambiguous_name_lists_candidates_and_oblast_chooses() -> None:
    with pytest.raises(PlaceError) as err:
        resolve_place("Городок")
    assert "неоднозначна" in str(err.value) and "ambiguous" in err.value.message_en
    assert err.value.suggestions == ["Городок (Львівська обл.)", "Городок (Хмельницька обл.)"]
    assert resolve_place("Городок", oblast="Львівська").place.code == city("Городок", "Львівська")
    for oblast in ("Хмельницька", "Хмельницька обл.", "Хмельницької області", "хмельницька область",
                   "Khmelnytska"):
        assert resolve_place("Городок", oblast=oblast).place.oblast_uk == "Хмельницька"
    assert resolve_place("Миколаєва", oblast="Миколаївська обл.").place.raion_uk == "Миколаївський"


def test_a_city_genitive_equal_to_another_hromada_name_is_ambiguous_until_marked_as_a_city() -> None:
    with pytest.raises(PlaceError) as err:
        resolve_place("Донецька")  # genitive of Донецьк, or the Донецька hromada in Kharkiv oblast
    assert "Донецьк (Донецька обл.)" in err.value.suggestions
    assert resolve_place("м. Донецька").place.code == city("Донецьк")
    assert resolve_place("у Донецьку").place.code == city("Донецьк")
    assert resolve_place("Донецька селищна рада").place.oblast_uk == "Харківська"


@pytest.mark.parametrize("text, code", [
    ("Ніжинська міська рада Чернігівської області", NIZHYN),
    ("Городок Хмельницької обл.", "UA68040130010039416"),
    ("Київ", KYIV),
])
def test_oblast_in_the_text(text: str, code: str) -> None:
    assert resolve_place(text).place.code == code


def test_kyiv_is_its_own_oblast() -> None:
    assert resolve_place("Київ", oblast="м. Київ").place.code == KYIV
    with pytest.raises(PlaceError, match="немає в області"):
        resolve_place("Київ", oblast="Київська")


def test_unknown_name_suggests_the_closest() -> None:
    with pytest.raises(PlaceError) as err:
        resolve_place("Ніжен")
    assert str(err.value).startswith(
        "Невідоме місто «Ніжен». Можливо, ви мали на увазі: Ніжин (Чернігівська обл.)")
    assert err.value.suggestions[0] == "Ніжин (Чернігівська обл.)" and len(err.value.suggestions) <= 3
    assert "Nizhyn (Chernihivska oblast)" in err.value.message_en
    with pytest.raises(PlaceError) as err:
        resolve_place("Nizhin")
    assert err.value.suggestions[0] == "Ніжин (Чернігівська обл.)"


@pytest.mark.parametrize("text, oblast, message", [
    ("", None, "Порожня"), ("   ", None, "Порожня"), ("xlsx", None, "Невідоме"),
    ("2019", None, "Невідоме"), ("Ніжин{}", None, "Невідоме"), ("Ніжин", "Марсіанська", "Невідома область"),
    ("Ніжин", "Львівська", "немає в області"),
])
def test_errors(text: str, oblast: str | None, message: str) -> None:
    with pytest.raises(PlaceError, match=message) as err:
        resolve_place(text, oblast=oblast)
    assert err.value.message_en and str(err.value) == err.value.message_uk


@pytest.mark.parametrize("uk, en", [
    ("Ніжин", "Nizhyn"), ("Лисичанськ", "Lysychansk"), ("Київ", "Kyiv"), ("Згурівка", "Zghurivka"),
    ("Яготин", "Yahotyn"), ("Розгон", "Rozghon"), ("Біла Церква", "Bila Tserkva"),
    ("Кам’янець-Подільський", "Kamianets-Podilskyi"), ("Запоріжжя", "Zaporizhzhia"),
    ("Івано-Франківськ", "Ivano-Frankivsk"), ("Єнакієве", "Yenakiieve"), ("Алушта", "Alushta"),
    ("Полтава", "Poltava"), ("Чернігів", "Chernihiv"), ("Дніпро", "Dnipro"), ("Харків", "Kharkiv"),
    ("Одеса", "Odesa"), ("Луганськ", "Luhansk"), ("Ужгород", "Uzhhorod"), ("Їжакевич", "Yizhakevych"),
    ("Юрій", "Yurii"), ("Щербухи", "Shcherbukhy"), ("Знам'янка", "Znamianka"), ("ЖОВКВА", "ZHOVKVA"),
])
def test_transliteration(uk: str, en: str) -> None:
    assert transliterate(uk) == en


# Cities with a form that also names another unit (see test_every_city_round_trips).
TRULY_AMBIGUOUS = {
    # two cities of one name
    "Городок", "Миколаїв", "Південне",
    # the genitive "<X>ська" of a city "<X>ськ" is also a hromada's name in another oblast
    "Білогірськ", "Донецьк", "Слов’янськ", "Покровськ", "Українськ", "Приморськ", "Івано-Франківськ",
    "Довжанськ", "Луганськ", "Олександрівськ", "Вознесенськ", "Первомайськ", "Чорноморськ", "Таврійськ",
    # two cities' hromadas share an adjective: Покровська (Покров, Покровськ), Кам’янська
    # (Кам’янське, Кам’янка), Долинська (Долина, Долинська), Миколаївська (Миколаївка, Миколаїв),
    # Первомайська (Первомайськ; Златопіль, renamed from Первомайський)
    "Покров", "Кам’янське", "Кам’янка", "Долина", "Долинська", "Миколаївка", "Златопіль",
}


def test_every_city_round_trips() -> None:
    """Each city from its nominative, its genitive and "<hromada>ської міської ради".

    A form is *truly ambiguous* when the same text names another unit too: two cities share a
    name (Городок, Миколаїв, Південне), a genitive equals another oblast's hromada name
    ("Донецька"), or two cities' hromadas share an adjective ("Покровської міської ради").
    Such a form must raise PlaceError listing the city and resolve with ``oblast=``.
    """
    cities = [p for p in all_places() if p.level == "M"]
    clean = resolvable = 0
    ambiguous: list[str] = []
    for p in cities:
        texts = [p.name_uk, city_case_forms(p.name_uk)["gen"][0]]
        if p.hromada_code and resolve_place(p.hromada_code).place == p:  # p is its hromada's centre
            texts.append(get_place(p.hromada_code).name_uk[:-1] + "ої міської ради")
        outcomes = []
        for text in texts:
            try:
                outcomes.append(resolve_place(text).place == p)
            except PlaceError as exc:
                assert "неоднозначна" in exc.message_uk, (p, text, exc)
                assert any(s.startswith(p.name_uk + " (") for s in exc.suggestions), (p, text, exc)
                try:
                    assert resolve_place(text, oblast=p.oblast_uk).place == p, (p, text)
                except PlaceError:  # two hromadas of the same name in one oblast: say it is a city
                    assert resolve_place("м. " + text, oblast=p.oblast_uk).place == p, (p, text)
                outcomes.append(None)
        assert False not in outcomes, (p, texts, outcomes)
        clean += all(outcomes)
        ambiguous += [] if all(outcomes) else [p.name_uk]
        resolvable += 1
    print(f"\n{clean}/{len(cities)} cities ({clean / len(cities):.1%}) resolve from every form alone; "
          f"{resolvable}/{len(cities)} with oblast= for truly ambiguous forms: {', '.join(ambiguous)}")
    assert resolvable == len(cities) and set(ambiguous) == TRULY_AMBIGUOUS


def test_index_builds_fast_and_lookups_are_fast() -> None:
    from activity import places

    places._index.cache_clear()
    places._surfaces.cache_clear()
    start = time.perf_counter()
    places._index()
    assert time.perf_counter() - start < 1.0
    start = time.perf_counter()
    for _ in range(1000):
        resolve_place("Ніжинської міської ради")
        resolve_place("Лисичанськ")
    assert (time.perf_counter() - start) / 2000 < 0.001


def test_shipped_places_csv_is_relative_and_complete() -> None:
    text = (ROOT / "data" / "reference" / "places.csv").read_text(encoding="utf-8")
    assert ",/" not in text and text.startswith("code,level,name_uk,name_en,oblast_code,")
    hromadas = [p for p in all_places() if p.level == "H"]
    assert all(line.split(",")[9] for line in text.splitlines()[1:] if ",H," in line)
    assert len({p.code for p in hromadas}) == len(hromadas)


@pytest.mark.shared
def test_places_csv_matches_a_fresh_build(tmp_path: Path) -> None:
    source = SHARED / "reference" / "katottg_2025-05-16.csv"
    if not source.exists():
        pytest.skip("../shared is not present")
    out = tmp_path / "places.csv"
    subprocess.run([sys.executable, str(ROOT / "data" / "reference" / "make_places.py"), str(source),
                    str(out)], check=True, capture_output=True)
    assert filecmp.cmp(out, ROOT / "data" / "reference" / "places.csv", shallow=False)
