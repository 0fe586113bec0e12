"""The ``loader`` command: a thin layer over the library modules."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import click

from . import __version__
from .build import DEFAULT_ARTICLES, BuildLocked, Loaded, build, validate
from .errors import InputError
from .site import datasette_command

annotations_option = click.option(
    "--annotations", "annotations_dir", type=click.Path(file_okay=False),
    help="Folder of curated annotations (default: the 'annotations' folder beside each article's folder).",
)


def _fail(problems: list[str]) -> None:
    for line in problems:
        click.echo(line, err=True)
    raise SystemExit(1)


@click.group()
@click.version_option(__version__, prog_name="loader")
def cli() -> None:
    """Normalise news articles into a provenance-tracked SQLite archive and serve it with Datasette."""


@cli.command(name="build")
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--no-annotations", is_flag=True, help="Ignore curated annotations; use only the automatic extractor.")
@annotations_option
@click.option("--keep-going", is_flag=True, help="Build what can be built, list what was skipped, and exit non-zero.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def build_command(db: str, paths: tuple[str, ...], no_annotations: bool, annotations_dir: str | None,
                  keep_going: bool, quiet: bool) -> None:
    """Build the archive DB from article files or folders (default: data/articles).

    Each article's curated annotation (data/annotations/<article-id>.yml) is used
    when it exists. The build is atomic: the old archive stays exactly as it was
    until the new one is complete.

    \b
    Example:
        loader build archive.db
        loader build archive.db data/articles/2022-01-26-trt-world-tehran-talks.txt
    """
    def progress(item: Loaded) -> None:
        if not quiet:
            kind = "curated" if item.annotation else "automatic"
            state = "skipped" if item.problems else kind
            click.echo(f"{item.path}: {state}", err=True)

    try:
        report = build(db, list(paths) or [DEFAULT_ARTICLES], use_annotations=not no_annotations,
                       annotations_dir=annotations_dir, keep_going=keep_going, progress=progress)
    except InputError as error:
        _fail(error.problems + [f"build stopped: nothing was written; {db} is unchanged"])
    except BuildLocked as error:
        _fail([f"{db}: {error}"])
    except (OSError, sqlite3.Error) as error:
        _fail([f"{db}: build failed ({error}); the previous archive is unchanged"])
    if not quiet:
        counts = ", ".join(f"{n} {t}" for t, n in report.counts.items() if t in ("people", "organisations", "locations", "statements", "meetings", "events"))
        click.echo(f"{db}: {report.articles} article(s) ({report.curated} curated, {report.automatic} automatic); {counts}", err=True)
    if report.skipped:
        _fail(report.skipped + [f"skipped {len(report.skipped)} problem(s) above; the archive holds the rest"])


@cli.command(name="validate")
@click.argument("paths", nargs=-1, type=click.Path())
@annotations_option
def validate_command(paths: tuple[str, ...], annotations_dir: str | None) -> None:
    """Check articles and their curated annotations without building.

    Every problem is printed as FILE:LINE: what is wrong; the exit code is 1 if
    there is any.

    \b
    Example:
        loader validate
        loader validate data/articles/2022-01-26-trt-world-tehran-talks.txt
    """
    try:
        items = validate(list(paths) or [DEFAULT_ARTICLES], annotations_dir)
    except InputError as error:
        _fail(error.problems)
    annotated = sum(1 for item in items if item.annotation)
    click.echo(f"ok: {len(items)} article(s), {annotated} annotation(s) valid")


@cli.command(name="serve")
@click.argument("db", default="archive.db", type=click.Path(dir_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("-p", "--port", default=8001, show_default=True, type=int, help="Port to listen on.")
def serve_command(db: str, host: str, port: int) -> None:
    """Serve the archive with Datasette, building it from data/ first if it is missing.

    Uses metadata.yml, plugins/ and templates/ from the project.

    \b
    Example:
        loader serve
        loader serve archive.db --port 8080
    """
    if not Path(db).exists():
        click.echo(f"{db} is missing: building it from {DEFAULT_ARTICLES}", err=True)
        try:
            build(db, [DEFAULT_ARTICLES])
        except InputError as error:
            _fail(error.problems)
    command = datasette_command(db, host=host, port=port)
    click.echo(f"serving {db} on http://{host}:{port}/", err=True)
    sys.stdout.flush()
    os.execvp(command[0], command)


if __name__ == "__main__":
    cli()
