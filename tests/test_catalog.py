"""Consistency of the metric catalog (activity/metrics.toml) and its lookups."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from activity import catalog
from activity.catalog import (
    CATEGORIES,
    METRICS,
    CatalogError,
    get_metric,
    load_catalog,
    match_metric,
    metrics_in_category,
    normalise_label,
    suggest_metrics,
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# The codes used by the ground truth of ../shared/seeds and ../shared/reports, with their kinds,
# so that the project's own tests guard them even where ../shared is absent.
GROUND_TRUTH_KINDS = {
    "news_published": "flow",
    "documents_published": "flow",
    "photo_news_published": "flow",
    "photos_published": "flow",
    "photo_gallery_categories": "flow",
    "videos_published": "flow",
    "draft_council_decisions": "flow",
    "draft_executive_decisions": "flow",
    "draft_mayor_orders": "flow",
    "public_council_meetings": "flow",
    "participatory_budget_rounds": "flow",
    "letters_received": "flow",
    "letters_answered": "flow",
    "public_info_requests": "flow",
    "outgoing_documents": "flow",
    "reports_to_region": "flow",
    "documents_on_control": "stock",
    "media_coverage_requests": "flow",
    "situation_briefs": "flow",
    "event_scenarios": "flow",
    "speeches_prepared": "flow",
    "greetings_prepared": "flow",
    "open_data_documents": "stock",
    "vetting_documents": "stock",
    "site_subsections_created": "flow",
    "events_attended": "flow",
    "council_sittings_attended": "flow",
    "commission_meetings_attended": "flow",
    "seminars_attended": "flow",
    "party_cells_registered": "stock",
    "ngos_registered": "stock",
    "religious_orgs_registered": "stock",
    "social_media_posts": "flow",
    "pb_projects_submitted": "flow",
    "press_events_organized": "flow",
    "media_announcements_sent": "flow",
    "petitions_submitted": "flow",
    "petitions_collecting_signatures": "stock",
    "pb_projects_on_ballot": "flow",
    "pb_voters": "flow",
    "greetings_published_in_press": "flow",
    "photos_in_news_published": "flow",
}


# --------------------------------------------------------------------------- the file itself


def test_catalog_has_every_field_for_every_metric() -> None:
    assert len(METRICS) >= len(GROUND_TRUTH_KINDS)
    for code, metric in METRICS.items():
        assert metric.code == code
        assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", code), code
        assert metric.kind in {"flow", "stock"}, code
        assert metric.polarity in {"up", "down", "neutral"}, code
        assert metric.category in CATEGORIES, code
        assert metric.unit, code
        for lang in ("uk", "en"):
            assert metric.label(lang).strip(), (code, lang)
            assert metric.short(lang).strip(), (code, lang)
            assert metric.definition(lang).strip(), (code, lang)
            assert "\n" not in metric.definition(lang), (code, lang)
        assert metric.wordings, code


def test_ukrainian_labels_use_typographic_apostrophe() -> None:
    for metric in METRICS.values():
        for text in (metric.label_uk, metric.short_uk, metric.definition_uk, *metric.wordings):
            assert not re.search(r"['ʼ`]", text), (metric.code, text)


def test_every_category_has_labels_and_metrics() -> None:
    for code, category in CATEGORIES.items():
        assert category.label("uk") and category.label("en"), code
        assert metrics_in_category(code), f"category {code!r} has no metrics"


def test_no_name_is_shared_by_two_metrics() -> None:
    owners: dict[str, str] = {}
    for metric in METRICS.values():
        for name in metric.names():
            owner = owners.setdefault(normalise_label(name), metric.code)
            assert owner == metric.code, (name, owner, metric.code)


def test_wordings_are_already_normalised() -> None:
    for metric in METRICS.values():
        for wording in metric.wordings:
            assert wording == normalise_label(wording), (metric.code, wording)


@pytest.mark.parametrize(
    ("code", "label_uk", "label_en", "wordings"),
    [
        ("news_published", "Новини та інформаційні матеріали на сайті",
         "News items published on the website",
         ["новини на сайті", "інформаційні матеріали на сайті", "новини"]),
        ("documents_published", "Оприлюднені документи (акти, рішення, проєкти)",
         "Documents published (acts, decisions, drafts)",
         ["оприлюднені документи", "нормативні документи", "документи на сайті"]),
        ("photos_published", "Фотографії у фотогалереї", "Photos published in the gallery",
         ["фото", "світлини"]),
        ("videos_published", "Відеосюжети", "Videos published", ["відео"]),
        ("social_media_posts", "Дописи у соцмережах", "Social-media posts",
         ["публікації у соцмережах"]),
        ("letters_received", "Вхідні листи", "Letters received",
         ["вхідна кореспонденція", "вхідні документи", "надійшло листів"]),
        ("letters_answered", "Надано відповідей на листи", "Letters answered",
         ["відповіді на листи"]),
        ("public_info_requests", "Запити на публічну інформацію",
         "Requests for public information", []),
        ("draft_executive_decisions", "Проєкти рішень виконкому",
         "Draft executive-committee decisions", []),
        ("draft_mayor_orders", "Проєкти розпоряджень міського голови", "Draft mayor's orders", []),
        ("events_attended", "Заходи, у яких взято участь", "Events attended", ["заходи"]),
        ("greetings_prepared", "Привітання", "Greetings prepared", []),
        ("ngos_registered", "Громадські організації (зареєстровано)", "NGOs registered",
         ["громадські організації"]),
        ("party_cells_registered", "Осередки політичних партій",
         "Political-party cells registered",
         ["осередки партій", "міські організації політичних партій"]),
        ("religious_orgs_registered", "Релігійні організації",
         "Religious organisations registered", ["релігійні громади"]),
    ],
)  # fmt: skip
def test_agreed_labels_and_wordings(
    code: str, label_uk: str, label_en: str, wordings: list[str]
) -> None:
    """Spreadsheets are generated with these labels; other modules rely on them."""
    metric = get_metric(code)
    assert (metric.label_uk, metric.label_en) == (label_uk, label_en)
    for wording in wordings:
        assert wording in metric.wordings, wording


def test_embedded_ground_truth_codes_are_in_catalog_with_their_kind() -> None:
    assert len(GROUND_TRUTH_KINDS) == 42
    for code, kind in GROUND_TRUTH_KINDS.items():
        assert code in METRICS, code
        assert METRICS[code].kind == kind, code


@pytest.mark.shared
def test_shared_ground_truth_codes_are_in_catalog_with_their_kind() -> None:
    files = sorted(SHARED.glob("seeds/*.json")) + sorted(SHARED.glob("reports/*.json"))
    if not files:
        pytest.skip("../shared with seeds/ and reports/ is absent")
    used: dict[str, set[str]] = {}
    for path in files:
        for entry in json.loads(path.read_text(encoding="utf-8"))["metrics"]:
            used.setdefault(entry["code"], set()).add(entry["kind"])
    assert set(used) == set(GROUND_TRUTH_KINDS), "update GROUND_TRUTH_KINDS in this test"
    for code, kinds in used.items():
        assert code in METRICS, f"{code} is used in ../shared but missing from the catalog"
        assert kinds == {METRICS[code].kind}, (code, kinds)


# --------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ВХІДНІ ЛИСТИ:", "вхідні листи"),
        ("1. Вхідні листи", "вхідні листи"),
        ("2) Вхідні листи", "вхідні листи"),
        ("2.3. Вхідні листи", "вхідні листи"),
        ("– Вхідні листи;", "вхідні листи"),
        ("Вхідні\u00a0 \u00a0листи", "вхідні листи"),
        ("Вхiднi листи", "вхідні листи"),
        ("Bхідні лиcти", "вхідні листи"),
        ("Вхідні листи (од.)", "вхідні листи"),
        ("Вхідні листи, од.", "вхідні листи"),
        ("Вхідні листи (кількість)", "вхідні листи"),
        ("Документи у розділі «Відкриті дані»", "документи у розділі відкриті дані"),
        ("Громадські об'єднання", "громадські об’єднання"),
        ("Громадські обʼєднання", "громадські об’єднання"),
        ("Дописи у Facebook", "дописи у facebook"),
        ("Дописи у Facebook i Telegram", "дописи у facebook і telegram"),
        ("2019", "2019"),
    ],
)
def test_normalise_label(raw: str, expected: str) -> None:
    assert normalise_label(raw) == expected


# --------------------------------------------------------------------------- lookups


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Вхідні листи", "letters_received"),
        ("ВХІДНІ ЛИСТИ", "letters_received"),
        ("Вхідні листи:", "letters_received"),
        ("1. Вхідні листи", "letters_received"),
        ("Вхідні\u00a0листи", "letters_received"),
        ("Вхiднi листи", "letters_received"),
        ("вхідний лист", "letters_received"),
        ("letters_received", "letters_received"),
        ("Letters received", "letters_received"),
        ("Новини", "news_published"),
        ("Новини та інформаційні матеріали на сайті", "news_published"),
        ("Website news", "news_published"),
        ("Фото", "photos_published"),
        ("Фото в новинах", "photos_in_news_published"),
        ("Документи у розділі «Відкриті дані»", "open_data_documents"),
        ("Громадські організації (зареєстровано)", "ngos_registered"),
        ("Громадські організації", "ngos_registered"),
        ("Осередки партій", "party_cells_registered"),
        ("Релігійні громади", "religious_orgs_registered"),
        ("Запити на публічну інформацію (од.)", "public_info_requests"),
        ("3) Проєкти рішень виконкому", "draft_executive_decisions"),
        ("Виступи", "speeches_prepared"),
        ("Фотоальбоми", "photo_gallery_categories"),
    ],
)
def test_match_metric(text: str, code: str) -> None:
    metric = match_metric(text)
    assert metric is not None, text
    assert metric.code == code


@pytest.mark.parametrize("text", ["Вхідні лсти", "Кількість мешканців", "", "2019", "Документи"])
def test_match_metric_never_guesses(text: str) -> None:
    assert match_metric(text) is None


def test_suggest_metrics_ranks_the_closest_first() -> None:
    suggestions = suggest_metrics("Вхідні лсти")
    assert suggestions and suggestions[0].code == "letters_received"
    assert len(suggestions) <= 3
    assert len({m.code for m in suggestions}) == len(suggestions)
    assert suggest_metrics("Новин на сайті", n=1)[0].code == "news_published"
    assert suggest_metrics("зовсім інше") == []
    assert suggest_metrics("") == []


def test_get_metric_unknown_code_names_it() -> None:
    assert get_metric("ngos_registered").is_stock
    with pytest.raises(KeyError, match="news_publshed"):
        get_metric("news_publshed")


def test_metrics_in_category_keeps_file_order() -> None:
    civil = [m.code for m in metrics_in_category("civil_society")]
    assert set(civil) == {"party_cells_registered", "ngos_registered", "religious_orgs_registered",
                          "trade_unions_registered", "ngos_ceased", "ngos_in_liquidation", "religious_denominations"}
    assert civil == [code for code in METRICS if code in civil]
    with pytest.raises(KeyError):
        metrics_in_category("nonexistent")


def test_labels_by_language() -> None:
    metric = get_metric("videos_published")
    assert metric.label() == "Відеосюжети" and metric.label("en") == "Videos published"
    with pytest.raises(ValueError):
        metric.label("de")


# --------------------------------------------------------------------------- validation

VALID_BODY = (
    'kind = "flow"\ncategory = "publications"\npolarity = "up"\nunit = "count"\n'
    'uk = "Новини"\nen = "News"\nshort_uk = "Новини"\nshort_en = "News"\n'
    'definition_uk = "Новини"\ndefinition_en = "News"\nwordings = ["новина"]\n'
    'sentence = { verb = "оприлюднено", words = "{новина} на сайті", case = "acc" }\n'
)


def _write_catalog(tmp_path: Path, metric_body: str) -> Path:
    path = tmp_path / "metrics.toml"
    path.write_text(
        '[categories.publications]\nuk = "Публікації"\nen = "Publications"\n\n'
        "[metrics.news_published]\n" + metric_body,
        encoding="utf-8",
    )
    return path


def test_load_catalog_accepts_a_minimal_file(tmp_path: Path) -> None:
    metrics, categories = load_catalog(_write_catalog(tmp_path, VALID_BODY))
    assert list(metrics) == ["news_published"] and list(categories) == ["publications"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('kind = "flow"', 'kind = "level"'), "kind"),
        (('polarity = "up"', 'polarity = "better"'), "polarity"),
        (('category = "publications"', 'category = "misc"'), "category"),
        (('en = "News"\n', ""), "missing"),
        (('wordings = ["новина"]', 'wordings = ["Новина:"]'), "normalised"),
        (('case = "acc"', 'case = "dat"'), "case"),
        (('"{новина} на сайті"', '"новини на сайті"'), "braced"),
        ((', case = "acc" }', ' }'), "sentence"),
        (('case = "acc" }', 'case = "acc", tone = "high" }'), "sentence"),
        (('wordings = ["новина"]', 'wordings = ["новина"]\nprose = ["Оголошення"]'), "lower-case"),
        (('wordings = ["новина"]', 'wordings = ["новина"]\nverbless = "новин"'), "lower-case"),
    ],
)
def test_load_catalog_rejects_bad_metrics(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    body = VALID_BODY.replace(*change, 1)
    with pytest.raises(CatalogError, match=message):
        load_catalog(_write_catalog(tmp_path, body))


def test_load_catalog_rejects_a_wording_naming_two_metrics(tmp_path: Path) -> None:
    path = _write_catalog(tmp_path, VALID_BODY)
    second = VALID_BODY.replace('"Новини"', '"Стрічка"').replace('"News"', '"Feed"')
    text = path.read_text(encoding="utf-8") + "\n[metrics.feed_items]\n" + second
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError, match="names both"):
        load_catalog(path)


def test_catalog_is_read_once() -> None:
    assert catalog.METRICS is METRICS


# --------------------------------------------------------------------------- project data

METRIC_COLUMNS = {"metric", "metric_code", "показник", "код показника"}


def _metric_values(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    if not lines:
        return []
    delimiter = max(";,\t", key=lines[0].count)
    rows = list(csv.reader(lines, delimiter=delimiter))
    header = [cell.strip().lower() for cell in rows[0]]
    columns = [i for i, name in enumerate(header) if name in METRIC_COLUMNS]
    return [row[i].strip() for row in rows[1:] for i in columns if i < len(row) and row[i].strip()]


def test_metric_codes_in_project_csv_files_are_in_catalog() -> None:
    files = sorted((ROOT / "data").glob("**/*.csv"))
    checked = {path: values for path in files if (values := _metric_values(path))}
    if not checked:
        pytest.skip("no data/**/*.csv with a metric column")
    unknown = [
        f"{path.relative_to(ROOT)}: {value!r}"
        for path, values in checked.items()
        for value in sorted(set(values))
        if value not in METRICS and match_metric(value) is None
    ]
    assert not unknown, "metric codes not in activity/metrics.toml:\n" + "\n".join(unknown)


# The metrics of other department kinds (appeals, public information, records, participation, civil
# society, communications), adopted with the codes and kinds other tools use.
ADDED_KINDS = {
    "appeals_received": "flow", "appeals_answered": "flow", "citizens_appealed": "flow",
    "appeal_issues_raised": "flow", "public_info_requests_satisfied": "flow",
    "public_info_requests_explained": "flow", "public_info_requests_refused": "flow",
    "public_info_requests_forwarded": "flow", "public_info_requests_extended": "flow",
    "public_info_requests_pending": "stock", "planning_extracts_issued": "flow", "documents_flow_total": "flow",
    "exec_committee_meetings": "flow", "exec_decisions_adopted": "flow", "petitions_supported": "flow",
    "petitions_failed": "flow", "petitions_answered": "flow", "pb_projects_rejected": "flow",
    "pb_projects_reconsidered": "flow", "pb_projects_won": "flow", "pb_project_votes": "flow",
    "pb_votes_cast": "flow", "pb_authors": "flow", "public_consultations_held": "flow",
    "trade_unions_registered": "stock", "ngos_ceased": "stock", "ngos_in_liquidation": "stock",
    "religious_denominations": "stock", "social_media_followers": "stock", "media_monitoring_digests": "flow",
    "online_broadcasts": "flow",
}  # fmt: skip


def test_added_metrics_are_in_the_catalog_with_their_kind() -> None:
    assert len(ADDED_KINDS) == 31
    for code, kind in ADDED_KINDS.items():
        assert METRICS[code].kind == kind, code


@pytest.mark.shared
def test_every_code_of_the_shared_catalog_notes_is_in_the_catalog() -> None:
    files = [SHARED / "CATALOG_DRAFT.md", SHARED / "CATALOG_ADDITIONS.md", SHARED / "reports" / "CODES_ADDED.md"]
    if not all(f.exists() for f in files):
        pytest.skip("../shared with the catalog notes is absent")
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            cells = [c.strip() for c in line.split("|")[1:-1]]
            if len(cells) >= 2 and re.fullmatch(r"[a-z][a-z0-9_]*", cells[0]) and cells[1] in ("flow", "stock"):
                assert cells[0] in METRICS and METRICS[cells[0]].kind == cells[1], (f.name, cells[0])
