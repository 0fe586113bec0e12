"""What every reading template may use: filters for names and dates, the speakers of a
list of statements (for query pages, whose rows are SQL results), and the table CSS.

- ``names``: ["A", "B", "C"] as "A, B and C" (several sources are a list, not one party);
- ``hits``: a full-text snippet with its «matches» marked;
- ``when``: a date prefix as a reader writes it (``199`` with precision decade is "1990s");
- ``speakers_for(ids)``: {statement_id: [{"name", "url"}]}, one query for all of them;
- ``shadowed_tables``: tables hidden behind a canned query of the same name.
"""

from datasette import hookimpl
from markupsafe import Markup, escape

from loader.links import Links, date_label, join_names

SPEAKERS_SQL = """
select statement_sources.statement_id, sources.id, sources.kind, sources.name, sources.person_id, sources.organisation_id
from statement_sources join sources on sources.id = statement_sources.source_id
where statement_sources.statement_id in ({placeholders})
order by sources.name
"""


@hookimpl
def prepare_jinja2_environment(env):
    env.filters["names"] = join_names
    env.filters["when"] = date_label
    env.filters["hits"] = hits


def hits(snippet):
    """A full-text snippet as HTML: the search query's «markers» become <mark>."""
    return Markup(str(escape(snippet or "")).replace("«", "<mark>").replace("»", "</mark>"))


@hookimpl
def extra_css_urls(datasette):
    # Table and query pages (not only the reading templates) need the column widths.
    return [datasette.urls.path("/-/reading/tables.css")]


async def statement_speakers(datasette, database, ids):
    ids = sorted({i for i in ids if i})[:1000]
    found = {}
    if not ids:
        return found
    links = Links(datasette, database)
    for i in range(0, len(ids), 90):  # under the 100 variables plugins/sqlite_limits.py allows
        chunk = ids[i:i + 90]
        sql = SPEAKERS_SQL.format(placeholders=", ".join("?" * len(chunk)))
        for s in await datasette.get_database(database).execute(sql, chunk):
            found.setdefault(s["statement_id"], []).append({"name": s["name"], "url": links.source(s)})
    return found


@hookimpl
def extra_template_vars(database, datasette, request):
    if database is None or database not in datasette.databases:
        return {}

    async def speakers_for(ids):
        return await statement_speakers(datasette, database, ids)

    async def inner():
        # Tables that a canned query of the same name hides: /archive/<name> is the query.
        queries = await datasette.get_canned_queries(database, request.actor if request else None)
        tables = await datasette.get_database(database).table_names()
        # Where SQL is off (a locked-down instance) a shadowed table has no URL at all.
        sql_allowed = await datasette.permission_allowed(
            request.actor if request else None, "execute-sql", resource=database, default=True)
        return {"speakers_for": speakers_for, "shadowed_tables": sorted(set(queries) & set(tables)),
                "sql_allowed": sql_allowed}

    return inner

