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
seasons are not dates. The evidence is the date's sentence; the description is its text.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from spacy.tokens import Doc

from .document import span_value

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = {m: i + 1 for i, m in enumerate(MONTHS)} | {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_LEAD = re.compile(r"^(?:(?:in|on|since|by|during|from|until|early|late|mid|the)\s+)+", re.I)
_DURATION = re.compile(r"\b(?:years|months|weeks|days|hours|decades|minutes)\b|\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:year|month|week|day|hour|decade)\b", re.I)
PLAN_VERBS = frozenset("propose plan expect schedule intend hope invite promise aim".split())
# Words whose date depends on when they were said: inside a quotation the article cannot resolve them.
DEICTIC = re.compile(r"\b(?:today|yesterday|tomorrow|tonight|this|last|next|ago|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_PART_OF_DAY = re.compile(r"\s+(?:morning|afternoon|evening|night)$", re.I)


def _shift_month(day: dt.date, months: int) -> str:
    index = day.year * 12 + day.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def resolve_date(surface: str, published: dt.date, future: bool = False) -> tuple[str, str] | None:
    """``(ISO prefix, precision)`` of a date expression, or None if it names no date.

    ``resolve_date("September 6", date(2022, 1, 26))`` -> ``("2021-09-06", "day")``.
    A bare month or weekday is the latest one not after the article's date, or with
    ``future`` (the sentence speaks of what will happen) the first one not before it.
    """
    words = _PART_OF_DAY.sub("", _LEAD.sub("", surface.strip().lower().replace("’", "'"))).strip(" ,.")
    if not words:
        return None
    if m := re.fullmatch(r"(1\d|20)(\d)0'?s", words):
        return m.group(1) + m.group(2), "decade"
    if re.fullmatch(r"(1[5-9]|20)\d\d", words):
        return words, "year"
    relative = re.fullmatch(r"(this|last|next|past) (year|month)", words)
    if relative:
        step = {"this": 0, "last": -1, "past": -1, "next": 1}[relative.group(1)]
        if relative.group(2) == "year":
            return str(published.year + step), "year"
        return _shift_month(published, step), "month"
    if words in ("yesterday", "today", "tomorrow"):
        return (published + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[words])).isoformat(), "day"
    if m := re.fullmatch(r"(last|next|this|on)?\s*(" + "|".join(WEEKDAYS) + r")", words):
        target = WEEKDAYS.index(m.group(2))
        if m.group(1) == "next" or (future and m.group(1) != "last"):
            delta = (target - published.weekday()) % 7 or 7
            return (published + dt.timedelta(days=delta)).isoformat(), "day"
        delta = (published.weekday() - target) % 7
        if m.group(1) == "last" and delta == 0:
            delta = 7
        return (published - dt.timedelta(days=delta)).isoformat(), "day"
    month_names = "|".join(sorted(_MONTH, key=len, reverse=True))
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


def _speaks_of_future(ent) -> bool:
    """Whether the date's verb is a plan: "will/would meet", "expected to sign", a bare "meet"."""
    verb = next((t for t in [ent.root, *ent.root.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if "had" in auxes:
        return False  # "had been scheduled for Tuesday": a plan already in the past
    if auxes & {"will", "would", "shall", "'ll", "to"} or verb.tag_ == "VB" and not auxes & {"did", "do", "does"}:
        return True
    # "proposed that the ministers meet in November": the plan's verb governs the date's
    return any(t.lemma_ in PLAN_VERBS for t in verb.ancestors) or verb.lemma_ in PLAN_VERBS and verb.tag_ != "VBD"


def date_expressions(doc: Doc, text: str, published: dt.date) -> list[dict]:
    """Each date entity that names a date: its span (with a leading in/on/since), value, precision, since."""
    found = []
    for ent in doc.ents:
        weekday_time = ent.label_ == "TIME" and any(t.lower_ in WEEKDAYS for t in ent)
        if ent.label_ != "DATE" and not weekday_time:
            continue
        if inside_quote(text, ent.start_char) and DEICTIC.search(ent.text):
            continue  # what a speaker says is dated by the speaker, not by the article
        resolved = resolve_date(text[ent.start_char : ent.end_char], published, _speaks_of_future(ent))
        if not resolved:
            continue
        start, end = ent.start_char, ent.end_char
        before = re.search(r"\b(in|on|since|by)\s+\Z", text[max(0, start - 7) : start], re.I)
        if before and not re.match(r"(in|on|since|by)\b", text[start:end], re.I):
            start -= len(before.group(0))
        since = bool(re.match(r"since\b", text[start:end], re.I))
        found.append({"start": start, "end": end, "value": resolved[0], "precision": resolved[1], "since": since,
                      "sentence": ent.sent})
    return found


def add_events(context, published: str) -> None:
    """Fill ``events`` in ``context.out``: one per dated expression and sentence."""
    text = context.text
    try:
        day = dt.date.fromisoformat(published)
    except (TypeError, ValueError):
        return
    events, seen = [], set()
    for item in date_expressions(context.doc, text, day):
        sent = item["sentence"]
        s_start, s_end = sent.start_char, sent.end_char
        while s_end > s_start and text[s_end - 1].isspace():
            s_end -= 1
        if (item["value"], s_start) in seen or not (s_start <= item["start"] and item["end"] <= s_end):
            continue
        seen.add((item["value"], s_start))
        description = " ".join(text[s_start:s_end].split())
        event = {"date": item["value"], "date_text": text[item["start"] : item["end"]],
                 "description": description if len(description) <= 240 else description[:237] + "...",
                 "evidence": span_value(text, s_start, s_end)}
        if item["since"]:
            event["since"] = True
        events.append(event)
        context.dates.append(item)
    context.out["events"] = events
