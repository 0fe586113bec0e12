"""Round twelve: constructions of news writing the automatic pipeline got wrong, found on the
development halves (dev to dev5). Sentences written for these tests."""

import pytest

from loader.articles import Article
from loader.extract import extract_annotation
from loader.extract.affiliations import names_publisher
from loader.extract.model import load_nlp
from loader.ids import slugify


@pytest.fixture(scope="session", autouse=True)
def nlp():
    return load_nlp()


def wire(dateline_agency: str, publisher: str) -> dict:
    text = (f"HARARE, Nov 3 ({dateline_agency}) - Zimbabwe's grain board raised the maize price on Monday, "
            "its chairman, Tendai Moyo, said.\n\n(Reporting by Farai Chikowore; Editing by Ruth Baines)\n")
    doc = extract_annotation(Article(id="t", path="t.md", text=text, text_offset=0, text_line=1,
                                     published="2026-11-03", sha256="x", publisher=publisher))
    names = {slugify(o["name"]): o["name"] for o in doc.get("organisations", [])}
    people = {slugify(p["name"]): p["name"] for p in doc.get("people", [])}
    return {(people[a["person"]], a["role"]): names.get(a.get("organisation")) for a in doc.get("affiliations", [])
            if a["person"] in people}


@pytest.mark.parametrize("agency, publisher", [
    ("SAW", "Southern Africa Wire"),                # the agency by its initials
    ("Meridian Wire", "Meridian Wire Service"),     # by its first words
    ("Southern Africa Wire", "Southern Africa Wire"),
])
def test_a_credit_line_works_for_the_agency_its_dateline_credits(agency, publisher):
    found = wire(agency, publisher)
    assert found[("Farai Chikowore", "reporter")] == agency
    assert found[("Ruth Baines", "editor")] == agency


@pytest.mark.parametrize("name, publisher, same", [
    ("APN", "Asia Pacific Newswire", True),
    ("Meridian Wire", "Meridian Wire Service", True),
    ("Meridian", "Meridian Wire Service", False),   # one word is too little to say it is the publisher
    ("AP", "Asia Pacific Newswire", False),
    ("Pacific Newswire", "Asia Pacific Newswire", False),
])
def test_what_names_the_publisher(name, publisher, same):
    assert names_publisher(name, publisher) is same
