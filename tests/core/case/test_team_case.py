"""Team cases on PostgreSQL (issue 7): init/open by URL, no password in case.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.case.audit import verify_chain
from annotator.core.case.folder import Case
from annotator.core.errors import CaseUnavailable

pytestmark = pytest.mark.postgres


def test_init_with_db_names_the_url_and_open_uses_it(pg_url: str, tmp_path: Path, capsys):
    folder = tmp_path / "team"
    assert main(["init", str(folder), "--db", pg_url, "--examiner", "Ana"]) == 0
    settings = json.loads((folder / "case.json").read_text())
    assert settings["db"] == pg_url
    assert not (folder / "case.sqlite").exists() and (folder / "originals").is_dir()
    with Case.open(folder, examiner="Ben") as case:
        assert case.engine.dialect.name == "postgresql"
        with case.reading() as s:
            assert verify_chain(s).ok
    capsys.readouterr()
    assert main(["audit", str(folder), "--verify", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True


def test_a_password_in_the_url_is_refused_and_nothing_written(tmp_path: Path, capsys):
    folder = tmp_path / "team"
    url = "postgresql+psycopg://ana:secret@127.0.0.1:5432/test"
    assert main(["init", str(folder), "--db", url]) == 2
    assert "must not contain a password" in capsys.readouterr().err
    assert not (folder / "case.json").exists()


def test_a_url_without_user_or_with_a_port_is_not_mistaken_for_a_password(pg_url: str,
                                                                           tmp_path: Path):
    from annotator.core.case.folder import check_db_url

    check_db_url("postgresql+psycopg://127.0.0.1:5432/test")
    check_db_url(pg_url)
    with pytest.raises(CaseUnavailable, match="password"):
        check_db_url("postgresql+psycopg://u:p@h/db")


def test_a_second_case_in_the_same_database_is_refused(pg_url: str, tmp_path: Path):
    Case.create(tmp_path / "one", db_url=pg_url).close()
    with pytest.raises(CaseUnavailable, match="already holds a case"):
        Case.create(tmp_path / "two", db_url=pg_url)


def test_the_password_comes_from_the_environment(pg_url: str, tmp_path: Path, monkeypatch):
    """Trust auth ignores it, but the URL the engine uses carries it and case.json never does."""
    monkeypatch.setenv("ANNOTATOR_DB_PASSWORD", "s3cret")
    with Case.create(tmp_path / "team", db_url=pg_url) as case:
        assert case.engine.url.password == "s3cret"
    assert "s3cret" not in (tmp_path / "team" / "case.json").read_text()


def test_an_unreachable_server_fails_fast_with_one_line(tmp_path: Path):
    import time

    folder = tmp_path / "team"
    folder.mkdir()
    (folder / "case.json").write_text(json.dumps(
        {"format": 1, "db": "postgresql+psycopg://postgres@127.0.0.1:1/test"}))
    started = time.monotonic()
    with pytest.raises(CaseUnavailable, match="cannot open the case database"):
        Case.open(folder)
    assert time.monotonic() - started < 10


def test_cli_asks_for_the_password_on_a_terminal_only(monkeypatch):
    from annotator.cli.common import with_password_prompt

    seen: list[str | None] = []

    def attempt(password: str | None) -> str:
        seen.append(password)
        if password is None:
            raise CaseUnavailable("the database asks for a password", code="DB_PASSWORD")
        return "opened"

    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    with pytest.raises(CaseUnavailable):
        with_password_prompt(attempt)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt: "typed")
    assert with_password_prompt(attempt) == "opened"
    assert seen == [None, None, "typed"]


def test_an_authentication_failure_is_reported_as_needing_a_password(tmp_path: Path):
    from annotator.core.case.folder import _db_error

    exc = Exception('connection failed: FATAL:  password authentication failed for user "ana"')
    assert _db_error(tmp_path, "open", exc, None).code == "DB_PASSWORD"
    assert _db_error(tmp_path, "open", exc, "wrong").code != "DB_PASSWORD"


def test_an_edit_after_the_server_dropped_the_connection_reconnects(pg_url: str,
                                                                    tmp_path: Path):
    """pg_terminate_backend on the case's pooled connection: the next edit reconnects
    (pre-ping) instead of failing, and nothing of the earlier edits is lost."""
    from sqlalchemy import create_engine, text

    from annotator.core import boxes
    from annotator.core.boxes import BoxValues
    from tests.fixtures.boxes import add_jpeg

    with Case.create(tmp_path / "team", db_url=pg_url) as case:
        photo = add_jpeg(case, tmp_path / "in", "a.jpg", 640, 480, seed=1)
        made = boxes.create_box(case, photo, BoxValues(x=1, y=1, w=9, h=9))
        with case.engine.connect() as conn:
            pid = conn.execute(text("SELECT pg_backend_pid()")).scalar()
        admin = create_engine(pg_url)
        with admin.begin() as conn:
            assert conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid}).scalar()
        admin.dispose()
        boxes.update_box(case, made.id, expected_version=made.version, note="after the drop")
        with case.reading() as s:
            assert boxes.get_box(s, made.id).values.note == "after the drop"
            assert verify_chain(s).ok
