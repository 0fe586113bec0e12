"""Round nine: constructions of news writing the automatic pipeline got wrong, found on the
development halves (dev to dev5). Sentences written for these tests."""

import pytest

from loader.extract.model import load_nlp

from .test_extract_attribution import statements
from .test_extract_orgs_round6 import sections


@pytest.fixture(scope="session", autouse=True)
def nlp():
    return load_nlp()


def speakers(text: str) -> list[list[str]]:
    return [s[0] for s in statements(text)]


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
