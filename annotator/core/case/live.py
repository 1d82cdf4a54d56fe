"""Other team members' changes as they happen: PostgreSQL LISTEN on the case's channel.

Every audited change on a PostgreSQL case sends `NOTIFY annotator_case, '<json>'` inside its
own transaction (see `Case.audit`), so a notification means a committed change. A listener
holds one dedicated connection (not one from the engine's pool: a pooled connection would
lose its LISTEN when returned) and hands back the changes it has been told about. Qt-free:
the GUI runs it on a thread and turns changes into its session signals.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from annotator.core.case.folder import NOTIFY_CHANNEL, PG_CONNECT_ARGS

if TYPE_CHECKING:
    from annotator.core.case import Case


@dataclass(frozen=True)
class Change:
    """One committed change another process (or this one: see `origin`) announced."""

    action: str
    object_type: str
    object_id: str | None
    photo_sha256: str | None
    origin: str | None


def parse(payload: str) -> Change | None:
    """The change in a notification's payload; None for anything not ours."""
    try:
        data = json.loads(payload)
        return Change(str(data["action"]), str(data["type"]), data.get("id"),
                      data.get("photo"), data.get("origin"))
    except (ValueError, KeyError, TypeError):
        return None


def conninfo(engine_url: Any) -> str:
    """A libpq connection string for the engine's database (psycopg, no SQLAlchemy)."""
    return engine_url.set(drivername="postgresql").render_as_string(hide_password=False)


class ChangeListener:
    """LISTEN on a PostgreSQL case's channel over a connection of its own."""

    def __init__(self, case: Case) -> None:
        if not case.is_postgresql:
            raise ValueError("live updates need a PostgreSQL case")
        self._conninfo = conninfo(case.engine.url)
        self._conn: Any = None

    @property
    def connected(self) -> bool:
        return self._conn is not None and not self._conn.closed

    def connect(self) -> None:
        """Open the connection and LISTEN (raises psycopg.OperationalError when it cannot)."""
        import psycopg

        self.close()
        conn = psycopg.connect(self._conninfo, autocommit=True, **PG_CONNECT_ARGS)
        conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
        self._conn = conn

    def wait(self, timeout: float) -> list[Change]:
        """The changes announced within `timeout` seconds (returns early once some came)."""
        if not self.connected:
            self.connect()
        notes = list(self._conn.notifies(timeout=timeout, stop_after=1))
        if notes:  # drain what else is already there, then hand the batch over
            notes += list(self._conn.notifies(timeout=0.05))
        return [c for c in (parse(n.payload) for n in notes) if c is not None]

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None
