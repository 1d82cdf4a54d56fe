"""The Add-flight dialog's problem text and the Linked flights Note (issue 15): the error
starts with a capital letter and never overlaps a field; the note is not cut."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from annotator.gui.dialogs.flight_edit import FlightEditDialog


def _on_dialog(widget: QWidget, dialog: QWidget) -> QRect:
    return QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size())


def _type(qtbot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_the_add_flight_problem_is_a_sentence_that_overlaps_no_field(qtbot):
    dialog = FlightEditDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _type(qtbot, dialog.edits["origin"], "GABS")
    _type(qtbot, dialog.edits["departure_utc"], "2023-10-29T14:00")  # no zone: a long text
    qtbot.wait(50)
    text = dialog.problem.text()
    assert text and text[0].isupper(), text
    problem = _on_dialog(dialog.problem, dialog)
    assert dialog.problem.height() >= dialog.problem.heightForWidth(dialog.problem.width())
    fields = [w for kind in (QLineEdit, QCheckBox, QComboBox, QPlainTextEdit)
              for w in dialog.findChildren(kind)
              if w.isVisible() and not isinstance(w.parent(), QComboBox)]
    fields.append(dialog.buttons)
    for field in fields:
        assert not problem.intersects(_on_dialog(field, dialog)), field.objectName()
        least = field.minimumHeight() or field.minimumSizeHint().height()  # a fixed height
        assert field.height() >= least, field.objectName()
    assert dialog.rect().contains(problem)
    time = dialog.edits["departure_utc"]
    assert time.width() >= time.fontMetrics().horizontalAdvance("2023-10-29T14:00+01:00")


def test_the_linked_flights_note_is_whole_at_the_default_size(qtbot, case, tmp_path):
    from annotator.core.flights.links import link_photo
    from annotator.core.flights.records import FlightDraft, add_flight
    from tests.fixtures.flights import T0
    from tests.fixtures.workspace import (
        import_files,
        make_photos,
        open_controller,
        open_window,
        photo_ids_by_name,
    )

    import_files(case, make_photos(tmp_path / "in", 1))
    flight = add_flight(case, FlightDraft(registration="5U-MBH", origin="GABS",
                                          destination="GAGO", departure_utc=T0.replace(hour=10),
                                          arrival_utc=T0.replace(hour=12)))
    note = ("illustrative: the aircraft on the ramp before its departure to Gao, seen from "
            "the terminal roof")
    photo_id = photo_ids_by_name(case)["photo-01.jpg"]
    link_photo(case, photo_id, getattr(flight, "id", flight), "in_flight", note)
    root = case.root
    case.close()
    win = open_window(qtbot, open_controller(qtbot), root)
    try:
        win.flights_dock.raise_()
        panel = win.flights_panel
        qtbot.waitUntil(lambda: panel.linked.topLevelItemCount() == 1)
        qtbot.waitUntil(panel.linked.isVisible)
        tree = panel.linked
        header = tree.header()
        for column in range(tree.columnCount()):  # no column runs off the right edge
            assert header.sectionViewportPosition(column) + header.sectionSize(column) \
                <= tree.viewport().width(), column
        label = panel.link_note
        assert label.isVisible() and note in label.text()
        assert label.height() >= label.heightForWidth(label.width()), "the note is cut"
        right = label.mapTo(panel, label.rect().topRight()).x()
        assert right <= panel.width(), "the note runs off the dock"
        assert note in tree.topLevelItem(0).toolTip(0)
    finally:
        win.close()
