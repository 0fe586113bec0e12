"""Load test of the published folder: 50 concurrent clients for 30 seconds on loopback
against a 100,000-statement archive served by run.sh, with zero errors. The figures go
to bench/out/load.json, from which `make bench` writes docs/benchmarks.md."""

import asyncio
import json
import sys

import pytest

from bench.load import run_load
from bench.synth import generate
from loader.publish import publish

from .conftest import ROOT
from .test_publish import start, stop

pytestmark = pytest.mark.slow


def test_fifty_clients_for_thirty_seconds_without_errors(tmp_path):
    db = tmp_path / "archive.db"
    generate(db, statements=100_000, seed=7)
    site = publish(db, tmp_path / "site")
    process, base = start(site, sys.executable, timeout=60)
    try:
        result = asyncio.run(run_load(base, clients=50, seconds=30))
    finally:
        stop(process)
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "load.json").write_text(json.dumps({"statements": 100_000, **result}, indent=2) + "\n")
    print(result)
    assert result["requests"] > 500
    assert result["errors"] == 0, result["error_samples"]
