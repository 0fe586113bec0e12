"""The published folder, served for real by its own run.sh: read-only, time-limited,
robots blocked, download off, CORS on, markup escaped; and --no-full-text."""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from loader.build import build
from loader.publish import PublishOptions, publish

from .conftest import ROOT, SEED_ARTICLES

HOSTILE = ROOT / "tests" / "fixtures" / "hostile" / "articles"
CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, object, bytes]:  # headers: case-insensitive Message
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def start(site: Path, python: str, env_extra: dict | None = None, timeout: float = 240) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(port), "PYTHON": python, **(env_extra or {})}
    log = open(site / f"run-{port}.log", "w")
    process = subprocess.Popen(["sh", str(site / "run.sh")], env=env, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=2).read()
            return process, base
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise AssertionError("run.sh did not serve:\n" + (site / f"run-{port}.log").read_text())
            time.sleep(0.5)


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, 15)
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("published")
    db = folder / "archive.db"
    build(db, [SEED_ARTICLES, HOSTILE])
    return db


@pytest.fixture(scope="module")
def site(archive, tmp_path_factory):
    """The published folder served by run.sh on a Python without Datasette, so that run.sh
    installs the pinned requirements into the folder's own .venv, as on a clean machine."""
    outdir = tmp_path_factory.mktemp("site") / "site"
    publish(archive, outdir)
    bare = shutil.which("python3", path="/usr/local/bin:/usr/bin:/bin")
    probe = subprocess.run([bare, "-c", "import datasette"], capture_output=True)
    assert probe.returncode != 0, "the bare Python must not have Datasette for this test to mean anything"
    process, base = start(outdir, bare)
    yield outdir, base
    stop(process)


def sql(base: str, query: str) -> tuple[int, dict]:
    status, _, body = get(f"{base}/archive.json?sql={urllib.parse.quote(query)}")
    return status, json.loads(body)


def test_the_folder_has_everything(site):
    outdir, _ = site
    for name in ["archive.db", "archive.inspect.json", "metadata.yml", "templates", "plugins", "requirements.txt",
                 "run.sh", "Dockerfile", "DEPLOY.md"]:
        assert (outdir / name).exists(), name
    requirements = (outdir / "requirements.txt").read_text().split()
    assert "datasette==0.65.5" in requirements and "datasette-vega==0.6.2" in requirements
    assert all("==" in line for line in requirements)
    assert (outdir / ".venv" / "bin" / "python").exists(), "run.sh should have installed into .venv"
    # the way to a public instance without arbitrary SQL is told where the deployer reads
    assert "`loader publish --no-sql`" in (outdir / "DEPLOY.md").read_text()


@pytest.mark.parametrize("query", [
    "insert into people (id, name) values ('x', 'y')",
    "update people set name = 'x'",
    "delete from people",
    "with x as (select 1) insert into people (id, name) select 'x', 'y' from x",
    "attach database '/tmp/evil.db' as evil",
    "pragma writable_schema = 1",
    "select load_extension('/tmp/evil.so')",
    "select writefile('/tmp/evil.txt', 'x')",
])
def test_every_write_is_refused_with_a_json_error(site, query):
    _, base = site
    status, body = sql(base, query)
    assert status in (400, 403) and body["ok"] is False
    assert body["error"]
    _, count = sql(base, "select count(*) as n from people")
    assert count["rows"][0][0] > 0


def test_a_runaway_query_is_cut_off_within_the_time_limit(site):
    _, base = site
    # a count to 10^9 runs for minutes; its interruption is SQLite's "too long" error (how
    # soon it comes is make bench's to measure, not a test's)
    status, body = sql(base, "with recursive c(x) as (select 1 union all select x + 1 from c where x < 1000000000) select count(*) from c")
    assert status == 400 and body["ok"] is False and "too long" in body["error"]


def test_robots_download_cors_and_cache(site):
    _, base = site
    status, _, body = get(base + "/robots.txt")
    assert status == 200 and body.decode() == "User-agent: *\nDisallow: /\n"
    assert get(base + "/archive.db")[0] == 403
    status, headers, _ = get(base + "/archive/people.json?_shape=array")
    assert status == 200
    assert headers.get("access-control-allow-origin") == "*"
    assert "max-age=300" in headers.get("cache-control", "")
    assert get(base + "/-/settings.json")[0] == 200
    settings = json.loads(get(base + "/-/settings.json")[2])
    assert settings["sql_time_limit_ms"] == 1000 and settings["max_returned_rows"] == 1000
    assert settings["suggest_facets"] is False and settings["allow_download"] is False
    assert settings["num_sql_threads"] == 3


def test_run_sh_installs_nothing_when_its_virtualenv_has_the_requirements(site, archive, tmp_path):
    outdir, _ = site
    second = tmp_path / "second"
    publish(archive, second, PublishOptions(allow_robots=True, allow_download=True))
    # pip would fail without an index: if run.sh tried to install, it could not serve
    process, base = start(second, sys.executable,
                          {"VENV": str(outdir / ".venv"), "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": ""}, timeout=30)
    try:
        assert not (second / ".venv").exists()
        assert get(base + "/robots.txt")[2].decode() == "User-agent: *\nAllow: /\n"
        assert get(base + "/archive.db")[0] == 200
    finally:
        stop(process)


def test_no_full_text_leaves_the_texts_out_and_keeps_the_rest(archive, tmp_path):
    outdir = publish(archive, tmp_path / "site", PublishOptions(full_text=False))
    db = outdir / "archive.db"
    conn = sqlite3.connect(db)
    assert conn.execute("select count(*) from articles where text != ''").fetchone() == (0,)
    assert conn.execute("select count(*) from sentences where text != ''").fetchone() == (0,)
    assert conn.execute("select count(*) from statements").fetchone()[0] > 20
    assert conn.execute("select title, publisher, url from articles where id = '2022-01-26-trt-world-tehran-talks'").fetchone()[0]
    assert conn.execute("select text from statements where text like 'We tested them%'").fetchone()
    # a sentence that no statement quotes is nowhere in the file, not even in free pages
    raw = db.read_bytes()
    assert "Moreover, Pakistan aims to boost trade".encode() not in raw
    assert "We tested them".encode() in raw
    assert conn.execute("select count(*) from articles_fts where articles_fts match 'geoeconomics'").fetchone() == (0,)


def test_publishing_leaves_nothing_beside_the_archive(tmp_path):
    # the archive is in WAL mode; a read-only connection to it left its -wal and -shm behind
    db = tmp_path / "archive.db"
    build(db, [SEED_ARTICLES])
    before = sorted(p.name for p in tmp_path.iterdir())
    probe = sqlite3.connect(db)
    assert probe.execute("pragma journal_mode").fetchone() == ("wal",)
    probe.close()  # (an open connection would clean up after publish's on closing)
    publish(db, tmp_path / "site")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(before + ["site"])


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's Chromium at /usr/bin/chromium")
def test_markup_in_the_data_is_shown_escaped_and_never_runs(site):
    from playwright.sync_api import sync_playwright

    _, base = site
    pages = ["/", "/archive", "/archive/articles", "/archive/articles/2024-02-01-hostile-markup", "/archive/people",
             "/archive/people/mallory-script-window-xss-name-script", "/archive/organisations", "/archive/statements",
             "/archive/who_said_what", "/archive/who_met_whom", "/archive/no_comment", "/archive/timeline",
             "/archive/statements_with_speakers", "/archive/meetings", "/archive/events",
             "/archive/statements?_search=harmless", "/archive/articles?_search=Mallory"]
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=args)
        page = browser.new_page()
        page.route("**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url else route.abort())
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        shown = 0
        for path in pages:
            response = page.goto(base + path)
            assert response.status == 200, path
            page.mouse.move(200, 200)
            for element in page.query_selector_all("b, img"):
                element.hover(timeout=500, force=True) if element.is_visible() else None
            assert page.evaluate("window.__xss") is None, f"script ran on {path}"
            assert page.query_selector_all("a[href^='javascript:']") == [], path
            if "<script>" in page.inner_text("body"):
                shown += 1
        browser.close()
    assert dialogs == []
    assert shown >= 8, "the markup should be visible as text on the pages that show it"


# --- the public instance: limits, headers, errors ------------------------------------------

HEADERS = {"content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy"}


def request(base: str, path: str, method: str = "GET", headers: dict | None = None, source: str = "127.0.0.1",
            timeout: float = 30) -> tuple[int, object, bytes]:
    """One request from a chosen loopback source address (each is a different client)."""
    import http.client

    parts = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout, source_address=(source, 0))
    try:
        conn.request(method, path, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def venv(site) -> Path:
    """The virtualenv run.sh made for the first folder: the others reuse it (VENV=)."""
    return site[0] / ".venv"


@pytest.fixture(scope="module")
def tight(archive, venv, tmp_path_factory):
    """A folder published with tight limits, to see them act."""
    outdir = publish(archive, tmp_path_factory.mktemp("tight") / "site",
                     PublishOptions(concurrent_per_client=2, requests_per_second=2, burst=4, max_response_bytes=20_000,
                                    sql_concurrent_total=1,
                                    public_url="https://news.example.org"))
    # one process: each keeps its own per-client counts
    process, base = start(outdir, sys.executable, {"VENV": str(venv), "PIP_NO_INDEX": "1", "WORKERS": "1"}, timeout=60)
    yield outdir, base
    stop(process)


@pytest.mark.parametrize("path", ["/", "/archive", "/archive/people", "/archive/people/ahmad-massoud",
                                  f"/archive/articles/2022-01-26-trt-world-tehran-talks", "/archive/who_said_what",
                                  "/archive/people.json", "/-/static/app.css", "/-/reading/reading.css", "/robots.txt",
                                  "/no-such-page", "/archive/no_such_table.json"])
def test_security_headers_on_every_response(site, path):
    _, base = site
    status, headers, _ = get(base + path)
    assert status in (200, 404), (path, status)
    for name in HEADERS:
        assert headers.get(name), f"{path}: no {name}"
    assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]


def test_absolute_urls_come_from_the_public_url_never_the_host_header(tight):
    _, base = tight
    status, headers, body = request(base, "/archive/sentences.json?_size=2", headers={"Host": "evil.example"},
                                    source="127.0.0.9")
    assert status == 200
    assert json.loads(body)["next_url"].startswith("https://news.example.org/archive/sentences.json?")
    status, headers, body = request(base, "/archive/people", headers={"Host": "evil.example"}, source="127.0.0.9")
    assert headers["link"].startswith("https://news.example.org/archive/people.json;")
    assert b"evil.example" not in body and "evil.example" not in str(headers)


def test_writes_and_introspection_are_refused(site):
    _, base = site
    assert request(base, "/archive/search", method="POST")[0] == 405
    assert request(base, "/archive/who_said_what?_json=1", method="POST", headers={"Content-Length": "0"})[0] == 405
    assert request(base, "/", method="PUT")[0] == 405
    for path in ["/-/threads.json", "/-/threads", "/-/databases.json", "/-/plugins.json", "/-/permissions", "/-/messages"]:
        assert get(base + path)[0] == 404, path
    assert get(base + "/-/versions.json")[0] == 200
    _, body = sql(base, "select * from pragma_database_list")
    assert body["rows"] == [[0, "main", None]]
    status, body = sql(base, "select fts3_tokenizer('simple')")
    assert status == 400 and "not authorized" in body["error"]


def test_a_client_over_its_rate_gets_429_and_others_are_served(tight):
    _, base = tight
    statuses = [request(base, "/-/versions.json", source="127.0.0.2") for _ in range(8)]
    codes = [s for s, _, _ in statuses]
    assert codes[:4] == [200] * 4 and 429 in codes[4:], codes
    refused = next(r for r in statuses if r[0] == 429)
    assert int(refused[1]["retry-after"]) >= 1
    assert b"requests per second from one client" in refused[2]
    assert request(base, "/-/versions.json", source="127.0.0.3")[0] == 200  # another client


def _slow(base: str, path: str, source: str, results: list) -> None:
    results.append(request(base, path, source=source))


def _parallel(base: str, path: str, source: str, count: int) -> list:
    import threading

    results: list = []
    threads = [threading.Thread(target=_slow, args=(base, path, source, results)) for _ in range(count)]
    for thread in threads:
        thread.start()
        time.sleep(0.1)
    for thread in threads:
        thread.join()
    return results


SLOW_CTE = "with recursive c(x) as (select 1 union all select x + 1 from c where x < 1000000000) select count(*) from c"


def test_a_client_over_its_concurrency_gets_429(archive, venv, tmp_path):
    # 2 requests at once per client and no separate limit for SQL, so that slow SQL
    # (each query runs into the 1 s time limit) can stand for any slow request
    outdir = publish(archive, tmp_path / "two", PublishOptions(concurrent_per_client=2, sql_concurrent_per_client=0,
                                                               sql_concurrent_total=0))
    process, base = start(outdir, sys.executable, {"VENV": str(venv), "PIP_NO_INDEX": "1", "WORKERS": "1"}, timeout=60)
    try:
        results = _parallel(base, "/archive.json?sql=" + urllib.parse.quote(SLOW_CTE), "127.0.0.4", 3)
    finally:
        stop(process)
    codes = sorted(s for s, _, _ in results)
    assert codes == [400, 400, 429] and b"more than 2 requests at once" in next(b for s, _, b in results if s == 429), codes


@pytest.mark.parametrize("param", ["sql", "_where"])
def test_arbitrary_sql_runs_one_at_a_time_per_client(tight, param):
    _, base = tight  # one process; 1 arbitrary SQL request at a time per client (the default)
    if param == "sql":
        path = "/archive.json?sql=" + urllib.parse.quote(SLOW_CTE)
    else:
        path = "/archive/sentences.json?_where=" + urllib.parse.quote(f"({SLOW_CTE}) > 0")
    source = "127.0.0.5" if param == "sql" else "127.0.0.16"
    results = _parallel(base, path, source, 2)
    assert sorted(s for s, _, _ in results) == [400, 429]  # one cut off by the time limit, one refused
    assert b"more than 1 SQL queries at once" in next(b for s, _, b in results if s == 429)


def test_slow_sql_from_many_clients_leaves_the_pages_a_thread(tight):
    import threading

    _, base = tight  # one process; at most 1 arbitrary SQL request at a time from all clients
    path = "/archive.json?sql=" + urllib.parse.quote(SLOW_CTE)
    results: list = []
    threads = [threading.Thread(target=_slow, args=(base, path, source, results)) for source in ("127.0.0.17", "127.0.0.18")]
    for thread in threads:
        thread.start()
        time.sleep(0.1)
    page = request(base, "/archive/who_said_what.json?_shape=array", source="127.0.0.19")  # while one runs
    for thread in threads:
        thread.join()
    assert sorted(s for s, _, _ in results) == [400, 429]
    assert b"the server is running its 1 SQL queries at once for all clients" in next(b for s, _, b in results if s == 429)
    assert page[0] == 200


def test_a_response_over_the_cap_is_refused_with_a_reason(tight):
    _, base = tight
    big = "/archive.json?_shape=array&sql=" + urllib.parse.quote("select a.text from sentences a, sentences b limit 500")
    status, _, body = request(base, big, source="127.0.0.6")
    assert status == 400 and b"the response would be over 0.02 MB" in body
    assert request(base, "/archive/people.json?_size=1&_shape=array", source="127.0.0.6")[0] == 200


def test_no_sql_serves_canned_queries_and_pages_only(archive, venv, tmp_path):
    outdir = publish(archive, tmp_path / "nosql", PublishOptions(allow_sql=False))
    process, base = start(outdir, sys.executable, {"VENV": str(venv), "PIP_NO_INDEX": "1"}, timeout=60)
    try:
        assert get(base + "/archive.json?sql=select+1")[0] == 403
        assert get(base + "/archive?sql=select+1")[0] == 403
        assert get(base + "/archive/search.json?q=tested")[0] == 200
        assert get(base + "/archive/people/ahmad-massoud")[0] == 200
        assert "arbitrary SQL off" in (outdir / "DEPLOY.md").read_text()
    finally:
        stop(process)


def test_errors_are_plain_and_fast_even_with_rich_installed(site, tmp_path):
    """The folder served by a Python that has rich (the project's venv): 404 stays 404,
    a bad query is a 400, and the log has no traceback."""
    outdir, _ = site
    assert subprocess.run([sys.executable, "-c", "import rich"]).returncode == 0, "this Python must have rich"
    port = free_port()
    log = tmp_path / "rich.log"
    process = subprocess.Popen([sys.executable, "-m", "datasette", "serve", "-i", "archive.db", "--inspect-file",
                                "archive.inspect.json", "--metadata", "metadata.yml", "--template-dir", "templates",
                                "--plugins-dir", "plugins", "--host", "127.0.0.1", "--port", str(port)],
                               cwd=outdir, env={**os.environ, "PYTHONPATH": str(outdir / "lib")},
                               stdout=open(log, "w"), stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=2).read()
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, log.read_text()
                time.sleep(0.3)
        for _ in range(5):
            assert get(base + "/no-such-page")[0] == 404
            assert get(base + "/archive/no_such_table.json")[0] == 404
            status, body = sql(base, "select * from no_such_table")
            assert status == 400 and "no such table" in body["error"]
    finally:
        stop(process)
    text = log.read_text()
    assert "Traceback" not in text and "locals" not in text, text[:2000]


def test_run_sh_serves_from_its_own_clean_environment(site, venv):
    """Whatever PYTHON and PYTHONPATH the caller has (here the project's venv, with rich),
    the server runs the folder's virtualenv with only lib/ on its path."""
    outdir, _ = site
    process, base = start(outdir, sys.executable, {"VENV": str(venv), "PIP_NO_INDEX": "1",
                                                   "PYTHONPATH": str(Path(sys.executable).parent.parent)}, timeout=60)
    try:
        cmdline = Path(f"/proc/{process.pid}/cmdline").read_bytes().split(b"\0")
        assert cmdline[0].decode() == f"{venv}/bin/python", cmdline
        environ = dict(item.split(b"=", 1) for item in Path(f"/proc/{process.pid}/environ").read_bytes().split(b"\0") if b"=" in item)
        assert environ[b"PYTHONPATH"].decode() == f"{outdir / 'lib'}:{outdir}"
        assert subprocess.run([str(venv / "bin" / "python"), "-c", "import rich"], capture_output=True).returncode != 0
    finally:
        stop(process)


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's Chromium at /usr/bin/chromium")
def test_pages_charts_map_and_graph_work_under_the_content_security_policy(site):
    from playwright.sync_api import expect, sync_playwright

    _, base = site
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    watch = """document.addEventListener('securitypolicyviolation',
                 e => (window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI));"""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=args)
        page = browser.new_page()
        page.add_init_script(watch)
        page.route("**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url else route.abort())
        console = []
        page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
        checks = {
            "/": "form.search-box",
            "/archive/articles/2022-01-26-trt-world-tehran-talks": "h1",
            "/archive/people/ahmad-massoud": "h1",
            "/archive/statements_per_speaker": "svg.chart .bar-rect",  # drawn by plugins/static/charts.js
            "/archive/timeline_chart": "svg.chart circle.dot",
            "/archive/statements/st-1d63b6f28893": ".fact-statement .passage",
            "/archive/meetings/mt-a59e0bc2ea42": ".fact-meeting tr.participant",
            "/archive/locations": ".leaflet-container .leaflet-marker-icon",
            "/archive/places": ".leaflet-container .leaflet-marker-icon",
            "/archive/locations/delhi": "#place-map.leaflet-container, #place-map .leaflet-pane",
            "/archive/meeting_graph": "svg circle, svg line, svg path",
            "/archive/statements?_facet=cue": ".facet-info",
        }
        for path, selector in checks.items():
            response = page.goto(base + path)
            assert response.status == 200, path
            assert "content-security-policy" in response.headers, path
            expect(page.locator(selector).first).to_be_attached(timeout=10_000)
            page.wait_for_timeout(300)
            assert page.evaluate("window.__csp || []") == [], (path, page.evaluate("window.__csp"))
        browser.close()
    assert console == [], console


def test_responses_are_cached_with_an_etag_and_revalidate_with_304(tight):
    _, base = tight  # one process, so the second request meets the first one's cache
    path = "/archive/people/ahmad-massoud"
    first = request(base, path, source="127.0.0.7")
    second = request(base, path, source="127.0.0.8")
    # the same bytes, even the footer's "Queries took" time: the second was not computed again
    assert first[0] == second[0] == 200 and first[2] == second[2]
    etag = second[1]["etag"]
    assert etag and etag.startswith('"') and first[1]["etag"] == etag
    assert "max-age=300" in second[1]["cache-control"]
    assert "max-age=300" in request(base, "/", source="127.0.0.13")[1]["cache-control"]  # Datasette sends none there
    status, headers, body = request(base, path, headers={"If-None-Match": etag}, source="127.0.0.10")
    assert status == 304 and body == b"" and headers["etag"] == etag
    assert "content-security-policy" in headers
    # a request with a cookie is never answered from the shared cache
    status, headers, body = request(base, path, headers={"Cookie": "ds_actor=x"}, source="127.0.0.11")
    assert status == 200 and headers.get("etag") is None
    # errors are not cached
    assert request(base, "/archive/people/nobody-at-all", source="127.0.0.12")[1].get("etag") is None


def test_concurrent_requests_for_a_new_page_compute_it_once(tight):
    from concurrent.futures import ThreadPoolExecutor

    _, base = tight
    path = "/archive/locations/delhi"  # asked for by no other test of this folder
    with ThreadPoolExecutor(6) as pool:
        answers = list(pool.map(lambda i: request(base, path, source=f"127.0.1.{i + 1}"), range(6)))
    assert all(status == 200 for status, _, _ in answers)
    # the same bytes, the footer's "Queries took" time included: one request computed it
    assert b"Queries took" in answers[0][2]
    assert len({body for _, _, body in answers}) == 1


def test_text_is_gzipped_once_for_clients_that_accept_it(tight):
    import gzip

    _, base = tight
    path = "/archive/people/ali-nazari"  # under the tight folder's 20 KB response cap
    plain = request(base, path, source="127.0.0.14")
    packed = request(base, path, headers={"Accept-Encoding": "gzip"}, source="127.0.0.15")
    assert plain[1].get("content-encoding") is None
    assert packed[0] == 200 and packed[1]["content-encoding"] == "gzip" and "Accept-Encoding" in packed[1]["vary"]
    assert len(packed[2]) < len(plain[2]) / 2
    # the same page, apart from the footer's query time of whichever request computed it
    assert gzip.decompress(packed[2]).split(b"Queries took")[0] == plain[2].split(b"Queries took")[0]


def _middleware_app(body: bytes, content_type: bytes = b"text/html; charset=utf-8", parts: int = 1):
    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]})
        step = len(body) // parts + 1
        for i in range(parts):
            await send({"type": "http.response.body", "body": body[i * step:(i + 1) * step], "more_body": i < parts - 1})
    return app


def _call(wrapper_module, config: dict, app, headers: list) -> tuple[int, dict, bytes]:
    import asyncio

    class FakeDatasette:
        def plugin_config(self, name):
            return config

        def setting(self, name):
            return 300

    sent = []

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request"}

    scope = {"type": "http", "method": "GET", "path": "/", "query_string": b"", "headers": headers}
    asyncio.run(wrapper_module.asgi_wrapper(FakeDatasette())(app)(scope, receive, send))
    start = sent[0]
    return start["status"], {k.decode(): v.decode() for k, v in start["headers"]}, b"".join(m.get("body", b"") for m in sent[1:])


def test_with_the_cache_off_text_is_gzipped_per_request_at_the_level_set():
    import gzip

    from loader.published_plugins import response_cache

    page = b"<p>" + b"the same words again and again " * 400 + b"</p>"
    accept = [(b"accept-encoding", b"gzip, deflate")]
    status, headers, body = _call(response_cache, {"max_bytes": 0}, _middleware_app(page), accept)
    assert status == 200 and headers["content-encoding"] == "gzip" and headers["vary"] == "Accept-Encoding"
    assert gzip.decompress(body) == page and int(headers["content-length"]) == len(body) < len(page) / 10
    assert response_cache.GZIP_LEVEL == 1 and PublishOptions().gzip_level == 1
    # not for a client that does not accept it, not at level 0, not for a streamed body, not for images
    for config, app, request_headers in (({"max_bytes": 0}, _middleware_app(page), []),
                                         ({"max_bytes": 0, "gzip_level": 0}, _middleware_app(page), accept),
                                         ({"max_bytes": 0}, _middleware_app(page, parts=3), accept),
                                         ({"max_bytes": 0}, _middleware_app(page, b"image/png"), accept)):
        status, headers, body = _call(response_cache, config, app, request_headers)
        assert status == 200 and "content-encoding" not in headers and body == page
    # small responses are sent as they are
    status, headers, body = _call(response_cache, {"max_bytes": 0}, _middleware_app(b"{}", b"application/json"), accept)
    assert body == b"{}" and "content-encoding" not in headers


@pytest.mark.parametrize("value, accepted", [
    (b"gzip", True), (b"gzip, deflate, br", True), (b"deflate;q=1, GZIP;q=0.5", True), (b"*", True),
    (b"x-gzip", True), (b"", False), (b"deflate, br", False), (b"gzip;q=0", False), (b"gzip; q=0.0, *", False),
    (b"*;q=0", False), (b"br, *;q=0.1", True), (b"gzip;q=nonsense", False),
])
def test_gzip_only_for_an_accept_encoding_that_allows_it(value, accepted):
    """The RFC's qualities: "gzip;q=0" refuses gzip, with the cache off and on."""
    import gzip

    from loader.published_plugins import response_cache

    assert response_cache.accepts_gzip(value) is accepted
    page = b"<p>" + b"the same words again and again " * 400 + b"</p>"
    for config in ({"max_bytes": 0}, {"max_bytes": 1_000_000}):
        _, headers, body = _call(response_cache, config, _middleware_app(page), [(b"accept-encoding", value)])
        assert ("content-encoding" in headers) is accepted
        assert (gzip.decompress(body) if accepted else body) == page


def test_the_gzip_level_and_turns_are_published_in_metadata_and_deploy(tmp_path, archive):
    site = publish(archive, tmp_path / "site", PublishOptions(gzip_level=4, response_cache_bytes=0))
    import yaml

    metadata = yaml.safe_load((site / "metadata.yml").read_text())
    assert metadata["plugins"]["news-archive-response-cache"] == {"max_bytes": 0, "gzip_level": 4, "computing": 4}
    assert "`news-archive-response-cache.gzip_level` | 4 |" in (site / "DEPLOY.md").read_text()


def test_a_linked_folder_serves_the_archive_itself(tmp_path, archive):
    from loader.errors import InputError
    from loader.publish import _snapshot

    single = tmp_path / "single.db"  # a built archive is in WAL mode: a benchmark file is not
    _snapshot(archive, single)
    site = publish(single, tmp_path / "site", link=True)
    assert (site / "archive.db").is_symlink() and (site / "archive.db").resolve() == single.resolve()
    assert json.loads((site / "archive.inspect.json").read_text())["archive"]["tables"]["articles"]["count"] > 0
    wal = tmp_path / "wal.db"
    conn = sqlite3.connect(wal)
    conn.execute("pragma journal_mode = wal")
    conn.execute("create table t (x)")
    conn.close()
    for db, options in ((wal, PublishOptions()), (archive, PublishOptions()), (single, PublishOptions(full_text=False))):
        with pytest.raises(InputError):
            publish(db, tmp_path / "refused", options, link=True)


def test_requests_computed_at_once_take_turns_in_order():
    import asyncio

    from loader.published_plugins.response_cache import taking_turns

    running, most, order = 0, 0, []

    async def app(scope, receive, send):
        nonlocal running, most
        running += 1
        most = max(most, running)
        await asyncio.sleep(0.01)
        running -= 1
        order.append(scope["n"])
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await asyncio.sleep(0.01)  # the body after the start: the turn is already given back
        await send({"type": "http.response.body", "body": b""})

    async def main():
        turns = taking_turns(app, 2)

        async def send(message):
            pass

        await asyncio.gather(*(turns({"type": "http", "n": n}, None, send) for n in range(10)))

    asyncio.run(main())
    assert most == 2 and sorted(order) == list(range(10)) and order[:2] == [0, 1]
    assert taking_turns(app, 0) is app


def test_the_publish_command_passes_the_serving_options_into_the_folder(archive, tmp_path):
    """`loader publish --gzip-level --computing` reach the response-cache plugin's settings."""
    import yaml
    from click.testing import CliRunner
    from loader.cli import cli
    outdir = tmp_path / "site"
    result = CliRunner().invoke(cli, ["publish", str(outdir), "--db", str(archive), "--gzip-level", "0",
                                      "--computing", "2", "--response-cache-bytes", "0"])
    assert result.exit_code == 0, result.output
    plugin = yaml.safe_load((outdir / "metadata.yml").read_text())["plugins"]["news-archive-response-cache"]
    assert plugin["gzip_level"] == 0 and plugin["computing"] == 2 and plugin["max_bytes"] == 0
    refused = CliRunner().invoke(cli, ["publish", str(tmp_path / "other"), "--db", str(archive), "--gzip-level", "10"])
    assert refused.exit_code != 0 and "gzip-level" in refused.output


def test_the_published_app_remembers_the_schema_and_permission_answers(archive, tmp_path):
    """archive_app.py serves the file immutable with plugins/immutable_schema.py, which keeps
    each table permission answer (Datasette 0.65 deep-copies the metadata for every one).
    In a process of its own: a plugins folder registers its modules with Datasette for good."""
    site = publish(archive, tmp_path / "site")
    probe = ("import asyncio, sys; sys.path.insert(0, 'lib'); import archive_app as a; "
             "asyncio.run(a.datasette.invoke_startup()); "
             "print(hasattr(a.datasette._table_permission_allows, 'cache_info'), "
             "getattr(a.datasette.databases['archive'], '_remembered_schema', None) is not None)")
    done = subprocess.run([sys.executable, "-c", probe], cwd=site, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True"]
