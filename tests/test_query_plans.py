"""No canned query, facet or sorted table page reads a large table (statements,
statement_sources, mentions, sentences) by a full scan without an index: those are the
requests that become seconds on an archive of a million statements (bench/serving.py).

The plans are taken on a small synthetic archive (bench.synth) as built, with the
statistics ANALYZE gathers at the end of every build (loader.db.end_bulk): without
them SQLite's planner scanned statement_sources first for who_said_what,
statements_by and attendance_claims (1-4 s at 1M statements); a test below keeps
that reason visible by checking that the statistics are there.
"""

from __future__ import annotations

import re
import sqlite3

import pytest

from bench.synth import generate
from loader.search import register as register_search
from loader.site import load_metadata

LARGE = ("statements", "statement_sources", "mentions", "sentences")
_KEYWORDS = {"on", "join", "left", "inner", "cross", "where", "group", "order", "using", "natural", "limit", "union"}
METADATA = load_metadata()["databases"]["archive"]
PARAMS = {"name": "a", "q": "ceasefire"}


def _cases() -> dict[str, str]:
    cases = {f"canned {name}": query["sql"] for name, query in METADATA.get("queries", {}).items()}
    for table, config in METADATA["tables"].items():
        for column in config.get("facets", []) or []:
            # Datasette 0.65's facet SQL (datasette/facets.py) over the unfiltered table
            cases[f"facet {table}.{column}"] = (
                f'select "{column}" as value, count(*) as count from (select * from "{table}" ) '
                f'where "{column}" is not null group by "{column}" order by count desc, value limit 31')
        if table in LARGE and (config.get("sort") or config.get("sort_desc")):
            sort = config.get("sort") or config["sort_desc"]
            direction = "" if config.get("sort") else " desc"
            cases[f"table page {table}"] = f'select * from "{table}" order by "{sort}"{direction} limit 51'
            # the next page (?_next=): Datasette adds the primary key
            cases[f"table next page {table}"] = (
                f'select * from "{table}" where ("{sort}" > :p0 or ("{sort}" = :p0 and "id" > :p1)) '
                f'order by "{sort}"{direction}, "id" limit 51')
    return cases


CASES = _cases()


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("plans") / "archive.db"
    generate(path, 2000, 40, seed=3)
    return path


def _aliases(sql: str) -> dict[str, str]:
    """Names a large table goes by in the plan (its own, and any alias)."""
    names = {t: t for t in LARGE}
    for table, alias in re.findall(r"\b(" + "|".join(LARGE) + r")\s+(?:as\s+)?(\w+)", sql, flags=re.I):
        if alias.lower() not in _KEYWORDS:
            names[alias] = table
    return names


def full_scans(conn: sqlite3.Connection, sql: str) -> list[str]:
    """Plan lines that scan a large table without any index."""
    names = _aliases(sql)
    plan = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, {**PARAMS, "p0": 0, "p1": ""})]
    bad = []
    for line in plan:
        found = re.match(r"SCAN (\w+)", line)
        if found and found.group(1) in names and "INDEX" not in line:
            bad.append(f"{line} (table {names[found.group(1)]})")
    return bad


def test_there_is_something_to_check():
    assert any(name.startswith("canned ") for name in CASES)
    assert "facet statements.cue" in CASES and "table page statements" in CASES


def test_the_archive_has_planner_statistics(archive):
    conn = sqlite3.connect(f"file:{archive}?mode=ro", uri=True)
    assert conn.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'statement_sources'").fetchone()[0] > 0


@pytest.mark.parametrize("name", list(CASES))
def test_no_full_scan_of_a_large_table(archive, name):
    conn = sqlite3.connect(f"file:{archive}?mode=ro", uri=True)
    register_search(conn)  # the search canned query's search_match(), as the plugin registers it
    assert full_scans(conn, CASES[name]) == [], CASES[name]


def test_the_checker_sees_a_full_scan(archive):
    conn = sqlite3.connect(f"file:{archive}?mode=ro", uri=True)
    assert full_scans(conn, "select * from statements order by text")
    assert full_scans(conn, "select * from mentions as m order by m.surface")
    assert not full_scans(conn, "select * from statements where id = 'x'")
