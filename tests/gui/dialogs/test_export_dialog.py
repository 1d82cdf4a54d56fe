"""The Export dialog, driven through its widgets: choose photos and a file, sign, watch the
progress, cancel."""

from __future__ import annotations

import json
import zipfile

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from annotator.core.packet.signing import generate_keypair
from annotator.core.packet.verify import verify_packet
from annotator.gui.background.workers import ImmediatePool
from annotator.gui.dialogs.export_dialog import ExportDialog
from annotator.gui.session import CaseSession
from tests.fixtures.held_pool import HeldPool
from tests.fixtures.packets import make_case_with_photos


@pytest.fixture
def sample(case, tmp_path):
    return make_case_with_photos(case, tmp_path)


def _dialog(qtbot, case, pool, **kw) -> ExportDialog:
    session = CaseSession(case, pool=pool)
    dialog = ExportDialog(session, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _click_radio(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    # A radio button reacts on its indicator and text, not on the empty width after them.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def _photos_in(path) -> list[str]:
    with zipfile.ZipFile(path) as zf:
        return sorted(p["original_name"] for p in json.loads(zf.read("manifest.json"))["photos"])


def test_exporting_all_photos_through_the_dialog(qtbot, case, sample, tmp_path, monkeypatch):
    dialog = _dialog(qtbot, case, ImmediatePool())
    out = tmp_path / "all.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(dialog.out_browse, Qt.MouseButton.LeftButton)
    assert dialog.out_edit.text() == str(out)
    assert "3" in dialog.all_radio.text()
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.result is not None and dialog.result.photos == 3
    assert dialog.progress.value() == dialog.progress.maximum()
    assert "Packet written" in dialog.status.text()
    assert verify_packet(out).ok
    assert _photos_in(out) == ["apron.jpg", "phone.jpg", "plain.jpg"]
    assert dialog.cancel_button.text() == "Close"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_photos_by_registration_tag_and_signed(qtbot, case, sample, tmp_path):
    keys = generate_keypair(tmp_path / "key")
    dialog = _dialog(qtbot, case, ImmediatePool())
    _click_radio(qtbot, dialog.tag_radio)
    assert dialog.tag_combo.isEnabled() and dialog.tag_combo.currentText() == "5U-MBH"
    qtbot.keyClicks(dialog.out_edit, str(tmp_path / "tagged.zip"))
    _click_radio(qtbot, dialog.sign_check)
    qtbot.keyClicks(dialog.key_edit, str(keys.private_path))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.error is None and dialog.result.signed
    assert _photos_in(tmp_path / "tagged.zip") == ["apron.jpg", "phone.jpg"]
    assert verify_packet(tmp_path / "tagged.zip", keys.public_path).signature == "valid"


def test_selected_photo_only(qtbot, case, sample, tmp_path):
    dialog = _dialog(qtbot, case, ImmediatePool(), selected_ids=[sample.ids["plain.jpg"]])
    _click_radio(qtbot, dialog.selected_radio)
    qtbot.keyClicks(dialog.out_edit, str(tmp_path / "one.zip"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert _photos_in(tmp_path / "one.zip") == ["plain.jpg"]


def test_cancel_during_export_writes_nothing(qtbot, case, sample, tmp_path):
    pool = HeldPool()
    dialog = _dialog(qtbot, case, pool)
    qtbot.keyClicks(dialog.out_edit, str(tmp_path / "never.zip"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.running and not dialog.export_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Cancelling…"
    pool.run_next()  # the worker starts, sees the cancel, and stops
    qtbot.waitUntil(lambda: dialog.error is not None)
    assert "cancelled" in dialog.error
    assert not (tmp_path / "never.zip").exists()
    assert dialog.export_button.isEnabled()  # the examiner may try again


def test_missing_choices_are_explained_not_run(qtbot, case, sample):
    dialog = _dialog(qtbot, case, ImmediatePool())
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "Choose where" in dialog.status.text() and dialog.result is None


def test_an_existing_file_typed_by_hand_is_not_replaced(qtbot, case, sample, tmp_path):
    out = tmp_path / "exists.zip"
    out.write_bytes(b"keep")
    dialog = _dialog(qtbot, case, ImmediatePool())
    qtbot.keyClicks(dialog.out_edit, str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "already exists" in dialog.status.text()
    assert out.read_bytes() == b"keep"


def test_every_control_stays_whole_after_an_export_finishes(qtbot, case, sample, tmp_path):
    """The result text grows the dialog; it never squeezes the Photos group (issue 15)."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QProgressBar,
    )

    dialog = _dialog(qtbot, case, ImmediatePool())
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.out_edit, str(tmp_path / "whole.zip"))
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)  # the layout settles after the text change
    assert "Packet written" in dialog.status.text()
    kinds = (QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QProgressBar)
    controls = [w for kind in kinds for w in dialog.findChildren(kind)
                if not w.isHidden() and not isinstance(w.parent(), QComboBox)]  # its own edit
    assert dialog.all_radio in controls and dialog.status in controls
    for widget in controls:
        assert widget.isVisible(), widget
        hint = widget.sizeHint().height()
        if isinstance(widget, QLabel) and widget.wordWrap():
            hint = widget.heightForWidth(widget.width())
        assert widget.height() >= hint, (widget, widget.text() if hasattr(widget, "text")
                                          else "", widget.height(), hint)
        inside = dialog.rect().contains(widget.mapTo(dialog, widget.rect().bottomRight()))
        assert inside, widget
