"""`annotator export`, `verify`, `keygen` and `import-annotations`: evidence packets."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotator.cli.common import add_case, add_examiner, open_case, print_json
from annotator.core.errors import InputRejected


def register(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    """Add the packet commands."""
    p = sub.add_parser("export", help="write an evidence packet (zip) of the case's photos")
    add_case(p)
    p.add_argument("--out", metavar="PACKET.zip", type=Path, required=True)
    which = p.add_mutually_exclusive_group()
    which.add_argument("--photos", metavar="PHOTO", nargs="+",
                       help="only these photos: each its id as `annotator photos` prints it, "
                       "a SHA-256 prefix of at least 8 characters, or its file name")
    which.add_argument("--tag", metavar="REG",
                       help="only photos with a box tagged with this registration")
    p.add_argument("--sign", metavar="KEYFILE", type=Path,
                   help="sign SHA256SUMS with this Ed25519 key (see `annotator keygen`)")
    p.add_argument("--force", action="store_true", help="replace PACKET.zip if it exists")
    p.add_argument("--jobs", type=int, metavar="N",
                   help="rendering threads (default: one per core, at most 4)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(handler=_export)

    p = sub.add_parser("verify", help="check an evidence packet: files, signature, custody")
    p.add_argument("packet", metavar="PACKET.zip", type=Path)
    p.add_argument("--pubkey", metavar="FILE", type=Path,
                   help="the examiner's public key (PEM); without it the key inside the "
                        "packet is used, which proves integrity but not who signed")
    p.add_argument("--tsa-cert", metavar="FILE", type=Path, action="append", default=[],
                   help="the time-stamp authority's CA certificate (PEM or DER; repeatable): "
                        "the packet's time stamp must chain to it")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_verify)

    p = sub.add_parser("stamp", help="add a trusted time stamp (RFC 3161) to a packet")
    p.add_argument("packet", metavar="PACKET.zip", type=Path)
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--tsa", metavar="URL",
                        help="ask this time-stamp authority (sends SHA256SUMS.tsq over HTTP)")
    source.add_argument("--reply", metavar="FILE.tsr", type=Path,
                        help="a reply obtained elsewhere for the packet's SHA256SUMS.tsq")
    p.add_argument("--tsa-cert", metavar="FILE", type=Path, action="append", default=[],
                   help="check the reply's authority against this CA certificate first")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_stamp)

    p = sub.add_parser("keygen", help="make an Ed25519 key pair for signing packets")
    p.add_argument("--out", metavar="KEYFILE", type=Path, required=True,
                   help="private key file (mode 600); the public key goes to KEYFILE.pub")
    add_examiner(p)
    p.set_defaults(handler=_keygen)

    p = sub.add_parser("import-annotations",
                       help="import boxes from COCO, Pascal VOC or YOLO files")
    add_case(p)
    p.add_argument("file", metavar="FILE", type=Path,
                   help="COCO JSON; a VOC XML file or folder; a YOLO label file or folder "
                        "(with classes.txt or data.yaml beside it)")
    p.add_argument("--format", required=True, choices=("coco", "voc", "yolo"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_import_annotations)


def _export(args: argparse.Namespace) -> int:
    from annotator.cli.import_cmds import ProgressLine
    from annotator.core.packet.export import export_packet
    from annotator.core.packet.selection import Selection

    selection = Selection(references=tuple(args.photos or ()), tag=args.tag)
    bar = ProgressLine(sys.stderr) if sys.stderr.isatty() and not args.json else None
    with open_case(args) as case:
        try:
            result = export_packet(
                case, args.out, selection, sign_key=args.sign, overwrite=args.force,
                jobs=args.jobs,
                progress=(lambda done, total: bar(done, total, "")) if bar else None)
        except InputRejected as exc:
            if exc.code != "EXPORT_TARGET_EXISTS":
                raise
            # The command line has a way the core's sentence cannot name: say it.
            raise InputRejected(f"{args.out} already exists; choose another name, or pass "
                                "--force to replace it", code="EXPORT_TARGET_EXISTS",
                                out=args.out) from None
        finally:
            if bar:
                bar.close()
    if args.json:
        print_json({"path": str(result.path), "photos": result.photos, "boxes": result.boxes,
                    "files": result.files, "sha256sums_sha256": result.sha256sums_sha256,
                    "evidence_sha256": result.evidence_sha256, "signed": result.signed,
                    "public_key_sha256": result.public_key_sha256,
                    "pictures_reused": result.pictures_reused})
    else:
        print(f"wrote {result.path}: {result.photos} photo(s), {result.boxes} box(es); "
              f"{files_phrase(result.files)}"
              + (", SHA256SUMS signed" if result.signed else ""))
        print(f"SHA-256 of SHA256SUMS: {result.sha256sums_sha256}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    from annotator.core.packet.verify import verify_packet

    report = verify_packet(args.packet, args.pubkey, args.tsa_cert)
    if args.json:
        print_json(report.to_json())
        return 0 if report.ok else 1
    for problem in report.problems:
        print(f"FAIL {problem}")
    for note in report.notes:
        print(note)
    if report.ok:
        print(f"packet intact: {files_phrase(report.files_checked)}, each matching its "
              f"SHA-256; custody log of "
              f"{report.custody_events} events ({report.custody_redacted} redacted) verifies")
        return 0
    print(f"packet NOT intact: {len(report.problems)} problem(s)")
    return 1


def _stamp(args: argparse.Namespace) -> int:
    from annotator.core.errors import InputRejected
    from annotator.core.packet.timestamp import TSR, load_certificates, stamp_packet
    from annotator.core.timeutil import iso_z

    reply = None
    if args.reply is not None:
        try:
            reply = args.reply.read_bytes()
        except OSError as exc:
            raise InputRejected(f"{args.reply}: cannot read ({exc.strerror})",
                                code="STAMP_REPLY_UNREADABLE", path=args.reply,
                                strerror=exc.strerror) from exc
    check = stamp_packet(args.packet, reply=reply, tsa_url=args.tsa,
                         trusted=load_certificates(args.tsa_cert))
    if args.json:
        print_json({"path": str(args.packet), **check.to_json()})
        return 0
    print(f"added {TSR} to {args.packet}: SHA256SUMS existed at {iso_z(check.time_utc)} "
          f"(authority: {check.authority}, serial {check.serial})")
    if check.state != "trusted":
        print("the authority was not checked: give --tsa-cert to `annotator verify`")
    return 0


def files_phrase(n: int) -> str:
    """What `export` and `verify` both count: the files SHA256SUMS lists (SHA256SUMS itself,
    its signature and its time-stamp request and reply are not among them), so both print
    the same N for one packet."""
    return f"{n} file{'s' if n != 1 else ''} in the packet listed in SHA256SUMS"


def _keygen(args: argparse.Namespace) -> int:
    from annotator.core.packet.signing import generate_keypair

    pair = generate_keypair(args.out)
    print(f"private key: {pair.private_path} (keep it secret; mode 600)")
    print(f"public key:  {pair.public_path} (give this to recipients)")
    print(f"fingerprint: {pair.fingerprint}")
    return 0


def _import_annotations(args: argparse.Namespace) -> int:
    from annotator.core.interchange.formats import import_annotations

    with open_case(args) as case:
        summary = import_annotations(case, args.file, args.format)
    if args.json:
        print_json({"created": summary.created, "skipped": summary.skipped,
                    "photos": summary.photos, "images": summary.images})
    else:
        print(f"imported {summary.created} box(es) onto {summary.photos} photo(s); "
              f"{summary.skipped} already present")
    return 0
