"""Stage 8: meetings and attendance claims."""

import pytest

from loader.articles import Article
from loader.extract import extract_annotation
from loader.extract.model import load_nlp


def article(text: str, published: str = "2024-09-05") -> Article:
    return Article(id="t", path="t.md", text=text, text_offset=0, text_line=1, published=published, sha256="x")


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def meetings(text: str) -> list[tuple[str, str, str | None, str | None]]:
    doc = extract_annotation(article(text))
    return [(m["kind"], m["status"], m.get("location"), m.get("date")) for m in doc.get("meetings", [])]


def test_a_held_meeting_with_place_and_date(nlp):
    assert meetings("Helena Marques met her counterpart Álvaro Ibáñez Soto in Madrid last month.") == [("meeting", "held", "madrid", "2024-08")]


def test_failed_attempts_in_several_places(nlp):
    found = meetings("Tehran hosted the peace talks after unsuccessful efforts in Doha, Moscow and Islamabad.")
    assert [(m[1], m[2]) for m in found if m[2] in ("doha", "moscow", "islamabad")] == [("failed", "doha"), ("failed", "moscow"), ("failed", "islamabad")]


def test_brokered_meetings_that_failed_one_per_place(nlp):
    found = meetings("The ISI brokered meetings between the rebels and the government in Dubai and Tajikistan that failed.")
    assert found == [("brokered meeting", "failed", "dubai", None), ("brokered meeting", "failed", "tajikistan", None)]


def test_proposed_and_refused_meetings(nlp):
    found = meetings("Grace Namutebi proposed that the two ministers meet in Kampala in November. Samuel Lado has refused to meet officials.")
    assert found == [("meeting", "proposed", "kampala", "2024-11")]


def test_a_definite_reference_is_not_a_new_meeting(nlp):
    # one meeting; what the reference says became of it ("ended without results") is its status
    found = meetings("Delegates held talks in Nairobi on Wednesday. The talks ended without results.")
    assert found == [("talks", "failed", "nairobi", "2024-09-04")]


def test_attendance_claims_confirm_and_deny(nlp):
    text = ("Delegates of the movement held talks in Nairobi on Wednesday.\n\n"
            "Peter Wani, who attended the talks, denied that Samuel Lado was there. "
            "Wanjiru Kamau said that Samuel Lado attended the talks.")
    doc = extract_annotation(article(text))
    claims = [(c["participant"], c["stance"]) for c in doc["attendance_claims"]]
    assert claims == [("samuel-lado", "denies"), ("samuel-lado", "confirms")]
    participants = doc["meetings"][0]["participants"]
    assert {"ref": "samuel-lado", "role": "delegate", "attendance": "disputed"} in participants


def details(text: str, published: str = "2024-09-05") -> list[dict]:
    return extract_annotation(article(text, published)).get("meetings", [])


def refs(meeting: dict) -> list[str]:
    return [p["ref"] for p in meeting.get("participants", [])]


def test_other_senses_of_meet_are_not_meetings(nlp):
    assert meetings("The company failed to meet the target set by regulators in Lisbon. "
                    "Many families in Porto struggle to make ends meet.") == []


def test_postponed_cancelled_and_future_meetings(nlp):
    found = meetings("A meeting between Maria Santos and Rui Costa in Porto was postponed. "
                     "The summit in Lisbon was cancelled last week. "
                     "Maria Santos will meet Rui Costa in Madrid next week.")
    assert [(m[1], m[2]) for m in found] == [("postponed", "porto"), ("cancelled", "lisbon"), ("proposed", "madrid")]


def test_participants_named_in_apposition_and_a_descriptive_name(nlp):
    found = details("A meeting between Portugal’s finance minister, Maria Santos, and her Spanish counterpart, Rui Costa, "
                    "took place in Madrid on Monday.")
    assert len(found) == 1 and refs(found[0]) == ["maria-santos", "rui-costa"]
    assert found[0]["name"] == "Meeting between Maria Santos and Rui Costa in Madrid"


def test_participants_from_later_sentences_and_groups(nlp):
    found = details("Maria Santos held talks with Rui Costa in Porto on Monday. "
                    "Marta Silva, who attended the talks, said little. "
                    "The two sides agreed to meet in Lisbon in November.")
    assert [m["location"] for m in found] == ["porto", "lisbon"]
    assert set(refs(found[0])) == {"maria-santos", "rui-costa", "marta-silva"}
    assert found[1]["status"] == "proposed" and set(refs(found[1])) >= {"maria-santos", "rui-costa"}


def test_a_visit_has_its_visitor_and_a_habit_is_no_visit(nlp):
    found = details("Maria Santos began her official visit to Madrid on Monday. Rui Costa continues to visit Porto every month.")
    assert [(m["kind"], m["location"], refs(m)) for m in found] == [("visit", "madrid", ["maria-santos"])]
    assert found[0]["name"] == "Maria Santos’s visit to Madrid"


def test_attendance_claims_from_presence_predicates(nlp):
    text = ("Maria Santos held talks with Rui Costa in Porto on Monday.\n\n"
            "Pedro Alves said the talks were attended by Maria Santos and John Miller. "
            "Sarah Klein said John Miller did not attend. "
            "Tomas Novak said Maria Santos would meet Rui Costa again in Porto.")
    doc = extract_annotation(article(text))
    claims = [(c["participant"], c["stance"]) for c in doc["attendance_claims"]]
    assert claims == [("maria-santos", "confirms"), ("john-miller", "confirms"), ("john-miller", "denies")]


def test_meeting_again_in_the_country_of_a_held_meeting_is_that_meeting(nlp):
    found = details("Maria Santos held talks with Rui Costa in Porto on Monday. "
                    "John Miller tried to host the discussions, but Rui Costa chose to meet in Portugal.")
    assert [(m["location"] if "location" in m else None, m["status"]) for m in found] == [("porto", "held"), (None, "attempted")]
    assert refs(found[1]) == ["john-miller"]


def test_not_a_negotiation_meet_it_and_an_invitation_to_meet(nlp):
    found = details("This is a rule, not a negotiation. We will meet it by the autumn. "
                    "Maria Santos invited Rui Costa to meet her again in Madrid in July.")
    assert [(m["kind"], m["status"], m.get("location")) for m in found] == [("meeting", "proposed", "madrid")]


def test_a_first_definite_mention_and_attended_by(nlp):
    doc = extract_annotation(article("Rui Costa said the meeting took place in Porto on Monday and was attended by "
                                     "Maria Santos and John Miller."))
    assert [(m["kind"], m.get("location")) for m in doc["meetings"]] == [("meeting", "porto")]
    assert [(c["participant"], c["stance"]) for c in doc["attendance_claims"]] == [
        ("maria-santos", "confirms"), ("john-miller", "confirms")]


def placed(text: str) -> list[tuple]:
    doc = extract_annotation(article(text))
    return [(m["status"], m.get("location"), sorted(p["ref"] for p in m.get("participants", []))) for m in doc.get("meetings", [])]


def test_status_comes_from_the_meetings_own_predicate(nlp):
    # the collapse belongs to the adverbial clause (the earlier try, a round of its own), not to the talks that began
    found = placed("Talks between Norway and Iceland began in Oslo in June, after an earlier bid collapsed.")
    assert found == [("held", "oslo", ["iceland", "norway"]), ("failed", None, ["iceland", "norway"])]


def test_an_earlier_approach_that_failed_is_a_round_of_its_own(nlp):
    found = details("Talks between Norway and Iceland began in Oslo in June, after an earlier attempt by Norway failed in 2021.")
    assert [(m["status"], m.get("date"), refs(m)) for m in found] == [
        ("held", "2024-06", ["norway", "iceland"]), ("failed", "2021", ["norway", "iceland"])]
    # no earlier try without its failure, nor without "earlier"
    assert len(details("Talks between Norway and Iceland began in Oslo in June, after an attempt by Norway failed.")) == 1


def test_a_round_planned_elsewhere_is_its_own_meeting_with_the_same_parties(nlp):
    found = placed("Talks between Norway and Iceland broke up in Oslo on Monday, and a second round "
                    "planned for next month in Reykjavik has been put off.")
    assert found == [("failed", "oslo", ["iceland", "norway"]), ("postponed", "reykjavik", ["iceland", "norway"])]


def test_attended_by_after_the_meeting_noun(nlp):
    found = placed("The deal was struck at a dinner in Vienna in May attended by Peter Lund and Clara Vidal.")
    assert found == [("held", "vienna", ["clara-vidal", "peter-lund"])]


def test_a_claim_of_presence_goes_to_the_meeting_that_took_place(nlp):
    # the postponed round did not happen, so someone who joined "the session" joined the Oslo talks
    text = ("Norway and Iceland held talks in Oslo on Monday. The second round, which had been planned "
            "for October 2 in Reykjavik, was postponed, officials said. Peter Lund said Clara Vidal had joined "
            "the session by video link.")
    doc = extract_annotation(article(text))
    by_id = {m["id"]: m.get("location") for m in doc["meetings"]}
    assert [(by_id[c["meeting"]], c["participant"], c["stance"]) for c in doc["attendance_claims"]] == [("oslo", "clara-vidal", "confirms")]
    assert [(m["status"], m.get("location")) for m in doc["meetings"]] == [("held", "oslo"), ("postponed", "reykjavik")]


def test_a_later_reference_says_the_meeting_was_cancelled(nlp):
    found = placed("The panel had been due to discuss the tender at a meeting on May 9, "
                   "but the meeting was cancelled without warning.")
    assert [f[0] for f in found] == ["cancelled"]


def test_the_object_of_an_invitation_is_who_meets(nlp):
    found = placed("The judge asked Peter Lund and Clara Vidal to meet in private on Monday.")
    # (and who asks them receives them: the judge, a description the text gives)
    assert found == [("proposed", None, ["anon-the-judge", "clara-vidal", "peter-lund"])]


@pytest.mark.parametrize("text", [
    "Visitors can visit the website for details.",
    "The two rivers meet at Koblenz.",
    "Climbers reached the summit of Everest on Monday.",
    "She told investors on a video call that sales rose.",
    "The first round of the election in France was held on Sunday.",
    "The company announced a round of layoffs in Oslo.",
])
def test_other_senses_of_meeting_words_are_not_meetings(nlp, text):
    assert meetings(text) == []


def test_a_trip_to_meet_someone_gives_the_place(nlp):
    assert placed("Karl Huber flew to Oslo on Monday to meet Peter Lund.") == [("held", "oslo", ["karl-huber", "peter-lund"])]


def test_a_second_meeting_is_between_the_same_parties(nlp):
    found = placed("Norway and Iceland held talks in Oslo in May. A second meeting, in Bergen on June 2, was cancelled.")
    assert found == [("held", "oslo", ["iceland", "norway"]), ("cancelled", "bergen", ["iceland", "norway"])]


@pytest.mark.parametrize("text", [
    "Karl Huber and Peter Lund are to meet in Oslo next week.",
    "Karl Huber hopes to meet Peter Lund in Oslo.",
    "Karl Huber has offered to meet Peter Lund in Oslo.",
])
def test_a_future_or_planned_meeting_is_not_held(nlp, text):
    assert [f[0] for f in placed(text)] == ["proposed"]


def claims_of(text: str) -> list[tuple[str, str, str]]:
    doc = extract_annotation(article(text))
    return [(c["participant"], c["stance"], c["statement"]) for c in doc.get("attendance_claims", [])]


def test_a_venue_named_later_says_where_in_the_city(nlp):
    # "the two days of talks" is a definite reference through its head; the venue refines the city
    found = details("Norway and Iceland held talks in Bergen on Monday. "
                    "The three days of talks at the Bryggen Conference Centre were mediated by the Nordic Council.")
    assert [(m["location"], refs(m)) for m in found] == [("bryggen-conference-centre", ["norway", "iceland", "nordic-council"])]
    assert [p["role"] for p in found[0]["participants"]] == ["delegate", "delegate", "mediator"]


def test_the_street_of_a_hotel_is_the_meetings_place(nlp):
    found = placed("Karl Huber met Peter Lund in Oslo in May, the Bergen Post reported. "
                   "The Post said the meeting was held at a hotel on Baker Street.")
    assert found == [("held", "baker-street", ["karl-huber", "peter-lund"])]


def test_never_met_is_a_denial_by_the_subject_alone(nlp):
    # "X met Y" puts both there; "I have never met Y" is about the speaker's own whereabouts
    text = ("Karl Huber met Peter Lund in Oslo in May, the Bergen Post reported.\n\n"
            "\"I have never met Mr Lund,\" Huber said.")
    assert [c[:2] for c in claims_of(text)] == [("karl-huber", "confirms"), ("peter-lund", "confirms"), ("karl-huber", "denies")]


def test_being_in_the_place_of_a_meeting_is_a_claim_of_presence(nlp):
    text = "Norway and Iceland held talks in Oslo on Monday. Karl Huber said he was in Oslo that day with the Icelandic delegation."
    assert [c[:2] for c in claims_of(text)] == [("karl-huber", "confirms")]
    assert "karl-huber" in refs(details(text)[0])


def test_you_in_an_interview_question_is_who_answers_it(nlp):
    text = ("OSLO — Anna Berg of the Nordic Review spoke to Karl Huber at his office on Monday.\n\n"
            "Q: A newspaper says you met Peter Lund in Bergen in May. Is that true?\n\n"
            "Huber: It is true, and we will meet again.")
    # one claim per person, from the reports (not again from the question that holds them)
    assert sorted(c[:2] for c in claims_of(text)) == [("karl-huber", "confirms"), ("peter-lund", "confirms")]
    assert len({c[2] for c in claims_of(text)}) == 1



def test_the_two_companies_are_the_bodies_the_story_names_most(nlp):
    text = ("Harwick Shipping said on Monday it would buy Solent Lines for 2 billion euros. Harwick Shipping runs "
            "ferries from Hamburg and Solent Lines sails from Gdansk. Shares in Solent Lines rose 5% while Harwick "
            "Shipping fell.\n\nTalks between the two companies opened in Stockholm in June.")
    assert placed(text) == [("held", "stockholm", ["harwick-shipping", "solent-lines"])]


def test_a_person_before_another_possessive_in_a_list_is_a_party(nlp):
    # the parser reads "(Karl Huber and Acme)'s chairman"; a person possesses no chairman here
    found = placed("The turnaround came at a dinner in Oslo in May attended by Karl Huber and Acme's chairman, Peter Lund.")
    assert found == [("held", "oslo", ["karl-huber", "peter-lund"])]


def test_going_somewhere_to_meet_someone_is_a_visit(nlp):
    found = details("Karl Huber will be in Bergen next week to meet Peter Lund.")
    assert [(m["kind"], m["status"], m["location"]) for m in found] == [("visit", "proposed", "bergen")]
    assert [(p["ref"], p["role"]) for p in found[0]["participants"]] == [("karl-huber", "visitor"), ("peter-lund", "host")]
    assert found[0]["name"] == "Karl Huber’s visit to Bergen hosted by Peter Lund"


@pytest.mark.parametrize("text, body", [
    ("The plans were approved by the Oslo City Council on Tuesday, after a meeting that lasted four hours.", "oslo-city-council"),
    ("The Oslo Planning Committee had been due to discuss the contract at a meeting on August 9, but the meeting was cancelled.",
     "oslo-planning-committee"),
])
def test_who_acted_at_or_after_a_meeting_was_at_it(nlp, text, body):
    assert [refs(m) for m in details(text)] == [[body]]


def test_a_first_definite_meeting_takes_the_scene_set_before(nlp):
    text = ("A former clerk said she saw Karl Huber take an envelope from Peter Lund at a restaurant in Bergen in 2021.\n\n"
            "She said the meeting took place late on a Friday.")
    assert [m["location"] for m in details(text)] == ["bergen"]
    # with a meeting told before, "the meeting" is that one, not the scene
    assert [m.get("location") for m in details("Karl Huber met Peter Lund on Monday. " + text)] == [None]


def test_what_someone_did_instead_of_attending_happened_there(nlp):
    text = ("Norway and Iceland held talks in Oslo on Monday. Karl Huber said Peter Lund did not attend, "
            "instead meeting Ole Berg during a chance encounter at the residence of a diplomat.")
    found = details(text)
    assert [(m["kind"], m.get("location")) for m in found] == [("talks", "oslo"), ("chance encounter", "oslo")]


def test_she_in_what_a_speaker_says_is_the_speaker_and_a_question_claims_nothing(nlp):
    text = ("On Monday, several players met Maria Santos at the club, according to an official. Santos, asked whether "
            "John Miller had been present, replied that she had met \"some of the squad\".")
    assert len(details(text)) == 1
    assert [c[:2] for c in claims_of(text)] == [("maria-santos", "confirms")]


def test_a_rejection_of_that_denies_the_claim_before_it(nlp):
    text = ("Karl Huber met Peter Lund in Oslo on Monday, an official said. The official said Ole Berg had joined the meeting. "
            "Berg's lawyers rejected that. \"Ole was at home that day. He was not at that meeting,\" his agent, Anna Holm, said.")
    found = [c[:2] for c in claims_of(text)]
    assert found[2:] == [("ole-berg", "confirms"), ("ole-berg", "denies"), ("ole-berg", "denies")]
    # one claim per statement: the rejection, then the agent's quotation (its "He" is the Ole it names)
    assert len({c[2] for c in claims_of(text)[2:]}) == 3


def test_meetings_of_one_sentence_in_the_order_it_tells_them(nlp):
    found = placed("Karl Huber met Peter Lund in Oslo last weekend and plans to continue talks with him in Bergen next week.")
    assert [(f[0], f[1]) for f in found] == [("held", "oslo"), ("proposed", "bergen")]


def test_his_client_in_what_a_lawyer_says_is_the_client(nlp):
    text = ("Karl Huber met Peter Lund at a café in Oslo in May, a witness told the court. Huber's lawyer, advocate "
            "Anna Holm, said her client had been in Bergen all week and was not at the café.")
    assert [c[:2] for c in claims_of(text)] == [("karl-huber", "confirms"), ("peter-lund", "confirms"), ("karl-huber", "denies")]


def test_an_evening_called_off_and_the_session_rearranged_for_it(nlp):
    text = ("The Oslo City Council approved the plans on Tuesday.\n\n"
            "A public consultation evening at the library, set for April 22, was cancelled by the council at short notice. "
            "A rearranged session has since been postponed again, residents said.")
    found = details(text)
    # "the council" is the one body named before whose name ends in the word; who calls it off is a party;
    # the rearranged session is between the same parties
    assert [(m["status"], m.get("date"), refs(m)) for m in found] == [
        ("cancelled", "2024-04-22", ["oslo-city-council"]), ("postponed", None, ["oslo-city-council"])]
    assert meetings("The club held a training session on Friday. Grain prices rose in the trading session.") == []


def test_people_described_in_an_attended_by_list_are_claimed_present(nlp):
    text = ("Karl Huber visited the site in March, a resident said. A council spokesperson said the visit was attended "
            "only by planning officers.")
    assert [c[:2] for c in claims_of(text)][-1:] == [("anon-planning-officers", "confirms")]


def test_a_second_meeting_after_a_meeting_of_people_is_between_them(nlp):
    found = placed("Karl Huber met Peter Lund in Oslo in May. A second meeting, in Bergen on June 2, was cancelled.")
    assert found == [("held", "oslo", ["karl-huber", "peter-lund"]), ("cancelled", "bergen", ["karl-huber", "peter-lund"])]


def test_met_there_and_the_three_countries_the_story_names(nlp):
    text = ("Norway, Iceland and Denmark have argued over fishing rights for years. Norway wants more, Iceland wants less "
            "and Denmark wants a new survey.\n\nLast week in Bergen showed why. Delegates from the three countries met "
            "there on Monday and Tuesday to agree a final number: how much fish Norway may catch.")
    # "there" is the place of the sentence before; a clause hung on a later "may" does not make it planned
    assert placed(text) == [("held", "bergen", ["denmark", "iceland", "norway"])]


def test_an_ability_is_no_meeting_and_a_proposer_receives(nlp):
    assert meetings("Karl Huber can convene meetings but cannot impose a deal.") == []
    assert placed("Anna Holm has proposed that the four envoys meet in Oslo in March.") == [
        ("proposed", "oslo", ["anna-holm", "anon-the-four-envoys"])]
    roles = {p["ref"]: p["role"] for p in details("Anna Holm has proposed that the four envoys meet in Oslo in March.")[0]["participants"]}
    assert roles["anna-holm"] == "host"


def test_a_visit_to_a_site_near_a_town_is_in_that_town(nlp):
    assert placed("A joint visit by the two delegations to the harbour near Tromso was called off.") == [("cancelled", "tromso", [])]


def test_a_debate_between_people_and_the_meeting_someone_was_called_to(nlp):
    found = details("Karl Huber pulled out of the televised debate with Anna Holm on Sunday. The debate was cancelled after "
                    "his office said he had been called to a crisis meeting with the Oslo Fishermen's Union.")
    # the cancelling is the debate's, not the meeting's told in the clause after it; who is called goes
    assert [(m["kind"], m["status"], sorted(refs(m))) for m in found] == [
        ("debate", "cancelled", ["anna-holm", "karl-huber"]), ("meeting", "held", ["karl-huber", "oslo-fishermen-s-union"])]
    assert meetings("The debate over water prices goes on.") == []


def test_a_placeless_meeting_of_others_does_not_join_one_told_much_later(nlp):
    text = ("Karl Huber said he had been called to a crisis meeting with the Oslo Fishermen's Union. "
            "Prices fell again. Boats stayed in port. Nobody expected a deal. The union was silent.\n\n"
            "Anna Holm met Ole Berg in Bergen on Monday.")
    assert [(m.get("location"), sorted(refs(m))) for m in details(text)] == [
        (None, ["karl-huber", "oslo-fishermen-s-union"]), ("bergen", ["anna-holm", "ole-berg"])]


def test_a_round_up_of_briefs_places_a_meeting_by_its_paragraphs_dateline(nlp):
    text = ("OSLO - Police arrested two men on Monday.\n\n"
            "BERGEN - A public meeting on knife crime with residents of Bergen on Wednesday was postponed, the council said.")
    assert [m.get("location") for m in details(text)] == ["bergen"]


def test_a_claim_that_two_people_met_is_about_their_meeting(nlp):
    text = ("Prosecutors say Karl Huber met Peter Lund at a golf club in Bergen in 2021. A spokesperson said Lund had never "
            "met Huber.\n\nAnna Holm held talks with Ole Berg on Monday.")
    doc = extract_annotation(article(text))
    first = doc["meetings"][0]["id"]
    assert [(c["participant"], c["stance"], c["meeting"]) for c in doc["attendance_claims"]] == [
        ("karl-huber", "confirms", first), ("peter-lund", "confirms", first), ("peter-lund", "denies", first)]


def test_asking_to_meet_is_a_request_not_a_meeting_held(nlp):
    assert [f[0] for f in placed("The residents asked to meet Karl Huber in Bergen.")] == ["proposed"]


def test_the_next_round_of_talks_under_way_is_a_meeting_to_come(nlp):
    text = ("The Oslo Fishermen's Union is in talks with the shipping companies about a pay deal. Anna Holm said the "
            "next round, due on Friday, had been put back by ten days.")
    found = details(text)
    assert [(m["status"], sorted(refs(m))) for m in found] == [
        ("held", ["anon-the-shipping-companies", "oslo-fishermen-s-union"]),
        ("postponed", ["anon-the-shipping-companies", "oslo-fishermen-s-union"])]


def test_sitting_at_the_table_is_presence_and_his_father_is_not_him(nlp):
    text = ("Karl Huber met Peter Lund in Bergen on Monday, an official said. In her autobiography, Anna Holm wrote that Ole Berg "
            "had sat at the same table as her all night. His son, Nils Berg, said his father was in Paris that month.")
    assert [c[:2] for c in claims_of(text)] == [("karl-huber", "confirms"), ("peter-lund", "confirms"), ("ole-berg", "confirms")]


def test_denying_that_x_met_y_is_about_x_and_not_called_off_is_no_fate(nlp):
    text = ("Two diplomats said Karl Huber had met Peter Lund in Bergen in July. Huber's spokesman denied that.\n\n"
            "Norway and Iceland will hold talks in Oslo on Thursday. Anna Holm said the talks had not been called off.")
    assert [c[:2] for c in claims_of(text)] == [("karl-huber", "confirms"), ("peter-lund", "confirms"), ("karl-huber", "denies")]
    assert [m["status"] for m in details(text)] == ["held", "proposed"]


def test_a_where_clause_on_the_place_says_who_meets_there(nlp):
    text = ("The violence has cast doubt over talks set for Thursday in Oslo, where negotiators of the militia were meant to sit down "
            "with a panel led by Anna Holm.")
    assert [(f[1], f[2]) for f in placed(text)] == [("oslo", ["anna-holm", "anon-negotiators-of-the-militia"])]
