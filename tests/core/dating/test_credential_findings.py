"""The capture-date check reads a photo's content credentials: C2PA_VALID (info, naming the
signer), C2PA_EDITED (warning: edits after capture), C2PA_INVALID (error: the manifest does
not match the picture, or cannot be read)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from annotator.core.dating.check import DatingInput, check_capture_date
from annotator.core.metadata import read_metadata
from tests.fixtures.credentials import (
    SIGNER_NAME,
    captured,
    edited,
    garbled_manifest,
    one_byte_changed,
    plain_jpeg,
    trust_the_test_root,
)

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def check(path: Path):
    return check_capture_date(DatingInput(meta=read_metadata(path), reference_utc=NOW,
                                          path=path))


def finding(result, code: str):
    [found] = [f for f in result.findings if f.code == code]
    return found


def test_no_credentials_no_c2pa_finding(tmp_path):
    codes = check(plain_jpeg(tmp_path / "plain.jpg")).codes()
    assert not [c for c in codes if c.startswith("C2PA")]


def test_a_signed_capture_is_an_info_naming_its_signer(tmp_path, monkeypatch):
    monkeypatch.delenv("ANNOTATOR_C2PA_ANCHORS", raising=False)
    result = check(captured(tmp_path))
    found = finding(result, "C2PA_VALID")
    assert found.severity == "info"
    assert SIGNER_NAME in found.message and "not on the C2PA trust list" in found.message
    assert found.params["signer"] == SIGNER_NAME
    assert found.params["validation_state"] == "Valid"
    assert "C2PA_EDITED" not in result.codes() and "C2PA_INVALID" not in result.codes()


def test_a_trusted_signer_is_said_to_be_on_the_list(tmp_path, monkeypatch):
    trust_the_test_root(tmp_path, monkeypatch)
    found = finding(check(captured(tmp_path)), "C2PA_VALID")
    assert found.params["validation_state"] == "Trusted"
    assert found.message.endswith("on the C2PA trust list.")


def test_edits_after_capture_are_a_warning(tmp_path):
    result = check(edited(tmp_path))
    found = finding(result, "C2PA_EDITED")
    assert found.severity == "warning"
    assert [a["action"] for a in found.params["actions"]] == ["c2pa.edited", "c2pa.cropped"]
    assert "c2pa.cropped 2024-05-02T09:05:00Z with PhotoFix 2.1" in found.message
    assert "C2PA_VALID" in result.codes()  # the editor's signature itself is intact
    assert result.verdict != "consistent"


def test_a_changed_picture_is_an_error(tmp_path, monkeypatch):
    trust_the_test_root(tmp_path, monkeypatch)
    result = check(one_byte_changed(captured(tmp_path), tmp_path / "changed.jpg"))
    found = finding(result, "C2PA_INVALID")
    assert found.severity == "error" and found.params["problem"] == "picture_changed"
    assert "assertion.dataHash.mismatch" in found.message
    assert "C2PA_VALID" not in result.codes()
    assert result.verdict == "inconsistent"


def test_an_unreadable_manifest_is_an_error_not_a_crash(tmp_path):
    result = check(garbled_manifest(captured(tmp_path), tmp_path / "broken.jpg"))
    found = finding(result, "C2PA_INVALID")
    assert found.params["problem"] in ("unreadable", "failed", "picture_changed")
    assert found.severity == "error"
