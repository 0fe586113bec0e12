"""The published archive is read-only: any method but GET, HEAD and OPTIONS gets 405
(a POST to a canned query used to answer 500)."""

from datasette import hookimpl

ALLOWED = {"GET", "HEAD", "OPTIONS"}


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def read_only(scope, receive, send):
            if scope["type"] == "http" and scope.get("method", "GET") not in ALLOWED:
                await send({"type": "http.response.start", "status": 405,
                            "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"allow", b"GET, HEAD, OPTIONS")]})
                await send({"type": "http.response.body", "body": b"405: this archive is read-only (GET, HEAD, OPTIONS)\n"})
                return
            await app(scope, receive, send)
        return read_only
    return wrap
