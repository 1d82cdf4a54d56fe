"""Checking a packet: every file against SHA256SUMS, the signature, the custody chain, and
the manifest's hashes of the originals.

The zip is read entry by entry and hashed as a stream; nothing is extracted, so a hostile
entry name (an absolute path or `..`, the "zip-slip") can never write anywhere. Such entries
are refused by name and not read. Every problem found is reported (not only the first), each
naming its file, so an examiner can say exactly what changed.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from annotator.core.errors import InputRejected
from annotator.core.hashing import sha256_of_stream
from annotator.core.packet import custody, timestamp
from annotator.core.packet.signing import (
    fingerprint,
    load_public_key,
    load_public_key_pem,
    verify_signature,
)
from annotator.core.packet.zipwriter import SUMS, read_member
from annotator.core.timeutil import iso_z

SIG = "SHA256SUMS.sig"
AFTER_EVENT = ("custody.jsonl", "report.pdf")
_SUM_LINE = re.compile(r"^([0-9a-fA-F]{64}) [ *](.+)$")


@dataclass
class VerifyReport:
    """The outcome of `verify_packet`. `ok` is False when any problem was found."""

    path: str
    files_checked: int = 0
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    altered: list[str] = field(default_factory=list)
    unsafe: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    signature: str = "unsigned"  # unsigned | valid | invalid | missing | no_key
    signature_key: str | None = None  # fingerprint of the key the signature was checked with
    notes: list[str] = field(default_factory=list)
    custody_events: int = 0
    custody_redacted: int = 0
    timestamp: timestamp.StampCheck | None = None  # None: no time-stamp request either

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "path": self.path, "files_checked": self.files_checked,
                "missing": self.missing, "extra": self.extra, "altered": self.altered,
                "unsafe": self.unsafe, "signature": self.signature,
                "signature_key_sha256": self.signature_key, "problems": self.problems,
                "notes": self.notes, "custody_events": self.custody_events,
                "custody_redacted": self.custody_redacted,
                "timestamp": self.timestamp.to_json() if self.timestamp else None}


def is_unsafe_name(name: str) -> bool:
    """True for an entry that would land outside the folder it is unzipped into."""
    if not name or "\x00" in name or "\\" in name:
        return True
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return True
    return ".." in PurePosixPath(name).parts


def _hash_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> str:
    with zf.open(info) as fh:
        return sha256_of_stream(fh)


def parse_sums(data: bytes, report: VerifyReport) -> dict[str, str]:
    """SHA256SUMS as {name: sha256}; malformed lines are problems."""
    sums: dict[str, str] = {}
    for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), start=1):
        if not line.strip():
            continue
        match = _SUM_LINE.match(line)
        if not match:
            report.problems.append(f"{SUMS} line {number} is not a checksum line")
            continue
        digest, name = match.group(1).lower(), match.group(2)
        if is_unsafe_name(name):
            report.unsafe.append(name)
            report.problems.append(f"{SUMS} names an unsafe path: {name}")
            continue
        if name in sums:
            report.problems.append(f"{SUMS} lists {name} twice")
        sums[name] = digest
    return sums


def _evidence_digest(sums: dict[str, str]) -> str:
    text = "".join(f"{sums[n]}  {n}\n" for n in sorted(sums) if n not in AFTER_EVENT)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def verify_packet(path: Path, pubkey: Path | None = None,
                  tsa_certs: Sequence[Path] = ()) -> VerifyReport:
    """Check the packet at `path`; with `pubkey`, the signature must be that key's; with
    `tsa_certs`, the time stamp must chain to one of those CA certificates."""
    trusted = timestamp.load_certificates(tsa_certs)
    path = Path(path)
    report = VerifyReport(str(path))
    try:
        zf = zipfile.ZipFile(path)
    except FileNotFoundError as exc:
        raise InputRejected(f"{path}: no such file", code="PACKET_MISSING", path=path) from exc
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputRejected(f"{path} is not a readable zip file",
                            code="PACKET_NOT_ZIP", path=path) from exc
    with zf:
        entries = _entries(zf, report)
        sums_data = read_member(zf, SUMS) if SUMS in entries else None
        if sums_data is None:
            report.missing.append(SUMS)
            report.problems.append(f"{SUMS} is missing: no file can be checked")
            return report
        sums = parse_sums(sums_data, report)
        _check_files(zf, entries, sums, report)
        manifest = _load_manifest(zf, report)
        _check_signature(zf, entries, sums_data, manifest, pubkey, report)
        _check_custody(zf, sums, report)
        _check_manifest_hashes(manifest, sums, report)
        _check_timestamp(zf, entries, sums_data, trusted, report)
    return report


def _entries(zf: zipfile.ZipFile, report: VerifyReport) -> dict[str, zipfile.ZipInfo]:
    entries: dict[str, zipfile.ZipInfo] = {}
    for info in zf.infolist():
        name = info.filename
        if is_unsafe_name(name):
            report.unsafe.append(name)
            report.problems.append(f"unsafe entry refused (absolute path or '..'): {name}")
            continue
        if info.is_dir():
            continue
        if name in entries:
            report.problems.append(f"the zip holds two entries named {name}")
            continue
        entries[name] = info
    return entries


def _check_files(zf: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo],
                 sums: dict[str, str], report: VerifyReport) -> None:
    for name in sorted(sums):
        info = entries.get(name)
        if info is None:
            report.missing.append(name)
            report.problems.append(f"missing: {name}")
            continue
        try:
            digest = _hash_entry(zf, info)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            report.altered.append(name)
            report.problems.append(f"altered: {name} (its bytes no longer match the zip's "
                                   "own checksum)")
            continue
        report.files_checked += 1
        if digest != sums[name]:
            report.altered.append(name)
            report.problems.append(f"altered: {name}")
    for name in sorted(set(entries) - set(sums) - {SUMS, SIG, timestamp.TSQ, timestamp.TSR}):
        report.extra.append(name)
        report.problems.append(f"extra file not in {SUMS}: {name}")


def _load_manifest(zf: zipfile.ZipFile, report: VerifyReport) -> dict[str, Any] | None:
    data = read_member(zf, "manifest.json")
    if data is None:
        return None
    try:
        value = json.loads(data)
    except ValueError:
        report.problems.append("manifest.json is not valid JSON")
        return None
    return value if isinstance(value, dict) else None


def _check_signature(zf: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo],
                     sums_data: bytes, manifest: dict[str, Any] | None, pubkey: Path | None,
                     report: VerifyReport) -> None:
    declared = (manifest or {}).get("signature") or None
    sig = read_member(zf, SIG, limit=4096) if SIG in entries else None
    if sig is None:
        if pubkey is not None or declared:
            report.signature = "missing"
            report.problems.append(f"{SIG} is missing: the packet is not signed")
        else:
            report.notes.append("The packet is not signed; SHA256SUMS alone vouches for it.")
        return
    if pubkey is not None:
        key = load_public_key(pubkey)
        source = f"the public key {pubkey}"
    elif declared and declared.get("public_key_pem"):
        try:
            key = load_public_key_pem(declared["public_key_pem"], origin="the manifest's key")
        except InputRejected as exc:
            report.signature = "no_key"
            report.problems.append(f"{SIG}: {exc}")
            return
        source = "the public key inside the packet's manifest"
    else:
        report.signature = "no_key"
        report.problems.append(f"{SIG} is present but no public key was given or found in "
                               "the manifest")
        return
    report.signature_key = fingerprint(key)
    if verify_signature(key, sig, sums_data):
        report.signature = "valid"
        report.notes.append(f"Signature valid, checked with {source} "
                            f"(SHA-256 {report.signature_key}).")
        if pubkey is None:
            report.notes.append("This proves the files are unchanged since signing, not who "
                                "signed: give --pubkey with the examiner's published key for "
                                "that.")
        elif declared and declared.get("public_key_sha256") not in (None, report.signature_key):
            report.notes.append("The manifest names a different key than the one given.")
    else:
        report.signature = "invalid"
        report.problems.append(f"bad signature: {SIG} does not match {SUMS} under {source}")


def _check_timestamp(zf: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo], sums_data: bytes,
                     trusted: Sequence[Any], report: VerifyReport) -> None:
    _, request, reply = timestamp.read_stamp_entries(zf)
    if reply is None and timestamp.TSR in entries:
        report.problems.append(f"{timestamp.TSR} is too large to be a time-stamp reply")
        return
    if reply is None:
        if request is not None:
            report.timestamp = timestamp.StampCheck("requested")
            report.notes.append(f"Not time-stamped: {timestamp.TSQ} is a request no authority "
                                "has answered yet (`annotator stamp` adds the reply).")
        if trusted:
            report.problems.append(f"--tsa-cert was given but the packet has no "
                                   f"{timestamp.TSR}: it was not time-stamped")
        return
    if request is None:
        report.problems.append(f"{timestamp.TSR} is present without {timestamp.TSQ}: its "
                               "nonce cannot be checked")
        return
    check = timestamp.check_reply(reply, request, sums_data, trusted)
    report.timestamp = check
    if check.state == "invalid":
        report.problems.extend(f"time stamp: {p}" for p in check.problems)
        return
    when = iso_z(check.time_utc) if check.time_utc else "an unreadable time"
    accuracy = f" ±{check.accuracy_s:g} s" if check.accuracy_s else ""
    report.notes.append(f"Time-stamped: {SUMS}, hence every file it lists, existed at "
                        f"{when}{accuracy} (authority: {check.authority}).")
    if check.state == "signed":
        report.notes.append("The time stamp's signature is good but its authority was not "
                            "checked: give --tsa-cert with the authority's CA certificate.")


def _check_custody(zf: zipfile.ZipFile, sums: dict[str, str], report: VerifyReport) -> None:
    if "custody.jsonl" not in sums:
        report.problems.append(f"custody.jsonl is not listed in {SUMS}")
        return
    data = read_member(zf, "custody.jsonl")
    if data is None:
        return  # already reported as missing or altered
    try:
        lines = custody.parse(data)
    except (ValueError, UnicodeDecodeError) as exc:
        report.problems.append(f"custody log: {exc}")
        return
    check = custody.verify_lines(lines)
    report.custody_events = check.count
    report.custody_redacted = check.redacted
    if not check.ok:
        report.problems.append(f"custody log broken: {check.problem}")
        return
    last = check.last or {}
    if last.get("action") != "packet.export":
        report.problems.append("custody log: its last event is not this packet's export")
        return
    try:
        recorded = json.loads(last.get("details") or "{}").get("evidence_sha256")
    except (ValueError, AttributeError):
        recorded = None
    if recorded != _evidence_digest(sums):
        report.problems.append(f"custody log: the export event's evidence digest does not "
                               f"match {SUMS} (files were changed after the export)")


def _check_manifest_hashes(manifest: dict[str, Any] | None, sums: dict[str, str],
                           report: VerifyReport) -> None:
    if manifest is None:
        return
    for photo in manifest.get("photos") or []:
        try:
            name, sha = photo["paths"]["original"], photo["sha256"]
        except (KeyError, TypeError):
            report.problems.append("manifest.json: a photo has no original path or SHA-256")
            continue
        if name in sums and sums[name] != sha:
            report.problems.append(f"{name}: its SHA-256 in {SUMS} differs from the "
                                   "manifest's record of the original")
        credentials = photo.get("c2pa") if isinstance(photo.get("c2pa"), dict) else {}
        for key in ("store", "report"):  # the content credentials' files it names
            listed = credentials.get(key)
            if isinstance(listed, str) and listed not in sums:
                report.problems.append(f"manifest.json names {listed}, which is not in {SUMS}")
