-- The archive's only DDL. Every extracted row carries its provenance: the article,
-- the sentence and the character span [start, end) into articles.text.
-- Ids are deterministic text (slugs of names, or hashes of natural keys), so a
-- rebuild gives the same ids. Table and column meanings are described for users in
-- metadata.yml; a test checks that both stay complete.

PRAGMA foreign_keys = ON;

CREATE TABLE articles (
    id TEXT PRIMARY KEY,            -- slug of the article's file name
    title TEXT,
    publisher TEXT,
    published TEXT NOT NULL CHECK (published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    url TEXT,
    language TEXT,
    author TEXT,                    -- byline, when the page or export gives one
    canonical_url TEXT,             -- the page's own canonical URL (link rel=canonical, og:url, JSON-LD)
    retrieved_at TEXT,              -- when loader add fetched the page (ISO 8601, UTC); null for saved files
    text TEXT NOT NULL,             -- the body exactly as in the file; all offsets point into it
    source_file TEXT NOT NULL,      -- path of the raw file, relative to where the build ran
    text_offset INTEGER NOT NULL,   -- where text starts in the raw file (characters)
    sha256 TEXT NOT NULL,           -- of the raw file's bytes
    word_count INTEGER NOT NULL,
    annotation TEXT NOT NULL CHECK (annotation IN ('curated', 'automatic'))
);
CREATE INDEX idx_articles_published ON articles (published);
CREATE INDEX idx_articles_publisher ON articles (publisher);

CREATE TABLE sentences (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id),
    paragraph INTEGER NOT NULL,     -- 1-based, paragraphs are separated by blank lines
    number INTEGER NOT NULL,        -- 1-based position in the article
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL CHECK ("end" >= start),
    text TEXT NOT NULL
);
CREATE INDEX idx_sentences_article_id ON sentences (article_id);

CREATE TABLE locations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('city', 'country', 'region', 'province', 'valley', 'venue')),
    country_code TEXT,              -- ISO 3166-1 alpha-2
    latitude REAL,
    longitude REAL,
    -- how exact the coordinates are: a point, the city's centre, a province's or a
    -- country's centroid (GDELT/ACLED geo precision)
    precision TEXT CHECK (precision IN ('exact', 'city', 'province', 'region', 'country')),
    parent_id TEXT REFERENCES locations (id)
);
CREATE INDEX idx_locations_kind ON locations (kind);
CREATE INDEX idx_locations_country_code ON locations (country_code);
CREATE INDEX idx_locations_parent_id ON locations (parent_id);

CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    acronym TEXT,
    kind TEXT,                      -- free text: government, armed movement, intelligence agency, ...
    country_code TEXT
);
CREATE INDEX idx_organisations_kind ON organisations (kind);
CREATE INDEX idx_organisations_country_code ON organisations (country_code);

CREATE TABLE people (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT
);

-- Every name an entity is known by (full name, surname, acronym, epithet).
CREATE TABLE aliases (
    entity_type TEXT NOT NULL CHECK (entity_type IN ('person', 'organisation', 'location')),
    entity_id TEXT NOT NULL,
    alias TEXT NOT NULL,
    PRIMARY KEY (entity_type, entity_id, alias)
);
CREATE INDEX idx_aliases_alias ON aliases (alias);

-- Roles and memberships, with the sentence that states them (FollowTheMoney Membership).
CREATE TABLE affiliations (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES people (id),
    organisation_id TEXT REFERENCES organisations (id),
    location_id TEXT REFERENCES locations (id),
    role TEXT,
    qualifier TEXT CHECK (qualifier IN ('acting', 'former', 'late', 'senior', 'self-declared')),
    article_id TEXT NOT NULL REFERENCES articles (id),
    sentence_id TEXT NOT NULL REFERENCES sentences (id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX idx_affiliations_person_id ON affiliations (person_id);
CREATE INDEX idx_affiliations_organisation_id ON affiliations (organisation_id);
CREATE INDEX idx_affiliations_location_id ON affiliations (location_id);
CREATE INDEX idx_affiliations_article_id ON affiliations (article_id);
CREATE INDEX idx_affiliations_sentence_id ON affiliations (sentence_id);
CREATE INDEX idx_affiliations_qualifier ON affiliations (qualifier);

-- Who a statement is attributed to, and other parties the article names only by a
-- description. Anonymous rows belong to one article: "the source" in two articles
-- is not the same person.
CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'anonymous')),
    person_id TEXT REFERENCES people (id),
    organisation_id TEXT REFERENCES organisations (id),
    article_id TEXT REFERENCES articles (id),
    description TEXT,
    name TEXT NOT NULL,             -- display name: the person's or organisation's name, or the description
    CHECK ((kind = 'person') = (person_id IS NOT NULL)),
    CHECK (kind != 'organisation' OR organisation_id IS NOT NULL),
    CHECK (kind != 'anonymous' OR (article_id IS NOT NULL AND description IS NOT NULL))
);
CREATE INDEX idx_sources_kind ON sources (kind);
CREATE INDEX idx_sources_person_id ON sources (person_id);
CREATE INDEX idx_sources_organisation_id ON sources (organisation_id);
CREATE INDEX idx_sources_article_id ON sources (article_id);

-- Attribution = source + cue + content (PARC 3.0).
CREATE TABLE statements (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id),
    cue TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('direct', 'indirect', 'mixed')),
    channel TEXT,
    text TEXT NOT NULL,             -- exactly articles.text[start:end]
    sentence_id TEXT NOT NULL REFERENCES sentences (id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL CHECK ("end" > start),
    cue_start INTEGER,              -- span of the cue word(s), when the sentence has them
    cue_end INTEGER
);
CREATE INDEX idx_statements_article_id ON statements (article_id);
CREATE INDEX idx_statements_sentence_id ON statements (sentence_id);
CREATE INDEX idx_statements_cue ON statements (cue);
CREATE INDEX idx_statements_mode ON statements (mode);
CREATE INDEX idx_statements_channel ON statements (channel);

CREATE TABLE statement_sources (
    statement_id TEXT NOT NULL REFERENCES statements (id),
    source_id TEXT NOT NULL REFERENCES sources (id),
    PRIMARY KEY (statement_id, source_id)
);
CREATE INDEX idx_statement_sources_source_id ON statement_sources (source_id);

-- One row per meeting; participants carry roles (CAMEO 04x / PLOVER CONSULT).
CREATE TABLE meetings (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,             -- talks, visit, brokered meeting, chance encounter, ...
    status TEXT NOT NULL CHECK (status IN ('held', 'failed', 'attempted', 'proposed', 'postponed', 'cancelled')),
    location_id TEXT REFERENCES locations (id),
    date TEXT,                      -- ISO prefix: 2021, 2021-08, 2021-08-15; a decade is 199
    date_precision TEXT CHECK (date_precision IN ('day', 'month', 'year', 'decade')),
    date_text TEXT,                 -- the date as the article writes it
    outcome TEXT,
    sentence_id TEXT NOT NULL REFERENCES sentences (id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX idx_meetings_article_id ON meetings (article_id);
CREATE INDEX idx_meetings_sentence_id ON meetings (sentence_id);
CREATE INDEX idx_meetings_kind ON meetings (kind);
CREATE INDEX idx_meetings_status ON meetings (status);
CREATE INDEX idx_meetings_location_id ON meetings (location_id);
CREATE INDEX idx_meetings_date ON meetings (date);

-- A participant is a person, an organisation, a country (through its location) or an
-- unnamed party (an anonymous sources row, e.g. "an Iranian official").
CREATE TABLE meeting_participants (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    participant_kind TEXT NOT NULL CHECK (participant_kind IN ('person', 'organisation', 'location', 'anonymous')),
    person_id TEXT REFERENCES people (id),
    organisation_id TEXT REFERENCES organisations (id),
    location_id TEXT REFERENCES locations (id),
    source_id TEXT REFERENCES sources (id),
    participant TEXT NOT NULL,      -- display name
    role TEXT NOT NULL CHECK (role IN ('delegate', 'host', 'arranger', 'broker', 'mediator', 'observer', 'visitor', 'invitee')),
    attendance TEXT NOT NULL CHECK (attendance IN ('reported', 'confirmed', 'disputed', 'denied')),
    CHECK ((person_id IS NOT NULL) + (organisation_id IS NOT NULL) + (location_id IS NOT NULL) + (source_id IS NOT NULL) = 1)
);
CREATE INDEX idx_meeting_participants_meeting_id ON meeting_participants (meeting_id);
CREATE INDEX idx_meeting_participants_person_id ON meeting_participants (person_id);
CREATE INDEX idx_meeting_participants_organisation_id ON meeting_participants (organisation_id);
CREATE INDEX idx_meeting_participants_location_id ON meeting_participants (location_id);
CREATE INDEX idx_meeting_participants_source_id ON meeting_participants (source_id);
CREATE INDEX idx_meeting_participants_role ON meeting_participants (role);
CREATE INDEX idx_meeting_participants_attendance ON meeting_participants (attendance);

-- Disputed facts are kept, never overwritten: each statement that says someone was
-- (or was not) at a meeting is one claim.
CREATE TABLE attendance_claims (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    participant_kind TEXT NOT NULL CHECK (participant_kind IN ('person', 'organisation', 'location', 'anonymous')),
    person_id TEXT REFERENCES people (id),
    organisation_id TEXT REFERENCES organisations (id),
    location_id TEXT REFERENCES locations (id),
    source_id TEXT REFERENCES sources (id),
    participant TEXT NOT NULL,
    statement_id TEXT NOT NULL REFERENCES statements (id),
    stance TEXT NOT NULL CHECK (stance IN ('confirms', 'denies'))
);
CREATE INDEX idx_attendance_claims_meeting_id ON attendance_claims (meeting_id);
CREATE INDEX idx_attendance_claims_person_id ON attendance_claims (person_id);
CREATE INDEX idx_attendance_claims_organisation_id ON attendance_claims (organisation_id);
CREATE INDEX idx_attendance_claims_location_id ON attendance_claims (location_id);
CREATE INDEX idx_attendance_claims_source_id ON attendance_claims (source_id);
CREATE INDEX idx_attendance_claims_statement_id ON attendance_claims (statement_id);
CREATE INDEX idx_attendance_claims_stance ON attendance_claims (stance);

-- Requests for comment that went unanswered.
CREATE TABLE comment_requests (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id),
    party_kind TEXT NOT NULL CHECK (party_kind IN ('person', 'organisation', 'anonymous')),
    person_id TEXT REFERENCES people (id),
    organisation_id TEXT REFERENCES organisations (id),
    source_id TEXT REFERENCES sources (id),
    party TEXT NOT NULL,
    response TEXT NOT NULL CHECK (response IN ('did not respond', 'could not be reached', 'no comment')),
    sentence_id TEXT NOT NULL REFERENCES sentences (id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    CHECK ((person_id IS NOT NULL) + (organisation_id IS NOT NULL) + (source_id IS NOT NULL) = 1)
);
CREATE INDEX idx_comment_requests_article_id ON comment_requests (article_id);
CREATE INDEX idx_comment_requests_person_id ON comment_requests (person_id);
CREATE INDEX idx_comment_requests_organisation_id ON comment_requests (organisation_id);
CREATE INDEX idx_comment_requests_source_id ON comment_requests (source_id);
CREATE INDEX idx_comment_requests_sentence_id ON comment_requests (sentence_id);
CREATE INDEX idx_comment_requests_response ON comment_requests (response);

-- Dated happenings (TimeML TIMEX3 values anchored to the article date).
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id),
    date TEXT NOT NULL,             -- ISO prefix: 2021, 2021-08, 2021-08-15; a decade is 199
    precision TEXT NOT NULL CHECK (precision IN ('day', 'month', 'year', 'decade')),
    date_text TEXT NOT NULL,
    since INTEGER NOT NULL DEFAULT 0 CHECK (since IN (0, 1)),  -- "since September": from date until the article
    planned INTEGER NOT NULL DEFAULT 0 CHECK (planned IN (0, 1)),  -- planned, expected or threatened, not (yet) happened
    description TEXT NOT NULL,
    meeting_id TEXT REFERENCES meetings (id),
    sentence_id TEXT NOT NULL REFERENCES sentences (id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX idx_events_article_id ON events (article_id);
CREATE INDEX idx_events_sentence_id ON events (sentence_id);
CREATE INDEX idx_events_meeting_id ON events (meeting_id);
CREATE INDEX idx_events_date ON events (date);
CREATE INDEX idx_events_precision ON events (precision);

-- Every occurrence of every entity.
CREATE TABLE mentions (
    id TEXT PRIMARY KEY,
    entity_type TEXT NOT NULL CHECK (entity_type IN ('person', 'organisation', 'location', 'anonymous')),
    entity_id TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id),
    sentence_id TEXT NOT NULL REFERENCES sentences (id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL CHECK ("end" > start),
    surface TEXT NOT NULL
);
CREATE INDEX idx_mentions_entity ON mentions (entity_type, entity_id);
CREATE INDEX idx_mentions_entity_id ON mentions (entity_id);
CREATE INDEX idx_mentions_article_id ON mentions (article_id);
CREATE INDEX idx_mentions_sentence_id ON mentions (sentence_id);

-- Why a wording is stored under an entity that is not named so: a middle initial or a
-- title left out of a person's name (one row across articles), a decision of
-- data/entities.yml, a surname or another wording joined within one article. The
-- analyst's list of merges to check (and undo with data/entities.yml).
CREATE TABLE entity_merges (
    id TEXT PRIMARY KEY,
    entity_type TEXT NOT NULL CHECK (entity_type IN ('person', 'organisation', 'location')),
    entity_id TEXT NOT NULL,
    name TEXT NOT NULL,             -- the wording merged into the entity
    rule TEXT NOT NULL,             -- why
    article_id TEXT NOT NULL REFERENCES articles (id),
    sentence_id TEXT REFERENCES sentences (id)  -- where the article first writes it, if as whole words
);
CREATE INDEX idx_entity_merges_entity ON entity_merges (entity_type, entity_id);
CREATE INDEX idx_entity_merges_article_id ON entity_merges (article_id);
CREATE INDEX idx_entity_merges_rule ON entity_merges (rule);

-- What the automatic pipeline could not do for an article: a stage that raised (its
-- records are empty, the other stages' rows are kept), or items the resolver rejected
-- and that were dropped. Nothing fails silently; `loader build --strict` makes any
-- row here fatal.
CREATE TABLE extraction_failures (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id),
    stage TEXT NOT NULL,            -- the pipeline stage (loader/extract/__init__.py STAGES), parse or resolve
    error TEXT NOT NULL,            -- the exception and where it was raised, or the resolver's problems
    effect TEXT NOT NULL            -- what was lost: the records left empty, or the items dropped
);
CREATE INDEX idx_extraction_failures_article_id ON extraction_failures (article_id);
CREATE INDEX idx_extraction_failures_stage ON extraction_failures (stage);

-- Full-text search, kept in step with its table by triggers.
CREATE VIRTUAL TABLE statements_fts USING FTS5 (text, content=[statements]);
CREATE TRIGGER statements_ai AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER statements_ad AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER statements_au AFTER UPDATE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    INSERT INTO statements_fts (rowid, text) VALUES (new.rowid, new.text);
END;

CREATE VIRTUAL TABLE articles_fts USING FTS5 (title, text, content=[articles]);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

-- Display views: one row per statement and source, and people with their organisations.
CREATE VIEW statements_with_speakers AS
SELECT
    statements.id AS statement_id,
    sources.name AS speaker,
    sources.kind AS speaker_kind,
    statements.cue,
    statements.mode,
    statements.channel,
    statements.text,
    articles.title AS article,
    articles.published,
    statements.article_id,
    sources.id AS source_id,
    statements.sentence_id,
    statements.start,
    statements."end"
FROM statements
JOIN statement_sources ON statement_sources.statement_id = statements.id
JOIN sources ON sources.id = statement_sources.source_id
JOIN articles ON articles.id = statements.article_id;

CREATE VIEW people_organisations AS
SELECT
    people.id AS person_id,
    people.name AS person,
    organisations.name AS organisation,
    affiliations.role,
    affiliations.qualifier,
    affiliations.article_id
FROM affiliations
JOIN people ON people.id = affiliations.person_id
LEFT JOIN organisations ON organisations.id = affiliations.organisation_id;

-- Indexes for sorted pages and canned queries on large archives (bench/serving.py measures them)
-- Table pages sorted by start (metadata.yml sort: start; _next pages add the primary key):
-- without them every page of statements, sentences or mentions sorts the whole table.
CREATE INDEX idx_statements_start ON statements (start, id);
CREATE INDEX idx_sentences_start ON sentences (start, id);
CREATE INDEX idx_mentions_start ON mentions (start, id);
-- who_said_what and statements_by (order by articles.published desc, statements.article_id,
-- statements.start, ...): walk articles by date, then each article's statements in order,
-- instead of sorting the whole join (the planner takes this path once ANALYZE has run).
CREATE INDEX idx_statements_article_start ON statements (article_id, start);
-- places counts mentions.id per location: covering, so no table row is read per mention.
CREATE INDEX idx_mentions_entity_count ON mentions (entity_type, entity_id, id);

-- Indexes for the reading pages (bench/pages.py measures them)
-- Entity pages (plugins/entity_pages.py): "statements about" matches an entity's mentions
-- to the statements whose span holds them, and "articles" counts its mentions per
-- article; both are answered from these two indexes without reading a mention or a
-- statement row.
CREATE INDEX idx_mentions_entity_span ON mentions (entity_type, entity_id, article_id, start, "end");
CREATE INDEX idx_statements_article_span ON statements (article_id, start, "end");
-- The longest statement, which bounds how far before a mention a statement holding it
-- can start (max() on this index is one lookup).
CREATE INDEX idx_statements_length ON statements (("end" - start));
-- An entity's roles in the order its page lists them (by article, then offset), read up
-- to the page's limit instead of sorting all of them (105 ms for the most-quoted
-- person at 1M statements).
CREATE INDEX idx_affiliations_person_order ON affiliations (person_id, article_id, start);
CREATE INDEX idx_affiliations_organisation_order ON affiliations (organisation_id, article_id, start);
CREATE INDEX idx_affiliations_location_order ON affiliations (location_id, article_id, start);

-- Build bookkeeping (loader/build.py, loader/db.py), hidden in metadata.yml: what the
-- archive was built from, so that `loader build` on an existing archive changes only
-- what changed, in one transaction.
CREATE TABLE build_info (
    key TEXT PRIMARY KEY,           -- fingerprint: the code and entity decisions that built it
    value TEXT NOT NULL
);
CREATE TABLE build_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles (id),
    source_file TEXT NOT NULL,
    input_key TEXT NOT NULL         -- hash of the file, its annotation, the decisions and the code
);
-- What each article says about each shared row (people, organisations, locations,
-- aliases, sources): the shared row is merged from these, earliest article first.
CREATE TABLE build_entity_rows (
    table_name TEXT NOT NULL,
    entity_key TEXT NOT NULL,       -- the shared row's primary key, as a JSON array
    published TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id),
    row TEXT NOT NULL,              -- the row as the article gives it (JSON)
    PRIMARY KEY (table_name, entity_key, published, article_id)
) WITHOUT ROWID;
CREATE INDEX idx_build_entity_rows_article_id ON build_entity_rows (article_id);

-- Aggregates kept by the build (loader/db.py, from the definitions in loader/aggregates.py)
-- for the pages that count the whole archive: Datasette's facets and the
-- statements_per_speaker chart would otherwise count a million rows per request
-- (420 ms to seconds at 1M statements, docs/benchmarks.md). A clean build computes
-- them once; an update subtracts the rows of the articles it removes and adds those of
-- the articles it adds, in its one transaction. Hidden in metadata.yml.
CREATE TABLE build_facet_counts (
    table_name TEXT NOT NULL,       -- the table or view a page facets
    column_name TEXT NOT NULL,      -- the faceted column
    value NOT NULL,                 -- a value of the column (nulls are not facet values)
    count INTEGER NOT NULL,         -- rows of the table or view with that value
    PRIMARY KEY (table_name, column_name, value)
) WITHOUT ROWID;
-- a page's facet: its 31 largest counts, read in order (an article_id facet has 20,000 values)
CREATE INDEX idx_build_facet_counts_top ON build_facet_counts (table_name, column_name, count DESC, value);
CREATE TABLE build_row_counts (
    table_name TEXT PRIMARY KEY,    -- a table or view the home page counts, or one of FACETS (loader/aggregates.py)
    rows INTEGER NOT NULL           -- its rows (Datasette counts a view's on every page, a join of a million)
) WITHOUT ROWID;
CREATE TABLE build_speaker_counts (
    source_id TEXT PRIMARY KEY REFERENCES sources (id),
    statements INTEGER NOT NULL     -- statement_sources rows of the source
);
CREATE INDEX idx_build_speaker_counts_statements ON build_speaker_counts (statements);
-- The timeline chart's rows (events that are not meetings, and dated meetings), with the
-- day each is drawn at, in the order the chart reads them: sorting them per request
-- took 250 ms at 1M statements. One row per event or meeting (its id), by article.
CREATE TABLE build_timeline (
    id TEXT PRIMARY KEY,            -- the event's or the meeting's id
    day TEXT NOT NULL,              -- the date drawn: a month, year or decade at its start
    what TEXT NOT NULL,             -- the chart's lane
    label TEXT NOT NULL,
    precision TEXT,
    date_text TEXT,
    article_id TEXT NOT NULL REFERENCES articles (id),
    start INTEGER NOT NULL
);
CREATE INDEX idx_build_timeline_day ON build_timeline (day, article_id, start);
CREATE INDEX idx_build_timeline_article_id ON build_timeline (article_id);
-- The entity pages' first articles and their totals (plugins/entity_pages.py): each
-- person's, organisation's and place's articles with its mentions in each, read newest
-- first from the unique index; the totals of its articles, mentions and the statements
-- about it (a mention inside a statement it did not make, loader/aggregates.py). Counted
-- per request they took most of the 840 ms of the most-quoted person's page at 1M
-- statements. One row per entity and article (by article), one per entity mentioned.
-- No REFERENCES in these tables: a row page counts the rows of every table that
-- references it ("Links from other tables"), and these are not the archive's content.
CREATE TABLE build_entity_articles (
    entity_type TEXT NOT NULL,      -- mentions.entity_type: person, organisation or location
    entity_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    published TEXT,                 -- the article's, for the page's order
    mentions INTEGER NOT NULL,      -- the entity's mentions in the article
    PRIMARY KEY (entity_type, entity_id, article_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX idx_build_entity_articles_newest ON build_entity_articles (entity_type, entity_id, published DESC, article_id);
CREATE INDEX idx_build_entity_articles_article_id ON build_entity_articles (article_id);
CREATE TABLE build_entity_counts (
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    articles INTEGER NOT NULL,      -- articles that mention it
    mentions INTEGER NOT NULL,
    statements_about INTEGER NOT NULL,
    PRIMARY KEY (entity_type, entity_id)
) WITHOUT ROWID;
-- Each source's statements in the order its person's or organisation's page lists them
-- (newest article first, then by offset): the page reads its first rows from here
-- instead of looking up every statement of the source and sorting them (190 ms for an
-- organisation of 8,000 statements at 1M). One row per statement_sources row, by article.
CREATE TABLE build_source_statements (
    source_id TEXT NOT NULL,
    published TEXT NOT NULL,        -- the statement's article's
    article_id TEXT NOT NULL,
    start INTEGER NOT NULL,         -- the statement's
    statement_id TEXT NOT NULL,
    PRIMARY KEY (source_id, published DESC, article_id, start, statement_id)
) WITHOUT ROWID;
CREATE INDEX idx_build_source_statements_article_id ON build_source_statements (article_id);
-- The statements about each person, organisation and place (one of its mentions inside
-- the statement's span), in the order its page lists them: read to the page's limit
-- instead of matching all of its mentions to statements per request (300 to 400 ms for
-- the most-mentioned at 1M statements). One row per entity and statement, by article.
CREATE TABLE build_entity_statements (
    entity_type TEXT NOT NULL,      -- person, organisation or location
    entity_id TEXT NOT NULL,
    published TEXT NOT NULL,        -- the statement's article's
    article_id TEXT NOT NULL,
    start INTEGER NOT NULL,         -- the statement's
    statement_id TEXT NOT NULL,
    made INTEGER NOT NULL,          -- 1 when the entity is one of the statement's sources
    PRIMARY KEY (entity_type, entity_id, published DESC, article_id, start, statement_id)
) WITHOUT ROWID;
CREATE INDEX idx_build_entity_statements_article_id ON build_entity_statements (article_id);
