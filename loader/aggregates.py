"""What the build works out ahead for the pages that read the whole archive (schema.sql:
build_facet_counts, build_row_counts, build_speaker_counts, build_timeline, build_entity_articles,
build_entity_counts, build_source_statements). Definitions only, in SQL over
the archive's own tables and views: loader/db.py writes them; plugins/build_counts.py
and the statements_per_speaker, statements_by and timeline_chart canned queries read them.

Each is taken over rows that belong to one article, so it can be taken over the whole
archive (a clean build) or over some articles (an update: subtracted or deleted for the
articles it removes, added for those it adds) and gives the same table either way.
"""

from __future__ import annotations

# The facets metadata.yml configures on the tables whose facets count a million rows
# (tests/test_aggregates.py checks that the two agree). Every row of each has an
# article_id. Not here: views whose facet values are merged shared rows (the
# organisation names of people_organisations), which an article added elsewhere can
# change; speaker_kind is a source's kind, fixed by its id.
FACETS = {
    "statements": ("cue", "mode", "channel"),
    "statements_with_speakers": ("speaker_kind", "cue", "mode", "channel"),
    "mentions": ("entity_type", "article_id"),
    "sentences": ("article_id",),
}

_ARTICLES = "(SELECT value FROM json_each(:articles))"  # :articles is a JSON array of article ids


def facet_counts_sql(scoped: bool) -> str:
    """SELECT table_name, column_name, value, count of every precomputed facet, over the
    whole archive or (``scoped``) over the rows of the articles in ``:articles``.
    Null is not a facet value (Datasette's facet SQL leaves it out too)."""
    parts = []
    for table, columns in FACETS.items():
        for column in columns:
            where = f'"{column}" IS NOT NULL' + (f" AND article_id IN {_ARTICLES}" if scoped else "")
            parts.append(f"SELECT '{table}' AS table_name, '{column}' AS column_name, \"{column}\" AS value, "
                         f'count(*) AS count FROM "{table}" WHERE {where} GROUP BY "{column}"')
    return "\nUNION ALL\n".join(parts)


# Row counts kept for the home page and for views (Datasette counts a view on every
# page): tables and views whose rows belong to an article, and the shared tables,
# counted again in full after each build (a few milliseconds: their rows are small).
ARTICLE_COUNTED = ("articles", "meetings", "events", *FACETS)
SHARED_COUNTED = ("people", "organisations", "locations")


def row_counts_sql(scoped: bool) -> str:
    """SELECT table_name, rows of each table in ARTICLE_COUNTED (none for an empty one)
    and, not scoped, of each in SHARED_COUNTED."""
    parts = []
    for table in ARTICLE_COUNTED:
        where = f" WHERE {'id' if table == 'articles' else 'article_id'} IN {_ARTICLES}" if scoped else ""
        parts.append(f"SELECT '{table}' AS table_name, count(*) AS rows FROM \"{table}\"{where} HAVING count(*) > 0")
    if not scoped:
        parts += [shared_counts_sql()]
    return "\nUNION ALL\n".join(parts)


def shared_counts_sql() -> str:
    """SELECT table_name, rows of each table in SHARED_COUNTED (none for an empty one)."""
    return "\nUNION ALL\n".join(f"SELECT '{table}' AS table_name, count(*) AS rows FROM \"{table}\" HAVING count(*) > 0"
                                  for table in SHARED_COUNTED)


def speaker_counts_sql(scoped: bool) -> str:
    """SELECT source_id, statements: how many statements each source made (rows of
    statement_sources), over the archive or the statements of the articles in ``:articles``."""
    where = f" WHERE statement_id IN (SELECT id FROM statements WHERE article_id IN {_ARTICLES})" if scoped else ""
    return f"SELECT source_id, count(*) AS statements FROM statement_sources{where} GROUP BY source_id"


def _drawn_at(date: str, precision: str) -> str:
    """SQL of the day a date is drawn at: a month, year or decade at its start."""
    return (f"CASE {precision} WHEN 'decade' THEN {date} || '0-01-01' WHEN 'year' THEN {date} || '-01-01' "
            f"WHEN 'month' THEN {date} || '-01' ELSE {date} END")


def timeline_sql(scoped: bool) -> str:
    """SELECT the build_timeline rows: each event that is not a meeting and each dated
    meeting, drawn at the start of its month, year or decade; an event told as planned or
    dated after its article goes in the lane of what is planned or expected."""
    events = " AND events.article_id IN " + _ARTICLES if scoped else ""
    meetings = " AND meetings.article_id IN " + _ARTICLES if scoped else ""
    return f"""SELECT events.id,
  {_drawn_at('events.date', 'events.precision')},
  CASE WHEN events.planned OR events.date > substr(articles.published, 1, length(events.date)) THEN 'event (planned or expected)'
    ELSE 'event' END,
  events.description, events.precision, events.date_text, events.article_id, events.start
FROM events JOIN articles ON articles.id = events.article_id
WHERE events.meeting_id IS NULL{events}
UNION ALL
SELECT meetings.id,
  {_drawn_at('meetings.date', 'meetings.date_precision')},
  'meeting (' || meetings.status || ')', meetings.name, meetings.date_precision, meetings.date_text, meetings.article_id, meetings.start
FROM meetings
WHERE meetings.date IS NOT NULL{meetings}"""


# The entity pages (plugins/entity_pages.py) show the first rows of a person's,
# organisation's or place's articles and of the statements about it, newest first, with
# how many there are in all: counting them per request took most of a page's 840 ms for
# the most-quoted person at 1M statements.
ENTITY_TYPES = ("person", "organisation", "location")
_ENTITY_MENTIONS = "mentions.entity_type IN ('person', 'organisation', 'location')"


def entity_articles_sql(scoped: bool) -> str:
    """SELECT entity_type, entity_id, article_id, published, mentions: each entity's
    articles with its mentions in each (build_entity_articles)."""
    where = _ENTITY_MENTIONS + (f" AND mentions.article_id IN {_ARTICLES}" if scoped else "")
    return f"""SELECT mentions.entity_type, mentions.entity_id, mentions.article_id, articles.published, count(*) AS mentions
FROM mentions JOIN articles ON articles.id = mentions.article_id
WHERE {where}
GROUP BY mentions.entity_type, mentions.entity_id, mentions.article_id"""


# A statement is about an entity when the span of one of its mentions lies inside the
# statement's (the entity's own statements are listed apart, so not counted here). Held
# to the statements that can hold the mention: none starts more than the longest
# statement before the mention's end.
ABOUT_SPAN = """statements.article_id = mentions.article_id
  AND statements.start <= mentions.start AND mentions."end" <= statements."end"
  AND statements.start >= mentions."end" - (SELECT max("end" - start) FROM statements)"""
NOT_MADE = """NOT EXISTS (SELECT 1 FROM statement_sources JOIN sources ON sources.id = statement_sources.source_id
    WHERE statement_sources.statement_id = statements.id
      AND CASE mentions.entity_type WHEN 'person' THEN sources.person_id
        WHEN 'organisation' THEN sources.organisation_id END = mentions.entity_id)"""
ABOUT_WHERE = ABOUT_SPAN + "\n  AND " + NOT_MADE


def entity_counts_sql(scoped: bool) -> str:
    """SELECT entity_type, entity_id, articles, mentions, statements_about of every entity
    mentioned (build_entity_counts), over the archive or the articles in ``:articles``."""
    where = _ENTITY_MENTIONS + (f" AND mentions.article_id IN {_ARTICLES}" if scoped else "")
    return f"""SELECT counted.entity_type, counted.entity_id, counted.articles, counted.mentions,
  coalesce(about.statements, 0) AS statements_about
FROM (SELECT entity_type, entity_id, count(DISTINCT article_id) AS articles, count(*) AS mentions
      FROM mentions WHERE {where} GROUP BY entity_type, entity_id) AS counted
  LEFT JOIN (SELECT mentions.entity_type, mentions.entity_id, count(DISTINCT statements.rowid) AS statements
      FROM mentions JOIN statements ON {ABOUT_WHERE}
      WHERE {where} GROUP BY mentions.entity_type, mentions.entity_id) AS about
    ON about.entity_type = counted.entity_type AND about.entity_id = counted.entity_id"""


def source_statements_sql(scoped: bool) -> str:
    """SELECT source_id, published, article_id, start, statement_id of every statement_sources
    row (build_source_statements), over the archive or the articles in ``:articles``."""
    where = f" WHERE statements.article_id IN {_ARTICLES}" if scoped else ""
    return f"""SELECT statement_sources.source_id, articles.published, statements.article_id, statements.start, statements.id
FROM statement_sources
  JOIN statements ON statements.id = statement_sources.statement_id
  JOIN articles ON articles.id = statements.article_id{where}"""


def entity_statements_sql(scoped: bool) -> str:
    """SELECT entity_type, entity_id, published, article_id, start, statement_id, made: each
    statement about each entity (build_entity_statements), over the archive or the
    articles in ``:articles``; ``made`` 1 when the entity made it."""
    where = _ENTITY_MENTIONS + (f" AND mentions.article_id IN {_ARTICLES}" if scoped else "")
    return f"""SELECT DISTINCT mentions.entity_type, mentions.entity_id, articles.published, statements.article_id,
  statements.start, statements.id, NOT ({NOT_MADE})
FROM mentions
  JOIN statements ON {ABOUT_SPAN}
  JOIN articles ON articles.id = statements.article_id
WHERE {where}"""
