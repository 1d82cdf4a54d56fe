"""Open and create cases: a folder with `case.json`, `originals/`, `thumbs/` and a database.

The database is `case.sqlite` in the folder (WAL, foreign keys on) unless `case.json` names
another URL (PostgreSQL for teams; never with a password, which comes from the environment).
Writes go through `Case.writing()`: one short transaction that also appends the audit event.

A case on read-only media (a disc, a read-only share, a write-blocked drive) opens read-only:
SQLite is opened `immutable` (no journal, no -wal or -shm file is created), no migration
runs, and `Case.writing()` refuses with CaseReadOnly, so every write path says why.
`Case.open(..., read_only=True)` asks for the same on a writable folder.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from annotator.core.case import schema
from annotator.core.case.audit import append_event
from annotator.core.case.settings import current_examiner
from annotator.core.case.store import OriginalStore
from annotator.core.dating import refresh_photos
from annotator.core.errors import CaseReadOnly, CaseUnavailable, first_line
from annotator.core.models import CaseRow
from annotator.core.stale import take_stale
from annotator.core.timeutil import utc_now

CASE_FILE = "case.json"
SQLITE_FILE = "case.sqlite"
CASE_FORMAT = 1
NOTIFY_CHANNEL = "annotator_case"  # PostgreSQL: every audited change is announced here


def _sqlite_engine(db_path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{db_path}", connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, decide when a transaction begins (see `begin` below).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A write transaction takes the write lock up front, so two writers queue instead of
        # failing on a lock upgrade, and the audit chain head cannot be read stale.
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def _sqlite_read_only_engine(root: Path, db_path: Path) -> Engine:
    """SQLite opened for reading only, writing nothing beside the database: `immutable=1`
    (no locks, no -shm or -wal file). A -wal file left with changes in it (the case was not
    closed cleanly) holds data `immutable` would not see: then `mode=ro` reads it with the
    -shm file already there, or the case is refused with the reason."""
    import sqlite3

    wal = db_path.with_name(db_path.name + "-wal")
    pending = wal.exists() and wal.stat().st_size > 0
    if pending and not db_path.with_name(db_path.name + "-shm").exists():
        raise CaseUnavailable(
            f"{root}: the case was not closed cleanly ({wal.name} holds changes not yet in "
            f"{db_path.name}) and cannot be read where it is; copy the case folder to a "
            "writable disk and open the copy",
            code="CASE_READ_ONLY_UNCLEAN", root=root, wal=wal.name, db=db_path.name)
    uri = db_path.absolute().as_uri() + ("?mode=ro" if pending else "?mode=ro&immutable=1")
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(
        uri, uri=True, timeout=30, check_same_thread=False))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA query_only=ON")  # belt and braces: SQLite refuses any write
        cursor.close()

    return engine


def folder_writable(root: Path) -> bool:
    """Can this process write the case folder and its database? False on a read-only disc,
    share or write-blocked drive (EROFS), or without write permission. The probe file is
    anonymous (O_TMPFILE on Linux) and gone at once, so the folder is not changed."""
    db = root / SQLITE_FILE
    if not os.access(root, os.W_OK) or (db.exists() and not os.access(db, os.W_OK)):
        return False
    import tempfile

    try:
        with tempfile.TemporaryFile(dir=root):
            pass
    except OSError:
        return False
    return True


PASSWORD_ENV = "ANNOTATOR_DB_PASSWORD"
CONNECT_TIMEOUT_S = 5  # an unreachable server fails fast: the GUI must never hang on it
STATEMENT_TIMEOUT_MS = 60_000  # a stuck statement (a lock held by a crashed peer) ends too
# A connection cut mid-use (a cable pulled, a VPN dropped, a router rebooted) sends no reset:
# the client would wait for the kernel's retransmissions, about 15 minutes. Keepalives probe
# an idle connection, and `tcp_user_timeout` ends one whose data goes unacknowledged, so a
# save on a dead link fails within seconds and is kept pending (retried) instead.
PG_CONNECT_ARGS: dict[str, Any] = {
    "connect_timeout": CONNECT_TIMEOUT_S,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
    "tcp_user_timeout": 10_000,  # ms
}


def check_db_url(url: str) -> None:
    """Refuse a database URL that is unparsable or carries a password (case.json is shared,
    often on a network folder: the password comes from the environment or a prompt)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise CaseUnavailable(f"{url!r} is not a database URL",
                              code="DB_URL_INVALID", url=f"{url!r}") from exc
    if parsed.password is not None:
        raise CaseUnavailable("the database URL must not contain a password; "
                              f"set {PASSWORD_ENV} or type it when asked",
                              code="DB_URL_HAS_PASSWORD", password_env=PASSWORD_ENV)


def _url_engine(url: str, password: str | None = None) -> Engine:
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    password = password or os.environ.get(PASSWORD_ENV)
    if password and not parsed.password:
        parsed = parsed.set(password=password)
    if parsed.get_backend_name() != "postgresql":
        return create_engine(parsed, pool_pre_ping=True)
    engine = create_engine(parsed, pool_pre_ping=True,
                           connect_args=dict(PG_CONNECT_ARGS))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cursor = dbapi_conn.cursor()
        cursor.execute(f"SET statement_timeout = {STATEMENT_TIMEOUT_MS}")
        cursor.close()
        dbapi_conn.commit()

    return engine


def _needs_password(exc: BaseException) -> bool:
    text_ = str(getattr(exc, "orig", None) or exc).lower()
    return "password" in text_ and ("authentication failed" in text_ or "no password" in text_)


def _db_error(root: Path, doing: str, exc: BaseException, password: str | None) -> CaseUnavailable:
    """The one-line error for a database failure; `code="DB_PASSWORD"` when a password
    would help (the CLI then prompts on a terminal, the GUI asks in a dialog)."""
    if _needs_password(exc) and not password:
        return CaseUnavailable(f"{root}: the database asks for a password; set {PASSWORD_ENV} "
                               "or type it when asked", code="DB_PASSWORD", root=root,
                               password_env=PASSWORD_ENV)
    return CaseUnavailable(f"{root}: cannot {doing} the case database: {_one_line(exc)}",
                           code="CASE_DATABASE_FAILED", root=root, doing=doing,
                           detail=_one_line(exc))


class Case:
    """An open case. Thread-safe to share: sessions are made per call."""

    def __init__(self, root: Path, engine: Engine, db_url: str | None, examiner: str,
                 read_only: str | None = None) -> None:
        self.root = root
        self.engine = engine
        self.db_url = db_url
        self.examiner = examiner
        # Why the case is read-only ("media": its folder cannot be written; "asked": opened
        # read-only on purpose), or None when it can be changed.
        self.read_only_reason = read_only
        self.read_only = read_only is not None
        self.is_postgresql = engine.dialect.name == "postgresql"
        # Tells this process's own change notifications from the team's (LISTEN/NOTIFY).
        self.instance_id = uuid.uuid4().hex
        self.store = OriginalStore(root / "originals")
        self.thumbs_dir = root / "thumbs"
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        with self.reading() as session:
            record = session.execute(select(CaseRow).limit(1)).scalar_one_or_none()
        if record is None:
            raise CaseUnavailable(f"{root}: the database holds no case",
                                  code="CASE_DATABASE_EMPTY", root=root)
        self.case_id = record.id
        self.name = record.name

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        root: Path,
        *,
        name: str | None = None,
        examiner: str | None = None,
        db_url: str | None = None,
        password: str | None = None,
    ) -> Case:
        """Make a new case folder (refusing one that already holds a case). With `db_url`
        the records live in that database (a team's PostgreSQL) and case.json names it."""
        root = Path(root).absolute()
        if (root / CASE_FILE).exists() or (root / SQLITE_FILE).exists():
            raise CaseUnavailable(f"{root}: a case already exists here",
                                  code="CASE_EXISTS", root=root)
        if db_url:
            check_db_url(db_url)
        acting = current_examiner(examiner)
        try:
            root.mkdir(parents=True, exist_ok=True)
            (root / "originals").mkdir(exist_ok=True)
            (root / "thumbs").mkdir(exist_ok=True)
        except OSError as exc:
            raise CaseUnavailable(
                f"{root}: cannot create the case folder ({exc.strerror})",
                code="CASE_FOLDER_CREATE_FAILED", root=root, strerror=exc.strerror) from exc
        engine = _url_engine(db_url, password) if db_url else _sqlite_engine(root / SQLITE_FILE)
        try:
            with engine.begin() as conn:
                current = schema.stored_revision(conn)
                if current is not None:
                    raise CaseUnavailable("that database already holds a case",
                                          code="CASE_DATABASE_TAKEN")
                schema.upgrade(conn)
            with Session(engine) as session, session.begin():
                record = CaseRow(
                    name=name or root.name,
                    lead_examiner=examiner or acting,
                    created_utc=utc_now(),
                    labels=["aircraft"],
                )
                session.add(record)
                session.flush()
                append_event(
                    session,
                    examiner=acting,
                    action="case.create",
                    object_type="case",
                    object_id=record.id,
                    details={"name": record.name, "lead_examiner": record.lead_examiner,
                             "database": "postgresql" if db_url else "sqlite"},
                )
        except CaseUnavailable:
            engine.dispose()
            raise
        except SQLAlchemyError as exc:
            engine.dispose()
            raise _db_error(root, "create", exc, password) from exc
        (root / CASE_FILE).write_text(
            json.dumps({"format": CASE_FORMAT, "db": db_url}, indent=2) + "\n", encoding="utf-8"
        )
        return cls(root, engine, db_url, acting)

    @classmethod
    def open(cls, root: Path, *, examiner: str | None = None,
             password: str | None = None, read_only: bool | None = None) -> Case:
        """Open a case folder, upgrading an older schema; refuse a newer one untouched.

        `read_only`: None opens a SQLite case read-only when its folder cannot be written
        (read-only media), True always, False never (writes then fail as the disk says)."""
        root = Path(root).absolute()
        case_file = root / CASE_FILE
        if not root.is_dir():
            raise CaseUnavailable(f"{root}: no such case folder",
                                  code="CASE_FOLDER_MISSING", root=root)
        db_url: str | None = None
        if case_file.exists():
            try:
                db_url = json.loads(case_file.read_text(encoding="utf-8")).get("db")
            except (OSError, ValueError, AttributeError) as exc:
                raise CaseUnavailable(f"{case_file}: unreadable case file",
                                      code="CASE_FILE_UNREADABLE", case_file=case_file) from exc
        elif not (root / SQLITE_FILE).exists():
            raise CaseUnavailable(f"{root}: not a case folder (no {CASE_FILE})",
                                  code="CASE_FOLDER_NOT_A_CASE", root=root, case_file=CASE_FILE)
        if db_url:
            check_db_url(db_url)
        why = "asked" if read_only else None
        if read_only is None and not db_url and not folder_writable(root):
            why = "media"
        if why and not db_url:
            engine = _sqlite_read_only_engine(root, root / SQLITE_FILE)
        else:
            engine = (_url_engine(db_url, password) if db_url
                      else _sqlite_engine(root / SQLITE_FILE))
        try:
            with engine.connect() as conn:
                revision = schema.stored_revision(conn)
            schema.check_known(revision)
            if revision is None:
                raise CaseUnavailable(f"{root}: the database holds no case",
                                      code="CASE_DATABASE_EMPTY", root=root)
            if revision != schema.HEAD and why:
                raise CaseUnavailable(
                    f"{root}: this case was made by an older annotator (schema {revision}) and "
                    "is read-only here, so it cannot be upgraded; copy the case folder to a "
                    "writable disk and open the copy",
                    code="CASE_READ_ONLY_OLD_SCHEMA", root=root, revision=revision)
            if revision != schema.HEAD:
                with engine.begin() as conn:
                    schema.upgrade(conn)
            case = cls(root, engine, db_url, current_examiner(examiner), why)
        except CaseUnavailable:
            engine.dispose()
            raise
        except SQLAlchemyError as exc:
            engine.dispose()
            raise _db_error(root, "open", exc, password) from exc
        return case

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Case:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- sessions ------------------------------------------------------------------------

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session (nothing it does is committed)."""
        # Closing (not rolling back) keeps loaded objects usable after the block.
        with self._sessions() as session:
            yield session

    def read_only_error(self) -> CaseReadOnly:
        """The error every write to a read-only case raises: it says why, in one line."""
        if self.read_only_reason == "media":
            return CaseReadOnly(
                f"this case is read-only: its folder {self.root} cannot be written (read-only "
                "disc, share or write-blocked drive); nothing was changed",
                code="CASE_READ_ONLY_MEDIA", root=self.root)
        return CaseReadOnly("this case is read-only: it was opened read-only; nothing was "
                            "changed", code="CASE_READ_ONLY_OPENED")

    def check_writable(self) -> None:
        """Raise CaseReadOnly before a write that touches files first (an import)."""
        if self.read_only:
            raise self.read_only_error()

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One write transaction: commits on success, rolls back entirely on any error.
        Before it commits, the capture-date checks of the photos its writers marked
        (`mark_dating_stale`) are recomputed, in the same transaction. A read-only case
        refuses here (CaseReadOnly), before anything is written."""
        self.check_writable()
        with self.engine.connect() as conn:
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
            with Session(bind=conn, expire_on_commit=False) as session:
                with session.begin():
                    yield session
                    settle_dating(self, session)

    def audit(self, session: Session, action: str, object_type: str, object_id: object = None,
              *, photo_sha256: str | None = None, details: dict[str, Any] | None = None) -> None:
        """Append an audit event for the acting examiner, inside `session`'s transaction.

        On PostgreSQL it also announces the change to the team (NOTIFY on `NOTIFY_CHANNEL`,
        delivered only if the transaction commits), so other open windows refresh."""
        append_event(session, examiner=self.examiner, action=action, object_type=object_type,
                     object_id=object_id, photo_sha256=photo_sha256, details=details)
        if self.is_postgresql:
            payload = json.dumps({"action": action, "type": object_type,
                                  "id": None if object_id is None else str(object_id),
                                  "photo": photo_sha256, "origin": self.instance_id})
            session.execute(text("SELECT pg_notify(:channel, :payload)"),
                            {"channel": NOTIFY_CHANNEL, "payload": payload})

    def thumb_path(self, sha256: str) -> Path:
        return self.thumbs_dir / sha256[:2] / f"{sha256}.jpg"


def _one_line(exc: BaseException) -> str:
    return first_line(getattr(exc, "orig", None) or exc, type(exc).__name__)


def settle_dating(case: Case, session: Session) -> None:
    """Recompute the checks its writers marked stale (at the end of a write transaction)."""
    stale = take_stale(session)
    if stale:
        session.flush()
        refresh_photos(case, session, stale)
