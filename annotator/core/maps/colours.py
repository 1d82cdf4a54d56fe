"""How tracks are coloured on the map, shared by the GUI's map and the Qt-free renderer so the
two agree: one colour for every track (`SINGLE`), a colour per flight (`FLIGHT`, from a
palette that stays apart on the base map's sand and blue), or the received altitude
(`ALTITUDE`, a ramp from low to high over `ALTITUDE_BANDS` bands up to the highest altitude
shown, rounded up to a round figure, so the legend reads in plain numbers).

A track is cut into runs of one colour (`coloured_runs`); neighbouring runs share their end
point so the line stays unbroken. A fix with no altitude is drawn in `NO_ALTITUDE` grey:
unknown is shown as unknown, never as the ramp's bottom.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from annotator.core.maps.geometry import LonLat, MapData, TrackPiece

SINGLE, ALTITUDE, FLIGHT = "single", "altitude", "flight"
COLOUR_MODES = (SINGLE, ALTITUDE, FLIGHT)
TRACK = "#1f5fa8"
NO_ALTITUDE = "#8c8c8c"
ALTITUDE_BANDS = 8
# Low (green) to high (purple): readable on sand and on blue, and in grey print.
RAMP = ("#1a9850", "#91cf60", "#d9d92b", "#fdae61", "#f46d43", "#d73027", "#a50f4d",
        "#5e1a8a")
FLIGHT_PALETTE = ("#1f5fa8", "#d95f02", "#1b9e77", "#7570b3", "#e7298a", "#66a61e",
                  "#a6761d", "#e6ab02", "#17becf", "#8c564b")


@dataclass(frozen=True)
class AltitudeScale:
    """Altitudes 0 … `top` feet in `bands` equal bands, each with its colour."""

    top: float
    bands: int = ALTITUDE_BANDS

    @classmethod
    def for_map(cls, data: MapData, bands: int = ALTITUDE_BANDS) -> AltitudeScale | None:
        """The scale for the tracks of `data` (None: no fix has an altitude)."""
        highest = max((f.alt_ft for t in data.tracks for f in t.fixes
                       if f.alt_ft is not None), default=None)
        if highest is None:
            return None
        step = 1000.0 if highest <= 10_000 else 5000.0
        return cls(max(step, math.ceil(max(highest, 1.0) / step) * step), bands)

    def band(self, alt_ft: float | None) -> int | None:
        if alt_ft is None or not math.isfinite(alt_ft):
            return None
        return max(0, min(self.bands - 1, int(alt_ft / self.top * self.bands)))

    def colour(self, band: int | None) -> str:
        if band is None:
            return NO_ALTITUDE
        return RAMP[min(len(RAMP) - 1, band * len(RAMP) // self.bands)]

    def limits(self) -> list[tuple[float, float, str]]:
        """(from ft, to ft, colour) of each band, low first: the legend."""
        size = self.top / self.bands
        return [(i * size, (i + 1) * size, self.colour(i)) for i in range(self.bands)]


def flight_colour(index: int) -> str:
    """The colour of the `index`-th flight drawn (palette order, repeating)."""
    return FLIGHT_PALETTE[index % len(FLIGHT_PALETTE)]


def flight_colours(data: MapData) -> dict[int, str]:
    """flight id → its colour: tracked flights and legs alike, in the order they are drawn."""
    ids: list[int] = []
    for flight_id in [t.flight_id for t in data.tracks] + [g.flight_id for g in data.legs]:
        if flight_id not in ids:
            ids.append(flight_id)
    return {flight_id: flight_colour(i) for i, flight_id in enumerate(ids)}


@dataclass(frozen=True)
class Run:
    """A stretch of a track piece drawn in one colour."""

    colour: str
    coords: list[LonLat]
    times: list[datetime]


def coloured_runs(piece: TrackPiece, colour_of: Callable[[int], str]) -> list[Run]:
    """`piece` cut where `colour_of(i)` (the colour of the segment from point i to i + 1)
    changes; runs share their end points. A piece of one point gives one run."""
    coords, times = piece.coords, piece.times
    if len(coords) < 2:
        return [Run(colour_of(0), list(coords), list(times))]
    runs: list[Run] = []
    start, current = 0, colour_of(0)
    for i in range(1, len(coords) - 1):
        colour = colour_of(i)
        if colour != current:
            runs.append(Run(current, coords[start:i + 1], times[start:i + 1]))
            start, current = i, colour
    runs.append(Run(current, coords[start:], times[start:]))
    return runs


def track_runs(data: MapData, mode: str) -> list[tuple[int, bool, Run]]:
    """Every track of `data` as (flight id, gap, run) in the colours of `mode`. A segment's
    altitude is its higher end's (a climb shows the level reached); a coverage gap's bridge
    is drawn in its flight's colour (`FLIGHT`) or the plain track colour."""
    scale = AltitudeScale.for_map(data) if mode == ALTITUDE else None
    by_flight = flight_colours(data) if mode == FLIGHT else {}
    out: list[tuple[int, bool, Run]] = []
    for track in data.tracks:
        plain = by_flight.get(track.flight_id, TRACK)
        for piece in track.pieces():
            if scale is None or piece.gap:
                out.append((track.flight_id, piece.gap,
                            Run(plain, piece.coords, piece.times)))
                continue
            out.extend((track.flight_id, False, run)
                       for run in coloured_runs(piece, _altitude_colour(piece.alts, scale)))
    return out


def _altitude_colour(alts: Sequence[float | None], scale: AltitudeScale
                     ) -> Callable[[int], str]:
    def colour(i: int) -> str:
        a = alts[i] if i < len(alts) else None
        b = alts[i + 1] if i + 1 < len(alts) else a
        known = [x for x in (a, b) if x is not None]
        return scale.colour(scale.band(max(known)) if known else None)

    return colour


__all__ = ["ALTITUDE", "AltitudeScale", "COLOUR_MODES", "FLIGHT", "Run", "SINGLE",
           "coloured_runs", "flight_colour", "flight_colours", "track_runs"]
