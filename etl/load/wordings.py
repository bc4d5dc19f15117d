"""What people teach the metric resolver: a wording mapped once is known from then on.

`python -m etl wordings add | remove` and the upload page's choice write here; activity.wordings
reads the file (`metric_wordings.toml` of DASHBOARD_LOCAL_DIR, beside the departments people added:
outside the warehouse, so it survives `build --fresh`). Each entry keeps who added it and when.
A mapping never makes a metric code: the code must be in the catalog, and a wording that already
names another metric is refused.
"""

from __future__ import annotations

from activity.catalog import METRICS, Metric
from activity.i18n import pick
from activity.wordings import (
    Remembered,
    clean_label,
    look_again,
    remembered,
    remembered_path,
    resolve_metric,
)
from etl.load.local_toml import now, who, write_entries

__all__ = ["WordingError", "add_wording", "remove_wording", "list_wordings"]


class WordingError(ValueError):
    """A mapping refused, said in both languages."""

    def __init__(self, uk: str, en: str) -> None:
        super().__init__(en)
        self.uk, self.en = uk, en

    def message(self, lang: str = "uk") -> str:
        return pick(self.uk, self.en, lang)


def list_wordings() -> list[Remembered]:
    """The remembered wordings, in the order they were added."""
    return list(remembered().values())


def _close_codes(code: str) -> str:
    from rapidfuzz import fuzz, process

    hits = process.extract(code, list(METRICS), scorer=fuzz.WRatio, limit=5, score_cutoff=50)
    return ", ".join(c for c, _, _ in hits) or ", ".join(list(METRICS)[:5])


def add_wording(text: str, code: str, *, user: str | None = None) -> Metric:
    """Remember that `text` (as written in files) names the metric `code`; WordingError when the
    code is not in the catalog, the text is empty, or it already names another metric."""
    text = " ".join(str(text).split())
    if code not in METRICS:
        raise WordingError(f"невідомий код показника «{code}»; близькі: {_close_codes(code)}",
                           f"unknown metric code {code!r}; close: {_close_codes(code)}")
    key = clean_label(text)
    if not key:
        raise WordingError(f"«{text}» не схоже на назву показника", f"'{text}' is not a metric's name")
    look_again()
    found = resolve_metric(text)
    if found.metric is not None and found.how in ("exact", "forms", "remembered") and found.metric.code != code:
        raise WordingError(
            f"«{text}» уже означає показник «{found.metric.label_uk}» ({found.metric.code})",
            f"'{text}' already names the metric '{found.metric.label_en}' ({found.metric.code})")
    if found.metric is not None and found.metric.code == code and found.how in ("exact", "forms", "remembered"):
        return METRICS[code]  # known already: nothing to remember
    entries = list_wordings()
    entries.append(Remembered(text, code, who(user), now()))
    _write(entries)
    return METRICS[code]


def remove_wording(text: str) -> Remembered:
    """Forget a remembered wording; WordingError when it is not remembered."""
    key = clean_label(str(text))
    entries = list_wordings()
    gone = [e for e in entries if e.key == key]
    if not gone:
        raise WordingError(f"«{text}» не запам’ятано", f"'{text}' is not remembered")
    _write([e for e in entries if e.key != key])
    return gone[0]


def _write(entries: list[Remembered]) -> None:
    write_entries(remembered_path(), "Metric wordings people mapped (python -m etl wordings, the upload page): "
                  "read by activity.wordings.", "wording",
                  [{"text": e.text, "code": e.code, "added_by": e.added_by, "added_at": e.added_at} for e in entries])
    look_again()  # this process reads what it has just written
