"""A packet carries each signed photo's content credentials: the manifest store taken out of
the original (`c2pa/NAME.c2pa`), the SDK's reading of it (`c2pa/NAME.json`), both in
SHA256SUMS and named in manifest.json; README.txt and the report say so; verify stays green."""

from __future__ import annotations

import io
import json
import shutil
import subprocess

import c2pa
import pytest

from annotator.core.ingest.importer import import_paths
from annotator.core.packet.export import export_packet
from annotator.core.packet.verify import verify_packet
from tests.fixtures.credentials import (
    SIGNER_NAME,
    captured,
    edited,
    one_byte_changed,
    plain_jpeg,
    trust_the_test_root,
)
from tests.fixtures.packets import read_zip, unzip, write_zip


@pytest.fixture
def packet(case, tmp_path, monkeypatch):
    trust_the_test_root(tmp_path, monkeypatch)
    folder = tmp_path / "in"
    folder.mkdir()
    captured(folder, "signed.jpg")
    edited(folder, "edited.jpg")
    one_byte_changed(captured(tmp_path, "src.jpg"), folder / "changed.jpg")
    plain_jpeg(folder / "plain.jpg")
    (folder / "parent.jpg").unlink()
    (folder / "raw_parent.jpg").unlink()
    (folder / "raw_signed.jpg").unlink()
    report = import_paths(case, [folder], jobs=1)
    assert not report.rejected
    return export_packet(case, tmp_path / "p.zip").path


def test_the_packet_carries_each_manifest_store_listed_and_named(packet):
    files = read_zip(packet)
    sums = files["SHA256SUMS"].decode()
    for name in ("signed", "edited", "changed"):
        assert f"c2pa/{name}.c2pa" in files and f"  c2pa/{name}.c2pa\n" in sums
        assert f"c2pa/{name}.json" in files and f"  c2pa/{name}.json\n" in sums
    assert not [n for n in files if n.startswith("c2pa/plain")]
    man = json.loads(files["manifest.json"])
    by_name = {p["original_name"]: p for p in man["photos"]}
    assert by_name["plain.jpg"]["c2pa"] is None
    signed = by_name["signed.jpg"]["c2pa"]
    assert signed["store"] == "c2pa/signed.c2pa" and signed["report"] == "c2pa/signed.json"
    assert signed["summary"]["validation_state"] == "Trusted"
    assert signed["summary"]["signer"] == SIGNER_NAME
    assert by_name["changed.jpg"]["c2pa"]["summary"]["validation_state"] == "Invalid"
    report = json.loads(files["c2pa/edited.json"])
    assert report["validation_state"] == "Trusted" and len(report["manifests"]) == 2
    assert "c2pa/" in files["README.txt"].decode()
    assert verify_packet(packet).ok


def test_the_store_in_the_packet_is_the_one_in_the_original(packet):
    files = read_zip(packet)
    store = files["c2pa/signed.c2pa"]
    assert store[4:8] == b"jumb" and store in files["originals/signed.jpg"]
    reader = c2pa.Reader("image/jpeg", io.BytesIO(files["originals/plain.jpg"]), store)
    # The signed store read against another picture: the picture's hash does not match.
    assert reader.get_validation_state() == "Invalid"


def test_a_changed_credential_file_fails_verify(packet, tmp_path):
    files = read_zip(packet)
    files["c2pa/signed.c2pa"] = files["c2pa/signed.c2pa"][:-1] + b"\x00"
    report = verify_packet(write_zip(tmp_path / "tampered.zip", files))
    assert not report.ok and "c2pa/signed.c2pa" in report.altered


def test_the_report_has_a_content_credentials_line(packet, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    folder = unzip(packet, tmp_path / "unzipped")
    text = subprocess.run(["pdftotext", str(folder / "report.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "Content credentials" in flat
    assert "INVALID (does not match the picture, or damaged)" in flat
    assert "edits after capture: c2pa.edited, c2pa.cropped" in flat
