"""Load test of the published folder: 50 concurrent clients on loopback against a
100,000-statement archive served by its run.sh, each sending a fixed number of requests,
all answered without error. The test fixes the work, not the time: the deadline is only
a bound so that a hung server fails the test instead of hanging it. Throughput and
latency are measured by `make bench` (bench/out/load.json, docs/benchmarks.md)."""

import pytest

from bench.load import load_published

pytestmark = pytest.mark.slow

CLIENTS, EACH = 50, 12


def test_fifty_clients_all_answered_without_errors():
    result = load_published(statements=100_000, clients=CLIENTS, seconds=600, requests_per_client=EACH)
    print(result)
    assert result["errors"] == 0, result["error_samples"]
    assert result["requests"] == CLIENTS * EACH  # every client finished its requests before the bound
