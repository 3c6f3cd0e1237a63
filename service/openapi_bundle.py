"""The served OpenAPI document: openapi.yaml with the JSON Schema inlined.

The Result is written once, in schema/extraction.schema.json; openapi.yaml (the
source of everything else: paths, requests, problems) points at it with one $ref.
Code generators and validators read a single document from a URL and follow no
file $refs, so GET /openapi.yaml and /openapi.json serve this bundle: the Result
and every one of its `$defs` become `components/schemas` of the same name, and
every $ref is rewritten to point there. A section or field added to the JSON
Schema reaches the spec, and every client generated from it, with no other edit.

The app builds it once at start-up (`render`); to write it to a file:

    python -m service.openapi_bundle -o zne-openapi.yaml
"""
from __future__ import annotations

import argparse
import copy
import functools
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
OPENAPI_FILE = REPO_ROOT / "openapi.yaml"
SCHEMA_FILE = REPO_ROOT / "schema" / "extraction.schema.json"
SCHEMA_REF = "schema/extraction.schema.json"
COMPONENT = "#/components/schemas/"


def _rewrite(node, defs_prefixes: tuple[str, ...]) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            if ref in (SCHEMA_REF, SCHEMA_REF + "#"):
                node["$ref"] = COMPONENT + "Result"
            else:
                for prefix in defs_prefixes:
                    if ref.startswith(prefix):
                        node["$ref"] = COMPONENT + ref[len(prefix):]
                        break
                else:
                    if not ref.startswith("#/"):
                        raise ValueError(f"cannot bundle the $ref {ref!r}")
        for value in node.values():
            _rewrite(value, defs_prefixes)
    elif isinstance(node, list):
        for value in node:
            _rewrite(value, defs_prefixes)


def bundle(spec: dict, schema: dict) -> dict:
    """The OpenAPI document with the JSON Schema's Result and $defs inlined as components."""
    spec, schema = copy.deepcopy(spec), copy.deepcopy(schema)
    defs = schema.pop("$defs", {})
    for key in ("$schema", "$id"):
        schema.pop(key, None)
    components = spec.setdefault("components", {}).setdefault("schemas", {})
    for name, definition in [("Result", schema), *defs.items()]:
        existing = components.get(name)
        # Only the pointers into the JSON Schema may be replaced; anything else is a clash.
        if existing is not None and not str(existing.get("$ref", "")).startswith(SCHEMA_REF):
            raise ValueError(f"components/schemas/{name} is defined in both documents")
        components[name] = definition
    _rewrite(spec, (SCHEMA_REF + "#/$defs/", "#/$defs/"))
    return spec


def load_bundle(openapi_file: Path = OPENAPI_FILE, schema_file: Path = SCHEMA_FILE) -> dict:
    spec = yaml.safe_load(openapi_file.read_text(encoding="utf-8"))
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    return bundle(spec, schema)


@dataclass(frozen=True)
class Rendered:
    """The bundle as served: the document, and its YAML and JSON bytes."""

    spec: dict
    yaml: bytes
    json: bytes


def dump_yaml(spec: dict) -> str:
    return yaml.safe_dump(spec, allow_unicode=True, sort_keys=False, width=100)


@functools.lru_cache(maxsize=4)
def render(openapi_file: Path = OPENAPI_FILE, schema_file: Path = SCHEMA_FILE) -> Rendered:
    """Bundle and serialise once per process (the files do not change under a running
    app), and across starts from the table cache while they are unchanged (~0.1 s of
    YAML parsing and dumping at start-up otherwise)."""
    from service.tablecache import cached

    def build() -> Rendered:
        spec = load_bundle(openapi_file, schema_file)
        return Rendered(spec=spec, yaml=dump_yaml(spec).encode("utf-8"),
                        json=json.dumps(spec, ensure_ascii=False, indent=1).encode("utf-8"))

    return cached("openapi", [Path(openapi_file), Path(schema_file), Path(__file__)], build)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m service.openapi_bundle", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-o", "--output", help="write here instead of stdout")
    args = parser.parse_args(argv)
    text = dump_yaml(load_bundle())
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
