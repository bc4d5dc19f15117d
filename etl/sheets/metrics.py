"""A row label to a metric, for both layouts: activity.wordings reads it; here is what the sheet says
about it (a warning for a metric inferred from a longer label, an error with suggestions for an
unknown one). activity.wordings caches by text: the layouts ask for every row."""

from __future__ import annotations

from activity.catalog import Metric, normalise_label
from activity.wordings import resolve_metric

__all__ = ["metric_problem", "suggestion_hint"]


def suggestion_hint(suggestions) -> dict[str, str]:
    """The "Можливо: …" of an unknown metric, in both languages."""
    if not suggestions:
        return {"hint": "", "hint_en": ""}
    return {"hint": " Можливо: " + "; ".join(f"«{m.label_uk}» ({m.code})" for m in suggestions) + ".",
            "hint_en": " Did you mean: " + "; ".join(f"'{m.label_en}' ({m.code})" for m in suggestions) + "?"}


def metric_problem(text: str) -> tuple[Metric | None, tuple[str, dict] | None]:
    """The metric a row label names and the problem to report at its cell, if any:
    ("metric_inferred", …) a warning, ("unknown_metric", …) an error."""
    found = resolve_metric(text)
    if found.how == "contained":
        m = found.metric
        return m, ("metric_inferred", {"found": text.strip(), "metric": m.label_uk, "metric_en": m.label_en,
                                       "code": m.code, "wording": found.wording})
    if found.metric is not None:
        return found.metric, None
    return None, ("unknown_metric", {"found": normalise_label(text) and text.strip(), **suggestion_hint(found.suggestions)})
