"""The automatic normalisation pipeline: article text -> annotation document -> rows.

Stages (each a module, testable alone):

1. :mod:`.normalize` -- straight quotes, no control characters, same offsets;
2. :mod:`.segment` + :mod:`.model` -- quote-aware sentences, then spaCy's parser and NER;
3. :mod:`.mentions` -- named mentions of people, organisations and places;
4. :mod:`.entities` -- within-article entity resolution (surnames, acronyms, epithets, types);
5. :mod:`.attribution` -- statements, speakers, anonymous sources, channels, modes;
6. :mod:`.comments` -- unanswered requests for comment;
7. :mod:`.dates` -- date expressions resolved against the article's date, as events;
8. :mod:`.meetings` -- meetings and attendance claims;
9. :mod:`.document` -- the annotation document in the curated format.

The document goes through the same resolver as a curated annotation, so a draft
validates by construction; anything the resolver would still reject is dropped.
"""

from __future__ import annotations

import copy

from ..annotations import Resolution, resolve
from ..articles import Article
from .document import entity_sections
from .model import has_words, parse

SECTIONS = ("people", "organisations", "locations", "anonymous", "affiliations", "statements",
            "meetings", "attendance_claims", "comment_requests", "events")


def build_annotation(article: Article) -> dict:
    """The pipeline's annotation document (before the safety check of :func:`extract_annotation`)."""
    from . import attribution, comments, dates, meetings
    doc: dict = {section: [] for section in SECTIONS}
    text = article.text
    if not has_words(text):
        return doc
    parsed = parse(text)
    from .entities import resolve_entities
    from .institutions import institution_entities
    entities = resolve_entities(parsed, article)
    entities += institution_entities(text, entities)
    sections, ids = entity_sections(text, entities)
    doc.update(sections)
    context = attribution.Context(text, parsed, entities, ids, doc)
    attribution.add_statements(context)
    comments.add_comment_requests(context)
    dates.add_events(context, article.published)
    meetings.add_meetings(context, article.published)
    return doc


def _problem_count(doc: dict, article: Article) -> int:
    return len(resolve(doc, article, article.path + " (automatic)", origin="automatic").problems)


def _prune(doc: dict, article: Article) -> dict:
    """Drop, item by item from the most dependent section back, whatever the resolver rejects."""
    doc = copy.deepcopy(doc)
    problems = _problem_count(doc, article)
    for section in reversed(SECTIONS):
        index = len(doc.get(section, [])) - 1
        while problems and index >= 0:
            trial = copy.deepcopy(doc)
            del trial[section][index]
            count = _problem_count(trial, article)
            if count < problems:
                doc, problems = trial, count
            index -= 1
        if not problems:
            break
    return doc if not problems else {section: [] for section in SECTIONS}


def extract_annotation(article: Article) -> dict:
    """The annotation document for ``article``; never raises; always resolves without problems."""
    try:
        doc = build_annotation(article)
    except Exception:  # a pipeline bug must not stop a build: fall back to nothing
        doc = {section: [] for section in SECTIONS}
    if _problem_count(doc, article):
        doc = _prune(doc, article)
    return {key: value for key, value in doc.items() if value}


def extract_resolution(article: Article) -> Resolution:
    """Rows for ``article`` from the automatic pipeline (no problems, by construction)."""
    return resolve(extract_annotation(article), article, article.path + " (automatic)", origin="automatic")
