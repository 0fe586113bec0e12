"""Stage 5: attribution -- who said what, as statements with speakers.

Input: the article index (:mod:`.index`); output: ``statements`` and ``anonymous``
entries of the annotation document, and an :class:`Attribution` record (the same with
offsets) for the stages that read them. Rules over the dependency parse:

* a speech verb (said, told, denied, claimed, tweeted, ...) outside quotation marks;
  the speaker is its subject, including "..., said a source close to X" and several
  subjects joined by "and" or "along with";
* "according to X": X is the speaker (also "according to figures from X");
* the content is the verb's clausal complement ("said that ..."); else the clause before
  the comma ("..., X said"); else the verb's object ("confirmed his participation");
  a sentence that is only a quotation continues the previous speaker in the paragraph;
* "X, said, and ..." attributes the coordinated clause after it too;
* mode: direct when the content is one whole quotation, mixed when it holds quotation
  marks, indirect otherwise; the quotation marks enclosing all of it are left out;
* channel: "told <organisation>" (an interview), "tweeted" (Twitter), "on his Facebook
  page" (Facebook), "on X", "in a statement";
* speakers that are not names: he/she (the last person mentioned before, of the same
  pronoun when the text shows it), "they" (the last plural source), "the source" /
  "the former official" (the last anonymous source with that head noun), "the union"
  (the organisation whose name holds the noun), and any other noun phrase, which
  becomes an anonymous source described by its own words.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from spacy.tokens import Token

from .affiliations import FAMILY, name_head_word as _name_head
from .mentions import ROLE_NOUNS
from .index import ArticleIndex, Context
from .institutions import nationality_code
from .records import span_value

SPEECH_VERBS = frozenset("""
say tell add explain deny claim confirm suggest tweet write warn urge accuse insist argue state note
announce acknowledge admit stress assert caution predict reply respond reject allege report post
testify declare propose recall concede complain maintain contend emphasise
emphasize remark ask dispute counter retort vow pledge promise conclude expect threaten
reveal disclose estimate assure question forecast observe boast lament quip joke brag
comment reason
""".split())
# Verbs that put the speaker after them: "..., said a source close to the talks".
INVERTING_VERBS = frozenset("say add write explain note insist argue claim warn reply recall admit concede declare counter retort".split())
# Head nouns of anonymous sources: people and bodies that speak ("officials", "a diplomat").
SOURCE_NOUNS = frozenset("""
official officials source sources diplomat diplomats spokesperson spokesman spokeswoman representative
representatives economist economists analyst analysts expert experts resident residents witness witnesses
people leader leaders member members activist activists critic critics observer observers negotiator
negotiators minister ministers officer officers worker workers company companies firm firms group groups
government governments agency authorities authority ministry police military army lawmaker lawmakers
aide aides adviser advisers advisor advisors insider insiders person investor investors trader traders
banker bankers executive executives lawyer lawyers doctor doctors union unions caretaker delegation
delegates delegate official's campaigner campaigners researcher researchers scientist scientists
newspaper newspapers magazine broadcaster outlet website daily tabloid media press
director directors player players shareholder shareholders owner owners employee employees staff
teacher teachers parent parents farmer farmers herder herders councillor councillors prosecutor prosecutors
""".split())
_FEMALE = re.compile(r"\b(Ms|Mrs|Miss|Madam|spokeswoman|chairwoman|businesswoman|congresswoman|councilwoman|wife|mother|daughter|sister|actress|widow)\b")
_MALE = re.compile(r"\b(Mr|Sir|spokesman|chairman|businessman|congressman|councilman|husband|father|son|brother|actor|widower)\b")
# Nouns that attribute a "that" clause: "there were reports that", "her claim that"
CUE_NOUNS = frozenset("""report claim allegation assertion accusation suggestion warning statement announcement
admission assurance denial insistence argument promise pledge testimony""".split())
# What organisers do to the events whose "organisers" speak ("the march, called by X")
_ORGANISING = frozenset("organise organize call stage lead convene arrange".split())
_EVENTS = frozenset("march protest rally demonstration strike walkout sit-in vigil festival boycott".split())
# The words for a newspaper, any of which a later description may use for it
PUBLICATION_NOUNS = frozenset("paper newspaper daily weekly tabloid broadsheet".split())
# Nouns a definite description of an organisation uses ("the company said")
ORG_NOUNS = frozenset("""company firm group club council board party union federation ministry campaign
movement organisation organization bank airline carrier team authority agency commission committee
association operator insurer lender developer manufacturer maker retailer broadcaster network
newspaper magazine utility force
chain startup provider publisher giant""".split())
# Cue verbs whose subject is a person or a body ("the campaign said", "a former chairman
# argued"), never a thing, so any noun subject is a source; "suggest", "show", "confirm",
# "warn" also take documents and figures ("the data suggest") and keep the noun test.
HUMAN_VERBS = frozenset("""say tell ask reply insist declare argue admit concede deny claim testify complain
contend recall add explain propose urge accuse allege acknowledge remark respond tweet counter retort vow pledge
promise post write announce assure question quip joke boast brag lament comment""".split())
# Verbs whose object (not a clause) can be the content: "confirmed his participation".
# (and a plan or forecast's infinitive: "promised to cut taxes", "expects to complete the deal")
OBJECT_VERBS = frozenset("deny confirm urge accuse reject warn ask report promise vow pledge expect threaten dispute contest".split())
PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_QUOTES = "\"“”"
_LEADING = re.compile(r"^(?:(?:but|and|however|moreover|meanwhile|still|yet|so|also|instead|separately)\b[,]?\s+)+", re.I)


def names_people(token: Token) -> bool:
    """A noun for people or a body that speaks: a source noun ("officials"), a role
    ("chairman", "senator": the affiliation stage's role nouns) or a -man/-woman/-person word."""
    words = {token.lemma_.lower(), token.lower_}
    return bool(words & SOURCE_NOUNS or words & ROLE_NOUNS
                or re.search(r"(?:man|woman|person|people)$", token.lower_))


def _one_person(description: str) -> bool:
    """An anonymous source's words describe one person ("a senior official", "a lawyer for
    X"), not a body or several people."""
    if not re.match(r"(?:a|an|one)\s", description, re.I):
        return False
    words = re.findall(r"[A-Za-z-]+", description.split(",")[0])
    stop = {"from", "close", "familiar", "with", "to", "of", "in", "at", "who", "for"}
    head = ""
    for w in words[1:]:
        if w.lower() in stop:
            break
        head = w.lower()
    return bool(head in ROLE_NOUNS or head in SOURCE_NOUNS or re.search(r"(?:man|woman|person)$", head)) and head not in _BODIES


def _is_role(token: Token) -> bool:
    """A noun for one person's post ("chief executive", "senator", "spokeswoman"), not a body."""
    words = {token.lemma_.lower(), token.lower_}
    return bool(words & ROLE_NOUNS or words & SOURCE_NOUNS or re.search(r"(?:man|woman|person)$", token.lower_)) \
        and not words & ORG_NOUNS and not words & _BODIES


_PREPOSITIONS = ("of", "for", "at", "to", "with", "in", "from", "on")
# Plural nouns for bodies that "the two ..." or "both ..." make the last two named ("the two
# companies said", "both sides say")
_PAIR_NOUNS = frozenset("companies firms groups banks unions parties sides clubs organisations organizations agencies".split())
# Source nouns that are bodies or crowds, never one person's post
_BODIES = frozenset("""government governments agency authorities authority ministry police military army staff people
delegation delegates companies firms groups unions members residents service department office""".split())


def np_span(token: Token) -> tuple[int, int]:
    """A noun phrase's span without relative clauses, appositions or what follows a comma."""
    keep = [token]
    for child in token.children:
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.i == token.i + 1:
            keep += list(child.subtree)  # "a person briefed on the talks": the participle describes
            continue
        if child.dep_ in ("relcl", "appos", "punct", "cc", "conj", "acl", "case") and child.i > token.i or child.dep_ == "preconj":
            continue  # (nor "neither" of "neither X nor Y", nor a possessor's "'s")
        if child.dep_ == "prep" and child.lower_ == "along":
            continue
        keep += list(child.subtree)
    keep = sorted(keep, key=lambda t: t.i)
    first = keep[0].i
    last = token.i
    for t in keep:
        if t.i > token.i and t.i == last + 1 and t.text != ",":
            last = t.i
    start = keep[0].idx
    # a dateline or a live blog's time the parse joined to the phrase ("MEXICO CITY - A rights
    # group", "08:05 - The drivers' union") is no part of it
    # (the tokens' own text: Doc.text joins the whole document's tokens on each reading)
    prefix = _PHRASE_PREFIX.match(token.doc[keep[0].i : token.i].text_with_ws)
    if prefix:
        start += prefix.end()
    return start, token.doc[last].idx + len(token.doc[last])


_PHRASE_PREFIX = re.compile(r"(?:[A-Z][A-Z.'’ ,-]*[A-Z.]|\d{1,2}[:.]\d{2})\s*[-–—]\s+")


class Attributor:
    """The rules that find speakers, over one stage's :class:`Context` (which it adds
    anonymous sources and statements to). ``gender`` and ``last_plural`` are the statements
    stage's, for a later stage that goes on finding speakers; that stage learns them."""

    def __init__(self, context: Context, gender: Mapping[str, str] | None = None, last_plural: str | None = None):
        self.c = context
        self.text = context.text
        self.doc = context.doc
        # the dates and times the model found ("said on Thursday it had ..."), once: Doc.ents
        # builds every entity's span on each reading
        self.times = tuple(e for e in context.doc.ents if e.label_ in ("DATE", "TIME"))
        self.gender = self._learn_gender() if gender is None else dict(gender)
        self.last_plural: str | None = last_plural
        self.last_plural_at = -1  # where the statement of the last plural source starts
        self.last_group: tuple[list[str], int] | None = None  # the last statement of several named sources, and where
        self.named_roles: dict[str, set[str]] = {}  # "spokesman" -> whom "Its spokesman, who uses the name X," named
        self.chain: dict[str, tuple[str, int]] = {}  # he/she -> (the person it stood for last, where)
        self.open_quote = -1  # where the content found last opened a quotation the paragraph does not close

    # --- speakers ------------------------------------------------------------------
    def _learn_gender(self) -> dict[str, str]:
        """he/she for a person who is the only one named before the first pronoun of a sentence."""
        votes: dict[str, dict[str, int]] = {}
        mentions = self.c.mentions()
        starts = [m[0] for m in mentions]
        paragraph_of = _paragraph_index(self.text)
        last_people: set[str] = set()
        last_paragraph = -1
        for sent in self.doc.sents:
            window = mentions[bisect.bisect_left(starts, sent.start_char) : bisect.bisect_left(starts, sent.end_char)]
            people = [m for m in window if m[3] == "person" and not self.c.inside_quote(m[0])]
            paragraph = paragraph_of(sent.start_char)
            opener = sent[0]
            if opener.lower_ in PRONOUNS and len(last_people) == 1 and paragraph == last_paragraph \
                    and (opener.dep_ in ("nsubj", "nsubjpass") or opener.tag_ == "PRP$") and not self.c.inside_quote(opener.idx):
                # "Sarah Kim said the strike would go ahead. Her deputy ...": a sentence opening
                # with a pronoun goes on about the one person the sentence before named
                local = next(iter(last_people))
                votes.setdefault(local, {}).setdefault(PRONOUNS[opener.lower_], 0)
                votes[local][PRONOUNS[opener.lower_]] += 1
            last_people, last_paragraph = {m[2] for m in people}, paragraph
            if not people:
                continue
            for token in sent:
                if token.lower_ in PRONOUNS and not self.c.inside_quote(token.idx):
                    preceding = {m[2] for m in people if m[1] <= token.idx}
                    if len(preceding) != 1:
                        break
                    subjects = _clause_subjects_of_object(token)
                    if any(m[0] <= t.idx < m[1] for t in subjects for m in people):
                        break  # "Ellison dismissed her chances", "X thanked him": someone else
                    if token.dep_ in ("nsubj", "nsubjpass") and all(
                            self._in_a_phrase(m[0], m[1]) and "," in self.text[m[1] : token.idx] for m in people if m[1] <= token.idx):
                        break  # "Questioned by X, she conceded": a subject pronoun goes with a subject
                    local = preceding.pop()
                    g = PRONOUNS[token.lower_]
                    votes.setdefault(local, {}).setdefault(g, 0)
                    votes[local][g] += 1
                    break
        # words that give the gender away: "Ms X", "X, a spokeswoman", "chairman X"
        for start, end, local, kind in mentions:
            if kind != "person":
                continue
            before = self.text[max(0, start - 16) : start]
            after = self.text[end : end + 60]
            apposition = re.match(r",\s+([^,.;]*)", after)  # "X, a spokeswoman for Y,": up to the next comma
            for g, pattern in (("f", _FEMALE), ("m", _MALE)):
                honorific = re.search(pattern.pattern + r"[.,]?\s+\Z", before)
                if honorific or apposition and re.search(pattern.pattern, apposition.group(1)):
                    votes.setdefault(local, {}).setdefault(g, 0)
                    votes[local][g] += 2
        return {local: max(v, key=v.get) for local, v in votes.items()}

    def _in_a_phrase(self, start: int, end: int) -> bool:
        """A mention inside a prepositional phrase ("Questioned by X, she ...", "with X"), not a
        clause's subject or object."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        head = span.root
        while head.dep_ in ("compound", "appos", "conj") and head.head is not head:
            head = head.head
        return head.dep_ == "pobj"

    def pronoun(self, token: Token) -> str | None:
        """The person a he/she stands for: the subject of its own sentence before it, else the
        subject of the sentence before ("Ana Reis, a trader, was less sure. She said"), when
        the pronoun fits; else the last person named before it, preferring the same pronoun."""
        g = PRONOUNS.get(token.lower_)
        before = self.c.people_before(token.idx)
        if not before:
            return None
        excluded = self._bound_away(token, g)
        other = self.chain.get({"m": "f", "f": "m"}.get(g or "", ""))
        if other and self.gender.get(other[0]) is None and _paragraph_index(self.text)(token.idx) - _paragraph_index(self.text)(other[1]) <= 1:
            # "…," he said. She said …: whom the other pronoun stood for just before is not this one
            excluded = excluded | {other[0]}
        speaking = token.dep_ == "nsubj" and token.head.lemma_.lower() in SPEECH_VERBS
        if speaking:
            # "Dr Roe had met staff groups, she said": whom the words before the cue name in
            # the third person is not the one who says them
            verb = token.head
            spans = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in verb.children
                     if c.dep_ == "ccomp" and c.i < token.i]
            if verb.dep_ == "parataxis" and verb.head.i < token.i:  # ("..., she said": the words are the head clause)
                spans.append((verb.head.left_edge.idx, token.idx))
            excluded = excluded | {m[2] for a, b in spans for m in self.c.mentions() if a <= m[0] < b}
        same = self._same_pronoun_before(token)
        if same and same not in excluded and not self.c.inside_quote(token.idx):
            return same
        subject = self._subject_person(token, g, excluded) if token.dep_ in ("nsubj", "nsubjpass") else None
        if subject == "":
            return None
        if subject:
            return self._resolved(g, subject, token)
        described = self._gendered_subject_before(token, g) if speaking and not self.c.inside_quote(token.idx) else None
        if described:
            return described
        # the last speaker, when the pronoun fits: news writing goes on quoting whoever spoke
        # last, and a person only mentioned since ("a contract with X's firm") is not the one
        # (only for the subject of a cue, "he said", outside quotations: inside one "he" is
        # someone the speaker talks about, and "his participation" is whoever the clause is about)
        speaker, said_at = self._last_speaker(token.idx) if speaking and not self.c.inside_quote(token.idx) else (None, 0)
        if speaker in excluded:
            speaker = None
        if speaker:
            # "Y's side was led by its operations director, Jane Roe. ..., she said" in a new
            # paragraph: the one person it introduces speaks, not whoever spoke paragraphs before
            paragraph_of = _paragraph_index(self.text)
            here = paragraph_of(token.idx)
            if paragraph_of(said_at) < here:
                first: dict[str, int] = {}
                for m in self.c.mentions():
                    if m[3] == "person":
                        first.setdefault(m[2], m[0])
                newcomers = {local for local, at in first.items() if at < token.idx and paragraph_of(at) == here
                             and local not in excluded and local != speaker and self.gender.get(local) in (None, g)
                             and not self.c.inside_quote(at)}
                if len(newcomers) == 1:
                    return self._resolved(g, newcomers.pop(), token)
        if speaker and self.gender.get(speaker) == g:
            return self._resolved(g, speaker, token)
        if speaker and self.gender.get(speaker) is None and not any(
                self.gender.get(m[2]) == g for m in before if m[0] >= said_at):
            return self._resolved(g, speaker, token)
        # the one this pronoun stood for last ("she conceded ... Price asked her ... She said")
        chained = self.chain.get(g)
        if excluded and chained and chained[0] not in excluded and self.gender.get(chained[0]) in (None, g) \
                and _paragraph_index(self.text)(token.idx) - _paragraph_index(self.text)(chained[1]) <= 1:
            return self._resolved(g, chained[0], token)
        for m in reversed(before):
            if self.gender.get(m[2]) == g and m[2] not in excluded:
                return self._resolved(g, m[2], token)
        for m in reversed(before):
            if m[2] not in self.gender and m[2] not in excluded:
                return self._resolved(g, m[2], token)
        return None  # everyone named is known by the other pronoun: nobody, not the wrong one

    def _gendered_subject_before(self, token: Token, g: str | None) -> str | None:
        """"A trust spokeswoman would not confirm that. ..., she said": an unnamed person whose
        words say the pronoun's gender, the subject of the sentence before (or of this one,
        before the pronoun), is an anonymous source in those words."""
        sent = token.sent
        sentences = [sent] + ([self.doc[sent.start - 1].sent] if sent.start > 0 else [])
        pattern = {"f": _FEMALE, "m": _MALE}.get(g or "")
        for s in sentences:
            for t in s:
                if t.i >= token.i:
                    break
                if t.dep_ == "nsubj" and t.pos_ == "NOUN" and t.tag_ == "NN" and pattern and pattern.fullmatch(t.lower_) \
                        and not self.c.inside_quote(t.idx) and not self.c.entity_at(*np_span(t)):
                    return self.c.add_anonymous(*np_span(t))
        return None

    def _same_pronoun_before(self, token: Token) -> str | None:
        """"..., she said, but she declined to say whether ...": the same pronoun again in one
        sentence is the one who spoke by it before, not someone her words named."""
        for earlier in token.sent:
            if earlier.i >= token.i:
                return None
            if earlier.lower_ == token.lower_ and earlier.dep_ == "nsubj" and earlier.head.lemma_.lower() in SPEECH_VERBS \
                    and not self.c.inside_quote(earlier.idx):
                cue = earlier.head
                said = [r for r in self.c.statements if r["cue"] == cue.text and len(r["sources"]) == 1
                        and (r["end"] <= earlier.idx and r["start"] >= token.sent.start_char or r["start"] > cue.idx and r["start"] < token.idx)]
                if len(said) == 1:
                    return said[0]["sources"][0]
        return None

    def _resolved(self, g: str | None, person: str, token: Token) -> str:
        """Remember whom a he/she stood for, for the next one (a chain of pronouns)."""
        if g and not self.c.inside_quote(token.idx):
            self.chain[g] = (person, token.idx)
        return person

    def _bound_away(self, token: Token, g: str | None) -> set[str]:
        """People who cannot be this pronoun: the subject of a clause, in its sentence before it
        or the sentence before, whose object is a pronoun of the same gender ("Price asked her
        whether ... She said": she is not Price)."""
        sent = token.sent
        sentences = [sent] + ([self.doc[sent.start - 1].sent] if sent.start > 0 else [])
        found = set()
        if token.dep_ in ("nsubj", "nsubjpass"):
            # "Through his lawyer, X, he said": whom someone speaks through is someone else
            # (fronted, up to the pronoun: the parse often hangs the apposition's name elsewhere)
            for prep in (c for c in token.head.children if c.dep_ == "prep" and c.lower_ in ("through", "via")):
                end = token.idx if prep.i < token.i else max(t.idx + len(t) for t in prep.subtree)
                found |= {m[2] for m in self.c.mentions() if m[3] == "person" and prep.idx <= m[0] < end}
        for s in sentences:
            for t in s:
                if s is sent and t.i >= token.i:
                    break
                if PRONOUNS.get(t.lower_) != g or t.tag_ == "PRP$" or t.dep_ == "poss" or self.c.inside_quote(t.idx):
                    continue
                for subject in _clause_subjects_of_object(t):
                    hit = self.c.entity_at(subject.idx, subject.idx + len(subject))
                    if hit and hit[1] == "person":
                        found.add(hit[0])
        return found

    def _last_body(self, offset: int) -> str | None:
        """The organisation (or anonymous body: "the ministry") of the last statement before
        ``offset`` in this paragraph or the one before, when it had one source."""
        paragraph_of = _paragraph_index(self.text)
        for record in reversed(self.c.statements):
            if record["end"] > offset:
                continue
            if paragraph_of(offset) - paragraph_of(record["start"]) > 1 or len(record["sources"]) != 1:
                return None
            local = record["sources"][0]
            kind = self.c.kind_of(local)
            if kind == "organisation":
                return local
            if kind == "anonymous" and self.c.anonymous[local]["head"] in {n.rstrip("s") for n in ORG_NOUNS | _BODIES}:
                return local
            return None
        return None

    def _last_issuer(self, offset: int) -> str | None:
        """The one source of the last statement made "in a statement" before ``offset``, in this
        paragraph or the one before."""
        paragraph_of = _paragraph_index(self.text)
        for record in reversed(self.c.statements):
            if record["end"] > offset:
                continue
            if paragraph_of(offset) - paragraph_of(record["start"]) > 1:
                return None
            if record.get("channel") == "statement":
                return record["sources"][0] if len(record["sources"]) == 1 else None
        return None

    def _nationality_epithet(self, token: Token) -> bool:
        """"the Portuguese coach": a role with a nationality, as news writing goes on about someone it
        has named (not when the story described someone else so: "X, the Portuguese coach," is X)."""
        if token.pos_ != "NOUN" or token.tag_ != "NN" or not _is_role(token) \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return False
        nationality = [c for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i
                       and c.text[:1].isupper() and c.pos_ == "ADJ" and nationality_code(c.text)]
        # (nor when an anonymous source has that role: "the Afghan official" after "a former Afghan official")
        return bool(nationality) and not any(a["head"] == token.lower_ and a["start"] < token.idx for a in self.c.anonymous.values()) \
            and not self.described_person(token, *np_span(token))

    def _one_who(self, local: str) -> bool:
        """An anonymous source in the singular ("a ...", "an ...") that a "who" clause follows."""
        record = self.c.anonymous[local]
        return bool(re.match(r"(?:a|an|one)\s", record["text"], re.I)) and bool(re.match(r",\s+who\b", self.text[record["end"]:record["end"] + 8]))

    def _last_speaker(self, offset: int) -> tuple[str | None, int]:
        """The person who made the last statement before ``offset`` in this paragraph or the
        one before, and where that statement starts."""
        paragraph_of = _paragraph_index(self.text)
        here = paragraph_of(offset)
        for record in reversed(self.c.statements):
            if record["end"] > offset:
                continue  # after it, or the statement that holds it
            if here - paragraph_of(record["start"]) > 1 or len(record["sources"]) != 1:
                return None, 0
            local = record["sources"][0]
            kind = self.c.kind_of(local)
            # (an anonymous source that is one person, "a senior official", speaks on too; so does
            # one a "who" clause says is a person: "A former colleague, who asked not to be named,")
            if kind == "person" or kind == "anonymous" and (_one_person(self.c.anonymous[local]["text"]) or self._one_who(local)):
                return local, record["start"]
            return None, 0
        return None, 0

    def _subject_person(self, token: Token, g: str | None, excluded: set[str] = frozenset()) -> str | None:
        sent = token.sent
        sentences = [sent]
        if sent.start > 0:
            sentences.append(self.doc[sent.start - 1].sent)
        for number, s in enumerate(sentences):
            subjects = []
            for t in s:
                if number == 0 and t.i >= token.i:
                    break
                if t.dep_ not in ("nsubj", "nsubjpass") or self.c.inside_quote(t.idx):
                    continue
                if g and any(c.dep_ == "poss" and PRONOUNS.get(c.lower_) == g for c in t.children):
                    continue  # "Her chief of staff, X, said that she chaired ...": she is whom "her" stands for, not X
                hit = self.c.entity_at(t.idx, t.idx + len(t))
                if not hit:
                    # (through a chain of appositions: "The vice-rector", split at its hyphen, "vice"
                    # <- "rector" <- "X")
                    named = [c for c in t.children if c.dep_ == "appos"]
                    named += [g for c in named for g in c.children if g.dep_ == "appos"]
                    hit = next((self.c.entity_at(c.idx, c.idx + len(c)) for c in named if self.c.entity_at(c.idx, c.idx + len(c))), None)
                if not hit and t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
                    # "The minister dismissed the complaints. He said ...": the one person the
                    # article described so before
                    described = self.described_person(t, *np_span(t))
                    hit = (described, "person") if described else None
                if hit and hit[1] == "person" and self.gender.get(hit[0]) in (None, g) and hit[0] not in excluded:
                    subjects.append((t, hit[0]))
                elif not hit and number == 1 and t.head.dep_ == "ROOT" and t.pos_ == "PROPN" and t.text[:1].isupper() \
                        and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.children):
                    return ""  # "Jane Roe, a farmer, said ... “...,” she said": a person we do not know; nobody rather than the wrong one
            if subjects:
                # the main clause's subject of the sentence before; the nearest one in the same sentence
                chosen = subjects[-1][1] if number == 0 else \
                    ([x for x in subjects if x[0].head.dep_ == "ROOT"] or subjects)[0][1]
                if self.gender.get(chosen) is None and any(
                        self.gender.get(m[2]) == g for m in self.c.people_before(token.idx, 6) if m[0] >= s.start_char):
                    return None  # someone nearby is known to be "she": let the gender decide
                return chosen
        return None

    def party(self, token: Token, human: bool = False, cue: bool = False) -> str | None:
        """The local id of the person, organisation or anonymous source a token names
        (``cue``: the token is a speech cue's subject, so a role noun is a source too: "the
        senator noted"; ``human``: the cue is one only people and bodies use, "said", so any
        noun is)."""
        cue = cue or human
        found = self.c.entity_at(token.idx, token.idx + len(token))
        if found:
            return found[0] if found[1] != "location" else None
        if token.pos_ == "NOUN" and token.lemma_.lower() in _DOCUMENTS and cue:
            # "the company's statement said", "a letter from the union says": whose it is speaks
            for child in token.children:
                owner = child if child.dep_ == "poss" else next(
                    (g for g in child.children if g.dep_ == "pobj"), None) if child.dep_ == "prep" and child.lower_ in ("from", "by") else None
                if owner is not None:
                    if owner.lower_ == "its":
                        return self._last_body(owner.idx) or self.recent_subject_organisation(owner)
                    local = self.party(owner, human=True)  # (whoever issued a statement speaks)
                    if local:
                        return local
            if token.lower_ in ("statement", "release") and not any(c.dep_ in ("poss", "prep", "amod", "compound") for c in token.children) \
                    and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) and not self.c.inside_quote(token.idx):
                # "“We had no choice,” the statement said": whoever was last told speaking "in a
                # statement" (this paragraph or the one before), else the body that spoke or was the
                # subject just before
                issuer = self._last_issuer(token.idx) or self._last_body(token.idx) or self.recent_subject_organisation(token)
                if issuer:
                    return issuer
        if token.pos_ == "NOUN" and (_is_role(token) or token.tag_ == "NN" and token.text.islower()
                                     and not any(c.dep_ in ("det", "poss") for c in token.children)):
            # "according to curator Elaine Vos": a title (a role, or a bare singular noun) the
            # parse split from the name it heads
            end = np_span(token)[1]
            gap = re.match(r"[ \t]+", self.text[end : end + 4])
            named = self.c.entity_at(end + gap.end(), end + gap.end() + 1) if gap else None
            if named and named[1] == "person" and any(m[0] == end + gap.end() for m in self.c.mentions()):
                return named[0]
        lower = token.lower_
        if lower in PRONOUNS:
            return self.pronoun(token)
        if cue and (_age_epithet(token) or self._nationality_epithet(token)) and not self.c.inside_quote(token.idx):
            # "The 45-year-old said", "the 31-year-old striker said", "The Portuguese coach said": the one
            # news writing was just telling of -- the last speaker (this paragraph or the one before),
            # else the last person named
            speaker = self._last_speaker(token.idx)[0]
            if speaker and self.c.kind_of(speaker) == "person":
                return speaker
            before = self.c.people_before(token.idx)
            paragraph_of = _paragraph_index(self.text)
            if before and paragraph_of(token.idx) - paragraph_of(before[-1][0]) <= 1:
                return before[-1][2]
        if lower == "they":
            return self._plural_subject_before(token) or self.last_plural
        if lower == "it" and cue and not self.c.inside_quote(token.idx):
            # "Lumacore said ... It added that ...": the body that spoke last, else the
            # organisation that was a subject just before
            return self._last_body(token.idx) or self.recent_subject_organisation(token)
        if lower == "one" and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            # "one of the people said": an anonymous source described by its own words
            start, end = token.idx, max(t.idx + len(t) for t in token.subtree if t.dep_ != "punct")
            return self.c.add_anonymous(start, end)
        if human and lower in ("one", "other", "another", "others") and token.dep_ == "nsubj" and not self.c.inside_quote(token.idx):
            # "One, a senior diplomat, said ...", "The other said ...", "Others say ...": one of
            # the sources the sentences before spoke of, described by its own words (an
            # apposition describes it best)
            appos = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "NOUN"), None)
            if appos is not None:
                return self.c.add_anonymous(*np_span(appos))
            start = min(t.idx for t in token.subtree if t.i <= token.i)
            return self.c.add_anonymous(start, token.idx + len(token))
        if token.pos_ not in ("NOUN", "PROPN") or token.pos_ == "PROPN" and not token.text[:1].isupper() and not cue:
            return None
        # a lower-case word the tagger called a name ("the ministry of transport") is a noun
        if token.pos_ == "PROPN" and token.text[:1].isupper():
            if human and token.tag_ == "NNPS" and not self.c.entity_at(*np_span(token)):
                # "Republicans said", "Democrats in the senate argued": a group named by a plural
                # proper noun (a party's members, a people) is a source described by its words
                return self.c.add_anonymous(*np_span(token))
            # an unknown name in a possessive NP: "the NRF's Nazari" was caught above
            return None
        start, end = np_span(token)
        words = self.text[start:end]
        head = token.lemma_.lower()
        if head in ("organiser", "organizer") and words.lower().removeprefix("the ") in ("organisers", "organizers"):
            organiser = self.event_organiser(token)
            if organiser:
                return organiser
        definite = words.lower().startswith(("the ", "this ", "that ", "these ", "those "))
        if definite:
            # a later reference: the last anonymous source with this head noun ("the former
            # official"); "the source" is any anonymous source, the last one
            earlier = [local for local in reversed(list(self.c.anonymous))
                       if (self.c.anonymous[local]["head"] == head.rstrip("s") or head.rstrip("s") == "source")
                       and self.c.anonymous[local]["start"] < start]
            # "the Chilean official" of two officials: the one whose description has the words
            # ("a senior Chilean official"); words neither has: a source of its own
            # (of one, a nationality it lacks -- "the Chilean official" after "a Peruvian one"
            # -- is someone else too)
            modifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i}
            proper = any(c.text[:1].isupper() for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i)
            if earlier and modifiers and (len(earlier) > 1 or proper):
                described = [local for local in earlier
                             if modifiers <= set(re.findall(r"[\w’'-]+", self.c.anonymous[local]["text"].lower()))]
                earlier = described[:1] if described else [] if len(earlier) > 1 or proper else earlier
                if not earlier:
                    return self.c.add_anonymous(start, end) if cue else None
            for local in earlier[:1]:
                record = self.c.anonymous[local]
                if (start, end) != (record["start"], record["end"]):
                    record["mentions"].append((start, end))
                return local
            person = (self.described_person(token, start, end) or self.described_person(token, start, end, later=True)) if cue else None
            if person:
                return person
            described = self.described_organisation(token, start) or (
                self.recent_subject_organisation(token, head) if head in ORG_NOUNS and words.lower() == "the " + token.lower_ else None)
            if described:
                return described
            # "the union", "the federation": the organisation whose name holds the noun
            orgs = [e for e in self.c.entities if e.kind == "organisation" and self.c.ids.get(id(e))
                    and head == _name_head(e.name)]
            if len(orgs) == 1 and start + 4 <= end and words.lower() == "the " + token.lower_:
                return self.c.ids[id(orgs[0])]
            if head in ORG_NOUNS and words.lower() == "the " + token.lower_:
                recent = self.recent_subject_organisation(token, head)
                if recent:
                    return recent
            modifiers = [c for c in token.children if c.i < token.i and c.dep_ in ("compound", "amod", "poss")]
            inner = [t for t in self.doc[token.left_edge.i + 1 : token.i] if t.dep_ != "case"]
            if head in ORG_NOUNS and token.tag_ == "NN" and token.left_edge.lower_ == "the" and end == token.idx + len(token) \
                    and all(c.pos_ in ("NOUN", "ADJ") and c.text.islower() for c in modifiers) and inner == modifiers:
                # "the union said", "the pilots' union", "the finance ministry", paragraphs after the
                # body was named ("the Union of X Airline Pilots"): the one body named so far that
                # the noun can describe and whose name holds the other words
                fitting = {m[2] for m in self.c.mentions() if m[0] < start and m[3] == "organisation"
                           and not self.c.inside_quote(m[0]) and _describes(head, [c.lower_ for c in modifiers], self.c.name_of(m[2]))}
                if len(fitting) > 1:
                    # "the union" may be a federation or an association; a body the story calls by
                    # its own other noun ("the association") is not the one called "the union"
                    fitting = {f for f in fitting if _name_head(self.c.name_of(f)).lower() == head
                               or not re.search(rf"\b[Tt]he {re.escape(_name_head(self.c.name_of(f)).lower())}\b", self.text)}
                if not fitting:
                    # (a lede describes the body the story names further down: "the pilots' union
                    # says ..." or "the union says ..." and then "The Union of X Airline Pilots
                    # (ABC) says ...")
                    fitting = {m[2] for m in self.c.mentions() if m[0] > end and m[3] == "organisation"
                               and not self.c.inside_quote(m[0]) and _describes(head, [c.lower_ for c in modifiers], self.c.name_of(m[2]))}
                if len(fitting) == 1:
                    return fitting.pop()
            if head in _COMPANY_NOUNS and token.tag_ not in ("NNS", "NNPS") and words.lower().startswith("the ") and not any(
                    (self.c.entity_at(t.idx, t.idx + len(t)) or ("", ""))[1] in ("person", "organisation")
                    for t in token.subtree if t.i < token.i):
                # "the company", "the Oslo-based group" (a description, no name in it): the
                # organisation the sentences before were about, the subject or the only one named
                # ("the shipping companies" are several: not that one)
                recent = self.recent_subject_organisation(token, head) or self.only_recent_organisation(token, head)
                if recent:
                    return recent
        if not definite and words.lower() == token.lower_ and token.lower_ in ORG_NOUNS | _BODIES:
            # "Police said": the one organisation of the article whose name holds the word
            # ("Ridgeway Police")
            orgs = [e for e in self.c.entities if e.kind == "organisation" and self.c.ids.get(id(e))
                    and token.lower_ in {w.lower().strip("’'") for w in e.name.split()}]
            if len(orgs) == 1:
                return self.c.ids[id(orgs[0])]
        if re.match(r"(?:his|her|their|its)\s", words, re.I) and token.pos_ == "NOUN":
            # "according to her daughter" after "Her son, Pavel Ruud, said": the one person so described
            person = self.described_person(token, start, end) or self.described_person(token, start, end, later=True)
            if person:
                return person
        if self.c.entity_at(start, end) and self.c.entity_at(start, end)[1] == "location" and token.pos_ != "NOUN":
            return None
        if not (human or head in SOURCE_NOUNS or token.lower_ in SOURCE_NOUNS or cue and names_people(token)
                or cue and (head in _DOCUMENTS | _RECORDS | {"report"} or token.lower_ in _RECORDS) and not self.c.inside_quote(token.idx)):
            # (a document speaks for whoever wrote it: "the letter warns that", "the report notes")
            return None  # "a closer reading of the draft suggests": not a source
        if head in _FIGURATIVE and token.pos_ == "NOUN":
            return None  # "history tells us", "the law says", "the sign says": nobody spoke
        named = (self.delayed_name(token, start, words) or self.delayed_body(token, start, words)) if cue else None
        if named:
            return named
        local = self.c.add_anonymous(start, end)
        return local

    def delayed_body(self, token: Token, start: int, words: str) -> str | None:
        """The same for a body: "A Mexican human rights group on Monday accused ..." in the
        first paragraph, no body named there, and the next paragraph names one first ("The
        report by the X Collective ..."): that organisation."""
        if not words.lower().startswith(("a ", "an ")) or token.tag_ == "NNS" or token.lemma_.lower() not in ORG_NOUNS:
            return None
        lede_end, following = self._next_paragraph(start)
        # (a body only described there, "the government", is no name)
        if lede_end is None or any(m[3] == "organisation" and self.text[m[0]:m[0] + 1].isupper() and not self.text.startswith("The ", m[0])
                                   for m in self.c.mentions() if m[0] < lede_end):
            return None
        bodies = [m for m in self.c.mentions() if lede_end <= m[0] < following and m[3] == "organisation"]
        return bodies[0][2] if bodies else None

    def _next_paragraph(self, start: int) -> tuple[int | None, int]:
        """Where the paragraph after the one holding ``start`` begins (None: there is none)
        and where it ends."""
        breaks = [m.end() for m in re.finditer(r"\n\s*\n", self.text)]
        begins = next((b for b in breaks if b > start), None)
        return begins, next((b for b in breaks if begins is not None and b > begins), len(self.text))

    def delayed_name(self, token: Token, start: int, words: str) -> str | None:
        """A delayed-identification lede: "A former clerk told the court ..." first, then the
        next paragraph opens with her name ("Jane Roe, who worked ..."): that person. Only in
        the first paragraph, before anyone is named, for one person ("a", "an", or "the" before a
        word for a person: "The founder of X says ...", then "Jane Roe, 39, ...")."""
        det = next((c.lower_ for c in token.children if c.dep_ == "det"), None)  # its own ("an account the lawyer called": "the")
        if token.tag_ == "NNS" or not (det in ("a", "an") and words.lower().startswith(("a ", "an "))
                                       or det == "the" and names_people(token) and _LEDE_START.match(self.text[:start])):
            return None  # ("the" only for the story's first words)
        lede_end = self._next_paragraph(start)[0]
        if lede_end is None or self.c.people_before(start):
            return None
        following = [m for m in self.c.mentions() if m[0] >= lede_end]
        if not following or following[0][3] != "person" or self.text[lede_end : following[0][0]].strip():
            return None
        local = following[0][2]
        if any(m[2] == local for m in self.c.mentions() if m[0] < lede_end):
            return None
        return local

    def described_person(self, token: Token, start: int, end: int, later: bool = False) -> str | None:
        """"the chief executive said" after "Peter Roe, the chief executive of X" or "chief
        executive Peter Roe": the one person the article described with those words before.
        Two people described so ("the minister" of two ministers) give nobody: better an
        anonymous source in its own words than the wrong person. ``later``: a lede's
        description ("his company's operations manager attended") and the one person the next
        paragraph describes so ("X, operations manager of Y, was in the office")."""
        lo, hi = 0, start
        if later:
            lo, end_of_next = self._next_paragraph(start)
            if lo is None or self.text.rfind("\n\n", 0, start) > 0 and self.text[: self.text.rfind("\n\n", 0, start)].strip():
                return None  # (only the first paragraph's: a delayed identification)
            hi = end_of_next
        if token.pos_ != "NOUN" or token.tag_ == "NNS" or not (_is_role(token) or token.lower_ in _RELATIVES):
            return None
        modifiers = [c for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i]
        words = [c.lower_ for c in modifiers if c.pos_ != "PROPN"] + [token.lower_]
        # a name among the words ("the Albion captain") need not be in the earlier phrase when
        # that phrase names no body of its own ("the home captain, X"), but must be when it
        # names one ("X, the Wanderers manager" is not "the Albion manager")
        names = [c.lower_ for c in modifiers if c.pos_ == "PROPN"]
        head = token.lower_
        found: list[str] = list(self.named_roles.get(head, ()))
        if later:
            found = []
        for s, e, local, kind in self.c.mentions():
            if s >= hi:
                break
            if s < lo or kind != "person" or self.c.inside_quote(s):
                continue
            apposition = re.match(r",\s+([^,.;()\n]*)", self.text[e : e + 120])
            window = _ABBREVIATED.sub(lambda m: _TITLES[m.group(1)] + " ", self.text[max(0, s - 80) : s])  # ("Sen. X": the senator)
            title = re.split(r"[.;:()\n]|,(?!\s*\Z)", window)[-1]
            # "X was the state's first witness": a copula says what X is, too
            copula = re.match(r"(?:,[^,.;]*,)?\s+(?:is|was|has been|had been|became)\s+((?:the|a|an)\s[^,.;()\n]*)", self.text[e : e + 200])
            # the title a mention holds itself ("President Lula da Silva", "Prime Minister X")
            mention_text, name = self.text[s:e], self.c.name_of(local)
            held = mention_text[: -len(name)].strip() if name and mention_text.endswith(name) and mention_text != name else ""
            if held:
                # (a title that ends right before the name, with the capitalised words before it:
                # "Detective Senior" of "Detective Senior Sergeant X")
                ranks_before = re.search(r"(?:[A-Z][\w’'-]*\s+)*\Z", title).group()
                title = _ABBREVIATED.sub(lambda m: _TITLES[m.group(1)] + " ", ranks_before + held + " ").strip() + ","
            for phrase in (apposition.group(1) if apposition else "", title, copula.group(1) if copula else ""):
                said = re.findall(r"[\w’'-]+", phrase.lower())
                # a formal title in capitals names each of its ranks ("Detective Senior Sergeant
                # X" is the detective and the sergeant; "Justice X" the judge)
                formal = phrase is title and _formal_title(phrase, head)
                if formal:
                    said = [_TITLE_ROLES.get(w, w) for w in said]
                if phrase is title and not title.rstrip().endswith(",") and said[-1:] != [head] and not formal:
                    continue  # a title ends right before the name ("chief executive Peter Roe"; "a lawyer for X, Jane Roe")
                # the role must head the phrase ("the chief executive of X"), not sit in a
                # clause about something else ("who chairs the action group")
                if said[:1] == ["who"] or head not in said:
                    continue
                if said.index(head) > 0 and said[said.index(head) - 1] in _SECONDS and said[said.index(head) - 1] not in words:
                    continue  # "the mayor" is not the deputy mayor, nor "the director" the assistant director
                rest = said[said.index(head) + 1 :]
                named_before = re.findall(r"(?<!\A)(?<![.!?]\s)\b[A-Z][\w’'-]*", phrase.split(head)[0]) if head in phrase.lower() else []
                # ("Lancaster Albion's manager, X" names Albion: a possessive is the name)
                bare = {re.sub(r"[’']s\Z", "", w) for w in said}
                if names and not all(w in bare for w in names) and named_before:
                    continue
                if all(w in said for w in words) and (not rest or rest[0] in _PREPOSITIONS or formal):
                    found.append(local)
                    break
        if not found or len(set(found)) > 1:
            return None
        return found[-1]

    def described_organisation(self, token: Token, start: int) -> str | None:
        """"the campaign group" after "X, a residents' campaign group" (or "the airport operator"
        after "the airport operator, X"): the organisation an earlier apposition described with
        the same head noun."""
        head = token.lemma_.lower()
        # (a newspaper is "the paper" after "X, a regional daily,": one sort, several words for it)
        heads = PUBLICATION_NOUNS if head in PUBLICATION_NOUNS else {head}
        for t in self.doc[: token.i]:
            if t.lemma_.lower() not in heads or t.idx >= start:
                continue
            # "X, a residents' campaign group" / "the X campaign group" / "the Kuching-based firm X"
            # (the noun before the name, which the parse hangs on it)
            # (or the description first: "the airport operator, X Airports Authority (XAA), said")
            named = [t.head] if t.dep_ == "appos" or t.dep_ == "compound" and t.text.islower() and t.head.pos_ == "PROPN" and t.head.i > t.i \
                else [c for c in t.children if c.dep_ == "compound" or c.dep_ == "appos" and c.i > t.i and not names_people(t)]
            for n in named:
                hit = self.c.entity_at(n.idx, n.idx + len(n))
                if hit and hit[1] == "organisation":
                    return hit[0]
        return None

    def event_organiser(self, token: Token) -> str | None:
        """"Organisers said" after "the march, called by the coalition X,": the one body the story
        says organised an event (by "called / organised / staged by X" or "X organised the march")."""
        found = []
        for t in self.doc[: token.i]:
            if t.lemma_.lower() not in _ORGANISING or t.pos_ != "VERB":
                continue
            if t.tag_ == "VBN" and t.dep_ == "acl" and t.head.lemma_.lower() in _EVENTS:
                doers = [g for a in t.children if a.dep_ == "agent" for g in a.subtree]
            elif any(o.dep_ == "dobj" and o.lemma_.lower() in _EVENTS for o in t.children):
                doers = [g for n in t.children if n.dep_ == "nsubj" for g in n.subtree]
            else:
                continue
            hits = [self.c.entity_at(g.idx, g.idx + len(g)) for g in doers]
            found += [h[0] for h in hits if h and h[1] == "organisation" and h[0] not in found][:1]
        return found[0] if len(set(found)) == 1 else None

    def recent_subject_organisation(self, token: Token, noun: str | None = None) -> str | None:
        """"the company said": the organisation that was the subject of one of the two sentences
        before (one that ``noun`` can describe: "the union" is not an airline)."""
        sent = token.sent
        sentences = [sent]
        for _ in range(2):
            if sentences[-1].start == 0:
                break
            sentences.append(self.doc[sentences[-1].start - 1].sent)
        for s in sentences:
            for t in s:
                if s is sent and t.i >= token.i:
                    break
                if t.dep_ in ("nsubj", "nsubjpass") and not self.c.inside_quote(t.idx) and not _MODEL_NUMBER.match(self.text, t.idx + len(t)):
                    hit = self.c.entity_at(t.idx, t.idx + len(t))
                    if hit and hit[1] == "organisation" and (noun is None or _fits(noun, self.c.name_of(hit[0]))):
                        return hit[0]
        return None

    def only_recent_organisation(self, token: Token, noun: str | None = None) -> str | None:
        """The one organisation named (outside quotations) in the two sentences before
        ``token`` and in its own sentence before it, if there is exactly one."""
        sent = token.sent
        first = sent
        for _ in range(2):
            if first.start == 0:
                break
            first = self.doc[first.start - 1].sent
        # (a maker's name before a model number is the product, not the body: "the Boeing 737-800")
        found = {m[2] for m in self.c.mentions() if first.start_char <= m[0] < token.idx and m[3] == "organisation"
                 and not self.c.inside_quote(m[0]) and (noun is None or _fits(noun, self.c.name_of(m[2])))
                 and not _MODEL_NUMBER.match(self.text, m[1])}
        return found.pop() if len(found) == 1 else None

    def speakers(self, token: Token, human: bool = False, cue: bool = False) -> list[str]:
        """The parties a subject names, with those joined by "and" or "along with"
        (``human``: see :meth:`party`)."""
        # "Belgium’s economy minister, Hugo Lambrechts, told": the name in apposition speaks
        # (also "X's counsel, advocate Jane Roe,": the name inside the apposition)
        # (only names in the apposition's own chain: "K. Roe, treasurer at the X Foundation,"
        # is not the foundation, whose name sits in a phrase of the role)
        named = [t for c in token.children if c.dep_ == "appos" for t in c.subtree
                 if t == c or t.dep_ in ("appos", "compound", "nsubj") and _chain_to(t, c)]
        named = [t for t in named if (self.c.entity_at(t.idx, t.idx + len(t)) or ("", ""))[1] in ("person", "organisation")]
        if (self.c.entity_at(token.idx, token.idx + len(token)) or ("", ""))[1] == "location":
            # a place's apposition: the person in it, not a credit in parentheses ("X (Wire) - ...")
            named = sorted((t for t in named if self.text[token.idx : t.idx].count("(") <= self.text[token.idx : t.idx].count(")")),
                           key=lambda t: (self.c.entity_at(t.idx, t.idx + len(t))[1] != "person", t.i))
        if named and (self.c.entity_at(token.idx, token.idx + len(token)) or ("", "location"))[1] == "location":
            # (also when the parse made a place the subject: "OSLO - Norway's minister, X, said")
            token = named[0]
        elif not self.c.entity_at(token.idx, token.idx + len(token)) and token.pos_ == "NOUN":
            # the same when the parser missed the apposition ("counsel, advocate Jane Roe, put")
            end = np_span(token)[1]
            m = re.match(r",\s+(?:[a-z][\w-]*\s+){0,2}", self.text[end : end + 40])
            hit = self.c.entity_at(end + m.end(), end + m.end() + 1) if m else None
            mention = next((x for x in self.c.mentions() if m and x[0] == end + m.end()), None)
            if hit and hit[1] == "person" and mention and self.text[mention[1] : mention[1] + 1] == ",":
                return [hit[0]]
        if token.pos_ == "NOUN" and not self.c.entity_at(token.idx, token.idx + len(token)):
            # "X, a campaign group based in Berlin, called": the parse missed the apposition and
            # made the description the subject; the name that opens the sentence speaks
            start = np_span(token)[0]
            lead = next((x for x in self.c.mentions() if x[0] == token.sent.start_char and x[3] in ("person", "organisation")
                         and re.fullmatch(r",\s+", self.text[x[1] : start])), None)
            if lead and self.doc[token.left_edge.i].lower_ in ("a", "an") and token.i > token.sent.start:
                return [lead[2]]
        if token.pos_ == "NOUN" and not self.c.entity_at(token.idx, token.idx + len(token)):
            # "Its spokesman, who uses the name X,", "a commander known as X", "a man identified
            # only as X": the name the clause gives the description is the speaker
            # (also "who gave only her first name, X", and a "who" clause the parse hangs on a
            # noun inside the description: "a nurse waiting at the X hospital, who ...")
            clauses = [*token.children, *(t for t in token.subtree if t.dep_ == "relcl" and t.head is not token
                                         and any(w.lower_ == "who" for w in t.children))]
            for clause in clauses:
                if clause.dep_ in ("relcl", "acl") and (clause.lemma_.lower() in _NAMING or clause.lemma_ == "give"
                                                        and any(o.dep_ == "dobj" and o.lemma_ == "name" for o in clause.children)):
                    hits = [self.c.entity_at(t.idx, t.idx + len(t)) for t in clause.subtree if t.i > clause.i]
                    people = list(dict.fromkeys(h[0] for h in hits if h and h[1] == "person"))
                    if len(people) == 1:
                        self.named_roles.setdefault(token.lower_, set()).add(people[0])  # ("the movement's spokesman" later)
                        return people
        age = re.search(r"\b[Tt]he (\d{1,3})-year-old\Z", self.text[max(0, token.idx - 20) : token.idx + len(token)]) \
            if token.lower_ == "old" else None
        if age:
            # "The 53-year-old said": the one person the story gave that age ("X, 53," / "53-year-old X")
            n = age.group(1)
            aged = {m[2] for m in self.c.people_before(token.idx, count=200)
                    if re.match(rf",\s*{n}\b", self.text[m[1] : m[1] + 8]) or re.search(rf"\b{n}-year-old\s+\Z", self.text[max(0, m[0] - 16) : m[0]])}
            if len(aged) == 1:
                return [aged.pop()]
        heads = [token] + [t for t in token.conjuncts]
        if token.pos_ == "NOUN" and token.tag_ == "NNS" and len(heads) > 2 and not self.c.entity_at(token.idx, token.idx + len(token)) \
                and re.match(r"\s*,", self.text[np_span(token)[1] :]) and all(
                    (self.c.entity_at(t.idx, t.idx + len(t)) or ("", ""))[1] in ("person", "organisation") for t in heads[1:]):
            # "The fund's managers, Vance and Lisa Grant, said": the names are the description's
            # apposition (the parse joins them to it)
            heads = heads[1:]
        if len(heads) == 2 and token.pos_ in ("NOUN", "ADJ") and token.tag_ in ("NN", "JJ") and token.text.islower() \
                and not self.c.entity_at(token.idx, token.idx + len(token)) \
                and not any(c.dep_ in ("det", "poss", "nummod") for c in token.children) \
                and (self.c.entity_at(heads[1].idx, heads[1].idx + len(heads[1])) or ("", ""))[1] == "person" \
                and any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in heads[1].children):
            # "American academic and professor Marc Hill": two titles of one person, no determiner
            # to make the first one someone else ("Critics and Senator X", "a lawyer and X" are two)
            heads = heads[1:]
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "along":
                for grandchild in child.subtree:
                    if grandchild.dep_ == "pobj":
                        heads += [grandchild] + list(grandchild.conjuncts)
        if token.lower_ == "they" and token.dep_ == "nsubj" and not self.c.inside_quote(token.idx):
            pair = self._named_pair_before(token)
            if pair:
                return pair  # "Sharma and Haddad opposed the plan. They said ...": the two
        if token.tag_ == "NNS" and token.lower_ in _PAIR_NOUNS and not self.c.inside_quote(token.idx) \
                and any(c.lower_ in ("two", "both") for c in token.children if c.dep_ in ("nummod", "det", "predet")):
            pair = self._two_bodies_before(token)
            if pair:
                return pair  # "the two companies said", "both sides say": the two bodies named last
        if token.lower_ == "they" and self.last_group and self.last_group[1] > self.last_plural_at \
                and not self.c.inside_quote(token.idx) and not self._plural_subject_before(token):
            # "Eide and Holt said ... They said ...": the named sources that spoke together last
            return list(self.last_group[0])
        result = []
        for head in heads:
            local = self.party(head, human, cue)
            if local in result and head is not heads[0] and not self.c.entity_at(head.idx, head.idx + len(head)) \
                    and head.pos_ == "NOUN" and (names_people(head) or head.lower_ in ORG_NOUNS):
                # "Norvik Energy and the union": a description joined to a party is another one
                local = self.c.add_anonymous(*np_span(head))
            if local and local not in result:
                result.append(local)
        return result

    # --- content -------------------------------------------------------------------
    def trim(self, start: int, end: int) -> tuple[int, int, str] | None:
        """Strip "that", discourse words and punctuation; find the mode from the quotation marks."""
        text = self.text
        # (the dateline opens the story's first paragraph, after any headline and byline, or a
        # brief's own paragraph in a round-up)
        paragraph = text.rfind("\n", 0, start) + 1
        dateline = paragraph + _dateline_end(text[paragraph:]) if _dateline_end(text[paragraph:]) else 0
        if start < dateline < end:
            start = dateline  # "KHARTOUM (Wire) - Fighting spread ..., residents said": not the dateline
        while start < end and text[start] in " ,;:—–-\n":
            start += 1
        while end > start and text[end - 1] in " ,;:—–-\n":
            end -= 1
        # "..., according to a transcript": another attribution, not the content
        other = re.search(r",\s+according to\b", text[start:end])
        if other and not self.c.inside_quote(start + other.start()):
            end = start + other.start()
        m = re.match(r"that,?\s+", text[start:end])
        word = self.doc.char_span(start, start + 4) if m else None
        if word is not None and word[0].dep_ == "det" and word[0].head.i > word[0].i:
            m = None  # "estimates that number is closer to 40,000": a determiner
        if m and len(text[start + m.end() : end].split()) > 2:
            start += m.end()  # the complementiser, not a demonstrative ("disputes that account")
        m = _LEADING.match(text[start:end])
        if m:
            start += m.end()
        while end > start and text[end - 1] in " ,;:.":
            if text[end - 1] == "." and text[end - 2 : end] != "..":
                # keep a final period only inside a quotation
                break
            end -= 1
        if end > start and text[end - 1] == "." and text[start] not in _QUOTES:
            end -= 1
        if end - start < 3 and text[start:end].lower() != "it":  # ("denied it": words that point back are words)
            return None
        # a statement never starts or ends inside a quotation: the parse may stop short of
        # the marks (“We tested them. We saw ...,” he said) or end mid-quote (he “will never ...”)
        quote = self.c.quote_around(start)
        if quote and end <= quote[1] + 1:
            start, end = quote[0], quote[1] + 1
        else:
            quote = self.c.quote_around(end - 1)
            if quote and quote[0] >= start:
                end = quote[1] + 1
        chunk = text[start:end]
        if chunk[0] in _QUOTES and chunk[-1] in _QUOTES and not any(q in chunk[1:-1] for q in _QUOTES):
            start, end = start + 1, end - 1
            while end > start and text[end - 1] in " ,":
                end -= 1
            # (a one-word answer is words too: “No,” she said)
            return (start, end, "direct") if end - start >= 3 or text[start:end].isalpha() else None
        mode = "mixed" if any(q in chunk for q in _QUOTES) else "indirect"
        return start, end, mode

    def content(self, verb: Token, speaker: Token | None = None) -> tuple[int, int] | None:
        """The attributed words' span for a cue verb (``speaker``: the token chosen as its speaker)."""
        sent = verb.sent
        # `X said: "…"`, `said X, "…"`: the quotation that opens right after the cue (and its
        # speaker) is the content, whatever the parser made of it ("Of course." has no verb)
        cue_end = verb.idx + len(verb)
        if speaker is not None and speaker.i > verb.i:
            cue_end = max(cue_end, np_span(speaker)[1])
        # (also past a phrase of the cue: `said in a statement, "…"`, `told reporters on Monday: "…"`)
        opening = re.match(r"(?:\s+(?:in|on|at|during|after|before|late|early|last|this|to)\b[^,;:.\"“”]{0,40})?\s*[,:]\s*(?=[\"“])",
                           self.text[cue_end : sent.end_char])
        quote = self.c.quote_around(cue_end + opening.end()) if opening else None
        inside = verb.dep_ == "parataxis" and speaker is not None and speaker.i < verb.i and re.search(
            r"\w[^\"“”]*,\s*\Z", self.text[sent.start_char : min(t.idx for t in speaker.subtree)]) \
            and not (sent[0].tag_ in ("VBN", "VBG") and not self.c.inside_quote(sent[0].idx))
        # (a fronted participle is no part of it: `Asked if ..., he said, "…"` is the quotation)
        if quote and quote[0] == cue_end + opening.end() and quote[1] < sent.end_char and not inside:
            # (not `The decision, Berg said, "was the hardest"`: the cue inside what it attributes)
            return quote[0], quote[1] + 1
        if opening and quote is None and not inside:
            # `He said, "In the first half ...` and the paragraph ends with the quotation still
            # open (news style for a quotation that goes on in the next paragraph): the rest of
            # the paragraph, when no other mark is in it
            mark = cue_end + opening.end()
            end = self.text.find("\n\n", mark)
            end = len(self.text) if end < 0 else end
            if not any(q in self.text[mark + 1 : end] for q in _QUOTES):
                while end > mark and self.text[end - 1].isspace():
                    end -= 1
                self.open_quote = mark
                return mark + 1, end
        aside = self._as_aside(verb)
        if aside:
            return aside
        wanted = _called_for(verb)
        if wanted is not None:  # "called for the review to be led by a judge": what was called for
            words = sorted((t for t in wanted.subtree if not (t.dep_ == "mark" and t.lower_ == "for")), key=lambda t: t.i)
            return words[0].idx, words[-1].idx + len(words[-1])
        # the parser sometimes calls "said only that X" an adverbial clause: "that" marks it as content
        ccomps = [c for c in verb.children if c.dep_ == "ccomp" or c.dep_ == "advcl" and c.i > verb.i
                  and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)]
        ccomps = [c for c in ccomps if c.i > verb.i] or ccomps  # "X, Y denied that Z": the clause after
        # ("X did not come, the official said; the firm sent two engineers": a semicolon ends what was said)
        ccomps = [c for c in ccomps if c.i < verb.i or not any(t.text == ";" for t in verb.doc[verb.i : c.left_edge.i])]
        made = _made_plain(verb)
        if made is not None:
            ccomps = [made]
        if not ccomps:
            # "said in a statement after initialling the text that ...": the parser hung the clause lower
            # (or on a word of the object: "told reporters after the debate that ...")
            ccomps = [t for t in verb.subtree if t.dep_ in ("ccomp", "relcl", "acl", "advcl") and t.i > verb.i
                      and (t.dep_ == "ccomp" or t.head.i <= verb.i + 6 and not self.c.inside_quote(t.left_edge.idx))
                      and any(c.lower_ == "that" and (c.dep_ == "mark" or c.i == min(x.i for x in t.subtree) and any(
                          g.dep_ == "nsubj" and g.lower_ != "that" for g in t.children)) for c in t.children)]
        if ccomps and ccomps[0].i > verb.i and speaker is not None and ccomps[0].i > speaker.i \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in ccomps[0].children) \
                and ccomps[0].tag_ in ("MD", "VBD", "VBZ", "VBP", "VB") and any(
                    c.dep_ in ("dep", "nsubj") and c.i < min(t.i for t in speaker.subtree) and c.i < verb.i and c.pos_ in ("NOUN", "PROPN")
                    and max(t.i for t in c.subtree) + 1 < len(self.doc) and self.doc[max(t.i for t in c.subtree) + 1].text == ","
                    for c in verb.children if c is not speaker):
            # "The cuts, the company said in a filing, would save ...": the subject before the cue
            # belongs to the clause after it -- the whole sentence is the statement (also with
            # the speaker after the cue: "Clubs that miss it, said Roe, will lose points")
            return sent.start_char, sent.end_char
        if ccomps:
            start, end = self._clause_span(ccomps[0])
            # "said on Thursday it had agreed": the date belongs to the cue, not the content
            for ent in self.times:
                if start <= ent.start_char <= start + 4 and ent.end_char < end - 10:
                    lead = self.text[start : ent.start_char].strip().lower()
                    if lead in ("", "on", "in", "last", "this", "early", "late"):
                        start = ent.end_char
                        m = re.match(r"[\s,]*(?:that\s+)?", self.text[start:end])
                        start += m.end() if m else 0
            return start, end
        # "..., said X" / "..., X said": the words before the comma next to the cue
        left = [t for t in sent if t.i < verb.i]
        subject = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if speaker is not None and speaker.i < verb.i and (speaker in subject or speaker.dep_ == "appos"):
            subject = [speaker]  # ("X, Berg said, was ...": the parse's other subject is content)
        if speaker is not None and speaker.i > verb.i:
            subject = []  # "..., said a source": what precedes the comma is the content
        start_of_cue = min([verb.i] + [t.i for s in subject if s.i < verb.i for t in s.subtree])
        comma = start_of_cue - 1
        while comma >= sent.start and self.doc[comma].text in ('"', "'"):
            comma -= 1
        before = self.doc[sent.start : comma]
        # a fronted phrase ("At the ceremony, X announced ...") is no content: it needs a verb
        # of its own, or to be a quotation (“Absolutely not,” he said)
        clause = any(t.pos_ in ("VERB", "AUX") for t in before) or self.text[sent.start_char : sent.start_char + 1] in _QUOTES
        # nor is a fronted participle clause ("Asked whether he would ..., X said")
        if len(before) and before[0].tag_ in ("VBN", "VBG") and not self.c.inside_quote(before[0].idx):
            clause = False
        if not clause and comma > sent.start and self.doc[comma].text == "," and verb.dep_ == "parataxis" \
                and re.match(r"(?:\s+(?:in|on|at|to|during|after|late|early|last|this)\b[^,;.\"“”]{0,40})?\s*,",
                             self.text[max(t.idx + len(t) for t in [verb, *(speaker.subtree if speaker is not None else [])]) :]):
            # "The debate, Berg said, had been a circus": the cue sits inside the sentence it attributes
            # (also with a phrase of the cue: "The cuts, the company said in a filing, would ...")
            return sent.start_char, sent.end_char
        # a participle ("..., noting the touches", "..., asking for X") is no "..., X said": the
        # clause before its comma is the reporter's
        participle = verb.tag_ == "VBG" and not any(c.dep_ == "aux" for c in verb.children)
        if comma > sent.start and self.doc[comma].text in (",", ":") and len(left) > 2 and clause and not participle:
            return sent.start_char, self.doc[comma].idx
        if verb.lemma_ in OBJECT_VERBS or verb.lemma_ in ("say", "tell") or _record_cue(verb):
            # (a record speaks on no channel: "lists her on an evening flight", "shows him at the table";
            # its date is the cue's, as with "said on Monday")
            right = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "xcomp", "ccomp", "oprd", "prep")
                     and not (self._channel_prep(c) and not (_record_cue(verb) and not any(
                         g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children)))]
            objects = [c for c in right if c.dep_ == "dobj"]  # (a record may list a briefing or a conference)
            if verb.lemma_ == "reject" and objects and not any(c.dep_ in ("ccomp", "xcomp") for c in right) \
                    and not any(o.lemma_.lower() in _SPOKEN or o.pos_ == "PRON" or o.lower_ in ("that", "this") for o in objects):
                return None  # "Parliament rejected the bill", "the board rejected the bid": a decision, not words
            if verb.lemma_ == "confirm" and any(o.lemma_.lower() in _APPOINTMENTS for o in objects):
                return None  # "The Senate confirmed her nomination": a vote
            if verb.lemma_ == "expect" and any(o.lemma_.lower() in ("baby", "child", "twin", "daughter", "son") for o in objects):
                return None  # "are expecting their first child"
            if verb.lemma_ == "warn" and objects and all(c.dep_ in ("dobj", "prep") for c in right) and all(
                    names_people(o) or o.pos_ in ("PRON", "PROPN") for o in objects):
                return None  # "warned residents": whom, not what
            if verb.lemma_ == "tell" and not any(c.dep_ == "xcomp" for c in right):  # ("told staff to leave": all of it)
                # "told the minister (about the plan)": the object is who was told, not what
                right = [c for c in right if not (c.dep_ == "dobj" and (
                    names_people(c) or c.pos_ in ("PRON", "PROPN") or (self.c.entity_at(c.idx, c.idx + len(c)) or ("", ""))[1] in ("person", "organisation")))]
            if verb.lemma_ == "say" and any(c.dep_ == "dobj" and c.lemma_.lower() in _NOTHING | _RITUAL for c in right):
                return None  # "has said little in public", "said nothing about it"
            right = [c for c in right if c.dep_ != "prep" or any(r.dep_ in ("dobj",) for r in right)]
            if right and any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in right):
                tokens = [t for c in right for t in c.subtree]
                if verb.lemma_ in ("say", "tell") and all(t.pos_ in ("PRON", "ADV", "ADJ", "DET", "ADP", "PUNCT") for t in tokens):
                    return None  # "said nothing more", "said so": no content ("denied it", "rejected that" have one)
                return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)
        return None

    def _as_aside(self, verb: Token) -> tuple[int, int] | None:
        """"As Lund told the Post, the river has risen ..." / "..., as the minister said": the
        clause the "as" aside hangs on is what was said (not "as he said he would", which says
        its own, nor "as she told the story", whose object is what was told)."""
        if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children):
            return None
        if any(c.dep_ in ("ccomp", "xcomp", "nsubjpass", "auxpass", "neg") for c in verb.children):
            return None
        for c in verb.children:
            if c.dep_ == "dobj" and not (names_people(c) or c.pos_ in ("PRON", "PROPN")
                                         or (self.c.entity_at(c.idx, c.idx + len(c)) or ("", ""))[1] in ("person", "organisation")):
                return None
        head = verb.head
        if head.pos_ not in ("VERB", "AUX") or self.c.inside_quote(head.idx):
            return None
        aside = list(verb.subtree)
        first, last = aside[0].i, aside[-1].i
        clause = [t for t in head.subtree if not first <= t.i <= last and not t.is_punct]
        if not clause:
            return None
        if last < clause[0].i:
            start, end = clause[0].idx, clause[-1].idx + len(clause[-1])
        elif first > clause[-1].i:
            start, end = clause[0].idx, clause[-1].idx + len(clause[-1])
        else:
            return None  # an aside inside its clause: left to the other rules
        if self.text[end : end + 1] in _QUOTES:
            end += 1
        return start, end

    def _clause_span(self, head: Token) -> tuple[int, int]:
        """A clause's span, cut before a contrasting clause ("..., while X confirmed ...")."""
        # (in document order: a parse with crossing arcs yields its subtree out of it -- "joined a
        # lunch in May at which X was present" hangs the clause on "lunch" and "in May" on the verb)
        tokens = sorted(head.subtree, key=lambda t: t.i)
        end = tokens[-1].idx + len(tokens[-1])
        # "..., a claim the rebels denied": the reporter's comment on the content, not part of it
        comment = re.search(r",\s+(?:a|an|the)\s+(?:claim|allegation|accusation|assertion|charge|version|account|move|step|decision|development|figure|sign|reversal|blow|boost|setback|shift|turnaround|U-turn)\b",
                            self.text[tokens[0].idx : end])
        if comment and not self.c.inside_quote(tokens[0].idx + comment.start()):
            # (also "..., a move that could doom the bill", "..., a figure critics called too low")
            end = tokens[0].idx + comment.start()
        for child in head.children:
            if child.i > head.i and child.dep_ == "prep" and child.lower_ == "with" and child.i > 0 \
                    and self.doc[child.i - 1].text == "," and not self.c.inside_quote(child.idx) and any(
                        g.dep_ == "pcomp" and g.tag_ == "VBG" and g.lemma_.lower() in SPEECH_VERBS for g in child.children):
                # "..., with the Times reporting that ...": another source's account, not this one's
                end = min(end, self.doc[child.i - 1].idx)
                continue
            if child.i <= head.i or child.dep_ not in ("advcl", "conj"):
                continue
            first = min(t.i for t in child.subtree)
            if child.dep_ == "conj" and child.lemma_.lower() in SPEECH_VERBS | _LABELLING and first > 0 \
                    and self.doc[first - 1].lower_ == "and" and not self.c.inside_quote(child.idx) \
                    and not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in child.children):
                # "said the plan was bad and called it reckless": the second verb is the
                # speaker's, hung on the content by the parse
                end = min(end, self.doc[first - 1].idx)
                continue
            after_comma = first > 0 and self.doc[first - 1].text in (",", ";", "—", "–")
            if any(g.dep_ == "mark" and g.lower_ in ("while", "whereas", "although", "though") for g in child.children) \
                    or after_comma and not self.c.inside_quote(child.idx) and (
                        # "..., after he admitted ...": the reporter's narrative, not the content
                        any(g.dep_ == "mark" and g.lower_ in ("after", "before", "when", "until", "as") for g in child.children)
                        # "..., saying ...": a second statement of the same speaker
                        or child.tag_ == "VBG" and child.lemma_.lower() in SPEECH_VERBS):
                end = min(end, self.doc[first - 1 if after_comma else first].idx)
        return tokens[0].idx, end

    def _verb_inside_quote(self, verb: Token) -> bool:
        return self.c.inside_quote(verb.idx)

    @staticmethod
    def _channel_prep(token: Token) -> bool:
        words = " ".join(t.lower_ for t in token.subtree)
        return bool(re.search(r"\b(page|statement|interview|post|x|twitter|facebook|conference|briefing|television)\b", words)) or token.lower_ in ("on", "in", "at") and not any(t.dep_ == "pcomp" for t in token.children)

    def channel(self, verb: Token) -> str | None:
        lemma = verb.lemma_
        if lemma == "tweet":
            return "Twitter"
        phrase = " ".join(t.text for c in verb.children if c.dep_ == "prep" for t in c.subtree)
        if re.search(r"\bFacebook\b", phrase):
            return "Facebook"
        if re.search(r"\bon X\b", phrase):
            return "X"
        if re.search(r"\bstatement\b", phrase):
            return "statement"
        if lemma == "tell":
            for child in verb.children:
                if child.dep_ in ("dobj", "dative", "iobj"):
                    found = self.c.entity_at(child.idx, child.idx + len(child))
                    if found and found[1] == "organisation":
                        return f"interview with {self.c.name_of(found[0])}"
        return None

    # --- the statements --------------------------------------------------------------
    def add(self, speakers: list[str], cue: str, start: int, end: int, channel: str | None = None,
            mode: str | None = None, exact: bool = False, turn: bool = False) -> dict | None:
        """A statement of ``text[start:end]`` (trimmed of "that", discourse words and the
        enclosing marks unless ``exact``), unless it overlaps one already made."""
        line = self.text.rfind("\n", 0, start) + 1
        if self.text.startswith("#", line):
            return None  # a headline ("## Talks to resume, officials say") is no statement
        # a list item is a line of its own: nothing runs into the next item, no speaker either
        item = re.search(r"\n[ \t]*(?:[-*•]|\d+[.)])[ \t]", self.text[start:end])
        if item:
            end = start + item.start()
        if any(local in self.c.anonymous and "\n" in self.c.anonymous[local]["text"] for local in speakers):
            return None
        trimmed = (start, end, mode or "direct") if exact else self.trim(start, end)
        if not trimmed or not speakers:
            return None
        s, e, found_mode = trimmed
        mode = mode or found_mode
        for other in self.c.statements[-8:]:  # statements come in text order: only the last can overlap
            # (an interview turn holds the claims it reports: "Q: Critics say ...")
            if other["start"] < e and s < other["end"] and not turn and not other.get("turn"):
                return None
        record = {"sources": speakers, "cue": cue, "mode": mode, "start": s, "end": e, "channel": channel}
        if turn:
            record["turn"] = True
        self.c.statements.append(record)
        for local in speakers:
            if local in self.c.anonymous and _plural(self.c.anonymous[local]["text"]):
                self.last_plural, self.last_plural_at = local, s
        if len(speakers) >= 2:
            self.last_group = (list(speakers), s)
        return record

    def _named_pair_before(self, token: Token) -> list[str] | None:
        """"Sharma and Haddad, both councillors, opposed the plan. They said ...": the named
        parties joined by "and" that were the main subject of the sentence before (same
        paragraph), when nobody spoke in that sentence."""
        sent = token.sent
        if sent.start == 0 or any(t.dep_ in ("nsubj", "nsubjpass") for t in sent if t.i < token.i):
            return None
        before = self.doc[sent.start - 1].sent
        paragraph_of = _paragraph_index(self.text)
        if paragraph_of(before.start_char) != paragraph_of(token.idx) or any(r["end"] > before.start_char for r in self.c.statements[-3:]):
            return None
        subject = next((t for t in before if t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and not self.c.inside_quote(t.idx)), None)
        if subject is None:
            return None
        heads = [subject] + list(subject.conjuncts)
        found = [self.c.entity_at(t.idx, t.idx + len(t)) for t in heads]
        if len(heads) < 2 or not all(f and f[1] in ("person", "organisation") for f in found):
            return None
        return list(dict.fromkeys(f[0] for f in found))

    def _two_bodies_before(self, token: Token) -> list[str] | None:
        """The two organisations that were last a subject together ("X and Y have agreed to
        combine") in the sentences before ``token``, else the two named last (outside
        quotations), when there are two."""
        sentences = [token.sent]
        while len(sentences) < 5 and sentences[-1].start > 0:
            sentences.append(self.doc[sentences[-1].start - 1].sent)
        for sent in sentences:
            for t in sent:
                if t.i >= token.i or t.dep_ not in ("nsubj", "nsubjpass") or self.c.inside_quote(t.idx):
                    continue
                # (the parse may hang the first name on the second: "Marula Platinum and Sekoto Resources")
                words = [x for x in t.subtree if not _under_preposition(x, t)]
                pair = list(dict.fromkeys(hit[0] for x in words for hit in [self.c.entity_at(x.idx, x.idx + len(x))]
                                          if hit and hit[1] == "organisation"))
                if len(pair) == 2 and any(x.lower_ in ("and", "&") and x.dep_ == "cc" for x in words):
                    return pair
        found: list[str] = []
        for s, _, local, kind in reversed([m for m in self.c.mentions() if m[1] <= token.idx]):
            if kind == "organisation" and not self.c.inside_quote(s) and local not in found:
                found.append(local)
                if len(found) == 2:
                    return found[::-1]
        return None

    def _plural_subject_before(self, token: Token) -> str | None:
        """"Engineers disagreed. They said ...": the plural people noun that was the subject of
        the sentence before (in the same paragraph), when no plural source spoke since."""
        sent = token.sent
        if sent.start == 0 or self.c.inside_quote(token.idx):
            return None
        before = self.doc[sent.start - 1].sent
        if _paragraph_index(self.text)(before.start_char) != _paragraph_index(self.text)(token.idx):
            return None
        for t in before:
            if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN" and t.tag_ == "NNS" and names_people(t) \
                    and not self.c.inside_quote(t.idx) and not self.c.entity_at(t.idx, t.idx + len(t)) and t.head.dep_ == "ROOT":
                start, end = np_span(t)
                if self.last_plural_at >= before.start_char or (self.last_group and self.last_group[1] >= before.start_char):
                    return None  # a plural source spoke in that sentence: it is the one
                return self.c.add_anonymous(start, end)
        return None

    def run(self) -> None:
        previous: dict | None = None
        previous_paragraph = -1
        paragraph_of = _paragraph_index(self.text)
        answers = self.answer_turns()
        answered: set[int] = set()
        for sent in self.doc.sents:
            paragraph = paragraph_of(sent.start_char)
            turn = answers.get(paragraph)
            if turn is not None and paragraph not in answered:
                # an interview turn ("Name: ...", "Q: ...") is one statement of the person speaking
                answered.add(paragraph)
                record = self.add([turn[0]], "asked" if turn[3] else "said", turn[1], turn[2], channel="interview",
                                  mode="direct", turn=True)
                if not turn[3]:
                    previous, previous_paragraph = record or previous, paragraph
            if turn is not None and not turn[3]:
                continue  # an answer is all the interviewee's; the claims a question reports are found below
            found = []
            cues = [t for t in sent if not self.c.inside_quote(t.idx) and (
                (t.lower_ == "according" and any(c.lower_ == "to" for c in t.children)) or _by_account(t)
                or (t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SPEECH_VERBS) or _record_cue(t)
                or _put_it_to(t) is not None or _put_at(t) is not None or _phrasal_cue(t) or _made_plain(t) is not None
                or _called_for(t) is not None
                or self._label_quote(t) is not None
                or (t.pos_ == "NOUN" and t.lemma_.lower() in CUE_NOUNS and self._that_clause(t) is not None))]
            # a cue inside another cue's content is reported speech within it: the outer one first
            spans = {t.i: self.content(t, self.subject(t)) for t in cues if t.lower_ not in ("according", "account")}
            cues.sort(key=lambda t: sum(1 for sp in spans.values() if sp and sp[0] <= t.idx < sp[1]))
            for token in cues:
                inner = any(sp and sp[0] <= token.idx < sp[1] for i, sp in spans.items() if i != token.i)
                if inner and any(r["start"] <= token.idx < r["end"] for r in found):
                    continue
                if inner and token.pos_ in ("VERB", "AUX") and any(
                        sp and sp[0] <= token.idx < sp[1] and self.doc[i].i < token.i and self.doc[i].pos_ in ("VERB", "AUX")
                        and any(c.dep_ == "ccomp" and token.i in {t.i for t in c.subtree} for c in self.doc[i].children)
                        for i, sp in spans.items() if i != token.i):
                    # "X said it expected savings": the cue inside what another cue reports is
                    # that speaker's words, even when that speaker was not found -- never a
                    # statement of its own
                    continue
                record = self._keeping_sources(lambda: self.according(token) if token.lower_ == "according" else
                                               self.by_account(token) if _by_account(token) else
                                               self.noun_cue(token) if token.pos_ == "NOUN" else
                                               self.label(token) if self._label_quote(token) is not None else self.speech(token))
                if record:
                    found.append(record)
            if not found:
                record = self._keeping_sources(lambda: self.colon_quote(sent))
                if record:
                    found.append(record)
            following = self.doc[sent.end].sent if sent.end < len(self.doc) else None
            # a paragraph that is only quotation, right after a paragraph that ended quoting
            # someone, goes on quoting them (news paragraphs one quoted sentence or two long)
            next_paragraph = paragraph == previous_paragraph + 1 and previous is not None \
                and (previous["mode"] == "direct" or previous["end"] >= self.text.rfind("\n\n", 0, sent.start_char) - 2) and self._quote_paragraph(sent.start_char)
            if not found and previous and (paragraph == previous_paragraph or next_paragraph) and not (
                    following is not None and paragraph_of(following.start_char) == paragraph and self._bare_cue(following) is not None):
                # a sentence that is one quotation continues the last speaker (unless a cue of
                # its own follows it: `"Is this fair?" Berg asked.`)
                if _whole_quote(sent.text):
                    record = self.add(previous["sources"], previous["cue"], sent.start_char, sent.end_char)
                    if record:
                        found.append(record)
            if found:
                previous, previous_paragraph = found[-1], paragraph
            elif paragraph != previous_paragraph:
                previous = None

    def answer_turns(self) -> dict[int, tuple[str, int, int, bool]]:
        """Paragraphs of an interview transcript: each turn is one direct statement of the
        person speaking (the corpus convention of issue 10). Paragraph index -> (speaker,
        start, end of the turn's words, whether it is the interviewer's question).

        A transcript is two or more paragraphs opening with a turn label ("Q:", "A:",
        "Name:", "NAME:", also in bold). A label is a person of the article by any of their
        names or their surname in capitals; "A:"/"Answer:" is the interviewee, the person
        named most before the first turn; "Q:"/"Question:" is the interviewer, another
        person named before the first turn (one the introduction says spoke to or
        interviewed someone, else the last named), or nobody when there is none. When two
        named people take turns, the one whose turns are mostly questions asks."""
        turns: dict[int, tuple[str, int, int, bool]] = {}
        found = []
        for m in re.finditer(r"(?m)^(?:\*\*|__)?([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3})(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]+(\S[^\n]*)$"
                             # "Q. How many ...?" / "A. About 2,000."
                             r"|^(?:\*\*|__)?(Q|A)\.(?:\*\*|__)?[ \t]+(\S[^\n]*)$", self.text):
            if m.group(3):
                found.append((m.group(3), _Turn(m, 4)))
                continue
            label = m.group(1)
            who = "Q" if label in ("Q", "Question") else "A" if label in ("A", "Answer") else self._person_labelled(m.start(1), m.end(1))
            if who:
                found.append((who, m))
        if len(found) < 2:
            # questions in bold, each a paragraph of its own, answered by the plain paragraph after it
            bold = list(re.finditer(r"(?m)^(\*\*|__)([^*_\n]+\?)\1[ \t]*$", self.text))
            # (only after an introduction that says it is an interview: an explainer's bold
            # "What happens next?" is a heading)
            if len(bold) >= 2 and re.search(r"\b(?:interview(?:ed)?|spoke (?:to|with)|talked (?:to|with)|sat down with|conversation with)\b",
                                            self.text[: bold[0].start()], re.I):
                found = []
                for q in bold:
                    found.append(("Q", _Turn(q, 2)))
                    a = re.match(r"\s*\n\s*\n([^*_#\n][^\n]*)", self.text[q.end():])
                    if a:
                        found.append(("A", _Span(q.end() + a.start(1), q.end() + a.end(1))))
        if len(found) < 2:
            return turns
        first = found[0][1].start()
        interviewee = self._most_named_before(first) if any(w == "A" for w, _ in found) else None
        named = {w for w, _ in found if w not in ("Q", "A")}
        if interviewee is None and len(named) == 1:
            interviewee = next(iter(named))
        interviewer = self._interviewer(first, interviewee) if any(w == "Q" for w, _ in found) else None
        found = [(interviewer if w == "Q" else interviewee if w == "A" else w, w == "Q", m) for w, m in found]
        asking = {w for w, q, _ in found if q}
        people = {w for w, _, _ in found if w}
        if not asking and len(people) == 2:
            asks = {person: [("?" in m.group(2)) for w, _, m in found if w == person] for person in people}
            for person, own in asks.items():
                other = next(o for p, o in asks.items() if p != person)
                if sum(own) * 2 > len(own) and sum(other) * 2 <= len(other):
                    asking = {person}
        paragraph_of = _paragraph_index(self.text)
        for who, _, m in found:
            if not who:
                continue  # a "Q:" with no interviewer named: nobody rather than a guess
            end = m.end(2)
            while end > m.start(2) and self.text[end - 1] in " \t":
                end -= 1
            turns[paragraph_of(m.start())] = (who, m.start(2), end, who in asking)
        return turns

    def _interviewer(self, offset: int, interviewee: str | None) -> str | None:
        """The person who asks a transcript's "Q:" turns: named before the first turn and not
        the interviewee, preferably in a sentence saying they spoke to or interviewed someone."""
        people = [m for m in self.c.people_before(offset, count=200) if m[2] != interviewee]
        if not people:
            return None
        for m in reversed(people):
            sentence = self.doc.char_span(m[0], m[1], alignment_mode="expand")
            if sentence is not None and re.search(r"\b(?:spoke|speaks|talked|talks|interviewed|sat down|asked|met)\b", sentence.sent.text):
                return m[2]
        return people[-1][2]

    def _person_labelled(self, start: int, end: int) -> str | None:
        """The person a turn label names: a name of theirs, or their surname in capitals."""
        hit = self.c.entity_at(start, end)
        if hit:
            return hit[0] if hit[1] == "person" else None
        label = self.text[start:end].lower()
        matches = {self.c.ids[id(e)] for e in self.c.entities if e.kind == "person" and self.c.ids.get(id(e))
                   and any(label in (n.lower(), n.lower().split()[-1]) for n in e.all_names)}
        return matches.pop() if len(matches) == 1 else None

    def _most_named_before(self, offset: int) -> str | None:
        """The person named most often before ``offset`` (the first of them on a tie)."""
        counts: dict[str, int] = {}
        for m in self.c.people_before(offset, count=200):
            counts[m[2]] = counts.get(m[2], 0) + 1
        return max(counts, key=counts.get) if counts else None

    def subject(self, verb: Token) -> Token | None:
        """The speaker's token: "..., said a source" (after the cue), the subject, or a name just before."""
        before = self.doc[verb.i - 1] if verb.i > verb.sent.start else None
        if verb.tag_ == "VBG" and verb.head.lower_ == "as" and verb.head.head.lemma_.lower() == "quote":
            # "X was quoted as saying ...": who was quoted
            quoted = next((c for c in verb.head.head.children if c.dep_ in ("nsubjpass", "nsubj")), None)
            if quoted is not None:
                return quoted
        if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ == "by" and verb.head.head.pos_ == "VERB" \
                and not self.c.inside_quote(verb.idx):
            # "X opened by saying that ...", "replied by pointing out that ...": who did it
            doer = next((c for c in verb.head.head.children if c.dep_ == "nsubj"), None)
            if doer is not None:
                return doer
        # (`"Is it fair?" asked the mayor`: after a question, "asked" puts its speaker after it)
        asked = verb.lemma_ in ("ask", "wonder") and re.search(r"\?\s*[\"”]\s*\Z", self.text[verb.sent.start_char : verb.idx])
        # a subject of its own that opens the sentence ("X's widow, Karen, said outside court:")
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i and not self.c.inside_quote(c.idx)]
        own_subject = bool(subjects) and min(t.i for c in subjects for t in c.subtree) == verb.sent.start \
            and not any(c.dep_ == "nsubj" and c.i > verb.i and c.pos_ in ("NOUN", "PROPN") for c in verb.children)
        # (but "Successful schools, said Marsh, must ...": a subject after the inverted cue speaks)
        if before is not None and before.text in (",", '"', "'", "”") and (verb.lemma_ in INVERTING_VERBS or asked) and not re.match(
                r"\s*[,:]\s*[\"“]", self.text[verb.idx + len(verb) : verb.idx + len(verb) + 4]) and not own_subject:
            # (not "X's widow, Karen, said outside court:": a subject before the cue speaks)
            # (not "X, a professor, said, “… his pictures …”": a word of the quotation is no speaker)
            after = [c for c in verb.children if c.i > verb.i and c.dep_ in ("nsubj", "dobj", "attr") and c.pos_ in ("NOUN", "PROPN")
                     and not self.c.inside_quote(c.idx)]
            if after:
                return after[0]
        # a transcript's turn label ("Q: X told ...") is not the subject
        # (of two subjects the parse gives "X, Berg said, was ...", the one next to the cue)
        subject = next((c for c in sorted(verb.children, key=lambda c: (c.i > verb.i, -c.i)) if c.dep_ in ("nsubj", "nsubjpass")
                        and not (c.i + 1 < len(self.doc) and self.doc[c.i + 1].text == ":" and c.i == c.sent.start)), None)
        if subject is not None and verb.dep_ == "parataxis" and self.c.entity_at(subject.idx, subject.idx + len(subject)):
            # "Greta Holm, Jonas Brekke said, was ...": the parse may make the speaker an
            # apposition of the sentence's subject; a second name right before the cue is no apposition
            named = [c for c in subject.children if c.dep_ == "appos" and max(t.i for t in c.subtree) == verb.i - 1
                     and (self.c.entity_at(c.idx, c.idx + len(c)) or ("", ""))[1] == "person"]
            if named and (self.c.entity_at(subject.idx, subject.idx + len(subject)) or ("", ""))[1] == "person":
                return named[0]
        if subject is not None and subject.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
            subject = verb.head  # "the council, which said ...": the council
        if subject is None and verb.tag_ == "VBG" and verb.dep_ == "advcl":
            # "X warned that ..., saying ...": the speaker of the cue the participle follows
            speaking = next((a for a in verb.ancestors if a.lemma_.lower() in SPEECH_VERBS), None)
            if speaking is not None:
                return self.subject(speaking)
        if subject is None and verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and verb.head.head.lemma_.lower() in SPEECH_VERBS \
                and verb.head.head.i < verb.head.i:
            # "X said the plan was bad and urged ...": the parse joins the second verb to the
            # content; it is the speaker's
            return self.subject(verb.head.head)
        if subject is None and verb.dep_ in ("conj", "xcomp", "advcl"):
            # (of two subjects the parse gives the verb it hangs on, the one nearest before it:
            # "Facebook co-founder Mark Zuckerberg tweeted ... and said")
            subject = next((c for c in sorted(verb.head.children, key=lambda c: (c.i > verb.head.i, -c.i)) if c.dep_ == "nsubj"), None)
        if subject is None and before is not None and self.c.entity_at(before.idx, before.idx + len(before)):
            subject = before  # "In August Saleh tweeted": the parser took the name for an object
        if subject is None and before is not None and before.text == "," and verb.dep_ == "ROOT":
            # "Speaking for the defence, Tom Roe, SC, said that ...": the parse hung the name on
            # the fronted phrase; the person named right before the cue (past a short
            # apposition between commas) speaks
            sent = verb.sent
            for m in reversed(self.c.people_before(verb.idx, 3)):
                if m[0] < sent.start_char:
                    break
                if re.fullmatch(r"(?:,[^,;:\"“”()]{1,30})?,\s*", self.text[m[1] : verb.idx]) \
                        and re.search(r",\s*\Z", self.text[sent.start_char : m[0]]):
                    token = self.doc.char_span(m[0], m[1], alignment_mode="expand")
                    return token.root if token is not None else None
                break
        return subject

    def _question_before(self, verb: Token) -> tuple[int, int] | None:
        """`"Is it fair?" asked Dahl` / `"Is it fair?" Dahl asked`: the quotation ending in "?"
        right before the cue (and its speaker) in the same sentence, marks included."""
        sent = verb.sent
        # (the sentence splitter may end a sentence at `?"`: then the quotation is the one before)
        start = self.doc[sent.start - 1].sent.start_char if sent.start > 0 and _paragraph_index(self.text)(
            self.doc[sent.start - 1].idx) == _paragraph_index(self.text)(verb.idx) else sent.start_char
        subject = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        words = self.text[min([t.idx for c in subject for t in c.subtree] or [verb.idx]) : verb.idx]
        for q in self.c.quote_spans():
            if start <= q[0] and q[1] < verb.idx and self.text[q[1] - 1] in "?!":
                between = self.text[q[1] + 1 : verb.idx].strip()
                if not between or between == words.strip():
                    return q[0], q[1] + 1
        return None

    def speech(self, verb: Token) -> dict | None:
        question = self._question_before(verb) if verb.lemma_ in ("ask", "wonder") else None
        if verb.lemma_ == "ask" and (verb.dep_ == "relcl" or not any(c.dep_ in ("dobj", "ccomp") for c in verb.children)) \
                and self._bare_cue(verb.sent) != verb and not question:
            return None  # "who asked not to be named": a request, not a statement
        subject = self.subject(verb)
        if subject is None:
            return None
        if subject.lower_ in ("nobody", "none", "noone") or any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children):
            return None  # "No one has said why", "no official would say": nothing was said
        if verb.dep_ == "xcomp" and verb.head.lemma_ in ("decline", "refuse", "fail", "hesitate"):
            return None  # "declined to say how many": nothing was said
        if verb.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
                and verb.head.lemma_.lower() not in _SAYING_ON:
            # "asked the council to confirm", "wants to tell", "plans to announce": not said
            # (but "went on to say", "was quick to add", "was keen to stress" were)
            return None
        if verb.tag_ == "VBN" and not any(c.dep_ == "aux" or c.dep_ == "nsubj" and c.i < verb.i for c in verb.children):
            # "Asked whether he would ..., X said": the participle's person is asked, not asking (a
            # subject before it makes it the past the tagger mistook: "X, a regional daily, reported")
            return None
        if subject.dep_ == "nsubjpass" and subject.head == verb or any(c.dep_ == "auxpass" for c in verb.children):
            # "The parents are accused of ...", "they should be declared not guilty": the
            # subject of a passive cue is what is spoken of, not who speaks
            return None
        # a participle without an auxiliary ("with the rebels insisting ...") is a circumstance
        # of another clause: only the noun test makes its subject a source
        human = (verb.lemma_ in HUMAN_VERBS or _phrasal_cue(verb)) and (verb.tag_ != "VBG" or any(c.dep_ == "aux" for c in verb.children))
        if any(c.dep_ == "neg" for c in verb.children):
            return None  # "the report did not say who ...", "would not say whether": nothing was said
        if _not_speech(verb):
            return None
        speakers = self.speakers(subject, human=human, cue=True)
        parts = self.split_quote(verb, subject)
        if parts:
            # `"…," she said, "…"`: one statement holding both parts, from the first part's
            # first word to the second's last (the corpus convention of issue 10): a
            # statement's text is one span of the article, so the cue between them is in it;
            # the outer marks are left out and it is direct, all quotation but the cue
            end = parts[1][1] - 1
            while self.text[end - 1] in " ,":
                end -= 1
            return self.add(speakers, verb.text.lower(), parts[0][0] + 1, end,
                            channel=self.channel(verb), mode="direct", exact=True)
        put = _put_it_to(verb)
        self.open_quote = -1
        span = self._clause_span(put) if put is not None else question or self.content(verb, subject)
        figure = _put_at(verb)
        if figure is not None:  # "X put the toll at 61": the figure and what it is
            noun, at = figure
            span = min(t.idx for t in noun.subtree), max(t.idx + len(t) for t in at.subtree)
        mode = "direct" if span and self.open_quote >= 0 and self.open_quote == span[0] - 1 else None  # (a quotation open to the paragraph's end)
        if not span and verb.dep_ == "relcl" and verb.head.lemma_.lower() in CUE_NOUNS | {"charge", "account", "version"} \
                and not any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
            # "..., a claim the witness rejected": the claim is what the witness rejected
            span = np_span(verb.head)
        if not span and self._bare_cue(verb.sent) == verb and verb.sent.start > 0:
            # `"Is this fair?" Berg asked.`: a "?" or "!" ended the quotation's sentence before its cue
            quoted = self.doc[verb.sent.start - 1].sent
            if _whole_quote(quoted.text) and _paragraph_index(self.text)(quoted.start_char) == _paragraph_index(self.text)(verb.idx):
                span = quoted.start_char, quoted.end_char
        if not span:
            return None
        if verb.tag_ == "VBG" and not any(c.dep_ == "aux" for c in verb.children) and verb.dep_ in ("advcl", "xcomp", "conj") \
                and not any(c.dep_ == "ccomp" or c.dep_ == "advcl" and any(g.lower_ == "that" for g in c.children) for c in verb.children) \
                and span[0] > verb.idx and not question and self.text[span[0]] not in _QUOTES:
            # "..., rejecting demands from the unions": the reporter's account of what the
            # speaker did, not words of theirs (", saying that ..." keeps its clause)
            return None
        cue = "put it to" if put is not None else verb.text.lower()
        if _phrasal_cue(verb):
            cue += " " + verb.doc[verb.i + 1].lower_
        record = self.add(speakers, cue, *span, channel=self.channel(verb), mode=mode)
        if record and _record_cue(verb):
            record["record"] = True  # a record's account: what it lists happened (see meetings)
        if record:
            # "X rejected the conditions, Nazari said, and the talks ended": the clause after
            after = self.text[verb.idx + len(verb) : verb.sent.end_char]
            m = re.match(r",\s+and\s+(.+)$", after, re.S)
            if m and verb.dep_ in ("parataxis", "ROOT") and span[1] < subject.idx:
                start = verb.idx + len(verb) + m.start(1)
                rest = self.doc.char_span(start, verb.sent.end_char, alignment_mode="contract")
                if rest is not None and len(rest) and rest[0].pos_ in ("VERB", "AUX") and not self.c.inside_quote(start):
                    # "They come at night, she says, and take everything": one clause with two
                    # verbs, the cue inside it -- the whole sentence is the statement
                    whole = self.trim(verb.sent.start_char, verb.sent.end_char)
                    if whole and whole[0] <= record["start"]:
                        record["start"], record["end"], record["mode"] = whole
                else:
                    self.add(speakers, verb.text.lower(), start, verb.sent.end_char)
        return record

    def _label_quote(self, verb: Token) -> tuple[int, int] | None:
        """`X called the plan "a disgrace"`, `described it as "reckless"`: the quotation that
        is the label a labelling verb puts on its object (its words are the speaker's)."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _LABELLING or not any(c.dep_ in ("dobj", "oprd") for c in verb.children):
            return None
        if verb.lemma_.lower() == "call" and any(c.dep_ == "prep" and c.lower_ in ("for", "on", "off") or c.dep_ == "prt" for c in verb.children):
            return None  # "called for an inquiry", "called on X", "called off": no label
        label = next((c for c in verb.children if c.dep_ == "oprd" and c.pos_ != "PROPN" and c.i > verb.i), None)
        if label is not None and verb.lemma_.lower() != "describe" and not self.c.inside_quote(verb.idx):
            # "called the delay sensible", "called the ceremony a photo opportunity": an unquoted label is
            # the speaker's judgement too (not a name given: "called the boy Tom")
            words = [t for t in verb.subtree if t.i > verb.i and (t.i <= label.i or t in label.subtree) and not t.is_punct]
            if words and not any(q in self.text[words[0].idx : label.idx + len(label)] for q in _QUOTES):
                return words[0].idx, max(t.idx + len(t) for t in words)  # (a quoted label: below, the quotation)
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if not objects:
            return None
        after = objects[0].idx + len(objects[0])  # the object's head noun: its apposition may be the label
        m = re.match(r"\s*(?:as\s+)?(?:a|an|the)?\s*(?=[\"“])", self.text[after : verb.sent.end_char])
        quote = self.c.quote_around(after + m.end()) if m else None
        if quote is None or quote[0] != after + m.end() or quote[1] >= verb.sent.end_char:
            return None
        return quote[0], quote[1] + 1

    def label(self, verb: Token) -> dict | None:
        span = self._label_quote(verb)
        subject = self.subject(verb)
        if span is None or subject is None or subject.dep_ == "nsubjpass" or self.c.inside_quote(subject.idx):
            return None
        speakers = self.speakers(subject, human=True, cue=True)
        return self.add(speakers, verb.text.lower(), *span, channel=self.channel(verb)) if speakers else None

    def _keeping_sources(self, make):
        """``make()``'s statement; the anonymous sources it described are dropped when it made
        none (a source that says nothing in the article is no source)."""
        before = set(self.c.anonymous)
        record = make()
        if not record:
            for local in [local for local in self.c.anonymous if local not in before]:
                del self.c.anonymous[local]
        return record

    def _quote_paragraph(self, offset: int) -> bool:
        """The paragraph holding ``offset`` is one or more whole quotations and nothing else."""
        start = self.text.rfind("\n\n", 0, offset)
        end = self.text.find("\n\n", offset)
        words = self.text[start + 2 if start >= 0 else 0 : end if end >= 0 else len(self.text)].strip()
        if not words or words[0] not in _QUOTES or words.rstrip(".")[-1:] not in _QUOTES:
            return False
        base = (start + 2 if start >= 0 else 0) + (len(self.text[start + 2 if start >= 0 else 0 :]) - len(self.text[start + 2 if start >= 0 else 0 :].lstrip()))
        # every character outside a quotation is space or punctuation
        inside = [q for q in self.c.quote_spans() if base <= q[0] and q[1] < base + len(words)]
        rest = list(words)
        for a, b in inside:
            rest[a - base : b - base + 1] = [" "] * (b - a + 1)
        return not re.search(r"\w", "".join(rest))

    def colon_quote(self, sent) -> dict | None:
        """`Berg put it bluntly: "We paid and got nothing."`: a clause whose subject is a party,
        then a colon and a quotation to the sentence's end, is that party's statement (no
        speech verb needed; "The sign read:" has no party and is none)."""
        colon = next((t for t in sent if t.text in (":", "—", "–") and not self.c.inside_quote(t.idx)), None)
        if colon is None or colon.i == sent.start:
            return None
        rest = self.text[colon.idx + 1 : sent.end_char].strip()
        if not rest or rest[0] not in _QUOTES or self.c.quote_around(colon.idx + 1 + self.text[colon.idx + 1 :].index(rest[0])) is None:
            return None
        if not _whole_quote(rest):
            return None
        # the clause's verb: the word before the colon that hangs on nothing before it
        verb = next((t for t in sent if sent.start <= t.i < colon.i and t.pos_ in ("VERB", "AUX")
                     and (t.head.i >= colon.i or t.head == t)), None)
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < colon.i), None) if verb is not None else None
        if subject is None:
            return None
        if verb.lemma_.lower() in _REPRODUCING and not (verb.lemma_.lower() == "read" and subject.lemma_.lower() in _DOCUMENTS):
            return None  # "The paper cited examples: “…”": someone else's words, reproduced (but "the statement read:" is its issuer's)
        speakers = self.speakers(subject, cue=True)
        return self.add(speakers, verb.text.lower(), colon.idx + 1, sent.end_char) if speakers else None

    def _bare_cue(self, sent) -> Token | None:
        """The cue verb of a sentence that is only a speaker and a cue ("Berg asked.", "said
        the mayor, Tomas Berg."): no quotation, no content of its own."""
        if any(q in sent.text for q in _QUOTES) or len(sent) > 14:
            return None
        verb = sent.root
        if verb.lemma_.lower() not in SPEECH_VERBS or any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
            return None
        if any(c.dep_ in ("auxpass", "csubj", "csubjpass") for c in verb.children) or not any(
                c.dep_ == "nsubj" or c.dep_ == "dobj" for c in verb.children) and verb.lemma_.lower() not in INVERTING_VERBS | {"ask"}:
            return None  # "Who else attended has been argued over for years": no cue of a speaker
        return verb

    def split_quote(self, verb: Token, subject: Token) -> list[tuple[int, int]] | None:
        """The two quotations of `"…," she said, "…"` (marks included), when the cue and its
        speaker are all that stands between them in one sentence."""
        sent = verb.sent
        spans = [q for q in self.c.quote_spans() if sent.start_char <= q[0] and q[1] < sent.end_char]
        cue = [verb, *(t for t in subject.subtree if t.text not in _QUOTES + "'‘’")]  # (the parse may hang a mark on the speaker)
        cue_start = min(t.idx for t in cue)
        cue_end = max(t.idx + len(t) for t in cue)
        held = {t.i for t in cue}
        if any(t.i not in held and not t.is_punct for t in self.doc[min(held) : max(held) + 1]):
            return None  # the cue and its speaker are not one phrase (`"…," she said, adding: "…"`)
        before = [q for q in spans if q[1] < cue_start]
        after = [q for q in spans if q[0] >= cue_end]
        if not before or not after:
            return None
        first, second = before[-1], after[0]
        # only a comma (inside or outside the marks) and the cue's own words between them: a
        # date or place after the cue ("she said on Monday") may stay, another clause may not
        gap_before = self.text[first[1] + 1 : cue_start]
        gap_after = self.text[cue_end : second[0]]
        if gap_before.strip(" ,") or not re.fullmatch(r"(?:\s+(?:on|in|at|last|this|later|earlier)\b[^,;.\"“”]{0,30})?\s*[,:]\s*", gap_after):
            return None
        if self.text[first[1] - 1] not in ",;:—–-?!" and self.text[first[1] + 1 : first[1] + 2] != ",":
            return None  # the first part ends a sentence of its own: not a quotation the cue splits
        return [(first[0], first[1] + 1), (second[0], second[1] + 1)]

    def _that_clause(self, noun: Token) -> Token | None:
        """The clause a cue noun introduces with "that" ("reports that X", "his claim that Y")."""
        for c in noun.children:
            if c.dep_ in ("acl", "ccomp", "relcl") and c.i > noun.i and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
                return c
        return None

    def noun_cue(self, noun: Token) -> dict | None:
        """"There were reports that X", "X's claim that Y", "a statement from X that Y": the
        statement's source is the possessor or the "from/by" party, else the noun phrase itself."""
        clause = self._that_clause(noun)
        if clause is None:
            return None
        if noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in SPEECH_VERBS:
            return None  # "said in a statement that ...": the channel of the verb's statement
        speakers: list[str] = []
        for c in noun.children:
            if c.dep_ == "poss" and c.lower_ not in PRONOUNS and c.lower_ not in ("its", "their"):
                speakers = self.speakers(c)
            elif c.dep_ == "prep" and c.lower_ in ("from", "by"):
                speakers = [p for g in c.children if g.dep_ == "pobj" for p in self.speakers(g)]
        if not speakers:
            if any(c.dep_ == "poss" for c in noun.children):
                return None  # "his claim that": whose, the pronoun does not say safely
            speakers = [self.c.add_anonymous(noun.idx, noun.idx + len(noun))] if not any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children) else []
        if not speakers:
            return None
        span = self._clause_span(clause)
        last = self.doc.char_span(span[0], span[1], alignment_mode="expand")
        if last is None or last[-1].pos_ in ("AUX", "ADP", "DET", "CCONJ"):
            return None  # the parser cut the clause short ("insistence that the count was | fair angered")
        return self.add(speakers, noun.text.lower(), *span)

    def by_account(self, token: Token) -> dict | None:
        """"By her own account, CLAUSE" / "By X's account, CLAUSE": the owner's statement of the
        clause (up to ", and ..." or ", but ...")."""
        owner = next(c for c in token.children if c.dep_ == "poss")
        speakers = self.speakers(owner, cue=True)
        by = token.head
        sent = token.sent
        phrase_end = max(t.idx + len(t) for t in by.subtree)
        if by.i > sent.start + 1:
            return None  # (only a phrase opening the sentence)
        rest = self.text[phrase_end : sent.end_char]
        cut = re.search(r",\s+(?:and|but|while|although)\s", rest)
        end = phrase_end + (cut.start() if cut else len(rest))
        return self.add(speakers, "account", phrase_end, end) if speakers else None

    def according(self, token: Token) -> dict | None:
        to = next(c for c in token.children if c.lower_ == "to")
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            # "according to engineer Helen Roe": the parse may make the title a verb; a name
            # after it (or right after "to") is the source
            words = [t for t in to.subtree if t.i > to.i]
            named = [t for t in words if (self.c.entity_at(t.idx, t.idx + len(t)) or ("", ""))[1] in ("person", "organisation")]
            if not named or any(t.pos_ in ("AUX", "PRON", "DET") or t.dep_ in ("ccomp", "nsubj") for t in words if t.i < named[0].i) \
                    or named[0].i > to.i + 2:
                return None
            pobj = named[-1] if all(t.dep_ in ("compound", "flat") or t.i == named[-1].i for t in named) else named[0]
        if pobj.lemma_.lower() in ("figure", "data", "datum", "statement", "report", "survey", "estimate", "statistic", "document"):
            for child in pobj.children:
                if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                    inner = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if inner is not None:
                        pobj = inner
                elif child.dep_ == "poss" and child.lower_ not in PRONOUNS:
                    pobj = child  # "according to the council's planning report": the council
        speakers = self.speakers(pobj)
        if not speakers and pobj.pos_ == "NOUN" and not self.c.entity_at(pobj.idx, pobj.idx + len(pobj)):
            # "according to the charge sheet", "according to court papers": a source described by its words
            speakers = [self.c.add_anonymous(*np_span(pobj))]
        sent = token.sent
        phrase_end = max(t.i for t in token.subtree)
        if token.i == sent.start or (token.i == sent.start + 1) or \
                re.search(r"\bthat\s*\Z", self.text[sent.start_char : token.idx]):
            # "According to X, CLAUSE." (also "We have learned that according to X, CLAUSE")
            return self.add(speakers, "according to", self.doc[phrase_end].idx + len(self.doc[phrase_end]), sent.end_char)
        after = self.text[self.doc[phrase_end].idx + len(self.doc[phrase_end]) : sent.end_char]
        if re.match(r"\s*,\s*\w", after) and not any(t.pos_ in ("VERB", "AUX") for t in self.doc[sent.start : token.i]):
            # "The deal, according to X, is worth ...": the phrase sits inside what it attributes
            return self.add(speakers, "according to", sent.start_char, sent.end_char)
        return self.add(speakers, "according to", sent.start_char, token.idx)


# What an infinitive cue hangs on when it was said: "went on to say", "was quick to add"
_SAYING_ON = frozenset("continue go begin start keep proceed hasten rush quick careful keen eager anxious able".split())
# Nouns for a body of one kind, and the words its name holds ("the union" is "X Workers'
# Federation", never "Falcrest Air"); other organisation nouns (company, bank, club, airline,
# ...) describe any organisation whose name says it is none of these kinds
_KINDS = {
    "union": "union federation confederation workers association guild syndicate",
    "federation": "federation union confederation association",
    "ministry": "ministry department office",
    "party": "party front movement alliance congress league democrats republicans",
    "council": "council assembly municipality borough city county",
    "commission": "commission agency authority",
    "committee": "committee panel",
    "authority": "authority agency commission office administration service board",
    "agency": "agency authority office administration service bureau commission",
    "association": "association federation union guild society chamber",
    "movement": "movement front party alliance",
    "campaign": "campaign",
    "board": "board trust authority commission",
    "force": "police constabulary gendarmerie force",  # "the force said": a police force
}
_KIND_WORDS = {w for words in _KINDS.values() for w in words.split()} - {"city", "county", "office", "service", "front"}


# words that make a post another's second: a deputy mayor is not the mayor
_SECONDS = frozenset("deputy vice assistant associate under co sub".split())  # (an acting mayor is the mayor)
_MODEL_NUMBER = re.compile(r"\s+(?!(?:19|20)\d\d\b)[A-Z]{0,2}\d{2,}(?:-\d+)?[a-z]{0,3}\b")  # "737-800", "A320neo"; not a year


def _fits(noun: str, name: str) -> bool:
    """A description by ``noun`` can stand for the organisation called ``name``."""
    words = {w.lower().strip("’'.,") for w in name.replace("-", " ").split()}
    if noun in _KINDS:
        return bool(words & set(_KINDS[noun].split()))
    # a company noun: not a body whose name says it is a union, ministry, party, council, ...
    return not words & _KIND_WORDS


def _describes(head: str, modifiers: list[str], name: str) -> bool:
    """"the pilots' union" can stand for "Union of X Airline Pilots": the head noun fits the body
    (a kind of :data:`_KINDS`, or else the head word of its name) and each other word is in its name."""
    words = {w.lower().strip("’'.,").removesuffix("s") for w in name.replace("-", " ").split()}
    if not (_fits(head, name) if head in _KINDS else head.removesuffix("s") == _name_head(name).removesuffix("s")):
        return False
    return all(m.strip("’'").removesuffix("s") in words for m in modifiers if m.strip("’'"))


# What is rejected in words, not by a decision: "rejected the claim", "rejected that account"
_SPOKEN = frozenset("""claim allegation accusation charge report suggestion criticism notion idea characterisation
characterization account assertion comparison rumour rumor speculation description version premise view argument
interpretation insinuation assessment finding statement remark comment analysis narrative portrayal label
conclusion theory""".split())
# What a vote confirms: "confirmed her nomination"
_APPOINTMENTS = frozenset("nomination appointment nominee appointee election".split())
# Relatives a possessive describes someone by ("Her daughter, Annika Berg, said ... according to her daughter")
_RELATIVES = FAMILY | {"partner"}
# Verbs of a clause that names a description ("who uses the name X", "known as X", "identified as X")
_NAMING = frozenset("use go know call name identify".split())
# Verbs that reproduce words that are not their subject's: "cited", "quoted", "read out"
_REPRODUCING = frozenset("cite quote read publish print reproduce show display list include contain obtain see".split())


def _under_preposition(token: Token, top: Token) -> bool:
    """Whether a preposition stands between ``token`` and ``top``, its ancestor ("the head of X": X)."""
    while token != top and token.head != token:
        if token.dep_ == "prep":
            return True
        token = token.head
    return False


def _age_epithet(token: Token) -> bool:
    """"the 45-year-old" (the parse's head is "old") or "the 31-year-old striker": a person named
    by age, as news writing goes on about someone it has named."""
    aged = token if token.lower_ == "old" else next((c for c in token.children if c.dep_ == "amod" and c.lower_ == "old"), None)
    return aged is not None and any(c.lower_ in ("year", "years") for c in aged.children) \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def _by_account(token: Token) -> bool:
    """The "account" of "By her own account, ..." / "By X's account, ..."."""
    return token.lower_ == "account" and token.head.lower_ == "by" and token.dep_ == "pobj" \
        and any(c.dep_ == "poss" for c in token.children)


def _plural(description: str) -> bool:
    """An anonymous source's words describe several ("Residents of the valley", "police")."""
    words = re.findall(r"[A-Za-z]+", description.split(",")[0])
    stop = {"from", "close", "familiar", "with", "to", "of", "in", "at", "who", "for", "on", "across", "near"}
    head = ""
    for w in words:
        if w.lower() in stop:
            break
        head = w.lower()
    return head.endswith("s") and not head.endswith("ss") or head in ("police", "people", "staff", "military", "authorities")


def _chain_to(token: Token, top: Token) -> bool:
    """``token`` hangs on ``top`` through names and appositions only (no preposition between)."""
    while token.i != top.i:
        if token.dep_ not in ("appos", "compound", "nsubj", "flat", "conj", "cc") or token.head.i == token.i:
            return False
        token = token.head
    return True


def _clause_subjects_of_object(pronoun: Token) -> list[Token]:
    """The subjects of the clause whose object a pronoun is ("X thanked him", "X spoke to
    her"): an object pronoun is never its own clause's subject (a possessive may be: "X
    keeps a cable on her desk")."""
    if pronoun.dep_ == "poss" or pronoun.tag_ == "PRP$":
        return []
    token = pronoun.head if pronoun.dep_ == "pobj" and pronoun.head.dep_ == "prep" else pronoun
    if token.dep_ not in ("dobj", "dative", "iobj", "prep"):
        return []
    return [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]


def _dateline_end(text: str) -> int:
    """Where a wire story's dateline ends ("OSLO, Norway (Wire) - ", "OSLO, March 3 - "), or 0:
    the capitalised place, what follows it up to the first dash, and the dash."""
    m = re.match(r"\s*[A-Z][A-Z .’'-]{2,}(?:,[^\n—–]{0,60}?)?\s*(?:\([^)\n]{0,40}\)\s*)?[—–-]+\s+", text[:160])
    return m.end() if m else 0


def _record_cue(verb: Token) -> bool:
    """"The authority's calendar records a meeting", "emails show that ...": a record's account."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _RECORDING and any(
        c.dep_ == "nsubj" and (c.lemma_.lower() in _RECORDS or c.lower_ in _RECORDS) and c.pos_ == "NOUN" for c in verb.children)


def _not_speech(verb: Token) -> bool:
    """Senses of the cue verbs that say nothing: giving or withholding ("denied entry to the
    press", "denied him a visa"), reporting to someone ("reported the theft to the police",
    "reported for duty"), telling a story ("told the story of", "told a joke": an object and
    no clause)."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    clause = any(c.dep_ in ("ccomp", "xcomp") for c in children) or any(
        c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children) for c in children)
    if lemma in ("deny", "report") and not clause:
        if any(c.dep_ in ("dative", "iobj") for c in children) or any(c.dep_ == "prep" and c.lower_ == "for" for c in children):
            return True
        # "reported the theft to the police" (to someone), not "reported a fall to 61 million"
        if any(c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pobj" and (names_people(g) or g.pos_ == "PROPN")
                                                          for g in c.children) for t in children for c in [t, *t.children]):
            return True
        if lemma == "deny" and any(c.dep_ == "dobj" and c.lemma_.lower() in _WITHHELD for c in children):
            return True
    if lemma == "tell" and not clause:
        objects = [c for c in children if c.dep_ == "dobj"]
        if any(o.lemma_.lower() in ("story", "tale", "joke", "truth", "lie", "difference", "time") for o in objects):
            return True
    return False


# Organisation nouns any company answers to ("the company", "the group", "the Oslo-based firm")
_COMPANY_NOUNS = frozenset("company firm group business corporation conglomerate maker manufacturer producer retailer lender insurer operator carrier developer"
                           " utility startup chain giant provider publisher".split())
# Objects of "say" that are no content: "said little", "said nothing more"
_NOTHING = frozenset("little nothing much anything something more less few lot so".split())
# What one says that is no content: "said goodbye to the players", "said a prayer"
_RITUAL = frozenset("goodbye goodbyes farewell farewells hello prayer prayers grace mass rosary vow vows".split())
# Verbs that put a label on their object: a quoted label is the subject's words
# Titles news writing abbreviates before a name ("Sen. Mark Roe" is the senator)
_TITLES = {"Sen": "senator", "Rep": "representative", "Gov": "governor", "Gen": "general", "Lt": "lieutenant",
           "Col": "colonel", "Capt": "captain", "Sgt": "sergeant", "Dr": "doctor", "Prof": "professor",
           "Insp": "inspector", "Det": "detective", "Supt": "superintendent", "Cllr": "councillor",
           "Pres": "president", "Amb": "ambassador", "Atty": "attorney", "Rev": "reverend", "Adm": "admiral",
           "Maj": "major", "Cmdr": "commander", "Sec": "secretary", "Gov.-Gen": "governor-general"}
# Titles before a name that say the role in another word: "Justice X" is a judge
_TITLE_ROLES = {"justice": "judge"}


def _formal_title(title: str, head: str) -> bool:
    """``title`` (the words right before a name) ends in capitalised words, one of them the
    role ``head`` (or a title of it): "Outside court, Detective Senior Sergeant"."""
    words = re.findall(r"[\w’'-]+", title.rstrip(", "))
    ranks = []
    for word in reversed(words):
        if not word[:1].isupper():
            break
        ranks.append(_TITLE_ROLES.get(word.lower(), word.lower()))
    return head in ranks


_ABBREVIATED = re.compile(r"\b(" + "|".join(re.escape(t) for t in _TITLES) + r")\.?\s+(?=(?:[A-Z][\w'’-]*\s+)?\Z)")
# Things that "say" or "tell" only in a figure of speech: no one speaks through them
_FIGURATIVE = frozenset("""history law rule sign clock face silence logic wisdom theory tradition experience
instinct gut heart number numbers math maths arithmetic physics nature""".split())
_LABELLING = frozenset("call describe label brand dub".split())
# Records that speak for those who keep them ("the ministry's calendar lists a meeting", "emails
# show that ..."): a cue when one of these verbs has one of these nouns for its subject
_RECORDS = frozenset("""calendar calendars diary diaries register itinerary minutes log logs record records email
emails document documents schedule agenda photograph photographs photo photos footage filing filings ledger
transcript transcripts manifest manifests sheet sheets book books video videos recording recordings roster
invoice invoices receipt receipts""".split())
_RECORDING = frozenset("record list show note reveal indicate suggest mention place put name log".split())
# what may come before a story's first words: nothing, or a dateline ("MANILA, Philippines — ", "BENGALURU: ")
_LEDE_START = re.compile(r"\A\s*(?:[A-Z][^\n]{0,80}?(?:\s[-–—]|:))?\s*\Z")
# Documents that speak for whoever issued them ("the company's statement said")
_DOCUMENTS = frozenset("statement letter release filing memo email e-mail message post notice announcement submission".split())
# What is denied to someone rather than denied to be true
_WITHHELD = frozenset("entry access permission bail visa visas permit permits passage request application appeal motion petition".split())


def _called_for(token: Token) -> Token | None:
    """The object of "called for" ("X called for an inquiry", "called for the review to be led by a
    judge"): a demand made in words (not "called on X", "called off"; "called for a taxi" is rare in news)."""
    if token.pos_ != "VERB" or token.lemma_.lower() != "call":
        return None
    # (or the clause "for" opens: "called for the review to be led by a judge" parses as for-to)
    return next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "for" and c.i == token.i + 1
                 for g in c.children if g.dep_ == "pobj"), None) or next(
        (c for c in token.children if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" and m.i == token.i + 1
                                                                for m in c.children)), None)


def _phrasal_cue(token: Token) -> bool:
    """"shot back that", "fired back", "hit back", "pointed out that": speech verbs made of a
    verb and its particle."""
    return token.pos_ == "VERB" and any(c.dep_ in ("prt", "advmod") and c.i == token.i + 1 and (token.lemma_, c.lower_) in _PHRASAL
                                        for c in token.children)


_PHRASAL = {("shoot", "back"), ("fire", "back"), ("hit", "back"), ("point", "out"), ("speak", "out")}


def _made_plain(token: Token) -> Token | None:
    """"made clear that ...", "made it plain that ...": the that-clause under the adjective is
    what the subject said."""
    if token.pos_ != "VERB" or token.lemma_.lower() != "make":
        return None
    for adjective in (c for c in token.children if c.lower_ in ("clear", "plain") and c.i > token.i):
        clause = next((c for c in adjective.children if c.dep_ in ("csubj", "advcl", "ccomp")
                       and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
        if clause is not None:
            return clause
    return None


def _put_it_to(token: Token) -> Token | None:
    """"X put it to the nurse that ...": a question or claim put to someone (court and
    interview reporting), a cue with a "that" clause (the parser may hang it on the witness)."""
    if token.lemma_ != "put" or not any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children):
        return None
    to = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    if to is None:
        return None
    return next((t for t in token.subtree if t.i > to.i and t.dep_ in ("ccomp", "relcl", "advcl")
                 and any(g.dep_ == "mark" and g.lower_ == "that" for g in t.children)), None)


# what a source puts at a figure: "police put the crowd at 40,000", "the agency put the toll at 61"
_FIGURE_NOUNS = frozenset("""toll number figure crowd cost costs turnout losses loss damage damages size total value bill
price estimate count attendance casualties deaths dead""".split())


def _put_at(token: Token) -> tuple[Token, Token] | None:
    """(the figure's noun, its "at") of "X put the toll at 61": an estimate, a cue whose content is
    that phrase."""
    if token.lemma_ != "put" or token.pos_ != "VERB":
        return None
    noun = next((c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in _FIGURE_NOUNS), None)
    at = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "at" and c.i > token.i), None)
    if noun is None or at is None or not any(t.like_num or t.pos_ == "NUM" for t in at.subtree):
        return None
    return noun, at


def _whole_quote(sentence: str) -> bool:
    """A sentence that is one quotation (its final period may stand outside the marks)."""
    stripped = sentence.strip()
    return stripped[:1] in _QUOTES and stripped.rstrip(".")[-1:] in _QUOTES


@functools.lru_cache(maxsize=8)
def _paragraph_index(text: str):
    breaks = [m.start() for m in re.finditer(r"\n\s*\n", text)]
    return lambda offset: bisect.bisect_right(breaks, offset)


class _Span:
    """A turn's words at [start, end) in the shape of a label match (``start()``, ``group(2)``, ...)."""

    def __init__(self, start: int, end: int, text: str = ""):
        self._start, self._end, self._text = start, end, text

    def start(self, group: int = 0) -> int:
        return self._start

    def end(self, group: int = 0) -> int:
        return self._end

    def group(self, group: int = 0) -> str:
        return self._text


class _Turn(_Span):
    """A label match whose words are its group ``words``."""

    def __init__(self, match: re.Match, words: int):
        super().__init__(match.start(words), match.end(words), match.group(words))
        self._line = match.start()

    def start(self, group: int = 0) -> int:
        return self._line if group == 0 else self._start


@dataclass(frozen=True)
class Attribution:
    """The statements stage's record for the stages after it: the statements and anonymous
    sources with their offsets, and what it learnt of the speakers."""

    statements: tuple[dict, ...] = ()  # in the order found, each with its document ``id``
    anonymous: Mapping[str, dict] = field(default_factory=lambda: MappingProxyType({}))  # local id -> record
    gender: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # person -> "m" / "f"
    last_plural: str | None = None  # the last plural source that spoke (what a later "they" is)

    def context(self, index: ArticleIndex) -> Context:
        """A later stage's working context: copies of these records, and an attributor over them."""
        context = Context(index, self.statements, self.anonymous)
        context.attributor = Attributor(context, self.gender, self.last_plural)
        return context


def extract_statements(index: ArticleIndex) -> tuple[list[dict], list[dict], Attribution]:
    """The document's ``statements`` and ``anonymous`` entries, and the record later stages read."""
    context = Context(index)
    attributor = Attributor(context)
    attributor.run()
    for number, record in enumerate(sorted(context.statements, key=lambda r: r["start"]), start=1):
        record["id"] = f"statement-{number}"
    found = Attribution(tuple(context.statements), MappingProxyType(context.anonymous),
                        MappingProxyType(attributor.gender), attributor.last_plural)
    return statement_items(index.text, context.statements), anonymous_items(index.text, context.anonymous), found


def anonymous_items(text: str, anonymous: Mapping[str, dict]) -> list[dict]:
    """The document entries of these anonymous sources."""
    items = []
    for local, record in anonymous.items():
        item: dict = {"id": local, "description": span_value(text, record["start"], record["end"])}
        mentions = [span_value(text, s, e) for s, e in dict.fromkeys(record["mentions"])]
        if mentions:
            item["mentions"] = mentions
        items.append(item)
    return items


def statement_items(text: str, statements: list[dict]) -> list[dict]:
    """The document entries of these statements (numbered), in text order."""
    items = []
    for record in sorted(statements, key=lambda r: r["start"]):
        item = {"id": record["id"], "sources": list(dict.fromkeys(record["sources"])), "cue": record["cue"],
                "mode": record["mode"], "text": span_value(text, record["start"], record["end"])}
        if record.get("channel"):
            item["channel"] = record["channel"]
        items.append(item)
    return items
