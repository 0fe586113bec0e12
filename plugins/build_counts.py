"""Facets and row counts of the largest tables and views from the counts the build keeps
(build_facet_counts, build_row_counts; loader/aggregates.py), not counted again per
request.

Datasette 0.65 counts each configured facet of a table page with a GROUP BY over the
page's rows: on a million statements 100-200 ms a facet, and the facets of the
statements_with_speakers view time out (docs/benchmarks.md). On an unfiltered page of
a table in ``loader.aggregates.FACETS`` those columns' values and counts are read from
build_facet_counts: the same values, counts and order (count desc, then value) that
Datasette's facet SQL gives. A filtered page (``?cue=said``, ``_search=``, ``_where=``),
another column (``_facet=article_id``) or an archive without the table is counted by
Datasette as before.

Datasette has one class per facet type, so this one replaces the built-in
ColumnFacet: the plugin takes datasette.facets out of the plugin manager and registers
its date and array facets again.

The row count of an unfiltered page: Datasette takes a table's from the inspect file of
an immutable database, but counts a view (``select count(*) from VIEW``, a join of the
whole archive: over the 1 s limit at 1M statements) on every page. The archive's
Database answers exactly that query for a view in FACETS from build_row_counts instead
(its ``execute`` is wrapped at startup), and the count of a page filtered by
``_search=`` alone from the FTS index alone (see SEARCH_COUNT); any other SQL, other
filtered counts included, runs as it is.
"""

from __future__ import annotations

import re
import sqlite3

from datasette import hookimpl
from datasette.facets import ArrayFacet, ColumnFacet, DateFacet
from datasette.plugins import pm
from datasette.utils import detect_json1, escape_sqlite, path_with_added_args, path_with_removed_args

from loader.aggregates import FACETS

COUNTS_TABLE = "build_facet_counts"
# Datasette 0.65's count SQL of an unfiltered table page (views/table.py: "select count(*) " + from_sql)
UNFILTERED_COUNTS = {f"select count(*) from {escape_sqlite(table)} ": table for table in FACETS}
# ... and of a page filtered by ?_search= alone (datasette/filters.py). schema.sql keeps each
# FTS index in step with its table by triggers, so its matches are the table's rows: the
# count is the index's alone (18 ms for a word in a third of 1M statements), not a
# lookup of each match in the table (660 ms).
SEARCH_COUNT = re.compile(r"select count\(\*\) from (statements|articles) where rowid in "
                          r"\(select rowid from (\1_fts) where \2 match (escape_fts\(:search\)|:search)\)\s*")

# ... and its page: Datasette sorts every match by the table's sort (start) and keeps the
# first rows, 700 ms for a word in a fifth of 1M statements. When the matches are many,
# the page walks the table in that order (idx_statements_start, ties by id as the next
# pages' keys assume) and asks the index of each row instead, stopping at the page's
# rows: 7 ms for that word. Which way is
# cheaper depends on how many match: sorting costs about 3 us a match, walking about
# 30 us a row walked, and the walk reads rows/matches rows per row shown, so the walk
# wins from matches**2 > WALK_FACTOR * rows (about 22,000 matches at 1M statements).
SEARCH_PAGE = re.compile(r"(select .+ from statements )where rowid in \(select rowid from statements_fts "
                         r"where statements_fts match (escape_fts\(:search\)|:search)\)\s*order by start(?:, id)? limit (\d+)\s*",
                         re.S)
WALK_FACTOR = 500
# Facets of a search page count its matches: 1.2 s a facet for a word in a fifth of 1M
# statements, cut off at facet_time_limit_ms. Over this many matches they are left
# out, as timed out, without running.
FACET_MATCHES = 20_000


async def search_matches(database, table: str, search: str) -> int:
    """How many rows of ``table`` match ``search`` (?_search=), from its FTS index alone,
    remembered by the database for the next requests (the archive is read-only while served)."""
    remembered = database.__dict__.setdefault("search_matches", {})  # (table, search) -> matches, the latest few
    key = (table, search)
    if key not in remembered:
        if len(remembered) > 256:
            remembered.clear()
        sql = f"select count(*) from {table}_fts where {table}_fts match escape_fts(:search)"
        remembered[key] = (await database.execute(sql, {"search": search})).first()[0]
    return remembered[key]


if pm.get_plugin("datasette.facets") is not None:
    pm.unregister(name="datasette.facets")


def _column(config: dict) -> str:
    return config.get("column") or config["simple"]


class BuildCountedColumnFacet(ColumnFacet):
    _skip: frozenset = frozenset()

    def get_configs(self):
        return [c for c in super().get_configs() if _column(c["config"]) not in self._skip]

    def _unfiltered(self) -> bool:
        # Datasette's page SQL without order or limit: "select COLUMNS from TABLE WHERE-CLAUSE"
        return bool(self.table) and not self.params and self.sql.rstrip().endswith(" from " + escape_sqlite(self.table))

    async def _has_counts(self) -> bool:
        db = self.ds.get_database(self.database)
        return await db.table_exists(COUNTS_TABLE)  # remembered on an immutable file (immutable_schema.py)

    def _searched(self) -> bool:
        # a page filtered by ?_search= alone
        return bool(self.table) and set(self.params or {}) == {"search"} and " match " in self.sql

    async def facet_results(self):
        configs = super().get_configs()
        if self._searched() and configs:
            db = self.ds.get_database(self.database)
            try:
                many = await search_matches(db, self.table, self.params["search"]) > FACET_MATCHES
            except sqlite3.OperationalError:  # no FTS index of that name: counted as Datasette does
                many = False
            if many:
                return [], [_column(c["config"]) for c in configs]
        counted = set(FACETS.get(self.table) or ()) if self._unfiltered() else set()
        counted &= {_column(c["config"]) for c in configs}
        if not counted or not await self._has_counts():
            return await super().facet_results()
        self._skip = frozenset(counted)
        try:
            others, timed_out = await super().facet_results()
        finally:
            self._skip = frozenset()
        by_name = {result["name"]: result for result in others}
        for source_and_config in configs:
            column = _column(source_and_config["config"])
            if column in counted and column not in by_name:
                by_name[column] = await self._from_counts(column, source_and_config["source"])
        order = [_column(c["config"]) for c in configs]
        results = sorted(by_name.values(), key=lambda r: order.index(r["name"]) if r["name"] in order else len(order))
        return results, timed_out

    async def _from_counts(self, column: str, source: str) -> dict:
        """One facet as ColumnFacet.facet_results gives it, from the build's counts."""
        facet_size = self.get_facet_size()
        rows = (await self.ds.execute(
            self.database,
            f"select value, count from {COUNTS_TABLE} where table_name = :table and column_name = :column "
            "order by count desc, value limit :limit",
            {"table": self.table, "column": column, "limit": facet_size + 1},
        )).rows
        shown = rows[:facet_size]
        expanded = await self.ds.expand_foreign_keys(self.database, self.table, column, [row["value"] for row in shown])
        qs_pairs = self.get_querystring_pairs()
        values = []
        for row in shown:
            column_qs = f"{column}__exact" if column.startswith("_") else column
            selected = (column_qs, str(row["value"])) in qs_pairs
            if selected:
                toggle_path = path_with_removed_args(self.request, {column_qs: str(row["value"])})
            else:
                toggle_path = path_with_added_args(self.request, {column_qs: row["value"]})
            values.append({
                "value": row["value"],
                "label": expanded.get((column, row["value"]), row["value"]),
                "count": row["count"],
                "toggle_url": self.ds.absolute_url(self.request, self.ds.urls.path(toggle_path)),
                "selected": selected,
            })
        return {
            "name": column,
            "type": self.type,
            "hideable": source != "metadata",
            "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet": column})),
            "results": values,
            "truncated": len(rows) > facet_size,
        }


@hookimpl
def register_facet_classes():
    classes = [BuildCountedColumnFacet, DateFacet]
    if detect_json1():
        classes.append(ArrayFacet)
    return classes


def _count_from_build(database) -> None:
    execute = database.execute

    async def counted_execute(sql, params=None, *args, **kwargs):
        search = SEARCH_COUNT.fullmatch(sql) if isinstance(sql, str) else None
        if search and isinstance(params, dict) and set(params) == {"search"}:
            fts, match = search.group(2), search.group(3)
            return await execute(f"select count(*) from {fts} where {fts} match {match}", params, *args, **kwargs)
        page = SEARCH_PAGE.fullmatch(sql) if isinstance(sql, str) else None
        if page and isinstance(params, dict) and set(params) == {"search"}:
            try:
                matches = await search_matches(database, "statements", params["search"])
                rows = (await execute("select max(rowid) from statements")).first()[0] or 0
            except sqlite3.OperationalError:
                matches = rows = 0
            if matches * matches > WALK_FACTOR * rows:
                select, match, limit = page.groups()
                sql = (f"{select}indexed by idx_statements_start where exists (select 1 from statements_fts "
                       f"where statements_fts match {match} and statements_fts.rowid = statements.rowid) "
                       f"order by start, id limit {limit}")
        table = UNFILTERED_COUNTS.get(sql)
        if table is not None and not params:
            try:
                counted = await execute("select rows from build_row_counts where table_name = :table", {"table": table})
            except sqlite3.OperationalError:  # an archive built before the table existed: count as Datasette does
                counted = None
            if counted is not None and counted.rows:
                return counted
        return await execute(sql, params, *args, **kwargs)

    database.execute = counted_execute


@hookimpl
def startup(datasette):
    for database in datasette.databases.values():
        if not database.is_memory:
            _count_from_build(database)
