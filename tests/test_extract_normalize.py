"""Stage 1: normalisation keeps offsets; names lose "the", possessives and punctuation."""

from loader.extract.records import span_value
from loader.extract.normalize import normalize_text, trim_name


def test_normalised_text_has_the_same_length_and_straight_quotes():
    text = "“We tested them,” Nazari said of the Taliban’s envoy — twice.\x07"
    normalised = normalize_text(text)
    assert len(normalised) == len(text)
    assert normalised == '"We tested them," Nazari said of the Taliban\'s envoy - twice. '


def test_trim_name_drops_the_and_possessive():
    text = "the Taliban’s ties"
    start, end = trim_name(text, 0, 13)
    assert text[start:end] == "Taliban"


def test_trim_name_keeps_a_name_ending_in_s():
    text = "Reyes’ office"
    start, end = trim_name(text, 0, 6)
    assert text[start:end] == "Reyes"
    assert trim_name("Marques’s desk", 0, 9) == (0, 7)


def test_span_value_adds_the_occurrence_only_when_the_words_repeat():
    text = "the talks began; the talks ended"
    assert span_value(text, 17, 26) == {"text": "the talks", "occurrence": 2}
    assert span_value(text, 10, 15) == "began"


def test_a_joining_word_is_no_end_of_a_name():
    from loader.extract.normalize import trim_name
    text = "the Rail Museum of"
    start, end = trim_name(text, 0, len(text))
    assert text[start:end] == "Rail Museum"
    assert trim_name("Bank of", 0, 7) == (0, 4)
