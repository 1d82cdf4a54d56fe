"""Refresh the translations: extract the GUI's strings into the .ts files, then build the .qm.

    python resources/translations/update.py            # lupdate + lrelease
    python resources/translations/update.py --release  # lrelease only (after editing a .ts)

`pyside6-lupdate` reads every Python file under annotator/gui (it understands `self.tr(...)`,
`QCoreApplication.translate(context, ...)` and `QT_TRANSLATE_NOOP`), merges new strings into
annotator_<lang>.ts as unfinished and drops vanished ones (`-no-obsolete`). Translate the
unfinished ones (Qt Linguist: `pyside6-linguist annotator_fr.ts`, or any editor), then run
this again to build annotator_<lang>.qm into the package data (annotator/resources/
translations), which the app loads (annotator/gui/i18n.py).
tests/gui/i18n/test_translations.py fails while a string is untranslated.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LANGUAGES = ("fr",)


def gui_sources(root: Path = ROOT) -> list[Path]:
    """The Python files lupdate reads, in a stable order (paths relative to `root`)."""
    return sorted(p.relative_to(root) for p in (root / "annotator" / "gui").rglob("*.py"))


def lupdate(ts: Path, root: Path = ROOT, *, no_obsolete: bool = True) -> None:
    """Merge the strings of annotator/gui into `ts` (created when absent)."""
    list_file = ts.with_suffix(".lst")
    list_file.write_text("\n".join(str(root / p) for p in gui_sources(root)) + "\n",
                         encoding="utf-8")
    try:
        cmd = ["pyside6-lupdate", "-silent", "-locations", "none"]
        if no_obsolete:
            cmd.append("-no-obsolete")
        subprocess.run([*cmd, f"@{list_file}", "-ts", str(ts)], check=True, cwd=root)
    finally:
        list_file.unlink(missing_ok=True)


PACKAGE_DATA = ROOT / "annotator" / "resources" / "translations"  # where the app loads .qm


def lrelease(ts: Path) -> Path:
    qm = PACKAGE_DATA / ts.with_suffix(".qm").name
    subprocess.run(["pyside6-lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only build the .qm files")
    args = parser.parse_args(argv)
    for lang in LANGUAGES:
        ts = HERE / f"annotator_{lang}.ts"
        if not args.release:
            lupdate(ts)
        print(lrelease(ts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
