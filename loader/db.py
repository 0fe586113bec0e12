"""The one module that writes to SQLite. Extraction never touches the database;
saving never parses text."""

from __future__ import annotations

import json
import sqlite3
import zlib
from pathlib import Path

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema.sql"
# Rows of these tables are shared between articles (one real-world entity, one row):
# the first article that names them creates them, later ones fill empty fields.
SHARED = {"people", "organisations", "locations", "aliases", "sources"}
_PRIMARY_KEYS = {"aliases": ("entity_type", "entity_id", "alias"), "statement_sources": ("statement_id", "source_id")}


def schema_sql() -> str:
    return SCHEMA_PATH.read_text(encoding="utf-8")


def connect(path: str | Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def create_schema(conn: sqlite3.Connection) -> None:
    """Create every table, index, view and FTS index from schema.sql (on an empty database)."""
    conn.executescript(schema_sql())


def _insert_sql(table: str, columns: list[str]) -> str:
    quoted = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    sql = f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})'
    if table in SHARED:
        keys = _PRIMARY_KEYS.get(table, ("id",))
        updates = ", ".join(f'"{c}" = coalesce("{table}"."{c}", excluded."{c}")' for c in columns if c not in keys)
        conflict = ", ".join(f'"{k}"' for k in keys)
        sql += f" ON CONFLICT ({conflict}) DO " + (f"UPDATE SET {updates}" if updates else "NOTHING")
    return sql


def save_rows(conn: sqlite3.Connection, rows: dict[str, list[dict]]) -> None:
    """Insert one article's rows (tables in foreign-key order, as produced by the resolver)."""
    for table, table_rows in rows.items():
        if not table_rows:
            continue
        columns = list(table_rows[0])
        conn.executemany(_insert_sql(table, columns), [tuple(row[c] for c in columns) for row in table_rows])


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%_fts%' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


# --- bulk loading: a fresh archive is filled faster with its indexes built at the end ---

def begin_bulk(conn: sqlite3.Connection) -> list[str]:
    """Drop secondary indexes and the FTS insert triggers of a new, empty archive; return
    their SQL (from schema.sql, as stored by SQLite) for :func:`end_bulk`. FTS5 in SQLite
    3.40 flushes at every row through a trigger, and indexes on hashed ids take random
    inserts: both cost more row by row than built once at the end."""
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
    conn.execute("ANALYZE")


# --- the extraction cache: resolved rows per article, keyed by content and code ---

def open_cache(path: str | Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=30)
    conn.execute("CREATE TABLE IF NOT EXISTS cache (key TEXT PRIMARY KEY, rows BLOB NOT NULL)")
    return conn


def cache_get(conn: sqlite3.Connection, key: str) -> dict | None:
    row = conn.execute("SELECT rows FROM cache WHERE key = ?", (key,)).fetchone()
    return json.loads(zlib.decompress(row[0])) if row else None


def cache_put(conn: sqlite3.Connection, key: str, rows: dict) -> None:
    data = zlib.compress(json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    conn.execute("INSERT OR REPLACE INTO cache (key, rows) VALUES (?, ?)", (key, data))


def cache_prune(conn: sqlite3.Connection, keep: set[str]) -> None:
    """Forget entries no article of this build uses, so the cache does not grow forever."""
    stale = [k for (k,) in conn.execute("SELECT key FROM cache") if k not in keep]
    conn.executemany("DELETE FROM cache WHERE key = ?", [(k,) for k in stale])
