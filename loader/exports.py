"""JSON Lines and CSV exports: one article per line, as news APIs and CMS exports give.

Known fields: ``title``, ``published``, ``url``, ``publisher``, ``author``,
``language``, and ``text`` or ``html`` (the article's page, read like a saved page).
Other fields are reported once and ignored. Records are read one at a time, so an
export of any size is read in constant memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

FIELDS = ("title", "published", "url", "publisher", "author", "language", "text", "html")
EXPORT_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
MAX_FIELD_CHARS = 5_000_000  # as for one article file; Python's csv module stops at 128 kB by default


@dataclass(frozen=True)
class ExportLine:
    """One record (``fields``) or one problem with it (``problem``), at ``line``."""

    line: int
    fields: dict[str, str | None] | None = None
    problem: str | None = None


def count_lines(path: Path) -> int:
    """Lines in the file, for a progress bar (counted without decoding)."""
    lines = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            lines += chunk.count(b"\n")
    return lines


def read_export(path: Path, kind: str) -> Iterator[ExportLine]:
    """The export's records in order. Problems of the whole file (an unknown column in a
    CSV header, ignored) come first as lines with ``fields=None``."""
    reader = _read_jsonl if kind == "jsonl" else _read_csv
    yield from reader(path)


def _record(raw: dict, line: int) -> ExportLine:
    fields: dict[str, str | None] = {}
    for key in FIELDS:
        value = raw.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            fields[key] = None
        elif isinstance(value, (dict, list)):
            return ExportLine(line, problem=f"field {key!r} must be a string, not a JSON {type(value).__name__}")
        else:
            fields[key] = str(value)
    if not fields["text"] and not fields["html"]:
        return ExportLine(line, problem="no text or html: nothing to add")
    return ExportLine(line, fields=fields)


def _read_jsonl(path: Path) -> Iterator[ExportLine]:
    unknown_seen: set[str] = set()
    with path.open("r", encoding="utf-8-sig", errors="strict", newline="") as handle:
        number = 0
        while True:
            try:
                raw_line = handle.readline()
            except UnicodeDecodeError:
                yield ExportLine(number + 1, problem="not valid UTF-8: save the export as UTF-8")
                return
            if not raw_line:
                return
            number += 1
            if not raw_line.strip():
                continue
            try:
                raw = json.loads(raw_line.rstrip("\r\n"))
            except ValueError as error:
                yield ExportLine(number, problem=f"not valid JSON at column {error.colno}: {error.msg.removesuffix(' at')}")
                continue
            if not isinstance(raw, dict):
                yield ExportLine(number, problem=f"expected a JSON object, got a {type(raw).__name__}")
                continue
            unknown = sorted(set(map(str, raw)) - set(FIELDS) - unknown_seen)
            if unknown:
                unknown_seen.update(unknown)
                yield ExportLine(number, problem=f"note: ignoring unknown field(s) {', '.join(unknown)}; known: {', '.join(FIELDS)}")
            yield _record(raw, number)


def _read_csv(path: Path) -> Iterator[ExportLine]:
    csv.field_size_limit(MAX_FIELD_CHARS)
    with path.open("r", encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        try:
            header = reader.fieldnames or []
        except (UnicodeDecodeError, csv.Error) as error:
            yield ExportLine(1, problem=f"cannot read the CSV header ({error})")
            return
        if "text" not in header and "html" not in header:
            yield ExportLine(1, problem=f"the CSV header has neither a 'text' nor an 'html' column (it has: {', '.join(header) or 'nothing'})")
            return
        unknown = [h for h in header if h not in FIELDS]
        if unknown:
            yield ExportLine(1, problem=f"note: ignoring unknown column(s) {', '.join(unknown)}; known: {', '.join(FIELDS)}")
        start = reader.line_num + 1
        while True:
            try:
                raw = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError:
                yield ExportLine(start, problem="not valid UTF-8: save the export as UTF-8")
                return
            except csv.Error as error:
                yield ExportLine(start, problem=f"not valid CSV ({error})")
                return
            if None in raw:
                yield ExportLine(start, problem=f"more values than the header has columns ({len(header)})")
            else:
                yield _record(raw, start)
            start = reader.line_num + 1
