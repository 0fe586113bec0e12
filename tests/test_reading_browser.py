"""Reading pages in headless Chromium: the article's highlights, an entity page's disputed
attendance, the who-met-whom graph, the timeline chart and the home page.

Same set-up as tests/test_browser.py: a fresh archive served by the real ``loader
serve``, Debian's Chromium driven by Playwright, every request not to 127.0.0.1 (map
tiles) blocked and no other console error tolerated. Screenshots go to tests/screenshots/.

Run with:  .venv/bin/python -m pytest tests/test_reading_browser.py -q
"""
from __future__ import annotations


import pytest

# the server (a fresh archive under the real `loader serve`), the browser and the screenshot
# folder are the fixtures of tests/test_browser.py, imported to be shared
from tests.test_browser import Page, browser, screenshots, server  # noqa: F401

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


def test_meeting_graph(open_page, screenshots):
    page = open_page()
    page.goto("/archive/meeting_graph")
    p = page.page
    p.wait_for_function("() => document.querySelector('#meeting-graph').dataset.nodes > 0")
    assert p.locator("#meeting-graph .graph-node circle").count() >= 10
    assert p.locator("#meeting-graph line.graph-edge.disputed").count() > 0
    assert p.locator("#meeting-graph line.graph-edge.reported").count() > 0
    box = p.locator("#meeting-graph").bounding_box()
    assert box and box["width"] > 400 and box["height"] > 400, box
    expect(p.locator("#meeting-graph .graph-node", has_text="Ahmad Massoud")).to_have_attribute(
        "href", "/archive/people/ahmad-massoud")
    page.screenshot(screenshots, "meeting-graph.png")
    page.assert_no_errors()


def test_timeline_chart(open_page, screenshots):
    page = open_page()
    page.goto("/")
    page.page.locator("dt a", has_text="Timeline of events and meetings").click()
    p = page.page
    expect(p.locator("h1")).to_contain_text("Timeline of events and meetings")
    p.wait_for_function(
        """() => {
            const el = document.querySelector('.vega-embed canvas, .vega-embed svg.marks');
            if (!el) return false;
            const box = el.getBoundingClientRect();
            return box.width > 50 && box.height > 50;
        }"""
    )
    page.screenshot(screenshots, "timeline-chart.png")
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
