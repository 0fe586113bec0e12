"""Building the seed archive: the facts of the article, provenance on every row,
identical rebuilds, and builds that never damage the previous archive."""

import hashlib
import sqlite3

import pytest

from loader import build as build_module
from loader.build import BuildLocked, build, build_lock
from loader.errors import InputError

from .conftest import SEED_ARTICLES, SEED_ID

PROVENANCE_TABLES = ["statements", "meetings", "comment_requests", "events", "mentions", "affiliations"]


def rows(conn, sql, *params):
    return [tuple(r) for r in conn.execute(sql, params).fetchall()]


def test_who_denied_that_massoud_attended(seed_conn):
    deniers = rows(seed_conn, """
        select distinct sources.name from attendance_claims
        join statement_sources using (statement_id) join sources on sources.id = statement_sources.source_id
        join meetings on meetings.id = attendance_claims.meeting_id
        where attendance_claims.person_id = 'ahmad-massoud' and stance = 'denies' and meetings.location_id = 'tehran'
        order by 1""")
    confirmers = rows(seed_conn, """
        select distinct sources.name from attendance_claims
        join statement_sources using (statement_id) join sources on sources.id = statement_sources.source_id
        where attendance_claims.person_id = 'ahmad-massoud' and stance = 'confirms' and meeting_id in
            (select id from meetings where kind = 'talks' and location_id = 'tehran') order by 1""")
    assert deniers == [("Ali Nazari",), ("Habibullah Hesam",)]
    assert confirmers == [("Amin Karim",), ("Ismail Khan",), ("a senior Afghan diplomat",),
                          ("the caretaker of the Afghan embassy in Tehran",)]
    attendance = rows(seed_conn, """select attendance from meeting_participants join meetings on meetings.id = meeting_id
        where person_id = 'ahmad-massoud' and meetings.kind = 'talks' and meetings.location_id = 'tehran'""")
    assert attendance == [("disputed",)]


def test_which_body_arranged_the_tehran_meeting(seed_conn):
    assert rows(seed_conn, """select participant, participant_kind from meeting_participants
        join meetings on meetings.id = meeting_id
        where meetings.location_id = 'tehran' and meetings.kind = 'talks' and role = 'arranger'""") == [
        ("Islamic Revolutionary Guard Corps", "organisation")]
    assert rows(seed_conn, "select acronym from organisations where id = 'islamic-revolutionary-guard-corps'") == [("IRGC",)]


def test_date_of_the_loss_of_the_panjshir_valley(seed_conn):
    assert rows(seed_conn, "select date, precision, date_text from events where description like '%lost control%Panjshir%'") == [
        ("2021-09-06", "day", "September 6")]


def test_failed_and_attempted_meetings(seed_conn):
    brokered = rows(seed_conn, """select locations.name, meetings.status from meetings join locations on locations.id = location_id
        where meetings.kind = 'brokered meeting' order by 1""")
    assert brokered == [("Dubai", "failed"), ("Tajikistan", "failed")]
    assert rows(seed_conn, """select participant from meeting_participants join meetings on meetings.id = meeting_id
        where meetings.kind = 'brokered meeting' and role = 'broker'""") == [("ISI",), ("ISI",)]
    assert rows(seed_conn, "select date, date_precision from meetings where status = 'attempted'") == [("2021-09", "month")]


def test_unanswered_requests_for_comment(seed_conn):
    assert rows(seed_conn, "select party, response from comment_requests order by start, party") == [
        ("Pakistani government", "did not respond"),
        ("Amrullah Saleh", "could not be reached"),
        ("Taliban", "did not respond"),
        ("Ahmad Massoud", "could not be reached"),
        ("Ismail Khan", "could not be reached"),
        ("the NRF's official spokesperson", "no comment"),
    ]


def test_anonymous_sources_and_their_later_references(seed_conn):
    former = rows(seed_conn, "select id from sources where description = 'a former Afghan government official'")
    assert len(former) == 1
    surfaces = rows(seed_conn, "select surface from mentions where entity_id = ? order by start", former[0][0])
    assert [s for (s,) in surfaces] == ["a former Afghan government official", "the former Afghan official",
                                          "the source", "the former official", "the former Afghan official"]
    # "the source said" in the Islamabad paragraph is the source close to the NRF, not the former official
    said = rows(seed_conn, """select sources.description from statements join statement_sources on statement_id = statements.id
        join sources on sources.id = source_id where statements.text like 'Islamabad has been concerned%'""")
    assert said == [("a source close to the NRF leadership",)]


def test_father_and_son_stay_apart(seed_conn):
    people = dict(rows(seed_conn, "select id, name from people where name like '%Massoud%'"))
    assert people == {"ahmad-massoud": "Ahmad Massoud", "ahmad-shah-massoud": "Ahmad Shah Massoud"}
    assert ("Lion of Panjshir",) in rows(seed_conn, "select alias from aliases where entity_id = 'ahmad-shah-massoud'")
    father = rows(seed_conn, "select surface from mentions where entity_id = 'ahmad-shah-massoud'")
    assert sorted(father) == [("Ahmad Shah Massoud",), ("Lion of Panjshir",)]


def test_direct_quote_and_channels(seed_conn):
    assert rows(seed_conn, """select mode, cue, sources.name from statements join statement_sources on statement_id = statements.id
        join sources on sources.id = source_id where text = 'We tested them. We saw that they are not serious'""") == [
        ("direct", "said", "Ali Nazari")]
    assert dict(rows(seed_conn, "select cue, channel from statements where channel in ('Twitter', 'Facebook')")) == {
        "tweeted": "Twitter", "suggested": "Facebook"}


@pytest.mark.parametrize("table", PROVENANCE_TABLES)
def test_every_row_is_traceable_to_its_sentence(seed_conn, table):
    bad = rows(seed_conn, f"""
        select {table}.id from {table}
        join sentences on sentences.id = {table}.sentence_id
        join articles on articles.id = {table}.article_id
        where sentences.article_id != {table}.article_id
           or {table}.start < sentences.start or {table}.start >= sentences."end"
           or {table}."end" > length(articles.text)""")
    assert bad == []
    assert rows(seed_conn, f"select count(*) from {table}")[0][0] > 0


def test_statement_and_mention_texts_are_the_article_substrings(seed_conn):
    text = rows(seed_conn, "select text from articles")[0][0]
    for table, column in [("statements", "text"), ("mentions", "surface"), ("sentences", "text")]:
        for value, start, end in rows(seed_conn, f'select {column}, start, "end" from {table}'):
            assert text[start:end] == value
    for start, end, cue in rows(seed_conn, "select cue_start, cue_end, cue from statements where cue_start is not null"):
        assert text[start:end] == cue


def test_every_entity_has_mentions(seed_conn):
    for table, kind in [("people", "person"), ("organisations", "organisation"), ("locations", "location")]:
        unmentioned = rows(seed_conn, f"select id from {table} where id not in (select entity_id from mentions where entity_type = ?)", kind)
        assert unmentioned == [], table
    assert rows(seed_conn, "select count(*) from locations where latitude is null or longitude is null")[0][0] == 0


def test_rebuild_gives_identical_rows(seed_db, tmp_path):
    again = tmp_path / "again.db"
    build(again, [SEED_ARTICLES])
    a, b = sqlite3.connect(seed_db), sqlite3.connect(again)
    tables = [t for (t,) in a.execute("select name from sqlite_master where type = 'table' and name not like '%fts%'")]
    assert len(tables) >= 16
    for table in tables:
        assert a.execute(f"select * from {table} order by 1").fetchall() == b.execute(f"select * from {table} order by 1").fetchall(), table


def test_failed_build_leaves_the_old_archive_untouched(project_copy, tmp_path):
    db = tmp_path / "archive.db"
    build(db, [project_copy / "articles"])
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    (project_copy / "articles" / "broken.txt").write_text("no date line here", encoding="utf-8")
    with pytest.raises(InputError) as error:
        build(db, [project_copy / "articles"])
    assert error.value.problems == [f"{project_copy / 'articles' / 'broken.txt'}:1: no publication date: start the file with ' date YYYY-MM-DD' or with YAML front matter that has 'published'"]
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive.db", "archive.db.cache", "archive.db.lock", "data"]


def test_keep_going_builds_the_rest_and_reports(project_copy, tmp_path):
    (project_copy / "articles" / "broken.txt").write_text("no date line here", encoding="utf-8")
    report = build(tmp_path / "archive.db", [project_copy / "articles"], keep_going=True)
    assert report.articles == 1 and len(report.skipped) == 1
    assert sqlite3.connect(tmp_path / "archive.db").execute("select id from articles").fetchall() == [(SEED_ID,)]


@pytest.mark.parametrize("use_cache", [True, False], ids=["update in place", "clean rebuild"])
def test_interrupted_build_leaves_old_archive_and_cleans_up(project_copy, tmp_path, monkeypatch, use_cache):
    db = tmp_path / "archive.db"
    build(db, [project_copy / "articles"])
    before = db.read_bytes()
    # a temporary file left by a build that was killed
    (tmp_path / ".archive.db.tmp-99999").write_bytes(b"half a database")
    article = project_copy / "articles" / f"{SEED_ID}.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\n\nA paragraph added later.\n", encoding="utf-8")

    def explode(self, rows, input_row):
        raise KeyboardInterrupt

    monkeypatch.setattr("loader.db.Writer.add", explode)
    with pytest.raises(KeyboardInterrupt):
        build(db, [project_copy / "articles"], use_cache=use_cache)
    assert db.read_bytes() == before
    assert not list(tmp_path.glob(".archive.db.tmp-*"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive.db", "archive.db.cache", "archive.db.lock", "data"]


def test_second_build_at_once_is_refused(tmp_path):
    db = tmp_path / "archive.db"
    with build_lock(db):
        with pytest.raises(BuildLocked, match="another build of .* is running"):
            build(db, [SEED_ARTICLES])
    assert not db.exists()


def test_duplicate_article_content_is_an_error(project_copy, tmp_path):
    seed = project_copy / "articles" / f"{SEED_ID}.txt"
    (project_copy / "articles" / "copy-of-seed.txt").write_bytes(seed.read_bytes())
    with pytest.raises(InputError) as error:
        build(tmp_path / "archive.db", [project_copy / "articles"])
    assert any("same content as" in p for p in error.value.problems)


def test_a_damaged_cache_entry_is_a_miss_not_a_crash(tmp_path):
    from loader.build import cache_path_for

    db = tmp_path / "a.db"
    build(db, [SEED_ARTICLES])
    before = sqlite3.connect(db).execute("select count(*) from statements").fetchone()[0]
    cache = sqlite3.connect(cache_path_for(db))
    assert cache.execute("update cache set rows = x'00ff00'").rowcount >= 1
    cache.commit()
    cache.close()
    db.unlink()
    build(db, [SEED_ARTICLES])  # a clean build that meets the damaged entry
    assert sqlite3.connect(db).execute("select count(*) from statements").fetchone()[0] == before > 0
    cache = sqlite3.connect(cache_path_for(db))
    assert all(row != b"\x00\xff\x00" for (row,) in cache.execute("select rows from cache"))


@pytest.mark.parametrize("jobs, workers", [(0, 2), (1, 2), (3, 2), (7, 2), (17, 2), (64, 2), (64, None), (5, 1), (9, 16)])
def test_jobs_are_batched_in_order_and_spread_over_the_workers(jobs, workers):
    items = [(n,) for n in range(jobs)]
    cut = build_module.batches(items, workers)
    assert [job for batch in cut for job in batch] == items  # each job once, in order
    assert all(0 < len(batch) <= build_module.BATCH for batch in cut)
    if workers and jobs >= workers:
        assert len(cut) >= workers  # few jobs: every worker still gets a batch
