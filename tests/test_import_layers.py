"""No import runs back up: every module of service/ sits in a layer, and imports
(module-level and inside functions alike) only reach its own layer or those below.
`service/__init__.py` is the top: it re-exports the public API and nothing inside
the package imports it (settings come from service.config, exceptions from
service.exceptions, the app factory from service.app).

A new module must be placed in LAYERS; the first pattern that matches wins.
"""
from __future__ import annotations

import ast
from fnmatch import fnmatchcase
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Lowest first. Within a layer modules may import each other.
LAYERS: list[tuple[str, list[str]]] = [
    ("foundations", ["service.config", "service.exceptions", "service.yamlfiles",
                     "service.once", "service.deadline", "service.tablecache",
                     "service.patterncache", "service.layer_spec"]),
    ("nlp", ["service.nlp", "service.nlp.*"]),
    ("identifiers and knowledge base", ["service.ids", "service.kb", "service.kb.*"]),
    # Leaves that live among the extractors but sit under timex, which reads them:
    # calendar fields and the typed records components emit.
    ("extractor leaves", ["service.extractors.dates",
                          "service.extractors.records"]),
    ("quantities and time expressions", ["service.quantities", "service.quantities.*",
                                         "service.timex", "service.timex.*"]),
    ("extractors", ["service.extractors", "service.extractors.*"]),
    # The serializer and the size bounds are the pipeline's last stages.
    ("serialize and bounds", ["service.serialize", "service.bounds"]),
    ("pipeline", ["service.pipeline", "service.layers"]),
    # The service's interface vocabulary: request/Result schemas, problems, metrics.
    ("interface", ["service.result_schema", "service.schemas", "service.result_json",
                   "service.errors", "service.observability", "service.openapi_bundle",
                   "service.request_framing"]),
    ("extraction", ["service.extraction", "service.batch_plan"]),
    ("api and evaluation", ["service.api", "service.check", "service.evaluate",
                            "service.evaluate_cluener"]),
    ("app factory", ["service.app"]),
    ("entry points", ["service.__main__", "service.cli", "service.server",
                      "service.devserver", "service.gunicorn_*", "service.buffering_worker",
                      "service.spark"]),
    ("package", ["service"]),
]


def module_files(package_dir: Path) -> dict[str, tuple[Path, bool]]:
    """Dotted module name -> (file, is a package's __init__)."""
    modules = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = list(path.relative_to(package_dir.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        modules[".".join(parts)] = (path, is_package)
    return modules


def imports_of(source: str, name: str, is_package: bool, modules,
               top: str = "service") -> set[str]:
    """The package's modules `source` imports, anywhere in the file.

    `from X import Y` counts as importing X.Y when that is a module, else X itself
    (a name defined in X's __init__)."""
    package = name if is_package else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == top)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != top:
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in modules else target)
    found.discard(name)
    return found


def layer_of(module: str) -> int | None:
    for rank, (_, patterns) in enumerate(LAYERS):
        if any(fnmatchcase(module, p) for p in patterns):
            return rank
    return None


def upward_imports(modules) -> list[str]:
    wrong = []
    for name, (path, is_package) in modules.items():
        for target in sorted(imports_of(path.read_text(encoding="utf-8"), name,
                                        is_package, modules)):
            low, high = layer_of(name), layer_of(target)
            if low is not None and high is not None and high > low:
                wrong.append(f"{name} ({LAYERS[layer_of(name)][0]}) imports {target} "
                             f"({LAYERS[layer_of(target)][0]}), which stands above it")
    return wrong


MODULES = module_files(ROOT / "service")


def test_every_module_has_a_layer():
    unplaced = [m for m in MODULES if layer_of(m) is None]
    assert not unplaced, f"place these modules in LAYERS of {Path(__file__).name}: {unplaced}"


def test_no_import_runs_back_up():
    assert not upward_imports(MODULES), "\n".join(upward_imports(MODULES))


def test_nothing_in_the_package_imports_its_init():
    importers = [name for name, (path, is_package) in MODULES.items() if name != "service"
                 and "service" in imports_of(path.read_text(encoding="utf-8"), name,
                                             is_package, MODULES)]
    assert not importers, f"import from service.config/.exceptions/.app instead: {importers}"


@pytest.mark.parametrize("source, expected", [
    ("from service import InvalidDocument", {"service"}),           # a name in __init__
    ("def f():\n    from service import extraction", {"service.extraction"}),
    ("import service.kb", {"service.kb"}),
    ("from .. import deadline", {"service.deadline"}),
    ("from ..nlp.document import Document", {"service.nlp.document"}),
    ("from . import people", {"service.extractors.people"}),
    ("import json\nfrom flask import Flask", set()),
])
def test_the_import_reader_sees_every_form(source, expected):
    assert imports_of(source, "service.extractors.events", False, MODULES) == expected


def test_an_upward_import_is_reported(tmp_path):
    package = tmp_path / "service"
    (package / "nlp").mkdir(parents=True)
    (package / "__init__.py").write_text("from service.config import X\n")
    (package / "config.py").write_text("X = 1\n")
    (package / "nlp" / "__init__.py").write_text("")
    (package / "nlp" / "text.py").write_text(
        "def late():\n    from service import pipeline\n    from service.config import X\n")
    (package / "pipeline.py").write_text("from service.nlp import text\n")
    assert upward_imports(module_files(package)) == [
        "service.nlp.text (nlp) imports service.pipeline (pipeline), which stands above it"]
