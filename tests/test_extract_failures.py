"""No failure is silent: a stage that raises is recorded (article, stage, error), the other
stages' rows are kept, the build prints it and --strict makes it fatal."""

import sqlite3
from dataclasses import replace

import pytest
from click.testing import CliRunner

import loader.extract as extract
from loader.articles import Article
from loader.cli import cli
from loader.extract import SECTION_OF, SECTIONS, STAGES, Stage, _checked, extract_resolution
from loader.extract.model import load_nlp

TEXT = """NAIROBI — Grace Wanjiru, the chief executive of the Kenya Ports Authority (KPA), met Tanzanian officials in Dar es Salaam on Monday.

"The talks were useful," Wanjiru said. A spokesman for the authority did not respond to a request for comment.

The government said on Tuesday that a second meeting would take place in Mombasa next month.
"""


def article(text: str = TEXT) -> Article:
    return Article(id="t", path="t.md", text=text, text_offset=0, text_line=1, published="2024-09-14", sha256="x")


def injected(*args, **kwargs):
    raise RuntimeError("injected failure")


def failing(name: str) -> tuple[Stage, ...]:
    assert name in {s.name for s in STAGES}
    return tuple(replace(s, run=injected) if s.name == name else s for s in STAGES)


def downstream(name: str) -> set[str]:
    """Stages that read, directly or not, what stage ``name`` makes."""
    tainted = set(next(s for s in STAGES if s.name == name).makes)
    found = {name}
    for stage in STAGES:
        if stage.name != name and tainted & set(stage.needs):
            found.add(stage.name)
            tainted |= set(stage.makes)
    return found


def sections_of(names: set[str]) -> set[str]:
    return {SECTION_OF.get(key, key) for s in STAGES if s.name in names for key in s.makes} & set(SECTIONS)


@pytest.fixture(scope="module")
def baseline():
    load_nlp()
    doc, resolution, failures = _checked(article())
    assert failures == []
    return doc


def test_every_stage_makes_something_here(baseline):
    """Otherwise the failure tests below would prove nothing."""
    for section in ("people", "organisations", "locations", "statements", "anonymous", "meetings",
                    "comment_requests", "events"):
        assert baseline.get(section), section


@pytest.mark.parametrize("name", [s.name for s in STAGES])
def test_a_failing_stage_is_recorded_and_the_other_rows_are_kept(monkeypatch, baseline, name):
    monkeypatch.setattr(extract, "STAGES", failing(name))
    doc, _, failures = _checked(article())
    assert [(f.stage, f.error) for f in failures] == [(name, f"RuntimeError: injected failure at {__name__.split('.')[-1]}.py:{injected.__code__.co_firstlineno + 1}")]
    # what the stage itself makes is empty; what does not depend on it is exactly as before
    for section in sections_of({name}) - sections_of({s.name for s in STAGES} - {name}):
        assert not doc.get(section), section
    for section in set(SECTIONS) - sections_of(downstream(name)):
        assert doc.get(section) == baseline.get(section), section
    rows = extract_resolution(article()).rows
    assert [(r["article_id"], r["stage"]) for r in rows["extraction_failures"]] == [("t", name)]
    assert rows["articles"] and rows["sentences"]  # the article itself is always kept


def test_what_an_intermediate_stage_loses(monkeypatch, baseline):
    monkeypatch.setattr(extract, "STAGES", failing("institutions"))
    doc, _, _ = _checked(article())
    names = [o["name"] for o in doc["organisations"]]
    assert "Government of Kenya" not in names and "Kenya Ports Authority" in names
    assert [p["name"] for p in doc["people"]] == [p["name"] for p in baseline["people"]]


def test_stages_that_cannot_run_without_the_index_say_so(monkeypatch, baseline):
    monkeypatch.setattr(extract, "STAGES", failing("index"))
    doc, _, failures = _checked(article())
    assert [f.stage for f in failures] == ["index"]
    assert failures[0].effect == ("no records from this stage; statements, affiliations, comment_requests, meetings "
                                  "could not run without it; the others ran on what exists")
    assert not doc.get("statements") and not doc.get("meetings")
    assert doc["events"] == baseline["events"] and doc["people"] == baseline["people"]


def test_a_failed_parse_is_recorded(monkeypatch):
    monkeypatch.setattr(extract, "parse", injected)
    rows = extract_resolution(article()).rows
    assert [r["stage"] for r in rows["extraction_failures"]] == ["parse"]
    assert rows["articles"] and rows["sentences"] and not rows["people"]


def test_what_the_resolver_rejects_is_dropped_and_reported(monkeypatch, baseline):
    def bad_events(article, parsed, records):
        return {"events": [{"date": "2024-13-40", "date_text": "on Monday", "description": "x", "evidence": "on Monday"}],
                "dates": []}

    stages = tuple(replace(s, run=bad_events) if s.name == "events" else s for s in STAGES)
    monkeypatch.setattr(extract, "STAGES", stages)
    doc, resolution, failures = _checked(article())
    assert resolution.problems == []
    assert [f.stage for f in failures] == ["resolve"]
    assert "bad date '2024-13-40'" in failures[0].error and "dropped events" in failures[0].effect
    assert doc["statements"] == baseline["statements"] and "events" not in doc


def test_a_resolver_that_raises_is_recorded_and_the_article_kept(monkeypatch):
    real = extract._resolve

    def raising_on_content(doc, *args, **kwargs):
        if any(doc.values()):
            raise RuntimeError("injected resolver failure")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(extract, "_resolve", raising_on_content)
    doc, resolution, failures = _checked(article())
    assert [f.stage for f in failures] == ["resolve"]
    assert "injected resolver failure" in failures[0].error and failures[0].effect == "nothing extracted from this article"
    assert doc == {} and resolution.rows["articles"] and not resolution.rows["people"]


def test_the_build_stores_and_prints_failures_and_strict_makes_them_fatal(monkeypatch, tmp_path):
    source = tmp_path / "articles" / "2024-09-14-port-talks.md"
    source.parent.mkdir()
    source.write_text("---\ntitle: Port talks\npublished: 2024-09-14\n---\n" + TEXT, encoding="utf-8")
    monkeypatch.setattr(extract, "STAGES", failing("comment_requests"))
    db = tmp_path / "a.db"
    runner = CliRunner()
    result = runner.invoke(cli, ["build", "--no-annotations", "--no-cache", "--workers", "1", str(db), str(source)])
    assert result.exit_code == 0, result.output
    assert f"{source}: extraction stage comment_requests failed: RuntimeError: injected failure" in result.output
    assert "1 extraction failure(s) above, stored in extraction_failures" in result.output
    conn = sqlite3.connect(db)
    assert conn.execute("select article_id, stage from extraction_failures").fetchall() == [("2024-09-14-port-talks", "comment_requests")]
    assert conn.execute("select count(*) from statements").fetchone()[0] == 2  # the other stages' rows are kept
    assert conn.execute("select count(*) from comment_requests").fetchone()[0] == 0
    conn.close()
    before = db.read_bytes()
    strict = runner.invoke(cli, ["build", "--strict", "--no-annotations", "--no-cache", "--workers", "1", str(db), str(source)])
    assert strict.exit_code == 1
    assert "extraction stage comment_requests failed" in strict.output and "is unchanged" in strict.output
    assert db.read_bytes() == before  # the old archive is kept
    monkeypatch.setattr(extract, "STAGES", STAGES)
    clean = runner.invoke(cli, ["build", "--strict", "--no-annotations", "--no-cache", "--workers", "1", str(db), str(source)])
    assert clean.exit_code == 0, clean.output
    assert sqlite3.connect(db).execute("select count(*) from extraction_failures").fetchone()[0] == 0
