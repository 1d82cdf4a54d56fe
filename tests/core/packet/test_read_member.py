"""Reading a packet's small members (SHA256SUMS, the time-stamp request and reply) from a
damaged archive gives None, never a traceback: `verify` and `stamp` then say what is missing."""

from __future__ import annotations

import zipfile
from pathlib import Path

from annotator.core.packet.timestamp import read_stamp_entries
from annotator.core.packet.zipwriter import SUMS, read_member


def _packet(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr(SUMS, "0" * 64 + "  a.txt\n")
        zf.writestr("SHA256SUMS.tsq", b"\x30\x03\x02\x01\x01")
    return path


def test_members_are_read_and_absent_ones_are_none(tmp_path: Path):
    with zipfile.ZipFile(_packet(tmp_path / "p.zip")) as zf:
        sums, request, reply = read_stamp_entries(zf)
        assert sums is not None and sums.endswith(b"a.txt\n")
        assert request == b"\x30\x03\x02\x01\x01" and reply is None
        assert read_member(zf, SUMS, limit=10) is None  # larger than the limit


def test_a_member_whose_bytes_were_altered_reads_as_none(tmp_path: Path):
    path = _packet(tmp_path / "p.zip")
    data = bytearray(path.read_bytes())
    at = data.index(b"a.txt\n")
    data[at] = ord("b")  # the stored bytes no longer match their CRC
    path.write_bytes(bytes(data))
    with zipfile.ZipFile(path) as zf:
        assert read_member(zf, SUMS) is None
        sums, request, _reply = read_stamp_entries(zf)
        assert sums is None and request is not None
