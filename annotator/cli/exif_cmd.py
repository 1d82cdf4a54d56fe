"""`annotator exif FILE... [--json]`: what photo files say about themselves (no case needed).

Exit code 0 when every file was read, 1 when any could not be (its `error` says why).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from annotator.core.metadata.model import PhotoMetadata


def register(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    """Add this module's commands to the parser."""
    parser = sub.add_parser(
        "exif",
        help="show the metadata of photo files (EXIF, XMP, IPTC; no case needed)",
        description="Read photo files and print their normalized metadata beside every raw "
        "tag. Exit 1 when any file could not be read.",
    )
    parser.add_argument("files", metavar="FILE", nargs="+", type=Path, help="photo files")
    parser.add_argument("--json", action="store_true",
                        help="print a JSON array, one object per file")
    parser.add_argument("--no-tags", action="store_true",
                        help="leave the raw tag listing out of the readable output")
    parser.set_defaults(handler=run_exif)


def read_file(path: Path) -> PhotoMetadata:
    """Hash and read one file; never raises."""
    from dataclasses import replace

    from annotator.core.hashing import sha256_of
    from annotator.core.metadata import read_metadata

    try:
        digest: str | None = sha256_of(path)
    except OSError:
        digest = None  # read_metadata names the reason (missing, unreadable, a folder)
    meta = read_metadata(path, sha256=digest)
    if digest is None and meta.error is None:
        meta = replace(meta, error="unreadable")
    return meta


def run_exif(args: argparse.Namespace) -> int:
    from annotator.cli.common import print_json

    results = [read_file(path) for path in args.files]
    if args.json:
        print_json([meta.to_json() for meta in results])
    else:
        for index, meta in enumerate(results):
            if index:
                sys.stdout.write("\n")
            sys.stdout.write(format_listing(meta, tags=not args.no_tags))
    failed = [meta for meta in results if meta.error]
    for meta in failed:
        sys.stderr.write(f"annotator: {meta.path}: {meta.error}\n")
    return 1 if failed else 0


def _line(label: str, value: Any) -> str:
    return f"  {label:<22} {value}\n"


def format_listing(meta: PhotoMetadata, *, tags: bool = True) -> str:
    """A readable, grouped listing of one file's metadata (normalized first, then raw)."""
    out = [f"{meta.path}\n"]

    def group(title: str, rows: list[tuple[str, Any]]) -> None:
        shown = [(k, v) for k, v in rows if v not in (None, "", [], {})]
        if shown:
            out.append(f" {title}\n")
            out.extend(_line(k, v) for k, v in shown)

    size = f"{meta.width} × {meta.height}" if meta.width is not None else None
    stored = (f"{meta.stored_width} × {meta.stored_height}"
              if meta.stored_width is not None and (meta.stored_width, meta.stored_height)
              != (meta.width, meta.height) else None)
    group("File", [("error", meta.error), ("sha256", meta.sha256), ("size (bytes)", meta.size),
                   ("format", meta.format), ("pixels (displayed)", size),
                   ("pixels (stored)", stored), ("orientation", meta.orientation),
                   ("embedded thumbnail", "yes" if meta.has_thumbnail else None)])
    group("Camera", [("make", meta.make), ("model", meta.model), ("lens", meta.lens),
                     ("serial", meta.serial), ("software", meta.software)])
    group("Dates (camera clock, local)", [
        ("original", _with_offset(meta.datetime_original, meta.offset_original)),
        ("digitized", _with_offset(meta.datetime_digitized, meta.offset_digitized)),
        ("modified", _with_offset(meta.datetime_modified, meta.offset_modified)),
    ])
    if meta.gps is not None:
        from annotator.core.timeutil import iso_z

        group("GPS", [("latitude", f"{meta.gps.lat:.7f}"), ("longitude", f"{meta.gps.lon:.7f}"),
                      ("altitude (m)", meta.gps.alt), ("GPS clock (UTC)", iso_z(meta.gps.utc))])
    if meta.xmp:
        xmp = meta.xmp
        rows = [("creator", xmp.get("creator")), ("caption", xmp.get("caption")),
                ("credit", xmp.get("credit")), ("rights", xmp.get("rights"))]
        rows += list((xmp.get("dates") or {}).items())
        group("XMP", rows)
        for event in xmp.get("history") or []:
            parts = [event.get("when"), event.get("action"), event.get("software_agent"),
                     event.get("changed")]
            out.append(_line("history", "  ".join(str(p) for p in parts if p)))
    if meta.iptc:
        iptc = meta.iptc
        group("IPTC", [("creator", iptc.get("creator")), ("caption", iptc.get("caption")),
                       ("credit", iptc.get("credit")), ("headline", iptc.get("headline")),
                       ("source", iptc.get("source")), ("copyright", iptc.get("copyright")),
                       ("keywords", ", ".join(iptc.get("keywords") or [])),
                       ("date created", _with_offset(iptc.get("date_created"),
                                                     iptc.get("offset_created")))])
    if meta.c2pa is not None:
        cred = meta.c2pa
        group("Content credentials (C2PA)", [
            ("state", cred.validation_state), ("signer", cred.signer),
            ("organization", cred.organization), ("signed (time stamp)", cred.signed_utc),
            ("claim generator", cred.claim_generator),
            ("codes", ", ".join(cred.codes)), ("error", cred.error),
            ("trust list", cred.trust_list)])
        for action in cred.actions:
            parts = [action.action, action.when or "(undated)", action.software_agent]
            label = "edit" if action.is_edit() else "action"
            out.append(_line(label, "  ".join(p for p in parts if p)))
        for ingredient in cred.ingredients:
            digest = (f"  sha256 {ingredient.sha256} ({ingredient.sha256_of})"
                      if ingredient.sha256 else "")
            out.append(_line("ingredient", f"{ingredient.title or '?'}{digest}"))
    if tags and meta.tags:
        out.append(f" Raw tags ({len(meta.tags)})\n")
        width = min(44, max(len(k) for k in meta.tags))
        for key in sorted(meta.tags):
            value = meta.tags[key].replace("\n", " ")
            if len(value) > 120:
                value = value[:117] + "..."
            out.append(f"  {key:<{width}} {value}\n")
    return "".join(out)


def _with_offset(local: str | None, offset: str | None) -> str | None:
    if local is None:
        return None
    return f"{local} {offset}" if offset else local
