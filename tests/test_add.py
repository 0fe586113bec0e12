"""`loader add`: saved pages, URLs, feeds and exports into article files (issue 11).

Pages are fixture files in several site layouts (tests/fixtures/web); URLs and feeds
are served by a real HTTP server on loopback that the tests start. No test touches
the outside network."""

from __future__ import annotations

import datetime as dt
import re
import json
import os
import shutil
import sqlite3
import tarfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
import yaml
from click.testing import CliRunner

from loader.add import original_html
from loader.articles import read_article
from loader.cli import cli
from loader.fetch import USER_AGENT, Fetcher, FetchError, FetchOptions

from .web_server import WEB, WebServer

# fast network options: no politeness delay, short timeouts and back-off
# no politeness wait, quick retries; the timeout is generous because a loaded CI machine can take
# over a second to answer a loopback request (the timeout tests set their own)
FAST = ["--delay", "0", "--timeout", "5", "--backoff", "0.01", "--retries", "1"]

NEWS_SITE_ARTICLE = """\
---
title: Dock workers end nine-day strike
published: 2024-03-14
publisher: Harbour Times
author: Jane Doe
url: https://harbour-times.example/news/2024/03/dock-workers-end-strike
canonical_url: https://harbour-times.example/news/2024/03/dock-workers-end-strike
language: en
---
Dock workers at the port of Westhaven returned to work on Thursday after a nine-day strike over pay, ending the longest stoppage at the harbour in a decade.

Maria Lopez, the leader of the dockers' union, said the agreement gave workers a pay rise of six percent over two years.

"We are satisfied with the deal, and our members voted for it," Lopez told reporters outside the union's office.

The port authority said ships delayed by the strike would be unloaded by the end of next week.
"""


def add(*args: str):
    return CliRunner().invoke(cli, ["add", *args], catch_exceptions=False)


def articles_in(folder) -> list[str]:
    return sorted(p.name for p in folder.glob("*.md") if p.is_file()) if folder.exists() else []


def archived(raw) -> dict[str, list[str]]:
    """Each archive in the raw folder -> its members' names."""
    return {archive.name: tarfile.open(archive).getnames() for archive in sorted(raw.iterdir())} if raw.exists() else {}


def front_matter(path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


# --- saved pages, in several site layouts ---

def test_news_site_page_keeps_the_text_and_drops_navigation_adverts_and_comments(tmp_path):
    out = tmp_path / "data" / "articles"
    result = add(str(WEB / "news-site.html"), "--to", str(out))
    assert result.exit_code == 0, result.output
    path = out / "2024-03-14-dock-workers-end-nine-day-strike.md"
    assert path.read_text(encoding="utf-8") == NEWS_SITE_ARTICLE
    text = path.read_text(encoding="utf-8")
    for boilerplate in ("Home", "Advertisement", "cruise", "Read more", "Ferry fares", "Sign up", "About time", "rents", "All rights reserved", "By Jane Doe"):
        assert boilerplate not in text.split("---\n", 2)[2]
    # the original HTML is kept beside, byte for byte, in the run's archive
    raw = tmp_path / "data" / "raw"
    assert original_html(raw, path.stem) == (WEB / "news-site.html").read_bytes()
    (archive, members), = archived(raw).items()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d{6}\.\d{6}Z\.tar", archive) and members == [f"{path.stem}.html"]
    assert f"added {path} (Dock workers end nine-day strike)" in result.output
    assert "added 1, skipped 0 (already there), refused 0" in result.output


def test_json_ld_only_and_opengraph_only_pages_give_their_metadata(tmp_path):
    out = tmp_path / "articles"
    result = add(str(WEB / "jsonld-only.html"), str(WEB / "opengraph-only.html"), "--to", str(out))
    assert result.exit_code == 0, result.output
    assert articles_in(out) == ["2023-11-02-council-approves-a-new-bridge-over-the-river.md", "2024-07-09-heatwave-closes-schools-across-the-region.md"]
    bridge = out / "2023-11-02-council-approves-a-new-bridge-over-the-river.md"
    assert front_matter(bridge) == {"title": "Council approves a new bridge over the river", "published": dt.date(2023, 11, 2),
                                    "publisher": "River Gazette", "author": "Sam Patel", "language": "en"}
    heat = out / "2024-07-09-heatwave-closes-schools-across-the-region.md"
    assert front_matter(heat) == {"title": "Heatwave closes schools across the region", "published": dt.date(2024, 7, 9),
                                  "publisher": "Valley Post", "author": "Lee Wong", "url": "https://valley-post.example/2024/heatwave-schools",
                                  "canonical_url": "https://valley-post.example/2024/heatwave-schools", "language": "en"}
    article = read_article(heat)
    assert article.text.split("\n\n") == [
        "More than two hundred schools across the region closed early on Tuesday as temperatures passed forty degrees for a third day.",
        "The regional education office said classes would resume once the heat eased, and that exams planned for this week had been moved.",
        "Hospitals reported a rise in patients treated for heat exhaustion, most of them elderly.\n",
    ]


def test_a_page_without_a_date_is_refused_with_a_hint_and_added_with_published(tmp_path):
    out = tmp_path / "articles"
    result = add(str(WEB / "no-date.html"), "--to", str(out))
    assert result.exit_code == 1
    assert f"{WEB / 'no-date.html'}: refused: no publication date in the page's metadata, URL or feed: pass --published YYYY-MM-DD" in result.output
    assert articles_in(out) == [] and not (tmp_path / "raw").exists()
    # the footer's copyright year is not taken for the date
    assert "2021-01-01" not in result.output
    result = add(str(WEB / "no-date.html"), "--to", str(out), "--published", "2024-02-01")
    assert result.exit_code == 0, result.output
    path = out / "2024-02-01-library-reopens-after-roof-repairs.md"
    assert front_matter(path) == {"title": "Library reopens after roof repairs", "published": dt.date(2024, 2, 1),
                                  "publisher": "Town Crier", "language": "en"}


@pytest.mark.parametrize("name, prose", [("index", 0), ("paywall", 14)])
def test_index_pages_and_paywall_stubs_are_refused(tmp_path, name, prose):
    out = tmp_path / "articles"
    result = add(str(WEB / f"{name}.html"), "--to", str(out))
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"{WEB / (name + '.html')}: refused: no article text ({prose} words of prose, fewer than 40): "
        "an index page, a paywall stub or a page that needs scripts?")
    assert result.output.splitlines()[-1] == "added 0, skipped 0 (already there), refused 1"
    assert not tmp_path.joinpath("articles").exists() and not tmp_path.joinpath("raw").exists()


def test_a_non_english_page_is_refused_and_added_with_language(tmp_path):
    out = tmp_path / "articles"
    result = add(str(WEB / "french.html"), "--to", str(out))
    assert result.exit_code == 1
    assert f"{WEB / 'french.html'}: refused: the article is in 'fr', not English: pass --language fr to add it" in result.output
    assert articles_in(out) == []
    result = add(str(WEB / "french.html"), "--to", str(out), "--language", "fr")
    assert result.exit_code == 0, result.output
    assert front_matter(out / "2024-03-15-les-dockers-reprennent-le-travail.md")["language"] == "fr"


def test_not_html_is_refused(tmp_path):
    (tmp_path / "notes.html").write_text("just some notes, no markup at all\n")
    (tmp_path / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = add(str(tmp_path / "notes.html"), str(tmp_path / "photo.html"), str(tmp_path / "missing.html"), "--to", str(tmp_path / "a"))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[:3] == [
        f"{tmp_path / 'notes.html'}: refused: not HTML (no <html>, <body> or paragraph tags at the start)",
        f"{tmp_path / 'photo.html'}: refused: not HTML (no <html>, <body> or paragraph tags at the start)",
        f"{tmp_path / 'missing.html'}: refused: no such file or folder",
    ]


def test_a_fifo_named_like_a_page_in_a_folder_is_refused_without_waiting(tmp_path):
    folder = tmp_path / "saved"
    folder.mkdir()
    os.mkfifo(folder / "pipe.html")  # opened blocking, it would wait for a writer for ever
    result = add(str(folder), "--to", str(tmp_path / "a"))
    assert result.exit_code == 1
    assert f"{folder / 'pipe.html'}: refused: a FIFO (named pipe), not a regular file" in result.output, result.output
    assert articles_in(tmp_path / "a") == []


def test_a_folder_of_saved_pages(tmp_path):
    folder = tmp_path / "saved"
    shutil.copytree(WEB, folder, ignore=shutil.ignore_patterns("*.xml", "*.jsonl", "*.csv"))
    out = tmp_path / "data" / "articles"
    result = add(str(folder), "--to", str(out))
    assert result.exit_code == 1  # index, paywall, no date and French are refused
    assert articles_in(out) == [
        "2023-11-02-council-approves-a-new-bridge-over-the-river.md",
        "2024-03-14-dock-workers-end-nine-day-strike.md",
        "2024-06-03-cafe-owners-protest-new-terrace-fees.md",
        "2024-07-09-heatwave-closes-schools-across-the-region.md",
    ]
    # one archive for the run, the page of every article added in it and nothing else
    assert [sorted(m) for m in archived(tmp_path / "data" / "raw").values()] == [[n.replace(".md", ".html") for n in articles_in(out)]]
    assert result.output.splitlines()[-1] == "added 4, skipped 0 (already there), refused 4"
    # loader validate reads them as they are
    validated = CliRunner().invoke(cli, ["validate", str(out)])
    assert validated.exit_code == 0, validated.output
    assert validated.output.strip() == "ok: 4 article(s), 0 annotation(s) valid"


# --- duplicates ---

def test_the_same_page_twice_is_skipped_naming_the_article(tmp_path):
    out = tmp_path / "articles"
    add(str(WEB / "news-site.html"), "--to", str(out))
    copy = tmp_path / "copy-of-news-site.html"
    shutil.copy(WEB / "news-site.html", copy)
    result = add(str(copy), "--to", str(out))
    assert result.exit_code == 0
    existing = out / "2024-03-14-dock-workers-end-nine-day-strike.md"
    assert f"{copy}: skipped: already added as {existing} (same URL)" in result.output
    assert result.output.splitlines()[-1] == "added 0, skipped 1 (already there), refused 0"
    assert articles_in(out) == [existing.name]


def test_the_same_text_under_another_url_is_skipped(tmp_path):
    with WebServer() as site:
        out = tmp_path / "articles"
        first = add(f"{site.base}/news/jsonld-only", "--to", str(out), *FAST)
        assert first.exit_code == 0, first.output
        result = add(f"{site.base}/mirror/jsonld-only", "--to", str(out), *FAST)
    existing = out / "2023-11-02-council-approves-a-new-bridge-over-the-river.md"
    assert result.exit_code == 0
    assert f"{site.base}/mirror/jsonld-only: skipped: already added as {existing} (same text under another URL)" in result.output
    assert articles_in(out) == [existing.name]
    assert front_matter(existing)["url"] == f"{site.base}/news/jsonld-only"


# --- URLs over HTTP ---

def test_an_article_url_is_fetched_with_the_project_user_agent_after_robots_txt(tmp_path):
    out = tmp_path / "articles"
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    with WebServer() as site:
        result = add(f"{site.base}/news/opengraph-only", "--to", str(out), *FAST)
    after = dt.datetime.now(dt.timezone.utc)
    assert result.exit_code == 0, result.output
    assert site.paths() == ["/robots.txt", "/news/opengraph-only"]
    assert {agent for _, agent in site.requests} == {USER_AGENT} and USER_AGENT.startswith("news-archive-loader/")
    meta = front_matter(out / "2024-07-09-heatwave-closes-schools-across-the-region.md")
    retrieved = meta.pop("retrieved_at")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", retrieved)
    assert before <= dt.datetime.fromisoformat(retrieved.replace("Z", "+00:00")) <= after
    assert meta["url"] == f"{site.base}/news/opengraph-only"
    assert meta["canonical_url"] == "https://valley-post.example/2024/heatwave-schools"


def test_redirects_are_followed_up_to_a_limit(tmp_path):
    out = tmp_path / "articles"
    with WebServer() as site:
        result = add(f"{site.base}/moved-twice", f"{site.base}/loop", "--to", str(out), *FAST)
    assert result.exit_code == 1
    assert site.paths()[:4] == ["/robots.txt", "/moved-twice", "/moved", "/news/news-site"]
    assert articles_in(out) == ["2024-03-14-dock-workers-end-nine-day-strike.md"]
    assert f"{site.base}/loop: refused: too many redirects (more than 5)" in result.output
    assert site.paths().count("/loop") == 6


def test_robots_txt_is_respected_unless_ignored(tmp_path):
    out = tmp_path / "articles"
    with WebServer() as site:
        refused = add(f"{site.base}/private/news-site", "--to", str(out), *FAST)
        assert "/private/news-site" not in site.paths()
        added = add(f"{site.base}/private/news-site", "--to", str(out), "--ignore-robots", *FAST)
    assert refused.exit_code == 1
    assert f"{site.base}/private/news-site: refused: refused by the site's robots.txt (pass --ignore-robots to fetch it anyway)" in refused.output
    assert added.exit_code == 0 and articles_in(out) == ["2024-03-14-dock-workers-end-nine-day-strike.md"]
    assert site.paths().count("/robots.txt") == 1  # the second run did not ask


def test_a_500_is_retried_and_succeeds(tmp_path):
    out = tmp_path / "articles"
    with WebServer() as site:
        result = add(f"{site.base}/flaky", "--to", str(out), *FAST)
    assert result.exit_code == 0, result.output
    assert site.paths() == ["/robots.txt", "/flaky", "/flaky"]
    assert articles_in(out) == ["2024-07-09-heatwave-closes-schools-across-the-region.md"]


def test_http_errors_timeouts_size_and_content_type_are_refused(tmp_path):
    out = tmp_path / "articles"
    with WebServer() as site:
        site.slow_seconds = 1.0
        result = add(f"{site.base}/broken", f"{site.base}/news/gone", f"{site.base}/slow", f"{site.base}/image.png",
                     f"{site.base}/big", "--to", str(out), "--timeout", "0.3", "--max-bytes", "100000",
                     "--delay", "0", "--backoff", "0.01", "--retries", "1")
        assert site.paths().count("/broken") == 2  # retried once, then given up
        assert site.paths().count("/slow") == 1  # a slow server is not asked again
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{site.base}/broken: refused: HTTP 503 Service Unavailable",
        f"{site.base}/news/gone: refused: HTTP 404 Not Found",
        f"{site.base}/slow: refused: timed out after 0.3 s waiting for the answer",
        f"{site.base}/image.png: refused: not HTML (content type image/png)",
        f"{site.base}/big: refused: answer is 0.5 MB, over the 0.1 MB limit",
        "added 0, skipped 0 (already there), refused 5",
    ]
    assert articles_in(out) == [] and not (tmp_path / "raw").exists()


def test_a_server_that_is_not_there(tmp_path):
    with WebServer() as site:
        base = site.base
    result = add(f"{base}/news/news-site", "--to", str(tmp_path / "a"), *FAST)
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"{base}/news/news-site: refused: cannot read {base}/robots.txt: connection failed after 2 tries "
        "(Connection refused) (pass --ignore-robots to fetch anyway)")


def test_the_fetcher_waits_between_requests_to_one_host_and_backs_off():
    waits: list[float] = []
    now = [0.0]  # a clock that moves only when the fetcher sleeps: the waits do not depend on the machine's speed

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    with WebServer() as site:
        fetcher = Fetcher(FetchOptions(delay=0.5, retries=2, backoff=0.25, timeout=2), sleep=sleep, clock=lambda: now[0])
        fetcher.get(f"{site.base}/news/news-site")
        assert waits == [0.5]  # robots.txt, then the page, on one host: the whole delay between them
        waits.clear()
        with pytest.raises(FetchError, match="HTTP 503"):
            fetcher.get(f"{site.base}/broken")
    # each try waits for the host (what is left of its 0.5 s delay), and the retries back
    # off 0.25 s, then 0.5 s: host 0.5, back-off 0.25, host 0.25 left, back-off 0.5, host 0 left
    assert waits == [0.5, 0.25, 0.25, 0.5] and site.paths().count("/broken") == 3


# --- feeds ---

def serve_feeds(site) -> None:
    site.feeds["/feed.rss"] = ("application/rss+xml", (WEB / "rss.xml").read_text().replace("{base}", site.base).encode())
    site.feeds["/feed.atom"] = ("application/atom+xml", (WEB / "atom.xml").read_bytes())


def test_an_rss_feed_url_adds_every_item_page(tmp_path):
    out = tmp_path / "articles"
    with WebServer() as site:
        serve_feeds(site)
        result = add(f"{site.base}/feed.rss", "--to", str(out), *FAST)
    assert result.exit_code == 1  # one item's page is gone
    assert articles_in(out) == ["2024-03-04-library-reopens-after-roof-repairs.md", "2024-03-14-dock-workers-end-nine-day-strike.md"]
    # the page gives no date: the feed item's date is used
    assert front_matter(out / "2024-03-04-library-reopens-after-roof-repairs.md")["published"] == dt.date(2024, 3, 4)
    assert f"{site.base}/feed.rss: feed with 3 item(s)" in result.output
    assert f"{site.base}/news/taken-down: refused: HTTP 404 Not Found" in result.output
    assert result.output.splitlines()[-1] == "added 2, skipped 0 (already there), refused 1"

    # a second run skips what it has without fetching those pages again
    with WebServer() as site:
        serve_feeds(site)
        first = add(f"{site.base}/feed.rss", "--to", str(tmp_path / "again"), *FAST)
        site.requests.clear()
        again = add(f"{site.base}/feed.rss", "--to", str(tmp_path / "again"), *FAST)
    assert first.exit_code == again.exit_code == 1
    assert first.output.splitlines()[-1] == "added 2, skipped 0 (already there), refused 1", first.output
    assert site.paths() == ["/robots.txt", "/feed.rss", "/news/taken-down"]
    assert again.output.splitlines()[-1] == "added 0, skipped 2 (already there), refused 1"


def test_an_atom_feed_file_fetches_its_items(tmp_path):
    out = tmp_path / "articles"
    with WebServer() as site:
        feed = tmp_path / "valley.atom"
        feed.write_text((WEB / "atom.xml").read_text().replace('href="/news/', f'href="{site.base}/news/'))
        result = add(str(feed), "--to", str(out), *FAST)
    assert result.exit_code == 0, result.output
    assert articles_in(out) == ["2023-11-02-council-approves-a-new-bridge-over-the-river.md", "2024-07-09-heatwave-closes-schools-across-the-region.md"]
    assert front_matter(out / "2023-11-02-council-approves-a-new-bridge-over-the-river.md")["retrieved_at"]


def test_a_feed_that_does_not_parse_is_refused(tmp_path):
    result = add(str(WEB / "broken-feed.xml"), "--to", str(tmp_path / "a"))
    assert result.exit_code == 1
    assert result.output.splitlines()[0].startswith(f"{WEB / 'broken-feed.xml'}: refused: not a feed that parses: line 4: the feed is not well-formed XML (")
    assert not (tmp_path / "a").exists()


# --- exports ---

def test_a_json_lines_export(tmp_path):
    export = WEB / "export.jsonl"
    out = tmp_path / "articles"
    result = add(str(export), "--to", str(out))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines == [
        f"{export}:1: added {out / '2024-03-20-ferry-fares-to-rise-in-april.md'} (Ferry fares to rise in April)",
        f"{export}:2: refused: no text or html: nothing to add",
        f"{export}:3: added {out / '2024-03-22-harbour-dredging-plan-approved.md'} (Harbour dredging plan approved)",
        f"{export}:4: refused: not valid JSON at column 34: Unterminated string starting",
        f"{export}:5: refused: no publication date in the page's metadata, URL or feed: pass --published YYYY-MM-DD",
        f"{export}:6: skipped: already added as {out / '2024-03-20-ferry-fares-to-rise-in-april.md'} (same URL)",
        f"{export}:7: refused: the article is in 'de', not English: pass --language de to add it",
        "added 2, skipped 1 (already there), refused 4",
    ]
    assert (out / "2024-03-20-ferry-fares-to-rise-in-april.md").read_text() == """\
---
title: Ferry fares to rise in April
published: 2024-03-20
publisher: Harbour Times
author: Jane Doe
url: https://harbour-times.example/news/ferry-fares
language: en
---
Ferry fares between the harbour and the islands will rise by eight percent in April, the operator said on Wednesday.

The company blamed the cost of fuel and said season tickets would not change.
"""
    dredging = (out / "2024-03-22-harbour-dredging-plan-approved.md").read_text()
    assert dredging.endswith("---\nThe harbour board approved a plan on Friday to dredge the main channel so that larger container ships can reach the port.\n\n"
                             "Work will begin in the autumn and cost about twelve million, a board member said, adding that fishing boats would keep their moorings.\n")
    assert "url: https://harbour-times.example/news/harbour-dredging\n" in dredging
    assert original_html(tmp_path / "raw", "2024-03-22-harbour-dredging-plan-approved").startswith(b'<html lang="en">')
    assert original_html(tmp_path / "raw", "2024-03-20-ferry-fares-to-rise-in-april") is None  # a text record has no HTML


def test_a_csv_export_with_multi_line_text(tmp_path):
    export = WEB / "export.csv"
    out = tmp_path / "articles"
    result = add(str(export), "--to", str(out))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{export}:2: added {out / '2024-04-02-tram-line-reaches-the-station.md'} (Tram line reaches the station)",
        f"{export}:5: refused: no text or html: nothing to add",
        f"{export}:6: added {out / '2024-04-05-bus-drivers-vote-to-strike.md'} (Bus drivers vote to strike)",
        "added 2, skipped 0 (already there), refused 1",
    ]
    tram = read_article(out / "2024-04-02-tram-line-reaches-the-station.md")
    assert (tram.title, tram.published, tram.publisher, tram.author, tram.url, tram.language) == (
        "Tram line reaches the station", "2024-04-02", "Valley Post", "Lee Wong", "https://valley-post.example/2024/tram-line", "en")
    assert tram.text == ("The new tram line reached the central station on Tuesday, a year later than planned, the city's transport office said.\n\n"
                         "Trams will run every ten minutes from May, it added.\n")


# --- the command ---

def test_add_help_shows_every_source_kind():
    result = CliRunner().invoke(cli, ["add", "--help"])
    assert result.exit_code == 0
    for example in ("loader add saved/", "loader add https://", "feed.xml", "export.jsonl", "--published"):
        assert example in result.output


def test_loader_add_url_then_build_puts_the_article_and_its_facts_in_the_archive(tmp_path):
    data = tmp_path / "data" / "articles"
    db = tmp_path / "archive.db"
    with WebServer() as site:
        result = add(f"{site.base}/news/news-site", "--to", str(data), *FAST)
    assert result.exit_code == 0, result.output
    built = CliRunner().invoke(cli, ["build", str(db), str(data), "--workers", "1", "--quiet"])
    assert built.exit_code == 0, built.output
    conn = sqlite3.connect(db)
    row = conn.execute("select id, title, publisher, published, url, language, author, canonical_url, retrieved_at, annotation from articles").fetchone()
    assert row[:8] == ("2024-03-14-dock-workers-end-nine-day-strike", "Dock workers end nine-day strike", "Harbour Times", "2024-03-14",
                       f"{site.base}/news/news-site", "en", "Jane Doe",
                       "https://harbour-times.example/news/2024/03/dock-workers-end-strike")
    assert row[8] and row[9] == "automatic"
    assert "Maria Lopez" in {r[0] for r in conn.execute("select name from people")}
    spoken = conn.execute(
        "select sources.name, statements.cue from statements join statement_sources on statement_sources.statement_id = statements.id "
        "join sources on sources.id = statement_sources.source_id").fetchall()
    assert ("Maria Lopez", "said") in spoken


def test_a_page_in_a_legacy_charset_reads_right(tmp_path):
    out = tmp_path / "articles"
    with WebServer() as site:
        result = add(f"{site.base}/latin1", "--to", str(out), *FAST)
    assert result.exit_code == 0, result.output
    article = read_article(out / "2024-06-03-cafe-owners-protest-new-terrace-fees.md")
    assert article.title == "Café owners protest new terrace fees"
    assert "according to José Martín, who runs a café" in article.text
    # the raw file keeps the bytes as served
    assert original_html(tmp_path / "raw", article.id) == (WEB / "latin1.html").read_bytes()


def test_a_feed_that_expands_entities_without_bound_is_refused(tmp_path):
    feed = tmp_path / "laughs.xml"
    entities = "".join(f'<!ENTITY {c} "{("&" + p + ";") * 20}">' for p, c in zip("abcde", "bcdef"))
    feed.write_text(f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "{"a" * 80}">{entities}]>'
                    '<rss version="2.0"><channel><item><title>&f;</title><link>http://127.0.0.1:9/x</link></item></channel></rss>')
    result = add(str(feed), "--to", str(tmp_path / "a"))
    assert result.exit_code == 1
    assert "refused: not a feed that parses" in result.output and "amplification" in result.output


def test_feeds_and_exports_report_progress(tmp_path):
    from loader.add import Adder, AddOptions

    bars: list[tuple[int, str, list[int]]] = []

    class Bar:
        def __init__(self, length, label):
            self.updates: list[int] = []
            bars.append((length, label, self.updates))

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return None

        def update(self, n):
            self.updates.append(n)

    Adder(AddOptions(to=tmp_path / "a"), progress=Bar).add([str(WEB / "export.csv")])
    # 6 lines; the bar moves to each record's first line (2, 5, 6) and so reaches the end
    assert bars == [(6, str(WEB / "export.csv"), [2, 3, 1])]


def test_a_bad_language_code_is_refused_by_the_option(tmp_path):
    result = add(str(WEB / "news-site.html"), "--language", "french please", "--to", str(tmp_path))
    assert result.exit_code == 2 and "is not a language code" in result.output


def test_a_server_that_trickles_its_answer_is_cut_off(tmp_path):
    with WebServer() as site:
        result = add(f"{site.base}/trickle", "--to", str(tmp_path / "a"), "--timeout", "0.3", "--delay", "0", "--retries", "0")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == f"{site.base}/trickle: refused: the answer took longer than 0.9 s"


def test_a_file_that_cannot_be_written_is_refused_and_the_rest_added(tmp_path):
    out = tmp_path / "articles"
    blocker = out / "2024-03-14-dock-workers-end-nine-day-strike.md"
    blocker.mkdir(parents=True)  # a folder where the article would go
    result = add(str(WEB / "news-site.html"), str(WEB / "opengraph-only.html"), "--to", str(out))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{WEB / 'news-site.html'}: refused: cannot write {out / '2024-03-14-dock-workers-end-nine-day-strike.md'} (File exists)",
        f"{WEB / 'opengraph-only.html'}: added {out / '2024-07-09-heatwave-closes-schools-across-the-region.md'} (Heatwave closes schools across the region)",
        "added 1, skipped 0 (already there), refused 1",
    ]
    assert articles_in(out) == ["2024-07-09-heatwave-closes-schools-across-the-region.md"]
    # the refused page's HTML was cut off the archive again
    assert list(archived(tmp_path / "raw").values()) == [["2024-07-09-heatwave-closes-schools-across-the-region.html"]]


def test_a_date_in_the_url_is_the_page_date(tmp_path):
    out = tmp_path / "articles"
    with WebServer() as site:
        result = add(f"{site.base}/2023/05/17/library-reopens", "--to", str(out), *FAST)
    assert result.exit_code == 0, result.output
    assert front_matter(out / "2023-05-17-library-reopens-after-roof-repairs.md")["published"] == dt.date(2023, 5, 17)


def test_the_sites_crawl_delay_is_kept_when_longer_than_ours():
    waits: list[float] = []
    with WebServer() as site:
        site.robots = b"User-agent: *\nCrawl-delay: 3\nDisallow: /private/\n"
        fetcher = Fetcher(FetchOptions(delay=0.1, retries=0, timeout=2), sleep=waits.append)
        fetcher.get(f"{site.base}/news/news-site")
        fetcher.get(f"{site.base}/news/jsonld-only")
    assert site.paths() == ["/robots.txt", "/news/news-site", "/news/jsonld-only"]
    assert len(waits) == 2 and all(2.9 < w <= 3 for w in waits)  # before each page, after robots.txt and the first page


def test_a_publication_date_build_would_refuse_is_refused_here(tmp_path):
    export = tmp_path / "typo.jsonl"
    export.write_text(json.dumps({"title": "Port reopens", "published": "2100-03-20", "url": "https://x.example/port",
                                  "text": "The port reopened on Monday after a week of repairs, its operator said."}) + "\n")
    result = add(str(export), "--to", str(tmp_path / "a"))
    assert result.exit_code == 1
    assert f"{export}:1: refused: publication date 2100-03-20 is after " in result.output, result.output
    assert "a typo?" in result.output and articles_in(tmp_path / "a") == []


@pytest.mark.parametrize("unnamed", [True, False], ids=["O_TMPFILE", "temporary name"])
def test_a_write_that_fails_half_way_leaves_no_part_of_a_file(tmp_path, monkeypatch, unnamed):
    import errno

    import loader.add

    monkeypatch.setattr(loader.add, "_UNNAMED", unnamed and loader.add._UNNAMED)
    real_write, calls = os.write, []

    def write_then_fill_the_disk(fd, data):  # the first page's article file half written, then ENOSPC
        calls.append(len(data))
        if len(calls) == 1:
            return real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", write_then_fill_the_disk)
    out = tmp_path / "articles"
    result = add(str(WEB / "news-site.html"), "--to", str(out))
    assert result.exit_code == 1
    assert "refused: cannot write" in result.output and "No space left on device" in result.output
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == []


def test_a_page_whose_write_failed_is_no_duplicate_for_the_next(tmp_path):
    pages = tmp_path / "saved"
    pages.mkdir()
    for name in ("a.html", "b.html"):  # the same page twice: the second would be a duplicate of an added first
        shutil.copy(WEB / "news-site.html", pages / name)
    out = tmp_path / "articles"
    (out / "2024-03-14-dock-workers-end-nine-day-strike.md").mkdir(parents=True)
    result = add(str(pages), "--to", str(out))
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith(str(pages))]
    assert [line.split(": ", 1)[0] for line in lines] == [str(pages / "a.html"), str(pages / "b.html")]
    assert all("refused: cannot write" in line for line in lines), lines
    assert articles_in(out) == []


# --- the front matter, written without the YAML dumper when it can be ---

_TRICKY = list(" \t\n\r:#-?,[]{}&*!|>'\"%@`.~=<+_0123456789eEyYnNoOtTfFxX:T") + ["\x85", "\xa0", "\u2028", "\ufeff", "é", "’", "—", "\U0001f600", "\x7f"]
_VALUES = st.one_of(
    st.text(alphabet=st.sampled_from(_TRICKY), max_size=12),
    st.text(max_size=12),
    st.from_regex(r"\A(\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d)?Z?)?|[+-]?\d+(\.\d*)?(e[+-]?\d+)?|\d+:\d\d|0x[0-9a-f]+|yes|No|ON|null|~)\Z"),
    st.builds(lambda a, sep, b: a + sep + b, st.text(max_size=6), st.sampled_from([": ", " #", "#", ":", " - ", "? ", "...", "---"]), st.text(max_size=6)),
)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.sampled_from(["title", "publisher", "author", "url", "retrieved_at"]), _VALUES, min_size=1))
def test_the_front_matter_is_what_the_yaml_dumper_writes(fields):
    from loader.add import _DUMP, format_front_matter

    meta = {"published": dt.date(2024, 3, 14), **fields}
    written = format_front_matter(meta)
    assert written == yaml.dump(meta, **_DUMP)
    assert yaml.safe_load(written) == meta


def test_common_front_matter_values_are_written_without_the_dumper(monkeypatch):
    import loader.add

    def no_dumper(*args, **kwargs):
        raise AssertionError("the dumper was called")

    meta = {"title": "Port reopens after a week, its operator says", "published": dt.date(2024, 3, 14), "publisher": "Harbour Times",
            "author": "Jane O'Neil", "url": "https://harbour.example/news?id=7#top", "language": "en", "retrieved_at": "2024-03-15T08:00:00Z"}
    expected = yaml.dump(meta, **loader.add._DUMP)
    monkeypatch.setattr(loader.add.yaml, "dump", no_dumper)
    assert loader.add.format_front_matter(meta) == expected
    assert "retrieved_at: '2024-03-15T08:00:00Z'\n" in expected  # read back as a string, so quoted
    with pytest.raises(AssertionError, match="dumper was called"):  # a title YAML would misread goes through it
        loader.add.format_front_matter({**meta, "title": "Analysis: the port"})


def test_a_saved_page_is_read_in_one_buffer_of_its_size(tmp_path, monkeypatch):
    from loader.articles import read_limited

    real_read, asked = os.read, []

    def read(fd, n):
        asked.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(os, "read", read)
    for size in (0, 33_000, 3_000_000):
        page = tmp_path / f"{size}.html"
        page.write_bytes(os.urandom(size))
        asked.clear()
        assert read_limited(page, 5_000_000, "page") == page.read_bytes()
        # its size and a byte more (to see a file that grew), then one byte to find the end
        assert asked == ([size + 1, 1] if size else [1])


def test_each_run_keeps_its_pages_in_its_own_archive_and_the_newest_is_read_back(tmp_path):
    out, raw = tmp_path / "articles", tmp_path / "raw"
    page = tmp_path / "page.html"
    page.write_bytes((WEB / "news-site.html").read_bytes())
    assert add(str(page), "--to", str(out)).exit_code == 0
    article = out / "2024-03-14-dock-workers-end-nine-day-strike.md"
    article.unlink()  # deleted by hand, then the page saved again with a change and added again
    page.write_bytes(page.read_bytes().replace(b"</body>", b"<!-- saved again --></body>"))
    assert add(str(page), "--to", str(out)).exit_code == 0
    assert [members for members in archived(raw).values()] == [[f"{article.stem}.html"]] * 2
    assert original_html(raw, article.stem) == page.read_bytes()
    # a page kept as its own file (as before the archives) is still found
    (raw / "2023-01-01-older.html").write_bytes(b"<html>older</html>")
    assert original_html(raw, "2023-01-01-older") == b"<html>older</html>" and original_html(raw, "2023-01-01-none") is None
    # and the archive is a plain tar file
    if shutil.which("tar"):
        import subprocess

        listed = subprocess.run(["tar", "-tf", str(sorted(raw.glob("*.tar"))[0])], capture_output=True, text=True, check=True)
        assert listed.stdout == f"{article.stem}.html\n" and listed.stderr == ""


def test_an_archive_cut_short_by_a_kill_still_gives_its_whole_pages(tmp_path):
    out, raw = tmp_path / "articles", tmp_path / "raw"
    assert add(str(WEB / "news-site.html"), str(WEB / "jsonld-only.html"), "--to", str(out)).exit_code == 0
    archive, = raw.glob("*.tar")
    first, second = tarfile.open(archive).getmembers()
    with open(archive, "r+b") as handle:  # as a kill in the middle of writing the second page would leave it
        handle.truncate(second.offset_data + 100)
    with pytest.raises(tarfile.ReadError):
        tarfile.open(archive).getnames()
    assert original_html(raw, first.name.removesuffix(".html")) == (WEB / "news-site.html").read_bytes()
    assert original_html(raw, second.name.removesuffix(".html")) is None
    with open(archive, "r+b") as handle:
        handle.truncate(100)  # the first page cut short
    assert original_html(raw, first.name.removesuffix(".html")) is None
