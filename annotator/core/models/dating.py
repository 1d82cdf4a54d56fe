"""What the investigator says about a photo's date (the claim) and where the photo was found
(the acquisition), plus the last date check's result so lists can show it without re-reading
the file.

Claims and acquisitions are evidence an examiner entered: every change is audited and bumps
`version`. The date check is derived data (recomputed from the photo, the claim, the
acquisition and the flight links), stored so `photos --json` and the browser need no file I/O.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from annotator.core.models.base import Base


class PhotoClaim(Base):
    """The claimed date (or date-time, in the place's local time) and place of one photo."""

    __tablename__ = "photo_claim"

    id: Mapped[int] = mapped_column(primary_key=True)
    photo_id: Mapped[int] = mapped_column(
        ForeignKey("photo.id", ondelete="CASCADE"), unique=True, index=True
    )
    claimed: Mapped[str | None] = mapped_column(String(40))  # 2023-10-27 or 2023-10-27T10:00
    place: Mapped[str | None] = mapped_column(String(80))  # ICAO code or "lat,lon"
    place_lat: Mapped[float | None] = mapped_column(Float)
    place_lon: Mapped[float | None] = mapped_column(Float)
    place_tz: Mapped[str | None] = mapped_column(String(64))  # IANA zone of the place
    source_text: Mapped[str | None] = mapped_column(Text)
    grade: Mapped[str | None] = mapped_column(String(2))  # Admiralty, e.g. B2
    updated_utc: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, default=1)


class Acquisition(Base):
    """Where and how a photo was found (source analysis, Berkeley Protocol)."""

    __tablename__ = "acquisition"

    id: Mapped[int] = mapped_column(primary_key=True)
    photo_id: Mapped[int] = mapped_column(
        ForeignKey("photo.id", ondelete="CASCADE"), unique=True, index=True
    )
    url: Mapped[str | None] = mapped_column(Text)
    platform: Mapped[str | None] = mapped_column(String(100))
    account: Mapped[str | None] = mapped_column(String(200))
    posted_utc: Mapped[datetime | None]
    archive_url: Mapped[str | None] = mapped_column(Text)
    acquired_utc: Mapped[datetime | None]
    acquired_by: Mapped[str | None] = mapped_column(String(200))
    grade: Mapped[str | None] = mapped_column(String(2))
    updated_utc: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)


class DateCheck(Base):
    """The last capture-date check of a photo (derived; `photo.date_verdict` mirrors it)."""

    __tablename__ = "date_check"

    id: Mapped[int] = mapped_column(primary_key=True)
    photo_id: Mapped[int] = mapped_column(
        ForeignKey("photo.id", ondelete="CASCADE"), unique=True, index=True
    )
    verdict: Mapped[str] = mapped_column(String(20))
    capture_utc_source: Mapped[str | None] = mapped_column(String(20))
    result: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # the check-date JSON
    checked_utc: Mapped[datetime]
