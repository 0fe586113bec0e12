"""YAML with line numbers: every mapping and list remembers the line of itself and of each
key or item, so that a problem is reported as FILE:LINE. Used for annotations and for
data/entities.yml."""

from __future__ import annotations

from pathlib import Path

import yaml

from .articles import read_limited
from .errors import InputError, problem
from .safe_yaml import NoAliasLoader

MAX_ANNOTATION_BYTES = 20_000_000  # several times the largest annotation of a 5 MB article


class LineDict(dict):
    """A mapping that remembers the line of itself and of each key."""

    line: int = 0
    key_lines: dict


class LineList(list):
    """A sequence that remembers the line of itself and of each item."""

    line: int = 0
    item_lines: list


class _LineLoader(NoAliasLoader):
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            loader.duplicate_keys.append((key, key_node.start_mark.line + 1))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> str:
    # Dates stay text: the resolver checks them and reports a bad one with its line.
    return loader.construct_scalar(node)


_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def parse_annotation_yaml(text: str, path: str) -> dict:
    """Parse annotation YAML, keeping line numbers. Raises :class:`InputError`."""
    loader = None
    try:
        loader = _LineLoader(text)
        loader.duplicate_keys = []
        doc = loader.get_single_data()
    except yaml.reader.ReaderError as error:  # a control character: the reader has no line mark
        line = text.count("\n", 0, max(error.position, 0)) + 1
        raise InputError([problem(path, line, f"character #x{error.character:04x} is not allowed in YAML: remove it")]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise InputError([problem(path, mark.line + 1 if mark else None, f"YAML syntax error: {reason}")]) from None
    except (TypeError, ValueError, RecursionError) as error:  # e.g. a mapping used as a key
        raise InputError([problem(path, None, f"YAML structure not understood: {error}")]) from None
    finally:
        if loader is not None:
            loader.dispose()
    problems = [problem(path, line, f"duplicate key {key!r}: the later value would silently win") for key, line in loader.duplicate_keys]
    if doc is None:
        doc = LineDict()
    if not isinstance(doc, dict):
        problems.append(problem(path, 1, "an annotation must be a mapping of sections (people:, statements:, ...)"))
    if problems:
        raise InputError(problems)
    return doc


def read_annotation(path: str | Path, data: bytes | None = None) -> dict:
    """Read an annotation (or any line-numbered YAML) file, or parse its ``data``, already
    read. Raises :class:`InputError` (with FILE:LINE) on bad YAML."""
    where = str(path)
    if data is None:
        data = read_limited(path, MAX_ANNOTATION_BYTES, "annotation")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError([problem(where, line, "not valid UTF-8: save the annotation as UTF-8")]) from None
    return parse_annotation_yaml(text, where)
