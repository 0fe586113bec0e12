"""The pipeline never crashes, and its rows always point at the article's own text."""

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loader.annotations import resolve
from loader.articles import Article
from loader.extract import MAX_ANALYSED_CHARS, extract_annotation, extract_resolution
from loader.extract.model import load_nlp


def article(text: str) -> Article:
    return Article(id="t", path="t.md", text=text, text_offset=0, text_line=1, published="2024-03-14", sha256="x")


@pytest.fixture(scope="session", autouse=True)
def nlp():
    return load_nlp()


def check_rows(text: str) -> dict:
    """Every offset inside the text; every statement's text is the text at its offsets (the rows)."""
    resolution = extract_resolution(article(text))
    assert resolution.problems == []
    assert resolution.rows["extraction_failures"] == []  # no stage crashed, nothing was dropped
    for table, rows in resolution.rows.items():
        for row in rows:
            if "start" in row and row["start"] is not None:
                assert 0 <= row["start"] <= row["end"] <= len(text), (table, row)
    for row in resolution.rows["statements"]:
        assert row["text"] == text[row["start"] : row["end"]]
    for row in resolution.rows["mentions"]:
        assert row["surface"] == text[row["start"] : row["end"]]
    return resolution.rows


@pytest.mark.parametrize("text", [
    "", " ", "\n\n\n", "word", "Kabul",
    "no sentence punctuation at all just words and Smith said the talks in Tehran failed",
    "“An unbalanced quotation, said Ali Nazari. He met Muttaqi in Tehran on Monday.",
    'He said "open and never closed. The talks failed, a source said.',
    "”””“““ said according to according to, said (((",
    "Der Außenminister sagte am Montag in Berlin, dass die Gespräche gescheitert seien.",
    "外交部长周一在北京说，会谈失败了。",
    "Control\x00 characters\x01\x07 and \x1b[31m escapes said Smith\x7f.",
    "<html><body><p>Officials said <b>talks</b> in Kabul failed.</p><script>alert(1)</script></body></html>",
    "A" * 3000,
    "Mr. Smith said. “” ” “ The (TTP) (ABC) (X) since since the 1990s 52 last month next Wednesday.",
])
def test_never_crashes_on_odd_input(text):
    check_rows(text)
    assert isinstance(extract_annotation(article(text)), dict)


WORDS = ["said", "told", "according to", "the", "talks", "meeting", "met", "in", "Tehran", "Kabul", "Ali", "Nazari",
         "Ahmad", "Massoud", "a", "senior", "official", "source", "did", "not", "respond", "for", "comment", "on",
         "Monday", "since", "September", "1998", "NRF", "(NRF)", "National", "Resistance", "Front", "“", "”", '"',
         ",", ".", "\n\n", "’s", "he", "she", "denied", "that", "was", "there", "could", "be", "reached"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join), st.text(max_size=80)))
def test_offsets_and_texts_are_the_article_s(text):
    check_rows(text)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=5, max_size=60).map(" ".join))
def test_resolving_twice_gives_identical_rows(text):
    doc = extract_annotation(article(text))
    first = resolve(doc, article(text), "t (automatic)", origin="automatic")
    second = resolve(doc, article(text), "t (automatic)", origin="automatic")
    assert first.rows == second.rows
    assert extract_resolution(article(text)).rows == first.rows


def long_news(words: int, seed: int = 7) -> str:
    """Varied news-like paragraphs (numbers keep sentences from repeating exactly), with about
    one name in twenty words, as in news text (the resolver's mention placement grows faster
    than linearly with the number of name occurrences)."""
    rng = random.Random(seed)
    names = ["Ali Nazari", "Grace Namutebi", "Lotte Vermeulen", "Marat Seitkali", "Helena Marques"]
    places = ["Tehran", "Kabul", "Nairobi", "Antwerp", "Lisbon", "Tashkent"]
    templates = [
        "{name} said that {n} workers had left {place} on Monday.",
        "“We counted {n} trucks at the border,” {name} said.",
        "Talks in {place} failed after {n} hours, according to a senior official.",
        "The ministry did not respond to a request for comment about the {n} permits.",
        "{name} met delegates in {place} last month to discuss {n} contracts.",
    ]
    plain = [
        "The price of wheat rose by {n} percent over the season, and farmers expect further increases before the harvest.",
        "Shipping lines diverted {n} containers while the port remained closed to most traffic during the week.",
        "Economists warned that the cost of the stoppage would grow quickly if the dispute dragged on for {n} more days.",
        "Residents said the water supply had been cut for {n} hours and that nobody had explained why it happened.",
    ]
    parts, count = [], 0
    while count < words:
        sentences = [rng.choice(templates)] + [rng.choice(plain) for _ in range(3)]
        paragraph = " ".join(t.format(name=rng.choice(names), place=rng.choice(places), n=rng.randint(1, 10**6)) for t in sentences)
        parts.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(parts)


@pytest.mark.slow
def test_two_hundred_thousand_words_analysed_in_a_bounded_part():
    # The work is bounded by what is analysed, not by a clock (timings are make bench's):
    # statements come only from the first MAX_ANALYSED_CHARS, while the rest still gets
    # its sentences and name mentions.
    text = long_news(200_000)
    assert len(text) > 4 * MAX_ANALYSED_CHARS
    rows = check_rows(text)
    assert rows["statements"] and max(r["end"] for r in rows["statements"]) <= MAX_ANALYSED_CHARS
    assert max(r["end"] for r in rows["sentences"]) > len(text) - 1000
    assert max(r["end"] for r in rows["mentions"]) > 3 * MAX_ANALYSED_CHARS
