"""Publishing: a self-contained folder that serves the archive read-only.

The folder holds the database (immutable, with its inspect file), metadata.yml,
templates and plugins, pinned requirements, ``run.sh``, a Dockerfile and
DEPLOY.md. Nothing in it can write: the file is opened immutable, SQL is limited
in time, rows and bytes, and no write plugin is installed. The plugins of
``published_plugins/`` add what a public instance needs: per-client limits, a response
cap, security headers, absolute URLs from the configured public URL only, plain errors,
read-only methods, and no introspection pages that leak.
"""

from __future__ import annotations

import importlib.metadata
import json
import re
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import InputError, problem
from .site import METADATA, PLUGINS, TEMPLATES

PUBLISHED_PLUGINS = Path(__file__).resolve().parent / "published_plugins"
DATABASE = "archive.db"
ASGI_MODULE = "archive_app"
INSPECT = "archive.inspect.json"
# What the published site needs at run time; their dependency closure is pinned.
SERVING_PACKAGES = ("datasette", "datasette-vega", "datasette-cluster-map")


@dataclass(frozen=True)
class PublishOptions:
    full_text: bool = True
    allow_download: bool = False
    allow_robots: bool = False
    sql_time_limit_ms: int = 1000
    max_returned_rows: int = 1000
    facet_time_limit_ms: int = 500
    cache_ttl: int = 300
    allow_sql: bool = True
    public_url: str = "http://localhost:8001"
    concurrent_per_client: int = 8  # a browser opens up to 6 connections to a site
    sql_concurrent_per_client: int = 1
    sql_concurrent_total: int = 2  # of Datasette's 3 SQL threads: one stays free for the pages
    requests_per_second: float = 20.0
    burst: int = 80  # a page with its scripts, styles and the map's JSON pages
    max_response_bytes: int = 20_000_000
    response_cache_bytes: int = 64_000_000
    # gzip level of responses when the cache is off (0: none); cached ones are gzipped once, at 6
    gzip_level: int = 1
    # requests Datasette computes at once per process (0: no limit); the others wait their turn
    computing_per_process: int = 4
    # Threads per process running SQL. 0 runs each query in the event loop: about twice
    # as fast for the pages' many small queries, but one slow query (up to the time limit)
    # then holds up its whole process.
    sql_threads: int = 3

    def typed_settings(self) -> dict[str, object]:
        return {"sql_time_limit_ms": self.sql_time_limit_ms, "max_returned_rows": self.max_returned_rows,
                "facet_time_limit_ms": self.facet_time_limit_ms, "suggest_facets": False,
                "default_cache_ttl": self.cache_ttl, "allow_download": self.allow_download,
                "num_sql_threads": self.sql_threads}

    def settings(self) -> dict[str, str]:
        return {
            "sql_time_limit_ms": str(self.sql_time_limit_ms),
            "max_returned_rows": str(self.max_returned_rows),
            "facet_time_limit_ms": str(self.facet_time_limit_ms),
            "suggest_facets": "off",
            "default_cache_ttl": str(self.cache_ttl),
            "allow_download": "on" if self.allow_download else "off",
            "num_sql_threads": str(self.sql_threads),
        }


def pinned_requirements(packages: tuple[str, ...] = SERVING_PACKAGES) -> list[str]:
    """``name==version`` for the packages and everything they depend on, as installed here."""
    seen: dict[str, str] = {}
    todo = list(packages)
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue  # an optional or platform-specific dependency that is not installed
        seen[key] = f"{dist.metadata['Name']}=={dist.version}"
        for requirement in dist.requires or []:
            if "extra ==" in requirement:
                continue
            marker_ok = True
            if ";" in requirement:
                from packaging.markers import Marker

                marker_ok = Marker(requirement.split(";", 1)[1]).evaluate()
            if marker_ok:
                todo.append(re.split(r"[ ;<>=!~\[(]", requirement, maxsplit=1)[0])
    return sorted(seen.values(), key=str.lower)


def _strip_full_text(db_path: Path) -> None:
    """Leave the article texts out; statements, quotes, metadata and urls stay.

    Sentences go too (they are the text in pieces). VACUUM rewrites the file so no
    deleted text survives in free pages."""
    conn = sqlite3.connect(db_path)
    try:
        with conn:
            conn.execute("UPDATE articles SET text = ''")
            conn.execute("UPDATE sentences SET text = ''")
            conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
        conn.execute("VACUUM")
    finally:
        conn.close()


def _metadata(options: PublishOptions) -> dict:
    metadata = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    plugins = metadata.setdefault("plugins", {})
    plugins["news-archive-robots"] = {"allow": options.allow_robots}
    plugins["news-archive-public-url"] = {"url": options.public_url}
    plugins["news-archive-client-limits"] = {"concurrent": options.concurrent_per_client,
                                             "sql_concurrent": options.sql_concurrent_per_client,
                                             "sql_total": options.sql_concurrent_total,
                                             "per_second": options.requests_per_second, "burst": options.burst}
    plugins["news-archive-response-cap"] = {"max_bytes": options.max_response_bytes}
    plugins["news-archive-response-cache"] = {"max_bytes": options.response_cache_bytes, "gzip_level": options.gzip_level,
                                              "computing": options.computing_per_process}
    if not options.allow_sql:
        metadata["allow_sql"] = False  # canned queries and pages only
    if not options.full_text:
        archive = metadata["databases"]["archive"]
        archive["description"] = (archive.get("description", "") +
                                  " This instance leaves out the article texts: follow each article's url to read it.")
    return metadata


ASGI_APP = """# The site as an ASGI application, for uvicorn's worker processes (run.sh).
# Written by loader publish; the same configuration as `datasette serve -i`.
import json
import os

import yaml
from datasette.app import Datasette

HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "{inspect}")) as handle:
    INSPECT = json.load(handle)
with open(os.path.join(HERE, "metadata.yml")) as handle:
    METADATA = yaml.safe_load(handle)

datasette = Datasette(
    immutables=[os.path.join(HERE, "{database}")],
    inspect_data=INSPECT,
    metadata=METADATA,
    template_dir=os.path.join(HERE, "templates"),
    plugins_dir=os.path.join(HERE, "plugins"),
    settings={settings},
    cors=True,
    secret=os.environ.get("DATASETTE_SECRET"),
)
# (plugins/immutable_schema.py remembers the schema and each table permission answer)
app = datasette.app()
"""


def run_script(options: PublishOptions) -> str:
    return f"""#!/bin/sh
# Serves the archive read-only on $HOST:$PORT (default 0.0.0.0:8001) with $WORKERS
# processes (default: one per core), always from its own virtualenv ($VENV, default
# .venv beside this script) holding exactly requirements.txt, whatever Python
# ($PYTHON) creates it and whatever else that Python has installed.
set -eu
cd "$(dirname "$0")"
HOST="${{HOST:-0.0.0.0}}"
PORT="${{PORT:-8001}}"
PYTHON="${{PYTHON:-python3}}"
VENV="${{VENV:-.venv}}"
WORKERS="${{WORKERS:-$(nproc 2>/dev/null || echo 1)}}"

have_requirements() {{
    "$1" - <<'PY'
import importlib.metadata, sys
for line in open("requirements.txt"):
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    name, version = line.split("==")
    try:
        if importlib.metadata.version(name) != version:
            sys.exit(1)
    except importlib.metadata.PackageNotFoundError:
        sys.exit(1)
PY
}}

if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
if ! have_requirements "$VENV/bin/python" 2>/dev/null; then
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.txt
fi

# One secret for every worker process, new at each start (nothing signed outlives it).
DATASETTE_SECRET="$("$VENV/bin/python" -c 'import secrets; print(secrets.token_hex(32))')"
export DATASETTE_SECRET
# A clean environment: no user site-packages, no inherited PYTHONPATH or PYTHONHOME.
exec env -u PYTHONHOME PYTHONNOUSERSITE=1 PYTHONPATH="$(pwd)/lib:$(pwd)" "$VENV/bin/python" -s -m uvicorn {ASGI_MODULE}:app \\
    --host "$HOST" --port "$PORT" --workers "$WORKERS" --no-server-header
"""


DOCKERFILE = f"""FROM python:3.11-slim
WORKDIR /app
COPY requirements.txt .
# the virtualenv run.sh serves from, made at build time
RUN python -m venv /app/.venv && /app/.venv/bin/pip install --no-cache-dir -r requirements.txt
COPY . .
ENV HOST=0.0.0.0 PORT=8001
EXPOSE 8001
CMD ["sh", "run.sh"]
"""

DEPLOY = """# Deploying this archive

This folder is the whole site: `{database}` (opened immutable, with its counts
precomputed in `{inspect}`), `metadata.yml`, `templates/`, `plugins/` (with the
pure-Python helpers they use in `lib/`), pinned `requirements.txt`, and `run.sh`, which
serves it read-only on `$HOST:$PORT` (default `0.0.0.0:8001`). `run.sh` always runs
from its own virtualenv (`$VENV`, default `.venv` here), created with `$PYTHON`
(default `python3`) and holding exactly `requirements.txt`: what else that Python has
installed never changes how the site behaves.

Settings: {settings}; CORS headers on (`Access-Control-Allow-Origin: *`) so browser
applications can use the JSON API; robots {robots}; database download {download};
article full texts {full_text}; arbitrary SQL {sql}.

## Limits of the public instance

Each is a plugin in `plugins/` with its settings in `metadata.yml` (`plugins:`); edit
them there and restart.

| limit | where | value |
|---|---|---|
| requests in flight per client (429 beyond) | `news-archive-client-limits.concurrent` | {concurrent} |
| arbitrary-SQL requests (`sql=`, `_where=`) in flight per client | `news-archive-client-limits.sql_concurrent` | {sql_concurrent} |
| arbitrary-SQL requests in flight per process, all clients (a SQL thread stays free for pages) | `news-archive-client-limits.sql_total` | {sql_total} |
| requests per second per client, sustained / burst (429 with `Retry-After`) | `per_second` / `burst` | {per_second} / {burst} |
| longest value SQL may build (nested `replace()`, `group_concat()`...) | `news-archive-limits.max_value_bytes` | 10 MB |
| bytes of one query's rows | `news-archive-limits.max_result_bytes` | 50 MB |
| bytes of one response (400 beyond) | `news-archive-response-cap.max_bytes` | {max_bytes} |
| memory for cached responses, per process (0: no cache) | `news-archive-response-cache.max_bytes` | {cache_bytes} |
| gzip level of text responses when the cache is off (0: not gzipped; cached ones are gzipped once, at 6) | `news-archive-response-cache.gzip_level` | {gzip_level} |
| requests computed at once per process, the others waiting their turn in order (0: no limit; cached answers never wait) | `news-archive-response-cache.computing` | {computing} |
| time of one query / one facet | settings `sql_time_limit_ms` / `facet_time_limit_ms` | {sql_ms} ms / {facet_ms} ms |
| SQL threads per process (`loader publish --sql-threads`; 0: queries run in the event loop, about twice as fast for small queries, but a slow one holds up its process) | `num_sql_threads` in `archive_app.py` | {sql_threads} |
| rows of one query | setting `max_returned_rows` | {rows} |

SQLite's own limits (SQL length, columns, expression depth, function arguments, LIKE
pattern length, variables, no attached databases) are set on every connection;
`fts3_tokenizer`, `randomblob`, `zeroblob`, `printf`, `format` and `load_extension` are refused and
`pragma_database_list` shows no file path. Every response carries a
Content-Security-Policy, `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY`
and `Referrer-Policy: no-referrer`. Any method but GET, HEAD and OPTIONS answers 405.
`/-/threads`, `/-/databases`, `/-/plugins` and Datasette's debugging pages answer 404.

`run.sh` serves with `$WORKERS` uvicorn processes (default: one per core), all
reading the one immutable file. Each process keeps its own per-client counts and its
own cache of responses (the database never changes while served, so a page is the
same bytes until the folder is replaced; each has an ETag, `If-None-Match` gets
304, a `max-age` is added where Datasette sends none, and text is gzipped once for
clients that accept it; with the cache off, text is gzipped per request at
`gzip_level`): with N processes a client may get up to N times the limits below the proxy,
so set the exact limits at the proxy. The schema of the immutable file (tables,
columns, keys, definitions) is read once per process (`plugins/immutable_schema.py`),
and the chart and graph pages list their first 100 rows under the picture, with links
to all of them as JSON and CSV.

Absolute URLs (the `Link` header, `next_url` in JSON) are built from the public URL
`{public_url}` (plugin `news-archive-public-url.url`; set it with
`loader publish --public-url`), never from the request's `Host` header.

A client is an IP address. Behind a reverse proxy on the same machine, uvicorn takes
the client's address from `X-Forwarded-For`, which it trusts from 127.0.0.1 only, so
the proxy must set it (below); connected directly, the peer address counts.

## A virtual machine behind a reverse proxy

    HOST=127.0.0.1 PORT=8001 sh run.sh     # under systemd, with Restart=always

and let nginx terminate TLS and proxy to 127.0.0.1:8001, keeping the
`Cache-Control` headers Datasette sends. The same limits at the proxy stop abusive
clients before they reach Python at all:

    limit_req_zone  $binary_remote_addr zone=archive_rate:10m rate={per_second_int}r/s;
    limit_conn_zone $binary_remote_addr zone=archive_conn:10m;

    server {{
        listen 443 ssl;
        server_name news.example.org;            # the host of --public-url
        client_max_body_size 1k;                  # the archive takes no uploads
        large_client_header_buffers 4 8k;         # longest URL: 8 KB
        location / {{
            limit_req  zone=archive_rate burst={burst} nodelay;
            limit_conn archive_conn {concurrent};
            limit_req_status 429;
            limit_conn_status 429;
            limit_except GET HEAD OPTIONS {{ deny all; }}
            proxy_pass http://127.0.0.1:8001;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_read_timeout 30s;
            proxy_max_temp_file_size 0;
            gzip on;
            gzip_types text/html application/json text/css text/javascript application/javascript;
        }}
    }}

## A container platform

    docker build -t news-archive . && docker run -p 8001:8001 news-archive

Any platform that runs a Dockerfile and routes to port 8001 (`$PORT` is honoured)
will do. Platforms whose router is not on the same machine must pass the client
address some other way, or the per-client limits count the router as one client:
set `concurrent`, `per_second` and `burst` to 0 there and limit at the router.

## Identical replicas behind a load balancer

The database never changes while it is served, so any number of identical copies of
this folder can run side by side behind a load balancer, with no shared state: to
publish a new build, start replicas of the new folder and drain the old ones.
"""


def _snapshot(db_path: Path, target: Path) -> None:
    """A consistent, compact copy for the immutable instance: VACUUM INTO reads the
    archive in one read transaction (an update committing meanwhile is not half in it),
    and the copy leaves WAL mode, since an immutable file has no -wal to read."""
    source = _reader(db_path, timeout=30)
    try:
        source.execute("VACUUM INTO ?", (str(target),))
    finally:
        source.close()
    copy = sqlite3.connect(target)
    try:
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()


def _reader(db_path: Path, timeout: float = 5) -> sqlite3.Connection:
    """A connection that only reads, opened read-write all the same: the last connection to
    close on an archive in WAL mode removes its -wal and -shm files, and a ``mode=ro`` one
    cannot, so publishing left them beside the archive. (A file the user may not write is
    still opened, read-only.)"""
    return sqlite3.connect(db_path, timeout=timeout)


def _journal_mode(db_path: Path) -> str:
    conn = _reader(db_path)
    try:
        return conn.execute("PRAGMA journal_mode").fetchone()[0].lower()
    finally:
        conn.close()


def publish(db_path: str | Path, outdir: str | Path, options: PublishOptions = PublishOptions(), link: bool = False) -> Path:
    """Write the deployable folder for the archive at ``db_path`` into ``outdir``.

    ``link``: the folder's database is a symbolic link to ``db_path`` itself instead of
    a compacted copy (for benchmarks of a large file that nothing writes while it is
    served: copying 2.7 GB takes minutes); refused for a file in WAL mode, which an
    immutable instance cannot read whole, and without the full texts.

    :raises InputError: when the archive is missing or ``outdir`` is not empty
    """
    db_path, outdir = Path(db_path), Path(outdir)
    if not db_path.exists():
        raise InputError([problem(str(db_path), None, "no such archive: build it first with 'loader build'")])
    if outdir.exists() and any(outdir.iterdir()):
        raise InputError([problem(str(outdir), None, "the folder is not empty: publish into a new folder")])
    if link and (not options.full_text or _journal_mode(db_path) == "wal"):
        raise InputError([problem(str(db_path), None, "cannot link: the archive is in WAL mode or the full texts are to be left out")])
    outdir.mkdir(parents=True, exist_ok=True)
    target = outdir / DATABASE
    if link:
        target.symlink_to(db_path.resolve())
    else:
        _snapshot(db_path, target)
    if not options.full_text:
        _strip_full_text(target)
    subprocess.run([sys.executable, "-m", "datasette", "inspect", str(target), "--inspect-file", str(outdir / INSPECT)],
                   check=True, capture_output=True)
    (outdir / "metadata.yml").write_text(yaml.safe_dump(_metadata(options), sort_keys=False, allow_unicode=True), encoding="utf-8")
    for folder in (TEMPLATES, PLUGINS):
        destination = outdir / folder.name
        if folder.is_dir():
            shutil.copytree(folder, destination, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            destination.mkdir()
    shutil.copy(Path(__file__).with_name("robots_plugin.py"), outdir / "plugins" / "news_archive_robots.py")
    for plugin in sorted(PUBLISHED_PLUGINS.glob("*.py")):
        if plugin.name != "__init__.py":
            shutil.copy(plugin, outdir / "plugins" / f"news_archive_{plugin.name}")
    # The plugins use pure-Python helpers of this package (reading.py); ship it on PYTHONPATH.
    shutil.copytree(Path(__file__).resolve().parent, outdir / "lib" / "loader", ignore=shutil.ignore_patterns("__pycache__"))
    (outdir / "requirements.txt").write_text("\n".join(pinned_requirements()) + "\n", encoding="utf-8")
    (outdir / f"{ASGI_MODULE}.py").write_text(ASGI_APP.format(inspect=INSPECT, database=DATABASE,
                                                               settings=repr(options.typed_settings())), encoding="utf-8")
    run = outdir / "run.sh"
    run.write_text(run_script(options), encoding="utf-8")
    run.chmod(0o755)
    (outdir / "Dockerfile").write_text(DOCKERFILE, encoding="utf-8")
    (outdir / ".dockerignore").write_text(".venv\n", encoding="utf-8")
    (outdir / "DEPLOY.md").write_text(DEPLOY.format(
        database=DATABASE, inspect=INSPECT,
        settings=", ".join(f"`{k}` {v}" for k, v in options.settings().items()),
        robots="allowed" if options.allow_robots else "blocked (`/robots.txt` disallows everything)",
        download="on" if options.allow_download else "off",
        full_text="included" if options.full_text else "left out",
        sql="allowed (`/archive?sql=`; `loader publish --no-sql` publishes canned queries and pages only)"
        if options.allow_sql else "off (canned queries and pages only: published with `--no-sql`)",
        concurrent=options.concurrent_per_client, sql_concurrent=options.sql_concurrent_per_client,
        sql_total=options.sql_concurrent_total, per_second=f"{options.requests_per_second:g}",
        per_second_int=max(1, round(options.requests_per_second)), burst=options.burst,
        max_bytes=f"{options.max_response_bytes / 1e6:g} MB", cache_bytes=f"{options.response_cache_bytes / 1e6:g} MB",
        public_url=options.public_url, gzip_level=options.gzip_level, computing=options.computing_per_process,
        sql_threads=options.sql_threads, sql_ms=options.sql_time_limit_ms, facet_ms=options.facet_time_limit_ms, rows=options.max_returned_rows,
    ), encoding="utf-8")
    (outdir / "publish.json").write_text(json.dumps(options.__dict__, indent=2) + "\n", encoding="utf-8")
    return outdir
