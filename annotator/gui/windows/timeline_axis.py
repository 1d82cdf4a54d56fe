"""The timeline's time axis: which ticks to draw at a given scale, and where they fall.

Pure Python (no Qt), so the choice of step is testable on its own. Ticks are wall-clock
instants in the zone the investigator shows times in (UTC, or the computer's local time):
whole minutes, hours, days, months or years, the step the smallest whose labels still fit.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

MINUTE, HOUR, DAY, MONTH, YEAR = "minute", "hour", "day", "month", "year"
_SECONDS = {MINUTE: 60.0, HOUR: 3600.0, DAY: 86400.0, MONTH: 30.44 * 86400, YEAR: 365.25 * 86400}
# The label each unit needs, in pixels with room around it ("10:40", "27 Oct", "Oct 2023").
_LABEL_PX = {MINUTE: 48.0, HOUR: 48.0, DAY: 58.0, MONTH: 62.0, YEAR: 48.0}
STEPS: tuple[tuple[str, int], ...] = (
    (MINUTE, 1), (MINUTE, 2), (MINUTE, 5), (MINUTE, 10), (MINUTE, 15), (MINUTE, 30),
    (HOUR, 1), (HOUR, 2), (HOUR, 3), (HOUR, 6), (HOUR, 12),
    (DAY, 1), (DAY, 2), (DAY, 5), (DAY, 10),
    (MONTH, 1), (MONTH, 3), (MONTH, 6),
    (YEAR, 1), (YEAR, 2), (YEAR, 5), (YEAR, 10), (YEAR, 50),
)
# The band above the ticks names the larger unit they sit in.
CONTEXT = {MINUTE: DAY, HOUR: DAY, DAY: MONTH, MONTH: YEAR, YEAR: None}


@dataclass(frozen=True)
class Step:
    unit: str
    count: int

    def seconds(self) -> float:
        return _SECONDS[self.unit] * self.count


def choose_step(px_per_hour: float) -> Step:
    """The finest step whose ticks are at least a label apart at this scale."""
    for unit, count in STEPS:
        if _SECONDS[unit] * count / 3600 * px_per_hour >= _LABEL_PX[unit]:
            return Step(unit, count)
    return Step(*STEPS[-1])


def _wall(instant: datetime, local: bool) -> datetime:
    """The naive wall-clock time of an aware instant in the display zone."""
    return (instant.astimezone() if local else instant.astimezone(UTC)).replace(tzinfo=None)


def _instant(wall: datetime, local: bool) -> datetime:
    # A naive time's astimezone() reads it as the computer's local time (summer time included).
    return wall.astimezone(UTC) if local else wall.replace(tzinfo=UTC)


def _floor(wall: datetime, step: Step) -> datetime:
    if step.unit == MINUTE:
        return wall.replace(minute=wall.minute - wall.minute % step.count, second=0,
                            microsecond=0)
    if step.unit == HOUR:
        return wall.replace(hour=wall.hour - wall.hour % step.count, minute=0, second=0,
                            microsecond=0)
    if step.unit == DAY:
        day = wall.day - (wall.day - 1) % step.count
        return wall.replace(day=day, hour=0, minute=0, second=0, microsecond=0)
    if step.unit == MONTH:
        month = wall.month - (wall.month - 1) % step.count
        return wall.replace(month=month, day=1, hour=0, minute=0, second=0, microsecond=0)
    return wall.replace(year=wall.year - wall.year % step.count, month=1, day=1, hour=0,
                        minute=0, second=0, microsecond=0)


def _next(wall: datetime, step: Step) -> datetime:
    if step.unit == MINUTE:
        return wall + timedelta(minutes=step.count)
    if step.unit == HOUR:
        return wall + timedelta(hours=step.count)
    if step.unit == DAY:
        following = wall + timedelta(days=step.count)
        if following.month != wall.month or following.day + step.count > 32:
            # Days restart at the 1st of each month (1, 6, 11… never 31 then 5).
            following = (wall.replace(day=28) + timedelta(days=4)).replace(day=1)
        return following
    if step.unit == MONTH:
        month = wall.month - 1 + step.count
        return wall.replace(year=wall.year + month // 12, month=month % 12 + 1)
    return wall.replace(year=wall.year + step.count)


def ticks(start: datetime, end: datetime, step: Step, *,
          local: bool = False) -> Iterator[tuple[datetime, datetime]]:
    """(instant in UTC, wall-clock time) of every tick from the one at or before `start` to
    the first after `end`."""
    wall = _floor(_wall(start, local), step)
    limit = 100_000  # a guard: a view is never this many labels wide
    while limit:
        limit -= 1
        instant = _instant(wall, local)
        yield instant, wall
        if instant > end:
            return
        wall = _next(wall, step)
