"""Boxes drawn on photos, in displayed pixel space (after EXIF Orientation)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from annotator.core.models.base import Base


class Box(Base):
    """A rectangle around something in a photo, with what the investigator says it is."""

    __tablename__ = "box"

    id: Mapped[int] = mapped_column(primary_key=True)
    photo_id: Mapped[int] = mapped_column(ForeignKey("photo.id", ondelete="CASCADE"), index=True)
    x: Mapped[float] = mapped_column(Float)
    y: Mapped[float] = mapped_column(Float)
    w: Mapped[float] = mapped_column(Float)
    h: Mapped[float] = mapped_column(Float)
    label: Mapped[str] = mapped_column(String(100), default="aircraft")
    registration: Mapped[str | None] = mapped_column(String(40), index=True)
    registration_problem: Mapped[str | None] = mapped_column(Text)  # why it was flagged
    aircraft_type: Mapped[str | None] = mapped_column(String(100))
    operator: Mapped[str | None] = mapped_column(String(200))
    confidence: Mapped[str | None] = mapped_column(String(20))  # confirmed/probable/possible
    note: Mapped[str | None] = mapped_column(Text)
    created_utc: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(200))
    updated_utc: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)
