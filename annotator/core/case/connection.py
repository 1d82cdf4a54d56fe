"""Telling a lost database connection from other failures, without the caller (the GUI)
knowing the database library: an edit that failed because the server could not be reached
may succeed later and is kept pending; any other failure is reported."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError

from annotator.core.errors import CaseUnavailable

# Any failure of the database layer (for `except DATABASE_ERRORS:`).
DATABASE_ERRORS: tuple[type[BaseException], ...] = (SQLAlchemyError,)


def is_connection_error(exc: BaseException) -> bool:
    """True when the database could not be reached (the edit may succeed later)."""
    if isinstance(exc, OperationalError):
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(exc, CaseUnavailable) and exc.code == "DB_UNREACHABLE"
