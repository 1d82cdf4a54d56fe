"""Bringing boxes made in other tools into a case: COCO JSON, Pascal VOC XML, YOLO txt.

Each file names its pictures; a picture is matched to a photo of the case by, in order:
an explicit SHA-256 (our COCO `sha256`, our VOC `source/sha256`), the manifest of the
evidence packet the file sits in, the SHA-256 of the picture file found beside the
annotations, then the original file name (or a path it was imported from), then the stem
(YOLO labels are named after the picture's stem). A name that fits two photos is refused,
never guessed.

YOLO files carry class numbers only: the class names come from `classes.txt` (or
`obj.names`) or `data.yaml` (`names:` as a list or a mapping) in the labels' folder or one
of the two above it.

Coordinates must refer to the upright picture (as our datasets write them). A file whose
declared picture size is the photo's size turned by 90° was made on the unrotated picture,
and is refused rather than imported onto the wrong place. The import is one transaction: all
boxes or none; boxes already present (same label, registration and place) are skipped, so
importing the same file twice adds nothing.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from defusedxml import ElementTree as DET  # noqa: N814 - defusedxml's own alias
from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.boxes import BoxValues, insert_box
from annotator.core.errors import InputRejected, NotFound, UsageError
from annotator.core.hashing import sha256_of
from annotator.core.models import Box, Photo, PhotoSource
from annotator.core.stale import mark_dating_stale

if TYPE_CHECKING:
    from annotator.core.case.folder import Case

FORMATS = ("coco", "voc", "yolo")
ATTRIBUTE_ALIASES = {"registration": "registration", "aircraft_type": "aircraft_type",
                     "type": "aircraft_type", "operator": "operator",
                     "confidence": "confidence", "note": "note"}
_HEX64 = re.compile(r"^[0-9a-fA-F]{64}$")
PLACE_TOLERANCE = 0.02  # px: a box this close to an existing one with the same tags is it


@dataclass(frozen=True)
class ForeignBox:
    """A box as another tool wrote it: pixels, or fractions of the picture (YOLO)."""

    label: str
    x: float
    y: float
    w: float
    h: float
    attributes: tuple[tuple[str, str], ...] = ()


@dataclass
class ForeignImage:
    """One picture named in a file, and its boxes."""

    name: str
    base_dir: Path
    sha256: str | None = None
    width: int | None = None
    height: int | None = None
    normalized: bool = False
    boxes: list[ForeignBox] = field(default_factory=list)


@dataclass(frozen=True)
class ImportSummary:
    """What an import did: boxes created, duplicates skipped, photos touched."""

    created: int
    skipped: int
    photos: int
    images: int


# -- readers -----------------------------------------------------------------------------


def _attrs(raw: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    out = []
    for key, value in raw.items():
        name = ATTRIBUTE_ALIASES.get(str(key).strip().lower())
        if name and value not in (None, "") and not isinstance(value, (dict, list, bool)):
            out.append((name, str(value)))
    return tuple(out)


def read_coco(path: Path) -> list[ForeignImage]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise InputRejected(f"{path.name} is not a readable COCO JSON file",
                            code="ANNOTATIONS_COCO_UNREADABLE", name=path.name) from exc
    if not isinstance(data, dict) or not isinstance(data.get("images"), list):
        raise InputRejected(f"{path.name} is not a COCO file (no \"images\" list)",
                            code="ANNOTATIONS_NOT_COCO", name=path.name)
    categories = {c.get("id"): str(c.get("name")) for c in data.get("categories") or []
                  if isinstance(c, dict)}
    images: dict[Any, ForeignImage] = {}
    for im in data["images"]:
        if not isinstance(im, dict) or "file_name" not in im:
            raise InputRejected(f"{path.name}: an image has no file_name",
                                code="ANNOTATIONS_COCO_NO_FILE_NAME", name=path.name)
        images[im.get("id")] = ForeignImage(
            name=str(im["file_name"]), base_dir=path.parent, sha256=im.get("sha256"),
            width=_int_or_none(im.get("width")), height=_int_or_none(im.get("height")))
    for number, ann in enumerate(data.get("annotations") or [], start=1):
        try:
            image = images[ann["image_id"]]
            x, y, w, h = (float(v) for v in ann["bbox"])
            label = categories[ann["category_id"]]
        except (KeyError, TypeError, ValueError) as exc:
            raise InputRejected(f"{path.name}: annotation {number} has no valid image, "
                                "category or bbox",
                                code="ANNOTATIONS_COCO_BAD_ANNOTATION", name=path.name,
                                number=number) from exc
        raw = ann.get("attributes") if isinstance(ann.get("attributes"), dict) else {}
        image.boxes.append(ForeignBox(label, x, y, w, h, _attrs(raw)))
    return list(images.values())


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _files(path: Path, suffix: str) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix.lower() == suffix and p.is_file())
    return [path]


def read_voc(path: Path) -> list[ForeignImage]:
    """One VOC XML file, or a folder of them."""
    images = []
    for file in _files(path, ".xml"):
        try:
            root = DET.parse(str(file)).getroot()
        except Exception as exc:  # noqa: BLE001 - defusedxml raises several kinds
            raise InputRejected(f"{file.name} is not a readable Pascal VOC XML file",
                                code="ANNOTATIONS_VOC_UNREADABLE", name=file.name) from exc
        name = (root.findtext("filename") or "").strip()
        if root.tag != "annotation" or not name:
            raise InputRejected(f"{file.name} is not a Pascal VOC annotation (no filename)",
                                code="ANNOTATIONS_NOT_VOC", name=file.name)
        image = ForeignImage(
            name=name, base_dir=file.parent,
            sha256=(root.findtext("source/sha256") or "").strip() or None,
            width=_int_or_none(root.findtext("size/width")),
            height=_int_or_none(root.findtext("size/height")))
        for number, obj in enumerate(root.findall("object"), start=1):
            try:
                label = (obj.findtext("name") or "").strip()
                x0, y0, x1, y1 = (float(obj.findtext(f"bndbox/{k}") or "")
                                  for k in ("xmin", "ymin", "xmax", "ymax"))
            except ValueError as exc:
                raise InputRejected(f"{file.name}: object {number} has no valid bndbox",
                                    code="ANNOTATIONS_VOC_BAD_BNDBOX", name=file.name,
                                    number=number) from exc
            if not label:
                raise InputRejected(f"{file.name}: object {number} has no name",
                                    code="ANNOTATIONS_VOC_NO_NAME", name=file.name, number=number)
            raw = {(a.findtext("name") or ""): (a.findtext("value") or "")
                   for a in obj.findall("attributes/attribute")}
            image.boxes.append(ForeignBox(label, x0, y0, x1 - x0, y1 - y0, _attrs(raw)))
        images.append(image)
    return images


def _yaml_names(text: str) -> list[str] | None:
    """`names:` from a data.yaml: a flow list, a block list or a block mapping."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        match = re.match(r"^names\s*:\s*(.*)$", line)
        if not match:
            continue
        rest = match.group(1).split(" #")[0].strip()
        if rest:
            try:
                value = ast.literal_eval(rest)
            except (ValueError, SyntaxError):
                return None
            if isinstance(value, dict):
                return [str(value[k]) for k in sorted(value)]
            return [str(v) for v in value]
        items: dict[int, str] = {}
        for sub in lines[i + 1:]:
            if not sub.strip() or sub.lstrip().startswith("#"):
                continue
            if not sub.startswith((" ", "\t")):
                break
            entry = sub.strip()
            if entry.startswith("-"):
                items[len(items)] = _yaml_scalar(entry[1:].strip())
            elif ":" in entry:
                key, value = entry.split(":", 1)
                items[int(key.strip())] = _yaml_scalar(value.strip())
        return [items[k] for k in sorted(items)]
    return None


def _yaml_scalar(text: str) -> str:
    if text[:1] in "\"'":
        try:
            return str(ast.literal_eval(text))
        except (ValueError, SyntaxError):
            return text.strip("\"'")
    return text.split(" #")[0].strip()


def yolo_class_names(labels_dir: Path) -> list[str]:
    """Class names from classes.txt / obj.names / data.yaml beside the labels or above."""
    for folder in (labels_dir, labels_dir.parent, labels_dir.parent.parent):
        for name in ("classes.txt", "obj.names"):
            file = folder / name
            if file.is_file():
                return [line.strip() for line in file.read_text(encoding="utf-8").splitlines()
                        if line.strip()]
        for name in ("data.yaml", "data.yml"):
            file = folder / name
            if file.is_file():
                names = _yaml_names(file.read_text(encoding="utf-8"))
                if names:
                    return names
    raise InputRejected("YOLO labels carry class numbers only: put classes.txt (one name per "
                        "line) or data.yaml (names:) beside the label files",
                        code="ANNOTATIONS_YOLO_NO_CLASSES")


def read_yolo(path: Path) -> list[ForeignImage]:
    """One YOLO label file, or a folder of them (classes.txt or data.yaml beside)."""
    files = [f for f in _files(path, ".txt") if f.name not in ("classes.txt", "images.txt")]
    names = yolo_class_names(path if path.is_dir() else path.parent)
    images = []
    for file in files:
        image = ForeignImage(name=file.stem, base_dir=file.parent, normalized=True)
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            parts = line.split()
            try:
                cls = int(parts[0])
                cx, cy, w, h = (float(v) for v in parts[1:5])
                label = names[cls]
            except (ValueError, IndexError) as exc:
                raise InputRejected(f"{file.name} line {number}: not `class cx cy w h` with a "
                                    "known class",
                                    code="ANNOTATIONS_YOLO_BAD_LINE", name=file.name,
                                    number=number) from exc
            image.boxes.append(ForeignBox(label, cx - w / 2, cy - h / 2, w, h))
        images.append(image)
    return images


READERS = {"coco": read_coco, "voc": read_voc, "yolo": read_yolo}


# -- matching pictures to photos ---------------------------------------------------------


def _packet_names(start: Path) -> dict[str, str]:
    """Names → SHA-256 from the manifest of the packet `start` lies in, if any."""
    for folder in [start, *list(start.parents)[:3]]:
        manifest = folder / "manifest.json"
        if not manifest.is_file():
            continue
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        out: dict[str, str] = {}
        for photo in data.get("photos") or []:
            sha = photo.get("sha256")
            paths = photo.get("paths") or {}
            for value in (paths.get("original"), paths.get("dataset_image")):
                if value and sha:
                    out[value] = sha
                    out[PurePosixPath(value).name] = sha
                    out[PurePosixPath(value).stem] = sha
        return out
    return {}


class _Matcher:
    def __init__(self, session: Session, start: Path) -> None:
        self.session = session
        self.by_sha = {p.sha256: p for p in session.execute(select(Photo)).scalars()}
        self.by_name: dict[str, set[str]] = {}
        self.by_stem: dict[str, set[str]] = {}
        for p in self.by_sha.values():
            self._add_name(p.original_name, p.sha256)
        for photo_id, name in session.execute(select(PhotoSource.photo_id, PhotoSource.name)):
            photo = session.get(Photo, photo_id)
            if photo is not None:
                self._add_name(name, photo.sha256)
        self.packet = _packet_names(start)

    def _add_name(self, name: str, sha: str) -> None:
        self.by_name.setdefault(name, set()).add(sha)
        self.by_stem.setdefault(PurePosixPath(name).stem, set()).add(sha)

    def _unique(self, shas: set[str], name: str) -> Photo | None:
        if len(shas) > 1:
            raise NotFound(f"{name} names {len(shas)} photos of the case; rename it to the "
                           "photo's SHA-256 or import from the packet",
                           code="ANNOTATIONS_NAME_AMBIGUOUS", name=name, n_shas=len(shas))
        return self.by_sha.get(next(iter(shas))) if shas else None

    def match(self, image: ForeignImage) -> Photo:
        if image.sha256 and image.sha256.lower() in self.by_sha:
            return self.by_sha[image.sha256.lower()]
        base = PurePosixPath(image.name.replace("\\", "/")).name
        stem = PurePosixPath(base).stem
        for key in (image.name, base, stem):
            sha = self.packet.get(key)
            if sha in self.by_sha:
                return self.by_sha[sha]  # type: ignore[index]
        for candidate in (image.base_dir / image.name, image.base_dir / base):
            if candidate.is_file() and not candidate.is_symlink():
                digest = sha256_of(candidate)
                if digest in self.by_sha:
                    return self.by_sha[digest]
        if _HEX64.match(stem) and stem.lower() in self.by_sha:
            return self.by_sha[stem.lower()]
        photo = self._unique(self.by_name.get(base, set()), base)
        if photo is None:
            photo = self._unique(self.by_stem.get(stem, set()), base)
        if photo is None:
            raise NotFound(f"{image.name}: no photo of this case has that name or hash",
                           code="ANNOTATIONS_PHOTO_UNKNOWN", name=image.name)
        return photo


# -- importing ---------------------------------------------------------------------------


def _values(box: ForeignBox, image: ForeignImage, photo: Photo) -> BoxValues:
    x, y, w, h = box.x, box.y, box.w, box.h
    if image.normalized:
        x, y, w, h = x * photo.width, y * photo.height, w * photo.width, h * photo.height
    attrs = dict(box.attributes)
    return BoxValues(label=box.label, registration=attrs.get("registration"),
                     aircraft_type=attrs.get("aircraft_type"), operator=attrs.get("operator"),
                     confidence=attrs.get("confidence"), note=attrs.get("note"),
                     x=x, y=y, w=w, h=h)


def _check_size(image: ForeignImage, photo: Photo) -> None:
    if image.width is None or image.height is None:
        return
    if (image.width, image.height) == (photo.width, photo.height):
        return
    if (image.width, image.height) == (photo.height, photo.width):
        raise InputRejected(
            f"{image.name}: the annotations are for the unrotated picture ({image.width}×"
            f"{image.height}); this photo is shown upright as {photo.width}×{photo.height}, "
            "so its boxes would land in the wrong place",
            code="ANNOTATIONS_UNROTATED", name=image.name, width=image.width, height=image.height,
            width2=photo.width, height2=photo.height)
    raise InputRejected(f"{image.name}: the annotations are for a {image.width}×{image.height} "
                        f"picture but the photo is {photo.width}×{photo.height}",
                        code="ANNOTATIONS_SIZE_MISMATCH", name=image.name, width=image.width,
                        height=image.height, width2=photo.width, height2=photo.height)


def _same(box: Box, values: BoxValues) -> bool:
    return (box.label == values.label
            and (box.registration or None) == (values.registration or None)
            and all(abs(a - b) <= PLACE_TOLERANCE for a, b in
                    ((box.x, values.x), (box.y, values.y), (box.w, values.w),
                     (box.h, values.h))))


def import_annotations(case: Case, path: Path, fmt: str) -> ImportSummary:
    """Import every box of the file (or folder, for VOC and YOLO) into `case`, all or none."""
    path = Path(path)
    fmt = fmt.lower()
    if fmt not in READERS:
        raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}",
                         code="ANNOTATIONS_UNKNOWN_FORMAT", fmt=f"{fmt!r}",
                         formats=', '.join(FORMATS))
    if not path.exists():
        raise InputRejected(f"{path}: no such file or folder",
                            code="ANNOTATIONS_PATH_MISSING", path=path)
    images = READERS[fmt](path)
    created = skipped = 0
    touched: set[int] = set()
    source = {"imported_from": path.name, "format": fmt}
    with case.writing() as s:
        matcher = _Matcher(s, path if path.is_dir() else path.parent)
        for image in images:
            if not image.boxes:
                continue
            photo = matcher.match(image)
            _check_size(image, photo)
            existing = list(s.execute(select(Box).where(Box.photo_id == photo.id)).scalars())
            for number, box in enumerate(image.boxes, start=1):
                values = _values(box, image, photo)
                if any(_same(b, _rounded(values)) for b in existing):
                    skipped += 1
                    continue
                try:
                    info = insert_box(case, s, photo, values, None, source)
                except InputRejected as exc:
                    raise InputRejected(f"{image.name}, box {number}: {exc}",
                                        code="ANNOTATIONS_BAD_BOX", name=image.name, number=number,
                                        exc=exc) from exc
                existing.append(s.get(Box, info.id))  # type: ignore[arg-type]
                created += 1
                touched.add(photo.id)
        if touched:
            _refresh_dates(case, s, touched)
    return ImportSummary(created, skipped, len(touched), len(images))


def _rounded(values: BoxValues) -> BoxValues:
    from dataclasses import replace

    return replace(values, x=round(values.x, 2), y=round(values.y, 2), w=round(values.w, 2),
                   h=round(values.h, 2))


def _refresh_dates(case: Case, session: Session, photo_ids: set[int]) -> None:
    """Tags feed the capture-date check (flight conflicts), so it is recomputed."""
    mark_dating_stale(session, photo_ids)
