"""Quote-aware sentence segmentation with paragraph breaks."""

from loader.sentences import paragraphs, split_sentences


def texts(text):
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_no_split_inside_a_quotation():
    text = "“We tested them. We saw that they are not serious,” Nazari said. The talks ended."
    assert texts(text) == ["“We tested them. We saw that they are not serious,” Nazari said.", "The talks ended."]


def test_split_after_a_quote_that_ends_a_sentence():
    text = "He tweeted that he “will never agree. NEVER.” He could not be reached."
    assert texts(text) == ["He tweeted that he “will never agree. NEVER.”", "He could not be reached."]


def test_paragraph_break_always_splits():
    text = "First paragraph without a stop\n\nSecond one. Third sentence"
    sentences = split_sentences(text)
    assert texts(text) == ["First paragraph without a stop", "Second one.", "Third sentence"]
    assert [s.paragraph for s in sentences] == [1, 2, 2]
    assert paragraphs(text) == [(0, 30), (32, len(text))]


def test_abbreviations_and_initials_do_not_split():
    text = "Mr. Smith met Dr. J. Doe in the U.S. capital. They talked."
    assert texts(text) == ["Mr. Smith met Dr. J. Doe in the U.S. capital.", "They talked."]


def test_unbalanced_quotes_do_not_swallow_the_paragraph():
    text = "He said “this is open. Another sentence. And a third."
    assert len(texts(text)) == 3


def test_straight_quotes():
    text = '"It is over. We lost," she said. Then she left.'
    assert texts(text) == ['"It is over. We lost," she said.', "Then she left."]
