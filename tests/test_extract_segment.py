"""Stage 2: the parser sees the quote-aware sentences of loader.sentences."""

import pytest

from loader.extract.model import load_nlp, parse


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def test_no_split_inside_a_quotation(nlp):
    text = "“We tested them. We saw that they are not serious,” Nazari said. Talks ended."
    sentences = [s.text for s in parse(text).sents]
    assert sentences[0].startswith('"We tested them. We saw')
    assert sentences[0].endswith("Nazari said.")
    assert sentences[1] == "Talks ended."


def test_always_a_split_at_a_paragraph_break(nlp):
    text = "The minister spoke in Kabul\n\nthe envoy replied later"
    sentences = [s.text.strip() for s in parse(text).sents]
    assert sentences == ["The minister spoke in Kabul", "the envoy replied later"]


def test_the_doc_has_the_article_offsets(nlp):
    text = "Ali Nazari’s “view” was clear. He left."
    doc = parse(text)
    assert len(doc.text) == len(text)
    assert [t.idx for t in doc if t.text == "He"] == [text.index("He")]


def test_long_text_is_parsed_in_chunks_with_offsets_kept(nlp, monkeypatch):
    from loader.extract import model

    monkeypatch.setattr(model, "CHUNK_CHARS", 40)
    text = "The first paragraph is here. It has two sentences.\n\nA second one follows. And a third sentence."
    doc = parse(text)
    assert len(doc.text) == len(text)
    assert [s.text.strip() for s in doc.sents][-1] == "And a third sentence."
