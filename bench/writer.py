"""The archive writer's bulk rows through sqlite-utils' ``insert_all`` beside plain
sqlite3 ``executemany`` (loader.db.Writer with ``raw=False`` / ``raw=True``): the writer
must keep at least 0.9 of raw speed, so it uses sqlite-utils only where that holds.

    python -m bench.writer --articles 500 --runs 3

Rows are bench.synth's articles; each run fills a new file the way a clean build does
(bulk mode, one transaction, shared rows merged at the end). Timed: the writer's
calls from the first article to the merge, not generating the rows.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from loader import db

from . import synth

OUT = Path(__file__).resolve().parent / "out"


def write(path: Path, articles: list[dict], raw: bool) -> float:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    conn = db.connect(path)
    db.create_schema(conn)
    saved = db.begin_bulk(conn)
    conn.execute("BEGIN IMMEDIATE")
    writer = db.Writer(conn, clean=True, raw=raw)
    started = time.perf_counter()
    for rows in articles:
        article_id = rows["articles"][0]["id"]
        writer.add(rows, {"article_id": article_id, "source_file": article_id + ".txt", "input_key": article_id})
    writer.finish({"fingerprint": "bench"})
    seconds = time.perf_counter() - started
    db.end_bulk(conn, saved)
    conn.execute("COMMIT")
    conn.close()
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.writer", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=OUT / "writer.json")
    args = parser.parse_args(argv)
    articles = [rows for rows, _ in synth._articles(args.articles * 25, args.articles, seed=5)]
    total_rows = sum(len(r) for rows in articles for r in rows.values())
    raw, utils = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.runs):  # alternated, so both see the same machine load
            raw.append(write(Path(tmp) / "raw.db", articles, raw=True))
            utils.append(write(Path(tmp) / "utils.db", articles, raw=False))
            print(f"raw sqlite3 {raw[-1]:.2f} s, sqlite-utils {utils[-1]:.2f} s", file=sys.stderr)
    med = statistics.median
    result = {"articles": args.articles, "rows": total_rows, "runs": args.runs,
              "raw_seconds": raw, "sqlite_utils_seconds": utils,
              "summary": {"raw_rows_per_second": round(total_rows / med(raw)),
                          "sqlite_utils_rows_per_second": round(total_rows / med(utils)),
                          "sqlite_utils_to_raw_speed": round(med(raw) / med(utils), 3)}}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result["summary"], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
