"""Content credentials (C2PA), read offline: signed sample photos made with the SDK's own
signing API and test certificates (tests/fixtures/credentials.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.metadata import read_credentials, read_metadata
from annotator.core.metadata.credentials import (
    ContentCredentials,
    settings,
    trust_list_path,
)
from tests.fixtures.credentials import (
    CAPTURE_WHEN,
    SIGNER_NAME,
    SIGNER_ORG,
    captured,
    edited,
    garbled_manifest,
    one_byte_changed,
    plain_jpeg,
    truncated_manifest,
    trust_the_test_root,
)

ROOT = Path(__file__).resolve().parents[3]
CONTRACT_KEYS = {"validation_state", "signer", "signed_utc", "claim_generator", "actions",
                 "ingredients", "codes"}


def exif_json(*files: Path, env: dict[str, str] | None = None) -> tuple[int, list[dict]]:
    out = subprocess.run([sys.executable, "-m", "annotator", "exif", "--json", *map(str, files)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120, env=env)
    return out.returncode, json.loads(out.stdout)


def test_a_photo_without_credentials_is_null(tmp_path):
    assert read_credentials(plain_jpeg(tmp_path / "plain.jpg")) is None
    assert read_metadata(tmp_path / "plain.jpg").to_json()["c2pa"] is None


def test_a_signed_photo_is_valid_and_names_its_signer_and_actions(tmp_path, monkeypatch):
    monkeypatch.delenv("ANNOTATOR_C2PA_ANCHORS", raising=False)
    cred = read_credentials(captured(tmp_path))
    assert cred is not None
    # Intact, but the test CA is not on the C2PA trust list: Valid, not Trusted.
    assert cred.validation_state == "Valid"
    assert cred.codes == ("signingCredential.untrusted",)
    assert cred.signer == SIGNER_NAME and cred.organization == SIGNER_ORG
    assert cred.claim_generator == "TestCam 1.0"
    assert [(a.action, a.when, a.software_agent) for a in cred.actions] == [
        ("c2pa.created", CAPTURE_WHEN, "TestCam Firmware 3.2")]
    assert cred.edits() == []
    assert cred.signed_utc is None  # no time stamp authority offline
    assert cred.trust_list.startswith("C2PA-TRUST-LIST.pem (2026-08-05)")


def test_a_photo_signed_under_a_trusted_root_is_trusted(tmp_path, monkeypatch):
    trust_the_test_root(tmp_path, monkeypatch)
    cred = read_credentials(captured(tmp_path))
    assert cred.validation_state == "Trusted" and cred.codes == ()
    assert "test-root.pem" in cred.trust_list


def test_one_changed_byte_of_the_picture_makes_it_invalid(tmp_path, monkeypatch):
    trust_the_test_root(tmp_path, monkeypatch)
    changed = one_byte_changed(captured(tmp_path), tmp_path / "changed.jpg")
    cred = read_credentials(changed)
    assert cred.validation_state == "Invalid"
    assert "assertion.dataHash.mismatch" in cred.codes
    assert cred.signer == SIGNER_NAME  # who signed what the picture no longer is


def test_an_edited_photo_lists_its_chain_oldest_first(tmp_path):
    cred = read_credentials(edited(tmp_path))
    assert cred.validation_state == "Valid"
    assert [a.action for a in cred.actions] == [
        "c2pa.created", "c2pa.opened", "c2pa.edited", "c2pa.cropped"]
    assert [a.action for a in cred.edits()] == ["c2pa.edited", "c2pa.cropped"]
    assert cred.claim_generator == "PhotoFix 1.0"
    [ingredient] = cred.ingredients
    assert ingredient.title == "parent.jpg"
    assert ingredient.sha256 is not None and len(ingredient.sha256) == 64
    assert ingredient.sha256_of in ("content", "manifest")


@pytest.mark.parametrize("damage", [garbled_manifest, truncated_manifest])
def test_a_broken_manifest_is_an_invalid_record_never_a_crash(tmp_path, damage):
    broken = damage(captured(tmp_path), tmp_path / "broken.jpg")
    cred = read_credentials(broken)
    assert cred is not None and cred.validation_state == "Invalid"
    assert cred.codes  # the SDK's failure codes, or general.error with its reason
    meta = read_metadata(broken)
    assert meta.c2pa == cred and meta.width == 96  # the rest of the metadata is still read


def test_garbage_and_missing_files_have_no_credentials(tmp_path):
    (tmp_path / "noise.jpg").write_bytes(b"\xff\xd8\xff" + bytes(range(256)) * 10)
    assert read_credentials(tmp_path / "noise.jpg") is None
    assert read_credentials(tmp_path / "absent.jpg") is None
    (tmp_path / "empty.jpg").write_bytes(b"")
    assert read_credentials(tmp_path / "empty.jpg") is None


def test_the_stored_value_round_trips(tmp_path):
    cred = read_credentials(edited(tmp_path))
    stored = json.loads(json.dumps([cred.to_json(), cred.detail_json()]))
    assert ContentCredentials.from_json(*stored) == cred
    assert ContentCredentials.from_json(stored[0]).signer == cred.signer
    assert ContentCredentials.from_json(None) is None
    assert ContentCredentials.from_json({"validation_state": "Maybe"}) is None


def test_every_network_feature_is_off_and_the_shipped_list_is_the_trust():
    value = settings()
    assert value["verify"]["remote_manifest_fetch"] is False
    assert value["verify"]["ocsp_fetch"] is False
    assert value["core"]["allowed_network_hosts"] == []
    assert value["trust"]["trust_anchors"] == trust_list_path().read_text("ascii")
    assert value["trust"]["trust_anchors"].count("BEGIN CERTIFICATE") == 30
    readme = trust_list_path().with_name("README.md").read_text("utf-8")
    assert "Issued: 2026-08-05" in readme and "CC BY 4.0" in readme


def test_exif_json_carries_the_c2pa_object(tmp_path):
    files = [plain_jpeg(tmp_path / "plain.jpg"), captured(tmp_path),
             one_byte_changed(captured(tmp_path, "s2.jpg"), tmp_path / "changed.jpg"),
             garbled_manifest(captured(tmp_path, "s3.jpg"), tmp_path / "broken.jpg")]
    code, rows = exif_json(*files)
    assert code == 0  # every file was read; what its credentials say is data, not a failure
    plain, signed, changed, broken = (row["c2pa"] for row in rows)
    assert plain is None
    assert set(signed) == CONTRACT_KEYS and signed["validation_state"] == "Valid"
    assert signed["signer"] == SIGNER_NAME
    assert signed["actions"] == [{"action": "c2pa.created", "when": CAPTURE_WHEN,
                                  "software_agent": "TestCam Firmware 3.2"}]
    assert signed["ingredients"] == [] and signed["codes"] == ["signingCredential.untrusted"]
    assert set(changed) == CONTRACT_KEYS and changed["validation_state"] == "Invalid"
    assert "assertion.dataHash.mismatch" in changed["codes"]
    assert broken["validation_state"] == "Invalid" and broken["codes"]


def test_exif_json_ingredients_have_title_and_sha256(tmp_path):
    _code, [row] = exif_json(edited(tmp_path))
    [ingredient] = row["c2pa"]["ingredients"]
    assert set(ingredient) == {"title", "sha256"} and ingredient["title"] == "parent.jpg"
    assert [set(a) for a in row["c2pa"]["actions"]] == [
        {"action", "when", "software_agent"}] * 4


def test_the_sdk_loads_its_own_native_library_not_one_in_the_working_folder(monkeypatch):
    from annotator.core.metadata.credentials import _pin_native_library

    monkeypatch.setenv("C2PA_LIBRARY_NAME", "")  # restored after the test, whatever it was
    _pin_native_library()
    pinned = Path(os.environ["C2PA_LIBRARY_NAME"])
    assert pinned.is_absolute() and pinned.is_file()
    assert pinned.parent.name == "libs" and pinned.parent.parent.name == "c2pa"
