"""The ``loader`` command: a thin layer over the library modules."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import sys
import time
from pathlib import Path

import click

from . import __version__
from .articles import MAX_ARTICLE_BYTES, find_article_files
from .build import DEFAULT_ARTICLES, BuildLocked, Loaded, build, validate
from .cluster import ClusterError
from .errors import InputError, printable_path
from .publish import PublishOptions, publish
from .site import datasette_command

annotations_option = click.option(
    "--annotations", "annotations_dir", type=click.Path(file_okay=False),
    help="Folder of curated annotations (default: the 'annotations' folder beside each article's folder).",
)


def _fail(problems: list[str]) -> None:
    for line in problems:
        click.echo(line, err=True)
    raise SystemExit(1)


def _files(sources: list[str]) -> list:
    """The article files of ``sources``; what a folder scan left out is listed on stderr."""
    skipped: list[str] = []
    files = find_article_files(sources, skipped)
    for line in skipped:
        click.echo(line, err=True)
    return files


class Terminated(BaseException):
    """SIGTERM, raised in the main process so a build unwinds as on Ctrl-C."""


def _raise_terminated(signum, frame):
    raise Terminated()


@click.group()
@click.version_option(__version__, prog_name="loader")
def cli() -> None:
    """Normalise news articles into a provenance-tracked SQLite archive and serve it with Datasette."""


class BuildProgress:
    """Articles done, words/s and time left: a bar on a terminal, plain lines in a log."""

    def __init__(self, total: int, quiet: bool) -> None:
        self.total, self.quiet = total, quiet
        self.done = self.words = 0
        self.started = time.monotonic()
        self.tty = sys.stderr.isatty()

    def __call__(self, item: Loaded) -> None:
        self.done += 1
        self.words += item.words
        if self.quiet:
            return
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = self.words / elapsed
        left = (self.total - self.done) * elapsed / self.done
        state = "skipped" if item.problems else "unchanged" if item.unchanged else ("cached" if item.cached else ("curated" if item.annotation else "extracted"))
        figures = f"{self.done}/{self.total} articles, {rate:,.0f} words/s, {left:,.0f} s left"
        if self.tty:
            width = 30
            filled = int(width * self.done / max(self.total, 1))
            click.echo(f"\r[{'#' * filled}{'.' * (width - filled)}] {figures}   ", nl=self.done == self.total, err=True)
        else:
            click.echo(f"{printable_path(str(item.path))}: {state} ({figures})", err=True)


@cli.command(name="build")
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--no-annotations", is_flag=True, help="Ignore curated annotations; use only the automatic extractor.")
@annotations_option
@click.option("--keep-going", is_flag=True, help="Build what can be built, list what was skipped, and exit non-zero.")
@click.option("--max-article-bytes", type=int, default=MAX_ARTICLE_BYTES, show_default=True,
              help="Refuse article files larger than this.")
@click.option("--no-cache", is_flag=True, help="Extract every article again into a clean rebuild, instead of updating DB in place and reusing <DB>.cache.")
@click.option("--workers", type=int, default=None, help="Processes for automatic extraction (default: every core).")
@click.option("--scheduler", envvar="LOADER_SCHEDULER", default=None, metavar="tcp://HOST:PORT",
              help="Extract on the workers of this Dask scheduler instead of local processes (or set LOADER_SCHEDULER).")
@click.option("--strict", is_flag=True,
              help="Fail (exit 1, the old archive kept) if any extraction stage fails on an article, "
                   "instead of storing the failure in extraction_failures.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def build_command(db: str, paths: tuple[str, ...], no_annotations: bool, annotations_dir: str | None,
                  keep_going: bool, max_article_bytes: int, no_cache: bool, workers: int | None,
                  scheduler: str | None, strict: bool, quiet: bool) -> None:
    """Build the archive DB from article files or folders (default: data/articles).

    Each article's curated annotation (data/annotations/<article-id>.yml) is used
    when it exists; other articles go through the automatic extractor, in parallel
    (or on a Dask cluster with --scheduler). An existing DB built by the same code
    is updated in place: only added, changed and removed files are handled, in one
    transaction; after a code change it is rebuilt into a new file that replaces
    it. Either way the build is atomic: readers and crashes see the old archive
    or the new one, never half.
    A stage of the automatic extractor that fails on an article is stored in the
    extraction_failures table and listed at the end (the article's other rows are
    kept); with --strict it stops the build.

    \b
    Example:
        loader build archive.db
        loader build archive.db data/articles/2022-01-26-trt-world-tehran-talks.txt
        loader build --no-annotations auto.db data/articles
        loader build --scheduler tcp://10.0.0.5:8786 archive.db data/articles
        loader build --strict --no-annotations auto.db data/articles
    """
    sources = list(paths) or [DEFAULT_ARTICLES]
    # A service manager stops with SIGTERM: unwind like Ctrl-C, removing the temporary file.
    signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        progress = BuildProgress(len(_files(sources)), quiet)
        report = build(db, sources, use_annotations=not no_annotations, annotations_dir=annotations_dir,
                       keep_going=keep_going, progress=progress, max_article_bytes=max_article_bytes,
                       use_cache=not no_cache, workers=workers, scheduler=scheduler, strict=strict)
    except (KeyboardInterrupt, Terminated) as error:
        click.echo(f"{db}: build {'terminated' if isinstance(error, Terminated) else 'interrupted'}: "
                   f"nothing was written; {db} is unchanged", err=True)
        raise SystemExit(143 if isinstance(error, Terminated) else 130) from None
    except InputError as error:
        _fail(error.problems + [f"build stopped: nothing was written; {db} is unchanged"])
    except BuildLocked as error:
        _fail([f"{db}: {error}"])
    except (OSError, sqlite3.Error, ClusterError) as error:
        _fail([f"{db}: build failed ({error}); the previous archive is unchanged"])
    if not quiet:
        counts = ", ".join(f"{n} {t}" for t, n in report.counts.items() if t in ("people", "organisations", "locations", "statements", "meetings", "events"))
        if report.mode == "update":
            how = (f"updated in place: {report.added} added, {report.changed} changed, {report.removed} removed, "
                   f"{report.unchanged} unchanged; {report.extracted} resolved or extracted now")
        else:
            how = f"clean build: {report.extracted} resolved or extracted now, the rest from the cache"
        click.echo(f"{db}: {report.articles} article(s) ({report.curated} curated, {report.automatic} automatic; "
                   f"{how}); {counts}", err=True)
    if report.failures:  # printed even with --quiet: a failure is never silent
        for line in report.failures:
            click.echo(line, err=True)
        click.echo(f"{db}: {len(report.failures)} extraction failure(s) above, stored in extraction_failures "
                   "(the articles' other rows are kept; --strict makes them fatal)", err=True)
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
        _files(list(paths) or [DEFAULT_ARTICLES])
        items = validate(list(paths) or [DEFAULT_ARTICLES], annotations_dir)
    except InputError as error:
        _fail(error.problems)
    annotated = sum(1 for item in items if item.annotation)
    click.echo(f"ok: {len(items)} article(s), {annotated} annotation(s) valid")


@cli.command(name="add")
@click.argument("sources", nargs=-1, required=True)
@click.option("--to", "to_dir", default=DEFAULT_ARTICLES, show_default=True, type=click.Path(file_okay=False),
              help="Folder to write the articles into; the original HTML goes to the 'raw' folder beside it.")
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
              help="Publication date (YYYY-MM-DD) for articles whose source gives none.")
@click.option("--language", default=None, metavar="CODE",
              help="Also add articles in this language (e.g. fr), and record it for pages that declare none.")
@click.option("--ignore-robots", is_flag=True, help="Fetch pages even where the site's robots.txt disallows it.")
@click.option("--timeout", type=float, default=20.0, show_default=True, help="Seconds to wait for a server to connect or answer.")
@click.option("--delay", type=float, default=1.0, show_default=True, help="Seconds between two requests to one host (or its robots.txt Crawl-delay).")
@click.option("--retries", type=int, default=2, show_default=True, help="Extra tries after a 5xx answer or a failed connection.")
@click.option("--backoff", type=float, default=1.0, show_default=True, help="Seconds before the first retry; doubled for each next one.")
@click.option("--max-bytes", type=int, default=5_000_000, show_default=True, help="Refuse pages and files larger than this.")
def add_command(sources: tuple[str, ...], to_dir: str, published, language: str | None, ignore_robots: bool,
                timeout: float, delay: float, retries: int, backoff: float, max_bytes: int) -> None:
    """Add articles from saved web pages, URLs, RSS/Atom feeds and JSON Lines or CSV exports.

    Each SOURCE is a saved page (page.html) or a folder of them, the URL of an
    article, a feed (URL or file: every item's page is fetched), or an export
    (.jsonl or .csv, one article per line with title, published, url,
    publisher, author, language, and text or html). Each article is written to
    --to DIR in the article format, ready for loader build, with its HTML kept
    in the raw folder beside it. Articles already there (same URL, or same
    text) are skipped; items without article text, date or English text are
    refused, one line each, and the exit code is then 1.

    \b
    Example:
        loader add saved/port-strike.html saved/more-pages/
        loader add https://news.example/2024/03/14/port-strike
        loader add https://news.example/feed.xml --delay 2
        loader add export.jsonl --to data/articles
        loader add page-without-date.html --published 2024-03-14
    """
    from .add import AddOptions, Adder, no_progress
    from .fetch import FetchOptions

    if language is not None and not re.fullmatch(r"[A-Za-z]{2,3}", language.strip()):
        raise click.BadParameter(f"{language!r} is not a language code such as en, fr or deu", param_hint="--language")

    fetch = FetchOptions(timeout=timeout, delay=delay, retries=retries, backoff=backoff,
                         max_bytes=max_bytes, respect_robots=not ignore_robots)
    options = AddOptions(to=Path(to_dir), published=published.date().isoformat() if published else None,
                         language=language.strip().lower() if language else None, fetch=fetch)
    tty = sys.stderr.isatty()

    def progress(length: int, label: str):
        if tty and length > 1:
            return click.progressbar(length=length, label=label, file=sys.stderr)
        return no_progress(length, label)

    def show(outcome) -> None:
        click.echo(str(outcome), err=outcome.status == "refused")

    report = Adder(options, on_outcome=show, progress=progress).add(sources)
    click.echo(report.summary, err=True)
    if report.count("refused"):
        raise SystemExit(1)


@cli.command(name="publish")
@click.argument("outdir", type=click.Path(file_okay=False))
@click.option("--db", default="archive.db", show_default=True, type=click.Path(dir_okay=False), help="The archive to publish.")
@click.option("--no-full-text", is_flag=True, help="Leave the article texts out (statements, quotes, metadata and urls stay).")
@click.option("--no-sql", is_flag=True, help="Canned queries and pages only: no arbitrary SQL (allow_sql off).")
@click.option("--allow-download", is_flag=True, help="Let visitors download the whole database file.")
@click.option("--allow-robots", is_flag=True, help="Let crawlers index the site (robots.txt blocks them by default).")
@click.option("--public-url", default="http://localhost:8001", show_default=True,
              help="The site's public address: absolute URLs and Link headers use it, never the request's Host.")
@click.option("--sql-time-limit-ms", default=1000, show_default=True, type=int, help="Cut off any query after this long.")
@click.option("--max-returned-rows", default=1000, show_default=True, type=int, help="Most rows any query returns.")
@click.option("--cache-ttl", default=300, show_default=True, type=int, help="Seconds browsers and proxies may cache pages.")
@click.option("--concurrent-per-client", default=8, show_default=True, type=int,
              help="Requests in flight at once per client IP (0: no limit).")
@click.option("--requests-per-second", default=20.0, show_default=True, type=float,
              help="Sustained requests per second per client IP (0: no limit).")
@click.option("--burst", default=80, show_default=True, type=int, help="Requests a client may send at once before the rate applies.")
@click.option("--max-response-bytes", default=20_000_000, show_default=True, type=int, help="Largest response sent.")
@click.option("--response-cache-bytes", default=64_000_000, show_default=True, type=int,
              help="Memory per server process for responses served again without a query (0: no cache).")
@click.option("--sql-threads", default=3, show_default=True, type=int,
              help="SQL threads per server process; 0 runs queries in the event loop (faster, but a slow query holds up its process).")
@click.option("--gzip-level", default=1, show_default=True, type=click.IntRange(0, 9),
              help="gzip level of responses when the response cache is off (0: none).")
@click.option("--computing", default=4, show_default=True, type=click.IntRange(0, None),
              help="Requests each server process computes at once; the rest wait their turn (0: no limit).")
def publish_command(outdir: str, db: str, no_full_text: bool, no_sql: bool, allow_download: bool, allow_robots: bool,
                    public_url: str, sql_time_limit_ms: int, max_returned_rows: int, cache_ttl: int,
                    concurrent_per_client: int, requests_per_second: float, burst: int, max_response_bytes: int,
                    response_cache_bytes: int, sql_threads: int, gzip_level: int, computing: int) -> None:
    """Write a self-contained folder that serves the archive read-only.

    The folder holds the database with its inspect file, metadata.yml, templates,
    plugins (with per-client limits, security headers and a response cap), a pinned
    requirements.txt, run.sh (serves on $HOST:$PORT, default 0.0.0.0:8001, from its
    own virtualenv), a Dockerfile and DEPLOY.md (limits, reverse proxy).

    \b
    Example:
        loader publish site/ --public-url https://news.example.org
        loader publish site/ --no-full-text --no-sql && HOST=127.0.0.1 PORT=8080 site/run.sh
    """
    if not re.match(r"https?://[^/?#\s]+/?\Z", public_url):
        _fail([f"--public-url {public_url!r}: expected http(s)://host[:port], without a path"])
    options = PublishOptions(full_text=not no_full_text, allow_download=allow_download, allow_robots=allow_robots,
                             sql_time_limit_ms=sql_time_limit_ms, max_returned_rows=max_returned_rows, cache_ttl=cache_ttl,
                             allow_sql=not no_sql, public_url=public_url.rstrip("/"),
                             concurrent_per_client=concurrent_per_client, requests_per_second=requests_per_second,
                             burst=burst, max_response_bytes=max_response_bytes,
                             response_cache_bytes=response_cache_bytes, sql_threads=sql_threads,
                             gzip_level=gzip_level, computing_per_process=computing)
    try:
        publish(db, outdir, options)
    except InputError as error:
        _fail(error.problems)
    click.echo(f"published {db} to {outdir}/; serve it with {outdir}/run.sh", err=True)


@cli.command(name="serve")
@click.argument("db", default="archive.db", type=click.Path(dir_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("-p", "--port", default=8001, show_default=True, type=int, help="Port to listen on.")
def serve_command(db: str, host: str, port: int) -> None:
    """Serve the archive with Datasette, building it from data/ first if it is missing.

    Uses metadata.yml, plugins/ and templates/ from the project. Whatever the file
    is called, it is served as the database 'archive' (/archive/...).

    \b
    Example:
        loader serve
        loader serve archive.db --port 8080
        loader build --no-annotations auto.db data/articles && loader serve auto.db
    """
    if not Path(db).exists():
        click.echo(f"{db} is missing: building it from {DEFAULT_ARTICLES}", err=True)
        try:
            build(db, [DEFAULT_ARTICLES])
        except InputError as error:
            _fail(error.problems)
    command = datasette_command(db, host=host, port=port)
    click.echo(f"serving {db} as the database 'archive' on http://{host}:{port}/", err=True)
    sys.stdout.flush()
    os.execvp(command[0], command)


@cli.command(name="draft")
@click.argument("article", type=click.Path(dir_okay=False))
def draft_command(article: str) -> None:
    """Print the automatic pipeline's annotation of ARTICLE as YAML.

    The draft is in the curated format (docs/annotation.md) and validates as it
    is: save it as data/annotations/<article-id>.yml and correct it by hand.

    \b
    Example:
        loader draft data/articles/2022-01-26-trt-world-tehran-talks.txt > draft.yml
    """
    import yaml

    from .articles import read_article
    from .extract import extract_draft

    try:
        parsed = read_article(article)
    except InputError as error:
        _fail(error.problems)
    doc = {"article": {k: v for k, v in (("title", parsed.title), ("publisher", parsed.publisher),
                                          ("url", parsed.url), ("language", parsed.language)) if v}}
    annotation, failures = extract_draft(parsed)
    doc.update(annotation)
    for failure in failures:  # never silent: the draft lacks what a failed stage would have made
        click.echo(f"{printable_path(article)}: extraction stage {failure.stage} failed: {failure.error} ({failure.effect})", err=True)
    if not doc["article"]:
        del doc["article"]
    click.echo(f"# Automatic draft of {article} (loader draft); check every entry before curating it.")
    click.echo(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=1000), nl=False)


@cli.command(name="evaluate")
@click.argument("articles", nargs=-1, type=click.Path())
@annotations_option
@click.option("--summary", is_flag=True, help="Print only the figures, not the misses and false hits.")
def evaluate_command(articles: tuple[str, ...], annotations_dir: str | None, summary: bool) -> None:
    """Compare the automatic pipeline with the curated annotations.

    Prints precision, recall and F1 per area for each article (default: every
    article in data/articles that has a curated annotation), then the figures
    pooled over all of them, with the misses and false hits.

    \b
    Example:
        loader evaluate
        loader evaluate tests/fixtures/articles --annotations tests/fixtures/annotations
    """
    from .annotations import annotation_path_for, resolve_file
    from .articles import find_article_files, read_article
    from .evaluate import evaluate, format_report, pooled
    from .extract import extract_resolution

    try:
        files = find_article_files(list(articles) or [DEFAULT_ARTICLES])
    except InputError as error:
        _fail(error.problems)
    results, problems = [], []
    for path in files:
        annotation = annotation_path_for(path, annotations_dir)
        if not annotation.exists():
            if articles and Path(path).is_file() and str(path) in articles:
                problems.append(f"{path}: no curated annotation at {annotation}")
            continue
        try:
            article = read_article(path)
            curated = resolve_file(annotation, article)
        except InputError as error:
            problems += error.problems
            continue
        scores = evaluate(extract_resolution(article), curated)
        results.append(scores)
        click.echo(format_report(scores, f"{path}", details=not summary))
        click.echo("")
    if problems:
        _fail(problems)
    if not results:
        _fail([f"{', '.join(articles) or DEFAULT_ARTICLES}: no article with a curated annotation to evaluate"])
    if len(results) > 1:
        click.echo(format_report(pooled(results), f"all {len(results)} articles (pooled)", details=False))


if __name__ == "__main__":  # after every command, so that python -m loader.cli knows them all
    cli()
