"""Places on real news: subdivisions, places no gazetteer knows, context, nesting; and the
name shapes that used to make false people and organisations."""

import pytest

from loader.articles import Article
from loader.extract import extract_resolution
from loader.extract.model import load_nlp
from loader.extract.places import in_context, strong_place, subdivisions


def article(text: str) -> Article:
    return Article(id="t", path="t.md", text=text, text_offset=0, text_line=1, published="2024-05-02", sha256="x")


@pytest.fixture(scope="module", autouse=True)
def nlp():
    return load_nlp()


def rows(text: str) -> dict:
    resolution = extract_resolution(article(text))
    assert resolution.problems == [] and resolution.rows["extraction_failures"] == []
    return resolution.rows


def names(table_rows: list[dict]) -> set[str]:
    return {r["name"] for r in table_rows}


def test_first_level_subdivisions_worldwide():
    assert strong_place("Queensland").kind == "province" and strong_place("Queensland").country_code == "AU"
    assert strong_place("Ontario").country_code == "CA"  # the province, not its small namesake abroad
    assert {p.country_code for p in subdivisions("Punjab")} == {"IN", "PK"}
    assert strong_place("North") is None  # a direction is no place on its name alone


def test_an_ambiguous_name_is_read_in_the_article_s_context():
    assert in_context("Victoria", {"AU"}).kind == "province"
    assert in_context("Victoria", {"CA"}).country_code == "CA"
    assert in_context("Georgia", {"US"}).kind == "province"
    assert in_context("Georgia", set()).kind == "country"


def test_a_place_no_gazetteer_knows_is_kept_without_coordinates():
    found = rows("Floodwater reached Kellowick Bridge and the village of Tarnsby on Sunday, residents in Tarnsby said.")
    tarnsby = [r for r in found["locations"] if r["name"] == "Tarnsby"]
    assert tarnsby and tarnsby[0]["latitude"] is None and tarnsby[0]["precision"] is None


def test_a_state_the_model_missed_and_a_town_with_its_state():
    found = rows("Tasmania was left out of the survey. The plant in Hobart, Tasmania, will close.")
    assert {"Tasmania", "Hobart"} <= names(found["locations"])
    hobart = next(r for r in found["locations"] if r["name"] == "Hobart")
    mentions = {m["surface"] for m in found["mentions"] if m["entity_id"] == hobart["id"]}
    assert "Hobart, Tasmania" in mentions


def test_names_do_not_cross_sentences_or_keep_titles():
    found = rows("She joined the Kestrel Workers Union. The union said Lieutenant General Ana Oyelaran would attend.")
    assert "Kestrel Workers Union" in names(found["organisations"])
    assert not any(n.endswith(" The") for n in names(found["organisations"]))
    assert "Ana Oyelaran" in names(found["people"])


def test_a_place_nested_in_an_organisation_s_name():
    found = rows("A study by the University of Queensland was published on Monday.")
    assert "University of Queensland" in names(found["organisations"])
    assert "Queensland" in names(found["locations"])


def test_a_venue_is_not_a_person():
    found = rows("Fans gathered at Marlowe Stadium before the final, said Ana Oyelaran, who organised it.")
    assert "Marlowe Stadium" not in names(found["people"]) | names(found["organisations"])
    assert "Marlowe Stadium" in names(found["locations"])


def test_a_body_before_a_company_role_and_an_office_before_a_name():
    found = rows("Zentrix co-founder David Brennan met Minister of Education Tomas Varga on Monday. Varga said little.")
    assert "Zentrix" in names(found["organisations"])
    assert {"David Brennan", "Tomas Varga"} <= names(found["people"])
    varga = next(r for r in found["people"] if r["name"] == "Tomas Varga")
    surfaces = {m["surface"] for m in found["mentions"] if m["entity_id"] == varga["id"]}
    assert {"Minister of Education Tomas Varga", "Varga"} <= surfaces


def test_ordinary_words_and_photo_credits_are_not_names():
    found = rows("Volunteers\n\nWater was short. Ana Oyelaran Image: the rescue team said the water ran out.")
    assert "Water" not in names(found["people"]) | names(found["organisations"])
    assert not any(n.endswith("Image") for n in names(found["people"]))


def test_a_region_after_a_known_town_and_a_venue_in_another_language():
    found = rows("The festival moved to Siena, Umbrazza, last year. Fans then filled the Estadio Rio Claro for the final.")
    assert "Umbrazza" in names(found["locations"])
    assert "Estadio Rio Claro" in names(found["locations"])
    assert "Estadio Rio Claro" not in names(found["people"]) | names(found["organisations"])


def test_a_country_inside_a_body_s_name_sets_the_context_for_a_nested_city():
    found = rows("The Comic Fans Society of Canada met at the Toronto Riverside Convention Centre on Friday.")
    toronto = [r for r in found["locations"] if r["name"] == "Toronto"]
    assert toronto and toronto[0]["country_code"] == "CA"


def test_the_second_name_after_in_is_a_place():
    found = rows("Boats were stuck in Callao and Pimentelo, said Rosa Quispe of the fishermen's union.")
    assert "Pimentelo" in names(found["locations"])
    assert "Pimentelo" not in names(found["people"])


def test_a_big_city_by_another_spelling_is_a_place_but_a_surname_is_not():
    assert strong_place("Bombay").name == "Mumbai"
    assert strong_place("Peking").country_code == "CN"
    assert strong_place("Khan") is None  # a small town's other name is no evidence


def test_a_state_beats_its_own_small_towns_and_a_big_city_keeps_its_name():
    assert strong_place("Oregon").kind == "province"
    assert strong_place("Delaware").kind == "province"
    assert strong_place("Washington").kind == "city"


def test_the_dateline_s_place_is_a_location_even_when_unknown():
    found = rows("ZORBAVILLE, Kansas — Farmers in Zorbaville said on Monday that the river had flooded.")
    places = [r for r in found["locations"] if r["name"].lower() == "zorbaville"]
    assert len(places) == 1 and places[0]["name"] == "Zorbaville"
    alliance = names(rows("NATO, the alliance, met on Monday in Brussels.")["locations"])
    assert "Brussels" in alliance and not {"NATO", "Nato"} & alliance


def test_a_big_city_by_another_spelling_is_certain():
    from loader.extract.places import certain_place
    assert certain_place("Bombay").name == "Mumbai"  # geonames' primary name is another
    assert certain_place("Saigon") is not None


def test_continents_are_places_with_a_centroid():
    from loader.geocode import geocode
    place = strong_place("South America")
    assert place.kind == "region" and place.country_code is None and place.precision == "region"
    assert geocode("Oceania", "region").latitude is not None
    found = rows("Exports to South America rose while sales in Oceania fell, the miners said.")
    assert {"South America", "Oceania"} <= names(found["locations"])


def test_a_description_is_a_mention_of_the_person_and_a_work_is_no_person():
    found = rows("Harbour Council spokesperson Ines Varga said the berths would reopen. "
                 "Varga spoke after a screening of the film Ocean Barrow, which critics praised.")
    varga = next(r for r in found["people"] if r["name"] == "Ines Varga")
    surfaces = {m["surface"] for m in found["mentions"] if m["entity_id"] == varga["id"]}
    assert "Harbour Council spokesperson Ines Varga" in surfaces
    assert "Ocean Barrow" not in names(found["people"])


def test_a_venue_or_body_with_the_place_it_is_in_is_a_description_of_it():
    found = rows("The exhibition opens at the Harlow Maritime Museum in Hobart, Tasmania, on Friday.")
    museum = next(r for r in found["locations"] if r["name"] == "Harlow Maritime Museum")
    surfaces = {m["surface"] for m in found["mentions"] if m["entity_id"] == museum["id"]}
    assert "Harlow Maritime Museum in Hobart, Tasmania" in surfaces
    hobart = next(r for r in found["locations"] if r["name"] == "Hobart")
    assert {m["surface"] for m in found["mentions"] if m["entity_id"] == hobart["id"]} & {"Hobart", "Hobart, Tasmania"}


def test_a_town_with_its_state_inside_a_venue_s_name_is_mentioned_by_that_wording():
    found = rows("Visitors filled the Pioneer Rail Museum of Hobart, Tasmania, all week.")
    hobart = next(r for r in found["locations"] if r["name"] == "Hobart")
    assert "Hobart, Tasmania" in {m["surface"] for m in found["mentions"] if m["entity_id"] == hobart["id"]}


def test_a_station_is_named_after_the_place_it_serves():
    found = rows("Riders can avoid the crowds by walking from Okonkwo Hospital Station or Brannock Station, "
                 "both twenty minutes away. The International Space Station passed overhead.")
    places = names(found["locations"])
    assert {"Okonkwo Hospital Station", "Brannock Station", "Okonkwo Hospital", "Brannock"} <= places
    brannock = next(r for r in found["locations"] if r["name"] == "Brannock")
    assert brannock["latitude"] is None  # no gazetteer knows it: kept, nothing invented
    assert "International Space" not in places


def test_a_venue_s_name_the_model_missed_and_an_ordinary_one():
    from loader.extract.mentions import venue_names
    text = "Buses leave the Bus Station hourly; the bus is cheap. Fans walked to Okafor Stadium."
    assert {m.text for m in venue_names(text)} == {"Okafor Stadium"}


def test_a_memorial_is_named_after_a_person():
    found = rows("Crowds gathered at the Tavita Oru Semese Memorial on Sunday.")
    assert "Tavita Oru Semese" in names(found["people"])


def test_a_body_s_description_is_a_mention_of_the_body():
    found = rows("The shipping firm Kellbrook Lines said on Monday that its ferries would sail. Kellbrook Lines owns six.")
    body = next(r for r in found["organisations"] if r["name"] == "Kellbrook Lines")
    assert "shipping firm Kellbrook Lines" in {m["surface"] for m in found["mentions"] if m["entity_id"] == body["id"]}


def test_a_campus_town_after_its_state_in_a_university_s_name():
    found = rows("She studies at the University of Texas Tyler and works weekends in a bakery.")
    tyler = [r for r in found["locations"] if r["name"] == "Tyler"]
    assert tyler and tyler[0]["country_code"] == "US"


def test_a_station_named_after_a_hall_with_an_ordinary_word():
    found = rows("Commuters left Okafor Memorial Hall Station after the memorial service.")
    assert "Okafor Memorial Hall" in names(found["locations"])


def test_a_local_paper_s_town_is_a_place_and_its_first_word_alone_no_paper():
    text = ("Families have been priced out of Quarrendon for a decade, residents told a meeting at "
            "Quarrendon Town Hall. Drayfield Meadow, the last open field in the parish, will be built on.")
    resolution = extract_resolution(Article(id="t", path="t.md", text=text, text_offset=0, text_line=1,
                                            published="2024-05-02", sha256="x", publisher="Quarrendon Gazette"))
    places = names(resolution.rows["locations"])
    assert {"Quarrendon", "Quarrendon Town Hall", "Drayfield Meadow"} <= places
    assert "Quarrendon" not in names(resolution.rows["organisations"])


def test_a_name_before_a_lowercase_hall_is_a_venue():
    found = rows("The meeting at St Wilfrida Church hall was moved to June.")
    assert "St Wilfrida Church hall" in names(found["locations"])


def test_a_lowercase_direction_before_a_region_names_a_region_of_its_own():
    found = rows("Freight delays spread to customers in central Europe, while eastern Kenya had rain.")
    places = {r["name"]: r for r in found["locations"]}
    assert "Central Europe" in places and places["Central Europe"]["kind"] == "region"
    assert "Europe" not in places  # a part of it, not the continent
    assert places["Eastern Kenya"]["country_code"] == "KE" and places["Eastern Kenya"]["latitude"] is None
    surfaces = {m["surface"] for m in found["mentions"] if m["entity_id"] == places["Central Europe"]["id"]}
    assert surfaces == {"central Europe"}


def test_several_places_in_one_long_capitalised_run():
    from loader.extract.mentions import place_names
    found = {m.text for m in place_names("Tags: Kenya Published South America Trade Archived")}
    assert {"Kenya", "South America"} <= found and "America" not in found
