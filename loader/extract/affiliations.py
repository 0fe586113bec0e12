"""Stage 4b: affiliations -- the roles and memberships the text gives people, with evidence.

Input: the parse and the resolved entities (through the shared :class:`Context`); output:
``affiliations`` in the curated format (person, organisation or location, role, qualifier,
evidence). Patterns, each over one person mention:

* apposition after the name: "X, head of foreign relations for Y", "X, a senior member of Y",
  "X, the former vice-president", "X, a spokesperson for Y";
* apposition before it: "Y's transport minister, X", "her Kenyan counterpart, X";
* a title before the name: "Infrastructure Minister X", "Y chief executive X",
  "the Y's acting foreign minister X";
* a copula: "X is the leader of Y", "X was chairman of Y";
* a relative clause: "X, who leads Y" (leader), "X, who heads Y", "X, who chairs Y",
  "X, who serves as Y's envoy", "X, who lives in Z" (resident).

The role is the title's own words (without the determiner, the qualifier and the phrase
naming the body); the body is the organisation or country named by a possessive, a
compound, "of/for/at/to/with Y" or a nationality adjective ("a Tanzanian minister");
the qualifier is one of acting, former, late, senior, self-declared. A phrase whose head is
not a role noun ("X, a city of two million") gives nothing: precision first.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .attribution import Context
from .document import span_value
from .institutions import country_for

# Heads of role phrases in news: offices, posts and memberships.
ROLE_NOUNS = frozenset("""
minister president vice-president chairman chairwoman chair chairperson chief executive director
secretary spokesperson spokesman spokeswoman leader head member founder co-founder commander
ambassador envoy governor mayor senator representative deputy official officer adviser advisor
manager coach captain editor correspondent professor lecturer researcher economist analyst
lawyer attorney judge prosecutor counsel chancellor premier king queen prince general colonel
negotiator mediator diplomat delegate candidate councillor councilor lawmaker legislator
owner partner treasurer administrator commissioner superintendent inspector principal dean rector
caretaker emir sheikh cleric bishop pastor imam rabbi campaigner activist organiser organizer
CEO CFO COO chief boss president-elect speaker whip secretary-general counterpart resident
""".split())
QUALIFIERS = {"acting": "acting", "former": "former", "ex": "former", "late": "late", "senior": "senior",
              "interim": "acting", "self-declared": "self-declared", "self-proclaimed": "self-declared",
              "self-styled": "self-declared"}
# "X, who leads Y": verbs of a relative clause and the role they give
LEADING_VERBS = {"lead": "leader", "head": "head", "chair": "chair", "run": "head", "found": "founder",
                 "co-found": "co-founder", "command": "commander", "manage": "manager", "coach": "coach",
                 "own": "owner", "represent": "representative", "direct": "director"}
# "Y appointed finance director X": the subject employs the person
EMPLOYING_VERBS = frozenset("dismiss sack fire appoint hire name sign recruit suspend promote replace".split())
BODY_PREPOSITIONS = ("of", "for", "at", "to", "with", "in", "from")


def add_affiliations(context: Context) -> None:
    """Fill ``affiliations`` in ``context.out`` (a person's fact once per body and role)."""
    seen: set[tuple] = set()
    out: list[dict] = []
    for record in find_affiliations(context):
        key = (record["person"], record.get("organisation"), record.get("location"), (record.get("role") or "").lower())
        if key in seen:
            continue
        seen.add(key)
        start, end = record.pop("start"), record.pop("end")
        record["evidence"] = span_value(context.text, start, end)
        out.append(record)
    context.out["affiliations"] = out


def find_affiliations(c: Context) -> Iterator[dict]:
    """Every affiliation the patterns find, in text order, with its evidence offsets."""
    for start, end, local, kind in c.mentions():
        if kind != "person" or c.inside_quote(start):
            continue
        span = c.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        yield from _around(c, span.root, local)


def _around(c: Context, name: Token, person: str) -> Iterator[dict]:
    own = {t.i for t in name.subtree if c.entity_at(t.idx, t.idx + len(t)) == (person, "person")}
    # "X, head of Y", "X, the former vice-president": apposition after the name
    appos = [ch for ch in name.children if ch.dep_ == "appos" and ch.i > name.i]
    for child in appos:
        if any(o.i == child.i + 1 and o.text == "-" for o in appos) or child.text == "-":
            continue  # "vice - president" parsed as three appositions: the last is the head
        extra = [o for o in appos if o.i < child.i and (o.text == "-" or any(h.i == o.i + 1 and h.text == "-" for h in appos))]
        yield from _role_phrase(c, child, person, name, extra=extra)
    # "Y's transport minister, X": the name is in apposition to the role
    if name.dep_ == "appos" and name.head.i < name.i:
        yield from _role_phrase(c, name.head, person, name)
    # "Infrastructure Minister X", "the Taliban's acting foreign minister X": a title before the name
    titles = [t for t in name.children if t.i < name.i and t.i not in own and t.dep_ in ("compound", "amod", "nmod")
              and _is_role(t)]
    if titles:
        # the body after the name ("state advocate X of the Y"), or the employer that hires or
        # dismisses the person ("Y appointed finance director X")
        after = [b for p in name.children if p.dep_ == "prep" and p.lower_ in ("of", "for", "at")
                 for g in p.children if g.dep_ == "pobj" for b in _bodies(c, g)]
        if not after and name.dep_ in ("dobj", "nsubjpass") and name.head.lemma_ in EMPLOYING_VERBS:
            subject = next((g for g in name.head.children if g.dep_ == "nsubj"), None)
            after = [b for b in _bodies(c, subject) if b[1] == "organisation"] if subject is not None else []
        yield from _role_phrase(c, titles[-1], person, name, before_name=True, bodies=after)
    # "X is the leader of Y"
    # "X is the leader of Y", "X became Y's minister of Z", "X was appointed chairman of Y"
    if name.dep_ == "nsubj" and name.head.lemma_ in ("be", "become", "remain") \
            or name.dep_ == "nsubjpass" and name.head.lemma_ in ("appoint", "name", "elect"):
        for attr in name.head.children:
            if attr.dep_ in ("attr", "oprd", "xcomp", "dobj") and attr.i > name.i:
                yield from _role_phrase(c, attr, person, name)
    # "X, who leads Y", "X, who serves as Y's envoy", "X, who lives in Z"
    for rel in name.children:
        if rel.dep_ == "relcl":
            # "A and B, who lives in Z": the clause is about the name just before it
            nearest = [p for p in c.people_before(rel.idx, 3) if p[0] >= name.sent.start_char]
            if nearest and nearest[-1][2] != person:
                other = next((t for t in name.conjuncts if c.entity_at(t.idx, t.idx + len(t)) == (nearest[-1][2], "person")), None)
                if other is not None:
                    yield from _relative(c, rel, nearest[-1][2], other)
                    continue
            yield from _relative(c, rel, person, name)
    for child in appos:  # "X, the former vice-president who declared himself acting president"
        for rel in child.children:
            if rel.dep_ == "relcl":
                yield from _relative(c, rel, person, name)


def _is_role(token: Token) -> bool:
    return token.lemma_.lower() in ROLE_NOUNS or token.lower_ in ROLE_NOUNS or token.text in ROLE_NOUNS


def _role_phrase(c: Context, head: Token, person: str, name: Token, before_name: bool = False,
                 extra: list[Token] = (), qualifier: str | None = None, bodies: list = ()) -> Iterator[dict]:
    """An affiliation for each body named by the role phrase headed by ``head``."""
    if not _is_role(head):
        return
    if head.lower_ == "counterpart":
        counterpart = True
    else:
        counterpart = False
    given = qualifier is not None
    outside = list(bodies)
    bodies: list[tuple[str, str]] = []
    role_tokens: list[Token] = []
    skip: set[int] = set()
    phrase = [t for t in head.subtree] if not before_name else [t for t in head.subtree if t.i < name.i]
    if extra:
        phrase = sorted([*phrase, *(x for e in extra for x in e.subtree)], key=lambda t: t.i)
    for t in head.subtree:
        if t.dep_ in ("relcl", "acl", "appos", "advcl") and t is not head:
            skip |= {x.i for x in t.subtree}
        if t.dep_ == "cc" or t.dep_ == "conj" and t.head is head and not _is_role(t):
            skip |= {x.i for x in t.subtree}
    for t in phrase:
        if t.i in skip or t is name or c.entity_at(t.idx, t.idx + len(t)) == (person, "person"):
            continue
        if t.dep_ == "prep" and t.lower_ in BODY_PREPOSITIONS:
            found = [b for g in t.children if g.dep_ == "pobj" for b in _bodies(c, g)]
            if found:
                bodies += found
                skip |= {x.i for x in t.subtree}
                continue
        if t.dep_ == "poss" or t.dep_ == "compound" and t.head is head and t.pos_ == "PROPN":
            found = _bodies(c, t)
            if found:
                bodies += found
                skip |= {x.i for x in t.subtree}
                continue
            if t.dep_ == "poss":
                skip |= {x.i for x in t.subtree}
                continue
        word = t.lower_.rstrip("-")
        if word in QUALIFIERS and t.i < head.i and not given:
            qualifier = qualifier or QUALIFIERS[word]
            continue
        if t.pos_ == "PRON":
            continue
        if t.dep_ in ("amod", "compound") and t.text[:1].isupper() and t.i < head.i:
            country = _nationality(c, t)
            if country and not counterpart:
                bodies.append(_government(c, country))
                continue
        if t.dep_ in ("det", "punct", "case") or t.pos_ in ("DET", "PUNCT") and t.text != "-":
            continue
        role_tokens.append(t)
    role_tokens = [t for t in role_tokens if t.i not in skip]
    if not role_tokens:
        return
    role = _words(c, role_tokens)
    # the evidence: the name with the whole role phrase (its body included, not its clauses)
    clauses = {x.i for t in head.subtree if t.dep_ in ("relcl", "acl", "advcl") and t is not head for x in t.subtree}
    if head.dep_ != "appos" or head.head is not name:
        clauses |= {x.i for t in head.subtree if t.dep_ == "appos" and t is not name and t.i > head.i for x in t.subtree}
    kept = [t.i for t in phrase if t.i not in clauses] + [_first_of_name(c, name, person), name.i]
    doc = head.doc
    first, last = min(kept), max(kept)
    while last > first and doc[last].is_punct and doc[last].text != ")":
        last -= 1
    if doc[last].text == ")" and "(" not in doc[first:last].text:
        last -= 1
    while first < last and (doc[first].is_punct or doc[first].dep_ == "det" and doc[first].i < head.i and before_name is False
                             and doc[first].head is head and head.i < name.i):
        first += 1
    for body in bodies or outside or [None]:
        if counterpart and body is None:
            return  # "her counterpart": whose counterpart is another fact
        record: dict = {"person": person, "role": role, "start": doc[first].idx, "end": doc[last].idx + len(doc[last])}
        if body is not None:
            record[body[1]] = body[0]
        if qualifier:
            record["qualifier"] = qualifier
        if body is None and not qualifier:
            continue  # "the firm's president": of which body the text does not say here
        yield record


def _relative(c: Context, rel: Token, person: str, name: Token) -> Iterator[dict]:
    verb = rel.lemma_.lower()
    objects = [g for g in rel.children if g.dep_ in ("dobj", "attr")]
    end_token = max(rel.subtree, key=lambda t: t.i)
    if verb in LEADING_VERBS:
        for obj in objects:
            for body in _bodies(c, obj):
                yield {"person": person, "role": LEADING_VERBS[verb], body[1]: body[0],
                       "start": name.doc[_first_of_name(c, name, person)].idx, "end": end_token.idx + len(end_token)}
    elif verb in ("declare", "proclaim", "name", "style"):
        # "who declared himself acting president": self-declared
        if any(g.lower_ in ("himself", "herself", "themselves") for g in rel.subtree):
            for obj in (g for g in rel.children if g.dep_ in ("dobj", "ccomp", "oprd", "xcomp")):
                role_head = obj if _is_role(obj) else next((x for x in obj.subtree if _is_role(x)), None)
                if role_head is not None:
                    for record in _role_phrase(c, role_head, person, name, qualifier="self-declared"):
                        record["start"] = rel.idx if rel.i > name.i + 3 else record["start"]
                        record["end"] = max(record["end"], role_head.idx + len(role_head))
                        yield record
    elif verb in ("serve", "work", "act"):
        for prep in (g for g in rel.children if g.dep_ == "prep" and g.lower_ == "as"):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                yield from _role_phrase(c, pobj, person, name)
    elif verb == "live":
        for prep in (g for g in rel.children if g.dep_ == "prep" and g.lower_ in ("in", "on", "at")):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                hit = c.entity_at(pobj.idx, pobj.idx + len(pobj))
                if hit and hit[1] == "location":
                    yield {"person": person, "role": "resident", "location": hit[0],
                           "start": name.doc[_first_of_name(c, name, person)].idx, "end": end_token.idx + len(end_token)}


def _first_of_name(c: Context, name: Token, person: str) -> int:
    first = name.i
    while first > name.sent.start and c.entity_at(name.doc[first - 1].idx, name.doc[first - 1].idx + len(name.doc[first - 1])) == (person, "person"):
        first -= 1
    return first


def _bodies(c: Context, token: Token) -> list[tuple[str, str]]:
    """(local id, "organisation" or "location") of the bodies a phrase names, with its conjuncts.

    A country stands for its government when the article names that ("Government of X")."""
    return [_government(c, b) for b in _named_bodies(c, token)]


def _government(c: Context, body: tuple[str, str]) -> tuple[str, str]:
    if body[1] != "location":
        return body
    name = c.name_of(body[0])
    for e in c.entities:
        if e.kind == "organisation" and e.name == f"Government of {name}" and c.ids.get(id(e)):
            return c.ids[id(e)], "organisation"
    return body


def _organisation_by_word(c: Context, token: Token) -> str | None:
    """"the federation", "Acme" (of "Acme Freight"): the one organisation whose name holds
    the word (a common noun after "the") or begins with it (a proper noun)."""
    word = token.text.strip("’'")
    if token.pos_ == "PROPN":
        matches = [e for e in c.entities if e.kind == "organisation" and e.name.split()[0] == word]
    elif any(d.lower_ == "the" for d in token.children) and token.pos_ == "NOUN":
        matches = [e for e in c.entities if e.kind == "organisation"
                   and token.lower_ in {w.lower() for w in e.name.split()[1:]}]
    else:
        return None
    locals_ = {c.ids.get(id(e)) for e in matches} - {None}
    return locals_.pop() if len(locals_) == 1 else None


def _named_bodies(c: Context, token: Token) -> list[tuple[str, str]]:
    found = []
    for t in [token, *token.conjuncts]:
        hit = c.entity_at(t.idx, t.idx + len(t))
        if not hit:
            org = _organisation_by_word(c, t)
            if org:
                found.append((org, "organisation"))
                continue
        if hit and hit[1] == "organisation":
            found.append((hit[0], "organisation"))
        elif hit and hit[1] == "location":
            found.append((hit[0], "location"))
        elif not hit:
            # "the board of Y", "the ministry's Y": look one level down
            for g in t.children:
                if g.dep_ in ("poss", "compound", "appos") or g.dep_ == "prep" and g.lower_ == "of":
                    inner = [x for x in ([g] if g.dep_ != "prep" else [p for p in g.children if p.dep_ == "pobj"])]
                    for x in inner:
                        sub = c.entity_at(x.idx, x.idx + len(x))
                        if sub and sub[1] in ("organisation", "location"):
                            found.append((sub[0], sub[1]))
    return list(dict.fromkeys(found))


def _nationality(c: Context, token: Token) -> tuple[str, str] | None:
    """"Tanzanian" -> the article's location for Tanzania, when it names it."""
    found = country_for(token.text)
    if not found:
        return None
    for e in c.entities:
        if e.kind == "location" and e.place is not None and e.place.kind == "country" \
                and e.place.country_code == found[0] and c.ids.get(id(e)):
            return c.ids[id(e)], "location"
    return None


def _words(c: Context, tokens: list[Token]) -> str:
    """The role's words as written, from its first to its last token (contiguous runs joined)."""
    tokens = sorted(tokens, key=lambda t: t.i)
    runs, current = [], [tokens[0]]
    for t in tokens[1:]:
        if t.i == current[-1].i + 1:
            current.append(t)
        else:
            runs.append(current)
            current = [t]
    runs.append(current)
    words = " ".join(c.text[r[0].idx : r[-1].idx + len(r[-1])] for r in runs)
    return words.strip(" ,")
