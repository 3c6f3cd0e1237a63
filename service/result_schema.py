"""The Result's marshmallow schemas, derived from schema/extraction.schema.json.

The JSON Schema is the one place the Result is written. Every object in its
`$defs` becomes a marshmallow schema of the same name (plus `Result` itself), field
for field and in the same order, so that a section or field added to the JSON Schema
is dumped with no other edit. Dumping through these schemas keeps a stray key the
pipeline adds out of a response the JSON Schema would reject.

Only the JSON Schema constructs the contract uses are understood (`type`, nullable
type lists, `anyOf`/`oneOf` with null, `$ref` into `$defs`, `enum`, `const`, arrays,
objects); anything else raises at import rather than being dumped unchecked.
"""
from __future__ import annotations

import json
from pathlib import Path

from marshmallow import Schema, fields
from marshmallow.validate import OneOf

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema" / "extraction.schema.json"
DEFS_PREFIX = "#/$defs/"


class JsonNumber(fields.Number):
    """A JSON number that keeps integers integral: 60900000000 must not dump as 60900000000.0."""

    num_type = float

    def _format_num(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        return float(value)


SCALARS = {
    "string": fields.String,
    "integer": fields.Integer,
    "number": JsonNumber,
    "boolean": fields.Boolean,
}


class Deriver:
    """Builds one marshmallow schema class per object definition, once each."""

    def __init__(self, document: dict):
        self.defs: dict = document.get("$defs", {})
        self.classes: dict[str, type[Schema]] = {}
        self.result = self.schema_class("Result", document)
        for name, definition in self.defs.items():
            if self._is_object(definition):
                self.def_class(name)

    @staticmethod
    def _is_object(definition: dict) -> bool:
        return definition.get("type") == "object" and "properties" in definition

    def def_class(self, name: str) -> type[Schema]:
        if name not in self.classes:
            self.classes[name] = self.schema_class(name, self.defs[name])
        return self.classes[name]

    def schema_class(self, name: str, definition: dict) -> type[Schema]:
        required = set(definition.get("required", ()))
        declared = {key: self.field(prop, f"{name}.{key}", required=key in required)
                    for key, prop in definition["properties"].items()}
        return Schema.from_dict(declared, name=f"{name}Schema")

    def _target(self, ref: str, where: str) -> tuple[str, dict]:
        if not ref.startswith(DEFS_PREFIX) or ref[len(DEFS_PREFIX):] not in self.defs:
            raise ValueError(f"{where}: cannot follow $ref {ref!r}")
        name = ref[len(DEFS_PREFIX):]
        return name, self.defs[name]

    def field(self, prop: dict, where: str, *, required: bool,
              allow_none: bool = False) -> fields.Field:
        kwargs = {"required": required, "allow_none": allow_none}
        if "$ref" in prop:
            name, target = self._target(prop["$ref"], where)
            if self._is_object(target):
                return fields.Nested(self.def_class(name), **kwargs)
            return self.field(target, where, required=required, allow_none=allow_none)
        for key in ("anyOf", "oneOf"):
            if key in prop:
                alternatives = [alt for alt in prop[key] if alt != {"type": "null"}]
                if len(alternatives) != 1:
                    raise ValueError(f"{where}: only 'X or null' unions are supported")
                nullable = len(alternatives) < len(prop[key])
                return self.field(alternatives[0], where, required=required,
                                  allow_none=allow_none or nullable)
        if "const" in prop or "enum" in prop:
            choices = [prop["const"]] if "const" in prop else list(prop["enum"])
            kwargs["allow_none"] = allow_none or None in choices
            values = [c for c in choices if c is not None]
            if not all(isinstance(c, str) for c in values):
                raise ValueError(f"{where}: only string enums and consts are supported")
            return fields.String(validate=OneOf(values), **kwargs)
        types = prop.get("type")
        types = [types] if isinstance(types, str) else list(types or ())
        if "null" in types:
            types.remove("null")
            kwargs["allow_none"] = True
        if len(types) != 1:
            raise ValueError(f"{where}: needs exactly one non-null type, has {prop.get('type')!r}")
        kind = types[0]
        if kind in SCALARS:
            return SCALARS[kind](**kwargs)
        if kind == "array":
            return fields.List(self.field(prop.get("items", {}), f"{where}[]", required=False),
                               **kwargs)
        if kind == "object" and "properties" in prop:
            return fields.Nested(self.schema_class(where.replace(".", "_"), prop), **kwargs)
        raise ValueError(f"{where}: unsupported type {kind!r}")


def load_json_schema(path: Path = SCHEMA_FILE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


RESULT_JSON_SCHEMA = load_json_schema()
_derived = Deriver(RESULT_JSON_SCHEMA)
ResultSchema: type[Schema] = _derived.result
# JSON Schema $defs name -> the marshmallow schema that serialises it (object $defs only).
SCHEMAS_BY_DEF: dict[str, type[Schema]] = dict(_derived.classes)
