"""Writing a packet zip deterministically, hashing every entry as it goes.

Every entry has the same fixed timestamp and permissions, entries are written in a fixed
order, and images (already compressed) are stored while text is deflated, so the same files
always make the same archive. Files are streamed in 1 MiB chunks: a packet of large originals
never sits in memory. Each chunk is hashed on another thread while the zip writes it.
"""

from __future__ import annotations

import hashlib
import zipfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from annotator.core.errors import InputRejected

SUMS = "SHA256SUMS"  # the packet's checksum file: every other file's SHA-256
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
CHUNK = 1024 * 1024
_STORED = frozenset({".jpg", ".jpeg", ".png", ".heic", ".heif", ".avif", ".webp", ".gif",
                     ".pdf", ".zip", ".gz", ".mp4", ".mov", ".sig"})
ZIP64_LIMIT = (1 << 31) - 1


def read_member(zf: zipfile.ZipFile, name: str, limit: int = 512 * 1024 * 1024
                ) -> bytes | None:
    """A packet member's bytes, or None when it is absent, larger than `limit`, or cannot be
    read (a damaged or tampered archive: a bad CRC, a broken header)."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if info.file_size > limit:
        return None
    try:
        return zf.read(info)
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def checksum_line(sha256: str, name: str) -> str:
    """One line of SHA256SUMS in the form `sha256sum -c` reads (text mode, two spaces)."""
    return f"{sha256}  {name}\n"


def checksums_text(hashes: dict[str, str]) -> bytes:
    return "".join(checksum_line(hashes[n], n) for n in sorted(hashes)).encode("utf-8")


class PacketZip:
    """A zip being written; `hashes` maps each entry written so far to its SHA-256."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip = zipfile.ZipFile(path, "w", allowZip64=True)
        self.hashes: dict[str, str] = {}
        self._hasher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="packet-hash")

    def _info(self, name: str) -> zipfile.ZipInfo:
        if name in self.hashes:
            raise ValueError(f"duplicate packet entry {name}")
        info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
        info.create_system = 3  # Unix, so the permission bits below are honoured
        info.external_attr = 0o100644 << 16
        stored = Path(name).suffix.lower() in _STORED
        info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        return info

    def write_bytes(self, name: str, data: bytes, sha256: str | None = None) -> str:
        """Add `data` as `name`; `sha256`, when the caller has just checked the bytes against
        it, spares hashing them again."""
        info = self._info(name)
        self._zip.writestr(info, data)
        digest = sha256 or hashlib.sha256(data).hexdigest()
        self.hashes[name] = digest
        return digest

    def write_file(self, name: str, source: Path, expected_sha256: str | None = None) -> str:
        """Stream `source` into the zip; with `expected_sha256`, refuse bytes that differ."""
        info = self._info(name)
        size = source.stat().st_size
        h = hashlib.sha256()
        hashing: Future[None] | None = None
        with open(source, "rb") as src, self._zip.open(info, "w",
                                                       force_zip64=size > ZIP64_LIMIT) as dst:
            while chunk := src.read(CHUNK):
                # The hash of this chunk runs on the other core while the zip takes its CRC
                # and writes it (both release the GIL), as `cp` and `sha256sum` cannot.
                if hashing is not None:
                    hashing.result()
                hashing = self._hasher.submit(h.update, chunk)
                dst.write(chunk)
            if hashing is not None:
                hashing.result()
        digest = h.hexdigest()
        if expected_sha256 is not None and digest != expected_sha256:
            raise InputRejected(
                f"the case's copy of {Path(name).name} no longer matches its recorded SHA-256 "
                "(the store was altered); the export was stopped",
                code="STORE_ALTERED", name=Path(name).name
            )
        self.hashes[name] = digest
        return digest

    def close(self) -> None:
        self._hasher.shutdown()
        self._zip.close()
