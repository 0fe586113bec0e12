"""RSS and Atom feeds: the list of articles a feed points to.

RSS 2.0 (``channel/item``), RSS 1.0 (RDF ``item``) and Atom (``entry``) are read by
element name, whatever their namespaces. The XML parser resolves no entities and
fetches nothing, so a hostile feed cannot read files or expand without bound.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree

from .articles import date_from_text


class FeedError(Exception):
    """The feed does not parse or holds no items; ``str(error)`` says why in one line."""


@dataclass(frozen=True)
class FeedItem:
    url: str
    title: str | None
    published: str | None  # YYYY-MM-DD, from the item's date
    author: str | None
    line: int  # where the item starts in the feed, for messages


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2 :].lstrip()
        while head.startswith(b"<!--"):
            head = head[head.find(b"-->") + 3 :].lstrip()
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf", b"<rdf"))


def parse_feed(data: bytes, base_url: str | None = None) -> list[FeedItem]:
    """The items of an RSS or Atom feed, in the feed's order. Relative links are
    resolved against ``base_url``. Raises :class:`FeedError`."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        line = error.lineno or 1
        raise FeedError(f"line {line}: the feed is not well-formed XML ({error.msg})") from None
    kind = etree.QName(root).localname.lower()
    if kind not in ("rss", "feed", "rdf"):
        raise FeedError(f"not an RSS or Atom feed (its root element is <{etree.QName(root).localname}>)")
    entries = [e for e in root.iter() if isinstance(e.tag, str) and etree.QName(e).localname in ("item", "entry")]
    items = []
    for entry in entries:
        url = _link(entry)
        if not url:
            continue
        items.append(FeedItem(
            url=urljoin(base_url or "", url),
            title=_child_text(entry, "title"),
            published=next((d for d in map(date_from_text, _texts(entry, "pubDate", "published", "date", "issued", "updated")) if d), None),
            author=_author(entry),
            line=entry.sourceline or 1,
        ))
    if not items:
        raise FeedError(f"the feed has no items with a link ({len(entries)} item(s) without one)")
    return items


def _children(entry, name: str):
    return [c for c in entry if isinstance(c.tag, str) and etree.QName(c).localname == name]


def _child_text(entry, name: str) -> str | None:
    for child in _children(entry, name):
        text = " ".join("".join(child.itertext()).split())
        if text:
            return text
    return None


def _texts(entry, *names: str) -> list[str]:
    return [t for t in (_child_text(entry, n) for n in names) if t]


def _link(entry) -> str | None:
    for link in _children(entry, "link"):
        href = link.get("href")
        if href and link.get("rel", "alternate") == "alternate":  # Atom
            return href.strip()
        if not href and link.text and link.text.strip():  # RSS
            return link.text.strip()
    for guid in _children(entry, "guid"):  # RSS: a guid is a link unless it says it is not
        if guid.get("isPermaLink", "true") == "true" and (guid.text or "").strip().startswith(("http://", "https://")):
            return guid.text.strip()
    return None


def _author(entry) -> str | None:
    for author in _children(entry, "author"):
        name = _child_text(author, "name")  # Atom
        if name:
            return name
        text = " ".join((author.text or "").split())
        if text:
            return text
    return _child_text(entry, "creator")  # Dublin Core, common in RSS
