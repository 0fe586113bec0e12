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
