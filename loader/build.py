"""Building the archive: read articles, resolve their annotations (or extract them),
and write everything into a new database that replaces the old one in one rename.

A failed or interrupted build never touches the existing archive: rows go into a
temporary file beside it, which is renamed over the archive only when complete.
Extraction is cached per article (content, annotation and code), so a rebuild redoes
only what changed, and runs in worker processes over all cores. Rows are written as
each article is done, so memory does not grow with the number of articles.
"""

from __future__ import annotations

import fcntl
import hashlib
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from . import db
from .annotations import MAX_ANNOTATION_BYTES, Resolution, annotation_path_for, resolve, resolve_file
from .articles import MAX_ARTICLE_BYTES, Article, find_article_files, read_article, read_limited
from .entities import DECISIONS, NO_DECISIONS, Decisions, load_decisions
from .errors import InputError, printable_path, problem

DEFAULT_ARTICLES = "data/articles"
PACKAGE = Path(__file__).resolve().parent
DATA = PACKAGE.parent / "data"


class BuildLocked(Exception):
    """Another build of the same archive is running."""


@dataclass
class Loaded:
    """One article read and resolved, or the problems that stopped it."""

    path: Path
    article: Article | None = None
    resolution: Resolution | None = None
    annotation: Path | None = None
    problems: list[str] = field(default_factory=list)
    cached: bool = False
    words: int = 0


@dataclass
class BuildReport:
    articles: int = 0
    curated: int = 0
    automatic: int = 0
    extracted: int = 0  # articles resolved or extracted in this build (not from the cache)
    skipped: list[str] = field(default_factory=list)  # problems of articles left out (--keep-going)
    counts: dict[str, int] = field(default_factory=dict)


@cache
def code_fingerprint() -> str:
    """A hash of everything that shapes an article's rows: the package's code, the
    gazetteer and entity decisions, the schema. Any change invalidates the cache."""
    digest = hashlib.sha256()
    files = sorted(PACKAGE.rglob("*.py")) + sorted(DATA.glob("*.yml")) + [PACKAGE.parent / "schema.sql"]
    for path in files:
        if path.is_file():
            digest.update(str(path.relative_to(PACKAGE.parent)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _extract(article: Article, decisions: Decisions) -> Resolution:
    """Rows from the automatic extractor (imported late: it loads spaCy)."""
    from .extract import extract_annotation

    return resolve(extract_annotation(article), article, article.path + " (automatic)", "automatic", decisions)


def load_one(path: Path, annotation: Path | None, max_article_bytes: int = MAX_ARTICLE_BYTES,
             decisions: Decisions = NO_DECISIONS) -> Loaded:
    """Read one article and resolve its curated annotation, or extract it; problems are
    collected, never raised."""
    loaded = Loaded(path, annotation=annotation)
    try:
        loaded.article = read_article(path, max_article_bytes)
        loaded.words = loaded.article.word_count
        loaded.resolution = (resolve_file(annotation, loaded.article, decisions) if annotation
                             else _extract(loaded.article, decisions))
    except InputError as error:
        loaded.problems = error.problems
    return loaded


def _job(args: tuple[Path, Path | None, int]) -> Loaded:
    return load_one(*args)


def _quiet_worker() -> None:
    # The main process handles Ctrl-C and SIGTERM and terminates the pool; a worker just
    # ends (no KeyboardInterrupt traceback from each one).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _cache_key(data: bytes, annotation: Path | None, decisions: Decisions) -> str:
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(repr((sorted(decisions.same.items()), sorted(decisions.different))).encode())
    digest.update(hashlib.sha256(data).digest())
    digest.update(read_limited(annotation, MAX_ANNOTATION_BYTES, "annotation") if annotation else b"\0automatic")
    return digest.hexdigest()


def load(paths: list[str | Path], use_annotations: bool = True, annotations_dir: str | Path | None = None,
         max_article_bytes: int = MAX_ARTICLE_BYTES, cache_path: Path | None = None, workers: int | None = None,
         used_keys: set[str] | None = None, decisions: Decisions = NO_DECISIONS) -> Iterator[Loaded]:
    """Yield every article, in file order, read and resolved: from the cache when its
    content, annotation and the code are unchanged; automatic extraction in worker
    processes."""
    files = find_article_files(paths)
    cache_conn = db.open_cache(cache_path) if cache_path else None
    jobs: list[tuple] = []  # (path, annotation, key, cached rows or None)
    for path in files:
        annotation = annotation_path_for(path, annotations_dir)
        annotation = annotation if use_annotations and annotation.exists() else None
        key = None
        rows = None
        if cache_conn is not None:
            try:
                key = _cache_key(read_limited(path, max_article_bytes), annotation, decisions)
                rows = db.cache_get(cache_conn, key)
            except (OSError, InputError):  # the job reads the file again and reports the problem
                key = None
        jobs.append((path, annotation, key, rows))
    misses = [(path, annotation, max_article_bytes, decisions) for path, annotation, _, rows in jobs if rows is None]
    extract = sum(1 for _, annotation, _, _ in misses if annotation is None)
    workers = workers or os.cpu_count() or 1
    pool = (multiprocessing.get_context("fork").Pool(min(workers, extract), initializer=_quiet_worker)
            if workers > 1 and extract > 1 else None)
    try:
        results = pool.imap(_job, misses, chunksize=2) if pool else map(_job, misses)
        for path, annotation, key, rows in jobs:
            if rows is not None:
                loaded = Loaded(path, annotation=annotation, cached=True,
                                resolution=Resolution(rows=rows), words=rows["articles"][0]["word_count"])
                loaded.article = None
            else:
                loaded = next(results)
                if cache_conn is not None and key and not loaded.problems:
                    with cache_conn:
                        db.cache_put(cache_conn, key, loaded.resolution.rows)
            if used_keys is not None and key:
                used_keys.add(key)
            yield loaded
    finally:
        if pool:
            pool.terminate()
        if cache_conn is not None:
            cache_conn.close()


class _Collisions:
    """Two files that would be one article (same id, or the same bytes) are an error."""

    def __init__(self) -> None:
        self.by_id: dict[str, str] = {}
        self.by_hash: dict[str, str] = {}

    def check(self, item: Loaded) -> None:
        if item.resolution is None or item.problems:
            return
        row = item.resolution.rows["articles"][0]
        where = printable_path(str(item.path))  # it goes into other files' messages too
        if row["id"] in self.by_id:
            item.problems.append(problem(where, 1, f"article id {row['id']!r} is already used by {self.by_id[row['id']]}: rename one of the files"))
        elif row["sha256"] in self.by_hash:
            item.problems.append(problem(where, 1, f"same content as {self.by_hash[row['sha256']]}: an article is archived once"))
        else:
            self.by_id[row["id"]] = where
            self.by_hash[row["sha256"]] = where


def validate(paths: list[str | Path], annotations_dir: str | Path | None = None) -> list[Loaded]:
    """Check articles and their curated annotations without building; only articles that
    have an annotation are resolved. Raises :class:`InputError` with every problem found."""
    items = []
    collisions = _Collisions()
    load_decisions()  # data/entities.yml is checked too
    for path in find_article_files(paths):
        item = Loaded(path)
        try:
            item.article = read_article(path)
            annotation = annotation_path_for(path, annotations_dir)
            if annotation.exists():
                item.annotation = annotation
                item.resolution = resolve_file(annotation, item.article)
        except InputError as error:
            item.problems = error.problems
        if item.resolution is None and not item.problems and item.article:
            # unannotated: still check that it does not collide with another file
            item.resolution = Resolution(rows={"articles": [{"id": item.article.id, "sha256": item.article.sha256}]})
        collisions.check(item)
        items.append(item)
    problems = [p for item in items for p in item.problems]
    if problems:
        raise InputError(problems)
    return items


@contextmanager
def build_lock(db_path: Path) -> Iterator[None]:
    """An exclusive lock beside the archive, so that two builds never race."""
    lock_path = db_path.with_name(db_path.name + ".lock")
    handle = open(lock_path, "w")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLocked(f"another build of {db_path} is running (lock {lock_path}); wait for it to finish") from None
        yield
    finally:
        handle.close()


def _remove_stale_temporaries(db_path: Path) -> None:
    # Left by a build that was killed; safe to remove because we hold the lock.
    for stale in db_path.parent.glob(f".{db_path.name}.tmp-*"):
        stale.unlink(missing_ok=True)


def cache_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".cache")


def build(db_path: str | Path, paths: list[str | Path], use_annotations: bool = True,
          annotations_dir: str | Path | None = None, keep_going: bool = False,
          progress: Callable[[Loaded], None] | None = None, max_article_bytes: int = MAX_ARTICLE_BYTES,
          use_cache: bool = True, workers: int | None = None, entities: str | Path = DECISIONS) -> BuildReport:
    """Build the archive at ``db_path`` from the article files or folders in ``paths``.

    :param use_annotations: use an article's curated annotation when it has one
    :param keep_going: leave out articles with problems instead of stopping; their
        problems are in the report and the caller should still exit non-zero
    :param use_cache: reuse rows of articles whose content, annotation and code are
        unchanged since the last build (kept in ``<db>.cache``)
    :param workers: processes for automatic extraction (default: every core)
    :param entities: curated decisions about entities across articles
    :raises InputError: on bad input (nothing is written)
    :raises BuildLocked: when another build holds the lock
    """
    db_path = Path(db_path)
    if db_path.parent and not db_path.parent.exists():
        raise InputError([problem(str(db_path), None, "the folder for the archive does not exist")])
    decisions = load_decisions(entities)
    report = BuildReport()
    # Locked from the start, so a second build fails at once with a clear message.
    with build_lock(db_path):
        _remove_stale_temporaries(db_path)
        temporary = db_path.with_name(f".{db_path.name}.tmp-{os.getpid()}")
        cache_path = cache_path_for(db_path) if use_cache else None
        used_keys: set[str] = set()
        try:
            conn = db.connect(temporary)
            try:
                db.create_schema(conn)
                saved = db.begin_bulk(conn)
                collisions = _Collisions()
                with conn:
                    for item in load(paths, use_annotations, annotations_dir, max_article_bytes, cache_path,
                                     workers, used_keys, decisions):
                        collisions.check(item)
                        if progress:
                            progress(item)
                        if item.problems:
                            report.skipped.extend(item.problems)
                            continue
                        if report.skipped and not keep_going:
                            continue  # the build will fail: keep checking, stop writing
                        db.save_rows(conn, item.resolution.rows)
                        report.articles += 1
                        report.curated += bool(item.annotation)
                        report.automatic += not item.annotation
                        report.extracted += not item.cached
                    if report.skipped and not keep_going:
                        raise InputError(report.skipped)
                    db.end_bulk(conn, saved)
                violations = conn.execute("PRAGMA foreign_key_check").fetchall()
                if violations:
                    raise RuntimeError(f"foreign key violations: {violations[:5]}")
                report.counts = db.table_counts(conn)
            finally:
                conn.close()
            with open(temporary, "rb") as handle:
                os.fsync(handle.fileno())
            os.replace(temporary, db_path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        if cache_path is not None and cache_path.exists():
            cache_conn = db.open_cache(cache_path)
            with cache_conn:
                db.cache_prune(cache_conn, used_keys)
            cache_conn.close()
    return report
