"""Reference data and its lookups: airports (with aliases), aircraft registration marks and
ICAO address blocks, aircraft types' heights (for shadows), time zones; the data files live
in `data/`.

Other packages import from here only (`__all__`).
"""

from __future__ import annotations

from annotator.core.reference.aircraft_heights import (
    AircraftHeight,
    aircraft_types,
    find_aircraft_height,
    require_aircraft_height,
)
from annotator.core.reference.airports import (
    distance_km,
    find_airport,
    nearest_airport,
    require_airport,
)
from annotator.core.reference.registration import (
    check_icao24,
    normalize_registration,
    parse_icao24,
    registration_matches,
)
from annotator.core.reference.timezones import format_offset, offset_at_local, zone, zone_at

__all__ = [
    "AircraftHeight",
    "aircraft_types",
    "find_aircraft_height",
    "require_aircraft_height",
    "check_icao24",
    "distance_km",
    "find_airport",
    "format_offset",
    "nearest_airport",
    "normalize_registration",
    "offset_at_local",
    "parse_icao24",
    "registration_matches",
    "require_airport",
    "zone",
    "zone_at",
]
