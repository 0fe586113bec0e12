"""Links id columns to their rows in canned-query and view results.

Datasette links foreign keys on table pages only; query results and views show bare
ids. HTML only: the JSON API returns the same values as before.
"""

from datasette import hookimpl
from datasette.utils import tilde_encode
from markupsafe import Markup

TABLES = {
    "statement_id": "statements",
    "article_id": "articles",
    "meeting_id": "meetings",
    "person_id": "people",
    "organisation_id": "organisations",
    "location_id": "locations",
    "source_id": "sources",
    "sentence_id": "sentences",
}
VIEWS = {"statements_with_speakers", "people_organisations"}


@hookimpl
def render_cell(value, column, table, database, datasette):
    if database != "archive" or column not in TABLES or not isinstance(value, str) or not value:
        return None
    if table is not None and table not in VIEWS:
        return None  # table pages link their foreign keys already
    url = datasette.urls.row(database, TABLES[column], tilde_encode(value))
    return Markup('<a href="{}">{}</a>').format(url, value)
