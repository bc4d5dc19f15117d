"""Порівняння / Compare: cities side by side for one period, or two periods side by side for one city."""

import pandas as pd
import streamlit as st

from activity import data
from activity.catalog import METRICS, get_metric
from activity.formatting import format_date, format_number, format_percent, period_label
from activity.i18n import granularity_label, tr
from activity.periods import period_from_key, same_period_last_year
from activity.series import SERIES_GRANULARITIES, buckets, change, period_basis
from ui.charts import bar_chart
from ui.filters import city_names, sidebar
from ui.filters import lang as current_lang

T = {
    "mode": ("Що порівнювати", "Compare"),
    "mode_cities": ("Міста поруч", "Cities side by side"),
    "mode_periods": ("Періоди поруч", "Periods side by side"),
    "intro": ("Потоки — сума за період на обраній основі; залишки — рівень на кінець періоду з датою «станом на». "
              "Числа з позначкою «демо» — демонстраційні.",
              "Flows are the period's total on the chosen basis; stocks are the level at the period end with its "
              "as-of date. Figures marked 'demo' are demonstration data."),
    "period": ("Період", "Period"), "p1": ("Період 1", "Period 1"), "p2": ("Період 2 (з чим порівняти)", "Period 2 (compared with)"),
    "pmode": ("Які періоди", "Which periods"), "pm_year": ("Цей рік і попередній", "This year vs last year"),
    "pm_quarter": ("Квартал і той самий рік тому", "Quarter vs a year before"), "pm_custom": ("Будь-які два", "Any two"),
    "chart": ("{metric}: {basis}, {period}", "{metric}: {basis}, {period}"),
    "col_cover": ("Охоплення", "Coverage"), "col_source": ("Джерело", "Source"), "col_change": ("Зміна", "Change"),
    "col_pct": ("Зміна, %", "Change, %"), "col_notes": ("Примітки", "Notes"),
    "months": ("{n} з {m} міс.", "{n} of {m} months"), "as_of": ("станом на {d}", "as of {d}"),
    "missing": ("не подано", "not reported"), "approx": ("приблизно", "approximate"),
    "note_head": ("Порівнюйте обережно:", "Compare with care:"),
    "n_missing": ("не подано: {who}", "not reported: {who}"),
    "n_partial": ("неповні дані: {who}", "partial data: {who}"),
    "n_gran": ("різна періодичність звітів: {who}", "reported at different granularities: {who}"),
    "n_demo": ("демо-дані поруч зі справжніми: {who}", "demo data beside real figures: {who}"),
    "n_stale": ("останній рівень — раніше за обраний період: {who}", "latest level predates the period: {who}"),
    "n_asof": ("рівні на різні дати: {who}", "levels on different dates: {who}"),
    "exact": ("один звіт за весь період", "one report for the whole period"),
    "sum": ("сума {g} звітів", "sum of {g} reports"),
    "real": ("справжні", "real"), "population": ("Населення: {sources}.", "Population: {sources}."),
    "pop_item": ("{city}, {year} — {n} ({source})", "{city}, {year}: {n} ({source})"),
    "no_population": ("Немає даних про населення для частини міст: на 10 000 мешканців не порахувати.",
                      "Population is missing for some cities: per 10,000 residents cannot be computed."),
    "stock_basis": ("Залишки (організації) не усереднюються за місяць: показано рівень.",
                    "Stocks (organisations) are not averaged per month: the level is shown."),
    "and": (" і ", " and "), "adj_month": ("помісячних", "monthly"), "adj_quarter": ("квартальних", "quarterly"),
    "adj_half_year": ("піврічних", "half-yearly"), "adj_year": ("річних", "annual"), "adj_week": ("тижневих", "weekly"),
    "adj_custom": ("інших", "other"),
    "same": ("Оберіть два різні періоди.", "Choose two different periods."),
    "one_city": ("Додайте ще місто на бічній панелі, щоб порівняти.", "Add another city in the sidebar to compare."),
}


def t(key: str, lang: str, **kw: object) -> str:
    uk, en = T[key]
    return (en if lang == "en" else uk).format(**kw)


lang = current_lang()
st.title(tr("compare_title", lang))
mode = st.segmented_control(t("mode", lang), ["cities", "periods"], default="cities", required=True,
                            format_func=lambda m: t(f"mode_{m}", lang), key="cmp_mode", bind="query-params")
f = sidebar(cities="many" if mode == "cities" else "one", metrics="many", period=False, basis=True)
st.caption(t("intro", lang))
names = city_names(lang)
plabel = lambda k: period_label(period_from_key(k), lang)  # noqa: E731
short = lambda m: get_metric(m).short(lang)  # noqa: E731
decimals = 0 if f.basis == "total" else 1
if not f.cities:
    st.info(tr("pick_city", lang))
    st.stop()
places = data.places(f.include_demo)
places = places[places["city_code"].isin(f.cities)]
if places.empty:
    st.info(tr("nothing_for_filters", lang))
    st.stop()
first, last = (pd.Timestamp(places["first_start"].min()).date(), pd.Timestamp(places["last_end"].max()).date())


def options(gran: str) -> list[str]:
    return [p.key for p in reversed(buckets(gran, first, last))]


def with_basis(table: pd.DataFrame) -> pd.DataFrame:
    pop = data.population(f.cities) if f.basis == "per_10k" else None
    return table.assign(value=period_basis(table, f.basis, pop).to_numpy())


def population_notes(table: pd.DataFrame) -> None:
    if f.basis != "per_10k":
        return
    pop = data.population(f.cities)
    if (table["reported"] & table["value"].isna()).any():
        st.warning(t("no_population", lang))
    used = {(c, pd.Timestamp(d).year) for c, d in zip(table["city_code"], table["period_start"], strict=True)}
    items = [t("pop_item", lang, city=names.get(r.city_code, r.city_code), year=r.year, n=format_number(r.population, lang),
               source=r.source) for r in pop.itertuples() if (r.city_code, r.year) in used]
    if items:
        st.caption(t("population", lang, sources="; ".join(items)))


def cover(r: pd.Series) -> str:
    if not r["reported"]:
        return t("missing", lang)
    text = t("as_of", lang, d=format_date(r["as_of"], lang)) if r["kind"] == "stock" else \
        t("months", lang, n=r["months_reported"], m=r["months_in_period"])
    extras = [tr("demo_label", lang) if r["demo"] else "", t("approx", lang) if r["approximate"] else ""]
    return ", ".join([text, *filter(None, extras)])


def show_chart(table: pd.DataFrame, color: str, title_period: str, key: str) -> None:
    shown = table.assign(x=table["metric"].map(short),
                         hover=[f"{r[color]} · {short(r['metric'])}: {format_number(r['value'], lang, decimals)}"
                                f" ({cover(r)})" for _, r in table.iterrows()])
    label = get_metric(table["metric"].iloc[0]).label(lang) if table["metric"].nunique() == 1 else tr("metrics_pick", lang)
    title = t("chart", lang, metric=label, basis=tr(f"basis_{f.basis}", lang).lower(), period=title_period)
    st.plotly_chart(bar_chart(shown, x="x", y="value", color=color, lang=lang, title=title,
                              y_title=tr(f"basis_{f.basis}", lang), hover="hover", decimals=decimals), key=key)


def warn(notes: list[str], table: pd.DataFrame) -> None:
    if notes:
        st.warning("\n".join([t("note_head", lang), *(f"- {n}" for n in notes)]))
    if f.basis == "per_month" and (table["kind"] == "stock").any():
        st.caption(t("stock_basis", lang))


def default_period(gran: str, keys: list[str]) -> str:
    """The latest period in which every chosen city has figures (complete ones first)."""
    flows = [m for m in f.metrics if get_metric(m).kind == "flow"]
    s = data.flow_series(f.cities, flows, gran, first, last, "total", f.include_demo) if flows else None
    if s is not None and len(s):
        s = s[~s["spread"]]
        for rows in (s[s["complete"]], s):
            n = rows.groupby("period_start")["city_code"].nunique()
            common = n[n == len(f.cities)]
            if len(common):
                day = pd.Timestamp(max(common.index)).date()
                return buckets(gran, day, day)[0].key
    day = min(pd.Timestamp(d).date() for d in places["last_end"])
    key = buckets(gran, day, day)[0].key
    return key if key in keys else keys[0]


def notes(g: pd.DataFrame, name: str, period, same_date: bool = True) -> list[str]:
    """Why the figures of one metric (one row per city or per period) may not compare like for like."""
    who = lambda rows, text: ", ".join(f"{r[name]} — {text(r)}" for _, r in rows.iterrows())  # noqa: E731
    rep, out = g[g["reported"]], []
    if (~g["reported"]).any():
        out.append(t("n_missing", lang, who=", ".join(g[~g["reported"]][name])))
    partial = rep[(rep["kind"] == "flow") & ~rep["complete"]]
    if len(partial):
        out.append(t("n_partial", lang, who=who(partial, cover)))
    if (rep["kind"] == "flow").all() and rep["granularities"].nunique() > 1:
        how = lambda r: t("exact", lang) if r["granularities"] == period(r).granularity else t(  # noqa: E731
            "sum", lang, g=t("and", lang).join(t(f"adj_{x}", lang) for x in r["granularities"].split("+")))
        out.append(t("n_gran", lang, who=who(rep, how)))
    if rep["demo"].nunique() > 1:
        out.append(t("n_demo", lang, who=who(rep, lambda r: tr("demo_label", lang) if r["demo"] else t("real", lang))))
    stale = rep[[r["kind"] == "stock" and r["as_of"] < period(r).start for _, r in rep.iterrows()]]
    if len(stale):
        out.append(t("n_stale", lang, who=who(stale, cover)))
    elif same_date and (rep["kind"] == "stock").all() and rep["as_of"].nunique() > 1:
        out.append(t("n_asof", lang, who=who(rep, cover)))
    return [f"{short(g['metric'].iloc[0])}: {n}" for n in out]


def compare_cities() -> None:
    if len(f.cities) < 2:
        st.info(t("one_city", lang))
    c1, c2 = st.columns([1, 2])
    gran = c1.radio(tr("granularity", lang), SERIES_GRANULARITIES, index=2, horizontal=True, key="cmp_gran",
                    format_func=lambda g: granularity_label(g, lang), bind="query-params")
    keys = options(gran)
    key = c2.selectbox(t("period", lang), keys, index=keys.index(default_period(gran, keys)), format_func=plabel,
                       key="cmp_period", bind="query-params")
    period = period_from_key(key)
    table = with_basis(data.period_table(f.cities, f.metrics, [period], f.include_demo))
    table = table.assign(city_name=table["city_code"].map(names))
    if not table["reported"].any():
        st.info(tr("nothing_for_filters", lang))
        return
    rows, found = [], []
    for m, g in table.groupby("metric", sort=False):
        row = {tr("col_metric", lang): get_metric(m).label(lang)}
        row |= {r.city_name: format_number(r.value, lang, decimals) for r in g.itertuples()}
        row[t("col_cover", lang)] = "; ".join(f"{r['city_name']}: {cover(r)}" for _, r in g.iterrows())
        row[t("col_source", lang)] = "; ".join(f"{r.city_name}: {r.sources}" for r in g.itertuples() if r.reported)
        rows.append(row)
        found += notes(g, "city_name", lambda r: period)
    warn(found, table)
    show_chart(table, "city_name", period_label(period, lang), "cmp_cities_chart")
    population_notes(table)
    st.dataframe(pd.DataFrame(rows), hide_index=True)


def pick_periods(code: str):
    pm = st.segmented_control(t("pmode", lang), ["year", "quarter", "custom"], default="year", required=True,
                              format_func=lambda k: t(f"pm_{k}", lang), key="cmp_pmode", bind="query-params")
    latest = data.latest_period_end([code], f.include_demo) or last
    if pm != "custom":
        p1 = buckets(pm, latest, latest)[0]
        return p1, same_period_last_year(p1)
    c0, c1, c2 = st.columns(3)
    gran = c0.radio(tr("granularity", lang), SERIES_GRANULARITIES, index=2, horizontal=True, key="cmp_pgran",
                    format_func=lambda g: granularity_label(g, lang), bind="query-params")
    keys = options(gran)
    d1 = buckets(gran, latest, latest)[0]
    d2 = same_period_last_year(d1).key
    k1 = c1.selectbox(t("p1", lang), keys, index=keys.index(d1.key) if d1.key in keys else 0, format_func=plabel,
                      key="cmp_p1", bind="query-params")
    k2 = c2.selectbox(t("p2", lang), keys, index=keys.index(d2) if d2 in keys else min(1, len(keys) - 1),
                      format_func=plabel, key="cmp_p2", bind="query-params")
    return period_from_key(k1), period_from_key(k2)


def compare_periods() -> None:
    code = f.cities[0]
    metrics = f.metrics or [m for m in METRICS if m in set(data.metrics([code], f.include_demo)["metric"])]
    p1, p2 = pick_periods(code)
    if p1 == p2:
        st.info(t("same", lang))
        return
    values = data.period_values(code, metrics, [p1, p2], f.include_demo)
    empty = {"value": float("nan"), "as_of": None, "complete": False, "months_reported": 0, "approximate": False,
             "demo": False, "sources": ""}
    table = pd.DataFrame([
        {**(v or empty), "total": (v or empty)["value"], "reported": v is not None, "city_code": code, "metric": m,
         "kind": get_metric(m).kind, "period_key": p.key, "period_start": p.start, "months_in_period": p.n_months,
         "period_name": plabel(p.key), "granularities": ""}
        for m in metrics for p in (p1, p2) for v in [values[(m, p.key)]]
    ])
    table = table[table.groupby("metric")["reported"].transform("any")]
    if table.empty:
        st.info(tr("nothing_for_filters", lang))
        return
    table = with_basis(table)
    l1, l2 = plabel(p1.key), plabel(p2.key)
    rows, colours, found = [], [], []
    for m, g in table.groupby("metric", sort=False):
        v1, v2 = (g.set_index("period_key")["value"].get(p.key) for p in (p1, p2))
        diff, pct = change(None if pd.isna(v1) else v1, None if pd.isna(v2) else v2)
        polarity = get_metric(m).polarity
        good = None if not diff or polarity == "neutral" else (diff > 0) == (polarity == "up")
        colours.append({None: "#8a8a8a", True: "#2a9d5c", False: "#c0392b"}[good])
        arrow = "" if pct is None or not diff else ("▲ " if diff > 0 else "▼ ")
        rows.append({
            tr("col_metric", lang): get_metric(m).label(lang), l1: format_number(v1, lang, decimals),
            l2: format_number(v2, lang, decimals),
            t("col_change", lang): ("+" if diff and diff > 0 else "") + format_number(diff, lang, decimals),
            t("col_pct", lang): arrow + format_percent(pct, lang),
            t("col_notes", lang): "; ".join(f"{r['period_name']}: {cover(r)}" for _, r in g.iterrows()),
        })
        found += notes(g, "period_name", lambda r: period_from_key(r["period_key"]), same_date=False)
    out = pd.DataFrame(rows)
    paint = lambda col: [f"color: {c}" for c in colours]  # noqa: E731
    warn(found, table)
    show_chart(table, "period_name", f"{names.get(code, code)}, {l1} / {l2}", "cmp_periods_chart")
    population_notes(table)
    st.dataframe(out.style.apply(paint, subset=[t("col_change", lang), t("col_pct", lang)]), hide_index=True)


if not f.metrics and mode == "cities":
    st.info(tr("pick_metric", lang))
elif mode == "cities":
    compare_cities()
else:
    compare_periods()
