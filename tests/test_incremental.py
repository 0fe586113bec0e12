"""Updates in place: `loader build` on an archive built by the same code changes only
what changed, in one transaction, and ends with exactly the rows of a clean build."""

import builtins
import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from loader import db as archive_db
from loader.build import build

from .test_many_articles import dump, write_corpus

NONE = "none.yml"  # no curated entity decisions


def fts_hits(db, words):
    conn = sqlite3.connect(db)
    hits = {}
    for word in words:
        hits[word] = (
            sorted(conn.execute("select statements.id from statements_fts join statements on statements.rowid = statements_fts.rowid "
                                "where statements_fts match ?", (word,)).fetchall()),
            sorted(conn.execute("select articles.id from articles_fts join articles on articles.rowid = articles_fts.rowid "
                                "where articles_fts match ?", (word,)).fetchall()),
        )
    for table in ("statements_fts", "articles_fts"):
        conn.execute(f"insert into {table} ({table}) values ('integrity-check')")  # raises if out of step
    return hits


def test_add_change_remove_in_place_equals_a_clean_build(tmp_path):
    write_corpus(tmp_path, ["a-geneva", "b-oslo"])
    db = tmp_path / "archive.db"
    first = build(db, [tmp_path / "articles"], entities=tmp_path / NONE)
    assert first.mode == "clean"
    inode = db.stat().st_ino
    conn = sqlite3.connect(db)
    assert conn.execute("pragma journal_mode").fetchone() == ("wal",)
    assert conn.execute("select description from people where id = 'ali-nazari'").fetchone() == ("head of foreign relations",)
    conn.close()
    # add C, change B (its text and its annotation), remove A
    write_corpus(tmp_path, ["c-rome"])
    b_text, b_annotation = tmp_path / "articles" / "b-oslo.txt", tmp_path / "annotations" / "b-oslo.yml"
    b_text.write_text(b_text.read_text() + " Costa later flew home.", encoding="utf-8")
    b_annotation.write_text(b_annotation.read_text().replace("{name: Costa}", "{name: Costa, description: envoy}"))
    (tmp_path / "articles" / "a-geneva.txt").unlink()
    report = build(db, [tmp_path / "articles"], entities=tmp_path / NONE)
    assert report.mode == "update"
    assert (report.added, report.changed, report.removed, report.unchanged, report.extracted) == (1, 1, 1, 0, 2)
    assert db.stat().st_ino == inode, "an update writes into the archive itself"
    clean = tmp_path / "clean.db"
    assert build(clean, [tmp_path / "articles"], use_cache=False, entities=tmp_path / NONE).mode == "clean"
    assert dump(db) == dump(clean)
    assert fts_hits(db, ["nazari", "oslo", "geneva", "talked", "rome", "home"]) == fts_hits(clean, ["nazari", "oslo", "geneva", "talked", "rome", "home"])
    conn = sqlite3.connect(db)
    # Maria Costa was named only in A: gone with it, with her aliases; Ali Nazari stays
    # (B names him) but A's description and A's alias "Nazari" went with A.
    assert conn.execute("select count(*) from people where id = 'maria-costa'").fetchone() == (0,)
    assert conn.execute("select count(*) from aliases where entity_id = 'maria-costa'").fetchone() == (0,)
    assert conn.execute("select description from people where id = 'ali-nazari'").fetchone() == (None,)
    assert conn.execute("select count(*) from articles").fetchone() == (2,)
    assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
    assert conn.execute("pragma foreign_key_check").fetchall() == []


def test_the_earliest_article_gives_a_shared_field_whatever_the_order_of_files(tmp_path):
    """A shared row is merged in publication order, so adding an earlier article in place
    gives what a clean build gives."""
    write_corpus(tmp_path, ["b-oslo"])
    db = tmp_path / "archive.db"
    build(db, [tmp_path / "articles"], entities=tmp_path / NONE)
    write_corpus(tmp_path, ["a-geneva"])  # published before b-oslo, and describes Ali Nazari
    build(db, [tmp_path / "articles"], entities=tmp_path / NONE)
    clean = tmp_path / "clean.db"
    build(clean, [tmp_path / "articles"], use_cache=False, entities=tmp_path / NONE)
    assert dump(db) == dump(clean)
    assert sqlite3.connect(db).execute("select description from people where id = 'ali-nazari'").fetchone() == ("head of foreign relations",)


def test_nothing_changed_writes_nothing(tmp_path):
    write_corpus(tmp_path, ["a-geneva", "b-oslo"])
    db = tmp_path / "archive.db"
    build(db, [tmp_path / "articles"], entities=tmp_path / NONE)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    report = build(db, [tmp_path / "articles"], entities=tmp_path / NONE)
    assert (report.mode, report.unchanged, report.extracted) == ("update", 2, 0)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_a_code_change_rebuilds_into_a_new_file(tmp_path, monkeypatch):
    write_corpus(tmp_path, ["a-geneva"])
    db = tmp_path / "archive.db"
    build(db, [tmp_path / "articles"], entities=tmp_path / NONE)
    inode = db.stat().st_ino
    monkeypatch.setattr("loader.build.code_fingerprint", lambda: "another version of the extractor")
    report = build(db, [tmp_path / "articles"], entities=tmp_path / NONE)
    assert (report.mode, report.extracted) == ("clean", 1)
    assert db.stat().st_ino != inode
    assert build(db, [tmp_path / "articles"], entities=tmp_path / NONE).mode == "update"


def test_each_file_is_read_once_per_build(tmp_path, monkeypatch):
    """The input key and the rows come from the same bytes: a file that changes between
    two reads cannot put one version's rows under the other's key."""
    write_corpus(tmp_path, ["a-geneva", "b-oslo"])
    reads: dict[str, int] = {}
    real_open, real_path_open, real_os_open = builtins.open, Path.open, os.open

    def counted(name):
        name = Path(name).name
        reads[name] = reads.get(name, 0) + 1

    def counting_open(file, mode="r", *args, **kwargs):
        if "r" in mode and isinstance(file, (str, Path)):
            counted(file)
        return real_open(file, mode, *args, **kwargs)

    def counting_path_open(self, mode="r", *args, **kwargs):
        if "r" in mode:
            counted(self)
        return real_path_open(self, mode, *args, **kwargs)

    def counting_os_open(path, flags, *args, **kwargs):
        if not flags & (os.O_WRONLY | os.O_RDWR):
            counted(path)
        return real_os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", counting_open)
    monkeypatch.setattr(os, "open", counting_os_open)
    monkeypatch.setattr(Path, "open", counting_path_open)
    build(tmp_path / "archive.db", [tmp_path / "articles"], entities=tmp_path / NONE)
    assert {name: n for name, n in reads.items() if name.startswith(("a-", "b-"))} == {
        "a-geneva.txt": 1, "a-geneva.yml": 1, "b-oslo.txt": 1, "b-oslo.yml": 1}


def test_a_renamed_file_becomes_its_new_article(tmp_path):
    """The input key includes the path: the cache never gives a renamed file the rows
    (id, source_file) of its old name."""
    write_corpus(tmp_path, ["a-geneva"])
    db = tmp_path / "archive.db"
    build(db, [tmp_path / "articles"], use_annotations=False, entities=tmp_path / NONE, workers=1)
    os.rename(tmp_path / "articles" / "a-geneva.txt", tmp_path / "articles" / "a-zurich.txt")
    report = build(db, [tmp_path / "articles"], use_annotations=False, entities=tmp_path / NONE, workers=1)
    assert (report.added, report.removed) == (1, 1)
    rows = sqlite3.connect(db).execute("select id, source_file from articles").fetchall()
    assert rows == [("a-zurich", str(tmp_path / "articles" / "a-zurich.txt"))]


def test_keep_going_in_place_drops_an_article_that_turned_bad(tmp_path):
    write_corpus(tmp_path, ["a-geneva", "b-oslo"])
    db = tmp_path / "archive.db"
    build(db, [tmp_path / "articles"], entities=tmp_path / NONE)
    (tmp_path / "articles" / "b-oslo.txt").write_text("no date line here", encoding="utf-8")
    report = build(db, [tmp_path / "articles"], keep_going=True, entities=tmp_path / NONE)
    assert report.mode == "update" and len(report.skipped) == 1
    clean = tmp_path / "clean.db"
    build(clean, [tmp_path / "articles"], keep_going=True, use_cache=False, entities=tmp_path / NONE)
    assert dump(db) == dump(clean)
    assert sqlite3.connect(db).execute("select id from articles").fetchall() == [("a-geneva",)]


@pytest.mark.asyncio
async def test_serve_keeps_serving_through_updates_and_rebuilds(tmp_path, monkeypatch):
    """`loader serve` opens the archive mutable (not -i), so an update in place shows at
    once; a clean rebuild while it is open is copied into the open file (backup), not
    renamed away from under it."""
    from loader.site import datasette_command, make_datasette

    write_corpus(tmp_path, ["a-geneva", "b-oslo"])
    db = tmp_path / "archive.db"
    build(db, [tmp_path / "articles"], entities=tmp_path / NONE)
    assert "-i" not in datasette_command(db) and "--immutable" not in datasette_command(db)
    ds = make_datasette(db)
    await ds.invoke_startup()

    async def ids():
        response = await ds.client.get("/archive.json?sql=select+id+from+articles+order+by+id&_shape=array")
        assert response.status_code == 200, response.text
        return [row["id"] for row in response.json()]

    assert await ids() == ["a-geneva", "b-oslo"]
    write_corpus(tmp_path, ["c-rome"])
    assert build(db, [tmp_path / "articles"], entities=tmp_path / NONE).mode == "update"
    assert await ids() == ["a-geneva", "b-oslo", "c-rome"]
    (tmp_path / "articles" / "a-geneva.txt").unlink()
    monkeypatch.setattr("loader.build.code_fingerprint", lambda: "another version of the extractor")
    inode = db.stat().st_ino
    assert build(db, [tmp_path / "articles"], entities=tmp_path / NONE).mode == "clean"
    assert db.stat().st_ino == inode, "copied into the open archive, not renamed over it"
    assert await ids() == ["b-oslo", "c-rome"]
    assert sqlite3.connect(db).execute("pragma integrity_check").fetchone() == ("ok",)
    clean = tmp_path / "clean.db"
    build(clean, [tmp_path / "articles"], use_cache=False, entities=tmp_path / NONE)
    assert dump(db) == dump(clean)


def test_publish_takes_a_snapshot_out_of_wal_mode(tmp_path):
    from loader.publish import PublishOptions, publish

    write_corpus(tmp_path, ["a-geneva", "b-oslo"])
    db = tmp_path / "archive.db"
    build(db, [tmp_path / "articles"], entities=tmp_path / NONE)
    write_corpus(tmp_path, ["c-rome"])
    build(db, [tmp_path / "articles"], entities=tmp_path / NONE)
    reader = sqlite3.connect(db)  # a reader holding the archive open in WAL mode
    reader.execute("select count(*) from articles").fetchone()
    site = publish(db, tmp_path / "site", PublishOptions())
    copy = site / "archive.db"
    assert copy.read_bytes()[18:20] == b"\x01\x01", "the snapshot is in rollback mode: immutable needs no -wal"
    assert dump(copy) == dump(db)
    immutable = sqlite3.connect(f"file:{copy}?immutable=1", uri=True)
    assert immutable.execute("select count(*) from articles").fetchone() == (3,)


AGGREGATE_ARTICLES = {
    "d-vienna": (" date 2024-04-02 Ali Nazari met Maria Costa in Vienna on April 1. “We agreed,” Nazari said. "
                 "Costa told reporters the talks went well.",
                 """people:
  - {name: Ali Nazari, names: [Nazari]}
  - {name: Maria Costa, names: [Costa]}
locations:
  - {name: Vienna, kind: city}
statements:
  - {sources: [ali-nazari], cue: said, mode: direct, text: We agreed}
  - {sources: [maria-costa], cue: told, mode: indirect, text: the talks went well}
meetings:
  - id: vienna-talks
    name: Nazari and Costa in Vienna
    kind: talks
    status: held
    location: vienna
    date: 2024-04-01
    date_text: April 1
    evidence: Ali Nazari met Maria Costa in Vienna on April 1
    participants:
      - {ref: ali-nazari, role: delegate}
      - {ref: maria-costa, role: delegate}
"""),
    "e-paris": (" date 2024-04-05 Maria Costa said in Paris that a deal with Ali Nazari was near. Talks resume in May.",
                """people:
  - {name: Maria Costa, names: [Costa]}
  - {name: Ali Nazari, names: [Nazari]}
locations:
  - {name: Paris, kind: city}
statements:
  - {sources: [maria-costa], cue: said, mode: indirect, text: a deal with Ali Nazari was near}
events:
  - {date: 2024-05, date_text: May, description: Talks resume, evidence: Talks resume in May}
"""),
}


def test_aggregates_follow_articles_added_changed_and_removed(tmp_path, monkeypatch):
    """build_facet_counts, build_speaker_counts and build_timeline after updates in place
    are those of a clean build of the same files: counts go up and down, rows come and go."""
    import tests.test_many_articles as corpus

    monkeypatch.setattr(corpus, "ARTICLES", {**corpus.ARTICLES, **AGGREGATE_ARTICLES})
    write_corpus(tmp_path, ["a-geneva", "d-vienna"])
    db = tmp_path / "archive.db"
    build(db, [tmp_path / "articles"], entities=tmp_path / NONE)
    write_corpus(tmp_path, ["e-paris"])  # added: Costa's count and the cue "said" go up, an event comes
    vienna = tmp_path / "articles" / "d-vienna.txt"  # changed: one statement fewer
    vienna.write_text(vienna.read_text().replace(" Costa told reporters the talks went well.", ""), encoding="utf-8")
    annotation = tmp_path / "annotations" / "d-vienna.yml"
    annotation.write_text(annotation.read_text().replace(
        "  - {sources: [maria-costa], cue: told, mode: indirect, text: the talks went well}\n", ""), encoding="utf-8")
    (tmp_path / "articles" / "a-geneva.txt").unlink()  # removed
    assert build(db, [tmp_path / "articles"], entities=tmp_path / NONE).mode == "update"
    clean = tmp_path / "clean.db"
    build(clean, [tmp_path / "articles"], use_cache=False, entities=tmp_path / NONE)
    updated, rebuilt = dump(db), dump(clean)
    for table in archive_db.AGGREGATES:
        assert updated[table] == rebuilt[table], table
        assert updated[table], table
    conn = sqlite3.connect(db)
    assert dict(conn.execute("select value, count from build_facet_counts where table_name = 'statements' "
                             "and column_name = 'cue'")) == {"said": 2}  # "told" went with the change
    assert dict(conn.execute("select source_id, statements from build_speaker_counts")) == {
        "person-ali-nazari": 1, "person-maria-costa": 1}
    # the statement about Nazari in the article added (build_entity_statements, build_entity_counts)
    assert conn.execute("select entity_id, made from build_entity_statements").fetchall() == [("ali-nazari", 0)]
    assert sorted(conn.execute("select day, what from build_timeline")) == [
        ("2024-04-01", "meeting (held)"), ("2024-05-01", "event (planned or expected)")]
