"""The annotation format (docs/annotation.md): its sections and their fields, the date
forms, and where an article's annotation lives. The allowed values of fields are the
archive's (loader/vocabulary.py)."""

from __future__ import annotations

import re
from pathlib import Path

from .ids import slugify

# field -> required? for each list section; unknown fields are errors (they are typos).
FIELDS: dict[str, dict[str, bool]] = {
    "people": {"name": True, "id": False, "names": False, "description": False, "mentions": False},
    "organisations": {"name": True, "id": False, "acronym": False, "kind": False, "country_code": False, "names": False, "mentions": False},
    "locations": {"name": True, "kind": True, "id": False, "country_code": False, "latitude": False, "longitude": False, "precision": False, "within": False, "names": False, "mentions": False},
    "anonymous": {"id": True, "description": True, "organisation": False, "mentions": False},
    "affiliations": {"person": True, "evidence": True, "organisation": False, "location": False, "role": False, "qualifier": False},
    "statements": {"sources": True, "cue": True, "mode": True, "text": True, "id": False, "channel": False, "cue_text": False},
    "meetings": {"id": True, "name": True, "kind": True, "status": True, "evidence": True, "location": False, "date": False, "date_text": False, "precision": False, "outcome": False, "participants": False},
    "attendance_claims": {"meeting": True, "participant": True, "statement": True, "stance": True},
    "comment_requests": {"party": True, "response": True, "evidence": True},
    "events": {"date": True, "date_text": True, "description": True, "evidence": True, "precision": False, "since": False, "planned": False, "meeting": False},
}
PARTICIPANT_FIELDS = {"ref": True, "role": True, "attendance": False}
ARTICLE_FIELDS = ("title", "publisher", "url", "language")
# an ISO date prefix: 199 (a decade), 2021, 2021-09, 2021-09-06
DATE = re.compile(r"\d{3}(\d(-\d{2}(-\d{2})?)?)?\Z")


def date_precision(value: str) -> str:
    return {3: "decade", 4: "year", 7: "month", 10: "day"}[len(value)]


def annotation_path_for(article_path: str | Path, annotations_dir: str | Path | None = None) -> Path:
    """Where an article's curated annotation lives: ``<dir>/<article-id>.yml``; by default the
    ``annotations`` folder beside the article's folder (data/articles -> data/annotations)."""
    article_path = Path(article_path)
    folder = Path(annotations_dir) if annotations_dir else article_path.parent.parent / "annotations"
    return folder / f"{slugify(article_path.stem)}.yml"
