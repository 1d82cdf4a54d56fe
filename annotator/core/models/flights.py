"""Aircraft, their registrations over time, flights, and photo ↔ flight links.

An aircraft is one airframe (its ICAO 24-bit address is the stable key the receivers see);
a re-registered airframe keeps its row and gains an `AircraftRegistration`. A flight keeps the
registration as recorded by its source, so an import never depends on the aircraft being known.
Track points are kept raw (JSON) for display; coverage gaps are stored explicitly so nothing
downstream mistakes an absence of reception for an absence of flight.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from annotator.core.models.base import Base


class Aircraft(Base):
    """One airframe."""

    __tablename__ = "aircraft"

    id: Mapped[int] = mapped_column(primary_key=True)
    icao24: Mapped[str | None] = mapped_column(String(6), index=True)  # lower-case hex
    type_designator: Mapped[str | None] = mapped_column(String(10))  # ICAO Doc 8643, e.g. C130
    model: Mapped[str | None] = mapped_column(String(200))
    msn: Mapped[str | None] = mapped_column(String(60))
    operator: Mapped[str | None] = mapped_column(String(200))
    military: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)
    created_utc: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)


class AircraftRegistration(Base):
    """A registration an aircraft carried, from/to when (None: open-ended or unknown)."""

    __tablename__ = "aircraft_registration"

    id: Mapped[int] = mapped_column(primary_key=True)
    aircraft_id: Mapped[int] = mapped_column(
        ForeignKey("aircraft.id", ondelete="CASCADE"), index=True
    )
    registration: Mapped[str] = mapped_column(String(40), index=True)
    valid_from: Mapped[datetime | None]
    valid_to: Mapped[datetime | None]


class Flight(Base):
    """One flight (a leg): who flew, from where to where, when, and on whose word."""

    __tablename__ = "flight"

    id: Mapped[int] = mapped_column(primary_key=True)
    aircraft_id: Mapped[int | None] = mapped_column(
        ForeignKey("aircraft.id", ondelete="SET NULL"), index=True
    )
    registration: Mapped[str | None] = mapped_column(String(40), index=True)
    icao24: Mapped[str | None] = mapped_column(String(6), index=True)
    callsign: Mapped[str | None] = mapped_column(String(20))
    origin: Mapped[str | None] = mapped_column(String(4))  # ICAO airport code
    destination: Mapped[str | None] = mapped_column(String(4))
    departure_utc: Mapped[datetime | None] = mapped_column(index=True)
    departure_estimated: Mapped[bool] = mapped_column(Boolean, default=False)
    arrival_utc: Mapped[datetime | None] = mapped_column(index=True)
    arrival_estimated: Mapped[bool] = mapped_column(Boolean, default=False)
    # What the evidence bounds each time to (flights.times.flight_times reads them): null
    # where unbounded; both null with a stated time means the time is its own bound.
    departure_earliest_utc: Mapped[datetime | None]
    departure_latest_utc: Mapped[datetime | None]
    arrival_earliest_utc: Mapped[datetime | None]
    arrival_latest_utc: Mapped[datetime | None]
    source_kind: Mapped[str] = mapped_column(String(20))  # adsb/tracker/witness/official/manual
    source_ref: Mapped[str | None] = mapped_column(Text)  # URL or file name
    source_sha256: Mapped[str | None] = mapped_column(String(64))
    source_grade: Mapped[str | None] = mapped_column(String(2))  # Admiralty, e.g. B2
    notes: Mapped[str | None] = mapped_column(Text)
    track: Mapped[list[Any]] = mapped_column(JSON, default=list)  # raw points for display
    coverage_gaps: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [[start, end] ISO]
    created_utc: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(200))
    updated_utc: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)


class PhotoFlightLink(Base):
    """An examiner's statement that a photo documents a flight, and how."""

    __tablename__ = "photo_flight_link"

    photo_id: Mapped[int] = mapped_column(
        ForeignKey("photo.id", ondelete="CASCADE"), primary_key=True
    )
    flight_id: Mapped[int] = mapped_column(
        ForeignKey("flight.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    relation: Mapped[str] = mapped_column(String(20), default="unknown")
    note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(200))
    created_utc: Mapped[datetime]
