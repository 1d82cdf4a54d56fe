"""Examiner keys and packet signatures: Ed25519, in formats OpenSSL reads.

A packet's signature is the raw 64-byte Ed25519 signature of its `SHA256SUMS` file, so a
recipient without our software checks it with
`openssl pkeyutl -verify -pubin -inkey KEY.pub -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig`.
The private key is PKCS#8 PEM (mode 600); the public key is SubjectPublicKeyInfo PEM, the form
`openssl pkey -pubin` reads, and it is also carried in the manifest.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from annotator.core.errors import InputRejected

ALGORITHM = "Ed25519"


@dataclass(frozen=True)
class KeyPair:
    """Where `keygen` wrote the two halves of a key, and the public key's fingerprint."""

    private_path: Path
    public_path: Path
    fingerprint: str


def public_pem(key: Ed25519PublicKey) -> str:
    """The public key as SubjectPublicKeyInfo PEM text."""
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


def fingerprint(key: Ed25519PublicKey) -> str:
    """SHA-256 of the DER SubjectPublicKeyInfo, in hex: what `openssl pkey -pubin -outform
    DER | sha256sum` prints, so a recipient can compare it with what the examiner published."""
    der = key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(der).hexdigest()


def generate_keypair(out: Path, *, overwrite: bool = False) -> KeyPair:
    """Write a new private key at `out` (mode 600) and its public key at `out` + `.pub`."""
    out = Path(out)
    pub = out.with_name(out.name + ".pub")
    if not overwrite:
        for path in (out, pub):
            if path.exists():
                raise InputRejected(f"{path} already exists; refusing to overwrite a key",
                                    code="KEY_EXISTS", path=path)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if overwrite:
            out.unlink(missing_ok=True)
        # The file is created with mode 600 from the start: never readable by others, even
        # for an instant.
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(pem)
        os.chmod(out, 0o600)
        pub.write_text(public_pem(key.public_key()), encoding="ascii")
    except OSError as exc:
        raise InputRejected(f"cannot write the key to {out}: {exc.strerror}",
                            code="KEY_WRITE_FAILED", out=out, strerror=exc.strerror) from exc
    return KeyPair(out, pub, fingerprint(key.public_key()))


def load_private_key(path: Path) -> Ed25519PrivateKey:
    """Read an Ed25519 private key (PEM PKCS#8, as `keygen` writes it)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputRejected(f"cannot read the key file {path}: {exc.strerror}",
                            code="KEY_READ_FAILED", path=path, strerror=exc.strerror) from exc
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise InputRejected(
            f"{path} is not an unencrypted PEM private key (make one with `annotator keygen`)",
            code="KEY_NOT_PEM", path=path
        ) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise InputRejected(f"{path} is not an Ed25519 key (make one with `annotator keygen`)",
                            code="KEY_NOT_ED25519", path=path)
    return key


def load_public_key_pem(data: bytes | str, *, origin: str = "the public key") -> Ed25519PublicKey:
    """Read an Ed25519 public key from SubjectPublicKeyInfo PEM."""
    raw = data.encode("ascii", "replace") if isinstance(data, str) else data
    try:
        key = serialization.load_pem_public_key(raw)
    except (ValueError, TypeError) as exc:
        raise InputRejected(f"{origin} is not a PEM public key",
                            code="PUBLIC_KEY_NOT_PEM", origin=origin) from exc
    if not isinstance(key, Ed25519PublicKey):
        raise InputRejected(f"{origin} is not an Ed25519 public key",
                            code="PUBLIC_KEY_NOT_ED25519", origin=origin)
    return key


def load_public_key(path: Path) -> Ed25519PublicKey:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputRejected(f"cannot read the public key {path}: {exc.strerror}",
                            code="PUBLIC_KEY_READ_FAILED", path=path,
                            strerror=exc.strerror) from exc
    return load_public_key_pem(data, origin=str(path))


def sign(key: Ed25519PrivateKey, data: bytes) -> bytes:
    """The raw 64-byte Ed25519 signature of `data`."""
    return key.sign(data)


def verify_signature(key: Ed25519PublicKey, signature: bytes, data: bytes) -> bool:
    """True when `signature` is `key`'s signature of `data`."""
    try:
        key.verify(signature, data)
    except InvalidSignature:
        return False
    return True
