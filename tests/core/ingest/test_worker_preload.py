"""The fork server's preload leaves a worker nothing to load on its first file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.fixtures.factory import make_exif, scene

REPO = Path(__file__).resolve().parents[3]

_PROBE = """
import json, sys, tempfile, os
import annotator.core.ingest.worker_preload  # what the fork server imports
from annotator.core.ingest.worker import analyse_file
before = set(sys.modules)
left = [n for n in os.listdir(tempfile.gettempdir()) if n.startswith("annotator-warm-")]
result = analyse_file(sys.argv[1], 250_000_000, frozenset())
print(json.dumps({"new": sorted(set(sys.modules) - before), "left": left,
                  "reason": result.reason, "pdq": (result.history or {}).get("pdq")}))
"""


def test_first_file_after_preload_loads_no_module(tmp_path: Path) -> None:
    photo = tmp_path / "camera.jpg"
    exif = make_exif(original="2023:10:27 10:41:00", offset="+00:00", gps=(12.53, -7.95),
                     gps_alt=380.0)
    scene(640, 480, 3).save(photo, "JPEG", quality=88, exif=exif.tobytes())
    env_tmp = tmp_path / "tmp"
    env_tmp.mkdir()
    out = subprocess.run([sys.executable, "-c", _PROBE, str(photo)], cwd=REPO, check=True,
                         capture_output=True, text=True, env={"TMPDIR": str(env_tmp),
                                                              "PATH": "/usr/bin:/bin"})
    probe = json.loads(out.stdout)
    assert probe["reason"] is None
    assert probe["pdq"], "the analysis ran whole"
    assert probe["new"] == [], f"loaded on the first file: {probe['new']}"
    assert probe["left"] == [] and list(env_tmp.iterdir()) == []  # the sample was removed


def test_sample_photo_is_a_camera_like_jpeg(tmp_path: Path) -> None:
    from annotator.core.ingest.worker import analyse_file
    from annotator.core.ingest.worker_preload import sample_photo

    path = tmp_path / "sample.jpg"
    path.write_bytes(sample_photo())
    result = analyse_file(str(path), 250_000_000, frozenset())
    assert result.reason is None and result.metadata is not None
    assert result.metadata.make == "Canon" and result.metadata.gps is not None


def test_the_importing_process_loads_no_reader_before_its_pool_starts() -> None:
    """What it must import before it can start the workers is the database layer; the
    readers (Pillow's plugins, the history's analysis, the metadata readers) are theirs."""
    probe = ("import json, sys; import annotator.core.ingest.importer; "
             "print(json.dumps(sorted(m for m in sys.modules if m in ("
             "'annotator.core.ingest.worker', 'annotator.core.history.analyze', "
             "'annotator.core.history.perceptual', 'annotator.core.metadata.reader', "
             "'exifread', 'pdqhash'))))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=REPO, check=True,
                         capture_output=True, text=True)
    assert json.loads(out.stdout) == []


def test_a_preload_that_cannot_warm_up_still_loads(tmp_path: Path) -> None:
    """No writable temp folder: the fork server must still start (it ignores only an
    ImportError from what it preloads), just without the warm-up."""
    probe = ("import tempfile, sys; tempfile.tempdir = sys.argv[1]; "
             "import annotator.core.ingest.worker_preload as p; print('loaded')")
    out = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "missing")], cwd=REPO,
                         capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip() == "loaded", out.stderr
