"""Stage 6: unanswered requests for comment."""

import pytest

from loader.articles import Article
from loader.ids import slugify
from loader.extract import extract_annotation
from loader.extract.model import load_nlp


def article(text: str) -> Article:
    return Article(id="t", path="t.md", text=text, text_offset=0, text_line=1, published="2024-05-02", sha256="x")


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def requests(text: str) -> list[tuple[str, str]]:
    doc = extract_annotation(article(text))
    names = {}
    for section in ("people", "organisations"):
        for item in doc.get(section, []):
            names[item.get("id") or slugify(item["name"])] = item["name"]
    for item in doc.get("anonymous", []):
        names[item["id"]] = item["description"] if isinstance(item["description"], str) else item["description"]["text"]
    return [(names.get(r["party"], r["party"]), r["response"]) for r in doc.get("comment_requests", [])]


def test_the_three_responses(nlp):
    text = ("The Pakistani government did not respond to a request for comment. "
            "Amrullah Saleh spoke on Monday. He could not be reached for comment. "
            "Álvaro Ibáñez Soto declined to comment on the talks.")
    assert requests(text) == [("Government of Pakistan", "did not respond"), ("Amrullah Saleh", "could not be reached"),
                              ("Álvaro Ibáñez Soto", "no comment")]


def test_two_parties_and_an_anonymous_one(nlp):
    text = ("Ahmad Massoud and Ismail Khan could not be reached for comment, "
            "while the movement's official spokesperson offered no comment on the meeting.")
    assert requests(text) == [("Ahmad Massoud", "could not be reached"), ("Ismail Khan", "could not be reached"),
                              ("the movement's official spokesperson", "no comment")]


def test_a_quoted_refusal_is_not_a_request(nlp):
    assert requests("“I did not respond to them,” said Ismail Khan.") == []


def test_any_noun_phrase_party_and_unanswered_calls(nlp):
    text = ("John Miller signed the deal on Monday. Her lawyer declined to comment, "
            "and his press office in Lisbon did not answer calls.")
    # in the order of the text
    assert requests(text) == [("Her lawyer", "no comment"), ("his press office in Lisbon", "did not respond")]


def test_noun_phrase_parties_several_in_one_sentence(nlp):
    text = ("Siemens cut 300 jobs in Erlangen. The Hallgren campaign did not respond to a request for comment, "
            "an attorney for Karl Weiss declined to comment and Siemens could not be reached.")
    assert requests(text) == [("The Hallgren campaign", "did not respond"), ("an attorney for Karl Weiss", "no comment"),
                              ("Siemens", "could not be reached")]


def test_neither_nor_and_nor_did(nlp):
    text = ("Siemens cut 300 jobs. Neither Siemens nor Peter Osei responded to requests for comment. "
            "Maria Lindahl did not return calls, nor did Tomas Berg.")
    assert requests(text) == [("Siemens", "did not respond"), ("Peter Osei", "did not respond"),
                              ("Maria Lindahl", "did not respond"), ("Tomas Berg", "did not respond")]


def test_unanswered_messages_are_the_addressee_s(nlp):
    text = "Siemens cut 300 jobs. Calls to Siemens and to Peter Osei went unanswered. Messages left for Maria Lindahl were not returned."
    assert requests(text) == [("Siemens", "did not respond"), ("Peter Osei", "did not respond"),
                              ("Maria Lindahl", "did not respond")]


def test_other_refusals(nlp):
    text = ("Peter Osei, the mayor, declined to be interviewed. Maria Lindahl has not commented publicly on the claims. "
            "Tomas Berg, who could not be reached for comment, left the city on Monday.")
    assert requests(text) == [("Peter Osei", "no comment"), ("Maria Lindahl", "no comment"),
                              ("Tomas Berg", "could not be reached")]


def test_what_is_not_a_request_for_comment(nlp):
    # an outcome that was not reached, a reaction that was not given, an answer that was
    text = ("An agreement could not be reached on Monday. The army did not respond to the protests with force. "
            "Peter Osei responded to the questions at length. Maria Lindahl did not return to the office.")
    assert requests(text) == []


def test_own_words_are_no_request_and_declining_to_discuss(nlp):
    text = ("Tomas Berg said he had not responded to the letter because it was unsigned. "
            "Maria Lindahl, reached by phone, declined to discuss the case.")
    assert requests(text) == [("Maria Lindahl", "no comment")]


def test_failed_attempts_to_reach_and_nobody_available(nlp):
    text = ("Halvard Textiles closed its mill in Brattvik. Attempts to reach Halvard Textiles for comment were unsuccessful. "
            "Efforts to contact Ingrid Solheim failed. Nobody at the Brattvik Workers' Union was available for comment.")
    assert requests(text) == [("Halvard Textiles", "could not be reached"), ("Ingrid Solheim", "could not be reached"),
                              ("Brattvik Workers' Union", "could not be reached")]


def test_failed_attempts_at_something_else_are_no_request(nlp):
    # an agreement that was not reached, a party who was available, an answer that failed
    text = ("Efforts to reach an agreement were unsuccessful. Ingrid Solheim was available for comment on Monday. "
            "Attempts to revive the mill failed.")
    assert requests(text) == []


def test_available_to_comment_a_deadline_and_interview_requests(nlp):
    text = ("Ingrid Solheim, the mill's owner, was not immediately available to comment. "
            "Halvard Textiles had not responded by the time of publication. "
            "Jonas Brekke declined an interview request.")
    assert requests(text) == [("Ingrid Solheim", "could not be reached"), ("Halvard Textiles", "did not respond"),
                              ("Jonas Brekke", "no comment")]


def test_as_did_and_neither_would_comment(nlp):
    text = "Halvard Textiles closed its mill. Halvard Textiles declined to comment, as did a lawyer for Ingrid Solheim."
    assert requests(text) == [("Halvard Textiles", "no comment"), ("a lawyer for Ingrid Solheim", "no comment")]
    text = "Halvard Textiles closed its mill. Neither Ingrid Solheim nor Jonas Brekke would comment."
    assert requests(text) == [("Ingrid Solheim", "no comment"), ("Jonas Brekke", "no comment")]
    # a plain "would comment" is no refusal
    assert requests("Halvard Textiles closed its mill. Ingrid Solheim said she would comment on Friday.") == []


def test_a_description_joined_to_a_name_is_another_party(nlp):
    # "the union" is not the company named just before it
    text = "Halvard Textiles closed its mill. Halvard Textiles and the union did not respond to requests for comment."
    assert requests(text) == [("Halvard Textiles", "did not respond"), ("the union", "did not respond")]


def test_no_immediate_comment_and_no_response_from(nlp):
    text = ("Greta Solberg, 61, runs Fjordline Cargo. Fjordline Cargo had no immediate comment. "
            "There was no immediate response from Greta Solberg. Solberg was not immediately available.")
    assert requests(text) == [("Fjordline Cargo", "no comment"), ("Greta Solberg", "did not respond"),
                              ("Greta Solberg", "could not be reached")]


def test_declining_to_say_elaborate_or_give_a_name(nlp):
    text = ("Greta Solberg, 61, runs Fjordline Cargo. Solberg declined to say how many drivers would lose their jobs. "
            "The port was closed on Friday, the harbour service said. It declined to give a reason.")
    assert requests(text) == [("Greta Solberg", "no comment"), ("the harbour service", "no comment")]
    # anonymity is not a refusal to comment
    assert requests("Greta Solberg, 61, runs Fjordline Cargo. A driver, who declined to be named, said the depot would shut.") == []


def test_a_refusal_reported_in_the_speaker_s_words(nlp):
    text = ("Greta Solberg, 61, runs Fjordline Cargo. Reached by phone, Solberg said she had no comment. "
            "A spokesman for Fjordline Cargo said the company does not comment on personnel matters.")
    assert requests(text) == [("Greta Solberg", "no comment"), ("Fjordline Cargo", "no comment")]
    assert requests("Greta Solberg, 61, runs Fjordline Cargo. “No comment,” Solberg said.") == [("Greta Solberg", "no comment")]
    # but an answer the speaker says they did not give is not the reporter's request
    assert requests("Greta Solberg, 61, runs Fjordline Cargo. Solberg said she had not responded to the letter.") == []


def test_the_reporter_could_not_reach_or_heard_nothing_back(nlp):
    text = ("Greta Solberg, 61, runs Fjordline Cargo. The Tribune was unable to reach Greta Solberg. "
            "The Tribune contacted Fjordline Cargo for comment but received no reply.")
    assert requests(text) == [("Greta Solberg", "could not be reached"), ("Fjordline Cargo", "did not respond")]


def test_nobody_answered_and_requests_sent_to(nlp):
    text = ("Greta Solberg, 61, runs Fjordline Cargo. No one answered the phone at the Fjordline Cargo depot. "
            "Questions sent to Greta Solberg were not answered.")
    assert requests(text) == [("the Fjordline Cargo depot", "did not respond"), ("Greta Solberg", "did not respond")]


def test_neither_did_in_a_sentence_of_its_own_and_a_described_utility(nlp):
    text = "Apple released the phone in May. Apple did not respond to a request for comment. Neither did Samsung."
    assert requests(text) == [("Apple", "did not respond"), ("Samsung", "did not respond")]
    text = "Apple released the phone in May. Apple declined to comment. Samsung did not either."
    assert requests(text) == [("Apple", "no comment"), ("Samsung", "no comment")]
    text = "Northgate Water was fined 2 million pounds on Monday. The utility did not respond to requests for comment."
    assert requests(text) == [("Northgate Water", "did not respond")]


def test_what_the_reporter_could_not_reach_must_be_a_party(nlp):
    text = ("Greta Solberg, 61, runs Fjordline Cargo. Firefighters could not reach the fire because of the snow. "
            "There was no response from the crowd when Solberg finished speaking.")
    assert requests(text) == []


def test_a_refusal_and_an_unanswered_question_joined_to_its_clause(nlp):
    text = ("Fjordline Cargo runs the depot. Fjordline Cargo declined to say how the leak happened "
            "and did not respond to questions about the cost.")
    assert requests(text) == [("Fjordline Cargo", "no comment"), ("Fjordline Cargo", "did not respond")]


def test_a_refusal_through_someone_a_client_and_named_managers(nlp):
    text = "Peter Vance, 47, runs the fund. Vance declined, through a spokesman, to comment on the allegations."
    assert requests(text) == [("Peter Vance", "no comment")]
    text = "Peter Vance, 47, runs the fund. Vance's lawyer said his client would not comment."
    assert requests(text) == [("Peter Vance", "no comment")]
    text = "Peter Vance, 47, runs the fund. The fund's managers, Vance and Lisa Grant, did not respond to requests for comment."
    assert requests(text) == [("Peter Vance", "did not respond"), ("Lisa Grant", "did not respond")]


def test_only_a_time_after_the_phrase_and_attempts_to_reach(nlp):
    text = ("Peter Vance, 47, runs the fund. Vance did not respond on Thursday. Lisa Grant was unavailable Monday. "
            "Grant Partners did not respond to repeated attempts to reach it.")
    assert requests(text) == [("Peter Vance", "did not respond"), ("Lisa Grant", "could not be reached"),
                              ("Grant Partners", "did not respond")]
    assert requests("Peter Vance, 47, runs the fund. The drug was unavailable in May. Vance did not respond to the protests.") == []


def test_anonymity_is_no_refusal_to_comment(nlp):
    text = ("Peter Vance, 47, runs the fund. A trader who declined to identify himself said the fund was closing. "
            "A guard, who declined to give his name, said nobody was inside.")
    assert requests(text) == []


def test_refusing_to_speak_to_reporters(nlp):
    text = ("Peter Vance, 47, runs the fund. Vance refused to speak to reporters outside the court. "
            "Lisa Grant declined to speak to the crowd.")
    assert requests(text) == [("Peter Vance", "no comment")]


def test_two_answers_from_one_party_in_one_span_are_two_rows(tmp_path):
    """A party that declined one question and left another unanswered in one clause gives
    two requests whose evidence starts at the same place: both are stored, with their own ids
    (the build used to fail on a UNIQUE constraint)."""
    import sqlite3

    from click.testing import CliRunner

    from loader.cli import cli

    path = tmp_path / "2024-05-02-mine.md"
    path.write_text("---\ntitle: Mine\npublished: 2024-05-02\n---\n\nKestrel Mining, a company based in Perth, "
                    "supplied the drills. Kestrel declined to say what it would charge councils and did not "
                    "respond to questions about its output.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "-q", "--no-annotations", str(tmp_path / "a.db"), str(path)])
    assert result.exit_code == 0, result.output
    rows = sqlite3.connect(tmp_path / "a.db").execute("select id, response, start from comment_requests").fetchall()
    assert sorted(r[1] for r in rows) == ["did not respond", "no comment"]
    assert len({r[0] for r in rows}) == 2
