"""The pipeline against the curated annotations: the seed and every fixture article that validates.

Targets, on the figures pooled over all these articles (micro-averages: counts summed,
then P/R/F1): people, organisations, locations F1 >= 0.90; statements F1 >= 0.85;
meetings precision and recall >= 0.70; requests for comment F1 >= 0.90; dated events
recall >= 0.80. Each article's own figures are printed (``pytest -s``) and must at
least be computed without a problem.
"""

from pathlib import Path

import pytest

from loader.annotations import annotation_path_for, resolve_file
from loader.articles import find_article_files, read_article
from loader.errors import InputError
from loader.evaluate import evaluate, format_report, pooled
from loader.extract import extract_resolution
from loader.extract.model import load_nlp

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [(ROOT / "data" / "articles", ROOT / "data" / "annotations"),
           (ROOT / "tests" / "fixtures" / "articles", ROOT / "tests" / "fixtures" / "annotations")]


def curated_articles():
    """(path, article, curated resolution) for every article whose annotation validates."""
    found = []
    for articles, annotations in SOURCES:
        for path in find_article_files([articles]):
            annotation = annotation_path_for(path, annotations)
            if not annotation.exists():
                continue
            try:
                article = read_article(path)
                found.append((path, article, resolve_file(annotation, article)))
            except InputError:
                continue  # a fixture still being written
    return found


@pytest.fixture(scope="module")
def results():
    load_nlp()
    items = curated_articles()
    assert any(path.name.startswith("2022-01-26-trt-world") for path, _, _ in items), "the seed must be evaluated"
    out = []
    for path, article, curated in items:
        scores = evaluate(extract_resolution(article), curated)
        print("\n" + format_report(scores, str(path.relative_to(ROOT))))
        out.append(scores)
    total = pooled(out)
    print("\n" + format_report(total, f"pooled over {len(out)} articles", details=False))
    return total


@pytest.mark.parametrize("area", ["people", "organisations", "locations"])
def test_entities(results, area):
    assert results[area].f1 >= 0.90


def test_statements(results):
    assert results["statements"].f1 >= 0.85


def test_meetings(results):
    assert results["meetings"].precision >= 0.70
    assert results["meetings"].recall >= 0.70


def test_comment_requests(results):
    assert results["comment_requests"].f1 >= 0.90


def test_dated_events(results):
    assert results["events"].recall >= 0.80
