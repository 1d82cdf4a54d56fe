"""Boxes in the core: validation, clamping, registrations, audit events, ids, labels, CLI."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from annotator.cli import main
from annotator.core import boxes
from annotator.core.boxes import BoxValues
from annotator.core.case.audit import verify_chain
from annotator.core.errors import InputRejected, NotFound
from annotator.core.models import AuditEvent, Box
from tests.fixtures.boxes import add_jpeg


@pytest.fixture
def photos(case, tmp_path):
    return (add_jpeg(case, tmp_path / "in", "a.jpg", 640, 480, seed=1),
            add_jpeg(case, tmp_path / "in", "b.jpg", 320, 240, seed=2))


def _events(case, action):
    with case.reading() as s:
        stmt = select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
        return list(s.execute(stmt).scalars())


def test_create_normalizes_the_registration_and_audits_it(case, photos):
    info = boxes.create_box(case, photos[0], BoxValues(registration="5umbh", x=10, y=20, w=100,
                                                       h=50, confidence="Probable"))
    assert info.values.registration == "5U-MBH" and info.registration_problem is None
    assert info.values.confidence == "probable"
    (event,) = _events(case, "box.create")
    details = json.loads(event.details)
    assert event.object_id == str(info.id)
    assert details["after"]["registration"] == "5U-MBH"
    assert event.photo_sha256 == info.photo_sha256 and len(info.photo_sha256) == 64
    with case.reading() as s:
        assert verify_chain(s).ok


def test_an_invalid_registration_is_flagged_not_dropped(case, photos):
    info = boxes.create_box(case, photos[0], BoxValues(registration="zzzzz", x=0, y=0, w=5, h=5))
    assert info.values.registration == "ZZZZZ"
    assert info.registration_problem and "nationality mark" in info.registration_problem
    before, after = boxes.update_box(case, info.id, registration="5U-MBH")
    with case.reading() as s:
        box = s.get(Box, info.id)
        assert box.registration == "5U-MBH" and box.registration_problem is None
        assert box.version == 2


def test_boxes_are_clamped_inside_the_displayed_photo(case, photos):
    info = boxes.create_box(case, photos[1], BoxValues(x=-20, y=200, w=100, h=100))
    assert info.values.rect == (0, 200, 80, 40)
    with pytest.raises(InputRejected, match="outside"):
        boxes.create_box(case, photos[1], BoxValues(x=400, y=0, w=10, h=10))
    with pytest.raises(InputRejected, match="positive"):
        boxes.create_box(case, photos[1], BoxValues(x=1, y=1, w=0, h=10))
    with pytest.raises(InputRejected, match="confidence"):
        boxes.create_box(case, photos[1], BoxValues(x=1, y=1, w=5, h=5, confidence="sure"))
    with case.reading() as s:
        assert len(boxes.list_boxes(s, photos[1])) == 1


def test_update_returns_before_and_after_and_audits_only_changes(case, photos):
    info = boxes.create_box(case, photos[0], BoxValues(x=10, y=10, w=20, h=20))
    before, after = boxes.update_box(case, info.id, x=30, note="  tail visible ")
    assert before.x == 10 and after.x == 30 and after.note == "tail visible"
    details = json.loads(_events(case, "box.update")[-1].details)
    assert details["before"] == {"x": 10.0, "note": None}
    assert details["after"] == {"x": 30.0, "note": "tail visible"}
    with pytest.raises(InputRejected, match="no field"):
        boxes.update_box(case, info.id, colour="red")
    with pytest.raises(NotFound):
        boxes.update_box(case, 999, x=1)


def test_undo_of_delete_restores_the_same_id_and_ids_are_never_reused(case, photos):
    first = boxes.create_box(case, photos[0], BoxValues(label="aircraft", x=1, y=1, w=9, h=9))
    last = boxes.create_box(case, photos[0], BoxValues(registration="N123AB", x=5, y=5, w=9, h=9))
    gone = boxes.delete_box(case, last.id)
    fresh = boxes.create_box(case, photos[0], BoxValues(x=2, y=2, w=3, h=3))
    assert fresh.id > last.id > first.id  # SQLite alone would hand out last.id again
    restored = boxes.create_box(case, photos[0], gone.values, box_id=gone.id)
    assert restored.id == last.id and restored.values == last.values
    with pytest.raises(InputRejected, match="already exists"):
        boxes.create_box(case, photos[0], gone.values, box_id=gone.id)
    delete = json.loads(_events(case, "box.delete")[0].details)
    assert json.loads(_events(case, "box.create")[-1].details)["restored"] is True
    assert delete["before"]["registration"] == "N123AB"


def test_duplicate_is_offset_and_kept_inside(case, photos):
    info = boxes.create_box(case, photos[1], BoxValues(x=300, y=200, w=20, h=40, note="n"))
    dup = boxes.duplicate_box(case, info.id)
    assert dup.id != info.id and dup.values.rect == (300, 200, 20, 40)  # already at the corner
    inner = boxes.create_box(case, photos[1], BoxValues(x=10, y=10, w=20, h=20))
    assert boxes.duplicate_box(case, inner.id).values.rect == (20, 20, 20, 20)


def test_copy_boxes_crops_to_the_smaller_photo_and_skips_what_falls_outside(case, photos):
    boxes.create_box(case, photos[0], BoxValues(registration="5U-MBH", x=300, y=200, w=100, h=100))
    boxes.create_box(case, photos[0], BoxValues(x=500, y=10, w=50, h=50))
    made = boxes.copy_boxes(case, photos[0], photos[1])
    assert [b.values.rect for b in made] == [(300, 200, 20, 40)]
    assert made[0].values.registration == "5U-MBH" and made[0].photo_id == photos[1]
    with case.reading() as s:
        assert len(boxes.list_boxes(s, photos[0])) == 2
        assert boxes.registrations_in_case(s) == ["5U-MBH"]
    with pytest.raises(InputRejected):
        boxes.copy_boxes(case, photos[0], photos[0])


def test_labels_add_rename_remove_are_audited_and_follow_boxes(case, photos):
    assert boxes.add_label(case, "vehicle") == ["aircraft", "vehicle"]
    info = boxes.create_box(case, photos[0], BoxValues(label="vehicle", x=1, y=1, w=5, h=5))
    with pytest.raises(InputRejected, match="on 1 box"):
        boxes.remove_label(case, "vehicle")
    assert boxes.rename_label(case, "vehicle", "truck") == ["aircraft", "truck"]
    with case.reading() as s:
        assert boxes.get_box(s, info.id).values.label == "truck"
    relabel = _events(case, "box.update")[-1]
    assert relabel.photo_sha256 == info.photo_sha256 and relabel.object_id == str(info.id)
    boxes.delete_box(case, info.id)
    assert boxes.remove_label(case, "truck") == ["aircraft"]
    with pytest.raises(InputRejected, match="at least one"):
        boxes.remove_label(case, "aircraft")
    # A box given a new label adds it to the list.
    boxes.create_box(case, photos[0], BoxValues(label="helicopter", x=1, y=1, w=5, h=5))
    with case.reading() as s:
        assert boxes.list_labels(s) == ["aircraft", "helicopter"]
    actions = [e.action for e in _events(case, "labels.add")]
    assert actions == ["labels.add", "labels.add"]


# -- the command line --------------------------------------------------------------------


def test_cli_annotate_boxes_edit_delete(case, photos, capsys):
    root = str(case.root)
    with case.reading() as s:
        from annotator.core.models import Photo

        sha = s.get(Photo, photos[0]).sha256
    assert main(["annotate", root, sha[:10], "--box", "10,20,100,50", "--registration", "5umbh",
                 "--type", "C-130H", "--confidence", "confirmed"]) == 0
    box_id = int(capsys.readouterr().out.strip())
    assert main(["boxes", root, "a.jpg", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row == {"id": box_id, "label": "aircraft", "registration": "5U-MBH", "type": "C-130H",
                   "operator": None, "confidence": "confirmed", "note": None, "x": 10.0,
                   "y": 20.0, "w": 100.0, "h": 50.0, "registration_problem": None}
    assert main(["box-edit", root, str(box_id), "--box", "0,0,30,30", "--note", "tail",
                 "--type", ""]) == 0
    capsys.readouterr()
    main(["boxes", root, "a.jpg", "--json"])
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["x"], row["w"], row["note"], row["type"]) == (0, 30, "tail", None)
    assert main(["box-delete", root, str(box_id)]) == 0
    capsys.readouterr()
    main(["boxes", root, "a.jpg", "--json"])
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize("argv_tail", [
    ["--box", "1,2,3"], ["--box", "a,b,c,d"], ["--box", "1,1,10,10", "--confidence", "sure"],
    ["--box", "900,900,10,10"],
])
def test_cli_bad_values_exit_1_with_one_line(case, photos, capsys, argv_tail):
    assert main(["annotate", str(case.root), "a.jpg", *argv_tail]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("annotator: ")


def test_cli_unknown_box_and_photo_exit_1(case, photos, capsys):
    assert main(["box-delete", str(case.root), "42"]) == 1
    assert main(["boxes", str(case.root), "nope.jpg"]) == 1
    assert main(["box-edit", str(case.root), "x1", "--note", "n"]) == 1


def test_update_boxes_is_all_or_nothing(case, photos):
    a = boxes.create_box(case, photos[0], BoxValues(x=10, y=10, w=20, h=20))
    b = boxes.create_box(case, photos[0], BoxValues(x=50, y=50, w=20, h=20))
    with pytest.raises(InputRejected):
        boxes.update_boxes(case, {a.id: {"x": 11.0}, b.id: {"confidence": "sure"}})
    with case.reading() as s:
        assert boxes.get_box(s, a.id).values.x == 10
    result = boxes.update_boxes(case, {a.id: {"x": 11.0}, b.id: {"x": 51.0}})
    assert {k: v[1].x for k, v in result.items()} == {a.id: 11.0, b.id: 51.0}


def test_the_id_sequence_stays_ahead_of_explicit_box_ids(case, photos):
    """Boxes get explicit ids (never reused); on PostgreSQL the sequence must follow them."""
    from sqlalchemy import insert

    from annotator.core.timeutil import utc_now

    made = [boxes.create_box(case, photos[0], BoxValues(x=1, y=1, w=5, h=5)) for _ in range(3)]
    boxes.delete_box(case, made[0].id)
    boxes.create_box(case, photos[0], made[0].values, box_id=made[0].id)  # an undone delete
    now = utc_now()
    with case.writing() as s:  # an insert relying on the column default
        new_id = s.execute(insert(Box).values(
            photo_id=photos[0], x=1, y=1, w=2, h=2, label="aircraft", created_utc=now,
            created_by="t", updated_utc=now, version=1).returning(Box.id)).scalar_one()
    assert new_id > max(b.id for b in made)
