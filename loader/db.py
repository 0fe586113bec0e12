"""The one module that writes to SQLite. Extraction never touches the database;
saving never parses text.

An archive is written two ways, with the same rows either way:

* a clean build fills a new, empty file (:func:`begin_bulk` / :func:`end_bulk`: indexes
  and FTS built once at the end);
* an update changes an existing archive in place, in one transaction (WAL mode, so
  readers keep the old state until it commits): the rows of changed and removed
  articles go, those of changed and added articles come, and the shared entity rows
  they touch are merged again (:class:`Writer`).

Shared rows (one real-world entity, one row across the archive) are merged from what
each article says about them, kept in ``build_entity_rows``: the earliest article
(by publication date, then id) gives each field, later ones fill fields it left empty.
That rule does not depend on the order files were read in, so an update and a clean
build agree.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable
from pathlib import Path

import sqlite_utils

from . import aggregates

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema.sql"
# Rows of these tables are shared between articles (one real-world entity, one row).
SHARED = ("locations", "organisations", "people", "aliases", "sources")
_PRIMARY_KEYS = {"aliases": ("entity_type", "entity_id", "alias"), "statement_sources": ("statement_id", "source_id")}
# Bookkeeping of builds, not archive content (hidden in metadata.yml).
BOOKKEEPING = ("build_info", "build_articles", "build_entity_rows")
# Counts kept ahead for the pages (loader/aggregates.py); derived, never an article's rows.
AGGREGATES = ("build_facet_counts", "build_row_counts", "build_speaker_counts", "build_timeline",
              "build_entity_articles", "build_entity_counts", "build_source_statements",
              "build_entity_statements")
_TIMELINE_COLUMNS = "id, day, what, label, precision, date_text, article_id, start"
_ENTITY_ARTICLES_COLUMNS = "entity_type, entity_id, article_id, published, mentions"
_ENTITY_COUNTS_COLUMNS = "entity_type, entity_id, articles, mentions, statements_about"
_SOURCE_STATEMENTS_COLUMNS = "source_id, published, article_id, start, statement_id"
_ENTITY_STATEMENTS_COLUMNS = "entity_type, entity_id, published, article_id, start, statement_id, made"
FLUSH_ARTICLES = 32  # rows of this many articles go to SQLite in one insert per table
# How the Writer's bulk rows reach SQLite: a prepared executemany (the default), or
# sqlite-utils' insert_all in list mode, in statements of INSERT_ALL_BATCH rows at most
# (fewer when 999 parameters come first); bench.writer measures both.
BULK_WAYS = ("executemany", "insert_all")
INSERT_ALL_BATCH = 100


def key_columns(table: str) -> tuple[str, ...]:
    return _PRIMARY_KEYS.get(table, ("id",))


def schema_sql() -> str:
    return SCHEMA_PATH.read_text(encoding="utf-8")


def connect(path: str | Path) -> sqlite3.Connection:
    """A connection in autocommit mode: transactions are explicit (``BEGIN IMMEDIATE``)."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=30)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def create_schema(conn: sqlite3.Connection) -> None:
    """Create every table, index, view and FTS index from schema.sql (on an empty database)."""
    conn.executescript(schema_sql())


def use_wal(conn: sqlite3.Connection) -> None:
    """WAL: readers see the last committed state while an update writes, and a crash
    leaves the last committed state (SQLite's atomic commit)."""
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode != "wal":
        raise sqlite3.OperationalError(f"cannot switch the archive to WAL mode (still {mode})")
    conn.execute("PRAGMA synchronous = FULL")


def _insert_sql(table: str, columns: list[str]) -> str:
    quoted = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    sql = f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})'
    if table in SHARED:
        keys = key_columns(table)
        updates = ", ".join(f'"{c}" = coalesce("{table}"."{c}", excluded."{c}")' for c in columns if c not in keys)
        conflict = ", ".join(f'"{k}"' for k in keys)
        sql += f" ON CONFLICT ({conflict}) DO " + (f"UPDATE SET {updates}" if updates else "NOTHING")
    return sql


def save_rows(conn: sqlite3.Connection, rows: dict[str, list[dict]]) -> None:
    """Insert one article's rows with plain sqlite3, shared rows merged in the order
    articles come (bench.synth's loader)."""
    for table, table_rows in rows.items():
        if not table_rows:
            continue
        columns = list(table_rows[0])
        conn.executemany(_insert_sql(table, columns), [tuple(row[c] for c in columns) for row in table_rows])


def merge(rows: Iterable[dict]) -> dict:
    """One shared row from what several articles (or one article, twice) say, in order:
    the first value of each field that is not null."""
    merged: dict = {}
    for row in rows:
        for column, value in row.items():
            if merged.get(column) is None:
                merged[column] = value
    return merged


def _entity_key(table: str, row: dict) -> str:
    return json.dumps([row[k] for k in key_columns(table)], ensure_ascii=False)


def _article_scope(database: sqlite_utils.Database, table: str) -> str:
    """The WHERE clause selecting ``table``'s rows of one article (parameter: its id)."""
    if table == "articles":
        return "id = ?"
    if "article_id" in database[table].columns_dict:
        return "article_id = ?"
    for fk in database[table].foreign_keys:
        if fk.other_table not in SHARED and "article_id" in database[fk.other_table].columns_dict:
            return f'"{fk.column}" IN (SELECT id FROM "{fk.other_table}" WHERE article_id = ?)'
    raise RuntimeError(f"table {table} has no way to its article: give it article_id or a foreign key to a table that has one")


class Writer:
    """Writes articles' rows into an archive inside one transaction.

    ``add`` streams an article's rows (buffered, then inserted with one prepared
    ``executemany`` per table on sqlite-utils' connection: its ``insert_all`` reached
    0.6-0.75 of that speed whatever the batch size, its cost being per value, see
    docs/benchmarks.md); sqlite-utils serves the schema introspection, the upserts of
    merged shared rows in updates and ``build_info``;
    ``remove`` deletes an article's rows; ``finish`` merges the shared rows touched
    (all of them for a clean build) and records the inputs, still in the transaction.
    The caller commits."""

    def __init__(self, conn: sqlite3.Connection, clean: bool, bulk: str = "executemany") -> None:
        if bulk not in BULK_WAYS:
            raise ValueError(f"bulk must be one of {BULK_WAYS}, not {bulk!r}")
        self.conn, self.clean = conn, clean
        self.db = sqlite_utils.Database(conn)
        self.bulk = bulk  # "insert_all": bulk rows through sqlite-utils (measured by bench.writer)
        self.pending: dict[str, list[tuple]] = {}
        self.columns: dict[str, tuple[str, ...]] = {}
        self.buffered = 0
        self.touched: set[tuple[str, str]] = set()
        self.added: set[str] = set()  # articles whose rows an update adds to the aggregates in finish
        self.dirty = False  # anything added or removed
        self.tables = [t for (t,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%\\_fts%' ESCAPE '\\' "
            "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")]
        # Shared rows are merged after the rows that use them, so foreign keys are checked
        # at COMMIT in an update. A clean build turns them off (begin_bulk: with the
        # indexes dropped, each deferred check scans whole tables) and runs
        # PRAGMA foreign_key_check at the end instead.
        conn.execute("PRAGMA defer_foreign_keys = ON")

    def _queue(self, table: str, row: dict) -> None:
        columns = tuple(row)
        if self.columns.get(table) != columns:
            if self.pending.get(table):  # rows go in the order they came: the others first
                self.flush()
            self.columns[table] = columns
        self.pending.setdefault(table, []).append(tuple(row.values()))

    def _insert(self, table: str, columns: tuple[str, ...] | list[str], rows: list) -> None:
        if self.bulk == "executemany":
            # one prepared statement per table, run for every row, on sqlite-utils' connection
            quoted = ", ".join(f'"{c}"' for c in columns)
            self.db.conn.executemany(f'INSERT INTO "{table}" ({quoted}) VALUES ({", ".join("?" * len(columns))})', rows)
        else:
            self.db.table(table).insert_all([columns] + rows, batch_size=INSERT_ALL_BATCH)

    def flush(self) -> None:
        for table, rows in self.pending.items():
            if rows:
                self._insert(table, self.columns[table], rows)
        self.pending = {}
        self.buffered = 0

    def add(self, rows: dict[str, list[dict]], input_row: dict) -> None:
        """One article's rows; ``input_row`` is its build_articles row (article_id,
        source_file, input_key)."""
        self.dirty = True
        article = rows["articles"][0]
        self.added.add(article["id"])
        rank = {"published": article["published"], "article_id": article["id"]}
        for table, table_rows in rows.items():
            if not table_rows:
                continue
            if table not in SHARED:
                for row in table_rows:
                    self._queue(table, row)
                continue
            said: dict[str, list[dict]] = {}
            for row in table_rows:
                said.setdefault(_entity_key(table, row), []).append(row)
            for key, versions in said.items():
                self._queue("build_entity_rows", {"table_name": table, "entity_key": key, **rank,
                                                  "row": json.dumps(merge(versions), ensure_ascii=False)})
                if not self.clean:  # a clean build merges every shared row anyway
                    self.touched.add((table, key))
        self._queue("build_articles", input_row)
        self.buffered += 1
        if self.buffered >= FLUSH_ARTICLES:
            self.flush()

    def remove(self, article_id: str) -> None:
        """Delete one article's rows (children first), and what it said about shared rows."""
        self.flush()
        self.dirty = True
        if article_id in self.added:  # its rows here are this build's, not yet counted
            self.added.discard(article_id)
        elif not self.clean:  # while its rows (and the sources they name) are still there
            count_articles(self.conn, [article_id], -1)
        for table, key in self.conn.execute(
                "SELECT table_name, entity_key FROM build_entity_rows WHERE article_id = ?", (article_id,)):
            self.touched.add((table, key))
        self.conn.execute("DELETE FROM build_entity_rows WHERE article_id = ?", (article_id,))
        self.conn.execute("DELETE FROM build_articles WHERE article_id = ?", (article_id,))
        for table in reversed(self._article_tables()):
            self.conn.execute(f'DELETE FROM "{table}" WHERE {self._scope(table)}', (article_id,))

    def _article_tables(self) -> list[str]:
        """Article-scoped tables, parents before children."""
        if not hasattr(self, "_ordered"):
            order = ["articles"]
            from .annotations import TABLES  # the tables an article's rows go to

            rest = [t for t in self.tables if t in TABLES and t not in SHARED and t != "articles"]
            while rest:  # a table comes after every table it references
                ready = [t for t in rest if not ({fk.other_table for fk in self.db[t].foreign_keys}
                                                 - set(order) - set(SHARED) - {t})]
                if not ready:
                    raise RuntimeError(f"foreign keys form a cycle among {rest}")
                order += ready
                rest = [t for t in rest if t not in ready]
            self._ordered = order
            self._scopes = {t: _article_scope(self.db, t) for t in order}
        return self._ordered

    def _scope(self, table: str) -> str:
        self._article_tables()
        return self._scopes[table]

    def finish(self, info: dict[str, str]) -> None:
        """Merge the shared rows touched (every one in a clean build) and record ``info``
        (the fingerprint of the code that built the archive)."""
        self.flush()
        if self.clean:
            self._merge_all()
        else:
            for table in SHARED:
                keys = sorted(key for t, key in self.touched if t == table)
                for key in keys:
                    self._merge_one(table, key)
            count_articles(self.conn, self.added, +1)  # after the merge: the view joins sources
            recount_shared(self.conn)
        self.db.table("build_info").upsert_all([{"key": k, "value": v} for k, v in info.items()], pk="key")

    def _merge_all(self) -> None:
        for table in SHARED:
            merged, current, versions = [], None, []
            for key, row in self.conn.execute(
                    "SELECT entity_key, row FROM build_entity_rows WHERE table_name = ? "
                    "ORDER BY entity_key, published, article_id", (table,)):
                if key != current and versions:
                    merged.append(merge(versions))
                    versions = []
                current = key
                versions.append(json.loads(row))
            if versions:
                merged.append(merge(versions))
            if merged:
                columns = list(merged[0])
                self._insert(table, columns, [[row.get(c) for c in columns] for row in merged])

    def _merge_one(self, table: str, key: str) -> None:
        keys = key_columns(table)
        values = json.loads(key)
        where = " AND ".join(f'"{k}" = ?' for k in keys)
        versions = [json.loads(row) for (row,) in self.conn.execute(
            "SELECT row FROM build_entity_rows WHERE table_name = ? AND entity_key = ? ORDER BY published, article_id",
            (table, key))]
        if not versions:
            self.conn.execute(f'DELETE FROM "{table}" WHERE {where}', values)
            return
        row = merge(versions)
        self.db.table(table).upsert(row, pk=keys[0] if len(keys) == 1 else keys)


def refresh_aggregates(conn: sqlite3.Connection) -> None:
    """Every aggregate (loader/aggregates.py) counted again over the whole archive."""
    conn.execute("DELETE FROM build_facet_counts")
    conn.execute("INSERT INTO build_facet_counts (table_name, column_name, value, count) " + aggregates.facet_counts_sql(False))
    conn.execute("DELETE FROM build_row_counts")
    conn.execute("INSERT INTO build_row_counts (table_name, rows) " + aggregates.row_counts_sql(False))
    conn.execute("DELETE FROM build_speaker_counts")
    conn.execute("INSERT INTO build_speaker_counts (source_id, statements) " + aggregates.speaker_counts_sql(False))
    conn.execute("DELETE FROM build_timeline")
    conn.execute(f"INSERT INTO build_timeline ({_TIMELINE_COLUMNS}) " + aggregates.timeline_sql(False))
    conn.execute("DELETE FROM build_entity_articles")
    conn.execute(f"INSERT INTO build_entity_articles ({_ENTITY_ARTICLES_COLUMNS}) " + aggregates.entity_articles_sql(False))
    conn.execute("DELETE FROM build_entity_counts")
    conn.execute(f"INSERT INTO build_entity_counts ({_ENTITY_COUNTS_COLUMNS}) " + aggregates.entity_counts_sql(False))
    conn.execute("DELETE FROM build_source_statements")
    conn.execute(f"INSERT INTO build_source_statements ({_SOURCE_STATEMENTS_COLUMNS}) " + aggregates.source_statements_sql(False))
    conn.execute("DELETE FROM build_entity_statements")
    conn.execute(f"INSERT INTO build_entity_statements ({_ENTITY_STATEMENTS_COLUMNS}) " + aggregates.entity_statements_sql(False))


def recount_shared(conn: sqlite3.Connection) -> None:
    """The row counts of the shared tables, counted again (an update merges and drops their rows)."""
    marks = ", ".join("?" for _ in aggregates.SHARED_COUNTED)
    conn.execute(f"DELETE FROM build_row_counts WHERE table_name IN ({marks})", aggregates.SHARED_COUNTED)
    conn.execute("INSERT INTO build_row_counts (table_name, rows) " + aggregates.shared_counts_sql())


def count_articles(conn: sqlite3.Connection, article_ids: Iterable[str], sign: int) -> None:
    """Add (``sign`` +1) or subtract (-1) the rows of these articles to the aggregates
    (their timeline rows written or deleted); a count that reaches 0 goes, as a clean
    build would not have it."""
    ids = json.dumps(sorted(article_ids), ensure_ascii=False)
    if ids == "[]":
        return
    # WHERE true: SQLite's grammar needs a WHERE before ON CONFLICT in INSERT ... SELECT
    conn.execute(
        "INSERT INTO build_facet_counts (table_name, column_name, value, count) "
        f"SELECT table_name, column_name, value, {int(sign)} * count FROM ({aggregates.facet_counts_sql(True)}) WHERE true "
        "ON CONFLICT (table_name, column_name, value) DO UPDATE SET count = build_facet_counts.count + excluded.count",
        {"articles": ids})
    conn.execute(
        "INSERT INTO build_row_counts (table_name, rows) "
        f"SELECT table_name, {int(sign)} * rows FROM ({aggregates.row_counts_sql(True)}) WHERE true "
        "ON CONFLICT (table_name) DO UPDATE SET rows = build_row_counts.rows + excluded.rows",
        {"articles": ids})
    conn.execute(
        "INSERT INTO build_speaker_counts (source_id, statements) "
        f"SELECT source_id, {int(sign)} * statements FROM ({aggregates.speaker_counts_sql(True)}) WHERE true "
        "ON CONFLICT (source_id) DO UPDATE SET statements = build_speaker_counts.statements + excluded.statements",
        {"articles": ids})
    conn.execute("DELETE FROM build_facet_counts WHERE count = 0")
    conn.execute("DELETE FROM build_row_counts WHERE rows = 0")
    conn.execute(
        f"INSERT INTO build_entity_counts ({_ENTITY_COUNTS_COLUMNS}) "
        f"SELECT entity_type, entity_id, {int(sign)} * articles, {int(sign)} * mentions, {int(sign)} * statements_about "
        f"FROM ({aggregates.entity_counts_sql(True)}) WHERE true "
        "ON CONFLICT (entity_type, entity_id) DO UPDATE SET articles = build_entity_counts.articles + excluded.articles, "
        "mentions = build_entity_counts.mentions + excluded.mentions, "
        "statements_about = build_entity_counts.statements_about + excluded.statements_about",
        {"articles": ids})
    conn.execute("DELETE FROM build_speaker_counts WHERE statements = 0")
    conn.execute("DELETE FROM build_entity_counts WHERE mentions = 0")
    if sign > 0:
        conn.execute(f"INSERT INTO build_timeline ({_TIMELINE_COLUMNS}) " + aggregates.timeline_sql(True), {"articles": ids})
        conn.execute(f"INSERT INTO build_entity_articles ({_ENTITY_ARTICLES_COLUMNS}) "
                     + aggregates.entity_articles_sql(True), {"articles": ids})
        conn.execute(f"INSERT INTO build_source_statements ({_SOURCE_STATEMENTS_COLUMNS}) "
                     + aggregates.source_statements_sql(True), {"articles": ids})
        conn.execute(f"INSERT INTO build_entity_statements ({_ENTITY_STATEMENTS_COLUMNS}) "
                     + aggregates.entity_statements_sql(True), {"articles": ids})
    else:
        conn.execute("DELETE FROM build_timeline WHERE article_id IN (SELECT value FROM json_each(?))", (ids,))
        conn.execute("DELETE FROM build_entity_articles WHERE article_id IN (SELECT value FROM json_each(?))", (ids,))
        conn.execute("DELETE FROM build_source_statements WHERE article_id IN (SELECT value FROM json_each(?))", (ids,))
        conn.execute("DELETE FROM build_entity_statements WHERE article_id IN (SELECT value FROM json_each(?))", (ids,))


def inputs(conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """What the archive was built from: article id -> (source file, input key)."""
    return {a: (s, k) for a, s, k in conn.execute("SELECT article_id, source_file, input_key FROM build_articles")}


def build_info(path: str | Path) -> dict[str, str]:
    """The archive's build_info (empty for a missing file or one without bookkeeping)."""
    if not Path(path).exists():
        return {}
    conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True, timeout=30)
    try:
        return dict(conn.execute("SELECT key, value FROM build_info"))
    except sqlite3.DatabaseError:
        return {}
    finally:
        conn.close()


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%_fts%' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names
            if name not in BOOKKEEPING + AGGREGATES}


# --- bulk loading: a fresh archive is filled faster with its indexes built at the end ---

def begin_bulk(conn: sqlite3.Connection) -> list[str]:
    """Drop secondary indexes and the FTS insert triggers of a new, empty archive; return
    their SQL (from schema.sql, as stored by SQLite) for :func:`end_bulk`. FTS5 in SQLite
    3.40 flushes at every row through a trigger, and indexes on hashed ids take random
    inserts: both cost more row by row than built once at the end."""
    conn.execute("PRAGMA foreign_keys = OFF")  # checked at the end with PRAGMA foreign_key_check
    saved = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND "
        "(type = 'index' OR (type = 'trigger' AND name LIKE '%\\_ai' ESCAPE '\\'))"
    ).fetchall()
    for kind, name, _ in saved:
        conn.execute(f'DROP {kind.upper()} "{name}"')
    return [sql for _, _, sql in saved]


def end_bulk(conn: sqlite3.Connection, saved: list[str]) -> None:
    """Rebuild the FTS indexes, recreate what :func:`begin_bulk` dropped, and gather
    statistics: without them SQLite guesses join orders, and the canned queries scan
    a million statement_sources rows first (seconds instead of milliseconds)."""
    for table in ("statements_fts", "articles_fts"):
        conn.execute(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")
    for sql in saved:
        conn.execute(sql)
    refresh_aggregates(conn)  # with the indexes back: each count reads one
    conn.execute("ANALYZE")
    violations = conn.execute("PRAGMA foreign_key_check").fetchall()
    if violations:
        # an IntegrityError, so that the CLI reports it in one line with the old archive kept
        raise sqlite3.IntegrityError(f"foreign key violations (table, rowid, parent): {violations[:5]}")


def optimize(conn: sqlite3.Connection) -> None:
    """After an update: statistics again only for tables whose size changed a lot, each
    read in a bounded sample (a full ANALYZE reads every index of the archive)."""
    conn.execute("PRAGMA analysis_limit = 1000")
    conn.execute("PRAGMA optimize(0x10002)")


# --- the extraction cache: resolved rows per article, keyed by content and code ---

def open_cache(path: str | Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=30)
    conn.execute("CREATE TABLE IF NOT EXISTS cache (key TEXT PRIMARY KEY, rows BLOB NOT NULL)")
    return conn


def cache_get(conn: sqlite3.Connection, key: str) -> dict | None:
    row = conn.execute("SELECT rows FROM cache WHERE key = ?", (key,)).fetchone()
    if not row:
        return None
    try:
        return json.loads(zlib.decompress(row[0]))
    except (zlib.error, ValueError, TypeError):  # a damaged entry is a miss: extracted again and replaced
        return None


def cache_put(conn: sqlite3.Connection, key: str, rows: dict) -> None:
    data = zlib.compress(json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    conn.execute("INSERT OR REPLACE INTO cache (key, rows) VALUES (?, ?)", (key, data))


def cache_prune(conn: sqlite3.Connection, keep: set[str]) -> None:
    """Forget entries no article of this build uses, so the cache does not grow forever."""
    stale = [k for (k,) in conn.execute("SELECT key FROM cache") if k not in keep]
    conn.executemany("DELETE FROM cache WHERE key = ?", [(k,) for k in stale])
