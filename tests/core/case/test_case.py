"""Case folders: creation, reopening, upgrades, refusing newer schemas, the CLI's exit codes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.case import schema
from annotator.core.case.audit import verify_chain
from annotator.core.case.folder import Case
from annotator.core.errors import CaseUnavailable


def test_init_makes_the_folder_layout_and_names_the_lead(tmp_path: Path, capsys):
    assert main(["init", str(tmp_path / "c"), "--name", "Bamako C-130", "--examiner", "Ana"]) == 0
    root = tmp_path / "c"
    assert (root / "case.sqlite").is_file()
    assert (root / "originals").is_dir() and (root / "thumbs").is_dir()
    with Case.open(root) as case, case.reading() as s:
        from annotator.core.models import AuditEvent, CaseRow

        record = s.query(CaseRow).one()
        assert record.name == "Bamako C-130" and record.lead_examiner == "Ana"
        event = s.query(AuditEvent).one()
        assert event.action == "case.create" and event.examiner == "Ana"


def test_sqlite_case_runs_in_wal_with_foreign_keys(case: Case):
    if case.engine.dialect.name != "sqlite":
        pytest.skip("WAL and PRAGMA foreign_keys are SQLite's")
    with case.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_init_refuses_an_existing_case(case: Case):
    with pytest.raises(CaseUnavailable):
        Case.create(case.root)


def test_opening_a_newer_case_is_refused_and_changes_nothing(case: Case):
    if case.engine.dialect.name != "sqlite":
        with case.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num='9999'")
        with pytest.raises(CaseUnavailable, match="newer version"):
            Case.open(case.root)
        with case.engine.connect() as conn:
            assert schema.stored_revision(conn) == "9999"
            assert conn.exec_driver_sql("SELECT count(*) FROM audit_event").scalar() == 1
        return
    db = case.root / "case.sqlite"
    case.close()
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num='9999'")
    con.commit()
    con.close()
    before = db.read_bytes()
    with pytest.raises(CaseUnavailable, match="newer version"):
        Case.open(case.root)
    assert db.read_bytes() == before


def test_opening_an_older_case_upgrades_it(tmp_path: Path):
    """A case written at the first revision (with an event hashed the old way, unsalted)
    opens upgraded to the head revision, and its audit chain still verifies."""
    import json

    from sqlalchemy import create_engine, inspect, text

    from annotator.core.case.audit import event_hash
    from annotator.core.models import Base
    from annotator.core.timeutil import utc_now

    root = tmp_path / "old"
    (root / "originals").mkdir(parents=True)
    (root / "thumbs").mkdir()
    (root / "case.json").write_text(json.dumps({"format": 1, "db": None}))
    engine = create_engine(f"sqlite:///{root / 'case.sqlite'}")
    now = utc_now()
    with engine.begin() as conn:
        schema.upgrade(conn, "0001")
        conn.execute(text("INSERT INTO \"case\" (id, name, lead_examiner, created_utc, labels) "
                          "VALUES (1, 'old', 'Ana', :t, '[\"aircraft\"]')"),
                     {"t": now.replace(tzinfo=None)})
        digest = event_hash("0" * 64, now, "Ana", "case.create", "case", "1", None, "{}")
        conn.execute(text("INSERT INTO audit_event (time_utc, examiner, action, object_type, "
                          "object_id, details, prev_hash, hash) VALUES (:t, 'Ana', "
                          "'case.create', 'case', '1', '{}', :p, :h)"),
                     {"t": now.replace(tzinfo=None), "p": "0" * 64, "h": digest})
    engine.dispose()
    reopened = Case.open(root)
    with reopened.engine.connect() as conn:
        assert schema.stored_revision(conn) == schema.HEAD
        tables = set(inspect(conn).get_table_names())
    assert {t.name for t in Base.metadata.sorted_tables} <= tables
    with reopened.writing() as s:
        reopened.audit(s, "note.add", "case", 1)  # a new, salted event after the old one
    with reopened.reading() as s:
        check = verify_chain(s)
    assert check.ok and check.count == 2
    reopened.close()


def test_migrations_match_the_models(case: Case):
    """The models and the migration chain describe the same schema (no forgotten migration)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from annotator.core.models import Base

    with case.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_revisions_list_matches_the_migration_files():
    files = sorted(p.name[:4] for p in schema.MIGRATIONS_DIR.joinpath("versions").glob("0*.py"))
    assert tuple(files) == schema.REVISIONS


def test_audit_verify_names_the_first_broken_link(case: Case, capsys):
    with case.writing() as s:
        case.audit(s, "note.add", "case", case.case_id, details={"text": "first"})
    with case.writing() as s:
        case.audit(s, "note.add", "case", case.case_id, details={"text": "second"})
    assert main(["audit", str(case.root), "--verify"]) == 0
    with case.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE audit_event SET details='{\"text\":\"forged\"}' WHERE id=2")
    capsys.readouterr()
    assert main(["audit", str(case.root), "--verify"]) == 1
    assert "event 2" in capsys.readouterr().out
    with case.reading() as s:
        assert verify_chain(s).first_broken_id == 2


def test_every_event_carries_the_examiner_from_the_environment(case: Case, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_EXAMINER", "Moussa")
    reopened = Case.open(case.root)
    with reopened.writing() as s:
        reopened.audit(s, "note.add", "case", 1)
    with reopened.reading() as s:
        from annotator.core.models import AuditEvent

        assert s.query(AuditEvent).order_by(AuditEvent.id.desc()).first().examiner == "Moussa"
    reopened.close()


@pytest.mark.parametrize(
    ("argv", "code"),
    [(["audit", "/nonexistent/case"], 2), (["init"], 2), (["no-such-command-x", "--bad"], 2)],
)
def test_cli_errors_are_one_line_with_the_right_exit_code(argv, code):
    out = subprocess.run([sys.executable, "-m", "annotator", *argv], capture_output=True, text=True)
    assert out.returncode == code
    assert len(out.stderr.strip().splitlines()) == 1
    assert "Traceback" not in out.stderr
