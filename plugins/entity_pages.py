"""Entity pages for people, organisations and locations: every fact about one entity,
each linked to the sentence it comes from.

Feeds templates/row-archive-{people,organisations,locations}.html (through
_entity.html). Every query filters by the entity's id column (person_id,
organisation_id, location_id or mentions.entity_type/entity_id, all indexed) and is
capped, so a much-quoted entity stays fast.
"""

from datasette import hookimpl
from datasette.utils import tilde_encode, urlsafe_components

# table -> (mentions.entity_type, the id column used in the other tables)
KINDS = {
    "people": ("person", "person_id"),
    "organisations": ("organisation", "organisation_id"),
    "locations": ("location", "location_id"),
}
LIMIT = 200  # rows per section; the section links to the full list when it is cut

AFFILIATIONS_SQL = """
select affiliations.*, people.name as person, organisations.name as organisation, locations.name as location
from affiliations
  join people on people.id = affiliations.person_id
  left join organisations on organisations.id = affiliations.organisation_id
  left join locations on locations.id = affiliations.location_id
where affiliations.{column} = :id
order by affiliations.article_id, affiliations.start
limit {limit}
"""
# Statements whose sources are this entity (sources.person_id / organisation_id).
MADE_SQL = """
select statements.*, sources.kind as source_kind, sources.name as source_name, articles.title, articles.published
from sources
  join statement_sources on statement_sources.source_id = sources.id
  join statements on statements.id = statement_sources.statement_id
  join articles on articles.id = statements.article_id
where sources.{column} = :id
order by articles.published desc, statements.article_id, statements.start
limit {limit}
"""
# Statements whose content mentions this entity (mention inside the statement's span).
ABOUT_SQL = """
select distinct statements.*, articles.title, articles.published
from mentions
  join statements on statements.article_id = mentions.article_id
    and statements.start <= mentions.start and mentions."end" <= statements."end"
  join articles on articles.id = statements.article_id
where mentions.entity_type = :type and mentions.entity_id = :id
order by articles.published desc, statements.article_id, statements.start
limit {limit}
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
where attendance_claims.{column} = :id
order by attendance_claims.stance, statements.start
"""
ARTICLES_SQL = """
select articles.id, articles.title, articles.publisher, articles.published, count(*) as mentions
from mentions join articles on articles.id = mentions.article_id
where mentions.entity_type = :type and mentions.entity_id = :id
group by articles.id
order by articles.published desc
limit {limit}
"""


class Links:
    """URLs of rows, and of a fact's sentence in the article's reading page."""

    def __init__(self, datasette, database):
        self.datasette, self.database = datasette, database

    def row(self, table, key):
        return self.datasette.urls.row(self.database, table, tilde_encode(str(key)))

    def sentence(self, article_id, sentence_id):
        return f"{self.row('articles', article_id)}#{sentence_id}"

    def source(self, source):
        if source["person_id"]:
            return self.row("people", source["person_id"])
        if source["kind"] == "organisation" and source["organisation_id"]:
            return self.row("organisations", source["organisation_id"])
        return self.row("sources", source["id"])


async def with_speakers(db, links, rows):
    """Statement rows as dicts, each with its sources (one query for all of them)."""
    statements = [dict(r) for r in rows]
    ids = sorted({s["id"] for s in statements})
    speakers = {}
    if ids:
        sql = SPEAKERS_SQL.format(placeholders=", ".join("?" * len(ids)))
        for s in await db.execute(sql, ids):
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

    made = await with_speakers(db, links, await db.execute(q(MADE_SQL), params)) if table != "locations" else []
    made_ids = {s["id"] for s in made}
    about = [s for s in await with_speakers(db, links, await db.execute(q(ABOUT_SQL), params))
             if s["id"] not in made_ids]

    # Claims that this entity was or was not at a meeting, grouped by meeting and stance.
    claims = {}
    for c in await with_speakers(db, links, await db.execute(q(CLAIMS_SQL), params)):
        claims.setdefault(c["meeting_id"], {"confirms": [], "denies": []})[c["stance"]].append(c)

    meetings = [dict(m) for m in await db.execute(q(MEETINGS_SQL), params)]
    held_here = [dict(m) for m in await db.execute(q(HELD_HERE_SQL), params)] if table == "locations" else []
    for m in meetings + held_here:
        m["url"] = links.row("meetings", m["id"])
        m["sentence_url"] = links.sentence(m["article_id"], m["sentence_id"])
        m["claims"] = claims.get(m["id"])

    articles = [dict(a, url=links.row("articles", a["id"])) for a in await db.execute(q(ARTICLES_SQL), params)]

    place = {}
    if table == "locations":
        place["parent"] = entity["parent_id"] and (await db.execute(
            "select id, name from locations where id = :p", {"p": entity["parent_id"]})).first()
        place["parent_url"] = place["parent"] and links.row("locations", place["parent"]["id"])
        place["children"] = [dict(c, url=links.row("locations", c["id"])) for c in await db.execute(
            "select id, name, kind from locations where parent_id = :id order by name", params)]

    cut = {name: len(rows) > LIMIT for name, rows in
           [("affiliations", affiliations), ("made", made), ("about", about), ("meetings", meetings),
            ("held_here", held_here), ("articles", articles)]}
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
            "place": place,
            "cut": cut,
            "limit": LIMIT,
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
