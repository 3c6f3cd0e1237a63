"""The Result as the API sends it: projected through the marshmallow schema's fields,
then encoded with orjson.

`ResultSchema().dump` (marshmallow) was most of what HTTP added to an extraction:
it walks every field through generic machinery (~1.3-2.4 ms for the seed's Result,
where encoding it takes 0.02 ms). `project` is compiled once from the same
marshmallow classes (service/result_schema.py, derived from
schema/extraction.schema.json): for each schema, its fields in order, each with a
converter that does what that field's `_serialize` does for the values a Result
holds, so it keeps the same keys, drops the same stray ones and gives the same
values (tests/test_result_json.py compares the two on every fixture article and
the seed). A field type it does not know raises at import, never dumps unchecked.
"""
from __future__ import annotations

import json
import math
from typing import Any, Callable

import orjson
from marshmallow import Schema, fields

from service.deadline import check
from service.result_schema import JsonNumber, ResultSchema

Converter = Callable[[Any], Any]

# Long lists are projected a slice at a time, checking the time budget between slices.
SLICE = 500


def _string(value):
    if value is None or type(value) is str:
        return value
    return str(value)


def _integer(value):
    if value is None or type(value) is int:
        return value
    return int(value)


def _finite(value: float) -> float:
    # orjson writes NaN as null; the contract has no NaN, so fail loudly (a 500).
    if not math.isfinite(value):
        raise ValueError(f"{value!r} is not a JSON number")
    return value


def _number(value):
    # As JsonNumber: integers stay integral, anything else becomes a float.
    if value is None or type(value) is int:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return _finite(float(value))


def _boolean(value):
    if value is None or type(value) is bool:
        return value
    field = fields.Boolean()
    return field._serialize(value, None, None)


def _getter(obj):
    """What marshmallow's get_value reads: keys of a mapping, else attributes."""
    if isinstance(obj, dict):
        return obj
    return {name: getattr(obj, name) for name in dir(obj) if not name.startswith("_")}


def _object(schema: type[Schema] | Schema, cache: dict) -> Converter:
    instance = schema() if isinstance(schema, type) else schema
    key = type(instance)
    if key in cache:
        return cache[key]
    converters: list[tuple[str, Converter]] = []

    def convert(obj):
        if obj is None:
            return None
        source = _getter(obj)
        # A field absent from the object is left out, as marshmallow does.
        return {name: conv(source[name]) for name, conv in converters if name in source}

    cache[key] = convert
    for name, field in instance.fields.items():
        if field.data_key not in (None, name) or field.attribute not in (None, name):
            raise ValueError(f"{key.__name__}.{name}: renamed fields are not projected")
        converters.append((name, _converter(field, cache)))
    return convert


def _list(inner: Converter) -> Converter:
    def convert(values):
        if values is None:
            return None
        return [inner(v) for v in values]
    return convert


def _converter(field: fields.Field, cache: dict) -> Converter:
    if isinstance(field, fields.Nested):
        if field.many:
            return _list(_object(field.schema, cache))
        return _object(field.schema, cache)
    if isinstance(field, fields.List):
        return _list(_converter(field.inner, cache))
    if isinstance(field, JsonNumber):
        return _number
    # Exact types: a subclass could serialise differently.
    simple = {fields.String: _string, fields.Integer: _integer, fields.Boolean: _boolean}
    if type(field) in simple:
        return simple[type(field)]
    raise ValueError(f"{type(field).__name__}: no projection for this field type")


_cache: dict = {}
_project_result = _object(ResultSchema, _cache)


def project(result: dict) -> dict:
    """The Result as `ResultSchema().dump(result)` gives it, the long lists a slice
    at a time so that the time budget is checked while a large one is projected."""
    long = {name for name, value in result.items()
            if isinstance(value, list) and len(value) > SLICE}
    if not long:
        return _project_result(result)
    projected = _project_result({**result, **{name: [] for name in long}})
    for name in long:
        if name not in projected:
            continue
        convert = _LIST_FIELDS[name]
        items, out = result[name], []
        for i in range(0, len(items), SLICE):
            check("serialize")
            out += convert(items[i:i + SLICE])
        projected[name] = out
    return projected


_LIST_FIELDS: dict[str, Converter] = {
    name: _converter(field, _cache) for name, field in ResultSchema().fields.items()
    if isinstance(field, fields.List)}


def encode(value: Any) -> bytes:
    """JSON as UTF-8 bytes: orjson, or json.dumps for what orjson refuses (integers
    beyond 64 bits). NaN and Infinity raise either way."""
    try:
        return orjson.dumps(value)
    except orjson.JSONEncodeError:
        return json.dumps(value, ensure_ascii=False, allow_nan=False,
                          separators=(",", ":")).encode("utf-8")
