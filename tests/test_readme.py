"""The README's examples run: its JSON API calls return exactly what it shows, its SQL
returns the rows it should on the seed archive, and every CLI command and option is
in its synopsis, with an example in --help."""

import json
import re
import sqlite3
from urllib.parse import urlsplit

import click
import pytest
import yaml

from loader.cli import cli

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
API_EXAMPLES = re.findall(r"```bash\ncurl -s '([^']+)'\n```\s*```json\n(.*?)\n```", README, flags=re.S)
SQL_EXAMPLES = re.findall(r"```sql\n(.*?)\n```", README, flags=re.S)


def test_the_readme_has_three_of_each():
    assert len(API_EXAMPLES) == 3
    assert len(SQL_EXAMPLES) == 3


@pytest.mark.asyncio
@pytest.mark.parametrize("url, shown", API_EXAMPLES, ids=[u.split("/archive/")[1][:40] for u, _ in API_EXAMPLES])
async def test_api_examples_return_what_the_readme_shows(ds, url, shown):
    parts = urlsplit(url)
    assert parts.netloc == "127.0.0.1:8001"
    response = await ds.client.get(f"{parts.path}?{parts.query}")
    assert response.status_code == 200
    assert response.json() == json.loads(shown)


# Who says Massoud was at the Tehran talks: the curated claims about that meeting only
# (the chance encounter in Tehran is another meeting), one row per claim and source.
MASSOUD_AT_THE_TALKS = [
    ("Tehran talks between the Taliban and the Afghan resistance", "Amin Karim", "confirms", "his participation"),
    ("Tehran talks between the Taliban and the Afghan resistance", "Ismail Khan", "confirms", "Massoud was there for the talks"),
    ("Tehran talks between the Taliban and the Afghan resistance", "a senior Afghan diplomat", "confirms", "his participation"),
    ("Tehran talks between the Taliban and the Afghan resistance", "the caretaker of the Afghan embassy in Tehran", "confirms",
     "his participation"),
    ("Tehran talks between the Taliban and the Afghan resistance", "Ali Nazari", "denies",
     "Massoud did not attend, instead meeting Muttaqi during a chance encounter at the residence of the caretaker of the Afghan embassy"),
    ("Tehran talks between the Taliban and the Afghan resistance", "Ali Nazari", "denies", "Massoud was present for the informal talks"),
    ("Tehran talks between the Taliban and the Afghan resistance", "Habibullah Hesam", "denies", "Massoud was there"),
]
# Places mentioned most: (name, mentions), as counted in the curated annotation's text.
PLACES = [
    ("Afghanistan", 7), ("Iran", 7), ("Tehran", 6), ("Pakistan", 5), ("Tajikistan", 4), ("Islamabad", 3),
    ("Panjshir Valley", 3), ("Russia", 2), ("United States", 2), ("Canada", 1), ("Delhi", 1), ("Doha", 1),
    ("Dubai", 1), ("France", 1), ("India", 1), ("Kabul", 1), ("Moscow", 1),
]


def test_sql_who_says_massoud_was_at_the_talks(seed_db):
    rows = sqlite3.connect(seed_db).execute(SQL_EXAMPLES[0]).fetchall()
    assert rows == MASSOUD_AT_THE_TALKS
    # the README's sentence under the example says the same
    assert "four sources who say he was there" in README and "two\nwho say he was not" in README


def test_sql_anonymous_sources_are_the_annotations_anonymous_statements(seed_db):
    """Every statement the curated annotation gives to an anonymous source, in text order."""
    annotation = yaml.safe_load((ROOT / "data" / "annotations" / "2022-01-26-trt-world-tehran-talks.yml").read_text())
    described = {a["id"]: a["description"] for a in annotation["anonymous"]}
    text = sqlite3.connect(seed_db).execute("select text from articles").fetchone()[0]
    expected = []
    for statement in annotation["statements"]:
        for source in statement["sources"]:
            if source in described:
                expected.append((text.index(statement["text"]), described[source], statement["cue"], statement["text"]))
    expected = [row[1:] for row in sorted(expected, key=lambda r: r[:2])]
    rows = sqlite3.connect(seed_db).execute(SQL_EXAMPLES[1]).fetchall()
    assert [row[:3] for row in rows] == expected
    assert all(statement in sentence for _, _, statement, sentence in rows)


def test_sql_places_mentioned_most(seed_db):
    rows = sqlite3.connect(seed_db).execute(SQL_EXAMPLES[2]).fetchall()
    assert [(name, mentions) for name, _, _, _, _, mentions in rows] == PLACES
    assert all(lat is not None and lon is not None for _, _, _, lat, lon, _ in rows)


SYNOPSIS = re.search(r"## The command line\n\n```\n(.*?)\n```", README, flags=re.S).group(1).splitlines()


def test_the_synopsis_lists_every_option_of_every_command():
    for name, command in cli.commands.items():
        lines = [line for line in SYNOPSIS if line.startswith(f"loader {name} ")]
        assert len(lines) == 1, f"loader {name} has no line in the README's synopsis"
        for param in command.params:
            if getattr(param, "hidden", False) or param.name == "help":
                continue
            if isinstance(param, click.Argument):
                continue  # positional: named in the synopsis in its own words (DB, [PATH]...)
            assert any(opt in lines[0] for opt in param.opts), f"loader {name}: {param.opts} missing from the synopsis"


def test_every_command_is_in_the_readme_with_help_and_example():
    for name, command in cli.commands.items():
        assert f"loader {name}" in README, f"loader {name} is not documented in the README"
        assert command.help and "Example:" in command.help, f"loader {name} --help has no example"
