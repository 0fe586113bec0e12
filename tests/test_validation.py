"""Curated annotations are checked with FILE:LINE messages, all at once, and a bad
annotation never changes an existing archive."""

import hashlib
import textwrap

import pytest
from click.testing import CliRunner

from loader.cli import cli

ARTICLE = (
    " date 2024-05-02 Minister Jane Roe met the mayor in Oslo on May 1, officials said. "
    "“The talks went well,” Roe said.\n\nThe mayor did not respond to a request for comment. "
    "The talks continue."
)
GOOD = """\
people:
  - name: Jane Roe
    names: [Roe]
locations:
  - {name: Oslo, kind: city}
anonymous:
  - {id: mayor, description: the mayor, mentions: [{text: The mayor, occurrence: 1}]}
statements:
  - id: roe-talks
    sources: [jane-roe]
    cue: said
    mode: direct
    text: The talks went well
meetings:
  - id: oslo-talks
    name: Roe meets the mayor
    kind: talks
    status: held
    location: oslo
    date: 2024-05-01
    date_text: May 1
    evidence: met the mayor in Oslo
    participants:
      - {ref: jane-roe, role: delegate}
      - {ref: mayor, role: host}
comment_requests:
  - {party: mayor, response: did not respond, evidence: The mayor did not respond}
"""


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "annotations").mkdir()
    (tmp_path / "articles" / "oslo.txt").write_text(ARTICLE, encoding="utf-8")

    def write(annotation: str):
        path = tmp_path / "annotations" / "oslo.yml"
        path.write_text(textwrap.dedent(annotation), encoding="utf-8")
        return path

    write(GOOD)
    return tmp_path, write


def run(*args):
    result = CliRunner().invoke(cli, list(map(str, args)))
    return result.exit_code, result.output


def test_good_annotation_validates(corpus):
    root, _ = corpus
    code, output = run("validate", root / "articles")
    assert code == 0, output
    assert "1 annotation(s) valid" in output


@pytest.mark.parametrize(
    "old, new, line, message",
    [
        ("text: The talks went well", "text: The talks went badly", 13,
         "text: span not found in the article: 'The talks went badly'"),
        ("evidence: met the mayor in Oslo", "evidence: The talks", 22,
         "evidence: span 'The talks' occurs 2 times in the article: add 'occurrence: N' (1 to 2)"),
        ("sources: [jane-roe]", "sources: [john-doe]", 10,
         "unknown reference 'john-doe' in 'sources': no entry has this id"),
        ("  - id: oslo-talks\n", "  - id: roe-talks\n", 15, "duplicate id 'roe-talks' (first defined at line 9)"),
        ("date: 2024-05-01", "date: 2024-13-01", 20, "bad date '2024-13-01': no such day or month"),
        ("date: 2024-05-01", "date: May 2024", 20, "bad date 'May 2024'"),
        ("mode: direct", "mode: quoted", 12, "mode 'quoted' is not one of: direct, indirect, mixed"),
        ("role: host}", "role: hostess}", 25, "role 'hostess' is not one of"),
        ("    names: [Roe]", "    names: [Roe]\n    nickname: JR", 4, "unknown field 'nickname' in people"),
        ("text: The talks went well", """text: '"The talks went well,"'""", 13,
         """text: span not found in the article: '"The talks went well,"' (check curly quotes"""),
        ("text: The talks went well", "text: The talks went well'", 13, "text: span not found"),
        ("cue: said", "cue: said\n    cue_text: stated", 12, "cue_text 'stated' does not occur"),
        ("people:", "people: [", 2, "YAML syntax error"),
        # occurrences count substrings: the first "he" is the one inside "the"
        ("{text: The mayor, occurrence: 1}", "{text: he, occurrence: 1}", 7,
         "mention: span 'he' (occurrence 1) falls inside the word 'the'"),
    ],
)
def test_each_error_names_file_and_line(corpus, old, new, line, message):
    root, write = corpus
    assert old in GOOD
    path = write(GOOD.replace(old, new, 1))
    code, output = run("validate", root / "articles")
    assert code == 1
    expected = f"{path}:{line}: {message}"
    assert any(l.startswith(expected) for l in output.splitlines()), output


def test_span_with_straight_apostrophe_gets_a_hint(corpus):
    root, write = corpus
    (root / "articles" / "oslo.txt").write_text(ARTICLE.replace("officials said", "Roe’s officials said"), encoding="utf-8")
    write(GOOD.replace("evidence: met the mayor in Oslo", "evidence: Roe's officials said"))
    code, output = run("validate", root / "articles")
    assert code == 1
    assert "check curly quotes and apostrophes" in output


def test_all_errors_are_reported_at_once(corpus):
    root, write = corpus
    path = write(GOOD.replace("sources: [jane-roe]", "sources: [nobody]").replace("date: 2024-05-01", "date: 2024-02-30")
                 .replace("response: did not respond", "response: declined"))
    code, output = run("validate", root / "articles")
    assert code == 1
    lines = [l for l in output.splitlines() if l.startswith(str(path))]
    assert len(lines) == 3, output


def test_bad_annotation_leaves_the_archive_byte_for_byte(corpus, tmp_path):
    root, write = corpus
    db = tmp_path / "archive.db"
    code, output = run("build", db, root / "articles", "-q")
    assert code == 0, output
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    write(GOOD.replace("text: The talks went well", "text: not in the article"))
    code, output = run("build", db, root / "articles")
    assert code == 1
    assert "oslo.yml:13: text: span not found" in output
    assert f"{db} is unchanged" in output
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert not list(tmp_path.glob(".archive.db.tmp-*"))


def test_name_given_to_two_entities_is_an_error(corpus):
    root, write = corpus
    path = write(GOOD.replace("  - {name: Oslo, kind: city}", "  - {name: Oslo, kind: city}\n  - {name: Oslo Centre, kind: city, names: [Oslo]}"))
    code, output = run("validate", root / "articles")
    assert code == 1
    assert "the name 'Oslo' is given for both 'oslo' and 'oslo-centre'" in output


def test_claim_about_a_non_participant_is_an_error(corpus):
    root, write = corpus
    path = write(GOOD + "attendance_claims:\n  - {meeting: oslo-talks, participant: oslo, statement: roe-talks, stance: confirms}\n")
    code, output = run("validate", root / "articles")
    assert code == 1
    assert f"{path}:29: 'oslo' is not a participant of meeting 'oslo-talks'" in output


def test_the_same_event_twice_is_an_error(corpus):
    root, write = corpus
    event = "  - {date: 2024-05-01, date_text: May 1, description: talks, evidence: met the mayor in Oslo on May 1}\n"
    path = write(GOOD + "events:\n" + event + event)
    code, output = run("validate", root / "articles")
    assert code == 1
    assert f"{path}:30: the same event twice (date 2024-05-01, 'May 1', the same evidence)" in output


def test_the_same_request_for_comment_twice_is_an_error(corpus):
    root, write = corpus
    twice = "  - {party: mayor, response: did not respond, evidence: The mayor did not respond}\n"
    path = write(GOOD + twice)
    code, output = run("validate", root / "articles")
    assert code == 1
    assert f"{path}:{GOOD.count(chr(10)) + 1}: the same request for comment twice" in output, output
