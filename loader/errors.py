"""Errors that name the file, the line and what is wrong."""

from __future__ import annotations

import re

# Control, format and line/paragraph separator characters: a file name holding one
# (a newline, an escape sequence) would break or forge the one-line FILE:LINE message.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")


def printable_path(path: str) -> str:
    r"""``path`` with its unprintable characters escaped as ``\n``, ``\xNN``, ``\uNNNN`` (applying it twice
    changes nothing more)."""
    def escape(match: re.Match) -> str:
        char = match.group()
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char) or (
            f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
    return _UNPRINTABLE.sub(escape, path)


def problem(path: str, line: int | None, message: str) -> str:
    """Format one problem as ``FILE:LINE: message`` (``FILE: message`` when the line is unknown)."""
    path = printable_path(str(path))
    return f"{path}:{line}: {message}" if line else f"{path}: {message}"


class InputError(Exception):
    """Bad input: carries every problem found, each formatted by :func:`problem`."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))
