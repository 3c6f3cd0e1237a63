"""The suite runs on a clean clone alone: no test or benchmark names a data path
outside the repository (a shared checkout, a home directory). What a test reads
comes from the repository, tmp_path or a live server it starts."""
from __future__ import annotations

import ast
import re
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
# Absolute paths into places a developer's machine has and a CI machine does not.
OUTSIDE = re.compile(r"^/(?:work|home|root|srv|mnt|data|shared|opt)(?:/|$)")


def string_constants(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def test_no_test_names_a_path_outside_the_repository():
    offenders = [f"{path.relative_to(REPO_ROOT)}:{line}: {value!r}"
                 for folder in ("tests", "benchmarks") for path in sorted((REPO_ROOT / folder).rglob("*.py"))
                 if path != Path(__file__).resolve()  # its own examples below
                 for line, value in string_constants(path) if OUTSIDE.match(value.strip())]
    assert not offenders, "\n".join(offenders)


def test_the_check_would_catch_the_old_conformance_path():
    # (joined here so that no literal outside path stands in the suite, not even this example)
    assert OUTSIDE.match("/" + "/".join(("work", "shared", "conformance", "recognizers-text")))
    assert not OUTSIDE.match("/usr/bin/chromium")
