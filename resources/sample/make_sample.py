"""Write the demo case's photos (illustrative, generated) into a folder.

    python resources/sample/make_sample.py [FOLDER]      (default: resources/sample/photos)

The same drawing code builds the demo case (`annotator demo`), so nothing here is a
photograph of a real aircraft: every image is captioned "ILLUSTRATIVE — generated demo
data". See `annotator/core/demo_photos.py` for what each file's EXIF tells.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from annotator.core.demo.photos import DEMO_PHOTOS, write_demo_photos  # noqa: E402


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path(__file__).with_name("photos")
    for path, photo in zip(write_demo_photos(folder), DEMO_PHOTOS, strict=True):
        when = photo.taken.isoformat(sep=" ") if photo.taken else "no date"
        print(f"{path}  {photo.place}  {when}{'  (Orientation 6)' if photo.orientation else ''}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
