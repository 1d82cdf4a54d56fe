"""UTC helpers: the core keeps every instant as an aware `datetime` in UTC."""

from __future__ import annotations

from datetime import UTC, datetime

from annotator.core.errors import InputRejected


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


def parse_given_utc(text: str, what: str) -> datetime:
    """A time the user typed (command line, a form): ISO 8601 with `Z` or an offset, as aware
    UTC. A time without a zone is refused rather than guessed (it could be local time
    anywhere), as is anything that is not ISO 8601; InputRejected names `what` it was for.
    A date alone (`2023-10-27`) is taken as that day's 00:00 UTC: it has no clock time."""
    cleaned = text.strip()
    try:
        value = datetime.fromisoformat(cleaned[:-1] + "+00:00" if cleaned.endswith(("Z", "z"))
                                       else cleaned)
    except ValueError:
        raise InputRejected(f"the {what} {text!r} is not an ISO 8601 time "
                            "(e.g. 2023-10-27T10:40Z)",
                            code="TIME_NOT_ISO", what=what, text=f"{text!r}") from None
    if value.tzinfo is None and ("T" in cleaned or " " in cleaned):
        raise InputRejected(f"the {what} {text!r} has no time zone: add Z or an offset "
                            "(e.g. 2023-10-29T14:00Z or 2023-10-29T14:00+01:00)",
                            code="TIME_ZONE_MISSING", what=what, text=f"{text!r}")
    result = as_utc(value)
    assert result is not None
    return result
