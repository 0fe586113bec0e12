"""The records the stages hand each other, and the span helpers they all use.

Kept apart from the stages so that no stage imports another to learn a record's shape
(this breaks the old document -> entities -> mentions -> document cycle).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache

from ..geocode import Place
from ..spans import occurrences


@dataclass
class Entity:
    kind: str  # person, organisation, location
    name: str
    names: list[str] = field(default_factory=list)  # other surface forms (each occurs in the text)
    acronym: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    place: Place | None = None
    mention_spans: list[tuple[int, int]] = field(default_factory=list)  # references that are not names
    venue_within: "Entity | None" = None  # a venue's surrounding place
    nested_spans: list[tuple[int, int]] = field(default_factory=list)  # inside another name ("Toronto" in "Toronto Star")
    # a description around a name ("port spokesperson Ana Ruiz"): a mention of the entity, but
    # not where it is named (the index, which the attribution stages read, leaves it out)
    described_spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def all_names(self) -> list[str]:
        return [self.name] + self.names + ([self.acronym] if self.acronym else [])


@lru_cache(maxsize=8192)
def _starts(text: str, words: str) -> list[int]:
    """Every start of ``words`` in ``text`` (overlapping ones too), computed once per phrase."""
    return occurrences(text, words)


def keep_non_overlapping(spans: list[tuple]) -> list[tuple]:
    """The spans (``(start, end, ...)``, best first) that overlap no better one; sorted by start.

    Bisect over the kept, non-overlapping spans: linear-logarithmic, not quadratic.
    """
    starts: list[int] = []
    kept: list[tuple] = []
    for span in spans:
        i = bisect.bisect_left(starts, span[0])
        if i < len(kept) and kept[i][0] < span[1]:
            continue  # the next kept span starts inside this one
        if i > 0 and kept[i - 1][1] > span[0]:
            continue  # the previous kept span reaches into this one
        starts.insert(i, span[0])
        kept.insert(i, span)
    return kept


def span_value(text: str, start: int, end: int) -> str | dict:
    """``text[start:end]`` as an annotation span: the words, with the occurrence if they repeat."""
    words = text[start:end]
    starts = _starts(text, words)
    if len(starts) == 1:
        return words
    return {"text": words, "occurrence": bisect.bisect_left(starts, start) + 1}
