"""The search box's text as an FTS5 query of at most a few quoted words.

The ``search`` canned query matches ``search_match(:q)`` (registered on every Datasette
connection by plugins/search_terms.py), so its cost does not grow with ``q``: a q of one
word repeated a thousand times is one word. FTS5 and its snippet() take time in the
number of phrases, and sql_time_limit_ms cannot interrupt snippet(). Words are runs of
letters and digits; the first MAX_TERMS distinct ones are kept, each cut to
MAX_TERM_CHARS; every word must occur. An empty or wordless q gives ''.
"""

from __future__ import annotations

import re
import sqlite3

MAX_QUERY_CHARS = 500  # read no further into q
MAX_TERMS = 8
MAX_TERM_CHARS = 40
_WORD = re.compile(r"\w+")


def search_match(q) -> str:
    if not isinstance(q, str):
        return ""
    text = q[:MAX_QUERY_CHARS]
    if len(q) > MAX_QUERY_CHARS and q[MAX_QUERY_CHARS].isalnum():
        text = re.sub(r"\w+\Z", "", text)  # a word cut in two is left out
    terms: list[str] = []
    for match in _WORD.finditer(text):
        term = match.group()[:MAX_TERM_CHARS].lower()
        if term not in terms:
            terms.append(term)
            if len(terms) == MAX_TERMS:
                break
    return " ".join(f'"{term}"' for term in terms)


def register(conn: sqlite3.Connection) -> None:
    """Make ``search_match()`` available to SQL on ``conn`` (the canned queries use it)."""
    conn.create_function("search_match", 1, search_match, deterministic=True)
