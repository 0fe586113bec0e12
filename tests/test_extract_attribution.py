"""Stage 5: statements -- speakers, content spans, modes, channels, anonymous sources."""

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


def statements(text: str) -> list[tuple[list[str], str, str, str, str | None]]:
    """(speaker names, cue, mode, text, channel) per statement."""
    doc = extract_annotation(article(text))
    names = {p.get("id") or slugify(p["name"]): p["name"] for p in doc.get("people", []) + doc.get("organisations", [])}
    names |= {a["id"]: a["description"] if isinstance(a["description"], str) else a["description"]["text"] for a in doc.get("anonymous", [])}
    result = []
    for s in doc.get("statements", []):
        words = s["text"] if isinstance(s["text"], str) else s["text"]["text"]
        result.append(([names.get(x, x) for x in s["sources"]], s["cue"], s["mode"], words, s.get("channel")))
    return result


def test_direct_quote_then_speaker(nlp):
    found = statements("“We did not choose this fight,” said Lotte Vermeulen, the union leader.")
    assert found == [(["Lotte Vermeulen"], "said", "direct", "We did not choose this fight", None)]


def test_indirect_with_that_and_mixed_quote(nlp):
    found = statements("Lotte Vermeulen said that members had rejected the offer. Pieter De Smedt said the offer was “the most generous in a decade”.")
    assert found[0] == (["Lotte Vermeulen"], "said", "indirect", "members had rejected the offer", None)
    assert found[1][0] == ["Pieter De Smedt"] and found[1][2] == "mixed"
    assert found[1][3] == "the offer was “the most generous in a decade”"


def test_according_to_with_two_speakers_and_a_later_the_source(nlp):
    text = ("The meeting was arranged by the army, according to a former government official and Amin Karim, a senior member of the party. "
            "Both countries endorsed the talks, the source said.")
    found = statements(text)
    assert found[0][0] == ["a former government official", "Amin Karim"]
    assert found[0][1:4] == ("according to", "indirect", "The meeting was arranged by the army")
    assert found[1][0] == ["a former government official"]
    assert found[1][3] == "Both countries endorsed the talks"


def test_speaker_after_the_cue(nlp):
    found = statements("Talks with the rebels failed in Dubai, said a source close to the leadership.")
    assert found == [(["a source close to the leadership"], "said", "indirect", "Talks with the rebels failed in Dubai", None)]


def test_channels(nlp):
    text = ("Ali Nazari told TRT World that the resistance had spread. "
            "Rui Antunes wrote on his Facebook page that the minister was wrong. "
            "Amrullah Saleh tweeted that he would never agree.")
    found = statements(text)
    assert [s[4] for s in found] == ["interview with TRT World", "Facebook", "Twitter"]
    assert [s[1] for s in found] == ["told", "wrote", "tweeted"]


def test_she_is_the_last_woman_named_and_a_quotation_continues_the_speaker(nlp):
    text = ("Helena Marques keeps a cable on her desk. Marques, 52, has a counterpart, Álvaro Ibáñez Soto.\n\n"
            "“Álvaro and I agree on the engineering,” she said. “We are both a little bit right.”")
    found = statements(text)
    assert [s[0] for s in found] == [["Helena Marques"], ["Helena Marques"]]
    assert found[1][3] == "We are both a little bit right."


def test_a_cue_inside_another_statement_is_not_a_second_statement(nlp):
    found = statements("But the Taliban rejected the conditions, Ali Nazari said, and the talks “ended without any results”.")
    assert [(s[0], s[3]) for s in found] == [(["Ali Nazari"], "the Taliban rejected the conditions"),
                                             (["Ali Nazari"], "the talks “ended without any results”")]


def test_a_thing_is_not_a_source(nlp):
    assert statements("A closer reading of the draft suggests that the hard questions were postponed.") == []


def test_no_statement_without_a_cue(nlp):
    assert statements("The minister visited Kabul and Tehran last year.") == []


def test_interview_answers_are_statements_of_the_person_named(nlp):
    text = ("Maria Santos runs the port. She spoke to us on Monday.\n\n"
            "Q: Will the strike end soon?\n\n"
            "Santos: Not this week. The unions want more than we can pay.")
    found = statements(text)
    assert (["Maria Santos"], "said", "direct", "Not this week. The unions want more than we can pay", "interview") in found
    assert not any("Will the strike" in f[3] for f in found)


def test_a_pronoun_subject_is_the_subject_before_it(nlp):
    text = ("Sarah Klein said the port would reopen. "
            "Maria Santos, a trader in the city, was more cautious. She said: “Nothing is settled.”")
    found = statements(text)
    assert found[-1][0] == ["Maria Santos"] and found[-1][3] == "Nothing is settled."


def test_a_described_organisation_and_new_cue_verbs(nlp):
    text = ("Pedro Alves chairs the Harbour Watch campaign group. "
            "The campaign group said it would appeal. "
            "John Miller testified that he had seen the money.")
    found = statements(text)
    assert (["Harbour Watch"], "said", "indirect", "it would appeal", None) in found
    assert (["John Miller"], "testified", "indirect", "he had seen the money", None) in found


def test_relative_which_one_of_and_a_report_of_a_body(nlp):
    text = ("The meeting was cancelled by the National Farmers Union, which said it could not guarantee safety. "
            "One of the people said the vote was close. "
            "Prices will rise, according to the National Farmers Union’s annual report. "
            "John Miller said on Thursday that he would resign.")
    found = statements(text)
    assert (["National Farmers Union"], "said", "indirect", "it could not guarantee safety", None) in found
    assert (["One of the people"], "said", "indirect", "the vote was close", None) in found
    assert (["National Farmers Union"], "according to", "indirect", "Prices will rise", None) in found
    assert (["John Miller"], "said", "indirect", "he would resign", None) in found


def test_noun_cues_and_a_described_document(nlp):
    text = ("There were reports that the mayor had resigned. "
            "The bridge was unsafe, according to the inspection file.")
    found = statements(text)
    assert (["reports"], "reports", "indirect", "the mayor had resigned", None) in found
    assert (["the inspection file"], "according to", "indirect", "The bridge was unsafe", None) in found


def test_the_gender_an_apposition_gives_decides_a_pronoun(nlp):
    found = statements("John Miller met Maria Santos, a spokeswoman for the port, on Monday. She said the talks went well.")
    assert found[-1][0] == ["Maria Santos"] and found[-1][3] == "the talks went well"


def test_a_pronoun_after_an_unknown_name_is_not_given_to_someone_else(nlp):
    found = statements("Maria Santos said the port would reopen on Monday. "
                       "Ana Ferreira, a trader, said prices fell. “We lost a week,” she said.")
    assert found[0][0] == ["Maria Santos"]
    assert not any(f[0] == ["Maria Santos"] and "We lost a week" in f[3] for f in found)


def test_a_question_turn_label_is_not_the_speaker(nlp):
    text = ("Maria Santos runs the port.\n\n"
            "Q: John Miller told reporters last week that the port “is losing money.” Is that true?\n\n"
            "Santos: No.")
    found = statements(text)
    assert any(f[0] == ["John Miller"] and f[1] == "told" for f in found)


def test_a_split_quotation_is_one_statement_of_one_speaker(nlp):
    # both parts in one statement, the cue between them included (text is one span of the
    # article), the outer marks left out
    text = ("Greta Holm, a farmer, was angry. “We have no plans to sell,” she said on Monday, “and nobody has asked us.” "
            "“The price is fair,” said Marta Kowalczyk, the chair of the cooperative, “but the timing is not.”")
    found = statements(text)
    assert [(f[0], f[2], f[3]) for f in found] == [
        (["Greta Holm"], "direct", "We have no plans to sell,” she said on Monday, “and nobody has asked us."),
        (["Marta Kowalczyk"], "direct", "The price is fair,” said Marta Kowalczyk, the chair of the cooperative, “but the timing is not.")]
    # a quotation continued in the next sentence is a statement of its own
    found = statements("“The price is fair,” said Marta Kowalczyk. “The timing is not.”")
    assert [(f[0], f[3]) for f in found] == [(["Marta Kowalczyk"], "The price is fair"), (["Marta Kowalczyk"], "The timing is not.")]


def test_noun_phrase_sources_of_a_speech_verb(nlp):
    found = statements("The Hallgren campaign said the debate had been rigged. A former chairman of the board says the accounts "
                       "were never audited. Republicans argued that the bill would raise taxes on farmers.")
    assert [f[0] for f in found] == [["The Hallgren campaign"], ["A former chairman of the board"], ["Republicans"]]
    assert found[2][3] == "the bill would raise taxes on farmers"


def test_a_thing_is_no_source_of_a_verb_figures_also_take(nlp):
    assert statements("A closer reading of the draft suggests the plan is weaker. The figures suggest that sales fell.") == []


def test_a_description_is_the_person_it_described(nlp):
    found = statements("Peter Osei, the chief executive of Lumacore, presented the results. "
                       "The chief executive said the company would cut 300 jobs.")
    assert found == [(["Peter Osei"], "said", "indirect", "the company would cut 300 jobs", None)]
    # two people so described: an anonymous source in its own words, not the wrong one
    found = statements("Peter Osei, the finance minister, met Anna Berg, the health minister. The minister said the budget was tight.")
    assert found[0][0] == ["The minister"]


def test_a_delayed_identification_lede(nlp):
    text = ("A former nurse told a tribunal on Monday that she had been dismissed for complaining about staffing.\n\n"
            "Greta Lindholm, who worked at the clinic for nine years, said managers had ignored her letters.")
    assert [f[0] for f in statements(text)] == [["Greta Lindholm"], ["Greta Lindholm"]]


def test_he_said_is_the_last_speaker_not_the_last_person_named(nlp):
    text = ("Tomas Berg, the mayor, said the bridge would open in June. The contract went to the firm of Karl Weiss last year. "
            "“We are on schedule,” he said.")
    assert [f[0] for f in statements(text)] == [["Tomas Berg"], ["Tomas Berg"]]
    # a new subject in between is the one who speaks next
    text = ("Tomas Berg, the mayor, said the bridge would open in June. Karl Weiss, the contractor, was less certain. "
            "“We are behind,” he said.")
    assert [f[0] for f in statements(text)] == [["Tomas Berg"], ["Karl Weiss"]]


def test_a_negated_cue_says_nothing(nlp):
    assert statements("The report did not say who should pay for the repairs. Peter Osei would not say whether he would resign.") == []


INTRO = ("Ingrid Solberg has run the Nordic Rail Authority since 2021. She spoke to Tomas Berg of the Daily Ledger last week.\n\n")


@pytest.mark.parametrize("asker, answerer", [("Q", "A"), ("BERG", "SOLBERG"), ("**Tomas Berg:**", "**Ingrid Solberg:**")])
def test_interview_turns_are_statements_of_the_two_people(nlp, asker, answerer):
    label = (lambda x: x if x.endswith(":**") else x + ":")
    text = INTRO + (f"{label(asker)} Will the new line open on time?\n\n"
                    f"{label(answerer)} Yes. We are ahead of schedule on the northern section.\n\n"
                    f"{label(asker)} What about the costs? Critics say the line is too expensive.\n\n"
                    f"{label(answerer)} They are higher than we hoped, but within the budget.")
    found = statements(text)
    assert [(f[0], f[1], f[2], f[3]) for f in found if f[4] == "interview"] == [
        (["Tomas Berg"], "asked", "direct", "Will the new line open on time?"),
        (["Ingrid Solberg"], "said", "direct", "Yes. We are ahead of schedule on the northern section"),
        (["Tomas Berg"], "asked", "direct", "What about the costs? Critics say the line is too expensive"),
        (["Ingrid Solberg"], "said", "direct", "They are higher than we hoped, but within the budget")]
    # a claim a question reports is a statement too
    assert [(f[0], f[3]) for f in found if f[4] != "interview"] == [(["Critics"], "the line is too expensive")]


def test_questions_with_no_interviewer_named_are_nobody_s(nlp):
    text = ("Ingrid Solberg has run the Nordic Rail Authority since 2021.\n\n"
            "Q: Will the new line open on time?\n\nA: Yes, and under budget.")
    assert [(f[0], f[1]) for f in statements(text)] == [(["Ingrid Solberg"], "said")]


def test_the_subject_of_a_passive_cue_is_not_its_speaker(nlp):
    assert statements("The parents are accused of neglecting the child. The mayor was asked about the road.") == []


def test_a_fronted_phrase_is_not_the_content(nlp):
    found = statements("At the ceremony, Tomas Berg announced that the bridge would reopen. In his speech, Tomas Berg said taxes would fall.")
    assert [f[3] for f in found] == ["the bridge would reopen", "taxes would fall"]


def test_a_question_before_a_bare_cue_and_a_colon_cue(nlp):
    text = ("Maria Lindahl said the plan was sound. “Is this fair?” Tomas Berg asked. “We paid for the road.”\n\n"
            "Karl Weiss put it bluntly: “Nobody will pay.” The sign on the gate read: “No entry.”")
    found = statements(text)
    assert [(f[0], f[3]) for f in found] == [
        (["Maria Lindahl"], "the plan was sound"), (["Tomas Berg"], "Is this fair?"), (["Tomas Berg"], "We paid for the road."),
        (["Karl Weiss"], "Nobody will pay.")]


def test_content_stops_before_narrative_and_a_participle_cue(nlp):
    found = statements("Tomas Berg said the town would not pay, after he admitted that the contract was flawed. "
                       "Maria Lindahl warned that the town would sue, saying the contract was void.")
    assert [(f[0], f[1], f[3]) for f in found] == [
        (["Tomas Berg"], "said", "the town would not pay"), (["Tomas Berg"], "admitted", "the contract was flawed"),
        (["Maria Lindahl"], "warned", "the town would sue"), (["Maria Lindahl"], "saying", "the contract was void")]


def test_put_it_to_the_witness(nlp):
    found = statements("The lawyer for the family, Karl Weiss, put it to the nurse that she had never entered the house.")
    assert found == [(["Karl Weiss"], "put it to", "indirect", "she had never entered the house", None)]


def test_a_participle_and_a_quotation_after_the_cue(nlp):
    text = ("Tomas Berg opened the hall on Monday, noting the repairs. "
            "Greta Holm, a professor of history, said, “I think his pictures of the river matter most.”")
    found = statements(text)
    assert [(f[0], f[3]) for f in found] == [(["Greta Holm"], "I think his pictures of the river matter most.")]


def test_political_reporting_cues(nlp):
    text = ("Tomas Berg told reporters after the debate that he would not concede. Democrats countered that the bill would hurt voters. "
            "Asked whether he would accept the result, Tomas Berg said: “Of course.” The debate, Berg said, had been “a circus.”")
    found = statements(text)
    assert [(f[0], f[3]) for f in found] == [
        (["Tomas Berg"], "he would not concede"), (["Democrats"], "the bill would hurt voters"), (["Tomas Berg"], "Of course."),
        (["Tomas Berg"], "The debate, Berg said, had been “a circus.”")]


def test_phrasal_cues_a_quotation_paragraph_and_a_mistagged_noun(nlp):
    text = ("Maria Lindahl shot back that Tomas Berg had never run a business. Tomas Berg pointed out that the county had no debt.\n\n"
            "“We followed every rule,” Maria Lindahl said.\n\n“Nobody has shown us a single error.”\n\n"
            "The ministry of transport said in a statement that the strike was illegal.")
    found = statements(text)
    assert [(f[0], f[1], f[3]) for f in found] == [
        (["Maria Lindahl"], "shot back", "Tomas Berg had never run a business"),
        (["Tomas Berg"], "pointed out", "the county had no debt"),
        (["Maria Lindahl"], "said", "We followed every rule"), (["Maria Lindahl"], "said", "Nobody has shown us a single error."),
        (["The ministry of transport"], "said", "the strike was illegal")]


def test_a_description_of_one_of_two_anonymous_sources(nlp):
    text = ("A senior Chilean official said the talks had stalled. A Peruvian official said the offer was fair. "
            "The Chilean official said Lima had walked out. The official said nothing more.")
    found = statements(text)
    assert [f[0] for f in found] == [["A senior Chilean official"], ["A Peruvian official"], ["A senior Chilean official"]]
    # a nationality the only earlier source lacks is another source
    found = statements("A Peruvian official said the offer was fair. The Chilean official said Lima had walked out.")
    assert [f[0] for f in found] == [["A Peruvian official"], ["The Chilean official"]]


def test_reproduced_words_after_a_colon_are_not_the_subject_s(nlp):
    assert statements("The Daily Ledger cited one of the questions: “Were you ever in the army?”") == []


def test_a_claim_the_other_side_denied_and_a_copula_description(nlp):
    text = ("The army said its forces had retaken the town, a claim the rebels denied. "
            "Greta Holm, who worked at the clinic for nine years, was the first witness in the trial. "
            "The witness said the doors had been locked.")
    found = statements(text)
    assert [(f[0], f[1], f[3]) for f in found] == [
        (["The army"], "said", "its forces had retaken the town"), (["the rebels"], "denied", "a claim"),
        (["Greta Holm"], "said", "the doors had been locked")]


def test_more_people_only_cues(nlp):
    found = statements("The researchers concluded that the nets no longer worked. The striker posted on Instagram that he was happy.")
    assert [(f[0], f[3]) for f in found] == [(["The researchers"], "the nets no longer worked"), (["The striker"], "he was happy")]


def test_it_is_the_body_that_spoke_last(nlp):
    found = statements("Siemens said it would appeal. It added that the ruling was unfair. "
                       "Tomas Berg said the plan was sound. It said nothing about costs.")
    assert [(f[0], f[3]) for f in found] == [(["Siemens"], "it would appeal"), (["Siemens"], "the ruling was unfair"),
                                             (["Tomas Berg"], "the plan was sound")]


def test_the_spokesperson_named_after_a_description(nlp):
    text = ("A spokesperson for Lumacore, Jane Doerring, said the plant would stay open. The spokesperson added that no jobs would go. "
            "Tomas Berg, the former mayor, said the plan was flawed. The former mayor added that he would vote against it.")
    assert [f[0] for f in statements(text)] == [["Jane Doerring"], ["Jane Doerring"], ["Tomas Berg"], ["Tomas Berg"]]


def test_he_said_after_an_anonymous_speaker(nlp):
    text = ("Amir Khan met the delegation on Monday. A senior official, who asked not to be named, said the talks had failed. "
            "“We tried everything,” he said.")
    assert [f[0] for f in statements(text)] == [["A senior official"], ["A senior official"]]


def test_declining_to_say_is_no_statement(nlp):
    assert statements("Siemens cut 300 jobs. Siemens declined to say how many jobs would go.") == []


def test_more_cue_nouns_with_a_that_clause(nlp):
    found = statements("Siemens's statement that no jobs would go was welcomed. "
                       "His denial that he had met the contractor was not believed.")
    # the possessor speaks; "his" alone does not say whose safely
    assert [(f[0], f[1], f[3]) for f in found] == [(["Siemens"], "statement", "no jobs would go")]


def test_senses_of_cue_verbs_that_say_nothing(nlp):
    text = ("Greta Holm denied entry to the reporters. Greta Holm reported the break-in to the police. "
            "Jonas Brekke told the story of his grandfather. Nordlys Freight reported a fall in profit to 20 million euros.")
    found = statements(text)
    assert [(s[0], s[1], s[3]) for s in found] == [(["Nordlys Freight"], "reported", "a fall in profit to 20 million euros")]


def test_the_subject_next_to_a_cue_inside_the_sentence_speaks(nlp):
    # the parse gives "said" two subjects: the one before the cue is content, not speaker
    found = statements("Greta Holm, Jonas Brekke said, was the strongest candidate in years.")
    assert [(s[0], s[3]) for s in found] == [(["Jonas Brekke"], "Greta Holm, Jonas Brekke said, was the strongest candidate in years")]


def test_a_participle_after_the_source_noun_describes_it(nlp):
    found = statements("“We are close,” a person briefed on the negotiations said.")
    assert found[0][0] == ["a person briefed on the negotiations"]


def test_an_object_pronoun_is_not_its_clause_s_subject(nlp):
    # "praised her": her is not Brekke, so nothing says Brekke is "she"; "he said" is Brekke
    text = ("Greta Holm is running for mayor. Jonas Brekke praised her on Monday.\n\n"
            "“She has the experience,” he said.")
    assert [s[0] for s in statements(text)] == [["Jonas Brekke"]]


def test_a_question_before_asked_whichever_side_its_speaker_stands(nlp):
    text = ("Greta Holm chairs the tenants' association.\n\n"
            "“Who will pay for the repairs?” asked Greta Holm.\n\n"
            "“Why now?” Holm asked the landlord. “Why not last winter?”")
    found = statements(text)
    assert [(s[0], s[1], s[3]) for s in found] == [(["Greta Holm"], "asked", "Who will pay for the repairs?"),
                                                   (["Greta Holm"], "asked", "Why now?"),
                                                   (["Greta Holm"], "asked", "Why not last winter?")]


def test_a_quotation_after_a_cue_inside_the_sentence_it_attributes(nlp):
    # the cue interrupts the sentence: the subject before it is part of the content
    found = statements("The closure, Jonas Brekke said, “was the hardest call of my life.”")
    assert [(s[0], s[2], s[3]) for s in found] == [(["Jonas Brekke"], "mixed", "The closure, Jonas Brekke said, “was the hardest call of my life.”")]
    # but a fronted phrase before `X said: "..."` is no content
    found = statements("In his speech, Jonas Brekke said: “It was the hardest call of my life.”")
    assert [(s[0], s[2], s[3]) for s in found] == [(["Jonas Brekke"], "direct", "It was the hardest call of my life.")]


def test_a_document_speaks_for_whoever_issued_it(nlp):
    text = ("Brattvik Ferries cut two routes on Monday. The company's statement said the routes had lost money. "
            "A letter from Greta Holm, the tenants' leader, said the cuts were unlawful. A statement said talks would continue.")
    found = statements(text)
    assert [s[0] for s in found] == [["Brattvik Ferries"], ["Greta Holm"], ["A statement"]]


def test_a_that_clause_after_a_longer_phrase_of_the_cue(nlp):
    # (the parse hangs "that costs had doubled" on "analysts" as a relative clause)
    found = statements("Brattvik Ferries cut two routes. The company's finance director, Greta Holm, said on a call with analysts that costs had doubled.")
    assert [(s[0], s[3]) for s in found] == [(["Greta Holm"], "costs had doubled")]


def test_a_dateline_place_taken_for_the_subject_leaves_the_named_speaker(nlp):
    text = ("BRATTVIK, Norway (Fjord Wire) - Norway's transport minister, Greta Holm, said on Monday that the ferry "
            "would keep running.")
    found = statements(text)
    assert [(s[0], s[3]) for s in found] == [(["Greta Holm"], "the ferry would keep running")]


def test_a_participle_with_an_object_is_the_reporter_s_account(nlp):
    found = statements("Greta Holm said on Monday that the ferry would keep running, rejecting calls to close the route.")
    assert [(s[0], s[1], s[3]) for s in found] == [(["Greta Holm"], "said", "the ferry would keep running")]
    # with a clause it is a second statement of hers
    found = statements("Greta Holm kept the ferry running, saying that the route was a lifeline.")
    assert [(s[0], s[3]) for s in found] == [(["Greta Holm"], "the route was a lifeline")]


def test_a_quoted_label_is_the_speaker_s_words(nlp):
    text = ("Jonas Brekke leads the dockers. Brekke called the offer “an insult”. "
            "Greta Holm described the strike as “reckless.” Holm called for calm. Brekke called it a day.")
    found = statements(text)
    # ("called for calm" puts no label on anything: it is a demand, a statement of what was called
    # for since round fifteen; "called it a day" is neither)
    assert [(s[0], s[1], s[2], s[3]) for s in found] == [(["Jonas Brekke"], "called", "direct", "an insult"),
                                                         (["Greta Holm"], "described", "direct", "reckless."),
                                                         (["Greta Holm"], "called", "indirect", "calm")]


def test_a_second_verb_of_the_speaker_is_cut_from_the_content(nlp):
    found = statements("Jonas Brekke leads the dockers. Brekke said the offer was unfair and urged members to reject it.")
    assert [(s[0], s[1], s[3]) for s in found] == [(["Jonas Brekke"], "said", "the offer was unfair"),
                                                   (["Jonas Brekke"], "urged", "members to reject it")]


def test_promises_threats_and_forecasts_with_an_infinitive(nlp):
    text = ("Jonas Brekke leads the dockers. Brekke promised to cut fees by a third. "
            "Analysts expect the port to lose trade. The strike is expected to last a week.")
    found = statements(text)
    assert [(s[0], s[1], s[3]) for s in found] == [(["Jonas Brekke"], "promised", "to cut fees by a third"),
                                                   (["Analysts"], "expect", "the port to lose trade")]


def test_a_wire_dateline_is_not_content(nlp):
    found = statements("BRATTVIK, Norway (Fjord Wire) - The ferry strike spread to two more ports on Sunday, dockers said.")
    assert [(s[0], s[3]) for s in found] == [(["dockers"], "The ferry strike spread to two more ports on Sunday")]


def test_a_person_in_a_fronted_phrase_is_not_the_subject_pronoun(nlp):
    # "Questioned by X, she conceded": she is the witness named before, not X
    text = ("The jury heard from Dr. Greta Holm, a surveyor. Holm told the jury that the wall had been cracked for years. "
            "Questioned by the defence lawyer Jonas Brekke, she conceded that the crack might be recent.")
    found = statements(text)
    assert [(s[0], s[1]) for s in found] == [(["Greta Holm"], "told"), (["Greta Holm"], "conceded")]


def test_the_asker_of_her_is_not_she(nlp):
    # "Brekke asked her ...": the next "She said" is not Brekke but the one "she" stood for
    text = ("The jury heard from Dr. Greta Holm, a surveyor. Holm told the jury that the wall had been cracked for years. "
            "Questioned by the defence lawyer Jonas Brekke, she conceded that the crack might be recent.\n\n"
            "Brekke then asked her whether she had visited the site. She said she had not.")
    found = statements(text)
    assert [(s[0], s[1]) for s in found][-2:] == [(["Jonas Brekke"], "asked"), (["Greta Holm"], "said")]


def test_who_was_told_and_saying_little_are_no_content(nlp):
    text = ("Jonas Brekke leads the dockers. What Brekke told the minister remains secret. "
            "Brekke has said little in public since the strike. Brekke told the minister about the plan. "
            "Brekke told members to stay at home.")
    found = statements(text)
    assert [(s[1], s[3]) for s in found] == [("told", "members to stay at home")]


def test_according_to_data_from_a_body(nlp):
    found = statements("Freight volumes fell 4 percent in May, according to data from the national statistics office.")
    assert [(s[0], s[3]) for s in found] == [(["the national statistics office"], "Freight volumes fell 4 percent in May")]


def test_the_company_described_is_the_one_organisation_just_named(nlp):
    # not the subject of the sentence before (the shares are), but the one body it names
    text = ("Shares in Halden Foods fell 9 percent on Monday. "
            "The Oslo-based company now expects a loss for the year.")
    found = statements(text)
    assert [(s[0], s[1]) for s in found] == [(["Halden Foods"], "expects")]


def test_a_dateline_after_the_headline_is_no_content(nlp):
    text = ("# Dockers extend strike\n\nBy Jo Bell\n\nANTWERP, Belgium (Wire) - Dock workers extended their strike on Monday, "
            "the union said.")
    found = statements(text)
    assert [f[3] for f in found] == ["Dock workers extended their strike on Monday"]


def test_a_subject_before_the_cue_speaks_not_the_word_after_it(nlp):
    found = statements("Carl Ames died in May. Ames's widow, Ruth, said outside court: “Nothing brings him back.”")
    assert [(f[0], f[3]) for f in found] == [(["Ruth"], "Nothing brings him back.")]


def test_a_fronted_question_is_not_part_of_the_quotation(nlp):
    found = statements("Mayor Dan Oduya spoke on Friday. Asked if the vote could be reversed, he said, “Anything is possible.”")
    assert found[-1][:4] == (["Dan Oduya"], "said", "direct", "Anything is possible.")


def test_a_passive_cue_says_nothing_of_its_subject(nlp):
    found = statements("Nora Haig, the victim's aunt, said the family had requested a meeting and had been told to be patient.")
    assert [(f[0], f[3]) for f in found] == [(["Nora Haig"], "the family had requested a meeting and had been told to be patient")]


def test_a_description_the_clause_names_is_that_person(nlp):
    found = statements("The rebels shelled the port. Their spokesman, who uses the name Peter Kamau, said the gunmen had acted on orders.")
    assert found[0][0] == ["Peter Kamau"]
    found = statements("The rebels shelled the port. A commander known as John Otieno told reporters the group would fight on.")
    assert found[0][0] == ["John Otieno"]


def test_bare_police_is_the_one_police_force_named(nlp):
    found = statements("Ridgeway Police arrested two men on Monday. Police said the men were 19 and 22.")
    assert found[0][0] == ["Ridgeway Police"]


def test_headlines_and_list_items(nlp):
    text = ("# Talks to resume on Monday, officials say\n\nFinance Minister Ola Berg said on Monday that a deal with "
            "the unions was close.")
    assert [f[3] for f in statements(text)] == ["a deal with the unions was close"]


def test_a_split_quotation_with_an_age_and_a_quotation_after_adding(nlp):
    found = statements("Jane Okafor spoke on Monday. “We are disappointed,” Okafor, 52, said, “but we accept the findings.”")
    assert [f[3] for f in found] == ["We are disappointed,” Okafor, 52, said, “but we accept the findings."]
    found = statements("Jane Okafor spoke on Monday. “The report is fair,” she said, adding: “We will do better.”")
    assert [(f[0], f[3]) for f in found] == [(["Jane Okafor"], "The report is fair"), (["Jane Okafor"], "We will do better.")]


def test_one_and_the_other_of_the_sources(nlp):
    found = statements("Two officials spoke to the Herald. One, a senior diplomat, said the talks had stalled. "
                       "The other said a deal was still possible.")
    assert [(f[0], f[3]) for f in found] == [(["a senior diplomat"], "the talks had stalled"),
                                             (["The other"], "a deal was still possible")]


def test_quoted_as_saying_a_statement_read_and_a_newspaper(nlp):
    found = statements("Coach Pedro Alves was sacked on Sunday. Alves was quoted as saying the players had “given up.”")
    assert found[0][0] == ["Pedro Alves"] and found[0][3] == "the players had “given up.”"
    found = statements("Coach Ivo Rask was sacked on Sunday. The club's statement read: “We thank Ivo for his service.”")
    assert [(f[0], f[3]) for f in found] == [(["The club"], "We thank Ivo for his service.")]
    found = statements("Coach Ivo Rask was sacked on Sunday. It was not clear who would replace him, the newspaper reported.")
    assert [(f[0], f[3]) for f in found] == [(["the newspaper"], "It was not clear who would replace him")]


def test_saying_goodbye_or_a_prayer_says_nothing(nlp):
    assert statements("Coach Ivo Rask said goodbye to the players on Monday. Rask said a prayer before the match.") == []


def test_more_cue_verbs_and_an_infinitive_cue_that_was_not_said(nlp):
    found = statements("Harbour master Jon Eide spoke on Monday. Eide revealed that the port had debts of 10 million euros.")
    assert [(f[0], f[1], f[3]) for f in found] == [(["Jon Eide"], "revealed", "the port had debts of 10 million euros")]
    # an infinitive cue is a plan or a request, unless it goes on from what was said
    found = statements("Harbour master Jon Eide spoke on Monday. Eide asked the council to confirm that the port was safe.")
    assert all(f[1] != "confirm" for f in found)
    found = statements("Harbour master Jon Eide spoke on Monday. Eide went on to say that the port was safe.")
    assert [(f[0], f[3]) for f in found] == [(["Jon Eide"], "the port was safe")]


def test_the_regulator_is_not_the_company_before_it(nlp):
    found = statements("Northgate Water was fined on Monday. The regulator, Ofwat, said the company had failed customers.")
    assert found and found[0][0] != ["Northgate Water"]


def test_the_reporter_s_clauses_after_the_content(nlp):
    for tail in (", as inspectors arrived for a second visit.", ", even as a second crane collapsed.",
                 ", according to a transcript seen by the Herald."):
        found = statements("Jon Eide, the harbour master, said the port was safe" + tail)
        assert [f[3] for f in found] == ["the port was safe"], tail
    found = statements("Jon Eide, the harbour master, said in an interview that, despite the collapse, the port was safe.")
    assert [f[3] for f in found] == ["despite the collapse, the port was safe"]


def test_a_description_of_one_kind_is_not_an_organisation_of_another(nlp):
    text = "Falcrest Air made an offer for Brightwater Lines last week. The union urged members to vote against it."
    assert statements(text)[0][0] == ["The union"]
    text = "The North Quay Dockers' Union met on Monday. The union urged members to vote against the offer."
    assert statements(text)[0][0] == ["North Quay Dockers' Union"]


def test_a_decision_is_no_statement_but_words_rejected_are(nlp):
    text = ("Falcrest Air made an offer for Brightwater Lines last week. Parliament rejected the bill by 301 votes to 250. "
            "The Senate confirmed her nomination on Tuesday. The judge denied the motion.")
    assert statements(text) == []
    found = statements("Falcrest Air made an offer for Brightwater Lines last week. Brightwater Lines rejected the claim.")
    assert [(f[1], f[3]) for f in found] == [("rejected", "the claim")]


def test_whom_was_warned_and_an_expected_child_say_nothing(nlp):
    text = "Mayor Dan Oduya spoke on Friday. Oduya warned residents on Friday. Oduya and his wife are expecting their first child."
    assert statements(text) == []
    found = statements("Mayor Dan Oduya spoke on Friday. Oduya warned residents to stay indoors.")
    assert [f[3] for f in found] == ["residents to stay indoors"]


def test_she_is_not_whom_he_stood_for_just_before(nlp):
    text = ("Sarah Kim, the union leader, said the strike would go ahead. Her deputy, Tom Ruiz, said members were divided. "
            "“It is not unanimous,” he said. She said she would call a vote.")
    found = statements(text)
    assert [f[0] for f in found] == [["Sarah Kim"], ["Tom Ruiz"], ["Tom Ruiz"], ["Sarah Kim"]]


def test_interview_turns_labelled_q_dot_or_with_questions_in_bold(nlp):
    intro = "Lena Fischer has run the Hamburg food bank for a decade. Reporter Tom Reed interviewed her on Monday.\n\n"
    for turns in ("Q. How many families do you serve now?\n\nA. About 2,000 a week.\n\nQ. What changed?\n\nA. Rents went up.",
                  "**How many families do you serve now?**\n\nAbout 2,000 a week.\n\n**What changed?**\n\nRents went up."):
        found = statements(intro + turns)
        assert [(f[0], f[1], f[3]) for f in found] == [
            (["Tom Reed"], "asked", "How many families do you serve now?"), (["Lena Fischer"], "said", "About 2,000 a week"),
            (["Tom Reed"], "asked", "What changed?"), (["Lena Fischer"], "said", "Rents went up")], turns


def test_bold_questions_of_an_explainer_are_headings(nlp):
    text = ("Lena Fischer runs the Hamburg food bank.\n\n**Why does it matter?**\n\nDemand has doubled.\n\n"
            "**What happens next?**\n\nThe city will vote in May.")
    assert statements(text) == []


def test_a_quotation_paragraph_after_a_paragraph_that_ended_reporting_someone(nlp):
    text = ("Council member Dana Fox disagreed. She said the council had not been consulted.\n\n"
            "“We found out from the newspaper.”")
    found = statements(text)
    assert [(f[0], f[3]) for f in found] == [(["Dana Fox"], "the council had not been consulted"),
                                             (["Dana Fox"], "We found out from the newspaper.")]
    # not when the paragraph went on about something else after the statement
    text = ("Council member Dana Fox said the council had not been consulted. The vote is on Friday.\n\n"
            "“We found out from the newspaper.”")
    assert len(statements(text)) == 1


def test_a_cue_inside_one_clause_with_two_verbs_is_one_statement(nlp):
    found = statements("Maria Santos, 71, has fished the bay for fifty years. They come at night, she says, and take everything.")
    assert [(f[0], f[3]) for f in found] == [(["Maria Santos"], "They come at night, she says, and take everything")]


def test_they_said(nlp):
    found = statements("Residents of the valley say the dam will flood their farms. They said they had not been consulted.")
    assert [f[0] for f in found] == [["Residents of the valley"], ["Residents of the valley"]]
    found = statements("Officials said the dam was safe. Engineers disagreed. They said cracks had appeared in the wall.")
    assert [f[0] for f in found] == [["Officials"], ["Engineers"]]
    found = statements("Maria Santos and Peter Lang, who run the cooperative, said prices had fallen. They said they would cut output.")
    assert [f[0] for f in found] == [["Maria Santos", "Peter Lang"], ["Maria Santos", "Peter Lang"]]


def test_the_description_a_naming_clause_named_later(nlp):
    text = ("The rebels shelled the port. Their spokesman, who uses the name Peter Kamau, said the gunmen had acted on orders. "
            "Diplomats said the rebels had met the army. The rebels' spokesman denied that.")
    found = statements(text)
    assert [f[0] for f in found] == [["Peter Kamau"], ["Diplomats"], ["Peter Kamau"]]


def test_by_her_own_account_and_a_relative_described_before(nlp):
    text = ("Ingrid Solvang was born in 1952. By her own account she earned less than the foremen, and she never let anyone forget it.")
    found = statements(text)
    assert [(f[0], f[3]) for f in found] == [(["Ingrid Solvang"], "she earned less than the foremen")]
    text = ("Ingrid Solvang died on Sunday. Her son, Pavel Ruud, said she had been unwell for months. "
            "A planned trip to Rome was called off, according to her son.")
    found = statements(text)
    assert [f[0] for f in found] == [["Pavel Ruud"], ["Pavel Ruud"]]


def test_a_passive_sentence_after_a_quotation_is_no_cue_of_it(nlp):
    text = ("Ingrid Solvang set up the guild. “They expected a quiet typist,” she told the Gazette. “They got a loud one.”"
            "\n\nWho else attended that meeting has been argued over for years.")
    found = statements(text)
    assert [f[3] for f in found] == ["They expected a quiet typist", "They got a loud one."]


def test_the_reporter_s_appositive_comment_is_no_content(nlp):
    found = statements("Senator Maria Delgado said on Tuesday that she would vote against the bill, a move that could doom it.")
    assert [f[3] for f in found] == ["she would vote against the bill"]
    found = statements("Senator Maria Delgado said the vote was “a hard call, a decision nobody wanted.”")
    assert [f[3] for f in found] == ["the vote was “a hard call, a decision nobody wanted.”"]


def test_the_title_a_mention_holds_describes_that_person(nlp):
    found = statements("Prime Minister Keir Starmer met farmers on Monday. The prime minister said prices would be controlled.")
    assert found[0][0] == ["Keir Starmer"]
    # two ministers: nobody rather than the wrong one
    found = statements("Prime Minister Keir Starmer met Finance Minister Rachel Reeves on Monday. "
                       "The minister said prices would be controlled.")
    assert found[0][0] == ["The minister"]


def test_the_n_year_old_is_the_person_of_that_age(nlp):
    text = ("Manager Tom Hughes praised his players on Monday. Tom Hughes, 53, took over in May. Ann Cole, 61, chairs the club. "
            "The 53-year-old said they had been brilliant.")
    assert statements(text)[0][0] == ["Tom Hughes"]


def test_a_subject_before_the_cue_with_its_verb_after_it(nlp):
    found = statements("Halvard Shipping cut 300 jobs. The cuts, the company said in a filing, would save 40 million euros a year.")
    assert [(f[0], f[3]) for f in found] == [(["Halvard Shipping"], "The cuts, the company said in a filing, would save 40 million euros a year")]


def test_the_statement_speaks_for_the_body_before_it(nlp):
    found = statements("Halvard Shipping cut 300 jobs. “We had no choice,” the statement said.")
    assert [(f[0], f[3]) for f in found] == [(["Halvard Shipping"], "We had no choice")]
