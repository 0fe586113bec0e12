"""Round six: affiliations and requests for comment in more of the shapes news writes them
(sentences written for these tests)."""

import pytest

from loader.extract import extract_annotation
from loader.extract.model import load_nlp

from .test_extract_affiliations import affiliations, article


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def requests(text: str) -> list[tuple]:
    """(party id, response) of each request: ids, where test_extract_comments gives names."""
    doc = extract_annotation(article(text))
    return [(r["party"], r["response"]) for r in doc.get("comment_requests", [])]


def test_two_titles_joined_by_and_keep_the_and(nlp):
    found = affiliations("Clara Voss, chairman and chief executive of Voss Holdings, rejected the offer.")
    assert [(f[0], f[1], f[2]) for f in found] == [("clara-voss", "voss-holdings", "chairman and chief executive")]


def test_an_age_before_the_noun_is_not_the_role(nlp):
    found = affiliations("Ahmed Hassan, a 29-year-old engineer, was among those injured.")
    assert [(f[0], f[2]) for f in found] == [("ahmed-hassan", "engineer")]


def test_a_post_held_until_a_date_is_former(nlp):
    found = affiliations("Peter Lund, who was Norvik Bank's chief executive until 2019, said the bank had changed.")
    assert [(f[0], f[1], f[2], f[3]) for f in found] == [("peter-lund", "norvik-bank", "chief executive", "former")]


def test_formerly_of_a_body_is_former(nlp):
    found = affiliations("Hannah Weiss, formerly of the Bremen Port Authority, now runs a consultancy.")
    assert [(f[0], f[1], f[3]) for f in found] == [("hannah-weiss", "bremen-port-authority", "former")]


def test_an_ambassador_to_an_organisation_is_the_sending_country_s(nlp):
    found = affiliations("Fatima Zahra, Morocco's ambassador to the United Nations, addressed the assembly.")
    assert [(f[0], f[1], f[2]) for f in found] == [("fatima-zahra", "morocco", "ambassador")]


def test_a_title_the_parser_hung_on_the_name_keeps_its_words(nlp):
    found = affiliations("Former chief executive Henrik Sand said the firm had been badly run.")
    assert [(f[0], f[2], f[3]) for f in found] == [("henrik-sand", "chief executive", "former")]


def test_a_title_and_a_clause_naming_its_body_are_one_post(nlp):
    found = affiliations("Former chief executive Henrik Sand, who led Halvorsen Shipping from 2010 to 2020, "
                         "said the firm had been badly run.")
    assert [(f[0], f[1], f[2], f[3]) for f in found] == [("henrik-sand", "halvorsen-shipping", "chief executive", "former")]


def test_one_post_told_twice_is_one_fact(nlp):
    found = affiliations("Peter Lund, the former chief executive, spoke first.\n\n"
                         "Peter Lund, who was Norvik Bank's chief executive until 2019, said the bank had changed.\n\n"
                         "Norvik Bank's chief executive officer, Peter Lund, had warned of losses.")
    assert [(f[0], f[1], f[2], f[3]) for f in found] == [("peter-lund", "norvik-bank", "chief executive", "former")]


def test_a_second_body_in_a_conjunction_is_asked_too(nlp):
    assert requests("The Ministry of Finance and the central bank did not respond to requests for comment.") == [
        ("ministry-of-finance", "did not respond"), ("anon-the-central-bank", "did not respond")]


def test_no_comment_told_in_reported_words(nlp):
    assert requests('Peter Lund told the Courier he had "no comment."') == [("peter-lund", "no comment")]


def test_a_party_and_state_after_a_legislator_s_name(nlp):
    found = affiliations("Senator Maria Delgado (D-Texas) said the bill would fail in Texas. Rep. John Harlan, R-Ohio, "
                         "voted against it. The Democratic Party and the Republican Party traded blame in Ohio.")
    doc = extract_annotation(article("Senator Maria Delgado (D-Texas) said the bill would fail in Texas. Rep. John Harlan, "
                                     "R-Ohio, voted against it. The Democratic Party and the Republican Party traded blame in Ohio."))
    rows = [(a["person"], a.get("organisation"), a.get("location"), a.get("role")) for a in doc["affiliations"]]
    assert rows == [("maria-delgado", "democratic-party", "texas", "Senator"),
                    ("john-harlan", "republican-party", "ohio", "representative")]
    assert [f[4] for f in found] == ["Senator Maria Delgado (D-Texas)", "Rep. John Harlan, R-Ohio"]


def test_a_party_word_before_a_legislator_s_title(nlp):
    found = affiliations("Labour MP Diane Hart said the scheme had failed. The Labour Party called for a vote.\n\n"
                         "Anna Weber, a Social Democrat lawmaker, said the law was unfair. "
                         "The Social Democratic Party voted against it.")
    assert [(f[0], f[1], f[2]) for f in found] == [("diane-hart", "labour-party", "member of parliament"),
                                                     ("anna-weber", "social-democratic-party", "lawmaker")]


def test_a_party_in_apposition(nlp):
    found = affiliations("John Cornell, a Republican from Texas, issued a statement. The Republican Party backed him.")
    assert [(f[0], f[1], f[2]) for f in found] == [("john-cornell", "republican-party", None)]


def test_a_party_word_names_no_body_the_article_does_not_name(nlp):
    assert affiliations("Anna Weber, a Social Democrat lawmaker, said the law was unfair.") == []


def test_an_abbreviated_title_is_written_out(nlp):
    found = affiliations("Prof. Anne Moreau of the Sorbonne said the findings were significant.")
    assert [(f[0], f[1], f[2]) for f in found] == [("anne-moreau", "sorbonne", "professor")]


def test_a_place_named_by_a_place_noun_s_modifier(nlp):
    found = affiliations("The president of the Umbria region, Marco Ferri, has reacted to the ruling.")
    assert [(f[0], f[1], f[2]) for f in found] == [("marco-ferri", "umbria", "president")]


def test_an_apposition_the_parser_tore_apart(nlp):
    found = affiliations('"It could have been worse," Omar Haddad, editor at large at the Gulf Courier, said.')
    assert [(f[0], f[1], f[2]) for f in found] == [("omar-haddad", "gulf-courier", "editor at large")]


def test_a_title_of_a_body_glued_to_the_name(nlp):
    found = affiliations("In a letter, Governor of Nevada Steve Sisolak said the state was ready.")
    assert [(f[0], f[1], f[2]) for f in found] == [("steve-sisolak", "nevada", "Governor")]


def test_a_role_never_ends_in_a_preposition(nlp):
    for person, body, role, qualifier, evidence in affiliations("Former Mayor of Leeds Jane Doe said the plan was flawed."):
        assert not role.endswith(" of")


def test_neither_and_both_after_two_named_together(nlp):
    assert requests("Peter Lund and Anna Berg met on Monday. Neither could be reached for comment.") == [
        ("peter-lund", "could not be reached"), ("anna-berg", "could not be reached")]
    assert requests("Peter Lund and Anna Berg were both charged. Both men declined to comment.") == [
        ("peter-lund", "no comment"), ("anna-berg", "no comment")]


def test_neither_needs_two_named_in_the_sentence_before(nlp):
    assert requests("Peter Lund was charged.\n\nNeither could be reached for comment.") == []


def test_a_board_member_of_the_organisation_before_board(nlp):
    found = affiliations("Anna Berg, a Kestrel Mining board member, said the vote was close.")
    assert [(f[0], f[1], f[2]) for f in found] == [("anna-berg", "kestrel-mining", "board member")]


def test_new_and_outgoing_are_not_the_post_s_words(nlp):
    found = affiliations("Kestrel Mining appointed Anna Berg as its new chief financial officer on Monday.\n\n"
                         "Peter Lund, the outgoing chairman of Norvik Bank, said the vote was close.")
    assert [(f[0], f[1], f[2]) for f in found] == [("anna-berg", "kestrel-mining", "chief financial officer"),
                                                     ("peter-lund", "norvik-bank", "chairman")]


def test_a_family_tie_in_apposition_keeps_its_noun_in_the_evidence(nlp):
    found = affiliations("Anna Berg, Peter Lund's sister, said the family was shocked.")
    assert found == [("anna-berg", None, "sister of Peter Lund", None, "Anna Berg, Peter Lund's sister")]


def test_a_capitalised_new_is_a_name_s_word(nlp):
    found = affiliations("Paul Dewar, an Ottawa New Democrat MP, said the lapses were serious.")
    assert [(f[0], f[2]) for f in found] == [("paul-dewar", "New Democrat member of parliament")]
