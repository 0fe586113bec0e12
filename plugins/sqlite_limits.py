"""SQLite's own limits on every connection, so that one SQL call cannot escape the time
limit or fill memory (Datasette's sql_time_limit_ms interrupts between steps, and
max_returned_rows counts rows, not bytes).

- ``setlimit``: longest string or blob, SQL text, columns, expression depth, function
  arguments, compound selects, LIKE pattern, bound variables, attached databases.
  A value built past it (``replace`` nested, ``group_concat``) fails at once ("string
  or blob too big") instead of allocating gigabytes.
- an authorizer: no ``fts3_tokenizer()`` (it returns a native pointer; Python 3.11 has
  no ``setconfig`` to switch it off through the connection's dbconfig), no
  ``randomblob``/``zeroblob`` (nothing in this archive needs made-up blobs), no
  ``printf``/``format`` (their ``%.*c`` loops for seconds inside one call), no
  ``load_extension``; ``pragma_database_list.file`` reads as null (the absolute path of
  the database on the server is nobody's business). Datasette's own ``PRAGMA`` calls
  are unaffected.
- a byte budget per query: rows are counted as they are fetched and a query whose
  result passes the budget stops with an error, before the rows fill memory.

Settings (plugin ``news-archive-limits`` in metadata): ``max_value_bytes``,
``max_result_bytes``.
"""

from __future__ import annotations

import sqlite3

from datasette import hookimpl

PLUGIN = "news-archive-limits"
MAX_VALUE_BYTES = 10_000_000  # over twice the largest article the loader accepts (5 MB)
MAX_RESULT_BYTES = 50_000_000
LIMITS = {
    sqlite3.SQLITE_LIMIT_SQL_LENGTH: 20_000,  # 8 times the longest canned query
    sqlite3.SQLITE_LIMIT_COLUMN: 200,
    sqlite3.SQLITE_LIMIT_EXPR_DEPTH: 200,
    sqlite3.SQLITE_LIMIT_COMPOUND_SELECT: 20,
    sqlite3.SQLITE_LIMIT_FUNCTION_ARG: 32,
    sqlite3.SQLITE_LIMIT_LIKE_PATTERN_LENGTH: 500,
    sqlite3.SQLITE_LIMIT_ATTACHED: 0,
    sqlite3.SQLITE_LIMIT_TRIGGER_DEPTH: 10,
}
# printf('%.*c', 5e8, 'x') loops 5e8 times inside one call even when the length limit
# stops its output: printf and its alias format go too (no page or canned query uses them).
DENIED_FUNCTIONS = frozenset({"fts3_tokenizer", "randomblob", "zeroblob", "load_extension", "printf", "format"})
SQLITE_FUNCTION = 31  # authorizer action codes (sqlite3.h); Python 3.11 does not export all of them
SQLITE_READ = 20


def authorizer(action, arg1, arg2, database, source):
    if action == SQLITE_FUNCTION and arg2 and arg2.lower() in DENIED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    if action == SQLITE_READ and arg1 == "pragma_database_list" and arg2 == "file":
        return sqlite3.SQLITE_IGNORE  # the column reads as null
    return sqlite3.SQLITE_OK


def _size(value) -> int:
    if isinstance(value, (str, bytes)):
        return len(value)
    return 8


def budgeted(row_factory, max_result_bytes: int):
    """A row factory that counts the bytes of each query's rows and stops the query
    when they pass ``max_result_bytes``. One connection runs one query at a time, so
    the count restarts with each new cursor."""
    state = {"cursor": None, "bytes": 0}

    def factory(cursor, row):
        if state["cursor"] is not cursor:
            state["cursor"], state["bytes"] = cursor, 0
        state["bytes"] += sum(map(_size, row))
        if state["bytes"] > max_result_bytes:
            raise sqlite3.OperationalError(f"the result is over {max_result_bytes / 1e6:g} MB: ask for fewer rows (_size=) or columns")
        return row_factory(cursor, row) if row_factory else row

    return factory


@hookimpl
def prepare_connection(conn, database, datasette):
    config = datasette.plugin_config(PLUGIN) or {}
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, int(config.get("max_value_bytes", MAX_VALUE_BYTES)))
    for limit, value in LIMITS.items():
        conn.setlimit(limit, value)
    # Datasette binds one variable per distinct value when it labels a page's foreign
    # keys (select id, title from articles where id in (?, ?, ...)): a page holds up to
    # max_returned_rows + 1 rows. Below that, a statements page of 100 rows from 100
    # articles (every page of a large archive) answered 400 "too many SQL variables".
    conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, max(100, int(datasette.setting("max_returned_rows")) + 1))
    conn.set_authorizer(authorizer)
    if database == "_internal":
        return  # Datasette's own catalogue, never queried by visitors
    conn.row_factory = budgeted(conn.row_factory, int(config.get("max_result_bytes", MAX_RESULT_BYTES)))
