"""Trusted time stamps (RFC 3161) on packets: the export writes a request, `stamp` adds a
reply from a local authority (OpenSSL's `ts -reply`, an independent implementation) without
touching any other entry, and `verify` checks imprint, nonce, signature and chain. A reply
for other data, for another request, a tampered token and an untrusted authority all fail."""

from __future__ import annotations

import hashlib
import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from asn1crypto import tsp

from annotator.cli import main
from annotator.core.errors import InputRejected
from annotator.core.packet.export import export_packet
from annotator.core.packet.timestamp import (
    TSQ,
    TSR,
    check_reply,
    make_request,
    read_request,
    stamp_packet,
)
from annotator.core.packet.verify import verify_packet
from tests.fixtures.packets import make_case_with_photos, read_zip, unzip, write_zip
from tests.fixtures.tsa import LocalTSA, make_tsa, make_tsa_or_skip

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def local_tsa(tmp_path) -> LocalTSA:
    return make_tsa_or_skip(tmp_path / "tsa")


@pytest.fixture
def packet(case, tmp_path) -> Path:
    make_case_with_photos(case, tmp_path)
    return export_packet(case, tmp_path / "packet.zip").path


def _entry(packet: Path, name: str) -> bytes:
    with zipfile.ZipFile(packet) as zf:
        return zf.read(name)


def _reply_for(tsa: LocalTSA, packet: Path, tmp_path: Path) -> Path:
    request = tmp_path / "packet.tsq"
    request.write_bytes(_entry(packet, TSQ))
    return tsa.reply(request, tmp_path / "reply.tsr")


def test_export_writes_a_request_for_sha256sums_with_nonce_and_cert_req(packet):
    sums, request = _entry(packet, "SHA256SUMS"), _entry(packet, TSQ)
    req = tsp.TimeStampReq.load(request)
    assert req["message_imprint"]["hash_algorithm"]["algorithm"].native == "sha256"
    assert req["message_imprint"]["hashed_message"].native == hashlib.sha256(sums).digest()
    assert req["cert_req"].native is True and req["nonce"].native > 2 ** 32
    assert TSQ not in sums.decode()  # written after SHA256SUMS, like the signature
    # OpenSSL reads it as a request for that digest.
    text = subprocess.run(["openssl", "ts", "-query", "-in", "/dev/stdin", "-text"],
                          input=request, capture_output=True, check=True).stdout.decode()
    assert "sha256" in text and hashlib.sha256(sums).hexdigest()[:8] in text.replace(" ", "") \
        .replace("-", "").lower()
    report = verify_packet(packet)
    assert report.ok and report.timestamp is not None and report.timestamp.state == "requested"


def test_two_exports_have_different_nonces(case, tmp_path):
    make_case_with_photos(case, tmp_path)
    one = export_packet(case, tmp_path / "one.zip").path
    two = export_packet(case, tmp_path / "two.zip").path
    assert read_request(_entry(one, TSQ)).nonce != read_request(_entry(two, TSQ)).nonce


def test_stamp_with_a_reply_adds_only_the_reply_and_verifies_against_the_ca(
        packet, local_tsa, tmp_path, capsys):
    before = packet.read_bytes()
    entries_before = read_zip(packet)
    with zipfile.ZipFile(packet) as zf:
        central_directory_at = min(i.header_offset for i in zf.infolist()) + sum(
            i.compress_size for i in zf.infolist())
    reply = _reply_for(local_tsa, packet, tmp_path)
    assert main(["stamp", str(packet), "--reply", str(reply)]) == 0
    out = capsys.readouterr().out
    assert f"added {TSR}" in out and "existed at 20" in out
    after = read_zip(packet)
    assert {n: d for n, d in after.items() if n != TSR} == entries_before
    assert after[TSR] == reply.read_bytes()
    # The bytes of every earlier entry are where they were: only the directory is rewritten.
    with zipfile.ZipFile(packet) as zf:
        first_new = zf.getinfo(TSR).header_offset
    assert packet.read_bytes()[:first_new] == before[:first_new]
    assert first_new >= central_directory_at

    assert main(["verify", str(packet), "--tsa-cert", str(local_tsa.ca_pem)]) == 0
    out = capsys.readouterr().out
    assert "packet intact" in out and "Time-stamped: SHA256SUMS" in out
    report = verify_packet(packet, tsa_certs=[local_tsa.ca_pem])
    assert report.ok and report.timestamp is not None
    assert report.timestamp.state == "trusted"
    assert "Test Time Stamping Unit" in (report.timestamp.authority or "")
    assert report.timestamp.accuracy_s == 1.0
    # Without the CA: the token is consistent and signed, but the authority is unchecked.
    report = verify_packet(packet)
    assert report.ok and report.timestamp.state == "signed"
    assert any("--tsa-cert" in n for n in report.notes)
    # JSON carries it.
    assert main(["verify", str(packet), "--tsa-cert", str(local_tsa.ca_pem), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["timestamp"]["state"] == "trusted" and data["timestamp"]["time_utc"]


def test_openssl_verifies_the_stamped_packet_as_readme_says(packet, local_tsa, tmp_path):
    stamp_packet(packet, reply=_reply_for(local_tsa, packet, tmp_path).read_bytes())
    folder = unzip(packet, tmp_path / "unzipped")
    readme = (folder / "README.txt").read_text()
    assert "openssl ts -verify -queryfile SHA256SUMS.tsq -in SHA256SUMS.tsr" in readme
    done = subprocess.run(["openssl", "ts", "-verify", "-queryfile", "SHA256SUMS.tsq",
                           "-in", "SHA256SUMS.tsr", "-CAfile", str(local_tsa.ca_pem)],
                          cwd=folder, capture_output=True, text=True)
    assert "Verification: OK" in done.stdout, done.stderr
    assert subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=folder).returncode == 0


def test_a_reply_for_other_data_is_refused(packet, local_tsa, tmp_path):
    other = tmp_path / "other.tsq"
    other.write_bytes(make_request(b"other data\n"))
    reply = local_tsa.reply(other, tmp_path / "other.tsr")
    with pytest.raises(InputRejected, match="stamps other data"):
        stamp_packet(packet, reply=reply.read_bytes())
    assert TSR not in read_zip(packet)
    # Slipped in by hand, verify names it.
    files = read_zip(packet)
    files[TSR] = reply.read_bytes()
    forged = write_zip(tmp_path / "forged.zip", files)
    report = verify_packet(forged, tsa_certs=[local_tsa.ca_pem])
    assert not report.ok and any("stamps other data" in p for p in report.problems)
    assert report.timestamp is not None and report.timestamp.state == "invalid"


def test_a_reply_to_another_request_for_the_same_data_is_refused(packet, local_tsa, tmp_path,
                                                                 capsys):
    """Same imprint, another nonce: someone replayed a reply made for another request."""
    sums = _entry(packet, "SHA256SUMS")
    replay = tmp_path / "replay.tsq"
    replay.write_bytes(make_request(sums, nonce=12345))
    reply = local_tsa.reply(replay, tmp_path / "replay.tsr")
    with pytest.raises(InputRejected, match="nonce"):
        stamp_packet(packet, reply=reply.read_bytes())
    assert main(["stamp", str(packet), "--reply", str(reply)]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "its nonce is not" in err
    assert TSR not in read_zip(packet)


def _tampered(reply: bytes, find: bytes, replace: bytes) -> bytes:
    assert reply.count(find) == 1
    return reply.replace(find, replace)


def test_a_tampered_token_fails_verification(packet, local_tsa, tmp_path):
    reply = _reply_for(local_tsa, packet, tmp_path).read_bytes()
    request, sums = _entry(packet, TSQ), _entry(packet, "SHA256SUMS")
    resp = tsp.TimeStampResp.load(reply)
    info = resp["time_stamp_token"]["content"]["encap_content_info"]["content"].parsed
    gen_time = info["gen_time"].dump()
    # Move the stamped time inside TSTInfo by a year: the signed digest no longer matches.
    later = gen_time.replace(b"20", b"21", 1)
    changed = _tampered(reply, gen_time, later)
    check = check_reply(changed, request, sums, [])
    assert check.state == "invalid"
    assert any("altered" in p for p in check.problems)
    # Change a byte of the signature itself.
    signature = resp["time_stamp_token"]["content"]["signer_infos"][0]["signature"].native
    bad = _tampered(reply, signature[:16], bytes([signature[0] ^ 0xFF]) + signature[1:16])
    check = check_reply(bad, request, sums, [])
    assert check.state == "invalid" and any("signature" in p for p in check.problems)
    with pytest.raises(InputRejected, match="does not stamp this packet"):
        stamp_packet(packet, reply=bad)
    # Garbage is one clear problem, not a crash.
    assert check_reply(b"\x30\x03garbage", request, sums, []).state == "invalid"


def test_an_authority_outside_the_trusted_ca_fails(packet, local_tsa, tmp_path, capsys):
    stamp_packet(packet, reply=_reply_for(local_tsa, packet, tmp_path).read_bytes())
    stranger = make_tsa(tmp_path / "stranger")
    report = verify_packet(packet, tsa_certs=[stranger.ca_pem])
    assert not report.ok and any("does not chain" in p for p in report.problems)
    assert main(["verify", str(packet), "--tsa-cert", str(stranger.ca_pem)]) == 1
    assert "FAIL time stamp" in capsys.readouterr().out


def test_stamp_over_http_and_twice_refused(packet, local_tsa, tmp_path, capsys):
    with local_tsa.serving() as url:
        assert main(["stamp", str(packet), "--tsa", url, "--tsa-cert",
                     str(local_tsa.ca_pem), "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["state"] == "trusted" and data["time_utc"].endswith("Z")
        assert main(["stamp", str(packet), "--tsa", url]) != 0
        assert "already stamped" in capsys.readouterr().err
    assert verify_packet(packet, tsa_certs=[local_tsa.ca_pem]).timestamp.state == "trusted"


def test_an_unreachable_authority_is_one_line_and_leaves_the_packet(packet, capsys):
    before = packet.read_bytes()
    assert main(["stamp", str(packet), "--tsa", "http://127.0.0.1:9/tsa"]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "could not be reached" in err
    assert packet.read_bytes() == before


def test_an_old_packet_without_request_can_be_stamped_online_only(packet, local_tsa,
                                                                   tmp_path):
    files = read_zip(packet)
    del files[TSQ]
    old = write_zip(tmp_path / "old.zip", files)
    with pytest.raises(InputRejected, match="--tsa URL"):
        stamp_packet(old, reply=b"anything")
    with local_tsa.serving() as url:
        stamp_packet(old, tsa_url=url)
    assert TSQ in read_zip(old) and TSR in read_zip(old)
    assert verify_packet(old, tsa_certs=[local_tsa.ca_pem]).timestamp.state == "trusted"


def test_verify_with_tsa_cert_on_an_unstamped_packet_fails(packet, local_tsa):
    report = verify_packet(packet, tsa_certs=[local_tsa.ca_pem])
    assert not report.ok and any("not time-stamped" in p for p in report.problems)
