"""One file's history: its JPEG encoding, table matches, signs and perceptual hashes.

Two entry points share every rule:

- `analyze_file(path)` for `annotator analyze` (reads and decodes the file itself, and runs
  the double-compression check unless told not to);
- `history_at_import(head, thumbnail, meta)` for the import worker, from what it already
  has: the first MiB of bytes its hashing read (`head`), and the 256 px thumbnail it
  decoded. No extra read, no extra decode (a header longer than that chunk is the one
  exception: it is read again up to the first scan).

Both give a `FileHistory`; `to_json()` is the `analyze --json` object, and what the import
stores under the photo's `meta["history"]` (there without `path`, `sha256` and with
`double_compressed` null: not computed).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from PIL import Image

from annotator.core.history import perceptual
from annotator.core.history.double_compression import DoubleCompression, detect
from annotator.core.history.jpeg_structure import (
    JpegStructure,
    JpegStructureError,
    is_jpeg,
    read_structure,
)
from annotator.core.history.quantization import estimate
from annotator.core.history.signs import (
    FileFacts,
    Sign,
    camera_signs,
    platform_matches,
    reencoded_sign,
    sign_findings,
)
from annotator.core.history.table_matches import TableMatch, matches
from annotator.core.images import decode
from annotator.core.images.c_warnings import held_c_warnings
from annotator.core.metadata import PhotoMetadata, read_metadata
from annotator.core.metadata.model import has_exif

THUMB_SIDE = 256  # the import's thumbnail side: hashes are computed at this size
HEADER_LIMIT = 4 * 1024 * 1024  # a header (APPn segments) longer than this is not read


@dataclass(frozen=True)
class JpegHistory:
    quality_luma: int | None
    quality_chroma: int | None
    luma_deviation: float | None
    chroma_deviation: float | None
    standard_tables: bool
    tables_sha256: str | None
    subsampling: str | None
    progressive: bool
    optimized_huffman: bool
    restart_interval: int
    markers: list[str]
    table_matches: list[TableMatch]
    double_compressed: DoubleCompression | None = None
    comments: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "quality": {"luma": self.quality_luma, "chroma": self.quality_chroma,
                        "luma_deviation": self.luma_deviation,
                        "chroma_deviation": self.chroma_deviation},
            "standard_tables": self.standard_tables,
            "tables_sha256": self.tables_sha256,
            "subsampling": self.subsampling,
            "progressive": self.progressive,
            "optimized_huffman": self.optimized_huffman,
            "restart_interval": self.restart_interval,
            "markers": list(self.markers),
            "table_matches": [m.to_json() for m in self.table_matches],
            "double_compressed": (self.double_compressed.to_json()
                                  if self.double_compressed else None),
        }


@dataclass(frozen=True)
class Hashes:
    phash: str | None = None
    dhash: str | None = None
    pdq: str | None = None
    windows: tuple[str, ...] = ()  # pHash of each perceptual.WINDOWS but the first
    dwindows: tuple[str, ...] = ()  # dHash of the same windows
    detail: float | None = None


@dataclass(frozen=True)
class FileHistory:
    path: str
    sha256: str | None
    jpeg: JpegHistory | None
    signs: list[Sign]
    hashes: Hashes = Hashes()
    width: int = 0
    height: int = 0
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The `annotator analyze --json` object."""
        return {"path": self.path, "sha256": self.sha256,
                "jpeg": self.jpeg.to_json() if self.jpeg else None,
                "signs": [s.to_json() for s in self.signs],
                "phash": self.hashes.phash, "dhash": self.hashes.dhash,
                "pdq": self.hashes.pdq, "error": self.error}

    def to_record(self) -> dict[str, Any]:
        """What a case keeps in `photo.meta["history"]` (the grouping needs the windows)."""
        data = self.to_json()
        for key in ("path", "sha256", "error"):
            data.pop(key)
        data.update({"windows": list(self.hashes.windows),
                     "dwindows": list(self.hashes.dwindows), "detail": self.hashes.detail,
                     "width": self.width, "height": self.height})
        return data


def jpeg_history(js: JpegStructure, facts: FileFacts) -> tuple[JpegHistory, list[TableMatch]]:
    luma = js.table_for(0)
    chroma = js.table_for(1) if len(js.components) > 1 else None
    ql = estimate(luma, chroma=False) if luma else None
    qc = estimate(chroma, chroma=True) if chroma else None
    standard = bool(ql and ql.exact and (qc is None or qc.exact))
    found = matches(js)
    found += platform_matches(facts, standard, ql.quality if ql else None)
    return JpegHistory(
        quality_luma=ql.quality if ql else None, quality_chroma=qc.quality if qc else None,
        luma_deviation=ql.deviation if ql else None,
        chroma_deviation=qc.deviation if qc else None,
        standard_tables=standard, tables_sha256=js.tables_sha256(),
        subsampling=js.subsampling, progressive=js.progressive,
        optimized_huffman=js.optimized_huffman, restart_interval=js.restart_interval,
        markers=js.markers, table_matches=found, comments=js.comments,
    ), found


def facts_of(meta: PhotoMetadata, width: int, height: int) -> FileFacts:
    return FileFacts(make=meta.make, model=meta.model, software=meta.software,
                     has_exif=has_exif(meta), has_thumbnail=meta.has_thumbnail,
                     width=width, height=height)


def hashes_of(thumbnail: Image.Image | None) -> Hashes:
    """The perceptual hashes of the import's 256 px upright thumbnail."""
    if thumbnail is None:
        return Hashes()
    ph, dh = perceptual.window_hashes(thumbnail)
    return Hashes(phash=ph[0], dhash=dh[0], pdq=perceptual.pdq(thumbnail),
                  windows=tuple(ph[1:]), dwindows=tuple(dh[1:]),
                  detail=perceptual.detail(thumbnail))


def build(path: str, sha256: str | None, js: JpegStructure | None, meta: PhotoMetadata,
          hashes: Hashes, double: DoubleCompression | None = None) -> FileHistory:
    """Put the pieces together (shared by `analyze_file` and the import)."""
    width, height = meta.width or 0, meta.height or 0
    facts = facts_of(meta, width, height)
    jpeg = None
    signs: list[Sign] = []
    found: list[TableMatch] = []
    if js is not None:
        jpeg, found = jpeg_history(js, facts)
        if double is not None:
            jpeg = _with_double(jpeg, double)
        signs += camera_signs(facts, found)
    sign = reencoded_sign(
        facts, is_jpeg=jpeg is not None, standard=bool(jpeg and jpeg.standard_tables),
        quality=jpeg.quality_luma if jpeg else None,
        platform_names=[m.name for m in found if m.kind == "platform"])
    if sign is not None:
        signs.append(sign)
    if double is not None and double.detected:
        signs.append(Sign(
            "DOUBLE_COMPRESSED", "info",
            f"The DCT coefficients show a first JPEG compression at about quality "
            f"{double.primary_quality} before the present one "
            f"(confidence {double.confidence:.2f}): the picture was saved at least twice.",
            double.to_json()))
    return FileHistory(path, sha256, jpeg, signs, hashes, width, height)


def _with_double(jpeg: JpegHistory, double: DoubleCompression) -> JpegHistory:
    return replace(jpeg, double_compressed=double)


def history_at_import(path: str, head: bytes, thumbnail: Image.Image | None,
                      meta: PhotoMetadata) -> dict[str, Any]:
    """The import's record (`FileHistory.to_record()`), from the bytes and thumbnail the
    worker already holds. A broken header gives `jpeg` null and the reason in `error`."""
    error = None
    js = None
    try:
        js = _structure(path, head)
    except JpegStructureError as exc:
        error = str(exc)
    record = build(path, meta.sha256, js, meta, hashes_of(thumbnail)).to_record()
    if error:
        record["error"] = error
    return record


def file_dating_findings(path: str | Path, meta: PhotoMetadata) -> list[dict[str, Any]]:
    """The history findings of the capture-date check for a file outside a case: the
    signs the import would record for it (`signs.sign_findings`), from its header and
    metadata alone (no decode). Nothing for a file whose header cannot be read."""
    try:
        with open(path, "rb") as fh:
            js = _structure(path, fh.read(HEADER_LIMIT))
    except (OSError, JpegStructureError):
        return []
    return sign_findings(build(str(path), meta.sha256, js, meta, Hashes()).to_json())


def _structure(path: str | Path, head: bytes) -> JpegStructure | None:
    if not is_jpeg(head):
        return None
    js = read_structure(head)
    if js is not None and not js.reached_scan:
        # The header runs past what the hashing kept (huge APPn blocks): read it once more.
        with open(path, "rb") as fh:
            js = read_structure(fh.read(HEADER_LIMIT))
        if js is not None and not js.reached_scan:
            raise JpegStructureError("the JPEG header ends before the first scan (truncated)")
    return js


def analyze_file(path: Path | str, *, double_compression: bool = True,
                 display_path: str | None = None) -> FileHistory:
    """Analyse one file; never raises for anything the file can cause (see `error`). The
    decoders' warnings about a damaged file stay off standard error (`c_warnings`)."""
    with held_c_warnings():
        return _analyze_file(Path(path), double_compression, display_path)


def _analyze_file(path: Path, double_compression: bool, display_path: str | None
                  ) -> FileHistory:
    shown = display_path or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return FileHistory(shown, None, None, [], error=f"unreadable: {exc.strerror or exc}")
    sha = hashlib.sha256(data).hexdigest()
    try:
        js = read_structure(data)
        if js is not None and not js.reached_scan:
            raise JpegStructureError("the JPEG ends before the first scan (truncated)")
    except JpegStructureError as exc:
        return FileHistory(shown, sha, None, [], error=str(exc))
    meta = read_metadata(path, sha256=sha, size=len(data))
    if meta.error:
        return FileHistory(shown, sha, None, [], error=meta.error)
    try:
        thumb = decode.reduced_upright(path, THUMB_SIDE, orientation=meta.orientation)
    except Exception as exc:  # noqa: BLE001 - a decoder's refusal is this file's error
        return FileHistory(shown, sha, None, [], error=_one_line(exc))
    double = None
    if js is not None and double_compression:
        try:
            double = detect(path)
        except Exception:  # noqa: BLE001 - libjpeg refusing the coefficients: not known
            double = None
    return build(shown, sha, js, meta, hashes_of(thumb), double)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__
