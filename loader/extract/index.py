"""Stage 4c: the article index -- where the written entities are named and where the
quotations are, computed once for the stages after it, which only query it.

Input: the text, the parse, the entities the document writes and their local ids;
output: a read-only :class:`ArticleIndex`. :class:`Context` is a later stage's own working
view over it: that stage's copies of the statements and anonymous sources it was given,
the sources it adds, and the attributor that finds them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from spacy.tokens import Doc

from ..ids import slugify
from ..spans import find_words
from .records import Entity, keep_non_overlapping

Mention = tuple[int, int, str, str]  # (start, end, local id, kind) of one name occurrence


@dataclass(frozen=True, eq=False)
class ArticleIndex:
    text: str
    doc: Doc
    entities: tuple[Entity, ...]  # the entities the document writes
    ids: Mapping[int, str]  # id() of each of them -> its local id
    mentions: tuple[Mention, ...]  # every name occurrence, in text order, none overlapping
    quotes: tuple[tuple[int, int], ...]  # (open, close) offsets of paired quotation marks
    _mention_starts: tuple[int, ...] = field(repr=False)
    _quote_starts: tuple[int, ...] = field(repr=False)
    _kinds: Mapping[str, str] = field(repr=False)  # local id -> kind
    _names: Mapping[str, str] = field(repr=False)  # local id -> name

    # --- entity mentions ------------------------------------------------------------
    def entity_at(self, start: int, end: int) -> tuple[str, str] | None:
        """The entity named at ``text[start:end]`` (mentions do not overlap: bisect)."""
        i = bisect.bisect_left(self._mention_starts, end) - 1
        while i >= 0:
            s, e, local, kind = self.mentions[i]
            if s < end and start < e:
                return local, kind
            if e <= start:
                break
            i -= 1
        return None

    def people_before(self, offset: int, count: int = 12) -> list[Mention]:
        """The last ``count`` person mentions outside quotations that end before ``offset``."""
        i = bisect.bisect_left(self._mention_starts, offset) - 1
        found: list[Mention] = []
        while i >= 0 and len(found) < count:
            m = self.mentions[i]
            if m[3] == "person" and m[1] <= offset and not self.inside_quote(m[0]):
                found.append(m)
            i -= 1
        return found[::-1]

    def kind_of(self, local: str) -> str | None:
        """The kind of the entity with this local id (None: no entity has it)."""
        return self._kinds.get(local)

    def name_of(self, local: str) -> str | None:
        """The name of the entity with this local id (None: no entity has it)."""
        return self._names.get(local)

    # --- quotations ------------------------------------------------------------------
    def quote_around(self, offset: int) -> tuple[int, int] | None:
        """The (open, close) offsets of the quotation holding ``offset`` (its marks included)."""
        i = bisect.bisect_right(self._quote_starts, offset) - 1
        return self.quotes[i] if i >= 0 and self.quotes[i][0] <= offset <= self.quotes[i][1] else None

    def inside_quote(self, offset: int) -> bool:
        i = bisect.bisect_left(self._quote_starts, offset) - 1
        return i >= 0 and self.quotes[i][0] < offset < self.quotes[i][1]


def article_index(text: str, doc: Doc, entities: list[Entity], ids: Mapping[int, str]) -> ArticleIndex:
    """The index of ``text`` for the written ``entities`` (``ids``: id() -> local id)."""
    candidates = []
    kinds: dict[str, str] = {}
    names: dict[str, str] = {}
    for entity in entities:
        local = ids.get(id(entity))
        if not local:
            continue
        kinds.setdefault(local, entity.kind)
        names.setdefault(local, entity.name)
        for name in dict.fromkeys(entity.all_names):
            candidates += [(s, e, local, entity.kind) for s, e in find_words(text, name)]
        candidates += [(s, e, local, entity.kind) for s, e in entity.mention_spans]
    # longest first wins an overlap
    mentions = tuple(keep_non_overlapping(sorted(candidates, key=lambda c: (c[0] - c[1], c[0]))))
    quotes = tuple(_quote_spans(text))
    return ArticleIndex(text, doc, tuple(entities), MappingProxyType(dict(ids)), mentions, quotes,
                        tuple(m[0] for m in mentions), tuple(a for a, _ in quotes),
                        MappingProxyType(kinds), MappingProxyType(names))


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of quotation marks paired within each paragraph."""
    spans, opened = [], None
    for i, ch in enumerate(text):
        if ch == "\n" and i + 1 < len(text) and text[i + 1] == "\n":
            opened = None
        if ch == "“" or (ch == '"' and opened is None):
            opened = i
        elif (ch == "”" or ch == '"') and opened is not None:
            spans.append((opened, i))
            opened = None
    return spans


def fresh(record: dict) -> dict:
    """A copy of a record and of its lists (they may hold spaCy spans, which do not deep-copy)."""
    return {key: list(value) if isinstance(value, list) else value for key, value in record.items()}


class Context:
    """One stage's working view: the read-only index, and this stage's own copies of the
    statements and anonymous sources earlier stages found (a stage changes no other's
    records), to which it may add sources. ``attributor`` is the attributor over this view
    (set by :meth:`attribution.Attribution.context`)."""

    def __init__(self, index: ArticleIndex, statements: tuple[dict, ...] | list[dict] = (),
                 anonymous: Mapping[str, dict] | None = None):
        self.index = index
        self.text, self.doc, self.entities, self.ids = index.text, index.doc, index.entities, index.ids
        self.statements: list[dict] = [fresh(r) for r in statements]  # records with offsets, in text order
        self.anonymous: dict[str, dict] = {local: fresh(r) for local, r in (anonymous or {}).items()}  # local id -> record
        self.attributor: Any = None

    # the index's queries, for the rules that ask them of the context
    def mentions(self) -> tuple[Mention, ...]:
        return self.index.mentions

    def entity_at(self, start: int, end: int) -> tuple[str, str] | None:
        return self.index.entity_at(start, end)

    def people_before(self, offset: int, count: int = 12) -> list[Mention]:
        return self.index.people_before(offset, count)

    def quote_spans(self) -> tuple[tuple[int, int], ...]:
        return self.index.quotes

    def quote_around(self, offset: int) -> tuple[int, int] | None:
        return self.index.quote_around(offset)

    def inside_quote(self, offset: int) -> bool:
        return self.index.inside_quote(offset)

    # --- what an anonymous source is too ---------------------------------------------
    def kind_of(self, local: str) -> str | None:
        if local in self.anonymous:
            return "anonymous"
        return self.index.kind_of(local)

    def name_of(self, local: str) -> str:
        name = self.index.name_of(local)
        return name if name is not None else self.anonymous.get(local, {}).get("text", local)

    def add_anonymous(self, start: int, end: int) -> str:
        """A new anonymous source described by ``text[start:end]`` (or the existing one there)."""
        for local, record in self.anonymous.items():
            if (record["start"], record["end"]) == (start, end):
                return local
        description = self.text[start:end]
        local = "anon-" + slugify(description)[:40]
        while local in self.anonymous:
            local += "-2"
        self.anonymous[local] = {"start": start, "end": end, "text": description, "mentions": [],
                                 "head": _head_word(description)}
        return local


def _head_word(description: str) -> str:
    words = re.findall(r"[A-Za-z]+", description.split(",")[0])
    stop = {"from", "close", "familiar", "with", "to", "of", "in", "at", "who", "for"}
    head = []
    for w in words:
        if w.lower() in stop:
            break
        head.append(w.lower())
    return head[-1].rstrip("s") if head else ""
