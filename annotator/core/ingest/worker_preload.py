"""What the import's fork server loads before it forks workers: the worker module, and all
that a worker would otherwise load on its first file.

The readers load much on first use (exifread, pillow-heif's plugin, PDQ, the index of the
quantization-table signatures): 0.13 s that every worker paid on its first file, while the
batch waited for it. Analysing one small generated photo here, once, loads all of it before
the fork; the workers inherit it and their first file costs what any other does.
Importing this module is its whole job: `multiprocessing` preloads modules, not calls.
"""

from __future__ import annotations

import io
import os
import tempfile

from PIL import Image

from annotator.core.images import decode
from annotator.core.ingest.worker import analyse_file

_MAKE, _MODEL, _DATETIME = 0x010F, 0x0110, 0x0132
_EXIF_IFD, _GPS_IFD, _ORIGINAL = 0x8769, 0x8825, 0x9003


def sample_photo() -> bytes:
    """A small JPEG with the EXIF a camera photo carries (maker, dates, GPS)."""
    exif = Image.Exif()
    exif[_MAKE], exif[_MODEL], exif[_DATETIME] = "Canon", "Canon EOS 5D", "2023:10:27 10:00:00"
    exif.get_ifd(_EXIF_IFD)[_ORIGINAL] = "2023:10:27 10:00:00"
    exif.get_ifd(_GPS_IFD).update({1: "N", 2: (12.0, 32.0, 0.0), 3: "W", 4: (7.0, 57.0, 0.0)})
    picture = Image.linear_gradient("L").resize((96, 64)).convert("RGB")
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=90, exif=exif.tobytes())
    return out.getvalue()


def warm() -> None:
    """Analyse the sample once (no staging: nothing is kept); a failure (no writable temp
    folder, say) only means the first file of each worker loads what this did not. Nothing
    may escape: the fork server ignores only an ImportError from what it preloads."""
    name = None
    try:
        fd, name = tempfile.mkstemp(prefix="annotator-warm-", suffix=".jpg")
        with os.fdopen(fd, "wb") as out:
            out.write(sample_photo())
        analyse_file(name, decode.DEFAULT_MAX_PIXELS, frozenset())
    except Exception:  # noqa: BLE001, S110 - warming is an optimisation only
        pass
    finally:
        if name is not None:
            try:
                os.unlink(name)
            except OSError:
                pass

warm()
