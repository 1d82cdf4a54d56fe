"""Every user error the core raises carries a stable code and the values its sentence names,
so the GUI can say it in the user's language (issue 8) while the core stays English."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import annotator.core
from annotator.core.errors import AnnotatorError, EditConflict, InputRejected

CORE = Path(annotator.core.__file__).parent
ERRORS = {"AnnotatorError", "InputRejected", "NotFound", "CaseUnavailable", "UsageError",
          "CaseReadOnly"}


def error_calls() -> list[tuple[str, int, ast.Call]]:
    """(file:line, line, call) of every construction of one of our errors in the core."""
    found = []
    for path in sorted(CORE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name in ERRORS:
                found.append((f"{path.relative_to(CORE.parent.parent)}:{node.lineno}",
                              node.lineno, node))
    return found


# Helpers that raise an error whose code comes from a reason value (checked below).
CODE_FROM_REASON = {"annotator/core/images/decode.py"}


def _upper_snake(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value \
            and node.value.replace("_", "").isalnum() and node.value == node.value.upper():
        return node.value
    return None


def reason_codes() -> set[str]:
    """Codes of import refusal reasons: `Reason(text, CODE, ...)`, `WorkerCrashed(text,
    CODE)`, `Recorder.reject(path, text, CODE, ...)`, registration problems
    (`_rejected(..., CODE)`, `problem_code=CODE`) and decode.py's `(text, CODE, params)`
    tuples."""
    codes = set()
    for path in sorted(CORE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and len(node.args) >= 2 and getattr(
                    node.func, "id", None) in ("Reason", "WorkerCrashed"):
                candidate = node.args[1]
            elif isinstance(node, ast.Call) and len(node.args) >= 3 and getattr(
                    node.func, "attr", None) == "reject":  # ingest_record.Recorder.reject
                candidate = node.args[2]
            elif isinstance(node, ast.Call) and len(node.args) >= 5 and getattr(
                    node.func, "id", None) == "_rejected":  # registration problems
                candidate = node.args[4]
            elif isinstance(node, ast.keyword) and node.arg == "problem_code":
                candidate = node.value
            elif isinstance(node, ast.Tuple) and len(node.elts) == 3 and isinstance(
                    node.elts[0], (ast.Constant, ast.JoinedStr)) and isinstance(
                    node.elts[2], ast.Dict):
                candidate = node.elts[1]
            else:
                continue
            if code := _upper_snake(candidate):
                codes.add(code)
    return codes


def error_codes() -> set[str]:
    """Every code a core error or refusal reason carries."""
    codes = {"EDIT_CONFLICT"} | reason_codes()
    for _where, _line, call in error_calls():
        for keyword in call.keywords:
            if keyword.arg == "code" and (code := _upper_snake(keyword.value)):
                codes.add(code)
    return codes


def test_every_error_the_core_raises_has_a_code():
    missing = [where for where, _line, call in error_calls()
               if not any(k.arg == "code" for k in call.keywords)]
    assert len(error_calls()) > 140
    assert missing == [], "give these errors a code= and their values as params"


def test_codes_are_upper_snake_literals():
    bad = []
    for where, _line, call in error_calls():
        for keyword in call.keywords:
            if keyword.arg == "code" and _upper_snake(keyword.value) is None \
                    and where.split(":")[0] not in CODE_FROM_REASON:
                bad.append(where)
    assert bad == []
    assert {"IMAGE_CORRUPT", "IMAGE_BOMB", "IMPORT_INSIDE_CASE", "WORKER_TIMEOUT"} <= reason_codes()


def test_every_value_an_f_string_message_names_is_a_param():
    """A template rebuilds the sentence from the params: none of its values may be missing."""
    missing = []
    for where, _line, call in error_calls():
        message = call.args[0] if call.args else None
        if not isinstance(message, ast.JoinedStr) or any(k.arg is None for k in call.keywords):
            continue  # a literal, or params given as **mapping (registration problem fields)
        params = [k.value for k in call.keywords if k.arg not in (None, "code")]
        dumped = {ast.dump(p) for p in params}
        dumped |= {ast.dump(p.values[0]) for p in params
                   if isinstance(p, ast.JoinedStr) and len(p.values) == 1}
        for part in message.values:
            if isinstance(part, ast.FormattedValue):
                plain = part.conversion == -1 and part.format_spec is None
                if not (plain and ast.dump(part.value) in dumped) and ast.dump(part) not in dumped:
                    missing.append(f"{where}: {ast.unparse(part.value)}")
    assert missing == []


def test_params_are_plain_values_and_the_message_is_kept():
    exc = InputRejected("the box lies outside the 10×20 photo", code="BOX_OUTSIDE_PHOTO",
                        width=10, height=20, path=Path("/x/y.jpg"))
    assert str(exc) == "the box lies outside the 10×20 photo"
    assert exc.code == "BOX_OUTSIDE_PHOTO"
    assert exc.params == {"width": 10, "height": 20, "path": "/x/y.jpg"}


def test_an_edit_conflict_names_both_versions():
    exc = EditConflict("box", 7, mine={}, theirs={}, expected_version=2, current_version=3)
    assert exc.code == "EDIT_CONFLICT"
    assert exc.params == {"object_type": "box", "object_id": 7, "current_version": 3,
                          "expected_version": 2}


@pytest.mark.parametrize("code", sorted(error_codes()))
def test_code_names_are_stable_words(code):
    assert code.isupper() and isinstance(AnnotatorError("x", code=code).code, str)


def test_rejected_files_carry_the_code_of_their_reason(case, tmp_path: Path):
    from annotator.core.ingest.importer import import_paths
    from tests.fixtures import imports as fx

    folder = tmp_path / "in"
    fx.empty_file(folder / "empty.jpg")
    fx.bomb_jpeg(folder / "bomb.jpg")
    fx.random_bytes(folder / "notes.txt", 300)
    report = import_paths(case, [folder, tmp_path / "not-there.jpg"], jobs=1)
    coded = {Path(r.path).name: (r.code, r.params) for r in report.rejected}
    assert coded["empty.jpg"] == ("IMAGE_EMPTY", {})
    assert coded["bomb.jpg"][0] == "IMAGE_BOMB"
    assert coded["bomb.jpg"][1]["pixels"] == "900,000,000"
    assert coded["notes.txt"][0] == "IMAGE_NOT_IMAGE"
    assert coded["not-there.jpg"] == ("IMPORT_NO_SUCH_PATH", {})
    assert report.to_json()["rejected"][0].keys() == {"path", "reason"}  # CLI JSON unchanged
