"""Stage 2: quote-aware sentence segmentation for spaCy.

A component placed before the parser marks sentence starts from
:func:`loader.sentences.split_sentences` (the splitter the resolver uses), so the
parser never splits inside a quotation and always splits at a paragraph break,
and every sentence the pipeline sees is a sentence the archive stores.
"""

from __future__ import annotations

import bisect

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..sentences import split_sentences

COMPONENT = "quote_sentences"
# The original text's sentence starts, when the doc holds normalised text.
STARTS_KEY = "sentence_starts"


def sentence_starts(text: str) -> list[int]:
    """Character offsets where sentences start (quote-aware, paragraph breaks forced)."""
    return [s.start for s in split_sentences(text)]


@Language.component(COMPONENT)
def quote_sentences(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on every token from the quote-aware splitter."""
    if len(doc) == 0:
        return doc
    starts = doc.user_data.get(STARTS_KEY)
    if starts is None:
        starts = sentence_starts(doc.text)
    token_starts = [t.idx for t in doc]
    # 1 starts a sentence, -1 does not; set as one array (token by token is slow)
    flags = numpy.full((len(doc), 1), -1, dtype="int32")
    flags[0, 0] = 1
    for offset in starts:
        i = bisect.bisect_left(token_starts, offset)
        if i < len(doc):
            flags[i, 0] = 1
    doc.from_array([SENT_START], flags.astype("uint64"))  # spaCy stores -1 as its uint64 wrap-around
    return doc


def add_to(nlp: Language) -> Language:
    """Add the component before the parser (once)."""
    if COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser" if "parser" in nlp.pipe_names else None)
    return nlp
