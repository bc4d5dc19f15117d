"""Plotly chart builders: Ukrainian number and date formats, gaps kept as gaps, marks that tell.

* Flows: one line per city (or department: `line="department_code"`) and metric on a full grid of periods, so an unreported period is a
  gap (never a drop to 0). Partial periods (not every month reported) have hollow markers; a
  figure reported only for a longer period is a dotted line of its per-month average over its span.
* Stocks: levels at their as-of dates (a step line), never summed.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from activity.catalog import get_metric
from activity.formatting import format_date, format_number, period_label
from activity.i18n import tr, translator
from activity.periods import Period, period_from_range

PALETTE = ["#1f5fa8", "#e07b00", "#2a9d5c", "#b8336a", "#6a4c93", "#8a8a8a", "#00838f", "#c0392b"]
FIXED = {"UA74040250010023991": PALETTE[0], "UA44120050010021900": PALETTE[1]}  # Nizhyn, Lysychansk


def city_color(code: str) -> str:
    """The same colour for a city on every chart."""
    return FIXED.get(code) or PALETTE[2 + zlib.crc32(code.encode()) % (len(PALETTE) - 2)]


def _trace_color(code: str, i: int, several_metrics: bool, by_city: bool = True) -> str:
    return city_color(code) if by_city and not several_metrics else PALETTE[i % len(PALETTE)]


T = {
    "spread_trace": ("{name} (середнє з довшого звіту)", "{name} (average from a longer report)"),
    "source": ("джерело", "source"),
    "as_of": ("станом на", "as of"),
    "demo": ("демо-дані", "demo data"),
}


t = translator(T)


def base_layout(fig: go.Figure, lang: str, title: str, y_title: str = "") -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        separators=", " if lang == "uk" else ".,",
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        legend={"orientation": "h", "y": -0.15},
        hovermode="closest",
        template="plotly_white",
        yaxis={"title": y_title, "rangemode": "tozero", "tickformat": ",~r"},
    )
    return fig


_warm = False


def warm_up() -> None:
    """Build one small figure, once per process: Plotly imports its figure classes and the template
    on the first figure (about 0.2 s), which the app does while it waits for the warehouse check."""
    global _warm
    if not _warm:
        _warm = True
        base_layout(go.Figure(go.Scatter(x=[pd.Timestamp("2020-01-01")], y=[0], mode="lines+markers",
                                         marker={"symbol": ["circle"]}, line={"dash": "dot"}, hovertext=[""],
                                         hoverinfo="text")), "uk", "").update_xaxes(type="date")
        go.Bar(x=[0], y=[0], text=[""], textposition="outside")


def _tickformat(granularity: str, lang: str) -> str:
    if granularity == "year":
        return "%Y"
    return "%m.%Y" if lang == "uk" else "%b %Y"


def trend_chart(series: pd.DataFrame, grid: Sequence[Period], *, lang: str, title: str, y_title: str,
                names: dict[str, str], decimals: int | None = None, line: str = "city_code") -> go.Figure:
    """Flow lines per city (or per the column `line` names, a department's code) and metric, named
    by `names` of that column's values; `grid` is the full list of periods shown on the x axis."""
    fig = go.Figure()
    granularity = grid[0].granularity if grid else "month"
    keys = series[[line, "metric"]].drop_duplicates().itertuples(index=False) if len(series) else []
    for i, (code, metric) in enumerate(keys):
        part = series[(series[line] == code) & (series["metric"] == metric)].set_index("period_start")
        several = series["metric"].nunique() > 1
        name = f"{names.get(code, code)} · {get_metric(metric).short(lang)}" if several else names.get(code, code)
        color = _trace_color(code, i, several, line == "city_code")
        own = part[~part["spread"]]
        spread = part[part["spread"]]
        for rows, dash, trace_name in ((own, "solid", name), (spread, "dot", t("spread_trace", lang, name=name))):
            if rows.empty:
                continue
            xs, ys, hover, symbols = [], [], [], []
            for p in grid:
                xs.append(p.start)
                row = rows.loc[p.start] if p.start in rows.index else None
                if row is None:
                    ys.append(None)
                    hover.append("")
                    symbols.append("circle")
                    continue
                ys.append(row["value"])
                symbols.append("circle" if row["complete"] or row["spread"] else "circle-open")
                hover.append(_hover(row, p, lang, name, decimals))
            fig.add_trace(go.Scatter(
                x=xs, y=ys, mode="lines+markers", name=trace_name, connectgaps=False,
                line={"color": color, "dash": dash, "width": 2},
                marker={"symbol": symbols, "size": 7, "color": color, "line": {"color": color, "width": 2}},
                hovertext=hover, hoverinfo="text",
            ))
    base_layout(fig, lang, title, y_title)
    fig.update_xaxes(tickformat=_tickformat(granularity, lang), type="date")
    return fig


def _hover(row: pd.Series, p: Period, lang: str, name: str, decimals: int | None) -> str:
    lines = [f"<b>{name}</b>", f"{period_label(p, lang)}: <b>{format_number(row['value'], lang, decimals)}</b>"]
    if row["spread"]:
        span = period_from_range(row["span_start"], row["span_end"])
        lines.append(tr("spread", lang, span=period_label(span, lang)))
    elif not row["complete"]:
        lines.append(tr("partial", lang, n=row["months_reported"], m=row["months_in_period"]))
    if row["approximate"]:
        lines.append(tr("approx", lang))
    if row["demo"]:
        lines.append(t("demo", lang))
    lines.append(f"{t('source', lang)}: {row['locators'] or row['sources']}")
    return "<br>".join(lines)


def stock_chart(levels: pd.DataFrame, *, lang: str, title: str, names: dict[str, str],
                line: str = "city_code") -> go.Figure:
    """Stock levels at their as-of dates, one step line per city (or per `line`, as in trend_chart) and metric."""
    fig = go.Figure()
    keys = levels[[line, "metric"]].drop_duplicates().itertuples(index=False) if len(levels) else []
    for i, (code, metric) in enumerate(keys):
        part = levels[(levels[line] == code) & (levels["metric"] == metric)].sort_values("as_of")
        several = levels["metric"].nunique() > 1
        name = f"{names.get(code, code)} · {get_metric(metric).short(lang)}" if several else names.get(code, code)
        hover = [
            "<br>".join(filter(None, [
                f"<b>{name}</b>",
                f"{t('as_of', lang)} {format_date(r.as_of, lang)}: <b>{format_number(r.value, lang)}</b>",
                tr("approx", lang) if r.approximate else "", t("demo", lang) if r.demo else "",
                f"{t('source', lang)}: {r.source}: {r.locator}",
            ]))
            for r in part.itertuples()
        ]
        color = _trace_color(code, i, several, line == "city_code")
        fig.add_trace(go.Scatter(x=part["as_of"].tolist(), y=part["value"].tolist(), mode="lines+markers", name=name,
                                 line={"shape": "hv", "color": color, "width": 2}, marker={"size": 7},
                                 hovertext=hover, hoverinfo="text"))
    base_layout(fig, lang, title)
    fig.update_xaxes(tickformat="%d.%m.%Y" if lang == "uk" else "%Y-%m-%d", type="date")
    return fig


def bar_chart(table: pd.DataFrame, *, x: str, y: str, color: str | None, lang: str, title: str,
              y_title: str = "", hover: str | None = None, decimals: int | None = None) -> go.Figure:
    """Grouped bars (cities side by side, or periods side by side) with values printed on them."""
    fig = go.Figure()
    groups = table[color].drop_duplicates().tolist() if color else [None]
    for i, g in enumerate(groups):
        part = table if g is None else table[table[color] == g]
        fig.add_trace(go.Bar(
            x=part[x], y=part[y], name=str(g) if g is not None else y_title,
            marker_color=PALETTE[i % len(PALETTE)],
            text=[format_number(v, lang, decimals) for v in part[y]], textposition="outside",
            hovertext=part[hover] if hover else None, hoverinfo="text" if hover else None,
        ))
    base_layout(fig, lang, title, y_title)
    fig.update_layout(barmode="group")
    return fig


def sparkline_chart(points: pd.DataFrame, *, x: str = "period_start", y: str = "value") -> go.Figure:
    """A tiny trend line for a KPI card: no axes, no legend."""
    fig = go.Figure(go.Scatter(x=points[x], y=points[y], mode="lines", line={"width": 2, "color": PALETTE[0]},
                               connectgaps=False, hoverinfo="skip"))
    fig.update_layout(height=60, margin={"l": 0, "r": 0, "t": 0, "b": 0}, showlegend=False,
                      xaxis={"visible": False}, yaxis={"visible": False}, template="plotly_white")
    return fig

