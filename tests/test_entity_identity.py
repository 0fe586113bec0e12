"""One person, one row across articles: a middle initial or a title does not make another
person, a suffix does, a surname alone joins the article's full name, entities.yml wins,
and every merge is listed in entity_merges with its rule and sentence."""

import sqlite3

from loader import db
from loader.annotations import resolve
from loader.articles import Article
from loader.entities import Decisions, merge_rule, person_key
from loader.ids import slugify


def article(id_: str, text: str) -> Article:
    return Article(id=id_, path=f"{id_}.md", text=text, text_offset=0, text_line=1, published="2024-05-02", sha256=id_)


def rows(id_: str, text: str, people: list[dict], decisions: Decisions = Decisions()) -> dict:
    result = resolve({"people": people}, article(id_, text), f"{id_}.yml", decisions=decisions)
    assert result.problems == []
    return result.rows


def test_person_key_leaves_out_titles_and_middle_initials_but_not_suffixes():
    assert person_key("Maria K. Lindqvist") == "Maria Lindqvist"
    assert person_key("Dr. Maria Lindqvist") == "Maria Lindqvist"
    assert person_key("President Maria J. K. Lindqvist") == "Maria Lindqvist"
    assert person_key("Maria Lindqvist Jr.") == "Maria Lindqvist Jr."
    assert person_key("Lindqvist") == "Lindqvist"
    assert person_key("Prime Minister Maria Lindqvist") == "Maria Lindqvist"
    assert person_key("U.S. Senator Maria Lindqvist") == "Maria Lindqvist"
    assert person_key("Queen Maria") == "Queen Maria"  # no full name after the title: kept
    assert person_key("Maria Bishop Lindqvist") == "Maria Bishop Lindqvist"


def test_one_row_across_articles_and_the_merges_listed(tmp_path):
    first = rows("a1", "Maria K. Lindqvist opened the session.", [{"name": "Maria K. Lindqvist"}])
    second = rows("a2", "Dr. Maria Lindqvist spoke. Later Lindqvist left.",
                  [{"name": "Dr. Maria Lindqvist", "names": ["Lindqvist"]}])
    accented = rows("a3", "Marìa Lindqvist arrived.", [{"name": "Marìa Lindqvist"}])
    ids = {r["id"] for r in first["people"] + second["people"] + accented["people"]}
    assert ids == {"maria-lindqvist"}
    conn = db.connect(tmp_path / "a.db")
    db.create_schema(conn)
    for r in (first, second, accented):
        db.save_rows(conn, r)
    assert conn.execute("select count(*) from people").fetchone()[0] == 1
    merges = conn.execute("select name, rule, article_id, sentence_id is not null from entity_merges order by article_id, name").fetchall()
    assert merges == [
        ("Maria K. Lindqvist", "middle initial left out", "a1", 1),
        ("Dr. Maria Lindqvist", "title left out", "a2", 1),
        ("Lindqvist", "surname alone: joins the full name in this article", "a2", 1),
    ]


def test_a_suffix_and_a_different_surname_stay_apart():
    ids = {person_key(n) for n in ("Maria Lindqvist", "Maria Lindqvist Jr.", "Maria Lindgren")}
    assert len(ids) == 3
    lone = rows("a1", "Lindqvist said no.", [{"name": "Lindqvist"}])
    other = rows("a2", "Lindqvist said yes.", [{"name": "Lindqvist"}])
    assert lone["people"][0]["id"] != other["people"][0]["id"]  # a bare surname stays in its article


def test_entities_yml_decisions_win():
    different = Decisions(different=frozenset({("person", slugify("Maria K. Lindqvist"))}))
    scoped = rows("a1", "Maria K. Lindqvist spoke.", [{"name": "Maria K. Lindqvist"}], different)
    assert scoped["people"][0]["id"] != "maria-lindqvist"
    same = Decisions(same={("person", slugify("M. Lindqvist-Berg")): "Maria Lindqvist", ("person", slugify("Maria Lindqvist")): "Maria Lindqvist"})
    joined = rows("a2", "M. Lindqvist-Berg spoke.", [{"name": "M. Lindqvist-Berg"}], same)
    assert joined["people"][0]["id"] == "maria-lindqvist"
    assert [(m["name"], m["rule"]) for m in joined["entity_merges"]] == [("M. Lindqvist-Berg", "data/entities.yml: same")]
    assert merge_rule("person", "Maria Lindqvist", "maria-lindqvist") is None
