"""Trusted time stamps (RFC 3161) on a packet's SHA256SUMS: the request, the reply, the check.

A signature proves who sealed a packet, not when. At export the packet gets
`SHA256SUMS.tsq`, a time-stamp request for the SHA-256 of SHA256SUMS with a random nonce and
certReq set (no network needed). A time-stamp authority's reply, obtained online (`--tsa`)
or elsewhere (`curl` on another machine), is added as `SHA256SUMS.tsr` by `stamp_packet`
without touching any other entry. `check_reply` does what `openssl ts -verify -queryfile
SHA256SUMS.tsq -in SHA256SUMS.tsr -CAfile CA.pem` does: the reply was granted, its imprint
is the SHA-256 of SHA256SUMS, its nonce is the request's, the authority's signature over the
token is good (message digest, ESS signing-certificate reference), the signer is a
time-stamping certificate, and its chain reaches a trusted CA certificate, each certificate
valid at the stamped time.

ASN.1 is read and written with asn1crypto (a small pure-Python DER library with the RFC 3161
and CMS structures); signatures and chains are checked with cryptography.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from asn1crypto import algos, tsp
from asn1crypto.core import ParsableOctetString
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import ExtendedKeyUsageOID

from annotator.core.errors import InputRejected
from annotator.core.packet.zipwriter import SUMS, read_member
from annotator.core.timeutil import iso_z

TSQ = "SHA256SUMS.tsq"
TSR = "SHA256SUMS.tsr"
TSA_TIMEOUT_S = 30
_MAX_REPLY = 1024 * 1024  # a reply is a few kB; anything larger is not one

_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "sha1": hashes.SHA1, "sha224": hashes.SHA224, "sha256": hashes.SHA256,
    "sha384": hashes.SHA384, "sha512": hashes.SHA512,
}


@dataclass
class StampCheck:
    """What a time-stamp reply proves about a packet.

    `state`: `requested` (a request, no reply), `signed` (the reply is consistent and its
    signature good, but no trusted CA certificate was given to check the chain), `trusted`
    (the chain reaches a given CA certificate) or `invalid` (see `problems`).
    """

    state: str
    time_utc: datetime | None = None
    authority: str | None = None
    serial: int | None = None
    policy: str | None = None
    accuracy_s: float | None = None
    nonce: int | None = None
    problems: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"state": self.state, "time_utc": iso_z(self.time_utc) if self.time_utc else None,
                "authority": self.authority, "serial": self.serial, "policy": self.policy,
                "accuracy_s": self.accuracy_s,
                "nonce": None if self.nonce is None else format(self.nonce, "x"),
                "problems": self.problems}


def make_request(sums: bytes, nonce: int | None = None) -> bytes:
    """DER TimeStampReq for SHA-256(`sums`), with a 64-bit random nonce and certReq."""
    return tsp.TimeStampReq({
        "version": "v1",
        "message_imprint": {"hash_algorithm": {"algorithm": "sha256"},
                            "hashed_message": hashlib.sha256(sums).digest()},
        "nonce": secrets.randbits(63) | (1 << 62) if nonce is None else nonce,
        "cert_req": True,
    }).dump()


@dataclass(frozen=True)
class Request:
    digest_algorithm: str
    digest: bytes
    nonce: int | None


def read_request(data: bytes) -> Request:
    """The parts of a DER TimeStampReq a reply must echo."""
    try:
        req = tsp.TimeStampReq.load(data)
        imprint = req["message_imprint"]
        nonce = req["nonce"].native
        return Request(imprint["hash_algorithm"]["algorithm"].native,
                       imprint["hashed_message"].native, nonce)
    except (ValueError, TypeError, KeyError) as exc:
        raise InputRejected(f"SHA256SUMS.tsq is not a time-stamp request ({exc})",
                            code="STAMP_REQUEST_UNREADABLE", reason=exc) from exc


def check_reply(reply: bytes, request: bytes, sums: bytes,
                trusted: Sequence[x509.Certificate] = ()) -> StampCheck:
    """Check a DER TimeStampResp against the request and SHA256SUMS (see the module)."""
    result = StampCheck("invalid")
    try:
        _check(reply, read_request(request), sums, trusted, result)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        result.problems.append(f"{TSR} cannot be read as a time-stamp reply ({exc})")
    if result.problems:
        result.state = "invalid"
    return result


def _check(reply: bytes, request: Request, sums: bytes,
           trusted: Sequence[x509.Certificate], result: StampCheck) -> None:
    resp = tsp.TimeStampResp.load(reply)
    status = resp["status"]["status"].native
    if status not in ("granted", "granted_with_mods"):
        text = resp["status"]["status_string"].native
        result.problems.append(f"the authority refused the request ({status}"
                               + (f": {'; '.join(text)}" if text else "") + ")")
        return
    token = resp["time_stamp_token"]
    if token["content_type"].native != "signed_data":
        result.problems.append("the reply's token is not CMS signed data")
        return
    signed = token["content"]
    encap = signed["encap_content_info"]
    if encap["content_type"].native != "tst_info":
        result.problems.append("the token does not hold time-stamp information (TSTInfo)")
        return
    content = encap["content"]
    tst_der = content.contents if isinstance(content, ParsableOctetString) else content.dump()
    info = tsp.TSTInfo.load(tst_der)
    result.time_utc = info["gen_time"].native
    result.serial = info["serial_number"].native
    result.policy = info["policy"].dotted
    result.nonce = info["nonce"].native
    result.accuracy_s = _accuracy(info["accuracy"])
    tsa_name = info["tsa"]
    if tsa_name.native is not None:
        result.authority = _general_name_text(tsa_name)

    imprint = info["message_imprint"]
    algorithm = imprint["hash_algorithm"]["algorithm"].native
    stamped = imprint["hashed_message"].native
    if algorithm != request.digest_algorithm or stamped != request.digest:
        result.problems.append(f"{TSR} stamps other data than {TSQ} asked for")
    if algorithm not in _HASHES or hashlib.new(algorithm, sums).digest() != stamped:
        result.problems.append(f"{TSR} stamps other data: its imprint is not the "
                               f"{algorithm.upper()} of {SUMS}")
    if request.nonce is not None and result.nonce != request.nonce:
        result.problems.append(f"{TSR} answers another request: its nonce is not {TSQ}'s")

    certs = [x509.load_der_x509_certificate(c.chosen.dump()) for c in signed["certificates"]
             if c.name == "certificate"] if signed["certificates"].native else []
    infos = signed["signer_infos"]
    if len(infos) != 1:
        result.problems.append(f"the token has {len(infos)} signers, not one")
        return
    signer_info = infos[0]
    signer = _find_signer(signer_info["sid"], [*certs, *trusted])
    if signer is None:
        result.problems.append("the authority's certificate is not in the reply (and was not "
                               "given with --tsa-cert)")
        return
    if result.authority is None:
        result.authority = signer.subject.rfc4514_string()
    _check_signature(signer_info, tst_der, signer, result)
    _check_signer_certificate(signer, result)
    if trusted:
        _check_chain(signer, certs, trusted, result)
    if not result.problems:
        result.state = "trusted" if trusted else "signed"


def _accuracy(accuracy: Any) -> float | None:
    if accuracy.native is None:
        return None
    value = accuracy.native
    return (value.get("seconds") or 0) + (value.get("millis") or 0) / 1e3 \
        + (value.get("micros") or 0) / 1e6


def _general_name_text(name: Any) -> str:
    chosen = name.chosen
    if name.name == "directory_name":
        return str(chosen.human_friendly)
    return str(chosen.native)


def _find_signer(sid: Any, certs: Sequence[x509.Certificate]) -> x509.Certificate | None:
    if sid.name == "issuer_and_serial_number":
        issuer = sid.chosen["issuer"].dump()
        serial = sid.chosen["serial_number"].native
        for cert in certs:
            if cert.serial_number == serial and cert.issuer.public_bytes() == issuer:
                return cert
        return None
    key_id = sid.chosen.native
    for cert in certs:
        try:
            ski = cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier)
        except x509.ExtensionNotFound:
            continue
        if ski.value.digest == key_id:
            return cert
    return None


def _check_signature(signer_info: Any, tst_der: bytes, signer: x509.Certificate,
                     result: StampCheck) -> None:
    digest_name = signer_info["digest_algorithm"]["algorithm"].native
    if digest_name not in _HASHES:
        result.problems.append(f"the token uses an unknown digest ({digest_name})")
        return
    attrs = signer_info["signed_attrs"]
    if not attrs.native:
        result.problems.append("the token's signature covers no signed attributes")
        return
    values = {a["type"].native: a["values"] for a in attrs}
    digest = values.get("message_digest")
    if digest is None or digest[0].native != hashlib.new(digest_name, tst_der).digest():
        result.problems.append("the token was altered: its time-stamp information does not "
                               "match the digest the authority signed")
    if values.get("content_type") is None or values["content_type"][0].native != "tst_info":
        result.problems.append("the token's signed content type is not TSTInfo")
    _check_ess(values, signer, result)
    signed_bytes = b"\x31" + attrs.dump()[1:]  # signed as a SET OF, stored [0] IMPLICIT
    try:
        _verify(signer.public_key(), signer_info["signature"].native, signed_bytes,
                signer_info["signature_algorithm"], _HASHES[digest_name]())
    except InvalidSignature:
        result.problems.append("the authority's signature on the token is not valid "
                               "(the token was altered or signed by another key)")
    except (ValueError, TypeError) as exc:
        result.problems.append(f"the token's signature cannot be checked ({exc})")


def _check_ess(values: dict[str, Any], signer: x509.Certificate, result: StampCheck) -> None:
    """The ESS signing-certificate attribute names the certificate that signed (RFC 5035)."""
    der = signer.public_bytes(Encoding.DER)
    if "signing_certificate_v2" in values:
        ids = values["signing_certificate_v2"][0]["certs"]
        algorithm = ids[0]["hash_algorithm"]["algorithm"].native if len(ids) else "sha256"
        expected = hashlib.new(algorithm, der).digest()
    elif "signing_certificate" in values:
        ids = values["signing_certificate"][0]["certs"]
        expected = hashlib.sha1(der).digest()  # noqa: S324 - RFC 2634 ESSCertID is SHA-1
    else:
        result.problems.append("the token does not name its signing certificate (ESS)")
        return
    if not len(ids) or ids[0]["cert_hash"].native != expected:
        result.problems.append("the token names another signing certificate than the one "
                               "that signed it")


def _verify(key: Any, signature: bytes, data: bytes, algorithm: algos.SignedDigestAlgorithm,
            digest: hashes.HashAlgorithm) -> None:
    kind = algorithm.signature_algo
    if isinstance(key, rsa.RSAPublicKey):
        if kind == "rsassa_pss":
            params = algorithm["parameters"]
            pss_hash = _HASHES[params["hash_algorithm"]["algorithm"].native]()
            key.verify(signature, data, padding.PSS(
                mgf=padding.MGF1(pss_hash), salt_length=params["salt_length"].native),
                pss_hash)
        else:
            key.verify(signature, data, padding.PKCS1v15(), digest)
    elif isinstance(key, ec.EllipticCurvePublicKey):
        key.verify(signature, data, ec.ECDSA(digest))
    elif isinstance(key, ed25519.Ed25519PublicKey):
        key.verify(signature, data)
    else:
        raise ValueError(f"unsupported key type {type(key).__name__}")


def _check_signer_certificate(signer: x509.Certificate, result: StampCheck) -> None:
    """RFC 3161 §2.3: the signer's certificate is for time stamping only, critically."""
    try:
        eku = signer.extensions.get_extension_for_class(x509.ExtendedKeyUsage)
    except x509.ExtensionNotFound:
        result.problems.append("the authority's certificate is not a time-stamping "
                               "certificate (no extended key usage)")
        return
    if ExtendedKeyUsageOID.TIME_STAMPING not in eku.value or not eku.critical:
        result.problems.append("the authority's certificate is not a time-stamping "
                               "certificate (extended key usage timeStamping, critical)")


def _check_chain(signer: x509.Certificate, carried: Sequence[x509.Certificate],
                 trusted: Sequence[x509.Certificate], result: StampCheck) -> None:
    when = result.time_utc
    anchors = {c.fingerprint(hashes.SHA256()) for c in trusted}
    cert, seen = signer, 0
    while seen < 8:
        if when is not None and not (cert.not_valid_before_utc <= when
                                     <= cert.not_valid_after_utc):
            result.problems.append(f"the certificate {cert.subject.rfc4514_string()} was not "
                                   "valid at the stamped time")
            return
        if cert.fingerprint(hashes.SHA256()) in anchors:
            return
        issuer = _issuer_of(cert, [*trusted, *carried])
        if issuer is None:
            result.problems.append("the authority's certificate does not chain to the trusted "
                                   "CA certificate(s) given with --tsa-cert")
            return
        if issuer is not cert and not _is_ca(issuer):
            result.problems.append(f"{issuer.subject.rfc4514_string()} is not a CA "
                                   "certificate")
            return
        if issuer is cert:  # self-signed and not trusted
            result.problems.append("the authority's certificate does not chain to the trusted "
                                   "CA certificate(s) given with --tsa-cert")
            return
        cert, seen = issuer, seen + 1
    result.problems.append("the authority's certificate chain is too long")


def _issuer_of(cert: x509.Certificate,
               candidates: Sequence[x509.Certificate]) -> x509.Certificate | None:
    for candidate in candidates:
        if candidate.subject != cert.issuer:
            continue
        try:
            cert.verify_directly_issued_by(candidate)
        except (ValueError, TypeError, InvalidSignature):
            continue
        return candidate
    return None


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def load_certificates(paths: Sequence[Path]) -> list[x509.Certificate]:
    """Trusted CA certificates from PEM (one or more per file) or DER files."""
    certs: list[x509.Certificate] = []
    for path in paths:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise InputRejected(f"{path}: cannot read ({exc.strerror})",
                                code="TSA_CERT_UNREADABLE", path=path,
                                strerror=exc.strerror) from exc
        try:
            if b"-----BEGIN" in data:
                certs.extend(x509.load_pem_x509_certificates(data))
            else:
                certs.append(x509.load_der_x509_certificate(data))
        except ValueError as exc:
            raise InputRejected(f"{path} is not a certificate (PEM or DER)",
                                code="TSA_CERT_INVALID", path=path) from exc
    return certs


def read_stamp_entries(zf: zipfile.ZipFile) -> tuple[bytes | None, bytes | None, bytes | None]:
    """(SHA256SUMS, request, reply) from an open packet, each None when absent."""
    return read_member(zf, SUMS), read_member(zf, TSQ, 64 * 1024), read_member(zf, TSR, _MAX_REPLY)


def fetch_reply(url: str, request: bytes, timeout: float = TSA_TIMEOUT_S) -> bytes:
    """POST the request to a time-stamp authority (RFC 3161 over HTTP) and return its reply."""
    if not url.lower().startswith(("http://", "https://")):
        raise InputRejected(f"{url}: a time-stamp authority's address starts with http:// or "
                            "https://", code="TSA_URL_INVALID", url=url)
    http = urllib.request.Request(url, data=request, method="POST", headers={
        "Content-Type": "application/timestamp-query",
        "Accept": "application/timestamp-reply"})
    try:
        with urllib.request.urlopen(http, timeout=timeout) as answer:  # noqa: S310 - checked
            reply: bytes = answer.read(_MAX_REPLY + 1)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise InputRejected(f"the time-stamp authority {url} could not be reached ({reason})",
                            code="TSA_UNREACHABLE", url=url, reason=reason) from exc
    if len(reply) > _MAX_REPLY:
        raise InputRejected(f"{url} answered with more than 1 MB: not a time-stamp reply",
                            code="TSA_REPLY_INVALID", url=url)
    return reply


def stamp_packet(path: Path, *, reply: bytes | None = None, tsa_url: str | None = None,
                 trusted: Sequence[x509.Certificate] = ()) -> StampCheck:
    """Add the authority's reply to the packet as SHA256SUMS.tsr, leaving every other entry
    as it is. The reply must answer the packet's request (imprint, nonce) with a good
    signature; a packet exported without a request gets one too when `tsa_url` is given."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as zf:
            sums, request, existing = read_stamp_entries(zf)
    except FileNotFoundError as exc:
        raise InputRejected(f"{path}: no such file", code="PACKET_MISSING", path=path) from exc
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputRejected(f"{path} is not a readable zip file", code="PACKET_NOT_ZIP",
                            path=path) from exc
    if sums is None:
        raise InputRejected(f"{path} has no SHA256SUMS: not an evidence packet",
                            code="PACKET_NO_SUMS", path=path)
    if existing is not None:
        raise InputRejected(f"{path} is already stamped (SHA256SUMS.tsr exists)",
                            code="PACKET_ALREADY_STAMPED", path=path)
    add_request = False
    if request is None:
        if tsa_url is None:
            raise InputRejected(f"{path} has no SHA256SUMS.tsq (exported before time "
                                "stamps): stamp it with --tsa URL, which makes the request too",
                                code="PACKET_NO_STAMP_REQUEST", path=path)
        request, add_request = make_request(sums), True
    if reply is None:
        if tsa_url is None:
            raise InputRejected("give --tsa URL or --reply FILE.tsr", code="STAMP_NO_REPLY")
        reply = fetch_reply(tsa_url, request)
    check = check_reply(reply, request, sums, trusted)
    if check.state == "invalid":
        raise InputRejected(f"the reply does not stamp this packet: {check.problems[0]}",
                            code="STAMP_REPLY_REJECTED", path=path, problem=check.problems[0])
    _append(path, {TSQ: request, TSR: reply} if add_request else {TSR: reply})
    return check


def _append(path: Path, entries: dict[str, bytes]) -> None:
    """Append entries to a copy of the zip and move it into place: the existing entries'
    bytes are copied unchanged, and a failure leaves the packet as it was."""
    fd, tmp_name = tempfile.mkstemp(prefix=".stamp-", suffix=".zip", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        shutil.copyfile(path, tmp)
        with zipfile.ZipFile(tmp, "a", compression=zipfile.ZIP_STORED) as zf:
            for name, data in entries.items():
                zf.writestr(name, data)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
