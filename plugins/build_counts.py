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
        return bool((await db.execute("select 1 from sqlite_master where type = 'table' and name = ?", [COUNTS_TABLE])).rows)

    async def facet_results(self):
        counted = set(FACETS.get(self.table) or ()) if self._unfiltered() else set()
        configs = super().get_configs()
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
