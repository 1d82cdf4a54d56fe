"""The boxes as training and labelling formats: COCO JSON, Pascal VOC XML and YOLO txt.

Coordinates refer to the upright picture (as displayed after EXIF Orientation), which is
what our boxes are stored in. CVAT, labelImg and detectors disagree about applying the
Orientation tag, so a photo whose Orientation is not 1 is given an upright copy in
`datasets/images/` and the datasets point at that copy. Registration, aircraft type, operator,
confidence and note travel as CVAT-style attributes in COCO and VOC; YOLO carries only the
class and the box. Output is deterministic: same boxes, same bytes.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

ATTRIBUTES = ("registration", "aircraft_type", "operator", "confidence", "note")
YOLO_DECIMALS = 6
VOC_DECIMALS = 2


@dataclass(frozen=True)
class DatasetBox:
    """One box in displayed (upright) pixels, with what it shows."""

    id: int
    label: str
    x: float
    y: float
    w: float
    h: float
    attributes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class DatasetImage:
    """One picture: its path in the packet, upright size, SHA-256 of the original, boxes."""

    file_name: str
    stem: str
    width: int
    height: int
    sha256: str
    boxes: tuple[DatasetBox, ...]


def class_names(case_labels: Sequence[str], images: Sequence[DatasetImage]) -> list[str]:
    """Categories: the case's label list in its order, then any other label used, sorted."""
    names = list(dict.fromkeys(case_labels))
    used = sorted({b.label for im in images for b in im.boxes} - set(names))
    return names + used


def coco_json(images: Sequence[DatasetImage], names: Sequence[str], description: str) -> bytes:
    """A COCO detection file (`bbox` is [x, y, width, height] in pixels, top-left origin)."""
    ids = {name: i for i, name in enumerate(names, start=1)}
    coco: dict[str, Any] = {
        "info": {"description": description, "version": "1.0", "contributor": "annotator"},
        "licenses": [],
        "categories": [{"id": ids[n], "name": n, "supercategory": ""} for n in names],
        "images": [],
        "annotations": [],
    }
    for image_id, im in enumerate(images, start=1):
        coco["images"].append({"id": image_id, "file_name": im.file_name, "width": im.width,
                               "height": im.height, "sha256": im.sha256})
        for b in im.boxes:
            coco["annotations"].append({
                "id": b.id, "image_id": image_id, "category_id": ids[b.label],
                "bbox": [b.x, b.y, b.w, b.h], "area": round(b.w * b.h, 4), "iscrowd": 0,
                "segmentation": [], "attributes": dict(b.attributes),
            })
    return (json.dumps(coco, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _sub(parent: ET.Element, tag: str, text: object | None = None) -> ET.Element:
    el = ET.SubElement(parent, tag)
    if text is not None:
        el.text = str(text)
    return el


def _fmt(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}"


def voc_xml(im: DatasetImage) -> bytes:
    """A Pascal VOC annotation as labelImg and CVAT write it (corners in pixels)."""
    path = PurePosixPath(im.file_name)
    root = ET.Element("annotation")
    _sub(root, "folder", path.parent.name)
    _sub(root, "filename", path.name)
    _sub(root, "path", im.file_name)
    source = _sub(root, "source")
    _sub(source, "database", "annotator evidence packet")
    _sub(source, "sha256", im.sha256)
    size = _sub(root, "size")
    _sub(size, "width", im.width)
    _sub(size, "height", im.height)
    _sub(size, "depth", 3)
    _sub(root, "segmented", 0)
    for b in im.boxes:
        obj = _sub(root, "object")
        _sub(obj, "name", b.label)
        _sub(obj, "pose", "Unspecified")
        _sub(obj, "truncated", 0)
        _sub(obj, "difficult", 0)
        bnd = _sub(obj, "bndbox")
        _sub(bnd, "xmin", _fmt(b.x, VOC_DECIMALS))
        _sub(bnd, "ymin", _fmt(b.y, VOC_DECIMALS))
        _sub(bnd, "xmax", _fmt(b.x + b.w, VOC_DECIMALS))
        _sub(bnd, "ymax", _fmt(b.y + b.h, VOC_DECIMALS))
        if b.attributes:
            attrs = _sub(obj, "attributes")
            for key, value in b.attributes:
                attr = _sub(attrs, "attribute")
                _sub(attr, "name", key)
                _sub(attr, "value", value)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def yolo_txt(im: DatasetImage, names: Sequence[str]) -> bytes:
    """YOLO labels: `class cx cy w h`, each relative to the picture's width or height."""
    index = {n: i for i, n in enumerate(names)}
    lines = []
    for b in im.boxes:
        cx = (b.x + b.w / 2) / im.width
        cy = (b.y + b.h / 2) / im.height
        values = (cx, cy, b.w / im.width, b.h / im.height)
        lines.append(f"{index[b.label]} " + " ".join(_fmt(v, YOLO_DECIMALS) for v in values))
    return "".join(line + "\n" for line in lines).encode("utf-8")


def yolo_classes(names: Sequence[str]) -> bytes:
    """classes.txt: one class name per line, line n is class n - 1 (labelImg, CVAT)."""
    return "".join(n + "\n" for n in names).encode("utf-8")


def yolo_data_yaml(names: Sequence[str]) -> bytes:
    """data.yaml with `nc` and `names` (Ultralytics); names are JSON strings, valid YAML."""
    lines = [
        "# Class names for datasets/yolo/labels/*.txt (annotator evidence packet).",
        "# Boxes refer to the upright pictures: originals/NAME, or datasets/images/STEM.* for a",
        "# photo whose EXIF Orientation is not 1. Label files are named after the picture's stem.",
        f"nc: {len(names)}",
        "names:",
    ]
    lines += [f"  {i}: {json.dumps(n, ensure_ascii=False)}" for i, n in enumerate(names)]
    return ("\n".join(lines) + "\n").encode("utf-8")
