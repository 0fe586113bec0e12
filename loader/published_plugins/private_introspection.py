"""Datasette's introspection pages that tell a stranger more than the archive: running
threads and tasks (/-/threads), the database files (/-/databases), installed plugins
with their files (/-/plugins), and the debugging tools, answer 404 on the published
instance. /-/versions, /-/settings, /-/metadata and /-/actor stay: they describe only
what anyone can see by using the site."""

import re

from datasette import hookimpl

PRIVATE = re.compile(r"^/-/(threads|databases|plugins|permissions|allow-debug|messages|patterns|auth-token|logout)(\.json)?/?$")


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def private(scope, receive, send):
            if scope["type"] == "http" and PRIVATE.match(scope.get("path", "")):
                await send({"type": "http.response.start", "status": 404,
                            "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
                await send({"type": "http.response.body", "body": b"404: not found\n"})
                return
            await app(scope, receive, send)
        return private
    return wrap
