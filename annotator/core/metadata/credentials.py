"""Content credentials (C2PA manifests): what a signed photo says about where it came from,
read and checked offline with the C2PA SDK's Python bindings (`c2pa-python`).

A phone or camera that signs its photos embeds a manifest store: who signed (the signing
certificate), which program made the claim, the actions (`c2pa.created` at capture, then
`c2pa.opened`, `c2pa.cropped`… for each later edit) and the ingredients an edit started
from. The SDK checks the signature, that the manifest's hash of the picture matches the
bytes (one changed byte of pixel data breaks it), and the certificate chain against a trust
list: `Trusted` (chain to the shipped C2PA trust list), `Valid` (intact, signer not on the
list) or `Invalid` (the manifest does not match the picture, or is damaged).

Every network feature is off: no remote manifest fetch, no OCSP, no other host
(`core.allowed_network_hosts` is empty). Trust is judged against the C2PA trust list shipped
in `annotator/resources/c2pa/` (dated; see its README.md), plus the PEM file named by
`ANNOTATOR_C2PA_ANCHORS` when set (an examiner's own anchors, or a test CA).

`read_credentials(path)` never raises: a file without credentials is None; a manifest the
SDK cannot parse is an `Invalid` record with the code `general.error` and the SDK's reason.
"""

from __future__ import annotations

import base64
import binascii
import importlib.util
import json
import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from annotator.core.images.container_header import jpeg_header_segments

INVALID, VALID, TRUSTED = "Invalid", "Valid", "Trusted"
STATES = (INVALID, VALID, TRUSTED)
ANCHORS_ENV = "ANNOTATOR_C2PA_ANCHORS"
TRUST_LIST = ("c2pa", "C2PA-TRUST-LIST.pem")
# The C2PA code for an error no other code names (C2PA 2.x, "general.error").
UNREADABLE_CODE = "general.error"

# Actions that change nothing in the picture after capture: the capture itself, opening an
# ingredient to work on it, and packaging or publishing it unchanged (a watermark is
# invisible by definition). Every other action, known or not, is an edit after capture —
# re-encoding (`c2pa.transcoded`, `c2pa.converted`) and metadata edits
# (`c2pa.edited.metadata`, which may change the dates) included.
NOT_EDITS = frozenset({
    "c2pa.created", "c2pa.opened", "c2pa.published", "c2pa.repackaged",
    "c2pa.watermarked", "c2pa.watermarked.bound", "c2pa.watermarked.unbound",
})


@dataclass(frozen=True)
class CredentialAction:
    """One action of a manifest: `c2pa.created`, `c2pa.cropped`…; `when` as the manifest
    states it (ISO 8601 text, or None); the software agent's name and version."""

    action: str
    when: str | None = None
    software_agent: str | None = None

    def is_edit(self) -> bool:
        return self.action not in NOT_EDITS

    def to_json(self) -> dict[str, Any]:
        return {"action": self.action, "when": self.when, "software_agent": self.software_agent}


@dataclass(frozen=True)
class CredentialIngredient:
    """An ingredient the claim names: its title and the SHA-256 (hex) the claim records for
    it — of its content when the claim hashes it (`sha256_of` "content"), else of the
    ingredient's own manifest ("manifest"); None when the claim records no SHA-256."""

    title: str | None
    sha256: str | None = None
    sha256_of: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "sha256": self.sha256}


@dataclass(frozen=True)
class ContentCredentials:
    """The C2PA manifest store of one file, as checked offline (the `c2pa` object of
    `exif --json`). `signer` is the signing certificate's common name (its organization in
    `organization`); `signed_utc` the trusted time stamp's time, when the claim has one;
    `actions` run oldest first across the chain of manifests (ingredients' before the active
    manifest's); `codes` are the SDK's failure codes (`signingCredential.untrusted`,
    `assertion.dataHash.mismatch`…); `error` the SDK's reason when it could not parse it."""

    validation_state: str
    signer: str | None = None
    organization: str | None = None
    signed_utc: str | None = None
    claim_generator: str | None = None
    actions: tuple[CredentialAction, ...] = ()
    ingredients: tuple[CredentialIngredient, ...] = ()
    codes: tuple[str, ...] = ()
    error: str | None = None
    trust_list: str | None = None

    def edits(self) -> list[CredentialAction]:
        """The actions after capture that change the picture (see NOT_EDITS)."""
        return [a for a in self.actions if a.is_edit()]

    def to_json(self) -> dict[str, Any]:
        """The `c2pa` object of `exif --json` (a contract: exactly these keys)."""
        return {
            "validation_state": self.validation_state,
            "signer": self.signer,
            "signed_utc": self.signed_utc,
            "claim_generator": self.claim_generator,
            "actions": [a.to_json() for a in self.actions],
            "ingredients": [i.to_json() for i in self.ingredients],
            "codes": list(self.codes),
        }

    def detail_json(self) -> dict[str, Any]:
        """What the contract leaves out, kept with the photo beside it (`c2pa_detail`): the
        signer's organization, the SDK's reason for an unreadable store, the trust list
        judged against, and what each ingredient's SHA-256 is of."""
        return {"organization": self.organization, "error": self.error,
                "trust_list": self.trust_list,
                "ingredients_sha256_of": [i.sha256_of for i in self.ingredients]}

    @classmethod
    def from_json(cls, data: Any, detail: Any = None) -> ContentCredentials | None:
        """The value stored with a photo (`to_json()`, and `detail_json()` when kept); None
        for anything else."""
        if not isinstance(data, dict) or data.get("validation_state") not in STATES:
            return None
        extra = detail if isinstance(detail, dict) else {}
        of = list(extra.get("ingredients_sha256_of") or [])
        ingredients = [i for i in data.get("ingredients") or [] if isinstance(i, dict)]
        return cls(
            validation_state=data["validation_state"],
            signer=data.get("signer"),
            organization=extra.get("organization"),
            signed_utc=data.get("signed_utc"),
            claim_generator=data.get("claim_generator"),
            actions=tuple(CredentialAction(str(a.get("action") or ""), a.get("when"),
                                           a.get("software_agent"))
                          for a in data.get("actions") or [] if isinstance(a, dict)),
            ingredients=tuple(CredentialIngredient(i.get("title"), i.get("sha256"),
                                                   of[n] if n < len(of) else None)
                              for n, i in enumerate(ingredients)),
            codes=tuple(str(c) for c in data.get("codes") or []),
            error=extra.get("error"),
            trust_list=extra.get("trust_list"),
        )


def summary_line(data: Any, detail: Any = None) -> str | None:
    """One line about stored credentials (the report, listings): "Valid (signer not on the
    C2PA trust list) · signed by … · made with … · edits after capture: …"; None without."""
    cred = ContentCredentials.from_json(data, detail)
    if cred is None:
        return None
    state = {TRUSTED: "Trusted (signer on the C2PA trust list)",
             VALID: "Valid (intact; signer not on the C2PA trust list)",
             INVALID: "INVALID (does not match the picture, or damaged)"}[cred.validation_state]
    parts = [state]
    if cred.signer or cred.organization:
        who = cred.signer or ""
        if cred.organization and cred.organization != cred.signer:
            who = f"{who} ({cred.organization})" if who else cred.organization
        parts.append(f"signed by {who}" + (f" at {cred.signed_utc}" if cred.signed_utc else ""))
    if cred.claim_generator:
        parts.append(f"made with {cred.claim_generator}")
    edits = cred.edits()
    if edits and cred.validation_state != INVALID:
        parts.append("edits after capture: " + ", ".join(a.action for a in edits))
    elif cred.actions:
        parts.append("actions: " + ", ".join(a.action for a in cred.actions))
    if cred.validation_state == INVALID and cred.codes:
        parts.append("codes: " + ", ".join(cred.codes))
    return " · ".join(parts)


# ---------------------------------------------------------------------------------------
# The SDK, offline

def trust_list_path() -> Path:
    """The shipped C2PA trust list (PEM)."""
    return Path(str(resources.files("annotator.resources").joinpath(*TRUST_LIST)))


def trust_list_name() -> str:
    """The trust list(s) judged against, as recorded with each result."""
    extra = os.environ.get(ANCHORS_ENV)
    name = "C2PA-TRUST-LIST.pem (" + _trust_list_date() + ")"
    return f"{name} + {Path(extra).name}" if extra else name


@lru_cache(maxsize=1)
def _trust_list_date() -> str:
    """The list's issue date, from the first line of the shipped file's README."""
    readme = trust_list_path().with_name("README.md")
    try:
        for line in readme.read_text("utf-8").splitlines():
            if line.startswith("Issued:"):
                return line.partition(":")[2].strip()
    except OSError:
        pass  # a damaged installation: the name alone
    return "undated"


def settings(extra_anchors: str | None = None) -> dict[str, Any]:
    """The SDK settings: verification on, every network feature off, trust judged against
    the shipped list (which replaces the SDK's own anchors) plus `extra_anchors` (PEM)."""
    anchors = trust_list_path().read_text("ascii")
    value: dict[str, Any] = {
        "version": 1,
        "verify": {"verify_after_reading": True, "verify_trust": True,
                   "verify_timestamp_trust": True, "remote_manifest_fetch": False,
                   "ocsp_fetch": False},
        "core": {"allowed_network_hosts": []},
        "trust": {"trust_anchors": anchors},
        "builder": {"thumbnail": {"enabled": False}},
    }
    if extra_anchors:
        value["trust"]["user_anchors"] = extra_anchors
    return value


_NATIVE_NAMES = {"darwin": "libc2pa_c.dylib", "win32": "c2pa_c.dll"}


def _pin_native_library() -> None:
    """Make c2pa-python load its own native library. Left alone, it looks in the current
    directory first (then `./libs`, `./artifacts`), so a `libc2pa_c.so` planted where the
    examiner runs the program would be loaded; naming the package's file by its absolute
    path (`C2PA_LIBRARY_NAME`, which it joins to each folder it searches) rules that out."""
    if os.environ.get("C2PA_LIBRARY_NAME"):
        return  # chosen by whoever runs the program
    spec = importlib.util.find_spec("c2pa")
    if spec is None or not spec.submodule_search_locations:
        return
    name = _NATIVE_NAMES.get(sys.platform, "libc2pa_c.so")
    own = Path(list(spec.submodule_search_locations)[0]) / "libs" / name
    if own.is_file():
        os.environ["C2PA_LIBRARY_NAME"] = str(own.resolve())


@lru_cache(maxsize=4)
def _context(extra_path: str | None) -> Any:
    _pin_native_library()
    import c2pa  # the native SDK (23 MB): loaded when a file is first read

    extra = Path(extra_path).read_text("ascii", errors="replace") if extra_path else None
    return c2pa.Context.from_dict(settings(extra))


def _jpeg_without_app11(path: Path) -> bool:
    """Whether `path` is a JPEG whose header (up to the first scan) has no APP11 segment.

    C2PA embeds its manifest store in a JPEG only as APP11 JUMBF segments, so such a file has
    none and the SDK (2–3 ms a file) need not be asked. Anything unexpected (not a JPEG, a
    header cut short) answers False: the SDK decides."""
    try:
        for marker, _length, _fh in jpeg_header_segments(path):
            if marker == 0xEB:  # APP11
                return False
            if marker == 0xDA:  # start of scan: the whole header had none
                return True
    except OSError:
        return False
    return False


def _reader(path: Path) -> Any:
    """The SDK's reader on `path`, or None when the file carries no manifest store."""
    if _jpeg_without_app11(path):
        return None
    import c2pa

    context = _context(os.environ.get(ANCHORS_ENV) or None)
    try:
        return c2pa.Reader.try_create(str(path), context=context)
    except c2pa.C2paError.NotSupported:
        return None


def read_credentials(path: Path | str) -> ContentCredentials | None:
    """The file's content credentials, checked offline; None when it has none. Never
    raises: a manifest the SDK cannot read is an `Invalid` record saying why."""
    path = Path(path)
    try:
        reader = _reader(path)
        if reader is None:
            return None
        with reader:
            store = json.loads(reader.json())
            detailed = json.loads(reader.detailed_json())
        return credentials_from_store(store, detailed, trust_list=trust_list_name())
    except Exception as exc:  # noqa: BLE001 - the contract: a broken manifest is a finding
        if not _has_manifest_store(path):
            return None  # not ours to report: the file is unreadable as a whole
        reason = " ".join(str(exc).split())[:300] or type(exc).__name__
        return ContentCredentials(validation_state=INVALID, codes=(UNREADABLE_CODE,),
                                  error=reason, trust_list=trust_list_name())


def manifest_store_json(path: Path | str) -> bytes | None:
    """The SDK's report of the whole manifest store (every manifest, assertion, ingredient,
    signature and validation result), as read now offline; None without credentials or when
    the SDK cannot read it. For the evidence packet."""
    try:
        reader = _reader(Path(path))
        if reader is None:
            return None
        with reader:
            text = reader.json()
    except Exception:  # noqa: BLE001 - the summary (read_credentials) says why
        return None
    return (json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n").encode()


def _has_manifest_store(path: Path) -> bool:
    """Whether the file holds a C2PA JUMBF box at all (its `c2pa` label), read in chunks."""
    tail = b""
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                data = tail + chunk
                if b"jumb" in data and b"c2pa" in data:
                    return True
                tail = data[-8:]
    except OSError:
        return False
    return False


# ---------------------------------------------------------------------------------------
# The SDK's JSON → ContentCredentials

def credentials_from_store(store: dict[str, Any], detailed: dict[str, Any] | None = None,
                           *, trust_list: str | None = None) -> ContentCredentials:
    """Summarize the SDK's `Reader.json()` (and `detailed_json()`, for ingredient hashes)."""
    manifests: dict[str, Any] = store.get("manifests") or {}
    active_label = str(store.get("active_manifest") or "")
    active = manifests.get(active_label) or {}
    state = store.get("validation_state")
    codes = _failure_codes(store)
    if state not in STATES:
        state = INVALID if codes - {"signingCredential.untrusted"} else VALID
    signature = active.get("signature_info") or {}
    details = ((detailed or {}).get("manifests") or {}).get(active_label) or {}
    return ContentCredentials(
        validation_state=state,
        signer=_text(signature.get("common_name")) or _text(signature.get("issuer")),
        organization=_text(signature.get("issuer")),
        signed_utc=_utc_text(signature.get("time")),
        claim_generator=_generator(active),
        actions=tuple(_chain_actions(manifests, active_label)),
        ingredients=tuple(_ingredients(active, details)),
        codes=tuple(sorted(codes)),
        trust_list=trust_list,
    )


def _text(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def _utc_text(value: Any) -> str | None:
    """`2023-09-29T17:40:14+00:00` → `2023-09-29T17:40:14Z` (other offsets kept as given)."""
    text = _text(value)
    if text and text.endswith("+00:00"):
        return text[:-6] + "Z"
    return text


def _failure_codes(store: dict[str, Any]) -> set[str]:
    codes = {str(s.get("code")) for s in store.get("validation_status") or []
             if isinstance(s, dict) and s.get("code")}
    results = store.get("validation_results") or {}
    active = results.get("activeManifest") or {}
    codes |= {str(s.get("code")) for s in active.get("failure") or []
              if isinstance(s, dict) and s.get("code")}
    for delta in results.get("ingredientDeltas") or []:
        failures = ((delta or {}).get("validationDeltas") or {}).get("failure") or []
        codes |= {str(s.get("code")) for s in failures if isinstance(s, dict) and s.get("code")}
    return codes


def _generator(manifest: dict[str, Any]) -> str | None:
    """`TestCam 1.0` from `claim_generator_info` (v2 claims) or `claim_generator` (v1)."""
    info = manifest.get("claim_generator_info")
    if isinstance(info, dict):
        info = [info]
    if isinstance(info, list) and info and isinstance(info[0], dict):
        first = info[0]
        return _text(" ".join(str(first[k]) for k in ("name", "version") if first.get(k)))
    return _text(manifest.get("claim_generator"))


def _agent(value: Any) -> str | None:
    if isinstance(value, dict):
        return _text(" ".join(str(value[k]) for k in ("name", "version") if value.get(k)))
    return _text(value)


def _actions(manifest: dict[str, Any]) -> list[CredentialAction]:
    found = []
    for assertion in manifest.get("assertions") or []:
        label = str((assertion or {}).get("label") or "")
        if label.split(".v")[0] != "c2pa.actions" and label != "c2pa.actions":
            continue
        for action in ((assertion.get("data") or {}).get("actions") or []):
            if isinstance(action, dict) and action.get("action"):
                found.append(CredentialAction(str(action["action"]), _text(action.get("when")),
                                              _agent(action.get("softwareAgent"))))
    return found


def _chain_actions(manifests: dict[str, Any], label: str | None) -> list[CredentialAction]:
    """Actions of the manifest `label` after those of its ingredients' manifests (oldest
    first), each manifest once."""
    seen: set[str] = set()

    def walk(current: str | None) -> list[CredentialAction]:
        if not current or current in seen or current not in manifests:
            return []
        seen.add(current)
        manifest = manifests[current]
        earlier = []
        for ingredient in manifest.get("ingredients") or []:
            earlier += walk((ingredient or {}).get("active_manifest"))
        return earlier + _actions(manifest)

    return walk(label)


def _hex(b64: Any) -> str | None:
    try:
        return base64.b64decode(str(b64), validate=True).hex() if b64 else None
    except (binascii.Error, ValueError):
        return None


def _ingredients(active: dict[str, Any], details: dict[str, Any]
                 ) -> list[CredentialIngredient]:
    """Titles from the reader's JSON; hashes from the ingredient assertions (detailed JSON):
    the content's (`data`) first, else the ingredient manifest's, when SHA-256."""
    store = details.get("assertion_store") or {}
    assertions = [v for k, v in sorted(store.items())
                  if k.startswith("c2pa.ingredient") and isinstance(v, dict)]
    out = []
    for index, ingredient in enumerate(active.get("ingredients") or []):
        title = _text((ingredient or {}).get("title"))
        match = next((a for a in assertions if a.get("dc:title") == title), None)
        if match is None and index < len(assertions):
            match = assertions[index]
        sha256 = sha256_of = None
        for key, what in (("data", "content"), ("activeManifest", "manifest"),
                          ("c2pa_manifest", "manifest")):
            ref = (match or {}).get(key)
            alg = (ref or {}).get("alg") if isinstance(ref, dict) else None
            if isinstance(ref, dict) and (alg or "sha256") == "sha256" and _hex(ref.get("hash")):
                sha256, sha256_of = _hex(ref.get("hash")), what
                break
        out.append(CredentialIngredient(title, sha256, sha256_of))
    return out
