"""`annotator install-desktop`: put annotator in the Linux desktop's application menu.

Copies the package's annotator.desktop into `<prefix>/share/applications` and the app icon
(icons/annotator.svg) into `<prefix>/share/icons/hicolor/scalable/apps`, the
freedesktop.org places a desktop looks in (`~/.local` for one user, `/usr/local` for all).
The `Exec` line names the program that ran this command (the PyInstaller executable, or the
`annotator` script found on PATH), so the menu entry starts this very installation.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import InputRejected
from annotator.resources import icons_dir, resource_path

DESKTOP_NAME = "annotator.desktop"
ICON_NAME = "annotator.svg"


@dataclass(frozen=True)
class DesktopFiles:
    desktop: Path
    icon: Path


def targets(prefix: Path) -> DesktopFiles:
    share = prefix / "share"
    return DesktopFiles(share / "applications" / DESKTOP_NAME,
                        share / "icons" / "hicolor" / "scalable" / "apps" / ICON_NAME)


def default_exec() -> str:
    """The command the menu entry runs: this executable when frozen, else the `annotator`
    script on PATH, else a bare `annotator` (left to the desktop's PATH)."""
    if getattr(sys, "frozen", False):
        return sys.executable
    return shutil.which("annotator") or "annotator"


def _quote(path: str) -> str:
    """Quote an Exec argument as the Desktop Entry spec asks (only when needed)."""
    if not any(c in path for c in ' \t"\'\\><~|&;$*?#()`'):
        return path
    escaped = path.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`")
    return '"' + escaped.replace("$", "\\$") + '"'


def desktop_entry(template: str, program: str) -> str:
    """The .desktop text with `Exec`/`TryExec` pointing at `program`."""
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={_quote(program)} %f"
        elif line.startswith("TryExec="):
            line = f"TryExec={program}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def install_desktop(prefix: Path, program: str | None = None) -> DesktopFiles:
    """Write the menu entry and the icon under `prefix`; return where they went."""
    res = resource_path()
    template, icon = res / DESKTOP_NAME, icons_dir() / ICON_NAME
    if not template.is_file() or not icon.is_file():
        raise InputRejected(f"The desktop files are missing from {res}.")
    out = targets(prefix)
    try:
        out.desktop.parent.mkdir(parents=True, exist_ok=True)
        out.icon.parent.mkdir(parents=True, exist_ok=True)
        out.desktop.write_text(desktop_entry(template.read_text(encoding="utf-8"),
                                             program or default_exec()), encoding="utf-8")
        shutil.copyfile(icon, out.icon)
    except OSError as exc:
        raise InputRejected(f"Cannot write under {prefix}: {exc.strerror or exc}.") from exc
    _refresh_caches(prefix)
    return out


def remove_desktop(prefix: Path) -> list[Path]:
    """Remove what install_desktop wrote under `prefix`; return the files removed."""
    removed = []
    for path in (targets(prefix).desktop, targets(prefix).icon):
        if path.is_file():
            path.unlink()
            removed.append(path)
    _refresh_caches(prefix)
    return removed


def _refresh_caches(prefix: Path) -> None:
    """Tell the desktop about the change when its tools are there (optional: menus also
    notice new files on their own)."""
    for cmd in (["update-desktop-database", str(prefix / "share" / "applications")],
                ["gtk-update-icon-cache", "-q", "-t", str(prefix / "share/icons/hicolor")]):
        if shutil.which(cmd[0]):
            subprocess.run(cmd, check=False, capture_output=True)


def register(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    p = sub.add_parser("install-desktop",
                       help="add annotator to the Linux application menu (.desktop and icon)")
    p.add_argument("--prefix", type=Path, default=Path("~/.local"),
                   help="where to install: share/applications and share/icons go under it "
                   "(default: ~/.local, this user only)")
    p.add_argument("--exec", dest="program", metavar="PROGRAM",
                   help="the command the menu entry runs (default: this annotator)")
    p.add_argument("--remove", action="store_true", help="remove the menu entry and icon")
    p.set_defaults(handler=_install)


def _install(args: argparse.Namespace) -> int:
    prefix = args.prefix.expanduser()
    if args.remove:
        for path in remove_desktop(prefix):
            print(f"removed {path}")
        return 0
    out = install_desktop(prefix, args.program)
    print(f"installed {out.desktop}")
    print(f"installed {out.icon}")
    return 0
