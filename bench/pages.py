"""Server time of the reading pages (home, article, entity pages, graph, timeline) on a
generated archive, in-process through Datasette's own client: median and p95 of N.

    python -m bench.pages bench/out/archive-1000-articles.db --requests 20
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import statistics
import sys
import time
from pathlib import Path

from loader.site import make_datasette

OUT = Path(__file__).resolve().parent / "out"


def pages(db: Path) -> dict[str, str]:
    """The pages to time, picking the busiest article, person, organisation and place."""
    conn = sqlite3.connect(db)

    def top(sql: str) -> str:
        return conn.execute(sql).fetchone()[0]

    article = top("select article_id from statements group by article_id order by count(*) desc limit 1")
    longest = top("select id from articles order by word_count desc, id limit 1")
    person = top("select person_id from sources where kind = 'person' and person_id is not null group by person_id "
                 "order by (select count(*) from statement_sources where source_id = sources.id) desc limit 1")
    organisation = top("select entity_id from mentions where entity_type = 'organisation' group by entity_id order by count(*) desc limit 1")
    place = top("select entity_id from mentions where entity_type = 'location' group by entity_id order by count(*) desc limit 1")
    # the statement about the most-mentioned person (the most "other statements on the same
    # subject" to look through), and the meeting with the most participants and claims
    statement = top("""select statements.id from mentions join statements on statements.article_id = mentions.article_id
        and statements.start <= mentions.start and mentions."end" <= statements."end"
        where mentions.entity_type = 'person' and mentions.entity_id = (select entity_id from mentions
          where entity_type = 'person' group by entity_id order by count(*) desc limit 1) limit 1""")
    meeting = top("select meeting_id from meeting_participants group by meeting_id order by count(*) desc limit 1")
    return {
        "home": "/",
        "article page": f"/archive/articles/{article}",
        "longest article page": f"/archive/articles/{longest}",
        "person page (most statements)": f"/archive/people/{person}",
        "organisation page (most mentions)": f"/archive/organisations/{organisation}",
        "place page (most mentions)": f"/archive/locations/{place}",
        "statement page (most-mentioned subject)": f"/archive/statements/{statement}",
        "meeting page (most participants)": f"/archive/meetings/{meeting}",
        "who-met-whom graph": "/archive/meeting_graph",
        "statements per speaker chart": "/archive/statements_per_speaker",
        "timeline chart": "/archive/timeline_chart",
        "search": "/archive/search?q=minister",
    }


async def measure(db: Path, requests: int) -> list[dict]:
    ds = make_datasette(db)
    await ds.invoke_startup()
    results = []
    for label, path in pages(db).items():
        times = []
        for _ in range(requests + 1):
            started = time.perf_counter()
            response = await ds.client.get(path)
            times.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise RuntimeError(f"{path}: HTTP {response.status_code}")
        times = sorted(times[1:])  # the first request warms caches
        results.append({"page": label, "path": path, "median_ms": round(statistics.median(times), 1),
                        "p95_ms": round(times[min(len(times) - 1, int(0.95 * len(times)))], 1)})
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pages", description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--out", type=Path, default=OUT / "pages.json")
    args = parser.parse_args(argv)
    db = args.db.resolve()  # any file name: plugins/archive_database.py serves it as "archive"
    results = asyncio.run(measure(db, args.requests))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    articles = sqlite3.connect(args.db).execute("select count(*) from articles").fetchone()[0]
    args.out.write_text(json.dumps({"articles": articles, "pages": results}, indent=2) + "\n")
    for row in results:
        print(f"{row['page']:40} {row['median_ms']:8.1f} ms  p95 {row['p95_ms']:8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
