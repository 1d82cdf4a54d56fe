"""The XMP packet as a plain value: the fields an examiner reads, the edit history, and
every simple property kept raw.

XMP is RDF/XML written by anything from a camera to a web service, so it is parsed with
defusedxml (no entity expansion, no external fetches) and every shape RDF allows for a
property is accepted: an attribute, an element, a Bag/Seq/Alt, a struct (nested
Description or `rdf:parseType="Resource"`).

Property names are `prefix:Name` with the conventional prefix of the namespace
(`dc:creator`, `xmpMM:History`, `photoshop:Credit`), whatever prefix the file declared.
"""

from __future__ import annotations

import io
from typing import Any

from annotator.core.errors import first_line

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

KNOWN_PREFIXES = {
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://ns.adobe.com/xap/1.0/": "xmp",
    "http://ns.adobe.com/xap/1.0/mm/": "xmpMM",
    "http://ns.adobe.com/xap/1.0/sType/ResourceEvent#": "stEvt",
    "http://ns.adobe.com/xap/1.0/sType/ResourceRef#": "stRef",
    "http://ns.adobe.com/xap/1.0/rights/": "xmpRights",
    "http://ns.adobe.com/photoshop/1.0/": "photoshop",
    "http://ns.adobe.com/exif/1.0/": "exif",
    "http://cipa.jp/exif/1.0/": "exifEX",
    "http://ns.adobe.com/tiff/1.0/": "tiff",
    "http://ns.adobe.com/exif/1.0/aux/": "aux",
    "http://ns.adobe.com/camera-raw-settings/1.0/": "crs",
    "http://ns.adobe.com/lightroom/1.0/": "lr",
    "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/": "Iptc4xmpCore",
    "http://iptc.org/std/Iptc4xmpExt/2008-02-29/": "Iptc4xmpExt",
    "http://ns.google.com/photos/1.0/camera/": "GCamera",
    "http://ns.adobe.com/xmp/1.0/DynamicMedia/": "xmpDM",
    RDF: "rdf",
}

DATE_PROPERTIES = ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate",
                   "photoshop:DateCreated", "exif:DateTimeOriginal", "exif:DateTimeDigitized",
                   "tiff:DateTime", "Iptc4xmpExt:DateTimeOriginal")


def _to_utf8(data: bytes) -> bytes:
    """XMP may be UTF-8, UTF-16 or UTF-32, with or without a BOM (ExifTool writes UTF-16BE
    packets without one); tell them apart by where the NULs sit around the first '<'."""
    probes = (
        (b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"),
        (b"\x00<", "utf-16-be"), (b"<\x00", "utf-16-le"),
    )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace").encode("utf-8")
    head = data.lstrip(b"\xef\xbb\xbf")[:8]
    for marker, encoding in probes:
        if head.startswith(marker):
            return data.decode(encoding, "replace").encode("utf-8")
    return data


def _decode(packet: bytes | str) -> bytes:
    if isinstance(packet, str):
        data = packet.encode("utf-8", "replace")
    else:
        data = bytes(packet)
    data = _to_utf8(data)
    start = -1
    for marker in (b"<x:xmpmeta", b"<x:xapmeta", b"<rdf:RDF", b"<?xml"):
        idx = data.find(marker)
        if idx >= 0 and (start < 0 or idx < start):
            start = idx
    if start < 0:
        start = max(data.find(b"<"), 0)
    data = data[start:]
    end = -1
    for marker in (b"</x:xmpmeta>", b"</x:xapmeta>", b"</rdf:RDF>"):
        idx = data.rfind(marker)
        if idx >= 0:
            end = max(end, idx + len(marker))
    if end > 0:
        data = data[:end]
    return data


class _Namer:
    def __init__(self, declared: dict[str, str]) -> None:
        self.declared = declared

    def __call__(self, tag: str) -> str:
        if tag.startswith("{"):
            uri, local = tag[1:].split("}", 1)
            prefix = KNOWN_PREFIXES.get(uri) or self.declared.get(uri) or uri
            return f"{prefix}:{local}"
        return tag


def _value(elem: Any, name: _Namer) -> Any:
    """The value of a property element: text, list (Bag/Seq/Alt) or dict (struct)."""
    rdf_resource = elem.get(f"{{{RDF}}}resource")
    if rdf_resource is not None:
        return rdf_resource
    children = list(elem)
    if elem.get(f"{{{RDF}}}parseType") == "Resource":
        return _struct_from(elem, name)
    if not children:
        attrs = _attributes(elem, name)
        if attrs:
            return attrs
        return (elem.text or "").strip()
    first = children[0]
    if first.tag in (f"{{{RDF}}}Bag", f"{{{RDF}}}Seq", f"{{{RDF}}}Alt"):
        items = []
        default = None
        for li in first:
            item = _value(li, name)
            items.append(item)
            if first.tag == f"{{{RDF}}}Alt" and li.get(XML_LANG) == "x-default":
                default = item
        if first.tag == f"{{{RDF}}}Alt":
            return default if default is not None else (items[0] if items else "")
        return items
    if first.tag == f"{{{RDF}}}Description":
        return _struct_from(first, name)
    return _struct_from(elem, name)


def _attributes(elem: Any, name: _Namer) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in elem.attrib.items():
        if key.startswith(f"{{{RDF}}}") or key == XML_LANG:
            continue
        out[name(key)] = value
    return out


def _struct_from(elem: Any, name: _Namer) -> dict[str, Any]:
    out = _attributes(elem, name)
    for child in elem:
        out[name(child.tag)] = _value(child, name)
    return out


def _history(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        return []
    out = []
    for item in value:
        if not isinstance(item, dict):
            continue
        out.append({
            "action": item.get("stEvt:action"),
            "when": item.get("stEvt:when"),
            "software_agent": item.get("stEvt:softwareAgent"),
            "changed": item.get("stEvt:changed"),
        })
    return out


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        parts = [str(v).strip() for v in value if isinstance(v, str) and v.strip()]
        return "; ".join(parts) or None
    if isinstance(value, str):
        return value.strip() or None
    return None


def parse_xmp(packet: bytes | str, warnings: list[str] | None = None) -> dict[str, Any] | None:
    """The XMP object of `annotator exif --json`, or None when the packet is not XMP.

    Keys: `creator`, `caption`, `credit`, `rights`, `dates` (property → raw text, as
    written: XMP dates carry their own offset), `history` (xmpMM:History, one
    `{action, when, software_agent, changed}` per event, oldest first) and `properties`
    (every property, raw). A packet that is not well-formed adds a note to `warnings`.
    """
    import defusedxml.ElementTree as DET  # noqa: N814 - defusedxml's own alias

    data = _decode(packet)
    if not data.strip():
        return None
    declared: dict[str, str] = {}
    try:
        for _event, (prefix, uri) in DET.iterparse(io.BytesIO(data), events=("start-ns",)):
            declared.setdefault(uri, prefix)
        root = DET.fromstring(data)
    except Exception as exc:  # noqa: BLE001 - ParseError, entity refusals, encoding errors
        if warnings is not None:
            warnings.append(f"xmp: {type(exc).__name__}: {first_line(exc, '')}"[:160])
        return None
    name = _Namer(declared)
    props: dict[str, Any] = {}
    rdf_root = root if root.tag == f"{{{RDF}}}RDF" else root.find(f".//{{{RDF}}}RDF")
    if rdf_root is None:
        return None
    # Only top-level descriptions (direct children of rdf:RDF) hold properties.
    for desc in rdf_root.findall(f"{{{RDF}}}Description"):
        props.update(_attributes(desc, name))
        for child in desc:
            props[name(child.tag)] = _value(child, name)
    if not props:
        return None
    return {
        "creator": _text(props.get("dc:creator")),
        "caption": _text(props.get("dc:description")),
        "credit": _text(props.get("photoshop:Credit")),
        "rights": _text(props.get("dc:rights")),
        "dates": {k: props[k] for k in DATE_PROPERTIES if isinstance(props.get(k), str)},
        "history": _history(props.get("xmpMM:History")),
        "properties": props,
    }
