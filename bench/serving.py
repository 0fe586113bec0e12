"""Serving benchmark: latency of the archive's JSON API under a real read-only server,
beside the time bare sqlite3 takes for the same SQL.

    .venv/bin/python -m bench.serving bench/out/archive.db [--requests 25] [--out bench/out/serving.md]
        [--only TEXT ...]

``--only``: measure only the requests whose label or path contains one of the texts
(case-insensitive), e.g. ``--only graph chart "person page"``.

What it runs: ``datasette inspect`` on the archive, then ``datasette serve -i ARCHIVE
--inspect-file F`` as a subprocess with the settings, metadata, plugins and templates of
``loader serve`` (loader.site.datasette_command, the database opened immutable), and
requests over loopback with one keep-alive client, one request at a time. Every
request is made twice to warm up, then ``--requests`` times; the figures are the
median and the 95th percentile of those. The bare figure is the same SQL (taken from
the response's ``query`` where Datasette reports it) run through Python's sqlite3 on
the same file opened ``immutable=1``, the way Datasette opens it.

The file must be served as ``archive.db`` for metadata.yml to apply: the benchmark
serves a symlink of that name in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

from loader.site import datasette_command, load_metadata

TABLE_TARGET, QUERY_TARGET = 50, 200


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]


class Bare:
    """The same SQL through Python's sqlite3, on the file opened as Datasette opens it."""

    def __init__(self, path: Path):
        self.conn = sqlite3.connect(f"file:{urllib.parse.quote(str(path))}?mode=ro&immutable=1", uri=True,
                                    check_same_thread=False)
        from datasette.utils import escape_fts

        self.conn.create_function("escape_fts", 1, escape_fts)  # Datasette's, used by _search=
        from loader.search import register

        register(self.conn)  # search_match(), used by the search canned query

    def time(self, sql: str, params: dict | None, runs: int, fetch: int | None = None) -> tuple[float, int]:
        """Median ms over ``runs`` (after one warm-up) and the rows fetched; ``fetch`` caps
        rows as Datasette does (fetchmany(max_returned_rows + 1))."""
        times, n, i = [], 0, 0
        while len(times) < runs:
            t = time.perf_counter()
            cursor = self.conn.execute(sql, params or {})
            rows = cursor.fetchmany(fetch) if fetch else cursor.fetchall()
            elapsed = (time.perf_counter() - t) * 1000
            n = len(rows)
            if i:
                times.append(elapsed)
            elif elapsed > 500:
                runs = min(runs, 3)  # a query of seconds: 3 runs tell enough
            i += 1
        return statistics.median(times), n


class Server:
    """``datasette serve -i`` with an inspect file, as a subprocess."""

    def __init__(self, db: Path, workdir: Path):
        self.workdir = workdir
        self.link = workdir / "archive.db"
        self.link.symlink_to(db.resolve())
        self.inspect_file = workdir / "archive.inspect.json"
        self.port = _free_port()
        self.process: subprocess.Popen | None = None

    def inspect(self) -> float:
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "datasette", "inspect", str(self.link), "--inspect-file", str(self.inspect_file)],
                       check=True, capture_output=True)
        return time.perf_counter() - t

    def command(self) -> list[str]:
        command = datasette_command(self.link, "127.0.0.1", self.port)
        i = command.index(str(self.link))
        command[i : i + 1] = ["-i", str(self.link), "--inspect-file", str(self.inspect_file)]
        return command

    def start(self) -> float:
        """Start the server; seconds until /-/versions.json answers."""
        import httpx

        t = time.perf_counter()
        self.log = open(self.workdir / "server.log", "w")
        self.process = subprocess.Popen(self.command(), stdout=self.log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{self.port}/-/versions.json"
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"datasette exited: {(self.workdir / 'server.log').read_text()[-2000:]}")
            try:
                if httpx.get(url, timeout=1).status_code == 200:
                    return time.perf_counter() - t
            except httpx.HTTPError:
                pass
            if time.perf_counter() - t > 120:
                raise RuntimeError("datasette did not start within 120 s")
            time.sleep(0.01)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if getattr(self, "log", None):
            self.log.close()


def _pick_terms(bare: Bare, statements: int) -> tuple[tuple[str, int], tuple[str, int]]:
    """An FTS term with few hits (~0.1% of statements, at least 20) and one with many (~20%)."""
    conn = bare.conn
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.statements_vocab USING fts5vocab(main, 'statements_fts', 'row')")
    terms = conn.execute("SELECT term, doc FROM temp.statements_vocab WHERE length(term) >= 5 AND term GLOB '[a-z]*' "
                         "AND term NOT GLOB '*[^a-z]*'").fetchall()
    few = min(terms, key=lambda t: (abs(t[1] - max(20, statements // 1000)), t[0]))
    many = min(terms, key=lambda t: (abs(t[1] - statements // 5), t[0]))
    return few, many


def _speakers(bare: Bare) -> tuple[tuple[str, int], tuple[str, int]]:
    """The speaker with most statements, and one with the median number (named speakers)."""
    rows = bare.conn.execute(
        "SELECT sources.name, count(*) AS n FROM statement_sources JOIN sources ON sources.id = statement_sources.source_id "
        "WHERE sources.kind != 'anonymous' GROUP BY sources.id ORDER BY n DESC, sources.name").fetchall()
    return rows[0], rows[len(rows) // 2]


def _reading_pages(db: Path) -> dict[str, str]:
    """bench.pages' reading pages (the articles and entities with the most to show, the
    picture queries' pages) but the home page, measured above."""
    from bench.pages import pages

    return {label: path for label, path in pages(db).items() if label != "home"}


def run(db: str | Path, requests: int = 25, out: str | Path | None = None, progress: bool = True,
        only: list[str] | None = None) -> str:
    import httpx

    db = Path(db)
    metadata = load_metadata()
    archive = metadata["databases"]["archive"]
    bare = Bare(db)
    n_statements = bare.conn.execute("SELECT count(*) FROM statements").fetchone()[0]
    size_mb = db.stat().st_size / 1e6
    (few, few_hits), (many, many_hits) = _pick_terms(bare, n_statements)
    (top, top_n), (median_speaker, median_n) = _speakers(bare)
    statement_id = bare.conn.execute("SELECT id FROM statements ORDER BY rowid LIMIT 1 OFFSET ?", (n_statements // 2,)).fetchone()[0]

    load_before = os.getloadavg()[0]  # the machine is shared: its load goes beside the figures
    reading = _reading_pages(db)
    with tempfile.TemporaryDirectory(prefix="bench-serving-") as tmp:
        server = Server(db, Path(tmp))
        inspect_seconds = server.inspect()
        start_seconds = server.start()
        base = f"http://127.0.0.1:{server.port}"
        rows: list[dict] = []
        try:
            client = httpx.Client(base_url=base, timeout=30)

            def measure(label: str, path: str, target: float | None, bare_sql=None, note: str = "",
                        facets: list[str] | None = None) -> dict:
                """``bare_sql``: None (take the SQL from the response), or (sql, params, fetch cap).
                ``facets``: columns the page computes facets for; their facet SQL (and the count
                query, for a filtered page) is added to the bare figure, as Datasette runs them too."""
                if only and not any(text.lower() in label.lower() or text.lower() in path.lower() for text in only):
                    return {}
                times, statuses, body = [], [], None
                for i in range(requests + 2):
                    t = time.perf_counter()
                    response = client.get(path)
                    elapsed = (time.perf_counter() - t) * 1000
                    if i >= 2:
                        times.append(elapsed)
                        statuses.append(response.status_code)
                    if body is None or (response.status_code != 200 and body.status_code == 200):
                        body = response  # the first response, or the first failure
                failures = sum(1 for code in statuses if code != 200)
                status = 200 if not failures else next(code for code in statuses if code != 200)
                data = body.json() if body.headers.get("content-type", "").startswith("application/json") else {}
                extra: list[tuple[str, dict]] = []
                if bare_sql is None and isinstance(data, dict) and "query" in data:
                    bare_sql = (data["query"]["sql"], data["query"].get("params") or {}, None)
                    found = re.search(r"\bfrom\s+(\S+)\s+(where .*?)?(order by .*?)?limit \d+", bare_sql[0], re.S)
                    if found and facets is not None:
                        table, where = found.group(1), found.group(2) or ""
                        inner = f"select * from {table} {where}"
                        if where:
                            extra.append((f"select count(*) from {table} {where}", bare_sql[1]))
                        extra += [(facet_sql(inner, column), bare_sql[1]) for column in facets]
                notes = [note] if note else []
                if failures:
                    error = data.get("error") if isinstance(data, dict) else None
                    text = re.sub(r"<[^>]+>|\s+", " ", error or body.text).strip()
                    notes.append(f"{failures} of {len(statuses)} HTTP {status}: {text[:60]!r}")
                if facets and isinstance(data, dict) and isinstance(data.get("facet_results"), dict):
                    # 0.65 drops a facet that hits facet_time_limit_ms from the JSON without a word
                    missing = [c for c in facets if c not in data["facet_results"]]
                    if missing:
                        notes.append("facets timed out, missing from the response: " + ", ".join(missing))
                if facets is not None and isinstance(data, dict) and "filtered_table_rows_count" in data \
                        and data["filtered_table_rows_count"] is None:
                    notes.append("count timed out")
                if isinstance(data, dict) and data.get("truncated"):
                    notes.append("truncated at max_returned_rows")
                bare_ms = None
                runs = max(5, requests // 2)
                if bare_sql:
                    bare_ms, n = bare.time(bare_sql[0], bare_sql[1], runs, bare_sql[2])
                    if extra:
                        bare_ms += sum(bare.time(sql, params, runs)[0] for sql, params in extra)
                        notes.append("bare = page SQL" + (" + count" if len(extra) > len(facets) else "") + (f" + {len(facets)} facet SQLs" if facets else ""))
                row = {"label": label, "path": path, "median": statistics.median(times), "p95": _p95(times),
                       "bare": bare_ms, "target": target, "status": status, "notes": "; ".join(notes)}
                row["met"] = None if target is None else (row["p95"] <= target and status == 200)
                rows.append(row)
                if progress:
                    print(f"  {label}: median {row['median']:.1f} ms, p95 {row['p95']:.1f} ms"
                          + (f", bare {bare_ms:.1f} ms" if bare_ms is not None else "") + (f" ({row['notes']})" if row["notes"] else ""),
                          file=sys.stderr, flush=True)
                return row

            def facet_sql(inner: str, column: str) -> str:
                # Datasette 0.65's facet SQL (facets.py) over the page's select without order or limit
                return (f'select "{column}" as value, count(*) as count from ({inner}) '
                        f'where "{column}" is not null group by "{column}" order by count desc, value limit 31')

            q = urllib.parse.quote
            statement_facets = archive["tables"]["statements"].get("facets", [])
            measure(f"statements table page, `_size=50` (computes its {len(statement_facets)} metadata facets)",
                    "/archive/statements.json?_size=50", TABLE_TARGET, facets=statement_facets)
            measure("statements table page, `_size=50&_nofacet=1`", "/archive/statements.json?_size=50&_nofacet=1", TABLE_TARGET)
            meeting_facets = archive["tables"]["meetings"].get("facets", [])
            measure(f"meetings table page, `_size=50` ({len(meeting_facets)} metadata facets)", "/archive/meetings.json?_size=50",
                    TABLE_TARGET, facets=meeting_facets)
            view_facets = archive["tables"].get("statements_with_speakers", {}).get("facets") or []
            if view_facets:
                measure(f"statements_with_speakers view page, `_size=50` ({len(view_facets)} metadata facets)",
                        "/archive/statements_with_speakers.json?_size=50", TABLE_TARGET, facets=view_facets)
            for table in ("mentions", "sentences"):
                table_facets = archive["tables"][table].get("facets", [])
                measure(f"{table} table page, `_size=50` ({len(table_facets)} metadata facets)", f"/archive/{table}.json?_size=50",
                        TABLE_TARGET, facets=table_facets)
            # HTML as a browser gets it: the page's own queries plus labels for its foreign keys
            for label, path in (("home page `/` (HTML)", "/"), ("statements table page (HTML, 100 rows, labels)", "/archive/statements"),
                                ("statements_with_speakers view page (HTML)", "/archive/statements_with_speakers"),
                                ("mentions table page (HTML)", "/archive/mentions")):
                measure(label, path, QUERY_TARGET)
            for table in ("statements", "meetings"):
                for column in archive["tables"][table].get("facets", []):
                    sql = facet_sql(f'select * from "{table}" ', column)
                    measure(f"facet {table}.{column} (its facet SQL through `/archive.json?sql=`)",
                            f"/archive.json?sql={q(sql)}&_shape=array", QUERY_TARGET, (sql, {}, None))
            for term, hits, target, kind in ((few, few_hits, TABLE_TARGET, "few"), (many, many_hits, None, "many")):
                measure(f"FTS search, {kind} hits: `_search={term}` ({hits:,} hits), `_size=50` (with metadata facets)",
                        f"/archive/statements.json?_search={q(term)}&_size=50", target, facets=statement_facets)
                measure(f"FTS search, {kind} hits: `_search={term}`, `_size=50&_nofacet=1`",
                        f"/archive/statements.json?_search={q(term)}&_size=50&_nofacet=1", target, facets=[])
            for name, query in archive.get("queries", {}).items():
                cases = [("", {})]
                names = query.get("params") or []
                if "name" in names:
                    cases = [(f" (name={top!r}, {top_n:,} statements)", {"name": top}),
                             (f" (name={median_speaker!r}, {median_n:,} statements)", {"name": median_speaker})]
                elif "q" in names:
                    cases = [(f" (q={few!r})", {"q": few}), (f" (q={many!r})", {"q": many})]
                for suffix, params in cases:
                    sql = query["sql"]
                    params = {**{p: "" for p in names}, **params}
                    path = f"/archive/{name}.json?_size=50" + "".join(f"&{k}={q(v)}" for k, v in params.items())
                    limited = re.sub(r"\blimit\s+\d+\s*\Z", "", sql, flags=re.I).rstrip() + "\nlimit 51"
                    row = measure(f"canned query `{name}`{suffix}", path, QUERY_TARGET, (limited, params, None))
                    if row:
                        row["bare_as_run"] = bare.time(sql, params, max(5, requests // 2), 1001)[0]
            measure("row page `/archive/statements/<id>.json`", f"/archive/statements/{q(statement_id)}.json", TABLE_TARGET,
                    ("select * from statements where id = :id", {"id": statement_id}, None))
            # the reading pages (HTML) of the entities and articles with the most to show
            for label, path in reading.items():
                measure(f"{label} (HTML)", path, QUERY_TARGET)
        finally:
            server.stop()

    lines = [
        f"## Serving benchmark: {n_statements:,} statements ({size_mb:,.0f} MB)",
        "",
        f"Real server over loopback: `datasette serve -i archive.db --inspect-file F` (Datasette "
        f"{_version('datasette')}, SQLite {sqlite3.sqlite_version}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores), started with loader.site's settings, metadata, plugins and templates; "
        f"one keep-alive client, one request at a time, {requests} timed requests after 2 warm-up ones. "
        "Bare sqlite3: the same SQL on the same file (`immutable=1`), median of "
        f"{max(5, requests // 2)} runs after one warm-up (3 for queries over 0.5 s); for canned queries with `limit 51` appended "
        "(the column *as run* is the query without a limit, fetching at most 1,001 rows as Datasette does).",
        "",
        f"Start-up: `datasette inspect` {inspect_seconds:.1f} s; `datasette serve -i --inspect-file` until "
        f"`/-/versions.json` answers {start_seconds:.2f} s. Load average (1 min) {load_before:.1f} at the start, "
        f"{os.getloadavg()[0]:.1f} at the end (the 2 cores are shared).",
        "",
        "| request | median ms | p95 ms | bare sqlite3 median ms | ratio | target p95 ms | met? | notes |",
        "|---|---:|---:|---:|---:|---:|:---:|---|",
    ]
    for r in rows:
        bare_ms = r["bare"]
        bare_cell = "—" if bare_ms is None else f"{bare_ms:.1f}"
        if r.get("bare_as_run") is not None:
            bare_cell += f" (as run {r['bare_as_run']:.1f})"
        ratio = "—" if not bare_ms else f"{r['median'] / max(bare_ms, 0.01):.1f}"
        target = "—" if r["target"] is None else f"≤ {r['target']}"
        met = "—" if r["met"] is None else ("yes" if r["met"] else "**no**")
        lines.append(f"| {r['label']} | {r['median']:.1f} | {r['p95']:.1f} | {bare_cell} | {ratio} | {target} | {met} | {r['notes']} |")
    text = "\n".join(lines) + "\n"
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(text, encoding="utf-8")
    return text


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.serving", description=__doc__.split("\n\n")[0],
                                     epilog="example: python -m bench.serving bench/out/archive.db --out bench/out/serving.md")
    parser.add_argument("db", help="the archive to serve (any file name; it is served as archive.db)")
    parser.add_argument("--requests", type=int, default=25, help="timed requests per URL (at least 20 for a p95)")
    parser.add_argument("--out", help="also write the Markdown section to this file")
    parser.add_argument("--only", nargs="+", metavar="TEXT", help="only the requests whose label or path contains one of these")
    args = parser.parse_args(argv)
    print(run(args.db, args.requests, args.out, only=args.only))
    return 0


if __name__ == "__main__":
    sys.exit(main())
