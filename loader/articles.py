"""Reading raw article files into :class:`Article` records.

Two forms are accepted:

* the seed's own form: the first line starts with `` date YYYY-MM-DD`` and the
  article text follows on the same line;
* Markdown with YAML front matter (``title``, ``published``, ``publisher``, ``url``,
  ``language``, and from ``loader add`` also ``author``, ``canonical_url`` and
  ``retrieved_at``) between two ``---`` lines.

The text is kept exactly as in the file; every offset in the archive points into it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import InputError, problem
from .ids import slugify
from .safe_yaml import load_strict

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
FRONT_MATTER_FIELDS = ("title", "published", "publisher", "url", "language", "author", "canonical_url", "retrieved_at")
_TEXT_FIELDS = tuple(k for k in FRONT_MATTER_FIELDS if k != "published")
_SEED_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\S+)[ \t]*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
# A publication date this far after today is a typo (2100 for 2010), not an embargo;
# a couple of days cover time zones and articles dated for the next morning.
MAX_DAYS_AHEAD = 3


@dataclass(frozen=True)
class Article:
    id: str
    path: str
    text: str
    text_offset: int  # characters of header before text in the raw file
    text_line: int  # 1-based line of the file where text starts
    published: str
    sha256: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    language: str | None = None
    author: str | None = None
    canonical_url: str | None = None
    retrieved_at: str | None = None

    @property
    def word_count(self) -> int:
        return len(self.text.split())


def article_id_for(path: str | Path) -> str:
    """The article's id: the slug of its file name without the suffix."""
    return slugify(Path(path).stem)


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def _why_not_a_file(path: Path) -> str | None:
    """Why ``path`` cannot be read as an article file, or None when it is a regular file."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            return f"broken symbolic link (to {os.readlink(path)!r} which does not exist)"
        return "no such file or folder"
    except OSError as error:
        return f"cannot read: {error.strerror}"
    return None if stat.S_ISREG(mode) else f"{_kind(mode)}, not a regular file"


def find_article_files(paths: list[str | Path], skipped: list[str] | None = None) -> list[Path]:
    """Expand folders into their article files (sorted); keep files as given.

    A path given explicitly must be a folder or a regular file (FIFOs, devices and broken
    links are refused with the reason). In a folder, entries named like articles that
    are not regular files are left out, each with its reason appended to ``skipped``."""
    found: list[Path] = []
    refused: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for p in sorted(path.rglob("*")):
                if p.suffix.lower() not in ARTICLE_SUFFIXES or p.name.startswith("."):
                    continue
                reason = _why_not_a_file(p)
                if reason is None:
                    found.append(p)
                elif skipped is not None:
                    skipped.append(problem(str(p), None, f"skipped: {reason}"))
        else:
            reason = _why_not_a_file(path)
            if reason is not None:
                refused.append(problem(str(path), None, reason))
            else:
                found.append(path)
    if refused:
        raise InputError(refused)
    return found


def read_limited(path: str | Path, max_bytes: int, what: str = "article") -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; never reads more than
    ``max_bytes + 1``. The size is checked with fstat before reading, on the same open
    file (so a file swapped for a FIFO or a device meanwhile is refused too)."""
    where = str(path)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        reason = _why_not_a_file(Path(path))
        raise InputError([problem(where, None, reason if reason and error.errno == 2 else f"cannot read: {error.strerror}")]) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError([problem(where, None, f"{_kind(info.st_mode)}, not a regular file: {what}s are read from regular files only")])
        if info.st_size > max_bytes:
            raise InputError([problem(where, None, _too_big(info.st_size, max_bytes, what))])
        # the size fstat gives and a byte more (a file that grew is seen), then one byte to
        # be sure of the end: not a 1 MB buffer for each read, which cost more than a page's read
        chunks, size, want = [], 0, info.st_size + 1
        while size <= max_bytes:
            chunk = os.read(fd, min(want, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            want = 1 if len(chunk) < want else 1 << 20
    except OSError as error:
        raise InputError([problem(where, None, f"cannot read: {error.strerror}")]) from None
    finally:
        os.close(fd)
    if size > max_bytes:  # it grew while being read
        raise InputError([problem(where, None, _too_big(size, max_bytes, what, "more than "))])
    return b"".join(chunks)


def _too_big(size: int, max_bytes: int, what: str, more: str = "") -> str:
    advice = "split it, or raise the limit with --max-article-bytes" if what == "article" else "split it"

    def amount(n: int) -> str:
        return f"{n / 1e6:.1f} MB" if max_bytes >= 1e6 else f"{n:,} bytes"
    return f"file is {more}{amount(size)}, over the {amount(max_bytes)} limit for one {what}: {advice}"


def _check_date(value: object, where: str, line: int) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        day = value
    else:
        text = str(value).strip()
        if not _ISO_DATE.match(text):
            raise InputError([problem(where, line, f"bad date {text!r}: expected YYYY-MM-DD")])
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            raise InputError([problem(where, line, f"bad date {text!r}: no such day")]) from None
    too_late = future_date_problem(day)
    if too_late:
        raise InputError([problem(where, line, too_late)])
    return day.isoformat()


def future_date_problem(day: dt.date) -> str | None:
    """What is wrong with a publication date too far after today, or None (one rule for
    article files and for ``loader add``)."""
    latest = dt.date.today() + dt.timedelta(days=MAX_DAYS_AHEAD)
    if day > latest:
        return f"publication date {day.isoformat()} is after {latest.isoformat()} (today + {MAX_DAYS_AHEAD} days): a typo?"
    return None


def date_from_text(value: str) -> str | None:
    """A publication date as feeds, exports and --published give it (ISO 8601 date or
    date-time, or RFC 2822 as in RSS) -> YYYY-MM-DD; None if it is not one. A date-time
    keeps the day it names (no conversion to UTC): that is the publisher's day."""
    import email.utils

    text = value.strip()
    match = re.match(r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\Z", text)
    if match:
        try:
            return dt.date.fromisoformat(match.group(1)).isoformat()
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


MAX_ARTICLE_BYTES = 5_000_000  # far above any news article; larger files are dumps or mistakes


def _decode(data: bytes, where: str, max_bytes: int = MAX_ARTICLE_BYTES) -> str:
    if not data.strip():
        raise InputError([problem(where, 1, "empty file: an article needs a date line and text")])
    if len(data) > max_bytes:
        raise InputError([problem(where, None, _too_big(len(data), max_bytes, "article"))])
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError([problem(where, 1, "UTF-16 text (byte-order mark): save the file as UTF-8")])
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError([problem(where, line, "binary file (NUL byte): articles are UTF-8 text")])
    try:
        # a UTF-8 byte-order mark is not part of the text
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            [problem(where, line, f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}): save the file as UTF-8")]
        ) from None


def _bad_value_line(header: str) -> int:
    """The file line of the first front-matter line whose value YAML cannot convert (1 if none alone)."""
    for number, line in enumerate(header.splitlines(), start=2):
        try:
            load_strict(line)
        except ValueError:
            return number
        except yaml.YAMLError:
            continue  # a line of a multi-line value: not valid alone, and not the culprit
    return 1


def parse_article(data: bytes, path: str | Path, max_bytes: int = MAX_ARTICLE_BYTES) -> Article:
    """Parse one raw article file's bytes. Raises :class:`InputError` on bad input.

    Offsets (``text_offset``) count characters of the decoded file, after any UTF-8
    byte-order mark."""
    where = str(path)
    sha256 = hashlib.sha256(data).hexdigest()
    raw = _decode(data, where, max_bytes)
    meta: dict[str, object] = {}
    if raw.startswith("---\n") or raw.startswith("---\r\n"):
        end = re.search(r"^---[ \t]*\r?$\n?", raw[4:], flags=re.M)
        if not end:
            raise InputError([problem(where, 1, "front matter opened with '---' is never closed")])
        header = raw[4 : 4 + end.start()]
        try:
            loaded = load_strict(header) or {}
        except ValueError as error:  # YAML reads 2024-02-30 as a timestamp and fails on it
            raise InputError([problem(where, _bad_value_line(header), f"front matter has a bad value: {error}")]) from None
        except yaml.reader.ReaderError as error:  # a control character: the reader has no line mark
            line = header.count("\n", 0, max(error.position, 0)) + 2
            raise InputError([problem(where, line, f"front matter has character #x{error.character:04x}, which YAML does not allow: remove it")]) from None
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = mark.line + 2 if mark else 1
            reason = getattr(error, "problem", None) or str(error)
            raise InputError([problem(where, line, f"front matter is not valid YAML: {reason}")]) from None
        if not isinstance(loaded, dict):
            raise InputError([problem(where, 2, "front matter must be a mapping of field: value")])
        unknown = sorted(set(map(str, loaded)) - set(FRONT_MATTER_FIELDS))
        if unknown:
            raise InputError(
                [problem(where, 2, f"unknown front matter field(s) {', '.join(unknown)}; known: {', '.join(FRONT_MATTER_FIELDS)}")]
            )
        meta = dict(loaded)
        text_offset = 4 + end.end()
        line_of = {k: i + 2 for i, l in enumerate(header.splitlines()) for k in FRONT_MATTER_FIELDS if l.startswith(k + ":")}
        if "published" not in meta or meta["published"] in (None, ""):
            raise InputError([problem(where, line_of.get("published", 1), "front matter has no 'published' date (YYYY-MM-DD)")])
        meta["published"] = _check_date(meta["published"], where, line_of.get("published", 1))
        for key in _TEXT_FIELDS:
            value = meta.get(key)
            if isinstance(value, dt.datetime):  # YAML reads an unquoted timestamp as a datetime
                value = value.isoformat().replace("+00:00", "Z")
            if value is not None:
                meta[key] = str(value).strip() or None
    else:
        match = _SEED_HEADER.match(raw)
        if not match:
            raise InputError(
                [problem(where, 1, "no publication date: start the file with ' date YYYY-MM-DD' or with YAML front matter that has 'published'")]
            )
        meta["published"] = _check_date(match.group(1), where, 1)
        text_offset = match.end()
    text = raw[text_offset:]
    if not text.strip():
        raise InputError([problem(where, raw.count("\n", 0, text_offset) + 1, "the article has no text after its header")])
    return Article(
        id=article_id_for(path),
        path=where,
        text=text,
        text_offset=text_offset,
        text_line=raw.count("\n", 0, text_offset) + 1,
        sha256=sha256,
        **{k: meta.get(k) for k in FRONT_MATTER_FIELDS},  # type: ignore[arg-type]
    )


def read_article(path: str | Path, max_bytes: int = MAX_ARTICLE_BYTES) -> Article:
    """Read and parse one article file."""
    return parse_article(read_limited(path, max_bytes), path, max_bytes)
