"""The evaluation: matching rules, counts, and the report."""

from loader.annotations import resolve
from loader.articles import Article
from loader.evaluate import compatible_kinds, evaluate, format_report, norm, pooled

TEXT = ("Ali Nazari, head of the National Resistance Front (NRF), met Amir Khan Muttaqi in Tehran on Monday. "
        "“We tested them. We saw that they are not serious,” Nazari said. "
        "The talks failed, a former Afghan official said. "
        "The Taliban did not respond to a request for comment.")
ARTICLE = Article(id="t", path="t.md", text=TEXT, text_offset=0, text_line=1, published="2024-03-14", sha256="x")

CURATED = {
    "people": [{"name": "Ali Nazari", "names": ["Nazari"]}, {"name": "Amir Khan Muttaqi"}],
    "organisations": [{"name": "National Resistance Front", "id": "nrf", "acronym": "NRF"}, {"name": "Taliban"}],
    "locations": [{"name": "Tehran", "kind": "city"}],
    "anonymous": [{"id": "official", "description": "a former Afghan official"}],
    "statements": [
        {"sources": ["ali-nazari"], "cue": "said", "mode": "direct", "text": "We tested them. We saw that they are not serious"},
        {"sources": ["official"], "cue": "said", "mode": "indirect", "text": "The talks failed"},
    ],
    "meetings": [{"id": "m", "name": "Tehran meeting", "kind": "meeting", "status": "held", "location": "tehran",
                  "evidence": "met Amir Khan Muttaqi in Tehran", "participants": [{"ref": "ali-nazari", "role": "delegate"}]}],
    "comment_requests": [{"party": "taliban", "response": "did not respond", "evidence": "The Taliban did not respond"}],
    "events": [{"date": "2024-03-11", "date_text": "on Monday", "description": "The meeting",
                "evidence": "met Amir Khan Muttaqi in Tehran on Monday"}],
}

PREDICTED = {
    "people": [{"name": "Nazari"}],  # the alias matches Ali Nazari; Muttaqi is missed
    "organisations": [{"name": "NRF"}, {"name": "Taliban"}],
    "locations": [{"name": "Tehran", "kind": "city"}],
    "anonymous": [{"id": "anon", "description": "a former Afghan official said"}],
    "statements": [
        {"sources": ["nazari"], "cue": "said", "mode": "direct", "text": "We tested them"},  # overlaps more than half of the shorter
        {"sources": ["nazari"], "cue": "said", "mode": "indirect", "text": "The talks failed"},  # wrong speaker
    ],
    "meetings": [{"id": "m", "name": "Visit", "kind": "visit", "status": "held", "location": "tehran",
                  "evidence": "met Amir Khan Muttaqi"}],  # a visit is not compatible with a meeting
    "comment_requests": [{"party": "taliban", "response": "no comment", "evidence": "The Taliban did not respond"}],
    "events": [{"date": "2024-03-11", "date_text": "on Monday", "description": "x", "evidence": "in Tehran on Monday"}],
}


def scores():
    curated = resolve(CURATED, ARTICLE, "curated.yml")
    predicted = resolve(PREDICTED, ARTICLE, "predicted.yml", origin="automatic")
    assert curated.problems == [] and predicted.problems == []
    return evaluate(predicted, curated)


def counts(score):
    return score.tp, score.fp, score.fn


def test_entities_match_by_name_or_alias():
    result = scores()
    assert counts(result["people"]) == (1, 0, 1)
    assert result["people"].misses == ["Amir Khan Muttaqi"]
    assert counts(result["organisations"]) == (2, 0, 0)  # "NRF" is the acronym of the curated NRF
    assert counts(result["locations"]) == (1, 0, 0)


def test_statements_need_the_speaker_and_half_of_the_text():
    result = scores()["statements"]
    assert counts(result) == (1, 1, 1)
    assert result.misses == ["a former Afghan official said: The talks failed"]
    assert result.false_hits == ["Nazari said: The talks failed"]


def test_anonymous_sources_match_by_overlapping_description():
    predicted = dict(PREDICTED, statements=[{"sources": ["anon"], "cue": "said", "mode": "indirect", "text": "The talks failed"}])
    curated = resolve(CURATED, ARTICLE, "c")
    result = evaluate(resolve(predicted, ARTICLE, "p"), curated)["statements"]
    assert counts(result) == (1, 0, 1)


def test_meetings_need_compatible_kinds_and_requests_the_same_response():
    result = scores()
    assert counts(result["meetings"]) == (0, 1, 1)
    assert counts(result["comment_requests"]) == (0, 1, 1)
    assert result["comment_requests"].misses == ["Taliban: did not respond"]
    assert counts(result["events"]) == (1, 0, 0)
    assert compatible_kinds("brokered meeting", "talks") and not compatible_kinds("visit", "talks")


def test_scores_and_pooled_figures():
    result = scores()
    people = result["people"]
    assert (people.precision, people.recall, round(people.f1, 3)) == (1.0, 0.5, 0.667)
    total = pooled([result, result])
    assert counts(total["people"]) == (2, 0, 2)
    empty = total["attendance_claims"]
    assert (empty.precision, empty.recall) == (1.0, 1.0)  # nothing to find, nothing found


def test_report_lists_figures_and_errors():
    report = format_report(scores(), "t.md")
    assert report.splitlines()[0] == "t.md"
    assert "  people              1.00  0.50  0.67    1   0   1" in report
    assert "  people missed: Amir Khan Muttaqi" in report
    assert "missed" not in format_report(scores(), details=False)


def test_norm():
    assert norm("the Taliban’s") == "taliban" == norm("TALIBAN")
    assert norm("Ibáñez") == "ibanez"


def test_speakers_right_pairs_statements_by_text_alone():
    result = scores()["speakers_right"]
    assert counts(result) == (1, 1, 0)  # "The talks failed" is matched by its text, with the wrong speaker
    assert result.false_hits == ["Nazari instead of a former Afghan official: The talks failed"]


def test_detailed_meetings_need_the_place_and_the_participants():
    base = dict(PREDICTED, meetings=[{"id": "m", "name": "Talks", "kind": "talks", "status": "held", "location": "tehran",
                                      "evidence": "met Amir Khan Muttaqi", "participants": [{"ref": "nazari", "role": "delegate"}]}])
    curated = resolve(CURATED, ARTICLE, "c")
    result = evaluate(resolve(base, ARTICLE, "p"), curated)
    assert counts(result["meetings_detailed"]) == (1, 0, 0)
    placeless = dict(base, meetings=[dict(base["meetings"][0], location=None)])
    del placeless["meetings"][0]["location"]
    assert counts(evaluate(resolve(placeless, ARTICLE, "p"), curated)["meetings_detailed"]) == (0, 1, 1)
    nobody = dict(base, meetings=[dict(base["meetings"][0], participants=[])])
    assert counts(evaluate(resolve(nobody, ARTICLE, "p"), curated)["meetings_detailed"]) == (0, 1, 1)
    assert counts(evaluate(resolve(nobody, ARTICLE, "p"), curated)["meetings"]) == (1, 0, 0)


def test_affiliations_need_person_organisation_and_a_role_word():
    curated_doc = dict(CURATED, affiliations=[{"person": "ali-nazari", "organisation": "nrf", "role": "head",
                                               "evidence": "Ali Nazari, head of the National Resistance Front"}])
    curated = resolve(curated_doc, ARTICLE, "c")
    right = dict(PREDICTED, affiliations=[{"person": "nazari", "organisation": "nrf", "role": "head",
                                           "evidence": "Ali Nazari, head of the National Resistance Front"}])
    assert counts(evaluate(resolve(right, ARTICLE, "p"), curated)["affiliations"]) == (1, 0, 0)
    wrong_role = dict(right, affiliations=[dict(right["affiliations"][0], role="member")])
    assert counts(evaluate(resolve(wrong_role, ARTICLE, "p"), curated)["affiliations"]) == (0, 1, 1)
    no_org = dict(right, affiliations=[{k: v for k, v in right["affiliations"][0].items() if k != "organisation"}])
    assert counts(evaluate(resolve(no_org, ARTICLE, "p"), curated)["affiliations"]) == (0, 1, 1)
