"""Links id columns to their rows wherever Datasette shows them bare, and quotes a
statement's words in a table only when they are direct speech.

Datasette links a foreign key only on table pages and only when the other table has a
label column; row pages, query results and views show bare ids. HTML only: the JSON
API returns the same values as before. An expanded foreign key (a dict with its label)
is left to Datasette.
"""

from datasette import hookimpl
from markupsafe import Markup, escape

from loader.links import KIND_TABLES, Links

TABLES = {
    "statement_id": "statements",
    "article_id": "articles",
    "meeting_id": "meetings",
    "person_id": "people",
    "organisation_id": "organisations",
    "location_id": "locations",
    "source_id": "sources",
    "sentence_id": "sentences",
    "parent_id": "locations",
}


def target(row, column):
    if column in TABLES:
        return TABLES[column]
    if column == "entity_id" and "entity_type" in row.keys():  # mentions, aliases
        return KIND_TABLES.get(row["entity_type"])
    return None


# One hook for both: render_cell runs for every cell of every table and query page.
@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if database != "archive" or not isinstance(value, str) or not value:
        return None
    if column == "text":
        # statements, who_said_what, statements_by, the view: a paraphrase never reads as a quotation
        if "mode" in row.keys() and row["mode"] == "direct":
            return Markup('<q class="said said-direct">{}</q>').format(value)
        return None
    other = target(row, column)
    if other is None:
        return None
    # one Links per Datasette, its row URLs plain strings: a query page of 1,000 rows has
    # thousands of id cells, and Datasette's urls.row wraps every method of its string
    links = datasette.__dict__.get("_link_ids_links")
    if links is None or links.database != database:
        links = datasette.__dict__["_link_ids_links"] = Links(datasette, database)
    return Markup(f'<a href="{escape(links.row(other, value))}">{escape(value)}</a>')
