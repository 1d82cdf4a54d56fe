"""Small things of issue 15 seen by a new investigator: windows open inside the screen."""

from __future__ import annotations

from annotator.gui.windows.flights_window import FlightsWindow
from tests.fixtures.canvas import make_session


def test_the_flights_window_opens_inside_the_screens_available_area(qtbot, case):
    session = make_session(case)
    win = FlightsWindow(session)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    area = win.screen().availableGeometry()
    assert area.width() < 1200 or area.height() < 720, "the test screen is too large to tell"
    assert area.contains(win.frameGeometry())


def test_link_is_clickable_in_the_flights_dock_at_the_default_size(qtbot, case, tmp_path):
    from PySide6.QtCore import QPoint, Qt

    from annotator.core.flights.records import FlightDraft, add_flight
    from tests.fixtures.flights import T0
    from tests.fixtures.workspace import (
        import_files,
        make_photos,
        open_controller,
        open_window,
        photo_ids_by_name,
    )

    import_files(case, make_photos(tmp_path / "in", 2))
    add_flight(case, FlightDraft(registration="5U-MBH", origin="GABS", destination="GAGO",
                                 departure_utc=T0.replace(hour=10)))
    root = case.root
    case.close()
    win = open_window(qtbot, open_controller(qtbot), root)
    try:
        win.flights_dock.raise_()
        panel = win.flights_panel
        win.session.select_photo(photo_ids_by_name(win.session.case)["photo-01.jpg"])
        qtbot.waitUntil(lambda: bool(panel.link_buttons))
        button = panel.link_buttons[0]
        qtbot.waitUntil(button.isVisible)
        view = panel.suggested.viewport()
        corner = button.mapTo(view, QPoint(0, 0))
        assert view.rect().contains(corner) and view.rect().contains(
            corner + QPoint(button.width() - 1, button.height() - 1)), "Link is cut off"
        assert not panel.suggested.horizontalScrollBar().isVisible()
        # The relation is readable in the column (short), whole in the tooltip.
        item = panel.suggested.topLevelItem(0)
        relation_width = panel.suggested.header().sectionSize(3)
        assert panel.suggested.fontMetrics().horizontalAdvance(item.text(3)) < relation_width
        assert item.toolTip(3) in ("before departure", "after arrival", "in flight", "unknown")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert panel.linked.topLevelItemCount() == 1
    finally:
        win.close()
