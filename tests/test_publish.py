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
    started = time.monotonic()
    status, body = sql(base, "with recursive c(x) as (select 1 union all select x + 1 from c where x < 1000000000) select count(*) from c")
    elapsed = time.monotonic() - started
    assert status == 400 and body["ok"] is False and "too long" in body["error"]
    assert elapsed < 1.6, f"took {elapsed:.2f}s for a 1000 ms limit"


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


def test_run_sh_installs_nothing_when_the_requirements_are_present(site, archive, tmp_path):
    outdir, _ = site
    second = tmp_path / "second"
    publish(archive, second, PublishOptions(allow_robots=True, allow_download=True))
    # pip would fail without an index: if run.sh tried to install, it could not serve
    process, base = start(second, str(outdir / ".venv" / "bin" / "python"),
                          {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": ""}, timeout=30)
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
