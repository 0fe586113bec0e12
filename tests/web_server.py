"""A small real HTTP server on loopback for `loader add` tests: the fixture pages of
tests/fixtures/web under /news/<name>, and the behaviours a crawler meets on the
web (robots.txt, redirects, a flaky 500, a slow answer, errors, feeds)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

WEB = Path(__file__).resolve().parent / "fixtures" / "web"

ROBOTS = b"User-agent: *\nDisallow: /private/\n"


@dataclass
class Site:
    base: str = ""
    requests: list[tuple[str, str]] = field(default_factory=list)  # (path, User-Agent)
    flaky_failures: int = 1  # /flaky answers 500 this many times, then the page
    slow_seconds: float = 1.0
    robots: bytes = ROBOTS
    feeds: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # path -> (content type, body)

    def paths(self) -> list[str]:
        return [p for p, _ in self.requests]


def page(name: str) -> bytes:
    return (WEB / f"{name}.html").read_bytes()


def make_handler(site: Site):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # keep test output clean
            pass

        def answer(self, status: int, body: bytes = b"", content_type: str = "text/html; charset=utf-8", headers: dict | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            path = self.path
            site.requests.append((path, self.headers.get("User-Agent", "")))
            if path == "/robots.txt":
                return self.answer(200, site.robots, "text/plain")
            if path.startswith("/news/") or path.startswith("/mirror/") or path.startswith("/private/"):
                name = path.rsplit("/", 1)[1]
                if (WEB / f"{name}.html").exists():
                    return self.answer(200, page(name))
                return self.answer(404, b"<html><body><p>Not found</p></body></html>")
            if path == "/latin1":  # the charset is only in the HTTP header, not in the page
                return self.answer(200, page("latin1"), "text/html; charset=iso-8859-1")
            if path == "/2023/05/17/library-reopens":  # a page whose only date is in its URL
                return self.answer(200, page("no-date"))
            if path == "/moved":
                return self.answer(301, headers={"Location": "/news/news-site"})
            if path == "/moved-twice":
                return self.answer(302, headers={"Location": f"{site.base}/moved"})
            if path == "/loop":
                return self.answer(302, headers={"Location": "/loop"})
            if path == "/flaky":
                if sum(1 for p in site.paths() if p == "/flaky") <= site.flaky_failures:
                    return self.answer(500, b"<html><body><p>Internal error</p></body></html>")
                return self.answer(200, page("opengraph-only"))
            if path == "/broken":
                return self.answer(503, b"<html><body><p>Service unavailable</p></body></html>")
            if path == "/slow":
                time.sleep(site.slow_seconds)
                return self.answer(200, page("news-site"))
            if path == "/trickle":  # a byte every 0.1 s: each read is quick, the whole answer is not
                body = page("news-site")
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    for k in range(len(body)):
                        self.wfile.write(body[k : k + 1])
                        self.wfile.flush()
                        time.sleep(0.1)
                except OSError:  # the client gave up
                    pass
                return None
            if path == "/image.png":
                return self.answer(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
            if path == "/big":
                return self.answer(200, b"<html><body>" + b"<p>words words words.</p>" * 20_000 + b"</body></html>")
            if path in site.feeds:
                content_type, body = site.feeds[path]
                return self.answer(200, body, content_type)
            return self.answer(404, b"<html><body><p>Not found</p></body></html>")

    return Handler


class WebServer:
    """``with WebServer() as site:`` serves on 127.0.0.1 at ``site.base`` until the block ends."""

    def __enter__(self) -> Site:
        self.site = Site()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(self.site))
        self.server.daemon_threads = True
        self.server.block_on_close = False  # a handler still sleeping or trickling does not hold up the test
        self.site.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self.site

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
