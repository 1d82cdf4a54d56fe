"""The Provenance panel shows each photo's content credentials (C2PA) as stored at import:
the state in a sentence, the signer, the actions (edits marked), the codes; "None in this
file" for a photo without any."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.fixtures.credentials import (
    SIGNER_NAME,
    captured,
    edited,
    one_byte_changed,
    plain_jpeg,
    trust_the_test_root,
)
from tests.fixtures.workspace import (
    import_files,
    open_controller,
    open_window,
    photo_ids_by_name,
)


@pytest.fixture
def window(qtbot, case, tmp_path: Path, monkeypatch):
    trust_the_test_root(tmp_path, monkeypatch)
    folder = tmp_path / "in"
    folder.mkdir()
    files = [captured(folder, "a_signed.jpg"), edited(folder, "b_edited.jpg"),
             one_byte_changed(captured(folder, "c_src.jpg"), folder / "c_changed.jpg"),
             plain_jpeg(folder / "d_plain.jpg")]
    import_files(case, files)
    controller = open_controller(qtbot)
    win = open_window(qtbot, controller, case.root)
    yield win
    win.close()


def _show(window, name: str):
    window.session.select_photo(photo_ids_by_name(window.session.case)[name])
    panel = window.provenance
    return panel, dict(panel.credential_rows()), panel.credentials_state.text()


def test_a_trusted_capture_names_its_signer(window):
    panel, rows, state = _show(window, "a_signed.jpg")
    assert state.startswith("Trusted: signed by " + SIGNER_NAME)
    assert rows["State"] == "Trusted" and rows["Signer"] == SIGNER_NAME
    assert rows["Action"] == "c2pa.created  2024-05-01T10:00:00Z  TestCam Firmware 3.2"
    assert rows["Signed (time stamp)"] == "no time stamp"
    assert "test-root.pem" in rows["Trust list"]
    assert panel.credentials_view.isVisibleTo(panel)


def test_edits_after_capture_are_listed_as_edits(window):
    panel, _rows, state = _show(window, "b_edited.jpg")
    shown = panel.credential_rows()
    assert state.startswith("Trusted")
    assert [v.split("  ")[0] for k, v in shown if k == "Edit"] == ["c2pa.edited", "c2pa.cropped"]
    assert [v.split("  ")[0] for k, v in shown if k == "Action"] == ["c2pa.created",
                                                                      "c2pa.opened"]
    assert any(k == "Ingredient" and v.startswith("parent.jpg  sha256 ") for k, v in shown)


def test_a_changed_picture_is_shown_invalid_with_its_code(window):
    panel, rows, state = _show(window, "c_changed.jpg")
    assert state.startswith("Invalid: the credentials do not match the picture")
    assert "assertion.dataHash.mismatch" in rows["Codes"]
    assert "b00020" in panel.credentials_state.styleSheet()


def test_a_photo_without_credentials_says_so(window):
    panel, rows, state = _show(window, "d_plain.jpg")
    assert rows == {} and state == "None in this file."
    assert panel.credentials_state.styleSheet() == ""
    assert not panel.credentials_view.isVisibleTo(panel)


def test_the_c2pa_findings_are_said_in_french(qapp, tmp_path):
    from annotator.core.dating.check import DatingInput, check_capture_date
    from annotator.core.metadata import read_metadata
    from annotator.gui.i18n.core_text import tr_core
    from annotator.gui.i18n.language import install_translators
    from tests.fixtures.credentials import garbled_manifest

    def findings(path):
        result = check_capture_date(DatingInput(meta=read_metadata(path),
                                                reference_utc=datetime.now(UTC)))
        return {f.code: f for f in result.findings}

    edits = findings(edited(tmp_path))
    changed = findings(one_byte_changed(captured(tmp_path, "s.jpg"), tmp_path / "c.jpg"))
    broken = findings(garbled_manifest(captured(tmp_path, "t.jpg"), tmp_path / "b.jpg"))
    assert install_translators(qapp, "fr") == "fr"
    try:
        said = {code: tr_core(code, f.params, f.message) for code, f in edits.items()}
        said["C2PA_INVALID"] = tr_core("C2PA_INVALID", changed["C2PA_INVALID"].params, "en")
        said["C2PA_INVALID:b"] = tr_core("C2PA_INVALID", broken["C2PA_INVALID"].params, "en")
        assert said["C2PA_VALID"].startswith(
            f"La photo porte des identifiants de contenu signés par {SIGNER_NAME} avec PhotoFix")
        assert said["C2PA_EDITED"].startswith("Les identifiants de contenu enregistrent 2 ")
        assert "c2pa.cropped 2024-05-02T09:05:00Z avec PhotoFix 2.1" in said["C2PA_EDITED"]
        assert "assertion.dataHash.mismatch" in said["C2PA_INVALID"]
        assert said["C2PA_INVALID"].startswith("Les identifiants de contenu (manifeste C2PA)")
        assert said["C2PA_INVALID:b"].startswith("Les identifiants de contenu (manifeste C2PA)")
    finally:
        install_translators(qapp, "en")
