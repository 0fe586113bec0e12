"""Round eight: constructions of news writing the automatic pipeline got wrong, found on the
development halves (dev, dev2, dev3, dev4) and on real news (gum-news). Sentences written for
these tests."""

import pytest

from loader.extract import extract_annotation
from loader.extract.model import load_nlp

from .test_extract_attribution import statements
from .test_extract_meetings import article
from .test_extract_meetings_round6 import claims, meetings
from .test_extract_orgs_round6 import sections


@pytest.fixture(scope="session", autouse=True)
def nlp():
    return load_nlp()


def claims_of(text: str, published: str, person: str, field: str) -> list[tuple]:
    """(the ``field`` of the meeting, stance) of each attendance claim about ``person``."""
    found = extract_annotation(article(text, published))
    meeting = {m["id"]: m.get(field) for m in found["meetings"]}
    return sorted((meeting[c["meeting"]], c["stance"]) for c in found["attendance_claims"] if c["participant"] == person)


# --- attendance claims ---

def test_being_shown_into_the_room_is_being_at_the_meeting():
    text = ("The council's finance committee met on Tuesday at the town hall. A clerk said the developer "
            "Mara Lindholm was shown into the committee room before the vote. Lindholm denied it.")
    assert claims(text) == [("mara-lindholm", "confirms"), ("mara-lindholm", "denies")]
    # being shown a document is no presence
    assert claims("The council's finance committee met on Tuesday at the town hall. A clerk said "
                  "Mara Lindholm was shown the plans before the vote.") == []


def test_a_description_in_apposition_to_a_name_is_that_person():
    text = ("The two unions met at a hotel in Leeds on Friday. One organiser said the firm's adviser, "
            "the consultant Piet Hoving, was in the room for the whole afternoon.")
    assert claims(text) == [("piet-hoving", "confirms")]


def test_a_denial_of_the_room_beats_being_in_the_building():
    text = ("The board met at the Grand Hotel in Oslo on Monday evening. Nils Berge said: "
            "\"I was at the hotel, yes, in the bar downstairs. I was never in that room.\"")
    assert claims(text) == [("nils-berge", "denies")]
    # being in the building alone is still a claim of being there
    assert claims("The board met at the Grand Hotel in Oslo on Monday evening. Nils Berge said: "
                  "\"I was at the hotel that evening.\"") == [("nils-berge", "confirms")]


def test_a_record_of_a_meeting_puts_the_people_it_names_there():
    text = ("The council's diary records a meeting between Harriet Olsen and Tomas Reyes at the "
            "Mill Lane depot on 4 June 2025.")
    assert claims(text, "2025-09-01") == [("harriet-olsen", "confirms"), ("tomas-reyes", "confirms")]
    # a record of something else, or a meeting only planned, claims nobody was anywhere
    assert claims("The council's diary records a complaint from Harriet Olsen about Tomas Reyes on 4 June 2025.",
                  "2025-09-01") == []


def test_a_record_speaks_for_itself():
    found = statements("Hospital records show that Harriet Olsen entered the building twice in May.")
    assert [(s[0], s[1], s[3]) for s in found] == [
        (["Hospital records"], "show", "Harriet Olsen entered the building twice in May")]
    found = statements("The ministry's calendar lists a briefing with the port authority on 12 May.")
    assert [(s[0], s[1], s[3]) for s in found] == [
        (["The ministry's calendar"], "lists", "a briefing with the port authority")]
    # a person or a show that "shows" is no record
    assert statements("The film shows a storm over the harbour.") == []


def test_a_possessor_in_a_pair_is_no_party_of_its_own():
    text = ("The register records a meeting between Martin Okafor and Lena Brandt's chief of staff in "
            "February 2025.")
    assert claims(text, "2025-09-01") == [("Lena Brandt's chief of staff", "confirms"), ("martin-okafor", "confirms")]


# --- meetings ---

def test_a_call_a_conversation_or_an_audience_with_someone_is_a_meeting():
    assert meetings("Rosa Imbert had a telephone call with Oskar Lind on Monday.") == [
        ("held", None, ["oskar-lind", "rosa-imbert"])]
    assert [m[0] for m in meetings("The king granted Rosa Imbert an audience with him on Monday.")] == ["held"]
    assert [m[0] for m in meetings("A briefing for reporters set for Friday was cancelled.")] == ["cancelled"]
    # a call for something, an audience that watches and a conversation in general are none
    assert meetings("Rosa Imbert issued a call for calm on Monday.") == []
    assert meetings("An audience of 200 watched the debate about water prices.") == []
    assert meetings("The conversation turned to prices.") == []


def test_what_happened_at_a_meeting_dates_it():
    text = ("The founder of Corvel, a start-up valued at $2 billion last year, says he was removed at a "
            "board meeting he could not join.\n\nAnil Mathur was voted out on Sunday evening at a board "
            "meeting held by video call.")
    doc = extract_annotation(article(text, "2026-12-04"))
    assert [(m["status"], m.get("date")) for m in doc["meetings"]] == [("held", "2026-11-29")]
    # the date of the company's valuation is not the meeting's
    only = extract_annotation(article(text.split("\n\n")[0], "2026-12-04"))
    assert [m.get("date") for m in only["meetings"]] == [None]


def test_a_later_telling_with_the_day_is_the_meeting_s_evidence():
    text = ("The agency's acting head told senators on Wednesday that she was not at an August meeting "
            "with the operator.\n\nThe log lists Ruth Caldera as the host of a meeting on Aug. 14 with "
            "three of the operator's officials.")
    found = extract_annotation(article(text, "2026-12-03"))["meetings"]
    assert [(m["date"], m["evidence"][:7]) for m in found] == [("2026-08-14", "The log")]


def test_a_definite_description_in_the_lede_is_the_person_named_next():
    text = ("The founder of a Pune delivery start-up says he was pushed out by his own board.\n\n"
            "Rohan Desai, 41, who started the firm in 2015, said the vote was rushed.")
    assert [s[0] for s in statements(text)] == [["Rohan Desai"], ["Rohan Desai"]]
    # someone else named first in the next paragraph's body is not the lede's source
    other = ("The founder of a Pune delivery start-up says he was pushed out by his own board.\n\n"
             "Investors said on Monday that Rohan Desai had lost their trust.")
    assert statements(other)[0][0] != ["Rohan Desai"]


def test_a_meeting_of_a_month_told_later_with_its_day_is_one_meeting():
    text = ("The regulator's chief told the committee on Wednesday that she was not at an August meeting "
            "with the operator.\n\nShe said she had been at her desk all week.\n\nThe visitor log lists a "
            "meeting on Aug. 14 with three of the operator's officials.")
    found = extract_annotation(article(text, "2026-12-03"))["meetings"]
    assert [m["date"] for m in found] == ["2026-08-14"]


def test_a_record_listing_someone_as_host_of_a_meeting_puts_them_and_their_guests_there():
    text = "The visitor log lists Ruth Caldera as the host of a meeting on Aug. 14 with three lawyers for the operator."
    assert claims(text, "2026-12-03") == [("ruth-caldera", "confirms"), ("three lawyers for the operator", "confirms")]


def test_a_lede_s_description_is_the_one_person_the_next_paragraph_describes_so():
    text = ("The captain of the ferry told an inquiry on Tuesday that his company's operations manager "
            "attended a briefing at the port.\n\nCapt. Ramon Ilagan, 52, testified that Lito Pascual, "
            "operations manager of Visayas Sea Lines, was in the port office at 4:30 a.m. when the crew met.")
    assert ("lito-pascual", "confirms") in claims(text, "2026-12-02")
    assert all(who != "his company's operations manager" for who, _ in claims(text, "2026-12-02"))


def test_a_description_inside_a_relative_clause_is_no_delayed_identification():
    text = ("The captain said the manager approved the sailing, an account the manager's lawyer called "
            "\"a fabrication.\"\n\nCapt. Ramon Ilagan, 52, testified before the board.")
    assert [s[0] for s in statements(text) if s[1] == "called"] != [["Ramon Ilagan"]]


def test_what_someone_says_of_a_meeting_between_people_puts_them_there():
    text = ("The Greens' co-leader, Marta Ruiz, said her party had not been invited to a meeting between "
            "Daniel Okonjo and Helen Marsh on November 18.")
    assert claims(text, "2026-11-30") == [("daniel-okonjo", "confirms"), ("helen-marsh", "confirms")]
    # a meeting proposed, or one referred back to, places nobody
    assert claims("The Greens' co-leader, Marta Ruiz, said her party wanted a meeting between Daniel Okonjo and "
                  "Helen Marsh next week.",
                  "2026-11-30") == []


def test_disputing_his_account_denies_what_he_claimed():
    text = ("Its managing director, Tiago Moura, said he had met port officials in Lobito last week. "
            "A port official who was at that meeting disputed his account. Moura did not come to Lobito, "
            "the official said; the company sent two engineers.")
    found = statements(text)
    assert [(s[1], s[3]) for s in found][1:] == [("disputed", "his account"), ("said", "Moura did not come to Lobito")]
    assert [c for c in claims(text, "2026-11-30") if c[0] == "tiago-moura"] == [
        ("tiago-moura", "confirms"), ("tiago-moura", "denies"), ("tiago-moura", "denies")]


def test_dining_on_an_evening_with_someone_is_meeting_them():
    text = ("The newspaper reported on Saturday that Marco Bellini had dined privately on the evening of "
            "November 21 with Pablo Ortega at a restaurant in Alghero.")
    found = meetings(text, "2026-11-30")
    assert [(m[1], m[2]) for m in found] == [("alghero", ["marco-bellini", "pablo-ortega"])]
    assert ("pablo-ortega", "confirms") in claims(text, "2026-11-30")
    assert meetings("Marco Bellini had dined late on the evening of November 21.", "2026-11-30") == []


def test_a_meeting_told_right_after_a_trip_was_where_the_trip_went():
    text = ("On Sept. 9, the company's chief executive went to the regulator's offices in Santiago. The "
            "lobby register lists a one-hour meeting with the superintendent, Rodrigo Alarcón.")
    assert [m[1] for m in meetings(text, "2026-11-30")] == ["santiago"]
    # a trip planned, or one told in another paragraph, gives no place
    assert [m[1] for m in meetings("The chief executive will go to Santiago next week. The register lists a "
                                   "meeting with the superintendent, Rodrigo Alarcón.", "2026-11-30")] == [None]
    assert [m[1] for m in meetings("The chief executive went to Santiago on Sept. 9.\n\nThe register lists a "
                                   "meeting with the superintendent, Rodrigo Alarcón.", "2026-11-30")] == [None]


def test_expected_at_one_meeting_but_elsewhere_for_another():
    text = ("Talks in Maputo began on Monday between the two ministers. The bloc's secretary, Tomas Banda, "
            "had been expected at Monday's session but stayed in Harare for a meeting of the bloc's finance "
            "committee, an official said.")
    assert claims_of(text, "2026-11-30", "tomas-banda", "location") == [("harare", "confirms"), ("maputo", "denies")]
    # expected and there: no claim either way from the expectation alone
    assert claims("The ministers met in Maputo on Monday. Tomas Banda had been expected at the meeting.",
                  "2026-11-30") == []


# --- organisations ---

def test_an_administration_a_tribunal_or_a_secretariat_names_a_body():
    found = sections("Dana Whitcomb, the acting administrator of the Pipeline and Hazardous Materials Safety "
                     "Administration, said she had been in Houston.")
    assert "Pipeline and Hazardous Materials Safety Administration" in found["organisations"]
    assert "Dana Whitcomb" in found["people"]


def test_a_community_assembly_is_a_meeting_and_a_national_assembly_a_body():
    assert meetings("Sofía Reyes says she attended a community assembly in Camar on Oct. 17.", "2026-11-30") == [
        ("held", "camar", ["sofia-reyes"])]
    assert meetings("The National Assembly voted on Tuesday.", "2026-11-30") == []
    assert meetings("The UN General Assembly met on Tuesday in New York.", "2026-11-30")[0][1] == "new-york-city"


def test_the_word_a_meeting_was_told_with_refers_to_it_later():
    text = ("Priya Nair was voted out on Sunday evening at a board meeting held by video call. "
            "In November the audit committee met three times in Mumbai.\n\n"
            "Two people said the sixth director, Arjun Mehta, did not join the call at all.")
    assert claims_of(text, "2026-12-04", "arjun-mehta", "date") == [("2026-11-29", "denies")]


def test_never_allowed_to_join_the_meeting_it_describes_is_a_denial():
    text = ("The founder of a Chennai freight start-up, valued at $300 million in May, says he was removed as "
            "chief executive at a board meeting he was never allowed to join, a claim its biggest investor "
            "disputes.\n\nKaran Iyer, 39, was voted out on Sunday at a board meeting held by video call.")
    assert ("karan-iyer", "denies") in claims(text, "2026-12-04")
    assert claims("Karan Iyer was voted out on Sunday at a board meeting. He says he was never allowed to "
                  "join the meeting.", "2026-12-04") == [("karan-iyer", "denies")]
    # allowed to join, he was there
    assert ("karan-iyer", "denies") not in claims("Karan Iyer was voted out on Sunday at a board meeting. "
                                                  "He says he was allowed to join the meeting.", "2026-12-04")


def test_kept_out_of_a_meeting_or_waiting_through_it_is_not_being_there():
    base = "Karan Iyer was voted out on Sunday at a board meeting held by video call. He wrote that he had been "
    assert claims(base + "kept out of the meeting.", "2026-12-04") == [("karan-iyer", "denies")]
    assert claims(base + "kept in a waiting room for the entire meeting.", "2026-12-04") == [("karan-iyer", "denies")]
    assert claims("The board met on Sunday. Karan Iyer was kept in the loop by email.", "2026-12-04") == []


def test_minutes_that_list_someone_as_present_or_absent_say_so():
    base = "Karan Iyer was voted out on Sunday at a board meeting held by video call. "
    assert claims(base + "The minutes list Iyer as absent.", "2026-12-04") == [("karan-iyer", "denies")]
    assert claims(base + "The minutes list Iyer as present for the first item.", "2026-12-04") == [
        ("karan-iyer", "confirms")]
    assert claims(base + "The minutes list Iyer as the company's founder.", "2026-12-04") == []


def test_a_he_in_a_speaker_s_own_words_is_not_the_speaker():
    text = ("The captain testified that Lito Pascual was at the briefing on Nov. 8.\n\nPascual's lawyer, "
            "Ana Cruz, told reporters that her client had been at home that morning. \"There was no meeting "
            "for him to attend,\" she said.")
    assert all(who != "ana-cruz" for who, _ in claims(text, "2026-12-02"))


def test_the_record_that_speaks_is_not_put_at_the_meeting_it_records():
    text = ("Corvin Advisory has represented Tallow since 2023, according to the public lobbying register. "
            "A spokesman for the minister, Ruth Okoro, said she had never met Dan Pryce. The register records "
            "a meeting between Pryce and Okoro's chief of staff in February 2025.")
    found = claims(text, "2025-10-15")
    assert ("dan-pryce", "confirms") in found
    assert all("register" not in who for who, _ in found)
