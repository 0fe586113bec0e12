"""Fetching web pages politely: the only module of the loader that goes on the network.

One :class:`Fetcher` per ``loader add`` run. Every request has a timeout and a size
limit; redirects are followed up to a limit (each hop checked against robots.txt);
the User-Agent names the project; requests to one host are spaced by a delay (or the
site's robots.txt ``Crawl-delay``, whichever is longer); 5xx answers and failed
connections are retried with exponential back-off. Every failure is a
:class:`FetchError` whose message says what went wrong in one line.
"""

from __future__ import annotations

import datetime as dt
import re
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit

import urllib3

from . import __version__

USER_AGENT = f"news-archive-loader/{__version__} (loader add)"
ROBOTS_AGENT = "news-archive-loader"  # the token robots.txt rules name


class FetchError(Exception):
    """A page that could not be fetched; ``str(error)`` is the one-line reason."""


@dataclass(frozen=True)
class FetchOptions:
    timeout: float = 20.0  # seconds to connect, and between bytes of the answer; a whole answer gets 3 times this
    max_bytes: int = 5_000_000  # far above any news page; larger answers are not articles
    max_redirects: int = 5
    delay: float = 1.0  # seconds between two requests to the same host
    retries: int = 2  # extra tries after a 5xx answer or a failed connection
    backoff: float = 1.0  # first wait before a retry; doubles each time
    respect_robots: bool = True
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    requested_url: str
    status: int
    content_type: str  # media type only, lower case ("text/html")
    charset: str | None
    body: bytes
    retrieved_at: str  # ISO 8601, UTC, seconds


@dataclass
class Fetcher:
    options: FetchOptions = field(default_factory=FetchOptions)
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic  # the politeness delay's clock (a test gives its own)

    def __post_init__(self) -> None:
        # retries and redirects are handled here, so each hop is checked and reported
        self._pool = urllib3.PoolManager(retries=False, timeout=urllib3.Timeout(connect=self.options.timeout, read=self.options.timeout))
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._robots_errors: dict[str, FetchError] = {}

    def get(self, url: str, accept: str = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5") -> Response:
        """Fetch ``url`` (following redirects); raise :class:`FetchError` on any failure,
        including an HTTP status other than 2xx."""
        requested = url
        for _ in range(self.options.max_redirects + 1):
            self._check_url(url)
            if self.options.respect_robots:
                self._check_robots(url)
            status, headers, body = self._request(url, accept)
            if status in (301, 302, 303, 307, 308):
                location = headers.get("Location")
                if not location:
                    raise FetchError(f"HTTP {status} redirect without a Location header")
                url = urljoin(url, location)
                continue
            if not 200 <= status < 300:
                raise FetchError(f"HTTP {status} {_reason(status)}")
            media, charset = _content_type(headers.get("Content-Type", ""))
            return Response(url=url, requested_url=requested, status=status, content_type=media, charset=charset, body=body,
                            retrieved_at=dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"))
        raise FetchError(f"too many redirects (more than {self.options.max_redirects})")

    def _check_url(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"not an http(s) URL: {url}")

    def _wait_for_host(self, host: str) -> None:
        delay = self.options.delay
        robots = self._robots.get(host)
        crawl_delay = robots.crawl_delay(ROBOTS_AGENT) if robots else None
        if crawl_delay:
            delay = max(delay, float(crawl_delay))
        last = self._last_request.get(host)
        if last is not None:
            left = last + delay - self.clock()
            if left > 0:
                self.sleep(left)
        self._last_request[host] = self.clock()

    def _request(self, url: str, accept: str) -> tuple[int, dict, bytes]:
        """One request with retries on 5xx and connection errors; no redirects."""
        host = urlsplit(url).netloc.lower()
        wait = self.options.backoff
        for attempt in range(self.options.retries + 1):
            last_try = attempt == self.options.retries
            self._wait_for_host(host)
            try:
                answer = self._pool.request("GET", url, headers={"Accept": accept, "User-Agent": self.options.user_agent}, redirect=False, preload_content=False)
            except urllib3.exceptions.ReadTimeoutError:
                # the server took the request and is slow: trying again would only wait longer
                raise FetchError(f"timed out after {self.options.timeout:g} s waiting for the answer") from None
            except (urllib3.exceptions.ConnectTimeoutError, urllib3.exceptions.NewConnectionError,
                    urllib3.exceptions.ProtocolError, urllib3.exceptions.SSLError) as error:
                if last_try:
                    tries = f"{attempt + 1} tries" if attempt else "1 try"
                    raise FetchError(f"connection failed after {tries} ({_cause(error)})") from None
                self.sleep(wait)
                wait *= 2
                continue
            except urllib3.exceptions.HTTPError as error:
                raise FetchError(f"request failed ({_cause(error)})") from None
            try:
                if answer.status >= 500 and not last_try:
                    answer.drain_conn()
                    self.sleep(wait)
                    wait *= 2
                    continue
                body = self._read_limited(answer)
                return answer.status, answer.headers, body
            except BaseException:
                answer.close()  # half read: the connection cannot be used again
                raise
            finally:
                answer.release_conn()
        raise AssertionError("unreachable")  # the loop returns or raises on its last try

    def _read_limited(self, answer: urllib3.BaseHTTPResponse) -> bytes:
        limit = self.options.max_bytes
        declared = answer.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise FetchError(f"answer is {int(declared) / 1e6:.1f} MB, over the {limit / 1e6:.1f} MB limit")
        chunks, size = [], 0
        deadline = time.monotonic() + 3 * self.options.timeout  # a server that trickles bytes is cut off too
        try:
            # read1 returns what has arrived (read would wait for the whole block)
            while chunk := answer.read1(64 * 1024):
                if time.monotonic() > deadline:
                    raise FetchError(f"the answer took longer than {3 * self.options.timeout:g} s")
                size += len(chunk)
                if size > limit:
                    raise FetchError(f"answer is over the {limit / 1e6:.1f} MB limit")
                chunks.append(chunk)
        except urllib3.exceptions.ReadTimeoutError:
            raise FetchError(f"timed out after {self.options.timeout:g} s reading the answer") from None
        except urllib3.exceptions.HTTPError as error:
            raise FetchError(f"the answer broke off ({_cause(error)})") from None
        return b"".join(chunks)

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        host = parts.netloc.lower()
        if host not in self._robots:
            try:
                self._robots[host] = self._load_robots(f"{parts.scheme}://{parts.netloc}/robots.txt")
            except FetchError as error:
                self._robots_errors[host] = error
                self._robots[host] = None
        if host in self._robots_errors:  # asked once per host, not once per page
            raise self._robots_errors[host]
        robots = self._robots[host]
        if robots is not None and not robots.can_fetch(ROBOTS_AGENT, url):
            raise FetchError("refused by the site's robots.txt (pass --ignore-robots to fetch it anyway)")

    def _load_robots(self, robots_url: str) -> urllib.robotparser.RobotFileParser | None:
        """The site's rules; None (everything allowed) when it has no robots.txt."""
        try:
            status, _, body = self._request(robots_url, "text/plain")
        except FetchError as error:
            raise FetchError(f"cannot read {robots_url}: {error} (pass --ignore-robots to fetch anyway)") from None
        parser = urllib.robotparser.RobotFileParser(robots_url)
        if status in (401, 403):
            parser.disallow_all = True  # the usual reading: a site that hides its rules allows nothing
            return parser
        if 400 <= status < 500 or status in (301, 302, 303, 307, 308):
            return None
        if status >= 500:
            raise FetchError(f"cannot read {robots_url}: HTTP {status} (pass --ignore-robots to fetch anyway)")
        parser.parse(body.decode("utf-8", "replace").splitlines())
        return parser


def _content_type(value: str) -> tuple[str, str | None]:
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.strip().partition("=")
        if key.lower() == "charset" and val:
            charset = val.strip('"\' ').lower()
    return media.strip().lower(), charset


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _cause(error: Exception) -> str:
    """The reason urllib3 wraps ("Connection refused"), not its long repr."""
    text = str(getattr(error, "reason", None) or error)
    found = re.findall(r"\[Errno -?\d+\] ([^)'\"]+)", text)
    if found:
        return found[-1].strip()
    return re.sub(r"<[^>]* object at 0x[0-9a-f]+>:?\s*", "", text).strip() or type(error).__name__
