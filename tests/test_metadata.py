"""metadata.yml describes every table and column, and every canned query runs through
Datasette and returns the public contract's columns."""

import sqlite3

import pytest

from loader.site import load_metadata

CONTRACT = {
    "who_said_what": ["statement_id", "speaker", "speaker_kind", "cue", "mode", "channel", "text", "article", "published"],
    "who_met_whom": ["meeting_id", "meeting", "kind", "status", "date", "place", "participant", "participant_kind", "role", "attendance"],
    "attendance_claims": ["meeting_id", "meeting", "participant", "source", "stance", "statement_id"],
    "no_comment": ["party", "response", "article"],
    "timeline": ["date", "precision", "event", "article", "expected"],
}
CONTRACT["statements_by"] = CONTRACT["who_said_what"]
TABLE_CONTRACT = {
    "articles": ["id", "title", "publisher", "published", "url", "language", "text"],
    "people": ["id", "name", "description"],
    "organisations": ["id", "name", "acronym", "kind"],
    "locations": ["id", "name", "kind", "country_code", "latitude", "longitude"],
    "sources": ["id", "kind", "person_id", "organisation_id", "description"],
    "statements": ["id", "article_id", "cue", "mode", "channel", "text", "sentence_id", "start", "end"],
    "meetings": ["id", "article_id", "name", "kind", "status", "location_id", "date", "date_precision", "outcome"],
    "meeting_participants": ["meeting_id", "role", "attendance"],
    "attendance_claims": ["meeting_id", "statement_id", "stance"],
    "comment_requests": ["article_id", "response"],
    "events": ["date", "precision", "description", "article_id", "sentence_id"],
    "mentions": ["entity_type", "entity_id", "article_id", "sentence_id", "start", "end", "surface"],
    "sentences": ["id", "article_id", "paragraph", "start", "end", "text"],
}
METADATA = load_metadata()
ARCHIVE = METADATA["databases"]["archive"]


def columns(conn, table):
    return [r[1] for r in conn.execute(f'pragma table_info("{table}")')]


def test_every_table_view_and_column_is_described(seed_db):
    conn = sqlite3.connect(seed_db)
    names = [r[0] for r in conn.execute(
        "select name from sqlite_master where type in ('table', 'view') and name not like '%fts%' and name not like 'sqlite_%'")]
    for name in names:
        meta = ARCHIVE["tables"].get(name)
        assert meta and meta.get("description"), f"{name} has no description"
        missing = [c for c in columns(conn, name) if c not in meta.get("columns", {})]
        assert not missing, f"{name}: undescribed columns {missing}"
        stale = [c for c in meta.get("columns", {}) if c not in columns(conn, name)]
        assert not stale, f"{name}: described columns that do not exist {stale}"


@pytest.mark.parametrize("table, required", TABLE_CONTRACT.items())
def test_contract_tables_have_their_columns(seed_db, table, required):
    conn = sqlite3.connect(seed_db)
    assert set(required) <= set(columns(conn, table))


@pytest.mark.asyncio
@pytest.mark.parametrize("query, expected", CONTRACT.items())
async def test_canned_queries_return_the_contract_columns(ds, query, expected):
    response = await ds.client.get(f"/archive/{query}.json?_shape=objects&name=Nazari")
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["columns"] == expected
    assert data["rows"], f"{query} returned no rows on the seed"


@pytest.mark.asyncio
async def test_statements_by_is_guarded_against_the_empty_string(ds):
    empty = (await ds.client.get("/archive/statements_by.json?_shape=array&name=")).json()
    blank = (await ds.client.get("/archive/statements_by.json?_shape=array&name=%20%20")).json()
    nazari = (await ds.client.get("/archive/statements_by.json?_shape=array&name=Nazari")).json()
    assert empty == [] and blank == []
    assert nazari and {row["speaker"] for row in nazari} == {"Ali Nazari"}


@pytest.mark.asyncio
async def test_who_said_what_has_a_row_per_speaker(ds, seed_conn):
    rows = (await ds.client.get("/archive/who_said_what.json?_shape=array&_size=max")).json()
    assert len(rows) == seed_conn.execute("select count(*) from statement_sources").fetchone()[0]
    confirmed = [r["speaker"] for r in rows if r["cue"] == "confirmed"]
    assert sorted(confirmed) == ["Amin Karim", "a senior Afghan diplomat", "the caretaker of the Afghan embassy in Tehran"]


@pytest.mark.asyncio
async def test_who_met_whom_keeps_meetings_without_participants(ds, seed_conn):
    rows = (await ds.client.get("/archive/who_met_whom.json?_shape=array&_size=max")).json()
    meetings = {r["meeting_id"] for r in rows}
    assert len(meetings) == seed_conn.execute("select count(*) from meetings").fetchone()[0]
    doha = [r for r in rows if r["place"] == "Doha"]
    assert len(doha) == 1 and doha[0]["participant"] is None and doha[0]["status"] == "failed"


@pytest.mark.asyncio
async def test_chart_pages_and_their_queries(ds):
    # Each chart page draws its chart (plugins/static/charts.js) from the columns it names.
    for query, x, y in [("statements_per_speaker", "speaker", "statements"), ("events_over_time", "year", "events")]:
        html = (await ds.client.get(f"/archive/{query}")).text
        assert f'data-label="{x}"' in html and f'data-value="{y}"' in html, query
        rows = (await ds.client.get(f"/archive/{query}.json?_shape=array")).json()
        assert len(rows) >= 2 and set(rows[0]) == {x, y}
    speakers = (await ds.client.get("/archive/statements_per_speaker.json?_shape=array")).json()
    assert speakers[0] == {"speaker": "Ali Nazari", "statements": 8}


@pytest.mark.asyncio
async def test_facets_are_configured_and_suggestions_off(ds, seed_conn):
    data = (await ds.client.get("/archive/statements_with_speakers.json")).json()
    assert set(data["facet_results"]) >= {"speaker_kind", "cue", "mode", "channel"}
    assert data["suggested_facets"] == []
    kinds = {f["value"]: f["count"] for f in data["facet_results"]["speaker_kind"]["results"]}
    assert kinds == dict(seed_conn.execute(
        "select kind, count(*) from statement_sources join sources on sources.id = source_id group by kind").fetchall())
    assert set(kinds) == {"person", "anonymous"}
    meetings = (await ds.client.get("/archive/meetings.json")).json()
    assert set(meetings["facet_results"]) >= {"status", "kind", "location_id"}
    people = (await ds.client.get("/archive/people_organisations.json?organisation=National+Resistance+Front&_shape=objects")).json()
    assert {r["person"] for r in people["rows"]} == {"Ahmad Massoud", "Ali Nazari"}


@pytest.mark.asyncio
async def test_labels_show_names_for_foreign_keys(ds):
    data = (await ds.client.get("/archive/meetings.json?_labels=on&_shape=array&kind=visit")).json()
    assert data and data[0]["location_id"] == {"value": "tehran", "label": "Tehran"}


@pytest.mark.asyncio
async def test_full_text_search_on_statements_and_articles(ds):
    hits = (await ds.client.get("/archive/statements.json?_search=hardball&_shape=array")).json()
    assert len(hits) == 1 and "playing hardball" in hits[0]["text"]
    articles = (await ds.client.get("/archive/articles.json?_search=Panjshir&_shape=array")).json()
    assert [a["id"] for a in articles] == ["2022-01-26-trt-world-tehran-talks"]


@pytest.mark.asyncio
async def test_pages_render(ds):
    for path in ["/", "/archive", "/archive/statements", "/archive/locations", "/archive/who_said_what",
                 "/archive/people/ahmad-massoud", "/archive/statements_per_speaker"]:
        response = await ds.client.get(path)
        assert response.status_code == 200, path
