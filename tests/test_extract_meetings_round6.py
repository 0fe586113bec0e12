"""Stage 8, round six: more of the ways news writing tells who was at a meeting and who was
not (sentences written for these tests, in several news styles: wire, diplomatic, business,
local, sport)."""

import pytest

from loader.extract import extract_annotation
from loader.extract.model import load_nlp

from .test_extract_meetings import article


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def claims(text: str, published: str = "2024-09-05") -> list[tuple[str, str]]:
    doc = extract_annotation(article(text, published))
    anonymous = {a["id"]: a["description"] for a in doc.get("anonymous", [])}

    def name(ref: str) -> str:
        value = anonymous.get(ref, ref)
        return value if isinstance(value, str) else value["text"]

    return sorted((name(c["participant"]), c["stance"]) for c in doc.get("attendance_claims", []))


@pytest.mark.parametrize("text, expected", [
    # a part played at the meeting
    ("The two leaders held talks in Ankara on Monday.\n\nOfficials said Recep Erdogan chaired the meeting.",
     [("recep-erdogan", "confirms")]),
    ("Regional leaders met in Accra on Monday.\n\nGhana's president, John Mahama, hosted the meeting, his spokesman said.",
     [("john-mahama", "confirms")]),
    # coming and going
    ("The talks in Minsk resumed on Monday.\n\nThe Russian envoy, Ivan Petrov, walked out of the talks after two hours, "
     "a Ukrainian official said.", [("ivan-petrov", "confirms")]),
    ("The committee met behind closed doors on Tuesday.\n\nTwo members said Sarah Lee had left the meeting early.",
     [("sarah-lee", "confirms")]),
    ("Creditors met in London on Monday.\n\nBank chief Tom Hale arrived late for the meeting, two people present said.",
     [("tom-hale", "confirms")]),
    ("Diplomats met in Oslo last week.\n\nA Norwegian official said the envoy Lars Moe had flown to Oslo for the talks.",
     [("lars-moe", "confirms")]),
    # among those there
    ("Senators met in Washington on Tuesday.\n\nSenator John Thune was among those at the meeting, aides said.",
     [("john-thune", "confirms")]),
    ("Delegates from 30 countries met in Nairobi on Monday.\n\nKenya's environment minister, Soipan Tuya, was among the "
     "delegates, a spokesperson said.", [("soipan-tuya", "confirms")]),
    # seen there
    ("Party leaders held a closed-door meeting at a hotel in Madrid on Wednesday.\n\nPhotographers said Pedro Sanchez "
     "was seen leaving the hotel after the meeting.", [("pedro-sanchez", "confirms")]),
    # joined by someone
    ("The ministers met in Geneva on Monday.\n\nAnna Berg, the Swedish minister, said she was joined at the talks by her "
     "deputy, Lars Olsson.", [("anna-berg", "confirms"), ("lars-olsson", "confirms")]),
])
def test_more_ways_of_being_there(nlp, text, expected):
    assert claims(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ministers met in Rome on Tuesday.\n\nCarla Bruni was unable to attend because of illness, a spokesman said.",
     [("carla-bruni", "denies")]),
    ("The cabinet met on Wednesday.\n\nThe finance minister, Ravi Patel, refused to attend, a government source said.",
     [("ravi-patel", "denies")]),
    ("The cabinet met on Wednesday.\n\nA government source said the finance minister, Ravi Patel, could not attend.",
     [("ravi-patel", "denies")]),
    ("The board met in Oslo on Thursday.\n\nChief executive Ingrid Moe was too ill to attend, the company said.",
     [("ingrid-moe", "denies")]),
    ("Union leaders met the employers in Leeds on Monday.\n\nTom Hale, the union's president, did not go to the meeting, "
     "a spokesman said.", [("tom-hale", "denies")]),
    ("Environment ministers met in Bonn on Monday.\n\nAustralia's minister, Chris Bowen, did not travel to Bonn, his office said.",
     [("chris-bowen", "denies")]),
    ("Party officials gathered at the headquarters in Lagos for a meeting on Sunday.\n\nBola Tinubu was nowhere near the "
     "meeting, his aide said.", [("bola-tinubu", "denies")]),
    ("The opposition held talks with the government in Caracas on Friday.\n\nMaria Machado was barred from the talks, "
     "her party said.", [("maria-machado", "denies")]),
    ("Rebel leaders and government envoys met in Doha on Sunday.\n\nA mediator said the rebel commander, Yusuf Ali, was not "
     "invited to the talks.", [("yusuf-ali", "denies")]),
])
def test_ways_of_not_being_there(nlp, text, expected):
    # a refusal or an inability is a denial, never a confirmation ("was unable to attend")
    assert claims(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the one who sent someone was not there, the one sent was
    ("Ministers met in Paris on Monday.\n\nOfficials said the French minister, Jean Roux, sent his deputy, Paul Blanc.",
     [("jean-roux", "denies"), ("paul-blanc", "confirms")]),
    # a body that sends people is not denied ("the shipowners sent their lawyers": they were a party)
    ("The shipowners and the union met at a hotel in Hamburg in 1975.\n\nHer son said the shipowners sent their lawyers.",
     [("their lawyers", "confirms")]),
    # a country represented: the person who represented it
    ("Ministers met in Riga on Monday.\n\nLatvia was represented by its foreign minister, Karlis Ozols, officials said.",
     [("karlis-ozols", "confirms")]),
])
def test_sending_someone_in_ones_place(nlp, text, expected):
    assert claims(text) == expected


def test_talks_held_with_someone_are_a_meeting_of_both(nlp):
    text = ("Mining executives met at a hotel in Perth on Monday.\n\nTwo people present said the chairman, Paul Dunn, had lunch "
            "with the minister, Rita Saffioti, before the meeting.")
    assert claims(text) == [("paul-dunn", "confirms"), ("rita-saffioti", "confirms")]
    denial = "The finance ministers met in Brussels on Monday.\n\n\"I never held talks with Mr Weber,\" Pierre Martin told reporters."
    assert claims(denial) == [("pierre-martin", "denies")]


@pytest.mark.parametrize("text", [
    # plans claim nothing about a meeting held
    "The summit in Addis Ababa opened on Sunday.\n\nSudan's leader, Abdel Burhan, will not attend, his office said.",
    "The board will meet in Oslo next week.\n\nIngrid Moe said she would chair the meeting.",
    # what is sent is not always someone
    "The shareholders met on Monday.\n\nErik Lund said he had sent a letter to the meeting.",
    # nobody in particular
    "Foreign ministers of the bloc met in Brussels on Monday.\n\nDiplomats said the talks had sent a signal.",
])
def test_no_claim(nlp, text):
    assert claims(text) == []


@pytest.mark.parametrize("text, expected", [
    # a statement that tells of the meeting itself: every party it names was there
    ("Vladimir Putin and Narendra Modi held talks in Moscow on Tuesday, the Kremlin said.",
     [("narendra-modi", "confirms"), ("vladimir-putin", "confirms")]),
    ("Antony Blinken met with Wang Yi in Beijing on Monday, the State Department said.",
     [("antony-blinken", "confirms"), ("wang-yi", "confirms")]),
    # the leaders of the delegations that met
    ("Mediators said the two delegations, led by Ali Bashir and Omar Hassan, met in Jeddah on Saturday.",
     [("ali-bashir", "confirms"), ("omar-hassan", "confirms")]),
])
def test_a_statement_telling_of_the_meeting(nlp, text, expected):
    assert claims(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The two ministers met in Cairo on Sunday.\n\nSameh Shoukry said he had raised the issue of the dam with Abiy Ahmed "
     "during the meeting.", [("abiy-ahmed", "confirms"), ("sameh-shoukry", "confirms")]),
    ("Finance ministers met in Washington on Friday.\n\nJanet Yellen told the meeting that the dollar would stay strong, "
     "a Treasury spokesman said.", [("janet-yellen", "confirms")]),
])
def test_acting_at_a_meeting_is_being_there(nlp, text, expected):
    assert claims(text) == expected


@pytest.mark.parametrize("text", [
    # a plan, and what was done to someone at a meeting in the passive, claim nothing here
    "The ministers met in Cairo on Sunday.\n\nSameh Shoukry said he hoped to raise the issue at the next meeting.",
    "The board met in Oslo on Thursday.\n\nA spokeswoman said the plan was approved at the meeting.",
    "The board met in Oslo on Thursday.\n\nA spokeswoman said Ingrid Moe had learned of the bid before the meeting.",
])
def test_no_claim_from_what_is_only_about_a_meeting(nlp, text):
    assert claims(text) == []


def meetings(text: str, published: str = "2024-09-05") -> list[tuple]:
    doc = extract_annotation(article(text, published))
    anonymous = {a["id"]: a["description"] for a in doc.get("anonymous", [])}

    def name(ref: str) -> str:
        value = anonymous.get(ref, ref)
        return value if isinstance(value, str) else value["text"]

    return [(m["status"], m.get("location"), sorted(name(p["ref"]) for p in m.get("participants", [])))
            for m in doc.get("meetings", [])]


def test_the_dateline_is_no_part_of_who_met(nlp):
    # neither the agency nor the date of "BRUSSELS, March 4 (Wire) - " belongs to the people described
    text = "BRUSSELS, March 4 (Northern Wire) - European Union finance ministers met on Tuesday to discuss the budget rules."
    ((status, place, parties),) = meetings(text, "2025-03-04")
    assert status == "held"
    assert "European Union finance ministers" in parties
    assert not any("Wire" in p or "March" in p for p in parties)


def test_a_guest_named_in_apposition_makes_hosting_a_meeting(nlp):
    text = "President Cyril Ramaphosa will host the Kenyan president, William Ruto, in Pretoria next month."
    assert meetings(text) == [("proposed", "pretoria", ["cyril-ramaphosa", "william-ruto"])]


def test_mediators_named_after_the_clause(nlp):
    text = "Negotiators from Sudan and South Sudan held talks in Addis Ababa on Sunday, mediated by Ethiopia and Kenya."
    ((_, place, parties),) = meetings(text)
    assert place == "addis-ababa"
    assert {"ethiopia", "kenya", "sudan", "south-sudan"} <= set(parties)


@pytest.mark.parametrize("text, expected", [
    # a denying verb inside the statement's words makes the presence it governs a denial
    ("The board met in Oslo on Thursday.\n\nErik Dahl denied being at the meeting, his lawyer said.", [("erik-dahl", "denies")]),
    ("The two men met at a restaurant in Durban in May.\n\nThe lawyer said Sipho Dlamini disputed claims that he had attended "
     "the dinner.", [("sipho-dlamini", "denies")]),
    # "been to" the place of the meeting
    ("The two men met at a restaurant in Durban in May.\n\nSipho Dlamini insisted he had never been to the restaurant.",
     [("sipho-dlamini", "denies")]),
    # an absence is a denial, a host who welcomed the delegates was there
    ("The board met in Oslo on Thursday.\n\nErik Dahl's absence from the meeting was noted by several directors, "
     "a spokeswoman said.", [("erik-dahl", "denies")]),
    ("The summit in Lima opened on Monday.\n\nPeru's president, Dina Boluarte, welcomed the delegates, officials said.",
     [("dina-boluarte", "confirms")]),
])
def test_denials_inside_what_is_said_and_other_presences(nlp, text, expected):
    assert claims(text) == expected


def test_a_dateline_the_parser_took_for_the_subject(nlp):
    text = ("ZURICH, Oct 2 (Alpine Wire) - Directors of Helvetia Re held an emergency board meeting in Zurich on Tuesday, "
            "two people familiar with the matter said.")
    ((_, place, parties),) = meetings(text, "2024-10-02")
    assert place == "zurich"
    assert not any("Wire" in p or "wire" in p for p in parties)


def test_joining_by_video_link_is_being_there(nlp):
    text = ("The board met in Zurich on Tuesday.\n\nChief executive Sandra Meier joined by video link from New York, "
            "one of the directors said.")
    assert claims(text) == [("sandra-meier", "confirms")]


def test_not_invited_in_a_clause_sharing_the_subject(nlp):
    text = ("The board met in Zurich on Tuesday.\n\nFormer chairman Thomas Gerber did not attend. A spokesman for Gerber said "
            "he had been in Geneva all day and had not been invited.")
    assert claims(text) == [("thomas-gerber", "denies")]


def test_a_second_round_in_the_body_is_not_the_next_meeting_told(nlp):
    text = ("Novak: I met Marko Horvat at the ministry in Ljubljana on March 12.\n\n"
            "Novak: I was at the second round of talks myself.\n\n"
            "Novak: Last week the hospital board held a meeting in Maribor.")
    places = [place for _, place, _ in meetings(text, "2024-04-02")]
    assert places.count("maribor") == 1 and len(places) == 3


@pytest.mark.parametrize("answer, stance", [
    ("I did not. I spent the week at home with my family.", "denies"),
    ("No, I was in Ljubljana that day.", "denies"),
    ("Yes, I was there for the whole evening.", "confirms"),
])
def test_an_interview_answer_to_whether_one_was_there(nlp, answer, stance):
    # the answer's "no" or "yes" is a claim about the meeting the question names, for the one answering
    text = ("Lena Novak, the health minister, spoke to the Ljubljana Daily about the strike.\n\n"
            "Q: Did you attend the hospital board's meeting in Maribor last week?\n\n"
            f"Novak: {answer}\n\n"
            "Q: And the strike?\n\n"
            "Novak: It will end soon.")
    assert ("lena-novak", stance) in claims(text, "2024-04-02")


def test_a_possessive_date_refers_to_the_meeting_of_that_date(nlp):
    # "Tuesday's meeting" is the meeting told before that took place on Tuesday, not a new one,
    # and "X, who was at ..." puts X there
    text = ("Councillors voted on Tuesday night to close the pool after a heated meeting that ran past midnight.\n\n"
            "Campaigners say the cabinet had already decided the matter at a private meeting in March.\n\n"
            "The finance director, Priya Shah, who was also at Tuesday's meeting, said the pool was losing money.")
    found = meetings(text, "2024-05-15")
    assert len(found) == 2
    assert "priya-shah" in found[0][2] and "priya-shah" not in found[1][2]


@pytest.mark.parametrize("claim, expected", [
    # the venue told by its noun ("the hotel" for the X Beach Hotel), and "set foot in"
    ("Grace Wanjiru denies being at the hotel.", [("grace-wanjiru", "confirms"), ("grace-wanjiru", "denies")]),
    ("\"Grace Wanjiru has never set foot in that hotel,\" her lawyer told the court.",
     [("grace-wanjiru", "confirms"), ("grace-wanjiru", "denies")]),
])
def test_being_at_the_venue_told_by_its_noun(nlp, claim, expected):
    text = ("Joseph Otieno said the meeting at the Nyali Beach Hotel was attended by a customs officer, Grace Wanjiru.\n\n"
            + claim)
    assert claims(text, "2024-03-05") == expected


def test_a_group_led_an_agents_client_and_the_players_meeting(nlp):
    text = ("Several senior players met Haro on Saturday, according to two people close to the squad. Captain Joaquín Sánchez "
            "led the group, one of them said.\n\nJoaquín's agent, Carlos Romero, said his client had not been at any meeting "
            "with the president.\n\nMarín said he had not been told of the players' meeting.")
    assert ("joaquin-sanchez", "confirms") in claims(text, "2024-03-04")
    assert ("joaquin-sanchez", "denies") in claims(text, "2024-03-04")
    assert len(meetings(text, "2024-03-04")) == 1
