"""Flight records: values, importers (one module per file format), leg derivation from tracks,
photo ↔ flight links and link suggestions. Qt-free like the rest of the core."""
