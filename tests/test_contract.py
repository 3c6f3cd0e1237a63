"""The published contract agrees with itself, field by field: the JSON Schema (where
the Result is written), the marshmallow schemas derived from it, the source
openapi.yaml, and the self-contained spec the server serves at /openapi.yaml."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from marshmallow import fields
from marshmallow.validate import OneOf
from openapi_spec_validator import validate, validate_url

from contract_change import with_new_section
from service import create_app, openapi_bundle, result_schema, schemas

REPO_ROOT = Path(__file__).resolve().parent.parent
OPENAPI_PATH = REPO_ROOT / "openapi.yaml"
SCHEMA_PATH = REPO_ROOT / "schema" / "extraction.schema.json"
SEED_PATH = REPO_ROOT / "seeds" / "000_64c11bc8ba8f458f.txt"
OPENAPI = yaml.safe_load(OPENAPI_PATH.read_text(encoding="utf-8"))
RESULT_SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
COMPONENT = "#/components/schemas/"


@pytest.fixture(scope="module")
def served():
    """The spec as GET /openapi.yaml serves it (parsed)."""
    client = create_app({"TESTING": True}).test_client()
    resp = client.get("/openapi.yaml")
    assert resp.status_code == 200
    return yaml.safe_load(resp.data)


def operations(spec: dict):
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method in HTTP_METHODS:
                yield path, method, op


def resolve_local(spec: dict, node: dict) -> dict:
    """Follow #/... $refs inside one document."""
    while "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/"), ref
        node = spec
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def refs_in(node) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [r for value in node.values() for r in refs_in(value)]
    if isinstance(node, list):
        return [r for value in node for r in refs_in(value)]
    return []


def as_component(node):
    """A JSON Schema fragment as the served spec carries it: #/$defs/X is a component."""
    text = json.dumps(node).replace('"#/$defs/', '"' + COMPONENT)
    return json.loads(text)


# --- the source: openapi.yaml ----------------------------------------------------

def test_source_openapi_passes_spec_validator():
    # From the file's URI, so its one relative $ref into schema/ is resolved (and checked).
    validate_url(OPENAPI_PATH.as_uri())


def test_source_refers_to_the_json_schema_once():
    # The Result is written in the JSON Schema alone; openapi.yaml only points at it.
    external = [r for r in refs_in(OPENAPI) if not r.startswith("#/")]
    assert external == ["schema/extraction.schema.json"]
    for name in RESULT_SCHEMA["$defs"]:
        assert name not in OPENAPI["components"]["schemas"], f"{name} is restated"


def test_openapi_request_fields_match_request_schema():
    props = OPENAPI["components"]["schemas"]["ExtractRequest"]["properties"]
    assert set(props) == set(schemas.ExtractRequestSchema().fields)


# --- the served spec -------------------------------------------------------------

def test_served_spec_passes_spec_validator_without_base_uri(served):
    validate(served)  # no base URI: nothing outside the document may be needed


def test_served_spec_is_self_contained(served):
    refs = refs_in(served)
    assert refs and all(r.startswith("#/components/") for r in refs)
    for ref in refs:
        resolve_local(served, {"$ref": ref})  # every one resolves inside the document


def test_served_spec_is_the_bundle_of_the_sources(served):
    # No copy to drift: the served document is built from openapi.yaml and the JSON Schema.
    assert served == openapi_bundle.load_bundle(OPENAPI_PATH, SCHEMA_PATH)
    assert {k: v for k, v in served.items() if k != "components"} == \
        {k: v for k, v in OPENAPI.items() if k != "components"}


def test_served_components_are_the_json_schema(served):
    components = served["components"]["schemas"]
    result = {k: v for k, v in RESULT_SCHEMA.items() if k not in ("$schema", "$id", "$defs")}
    assert components["Result"] == as_component(result)
    for name, definition in RESULT_SCHEMA["$defs"].items():
        assert components[name] == as_component(definition), name
    for name, component in OPENAPI["components"]["schemas"].items():
        if name != "Result":
            assert components[name] == component, name


def test_served_json_equals_served_yaml(served):
    client = create_app({"TESTING": True}).test_client()
    assert json.loads(client.get("/openapi.json").data) == served


def test_every_operation_has_unique_operation_id(served):
    ids = [op.get("operationId") for _, _, op in operations(served)]
    assert all(ids), "an operation lacks an operationId"
    assert len(ids) == len(set(ids))


def test_every_error_response_is_a_problem(served):
    for path, method, op in operations(served):
        errors = {code: r for code, r in op["responses"].items() if code[0] in "45"}
        assert "500" in errors and "405" in errors, f"{method} {path}"
        for code, ref in errors.items():
            response = resolve_local(served, ref)
            assert list(response["content"]) == ["application/problem+json"], f"{method} {path} {code}"
            schema_ref = response["content"]["application/problem+json"]["schema"]
            assert schema_ref == {"$ref": "#/components/schemas/Problem"}


def test_extract_documents_its_error_statuses(served):
    responses = served["paths"]["/v1/extract"]["post"]["responses"]
    assert {"400", "405", "413", "415", "422", "500"} <= set(responses)


def test_extract_accepts_json_and_text_plain(served):
    content = served["paths"]["/v1/extract"]["post"]["requestBody"]["content"]
    assert set(content) == {"application/json", "text/plain"}


def test_extract_response_is_the_result(served):
    content = served["paths"]["/v1/extract"]["post"]["responses"]["200"]["content"]
    assert content["application/json"]["schema"] == {"$ref": COMPONENT + "Result"}


# --- field by field: JSON Schema, marshmallow, served spec -------------------------

def json_fields(schema) -> dict:
    """{wire name: marshmallow field} (data_key where a field renames itself)."""
    return {f.data_key or name: f for name, f in schema().fields.items()}


def follow(prop: dict) -> tuple[str | None, dict]:
    """(the $defs name a property points to or None, the property with the $ref followed)."""
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return name, RESULT_SCHEMA["$defs"][name]
    return None, prop


def accepts_null(prop: dict) -> bool:
    _, prop = follow(prop)
    types = prop.get("type", [])
    return ("null" in types or None in prop.get("enum", ())
            or any(alt.get("type") == "null" for alt in prop.get("anyOf", []) + prop.get("oneOf", [])))


def non_null(prop: dict) -> dict:
    """The property without its `or null` alternative."""
    for key in ("anyOf", "oneOf"):
        if key in prop:
            (alt,) = [a for a in prop[key] if a != {"type": "null"}]
            return alt
    return prop


def assert_field_matches(field: fields.Field, prop: dict, where: str) -> None:
    """The marshmallow field serialises what the JSON Schema property describes."""
    name, target = follow(non_null(prop))
    if isinstance(field, fields.Nested):
        assert name is not None and field.nested is schemas.SCHEMAS_BY_DEF[name], where
        return
    if isinstance(field, fields.List):
        assert target["type"] == "array", where
        assert_field_matches(field.inner, target["items"], where + "[]")
        return
    choices = target.get("enum") or ([target["const"]] if "const" in target else None)
    if choices is not None:
        validators = [v for v in field.validators if isinstance(v, OneOf)]
        assert validators and list(validators[0].choices) == [c for c in choices if c is not None], where
        return
    types = target["type"] if isinstance(target["type"], list) else [target["type"]]
    (kind,) = [t for t in types if t != "null"]
    expected = {"string": fields.String, "integer": fields.Integer,
                "number": result_schema.JsonNumber, "boolean": fields.Boolean}[kind]
    assert type(field) is expected, f"{where}: {type(field).__name__} for {kind}"


OBJECT_DEFS = [name for name, d in RESULT_SCHEMA["$defs"].items() if d.get("type") == "object"]
DEF_SCHEMAS = [("Result", RESULT_SCHEMA, schemas.ResultSchema)] + [
    (name, RESULT_SCHEMA["$defs"][name], schemas.SCHEMAS_BY_DEF[name]) for name in OBJECT_DEFS]


def test_json_schema_is_valid_2020_12():
    Draft202012Validator.check_schema(RESULT_SCHEMA)
    assert RESULT_SCHEMA["$id"] == "https://zh-news-extract.dev/schema/extraction.schema.json"
    assert RESULT_SCHEMA["properties"]["schema_version"] == {"const": "1.0"}


def test_every_object_definition_has_a_marshmallow_schema():
    assert sorted(schemas.SCHEMAS_BY_DEF) == sorted(OBJECT_DEFS)


@pytest.mark.parametrize("name,definition,cls", DEF_SCHEMAS, ids=[d[0] for d in DEF_SCHEMAS])
def test_marshmallow_json_schema_and_served_spec_agree(served, name, definition, cls):
    component = served["components"]["schemas"][name]
    # Same names, same order, in all three.
    assert list(json_fields(cls)) == list(definition["properties"]) == list(component["properties"])
    # Strict: every field present, nothing else allowed.
    assert set(definition["required"]) == set(definition["properties"]) == set(component["required"])
    assert definition["additionalProperties"] is False and component["additionalProperties"] is False
    for key, field in json_fields(cls).items():
        prop = definition["properties"][key]
        assert field.required, f"{name}.{key}"
        assert field.allow_none == accepts_null(prop), f"{name}.{key}"
        assert_field_matches(field, prop, f"{name}.{key}")
        assert component["properties"][key] == as_component(prop), f"{name}.{key}"


# --- a new section reaches everything, from the JSON Schema alone -------------------

def test_a_new_section_needs_no_edit_but_the_json_schema(tmp_path):
    document = with_new_section(RESULT_SCHEMA)
    derived = result_schema.Deriver(document)
    result = {"gadgets": [{"name": "x", "span": {"start": 0, "end": 1, "text": "x"},
                           "grams": 12, "debug": 1}],
              "participants": [{"id": "a", "nickname": None}]}
    dumped = derived.result().dump(result)
    assert dumped["gadgets"] == [{"name": "x", "span": {"start": 0, "end": 1, "text": "x"},
                                  "grams": 12}]
    assert dumped["participants"] == [{"id": "a", "nickname": None}]
    assert "Gadget" in derived.classes

    schema_file = tmp_path / "extraction.schema.json"
    schema_file.write_text(json.dumps(document), encoding="utf-8")
    spec = openapi_bundle.load_bundle(OPENAPI_PATH, schema_file)
    validate(spec)
    components = spec["components"]["schemas"]
    assert components["Result"]["properties"]["gadgets"]["items"] == {"$ref": COMPONENT + "Gadget"}
    assert components["Gadget"]["properties"]["span"] == {"$ref": COMPONENT + "Span"}
    assert "nickname" in components["Person"]["properties"]



# --- a fully populated Result ----------------------------------------------------

EXAMPLE_TEXT = ("台北時間2024年7月30日,黃仁勳在SIGGRAPH 2024上表示:“AI工廠來了。”"
                "輝達營收609億美元。Meta發佈Llama 3.1 405B,支援128k上下文。(編輯:林小雯)")


def span(needle: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = EXAMPLE_TEXT.index(needle, start + 1)
    return {"start": start, "end": start + len(needle), "text": needle}


def example_result() -> dict:
    """Every section filled, so serialisation and the schema are tested beyond empty lists."""
    return {
        "schema_version": "1.0",
        "document": {"id": "example-1", "chars": len(EXAMPLE_TEXT), "script": "traditional"},
        "event": (event := {
            "id": "siggraph-2024", "name": "SIGGRAPH 2024", "series": "SIGGRAPH", "year": 2024,
            "date": "2024-07-30", "time": None, "utc_offset": "+08:00",
            "date_text": span("台北時間2024年7月30日"), "location": None, "edition": None,
            "organizer": None, "participants": ["jensen-huang"], "mentions": [span("SIGGRAPH 2024")],
        }),
        "events": [event],
        "participants": [{
            "id": "jensen-huang", "name": "黃仁勳", "name_en": "Jensen Huang", "aliases": ["黃仁勳"],
            "organization": "nvidia", "title": None, "role": "participant",
            "mentions": [span("黃仁勳")], "confidence": 0.95,
        }],
        "organizations": [{
            "id": "nvidia", "name": "輝達", "name_en": "NVIDIA", "aliases": ["輝達"],
            "mentions": [span("輝達")], "confidence": 1, "inferred": False,
        }, {
            "id": "meta", "name": "Meta", "name_en": "Meta", "aliases": [],
            "mentions": [], "confidence": 0.9, "inferred": True,
        }],
        "products": [{
            "id": "llama-3.1", "name": "Llama 3.1", "vendor": "meta", "category": "model",
            "variants": [{"name": "405B", "parameters": 405000000000}],
            "context_window": {"tokens": 128000, "text": "128k"},
            "description": None, "mentions": [span("Llama 3.1")], "confidence": 0.9,
        }],
        "quantitative_facts": [{
            "kind": "money", "value": 60900000000, "approximate": False, "min": None, "max": None,
            "unit": "USD", "counted": None, "text": "609億美元", "span": span("609億美元"), "subject": "輝達營收",
            "entity": "nvidia", "sentence": span("輝達營收609億美元。"), "confidence": 0.875,
        }],
        "quotes": [{
            "text": "AI工廠來了。", "span": span("AI工廠來了。"), "speaker": "jensen-huang",
            "speaker_name": "黃仁勳", "cue": "表示", "cue_span": span("表示"),
            "speaker_span": span("黃仁勳"), "confidence": 0.92,
        }],
        "time_expressions": [{
            "text": "台北時間2024年7月30日", "span": span("台北時間2024年7月30日"), "kind": "date",
            "timex": "2024-07-30", "value": "2024-07-30", "start": None, "end": None,
            "utc_offset": "+08:00", "grain": "day", "fiscal": False,
        }],
        "credited_staff": [{"name": "林小雯", "role": "editor", "span": span("林小雯")}],
        "warnings": ["example warning"],
    }


def test_full_example_is_valid(assert_valid_result):
    assert_valid_result(example_result(), EXAMPLE_TEXT)


def test_marshmallow_dump_is_lossless():
    # Same keys, same values, and integers stay integers (60900000000, not 60900000000.0).
    example = example_result()
    dumped = schemas.ResultSchema().dump(example)
    assert json.dumps(dumped, ensure_ascii=False) == json.dumps(example, ensure_ascii=False)


def test_marshmallow_dump_drops_unknown_keys(assert_valid_result):
    example = example_result()
    example["debug"] = {"tokens": []}
    example["participants"][0]["score_internal"] = 3
    dumped = schemas.ResultSchema().dump(example)
    assert "debug" not in dumped and "score_internal" not in dumped["participants"][0]
    assert_valid_result(dumped, EXAMPLE_TEXT)


def _set(path, value):
    def mutate(result):
        *parents, last = path
        node = result
        for key in parents:
            node = node[key]
        node[last] = value
    return mutate


def _delete(path):
    def mutate(result):
        *parents, last = path
        node = result
        for key in parents:
            node = node[key]
        del node[last]
    return mutate


# Each must make the example invalid: proves the schema is strict, not vacuous.
INVALID = {
    "extra-top-level-field": _set(["extra"], 1),
    "missing-quotes": _delete(["quotes"]),
    "missing-credited-staff": _delete(["credited_staff"]),
    "credited-staff-role-unknown": _set(["credited_staff", 0, "role"], "anchor"),
    "wrong-schema-version": _set(["schema_version"], "2.0"),
    "id-not-a-slug": _set(["participants", 0, "id"], "Jensen Huang"),
    "id-trailing-dash": _set(["organizations", 0, "id"], "nvidia-"),
    "confidence-above-1": _set(["participants", 0, "confidence"], 1.5),
    "confidence-missing": _delete(["quotes", 0, "confidence"]),
    "date-slashes": _set(["event", "date"], "2024/07/30"),
    "time-seconds": _set(["event", "time"], "06:00:00"),
    "utc-offset-no-sign": _set(["event", "utc_offset"], "08:00"),
    "span-negative": _set(["quotes", 0, "span", "start"], -1),
    "span-missing-text": _delete(["quotes", 0, "span", "text"]),
    "unknown-category": _set(["products", 0, "category"], "robot"),
    "unknown-fact-kind": _set(["quantitative_facts", 0, "kind"], "weight"),
    "unknown-role": _set(["participants", 0, "role"], "speaker"),
    "unknown-script": _set(["document", "script"], "latin"),
    "value-as-string": _set(["quantitative_facts", 0, "value"], "609億"),
    "participants-are-ids": _set(["event", "participants"], [{"id": "x"}]),
    "nullable-field-missing": _delete(["participants", 0, "title"]),
    "event-extra-field": _set(["event", "venue"], "Denver"),
}


@pytest.mark.parametrize("mutate", INVALID.values(), ids=INVALID.keys())
def test_schema_rejects(mutate):
    result = example_result()
    mutate(result)
    assert not Draft202012Validator(RESULT_SCHEMA).is_valid(result)


def test_span_check_catches_a_wrong_slice(assert_valid_result):
    result = example_result()
    result["quotes"][0]["span"]["start"] += 1
    with pytest.raises(AssertionError, match=r"\$\.quotes\[0\]\.span"):
        assert_valid_result(result, EXAMPLE_TEXT)


def test_span_check_walks_nested_spans(assert_valid_result):
    result = example_result()
    result["event"]["mentions"][0]["text"] = "SIGGRAPH 2025"
    with pytest.raises(AssertionError, match=r"\$\.event\.mentions\[0\]"):
        assert_valid_result(result, EXAMPLE_TEXT)


# --- the seed article ------------------------------------------------------------

def test_seed_response_validates(client, assert_valid_result):
    text = SEED_PATH.read_text(encoding="utf-8")
    resp = client.post("/v1/extract", json={"text": text, "id": "000_64c11bc8ba8f458f",
                                            "reference_date": "2024-07-30"})
    assert resp.status_code == 200
    result = resp.get_json()
    assert_valid_result(result, text)
    assert result["document"]["id"] == "000_64c11bc8ba8f458f"
    assert result["document"]["chars"] == len(text)
