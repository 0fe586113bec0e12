"""``loader add``: articles from saved pages, URLs, feeds and exports into article files.

Each source is one of: a saved HTML page or a folder of them; the URL of an article
page; an RSS or Atom feed (a URL or a file; every item's page is fetched); a JSON
Lines or CSV export (see :mod:`loader.exports`). Every article found is checked
(text, date, language, not already in the folder) and written in the article format
(Markdown with YAML front matter, paragraphs separated by blank lines) with its
original HTML beside it, in the run's archive in ``raw/`` (see :class:`RawArchive`;
:func:`original_html` reads it back). Every item ends as one
:class:`Outcome`: added, skipped (a duplicate) or refused (with the reason), and
nothing is written for an item that is not added.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import re
import secrets
import tarfile
import time
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import yaml

from .articles import date_from_text, find_article_files, future_date_problem, read_article, read_limited
from .errors import InputError
from .exports import EXPORT_SUFFIXES, count_lines, read_export
from .feeds import FeedError, FeedItem, looks_like_feed, parse_feed
from .fetch import Fetcher, FetchError, FetchOptions, Response
from .ids import slugify
from .pages import NotAnArticle, Page, extract_page, looks_english, looks_html

DEFAULT_LANGUAGE = "en"
PAGE_SUFFIXES = (".html", ".htm", ".xhtml")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml")
HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_ID_CHARS = 80
# Query parameters that track a click, not name a page: the same article with or
# without them is one article.
_TRACKING = re.compile(r"(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)\Z", re.I)


class Refused(Exception):
    """An item that is not added; ``str(error)`` is the reason."""


@dataclass(frozen=True)
class AddOptions:
    to: Path = Path("data/articles")
    raw: Path | None = None  # default: the 'raw' folder beside ``to``
    published: str | None = None  # YYYY-MM-DD for articles that give no date
    language: str | None = None  # accept articles in this language (and record it for pages that declare none)
    fetch: FetchOptions = field(default_factory=FetchOptions)

    @property
    def raw_dir(self) -> Path:
        return self.raw if self.raw is not None else self.to.parent / "raw"


@dataclass(frozen=True)
class Outcome:
    where: str  # URL, FILE or FILE:LINE
    status: str  # added, skipped, refused or note
    message: str
    path: Path | None = None  # the article file written, or the existing one for a duplicate

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def summary(self) -> str:
        return f"added {self.count('added')}, skipped {self.count('skipped')} (already there), refused {self.count('refused')}"


@dataclass(frozen=True)
class Draft:
    """An article about to be written, with what its source says about it."""

    text: str
    published: str
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    retrieved_at: str | None = None
    raw_html: bytes | None = None


# progress(length, label) -> a context manager whose value has update(n); length 0: no bar
ProgressFactory = Callable[[int, str], AbstractContextManager]


def no_progress(length: int, label: str) -> AbstractContextManager:
    return nullcontext(_Silent())


class _Silent:
    def update(self, n: int) -> None:
        pass


def normalize_url(url: str) -> str:
    """The form two URLs of one page share: lower-case scheme and host, no default port,
    no fragment, no trailing slash, no tracking parameters."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:  # not a number: keep the URL as written
        return url.strip()
    if port and not ((parts.scheme == "http" and port == 80) or (parts.scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    return urlunsplit((parts.scheme.lower(), host, parts.path.rstrip("/") or "/", query, ""))


def url_keys(*urls: str | None) -> list[str]:
    """The normalised forms of the URLs given (None for none), as duplicates are looked up."""
    return [normalize_url(url) for url in urls if url]


def text_fingerprint(text: str) -> str:
    """Equal for the same words whatever the spacing, paragraphing or case."""
    return hashlib.sha256(" ".join(text.split()).casefold().encode("utf-8")).hexdigest()


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


class Adder:
    """One ``loader add`` run: the folder's existing articles, the fetcher, the outcomes."""

    def __init__(self, options: AddOptions, on_outcome: Callable[[Outcome], None] | None = None,
                 progress: ProgressFactory = no_progress, fetcher: Fetcher | None = None) -> None:
        self.options = options
        self.on_outcome = on_outcome or (lambda outcome: None)
        self.progress = progress
        self.fetcher = fetcher or Fetcher(options.fetch)
        self.report = Report()
        self.by_url: dict[str, Path] = {}
        self.by_text: dict[str, Path] = {}
        self.ids: set[str] = set()
        self._made: set[Path] = set()
        self._archive: RawArchive | None = None
        self._index_existing()

    # --- what is already there ---

    def _index_existing(self) -> None:
        if not self.options.to.is_dir():
            return
        for path in find_article_files([self.options.to]):
            self.ids.add(path.stem)
            try:
                article = read_article(path)
            except InputError:
                continue  # a broken file is loader validate's business; its name is still taken
            self._remember(path, text_fingerprint(article.text), url_keys(article.url, article.canonical_url))

    def _remember(self, path: Path, fingerprint: str, keys: list[str]) -> None:
        for key in keys:
            self.by_url.setdefault(key, path)
        self.by_text.setdefault(fingerprint, path)

    def _known_url(self, keys: list[str]) -> Path | None:
        """The article already added under one of these URLs (from :func:`url_keys`), or None."""
        return next((self.by_url[key] for key in keys if key in self.by_url), None)

    # --- outcomes ---

    def _emit(self, where: str, status: str, message: str, path: Path | None = None) -> None:
        outcome = Outcome(where, status, message, path)
        self.report.outcomes.append(outcome)
        self.on_outcome(outcome)

    def _refuse(self, where: str, reason: str) -> None:
        self._emit(where, "refused", f"refused: {reason}")

    # --- sources ---

    def add(self, sources: Iterable[str]) -> Report:
        self._archive = RawArchive(self.options.raw_dir)
        try:
            for source in sources:
                if is_url(source):
                    self._add_url(source)
                else:
                    self._add_path(Path(source))
        finally:
            self._archive.close()
        return self.report

    def _add_path(self, path: Path) -> None:
        if path.is_dir():
            pages = sorted(Path(root, name) for root, _, names in os.walk(path) for name in names
                           if name.lower().endswith(PAGE_SUFFIXES) and not name.startswith("."))
            if not pages:
                self._refuse(str(path), f"no saved pages ({', '.join(PAGE_SUFFIXES)}) in this folder")
            with self.progress(len(pages) if len(pages) > 1 else 0, str(path)) as bar:
                for page in pages:
                    self._add_saved_page(page)
                    bar.update(1)
            return
        if not path.is_file():
            self._refuse(str(path), "no such file or folder")
            return
        suffix = path.suffix.lower()
        if suffix in EXPORT_SUFFIXES:
            self._add_export(path, EXPORT_SUFFIXES[suffix])
            return
        try:
            data = self._read_file(path)
        except Refused as error:
            self._refuse(str(path), str(error))
            return
        if suffix in FEED_SUFFIXES or looks_like_feed(data):
            self._add_feed(data, str(path), base_url=None)
        else:
            self._add_page_bytes(data, str(path))

    def _read_file(self, path: Path) -> bytes:
        """The file's bytes, read as articles are (regular files only, the size checked before reading)."""
        try:
            return read_limited(path, self.options.fetch.max_bytes, "page")
        except InputError as error:  # one problem, "FILE: reason": the reason is what is refused
            raise Refused(error.problems[0].split(": ", 1)[-1]) from None

    def _add_saved_page(self, path: Path) -> None:
        try:
            data = self._read_file(path)
        except Refused as error:
            self._refuse(str(path), str(error))
            return
        self._add_page_bytes(data, str(path))

    def _add_page_bytes(self, data: bytes, where: str) -> None:
        try:
            page = extract_page(data)
            self._write(where, self._draft_from_page(page, data))
        except (NotAnArticle, Refused) as error:
            self._refuse(where, str(error))

    def _add_url(self, url: str) -> None:
        if self._skip_known_url(url, url):
            return
        try:
            response = self.fetcher.get(url, accept="text/html,application/xhtml+xml,application/rss+xml,application/atom+xml;q=0.9,*/*;q=0.5")
        except FetchError as error:
            self._refuse(url, str(error))
            return
        if response.content_type in FEED_TYPES or (response.content_type not in HTML_TYPES and looks_like_feed(response.body)):
            self._add_feed(response.body, url, base_url=response.url)
            return
        self._add_response(url, response)

    def _skip_known_url(self, where: str, url: str) -> bool:
        known = self._known_url(url_keys(url))
        if known is not None:
            self._emit(where, "skipped", f"skipped: already added as {known} (same URL)", known)
            return True
        return False

    def _add_response(self, where: str, response: Response, item: FeedItem | None = None) -> None:
        try:
            if response.content_type not in HTML_TYPES and not (response.content_type in ("", "text/plain") and looks_html(response.body)):
                raise Refused(f"not HTML (content type {response.content_type or 'missing'})")
            page = extract_page(response.body, url=response.url, charset=response.charset)
            draft = self._draft_from_page(page, response.body, fetched=response, item=item)
            self._write(where, draft)
        except (NotAnArticle, Refused) as error:
            self._refuse(where, str(error))

    def _add_feed(self, data: bytes, where: str, base_url: str | None) -> None:
        try:
            items = parse_feed(data, base_url)
        except FeedError as error:
            self._refuse(where, f"not a feed that parses: {error}")
            return
        self._emit(where, "note", f"feed with {len(items)} item(s)")
        with self.progress(len(items), where) as bar:
            for item in items:
                if not self._skip_known_url(item.url, item.url):
                    try:
                        response = self.fetcher.get(item.url)
                    except FetchError as error:
                        self._refuse(item.url, str(error))
                    else:
                        self._add_response(item.url, response, item)
                bar.update(1)

    def _add_export(self, path: Path, kind: str) -> None:
        try:
            total = count_lines(path)
        except OSError as error:
            self._refuse(str(path), f"cannot read ({error.strerror})")
            return
        done = 0
        with self.progress(total, str(path)) as bar:
            for record in read_export(path, kind):
                where = f"{path}:{record.line}"
                if record.problem and record.problem.startswith("note: "):
                    self._emit(where, "note", record.problem)
                elif record.problem:
                    self._refuse(where, record.problem)
                else:
                    try:
                        self._write(where, self._draft_from_record(record.fields, where))
                    except (NotAnArticle, Refused) as error:
                        self._refuse(where, str(error))
                bar.update(max(record.line - done, 0))
                done = max(done, record.line)

    # --- from a source to a draft ---

    def _draft_from_page(self, page: Page, raw: bytes, fetched: Response | None = None, item: FeedItem | None = None,
                         fields: dict[str, str | None] | None = None) -> Draft:
        fields = fields or {}
        published = self._published(fields.get("published"), page.published, item.published if item else None)
        language = self._language(fields.get("language") or page.language, page.looks_english)
        # where it was fetched from (after redirects); a saved page only knows its canonical URL
        url = fields.get("url") or (fetched.url if fetched else page.canonical_url)
        return Draft(
            text=page.text, published=published, language=language,
            title=fields.get("title") or page.title or (item.title if item else None),
            publisher=fields.get("publisher") or page.publisher,
            author=fields.get("author") or page.author or (item.author if item else None),
            url=url, canonical_url=page.canonical_url,
            retrieved_at=fetched.retrieved_at if fetched else None,
            raw_html=raw,
        )

    def _draft_from_record(self, fields: dict[str, str | None], where: str) -> Draft:
        if fields["html"]:
            data = fields["html"].encode("utf-8")
            return self._draft_from_page(extract_page(data, url=fields.get("url")), data, fields=fields)
        text = paragraphs_of(fields["text"] or "")
        if not text:
            raise Refused("no text or html: nothing to add")
        return Draft(
            text=text, published=self._published(fields.get("published")),
            language=self._language(fields.get("language"), lambda: looks_english(text)),
            title=fields.get("title"), publisher=fields.get("publisher"), author=fields.get("author"), url=fields.get("url"),
        )

    def _published(self, given: str | None, *found: str | None) -> str:
        """The record's own date if it gives one, else the page's or the feed item's,
        else --published."""
        if given:
            date = date_from_text(given)
            if not date:
                raise Refused(f"bad published date {given!r}: expected YYYY-MM-DD (or an ISO 8601 or RFC 2822 date-time)")
        else:
            date = next((d for d in found if d), None) or self.options.published
        if not date:
            raise Refused("no publication date in the page's metadata, URL or feed: pass --published YYYY-MM-DD")
        too_late = future_date_problem(dt.date.fromisoformat(date))
        if too_late:  # loader build would refuse the file: refuse it here, with the same words
            raise Refused(too_late)
        return date

    def _language(self, declared: str | None, english: Callable[[], bool]) -> str:
        """The article's language code; ``english()`` is asked only when none is declared."""
        wanted = self.options.language
        if declared:
            code = re.split(r"[-_]", declared.strip().lower(), maxsplit=1)[0]
            if code == DEFAULT_LANGUAGE or code == wanted:
                return code
            raise Refused(f"the article is in {code!r}, not English: pass --language {code} to add it")
        if wanted:
            return wanted
        if english():
            return DEFAULT_LANGUAGE
        raise Refused("the text does not look like English and declares no language: pass --language CODE to add it")

    # --- writing ---

    def _write(self, where: str, draft: Draft) -> None:
        keys = url_keys(draft.canonical_url, draft.url)  # normalised once, for the check and to remember
        known = self._known_url(keys)
        if known is not None:
            self._emit(where, "skipped", f"skipped: already added as {known} (same URL)", known)
            return
        fingerprint = text_fingerprint(draft.text)
        same_text = self.by_text.get(fingerprint)
        if same_text is not None:
            self._emit(where, "skipped", f"skipped: already added as {same_text} (same text under another URL)", same_text)
            return
        article_id = self._new_id(draft)
        path = self.options.to / f"{article_id}.md"
        content = format_article(draft).encode("utf-8")
        assert self._archive is not None, "articles are written within add()"
        try:
            self._make_folders(draft.raw_html is not None)
            _write_article(path, content, self._archive, draft.raw_html)
        except OSError as error:
            raise Refused(f"cannot write {path} ({error.strerror or error})") from None
        self.ids.add(article_id)
        self._remember(path, fingerprint, keys)
        self._emit(where, "added", f"added {path}" + (f" ({draft.title})" if draft.title else ""), path)

    def _make_folders(self, raw: bool) -> None:
        """Create the folders on the first article written (nothing is created for a run that adds nothing)."""
        for folder in (self.options.to, self.options.raw_dir) if raw else (self.options.to,):
            if folder not in self._made:
                folder.mkdir(parents=True, exist_ok=True)
                self._made.add(folder)

    def _new_id(self, draft: Draft) -> str:
        words = draft.title or " ".join(draft.text.split()[:8])
        base = f"{draft.published}-{slugify(words)}"
        if len(base) > MAX_ID_CHARS:
            base = base[:MAX_ID_CHARS].rsplit("-", 1)[0]
        article_id, n = base, 2
        while article_id in self.ids:  # every file in the folder; a file made since is never overwritten (see _write_new)
            article_id, n = f"{base}-{n}", n + 1
        return article_id


def paragraphs_of(text: str) -> str:
    """Text as an export gives it -> paragraphs separated by one blank line. Blank lines
    separate paragraphs when there are any; otherwise every line is one."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = re.split(r"\n[ \t]*\n", text) if re.search(r"\n[ \t]*\n", text) else text.split("\n")
    paragraphs = [" ".join(block.split()) for block in blocks]
    joined = "\n\n".join(p for p in paragraphs if p)
    return joined + "\n" if joined else ""


# libyaml's safe dumper when PyYAML has it (the same output, a tenth of the time)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_DUMP = {"Dumper": _Dumper, "sort_keys": False, "allow_unicode": True, "width": 1_000_000}
FRONT_MATTER_ORDER = ("title", "published", "publisher", "author", "url", "canonical_url", "language", "retrieved_at")
# A value the dumper writes as it is (plain) when YAML reads it back as a string, in
# single quotes otherwise: printable characters of the Basic Multilingual Plane (libyaml
# escapes the others), no indicator character first, no "..." start, no ": " or " #"
# inside, no space or colon last, and too short to be folded. Anything else goes through
# the dumper itself (tests/test_add.py checks that both write the same).
_INDICATORS = frozenset(" #,[]{}&*!|>'\"%@`?:-")


def _simple(value: str) -> bool:
    return (0 < len(value) < 10_000 and value.isprintable() and (value.isascii() or max(value) < "\U00010000")
            and value[0] not in _INDICATORS and value[-1] not in " :" and ": " not in value and " #" not in value
            and not value.startswith("..."))


_RESOLVERS = _Dumper.yaml_implicit_resolvers


def _read_as_string(value: str) -> bool:
    """Whether YAML reads ``value``, written plain, back as a string (not a date, number, boolean or null)."""
    return not any(regexp.match(value) for _, regexp in _RESOLVERS.get(value[0], ()))


def format_front_matter(meta: dict[str, str | dt.date]) -> str:
    """``meta`` as PyYAML's safe dumper writes it (the same text), one ``key: value`` line
    a field; written directly when every value is one the dumper writes plain or in
    single quotes, through the dumper otherwise."""
    lines = []
    for key, value in meta.items():
        if isinstance(value, dt.date):
            lines.append(f"{key}: {value.isoformat()}\n")
        elif _simple(value):
            quoted = value if _read_as_string(value) else "'" + value.replace("'", "''") + "'"
            lines.append(f"{key}: {quoted}\n")
        else:
            return yaml.dump(meta, **_DUMP)
    return "".join(lines)


def format_article(draft: Draft) -> str:
    """The article file: YAML front matter, then the text."""
    meta: dict[str, str | dt.date] = {}
    for key in FRONT_MATTER_ORDER:
        value = getattr(draft, key)
        if key == "published":
            value = dt.date.fromisoformat(value)  # written as a plain date, as in hand-written files
        if value is not None:
            meta[key] = value
    return f"---\n{format_front_matter(meta)}---\n{draft.text}"


def _write_article(path: Path, content: bytes, archive: RawArchive, raw: bytes | None) -> None:
    """The raw HTML into the run's archive, then the article (never over an existing
    one); if the article cannot be written, its raw HTML is cut off the archive again,
    so a refused item leaves nothing written."""
    before = archive.append(f"{path.stem}.html", raw) if raw is not None else None
    try:
        _write_new(path, content)
    except BaseException:
        if before is not None:
            archive.cut(before)
        raise


class RawArchive:
    """The original HTML of one run's articles: a tar file in the raw folder, named by
    the time the run wrote its first page (``2026-12-02T190700.123456Z.tar``), one member
    ``<article-id>.html`` an article; ``tar -xOf ARCHIVE ID.html`` or :func:`original_html`
    gives it back. One file a run rather than one a page: creating a file costs this
    machine 0.1 to 3 ms when other work writes, as much as the rest of the loader's own
    work on a page, and appending a member 0.05 (docs/benchmarks.md, *Adding saved pages*).
    Each member is one write, cut off again if it or its article fails, so the archive
    is always whole members only; a kill between a member and its article leaves that
    member without an article, never an article without its page. The end-of-archive
    blocks are written when the run ends (tar and Python read an archive without them)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path: Path | None = None
        self._fd: int | None = None
        self._size = 0

    def append(self, name: str, data: bytes) -> int:
        """Add one member; returns the archive's size before it (for :meth:`cut`)."""
        if self._fd is None:
            self._create()
        assert self._fd is not None
        info = tarfile.TarInfo(name)
        info.size, info.mtime, info.mode = len(data), int(time.time()), 0o644
        member = info.tobuf(format=tarfile.USTAR_FORMAT) + data + bytes(-len(data) % tarfile.BLOCKSIZE)
        before = self._size
        try:
            _write_all(self._fd, member)
        except BaseException:
            self.cut(before)
            raise
        self._size = before + len(member)
        return before

    def cut(self, size: int) -> None:
        assert self._fd is not None
        os.ftruncate(self._fd, size)
        self._size = size

    def close(self) -> None:
        """End the archive; one left empty (its only page refused) is removed."""
        if self._fd is None:
            return
        try:
            if self._size:
                _write_all(self._fd, bytes(2 * tarfile.BLOCKSIZE))
        except OSError:
            pass  # a full disk: the archive reads the same without its end blocks
        finally:
            os.close(self._fd)
            self._fd = None
        if not self._size and self.path is not None:
            self.path.unlink(missing_ok=True)

    def _create(self) -> None:
        while True:
            self.path = self.folder / f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%dT%H%M%S.%fZ}.tar"
            try:  # O_APPEND: after a cut, the next member goes at the new end
                self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND | os.O_CLOEXEC, 0o666)
                return
            except FileExistsError:
                continue  # another run started in the same microsecond


def original_html(raw_dir: Path, article_id: str) -> bytes | None:
    """The page an article was extracted from, as ``loader add`` kept it: from the newest
    archive in ``raw_dir`` that holds it, else ``raw_dir/<article-id>.html`` (how runs
    before the archives kept it); None if neither does."""
    name = f"{article_id}.html"
    for archive in sorted(raw_dir.glob("*.tar"), reverse=True):
        try:
            with tarfile.open(archive) as tar:
                found = None
                try:
                    for member in tar:
                        if member.name == name:
                            found = member
                except tarfile.ReadError:
                    pass  # a member cut short (a run killed while writing it): those before it are whole
                page = tar.extractfile(found) if found is not None else None
                if page is not None:
                    return page.read()
        except tarfile.ReadError:
            continue  # the first member cut short
    loose = raw_dir / name
    return loose.read_bytes() if loose.is_file() else None


# Linux can create a file with no name (O_TMPFILE) and give it one when it is complete
# (linkat through /proc/self/fd): a crash, a kill or a full disk never leaves part of a
# file under the article's name, and no temporary name either.
_UNNAMED = hasattr(os, "O_TMPFILE") and os.path.isdir("/proc/self/fd")
_NO_UNNAMED = (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL)  # a file system without O_TMPFILE


def _write_new(path: Path, data: bytes) -> None:
    """Create ``path`` with ``data``, all or nothing: the bytes are written first, and the
    name appears only once they all are. Never over an existing file.
    Not synced to the disk: an fsync per file costs about half the extraction of a page
    (docs/benchmarks.md, *Adding saved pages*), and the page it came from is still there."""
    if _UNNAMED:
        folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        try:
            try:
                fd = os.open(".", os.O_WRONLY | os.O_TMPFILE | os.O_CLOEXEC, 0o666, dir_fd=folder)
            except OSError as error:
                if error.errno not in _NO_UNNAMED:
                    raise
            else:
                try:
                    _write_all(fd, data)
                    os.link(f"/proc/self/fd/{fd}", path.name, dst_dir_fd=folder, follow_symlinks=True)  # fails if the name exists
                finally:
                    os.close(fd)
                return
        finally:
            os.close(folder)
    _write_through_temporary(path, data)


def _write_through_temporary(path: Path, data: bytes) -> None:
    """Where O_TMPFILE is not supported: a temporary file named ``.NAME.*.tmp`` (which
    loader build and loader add ignore), then a link (never over a file)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
        try:
            _write_all(fd, data)
        finally:
            os.close(fd)
        os.link(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
