"""Packet pictures rendered ahead: a cache in the case folder, keyed by what they show.

Decoding a 12-megapixel original takes several times longer than copying and hashing it, so
an export that renders every picture on the spot is bound by the decoder. The workspace
therefore renders a photo's packet pictures in the background after each edit, and an export
renders only what is missing. An entry is used only when it is exactly what a fresh render
would write:

- its key is the SHA-256 of every input of the render (the original's SHA-256, orientation,
  size, boxes, caption text, dataset copy) and of the software that renders (this module's
  version, Pillow's and libjpeg's versions, the font files), so any change is a miss;
- its index lists each file's SHA-256 and is sealed with an HMAC whose key lives in the
  user's config folder, not in the case, so a picture altered in `renders/` alone is a miss;
- the export checks each file against the index as it reads it, and renders again on any
  difference.
`renders/` holds derived pictures only: deleting it loses nothing but time.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import os
import secrets
import shutil
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from annotator.core.case.settings import config_dir
from annotator.core.errors import InputRejected
from annotator.core.hashing import sha256_of_stream
from annotator.core.packet import render
from annotator.core.packet.fonts import font_files

CACHE_DIR = "renders"
KEY_FILE = "render-cache.key"
INDEX = "index.json"
# Bump when render.py changes what it draws or how it encodes.
RENDERER_VERSION = 1
# Entries kept per photo: the newest (current boxes) and the one before (an undo away).
KEEP_PER_PHOTO = 2


class PicturesDamaged(Exception):
    """A rendered picture no longer has the SHA-256 its render recorded."""


@dataclass(frozen=True)
class RenderedPictures:
    """One photo's rendered pictures: a folder, each file's SHA-256, and whether they were
    rendered ahead (a cache hit) rather than for this export."""

    folder: Path
    digests: Mapping[str, str]
    reused: bool

    def path(self, name: str) -> Path:
        return self.folder / name

    def read_verified(self, name: str) -> bytes:
        """The file's bytes, after checking them against the SHA-256 recorded at render."""
        try:
            data = (self.folder / name).read_bytes()
        except OSError as exc:
            raise PicturesDamaged(f"{name}: {exc.strerror or exc}") from exc
        if hashlib.sha256(data).hexdigest() != self.digests.get(name):
            raise PicturesDamaged(f"{name} differs from its render")
        return data

    def linked_into(self, folder: Path, names: list[str]) -> RenderedPictures:
        """`names` hard-linked (copied where links are refused) into `folder`: the links
        stay valid whatever happens to this entry meanwhile (a newer render may prune it)."""
        folder.mkdir(parents=True, exist_ok=True)
        for name in names:
            try:
                try:
                    os.link(self.folder / name, folder / name)
                except OSError:
                    shutil.copyfile(self.folder / name, folder / name)
            except OSError as exc:
                raise PicturesDamaged(f"{name}: {exc.strerror or exc}") from exc
        return RenderedPictures(folder, self.digests, self.reused)


@functools.cache
def _software() -> dict[str, object]:
    """What draws the pictures (fixed for the life of the process)."""
    from PIL import Image, features

    fonts = font_files()
    return {
        "renderer": RENDERER_VERSION,
        "pillow": Image.__version__,
        "libjpeg": features.version("jpg"),
        "fonts": [[p.name, p.stat().st_size] for p in (fonts.regular, fonts.bold)],
    }


def job_key(job: render.RenderJob) -> str:
    """SHA-256 of everything the pictures of `job` depend on."""
    doc = {
        "software": _software(),
        "sha256": job.sha256,
        "orientation": job.orientation,
        "size": [job.width, job.height],
        "boxes": [[b.number, b.x, b.y, b.w, b.h, b.tag] for b in job.boxes],
        "caption": [job.caption_top, job.caption_bottom],
        "dataset": job.dataset_suffix,
    }
    return hashlib.sha256(_canonical(doc)).hexdigest()


def _canonical(doc: object) -> bytes:
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file() and p.name != INDEX}


def _original_checked(job: render.RenderJob) -> tuple[int, int, int]:
    """Hash the case's copy of the original before it is decoded: pictures are only ever
    drawn from the bytes the case recorded (an original altered in the store, rendered, then
    put back must not leave doctored pictures behind). Returns the file's identity, to see
    after the decode that it was not replaced meanwhile."""
    with open(job.source, "rb") as f:
        sha256 = sha256_of_stream(f)
        st = os.fstat(f.fileno())
    if sha256 != job.sha256:
        raise _altered(job)
    return st.st_ino, st.st_size, st.st_mtime_ns


def _altered(job: render.RenderJob) -> InputRejected:
    return InputRejected(
        f"the case's copy of {job.name} no longer matches its recorded SHA-256 (the store was "
        "altered); the export was stopped", code="STORE_ALTERED", name=job.name)


def render_fresh(job: render.RenderJob, folder: Path) -> RenderedPictures:
    """Render `job` into `folder` (no cache) from its checked original, and record each
    file's SHA-256."""
    before = _original_checked(job)
    render.render_photo(job, folder)
    st = os.stat(job.source)
    if (st.st_ino, st.st_size, st.st_mtime_ns) != before:
        shutil.rmtree(folder, ignore_errors=True)
        raise _altered(job)
    return RenderedPictures(folder, _digests(folder), reused=False)


def _user_secret() -> bytes | None:
    """The HMAC key for cache indexes: 32 random bytes in the user's config folder, made on
    first use (mode 600). None when that folder cannot be written (no cache then)."""
    path = config_dir() / KEY_FILE
    try:
        text = path.read_text(encoding="ascii").strip()
        if len(text) == 64:
            return bytes.fromhex(text)
    except (OSError, ValueError):
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{KEY_FILE}.{uuid.uuid4().hex}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(secrets.token_hex(32))
        try:
            os.link(tmp, path)  # first writer wins; a racing one reads the winner's key
        except FileExistsError:
            if len(path.read_text(encoding="ascii").strip()) != 64:
                os.replace(tmp, path)  # a damaged key file: replace it
        finally:
            tmp.unlink(missing_ok=True)
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None


class RenderCache:
    """One user's part of a case's `renders/`: `<user>/<sha256[:2]>/<sha256>/<key>/` per
    rendered photo. `<user>` is derived from the user's key, so team members sharing a case
    folder each keep (and prune) their own entries instead of replacing each other's."""

    def __init__(self, root: Path, secret: bytes) -> None:
        self.root = root
        self._secret = secret

    @classmethod
    def for_case(cls, case_root: Path) -> RenderCache | None:
        """The case's cache, or None when it cannot be used (no key, read-only folder)."""
        secret = _user_secret()
        if secret is None:
            return None
        user = hmac.new(secret, b"annotator render cache folder", hashlib.sha256).hexdigest()
        root = case_root / CACHE_DIR / user[:16]
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        if not os.access(root, os.W_OK):
            return None
        return cls(root, secret)

    def _photo_dir(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def _mac(self, key: str, digests: Mapping[str, str]) -> str:
        body = _canonical({"key": key, "files": dict(digests)})
        return hmac.new(self._secret, body, hashlib.sha256).hexdigest()

    def lookup(self, job: render.RenderJob, key: str | None = None) -> RenderedPictures | None:
        """The entry for `job` if it exists, its index is sealed by our key, and it lists
        every picture the job needs; None otherwise. File contents are checked on reading."""
        key = key or job_key(job)
        folder = self._photo_dir(job.sha256) / key
        try:
            index = json.loads((folder / INDEX).read_text(encoding="utf-8"))
            digests = {str(k): str(v) for k, v in index["files"].items()}
            mac = str(index["mac"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        if index.get("key") != key or not hmac.compare_digest(mac, self._mac(key, digests)):
            return None
        needed = render.picture_files(job) + [render.REPORT_PREFIX + n
                                              for n in render.shown_files(job)]
        if any(n not in digests for n in needed):
            return None
        return RenderedPictures(folder, digests, reused=True)

    def ensure(self, job: render.RenderJob) -> RenderedPictures:
        """The cached pictures of `job`, rendered now (and kept) when missing."""
        key = job_key(job)
        found = self.lookup(job, key)
        if found is not None:
            return found
        return self._render(job, key)

    def _render(self, job: render.RenderJob, key: str) -> RenderedPictures:
        photo_dir = self._photo_dir(job.sha256)
        photo_dir.mkdir(parents=True, exist_ok=True)
        tmp = photo_dir / f".tmp-{uuid.uuid4().hex}"
        try:
            fresh = render_fresh(job, tmp)
            index = {"key": key, "files": dict(fresh.digests),
                     "mac": self._mac(key, fresh.digests)}
            (tmp / INDEX).write_text(json.dumps(index, indent=1, sort_keys=True),
                                     encoding="utf-8")
            final = photo_dir / key
            try:
                os.rename(tmp, final)
            except OSError:  # rendered meanwhile by another thread or process, or damaged
                found = self.lookup(job, key)
                if found is not None:
                    shutil.rmtree(tmp, ignore_errors=True)
                    return found
                shutil.rmtree(final, ignore_errors=True)
                os.rename(tmp, final)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        self.prune(job.sha256, keep=key)
        return RenderedPictures(final, fresh.digests, reused=False)

    def discard(self, job: render.RenderJob) -> None:
        """Remove `job`'s entry (found damaged)."""
        shutil.rmtree(self._photo_dir(job.sha256) / job_key(job), ignore_errors=True)

    def prune(self, sha256: str, keep: str) -> None:
        """Keep `keep` and the newest other entries of this photo, KEEP_PER_PHOTO in all;
        drop renders left half-done by a process that died over an hour ago."""
        photo_dir = self._photo_dir(sha256)
        try:
            entries = [(p.stat().st_mtime, p) for p in photo_dir.iterdir()
                       if p.is_dir() and p.name != keep]
        except OSError:
            return
        now = time.time()
        done = sorted((e for e in entries if not e[1].name.startswith(".tmp-")), reverse=True)
        stale = [p for mtime, p in entries if p.name.startswith(".tmp-") and now - mtime > 3600]
        for old in [p for _, p in done[KEEP_PER_PHOTO - 1:]] + stale:
            shutil.rmtree(old, ignore_errors=True)
