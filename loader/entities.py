"""One real-world entity, one row across the archive.

Ids come from names: the same normalised name (the slug) of the same type is the same
row in every article. Two rules keep that conservative, and curated decisions in
``data/entities.yml`` win over both:

* a person named by one word only (a bare surname) is scoped to its article, since
  "Smith" in two articles is rarely known to be one person;
* ``same:`` lists names of one entity (the first is the name shown), ``different:``
  names that stand for different entities in different articles.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, problem
from .ids import slugify
from .lineyaml import LineList, parse_annotation_yaml
from .vocabulary import NAMED_KINDS

DECISIONS = Path(__file__).resolve().parent.parent / "data" / "entities.yml"
KINDS = NAMED_KINDS


@dataclass(frozen=True)
class Decisions:
    same: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, slug) -> canonical name
    different: frozenset[tuple[str, str]] = frozenset()  # (kind, slug)

    def canonical(self, kind: str, name: str) -> str:
        return self.same.get((kind, slugify(name)), name)

    def entity_id(self, kind: str, name: str, article_id: str) -> str:
        """The archive id of an entity of ``kind`` named ``name`` in article ``article_id``."""
        canonical = self.canonical(kind, name)
        slug = slugify(canonical)
        scoped = (kind, slug) in self.different or (
            kind == "person" and len(canonical.split()) == 1 and (kind, slugify(name)) not in self.same)
        if scoped:
            return f"{slug}-{hashlib.sha1(article_id.encode()).hexdigest()[:6]}"
        return slug


NO_DECISIONS = Decisions()


def load_decisions(path: str | Path = DECISIONS) -> Decisions:
    """Read the curated entity decisions; a missing file means none. Raises
    :class:`InputError` with FILE:LINE messages."""
    path = Path(path)
    if not path.exists():
        return NO_DECISIONS
    where = str(path)
    doc = parse_annotation_yaml(path.read_text(encoding="utf-8"), where)
    problems = []
    same: dict[tuple[str, str], str] = {}
    different: set[tuple[str, str]] = set()
    for key in doc:
        if key not in ("same", "different"):
            problems.append(problem(where, doc.key_lines.get(key), f"unknown section {key!r}; known: same, different"))
    for index, group in enumerate(doc.get("same") or []):
        line = doc["same"].item_lines[index] if isinstance(doc["same"], LineList) else None
        if not isinstance(group, dict) or group.get("type") not in KINDS or not isinstance(group.get("names"), list) or len(group["names"]) < 2:
            problems.append(problem(where, line, f"each 'same' entry needs type ({', '.join(KINDS)}) and at least two names"))
            continue
        canonical = str(group["names"][0])
        for name in group["names"]:
            key = (group["type"], slugify(str(name)))
            if key in same and same[key] != canonical:
                problems.append(problem(where, line, f"{name!r} is already said to be {same[key]!r}"))
            same[key] = canonical
    for index, entry in enumerate(doc.get("different") or []):
        line = doc["different"].item_lines[index] if isinstance(doc["different"], LineList) else None
        if not isinstance(entry, dict) or entry.get("type") not in KINDS or not entry.get("name"):
            problems.append(problem(where, line, f"each 'different' entry needs type ({', '.join(KINDS)}) and name"))
            continue
        key = (entry["type"], slugify(str(entry["name"])))
        if key in same:
            problems.append(problem(where, line, f"{entry['name']!r} is also listed under 'same'"))
        different.add(key)
    if problems:
        raise InputError(problems)
    return Decisions(same, frozenset(different))
