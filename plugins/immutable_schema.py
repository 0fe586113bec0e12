"""The schema of an immutable database read once per process, not on every request.

Datasette 0.65 asks SQLite for the schema again on every page: the home page lists
every table's columns, primary keys and full-text table (93 small queries on the
archive, each a hand-off to a SQL thread), a table page its columns, foreign keys,
label columns, view and table definitions, the entity pages whether the build's
tables exist. A database opened immutable (``datasette serve -i``, the published
folder) cannot change while it is served, so each answer is the same for the life of
the process: this plugin keeps the first answer of each of those Database methods, per
database and arguments, and gives a copy of it to later callers (so that a caller
changing the list it gets cannot change the next caller's). Mutable files (``loader
serve``, ``datasette serve FILE``) are left alone: a build may change them while served.

Besides those methods: any ``execute`` of SQL that reads ``sqlite_master`` alone or
``PRAGMA schema_version`` is remembered too (Datasette 0.65.5 looks up the spelling of a
table's name in sqlite_master for every ``view-table`` permission check, 84 of the home
page's queries), and Datasette's per-request ``refresh_schemas`` (a schema_version
query per database and one of its internal database) runs once, when every database
served is immutable. Then too each table permission check's answer is remembered
(Datasette 0.65 deep-copies the whole metadata for each, and the home page checks every
table and view: 135 ms of the home page at 1M statements under ``datasette serve -i``),
in the published folder too (it serves the file immutable, with these plugins).

The answers depend on the file and on metadata.yml (hidden tables, label columns),
neither of which changes while the process runs.
"""

from __future__ import annotations

import asyncio
import copy
import functools
import re

from datasette import hookimpl

# Database methods whose answer depends on the schema (and metadata) alone.
REMEMBERED = ("table_names", "view_names", "hidden_table_names", "table_exists", "table_columns",
              "table_column_details", "primary_keys", "fts_table", "label_column_for_table",
              "foreign_keys_for_table", "get_all_foreign_keys", "get_table_definition", "attached_databases")
MARK = "_remembered_schema"
MAX_REMEMBERED = 4096  # answers of execute() kept per database; then the next ones are asked each time
# SQL answered from sqlite_master alone (no other table named after FROM or JOIN), or the schema version.
SCHEMA_SQL = re.compile(r"\s*(?:select\b(?:(?!\b(?:from|join)\b).)*\bfrom\s+sqlite_master\b(?:(?!\b(?:from|join)\b).)*"
                        r"|pragma\s+schema_version\s*;?\s*)", re.I | re.S)


def _remembering(method, answers: dict, name: str, copied=copy.deepcopy):
    async def remembered(*args, **kwargs):
        key = (name, args, tuple(sorted(kwargs.items())))
        future = answers.get(key)
        if future is None:
            future = answers[key] = asyncio.get_running_loop().create_future()
            try:
                future.set_result(await method(*args, **kwargs))
            except BaseException as error:  # not remembered: the next caller asks again
                del answers[key]
                future.set_exception(error)
                future.exception()  # retrieved: no "never retrieved" warning when nobody waits
                raise
        elif not future.done():
            try:
                await asyncio.shield(future)  # another request is asking: wait for its answer
            except asyncio.CancelledError:
                if future.done() and not future.cancelled() and isinstance(future.exception(), asyncio.CancelledError):
                    # the request asking was cancelled (its client went away), not this one: ask again
                    return await remembered(*args, **kwargs)
                raise
        return copied(future.result())

    remembered.__name__ = name
    remembered.__wrapped__ = method
    return remembered


def _remembering_execute(database, execute, answers: dict):
    from datasette.database import Results

    async def run(sql, frozen, *args, **kwargs):
        params = dict(frozen) if frozen and isinstance(frozen[0], tuple) else list(frozen)
        return await execute(sql, params or None, *args, **kwargs)

    # sqlite3.Row cannot be deep-copied, but is read-only: a new list of the same rows
    copied = lambda results: Results(list(results.rows), results.truncated, results.description)  # noqa: E731
    remembered = _remembering(run, answers, "execute", copied)

    async def remembered_execute(sql, params=None, *args, **kwargs):
        # truncate=True: a visitor's own SQL (?sql=, canned queries), never remembered
        if (getattr(database, MARK, None) is not answers or args or kwargs.get("truncate") or not isinstance(sql, str) or not SCHEMA_SQL.fullmatch(sql)
                or len(answers) >= MAX_REMEMBERED):
            return await execute(sql, params, *args, **kwargs)
        frozen = tuple(sorted(params.items())) if isinstance(params, dict) else tuple(params or ())
        return await remembered(sql, frozen, *args, **kwargs)

    remembered_execute.__wrapped__ = execute
    return remembered_execute


def remember(database) -> bool:
    """Keep the schema answers of ``database`` if it is immutable; True when it now does."""
    if database.is_mutable or database.is_memory or getattr(database, MARK, None) is not None:
        return False
    answers: dict = {}
    setattr(database, MARK, answers)
    for name in REMEMBERED:
        method = getattr(database, name, None)
        if method is not None:
            setattr(database, name, _remembering(method, answers, name))
    database.execute = _remembering_execute(database, database.execute, answers)
    return True


def forget(database) -> None:
    """Ask SQLite again on every call (the tests compare pages both ways)."""
    if getattr(database, MARK, None) is None:
        return
    for name in REMEMBERED:
        database.__dict__.pop(name, None)
    setattr(database, MARK, None)  # execute() then passes every query on


def _refreshing_once(datasette) -> None:
    """Datasette reads every database's schema version on each request, to refresh its
    internal tables: with every database immutable, once is enough."""
    refresh = datasette.refresh_schemas
    done = False

    async def refresh_schemas():
        nonlocal done
        if done and _all_immutable(datasette):  # (a database added since, mutable or not, is read again)
            return
        await refresh()
        done = _all_immutable(datasette)

    datasette.refresh_schemas = refresh_schemas


def _all_immutable(datasette) -> bool:
    return all(getattr(db, MARK, None) is not None for name, db in datasette.databases.items() if name != "_internal")


@hookimpl
def startup(datasette):
    for database in datasette.databases.values():
        remember(database)
    _refreshing_once(datasette)
    allows = getattr(datasette, "_table_permission_allows", None)
    if allows is not None and _all_immutable(datasette) and not hasattr(allows, "cache_info"):
        # the answer depends on the metadata and the (database, table) asked about alone
        datasette._table_permission_allows = functools.lru_cache(maxsize=4096)(allows)
