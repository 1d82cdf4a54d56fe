"""The core is Qt-free: importing every core module loads no Qt module."""

import pkgutil
import subprocess
import sys

import annotator.core


def test_importing_every_core_module_loads_no_qt():
    names = [m.name for m in pkgutil.walk_packages(annotator.core.__path__, "annotator.core.")
             if ".migrations" not in m.name]
    code = (
        "import importlib, sys\n"
        f"for n in {names!r}: importlib.import_module(n)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'PyQt5', 'PyQt6', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core imported Qt: {out.stdout}"
    assert len(names) >= 8
