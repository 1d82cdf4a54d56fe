"""`annotator init` and `annotator audit`."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.cli.common import add_case, add_examiner, open_case, print_json


def register(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    p = sub.add_parser("init", help="create a case folder")
    p.add_argument("path", metavar="PATH", type=Path)
    p.add_argument("--name", help="the case's name (default: the folder name)")
    p.add_argument("--db", metavar="URL", help="store records in this database "
                   "(e.g. postgresql+psycopg://user@host/db) instead of case.sqlite")
    add_examiner(p)
    p.set_defaults(handler=_init)

    p = sub.add_parser("audit", help="show or verify the case's audit log")
    add_case(p)
    p.add_argument("--verify", action="store_true", help="re-walk the hash chain")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_audit)


def _init(args: argparse.Namespace) -> int:
    from annotator.cli.common import with_password_prompt
    from annotator.core.case.folder import Case

    case = with_password_prompt(lambda password: Case.create(
        args.path, name=args.name, examiner=args.examiner, db_url=args.db, password=password))
    print(f"created case {case.name!r} in {case.root}")
    case.close()
    return 0


def _audit(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from annotator.core.case.audit import verify_chain
    from annotator.core.models import AuditEvent
    from annotator.core.timeutil import iso_z

    with open_case(args) as case, case.reading() as session:
        if args.verify:
            check = verify_chain(session)
            if args.json:
                print_json({"ok": check.ok, "events": check.count,
                            "first_broken_id": check.first_broken_id, "reason": check.reason})
            elif check.ok:
                print(f"audit chain intact: {check.count} events")
            else:
                print(f"audit chain broken at event {check.first_broken_id}: {check.reason}")
            return 0 if check.ok else 1
        events = session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars().all()
        rows = [{"id": e.id, "time_utc": iso_z(e.time_utc), "examiner": e.examiner,
                 "action": e.action, "object_type": e.object_type, "object_id": e.object_id,
                 "photo_sha256": e.photo_sha256, "details": e.details, "hash": e.hash}
                for e in events]
        if args.json:
            print_json(rows)
        else:
            for r in rows:
                print(f"{r['id']:>6}  {r['time_utc']}  {r['examiner']:<16} {r['action']:<18} "
                      f"{r['object_type']} {r['object_id'] or ''}  {r['details']}")
    return 0
