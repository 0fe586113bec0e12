"""The CLI end to end: help texts, exit codes, and `loader serve` building a missing
archive and serving it for real."""

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from click.testing import CliRunner

from loader.cli import cli

from .conftest import ROOT, SEED_ARTICLES


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_help_has_an_example(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and f"loader {command}" in result.output


def test_build_and_validate_exit_codes(tmp_path):
    runner = CliRunner()
    ok = runner.invoke(cli, ["build", str(tmp_path / "a.db"), str(SEED_ARTICLES), "-q"])
    assert ok.exit_code == 0 and ok.output == ""
    assert runner.invoke(cli, ["validate", str(SEED_ARTICLES)]).exit_code == 0
    missing = runner.invoke(cli, ["build", str(tmp_path / "b.db"), str(tmp_path / "nowhere")])
    assert missing.exit_code == 1
    assert f"{tmp_path / 'nowhere'}: no such file or folder" in missing.output
    assert not (tmp_path / "b.db").exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_builds_a_missing_archive_and_serves_it(tmp_path):
    db = tmp_path / "archive.db"
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "loader.cli", "serve", str(db), "--port", str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/archive/people.json?_shape=array", timeout=2) as r:
                    people = r.read().decode()
                break
            except OSError:
                assert process.poll() is None, process.stdout.read().decode()
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.3)
        assert db.exists()
        assert "Amir Khan Muttaqi" in people
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/-/metadata.json") as r:
            assert b"News knowledge archive" in r.read()
    finally:
        process.terminate()
        process.wait(timeout=10)
