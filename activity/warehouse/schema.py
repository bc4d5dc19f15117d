"""The warehouse's tables and its public view `observations`.

Grain: `facts` holds one row per figure per source; the same figure may come from two sources (a
city's monthly workbook and its report). `observations` (the public contract of DESIGN.md) shows
each figure once: a real source wins over demo data, then the most recently loaded source (within
one source, a stock given as of one day for two periods: the shorter period's figure). It
reads `obs`, which the loader keeps up to date (`DEDUPED`) and sorted for fast filtered reads.
Flows are the same figure when place, department, metric, breakdown and period match; stocks when
place, department, metric, breakdown and the date they stand on match.
"""

SCHEMA_VERSION = 2

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
    department VARCHAR NOT NULL,
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

CREATE TABLE IF NOT EXISTS obs (
    city VARCHAR, city_uk VARCHAR, department VARCHAR, metric VARCHAR, kind VARCHAR,
    period_start DATE, period_end DATE, granularity VARCHAR, value DOUBLE, as_of DATE,
    approximate BOOLEAN, status VARCHAR, source VARCHAR, locator VARCHAR, breakdown VARCHAR,
    demo BOOLEAN, city_code VARCHAR
);

-- Metric wordings the catalog did not know, seen in uploads (to extend activity/metrics.toml).
CREATE TABLE IF NOT EXISTS unknown_wordings (
    wording VARCHAR NOT NULL,         -- as written in the file
    file VARCHAR NOT NULL,            -- the file's display name
    seen_at TIMESTAMP NOT NULL,       -- last seen
    count INTEGER NOT NULL,           -- cells of that file that wrote it
    PRIMARY KEY (wording, file)
);

CREATE OR REPLACE VIEW observations AS SELECT * FROM obs;
"""

# The rows of `obs` made from rows with the columns of `facts` ({facts}: a table or a registered batch).
# etl.load.storer builds the same rows in Arrow for the batches it writes straight (Storer._obs_rows):
# a change here goes there too; tests/test_storer.py compares the two.
OBS_ROWS = """
SELECT
    p.name_en AS city,
    p.name_uk AS city_uk,
    f.department,
    f.metric,
    m.kind,
    f.period_start,
    f.period_end,
    f.granularity,
    f.value,
    f.as_of,
    f.approximate,
    f.status,
    s.name AS source,
    f.locator,
    f.breakdown,
    s.is_demo AS demo,
    f.place_code AS city_code
FROM {facts} f
JOIN sources s USING (source_id)
JOIN metrics m ON m.code = f.metric
JOIN places p ON p.code = f.place_code
"""

# Each figure once: what `obs` holds for the places given (all places when the list is NULL).
DEDUPED = OBS_ROWS.format(facts="facts") + """
WHERE s.active AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], f.place_code))
QUALIFY row_number() OVER (
    PARTITION BY f.place_code, f.department, f.metric, f.breakdown,
        CASE WHEN m.kind = 'stock' THEN NULL ELSE f.period_start END,
        CASE WHEN m.kind = 'stock' THEN COALESCE(f.as_of, f.period_end + 1) ELSE f.period_end END
    ORDER BY s.is_demo, s.loaded_at DESC, s.source_id DESC, f.period_start DESC, f.locator
) = 1
"""

# Rows sorted by the columns every page filters on, so DuckDB skips row groups by their min/max.
SORT_KEY = "city_code, metric, period_start"
