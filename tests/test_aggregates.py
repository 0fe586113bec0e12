"""What the build works out ahead (loader/aggregates.py) gives exactly what counting per
request gave: the facets of the large tables, statements_per_speaker, statements_by
(both of its ways) and timeline_chart, on a synthetic archive (bench.synth) and
through a real in-process Datasette."""

from __future__ import annotations

import re
import shutil
import sqlite3

import pytest

from bench.synth import generate
from loader import aggregates, db
from loader.site import load_metadata, make_datasette

ARCHIVE = load_metadata()["databases"]["archive"]
QUERIES = ARCHIVE["queries"]
# The canned queries as they were written before the build kept aggregates: the reference.
REFERENCE = {
    "statements_per_speaker": """
        select sources.name as speaker, count(*) as statements
        from statement_sources join sources on sources.id = statement_sources.source_id
        group by sources.id order by statements desc, speaker""",
    "statements_by": """
        select statements.id as statement_id, sources.name as speaker, sources.kind as speaker_kind,
          statements.cue, statements.mode, statements.channel, statements.text,
          coalesce(articles.title, articles.id) as article, articles.published
        from statements
          join statement_sources on statement_sources.statement_id = statements.id
          join sources on sources.id = statement_sources.source_id
          join articles on articles.id = statements.article_id
        where trim(:name) != '' and sources.name like '%' || trim(:name) || '%'
        order by articles.published desc, statements.article_id, statements.start, speaker""",
    "timeline_chart": """
        select day, what, label, precision, date_text, article_id from (
          select case events.precision when 'decade' then events.date || '0-01-01' when 'year' then events.date || '-01-01'
              when 'month' then events.date || '-01' else events.date end as day,
            case when events.planned or events.date > substr(articles.published, 1, length(events.date))
              then 'event (planned or expected)' else 'event' end as what,
            events.description as label, events.precision, events.date_text, events.article_id, events.start
          from events join articles on articles.id = events.article_id
          where events.meeting_id is null
          union all
          select case meetings.date_precision when 'decade' then meetings.date || '0-01-01' when 'year' then meetings.date || '-01-01'
              when 'month' then meetings.date || '-01' else meetings.date end,
            'meeting (' || meetings.status || ')', meetings.name, meetings.date_precision, meetings.date_text,
            meetings.article_id, meetings.start
          from meetings where meetings.date is not null
        ) order by day, article_id, start""",
}
THRESHOLD = "25000"  # statements_by's choice between its two ways (metadata.yml)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("aggregates") / "archive.db"
    generate(path, 3000, 60, seed=5)
    return path


def test_the_facets_kept_are_the_ones_metadata_configures():
    for table, columns in aggregates.FACETS.items():
        assert list(columns) == ARCHIVE["tables"][table]["facets"], table


def test_a_recount_changes_nothing(archive, tmp_path):
    copy = tmp_path / "archive.db"
    shutil.copy(archive, copy)
    conn = db.connect(copy)
    before = {t: conn.execute(f"select * from {t} order by 1").fetchall() for t in db.AGGREGATES}
    assert all(before.values())
    conn.execute("BEGIN")
    db.refresh_aggregates(conn)
    conn.execute("COMMIT")
    assert {t: conn.execute(f"select * from {t} order by 1").fetchall() for t in db.AGGREGATES} == before


def test_canned_queries_give_what_counting_per_request_gave(archive):
    conn = sqlite3.connect(archive)
    for name in ("statements_per_speaker", "timeline_chart"):
        expected = conn.execute(REFERENCE[name]).fetchall()
        assert expected and conn.execute(QUERIES[name]["sql"]).fetchall() == expected, name


def test_statements_by_gives_the_same_rows_in_the_same_order_either_way(archive):
    conn = sqlite3.connect(archive)
    sql = QUERIES["statements_by"]["sql"]
    assert sql.count(THRESHOLD) == 2
    names = [n for (n,) in conn.execute("select name from sources order by id limit 12")] + ["a", "Novak", "", "  ", "zzzz"]
    many = conn.execute("select max(statements) from build_speaker_counts").fetchone()[0]
    assert many > 1
    for name in names:
        expected = conn.execute(REFERENCE["statements_by"], {"name": name}).fetchall()
        # as written (this archive is small: its speakers take the first way), and with the
        # threshold below every speaker's count, so that the second way answers
        for threshold in (THRESHOLD, "0"):
            got = conn.execute(sql.replace(THRESHOLD, threshold), {"name": name}).fetchall()
            assert got == expected, (name, threshold)


def _facets(data: dict) -> dict:
    return {name: [(r["value"], r["count"]) for r in facet["results"]] for name, facet in data["facet_results"].items()}


@pytest.mark.asyncio
async def test_table_pages_take_their_facets_from_the_counts(archive, tmp_path):
    # a copy whose kept counts are made wrong on purpose: an unfiltered page shows them,
    # a filtered one (_where=1, counted by Datasette) the true counts
    copy = tmp_path / "archive.db"
    shutil.copy(archive, copy)
    ds = make_datasette(copy)
    for table, columns in aggregates.FACETS.items():
        kept = _facets((await ds.client.get(f"/archive/{table}.json?_size=0")).json())
        counted = _facets((await ds.client.get(f"/archive/{table}.json?_size=0&_where=1")).json())
        assert list(kept) == list(counted) == list(columns)
        assert kept == counted and all(kept.values()), table
        # a facet the build does not keep is still counted, beside the kept ones
        other = "id" if "article_id" in columns else "article_id"
        extra = _facets((await ds.client.get(f"/archive/{table}.json?_size=0&_facet={other}")).json())
        assert list(extra) == list(columns) + [other] and extra[other], table
    conn = sqlite3.connect(copy)
    value, count = conn.execute("select value, count from build_facet_counts where table_name = 'statements' "
                                "and column_name = 'cue' order by count desc limit 1").fetchone()
    conn.execute("update build_facet_counts set count = count + 100000 where table_name = 'statements' "
                 "and column_name = 'cue' and value = ?", (value,))
    conn.commit()
    conn.close()
    ds = make_datasette(copy)
    kept = _facets((await ds.client.get("/archive/statements.json?_size=0")).json())
    counted = _facets((await ds.client.get("/archive/statements.json?_size=0&_where=1")).json())
    assert kept["cue"][0] == (value, count + 100000)
    assert counted["cue"][0] == (value, count)
    filtered = _facets((await ds.client.get(f"/archive/statements.json?_size=0&cue={value}")).json())
    assert filtered["cue"] == [(value, count)]


@pytest.mark.asyncio
async def test_an_unfiltered_view_page_takes_its_count_from_the_build(archive, tmp_path):
    copy = tmp_path / "archive.db"
    shutil.copy(archive, copy)
    conn = sqlite3.connect(copy)
    rows = conn.execute("select count(*) from statements_with_speakers").fetchone()[0]
    assert conn.execute("select rows from build_row_counts where table_name = 'statements_with_speakers'").fetchone() == (rows,)
    conn.execute("update build_row_counts set rows = rows + 7 where table_name = 'statements_with_speakers'")
    conn.commit()
    conn.close()
    ds = make_datasette(copy)
    page = (await ds.client.get("/archive/statements_with_speakers.json?_size=1")).json()
    assert page["filtered_table_rows_count"] == rows + 7  # read from the build, not counted
    filtered = (await ds.client.get("/archive/statements_with_speakers.json?_size=1&_where=1")).json()
    assert filtered["filtered_table_rows_count"] == rows


def test_row_counts_are_the_tables_rows(archive):
    conn = sqlite3.connect(archive)
    kept = dict(conn.execute("select table_name, rows from build_row_counts"))
    assert set(kept) == set(aggregates.ARTICLE_COUNTED) | set(aggregates.SHARED_COUNTED)
    for table, rows in kept.items():
        assert rows == conn.execute(f'select count(*) from "{table}"').fetchone()[0] > 0, table


@pytest.mark.asyncio
async def test_the_home_page_counts_from_the_build(archive, tmp_path):
    from plugins.home_page import COUNTED

    assert set(COUNTED) <= set(aggregates.ARTICLE_COUNTED) | set(aggregates.SHARED_COUNTED)
    copy = tmp_path / "archive.db"
    shutil.copy(archive, copy)
    conn = sqlite3.connect(copy)
    conn.execute("update build_row_counts set rows = 987654 where table_name = 'mentions'")
    conn.commit()
    conn.close()
    html = (await make_datasette(copy).client.get("/")).text
    assert "987,654" in html or "987654" in html


@pytest.mark.asyncio
async def test_a_search_page_counts_its_matches_in_the_index(archive, tmp_path):
    conn = sqlite3.connect(archive)
    ds = make_datasette(archive)
    # a word of many statements, one of few, one of every article's text, and none
    conn.execute("create virtual table temp.vocab using fts5vocab(main, 'statements_fts', 'row')")
    common, rare = (conn.execute(f"select term from temp.vocab where term glob '[a-z][a-z][a-z]*' order by doc {order}, term limit 1")
                    .fetchone()[0] for order in ("desc", "asc"))
    cases = [("statements", common), ("statements", rare), ("articles", "the"), ("statements", "nosuchword")]
    for table, word in cases:
        expected = conn.execute(f"select count(*) from {table} where rowid in "
                                f"(select rowid from {table}_fts where {table}_fts match ?)", (word,)).fetchone()[0]
        page = (await ds.client.get(f"/archive/{table}.json?_search={word}&_size=1")).json()
        assert page["filtered_table_rows_count"] == expected, (table, word)
    # the count is the index's: a statement deleted behind the index's back (its trigger
    # dropped) is still counted; the page itself does not show it, and other filters count rows
    copy = tmp_path / "archive.db"
    shutil.copy(archive, copy)
    conn = sqlite3.connect(copy)
    rowid = conn.execute("select rowid from statements_fts where statements_fts match ? limit 1", (common,)).fetchone()[0]
    conn.execute("drop trigger statements_ad")
    conn.execute("delete from statements where rowid = ?", (rowid,))
    conn.commit()
    rows = conn.execute("select count(*) from statements where rowid in "
                        "(select rowid from statements_fts where statements_fts match ?)", (common,)).fetchone()[0]
    conn.close()
    ds = make_datasette(copy)
    assert rows > 1
    assert (await ds.client.get(f"/archive/statements.json?_search={common}&_size=1")).json()["filtered_table_rows_count"] == rows + 1
    filtered = (await ds.client.get(f"/archive/statements.json?_search={common}&_size=1&_where=1")).json()
    assert filtered["filtered_table_rows_count"] == rows


def _about_reference(conn, entity_type, entity_id):
    """The statements about an entity as the page counted them per request (loader.links'
    query without its limit), less those it made."""
    from loader.links import STATEMENTS_ABOUT_SQL

    column = {"person": "person_id", "organisation": "organisation_id"}.get(entity_type)
    sql = STATEMENTS_ABOUT_SQL.format(limit=-1)
    rows = [r[0] for r in conn.execute(sql, {"type": entity_type, "id": entity_id, "self": None})]
    made = set()
    if column:
        made = {s for (s,) in conn.execute(
            f"select statement_sources.statement_id from statement_sources join sources on sources.id = statement_sources.source_id "
            f"where sources.{column} = ?", (entity_id,))}
    return [r for r in rows if r not in made]


def test_entity_totals_are_what_counting_per_request_gives(archive):
    conn = sqlite3.connect(archive)
    kept = conn.execute("select entity_type, entity_id, articles, mentions, statements_about from build_entity_counts").fetchall()
    assert {t for t, *_ in kept} == set(aggregates.ENTITY_TYPES)
    for entity_type, entity_id, articles, mentions, about in kept[::7]:
        assert (articles, mentions) == conn.execute(
            "select count(distinct article_id), count(*) from mentions where entity_type = ? and entity_id = ?",
            (entity_type, entity_id)).fetchone()
        assert about == len(_about_reference(conn, entity_type, entity_id)), (entity_type, entity_id)
    assert any(about for *_, about in kept)
    per_article = conn.execute("select entity_type, entity_id, article_id, mentions from build_entity_articles "
                               "order by 1, 2, 3").fetchall()
    assert per_article == conn.execute(
        "select entity_type, entity_id, article_id, count(*) from mentions where entity_type in ('person', 'organisation', 'location') "
        "group by 1, 2, 3 order by 1, 2, 3").fetchall()


@pytest.mark.asyncio
async def test_an_entity_page_shows_the_first_rows_of_the_exact_total(archive, monkeypatch):
    from datasette.plugins import pm

    LIMIT = 3  # this small archive says little about anyone: sections cut at 3 rows
    conn = sqlite3.connect(archive)
    ds = make_datasette(archive)
    # Datasette loads plugins/ as modules of its own: the one it calls is patched
    (loaded,) = [p for p in pm.get_plugins() if getattr(p, "__name__", "") == "entity_pages.py"]
    monkeypatch.setattr(loaded, "LIMIT", LIMIT)
    for table, entity_type in (("people", "person"), ("organisations", "organisation"), ("locations", "location")):
        entity_id, articles, about = conn.execute(
            "select entity_id, articles, statements_about from build_entity_counts where entity_type = ? "
            "order by statements_about desc limit 1", (entity_type,)).fetchone()
        assert about > LIMIT and articles > LIMIT
        html = (await ds.client.get(f"/archive/{table}/{entity_id}")).text
        section = html[html.index('class="section-about"'):]
        section = section[:section.index("</section>")]
        assert f"<small>{about:,}</small>" in section
        assert f"Showing the first {LIMIT} of {about:,}" in section
        # the first LIMIT of the statements counted per request, newest first, in that order
        expected = _about_reference(conn, entity_type, entity_id)[:LIMIT]
        assert re.findall(r'<li class="statement-fact" data-statement-id="([^"]+)"', section) == expected
        articles_section = html[html.index('class="section-articles"'):]
        assert f"<small>{articles:,}</small>" in articles_section[:400]
        assert f"Showing the first {LIMIT} of {articles:,}" in articles_section[:articles_section.index("</section>")]
        assert "rebuild-hint" not in html


@pytest.mark.asyncio
async def test_an_archive_built_before_the_entity_counts_gets_its_pages_and_a_hint(archive, tmp_path):
    copy = tmp_path / "archive.db"
    shutil.copy(archive, copy)
    conn = sqlite3.connect(copy)
    entity_id = conn.execute("select entity_id from build_entity_counts where entity_type = 'person' "
                             "order by statements_about desc limit 1").fetchone()[0]
    conn.execute("drop table build_entity_articles")
    conn.execute("drop table build_entity_counts")
    conn.commit()
    conn.close()
    response = await make_datasette(copy).client.get(f"/archive/people/{entity_id}")
    assert response.status_code == 200
    assert 'class="rebuild-hint"' in response.text and "loader build" in response.text
    assert 'class="section-about"' in response.text


@pytest.mark.asyncio
async def test_a_statement_page_lists_the_same_others_from_the_build_tables_as_without(archive, tmp_path):
    copy = tmp_path / "archive.db"
    shutil.copy(archive, copy)
    conn = sqlite3.connect(copy)
    # statements about the most-mentioned entities, the ones whose lists are long
    ids = [i for (i,) in conn.execute(
        "select distinct statements.id from build_entity_counts join mentions using (entity_type, entity_id) "
        "join statements on statements.article_id = mentions.article_id and statements.start <= mentions.start "
        "and mentions.\"end\" <= statements.\"end\" order by build_entity_counts.statements_about desc, statements.id limit 6")]
    assert ids

    async def others(path):
        ds = make_datasette(path)
        found = {}
        for i in ids:
            html = (await ds.client.get(f"/archive/statements/{i}")).text
            section = html[html.index('class="fact-others"'):]
            found[i] = re.findall(r'href="/archive/statements/([^"#]+)"', section[:section.index("</section>")])
        return found

    with_tables = await others(copy)
    conn.execute("drop table build_entity_articles")
    conn.execute("drop table build_entity_counts")
    conn.commit()
    assert any(with_tables.values()) and with_tables == await others(copy)


def _entity_pages():
    """plugins/entity_pages.py as a module of its own (Datasette loads it from the folder)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("entity_pages_under_test", "plugins/entity_pages.py")
    pages = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pages)
    return pages


def test_an_entitys_first_statements_from_the_build_are_those_of_both_plans(archive):
    pages = _entity_pages()
    conn = sqlite3.connect(archive)
    speakers = conn.execute("select column, id from (select 'person_id' as column, person_id as id, sum(statements) as n "
                            "from sources join build_speaker_counts on source_id = sources.id where person_id is not null group by 2 "
                            "union all select 'organisation_id', organisation_id, sum(statements) from sources "
                            "join build_speaker_counts on source_id = sources.id where organisation_id is not null group by 2) "
                            "order by n desc limit 8").fetchall()
    assert len(speakers) == 8
    for column, key in speakers:
        for limit in (3, 51):
            got = conn.execute(pages.BUILT_MADE_SQL.format(column=column, limit=limit), {"id": key}).fetchall()
            assert got and got == conn.execute(pages.MADE_SQL.format(column=column, limit=limit), {"id": key}).fetchall()
            assert got == conn.execute(pages.MADE_WALK_SQL.format(column=column, limit=limit), {"id": key}).fetchall()


def _loaded(name):
    from datasette.plugins import pm

    (plugin,) = [p for p in pm.get_plugins() if getattr(p, "__name__", "") == name]
    return plugin


@pytest.mark.asyncio
async def test_a_search_of_many_matches_walks_the_table_and_gives_the_same_page(archive, monkeypatch):
    conn = sqlite3.connect(archive)
    conn.execute("create virtual table temp.vocab using fts5vocab(main, 'statements_fts', 'row')")
    rows = conn.execute("select count(*) from statements").fetchone()[0]
    ds = make_datasette(archive)
    counts = _loaded("build_counts.py")
    words = [w for (w,) in conn.execute("select term from temp.vocab where term glob '[a-z]*' order by doc desc limit 3")]
    words += [w for (w,) in conn.execute("select term from temp.vocab where term glob '[a-z]*' order by doc, term limit 2")]
    walked = 0
    reference = ("select id, start from statements where rowid in (select rowid from statements_fts where statements_fts match ?) "
                 "order by start, id limit 20 offset ?")
    for word in words:
        matches = conn.execute("select doc from temp.vocab where term = ?", (word,)).fetchone()[0]
        walks = matches * matches > counts.WALK_FACTOR * rows
        walked += walks
        page = (await ds.client.get(f"/archive/statements.json?_search={word}&_size=20&_nofacet=1&_shape=objects")).json()
        expected = conn.execute(reference, (word, 0)).fetchall()
        # in order of start; a walked page breaks ties by id, as the next pages' keys do
        # (Datasette's own sort leaves ties in any order)
        assert expected and [r["start"] for r in page["rows"]] == [start for _, start in expected], word
        if walks:
            assert [r["id"] for r in page["rows"]] == [i for i, _ in expected], word
            following = (await ds.client.get(f"/archive/statements.json?_search={word}&_size=20&_nofacet=1&_next={page['next']}")).json()
            assert [r[0] for r in following["rows"]] == [i for i, _ in conn.execute(reference, (word, 20))]
    assert walked >= 1 and walked < len(words)  # both ways were taken


@pytest.mark.asyncio
async def test_the_facets_of_a_search_of_many_matches_are_left_out(archive, monkeypatch):
    conn = sqlite3.connect(archive)
    conn.execute("create virtual table temp.vocab using fts5vocab(main, 'statements_fts', 'row')")
    (common, many), (rare, few) = (conn.execute(f"select term, doc from temp.vocab where term glob '[a-z]*' order by doc {o}, term limit 1")
                                   .fetchone() for o in ("desc", "asc"))
    ds = make_datasette(archive)
    monkeypatch.setattr(_loaded("build_counts.py"), "FACET_MATCHES", (many + few) // 2)
    left_out = (await ds.client.get(f"/archive/statements.json?_search={common}&_size=0")).json()
    assert left_out["facet_results"] == {}
    html = (await ds.client.get(f"/archive/statements?_search={common}&_size=0")).text
    assert "These facets timed out: " + ", ".join(ARCHIVE["tables"]["statements"]["facets"]) in html
    counted = (await ds.client.get(f"/archive/statements.json?_search={rare}&_size=0")).json()
    assert counted["facet_results"]["cue"]["results"]
    assert "facets timed out" not in (await ds.client.get(f"/archive/statements?_search={rare}&_size=0")).text


def test_attendance_claims_gives_the_rows_of_the_query_as_first_written_in_its_order(archive):
    reference = """
        select attendance_claims.meeting_id, meetings.name as meeting, attendance_claims.participant,
          sources.name as source, attendance_claims.stance, attendance_claims.statement_id, meetings.date
        from attendance_claims
          join meetings on meetings.id = attendance_claims.meeting_id
          join statement_sources on statement_sources.statement_id = attendance_claims.statement_id
          join sources on sources.id = statement_sources.source_id
        order by meetings.date desc nulls last, meeting, attendance_claims.participant, attendance_claims.stance, source"""
    conn = sqlite3.connect(archive)
    expected = conn.execute(reference).fetchall()
    got = conn.execute(QUERIES["attendance_claims"]["sql"]).fetchall()
    assert expected and sorted(got) == sorted(r[:6] for r in expected)
    # the same order wherever the ORDER BY decides it (ties may come either way)
    date = {r[0]: r[6] for r in expected}
    order = lambda r: (date[r[0]], r[1], r[2], r[4], r[3])  # noqa: E731 (the ORDER BY's keys)
    assert [order(r) for r in got] == [order(r[:6]) for r in expected]


def _immutable_datasette(path):
    from datasette.app import Datasette

    from loader.site import PLUGINS, SETTINGS, TEMPLATES

    return Datasette(immutables=[str(path)], metadata=load_metadata(), plugins_dir=str(PLUGINS),
                     template_dir=str(TEMPLATES), settings=SETTINGS)


def _counting(database) -> list:
    """Every SQL hand-off of ``database`` (execute runs through execute_fn) is appended."""
    calls = []
    execute_fn = database.execute_fn

    async def counted(fn):
        calls.append(fn)
        return await execute_fn(fn)

    database.execute_fn = counted
    return calls


@pytest.mark.asyncio
async def test_an_immutable_file_has_its_schema_read_once_and_its_pages_unchanged(archive):
    conn = sqlite3.connect(archive)
    article = conn.execute("select id from articles order by word_count desc limit 1").fetchone()[0]
    person = conn.execute("select person_id from sources where person_id is not null group by person_id "
                          "order by count(*) desc limit 1").fetchone()[0]
    statement = conn.execute("select id from statements order by rowid limit 1").fetchone()[0]
    conn.close()
    paths = ["/", "/archive", "/archive/statements", "/archive/statements?_facet=cue", "/archive/statements.json?_size=5",
             "/archive/statements_with_speakers", "/archive/mentions", "/archive/meetings",
             f"/archive/articles/{article}", f"/archive/people/{person}", f"/archive/statements/{statement}",
             "/archive/statements_per_speaker", "/archive/timeline_chart", "/archive/meeting_graph", "/.json", "/archive.json"]
    remembered = _immutable_datasette(archive)
    await remembered.invoke_startup()
    plain = _immutable_datasette(archive)
    await plain.invoke_startup()
    schema = _loaded("immutable_schema.py")
    plain_db, remembered_db = plain.get_database("archive"), remembered.get_database("archive")
    assert getattr(remembered_db, "_remembered_schema") is not None
    schema.forget(plain_db)
    assert "table_names" not in vars(plain_db)
    plain_calls, remembered_calls = _counting(plain_db), _counting(remembered_db)
    strip = lambda text: re.sub(r'"query_ms": [0-9.e-]+|took [0-9.]+ms', "", text)  # noqa: E731 (timings differ)
    for path in paths:
        for _ in range(2):  # the second request of each path is served from what the first read
            before = len(remembered_calls)
            got = await remembered.client.get(path)
            expected = await plain.client.get(path)
            assert got.status_code == expected.status_code == 200, path
            assert strip(got.text) == strip(expected.text), path
    # the home page, asked again: its newest articles and counts, nothing of the schema
    plain_before, before = len(plain_calls), len(remembered_calls)
    await plain.client.get("/")
    await remembered.client.get("/")
    assert len(plain_calls) - plain_before > 50
    assert len(remembered_calls) - before <= 3
    assert len(remembered_calls) < len(plain_calls) / 3


@pytest.mark.asyncio
async def test_a_mutable_file_has_its_schema_read_on_every_request(archive):
    ds = make_datasette(archive)
    await ds.invoke_startup()
    assert "table_names" not in vars(ds.get_database("archive"))


@pytest.mark.asyncio
async def test_a_remembered_answer_is_a_copy_the_caller_may_change(archive):
    ds = _immutable_datasette(archive)
    await ds.invoke_startup()
    db = ds.get_database("archive")
    names = await db.table_names()
    names.append("not a table")
    assert "not a table" not in await db.table_names()
    keys = await db.get_all_foreign_keys()
    keys["statements"]["outgoing"].clear()
    assert (await db.get_all_foreign_keys())["statements"]["outgoing"]


def test_only_sql_of_the_schema_alone_is_remembered():
    from plugins.immutable_schema import SCHEMA_SQL

    for sql in ("select name from sqlite_master where type='table'", "PRAGMA schema_version",
                "select name from sqlite_master where type in ('table', 'view') and name = ? collate nocase"):
        assert SCHEMA_SQL.fullmatch(sql), sql
    for sql in ("select * from statements", "select (select count(*) from statements) from sqlite_master",
                "select name from sqlite_master union select id from statements",
                "select * from sqlite_master join statements on 1", "pragma table_info(statements)"):
        assert not SCHEMA_SQL.fullmatch(sql), sql


@pytest.mark.asyncio
async def test_a_picture_page_lists_its_first_rows_and_links_to_all(archive):
    from pathlib import Path

    from loader.site import TEMPLATES

    ds = make_datasette(archive)
    pictures = _loaded("picture_rows.py")
    drawn = {p.stem.removeprefix("query-archive-") for p in Path(TEMPLATES).glob("query-archive-*.html")
             if "_chart.html" in p.read_text() or "meeting-graph.js" in p.read_text()}
    assert drawn == set(pictures.PICTURES)
    conn = sqlite3.connect(archive)
    for name in pictures.PICTURES:
        total = len(conn.execute(QUERIES[name]["sql"]).fetchall())
        rows = (await ds.client.get(f"/archive/{name}.json?_shape=array")).json()
        assert len(rows) == min(total, 1000), name  # the JSON the picture draws from is all of them
        html = (await ds.client.get(f"/archive/{name}")).text
        listed = html.split("<tbody>", 1)[1].count("<tr>") if "<tbody>" in html else 0
        assert listed == min(total, pictures.ROWS), name
        assert f'href="/archive/{name}.json?_shape=array&amp;_size=max"' in html and f"/archive/{name}.csv" in html
        if total > pictures.ROWS:
            assert "lists only the first 100 rows" in html and "returning more than 100 rows" in html
    # other query pages list every row as before
    html = (await ds.client.get("/archive/who_said_what")).text
    assert html.split("<tbody>", 1)[1].count("<tr>") == min(1000, conn.execute("select count(*) from statements").fetchone()[0])


def test_an_entitys_meetings_are_the_same_rows_walking_meetings_by_date(archive):
    pages = _entity_pages()
    conn = sqlite3.connect(archive)
    entities = conn.execute("select column, id from (select 'person_id' as column, person_id as id, count(*) as n "
                            "from meeting_participants where person_id is not null group by 2 "
                            "union all select 'organisation_id', organisation_id, count(*) from meeting_participants "
                            "where organisation_id is not null group by 2 union all select 'location_id', location_id, "
                            "count(*) from meeting_participants where location_id is not null group by 2) "
                            "order by n desc, id limit 6").fetchall()
    assert len(entities) == 6
    for column, key in entities:
        plan = " ".join(r[3] for r in conn.execute("explain query plan " + pages.MEETINGS_WALK_SQL.format(column=column, limit=51),
                                                   {"id": key}))
        assert "idx_meetings_date" in plan
        for limit in (2, 51):
            got = conn.execute(pages.MEETINGS_WALK_SQL.format(column=column, limit=limit), {"id": key}).fetchall()
            expected = conn.execute(pages.MEETINGS_SQL.format(column=column, limit=limit), {"id": key}).fetchall()
            assert got and sorted(got) == sorted(expected), (column, key, limit)
            assert [r[0] for r in got] == [r[0] for r in expected], (column, key, limit)  # the meetings in order


@pytest.mark.asyncio
async def test_a_mutable_file_added_later_still_has_its_schema_refreshed(archive, tmp_path):
    from datasette.database import Database

    ds = _immutable_datasette(archive)
    await ds.invoke_startup()
    assert (await ds.client.get("/archive.json")).status_code == 200  # the refresh ran: every database immutable
    extra = tmp_path / "extra.db"
    conn = sqlite3.connect(extra)
    conn.execute("create table notes (id integer primary key, body text)")
    conn.commit()
    conn.close()
    ds.add_database(Database(ds, path=str(extra), is_mutable=True), name="extra")
    await ds.refresh_schemas()
    internal = ds.get_database("_internal")
    tables = [r[0] for r in await internal.execute("select table_name from tables where database_name = 'extra'")]
    assert tables == ["notes"]


@pytest.mark.asyncio
async def test_a_schema_answer_whose_asker_went_away_is_asked_again_for_those_waiting():
    import asyncio

    from plugins.immutable_schema import _remembering

    calls = []

    async def table_names():
        calls.append(1)
        await asyncio.sleep(0.05)
        return ["articles"]

    remembered = _remembering(table_names, {}, "table_names")
    first = asyncio.create_task(remembered())
    await asyncio.sleep(0.01)
    second = asyncio.create_task(remembered())  # waits for the first one's answer
    await asyncio.sleep(0.01)
    first.cancel()  # (its client went away)
    assert await asyncio.wait_for(second, 2) == ["articles"]
    assert len(calls) == 2 and first.cancelled()
