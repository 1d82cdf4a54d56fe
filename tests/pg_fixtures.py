"""PostgreSQL for tests: which server to use, and a fresh, throw-away schema per test.

The server comes from `ANNOTATOR_TEST_PG` (a SQLAlchemy URL of any database on it). Unset,
CI (`CI=true`) fails the PostgreSQL tests, since `.ci/run` must provide the server; a
developer's machine tries the usual 127.0.0.1:5432 and skips them with the reason when
nothing answers. A set but unreachable URL always fails: someone asked for it.

Each test gets its own schema (`CREATE SCHEMA`, reached through `search_path` in the case's
URL) rather than its own database: a schema costs milliseconds where CREATE/DROP DATABASE
costs seconds, and the migrations still run from scratch exactly as for a new team case.
"""

from __future__ import annotations

import functools
import os
import uuid
from urllib.parse import quote

import pytest

ENV_VAR = "ANNOTATOR_TEST_PG"
DEFAULT_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@functools.cache
def _probe(url: str) -> str | None:
    """None when the server answers, else why not (one line)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any failure is "unreachable", with its reason
        first = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or ["?"])[0]
        return first
    finally:
        engine.dispose()
    return None


def server_url() -> str:
    """The test server's URL, or fail/skip the calling test with a clear reason."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        problem = _probe(configured)
        if problem:
            pytest.fail(f"{ENV_VAR}={configured} is unreachable: {problem}", pytrace=False)
        return configured
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{ENV_VAR} is not set on CI: .ci/run must start PostgreSQL and export "
                    f"it (e.g. {DEFAULT_SERVER})", pytrace=False)
    problem = _probe(DEFAULT_SERVER)
    if problem:
        pytest.skip(f"no PostgreSQL server at 127.0.0.1:5432 ({problem}); set {ENV_VAR} "
                    "to a server URL to run the PostgreSQL tests")
    return DEFAULT_SERVER


def with_schema(server: str, schema: str) -> str:
    """`server`'s URL with `search_path` set to `schema`, for every connection."""
    sep = "&" if "?" in server else "?"
    return f"{server}{sep}options={quote(f'-csearch_path={schema}', safe='')}"


class ScratchSchemas:
    """Fresh schemas on the test server, all dropped by `drop_all` (teardown)."""

    def __init__(self) -> None:
        self.server = server_url()
        self._made: list[str] = []

    def new_url(self) -> str:
        from sqlalchemy import create_engine, text

        name = f"t_{os.getpid()}_{uuid.uuid4().hex[:10]}"
        engine = create_engine(self.server, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                conn.execute(text(f'CREATE SCHEMA "{name}"'))
        finally:
            engine.dispose()
        self._made.append(name)
        return with_schema(self.server, name)

    def drop_all(self) -> None:
        if not self._made:
            return
        from sqlalchemy import create_engine, text

        engine = create_engine(self.server, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                # A connection a test leaked would block the drop: fail loudly instead.
                conn.execute(text("SET lock_timeout = '20s'"))
                for name in self._made:
                    conn.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        finally:
            engine.dispose()
        self._made.clear()
