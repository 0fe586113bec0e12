"""The archive writer beside plain sqlite3 doing the same work: the writer must keep at
least 0.9 of raw speed.

    python -m bench.writer --articles 1000 --runs 3

Rows are bench.synth's articles; each run fills a new file the way a clean build does
(bulk mode, one transaction, shared rows merged at the end). Three ways, alternated in
each run so all see the same load on a shared machine:

* ``writer``: ``loader.db.Writer`` as ``loader build`` uses it;
* ``raw``: the same work written here with nothing but sqlite3 (every table's rows, what
  each article says about each shared row, the merged shared rows, the bookkeeping), so
  the files must come out identical, and they are compared after the first run;
* ``insert_all``: the writer with its bulk rows through sqlite-utils' ``insert_all``
  (``Writer(bulk="insert_all")``), to show what that costs.

Timed: from the first article to the merge (wall clock and the process's CPU time), not
generating the rows, nor the schema or the indexes built at the end, which are the same
SQL for all three.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from loader import db

from . import synth

OUT = Path(__file__).resolve().parent / "out"
TARGET = 0.9
WAYS = ("writer", "raw", "insert_all")


def _fresh(path: Path) -> sqlite3.Connection:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    conn = db.connect(path)
    db.create_schema(conn)
    return conn


def _input_row(article_id: str) -> dict:
    return {"article_id": article_id, "source_file": article_id + ".txt", "input_key": article_id}


def with_writer(path: Path, articles: list[dict], bulk: str) -> tuple[float, float]:
    conn = _fresh(path)
    saved = db.begin_bulk(conn)
    conn.execute("BEGIN IMMEDIATE")
    started, cpu = time.perf_counter(), time.process_time()
    writer = db.Writer(conn, clean=True, bulk=bulk)
    for rows in articles:
        writer.add(rows, _input_row(rows["articles"][0]["id"]))
    writer.finish({"fingerprint": "bench"})
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    db.end_bulk(conn, saved)
    conn.execute("COMMIT")
    conn.close()
    return seconds, cpu_seconds


def raw(path: Path, articles: list[dict]) -> tuple[float, float]:
    """The writer's work with sqlite3 alone: rows buffered per table and inserted with one
    prepared ``executemany`` per table every FLUSH_ARTICLES articles; shared rows merged
    from what each article says, earliest article first."""
    conn = _fresh(path)
    saved = db.begin_bulk(conn)
    conn.execute("BEGIN IMMEDIATE")
    started, cpu = time.perf_counter(), time.process_time()
    buffers: dict[str, list[tuple]] = {}
    current: dict[str, tuple[str, ...]] = {}  # each table's columns in its buffer

    def flush() -> None:
        for table, values in buffers.items():
            names = ", ".join(f'"{c}"' for c in current[table])
            conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(current[table]))})', values)
        buffers.clear()

    def put(table: str, row: dict) -> None:
        columns = tuple(row)
        if current.get(table) != columns:
            if buffers.get(table):
                flush()
            current[table] = columns
        buffers.setdefault(table, []).append(tuple(row.values()))

    for n, rows in enumerate(articles, 1):
        article = rows["articles"][0]
        for table, table_rows in rows.items():
            if table not in db.SHARED:
                for row in table_rows:
                    put(table, row)
                continue
            said: dict[str, list[dict]] = {}
            for row in table_rows:
                said.setdefault(json.dumps([row[k] for k in db.key_columns(table)], ensure_ascii=False), []).append(row)
            for key, versions in said.items():
                put("build_entity_rows", {"table_name": table, "entity_key": key, "published": article["published"],
                                          "article_id": article["id"], "row": json.dumps(db.merge(versions), ensure_ascii=False)})
        put("build_articles", _input_row(article["id"]))
        if n % db.FLUSH_ARTICLES == 0:
            flush()
    flush()
    for table in db.SHARED:
        current_key, versions = None, []
        for key, row in conn.execute("SELECT entity_key, row FROM build_entity_rows WHERE table_name = ? "
                                     "ORDER BY entity_key, published, article_id", (table,)).fetchall():
            if key != current_key and versions:
                put(table, db.merge(versions))
                versions = []
            current_key = key
            versions.append(json.loads(row))
        if versions:
            put(table, db.merge(versions))
        flush()
    conn.execute("INSERT INTO build_info (key, value) VALUES (?, ?)", ("fingerprint", "bench"))
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    db.end_bulk(conn, saved)
    conn.execute("COMMIT")
    conn.close()
    return seconds, cpu_seconds


def contents(path: Path) -> dict[str, list]:
    """Every table's rows, sorted: two files with the same contents compare equal."""
    conn = sqlite3.connect(path)
    tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                          "AND name NOT LIKE '%\\_fts\\_%' ESCAPE '\\' ORDER BY name")]
    found = {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    conn.close()
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.writer", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=OUT / "writer.json")
    args = parser.parse_args(argv)
    articles = [rows for rows, _ in synth._articles(args.articles * 25, args.articles, seed=5)]
    total_rows = sum(len(r) for rows in articles for r in rows.values())
    wall: dict[str, list[float]] = {w: [] for w in WAYS}
    cpu: dict[str, list[float]] = {w: [] for w in WAYS}
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            order = WAYS[run % len(WAYS):] + WAYS[:run % len(WAYS)]  # each way first in turn
            for way in order:
                path = Path(tmp) / f"{way}.db"
                seconds, cpu_seconds = raw(path, articles) if way == "raw" else with_writer(path, articles, bulk="executemany" if way == "writer" else way)
                wall[way].append(round(seconds, 3))
                cpu[way].append(round(cpu_seconds, 3))
            if run == 0:  # the same work: the same rows in every table
                expected = contents(Path(tmp) / "raw.db")
                for way in ("writer", "insert_all"):
                    if contents(Path(tmp) / f"{way}.db") != expected:
                        raise SystemExit(f"bench.writer: {way} wrote other rows than raw sqlite3")
            print(f"run {run + 1}: " + ", ".join(f"{w} {wall[w][-1]:.2f} s (CPU {cpu[w][-1]:.2f})" for w in WAYS), file=sys.stderr)
    med = statistics.median
    result = {"articles": args.articles, "rows": total_rows, "runs": args.runs, "wall_seconds": wall, "cpu_seconds": cpu,
              "same_rows": True, "flush_articles": db.FLUSH_ARTICLES,
              "summary": {"rows_per_second": {w: round(total_rows / med(wall[w])) for w in WAYS},
                          "writer_to_raw_speed": round(med(wall["raw"]) / med(wall["writer"]), 3),
                          "writer_to_raw_cpu": round(med(cpu["raw"]) / med(cpu["writer"]), 3),
                          "insert_all_to_raw_speed": round(med(wall["raw"]) / med(wall["insert_all"]), 3),
                          "insert_all_to_raw_cpu": round(med(cpu["raw"]) / med(cpu["insert_all"]), 3),
                          "target": TARGET}}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result["summary"], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
