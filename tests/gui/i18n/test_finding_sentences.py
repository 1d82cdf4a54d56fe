"""French completeness of the capture-date findings (issue 15): every finding code the core
can emit, made by the core itself from a generated photo, said again in French through
`annotator.gui.i18n.core_text`, must keep every sentence the English has.

The codes are read from the core's source (`add("CODE"`, `Sign("CODE"`, `"code": "CODE"`),
so a new finding without a sample here fails the test until one is added.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import ImageDraw

import annotator.core.dating as dating_package
import annotator.core.history as history_package
from annotator.core.case.settings import save_settings
from annotator.core.dating.check import (
    Claim,
    DatingInput,
    FlightFact,
    Place,
    check_capture_date,
)
from annotator.core.dating.claims import resolve_place
from annotator.core.dating.model import ShadowFact
from annotator.core.dating.sun import sun_position
from annotator.core.history.analyze import Hashes, build
from annotator.core.history.case_copies import earlier_copy_findings
from annotator.core.history.double_compression import DoubleCompression
from annotator.core.history.signs import FileFacts, camera_signs, reencoded_sign
from annotator.core.history.similar import CopyGroup, Member
from annotator.core.history.table_matches import TableMatch
from annotator.core.metadata import read_metadata
from annotator.core.metadata.model import PhotoMetadata
from tests.fixtures import credentials
from tests.fixtures.dating import photo_with_thumbnail, xmp_packet
from tests.fixtures.factory import make_exif, make_jpeg, scene

NOW = datetime(2026, 1, 1, tzinfo=UTC)
BAMAKO = (12.5335, -7.9499)
NIAMEY = (13.4817, 2.1703)
GABS = Place("GABS", *BAMAKO, "Africa/Bamako")
DRRN = Place("DRRN", *NIAMEY, "Africa/Niamey")
CODE_PATTERNS = (r'\badd\(\s*"([A-Z0-9_]+)"', r'\bSign\(\s*"([A-Z0-9_]+)"',
                 r'"code": "([A-Z0-9_]+)"')


def core_finding_codes() -> set[str]:
    codes: set[str] = set()
    for package in (dating_package, history_package):
        for path in Path(package.__file__).parent.glob("*.py"):
            text = path.read_text(encoding="utf-8")
            for pattern in CODE_PATTERNS:
                codes.update(re.findall(pattern, text))
    return codes


def _check(path: Path, *, claimed=None, place=None, **kwargs):  # type: ignore[no-untyped-def]
    claim = Claim(claimed, resolve_place(place)) if (claimed or place) else None
    return check_capture_date(DatingInput(meta=read_metadata(path), reference_utc=kwargs.pop(
        "reference_utc", NOW), path=path, claim=claim, **kwargs))


def _photo(folder: Path, name: str, **exif) -> Path:  # type: ignore[no-untyped-def]
    return make_jpeg(folder / name, exif=make_exif(**exif))


def dating_findings(tmp: Path) -> list[tuple[str, dict, str]]:
    """(code, params, English) from the check itself, one or more per code."""
    results = []
    plain = {"original": "2023:10:27 10:15:00", "offset": "+00:00"}
    results.append(_check(make_jpeg(tmp / "social.jpg")))
    results.append(_check(_photo(tmp, "nodate.jpg", make="Canon")))
    # A camera still on Paris summer time at Bamako: the two-sentence OFFSET_MISSING.
    results.append(_check(_photo(tmp, "paris.jpg", original="2023:10:27 12:15:00", gps=BAMAKO,
                                 gps_utc=datetime(2023, 10, 27, 10, 15, 0))))
    results.append(_check(_photo(tmp, "niamey.jpg", original="2023:10:27 11:15:00",
                                 gps=NIAMEY)))
    results.append(_check(_photo(tmp, "claimed.jpg", original="2023:10:27 11:15:00"),
                          claimed="2023-10-27", place="DRRN"))
    results.append(_check(_photo(tmp, "airport.jpg", original="2023:10:27 10:15:00"),
                          linked_airport=GABS))
    results.append(_check(_photo(tmp, "nothing.jpg", original="2023:10:27 10:15:00")))
    results.append(_check(_photo(tmp, "gpsclock.jpg", **plain, gps=BAMAKO,
                                 gps_utc=datetime(2023, 10, 27, 10, 20, 0))))
    results.append(_check(_photo(tmp, "digitized.jpg", **plain, digitized="2023:10:29 08:00:00",
                                 modified="2023:11:02 18:40:00",
                                 software="Adobe Photoshop 25.0 (Windows)")))
    edited = tmp / "edited.jpg"
    scene(320, 240).save(edited, "JPEG", exif=make_exif(**plain).tobytes(), xmp=xmp_packet([
        ("saved", "2023-10-28T09:00:00+01:00", "Adobe Photoshop 25.0")]))
    results.append(_check(edited))
    exif = make_exif(**plain).tobytes()
    full = scene(640, 480)
    thumb = full.copy()
    thumb.thumbnail((160, 160))
    results.append(_check(photo_with_thumbnail(tmp / "crop.jpg", exif,
                                               main=full.crop((160, 120, 560, 420)), thumb=thumb)))
    results.append(_check(photo_with_thumbnail(tmp / "shape.jpg", exif,
                                               main=full.crop((0, 0, 640, 300)), thumb=thumb)))
    retouched = full.copy()
    ImageDraw.Draw(retouched).rectangle((200, 150, 330, 260), fill=(120, 170, 220))
    results.append(_check(photo_with_thumbnail(tmp / "retouch.jpg", exif, main=retouched,
                                               thumb=thumb)))
    on_date = _photo(tmp, "claim.jpg", **plain)
    results.append(_check(on_date, claimed="2023-10-25", place="GABS"))
    results.append(_check(on_date, claimed="2023-10-27T12:30", place="DRRN"))
    results.append(_check(_photo(tmp, "future.jpg", original="2030:05:01 10:00:00",
                                 offset="+00:00")))
    results.append(_check(on_date, reference_utc=datetime(2023, 10, 27, 9, 0, tzinfo=UTC),
                          reference_is_import=True))
    results.append(_check(_photo(tmp, "posted.jpg", original="2023:10:27 16:00:00",
                                 offset="+00:00"),
                          posted_utc=datetime(2023, 10, 27, 15, 2, tzinfo=UTC)))
    at_bamako = _photo(tmp, "bamako.jpg", **plain, gps=BAMAKO)
    for dep, arr in ((9, 11), (6, 8)):
        leg = FlightFact("MBH1", "5U-MBH", datetime(2023, 10, 27, dep, 0, tzinfo=UTC),
                         datetime(2023, 10, 27, arr, 30, tzinfo=UTC), GABS, DRRN, linked=True)
        results.append(_check(at_bamako, flights=(leg,)))
    results.append(_check(at_bamako, claimed="2023-10-27", place="DRRN"))
    results.append(_check(at_bamako, linked_ground=(("MBH1", "before_departure", DRRN),)))
    results.append(_check(_photo(tmp, "night.jpg", original="2023:10:27 23:00:00",
                                 offset="+00:00", gps=BAMAKO)))
    # A shadow measured on the photo: where the sun stood at the capture time, and 90° away.
    sun = sun_position(datetime(2023, 10, 27, 10, 15, tzinfo=UTC), *BAMAKO)
    for turn in (0.0, 90.0):
        results.append(_check(at_bamako, shadow=ShadowFact(
            (sun.azimuth + turn) % 360, 3.0, sun.elevation, 3.0)))
    # Content credentials: a signed capture, an edited one, a changed picture, a broken store.
    (tmp / "c2pa").mkdir()
    signed = credentials.captured(tmp / "c2pa")
    results.append(_check(signed))
    results.append(_check(credentials.edited(tmp / "c2pa")))
    results.append(_check(credentials.one_byte_changed(signed, tmp / "c2pa" / "changed.jpg")))
    results.append(_check(credentials.garbled_manifest(signed, tmp / "c2pa" / "garbled.jpg")))
    return [(f.code, f.params, f.message) for r in results for f in r.findings]


def history_findings() -> list[tuple[str, dict, str]]:
    """The history signs and copies, made by the core's own functions."""
    signs = [
        *camera_signs(FileFacts(make="Nobody", model="Imaginary 9000", has_exif=True), []),
        *camera_signs(FileFacts(make="Canon", model="Canon EOS 40D", has_exif=True),
                      [TableMatch("software", "Adobe Photoshop (quality 10)", True)]),
        *camera_signs(FileFacts(make="Canon", model="Canon EOS 40D", has_exif=True), []),
        reencoded_sign(FileFacts(width=2048, height=1536), is_jpeg=True, standard=True,
                       quality=85, platform_names=["Facebook (usual re-encoding)"]),
        reencoded_sign(FileFacts(width=1080, height=810), is_jpeg=True, standard=True,
                       quality=71, platform_names=[]),
    ]
    double = build("x.jpg", None, None, PhotoMetadata("x.jpg"), Hashes(),
                   DoubleCompression(True, 75, 0.91))
    signs += double.signs
    found = [(s.code, s.params, s.message) for s in signs if s is not None]
    group = CopyGroup([Member(1, "a" * 64, "identical", 0, True),
                       Member(2, "b" * 64, "resized", 3)],
                      {"photo": 1, "posted_utc": "2023-10-27T15:02:00Z", "source": "Telegram"})
    for f in earlier_copy_findings(group, 2, None):
        found.append((f["code"], f["params"], f["message"]))
    return found


@pytest.fixture
def french(qapp):  # type: ignore[no-untyped-def]
    from annotator.gui.i18n.language import install_translators

    save_settings({"language": "fr"})
    assert install_translators(qapp) == "fr"
    yield qapp
    install_translators(qapp, "en")


def test_every_finding_keeps_all_its_sentences_in_french(tmp_path, french):
    from annotator.gui.i18n.core_text import TABLE, sentence_count, tr_core

    found = dating_findings(tmp_path) + history_findings()
    assert core_finding_codes() <= {code for code, _, _ in found}, (
        "a finding code without a sample here", core_finding_codes() - {c for c, _, _ in found})
    offset_missing = [m for c, _, m in found if c == "OFFSET_MISSING" and "disagrees" in m]
    assert offset_missing, "the two-sentence OFFSET_MISSING was not made"
    for code, params, english in found:
        assert code in TABLE, f"{code} has no French sentence"
        french_text = TABLE[code](dict(params))
        assert "{" not in french_text, (code, french_text)
        assert french_text != english, (code, "not translated")
        assert sentence_count(french_text) >= sentence_count(english), (code, english,
                                                                        french_text)
        assert tr_core(code, params, english) == french_text


def test_the_camera_clock_in_another_zone_says_both_sentences_in_french(tmp_path, french):
    from annotator.gui.i18n.core_text import tr_core

    (code, params, english), = [f for f in dating_findings(tmp_path)
                                if f[0] == "OFFSET_MISSING" and "disagrees" in f[2]]
    text = tr_core(code, params, english)
    assert "horloge GPS" in text and "Africa/Bamako, +00:00" in text
    assert "autre fuseau" in text


def test_a_stored_finding_without_the_second_sentences_facts_stays_whole():
    """A finding stored before its params carried the zone disagreement is shown in the
    core's words rather than cut."""
    from annotator.gui.i18n.core_text import sentence_count

    assert sentence_count("The photo has no X; its time comes from Y. The zone (a, +00:00) "
                          "disagrees: the camera may be off.") == 2
    assert sentence_count("Sun at 44.1° seen from GABS.") == 1


def test_qts_own_file_dialog_speaks_french(qtbot, french, case, tmp_path):
    """The Import dialog's file chooser (Qt's own, not the platform's) has French labels."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

    from tests.fixtures.workspace import open_controller, open_window

    root = case.root
    case.close()
    win = open_window(qtbot, open_controller(qtbot), root)
    seen: dict[str, str] = {}

    def read_and_close() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QFileDialog) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(50, read_and_close)
            return
        dialog = dialogs[0]
        for name in ("lookInLabel", "fileTypeLabel", "fileNameLabel"):
            label = dialog.findChild(QLabel, name)
            seen[name] = label.text() if label is not None else ""
        dialog.reject()

    try:
        QTimer.singleShot(50, read_and_close)
        win.choose_import()
        assert seen["lookInLabel"].replace("&", "") == "Voir dans\u00a0:", seen
        assert seen["fileTypeLabel"].replace("&", "") == "Fichiers de type\u00a0:", seen
        assert seen["fileNameLabel"].replace("&", "") == "Nom de fichier\u00a0:", seen
        from PySide6.QtCore import QCoreApplication  # the Type column of a folder

        assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder",
                                          "All other platforms") == "Répertoire"
    finally:
        win.close()
