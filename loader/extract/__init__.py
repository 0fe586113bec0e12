"""The automatic normalisation pipeline: article text -> annotation document -> rows.

Stages (each a module, testable alone):

1. :mod:`.normalize` -- straight quotes, no control characters, same offsets;
2. :mod:`.segment` + :mod:`.model` -- quote-aware sentences, then spaCy's parser and NER;
3. :mod:`.mentions` -- named mentions of people, organisations and places;
4. :mod:`.entities` -- within-article entity resolution (surnames, acronyms, epithets, types),
   with :mod:`.places` (which names are places) and :mod:`.institutions` (bodies and venues
   described rather than named: "the government", "Kenya's foreign ministry", "the port of X");
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
from . import affiliations, attribution, comments, dates, meetings
from .document import entity_sections
from .entities import resolve_entities
from .institutions import institution_entities
from .model import has_words, parse

# Longer articles are analysed in their first this-many characters (about 35,000 words,
# ten long features): the parse is linear but slow (~4,000 words/s), and a draft of a book
# helps nobody. The rest of the text still gets its sentences and name mentions.
MAX_ANALYSED_CHARS = 200_000

SECTIONS = ("people", "organisations", "locations", "anonymous", "affiliations", "statements",
            "meetings", "attendance_claims", "comment_requests", "events")


def build_annotation(article: Article) -> dict:
    """The pipeline's annotation document (before the safety check of :func:`extract_annotation`)."""
    doc: dict = {section: [] for section in SECTIONS}
    text = article.text
    if not has_words(text):
        return doc
    parsed = parse(_analysed_part(text))
    entities = resolve_entities(parsed, article)
    entities += institution_entities(text, entities)
    sections, ids = entity_sections(text, entities)
    doc.update(sections)
    context = attribution.Context(text, parsed, entities, ids, doc)
    affiliations.add_affiliations(context)
    attribution.add_statements(context)
    comments.add_comment_requests(context)
    dates.add_events(context, article.published)
    meetings.add_meetings(context, article.published)
    return doc


def _analysed_part(text: str) -> str:
    """The text up to MAX_ANALYSED_CHARS, cut at a paragraph break where possible."""
    if len(text) <= MAX_ANALYSED_CHARS:
        return text
    cut = text.rfind("\n\n", 0, MAX_ANALYSED_CHARS)
    return text[: cut if cut > MAX_ANALYSED_CHARS // 2 else MAX_ANALYSED_CHARS]


def _resolve(doc: dict, article: Article) -> Resolution:
    return resolve(doc, article, article.path + " (automatic)", origin="automatic")


def _prune(doc: dict, article: Article, problems: int) -> dict:
    """Drop, item by item from the most dependent section back, whatever the resolver rejects."""
    doc = copy.deepcopy(doc)
    for section in reversed(SECTIONS):
        index = len(doc.get(section, [])) - 1
        while problems and index >= 0:
            trial = copy.deepcopy(doc)
            del trial[section][index]
            count = len(_resolve(trial, article).problems)
            if count < problems:
                doc, problems = trial, count
            index -= 1
        if not problems:
            break
    return doc if not problems else {section: [] for section in SECTIONS}


def _checked(article: Article) -> tuple[dict, Resolution]:
    """The document and its rows; never raises; the rows have no problems."""
    try:
        doc = build_annotation(article)
        resolution = _resolve(doc, article)
        if resolution.problems:  # a pipeline bug: keep what resolves
            doc = _prune(doc, article, len(resolution.problems))
            resolution = _resolve(doc, article)
    except Exception:  # a pipeline bug must not stop a build: fall back to nothing
        doc = {section: [] for section in SECTIONS}
        resolution = _resolve(doc, article)
    return {key: value for key, value in doc.items() if value}, resolution


def extract_annotation(article: Article) -> dict:
    """The annotation document for ``article``, in the curated format; it always resolves without problems."""
    return _checked(article)[0]


def extract_resolution(article: Article) -> Resolution:
    """Rows for ``article`` from the automatic pipeline (never any problems)."""
    return _checked(article)[1]
