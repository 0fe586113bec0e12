"""One real-world entity, one row across the archive.

Ids come from names: the same normalised name (the slug) of the same type is the same
row in every article. A person's name is normalised further: titles before it ("Dr.",
"President") and middle initials ("Donald J. Trump") are left out, accents folded, so
that the ways news writes one person's full name meet in one row; a suffix ("Jr.",
"III") is kept, since it tells a son from his father. Each such normalisation is listed
(:func:`merge_rule`, the ``entity_merges`` table) so an analyst can see and undo it.
Curated decisions in ``data/entities.yml`` win over every rule:

* a person named by one word only (a bare surname) is scoped to its article, since
  "Smith" in two articles is rarely known to be one person;
* ``same:`` lists names of one entity (the first is the name shown), ``different:``
  names that stand for different entities in different articles.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, problem
from .ids import slugify
from .lineyaml import LineList, parse_annotation_yaml
from .vocabulary import NAMED_KINDS

DECISIONS = Path(__file__).resolve().parent.parent / "data" / "entities.yml"
KINDS = NAMED_KINDS
# Titles and honorifics written before a person's name in news (the name is the same person's
# with or without them).
PERSON_TITLES = frozenset("""
mr mrs ms miss mx dr prof professor sir dame lord lady president senator sen rep governor gov mayor
judge justice general gen colonel col captain capt lieutenant lt sergeant sgt admiral minister chancellor
king queen prince princess sheikh imam rabbi father rev reverend pope bishop archbishop
""".split())
_INITIAL = re.compile(r"[A-Z]\.?\Z")


def person_key(name: str) -> str:
    """The part of a person's name that identifies them across articles: no leading titles,
    no middle initials ("President Donald J. Trump" -> "Donald Trump")."""
    words = name.split()
    while len(words) > 2 and words[0].rstrip(".").lower() in PERSON_TITLES:
        words = words[1:]
    # a title of several words ("Prime Minister", "Foreign Minister", "U.S. Senator"): up to
    # its title word, when a full name is left after it
    last = max((i for i, w in enumerate(words[:-2]) if w.rstrip(".").lower() in PERSON_TITLES), default=-1)
    if 0 < last <= 2 and all(w[:1].isupper() for w in words[:last]):
        words = words[last + 1:]
    if len(words) > 2:
        words = [words[0]] + [w for w in words[1:-1] if not _INITIAL.match(w)] + [words[-1]]
    return " ".join(words)


def merge_rule(kind: str, name: str, entity_id: str) -> str | None:
    """Why ``name`` is stored under ``entity_id`` although its own slug differs, or None."""
    if slugify(name) == entity_id or entity_id.startswith(slugify(name) + "-"):
        return None
    if kind == "person" and slugify(person_key(name)) == entity_id:
        words, key = name.split(), person_key(name).split()
        reasons = []
        if key and words[0] != key[0]:
            reasons.append("title left out")
        if any(_INITIAL.match(w) for w in words[1:-1] if w not in key):
            reasons.append("middle initial left out")
        return ", ".join(reasons) or "same name"
    return "data/entities.yml: same"


@dataclass(frozen=True)
class Decisions:
    same: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, slug) -> canonical name
    different: frozenset[tuple[str, str]] = frozenset()  # (kind, slug)

    def canonical(self, kind: str, name: str) -> str:
        return self.same.get((kind, slugify(name)), name)

    def entity_id(self, kind: str, name: str, article_id: str) -> str:
        """The archive id of an entity of ``kind`` named ``name`` in article ``article_id``."""
        canonical = self.canonical(kind, name)
        decided = (kind, slugify(name)) in self.same or (kind, slugify(name)) in self.different
        slug = slugify(person_key(canonical) if kind == "person" and not decided else canonical)
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
