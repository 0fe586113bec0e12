"""Datasette integration: the files and settings the archive is served with."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
METADATA = PROJECT / "metadata.yml"
PLUGINS = PROJECT / "plugins"
TEMPLATES = PROJECT / "templates"
# Suggested facets cost ~290 ms per table page on 100k rows (docs/benchmarks.md).
SETTINGS = {"suggest_facets": False, "sql_time_limit_ms": 1000, "facet_time_limit_ms": 200}


def load_metadata() -> dict:
    return yaml.safe_load(METADATA.read_text(encoding="utf-8"))


def datasette_command(db: str | Path, host: str = "127.0.0.1", port: int = 8001) -> list[str]:
    """The ``datasette serve`` command line for the archive."""
    command = [sys.executable, "-m", "datasette", "serve", str(db), "--metadata", str(METADATA),
               "--host", host, "--port", str(port)]
    if PLUGINS.is_dir():
        command += ["--plugins-dir", str(PLUGINS)]
    if TEMPLATES.is_dir():
        command += ["--template-dir", str(TEMPLATES)]
    for name, value in SETTINGS.items():
        command += ["--setting", name, str(value).lower() if isinstance(value, bool) else str(value)]
    return command


def make_datasette(db: str | Path):
    """An in-process Datasette over the archive, configured as ``loader serve`` serves it."""
    from datasette.app import Datasette

    return Datasette(
        [str(db)],
        metadata=load_metadata(),
        plugins_dir=str(PLUGINS) if PLUGINS.is_dir() else None,
        template_dir=str(TEMPLATES) if TEMPLATES.is_dir() else None,
        settings=SETTINGS,
    )
