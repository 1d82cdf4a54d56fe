"""The Time-stamp dialog, driven through its widgets: stamp a packet from a reply file or a
local authority over HTTP (in a real worker thread), see the time, and a refused reply said
in one line with the packet untouched. Verify then shows the stamp."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from annotator.core.packet.export import export_packet
from annotator.core.packet.timestamp import TSQ, TSR, make_request
from annotator.core.packet.verify import verify_packet
from annotator.gui.background.workers import ImmediatePool, JobRunner
from annotator.gui.dialogs.stamp_dialog import StampDialog
from tests.fixtures.packets import make_case_with_photos
from tests.fixtures.tsa import LocalTSA, make_tsa_or_skip


@pytest.fixture
def local_tsa(tmp_path) -> LocalTSA:
    return make_tsa_or_skip(tmp_path / "tsa")


@pytest.fixture
def packet(case, tmp_path) -> Path:
    make_case_with_photos(case, tmp_path)
    return export_packet(case, tmp_path / "packet.zip").path


def _dialog(qtbot, jobs: JobRunner) -> StampDialog:
    dialog = StampDialog(jobs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _click_radio(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def _choose(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def test_stamping_with_a_reply_file_through_the_dialog(qtbot, packet, local_tsa, tmp_path,
                                                        monkeypatch):
    request = tmp_path / "packet.tsq"
    with zipfile.ZipFile(packet) as zf:
        request.write_bytes(zf.read(TSQ))
    reply = local_tsa.reply(request, tmp_path / "reply.tsr")
    dialog = _dialog(qtbot, JobRunner(ImmediatePool()))
    _choose(monkeypatch, packet)
    qtbot.mouseClick(dialog.packet_browse, Qt.MouseButton.LeftButton)
    assert dialog.packet_edit.text() == str(packet)
    assert not dialog.reply_edit.isEnabled()
    _click_radio(qtbot, dialog.reply_radio)
    assert dialog.reply_edit.isEnabled() and not dialog.url_edit.isEnabled()
    qtbot.keyClicks(dialog.reply_edit, str(reply))
    qtbot.keyClicks(dialog.cert_edit, str(local_tsa.ca_pem))
    with qtbot.waitSignal(dialog.stamped, timeout=30000):
        qtbot.mouseClick(dialog.stamp_button, Qt.MouseButton.LeftButton)
    assert dialog.result.state == "trusted"
    assert "Stamped:" in dialog.status.text() and "Test Time Stamping Unit" in \
        dialog.status.text()
    report = verify_packet(packet, tsa_certs=[local_tsa.ca_pem])
    assert report.ok and report.timestamp.state == "trusted"


def test_stamping_from_an_authority_over_http_runs_in_a_worker(qtbot, packet, local_tsa):
    dialog = _dialog(qtbot, JobRunner())  # the real thread pool: the GUI thread never waits
    with local_tsa.serving() as url:
        qtbot.keyClicks(dialog.packet_edit, str(packet))
        qtbot.keyClicks(dialog.url_edit, url)
        with qtbot.waitSignal(dialog.stamped, timeout=30000):
            qtbot.mouseClick(dialog.stamp_button, Qt.MouseButton.LeftButton)
            assert dialog.status.text() == "Stamping…"
    assert dialog.result.state == "signed"  # no CA certificate given
    assert "not checked" in dialog.status.text()
    with zipfile.ZipFile(packet) as zf:
        assert TSR in zf.namelist()


def test_a_reply_for_other_data_is_refused_in_one_line(qtbot, packet, local_tsa, tmp_path):
    other = tmp_path / "other.tsq"
    other.write_bytes(make_request(b"something else"))
    reply = local_tsa.reply(other, tmp_path / "other.tsr")
    before = packet.read_bytes()
    dialog = _dialog(qtbot, JobRunner(ImmediatePool()))
    qtbot.keyClicks(dialog.packet_edit, str(packet))
    _click_radio(qtbot, dialog.reply_radio)
    qtbot.keyClicks(dialog.reply_edit, str(reply))
    qtbot.mouseClick(dialog.stamp_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error is not None, timeout=30000)
    assert dialog.status.text().startswith("Not stamped:") and "other data" in \
        dialog.status.text()
    assert "\n" not in dialog.status.text()
    assert packet.read_bytes() == before and dialog.stamp_button.isEnabled()


def test_missing_choices_are_said_before_anything_runs(qtbot):
    dialog = _dialog(qtbot, JobRunner(ImmediatePool()))
    qtbot.mouseClick(dialog.stamp_button, Qt.MouseButton.LeftButton)
    assert "Choose the packet" in dialog.status.text()
    qtbot.keyClicks(dialog.packet_edit, "/nowhere/packet.zip")
    qtbot.mouseClick(dialog.stamp_button, Qt.MouseButton.LeftButton)
    assert "authority's address" in dialog.status.text()
