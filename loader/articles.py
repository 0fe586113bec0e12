"""Reading raw article files into :class:`Article` records.

Two forms are accepted:

* the seed's own form: the first line starts with `` date YYYY-MM-DD`` and the
  article text follows on the same line;
* Markdown with YAML front matter (``title``, ``published``, ``publisher``, ``url``,
  ``language``) between two ``---`` lines.

The text is kept exactly as in the file; every offset in the archive points into it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import InputError, problem
from .ids import slugify

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
FRONT_MATTER_FIELDS = ("title", "published", "publisher", "url", "language")
_SEED_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\S+)[ \t]*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


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

    @property
    def word_count(self) -> int:
        return len(self.text.split())


def article_id_for(path: str | Path) -> str:
    """The article's id: the slug of its file name without the suffix."""
    return slugify(Path(path).stem)


def find_article_files(paths: list[str | Path]) -> list[Path]:
    """Expand folders into their article files (sorted); keep files as given."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")
                )
            )
        elif path.exists():
            found.append(path)
        else:
            raise InputError([problem(str(path), None, "no such file or folder")])
    return found


def _check_date(value: object, where: str, line: int) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not _ISO_DATE.match(text):
        raise InputError([problem(where, line, f"bad date {text!r}: expected YYYY-MM-DD")])
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        raise InputError([problem(where, line, f"bad date {text!r}: no such day")]) from None
    return text


MAX_ARTICLE_BYTES = 5_000_000  # far above any news article; larger files are dumps or mistakes


def _decode(data: bytes, where: str, max_bytes: int = MAX_ARTICLE_BYTES) -> str:
    if not data.strip():
        raise InputError([problem(where, 1, "empty file: an article needs a date line and text")])
    if len(data) > max_bytes:
        raise InputError([problem(where, None, f"file is {len(data) / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit for one article: split it, or raise the limit with --max-article-bytes")])
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
            yaml.safe_load(line)
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
            loaded = yaml.safe_load(header) or {}
        except ValueError as error:  # YAML reads 2024-02-30 as a timestamp and fails on it
            raise InputError([problem(where, _bad_value_line(header), f"front matter has a bad value: {error}")]) from None
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
        for key in ("title", "publisher", "url", "language"):
            if meta.get(key) is not None:
                meta[key] = str(meta[key]).strip() or None
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
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise InputError([problem(str(path), None, f"cannot read: {error.strerror}")]) from None
    return parse_article(data, path, max_bytes)
