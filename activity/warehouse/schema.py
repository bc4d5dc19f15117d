"""The warehouse's tables and its public view `observations`.

Grain: `facts` holds one row per figure per source; the same figure may come from two sources (a
city's monthly workbook and its report). `observations` (the public contract of DESIGN.md) shows
each figure once: a real source wins over demo data, then the most recently loaded source (within
one source, a stock given as of one day for two periods: the shorter period's figure). It
reads `obs`, which the loader keeps up to date (`DEDUPED`) and sorted for fast filtered reads.
Flows are the same figure when place, department (its code, whatever the spelling), metric, breakdown
and period match; stocks when place, department, metric, breakdown and the date they stand on match
(activity.identity).
"""

from activity.identity import key_sql, precedence_sql

SCHEMA_VERSION = 3  # 3: figures keyed by department code (the `departments` registry)

DDL = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE IF NOT EXISTS places (
    code VARCHAR PRIMARY KEY, level VARCHAR, name_uk VARCHAR, name_en VARCHAR,
    oblast_uk VARCHAR, raion_uk VARCHAR, hromada_code VARCHAR
);

CREATE TABLE IF NOT EXISTS metrics (
    code VARCHAR PRIMARY KEY, kind VARCHAR, category VARCHAR, polarity VARCHAR, unit VARCHAR,
    label_uk VARCHAR, label_en VARCHAR, definition_uk VARCHAR, definition_en VARCHAR
);

CREATE TABLE IF NOT EXISTS sources (
    source_id INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,            -- file name as given by the user
    content_hash VARCHAR NOT NULL,    -- sha256 of the bytes
    kind VARCHAR NOT NULL,            -- xlsx, csv, ods, txt, docx
    is_demo BOOLEAN NOT NULL DEFAULT FALSE,
    loaded_at TIMESTAMP NOT NULL,
    loaded_by VARCHAR,
    figures INTEGER NOT NULL,
    warnings INTEGER NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE,   -- false once replaced or removed
    superseded_by INTEGER
);

CREATE TABLE IF NOT EXISTS facts (
    source_id INTEGER NOT NULL,
    place_code VARCHAR NOT NULL,
    department_code VARCHAR NOT NULL, -- the department its file named (activity.departments); the
                                      -- text as written is at the locator
    metric VARCHAR NOT NULL,
    period_start DATE NOT NULL,
    period_end DATE NOT NULL,
    granularity VARCHAR NOT NULL,
    value DOUBLE,
    status VARCHAR NOT NULL,          -- reported | not_applicable
    as_of DATE,
    approximate BOOLEAN NOT NULL,
    breakdown VARCHAR,
    locator VARCHAR NOT NULL
);

-- Who reports: the registry's departments (data/departments.toml, data/local/) and those a load registered.
CREATE TABLE IF NOT EXISTS departments (
    code VARCHAR PRIMARY KEY,
    place_code VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    name_uk VARCHAR NOT NULL,          -- canonical
    name_en VARCHAR NOT NULL,
    origin VARCHAR NOT NULL,           -- registry | standard | local | auto
    registered_at TIMESTAMP,
    registered_by VARCHAR
);

CREATE TABLE IF NOT EXISTS load_log (
    load_id INTEGER NOT NULL,
    logged_at TIMESTAMP NOT NULL,
    action VARCHAR NOT NULL,          -- added | replaced | unchanged | removed
    source_name VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    source_id INTEGER,
    replaced_source_id INTEGER,
    figures INTEGER,
    warnings INTEGER,
    loaded_by VARCHAR
);

CREATE TABLE IF NOT EXISTS population (
    place_code VARCHAR NOT NULL, year INTEGER NOT NULL, population INTEGER NOT NULL,
    source VARCHAR NOT NULL, PRIMARY KEY (place_code, year)
);


-- Metric wordings the catalog did not know, seen in uploads (to extend activity/metrics.toml).
CREATE TABLE IF NOT EXISTS unknown_wordings (
    wording VARCHAR NOT NULL,         -- as written in the file
    file VARCHAR NOT NULL,            -- the file's display name
    seen_at TIMESTAMP NOT NULL,       -- last seen
    count INTEGER NOT NULL,           -- cells of that file that wrote it
    PRIMARY KEY (wording, file)
);

"""

# What a row of `obs` is, once: each column, its type and where it comes from, a column of `facts`
# (f) or of the row of `sources` (s), `metrics` (m) or `places` (p) it joins (inner joins: a figure
# whose place or metric the warehouse lacks is not shown). `OBS_ROWS` says it in SQL (for rebuilds),
# `obs_rows_arrow` in Arrow (for the batches the loader writes straight, in their own order);
# tests/test_storer.py checks after every kind of load that `obs` equals a rebuild.
OBS = (
    ("city", "VARCHAR", "p", "name_en"),
    ("city_uk", "VARCHAR", "p", "name_uk"),
    ("department", "VARCHAR", "d", "name_uk"),
    ("metric", "VARCHAR", "f", "metric"),
    ("kind", "VARCHAR", "m", "kind"),
    ("period_start", "DATE", "f", "period_start"),
    ("period_end", "DATE", "f", "period_end"),
    ("granularity", "VARCHAR", "f", "granularity"),
    ("value", "DOUBLE", "f", "value"),
    ("as_of", "DATE", "f", "as_of"),
    ("approximate", "BOOLEAN", "f", "approximate"),
    ("status", "VARCHAR", "f", "status"),
    ("source", "VARCHAR", "s", "name"),
    ("locator", "VARCHAR", "f", "locator"),
    ("breakdown", "VARCHAR", "f", "breakdown"),
    ("demo", "BOOLEAN", "s", "is_demo"),
    ("city_code", "VARCHAR", "f", "place_code"),
    ("department_code", "VARCHAR", "f", "department_code"),
    ("department_kind", "VARCHAR", "d", "kind"),
)
# `obs_summary` (etl.load.summary): what `obs` holds, counted per group of rows.
SUMMARY_COLUMNS = (
    ("city_code", "VARCHAR"), ("city_uk", "VARCHAR"), ("city", "VARCHAR"), ("department", "VARCHAR"),
    ("department_code", "VARCHAR"), ("department_kind", "VARCHAR"),
    ("metric", "VARCHAR"), ("kind", "VARCHAR"), ("granularity", "VARCHAR"), ("demo", "BOOLEAN"),
    ("headline", "BOOLEAN"), ("figures", "BIGINT"), ("first_start", "DATE"), ("last_end", "DATE"),
    ("last_date", "DATE"),
)
# The tables `obs` joins: alias -> (table, its key column, the column of `facts` that points at it).
OBS_JOINS = {"s": ("sources", "source_id", "source_id"), "m": ("metrics", "code", "metric"),
             "p": ("places", "code", "place_code"), "d": ("departments", "code", "department_code")}

# The rows of `obs` made from rows with the columns of `facts` ({facts}: a table or a registered batch).
OBS_ROWS = (
    "SELECT " + ", ".join(f"{alias}.{column} AS {name}" for name, _, alias, column in OBS)
    + " FROM {facts} f "
    + " ".join(f"JOIN {table} {alias} ON {alias}.{key} = f.{ref}" for alias, (table, key, ref) in OBS_JOINS.items())
)

# Each figure once (activity.identity): what `obs` holds for the places given (all places when the list is NULL).
DEDUPED = OBS_ROWS.format(facts="facts") + f"""
WHERE s.active AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], f.place_code))
QUALIFY row_number() OVER (PARTITION BY {key_sql("f.", stock="m.kind = 'stock'")} ORDER BY {precedence_sql()}) = 1
"""


DDL += ("CREATE TABLE IF NOT EXISTS obs (" + ", ".join(f"{name} {kind}" for name, kind, _, _ in OBS) + ");\n"
        "CREATE OR REPLACE VIEW observations AS SELECT * FROM obs;\n"
        "CREATE TABLE IF NOT EXISTS obs_summary (" + ", ".join(f"{name} {kind}" for name, kind in SUMMARY_COLUMNS)
        + ");\n")

# The tables a warehouse of this schema holds (and the view `observations`).
TABLES = ("meta", "places", "metrics", "sources", "facts", "load_log", "population", "obs", "obs_summary",
          "unknown_wordings", "departments")


def schema_problem(found_version: str | None, tables: set[str]) -> str | None:
    """Why a warehouse file is not of this schema (None when it is): written by an older version of
    the app (rebuild it), or not a warehouse of this app at all."""
    if found_version is None:
        return "not a warehouse of this app: no schema version"
    if found_version != str(SCHEMA_VERSION) or set(TABLES) - tables:
        missing = ", ".join(sorted(set(TABLES) - tables))
        return f"schema {found_version}, this app reads {SCHEMA_VERSION}" + (f"; no table {missing}" if missing else "")
    return None



def obs_rows_arrow(facts, lookups: dict):
    """`OBS_ROWS` over an Arrow table of facts, in its own row order: `lookups` maps each alias of
    `OBS_JOINS` to an Arrow table holding that table's key column and the columns `OBS` takes."""
    import pyarrow as pa
    import pyarrow.compute as pc

    found = {alias: pc.index_in(facts[ref], value_set=lookups[alias][key])
             for alias, (_, key, ref) in OBS_JOINS.items()}
    keep = None
    for at in found.values():
        keep = at.is_valid() if keep is None else pc.and_(keep, at.is_valid())
    if not pc.all(keep).as_py():
        facts = facts.filter(keep)
        found = {alias: at.filter(keep) for alias, at in found.items()}
    return pa.table({name: facts[column] if alias == "f" else lookups[alias][column].take(found[alias])
                     for name, _, alias, column in OBS})


# Rows sorted by the columns every page filters on, so DuckDB skips row groups by their min/max.
SORT_KEY = "city_code, metric, period_start"
