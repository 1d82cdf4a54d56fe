"""A case on read-only media in the app: the title and a banner say read-only, every edit is
off with the reason as its tooltip, and an edit that gets through anyway is "Not saved" with
the reason, in the user's language (issue 14, item 8)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from annotator.core.case import Case
from annotator.core.case import folder as case_module
from annotator.core.case.settings import save_settings
from annotator.core.flights.records import FlightDraft, add_flight
from annotator.gui.windows.flights_window import FlightsWindow
from tests.fixtures.workspace import (
    add_box,
    import_files,
    make_photos,
    open_controller,
    open_window,
    photo_ids_by_name,
)


def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(root)): (p.stat().st_size if p.is_file() else 0,
                                       p.stat().st_mtime_ns) for p in sorted(root.rglob("*"))}


@pytest.fixture
def disc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A closed case with photos, a box and a flight, on (simulated) read-only media."""
    root = tmp_path / "disc"
    made = Case.create(root, name="Bamako", examiner="ana")
    import_files(made, make_photos(tmp_path / "in", 2))
    add_box(made, photo_ids_by_name(made)["photo-01.jpg"], "5U-MBH")
    add_flight(made, FlightDraft(registration="5U-MBH", origin="GABS"))
    made.close()
    monkeypatch.setattr(case_module, "folder_writable", lambda _root: False)
    return root


@pytest.fixture
def window(qtbot, disc):  # type: ignore[no-untyped-def]
    controller = open_controller(qtbot)
    win = open_window(qtbot, controller, disc)
    yield win
    win.close()


def test_the_title_and_a_banner_say_read_only_and_every_edit_is_off_with_the_reason(
        qtbot, window, disc):
    before = _snapshot(disc)
    assert window.session.case.read_only
    assert window.windowTitle() == "Bamako — read-only — annotator"
    banner = window.findChild(QLabel, "readOnlyText")
    assert banner is not None and banner.isVisible()
    assert banner.text().startswith("This case is read-only: its folder")
    reason = banner.text()
    canvas = window.canvas
    for action in (window.import_action, window.import_folder_action, canvas.draw_action,
                   canvas.delete_action, canvas.duplicate_action, canvas.copy_previous_action,
                   *canvas.nudge_actions):
        assert not action.isEnabled(), action.text()
        assert action.toolTip() == reason, action.text()
    assert window.export_action.isEnabled() and window.verify_action.isEnabled()
    # W does not arm drawing; selecting the boxed photo and its box leaves the editor off.
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_W)
    assert not canvas.draw_mode()
    window.session.select_photo(photo_ids_by_name(window.session.case)["photo-01.jpg"])
    qtbot.waitUntil(lambda: window.annotations.model.rowCount() == 1)
    window.annotations.list.setCurrentIndex(window.annotations.model.index(0))
    assert window.annotations.box is not None
    assert not window.annotations.editor.isEnabled()
    assert window.annotations.editor.toolTip() == reason
    panel = window.capture_date
    assert panel.claimed_edit.isReadOnly() and panel.acq_edits["url"].isReadOnly()
    assert not panel.grade_combo.isEnabled() and panel.grade_combo.toolTip() == reason
    assert panel.badge.text()  # the check still runs and shows
    assert not window.flights_panel.unlink_button.isEnabled()
    assert all(not b.isEnabled() for b in window.flights_panel.link_buttons)
    flights = FlightsWindow(window.session, window)
    qtbot.addWidget(flights)
    for button in (flights.add_button, flights.edit_button, flights.delete_button,
                   flights.import_button):
        assert not button.isEnabled() and button.toolTip() == reason
    assert flights.model.rowCount() == 1
    # An edit that still reaches the core (a box dragged on the canvas) is not saved, and
    # the status bar says why.
    item = next(iter(canvas.items_by_id.values()))
    old = item.rect()
    item.begin_edit("move")
    item.set_box_rect(old.translated(20, 20))
    with qtbot.waitSignal(window.session.status_message) as said:
        item.end_edit("move")
    assert said.args[0].startswith("Not saved: Move box (this case is read-only: its folder")
    assert _snapshot(disc) == before


@pytest.fixture
def french(qapp):  # type: ignore[no-untyped-def]
    from annotator.gui.i18n import install_translators

    save_settings({"language": "fr"})
    assert install_translators(qapp) == "fr"
    yield qapp
    assert install_translators(qapp, "en") == "en"


def test_in_french_the_read_only_case_is_said_wholly_in_french(qtbot, french, disc):
    controller = open_controller(qtbot)
    win = open_window(qtbot, controller, disc)
    try:
        assert "lecture seule" in win.windowTitle()
        banner = win.findChild(QLabel, "readOnlyText").text()
        assert "lecture seule" in banner and "read-only" not in banner
        assert win.import_action.toolTip() == banner
        from annotator.gui.i18n.core_text import tr_error

        said = tr_error(win.session.case.read_only_error())
        assert "lecture seule" in said
        for english in ("read-only", "cannot be written", "nothing was changed", "this case"):
            assert english not in said, said
    finally:
        win.close()
