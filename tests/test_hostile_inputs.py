"""Input written to hurt the loader: alias bombs, FIFOs, devices, sparse giants, broken
links, duplicate keys, dates in 2100, control characters in names and text, SIGTERM.
Each gets a one-line FILE:LINE message and exit 1 (or is listed as skipped), bounded
in time and memory."""

from __future__ import annotations

import datetime as dt
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from loader.cli import cli
from loader.errors import InputError

from .conftest import ROOT, SEED_ID

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]\n" for n in range(8))


def build(*args: str):
    return CliRunner().invoke(cli, ["build", *args, "-q"])


def safe_subprocess(args, **kwargs):
    """A loader run in its own process, capped at 2 GB of address space and a timeout,
    so that a regression fails the test instead of exhausting the shared machine."""
    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
    return subprocess.run([sys.executable, "-m", "loader.cli", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, preexec_fn=cap, timeout=120, **kwargs)


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    (tmp_path / "articles").mkdir()
    (tmp_path / "annotations").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_an_alias_bomb_in_front_matter_is_refused(corpus):
    (corpus / "articles" / "bomb.md").write_text("---\npublished: 2024-01-02\n" + BOMB + "---\nThe minister spoke.\n")
    result = build("archive.db", "articles")
    assert result.exit_code == 1
    assert "articles/bomb.md:3: front matter is not valid YAML: anchors (&a) are not allowed: write the value out" in result.output.splitlines()


def test_an_alias_bomb_in_an_annotation_is_refused(corpus):
    shutil.copy(ROOT / "data" / "articles" / f"{SEED_ID}.txt", corpus / "articles")
    (corpus / "annotations" / f"{SEED_ID}.yml").write_text("people: []\n" + BOMB)
    result = safe_subprocess(["build", corpus / "archive.db", corpus / "articles", "-q"])
    assert result.returncode == 1
    assert f"{corpus}/annotations/{SEED_ID}.yml:2: YAML syntax error: anchors (&a) are not allowed: write the value out" in result.stderr.splitlines()
    assert "Traceback" not in result.stderr


def test_an_alias_without_its_anchor_is_refused_too(corpus):
    (corpus / "articles" / "alias.md").write_text("---\npublished: 2024-01-02\ntitle: *t\n---\nThe minister spoke.\n")
    result = build("archive.db", "articles")
    assert result.exit_code == 1
    assert "articles/alias.md:3: front matter is not valid YAML: aliases (*t) are not allowed: write the value out" in result.output.splitlines()


def test_explicit_fifo_device_and_broken_link_are_refused_with_the_reason(corpus):
    os.mkfifo(corpus / "articles" / "pipe.txt")
    (corpus / "articles" / "gone.txt").symlink_to("nowhere.txt")
    # in a subprocess with a timeout and a memory cap: reading either would hang or fill memory
    result = safe_subprocess(["build", corpus / "archive.db", corpus / "articles" / "pipe.txt", "/dev/zero",
                              corpus / "articles" / "gone.txt", "-q"])
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert f"{corpus}/articles/pipe.txt: a FIFO (named pipe), not a regular file" in lines
    assert "/dev/zero: a character device, not a regular file" in lines
    assert f"{corpus}/articles/gone.txt: broken symbolic link (to 'nowhere.txt' which does not exist)" in lines
    assert not (corpus / "archive.db").exists()


def test_a_folder_scan_lists_what_it_skipped_and_builds_the_rest(corpus):
    shutil.copy(ROOT / "data" / "articles" / f"{SEED_ID}.txt", corpus / "articles")
    shutil.copy(ROOT / "data" / "annotations" / f"{SEED_ID}.yml", corpus / "annotations")
    os.mkfifo(corpus / "articles" / "pipe.txt")
    (corpus / "articles" / "folder.md").mkdir()
    (corpus / "articles" / "gone.txt").symlink_to("nowhere.txt")
    result = safe_subprocess(["build", corpus / "archive.db", corpus / "articles", "-q"])
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"{corpus}/articles/folder.md: skipped: a folder, not a regular file",
        f"{corpus}/articles/gone.txt: skipped: broken symbolic link (to 'nowhere.txt' which does not exist)",
        f"{corpus}/articles/pipe.txt: skipped: a FIFO (named pipe), not a regular file",
    ]


def test_a_sparse_giant_is_refused_from_its_size_without_reading_it(corpus):
    giant = corpus / "articles" / "giant.txt"
    with open(giant, "wb") as handle:
        handle.write(b" date 2024-01-02 ")
        handle.truncate(3_000_000_000)  # sparse: 3 GB that take no disk
    result = safe_subprocess(["build", corpus / "archive.db", corpus / "articles", "-q"])
    assert result.returncode == 1
    assert (f"{corpus}/articles/giant.txt: file is 3000.0 MB, over the 5.0 MB limit for one article: split it, "
            "or raise the limit with --max-article-bytes") in result.stderr.splitlines()


def test_never_more_than_the_limit_is_read():
    # /proc files say they are empty (st_size 0) and then give more: only limit + 1 bytes are read
    from loader.articles import read_limited

    with pytest.raises(InputError) as error:
        read_limited("/proc/self/maps", 100)
    assert error.value.problems == ["/proc/self/maps: file is more than 101 bytes, over the 100 bytes limit for one article: "
                                    "split it, or raise the limit with --max-article-bytes"]


def test_duplicate_front_matter_keys_are_an_error(corpus):
    (corpus / "articles" / "twice.md").write_text("---\npublished: 2024-01-02\ntitle: One\ntitle: Two\n---\nThe minister spoke.\n")
    result = build("archive.db", "articles")
    assert result.exit_code == 1
    assert "articles/twice.md:4: front matter is not valid YAML: duplicate key 'title': the later value would silently win" in result.output.splitlines()


def test_a_publication_date_far_in_the_future_is_refused(corpus):
    (corpus / "articles" / "future.txt").write_text(" date 2100-01-02 The minister spoke.\n")
    (corpus / "articles" / "future.md").write_text("---\ntitle: Later\npublished: 2100-01-02\n---\nThe minister spoke.\n")
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    (corpus / "articles" / "tomorrow.txt").write_text(f" date {tomorrow} The minister spoke, an aide said.\n")
    result = build("archive.db", "articles/future.txt", "articles/future.md", "--keep-going", "--no-annotations")
    lines = result.output.splitlines()
    assert result.exit_code == 1
    latest = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    assert f"articles/future.txt:1: publication date 2100-01-02 is after {latest} (today + 3 days): a typo?" in lines
    assert f"articles/future.md:3: publication date 2100-01-02 is after {latest} (today + 3 days): a typo?" in lines
    from loader.articles import read_article
    assert read_article(corpus / "articles" / "tomorrow.txt").published == tomorrow  # time zones: tomorrow is fine


def test_a_file_name_with_a_newline_stays_on_one_line(corpus):
    (corpus / "articles" / "evil\nname\x1b[2J.txt").write_text(" date 2024-13-01 The minister spoke.\n")
    result = build("archive.db", "articles")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "articles/evil\\nname\\x1b[2J.txt:1: bad date '2024-13-01': no such day"
    assert len(lines) == 2


def test_a_control_character_on_line_2_is_reported_on_line_2(corpus):
    (corpus / "articles" / "bell.md").write_text("---\ntitle: Ring \x07 ring\npublished: 2024-01-02\n---\nThe minister spoke.\n")
    result = build("archive.db", "articles")
    assert result.exit_code == 1
    assert "articles/bell.md:2: front matter has character #x0007, which YAML does not allow: remove it" in result.output.splitlines()


@pytest.mark.slow
def test_sigterm_during_a_build_removes_the_temporary_file_quietly(tmp_path):
    """A build of unannotated articles in worker processes, stopped by SIGTERM as a
    service manager would: non-zero exit, no temporary file, no worker tracebacks."""
    articles = tmp_path / "articles"
    articles.mkdir()
    text = (ROOT / "data" / "articles" / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    for n in range(12):
        (articles / f"variant-{n:02d}.txt").write_text(text + f"\n\nVariant number {n}.\n", encoding="utf-8")
    db = tmp_path / "archive.db"
    process = subprocess.Popen([sys.executable, "-m", "loader.cli", "build", str(db), str(articles), "--no-annotations",
                                "--no-cache", "--workers", "2", "-q"], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".archive.db.tmp-*")):
        assert process.poll() is None and time.monotonic() < deadline, "the build never started writing"
        time.sleep(0.05)
    time.sleep(1.0)  # into the extraction, workers running
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 143, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    assert stderr.splitlines() == [f"{db}: build terminated: nothing was written; {db} is unchanged"]
    assert not list(tmp_path.glob(".archive.db.tmp-*"))
    assert not db.exists()


def test_a_duplicate_of_a_file_with_a_newline_in_its_name_is_reported_on_one_line(corpus):
    text = " date 2024-01-02 The minister spoke, an aide said.\n"
    (corpus / "articles" / "a\nb.txt").write_text(text)
    (corpus / "articles" / "c.txt").write_text(text)
    result = build("archive.db", "articles", "--no-annotations")
    assert result.exit_code == 1
    assert "articles/c.txt:1: same content as articles/a\\nb.txt: an article is archived once" in result.output.splitlines()
