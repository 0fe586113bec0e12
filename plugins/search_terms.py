"""Registers ``search_match(q)`` (loader/search.py) on every connection: the ``search``
canned query bounds its words with it."""

from datasette import hookimpl

from loader.search import register


@hookimpl
def prepare_connection(conn):
    register(conn)
