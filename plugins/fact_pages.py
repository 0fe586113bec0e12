"""Statement and meeting pages: every fact about one statement or one meeting, with the
article's words it rests on.

Feeds templates/row-archive-statements.html and row-archive-meetings.html. Every query
filters by an indexed column (the row's id, statement_id, meeting_id, article_id with
offsets, mentions' entity) and the lists are capped, so a page costs the same however
large the archive grows.
"""

from datasette import hookimpl
from datasette.utils import urlsafe_components

from loader.aggregates import ENTITY_TYPES
from loader.links import KIND_TABLES, STATEMENTS_ABOUT_SQL, Links, join_names
from loader.reading import Span, paragraphs, render

OTHERS = 12  # other statements on the same subject
SUBJECTS = 4  # entities a statement is about, looked up for those statements

# The statements about a subject, newest first, the page's own left out, from the build
# (build_entity_statements): the same rows as STATEMENTS_ABOUT_SQL, without matching all
# of a much-mentioned subject's mentions to statements (400 ms at 1M statements).
BUILT_OTHERS_SQL = """
select statements.*, articles.title, articles.published
from (select statement_id, published, article_id, start from build_entity_statements
      where entity_type = :type and entity_id = :id and statement_id is not :self
      order by published desc, article_id, start limit {limit}) as about
  join statements on statements.id = about.statement_id
  join articles on articles.id = about.article_id
order by about.published desc, about.article_id, about.start
"""
SPEAKERS_SQL = """
select statement_sources.statement_id, sources.*
from statement_sources join sources on sources.id = statement_sources.source_id
where statement_sources.statement_id in ({placeholders})
order by sources.name
"""
# Mentions inside the statement's span: what the statement is about.
SUBJECT_SQL = """
select mentions.entity_type, mentions.entity_id, mentions.start, mentions."end",
  coalesce(people.name, organisations.name, locations.name, sources.name, mentions.surface) as name
from mentions
  left join people on mentions.entity_type = 'person' and people.id = mentions.entity_id
  left join organisations on mentions.entity_type = 'organisation' and organisations.id = mentions.entity_id
  left join locations on mentions.entity_type = 'location' and locations.id = mentions.entity_id
  left join sources on mentions.entity_type = 'anonymous' and sources.id = mentions.entity_id
where mentions.article_id = :article and mentions.start < :end and mentions."end" > :start
order by mentions.start
"""
CLAIMS_MADE_SQL = """
select attendance_claims.*, meetings.name as meeting, meetings.status
from attendance_claims join meetings on meetings.id = attendance_claims.meeting_id
where attendance_claims.statement_id = :id
order by attendance_claims.stance, attendance_claims.participant
"""
# The other claims about the same meeting and participant as one of this statement's.
SAME_CLAIM_SQL = """
select attendance_claims.stance, attendance_claims.participant, statements.*
from attendance_claims join statements on statements.id = attendance_claims.statement_id
where attendance_claims.meeting_id = :meeting and attendance_claims.participant = :participant
  and attendance_claims.statement_id != :id
order by attendance_claims.stance, statements.start
"""
PARTICIPANTS_SQL = """
select * from meeting_participants where meeting_id = :id
order by case role when 'host' then 0 when 'arranger' then 1 when 'broker' then 2 when 'mediator' then 3 else 4 end,
  participant
"""
MEETING_CLAIMS_SQL = """
select attendance_claims.participant, attendance_claims.person_id, attendance_claims.organisation_id,
  attendance_claims.location_id, attendance_claims.source_id, attendance_claims.stance, statements.*
from attendance_claims join statements on statements.id = attendance_claims.statement_id
where attendance_claims.meeting_id = :id
order by attendance_claims.participant, attendance_claims.stance, statements.start
"""
EVENTS_SQL = """
select events.*, sentences.text as sentence, sentences.start as sentence_start
from events join sentences on sentences.id = events.sentence_id
where events.meeting_id = :id
order by events.date, events.start
"""


async def speakers_of(db, links, ids):
    ids = sorted(set(ids))
    found = {}
    for i in range(0, len(ids), 90):  # under the 100 variables plugins/sqlite_limits.py allows
        chunk = ids[i:i + 90]
        for s in await db.execute(SPEAKERS_SQL.format(placeholders=", ".join("?" * len(chunk))), chunk):
            found.setdefault(s["statement_id"], []).append(
                {"name": s["name"], "kind": s["kind"], "url": links.source(s), "description": s["description"]})
    return found


async def statements_with_speakers(db, links, rows):
    statements = [dict(r) for r in rows]
    speakers = await speakers_of(db, links, [s["id"] for s in statements])
    for s in statements:
        s["speakers"] = speakers.get(s["id"], [])
        s["url"] = links.row("statements", s["id"])
        s["sentence_url"] = links.sentence(s["article_id"], s["sentence_id"])
    return statements


def passage(text, start, end, spans):
    """The paragraphs of the article that hold [start, end), highlighted."""
    parts = [(a, b) for a, b in paragraphs(text) if a < end and b > start] or [(start, end)]
    return [render(text, a, b, spans) for a, b in parts]


async def article_of(db, links, article_id):
    article = (await db.execute(
        "select id, title, publisher, published, url, text from articles where id = :id", {"id": article_id})).first()
    return dict(article, url=links.row("articles", article["id"]))


def mention_spans(mentions, links):
    return [Span(m["start"], m["end"], "a", {
        "class": f"mention mention-{m['entity_type']}", "href": links.row(KIND_TABLES[m["entity_type"]], m["entity_id"]),
        "title": f"{m['entity_type']}: {m['name']}"}, 3) for m in mentions]


async def statement_context(datasette, database, key):
    db = datasette.get_database(database)
    row = (await db.execute("select * from statements where id = :id", {"id": key})).first()
    if row is None:
        return {}
    links = Links(datasette, database)
    statement = (await statements_with_speakers(db, links, [row]))[0]
    article = await article_of(db, links, row["article_id"])
    window = {"article": row["article_id"], "start": row["start"], "end": row["end"]}
    mentions = list(await db.execute(SUBJECT_SQL, window))
    spans = [Span(row["start"], row["end"], "span", {"class": f"statement statement-{row['mode']} focus", "id": row["id"]}, 1)]
    if row["cue_start"] is not None and row["cue_end"] is not None:
        spans.append(Span(row["cue_start"], row["cue_end"], "span", {"class": "cue"}, 2))
    # The passage shows every mention in it, linked; the subject is those inside the statement.
    text = article.pop("text")
    parts = [(a, b) for a, b in paragraphs(text) if a < row["end"] and b > row["start"]]
    span_start, span_end = (parts[0][0], parts[-1][1]) if parts else (row["start"], row["end"])
    around = list(await db.execute(SUBJECT_SQL, {"article": row["article_id"], "start": span_start, "end": span_end}))
    rendered = passage(text, row["start"], row["end"], spans + mention_spans(around, links))

    subjects, seen = [], set()
    for m in mentions:
        if m["start"] >= row["start"] and m["end"] <= row["end"] and (m["entity_type"], m["entity_id"]) not in seen:
            seen.add((m["entity_type"], m["entity_id"]))
            subjects.append({"type": m["entity_type"], "id": m["entity_id"], "name": m["name"],
                             "url": links.row(KIND_TABLES[m["entity_type"]], m["entity_id"])})

    claims = []
    for c in await db.execute(CLAIMS_MADE_SQL, {"id": key}):
        c = dict(c)
        c["meeting_url"] = links.row("meetings", c["meeting_id"])
        c["participant_url"] = links.party(c)
        c["others"] = await statements_with_speakers(db, links, await db.execute(
            SAME_CLAIM_SQL, {"meeting": c["meeting_id"], "participant": c["participant"], "id": key}))
        claims.append(c)

    others, shown = [], {key}
    # read newest first from build_entity_articles where the archive has it (at 1M
    # statements the query over all of a much-mentioned subject's mentions took 400 ms)
    built = await db.table_exists("build_entity_statements")
    for subject in subjects[:SUBJECTS]:
        if built and subject["type"] in ENTITY_TYPES:
            found = await db.execute(BUILT_OTHERS_SQL.format(limit=OTHERS),
                                     {"type": subject["type"], "id": subject["id"], "self": key})
        else:
            found = await db.execute(STATEMENTS_ABOUT_SQL.format(limit=OTHERS),
                                     {"type": subject["type"], "id": subject["id"], "self": key})
        for s in await statements_with_speakers(db, links, found):
            if s["id"] not in shown:
                shown.add(s["id"])
                s["subject"] = subject["name"]
                others.append(s)
    others = sorted(others, key=lambda s: (s["published"] or "", s["article_id"], -s["start"]), reverse=True)[:OTHERS]

    sentence = (await db.execute("select * from sentences where id = :id", {"id": row["sentence_id"]})).first()
    return {"fact": {
        "kind": "statement",
        "statement": statement,
        "speaker_names": join_names(w["name"] for w in statement["speakers"]),
        "article": article,
        "passage": rendered,
        "sentence": dict(sentence) if sentence else None,
        "subjects": subjects,
        "claims": claims,
        "others": others,
        "fields": fields(links, row),
    }}


def fields(links, row):
    """Every column of the row, ids linked to their rows."""
    table_of = {"article_id": "articles", "sentence_id": "sentences", "location_id": "locations",
                "meeting_id": "meetings", "person_id": "people", "organisation_id": "organisations",
                "source_id": "sources"}
    return [{"name": k, "value": row[k], "url": links.row(table_of[k], row[k]) if k in table_of and row[k] else None}
            for k in row.keys()]


async def meeting_context(datasette, database, key):
    db = datasette.get_database(database)
    row = (await db.execute("select * from meetings where id = :id", {"id": key})).first()
    if row is None:
        return {}
    links = Links(datasette, database)
    article = await article_of(db, links, row["article_id"])
    text = article.pop("text")
    place = None
    if row["location_id"]:
        found = (await db.execute("select id, name, kind from locations where id = :id", {"id": row["location_id"]})).first()
        place = found and dict(found, url=links.row("locations", found["id"]))

    participants = [dict(p, url=links.party(p)) for p in await db.execute(PARTICIPANTS_SQL, {"id": key})]

    # Claims grouped by the participant they are about: who says they were there, who not.
    claims = {}
    for c in await statements_with_speakers(db, links, await db.execute(MEETING_CLAIMS_SQL, {"id": key})):
        group = claims.setdefault(c["participant"], {"participant": c["participant"], "url": links.party(c),
                                                     "confirms": [], "denies": []})
        group[c["stance"]].append(c)

    window = {"article": row["article_id"], "start": row["start"], "end": row["end"]}
    parts = [(a, b) for a, b in paragraphs(text) if a < row["end"] and b > row["start"]]
    if parts:
        window = {"article": row["article_id"], "start": parts[0][0], "end": parts[-1][1]}
    around = list(await db.execute(SUBJECT_SQL, window))
    spans = [Span(row["start"], row["end"], "mark", {"class": "evidence-span"}, 0)] + mention_spans(around, links)
    rendered = passage(text, row["start"], row["end"], spans)

    events = []
    for e in await db.execute(EVENTS_SQL, {"id": key}):
        e = dict(e)
        e["sentence_url"] = links.sentence(e["article_id"], e["sentence_id"])
        e["sentence_html"] = render(e["sentence"], 0, len(e["sentence"]), [
            Span(e["start"] - e["sentence_start"], e["end"] - e["sentence_start"], "mark", {"class": "evidence-span"})])
        events.append(e)

    return {"fact": {
        "kind": "meeting",
        "meeting": dict(row),
        "article": article,
        "place": place,
        "participants": participants,
        "claims": list(claims.values()),
        "passage": rendered,
        "sentence_url": links.sentence(row["article_id"], row["sentence_id"]),
        "events": events,
        "fields": fields(links, row),
    }}


@hookimpl
def extra_template_vars(view_name, database, table, request, datasette):
    if view_name != "row" or table not in ("statements", "meetings") or request is None:
        return {}

    async def inner():
        (key,) = urlsafe_components(request.url_vars["pks"])
        if table == "statements":
            return await statement_context(datasette, database, key)
        return await meeting_context(datasette, database, key)

    return inner
