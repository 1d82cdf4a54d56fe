"""Showing instants as the investigator chose in Settings ("Show times in"): UTC, or the
computer's local time with its offset. Storage and the packet stay UTC; only display follows.
"""

from __future__ import annotations

from datetime import datetime

from annotator.core.case.settings import load_settings
from annotator.core.timeutil import as_utc, parse_iso_utc


def local_display() -> bool:
    return load_settings().get("time_display") == "local"


def show_instant(value: datetime | str | None, *, seconds: bool = True,
                 local: bool | None = None) -> str:
    """`2023-10-27 10:15:00 UTC`, or in local mode `2023-10-27 11:15:00 +01:00`; "" for None.

    An ISO text (`…Z`) is accepted too, as the core's JSON gives it. `local` overrides the
    setting (a list showing many rows reads it once, not once per row).
    """
    if value is None or value == "":
        return ""
    instant = parse_iso_utc(value) if isinstance(value, str) else as_utc(value)
    assert instant is not None
    pattern = "%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M"
    if local_display() if local is None else local:
        local = instant.astimezone()
        offset = local.strftime("%z")
        return f"{local.strftime(pattern)} {offset[:3]}:{offset[3:]}"
    return f"{instant.strftime(pattern)} UTC"
