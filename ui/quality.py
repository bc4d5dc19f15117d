"""The Якість даних / Data quality page's tables, from the rules in activity.quality.

Every figure named in a table comes with its source: the file and sheet!cell (or the report and
its sentence) it was read from, and its department (a city's departments report apart).
"""

from __future__ import annotations

import pandas as pd

from activity.catalog import get_metric
from activity.formatting import format_date, format_number, period_label
from activity.i18n import tr, translator
from activity.periods import period_from_range

T = {
    "when": ("Період або дата", "Period or date"),
    "total": ("Підсумок", "Total"), "total_source": ("Джерело підсумку", "Source of the total"),
    "months_sum": ("Сума місяців", "Sum of the months"), "months": ("Місяців", "Months"),
    "difference": ("Різниця (місяці − підсумок)", "Difference (months − total)"),
    "month_sources": ("Джерела місяців", "Sources of the months"), "of": ("{n} з {m}", "{n} of {m}"),
    "value": ("У сховищі", "In the warehouse"),
    "others": ("Інші джерела", "Other sources"), "differ": ("Значення різняться", "Values differ"),
    "wording": ("Назва у файлі", "Wording in the file"), "files": ("Файлів", "Files"), "cells": ("Клітинок", "Cells"),
    "last_seen": ("Востаннє", "Last seen"), "maybe": ("Можливо", "Perhaps"),
    "missing": ("Не подано місяців", "Months not reported"), "which": ("Які", "Which"),
    "added_by": ("Хто зіставив", "Mapped by"), "added_at": ("Коли зіставлено", "Mapped on"),
}


t = translator(T)


def _city(frame: pd.DataFrame, lang: str) -> pd.Series:
    return frame["city_uk" if lang == "uk" else "city"]


def _metric(codes: pd.Series, lang: str) -> list[str]:
    return [get_metric(c).label(lang) for c in codes]


def _period(start: object, end: object, lang: str) -> str:
    return period_label(period_from_range(pd.Timestamp(start).date(), pd.Timestamp(end).date()), lang)


def _value(v: object, lang: str) -> str:
    return "" if v is None or pd.isna(v) else format_number(v, lang)


def disagreements_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Rows of `quality.disagreements` as shown."""
    return pd.DataFrame({
        tr("city", lang): _city(rows, lang), tr("department", lang): rows["department"],
        tr("metric", lang): _metric(rows["metric"], lang),
        tr("period", lang): [_period(s, e, lang) for s, e in zip(rows["period_start"], rows["period_end"], strict=True)],
        t("total", lang): [_value(v, lang) for v in rows["total"]],
        t("total_source", lang): [f"{s}: {loc}" for s, loc in zip(rows["source"], rows["locator"], strict=True)],
        t("months_sum", lang): [_value(v, lang) for v in rows["months_sum"]],
        t("months", lang): [t("of", lang, n=n, m=m) for n, m in zip(rows["months_reported"], rows["months_in_period"],
                                                                  strict=True)],
        t("difference", lang): [("+" if d > 0 else "") + _value(d, lang) for d in rows["difference"]],
        t("month_sources", lang): rows["month_sources"],
    })


def duplicates_table(groups: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Rows of `quality.duplicate_groups` as shown: the kept value and where it came from, then the others."""
    def when(r) -> str:
        if r.kind == "stock" and r.as_of is not None and not pd.isna(r.as_of):
            return format_date(pd.Timestamp(r.as_of).date(), lang)
        return _period(r.period_start, r.period_end, lang)

    others = ["; ".join(f"{s}: {loc} = {_value(v, lang)}" for s, loc, v, _g in o) for o in groups["others"]]
    return pd.DataFrame({
        tr("city", lang): _city(groups, lang), tr("department", lang): groups["department"],
        tr("metric", lang): _metric(groups["metric"], lang),
        t("when", lang): [when(r) for r in groups.itertuples()],
        t("value", lang): [_value(v, lang) for v in groups["value"]],
        tr("source", lang): [f"{s}: {loc}" for s, loc in zip(groups["source"], groups["locator"], strict=True)],
        t("others", lang): others,
        t("differ", lang): groups["values_differ"].map({True: tr("yes", lang), False: tr("no", lang)}),
    })


def wordings_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Rows of `quality.with_suggestions` as shown."""
    return pd.DataFrame({
        t("wording", lang): rows["wording"], t("files", lang): rows["files"].astype(int),
        t("cells", lang): rows["cells"].astype(int),
        t("last_seen", lang): [format_date(pd.Timestamp(v).date(), lang) for v in rows["last_seen"]],
        tr("files", lang): rows["file_names"],
        t("maybe", lang): ["; ".join(f"{get_metric(c).label(lang)} ({c})" for c in s) for s in rows["suggestions"]],
    })


def remembered_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Rows of `data.remembered_wordings` as shown: the wording, its metric, who mapped it and when."""
    return pd.DataFrame({
        t("wording", lang): rows["wording"], tr("metric", lang): _metric(rows["code"], lang),
        t("added_by", lang): rows["added_by"], t("added_at", lang): rows["added_at"].str.replace("T", " "),
    })


def gaps_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Rows of `quality.gap_table` as shown."""
    return pd.DataFrame({
        tr("city", lang): _city(rows, lang), tr("metric", lang): _metric(rows["metric"], lang),
        t("missing", lang): rows["n"].astype(int), t("which", lang): rows["ranges"],
    })
