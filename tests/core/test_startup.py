"""Importing the core changes no global state (issue 13): Pillow's pixel limit, the warnings
filters and the libraries' log levels are set by `configure_libraries`, which every entry
point calls at start-up."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from PIL import Image

from annotator.core.images import decode
from annotator.core.startup import configure_libraries

_IMPORT_EVERYTHING = textwrap.dedent("""
    import importlib, logging, pkgutil, warnings
    import PIL.Image
    import numpy  # noqa: F401 - numpy adds its own warning filters when imported: ours only count
    before = (PIL.Image.MAX_IMAGE_PIXELS, list(warnings.filters),
              logging.getLogger("PIL").level, logging.getLogger("exifread").level)
    import annotator.core
    for info in pkgutil.walk_packages(annotator.core.__path__, "annotator.core."):
        if ".migrations." not in info.name + ".":
            importlib.import_module(info.name)
    after = (PIL.Image.MAX_IMAGE_PIXELS, list(warnings.filters),
             logging.getLogger("PIL").level, logging.getLogger("exifread").level)
    assert before == after, (before, after)
    print("unchanged")
""")


def test_importing_every_core_module_changes_no_global_state():
    done = subprocess.run([sys.executable, "-c", _IMPORT_EVERYTHING], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "unchanged"


def test_configure_libraries_sets_pillows_limit_to_ours():
    before = decode.max_pixels()
    try:
        configure_libraries(123_456_789)
        assert decode.max_pixels() == Image.MAX_IMAGE_PIXELS == 123_456_789
        configure_libraries()  # keeps the current limit
        assert Image.MAX_IMAGE_PIXELS == 123_456_789
    finally:
        configure_libraries(before)
