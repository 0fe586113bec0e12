"""Home page: what the archive holds, the newest articles and the canned queries.

Feeds templates/index.html. Counts come from the build (build_row_counts,
loader/aggregates.py): Datasette's table_counts counts every table of a served
(mutable) file on each visit, 50 ms at most each, and shows nothing for a table of a
million rows. An archive built before that table existed falls back to table_counts.
The newest articles use the published index.
"""

import sqlite3


from datasette import hookimpl
from datasette.utils import tilde_encode

DATABASE = "archive"
COUNTED = ["articles", "statements", "people", "organisations", "locations", "meetings", "events", "mentions"]


async def home_context(datasette, request):
    if DATABASE not in datasette.databases:
        return {}
    db = datasette.get_database(DATABASE)
    try:
        counts = dict((await db.execute("select table_name, rows from build_row_counts")).rows)
        counts = {table: counts.get(table, 0) for table in COUNTED}  # an empty table has no row there
    except sqlite3.OperationalError:  # built before build_row_counts
        counts = await db.table_counts(limit=50)
    newest = [
        dict(row, url=datasette.urls.row(DATABASE, "articles", tilde_encode(row["id"])))
        for row in await db.execute(
            "select id, title, publisher, published, word_count from articles order by published desc, id limit 10")
    ]
    queries = await datasette.get_canned_queries(DATABASE, request.actor if request else None)
    return {
        "home": {
            "database": DATABASE,
            "counts": [(table, counts.get(table)) for table in COUNTED],
            "newest": newest,
            "queries": [
                {"name": name, "title": q.get("title") or name, "description": q.get("description") or "",
                 "url": datasette.urls.query(DATABASE, name) + ("#" + q["fragment"] if q.get("fragment") else "")}
                for name, q in queries.items()
            ],
        }
    }


@hookimpl
def extra_template_vars(view_name, request, datasette):
    if view_name != "index":
        return {}

    async def inner():
        return await home_context(datasette, request)

    return inner
