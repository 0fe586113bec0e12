"""The archive's vocabulary, defined once: the kinds of entity and the tables they live
in, and the allowed values of every column that schema.sql restricts with a CHECK list
(tests/test_vocabulary.py ties each tuple here to its CHECK list, so they cannot drift).
"""

from __future__ import annotations

TABLES = (
    "articles", "sentences", "locations", "organisations", "people", "aliases", "affiliations",
    "sources", "statements", "statement_sources", "meetings", "meeting_participants",
    "attendance_claims", "comment_requests", "events", "mentions", "entity_merges", "extraction_failures",
)  # in foreign-key order

# kind of entity <-> its table (and its section in an annotation); anonymous parties
# are rows of sources
TABLE_OF_KIND = {"person": "people", "organisation": "organisations", "location": "locations", "anonymous": "sources"}
# annotation section -> kind (an annotation's anonymous parties have their own section)
KIND_OF_SECTION = {"people": "person", "organisations": "organisation", "locations": "location", "anonymous": "anonymous"}
SECTION_OF_KIND = {kind: section for section, kind in KIND_OF_SECTION.items()}
NAMED_KINDS = ("person", "organisation", "location")  # entities with names, ids across articles
# the column of a party's id, by its kind (meeting participants, requests for comment)
ID_COLUMN_OF_KIND = {"person": "person_id", "organisation": "organisation_id", "location": "location_id",
                     "anonymous": "source_id"}

# allowed values: (table, column) -> values, as in schema.sql's CHECK lists
ORIGINS = ("curated", "automatic")
LOCATION_KINDS = ("city", "country", "region", "province", "valley", "venue")
PRECISIONS = ("exact", "city", "province", "region", "country")
QUALIFIERS = ("acting", "former", "late", "senior", "self-declared")
SOURCE_KINDS = ("person", "organisation", "anonymous")
MODES = ("direct", "indirect", "mixed")
STATUSES = ("held", "failed", "attempted", "proposed", "postponed", "cancelled")
DATE_PRECISIONS = ("day", "month", "year", "decade")
PARTICIPANT_KINDS = ("person", "organisation", "location", "anonymous")
ROLES = ("delegate", "host", "arranger", "broker", "mediator", "observer", "visitor", "invitee")
ATTENDANCE = ("reported", "confirmed", "disputed", "denied")
STANCES = ("confirms", "denies")
PARTY_KINDS = ("person", "organisation", "anonymous")
RESPONSES = ("did not respond", "could not be reached", "no comment")

CHECKED = {
    ("articles", "annotation"): ORIGINS,
    ("locations", "kind"): LOCATION_KINDS,
    ("locations", "precision"): PRECISIONS,
    ("aliases", "entity_type"): NAMED_KINDS,
    ("affiliations", "qualifier"): QUALIFIERS,
    ("sources", "kind"): SOURCE_KINDS,
    ("statements", "mode"): MODES,
    ("meetings", "status"): STATUSES,
    ("meetings", "date_precision"): DATE_PRECISIONS,
    ("meeting_participants", "participant_kind"): PARTICIPANT_KINDS,
    ("meeting_participants", "role"): ROLES,
    ("meeting_participants", "attendance"): ATTENDANCE,
    ("attendance_claims", "participant_kind"): PARTICIPANT_KINDS,
    ("attendance_claims", "stance"): STANCES,
    ("comment_requests", "party_kind"): PARTY_KINDS,
    ("comment_requests", "response"): RESPONSES,
    ("events", "precision"): DATE_PRECISIONS,
    ("mentions", "entity_type"): PARTICIPANT_KINDS,
    ("entity_merges", "entity_type"): NAMED_KINDS,
}
