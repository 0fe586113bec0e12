"""From a web page's HTML to an article: main text and metadata, through trafilatura.

trafilatura reads JSON-LD, OpenGraph and meta tags and drops navigation, adverts,
comments and related links. This module adds what an archive of news needs on top:
paragraphs as blank-line-separated blocks, the page's declared language, a check that
the page holds an article at all (an index page or a paywall stub does not), and
dates only from the page's own metadata or URL (never a copyright year in a footer).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urljoin

import trafilatura
from lxml import html as lxml_html
from trafilatura.utils import load_html

# An article has at least this many words in paragraphs that read as prose (several
# words ending like a sentence); headlines, link lists and "Subscribe to read" do not.
MIN_PROSE_WORDS = 40
_PROSE_END = re.compile(r"[.!?…][\"'”’)\]]*\Z")
_HTML_START = re.compile(rb"<\s*(!doctype\s+html|html|head|body|article|main|div|p)[\s>/]")  # on lower-cased bytes
# Dates from meta tags, JSON-LD, <time> elements and the URL only: htmldate's extensive
# search would take "© 2021" in a footer for the publication date.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# How the loader calls trafilatura (bench.add calls it the same way, alone).
TRAFILATURA_OPTIONS = {"with_metadata": True, "include_comments": False, "include_tables": False,
                       "date_extraction_params": _DATE_PARAMS}
# The commonest English function words: they make up a third or more of any English
# prose, and a small share of text in other languages.
_ENGLISH_WORDS = frozenset(
    "the of and to a in is that for on was with said as at by it from he she his her have has "
    "be are were not an this which they their who will would been but or had its after also".split()
)
MIN_ENGLISH_SHARE = 0.15


class NotAnArticle(Exception):
    """The input holds no article; ``str(error)`` says why in one line."""


@dataclass(frozen=True)
class Page:
    """What a page says about its article. Fields the page does not give are None."""

    text: str  # paragraphs separated by one blank line
    title: str | None
    published: str | None  # YYYY-MM-DD
    publisher: str | None
    author: str | None
    canonical_url: str | None
    language: str | None  # declared by the page (html lang, meta, JSON-LD), primary subtag

    def looks_english(self) -> bool:
        """The text's own evidence, for pages that declare no language."""
        return looks_english(self.text)


def looks_html(data: bytes) -> bool:
    """Whether bytes start like an HTML document (within the first 4 kB)."""
    start = data[:4096]
    return b"\x00" not in start and _HTML_START.search(start.lower()) is not None


def extract_page(data: bytes | str, url: str | None = None, charset: str | None = None) -> Page:
    """Read one page. ``url`` is where it came from (helps trafilatura resolve
    metadata); ``charset`` the one the server declared. Raises :class:`NotAnArticle`."""
    if isinstance(data, bytes):
        if not looks_html(data):
            raise NotAnArticle("not HTML (no <html>, <body> or paragraph tags at the start)")
        if charset:
            try:
                data = data.decode(charset, "replace")
            except LookupError:
                pass  # an unknown charset name: let trafilatura detect the encoding
    # the page's own declarations are read from its <head> alone, parsed on its own: a
    # fraction of the cost of parsing the whole page a second time
    try:
        head = load_html(_head_of(data))
        doc = trafilatura.bare_extraction(data, url=url, **TRAFILATURA_OPTIONS)
    except Exception as error:  # noqa: BLE001 (whatever a hostile page triggers is that page's problem)
        raise NotAnArticle(f"the page could not be read ({type(error).__name__}: {error})") from None
    if doc is None or doc.body is None:
        raise NotAnArticle(no_text_reason(0))
    paragraphs = _paragraphs(doc.body, doc.title)
    prose = prose_words(paragraphs)
    if prose < MIN_PROSE_WORDS:
        raise NotAnArticle(no_text_reason(prose))
    text = "\n\n".join(paragraphs) + "\n"
    return Page(
        text=text,
        title=_clean(doc.title),
        published=doc.date or None,
        publisher=_clean(doc.sitename),
        author=_clean(doc.author),
        canonical_url=(_declared_canonical(head, url) if head is not None else None) or (_clean(doc.url) if doc.url != url else None),
        language=declared_language(head) if head is not None else None,
    )


def no_text_reason(prose: int) -> str:
    return (f"no article text ({prose} words of prose, fewer than {MIN_PROSE_WORDS}): "
            "an index page, a paywall stub or a page that needs scripts?")


def prose_words(paragraphs: list[str]) -> int:
    """Words in paragraphs that read as prose: six words or more, ending like a sentence."""
    total = 0
    for paragraph in paragraphs:
        words = len(paragraph.split())
        if words >= 6 and _PROSE_END.search(paragraph):
            total += words
    return total


def _head_of(data: bytes | str) -> bytes | str:
    """The page up to the end of its <head> (or its first 64 kB if it has none)."""
    # lower() and find() rather than a case-blind regex: ten times faster on a long page
    end = data[:1_000_000].lower().find(b"</head" if isinstance(data, bytes) else "</head")
    return data[: end] + (b"</head>" if isinstance(data, bytes) else "</head>") if end >= 0 else data[:65536]


def looks_english(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+", text.lower())
    if not words:
        return False
    return sum(w in _ENGLISH_WORDS for w in words) / len(words) >= MIN_ENGLISH_SHARE


def declared_language(tree: lxml_html.HtmlElement) -> str | None:
    """The language the page declares: <html lang>, Content-Language, og:locale or JSON-LD
    inLanguage (in the head), as a lower-case primary subtag ("en-GB" -> "en")."""
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += tree.xpath("//meta[translate(@http-equiv,'CONTENT-LANGUAGE','content-language')='content-language']/@content")
    candidates += tree.xpath("//meta[@property='og:locale']/@content")
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        candidates += [v for v in _json_ld_values(script, "inLanguage") if isinstance(v, str)]
    for value in candidates:
        if value and value.strip():
            return re.split(r"[-_,;\s]", value.strip().lower(), maxsplit=1)[0] or None
    return None


def _declared_canonical(tree: lxml_html.HtmlElement, base: str | None) -> str | None:
    for value in tree.xpath("//link[@rel='canonical']/@href") + tree.xpath("//meta[@property='og:url']/@content"):
        value = urljoin(base or "", value.strip())
        if value.startswith(("http://", "https://")):
            return value
    return None


def _json_ld_values(script: str, key: str) -> list[object]:
    try:
        data = json.loads(script)
    except ValueError:
        return []
    found, stack = [], [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if key in item:
                found.append(item[key])
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _paragraphs(body, title: str | None) -> list[str]:
    """One paragraph per block of trafilatura's body (p, head, quote, list item), with
    whitespace inside it collapsed; a heading that repeats the title is dropped."""
    wanted_title = _fold(title or "")
    out: list[str] = []
    for block in body:
        parts = block.findall("item") if block.tag == "list" else [block]
        for part in parts:
            text = " ".join(_text_of(part).split())
            if not text:
                continue
            if block.tag == "head" and _fold(text) == wanted_title:
                continue
            out.append(text)
    return out


def _text_of(element) -> str:
    """The element's text with inline markup removed; a line break counts as a space."""
    pieces = [element.text or ""]
    for child in element:
        pieces.append(" " if child.tag == "lb" else "")
        pieces.append(_text_of(child))
        pieces.append(child.tail or "")
    return "".join(pieces)


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None
