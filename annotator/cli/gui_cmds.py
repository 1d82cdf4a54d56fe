"""`annotator [CASE]` (the hidden `open` command) and `annotator demo`: the desktop app.

Qt is imported inside the handlers, so the rest of the CLI never loads it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.cli.common import add_examiner


def register(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    # No `help=`: `open` is what `annotator` and `annotator CASE` run; it stays out of --help.
    p = sub.add_parser("open", description="Open the desktop app on CASE, or the welcome "
                       "screen without one.")
    p.add_argument("case", metavar="CASE", type=Path, nargs="?", help="the case folder")
    add_examiner(p)
    p.add_argument("--self-test", action="store_true",
                   help="open the main window offscreen on CASE (default: the demo case), "
                   "check it shows photos and a canvas, and exit 0")
    p.set_defaults(handler=_open)

    p = sub.add_parser("demo", help="open the desktop app on the demo case (built if absent)")
    add_examiner(p)
    p.add_argument("--self-test", action="store_true",
                   help="open it offscreen, check the window works, and exit 0")
    p.set_defaults(handler=_demo)


def _open(args: argparse.Namespace) -> int:
    from annotator.gui.app import run_gui

    return run_gui(args.case, run_self_test=args.self_test, examiner=args.examiner)


def _demo(args: argparse.Namespace) -> int:
    from annotator.gui.app import run_gui

    return run_gui(None, demo=True, run_self_test=args.self_test, examiner=args.examiner)
