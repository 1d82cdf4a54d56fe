"""Schema revisions: which one a case is at, and bringing it up to the code's.

Alembic is imported only when a case must be created or upgraded, so opening an
up-to-date case costs one SELECT (start-up is a feature).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, inspect, text

from annotator.core.errors import CaseUnavailable

# Every revision this code knows, oldest first. A new migration appends its id here.
REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006")
HEAD = REVISIONS[-1]
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def stored_revision(connection: Connection) -> str | None:
    """The revision recorded in the database, or None for an empty database."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    return row[0] if row else None


def check_known(revision: str | None) -> None:
    """Refuse a database written by a newer annotator (a revision we do not know)."""
    if revision is not None and revision not in REVISIONS:
        raise CaseUnavailable(
            f"this case was written by a newer version of annotator (schema {revision}); "
            "upgrade annotator to open it — nothing was changed",
            code="CASE_SCHEMA_NEWER", revision=revision
        )


def upgrade(connection: Connection, target: str = "head") -> None:
    """Run the Alembic migrations on `connection` up to `target`."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    command.upgrade(config, target)
