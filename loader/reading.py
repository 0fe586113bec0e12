"""Reading view helpers: article text as escaped HTML, highlighted from character offsets.

Pure functions, no database: the plugins in plugins/ fetch the rows and pass spans here.
Highlighting is built from offsets into ``articles.text`` (never by replacing strings
in HTML), so the text and every attribute value are escaped exactly once.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from markupsafe import Markup

# A blank line (possibly with spaces) separates paragraphs, as in loader/sentences.py.
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
SAFE_URL = re.compile(r"^https?://", re.IGNORECASE)


@dataclass(frozen=True)
class Span:
    """An element to wrap around text[start:end].

    :param tag: the HTML element (``span`` or ``a``)
    :param attrs: attribute values, escaped on output; ``class`` included
    :param layer: nesting order when two spans cover the same characters (lower is outer)
    """

    start: int
    end: int
    tag: str
    attrs: dict = field(default_factory=dict, hash=False, compare=False)
    layer: int = 0


@dataclass(frozen=True)
class Marker:
    """Zero-width HTML (already safe) placed at a text offset, e.g. a statement's label."""

    at: int
    html: Markup
    layer: int = 0


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: ``javascript:`` and the like are never linked."""
    if url and SAFE_URL.match(url.strip()):
        return url.strip()
    return None


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty paragraph, whitespace at its edges excluded."""
    result = []
    position = 0
    for match in [*PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[position:end]
        stripped = chunk.strip()
        if stripped:
            start = position + (len(chunk) - len(chunk.lstrip()))
            result.append((start, start + len(stripped)))
        if match:
            position = match.end()
    return result


def _escape(value) -> str:
    """markupsafe.escape's output as a plain string (the same five characters, the same
    entities) without a Markup object per piece: a long article has tens of thousands."""
    return (str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&#34;").replace("'", "&#39;"))


def _open(span: Span, continued: bool) -> str:
    attrs = dict(span.attrs)
    if continued:  # the second part of a span split by a crossing one: style it, don't label it twice
        attrs["class"] = (attrs.get("class", "") + " cont").strip()
        attrs.pop("id", None)
    rendered = "".join(f' {name}="{_escape(value)}"' for name, value in attrs.items() if value is not None)
    return f"<{span.tag}{rendered}>"


def render(text: str, start: int, end: int, spans: list[Span], markers: list[Marker] = ()) -> Markup:
    """text[start:end] as HTML with every span wrapped, properly nested.

    Spans are clipped to [start, end). A span that crosses another (overlaps without
    nesting) is closed and reopened around the boundary, so the output is always
    well-formed. Markers are emitted at their offset, outside any open link.
    """
    clipped = [
        Span(max(s.start, start), min(s.end, end), s.tag, s.attrs, s.layer)
        for s in spans
        if s.start < end and s.end > start and s.end > s.start
    ]
    # Spans begun in an earlier paragraph are continuations: no second id, no second label.
    continued = {id(c) for c, s in zip(clipped, (s for s in spans if s.start < end and s.end > start and s.end > s.start))
                 if s.start < start}
    # Outer first: earlier start, then longer, then lower layer.
    clipped.sort(key=lambda s: (s.start, -s.end, s.layer))
    pending = sorted((m for m in markers if start <= m.at <= end), key=lambda m: (m.at, m.layer))
    points = sorted({start, end, *(s.start for s in clipped), *(s.end for s in clipped),
                     *(m.at for m in pending)})
    out: list[str] = []
    stack: list[Span] = []
    waiting: list[Marker] = []
    index = 0
    for i, point in enumerate(points):
        # Close what ends here; close and reopen anything opened inside it that goes on.
        ending = [k for k, s in enumerate(stack) if s.end <= point]
        if ending:
            lowest = ending[0]
            reopen = [s for s in stack[lowest:] if s.end > point]
            for s in reversed(stack[lowest:]):
                out.append(f"</{s.tag}>")
            del stack[lowest:]
            for s in reopen:
                out.append(_open(s, continued=True))
                stack.append(s)
        while pending and pending[0].at == point:
            waiting.append(pending.pop(0))
        if waiting and not any(s.tag == "a" for s in stack):  # no link inside a link
            out.extend(str(m.html) for m in waiting)
            waiting.clear()
        while index < len(clipped) and clipped[index].start == point:
            span = clipped[index]
            was_continued = id(span) in continued
            if span.tag == "a" and any(s.tag == "a" for s in stack):
                # A link inside a link is invalid HTML (browsers break the outer one): the inner
                # mention keeps its style, and the outer link covers its words.
                span = Span(span.start, span.end, "span", {k: v for k, v in span.attrs.items() if k != "href"}, span.layer)
            out.append(_open(span, continued=was_continued))
            stack.append(span)
            index += 1
        if i + 1 < len(points):
            out.append(_escape(text[point:points[i + 1]]))
    for s in reversed(stack):
        out.append(f"</{s.tag}>")
    out.extend(str(m.html) for m in waiting)
    return Markup("".join(out))


def render_paragraphs(text: str, spans: list[Span], markers: list[Marker] = ()) -> list[Markup]:
    """Each paragraph of text as highlighted HTML (spans crossing a paragraph break are split).

    Each paragraph is given only the spans and markers that reach into it (in their
    order in ``spans``), found in one pass over them sorted by start: giving every
    paragraph every span cost the longest article at 1M statements (200 paragraphs,
    thousands of spans) most of its page."""
    order = {id(s): k for k, s in enumerate(spans)}
    by_start = sorted(spans, key=lambda s: s.start)
    marks = sorted(markers, key=lambda m: m.at)
    ats = [m.at for m in marks]
    result, reaching, next_span = [], [], 0
    for start, end in paragraphs(text):
        while next_span < len(by_start) and by_start[next_span].start < end:
            reaching.append(by_start[next_span])
            next_span += 1
        reaching = [s for s in reaching if s.end > start]  # the rest ended before this paragraph
        mine = sorted(reaching, key=lambda s: order[id(s)])
        here = marks[bisect_left(ats, start):bisect_right(ats, end)]
        result.append(render(text, start, end, mine, here))
    return result


def highlight(text: str, offset: int, start: int, end: int, css_class: str = "evidence-span") -> Markup:
    """A piece of an article (``text`` begins at article offset ``offset``) as HTML, with the
    article's characters [start, end) marked."""
    return render(text, 0, len(text), [Span(start - offset, end - offset, "mark", {"class": css_class})])
