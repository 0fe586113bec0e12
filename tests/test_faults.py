"""Faults: a build killed at any point, two builds at once, and a full disk all leave
the previous archive intact and no temporary files behind."""

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import fcntl

import pytest
from click.testing import CliRunner

from loader.cli import cli

from .conftest import ROOT, SEED_ID

pytestmark = pytest.mark.slow


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def big_corpus(tmp_path):
    """Ten variants of the seed with their annotations: a build that takes a while."""
    articles, annotations = tmp_path / "articles", tmp_path / "annotations"
    articles.mkdir()
    annotations.mkdir()
    text = (ROOT / "data" / "articles" / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    annotation = (ROOT / "data" / "annotations" / f"{SEED_ID}.yml").read_text(encoding="utf-8")
    for n in range(10):
        (articles / f"variant-{n:02d}.txt").write_text(text + f"\n\nVariant number {n}.\n", encoding="utf-8")
        (annotations / f"variant-{n:02d}.yml").write_text(annotation, encoding="utf-8")
    return tmp_path


def loader_command(*args):
    return [sys.executable, "-m", "loader.cli", *map(str, args)]


def test_sigkill_at_random_points_leaves_the_archive_and_no_temporaries(big_corpus):
    """Clean rebuilds (--no-cache) killed: the temporary file never replaces the archive."""
    db = big_corpus / "archive.db"
    subprocess.run(loader_command("build", db, big_corpus / "articles", "-q"), check=True, cwd=ROOT)
    before = digest(db)
    started = time.monotonic()
    subprocess.run(loader_command("build", big_corpus / "timing.db", big_corpus / "articles", "-q"), check=True, cwd=ROOT)
    duration = time.monotonic() - started
    rng = random.Random(20220126)
    for delay in sorted(rng.uniform(0.2, duration) for _ in range(5)):
        process = subprocess.Popen(loader_command("build", "--no-cache", db, big_corpus / "articles", "-q"), cwd=ROOT)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert digest(db) == before, f"archive changed after a kill at {delay:.2f}s"
    # the next build cleans up whatever the killed ones left, and succeeds
    subprocess.run(loader_command("build", db, big_corpus / "articles", "-q"), check=True, cwd=ROOT)
    assert not list(big_corpus.glob(".archive.db.tmp-*"))
    assert sqlite3.connect(db).execute("pragma integrity_check").fetchone() == ("ok",)
    assert sqlite3.connect(db).execute("select count(*) from articles").fetchone() == (10,)


def _lock_is_held(lock_path) -> bool:
    try:
        with open(lock_path, "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            fcntl.flock(handle, fcntl.LOCK_UN)
        return False
    except BlockingIOError:
        return True


def test_two_builds_at_once_the_second_is_refused(big_corpus):
    db = big_corpus / "archive.db"
    lock = big_corpus / "archive.db.lock"
    first = subprocess.Popen(loader_command("build", db, big_corpus / "articles", "-q"), cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 20
    while not (lock.exists() and _lock_is_held(lock)):
        assert first.poll() is None and time.monotonic() < deadline, "the first build never took the lock"
        time.sleep(0.02)
    second = subprocess.run(loader_command("build", db, big_corpus / "articles", "-q"), cwd=ROOT,
                            capture_output=True, text=True)
    assert second.returncode == 1
    assert f"{db}: another build of {db} is running (lock {lock}); wait for it to finish" in second.stderr
    assert first.wait(timeout=60) == 0
    assert sqlite3.connect(db).execute("select count(*) from articles").fetchone() == (10,)


@pytest.fixture
def tiny_disk(tmp_path):
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=700k", "tmpfs", str(mount)]).returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


def test_full_disk_fails_cleanly_and_keeps_the_old_archive(tiny_disk, tmp_path, monkeypatch):
    small = tmp_path / "small"
    (small / "articles").mkdir(parents=True)
    (small / "articles" / "note.txt").write_text(" date 2024-01-01 A short note, an official said.\n", encoding="utf-8")
    db = tiny_disk / "archive.db"
    monkeypatch.chdir(ROOT)
    assert CliRunner().invoke(cli, ["build", str(db), str(small / "articles"), "-q"]).exit_code == 0
    before = digest(db)
    # the seed's archive (~0.5 MB) does not fit on a 700 KB disk beside the old one (~0.44 MB)
    result = CliRunner().invoke(cli, ["build", str(db), str(ROOT / "data" / "articles"), "-q"])
    assert result.exit_code == 1
    assert result.output.startswith(f"{db}: build failed (database or disk is full); the previous archive is unchanged")
    assert digest(db) == before
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["archive.db", "archive.db.cache", "archive.db.lock"]


def test_simulated_enospc_fails_cleanly(tmp_path, monkeypatch):
    db = tmp_path / "archive.db"
    assert CliRunner().invoke(cli, ["build", str(db), str(ROOT / "data" / "articles"), "-q"]).exit_code == 0
    before = digest(db)

    def no_space(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("loader.build.os.fsync", no_space)
    # a clean rebuild (--no-cache) fsyncs its new file before the rename
    result = CliRunner().invoke(cli, ["build", "--no-cache", str(db), str(ROOT / "data" / "articles"), "-q"])
    assert result.exit_code == 1
    assert "build failed ([Errno 28] No space left on device); the previous archive is unchanged" in result.output
    assert digest(db) == before
    assert not list(tmp_path.glob(".archive.db.tmp-*"))
