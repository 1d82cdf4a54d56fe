"""A package whose public names load on first use (PEP 562's module `__getattr__`).

The import's processes must not pay for what they never use: the importing process loads
the database layer but no file reader, a worker the readers but no database. A package
lists where each of its names lives and sets `__getattr__ = lazy_names.loader(...)`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any


def loader(package: str, homes: Mapping[str, str]) -> Callable[[str], Any]:
    """The `__getattr__` of `package`: `name` from its submodule `homes[name]`."""

    def load(name: str) -> Any:
        if name in homes:
            return getattr(import_module(f"{package}.{homes[name]}"), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return load
