"""Optimistic locking (issue 7): a stale edit is a conflict, audited with both values;
nothing is silently overwritten. Runs on SQLite and PostgreSQL (`case` fixture); the
two-engine tests need PostgreSQL itself."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from annotator.core import boxes
from annotator.core.boxes import BoxValues
from annotator.core.case.audit import verify_chain
from annotator.core.case.folder import Case
from annotator.core.dating.claims import get_claim, set_claim
from annotator.core.errors import EditConflict
from annotator.core.models import AuditEvent
from tests.fixtures.boxes import add_jpeg


def _events(case, action):
    with case.reading() as s:
        rows = s.execute(select(AuditEvent).where(AuditEvent.action == action)
                         .order_by(AuditEvent.id)).scalars()
        return [json.loads(e.details) for e in rows]


@pytest.fixture
def box(case, tmp_path):
    photo = add_jpeg(case, tmp_path / "in", "a.jpg", 640, 480, seed=1)
    return boxes.create_box(case, photo, BoxValues(x=10, y=10, w=50, h=40, registration="5U-MBH"))


def test_a_stale_box_edit_is_a_conflict_with_both_values_audited(case, box):
    boxes.update_box(case, box.id, expected_version=box.version, registration="TZ-ABC")
    with pytest.raises(EditConflict) as caught:
        boxes.update_box(case, box.id, expected_version=box.version, registration="5U-ABC")
    conflict = caught.value
    assert conflict.mine == {"registration": "5U-ABC"}
    assert conflict.theirs == {"registration": "TZ-ABC"}
    assert (conflict.expected_version, conflict.current_version) == (1, 2)
    with case.reading() as s:
        assert boxes.get_box(s, box.id).values.registration == "TZ-ABC"  # not overwritten
        assert verify_chain(s).ok
    [event] = _events(case, "box.update_conflict")
    assert event["mine"] == {"registration": "5U-ABC"}
    assert event["theirs"] == {"registration": "TZ-ABC"}


def test_applying_mine_after_a_conflict_uses_the_fresh_version_and_says_so(case, box):
    boxes.update_box(case, box.id, expected_version=1, x=20)
    with pytest.raises(EditConflict) as caught:
        boxes.edit_boxes(case, {box.id: {"x": 30}}, {box.id: 1})
    edit = boxes.edit_boxes(case, {box.id: {"x": 30}}, {box.id: caught.value.current_version},
                            resolution="mine")[box.id]
    assert edit.after.x == 30 and edit.version == 3
    assert _events(case, "box.update")[-1]["resolution"] == "mine"


def test_a_multi_box_edit_with_one_stale_box_changes_none(case, box):
    other = boxes.create_box(case, box.photo_id, BoxValues(x=100, y=100, w=20, h=20))
    boxes.update_box(case, other.id, x=120)  # someone else moves the second box
    with pytest.raises(EditConflict):
        boxes.edit_boxes(case, {box.id: {"x": 1}, other.id: {"x": 2}},
                         {box.id: box.version, other.id: other.version})
    with case.reading() as s:
        assert boxes.get_box(s, box.id).values.x == 10
        assert boxes.get_box(s, other.id).values.x == 120


def test_a_stale_claim_edit_is_a_conflict_with_both_values(case, box):
    first = set_claim(case, box.photo_id, claimed="2023-10-27")
    set_claim(case, box.photo_id, grade="B2", expected_version=first.version)
    with pytest.raises(EditConflict) as caught:
        set_claim(case, box.photo_id, grade="A1", expected_version=first.version)
    assert caught.value.mine == {"grade": "A1"} and caught.value.theirs == {"grade": "B2"}
    with case.reading() as s:
        assert get_claim(s, box.photo_id).grade == "B2"
    assert _events(case, "claim.update_conflict")[0]["theirs"] == {"grade": "B2"}


# -- two engines on one PostgreSQL database ------------------------------------------------


@pytest.mark.postgres
def test_two_engines_editing_the_same_box_second_gets_a_conflict(pg_url: str, tmp_path: Path):
    ana = Case.create(tmp_path / "team", db_url=pg_url, examiner="Ana")
    ben = Case.open(tmp_path / "team", examiner="Ben")
    try:
        photo = add_jpeg(ana, tmp_path / "in", "a.jpg", 640, 480, seed=1)
        made = boxes.create_box(ana, photo, BoxValues(x=10, y=10, w=50, h=40))
        with ben.reading() as s:
            seen_by_ben = boxes.get_box(s, made.id)
        boxes.update_box(ana, made.id, expected_version=made.version, note="Ana's note")
        with pytest.raises(EditConflict) as caught:
            boxes.update_box(ben, made.id, expected_version=seen_by_ben.version, note="Ben's")
        assert caught.value.theirs == {"note": "Ana's note"}
        with ben.reading() as s:
            assert boxes.get_box(s, made.id).values.note == "Ana's note"
            assert verify_chain(s).ok
        [event] = _events(ana, "box.update_conflict")
        assert event["mine"] == {"note": "Ben's"}
    finally:
        ben.close()
        ana.close()


@pytest.mark.postgres
def test_concurrent_writers_on_one_version_exactly_one_wins(pg_url: str, tmp_path: Path):
    """Both read version 1 and save at once: the row lock makes the loser see version 2."""
    ana = Case.create(tmp_path / "team", db_url=pg_url, examiner="Ana")
    others = [Case.open(tmp_path / "team", examiner=f"E{i}") for i in range(4)]
    try:
        photo = add_jpeg(ana, tmp_path / "in", "a.jpg", 640, 480, seed=1)
        made = boxes.create_box(ana, photo, BoxValues(x=10, y=10, w=50, h=40))
        barrier = threading.Barrier(len(others))
        outcomes: list[str] = []

        def edit(case: Case, n: int) -> None:
            barrier.wait()
            try:
                boxes.update_box(case, made.id, expected_version=1, note=f"by {n}")
                outcomes.append("saved")
            except EditConflict:
                outcomes.append("conflict")

        threads = [threading.Thread(target=edit, args=(c, n)) for n, c in enumerate(others)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert sorted(outcomes) == ["conflict"] * 3 + ["saved"]
        with ana.reading() as s:
            assert boxes.get_box(s, made.id).version == 2
            assert verify_chain(s).ok
        assert len(_events(ana, "box.update_conflict")) == 3
    finally:
        for c in others:
            c.close()
        ana.close()
