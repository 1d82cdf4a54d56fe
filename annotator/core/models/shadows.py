"""A shadow measured on a photo (issue 18): the investigator's marks and the sun they give.

Evidence an examiner entered: every change is audited and bumps `version`. One measurement
per photo; the capture-date check reads `azimuth`…`elevation_error` and the place.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from annotator.core.models.base import Base


class PhotoShadow(Base):
    """The marks (`ShadowMarks.to_json()`), the measured sun with its 95 % errors, and the
    place and local date the windows were computed for."""

    __tablename__ = "photo_shadow"

    id: Mapped[int] = mapped_column(primary_key=True)
    photo_id: Mapped[int] = mapped_column(
        ForeignKey("photo.id", ondelete="CASCADE"), unique=True, index=True
    )
    marks: Mapped[dict[str, Any]] = mapped_column(JSON)
    azimuth: Mapped[float] = mapped_column(Float)
    azimuth_error: Mapped[float] = mapped_column(Float)
    elevation: Mapped[float | None] = mapped_column(Float)
    elevation_error: Mapped[float | None] = mapped_column(Float)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)  # `annotator shadow --json`
    place: Mapped[str | None] = mapped_column(String(80))
    place_lat: Mapped[float | None] = mapped_column(Float)
    place_lon: Mapped[float | None] = mapped_column(Float)
    place_tz: Mapped[str | None] = mapped_column(String(64))
    day: Mapped[str | None] = mapped_column(String(10))  # local date, 2023-10-27
    updated_utc: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, default=1)
