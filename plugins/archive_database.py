"""Serves a single archive file as the database ``archive``, whatever the file is called.

Datasette names a database after its file, while metadata.yml, the templates and the
plugins address ``archive``: ``loader serve other.db`` (or ``datasette serve other.db``
with these plugins) would otherwise fall back to raw rows and 404s. With several
databases nothing is renamed: which one is the archive would be a guess.
"""

from datasette import hookimpl

NAME = "archive"


@hookimpl
def startup(datasette):
    if NAME in datasette.databases:
        return
    files = [name for name, db in datasette.databases.items() if db.path and not db.is_memory and name != "_internal"]
    if len(files) != 1:
        return
    db = datasette.databases[files[0]]
    datasette.remove_database(files[0])
    datasette.add_database(db, name=NAME)
