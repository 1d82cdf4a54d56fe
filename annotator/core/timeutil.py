"""UTC helpers: the core keeps every instant as an aware `datetime` in UTC."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    """Now, aware, in UTC, to the microsecond."""
    return datetime.now(UTC)


def as_utc(value: datetime | None) -> datetime | None:
    """Return `value` as aware UTC; a naive value is taken to be UTC already (as stored)."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def iso_z(value: datetime | None) -> str | None:
    """ISO 8601 with a trailing `Z` (`2023-10-27T10:15:00Z`); sub-seconds only when present."""
    value = as_utc(value)
    if value is None:
        return None
    text = value.replace(tzinfo=None).isoformat()
    return text + "Z"


def parse_iso_utc(text: str) -> datetime:
    """Parse `2023-10-27T15:02Z`, `…:00+01:00` or a naive ISO string (taken as UTC)."""
    cleaned = text.strip()
    if cleaned.endswith(("Z", "z")):
        cleaned = cleaned[:-1] + "+00:00"
    value = datetime.fromisoformat(cleaned)
    result = as_utc(value)
    assert result is not None
    return result
