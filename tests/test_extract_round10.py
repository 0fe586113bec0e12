"""Round ten: constructions of news writing the automatic pipeline got wrong, found on the
development halves (dev to dev5). Sentences written for these tests."""

import pytest

from loader.extract.model import load_nlp

from .test_extract_attribution import statements


@pytest.fixture(scope="session", autouse=True)
def nlp():
    return load_nlp()


def speakers(text: str) -> list[list[str]]:
    return [s[0] for s in statements(text)]


# --- sources ---

def test_the_media_report():
    found = statements("Local media reported on Monday that the minister had resigned. "
                       "The press reported that the talks would resume.")
    assert [(s[0], s[3]) for s in found] == [(["Local media"], "the minister had resigned"),
                                            (["The press"], "the talks would resume")]
    # a verb of the same spelling is no source
    assert statements("The minister pressed reporters on the figures.") == []
