"""What a file says about itself: the `PhotoMetadata` value and its reader (EXIF through
exifread with Pillow's fallback, XMP, IPTC, maker-note serial numbers, known editors, and
content credentials: C2PA manifests checked offline).

Other packages import from here only (`__all__`). The names are loaded on first use: the
capture-date check needs the `PhotoMetadata` value, not the readers (exifread, the C2PA
SDK's checks), and the importing process must not load them before its workers start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.core import lazy_names

if TYPE_CHECKING:
    from annotator.core.metadata.credentials import (
        ContentCredentials,
        CredentialAction,
        CredentialIngredient,
        manifest_store_json,
        read_credentials,
        summary_line,
    )
    from annotator.core.metadata.editors import editor_named
    from annotator.core.metadata.exif_raw import RawExif
    from annotator.core.metadata.jumbf import embedded_store
    from annotator.core.metadata.model import GpsFix, PhotoMetadata, gps_error_m
    from annotator.core.metadata.reader import read_metadata

__all__ = [
    "ContentCredentials",
    "CredentialAction",
    "CredentialIngredient",
    "GpsFix",
    "PhotoMetadata",
    "RawExif",
    "editor_named",
    "embedded_store",
    "gps_error_m",
    "manifest_store_json",
    "read_credentials",
    "read_metadata",
    "summary_line",
]

_HOME = {
    "ContentCredentials": "credentials", "CredentialAction": "credentials",
    "CredentialIngredient": "credentials", "manifest_store_json": "credentials",
    "read_credentials": "credentials", "summary_line": "credentials",
    "editor_named": "editors", "RawExif": "exif_raw", "embedded_store": "jumbf",
    "GpsFix": "model", "PhotoMetadata": "model", "gps_error_m": "model",
    "read_metadata": "reader",
}


__getattr__ = lazy_names.loader(__name__, _HOME)
