"""Evidence-packet export time against its floor: run by hand, never collected by pytest.

    python tests/bench/bench_export.py [--count 200] [--jobs 2] [--stages]

Uses the same cached 12-megapixel JPEGs as bench_import.py (generated on first use), imports
them into a fresh case, puts one box on every photo (two on every fifth), then measures in
the same run, with the originals in the page cache and the disk's writeback settled (`sync`)
before each step:

1. the floor: copying the case's originals to a new folder (`cp`) and running `sha256sum`
   over the copies — what any packet must at least do;
2. `annotator export CASE --out PACKET.zip --jobs JOBS` with nothing rendered ahead (cold):
   start-up, the originals streamed and re-hashed into the zip, every photo decoded,
   annotated and its boxes cropped at full resolution, datasets, manifest, custody log, the
   PDF report;
3. the same export again, now that the pictures are in the case's render cache (warm): what
   an examiner meets in the workspace, which renders each photo's pictures in the background
   after each edit;
4. `annotator verify PACKET.zip`, for reference;
5. rendering ahead: `prepare_pictures` over every photo in this process, on one core, as the
   workspace's background job does it (its cost per photo);
6. with `--stages`, one more (warm) export in this process, timed per stage through its
   progress callback.

The target is export at most 3 × the floor. Peak memory of the export process is printed
too (it streams: originals never sit in memory).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.bench.bench_import import CACHE_VERSION, generate  # noqa: E402


def _timed(cmd: list[str], **kwargs) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(wall seconds, CPU seconds of the child) for one command. Dirty pages left by the
    step before are written out first (`sync`), so no step pays for another's writes: an
    export writing 1.2 GB right after another one otherwise waits on the kernel's writeback."""
    os.sync()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, **kwargs)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _add_boxes(case_dir: Path) -> int:
    from sqlalchemy import select

    from annotator.core.boxes import BoxValues, restore_boxes
    from annotator.core.case.folder import Case
    from annotator.core.models import Photo

    made = 0
    with Case.open(case_dir, examiner="bench") as case:
        with case.reading() as s:
            photos = [(p.id, p.width, p.height) for p in s.execute(select(Photo)).scalars()]
        next_id = 1
        for n, (pid, w, h) in enumerate(photos):
            boxes = [(next_id, BoxValues(registration="5U-MBH", confidence="confirmed",
                                         x=w * 0.3, y=h * 0.35, w=w * 0.35, h=h * 0.2))]
            if n % 5 == 0:
                boxes.append((next_id + 1, BoxValues(label="vehicle", x=w * 0.05, y=h * 0.7,
                                                     w=w * 0.15, h=h * 0.12)))
            restore_boxes(case, pid, boxes)
            next_id += len(boxes)
            made += len(boxes)
    return made


def _same_pictures(cold_path: Path, warm_path: Path) -> bool:
    """Whether the cold and warm packets hold byte-identical files (the render cache must
    give exactly what a fresh render gives); only the time-stamped ones may differ."""
    import zipfile

    varying = {"manifest.json", "README.txt", "custody.jsonl", "report.pdf", "SHA256SUMS",
               "SHA256SUMS.tsq"}
    with zipfile.ZipFile(cold_path) as a, zipfile.ZipFile(warm_path) as b:
        names = a.namelist()
        if names != b.namelist():
            return False
        return all(a.read(n) == b.read(n) for n in names if n not in varying)


def _prepare_ahead(case_dir: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds to render every photo's pictures ahead, in a fresh process."""
    shutil.rmtree(case_dir / "renders")
    code = ("import sys; from pathlib import Path; from annotator.core.case.folder import Case; "
            "from annotator.core.packet.pictures import prepare_pictures, photos_with_boxes; "
            "c = Case.open(Path(sys.argv[1]), examiner='bench'); "
            "r = prepare_pictures(c, photos_with_boxes(c)); c.close(); "
            "sys.exit(0 if r.failed == 0 else 1)")
    return _timed([sys.executable, "-c", code, str(case_dir)], cwd=REPO, env=env)


def _stages(case_dir: Path, out: Path, jobs: int) -> list[tuple[str, float, float]]:
    """One more export, in this process, timed per stage through its progress callback:
    (stage, wall seconds, CPU seconds of this process, all threads)."""
    from annotator.core.case.folder import Case
    from annotator.core.packet.export import export_packet

    names = ["read the selection; every photo's pictures from the render cache (or rendered), "
             "linked and checked",
             "datasets, manifest, README in memory; export event; the originals into the zip "
             "(the report starts in its own process)",
             "the pictures and the other files into the zip; waiting for the report",
             "custody log and report.pdf into the zip",
             "SHA256SUMS, close, `packet.sealed`"]
    marks: dict[int, tuple[float, float]] = {}

    def progress(done: int, total: int) -> None:
        n = (total - 3) // 2
        if done in (n, n + 1, 2 * n + 1, 2 * n + 2, total) and done not in marks:
            marks[done] = (time.perf_counter(), time.process_time())

    os.sync()
    start = (time.perf_counter(), time.process_time())
    with Case.open(case_dir, examiner="bench") as case:
        export_packet(case, out, jobs=jobs, progress=progress)
    bounds = [start, *(marks[k] for k in sorted(marks))]
    return [(names[i], b[0] - a[0], b[1] - a[1])
            for i, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--stages", action="store_true",
                        help="after the timed run, export once more in-process, per stage")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir())
                        / f"annotator-bench-12mp-{CACHE_VERSION}")
    args = parser.parse_args()
    for tool in ("sha256sum", "cp"):
        if shutil.which(tool) is None:
            print(f"bench_export: {tool} is not installed", file=sys.stderr)
            return 2
    files = generate(args.cache, args.count, args.jobs)[: args.count]
    work = Path(tempfile.mkdtemp(prefix="annotator-bench-export-"))
    env = {**os.environ, "ANNOTATOR_EXAMINER": "bench", "ANNOTATOR_CONFIG_DIR": str(work)}
    annotator = [sys.executable, "-m", "annotator"]
    try:
        case = work / "case"
        incoming = work / "incoming"
        incoming.mkdir()
        for f in files:
            os.symlink(f, incoming / f.name)
        subprocess.run([*annotator, "init", str(case)], check=True, cwd=REPO, env=env,
                       stdout=subprocess.DEVNULL)
        subprocess.run([*annotator, "import", str(case), str(incoming), "--jobs",
                        str(args.jobs)], check=True, cwd=REPO, env=env,
                       stdout=subprocess.DEVNULL)
        boxes = _add_boxes(case)
        originals = sorted(p for p in (case / "originals").rglob("*") if p.is_file())
        total_mb = sum(p.stat().st_size for p in originals) / 1e6
        subprocess.run(["cat", *map(str, originals)], check=True, stdout=subprocess.DEVNULL)
        load = os.getloadavg()[0]

        copies = work / "copies"
        copies.mkdir()
        cp_wall, cp_cpu = _timed(["cp", *map(str, originals), str(copies)])
        sum_wall, sum_cpu = _timed(["sha256sum", *map(str, sorted(copies.iterdir()))],
                                   stdout=subprocess.DEVNULL)
        floor, floor_cpu = cp_wall + sum_wall, cp_cpu + sum_cpu

        packet = work / "packet.zip"
        cold_wall, cold_cpu = _timed(
            [*annotator, "export", str(case), "--out", str(packet), "--jobs", str(args.jobs)],
            cwd=REPO, env=env, stdout=subprocess.DEVNULL)
        cold_peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        cold_packet = packet.rename(work / "cold.zip")
        renders_mb = sum(p.stat().st_size for p in (case / "renders").rglob("*")
                         if p.is_file()) / 1e6
        export_wall, export_cpu = _timed(
            [*annotator, "export", str(case), "--out", str(packet), "--jobs", str(args.jobs)],
            cwd=REPO, env=env, stdout=subprocess.DEVNULL)
        warm_peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        same = _same_pictures(cold_packet, packet)
        cold_packet.unlink()
        verify_wall, verify_cpu = _timed([*annotator, "verify", str(packet)], cwd=REPO,
                                         env=env, stdout=subprocess.DEVNULL)
        packet_mb = packet.stat().st_size / 1e6
        ahead_wall, ahead_cpu = _prepare_ahead(case, env)
        os.environ.update(env)  # the in-process export must use the same render-cache key
        stages = _stages(case, work / "staged.zip", args.jobs) if args.stages else []
    finally:
        shutil.rmtree(work, ignore_errors=True)

    ratio = export_wall / floor
    print(f"photos: {len(files)} JPEGs, 12 MP, {total_mb:.0f} MB; {boxes} boxes; "
          f"{args.jobs} jobs on {os.cpu_count()} CPUs; load average before: {load:.1f}")
    print()
    print("| measurement | wall (s) | CPU (s) |")
    print("|---|---:|---:|")
    print(f"| floor: cp originals | {cp_wall:.2f} | {cp_cpu:.2f} |")
    print(f"| floor: sha256sum of the copies | {sum_wall:.2f} | {sum_cpu:.2f} |")
    print(f"| **floor total** | **{floor:.2f}** | {floor_cpu:.2f} |")
    print(f"| annotator export --jobs {args.jobs}, cold (nothing rendered ahead) | "
          f"{cold_wall:.2f} | {cold_cpu:.2f} |")
    print(f"| **annotator export --jobs {args.jobs}, warm (pictures rendered ahead)** | "
          f"**{export_wall:.2f}** | {export_cpu:.2f} |")
    print(f"| annotator verify | {verify_wall:.2f} | {verify_cpu:.2f} |")
    print(f"| rendering ahead, every photo, one core (background work) | {ahead_wall:.2f} | "
          f"{ahead_cpu:.2f} |")
    print()
    if stages:
        print("| in-process export, per stage | wall (s) | CPU (s) |")
        print("|---|---:|---:|")
        for name, wall, cpu in stages:
            print(f"| {name} | {wall:.2f} | {cpu:.2f} |")
        print()
    verdict = "met" if ratio <= 3 else "MISSED"
    print(f"export / floor: {ratio:.2f}x wall warm (target <= 3x: {verdict}), "
          f"{export_cpu / floor_cpu:.2f}x CPU; cold {cold_wall / floor:.2f}x wall; "
          f"rendering ahead {ahead_wall / len(files) * 1000:.0f} ms per photo")
    print(f"packet {packet_mb:.0f} MB; render cache {renders_mb:.0f} MB; peak RSS of the "
          f"largest child process so far: {cold_peak_mb:.0f} MB after the cold export, "
          f"{warm_peak_mb:.0f} MB after the warm one; warm and cold packets hold the same "
          f"pictures: {same}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
