"""Stage 8: meetings and attendance claims.

Input: the article index, the statements stage's record, the dates the events stage found
and the publication date; output: ``meetings``, ``attendance_claims`` and the anonymous
parties only meetings name.

Triggers are meeting nouns (talks, meeting, summit, negotiations, round, encounter,
visit, trip, ...) and verbs (meet, visit, host, broker, invite). A trigger starts a new
meeting when it is indefinite or carries its own place ("talks between X and Y", "a
round in Tashkent", "met ... in Madrid"); a definite one ("the talks") refers back to
the last meeting of its sort, or to the meeting held in the place it names ("the talks in
Tehran"), and starts nothing. "No talks", "refused to meet" are not meetings.

* place: the place named with "in/at/to" in the trigger's clause, else the only place
  of the sentence; "efforts in Doha, Moscow and Islamabad" beside a trigger gives one
  meeting per place;
* status: failed ("unsuccessful", "failed", "collapsed", "called off", "broke down"),
  attempted ("tried", "attempt"), proposed (future or plan: "will", "expected to",
  "proposed", "agreed to meet", "invite"), else held;
* kind: the trigger's noun (talks, summit, chance encounter, visit), "brokered ..." when
  a broker is named;
* participants: "between X and Y", the subject and object of "meet", the subject of
  "visit" (visitor), "host" (host), "broker" (broker), the object of "invite" (invitee);
* a meeting with neither place nor date in a sentence right after another meeting, or
  of the same sort and status as a more precise one, is that meeting (the lede and
  the body describe one meeting twice).

Attendance claims: a statement whose content says that someone "was there", "was
present", "attended", "did not attend", or that "confirmed/denied his participation";
the stance is "denies" when exactly one of the cue (deny, reject) and the content (not)
is negative. The meeting is the one the sentence refers to, else the last one referred to
that took place (a claim of presence is not about a meeting put off or only planned).

Other senses are not meetings: "meet the target", "visit the website", "a conference call",
"a round of layoffs", a mountain's summit, "the rivers meet" (a meeting is of someone,
somewhere or at some time). A definite reference's own predicate ("the meeting was
cancelled") gives the meeting's status; "invited/asked X to meet" makes X a participant.

Later rules (docs/extraction.md, "Round four"): a venue named later refines the city; "met
there", "in that town", the scene before a first "the meeting", the paragraph's dateline;
groups the story names most ("the two companies"); who acts at, cancels, proposes or is
called to a meeting; sessions, consultation evenings and debates between people; an earlier
failed approach is a round of its own; claims through "you" in an interview, "her client",
"rejected that", "I was in X", and "X never met Y" about X alone.

Round five (docs/extraction.md, "Round five: meetings and attendance"): people the story
describes ("Home Office officials", "eleven colleagues") are parties of their own; "the two
ministers" are the people given that title; "sat down with", "received", "hosted X", "In a
meeting ..., X told Y", trips ("arrived in X for talks"), "took part in", "pulled out of";
rescheduling makes a new proposed meeting; "met with criticism", "met estimates" are no
meetings; more status words and planned/upcoming/"set for"/"were due to"; a venue in a city is
one meeting at the venue, "in the capital" the story's capital; the fuller telling is the
evidence; alibis ("had been in Paris that day") deny, "the meeting took place" / "no meeting
with X took place" claim, "seen at", "turned up", "sat in on" are presence.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Span, Token

from .dates import MONTHS
from .affiliations import antecedent
from .mentions import ROLE_NOUNS
from .attribution import PRONOUNS, SPEECH_VERBS, Attribution, anonymous_items, names_people
from .index import ArticleIndex, Context, fresh
from .institutions import capitals, country_for, nationality_code
from .places import DATELINE
from .records import span_value

NOUNS = {"talks": "talks", "talk": "talks", "meeting": "meeting", "meetings": "meeting", "summit": "summit",
         "negotiations": "talks", "negotiation": "talks", "discussions": "talks", "round": "talks",
         "encounter": "encounter", "visit": "visit", "trip": "visit", "conference": "conference",
         "consultations": "talks", "summits": "summit", "dinner": "meeting", "lunch": "meeting",
         "breakfast": "meeting", "debate": "debate", "session": "meeting", "sessions": "meeting", "consultation": "meeting",
         "briefing": "briefing", "forum": "forum", "workshop": "workshop", "call": "call", "conversation": "conversation",
         "audience": "audience", "assembly": "assembly", "hearing": "hearing", "hearings": "hearing",
         "ceremony": "ceremony"}
# meeting words that are meetings only beside who meets or how: "a call with X", "a telephone
# call", "a conversation between X and Y", "an audience with the king" (not "a call for calm",
# "an audience of 200", "the conversation turned to")
WITH_WHOM = frozenset("call conversation audience".split())
# occasions a meeting word before them makes a meeting: "a consultation evening", "a negotiating session"
OCCASIONS = frozenset("evening night day event session sessions".split())
# sessions that are not meetings of parties: "a training session", "the trading session"
NOT_MEETING_SESSIONS = frozenset("training trading photo practice recording study therapy jam morning afternoon".split())
# what says a meeting continues a negotiation: "a second round", "the next round"
AGAIN = frozenset("second third fourth follow-up next further another new".split())
# what says a meeting is one before those told already: "previous talks", "an earlier meeting"
EARLIER = frozenset("previous earlier prior".split())
# what says a meeting replaces one called off or put off: "a rearranged session"
REPLACING = frozenset("rearranged rescheduled replacement".split())
VERBS = {"meet": "meeting", "visit": "visit", "host": "talks", "broker": "meeting", "invite": "visit"}
# words for some of a group: "one of the deputies", "two of the officials"
SHARES = frozenset("one two three four some several many most few".split())
# who a meeting's list of those there is of: "the guests included X"
GUEST_WORDS = frozenset("guest participant attendee delegate invitee diner".split())
# what people call each other on: "telephoned X", "spoke by phone"
PHONES = frozenset("telephone phone videophone".split())
# meals people meet over: each is an occasion of its own
MEALS = frozenset("dinner lunch breakfast supper".split())
# what people meet over when they "have" or "share" one ("had a coffee with X")
DRINKS = frozenset("coffee tea drink".split())
# who dines with someone meets them (by the word: the lemmatizer makes "dined" "din")
DINING = frozenset("dine dines dined dining".split())
# a try at talks that failed, told beside the talks that followed: "after an earlier approach by X collapsed"
EARLIER_TRIES = frozenset("approach bid attempt".split())
WEAK_NOUNS = ("efforts", "attempts", "bids")  # meetings only beside a real trigger: "efforts in Doha"
FAILED = re.compile(r"\b(unsuccessful|failed|fail|collapsed|broke down|broke up|fell apart|ended without|stalled|deadlocked"
                    r"|ended in (?:deadlock|stalemate|failure|acrimony)|broke off|foundered)\b", re.I)
CANCELLED = re.compile(r"\b(cancel(?:l?ed|s)?|called off|call off|scrapped|abandoned|shelved|axed|scuttled)\b", re.I)
POSTPONED = re.compile(r"\b(postponed?|postpones|delayed|put off|put back|pushed back|rescheduled|deferred|adjourned"
                       r"|put on hold|suspended)\b", re.I)
# verbs of how long a meeting goes on: "expected to last three days"
LASTING = frozenset("last continue run end conclude finish wrap stretch".split())
# verbs that make a meeting called off or put off happen anew: "to reschedule the debate"
REDOING = frozenset("reschedule rearrange reconvene reorganise reorganize restage rerun".split())
# verbs of a trip whose purpose is a meeting: "arrived in Kabul for talks"
TRAVEL_VERBS = frozenset("arrive travel fly go come head return leave gather assemble convene be lead send".split())
# words that want a meeting: "called for talks", "open to talks", "pressed for a summit"
WANTING = frozenset("call push press demand appeal urge open ready willing interested lobby campaign".split())
# contests in which sides "meet": "meet Djokovic in the final", "meet again in a qualifier"
CONTESTS = frozenset("""final finals semifinal semifinals semi quarterfinal quarterfinals round match game tie playoff
play-off qualifier fixture derby decider showdown rematch bout race league cup""".split())
# words before a meeting noun that say it is still to come
PLANNED = frozenset("planned proposed upcoming forthcoming scheduled expected prospective possible potential mooted".split())
# conjunctions after which a present tense looks ahead ("when he next visits"); not "whenever", which is habit
TIME_OR_CONDITION = frozenset("when once if until unless before after".split())
# what "met with" and "met" take that is no party: a reaction or a figure ("met with criticism", "met estimates")
REACTIONS = frozenset("""criticism opposition resistance approval scepticism skepticism anger outrage protest protests
silence success failure applause derision dismay disbelief hostility indifference enthusiasm acclaim praise condemnation
ridicule concern alarm resignation suspicion disapproval backlash fury surprise response reaction reception
estimate forecast projection guidance consensus death fate match""".split())
# "meet the requirements", "make ends meet": objects of "meet" that are not parties
NOT_PARTIES = frozenset("""requirement target deadline demand need expectation standard criterion criteria goal
obligation condition threshold quota challenge cost payment payroll bill debt end objective commitment
benchmark specification expense""".split())
NO_PARTIES = NOT_PARTIES | REACTIONS
# objects of "visit" that are not places or people: "visit our website"
NOT_VISITED = frozenset("website page link portal app account blog feed channel profile".split())
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "2": 2, "3": 3, "4": 4, "5": 5}
# nouns for a country's side in talks: "the Uzbek delegation", "the Kyrgyz side"
GROUP_NOUNS = frozenset("delegation side team government negotiator leader minister official president".split())
ATTEND_VERBS = frozenset("attend join participate".split())
# nouns for organisations as a group: "the two companies", "both clubs"
BODY_NOUNS = frozenset("company firm bank group club union party organisation organization business carrier airline".split())
ABSENT_VERBS = frozenset("miss skip boycott".split())
HABITUAL = frozenset("continue regularly often frequently usually routinely".split())
# the verbs of a later sentence that make its subject a participant: "X, who attended the talks"
ATTENDING = frozenset("attend join participate".split())
ATTEMPT_VERBS = frozenset("try attempt seek".split())
# verbs whose object, not subject, does what the infinitive says: "invited him to meet her"
OBJECT_CONTROL = frozenset("invite ask urge tell persuade encourage allow order press call force".split())
# verbs of a clause on the meeting noun that set where and when it is: "talks held in X", "a round planned for May"
SETTING_VERBS = frozenset("hold convene host plan schedule set arrange organise organize due expect call".split())
# verbs of the part someone had in a meeting, and that part: "the talks were mediated by X"
ARRANGING = {"mediate": "mediator", "broker": "broker", "host": "host", "arrange": "arranger", "chair": "mediator",
             "organise": "arranger", "organize": "arranger"}
PLAN_VERBS = frozenset("propose plan expect agree schedule intend hope want invite offer promise aim".split())
NEGATED_DETERMINERS = {"no", "any"}
REFUSING = {"refuse", "decline", "reject"}
PRESENCE = re.compile(r"\b(was|were) (there|present|in the room|in attendance)\b|\battend(ed)?\b|\bparticipat(ed|ion)\b|\battendance\b|\b(presence|absence) (at|from)\b"
                      r"|\b(was|were) not in\b|\b(was|were) in\b|\bled the (\w+ )?delegation\b|\bdid not (go|come|travel)\b")
NEGATION = re.compile(r"\b(not|never|n't|did not|no|unable|refused|declined|failed|absent|skipped|missed|boycotted|stayed away)\b")
DENYING_CUES = {"denied", "deny", "denies", "rejected", "rejects", "disputed"}
# nouns for people a story describes rather than names, beyond the speakers' and roles' nouns
# ("six colleagues", "the bankers", "his agent", "the parents"): participants of their own
PEOPLE_WORDS = frozenset("""colleague shipowner envoy family client man men woman women agent counterpart candidate
mediator relative student parent patient supporter voter villager protester rebel fighter""".split())
# nouns for bodies, or for a country's side, that name_people counts but that stand for the body
# ("the company", "the Uzbek delegation"): left to the rules for bodies and groups
BODY_WORDS = frozenset("""company companies firm firms group groups government governments agency authorities authority
ministry police military army union unions delegation delegations side sides team teams people staff board""".split())
# verbs of seeing someone somewhere: "was seen at the talks", "photographed X at the dinner"
SEEING = frozenset("see spot photograph film notice glimpse recognise recognize".split())
# verbs of being somewhere: "had been in Lisbon all week", "spent the day in X"
WHEREABOUTS = frozenset("be spend stay remain".split())
# words that tie a whereabouts to the time of a meeting told before
_SAME_TIME = re.compile(r"\b(?:that|the same) (?:day|night|evening|morning|afternoon|week|weekend)\b|\bat the time\b|\bthroughout\b|\ball (?:day|night|morning|week)\b")
# Round six: more ways news writing tells who was at a meeting and who was not
# how someone joins from afar: "joined by video link", "took part by telephone"
MEANS = frozenset("link videolink video phone telephone call videoconference conference zoom teams skype satellite "
                  "livestream stream speakerphone".split())
# a part someone plays at a meeting, whose object is the meeting: "chaired the talks", "addressed the summit"
RUNNING = frozenset("chair host address open moderate convene preside co-chair cochair".split())
# what someone does who was there: "walked out of the talks", "left the meeting early", "arrived for the dinner"
LEAVING = frozenset("leave quit exit".split())
WALKING = frozenset("walk storm stalk stride".split())
ARRIVING = frozenset("arrive".split())
GOING = frozenset("go come travel fly drive head".split())
# heads under which a presence is a refusal or an inability: "refused to attend", "was unable to join"
REFUSAL_HEADS = frozenset("refuse decline fail neglect unable".split())
# nouns for an invitation a refusal turns down: "declined an invitation to attend"
INVITATIONS = frozenset("invitation invite offer summons request".split())
# verbs of keeping someone out: "was excluded from the talks", "barred from the meeting", "shut out of"
EXCLUDING = frozenset("exclude bar ban shut keep lock turn".split())
# people sent in one's place: "sent a deputy", "sent his lawyers"
STAND_INS = frozenset("deputy deputies representative representatives envoy envoys aide aides delegate delegates stand-in "
                      "substitute number lawyer lawyers official officials minister ministers".split())
# what those at a meeting are called: "was among the delegates", "among those at the talks"
# where a meeting sits: being in one of these is being at the meeting ("was in the room")
ROOMS = frozenset("table room boardroom restaurant dinner session chamber chambers".split())
# "was shown into the boardroom", "walked into the meeting": entering it is being there
ENTERING = frozenset("show usher lead bring walk invite call summon come get burst".split())
# what a record may list someone as, being there ("record X as present")
RECORDED_PRESENT = frozenset("present attending attendee participant guest host chair".split())
# the part someone a record lists "as the host of a meeting" played there
LISTED_AS = {"host": "host", "organiser": "host", "organizer": "host", "chair": "mediator", "participant": "delegate"}
PRESENT_GROUPS = frozenset("participants delegates attendees guests those people leaders ministers officials".split())
# who makes the claim that someone was not there after "nowhere": "was nowhere near the meeting"


def capital_of(adjective: str) -> str | None:
    """The capital city of the country an adjective or name stands for ("Iranian" -> Tehran)."""
    for candidate in (adjective, adjective[:-1], adjective[:-2], adjective[:-3], adjective[:-3] + "a"):
        found = country_for(candidate) if len(candidate) > 3 else None
        if found:
            return capitals().get(found[0])
    return None


def family(kind: str) -> str:
    """Sorts of meeting that a later reference can mean: a visit, an encounter, or talks of any kind."""
    word = kind.split()[-1]
    return word if word in ("visit", "encounter") else "talks"


class _Meeting:
    def __init__(self, trigger: Token, kind: str, sentence: Span):
        self.trigger, self.kind, self.sentence = trigger, kind, sentence
        self.family = family(kind)
        self.location: str | None = None
        self.date: dict | None = None
        self.status = "held"
        self.participants: dict[str, str] = {}
        self.merged = False
        self.continues = False  # "a second meeting" whose parties are not known yet
        self.again = False  # "a second round", "a follow-up meeting": another round of a negotiation
        self.told_status: str | None = None  # what a later reference says became of it


class MeetingFinder:
    def __init__(self, context: Context, dates: list[dict], published: str):
        self.c = context
        self.text, self.doc = context.text, context.doc
        self.dates, self.published = dates, published  # the events stage's date expressions; the article's date
        self.meetings: list[_Meeting] = []
        self.references: list[tuple[int, _Meeting]] = []  # (offset, meeting) of every reference
        self.new_at: set[int] = set()  # offsets of the triggers that started a meeting

    def location_in(self, tokens: list[Token]) -> list[str]:
        """Places named in these tokens after in/at/to (or as a modifier: "the Tehran talks")."""
        found = []
        for t in tokens:
            if t.lower_ in ("town", "city", "village") and t.dep_ == "pobj" and t.head.lower_ in ("in", "at") \
                    and any(c.lower_ == "that" for c in t.children):
                # "at a summit in that town": the last town or city named before
                town = next((m[2] for m in reversed(self.c.mentions()) if t.sent.start_char <= m[0] < t.idx and m[3] == "location"
                             and not self._party_at_id(m[2])), None)  # in the same sentence, not a country
                if town and town not in found:
                    found.append(town)
            capital = self.capital(t)
            if capital and t.head.lower_ in ("in", "at", "to") and capital not in found:
                found.append(capital)
            hit = self.c.entity_at(t.idx, t.idx + len(t))
            if not hit or hit[1] != "location" or hit[0] in found:
                continue
            head = t
            while head.dep_ == "conj":
                head = head.head
            place_of = head.head.head if head.dep_ == "pobj" and head.head.lower_ in ("on", "in", "near") else None
            around = self.c.entity_at(place_of.idx, place_of.idx + len(place_of)) if place_of is not None else None
            if around and around[1] == "location" and around[0] != hit[0] and self.is_venue(around[0]) and not self.is_venue(hit[0]):
                continue  # "at the Grand Hotel in Oslo": the hotel is the place; Oslo only says where it is
            if place_of is not None and place_of.pos_ == "NOUN" and place_of.dep_ == "pobj" and place_of.head.lower_ in ("in", "at", "to") \
                    and (self.is_venue(hit[0]) or head.head.lower_ == "near"):
                found.append(hit[0])  # "at a hotel on X Road": the street or building it is in
                continue
            if head.dep_ == "pobj" and head.head.lower_ in ("in", "at", "to") \
                    or head.dep_ in ("compound", "amod", "nmod") and head.head.lower_ in NOUNS \
                    or head.dep_ == "dobj" and head.head.lemma_ == "visit":
                found.append(hit[0])
        return found

    def same_or_within(self, place: str | None, other: str) -> bool:
        """Whether ``place`` is ``other`` or a city of the country ``other`` ("Tehran" in "Iran")."""
        if place is None:
            return False
        if place == other:
            return True
        by_id = {self.c.ids.get(id(e)): e for e in self.c.entities if e.kind == "location" and e.place is not None}
        inner, outer = by_id.get(place), by_id.get(other)
        return bool(inner and outer and outer.place.kind == "country" and inner.place.kind != "country"
                    and inner.place.country_code and inner.place.country_code == outer.place.country_code)

    def capital(self, token: Token) -> str | None:
        """"the Iranian capital": the capital of that country, when the article names it as a place."""
        if token.lower_ != "capital":
            return None
        if [c.lower_ for c in token.children] == ["the"] and token.dep_ == "pobj":
            # "met X in the capital": the capital of the country the story is in (the country most of
            # its places are in), when the story names that city
            codes: dict[str, int] = {}
            for e in self.c.entities:
                if e.kind == "location" and e.place is not None and e.place.country_code:
                    codes[e.place.country_code] = codes.get(e.place.country_code, 0) + len(e.spans)
            ranked = sorted(codes, key=lambda k: -codes[k])
            if ranked and (len(ranked) == 1 or codes[ranked[0]] > codes[ranked[1]]):
                city = capitals().get(ranked[0])
                for entity in self.c.entities:
                    if city and entity.kind == "location" and entity.place and entity.place.name == city and self.c.ids.get(id(entity)):
                        return self.c.ids[id(entity)]
            return None
        for child in token.children:
            if child.dep_ in ("amod", "compound", "poss") and child.text[:1].isupper():
                city = capital_of(child.text)
                if city:
                    for entity in self.c.entities:
                        if entity.kind == "location" and entity.place and entity.place.name == city:
                            return self.c.ids.get(id(entity))
        return None

    def clause(self, trigger: Token) -> list[Token]:
        """The trigger's own words, without relative clauses ("..., who lives in Iran")."""
        # a clause that holds or plans the meeting itself gives its place and date: "a round planned for
        # May in Lima", "the summit, which had been scheduled for June 2 in Oslo"
        skip = {t.i for t in trigger.subtree for c in [t] if c.dep_ in ("relcl", "acl", "ccomp", "advcl") and c != trigger
                and not (c.dep_ in ("acl", "relcl") and c.head == trigger and c.lemma_ in SETTING_VERBS) for t in c.subtree}
        # nor another clause joined to it ("met X in A, and the two discussed a rally in B") or an event
        # before or after it ("visited A before travelling to B")
        other = {t.i for c in trigger.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and trigger.pos_ == "VERB"
                 or c.dep_ == "prep" and c.lower_ in ("before", "after", "since", "until") and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)
                 for t in c.subtree}
        own = [t for t in trigger.subtree if t.i not in skip | other]
        # (only when the trigger's own words name a place: the parser also joins to the verb what belongs to it)
        if other and self.location_in(own):
            skip |= other
        tokens = [t for t in trigger.subtree if t.i not in skip]
        if trigger.pos_ == "VERB":
            if trigger.dep_ == "relcl" and any(c.lower_ == "where" for c in trigger.children):
                tokens.append(trigger.head)  # "visited Bergen, where he met X": the place the clause describes
            return tokens
        travel = self.travel_verb(trigger)
        if travel is not None:
            # "arrived in Kabul for two days of talks": where the trip went
            tokens += [t for c in travel.children if c.dep_ == "prep" and trigger not in c.subtree for t in c.subtree]
        verb = trigger.head
        if verb.pos_ != "VERB" and trigger.dep_ == "appos" and verb.dep_ in ("nsubj", "nsubjpass") and verb.head.pos_ == "VERB":
            verb = verb.head  # "LISBON (Wire) - Talks ... broke up in Lisbon": a dateline the parser took for the subject
        if trigger.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in ("at", "during") and verb.head.pos_ == "VERB":
            verb = verb.head  # "was voted out on Sunday at a board meeting": what happened at it, when and where
        if verb.pos_ == "VERB":
            # "met ... in Madrid", "initialled ... in Bishkek": the verb's own place words (and
            # time words: "broke up late on Wednesday")
            tokens += [t for c in verb.children if c.dep_ == "prep" or c.dep_ == "advmod" and any(
                g.dep_ == "prep" for g in c.children) for t in c.subtree]
        return tokens

    @staticmethod
    def travel_verb(trigger: Token) -> Token | None:
        """"arrived in X for talks", "flew to X for two days of talks", "stayed in X for a meeting":
        the verb of the trip (or the stay) the meeting is the purpose of."""
        t = trigger
        while t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ == "NOUN":
            t = t.head.head  # "two days of talks"
        if t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.head.lemma_ in TRAVEL_VERBS | WHEREABOUTS:
            return t.head.head
        return None

    def date_of(self, m: _Meeting) -> dict | None:
        """The date in the trigger's clause, else the sentence's only date."""
        clause = {t.idx for t in self.clause(m.trigger)}
        in_sentence = [d for d in self.dates if m.sentence.start_char <= d["start"] < m.sentence.end_char]
        own = [d for d in in_sentence if any(d["start"] <= i < d["end"] for i in clause)]
        if own or len(in_sentence) != 1:
            return own[0] if own else None
        # (not a date that describes another noun: "the company, valued at $1bn last year, ... a board meeting")
        at = self.doc.char_span(in_sentence[0]["start"], in_sentence[0]["end"], alignment_mode="expand")
        if at is not None and any(a.dep_ in ("relcl", "acl", "appos") and m.trigger not in a.subtree for a in at.root.ancestors):
            return None
        return in_sentence[0]

    def triggers(self, sentence: Span) -> list[tuple[Token, str]]:
        found = []
        for t in sentence:
            if self.c.inside_quote(t.idx) and (t.head is t or self.c.inside_quote(t.head.idx) or t.pos_ != "NOUN" and not (
                    t.pos_ == "VERB" and t.tag_ in ("VBD", "VBN") and any(c.dep_ == "nsubj" and not self.c.inside_quote(c.idx) for c in t.children))):
                # (a quoted phrase the reporter's words frame is the reporter's: had "a frank conversation"
                # with X, X and Y "dined together"; not the present's habit: "the fund "meets anyone"")
                continue
            # a capitalised trigger opening the story ("- Talks between ...") is often tagged PROPN
            if (t.pos_ == "NOUN" or t.pos_ == "PROPN" and t.text.istitle() and not self.c.entity_at(t.idx, t.idx + len(t))
                    and not (t.i > sentence.start and self.doc[t.i - 1].text.istitle() and self.doc[t.i - 1].pos_ in ("PROPN", "ADJ"))) \
                    and t.lower_ in NOUNS:  # (not the last word of a name: "the Italian Episcopal Conference")
                if t.lower_ == "round" and not any(c.lower_ == "of" or c.lower_ in AGAIN for c in t.children) \
                        and not self.location_in(list(t.subtree)):
                    continue
                if t.lower_ == "round" and any(c.lower_ == "of" and not any(g.dep_ == "pobj" and g.lower_ in NOUNS for g in c.children)
                                               for c in t.children):
                    continue  # "a round of layoffs", "the first round of the election": not of talks
                if t.lower_ in ("session", "sessions") and any(c.lower_ in NOT_MEETING_SESSIONS for c in t.children):
                    continue
                if t.dep_ == "compound" and t.head.lower_ in OCCASIONS and t.head.pos_ == "NOUN":
                    found.append((t.head, NOUNS[t.lower_]))  # "a public consultation evening": the evening is the meeting
                    continue
                if t.lower_ == "consultation":
                    continue  # alone, a consultation is a process ("after consultation with residents")
                if t.lower_ == "hearing" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in t.children) \
                        and not any(c.dep_ in ("compound", "amod", "prep") for c in t.children):
                    continue  # "damaged his hearing": the sense, not a hearing held
                if t.lower_ == "debate" and not (any(c.lower_ in ("televised", "live", "tv", "election", "leaders") or
                                                     c.dep_ == "prep" and c.lower_ in ("with", "between") for c in t.children)
                                                 or self.definite(t) and any(m.kind == "debate" for m in self.meetings)):
                    continue  # a debate is a meeting when held between people ("a televised debate with X"), not "the debate over water"
                if t.lower_ == "assembly" and (not t.text.islower() or any(
                        c.lower_ in ("general", "national", "legislative", "constituent") or c.pos_ == "PROPN" for c in t.children)):
                    continue  # "the National Assembly", "the Oslo assembly": a body, not a meeting held
                if t.lower_ in WITH_WHOM and not (
                        any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in t.children)
                        or t.lower_ == "call" and any(c.dep_ in ("compound", "amod") and (c.lower_ in MEANS or c.lower_ in NOUNS)
                                                      for c in t.children)):
                    continue
                if t.lower_ in WITH_WHOM and t.dep_ == "pobj" and t.head.lower_ in ("on", "in", "during") \
                        and t.head.head.lemma_.lower() in SPEECH_VERBS:
                    continue  # "told investors on a video call": how something was said, not a meeting
                if t.dep_ == "compound" and (t.head.lower_ not in NOUNS or t.head.lower_ in WITH_WHOM):
                    continue  # "a conference call", "the meeting room": the meeting word only describes
                if t.lower_ in ("summit", "summits") and t.head.lemma_ in ("reach", "climb", "scale", "conquer", "ascend"):
                    continue  # a mountain's summit
                if t.i > sentence.start and self.doc[t.i - 1].lower_ in ("not", "no") or t.i > sentence.start + 1 \
                        and self.doc[t.i - 2].lower_ == "not" and self.doc[t.i - 1].lower_ in ("a", "an"):
                    continue  # "the law, not a negotiation"
                found.append((t, NOUNS[t.lower_]))
            elif t.pos_ == "VERB" and t.lower_ in ("talks", "negotiations", "meetings") and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
                found.append((t, NOUNS[t.lower_]))  # "The Oslo talks, attended by X, ended": a noun the tagger took for a verb
            elif t.pos_ == "VERB" and t.lemma_ == "sit" and any(c.lower_ == "down" for c in t.children) \
                    and any(c.dep_ == "prep" and c.lower_ == "with" for c in t.children) \
                    or t.pos_ == "VERB" and t.lemma_ == "receive" and any(
                        c.dep_ == "dobj" and self._party_at(c) and self.c.kind_of(self._party_at(c)) == "person" for c in t.children) \
                    and any(c.dep_ == "nsubj" and self._party_at(c) for c in t.children):
                found.append((t, "meeting"))  # "X sat down with Y", "X received Y in the Kremlin"
            elif t.pos_ == "VERB" and (t.lemma_.lower() in PHONES and any(c.dep_ == "dobj" and self.parties(c) for c in t.children)
                                       or t.lemma_ in ("speak", "talk") and any(
                                           c.dep_ == "prep" and c.lower_ in ("by", "over", "on") and any(
                                               g.dep_ == "pobj" and g.lemma_.lower() in PHONES for g in c.children) for c in t.children)
                                       and (with_phrases(t) or any(c.dep_ == "nsubj" and (c.tag_ == "NNS" or c.conjuncts) for c in t.children))):
                # "X telephoned Y", "the two leaders spoke by phone", "spoke by phone with Y" (not
                # "said by phone", "speaking by phone from the blockade": how one was interviewed)
                found.append((t, "telephone call"))
            elif t.pos_ == "NOUN" and t.lemma_.lower() in DRINKS and t.dep_ == "dobj" and t.head.lemma_ in ("have", "share") \
                    and (with_phrases(t.head) or any(c.dep_ == "prep" and c.lower_ == "with" for c in t.children) or _several(t.head)):
                found.append((t, "meeting"))  # "had a coffee with X", "they had shared a coffee": met over it
            elif t.pos_ == "VERB" and t.lower_ in DINING and (with_phrases(t) or _together(t)):
                # "X dined with Y", "X and Y dined together" ("we dined late" is no meeting), as "a dinner" is
                found.append((t, "meeting"))
            elif t.pos_ == "VERB" and t.lemma_ in VERBS:
                if t.lemma_ == "host" and not any(c.dep_ == "dobj" and (c.lower_ in NOUNS or any(
                        self._party_at(x) and self.c.kind_of(self._party_at(x)) == "person"
                        for x in [c, *(a for a in c.children if a.dep_ == "appos")])) for c in t.children):
                    continue  # "hosted the talks", "hosted Lena Vik in Oslo" (not "hosted the Olympics")
                if t.lemma_ == "broker" and not any(c.dep_ == "dobj" and c.lower_ in NOUNS for c in t.children):
                    continue
                if t.lemma_ == "invite" and any(c.dep_ == "xcomp" and c.lemma_ in VERBS for c in t.children):
                    continue  # "invited him to meet me": the meeting is the trigger, the invitation its plan
                if t.lemma_ == "meet" and (any(c.dep_ in ("dobj", "nsubjpass") and (c.lemma_.lower() in NO_PARTIES or c.lower_ == "it"
                                                                                  or _share_of(c))
                                               for c in t.children)
                                           or any(c.dep_ == "prep" and c.lower_ == "with" and any(
                                               g.dep_ == "pobj" and g.lemma_.lower() in REACTIONS for g in c.children) for c in t.children)
                                           or any(c.dep_ == "nsubj" and c.lower_ == "ends" for c in t.children)
                                           or t.dep_ == "ccomp" and any(c.lower_ == "ends" for c in t.head.children)):
                    continue  # "meet the target", "make ends meet"
                if t.lemma_ == "visit" and any(a.lemma_ in HABITUAL for a in [t, *t.ancestors][:3]
                                               for a in [a, *a.children]):
                    continue  # "continues to visit": a habit, not one visit
                if t.lemma_ == "meet" and any(g.dep_ == "pobj" and g.head.lower_ in ("in", "at", "for") and (
                        g.lemma_.lower() in CONTESTS or g.lower_.endswith(("-final", "-finals"))) for g in t.subtree):
                    continue  # "Nadal will meet Djokovic in the final": a match, not a meeting
                if t.lemma_ in ("meet", "visit") and t.tag_ in ("VBP", "VBZ") and any(g.lower_ in ("every", "each") for c in t.children
                                                         if c.dep_ in ("npadvmod", "advmod", "prep") for g in c.subtree) \
                        or t.lemma_ == "meet" and any(c.lemma_ in HABITUAL for c in t.children):
                    continue  # "the members meet every Tuesday", "visit each year": a habit
                if t.lemma_ == "visit" and any(c.dep_ == "dobj" and c.lemma_.lower() in NOT_VISITED for c in t.children):
                    continue  # "visit the website": a page, not a place or a person
                found.append((t, VERBS[t.lemma_]))
        return found

    def definite(self, token: Token) -> bool:
        dets = {c.lower_ for c in token.children if c.dep_ in ("det", "poss")}
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN" \
                and token.head.head.lower_ not in NOUNS and not dets:
            # "the two days of talks", "the third week of negotiations": the phrase's head says it
            # (not "the host of a meeting", whose meeting has its own article)
            dets |= {c.lower_ for c in token.head.head.children if c.dep_ in ("det", "poss")}
        # ("the players' meeting", "the board's talks": a possessor that is itself definite)
        owners = [c for c in token.children if c.dep_ == "poss" and c.pos_ == "NOUN"
                  and any(d.dep_ == "det" and d.lower_ in ("the", "this", "that", "these", "those") for d in c.children)]
        return bool(dets & {"the", "this", "these", "that", "those", "its", "their"}) or bool(owners) \
            or self.dated_possessive(token) is not None

    def dated_possessive(self, token: Token) -> dict | None:
        """The date of "Tuesday's meeting", "last week's talks", "yesterday's summit": a possessive
        date makes the meeting one already told (the date expression the events stage found)."""
        for c in token.children:
            if c.dep_ == "poss" and (c.ent_type_ in ("DATE", "TIME") or c.lower_ in ("yesterday", "today", "week", "month", "year")):
                start = min(t.idx for t in c.subtree)
                return next((d for d in self.dates if d["start"] <= start < d["end"] or start <= d["start"] < c.idx + len(c)), {})
        return None

    def place_entity(self, local: str | None):
        return next((e for e in self.c.entities if e.kind == "location" and self.c.ids.get(id(e)) == local), None) if local else None

    def is_venue(self, local: str | None) -> bool:
        entity = self.place_entity(local)
        return entity is not None and (entity.place is None or entity.place.kind == "venue")

    def venue_in(self, venue: str, place: str | None) -> bool:
        """Whether a venue can be inside ``place``: a venue the text gives no other town or country for
        ("the talks in Bergen ... the talks at the Bryggen Conference Centre")."""
        if place is None or not self.is_venue(venue) or self.is_venue(place):
            return False
        entity, outer = self.place_entity(venue), self.place_entity(place)
        within = entity.venue_within
        if within is not None:
            return self.c.ids.get(id(within)) == place or self.same_or_within(self.c.ids.get(id(within)), place)
        code = entity.place.country_code if entity.place else None
        return outer is not None and (code is None or outer.place is None or code == outer.place.country_code)

    def run(self) -> None:
        for sentence in self.doc.sents:
            triggers = self.triggers(sentence)
            new: list[_Meeting] = []
            # nouns name the meeting better than verbs ("meeting Muttaqi during a chance encounter"),
            # but "met ... while on a trip" is a meeting, not a visit
            triggers.sort(key=lambda pair: 2 if pair[1] == "visit" and pair[0].pos_ in ("NOUN", "PROPN") else pair[0].pos_ not in ("NOUN", "PROPN"))
            consumed: set[int] = set()
            for token, kind in triggers:
                dets = {c.lower_ for c in token.children if c.dep_ == "det"}
                if dets & NEGATED_DETERMINERS or any(a.lemma_ in REFUSING for a in token.ancestors) \
                        or any(c.dep_ == "neg" for c in token.children):
                    continue
                if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "dobj" and token.head.lemma_ in VERBS and token.head.lemma_ != "meet":
                    continue  # "host the discussions", "brokered meetings": the verb is the trigger
                if token.pos_ == "VERB" and any(c.dep_ == "mark" and c.lower_ == "whether" for c in token.children):
                    continue  # "asked whether he had met X": a question, no meeting told
                places = self.location_in(self.clause(token))
                if token.pos_ == "VERB" and len(places) > 1 and all(self._party_at_id(p) for p in places):
                    # "he had met transport officials in Norway and Iceland": whose officials, not one
                    # meeting per country (the countries stay parties)
                    whose = [p for c in token.children if c.dep_ == "dobj" and describes_people(c)
                             for g in c.children if g.dep_ == "prep" and g.lower_ == "in" for p in self.location_in(list(g.subtree))]
                    if set(places) <= set(whose):
                        places = []
                if not places and token.pos_ == "VERB" and any(c.lower_ == "there" and c.dep_ == "advmod" for c in token.children):
                    places = self.place_before(sentence)  # "What happened in X shows why. They met there ..."
                if token.pos_ == "VERB" and not places and token.dep_ in ("advcl", "xcomp") \
                        and token.head.lemma_ in ("be", "travel", "go", "fly", "come", "arrive", "head", "return"):
                    # "I will be in X next week to meet them", "flew to X to meet Y": the trip's place,
                    # and going somewhere to meet someone is a visit
                    places = self.location_in([t for c in token.head.children if c.dep_ == "prep" for t in c.subtree])
                    if places and token.lemma_ == "meet":
                        kind = "visit"
                if token.pos_ == "VERB" and not places:
                    # "met ... while on a trip to the Iranian capital": the trip gives the place
                    trips = [t for t in token.subtree if t.lower_ in ("trip", "visit") and t.pos_ == "NOUN" and t != token]
                    for trip in trips:
                        places = self.location_in(list(trip.subtree))
                        if places:
                            consumed.add(trip.i)
                            break
                if token.i in consumed:
                    continue
                coming = None
                if token.pos_ in ("NOUN", "PROPN") and self.definite(token) and any(c.lower_ in AGAIN for c in token.children) \
                        and not places:
                    # "the next round": the one still to come told before, else a new one (not the talks under way)
                    coming = next((m for m in reversed(self.meetings + new) if m.family == family(kind)
                                   and m.status in ("proposed", "postponed")), False)
                    if coming:
                        self.told(token, coming)
                        self.references.append((token.idx, coming))
                        continue
                redo = None
                if token.pos_ in ("NOUN", "PROPN") and self.definite(token) and token.dep_ == "dobj" and token.head.lemma_ in REDOING:
                    # "it hopes to reschedule the hearing for June 8": a new one, of the same parties
                    redo = next((m for _, m in reversed(self.references) if m.kind == self.kind(token, kind)
                                 and m.status in ("cancelled", "postponed", "failed")), None) \
                        or next((m for _, m in reversed(self.references) if m.kind == self.kind(token, kind)), None)
                if coming is None and redo is None and token.pos_ in ("NOUN", "PROPN") and self.definite(token) and not (token.head.pos_ == "VERB" and token.head.lemma_ in VERBS) \
                        and self.refer(token, kind, places, pending=new):
                    continue
                if token.pos_ in ("NOUN", "PROPN") and token.i > 0 and self.doc[token.i - 1].lower_ in ("of",) and self.doc[token.i - 1].head.lower_ == "round":
                    continue  # "a round of talks": the round is the trigger
                if any(c.lower_ in ("news", "press") for c in token.children):
                    continue  # a news conference is not a meeting
                governing = token if token.pos_ == "VERB" else token.head if token.dep_ in ("dobj", "nsubjpass") else None
                if governing is not None and any(c.dep_ == "aux" and c.lower_ in ("can", "ca") for c in governing.children):
                    continue  # "can convene meetings": what someone is able to do, not a meeting that happens
                held_here = [m for m in self.meetings if places and self.same_or_within(m.location, places[0])
                             and m.family == family(kind) and m.status in ("held", "failed")]
                if held_here and token.pos_ == "VERB":
                    self.references.append((token.idx, held_here[-1]))  # "meet ... in Tehran" again
                    self._participants(held_here[-1], token)  # and who met there this time it is told
                    told = self.date_of(_Meeting(token, kind, sentence))
                    if told and (not held_here[-1].date or len(str(told["value"])) > len(str(held_here[-1].date["value"]))):
                        # "Last week's failed meeting in X ... Officials met there on January 14": the
                        # telling with the (more precise) date is the fuller one, the evidence
                        held_here[-1].date, held_here[-1].sentence = told, sentence
                    continue
                if not places and token.pos_ in ("NOUN", "PROPN") and self.definite(token) and not self.references:
                    # "the meeting took place late one Tuesday" with no meeting told before: the scene the
                    # story set earlier is that meeting ("accepted cash at a steakhouse in X")
                    places = self.scene_place(sentence)
                if not places:
                    places = self.instead_place(token)
                if not places:
                    places = self.pointed_place(token)
                if not places and token.pos_ in ("NOUN", "PROPN") and not self.definite(token):
                    places = self.trip_before(sentence)
                for place in places or [None]:
                    meeting = _Meeting(token, self.kind(token, kind), sentence)
                    meeting.location = place
                    if redo is not None:
                        meeting.redo = redo
                        if place is None and any(c.lower_ == "same" for t in token.head.subtree if t.lower_ in ("venue", "place", "hotel")
                                                 for c in t.children):
                            meeting.location = redo.location  # "at the same venue"
                    new.append(meeting)
            if not new:
                continue
            # one meeting per place and sentence; meetings without a place join the first
            by_place: dict[tuple, _Meeting] = {}
            for m in new:
                by_place.setdefault((m.location, m.family == "visit"), m)
            kept = [m for key, m in by_place.items() if key[0] is not None] or [by_place[k] for k in by_place][:1]
            # "A session with X ... has been postponed, because X is attending a summit in Y": a
            # meeting told in a clause that gives a reason or a time is another one, and the
            # meeting without a place outside that clause stays a meeting of its own
            placeless = next((m for m in new if m.location is None), None)
            clauses = [_explaining_clause(k.trigger) for k in kept]
            if placeless is not None and placeless not in kept and kept and all(
                    clause is not None and placeless.trigger not in set(clause.subtree) for clause in clauses):
                kept.insert(0, placeless)
            # "met them at the X Hotel in Abuja" parsed with "in Abuja" on the verb: the town only
            # says where the venue is, one meeting at the venue
            kept = [m for m in kept if not (m.location and not self.is_venue(m.location) and any(
                o is not m and o.family == m.family and o.location and self.venue_in(o.location, m.location) for o in kept))]
            weak = [t for t in sentence if t.lower_ in WEAK_NOUNS]
            for t in weak:
                for place in self.location_in(list(t.subtree)):
                    if place not in {m.location for m in kept}:
                        extra = _Meeting(t, kept[0].kind, sentence)
                        extra.location = place
                        kept.append(extra)
            earlier = [t for t in sentence if t.lemma_ in EARLIER_TRIES and t.dep_ == "nsubj" and FAILED.search(t.head.text)
                       and any(c.lower_ in ("earlier", "previous", "prior", "first") for c in t.children)]
            kept.sort(key=lambda m: m.trigger.i)  # in the order the sentence tells them
            for t in earlier:
                # "talks opened in May, after an earlier attempt by X collapsed": the failed try before
                # these talks is a round of its own, of X and the same parties
                extra = _Meeting(t, "talks", sentence)
                for by in (c for c in t.children if c.dep_ == "prep" and c.lower_ == "by"):
                    for pobj in (g for g in by.children if g.dep_ == "pobj"):
                        for local in self.who(pobj):
                            extra.participants.setdefault(local, "delegate")
                extra.before = kept[0]
                kept.append(extra)
            for m in kept:
                m.date = self.date_of(m)
                m.status = m.told_status or self.status(m, sentence)
                self.participants(m)
                self.speaker_party(m)
                if getattr(m, "redo", None) is not None:
                    m.status = "proposed"
                    for key, role in m.redo.participants.items():
                        m.participants.setdefault(key, role)
                for other in new:
                    if other not in kept and m.location and other.trigger.pos_ == "VERB" and (
                            other.location == m.location and other.family == m.family and m.trigger.pos_ in ("NOUN", "PROPN")
                            or other.location is None and m is kept[0] and other.trigger.lemma_ == "meet"):
                        # "X met Y on the sidelines of the summit in Z": one meeting in Z, and who met there
                        self.participants(other)
                        for key in other.participants:
                            m.participants.setdefault(key, "delegate")
                if getattr(m, "before", None) is not None:
                    # its date is its own verb's ("collapsed two years ago"), not the talks'
                    own = {t.idx for t in _predicate(m.trigger.head, m.trigger)}
                    m.date = next((d for d in self.dates if sentence.start_char <= d["start"] < sentence.end_char
                                   and d["start"] in own), None)
                    m.status = m.told_status or self.status(m, sentence)
                    for key, role in m.before.participants.items():
                        if role == "delegate":
                            m.participants.setdefault(key, role)
                again = any(c.lower_ in AGAIN or c.lower_ == "up" and c.dep_ == "compound" for c in m.trigger.children)
                if any(c.lower_ in REPLACING for c in m.trigger.children) and not m.participants:
                    # "a rearranged session": the one called off or put off, between the same parties
                    replaced = next((o for o in reversed(self.meetings + new) if o is not m and o.family == m.family
                                     and o.status in ("cancelled", "postponed") and o.participants), None)
                    if replaced is not None:
                        m.participants.update(replaced.participants)
                m.again = m.trigger.lower_ in ("round", "rounds") or again
                if (m.trigger.lower_ in ("round", "rounds") or again) and not m.participants:
                    # "a second round", "a round in X collapsed", "a follow-up meeting": more of the same
                    # negotiation, between its parties
                    earlier = next((o for o in reversed(self.meetings + new) if o is not m and o.family == m.family
                                    and any(r == "delegate" for r in o.participants.values())), None)
                    if earlier is not None:
                        m.participants.update({k: r for k, r in earlier.participants.items() if r == "delegate"
                                               and self.c.kind_of(k) != "person"})
                    m.continues = not m.participants  # the claims may yet say who met before (see extract_meetings)
                if m.trigger.pos_ == "VERB" and m.trigger.lemma_ in ("meet", "visit") and not m.participants \
                        and not m.location and not m.date:
                    continue  # "the two rivers meet": a meeting is of someone, somewhere or at some time
                if not m.participants and (m.trigger.pos_ == "VERB" and m.trigger.lemma_ in ("visit", "invite") and not m.location
                                           or m.trigger.lower_ in ("trip", "trips")):
                    continue  # "I visited the festival on Saturday", "a trip to India" with nobody met: no meeting
                if self.joins_previous(m):
                    continue
                self.meetings.append(m)
                self.references.append((m.trigger.idx, m))
                self.new_at.add(m.trigger.idx)
        self.merge_thin()
        self.dateline_places()

    def scene_place(self, sentence: Span) -> list[str]:
        """The place of the nearest earlier "at a <noun> in <place>" (a scene the article set before
        it called it a meeting)."""
        for earlier in reversed([s for s in self.doc.sents if s.end <= sentence.start]):
            for t in earlier:
                if t.lower_ == "at" and t.dep_ == "prep":
                    noun = next((g for g in t.children if g.dep_ == "pobj" and g.pos_ == "NOUN"
                                 and any(d.lower_ in ("a", "an") for d in g.children)), None)
                    if noun is not None:
                        found = self.location_in([x for p in noun.children if p.dep_ == "prep" and p.lower_ in ("in", "on")
                                                  for x in p.subtree])
                        if found:
                            return found[:1]
        return []

    def told_with(self, words: list[Token], before: int) -> "_Meeting | None":
        """"did not join the call" after "a board meeting held by video call": the meeting whose
        telling used that word for it (a means or a meeting word that was no trigger)."""
        for t in words:
            if t.pos_ != "NOUN" or t.lower_ not in MEANS | set(NOUNS) or t.idx in {o for o, _ in self.references}:
                continue
            told = [m for o, m in self.references if o < before and any(
                x.lower_ == t.lower_ and x.i != m.trigger.i for x in m.trigger.subtree)]
            if told:
                return told[-1]
        return None

    def trip_before(self, sentence: Span) -> list[str]:
        """"On Sept. 9, X went to the ministry's offices in Santiago. The register lists a meeting
        with ...": a meeting told right after a trip in the same paragraph was where the trip went."""
        if sentence.start == 0:
            return []
        before = self.doc[sentence.start - 1].sent
        if "\n\n" in self.text[before.end_char : sentence.start_char] + self.text[before.start_char : before.end_char]:
            return []
        for verb in (t for t in before if t.pos_ == "VERB" and t.lemma_ in GOING and not _negated(t)):
            if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "to") for c in verb.children):
                continue  # a trip planned tells where nothing happened yet
            found = self.location_in([x for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for x in c.subtree])
            if found:
                return found[-1:]
        return []

    def pointed_place(self, token: Token) -> list[str]:
        """"sat down to dinner in that room", "met again at the same hotel": the place named in the
        last sentence before that used the noun ("a private room at the Hotel X was booked")."""
        for t in token.sent:
            if t.dep_ == "pobj" and t.pos_ == "NOUN" and t.head.lower_ in ("in", "at", "inside") \
                    and any(d.lower_ in ("that", "this", "same") for d in t.children):
                for earlier in reversed([s for s in self.doc.sents if s.end <= token.sent.start]):
                    noun = next((x for x in earlier if x.lemma_ == t.lemma_), None)
                    if noun is not None:
                        # the venue nearest the noun there ("a private room on the top floor of the Hotel X")
                        venues = [m for m in self.c.mentions() if m[3] == "location" and earlier.start_char <= m[0] < earlier.end_char
                                  and self.is_venue(m[2])]
                        return [min(venues, key=lambda m: abs(m[0] - noun.idx))[2]] if venues else []
        return []

    def place_before(self, sentence: Span) -> list[str]:
        """"there": the last place the sentence before this one names (in/at/to, or a meeting's)."""
        earlier = [s for s in self.doc.sents if s.end <= sentence.start][-1:]
        for s in earlier:
            found = self.location_in(list(s))
            if found:
                return found[-1:]
        return []

    def instead_place(self, token: Token) -> list[str]:
        """"X did not attend, instead meeting Y during an encounter at a residence": what X did
        instead of attending happened where the meeting X missed was."""
        verb = token if token.pos_ == "VERB" else token.head.head if token.dep_ == "pobj" else token.head
        if verb.pos_ != "VERB" or verb.dep_ != "advcl" or not any(c.lower_ == "instead" for c in verb.children):
            return []
        # the parser hangs the participle on the negated verb or on the verb reporting it
        missed = [verb.head, *(c for c in verb.head.children if c.dep_ == "ccomp" and c.i < verb.i)]
        if not any(v.lemma_ in ATTEND_VERBS | {"be"} and _negated(v) for v in missed):
            return []
        held = next((m for _, m in reversed(self.references) if m.status == "held" and m.location), None)
        return [held.location] if held else []

    def dateline_end(self, offset: int) -> int:
        """Where the text after the dateline of the paragraph holding ``offset`` begins ("GENEVA,
        March 3 (Wire) - "), the paragraph's start when it has none."""
        paragraph = self.text.rfind("\n", 0, offset) + 1
        head = self.text[paragraph : paragraph + 160]
        if not DATELINE.match(head):
            return paragraph
        dash = re.search(r"\s[-–—]+\s|—", head)
        return paragraph + dash.end() if dash else paragraph

    def dateline_places(self) -> None:
        """A recent meeting without a place of its own took place where the story is datelined
        ("NAIROBI — ... A meeting on Tuesday evening was called off")."""
        def city_of(at: int) -> str | None:
            match = DATELINE.match(self.text[at : at + 200])  # its \A is the paragraph's start
            if not match:
                return None
            city = match.group(1).strip().title()
            return next((self.c.ids.get(id(e)) for e in self.c.entities if e.kind == "location" and e.place is not None
                         and e.place.kind == "city" and city in e.all_names), None)

        story = city_of(0)
        for m in self.meetings:
            if m.location is None and m.date and m.status != "proposed" and _days_before(m.date["value"], self.published) <= 7:
                # a round-up of briefs datelines each paragraph ("SWANSEA - ..."): the paragraph's own, else the story's
                paragraph = self.text.rfind("\n\n", 0, m.sentence.start_char)
                local = city_of(paragraph + 2) if paragraph >= 0 else None
                if local or story:
                    m.location = local or story

    def kind(self, token: Token, kind: str) -> str:
        words = {c.lower_ for c in token.children}
        if kind == "encounter" and "chance" in words:
            return "chance encounter"
        if token.lemma_ == "broker":
            thing = next((NOUNS[c.lower_] for c in token.children if c.dep_ == "dobj" and c.lower_ in NOUNS), kind)
            return f"brokered {thing}"
        return kind

    def status(self, m: _Meeting, sentence: Span) -> str:
        t = m.trigger
        # the trigger's words and what governs it within its own clause: in "the debate was cancelled after
        # X told organisers he had been called to a meeting" the meeting was not cancelled
        words = list(t.subtree)
        up = t
        while up.head.i != up.i and up.dep_ not in ("ccomp", "advcl", "parataxis", "conj"):
            up = up.head
            words.append(up)
        subject = t.head if t.dep_ == "appos" and t.head.dep_ in ("nsubj", "nsubjpass") else t  # "CITY (Wire) - Talks ... broke up"
        if subject.dep_ in ("nsubj", "nsubjpass", "dobj") and subject.head.pos_ in ("VERB", "AUX"):
            words += _predicate(subject.head, t)  # "a meeting ... was called off", "a round ... broke down"
        # the words right after the trigger's phrase, up to a comma: "a round in X broke down"
        last = max(w.i for w in t.subtree)
        following = self.text[self.doc[last].idx + len(self.doc[last]) : m.sentence.end_char].split(",")[0].strip()
        # words inside another meeting's relative clause do not count ("..., which collapsed")
        said = " ".join(w.text for w in sorted(set(words), key=lambda w: w.i))
        for pattern, status in ((CANCELLED, "cancelled"), (POSTPONED, "postponed"), (FAILED, "failed")):
            if pattern.search(said) or pattern.match(following):
                return status
        chain = [t]
        while chain[-1].head.i != chain[-1].i and not (chain[-1].dep_ == "ccomp" and chain[-1].head.i > chain[-1].i):
            chain.append(chain[-1].head)  # not past a clause the parser hung on a later verb ("met ...: how much X may hold")
        if any(a.lemma_ in ATTEMPT_VERBS for a in chain):
            return "attempted"
        future = any({c.lower_ for c in a.children if c.dep_ == "aux"} & {"will", "would", "shall", "'ll", "might", "may", "could"}
                     for a in chain)
        # (not "the talks are expected to last three days": how long it goes on, not whether it happens)
        planned = any(_verb_in(a, PLAN_VERBS) and not any(c.lower_ == "had" for c in a.children)
                      and not any(c.dep_ == "xcomp" and c.lemma_ in LASTING for c in a.children) for a in chain[1:])
        # "asked to meet X", "requested to meet": a request, not a meeting (not "asked whether X was there")
        planned = planned or any(a.lemma_ in ("ask", "request") and below.dep_ == "xcomp" for below, a in zip(chain, chain[1:]))
        # "are to meet next week": be + infinitive is a plan
        planned = planned or any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and t.dep_ == "xcomp" \
            and t.head.lemma_ == "be" and t.head.tag_ in ("VBZ", "VBP")
        # "is due to meet", "are set to hold talks": a planned meeting
        # ("were due to meet" too: a meeting still to come when it was told, unless told otherwise later)
        due = any(a.lemma_ in ("due", "set", "scheduled") and a.head.lemma_ == "be" and a.head.tag_ in ("VBZ", "VBP", "VBD")
                  for a in chain) or any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") and any(c.lower_ in ("due", "set") for c in a.children)
                                         for a in chain)
        # "talks set for Thursday", "a meeting scheduled for today": a plan for a day not yet past
        # "called for talks", "is open to talks", "pushed for a summit", "interested in talks": wanted, not held
        wanted = t.dep_ == "pobj" and t.head.head.lemma_ in WANTING and (t.head.lower_ == "for" or t.head.lower_ in ("to", "in")
                                                                         and t.head.head.pos_ == "ADJ")  # not "called to a meeting"
        planned = planned or wanted
        # "a planned meeting", "the proposed talks", "an upcoming summit" (a later "was cancelled" still says its fate)
        set_for = any(c.dep_ == "amod" and c.lower_ in PLANNED for c in t.children) or any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_ in ("set", "schedule", "plan", "arrange", "due")
                      for c in t.children) and (m.date is None or m.date["value"][:10] >= self.published[: len(m.date["value"])])
        if any(c.dep_ in ("relcl", "acl") and c.lemma_ in ("begin", "start", "open", "resume", "convene") and c.tag_ in ("VBD", "VBN")
               and not any(g.dep_ == "aux" and g.lower_ in ("will", "would") for g in c.children) for c in t.children):
            return "held"  # "the talks, which began on Monday, are expected to ...": under way
        # "when he next visits", "once the ministers meet": a present tense after a conjunction
        # of time or condition speaks of what is still to come
        future = future or any(a.tag_ in ("VBZ", "VBP") and a.dep_ == "advcl" and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in TIME_OR_CONDITION for c in a.children) for a in chain)
        if t.lemma_ == "invite" or future or planned or due or set_for or (m.date and (m.date["value"] > self.published or m.date.get("planned"))):
            return "proposed"
        return "held"

    # --- participants ------------------------------------------------------------------
    def parties(self, token: Token) -> list[str]:
        """The people, organisations and countries a noun phrase names, with its conjuncts.

        "Uganda's transport minister, Grace Namutebi": the person in apposition, not the
        country; "ministers from Kenya and Uganda", "delegates of the movement, including X and
        Y": the names inside; relative clauses ("who lives in Iran") do not count."""
        found: list[str] = []
        for head in [token, *token.conjuncts]:
            for poss in (c for c in head.children if c.dep_ == "poss" and c.conjuncts and self._party_at(c)):
                # "attended by A and B's chairman, C" parsed as "(A and B)'s chairman": a person is
                # nobody's possessor here, so A is a party of the list
                hit = self._party_at(poss)
                if self.c.kind_of(hit) == "person" and not any(g.dep_ == "case" for g in poss.children) and hit not in found:
                    found.append(hit)
            for local in self._np_parties(head):
                if local not in found:
                    found.append(local)
        return found

    @staticmethod
    def _owned_subject(pronoun: Token) -> bool:
        """"Her chief of staff, X, said that she chaired ...": the pronoun is the subject of what
        a speaker says whose own subject has a possessive of the same gender (she is whom "her"
        stands for, not X)."""
        g = PRONOUNS.get(pronoun.lower_)
        return bool(g) and pronoun.dep_ == "nsubj" and pronoun.head.dep_ == "ccomp" and any(
            c.dep_ == "nsubj" and any(o.dep_ == "poss" and PRONOUNS.get(o.lower_) == g for o in c.children)
            for c in pronoun.head.head.children)

    def _np_parties(self, head: Token) -> list[str]:
        hit = self._party_at(head)
        if hit is None or self.c.kind_of(hit) == "anonymous":
            # "X's agent, the intermediary A": a description in apposition to a name is that person
            named = [p for c in head.children if c.dep_ == "appos" for x in [c, *c.children] if x.dep_ == "appos"
                     and (p := self._party_at(x)) and self.c.kind_of(p) == "person"]
            if named and not head.conjuncts:
                return named[:1]
        if hit:
            return [hit]
        named = [c for c in head.children if c.dep_ == "appos" and self._party_at(c)]
        if named:  # "between X's minister, A, and her counterpart, B": A and B
            return [local for c in named for local in self.parties(c)]
        if head.lower_ in ("he", "she") and self.c.attributor and not self.c.inside_quote(head.idx):
            # "X said she had met ...": the speaker, when the pronoun fits them (an object "him" is someone else)
            g = PRONOUNS[head.lower_]
            speaker = next((st["sources"][0] for st in self.c.statements if st["start"] <= head.idx < st["end"]
                            and self.c.kind_of(st["sources"][0]) == "person"), None)
            # "X said that she had met ...": the subject of what X says is X, whatever gender was guessed
            reported = head.dep_ == "nsubj" and head.head.dep_ == "ccomp" and any(
                c.dep_ == "nsubj" and self._party_at(c) == speaker for c in head.head.head.children)
            if speaker and not self._owned_subject(head) and (reported or self.c.attributor.gender.get(speaker) in (None, g)) and not any(
                    p[0] >= head.sent.start_char and p[2] != speaker for p in self.c.people_before(head.idx, 4)
                    if self.c.attributor.gender.get(p[2]) == g):
                return [speaker]
        if head.lower_ in PRONOUNS and self.c.attributor and self.c.inside_quote(head.idx):
            # inside a quotation "he" is someone the speaker named in it, if anyone
            quote = self.c.quote_around(head.idx)
            named = [p[2] for p in self.c.people_before(head.idx, 4) if quote and p[0] > quote[0]]
            if not named and quote:  # a first name alone the index keeps as a name of the person
                first = head.i
                while first > 0 and head.doc[first - 1].idx > quote[0]:
                    first -= 1
                named = [hit[0] for t in head.doc[first:head.i]
                         for hit in [self.c.entity_at(t.idx, t.idx + len(t))] if hit and hit[1] == "person"]
            if not named and quote and head.lower_ in ("he", "she", "him", "her") and head.dep_ in ("nsubj", "nsubjpass"):
                # ("She was not there," a guest said): no one named in it, the person of that
                # gender the story told of last before the quotation, not its speaker
                g = PRONOUNS[head.lower_]
                speakers = {x for st in self.c.statements if st["start"] <= head.idx < st["end"] for x in st["sources"]}
                # (of the right gender, else of none known)
                before = [p[2] for p in self.c.people_before(quote[0], 6) if not self.c.inside_quote(p[0]) and p[2] not in speakers]
                named = [x for x in before if self.c.attributor.gender.get(x) == g] \
                    or [x for x in before if self.c.attributor.gender.get(x) is None]
            return [named[-1]] if named else []
        if head.lower_ in PRONOUNS and self.c.attributor:
            # "X insisted on ... his visit": the nearest person named before, in the sentence
            g = PRONOUNS[head.lower_]
            people = [p for p in self.c.people_before(head.idx, 4) if p[0] >= head.sent.start_char
                      and self.c.attributor.gender.get(p[2]) in (None, g)]
            person = people[-1][2] if people and not self._owned_subject(head) else self.c.attributor.pronoun(head)
            return [person] if person else []
        if head.lemma_.lower() in GROUP_NOUNS | {"board", "management", "staff"}:
            # "its board", "their delegation": the body the pronoun stands for
            poss = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
            body = antecedent(self.c, poss) if poss is not None else None
            if body and (body[1] == "organisation" or self._party_at(poss.doc[poss.i]) is None):
                return [body[0]]
        if head.lower_ in ("i", "me"):
            # "Mr X and I have met twice": the speaker of the statement holding it
            speaker = next((st["sources"][0] for st in self.c.statements if st["start"] <= head.idx < st["end"]
                            and self.c.kind_of(st["sources"][0]) == "person"), None)
            return [speaker] if speaker else []
        if self.c.attributor and self.c.inside_quote(head.idx) and head.pos_ == "NOUN" \
                and [c.lower_ for c in head.subtree if c.i < head.i][:1] == ["the"]:
            # ("The minister was not at that meeting," her spokesman said): the one person the
            # story described with those words before
            start, end = head.left_edge.idx, head.idx + len(head)
            person = self.c.attributor.described_person(head, start, end)
            if person:
                return [person]
        skip = {t.i for c in head.subtree if c.dep_ in ("relcl", "acl", "advcl", "ccomp") and c != head for t in c.subtree}
        out: list[str] = self._nationality(head)
        described: list[str] = []
        if not out and (describes_people(head) or some_of_people(head)) and self.c.attributor and not self.c.inside_quote(head.idx) \
                and not any(c.lower_ == "both" for c in head.children):
            # "Home Office officials", "negotiators from X and Y", "leaders of the cooperative",
            # "eleven colleagues": people the story describes, a party of their own beside the bodies
            # and countries they come from (and a title alone may stand for the person it named: "the commissioner")
            before = set(self.c.anonymous)
            local = self.c.attributor.party(head, human=True)
            cut = self.dateline_end(head.idx)
            if local and local not in before and local in self.c.anonymous and self.c.anonymous[local]["start"] < cut <= head.idx:
                # "BRUSSELS, March 4 (Wire) - Finance ministers met": the dateline is no part of who met
                record = self.c.anonymous.pop(local)
                local = self.c.add_anonymous(cut, record["end"])
            owners = next(([x, *x.conjuncts] for x in head.children if x.dep_ == "poss" and x.conjuncts), None)
            if local and local not in before and local in self.c.anonymous and owners:
                # "between A and B's chief of staff": A is a party of its own, the description is B's aide
                last = max(owners, key=lambda x: x.i).left_edge
                record = self.c.anonymous[local]
                if record["start"] < last.idx < record["end"]:
                    self.c.anonymous.pop(local)
                    local = self.c.add_anonymous(last.idx, record["end"])
            if local and local not in before and local in self.c.anonymous and head.lemma_.lower() in ROLE_NOUNS \
                    and [c.lower_ for c in head.subtree] == ["the", head.lower_]:
                # "the governor" the rules could not tie to the person named so: nobody new
                del self.c.anonymous[local]
                local = None
            if local and self.c.kind_of(local) == "person":
                return [local]
            if local and local in self.c.anonymous:
                described.append(local)
        cut = self.dateline_end(head.idx)
        for t in head.subtree:
            if t.i in skip or t == head or t.idx < cut <= head.idx:
                continue  # (nor the agency of the dateline: "(Reuters) - Ministers met")
            local = self._party_at(t)
            name = t.head if t.dep_ == "compound" else t  # ("Louisa" of "Louisa Fenwick's")
            owner = name.dep_ == "poss" or name.dep_ == "conj" and name.head.dep_ == "poss" and any(g.dep_ == "case" for g in name.children)
            if described and owner and describes_people(name.head if name.dep_ == "poss" else name.head.head) and local \
                    and self.c.kind_of(local) == "person":
                continue  # "Dlamini's deputies" are not Dlamini (the body of "Sekoto's directors" is a party)
            if local and local not in out:
                out.append(local)
        if described:
            return described + out
        if not out and head.pos_ == "NOUN" and [c.lower_ for c in head.children if c.i < head.i] == ["the"]:
            # "the council": the one body named before whose name ends in that word
            bodies = {self.c.ids[id(e)] for e in self.c.entities if e.kind == "organisation" and id(e) in self.c.ids
                      and e.name.split()[-1].lower() == head.lower_ and any(start < head.idx for start, _ in e.spans + e.nested_spans)}
            if len(bodies) == 1:
                out += bodies
        if not out and head.pos_ == "NOUN" and self.c.attributor and not self.c.inside_quote(head.idx) \
                and not any(c.lower_ in NUMBERS or c.lower_ == "both" for c in head.children) and head.lower_ not in ("sides", "side"):
            # "board members met X", "club officials": a party the text describes, not names
            local = self.c.attributor.party(head)
            # a party the text describes, or the person a title alone stands for ("the commissioner"),
            # or the body "the group" / "the company" stands for
            if local and (local in self.c.anonymous or self.c.kind_of(local) == "person"
                          or self.c.kind_of(local) == "organisation" and head.lemma_.lower() in BODY_WORDS
                          and [c.lower_ for c in head.subtree] == ["the", head.lower_]):
                out.append(local)
        return out

    def _party_at_id(self, local: str) -> bool:
        """Whether a location is a country (a party to talks through its government)."""
        entity = self.place_entity(local)
        return entity is not None and entity.place is not None and entity.place.kind == "country"

    def _party_at(self, token: Token) -> str | None:
        hit = self.c.entity_at(token.idx, token.idx + len(token))
        if not hit:
            return None
        if hit[1] == "location":
            # a country takes part through its government; a city is where, not who
            entity = next((e for e in self.c.entities if self.c.ids.get(id(e)) == hit[0]), None)
            return hit[0] if entity is not None and entity.place is not None and entity.place.kind == "country" else None
        return hit[0]

    def participants(self, m: _Meeting) -> None:
        self._participants(m, m.trigger)
        t = m.trigger
        for place in (x for x in t.subtree if x.dep_ == "pobj" and self.c.entity_at(x.idx, x.idx + len(x))):
            # "talks set for Friday in X, where delegates of Y were meant to sit down with a panel led by Z":
            # the place's "where" clause says who meets there
            for where in (c for c in place.children if c.dep_ == "relcl" and any(g.lower_ == "where" for g in c.children)):
                verbs = [where, *(g for g in where.children if g.dep_ == "xcomp")]
                for subject in (g for g in where.children if g.dep_ in ("nsubj", "nsubjpass")):
                    for local in self.who(subject):
                        m.participants.setdefault(local, "delegate")
                for verb in verbs:
                    for prep in (g for g in verb.children if g.dep_ == "prep" and g.lower_ in ("with", "between")):
                        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                            for local in self.who(pobj):
                                m.participants.setdefault(local, "delegate")
                            for led in (g for g in pobj.children if g.dep_ == "acl" and g.lemma_ in ("lead", "head", "chair")):
                                for agent in (g for g in led.children if g.dep_ == "agent"):
                                    for x in (g for g in agent.children if g.dep_ == "pobj"):
                                        for local in self.who(x):
                                            m.participants.setdefault(local, "delegate")
        if t.pos_ in ("NOUN", "PROPN"):
            for subject in self.present_at_which(t):
                for local in self.who(subject):
                    m.participants.setdefault(local, "delegate")
        if t.dep_ == "nsubjpass" and (CANCELLED.search(t.head.text) or POSTPONED.search(t.head.text)):
            # "the evening was cancelled by the council": who calls a meeting off is a party to it
            for agent in (g for g in t.head.children if g.dep_ == "agent"):
                for pobj in (x for x in agent.children if x.dep_ == "pobj"):
                    for local in self.who(pobj):
                        m.participants.setdefault(local, "host")
        if t.pos_ in ("NOUN", "PROPN"):
            for c in t.children:
                if c.dep_ == "poss":  # "his official visit", "the council's summit"
                    for local in self.parties(c):
                        m.participants.setdefault(local, "visitor" if m.family == "visit" else "delegate")
            verb = t.head.head if t.dep_ == "pobj" and t.head.dep_ == "prep" else None
            attending = t.head if t.dep_ == "dobj" and t.head.lemma_ in ATTENDING else \
                verb.head if verb is not None and verb.lower_ == "part" and verb.head.lemma_ == "take" else \
                verb if verb is not None and verb.lemma_ == "take" and any(c.lower_ == "part" for c in verb.children) else \
                verb if verb is not None and verb.lemma_ in ATTENDING and t.head.lower_ == "in" else None
            travel = self.travel_verb(t)
            if travel is not None:
                subject = self._subject(travel)  # "a delegation from X arrived in Y for talks with Z"
                for local in self.who(subject) if subject is not None else []:
                    m.participants.setdefault(local, "delegate")
            puller = verb.head if verb is not None and verb.lower_ == "out" and t.head.lower_ == "of" else verb
            if puller is not None and puller.lemma_ in ("walk", "storm") and t.head.lower_ == "of":
                # "Norway walked out of talks with Iceland": Norway was there, and the talks failed
                subject = self._subject(puller)
                for local in self.who(subject) if subject is not None else []:
                    m.participants.setdefault(local, "delegate")
                if m.status in ("held",):
                    m.status = "failed"
            elif puller is not None and (puller.lemma_ == "pull" and t.head.lower_ == "of"
                                       and (puller is not verb or any(c.lower_ == "out" for c in verb.children))
                                       or puller.lemma_ == "withdraw" and t.head.lower_ == "from"):
                # "X pulled out of a debate with Y", "withdrew from the talks": X was to take part
                subject = self._subject(puller)
                for local in self.who(subject) if subject is not None else []:
                    m.participants.setdefault(local, "invitee")
            if verb is not None and verb.lemma_ in WANTING and (t.head.lower_ == "for" or t.head.lower_ in ("to", "in") and verb.pos_ == "ADJ"):
                # "Iceland called for talks with Norway", "X is open to talks": who wants them would meet
                wanter = verb.head if verb.dep_ == "acomp" else verb
                attending = wanter if wanter.pos_ in ("VERB", "AUX") else None
            if attending is not None:
                # "Norway took part in talks in Oslo", "X joined the talks", "X participated in a meeting"
                subject = self._subject(attending)
                for local in self.who(subject) if subject is not None else []:
                    m.participants.setdefault(local, "delegate")
            if verb is not None and verb.lemma_ == "be" and t.head.lower_ == "in":
                # "X is in talks with Y": X is a party
                for subject in (c for c in verb.children if c.dep_ == "nsubj"):
                    for local in self.who(subject):
                        m.participants.setdefault(local, "delegate")
            if verb is not None and verb.pos_ == "VERB" and t.head.lower_ == "to" and verb.lemma_ in ("call", "summon", "invite"):
                # "she had been called to a crisis meeting": who is called goes to it
                for subject in (c for c in verb.children if c.dep_ == "nsubjpass"):
                    for local in self.who(subject):
                        m.participants.setdefault(local, "invitee")
            if verb is not None and verb.pos_ == "VERB":
                # "came at a dinner in May attended by X and Y": the participle may hang from the verb
                for attended in (c for c in verb.children if c.dep_ in ("advcl", "acl") and c.lemma_ == "attend" and c.i > t.i):
                    for agent in (g for g in attended.children if g.dep_ == "agent"):
                        for pobj in (x for x in agent.children if x.dep_ == "pobj"):
                            for local in self.who(pobj):
                                m.participants.setdefault(local, "delegate")
                if verb.lemma_ in VERBS:  # "meeting Muttaqi during a chance encounter"
                    self._participants(m, verb)
                elif t.head.lower_ in ("at", "during", "after") or t.head.lower_ == "in" and (
                        t.head.i < verb.i or verb.lemma_ in ("say", "tell", "agree", "sign", "announce", "discuss")):
                    # "X signed the text at a summit", "approved by X after a meeting", "In a meeting at
                    # Y, X told Z ...": X was there, and whom X told there
                    subject = self._subject(verb)
                    if subject is None or subject.dep_ == "nsubjpass":
                        subject = next((x for g in verb.children if g.dep_ == "agent" for x in g.children if x.dep_ == "pobj"), subject)
                    for local in self.who(subject) if subject is not None else []:
                        m.participants.setdefault(local, "delegate")
                    if verb.lemma_ in ("tell", "assure", "urge", "brief", "inform", "warn", "ask", "thank", "press", "question", "grill"):
                        for obj in (c for c in verb.children if c.dep_ == "dobj" and (self._party_at(c) or verb.lemma_ in ("question", "grill"))):
                            for local in self.who(obj):
                                m.participants.setdefault(local, "delegate")
        else:
            for c in t.children:  # "brokered meetings between X and Y"
                if c.dep_ == "dobj" and c.lower_ in NOUNS:
                    self._participants(m, c, verb_done=True)

    def present_at_which(self, trigger: Token) -> list[Token]:
        """"a lunch in May, at which X and two managers were present": the subjects of an "at which"
        clause of presence after the meeting's noun, in its sentence and before any other meeting
        noun (the parse hangs the clause on whatever word ends the phrase before it)."""
        found = []
        for t in trigger.sent:
            if t.i <= trigger.i or t.lower_ in NOUNS and t.pos_ == "NOUN":
                if t.i > trigger.i:
                    break
                continue
            if t.lower_ == "which" and t.dep_ == "pobj" and t.head.lower_ in ("at", "during") and t.head.head.pos_ in ("AUX", "VERB"):
                verb = t.head.head
                if verb.lemma_ in ATTENDING or verb.lemma_ == "be" and any(c.lower_ in ("present", "there") for c in verb.children):
                    found += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return found

    def speaker_party(self, m: _Meeting) -> None:
        """"Vik said the deal was struck at a meeting with the bankers": a meeting
        with someone, told by a person with no other party named, is the speaker's own."""
        t = m.trigger
        if t.pos_ not in ("NOUN", "PROPN") or m.status not in ("held", "failed") or any(c.dep_ == "poss" for c in t.children):
            return
        withs = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
        if not withs:
            return
        statement = next((st for st in self.c.statements if st["start"] <= t.idx < st["end"]), None)
        speaker = statement and next((x for x in statement["sources"] if self.c.kind_of(x) == "person"), None)
        met = {local for g in withs for local in self.who(g)}
        if speaker and met and speaker not in met and not set(m.participants) - met:
            m.participants.setdefault(speaker, "delegate")
            m.told_by = (statement, speaker, met)

    def _subject(self, verb: Token) -> Token | None:
        """The subject of a verb, through relative pronouns, control and coordination."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if len(subjects) > 1 and subjects[0].i + 1 < len(self.doc) and self.doc[subjects[0].i + 1].text == ":":
            subjects = subjects[1:]  # "Q: Did you attend ...?": the turn's label is no subject
        subject = subjects[0] if subjects else None
        if subject is not None and subject.idx < self.dateline_end(verb.idx) <= verb.idx:
            # "ZURICH, Oct 2 (Wire) - Directors of X held ...": the parser took the dateline for the
            # subject and hung the real one on it
            cut = self.dateline_end(verb.idx)
            subject = next((c for c in subject.children if c.dep_ in ("appos", "conj", "npadvmod") and c.idx >= cut), None)
        if subject is None and verb.dep_ == "xcomp" and verb.head.lemma_ in OBJECT_CONTROL:
            # "invited him to meet me", "urged both sides to meet": the object is who meets
            subject = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
            if subject is not None:
                return subject
        if subject is None and verb.dep_ in ("xcomp", "conj", "advcl", "relcl", "pcomp"):
            # "X are expected to sign ...": a passive head's subject controls the infinitive
            deps = ("nsubj", "nsubjpass") if verb.dep_ == "xcomp" else ("nsubj",)
            subject = next((c for c in verb.head.children if c.dep_ in deps), None)
            if subject is None and verb.head.dep_ in ("xcomp", "conj", "advcl", "acomp"):  # "X had been due to review"
                subject = next((c for c in verb.head.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
            subject = verb.head
        if subject is None and verb.dep_ == "relcl":
            subject = verb.head
        if subject is not None and subject.lower_ == "they":
            # "When X and Y initialled ..., they closed the negotiation": the clause before
            earlier = [c for c in verb.children if c.dep_ == "advcl" and c.i < verb.i]
            inner = next((g for c in earlier for g in c.children if g.dep_ == "nsubj"), None)
            if inner is not None:
                return inner
        return subject

    def who(self, token: Token) -> list[str]:
        """The parties a phrase names, else the group it stands for ("the two sides")."""
        named = [t for t in [token, *token.conjuncts] if self._party_at(t)]
        return self.parties(token) if named else (self._group(token) or self.parties(token))

    def _group(self, token: Token) -> list[str]:
        """"the two sides", "both ministers", "leaders of the three countries", "they": the
        delegates of the meeting last referred to (its countries for "countries"), when there
        are as many of them as the phrase says."""
        of = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "from") for g in c.children if g.dep_ == "pobj"]
        for group in [token, *of]:
            numbers = [c.lower_ for c in group.children if c.lower_ in NUMBERS]
            if group.lower_ == "both" or group.lower_ == "they":
                numbers = ["two"] if group.lower_ == "both" else []
            elif group.lower_ in NUMBERS and group.pos_ == "NUM" and any(c.dep_ == "det" and c.lower_ == "the" for c in group.children):
                numbers = [group.lower_]  # "the two have never met": the number stands for the people
            elif not numbers:
                continue
            wanted = NUMBERS[numbers[0]] if numbers else None
            countries = group.lemma_.lower() in ("country", "nation", "state", "delegation", "government")
            # "the two companies" are organisations, "the two countries" places, "the two ministers"
            # people; "the two sides" anyone
            role = group.lemma_.lower() if group.lemma_.lower() in ROLE_NOUNS and group.lemma_.lower() not in ("side", "delegation") else None
            kind = "location" if countries else "organisation" if group.lemma_.lower() in BODY_NOUNS else "person" if role else None
            if role and wanted:
                holders = self._role_holders(role, token.idx)
                if len(holders) == wanted:
                    return holders  # "Ukraine's foreign minister, A, and his Polish counterpart, B ... the two ministers"
            for _, last in reversed(self.references):
                delegates = [k for k, role in last.participants.items() if role == "delegate"
                             and (kind is None or self.c.kind_of(k) == kind)]
                # "the two sides" may each be several people; "the three countries" are three
                if len(delegates) >= 2 and (wanted is None or not countries or len(delegates) == wanted):
                    return delegates
            if kind == "location" and wanted:
                # "officials from the three countries": the countries the story names most
                return [k for k in self._most_named("location", token.idx, wanted, countries=True)]
            if kind == "organisation" and wanted:
                # "talks between the two companies" with no meeting of theirs before: the bodies the
                # story is about, the ones it has named most so far
                return self._most_named("organisation", token.idx, wanted)
            return []
        return []

    def _role_holders(self, role: str, before: int) -> list[str]:
        """The people named before ``before`` with ``role`` in their title or apposition ("Foreign
        Minister A", "B, the agriculture minister", "its water minister, C")."""
        found: list[str] = []
        for start, end, local, kind in self.c.mentions():
            if start >= before:
                break
            if kind != "person" or local in found:
                continue
            title = re.split(r"[.;:()\n]|,(?!\s*\Z)", self.text[max(0, start - 60) : start])[-1].lower()
            apposition = re.match(r",\s+([^,.;()\n]*)", self.text[end : end + 80])
            words = set(re.findall(r"[\w-]+", title)) | set(re.findall(r"[\w-]+", apposition.group(1).lower() if apposition else ""))
            if role in words or role + "s" in words:
                found.append(local)
        return found

    def _most_named(self, kind: str, before: int, count: int, countries: bool = False) -> list[str]:
        """The ``count`` entities of ``kind`` (countries only, if asked) named most often before
        ``before`` (the last of them more often than the next one, else it is not clear which they
        are)."""
        tally: dict[str, int] = {}
        for start, _, local, k in self.c.mentions():
            if start < before and k == kind and (not countries or self._party_at_id(local)):
                tally[local] = tally.get(local, 0) + 1
        ranked = sorted(tally, key=lambda local: -tally[local])
        if len(ranked) < count or len(ranked) > count and tally[ranked[count]] == tally[ranked[count - 1]]:
            return []
        return ranked[:count]

    def _nationality(self, head: Token) -> list[str]:
        """"the Uzbek delegation", "the Kyrgyz side": the country, when the article names it."""
        if head.lemma_.lower() not in GROUP_NOUNS:
            return []
        for c in head.children:
            if c.dep_ in ("amod", "compound") and c.text[:1].isupper():
                code = nationality_code(c.text)
                if code:
                    for e in self.c.entities:
                        if e.kind == "location" and e.place is not None and e.place.kind == "country" \
                                and e.place.country_code == code and self.c.ids.get(id(e)):
                            return [self.c.ids[id(e)]]
        return []

    def _participants(self, m: _Meeting, t: Token, verb_done: bool = False) -> None:
        def add(token: Token, role: str) -> None:
            for local in self.who(token):
                m.participants.setdefault(local, role)

        for child in t.children:
            if child.dep_ == "prep" and child.lower_ in ("between", "with", "among", "of", "including"):
                role = "arranger" if child.lower_ == "of" and m.kind in ("summit", "conference") else "delegate"
                for g in child.children:
                    if g.dep_ == "pobj":
                        add(g, role)
            if child.dep_ == "appos" and t.pos_ == "NOUN" and any(c.dep_ == "prep" and c.lower_ == "with" for c in t.children) \
                    and self.c.kind_of(self._party_at(child) or "") == "person":
                # "a session with the Minister of X, Jane Roe,": the parser hung the name on the
                # meeting; a meeting is no person, the name is that of whom it is with
                add(child, "delegate")
            if child.dep_ == "acl" and child.lemma_ == "attend" and t.lower_ in NOUNS:
                for agent in (g for g in child.children if g.dep_ == "agent"):  # "the talks, attended by X and Y"
                    for pobj in (x for x in agent.children if x.dep_ == "pobj"):
                        add(pobj, "delegate")
            if child.dep_ in ("acl", "relcl") and child.lemma_ in ("involve", "include", "feature", "bring", "gather", "unite"):
                for g in child.children:  # "talks involving X, Y and Z", "the meeting, which included X and Y"
                    if g.dep_ == "dobj":
                        add(g, "delegate")
            if child.dep_ == "acl" and child.lemma_ in ARRANGING:
                for agent in (g for g in child.children if g.dep_ == "agent"):
                    for pobj in (x for x in agent.children if x.dep_ == "pobj"):
                        add(pobj, ARRANGING[child.lemma_])
        held = t
        while held.dep_ == "pobj" and held.head.lower_ == "of" and held.head.head.pos_ == "NOUN" and held.head.head.lower_ not in NOUNS:
            held = held.head.head  # "held a series of meetings with X", "two days of talks"
        listed = held.head.head if held.dep_ == "pobj" and held.head.lower_ == "as" else None
        if listed is not None and listed.dep_ == "dobj" and listed.head.pos_ == "VERB":
            listed = listed.head  # ("lists X as the host": the parser may hang "as" on X)
        if held is not t and held.lemma_.lower() in LISTED_AS and listed is not None and listed.pos_ == "VERB":
            # "the log lists X as the host of a meeting with Y": X was at it, and so were those the
            # record lists with it (the parser hangs "with Y" on the verb)
            role = LISTED_AS[held.lemma_.lower()]
            for c in listed.children:
                if c.dep_ == "dobj":
                    add(c, role)
                if c.dep_ == "prep" and c.lower_ == "with" and c.i > t.i:
                    for g in c.children:
                        if g.dep_ == "pobj":
                            add(g, "delegate")
        verb = t if t.pos_ == "VERB" else (held.head if held.dep_ in ("dobj", "nsubjpass") and held.head.pos_ == "VERB" else None)
        if verb is not None and not verb_done:
            subject = self._subject(verb)
            role = {"visit": "visitor", "host": "host", "broker": "broker", "invite": "host", "arrange": "arranger",
                    "mediate": "mediator"}.get(verb.lemma_, "delegate")
            if verb.lemma_ == "meet" and m.family == "visit":
                role = "visitor"  # "flew to X to meet Y": who travels visits, who is met receives
            if t.dep_ == "nsubjpass":
                subject = None
                for agent in (g for g in verb.children if g.dep_ == "agent"):
                    role = {"broker": "broker", "arrange": "arranger", "host": "host", "mediate": "mediator"}.get(verb.lemma_, "delegate")
                    subject = next((x for x in agent.children if x.dep_ == "pobj"), None)
            if subject is not None:
                add(subject, role)
            if verb.dep_ == "ccomp" and verb.head.lemma_ in ("propose", "suggest"):
                # "X has proposed that the ministers meet in Y": who proposes it would receive them
                proposer = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
                if proposer is not None:
                    add(proposer, "host")
            if verb.dep_ == "xcomp" and verb.head.lemma_ in ("invite", "ask"):
                # "the judge asked the two lawyers to meet in private": who asks receives them
                asker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
                if asker is not None:
                    add(asker, "host")
            if verb.lemma_ in ("host", "receive"):
                for c in verb.children:  # "X hosted Y in Oslo": the guest
                    if c.dep_ == "dobj" and c.lower_ not in NOUNS:
                        add(c, "visitor")
            if verb.lemma_ in ("meet", "invite") or verb.lower_ in DINING or verb.lemma_.lower() in PHONES:
                for c in [*verb.children, *(w for w in with_phrases(verb) if w.head != verb)]:
                    if c.dep_ == "dobj":
                        add(c, "invitee" if verb.lemma_ == "invite" else "host" if m.family == "visit" else "delegate")
                    if c.dep_ == "prep" and c.lower_ == "with":
                        for g in c.children:
                            if g.dep_ == "pobj":
                                add(g, "delegate")
            if verb != t:
                for c in verb.children:  # "held talks with X", "brokered talks between X and Y"
                    if c.dep_ == "prep" and c.lower_ in ("with", "between"):
                        for g in c.children:
                            if g.dep_ == "pobj":
                                add(g, "delegate")
            for c in verb.children:
                # "held talks in Cairo, mediated by Egypt and Qatar" (the parser hangs the participle on the verb)
                if c.dep_ == "advcl" and c.lemma_ in ARRANGING and c.tag_ == "VBN":
                    for agent in (g for g in c.children if g.dep_ == "agent"):
                        for pobj in (x for x in agent.children if x.dep_ == "pobj"):
                            add(pobj, ARRANGING[c.lemma_])

    def reference_participants(self, token: Token, target: _Meeting) -> None:
        """A later sentence about the meeting names who was there: "X, who attended the talks",
        "At the meeting, X reiterated ...", "X was present for the discussions"."""
        head = token
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
            head = head.head.head  # "the two days of talks were mediated by X"
        for acl in (c for c in token.children if c.dep_ == "acl" and c.lemma_ in ARRANGING):
            # "The debate, organised by the press club, ...": who arranged it
            for agent in (g for g in acl.children if g.dep_ == "agent"):
                for pobj in (x for x in agent.children if x.dep_ == "pobj"):
                    for local in self.who(pobj):
                        target.participants.setdefault(local, ARRANGING[acl.lemma_])
        if head.dep_ == "nsubjpass" and head.head.lemma_ in ARRANGING:
            # "the talks were mediated/chaired by X": X's part in them
            for agent in (g for g in head.head.children if g.dep_ == "agent"):
                for pobj in (x for x in agent.children if x.dep_ == "pobj"):
                    for local in self.who(pobj):
                        target.participants.setdefault(local, ARRANGING[head.head.lemma_])
            return
        if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.lower_ in ("at", "in") \
                and token.head.head.lemma_ == "be" and token.head.head.dep_ == "relcl" and not _negated(token.head.head):
            # "X, who was at Tuesday's meeting, said": the relative clause puts X there
            relative = token.head.head
            for local in self.parties(relative.head):
                target.participants.setdefault(local, "delegate")
            return
        while head.dep_ in ("pobj", "prep") or head.dep_ == "dobj" and head.head.pos_ == "ADP":
            head = head.head
        verb = head.head if head.dep_ in ("dobj", "prep", "pobj") else None
        if verb is None:
            return
        if verb.lemma_ in ("involve", "chair", "lead") and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
            # "a senior official involved in the talks", "X, who chaired the sessions": the noun described
            subject = verb.head if verb.dep_ == "acl" else self._subject(verb)
            found = self.parties(subject) if subject is not None else []
            if not found and subject is not None and subject.pos_ == "NOUN" and self.c.attributor:
                local = self.c.attributor.party(subject)
                found = [local] if local else []
            for local in found:
                target.participants.setdefault(local, "mediator" if verb.lemma_ == "chair" else "delegate")
            return
        attending = verb.lemma_ in ATTENDING or verb.lemma_ == "be" and any(c.lower_ == "present" for c in verb.children) \
            or verb.lemma_ == "present"
        at_meeting = head.dep_ == "prep" and head.lower_ in ("at", "during") and head.i < verb.i
        if not (attending or at_meeting):
            return
        if verb.lemma_ == "present" and verb.head.lemma_ == "be":
            verb = verb.head
        subject = self._subject(verb)
        if subject is None:
            return
        found = self.parties(subject)
        if not found and subject.pos_ == "NOUN" and self.c.attributor and subject.lower_ not in ("side", "sides"):
            local = self.c.attributor.party(subject)  # "an Iranian official was present"
            found = [local] if local else []
        for local in found:
            target.participants.setdefault(local, "observer" if attending and verb.lemma_ == "be" and local in self.c.anonymous else "delegate")

    def refer(self, token: Token, kind: str, places: list[str], pending: list[_Meeting] = ()) -> bool:
        """A definite reference: to the meeting in the place it names, else to the last of its sort
        (one this sentence introduced first: "... at a meeting on May 9, but the meeting was cancelled").

        False when it names a place no meeting of its sort had and the last one has another
        place ("The summit in Lisbon was cancelled" after talks in Porto): a new meeting.
        What the reference's own predicate says happened to the meeting is its status."""
        target = next((m for m in reversed(pending) if m.family == family(kind) and not places), None)
        if target is not None:
            self.told(token, target)
            return True
        sort = family(kind)
        if places:
            target = next((m for m in reversed(self.meetings) if m.location == places[0] and m.family == sort), None)
            last = next((m for _, m in reversed(self.references) if m.family == sort), None)
            # "the talks at the Bryggen Conference Centre" after talks in Bergen: where in the city, for the
            # last talks that took place (not a round still planned)
            took_place = next((m for _, m in reversed(self.references) if m.family == sort and m.status in ("held", "failed")), None)
            if target is None and took_place is not None and self.venue_in(places[0], took_place.location):
                target = took_place
                target.location = places[0]
            if target is None and last is not None and last.location is not None:
                return False
        dated = self.dated_possessive(token)
        if target is None and dated:  # "Tuesday's meeting": the meeting of that date
            target = next((m for _, m in reversed(self.references) if m.family == sort and m.date
                           and m.date["value"] == dated.get("value")), None)
        if target is None:  # "the talks" are the last talks that took place (not ones long past), else the last of any status
            target = next((m for _, m in reversed(self.references) if m.family == sort and m.status in ("held", "failed")
                           and not self.long_past(m)), None) \
                or next((m for _, m in reversed(self.references) if m.family == sort and m.status == "held"), None) \
                or next((m for _, m in reversed(self.references) if m.family == sort), None)
        if target is None and self.references:
            target = self.references[-1][1]
        if target is not None:
            self.told(token, target)
            self.references.append((token.idx, target))
            if places and target.location is None:
                target.location = places[0]  # "The talks, held at the X hotel, ..."
            self.reference_participants(token, target)
        # "the meeting took place on ...", with nothing before it to refer to: a meeting of its own
        return target is not None

    def told(self, token: Token, target: _Meeting) -> None:
        """"the meeting was cancelled", "the talks later collapsed": the reference's predicate
        gives the meeting's fate (a held or planned meeting becomes cancelled, postponed, failed)."""
        if token.dep_ not in ("nsubj", "nsubjpass") or token.head.pos_ not in ("VERB", "AUX"):
            return
        if any(c.dep_ == "neg" for c in token.head.children):
            return  # "the meeting had not been called off"
        said = " ".join(t.text for t in _predicate(token.head, token) if t.i > token.i)
        for pattern, status in ((CANCELLED, "cancelled"), (POSTPONED, "postponed"), (FAILED, "failed")):
            if pattern.search(said):
                target.told_status = status
                if target.status in ("held", "proposed"):
                    target.status = status
                    if not target.location and token.sent != target.sentence:
                        # "The debate, organised by X at Y, was cancelled": the telling that says
                        # what became of it is the evidence, not a lede that only named it
                        target.sentence = token.sent
                return

    def long_past(self, m: _Meeting) -> bool:
        """A meeting dated more than two months before the article: background, not the news."""
        if not m.date:
            return False
        value = m.date["value"]
        # the last day of the period the date names (a day, a month, a year)
        last = value if len(value) == 10 else f"{value}-28" if len(value) == 7 else f"{value}-12-31" if len(value) == 4 else None
        return last is not None and 60 < _days_before(last, self.published) < 10_000

    def joins_previous(self, m: _Meeting) -> bool:
        """A meeting with no place right after another meeting is that meeting, told again; so is
        one with neither place nor date between people who met before ("he had met some of the squad")."""
        if m.location or m.status != "held" or not self.meetings or m.kind not in ("meeting", "talks"):
            return False
        people = {k for k in m.participants if self.c.kind_of(k) == "person"}
        # (not one of another date: "a meeting on Tuesday" then "a private meeting in March" are two)
        recent = [o for o in self.meetings[-6:] if o.status == "held" and o.family != "visit" and not o.location
                  and o.sentence.end <= m.sentence.start and self._sentence_gap(o, m) <= 1
                  and not (o.date and m.date and not _same_time(o.date["value"], m.date["value"]))]
        if not recent and m.date and len(m.date["value"]) == 10:
            # "an August meeting" in the lede, "a meeting on Aug. 14" further down: the same one, told in full
            recent = [o for o in self.meetings if o.status == "held" and o.family != "visit" and not o.location and o.date
                      and len(o.date["value"]) == 7 and m.date["value"].startswith(o.date["value"])]
            recent = recent if len(recent) == 1 else []
        if not recent and m.date and len(m.date["value"]) == 7 and people and any(
                w in MONTHS for w in self.text[m.date["start"]:m.date["end"]].lower().split()):
            # "a meeting on Aug. 14 hosted by X", then "met with X in August": the same one, told in brief
            recent = [o for o in self.meetings if o.status == "held" and o.family != "visit" and not o.location and o.date
                      and o.date["value"].startswith(m.date["value"]) and people & set(o.participants)]
            recent = recent if len(recent) == 1 else []
        if not recent and not m.date and people:
            recent = [o for o in self.meetings if o.status == "held" and o.family != "visit" and o.sentence.end <= m.sentence.start
                      and people & set(o.participants)]
        # (a meal is an occasion of its own: "at a dinner" after "X attended a cabinet meeting" is not that
        # meeting told again; after "A second meeting is harder to pin down" it may be)
        recent = [o for o in recent if m.trigger.lower_ not in MEALS or o.trigger.lower_ == m.trigger.lower_ or not o.participants]
        if not recent:
            return False
        last = recent[-1]
        told_who = bool(last.participants)
        for key, role in m.participants.items():
            last.participants.setdefault(key, role)
        if m.date and (not last.date or len(m.date["value"]) > len(last.date["value"])):
            # the more specific telling (with a date, or a day of the month given before) is the better evidence
            last.date, last.sentence, last.trigger = m.date, m.sentence, m.trigger
        elif not told_who and m.participants:
            # "A second meeting is harder to pin down. X had joined a lunch ...": the telling that
            # says who met is the evidence, and its word says what it was
            last.sentence, last.trigger, last.kind = m.sentence, m.trigger, m.kind
        self.references.append((m.trigger.idx, last))
        return True

    def _sentence_gap(self, a: _Meeting, b: _Meeting) -> int:
        if not hasattr(self, "_sentence_index"):
            self._sentence_index = {s.start: i for i, s in enumerate(self.doc.sents)}
        return self._sentence_index.get(b.sentence.start, 0) - self._sentence_index.get(a.sentence.start, 0)

    def merge_thin(self) -> None:
        """A meeting without place or date joins the next more precise one of the same sort and status."""
        for m in self.meetings:
            if m.location or m.date:
                continue
            # only forward: a lede's "a collapsed meeting" is told in full later on
            later = self.meetings[self.meetings.index(m) + 1 : self.meetings.index(m) + 30]
            # (in the lede, people described, not named, say nothing either way: "the group's envoys" and
            # "delegates of the militia" later; elsewhere "the group had twice asked to meet X" is its own)
            lede_end = self.text.find("\n\n", len(self.text) - len(self.text.lstrip()))
            lede = m.sentence.start_char < (lede_end if lede_end >= 0 else len(self.text))
            mine = {k for k in m.participants if k not in self.c.anonymous} if lede else set(m.participants)
            if m.again and not lede:
                continue  # "the second round of talks" in the body is a round of its own, not the next meeting told
            # (a meal is an occasion of its own: "sat down to dinner" is not the planning meeting told later)
            meal = m.trigger.lower_ if m.trigger.lower_ in MEALS else None
            # ("Previous talks, on 29 October, collapsed": an earlier meeting than the one told before)
            richer = [o for o in later if not o.merged and o.family == m.family
                      and (meal is None or o.trigger.lower_ == meal or self._sentence_gap(m, o) <= 1)
                      and (o.trigger.lower_ not in MEALS or o.trigger.lower_ == meal or not m.participants)
                      and not any(c.lower_ in EARLIER for c in o.trigger.children)
                      and _settled(o.status) == _settled(m.status) and (o.date or o.location)
                      and (not mine or not ({k for k in o.participants if k not in self.c.anonymous} if lede else o.participants)
                           or mine & set(o.participants)
                           or self._sentence_gap(m, o) <= 3)]  # a meeting of others told much later is another
            if richer:
                m.merged = True
                if {k for k in m.participants if k not in self.c.anonymous} and not set(m.participants) <= set(richer[0].participants):
                    # the first telling that says who met (and more than the fuller one) is the evidence
                    richer[0].sentence = m.sentence
                for key, role in m.participants.items():  # who the thin telling named met there too
                    richer[0].participants.setdefault(key, role)
                self.references = [(offset, richer[0] if target is m else target) for offset, target in self.references]
        self.meetings = [m for m in self.meetings if not m.merged]
        self.references.sort(key=lambda pair: pair[0])

    def meeting_at(self, start: int, end: int, sentence: Span) -> _Meeting | None:
        """The meeting a claim in ``text[start:end]`` is about: one the claim itself refers back to
        ("was there for the talks"), else one its sentence refers to before it, else the last one
        referred to. A meeting the claim introduces ("instead meeting him during a chance
        encounter") is another meeting."""
        offsets = [o for o, _ in self.references]
        for low, high in ((start, end), (sentence.start_char, start)):
            window = self.references[bisect.bisect_left(offsets, low) : bisect.bisect_left(offsets, high)]
            inside = [m for o, m in window if o not in self.new_at]
            if inside:
                return inside[0]
        i = bisect.bisect_left(offsets, sentence.start_char)
        # someone who was or was not somewhere speaks of a meeting that took place, not of one
        # put off or only planned ("X had joined the session by video link")
        took_place = next((m for _, m in reversed(self.references[:i]) if m.status in ("held", "failed", "attempted")
                           and not self.long_past(m)), None)
        return took_place or (self.references[i - 1][1] if i else None)


def _listed(names: list[str]) -> str:
    if len(names) > 4:
        return ", ".join(names[:3]) + " and others"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def meeting_name(kind: str, participants: dict[str, str], place: str | None) -> str:
    """A name that says what the meeting was: "Talks between A and B in Z", "A's visit to Z"."""
    by_role: dict[str, list[str]] = {}
    for name, role in participants.items():
        by_role.setdefault(role, []).append(name)
    delegates = by_role.get("delegate", [])
    if family(kind) == "visit":
        visitors = by_role.get("visitor") or delegates
        name = (f"{_listed(visitors)}’s visit" if len(visitors) == 1 else "Visit" + (f" by {_listed(visitors)}" if visitors else ""))
        name += f" to {place}" if place else ""
        return name + (f" hosted by {_listed(by_role['host'])}" if by_role.get("host") else "")
    name = kind[0].upper() + kind[1:]
    if len(delegates) >= 2:
        name += f" between {_listed(delegates)}"
    elif delegates:
        name += f" of {delegates[0]}"
    for role, word in (("broker", "brokered by"), ("mediator", "mediated by"), ("host", "hosted by"), ("arranger", "arranged by")):
        if by_role.get(role) and not kind.startswith(word.split()[0]):
            name += f" {word} {_listed(by_role[role])}"
        elif by_role.get(role) and role == "broker":
            name += f" by {_listed(by_role[role])}"
    return name + (f" in {place}" if place else "")


def _settled(status: str) -> str:
    """Statuses a lede and the body may word differently: "a collapsed meeting" was called off."""
    return "not held" if status in ("failed", "cancelled", "postponed") else status


def _several(verb: Token) -> bool:
    """A verb whose subjects are several: "X and Y", "the two", "we", "they"."""
    return any(c.dep_ == "nsubj" and (c.conjuncts or c.tag_ == "NNS" or c.lower_ in ("we", "they")) for c in verb.children)


def _together(verb: Token) -> bool:
    """"X and Y dined together", "the two dined together": several subjects who did it together."""
    return any(c.dep_ == "advmod" and c.lower_ == "together" for c in verb.children) and _several(verb)


def with_phrases(verb: Token) -> list[Token]:
    """The "with" phrases of a verb, also one the parser hung on its time phrase ("dined on the
    evening of May 2 with X")."""
    own = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"]
    timed = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "in", "at")
             for x in c.children if x.dep_ == "pobj" and x.ent_type_ in ("DATE", "TIME", "")
             and x.lemma_.lower() in ("evening", "night", "morning", "afternoon", "day", "weekend")
             for g in x.children if g.dep_ == "prep" and g.lower_ == "with"]
    return own + timed


def describes_people(token: Token) -> bool:
    """A common noun for people the story describes rather than names: "Home Office officials",
    "leaders of the cooperative", "six colleagues", "the bankers" (not a body: "the company")."""
    if token.pos_ != "NOUN":
        return False
    words = {token.lemma_.lower(), token.lower_}
    if words & BODY_WORDS:
        return False
    return bool(words & PEOPLE_WORDS or names_people(token) or token.lower_.endswith("men"))


def some_of_people(token: Token) -> bool:
    """"one of Dlamini's deputies", "two of the officials": some of people the story describes."""
    return token.lower_ in SHARES and any(g.dep_ == "pobj" and describes_people(g) for c in token.children
                                          if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)


def _share_of(token: Token) -> bool:
    """"half of the country's demand", "most of the costs": a share of what is no party."""
    return token.lower_ in ("half", "part", "most", "all", "some", "much", "share", "bulk", "rest", "third", "quarter") and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.lemma_.lower() in NOT_PARTIES for g in c.children) for c in token.children)


def _explaining_clause(token: Token) -> Token | None:
    """The adverbial clause giving a reason or a time ("because ...", "after ...") that ``token`` is in, if any."""
    for head in [token, *token.ancestors]:
        if head.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _EXPLAINING for c in head.children):
            return head
    return None


# words that open a clause giving a reason or a time
_EXPLAINING = frozenset("because since as while after before when until".split())


def _same_time(a: str, b: str) -> bool:
    """Whether two ISO date prefixes may name the same time ("2024-05" and "2024-05-14" may)."""
    return a.startswith(b) or b.startswith(a)


def _days_before(value: str, published: str) -> int:
    """Days from a day-precision ISO date to the publication date (large when not a day)."""
    from datetime import date

    try:
        return (date.fromisoformat(published) - date.fromisoformat(value)).days if len(value) == 10 else 10_000
    except ValueError:
        return 10_000


def _verb_in(token: Token, verbs: frozenset[str]) -> bool:
    """Whether the verb is one of ``verbs``, also when the lemmatiser misses ("hopes" -> "hop")."""
    word = token.lower_
    return token.lemma_ in verbs or any(word.endswith(end) and word[: -len(end)] in verbs for end in ("s", "d", "ed", "ing")) \
        or word.endswith("es") and word[:-1] in verbs


def _predicate(verb: Token, trigger: Token) -> list[Token]:
    """The verb's own words, without the other clauses hanging from it: in "talks opened in May,
    after an earlier attempt collapsed" the talks did not collapse."""
    other = {x.i for c in verb.children if c.dep_ in ("conj", "cc", "advcl", "ccomp", "parataxis", "relcl")
             and trigger not in c.subtree for x in c.subtree}
    return [t for t in verb.subtree if t.i not in other]


def _own_words(token: Token | None) -> list[Token]:
    """A predicate and its own arguments, not the clauses hanging from it."""
    if token is None:
        return []
    skip = {x.i for ch in token.children if ch.dep_ in ("advcl", "conj", "ccomp", "xcomp", "relcl", "parataxis") for x in ch.subtree}
    own = [token] + [t for t in token.subtree if t.i not in skip and t != token]
    if token.dep_ == "conj":  # "the meeting took place ... and was attended by X": the shared subject
        own += [t for ch in token.head.children if ch.dep_ in ("nsubj", "nsubjpass") for t in ch.subtree]
    elif token.dep_ in ("relcl", "acl"):  # "a dinner X attended", "a dinner attended by X": the noun described
        own.append(token.head)
    elif token.dep_ == "advcl":  # "came at a dinner in May attended by X": the place words of the verb it hangs from
        own += [t for ch in token.head.children if ch.dep_ == "prep" and ch.i < token.i for t in ch.subtree]
    return own


def _described_meeting(token: Token | None, at_offset: dict):
    """"a board meeting he was never allowed to join": the meeting whose relative clause holds the claim."""
    for up in ([token, *token.ancestors] if token is not None else []):
        if up.dep_ in ("relcl", "acl") and up.head.idx in at_offset:
            return at_offset[up.head.idx]
        before = up.doc[up.left_edge.i - 1] if up.left_edge.i > 0 else None
        if up.dep_ == "ccomp" and before is not None and before.idx in at_offset and before.pos_ == "NOUN":
            return at_offset[before.idx]  # (a relative clause without "that" the parser took for a clause of its own)
        if up.dep_ in ("ccomp", "advcl", "parataxis", "ROOT"):
            return None
    return None


def _negated(token: Token) -> bool:
    chain = [token, *([token.head] if token.dep_ in ("xcomp", "acomp", "prep", "pobj") else [])]
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for t in chain for c in t.children) \
        or token.lemma_ in ABSENT_VERBS or any(c.lower_ == "away" for c in token.children)


def presence_claims(c: Context, finder: MeetingFinder, span: Span, statement: dict):
    """(person, negative, predicate) for each claim in a statement's content that someone
    was, or was not, at a meeting: "X attended", "X had joined the session", "X was not at
    the meeting", "X met Y", "attended by X and Y", "X stayed away"; "I" is the speaker."""
    speaker = next((s for s in statement["sources"] if c.kind_of(s) == "person"), None)

    def people(token: Token, described: bool = False) -> list[str]:
        if token.lower_ in ("i", "we") and speaker:
            return [speaker] if token.lower_ == "i" else []
        if token.lower_ == "you":
            addressee = statement.get("addressee") or _addressee(c, token.idx)
            return [addressee] if addressee else []
        if token.lemma_ == "client" and any(g.lower_ in ("his", "her", "my", "our") for g in token.children) and statement["sources"]:
            speaker_or_source = speaker or statement["sources"][0]
            client = _client_of(c, speaker_or_source)
            return [client] if client else []
        if token.lemma_ == "client" and any(g.lower_ in ("his", "her", "my", "our") for g in token.children) and speaker:
            client = _client_of(c, speaker)
            return [client] if client else []
        # people the claim describes ("a company executive had sat in on it") are claimed there too,
        # not "no company representative" (whose denial is about nobody in particular)
        if any(g.lower_ in ("no", "none") for g in token.children):
            return []
        described = described or describes_people(token) or some_of_people(token)
        found = [p for p in finder.who(token) if c.kind_of(p) == "person" or described and c.kind_of(p) == "anonymous"]
        # "the two delegations, led by A and B, met": the leaders were there
        for acl in (g for g in token.children if g.dep_ == "acl" and g.lemma_.lower() in ("lead", "head")):
            for agent in (x for x in acl.children if x.dep_ == "agent"):
                found += [p for x in agent.children if x.dep_ == "pobj" for p in finder.who(x)
                          if c.kind_of(p) == "person" and p not in found]
        return found

    def placed_meeting(token: Token):
        """"I was in X that week": the meeting held in X, when the article tells of one there."""
        for g in token.children:
            if g.dep_ == "prep" and g.lower_ in ("in", "at", "to"):
                for place in finder.location_in(list(g.subtree)):
                    here = [m for m in finder.meetings if m.status in ("held", "failed") and place == m.location]
                    if here:
                        return here[-1]
                # "denies being at the hotel" when the meeting was at the X Hotel: the venue by its noun
                for x in (x for x in g.children if x.dep_ == "pobj" and x.pos_ == "NOUN"
                          and any(d.lower_ in ("the", "that", "this") for d in x.children)):
                    here = [m for m in finder.meetings if m.status in ("held", "failed") and m.location
                            and finder.is_venue(m.location) and x.lower_ in c.name_of(m.location).lower().split()]
                    if here:
                        return here[-1]
        return None

    for token in span:
        lemma = token.lemma_.lower()
        if token.lower_ in DINING and (with_phrases(token) or _together(token)) or lemma in PHONES and token.pos_ == "VERB" \
                and any(g.dep_ == "dobj" for g in token.children):
            lemma = "meet"  # who dined with someone (or telephoned them) met them
        if lemma == "expect" and any(g.dep_ == "auxpass" for g in token.children) \
                and any(g.dep_ == "prep" and g.lower_ == "at" and _meeting_word(g.subtree) for g in token.children) \
                and any(g.dep_ == "cc" and g.lower_ == "but" for g in token.children):
            # "X had been expected at Monday's session but stayed in Y for a meeting of Z": not at the
            # one, at the other (when the "but" clause says so)
            expected = [p for g in token.children if g.dep_ == "nsubjpass" for p in people(g)]
            for other in (g for g in token.children if g.dep_ == "conj" and g.pos_ in ("VERB", "AUX")):
                away = _negated(other) and other.lemma_.lower() in ATTEND_VERBS | {"come", "go", "turn", "show", "appear"}
                stayed = other.lemma_.lower() in WHEREABOUTS and any(
                    g.dep_ == "prep" and g.lower_ in ("in", "at") for g in other.children)
                if away or stayed:
                    for person in expected:
                        yield person, True, token, None, False
                if stayed and any(g.dep_ == "prep" and g.lower_ == "for" and _meeting_word(g.subtree) for g in other.children):
                    for person in expected:
                        yield person, False, other, None, False
            continue
        at_meeting = placed_meeting(token) if lemma in ("be", "set") else None
        if lemma == "set" and not any(g.lower_ == "foot" for g in token.children):
            at_meeting = None  # "set foot in that hotel" is being there
        presence = at_meeting is not None or lemma in ATTEND_VERBS or lemma in ABSENT_VERBS or lemma == "meet" and token.pos_ == "VERB" \
            and not any(g.dep_ in ("dobj", "nsubjpass") and g.lemma_.lower() in NO_PARTIES for g in token.children) \
            or lemma == "take" and any(g.lower_ == "part" for g in token.children) \
            or lemma == "lead" and any(g.lower_ in ("delegation", "team", "group", "talks", "negotiations", "meeting", "discussions", "side") for g in token.children) \
            or lemma == "stay" and any(g.lower_ == "away" for g in token.children) \
            or lemma in ("stay", "remain") and any(g.dep_ == "prep" and g.lower_ in ("for", "through", "throughout", "until")
                                                   and any(x.lower_ in NOUNS for x in g.subtree) for g in token.children) \
            or lemma == "sit" and any(g.dep_ in ("prt", "prep") and g.lower_ == "in" and (g.dep_ == "prt" or any(x.lower_ == "on" for x in g.children))
                                      for g in token.children) \
            or lemma == "sit" and any(g.dep_ == "prep" and g.lower_ in ("at", "across", "around") and any(x.lower_ == "table" for x in g.subtree)
                                      for g in token.children) \
            or lemma == "be" and any(g.lower_ in ("there", "present", "absent") or g.dep_ == "prep" and g.lower_ in ("at", "in", "to")
                                     and any(x.lower_ in NOUNS or x.lower_ in ROOMS for x in g.subtree) for g in token.children) \
            or lemma in ENTERING and any(g.dep_ == "prep" and g.lower_ == "into"
                                         and any(x.lower_ in NOUNS or x.lower_ in ROOMS for x in g.subtree) for g in token.children)
        at_a_meeting = lemma in SEEING | {"appear", "represent"} and any(
            g.dep_ == "prep" and g.lower_ in ("at", "in", "during", "to") and any(x.lower_ in NOUNS for x in g.subtree)
            or g.lower_ == "there" for g in token.children)
        seeing = lemma in SEEING and at_a_meeting
        # "her aides said she had been called to a crisis meeting": a claim that she was there
        summoned = lemma in ("call", "summon") and any(g.dep_ == "nsubjpass" for g in token.children) and any(
            g.dep_ == "prep" and g.lower_ == "to" and any(x.dep_ == "pobj" and x.lower_ in NOUNS for x in g.children) for g in token.children)
        presence = presence or summoned or lemma == "represent" and at_a_meeting \
            or lemma == "be" and any(g.dep_ == "prep" and g.lower_ == "among" and any(x.lower_ in ("present", "attending", "there")
                                                                                    for x in g.subtree) for g in token.children)
        presence = presence or seeing or lemma in ("show", "turn") and any(g.lower_ == "up" for g in token.children) \
            or lemma == "appear" and at_a_meeting \
            or lemma == "come" and _negated(token) and _bare_past(token)
        # "the guests included X and Y": those the list names were there
        listing = lemma == "include" and any(g.dep_ == "nsubj" and g.lemma_.lower() in GUEST_WORDS for g in token.children)
        # "the minutes record X as present", "the log lists X as absent": what a record says of X
        recorded_as = [x.lower_ for g in token.children if g.dep_ == "prep" and g.lower_ == "as"
                       for x in g.subtree if x.lower_ in RECORDED_PRESENT | {"absent"}] \
            if lemma in ("record", "list", "show", "mark", "note", "log") else []
        listing = listing or bool(recorded_as)
        presence = presence or listing
        if not presence:
            yield from _other_presence(c, finder, token, people, statement)
        if lemma in WHEREABOUTS and (not presence or _SAME_TIME.search(token.sent.text)):
            # (being at another meeting elsewhere at the time is an alibi too: "X was in Y that
            # day, at a meeting of Z"; without "that day" it may be any other day)
            yield from _alibi(c, finder, token, people, statement)
        if not presence and (lemma == "take" and any(g.lower_ == "place" and g.dep_ == "dobj" for g in token.children)
                             or lemma in ("happen", "occur")):
            yield from _took_place(c, finder, token, people, speaker, statement)
        if not presence:
            continue
        auxes = {g.lower_ for g in token.children if g.dep_ in ("aux", "auxpass")}
        # "refused to attend", "was unable to join", "could not attend", "declined an invitation to attend":
        # a report that someone was not there (whose subject is the refusal's)
        refusal = _refusal(token, auxes)
        if refusal is None and (auxes & {"will", "would", "to", "shall", "'ll", "could", "might", "may"}
                                or token.tag_ in ("VB", "VBP", "VBZ") and lemma != "be" and not auxes & {"did", "do", "does"}
                                and not recorded_as):  # (a record speaks in the present: "the minutes list X as present")
            continue  # "proposed that they meet", "agreed to meet", "will attend": not a claim about a meeting held
        if refusal is not None and lemma == "meet":
            continue  # "refused to meet X" tells of no meeting
        negative = refusal is not None or _negated(token) or any(g.lower_ == "absent" for g in token.children) \
            or recorded_as[:1] == ["absent"] \
            or any(g.dep_ in ("nsubj", "nsubjpass") and any(x.lower_ in ("neither", "nor") for x in g.subtree) for g in token.children)
        # "X denied being at the meeting", "X denied claims that he had attended", inside what someone says
        negative = negative != _denied_within(token, span)
        found: list[str] = []
        met: list[str] = []
        # ("joined by video link", "by telephone": the means, not who was there)
        agents = [g for g in token.children if g.dep_ == "agent" and not any(
            x.dep_ == "pobj" and x.lemma_.lower() in MEANS for x in g.children)]
        if lemma == "join" and any(g.dep_ == "nsubjpass" for g in token.children):
            # "she was joined at the talks by her deputy" (the parser hangs "by" on the talks)
            agents += [x for x in token.subtree if x.lower_ == "by" and x.dep_ in ("prep", "agent") and x not in agents]
        if token.dep_ == "acl" and not any(g.dep_ == "nsubj" for g in token.children) or agents:
            # "a dinner attended by X and Y", "attended only by planning officers": a list of who was
            # there, people described rather than named too
            for agent in agents:
                for pobj in (x for x in agent.children if x.dep_ == "pobj"):
                    found += people(pobj, described=True)
            if lemma == "join":  # "X was joined at the talks by Y": both were there
                found += [p for g in token.children if g.dep_ == "nsubjpass" for p in people(g)]
        elif listing:
            # (and the names the parse joined to an apposition: "X, the deputy minister, and Y")
            listed = [g for g in token.children if g.dep_ == "dobj"]
            listed += [x for g in listed for a in g.children if a.dep_ == "appos" for x in a.conjuncts]
            found += [p for g in listed for p in people(g, described=True) if p not in found]
        elif seeing or summoned:
            # "she had seen X at the talks", "X was seen at the meeting": the one seen was there
            seen = [g for g in token.children if g.dep_ in ("dobj", "nsubjpass")]
            found += [p for g in seen for p in people(g)]
        else:
            met = []
            subject = finder._subject(refusal if refusal is not None and refusal is not token else token)
            if subject is None and refusal is not None and refusal is not token:  # "X was never allowed to join"
                subject = next((g for g in refusal.children if g.dep_ == "nsubjpass"), None)
            if subject is None and lemma in ENTERING:  # "X was shown into the room": who was shown in
                # (the parser may split "the developer X" into two passive subjects: the named one)
                shown = [g for g in token.children if g.dep_ == "nsubjpass"]
                subject = next((g for g in reversed(shown) if finder.who(g)), shown[0] if shown else None)
            if subject is not None:
                # (who met someone is claimed there when named: "directors met X" is a claim about X)
                found += [p for p in people(subject) if lemma != "meet" or c.kind_of(p) == "person"]
            # "X met Y" puts both there; "X never met Y" and "X did not attend, instead meeting Y"
            # are about X, whose whereabouts the claim is about
            # ("X met with Y": the one met is the object of "with")
            met = [p for g in [*token.children, *(w for w in with_phrases(token) if w.head != token)]
                   if g.dep_ == "dobj" or g.dep_ == "prep" and g.lower_ == "with"
                   for x in ([g] if g.dep_ == "dobj" else [x for x in g.children if x.dep_ == "pobj"]) for p in people(x)] \
                if lemma == "meet" else []
            # (a denying cue makes the claim negative too: "denied that X had met Y" is about X)
            if met and not negative and statement["cue"] not in DENYING_CUES and any(g.dep_ == "nsubj" for g in token.children):
                found += met
            if met and at_meeting is None:
                # the meeting of these two people, when the article tells of one
                both = {*found, *met}
                at_meeting = next((m for m in reversed(finder.meetings) if len(both) >= 2 and both <= set(m.participants)), None)
        subjects = set(found) - set(met) if lemma == "meet" else set(found)
        for person in dict.fromkeys(found):
            yield person, negative, token, at_meeting, person not in subjects


def _bare_past(token: Token) -> bool:
    """"X did not come", "never came to the talks": the bare verb, in the past, of the meeting
    told of ("they are not coming" is a plan, "did not come under pressure" another sense)."""
    return (token.tag_ == "VBD" or any(g.dep_ == "aux" and g.lower_ in ("did", "had", "has", "have") for g in token.children)) \
        and all(g.dep_ in ("nsubj", "aux", "neg", "cc", "conj", "punct", "advmod") or g.dep_ == "prep" and g.lower_ == "to"
                for g in token.children)


def _meeting_word(tokens) -> bool:
    return any(x.lower_ in NOUNS and x.pos_ in ("NOUN", "PROPN", "VERB") for x in tokens)


INNER_DENIALS = frozenset("deny reject dispute dismiss refute rebut contest".split())


def _denied_within(token: Token, span: Span) -> bool:
    """Whether a verb of denying inside the statement's words governs the presence ("X denied
    attending", "denied claims that he had been there"), which makes it a denial."""
    inside = {t.i for t in span}
    for ancestor in token.ancestors:
        if ancestor.i not in inside:
            return False
        if ancestor.pos_ == "VERB" and ancestor.lemma_.lower() in INNER_DENIALS and not _negated(ancestor):
            return True
        if ancestor.dep_ in ("conj", "advcl", "relcl", "parataxis"):
            return False
    return False


def _refusal(token: Token, auxes: set[str]) -> Token | None:
    """The verb whose subject was not at a meeting when a presence is refused or could not be:
    "refused/declined/failed to attend" (the refusing verb), "was unable / too ill to attend", "could
    not attend", "declined an invitation to attend" (the declining verb); else None."""
    head = token.head
    if token.dep_ == "xcomp" and "to" in auxes:
        if head.lemma_.lower() in REFUSAL_HEADS and head.tag_ in ("VBD", "VBN") and not _negated(head):
            return head
        if head.lower_ == "unable" or any(g.lower_ == "too" for g in head.children) and head.pos_ == "ADJ":
            return token  # (its subject is found through the adjective's verb)
        if head.lemma_.lower() in ("allow", "permit", "let") and _negated(head) and head.tag_ in ("VBD", "VBN"):
            return head  # "was never allowed to join", "was not permitted to attend": not there
    if token.dep_ in ("acl", "relcl") and "to" in auxes and head.lemma_.lower() in INVITATIONS \
            and head.dep_ == "dobj" and head.head.lemma_.lower() in REFUSING | {"turn", "spurn", "ignore"} \
            and head.head.tag_ in ("VBD", "VBN"):
        return head.head
    if "could" in auxes and _negated(token):
        return token
    return None


def _whole_phrase(c: Context, token: Token, found: list[str]) -> list[str]:
    """The parties found for a phrase, an anonymous one only when its description is the whole
    phrase from its first word ("his lawyers"), not a piece of it ("president" of "its vice-president")."""
    out = []
    # ("his deputy", "their lawyers", "the deputy minister"; not "a deputy", nobody in particular)
    determined = any(g.dep_ == "poss" or g.dep_ == "det" and g.lower_ == "the" for g in token.children)
    for p in found:
        record = c.anonymous.get(p)
        if record is None or determined and record["start"] <= token.left_edge.idx:
            out.append(p)
    return out


def _near_meeting(finder: MeetingFinder, token: Token) -> bool:
    """Whether the token's sentence, or one of the three before it, tells of a meeting."""
    sentence = before = token.sent
    for _ in range(3):
        if before.start == 0:
            break
        before = token.doc[before.start - 1].sent
    return any(before.start_char <= o < sentence.end_char for o, _ in finder.references)


def _other_presence(c: Context, finder: MeetingFinder, token: Token, people, statement: dict):
    """Round six: (person, negative, predicate, meeting, met) for the other ways a statement puts
    someone at a meeting or keeps them away from it:

    * a part played at it: "X chaired / hosted / addressed / opened the meeting";
    * coming and going: "X walked out of the talks", "left the meeting early", "arrived for the
      dinner", "flew to Oslo for the talks", "went to the meeting" ("did not go": denies),
      "did not travel to Z" when the meeting was held in Z;
    * "X held talks / had lunch with Y": both, as "X met Y";
    * "X was among those at the talks / among the delegates";
    * "X sent a deputy (to the talks)": X was not there, the one sent was; "X was represented by Y";
    * "X was excluded / barred from the talks", "was not invited (to the talks)": denies;
    * "X was nowhere near the meeting": denies;
    * "X was seen leaving the hotel after the meeting": seen there."""
    lemma = token.lemma_.lower()
    children = list(token.children)
    if not children:
        return  # every construction below reads the word's dependents (most words have none)
    negative = _negated(token)
    auxes = {g.lower_ for g in children if g.dep_ in ("aux", "auxpass")}
    if auxes & {"will", "would", "shall", "'ll", "might", "may", "to"} or token.tag_ in ("VB", "VBP", "VBZ") and lemma != "be" \
            and not auxes & {"did", "do", "does"}:
        return  # a plan or a habit, no claim about a meeting held
    subject = finder._subject(token)
    objects = [g for g in children if g.dep_ == "dobj"]
    preps = [g for g in children if g.dep_ == "prep"]

    def prep_meeting(words: tuple[str, ...], tokens=None) -> bool:
        return any(g.lower_ in words and _meeting_word(g.subtree) for g in (tokens if tokens is not None else preps))

    def subject_people() -> list[str]:
        return people(subject) if subject is not None else []

    claim: list[tuple[str, bool, bool]] = []  # (person, negative, met)
    outs = [g for g in children if g.lower_ in ("out", "away") and g.dep_ in ("prt", "prep", "advmod")]  # ("kept out of")
    if lemma in RUNNING and not negative and (any(o.lower_ in NOUNS for o in objects) or lemma == "preside" and prep_meeting(("over",))):
        claim += [(p, False, False) for p in subject_people()]
    elif (lemma in WALKING and any(g.lower_ == "out" for g in children) and (prep_meeting(("of",)) or prep_meeting(
            ("of",), [x for g in children if g.lower_ == "out" for x in g.children]))
          or lemma in LEAVING and any(o.lower_ in NOUNS for o in objects)
          or lemma in ARRIVING and prep_meeting(("at", "for", "to"))
          or lemma in GOING and prep_meeting(("to", "for"))):
        if not negative or lemma in GOING:
            claim += [(p, negative, False) for p in subject_people()]
    elif lemma in GOING and negative and preps:
        # "did not travel to Bonn": the meeting held there
        places = [place for g in preps if g.lower_ == "to" for place in finder.location_in(list(g.subtree))]
        before = [m for o, m in finder.references if o < statement["end"]]
        meeting = next((m for m in reversed(before) if m.location and m.location in places
                        and m.status in ("held", "failed", "attempted")), None)
        if meeting is not None:
            for p in subject_people():
                yield p, True, token, meeting, False
        return
    elif lemma in ("hold", "have") and not negative or lemma in ("hold", "have") and negative:
        talks = [o for o in objects if o.lower_ in NOUNS and o.lower_ not in ("visit", "trip", "conference")
                 or o.lemma_.lower() in DRINKS]  # ("had a coffee with Y")
        withs = [x for o in talks for g in o.children if g.dep_ == "prep" and g.lower_ == "with" for x in g.children if x.dep_ == "pobj"]
        withs += [x for g in preps if g.lower_ == "with" for x in g.children if x.dep_ == "pobj"] if talks else []
        if talks and (withs or subject is not None and subject.conjuncts) \
                and not any(g.lower_ in NEGATED_DETERMINERS for o in talks for g in o.children):
            # "X held talks with Y", "X and Y held talks in Z": all of them
            mine = subject_people()
            met = [p for w in withs for p in people(w)]
            meeting = next((m for o, m in finder.references if o == talks[0].idx), None)
            for p in mine:
                yield p, negative, token, meeting, False
            if not negative and statement["cue"] not in DENYING_CUES:
                for p in met:
                    if p not in mine:
                        yield p, False, token, meeting, True
        return
    elif lemma == "be" and any(g.dep_ == "prep" and g.lower_ == "among" and any(
            x.dep_ == "pobj" and (x.lower_ in PRESENT_GROUPS and (x.lower_ != "those" or _meeting_word(x.subtree))
                                  and (x.lower_ in ("participants", "delegates", "attendees", "those") or _meeting_word(x.subtree)))
            for x in g.children) for g in children):
        claim += [(p, negative, False) for p in subject_people()]
    elif lemma in ("welcome", "greet") and not negative and any(o.lower_ in PRESENT_GROUPS and o.lower_ != "those" for o in objects) \
            and _near_meeting(finder, token):
        # "X welcomed the delegates": the host was there
        claim += [(p, False, False) for p in subject_people() if c.kind_of(p) == "person"]
    elif lemma == "be" and any(g.lower_ == "nowhere" for g in children) and _near_meeting(finder, token):
        claim += [(p, True, False) for p in subject_people()]
    elif lemma == "send" and not negative and objects and _near_meeting(finder, token):
        sent = [o for o in objects if o.lemma_.lower() in STAND_INS or o.lower_ in STAND_INS
                or c.entity_at(o.idx, o.idx + len(o)) and c.entity_at(o.idx, o.idx + len(o))[1] == "person"
                or any(x.dep_ == "appos" and c.entity_at(x.idx, x.idx + len(x)) for x in o.children)]
        if sent:  # (the one who sent someone is a person named: "the shipowners sent their lawyers" were there)
            claim += [(p, True, False) for p in subject_people() if c.kind_of(p) == "person"]
            claim += [(p, False, False) for o in sent for p in _whole_phrase(c, o, people(o, described=True))]
    elif lemma == "represent" and any(g.dep_ == "agent" for g in children) and _near_meeting(finder, token):
        absent = [p for g in children if g.dep_ == "nsubjpass" for p in people(g)]
        present = [p for g in children if g.dep_ == "agent" for x in g.children if x.dep_ == "pobj" for p in people(x) if c.kind_of(p) == "person"]
        if not negative:
            claim += [(p, True, False) for p in absent if p not in present] + [(p, False, False) for p in present]
    elif lemma in EXCLUDING and not negative and (prep_meeting(("from", "of")) or outs and (
            prep_meeting(("of", "from")) or prep_meeting(("of", "from"), [x for g in outs for x in g.children])
            or _near_meeting(finder, token))
            # "kept in a waiting room for the entire meeting": held apart from it
            or lemma == "keep" and any(g.lower_ == "in" and prep_meeting(("for",), [x for x in g.subtree if x.dep_ == "prep"])
                                       for g in preps)):
        if lemma in ("shut", "lock", "turn") and not outs:
            return
        kept = [g for g in children if g.dep_ == "nsubjpass"] or objects
        claim += [(p, True, False) for g in kept for p in people(g)]
    elif lemma == "invite" and negative and "been" in auxes | {"been" if any(g.dep_ == "auxpass" for g in children) else ""} and (
            prep_meeting(("to",)) or _near_meeting(finder, token)):
        # "X was not invited", "he had been in Geneva and had not been invited" (the subject the conjuncts share)
        invited = [g for g in children if g.dep_ == "nsubjpass"] or (
            [g for g in token.head.children if g.dep_ in ("nsubj", "nsubjpass")] if token.dep_ == "conj" else [])
        claim += [(p, True, False) for g in invited for p in people(g)]
    elif lemma in SEEING and not negative and any(g.dep_ in ("xcomp", "ccomp", "advcl") and _meeting_word(g.subtree) for g in children):
        seen = [g for g in children if g.dep_ in ("dobj", "nsubjpass")]
        claim += [(p, False, False) for g in seen for p in people(g)]
    if not claim and not negative and token.pos_ == "VERB" and not any(g.dep_ in ("nsubjpass", "auxpass") for g in children) \
            and lemma not in PLAN_VERBS | {"say", "tell", "discuss", "hear", "learn", "report"} - {"tell"}:
        # "X raised the issue with Y during the meeting", "X told the meeting", "X signed the deal at the
        # summit", "spoke on the sidelines of the summit": whoever acts at a meeting was there
        at = [x for g in preps if g.lower_ in ("at", "during", "on") for x in g.children if x.dep_ == "pobj"]
        at = [x for x in at if x.lower_ in NOUNS] + [y for x in at if x.lower_ == "sidelines" for g in x.children
                                                    if g.lower_ == "of" for y in g.children if y.lower_ in NOUNS]
        told = [o for o in objects if o.lower_ in NOUNS and lemma in ("tell", "brief", "address", "inform", "assure", "urge")]
        where = [x for x in at + told if x.lower_ not in ("visit", "trip", "conference") and not any(
            g.lower_ in NEGATED_DETERMINERS or g.lower_ in PLANNED for g in x.children)]
        if where:
            meeting = next((m for o, m in finder.references if o == where[0].idx), None)
            # (those it was done with: "raised the issue with Y", wherever the parser hangs "with")
            withs = [x for g in _own_words(token) if g.dep_ == "prep" and g.lower_ == "with" for x in g.children if x.dep_ == "pobj"]
            mine = [p for p in subject_people() if c.kind_of(p) == "person"]
            for p in mine + [p for w in withs for p in people(w) if c.kind_of(p) == "person" and p not in mine]:
                yield p, False, token, meeting, False
            return
    if not claim and not negative and lemma in ("bring", "involve", "include", "gather", "unite") and subject is not None \
            and subject.lower_ in NOUNS and (lemma != "bring" or any(g.lower_ == "together" for g in children)):
        # "talks in Z brought together A and B", "the meeting involved A and B"
        meeting = next((m for o, m in finder.references if o == subject.idx), None)
        for o in objects:
            for p in people(o):
                if c.kind_of(p) == "person":
                    yield p, False, token, meeting, False
        return
    seen_people = set()
    for person, denies, met in claim:
        if person not in seen_people:
            seen_people.add(person)
            yield person, denies, token, None, met


def _alibi(c: Context, finder: MeetingFinder, token: Token, people, statement: dict):
    """"her client had been in Lisbon all week", "X spent the day in Y": someone the story
    puts at a meeting was somewhere else, a claim that they were not there (the meeting they are
    a party of, held in another place, the last one told before the claim)."""
    if _negated(token) or {g.lower_ for g in token.children if g.dep_ == "aux"} & {"will", "would", "'ll", "shall"}:
        return
    elsewhere = [place for g in token.children if g.dep_ == "prep" and g.lower_ in ("in", "at")
                 for place in finder.location_in(list(g.subtree))]
    # "he was at home with his family": at home, which is nowhere a meeting was held
    home = any(g.lower_ == "home" and (g.dep_ in ("advmod", "npadvmod") or g.head.dep_ == "prep" and g.head.lower_ == "at")
               for g in token.subtree if g.head == token or g.head.head == token)
    if not elsewhere and not home:
        return
    subject = finder._subject(token)
    if subject is None:
        return
    before = [m for o, m in finder.references if o < statement["end"]]
    for person in people(subject):
        meeting = next((m for m in reversed(before) if person in m.participants and (m.location or home and not elsewhere)
                        and m.status in ("held", "failed", "attempted") and not any(
                            finder.same_or_within(m.location, place) or finder.same_or_within(place, m.location)
                            or place == m.location for place in elsewhere)), None)
        if meeting is not None:
            yield person, True, token, meeting, False


def _took_place(c: Context, finder: MeetingFinder, token: Token, people, speaker: str | None, statement: dict):
    """"the meeting was held at an inn", "no meeting with the mayor ever happened": a claim
    about who met, for the people named with the meeting (and a speaker who says no meeting with
    someone took place, the other party), else the people the meeting had."""
    subject = next((g for g in token.children if g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in NOUNS), None)
    if subject is None or {g.lower_ for g in token.children if g.dep_ == "aux"} & {"will", "would", "shall", "'ll", "could", "might", "may", "to"}:
        return  # "a meeting would take place next week": a plan, no claim
    negative = _negated(token) or any(g.lower_ == "no" for g in subject.children)
    named = [p for prep in subject.children if prep.dep_ == "prep" and prep.lower_ in ("with", "between")
             for pobj in prep.children if pobj.dep_ == "pobj" for p in people(pobj)]
    meeting = next((m for o, m in finder.references if o == subject.idx), None)
    if meeting is None and not named:  # "no meeting had taken place": the meeting the story told of
        meeting = finder.meeting_at(statement["start"], statement["end"], token.sent)
    if named:
        if speaker and speaker not in named:
            named.append(speaker)
    elif meeting is not None:
        # (the people it had, named or described: "senior police commanders")
        named = [k for k in meeting.participants if c.kind_of(k) in ("person", "anonymous")]
    for person in dict.fromkeys(named):
        yield person, negative, token, meeting, False


def _meeting_confirmed(c: Context, finder: MeetingFinder, span: Span, statement: dict, at_offset: dict) -> list:
    """"A spokesperson for X confirmed the meeting", "X's office denied the meeting": a claim for
    the one the speaker speaks for (else the speaker), when a party to that meeting."""
    if statement["cue"] not in {"confirmed", "confirms", "confirm"} | DENYING_CUES:
        return []
    head = next((t for t in span if t.lower_ in NOUNS and t.idx in at_offset), None)
    if head is None or head.dep_ not in ("ROOT", "dobj") and head.head.i not in {t.i for t in span}:
        return []
    meeting = at_offset[head.idx]
    for source in statement["sources"]:
        record = c.anonymous.get(source)
        # the person or body the speaker's description names ("a spokesperson for X", "X's office")
        named = [hit[0] for t in c.doc.char_span(record["start"], record["end"], alignment_mode="expand") or []
                 for hit in [c.entity_at(t.idx, t.idx + len(t))] if hit] if record else []
        for party in [*named, source]:
            if party in meeting.participants:
                return [(party, False, head, meeting, False)]
    return []


def _meeting_recorded(c: Context, finder: MeetingFinder, span: Span, statement: dict, at_offset: dict) -> list:
    """"The ministry's calendar lists a meeting with X", "the register records a meeting between
    A and B": a record of a meeting held puts the people it names there."""
    if not statement.get("record"):
        return []
    head = next((t for t in span if t.lower_ in NOUNS and t.idx in at_offset), None)
    inside = {t.i for t in span}
    if head is None:
        # "the minutes list X as absent": the record's verb holds what it says of X, about the
        # meeting the story is telling of
        verb = next((t.head for t in span if t.head.i not in inside and t.head.pos_ == "VERB"), None)
        if verb is None:
            return []
        said = [x.lower_ for g in verb.children if g.dep_ == "prep" and g.lower_ == "as" for x in g.subtree
                if x.lower_ in RECORDED_PRESENT | {"absent"}]
        meeting = finder.meeting_at(statement["start"], statement["end"], span.sent) if said else None
        if meeting is None:
            return []
        return [(p, said[0] == "absent", None, meeting, False) for g in verb.children if g.dep_ == "dobj"
                for p in finder.who(g) if c.kind_of(p) == "person"]
    # the meeting is what the record lists ("lists X as the host of a meeting"), not a word inside it
    # ("records a complaint about the meeting")
    between = [a for a in head.ancestors if a.i in inside and a.pos_ != "ADP"
               and not (a.dep_ == "dobj" and a.head.i not in inside)]  # ("lists X as the host of": X)
    if any(a.lemma_.lower() not in LISTED_AS for a in between):
        return []
    meeting = at_offset[head.idx]
    if meeting.status not in ("held", "failed"):
        return []
    return [(party, False, head, meeting, False) for party in meeting.participants
            if c.kind_of(party) in ("person", "anonymous") and party not in statement["sources"]]


def _meeting_told(c: Context, finder: MeetingFinder, span: Span, statement: dict, at_offset: dict) -> list:
    """"She said her party had not been invited to a meeting between A and B": what someone says
    of a meeting held between people it names puts those people there (a denying cue denies it)."""
    for head in (t for t in span if t.lower_ in NOUNS and t.pos_ == "NOUN" and t.idx in at_offset):
        meeting = at_offset[head.idx]
        if meeting.status != "held" or finder.definite(head):
            continue
        named = [p for g in head.children if g.dep_ == "prep" and g.lower_ in ("between", "with")
                 for x in g.children if x.dep_ == "pobj" for p in finder.who(x) if c.kind_of(p) == "person"]
        if named:
            return [(p, False, head, meeting, False) for p in dict.fromkeys(named)]
    return []


LAWYERS = frozenset("counsel lawyer attorney advocate solicitor barrister agent".split())  # ("his client": an agent's too)


def _client_of(c: Context, lawyer: str) -> str | None:
    """"his client" in what a lawyer says: the person the article calls the lawyer's client
    ("X's counsel, advocate Y", "Y, a lawyer for X"; a lawyer described so, not named: "X's lawyer")."""
    record = c.anonymous.get(lawyer)
    if record is not None:
        described = c.doc.char_span(record["start"], record["end"], alignment_mode="expand") or []
        for token in (t for t in described if t.lemma_.lower() in LAWYERS):
            for t in token.subtree:
                hit = c.entity_at(t.idx, t.idx + len(t))
                if hit and hit[1] == "person" and (t.dep_ == "poss" and t.head == token
                                                   or t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.head == token):
                    return hit[0]
    for token in c.doc:
        if token.lemma_.lower() not in LAWYERS:
            continue
        # the lawyer in the phrase or right after it (an apposition the parser hung elsewhere)
        near = [*token.subtree, *c.doc[token.i + 1 : min(token.i + 6, token.sent.end)]]
        named = {hit[0] for t in near for hit in [c.entity_at(t.idx, t.idx + len(t))] if hit}
        if lawyer not in named:
            continue
        for t in token.subtree:
            hit = c.entity_at(t.idx, t.idx + len(t))
            if hit and hit[1] == "person" and hit[0] != lawyer and (t.dep_ == "poss" and t.head == token
                                                                      or t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.head == token):
                return hit[0]
        for t in token.subtree:
            # "a lawyer for the younger woman, X": the client the story describes
            if t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.head == token and not c.entity_at(t.idx, t.idx + len(t)) \
                    and describes_people(t) and c.attributor:
                local = c.attributor.party(t, human=True)
                if local and c.kind_of(local) in ("anonymous", "person") and local != lawyer:
                    return local
    return None


def _addressee(c: Context, offset: int) -> str | None:
    """"you" in an interviewer's question: the person who answers it (the next turn's speaker)."""
    turns = [st for st in c.statements if st.get("channel") == "interview"]
    question = next((st for st in turns if st["start"] <= offset < st["end"]), None)
    if question is None:
        return None
    answer = next((st for st in turns if st["start"] >= question["end"] and st["sources"] != question["sources"]), None)
    return answer["sources"][0] if answer and c.kind_of(answer["sources"][0]) == "person" else None


def _presence_fallback(c: Context, finder: MeetingFinder, span: Span, statement: dict) -> list:
    """"confirmed his participation": the person the content's subject or possessive names."""
    for token in span:
        hit = c.entity_at(token.idx, token.idx + len(token))
        # a possessor only of the presence itself ("his participation"), not "his father was in X"
        owned = token.dep_ == "poss" and token.head.lemma_.lower() in ("participation", "attendance", "presence", "absence")
        # ("X's absence from the meeting" says X was not there)
        negative = bool(NEGATION.search(span.text)) != (owned and token.head.lemma_.lower() == "absence")
        if hit and hit[1] == "person" and (token.dep_ in ("nsubj", "nsubjpass") or owned):
            return [(hit[0], negative, None, None, False)]
        if token.lower_ in PRONOUNS and (token.dep_ == "nsubj" or owned) and c.attributor:
            person = c.attributor.pronoun(token)
            if person in statement["sources"] and (c.inside_quote(token.idx) or statement.get("mode") == "direct"):
                return []  # "'There was no meeting for him to attend,' she said": he is not the one speaking
            return [(person, negative, None, None, False)] if person else []
    return []


BARE_REFERENCE = re.compile(r"(that|this|it|(the|his|her|their|its|that) (claim|account|report|allegation|version)s?"
                            r"|those (claims|reports))\W*", re.I)


ANSWER = re.compile(r"\s*(?:(no|never|not at all|absolutely not|of course not|i did not|i didn[’']t|i was not|i wasn[’']t)"
                    r"|(yes|i did|i was|of course|absolutely|indeed))\b\s*[.,;!—-]", re.I)


def _answered(c: Context, finder: MeetingFinder, statement: dict, found: list) -> list:
    """An interview answer that opens with "No." / "Yes, I was." / "I did not." to a question
    asking whether the one answering was at a meeting ("Did you attend the board's meeting in
    X?"): a claim of the one answering, a denial for "no"."""
    speaker = next((s for s in statement["sources"] if c.kind_of(s) == "person"), None)
    answer = ANSWER.match(c.text, statement["start"])
    if speaker is None or answer is None:
        return []
    paragraph = c.text.rfind("\n", 0, statement["start"]) + 1
    end = len(c.text[:paragraph].rstrip())
    start = c.text.rfind("\n", 0, end) + 1
    if end <= start or not c.text[start:end].endswith("?"):
        return []
    question = c.doc.char_span(start, end, alignment_mode="expand")
    if question is None:
        return []
    asked = {**statement, "start": start, "end": end, "addressee": speaker, "sources": []}
    out = []
    for person, negative, token, placed, met in presence_claims(c, finder, question, asked):
        if person == speaker and not any(f[0] == person and (f[3] is None or f[3] is placed) for f in found):
            out.append((person, negative != bool(answer.group(1)), token, placed, met))
    return out


def _claims_taken_up(c: Context, claims: list[dict]) -> list[dict]:
    """"X's representatives rejected that": a statement whose content only points back at the
    statement right before it takes up that statement's claims, the other way round when its cue
    denies."""
    out: list[dict] = []
    by_statement: dict[str, list[dict]] = {}
    for claim in claims:
        by_statement.setdefault(claim["statement"], []).append(claim)
    previous: list[dict] = []
    for statement in c.statements:
        own = by_statement.get(statement["id"], [])
        if not own and previous and BARE_REFERENCE.fullmatch(c.text[statement["start"]:statement["end"]].strip()):
            flip = statement["cue"] in DENYING_CUES
            # denying "X met Y" denies X's presence, as "X never met Y" does (see presence_claims)
            own = [{**claim, "statement": statement["id"],
                    "stance": {"confirms": "denies", "denies": "confirms"}[claim["stance"]] if flip else claim["stance"]}
                   for claim in previous if not (flip and claim.get("met"))]
        out += own
        previous = own  # only the statement right before: "A said ... B rejected that"
    return out


def extract_meetings(index: ArticleIndex, attribution: Attribution, dates: list[dict],
                     published: str) -> tuple[list[dict], list[dict], list[dict]]:
    """The document's ``meetings`` and ``attendance_claims`` (from the statements of
    ``attribution``, the statements stage's record), and the anonymous parties that only
    meetings name ("board members met X")."""
    context = attribution.context(index)
    known = set(context.anonymous)
    finder = MeetingFinder(context, [fresh(d) for d in dates], published)
    finder.run()
    text = context.text
    claims = []
    records = {id(m): f"meeting-{i}" for i, m in enumerate(finder.meetings, start=1)}
    at_offset = {offset: m for offset, m in finder.references}
    for statement in context.statements:
        span = context.doc.char_span(statement["start"], statement["end"], alignment_mode="expand")
        words = text[statement["start"]:statement["end"]].strip()
        if span is None or statement["cue"] == "asked" and words.endswith("?") or re.match(r"(whether|if)\b", words, re.I):
            continue  # a question claims nothing ("asked whether X had been present")
        # a claim inside another statement's words is that statement's ("asked: there were reports that ...")
        inner = [(st["start"], st["end"]) for st in context.statements if st is not statement
                 and statement["start"] <= st["start"] and st["end"] <= statement["end"]]
        found = [f for f in presence_claims(context, finder, span, statement)
                 if f[2] is None or not any(a <= f[2].idx < b for a, b in inner)]
        if not found and PRESENCE.search(text[statement["start"] : statement["end"]]):
            found = _presence_fallback(context, finder, span, statement)
        if not found:
            found = _meeting_confirmed(context, finder, span, statement, at_offset) \
                or _meeting_recorded(context, finder, span, statement, at_offset) \
                or _meeting_told(context, finder, span, statement, at_offset)
        found = found + _answered(context, finder, statement, found)
        seen = set()
        resolved = []
        for participant, negative, token, placed, object_of_meet in found:
            meeting = placed or next((at_offset[t.idx] for t in _own_words(token)
                            if t.idx in at_offset and statement["start"] <= t.idx < statement["end"]), None) \
                or _described_meeting(token, at_offset) \
                or finder.told_with(_own_words(token), statement["start"]) \
                or finder.meeting_at(statement["start"], statement["end"], span.sent)
            resolved.append((participant, negative, placed is not None, object_of_meet, meeting))
        for participant, negative, placed, object_of_meet, meeting in resolved:
            if meeting is None or id(meeting) not in records or (id(meeting), participant) in seen:
                continue
            if placed and any(o[0] == participant and o[4] is meeting and not o[2] and o[1] != negative for o in resolved):
                continue  # "I was at the stadium, yes. I was never in that room": the room, not the building
            seen.add((id(meeting), participant))
            stance = "denies" if negative != (statement["cue"] in DENYING_CUES) else "confirms"
            meeting.participants.setdefault(participant, "delegate")
            claims.append({"meeting": records[id(meeting)], "participant": participant,
                           "statement": statement["id"], "stance": stance, "met": object_of_meet})
    for m in finder.meetings:
        told = getattr(m, "told_by", None)
        if told is None or id(m) not in records:
            continue
        statement, speaker, met = told
        # the speaker's own meeting puts the speaker and those met there
        for party in [speaker, *(k for k in met if context.kind_of(k) in ("person", "anonymous"))]:
            if not any(c["statement"] == statement["id"] and c["participant"] == party for c in claims):
                claims.append({"meeting": records[id(m)], "participant": party, "statement": statement["id"],
                               "stance": "confirms", "met": False})
    claims = [{k: v for k, v in claim.items() if k != "met"} for claim in _claims_taken_up(context, claims)]
    for i, m in enumerate(finder.meetings):
        if m.continues and not m.participants:
            # "A second meeting, in X, was cancelled": the parties of the meeting before it, now that
            # the claims have said who was at that one ("I was in Y that week")
            before = next((o for o in reversed(finder.meetings[:i]) if o.family == m.family and o.participants), None)
            if before is not None:
                m.participants.update({k: "delegate" for k, r in before.participants.items() if r == "delegate"})
    stances: dict[tuple[str, str], set[str]] = {}
    for claim in claims:
        stances.setdefault((claim["meeting"], claim["participant"]), set()).add(claim["stance"])
    out = []
    for m in finder.meetings:
        local = records[id(m)]
        sentence = m.sentence
        end = sentence.end_char
        while end > sentence.start_char and text[end - 1].isspace():
            end -= 1
        place = context.name_of(m.location) if m.location else None
        item: dict = {"id": local, "name": meeting_name(m.kind, {context.name_of(k): r for k, r in m.participants.items()}, place),
                      "kind": m.kind, "status": m.status, "evidence": span_value(text, sentence.start_char, end)}
        if m.location:
            item["location"] = m.location
        if m.date:
            item["date"] = m.date["value"]
            item["date_text"] = text[m.date["start"] : m.date["end"]]
        participants = []
        for ref, role in m.participants.items():
            seen = stances.get((local, ref), set())
            attendance = "disputed" if len(seen) == 2 else {"confirms": "confirmed", "denies": "denied"}.get(next(iter(seen), ""), "reported")
            participants.append({"ref": ref, "role": role, "attendance": attendance} if attendance != "reported" else {"ref": ref, "role": role})
        if participants:
            item["participants"] = participants
        out.append(item)
    new = {local: record for local, record in context.anonymous.items() if local not in known}
    return out, claims, anonymous_items(text, new)
