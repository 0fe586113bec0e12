"""Each allowed value is defined once (loader/vocabulary.py) and is exactly schema.sql's CHECK list."""

import re
import sqlite3

from loader import vocabulary
from loader.db import create_schema, schema_sql


def check_lists() -> dict[tuple[str, str], tuple[str, ...]]:
    """(table, column) -> the values of every ``column ... CHECK (column IN ('a', ...))`` in schema.sql."""
    found = {}
    for table, body in re.findall(r"CREATE TABLE (\w+) \((.*?)\n\);", schema_sql(), re.S):
        for column, values in re.findall(r"CHECK \((\w+) IN \(([^)]*)\)\)", body):
            strings = re.findall(r"'([^']*)'", values)
            if strings:  # since IN (0, 1) is a flag, not a vocabulary
                found[(table, column)] = tuple(strings)
    return found


def test_every_check_list_is_the_vocabulary_s():
    lists = check_lists()
    assert len(lists) >= 15  # the parse found them
    assert lists == vocabulary.CHECKED


def test_the_check_lists_are_enforced_by_sqlite():
    conn = sqlite3.connect(":memory:")
    create_schema(conn)
    conn.execute("insert into articles (id, published, text, source_file, text_offset, sha256, word_count, annotation) "
                 "values ('a', '2024-01-01', 't', 'f', 0, 'x', 1, 'curated')")
    bad = "not-a-" + vocabulary.ORIGINS[0]
    try:
        conn.execute("insert into articles (id, published, text, source_file, text_offset, sha256, word_count, annotation) "
                     "values ('b', '2024-01-01', 't', 'f', 0, 'y', 1, ?)", (bad,))
    except sqlite3.IntegrityError:
        pass
    else:
        raise AssertionError("the CHECK list did not reject a value outside the vocabulary")


def test_kinds_and_tables_agree():
    tables = re.findall(r"CREATE TABLE (\w+)", schema_sql())
    # every table of an article's rows, and besides them only the build's bookkeeping and aggregates
    assert set(vocabulary.TABLES) <= set(tables)
    assert all(t.startswith("build_") for t in set(tables) - set(vocabulary.TABLES))
    for kind in vocabulary.NAMED_KINDS:
        assert vocabulary.TABLE_OF_KIND[kind] == vocabulary.SECTION_OF_KIND[kind] in tables
    assert vocabulary.TABLE_OF_KIND["anonymous"] == "sources"
    assert set(vocabulary.ID_COLUMN_OF_KIND) == set(vocabulary.PARTICIPANT_KINDS)
