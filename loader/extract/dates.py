"""Stage 7: dates, resolved against the article's date, as dated events.

Input: the DATE entities of the parse and the publication date; output: ``events``.
Only date entities are parsed (dateparser's whole-text search finds dates in "We" and
"now"). Small rules come first, because dateparser gets them wrong or not at all:

* decades ("the 1990s" -> ``199``), years ("1998"), "since X" (marked ``since``);
* this/last/next year or month; yesterday, today, tomorrow;
* weekdays: the last one on or before the article's date ("on Monday"), or after it
  ("next Wednesday");
* a month alone or a month and day: the latest such date not after the article's date;

then dateparser (``RELATIVE_BASE`` = article date, ``PREFER_DATES_FROM`` = past) for the
rest that name a month, a weekday or a number. Durations ("two years", "ten days") and
seasons are not dates. The evidence is the date's sentence; the description is its clause,
and there is one event per date and clause.

Tense and modality: "will/would", a bare verb or a plan look forward; a plan told in the
past ("was due to leave on June 3", "planned to open in May") takes the date nearest the
article's, either side. "The day before", "two days later" count from the sentence's own
date ("three days after a defeat" dates the defeat); "On Monday, the day after the final"
is Monday told again. Not events: datelines ("OSLO, June 3 -", "Oslo, June 3 -"), a
"Categories:" or "Sources:" paragraph, a bracketed citation ("(Daily Post, June 10, 2024)")
and a bare year naming a document ("the 2024 report"). Inside quotations, day-level words (today, on Monday) are the
speaker's and left out; "next year" is the article's year too.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from spacy.tokens import Doc

from .mentions import CLUB_WITH_YEAR
from .records import span_value

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = {m: i + 1 for i, m in enumerate(MONTHS)} | {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_LEAD = re.compile(r"^(?:(?:in|on|at|since|by|during|from|until|early|late|mid|the)\s+|mid-)+", re.I)
_DURATION = re.compile(r"\b(?:years|months|weeks|days|hours|decades|minutes)\b|\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:year|month|week|day|hour|decade)\b", re.I)
PLAN_VERBS = frozenset("propose plan expect schedule intend hope invite promise aim".split())
# happenings a date after them may belong to ("discussed a rally in May": the rally's May)
EVENT_NOUNS = frozenset("rally meeting summit talks visit strike election vote trip tour conference protest march "
                        "referendum launch debate hearing trial ceremony congress convention".split())
# verbs whose object is a happening that may still be to come: "discussed a rally in May"
DISCUSSING_VERBS = frozenset("discuss propose plan announce agree arrange approve call schedule set suggest "
                             "back reject demand seek request organise organize".split())
# verbs that put a happening on a date ahead: "scheduled for", "called for Saturday", "pencilled in for Friday"
SETTING = frozenset("schedule plan set due slate call pencil fix book arrange convene propose".split())
# the governors of a plan told in the past: "was due to", "were supposed to", "planned to"
PLANNED_IN_PAST = frozenset("be due supposed suppose scheduled set meant expected slated plan intend hope want aim expect schedule".split())
# Words whose date depends on when they were said: inside a quotation the article cannot resolve them.
DEICTIC = re.compile(r"\b(?:today|yesterday|tomorrow|tonight|this|last|next|ago|the (?:year|month)$|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
# ... but a year said in a quotation ("next year", "last year") is the article's year: a quotation in
# the news was spoken days, not years, before it was printed
YEAR_DEICTIC = re.compile(r"^(?:(?:in|by|during|since|until|before)\s+)?(?:(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+)?"
                          r"(?:this|last|next|the past|the coming|the)\s+(?:year|month)$", re.I)
# "the day before", "two days later": a date counted from another date of the sentence
ANCHORED = re.compile(r"^(?:the\s+)?(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|the)\s+(day|week)s?\s+"
                      r"(before|after|earlier|later)$", re.I)
# "that morning", "early that day": the day last named, told again
THAT_DAY = re.compile(r"^(?:(?:early|late|later|earlier)\s+)?(?:on\s+)?(that)\s+(morning|afternoon|evening|night|day|week)$", re.I)
_PART_OF_DAY = re.compile(r"\s+(?:morning|afternoon|evening|night)$", re.I)


NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10}
# "the fifth of April": ordinal words for the days of a month
_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
             "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
ORDINAL_DAYS = {w: i + 1 for i, w in enumerate(_ORDINALS)} | {"twenty-" + w: 21 + i for i, w in enumerate(_ORDINALS[:9])} \
    | {"thirtieth": 30, "thirty-first": 31}
# verbs of asking for something by a deadline ("asked for a report by Tuesday")
DEMANDING = frozenset("ask demand request order require urge want expect promise".split())
# verbs whose infinitive says the thing was done (or not) when they are in the past: "failed to
# agree on Tuesday", "managed to sign on Monday", "refused to meet last week" look back
IMPLICATIVE = frozenset("fail manage try attempt refuse decline begin start continue seem appear happen get rush struggle".split())
# things a year names rather than dates: "in the 1969 film", "in the 2024 report"
DOCUMENT_NOUNS = frozenset("report survey study film movie book album song paper edition version model budget census "
                           "accounts figures data poll novel documentary series".split())
# Lines that are not the story: a footer of categories, a list of sources, a publication stamp
_NOT_STORY = re.compile(r"^\s*(?:Categories|Sources?|Published|Updated|Last updated|Posted|Filed|Retrieved|Accessed|Related"
                        r"|Photo(?:graph)?s?|Image|Picture|Credit|Copyright|©|Correction|Clarification|Editor['’]s note)\b", re.I)
# a byline ("By Jane Doe, May 7, 2024") and the story's own publication ("This article was first published on May 3")
_BYLINE = re.compile(r"\s*(?:By|BY)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s+and\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?"
                     r"\s*[,|–—-]?\s*")
_SELF_PUBLISHED = re.compile(r"\bthis\s+(?:article|story|piece|page)\b[^.]*\b(?:published|updated|posted)\b[^.]*\Z"
                             r"|\b(?:originally|first)\s+(?:published|appeared|posted)\b[^.]*\Z", re.I)


def _first_day(value: str) -> dt.date:
    parts = (value + "-01-01")[:10] if len(value) == 4 else (value + "-01")[:10] if len(value) == 7 else value
    return dt.date.fromisoformat(parts)


def _shift_month(day: dt.date, months: int) -> str:
    index = day.year * 12 + day.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def resolve_date(surface: str, published: dt.date, future: bool | str = False) -> tuple[str, str] | None:
    """``(ISO prefix, precision)`` of a date expression, or None if it names no date.

    ``resolve_date("September 6", date(2022, 1, 26))`` -> ``("2021-09-06", "day")``.
    A bare month or weekday is the latest one not after the article's date, or with
    ``future`` (the sentence speaks of what will happen) the first one not before it, or
    with ``future="nearest"`` (a plan told in the past: "had been scheduled for June 20",
    "adjourned until July 1") the one nearest the article's date.
    """
    if future == "timetable":  # a timetable in the present: forward, but a month or day nearest
        if re.search("|".join(WEEKDAYS), surface, re.I):
            future = True
        else:
            future = "nearest"
    if future == "past_plan":  # "were due to meet on Friday": the Friday before; a month or day nearest
        future = False if re.search("|".join(WEEKDAYS), surface, re.I) else "nearest"
    if future == "nearest":
        past, coming = resolve_date(surface, published), resolve_date(surface, published, True)
        if not past or not coming or past == coming or len(past[0]) < 7:
            return past or coming
        return min((past, coming), key=lambda r: abs((_first_day(r[0]) - published).days))
    words = _PART_OF_DAY.sub("", _LEAD.sub("", surface.strip().lower().replace("’", "'"))).strip(" ,.")
    words = re.sub(r"'s?$", "", words)  # "last week's meeting": last week
    if not words:
        return None
    # "June this year", "March of last year", "May 4 next year": that month of the year said
    if m := re.fullmatch(r"(" + "|".join(sorted(_MONTH, key=len, reverse=True)) + r")\.?(?:\s+(\d{1,2})(?:st|nd|rd|th)?)?,?\s+(?:of\s+)?"
                         r"(this|last|next) year", words):
        year = published.year + {"this": 0, "last": -1, "next": 1}[m.group(3)]
        return resolve_date(f"{m.group(1)} {m.group(2) or ''} {year}".replace("  ", " "), published)
    if m := re.fullmatch(r"(1\d|20)(\d)0'?s", words):
        return m.group(1) + m.group(2), "decade"
    if re.fullmatch(r"(1[5-9]|20)\d\d", words):
        return words, "year"
    # "the second half of 2025", "the end of 2024", "the first quarter of 2026": within that year
    if m := re.fullmatch(r"(?:the )?(?:(?:first|second|third|fourth|final|last) )?(?:half|quarter|end|start|beginning|middle|part)"
                         r" of ((?:1[5-9]|20)\d\d)", words):
        return m.group(1), "year"
    # "the end of the year" is this year's end
    words = re.sub(r"^((?:the )?(?:end|start|beginning|middle) of) the (year|month)$", r"\1 this \2", words)
    relative = re.fullmatch(r"(?:(?:earlier|later|(?:the )?(?:end|start|beginning|middle) of) )?(this|last|next|past) (year|month)", words)
    if relative:
        step = {"this": 0, "last": -1, "past": -1, "next": 1}[relative.group(1)]
        if relative.group(2) == "year":
            return str(published.year + step), "year"
        return _shift_month(published, step), "month"
    if m := re.fullmatch(r"(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (year|month|week|day|decade)s? ago", words):
        n = NUMBER_WORDS[m.group(1)] if m.group(1) in NUMBER_WORDS else int(m.group(1))
        unit = m.group(2)
        if unit == "decade":  # "a decade ago": the year ten years back
            return str(published.year - 10 * n), "year"
        if unit == "year":
            return str(published.year - n), "year"
        if unit == "month":
            return _shift_month(published, -n), "month"
        back = published - dt.timedelta(days=n * (7 if unit == "week" else 1))
        return (back.isoformat(), "day") if unit == "day" else (back.isoformat()[:7], "month")
    # "summer 2022", "the spring of 2021": within that year ("each summer" is no date)
    if m := re.fullmatch(r"(?:the )?(?:spring|summer|autumn|fall|winter)(?: of)? ((?:1[5-9]|20)\d\d)", words):
        return m.group(1), "year"
    if m := re.fullmatch(r"(?:(?:earlier|later) )?(this|last|next|past) (week|weekend)", words):
        step = {"this": 0, "last": -7, "past": -7, "next": 7}[m.group(1)]
        return (published + dt.timedelta(days=step)).isoformat()[:7], "month"
    if words in ("weekend", "over the weekend"):
        # "over the weekend": the last one (a coming one when the sentence looks forward), by its month
        saturday = published + dt.timedelta(days=(5 - published.weekday()) % 7) if future \
            else published - dt.timedelta(days=(published.weekday() - 5) % 7)
        return saturday.isoformat()[:7], "month"
    if words in ("yesterday", "today", "tomorrow"):
        return (published + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[words])).isoformat(), "day"
    if m := re.fullmatch(r"(last|next|this|on)?\s*(" + "|".join(WEEKDAYS) + r")", words):
        target = WEEKDAYS.index(m.group(2))
        if m.group(1) == "next" or (future and m.group(1) != "last"):
            delta = (target - published.weekday()) % 7 or 7
            day = published + dt.timedelta(days=delta)
            if m.group(1) == "next" and target > published.weekday() and (day + dt.timedelta(days=7)).month == day.month \
                    and not re.match(r"(?:\w+\s+)?the\b", surface.strip(), re.I):  # ("the next Tuesday": the one after)
                # "next Friday" said on a Tuesday: this week's or the week after's; the month either way
                return day.isoformat()[:7], "month"
            return day.isoformat(), "day"
        delta = (published.weekday() - target) % 7
        if m.group(1) == "last" and delta == 0:
            delta = 7
        return (published - dt.timedelta(days=delta)).isoformat(), "day"
    month_names = "|".join(sorted(_MONTH, key=len, reverse=True))
    # "by the end of April", "the beginning of March 2023": that month
    words = re.sub(rf"^(?:the )?(?:end|start|beginning|middle|first half|second half) of (?=(?:{month_names})\b)", "", words)
    if m := re.fullmatch(rf"({month_names})\.?(?:\s+(\d{{1,2}})(?:st|nd|rd|th)?)?(?:,?\s+((?:1[5-9]|20)\d\d))?", words):
        month, day, year = _MONTH[m.group(1)], m.group(2), m.group(3)
        if year:
            y = int(year)
        elif future:
            y = published.year if (month, int(day or 31)) >= (published.month, published.day) else published.year + 1
        else:
            y = published.year if (month, int(day or 1)) <= (published.month, published.day) else published.year - 1
        if day:
            try:
                return dt.date(y, month, int(day)).isoformat(), "day"
            except ValueError:
                return None
        return f"{y:04d}-{month:02d}", "month"
    if m := re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({month_names})(?:,?\s+((?:1[5-9]|20)\d\d))?", words):
        return resolve_date(f"{m.group(2)} {m.group(1)} {m.group(3) or ''}".strip(), published, future)
    ordinal = "|".join(sorted(ORDINAL_DAYS, key=len, reverse=True))
    if m := re.fullmatch(rf"(?:the\s+)?({ordinal})\s+(?:of\s+)?({month_names})(?:,?\s+((?:1[5-9]|20)\d\d))?", words):
        return resolve_date(f"{m.group(2)} {ORDINAL_DAYS[m.group(1)]} {m.group(3) or ''}".strip(), published, future)
    if m := re.fullmatch(rf"({month_names})\s+(?:the\s+)?({ordinal})(?:,?\s+((?:1[5-9]|20)\d\d))?", words):
        return resolve_date(f"{m.group(1)} {ORDINAL_DAYS[m.group(2)]} {m.group(3) or ''}".strip(), published, future)
    # dateparser only for what names a month, a weekday or a year ("52" is an age, not 1952)
    if _DURATION.search(words) or not (re.search(r"\b\d{4}\b", words) or any(n in words for n in MONTHS + WEEKDAYS)):
        return None
    return _dateparser(words, published.isoformat())


@cache
def _dateparser(words: str, published: str) -> tuple[str, str] | None:
    from dateparser.date import DateDataParser

    base = dt.datetime.fromisoformat(published)
    parser = DateDataParser(languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
    try:
        data = parser.get_date_data(words)
    except Exception:  # dateparser raises on odd input ("32nd of Smarch"); no date then
        return None
    if not data or not data.date_obj:
        return None
    value = data.date_obj.date()
    return {"day": (value.isoformat(), "day"), "month": (value.isoformat()[:7], "month"),
            "year": (str(value.year), "year")}.get(data.period or "", None)


def inside_quote(text: str, offset: int) -> bool:
    """Whether ``offset`` is inside a quotation of its paragraph."""
    start = text.rfind("\n\n", 0, offset) + 1
    before = text[start:offset]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _lemma(token) -> str:
    """The token's lemma, mended where the tagger's is a different word ("hoped" -> "hop")."""
    word = token.lower_
    for ending in ("ed", "d", "es", "s", "ing"):
        stem = word[: -len(ending)] if word.endswith(ending) else None
        for base in (stem, stem + "e" if stem else None):
            if base and base != token.lemma_ and base in PLANNED_IN_PAST | IMPLICATIVE:
                return base
    return token.lemma_


def _speaks_of_future(ent) -> bool | str:
    """How the date's verb looks at time: True for a plan or the future ("will/would meet",
    "expected to sign", a bare "meet"); "nearest" for a plan told in the past or a time
    limit ("had been scheduled for June 20", "planned for May 9", "adjourned until
    July 1", "starts in June"); False for what happened."""
    if ent.root.dep_ in ("compound", "nmod") and ent.root.head.pos_ == "NOUN" and ent.root.head.i > ent.root.i \
            and any(t.lower_ in _MONTH for t in ent) and not _PART_OF_DAY.search(" " + ent.root.head.lower_):
        return "nearest"  # "ahead of the May 12 vote": the vote's date, whatever the tense of the clause
    verb = next((t for t in [ent.root, *ent.root.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    prep = ent.root.head if ent.root.dep_ == "pobj" else None
    if prep is not None and prep.lower_ in ("on", "at") and prep.head.dep_ == "pobj" and prep.head.head.lower_ in ("until", "till"):
        prep = prep.head.head  # "adjourned until 10am on Monday": the day is the time limit's
    if prep is not None and prep.lower_ in ("until", "till", "to") and verb.lemma_ in ("postpone", "delay", "push", "move", "defer", "reschedule", "put", "adjourn") \
            and ("had" not in auxes or any(t.lower_ in WEEKDAYS for t in ent)):
        # "postponed until May", "adjourned until Tuesday": the new date is still to come (a weekday
        # also when told in the past perfect: a limit passed would be "until last Monday")
        return True
    present = verb.tag_ in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP", "MD") for c in verb.children)
    # ("for Monday morning": the weekday names the part of the day the preposition takes)
    anchor = ent.root.head if ent.root.dep_ == "compound" and _PART_OF_DAY.search(" " + ent.root.head.lower_) else ent.root
    setting = anchor.head if anchor.dep_ == "pobj" else None
    if setting is not None and setting.lower_ in ("for", "to", "on", "in", "at") and _lemma(verb) in SETTING and present \
            and (not any(c.lower_ in ("has", "have") for c in verb.children) or any(c.dep_ == "auxpass" for c in verb.children)
                 or setting.lower_ == "for"):
        # "elections are scheduled for November 5", "a meeting has been called for Saturday": a plan
        # standing now is still ahead
        return True
    if prep is not None and verb.lemma_ in DISCUSSING_VERBS and verb.tag_ in ("VBD", "VBN") and (
            prep.head.pos_ == "NOUN" and prep.head.dep_ == "dobj" and prep.head.head == verb
            or prep.head == verb and any(c.dep_ == "dobj" and c.lemma_.lower() in EVENT_NOUNS and c.i < prep.i for c in verb.children)):
        # (after the check above: "has called a meeting for Monday" sets the day, though "call" discusses too)
        return "nearest"  # "discussed a rally in May": the rally's date, ahead or behind, not the talk's
    if prep is not None and prep.lower_ in ("until", "till") or verb.lemma_ in ("schedule", "plan", "set", "due", "move", "postpone", "adjourn", "delay") and "had" not in auxes and prep is not None and prep.lower_ in ("for", "to", "until"):
        return "nearest"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl") and not auxes and _lemma(verb) in SETTING \
            and setting is not None and setting.lower_ in ("for", "on"):
        # "a meeting pencilled in for Friday", as "planned for Friday": a plan, its weekday still
        # ahead; "pencilled in for 14 October" the nearest 14 October, as in a timetable
        return "timetable"
    if verb.tag_ == "VBN" and (verb.dep_ in ("acl", "relcl") and not auxes or auxes & {"having", "has", "have"}) \
            and verb.lemma_ not in ("schedule", "plan", "set", "due", "expect", "move", "postpone", "delay"):
        return False  # "the deal, first announced in January, ...", "having forecast growth in March": done
    if verb.lower_ == "having" and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].tag_ == "VBN":
        return False  # the same, when the parser took "having" for the verb
    if prep is not None and prep.lower_ == "by" and _lemma(verb) in DEMANDING and any(t.lower_ in WEEKDAYS for t in ent):
        return True  # "had asked the police for a full report by Tuesday": a deadline, still ahead
    if "had" in auxes:
        # "had been scheduled for June 20": a plan already made, for a date either side
        return "nearest" if _lemma(verb) in SETTING | {"expect", "move", "postpone", "delay", "push", "bring"} else False
    # "was due to leave on June 3", "were supposed to meet on Friday", "planned to sign in May": a plan
    # told in the past, whose date may have passed
    governor = verb
    while governor.dep_ in ("xcomp", "acomp") and governor.head != governor:
        governor = governor.head
        past = governor.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in governor.children)
        done = past or governor.tag_ == "VBN" and any(c.lower_ in ("has", "have", "had") for c in governor.children)
        if done and _lemma(governor) in IMPLICATIVE:
            return False  # "failed to agree on Tuesday": what happened (or did not) then
        # not "asked them to meet on Monday": a request looks forward from when it was made
        if past and _lemma(governor) in PLANNED_IN_PAST:
            return "past_plan"
    if auxes & {"will", "would", "shall", "'ll", "to"} or verb.tag_ == "VB" and not auxes & {"did", "do", "does"}:
        return True
    if governor is not verb and {c.lower_ for c in governor.children if c.dep_ in ("aux", "auxpass")} & {"will", "would", "shall", "'ll"}:
        return True  # "would begin handing out food on Sunday": the verb it depends on looks ahead
    if verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children) and prep is not None \
            and prep.head == verb and prep.lower_ == "on":
        return "timetable"  # "she is flying to Oslo on Tuesday": the present of an arrangement looks ahead
    if any(g.lemma_ == "be" and g.tag_ in ("VBZ", "VBP") and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)
                                                                for c in g.children) for g in [verb, *verb.ancestors][:4]):
        return True  # "is to begin handing out food on Sunday": arranged, through the verbs it governs
    if verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP") and any(
            c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children):
        return True  # "on Wednesday they are to travel": arranged
    if verb.lemma_ == "be" and (verb.tag_ in ("VBZ", "VBP") or auxes & {"will"}) \
            and any(c.dep_ == "acomp" and c.lower_ == "due" for c in verb.children):
        return True  # "elections are due in September", "he is due in court on June 12"
    if verb.tag_ in ("VBZ", "VBP") and not auxes and verb.lemma_ != "be":
        # "the trial resumes on Monday": a timetable, when the date is the verb's own; a date of
        # a noun ("results from the ruling on July 8") is the one nearest the article's
        own = prep is not None and prep.head == verb or ent.root.head == verb
        return "timetable" if own else "nearest"
    # "proposed that the ministers meet in November": the plan's verb governs the date's
    return any(t.lemma_ in PLAN_VERBS for t in verb.ancestors) or verb.lemma_ in PLAN_VERBS and verb.tag_ != "VBD"


def in_dateline(text: str, offset: int) -> bool:
    """Whether ``offset`` is in a dateline: "LONDON, March 3 (Reuters) -" before the first dash."""
    head = text[: min(len(text), 120)]
    m = re.match(r"\s*[A-Z][A-Z .’'-]+,[^\n]*?(?:\s[—–-]\s|\)\s*[—–-])", head) \
        or re.match(rf"\s*[A-Z][\w .’'-]*,\s*(?:{'|'.join(m.title() for m in MONTHS)})\.?\s+\d{{1,2}}\b[^\n]*?\s[—–-]\s", head) \
        or re.match(r"\s*[A-Z][A-Z.’'-]{2,}(?: [A-Z][A-Z.’'-]+)*\s*(?:\([^)\n]*\)\s*)?[—–-]\s", head)
    # the second: "Oslo, June 12 - ...", a dateline in title case; the third: "OSLO (Wire) -", "OSLO -"
    return bool(m) and offset < m.end()


def _in_citation(text: str, start: int, end: int) -> bool:
    """"(Daily Post, June 10, 2024)": a source's name and date in brackets; '"Title" — Daily
    Post, June 10, 2024' at the end of a line: a source in a list of them."""
    before = text[max(0, start - 80) : start]
    if re.search(r"\((?:[A-Z][\w’'.&-]*\s*)+,\s*\Z", before) and text[end : end + 1] == ")":
        return True
    line_end = text.find("\n", end)
    rest = text[end : len(text) if line_end < 0 else line_end]
    return bool(re.fullmatch(r"[\s.]*", rest)) and bool(re.search(r"\s[—–-]\s+(?:[A-Z][\w’'.&-]*\s*)+,\s*\Z", before))


def _date_line(text: str, start: int, end: int) -> bool:
    """"Monday, March 27, 2006" alone on its line: the article's date printed above it, not an event."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return bool(re.fullmatch(rf"\s*(?:(?:{'|'.join(WEEKDAYS)}),?\s+)?{re.escape(text[start:end].strip())}[\s.]*", line, re.I))


def _paragraph_heading(text: str, offset: int) -> str:
    """The first line of the paragraph holding ``offset``."""
    start = text.rfind("\n\n", 0, offset)
    start = 0 if start < 0 else start + 2
    return text[start : text.find("\n", start) if "\n" in text[start:offset] else offset]


def _clause(ent) -> tuple[int, int]:
    """The clause the date belongs to: its verb's subtree (without other clauses), else the sentence."""
    verb = next((t for t in [ent.root, *ent.root.ancestors] if t.pos_ in ("VERB", "AUX") and t.dep_ != "aux"), None)
    if verb is None:
        return ent.sent.start_char, ent.sent.end_char
    skip = {x.i for c in verb.children if c.dep_ in ("advcl", "ccomp", "parataxis", "conj") and not any(
        t.i == ent.root.i for t in c.subtree) for x in c.subtree}
    skip |= {x.i for c in verb.children if c.dep_ in ("mark", "cc") or c.dep_ == "punct" and c.i < verb.i for x in c.subtree}
    tokens = [t for t in verb.subtree if t.i not in skip]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].dep_ == "cc"):
        tokens.pop(0)
    if not tokens:
        return ent.sent.start_char, ent.sent.end_char
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _inner_clauses(ent, clause: tuple[int, int]) -> list[tuple[int, int]]:
    """Character spans inside the date's clause that are other clauses (", which began on Monday,"),
    left out of its description."""
    verb = next((t for t in [ent.root, *ent.root.ancestors] if t.pos_ in ("VERB", "AUX") and t.dep_ != "aux"), None)
    if verb is None:
        return []
    doc, cuts = verb.doc, []
    for t in verb.subtree:
        if t.dep_ not in ("relcl", "acl") or t.head == verb or any(x.i == ent.root.i for x in t.subtree):
            continue
        first, last = min(x.i for x in t.subtree), max(x.i for x in t.subtree)
        if first > 0 and doc[first - 1].text == "," and last + 1 < len(doc) and doc[last + 1].text == ",":
            first, last = first - 1, last + 1  # "The talks, which began on Monday, will ...": with its commas
        start, end = doc[first].idx, doc[last].idx + len(doc[last])
        if clause[0] < start and end <= clause[1]:
            cuts.append((start, end))
    return cuts


def _counted_from(found: list[dict], ent, match: re.Match, flip: bool = False) -> tuple[str, str] | None:
    """"cancelled the day before", "two days later": the day counted from the last day-precise
    date of the same sentence; None when the sentence has none (the anchor is unknown)."""
    anchor = next((d for d in reversed(found) if d["sentence"].start == ent.sent.start and d["precision"] == "day"), None)
    if anchor is None and match.group(3).lower() in ("later", "earlier"):
        # "The ferry sank on Monday. Two days later, ...": the day the paragraph last named
        anchor = _paragraph_anchor(found, ent)
    if anchor is None:
        return None
    count = 1 if match.group(1).lower() == "the" else NUMBER_WORDS.get(match.group(1).lower()) or int(match.group(1))
    days = count * (7 if match.group(2).lower() == "week" else 1)
    sign = (-1 if match.group(3).lower() in ("before", "earlier") else 1) * (-1 if flip else 1)
    return (dt.date.fromisoformat(anchor["value"]) + dt.timedelta(days=sign * days)).isoformat(), "day"


def _nearest_to(found: list[dict], ent, surface: str, published: dt.date, outlook: bool | str) -> dt.date:
    """What a month named without its year is nearest to: for a record told in the present ("the
    calendar lists a meeting on March 13"), the date the story last named ("on the evening of
    March 12"); for a plan ("planned for March") and anything else, the article's date."""
    month = re.search(rf"\b(?:{'|'.join(MONTHS)})\b", surface, re.I)
    if outlook != "timetable" or not month or re.search(r"\b\d{4}\b", surface):
        return published
    anchor = next((d for d in reversed(found) if d["precision"] in ("day", "month") and not d.get("range")), None)
    return _first_day(anchor["value"]) if anchor else published


def _paragraph_anchor(found: list[dict], ent) -> dict | None:
    """The last day-precise date found before ``ent`` in its paragraph (not a range's end)."""
    text = ent.doc.text
    paragraph = text.rfind("\n\n", 0, ent.start_char) + 1
    return next((d for d in reversed(found) if d["precision"] == "day" and d["start"] >= paragraph
                 and not d.get("range")), None)


# "the following day", "the next morning", "the same day", "the previous week": counted from the day told before
NEXT_DAY = re.compile(r"^(?:on\s+)?the\s+(following|next|same|previous|preceding)\s+(day|morning|afternoon|evening|night|week)$", re.I)


_RANGE = re.compile(r"(?:(from|between)\s+)?(.+?)\s+(to|until|till|through|and|[-–—])\s+(.+?)\s*$", re.I)


def _range_ends(text: str, start: int, end: int, published: dt.date, outlook: bool | str) -> list[tuple[int, int, tuple[str, str]]]:
    """"from 2018 to 2022", "between March and June 2024": the (start, end, resolved) of each
    end of a range of dates, "from"/"to" included; [] when it is not a range of two dates."""
    lead = re.search(r"\b(from|between)\s+\Z", text[max(0, start - 9) : start], re.I)
    first_at = start - len(lead.group(0)) if lead else start
    m = _RANGE.match(text[first_at:end])
    if not m or (m.group(3).lower() == "and") != ((m.group(1) or "").lower() == "between"):
        return []
    second = resolve_date(m.group(4), published, outlook)
    year = re.search(r"\b(?:1[5-9]|20)\d\d$", m.group(4))
    # "between March and June 2024": the first end takes the year of the second
    first_words = m.group(2)
    month = re.search(rf"\b({'|'.join(MONTHS)})\b", m.group(4), re.I)
    if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", first_words) and month:
        first_words += f" {month.group(1)}"  # "from 2 to 5 May": the first day is in May too
    first = resolve_date(first_words + (f" {year.group(0)}" if year and not re.search(r"\d{4}", first_words) else ""), published, outlook)
    if not first or not second or first[0] > second[0]:
        return []
    second_at = first_at + (m.start(4) if m.group(3) in "-–—" else m.start(3))  # "to 2022", but "2022" of "2018-2022"
    return [(first_at, first_at + m.end(2), first), (second_at, end, second)]


def date_expressions(doc: Doc, text: str, published: dt.date) -> list[dict]:
    """Each date entity that names a date: its span (with a leading in/on/since), value, precision, since."""
    found = []
    for ent in doc.ents:
        weekday_time = ent.label_ == "TIME" and any(t.lower_ in WEEKDAYS for t in ent)
        that_day = THAT_DAY.match(ent.text.strip()) or NEXT_DAY.match(ent.text.strip())
        if that_day and not inside_quote(text, ent.start_char):
            # "were held early that morning", "the following day": from the day the paragraph last named
            anchor = _paragraph_anchor(found, ent)
            if anchor is not None:
                step = {"following": 1, "next": 1, "previous": -1, "preceding": -1}.get(that_day.group(1).lower(), 0)
                week = that_day.group(2).lower() == "week"
                day = dt.date.fromisoformat(anchor["value"]) + dt.timedelta(days=step * (7 if week else 1))
                value, precision = (day.isoformat()[:7], "month") if week else (day.isoformat(), "day")
                found.append({"start": ent.start_char, "end": ent.end_char, "value": value, "precision": precision,
                              "since": False, "sentence": ent.sent, "planned": value > published.isoformat()[: len(value)],
                              "clause": _clause(ent), "ent": ent})
            continue
        if ent.label_ != "DATE" and not weekday_time:
            continue
        if inside_quote(text, ent.start_char) and DEICTIC.search(ent.text) and not YEAR_DEICTIC.match(ent.text.strip()):
            continue  # what a speaker says is dated by the speaker, not by the article
        line_start = text.rfind("\n", 0, ent.start_char) + 1
        if _BYLINE.fullmatch(text[line_start : ent.start_char]) \
                or _SELF_PUBLISHED.search(text[ent.sent.start_char : ent.start_char]):
            continue  # a byline's date, the story's own publication: not happenings it reports
        if _NOT_STORY.match(text[line_start : ent.start_char]) or in_dateline(text, ent.start_char) \
                or _NOT_STORY.match(_paragraph_heading(text, ent.start_char)) or _in_citation(text, ent.start_char, ent.end_char) \
                or _date_line(text, ent.start_char, ent.end_char):
            continue  # a footer, a source list, a citation or a dateline is not an event
        if re.fullmatch(r"(?:the\s+)?(?:1[5-9]|20)\d\d", ent.text.strip()) \
                and ent.root.dep_ in ("compound", "nmod", "amod", "nummod") and ent.root.head.pos_ == "NOUN" \
                and (ent.root.head.lemma_.lower() in DOCUMENT_NOUNS or not re.search(
                    r"\b(?:in|on|since|by|until|from|during)\s+(?:the\s+|a\s+|an\s+)?\Z", text[max(0, ent.start_char - 12) : ent.start_char], re.I)):
            continue  # "the 2024 report", "a 2019 survey": the year names a document, it is not an event
        if any(m.start() < ent.start_char < m.end() for m in CLUB_WITH_YEAR.finditer(text, max(0, ent.start_char - 40), ent.end_char + 1)):
            continue  # "SV Deventer 1902": the club's name, not a date
        if re.search(r"\b(a|an|every|each|one)\s+\Z", text[max(0, ent.start_char - 6) : ent.start_char], re.I) \
                and any(t.lower_ in WEEKDAYS for t in ent):
            continue  # "on a Tuesday morning": some Friday, not a date
        outlook = _speaks_of_future(ent)
        surface = text[ent.start_char : ent.end_char]
        some_day = re.match(r"(?:a|an|one)\s+(?:" + "|".join(WEEKDAYS) + r")\b.*?\b(?:in|of)\s+(.+)$", surface, re.I)
        if some_day:
            surface = some_day.group(1)  # "a Tuesday night in May 2019": May 2019
        elif re.match(r"(?:a|an|one|every|each)\s+(?:" + "|".join(WEEKDAYS) + r")\b", surface, re.I):
            continue
        start, end = ent.start_char, ent.end_char
        while start < end and text[start] in "-–—/ ":
            start += 1  # "January 23 - March 9": the dash is not the second date's
        tail = re.match(r"\s+(before|after|earlier|later)\b", text[end:], re.I)
        if tail and re.fullmatch(r"(?:the\s+)?\S+\s+(?:day|week)s?", surface.strip(), re.I):
            surface, end = surface + tail.group(0), end + len(tail.group(0))  # the parser left "before" out
        if re.search(r"\b(?:from|between)\s+\Z", text[max(0, start - 9) : start], re.I):
            # "from 2018 to 2022" where the parser tagged only the first year
            more = re.match(r"\s+(?:to|until|till|through|and|[-–—])\s+(?:1[5-9]|20)\d\d\b", text[end:], re.I)
            end += more.end() if more else 0
        ends = _range_ends(text, start, end, published, outlook)
        if ends:
            # "from 2018 to 2022": when it began and when it ended are two dated happenings
            for e_start, e_end, e_value in ends:
                found.append({"start": e_start, "end": e_end, "value": e_value[0], "precision": e_value[1], "since": False,
                              "sentence": ent.sent, "planned": outlook is True, "clause": _clause(ent), "range": True, "ent": ent})
            continue
        anchored = ANCHORED.match(surface.strip())
        if anchored:
            # "three days after a defeat": the defeat was three days before the sentence's date
            word = doc.char_span(end - len(anchored.group(3)), end)
            follows = word is not None and (any(c.dep_ in ("pobj", "pcomp") for c in word[0].children)
                                            or anchored.group(3).lower() in ("before", "after") and word[0].i + 1 < len(doc)
                                            and doc[word[0].i + 1].pos_ in ("DET", "NOUN", "PROPN", "PRON", "NUM", "ADJ", "VERB")
                                            and doc[word[0].i + 1].lower_ != "yesterday")  # "two days before the talks were due"
            if follows and anchored.group(1).lower() == "the" and re.search(r",\s*\Z", text[max(0, start - 3) : start]) \
                    and found and found[-1]["end"] >= start - 3:
                continue  # "On Monday, the day after the game": the same day told again, not another date
            resolved = _counted_from(found, ent, anchored, flip=follows)
        else:
            resolved = resolve_date(surface, _nearest_to(found, ent, surface, published, outlook), outlook)
        if not resolved:
            continue
        before = re.search(r"\b(in|on|since|by)\s+\Z", text[max(0, start - 7) : start], re.I)
        if before and not re.match(r"(in|on|since|by)\b", text[start:end], re.I) and not re.match(r"[’']s\b", text[end : end + 2]):
            # (not "in" of "in Wednesday's match": it is the match's)
            start -= len(before.group(0))
        since = bool(re.match(r"since\b", text[start:end], re.I))
        planned = outlook is True or outlook in ("nearest", "timetable", "past_plan") and resolved[0] > published.isoformat()[: len(resolved[0])] \
            or bool(re.match(r"(?:next|tomorrow|the coming)\b", surface.strip(), re.I))
        found.append({"start": start, "end": end, "value": resolved[0], "precision": resolved[1], "since": since,
                      "sentence": ent.sent, "planned": bool(planned), "clause": _clause(ent), "ent": ent})
    return found


def extract_events(text: str, doc: Doc, published: str) -> tuple[list[dict], list[dict]]:
    """The document's ``events`` (one per dated expression and sentence), and the date
    expressions they were made from (with offsets, for the meetings stage)."""
    try:
        day = dt.date.fromisoformat(published)
    except (TypeError, ValueError):
        return [], []
    events, seen, dates = [], set(), []
    found = date_expressions(doc, text, day)
    # "at the end of the month, on April 29": one happening; the month is said again by the day
    found = [item for item in found if item.get("range") or not any(
        other is not item and other["clause"] == item["clause"] and len(other["value"]) > len(item["value"])
        and other["value"].startswith(item["value"]) and not other.get("range") for other in found)]
    for item in found:
        sent = item["sentence"]
        s_start, s_end = sent.start_char, sent.end_char
        while s_end > s_start and text[s_end - 1].isspace():
            s_end -= 1
        # one event per date and clause: "met last weekend and plan to meet next week" are two
        # happenings; the same words for the same date twice in a sentence are one (an event is
        # its date, its wording and its evidence sentence)
        said = text[item["start"] : item["end"]]
        if (item["value"], item["clause"]) in seen or (item["value"], said, s_start) in seen \
                or not (s_start <= item["start"] and item["end"] <= s_end):
            continue
        seen.update({(item["value"], item["clause"]), (item["value"], said, s_start)})
        c_start, c_end = item["clause"]
        while c_start < c_end and in_dateline(text, c_start):
            c_start += 1  # "OSLO (Reuters) - Prices rose on Monday": the description is the story's words
        while c_start < c_end and not text[c_start].isalnum():
            c_start += 1
        kept, at = [], c_start
        for cut_start, cut_end in sorted(_inner_clauses(item["ent"], item["clause"])):
            if cut_start >= at:
                kept.append(text[at:cut_start])
                at = cut_end
        kept.append(text[at:c_end])
        description = " ".join("".join(kept).split()) or " ".join(text[s_start:s_end].split())
        if len(description) < 12:
            description = " ".join(text[s_start:s_end].split())
        event = {"date": item["value"], "date_text": text[item["start"] : item["end"]],
                 "description": description if len(description) <= 240 else description[:237] + "...",
                 "evidence": span_value(text, s_start, s_end)}
        if item["since"]:
            event["since"] = True
        if item["planned"]:
            event["planned"] = True
        events.append(event)
        dates.append(item)
    return events, dates
