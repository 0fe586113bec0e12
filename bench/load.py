"""A load test of a served archive: N concurrent clients for a fixed time on loopback,
a mix of table pages, facets, searches and canned queries. Bounded in count and time.

    python -m bench.load                      # a generated 100k-statement archive, published and served by run.sh
    python -m bench.load --archive bench/out/archive-1m.db   # that archive, published and served by run.sh
    python -m bench.load http://127.0.0.1:8001 --clients 50 --seconds 30
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

OUT = Path(__file__).resolve().parent / "out"

# The request mix: what analysts and API clients do most.
PATHS = [
    "/archive/statements.json?_size=50",
    "/archive/people.json?_size=50",
    "/archive/meetings.json?_size=50",
    "/archive/statements.json?_facet=cue&_size=0",
    "/archive/statements.json?_facet=mode&_facet=channel&_size=0",
    "/archive/meetings.json?_facet=status&_facet=kind&_size=0",
    "/archive/statements.json?_search=minister&_size=20",
    "/archive/statements.json?_search=ceasefire&_size=20",
    "/archive/articles.json?_search=talks&_size=10",
    "/archive/who_said_what.json?_size=50",
    "/archive/who_met_whom.json?_size=50",
    "/archive/attendance_claims.json?_size=50",
    "/archive/no_comment.json?_size=50",
    "/archive/timeline.json?_size=50",
    "/archive/statements_by.json?name=a&_size=50",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


async def _client(base: str, paths: list[str], deadline: float, seed: int, latencies: list[float], errors: list[str],
                  max_requests: int, forwarded: bool = False) -> None:
    rng = random.Random(seed)
    # forwarded: each client its own address (uvicorn trusts X-Forwarded-For from 127.0.0.1),
    # so that the published instance's per-client limits count 50 clients, not one
    headers = {"X-Forwarded-For": f"10.0.{seed // 250}.{seed % 250 + 1}"} if forwarded else {}
    async with httpx.AsyncClient(base_url=base, timeout=30, headers=headers) as client:
        for _ in range(max_requests):
            if time.monotonic() >= deadline:
                return
            path = rng.choice(paths)
            started = time.perf_counter()
            try:
                response = await client.get(path)
                if response.status_code != 200:  # with the start of the body: a 429 says which limit
                    errors.append(f"{response.status_code} {path}: {response.text[:100].strip()}")
            except httpx.HTTPError as error:
                errors.append(f"{type(error).__name__} {path}")
            latencies.append((time.perf_counter() - started) * 1000)


async def run_load(base: str, clients: int = 50, seconds: float = 30, paths: list[str] | None = None,
                   max_requests_per_client: int = 100_000, forwarded: bool = False) -> dict:
    """Run the load and return requests, errors, requests/s and p50/p95/p99 latency (ms)."""
    latencies: list[float] = []
    errors: list[str] = []
    started = time.monotonic()
    deadline = started + seconds
    await asyncio.gather(*(_client(base, paths or PATHS, deadline, seed, latencies, errors, max_requests_per_client,
                                   forwarded) for seed in range(clients)))
    elapsed = time.monotonic() - started
    return {
        "clients": clients, "seconds": round(elapsed, 1), "requests": len(latencies), "errors": len(errors),
        "error_samples": errors[:10], "requests_per_second": round(len(latencies) / elapsed, 1),
        "p50_ms": round(statistics.median(latencies), 1) if latencies else None,
        "p95_ms": round(percentile(latencies, 95), 1) if latencies else None,
        "p99_ms": round(percentile(latencies, 99), 1) if latencies else None,
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_published(site: Path, python: str, timeout: float = 600, venv: Path | None = None) -> tuple[subprocess.Popen, str]:
    """Start the published folder's run.sh on a free loopback port; return it and its URL.
    run.sh makes the folder's virtualenv unless $VENV (``venv``) names one already made."""
    port = free_port()
    env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(port), "PYTHON": python, **({"VENV": str(venv)} if venv else {})}
    process = subprocess.Popen(["sh", str(site / "run.sh")], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while True:
        try:
            httpx.get(base + "/-/versions.json", timeout=2)
            return process, base
        except httpx.HTTPError:
            if process.poll() is not None or time.monotonic() > deadline:
                os.killpg(process.pid, signal.SIGKILL)
                raise RuntimeError("run.sh did not serve")
            time.sleep(0.3)


def load_published(statements: int = 100_000, clients: int = 50, seconds: float = 30, seed: int = 7,
                   archive: Path | None = None, venv: Path | None = None, requests_per_client: int = 100_000) -> dict:
    """Generate an archive (or take ``archive``), publish it, serve it with run.sh, and load it
    (each client sends requests until ``seconds`` have passed or it has sent ``requests_per_client``)."""
    from loader.publish import publish

    from .synth import generate

    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        if archive is None:
            db = Path(tmp) / "archive.db"
            generate(db, statements=statements, seed=seed)
        else:
            db = archive
            statements = sqlite3.connect(f"file:{db}?mode=ro", uri=True).execute("select count(*) from statements").fetchone()[0]
        site = publish(db, Path(tmp) / "site")
        process, base = serve_published(site, sys.executable, venv=venv)
        try:
            result = asyncio.run(run_load(base, clients, seconds, max_requests_per_client=requests_per_client,
                                          forwarded=True))
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)
    return {"statements": statements, **result}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n\n")[0])
    parser.add_argument("base", nargs="?", help="a running server, e.g. http://127.0.0.1:8001 (loopback only); "
                        "without it, a generated archive is published and served by its run.sh")
    parser.add_argument("--statements", type=int, default=100_000, help="size of the generated archive")
    parser.add_argument("--archive", type=Path, help="publish and load this archive instead of generating one")
    parser.add_argument("--venv", type=Path, help="a virtualenv of the published requirements to reuse")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    args = parser.parse_args(argv)
    if args.base is None:
        result = load_published(args.statements, args.clients, args.seconds, archive=args.archive, venv=args.venv)
        # the figure `make bench` reports (a test's run of load_published writes nothing)
        OUT.mkdir(exist_ok=True)
        (OUT / "load.json").write_text(json.dumps(result, indent=2) + "\n")
    else:
        if not args.base.startswith(("http://127.", "http://localhost", "http://[::1]")):
            parser.error("load tests run against this machine only (127.0.0.0/8, localhost, ::1)")
        result = asyncio.run(run_load(args.base, args.clients, args.seconds))
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
