"""Shared fixtures: the seed archive built once per session, and Datasette over it in-process."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
import pytest_asyncio

from loader.build import build
from loader.site import make_datasette

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLES = ROOT / "data" / "articles"
SEED_ID = "2022-01-26-trt-world-tehran-talks"


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory) -> Path:
    """The archive built from data/ exactly as `make serve` builds it."""
    path = tmp_path_factory.mktemp("seed") / "archive.db"
    build(path, [SEED_ARTICLES])
    return path


@pytest.fixture
def seed_conn(seed_db):
    conn = sqlite3.connect(seed_db)
    conn.row_factory = sqlite3.Row
    yield conn
    conn.close()


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A writable copy of data/ (articles and annotations) for tests that break things."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "articles", target / "articles")
    shutil.copytree(ROOT / "data" / "annotations", target / "annotations")
    return target


@pytest_asyncio.fixture
async def ds(seed_db):
    datasette = make_datasette(seed_db)
    await datasette.invoke_startup()
    return datasette
