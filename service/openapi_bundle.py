"""openapi.yaml as one self-contained document, for tools that follow no file $refs.

openapi.yaml points into schema/extraction.schema.json instead of restating the
Result. Code generators such as openapi-python-client read a single document, so
this inlines the JSON Schema: the Result and each of its `$defs` become
`components/schemas` of the same name, and every $ref is rewritten to point there.
Nothing is copied into the repository; run it when generating a client:

    python -m service.openapi_bundle > zne-openapi.yaml
"""
from __future__ import annotations

import argparse
import copy
import json
import sys
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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m service.openapi_bundle", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-o", "--output", help="write here instead of stdout")
    args = parser.parse_args(argv)
    text = yaml.safe_dump(load_bundle(), allow_unicode=True, sort_keys=False)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
