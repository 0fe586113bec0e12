"""The HTML page of a picture query (a chart or the who-met-whom graph) lists only its
first rows under the picture; the picture itself draws from the query's JSON.

Datasette's query page renders every row it fetched (up to ``max_returned_rows``,
1,000), cell by cell through every ``render_cell`` hook, before the template runs: at
1M statements the graph page's 720 KB of table took 147 ms median, its JSON 20 ms
(docs/benchmarks.md). Nobody reads a thousand rows under a chart. For the HTML page
of a query in PICTURES (no ``.json``/``.csv`` extension) the page is given only the
first ROWS rows of what the query fetched, marked truncated (so the page says *more than
100 rows* when there are more), and templates/_picture_rows.html links to all of them as
JSON and CSV, which are unchanged, as is every other page.

How: an ASGI wrapper marks the request (a context variable, so nothing is shared
between concurrent requests) and the database's ``execute`` gives the page's one
truncated query (``truncate=True``: the query itself, not the permission and schema
lookups) its first ROWS rows.
"""

from __future__ import annotations

import contextvars
import re

from datasette import hookimpl

DATABASE = "archive"
# the canned queries whose template draws a picture (query-archive-NAME.html)
PICTURES = ("meeting_graph", "timeline_chart", "events_over_time", "statements_per_speaker")
ROWS = 100
PAGE = re.compile(rf"/{DATABASE}/({'|'.join(PICTURES)})/?")
_rows = contextvars.ContextVar("picture_rows", default=None)


def _limited(execute):
    from datasette.database import Results

    async def picture_execute(sql, params=None, *args, **kwargs):
        rows = _rows.get()
        results = await execute(sql, params, *args, **kwargs)
        if rows is not None and kwargs.get("truncate") and not args and len(results.rows) > rows:
            return Results(results.rows[:rows], True, results.description)
        return results

    picture_execute.__wrapped__ = execute
    return picture_execute


@hookimpl
def startup(datasette):
    if DATABASE in datasette.databases:
        database = datasette.databases[DATABASE]
        database.execute = _limited(database.execute)


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def pictures(scope, receive, send):
            if scope["type"] != "http" or not PAGE.fullmatch(scope.get("path") or ""):
                return await app(scope, receive, send)
            token = _rows.set(ROWS)
            try:
                await app(scope, receive, send)
            finally:
                _rows.reset(token)
        return pictures
    return wrap


@hookimpl
def extra_template_vars(view_name, datasette):
    return {"picture_rows": ROWS}
