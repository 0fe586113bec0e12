"""Extraction on a Dask cluster: a two-worker LocalCluster on loopback gives the same
archive, row for row, as a local build; a re-run sends only what changed; a worker
killed mid-build has its articles redone elsewhere."""

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
from distributed import Client, LocalCluster

from loader.build import build

from .conftest import ROOT
from .test_many_articles import dump

pytestmark = pytest.mark.slow
FIXTURES = ROOT / "tests" / "fixtures" / "articles"


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None,
                      processes=True) as local:
        yield local


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The archive of the fixture articles built locally, in one process, without cache."""
    tmp = tmp_path_factory.mktemp("reference")
    folder = tmp / "articles"
    folder.mkdir()
    for path in sorted(FIXTURES.glob("*.md")):
        (folder / path.name).write_bytes(path.read_bytes())
    here = os.getcwd()
    os.chdir(tmp)  # source_file is relative to where the build runs: "articles/..." in every test
    try:
        build("local.db", ["articles"], use_annotations=False, use_cache=False, entities="none.yml", workers=1)
    finally:
        os.chdir(here)
    return dump(tmp / "local.db")


@pytest.fixture
def articles(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in sorted(FIXTURES.glob("*.md")):
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


def test_distributed_build_equals_a_local_build_and_reuses_the_cache(cluster, articles, tmp_path, reference):
    none = tmp_path / "none.yml"
    names = sorted(p.name for p in articles.iterdir())
    held = tmp_path / names[-1]
    os.rename(articles / names[-1], held)
    db = tmp_path / "distributed.db"
    first = build(db, ["articles"], use_annotations=False, entities=none, scheduler=cluster.scheduler_address)
    assert first.extracted == len(names) - 1
    os.rename(held, articles / names[-1])
    again = build(db, ["articles"], use_annotations=False, entities=none, scheduler=cluster.scheduler_address)
    assert (again.mode, again.added, again.extracted, again.unchanged) == ("update", 1, 1, len(names) - 1)
    assert dump(db) == reference


def test_the_command_line_takes_the_scheduler_from_the_environment(cluster, articles, tmp_path):
    db = tmp_path / "archive.db"
    env = {**os.environ, "LOADER_SCHEDULER": cluster.scheduler_address}
    result = subprocess.run([sys.executable, "-m", "loader.cli", "build", "--no-annotations", str(db), str(articles)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    with Client(cluster.scheduler_address) as client:
        # the workers did the extraction: each has the model loaded
        loaded = client.run(lambda: "loader.extract.model" in sys.modules and
                            sys.modules["loader.extract.model"].load_nlp.cache_info().currsize == 1)
    assert any(loaded.values())
    assert sqlite3.connect(db).execute("select count(*) from articles").fetchone()[0] == len(list(articles.iterdir()))


def test_an_unreachable_scheduler_fails_cleanly(articles, tmp_path):
    db = tmp_path / "archive.db"
    result = subprocess.run([sys.executable, "-m", "loader.cli", "build", "--no-annotations", "--scheduler",
                             "tcp://127.0.0.1:9", str(db), str(articles)], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"})
    assert result.returncode == 1
    assert f"{db}: build failed (cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr
    assert "Traceback" not in result.stderr
    assert not db.exists()


def test_a_worker_killed_mid_build_has_its_articles_redone(cluster, articles, tmp_path, reference):
    """Last in this module: the cluster's nanny restarts the killed worker."""
    none = tmp_path / "none.yml"
    local = cluster
    with Client(local.scheduler_address) as client:
        pids = client.run(os.getpid)
        outcome = {}

        def run():
            try:
                outcome["report"] = build(tmp_path / "archive.db", ["articles"], use_annotations=False,
                                          entities=none, scheduler=local.scheduler_address)
            except Exception as error:  # noqa: BLE001 - reported below
                outcome["error"] = error

        thread = threading.Thread(target=run)
        thread.start()
        deadline = time.monotonic() + 120
        while not any(client.processing().values()):  # wait until a worker has a batch
            assert time.monotonic() < deadline and thread.is_alive(), "no batch ever reached a worker"
            time.sleep(0.05)
        victim = next(address for address, tasks in client.processing().items() if tasks)
        os.kill(pids[victim], signal.SIGKILL)
        thread.join(timeout=300)
    assert "error" not in outcome, outcome.get("error")
    assert dump(tmp_path / "archive.db") == reference
