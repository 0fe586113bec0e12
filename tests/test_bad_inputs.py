"""Bad input never loses data: each file that goes wrong in practice gets its exact
FILE:LINE message and a non-zero exit, and the archive built before is byte-for-byte
unchanged. --keep-going builds the rest and still exits non-zero."""

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from loader.cli import cli

from .conftest import ROOT, SEED_ID

BAD = ROOT / "tests" / "bad_inputs"
CASES = yaml.safe_load((BAD / "expected.yml").read_text(encoding="utf-8"))


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """A corpus holding the seed article and its annotation, with an archive built from it."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "annotations").mkdir()
    shutil.copy(ROOT / "data" / "articles" / f"{SEED_ID}.txt", tmp_path / "articles")
    shutil.copy(ROOT / "data" / "annotations" / f"{SEED_ID}.yml", tmp_path / "annotations")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["build", "archive.db", "articles", "-q"])
    assert result.exit_code == 0, result.output
    return tmp_path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_gets_its_message_and_the_archive_is_unchanged(corpus, case):
    before = digest(corpus / "archive.db")
    for name in CASES[case]["files"]:
        shutil.copy(BAD / name, corpus / name)
    result = CliRunner().invoke(cli, ["build", "archive.db", "articles", "-q"])
    assert result.exit_code == 1
    assert CASES[case]["message"] in result.output.splitlines(), result.output
    assert "archive.db is unchanged" in result.output
    assert digest(corpus / "archive.db") == before
    assert sorted(p.name for p in corpus.iterdir()) == ["annotations", "archive.db", "archive.db.cache", "archive.db.lock", "articles"]


def test_validate_reports_the_same_annotation_problems(corpus):
    for case in ("unknown-ids", "span-not-in-text", "offsets-overlapping"):
        for name in CASES[case]["files"]:
            shutil.copy(BAD / name, corpus / name)
    result = CliRunner().invoke(cli, ["validate", "articles"])
    assert result.exit_code == 1
    for case in ("unknown-ids", "span-not-in-text", "offsets-overlapping"):
        assert CASES[case]["message"] in result.output.splitlines()


def test_a_20_mb_article_is_refused_with_its_size(corpus):
    big = corpus / "articles" / "huge.txt"
    sentence = "The committee met again on Tuesday and nothing was decided, an official said. "
    big.write_text(" date 2024-01-01 " + sentence * (20_000_000 // len(sentence)), encoding="utf-8")
    before = digest(corpus / "archive.db")
    result = CliRunner().invoke(cli, ["build", "archive.db", "articles", "-q"])
    assert result.exit_code == 1
    assert "articles/huge.txt: file is 20.0 MB, over the 5.0 MB limit for one article: split it, or raise the limit with --max-article-bytes" in result.output
    assert digest(corpus / "archive.db") == before


def test_keep_going_builds_what_it_can_lists_the_rest_and_fails(corpus):
    every = sorted({name for case in CASES.values() for name in case["files"]})
    for name in every:
        shutil.copy(BAD / name, corpus / name)
    result = CliRunner().invoke(cli, ["build", "archive.db", "articles", "--keep-going", "-q"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    for case in CASES.values():
        assert case["message"] in lines
    assert lines[-1] == f"skipped {len(CASES)} problem(s) above; the archive holds the rest"
    import sqlite3
    ids = {r[0] for r in sqlite3.connect(corpus / "archive.db").execute("select id from articles")}
    # the seed and the first of the two duplicates are built; every broken file is left out
    assert ids == {SEED_ID, "duplicate-1"}
