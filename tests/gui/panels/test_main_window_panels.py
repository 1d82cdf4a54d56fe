"""The Metadata and Provenance docks of the main window."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from tests.fixtures.factory import make_exif, make_jpeg
from tests.fixtures.workspace import add_box, import_files, open_controller, open_window


@pytest.fixture
def window(qtbot, case, tmp_path: Path):
    exif = make_exif(original=datetime(2023, 10, 27, 9, 41, 12), offset="+00:00",
                     software="Adobe Photoshop 24.0", modified=datetime(2023, 11, 3, 18, 22, 9),
                     gps=(12.5335, -7.9499))
    photo = make_jpeg(tmp_path / "in" / "edited.jpg", 320, 240, exif=exif)
    import_files(case, [photo])
    controller = open_controller(qtbot)
    win = open_window(qtbot, controller, case.root)
    yield win
    win.close()


def _select_row_with(tree, text: str) -> None:
    model = tree.model()
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        for r in range(model.rowCount(group)):
            index = model.index(r, 0, group)
            if index.data() == text:
                tree.selectionModel().select(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                tree.setCurrentIndex(index)
                return
    raise AssertionError(f"{text} is not shown")


def test_metadata_panel_shows_every_tag_grouped_and_search_filters_them(qtbot, window):
    panel = window.metadata
    tags = panel.visible_tags()
    for expected in ("Software", "DateTimeOriginal", "OffsetTimeOriginal", "GPSLatitude",
                     "datetime_original"):
        assert expected in tags
    groups = [panel.proxy.index(g, 0).data() for g in range(panel.proxy.rowCount())]
    assert groups[0] == "Summary (normalized)"
    assert {"IFD0 (Image)", "EXIF", "GPS", "XMP", "IPTC"} <= set(groups)
    qtbot.keyClicks(panel.search, "photoshop")
    assert panel.visible_tags() == ["software", "Software"]
    panel.search.clear()
    qtbot.keyClicks(panel.search, "offsettimeorig")
    assert panel.visible_tags() == ["OffsetTimeOriginal"]


def test_ctrl_c_in_the_metadata_panel_copies_the_selected_row(qtbot, window):
    panel = window.metadata
    qtbot.keyClicks(panel.search, "Software")
    _select_row_with(panel.tree, "Software")
    panel.tree.setFocus()
    QApplication.clipboard().clear()
    qtbot.keyClick(panel.tree, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "Software\tAdobe Photoshop 24.0"
    panel.tree.copy_values()
    assert QApplication.clipboard().text() == "Adobe Photoshop 24.0"


def test_provenance_shows_hashes_paths_and_the_photos_audit_history(qtbot, window):
    panel = window.provenance
    from sqlalchemy import select

    from annotator.core.models import Photo

    with window.session.case.reading() as s:
        photo = s.execute(select(Photo)).scalar_one()
    assert panel.fact("SHA-256") == photo.sha256
    assert panel.fact("MD5") == photo.md5
    assert panel.fact("Original path").endswith("edited.jpg")
    assert panel.fact("Importer") == "test-examiner"
    assert panel.fact("Imported").endswith(" UTC")
    assert panel.actions_shown()[0] == "photo.import"
    add_box(window.session.case, photo.id, "5U-MBH")
    window.session.boxes_changed.emit(photo.id)
    assert panel.actions_shown()[-1] == "box.create"
    history = panel.history_view
    history.selectionModel().select(
        history.model().index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    history.setFocus()
    qtbot.keyClick(history, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QApplication.clipboard().text()
    assert "test-examiner" in copied and "photo.import" in copied


def test_panels_empty_when_no_photo_is_selected(window):
    window.session.select_photo(None)
    assert window.metadata.visible_tags() == []
    assert window.provenance.fact("SHA-256") is None
    assert window.metadata.empty.isVisibleTo(window.metadata)


def test_times_follow_the_settings_choice_of_utc_or_local(monkeypatch):
    """Settings → "Show times in": UTC by default, or local time with its offset."""
    import time as _time
    from datetime import UTC, datetime

    from annotator.core.case.settings import save_settings
    from annotator.gui.i18n.timefmt import show_instant

    instant = datetime(2023, 10, 27, 10, 15, tzinfo=UTC)
    assert show_instant(instant) == "2023-10-27 10:15:00 UTC"
    assert show_instant("2023-10-27T10:15:00Z", seconds=False) == "2023-10-27 10:15 UTC"
    monkeypatch.setenv("TZ", "Africa/Niamey")
    _time.tzset()
    try:
        save_settings({"time_display": "local"})
        assert show_instant(instant) == "2023-10-27 11:15:00 +01:00"
    finally:
        monkeypatch.delenv("TZ")
        _time.tzset()
