"""Stage 7: dates resolved against the article's date."""

import datetime as dt

import pytest

from loader.articles import Article
from loader.extract import extract_annotation
from loader.extract.dates import resolve_date
from loader.extract.model import load_nlp

JAN_2022 = dt.date(2022, 1, 26)  # a Wednesday
THU = dt.date(2024, 3, 14)  # a Thursday


@pytest.mark.parametrize("surface, published, expected", [
    ("September 6", JAN_2022, ("2021-09-06", "day")),
    ("August 15", JAN_2022, ("2021-08-15", "day")),
    ("in August", JAN_2022, ("2021-08", "month")),
    ("This month", JAN_2022, ("2022-01", "month")),
    ("Last year", JAN_2022, ("2021", "year")),
    ("the 1990s", JAN_2022, ("199", "decade")),
    ("1998", JAN_2022, ("1998", "year")),
    ("since September", JAN_2022, ("2021-09", "month")),
    ("on Monday", THU, ("2024-03-11", "day")),
    ("on Thursday", THU, ("2024-03-14", "day")),
    ("last Friday", THU, ("2024-03-08", "day")),
    ("next Wednesday", THU, ("2024-03-20", "day")),
    ("next Saturday", THU, ("2024-03", "month")),  # this week's or the next: the month either way
    ("next Friday", dt.date(2024, 3, 26), ("2024-03-29", "day")),  # (a week later is April: the nearer)
    ("Tuesday evening", THU, ("2024-03-12", "day")),
    ("last month", THU, ("2024-02", "month")),
    ("June 2025", THU, ("2025-06", "month")),
    ("12 June", dt.date(2025, 6, 20), ("2025-06-12", "day")),
])
def test_resolve_date(surface, published, expected):
    assert resolve_date(surface, published) == expected


@pytest.mark.parametrize("surface", ["two years", "decades", "up to ten days", "52", "each summer", "the years", "annual"])
def test_durations_ages_and_seasons_are_not_dates(surface):
    assert resolve_date(surface, THU) is None


def test_future_sentences_look_forward():
    assert resolve_date("in November", dt.date(2024, 9, 5), future=True) == ("2024-11", "month")
    assert resolve_date("in November", dt.date(2024, 9, 5)) == ("2023-11", "month")
    assert resolve_date("Wednesday", THU, future=True) == ("2024-03-20", "day")


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def test_events_with_evidence_and_since(nlp):
    text = ("The walkout began on Monday. Pakistan tried three times since September to host the talks.\n\n"
            "“See you on Friday,” she said.")
    doc = extract_annotation(Article(id="t", path="t.md", text=text, text_offset=0, text_line=1, published="2024-03-14", sha256="x"))
    events = [(e["date"], e["date_text"], e.get("since", False), e["evidence"]) for e in doc["events"]]
    assert events == [("2024-03-11", "on Monday", False, "The walkout began on Monday."),
                      ("2023-09", "since September", True, "Pakistan tried three times since September to host the talks.")]


def test_ago_weeks_and_the_nearest_date_of_a_plan():
    assert resolve_date("two years ago", THU) == ("2022", "year")
    assert resolve_date("three months ago", THU) == ("2023-12", "month")
    assert resolve_date("next week", THU) == ("2024-03", "month")
    assert resolve_date("last weekend", dt.date(2024, 3, 2)) == ("2024-02", "month")
    # a plan told in the past: the date nearest the article's, on either side
    assert resolve_date("June 20", dt.date(2025, 5, 2), future="nearest") == ("2025-06-20", "day")
    assert resolve_date("May 9", dt.date(2025, 6, 1), future="nearest") == ("2025-05-09", "day")


def events_of(text: str, published: str = "2025-03-03") -> list[dict]:
    return extract_annotation(Article(id="t", path="t.md", text=text, text_offset=0, text_line=1,
                                      published=published, sha256="x")).get("events", [])


def test_tense_decides_the_direction_and_plans_are_marked(nlp):
    found = events_of("The next round, which had been planned for April 20, was postponed. "
                      "The union will strike in February. The trial was adjourned until March 20. "
                      "The port reopened in February.")
    assert [(e["date"], e.get("planned", False)) for e in found] == [
        ("2025-04-20", True), ("2026-02", True), ("2025-03-20", True), ("2025-02", False)]


def test_datelines_footers_and_some_weekday_are_not_events(nlp):
    found = events_of("LISBON, March 3 (Wire) - The port reopened on Friday. "
                      "A witness said the deal was struck on a Tuesday morning.\n\n"
                      "Categories: Ports, March 2025")
    assert [(e["date"], e["date_text"]) for e in found] == [("2025-02-28", "on Friday")]


def test_the_description_is_the_clause_of_the_date(nlp):
    found = events_of("After talks collapsed, the port reopened on Friday, officials said.")
    assert [e["description"] for e in found] == ["the port reopened on Friday"]


def test_part_of_a_named_year():
    assert resolve_date("in the second half of 2026", THU) == ("2026", "year")
    assert resolve_date("by the end of 2025", THU) == ("2025", "year")
    assert resolve_date("the second half", THU) is None


def test_a_plan_told_in_the_past_is_dated_near_the_article_not_next_year(nlp):
    # "was due to ... on <date>": the date may have passed; a request ("asked ... to meet") looks forward
    found = events_of("The ferry was due to leave Bergen on February 20 but never sailed. "
                      "The judge asked both lawyers to meet in private on Friday.", published="2025-03-05")
    assert [(e["date"], e.get("planned", False)) for e in found] == [("2025-02-20", False), ("2025-03-07", True)]


def test_a_day_counted_from_another_date_of_the_sentence(nlp):
    found = events_of("A hearing set for March 11 was cancelled the day before. "
                      "The club sacked its manager on Tuesday, four days after a heavy defeat.", published="2025-03-13")
    assert [e["date"] for e in found] == ["2025-03-11", "2025-03-10", "2025-03-11", "2025-03-07"]


def test_the_day_after_in_apposition_is_the_same_day(nlp):
    found = events_of("On Tuesday, the day after the final, the squad flew home.", published="2025-03-13")
    assert [e["date"] for e in found] == ["2025-03-11"]


def test_one_event_per_date_and_clause(nlp):
    # both fall in this month, but they are two happenings
    found = events_of("The directors met the coach last weekend and plan to meet his agent next week.", published="2025-03-13")
    assert [(e["date_text"], e.get("planned", False)) for e in found] == [("last weekend", False), ("next week", True)]


def test_a_year_said_in_a_quotation_is_the_articles_year(nlp):
    found = events_of("“We will finish the bridge next year,” the mayor said. “I saw him on Monday,” she added.",
                      published="2025-03-13")
    assert [(e["date"], e["date_text"]) for e in found] == [("2026", "next year")]


def test_source_lists_citations_title_case_datelines_and_report_years_are_not_events(nlp):
    found = events_of("Bergen, March 12 - Prices rose on Monday (Harbour Courier, March 11, 2025), the 2024 report said.\n\n"
                      "Sources:\n- Harbour Courier, 11 March 2025", published="2025-03-12")
    assert [(e["date"], e["date_text"]) for e in found] == [("2025-03-10", "on Monday")]


def test_the_description_leaves_the_dateline_out(nlp):
    found = events_of("OSLO (Wire) - Prices rose on Monday.", published="2025-03-12")
    assert [(e["date"], e["description"]) for e in found] == [("2025-03-10", "Prices rose on Monday")]


def test_postponed_until_a_month_is_the_coming_one(nlp):
    found = events_of("The summit was postponed until May.", published="2025-09-05")
    assert [(e["date"], e.get("planned", False)) for e in found] == [("2026-05", True)]


def test_the_same_date_in_the_same_words_twice_in_a_sentence_is_one_event(nlp):
    # an event is a date, its wording and its evidence sentence: two clauses naming one day
    # in the same words are one row (two rows would be one id twice)
    found = events_of("Residents wrote that the lifts stopped on Friday, and that on Friday the stairs were closed too. "
                      "The lifts were repaired on Sunday.")
    assert [e["date"] for e in found] == ["2025-02-28", "2025-03-02"]


def test_an_infinitive_after_failed_or_managed_is_what_happened(nlp):
    # 2024-05-02 is a Thursday
    found = events_of("Ministers failed to agree on a new rule on Tuesday. The board managed to sign the deal on Monday. "
                      "The two sides agreed to meet again on Friday.", published="2024-05-02")
    assert [(e["date"], e.get("planned", False)) for e in found] == [
        ("2024-04-30", False), ("2024-04-29", False), ("2024-05-03", True)]


def test_ordinal_words_for_the_day_of_a_month():
    assert resolve_date("on the fifth of April", THU) == ("2023-04-05", "day")
    assert resolve_date("the twenty-first of March", THU) == ("2023-03-21", "day")
    assert resolve_date("March the third", THU) == ("2024-03-03", "day")
    assert resolve_date("the fifth of April", THU, future=True) == ("2024-04-05", "day")


def test_a_plan_standing_now_and_a_timetable_look_forward(nlp):
    found = events_of("Elections are scheduled for November 5. The trial resumes on Monday. "
                      "The law came into force on January 1.", published="2024-05-02")
    assert [(e["date"], e.get("planned", False)) for e in found] == [
        ("2024-11-05", True), ("2024-05-06", True), ("2024-01-01", False)]


def test_the_weekend_and_parts_of_this_month_or_year():
    thursday = dt.date(2024, 5, 2)
    assert resolve_date("over the weekend", thursday) == ("2024-04", "month")
    assert resolve_date("the weekend", thursday, future=True) == ("2024-05", "month")
    assert resolve_date("later this month", thursday) == ("2024-05", "month")
    assert resolve_date("earlier this year", thursday) == ("2024", "year")


def test_a_range_gives_its_beginning_and_its_end(nlp):
    found = events_of("Thandi Moyo, who worked at the port from 2015 to 2020, testified on Tuesday. "
                      "Prices fell between January and April 2024.", published="2024-05-02")
    assert [(e["date"], e["date_text"]) for e in found] == [
        ("2015", "from 2015"), ("2020", "to 2020"), ("2024-04-30", "on Tuesday"),
        ("2024-01", "between January"), ("2024-04", "and April 2024")]


def test_a_participle_of_what_was_done_looks_back_under_an_expectation(nlp):
    found = events_of("The deal, first announced in January, is expected to close by the end of the year. "
                      "The firm now expects sales to fall in 2025, having forecast growth as recently as March.",
                      published="2024-05-02")
    assert [(e["date"], e.get("planned", False)) for e in found] == [
        ("2024-01", False), ("2024", True), ("2025", True), ("2024-03", False)]


def test_a_decade_ago_and_the_end_of_the_year():
    assert resolve_date("a decade ago", THU) == ("2014", "year")
    assert resolve_date("two decades ago", THU) == ("2004", "year")
    assert resolve_date("by the end of the year", THU) == ("2024", "year")
    assert resolve_date("the end of the month", THU) == ("2024-03", "month")


def test_a_year_or_month_said_in_a_quotation_is_the_articles(nlp):
    # a quotation in the news was spoken days before it was printed: its year and month are the article's
    found = events_of("“We hope to finish before the end of the year,” she said.", published="2024-05-02")
    assert [(e["date"], e.get("planned")) for e in found] == [("2024", True)]
    found = events_of("“We will have the roof on before the end of the month,” she said.", published="2024-05-02")
    assert [(e["date"], e.get("planned")) for e in found] == [("2024-05", True)]
    # but a day said in one is the speaker's
    assert events_of("“We met them on Monday,” she said.", published="2024-05-02") == []


def test_a_line_that_is_only_the_date_and_a_listed_source_are_not_events(nlp):
    found = events_of("Tuesday, May 7, 2024\n\nThe bridge reopened on Monday.\n\nSources\n\n"
                      "\u201cBridge reopens after repairs\u201d \u2014 Harbour Courier, May 6, 2024", published="2024-05-07")
    assert [(e["date"], e["date_text"]) for e in found] == [("2024-05-06", "on Monday")]


def test_the_present_of_now_is_not_a_plan_and_a_nouns_date_is_the_nearest(nlp):
    found = events_of("Today, thousands of people visit the old fort. "
                      "The claim results from the ruling of the appeal court on April 8. "
                      "On Friday, the two ministers are to sign the treaty.", published="2024-05-08")
    assert [(e["date"], e.get("planned", False)) for e in found] == [
        ("2024-05-08", False), ("2024-04-08", False), ("2024-05-10", True)]


def test_a_year_naming_a_film_or_report_is_not_an_event(nlp):
    found = events_of("She starred in the 1969 film about the strike. The war ended in 1945.", published="2024-05-08")
    assert [e["date"] for e in found] == ["1945"]


def test_a_month_said_again_by_its_day_is_one_event(nlp):
    found = events_of("The rocket will launch at the end of the month on May 29.", published="2024-05-08")
    assert [(e["date"], e["date_text"]) for e in found] == [("2024-05-29", "on May 29")]


def test_the_second_end_of_a_dashed_range_starts_after_the_dash(nlp):
    found = events_of("The show runs from January 23 - March 9 2024 at the city gallery.", published="2024-01-20")
    assert [e["date_text"] for e in found][-1] == "March 9 2024"


def test_the_description_leaves_another_clause_out(nlp):
    found = events_of("The talks, which began on Monday, will continue on Thursday. "
                      "The board, led by its chairman, will meet on June 12.", published="2024-05-02")
    assert [e["description"] for e in found] == [
        "which began on Monday", "The talks will continue on Thursday", "The board will meet on June 12"]


def test_seasons_of_a_year_mid_month_and_earlier_this_week():
    wednesday = dt.date(2024, 5, 8)
    assert resolve_date("in the summer of 2022", wednesday) == ("2022", "year")
    assert resolve_date("each summer", wednesday) is None
    assert resolve_date("in mid-March", wednesday) == ("2024-03", "month")
    assert resolve_date("in mid-March", wednesday, future=True) == ("2025-03", "month")
    assert resolve_date("earlier this week", wednesday) == ("2024-05", "month")
    assert resolve_date("at the end of last year", wednesday) == ("2023", "year")


def test_the_end_of_a_named_month():
    wednesday = dt.date(2024, 5, 8)
    assert resolve_date("by the end of April", wednesday) == ("2024-04", "month")
    assert resolve_date("the beginning of March 2023", wednesday) == ("2023-03", "month")


def test_a_weekday_of_a_possessive_keeps_the_preposition_out(nlp):
    found = events_of("Luis Moreno will lead the team in Wednesday's match.", published="2024-05-06")
    assert [(e["date"], e["date_text"]) for e in found] == [("2024-05-08", "Wednesday")]


def test_was_supposed_to_is_a_plan_told_in_the_past(nlp):
    found = events_of("The tunnel was supposed to open in 2021. The bridge is supposed to open in July.", published="2024-06-12")
    assert [(e["date"], e.get("planned", False)) for e in found] == [("2021", False), ("2024-07", True)]


@pytest.mark.parametrize("surface, published, expected", [
    ("June this year", dt.date(2025, 11, 6), ("2025-06", "month")),
    ("March of last year", dt.date(2025, 11, 6), ("2024-03", "month")),
    ("May 4 next year", dt.date(2025, 11, 6), ("2026-05-04", "day")),
    ("Last week's", dt.date(2025, 11, 6), ("2025-10", "month")),
])
def test_a_month_of_a_year_said_relative_and_a_possessive(surface, published, expected):
    assert resolve_date(surface, published) == expected


def test_tense_and_modality_of_plans(nlp):
    pub = "2026-04-14"  # a Tuesday
    found = events_of("The talks were due to resume on Friday but were called off.", published=pub)
    assert [e["date"] for e in found] == ["2026-04-10"]  # a plan told in the past: the Friday before
    found = events_of("The case against the driver was adjourned until Thursday.", published=pub)
    assert [(e["date"], e.get("planned")) for e in found] == [("2026-04-16", True)]
    found = events_of("The two leaders discussed a joint campaign tour in May.", published=pub)
    assert [(e["date"], e.get("planned")) for e in found] == [("2026-05", True)]
    found = events_of("The two leaders discussed the budget in March.", published=pub)
    assert [e["date"] for e in found] == ["2026-03"]


def test_a_count_of_days_before_a_clause_dates_the_clause(nlp):
    found = events_of("Rebels attacked a post on Tuesday, two days before their negotiators were due to meet church mediators.",
                      published="2025-09-10")
    assert [e["date"] for e in found] == ["2025-09-09", "2025-09-11"]
    found = events_of("The strike began on Monday, two days after the vote.", published="2025-09-10")
    assert [e["date"] for e in found] == ["2025-09-08", "2025-09-06"]


def test_the_day_before_by_an_agent_counts_back(nlp):
    found = events_of("A public hearing, set for April 22, was scrapped the day before by the mayor's office.", published="2025-05-08")
    assert [e["date"] for e in found] == ["2025-04-22", "2025-04-21"]


def test_bylines_photo_credits_and_the_storys_own_publication_are_not_events(nlp):
    text = ("By Jane Doe and Tom Roe, May 7, 2024\n\n"
            "Photo: Harbour Courier, May 3, 2024\n\n"
            "The bridge reopened on Monday. The council's report was published on May 3.\n\n"
            "This article was first published on May 2.")
    found = events_of(text, published="2024-05-08")
    assert [(e["date"], e["date_text"]) for e in found] == [("2024-05-06", "on Monday"), ("2024-05-03", "on May 3")]


def test_a_present_timetable_and_a_date_naming_a_coming_vote(nlp):
    found = events_of("The hearing is set for 10 a.m. on May 20.", published="2024-05-08")
    assert [(e["date"], e.get("planned")) for e in found] == [("2024-05-20", True)]
    found = events_of("Ahead of the May 12 vote, parties campaigned hard.", published="2024-05-08")
    assert [(e["date"], e.get("planned")) for e in found] == [("2024-05-12", True)]
    found = events_of("The January 6 attack shocked the country.", published="2024-05-08")
    assert [e["date"] for e in found] == ["2024-01-06"]


def test_due_in_the_present_is_ahead_and_a_past_hope_is_behind(nlp):
    pub = "2024-05-08"
    assert [(e["date"], e.get("planned")) for e in events_of("Elections are due in September.", published=pub)] == [("2024-09", True)]
    assert [e["date"] for e in events_of("He is due in court on June 12.", published=pub)] == ["2024-06-12"]
    # "hoped" (which the tagger lemmatises as "hop") told in the past perfect: the April before
    assert [e["date"] for e in events_of("He had hoped to sign the deal in April.", published=pub)] == ["2024-04"]


def test_that_morning_is_the_day_the_paragraph_last_named(nlp):
    found = events_of("Firefighters were called to a warehouse in Leith on Wednesday. Two teenagers were detained in the city early that morning.",
                      published="2026-03-05")
    assert [(e["date"], e["date_text"]) for e in found] == [("2026-03-04", "on Wednesday"), ("2026-03-04", "early that morning")]
    assert events_of("Two teenagers were detained early that morning.", published="2026-03-05") == []


def test_the_following_day_and_days_later_count_from_the_day_told_before(nlp):
    found = events_of("The ferry sank on Monday. Rescuers found two survivors the following day.\n\n"
                      "The storm hit on Friday. Two days later, the port reopened. The previous week, the board had met.",
                      published="2024-05-08")
    assert [(e["date"], e["date_text"]) for e in found] == [
        ("2024-05-06", "on Monday"), ("2024-05-07", "the following day"), ("2024-05-03", "on Friday"),
        ("2024-05-05", "Two days later"), ("2024-04", "The previous week")]
    # with no day told before in the paragraph, nothing
    assert events_of("Rescuers found two survivors the next day.", published="2024-05-08") == []


def test_that_week_is_the_month_of_the_week_told_before(nlp):
    found = events_of("The ferry sank on Monday, April 29. Later that week, divers found the wreck.", published="2024-05-08")
    assert [(e["date"], e["date_text"]) for e in found] == [("2024-04-29", "on Monday, April 29"), ("2024-04", "Later that week")]
