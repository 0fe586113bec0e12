"""Entity pages for people, organisations and locations: every fact about one entity,
each linked to the sentence it comes from.

Feeds templates/row-archive-{people,organisations,locations}.html (through
_entity.html). Every query filters by the entity's id column (person_id,
organisation_id, location_id or mentions.entity_type/entity_id, all indexed) and is
capped at the first LIMIT rows, newest first, so a much-quoted entity stays fast; the
long sections say how many there are in all, from the totals the build keeps
(build_entity_counts, build_speaker_counts), and link to the full list. The articles,
the statements about the entity and those it made are read in the page's order from
build_entity_articles, build_entity_statements and build_source_statements: an archive
built before they existed gets them worked out per request and a hint to rebuild.
"""

from datasette import hookimpl
from datasette.utils import urlsafe_components

from loader.links import STATEMENTS_ABOUT_SQL, Links
from loader.reading import highlight

# table -> (mentions.entity_type, the id column used in the other tables)
KINDS = {
    "people": ("person", "person_id"),
    "organisations": ("organisation", "organisation_id"),
    "locations": ("location", "location_id"),
}
CHUNK = 90  # ids per IN (...) list, under SQLite's variable limit on a published instance
LIMIT = 50  # rows per section; the section says how many in all and links to the full list when it is cut

AFFILIATIONS_SQL = """
select affiliations.*, people.name as person, organisations.name as organisation, locations.name as location
from affiliations
  join people on people.id = affiliations.person_id
  left join organisations on organisations.id = affiliations.organisation_id
  left join locations on locations.id = affiliations.location_id
where affiliations.{column} = :id
order by affiliations.{column}, affiliations.article_id, affiliations.start
limit {limit}
"""
# The rows read once a plan below has picked the statements (the same for both plans).
_MADE_ROWS = """
select statements.*, made.source_kind, made.source_name, articles.title, articles.published
from made
  join statements on statements.rowid = made.statement_rowid
  join articles on articles.id = statements.article_id
order by made.published desc, made.article_id, made.start
"""
# Statements whose sources are this entity (sources.person_id / organisation_id), newest
# first. Two plans give the same rows; entity_context picks by how much the entity says:
# - MADE_SQL starts from the entity's sources: cost grows with its number of statements,
#   right for nearly everyone;
# - MADE_WALK_SQL walks articles newest first (idx_articles_published) and each one's
#   statements in order (idx_statements_article_start), stopping at {limit} rows: cost
#   grows with the archive divided by the entity's share of it, right for the few who
#   are quoted everywhere (CROSS JOIN keeps that join order).
# Both pick the {limit} rows on narrow rows (rowid and sort keys) and read only those whole.
MADE_COUNT_SQL = """
select count(*) from sources join statement_sources on statement_sources.source_id = sources.id
where sources.{column} = :id
"""
MADE_SQL = """
with made as (
  select statements.rowid as statement_rowid, sources.kind as source_kind, sources.name as source_name,
    articles.published, statements.article_id, statements.start
  from sources
    join statement_sources on statement_sources.source_id = sources.id
    join statements on statements.id = statement_sources.statement_id
    join articles on articles.id = statements.article_id
  where sources.{column} = :id
  order by articles.published desc, statements.article_id, statements.start
  limit {limit}
)
""" + _MADE_ROWS
MADE_WALK_SQL = """
with made as (
  select statements.rowid as statement_rowid, sources.kind as source_kind, sources.name as source_name,
    articles.published, statements.article_id, statements.start
  from articles
    cross join statements on statements.article_id = articles.id
    cross join statement_sources on statement_sources.statement_id = statements.id
    cross join sources on sources.id = statement_sources.source_id
  where sources.{column} = :id
  order by articles.published desc, statements.article_id, statements.start
  limit {limit}
)
""" + _MADE_ROWS
# From build_source_statements, where the archive has it: the first {limit} of the
# entity's sources' statements in the page's order, read from its primary key, then
# only those rows whole (the same rows as MADE_SQL).
BUILT_MADE_SQL = """
with made as (
  select made.statement_id, sources.kind as source_kind, sources.name as source_name,
    made.published, made.article_id, made.start
  from sources join build_source_statements as made on made.source_id = sources.id
  where sources.{column} = :id
  order by made.published desc, made.article_id, made.start
  limit {limit}
)
select statements.*, made.source_kind, made.source_name, articles.title, articles.published
from made
  join statements on statements.id = made.statement_id
  join articles on articles.id = made.article_id
order by made.published desc, made.article_id, made.start
"""
SPEAKERS_SQL = """
select statement_sources.statement_id, sources.id, sources.kind, sources.name, sources.person_id, sources.organisation_id
from statement_sources join sources on sources.id = statement_sources.source_id
where statement_sources.statement_id in ({placeholders})
order by sources.name
"""
MEETINGS_SQL = """
select meetings.*, locations.name as place, meeting_participants.role, meeting_participants.attendance
from meeting_participants
  join meetings on meetings.id = meeting_participants.meeting_id
  left join locations on locations.id = meetings.location_id
where meeting_participants.{column} = :id
order by meetings.date desc nulls last, meetings.article_id, meetings.start
limit {limit}
"""
# The same rows walking meetings newest first (idx_meetings_date; SQLite's DESC puts the
# undated last, as NULLS LAST asks) and taking this entity's: at 1M statements 0.3 ms
# instead of 15-35 ms for the person at 5,008 meetings, whose every participation the
# query above joins and sorts; but 90 ms for someone at one meeting, since the walk
# then reads every meeting. The page takes the walk when participations**2 >
# LIMIT * meetings (as for the statements made, MADE_WALK_SQL).
MEETINGS_WALK_SQL = """
select meetings.*, locations.name as place, meeting_participants.role, meeting_participants.attendance
from meetings indexed by idx_meetings_date
  join meeting_participants on meeting_participants.meeting_id = meetings.id
  left join locations on locations.id = meetings.location_id
where meeting_participants.{column} = :id
order by meetings.date desc nulls last, meetings.article_id, meetings.start
limit {limit}
"""
MEETINGS_COUNT_SQL = "select count(*) from meeting_participants where {column} = :id"
HELD_HERE_SQL = """
select meetings.*, null as role, null as attendance
from meetings
where meetings.location_id = :id
order by meetings.date desc nulls last, meetings.article_id, meetings.start
limit {limit}
"""
CLAIMS_SQL = """
select attendance_claims.meeting_id, attendance_claims.stance, statements.*
from attendance_claims join statements on statements.id = attendance_claims.statement_id
where attendance_claims.{column} = :id and attendance_claims.meeting_id in ({placeholders})
order by attendance_claims.stance, statements.start
"""
# Requests for comment the entity did not answer, with the sentence that says so.
COMMENT_SQL = """
select comment_requests.*, articles.title, articles.published, sentences.text as sentence,
  sentences.start as sentence_start
from comment_requests
  join articles on articles.id = comment_requests.article_id
  join sentences on sentences.id = comment_requests.sentence_id
where comment_requests.{column} = :id
order by articles.published desc, comment_requests.article_id, comment_requests.start
limit {limit}
"""
# From the build's tables (schema.sql): the entity's articles newest first on the unique
# index, and its totals.
BUILT_ARTICLES_SQL = """
select articles.id, articles.title, articles.publisher, articles.published, counted.mentions
from build_entity_articles as counted
  join articles on articles.id = counted.article_id
where counted.entity_type = :type and counted.entity_id = :id
order by counted.published desc, counted.article_id
limit {limit}
"""
# The first statements about the entity that it did not make, newest first.
BUILT_ABOUT_SQL = """
select statements.*, articles.title, articles.published
from (select statement_id, published, article_id, start from build_entity_statements
      where entity_type = :type and entity_id = :id and not made
      order by published desc, article_id, start limit {limit}) as about
  join statements on statements.id = about.statement_id
  join articles on articles.id = about.article_id
order by about.published desc, about.article_id, about.start
"""
COUNTS_SQL = "select articles, mentions, statements_about from build_entity_counts where entity_type = :type and entity_id = :id"
MADE_TOTAL_SQL = """
select coalesce(sum(build_speaker_counts.statements), 0)
from sources join build_speaker_counts on build_speaker_counts.source_id = sources.id
where sources.{column} = :id
"""
# Mentions are counted per article on the index (entity_type, entity_id, article_id, ...)
# before any article row is read: one articles lookup per article, not per mention.
ARTICLES_SQL = """
select articles.id, articles.title, articles.publisher, articles.published, counted.mentions
from (
  select mentions.article_id, count(*) as mentions
  from mentions
  where mentions.entity_type = :type and mentions.entity_id = :id
  group by mentions.article_id
) as counted
  join articles on articles.id = counted.article_id
order by articles.published desc, articles.id
limit {limit}
"""


async def with_speakers(db, links, rows):
    """Statement rows as dicts, each with its sources (one query for all of them)."""
    statements = [dict(r) for r in rows]
    ids = sorted({s["id"] for s in statements})
    speakers = {}
    # in chunks: plugins/sqlite_limits.py allows 100 variables a statement
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i:i + CHUNK]
        for s in await db.execute(SPEAKERS_SQL.format(placeholders=", ".join("?" * len(chunk))), chunk):
            speakers.setdefault(s["statement_id"], []).append({"name": s["name"], "url": links.source(s)})
    for s in statements:
        s["speakers"] = speakers.get(s["id"], [])
        s["url"] = links.row("statements", s["id"])
        s["sentence_url"] = links.sentence(s["article_id"], s["sentence_id"])
    return statements


async def entity_context(datasette, database, table, key):
    db = datasette.get_database(database)
    entity = (await db.execute(f"select * from [{table}] where id = :id", {"id": key})).first()
    if entity is None:
        return {}
    entity_type, column = KINDS[table]
    links = Links(datasette, database)
    params = {"id": key, "type": entity_type}

    def q(sql):
        return sql.format(column=column, limit=LIMIT + 1)

    aliases = [r["alias"] for r in await db.execute(
        "select alias from aliases where entity_type = :type and entity_id = :id order by alias", params)
        if r["alias"] != entity["name"]]

    affiliations = []
    for a in await db.execute(q(AFFILIATIONS_SQL), params):
        a = dict(a)
        a["sentence_url"] = links.sentence(a["article_id"], a["sentence_id"])
        a["person_url"] = links.row("people", a["person_id"])
        a["organisation_url"] = a["organisation_id"] and links.row("organisations", a["organisation_id"])
        a["location_url"] = a["location_id"] and links.row("locations", a["location_id"])
        affiliations.append(a)

    built = all([await db.table_exists(t) for t in ("build_entity_articles", "build_entity_counts", "build_entity_statements")])
    counts = (await db.execute(COUNTS_SQL, params)).first() if built else None
    totals = {"articles": counts["articles"] if counts else 0, "about": counts["statements_about"] if counts else 0}

    made = []
    if table != "locations":
        if await db.table_exists("build_speaker_counts"):
            said = (await db.execute(q(MADE_TOTAL_SQL), params)).first()[0]
        else:
            said = (await db.execute(q(MADE_COUNT_SQL), params)).first()[0]
        totals["made"] = said
        total = (await db.execute("select max(rowid) from statements")).first()[0] or 0
        if await db.table_exists("build_source_statements"):
            made_sql = BUILT_MADE_SQL
        else:
            made_sql = MADE_WALK_SQL if said * said > LIMIT * total else MADE_SQL
        made = await with_speakers(db, links, await db.execute(q(made_sql), params))

    if built:
        about = await with_speakers(db, links, await db.execute(q(BUILT_ABOUT_SQL), params))
        articles_rows = await db.execute(q(BUILT_ARTICLES_SQL), params)
    else:  # an archive built before build_entity_articles: counted here, no totals
        made_ids = {s["id"] for s in made}
        about_rows = await db.execute(q(STATEMENTS_ABOUT_SQL), {**params, "self": None})
        about = [s for s in await with_speakers(db, links, about_rows) if s["id"] not in made_ids]
        articles_rows = await db.execute(q(ARTICLES_SQL), params)
        totals = {k: v for k, v in totals.items() if k == "made"}

    participations = (await db.execute(q(MEETINGS_COUNT_SQL), params)).first()[0]
    all_meetings = (await db.execute("select max(rowid) from meetings")).first()[0] or 0
    meetings_sql = MEETINGS_WALK_SQL if participations * participations > LIMIT * all_meetings else MEETINGS_SQL
    meetings = [dict(m) for m in await db.execute(q(meetings_sql), params)] if participations else []
    held_here = [dict(m) for m in await db.execute(q(HELD_HERE_SQL), params)] if table == "locations" else []
    # Claims that this entity was or was not at a meeting shown, grouped by meeting and stance.
    claims = {}
    shown = sorted({m["id"] for m in meetings[:LIMIT]})
    for i in range(0, len(shown), CHUNK):
        chunk = shown[i:i + CHUNK]
        sql = CLAIMS_SQL.format(column=column, placeholders=", ".join(f":m{k}" for k in range(len(chunk))))
        rows = await db.execute(sql, {**params, **{f"m{k}": m for k, m in enumerate(chunk)}})
        for c in await with_speakers(db, links, rows):
            claims.setdefault(c["meeting_id"], {"confirms": [], "denies": []})[c["stance"]].append(c)
    for m in meetings + held_here:
        m["url"] = links.row("meetings", m["id"])
        m["sentence_url"] = links.sentence(m["article_id"], m["sentence_id"])
        m["claims"] = claims.get(m["id"])

    articles = [dict(a, url=links.row("articles", a["id"])) for a in articles_rows]

    comment_requests = []
    if table != "locations":
        for c in await db.execute(q(COMMENT_SQL), params):
            c = dict(c)
            c["sentence_url"] = links.sentence(c["article_id"], c["sentence_id"])
            c["sentence_html"] = highlight(c["sentence"], c["sentence_start"], c["start"], c["end"])
            comment_requests.append(c)

    place = {}
    if table == "locations":
        place["parent"] = entity["parent_id"] and (await db.execute(
            "select id, name from locations where id = :p", {"p": entity["parent_id"]})).first()
        place["parent_url"] = place["parent"] and links.row("locations", place["parent"]["id"])
        place["children"] = [dict(c, url=links.row("locations", c["id"])) for c in await db.execute(
            "select id, name, kind from locations where parent_id = :id order by name", params)]

    cut = {name: len(rows) > LIMIT for name, rows in
           [("affiliations", affiliations), ("made", made), ("about", about), ("meetings", meetings),
            ("held_here", held_here), ("articles", articles), ("comment_requests", comment_requests)]}
    return {
        "entity": {
            "table": table,
            "type": entity_type,
            "row": dict(entity),
            "aliases": aliases,
            "affiliations": affiliations[:LIMIT],
            "made": made[:LIMIT],
            "about": about[:LIMIT],
            "meetings": meetings[:LIMIT],
            "held_here": held_here[:LIMIT],
            "articles": articles[:LIMIT],
            "comment_requests": comment_requests[:LIMIT],
            "place": place,
            "cut": cut,
            "limit": LIMIT,
            "totals": totals,  # empty on an archive built before build_entity_counts
            "built": built,
        }
    }


@hookimpl
def extra_template_vars(view_name, database, table, request, datasette):
    if view_name != "row" or table not in KINDS or request is None:
        return {}

    async def inner():
        (key,) = urlsafe_components(request.url_vars["pks"])
        return await entity_context(datasette, database, table, key)

    return inner
