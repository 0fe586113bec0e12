"""Absolute URLs (the ``Link`` header, ``next_url``, the JSON alternate) come from the
configured public URL, never from the client's ``Host`` header: a request's Host and
scheme are replaced by the configured ones before Datasette sees them. Otherwise a
forged Host would be reflected into pages that proxies cache for minutes.

Setting (plugin ``news-archive-public-url`` in metadata): ``url``, e.g.
``https://news.example.org`` (written by ``loader publish --public-url``).
"""

import urllib.parse

from datasette import hookimpl

PLUGIN = "news-archive-public-url"
DEFAULT = "http://localhost:8001"


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        parsed = None

        async def public(scope, receive, send):
            nonlocal parsed
            if parsed is None:
                parsed = urllib.parse.urlsplit((datasette.plugin_config(PLUGIN) or {}).get("url") or DEFAULT)
            if scope["type"] == "http":
                headers = [(k, v) for k, v in scope.get("headers", []) if k.lower() not in (b"host", b"x-forwarded-host")]
                scope = {**scope, "scheme": parsed.scheme, "headers": headers + [(b"host", parsed.netloc.encode())]}
            await app(scope, receive, send)
        return public
    return wrap
