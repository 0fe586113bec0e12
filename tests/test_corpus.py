"""The annotated test corpus (tests/corpus/<half>/): every article validates with its
curated annotation, and every annotation has its article.

Parametrised over whatever halves exist (dev, held-out, ...), so a half that arrives
from another branch is checked by the same tests without editing this file."""

from __future__ import annotations

from pathlib import Path

import pytest

from loader.annotations import annotation_path_for
from loader.articles import find_article_files
from loader.build import validate
from loader.errors import InputError

CORPUS = Path(__file__).resolve().parent / "corpus"
HALVES = sorted(p for p in CORPUS.iterdir() if (p / "articles").is_dir())
ARTICLES = [path for half in HALVES for path in find_article_files([half / "articles"])]


def _id(path: Path) -> str:
    return f"{path.parent.parent.name}/{path.stem}"


def test_the_development_half_is_there():
    assert CORPUS / "dev" in HALVES
    assert len([p for p in ARTICLES if p.parent.parent.name == "dev"]) >= 6


@pytest.mark.parametrize("article", ARTICLES, ids=_id)
def test_article_validates_with_its_annotation(article):
    annotation = annotation_path_for(article, None)
    assert annotation.exists(), f"{article}: no curated annotation at {annotation}"
    try:
        (loaded,) = validate([article])
    except InputError as error:
        pytest.fail("\n".join(error.problems))
    rows = loaded.resolution.rows
    # a corpus article is annotated, not just read: it has statements and entities
    assert rows.get("statements"), f"{annotation}: no statements"
    assert rows.get("people") or rows.get("organisations"), f"{annotation}: no people or organisations"


@pytest.mark.parametrize("half", HALVES, ids=lambda p: p.name)
def test_every_annotation_has_its_article_and_the_half_validates_together(half):
    articles = {p.stem for p in find_article_files([half / "articles"])}
    orphans = sorted(p.name for p in (half / "annotations").glob("*.yml") if p.stem not in articles)
    assert not orphans, f"{half}/annotations: no article for {orphans}"
    try:
        loaded = validate([half / "articles"])  # also checks id collisions across the half
    except InputError as error:
        pytest.fail("\n".join(error.problems))
    assert len(loaded) == len(articles)
