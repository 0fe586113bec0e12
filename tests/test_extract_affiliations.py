"""Stage 4b: affiliations -- roles and memberships with their evidence."""

import pytest

from loader.articles import Article
from loader.extract import extract_annotation
from loader.extract.model import load_nlp


def article(text: str) -> Article:
    return Article(id="t", path="t.md", text=text, text_offset=0, text_line=1, published="2024-05-02", sha256="x")


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def affiliations(text: str) -> list[tuple]:
    doc = extract_annotation(article(text))
    out = []
    for a in doc.get("affiliations", []):
        evidence = a["evidence"] if isinstance(a["evidence"], str) else a["evidence"]["text"]
        out.append((a["person"], a.get("organisation") or a.get("location"), a.get("role"), a.get("qualifier"), evidence))
    return out


def test_apposition_after_the_name(nlp):
    found = affiliations("Pedro Alves, head of foreign relations for the National Farmers Union, said little.")
    assert found == [("pedro-alves", "national-farmers-union", "head of foreign relations", None,
                      "Pedro Alves, head of foreign relations for the National Farmers Union")]


def test_qualifier_and_membership(nlp):
    found = affiliations("Sarah Klein, a senior member of the National Farmers Union, spoke first.")
    assert found == [("sarah-klein", "national-farmers-union", "member", "senior",
                      "Sarah Klein, a senior member of the National Farmers Union")]


def test_possessive_title_before_the_name(nlp):
    found = affiliations("The National Farmers Union’s acting general secretary John Miller met ministers.")
    assert [(f[0], f[1], f[2], f[3]) for f in found] == [("john-miller", "national-farmers-union", "general secretary", "acting")]


def test_copula_and_relative_clauses(nlp):
    found = affiliations("Maria Santos, who lives in Spain, disagreed.\n\n"
                         "Tomas Novak is the leader of the National Farmers Union.")
    assert [(f[0], f[1], f[2]) for f in found] == [("maria-santos", "spain", "resident"),
                                                     ("tomas-novak", "national-farmers-union", "leader")]


def test_a_role_without_a_body_needs_a_qualifier(nlp):
    found = affiliations("John Miller, the former mayor, said so. Sarah Klein, a lawyer, said so too.")
    assert [(f[0], f[1], f[2], f[3]) for f in found] == [("john-miller", None, "mayor", "former")]


def test_a_phrase_that_is_not_a_role_gives_nothing(nlp):
    assert affiliations("Maria Santos, a keen walker with two dogs, lives near the river.") == []
