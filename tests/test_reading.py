"""Reading pages in-process: the article page, entity pages, the home page, the picture
queries, and escaping of hostile article text and names."""

from __future__ import annotations

import re
import textwrap
from html.parser import HTMLParser

import pytest
import pytest_asyncio

from loader.build import build
from loader.reading import Marker, Span, paragraphs, render, render_paragraphs, safe_url
from loader.site import make_datasette
from datasette.utils import tilde_encode
from markupsafe import Markup

SEED_ID = "2022-01-26-trt-world-tehran-talks"


# --- loader/reading.py ---------------------------------------------------------------

class Balance(HTMLParser):
    """Collects open/close tags to check that generated HTML is well nested."""

    def __init__(self):
        super().__init__()
        self.stack, self.problems = [], []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.problems.append(tag)


def well_nested(html: str) -> bool:
    parser = Balance()
    parser.feed(html)
    return not parser.problems and not parser.stack


def test_paragraphs_skip_blank_lines_and_edges():
    text = "  One.\nStill one.\n\n \n Two. \n\nThree"
    assert [text[s:e] for s, e in paragraphs(text)] == ["One.\nStill one.", "Two.", "Three"]


def test_render_nests_a_mention_inside_a_statement():
    text = "“We tested them,” Nazari said."
    html = render(text, 0, len(text), [
        Span(1, 15, "span", {"class": "statement"}, 1),
        Span(4, 10, "a", {"href": "/p"}, 3),
    ])
    assert html == '“<span class="statement">We <a href="/p">tested</a> them</span>,” Nazari said.'


def test_render_never_nests_a_link_in_a_link():
    text = "the caretaker of the Afghan embassy"
    html = render(text, 0, len(text), [Span(0, len(text), "a", {"href": "/outer", "class": "mention"}),
                                       Span(21, len(text), "a", {"href": "/inner", "class": "mention inner"})])
    assert html.count("<a ") == 1 and 'href="/inner"' not in html
    assert '<span class="mention inner">Afghan embassy</span></a>' in html and well_nested(html)


def test_render_splits_crossing_spans_and_stays_well_nested():
    text = "abcdefghij"
    html = render(text, 0, 10, [Span(0, 6, "span", {"class": "x", "id": "x1"}), Span(3, 9, "span", {"class": "y"})])
    assert html == ('<span class="x" id="x1">abc<span class="y">def</span></span>'
                    '<span class="y cont">ghi</span>j')
    assert well_nested(html)


def test_render_clips_spans_to_paragraphs():
    text = "one two\n\nthree four"
    parts = render_paragraphs(text, [Span(4, 14, "span", {"class": "s"})])
    assert parts == ['one <span class="s">two</span>', '<span class="s cont">three</span> four']


def test_each_paragraph_rendered_from_its_own_spans_as_from_all_of_them():
    import random

    rng = random.Random(3)
    text = "\n\n".join(" ".join(rng.choice(["war", "peace", "said", "the", "minister"]) for _ in range(rng.randint(3, 30)))
                       for _ in range(12)) + "\n"
    for _ in range(20):
        spans = []
        for k in range(rng.randint(0, 60)):
            a = rng.randrange(len(text))
            b = min(len(text), a + rng.choice([1, 5, 20, 120, 400]))  # some cross paragraphs
            spans.append(Span(a, b, rng.choice(["span", "a"]), {"class": f"c{k}", "id": f"i{k}"}, rng.randrange(4)))
        markers = [Marker(rng.randrange(len(text) + 1), Markup(f"<b>{k}</b>"), rng.randrange(2)) for k in range(rng.randint(0, 15))]
        expected = [render(text, start, end, spans, markers) for start, end in paragraphs(text)]
        assert render_paragraphs(text, spans, markers) == expected


def test_markers_never_land_inside_a_link():
    text = "abc def"
    html = render(text, 0, 7, [Span(0, 7, "a", {"href": "/x"})], [Marker(3, Markup("<b>!</b>"))])
    assert html == '<a href="/x">abc def</a><b>!</b>'


def test_render_escapes_text_and_attributes():
    text = '<script>alert(1)</script> "q"'
    html = render(text, 0, len(text), [Span(0, 8, "a", {"href": "/x", "title": '"><img src=x onerror=alert(1)>'})])
    assert "<script>" not in html and "<img" not in html
    assert html.startswith('<a href="/x" title="&#34;&gt;&lt;img src=x onerror=alert(1)&gt;">&lt;script&gt;</a>')


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a", "https://example.org/a"),
    ("javascript:alert(1)", None),
    (" JavaScript:alert(1)", None),
    ("data:text/html,x", None),
    (None, None),
])
def test_safe_url(url, expected):
    assert safe_url(url) == expected


# --- the seed archive ----------------------------------------------------------------

@pytest.mark.asyncio
async def test_article_page_highlights_the_seed(ds):
    response = await ds.client.get(f"/archive/articles/{SEED_ID}")
    assert response.status_code == 200
    html = response.text
    assert 'class="reading-text"' in html
    assert re.search(r'<a class="mention mention-person" href="/archive/people/ali-nazari"[^>]*>Ali Nazari</a>', html)
    assert re.search(r'<a class="mention mention-organisation" href="/archive/organisations/taliban"', html)
    assert re.search(r'<a class="mention mention-location" href="/archive/locations/tehran"', html)
    direct = re.search(r'<span class="statement statement-direct" id="(st-[0-9a-f]+)"[^>]*data-mode="direct"'
                       r'[^>]*data-speakers="Ali Nazari">We tested them', html)
    assert direct, "Nazari's quote is not marked as a direct statement"
    assert f'href="/archive/statements/{direct.group(1)}"' in html  # its label links to its row
    assert '<span class="cue"' in html
    # The side list: people, meetings and statements of the article.
    side = html[html.index('class="reading-side"'):]
    assert 'href="/archive/people/ahmad-massoud"' in side
    assert "Tehran talks between the Taliban and the Afghan resistance" in side
    assert "attendance disputed" in side
    assert well_nested(_reading_text(html))


@pytest.mark.asyncio
async def test_article_json_is_unchanged(ds):
    rows = (await ds.client.get(f"/archive/articles/{SEED_ID}.json?_shape=array")).json()
    assert rows[0]["id"] == SEED_ID and rows[0]["text"].startswith("It was recently")


@pytest.mark.asyncio
async def test_person_page_shows_the_disputed_attendance(ds):
    html = (await ds.client.get("/archive/people/ahmad-massoud")).text
    assert '<div class="entity entity-person">' in html
    assert "Lion of Panjshir" not in html.split('class="section-aliases"')[0]  # his father's epithet
    meeting = html[html.index('data-meeting-id="'):]
    confirms = meeting[meeting.index('<div class="confirms">'):meeting.index('<div class="denies">')]
    denies = meeting[meeting.index('<div class="denies">'):meeting.index("</div>", meeting.index('<div class="denies">'))]
    for name in ["Amin Karim", "Ismail Khan", "a senior Afghan diplomat", "the caretaker of the Afghan embassy in Tehran"]:
        assert name in confirms, name
    for name in ["Habibullah Hesam", "Ali Nazari"]:
        assert name in denies, name
    assert 'attendance-disputed">disputed<' in html
    assert f'/archive/articles/{SEED_ID}#se-' in html  # facts link to their sentence
    assert 'class="section-articles"' in html and 'class="section-affiliations"' in html


@pytest.mark.asyncio
async def test_person_page_lists_qualified_roles_and_statements(ds):
    html = (await ds.client.get("/archive/people/amir-khan-muttaqi")).text
    assert '<span class="qualifier">acting</span> foreign minister' in html
    html = (await ds.client.get("/archive/people/ali-nazari")).text
    assert 'class="section-made"' in html and "We tested them. We saw that they are not serious" in html


@pytest.mark.asyncio
async def test_organisation_and_place_pages(ds):
    html = (await ds.client.get("/archive/organisations/national-resistance-front")).text
    assert '<div class="entity entity-organisation">' in html and "NRF" in html
    assert 'class="section-meetings"' in html
    html = (await ds.client.get("/archive/locations/tehran")).text
    assert '<div class="entity entity-location">' in html
    assert 'id="place-map"' in html and "/-/reading/place-map.js" in html
    assert "held here" in html


@pytest.mark.asyncio
async def test_home_page(ds):
    html = (await ds.client.get("/")).text
    assert '<form class="search-box" action="/archive/search"' in html
    assert f'href="/archive/articles/{SEED_ID}"' in html
    for name in ["who_said_what", "timeline_chart", "meeting_graph", "places", "search"]:
        assert f'href="/archive/{name}' in html, name
    assert "<strong>22</strong>statements" in html


@pytest.mark.asyncio
async def test_search_query(ds):
    rows = (await ds.client.get("/archive/search.json?_shape=array&q=tested+serious")).json()
    assert {r["found_in"] for r in rows} == {"statement", "article"}
    assert (await ds.client.get("/archive/search.json?_shape=array&q=")).json() == []
    # FTS syntax in the input is searched for, not obeyed
    assert (await ds.client.get('/archive/search.json?_shape=array&q=%22tested+-+OR')).status_code == 200


@pytest.mark.asyncio
async def test_picture_queries_and_assets(ds):
    rows = (await ds.client.get("/archive/meeting_graph.json?_shape=array")).json()
    assert {"disputed", "reported"} <= {r["attendance"] for r in rows}
    assert {"held", "failed", "attempted", "proposed"} <= {r["status"] for r in rows}
    # one row per meeting and participant, each participant keyed by its kind and id
    participants = (await ds.client.get("/archive/meeting_participants.json?_shape=array&_size=max")).json()
    assert len(rows) == len(participants)
    kinds = {(p["meeting_id"], p["participant"]): p["participant_kind"] for p in participants}
    assert all(r["participant_key"].split(":", 1)[0] == kinds[r["meeting_id"], r["participant"]] for r in rows)
    rows = (await ds.client.get("/archive/timeline_chart.json?_shape=array")).json()
    assert len(rows) > 2 and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["day"]) for r in rows)
    html = (await ds.client.get("/archive/meeting_graph")).text
    assert 'id="meeting-graph"' in html and 'href="/archive/meetings/mt-' in html  # ids linked
    for path in ["/-/reading/reading.css", "/-/reading/tables.css", "/-/reading/meeting-graph.js", "/-/reading/charts.js",
                 "/-/reading/place-map.js"]:
        assert (await ds.client.get(path)).status_code == 200, path
    for path in ["/-/reading/missing.js", "/-/reading/home_page.py", "/-/reading/..%2Fhome_page.py"]:
        response = await ds.client.get(path)
        assert response.status_code != 200 and "hookimpl" not in response.text, path


# --- escaping: an article whose text and names are hostile ------------------------------

HOSTILE_ARTICLE = (
    " date 2024-05-02 Minister Jane <script>alert(1)</script>Roe met Mayor X<img src=x onerror=alert(2)> "
    "in Oslo on May 1. “The <b>talks</b> went well,” Roe said.\n\n"
    "See javascript:alert(3) for more, said Roe."
)
HOSTILE_ANNOTATION = """\
article:
  title: "<script>alert('title')</script> Talks"
  url: "javascript:alert(4)"
people:
  - name: Roe
  - name: "X<img src=x onerror=alert(2)>"
locations:
  - {name: Oslo, kind: city}
statements:
  - sources: [roe]
    cue: said
    mode: direct
    text: The <b>talks</b> went well
  - sources: [roe]
    cue: said
    mode: indirect
    text: "See javascript:alert(3) for more"
"""
HOSTILE_ID = "hostile"


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    (root / "articles").mkdir()
    (root / "annotations").mkdir()
    (root / "articles" / f"{HOSTILE_ID}.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (root / "annotations" / f"{HOSTILE_ID}.yml").write_text(textwrap.dedent(HOSTILE_ANNOTATION), encoding="utf-8")
    path = root / "archive.db"
    build(path, [root / "articles"], annotations_dir=root / "annotations")
    return path


@pytest_asyncio.fixture
async def hostile_ds(hostile_db):
    datasette = make_datasette(hostile_db)
    await datasette.invoke_startup()
    return datasette


def _content(html: str) -> str:
    """The page's own content, without Datasette's and plugins' scripts."""
    return html[html.index('<section class="content">'):html.index('<footer class="ft">')]


def _reading_text(html: str) -> str:
    """The highlighted paragraphs of an article page."""
    inner = html[html.index('<div class="reading-text">') + len('<div class="reading-text">'):html.index('<aside')]
    return inner.rsplit("</div>", 1)[0]


@pytest.mark.asyncio
async def test_hostile_article_is_escaped(hostile_ds):
    response = await hostile_ds.client.get(f"/archive/articles/{HOSTILE_ID}")
    assert response.status_code == 200
    content = _content(response.text)
    assert "<script" not in content and "<img" not in content and "<b>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "&lt;img src=x onerror=alert(2)&gt;" in content
    assert 'href="javascript:' not in content  # the article's url is not linked
    assert "javascript:alert(3)" in content  # shown as text
    assert re.search(r'<a class="mention mention-person" href="/archive/people/[^"]+"[^>]*>X&lt;img', content)
    assert 'class="statement statement-direct"' in content and 'class="statement statement-indirect"' in content
    assert well_nested(_reading_text(content))


@pytest.mark.asyncio
async def test_hostile_names_are_escaped_on_entity_and_home_pages(hostile_ds):
    people = (await hostile_ds.client.get("/archive/people.json?_shape=array")).json()
    assert {p["name"] for p in people} == {"Roe", "X<img src=x onerror=alert(2)>"}
    for path in ["/", *("/archive/people/" + tilde_encode(p["id"]) for p in people)]:
        response = await hostile_ds.client.get(path)
        assert response.status_code == 200, path
        content = _content(response.text)
        assert "<script" not in content and "<img" not in content, path
        assert 'href="javascript:' not in content, path


@pytest.mark.parametrize("value", ["a < b & c > d", "\"quoted\" and 'single'", "&amp; already", "plain", 42])
def test_render_escapes_as_markupsafe_does(value):
    from markupsafe import escape

    text = f"x{value}y"
    html = render(text, 0, len(text), [Span(1, len(text) - 1, "span", {"title": value})])
    assert html == f'x<span title="{escape(value)}">{escape(value)}</span>y'
