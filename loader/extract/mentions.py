"""Stage 3: named mentions of people, organisations and places.

Input: the parsed doc and the article; output: :class:`Mention` spans with a label
(PERSON, ORG, LOC) and where they came from. The model's entities are the base; small
rules add what the small model misses in news text:

* an acronym in parentheses names the words before it ("Tehreek i Taliban Pakistan (TTP)");
* a capitalised name holding an organisation word ("... Workers’ Union", "Harbour Ledger");
* a nationality or name before a lowercase institution noun ("the Pakistani government");
* a capitalised name after "member of", "leader of", ... ("a senior member of Hezb-i Islami");
* multi-word place names with particles that the gazetteer knows ("Viana do Castelo");
* the publisher named in the text (its name or its first word: "(Meridian)").

Overlaps are settled in favour of rules, then of longer spans.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache
from dataclasses import dataclass, replace

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from ..articles import Article
from .records import keep_non_overlapping
from .normalize import trim_name
from .places import DATELINE, certain_place, is_demonym, strong_place

LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "NORP"}

# Words that make a capitalised name an organisation's.
ORG_WORDS = frozenset("""
union federation institute institution centre center party front corps alliance authority agency
service services council committee commission ministry department bank company corporation corp inc
ltd group lines airlines airways association movement network organisation organization university
college foundation fund court parliament assembly congress senate army navy force forces police municipality
school academy
ledger times post news journal herald tribune gazette telegraph guardian weekly daily television radio
press wire agency broadcasting channel media club league board bureau office coalition trust
chronicle observer courier inquirer examiner mirror express star sun globe
guild society chamber syndicate cooperative co-operative federation confederation
shipping homes mining energy oil gas petroleum steel motors holdings partners capital industries
logistics foods pharmaceuticals resources telecom bancorp insurance airport authority
copper coal metals minerals cement chemicals electronics technologies software biotech
research consulting consultancy analytics associates ventures labs laboratories diagnostics therapeutics brewery
rangers rovers wanderers athletic atlético atletico deportivo liga fc afc cf
instituto istituto institut universidad università universidade université universität banco banca partido partito
movimiento movimento fundación fundação fondazione stiftung asociación associação associazione comité comitato
ministerio ministero ministère consejo consiglio conseil tribunale gruppo grupo verein gesellschaft
banque société compagnie groupe fédération caisse crédit sindicato sindacato syndicat confederación confédération
frontières colectivo coletivo collectif forum caucus
administration tribunal secretariat directorate inspectorate
""".split())  # bodies, companies and outlets: the head words of their names in English news (and the
# first words of names in the other European languages news quotes: "Instituto X", "Banco Y")
# Head nouns of the names of buildings, sites and streets: such a name is a place (a venue),
# not a person or an organisation ("the Adler Planetarium", "Museum of Flight", "Castle Road").
VENUE_HEADS = frozenset("""
museum gallery station airport stadium arena hall hospital park square street road avenue boulevard
bridge memorial palace tower cathedral mosque temple planetarium base theatre theater cemetery facility
chapel abbey basilica synagogue shrine courthouse hotel motel quay pier wharf
""".split())
# First words of venues' names in other languages, common in news from abroad ("Estadio X",
# "Palais des Sports", "Piazza Y").
VENUE_LEADS = frozenset("palais palacio palazzo estadio estádio stade stadio teatro théâtre plaza piazza praça hotel "
                        "rua calle avenida avinguda rue jalan rambla".split())  # (and streets: "Rua Augusta", "Jalan Satok"; not
# "Via", an English word at a sentence start: "Via Twitter, she said")
# A church is a building ("St Anne's Church", "the Harbour Church") unless its name is a
# denomination's, a body ("the Methodist Church", "the Church of England", "the Free Church").
_DENOMINATION = re.compile(r"(?:ist|an|ic|al|ox)\Z|\A(?:united|free|reformed|unification|mormon|universal|national|state|world|christian|church)\Z")


def _church_building(name: str) -> bool:
    words = name.split()
    return len(words) >= 2 and words[-1] == "Church" and not re.search(r"\s(?:of|for)\s", name) \
        and not any(_DENOMINATION.search(w.strip("’'.").lower()) for w in words[:-1])
# Head nouns of names of things the archive does not keep (studies, programmes, events,
# works, products): a name ending so is not a person, an organisation or a place.
NOT_ENTITY_HEADS = frozenset("""
study survey program programme project system systems award awards prize festival championship
championships cup tournament series album film shuttle fair expo exhibition show
telescope satellite spacecraft rover
""".split())
# Words before a name that make it a weather event's ("Storm Babet", "Hurricane Ian"), not a person's.
STORM_LEADS = frozenset("storm hurricane typhoon cyclone".split())


# Centres that are buildings or sites ("the Metro Convention Centre", "the Space Center"),
# unlike research or policy centres, which are bodies.
_BUILDING_CENTRE = re.compile(r"\b(?:Convention|Conference|Exhibition|Shopping|Medical|Visitor|Visitors|Space|Science|Trade|"
                              r"Community|Sports|Leisure|Arts|Cultural|Civic|Aquatic|Detention|Transit)\s+Cent(?:er|re)\b")


def is_venue_name(name: str) -> bool:
    """A building's or site's name: headed by a venue noun, or a centre that is a building."""
    return " " in name and (name_head(name) in VENUE_HEADS or name.split()[0].lower() in VENUE_LEADS
                            or bool(_BUILDING_CENTRE.search(name)) or _church_building(name)
                            or bool(re.search(r"\bCourt House\Z", name)))


def name_head(name: str) -> str:
    """The head word of a name: its last word before any "of" ("Museum of Flight" -> museum)."""
    words = re.split(r"\s+of\s+", name, maxsplit=1)[0].split()
    # (a number joined to the head is no part of it: "Hangar-2")
    return re.sub(r"-\d+\Z", "", words[-1].strip("’'.,")).lower() if words else ""


# Lowercase institution nouns after a nationality or a name: "the Pakistani government".
INSTITUTION_NOUNS = frozenset("government embassy network ministry army military parliament navy militia police".split())
# The political families whose names stand before "government" in news.
PARTY_FAMILIES = frozenset("conservative liberal labour labor socialist communist republican democratic democrat green "
                           "nationalist centrist coalition tory".split())
# Roles whose "of X" names an organisation.
ROLE_OF = r"(?:member|members|leader|leaders|head|chief|chairman|chairwoman|chair|founder|spokesperson|spokesman|spokeswoman|commander|secretary|director|president)"
# Lowercase joining words inside multi-word place names in the Romance, Arabic and English
# naming traditions ("Viana do Castelo", "Stratford-upon-Avon").
PARTICLES = r"(?:do|da|de|del|dos|das|di|du|la|le|el|al|on|upon)"
_CAP_WORD = r"[A-Z][\w’'.&-]*"
# the words before a minister's portfolio ("Minister of", "Minister for the", "Minister of State for")
_MINISTER_FOR = r"\b[Mm]inisters?\s+(?:of\s+[Ss]tate\s+)?(?:of|for)\s+(?:the\s+)?"
MINISTER_OF = re.compile(_MINISTER_FOR + r"\Z")
# ... and before its second part ("Minister for Energy and Mineral Resources")
MINISTER_OF_AND = re.compile(_MINISTER_FOR + r"(?:[A-Z][\w’'-]*,?\s+)+(?:and|&)\s+\Z")
# a body's own name, which a portfolio is not ("the Department of Health")
MINISTRY_NAME = re.compile(r"\b(?:Ministry|Department|Office)\b")
# A run of capitalised words with the joining words of bodies' names ("Council for the Welfare of X",
# "Committee on Y", "Department of Health and Human Services", "Space and Rocket Center"):
# split at "and" / "&" afterwards (see _org_parts), since "and" also joins two names.
# (and the joining words of names in the other European languages: "Colectivo X por los
# Derechos Humanos", "Banco de la Nación", "Istituto per la Ricerca", "Stiftung für Y")
_FOREIGN_JOIN = r"(?:de|del|della|delle|degli|dei|di|da|do|dos|das|du|des|por|para|pour|per|für|pela|pelo)(?:[ \t]+(?:la|las|los|le|les|el|lo|die|der|das))?"
_ORG_SEQ = re.compile(rf"{_CAP_WORD}(?:[ \t]+(?:(?:of|for|on|i|of the|for the|on the|and|&|{_FOREIGN_JOIN}|\d{{1,2}})[ \t]+)?{_CAP_WORD})*")  # "Movimento 5 Stelle"
# a university's campus is part of its name ("the University of X at Y")
_CAMPUS = re.compile(rf"\s+at\s+{_CAP_WORD}(?:\s+{_CAP_WORD})?")
_DATE_WORDS = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday""".split())
_AND = re.compile(r"\s+(?:and|&)\s+")


def _has_org_word(words: str) -> bool:
    return any(w.strip("’'.").lower() in ORG_WORDS for w in words.split())


def _org_parts(text: str, start: int, end: int, person_starts: list[int],
               model_spans: tuple[tuple[int, int], ...] = ()) -> list[tuple[int, int]]:
    """A capitalised run cut at each "and" that joins two names: an "and" stays inside one
    name only when exactly one side holds an organisation word (the other is part of the same
    name: "Trade and Industry Ministry", "Union of X and Y") and the side after it is no
    place and no person's name ("the Harbour Council and Portugal", "... Union and Ana Ruiz")."""
    # "on" belongs to a body's name only after its organisation word ("Committee on Human
    # Rights"), not before a date or a code ("the X Center on April 12", "... on STS-1")
    for on in re.finditer(r"\s+on(?: the)?\s+", text[start:end]):
        before = text[start:start + on.start()].split()[-1].lower()
        after = text[start + on.end():end].split()[0]
        if before not in ORG_WORDS or after.rstrip(".,").lower() in _DATE_WORDS or any(ch.isdigit() for ch in after):
            end = start + on.start()
            break
    # "for the" between two bodies' names ("a poll by X Research for the Y Tribune") joins two
    # names, not one: "Council for the Welfare of X" has no body's word after its "for", and a
    # bare "for" is inside one name ("the Northern Centre for Health Research")
    for cut in re.finditer(r"\s+for the\s+", text[start:end]):
        left, right = text[start:start + cut.start()], text[start + cut.end():end]
        right = re.split(r"[.;:]\s", right)[0]  # (up to a sentence end inside the run)
        if left.split() and left.split()[-1].strip("’'.").lower() in ORG_WORDS and right.split() \
                and right.split()[-1].strip("’'.").lower() in ORG_WORDS and not re.search(r"\s(?:of|for)\s", right):
            return _org_parts(text, start, start + cut.start(), person_starts, model_spans) \
                + _org_parts(text, start + cut.end(), end, person_starts, model_spans)
    cuts = list(_AND.finditer(text, start, end))
    parts, begin = [], start
    for i, cut in enumerate(cuts):
        nxt = cuts[i + 1].start() if i + 1 < len(cuts) else end
        left, right = text[begin:cut.start()], text[cut.end():nxt]
        keep = _has_org_word(left) != _has_org_word(right) and strong_place(right) is None \
            and cut.end() not in person_starts
        # the model's names decide where they are clear: one name of the model across the "and"
        # ("the Council for Scientific and Industrial Research") is one name; a name of the
        # model starting right after it ("Barclays and Deutsche Bank") is another, unless what
        # stands before the "and" ends after a joining word ("the Office of Coastal and Marine
        # Affairs": no name ends so)
        if any(a < cut.start() and cut.end() < b for a, b in model_spans):
            keep = True
        elif any(a == cut.end() for a, _ in model_spans) and not re.search(r"\s(?:of|for|on)\s", left):
            keep = False
        if not keep:
            parts.append((begin, cut.start()))
            begin = cut.end()
    parts.append((begin, end))
    return parts

_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")
_ROLE_OF = re.compile(rf"\b{ROLE_OF}\s+(?:of|for|at)\s+(?:the\s+)?({_CAP_WORD}(?:\s+{_CAP_WORD})*)")
_BODY_ROLE = re.compile(r"(?<![\w’'.-])([A-Z][a-z]+[A-Z]?[a-z]*)\s+(?:co-founder|founder|creator|spokesperson|spokesman|spokeswoman|"
                        r"chief executive|executives?|shareholders|employees|engineers)\b")
_PLACE_WITH_PARTICLES = re.compile(rf"{_CAP_WORD}(?:\s+{PARTICLES}\s+{_CAP_WORD})+")
# joining words that may sit between an acronym's initials: English, Romance, and the Arabic,
# Persian and Urdu name links ("ul", "ud", "i", "e", "bin") common in South and West Asian names
_SMALL_WORDS = frozenset("i e ul ud al el bin ibn of for and the to de du des la le y".split())


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    label: str  # PERSON, ORG, LOC, NORP
    origin: str  # "model" or the rule's name
    text: str
    model_label: str = ""  # the model's own label (GPE, LOC, FAC...), when it found it


# A full stop then a capital is a sentence end inside a span ("... Party. The"), unless the
# word before it is an initial ("Steven F. Udvar") or a short abbreviation ("Dr.", "St.").
_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z][a-z])\.\s+(?=[A-Z“\"])")
# Titles and ranks that stand before a name in news: they are the person's role, not their name.
TITLES = frozenset("""
mr mrs ms miss dr prof professor sir dame lord lady president vice prime minister chancellor governor senator
sen rep representative congressman congresswoman mayor judge justice chairman chairwoman chair chief
secretary general lieutenant colonel col major maj captain capt commander sergeant sgt admiral brigadier
spokesperson spokesman spokeswoman director ambassador king queen prince princess pope bishop archbishop
father rev reverend sheikh imam rabbi deputy undersecretary superintendent inspector officer coach
councillor councilor alderman assemblyman assemblywoman commissioner constable detective magistrate
attorney adv advocate pastor premier executive speaker supt insp cardinal headteacher headmaster headmistress emir sultan
elder canon deacon monsignor ayatollah assistant acting former vice-president vice-chancellor vice-chair
vice-chairman vice-chairwoman president-elect mayor-elect ceo cfo dci incumbent manager striker midfielder defender
goalkeeper winger forward administrator cllr datuk datin dato tun counsel
""".split())

# "(Reporting by X; Editing by Y)": the credit line of a wire story names its staff
CREDITS = {"reporting": "reporter", "writing": "writer", "editing": "editor", "photography": "photographer",
           "compiled": "compiler", "compiling": "compiler", "edited": "editor", "written": "writer", "reported": "reporter"}
# Heads of role phrases in news: offices, posts and memberships.
ROLE_NOUNS = frozenset("""
minister president vice-president chairman chairwoman chair chairperson chief executive director
secretary spokesperson spokesman spokeswoman leader head member founder co-founder commander
ambassador envoy governor mayor senator representative deputy official officer adviser advisor
manager coach captain editor correspondent professor lecturer researcher economist analyst
lawyer attorney judge prosecutor counsel chancellor premier king queen prince general colonel
negotiator mediator diplomat delegate candidate councillor councilor lawmaker legislator
owner partner treasurer administrator commissioner superintendent inspector principal dean rector
caretaker advocate agent aide assistant fellow employee staffer engineer columnist presenter pundit commentator
producer player goalkeeper striker midfielder defender winger journalist reporter scientist accountant auditor consultant clerk emir sheikh cleric bishop pastor imam rabbi campaigner activist organiser organizer
CEO CFO COO chief boss president-elect speaker whip secretary-general counterpart resident
detective sergeant constable lieutenant brigadier admiral
""".split())
# the words for what a person is, before or after a full name in apposition ("The party's leader,
# X Y,", "X Y, the club's captain,"): titles, and the roles affiliations read
PERSON_ROLES = TITLES | ROLE_NOUNS

# Nouns that, right before a name, say it is an organisation ("the grid operator Redes Atlântica").
ORG_DESCRIPTORS = frozenset("""
operator company firm group party alliance carrier agency bank union broadcaster newspaper airline
insurer utility regulator network coalition movement organisation organization opposition
outlet publication magazine channel broadcaster charity ngo institute think-tank
unit subsidiary division lender miner carmaker automaker manufacturer retailer conglomerate supermarket brewer
watchdog chipmaker drugmaker steelmaker planemaker shipbuilder broadcaster club
service authority federation association foundation commission daily weekly tabloid website
subcontractor supplier consultancy startup start-up
""".split())
# Nouns for works right before a title ("the 1969 film X", "her graphic novel Y"): what follows
# names a work, not a person.
WORK_NOUNS = frozenset("film films movie documentary album song single book novel memoir play musical series sitcom "
                       "opera painting poem game videogame track".split())


# Time zones written after a clock time: capitals the model takes for a body.
TIME_ZONES = frozenset("GMT UTC BST CET CEST EET EEST WET IST JST KST AEST AEDT AWST ACST NZST NZDT EST EDT CST CDT MST MDT PST PDT AKST HST".split())
# Letters after a person's name for a rank, an honour or a degree ("Ana Ruiz, QC").
POST_NOMINALS = frozenset("QC KC SC MP MEP MSP MLA MPP OBE MBE CBE KBE DBE PhD MD Esq".split())


def _mention(text: str, start: int, end: int, label: str, origin: str) -> Mention | None:
    # a dateline ("LISBON — Helena Marques") is two names: keep the part after the dash
    dash = re.search(r"\s[—–-]\s", text[start:end])
    if dash:
        start += dash.end()
    # a name does not run over a sentence end: keep the part before it
    stop = _SENTENCE_END.search(text, start, end)
    if stop:
        end = stop.start()
    start, end = trim_name(text, start, end)
    # a place's possessive before a body's name is where it is, not its name ("Chile's
    # Shipowners' Association"); "People's" and the like stay ("the People's Movement")
    if label == "ORG":
        owner = re.match(r"([A-Z][\w-]*(?: [A-Z][\w-]*)?)[’']s\s+(?=[A-Z])", text[start:end])
        if owner and strong_place(owner.group(1)):
            start += owner.end()
    # a score glued to a team's name ("Chelsea 2-1")
    score = re.search(r"\s+\d{1,2}\s*[–-]\s*\d{1,2}\Z", text[start:end])
    if score:
        end = start + score.start()
    # a photo credit glued to a caption's name ("... Ana Ruiz Image: Reuters")
    credit = re.search(r"\s+(?:Image|Photo|Picture|Video|File)s?\Z", text[start:end])
    if credit:
        end = start + credit.start()
    if label == "PERSON":
        start = _after_titles(text, start, end)
        # a post-nominal glued to the name ("Johan Kruger SC") is no part of it
        post = re.search(r"\s+([A-Za-z]{2,4})\Z", text[start:end])
        if post and post.group(1) in POST_NOMINALS and " " in text[start:start + post.start()]:
            end = start + post.start()
    surface = text[start:end]
    # (what is left once a dateline is cut may be the article: "LIMA - A" leaves "A")
    if not surface or not surface[0].isupper() or "\n" in surface or surface.lower() in ("a", "an", "the"):
        return None
    return Mention(start, end, label, origin, surface)


def _after_titles(text: str, start: int, end: int) -> int:
    """Where a person's name starts once the title before it is left out ("Lieutenant
    General Ana Ruiz", "Infrastructure Minister Ana Ruiz" -> "Ana Ruiz"): after the last
    title word that has a name after it. A title alone is not cut to nothing."""
    words = list(re.finditer(r"[\w’'.&-]+", text[start:end]))
    last = max((i for i, w in enumerate(words[:-1]) if w.group(0).rstrip(".").lower() in TITLES), default=-1)
    return start + words[last + 1].start() if last >= 0 else start


# Articles that open place names in Spanish, Portuguese, French, Italian, Arabic and Dutch ("Las
# Palmas", "El Paso", "Den Haag")
NAME_ARTICLES = frozenset("La Las Los Le Les El Al Il Lo Den De Der Het".split())


def model_mentions(doc: Doc, text: str) -> list[Mention]:
    """The model's entities of the kinds the archive keeps, trimmed."""
    found = []
    # (a surname alone is not a first name to go on from: "Warhol Polaroids")
    surnames = {ent.text.split()[-1] for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
    # a name's own article the model cut off as a name of its own ("Las" + "Palmas"): one place
    joined = set()
    for ent, after in zip(doc.ents, doc.ents[1:]):
        if ent.text in NAME_ARTICLES and after.start == ent.end and ent.label_ == after.label_ and LABELS.get(ent.label_) == "LOC":
            m = _mention(text, ent.start_char, after.end_char, "LOC", "model")
            if m:
                found.append(m)
                joined |= {ent.start_char, after.start_char}
    for ent in doc.ents:
        if ent.start_char in joined:
            continue
        label = LABELS.get(ent.label_)
        # a "work" with a name's shape that speaks or takes a person's apposition is a person
        # the model mislabelled ("Ana Ruiz, a community leader, said"; "Ana Ruiz said")
        if ent.label_ == "WORK_OF_ART" and 2 <= len(ent) <= 3 and all(t.text[:1].isupper() and t.is_alpha for t in ent) \
                and re.match(r"(?:,\s+(?:a|an)\s+[a-z]+|\s+(?:said|says|told))\b", text[ent.end_char:ent.end_char + 30]):
            label = "PERSON"
        # two names the model ran together over a comma ("at Doncaster, Moorcroft shrugged"): no
        # one name (a place's "City, State" is the model's GPE, and a firm's ", Inc." its form)
        if label in ("PERSON", "ORG") and re.search(r"[a-z],\s+[A-Z]", ent.text) \
                and not re.search(r",\s+(?:Inc|Ltd|LLC|Jr|Sr|plc|S\.A|AG)\b", ent.text):
            continue
        if not label:
            continue
        words = ent.text.split()
        # a title alone ("Adv." before "Johan Kruger") names nobody and no body
        if len(words) == 1 and ent.text.rstrip(".").lower() in TITLES:
            continue
        # An all-capitals common word ("NEVER") is shouting, not an acronym.
        if len(words) == 1 and ent.text.isupper() and len(ent.text) > 3 and ent[0].is_stop:
            continue
        # a time zone ("10:00 GMT") or a post-nominal after a name ("Ana Ruiz, QC,") is no body
        if ent.text in TIME_ZONES or (ent.text in POST_NOMINALS and re.search(r"[a-z],\s*\Z", text[max(0, ent.start_char - 3):ent.start_char])):
            continue
        # a portfolio before a minister's title ("the Foreign Affairs minister", "Shadow Home
        # Secretary") is part of a role, not a body's name; "Home Office" is a name
        # (but an acronym is a body whose ministers they are: "NATO ministers", "EU ministers")
        if label == "ORG" and re.match(r"\s+(?:minister|secretary|ministers|secretaries)\b", text[ent.end_char:ent.end_char + 14], re.I) \
                and not any(w.lower() in ORG_WORDS for w in words) and not re.fullmatch(r"[A-Z][A-Z0-9]+", ent.text):
            continue
        # ... and so is the portfolio after it ("the Minister of Mineral Resources", "Minister
        # for the Environment", "Minister of State for Trade")
        if label == "ORG" and (MINISTER_OF.search(text[max(0, ent.start_char - 40):ent.start_char])
                               or MINISTER_OF_AND.search(text[max(0, ent.start_char - 80):ent.start_char])) \
                and not MINISTRY_NAME.search(ent.text):
            continue
        # One word the tagger reads as a common noun, adjective or verb is an ordinary word
        # capitalised by a headline or a sentence start ("Volunteer", "Water"), not a name.
        if len(ent) == 1 and ent[0].pos_ in ("NOUN", "ADJ", "VERB", "ADV") and not ent.text.isupper():
            continue
        start = ent.start_char
        # a country's code right after a capitalised name the model left alone is that body's
        # national arm ("Acmeworks UK's figures", "Relief Aid US"), not the country
        if label == "LOC" and len(ent) == 1 and re.fullmatch(r"[A-Z]{2,3}", ent.text) and ent.start > 0:
            before = doc[ent.start - 1]
            if before.pos_ == "PROPN" and before.ent_type_ == "" and before.text[:1].isupper() and before.text.isalpha() \
                    and not before.is_sent_start and before.lower_ not in TITLES | STOP_WORDS and not strong_place(before.text):
                m = _mention(text, before.idx, ent.end_char, "ORG", "national-arm")
                if m:
                    found.append(m)
                continue
        # the model sometimes cuts a person's first name off ("Ana" ORG, "Ruiz" PERSON): a
        # capitalised proper noun right before a person's name is part of it
        if label == "PERSON" and ent.start > 0:
            before = doc[ent.start - 1]
            if before.pos_ == "PROPN" and before.text[:1].isupper() and before.text.isalpha() and not before.text.isupper() \
                    and before.ent_type_ in ("", "PERSON", "ORG") and before.whitespace_ == " " \
                    and before.lower_ not in TITLES and before.lower_ not in ORG_WORDS | VENUE_HEADS and not before.is_sent_end \
                    and not (before.i > 0 and doc[before.i - 1].lower_ in ("of", "for", "the")):  # "Minister of Education X"
                start = before.idx
        # a plural noun before "A and B" says they are two ("the schools St Anne and Holy
        # Cross", "the companies Kell and Brannock"): two names, unless a body's word joins them
        pair = re.fullmatch(r"([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*) and ([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*)", ent.text)
        if pair and ent.start > 0 and doc[ent.start - 1].tag_ == "NNS" and doc[ent.start - 1].is_lower \
                and not _has_org_word(ent.text):
            for a, b in ((ent.start_char, ent.start_char + pair.end(1)), (ent.start_char + pair.start(2), ent.end_char)):
                m = _mention(text, a, b, label, "model")
                if m:
                    found.append(replace(m, model_label=ent.label_))
            continue
        # a photo credit of two ("Image: Ana Ruiz & Ben Ode") names two people (photographers
        # and camera operators; an agency is credited alone), not one body
        if re.search(r"\b(?:Image|Photo|Picture|Video|Credit)s?:\s*\Z", text[max(0, start - 12):start]) and re.search(r"\s(?:&|and)\s", ent.text):
            cuts = list(re.finditer(r"\s+(?:&|and)\s+", text[start:ent.end_char]))
            bounds = [0] + [x for cut in cuts for x in (cut.start(), cut.end())] + [ent.end_char - start]
            for a, b in ((start + bounds[i], start + bounds[i + 1]) for i in range(0, len(bounds), 2)):
                m = _mention(text, a, b, "PERSON", "credit")
                if m:
                    found.append(m)
            continue
        end = ent.end_char
        # ... or its surname ("Manager Phil" PERSON, "Parkinson" untagged): capitalised proper
        # nouns right after a person's name are part of it
        if label == "PERSON" and ent.text not in surnames:
            k = ent.end
            while k < len(doc) and k - ent.end < 2 and doc[k].pos_ == "PROPN" and doc[k].tag_ == "NNP" and doc[k].ent_type_ == "" \
                    and re.fullmatch(r"[A-Z][a-z’'-]+", doc[k].text) and not doc[k].is_sent_start and doc[k - 1].whitespace_ == " " \
                    and doc[k].lower_ not in TITLES | ORG_WORDS | VENUE_HEADS | STOP_WORDS | _DATE_WORDS:
                k += 1
            if k < len(doc) and k > ent.end and (doc[k].text[:1].isupper() and doc[k].is_alpha):
                k = ent.end  # a longer run of capitals: not a surname but another name
            end = doc[k - 1].idx + len(doc[k - 1]) if k > ent.end else end
        # a name the model ends on a joining word ("the Rail Museum of") goes on with the
        # capitalised words after it ("... of Hobart")
        if re.search(r"\s(?:of|for|de|du|del|of the)\Z", text[start:end]):
            more = re.match(r"\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*", text[end:])
            end = end + more.end() if more else end
        # the model may stop before a venue's head word ("the Orbital Assembly" + "Facility-2"):
        # the head, and a number joined to it, are part of the name
        head = re.match(r"\s([A-Z][a-z]+)(?:-\d+)?(?![\w’'-])", text[end:end + 30]) if label in ("ORG", "LOC") else None
        if head and head.group(1).lower() in VENUE_HEADS:
            end += head.end()
        m = _mention(text, start, end, label, "model")
        if m:
            found.append(replace(m, model_label=ent.label_))
    return found


def acronym_pairs(text: str) -> list[tuple[Mention, Mention]]:
    """``(expansion, acronym)`` for "Words Of The Name (WOTN)": the acronym's letters are
    the initials of the capitalised words before it (small words like "i", "of" may sit between)."""
    pairs = []
    for match in _ACRONYM.finditer(text):
        acronym = match.group(1)
        letters = [c for c in acronym if c.isupper()]
        if len(letters) == 1 and len(acronym) >= 3:
            letters = list(acronym.upper())  # a British-style acronym in title case: "Opec", "Asean"
        before = text[: match.start()]
        words = list(re.finditer(r"[\w’'-]+", before[-200:]))
        base = max(0, match.start() - 200)
        i, needed, start = len(words) - 1, len(letters) - 1, None
        while i >= 0 and needed >= 0:
            word = words[i].group(0)
            if word[0].isupper() and word[0] == letters[needed]:
                needed -= 1
                start = base + words[i].start()
            elif word.lower() in _SMALL_WORDS and needed < len(letters) - 1:
                pass
            else:
                break
            i -= 1
        if needed < 0 and start is not None:
            expansion = _mention(text, start, match.start(), "ORG", "acronym")
            short = _mention(text, match.start(1), match.end(1), "ORG", "acronym")
            if expansion and short and " " in expansion.text:
                pairs.append((expansion, short))
    return pairs


# A sports club's name after a club's letters with its founding year or number ("SV Deventer 1902",
# "SV Darmstadt 98"): the number is part of the name (not a score, not a date). (Not "US": "the US
# Open 2024" is a tournament of a country.)
CLUB_WITH_YEAR = re.compile(r"\b(?:FC|SV|SC|AC|AS|VfB|VfL|TSV|TSG|SpVgg|SSV|SK|IF|BK|FK|CD|CF|UD|SD|RC|KV|NK|HNK|SSC|AFC|OGC|GKS)"
                            r"\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?\s+(?:\d{2}|1[89]\d\d|20[0-2]\d)\b(?![-–]\d|,\d|\.\d)")


def rule_mentions(doc: Doc, text: str, article: Article) -> list[Mention]:
    """Mentions found by the rules listed in the module docstring."""
    found: list[Mention] = [Mention(m.start(), m.end(), "ORG", "org-word", m.group(0)) for m in CLUB_WITH_YEAR.finditer(text)]
    # where the model sees a person start: an organisation's name ends before it
    # ("the chief executive of the Refugee Council Ana Ruiz")
    person_starts = sorted(ent.start_char for ent in doc.ents if ent.label_ == "PERSON")
    # a full name (two words or more) the model sees: "and" before it joins two names
    full_name_starts = [ent.start_char for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1]
    # where the model ends a body's name at its organisation word, the capitalised words after
    # it are another name ("the Refugee Council Ana Ruiz" with the person untagged)
    model_ends = {ent.end_char for ent in doc.ents if ent.label_ in ("ORG", "FAC", "GPE")}
    model_spans = tuple((ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in ("ORG", "GPE", "LOC", "FAC"))
    runs = [part for match in _ORG_SEQ.finditer(text)
            for part in _org_parts(text, match.start(), match.end(), full_name_starts, model_spans)]
    for run_start, run_end in runs:
        words = [w.strip("’'.").lower() for w in text[run_start:run_end].split()]
        if len(words) >= 2 and any(w in ORG_WORDS for w in words):
            end = run_end
            if person_starts and bisect.bisect_left(person_starts, run_start) < len(person_starts) \
                    and person_starts[bisect.bisect_left(person_starts, run_start)] == run_start \
                    and re.search(r"\s(?:of|for|at)\s", text[run_start:end]):
                continue  # "Ana Ruiz of The Harbour Times": a person of a body, not a body
            i = bisect.bisect_right(person_starts, run_start)
            # (not when what the model calls a person is the body's last word: "... Producers' Guild")
            if i < len(person_starts) and person_starts[i] < end and " " in text[person_starts[i]:end].strip() \
                    and not (_has_org_word(text[person_starts[i]:end]) and not any(
                        w.strip("’'.").lower() in ORG_WORDS | VENUE_HEADS for w in text[run_start:person_starts[i]].split())):
                # (but "Médecins Sans Frontières", a body's word only in what the model calls a person, is whole)
                end = person_starts[i]
            org_ends = [w.end() for w in re.finditer(r"[\w’'.&-]+", text[run_start:end]) if w.group(0).strip("’'.").lower() in ORG_WORDS]
            last = run_start + org_ends[-1] if org_ends else end
            if last < end and last in model_ends and not re.match(r"\s+(?:of|for|on|de|du|des)\s", text[last:end]):
                end = last
            if MINISTER_OF_AND.search(text[max(0, run_start - 80):run_start]) \
                    and not MINISTRY_NAME.search(text[run_start:end]):
                continue  # the second part of a minister's portfolio, a portfolio too
            if re.match(r"The\s+[Mm]inisters?\s", text[run_start:end]):
                # "The Minister for Energy": the article is no part, and the title is judged below
                run_start = text.index(" ", run_start) + 1
            # a name before "of" without a body's or venue's word is a person of the body:
            # "Ana Ruiz of the Harbour Authority" (not "Bank of X", "Museum of the Y")
            of = re.search(r"\s+(?:of|for)(?: the)?\s+", text[run_start:end])
            if of and not any(w.strip("’'.").lower() in ORG_WORDS | VENUE_HEADS for w in text[run_start:run_start + of.start()].split()) \
                    and _has_org_word(text[run_start + of.end():end]) and len(text[run_start:run_start + of.start()].split()) >= 2:
                who = text[run_start:run_start + of.start()].split()
                if len(who) <= 3 and not any(w.rstrip(".").lower() in TITLES or strong_place(w) for w in who):
                    person = _mention(text, run_start, run_start + of.start(), "PERSON", "person-of")
                    if person:
                        found.append(person)
                run_start += of.end()
            if re.match(r"(?:A|An)\s", text[run_start:end]):
                run_start = text.index(" ", run_start) + 1  # "A Commission spokesperson": the article is no part
            # a role before the body's name is no part of it ("CEO of the Refugee Council")
            role = re.match(r"([\w’'.-]+)\s+(?:of|for|at|on)\s+(?:the\s+)?", text[run_start:end])
            word = role.group(1).lower() if role else ""
            singular = re.sub(r"ies\Z", "y", word) if word.endswith("ies") else word.rstrip("s")
            # (a role, or any ordinary word of the text: "Supporters of the X Party")
            if role and (word in TITLES or singular in TITLES or re.fullmatch(ROLE_OF, word) or role.group(1).isupper()
                         or word in lowercase_words(text)) and word not in ORG_WORDS | VENUE_HEADS:
                if singular == "minister" and not re.match(r"(?:of|for)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+"
                                                           r"(?:Ministry|Department)\b", text[run_start + len(role.group(1)) + 1:end]):
                    continue  # "the Minister of Mineral Resources": a portfolio, no body's name
                run_start += role.end()
            campus = _CAMPUS.match(text, end) if text[run_start:end].startswith("University") and end == run_end else None
            if campus:
                end = campus.end()
            # a name cut before a hyphen that joins it to more of itself ("Council on
            # American - Islamic Relations") is no name: its end is unknown
            if not _has_org_word(text[run_start:end].split()[-1]) and re.match(r"\s?[-–]\s?[A-Z]", text[end:end + 4]):
                continue
            m = _mention(text, run_start, end, "ORG", "org-word")
            # what is left once cut at a sentence end or a person must still hold the word
            if m and len(m.text.split()) >= 2 and any(w.strip("’'.").lower() in ORG_WORDS for w in m.text.split()):
                found.append(m)
    for token in doc:
        if token.lower_ in INSTITUTION_NOUNS and token.dep_ != "compound" and token.i > 0:
            left = token.i
            while left > 0 and doc[left - 1].text[:1].isupper() and doc[left - 1].pos_ in ("PROPN", "ADJ", "NOUN") \
                    and not doc[left - 1].is_sent_start and doc[left - 1].lower_ != "the":
                left -= 1
            # "the Conservative government" is the party's time in office, not a body's name
            if left < token.i and not (token.lower_ == "government" and doc[left].lower_ in PARTY_FAMILIES):
                m = _mention(text, doc[left].idx, token.idx + len(token), "ORG", "institution")
                if m:
                    found.append(m)
    found += titled_names(doc, text)
    found += credited_names(text)
    # a name right after a body's descriptor ("the watchdog Transparency International", "the
    # opposition DA", "chipmaker Nvidia"): a body, unless the model sees a person there
    person_spans = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PERSON"]
    for match in _DESCRIBED_BODY.finditer(text):
        if match.group(1).lower() not in ORG_DESCRIPTORS:
            continue
        start, end = match.span(2)
        owner = re.search(r"[’']s(?![\w’'-])", text[start:end])
        if owner:
            end = start + owner.end()  # "the company X UK's Y category": X UK, the possessive trimmed
        if any(a < end and start < b for a, b in person_spans) or strong_place(match.group(2)) \
                or any(w.lower() in STOP_WORDS | TITLES | _DATE_WORDS for w in match.group(2).split()):
            continue
        m = _mention(text, start, end, "ORG", "described-body")
        if m:
            found.append(m)
    # an armed group named before "rebels", "militia" ... ("M23 rebels", "the Houthi
    # militia"), unless the word is a people's or a country's ("Syrian rebels")
    for match in _ARMED_GROUP.finditer(text):
        name = match.group(1)
        if strong_place(name) or is_demonym(name) or name.lower() in STOP_WORDS | TITLES or name.isdigit() \
                or re.search(r"(?:ian|ean|ese|ish|i|an)\Z", name) and not any(ch.isdigit() for ch in name):
            continue
        found.append(Mention(match.start(1), match.end(1), "ORG", "armed-group", name))
    found += place_noun_names(doc, text)
    # a place's council in lower case ("Bergen city council", "the Tamale county
    # assembly"): the body of that place, named as the text writes it
    for match in _LOCAL_BODY.finditer(text):
        if strong_place(match.group(1)) or any(ent.label_ in ("GPE", "LOC") and ent.start_char == match.start(1) for ent in doc.ents):
            m = _mention(text, match.start(1), match.end(), "ORG", "org-word")
            if m:
                found.append(m)
    # "Facebook co-founder X", "Acme spokeswoman Y": a name before a company role is a body
    labels = {}
    for ent in doc.ents:
        labels[ent.start_char] = ent.label_
    for match in _BODY_ROLE.finditer(text):
        name = match.group(1)
        if labels.get(match.start(1)) in ("PERSON", "GPE", "LOC", "NORP") or strong_place(name) \
                or name.lower() in TITLES or name.lower() in STOP_WORDS:  # "Its shareholders"
            continue
        m = _mention(text, match.start(1), match.end(1), "ORG", "body-role")
        if m:
            found.append(m)
    for match in _ROLE_OF.finditer(text):
        name = match.group(1)
        if re.match(r"\s+[a-z]", text[match.end(1) :]):
            continue  # an adjective: "head of European operations"
        if strong_place(trim_name_text(name)) is None:
            m = _mention(text, match.start(1), match.end(1), "ORG", "role-of")
            if m:
                found.append(m)
    for match in _PLACE_WITH_PARTICLES.finditer(text):
        if strong_place(match.group(0)):
            m = _mention(text, match.start(), match.end(), "LOC", "place-particles")
            if m:
                found.append(m)
    publisher = (article.publisher or "").strip()
    if publisher:
        # (a leading article is no part of the short forms: "The Western Courier" is not "(The")
        words = re.sub(r"\A(?:The|A)\s+", "", publisher).split()
        last = words[-1] if len(words) > 1 and words[-1].lower() in PAPER_WORDS | ORG_WORDS else ""
        for candidate in (publisher, words[0] if words else "", last):
            if len(candidate) > 2 and candidate.lower() not in STOP_WORDS:
                hits = [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + re.escape(candidate) + r"(?!\w)", text)]
                if candidate == last:
                    # the paper's head word alone after "the" is the paper ("she told the Courier"),
                    # not part of another name ("the Harbour Courier", "the Courier Group")
                    hits = [(a, b) for a, b in hits if re.search(r"\bthe\s\Z", text[max(0, a - 4):a])
                            and not re.match(r"\s+[A-Z]", text[b:b + 2])]
                elif candidate != publisher:
                    # the first word alone is the publisher in a wire credit ("(Meridian)"); elsewhere
                    # it is as likely the town a local paper is named after
                    hits = [(a, b) for a, b in hits if text[a - 1:a] == "(" or text[b:b + 1] == ")"]
                for start, end in hits:
                    found.append(Mention(start, end, "ORG", "publisher", candidate))
                if hits and candidate != publisher:
                    break  # (the full name found, "the Review" may still stand for it later)
        found += _paper_town(text, publisher)
    return found


# Lowercase nouns of geography after a name: the whole is the place's name as news writes
# it ("the Kavango river", "the Tana delta"): a place even when no gazetteer knows it.
_NATURE_NOUNS = "river|lake|valley|delta|basin|mountains|hills|plateau|desert|forest|estuary|island|islands|peninsula|bay|gulf|lagoon|quay|harbour|harbor"
# Lowercase nouns of administrative units after or before a name: the name is the unit's
# ("Tomboli district", "the village of Kereta", "the province of X").
_UNIT_NOUNS = "district|province|county|region|municipality|prefecture|governorate"
_NAME_WORDS = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}"
_NAME_THEN_NOUN = re.compile(rf"(?<![\w’'-])({_NAME_WORDS})\s+(?:({_NATURE_NOUNS})|(?:{_UNIT_NOUNS}))(?![\w’'-])")
_NOUN_OF_NAME = re.compile(rf"\b(?:(?:the\s+)(?:village|town|city|hamlet|district|province|county|region|municipality|island|islands|"
                           rf"port\s+city|border\s+town|outskirts|suburbs|streets)|[Rr]esidents|[Vv]illagers|[Ii]nhabitants|[Tt]ownspeople|(?<![A-Z][a-z]\s)mayor)\s+of\s+({_NAME_WORDS})(?![\w’'-])")


def place_noun_names(doc: Doc, text: str) -> list[Mention]:
    """Names that a lowercase noun of geography says are places: "the Kavango river" (the
    river by its name and noun), "Nacuta district", "the village of Ntoro" (the name alone).
    Not a person's name, nor a name holding a body's word ("the Labour Party district office")."""
    people = {(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PERSON"}
    lowercase = lowercase_words(text)
    found = []
    for match in list(_NAME_THEN_NOUN.finditer(text)) + list(_NOUN_OF_NAME.finditer(text)):
        start, end = match.span(1)
        words = text[start:end].split()
        while words and words[0] in ("The", "A", "An"):
            start += len(words[0]) + 1
            words = words[1:]
        # an owner before the name is another place ("Tanzania's Morogoro region"): the name is what follows
        while len(words) > 1 and re.search(r"[’']s\Z", words[0]):
            start += len(words[0]) + 1
            words = words[1:]
        if not words or _SENTENCE_END.search(text, start, end) or _has_org_word(" ".join(words)) \
                or any(w.lower() in lowercase | STOP_WORDS | TITLES | _DATE_WORDS for w in words) \
                or (start, end) in people and match.re is _NAME_THEN_NOUN:  # ("the village of X" is nobody)
            continue
        if match.re is _NAME_THEN_NOUN and match.group(2):
            end = match.end(2)  # "the Kavango river"
        m = _mention(text, start, end, "LOC", "place-noun")
        if m:
            found.append(m)
    return found


_LOCAL_BODY = re.compile(r"(?<![\w’'-])([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+(?:city|town|county|district|borough|parish|municipal|"
                         r"regional|provincial|state)\s+(?:council|assembly|legislature)(?![\w’'-])")


# Titles after which one capitalised word is a surname ("Mr Soto", "Sgt Okoro"), not a
# country or a post ("Prime Minister", "Secretary General" are titles throughout).
_SURNAME_TITLES = frozenset("mr mrs ms miss dr prof professor sir dame lord lady sergeant sgt detective inspector "
                            "constable superintendent captain capt colonel col major maj lieutenant lt general gen "
                            "judge justice governor senator sen mayor councillor councilor commissioner father rev "
                            "reverend bishop sheikh imam rabbi coach".split())


_ARMED_GROUP = re.compile(r"(?<![\w’'-])([A-Z][A-Za-z]*\d*(?:-[A-Z]?[A-Za-z\d]+)?)\s+(?:rebels|militia|militias|militiamen|insurgents|jihadists|guerrillas)\b")
_DESCRIBED_BODY = re.compile(r"(?<![\w’'-])([a-z][a-z-]+)\s+((?:[A-Z][\w’'.&-]*)(?:\s+[A-Z][\w’'.&-]*){0,2})(?![\w’'-])(?!\s+[A-Z])")
_CREDIT_NAME = r"([A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'.-]+){1,2})"
# A byline ("By Ana Ruiz" on a line of its own) and a wire's credit line ("(Reporting by Ana
# Ruiz and Ben Ode; Editing by Cy Dow)"): each name after "by" is a person.
_CREDIT = re.compile(r"(?:(?m:^)[ \t]*By|[(;][ \t]*(?:[A-Z][a-z]+[ \t]+){0,2}by|(?:\band|,|&))[ \t]+" + _CREDIT_NAME)


def credited_names(text: str) -> list[Mention]:
    """People named in a byline or a credit line (not bodies: no body's word in the name)."""
    found = []
    for line in re.finditer(r"(?m)^[ \t]*(?:By[ \t]|\((?:[A-Z][a-z]+[ \t]+){1,2}by[ \t]).*$", text):
        if len(line.group(0)) > 200:
            continue
        for m in _CREDIT.finditer(text, line.start(), line.end()):
            name = m.group(1)
            if _has_org_word(name) or any(w.lower() in STOP_WORDS for w in name.split()):
                continue
            found.append(Mention(m.start(1), m.end(1), "PERSON", "credit", name))
    return found


# Grades that stand inside a title, before its rank ("Senior Sergeant"), never alone
_GRADES = frozenset("senior".split())


def titled_names(doc: Doc, text: str) -> list[Mention]:
    """A capitalised name right after a title that the small model left untagged
    ("Detective Sergeant Mark Reyes said", "written by Sergeant Ana Ruiz"): a title before
    capitalised words marks a person. The name's words must be proper nouns that are no
    title, no body's or venue's word, no place and no ordinary word of the text; one word
    alone counts only after a title that goes before surnames ("Mr Reyes")."""
    lowercase = lowercase_words(text)

    def title_word(j: int) -> bool:
        # a grade inside a title counts with it: "Detective Senior Sergeant", "Senior Constable"
        word = doc[j].lower_.rstrip(".")
        return doc[j].text[:1].isupper() and (word in TITLES or word in _GRADES and j + 1 < len(doc)
                                             and doc[j + 1].lower_.rstrip(".") in TITLES)

    found = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if not title_word(i):
            i += 1
            continue
        j = i
        while j < len(doc) and title_word(j):
            j += 1
        # (the model may take title and name together for a body: "Detective Sergeant X" ORG)
        as_body = token.ent_iob_ == "B" and token.ent_type_ == "ORG"
        k = j
        while k < len(doc) and k - j < 3 and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() \
                and (doc[k].ent_type_ == "" or as_body and doc[k].ent_iob_ == "I") \
                and re.fullmatch(r"[A-Z][a-z’'-]+", doc[k].text) and not doc[k].is_sent_start \
                and doc[k].lower_ not in TITLES | ORG_WORDS | VENUE_HEADS | STOP_WORDS | lowercase:
            k += 1
        names = doc[j:k]
        if names and not (k < len(doc) and (doc[k].ent_iob_ == "I" or doc[k].ent_type_ and not as_body
                                            or doc[k].text[:1].isupper() and doc[k].is_alpha)) \
                and (len(names) >= 2 or doc[j - 1].lower_.rstrip(".") in _SURNAME_TITLES and names[0].lower_ not in _DATE_WORDS) \
                and not strong_place(names[-1].text) and not strong_place(names.text):
            # (a first name may be a town's too: "Inspector Warren Tully"; a place at the end is a place)
            m = _mention(text, token.idx, names.end_char, "PERSON", "titled")
            if m:
                found.append(m)
        i = max(k, i + 1)
    return found


# The head words of newspapers' names after the town they are named for ("the Thornby Gazette").
PAPER_WORDS = frozenset("""gazette times post herald chronicle courier journal star news echo advertiser mercury argus
standard examiner observer tribune record press mail telegraph express sentinel dispatch bulletin weekly daily
review leader""".split())


def _paper_town(text: str, publisher: str) -> list[Mention]:
    """A local paper is named after its town ("Thornby Gazette"): the town's name alone in the
    text is that place, which no gazetteer may know."""
    words = publisher.split()
    while words and words[-1].lower() in PAPER_WORDS:
        words = words[:-1]
    town = " ".join(words)
    if not town or town == publisher or town.lower() in STOP_WORDS or not town[:1].isupper():
        return []
    return [Mention(m.start(), m.end(), "LOC", "paper-town", town)
            for m in re.finditer(r"(?<![\w’'-])" + re.escape(town) + r"(?![\w’'-])(?!\s+[A-Z])", text)]


# A paragraph's own dateline in a round-up of briefs ("NEWPORT - A former officer ...",
# "BRIDGEND — The coroner ..."): a word or two in capitals at a paragraph's start, then a dash
# or a comma.
_PARAGRAPH_DATELINE = re.compile(r"\n[ \t]*([A-Z][A-Z.’'-]+(?: [A-Z][A-Z.’'-]+){0,2})[ \t]*(?:,|—|–|\s-\s|\()")


def dateline_mention(text: str) -> list[Mention]:
    """The dateline's place ("RIVERTON, Ohio — ..."): where the story was filed, a place even
    when the model, reading capitals, sees nothing there. A round-up of briefs gives each
    item a dateline of its own at its paragraph's start; those count too when the gazetteer
    knows the place."""
    found = []
    match = DATELINE.match(text)
    # a place the gazetteer knows, or the dateline's full form "TOWN, Country —" ("NATO, the
    # alliance" is no dateline)
    if match and (strong_place(match.group(1).strip().title()) is not None
                  or re.match(r"\s*,\s+[A-Z][\w .’'-]{1,40}?\s+[—–-]\s", text[match.end(1):])):
        start, end = trim_name(text, match.start(1), match.end(1))
        if end > start:
            found.append(Mention(start, end, "LOC", "dateline", text[start:end]))
    for match in _PARAGRAPH_DATELINE.finditer(text):
        name = match.group(1)
        if len(name) < 3 or name.lower() in STOP_WORDS or (found and match.start(1) == found[0].start):
            continue
        place = strong_place(name.title())
        if place is None or place.kind == "country" and len(name) <= 3:
            continue  # ("UK -", "US,": initials, as likely a label as a dateline)
        start, end = trim_name(text, match.start(1), match.end(1))
        if end > start:
            found.append(Mention(start, end, "LOC", "dateline", text[start:end]))
    return found


def trim_name_text(name: str) -> str:
    start, end = trim_name(name, 0, len(name))
    return name[start:end]


_LOWER_DIRECTION = re.compile(r"(?<![\w’'-])((?:central|northern|southern|eastern|western|north|south|east|west|"
                              r"northeastern|northwestern|southeastern|southwestern))\s+\Z")


def description_mentions(doc: Doc, text: str, kept: list[Mention]) -> list[Mention]:
    """A person's name with the role nouns the text puts before it ("immigration lawyer Ana
    Ruiz", "Harbour Council spokesperson Ana Ruiz", "city mayor Ana Ruiz"): the whole phrase
    is a mention of the person (a description around the name); a body's likewise ("the
    security firm Acme Lines"). The words must modify the name in the parse, and hold a
    lowercase noun (the role)."""
    found = []
    for m in kept:
        # (the small model may call a person a body: the entity stage keeps descriptions of people only)
        if m.label not in ("PERSON", "ORG"):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.start == 0:
            continue
        inside = set(range(span.start, span.end))
        first, role, titled = span.start, False, False
        i = span.start - 1
        while i >= 0 and not doc[i].is_sent_end:
            token = doc[i]
            # (the name may hang on the noun before it: "the security firm Acme.com" as an apposition)
            apposed = i == span.start - 1 and span.root.head.i == i and span.root.dep_ == "appos"
            heads_in = token.head.i in inside
            if token.lower_ in TITLES and token.text[:1].isupper() and heads_in:
                titled = True  # the title the name was cut from ("director General Ana Ruiz")
            elif token.pos_ == "NOUN" and token.is_lower and (token.dep_ in ("compound", "amod", "nmod") and heads_in or apposed):
                role = True
            elif token.pos_ in ("PROPN", "ADJ", "NOUN") and token.dep_ in ("compound", "amod") and heads_in and (role or titled):
                # the body or the rank before the role ("Harbour Council spokesperson", "senior
                # researcher", "Environment Minister")
                role = True
            else:
                break
            inside.add(i)
            first = i
            i -= 1
        start = doc[first].idx
        # a body's name cut by the walk ("... of Texas Arlington Students' Union president"):
        # the description starts at the role, not inside the name
        if any(k.start < start < k.end for k in kept):
            while first < span.start and not (doc[first].pos_ == "NOUN" and doc[first].is_lower) and doc[first].lower_ not in TITLES:
                first += 1
            start = doc[first].idx
        if role and first < span.start and not any(doc[j].lower_ in WORK_NOUNS for j in range(first, span.start)):
            # the noun right before the name says whose description it is: a body's ("the
            # security firm X") or a person's
            label = "ORG" if doc[span.start - 1].lower_ in ORG_DESCRIPTORS else "PERSON"
            found.append(Mention(start, m.end, label, "description", text[start:m.end]))
    return found


def find_mentions(doc: Doc, article: Article) -> tuple[list[Mention], list[tuple[Mention, Mention]]]:
    """All mentions (overlaps settled) and the acronym pairs."""
    text = article.text
    pairs = acronym_pairs(text)
    # (a titled apposition before the model: it takes "the Minister of X, Jane Roe" whole for a body)
    rules = [m for pair in pairs for m in pair] + rule_mentions(doc, text, article) + dateline_mention(text) + led_venue_names(text) \
        + titled_appositions(text)
    # ("a blogger, Ikenna Obi, who wrote": a name with "who" after it is a person's, whatever the model took it for)
    appositions = role_appositions(text)
    rules += [m for m in appositions if m.origin == "who-apposition"]
    # "central Europe" is a part of Europe, not Europe: a region of its own when Europe is a
    # continent, region or country ("Central Europe", "Eastern Ukraine"), else the place named
    def whole_place(found: list[Mention]) -> list[Mention]:
        kept = []
        for m in found:
            direction = _LOWER_DIRECTION.search(text, max(0, m.start - 12), m.start) if m.label == "LOC" else None
            if direction is None:
                kept.append(m)
                continue
            place = strong_place(m.text)
            if place is not None and place.kind in ("region", "country"):
                kept.append(Mention(direction.start(1), m.end, "LOC", "subregion", text[direction.start(1):m.end]))
            else:
                kept.append(m)  # "south London" is in London, "southern Michigan" in Michigan: the place is named
        return kept

    model = whole_place(model_mentions(doc, text))
    ranked = sorted(rules, key=lambda m: (m.start - m.end, m.start)) + sorted(model, key=lambda m: (m.start - m.end, m.start))
    # last: only where nothing else is
    ranked += sorted(whole_place(place_names(text) + venue_names(text) + organiser_acronyms(text) + cued_places(doc, text)
                                 + surnames_full_names(doc, text) + apposed_names(text)
                                 + [m for m in appositions if m.origin != "who-apposition"]),
                     key=lambda m: (m.start - m.end, m.start))
    kept = _whole_names(text, [ranked[i] for _, _, i in keep_non_overlapping([(m.start, m.end, i) for i, m in enumerate(ranked)])])
    listed = list_mentions(text, kept)
    if listed:  # they only fill gaps between the names kept
        ranked = kept + listed
        kept = [ranked[i] for _, _, i in keep_non_overlapping([(m.start, m.end, i) for i, m in enumerate(ranked)])]
    # an acronym in parentheses right after a body's name is its acronym even when its letters
    # are another language's ("the Union of X and Y (UAXY)" for the name in its own language)
    paired = {(a.start, a.end) for _, a in pairs}
    by_end = {m.end: m for m in kept if m.label == "ORG"}
    for match in _ACRONYM.finditer(text):
        body = by_end.get(match.start() - 1) if text[match.start() - 1 : match.start()] == " " else None
        if body is not None and (match.start(1), match.end(1)) not in paired and " " in body.text:
            pairs.append((body, Mention(match.start(1), match.end(1), "ORG", "acronym", match.group(1))))
    # a headline or subhead in title case ("Families Wait For News") capitalises ordinary
    # words: a name found only there is none
    heads = headline_lines(text)
    if heads:
        def in_head(m: Mention) -> bool:
            i = bisect.bisect_right(heads, (m.start, len(text))) - 1
            return i >= 0 and heads[i][0] <= m.start and m.end <= heads[i][1]
        occurrences: dict[str, list[int]] = {}  # (one search per name: a text of many title-case lines has many)

        def elsewhere(m: Mention) -> bool:
            where = occurrences.setdefault(m.text, _occurrences(text, m.text))
            a, b = heads[bisect.bisect_right(heads, (m.start, len(text))) - 1]  # its own line
            return bool(where) and (where[0] < a or where[-1] >= b)
        kept = [m for m in kept if not in_head(m) or elsewhere(m)]
    # descriptions overlap the names they hold: the entity stage tells them apart by origin
    return kept + description_mentions(doc, text, kept), pairs


def _occurrences(text: str, words: str) -> list[int]:
    return [m.start() for m in re.finditer(r"(?<![\w’'-])" + re.escape(words) + r"(?![\w’'-])", text)]


_SMALL_HEAD_WORDS = frozenset("a an the of for to in on at by and or but as with from vs v".split())


def headline_lines(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each line that is a headline or subhead in title case: two to
    twelve words, every word but the small ones capitalised, no sentence punctuation at the
    end, and not a speaker's label ("Q:", "Name:")."""
    found = []
    for match in re.finditer(r"(?m)^[^\n]+$", text):
        line = match.group(0).strip()
        words = line.split()
        if not 2 <= len(words) <= 12 or re.search(r"[.!?:;,\"”’)]\Z", line) or ":" in line[:20] \
                or re.search(r"(?:\A|\s)[Bb]y\s", line) or line.startswith(("(", "[", "-", "*", "|")):
            continue  # (a byline or a credit, "By X", "Editing by Y", names people)
        big = [w for w in words if w.lower() not in _SMALL_HEAD_WORDS]
        if big and all(w[:1].isupper() or w[:1].isdigit() for w in big) and len(big) >= 2:
            found.append((match.start(), match.end()))
    return found


# A list of names: capitalised items (each perhaps with a parenthesis: "A (tennis) and B
# (golf)") joined by commas and a last "and" or "or".
_LIST_ITEM = r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}"
_LIST_SEP = r"(?:\s*\([^()\n]{1,30}\))?(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
_NAME_LIST = re.compile(rf"(?<![\w’'-]){_LIST_ITEM}(?:{_LIST_SEP}{_LIST_ITEM})+")
_ITEM = re.compile(_LIST_ITEM)


def list_mentions(text: str, found: list[Mention]) -> list[Mention]:
    """Names in a list whose other names are of one kind ("the gods Zeus, Hera, Poseidon and
    Ares", with the small model tagging only some): an untagged item is a name of that kind.
    The list needs three names or more, two of them tagged alike and more than half of the tagged;
    an item must be no ordinary word of the text, no title and not open a sentence."""
    by_span = {(m.start, m.end): m.label for m in found}
    lowercase = lowercase_words(text)
    added = []
    for match in _NAME_LIST.finditer(text):
        items = [(match.start() + m.start(), match.start() + m.end())
                 for m in _ITEM.finditer(match.group(0))]
        # an item is exactly one name: the parts between the separators
        parts = re.split(_LIST_SEP, match.group(0))
        if len(parts) != len(items) or len(items) < 3 or any(text[a:b] != p for (a, b), p in zip(items, parts)):
            continue
        # the last item may run into the next sentence ("... and Ares. The temple"): cut it there
        stop = _SENTENCE_END.search(text, items[-1][0], items[-1][1])
        if stop:
            items[-1] = (items[-1][0], stop.start())
        labels = [by_span.get(item) for item in items]
        tagged = Counter(label for label in labels if label)
        if not tagged:
            continue
        label, count = tagged.most_common(1)[0]
        if count < 2 or 2 * count <= sum(tagged.values()) or label == "NORP":
            continue
        for (a, b), known in zip(items, labels):
            words = text[a:b].split()
            if known or any(w.lower().strip("’'.") in lowercase | STOP_WORDS | TITLES | _DATE_WORDS for w in words) \
                    or re.search(r"(?:\A|[.!?:][\"”’']?\s+|\n)\Z", text[max(0, a - 3):a]):
                continue
            added.append(Mention(a, b, label, "list", text[a:b]))
    return added


CAP_RUN = re.compile(r"(?<![\w’'-])[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}(?![\w’'-])")


# (a possessive may follow: "Senegal's investigators")
_LONG_CAP_RUN = re.compile(r"(?<![\w’'-])[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,7}(?:(?=[’']s\b)|(?![\w’'-]))")
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*(?![\w’'-])")


@lru_cache(maxsize=4)
def lowercase_words(text: str) -> frozenset[str]:
    """Every word the text writes in lower case (one pass: looked up many times)."""
    return frozenset(_LOWER_WORD.findall(text))


# Capitalised names ending in a venue's head word ("Harlow Street Station", "Marlow Stadium").
_VENUE_NAME = re.compile(r"(?<![\w’'-])((?:[A-Z][\w’'.-]*\s+){1,4})(%s)(?![\w’'-])"
                         % "|".join(sorted(w.capitalize() for w in VENUE_HEADS)))


# An acronym before the name of an event or award is its organiser ("the 2030 ABCD World Cup",
# "the XYZ football Championship"): a body's acronym.
_ORGANISER = re.compile(r"(?<![\w’'.-])([A-Z]{2,6})\s+(?:[a-z]+\s+)?(?:[A-Z][\w’'-]*\s+){0,3}"
                        r"(?:Cup|Championships?|Games|Olympics|Awards?|Prize|Tournament|League|Summit|Congress|Festival)\b")


def organiser_acronyms(text: str) -> list[Mention]:
    """Acronyms of the bodies that hold an event or give an award, where the model missed them."""
    return [Mention(m.start(1), m.end(1), "ORG", "organiser", m.group(1)) for m in _ORGANISER.finditer(text)
            if m.group(1) not in TIME_ZONES | POST_NOMINALS and m.group(1).lower() not in STOP_WORDS]


# A venue's lead word then its name ("the Hotel Metropole", "Estadio Azteca") and a building
# named in one compound word after "the" ("the Guildhall", "the Clubhouse").
_LED_VENUE = re.compile(r"(?<![\w’'-])(?:%s)(?:\s+(?:(?:do|da|dos|das|de|del|della|di|du|des|de la)\s+)?[A-Z][\w’'-]*){1,3}(?![\w’'-])"
                        % "|".join(sorted({w.capitalize() for w in VENUE_LEADS})))
COMPOUND_VENUE = re.compile(r"[A-Z][a-z]{2,}(?:hall|church|chapel|house)\Z")
_THE_COMPOUND_VENUE = re.compile(r"(?<=\bthe )[A-Z][a-z]{2,}(?:hall|church|chapel|house)(?![\w’'-])")


def venue_names(text: str) -> list[Mention]:
    """Names of buildings, sites and streets the model missed ("walk from Marlow Station"):
    capitalised words before a capitalised venue head, not all of them ordinary words of the
    text ("Bus Station" in a text that speaks of buses is no name)."""
    lowercase = lowercase_words(text)
    found = []
    for match in _VENUE_NAME.finditer(text):
        start = match.start()
        words = match.group(1).split()
        while words and words[0] in ("The", "A", "An"):
            start = text.index(words[1], start) if len(words) > 1 else start
            words = words[1:]
        if not words or all(w.lower().strip("’'.") in lowercase | STOP_WORDS | TITLES | _DATE_WORDS for w in words):
            continue
        if _SENTENCE_END.search(text, start, match.end()):
            continue
        found.append(Mention(start, match.end(), "LOC", "venue-name", text[start:match.end()]))
    found += [Mention(m.start(), m.end(), "LOC", "venue-name", m.group(0)) for m in _THE_COMPOUND_VENUE.finditer(text)]
    return found


def led_venue_names(text: str) -> list[Mention]:
    """A venue's lead word and its name ("Estadio Azteca", "Praça do Comércio", "Rua Augusta"):
    a name whose every word the model may type apart ("Praça" a place, "Comércio" a person)."""
    found = []
    for match in _LED_VENUE.finditer(text):
        stop = _SENTENCE_END.search(text, match.start(), match.end())
        end = stop.start() if stop else match.end()
        if " " in text[match.start():end]:
            found.append(Mention(match.start(), end, "LOC", "venue-name", text[match.start():end]))
    return found


# Where a town's name goes: after "in", "near", "outside", "based in", and after "to" when
# something travels there ("the night ferry to X", "flew to X").
_PLACE_SLOT = re.compile(r"(?:\b(?:in|near|outside|at)|\b(?:ferry|flight|flights|road|train|trains|bus|route|flew|fly|flies|travelled|"
                         r"traveled|sailed|drove|moved|returned|went|go|goes|going|trip|journey|visit|visited)\s+(?:back\s+)?to|\bfrom)\s+\Z")


def _whole_names(text: str, kept: list[Mention]) -> list[Mention]:
    """A body's name the model cut at a sentence start ("Fare Systems did not respond" after
    "Tallis Fare Systems"): the whole name, when the words before it are the rest of a name
    found elsewhere and no other mention holds them."""
    full = {m.text for m in kept if m.label == "ORG" and " " in m.text}
    taken = [(k.start, k.end) for k in kept]
    out = []
    for m in kept:
        for name in full if m.label == "ORG" else ():
            prefix = name[: -len(m.text)] if name.endswith(" " + m.text) else ""
            lo = m.start - len(prefix)
            if prefix and lo >= 0 and text[lo : m.start] == prefix and not (lo > 0 and text[lo - 1].isalnum()) \
                    and not any(s < m.start and e > lo for s, e in taken):
                m = Mention(lo, m.end, m.label, m.origin, name, m.model_label)
                break
        out.append(m)
    return out


# Words no person's name holds: function words, titles, bodies' and venues' words, months and days
_NO_NAME_WORDS = STOP_WORDS | TITLES | ORG_WORDS | VENUE_HEADS | _DATE_WORDS


def _no_name_word(word: str) -> bool:
    """A word that is no part of a person's name (above), or a place's name."""
    return word.lower() in _NO_NAME_WORDS or strong_place(word) is not None


def surnames_full_names(doc: Doc, text: str) -> list[Mention]:
    """A first name and a surname the model missed, where it calls the surname alone a person
    elsewhere ("Declan Moorcroft left ..." at a paragraph's start, then "Moorcroft said"): the
    person's full name (the model misses names at sentence starts most)."""
    # (a surname of two words too: "Ekindi Mouelle" for "Bertrand Ekindi Mouelle")
    surnames = {ent.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) <= 2
                and re.fullmatch(r"[A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+)?", ent.text)}
    surnames -= {ent.text for ent in doc.ents if ent.label_ != "PERSON"}
    found = []
    for surname in surnames:
        for match in re.finditer(rf"(?<![\w’'-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+{re.escape(surname)}(?![\w’'-])", text):
            first = match.group(1)
            if _no_name_word(first) or first.lower() in lowercase_words(text):
                continue
            found.append(Mention(match.start(), match.end(), "PERSON", "surname-full", match.group(0)))
    return found


_APPOSED_NAME = re.compile(r"(?<![\w’'-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?),\s+(?:the|a|an)\s+"
                           r"(?:[\w’'-]+\s+){0,4}?([a-z-]+)(?=,|\s+(?:of|for|at|in|with|based|that|which|who)\b)")


# "the Minister of National Defence, Katerina Dimou,": a title (with the body it serves, "and"
# too: "of Arts and Culture") and a two- or three-word name in apposition after it, closed by a
# comma or the sentence's end
_TITLE_THEN_NAME = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[A-Z][a-z]+\s+){0,2}([A-Z][a-z]+)"
                              r"(?:\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w&’'-]*\s*(?:(?:and|&)\s+(?=[A-Z]))?){1,5})?,\s+"
                              r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2})(?=,|\.(?:\s|\Z)|\s+said\b)")


def titled_appositions(text: str) -> list[Mention]:
    """The name after a capitalised title in apposition, where the model found nothing ("the
    Minister of National Defence, Katerina Dimou, said"): a person's."""
    found = []
    for match in _TITLE_THEN_NAME.finditer(text):
        words = match.group(2).split()
        if match.group(1).lower() not in TITLES or any(_no_name_word(w) for w in words):
            continue
        found.append(Mention(match.start(2), match.end(2), "PERSON", "titled-apposition", match.group(2)))
    return found


def apposed_names(text: str) -> list[Mention]:
    """Two capitalised words before a title in apposition, where the model found nothing
    ("Ines Carvalho, the Wanderers manager, saw it differently"): a person's name; before a
    body's noun ("Restitution Now, a campaign group based in Berlin,"): a body's."""
    found = []
    for match in _APPOSED_NAME.finditer(text):
        words = match.group(1).split()
        if match.group(2) in ORG_DESCRIPTORS and not any(strong_place(w) for w in words):
            found.append(Mention(match.start(1), match.end(1), "ORG", "described-body", match.group(1)))
            continue
        if match.group(2) not in TITLES or any(_no_name_word(w) for w in words):
            continue
        found.append(Mention(match.start(1), match.end(1), "PERSON", "apposed-name", match.group(1)))
    return found


# "A spokeswoman for Y, Jane Roe, said", "the mayor's spokesman, John Roe,": a role in lower
# case (with the body it serves) and a two- or three-word name in apposition after it
_ROLE_THEN_NAME = re.compile(r"(?<![\w’'-])(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z][\w’'-]*\s+){0,3}?([a-z-]+)"
                             r"(?:\s+(?:of|for|at|to|with)\s+(?:the\s+)?(?:[A-Z][\w&’'.-]*\s*){1,5}"
                             r"|\s+(?:of|for|at|to|with)\s+the\s+[a-z-]+)?,\s+"
                             r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2})(?=,|\.\s|\s+(?:said|says|told)\b)")


def role_appositions(text: str) -> list[Mention]:
    """The name after a role in lower case in apposition, where the model found nothing ("A
    spokeswoman for Y, Jane Roe, said"): a person's. After any noun when "who" follows the name
    ("a blogger, Ikenna Obi, who wrote"): origin "who-apposition", which outranks the model."""
    found = []
    for match in _ROLE_THEN_NAME.finditer(text):
        words = match.group(2).split()
        # (any noun when "who" follows the name: "a blogger, Ikenna Obi, who wrote", as bodies take "which")
        who = re.match(r",\s+who\b", text[match.end(2):match.end(2) + 8]) and match.group(1) not in ORG_DESCRIPTORS
        if not (match.group(1) in PERSON_ROLES or who) or any(_no_name_word(w) for w in words):
            continue
        found.append(Mention(match.start(2), match.end(2), "PERSON", "role-apposition" if match.group(1) in PERSON_ROLES
                             else "who-apposition", match.group(2)))
    return found


def cued_places(doc: Doc, text: str) -> list[Mention]:
    """A one-word name the gazetteer knows as a town, where the model saw nothing, in a
    place's slot ("based in Kasane", "the late ferry to Esbjerg"): a place. Not a word
    of any person's name in the article (surnames are often towns somewhere), nor a word the
    text writes in lower case, nor a title, a body's word or a date."""
    people_words = {w for ent in doc.ents if ent.label_ in ("PERSON", "ORG", "NORP") for w in ent.text.split()}
    lowercase = lowercase_words(text)
    found = []
    for token in doc:
        word = token.text
        # (the model may call a town it does not know a date: "based in Kasane" DATE)
        if token.ent_type_ not in ("", "DATE", "TIME") or not re.fullmatch(r"[A-Z][a-z]{2,}", word) or token.is_sent_start or word in people_words \
                or word.lower() in lowercase or word.lower() in _NO_NAME_WORDS:
            continue
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is not None and (nxt.text[:1].isupper() or nxt.text in ("’s", "'s", "-")):
            continue
        if not _PLACE_SLOT.search(text[max(0, token.idx - 30):token.idx]):
            continue
        place = strong_place(word)
        if place is not None and not is_demonym(word):
            found.append(Mention(token.idx, token.idx + len(word), "LOC", "place-slot", word))
    return found


def place_names(text: str) -> list[Mention]:
    """Capitalised words that certainly name a place (a country, a first-level subdivision,
    a curated place, a big city) where the small model saw nothing ("Tasmania was
    excluded"): the model misses names at a sentence start and in lists."""
    found = []
    lowercase = lowercase_words(text)
    for match in _LONG_CAP_RUN.finditer(text):
        # the run itself, else its longest parts that are places ("The Ontario Chess Club" when
        # the model saw nothing there: Ontario; "Canada News North America Politics": two)
        parts = list(re.finditer(r"[A-Z][a-z]+", match.group(0)))
        spans = [(parts[i].start(), parts[i + n - 1].end()) for n in range(min(len(parts), 4), 0, -1) for i in range(len(parts) - n + 1)]
        taken: list[tuple[int, int]] = []
        if re.match(r"\s*&", text[match.end():]):
            continue  # "Mary & Ana Ruiz Hall": part of a name joined by "&", not a place
        for a, b in spans:
            words = match.group(0)[a:b]
            if words.lower() in lowercase or words in ("The", "A", "An") or any(a < y and x < b for x, y in taken):
                continue  # also an ordinary word in this text ("Mobile", "Reading")
            if certain_place(words):
                found.append(Mention(match.start() + a, match.start() + b, "LOC", "place-name", words))
                taken.append((a, b))
    return found
