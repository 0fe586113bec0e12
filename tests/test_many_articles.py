"""An archive of many articles: one row per real-world entity across articles, bare
surnames kept inside their article, curated same/different decisions, and
incremental builds identical to clean ones."""

import sqlite3
import textwrap

import pytest

from loader.build import build
from loader.errors import InputError

from .conftest import ROOT

ARTICLES = {
    "a-geneva": (" date 2024-03-01 Ali Nazari met Maria Costa in Geneva, officials said. “We talked,” Nazari said.",
                 """people:
  - {name: Ali Nazari, names: [Nazari], description: head of foreign relations}
  - {name: Maria Costa}
locations:
  - {name: Geneva, kind: city}
statements:
  - {sources: [ali-nazari], cue: said, mode: direct, text: We talked}
"""),
    "b-oslo": (" date 2024-03-05 Ali Nazari flew to Oslo, where Costa waited. Smith did not respond to a request for comment.",
               """people:
  - {name: Ali Nazari}
  - {name: Costa}
  - {name: Smith}
locations:
  - {name: Oslo, kind: city}
comment_requests:
  - {party: smith, response: did not respond, evidence: Smith did not respond}
"""),
    "c-rome": (" date 2024-03-09 Smith and Ahmad Masoud spoke in Rome, an aide said.",
               """people:
  - {name: Smith}
  - {name: Ahmad Masoud}
locations:
  - {name: Rome, kind: city}
"""),
}


def write_corpus(root, names):
    (root / "articles").mkdir(exist_ok=True)
    (root / "annotations").mkdir(exist_ok=True)
    for name in names:
        text, annotation = ARTICLES[name]
        (root / "articles" / f"{name}.txt").write_text(text, encoding="utf-8")
        (root / "annotations" / f"{name}.yml").write_text(annotation, encoding="utf-8")


def rows(db, sql):
    return sqlite3.connect(db).execute(sql).fetchall()


def dump(db):
    """Every row of every table (statistics and FTS shadow tables aside)."""
    conn = sqlite3.connect(db)
    tables = [t for (t,) in conn.execute("select name from sqlite_master where type = 'table' and name not like '%fts%' and name not like 'sqlite_%'")]
    return {t: conn.execute(f"select * from {t} order by 1").fetchall() for t in tables}


def test_one_person_across_articles_with_all_names_and_mentions(tmp_path):
    write_corpus(tmp_path, ARTICLES)
    db = tmp_path / "archive.db"
    build(db, [tmp_path / "articles"], entities=tmp_path / "none.yml")
    assert rows(db, "select id, name, description from people where name = 'Ali Nazari'") == [
        ("ali-nazari", "Ali Nazari", "head of foreign relations")]
    assert rows(db, "select distinct article_id from mentions where entity_id = 'ali-nazari' order by 1") == [
        ("a-geneva",), ("b-oslo",)]
    assert rows(db, "select alias from aliases where entity_id = 'ali-nazari' order by 1") == [("Ali Nazari",), ("Nazari",)]


def test_a_bare_surname_stays_inside_its_article(tmp_path):
    write_corpus(tmp_path, ARTICLES)
    db = tmp_path / "archive.db"
    build(db, [tmp_path / "articles"], entities=tmp_path / "none.yml")
    smiths = rows(db, "select people.id, mentions.article_id from people join mentions on mentions.entity_id = people.id where name = 'Smith' order by 2")
    assert len(smiths) == 2 and smiths[0][0] != smiths[1][0]
    assert [a for _, a in smiths] == ["b-oslo", "c-rome"]
    # "Costa" alone is not merged with "Maria Costa" from another article
    assert len(rows(db, "select id from people where name like '%Costa'")) == 2


def test_curated_decisions_win(tmp_path):
    write_corpus(tmp_path, ARTICLES)
    decisions = tmp_path / "entities.yml"
    decisions.write_text(textwrap.dedent("""\
        same:
          - type: person
            names: [Ahmad Massoud, Ahmad Masoud]
          - type: person
            names: [Maria Costa, Costa]
        different:
          - {type: person, name: Ali Nazari}
        """), encoding="utf-8")
    db = tmp_path / "archive.db"
    build(db, [tmp_path / "articles"], entities=decisions)
    assert rows(db, "select id, name from people where id = 'ahmad-massoud'") == [("ahmad-massoud", "Ahmad Massoud")]
    assert ("Ahmad Masoud",) in rows(db, "select alias from aliases where entity_id = 'ahmad-massoud'")
    assert rows(db, "select distinct article_id from mentions where entity_id = 'maria-costa' order by 1") == [("a-geneva",), ("b-oslo",)]
    assert len(rows(db, "select id from people where name = 'Ali Nazari'")) == 2


def test_bad_decisions_file_names_its_line(tmp_path):
    write_corpus(tmp_path, ["a-geneva"])
    decisions = tmp_path / "entities.yml"
    decisions.write_text("same:\n  - type: person\n    names: [Only One]\ndifferent:\n  - {type: planet, name: Mars}\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        build(tmp_path / "archive.db", [tmp_path / "articles"], entities=decisions)
    assert error.value.problems == [
        f"{decisions}:2: each 'same' entry needs type (person, organisation, location) and at least two names",
        f"{decisions}:5: each 'different' entry needs type (person, organisation, location) and name",
    ]


def test_incremental_build_reuses_the_cache_and_equals_a_clean_build(tmp_path):
    write_corpus(tmp_path, ["a-geneva", "b-oslo"])
    db = tmp_path / "archive.db"
    first = build(db, [tmp_path / "articles"], entities=tmp_path / "none.yml")
    assert first.extracted == 2
    write_corpus(tmp_path, ["c-rome"])
    again = build(db, [tmp_path / "articles"], entities=tmp_path / "none.yml")
    assert (again.articles, again.extracted) == (3, 1)
    clean = tmp_path / "clean.db"
    build(clean, [tmp_path / "articles"], use_cache=False, entities=tmp_path / "none.yml")
    assert dump(db) == dump(clean)
    # an edited annotation is resolved again
    annotation = tmp_path / "annotations" / "b-oslo.yml"
    annotation.write_text(annotation.read_text().replace("{name: Costa}", "{name: Costa, description: envoy}"))
    assert build(db, [tmp_path / "articles"], entities=tmp_path / "none.yml").extracted == 1


def test_changing_the_code_invalidates_the_cache(tmp_path, monkeypatch):
    write_corpus(tmp_path, ["a-geneva"])
    db = tmp_path / "archive.db"
    build(db, [tmp_path / "articles"], entities=tmp_path / "none.yml")
    assert build(db, [tmp_path / "articles"], entities=tmp_path / "none.yml").extracted == 0
    monkeypatch.setattr("loader.build.code_fingerprint", lambda: "another version of the extractor")
    assert build(db, [tmp_path / "articles"], entities=tmp_path / "none.yml").extracted == 1


@pytest.mark.slow
def test_incremental_automatic_extraction(tmp_path):
    """The real extractor, in worker processes: adding one article extracts only it."""
    fixtures = ROOT / "tests" / "fixtures" / "articles"
    articles = tmp_path / "articles"
    articles.mkdir()
    names = sorted(p.name for p in fixtures.glob("*.md"))
    for name in names[:-1]:
        (articles / name).write_bytes((fixtures / name).read_bytes())
    db = tmp_path / "archive.db"
    assert build(db, [articles], use_annotations=False, workers=2, entities=tmp_path / "none.yml").extracted == len(names) - 1
    (articles / names[-1]).write_bytes((fixtures / names[-1]).read_bytes())
    report = build(db, [articles], use_annotations=False, workers=2, entities=tmp_path / "none.yml")
    assert (report.articles, report.extracted) == (len(names), 1)
    clean = tmp_path / "clean.db"
    build(clean, [articles], use_annotations=False, use_cache=False, workers=1, entities=tmp_path / "none.yml")
    assert dump(db) == dump(clean)
