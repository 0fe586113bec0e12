"""The one module that writes to SQLite. Extraction never touches the database;
saving never parses text."""

from __future__ import annotations

import sqlite3
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
