"""The boundaries of the layout (issue 13), checked on every run: the import-linter contracts
(core never imports Qt, the GUI or the CLI; the GUI never imports SQLAlchemy; the CLI opens
the GUI from one module), no import cycles (imports inside functions counted), no import
inside a core function, and every package saying what it is for and what it offers."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "annotator"


def _modules() -> dict[str, Path]:
    mods = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        mods[".".join(parts)] = path
    return mods


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip |= {id(n) for b in node.body for n in ast.walk(b)}
    return skip


def _imports(path: Path, module: str, mods: dict[str, Path]) -> set[str]:
    """The modules of ours `module` imports (function-level included, TYPE_CHECKING not)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_nodes(tree)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[:len(package.split(".")) - node.level + 1]
                                + ([base] if base else []))
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in mods else base
                     for a in node.names]
        for name in names:
            while name and name not in mods:
                name = name.rpartition(".")[0]
            if name and name != module:
                found.add(name)
    return found


def test_import_linter_contracts_are_kept():
    """`lint-imports`, run as CI would (its own process, the contracts in pyproject.toml)."""
    out = subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command;"
         " sys.exit(lint_imports_command(['--no-cache']))"],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert "0 broken" in out.stdout


def test_no_import_cycles():
    mods = _modules()
    edges = {m: _imports(p, m, mods) for m, p in mods.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for m in sorted(mods):
        if m not in index:
            visit(m)
    assert cycles == []


def test_no_import_inside_a_core_function():
    """A module's needs are at its top, where a cycle would show (not hidden in a function)."""
    offenders = []
    for path in sorted((PACKAGE / "core").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _type_checking_nodes(tree)
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for inner in ast.walk(node):
                    if id(inner) in skip:
                        continue
                    if isinstance(inner, ast.ImportFrom) and (inner.module or "").startswith(
                            "annotator"):
                        offenders.append(f"{path.relative_to(ROOT)}:{inner.lineno}")
    assert offenders == []


PACKAGES = sorted(".".join(p.parent.relative_to(ROOT).parts)
                  for p in PACKAGE.rglob("__init__.py")
                  if "migrations" not in p.parts and "resources" not in p.parts[1:2])


@pytest.mark.parametrize("name", [p for p in PACKAGES if p.count(".") >= 2])
def test_each_package_says_what_it_is_for_and_names_its_api(name):
    module = importlib.import_module(name)
    assert (module.__doc__ or "").strip(), f"{name}: no docstring"
    public = getattr(module, "__all__", None)
    assert public is not None, f"{name}: no __all__"
    missing = [n for n in public if not hasattr(module, n)
               and importlib.util.find_spec(f"{name}.{n}") is None]  # or a public module
    assert missing == []


def test_the_gui_has_no_sql():
    offenders = [str(p.relative_to(ROOT)) for p in (PACKAGE / "gui").rglob("*.py")
                 if "sqlalchemy" in p.read_text(encoding="utf-8")
                 or "annotator.core.models" in p.read_text(encoding="utf-8")]
    assert offenders == []
