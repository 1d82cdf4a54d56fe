"""LISTEN/NOTIFY on a PostgreSQL case (issue 7): committed changes are announced to other
sessions, rolled-back ones are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core import boxes
from annotator.core.boxes import BoxValues
from annotator.core.case.folder import Case
from annotator.core.case.live import ChangeListener, parse
from tests.fixtures.boxes import add_jpeg

pytestmark = pytest.mark.postgres


@pytest.fixture
def team(pg_url: str, tmp_path: Path):
    ana = Case.create(tmp_path / "team", db_url=pg_url, examiner="Ana")
    ben = Case.open(tmp_path / "team", examiner="Ben")
    listener = ChangeListener(ana)
    listener.connect()
    yield ana, ben, listener
    listener.close()
    ben.close()
    ana.close()


def _wait_for(listener: ChangeListener, action: str, rounds: int = 20):
    seen = []
    for _ in range(rounds):
        seen += listener.wait(0.5)
        hits = [c for c in seen if c.action == action]
        if hits:
            return hits, seen
    return [], seen


def test_a_box_saved_by_another_session_is_announced(team, tmp_path: Path):
    ana, ben, listener = team
    photo = add_jpeg(ben, tmp_path / "in", "a.jpg", 640, 480, seed=1)
    made = boxes.create_box(ben, photo, BoxValues(x=1, y=1, w=9, h=9))
    hits, _ = _wait_for(listener, "box.create")
    (change,) = hits
    assert change.object_type == "box" and change.object_id == str(made.id)
    assert change.origin == ben.instance_id != ana.instance_id
    with ben.reading() as s:
        assert change.photo_sha256 == boxes.get_box(s, made.id).photo_sha256


def test_a_rolled_back_change_is_not_announced(team, tmp_path: Path):
    ana, ben, listener = team
    photo = add_jpeg(ben, tmp_path / "in", "a.jpg", 640, 480, seed=1)
    with pytest.raises(RuntimeError), ben.writing() as s:
        ben.audit(s, "box.create", "box", 999)
        raise RuntimeError("the change fails after its audit event")
    boxes.create_box(ben, photo, BoxValues(x=1, y=1, w=9, h=9))  # a later, committed one
    hits, seen = _wait_for(listener, "box.create")
    assert [c.object_id for c in hits] != ["999"] and "999" not in [c.object_id for c in seen]


def test_payloads_that_are_not_ours_are_ignored():
    assert parse("not json") is None and parse('{"x": 1}') is None
