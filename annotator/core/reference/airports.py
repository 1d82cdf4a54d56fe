"""Airports: look-ups by ICAO, IATA or a local name, and the nearest airport to a position.

The data comes from the `airportsdata` package (ICAO code, IATA code, name, position, time
zone); local names investigators meet in sources (`Modibo Keita International`, `Sénou`) map
to ICAO codes through `data/airport_aliases.csv`. Both are loaded on first use and cached:
airportsdata takes a noticeable fraction of a second to load, and most commands never need it.
"""

from __future__ import annotations

import csv
import math
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from annotator.core.errors import InputRejected

EARTH_RADIUS_KM = 6371.0088
DEFAULT_NEAREST_KM = 5.0


@dataclass(frozen=True)
class Airport:
    icao: str
    iata: str | None
    name: str
    city: str | None
    country: str  # ISO 3166-1 alpha-2
    lat: float
    lon: float
    tz: str | None
    elevation_ft: float | None


@dataclass(frozen=True)
class NearAirport:
    airport: Airport
    distance_km: float


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key for names."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join("".join(c if c.isalnum() else " " for c in plain.lower()).split())


def preload() -> None:
    """Load the airport tables now (from a worker), not on the first lookup in the GUI."""
    _by_icao()
    _by_iata()
    _aliases()


@cache
def _by_icao() -> dict[str, Airport]:
    import airportsdata

    table = {}
    for code, row in airportsdata.load("ICAO").items():
        table[code] = Airport(
            icao=code,
            iata=row.get("iata") or None,
            name=row.get("name") or code,
            city=row.get("city") or None,
            country=row.get("country") or "",
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            tz=row.get("tz") or None,
            elevation_ft=row.get("elevation"),
        )
    return table


@cache
def _by_iata() -> dict[str, Airport]:
    return {a.iata: a for a in _by_icao().values() if a.iata}


@cache
def _aliases() -> dict[str, str]:
    text = (
        resources.files("annotator.core.reference").joinpath("data/airport_aliases.csv").read_text("utf-8")
    )
    return {_fold(row["alias"]): row["icao"] for row in csv.DictReader(text.splitlines())}


@cache
def _grid() -> dict[tuple[int, int], list[Airport]]:
    """Airports bucketed by whole degree, so a nearest-airport query reads a few buckets."""
    cells: dict[tuple[int, int], list[Airport]] = {}
    for airport in _by_icao().values():
        cells.setdefault((math.floor(airport.lat), math.floor(airport.lon)), []).append(airport)
    return cells


def find_airport(text: str) -> Airport | None:
    """The airport an ICAO code, IATA code or known local name stands for, else None."""
    key = (text or "").strip()
    if not key:
        return None
    upper = key.upper()
    if len(upper) == 4 and upper in _by_icao():
        return _by_icao()[upper]
    # A name typed in mixed case is a name first: "Gao" is Gao, "GAO" is IATA Guantánamo.
    code = _aliases().get(_fold(key))
    if code and key != upper:
        return _by_icao().get(code)
    if len(upper) == 3 and upper in _by_iata():
        return _by_iata()[upper]
    return _by_icao().get(code) if code else None


def require_airport(text: str) -> Airport:
    """Like `find_airport`, but an unknown name is refused with a sentence for the user."""
    airport = find_airport(text)
    if airport is None:
        raise InputRejected(f"{text!r} is not a known airport (give its ICAO or IATA code).",
                            code="AIRPORT_UNKNOWN", text=f"{text!r}")
    return airport


def nearest_airport(
    lat: float, lon: float, max_km: float = DEFAULT_NEAREST_KM
) -> NearAirport | None:
    """The closest airport within `max_km` of a position, or None."""
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    reach_lat = max_km / 111.0 + 1
    reach_lon = max_km / (111.0 * max(0.05, math.cos(math.radians(lat)))) + 1
    best: NearAirport | None = None
    grid = _grid()
    for cell_lat in range(math.floor(lat - reach_lat), math.floor(lat + reach_lat) + 1):
        for cell_lon in range(math.floor(lon - reach_lon), math.floor(lon + reach_lon) + 1):
            wrapped = ((cell_lon + 180) % 360) - 180
            for airport in grid.get((cell_lat, wrapped), ()):
                d = distance_km(lat, lon, airport.lat, airport.lon)
                if d <= max_km and (best is None or d < best.distance_km):
                    best = NearAirport(airport, d)
    return best
