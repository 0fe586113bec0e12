"""Stage 1: text normalisation that keeps every offset.

The small English model was trained on straight quotes; curly ones make it glue
possessives to names ("TRT World’s") and miss quotations. Every replacement here is
one character for one character, so an offset into the normalised text is the same
offset into the article.
"""

from __future__ import annotations

import re

# One-for-one replacements: the normalised text has exactly the article's length.
_SAME_LENGTH = str.maketrans({
    "’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
    "–": "-", "—": "-", "\u00a0": " ",
})
# Control characters (other than line breaks and tabs) confuse the tokenizer; a space keeps offsets.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

_POSSESSIVE = re.compile(r"(?:['’]s|s['’])\Z")
_EDGE = " \t\r\n,.;:!?\"'“”‘’()[]{}-–—"


def normalize_text(text: str) -> str:
    """The text with straight quotes and apostrophes and no control characters, same length."""
    normalised = _CONTROL.sub(" ", text.translate(_SAME_LENGTH))
    assert len(normalised) == len(text)
    return normalised


def trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow a name span: no surrounding punctuation, no leading "the", no possessive.

    ``trim_name("the Taliban’s ties", 0, 13)`` -> ``(4, 11)`` ("Taliban").
    """
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    if text[start:end].lower().startswith("the ") and end - start > 4:
        start += 4
    # a joining word is no end of a name ("the Rail Museum of")
    trailing = re.search(r"\s+(?:of|and|for|the|in|at|on|de|du|del)\Z", text[start:end])
    if trailing and trailing.start() > 0:
        end = start + trailing.start()
    match = _POSSESSIVE.search(text[start:end])
    if match and end - start > 3:
        # "Marques’s" loses the possessive; "Reyes’" only its apostrophe.
        end -= 2 if text[end - 1] in "sS" and text[end - 2] in "'’" else 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end
