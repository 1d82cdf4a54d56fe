"""Edit conflicts in the GUI (issue 7): a box someone else saved after it was shown is not
overwritten; a dialog shows both values and the user keeps theirs or applies mine."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from annotator.core import boxes
from annotator.core.boxes import BoxValues
from annotator.core.case.folder import Case
from annotator.core.models import AuditEvent
from annotator.gui.dialogs.conflict_dialog import ConflictDialog
from tests.fixtures.boxes import add_jpeg
from tests.fixtures.canvas import annotation_window, make_session, stored


@pytest.fixture
def env(case, tmp_path, qtbot):
    photo = add_jpeg(case, tmp_path / "in", "a.jpg", 640, 480, seed=1)
    info = boxes.create_box(case, photo, BoxValues(x=10, y=10, w=90, h=90))
    session = make_session(case)
    _window, canvas, panel = annotation_window(qtbot, session, (1000, 600))
    session.select_photo(photo)
    canvas.select_box(info.id)
    other = Case.open(case.root, examiner="Ben")  # a second investigator, own engine
    yield session, panel, photo, info, other
    other.close()
    session.undo_stack.clear()


def _answer_dialog(qtbot, button: str, seen: dict) -> None:  # type: ignore[type-arg]
    """When the modal conflict dialog is up, record what it shows and click `button`."""
    def click() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConflictDialog):
            QTimer.singleShot(10, click)
            return
        seen["rows"] = [(dialog.value_of(r, 0), dialog.value_of(r, 1), dialog.value_of(r, 2))
                        for r in range(dialog.table.rowCount())]
        qtbot.mouseClick(getattr(dialog, f"{button}_button"), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def _type(qtbot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _actions(case) -> list[tuple[str, dict]]:  # type: ignore[no-untyped-def,type-arg]
    with case.reading() as s:
        rows = s.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars()
        return [(e.action, json.loads(e.details)) for e in rows]


def test_apply_mine_over_a_conflict_saves_mine_and_audits_both(qtbot, env):
    session, panel, photo, info, other = env
    boxes.update_box(other, info.id, expected_version=info.version, registration="TZ-ABC")
    seen: dict = {}
    _answer_dialog(qtbot, "mine", seen)
    _type(qtbot, panel.registration_edit, "5U-MBH")
    assert seen["rows"] == [("registration", "5U-MBH", "TZ-ABC")]
    (box,) = stored(session.case, photo)
    assert box.values.registration == "5U-MBH" and box.version == 3
    actions = _actions(session.case)
    conflict = next(d for a, d in actions if a == "box.update_conflict")
    assert conflict["theirs"] == {"registration": "TZ-ABC"}
    assert actions[-1][0] == "box.update" and actions[-1][1]["resolution"] == "mine"
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()  # undo restores Ben's value, the one that was replaced
    assert stored(session.case, photo)[0].values.registration == "TZ-ABC"


def test_keep_theirs_changes_nothing_and_leaves_no_undo_step(qtbot, env):
    session, panel, photo, info, other = env
    boxes.update_box(other, info.id, expected_version=info.version, registration="TZ-ABC")
    messages: list[str] = []
    session.status_message.connect(messages.append)
    seen: dict = {}
    _answer_dialog(qtbot, "theirs", seen)
    _type(qtbot, panel.registration_edit, "5U-MBH")
    assert stored(session.case, photo)[0].values.registration == "TZ-ABC"
    assert session.undo_stack.count() == 0
    assert any("Kept the other investigator" in m for m in messages)
    assert [a for a, _ in _actions(session.case)][-2:] == [
        "box.update_conflict", "box.conflict_resolved"]
    # The panel now shows what is stored, and the next edit goes through without a conflict.
    qtbot.waitUntil(lambda: panel.registration_edit.text() == "TZ-ABC")
    _type(qtbot, panel.registration_edit, "5U-MBH")
    assert stored(session.case, photo)[0].values.registration == "5U-MBH"


def test_own_successive_edits_never_conflict_with_themselves(qtbot, env):
    session, panel, photo, info, _other = env
    session.resolve_conflict = lambda conflict: pytest.fail(f"unexpected {conflict}")
    _type(qtbot, panel.registration_edit, "5U-MBH")
    _type(qtbot, panel.registration_edit, "5U-MBI")
    session.undo_stack.undo()
    session.undo_stack.undo()
    session.undo_stack.redo()
    assert stored(session.case, photo)[0].values.registration == "5U-MBH"


def test_a_claim_edit_over_someone_elses_save_asks_and_keeps_theirs(qtbot, env):
    from annotator.core.dating.claims import get_claim, set_claim
    from annotator.gui.undo.capture_date_commands import SetClaimCommand

    session, _panel, photo, _info, other = env
    first = set_claim(session.case, photo, claimed="2023-10-27")
    set_claim(other, photo, grade="B2", expected_version=first.version)  # Ben saves first
    asked: list = []
    session.resolve_conflict = lambda conflict: asked.append(conflict) or "theirs"
    command = SetClaimCommand(session, photo, {"grade": ""}, {"grade": "A1"}, "Set claim grade",
                              version=first.version)
    session.undo_stack.push(command)
    assert asked[0].mine == {"grade": "A1"} and asked[0].theirs == {"grade": "B2"}
    assert command.failed and session.undo_stack.count() == 0
    with session.case.reading() as s:
        assert get_claim(s, photo).grade == "B2"
    assert [a for a, _ in _actions(session.case)][-2:] == [
        "claim.update_conflict", "claim.conflict_resolved"]
