"""Which module reads which format: `read(source, overrides) -> list[FlightDraft]` each."""

from __future__ import annotations

from collections.abc import Callable

from annotator.core.flights.importers import (
    flights_csv,
    fr24,
    kml,
    opensky,
    opensky_states,
    readsb,
)
from annotator.core.flights.importers.source import ImportOverrides, SourceFile
from annotator.core.flights.records import FlightDraft

Reader = Callable[[SourceFile, ImportOverrides], list[FlightDraft]]

READERS: dict[str, Reader] = {
    "csv": flights_csv.read,
    "readsb": readsb.read,
    "fr24": fr24.read,
    "kml": kml.read,
    "opensky": opensky.read,
    "opensky-states": opensky_states.read,
}
