"""Stage 9: the annotation document, in exactly the curated format (docs/annotation.md).

The stages produce records with character offsets; this module writes them as the
article's own words (plus ``occurrence`` where the words repeat), so the resolver
places every span where the stage found it.
"""

from __future__ import annotations

import bisect
from functools import lru_cache

from ..ids import slugify
from ..spans import find_words, occurrences
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # entities imports this module's span helpers
    from .entities import Entity


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


def entity_sections(text: str, entities: list["Entity"]) -> tuple[dict[str, list[dict]], dict[int, str]]:
    """people, organisations and locations entries, and each entity's local id (by ``id()``)."""
    sections: dict[str, list[dict]] = {"people": [], "organisations": [], "locations": []}
    owner: dict[str, str] = {}
    ids: dict[int, str] = {}
    used: set[str] = set()
    for entity in entities:
        local = slugify(entity.name)
        if local in used:
            continue
        names = [n for n in dict.fromkeys(entity.names) if n != entity.name and n not in owner and find_words(text, n)]
        if entity.name in owner or not (find_words(text, entity.name) or names or entity.mention_spans):
            continue
        if entity.acronym and (entity.acronym in owner or not find_words(text, entity.acronym)):
            entity.acronym = None
        for n in [entity.name, *names] + ([entity.acronym] if entity.acronym else []):
            owner[n] = local
        used.add(local)
        ids[id(entity)] = local
        item: dict = {"name": entity.name}
        if entity.kind == "location" and entity.place is None:
            item["kind"] = "venue"
            within = entity.venue_within and ids.get(id(entity.venue_within))
            if within:
                item["within"] = within
        elif entity.kind == "location":
            item["kind"] = entity.place.kind
            if entity.place.country_code:
                item["country_code"] = entity.place.country_code
        if entity.kind == "organisation" and entity.acronym:
            item["acronym"] = entity.acronym
        if names:
            item["names"] = names
        # references that are not names; a name's own occurrences are found by the resolver
        spans = [sp for sp in dict.fromkeys(entity.mention_spans) if not find_words(text, entity.name) or text[sp[0]:sp[1]] != entity.name]
        if spans:
            item["mentions"] = [span_value(text, s, e) for s, e in spans]
        section = {"person": "people", "organisation": "organisations", "location": "locations"}[entity.kind]
        sections[section].append(item)
    return sections, ids
