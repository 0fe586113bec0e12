"""SQLite's own limits on every Datasette connection (plugins/sqlite_limits.py) and the
bounded search (loader/search.py): single SQL calls that used to take seconds and
gigabytes fail at once; the search query's cost does not grow with q."""

from __future__ import annotations

import urllib.parse

import pytest
import pytest_asyncio
from datasette.app import Datasette

from loader.search import MAX_TERMS, search_match
from loader.site import PLUGINS, SETTINGS, TEMPLATES, load_metadata


async def sql(ds, query: str):
    response = await ds.client.get("/archive.json?_shape=objects&sql=" + urllib.parse.quote(query))
    return response.status_code, response.json()


@pytest.mark.parametrize("query, error", [
    ("select length(randomblob(1000000000))", "not authorized to use function: randomblob"),
    ("select length(zeroblob(150000000))", "not authorized to use function: zeroblob"),
    ("select hex(zeroblob(150000000))", "not authorized to use function: zeroblob"),
    ("select length(printf('%.*c', 500000000, 'x'))", "not authorized to use function: printf"),
    ("select length(format('%.*c', 500000000, 'x'))", "not authorized to use function: format"),
    ("select fts3_tokenizer('simple')", "not authorized to use function: fts3_tokenizer"),
    ("select load_extension('/tmp/x.so')", "not authorized to use function: load_extension"),
    # a value grown past 10 MB by nested replace() stops at once
    ("select length(replace(replace(replace(replace(replace(text, 'a', text), 'e', text), 'o', text), 'i', text), 'n', text))"
     " from articles limit 1", "string or blob too big"),
    ("select 1 where 'x' like '" + "%a" * 400 + "'", "LIKE or GLOB pattern too complex"),
    ("select " + "+".join(["1"] * 300), "Expression tree is too large (maximum depth 200)"),
])
@pytest.mark.asyncio
async def test_single_calls_that_would_exhaust_the_server_fail_at_once(ds, query, error):
    status, body = await sql(ds, query)
    assert status == 400 and body["ok"] is False
    assert error in body["error"]


@pytest.mark.asyncio
async def test_sql_text_over_20_kb_is_refused(ds):
    status, body = await sql(ds, "select '" + "x" * 25_000 + "'")
    assert status == 400 and body["error"] == "query string is too large"


@pytest.mark.asyncio
async def test_the_database_path_is_not_shown(ds, seed_db):
    status, body = await sql(ds, "select * from pragma_database_list")
    assert status == 200
    assert body["rows"] == [{"seq": 0, "name": "main", "file": None}]
    assert str(seed_db) not in str(body)


@pytest.mark.asyncio
async def test_datasette_itself_still_works_under_the_limits(ds):
    for path in ["/", "/archive", "/archive/statements?_facet=cue", "/archive/statements.json?_search=tested",
                 "/archive/statements_with_speakers?_size=5", "/archive/who_said_what.json"]:
        assert (await ds.client.get(path)).status_code == 200, path


@pytest_asyncio.fixture
async def small_budget(seed_db):
    metadata = load_metadata()
    metadata.setdefault("plugins", {})["news-archive-limits"] = {"max_result_bytes": 100_000}
    ds = Datasette([str(seed_db)], metadata=metadata, plugins_dir=str(PLUGINS), template_dir=str(TEMPLATES), settings=SETTINGS)
    await ds.invoke_startup()
    return ds


@pytest.mark.asyncio
async def test_a_result_over_its_byte_budget_stops_before_filling_memory(small_budget):
    # every sentence beside every other: about 300 KB in 1,000 rows (max_returned_rows)
    status, body = await sql(small_budget, "select a.text, b.text from sentences a, sentences b")
    assert status == 400 and body["error"] == "the result is over 0.1 MB: ask for fewer rows (_size=) or columns"
    status, body = await sql(small_budget, "select id from sentences limit 20")
    assert status == 200 and len(body["rows"]) == 20


def test_search_match_keeps_a_few_distinct_words():
    assert search_match("would " * 1000) == '"would"'
    assert search_match('tested" OR NEAR(x) -serious') == '"tested" "or" "near" "x" "serious"'
    assert search_match("  ") == "" and search_match(None) == ""
    many = " ".join(f"w{n}" for n in range(1000))
    assert search_match(many) == " ".join(f'"w{n}"' for n in range(MAX_TERMS))
    assert search_match("x" * 100) == '"' + "x" * 40 + '"'
    assert search_match("x" * 10_000) == ""  # cut at 500 characters, in the middle of its only word


@pytest.mark.asyncio
async def test_search_with_a_word_repeated_1000_times_is_the_search_for_the_word(ds):
    one = (await ds.client.get("/archive/search.json?_shape=array&q=the")).json()
    assert one, "the seed has hits for 'the'"
    response = await ds.client.get("/archive/search.json?_shape=array&q=" + "+".join(["the"] * 1000))
    assert response.status_code == 200
    assert response.json() == one
    # the FTS query SQLite actually runs for that q: one phrase
    conn_value = (await ds.get_database("archive").execute("select search_match(?)", ["the " * 1000])).first()[0]
    assert conn_value == '"the"'


@pytest.mark.asyncio
async def test_a_full_page_labels_its_foreign_keys_under_the_variable_limit(tmp_path):
    """Datasette labels a page's foreign keys with one bound variable per distinct value:
    a page of up to max_returned_rows rows from as many articles still answers."""
    from bench.synth import generate
    from loader.site import make_datasette

    generate(tmp_path / "archive.db", 1500, 300, seed=2)
    ds = make_datasette(tmp_path / "archive.db")
    data = (await ds.client.get("/archive/statements.json?_size=1000&_labels=on&_shape=objects")).json()
    articles = {row["article_id"]["value"] for row in data["rows"]}
    assert len(data["rows"]) == 1000 and len(articles) > 100
    assert all(row["article_id"]["label"] for row in data["rows"])
    for path in ("/archive/statements?_size=1000", "/archive/statements"):
        assert (await ds.client.get(path)).status_code == 200, path
