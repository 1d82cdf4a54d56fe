"""README.txt: what a recipient needs to read and check the packet without our software."""

from __future__ import annotations

from typing import Any

_TEXT = """\
EVIDENCE PACKET — {case}
Exported by {examiner} on {created} with annotator {version}.
{photos} photo(s), {boxes} box(es), {flights} linked flight(s).

WHAT THIS PACKET HOLDS
  originals/        the photos exactly as imported, byte for byte (file names made unique)
  annotated/        each photo upright, boxes and registrations drawn in, with a caption
                    strip (file name, SHA-256 prefix, capture time UTC, date verdict), at
                    most 2048 px; annotated/crops/NAME/box-NN.jpg is each box at full
                    resolution
  manifest.json     every photo: names, SHA-256, MD5, size, metadata and all raw tags,
                    boxes (pixels of the upright picture and 0-1), capture-date verdict and
                    findings, acquisition, linked flights with their sources, and a
                    shadow measured on the photo (marks, sun azimuth and elevation with
                    95 % errors, the times that day the sun stood there, the day's chart)
  report.pdf        the same as a printable report (A4), with a map page, the routes
                    table and the custody log
  map.geojson       the map of the photos (GPS position, else the claimed place), the
                    airports, tracks and legs of their linked flights, as GeoJSON (RFC 7946,
                    longitude/latitude WGS 84; photos carry their SHA-256 and capture time)
  map.kml           the same map as KML, each feature with a time span (Google Earth)
  custody.jsonl     the case's audit log up to this export (see "CUSTODY LOG" below)
  c2pa/             (photos with content credentials only) NAME.c2pa, the C2PA manifest
                    store taken byte for byte out of a JPEG or PNG original (the signed
                    claims, as the camera or editor wrote them), and NAME.json, the C2PA
                    SDK's reading of it at export (offline, against the C2PA trust list of
                    the date in manifest.json): validation state, signer, actions,
                    ingredients. manifest.json "c2pa" names both per photo. To check one
                    without annotator: c2patool originals/NAME.jpg (the store is in the
                    original too; c2patool may fetch revocation data unless told not to)
  datasets/         the boxes as COCO (coco.json), Pascal VOC (voc/) and YOLO (yolo/);
                    coordinates refer to upright pictures, and a photo whose EXIF
                    Orientation is not 1 has an upright copy in datasets/images/
  SHA256SUMS        the SHA-256 of every other file
  SHA256SUMS.sig    (signed packets only) Ed25519 signature of SHA256SUMS
  SHA256SUMS.tsq    an RFC 3161 time-stamp request for the SHA-256 of SHA256SUMS (with a
                    random nonce)
  SHA256SUMS.tsr    (stamped packets only) a time-stamp authority's reply to it: proof
                    that SHA256SUMS, hence every file, existed at the time it states

CHECKING THE FILES (no special software)
  Unzip the packet, go into its folder, and run:
      sha256sum -c SHA256SUMS
  (macOS: shasum -a 256 -c SHA256SUMS). Every line must say OK. A file not listed in
  SHA256SUMS (other than SHA256SUMS.sig, .tsq and .tsr) was added after the export.

CHECKING THE SIGNATURE
{signature}
CHECKING THE TIME STAMP (stamped packets)
  With the authority's CA certificate (TSA-CA.pem, published by the authority), run
      openssl ts -verify -queryfile SHA256SUMS.tsq -in SHA256SUMS.tsr -CAfile TSA-CA.pem
  which prints "Verification: OK": the reply answers this request (same SHA-256 of
  SHA256SUMS, same nonce) and is signed by the authority. The stamped time is shown by
      openssl ts -reply -in SHA256SUMS.tsr -text
  ("Time stamp:"). A packet without SHA256SUMS.tsr was not stamped.

CUSTODY LOG
  custody.jsonl has one JSON object per line, oldest first. For each line:
      content_sha256 = SHA-256 of the canonical JSON (keys sorted, no spaces, UTF-8) of
                       {{"action", "details", "examiner", "object_id", "object_type",
                        "photo_sha256", "salt"}} taken from the line ("details" is a
                       JSON text; "salt" is random, so a redacted line's content cannot
                       be confirmed by guessing it)
      hash           = SHA-256 of the canonical JSON of
                       {{"content_sha256", "prev": prev_hash, "time": time_utc}}
  and prev_hash is the previous line's hash (64 zeros for the first). Events about photos
  that are not in this packet are "redacted": they keep only their time and hashes, so the
  chain still verifies and says nothing of those photos. The last line is this export
  ("packet.export"); its "evidence_sha256" is the SHA-256 of the lines of SHA256SUMS for
  every file except custody.jsonl and report.pdf (which are written after it).

With annotator installed, `annotator verify PACKET.zip [--pubkey KEY.pub]
[--tsa-cert TSA-CA.pem]` runs all of these checks at once.
"""

_SIGNED = """\
  The examiner's public key (also in manifest.json, "signature") has SHA-256 fingerprint
      {fingerprint}
  Compare it with the key the examiner published, then, with OpenSSL 3:
      openssl pkeyutl -verify -pubin -inkey EXAMINER.pub -rawin \\
          -in SHA256SUMS -sigfile SHA256SUMS.sig
  which prints "Signature Verified Successfully". A valid signature made with the key
  inside the packet proves only that the files were not changed since signing; that the
  examiner signed it is shown only by a key obtained from the examiner.
"""

_UNSIGNED = """\
  This packet is not signed. Its integrity rests on SHA256SUMS: compare the SHA-256 of
  SHA256SUMS with the value the examiner recorded or sent separately.
"""


def readme_text(manifest: dict[str, Any]) -> bytes:
    signature = manifest.get("signature")
    if signature:
        sig_text = _SIGNED.format(fingerprint=signature["public_key_sha256"])
    else:
        sig_text = _UNSIGNED
    counts = manifest["counts"]
    text = _TEXT.format(
        case=manifest["case"]["name"], examiner=manifest["exported_by"],
        created=manifest["created_utc"], version=manifest["tool"]["version"],
        photos=counts["photos"], boxes=counts["boxes"], flights=counts["flights"],
        signature=sig_text,
    )
    return text.encode("utf-8")
