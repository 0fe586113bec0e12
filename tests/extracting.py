"""What the round tests of the automatic pipeline share: the model loaded once per session,
and one sentence-written article run through every stage."""

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
