"""bench.synth writes a valid, realistic archive: counts as asked, clean foreign keys,
every offset pointing at the text it claims, and the same rows for the same seed."""

from __future__ import annotations

import sqlite3

import pytest

from bench.synth import generate
from loader.annotations import TABLES
from loader.sentences import split_sentences

N, ARTICLES = 2000, 40


@pytest.fixture(scope="module")
def synth(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synth")
    first = generate(folder / "a.db", N, ARTICLES, seed=7)
    second = generate(folder / "b.db", N, ARTICLES, seed=7, processes=1)  # the other code path
    conn = sqlite3.connect(first["path"])
    yield conn, first, sqlite3.connect(second["path"])
    conn.close()


def test_counts_as_asked(synth):
    conn, result, _ = synth
    assert conn.execute("SELECT count(*) FROM statements").fetchone()[0] == N
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == ARTICLES
    for table in TABLES:
        if table in ("extraction_failures", "entity_merges"):  # synthetic rows: no extractor, no merges
            assert conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] == 0
            continue
        assert conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] > 0, f"{table} is empty"
    # some statements have two sources; every statement has at least one
    assert conn.execute("SELECT count(*) FROM (SELECT statement_id FROM statement_sources GROUP BY 1 HAVING count(*) = 2)").fetchone()[0] > 0
    assert conn.execute("SELECT count(*) FROM statements WHERE id NOT IN (SELECT statement_id FROM statement_sources)").fetchone()[0] == 0


def test_foreign_keys_and_integrity(synth):
    conn, _, _ = synth
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # the schema is schema.sql's: the triggers and indexes dropped for the bulk load are back
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')")}
    assert {"statements_ai", "articles_ai", "idx_statements_cue", "idx_mentions_entity"} <= names
    # and the FTS indexes answer
    hits = conn.execute("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'ceasefire'").fetchone()[0]
    assert hits == conn.execute("SELECT count(*) FROM statements WHERE text LIKE '%ceasefire%'").fetchone()[0] > 0


def test_offsets_point_at_the_text(synth):
    conn, _, _ = synth
    texts = dict(conn.execute("SELECT id, text FROM articles"))
    rows = conn.execute(
        'SELECT s.article_id, s.text, s.start, s."end", se.start, se."end", s.cue, s.cue_start, s.cue_end '
        "FROM statements s JOIN sentences se ON se.id = s.sentence_id AND se.article_id = s.article_id").fetchall()
    assert len(rows) == N
    for article, text, start, end, s_start, s_end, cue, cue_start, cue_end in rows:
        assert texts[article][start:end] == text
        assert s_start <= start < end <= s_end, "a statement sits inside its sentence"
        assert cue_start is not None and texts[article][cue_start:cue_end] == cue
    for table, column in (("sentences", "text"), ("mentions", "surface")):
        for article, value, start, end in conn.execute(f'SELECT article_id, {column}, start, "end" FROM {table}'):
            assert texts[article][start:end] == value, table
    for table in ("mentions", "meetings", "events", "comment_requests", "affiliations"):
        outside = conn.execute(
            f'SELECT count(*) FROM {table} t JOIN sentences se ON se.id = t.sentence_id '
            f'WHERE t.start < se.start OR t."end" > se."end" OR se.article_id != t.article_id').fetchone()[0]
        assert outside == 0, f"{table} rows outside their sentence"
    for article, date_text, start, end in conn.execute('SELECT article_id, date_text, start, "end" FROM events'):
        assert date_text in texts[article][start:end]


def test_sentences_are_the_splitters(synth):
    conn, _, _ = synth
    for article, text in conn.execute("SELECT id, text FROM articles"):
        stored = conn.execute('SELECT paragraph, number, start, "end" FROM sentences WHERE article_id = ? ORDER BY number', (article,)).fetchall()
        assert stored == [(s.paragraph, s.number, s.start, s.end) for s in split_sentences(text)], article


def test_realistic_skew(synth):
    conn, _, _ = synth
    per_speaker = [n for (n,) in conn.execute(
        "SELECT count(*) FROM statement_sources JOIN sources ON sources.id = source_id "
        "WHERE kind != 'anonymous' GROUP BY source_id ORDER BY 1 DESC")]
    assert per_speaker[0] > 3 * per_speaker[len(per_speaker) // 2], "a few speakers say much more than most"
    cues = conn.execute("SELECT cue FROM statements GROUP BY cue ORDER BY count(*) DESC").fetchone()[0]
    assert cues == "said"
    no_channel = conn.execute("SELECT avg(channel IS NULL) FROM statements").fetchone()[0]
    assert 0.6 < no_channel < 0.95
    assert {m for (m,) in conn.execute("SELECT DISTINCT mode FROM statements")} == {"direct", "indirect", "mixed"}
    assert conn.execute("SELECT count(*) FROM sources WHERE kind = 'anonymous'").fetchone()[0] > 0
    lat = conn.execute("SELECT min(latitude), max(latitude) FROM locations").fetchone()
    assert -90 <= lat[0] < lat[1] <= 90


def test_same_seed_same_rows(synth):
    conn, _, other = synth
    for table in TABLES:
        assert conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall() == \
            other.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall(), table


def test_another_seed_other_rows(tmp_path):
    a = generate(tmp_path / "a.db", 200, 4, seed=1)
    b = generate(tmp_path / "b.db", 200, 4, seed=2)
    text = lambda r: sqlite3.connect(r["path"]).execute("SELECT group_concat(text) FROM statements").fetchone()[0]
    assert text(a) != text(b)
