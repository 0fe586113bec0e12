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
from pathlib import Path

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
    before = dump(db)  # rows: before its rename a rebuild may switch the old file out of WAL mode (its header)
    started = time.monotonic()
    subprocess.run(loader_command("build", big_corpus / "timing.db", big_corpus / "articles", "-q"), check=True, cwd=ROOT)
    duration = time.monotonic() - started
    rng = random.Random(20220126)
    for delay in sorted(rng.uniform(0.2, duration) for _ in range(5)):
        process = subprocess.Popen(loader_command("build", "--no-cache", db, big_corpus / "articles", "-q"), cwd=ROOT)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert dump(db) == before, f"archive changed after a kill at {delay:.2f}s"
        assert integrity(db) == "ok"
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
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1000k", "tmpfs", str(mount)]).returncode != 0:
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
    # the seed's archive (~0.73 MB) does not fit on a 1,000 KB disk beside the old one (~0.59 MB)
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


# --- updates in place -------------------------------------------------------------------

def dump(db):
    conn = sqlite3.connect(db)
    try:
        tables = [t for (t,) in conn.execute("select name from sqlite_master where type = 'table' "
                                             "and name not like '%fts%' and name not like 'sqlite_%'")]
        return {t: conn.execute(f"select * from {t} order by 1").fetchall() for t in tables}
    finally:
        conn.close()


def integrity(db):
    conn = sqlite3.connect(db)
    try:
        return conn.execute("pragma integrity_check").fetchone()[0]
    finally:
        conn.close()


def writing(db) -> bool:
    """Whether a build holds the archive's write transaction (BEGIN IMMEDIATE is refused)."""
    probe = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        probe.close()


def change_corpus(root):
    """Every variant changed, two removed, three added: a long update."""
    articles, annotations = root / "articles", root / "annotations"
    for path in sorted(articles.glob("variant-*.txt")):
        path.write_text(path.read_text(encoding="utf-8") + "\nA later paragraph.\n", encoding="utf-8")
    for n in (0, 1):
        (articles / f"variant-{n:02d}.txt").unlink()
    seed_text = (ROOT / "data" / "articles" / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    seed_annotation = (ROOT / "data" / "annotations" / f"{SEED_ID}.yml").read_text(encoding="utf-8")
    for n in (10, 11, 12):
        (articles / f"variant-{n:02d}.txt").write_text(seed_text + f"\n\nVariant number {n}.\n", encoding="utf-8")
        (annotations / f"variant-{n:02d}.yml").write_text(seed_annotation, encoding="utf-8")


@pytest.fixture
def update_case(big_corpus):
    """(archive, its rows before, the rows a clean build of the changed corpus has, a pristine copy)."""
    db = big_corpus / "archive.db"
    subprocess.run(loader_command("build", db, big_corpus / "articles", "-q"), check=True, cwd=ROOT)
    old = dump(db)
    pristine = big_corpus / "pristine.db"
    shutil.copy(db, pristine)
    change_corpus(big_corpus)
    clean = big_corpus / "clean" / "archive.db"
    clean.parent.mkdir()
    subprocess.run(loader_command("build", "--no-cache", clean, big_corpus / "articles", "-q"), check=True, cwd=ROOT)
    return db, old, dump(clean), pristine


def restore(db, pristine):
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    shutil.copy(pristine, db)


def test_sigkill_during_an_update_leaves_the_old_archive(update_case, big_corpus):
    db, old, new, pristine = update_case
    rng = random.Random(12)
    mid_transaction = 0
    for attempt in range(6):
        process = subprocess.Popen(loader_command("build", db, big_corpus / "articles", "-q"), cwd=ROOT)
        deadline = time.monotonic() + 60
        while process.poll() is None and not writing(db):  # until its transaction is open
            assert time.monotonic() < deadline
            time.sleep(0.01)
        time.sleep(rng.uniform(0, 0.4))
        inside = process.poll() is None and writing(db)
        process.send_signal(signal.SIGKILL)
        process.wait()
        after = dump(db)
        assert integrity(db) == "ok"
        if inside:
            mid_transaction += 1
            assert after == old, f"kill {attempt} inside the update's transaction changed the archive"
        else:
            assert after in (old, new), f"kill {attempt}: the archive is neither the old nor the new one"
        if after == new:
            restore(db, pristine)
    assert mid_transaction >= 3, f"only {mid_transaction} kills landed inside the transaction"
    subprocess.run(loader_command("build", db, big_corpus / "articles", "-q"), check=True, cwd=ROOT)
    assert dump(db) == new
    assert integrity(db) == "ok"


def test_a_reader_never_sees_an_update_half_applied(update_case, big_corpus):
    db, old, new, _ = update_case

    def signature(conn):
        # one read transaction: every count comes from the same snapshot
        conn.execute("BEGIN")
        try:
            return tuple(conn.execute(sql).fetchall() for sql in (
                "select id, sha256 from articles order by id",
                "select article_id, count(*) from sentences group by article_id order by 1",
                "select article_id, count(*) from statements group by article_id order by 1",
                "select article_id, count(*) from mentions group by article_id order by 1",
                "select count(*) from people",
                "select count(*) from statements_fts where statements_fts match 'taliban'",
                "select article_id, input_key from build_articles order by 1",
            ))
        finally:
            conn.execute("COMMIT")

    def signature_of(rows_db):
        conn = sqlite3.connect(rows_db, isolation_level=None)
        try:
            return signature(conn)
        finally:
            conn.close()

    expected_old = signature_of(db)
    reader = sqlite3.connect(db, isolation_level=None, timeout=30)
    process = subprocess.Popen(loader_command("build", db, big_corpus / "articles", "-q"), cwd=ROOT)
    seen, during = [], 0
    while process.poll() is None:
        locked = writing(db)
        state = signature(reader)
        seen.append(state)
        during += locked and state == expected_old
    assert process.wait() == 0
    final = signature(reader)
    reader.close()
    assert dump(db) == new
    expected_new = final
    assert expected_new != expected_old
    mixed = [s for s in seen if s not in (expected_old, expected_new)]
    assert not mixed, f"{len(mixed)} of {len(seen)} reads saw a half-applied update"
    assert during > 0, "no read happened while the update's transaction was open"


def test_full_disk_during_an_update_keeps_the_old_archive(tiny_disk, tmp_path, monkeypatch):
    small = tmp_path / "small"
    (small / "articles").mkdir(parents=True)
    (small / "articles" / "note.txt").write_text(" date 2024-01-01 A short note, an official said.\n", encoding="utf-8")
    db = tiny_disk / "archive.db"
    monkeypatch.chdir(ROOT)
    assert CliRunner().invoke(cli, ["build", str(db), str(small / "articles"), "-q"]).exit_code == 0
    old = dump(db)
    for n in range(3):  # three copies of the seed (~1.5 MB of rows) cannot fit in the WAL
        shutil.copy(ROOT / "data" / "articles" / f"{SEED_ID}.txt", small / "articles" / f"seed-{n}.txt")
        (small / "articles" / f"seed-{n}.txt").write_text(
            (small / "articles" / f"seed-{n}.txt").read_text(encoding="utf-8") + f"\n\nCopy {n}.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(db), str(small / "articles"), "-q"])
    assert result.exit_code == 1
    assert result.output.startswith(f"{db}: build failed (database or disk is full); the previous archive is unchanged")
    assert dump(db) == old
    assert integrity(db) == "ok"
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["archive.db", "archive.db.cache", "archive.db.lock"]
    # room again: the next build succeeds
    for n in range(3):
        (small / "articles" / f"seed-{n}.txt").unlink()
    (small / "articles" / "second.txt").write_text(" date 2024-01-02 Another note, a spokesman said.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(db), str(small / "articles"), "-q"])
    assert result.exit_code == 0, result.output
    assert len(dump(db)["articles"]) == 2
    assert integrity(db) == "ok"
