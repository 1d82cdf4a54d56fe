"""The `annotator` command: argument parsing, then one core call per command.

Each command lives in a module of this package with a `register(subparsers)` function that
adds its parser and sets `handler`. Heavy modules (Qt, Pillow, SQLAlchemy) are imported
inside handlers, so `annotator --version` stays fast.

Exit codes: 0 success; 1 a check failed or an input was rejected; 2 a usage error or a case
that cannot be opened. Errors are one line on stderr, never a traceback
(set ANNOTATOR_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import atexit
import importlib
import os
import sys
import threading
import traceback
from collections.abc import Sequence
from typing import NoReturn

from annotator import __version__

# Modules that register commands, in the order they appear in `--help`.
COMMAND_MODULES = (
    "case_cmds",
    "import_cmds",
    "exif_cmd",
    "history_cmds",
    "box_cmds",
    "ocr_cmds",
    "date_cmds",
    "shadow_cmds",
    "flight_cmds",
    "map_cmds",
    "packet_cmds",
    "gui_cmds",
    "desktop_cmds",
)


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(2)


def build_parser() -> OneLineParser:
    parser = OneLineParser(
        prog="annotator",
        description="Annotate, date and link aircraft photos as verifiable evidence. "
        "With no command, opens the desktop app; `annotator CASE` opens that case.",
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"annotator.cli.{name}")
        module.register(sub)
    return parser


def _known_commands(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:  # noqa: SLF001 - argparse has no public accessor
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            return set(action.choices)
    return set()


def run() -> NoReturn:
    """The program's entry point (the `annotator` script and `python -m annotator`): `main`,
    then the end of the process (`end_process`)."""
    end_process(main())


def end_process(code: int) -> NoReturn:
    """Exit with `code`. After a command that loaded no Qt and left no thread running, the
    interpreter is not torn down: Python's clean-up of the thousand modules a command loads
    (SQLAlchemy, Pillow, numpy) took 0.15 s, as long as a whole `photos` command, and freed
    nothing the system does not free anyway (mypy ends the same way). The exit handlers
    still run (logging, multiprocessing's fork server) and the output is flushed. Qt's
    objects, in the GUI, must be destroyed in order: there the exit is the usual one."""
    qt = any(name == "PySide6" or name.startswith("PySide6.") for name in sys.modules)
    running = [t for t in threading.enumerate()
               if t is not threading.main_thread() and not t.daemon and t.is_alive()]
    if qt or running:
        raise SystemExit(code)
    atexit._run_exitfuncs()  # noqa: SLF001 - the handlers a normal exit runs
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`| head`): nothing more to say
            pass
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args_list or (args_list[0] not in _known_commands(parser)
                         and args_list[0] not in ("-h", "--help", "--version")):
        # `annotator`, `annotator CASE`, `annotator --self-test`: the desktop app.
        args_list = ["open", *args_list]
    args = parser.parse_args(args_list)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    return run_handler(handler, args)


def run_handler(handler, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    """Call a command handler, turning every failure into one line and an exit code."""
    from annotator.core.errors import AnnotatorError, first_line
    from annotator.core.startup import configure_libraries

    configure_libraries()  # Pillow's limit and quiet libraries, before any command reads a file
    try:
        result = handler(args)
    except AnnotatorError as exc:
        sys.stderr.write(f"annotator: {exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("annotator: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback
        if os.environ.get("ANNOTATOR_DEBUG"):
            traceback.print_exc()
        first = first_line(exc, "")
        sys.stderr.write(f"annotator: internal error: {type(exc).__name__}: {first}\n")
        return 1
    return int(result or 0)
