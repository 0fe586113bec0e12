"""No response over a size: SQL's own limits bound each value and each query's rows
(plugins/sqlite_limits.py); this bounds what is sent. A response whose first body part
would pass the cap is replaced by a 400 that says so; a streamed one (CSV with
_stream=on), whose status is already sent, is cut off at the cap.

Setting (plugin ``news-archive-response-cap`` in metadata): ``max_bytes`` (default 20 MB).
"""

from __future__ import annotations

from datasette import hookimpl

PLUGIN = "news-archive-response-cap"
MAX_BYTES = 20_000_000


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def capped(scope, receive, send):
            if scope["type"] != "http":
                return await app(scope, receive, send)
            cap = int((datasette.plugin_config(PLUGIN) or {}).get("max_bytes", MAX_BYTES))
            start = None
            sent = 0
            cut = False

            async def send_capped(message):
                nonlocal start, sent, cut
                if cut:
                    return
                if message["type"] == "http.response.start":
                    start = message  # held until the first body part shows the size
                    return
                if message["type"] != "http.response.body":
                    return await send(message)
                body = message.get("body", b"")
                if start is not None:
                    held, start = start, None
                    if sent + len(body) > cap:
                        cut = True
                        text = f"the response would be over {cap / 1e6:g} MB: ask for fewer rows (_size=) or columns\n"
                        await send({"type": "http.response.start", "status": 400,
                                    "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
                        await send({"type": "http.response.body", "body": b"400: " + text.encode()})
                        return
                    await send(held)
                if sent + len(body) > cap:
                    cut = True
                    await send({"type": "http.response.body", "body": body[: cap - sent], "more_body": False})
                    return
                sent += len(body)
                await send(message)

            await app(scope, receive, send_capped)
        return capped
    return wrap
