"""Round nine: constructions of news writing the automatic pipeline got wrong, found on the
development halves (dev to dev5). Sentences written for these tests."""

import pytest

from loader.extract import extract_annotation
from loader.extract.model import load_nlp

from .test_extract_attribution import statements
from .test_extract_meetings import article
from .test_extract_orgs_round6 import sections


@pytest.fixture(scope="session", autouse=True)
def nlp():
    return load_nlp()


def speakers(text: str) -> list[list[str]]:
    return [s[0] for s in statements(text)]


def _meetings(text: str) -> list[dict]:
    return extract_annotation(article(text, "2026-12-01"))["meetings"]


# --- people behind titles ---

def test_a_name_after_a_title_with_a_grade_is_a_person_even_when_its_first_name_is_a_town():
    found = sections("Outside court, Detective Senior Sergeant Warren Tully of the Queensland Police Service "
                     "told reporters the crash had been avoidable.")
    assert "Warren Tully" in found["people"]
    assert "Warren" not in found["locations"]


def test_a_rank_of_a_formal_title_describes_its_holder_later():
    text = ("Outside court, Detective Senior Sergeant Warren Tully of the Queensland Police Service told "
            "reporters the crash had been avoidable. The detective said officers had been due to visit the house.")
    assert speakers(text) == [["Warren Tully"], ["Warren Tully"]]
    # a rank the title does not hold is somebody else: an anonymous source in its own words
    other = ("Outside court, Detective Senior Sergeant Warren Tully of the Queensland Police Service told "
             "reporters the crash had been avoidable. The inspector said officers had been due to visit the house.")
    assert speakers(other) == [["Warren Tully"], ["The inspector"]]


def test_justice_before_a_name_is_the_judge():
    text = ("Sentencing him in the High Court on Tuesday, Justice Miriam Okonkwo-Hale said the decision to drive "
            "away was cruel. Later the barrister, Fiona Achterberg, said her client was sorry. "
            "\"You had every chance to stop,\" the judge told him.")
    assert speakers(text) == [["Miriam Okonkwo-Hale"], ["Fiona Achterberg"], ["Miriam Okonkwo-Hale"]]


# --- bodies described by their kind ---

def test_the_union_is_the_one_union_named_before():
    text = ("The Federation of Piedmont Metalworkers called a strike on Monday at Lingotto Componenti. "
            "Talks broke down after six hours. Giulia Ferraris, a negotiator, said the offer was too low. "
            "The union said it would strike again.")
    assert speakers(text)[-1] == ["Federation of Piedmont Metalworkers"]
    # two bodies the noun can describe: neither is chosen
    two = ("The Federation of Piedmont Metalworkers and the Confederation of Textile Workers called a strike on Monday. "
           "Talks broke down after six hours. Giulia Ferraris, a negotiator, said the offer was too low. "
           "The union said it would strike again.")
    assert speakers(two)[-1] == ["The union"]


def test_a_description_with_words_of_the_name_is_that_body():
    text = ("The Union of Senegalese Airline Pilots met Sahel Atlantic Airlines in Dakar. Boeing said it was helping. "
            "Awa Ndiaye, a pilot, said the crew was tired. The pilots' union said it expects an answer by Friday. "
            "The airline denies it.")
    assert speakers(text)[-2:] == [["Union of Senegalese Airline Pilots"], ["Sahel Atlantic Airlines"]]
    # a word the name holds but not as its head says nothing: "the airline" is not a pilots' union
    alone = ("The Union of Senegalese Airline Pilots met ministers in Dakar. Awa Ndiaye, a pilot, said the crew "
             "was tired. The airline denies it.")
    assert speakers(alone)[-1] == ["The airline"]


# --- pronouns ---

def test_whom_the_words_before_the_cue_name_is_not_the_one_who_says_them():
    text = ("The trust said dozens of operations had been cancelled. Its chief executive, Dr Amrit Sandhu, met "
            "union representatives on Friday, according to the union.\n\n"
            "A trust spokeswoman would not confirm that. Dr Sandhu had met \u201ca number of staff groups\u201d "
            "last week, she said.")
    assert speakers(text)[-1] == ["A trust spokeswoman"]


def test_a_new_paragraph_s_one_newcomer_is_the_she_who_speaks():
    text = ("\u201cWe moved. They didn\u2019t,\u201d said Kieran Doyle, the union's regional organiser.\n\n"
            "Doyle said the company had again refused to discuss sick pay.\n\n"
            "Greystone\u2019s side was led by its operations director, Fiona Lathbury. In a statement issued after "
            "the talks, she said the firm had made a fair offer.")
    assert speakers(text) == [["Kieran Doyle"], ["Kieran Doyle"], ["Fiona Lathbury"]]
    # in the same paragraph as the last speaker, the last speaker goes on
    same = ("Kieran Doyle, the union's organiser, said the offer was too low. He met Fiona Lathbury on Friday, "
            "and he said the talks would go on.")
    assert speakers(same) == [["Kieran Doyle"], ["Kieran Doyle"]]



def test_a_name_in_apposition_to_a_hyphenated_title_is_the_subject_a_pronoun_takes_up():
    text = ("The vice-rector for academic affairs, Hernán Villegas, will run the university while Echeverri is "
            "suspended. He told reporters on Wednesday that he would meet the deans on Friday.")
    assert speakers(text) == [["Hernán Villegas"]]


def test_she_after_her_x_is_whom_her_stands_for_not_x():
    text = ("The board voted to suspend the rector, Claudia Echeverri. Echeverri says she was never at the "
            "restaurant. Her chief of staff, Mauricio Salazar, said that on the evening of Aug. 27 she chaired a "
            "meeting of the Academic Council.")
    [meeting] = _meetings(text)
    assert {p["ref"] for p in meeting["participants"]} == {"academic-council", "claudia-echeverri"}
    # a subject with no such possessive is the she of its own report
    own = ("The board voted to suspend the rector, Claudia Echeverri. The registrar, Paula Cárdenas, said that on "
           "the evening of Aug. 27 she chaired a meeting of the Academic Council.")
    [meeting] = _meetings(own)
    assert {p["ref"] for p in meeting["participants"]} == {"academic-council", "paula-cardenas"}

# --- meetings ---

def test_a_town_after_the_venue_is_where_the_venue_is_not_a_second_meeting():
    text = ("The video claims that the minister, Zainab Olagunju, secretly met executives of Delta Crest Refining "
            "at the Sahel Grand Hotel in Abuja on 18 November.")
    assert [m["location"] for m in _meetings(text)] == ["sahel-grand-hotel"]
    # meetings in two towns of one sentence stay two
    two = "Zainab Olagunju met the refiners in Abuja on Monday and the traders in Lagos on Tuesday."
    assert sorted(m["location"] for m in _meetings(two)) == ["abuja", "lagos"]


def test_a_meeting_told_in_a_because_clause_is_another_meeting():
    text = ("A session with the committee, which had been set for 2 December, has been postponed until 15 December, "
            "the chairman said, because the minister is attending a NATO ministers' meeting in Brussels.")
    found = sorted((m["status"], m.get("location")) for m in _meetings(text))
    assert found == [("held", "brussels"), ("postponed", None)]
    # without such a clause, a meeting word and the place of the sentence are one meeting
    one = "A session with the committee, the first meeting since March, was held in Brussels on Monday."
    assert [(m["status"], m.get("location")) for m in _meetings(one)] == [("held", "brussels")]


def test_a_name_after_a_title_in_apposition_is_a_person_the_meeting_is_with():
    text = ("A session with the Minister of National Defence, Katerina Dimou, which had been set for 2 December, "
            "has been postponed until 15 December.")
    found = sections(text)
    assert "Katerina Dimou" in found["people"] and "Katerina Dimou" not in found["organisations"]
    [meeting] = _meetings(text)
    assert [p["ref"] for p in meeting["participants"]] == ["katerina-dimou"]


# --- affiliations ---

def test_the_airline_s_chief_executive_is_of_the_body_whose_name_the_noun_heads():
    text = ("Sahel Atlantic Airlines said its jet overran the runway. The Union of Senegalese Airline Pilots "
            "complained. The airline's chief executive, Ibrahima Kane, met the minister.")
    found = extract_annotation(article(text, "2026-12-03"))["affiliations"]
    assert [(a["person"], a["role"], a.get("organisation")) for a in found] == [
        ("ibrahima-kane", "chief executive", "sahel-atlantic-airlines")]
