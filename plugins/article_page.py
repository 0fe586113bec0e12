"""Article page: the text with every mention, statement and cue highlighted, and a side list.

Feeds templates/row-archive-articles.html. Every query filters by article_id (indexed),
so the page costs the same however large the archive grows.
"""


from datasette import hookimpl
from datasette.utils import urlsafe_components
from markupsafe import Markup

from loader.links import KIND_TABLES, Links, join_names
from loader.reading import Marker, Span, render_paragraphs, safe_url

# Nesting order for spans that cover the same characters: sentence outside, mention inside.
LAYER = {"sentence": 0, "statement": 1, "cue": 2, "mention": 3}

MENTIONS_SQL = """
select mentions.id, mentions.entity_type, mentions.entity_id, mentions.start, mentions."end",
  coalesce(people.name, organisations.name, locations.name, sources.name, mentions.surface) as name
from mentions
  left join people on mentions.entity_type = 'person' and people.id = mentions.entity_id
  left join organisations on mentions.entity_type = 'organisation' and organisations.id = mentions.entity_id
  left join locations on mentions.entity_type = 'location' and locations.id = mentions.entity_id
  left join sources on mentions.entity_type = 'anonymous' and sources.id = mentions.entity_id
where mentions.article_id = :id
order by mentions.start
"""
SPEAKERS_SQL = """
select statement_sources.statement_id, sources.id, sources.kind, sources.name,
  sources.person_id, sources.organisation_id
from statements
  join statement_sources on statement_sources.statement_id = statements.id
  join sources on sources.id = statement_sources.source_id
where statements.article_id = :id
order by sources.name
"""
MEETINGS_SQL = """
select meetings.id, meetings.name, meetings.kind, meetings.status, meetings.date, meetings.date_precision, meetings.sentence_id,
  locations.name as place,
  (select count(*) from meeting_participants where meeting_id = meetings.id and attendance = 'disputed') as disputed
from meetings left join locations on locations.id = meetings.location_id
where meetings.article_id = :id
order by meetings.start
"""


async def article_context(datasette, database, article_id):
    db = datasette.get_database(database)
    article = (await db.execute("select * from articles where id = :id", {"id": article_id})).first()
    if article is None:
        return {}
    params = {"id": article_id}
    # plain strings from one Links: Datasette's urls.row gives a str subclass whose every
    # method call is wrapped, a good part of the longest article's page at 1M statements
    links = Links(datasette, database)
    row = links.row
    text = article["text"]
    spans, markers = [], []

    for s in await db.execute("select id, start, \"end\" from sentences where article_id = :id", params):
        spans.append(Span(s["start"], s["end"], "span", {"class": "sentence", "id": s["id"]}, LAYER["sentence"]))

    entities = {}  # (type, id) -> {name, url, count}
    for m in await db.execute(MENTIONS_SQL, params):
        kind, url = m["entity_type"], row(KIND_TABLES[m["entity_type"]], m["entity_id"])
        spans.append(Span(m["start"], m["end"], "a", {
            "class": f"mention mention-{kind}", "href": url, "title": f"{kind}: {m['name']}",
            "data-entity-type": kind, "data-entity-id": m["entity_id"],
        }, LAYER["mention"]))
        entry = entities.setdefault((kind, m["entity_id"]), {"name": m["name"], "url": url, "count": 0})
        entry["count"] += 1

    speakers = {}
    for s in await db.execute(SPEAKERS_SQL, params):
        speakers.setdefault(s["statement_id"], []).append(
            {"name": s["name"], "kind": s["kind"], "url": links.source(s)})

    statements = []
    for st in await db.execute("select * from statements where article_id = :id order by start", params):
        who = speakers.get(st["id"], [])
        names = join_names(w["name"] for w in who) or "unattributed"
        label = f"{names} · {st['cue']} · {st['mode']}"
        spans.append(Span(st["start"], st["end"], "span", {
            "class": f"statement statement-{st['mode']}", "id": st["id"], "title": label,
            "data-statement-id": st["id"], "data-mode": st["mode"], "data-cue": st["cue"],
            "data-speakers": names,
        }, LAYER["statement"]))
        if st["cue_start"] is not None and st["cue_end"] is not None:
            spans.append(Span(st["cue_start"], st["cue_end"], "span", {
                "class": "cue", "title": f"cue of: {label}", "data-statement-id": st["id"]}, LAYER["cue"]))
        # The label after the statement names the speaker, cue and mode, and links to the row.
        markers.append(Marker(st["end"], Markup('<a class="statement-label" href="{}" data-statement-id="{}">'
                                                 '{}<span class="label-detail"> · {} · {}</span></a>').format(
            row("statements", st["id"]), st["id"], names, st["cue"], st["mode"])))
        statements.append({**dict(st), "speakers": who, "url": row("statements", st["id"])})

    meetings = [
        {**dict(m), "url": row("meetings", m["id"])}
        for m in await db.execute(MEETINGS_SQL, params)
    ]

    def side(kind):
        items = [dict(v, id=k[1]) for k, v in entities.items() if k[0] == kind]
        return sorted(items, key=lambda e: (-e["count"], e["name"]))

    return {
        "reading": {
            "article": dict(article),
            "url": safe_url(article["url"]),
            "paragraphs": render_paragraphs(text, spans, markers),
            "people": side("person"),
            "organisations": side("organisation"),
            "places": side("location"),
            "anonymous": side("anonymous"),
            "meetings": meetings,
            "statements": statements,
        }
    }


@hookimpl
def extra_template_vars(view_name, database, table, request, datasette):
    if view_name != "row" or table != "articles" or request is None:
        return {}

    async def inner():
        (article_id,) = urlsafe_components(request.url_vars["pks"])
        return await article_context(datasette, database, article_id)

    return inner
