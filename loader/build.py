"""Building the archive: read articles, resolve their annotations (or extract them),
and write everything into the archive.

Two ways, with the same rows either way (tests/test_incremental.py compares them):

* **update in place** (an archive built by the same code exists): only added, changed
  and removed article files are handled; their rows and the shared entity rows they
  touch change in ONE SQLite transaction (WAL mode), so a reader or a crash sees the
  old archive or the new one, never half;
* **clean rebuild** (no archive yet, a schema or extractor change, or ``--no-cache``):
  rows go into a temporary file beside the archive, which replaces it only when
  complete.

Each article file is read once: its input key (content, annotation, entity decisions,
code) and its rows come from the same bytes. Extraction is cached per input key, and
runs in worker processes over all cores, or on a Dask cluster (loader.cluster). Rows
are written as each article is done, so memory does not grow with the number of
articles.
"""

from __future__ import annotations

import fcntl
import hashlib
import multiprocessing
import os
import signal
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from itertools import chain
from pathlib import Path

from . import db
from .annotations import MAX_ANNOTATION_BYTES, Resolution, annotation_path_for, resolve, resolve_file
from .articles import (MAX_ARTICLE_BYTES, Article, article_id_for, find_article_files, parse_article, read_article,
                       read_limited)
from .entities import DECISIONS, NO_DECISIONS, Decisions, load_decisions
from .errors import InputError, printable_path, problem

DEFAULT_ARTICLES = "data/articles"
PACKAGE = Path(__file__).resolve().parent
DATA = PACKAGE.parent / "data"
WINDOW = 64  # files read ahead of the writer: bounds memory, keeps the workers busy
SCHEDULER_ENV = "LOADER_SCHEDULER"


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
    key: str | None = None  # input key: content, annotation, decisions, code
    sha256: str | None = None  # of the file's bytes
    unchanged: bool = False  # already in the archive being updated, as it is now

    @property
    def article_id(self) -> str:
        return article_id_for(self.path)


@dataclass
class BuildReport:
    articles: int = 0
    curated: int = 0
    automatic: int = 0
    extracted: int = 0  # articles resolved or extracted in this build (not from the cache)
    skipped: list[str] = field(default_factory=list)  # problems of articles left out (--keep-going)
    failures: list[str] = field(default_factory=list)  # extraction_failures rows, as FILE: stage: error lines
    counts: dict[str, int] = field(default_factory=dict)
    mode: str = "clean"  # "clean" (a new file) or "update" (in place)
    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0


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


def _decisions_repr(decisions: Decisions) -> bytes:
    return repr((sorted(decisions.same.items()), sorted(decisions.different))).encode()


def archive_fingerprint(decisions: Decisions) -> str:
    """What an archive must have been built with to be updated in place: the same code
    and the same entity decisions (else ids and shared rows may differ throughout)."""
    return hashlib.sha256(code_fingerprint().encode() + b"\0" + _decisions_repr(decisions)).hexdigest()


def input_key(path: Path, sha256: str, annotation_data: bytes | None, decisions: Decisions) -> str:
    """The cache key of one article file: its path (the id and source_file come from
    it), its bytes, its annotation's bytes, the decisions and the code."""
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(_decisions_repr(decisions))
    digest.update(b"\0" + str(path).encode() + b"\0" + sha256.encode())
    digest.update(b"\1" + annotation_data if annotation_data is not None else b"\0automatic")
    return digest.hexdigest()


def _extract(article: Article, decisions: Decisions) -> Resolution:
    """Rows from the automatic extractor (imported late: it loads spaCy)."""
    from .extract import extract_resolution

    return extract_resolution(article, decisions)


def failure_lines(conn) -> list[str]:
    """The archive's extraction failures as ``FILE: extraction stage S failed: ERROR (EFFECT)``
    (from the archive itself, so that an update also reports its unchanged articles')."""
    return [f"{source}: extraction stage {stage} failed: {error} ({effect})" for source, stage, error, effect in conn.execute(
        "SELECT articles.source_file, stage, error, effect FROM extraction_failures "
        "JOIN articles ON articles.id = extraction_failures.article_id ORDER BY articles.source_file, extraction_failures.id")]


def _check_failures(conn, report: "BuildReport", strict: bool) -> None:
    report.failures = failure_lines(conn)
    if report.failures and strict:
        raise InputError(report.failures + [f"--strict: {len(report.failures)} extraction failure(s)"])


def load_one(path: Path, annotation: Path | None, max_article_bytes: int = MAX_ARTICLE_BYTES,
             decisions: Decisions = NO_DECISIONS, data: bytes | None = None,
             annotation_data: bytes | None = None) -> Loaded:
    """Parse one article (``data``: its bytes, already read; else it is read) and
    resolve its curated annotation, or extract it; problems are collected, never raised."""
    loaded = Loaded(path, annotation=annotation)
    try:
        loaded.article = (parse_article(data, path, max_article_bytes) if data is not None
                          else read_article(path, max_article_bytes))
        loaded.words = loaded.article.word_count
        loaded.resolution = (resolve_file(annotation, loaded.article, decisions, annotation_data) if annotation
                             else _extract(loaded.article, decisions))
    except InputError as error:
        loaded.problems = error.problems
    return loaded


def _job(args: tuple) -> Loaded:
    loaded = load_one(*args)
    loaded.article = None  # the parent needs the rows, not the parsed article
    return loaded


def _batch(jobs: list[tuple]) -> list[Loaded]:
    """The jobs' articles parsed together through one nlp.pipe stream (spaCy batches the
    model's work: the same docs, parsed faster than one by one), then each job run."""
    from .extract import analysed_part
    from .extract.model import forget_preparsed, has_words, preparse

    texts = []
    for path, annotation, max_bytes, _, data, _ in jobs:
        if annotation is None:
            try:
                text = parse_article(data, path, max_bytes).text
            except InputError:
                continue  # load_one reports it
            if has_words(text):
                texts.append(analysed_part(text))
    try:
        try:
            preparse(texts)
        except Exception:  # a pipeline bug: each article is parsed alone (and caught) by its job
            forget_preparsed()
        return [_job(job) for job in jobs]
    finally:
        forget_preparsed()


BATCH = 8  # articles per batch: enough for nlp.pipe to batch the model's work, small enough to spread


def batches(jobs: list[tuple], workers: int | None) -> list[list[tuple]]:
    """Jobs in batches of at most BATCH, smaller when there are few jobs so that each of
    ``workers`` gets one (None: a cluster of unknown size)."""
    size = BATCH if workers is None else max(1, min(BATCH, -(-len(jobs) // max(1, workers))))
    return [jobs[i:i + size] for i in range(0, len(jobs), size)]


def _quiet_worker() -> None:
    # The main process handles Ctrl-C and SIGTERM and terminates the pool; a worker just
    # ends (no KeyboardInterrupt traceback from each one).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _read_inputs(path: Path, annotation: Path | None, limit: int) -> tuple[bytes, bytes | None]:
    """The article's and its annotation's bytes, read once each, bounded."""
    return (read_limited(path, limit),
            read_limited(annotation, MAX_ANNOTATION_BYTES, "annotation") if annotation else None)


class _LocalExtractor:
    """Automatic extraction in worker processes (started when first needed, kept for the
    whole build so each loads the model once)."""

    def __init__(self, workers: int | None) -> None:
        self.workers = workers or os.cpu_count() or 1
        self.pool = None

    def run(self, jobs: list[tuple]) -> Iterator[Loaded]:
        """Each job's Loaded item, in order."""
        extract = sum(1 for job in jobs if job[1] is None)
        if self.pool is None and self.workers > 1 and extract > 1:
            self.pool = multiprocessing.get_context("fork").Pool(self.workers, initializer=_quiet_worker)
        if self.pool is not None:
            return chain.from_iterable(self.pool.imap(_batch, batches(jobs, self.workers)))
        return chain.from_iterable(map(_batch, batches(jobs, None)))

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()


def load(paths: list[str | Path], use_annotations: bool = True, annotations_dir: str | Path | None = None,
         max_article_bytes: int = MAX_ARTICLE_BYTES, cache_path: Path | None = None, workers: int | None = None,
         used_keys: set[str] | None = None, decisions: Decisions = NO_DECISIONS,
         built: dict[str, str] | None = None, scheduler: str | None = None) -> Iterator[Loaded]:
    """Yield every article, in file order, read and resolved: from the cache when its
    input key is known; automatic extraction in worker processes (or on the Dask
    cluster at ``scheduler``). ``built`` maps article ids of an archive being updated to
    their input keys: an article whose key is the same is yielded ``unchanged``,
    without rows."""
    files = find_article_files(paths)
    cache_conn = db.open_cache(cache_path) if cache_path else None
    if scheduler:
        from .cluster import ClusterExtractor

        extractor = ClusterExtractor(scheduler, _batch, code_fingerprint, batches)
    else:
        extractor = _LocalExtractor(workers)

    def prepare(batch: list[Path]) -> tuple[list[Loaded], Iterator[Loaded]]:
        """Read a window of files; what is neither unchanged nor cached goes to extraction."""
        window: list[Loaded] = []
        jobs: list[tuple] = []
        for path in batch:
            annotation = annotation_path_for(path, annotations_dir)
            annotation = annotation if use_annotations and annotation.exists() else None
            item = Loaded(path, annotation=annotation)
            window.append(item)
            try:
                data, annotation_data = _read_inputs(path, annotation, max_article_bytes)
            except InputError as error:
                item.problems = error.problems
                continue
            item.sha256 = hashlib.sha256(data).hexdigest()
            item.key = input_key(path, item.sha256, annotation_data, decisions)
            if used_keys is not None:
                used_keys.add(item.key)
            if built is not None and built.get(item.article_id) == item.key and len(data) <= max_article_bytes:
                item.unchanged = True
                continue
            rows = db.cache_get(cache_conn, item.key) if cache_conn is not None else None
            if rows is not None:
                item.cached = True
                item.resolution = Resolution(rows=rows)
                item.words = rows["articles"][0]["word_count"]
                continue
            jobs.append((path, annotation, max_article_bytes, decisions, data, annotation_data))
        return window, extractor.run(jobs)

    def finish(window: list[Loaded], results: Iterator[Loaded]) -> Iterator[Loaded]:
        for item in window:
            if not (item.unchanged or item.cached or item.problems):
                done = next(results)
                item.resolution, item.problems, item.words = done.resolution, done.problems, done.words
                if cache_conn is not None and not item.problems:
                    with cache_conn:
                        db.cache_put(cache_conn, item.key, item.resolution.rows)
            yield item

    try:
        # the next window is submitted before this one is yielded: workers keep busy while the writer writes
        pending = None
        for start in range(0, len(files), WINDOW):
            ahead = prepare(files[start:start + WINDOW])
            if pending:
                yield from finish(*pending)
            pending = ahead
        if pending:
            yield from finish(*pending)
    finally:
        extractor.close()
        if cache_conn is not None:
            cache_conn.close()


class _Collisions:
    """Two files that would be one article (same id, or the same bytes) are an error."""

    def __init__(self) -> None:
        self.by_id: dict[str, str] = {}
        self.by_hash: dict[str, str] = {}

    def check(self, item: Loaded) -> None:
        if item.problems:
            return
        if item.resolution is not None:
            row = item.resolution.rows["articles"][0]
            article_id, sha256 = row["id"], row["sha256"]
        elif item.unchanged:
            article_id, sha256 = item.article_id, item.sha256
        else:
            return
        where = printable_path(str(item.path))  # it goes into other files' messages too
        if article_id in self.by_id:
            item.problems.append(problem(where, 1, f"article id {article_id!r} is already used by {self.by_id[article_id]}: rename one of the files"))
        elif sha256 in self.by_hash:
            item.problems.append(problem(where, 1, f"same content as {self.by_hash[sha256]}: an article is archived once"))
        else:
            self.by_id[article_id] = where
            self.by_hash[sha256] = where
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


    if not db_path.exists():
        # a WAL left beside an archive that was deleted would be applied to the new one
        for suffix in ("-wal", "-shm", "-journal"):
            Path(str(db_path) + suffix).unlink(missing_ok=True)


def cache_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".cache")


def _install(temporary: Path, db_path: Path) -> None:
    """Put the complete new archive where the old one is, atomically for readers.

    A rename is atomic, but renaming over a WAL archive that a reader (``loader serve``)
    has open would leave that reader's -wal and -shm files to the new file. So the old
    archive is first switched out of WAL mode, which SQLite refuses while anyone has
    it open; then the new file is renamed over it. If it is open, the new archive is
    copied into it instead through SQLite's backup, one write transaction: readers see
    the old archive until it commits, then the new one."""
    if db_path.exists():
        old = sqlite3.connect(str(db_path), isolation_level=None, timeout=5)
        try:
            try:
                mode = old.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
            except sqlite3.OperationalError:  # database is locked: a reader has it open
                mode = "wal"
            except sqlite3.DatabaseError:  # not an archive at all: renamed over like any file
                mode = "delete"
            if mode == "wal":
                new = sqlite3.connect(str(temporary))
                try:
                    new.backup(old)
                finally:
                    new.close()
                temporary.unlink()
                return
        finally:
            old.close()
    os.replace(temporary, db_path)


class _Builder:
    """Feeds the articles of one build into a :class:`db.Writer` and keeps the report."""

    def __init__(self, writer: db.Writer, report: BuildReport, keep_going: bool,
                 progress: Callable[[Loaded], None] | None, built: dict[str, tuple[str, str]]) -> None:
        self.writer, self.report, self.keep_going, self.progress = writer, report, keep_going, progress
        self.built = built
        self.collisions = _Collisions()
        self.kept: set[str] = set()  # article ids in the archive after this build
        self.removed: set[str] = set()

    def _remove(self, article_id: str) -> bool:
        if article_id in self.built and article_id not in self.removed:
            self.writer.remove(article_id)
            self.removed.add(article_id)
            return True
        return False

    def take(self, item: Loaded) -> None:
        self.collisions.check(item)
        if self.progress:
            self.progress(item)
        report = self.report
        if item.problems:
            report.skipped.extend(item.problems)
            if item.article_id not in self.collisions.by_id and self._remove(item.article_id):
                report.removed += 1  # it was in the archive; a clean build would leave it out
            return
        if report.skipped and not self.keep_going:
            return  # the build will fail: keep checking, stop writing
        report.articles += 1
        report.curated += bool(item.annotation)
        report.automatic += not item.annotation
        self.kept.add(item.article_id)
        if item.unchanged:
            report.unchanged += 1
            return
        report.extracted += not item.cached
        rows = item.resolution.rows
        if rows["articles"][0]["id"] in self.built:
            report.changed += 1
            self._remove(rows["articles"][0]["id"])
        else:
            report.added += 1
        self.writer.add(rows, {"article_id": rows["articles"][0]["id"], "source_file": str(item.path), "input_key": item.key})

    def end(self) -> None:
        for article_id in sorted(set(self.built) - self.kept - self.removed):
            self._remove(article_id)
            self.report.removed += 1
        if self.report.skipped and not self.keep_going:
            raise InputError(self.report.skipped)


def build(db_path: str | Path, paths: list[str | Path], use_annotations: bool = True,
          annotations_dir: str | Path | None = None, keep_going: bool = False,
          progress: Callable[[Loaded], None] | None = None, max_article_bytes: int = MAX_ARTICLE_BYTES,
          use_cache: bool = True, workers: int | None = None, entities: str | Path = DECISIONS,
          scheduler: str | None = None, strict: bool = False) -> BuildReport:
    """Build the archive at ``db_path`` from the article files or folders in ``paths``:
    in place when it exists and was built by the same code, else a clean rebuild.

    :param use_annotations: use an article's curated annotation when it has one
    :param keep_going: leave out articles with problems instead of stopping; their
        problems are in the report and the caller should still exit non-zero
    :param use_cache: reuse what was built before: update the archive in place and
        reuse rows of unchanged inputs from ``<db>.cache``; without it every article is
        extracted again into a clean rebuild
    :param workers: processes for automatic extraction (default: every core)
    :param entities: curated decisions about entities across articles
    :param scheduler: address of a Dask scheduler (``tcp://HOST:PORT``) to extract on
        its workers instead of local processes
    :param strict: an extraction failure (a stage that raised, items the resolver
        dropped) stops the build like bad input; otherwise it is stored in
        ``extraction_failures`` and listed in the report
    :raises InputError: on bad input, or an extraction failure when ``strict`` (nothing is written)
    :raises BuildLocked: when another build holds the lock
    """
    db_path = Path(db_path)
    if db_path.parent and not db_path.parent.exists():
        raise InputError([problem(str(db_path), None, "the folder for the archive does not exist")])
    decisions = load_decisions(entities)
    fingerprint = archive_fingerprint(decisions)
    report = BuildReport()
    # Locked from the start, so a second build fails at once with a clear message.
    with build_lock(db_path):
        _remove_stale_temporaries(db_path)
        cache_path = cache_path_for(db_path) if use_cache else None
        used_keys: set[str] = set()
        options = dict(use_annotations=use_annotations, annotations_dir=annotations_dir,
                       max_article_bytes=max_article_bytes, cache_path=cache_path, workers=workers,
                       used_keys=used_keys, decisions=decisions, scheduler=scheduler)
        if use_cache and db.build_info(db_path).get("fingerprint") == fingerprint:
            report.mode = "update"
            _update(db_path, paths, options, fingerprint, report, keep_going, progress, strict)
        else:
            _rebuild(db_path, paths, options, fingerprint, report, keep_going, progress, strict)
        if cache_path is not None and cache_path.exists():
            cache_conn = db.open_cache(cache_path)
            with cache_conn:
                db.cache_prune(cache_conn, used_keys)
            cache_conn.close()
    return report


def _rebuild(db_path: Path, paths: list, options: dict, fingerprint: str, report: BuildReport,
             keep_going: bool, progress: Callable | None, strict: bool = False) -> None:
    """A new archive in a temporary file beside the old one, then put in its place."""
    temporary = db_path.with_name(f".{db_path.name}.tmp-{os.getpid()}")
    try:
        conn = db.connect(temporary)
        try:
            db.create_schema(conn)
            saved = db.begin_bulk(conn)
            conn.execute("BEGIN IMMEDIATE")
            writer = db.Writer(conn, clean=True)
            builder = _Builder(writer, report, keep_going, progress, {})
            for item in load(paths, **options):
                builder.take(item)
            builder.end()
            writer.flush()
            _check_failures(conn, report, strict)
            writer.finish({"fingerprint": fingerprint})
            db.end_bulk(conn, saved)  # checks foreign keys too
            conn.execute("COMMIT")
            report.counts = db.table_counts(conn)
            db.use_wal(conn)
        finally:
            conn.close()
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
        _install(temporary, db_path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _update(db_path: Path, paths: list, options: dict, fingerprint: str, report: BuildReport,
            keep_going: bool, progress: Callable | None, strict: bool = False) -> None:
    """Only what changed, in one transaction on the archive itself."""
    conn = db.connect(db_path)
    try:
        db.use_wal(conn)
        conn.execute("BEGIN IMMEDIATE")
        try:
            built = db.inputs(conn)
            writer = db.Writer(conn, clean=False)
            builder = _Builder(writer, report, keep_going, progress, built)
            for item in load(paths, built={a: key for a, (_, key) in built.items()}, **options):
                builder.take(item)
            builder.end()
            writer.flush()
            _check_failures(conn, report, strict)
            changed = writer.dirty
            if changed:
                writer.finish({"fingerprint": fingerprint})
            conn.execute("COMMIT")  # foreign keys are checked here (deferred)
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if changed:
            db.optimize(conn)
        report.counts = db.table_counts(conn)
    finally:
        conn.close()
