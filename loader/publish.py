"""Publishing: a self-contained folder that serves the archive read-only.

The folder holds the database (immutable, with its inspect file), metadata.yml,
templates and plugins, pinned requirements, ``run.sh``, a Dockerfile and
DEPLOY.md. Nothing in it can write: the file is opened immutable, SQL is limited
in time and rows, and no write plugin is installed.
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

DATABASE = "archive.db"
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

    def settings(self) -> dict[str, str]:
        return {
            "sql_time_limit_ms": str(self.sql_time_limit_ms),
            "max_returned_rows": str(self.max_returned_rows),
            "facet_time_limit_ms": str(self.facet_time_limit_ms),
            "suggest_facets": "off",
            "default_cache_ttl": str(self.cache_ttl),
            "allow_download": "on" if self.allow_download else "off",
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
    if not options.full_text:
        archive = metadata["databases"]["archive"]
        archive["description"] = (archive.get("description", "") +
                                  " This instance leaves out the article texts: follow each article's url to read it.")
    return metadata


def run_script(options: PublishOptions) -> str:
    settings = " ".join(f"--setting {name} {value}" for name, value in options.settings().items())
    return f"""#!/bin/sh
# Serves the archive read-only on $HOST:$PORT (default 0.0.0.0:8001).
# Installs the pinned requirements into .venv only when they are not already present.
set -eu
cd "$(dirname "$0")"
HOST="${{HOST:-0.0.0.0}}"
PORT="${{PORT:-8001}}"
PYTHON="${{PYTHON:-python3}}"

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

if ! have_requirements "$PYTHON" 2>/dev/null; then
    if [ ! -x .venv/bin/python ]; then
        "$PYTHON" -m venv .venv
    fi
    PYTHON=.venv/bin/python
    if ! have_requirements "$PYTHON" 2>/dev/null; then
        "$PYTHON" -m pip install --quiet --disable-pip-version-check -r requirements.txt
    fi
fi

PYTHONPATH="$(pwd)/lib${{PYTHONPATH:+:$PYTHONPATH}}"
export PYTHONPATH
exec "$PYTHON" -m datasette serve -i {DATABASE} --inspect-file {INSPECT} \\
    --metadata metadata.yml --template-dir templates --plugins-dir plugins \\
    --host "$HOST" --port "$PORT" --cors {settings}
"""


DOCKERFILE = f"""FROM python:3.11-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
ENV HOST=0.0.0.0 PORT=8001
EXPOSE 8001
CMD ["sh", "run.sh"]
"""

DEPLOY = """# Deploying this archive

This folder is the whole site: `{database}` (opened immutable, with its counts
precomputed in `{inspect}`), `metadata.yml`, `templates/`, `plugins/` (with the
pure-Python helpers they use in `lib/`), pinned `requirements.txt`, and `run.sh`, which serves it read-only on `$HOST:$PORT`
(default `0.0.0.0:8001`). `run.sh` installs the requirements into `.venv` only
when they are not already installed.

Settings: {settings}; CORS headers on (`Access-Control-Allow-Origin: *`) so browser
applications can use the JSON API; robots {robots}; database download {download};
article full texts {full_text}.

## A virtual machine behind a reverse proxy

    HOST=127.0.0.1 PORT=8001 sh run.sh     # under systemd, with Restart=always

and let nginx (or Caddy) terminate TLS and proxy to 127.0.0.1:8001, keeping the
`Cache-Control` headers Datasette sends.

## A container platform

    docker build -t news-archive . && docker run -p 8001:8001 news-archive

Any platform that runs a Dockerfile and routes to port 8001 (`$PORT` is honoured)
will do.

## Identical replicas behind a load balancer

The database never changes while it is served, so any number of identical copies of
this folder can run side by side behind a load balancer, with no shared state: to
publish a new build, start replicas of the new folder and drain the old ones.
"""


def _snapshot(db_path: Path, target: Path) -> None:
    """A consistent, compact copy for the immutable instance: VACUUM INTO reads the
    archive in one read transaction (an update committing meanwhile is not half in it),
    and the copy leaves WAL mode, since an immutable file has no -wal to read."""
    source = sqlite3.connect(f"file:{db_path.resolve()}?mode=ro", uri=True, timeout=30)
    try:
        source.execute("VACUUM INTO ?", (str(target),))
    finally:
        source.close()
    copy = sqlite3.connect(target)
    try:
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()


def publish(db_path: str | Path, outdir: str | Path, options: PublishOptions = PublishOptions()) -> Path:
    """Write the deployable folder for the archive at ``db_path`` into ``outdir``.

    :raises InputError: when the archive is missing or ``outdir`` is not empty
    """
    db_path, outdir = Path(db_path), Path(outdir)
    if not db_path.exists():
        raise InputError([problem(str(db_path), None, "no such archive: build it first with 'loader build'")])
    if outdir.exists() and any(outdir.iterdir()):
        raise InputError([problem(str(outdir), None, "the folder is not empty: publish into a new folder")])
    outdir.mkdir(parents=True, exist_ok=True)
    target = outdir / DATABASE
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
    # The plugins use pure-Python helpers of this package (reading.py); ship it on PYTHONPATH.
    shutil.copytree(Path(__file__).resolve().parent, outdir / "lib" / "loader", ignore=shutil.ignore_patterns("__pycache__"))
    (outdir / "requirements.txt").write_text("\n".join(pinned_requirements()) + "\n", encoding="utf-8")
    run = outdir / "run.sh"
    run.write_text(run_script(options), encoding="utf-8")
    run.chmod(0o755)
    (outdir / "Dockerfile").write_text(DOCKERFILE, encoding="utf-8")
    (outdir / "DEPLOY.md").write_text(DEPLOY.format(
        database=DATABASE, inspect=INSPECT,
        settings=", ".join(f"`{k}` {v}" for k, v in options.settings().items()),
        robots="allowed" if options.allow_robots else "blocked (`/robots.txt` disallows everything)",
        download="on" if options.allow_download else "off",
        full_text="included" if options.full_text else "left out",
    ), encoding="utf-8")
    (outdir / "publish.json").write_text(json.dumps(options.__dict__, indent=2) + "\n", encoding="utf-8")
    return outdir
