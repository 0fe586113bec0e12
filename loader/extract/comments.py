"""Stage 6: unanswered requests for comment.

Input: the parse and the attribution context; output: ``comment_requests`` entries.
The phrases journalists use for a party that did not answer:

* "did not respond", "has not responded", "did not reply", "did not return/answer calls" -> did not respond
* "could not be reached", "was not available for comment" -> could not be reached
* "declined to comment", "offered no comment", "would not comment", "had no comment" -> no comment

The party is the subject of the phrase's verb (several joined by "and" give one request
each), resolved like a speaker: names, he/she, "the source", or an anonymous
description ("the NRF's official spokesperson"); any other noun phrase subject is an
anonymous party described by its own words ("Her lawyer declined to comment").
"""

from __future__ import annotations

import re

from .attribution import Context
from .document import span_value

PHRASES = (
    (re.compile(r"\b(?:did not|didn['’]t|has not|have not|had not|hasn['’]t|haven['’]t) (?:immediately )?(?:respond|responded|reply|replied|return(?:ed)?|answer(?:ed)?)\b"), "did not respond"),
    (re.compile(r"\b(?:could not|couldn['’]t|cannot|can not) (?:immediately )?be reached\b|\b(?:was|were) not (?:immediately )?available for comment\b"), "could not be reached"),
    (re.compile(r"\b(?:declined|refused) to comment\b|\b(?:offered|had|gave) no comment\b|\bwould not comment\b|\bdeclined comment\b"), "no comment"),
)


def add_comment_requests(context: Context) -> None:
    """Fill ``comment_requests`` in ``context.out`` (and any new anonymous parties)."""
    from .attribution import write_sections

    text, doc = context.text, context.doc
    attributor = context.attributor
    requests = []
    seen = set()
    for pattern, response in PHRASES:
        for match in pattern.finditer(text):
            if context.inside_quote(match.start()):
                continue
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None:
                continue
            verb = span.root  # respond, reached, declined, offered
            subject = next((c for t in [verb, *verb.ancestors][:2] for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None:
                continue
            parties = attributor.speakers(subject)
            for head in [subject, *subject.conjuncts]:
                # the subject of "did not respond" is a party by construction: a noun phrase the
                # attributor does not know as a source ("Her lawyer", "his press office") is one
                if head.pos_ == "NOUN" and not attributor.speakers(head) and not context.inside_quote(head.idx):
                    from .attribution import _np_span
                    parties.append(context.add_anonymous(*_np_span(head)))
            start = min(t.idx for t in subject.subtree if t.dep_ not in ("punct",))
            sent_end = verb.sent.end_char
            clause_end = re.search(r"[,.;]|\s\bwhen\b|\n", text[match.end() : sent_end])
            end = match.end() + (clause_end.start() if clause_end else sent_end - match.end())
            if start >= match.start() or end <= start:
                continue
            for party in parties:
                if (party, response) in seen:
                    continue
                seen.add((party, response))
                requests.append({"party": party, "response": response, "evidence": span_value(text, start, end)})
    write_sections(context)
    context.out["comment_requests"] = requests
