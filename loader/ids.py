"""Deterministic ids: a rebuild gives the same ids, so rows never duplicate."""

from __future__ import annotations

import hashlib
import re
import unicodedata


def slugify(value: str) -> str:
    """``"Ahmad Shah Massoud"`` -> ``"ahmad-shah-massoud"``; accents folded, punctuation dropped."""
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug or "x" + hashlib.sha1(value.encode("utf-8")).hexdigest()[:8]


def hashed_id(prefix: str, *parts: object) -> str:
    """A short id from natural keys, e.g. ``hashed_id("st", article_id, start, end)``."""
    key = "\x1f".join(str(part) for part in parts)
    return f"{prefix}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"
