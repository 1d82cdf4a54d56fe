"""Exporting an evidence packet: the one core function behind `annotator export` and the
Export dialog.

Order of work, and why:
1. Read the selection in one read transaction (plain values from then on).
2. Take each photo's pictures from the case's render cache (rendered ahead in the background
   as the examiner worked; see `render_cache`), or render the missing ones on every core;
   link them into the staging folder, where nothing else can change them.
3. Build the dataset files, manifest.json and README.txt in memory. Every file but the
   custody log and the report is now known, with its SHA-256: the originals by the hashes
   the case recorded, the pictures by their renders', the rest by their bytes. Their
   SHA256SUMS lines give `evidence_sha256`.
4. Append the `packet.export` audit event carrying that digest. The custody log and the
   report show the chain *including* this event, so they can only be made after it.
5. Write the zip: the originals (each checked against its recorded SHA-256 as it streams),
   the pictures and the files of step 3, while another process builds report.pdf (with the
   custody log). Every file written must have the hash step 3 announced, or the export
   stops.
6. Add custody.jsonl and report.pdf, then SHA256SUMS over every file and, with a key,
   SHA256SUMS.sig, and SHA256SUMS.tsq (an RFC 3161 time-stamp request for it: `stamp`
   adds the authority's reply later); close the zip and move it into place atomically;
   append `packet.sealed` with the SHA-256 of SHA256SUMS (the next packet's custody log shows it).
Cancelling stops the export at any point. Before step 4 nothing is recorded; after it the
audit log says `packet.abandoned`, as it does for any failure after the export event.
Originals are only ever read; a failed or cancelled export leaves no file at `out`.

A case on read-only media cannot record anything: its packet's `packet.export` event is
built on the chain's head and carried by the packet alone (the last custody line, with
`"case_read_only": true`, as the manifest says too); nothing is sealed or abandoned in the
case, and no picture is kept in its render cache.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from annotator.core.case.audit import unrecorded_event
from annotator.core.errors import AnnotatorError, InputRejected, first_line
from annotator.core.ingest.pool import process_context
from annotator.core.maps.geojson import geojson_bytes
from annotator.core.maps.geometry import MapData, load_map
from annotator.core.maps.kml import kml_bytes
from annotator.core.maps.render import png_bytes
from annotator.core.metadata import embedded_store, manifest_store_json
from annotator.core.models import AuditEvent, Box, Photo
from annotator.core.packet import custody, datasets, manifest, render, report, timestamp
from annotator.core.packet.collect import CaseInfo, PhotoRecord, read_case, read_photos
from annotator.core.packet.naming import PhotoFacts, PhotoPaths, assign_paths
from annotator.core.packet.pictures import render_job
from annotator.core.packet.readme import readme_text
from annotator.core.packet.render_cache import (
    PicturesDamaged,
    RenderCache,
    RenderedPictures,
    render_fresh,
)
from annotator.core.packet.selection import Selection, resolve
from annotator.core.packet.signing import fingerprint as key_fingerprint
from annotator.core.packet.signing import load_private_key, public_pem, sign
from annotator.core.packet.zipwriter import SUMS, PacketZip, checksum_line, checksums_text
from annotator.core.startup import configure_libraries
from annotator.core.timeutil import utc_now

if TYPE_CHECKING:
    from annotator.core.case.folder import Case

# Files written after the export event; every other file is covered by `evidence_sha256`.
AFTER_EVENT = ("custody.jsonl", "report.pdf")
# Pictures rendered for this export when the case's render cache cannot be used.
STAGED_PICTURES = "_pictures"
# From this many photos on, report.pdf is built in a process of its own beside the zip.
REPORT_PROCESS_MIN_PHOTOS = 24
# Cached renders' files, linked into the staging folder so the cache may change meanwhile.
LINKED_PICTURES = "_cached-pictures"
Progress = Callable[[int, int], None]
MAP_GEOJSON, MAP_KML = "map.geojson", "map.kml"
MAP_PICTURE = "map.png"  # shown in report.pdf only; the packet carries the map's data


def map_section(the_map: MapData) -> dict[str, Any]:
    """manifest.json's `map`: the map files and the routes, airports and trips of the
    packet's flights (`flights routes --json`'s shape), which the report's table shows."""
    routes = the_map.routes.to_json() if the_map.routes else {
        "routes": [], "airports": [], "trips": [], "bases": []}
    return {"files": [MAP_GEOJSON, MAP_KML],
            "drawn": {"photos": len(the_map.photos), "airports": len(the_map.airports),
                      "tracks": len(the_map.tracks), "legs": len(the_map.legs)},
            **routes}


class ExportCancelled(AnnotatorError):
    """The examiner cancelled the export before it was recorded; nothing was written."""


@dataclass(frozen=True)
class ExportResult:
    """What was written: the packet, its counts and the digests the audit log records."""

    path: Path
    photos: int
    boxes: int
    files: int  # files listed in SHA256SUMS (every file but SHA256SUMS and its signature)
    sha256sums_sha256: str
    evidence_sha256: str
    signed: bool
    public_key_sha256: str | None
    pictures_reused: int = 0  # photos whose pictures were rendered ahead (render cache)


def evidence_digest(hashes: dict[str, str]) -> str:
    """SHA-256 of the SHA256SUMS lines of every file but those written after the event."""
    text = "".join(checksum_line(hashes[n], n) for n in sorted(hashes) if n not in AFTER_EVENT)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _dataset_image(photo: PhotoRecord, paths: PhotoPaths) -> datasets.DatasetImage:
    boxes = []
    for b in photo.boxes:
        v = b.values
        attrs = tuple((k, str(getattr(v, k))) for k in datasets.ATTRIBUTES
                      if getattr(v, k) not in (None, ""))
        boxes.append(datasets.DatasetBox(b.id, v.label, v.x, v.y, v.w, v.h, attrs))
    return datasets.DatasetImage(paths.dataset_image or paths.original, paths.stem, photo.width,
                                 photo.height, photo.sha256, tuple(boxes))


def _scope(case: Case, photos: list[PhotoRecord]) -> custody.PacketScope:
    inside = {p.sha256 for p in photos}
    with case.reading() as s:
        others = s.execute(select(Photo.sha256, Photo.original_path)).all()
        box_ids = s.execute(select(Box.id).where(Box.photo_id.in_([p.id for p in photos]))
                            ).scalars().all()
    outside = [(sha, path) for sha, path in others if sha not in inside]
    return custody.PacketScope(
        photo_sha256s=frozenset(inside),
        photo_ids=frozenset(str(p.id) for p in photos),
        box_ids=frozenset(str(b) for b in box_ids),
        outside_sha256s=frozenset(sha for sha, _ in outside),
        outside_paths=frozenset(path for _, path in outside if path),
    )


@dataclass
class _Export:
    """The state of one export while it runs (see the module docstring for the order)."""

    case: Case
    staging: Path
    packet: PacketZip
    photos: list[PhotoRecord]
    paths: dict[str, PhotoPaths]
    case_info: CaseInfo
    selection: Selection
    created: datetime
    key: Ed25519PrivateKey | None
    signing: manifest.SigningInfo | None
    progress: Progress
    cancelled: Callable[[], bool]
    cache: RenderCache | None = None
    # A read-only case: the export event the packet carries, recorded nowhere else.
    unrecorded: AuditEvent | None = None
    # packet path of a picture → the report's smaller copy of it
    report_pictures: dict[str, Path] = field(default_factory=dict)
    pictures_reused: int = 0
    jobs: dict[str, render.RenderJob] = field(default_factory=dict)  # by photo SHA-256
    pictures: dict[str, RenderedPictures] = field(default_factory=dict)  # by photo SHA-256

    @property
    def total(self) -> int:
        """Progress steps: each photo's pictures, each photo packed, then three more."""
        return 2 * len(self.photos) + 3

    def _check_cancel(self) -> None:
        if self.cancelled():
            raise ExportCancelled("export cancelled; no packet was written")

    def _order(self) -> list[PhotoRecord]:
        """A fixed order (by packet path) for the pictures, and so for the zip's entries."""
        return sorted(self.photos, key=lambda p: self.paths[p.sha256].annotated)

    def prepare_pictures(self, workers: int) -> None:
        """Step 2: every photo's pictures, from the render cache or rendered now by `workers`
        threads, in the staging folder and checked."""
        store = self.case.store
        order = self._order()
        self.jobs = {p.sha256: render_job(p, self.paths[p.sha256], store.path_for(p.sha256))
                     for p in order}
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="packet-render") as pool:
            futures: list[Future[RenderedPictures]] = [
                pool.submit(self._pictures_of, self.jobs[p.sha256]) for p in order
            ]
            try:
                for done, (p, future) in enumerate(zip(order, futures, strict=True), start=1):
                    rendered = self._wait(future, self.paths[p.sha256].name)
                    self._keep(p.sha256, rendered)
                    self.progress(done, self.total)
            except BaseException:
                for f in futures:
                    f.cancel()
                raise

    def _pictures_of(self, job: render.RenderJob) -> RenderedPictures:
        """(A worker thread.) The pictures of `job` in the staging folder: a cached render's
        files linked there (background rendering may prune the entry meanwhile), else a
        fresh render. The report's copies are checked here; the packed files are checked
        as they are read into the zip."""
        if self.cache is not None:
            try:
                return self._staged(job, self.cache.ensure(job))
            except PicturesDamaged:
                self.cache.discard(job)
            except OSError:  # the case's disk is full or read-only: the packet still can be
                pass
        return self._staged(job, self._fresh(job))

    def _fresh(self, job: render.RenderJob) -> RenderedPictures:
        return render_fresh(job, self.staging / STAGED_PICTURES / job.sha256)

    def _staged(self, job: render.RenderJob, pictures: RenderedPictures) -> RenderedPictures:
        copies = [render.REPORT_PREFIX + f for f in render.shown_files(job)]
        if not pictures.folder.is_relative_to(self.staging):
            pictures = pictures.linked_into(self.staging / LINKED_PICTURES / pictures.folder.name,
                                            render.picture_files(job) + copies)
        for name in copies:
            pictures.read_verified(name)
        return pictures

    def _keep(self, sha256: str, pictures: RenderedPictures) -> None:
        job = self.jobs[sha256]
        self.pictures[sha256] = pictures
        for name, shown in zip(_picture_names(self.paths[sha256]), render.shown_files(job),
                               strict=False):
            self.report_pictures[name] = pictures.path(render.REPORT_PREFIX + shown)
        self.pictures_reused += pictures.reused

    def expected_hashes(self, files: dict[str, bytes]) -> dict[str, str]:
        """Step 3: the SHA-256 of every file but the custody log and the report, before
        any is written: recorded (originals), rendered (pictures) or computed (`files`)."""
        hashes = {}
        for p in self.photos:
            paths, job, pictures = self.paths[p.sha256], self.jobs[p.sha256], \
                self.pictures[p.sha256]
            hashes[paths.original] = p.sha256
            for name, f in zip(_picture_names(paths), render.picture_files(job), strict=True):
                hashes[name] = pictures.digests[f]
        for name, data in files.items():
            hashes[name] = hashlib.sha256(data).hexdigest()
        return hashes

    def write_files(self, files: dict[str, bytes], expected: dict[str, str]) -> None:
        """Step 5: originals (checked against their recorded SHA-256 as they stream), then
        each photo's pictures, then `files`; each must have the hash announced in step 3."""
        store, n = self.case.store, len(self.photos)
        for p in sorted(self.photos, key=lambda p: self.paths[p.sha256].original):
            self._check_cancel()
            self.packet.write_file(self.paths[p.sha256].original, store.path_for(p.sha256),
                                   expected_sha256=p.sha256)
        for done, p in enumerate(self._order(), start=n + 1):
            self._check_cancel()
            self._write_pictures(p.sha256)
            self.progress(done, self.total)
        for name in files:
            self.packet.write_bytes(name, files[name])
        # A picture rendered again above must have reproduced the bytes the event announced.
        wrong = [name for name in expected if self.packet.hashes.get(name) != expected[name]]
        if wrong:
            raise InputRejected(
                f"{wrong[0]} differs from what the export recorded; the export was stopped",
                code="EXPORT_FILE_CHANGED", name=wrong[0])

    def _write_pictures(self, sha256: str) -> None:
        """One photo's annotated picture, crops and dataset copy into the zip, each checked
        against its render's SHA-256 as it is read; a damaged cached render is discarded
        and the photo rendered again (the same bytes, which `write_files` confirms)."""
        job, pictures = self.jobs[sha256], self.pictures[sha256]
        files = render.picture_files(job)
        try:
            data = [pictures.read_verified(f) for f in files]
        except PicturesDamaged:
            if pictures.reused and self.cache is not None:
                self.cache.discard(job)
            self.pictures_reused -= pictures.reused
            pictures = self._fresh(job)
            data = [pictures.read_verified(f) for f in files]
        for name, f, blob in zip(_picture_names(self.paths[sha256]), files, data, strict=True):
            self.packet.write_bytes(name, blob, sha256=pictures.digests[f])

    def _wait(self, future: Future[RenderedPictures], name: str) -> RenderedPictures:
        while True:
            self._check_cancel()
            try:
                return future.result(timeout=0.2)
            except TimeoutError:
                continue
            except AnnotatorError as exc:
                raise InputRejected(f"{name}: {exc}",
                                    code="EXPORT_FILE_FAILED", name=name, exc=exc) from exc

    def derived_files(self) -> tuple[dict[str, Any], dict[str, bytes]]:
        """Step 3: the dataset files, manifest.json and README.txt, in memory, in the order
        they go into the zip; and the manifest."""
        photos, paths = self.photos, self.paths
        images = [_dataset_image(p, paths[p.sha256]) for p in photos]
        names = datasets.class_names(self.case_info.labels, images)
        data: dict[str, bytes] = {
            "datasets/coco.json": datasets.coco_json(
                images, names, f"annotator evidence packet: {self.case_info.name}"),
            "datasets/yolo/classes.txt": datasets.yolo_classes(names),
            "datasets/yolo/data.yaml": datasets.yolo_data_yaml(names),
        }
        for p, im in zip(photos, images, strict=True):
            data[paths[p.sha256].voc] = datasets.voc_xml(im)
            data[paths[p.sha256].yolo] = datasets.yolo_txt(im, names)
        c2pa_files = self._credential_files(data)
        the_map = load_map(self.case, photo_ids=[p.id for p in photos])
        data[MAP_GEOJSON] = geojson_bytes(the_map)
        data[MAP_KML] = kml_bytes(the_map, f"annotator evidence packet: {self.case_info.name}")
        files = {name: data[name] for name in sorted(data)}
        man = manifest.build_manifest(
            case=self.case_info, photos=photos, paths=paths, examiner=self.case.examiner,
            created=self.created, selection=self.selection.describe(), signing=self.signing,
            class_names=names, case_read_only=self.case.read_only, c2pa_files=c2pa_files)
        man["map"] = map_section(the_map)
        # The report's map page: drawn here (Qt-free) from the same geometry as map.geojson.
        (self.staging / "map.png").write_bytes(png_bytes(the_map, title=self.case_info.name))
        self.report_pictures[MAP_PICTURE] = self.staging / "map.png"
        files["manifest.json"] = manifest.dumps(man)
        files["README.txt"] = readme_text(man)
        return man, files

    def _credential_files(self, data: dict[str, bytes]) -> dict[str, dict[str, str | None]]:
        """Each signed photo's manifest store (`c2pa/NAME.c2pa`, the raw JUMBF taken out of
        a JPEG or PNG original) and the SDK's reading of it (`c2pa/NAME.json`, offline,
        against the shipped trust list), added to `data`; their names by photo SHA-256."""
        found: dict[str, dict[str, str | None]] = {}
        for p in self.photos:
            if not (p.meta or {}).get("c2pa"):
                continue
            self._check_cancel()
            original, stem = self.case.store.path_for(p.sha256), self.paths[p.sha256].stem
            names: dict[str, str | None] = {"store": None, "report": None}
            for key, name, blob in (
                    ("store", f"c2pa/{stem}.c2pa", embedded_store(original)),
                    ("report", f"c2pa/{stem}.json", manifest_store_json(original))):
                if blob is not None:
                    data[name] = blob
                    names[key] = name
            found[p.sha256] = names
        return found

    def record_export(self, man: dict[str, Any], evidence: str) -> int:
        """Step 4: the `packet.export` audit event; returns its id."""
        self._check_cancel()
        selection_digest = hashlib.sha256(
            "".join(sorted(p.sha256 + "\n" for p in self.photos)).encode()).hexdigest()
        details = {
            "evidence_sha256": evidence, "photos": len(self.photos),
            "boxes": man["counts"]["boxes"], "selection": self.selection.mode,
            "selection_sha256": selection_digest, "signed": self.key is not None,
            "public_key_sha256": self.signing.fingerprint if self.signing else None}
        if self.case.read_only:
            details["case_read_only"] = True
            details["note"] = ("made from a read-only case: this event is in the packet's "
                               "custody log only; the case's own audit log could not grow")
            with self.case.reading() as s:
                self.unrecorded = unrecorded_event(
                    s, examiner=self.case.examiner, action="packet.export",
                    object_type="packet", object_id=evidence, details=details)
            return self.unrecorded.id - 1
        with self.case.writing() as s:
            self.case.audit(s, "packet.export", "packet", evidence, details=details)
            s.flush()
            return s.execute(select(func.max(AuditEvent.id))).scalar_one()

    def custody_lines(self, last_event_id: int) -> list[dict[str, Any]]:
        """The custody log: the chain up to and including the export event, redacted for
        photos outside the packet."""
        scope = _scope(self.case, self.photos)
        with self.case.reading() as s:
            events = s.execute(select(AuditEvent).where(AuditEvent.id <= last_event_id)
                               .order_by(AuditEvent.id)).scalars().all()
            lines = custody.custody_lines(events, scope)
        if self.unrecorded is not None:
            lines.append(custody.custody_line(self.unrecorded, redact=False))
        return lines

    def write_zip_and_report(self, man: dict[str, Any], lines: list[dict[str, Any]],
                             files: dict[str, bytes], expected: dict[str, str]) -> None:
        """Step 5: the zip written while report.pdf is built. For a packet of some size the
        report (pure Python, seconds for hundreds of photos) gets a process of its own: on a
        thread it would hold the GIL the zip writer needs between its reads and writes."""
        args = (self.staging / "report.pdf", man, lines, dict(self.report_pictures))
        if len(self.photos) < REPORT_PROCESS_MIN_PHOTOS:
            self.write_files(files, expected)
            report.write_report(*args)
            return
        with ProcessPoolExecutor(max_workers=1, mp_context=process_context(),
                                 initializer=configure_libraries) as helper:
            building = helper.submit(report.write_report, *args)
            self.write_files(files, expected)
            building.result()

    def add_custody_and_report(self, custody_jsonl: bytes) -> None:
        """Step 6: the two files made after the export event."""
        self.packet.write_bytes("custody.jsonl", custody_jsonl)
        self.packet.write_file("report.pdf", self.staging / "report.pdf")
        self.progress(2 * len(self.photos) + 2, self.total)

    def seal(self, man: dict[str, Any], evidence: str) -> ExportResult:
        """Step 5b: SHA256SUMS over every file, and its signature."""
        sums = checksums_text(self.packet.hashes)
        listed = len(self.packet.hashes)  # the files SHA256SUMS lists: what `verify` checks
        self.packet.write_bytes(SUMS, sums)
        if self.key is not None:
            self.packet.write_bytes("SHA256SUMS.sig", sign(self.key, sums))
        self.packet.write_bytes(timestamp.TSQ, timestamp.make_request(sums))
        return ExportResult(
            path=self.packet.path, photos=len(self.photos), boxes=man["counts"]["boxes"],
            files=listed, sha256sums_sha256=hashlib.sha256(sums).hexdigest(),
            evidence_sha256=evidence, signed=self.key is not None,
            public_key_sha256=self.signing.fingerprint if self.signing else None,
            pictures_reused=self.pictures_reused,
        )


def _picture_names(paths: PhotoPaths) -> list[str]:
    """A photo's pictures in the packet, in the order of `render.picture_files`."""
    names = [paths.annotated, *paths.crops]
    if paths.dataset_image:
        names.append(paths.dataset_image)
    return names


def default_render_threads() -> int:
    """One per core, at most 4: each thread holds a full-resolution picture and its copies
    (about 150 MB for 12 MP), and the zip writer needs a core of its own beyond that."""
    return max(1, min(4, os.cpu_count() or 1))


def _record_abandoned(case: Case, evidence: str, exc: BaseException) -> None:
    if case.read_only:  # nothing was recorded, so nothing is abandoned
        return
    reason = first_line(exc)
    try:
        with case.writing() as s:
            case.audit(s, "packet.abandoned", "packet", evidence,
                       details={"reason": f"{type(exc).__name__}: {reason}"[:500]})
    except Exception:  # noqa: BLE001, S110 - the original failure is what the caller must see
        pass


def _check_out(out: Path, overwrite: bool) -> None:
    if out.is_dir():
        raise InputRejected(f"{out} is a folder; give a file name such as packet.zip",
                            code="EXPORT_TARGET_IS_FOLDER", out=out)
    if out.exists() and not overwrite:
        raise InputRejected(f"{out} already exists; choose another name",
                            code="EXPORT_TARGET_EXISTS", out=out)
    if not out.parent.is_dir():
        # A missing folder is made, as `keygen` makes its own: the investigator named it.
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise InputRejected(f"cannot create the folder {out.parent}: {reason}",
                                code="EXPORT_FOLDER_UNCREATABLE", parent=out.parent,
                                reason=reason) from exc


def export_packet(
    case: Case,
    out: Path,
    selection: Selection | None = None,
    *,
    sign_key: Path | None = None,
    overwrite: bool = False,
    jobs: int | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """Write the evidence packet of `selection` (default: every photo) to `out`.

    `progress(done, total)` is called from this thread; `cancelled()` is polled and stops the
    export at any point (raising ExportCancelled); once the export is in the audit log, the
    log also says it was abandoned.
    """
    out = Path(out).absolute()
    selection = selection or Selection()
    _check_out(out, overwrite)
    key = load_private_key(sign_key) if sign_key else None
    signing = None
    if key is not None:
        pub = key.public_key()
        signing = manifest.SigningInfo(public_pem(pub), key_fingerprint(pub))
    with case.reading() as s:
        ids = resolve(s, selection)
        case_info = read_case(s)
        photos = read_photos(s, ids)
    for p in photos:
        if not case.store.contains(p.sha256):
            raise InputRejected(f"the case's copy of {p.original_name} is missing from originals/",
                                code="EXPORT_ORIGINAL_MISSING", photo=p.original_name)
    paths = assign_paths([PhotoFacts(p.sha256, p.original_name, len(p.boxes), p.orientation,
                                     p.format) for p in photos])
    workers = max(1, jobs or default_render_threads())

    with tempfile.TemporaryDirectory(prefix=".packet-", dir=out.parent) as tmp:
        staging = Path(tmp)
        packet = PacketZip(staging / "packet.zip")
        run = _Export(case, staging, packet, photos, paths, case_info, selection, utc_now(), key,
                      signing, progress or (lambda done, total: None),
                      cancelled or (lambda: False),
                      None if case.read_only else RenderCache.for_case(case.root))
        try:
            run.prepare_pictures(workers)
            run._check_cancel()
            man, files = run.derived_files()
            expected = run.expected_hashes(files)
            evidence = evidence_digest(expected)
            last_event_id = run.record_export(man, evidence)
            try:
                lines = run.custody_lines(last_event_id)
                run.write_zip_and_report(man, lines, files, expected)
                custody_jsonl = custody.dumps(lines)
                run.progress(2 * len(photos) + 1, run.total)
                run.add_custody_and_report(custody_jsonl)
                result = run.seal(man, evidence)
            except BaseException as exc:
                # The export is already in the audit log: say there that no packet came of it.
                _record_abandoned(case, evidence, exc)
                raise
        finally:
            packet.close()
        os.replace(staging / "packet.zip", out)
    if not case.read_only:
        with case.writing() as s:
            case.audit(s, "packet.sealed", "packet", result.evidence_sha256, details={
                "sha256sums_sha256": result.sha256sums_sha256, "files": result.files,
                "signed": result.signed, "public_key_sha256": result.public_key_sha256})
    run.progress(run.total, run.total)
    return replace(result, path=out)
