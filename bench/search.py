"""The search canned query's time against the size of q: one common word, then the same
word repeated 100 and 1,000 times (a 6 KB URL), on an archive file, in bare sqlite3
with the query exactly as metadata.yml has it.

    python -m bench.search ARCHIVE.db [--word would]
"""

from __future__ import annotations

import argparse
import statistics
import sqlite3
import sys
import time
import urllib.parse

from loader.search import register
from loader.site import load_metadata


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search", description=__doc__.split("\n\n")[0])
    parser.add_argument("db")
    parser.add_argument("--word", default="would")
    args = parser.parse_args(argv)
    conn = sqlite3.connect(f"file:{urllib.parse.quote(args.db)}?immutable=1", uri=True)
    register(conn)
    sql = load_metadata()["databases"]["archive"]["queries"]["search"]["sql"]
    print("| q | median ms of 5 | rows |\n|---|---|---|")
    for repeat in (1, 100, 1000):
        q = " ".join([args.word] * repeat)
        times, rows = [], 0
        for _ in range(5):
            started = time.perf_counter()
            rows = len(conn.execute(sql, {"q": q}).fetchall())
            times.append((time.perf_counter() - started) * 1000)
        print(f"| `{args.word}` × {repeat:,} | {statistics.median(times):.1f} | {rows} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
