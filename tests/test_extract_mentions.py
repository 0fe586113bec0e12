"""Stage 3: named mentions, with the rules that add what the model misses."""

import pytest

from loader.articles import Article
from loader.extract.mentions import acronym_pairs, find_mentions
from loader.extract.model import load_nlp, parse


def article(text: str, publisher: str | None = None) -> Article:
    return Article(id="t", path="t.md", text=text, text_offset=0, text_line=1, published="2024-05-02",
                   sha256="x", publisher=publisher)


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def labels(text: str, publisher: str | None = None) -> dict[str, str]:
    mentions, _ = find_mentions(parse(text), article(text, publisher))
    return {m.text: m.label for m in mentions}


def test_acronym_names_the_capitalised_words_before_it():
    pairs = acronym_pairs("ties to Jamaat ul Ahrar Front (JAF), and to the Regional Transit Corridor Authority (RTCA).")
    assert [(e.text, a.text) for e, a in pairs] == [("Jamaat ul Ahrar Front", "JAF"), ("Regional Transit Corridor Authority", "RTCA")]


def test_an_acronym_that_does_not_fit_names_nothing():
    assert acronym_pairs("the budget (EUR) was cut") == []


def test_organisation_word_and_institution_noun(nlp):
    found = labels("Kamau told the Harbour Ledger that the Kenyan government would pay.")
    assert found.get("Harbour Ledger") == "ORG"
    assert found.get("Kenyan government") == "ORG"


def test_a_government_noun_modifying_another_noun_is_not_an_organisation(nlp):
    found = labels("A former Kenyan government official said the plan was dead.")
    assert "Kenyan government" not in found


def test_dateline_is_cut_from_the_name(nlp):
    found = labels("LISBON — Helena Marques keeps a cable on her desk.")
    assert "Helena Marques" in found
    assert not any("—" in name for name in found)


def test_publisher_named_by_its_first_word(nlp):
    found = labels("ANTWERP, March 14 (Meridian) – Dockworkers voted to strike.", publisher="Meridian Wire Service")
    assert found.get("Meridian") == "ORG"


def test_place_with_particles_from_the_gazetteer(nlp):
    found = labels("They are building the port in Viana do Castelo before the turbines arrive.")
    assert found.get("Viana do Castelo") == "LOC"
