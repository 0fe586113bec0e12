"""Stage 5, round six: constructions of news writing the statements stage got wrong on
unseen text (speakers first, then content spans). Sentences written for these tests."""

import pytest

from loader.extract.model import load_nlp

from .test_extract_attribution import statements


@pytest.fixture(scope="session", autouse=True)
def nlp():
    return load_nlp()


def test_a_second_cue_joined_by_and_takes_the_nearest_subject():
    found = statements("Software pioneer and co-founder Dana Whitlock posted a video and said the company would open an office in Lagos.")
    assert [(s[0], s[3]) for s in found if s[1] == "said"] == [(["Dana Whitlock"], "the company would open an office in Lagos")]


def test_the_body_in_a_role_apposition_is_not_the_speaker():
    # the person's name is unknown to the model here or not: either way never the trust
    found = statements("Peter Okonkwo, chief financial officer at the Ardent Trust, said 300 schools had applied.")
    assert all("Ardent Trust" not in s[0] for s in found)


def test_a_title_before_a_name_split_by_the_parse_is_the_name():
    found = statements("The bridge was finished two years late, according to engineer Helen Marsh.")
    assert found and found[0][0] == ["Helen Marsh"]


def test_an_inverted_cue_inside_the_sentence_with_its_own_subject():
    found = statements("Paul Mensah, the league's treasurer, said clubs had been warned. Clubs that miss the deadline, said Mensah, will lose points.")
    assert [s[0] for s in found] == [["Paul Mensah"], ["Paul Mensah"]]
    assert found[1][3] == "Clubs that miss the deadline, said Mensah, will lose points"


def test_a_name_the_parse_hung_on_a_fronted_participle_speaks():
    found = statements("Speaking for the defence, David Coulter, QC, said that the evidence had been handled badly.")
    assert [(s[0], s[3]) for s in found] == [(["David Coulter"], "the evidence had been handled badly")]


def test_as_x_told_y_attributes_the_main_clause():
    found = statements("As Maria Santos told the Gazette, the river has risen by a metre since March.")
    assert [(s[0], s[3]) for s in found] == [(["Maria Santos"], "the river has risen by a metre since March")]
    found = statements("The river has risen by a metre since March, as Maria Santos told the Gazette.")
    assert [(s[0], s[3]) for s in found] == [(["Maria Santos"], "The river has risen by a metre since March")]


def test_as_aside_that_is_not_speech_makes_no_statement():
    assert statements("As expected, the central bank held rates.") == []
    assert statements("Tom Brennan laughed as he told the story of his first day.") == []


def test_commented_is_a_cue_but_not_commenting_is_none():
    found = statements('Professor Ines Duarte commented, "Nobody had measured this before."')
    assert found == [(["Ines Duarte"], "commented", "direct", "Nobody had measured this before.", None)]
    assert statements("The company declined to comment. A spokesman for the ministry would not comment on the case.") == []


def test_a_quotation_open_to_the_end_of_the_paragraph_is_direct_and_whole():
    text = ('Sara Lindgren scored twice. She said, "In the first half we were nervous. Then it clicked.\n\n'
            '"We can still improve."')
    found = statements(text)
    assert found[0][0] == ["Sara Lindgren"] and found[0][2] == "direct"
    assert found[0][3].startswith("In the first half we were nervous")
    assert found[1][0] == ["Sara Lindgren"] and found[1][3] == "We can still improve."


def test_a_quotation_after_a_phrase_of_the_cue():
    found = statements('Governor Maria Okafor said in a statement, "The decision is a blow to the region."')
    assert found == [(["Maria Okafor"], "said", "direct", "The decision is a blow to the region.", "statement")]


def test_another_source_reporting_is_cut_from_the_content():
    found = statements("Officials told the Herald that every claim would be assessed, with the Courier reporting that none would be refused.")
    assert found[0][3] == "every claim would be assessed"


def test_two_titles_joined_by_and_are_one_person():
    found = statements("Economist and author Lena Frost said the recovery was weak.")
    assert found[0][0] == ["Lena Frost"]
    found = statements("Critics and Senator Maria Lopez said the bill was rushed.")
    assert found[0][0] == ["Critics", "Maria Lopez"]


def test_a_negative_subject_said_nothing():
    assert statements("No one has said why the plant closed.") == []
    assert statements("No official would say when the border reopens.") == []


def test_things_that_speak_only_in_a_figure_of_speech():
    assert statements("History tells us that such booms end badly.") == []
    assert statements("The law says that tenants must get two months' notice.") == []
    found = statements("The report says that tenants must get two months' notice.")
    assert [s[0] for s in found] == [["The report"]]


def test_he_after_a_sentence_whose_subject_is_a_described_person():
    text = ("Kenya's energy minister, Joseph Mutua, said output would rise. \"The fields are old,\" said Peter Kamau, an analyst. "
            "He said theft was the main problem.\n\nThe minister dismissed the complaints. He said the companies were paying compensation.")
    found = statements(text)
    assert (["Joseph Mutua"], "the companies were paying compensation") in [(s[0], s[3]) for s in found]


def test_a_cue_inside_what_an_unresolved_speaker_said_is_no_statement():
    # "it expected" is the words of the subject of "said", whoever that is
    found = statements("Qorvath Holdings agreed to buy a rival on Monday. The rival said it expected savings of 40 million euros.")
    assert all(s[1] != "expected" for s in found)


def test_an_abbreviated_title_describes_the_person():
    text = ("Sen. Mark Ellis and Rep. Janet Cruz wrote to the agency last week. Ellis said the agency had ignored the warnings. "
            "Cruz said she wanted answers. The senator said he would call a hearing.")
    found = statements(text)
    assert found[-1][0] == ["Mark Ellis"]


def test_they_after_two_named_subjects():
    found = statements("Ravi Sharma and Leila Haddad, both members of the council, opposed the plan. They said it would raise rents.")
    assert [(s[0], s[3]) for s in found] == [(["Ravi Sharma", "Leila Haddad"], "it would raise rents")]


def test_a_document_speaks_with_any_cue():
    found = statements("The letter, signed by 40 scientists, warns that the dam could fail. The figures suggest a slowdown.")
    assert [(s[0], s[3]) for s in found] == [(["The letter"], "the dam could fail")]


def test_a_dateline_or_a_live_blog_time_is_no_part_of_the_source():
    found = statements("MEXICO CITY - A Mexican human rights group said on Tuesday that detainees were held for weeks.")
    assert found[0][0] == ["A Mexican human rights group"]
    found = statements("08:05 - The drivers' union says about 80 percent of its members are on strike.")
    assert found[0][0] == ["The drivers' union"]


def test_a_team_s_name_before_a_role_need_not_repeat_a_phrase_that_names_no_team():
    found = statements("The header came from the home captain, Sami Haddad. \"The dressing room is behind the gaffer,\" "
                       "the Albion captain told Albion TV.")
    assert [s[0] for s in found if s[1] == "told"] == [["Sami Haddad"]]


def test_a_role_with_another_team_s_name_is_not_that_person():
    found = statements("Ines Carvalho, the Wanderers manager, was pleased. The Albion manager said he would write to the league.")
    assert all(s[0] != ["Ines Carvalho"] for s in found if s[1] == "said")


def test_the_two_companies_and_both_sides_are_the_two_bodies_named_last():
    found = statements("Marula Platinum and Sekoto Resources agreed to merge on Monday. Sekoto shareholders would "
                       "receive 0.62 Marula shares for each share, the two companies said.")
    assert [sorted(s[0]) for s in found if s[1] == "said"] == [["Marula Platinum", "Sekoto Resources"]]
    found = statements("Talks between the Harbour Workers Union and Greystone Facilities resumed. Both sides say "
                       "they want a deal.")
    assert [sorted(s[0]) for s in found if s[1] == "say"] == [["Greystone Facilities", "Harbour Workers Union"]]


def test_a_body_described_in_the_lede_and_named_in_the_next_paragraph():
    found = statements("LIMA - A Peruvian environmental group on Tuesday accused the government of ignoring spills "
                       "along the coast.\n\nThe report by the Pacific Shore Alliance (PSA) is based on 40 site visits.")
    assert [s[0] for s in found if s[1] == "accused"] == [["Pacific Shore Alliance"]]
    # a body named in the lede itself is not waited for
    found = statements("A Peruvian environmental group, working with Greenpeace International, on Tuesday accused the government of "
                       "ignoring spills.\n\nThe report by the Pacific Shore Alliance is based on 40 site visits.")
    assert all(s[0] != ["Pacific Shore Alliance"] for s in found if s[1] == "accused")
