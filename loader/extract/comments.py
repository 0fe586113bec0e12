"""Stage 6: unanswered requests for comment.

Input: the article index and the statements stage's record; output: ``comment_requests``
entries, and the anonymous parties only they name.
The phrases journalists use for a party that did not answer:

* "did not respond", "has not responded", "did not reply", "did not return/answer calls",
  "has yet to respond", "failed to reply", "neither X nor Y responded", "messages left for X
  were not returned", "calls to X went unanswered" -> did not respond
* "could not be reached", "could not be contacted", "was not available / unavailable for
  comment" -> could not be reached
* "declined to comment", "offered no comment", "would not comment", "had no comment",
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
    (re.compile(r"\b(?:could not|couldn['’]t|cannot|can not) (?:immediately )?be (?:reached|contacted)\b"
                r"|\b(?:was|were|is|are) (?:not (?:immediately )?available|unavailable) (?:for|to) comment\b"), "could not be reached", False),
    (re.compile(r"\b(?:declined|refused) to comment\b|\b(?:offered|had|gave) no comment\b|\bdeclined comment\b"
                rf"|\b{_NOT} {_ADVERB}comment(?:ed)?\b|\b(?:declined|refused) to (?:be interviewed|discuss)\b"
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
)
# What a request for comment is made by: "did not respond to a request / to questions / to calls"
# (or a deadline for it: "had not responded by the time of publication", "by press time")
_REQUEST_WORDS = re.compile(r"\b(?:comment|request|call|message|e-?mail|inquir|enquir|question|quer|phone|text|letter|voicemail|interview"
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
            if context.inside_quote(match.start()) or any(r["start"] <= match.start() < r["end"] for r in context.statements):
                continue  # someone's own words ("X said he had not responded to the letter"), not the reporter's request
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
            if pattern in (PHRASES[1][0], PHRASES[5][0]) and not any(t.lower_ == "neither" for t in subject.subtree):
                continue  # a plain "responded" is an answer: only "neither ... nor ... responded" is none
            start = min(t.idx for t in subject.subtree if t.dep_ not in ("punct",))
            if start >= match.start() or end <= start:
                continue
            if pattern is PHRASES[2][0]:
                heads = _messages_for(subject)
            elif pattern is PHRASES[6][0]:  # only about attempts to reach someone, or nobody there
                heads = _attempts_to_reach(subject) or _nobody_at(subject)
            else:
                heads = _nobody_at(subject) or [subject]
            if not heads:
                continue
            # a phrase about comment ("declined to comment", "could not be reached for comment")
            # makes any noun subject a party; a bare one ("could not be reached") only a noun
            # for people or a body ("an agreement could not be reached" is no party)
            certain = response == "no comment" or _about_comment(text[match.end() : end], bare=False)
            parties = [p for head in heads for p in _parties(context, head, certain)]
            parties += [p for other in _nor_did(verb, match.end()) for p in _parties(context, other, certain)]
            for party in parties:
                if (party, response) in seen:
                    continue
                seen.add((party, response))
                requests.append((match.start(), {"party": party, "response": response, "evidence": span_value(text, start, end)}))
    new = {local: record for local, record in context.anonymous.items() if local not in known}
    return [r for _, r in sorted(requests, key=lambda r: r[0])], anonymous_items(text, new)


def _about_comment(rest: str, bare: bool = True) -> bool:
    """The words after "did not respond" up to the clause's end name a request (or, with
    ``bare``, there are none: "did not immediately respond.")."""
    rest = rest.strip()
    return bare and not rest or bool(_REQUEST_WORDS.search(rest))


def _subject(verb: Token) -> Token | None:
    """The subject of the phrase's verb or of the verb it hangs on ("declined to comment");
    "X, who declined to comment" is X."""
    subject = next((c for t in [verb, *verb.ancestors][:2] for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in ("who", "which", "that"):
        clause = next((t for t in [verb, *verb.ancestors] if t.dep_ == "relcl"), None)
        subject = clause.head if clause is not None else None
    return subject


def _messages_for(subject: Token) -> list[Token]:
    """Whom unanswered messages were for: "Messages left for X", "calls to X's office"."""
    if subject.lemma_.lower() not in _MESSAGE_NOUNS:
        return []
    return [g for t in subject.subtree if t.dep_ in ("prep", "conj") and t.lower_ in ("for", "to", "with")
            for g in t.children if g.dep_ == "pobj"]


def _attempts_to_reach(subject: Token) -> list[Token]:
    """Whom the failed attempts were to reach: "Attempts to reach X for comment were
    unsuccessful", "Efforts to contact X and Y failed"."""
    if subject.lemma_.lower() not in ("attempt", "effort", "try", "bid"):
        return []
    return [g for t in subject.subtree if t.dep_ in ("acl", "relcl") and t.lemma_.lower() in ("reach", "contact")
            for g in t.children if g.dep_ == "dobj"]


def _nobody_at(subject: Token) -> list[Token]:
    """"Nobody at X was available for comment", "No one from X could be reached": X."""
    nobody = subject.lower_ in ("nobody", "none") or subject.lower_ == "one" and any(
        c.lower_ == "no" for c in subject.children)
    if not nobody:
        return []
    return [g for t in subject.children if t.dep_ == "prep" and t.lower_ in ("at", "from", "in", "with")
            for g in t.children if g.dep_ == "pobj"]


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
    parties = attributor.speakers(subject, cue=True)
    for head in [subject, *subject.conjuncts]:
        if head.pos_ != "NOUN" or context.inside_quote(head.idx) or attributor.speakers(head, cue=True):
            continue
        words = {head.lemma_.lower(), head.lower_}
        if certain or names_people(head) or words & ORG_NOUNS or words & _BODY_NOUNS:
            parties.append(context.add_anonymous(*np_span(head)))
    return parties
