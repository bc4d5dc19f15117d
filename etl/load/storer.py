"""Store the files of one load into the load's copy of the warehouse, in batches.

A national load stores some 1 800 files and 10 million figures; statement by statement per file,
the bookkeeping alone cost more than reading the files. So, for one load:

* the active sources (by content hash and by name), the next source id and the known places are
  read once; `sources` and `load_log` rows are kept and written together with the facts;
* facts wait in a batch and go in ~250 000 rows at a time (one INSERT from Arrow);
* `obs` rows of a place are written straight from the batch when that place cannot hold the same
  figure twice: its figures come from this one file alone and the file holds every figure once
  (as `observations` counts "once", see activity.warehouse.schema.DEDUPED). Every other place this load touched
  is "contested" and rebuilt from `facts` with DEDUPED when the load finishes;
* `obs_summary` is brought up to date for the places touched.

A file whose name is already loaded replaces that source: the batch is written first, then the old
facts are deleted, exactly as one file at a time would.
"""

from __future__ import annotations

from datetime import datetime

import duckdb

from activity.identity import once_in_obs
from activity.places import PLACES_CSV
from activity.warehouse.schema import obs_rows_arrow
from etl.load.observations import refresh_observations, refresh_summary
from etl.load.parse import FileResult, figures_table

BATCH_ROWS = 250_000
# DuckDB's rows per row group. A batch is written in whole row groups, the rest waiting for the
# next: each insert commits on its own, and a part-filled group left by every batch had to be
# merged by the load's final checkpoint (national load: 4,5 s of checkpoint, a file a third larger).
ROW_GROUP = 122_880


class Storer:
    """Stores the files of one load (see the module docstring); `finish()` once they are all in."""

    def __init__(self, con: duckdb.DuckDBPyConnection, *, demo: bool, user: str) -> None:
        self.con, self.demo, self.user = con, demo, user
        self.load_id = con.execute("SELECT coalesce(max(load_id), 0) + 1 FROM load_log").fetchone()[0]
        self.next_id = con.execute("SELECT coalesce(max(source_id), 0) + 1 FROM sources").fetchone()[0]
        self.by_hash: dict[str, str] = {}
        self.by_name: dict[str, list[int]] = {}
        for source_id, name, content_hash in con.execute(
                "SELECT source_id, name, content_hash FROM sources WHERE active ORDER BY source_id").fetchall():
            self.by_hash.setdefault(content_hash, name)
            self.by_name.setdefault(name, []).append(source_id)
        self.known_places = {c for (c,) in con.execute("SELECT code FROM places").fetchall()}
        self.kinds = con.sql("SELECT code, kind FROM metrics").to_arrow_table()
        self.departments = con.sql("SELECT code, name_uk, kind FROM departments").to_arrow_table()
        self.known_departments = set(self.departments["code"].to_pylist())
        self.new_departments: list[list] = []  # rows of `departments` this load registers
        self.names: dict[int, str] = {}  # source id -> name, for the sources of this load
        self.contested = {c for (c,) in con.execute("SELECT DISTINCT place_code FROM facts").fetchall()}
        self.touched: set[str] = set()  # places with figures from this load
        self.stale: set[str] = set()  # places of replaced sources: rebuilt whether touched again or not
        self.sources: list[list] = []
        self.log: list[list] = []
        self.batch: list = []  # (first place, table with source_id), waiting to be inserted
        self.rows = 0
        # One DuckDB thread while files arrive: the worker processes parsing them have the cores, and
        # on busy cores one thread inserts a batch with a third of the CPU time of several.
        con.execute("SET threads = 1")

    def holds(self, r: FileResult) -> bool:
        """Whether the warehouse (or this load) already holds a file of this content."""
        return r.content_hash in self.by_hash

    def store(self, r: FileResult) -> None:
        """Store one validated file (or note it unchanged)."""
        now = datetime.now()
        same = self.by_hash.get(r.content_hash)
        if same is not None:
            r.action, r.replaced = "unchanged", same
            self.log.append([self.load_id, now, "unchanged", r.name, r.content_hash, None, None, 0,
                             len(r.warnings), self.user])
            return
        source_id, self.next_id = self.next_id, self.next_id + 1
        old = self.by_name.get(r.name, [])
        if old:
            self._replace(old, source_id)
        r.action, r.replaced = ("replaced", r.name) if old else ("added", None)
        self.by_hash[r.content_hash], self.by_name[r.name] = r.name, [source_id]
        self.names[source_id] = r.name
        self.sources.append([source_id, r.name, r.content_hash, r.kind, self.demo, now, self.user, r.figure_count,
                             len(r.warnings), True, None])
        self.log.append([self.load_id, now, r.action, r.name, r.content_hash, source_id, old[0] if old else None,
                         r.figure_count, len(r.warnings), self.user])
        import pyarrow as pa

        table = r.packed if r.packed is not None else figures_table(r.figures)
        table, merged = self._with_departments(table, r, now)
        places = set(table.column("place_code").unique().to_pylist()) if table.num_rows else set()
        again = places & self.touched  # a second file of this load for these places
        once = r.once_in_obs if r.once_in_obs is not None and not merged else once_in_obs(table)
        self.contested |= again if once else places
        self.touched |= places

        if len(places) > 1:
            table = table.sort_by("place_code")
        table = table.add_column(0, "source_id", pa.array([source_id] * table.num_rows, pa.int32()))
        self.batch.append((min(places, default=""), table))
        self.rows += table.num_rows
        if self.rows >= BATCH_ROWS:
            self.flush(whole_groups=True)

    def _with_departments(self, table, r: FileResult, now: datetime):
        """The table with each figure's `department_code` (as etl.load.departments resolved the file) in
        place of the text it was written as (its cell keeps that), the departments the warehouse lacks
        noted for writing, and whether two spellings became one."""
        import pyarrow as pa
        import pyarrow.compute as pc

        found = r.departments or {}
        for d in {d.code: d for d in found.values()}.values():
            if d.code not in self.known_departments:
                self.known_departments.add(d.code)
                self.new_departments.append([d.code, d.place, d.kind, d.name_uk, d.name_en, d.origin, now, self.user])
        pairs = list(found)
        if len({(p, found[(p, t)].code) for p, t in pairs}) == len(pairs) and len({p for p, _ in pairs}) == 1:
            # one place: the text of each figure gives its code directly
            texts = pa.array([t for _, t in pairs], pa.string())
            codes = pa.array([found[k].code for k in pairs], pa.string())
            code = codes.take(pc.index_in(table["department"], value_set=texts))
            return table.set_column(table.schema.get_field_index("department"), "department_code", code), False
        code = pa.array([found[(p, t)].code for p, t in zip(table["place_code"].to_pylist(),
                                                            table["department"].to_pylist(), strict=True)], pa.string())
        merged = len({(p, found[(p, t)].code) for p, t in pairs}) < len(pairs)
        return table.set_column(table.schema.get_field_index("department"), "department_code", code), merged

    def _replace(self, old: list[int], source_id: int) -> None:
        """A file of the same name is loaded again: its old facts go (after the batch, which may hold them)."""
        self.flush()
        con = self.con
        for old_id in old:
            self.stale |= {c for (c,) in con.execute("SELECT DISTINCT place_code FROM facts WHERE source_id = ?",
                                                        [old_id]).fetchall()}
            con.execute("DELETE FROM facts WHERE source_id = ?", [old_id])
        # The new source's row is not written yet: mark the old ones now, point them at it on flush.
        con.execute("UPDATE sources SET active = FALSE, superseded_by = ? WHERE list_contains(?::INTEGER[], source_id)",
                    [source_id, old])

    def flush(self, whole_groups: bool = False) -> None:
        """Write what waits: sources, the load log, new places, the facts and the uncontested obs
        rows; with `whole_groups`, the facts only in whole row groups (the last rows wait)."""
        con = self.con
        if self.sources:
            con.executemany("INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", self.sources)
            self.sources = []
        if self.log:
            con.executemany("INSERT INTO load_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", self.log)
            self.log = []
        if self.new_departments:  # one insert of them all (executemany takes ~1 ms a row)
            import pyarrow as pa

            columns = ("code", "place_code", "kind", "name_uk", "name_en", "origin", "registered_at", "registered_by")
            rows = self.new_departments
            con.register("new_departments", pa.table({c: [row[i] for row in rows] for i, c in enumerate(columns)}))
            con.execute("INSERT INTO departments SELECT * FROM new_departments")
            con.unregister("new_departments")
            self.new_departments = []
            self.departments = con.sql("SELECT code, name_uk, kind FROM departments").to_arrow_table()
        new_places = sorted(self.touched - self.known_places)
        if new_places:
            con.execute(
                """INSERT INTO places SELECT code, level, coalesce(name_uk, ''), coalesce(name_en, ''),
                       coalesce(oblast_uk, ''), coalesce(raion_uk, ''), coalesce(hromada_code, '')
                   FROM read_csv(?, header = true, all_varchar = true) WHERE list_contains(?::VARCHAR[], code)""",
                [str(PLACES_CSV), new_places])
            self.known_places |= set(new_places)
        if not self.batch:
            return
        import pyarrow as pa

        # In place order, file by file (each sorted by place when it holds several), so that `obs`
        # is stored in place order for its zone maps without a sort.
        self.batch.sort(key=lambda item: item[0])
        facts = pa.concat_tables([table for _, table in self.batch])
        rest = facts.num_rows % ROW_GROUP if whole_groups else 0
        self.batch, self.rows = [], rest
        if rest:  # the last places' rows wait, still in place order
            waiting = facts.slice(facts.num_rows - rest)
            self.batch.append((waiting["place_code"][0].as_py(), waiting))
            facts = facts.slice(0, facts.num_rows - rest)
        con.register("incoming", facts)
        con.execute("INSERT INTO facts SELECT * FROM incoming")
        con.register("incoming", self._obs_rows(facts, (self.contested & self.touched) | self.stale))
        con.execute("INSERT INTO obs SELECT * FROM incoming")
        con.unregister("incoming")

    def _obs_rows(self, facts, leave_out: set[str]):
        """The `obs` rows of a batch of this load's facts (activity.warehouse.schema.obs_rows_arrow, in
        the batch's order), but for the places left out."""
        import pyarrow as pa
        import pyarrow.compute as pc

        if leave_out:
            facts = facts.filter(pc.invert(pc.is_in(facts["place_code"], value_set=pa.array(sorted(leave_out)))))
        places = self.con.sql("SELECT code, name_en, name_uk FROM places WHERE list_contains(?::VARCHAR[], code)",
                              params=[pc.unique(facts["place_code"]).to_pylist()]).to_arrow_table()
        sources = pa.table({"source_id": pa.array(list(self.names), pa.int32()),
                            "name": pa.array(list(self.names.values()), pa.string()),
                            "is_demo": pa.repeat(pa.scalar(self.demo), len(self.names))})
        return obs_rows_arrow(facts, {"s": sources, "m": self.kinds, "p": places, "d": self.departments})

    def finish(self) -> None:
        """Write the rest; rebuild `obs` for the contested places (refresh_observations, which brings
        their `obs_summary` rows along) and `obs_summary` for the places written straight."""
        self.flush()
        self.con.execute("RESET threads")
        rebuild = (self.contested & self.touched) | self.stale
        refresh_observations(self.con, rebuild)
        refresh_summary(self.con, self.touched - rebuild)
