"""What the reading pages share: row URLs, a source's page, and lists of names as prose.

Used by the plugins in plugins/ (which cannot import one another: Datasette loads each
file on its own). No database access here.
"""

from __future__ import annotations

import re

from datasette.utils import tilde_encode

from .vocabulary import TABLE_OF_KIND

# Characters Datasette's tilde_encode leaves as they are: most ids are made of these only.
TILDE_SAFE = re.compile(r"[A-Za-z0-9_-]*\Z")
# A participant, claimant or mention points at one of these tables by its kind.
KIND_TABLES = TABLE_OF_KIND

# Statements whose content mentions an entity (mention inside the statement's span), newest
# first, leaving out statement :self (null: none); for entity and statement pages.
# A statement may run over several sentences, so the match is on the article and the
# offsets, not the sentence. A statement holding a mention starts at most "longest
# statement" characters before the mention ends, which bounds each mention's range scan
# to a statement or two (idx_statements_length answers the max at once); the two span
# indexes answer the match without reading rows, and only the distinct statements found
# are then read whole.
STATEMENTS_ABOUT_SQL = """
with longest as (select max("end" - start) as length from statements),
hits as (
  select distinct statements.rowid as statement_rowid
  from longest, mentions
    join statements on statements.article_id = mentions.article_id
      and statements.start <= mentions.start and mentions."end" <= statements."end"
      and statements.start >= mentions."end" - longest.length
  where mentions.entity_type = :type and mentions.entity_id = :id and statements.id is not :self
)
select statements.*, articles.title, articles.published
from hits
  join statements on statements.rowid = hits.statement_rowid
  join articles on articles.id = statements.article_id
order by articles.published desc, statements.article_id, statements.start
limit {limit}
"""


def join_names(names) -> str:
    """Several names as one phrase: "A", "A and B", "A, B and C"."""
    names = [str(n) for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def date_label(date: str | None, precision: str | None = None) -> str:
    """An ISO date prefix as a reader writes it: a decade ``199`` is "1990s"."""
    if not date:
        return ""
    if precision == "decade" or (precision is None and len(date) == 3 and date.isdigit()):
        return f"{date}0s"
    return date


class Links:
    """URLs of rows, and of a fact's sentence in the article's reading page."""

    def __init__(self, datasette, database):
        self.datasette, self.database = datasette, database
        # A page builds a few thousand row URLs over a handful of tables and repeated ids
        # (the same article for many statements): Datasette's urls.row tilde-encodes the
        # database, the table and the key every time, which was a good part of the page.
        self._tables, self._keys = {}, {}

    def row(self, table, key):
        prefix = self._tables.get(table)
        if prefix is None:
            prefix = self._tables[table] = str(self.datasette.urls.table(self.database, table))
        key = str(key)
        encoded = self._keys.get(key)
        if encoded is None:
            encoded = self._keys[key] = key if TILDE_SAFE.match(key) else tilde_encode(key)
        return f"{prefix}/{encoded}"

    def sentence(self, article_id, sentence_id):
        return f"{self.row('articles', article_id)}#{sentence_id}"

    def source(self, source):
        """A source's page: its person's or organisation's when it has one."""
        if source["person_id"]:
            return self.row("people", source["person_id"])
        if source["kind"] == "organisation" and source["organisation_id"]:
            return self.row("organisations", source["organisation_id"])
        return self.row("sources", source["id"])

    def party(self, row):
        """The page of a participant, claimant's subject or party (person_id, organisation_id,
        location_id or source_id, whichever is set)."""
        for column, table in (("person_id", "people"), ("organisation_id", "organisations"),
                              ("location_id", "locations"), ("source_id", "sources")):
            if column in row.keys() and row[column]:
                return self.row(table, row[column])
        return None
