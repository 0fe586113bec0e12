"""Stage 6: unanswered requests for comment.

Input: the article index and the statements stage's record; output: ``comment_requests``
entries, and the anonymous parties only they name.
The phrases journalists use for a party that did not answer:

* "did not respond", "has not responded", "did not reply", "did not return/answer calls",
  "has yet to respond", "failed to reply", "neither X nor Y responded", "messages left for X
  were not returned", "calls to X went unanswered" -> did not respond
* "could not be reached", "could not be contacted", "was not available / unavailable for
  comment" -> could not be reached
* "declined to comment", "offered no comment", "would not comment", "had no comment", "would not
  say whether", "would not confirm", "would not be drawn on",
  "did not comment", "declined to be interviewed / to discuss", "declined requests for comment" -> no comment

The party is the subject of the phrase's verb (several joined by "and", "neither ... nor"
give one request each; so does "..., nor did Y"), resolved like a speaker: names, he/she,
"the source", or an anonymous description ("the NRF's official spokesperson"); a noun
phrase subject naming people or a body is an anonymous party described by its own words
("Her lawyer declined to comment", "The Grantley campaign did not respond"). For the
unanswered messages the party is whom they were left for.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .attribution import ORG_NOUNS, Attribution, anonymous_items, np_span, names_people
from .index import ArticleIndex, Context
from .records import span_value

_NOT = r"(?:did not|didn['’]t|does not|doesn['’]t|has not|have not|had not|hasn['’]t|haven['’]t|would not|wouldn['’]t)"
_ADVERB = r"(?:immediately |publicly |yet |directly )?"
PHRASES = (
    # "did not respond/return/answer" is a request for comment only when what went
    # unanswered is one ("to a request", "calls", "questions") or nothing follows: "did not
    # respond to the protests", "did not return to the office" are not (see _about_comment)
    (re.compile(rf"\b{_NOT} {_ADVERB}(?:respond|responded|reply|replied|return(?:ed)?|answer(?:ed)?)\b"
                r"|\b(?:has|have|had) yet to (?:respond|reply|return)\b|\bfailed to (?:respond|reply|return)\b"), "did not respond", True),
    # "Neither X nor Y responded": the negation is on the subject
    (re.compile(r"\b(?:responded|replied|returned|answered)\b"), "did not respond", True),
    # "Messages left for X were not returned", "calls to X went unanswered": X did not respond
    (re.compile(r"\b(?:was|were|have|has|had) not (?:been )?(?:immediately )?(?:returned|answered)\b|\bwent unanswered\b"), "did not respond", False),
    (re.compile(r"\b(?:could not|couldn['’]t|cannot|can not) (?:immediately )?be (?:reached|contacted|located)\b"
                r"|\b(?:was|were|is|are) (?:not (?:immediately )?available|unavailable) (?:for|to) comment\b"
                # "X was not immediately available": the "immediately" says it was for comment
                r"|\b(?:was|were|is|are) not immediately (?:available|reachable)\b"), "could not be reached", False),
    (re.compile(r"\b(?:declined|refused) to comment\b|\b(?:declined|refused), [^,.;\n]{1,60}, to comment\b|\b(?:offered|had|gave|made) no (?:immediate |further |public )?comment\b|\bdeclined comment\b"
                rf"|\b{_NOT} {_ADVERB}comment(?:ed)?\b|\b(?:declined|refused) to (?:be interviewed|discuss)\b"
                # "declined to say how many", "refused to elaborate", "declined to give his name"
                r"|\b(?:declined|refused) to (?:say|elaborate|specify|disclose|reveal|identify|confirm|answer|explain|name"
                r"|give (?:\w+ )?(?:name|details|reasons?|figures?|comment)|provide (?:\w+ )?(?:details|comment))\b"
                # "would not say what was discussed", "would not confirm the figure", "would not be drawn on"
                r"|\b(?:would|will) not (?:say|confirm|disclose|reveal|specify|elaborate|explain|discuss)\b"
                r"(?=\s+(?:what|whether|if|how|when|where|why|who|which|that|the|its|his|her|their|any|on)\b|[.,;])"
                r"|\b(?:would|will) not be drawn\b"
                # "refused to speak to reporters", "declined to talk to the press"
                r"|\b(?:declined|refused) to (?:speak|talk) (?:to|with) (?:the )?(?:media|press|reporters|journalists|[A-Z][\w’']+)\b"
                r"|\b(?:declined|refused|ignored|turned down) (?:an? |the )?(?:repeated |several |multiple )?(?:interview )?"
                r"requests? for (?:comment|an interview)\b"
                r"|\b(?:declined|refused|turned down) (?:an? |the )?(?:repeated |several |multiple )?interview requests?\b"), "no comment", False),
    # "Neither X nor Y would comment": the negation is on the subject, as for "responded"
    (re.compile(r"\b(?:would|could|did|will) comment\b"), "no comment", False),
    # "Attempts to reach X for comment were unsuccessful": X could not be reached
    (re.compile(r"\b(?:were|was|have been|had been|proved) (?:un(?:successful|answered)|not successful|in vain|fruitless)\b"
                r"|\b(?:failed|were unsuccessful|was unsuccessful)\b"
                # "Nobody at X was available for comment", "No one at X could be reached"
                r"|\b(?:was|were|is|are) (?:immediately )?available (?:for|to) comment\b|\bcould (?:immediately )?be (?:reached|contacted)\b"),
     "could not be reached", False),
    # "X was unavailable Monday": only when nothing but a time follows (see _about_comment)
    (re.compile(r"\b(?:was|were|is|are|has been|have been) unavailable\b"), "could not be reached", True),
)
# What a request for comment is made by: "did not respond to a request / to questions / to calls"
# (or a deadline for it: "had not responded by the time of publication", "by press time")
_REQUEST_WORDS = re.compile(r"\b(?:comment|request|call|message|e-?mail|inquir|enquir|question|quer|phone|text|letter|voicemail|interview"
                            r"|attempts? to (?:reach|contact)|efforts? to (?:reach|contact)"
                            r"|publication|press time|deadline|time of writing)", re.I)
# Nouns of the messages that went unanswered ("Messages left for X were not returned")
_MESSAGE_NOUNS = frozenset("message call email e-mail request inquiry enquiry question voicemail letter text".split())
# A body that may be asked for comment besides people and organisation nouns ("his press office")
_BODY_NOUNS = frozenset("office embassy administration department team family spokesperson".split())


def extract_comment_requests(index: ArticleIndex, attribution: Attribution) -> tuple[list[dict], list[dict]]:
    """The document's ``comment_requests``, and the anonymous parties that only they name
    ("a spokesman ... did not respond")."""
    context = attribution.context(index)
    known = set(context.anonymous)
    text, doc = context.text, context.doc
    requests: list[tuple[int, dict]] = []
    seen = set()
    for pattern, response, needs_request in PHRASES:
        for match in pattern.finditer(text):
            if context.inside_quote(match.start()):
                continue  # someone's own words, not the reporter's request
            holder = next((r for r in context.statements if r["start"] <= match.start() < r["end"]), None)
            if holder is not None and response != "no comment":
                continue  # reported words ("X said he had not responded to the letter")
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None:
                continue
            verb = span.root  # respond, reached, declined, offered
            sent_end = verb.sent.end_char
            clause_end = re.search(r"[,.;]|\s\bwhen\b|\n", text[match.end() : sent_end])
            end = match.end() + (clause_end.start() if clause_end else sent_end - match.end())
            if needs_request and not _about_comment(text[match.end() : end]):
                continue
            subject = _subject(verb)
            if subject is None:
                continue
            if re.search(r"\b(?:identify|name)\b", match.group(0)) and any(
                    t.dep_ == "relcl" for t in [verb, *verb.ancestors][:3]):
                continue  # "a man who declined to identify himself / give his name": anonymity, not a refusal
            if pattern in (PHRASES[1][0], PHRASES[5][0]) and not any(t.lower_ == "neither" for t in subject.subtree) \
                    and not _nobody(subject):
                continue  # a plain "responded" is an answer: only "neither ... nor ... responded" (or "no one answered") is none
            start = min(t.idx for t in subject.subtree if t.dep_ not in ("punct",))
            if start >= match.start() or end <= start:
                continue
            if holder is not None:
                # "X said it had no comment", "a spokesman said the company would not comment":
                # a refusal reported in the speaker's words; "it"/"she" is the speaker
                if start < holder["start"]:
                    continue
                client = subject.lemma_.lower() == "client" and any(c.tag_ == "PRP$" for c in subject.children)
                if client:
                    # "X's lawyer said his client would not comment": the person the lawyer's
                    # description names
                    described = [context.entity_at(t.idx, t.idx + len(t)) for local in holder["sources"]
                                 if local in context.anonymous
                                 for t in doc.char_span(context.anonymous[local]["start"], context.anonymous[local]["end"],
                                                        alignment_mode="expand") or []]
                    people = list(dict.fromkeys(h[0] for h in described if h and h[1] == "person"))
                    if len(people) == 1:
                        if (people[0], response) not in seen:
                            seen.add((people[0], response))
                            requests.append((match.start(), {"party": people[0], "response": response,
                                                             "evidence": span_value(text, holder["start"], end)}))
                        continue
                if subject.lower_ in _SELF:
                    for party in holder["sources"]:
                        if (party, response) not in seen:
                            seen.add((party, response))
                            requests.append((match.start(), {"party": party, "response": response,
                                                             "evidence": span_value(text, holder["start"], end)}))
                    continue
            if pattern is PHRASES[2][0]:
                heads = _messages_for(subject)
            elif pattern is PHRASES[6][0]:  # only about attempts to reach someone, or nobody there
                heads = _attempts_to_reach(subject) or _nobody_at(subject, verb)
            elif _nobody(subject):
                heads = _nobody_at(subject, verb)
            else:
                heads = [subject]
            # "A and B met on Monday. Neither could be reached for comment." / "Both declined to comment."
            group = _group_before(context, subject)
            if group:
                heads = []
            elif not heads:
                continue
            # a phrase about comment ("declined to comment", "could not be reached for comment")
            # makes any noun subject a party; a bare one ("could not be reached") only a noun
            # for people or a body ("an agreement could not be reached" is no party)
            certain = response == "no comment" or _about_comment(text[match.end() : end], bare=False)
            parties = group + [p for head in heads for p in _parties(context, head, certain)]
            parties += [p for other in _nor_did(verb, match.end()) for p in _parties(context, other, certain)]
            for party in parties:
                if (party, response) in seen:
                    continue
                seen.add((party, response))
                requests.append((match.start(), {"party": party, "response": response, "evidence": span_value(text, start, end)}))
    for record in context.statements:
        if re.fullmatch(r"\W*(?:(?:he|she|it|they|we) (?:had|has|have|would have) )?[\"“]?no comment\W*",
                        text[record["start"] : record["end"]], re.I):
            # “No comment,” Holt said. / Holt told the Herald he had "no comment."
            for party in record["sources"]:
                if (party, "no comment") not in seen:
                    seen.add((party, "no comment"))
                    sent = doc.char_span(record["start"], record["end"], alignment_mode="expand")
                    evidence = (sent.sent.start_char, sent.sent.end_char) if sent is not None else (record["start"], record["end"])
                    requests.append((record["start"], {"party": party, "response": "no comment",
                                                       "evidence": span_value(text, *evidence)}))
    requests += _no_reply(context, seen)
    requests += _neither_did(context, requests, seen)
    new = {local: record for local, record in context.anonymous.items() if local not in known}
    return [r for _, r in sorted(requests, key=lambda r: r[0])], anonymous_items(text, new)


def _about_comment(rest: str, bare: bool = True) -> bool:
    """The words after "did not respond" up to the clause's end name a request (or, with
    ``bare``, there are none but when: "did not immediately respond.", "did not respond on
    Thursday")."""
    rest = rest.strip()
    if bare:
        rest = _WHEN.sub("", rest).strip()
    return bare and not rest or bool(_REQUEST_WORDS.search(rest))


# Words of when (or how soon) after a phrase: "immediately", "on Thursday", "Saturday", "by Friday"
_WHEN = re.compile(r"\b(?:immediately|right away|yet|so far|in time|(?:on |by |until |this |last |late |early )?"
                   r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|week|morning|afternoon|evening|night"
                   r"|today|yesterday|tonight)(?:'s)?)\b", re.I)


def _subject(verb: Token) -> Token | None:
    """The subject of the phrase's verb or of the verb it hangs on ("declined to comment");
    "X, who declined to comment" is X."""
    if verb.dep_ == "conj" and verb.head.dep_ in ("ccomp", "advcl") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        # "X declined to say how the leak happened and did not respond to ...": the parse
        # joined the second verb to the clause; it goes with the main one
        main = next((a for a in verb.head.ancestors if any(c.dep_ in ("nsubj", "nsubjpass") for c in a.children)), None)
        if main is not None:
            verb = main
    subject = next((c for t in [verb, *verb.ancestors][:2] for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in ("who", "which", "that"):
        clause = next((t for t in [verb, *verb.ancestors] if t.dep_ == "relcl"), None)
        subject = clause.head if clause is not None else None
    return subject


def _group_before(context: Context, subject: Token) -> list[str]:
    """"Neither", "Both", "Neither of them", "Both men": the parties named together as the subject
    of the sentence before (two at least)."""
    det = next((c for c in subject.children if c.dep_ in ("det", "predet", "preconj") and c.lower_ in ("both", "neither")), None)
    if subject.lower_ in ("both", "neither"):
        if any(c.dep_ not in ("punct", "prep") or c.dep_ == "prep" and c.lower_ != "of" for c in subject.children):
            return []
    elif det is None or subject.pos_ != "NOUN" or any(c.dep_ not in ("det", "predet", "preconj", "punct") for c in subject.children):
        return []
    sent = subject.sent
    if sent.start == 0:
        return []
    before = subject.doc[sent.start - 1].sent
    if context.text.count("\n\n", before.start_char, sent.start_char):
        return []  # (another paragraph)
    for t in before:
        if t.dep_ in ("nsubj", "nsubjpass") and t.conjuncts and not context.inside_quote(t.idx):
            parties = context.attributor.speakers(t, cue=True)
            if len(parties) >= 2:
                return parties
    return []


def _messages_for(subject: Token) -> list[Token]:
    """Whom unanswered messages were for: "Messages left for X", "calls to X's office"."""
    if subject.lemma_.lower() not in _MESSAGE_NOUNS:
        return []
    return [g for t in subject.subtree if t.dep_ in ("prep", "conj", "dative") and t.lower_ in ("for", "to", "with")
            for g in t.children if g.dep_ == "pobj"]


def _attempts_to_reach(subject: Token) -> list[Token]:
    """Whom the failed attempts were to reach: "Attempts to reach X for comment were
    unsuccessful", "Efforts to contact X and Y failed"."""
    if subject.lemma_.lower() not in ("attempt", "effort", "try", "bid"):
        return []
    return [g for t in subject.subtree if t.dep_ in ("acl", "relcl") and t.lemma_.lower() in ("reach", "contact")
            for g in t.children if g.dep_ == "dobj"]


def _nobody(subject: Token) -> bool:
    return subject.lower_ in ("nobody", "none") or subject.lower_ == "one" and any(c.lower_ == "no" for c in subject.children)


def _nobody_at(subject: Token, verb: Token | None = None) -> list[Token]:
    """"Nobody at X was available for comment", "No one from X could be reached", "No one
    answered the phone at X": X."""
    if not _nobody(subject):
        return []
    found = [g for t in subject.children if t.dep_ == "prep" and t.lower_ in ("at", "from", "in", "with")
             for g in t.children if g.dep_ == "pobj"]
    if not found and verb is not None:
        # the place of the unanswered phone: a phrase of the verb or of its object
        places = [c for c in verb.children if c.dep_ == "prep"] + [
            c for o in verb.children if o.dep_ == "dobj" for c in o.children if c.dep_ == "prep"]
        found = [g for t in places if t.lower_ in ("at", "from") for g in t.children if g.dep_ == "pobj"]
    return found


def _nor_did(verb: Token, after: int) -> list[Token]:
    """"X did not respond, nor did Y" / "and neither did Y" / "X declined to comment, as did
    Y": Y, a party too."""
    found = []
    for t in verb.sent:
        if t.idx < after or t.lemma_ not in ("do", "have", "be", "can", "will"):
            continue
        if any(c.lower_ in ("nor", "neither") for c in t.children) or t.i > 0 and t.doc[t.i - 1].lower_ in ("nor", "neither", "as"):
            found += [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
    return found


def _parties(context: Context, subject: Token, certain: bool) -> list[str]:
    """The parties a subject names: those the attributor knows, and a noun phrase (when not
    ``certain``, one naming people or a body: "Her lawyer", "his press office") as an
    anonymous party; a thing ("an agreement could not be reached") is none."""
    attributor = context.attributor
    owner = _owning_body(context, subject)
    if owner:
        return [owner]
    parties = attributor.speakers(subject, cue=True)
    for head in [subject, *subject.conjuncts]:
        # (a conjunct alone: "speakers" of "the central bank" in "X and the central bank" holds X too)
        if head.pos_ != "NOUN" or context.inside_quote(head.idx) or (
                attributor.speakers(head, cue=True) if head is subject else attributor.party(head, cue=True)):
            continue
        words = {head.lemma_.lower(), head.lower_}
        if certain or names_people(head) or words & ORG_NOUNS or words & _BODY_NOUNS:
            parties.append(context.add_anonymous(*np_span(head)))
    return parties


def _owning_body(context: Context, head: Token) -> str | None:
    """"The hospital's administration", "its press office", "ECCC's media relations office":
    a body's office answers for the body (a person's office is left as told: it may be the
    person or the ministry they run)."""
    if head.lemma_.lower() not in ("office", "administration"):
        return None
    for child in head.children:
        if child.dep_ == "poss":
            owner = context.attributor.recent_subject_organisation(child) if child.lower_ == "its" \
                else context.attributor.party(child, cue=True)
            if owner and context.kind_of(owner) == "organisation":
                return owner
    return None


# Subjects that, inside a statement, are its speaker: "X said it had no comment"
_SELF = frozenset("he she it they we i".split())
# "There was no immediate response from X": X did not respond (or gave no comment)
_NO_RESPONSE_FROM = re.compile(r"\b(?:there was|there has been|there had been) no (?:immediate |official )?(response|reply|answer|comment)\b", re.I)
# "The Herald was unable to reach X", "Reporters could not reach X for comment"
_UNABLE_TO_REACH = re.compile(r"\b(?:was|were|have been|has been|had been) unable to (?:reach|contact)\b"
                              r"|\b(?:could not|couldn['’]t) (?:immediately )?(?:reach|contact)\b"
                              r"|\btried (?:unsuccessfully |in vain )?to (?:reach|contact)\b(?=[^.;]*\b(?:unsuccessful|in vain|without success|no (?:response|reply|answer))\b)"
                              r"|\btried unsuccessfully to (?:reach|contact)\b")
# "The Herald contacted X for comment but received no reply", "... did not hear back from X"
_NO_REPLY = re.compile(r"\b(?:received|got|had|has had) no (?:response|reply|answer|word)\b"
                       r"|\b(?:did not|didn['’]t|has not|have not|had not) (?:yet )?(?:receive|received|get|got) (?:a |any )?(?:response|reply|answer)\b"
                       r"|\b(?:did not|didn['’]t|has not|have not|had not) (?:yet )?heard? back\b")
_ASKING = frozenset("contact ask approach email e-mail call phone message write text reach query".split())


def _no_reply(context: Context, seen: set) -> list[tuple[int, dict]]:
    """Requests the reporter says went unanswered, with the party as the object of the
    asking: "There was no response from X", "The Herald was unable to reach X", "We
    contacted X for comment but received no reply", "... did not hear back from X"."""
    text, doc = context.text, context.doc
    found: list[tuple[int, dict]] = []

    def add(heads: list[Token], response: str, start: int, end: int, certain: bool = False) -> None:
        # (only people or bodies unless the words are about comment: "could not reach the fire" is none)
        certain = certain or _about_comment(text[start:end], bare=False)
        for head in heads:
            for party in _parties(context, head, certain):
                if (party, response) not in seen:
                    seen.add((party, response))
                    found.append((start, {"party": party, "response": response, "evidence": span_value(text, start, end)}))

    def clause_end(offset: int, sent_end: int) -> int:
        m = re.search(r"[.;]|\n", text[offset:sent_end])
        return offset + (m.start() if m else sent_end - offset)

    for pattern in (_NO_RESPONSE_FROM, _UNABLE_TO_REACH, _NO_REPLY):
        for match in pattern.finditer(text):
            if context.inside_quote(match.start()) or any(r["start"] <= match.start() < r["end"] for r in context.statements):
                continue
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None:
                continue
            sent = span.sent
            if pattern is _NO_RESPONSE_FROM:
                noun = next((t for t in span if t.lower_ in ("response", "reply", "answer", "comment")), None)
                froms = [c for c in (noun.children if noun is not None else []) if c.dep_ == "prep" and c.lower_ == "from"]
                froms += [c for c in (noun.head.children if noun is not None else []) if c.dep_ == "prep" and c.lower_ == "from"]
                heads = [g for f in froms for g in f.children if g.dep_ == "pobj"]
                response = "no comment" if match.group(1).lower() == "comment" else "did not respond"
                add(heads, response, match.start(), clause_end(match.end(), sent.end_char))
            elif pattern is _UNABLE_TO_REACH:
                verb = next((t for t in span if t.lemma_ in ("reach", "contact")), None)
                heads = [c for c in (verb.children if verb is not None else []) if c.dep_ == "dobj"]
                add(heads, "could not be reached", sent.start_char, clause_end(match.end(), sent.end_char))
            else:
                back = [c for t in span for c in t.children if c.dep_ == "prep" and c.lower_ == "from"]
                heads = [g for f in back for g in f.children if g.dep_ == "pobj"]
                if not heads:
                    # the asking verb before it in the sentence: "contacted X ... but received no reply"
                    asking = [t for t in sent if t.i < span.start and t.lemma_.lower() in _ASKING and t.pos_ == "VERB"
                              and not context.inside_quote(t.idx)]
                    heads = [c for t in asking[-1:] for c in t.children if c.dep_ in ("dobj", "dative")]
                add(heads, "did not respond", sent.start_char, clause_end(match.end(), sent.end_char), certain=bool(back) or None)
    return found


def _neither_did(context: Context, requests: list[tuple[int, dict]], seen: set) -> list[tuple[int, dict]]:
    """"X did not respond to a request for comment. Neither did Y." / "Nor did Y." / "Y did
    not either.": Y gave the same answer as the request in the sentence before."""
    text, doc = context.text, context.doc
    found: list[tuple[int, dict]] = []
    for sent in doc.sents:
        m = re.fullmatch(r"\s*(?:(?:Neither|Nor|And neither|And nor) (?:did|had|has|have|would|could|was|were)\s+(?P<a>.+?)"
                         r"|(?P<b>.+?) (?:did not|didn['’]t|had not|has not|would not|could not) either)[.!]?\s*", sent.text)
        if not m or sent.start == 0:
            continue
        before = doc[sent.start - 1].sent
        earlier = [r for offset, r in requests if before.start_char <= offset < before.end_char]
        if not earlier:
            continue
        response = earlier[-1]["response"]
        group = "a" if m.group("a") else "b"
        named = doc.char_span(sent.start_char + m.start(group), sent.start_char + m.end(group), alignment_mode="expand")
        subjects = [named.root] if named is not None and not context.inside_quote(named.start_char) else []
        for subject in subjects:
            for party in _parties(context, subject, True):
                if (party, response) not in seen:
                    seen.add((party, response))
                    end = sent.end_char
                    while end > sent.start_char and text[end - 1] in ".! \n":
                        end -= 1
                    found.append((sent.start_char, {"party": party, "response": response,
                                                    "evidence": span_value(text, sent.start_char, end)}))
    return found
