"""`loader draft` validates as it is; `loader evaluate` prints the figures."""

import shutil
from pathlib import Path

from click.testing import CliRunner

from loader.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "articles" / "2022-01-26-trt-world-tehran-talks.txt"
FIXTURE = ROOT / "tests" / "fixtures" / "articles" / "2024-03-14-wire-port-strike.md"


def test_draft_validates_as_it_is(tmp_path):
    runner = CliRunner()
    (tmp_path / "articles").mkdir()
    (tmp_path / "annotations").mkdir()
    for source in (SEED, FIXTURE):
        shutil.copy(source, tmp_path / "articles" / source.name)
        result = runner.invoke(cli, ["draft", str(source)])
        assert result.exit_code == 0, result.output
        assert "statements:" in result.output and "people:" in result.output
        (tmp_path / "annotations" / f"{source.stem}.yml").write_text(result.output, encoding="utf-8")
    result = runner.invoke(cli, ["validate", str(tmp_path / "articles"), "--annotations", str(tmp_path / "annotations")])
    assert result.exit_code == 0, result.output
    assert "2 annotation(s) valid" in result.output


def test_draft_of_a_missing_file_fails_with_the_file_name(tmp_path):
    result = CliRunner().invoke(cli, ["draft", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert "nope.txt" in result.output


def test_evaluate_prints_figures_and_errors():
    result = CliRunner().invoke(cli, ["evaluate", str(FIXTURE), "--annotations", str(FIXTURE.parent.parent / "annotations")])
    assert result.exit_code == 0, result.output
    assert "statements" in result.output and "comment_requests" in result.output
    lines = [line for line in result.output.splitlines() if line.startswith("  people ")]
    assert lines and float(lines[0].split()[3]) > 0.5


def test_evaluate_without_an_annotation_fails(tmp_path):
    article = tmp_path / "articles" / "2024-01-01-x.md"
    article.parent.mkdir()
    article.write_text("---\npublished: 2024-01-01\n---\nSmith said hello.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(article)])
    assert result.exit_code == 1
    assert "no curated annotation" in result.output


def test_draft_says_which_stage_failed(monkeypatch):
    from dataclasses import replace

    import yaml

    import loader.extract as extract

    def injected(*args, **kwargs):
        raise RuntimeError("injected failure")

    monkeypatch.setattr(extract, "STAGES", tuple(replace(s, run=injected) if s.name == "events" else s for s in extract.STAGES))
    result = CliRunner().invoke(cli, ["draft", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    assert f"{FIXTURE}: extraction stage events failed: RuntimeError: injected failure" in result.stderr
    draft = yaml.safe_load(result.stdout)
    assert "events" not in draft and draft["statements"]
