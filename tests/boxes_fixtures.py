"""Photos for box tests: generated JPEGs put into a case's store with a Photo row.

The rows are written directly (not through the import pipeline) so box tests depend only on
the store and the schema; the displayed size follows EXIF Orientation like an import does.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PIL import Image

from annotator.core.images.orientation import displayed_size
from annotator.core.models import Photo
from annotator.core.timeutil import utc_now
from tests.factory import make_exif, make_jpeg


def add_photo(case, path: Path) -> int:  # type: ignore[no-untyped-def]
    """Put the file at `path` into `case` (store + Photo row); return the photo id."""
    data = path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    case.store.put(path, sha)
    with Image.open(path) as im:
        sw, sh = im.size
        orientation = im.getexif().get(0x0112)
    w, h = displayed_size(sw, sh, orientation)
    with case.writing() as s:
        photo = Photo(case_id=case.case_id, sha256=sha, md5=hashlib.md5(data).hexdigest(),
                      size=len(data), original_name=path.name, original_path=str(path),
                      file_mtime_utc=None, imported_utc=utc_now(), importer="test",
                      format="JPEG", stored_width=sw, stored_height=sh, width=w, height=h,
                      orientation=orientation, has_thumbnail=False, meta={}, raw_tags={})
        s.add(photo)
        s.flush()
        case.audit(s, "photo.import", "photo", photo.id, photo_sha256=sha)
        return photo.id


def add_jpeg(case, folder: Path, name: str, width: int = 640, height: int = 480,  # type: ignore[no-untyped-def]
             *, orientation: int | None = None, seed: int = 0) -> int:
    """A generated scene (red marker at the stored top-left) imported into `case`."""
    path = make_jpeg(folder / name, width, height, exif=make_exif(orientation=orientation),
                     seed=seed)
    return add_photo(case, path)
