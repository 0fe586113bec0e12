"""The README's examples run: its JSON API calls return exactly what it shows, its SQL
runs on the seed archive, and every CLI command it lists exists with an example."""

import json
import re
import sqlite3
from urllib.parse import urlsplit

import pytest

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


@pytest.mark.parametrize("sql", SQL_EXAMPLES)
def test_sql_examples_run_and_return_rows(seed_db, sql):
    rows = sqlite3.connect(seed_db).execute(sql).fetchall()
    assert rows


def test_every_command_is_in_the_readme_with_help_and_example():
    for name, command in cli.commands.items():
        assert f"loader {name}" in README, f"loader {name} is not documented in the README"
        assert command.help and "Example:" in command.help, f"loader {name} --help has no example"
