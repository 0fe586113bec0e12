"""Normalise news articles into a provenance-tracked SQLite archive."""

__version__ = "0.1.0"
