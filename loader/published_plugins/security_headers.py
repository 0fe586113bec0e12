"""Security headers on every response of the published instance.

The Content-Security-Policy allows what the pages use and nothing else: scripts and
styles from this site (Datasette's templates and datasette-cluster-map put small
inline scripts and styles in the page, hence 'unsafe-inline'; the Vega charts compile
their expressions with Function, hence 'unsafe-eval'), map tiles from OpenStreetMap,
fetches to this site only, no plugins, no framing, forms posting nowhere else. Markup in
the data is escaped by the templates; the policy stops what escaping might miss from
loading or sending anything elsewhere.

Setting (plugin ``news-archive-headers`` in metadata): ``csp`` replaces the policy
(for instance when ``tile_layer`` points the maps at another tile server).
"""

from datasette import hookimpl

PLUGIN = "news-archive-headers"
CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: https://*.tile.openstreetmap.org; font-src 'self'; connect-src 'self'; "
       "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")


def headers(config: dict) -> list[tuple[bytes, bytes]]:
    return [
        (b"content-security-policy", (config.get("csp") or CSP).encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"DENY"),
        (b"referrer-policy", b"no-referrer"),
    ]


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        added = None

        async def with_headers(scope, receive, send):
            nonlocal added
            if added is None:
                added = headers(datasette.plugin_config(PLUGIN) or {})
            names = {name for name, _ in added}

            async def send_with_headers(message):
                if message["type"] == "http.response.start":
                    kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                    message = {**message, "headers": kept + added}
                await send(message)

            await app(scope, receive, send_with_headers)
        return with_headers
    return wrap
