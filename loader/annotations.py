"""Resolving an annotation document against its article's text into table rows, checking
it on the way (every problem as FILE:LINE: what is wrong).

The same resolver turns the automatic extractor's draft into rows, so both paths
produce identical shapes and pass the same checks. The other jobs live apart: reading
YAML with line numbers (:mod:`.lineyaml`), the format (:mod:`.annotation_format`),
the allowed values (:mod:`.vocabulary`) and coordinates (:mod:`.geocode`).
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .annotation_format import ARTICLE_FIELDS, DATE, FIELDS, PARTICIPANT_FIELDS, annotation_path_for, date_precision
from .articles import Article
from .entities import NO_DECISIONS, Decisions, merge_rule
from .errors import InputError, problem
from .geocode import locate
from .ids import hashed_id, slugify
from .lineyaml import MAX_ANNOTATION_BYTES, LineDict, LineList, parse_annotation_yaml, read_annotation
from .sentences import Sentence, split_sentences
from .spans import SpanError, find_span, find_words, sentence_index
from .vocabulary import (ATTENDANCE, ID_COLUMN_OF_KIND, KIND_OF_SECTION, LOCATION_KINDS, MODES, PRECISIONS,
                         QUALIFIERS, RESPONSES, ROLES, STANCES, STATUSES, TABLES)

# the names other modules import from here
__all__ = ["Resolution", "resolve", "resolve_file", "annotation_path_for", "parse_annotation_yaml",
           "read_annotation", "FIELDS", "TABLES", "LineDict", "LineList", "MAX_ANNOTATION_BYTES"]
ENTITY_KIND = KIND_OF_SECTION


# --- resolution ------------------------------------------------------------------------

def _line(obj: Any, key: str | None = None) -> int | None:
    if key is not None and isinstance(obj, LineDict) and key in obj.key_lines:
        return obj.key_lines[key]
    return getattr(obj, "line", None) or None


def _text(value: Any) -> str | None:
    """Scalars as text: YAML turns 2021 into an int and 2021-09-06 into a date."""
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)


@dataclass
class Resolution:
    """Rows per table, ready for saving; and every problem found on the way."""

    rows: dict[str, list[dict]] = field(default_factory=lambda: {table: [] for table in TABLES})
    problems: list[str] = field(default_factory=list)


class _Resolver:
    def __init__(self, doc: dict, article: Article, path: str, origin: str, decisions: Decisions = NO_DECISIONS):
        self.doc, self.article, self.path, self.origin = doc, article, path, origin
        self.decisions = decisions
        self.text = article.text
        self.sentences: list[Sentence] = split_sentences(self.text)
        self.starts = [s.start for s in self.sentences]
        self.sentence_ids = [hashed_id("se", article.id, s.start, s.end) for s in self.sentences]
        self.out = Resolution()
        # local id -> (section, db id, display name, item)
        self.entities: dict[str, tuple[str, str, str, dict]] = {}
        self.statement_ids: dict[str, str] = {}
        self.meeting_ids: dict[str, str] = {}
        self.event_ids: set[str] = set()
        self.meeting_participants: dict[str, set[str]] = {}
        self.person_sources: set[str] = set()

    # helpers
    def error(self, line: int | None, message: str) -> None:
        self.out.problems.append(problem(self.path, line, message))

    def items(self, section: str) -> list[tuple[int, dict]]:
        value = self.doc.get(section)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(_line(self.doc, section), f"'{section}' must be a list of entries")
            return []
        result = []
        fields = FIELDS[section]
        for index, item in enumerate(value):
            line = value.item_lines[index] if isinstance(value, LineList) else None
            if not isinstance(item, dict):
                self.error(line, f"{section}[{index + 1}] must be a mapping of field: value")
                continue
            unknown = [k for k in item if k not in fields]
            for key in unknown:
                self.error(_line(item, key), f"unknown field {key!r} in {section}; known: {', '.join(fields)}")
            missing = [k for k, required in fields.items() if required and item.get(k) in (None, "", [])]
            for key in missing:
                self.error(_line(item), f"{section} entry lacks required field {key!r}")
            if not unknown and not missing:
                result.append((index, item))
        return result

    def choice(self, item: dict, key: str, allowed: tuple[str, ...], default: str | None = None) -> str | None:
        value = _text(item.get(key))
        if value is None:
            return default
        if value not in allowed:
            self.error(_line(item, key), f"{key} {value!r} is not one of: {', '.join(allowed)}")
            return None
        return value

    def span(self, item: dict, key: str, within: tuple[int, int] | None = None) -> tuple[int, int] | None:
        value = item.get(key)
        line = _line(item, key)
        occurrence = None
        if isinstance(value, dict):
            line = _line(value) or line
            unknown = set(value) - {"text", "occurrence", "start", "end"}
            if unknown:
                self.error(line, f"a span has 'text' and 'occurrence', or 'start' and 'end', not {', '.join(sorted(map(str, unknown)))}")
                return None
            if "start" in value or "end" in value:
                return self.offsets(value, key, line, within)
            occurrence = value.get("occurrence")
            if occurrence is not None and (not isinstance(occurrence, int) or isinstance(occurrence, bool) or occurrence < 1):
                self.error(line, f"occurrence must be a whole number from 1, not {occurrence!r}")
                return None
            value = value.get("text")
        if not isinstance(value, (str, int, float)):
            self.error(line, f"{key} must be the article's exact text (or {{text: ..., occurrence: N}})")
            return None
        try:
            if within:
                return find_span(self.text[within[0] : within[1]], str(value), occurrence, base=within[0])
            return find_span(self.text, str(value), occurrence)
        except SpanError as error:
            where = " inside the evidence" if within else ""
            self.error(line, f"{key}: {error}{where}")
            return None

    def offsets(self, value: dict, key: str, line: int | None, within: tuple[int, int] | None) -> tuple[int, int] | None:
        """A span given as character offsets ``{start, end}`` (and optionally its text, checked)."""
        start, end = value.get("start"), value.get("end")
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
            self.error(line, f"{key}: start and end must both be whole numbers")
            return None
        low, high = within or (0, len(self.text))
        if not (low <= start < end <= high):
            where = "the evidence" if within else f"the article (its text has {len(self.text)} characters)"
            self.error(line, f"{key}: offsets {start}-{end} are outside {where} or empty")
            return None
        expected = value.get("text")
        if expected is not None and str(expected) != self.text[start:end]:
            self.error(line, f"{key}: the text at {start}-{end} is {self.text[start:end]!r}, not {str(expected)!r}")
            return None
        return start, end

    def provenance(self, start: int, end: int) -> dict:
        i = sentence_index(self.sentences, self.starts, start)
        return {"article_id": self.article.id, "sentence_id": self.sentence_ids[i], "start": start, "end": end}

    def ref(self, item: dict, key: str, sections: tuple[str, ...], value: Any = None, line: int | None = None) -> tuple[str, str, str] | None:
        """Resolve a local id to (section, db id, display name), checking its kind."""
        local = _text(item.get(key) if value is None else value)
        line = line or _line(item, key)
        if local not in self.entities:
            self.error(line, f"unknown reference {local!r} in '{key}': no entry has this id")
            return None
        section, db_id, display, _ = self.entities[local]
        if section not in sections:
            kinds = " or ".join(ENTITY_KIND.get(s, s) for s in sections)
            self.error(line, f"'{key}' must refer to a {kinds}, but {local!r} is a {ENTITY_KIND[section]}")
            return None
        return section, db_id, display

    def date(self, item: dict, key: str = "date", precision_key: str = "precision") -> tuple[str | None, str | None]:
        value = _text(item.get(key))
        if value is None:
            return None, None
        line = _line(item, key)
        if not DATE.match(value):
            self.error(line, f"bad date {value!r}: write an ISO prefix such as 2021-09-06, 2021-09, 2021 or 199 (the 1990s)")
            return None, None
        try:
            if len(value) == 10:
                dt.date.fromisoformat(value)
            elif len(value) == 7:
                dt.date.fromisoformat(value + "-01")
        except ValueError:
            self.error(line, f"bad date {value!r}: no such day or month")
            return None, None
        precision = date_precision(value)
        given = _text(item.get(precision_key))
        if given is not None and given != precision:
            self.error(_line(item, precision_key), f"precision {given!r} does not match the date {value!r} ({precision})")
        return value, precision

    # sections
    def run(self) -> Resolution:
        self.article_row()
        self.register_entities()
        self.entity_rows()
        self.mention_rows()
        self.affiliations()
        self.statements()
        self.meetings()
        self.attendance_claims()
        self.comment_requests()
        self.events()
        return self.out

    def article_row(self) -> None:
        meta = self.doc.get("article") or {}
        if not isinstance(meta, dict):
            self.error(_line(self.doc, "article"), "'article' must be a mapping (title, publisher, url, language)")
            meta = {}
        for key in meta:
            if key not in ARTICLE_FIELDS:
                self.error(_line(meta, key), f"unknown field {key!r} in article; known: {', '.join(ARTICLE_FIELDS)}")
        a = self.article
        self.out.rows["articles"].append({
            "id": a.id,
            "title": _text(meta.get("title")) or a.title,
            "publisher": _text(meta.get("publisher")) or a.publisher,
            "published": a.published,
            "url": _text(meta.get("url")) or a.url,
            "language": _text(meta.get("language")) or a.language,
            "author": a.author,
            "canonical_url": a.canonical_url,
            "retrieved_at": a.retrieved_at,
            "text": a.text,
            "source_file": a.path,
            "text_offset": a.text_offset,
            "sha256": a.sha256,
            "word_count": a.word_count,
            "annotation": self.origin,
        })
        for s, sid in zip(self.sentences, self.sentence_ids):
            self.out.rows["sentences"].append({
                "id": sid, "article_id": a.id, "paragraph": s.paragraph, "number": s.number,
                "start": s.start, "end": s.end, "text": self.text[s.start : s.end],
            })

    def register_entities(self) -> None:
        seen_lines: dict[str, int | None] = {}
        for section in ("people", "organisations", "locations", "anonymous"):
            for _, item in self.items(section):
                name = _text(item.get("name")) or ""
                local = _text(item.get("id")) or slugify(name)
                if section == "anonymous":
                    db_id = hashed_id("anon", self.article.id, local)
                    display = _text(item["description"]) if not isinstance(item["description"], dict) else _text(item["description"].get("text"))
                else:
                    kind = ENTITY_KIND[section]
                    display = self.decisions.canonical(kind, name)
                    db_id = self.decisions.entity_id(kind, name, self.article.id)
                if local in self.entities or local in seen_lines:
                    self.error(_line(item, "id") or _line(item), f"duplicate id {local!r} (first defined at line {seen_lines.get(local)})")
                    continue
                seen_lines[local] = _line(item)
                self.entities[local] = (section, db_id, display or local, item)
        for section in ("statements", "meetings"):
            for _, item in self.items(section):
                local = _text(item.get("id"))
                if local is None:
                    continue
                if local in seen_lines:
                    self.error(_line(item, "id"), f"duplicate id {local!r} (first defined at line {seen_lines[local]})")
                seen_lines[local] = _line(item)

    def entity_rows(self) -> None:
        rows = self.out.rows
        for local, (section, db_id, display, item) in self.entities.items():
            names = item.get("names") or []
            if not isinstance(names, list):
                self.error(_line(item, "names"), "names must be a list of the article's wordings")
                names = []
            aliases = [display, _text(item.get("name")) or display] + [str(n) for n in names]
            if section == "people":
                rows["people"].append({"id": db_id, "name": display, "description": _text(item.get("description"))})
            elif section == "organisations":
                acronym = _text(item.get("acronym"))
                aliases += [acronym] if acronym else []
                rows["organisations"].append({
                    "id": db_id, "name": display, "acronym": acronym, "kind": _text(item.get("kind")),
                    "country_code": _text(item.get("country_code")),
                })
            elif section == "locations":
                rows["locations"].append(self.location_row(local, db_id, display, item))
            else:
                organisation = self.ref(item, "organisation", ("organisations",)) if item.get("organisation") else None
                if self.span(item, "description") is None:
                    continue
                rows["sources"].append({
                    "id": db_id, "kind": "anonymous", "person_id": None,
                    "organisation_id": organisation[1] if organisation else None,
                    "article_id": self.article.id, "description": display, "name": display,
                })
                continue
            for alias in dict.fromkeys(aliases):
                rows["aliases"].append({"entity_type": ENTITY_KIND[section], "entity_id": db_id, "alias": alias})
            self.merge_rows(ENTITY_KIND[section], db_id, display, list(dict.fromkeys(aliases)),
                            _text(item.get("acronym")) if section == "organisations" else None)

    def merge_rows(self, kind: str, db_id: str, display: str, wordings: list[str], acronym: str | None) -> None:
        """entity_merges: each wording stored under this entity although it is not its name,
        with the rule that put it there and the sentence that first writes it."""
        for wording in wordings:
            if self.decisions.canonical(kind, wording) != wording:
                rule = "data/entities.yml: same"
            elif wording == display:
                rule = merge_rule(kind, wording, db_id)
            elif wording == acronym:
                rule = "acronym given in this article"
            elif kind == "person" and " " not in wording.strip():
                rule = "surname alone: joins the full name in this article"
            else:
                rule = "another wording in this article"
            if rule is None:
                continue
            found = find_words(self.text, wording)
            self.out.rows["entity_merges"].append({
                "id": hashed_id("em", self.article.id, kind, db_id, wording), "entity_type": kind,
                "entity_id": db_id, "name": wording, "rule": rule, "article_id": self.article.id,
                "sentence_id": self.provenance(*found[0])["sentence_id"] if found else None,
            })

    def location_row(self, local: str, db_id: str, name: str, item: dict) -> dict:
        kind = self.choice(item, "kind", LOCATION_KINDS)
        precision = self.choice(item, "precision", PRECISIONS)
        lat, lon = item.get("latitude"), item.get("longitude")
        code = _text(item.get("country_code"))
        parent = None
        if item.get("within"):
            parent = self.ref(item, "within", ("locations",))
        if (lat is None) != (lon is None):
            self.error(_line(item), "give both latitude and longitude, or neither")
        elif lat is not None and not (isinstance(lat, (int, float)) and isinstance(lon, (int, float)) and -90 <= lat <= 90 and -180 <= lon <= 180):
            self.error(_line(item, "latitude"), "latitude must be a number from -90 to 90 and longitude from -180 to 180")
            lat = lon = None
        elif lat is None and kind:
            within = None
            if parent:
                parent_item = self.entities[_text(item["within"])][3]
                within = (str(parent_item["name"]), _text(parent_item.get("kind")), _text(parent_item.get("country_code")))
            place = locate(name, kind, code, within)
            if place is not None:
                lat, lon, precision, code = place.latitude, place.longitude, precision or place.precision, code or place.country_code
            elif kind != "venue" and self.origin != "automatic":
                # a curated place needs its coordinates; the pipeline keeps a place the text
                # names with none (true) rather than drop it (false)
                self.error(_line(item), f"no coordinates known for {name!r} ({kind}): add latitude and longitude, or an entry in data/gazetteer.yml")
        elif lat is not None:
            precision = precision or "exact"
        return {
            "id": db_id, "name": name, "kind": kind, "country_code": code, "latitude": lat,
            "longitude": lon, "precision": precision, "parent_id": parent[1] if parent else None,
        }

    def mention_rows(self) -> None:
        # Names are found as whole words; the longest match wins, so "Ahmad Shah Massoud"
        # never also counts as a mention of "Massoud".
        owner: dict[str, str] = {}
        candidates: list[tuple[int, int, str]] = []  # (start, end, local id)
        for local, (section, _, display, item) in self.entities.items():
            if section == "anonymous":
                continue
            given = [str(n) for n in (item.get("names") or []) if isinstance(item.get("names"), list)]
            names = [display, _text(item.get("name")) or display] + given
            if section == "organisations" and item.get("acronym"):
                names.append(_text(item["acronym"]))
            found_any = False
            for name in dict.fromkeys(names):
                if name in owner and owner[name] != local:
                    self.error(_line(item, "names") or _line(item), f"the name {name!r} is given for both {owner[name]!r} and {local!r}: keep it on one and list the other's occurrences under 'mentions'")
                    continue
                owner[name] = local
                spans = find_words(self.text, name)
                found_any = found_any or bool(spans)
                if not spans and name in given:
                    self.error(_line(item, "names"), f"name {name!r} does not occur in the article as a whole word")
                candidates.extend((s, e, local) for s, e in spans)
            if not found_any and not item.get("mentions"):
                self.error(_line(item), f"{display!r} is never mentioned: no name of it occurs in the article")
        # taken spans never overlap, so sorted by start their ends are sorted too: two
        # bisections find whether a new span touches one (long articles have many names)
        taken_starts: list[int] = []
        taken_ends: list[int] = []
        chosen: list[tuple[int, int, str]] = []
        for start, end, local in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0])):
            i = bisect.bisect_left(taken_ends, start + 1)  # first taken span ending after start
            if i < len(taken_starts) and taken_starts[i] < end:
                continue
            taken_starts.insert(i, start)
            taken_ends.insert(i, end)
            chosen.append((start, end, local))
        explicit: list[tuple[int, int, str, int | None]] = []
        for local, (section, _, _, item) in self.entities.items():
            mentions = item.get("mentions") or []
            if not isinstance(mentions, list):
                self.error(_line(item, "mentions"), "mentions must be a list of spans")
                continue
            for index, value in enumerate(mentions):
                holder = LineDict(mention=value)
                holder.line = mentions.item_lines[index] if isinstance(mentions, LineList) else None
                holder.key_lines = {}
                placed = self.span(holder, "mention")
                if not placed:
                    continue
                # nested mentions are fine ("a source close to the NRF"); crossing or
                # identical spans of two entities are a mistake
                clash = next((o for o in explicit if o[2] != local and (
                    (o[0], o[1]) == placed or o[0] < placed[0] < o[1] < placed[1] or placed[0] < o[0] < placed[1] < o[1])), None)
                if clash:
                    self.error(holder.line, f"mention at {placed[0]}-{placed[1]} overlaps the mention of {clash[2]!r} at {clash[0]}-{clash[1]} (line {clash[3]})")
                    continue
                explicit.append((placed[0], placed[1], local, holder.line))
                chosen.append((placed[0], placed[1], local))
            if section == "anonymous":
                placed = self.span(item, "description")
                if placed:
                    chosen.append((placed[0], placed[1], local))
        for start, end, local in sorted(set(chosen)):
            section, db_id, _, _ = self.entities[local]
            self.out.rows["mentions"].append({
                "id": hashed_id("mn", self.article.id, start, end, db_id),
                "entity_type": ENTITY_KIND[section], "entity_id": db_id,
                "surface": self.text[start:end], **self.provenance(start, end),
            })

    def affiliations(self) -> None:
        for _, item in self.items("affiliations"):
            person = self.ref(item, "person", ("people",))
            organisation = self.ref(item, "organisation", ("organisations",)) if item.get("organisation") else None
            location = self.ref(item, "location", ("locations",)) if item.get("location") else None
            qualifier = self.choice(item, "qualifier", QUALIFIERS)
            placed = self.span(item, "evidence")
            if not (person and placed):
                continue
            role = _text(item.get("role"))
            self.out.rows["affiliations"].append({
                "id": hashed_id("af", self.article.id, person[1], organisation and organisation[1], location and location[1], role),
                "person_id": person[1], "organisation_id": organisation[1] if organisation else None,
                "location_id": location[1] if location else None, "role": role, "qualifier": qualifier,
                **self.provenance(*placed),
            })

    def source_id(self, ref: tuple[str, str, str]) -> str:
        """The sources row for a person, an organisation or an anonymous party."""
        section, db_id, display = ref
        if section == "anonymous":
            return db_id
        kind = ENTITY_KIND[section]
        source = f"{kind}-{db_id}"
        if source not in self.person_sources:
            self.person_sources.add(source)
            self.out.rows["sources"].append({
                "id": source, "kind": kind, "person_id": db_id if kind == "person" else None,
                "organisation_id": db_id if kind == "organisation" else None,
                "article_id": None, "description": None, "name": display,
            })
        return source

    def statements(self) -> None:
        for index, item in self.items("statements"):
            sources = item.get("sources")
            if not isinstance(sources, list):
                sources = [sources]
            refs = []
            for i, value in enumerate(sources):
                line = sources.item_lines[i] if isinstance(sources, LineList) else _line(item, "sources")
                refs.append(self.ref(item, "sources", ("people", "organisations", "anonymous"), value=value, line=line))
            mode = self.choice(item, "mode", MODES)
            placed = self.span(item, "text")
            if not placed or not mode or None in refs:
                continue
            start, end = placed
            statement_id = hashed_id("st", self.article.id, start, end)
            if _text(item.get("id")):
                self.statement_ids[_text(item["id"])] = statement_id
            cue = _text(item["cue"]).strip()
            cue_span = self.cue_span(item, cue, start, end)
            self.out.rows["statements"].append({
                "id": statement_id, "cue": cue, "mode": mode, "channel": _text(item.get("channel")),
                "text": self.text[start:end], **self.provenance(start, end),
                "cue_start": cue_span[0] if cue_span else None, "cue_end": cue_span[1] if cue_span else None,
            })
            for source in dict.fromkeys(self.source_id(ref) for ref in refs):
                self.out.rows["statement_sources"].append({"statement_id": statement_id, "source_id": source})

    def cue_span(self, item: dict, cue: str, start: int, end: int) -> tuple[int, int] | None:
        """The cue's words nearest the statement, in the sentences it touches."""
        first = self.sentences[sentence_index(self.sentences, self.starts, start)]
        last = self.sentences[sentence_index(self.sentences, self.starts, max(start, end - 1))]
        wording = _text(item.get("cue_text")) or cue
        spans = [(s, e) for s, e in find_words(self.text[first.start : last.end], wording)]
        spans = [(first.start + s, first.start + e) for s, e in spans if not (start <= first.start + s < end)]
        if not spans:
            if item.get("cue_text"):
                self.error(_line(item, "cue_text"), f"cue_text {wording!r} does not occur in the statement's sentence outside its text")
            return None
        return min(spans, key=lambda sp: min(abs(sp[0] - end), abs(start - sp[1])))

    def meetings(self) -> None:
        for _, item in self.items("meetings"):
            local = _text(item["id"])
            status = self.choice(item, "status", STATUSES)
            location = self.ref(item, "location", ("locations",)) if item.get("location") else None
            date, precision = self.date(item)
            date_text = _text(item.get("date_text"))
            if date_text and date_text not in self.text:
                self.error(_line(item, "date_text"), f"date_text {date_text!r} does not occur in the article")
            placed = self.span(item, "evidence")
            participants = item.get("participants") or []
            if not isinstance(participants, list):
                self.error(_line(item, "participants"), "participants must be a list of {ref, role, attendance}")
                participants = []
            if not (status and placed):
                continue
            meeting_id = hashed_id("mt", self.article.id, local)
            self.meeting_ids[local] = meeting_id
            self.meeting_participants[local] = set()
            self.out.rows["meetings"].append({
                "id": meeting_id, "name": _text(item["name"]), "kind": _text(item["kind"]), "status": status,
                "location_id": location[1] if location else None, "date": date, "date_precision": precision,
                "date_text": date_text, "outcome": _text(item.get("outcome")), **self.provenance(*placed),
            })
            for p in participants:
                if not isinstance(p, dict):
                    self.error(_line(item, "participants"), "each participant is a mapping {ref, role, attendance}")
                    continue
                for key in p:
                    if key not in PARTICIPANT_FIELDS:
                        self.error(_line(p, key), f"unknown field {key!r} in a participant; known: ref, role, attendance")
                if not p.get("ref") or not p.get("role"):
                    self.error(_line(p), "a participant needs 'ref' and 'role'")
                    continue
                ref = self.ref(p, "ref", ("people", "organisations", "locations", "anonymous"))
                role = self.choice(p, "role", ROLES)
                attendance = self.choice(p, "attendance", ATTENDANCE, default="reported")
                if not (ref and role and attendance):
                    continue
                local_ref = _text(p["ref"])
                if local_ref in self.meeting_participants[local]:
                    self.error(_line(p), f"participant {local_ref!r} is listed twice in meeting {local!r}")
                    continue
                self.meeting_participants[local].add(local_ref)
                self.out.rows["meeting_participants"].append({
                    "id": hashed_id("mp", meeting_id, ref[1]), "meeting_id": meeting_id,
                    **self.party_columns(ref, "participant"), "role": role, "attendance": attendance,
                })

    def party_columns(self, ref: tuple[str, str, str], label: str) -> dict:
        section, db_id, display = ref
        kind = ENTITY_KIND[section]
        columns = {
            f"{label}_kind": kind, "person_id": None, "organisation_id": None, "source_id": None, label: display,
        }
        if label != "party":
            columns["location_id"] = None
        columns[ID_COLUMN_OF_KIND[kind]] = db_id
        return columns

    def attendance_claims(self) -> None:
        for _, item in self.items("attendance_claims"):
            meeting = _text(item["meeting"])
            participant = self.ref(item, "participant", ("people", "organisations", "locations", "anonymous"))
            statement = _text(item["statement"])
            stance = self.choice(item, "stance", STANCES)
            if meeting not in self.meeting_ids:
                self.error(_line(item, "meeting"), f"unknown meeting {meeting!r}")
                continue
            if statement not in self.statement_ids:
                self.error(_line(item, "statement"), f"unknown statement {statement!r}: give the statement an 'id'")
                continue
            if participant and _text(item["participant"]) not in self.meeting_participants[meeting]:
                self.error(_line(item, "participant"), f"{_text(item['participant'])!r} is not a participant of meeting {meeting!r}")
                continue
            if not (participant and stance):
                continue
            self.out.rows["attendance_claims"].append({
                "id": hashed_id("ac", self.meeting_ids[meeting], participant[1], self.statement_ids[statement]),
                "meeting_id": self.meeting_ids[meeting], **self.party_columns(participant, "participant"),
                "statement_id": self.statement_ids[statement], "stance": stance,
            })

    def comment_requests(self) -> None:
        told: dict[str, str] = {}  # id -> response
        for _, item in self.items("comment_requests"):
            party = self.ref(item, "party", ("people", "organisations", "anonymous"))
            response = self.choice(item, "response", RESPONSES)
            placed = self.span(item, "evidence")
            if not (party and response and placed):
                continue
            request_id = hashed_id("cr", self.article.id, party[1], placed[0])
            if told.get(request_id) == response:
                self.error(_line(item), f"the same request for comment twice ({_text(item.get('party'))!r}, {response!r}, the same evidence)")
                continue
            if request_id in told:
                # two answers from one party in one span ("declined to say ... and did not
                # respond to ..."): the second is told apart by its answer; the first keeps the
                # id it has always had
                request_id = hashed_id("cr", self.article.id, party[1], placed[0], response)
            told[request_id] = response
            self.out.rows["comment_requests"].append({
                "id": request_id,
                **self.party_columns(party, "party"), "response": response, **self.provenance(*placed),
            })

    def events(self) -> None:
        for _, item in self.items("events"):
            date, precision = self.date(item)
            placed = self.span(item, "evidence")
            meeting = _text(item.get("meeting"))
            if meeting is not None and meeting not in self.meeting_ids:
                self.error(_line(item, "meeting"), f"unknown meeting {meeting!r}")
            since, planned = item.get("since", False), item.get("planned", False)
            for flag, value in (("since", since), ("planned", planned)):
                if not isinstance(value, bool):
                    self.error(_line(item, flag), f"{flag} must be true or false")
            if placed and _text(item["date_text"]) not in self.text[placed[0] : placed[1]]:
                self.error(_line(item, "date_text"), f"date_text {_text(item['date_text'])!r} does not occur inside the evidence")
                continue
            if not (date and placed):
                continue
            event_id = hashed_id("ev", self.article.id, placed[0], placed[1], date, _text(item["date_text"]))
            if event_id in self.event_ids:  # one row per date, its wording and evidence: a second is the same event
                self.error(_line(item, "date"), f"the same event twice (date {date}, {_text(item['date_text'])!r}, the same evidence)")
                continue
            self.event_ids.add(event_id)
            self.out.rows["events"].append({
                "id": event_id,
                "date": date, "precision": precision, "date_text": _text(item["date_text"]),
                "since": int(since is True), "planned": int(planned is True), "description": _text(item["description"]),
                "meeting_id": self.meeting_ids.get(meeting) if meeting else None, **self.provenance(*placed),
            })


def resolve(doc: dict, article: Article, path: str, origin: str = "curated",
            decisions: Decisions = NO_DECISIONS) -> Resolution:
    """Check an annotation document against its article and turn it into rows.

    :param doc: the parsed annotation (curated YAML or the extractor's draft)
    :param article: the article it annotates
    :param path: the annotation's file name, for messages
    :param origin: ``curated`` or ``automatic``, stored on the article row
    :param decisions: curated decisions about entities across articles (data/entities.yml)
    """
    unknown = [k for k in doc if k not in FIELDS and k != "article"]
    resolver = _Resolver(doc, article, path, origin, decisions)
    for key in unknown:
        resolver.error(_line(doc, key), f"unknown section {key!r}; known: article, {', '.join(FIELDS)}")
    return resolver.run()


def resolve_file(annotation_path: str | Path, article: Article, decisions: Decisions = NO_DECISIONS,
                 data: bytes | None = None) -> Resolution:
    """Read (or take the ``data`` read), check and resolve one curated annotation.
    Raises :class:`InputError`."""
    doc = read_annotation(annotation_path, data)
    result = resolve(doc, article, str(annotation_path), decisions=decisions)
    if result.problems:
        raise InputError(result.problems)
    return result
