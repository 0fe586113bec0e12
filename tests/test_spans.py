"""Whole-word name search (loader.spans.find_words) against its definition as a regular expression."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from loader.spans import find_words

# letters, digits, "_", accented and non-Latin letters, spaces, punctuation, a combining mark
ALPHABET = "aAbé_1 ,.-'’()ΩИ\u0301"


def by_pattern(text: str, name: str) -> list[tuple[int, int]]:
    if not name.strip():
        return []
    return [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text)]


@settings(max_examples=2000)
@given(st.text(ALPHABET, max_size=40), st.text(ALPHABET, min_size=1, max_size=4))
def test_the_same_matches_as_the_pattern(text, name):
    assert find_words(text, name) == by_pattern(text, name)


def test_whole_words_only_and_no_overlap():
    assert find_words("Iran and Iranian officials", "Iran") == [(0, 4)]
    assert find_words("New York, New York", "New York") == [(0, 8), (10, 18)]
    assert find_words("A A A", "A A") == [(0, 3)]  # non-overlapping, as finditer
    assert find_words("x_Iran Iran2 (Iran)", "Iran") == [(14, 18)]
    assert find_words("anything", " ") == []
