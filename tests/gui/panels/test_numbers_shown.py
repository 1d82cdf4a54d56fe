"""Numbers follow the interface language (issue 15): French sizes `87 864 octets`, GPS
`-7,9502` (to the precision the file holds, no float noise), the sun `44,1°`."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QLocale

from annotator.core.case.settings import save_settings
from tests.fixtures.factory import make_exif, make_jpeg
from tests.fixtures.workspace import import_files, open_controller, open_window


@pytest.fixture
def french(qapp):  # type: ignore[no-untyped-def]
    from annotator.gui.i18n.language import install_translators

    save_settings({"language": "fr"})
    assert install_translators(qapp) == "fr"
    yield qapp
    install_translators(qapp, "en")


def _summary(panel) -> dict[str, str]:  # type: ignore[no-untyped-def]
    model = panel.model
    group = model.index(0, 0)
    return {str(model.index(r, 0, group).data()): str(model.index(r, 1, group).data())
            for r in range(model.rowCount(group))}


def test_the_metadata_and_provenance_panels_write_numbers_the_french_way(qtbot, french, case,
                                                                          tmp_path):
    exif = make_exif(original="2023:10:27 10:15:00", offset="+00:00", gps=(12.5335, -7.9502))
    photo = make_jpeg(tmp_path / "in" / "gabs.jpg", 1600, 1200, exif=exif)
    import_files(case, [photo])
    root = case.root
    case.close()
    win = open_window(qtbot, open_controller(qtbot), root)
    try:
        group = QLocale().groupSeparator()
        summary = _summary(win.metadata)
        lat = next(v for k, v in summary.items() if k.startswith("gps") and "lat" in k)
        lon = next(v for k, v in summary.items() if k.startswith("gps") and "lon" in k)
        assert lat == "12,5335" and lon == "-7,9502", summary
        assert summary["width"] == f"1{group}600", summary
        assert summary["has_thumbnail"] in ("oui", "non"), summary
        size = win.provenance.fact("Taille")
        assert size is not None and re.fullmatch(rf"\d{{1,3}}({group}\d{{3}})+ octets", size), size
        sun = win.capture_date.sun_label.text()
        assert re.search(r"hauteur -?\d+,\d°", sun), sun
    finally:
        win.close()


def test_gps_is_shown_to_the_files_precision_in_english_too(qtbot, case, tmp_path):
    exif = make_exif(original="2023:10:27 10:15:00", offset="+00:00", gps=(12.5335, -7.9502))
    import_files(case, [make_jpeg(tmp_path / "in" / "gabs.jpg", 320, 240, exif=exif)])
    root = case.root
    case.close()
    win = open_window(qtbot, open_controller(qtbot), root)
    try:
        summary = _summary(win.metadata)
        values = [v for k, v in summary.items() if k.startswith("gps")]
        assert "-7.9502" in values and "12.5335" in values, summary
        assert not [v for v in summary.values() if re.search(r"\d\.\d{8,}", v)], summary
    finally:
        win.close()
