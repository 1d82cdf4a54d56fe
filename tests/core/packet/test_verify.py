"""Verifying packets: intact packets pass; every missing, extra or altered file is named; bad
signatures, zip-slip entries and a broken custody chain fail; OpenSSL agrees with us."""

from __future__ import annotations

import json
import shutil
import stat
import subprocess
import zipfile
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.errors import InputRejected
from annotator.core.packet.export import export_packet
from annotator.core.packet.signing import generate_keypair
from annotator.core.packet.verify import verify_packet
from annotator.core.packet.zipwriter import checksums_text
from tests.fixtures.packets import make_case_with_photos, read_zip, unzip, write_zip


@pytest.fixture
def packet(case, tmp_path) -> Path:
    make_case_with_photos(case, tmp_path)
    return export_packet(case, tmp_path / "packet.zip").path


@pytest.fixture
def keys(tmp_path):
    return generate_keypair(tmp_path / "keys" / "examiner")


@pytest.fixture
def signed(case, tmp_path, keys) -> Path:
    make_case_with_photos(case, tmp_path)
    return export_packet(case, tmp_path / "signed.zip", sign_key=keys.private_path).path


def _flip(data: bytes, at: int | None = None) -> bytes:
    i = len(data) // 2 if at is None else at
    return data[:i] + bytes([data[i] ^ 0x01]) + data[i + 1:]


def test_intact_packet_verifies_with_exit_0(packet, capsys):
    assert main(["verify", str(packet)]) == 0
    out = capsys.readouterr().out
    assert "packet intact" in out and "not signed" in out


@pytest.mark.parametrize("name", [
    "originals/apron.jpg", "annotated/phone.jpg", "annotated/crops/apron/box-01.jpg",
    "datasets/coco.json", "datasets/voc/apron.xml", "datasets/yolo/labels/phone.txt",
    "datasets/images/phone.jpg", "manifest.json", "README.txt", "custody.jsonl", "report.pdf",
])
def test_one_altered_byte_in_any_file_is_named(packet, tmp_path, name, capsys):
    files = read_zip(packet)
    files[name] = _flip(files[name])
    tampered = write_zip(tmp_path / "tampered.zip", files)
    assert main(["verify", str(tampered)]) == 1
    out = capsys.readouterr().out
    assert f"altered: {name}" in out
    report = verify_packet(tampered)
    assert name in report.altered and not report.missing and not report.extra


def test_a_byte_changed_inside_the_zip_itself_is_named(packet, tmp_path):
    data = bytearray(packet.read_bytes())
    with zipfile.ZipFile(packet) as zf:
        info = zf.getinfo("originals/plain.jpg")
    # The local header is 30 bytes plus the name and extra field; change a data byte.
    offset = info.header_offset + 30 + len(info.filename.encode()) + 200
    data[offset] ^= 0xFF
    tampered = tmp_path / "raw.zip"
    tampered.write_bytes(bytes(data))
    report = verify_packet(tampered)
    assert not report.ok and report.altered == ["originals/plain.jpg"]


def test_missing_and_extra_files_are_named(packet, tmp_path, capsys):
    files = read_zip(packet)
    del files["annotated/plain.jpg"]
    files["originals/smuggled.jpg"] = b"not evidence"
    tampered = write_zip(tmp_path / "t.zip", files)
    assert main(["verify", str(tampered)]) == 1
    out = capsys.readouterr().out
    assert "missing: annotated/plain.jpg" in out
    assert "extra file not in SHA256SUMS: originals/smuggled.jpg" in out


def test_rewritten_checksums_still_fail_on_the_custody_digest(packet, tmp_path):
    """Changing a file and its SHA256SUMS line (no signature) is caught by the export event."""
    import hashlib

    files = read_zip(packet)
    files["manifest.json"] = files["manifest.json"].replace(b"test-examiner", b"someone-else")
    sums = {}
    for line in files["SHA256SUMS"].decode().splitlines():
        digest, name = line.split("  ", 1)
        sums[name] = hashlib.sha256(files[name]).hexdigest()
    files["SHA256SUMS"] = checksums_text(sums)
    report = verify_packet(write_zip(tmp_path / "t.zip", files))
    assert not report.altered
    assert any("evidence digest" in p for p in report.problems)


def test_a_broken_custody_chain_is_reported(packet, tmp_path):
    import hashlib

    files = read_zip(packet)
    lines = files["custody.jsonl"].decode().splitlines()
    first = json.loads(lines[0])
    first["examiner"] = "forger"
    lines[0] = json.dumps(first)
    files["custody.jsonl"] = ("\n".join(lines) + "\n").encode()
    sums = {}
    for line in files["SHA256SUMS"].decode().splitlines():
        _digest, name = line.split("  ", 1)
        sums[name] = hashlib.sha256(files[name]).hexdigest()
    files["SHA256SUMS"] = checksums_text(sums)
    report = verify_packet(write_zip(tmp_path / "t.zip", files))
    assert any("custody log broken" in p and "line 1" in p for p in report.problems)


def test_signed_packet_verifies_with_and_without_the_key(signed, keys, capsys):
    assert main(["verify", str(signed), "--pubkey", str(keys.public_path)]) == 0
    assert "Signature valid" in capsys.readouterr().out
    assert main(["verify", str(signed)]) == 0
    out = capsys.readouterr().out
    assert "not who signed" in out
    man = json.loads(read_zip(signed)["manifest.json"])
    assert man["signature"]["public_key_sha256"] == keys.fingerprint
    assert man["signature"]["public_key_pem"] == keys.public_path.read_text()
    assert len(read_zip(signed)["SHA256SUMS.sig"]) == 64


def test_bad_signature_and_wrong_key_fail(signed, keys, tmp_path, capsys):
    files = read_zip(signed)
    files["SHA256SUMS.sig"] = _flip(files["SHA256SUMS.sig"], 5)
    bad = write_zip(tmp_path / "bad.zip", files)
    assert main(["verify", str(bad)]) == 1
    assert "bad signature" in capsys.readouterr().out
    other = generate_keypair(tmp_path / "other")
    assert main(["verify", str(signed), "--pubkey", str(other.public_path)]) == 1
    assert verify_packet(signed, other.public_path).signature == "invalid"


def test_a_removed_signature_fails_when_a_key_is_expected(signed, keys, tmp_path):
    files = read_zip(signed)
    del files["SHA256SUMS.sig"]
    unsigned = write_zip(tmp_path / "u.zip", files)
    assert verify_packet(unsigned).signature == "missing"  # the manifest declares a key
    assert not verify_packet(unsigned, keys.public_path).ok


def test_openssl_verifies_the_signature_without_our_software(signed, keys, tmp_path):
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    folder = unzip(signed, tmp_path / "unzipped")
    cmd = ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", str(keys.public_path),
           "-rawin", "-in", "SHA256SUMS", "-sigfile", "SHA256SUMS.sig"]
    ok = subprocess.run(cmd, cwd=folder, capture_output=True, text=True)
    assert ok.returncode == 0 and "Signature Verified Successfully" in ok.stdout
    (folder / "SHA256SUMS").write_bytes(_flip((folder / "SHA256SUMS").read_bytes()))
    assert subprocess.run(cmd, cwd=folder, capture_output=True).returncode != 0


@pytest.mark.parametrize("evil", ["../evil.txt", "/tmp/annotator-evil.txt",
                                  "originals/../../evil.txt", "C:/evil.txt"])
def test_zip_slip_entries_are_refused_and_never_written(packet, tmp_path, evil, capsys):
    files = read_zip(packet)
    files[evil] = b"payload"
    work = tmp_path / "deep" / "er"
    work.mkdir(parents=True)
    tampered = write_zip(work / "slip.zip", files)
    assert main(["verify", str(tampered)]) == 1
    assert f"unsafe entry refused (absolute path or '..'): {evil}" in capsys.readouterr().out
    assert not (tmp_path / "deep" / "evil.txt").exists()
    assert not (tmp_path / "evil.txt").exists()
    assert not Path("/tmp/annotator-evil.txt").exists()


def test_not_a_zip_is_rejected_in_one_line(tmp_path, capsys):
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"hello")
    assert main(["verify", str(junk)]) == 1
    assert "not a readable zip" in capsys.readouterr().err
    with pytest.raises(InputRejected):
        verify_packet(tmp_path / "absent.zip")


def test_keygen_writes_a_private_key_only_the_owner_can_read(tmp_path, capsys):
    key = tmp_path / "k"
    assert main(["keygen", "--out", str(key)]) == 0
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert (tmp_path / "k.pub").read_text().startswith("-----BEGIN PUBLIC KEY-----")
    assert key.read_text().startswith("-----BEGIN PRIVATE KEY-----")
    assert main(["keygen", "--out", str(key)]) == 1  # never overwrites a key
    assert "already exists" in capsys.readouterr().err


def test_signing_with_a_key_that_is_not_ed25519_is_refused(case, tmp_path):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    make_case_with_photos(case, tmp_path)
    pem = ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption())
    (tmp_path / "ec.pem").write_bytes(pem)
    with pytest.raises(InputRejected, match="not an Ed25519 key"):
        export_packet(case, tmp_path / "p.zip", sign_key=tmp_path / "ec.pem")


def test_a_redacted_event_still_proves_its_time(case, tmp_path):
    """Redacted lines keep only time and hashes, yet their time cannot be changed unseen."""
    from annotator.core.packet import custody
    from annotator.core.packet.selection import Selection

    make_case_with_photos(case, tmp_path)
    packet = export_packet(case, tmp_path / "p.zip", Selection(tag="5U-MBH")).path
    lines = custody.parse(read_zip(packet)["custody.jsonl"])
    assert custody.verify_lines(lines).ok
    index = next(i for i, line in enumerate(lines) if line.get("redacted"))
    lines[index] = {**lines[index], "time_utc": "2020-01-01T00:00:00Z"}
    check = custody.verify_lines(lines)
    assert not check.ok and f"line {index + 1}" in check.problem
