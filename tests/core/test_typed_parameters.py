"""mypy checks the core only as far as its annotations go: a `session` or `case` parameter
typed `Any` (or not at all) would let any call through. Every such parameter in the core
is typed as `Session` or `Case` (issue 13)."""

from __future__ import annotations

import ast
from pathlib import Path

import annotator.core

CORE = Path(annotator.core.__file__).parent
NAMES = {"session": "Session", "case": "Case"}


def _untyped() -> list[str]:
    found = []
    for path in sorted(CORE.rglob("*.py")):
        if "migrations" in path.relative_to(CORE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            args = node.args
            for arg in args.posonlyargs + args.args + args.kwonlyargs:
                want = NAMES.get(arg.arg)
                shown = ast.unparse(arg.annotation) if arg.annotation else ""
                if want and want not in shown:
                    where = f"{path.relative_to(CORE.parent.parent)}:{node.lineno}"
                    found.append(f"{where} {node.name}({arg.arg}: {shown or 'untyped'})")
    return found


def test_every_session_and_case_parameter_of_the_core_is_typed():
    assert _untyped() == []
