"""The Provenance panel shows each photo's content credentials (C2PA) as stored at import:
the state in a sentence, the signer, the actions (edits marked), the codes; "None in this
file" for a photo without any."""

from __future__ import annotations

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
