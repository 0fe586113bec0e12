"""Browser tests: the archive as Datasette serves it, driven in headless Chromium.

A fresh archive is built from data/articles into a temporary folder, the real
``loader serve`` is started on a free port, and Debian's Chromium
(/usr/bin/chromium, driven by Playwright) opens the pages. The network is closed
here, so every request that does not go to 127.0.0.1 (map tiles) is blocked,
and failed loads of those blocked URLs are the only console errors tolerated.

Each test saves a full-page screenshot under tests/screenshots/ (git-ignored).

Run with:  .venv/bin/python -m pytest tests/test_browser.py -q
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).parent.parent
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "tests" / "screenshots"
LOADER = ROOT / ".venv" / "bin" / "loader"
if not LOADER.exists():  # another environment: the loader next to this Python
    LOADER = Path(sys.executable).parent / "loader"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_TIMEOUT = 20.0

if not CHROMIUM.exists():
    pytest.skip(
        "browser tests need Debian's Chromium at /usr/bin/chromium "
        "(apt-get update && apt-get install -y chromium)",
        allow_module_level=True,
    )

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright for Python is not installed")
expect = sync_api.expect

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname == "127.0.0.1"


def serve_archive(tmp, db_name: str, sources: list[str]):
    """Build an archive named db_name from sources and serve it with the real ``loader serve``;
    yield its base URL. The name is not archive.db on purpose: any file serves as the archive."""
    db = tmp / db_name
    build = subprocess.run(
        [str(LOADER), "build", str(db), *sources, "-q"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert build.returncode == 0, f"loader build failed:\n{build.stdout}\n{build.stderr}"
    assert db.exists()

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log_path = tmp / "serve.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [str(LOADER), "serve", str(db), "--port", str(port)],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"loader serve exited with {process.returncode}:\n{log_path.read_text()}")
            try:
                with urllib.request.urlopen(base + "/-/versions.json", timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"loader serve did not answer within {SERVER_START_TIMEOUT:.0f} s:\n{log_path.read_text()}")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The seed archive, built fresh as news.db and served; yields its base URL."""
    yield from serve_archive(tmp_path_factory.mktemp("browser"), "news.db", ["data/articles"])


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


@pytest.fixture(scope="module")
def screenshots():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


class Page:
    """A page with external requests blocked and console errors collected."""

    def __init__(self, page, base: str):
        self.page = page
        self.base = base
        self.errors: list[str] = []
        self.blocked: list[str] = []
        page.route("**/*", self._route)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))

    def _route(self, route):
        url = route.request.url
        if _is_local(url):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def _console(self, message):
        if message.type != "error":
            return
        url = (message.location or {}).get("url", "")
        if message.text.startswith("Failed to load resource") and url and not _is_local(url):
            return  # a blocked external request (map tiles)
        self.errors.append(f"console error: {message.text} ({url})")

    def goto(self, path: str):
        response = self.page.goto(self.base + path)
        assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
        return response

    def screenshot(self, directory: Path, name: str) -> Path:
        path = directory / name
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def assert_no_errors(self):
        assert not self.errors, "errors in the browser console:\n" + "\n".join(self.errors)


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    wrapped = Page(context.new_page(), server)
    try:
        yield wrapped
    finally:
        context.close()


def _column_texts(page, column: str) -> list[str]:
    return [text.strip() for text in page.locator(f"table.rows-and-columns td.col-{column}").all_inner_texts()]


def _row_count(page) -> int:
    heading = page.locator("h3", has_text=" row").first.inner_text()
    return int(heading.split()[0].replace(",", ""))


def test_home_page(page, screenshots):
    page.goto("/")
    p = page.page
    expect(p.locator("h1")).to_have_text("News knowledge archive")
    expect(p).to_have_title("News knowledge archive: archive")
    expect(p.locator("a[href='/archive']").first).to_be_visible()
    expect(p.locator(".metadata-description")).to_contain_text("Who said what, who met whom, where and when")
    expect(p.get_by_text("organisations, places, meetings and attributed statements")).to_be_visible()
    page.screenshot(screenshots, "home.png")
    page.assert_no_errors()


def test_statements_facets(page, screenshots):
    page.goto("/archive/statements_with_speakers")
    p = page.page
    for column in ("speaker_kind", "cue", "mode"):
        facet = p.locator(f".facet-info[data-column='{column}']")
        expect(facet).to_be_visible()
        expect(facet.locator(".facet-info-name strong")).to_contain_text(column)
    speaker_kind = p.locator(".facet-info[data-column='speaker_kind']")
    cue = p.locator(".facet-info[data-column='cue']")
    mode = p.locator(".facet-info[data-column='mode']")
    expect(speaker_kind.get_by_role("link", name="anonymous", exact=True)).to_be_visible()
    expect(speaker_kind.get_by_role("link", name="person", exact=True)).to_be_visible()
    expect(cue.get_by_role("link", name="according to", exact=True)).to_be_visible()
    expect(cue.get_by_role("link", name="said", exact=True)).to_be_visible()
    expect(mode.get_by_role("link", name="indirect", exact=True)).to_be_visible()
    page.screenshot(screenshots, "statements-facets.png")

    total = _row_count(p)
    kinds = set(_column_texts(p, "speaker_kind"))
    assert "anonymous" in kinds and len(kinds) > 1, kinds

    speaker_kind.get_by_role("link", name="anonymous", exact=True).click()
    p.wait_for_url("**/archive/statements_with_speakers?speaker_kind=anonymous")
    expect(p.locator("h3").first).to_contain_text('where speaker_kind = "anonymous"')
    filtered = _row_count(p)
    assert 0 < filtered < total, (filtered, total)
    cells = _column_texts(p, "speaker_kind")
    assert len(cells) == filtered
    assert set(cells) == {"anonymous"}, cells
    page.screenshot(screenshots, "statements-facets-anonymous.png")
    page.assert_no_errors()


def test_statements_per_speaker_chart(page, screenshots):
    """The README's chart URL, without any #fragment, opens with its chart: bars most first."""
    assert "`/archive/statements_per_speaker`" in (ROOT / "README.md").read_text()
    page.goto("/archive/statements_per_speaker")
    p = page.page
    expect(p.locator("h1")).to_contain_text("Statements per speaker")
    p.wait_for_function("() => document.querySelector('svg.chart').dataset.marks > 0")
    rows = p.evaluate("fetch(document.querySelector('svg.chart').dataset.json).then(r => r.json())")
    labels = p.locator("svg.chart .bar-label").all_text_contents()
    values = [int(v) for v in p.locator("svg.chart .bar-value").all_text_contents()]
    assert len(labels) == len(rows) >= 2
    assert values == [r["statements"] for r in rows] and values == sorted(values, reverse=True)
    assert labels[0] == rows[0]["speaker"] == "Ali Nazari"
    chart = p.locator("svg.chart").bounding_box()
    content = p.locator("section.content").bounding_box()
    assert chart["width"] >= 0.95 * content["width"], (chart, content)
    # the chart comes before the query's SQL and rows
    assert chart["y"] < p.locator("form.sql").bounding_box()["y"]
    page.screenshot(screenshots, "statements-per-speaker-chart.png")
    page.assert_no_errors()


def test_locations_map(page, screenshots):
    page.goto("/archive/locations")
    p = page.page
    expect(p.locator("table.rows-and-columns td.col-name", has_text="Tehran").first).to_be_visible()
    rows = _row_count(p)
    assert rows > 0

    expect(p.locator(".leaflet-container")).to_be_visible()
    markers = p.locator(".leaflet-container .leaflet-marker-icon")
    expect(markers.first).to_be_visible()
    # Every row with coordinates is on the map, as a marker or inside a cluster.
    p.wait_for_function(
        """(rows) => {
            let total = 0;
            for (const icon of document.querySelectorAll('.leaflet-container .leaflet-marker-icon')) {
                total += icon.classList.contains('marker-cluster') ? parseInt(icon.innerText, 10) : 1;
            }
            return total === rows;
        }""",
        arg=rows,
    )
    box = p.locator(".leaflet-container").bounding_box()
    assert box and box["width"] > 200 and box["height"] > 200, box
    assert page.blocked, "expected the map's tile requests to be blocked"
    page.screenshot(screenshots, "locations-map.png")
    page.assert_no_errors()


def test_who_met_whom(page, screenshots):
    page.goto("/archive/who_met_whom")
    p = page.page
    expect(p.locator("h1")).to_contain_text("Who met whom")
    kinds = [kind.lower() for kind in _column_texts(p, "kind")]
    assert "chance encounter" in kinds, kinds
    expect(p.locator("td.col-kind", has_text="hance encounter").first).to_be_visible()
    page.screenshot(screenshots, "who-met-whom.png")
    page.assert_no_errors()


def test_attendance_claims(page, screenshots):
    page.goto("/archive/attendance_claims")
    p = page.page
    expect(p.locator("h1")).to_contain_text("Attendance claims")
    stances = set(_column_texts(p, "stance"))
    assert {"confirms", "denies"} <= stances, stances
    page.screenshot(screenshots, "attendance-claims.png")
    page.assert_no_errors()
