"""Reading pages in headless Chromium: the article's highlights, an entity page's disputed
attendance, statement and meeting pages, search results, the who-met-whom graph, the
charts and the home page, at 1280 and 390 px wide with no sideways scrolling.

Same set-up as tests/test_browser.py: a fresh archive served by the real ``loader
serve``, Debian's Chromium driven by Playwright, every request not to 127.0.0.1 (map
tiles) blocked and no other console error tolerated. Screenshots go to tests/screenshots/.

Run with:  .venv/bin/python -m pytest tests/test_reading_browser.py -q
"""
from __future__ import annotations

import re
import textwrap

import pytest

# the server (a fresh archive under the real `loader serve`), the browser and the screenshot
# folder are the fixtures of tests/test_browser.py, imported to be shared
from tests.test_browser import Page, browser, screenshots, serve_archive, server  # noqa: F401

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright for Python is not installed")
expect = sync_api.expect

pytestmark = pytest.mark.browser
SEED_ID = "2022-01-26-trt-world-tehran-talks"
NO_OVERFLOW = "() => document.documentElement.scrollWidth <= window.innerWidth + 1"


@pytest.fixture
def open_page(browser, server):
    """A factory: a page at a given viewport width, with the checks of tests/test_browser.py."""
    contexts = []

    def make(width: int = 1280, height: int = 900) -> Page:
        context = browser.new_context(viewport={"width": width, "height": height})
        context.set_default_timeout(10_000)
        contexts.append(context)
        return Page(context.new_page(), server)

    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_article_page(open_page, screenshots, width):
    page = open_page(width)
    page.goto(f"/archive/articles/{SEED_ID}")
    p = page.page
    expect(p.locator("h1")).to_have_text("Taliban and Afghan resistance hold talks in Tehran")
    nazari = p.locator(".reading-text a.mention-person", has_text="Ali Nazari").first
    expect(nazari).to_be_visible()
    expect(nazari).to_have_attribute("href", "/archive/people/ali-nazari")
    quote = p.locator(".reading-text .statement[data-mode='direct']", has_text="We tested them").first
    expect(quote).to_be_visible()
    expect(quote).to_have_attribute("data-speakers", "Ali Nazari")
    label = p.locator(f".statement-label[data-statement-id='{quote.get_attribute('data-statement-id')}']")
    expect(label).to_contain_text("Ali Nazari")
    expect(label).to_contain_text("said · direct")
    expect(p.locator(".reading-side .side-meetings li").first).to_be_visible()
    assert p.evaluate(NO_OVERFLOW), "the article page scrolls sideways"
    page.screenshot(screenshots, f"article-{width}.png")

    nazari.click()
    p.wait_for_url("**/archive/people/ali-nazari")
    expect(p.locator("h1")).to_have_text("Ali Nazari")
    page.assert_no_errors()


def test_person_page_disputed_attendance(open_page, screenshots):
    page = open_page()
    page.goto("/archive/people/ahmad-massoud")
    p = page.page
    expect(p.locator("h1")).to_have_text("Ahmad Massoud")
    meeting = p.locator("li.meeting", has_text="Tehran talks between the Taliban").first
    expect(meeting.locator(".attendance")).to_have_text("disputed")
    confirms = [t.strip() for t in meeting.locator(".confirms li.claim .speakers").all_inner_texts()]
    denies = [t.strip() for t in meeting.locator(".denies li.claim .speakers").all_inner_texts()]
    for name in ["Amin Karim", "Ismail Khan", "a senior Afghan diplomat", "the caretaker of the Afghan embassy in Tehran"]:
        assert any(name in c for c in confirms), (name, confirms)
    for name in ["Habibullah Hesam", "Ali Nazari"]:
        assert any(name in d for d in denies), (name, denies)
    page.screenshot(screenshots, "person-ahmad-massoud.png")

    # A claim's sentence link opens the article at that sentence.
    meeting.locator(".denies li.claim a", has_text="sentence").first.click()
    p.wait_for_url(f"**/archive/articles/{SEED_ID}#se-*")
    target = p.url.split("#", 1)[1]
    expect(p.locator(f"[id='{target}']")).to_be_visible()
    page.assert_no_errors()


def test_place_page_map(open_page, screenshots):
    page = open_page()
    page.goto("/archive/locations/tehran")
    p = page.page
    expect(p.locator("#place-map.leaflet-container")).to_be_visible()
    expect(p.locator("#place-map path.leaflet-interactive")).to_have_count(1)
    expect(p.locator("li.meeting").first).to_be_visible()
    page.screenshot(screenshots, "place-tehran.png")
    page.assert_no_errors()


def test_home_page_and_search(open_page, screenshots):
    page = open_page()
    page.goto("/")
    p = page.page
    expect(p.locator(".counts li", has_text="statements")).to_be_visible()
    expect(p.locator("a", has_text="Taliban and Afghan resistance hold talks in Tehran")).to_be_visible()
    expect(p.locator("dl.queries dt")).to_have_count(13)
    page.screenshot(screenshots, "home-reading.png")
    p.locator("#home-search").fill("tested serious")
    p.locator("#home-search").press("Enter")
    p.wait_for_url("**/archive/search?q=tested+serious")
    expect(p.locator("td.col-found_in", has_text="statement")).to_be_visible()
    expect(p.locator("td.col-statement_id a").first).to_have_attribute("href", "/archive/statements/st-3250157be55a")
    page.screenshot(screenshots, "search.png")
    page.assert_no_errors()


def test_home_page_search_results_show_speakers_and_cues(open_page, screenshots):
    page = open_page(390)
    page.goto("/archive/search?q=Massoud+was+there")
    p = page.page
    hit = p.locator("li.hit-statement[data-statement-id='st-1d63b6f28893']")
    expect(hit.locator(".speakers a")).to_have_text("Habibullah Hesam")
    expect(hit.locator(".speakers a")).to_have_attribute("href", "/archive/people/habibullah-hesam")
    expect(hit.locator(".cue-word")).to_have_text("denied · indirect")
    expect(hit.locator("q")).to_have_count(0)  # a paraphrase, not a quotation
    expect(hit.locator("a", has_text="the statement")).to_have_attribute("href", "/archive/statements/st-1d63b6f28893")
    assert p.evaluate(NO_OVERFLOW), "the search page scrolls sideways"
    page.screenshot(screenshots, "search-390.png")
    page.assert_no_errors()


# --- a richer archive: the seed, the test fixtures and an article with denied attendance ------

DENIED_ARTICLE = """\
---
title: Harbour talks end without a deal
published: 2024-05-10
publisher: Example Wire
language: en
---
Port officials from Northport met in Eastbay on Thursday for talks on shared dredging costs, chaired by Mara Olsen.

Olsen said the two ports would meet again in June. Dock union leader Piet Kramer was not at the talks, said Lena Voss, a spokesperson for the union.
"""
DENIED_ANNOTATION = """\
people:
  - name: Mara Olsen
    names: [Olsen]
  - name: Piet Kramer
  - name: Lena Voss
organisations:
  - {name: Northport port authority, id: northport-authority, kind: port authority, mentions: [Port officials from Northport]}
locations:
  - {name: Eastbay, kind: city, latitude: 54.1, longitude: 10.2}
statements:
  - id: olsen-again
    sources: [mara-olsen]
    cue: said
    mode: indirect
    text: the two ports would meet again in June
  - id: voss-not-there
    sources: [lena-voss]
    cue: said
    mode: indirect
    text: Dock union leader Piet Kramer was not at the talks
meetings:
  - id: eastbay-talks
    name: Eastbay talks on dredging costs
    kind: talks
    status: held
    location: eastbay
    date: 2024-05-09
    date_text: on Thursday
    evidence: met in Eastbay on Thursday for talks on shared dredging costs
    participants:
      - {ref: northport-authority, role: delegate}
      - {ref: mara-olsen, role: mediator}
      - {ref: piet-kramer, role: delegate, attendance: denied}
  - id: june-talks
    name: Further harbour talks in June
    kind: talks
    status: proposed
    date: 2024-06
    date_text: in June
    evidence: the two ports would meet again in June
    participants:
      - {ref: northport-authority, role: delegate}
attendance_claims:
  - {meeting: eastbay-talks, participant: piet-kramer, statement: voss-not-there, stance: denies}
events:
  - date: 2024-06
    date_text: in June
    description: The two ports are to meet again
    evidence: the two ports would meet again in June
"""


@pytest.fixture(scope="module")
def rich_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("rich")
    (tmp / "extra" / "articles").mkdir(parents=True)
    (tmp / "extra" / "annotations").mkdir()
    (tmp / "extra" / "articles" / "2024-05-10-harbour-talks.md").write_text(DENIED_ARTICLE, encoding="utf-8")
    (tmp / "extra" / "annotations" / "2024-05-10-harbour-talks.yml").write_text(textwrap.dedent(DENIED_ANNOTATION), encoding="utf-8")
    yield from serve_archive(tmp, "rich.db", ["data/articles", "tests/fixtures/articles", str(tmp / "extra" / "articles")])


@pytest.fixture
def open_rich(browser, rich_server):
    contexts = []

    def make(width: int = 1280, height: int = 900) -> Page:
        context = browser.new_context(viewport={"width": width, "height": height})
        context.set_default_timeout(10_000)
        contexts.append(context)
        return Page(context.new_page(), rich_server)

    yield make
    for context in contexts:
        context.close()


LABEL_BOXES = """() => Array.from(document.querySelectorAll('#meeting-graph .graph-label')).map(t => {
    const b = t.getBBox(); return {name: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height}; })"""


@pytest.mark.parametrize("width", [1280, 390])
def test_meeting_graph(open_rich, screenshots, width):
    page = open_rich(width)
    page.goto("/archive/meeting_graph")
    p = page.page
    p.wait_for_function("() => document.querySelector('#meeting-graph').dataset.nodes > 0")
    rows = p.evaluate("fetch(document.querySelector('#meeting-graph').dataset.json).then(r => r.json())")
    graph = p.locator("#meeting-graph")
    # every meeting is a square styled by its status; every participant row is one link styled by attendance
    for status in ("held", "failed", "attempted", "proposed"):
        meetings = {r["meeting_id"] for r in rows if r["status"] == status}
        assert meetings, status
        expect(graph.locator(f"a.graph-node.meeting.status-{status} rect")).to_have_count(len(meetings))
    edges = graph.locator("line.graph-edge")
    assert edges.count() == len(rows)
    denied = [r for r in rows if r["attendance"] == "denied"]
    assert denied, "the archive has a participant whose attendance is denied"
    expect(graph.locator("line.graph-edge.denied")).to_have_count(len(denied))
    expect(graph.locator("path.graph-cross")).to_have_count(len(denied))
    for r in denied:  # drawn as absent: dotted and faint, never as a plain link
        style = graph.locator("line.graph-edge.denied").first.evaluate(
            "e => [getComputedStyle(e).strokeDasharray, getComputedStyle(e).strokeOpacity]")
        assert style[0] not in ("none", "") and float(style[1]) < 0.8, style
    not_held = [r for r in rows if r["status"] in ("attempted", "proposed")]
    expect(graph.locator("line.graph-edge.not-held")).to_have_count(len(not_held))
    # the nine-party Tehran talks: a star of nine links to one square
    talks = "meeting:mt-a59e0bc2ea42"
    assert sum(1 for r in rows if "meeting:" + r["meeting_id"] == talks) == 9
    star = p.evaluate("""(key) => {
        const node = document.querySelector(`#meeting-graph a[data-key="${key}"] rect`);
        const x = +node.getAttribute('x') + 8, y = +node.getAttribute('y') + 8;
        return Array.from(document.querySelectorAll('#meeting-graph line.graph-edge')).filter(l =>
            Math.abs(+l.getAttribute('x2') - x) < 0.5 && Math.abs(+l.getAttribute('y2') - y) < 0.5).length; }""", talks)
    assert star == 9
    # the legend names every status and attendance drawn
    legend = p.locator(".graph-legend")
    for key in ("held", "failed", "attempted"):
        expect(legend.locator(f"[data-status='{key}']")).to_be_visible()
    for key in ("reported", "disputed", "denied"):
        expect(legend.locator(f"[data-attendance='{key}']")).to_be_visible()
    # labels: none overlaps another, none leaves the picture
    box = graph.bounding_box()
    labels = p.evaluate(LABEL_BOXES)
    assert labels
    for i, a in enumerate(labels):
        assert a["x"] >= 0 and a["y"] >= 0 and a["x"] + a["w"] <= box["width"] + 0.5 and a["y"] + a["h"] <= box["height"] + 0.5, a
        for b in labels[i + 1:]:
            apart = a["x"] + a["w"] <= b["x"] or b["x"] + b["w"] <= a["x"] or a["y"] + a["h"] <= b["y"] or b["y"] + b["h"] <= a["y"]
            assert apart, (a, b)
    hidden = int(graph.get_attribute("data-hidden-labels"))
    names = {r["participant_key"] for r in rows}
    assert len(labels) + hidden == len(names)
    print(f"{width} px: {len(labels)} labels placed, {hidden} left off of {len(names)}")
    assert hidden <= len(names) // 5, f"{hidden} of {len(names)} names left off at {width} px"
    # the numbered list says what each square is, and links to its page
    expect(p.locator("#graph-meetings li")).to_have_count(len({r["meeting_id"] for r in rows}))
    expect(graph.locator("a.graph-node[data-key='person:ahmad-massoud']")).to_have_attribute("href", "/archive/people/ahmad-massoud")
    assert p.evaluate(NO_OVERFLOW), "the graph page scrolls sideways"
    assert box["width"] > width * 0.8, box
    p.locator("figure.graph-figure").screenshot(path=str(screenshots / f"meeting-graph-{width}.png"))
    page.assert_no_errors()


@pytest.mark.parametrize("width", [1280, 390])
def test_chart_pages_open_with_their_charts(open_rich, screenshots, width):
    page = open_rich(width)
    p = page.page
    for path, marks in [("/archive/statements_per_speaker", ".bar-rect"), ("/archive/events_over_time", ".bar-rect"),
                        ("/archive/timeline_chart", "circle.dot")]:
        page.goto(path)  # the README's URLs: no #fragment
        p.wait_for_function("() => document.querySelector('svg.chart').dataset.marks > 0")
        rows = p.evaluate("fetch(document.querySelector('svg.chart').dataset.json).then(r => r.json())")
        expect(p.locator(f"svg.chart {marks}")).to_have_count(len(rows))
        chart = p.locator("svg.chart").bounding_box()
        content = p.locator("section.content").bounding_box()
        assert chart["width"] >= 0.95 * content["width"], (path, chart, content)
        assert chart["y"] < p.locator("form.sql").bounding_box()["y"], path
        assert p.evaluate(NO_OVERFLOW), f"{path} scrolls sideways at {width} px"
        if path.endswith("events_over_time"):  # every year labelled, none over another
            years = p.locator("svg.chart .x-label").all_text_contents()
            assert years == [r["year"] for r in rows], years
            boxes = p.evaluate("() => Array.from(document.querySelectorAll('svg.chart .x-label')).map(t => t.getBoundingClientRect().toJSON())")
            assert all(a["right"] <= b["right"] - 8 for a, b in zip(boxes, boxes[1:])), boxes
        name = path.rsplit("/", 1)[1].replace("_", "-")
        p.locator("figure.chart-figure").screenshot(path=str(screenshots / f"{name}-{width}.png"))
    # the timeline: year labels apart from one another, one distinct colour per precision
    ticks = p.evaluate("""() => Array.from(document.querySelectorAll('svg.chart .tick.year')).map(t => {
        const b = t.getBBox(); return [b.x, b.x + b.width]; })""")
    assert len(ticks) >= 3
    assert all(a[1] + 4 <= b[0] for a, b in zip(ticks, ticks[1:])), ticks
    colours = p.evaluate("""() => { const seen = {}; for (const d of document.querySelectorAll('svg.chart circle.dot'))
        seen[d.getAttribute('class').split('precision-')[1]] = d.getAttribute('fill'); return seen; }""")
    assert set(colours) == {"day", "month", "year", "decade"} and len(set(colours.values())) == 4, colours
    lanes = p.locator("svg.chart .lane-label").all_text_contents()
    assert "event (planned or expected)" in lanes and "meeting (proposed)" in lanes, lanes
    page.assert_no_errors()


@pytest.mark.parametrize("width", [1280, 390])
def test_statement_page(open_page, screenshots, width):
    page = open_page(width)
    page.goto("/archive/statements/st-1d63b6f28893")
    p = page.page
    expect(p.locator("h1 .speakers")).to_have_text("Habibullah Hesam")
    expect(p.locator("h1 .cue-word")).to_have_text("denied")
    said = p.locator(".fact-said")
    expect(said).to_have_text("Massoud was there")
    expect(said.locator("q")).to_have_count(0)  # indirect: no quotation marks
    focus = p.locator(".passage .statement.focus")
    expect(focus).to_have_text("Massoud was there")
    expect(focus).to_be_visible()
    expect(p.locator(".passage .cue", has_text="denied")).to_be_visible()
    claim = p.locator("li.claim-made[data-stance='denies']")
    expect(claim.locator("a", has_text="Tehran talks between the Taliban")).to_have_attribute("href", "/archive/meetings/mt-a59e0bc2ea42")
    expect(p.locator("li.other-statement").first).to_be_visible()
    assert p.evaluate(NO_OVERFLOW), "the statement page scrolls sideways"
    page.screenshot(screenshots, f"statement-{width}.png")
    page.assert_no_errors()


@pytest.mark.parametrize("width", [1280, 390])
def test_meeting_page_and_its_links_from_other_tables(open_page, screenshots, width):
    page = open_page(width)
    page.goto("/archive/meetings/mt-a59e0bc2ea42")
    p = page.page
    expect(p.locator("h1")).to_have_text("Tehran talks between the Taliban and the Afghan resistance")
    expect(p.locator(".status-held").first).to_be_visible()
    expect(p.locator("tr.participant")).to_have_count(9)
    expect(p.locator("tr.participant[data-attendance='disputed']")).to_contain_text("Ahmad Massoud")
    massoud = p.locator(".claims-about[data-participant='Ahmad Massoud']")
    confirms = " ".join(massoud.locator(".confirms li.claim .speakers").all_inner_texts())
    for name in ["Amin Karim", "Ismail Khan", "a senior Afghan diplomat", "the caretaker of the Afghan embassy in Tehran"]:
        assert name in confirms, (name, confirms)
    expect(massoud.locator(".denies li.claim", has_text="Habibullah Hesam")).to_be_visible()
    expect(p.locator(".passage mark.evidence-span")).to_be_visible()
    assert p.evaluate(NO_OVERFLOW), "the meeting page scrolls sideways"
    page.screenshot(screenshots, f"meeting-{width}.png")
    p.locator("details.links-from summary").click()
    p.locator("details.links-from a[data-table='attendance_claims']").click()
    p.wait_for_load_state()
    cells = [t.strip() for t in p.locator("table.rows-and-columns td.col-meeting_id").all_inner_texts()]
    assert cells == ["mt-a59e0bc2ea42"] * 5, cells
    assert p.evaluate(NO_OVERFLOW), "the attendance_claims rows scroll sideways"
    page.screenshot(screenshots, f"attendance-claims-of-a-meeting-{width}.png")
    page.assert_no_errors()


@pytest.mark.parametrize("width", [1280, 390])
def test_person_page_quotes_lists_and_requests_for_comment(open_page, screenshots, width):
    page = open_page(width)
    page.goto("/archive/people/ahmad-massoud")
    p = page.page
    comment = p.locator(".section-comment li.comment-request")
    expect(comment).to_have_count(1)
    expect(comment.locator(".response")).to_have_text("Could not be reached")
    expect(comment.locator("mark.evidence-span")).to_be_visible()
    hesam = p.locator("li.claim", has_text="Habibullah Hesam")
    expect(hesam.locator(".said-indirect")).to_have_text("Massoud was there")
    assert "“" not in hesam.inner_text() and hesam.locator("q").count() == 0
    three = p.locator("li.claim .speakers", has_text="Amin Karim, a senior Afghan diplomat and the caretaker")
    expect(three).to_be_visible()
    assert p.evaluate(NO_OVERFLOW), "the person page scrolls sideways"
    page.screenshot(screenshots, f"person-ahmad-massoud-{width}.png")
    page.assert_no_errors()


def test_tables_are_readable(open_page, screenshots):
    page = open_page(1280)
    page.goto("/archive/meetings")
    p = page.page
    heights = p.evaluate("() => Array.from(document.querySelectorAll('table.rows-and-columns tbody tr')).map(r => r.getBoundingClientRect().height)")
    # Was 6,100 px with each sentence_id labelled by its whole sentence; now the id alone.
    print(f"meetings table: 10 rows, {sum(heights):.0f} px tall, tallest row {max(heights):.0f} px")
    assert len(heights) == 10 and sum(heights) < 2500, heights
    expect(p.locator("td.col-sentence_id a").first).to_have_text(re.compile(r"^se-[0-9a-f]+$"))
    page.screenshot(screenshots, "meetings-table.png")
    page.goto("/archive/statements_with_speakers")
    widths = p.evaluate("() => Array.from(document.querySelectorAll('td.col-text')).map(c => c.getBoundingClientRect().width)")
    assert widths and min(widths) >= 250, widths
    page.screenshot(screenshots, "statements-with-speakers.png")
    page.goto("/archive/timeline")
    expect(p.locator("td.col-date", has_text="1990s")).to_be_visible()
    page.assert_no_errors()
