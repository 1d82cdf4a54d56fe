"""Heights of aircraft types (ground to fin tip), for dating a photo by a fin's shadow.

The table (`data/aircraft_heights.csv`) names its sources in `data/aircraft_heights.md`
beside it. A type is matched without case, spaces or hyphens, by its name or an alias
(`c130`, `C-130H`, `Hercules`); an unknown type is refused, never guessed.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from annotator.core.errors import InputRejected


@dataclass(frozen=True)
class AircraftHeight:
    """A type's height overall in metres, its spread (one standard deviation) and source."""

    type: str
    height_m: float
    height_error_m: float
    source: str

    @property
    def label(self) -> str:
        return f"{self.type}: height overall (fin tip) {self.height_m:g} m, table"


def _fold(text: str) -> str:
    return re.sub(r"[\s\-_]", "", text).casefold()


@cache
def _table() -> dict[str, AircraftHeight]:
    text = resources.files("annotator.core.reference").joinpath(
        "data/aircraft_heights.csv").read_text("utf-8")
    out: dict[str, AircraftHeight] = {}
    for row in csv.DictReader(text.splitlines()):
        entry = AircraftHeight(row["type"], float(row["height_m"]),
                               float(row["height_error_m"]), row["source"])
        for name in [row["type"], *row["aliases"].split(";")]:
            if name.strip():
                out.setdefault(_fold(name), entry)
    return out


def aircraft_types() -> list[str]:
    """The types the table knows, sorted."""
    return sorted({e.type for e in _table().values()})


def find_aircraft_height(text: str) -> AircraftHeight | None:
    return _table().get(_fold(text)) if text and text.strip() else None


def require_aircraft_height(text: str) -> AircraftHeight:
    """The table's entry for `text`, or InputRejected naming the known types."""
    found = find_aircraft_height(text)
    if found is None:
        known = ", ".join(aircraft_types())
        raise InputRejected(f"{text!r} is not an aircraft type of the heights table "
                            f"(known: {known}); type the height instead",
                            code="AIRCRAFT_TYPE_UNKNOWN", text=f"{text!r}", known=known)
    return found
