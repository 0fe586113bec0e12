"""Throughput of the published instance against stock Datasette on the same file, same run.

    python -m bench.compare ARCHIVE.db [--clients 50] [--seconds 20] [--venv DIR] [--out FILE]
        [--servers published nocache stock] [--workers N] [--sql-threads N] [--gzip-level N]

Publishes ARCHIVE.db with ``loader publish`` (default limits; public URL on loopback)
and serves it with its ``run.sh``; then the same folder published with its response
cache off (every request runs its queries); then the same file with stock ``datasette
serve -i`` (no metadata, plugins or templates). All three (or those ``--servers``
names) one after the other, from the same clean virtualenv of the published
requirements (``--venv``, made by run.sh when missing). The published folders link
the archive (``publish(link=True)``) instead of copying it, so the file must not be
in WAL mode; ``--gzip-level`` is the folder's gzip level when its cache is off.
Each gets the same load: ``--clients`` concurrent keep-alive clients for ``--seconds``,
each client a different address for the per-client limits (X-Forwarded-For, which
uvicorn trusts from 127.0.0.1), on the pages both have: the home page, an article, a
person and the statements table faceted by cue. The client runs on the same cores as
the server. Writes bench/out/compare.json (or ``--out``) and prints it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from .load import OUT, free_port, run_load


def both_pages(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    article = conn.execute("select id from articles order by word_count desc limit 1").fetchone()[0]
    person = conn.execute("select sources.person_id from statement_sources join sources on sources.id = statement_sources.source_id "
                          "where sources.person_id is not null group by sources.person_id order by count(*) desc limit 1").fetchone()[0]
    return ["/", f"/archive/articles/{article}", f"/archive/people/{person}", "/archive/statements?_facet=cue"]


def _wait(process: subprocess.Popen, base: str, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            httpx.get(base + "/-/versions.json", timeout=2)
            return
        except httpx.HTTPError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.3)


def _stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def measure(base: str, paths: list[str], clients: int, seconds: float) -> dict:
    for path in paths:  # warm up, and check that every page answers
        status = httpx.get(base + path, timeout=60).status_code
        if status != 200:
            raise RuntimeError(f"{base}{path}: HTTP {status}")
    before = os.getloadavg()[0]  # the machine is shared: its load goes beside the figures
    result = asyncio.run(run_load(base, clients, seconds, paths, forwarded=True))
    return {**result, "load_average": [round(before, 2), round(os.getloadavg()[0], 2)]}


def _published(db: Path, tmp: Path, name: str, paths: list[str], clients: int, seconds: float, venv: Path | None,
               options: dict, workers: int | None) -> tuple[dict, Path]:
    from loader.publish import PublishOptions, publish

    port = free_port()
    site = publish(db, tmp / name, PublishOptions(public_url=f"http://127.0.0.1:{port}", **options), link=True)
    venv = venv or site / ".venv"
    env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(port), "VENV": str(venv)}
    if workers:
        env["WORKERS"] = str(workers)
    process = subprocess.Popen(["sh", str(site / "run.sh")], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(process, base)
        return measure(base, paths, clients, seconds), venv
    finally:
        _stop(process)


SERVERS = ("published", "nocache", "stock")


def compare(db: Path, clients: int = 50, seconds: float = 20, venv: Path | None = None, workers: int | None = None,
            sql_threads: int = 3, out: Path | None = None, servers: tuple[str, ...] = SERVERS, gzip_level: int = 1,
            computing: int | None = None) -> dict:
    """Three servers, one after the other: the published folder as published, the same
    without its response cache (every request queries), and stock Datasette."""
    paths = both_pages(db)
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-compare-") as tmp:
        options = {"sql_threads": sql_threads, "gzip_level": gzip_level}
        if computing is not None:
            options["computing_per_process"] = computing
        if "published" in servers:
            results["published"], venv = _published(db, Path(tmp), "site", paths, clients, seconds, venv, options, workers)
        if "nocache" in servers:
            results["published_without_cache"], venv = _published(db, Path(tmp), "nocache", paths, clients, seconds, venv,
                                                                  {**options, "response_cache_bytes": 0}, workers)
        if "stock" in servers:
            if venv is None:
                raise SystemExit("stock Datasette alone needs --venv (a virtualenv with the published requirements)")
            port = free_port()
            link = Path(tmp) / "stock" / "archive.db"  # named archive, as the published pages address it
            link.parent.mkdir()
            link.symlink_to(db.resolve())
            stock = subprocess.Popen([str(venv / "bin" / "python"), "-m", "datasette", "serve", "-i", str(link),
                                      "--host", "127.0.0.1", "--port", str(port)], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, start_new_session=True)
            base = f"http://127.0.0.1:{port}"
            try:
                _wait(stock, base)
                results["stock"] = measure(base, paths, clients, seconds)
            finally:
                _stop(stock)
    result = {"archive": str(db), "paths": paths, "workers": workers or os.cpu_count(), "sql_threads": sql_threads,
              "gzip_level": gzip_level, "computing": computing, **results}
    if "stock" in results:
        stock_rps = max(results["stock"]["requests_per_second"], 1e-9)
        for name, key in (("published", "throughput_ratio"), ("published_without_cache", "throughput_ratio_without_cache")):
            if name in results:
                result[key] = round(results[name]["requests_per_second"] / stock_rps, 2)
    out = out or OUT / "compare.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.compare", description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--venv", type=Path, help="a virtualenv of the published requirements to reuse")
    parser.add_argument("--workers", type=int, help="server processes of the published folder (default: one per core)")
    parser.add_argument("--sql-threads", type=int, default=3, help="loader publish --sql-threads for the published folder")
    parser.add_argument("--gzip-level", type=int, default=1, help="the published folder's gzip level with its cache off (0: none)")
    parser.add_argument("--computing", type=int, help="requests computed at once per process (default: loader publish's)")
    parser.add_argument("--servers", nargs="+", choices=SERVERS, default=list(SERVERS),
                        help="which to run: the published folder, the same with its cache off (nocache), stock Datasette")
    parser.add_argument("--out", type=Path, help="where to write the figures (default bench/out/compare.json)")
    args = parser.parse_args(argv)
    print(json.dumps(compare(args.db, args.clients, args.seconds, args.venv, args.workers, args.sql_threads, args.out,
                             tuple(args.servers), args.gzip_level, args.computing), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
