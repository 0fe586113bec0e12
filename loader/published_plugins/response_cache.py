"""Responses kept in memory and answered again without Datasette: the database is
immutable while it is served, so a page is the same bytes for everyone until the
folder is replaced. Each cached response gets an ETag (a hash of its bytes), and a
request whose If-None-Match names it gets 304 with no body, which a browser or a CDN
revalidating its copy can use.

Only GET responses with status 200, no Set-Cookie and a body under ``max_entry_bytes``
are kept, and only for requests without Cookie or Authorization headers (the
instance has no logins, but a response for a signed-in actor must never be shared).
The key is the path, the query string and the Accept-Encoding header. The least
recently used responses go first once the cache holds ``max_bytes``. A kept response
without a Cache-Control header (the home page, canned queries) gets Datasette's
``max-age`` (setting ``default_cache_ttl``), so that a CDN may keep it too. Text
responses over 1 KB are gzipped for clients that accept it, once, when kept (the
charting script alone is 944 KB, about a quarter of that gzipped).

Requests for a page that is being computed wait for it instead of computing it again
(per process): under load, many clients asking for the same new page at once (a
search for a common word at 1M statements) each ran its queries, and the queries
beyond the SQL threads timed out.

With the cache off, every text response over 1 KB whose body comes in one part (all
but streamed CSV) is gzipped per request, for clients that accept it, at ``gzip_level``
(default 1: about as small as level 6 for these pages at a fraction of the CPU; 0
sends them as they are). A 426 KB article page is about 60 KB gzipped.

At most ``computing`` requests (default 4) are computed by Datasette at once per
process; the others wait for a turn, first come first served, and a request holds its
turn until its response starts (a streamed CSV gives it back at its first rows). Under
load every request computed at once shares the SQL threads with all the others, so
that a page of twenty small queries waited twenty times behind everyone's queries and
pages of few queries overtook it again and again; taking turns keeps the latency of
every page near the average (bench.compare, docs/benchmarks.md). Answers from the cache
never wait.

Settings (plugin ``news-archive-response-cache`` in metadata): ``max_bytes`` (default
64 MB; 0 turns the cache off), ``max_entry_bytes`` (default 2 MB), ``gzip_level``
(default 1, for responses not cached; 0 to 9), ``computing`` (default 4; 0: no limit).
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
from collections import OrderedDict

from datasette import hookimpl

PLUGIN = "news-archive-response-cache"
MAX_BYTES = 64_000_000
MAX_ENTRY_BYTES = 2_000_000
GZIP_LEVEL = 1  # per request, with the cache off
CACHED_GZIP_LEVEL = 6  # once, when a response is kept
COMPUTING = 4  # requests computed at once per process: the client limits' sql_total (2) and two for pages
PRIVATE = (b"cookie", b"authorization")
COMPRESSIBLE = (b"text/", b"application/json", b"application/javascript", b"image/svg")


def accepts_gzip(accept_encoding: bytes) -> bool:
    """The Accept-Encoding value allows gzip: named (or ``*``) with a quality above 0
    (RFC 9110 12.5.3: "gzip;q=0" refuses it, and so does "*;q=0" when gzip is not named)."""
    qualities: dict[bytes, float] = {}
    for part in accept_encoding.lower().split(b","):
        coding, _, params = part.strip().partition(b";")
        q = 1.0
        for param in params.split(b";"):
            name, _, value = param.strip().partition(b"=")
            if name == b"q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if coding:
            qualities[coding.strip()] = q
    for coding in (b"gzip", b"x-gzip"):
        if coding in qualities:
            return qualities[coding] > 0
    return qualities.get(b"*", 0.0) > 0


def compressed(headers: list, body: bytes, accept_encoding: bytes, level: int = CACHED_GZIP_LEVEL) -> tuple[list, bytes]:
    """Headers and body gzipped when the client accepts it and it is worth it."""
    names = {k.lower(): v for k, v in headers}
    if (not level or not accepts_gzip(accept_encoding) or len(body) < 1024 or b"content-encoding" in names
            or not names.get(b"content-type", b"").startswith(COMPRESSIBLE)):
        return headers, body
    vary = names.get(b"vary")
    headers = [(k, v) for k, v in headers if k.lower() not in (b"vary", b"content-length")]
    body = gzip.compress(body, compresslevel=level, mtime=0)
    headers += [(b"content-encoding", b"gzip"), (b"vary", (vary + b", Accept-Encoding") if vary else b"Accept-Encoding"),
                (b"content-length", str(len(body)).encode())]
    return headers, body


async def _gzipped(app, scope, receive, send, level: int, accept_encoding: bytes) -> None:
    """The response gzipped on its way out, when its body comes in one part."""
    start = None

    async def send_gzipped(message):
        nonlocal start
        if message["type"] == "http.response.start":
            start = message  # held until the body shows whether it comes in one part
            return
        if message["type"] == "http.response.body" and start is not None:
            held, start = start, None
            if not message.get("more_body", False) and scope.get("method") != "HEAD":
                headers, body = compressed(list(held.get("headers") or []), message.get("body", b""), accept_encoding, level)
                await send({**held, "headers": headers})
                return await send({**message, "body": body})
            await send(held)
        await send(message)

    await app(scope, receive, send_gzipped)


class Cache:
    def __init__(self, max_bytes: int, max_entry_bytes: int):
        self.max_bytes, self.max_entry_bytes = max_bytes, max_entry_bytes
        self.entries: OrderedDict[tuple, tuple[int, list, bytes, bytes]] = OrderedDict()
        self.size = 0
        self.computing: dict[tuple, asyncio.Event] = {}  # keys whose response is being made

    def get(self, key):
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
        return entry

    def put(self, key, status: int, headers: list, body: bytes) -> bytes:
        etag = b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'
        if len(body) <= self.max_entry_bytes and key not in self.entries:
            self.entries[key] = (status, headers, body, etag)
            self.size += len(body)
            while self.size > self.max_bytes and self.entries:
                _, (_, _, old, _) = self.entries.popitem(last=False)
                self.size -= len(old)
        return etag


async def _send(send, status: int, headers: list, body: bytes, etag: bytes, request_headers: dict) -> None:
    headers = [(k, v) for k, v in headers if k.lower() not in (b"etag", b"content-length")] + [(b"etag", etag)]
    if request_headers.get(b"if-none-match") == etag:
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
        return
    await send({"type": "http.response.start", "status": status,
                "headers": headers + [(b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def taking_turns(app, turns: int):
    """``app`` computing at most ``turns`` requests at once, the others waiting in order;
    each gives its turn back when its response starts (or ends without one)."""
    if not turns:
        return app
    semaphore = None

    async def in_turn(scope, receive, send):
        nonlocal semaphore
        if semaphore is None:
            semaphore = asyncio.Semaphore(turns)
        await semaphore.acquire()
        held = True

        def give_back():
            nonlocal held
            if held:
                held = False
                semaphore.release()

        async def send_starting(message):
            if message["type"] == "http.response.start":
                give_back()
            await send(message)

        try:
            await app(scope, receive, send_starting)
        finally:
            give_back()
    return in_turn


@hookimpl
def asgi_wrapper(datasette):
    def wrap(datasette_app):
        cache = None
        app = datasette_app

        async def cached(scope, receive, send):
            nonlocal cache, app
            if cache is None:
                config = datasette.plugin_config(PLUGIN) or {}
                cache = Cache(int(config.get("max_bytes", MAX_BYTES)), int(config.get("max_entry_bytes", MAX_ENTRY_BYTES)))
                cache.gzip_level = int(config.get("gzip_level", GZIP_LEVEL))
                app = taking_turns(datasette_app, int(config.get("computing", COMPUTING)))
            if scope["type"] != "http":  # lifespan: never a turn (it sends no response)
                return await datasette_app(scope, receive, send)
            request_headers = dict(scope.get("headers") or [])
            if not cache.max_bytes:
                accept_encoding = request_headers.get(b"accept-encoding", b"")
                if cache.gzip_level and accepts_gzip(accept_encoding):
                    return await _gzipped(app, scope, receive, send, cache.gzip_level, accept_encoding)
                return await app(scope, receive, send)
            if scope.get("method") != "GET":
                return await app(scope, receive, send)
            if any(name in request_headers for name in PRIVATE):
                return await app(scope, receive, send)
            key = (scope.get("path"), scope.get("query_string", b""), request_headers.get(b"accept-encoding", b""))
            entry = cache.get(key)
            if entry is None and key in cache.computing:
                await cache.computing[key].wait()  # then the cache has it, unless it was not kept
                entry = cache.get(key)
            if entry is not None:
                return await _send(send, *entry, request_headers)
            computing = cache.computing.setdefault(key, asyncio.Event())
            start, parts, size, keep = None, [], 0, True

            async def capture(message):
                nonlocal start, size, keep
                if not keep:
                    return await send(message)
                if message["type"] == "http.response.start":
                    start = message
                    headers = message.get("headers") or []
                    if message["status"] != 200 or any(k.lower() == b"set-cookie" for k, _ in headers):
                        keep = False
                        return await send(message)
                    return  # held until the body is complete
                if message["type"] == "http.response.body":
                    parts.append(message.get("body", b""))
                    size += len(parts[-1])
                    if size > cache.max_entry_bytes:  # too big to keep: send what we hold and stream the rest
                        keep = False
                        await send(start)
                        await send({"type": "http.response.body", "body": b"".join(parts), "more_body": message.get("more_body", False)})
                        return
                    if not message.get("more_body", False):
                        body = b"".join(parts)
                        headers = list(start.get("headers") or [])
                        ttl = datasette.setting("default_cache_ttl")
                        if ttl and not any(k.lower() == b"cache-control" for k, _ in headers):
                            headers.append((b"cache-control", f"max-age={ttl}".encode()))
                        headers, body = compressed(headers, body, key[2])
                        etag = cache.put(key, start["status"], headers, body)
                        await _send(send, start["status"], headers, body, etag, request_headers)
                    return
                await send(message)

            try:
                await app(scope, receive, capture)
            finally:
                if cache.computing.get(key) is computing:
                    del cache.computing[key]
                computing.set()
        return cached
    return wrap
