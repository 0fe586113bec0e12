"""Stage 9: the annotation document, in exactly the curated format (docs/annotation.md).

The stages produce records with character offsets; this module writes them as the
article's own words (plus ``occurrence`` where the words repeat), so the resolver
places every span where the stage found it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..ids import slugify
from ..spans import find_words
from ..vocabulary import SECTION_OF_KIND
from .records import Entity, span_value


def entity_sections(text: str, entities: Sequence[Entity], institutions: Sequence[Entity] = ()
                    ) -> tuple[list[dict], list[dict], list[dict], list[Entity], dict[int, str]]:
    """people, organisations and locations entries of the entities and then the institutions;
    the entities written (copies: an acronym that is not the entity's alone is left out); and
    each written entity's local id (by ``id()`` of the copy). The entities given are not changed."""
    sections: dict[str, list[dict]] = {"people": [], "organisations": [], "locations": []}
    owner: dict[str, str] = {}
    ids: dict[int, str] = {}
    used: set[str] = set()
    written: list[Entity] = []
    local_of_given: dict[int, str] = {}  # id() of a given entity -> its local id (for a venue's place)
    for given in [*entities, *institutions]:
        entity = given
        local = slugify(entity.name)
        if local in used:
            continue
        names = [n for n in dict.fromkeys(entity.names) if n != entity.name and n not in owner and find_words(text, n)]
        if entity.name in owner or not (find_words(text, entity.name) or names or entity.mention_spans):
            continue
        if entity.acronym and (entity.acronym in owner or not find_words(text, entity.acronym)):
            entity = replace(entity, acronym=None)
        else:
            entity = replace(entity)
        written.append(entity)
        for n in [entity.name, *names] + ([entity.acronym] if entity.acronym else []):
            owner[n] = local
        used.add(local)
        ids[id(entity)] = local
        local_of_given[id(given)] = local
        item: dict = {"name": entity.name}
        if entity.kind == "location" and entity.place is None:
            item["kind"] = "venue"
            within = entity.venue_within and local_of_given.get(id(entity.venue_within))
            if within:
                item["within"] = within
        elif entity.kind == "location":
            item["kind"] = entity.place.kind
            if entity.place.country_code:
                item["country_code"] = entity.place.country_code
        if entity.kind == "organisation" and entity.acronym:
            item["acronym"] = entity.acronym
        if entity.kind != "organisation" and entity.acronym and entity.acronym not in names:
            names.append(entity.acronym)  # a venue's acronym ("KSC") is another of its names
        if names:
            item["names"] = names
        # references that are not names; a name's own occurrences are found by the resolver
        spans = [sp for sp in dict.fromkeys(entity.mention_spans) if not find_words(text, entity.name) or text[sp[0]:sp[1]] != entity.name]
        spans += [sp for sp in dict.fromkeys(entity.nested_spans + entity.described_spans) if sp not in spans]
        if spans:
            item["mentions"] = [span_value(text, s, e) for s, e in spans]
        sections[SECTION_OF_KIND[entity.kind]].append(item)
    return sections["people"], sections["organisations"], sections["locations"], written, ids
