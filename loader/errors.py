"""Errors that name the file, the line and what is wrong."""

from __future__ import annotations


def problem(path: str, line: int | None, message: str) -> str:
    """Format one problem as ``FILE:LINE: message`` (``FILE: message`` when the line is unknown)."""
    return f"{path}:{line}: {message}" if line else f"{path}: {message}"


class InputError(Exception):
    """Bad input: carries every problem found, each formatted by :func:`problem`."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))
