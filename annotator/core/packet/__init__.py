"""Evidence packets: export (`export.export_packet`), verification (`verify.verify_packet`),
signing keys (`signing`), trusted time stamps (`timestamp`), the report (`report`), the
manifest and custody log, and the render cache of the packet's pictures.

Its public modules are named in `__all__`.
"""

__all__ = [
    "collect",
    "custody",
    "datasets",
    "export",
    "fonts",
    "manifest",
    "naming",
    "pictures",
    "readme",
    "render",
    "render_cache",
    "report",
    "selection",
    "signing",
    "timestamp",
    "verify",
    "zipwriter",
]
