"""Load test of the published folder: 50 concurrent clients for 30 seconds on loopback
against a 100,000-statement archive served by its run.sh, with zero errors. The
figures go to bench/out/load.json, from which `make bench` writes docs/benchmarks.md."""

import pytest

from bench.load import load_published

pytestmark = pytest.mark.slow


def test_fifty_clients_for_thirty_seconds_without_errors():
    result = load_published(statements=100_000, clients=50, seconds=30)
    print(result)
    assert result["requests"] > 500
    assert result["errors"] == 0, result["error_samples"]
