"""The reading pages, second round, in-process on real archives (tests/test_reading_browser.py
shows the same pages in Chromium): any file name serves as the archive, statement and
meeting pages, quotation marks for direct speech only, sources joined as a list,
requests for comment, the links from other tables, timeline decades, short labels."""

from __future__ import annotations

import re
import shutil
import sqlite3
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
import pytest_asyncio
from click.testing import CliRunner

from loader.cli import build_command, cli
from loader.publish import publish
from loader.site import make_datasette

from .conftest import ROOT, SEED_ID

TRIPLE = "st-90700c29844c"  # "his participation": three sources in the seed's curated annotation
TALKS = "mt-a59e0bc2ea42"  # the Tehran talks, Massoud's attendance disputed


def _content(html: str) -> str:
    return html[html.index('<section class="content">'):html.index('<footer class="ft">')]


def _text(html: str) -> str:
    """The words of some HTML: inline elements vanish, block ones separate words."""
    html = re.sub(r"</?(a|span|small|q|mark|strong|b|em)\b[^>]*>", "", html)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


async def _serve(path):
    ds = make_datasette(path)
    await ds.invoke_startup()
    return ds


# --- 1. any file name is the archive ------------------------------------------------------

@pytest.mark.asyncio
async def test_any_file_name_serves_as_the_archive(seed_db, tmp_path):
    other = tmp_path / "other.db"
    shutil.copy(seed_db, other)
    ds = await _serve(other)
    assert list(n for n in ds.databases if n != "_internal") == ["archive"]
    article = await ds.client.get(f"/archive/articles/{SEED_ID}")
    assert article.status_code == 200 and '<div class="reading-text">' in article.text
    person = await ds.client.get("/archive/people/ahmad-massoud")
    assert person.status_code == 200 and '<div class="entity entity-person">' in person.text
    assert (await ds.client.get("/archive/who_said_what.json?_shape=array")).json()


@pytest.mark.asyncio
async def test_the_build_help_example_is_served(tmp_path, monkeypatch):
    """`loader build --help`'s own example (an automatic build into auto.db), then its pages."""
    example = next(line.split() for line in build_command.help.splitlines() if "--no-annotations" in line)
    assert example[:3] == ["loader", "build", "--no-annotations"] and example[3] == "auto.db", example
    monkeypatch.chdir(ROOT)
    db = tmp_path / "auto.db"
    result = CliRunner().invoke(cli, ["build", "--no-annotations", str(db), *example[4:], "-q", "--workers", "1"])
    assert result.exit_code == 0, result.output
    ds = await _serve(db)
    conn = sqlite3.connect(db)
    person = conn.execute("select person_id from sources where person_id is not null limit 1").fetchone()[0]
    statement = conn.execute("select id from statements limit 1").fetchone()[0]
    for path, marker in [("/", 'class="counts"'), (f"/archive/articles/{SEED_ID}", 'class="reading-text"'),
                         (f"/archive/people/{person}", 'class="entity entity-person"'),
                         (f"/archive/statements/{statement}", 'class="fact fact-statement"'),
                         ("/archive/meeting_graph", 'id="meeting-graph"'), ("/archive/timeline_chart", 'class="chart')]:
        response = await ds.client.get(path)
        assert response.status_code == 200 and marker in response.text, path


def test_publish_any_file_name_as_archive_db(seed_db, tmp_path):
    other = tmp_path / "other.db"
    shutil.copy(seed_db, other)
    out = publish(other, tmp_path / "site")
    assert (out / "archive.db").exists() and not (out / "other.db").exists()
    served = (out / "run.sh").read_text() + "".join(f.read_text() for f in out.glob("*.py"))
    assert "archive.db" in served and "other.db" not in served
    assert sqlite3.connect(out / "archive.db").execute("select count(*) from statements").fetchone()[0] > 0


# --- 4 and 5. quotation marks, lists of sources -------------------------------------------

@pytest.mark.asyncio
async def test_only_direct_speech_is_quoted_on_entity_pages(ds, seed_conn):
    html = _content((await ds.client.get("/archive/people/ahmad-massoud")).text)
    claims = re.findall(r'<li class="claim".*?</li>', html, flags=re.S)
    assert claims
    for claim in claims:
        statement_id = re.search(r'href="/archive/statements/(st-[0-9a-f]+)"', claim).group(1)
        mode = seed_conn.execute("select mode from statements where id = ?", [statement_id]).fetchone()[0]
        quoted = "<q " in claim or "“" in _text(claim)
        assert quoted == (mode == "direct"), (mode, _text(claim))
    hesam = next(c for c in claims if "Habibullah Hesam" in c)
    assert 'class="said said-indirect"' in hesam and "“" not in hesam
    nazari = _content((await ds.client.get("/archive/people/ali-nazari")).text)
    assert re.search(r'<q class="said said-direct" data-mode="direct">We tested them', nazari)


@pytest.mark.asyncio
async def test_statements_by_and_search_quote_direct_speech_only(ds):
    html = _content((await ds.client.get("/archive/statements_by?name=Nazari")).text)
    assert '<q class="said said-direct">We tested them' in html
    indirect = [r for r in (await ds.client.get("/archive/statements_by.json?_shape=array&name=Nazari")).json()
                if r["mode"] == "indirect"]
    assert indirect
    for row in indirect:
        assert f'<q class="said said-direct">{row["text"]}' not in unescape(html)
    search = _content((await ds.client.get("/archive/search?q=Massoud+was+there")).text)
    hit = re.search(r'<li class="hit hit-statement" data-statement-id="st-1d63b6f28893">(.*?)</li>', search, flags=re.S).group(1)
    assert '<a href="/archive/people/habibullah-hesam">Habibullah Hesam</a>' in hit
    assert "denied · indirect" in hit and "<q" not in hit
    assert 'href="/archive/statements/st-1d63b6f28893"' in hit
    direct = _content((await ds.client.get("/archive/search?q=tested+serious")).text)
    assert re.search(r'data-statement-id="st-3250157be55a">.*?<a href="/archive/people/ali-nazari">Ali Nazari</a>.*?<q class="said said-direct">',
                     direct, flags=re.S)


@pytest.mark.asyncio
async def test_several_sources_read_as_a_list(ds, seed_conn):
    names = [r[0] for r in seed_conn.execute(
        "select sources.name from statement_sources join sources on sources.id = source_id "
        "where statement_id = ? order by sources.name", [TRIPLE])]
    assert len(names) == 3
    joined = f"{names[0]}, {names[1]} and {names[2]}"
    article = (await ds.client.get(f"/archive/articles/{SEED_ID}")).text
    assert f'data-speakers="{joined}"' in article
    for path in ["/archive/people/ahmad-massoud", f"/archive/statements/{TRIPLE}", f"/archive/meetings/{TALKS}"]:
        assert joined in _text(_content((await ds.client.get(path)).text)), path


# --- 6. requests for comment -----------------------------------------------------------------

@pytest.mark.asyncio
async def test_entity_pages_list_requests_for_comment(ds, seed_conn):
    rows = seed_conn.execute(
        "select comment_requests.*, sentences.text as sentence from comment_requests "
        "join sentences on sentences.id = sentence_id where person_id is not null or organisation_id is not null").fetchall()
    assert len(rows) >= 4
    for row in rows:
        table, key = ("people", row["person_id"]) if row["person_id"] else ("organisations", row["organisation_id"])
        html = _content((await ds.client.get(f"/archive/{table}/{key}")).text)
        section = re.search(r'<section class="section-comment">(.*?)</section>', html, flags=re.S)
        assert section, key
        assert row["response"].capitalize() in section.group(1)
        assert _text(row["sentence"]) in _text(section.group(1))
        assert f'#{row["sentence_id"]}' in section.group(1)
        evidence = seed_conn.execute("select substr(text, ? + 1, ? - ?) from articles where id = ?",
                                     [row["start"], row["end"], row["start"], row["article_id"]]).fetchone()[0]
        assert f'<mark class="evidence-span">{evidence}' in unescape(section.group(1))


# --- 7. statement and meeting pages ------------------------------------------------------------

@pytest.mark.asyncio
async def test_statement_page(ds, seed_conn):
    st = seed_conn.execute("select * from statements where id = 'st-1d63b6f28893'").fetchone()
    html = _content((await ds.client.get(f"/archive/statements/{st['id']}")).text)
    text = _text(html)
    assert 'class="fact fact-statement"' in html
    assert '<a href="/archive/people/habibullah-hesam">Habibullah Hesam</a>' in html
    assert "Cue denied" in text and "Mode indirect" in text and "Channel not said" in text
    # the passage: the sentence in its paragraph, the statement's span highlighted, the cue marked
    passage = re.search(r'<section class="fact-passage">(.*?)</section>', html, flags=re.S).group(1)
    sentence = seed_conn.execute("select text from sentences where id = ?", [st["sentence_id"]]).fetchone()[0]
    assert _text(sentence) in _text(passage)
    span = re.search(r'<span class="statement statement-indirect focus" id="st-1d63b6f28893">(.*?)</span>', passage).group(1)
    assert _text(span) == st["text"]
    assert '<span class="cue">denied</span>' in passage
    assert f'href="/archive/articles/{SEED_ID}#{st["sentence_id"]}"' in passage
    # the claim it makes, and the others about the same meeting and person
    claim = re.search(r'<li class="claim-made" data-stance="denies">(.*?)</ul>', html, flags=re.S).group(1)
    assert f'href="/archive/meetings/{TALKS}"' in claim and "was not" in claim
    assert "Ismail Khan" in claim and "says the opposite" in claim
    # other statements on the same subject (Massoud): each really mentions him
    others = re.findall(r'<li class="other-statement" data-statement-id="(st-[0-9a-f]+)"', html)
    assert others and st["id"] not in others
    for other in others:
        assert seed_conn.execute(
            "select count(*) from mentions join statements on statements.id = ? and mentions.article_id = statements.article_id "
            "and mentions.start >= statements.start and mentions.\"end\" <= statements.\"end\" "
            "where mentions.entity_id = 'ahmad-massoud'", [other]).fetchone()[0]
    # every id links to its row
    fields = re.search(r'<table class="fields-table">(.*?)</table>', html, flags=re.S).group(1)
    for column, table in [("article_id", "articles"), ("sentence_id", "sentences")]:
        assert f'<a href="/archive/{table}/{st[column]}">' in fields, column


@pytest.mark.asyncio
async def test_meeting_page(ds, seed_conn):
    meeting = seed_conn.execute("select * from meetings where id = ?", [TALKS]).fetchone()
    html = _content((await ds.client.get(f"/archive/meetings/{TALKS}")).text)
    text = _text(html)
    assert meeting["name"] in text and "Status held" in text and meeting["outcome"] in text
    assert '<a class="mention mention-location" href="/archive/locations/tehran">Tehran</a>' in html
    participants = seed_conn.execute("select * from meeting_participants where meeting_id = ?", [TALKS]).fetchall()
    rows = re.findall(r'<tr class="participant" data-attendance="(\w+)">(.*?)</tr>', html, flags=re.S)
    assert len(rows) == len(participants) == 9
    for p in participants:
        row = next(r for a, r in rows if f">{p['participant']}</a>" in r)
        assert p["role"] in row and p["attendance"] in row
    massoud = re.search(r'<div class="claims-about" data-participant="Ahmad Massoud">(.*?)</div>\s*</div>\s*</div>', html, flags=re.S).group(1)
    confirms, denies = massoud.split('<div class="denies">')
    for name in ["Amin Karim", "Ismail Khan"]:
        assert name in confirms and name not in denies
    for name in ["Habibullah Hesam", "Ali Nazari"]:
        assert name in denies
    sentence = seed_conn.execute("select text from sentences where id = ?", [meeting["sentence_id"]]).fetchone()[0]
    passage = re.search(r'<section class="fact-passage">(.*?)</section>', html, flags=re.S).group(1)
    assert _text(sentence) in _text(passage) and '<mark class="evidence-span">' in passage
    fields = re.search(r'<table class="fields-table">(.*?)</table>', html, flags=re.S).group(1)
    for column, table in [("article_id", "articles"), ("sentence_id", "sentences"), ("location_id", "locations")]:
        assert f'<a href="/archive/{table}/{meeting[column]}">' in fields, column


@pytest.mark.asyncio
async def test_other_row_pages_link_their_ids(ds, seed_conn):
    event = seed_conn.execute("select * from events where meeting_id is not null").fetchone()
    html = _content((await ds.client.get(f"/archive/events/{event['id']}")).text)
    for column, table in [("article_id", "articles"), ("sentence_id", "sentences"), ("meeting_id", "meetings")]:
        assert f'<a href="/archive/{table}/{event[column]}">' in html, column
    mention = seed_conn.execute("select * from mentions where entity_type = 'person'").fetchone()
    html = _content((await ds.client.get(f"/archive/mentions/{mention['id']}")).text)
    assert f'<a href="/archive/people/{mention["entity_id"]}">' in html


# --- 8. links from other tables reach a table a canned query shadows ---------------------------

@pytest.mark.asyncio
async def test_links_from_other_tables_reach_attendance_claims(ds, seed_conn):
    html = _content((await ds.client.get(f"/archive/meetings/{TALKS}")).text)
    link = unescape(re.search(r'<a href="([^"]+)" data-table="attendance_claims">(\d+) rows?</a>', html).group(1))
    count = int(re.search(r'data-table="attendance_claims">(\d+) rows?</a>', html).group(1))
    expected = seed_conn.execute("select id from attendance_claims where meeting_id = ? order by rowid", [TALKS]).fetchall()
    assert count == len(expected) > 0
    parts = urlsplit(link)
    assert parts.path == "/archive"  # not /archive/attendance_claims, which is the canned query
    rows = (await ds.client.get(f"/archive.json?{parts.query}&_shape=array")).json()
    assert [r["id"] for r in rows] == [r[0] for r in expected]
    assert {r["meeting_id"] for r in rows} == {TALKS}
    assert parse_qs(parts.query)["value"] == [TALKS]
    # a table no query shadows keeps Datasette's own filtered link
    assert f'href="/archive/meeting_participants?meeting_id={TALKS}"' in html


# --- 10 and 11. dates, labels -----------------------------------------------------------------

@pytest.mark.asyncio
async def test_a_decade_reads_as_a_decade(ds, seed_conn):
    decade = seed_conn.execute("select date from events where precision = 'decade'").fetchone()[0]
    assert len(decade) == 3
    rows = (await ds.client.get("/archive/timeline.json?_shape=array")).json()
    dated = [r["date"] for r in rows if r["precision"] == "decade"]
    assert dated == [f"{decade}0s"]
    assert all(r["expected"] == 0 for r in rows)  # the seed's events all precede its article


@pytest.mark.asyncio
async def test_events_after_the_article_are_expected(tmp_path):
    from loader.build import build

    db = tmp_path / "fixtures.db"
    build(db, [ROOT / "tests" / "fixtures" / "articles"])
    conn = sqlite3.connect(db)
    after = {r[0] for r in conn.execute(
        "select events.description from events join articles on articles.id = events.article_id "
        "where events.date > substr(articles.published, 1, length(events.date))")}
    assert after  # the fixtures have planned happenings ("by June 2025")
    ds = await _serve(db)
    rows = (await ds.client.get("/archive/timeline.json?_shape=array&_size=max")).json()
    assert {r["event"] for r in rows if r["expected"]} == after
    chart = (await ds.client.get("/archive/timeline_chart.json?_shape=array")).json()
    assert {r["label"] for r in chart if r["what"] == "event (planned or expected)"} <= after
    assert {r["what"] for r in chart if r["label"] in after} <= {"event (planned or expected)"} | {
        r["what"] for r in chart if r["what"].startswith("meeting")}


@pytest.mark.asyncio
async def test_a_sentence_id_is_not_labelled_with_its_whole_sentence(ds, seed_conn):
    html = _content((await ds.client.get("/archive/meetings")).text)
    sentences = [r[0] for r in seed_conn.execute(
        "select sentences.text from meetings join sentences on sentences.id = meetings.sentence_id")]
    for sentence in sentences:
        assert sentence not in unescape(html)
    for sentence_id, in seed_conn.execute("select sentence_id from meetings"):
        assert f'<a href="/archive/sentences/{sentence_id}">{sentence_id}</a>' in html


@pytest.mark.asyncio
async def test_statement_pages_and_search_escape_hostile_text(tmp_path):
    import textwrap

    from loader.build import build

    from .test_reading import HOSTILE_ANNOTATION, HOSTILE_ARTICLE, HOSTILE_ID

    (tmp_path / "articles").mkdir()
    (tmp_path / "annotations").mkdir()
    (tmp_path / "articles" / f"{HOSTILE_ID}.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (tmp_path / "annotations" / f"{HOSTILE_ID}.yml").write_text(textwrap.dedent(HOSTILE_ANNOTATION), encoding="utf-8")
    db = tmp_path / "hostile.db"
    build(db, [tmp_path / "articles"], annotations_dir=tmp_path / "annotations")
    ds = await _serve(db)
    ids = [r[0] for r in sqlite3.connect(db).execute("select id from statements")]
    assert len(ids) == 2
    for path in [*(f"/archive/statements/{i}" for i in ids), "/archive/search?q=talks", "/archive/search?q=javascript"]:
        response = await ds.client.get(path)
        assert response.status_code == 200, path
        content = _content(response.text)
        if "search" in path:  # Datasette's own SQL editor script follows the results
            content = re.search(r'<ol class="search-hits">.*?</ol>', content, flags=re.S).group(0)
        assert "<script" not in content and "<img" not in content and "<b>" not in content, path
        assert 'href="javascript:' not in content, path
    direct = _content((await ds.client.get(f"/archive/statements/{ids[0]}")).text)
    assert "The &lt;b&gt;talks&lt;/b&gt; went well" in direct


@pytest.mark.asyncio
async def test_links_from_a_shadowed_table_where_sql_is_off(seed_db):
    from datasette.app import Datasette

    from loader.site import PLUGINS, SETTINGS, TEMPLATES, load_metadata

    metadata = load_metadata()
    metadata["allow_sql"] = False
    ds = Datasette([str(seed_db)], metadata=metadata, plugins_dir=str(PLUGINS), template_dir=str(TEMPLATES), settings=SETTINGS)
    await ds.invoke_startup()
    html = _content((await ds.client.get(f"/archive/meetings/{TALKS}")).text)
    links = re.search(r'<details class="links-from">(.*?)</details>', html, flags=re.S).group(1)
    assert 'data-table="attendance_claims"' not in links and "?sql=" not in links
    assert "5 rows from meeting_id in attendance_claims" in _text(links)
    assert f'href="/archive/meeting_participants?meeting_id={TALKS}"' in links
