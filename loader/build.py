"""Building the archive: read articles, resolve their annotations (or extract them),
and write everything into a new database that replaces the old one in one rename.

A failed or interrupted build never touches the existing archive: rows go into a
temporary file beside it, which is renamed over the archive only when complete.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import db
from .annotations import Resolution, annotation_path_for, resolve_file
from .articles import MAX_ARTICLE_BYTES, Article, find_article_files, read_article
from .errors import InputError, problem

DEFAULT_ARTICLES = "data/articles"


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


@dataclass
class BuildReport:
    articles: int = 0
    curated: int = 0
    automatic: int = 0
    skipped: list[str] = field(default_factory=list)  # problems of articles left out (--keep-going)
    counts: dict[str, int] = field(default_factory=dict)


def _extract(article: Article) -> Resolution:
    """Rows from the automatic extractor (imported late: it loads spaCy)."""
    try:
        from .extract import extract_resolution
    except ImportError:
        raise InputError([problem(article.path, None, "no curated annotation for this article and no automatic extractor is available yet")]) from None
    return extract_resolution(article)


def load(paths: list[str | Path], use_annotations: bool = True, annotations_dir: str | Path | None = None,
         progress: Callable[[Loaded], None] | None = None, max_article_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[Loaded]:
    """Read each article file and resolve it; problems are collected, never raised."""
    for path in find_article_files(paths):
        loaded = Loaded(path)
        try:
            loaded.article = read_article(path, max_article_bytes)
            annotation = annotation_path_for(path, annotations_dir)
            if use_annotations and annotation.exists():
                loaded.annotation = annotation
                loaded.resolution = resolve_file(annotation, loaded.article)
            else:
                loaded.resolution = _extract(loaded.article)
        except InputError as error:
            loaded.problems = error.problems
        if progress:
            progress(loaded)
        yield loaded


def check_collisions(items: list[Loaded]) -> None:
    """Two files that would be one article (same id, or the same bytes) are an error."""
    by_id: dict[str, Loaded] = {}
    by_hash: dict[str, Loaded] = {}
    for item in items:
        if item.article is None:
            continue
        a = item.article
        if a.id in by_id:
            item.problems.append(problem(a.path, 1, f"article id {a.id!r} is already used by {by_id[a.id].path}: rename one of the files"))
        elif a.sha256 in by_hash:
            item.problems.append(problem(a.path, 1, f"same content as {by_hash[a.sha256].path}: an article is archived once"))
        else:
            by_id[a.id] = item
            by_hash[a.sha256] = item


def validate(paths: list[str | Path], annotations_dir: str | Path | None = None) -> list[Loaded]:
    """Check articles and their curated annotations without building; only articles that
    have an annotation are resolved. Raises :class:`InputError` with every problem found."""
    items = []
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
        items.append(item)
    check_collisions(items)
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


def build(db_path: str | Path, paths: list[str | Path], use_annotations: bool = True,
          annotations_dir: str | Path | None = None, keep_going: bool = False,
          progress: Callable[[Loaded], None] | None = None, max_article_bytes: int = MAX_ARTICLE_BYTES) -> BuildReport:
    """Build the archive at ``db_path`` from the article files or folders in ``paths``.

    :param use_annotations: use an article's curated annotation when it has one
    :param keep_going: leave out articles with problems instead of stopping; their
        problems are in the report and the caller should still exit non-zero
    :raises InputError: on bad input (nothing is written)
    :raises BuildLocked: when another build holds the lock
    """
    db_path = Path(db_path)
    if db_path.parent and not db_path.parent.exists():
        raise InputError([problem(str(db_path), None, "the folder for the archive does not exist")])
    # Locked from the start, so a second build fails at once with a clear message.
    with build_lock(db_path):
        items = list(load(paths, use_annotations, annotations_dir, progress, max_article_bytes))
        check_collisions(items)
        problems = [p for item in items for p in item.problems]
        if problems and not keep_going:
            raise InputError(problems)
        good = [item for item in items if not item.problems]
        report = BuildReport(skipped=problems)
        _remove_stale_temporaries(db_path)
        temporary = db_path.with_name(f".{db_path.name}.tmp-{os.getpid()}")
        try:
            conn = db.connect(temporary)
            try:
                db.create_schema(conn)
                with conn:
                    for item in good:
                        db.save_rows(conn, item.resolution.rows)
                        report.articles += 1
                        if item.annotation:
                            report.curated += 1
                        else:
                            report.automatic += 1
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
    return report
