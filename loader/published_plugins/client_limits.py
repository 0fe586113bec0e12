"""Per-client limits: requests in flight at once and requests per second (a token
bucket), so that a few looping clients cannot take every SQL thread. A client over its
limits gets 429 with Retry-After at once, without touching the database.

A client is its IP address as uvicorn reports it: behind a reverse proxy on the same
machine uvicorn takes it from X-Forwarded-For (it trusts that header from 127.0.0.1
only), so every visitor is counted apart; connected directly, the peer address.

Settings (plugin ``news-archive-client-limits`` in metadata; 0 turns a limit off):
``concurrent`` (default 8) requests in flight per client, ``sql_concurrent`` (1) of them
with arbitrary SQL (``sql=`` or ``_where=``), ``per_second`` (20) sustained and ``burst`` (80) at once;
and ``sql_total`` (2) arbitrary-SQL requests in flight in the process from all clients
together, below Datasette's 3 SQL threads, so that a few clients sending slow SQL
always leave a thread for the pages and canned queries.
"""

from __future__ import annotations

import math
import re
import time

from datasette import hookimpl

PLUGIN = "news-archive-client-limits"
DEFAULTS = {"concurrent": 8, "sql_concurrent": 1, "sql_total": 2, "per_second": 20.0, "burst": 80}
MAX_CLIENTS = 10_000
ARBITRARY_SQL = re.compile(rb"(?:^|&)(?:sql|_where)=")  # the parameters that run a visitor's own SQL  # clients remembered; idle ones are forgotten first


class Client:
    __slots__ = ("tokens", "updated", "in_flight", "sql_in_flight")

    def __init__(self, burst: float, now: float):
        self.tokens, self.updated, self.in_flight, self.sql_in_flight = burst, now, 0, 0


class Limits:
    def __init__(self, config: dict):
        settings = {**DEFAULTS, **(config or {})}
        self.concurrent = int(settings["concurrent"])
        self.sql_concurrent = int(settings["sql_concurrent"])
        self.sql_total = int(settings["sql_total"])
        self.sql_in_flight = 0
        self.per_second = float(settings["per_second"])
        self.burst = float(settings["burst"]) or max(self.per_second, 1.0)
        self.clients: dict[str, Client] = {}

    def client(self, key: str, now: float) -> Client:
        client = self.clients.get(key)
        if client is None:
            if len(self.clients) >= MAX_CLIENTS:
                idle = [k for k, c in self.clients.items() if not c.in_flight]
                for k in sorted(idle, key=lambda k: self.clients[k].updated)[: MAX_CLIENTS // 10 or 1]:
                    del self.clients[k]
            client = self.clients[key] = Client(self.burst, now)
        return client

    def refuse(self, client: Client, sql: bool, now: float) -> str | None:
        """Why this request is refused (or None), taking a token when it is not."""
        if self.per_second:
            client.tokens = min(self.burst, client.tokens + (now - client.updated) * self.per_second)
        client.updated = now
        if self.concurrent and client.in_flight >= self.concurrent:
            return f"more than {self.concurrent} requests at once from one client"
        if sql and self.sql_concurrent and client.sql_in_flight >= self.sql_concurrent:
            return f"more than {self.sql_concurrent} SQL queries at once from one client"
        if sql and self.sql_total and self.sql_in_flight >= self.sql_total:
            return f"the server is running its {self.sql_total} SQL queries at once for all clients"
        if self.per_second:
            if client.tokens < 1:
                return f"more than {self.per_second:g} requests per second from one client"
            client.tokens -= 1
        return None


async def _too_many(send, reason: str, retry_after: int) -> None:
    await send({"type": "http.response.start", "status": 429,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"retry-after", str(retry_after).encode())]})
    await send({"type": "http.response.body", "body": f"429: too many requests: {reason}; retry after {retry_after} s\n".encode()})


@hookimpl(trylast=True)  # called last, so it wraps everything: even cached responses count
def asgi_wrapper(datasette):
    def wrap(app):
        limits = None

        async def limited(scope, receive, send):
            nonlocal limits
            if scope["type"] != "http":
                return await app(scope, receive, send)
            if limits is None:
                limits = Limits(datasette.plugin_config(PLUGIN) or {})
            key = (scope.get("client") or ("unknown",))[0]
            sql = ARBITRARY_SQL.search(scope.get("query_string", b"")) is not None
            now = time.monotonic()
            client = limits.client(key, now)
            reason = limits.refuse(client, sql, now)
            if reason:
                wait = 1 if not limits.per_second else max(1, math.ceil((1 - client.tokens) / limits.per_second))
                return await _too_many(send, reason, wait)
            client.in_flight += 1
            client.sql_in_flight += sql
            limits.sql_in_flight += sql
            try:
                await app(scope, receive, send)
            finally:
                client.in_flight -= 1
                client.sql_in_flight -= sql
                limits.sql_in_flight -= sql
        return limited
    return wrap
