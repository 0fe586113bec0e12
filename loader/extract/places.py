"""Places: which names are places the geocoder really knows, and as what.

The geocoder is lenient (alternate names, fuzzy country search: "Khan" finds Haan,
"Kyrgyz" finds Kyrgyzstan). For deciding that a *name in the text* is a place we want
a strong match: the gazetteer's own names and aliases, a city's primary name, or an
exact ISO country name. Weak matches are kept apart: a name that only fuzzily finds a
country is a demonym ("Tajiks"), not a place.
"""

from __future__ import annotations

from functools import cache

import pycountry

from ..geocode import Place, cities_named, gazetteer_place, geocode


@cache
def strong_place(name: str) -> Place | None:
    """The place ``name`` certainly names, or None."""
    if not name or len(name) > 100 or not name[:1].isupper():
        return None
    place = gazetteer_place(name)
    if place is not None:
        return place
    if cities_named(name):
        return geocode(name, "city")
    try:
        code = pycountry.countries.lookup(name).alpha_2
    except LookupError:
        return None
    return geocode(name, "country") or None if code else None


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
