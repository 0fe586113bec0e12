"""Finding the article's own words: exact spans, whole-word names, and the sentence of an offset."""

from __future__ import annotations

import bisect

from .sentences import Sentence

# Typographic variants that make an annotator's span miss the article's text.
_VARIANTS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


class SpanError(ValueError):
    """A span that cannot be placed in the text; the message says how to fix it."""


def occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of every occurrence of ``needle`` (overlapping ones included)."""
    found = []
    position = text.find(needle)
    while position != -1 and needle:
        found.append(position)
        position = text.find(needle, position + 1)
    return found


def find_span(text: str, needle: str, occurrence: int | None = None, base: int = 0) -> tuple[int, int]:
    """Place ``needle`` in ``text`` and return ``(start, end)`` offsets (plus ``base``).

    ``occurrence`` is 1-based and required when the needle occurs more than once.
    """
    if not needle or not needle.strip():
        raise SpanError("empty span: write the article's exact words")
    found = occurrences(text, needle)
    shown = needle if len(needle) <= 70 else needle[:67] + "..."
    if not found:
        hint = ""
        if needle.translate(_VARIANTS) != needle or any(
            text[i : i + len(needle)].translate(_VARIANTS) == needle.translate(_VARIANTS)
            for i in occurrences(text.translate(_VARIANTS), needle.translate(_VARIANTS))
        ):
            hint = " (check curly quotes and apostrophes: the span must use the article's own characters)"
        raise SpanError(f"span not found in the article: {shown!r}{hint}")
    if occurrence is None:
        if len(found) > 1:
            raise SpanError(f"span {shown!r} occurs {len(found)} times in the article: add 'occurrence: N' (1 to {len(found)})")
        start = found[0]
    else:
        if not 1 <= occurrence <= len(found):
            raise SpanError(f"span {shown!r} occurs {len(found)} time(s), so occurrence {occurrence} does not exist")
        start = found[occurrence - 1]
    end = start + len(needle)
    # Occurrences count substrings, so "he" is also found inside "the": a span that begins
    # or ends inside a word is almost always a miscounted occurrence.
    inside = (start > 0 and _word_char(needle[0]) and _word_char(text[start - 1])) or (
        end < len(text) and _word_char(needle[-1]) and _word_char(text[end])
    )
    if inside:
        lo, hi = start, end
        while lo > 0 and _word_char(text[lo - 1]):
            lo -= 1
        while hi < len(text) and _word_char(text[hi]):
            hi += 1
        which = "" if occurrence is None else f" (occurrence {occurrence})"
        raise SpanError(
            f"span {shown!r}{which} falls inside the word {text[lo:hi]!r}: occurrences count every "
            f"substring, so count the ones inside other words too, or give 'start' and 'end'"
        )
    return base + start, base + end


def occurrence_index(text: str, start: int, end: int) -> int:
    """The 1-based occurrence number of ``text[start:end]`` at ``start`` (inverse of :func:`find_span`)."""
    return occurrences(text, text[start:end]).index(start) + 1


def _word_char(ch: str) -> bool:
    """What ``\\w`` matches in a str pattern (Unicode letters and digits, and "_")."""
    return ch.isalnum() or ch == "_"


def find_words(text: str, name: str) -> list[tuple[int, int]]:
    """Whole-word, case-sensitive occurrences of a name ("Iran" is not found in "Iranian").

    The same matches as ``(?<!\\w)NAME(?!\\w)`` with finditer (non-overlapping, left to
    right), found with str.find: a pattern per name made this a fifth of the rules' time."""
    if not name.strip():
        return []
    found, size, start = [], len(name), text.find(name)
    while start >= 0:
        end = start + size
        if (start == 0 or not _word_char(text[start - 1])) and (end == len(text) or not _word_char(text[end])):
            found.append((start, end))
            start = text.find(name, end)
        else:
            start = text.find(name, start + 1)
    return found


def sentence_index(sentences: list[Sentence], starts: list[int], offset: int) -> int:
    """Index into ``sentences`` (whose start offsets are ``starts``) of the sentence holding
    ``offset``; the next sentence when it falls between two."""
    i = bisect.bisect_right(starts, offset) - 1
    if i < 0:
        return 0
    if offset >= sentences[i].end and i + 1 < len(sentences):
        return i + 1
    return i
