"""What the round tests of the automatic pipeline share: the model loaded once per session,
one sentence-written article run through every stage, and what they read from its records."""

import pytest

from loader.articles import Article
from loader.extract import extract_annotation
from loader.extract.model import load_nlp


@pytest.fixture(scope="session", autouse=True)
def nlp():
    return load_nlp()


def extract(text: str) -> dict:
    """The automatic pipeline's records for ``text`` as an article of 2026-11-03."""
    return extract_annotation(Article(id="t", path="t.md", text=text, text_offset=0, text_line=1,
                                      published="2026-11-03", sha256="x", publisher="Harbour Post"))


# what the round tests read from those records
def speakers(doc: dict, ending: str) -> list[list[str]]:
    """The sources of each statement whose text ends with ``ending``."""
    return [s["sources"] for s in doc.get("statements", []) if s["text"].rstrip('."”').endswith(ending)]


def requests(doc: dict) -> set[tuple[str, str]]:
    return {(r["party"], r["response"]) for r in doc.get("comment_requests", [])}


def claims(doc: dict) -> set[tuple[str, str]]:
    return {(a["participant"], a["stance"]) for a in doc.get("attendance_claims", [])}
