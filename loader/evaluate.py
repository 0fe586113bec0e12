"""Comparing the automatic pipeline's rows with the curated rows of the same article.

For each area the predicted records are matched one-to-one (greedily, in text order)
with the curated ones, and precision, recall and F1 are computed; the curated records
left unmatched are the misses, the predicted ones the false hits.

Matching rules:

* people, organisations, locations: the same normalised name or alias (``aliases`` rows);
* statements: a speaker in common (the same entity, or an anonymous source whose
  description or later references overlap in the text) and texts whose character spans
  overlap by at least half of the shorter;
* meetings: the same location or overlapping evidence, and compatible kinds (a visit
  only matches a visit);
* attendance claims: matched meeting, the same participant and the same stance;
* requests for comment: the same party and the same response;
* dated events: the same date value and evidence touching a common sentence;

and the stricter areas the issue's targets name:

* speakers_right: of the statements whose texts match (half of the shorter), the share
  whose speaker is right (``tp`` right, ``fp`` wrong; read its precision);
* meetings_detailed: a meeting matched as above whose place agrees too (the same place,
  or none on both sides) and whose participants agree (F1 of the two participant sets at
  least 0.5, or none on both sides);
* affiliations: the same person, the same body (an organisation or a place given on both
  sides and equal, none given on both sides contradicting, or no body on either side),
  and roles sharing a word (or no role on one side).
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from .annotations import Resolution
from .vocabulary import NAMED_KINDS, TABLE_OF_KIND

AREAS = ("people", "organisations", "locations", "statements", "speakers_right", "meetings",
         "meetings_detailed", "attendance_claims", "comment_requests", "events", "affiliations")


@dataclass
class Score:
    """One area's counts and the records behind the errors."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    false_hits: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        self.misses += other.misses
        self.false_hits += other.false_hits


def norm(name: str) -> str:
    """Case, accents, apostrophes, a leading "the" and a possessive do not matter."""
    folded = unicodedata.normalize("NFKD", name.replace("’", "'"))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold().strip()
    if folded.startswith("the "):
        folded = folded[4:]
    if folded.endswith("'s"):
        folded = folded[:-2]
    return " ".join(folded.replace(".", "").split())


class _Side:
    """Lookups over one resolution's rows."""

    def __init__(self, resolution: Resolution):
        rows = resolution.rows
        self.rows = rows
        self.names: dict[tuple[str, str], set[str]] = {}
        for table, kind in (("people", "person"), ("organisations", "organisation"), ("locations", "location")):
            for row in rows[table]:
                self.names[(kind, row["id"])] = {norm(row["name"])}
        for row in rows["aliases"]:
            self.names.setdefault((row["entity_type"], row["entity_id"]), set()).add(norm(row["alias"]))
        self.sources = {row["id"]: row for row in rows["sources"]}
        self.anon_spans: dict[str, list[tuple[int, int]]] = {}
        for row in rows["mentions"]:
            if row["entity_type"] == "anonymous":
                self.anon_spans.setdefault(row["entity_id"], []).append((row["start"], row["end"]))
        self.speakers: dict[str, list[str]] = {}
        for row in rows["statement_sources"]:
            self.speakers.setdefault(row["statement_id"], []).append(row["source_id"])
        self.participants: dict[str, list[tuple[str, str | None]]] = {}
        for row in rows["meeting_participants"]:
            self.participants.setdefault(row["meeting_id"], []).append(self.row_party(row, "participant"))
        self.sentences = sorted((row["start"], row["end"]) for row in rows["sentences"])
        self.sentence_starts = [s for s, _ in self.sentences]

    def party(self, kind: str, entity_id: str | None) -> tuple[str, str | None]:
        return (kind, entity_id)

    def source_party(self, source_id: str) -> tuple[str, str | None]:
        row = self.sources.get(source_id, {})
        if row.get("kind") == "anonymous":
            return ("anonymous", source_id)
        kind = row.get("kind", "person")
        return (kind, row.get("person_id") or row.get("organisation_id"))

    def row_party(self, row: dict, label: str) -> tuple[str, str | None]:
        kind = row[f"{label}_kind"]
        column = {"person": "person_id", "organisation": "organisation_id", "location": "location_id", "anonymous": "source_id"}[kind]
        return (kind, row[column])

    def display(self, party: tuple[str, str | None]) -> str:
        kind, entity_id = party
        if kind == "anonymous":
            return str(self.sources.get(entity_id, {}).get("description"))
        if kind in NAMED_KINDS:
            for row in self.rows[TABLE_OF_KIND[kind]]:
                if row["id"] == entity_id:
                    return row["name"]
        return str(entity_id)

    def sentence_set(self, start: int, end: int) -> set[int]:
        first = max(0, bisect.bisect_right(self.sentence_starts, start) - 1)
        last = max(0, bisect.bisect_right(self.sentence_starts, max(start, end - 1)) - 1)
        return set(range(first, last + 1))


def _overlap_half(a: tuple[int, int], b: tuple[int, int]) -> bool:
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shorter > 0 and overlap * 2 >= shorter


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _match(pred: list, gold: list, same: Callable[[object, object], bool], show_pred: Callable, show_gold: Callable) -> tuple[Score, dict[int, int]]:
    score, pairs, used = Score(), {}, set()
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if j not in used and same(p, g):
                used.add(j)
                pairs[i] = j
                break
    score.tp = len(pairs)
    score.fp = len(pred) - len(pairs)
    score.fn = len(gold) - len(pairs)
    score.false_hits = [show_pred(p) for i, p in enumerate(pred) if i not in pairs]
    score.misses = [show_gold(g) for j, g in enumerate(gold) if j not in used]
    return score, pairs


class _Comparison:
    def __init__(self, predicted: Resolution, curated: Resolution):
        self.p, self.g = _Side(predicted), _Side(curated)

    def same_party(self, a: tuple[str, str | None], b: tuple[str, str | None]) -> bool:
        if a[0] != b[0]:
            return False
        if a[0] == "anonymous":
            return any(_overlaps(x, y) for x in self.p.anon_spans.get(a[1], []) for y in self.g.anon_spans.get(b[1], []))
        return bool(self.p.names.get(a, set()) & self.g.names.get(b, set()))

    def entities(self, table: str, kind: str) -> Score:
        pred = [(kind, row["id"]) for row in self.p.rows[table]]
        gold = [(kind, row["id"]) for row in self.g.rows[table]]
        score, _ = _match(pred, gold, self.same_party, self.p.display, self.g.display)
        return score

    def statements(self) -> tuple[Score, dict[str, str]]:
        pred, gold = self.p.rows["statements"], self.g.rows["statements"]

        def same(a: dict, b: dict) -> bool:
            return _overlap_half((a["start"], a["end"]), (b["start"], b["end"])) and any(
                self.same_party(self.p.source_party(x), self.g.source_party(y))
                for x in self.p.speakers.get(a["id"], []) for y in self.g.speakers.get(b["id"], []))

        def show(side: _Side) -> Callable[[dict], str]:
            return lambda row: " + ".join(side.display(side.source_party(s)) for s in side.speakers.get(row["id"], [])) + f" {row['cue']}: {row['text'][:90]}"

        score, pairs = _match(pred, gold, same, show(self.p), show(self.g))
        return score, {pred[i]["id"]: gold[j]["id"] for i, j in pairs.items()}

    def speakers_right(self) -> Score:
        """Statements paired by their text alone; right (tp) when a speaker is in common, else wrong (fp)."""
        pred, gold = self.p.rows["statements"], self.g.rows["statements"]
        _, pairs = _match(pred, gold, lambda a, b: _overlap_half((a["start"], a["end"]), (b["start"], b["end"])),
                          str, str)
        score = Score()
        for i, j in pairs.items():
            a, b = pred[i], gold[j]
            right = any(self.same_party(self.p.source_party(x), self.g.source_party(y))
                        for x in self.p.speakers.get(a["id"], []) for y in self.g.speakers.get(b["id"], []))
            if right:
                score.tp += 1
            else:
                score.fp += 1
                who = lambda side, row: " + ".join(side.display(side.source_party(x)) for x in side.speakers.get(row["id"], []))
                score.false_hits.append(f"{who(self.p, a)} instead of {who(self.g, b)}: {a['text'][:80]}")
        return score

    def meetings_detailed(self) -> Score:
        pred, gold = self.p.rows["meetings"], self.g.rows["meetings"]

        def same(a: dict, b: dict) -> bool:
            if bool(a["location_id"]) != bool(b["location_id"]) or not compatible_kinds(a["kind"], b["kind"]):
                return False
            same_place = a["location_id"] and self.same_party(("location", a["location_id"]), ("location", b["location_id"]))
            if a["location_id"] and not same_place:
                return False
            if not (same_place or _overlaps((a["start"], a["end"]), (b["start"], b["end"]))):
                return False
            mine, theirs = self.p.participants.get(a["id"], []), self.g.participants.get(b["id"], [])
            if not mine and not theirs:
                return True
            common = sum(1 for x in mine if any(self.same_party(x, y) for y in theirs))
            return 2 * common >= 0.5 * (len(mine) + len(theirs))

        def show(side: _Side) -> Callable[[dict], str]:
            return lambda row: (f"{row['kind']} ({row['status']}) {row['name']} at {side.display(('location', row['location_id'])) if row['location_id'] else '-'}"
                                f" with {', '.join(side.display(x) for x in side.participants.get(row['id'], [])) or '-'}")

        score, _ = _match(pred, gold, same, show(self.p), show(self.g))
        return score

    def affiliations(self) -> Score:
        def same(a: dict, b: dict) -> bool:
            if not self.same_party(("person", a["person_id"]), ("person", b["person_id"])):
                return False
            # the same body: an organisation or a place both sides give, or none on both sides
            pairs = [(kind, a[column], b[column]) for column, kind in (("organisation_id", "organisation"), ("location_id", "location"))]
            if any(x or y for _, x, y in pairs):
                if not any(x and y and self.same_party((kind, x), (kind, y)) for kind, x, y in pairs):
                    return False
                if any(x and y and not self.same_party((kind, x), (kind, y)) for kind, x, y in pairs):
                    return False
            if a["role"] and b["role"]:
                return bool(set(norm(a["role"]).split()) & set(norm(b["role"]).split()))
            return True

        def show(side: _Side) -> Callable[[dict], str]:
            def text(row: dict) -> str:
                where = row["organisation_id"] and side.display(("organisation", row["organisation_id"])) \
                    or row["location_id"] and side.display(("location", row["location_id"])) or "-"
                return f"{side.display(('person', row['person_id']))}: {row['qualifier'] or ''} {row['role'] or '-'} of {where}"
            return text

        score, _ = _match(self.p.rows["affiliations"], self.g.rows["affiliations"], same, show(self.p), show(self.g))
        return score

    def meetings(self) -> tuple[Score, dict[str, str]]:
        pred, gold = self.p.rows["meetings"], self.g.rows["meetings"]

        def same(a: dict, b: dict) -> bool:
            same_place = a["location_id"] and b["location_id"] and self.same_party(("location", a["location_id"]), ("location", b["location_id"]))
            return bool(same_place or _overlaps((a["start"], a["end"]), (b["start"], b["end"]))) and compatible_kinds(a["kind"], b["kind"])

        def show(side: _Side) -> Callable[[dict], str]:
            return lambda row: f"{row['kind']} ({row['status']}) {row['name']}"

        score, pairs = _match(pred, gold, same, show(self.p), show(self.g))
        return score, {pred[i]["id"]: gold[j]["id"] for i, j in pairs.items()}

    def attendance(self, meeting_pairs: dict[str, str], statement_pairs: dict[str, str]) -> Score:
        pred, gold = self.p.rows["attendance_claims"], self.g.rows["attendance_claims"]

        def same(a: dict, b: dict) -> bool:
            return (meeting_pairs.get(a["meeting_id"]) == b["meeting_id"] and a["stance"] == b["stance"]
                    and self.same_party(self.p.row_party(a, "participant"), self.g.row_party(b, "participant")))

        def show(side: _Side) -> Callable[[dict], str]:
            return lambda row: f"{side.display(side.row_party(row, 'participant'))} {row['stance']}"

        score, _ = _match(pred, gold, same, show(self.p), show(self.g))
        return score

    def comment_requests(self) -> Score:
        def same(a: dict, b: dict) -> bool:
            return a["response"] == b["response"] and self.same_party(self.p.row_party(a, "party"), self.g.row_party(b, "party"))

        def show(side: _Side) -> Callable[[dict], str]:
            return lambda row: f"{side.display(side.row_party(row, 'party'))}: {row['response']}"

        score, _ = _match(self.p.rows["comment_requests"], self.g.rows["comment_requests"], same, show(self.p), show(self.g))
        return score

    def events(self) -> Score:
        def same(a: dict, b: dict) -> bool:
            return str(a["date"]) == str(b["date"]) and bool(
                self.p.sentence_set(a["start"], a["end"]) & self.g.sentence_set(b["start"], b["end"]))

        def show(row: dict) -> str:
            return f"{row['date']} ({row['date_text']}): {row['description'][:80]}"

        score, _ = _match(self.p.rows["events"], self.g.rows["events"], same, show, show)
        return score


def compatible_kinds(a: str, b: str) -> bool:
    """A visit is a different happening from talks; every other kind of meeting is talks of some sort."""
    return ("visit" in a.lower()) == ("visit" in b.lower())


def evaluate(predicted: Resolution, curated: Resolution) -> dict[str, Score]:
    """Scores per area (see the module docstring) of ``predicted`` against ``curated``."""
    c = _Comparison(predicted, curated)
    statements, statement_pairs = c.statements()
    meetings, meeting_pairs = c.meetings()
    return {
        "people": c.entities("people", "person"),
        "organisations": c.entities("organisations", "organisation"),
        "locations": c.entities("locations", "location"),
        "statements": statements,
        "speakers_right": c.speakers_right(),
        "meetings": meetings,
        "meetings_detailed": c.meetings_detailed(),
        "attendance_claims": c.attendance(meeting_pairs, statement_pairs),
        "comment_requests": c.comment_requests(),
        "events": c.events(),
        "affiliations": c.affiliations(),
    }


def pooled(results: list[dict[str, Score]]) -> dict[str, Score]:
    """Counts summed over several articles (micro-average)."""
    total = {area: Score() for area in AREAS}
    for result in results:
        for area in AREAS:
            total[area].add(result[area])
    return total


def format_report(scores: dict[str, Score], title: str = "", details: bool = True) -> str:
    """A plain-text table of P/R/F1 per area, then the misses and false hits."""
    lines = [title] if title else []
    lines.append(f"  {'area':<18} {'P':>5} {'R':>5} {'F1':>5}   tp  fp  fn")
    for area in AREAS:
        s = scores[area]
        lines.append(f"  {area:<18} {s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f}  {s.tp:3d} {s.fp:3d} {s.fn:3d}")
    if details:
        for area in AREAS:
            s = scores[area]
            for label, items in (("missed", s.misses), ("false hit", s.false_hits)):
                for item in items:
                    lines.append(f"  {area} {label}: {item}")
    return "\n".join(lines)
