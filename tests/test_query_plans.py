"""No canned query, facet or sorted table page reads a large table (statements,
statement_sources, mentions, sentences) by a full scan without an index: those are the
requests that become seconds on an archive of a million statements (bench/serving.py).

The plans are taken on a small synthetic archive (bench.synth) *without* ANALYZE,
because that is what ``loader build`` produces and Datasette serves: without
sqlite_stat1 SQLite's planner assumes every table has ~1M rows and uses the same
heuristics whatever the archive's size, so the plans here are the plans at 1M. (With
statistics from a 2,000-statement archive the plans could differ from those of a large
archive, which would make the test less faithful, not more.)

A few canned queries only get a good plan once ANALYZE has run (the planner then knows
attendance_claims is small, and that walking articles by date beats sorting the whole
join), and so do the facets of the statements_with_speakers view. They are strict
xfails below, so the test reports when that changes, and the same check runs again
after ANALYZE, where every query must pass.
"""

from __future__ import annotations

import re
import sqlite3

import pytest

from bench.synth import generate
from loader.site import load_metadata

LARGE = ("statements", "statement_sources", "mentions", "sentences")
_KEYWORDS = {"on", "join", "left", "inner", "cross", "where", "group", "order", "using", "natural", "limit", "union"}
# measured at 1M statements without ANALYZE (bench/serving.py): SCAN statement_sources, 1-4 s
NEED_ANALYZE = {
    "canned who_said_what": "scans statement_sources and sorts the whole join unless ANALYZE has run",
    "canned statements_by": "scans statement_sources and sorts the whole join unless ANALYZE has run",
    "canned attendance_claims": "scans statement_sources instead of the small attendance_claims unless ANALYZE has run",
}
# A facet over the view counts the whole statements x statement_sources join: after ANALYZE
# it reads it through covering indexes, but it reads all of it (no index can avoid that).
for _column in (load_metadata()["databases"]["archive"]["tables"].get("statements_with_speakers", {}).get("facets") or []):
    NEED_ANALYZE[f"facet statements_with_speakers.{_column}"] = (
        "scans statement_sources for the whole view unless ANALYZE has run; even then it reads every row")

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


@pytest.fixture(scope="module")
def analyzed(archive, tmp_path_factory):
    path = tmp_path_factory.mktemp("plans-analyzed") / "archive.db"
    source = sqlite3.connect(archive)
    target = sqlite3.connect(path)
    source.backup(target)
    target.execute("ANALYZE")
    target.commit()
    source.close()
    return target


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


@pytest.mark.parametrize("name", [
    pytest.param(name, marks=pytest.mark.xfail(reason=NEED_ANALYZE[name], strict=True)) if name in NEED_ANALYZE else name
    for name in CASES
])
def test_no_full_scan_of_a_large_table(archive, name):
    conn = sqlite3.connect(f"file:{archive}?mode=ro", uri=True)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone()[0] == 0
    assert full_scans(conn, CASES[name]) == [], CASES[name]


@pytest.mark.parametrize("name", list(CASES))
def test_no_full_scan_after_analyze(analyzed, name):
    assert full_scans(analyzed, CASES[name]) == [], CASES[name]


def test_the_checker_sees_a_full_scan(archive):
    conn = sqlite3.connect(f"file:{archive}?mode=ro", uri=True)
    assert full_scans(conn, "select * from statements order by text")
    assert full_scans(conn, "select * from mentions as m order by m.surface")
    assert not full_scans(conn, "select * from statements where id = 'x'")
