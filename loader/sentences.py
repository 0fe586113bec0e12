"""Paragraphs and quote-aware sentences, as character spans into the text.

A pure function used by both the curated and the automatic path, so that
sentence ids agree between them: a paragraph break always ends a sentence, and a
sentence never ends inside a quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# Titles and other abbreviations after which a period does not end a sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st gen col lt sgt capt maj adm sen rep gov pres jr sr no vs etc inc ltd co corp"
    " jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e approx dept est fig".split()
)
OPEN_QUOTES = "“«"
CLOSE_QUOTES = "”»"
_CLOSERS = set("”»\"’')]")


@dataclass(frozen=True)
class Sentence:
    number: int  # 1-based in the article
    paragraph: int  # 1-based
    start: int
    end: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Blank-line separated paragraphs as ``(start, end)``, surrounding whitespace trimmed."""
    spans = []
    position = 0
    for match in list(_PARAGRAPH_BREAK.finditer(text)) + [None]:
        end = match.start() if match else len(text)
        chunk = text[position:end]
        stripped = chunk.strip()
        if stripped:
            start = position + chunk.index(stripped[0])
            spans.append((start, start + len(stripped)))
        position = match.end() if match else len(text)
    return spans


def _quotes_balance(chunk: str) -> bool:
    depth = 0
    for ch in chunk:
        if ch in OPEN_QUOTES:
            depth += 1
        elif ch in CLOSE_QUOTES:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0 and chunk.count('"') % 2 == 0


def _is_abbreviation(text: str, dot: int) -> bool:
    # only the last few characters matter: slicing the whole prefix would be quadratic
    word = re.search(r"([A-Za-z][A-Za-z.]*)$", text[max(0, dot - 24) : dot])
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    # a single capital letter is an initial ("J. Smith")
    return token in ABBREVIATIONS or (len(token) == 1 and text[dot - 1].isupper())


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    chunk = text[start:end]
    track_quotes = _quotes_balance(chunk)
    spans = []
    depth = 0
    straight_open = False
    sentence_start = 0
    i = 0
    while i < len(chunk):
        ch = chunk[i]
        if ch in OPEN_QUOTES:
            depth += 1
        elif ch in CLOSE_QUOTES:
            depth = max(0, depth - 1)
        elif ch == '"':
            straight_open = not straight_open
        elif ch in ".!?" and not (ch == "." and _is_abbreviation(chunk, i)):
            j = i + 1
            d, s = depth, straight_open
            while j < len(chunk) and (chunk[j] in _CLOSERS or chunk[j] in ".!?"):
                if chunk[j] in CLOSE_QUOTES:
                    d = max(0, d - 1)
                elif chunk[j] == '"':
                    s = not s
                j += 1
            inside = track_quotes and (d > 0 or s)
            k = j
            while k < len(chunk) and chunk[k] in " \t\r\n":
                k += 1
            starts_next = k < len(chunk) and k > j and (chunk[k].isupper() or chunk[k].isdigit() or chunk[k] in "“\"‘'(«")
            if starts_next and not inside:
                spans.append((start + sentence_start, start + j))
                sentence_start = k
                depth, straight_open = d, s
                i = k
                continue
            depth, straight_open = d, s
            i = j
            continue
        i += 1
    if sentence_start < len(chunk):
        tail = chunk[sentence_start:].rstrip()
        if tail:
            spans.append((start + sentence_start, start + sentence_start + len(tail)))
    return spans


def split_sentences(text: str) -> list[Sentence]:
    """All sentences of ``text`` in order, with their paragraph numbers."""
    result: list[Sentence] = []
    for paragraph_number, (p_start, p_end) in enumerate(paragraphs(text), start=1):
        for s_start, s_end in _split_paragraph(text, p_start, p_end):
            result.append(Sentence(len(result) + 1, paragraph_number, s_start, s_end))
    return result
