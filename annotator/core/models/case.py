"""Tables of the core: the case itself, photos, their extra source paths, and the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from annotator.core.models.base import Base


class CaseRow(Base):
    """One investigation. A case database holds exactly one row."""

    __tablename__ = "case"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    lead_examiner: Mapped[str | None] = mapped_column(String(200))
    created_utc: Mapped[datetime]
    labels: Mapped[list[Any]] = mapped_column(JSON, default=lambda: ["aircraft"])


class Photo(Base):
    """An imported original: its identity (hashes), where it came from, and what it says.

    `width`/`height` are the displayed size (after EXIF Orientation, or the HEIF container's
    own transforms); `stored_width`/`stored_height` are the decoder's pixel size. Boxes are
    stored in displayed pixel space.
    """

    __tablename__ = "photo"
    __table_args__ = (UniqueConstraint("case_id", "sha256", name="uq_photo_case_sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    md5: Mapped[str] = mapped_column(String(32))
    size: Mapped[int] = mapped_column(BigInteger)
    original_name: Mapped[str] = mapped_column(String(500), index=True)
    original_path: Mapped[str] = mapped_column(Text)
    file_mtime_utc: Mapped[datetime | None]
    imported_utc: Mapped[datetime]
    importer: Mapped[str] = mapped_column(String(200))
    format: Mapped[str] = mapped_column(String(20))
    stored_width: Mapped[int] = mapped_column(Integer)
    stored_height: Mapped[int] = mapped_column(Integer)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    orientation: Mapped[int | None] = mapped_column(Integer)
    capture_local: Mapped[str | None] = mapped_column(String(40))  # DateTimeOriginal, ISO
    capture_utc: Mapped[datetime | None] = mapped_column(index=True)  # best estimate, if any
    date_verdict: Mapped[str | None] = mapped_column(String(20), index=True)
    has_thumbnail: Mapped[bool] = mapped_column(default=False)
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # normalized metadata
    raw_tags: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # every tag, raw
    version: Mapped[int] = mapped_column(Integer, default=1)

    sources: Mapped[list[PhotoSource]] = relationship(
        back_populates="photo", cascade="all, delete-orphan", order_by="PhotoSource.id"
    )


class PhotoSource(Base):
    """A path the same bytes were imported from (the first one and every later one)."""

    __tablename__ = "photo_source"

    id: Mapped[int] = mapped_column(primary_key=True)
    photo_id: Mapped[int] = mapped_column(ForeignKey("photo.id", ondelete="CASCADE"), index=True)
    path: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(String(500))
    file_mtime_utc: Mapped[datetime | None]
    recorded_utc: Mapped[datetime]
    examiner: Mapped[str] = mapped_column(String(200))

    photo: Mapped[Photo] = relationship(back_populates="sources")


class AuditEvent(Base):
    """One link of the hash-chained audit log: `hash` covers this event and `prev_hash`."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    time_utc: Mapped[datetime]
    examiner: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(60), index=True)
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[str | None] = mapped_column(String(80), index=True)
    photo_sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    details: Mapped[str] = mapped_column(Text)  # canonical JSON, exactly as hashed
    # Random, hashed with the content (see audit.content_digest); "" before schema 0004.
    salt: Mapped[str] = mapped_column(String(32), default="", server_default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
