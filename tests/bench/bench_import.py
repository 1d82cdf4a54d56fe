"""Import throughput and memory against the floor: run by hand, never collected by pytest.

    python tests/bench/bench_import.py [--count 200] [--jobs 2] [--repeat N]
                                       [--against OTHER_CHECKOUT]

Generates COUNT 12-megapixel JPEGs with EXIF (textured, so they are the size of camera
files; cached in the temp folder between runs), then, with the files in the page cache:

1. the floor: `sha256sum` and `djpeg -scale 1/8` over the same files, on all cores
   (`xargs -P JOBS`): the least work any import must do (read and hash every byte, decode
   every file enough to see it is whole);
2. `annotator import CASE DIR --jobs JOBS` into a fresh case, as a user runs it (start-up,
   hashing, metadata, the 1/8-scale decode check, thumbnails, copies into the store, one
   transaction per photo);
3. `exiftool -json -fast DIR` for comparison.

With `--against`, each round also imports with another checkout of the project (an older
commit, say), the two in alternating order, and the medians of both are printed: on a
machine whose speed drifts, only interleaved rounds compare two versions.

Memory: the peak over time of the summed RSS and the summed PSS (proportional set size:
shared pages split between the processes sharing them) of the import process and all its
descendants (forkserver and workers), sampled every 20 ms from /proc; and the largest
single-process peak RSS from `getrusage(RUSAGE_CHILDREN)`. Memory is measured in a round of
its own, after the timed ones: reading `smaps_rollup` costs about 2 ms a process, so sampling
five processes every 20 ms takes half a core, which on a 2-core machine slowed the import it
was measuring by a fifth. The timed rounds sample only each process's CPU ticks (`/proc/PID/
stat`, 0.03 ms), every 50 ms.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CACHE_VERSION = "v1"
WIDTH, HEIGHT = 4000, 3000


def _make_one(args: tuple[Path, int]) -> None:
    path, seed = args
    sys.path.insert(0, str(REPO))
    from PIL import Image, ImageFilter

    from tests.fixtures.factory import make_exif, scene

    base = scene(WIDTH, HEIGHT, seed)
    # Camera-like texture: blurred noise gives JPEG data rates close to a real 12 MP photo.
    noise = Image.effect_noise((WIDTH, HEIGHT), 48).filter(ImageFilter.GaussianBlur(0.7))
    img = Image.blend(base, Image.merge("RGB", (noise, noise, noise)), 0.35)
    exif = make_exif(orientation=1 if seed % 4 else 6, original=f"2023:10:27 10:{seed % 60:02d}:00",
                     offset="+00:00", gps=(12.53 + seed * 1e-4, -7.95), gps_alt=380.0,
                     software=f"bench {seed}")
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=92, exif=exif.tobytes())
    tmp = path.with_suffix(".part")
    tmp.write_bytes(buf.getvalue())
    tmp.rename(path)


def generate(folder: Path, count: int, jobs: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"IMG_{i:04d}.jpg" for i in range(count)]
    todo = [(p, i) for i, p in enumerate(paths) if not p.is_file()]
    if todo:
        print(f"generating {len(todo)} 12 MP JPEGs in {folder} (cached for later runs)…",
              file=sys.stderr)
        with ProcessPoolExecutor(jobs) as pool:
            list(pool.map(_make_one, todo))
    return paths


CPU_SECONDS: dict[str, float] = {}


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(cmd: str | list[str], label: str = "", **kwargs) -> float:  # type: ignore[no-untyped-def]
    """Wall time of one command; its CPU time (user + system, all descendants) goes to
    CPU_SECONDS[label]."""
    cpu = _children_cpu()
    start = time.perf_counter()
    subprocess.run(cmd, check=True, **kwargs)
    wall = time.perf_counter() - start
    CPU_SECONDS[label] = _children_cpu() - cpu
    return wall


def _descendants(pid: int) -> list[int]:
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        try:
            with open(f"/proc/{parent}/task/{parent}/children") as fh:
                kids = [int(k) for k in fh.read().split()]
        except OSError:
            kids = []
        found.extend(kids)
        frontier.extend(kids)
    return found


def _memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in kB, from /proc/PID/smaps_rollup."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def _cpu_ticks(pid: int) -> int:
    """User + system CPU of one process so far, in clock ticks (/proc/PID/stat)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)


class TreeMemory(threading.Thread):
    """Samples the summed RSS and PSS of a process and its descendants, and the CPU time
    each has used (the forkserver and its workers are never waited for by the import
    process, so `getrusage` of the children would not count them)."""

    def __init__(self, pid: int, interval: float = 0.02, memory: bool = True) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.memory = pid, interval, memory
        self.peak_rss_kb = self.peak_pss_kb = 0
        self.max_processes = 0
        self.ticks: dict[int, int] = {}
        self.stop = threading.Event()

    @property
    def cpu_seconds(self) -> float:
        return sum(self.ticks.values()) / os.sysconf("SC_CLK_TCK")

    def run(self) -> None:
        while not self.stop.is_set():
            pids = [self.pid, *_descendants(self.pid)]
            rss = pss = 0
            for pid in pids:
                if self.memory:
                    r, p = _memory_kb(pid)
                    rss, pss = rss + r, pss + p
                self.ticks[pid] = max(self.ticks.get(pid, 0), _cpu_ticks(pid))
            self.peak_rss_kb = max(self.peak_rss_kb, rss)
            self.peak_pss_kb = max(self.peak_pss_kb, pss)
            self.max_processes = max(self.max_processes, len(pids))
            self.stop.wait(self.interval)


def run_floor(listing: bytes, jobs: int) -> dict[str, float]:
    """sha256sum, then djpeg -scale 1/8, over every file on `jobs` cores."""
    sha = _timed(["xargs", "-0", "-P", str(jobs), "-n", "10", "sha256sum"], "sha",
                 input=listing, stdout=subprocess.DEVNULL)
    djpeg = _timed(["xargs", "-0", "-P", str(jobs), "-I{}", "djpeg", "-scale", "1/8",
                    "-outfile", "/dev/null", "{}"], "djpeg", input=listing,
                   stdout=subprocess.DEVNULL)
    return {"sha": sha, "djpeg": djpeg, "floor": sha + djpeg, "sha_cpu": CPU_SECONDS["sha"],
            "djpeg_cpu": CPU_SECONDS["djpeg"],
            "floor_cpu": CPU_SECONDS["sha"] + CPU_SECONDS["djpeg"]}


def run_import(folder: Path, jobs: int, memory: bool = False, repo: Path = REPO
               ) -> dict[str, object]:
    """`annotator import` into a fresh case: wall time, CPU of the whole process tree, and
    with `memory` the peak memory (which perturbs the timing: see the module docstring)."""
    work = Path(tempfile.mkdtemp(prefix="annotator-bench-case-"))
    try:
        case = work / "case"
        env = {**os.environ, "ANNOTATOR_EXAMINER": "bench", "ANNOTATOR_CONFIG_DIR": str(work)}
        env["PYTHONPATH"] = str(repo)  # (`-m annotator` from `repo`'s own package)
        subprocess.run([sys.executable, "-m", "annotator", "init", str(case)], check=True,
                       cwd=repo, env=env, stdout=subprocess.DEVNULL)
        cpu_before = _children_cpu()
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "annotator", "import", str(case),
                                 str(folder), "--jobs", str(jobs)],
                                cwd=repo, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        sampler = TreeMemory(proc.pid, 0.02 if memory else 0.05, memory=memory)
        sampler.start()
        out, err = proc.communicate()
        wall = time.perf_counter() - start
        sampler.stop.set()
        sampler.join()
        if proc.returncode != 0:
            raise SystemExit(f"import failed ({proc.returncode}): {err.strip()}")
        # The import process itself is waited for (getrusage); its descendants are sampled.
        cpu = (_children_cpu() - cpu_before + sampler.cpu_seconds
               - sampler.ticks.get(proc.pid, 0) / os.sysconf("SC_CLK_TCK"))
        return {"wall": wall, "cpu": cpu, "summary": out.strip().splitlines()[-1],
                "rss": sampler.peak_rss_kb / 1024, "pss": sampler.peak_pss_kb / 1024,
                "processes": sampler.max_processes}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--repeat", type=int, default=1,
                        help="rounds of floor then import; the fastest of each is reported "
                             "(on a shared machine, the least disturbed)")
    parser.add_argument("--against", type=Path, default=None,
                        help="another checkout of the project, imported in every round too")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir())
                        / f"annotator-bench-12mp-{CACHE_VERSION}")
    args = parser.parse_args()
    for tool in ("sha256sum", "djpeg", "exiftool", "xargs"):
        if shutil.which(tool) is None:
            print(f"bench_import: {tool} is not installed", file=sys.stderr)
            return 2

    files = generate(args.cache, args.count, args.jobs)
    load = os.getloadavg()[0]
    total_mb = sum(p.stat().st_size for p in files) / 1e6
    listing = "\0".join(str(p) for p in files).encode()
    # Warm the page cache so every contender reads from memory.
    _timed(["cat", *map(str, files)], stdout=subprocess.DEVNULL)

    floors, imports, others = [], [], []
    for k in range(max(1, args.repeat)):
        floors.append(run_floor(listing, args.jobs))
        if args.against is not None and k % 2:
            others.append(run_import(args.cache, args.jobs, repo=args.against))
        imports.append(run_import(args.cache, args.jobs))
        if args.against is not None and not k % 2:
            others.append(run_import(args.cache, args.jobs, repo=args.against))
    fl = min(floors, key=lambda f: f["floor"])
    im = min(imports, key=lambda i: i["wall"])  # type: ignore[arg-type, return-value]
    measured = run_import(args.cache, args.jobs, memory=True)
    import resource

    max_single_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    exiftool = _timed(["exiftool", "-json", "-fast", "-q", str(args.cache)], "exiftool",
                      stdout=subprocess.DEVNULL)

    n = len(files)
    wall, cpu = float(im["wall"]), float(im["cpu"])  # type: ignore[arg-type]
    ratio = wall / fl["floor"]
    print(f"files: {n} JPEGs, 12 MP ({WIDTH}x{HEIGHT}), {total_mb:.0f} MB in total; "
          f"{args.jobs} jobs on {os.cpu_count()} CPUs; best of {len(floors)} round(s)")
    print(f"import says: {im['summary']}")
    print()
    print("| measurement | wall (s) | files/s | CPU (s) |")
    print("|---|---:|---:|---:|")
    print(f"| floor: sha256sum (xargs -P {args.jobs}) | {fl['sha']:.2f} | {n / fl['sha']:.0f} | "
          f"{fl['sha_cpu']:.2f} |")
    print(f"| floor: djpeg -scale 1/8 (xargs -P {args.jobs}) | {fl['djpeg']:.2f} | "
          f"{n / fl['djpeg']:.0f} | {fl['djpeg_cpu']:.2f} |")
    print(f"| **floor total** | **{fl['floor']:.2f}** | {n / fl['floor']:.0f} | "
          f"{fl['floor_cpu']:.2f} |")
    print(f"| **annotator import --jobs {args.jobs}** | **{wall:.2f}** | {n / wall:.0f} | "
          f"{cpu:.2f} |")
    print(f"| exiftool -json -fast (1 process) | {exiftool:.2f} | {n / exiftool:.0f} | "
          f"{CPU_SECONDS['exiftool']:.2f} |")
    print()
    verdict = "met" if ratio <= 1.5 else "MISSED"
    print(f"import / floor: {ratio:.2f}x wall (target <= 1.5x: {verdict}), "
          f"{cpu / fl['floor_cpu']:.2f}x CPU; load average before the run: {load:.1f}")
    floor_walls = ", ".join(f"{f['floor']:.2f}" for f in floors)
    import_walls = ", ".join(f"{float(i['wall']):.2f}" for i in imports)  # type: ignore[arg-type]
    print(f"all rounds, wall (s): floor {floor_walls}; import {import_walls}")
    if others:
        import statistics

        def medians(runs: list[dict[str, object]]) -> str:
            wall = statistics.median(float(r["wall"]) for r in runs)  # type: ignore[arg-type]
            cpu = statistics.median(float(r["cpu"]) for r in runs)  # type: ignore[arg-type]
            return f"wall {wall:.2f} s, CPU {cpu:.2f} s"

        other_walls = ", ".join(f"{float(o['wall']):.2f}" for o in others)  # type: ignore[arg-type]
        print(f"against {args.against}: import {other_walls}")
        print(f"medians: this checkout {medians(imports)}; {args.against.name} "
              f"{medians(others)}")
    print(f"peak memory of the import process tree ({measured['processes']} processes; a "
          f"round of its own, {float(measured['wall']):.2f} s wall under the sampler): "  # type: ignore[arg-type]
          f"RSS sum {float(measured['rss']):.0f} MB, "  # type: ignore[arg-type]
          f"PSS sum {float(measured['pss']):.0f} MB (target < 400 MB); "  # type: ignore[arg-type]
          f"largest single process {max_single_mb:.0f} MB RSS")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
