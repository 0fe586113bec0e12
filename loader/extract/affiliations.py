"""Stage 4b: affiliations -- the roles and memberships the text gives people, with evidence.

Input: the article index and the statements stage's record (for pronouns); output:
``affiliations`` in the curated format (person, organisation or location, role, qualifier,
evidence). Patterns, each over one person mention:

* apposition after the name: "X, head of foreign relations for Y", "X, a senior member of Y",
  "X, the former vice-president", "X, a spokesperson for Y";
* apposition before it: "Y's transport minister, X", "her Kenyan counterpart, X";
* a title before the name: "Infrastructure Minister X", "Y chief executive X",
  "the Y's acting foreign minister X";
* a copula: "X is the leader of Y", "X was chairman of Y";
* a relative clause: "X, who leads Y" (leader), "X, who heads Y", "X, who chairs Y",
  "X, who serves as Y's envoy", "X, who lives in Z" (resident);
* a possessive organisation before a full name: "Y's Jane Doe" (a membership, no role);
* a wire credit line: "(Reporting by X; Editing by Z)" (reporter, editor of the publisher).

A title the name's own mention took in ("Minister X" found as one name) is still a title.
"its"/"their" stand for the organisation or country that was a subject just before; a
common noun before a title ("council leader X") for the one organisation named for it, and
"club president X" or a bare staff title ("Chief Executive X", "assistant coach X", in a
sentence naming no organisation, with no nationality word) for the organisation the story's
first sentence is about; a judge (councillor, senator) sits in the one court (council,
senate) the story names.
A place (or a nationality) is the body only of a public post (minister, ambassador, ...):
"Argentine coach X" says where X is from. "Y's envoy for Z": Y employs, Z is the posting.

The role is the title's own words (without the determiner, the qualifier and the phrase
naming the body); the body is the organisation or country named by a possessive, a
compound, "of/for/at/to/with Y" or a nationality adjective ("a Tanzanian minister");
the qualifier is one of acting, former, late, senior, self-declared. A phrase whose head is
not a role noun ("X, a city of two million") gives nothing: precision first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from typing import TYPE_CHECKING

from .index import ArticleIndex, Context
from .institutions import nationality_code
from .places import dateline_country
from .mentions import CREDITS, ROLE_NOUNS
from .dates import in_dateline
from .records import span_value

if TYPE_CHECKING:  # for the annotation only: attribution imports this module
    from .attribution import Attribution

QUALIFIERS = {"acting": "acting", "former": "former", "ex": "former", "late": "late", "senior": "senior",
              "interim": "acting", "erstwhile": "former", "self-declared": "self-declared", "self-proclaimed": "self-declared",
              "self-styled": "self-declared"}
# posts held at another body than the one that sends their holder: "Y's ambassador to Z"
POSTINGS = frozenset("ambassador envoy representative delegate emissary consul attaché".split())
# words for when a post is or was held, not part of its name: "its new chief executive"
TRANSIENT = frozenset("new newly outgoing incoming current present longtime long-time long-serving then soon-to-be".split())
# "X, formerly of Y", "X, previously head of Y": a post no longer held
FORMERLY = frozenset(("formerly", "previously"))
# "X, who leads Y": verbs of a relative clause and the role they give
LEADING_VERBS = {"lead": "leader", "head": "head", "chair": "chair", "run": "head", "found": "founder",
                 "co-found": "co-founder", "command": "commander", "manage": "manager", "coach": "coach",
                 "own": "owner", "represent": "representative", "direct": "director"}
# "Y appointed finance director X": the subject employs the person
EMPLOYING_VERBS = frozenset("dismiss sack fire appoint hire name sign recruit suspend promote replace".split())
BODY_PREPOSITIONS = ("of", "for", "at", "to", "with", "in", "from")
# Posts a country or a place has (its government's, its people's): only these take a place as
# their body. "Argentine coach X" or "a Danish lawyer" says where someone is from, not whom
# they work for.
PLACE_ROLES = frozenset("""
minister president vice-president premier chancellor king queen prince emir sheikh governor mayor
senator representative ambassador envoy diplomat delegate negotiator official leader head deputy
commander general colonel lawmaker legislator councillor councilor commissioner secretary
secretary-general spokesperson spokesman spokeswoman speaker whip president-elect counterpart resident administrator
attorney-general solicitor-general auditor-general sheriff
""".split())
# "its chief executive, X": the pronouns whose antecedent is a body, not a person
BODY_PRONOUNS = frozenset(("its", "their"))
# common nouns for the kind of organisation a story is about: "club president X", "company spokesman X"
ORGANISATION_NOUNS = frozenset("club company firm team group party union league bank".split())
# nouns a body is called by ("the X action group", "the X residents' association")
BODY_NOUNS = ORGANISATION_NOUNS | frozenset("""association campaign movement coalition alliance network trust society
federation council committee board agency authority foundation institute forum organisation organization""".split())
# titles of an organisation's staff, which a story about that organisation gives without naming it
STAFF_TITLES = frozenset("executive coach captain chairman chairwoman spokesman spokeswoman spokesperson manager director".split())
# posts that name the kind of body they sit in: a judge sits in a court, a councillor in a council
SEATS = {"judge": "court", "magistrate": "court", "councillor": "council", "councilor": "council", "senator": "senate"}
# how many paragraphs back "its" may find its body when the sentence before names none
ANTECEDENT_REACH = 2
# words of a minister's title that do not name the portfolio ("deputy minister of the interior")
MINISTRY_WORDS = frozenset("minister ministry deputy first vice state junior of for the and affairs".split())
# prepositions that name the other side, not the body: "against X", "versus X"
OPPONENT_PREPOSITIONS = frozenset(("against", "versus", "vs", "vs."))
# roles held for a person rather than a body: "Y's lawyer, X", "his agent, X" (the role says for whom)
PERSONAL_ROLES = frozenset("lawyer attorney counsel advocate agent adviser advisor aide spokesman spokeswoman spokesperson "
                           "deputy assistant".split())
# "X, who studies water policy at Y": verbs of an occupation, the role they give and the
# preposition naming its body
OCCUPYING_VERBS = {"study": ("researcher", "at"), "research": ("researcher", "at"), "teach": ("teacher", "at"),
                   "lecture": ("lecturer", "at"), "speak": ("spokesperson", "for"), "report": ("reporter", "for"),
                   "write": ("writer", "for")}
# "X, who left Y", "X, who resigned from Y": someone who was in Y
LEAVING_VERBS = frozenset("leave quit resign".split())
# posts in a government: with no body named, the one country the article names holds them
MINISTERIAL = frozenset("minister secretary premier chancellor".split())
# bodies named after the body they belong to ("Senate Budget Committee")
SUB_BODIES = frozenset("committee subcommittee panel caucus".split())
# nouns for the people a body sends to talks
DELEGATIONS = frozenset("delegation team mission side".split())
# more posts (kept here, not in ROLE_NOUNS, which the attribution stage reads as source nouns)
MORE_ROLES = frozenset("""coordinator curator registrar ombudsman trustee warden provost headteacher headmaster
headmistress supervisor sheriff sergeant lieutenant admiral brigadier commandant investigator vice-chair
vice-chairman vice-chairwoman attorney-general solicitor-general auditor-general director-general creator""".split())
# "MP Jane Doe", "the MP for Wexley": the abbreviation and the post it stands for
LEGISLATORS = {"MP": "member of parliament", "MEP": "member of the European Parliament", "MSP": "member of the Scottish Parliament"}
# titles written short before a name: "Sen. X", "Rep. Y", "Cllr Z"
ABBREVIATED = {"sen.": "senator", "rep.": "representative", "gov.": "governor", "lt.": "lieutenant", "sgt.": "sergeant",
               "capt.": "captain", "prof.": "professor", "supt.": "superintendent", "insp.": "inspector", "cllr": "councillor",
               "cllr.": "councillor", "amb.": "ambassador", "col.": "colonel", "adm.": "admiral", "cmdr.": "commander",
               "atty.": "attorney", "det.": "detective", "gen.": "general", "lt.-gen.": "lieutenant general", "maj.": "major"}
# "provincial governor X": the kind of place the post is of
PLACE_LEVELS = {"provincial": "province", "regional": "region"}
# common nouns for the place where someone lives or sits: "the area's MP", "the town's doctor"
LOCALITIES = frozenset("area town city village district region constituency neighbourhood neighborhood community".split())
# nouns for a place that its name can modify: "the Lombardy region", "the Kano state"
PLACE_NOUNS = LOCALITIES | frozenset("state province county prefecture governorate municipality oblast canton".split())
# a family tie is a role held for a person: "her daughter, X" is daughter of the person "her" stands for
FAMILY = frozenset("""daughter son wife husband mother father brother sister widow widower grandson granddaughter
grandmother grandfather nephew niece uncle aunt cousin stepson stepdaughter stepfather stepmother""".split())
# occupations a person has whoever employs them: "X, a solicitor," is a solicitor with no body named
# (an office -- president, director, spokesperson -- says nothing without its body)
PROFESSIONS = frozenset("""lawyer solicitor barrister attorney doctor physician surgeon nurse paediatrician pediatrician
epidemiologist psychiatrist psychologist dentist pharmacist vet veterinarian farmer fisherman shipowner developer
businessman businesswoman entrepreneur architect journalist novelist poet historian economist
scientist academic teacher priest activist campaigner accountant pilot photographer artist engineer
mechanic electrician plumber builder carpenter midwife""".split())


def extract_affiliations(index: ArticleIndex, attribution: Attribution, publisher: str | None = None) -> list[dict]:
    """The document's ``affiliations`` (a person's fact once per body and role); ``attribution``
    (the statements stage's record) resolves pronouns; ``publisher`` is the article's, the body
    of the staff its credit line names."""
    context = attribution.context(index)
    seen: set[tuple] = set()
    out: list[dict] = []
    found = [*find_affiliations(context), *credit_lines(context, publisher)]
    for record in [r for r in found if "counterpart_of" in r]:
        # "X's energy minister, A, and her Spanish counterpart, B": B is Spain's energy minister
        post = next((r["role"] for r in found if r["person"] == record["counterpart_of"] and r.get("role")
                     and "counterpart_of" not in r and r.get("qualifier") != "former"), None)
        record["role"] = post
    found = _title_with_clause(found)
    for record in [r for r in found if "deputy_of" in r]:
        # "Whitcombe's deputy, X": a deputy holds the second post of the body the first holder's post is in
        client, role = record.pop("deputy_of")
        bodies = {(k, r[k]) for r in found if r["person"] == client and "deputy_of" not in r
                  for k in ("organisation", "location") if r.get(k)}
        if len(bodies) == 1:
            (column, body), = bodies
            record.update({"role": role, column: body, "held_for": False})
    for record in [r for r in found if "counterpart_of" not in r or r.pop("counterpart_of") and r["role"]]:
        key = (record["person"], record.get("organisation"), record.get("location"), (record.get("role") or "").lower())
        if key in seen:
            continue
        seen.add(key)
        start, end = record.pop("start"), record.pop("end")
        while start < end and (in_dateline(context.text, start) or not context.text[start].isalnum()):
            start += 1  # "CITY, Country - Y sacked manager X": the dateline is not the evidence
        record["evidence"] = span_value(context.text, start, end)
        out.append(record)
    # a bare membership ("Y's X") adds nothing to a role in the same body
    with_role = {(r["person"], r.get("organisation"), r.get("location")) for r in out if r.get("role")}
    out = [r for r in out if r.get("role") or (r["person"], r.get("organisation"), r.get("location")) not in with_role]
    # a profession told without its body ("Soto, a journalist") where the article gives the person
    # a body elsewhere ("Asia Weekly's Anna Reyes") is most likely held there: not a second fact
    with_body = {r["person"] for r in out if r.get("organisation") or r.get("location")}
    held_for = [r.pop("held_for", False) for r in out]  # (a tie to a person: another fact)
    out = [r for r, tie in zip(out, held_for) if r.get("organisation") or r.get("location") or r["person"] not in with_body
           or r.get("qualifier") or tie]
    return _one_post_each(out)


def _role_words(role: str | None) -> set[str]:
    return {w for w in re.findall(r"[\w-]+", (role or "").lower()) if w not in _ROLE_STOPWORDS}


_ROLE_STOPWORDS = frozenset("of the and for at in on to a an".split())


def _one_post_each(records: list[dict]) -> list[dict]:
    """One fact per post: of two records of a person in the same body whose roles share a word
    ("Chief Executive X" and "X, Y's chief executive officer"), the first; a post told without its
    body ("the former chief executive") where another record gives it with one, that one."""
    out: list[dict] = []
    for r in records:
        body = (r.get("organisation"), r.get("location"))
        words = _role_words(r.get("role"))
        if words and any(o["person"] == r["person"] and (o.get("organisation"), o.get("location")) == body
                         and words & _role_words(o.get("role")) for o in out):
            continue
        out.append(r)
    bodied = [r for r in out if r.get("organisation") or r.get("location")]
    return [r for r in out if r.get("organisation") or r.get("location") or not any(
        o["person"] == r["person"] and _role_words(r.get("role")) & _role_words(o.get("role")) for o in bodied)]


def _title_with_clause(found: list[dict]) -> list[dict]:
    """"Former chief executive X, who led Y from 2010 to 2020": one post, the title's, held in the
    body the clause names (not a second fact, "leader of Y"), with the qualifier of either."""
    by_verb = [r for r in found if r.get("by_verb")]
    merged: dict[int, dict] = {}
    used: set[int] = set()
    for record in found:
        if record.get("by_verb") or not record.get("role") or record.get("organisation") or record.get("location") \
                or record.get("held_for") or "counterpart_of" in record:
            continue
        clause = next((v for v in by_verb if id(v) not in used and v["person"] == record["person"]
                       and v["start"] <= record["end"] + 2 and record["start"] <= v["end"]), None)
        if clause is not None:
            used.add(id(clause))
            merged[id(record)] = {**record, **{k: clause[k] for k in ("organisation", "location") if k in clause},
                                  "start": min(record["start"], clause["start"]), "end": max(record["end"], clause["end"]),
                                  **({"qualifier": clause["qualifier"]} if clause.get("qualifier") and not record.get("qualifier") else {})}
    out = [merged.get(id(r), r) for r in found if id(r) not in used]
    for r in out:
        r.pop("by_verb", None)
    return out


def find_affiliations(c: Context) -> Iterator[dict]:
    """Every affiliation the patterns find, in text order, with its evidence offsets."""
    for start, end, local, kind in c.mentions():
        if kind != "person" or c.inside_quote(start):
            continue
        span = c.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        # "Britain's Prime Minister Keir Starmer" found as one name whose root is the title: the
        # name is the title's apposition inside the mention
        inner = [t for t in root.children if t.dep_ == "appos" and t.i > root.i and span.start <= t.i < span.end
                 and t.pos_ == "PROPN"] if _is_role(root) and root.text[:1].isupper() else []
        if inner:
            yield from _role_phrase(c, root, local, inner[0], before_name=True,
                                    allowed={t.i for t in span if t.i <= root.i})
        if span[-1] != root and _is_role(root) and root.text[:1].isupper():
            # "Governor of Washington Chris Gregoire" found as one name: the title, "of" and the body before the name
            yield from _glued_title_of_body(c, start, end, local)
        yield from _around(c, root, local)


def names_publisher(name: str, publisher: str) -> bool:
    """Whether an organisation the text names is the publisher the article's metadata gives: by its
    name, by its initials or by its first words, as a wire story's dateline credits its agency
    ("(APN)" for Asia Pacific Newswire, "(Meridian Wire)" for Meridian Wire Service)."""
    words = [w for w in re.split(r"[\s-]+", publisher.strip()) if w]
    name = name.strip()
    initials = "".join(w[0] for w in words if w[0].isupper())
    return name.lower() == publisher.strip().lower() or len(initials) >= 2 and name == initials \
        or len(name.split()) >= 2 and [w.lower() for w in words[:len(name.split())]] == name.lower().split()


def credit_lines(c: Context, publisher: str | None) -> Iterator[dict]:
    """"(Reporting by X in Geneva; Editing by Y)": X reports and Y edits for the publisher
    (when the article names it as an organisation; else the role alone, which is still true)."""
    body = next((c.ids.get(id(e)) for e in c.entities if e.kind == "organisation" and publisher
                 and names_publisher(e.name, publisher) and c.ids.get(id(e))), None)
    for token in c.doc:
        role = CREDITS.get(token.lower_)
        # a credit is a line of its own, usually in brackets, not "reporting by X showed ..."
        line_start = c.text.rfind("\n", 0, token.idx) + 1
        if role is None or not re.fullmatch(r"[\s(]*(?:[A-Z][a-z]+ )?(?:and )?", c.text[line_start:token.idx]) \
                and not re.search(r";\s*\Z", c.text[line_start:token.idx]):
            continue
        for by in (g for g in token.children if g.lower_ == "by" and g.dep_ in ("prep", "agent")):
            for pobj in (g for g in by.children if g.dep_ == "pobj"):
                for t in [pobj, *pobj.conjuncts]:
                    hit = c.entity_at(t.idx, t.idx + len(t))
                    if hit and hit[1] == "person":
                        record = {"person": hit[0], "role": role, "start": token.idx, "end": t.idx + len(t)}
                        if body:
                            record["organisation"] = body
                        yield record


def _around(c: Context, name: Token, person: str) -> Iterator[dict]:
    own = {t.i for t in name.subtree if c.entity_at(t.idx, t.idx + len(t)) == (person, "person")}
    # "X, head of Y", "X, the former vice-president": apposition after the name
    appos = [ch for ch in name.children if ch.dep_ == "appos" and ch.i > name.i]
    for child in appos:
        if any(o.i == child.i + 1 and o.text == "-" for o in appos) or child.text == "-":
            continue  # "vice - president" parsed as three appositions: the last is the head
        extra = [o for o in appos if o.i < child.i and (o.text == "-" or any(h.i == o.i + 1 and h.text == "-" for h in appos))]
        # "X, the deputy minister who led Y's delegation": the post is held in the body that sent her
        sent_by = [b for rel in child.children if rel.dep_ == "relcl" and rel.lemma_ == "lead"
                   for obj in rel.children if obj.dep_ == "dobj" for b in _delegation(c, obj)]
        records = list(_role_phrase(c, child, person, name, extra=extra, bodies=sent_by))
        yield from records or _apposition_by_words(c, child, person, name)
        hit = c.entity_at(child.idx, child.idx + len(child))
        party = None if not child.text[:1].isupper() or child.pos_ not in ("NOUN", "PROPN") or not any(
            d.dep_ == "det" for d in child.children) and child.i != name.i + 2 \
            else _party_of_word(c, child) if not hit else hit[0] if hit[1] == "organisation" \
            and c.name_of(hit[0]).split()[-1].lower() in PARTY_NOUNS and c.name_of(hit[0]) != child.text else None
        if party:
            # "X, a Republican from Texas", "X, the Democrat who represents Ohio": a member of the party
            last = max((t for t in child.subtree if t.dep_ not in ("relcl", "acl") and not any(
                a.dep_ in ("relcl", "acl") and a != child for a in t.ancestors if a.i > child.i)), key=lambda t: t.i)
            yield {"person": person, "organisation": party, "start": name.doc[_first_of_name(c, name, person)].idx,
                   "end": last.idx + len(last)}
    yield from _led_delegation(c, name, person)
    yield from _title_of_body_before_name(c, name, person)
    # "Y appointed X as chief executive", "Y named X its new coach"
    if name.dep_ == "dobj" and name.head.lemma_ in EMPLOYING_VERBS - {"dismiss", "sack", "fire", "suspend", "replace"}:
        employer = [b for g in name.head.children if g.dep_ == "nsubj" for b in _bodies(c, g) if b[1] == "organisation"]
        posts = [p for g in name.head.children if g.dep_ == "prep" and g.lower_ == "as" for p in g.children if p.dep_ == "pobj"]
        posts += [g for g in name.head.children if g.dep_ in ("oprd", "xcomp", "dobj") and g.i > name.i]
        for post in posts:
            if employer:
                yield from _role_phrase(c, post, person, name, bodies=employer)
    # "Y's transport minister, X": the name is in apposition to the role
    described: list[tuple[str, str]] = []
    if name.dep_ == "appos" and name.head.i < name.i:
        for record in _role_phrase(c, name.head, person, name):
            described += [(record[k], k) for k in ("organisation", "location") if k in record]
            yield record
    # "A spokesperson for Y, X, said": the parser hangs the name on Y, the role's body (or joins it
    # to Y by "and": "met the chief executive of Y, X, and two of her managers")
    hung = name.dep_ == "appos" or name.dep_ == "conj" and name.i + 1 < len(name.doc) and name.doc[name.i + 1].text == ","
    if hung and name.head.i < name.i:
        prep = name.head.head if name.head.dep_ == "pobj" else None
        first = _first_of_name(c, name, person)
        if prep is not None and prep.dep_ == "prep" and prep.lower_ in BODY_PREPOSITIONS and prep.head.i < prep.i \
                and _is_role(prep.head) and first > 0 and name.doc[first - 1].text == "," \
                and not any(t.dep_ == "appos" and t.i < name.i for t in prep.head.children):
            for record in _role_phrase(c, prep.head, person, name):
                described += [(record[k], k) for k in ("organisation", "location") if k in record]
                yield record
    # "Infrastructure Minister X", "the Taliban's acting foreign minister X": a title before the name;
    # a title the name's mention took in ("Minister X" found as one name) is still a title
    glued = _glued_title(c, name, person)
    party_state = _party_state(c, name)
    titles = [t for t in name.children if t.i < name.i and (t.i not in own or t.i in glued)
              and t.dep_ in ("compound", "amod", "nmod") and _is_role(t)]
    if titles:
        # the body after the name ("state advocate X of the Y"), or the employer that hires or
        # dismisses the person ("Y appointed finance director X")
        after = [b for p in name.children if p.dep_ == "prep" and p.lower_ in ("of", "for", "at")
                 for g in p.children if g.dep_ == "pobj" for b in _bodies(c, g)]
        if not after and name.dep_ in ("dobj", "nsubjpass") and name.head.lemma_ in EMPLOYING_VERBS:
            # the subject nearest the verb: a wire dateline ("CITY, Country - Y dismissed ...") is often parsed as another
            for subject in sorted((g for g in name.head.children if g.dep_ == "nsubj"), key=lambda g: -g.i):
                # (there the dateline's place is the subject and Y its apposition)
                after = [b for t in (subject, *(g for g in subject.children if g.dep_ == "appos"))
                         for b in _bodies(c, t) if b[1] == "organisation"]
                if after:
                    break
        # "Labour's Shadow Home Secretary X": a possessive the parser hung on the name, before the title
        owners = [t for t in name.children if t.dep_ == "poss" and t.i < min(x.i for x in titles)] if not after else []
        after = after or [b for t in owners for b in _bodies(c, t)]
        # "Y's chief negotiator, Deputy Foreign Minister X": the title is held in the same body
        # "Former chief executive X": words of the title the parser hung on the name, not on its head
        loose = _loose_title_words(c, name, titles[-1], own - glued)
        # "Sen. X (D-Texas)": the state the legislator sits for, and the party
        if not after and _is_political(titles[-1]):
            # "Labour MP X", "Republican Sen. X": the party the parser hung on the name
            after = [(party, "organisation") for t in name.children if t.i < titles[0].i and t.text[:1].isupper()
                     and t.i not in own and (party := _party_of_word(c, t))][:1]
        seat = [] if after or described or party_state is None else [b for b in party_state[:2] if b][:1]
        for record in _role_phrase(c, titles[-1], person, name, before_name=True, bodies=after or described or seat,
                                   allowed=glued, extra=loose):
            if owners and after:
                record["start"] = min(record["start"], min(x.idx for x in owners[0].subtree))
            if seat and not record.get("qualifier"):
                record.update({k: v for v, k in party_state[:2] if v})
                record["end"] = max(record["end"], party_state[2])
            yield record
    elif party_state is not None:
        # "X, R-Ohio, voted": of the party, for the state (the post untold)
        yield {"person": person, **{k: v for v, k in party_state[:2] if v},
               "start": name.doc[_first_of_name(c, name, person)].idx, "end": party_state[2]}
    elif not described:
        # "Jane Doe of Acme Freight said", "Jane Doe from the Red Cross": a member of the organisation
        # (of a place: where she is from)
        for prep in (p for p in name.children if p.dep_ == "prep" and p.lower_ in ("of", "from")):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                for body in (b for b in _bodies(c, pobj) if b[1] == "organisation" and not _from_place(c, b)):
                    # (a name joined to it is another's; "The Globe and Mail" is one name)
                    others = {x.i for g in pobj.children if g.dep_ in ("conj", "cc", "relcl", "appos") for x in g.subtree
                              if c.entity_at(x.idx, x.idx + len(x)) != (body[0], "organisation")}
                    last = max(t.i for t in pobj.subtree if t.i not in others)
                    # "X, formerly of Y": no longer
                    former = {"qualifier": "former"} if any(g.lower_ in FORMERLY for g in prep.children if g.dep_ == "advmod") else {}
                    yield {"person": person, "organisation": body[0], **former,
                           "start": name.doc[_first_of_name(c, name, person)].idx,
                           "end": name.doc[last].idx + len(name.doc[last])}
        # "Acme Freight's Jane Doe": a possessive organisation before a bare name is where she works
        for poss in (t for t in name.children if t.dep_ == "poss" and t.i < name.i):
            hit = c.entity_at(poss.idx, poss.idx + len(poss))
            # a full name: "Y's Guild" or a surname alone after a body is more often a misread name
            if hit and hit[1] == "organisation" and _first_of_name(c, name, person) < name.i:
                first = min(x.i for x in poss.subtree)
                yield {"person": person, "organisation": hit[0], "start": name.doc[first].idx, "end": name.idx + len(name)}
    # "X is the leader of Y"
    # "X is the leader of Y", "X became Y's minister of Z", "X was appointed chairman of Y"
    if name.dep_ == "nsubj" and name.head.lemma_ in ("be", "become", "remain") \
            or name.dep_ == "nsubjpass" and name.head.lemma_ in ("appoint", "name", "elect"):
        for attr in name.head.children:
            if attr.dep_ in ("attr", "oprd", "xcomp", "dobj") and attr.i > name.i:
                yield from _role_phrase(c, attr, person, name)
    # the same verbs in the main clause: "X leads Y", "X took over as chief executive of Y", "X joined Y as ..."
    verb = name.head
    if name.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.i > name.i and not c.inside_quote(verb.idx) \
            and verb.lemma_ not in ("be", "become", "remain", "declare", "proclaim", "name", "style") \
            and (verb.tag_ in ("VBZ", "VBP") or verb.lemma_ not in LEADING_VERBS and verb.lemma_ not in OCCUPYING_VERBS
                 and verb.lemma_ != "live" or verb.lemma_ in ("found", "co-found")):
        # (a past "led", "ran", "spoke for" is an event more often than a post: "X led Y to victory")
        yield from _relative(c, verb, person, name, main=True)
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


# "(D-Texas)", ", R-Ohio,": a legislator's party and state, after the name
_PARTY_STATE = re.compile(r"\s*[(,]\s*(?P<party>[DRI])\.?\s?[-–]\s?(?P<state>[A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?)?)\s*[),]")
_PARTIES = {"D": r"\bDemocrat", "R": r"\bRepublican"}


def _party_state(c: Context, name: Token) -> tuple | None:
    """((party local id, "organisation") or None, (state local id, "location") or None, end offset)
    of a "(D-Texas)" after the name: the party and the state when the article names them."""
    m = _PARTY_STATE.match(c.text, name.idx + len(name))
    if not m:
        return None
    hit = c.entity_at(m.start("state"), m.end("state"))
    state = (hit[0], "location") if hit and hit[1] == "location" else None
    parties = {c.ids.get(id(e)) for e in c.entities if e.kind == "organisation" and m.group("party") in _PARTIES
               and re.search(_PARTIES[m.group("party")], e.name)} - {None}
    party = (parties.pop(), "organisation") if len(parties) == 1 else None
    if party is None and state is None:
        return None
    return party, state, m.end() if c.text[m.end() - 1] == ")" else m.end() - 1


# posts held for a party: a party word before them names it ("Labour MP", "a Republican senator")
POLITICAL = frozenset("""senator representative councillor councilor lawmaker legislator congressman congresswoman
assemblyman assemblywoman politician candidate mayor governor leader member deputy mp mep msp""".split())
# the nouns a party's name ends with
PARTY_NOUNS = frozenset("party alliance front congress movement union league coalition democrats".split())


def _is_political(token: Token) -> bool:
    return token.lower_ in POLITICAL or token.lemma_.lower() in POLITICAL or ABBREVIATED.get(token.lower_) in POLITICAL \
        or token.text.rstrip("s") in LEGISLATORS


def _party_of_word(c: Context, token: Token) -> str | None:
    """"Labour" -> the Labour Party, "Democrat" -> the Democratic Party, "Social Democrat" -> the
    Social Democratic Party: the one party the article names whose name begins with the word
    (with the capitalised word before it) and ends in a party noun."""
    words = [token.text]
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.text[:1].isupper() and before.head == token and before.dep_ in ("compound", "amod"):
        words.insert(0, before.text)
    stem = " ".join(words).lower()
    if len(stem) < 4:
        return None
    found = {c.ids.get(id(e)) for e in c.entities if e.kind == "organisation"
             and e.name.split()[-1].lower() in PARTY_NOUNS and re.match(rf"(?:the )?{re.escape(stem)}(?:s|ic)?\b", e.name.lower())} - {None}
    return found.pop() if len(found) == 1 else None


# the words between a role and its body in an apposition the parser tore apart: "editor at large at Y"
_TO_BODY = re.compile(r"(?P<words>(?:\s+[a-z][\w-]*){0,3}?)\s+(?:at|of|for|with)\s+(?:the\s+)?\Z")


def _apposition_by_words(c: Context, head: Token, person: str, name: Token) -> Iterator[dict]:
    """"X, editor at large at the Y, said" when the parse hangs "at the Y" elsewhere: the role's
    words up to "at/of/for/with" and the organisation named right after them, inside the
    apposition's commas (a place only for a public post)."""
    if not _is_role(head) or head.text[:1].isupper() or head.i < name.i:
        return
    stop = re.search(r"[,;()\n—]|\s[-–]\s", c.text[head.idx : head.sent.end_char])
    end = head.idx + (stop.start() if stop else head.sent.end_char - head.idx)
    for start, stop_at, local, kind in c.mentions():
        if start <= head.idx or start >= end:
            continue
        m = _TO_BODY.match(c.text[head.idx + len(head) : start])
        if not m or kind not in ("organisation", "location") or kind == "location" and not _is_place_role(head) \
                or not re.fullmatch(r"\s*(?:(?:in|based in) [A-Z][\w .'-]*)?", c.text[stop_at:end]):
            return  # (the body is the apposition's last words: not "at the Y talks")
        role = (head.text + m.group("words")).strip()
        record = {"person": person, "role": role, "start": name.doc[_first_of_name(c, name, person)].idx, "end": stop_at}
        record.update(_public_post(c, (local, kind), role) if kind == "location" else {kind: local})
        yield record
        return


def _glued_title_of_body(c: Context, start: int, end: int, person: str) -> Iterator[dict]:
    """A person's mention that holds "Title of Body" before the name ("Governor of Washington
    Chris Gregoire"): the title in the body the article names by those words."""
    entity = next((e for e in c.entities if c.ids.get(id(e)) == person), None)
    text = c.text[start:end]
    name = next((n for n in sorted(entity.all_names, key=len, reverse=True) if text.endswith(" " + n)), None) if entity else None
    m = re.fullmatch(r"(?P<title>(?:[A-Z][\w.-]* ){0,3}?[A-Z][\w.-]*) of (?:the )?(?P<body>[A-Z][\w.' -]*?) ", text[: len(text) - len(name)]) \
        if name else None
    if not m:
        return
    words = m.group("title").split()
    if words[-1].lower() not in ROLE_NOUNS | MORE_ROLES:
        return
    bodies = {(c.ids[id(e)], e.kind) for e in c.entities if e.kind in ("organisation", "location") and c.ids.get(id(e))
              and m.group("body") in e.all_names}
    if len(bodies) != 1:
        return
    local, kind = bodies.pop()
    qualifier = QUALIFIERS.get(words[0].lower().rstrip("-"))
    role = " ".join(words[1:] if qualifier else words)
    if not role or kind == "location" and role.split()[-1].lower() not in PLACE_ROLES:
        return
    record = {"person": person, "role": role, "start": start, "end": end}
    record.update(_public_post(c, (local, kind), role) if kind == "location" else {kind: local})
    if qualifier:
        record["qualifier"] = qualifier
    yield record


def _title_of_body_before_name(c: Context, name: Token, person: str) -> Iterator[dict]:
    """"Governor of Washington Chris Gregoire", "Mayor of Leeds Jane Doe": a title, "of" and the
    body's name before the person's (the parse makes the name the object of "of")."""
    of = name.head
    if name.dep_ != "pobj" or of.lower_ != "of" or of.i == 0 or not _is_role(of.head) or of.head.i != of.i - 1 \
            or not of.head.text[:1].isupper():
        return
    first = _first_of_name(c, name, person)
    words = [t for t in name.doc[of.i + 1 : first] if t.dep_ in ("compound", "det", "punct") and t.head.i >= first]
    if len(words) != first - of.i - 1 or not words:
        return
    hits = {c.entity_at(t.idx, t.idx + len(t)) for t in words if t.dep_ != "det"}
    if len(hits) != 1 or None in hits:
        return
    local, kind = hits.pop()
    if kind not in ("organisation", "location") or kind == "location" and not _is_place_role(of.head):
        return
    title = [t for t in of.head.subtree if t.i < of.i and t.dep_ not in ("det", "punct")]
    qualifier = next((QUALIFIERS[t.lower_] for t in title if t.lower_ in QUALIFIERS), None)
    role = _words(c, [t for t in title if t.lower_ not in QUALIFIERS])
    record = {"person": person, "role": role, "start": title[0].idx, "end": name.idx + len(name)}
    record.update(_public_post(c, (local, kind), role) if kind == "location" else {kind: local})
    if qualifier:
        record["qualifier"] = qualifier
    yield record


def _loose_title_words(c: Context, name: Token, title: Token, own: set[int]) -> list[Token]:
    """The name's modifiers just before the title that are words of the title ("Former" and
    "chief" of "Former chief executive X", all three hung on the name): common words, no entity's,
    in one run up to the title."""
    mods = sorted((t for t in name.children if t.i < title.i and t.i not in own and t.dep_ in ("amod", "compound", "nmod")
                   and t not in title.subtree), key=lambda t: t.i)
    found: list[Token] = []
    for t in reversed(mods):
        words = list(t.subtree)
        if any(x.pos_ == "PROPN" or c.entity_at(x.idx, x.idx + len(x)) for x in words) or _is_age(t):
            break
        if max(x.i for x in words) + 1 != (found[0].i if found else min(x.i for x in title.subtree)):
            break
        found.insert(0, t)
    return found


def _glued_title(c: Context, name: Token, person: str) -> set[int]:
    """The tokens of a title at the start of the person's own mention ("Chief Executive" of
    "Chief Executive Jane Doe"): capitalised words up to the last role word, with a name after."""
    first = _first_of_name(c, name, person)
    words = list(name.doc[first : name.i + 1])
    last_role = max((i for i, t in enumerate(words[:-1]) if _is_role(t) and t.text[:1].isupper()), default=None)
    if last_role is None or not all(t.text[:1].isupper() for t in words[: last_role + 1]):
        return set()
    return {t.i for t in words[: last_role + 1]}


def _antecedent_body(c: Context, pronoun: Token) -> list[tuple[str, str]]:
    chosen = antecedent(c, pronoun, common=True)
    return [_government(c, chosen)] if chosen else []


def antecedent(c: Context, pronoun: Token, common: bool = False) -> tuple[str, str] | None:
    """"its chief executive": (local id, kind) of the organisation or country "its" stands for --
    the last one that was a subject in this or the previous sentence, else the last one named there;
    when those two name none, the same sentence by sentence further back, no further than the
    start of the paragraph ANTECEDENT_REACH paragraphs before (an interview's answer, naming the
    firm only as "the company", can stand between the question naming it and the next one)."""
    sent = pronoun.sent
    start = c.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    end = pronoun.i
    limit = pronoun.idx
    for _ in range(ANTECEDENT_REACH + 1):
        limit = c.text.rfind("\n\n", 0, max(limit - 1, 0))
        if limit < 0:
            break
    limit = max(limit, 0)
    while True:
        chosen = _antecedent_in(c, start, end, common)
        if chosen or start == 0 or c.doc[start - 1].sent.start_char < limit:
            return chosen
        end, start = start, c.doc[start - 1].sent.start



def _antecedent_in(c: Context, start: int, end: int, common: bool = False) -> tuple[str, str] | None:
    """The last organisation or country that was a subject in the tokens, else the last named;
    with ``common``, a subject "the club" (a noun of ORGANISATION_NOUNS) counts too, as the one
    organisation whose name holds the noun ("The press club said ... Its chairwoman")."""
    named: list[tuple[Token, tuple[str, str]]] = []
    for t in c.doc[start:end]:
        hit = c.entity_at(t.idx, t.idx + len(t))
        if common and not hit and t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN" and not c.inside_quote(t.idx) \
                and t.tag_ == "NN" and any(d.lower_ == "the" for d in t.children):
            # "the commission" ("the press club"): the one organisation named with that noun last, else holding it
            org = _organisation_by_head_word(c, t.lemma_.lower()) or _organisation_holding(c, t.lemma_.lower())
            if org:
                named.append((t, (org, "organisation")))
            continue
        if not hit or c.inside_quote(t.idx) or named and named[-1][1] == hit and named[-1][0].i == t.i - 1:
            continue
        if hit[1] == "organisation" or hit[1] == "location" and _is_country(c, hit[0]):
            named.append((t, hit))
    subjects = [hit for t, hit in named if t.dep_ in ("nsubj", "nsubjpass") or t.head.dep_ in ("nsubj", "nsubjpass")
                and t.dep_ == "compound"]
    return subjects[-1] if subjects else named[-1][1] if named else None


def _is_country(c: Context, local: str) -> bool:
    return any(c.ids.get(id(e)) == local and e.place is not None and e.place.kind == "country"
               for e in c.entities if e.kind == "location")


def _from_place(c: Context, body: tuple[str, str]) -> bool:
    """A place, or the government that stands for one."""
    return body[1] == "location" or c.name_of(body[0]).startswith("Government of ")


def _is_place_role(token: Token) -> bool:
    return token.lemma_.lower() in PLACE_ROLES or token.lower_ in PLACE_ROLES or token.text.rstrip("s") in LEGISLATORS \
        or ABBREVIATED.get(token.lower_) in PLACE_ROLES


def _is_role(token: Token) -> bool:
    return token.lemma_.lower() in ROLE_NOUNS or token.lower_ in ROLE_NOUNS or token.text in ROLE_NOUNS \
        or token.lower_ in ABBREVIATED and token.text[:1].isupper() \
        or token.lower_ in PROFESSIONS or token.lower_ in FAMILY and token.tag_ in ("NN", "NNS") \
        or token.text.rstrip("s") in LEGISLATORS or token.lower_ in MORE_ROLES or token.lemma_.lower() in MORE_ROLES


def _is_profession(token: Token) -> bool:
    """An occupation that says something without its body (a member of parliament too)."""
    return token.lower_ in PROFESSIONS or token.lemma_.lower() in PROFESSIONS or token.text.rstrip("s") in LEGISLATORS


def _role_phrase(c: Context, head: Token, person: str, name: Token, before_name: bool = False,
                 extra: list[Token] = (), qualifier: str | None = None, bodies: list = (),
                 allowed: set[int] = frozenset()) -> Iterator[dict]:
    """An affiliation for each body named by the role phrase headed by ``head``."""
    if not _is_role(head):
        return
    if head.lower_ in FAMILY and head.lemma_.lower() not in ROLE_NOUNS:
        yield from _family(c, head, person, name)
        return
    if head.lower_ == "counterpart":
        counterpart = True
    else:
        counterpart = False
    given = qualifier is not None
    outside = list(bodies)
    # "Director of the X Study, and Chairman of the Y Centre": two roles, each with its own body;
    # "founder and chairman of Y": the first, naming none, is held in the second's
    split = [t for t in head.children if t.dep_ == "conj" and _is_role(t) and t.i > head.i
             and any(g.dep_ == "prep" and g.lower_ in BODY_PREPOSITIONS for g in t.children)]
    for other in split:
        records = list(_role_phrase(c, other, person, name, qualifier=qualifier, bodies=outside))
        for record in records:
            record["start"] = min(record["start"], head.idx)
        yield from records
        if not outside and not any(g.dep_ == "prep" and g.lower_ in BODY_PREPOSITIONS for g in head.children):
            outside = [(r[k], k) for r in records for k in ("organisation", "location") if k in r][:1]
    split_out = {x.i for t in split for x in t.subtree} | {t.i for t in head.children if t.dep_ == "cc" and split}
    bodies: list[tuple[str, str]] = []
    role_tokens: list[Token] = []
    assigned: set[tuple[str, str]] = set()  # places named with for/to
    national = False  # a nationality adjective in the phrase ("Argentine coach"): someone from elsewhere
    # "a former Afghan ambassador to Canada": the posting is the place; the nationality stays in the role
    posted = any(t.dep_ == "prep" and t.lower_ in ("to", "for") and t.head == head
                 and any(b[1] == "location" for g in t.children if g.dep_ == "pobj" for b in _named_bodies(c, g))
                 for t in head.children)
    skip: set[int] = set(split_out)
    client: str | None = None  # "Y's lawyer": the person the role is held for
    unresolved = False  # a possessive or a name after "of/at/for" that named no body found
    phrase = [t for t in head.subtree] if not before_name else [t for t in head.subtree if t.i < name.i]
    if extra:
        phrase = sorted([*phrase, *(x for e in extra for x in e.subtree)], key=lambda t: t.i)
    for t in head.subtree:
        if t.dep_ in ("relcl", "acl", "appos", "advcl") and t != head:
            skip |= {x.i for x in t.subtree}
        # "founder and largest shareholder": the role is the first; "minister of mining and energy": one role
        if t.dep_ == "cc" and (t.head == head or t.head.i in skip) or t.dep_ == "conj" and t.head == head and not _is_role(t):
            skip |= {x.i for x in t.subtree}
        if t.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in t.children if g.dep_ == "pobj"):
            skip |= {x.i for x in t.subtree}  # "chief executive in May": when, not what
        if t.dep_ in ("amod", "compound", "nmod") and t.i < head.i and _is_age(t):
            skip |= {x.i for x in t.subtree}  # "a 29-year-old engineer": the holder's age, not the post
    for t in phrase:
        if t.i in skip or t == name or c.entity_at(t.idx, t.idx + len(t)) == (person, "person") and t.i not in allowed:
            continue
        if t.dep_ == "prep" and t.lower_ in ("for", "of") and t.head == head and (head.lemma_.lower() in PERSONAL_ROLES | FAMILY
                                                                                  or _is_profession(head)):
            # "the lawyer for X", "a spokesman for X": the person the role is held for
            held_for = [hit[0] for g in t.children if g.dep_ == "pobj"
                        for hit in [c.entity_at(g.idx, g.idx + len(g))] if hit and hit[1] == "person" and hit[0] != person]
            if held_for:
                client = held_for[0]
                skip |= {x.i for x in t.subtree}
                continue
        if t.dep_ == "prep" and t.lower_ in BODY_PREPOSITIONS:
            found = [b for g in t.children if g.dep_ == "pobj" for b in _bodies(c, g)]
            # a name after the preposition that is no body the article knows: of which body is unsure
            unresolved = unresolved or not found and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in t.children) \
                or t.lower_ not in ("from", "in") and any(_from_place(c, b) for b in found)  # "a doctor at <venue>"
            if found:
                if t.lower_ in ("for", "to"):
                    # ("Y's ambassador to the United Nations": the organisation is the posting too)
                    assigned |= {b for b in found if b[1] == "location" or t.lower_ == "to" and head.lemma_.lower() in POSTINGS}
                bodies += found
                skip |= {x.i for x in t.subtree}
                continue
        proper = t.pos_ == "PROPN" or t.pos_ == "NOUN" and t.text[:1].isupper() and t.lower_ not in ORGANISATION_NOUNS \
            and (c.entity_at(t.idx, t.idx + len(t)) is not None or _organisation_by_word(c, t) is not None)
        # ("a Y board member": the organisation whose board it is, a compound of the title's compound)
        through = t.dep_ == "compound" and t.head.dep_ == "compound" and t.head.head == head and t.head.pos_ == "NOUN" \
            and t.head.lower_ in ("board", "council", "committee", "team", "staff", "party") and proper \
            and (c.entity_at(t.idx, t.idx + len(t)) or ("", ""))[1] == "organisation"
        if t.dep_ == "poss" or t.dep_ in ("compound", "nmod") and (t.head == head or through) and proper:
            # (not a "body" whose name holds the title's own head: "Police Chief" taken for a name)
            found = [b for b in _bodies(c, t) if head.lower_ not in c.name_of(b[0]).lower().split()]
            if t.dep_ != "poss" and _is_place_role(head) and not c.entity_at(t.idx, t.idx + len(t)):
                found = []  # "Home Secretary X": a portfolio, not the body whose name begins with "Home"
                party = _party_of_word(c, t) if _is_political(head) else None
                found = [(party, "organisation")] if party else []  # ("a Labour MP": the party, though)
            hit = c.entity_at(t.idx, t.idx + len(t))
            if hit and hit[1] == "organisation" and c.name_of(hit[0]).split()[-1].lower() in SUB_BODIES \
                    and c.name_of(hit[0]).split()[0] == t.text and len(c.name_of(hit[0]).split()) > 1:
                found = []  # "Senate" of "Senate Majority Leader", taken for the "Senate Budget Committee"
            if found and not _is_place_role(head) and all(_from_place(c, b) for b in found):
                # "Acme director X" where "Acme" was read as a place: the firm named with that word
                org = _organisation_by_word(c, t) if proper else None
                found = [(org, "organisation")] if org else found
            if found:
                unresolved = unresolved or any(_from_place(c, b) for b in found)
                bodies += found
                skip |= {x.i for x in t.subtree}
                continue
            if t.dep_ == "poss":
                if t.lower_ in BODY_PRONOUNS:
                    bodies += _antecedent_body(c, t)
                elif head.lemma_.lower() in PERSONAL_ROLES or head.lower_ in FAMILY or _is_profession(head) or head.lower_ == "chief" and any(
                        g.lower_ == "of" and any(x.lower_ == "staff" for x in g.children) for g in head.children):
                    client = _client(c, t, person)  # "his lawyer", "Kane's chief of staff"
                # (a place said by a common noun, "the area's MP", leaves the role whole)
                unresolved = unresolved or client is None and t.lemma_.lower() not in LOCALITIES
                skip |= {x.i for x in t.subtree}
                continue
        if t.dep_ == "compound" and (t.head == head or t.head.dep_ == "compound" and t.head.head == head) \
                and t.pos_ == "NOUN" and not any(
                x.i < t.i and x.dep_ not in ("det", "punct") and x.lower_.rstrip("-") not in QUALIFIERS for x in phrase):
            # (the noun first in the title: in "disco club owner" the club is another)
            # "council leader X": the one organisation named for that noun ("Y Borough Council"); "club
            # president X", "company spokesman X": the club or company the story leads with
            # ("union secretary general X": of no story organisation, the one union the story names)
            org = _organisation_by_head(c, t) or (_story_organisation(c) or _organisation_holding(c, t.lemma_.lower())
                                                  if t.lemma_.lower() in ORGANISATION_NOUNS else None) \
                or (_ministry(c, set()) if t.lemma_.lower() == "ministry" else None)
            if org:
                bodies.append((org, "organisation"))
                continue
        if t.dep_ == "amod" and t.tag_ in ("VBN", "VBD") and t.i < head.i and not given:
            # "sacked manager X": what happened to the holder, not the post's name (a dismissal ends it)
            if t.lemma_.lower() in ("sack", "dismiss", "fire", "oust", "depose", "remove"):
                qualifier = qualifier or "former"
            continue
        one_time = re.match(r"(?i)one\s?[-\u2011]?\s?time\b", c.text[t.idx : t.idx + 10]) if t.i < head.i else None
        if one_time and not given:  # "the one-time finance director": former
            qualifier = qualifier or "former"
            skip |= {x.i for x in head.doc[t.i : head.i] if x.idx < t.idx + one_time.end()}
            continue
        word = t.lower_.rstrip("-")
        if word in QUALIFIERS and t.i < head.i and not given:
            qualifier = qualifier or QUALIFIERS[word]
            continue
        if t.i < head.i and t.dep_ in ("amod", "advmod", "compound") and t.lower_.strip("-") in TRANSIENT \
                and (t.text.islower() or t.i == t.sent.start):  # (not "New Democrat")
            continue  # "its new chief financial officer", "the outgoing chairman": the post is the same
        if t.dep_ == "advmod" and t.i < head.i and t.lower_ in FORMERLY and not given:
            qualifier = qualifier or "former"  # "X, formerly head of Y", "X, previously Y's chairman"
            continue
        if t.pos_ == "PRON" or t.dep_ == "advmod" and t.i < head.i and t.pos_ == "ADV":
            continue  # (and "now a professor", "also a member": not the role's words)
        if t.dep_ in ("amod", "compound", "nmod") and t.text[:1].isupper() and t.i < head.i and not posted:
            country = _nationality(c, t)
            national = national or bool(country) or bool(nationality_code(t.text))
            if country:  # "her Kenyan counterpart": Kenya's holder of her post
                bodies.append(_government(c, country))
                continue
        if t.dep_ in ("det", "punct", "case") or t.pos_ in ("DET", "PUNCT") and t.text != "-":
            continue
        role_tokens.append(t)
    # words of a body's own name ("Oslo Chamber" of "Oslo Chamber of Commerce spokeswoman") are not the role
    role_tokens = [t for t in role_tokens if t.i not in skip and not (
        (hit := c.entity_at(t.idx, t.idx + len(t))) and hit[1] in ("organisation", "location") and hit in bodies)]
    if len(bodies) > len(assigned):
        # "Y's envoy for Z", "Y's ambassador to Z": Y employs; Z is where the post is
        bodies = [b for b in bodies if b not in assigned]
    if not role_tokens:
        return
    if any((hit := c.entity_at(t.idx, t.idx + len(t))) and hit[1] == "person" and hit[0] != person for t in role_tokens):
        return  # "Trade Minister A and Health Minister B" misparsed as one title: another person is no role
    role = _words(c, role_tokens)
    if head.text.rstrip("s") in LEGISLATORS:
        role = re.sub(rf"\b{re.escape(head.text)}\b", LEGISLATORS[head.text.rstrip("s")], role)
    for t in role_tokens:  # "Sen. X": the title written out, as an annotator writes it ("senator")
        if t.lower_ in ABBREVIATED and t.text[:1].isupper():
            role = re.sub(rf"(?<![\w.]){re.escape(t.text)}(?![\w.])", ABBREVIATED[t.lower_], role)
    if head.tag_ == "NNS" and role.endswith(head.text) and head in role_tokens:
        role = role[: len(role) - len(head.text)] + head.lemma_  # "both members of Y": a member
    # the evidence: the name with the whole role phrase (its body included, not its clauses)
    clauses = {x.i for t in head.subtree if t.dep_ in ("relcl", "acl", "advcl") and t != head for x in t.subtree} | split_out
    if head.dep_ != "appos" or head.head != name:
        clauses |= {x.i for t in head.subtree if t.dep_ == "appos" and t != name and t.i > head.i for x in t.subtree}
    kept = [t.i for t in phrase if t.i not in clauses] + [_first_of_name(c, name, person), name.i]
    doc = head.doc
    first, last = min(kept), max(kept)
    while last > first and (doc[last].is_punct or doc[last].is_space) and doc[last].text != ")":
        last -= 1
    if doc[last].text == ")" and "(" not in doc[first:last].text:
        last -= 1
    while first < last and (doc[first].is_punct or doc[first].dep_ == "det" and doc[first].i < head.i and before_name is False
                             and doc[first].head == head and head.i < name.i):
        first += 1
    place_role = _is_place_role(head)
    if not bodies and not outside and before_name and head.lemma_.lower() in STAFF_TITLES and not national \
            and not any(c.entity_at(t.idx, t.idx + len(t)) and c.entity_at(t.idx, t.idx + len(t))[1] == "organisation"
                        and not _opponent(t) for t in head.sent if not c.inside_quote(t.idx)):
        # "Chief Executive X said", "assistant coach X will take charge": a title with no body, in a
        # sentence naming no organisation, is held in the organisation the story leads with
        lede = _story_organisation(c)
        outside = [(lede, "organisation")] if lede else []
    if not bodies and not outside and head.lemma_.lower() == "minister" and not national and not counterpart:
        # "Health Minister X" in a story naming one health ministry ("Ministry of Health of Y"): that ministry
        portfolio = {w for w in re.findall(r"\w+", role.lower()) if w not in MINISTRY_WORDS}
        ministry = _ministry(c, portfolio) if portfolio else None
        outside = [(ministry, "organisation")] if ministry else []
    level = next((PLACE_LEVELS[t.lower_] for t in role_tokens if t.lower_ in PLACE_LEVELS and t.i < head.i), None)
    if not bodies and not outside and level and place_role and not national and not counterpart:
        # "Provincial governor X" in a story that names one province: that province's
        # (in the story's own country, its dateline's or most of its places': no Canadian
        # "provincial minister" of Florida, the one state a Halifax story happens to name)
        home = dateline_country(c.text) or _main_country(c)
        places = {c.ids[id(e)] for e in c.entities if e.kind == "location" and e.place is not None
                  and e.place.kind == level and c.ids.get(id(e)) and (home is None or e.place.country_code == home)}
        outside = [(places.pop(), "location")] if len(places) == 1 else []
    if not bodies and not outside and before_name and head.lemma_.lower() in MINISTERIAL and not national and not counterpart:
        # "Education Minister X" in a story that names one country and no other: that country's
        country = _only_country(c)
        outside = [country] if country else []
    if not bodies and not outside and head.lemma_.lower() in SEATS:
        # "Judge X" in a story that names one court: that court; likewise a councillor's council
        seat = _organisation_by_head_word(c, SEATS[head.lemma_.lower()])
        outside = [(seat, "organisation")] if seat else []
    for body in [b for b in bodies or outside if place_role or not _from_place(c, b)] or [None]:
        if counterpart and body is None:
            return  # "her counterpart": whose counterpart is another fact
        record: dict = {"person": person, "role": role, "start": doc[first].idx, "end": doc[last].idx + len(doc[last])}
        if counterpart:
            # the post is the one the possessor holds (extract_affiliations fills it in, or drops the record)
            other = _possessor_person(c, head, person)
            if other is None:
                return
            record["counterpart_of"] = other
        if body is not None and place_role:
            record.update(_public_post(c, body, role))
        elif body is not None:
            record[body[1]] = body[0]
        if qualifier:
            record["qualifier"] = qualifier
        if body is None and client:
            record["role"] = f"{role} of {c.name_of(client)}"
            record["held_for"] = True
            if head.lemma_.lower() == "deputy":
                record["deputy_of"] = (client, role)  # (extract_affiliations gives it the body of that person's post)
        elif body is None and head.lower_ in FAMILY:
            continue  # "her daughter": whose, the text does not say here
        elif body is None and _vague_body(role_tokens, ("of", "at", "with", "in", "for") if qualifier and not _is_profession(head)
                                          else ("of", "at", "with")):
            continue  # "a former deputy clerk of the county assembly": a body the article did not find
        elif body is None and _is_profession(head) and not unresolved and not any(
                (t.pos_ == "PROPN" or t.text[:1].isupper()) and t != head and not _is_role(t) and not nationality_code(t.text)
                for t in role_tokens):  # ("Greenpeace activist X": a body the article did not find)
            pass  # "X, a solicitor": an occupation, whoever employs its holder
        elif body is None and not qualifier:
            continue  # "the firm's president": of which body the text does not say here
        yield record


def _family(c: Context, head: Token, person: str, name: Token) -> Iterator[dict]:
    """"Her daughter, X", "Y's son, X", "X, the widow of Y": a tie to a person (never a body),
    kept only when the text says to whom ("his", "her": the person the pronoun stands for)."""
    kin, qualifier = None, None
    for g in head.children:
        if g.dep_ == "poss":
            kin = _client(c, g, person)
        elif g.dep_ == "prep" and g.lower_ == "of":
            for p in (x for x in g.children if x.dep_ == "pobj"):
                hit = c.entity_at(p.idx, p.idx + len(p))
                kin = hit[0] if hit and hit[1] == "person" and hit[0] != person else kin
        elif g.dep_ == "amod" and g.i < head.i and g.lower_ in ("late", "former", "ex"):
            qualifier = QUALIFIERS[g.lower_]
    if kin is None:
        return
    inner = {x.i for x in name.subtree} if name in head.subtree else set()
    tokens = [t.i for t in head.subtree if t.i not in inner and not t.is_punct and (t == head or t.dep_ not in ("relcl", "acl", "appos"))]
    tokens += [_first_of_name(c, name, person), name.i]
    doc = head.doc
    first, last = min(tokens), max(tokens)
    while first < last and doc[first].dep_ == "det":
        first += 1
    record = {"person": person, "role": f"{head.lower_} of {c.name_of(kin)}", "held_for": True,
              "start": doc[first].idx, "end": doc[last].idx + len(doc[last])}
    if qualifier:
        record["qualifier"] = qualifier
    yield record


def _is_age(token: Token) -> bool:
    """"29-year-old", "five-year-old": an age told before a noun."""
    words = [x.lower_ for x in token.subtree if x.text != "-"]
    return len(words) >= 2 and words[-1] == "old" and words[-2] in ("year", "years") or bool(
        re.fullmatch(r"\d+-years?-old", token.lower_))


def _vague_body(role_tokens: list[Token], prepositions: tuple[str, ...]) -> bool:
    """Whether the role's words hold "of/at ... the <noun>" (a definite body not resolved)."""
    return any(t.dep_ == "prep" and t.lower_ in prepositions and any(
        p.dep_ == "pobj" and any(d.dep_ in ("det", "poss") and d.lower_ not in ("a", "an") for d in p.children)
        for p in t.children) for t in role_tokens)


def _public_post(c: Context, body: tuple[str, str], role: str) -> dict:
    """The body of a country's post ("Peru's production minister"): the country, and the
    ministry the article names for the post's portfolio ("Ministry of Production of Peru") --
    rather than the whole government, of which the ministry is the part that employs."""
    country = body
    if body[1] == "organisation":
        name = c.name_of(body[0])
        if not name.startswith("Government of "):
            return {"organisation": body[0]}
        place = next((c.ids[id(e)] for e in c.entities if e.kind == "location" and e.name == name[len("Government of "):]
                      and c.ids.get(id(e))), None)
        if place is None:
            return {"organisation": body[0]}
        country = (place, "location")
    out = {"location": country[0]}
    portfolio = {w for w in re.findall(r"\w+", role.lower()) if w not in MINISTRY_WORDS}
    suffix = f" of {c.name_of(country[0])}"
    ministries = {c.ids[id(e)] for e in c.entities if e.kind == "organisation" and c.ids.get(id(e))
                  and e.name.startswith("Ministry of ") and e.name.endswith(suffix)
                  and portfolio & set(re.findall(r"\w+", e.name[len("Ministry of ") : -len(suffix)].lower()))}
    if len(ministries) == 1 and "minister" in role.lower():
        out["organisation"] = ministries.pop()
    return out


def _ministry(c: Context, portfolio: set[str]) -> str | None:
    """The one organisation named "Ministry of ..." (sharing a word with ``portfolio``, when given)."""
    found = {c.ids[id(e)] for e in c.entities if e.kind == "organisation" and c.ids.get(id(e))
             and e.name.startswith("Ministry of ")
             and (not portfolio or portfolio & set(re.findall(r"\w+", e.name[len("Ministry of "):].lower())))}
    return found.pop() if len(found) == 1 else None


def _opponent(token: Token) -> bool:
    """"the match against X": X is the other side, not the body of anyone's title."""
    while token.dep_ in ("compound", "flat", "amod", "det") and token.head != token:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in OPPONENT_PREPOSITIONS


def _client(c: Context, poss: Token, person: str) -> str | None:
    """"Y's lawyer", "his agent": the person (local id) the possessive names or stands for, not ``person``."""
    hit = c.entity_at(poss.idx, poss.idx + len(poss))
    if hit and hit[1] == "person":
        return hit[0] if hit[0] != person else None
    if poss.lower_ not in ("his", "her"):
        return None
    # the last other person named before it in this paragraph (or the sentence before), outside
    # quotations, whose pronoun is not known to be the other one: else "her deputy" may be anyone's
    sent = poss.sent
    since = min(c.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char,
                c.text.rfind("\n\n", 0, poss.idx) + 1)
    gender = c.attributor.gender if c.attributor else {}
    wanted = "m" if poss.lower_ == "his" else "f"
    recent = [p[2] for p in c.people_before(poss.idx, 12) if p[0] >= since and p[2] != person
              and gender.get(p[2], wanted) == wanted]
    if recent:
        return recent[-1]
    # nobody named so near ("She died on Sunday. Her daughter, X, said"): whom the statements stage
    # resolves the pronoun to, when that person's pronoun is known to be this one
    other = c.attributor.pronoun(poss) if c.attributor else None
    return other if other and other != person and gender.get(other) == wanted else None


def _possessor_person(c: Context, head: Token, person: str) -> str | None:
    """"her counterpart": the person "her" stands for -- the last other person named before it
    in the sentence, else the one the attribution stage resolves the pronoun to."""
    poss = next((g for g in head.children if g.dep_ == "poss" and g.lower_ in ("his", "her", "their")), None)
    if poss is None:
        return None
    before = [p[2] for p in c.people_before(poss.idx, 4) if p[0] >= head.sent.start_char and p[2] != person]
    if before:
        return before[-1]
    other = c.attributor.pronoun(poss) if c.attributor else None
    return other if other != person else None


def _relative(c: Context, rel: Token, person: str, name: Token, main: bool = False) -> Iterator[dict]:
    """What the clause ``rel`` ("who leads Y"; with ``main``, the main clause "X leads Y") says
    ``person`` is."""
    subjects = [g for g in rel.children if g.dep_ in ("nsubj", "nsubjpass")]
    if not main and any(g.lower_ not in ("who", "that") for g in subjects):
        return  # "X, whose brother runs Y", "X, whom the board named": the clause's subject is another
    verb = rel.lemma_.lower()
    objects = [g for g in rel.children if g.dep_ in ("dobj", "attr")]
    end_token = max(rel.subtree, key=lambda t: t.i)
    if verb == "lead" and any(_delegation(c, obj) for obj in objects):
        # "who led Kyrgyzstan's delegation": heads the delegation of that country, not leads it
        for obj in objects:
            for body in _delegation(c, obj):
                yield {"person": person, "role": f"head of {obj.lower_}", body[1]: body[0],
                       "start": name.doc[_first_of_name(c, name, person)].idx, "end": end_token.idx + len(end_token)}
    elif verb in LEADING_VERBS:
        # "who chaired Y until last year", "who led Y until 2019": no longer
        ended = rel.tag_ == "VBD" and _ended(rel)
        for obj in objects:
            for body in _bodies(c, obj):
                yield {"person": person, "role": LEADING_VERBS[verb], body[1]: body[0], **({"qualifier": "former"} if ended else {}),
                       "start": name.doc[_first_of_name(c, name, person)].idx, "end": end_token.idx + len(end_token),
                       "by_verb": True}
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
    elif verb in OCCUPYING_VERBS:
        # "who studies water policy at Y" (researcher), "who teaches at Y", "who speaks on energy for Y"
        preps = [g for g in rel.children if g.dep_ == "prep"]
        preps += [g for o in rel.children if o.dep_ == "dobj" for g in o.children if g.dep_ == "prep"]  # (the parser's)
        at = [b for g in preps if g.lower_ == OCCUPYING_VERBS[verb][1] for p in g.children if p.dep_ == "pobj"
              for b in _bodies(c, p) if b[1] == "organisation"]
        topic = next((" ".join(x.text for x in g.subtree) for g in preps if g.lower_ == "on" and verb == "speak"), "")
        for body in at:
            yield {"person": person, "role": OCCUPYING_VERBS[verb][0] + (f" {topic}" if topic else ""), body[1]: body[0],
                   "start": name.doc[_first_of_name(c, name, person)].idx, "end": end_token.idx + len(end_token)}
    elif verb in ("be", "become", "remain"):  # "X, who is Y's chief economist", "who became Y's chairman"
        # "who was Y's chief executive until 2019", "who was its chairman from 2010 to 2015": no longer
        ended = rel.tag_ == "VBD" and _ended(rel)
        for obj in objects:
            yield from _role_phrase(c, obj, person, name, qualifier="former" if ended else None)
    elif any(g.dep_ == "prep" and g.lower_ == "as" for g in rel.children) and (
            verb in ("replace", "succeed") or not any(g.dep_ == "dobj" for g in rel.children)):
        # (with an object the "as" phrase is the object's: "described Y as a leader of Z"; but
        # "replaced Y as chief executive" is the subject's post)
        # "who took over as chief executive of Y", "who stepped down as Y's chairman" (former)
        done = verb in LEAVING_VERBS or verb in ("retire", "step") and any(g.lower_ == "down" for g in rel.children)
        for prep in (g for g in rel.children if g.dep_ == "prep" and g.lower_ == "as"):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                yield from _role_phrase(c, pobj, person, name, qualifier="former" if done else None)
    elif verb in ("appoint", "name", "elect") and any(g.dep_ == "auxpass" for g in rel.children):
        # "X, who was appointed coach of Y in 2019"
        posts = [g for g in rel.children if g.dep_ in ("oprd", "xcomp", "attr")]
        posts += [p for g in rel.children if g.dep_ == "prep" and g.lower_ == "as" for p in g.children if p.dep_ == "pobj"]
        for post in posts:
            for record in _role_phrase(c, post, person, name):
                record["end"] = max(record["end"], post.idx + len(post))
                yield record
    elif verb in ("serve", "work", "act", "join", "sit") or verb in LEAVING_VERBS:
        # "who serves as Y's envoy", "who joined Y as chief executive", "who works for Y", "who
        # sits on Y's board" (a member), "who left Y", "who resigned from Y" (a former member)
        joined = [b for g in rel.children if g.dep_ == "dobj" for b in _member_bodies(c, g, verb == "sit")]
        places = ("on",) if verb == "sit" else ("for", "at", "in", "with") if verb == "join" else ("for", "at", "in", "from", "with")
        joined += [b for g in rel.children if g.dep_ == "prep" and g.lower_ in places
                   for p in g.children if p.dep_ == "pobj" for b in _member_bodies(c, p, verb == "sit")]
        former = {"qualifier": "former"} if verb in LEAVING_VERBS else {}
        if verb == "join":  # "who joined Y from Z": Z is where the person was before
            start = name.doc[_first_of_name(c, name, person)].idx
            for body in (b for g in rel.children if g.dep_ == "prep" and g.lower_ == "from"
                         for p in g.children if p.dep_ == "pobj" for b in _bodies(c, p) if b[1] == "organisation"):
                yield {"person": person, body[1]: body[0], "qualifier": "former", "start": start, "end": end_token.idx + len(end_token)}
        roles = []
        for prep in (g for g in rel.children if g.dep_ == "prep" and g.lower_ == "as"):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                roles += list(_role_phrase(c, pobj, person, name, bodies=joined, qualifier=former.get("qualifier")))
        yield from roles
        if not roles and verb != "act":
            start = name.doc[_first_of_name(c, name, person)].idx
            for body in joined:
                yield {"person": person, body[1]: body[0], **former, "start": start, "end": end_token.idx + len(end_token)}
    elif verb == "live":
        for prep in (g for g in rel.children if g.dep_ == "prep" and g.lower_ in ("in", "on", "at")):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                hit = c.entity_at(pobj.idx, pobj.idx + len(pobj))
                if hit and hit[1] == "location":
                    yield {"person": person, "role": "resident", "location": hit[0],
                           "start": name.doc[_first_of_name(c, name, person)].idx, "end": end_token.idx + len(end_token)}


def _ended(verb: Token) -> bool:
    """"... until 2019", "... from 2010 to 2015", "... between 2010 and 2015": a time that ended
    (a phrase of the verb or of its object)."""
    preps = [g for g in verb.children if g.dep_ == "prep"]
    preps += [g for o in verb.children if o.dep_ in ("attr", "dobj") for g in o.children if g.dep_ == "prep"]
    if any(g.lower_ in ("until", "till") for g in preps):
        return True
    return any(g.lower_ == "between" and any(x.ent_type_ == "DATE" for x in g.subtree) for g in preps) or any(
        g.lower_ == "from" and any(x.ent_type_ == "DATE" for x in g.subtree) and any(
            x.lower_ == "to" for x in g.doc[g.i : min(g.i + 6, len(g.doc))]) for g in preps)


def _member_bodies(c: Context, token: Token, seat: bool = False) -> list[tuple[str, str]]:
    """The organisations one joins, leaves or works for: the phrase must be the body itself
    ("joined Y", "works for the company") or a part of it ("worked in Y's audit department"),
    not a thing of it ("left the Y building", "joined the Y talks"); one sits on a body or on
    its board or committee ("sits on Y's board")."""
    units = ("board", "committee", "council", "panel", "commission") if seat else \
        ("department", "division", "unit", "team", "section", "branch", "bureau", "desk")  # (not "offices": a building)
    if token.lemma_.lower() in units and not c.entity_at(token.idx, token.idx + len(token)):
        # "sits on Y's board", "worked in the board's audit department": the body of the part
        return [b for b in _bodies(c, token) if b[1] == "organisation"]
    found = []
    for t in [token, *token.conjuncts]:
        hit = c.entity_at(t.idx, t.idx + len(t))
        org = hit[0] if hit and hit[1] == "organisation" else None if hit or t.pos_ == "NOUN" and t.lemma_.lower() not in BODY_NOUNS \
            else _organisation_by_word(c, t)
        if org:
            found.append((org, "organisation"))
    return found


def _delegation(c: Context, noun: Token) -> list[tuple[str, str]]:
    """"Kyrgyzstan's delegation", "the movement's team", "the Uzbek delegation": the body a
    delegation is sent by (its possessor, or the country of its nationality adjective)."""
    if noun.lemma_.lower() not in DELEGATIONS:
        return []
    found: list[tuple[str, str]] = []
    for g in noun.children:
        if g.dep_ in ("poss", "compound"):
            hit = c.entity_at(g.idx, g.idx + len(g))
            org = _organisation_by_word(c, g) if not hit else None
            if hit and hit[1] in ("organisation", "location"):
                found.append(_government(c, hit) if hit[1] == "location" else hit)
            elif org:
                found.append((org, "organisation"))
        elif g.dep_ == "amod" and g.text[:1].isupper():
            country = _nationality(c, g)
            if country:
                found.append(_government(c, country))
    return found


def _led_delegation(c: Context, name: Token, person: str) -> Iterator[dict]:
    """"X led the movement's delegation", "Y's delegation was led by X": head of delegation of Y."""
    if name.dep_ == "nsubj" and name.head.lemma_ == "lead":
        nouns = [g for g in name.head.children if g.dep_ == "dobj"]
        verb = name.head
    elif name.dep_ == "pobj" and name.head.dep_ == "agent" and name.head.head.lemma_ == "lead":
        verb = name.head.head
        nouns = [g for g in verb.children if g.dep_ == "nsubjpass"]
    else:
        return
    for noun in nouns:
        for body in _delegation(c, noun):
            tokens = [*noun.subtree, verb, name]
            first, last = min(t.i for t in tokens), max(t.i for t in tokens)
            first = min(first, _first_of_name(c, name, person))
            doc = name.doc
            yield {"person": person, "role": f"head of {noun.lower_}", body[1]: body[0],
                   "start": doc[first].idx, "end": doc[last].idx + len(doc[last])}


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
    proper = token.pos_ == "NOUN" and token.text[:1].isupper() and token.lower_ not in ORGANISATION_NOUNS \
        and token.dep_ in ("compound", "nmod", "poss")
    if token.pos_ == "PROPN" or proper:  # (proper: a capitalised word the tagger called a noun, "Riverside chairman")
        # (not a committee named after its parent: "Senate Majority Leader" is not of the "Senate Budget Committee")
        matches = [e for e in c.entities if e.kind == "organisation" and e.name.split()[0] == word
                   and e.name.split()[-1].lower() not in SUB_BODIES]
    elif any(d.lower_ == "the" for d in token.children) and token.pos_ == "NOUN":
        # "the Save Our Park action group": the organisation its own words name
        inner = {hit[0] for g in token.children if g.dep_ == "compound" and g.i < token.i
                 for hit in [c.entity_at(g.idx, g.idx + len(g))] if hit and hit[1] == "organisation"}
        if len(inner) == 1 and token.lemma_.lower() in BODY_NOUNS:
            return inner.pop()
        if inner or any(g.dep_ == "compound" and g.pos_ == "PROPN" for g in token.children):
            return None  # ("the Y building", "the Y talks": a thing of Y, not Y)
        # the body whose name is a kind of that noun ("the airline": "X Airlines", not "Union of
        # X Airline Pilots"), else one whose name holds the word
        matches = [e for e in c.entities if e.kind == "organisation"
                   and name_head_word(e.name).removesuffix("s") == token.lemma_.lower().removesuffix("s")] \
            or [e for e in c.entities if e.kind == "organisation" and token.lower_ in {w.lower() for w in e.name.split()[1:]}]
        described = c.attributor.described_organisation(token, token.idx) \
            if c.attributor and not matches and token.lemma_.lower() in BODY_NOUNS else None
        if described or not matches and token.lemma_.lower() in ORGANISATION_NOUNS:
            # "a spokeswoman for the company": the organisation an apposition described with that
            # noun ("X, a mobile operator company", "the tenants' coalition X"), else (a company's,
            # a party's noun) the one the story is about
            return described or _unless_another_before(c, token, _story_organisation(c))
        # "the board": of "X Water Board" and "X Water Board audit committee", the one it is the head of
        headed = [e for e in matches if e.name.split()[-1].lower() == token.lower_]
        matches = headed if len({c.ids.get(id(e)) for e in headed} - {None}) == 1 else matches
        locals_ = {c.ids.get(id(e)) for e in matches} - {None}
        return _unless_another_before(c, token, locals_.pop()) if len(locals_) == 1 else None
    else:
        return None
    locals_ = {c.ids.get(id(e)) for e in matches} - {None}
    return locals_.pop() if len(locals_) == 1 else None


def name_head_word(name: str) -> str:
    """The word a body's name is a kind of: "union" of "Union of X Pilots" and of "X Workers' Union";
    "board" of "X's safety review board"."""
    words = re.findall(r"[\w’'-]+", name)
    if words and not words[-1][:1].isupper():
        return words[-1].lower()
    words = re.findall(r"[\w’'-]+", name.split(" of ")[0])
    return words[-1].lower().strip("’'") if words else ""


def _unless_another_before(c: Context, token: Token, local: str | None) -> str | None:
    """``local`` for "the party" or "the company", unless the organisation named last before it
    (in its sentence, outside quotations) is another: then "the party" may be that one, and
    which it is the text does not say for sure."""
    if local is None:
        return None
    since = token.sent.start_char
    last = None
    for start, end, other, kind in c.mentions():
        if start >= token.idx:
            break
        if start >= since and kind == "organisation" and not c.inside_quote(start) \
                and not c.name_of(other).startswith("Government of "):
            last = other
    return local if last is None or last == local else None


def _organisation_by_head(c: Context, token: Token) -> str | None:
    """"council" -> the one organisation whose name ends with that noun ("Y Borough Council");
    English names put their head noun last; else the one whose name holds it ("union" of
    "X National Union of Teachers")."""
    return _organisation_by_head_word(c, token.lemma_.lower())


def _organisation_holding(c: Context, word: str) -> str | None:
    """The one organisation whose name holds ``word`` anywhere ("union" of "X Union of Teachers")."""
    locals_ = {c.ids.get(id(e)) for e in c.entities if e.kind == "organisation"
               and word in (w.lower() for w in e.name.split())} - {None}
    return locals_.pop() if len(locals_) == 1 else None


def _main_country(c: Context) -> str | None:
    """The country most of the article's places (more than half of them) lie in."""
    codes = [e.place.country_code for e in c.entities if e.kind == "location" and e.place is not None and e.place.country_code]
    top = max(set(codes), key=codes.count) if codes else None
    return top if top and codes.count(top) * 2 > len(codes) else None


def _only_country(c: Context) -> tuple[str, str] | None:
    """The country the article names, when it names exactly one (its government, if named)."""
    countries = {c.ids[id(e)] for e in c.entities if e.kind == "location" and e.place is not None
                 and e.place.kind == "country" and c.ids.get(id(e))}
    return _government(c, (countries.pop(), "location")) if len(countries) == 1 else None


def _story_organisation(c: Context) -> str | None:
    """The organisation the story is about: the subject of its first sentence, else the only
    one that sentence names ("Shares in Y fell ..."), or the only one it gives a post in ("X
    resigned as chairman of Y, hours after Z ..."), else the one the story names most often (at
    least twice, and more often than each other)."""
    lede = _lede_organisation(c)
    if lede:
        return lede
    first = next((s for s in c.doc.sents if any(t.pos_ in ("VERB", "AUX") for t in s)), None)
    named = {m[2] for m in c.mentions() if first is not None and first.start_char <= m[0] < first.end_char
             and m[3] == "organisation" and not c.inside_quote(m[0]) and not c.name_of(m[2]).startswith("Government of ")}
    if len(named) == 1:
        return named.pop()
    posts = {hit[0] for t in (first or []) if t.dep_ == "pobj" and t.head.lower_ in ("of", "at") and _is_role(t.head.head)
             for hit in [c.entity_at(t.idx, t.idx + len(t))] if hit and hit[0] in named}
    if len(posts) == 1:
        return posts.pop()
    counts: dict[str, int] = {}
    for m in c.mentions():
        if m[3] == "organisation" and not c.inside_quote(m[0]) and not c.name_of(m[2]).startswith("Government of "):
            counts[m[2]] = counts.get(m[2], 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def _lede_organisation(c: Context) -> str | None:
    """The organisation that is the subject of the story's first sentence ("Y dismissed its coach")."""
    first = next((s for s in c.doc.sents if any(t.pos_ in ("VERB", "AUX") for t in s)), None)
    if first is None:
        return None
    for t in first:
        if t.dep_ in ("nsubj", "nsubjpass") and not c.inside_quote(t.idx):
            hit = c.entity_at(t.idx, t.idx + len(t))
            # (a story about what a government does is not about a club or company of its staff)
            if hit and hit[1] == "organisation" and not c.name_of(hit[0]).startswith("Government of "):
                return hit[0]
    return None


def _organisation_by_head_word(c: Context, word: str) -> str | None:
    """The one organisation whose name ends with ``word``; of several ("X Borough Council" and
    "Y County Council"), the one the story names most (in its own name or inside another's,
    "X Borough Council planning committee"), when it names it more than each other."""
    locals_ = {c.ids.get(id(e)) for e in c.entities if e.kind == "organisation"
               and e.name.split()[-1].lower().rstrip("s") == word.rstrip("s")} - {None}
    if len(locals_) <= 1:
        return locals_.pop() if locals_ else None
    counts = sorted(((sum(1 for m in c.mentions() if m[3] == "organisation" and c.name_of(local) in c.name_of(m[2])), local)
                     for local in locals_), reverse=True)
    return counts[0][1] if counts[0][0] > counts[1][0] else None


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
            # "the board of Y", "the ministry's Y", "the board's finance department": look one level down
            for g in t.children:
                # ("the Lombardy region", "the Kano state": the place a place noun's modifier names)
                named_place = g.dep_ == "amod" and g.i < t.i and t.lemma_.lower() in PLACE_NOUNS
                if g.dep_ in ("poss", "compound", "appos") or g.dep_ == "prep" and g.lower_ == "of" or named_place:
                    inner = [x for x in ([g] if g.dep_ != "prep" else [p for p in g.children if p.dep_ == "pobj"])]
                    for x in inner:
                        sub = c.entity_at(x.idx, x.idx + len(x))
                        if sub and (sub[1] == "location" or sub[1] == "organisation" and not named_place):
                            found.append((sub[0], sub[1]))
                        elif not sub and g.dep_ == "poss" and (org := _organisation_by_word(c, x)):
                            found.append((org, "organisation"))
    return list(dict.fromkeys(found))


def _nationality(c: Context, token: Token) -> tuple[str, str] | None:
    """"Tanzanian" -> the article's location for Tanzania, when it names it ("South Sudanese":
    the word before it too; "-ese" adjectives are the name with that ending)."""
    words = [token.text]
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.text[:1].isupper() and before.dep_ in ("amod", "compound") and before.head in (token, token.head):
        words.insert(0, f"{before.text} {token.text}")
    code = next((found for found in map(nationality_code, words) if found), None)
    if not code:
        return _named_country_of_adjective(c, words[-1])
    for e in c.entities:
        if e.kind == "location" and e.place is not None and e.place.kind == "country" \
                and e.place.country_code == code and c.ids.get(id(e)):
            return c.ids[id(e)], "location"
    return None


def _named_country_of_adjective(c: Context, word: str) -> tuple[str, str] | None:
    """"Italian" -> Italy, "Canadian" -> Canada, "Iranian" -> Iran: a country the article names
    whose name (less a final vowel or y) the adjective begins with, before a demonym ending;
    of two ("Niger", "Nigeria"), the longer."""
    word = word.lower()
    best: tuple[int, str] | None = None
    for e in c.entities:
        if e.kind != "location" or e.place is None or e.place.kind != "country" or not c.ids.get(id(e)):
            continue
        stem = e.name.lower()
        stem = stem[:-1] if stem[-1:] in "aeiouy" else stem
        if len(stem) >= 3 and word.startswith(stem) and re.fullmatch(r"(?:i?an|n|ese|i|ish|ic|ean|er)", word[len(stem):]) \
                and (best is None or len(stem) > best[0]):
            best = (len(stem), c.ids[id(e)])
    return (best[1], "location") if best else None


def _words(c: Context, tokens: list[Token]) -> str:
    """The role's words as written, from its first to its last token (contiguous runs joined)."""
    tokens = sorted(tokens, key=lambda t: t.i)
    runs, current = [], [tokens[0]]
    doc = tokens[0].doc
    for t in tokens[1:]:
        # "founder and chairman": the "and" between two role words stays in the role
        # (also "chairman and chief executive": the word after "and" a modifier of the conjunct)
        # (and a hyphen the role's tokens leave out: "mine-site electrician", "secretary-general")
        if t.i == current[-1].i + 1 or all(doc[j].text == "-" and doc[j].whitespace_ == "" and doc[j - 1].whitespace_ == ""
                                           for j in range(current[-1].i + 1, t.i)) \
                or all(doc[j].dep_ == "cc" for j in range(current[-1].i + 1, t.i)) and (
                t.dep_ == "conj" or t.head.dep_ == "conj" and t.head.i > t.i):
            current.append(t)
        else:
            runs.append(current)
            current = [t]
    runs.append(current)
    words = " ".join(c.text[r[0].idx : r[-1].idx + len(r[-1])] for r in runs)
    # (never a preposition last: "Mayor of" when the body's name was taken into another's)
    return re.sub(r"(?:\s+(?:of|for|at|to|with|in|and))+\Z", "", " ".join(words.split()).strip(" ,"))
