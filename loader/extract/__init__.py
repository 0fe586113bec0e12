"""The automatic normalisation pipeline: article text -> records -> annotation document -> rows.

The text is parsed once (:mod:`.normalize`, :mod:`.segment`, :mod:`.model`); then the
stages of :data:`STAGES` run in the order written there (the only place it is written).
Each is a function of the article's inputs (text, parse, date, publisher) and of the
records earlier stages made, named in its ``needs``; it returns new records and changes
none it was given. Nothing else passes between stages: the article index (where each
entity is named, where the quotations are) is a record of its own stage, read-only, and a
stage that goes on from another's results (meetings from the statements) reads its record
rather than running it again.

No failure is silent. A stage that raises is recorded as an ``extraction_failures`` row
(article, stage, the exception and where it was raised, what was lost); its records are
empty, and the stages after it run on what exists (a stage that needs a record with no
empty value, the index, does not run, and the failure says so). The document then goes through the
same resolver as a curated annotation; whatever the resolver would still reject (a
pipeline bug) is dropped item by item, and that is recorded too (stage ``resolve``).
"""

from __future__ import annotations

import copy
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from spacy.tokens import Doc

from ..annotations import Resolution, resolve
from ..articles import Article
from ..entities import NO_DECISIONS, Decisions
from ..ids import hashed_id
from .affiliations import extract_affiliations
from .attribution import Attribution, extract_statements
from .comments import extract_comment_requests
from .dates import extract_events
from .document import entity_sections
from .entities import resolve_entities
from .index import article_index
from .institutions import institution_entities
from .meetings import extract_meetings
from .mentions import find_mentions
from .model import has_words, parse

# Longer articles are analysed in their first this-many characters (about 35,000 words,
# ten long features): the parse is linear but slow (~4,000 words/s), and a draft of a book
# helps nobody. The rest of the text still gets its sentences and name mentions.
MAX_ANALYSED_CHARS = 200_000

SECTIONS = ("people", "organisations", "locations", "anonymous", "affiliations", "statements",
            "meetings", "attendance_claims", "comment_requests", "events")

Records = Mapping[str, Any]


@dataclass(frozen=True)
class Stage:
    """One step of the pipeline: ``run(article, parsed, records) -> new records``.

    ``needs`` are the records it reads (made by earlier stages); ``makes`` maps each
    record it returns to a function giving its empty value, which later stages get
    when this stage fails, or to None for a record they cannot do without (the index of
    the article): a stage that needs it does not run when it is missing.
    """

    name: str
    run: Callable[[Article, Doc, Records], dict[str, Any]]
    needs: tuple[str, ...]
    makes: dict[str, Callable[[], Any] | None]

    @classmethod
    def calling(cls, name: str, function: Callable[..., Any], needs: tuple[str, ...],
                makes: dict[str, Callable[[], Any] | None]) -> Stage:
        """The stage that calls ``function`` with its inputs, in the order ``needs`` names them
        (records of earlier stages, or the article's ``text``, ``doc`` (the parse),
        ``published``, ``publisher``, ``article``), and names what it returns by ``makes``:
        the one record, or a tuple of them in that order."""
        def run(article: Article, parsed: Doc, records: Records) -> dict[str, Any]:
            given = {"article": article, "text": article.text, "doc": parsed, "published": article.published,
                     "publisher": article.publisher, **records}
            made = function(*(given[key] for key in needs))
            return dict(zip(makes, made if len(makes) > 1 else (made,), strict=True))
        return cls(name, run, needs, makes)


@dataclass(frozen=True)
class Failure:
    stage: str
    error: str
    effect: str


@dataclass
class Extraction:
    """The pipeline's document for one article and what failed on the way."""

    document: dict
    failures: list[Failure] = field(default_factory=list)


STAGES: tuple[Stage, ...] = (
    Stage.calling("mentions", find_mentions, ("doc", "article"), {"mentions": list, "acronym_pairs": list}),
    Stage.calling("entities", resolve_entities, ("text", "mentions", "acronym_pairs", "publisher"), {"entities": list}),
    Stage.calling("institutions", institution_entities, ("text", "entities", "doc"), {"institutions": list}),
    Stage.calling("names", entity_sections, ("text", "entities", "institutions"),
                  {"people": list, "organisations": list, "locations": list, "named": list, "ids": dict}),
    Stage.calling("index", article_index, ("text", "doc", "named", "ids"), {"index": None}),
    Stage.calling("statements", extract_statements, ("index",), {"statements": list, "anonymous": list, "attribution": Attribution}),
    Stage.calling("affiliations", extract_affiliations, ("index", "attribution", "publisher"), {"affiliations": list}),
    Stage.calling("comment_requests", extract_comment_requests, ("index", "attribution"),
                  {"comment_requests": list, "comment_anonymous": list}),
    Stage.calling("events", extract_events, ("text", "doc", "published"), {"events": list, "dates": list}),
    Stage.calling("meetings", extract_meetings, ("index", "attribution", "dates", "published"),
                  {"meetings": list, "attendance_claims": list, "meeting_anonymous": list}),
)


# --- running them -----------------------------------------------------------------------

def _error_text(error: BaseException) -> str:
    """The exception, the file and line that raised it and, if that is a library's, the
    pipeline's last line on the way there."""
    frames = traceback.extract_tb(error.__traceback__)[1:]  # the first is the frame that caught it
    where = ""
    if frames:
        where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}"
        ours = [f for f in frames if "/loader/extract/" in f.filename.replace("\\", "/")]
        if ours and ours[-1] is not frames[-1] and "/loader/" not in frames[-1].filename.replace("\\", "/"):
            where += f" (from {Path(ours[-1].filename).name}:{ours[-1].lineno})"
    message = str(error).splitlines()[0][:300] if str(error) else ""
    return f"{type(error).__name__}{': ' + message if message else ''}{where}"


def _without(stages: tuple[Stage, ...], lost: set[str]) -> list[str]:
    """The stages that cannot run when the records ``lost`` are missing (nor, in turn, those
    that need what they would have made with no empty value)."""
    lost, skipped = set(lost), []
    for stage in stages:
        if lost & set(stage.needs):
            skipped.append(stage.name)
            lost |= {key for key, empty in stage.makes.items() if empty is None}
    return skipped


def run_stages(article: Article, parsed: Doc, stages: tuple[Stage, ...] | None = None) -> tuple[dict[str, Any], list[Failure]]:
    """Every stage's records (empty ones for a stage that failed or could not run) and the failures."""
    stages = STAGES if stages is None else stages
    records: dict[str, Any] = {}
    failures: list[Failure] = []
    lost: set[str] = set()  # records a failed stage did not make and that have no empty value
    for number, stage in enumerate(stages):
        made: dict[str, Any] = {}
        if not lost & set(stage.needs):  # else it cannot run (its failure said so)
            given = MappingProxyType({key: records[key] for key in stage.needs if key in records})
            try:
                made = stage.run(article, parsed, given)
                unknown = set(made) - set(stage.makes)
                if unknown:
                    raise RuntimeError(f"stage made records it does not declare: {', '.join(sorted(unknown))}")
            except Exception as error:  # recorded, not hidden: the other stages' rows are kept
                made = {}
                sections = [k for k in stage.makes if SECTION_OF.get(k, k) in SECTIONS]
                skipped = _without(stages[number + 1:], {k for k, empty in stage.makes.items() if empty is None})
                failures.append(Failure(stage.name, _error_text(error),
                                        f"no {', '.join(sections) or 'records'} from this stage; "
                                        + (f"{', '.join(skipped)} could not run without it; the others ran on what exists"
                                           if skipped else "later stages ran on what exists")))
        for key, empty in stage.makes.items():
            if key in made:
                records[key] = made[key]
            elif empty is None:
                lost.add(key)
            else:
                records[key] = empty()
    return records, failures


# records that are added to a section of another name
SECTION_OF = {"comment_anonymous": "anonymous", "meeting_anonymous": "anonymous"}


def _document(records: Mapping[str, Any]) -> dict:
    doc: dict[str, list] = {section: [] for section in SECTIONS}
    for key, value in records.items():
        section = SECTION_OF.get(key, key)
        if section in doc:
            doc[section] += value
    # an anonymous party two stages each made from the same words is one
    doc["anonymous"] = list({item["id"]: item for item in reversed(doc["anonymous"])}.values())[::-1]
    return doc


def build_document(article: Article, stages: tuple[Stage, ...] | None = None) -> Extraction:
    """The pipeline's annotation document (before the resolver's check) and its failures."""
    empty = {section: [] for section in SECTIONS}
    if not has_words(article.text):
        return Extraction(empty)
    try:
        parsed = parse(analysed_part(article.text))
    except Exception as error:  # nothing can run without the parse; said so, not hidden
        return Extraction(empty, [Failure("parse", _error_text(error), "nothing extracted from this article")])
    records, failures = run_stages(article, parsed, stages)
    return Extraction(_document(records), failures)


def build_annotation(article: Article) -> dict:
    """The pipeline's annotation document (before the safety check of :func:`extract_annotation`)."""
    return build_document(article).document


def analysed_part(text: str) -> str:
    """The text up to MAX_ANALYSED_CHARS, cut at a paragraph break where possible."""
    if len(text) <= MAX_ANALYSED_CHARS:
        return text
    cut = text.rfind("\n\n", 0, MAX_ANALYSED_CHARS)
    return text[: cut if cut > MAX_ANALYSED_CHARS // 2 else MAX_ANALYSED_CHARS]


def _resolve(doc: dict, article: Article, decisions: Decisions = NO_DECISIONS) -> Resolution:
    return resolve(doc, article, article.path + " (automatic)", origin="automatic", decisions=decisions)


def _describe(section: str, item: Any) -> str:
    if isinstance(item, dict):
        label = item.get("name") or item.get("id") or item.get("text") or item.get("party") or item.get("date")
        if isinstance(label, dict):
            label = label.get("text")
        return f"{section}: {str(label)[:60]!r}" if label else section
    return section


def _prune(doc: dict, article: Article, problems: int, decisions: Decisions = NO_DECISIONS) -> tuple[dict, list[str]]:
    """Drop, item by item from the most dependent section back, whatever the resolver
    rejects; the document kept and a description of each item dropped."""
    doc = copy.deepcopy(doc)
    dropped: list[str] = []
    for section in reversed(SECTIONS):
        index = len(doc.get(section, [])) - 1
        while problems and index >= 0:
            trial = copy.deepcopy(doc)
            item = trial[section].pop(index)
            count = len(_resolve(trial, article, decisions).problems)
            if count < problems:
                doc, problems = trial, count
                dropped.append(_describe(section, item))
            index -= 1
        if not problems:
            break
    if problems:
        dropped = [f"everything ({sum(len(v) for v in doc.values())} items)"]
        doc = {section: [] for section in SECTIONS}
    return doc, dropped


def _checked(article: Article, decisions: Decisions = NO_DECISIONS,
             stages: tuple[Stage, ...] | None = None) -> tuple[dict, Resolution, list[Failure]]:
    """The document, its rows (never any problems) and every failure."""
    extraction = build_document(article, stages)
    doc, failures = extraction.document, list(extraction.failures)
    try:
        resolution = _resolve(doc, article, decisions)
        if resolution.problems:  # a pipeline bug: keep what resolves, and say what was dropped
            problems = resolution.problems
            doc, dropped = _prune(doc, article, len(problems), decisions)
            failures.append(Failure("resolve", "; ".join(problems)[:1000], "dropped " + "; ".join(dropped)))
            resolution = _resolve(doc, article, decisions)
    except Exception as error:  # the resolver raised on the pipeline's document: keep the article, say so
        failures.append(Failure("resolve", _error_text(error), "nothing extracted from this article"))
        doc = {section: [] for section in SECTIONS}
        resolution = _resolve(doc, article, decisions)
    return {key: value for key, value in doc.items() if value}, resolution, failures


def failure_rows(article_id: str, failures: list[Failure]) -> list[dict]:
    return [{"id": hashed_id("xf", article_id, number, f.stage), "article_id": article_id, "stage": f.stage,
             "error": f.error, "effect": f.effect} for number, f in enumerate(failures)]


def extract_annotation(article: Article) -> dict:
    """The annotation document for ``article``, in the curated format; it always resolves
    without problems (what failed is in :func:`extract_resolution`'s rows)."""
    return _checked(article)[0]


def extract_draft(article: Article) -> tuple[dict, list[Failure]]:
    """The annotation document for ``article`` and what failed on the way (for ``loader draft``)."""
    doc, _, failures = _checked(article)
    return doc, failures


def extract_resolution(article: Article, decisions: Decisions = NO_DECISIONS) -> Resolution:
    """Rows for ``article`` from the automatic pipeline (never any problems), with an
    ``extraction_failures`` row for each stage that failed."""
    _, resolution, failures = _checked(article, decisions)
    resolution.rows["extraction_failures"] = failure_rows(article.id, failures)
    return resolution
