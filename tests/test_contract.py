"""The published contract: openapi.yaml, the JSON Schema, and the marshmallow schemas agree."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate_url

from service import schemas

REPO_ROOT = Path(__file__).resolve().parent.parent
OPENAPI_PATH = REPO_ROOT / "openapi.yaml"
SCHEMA_PATH = REPO_ROOT / "schema" / "extraction.schema.json"
SEED_PATH = REPO_ROOT / "seeds" / "000_64c11bc8ba8f458f.txt"
OPENAPI = yaml.safe_load(OPENAPI_PATH.read_text(encoding="utf-8"))
RESULT_SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


def operations():
    for path, item in OPENAPI["paths"].items():
        for method, op in item.items():
            if method in HTTP_METHODS:
                yield path, method, op


def resolve(node: dict, base: Path = OPENAPI_PATH) -> tuple[dict, Path]:
    """Follow $refs (local or relative-file, with JSON-pointer fragments) from a file on disk."""
    while "$ref" in node:
        ref, _, pointer = node["$ref"].partition("#")
        if ref:
            base = (base.parent / ref).resolve()
        node = yaml.safe_load(base.read_text(encoding="utf-8"))  # YAML is a superset of JSON
        for part in filter(None, pointer.split("/")):
            node = node[part.replace("~1", "/").replace("~0", "~")]
    return node, base


# --- openapi.yaml --------------------------------------------------------------

def test_openapi_passes_spec_validator():
    # From the file's URI, so relative $refs into schema/ are resolved (and checked).
    validate_url(OPENAPI_PATH.as_uri())


def test_every_operation_has_unique_operation_id():
    ids = [op.get("operationId") for _, _, op in operations()]
    assert all(ids), "an operation lacks an operationId"
    assert len(ids) == len(set(ids))


def test_every_error_response_is_a_problem():
    for path, method, op in operations():
        errors = {code: r for code, r in op["responses"].items() if code[0] in "45"}
        assert "500" in errors and "405" in errors, f"{method} {path}"
        for code, ref in errors.items():
            response, _ = resolve(ref)
            assert list(response["content"]) == ["application/problem+json"], f"{method} {path} {code}"
            schema_ref = response["content"]["application/problem+json"]["schema"]
            assert schema_ref == {"$ref": "#/components/schemas/Problem"}


def test_extract_documents_its_error_statuses():
    responses = OPENAPI["paths"]["/v1/extract"]["post"]["responses"]
    assert {"400", "405", "413", "415", "422", "500"} <= set(responses)


def test_extract_accepts_json_and_text_plain():
    content = OPENAPI["paths"]["/v1/extract"]["post"]["requestBody"]["content"]
    assert set(content) == {"application/json", "text/plain"}


def test_extract_response_resolves_to_the_json_schema():
    ref = OPENAPI["paths"]["/v1/extract"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    schema, path = resolve(ref)
    assert path == SCHEMA_PATH
    assert schema == RESULT_SCHEMA


@pytest.mark.parametrize("name", sorted(schemas.SCHEMAS_BY_DEF))
def test_component_schemas_point_into_json_schema_defs(name):
    schema, path = resolve(OPENAPI["components"]["schemas"][name])
    assert path == SCHEMA_PATH
    assert schema == RESULT_SCHEMA["$defs"][name]


def test_served_openapi_ref_resolves_on_the_server(client):
    # A client that fetched /openapi.yaml resolves the relative $ref against its URL.
    spec = yaml.safe_load(client.get("/openapi.yaml").data)
    ref = spec["components"]["schemas"]["Result"]["$ref"]
    url = urljoin("http://localhost/openapi.yaml", ref)
    resp = client.get(urlsplit(url).path)
    assert resp.status_code == 200
    assert json.loads(resp.data) == RESULT_SCHEMA


def test_openapi_request_fields_match_request_schema():
    props = OPENAPI["components"]["schemas"]["ExtractRequest"]["properties"]
    assert set(props) == set(schemas.ExtractRequestSchema().fields)


# --- JSON Schema vs marshmallow ------------------------------------------------

def json_fields(schema) -> dict:
    """{wire name: marshmallow field} (data_key where a field renames itself)."""
    return {f.data_key or name: f for name, f in schema().fields.items()}


def accepts_null(prop: dict) -> bool:
    prop = resolve(prop, SCHEMA_PATH)[0] if "$ref" in prop else prop
    types = prop.get("type", [])
    return "null" in types or any(alt.get("type") == "null" for alt in prop.get("anyOf", []))


DEF_SCHEMAS = [("Result", RESULT_SCHEMA, schemas.ResultSchema)] + [
    (name, RESULT_SCHEMA["$defs"][name], cls) for name, cls in schemas.SCHEMAS_BY_DEF.items()]


def test_json_schema_is_valid_2020_12():
    Draft202012Validator.check_schema(RESULT_SCHEMA)
    assert RESULT_SCHEMA["$id"] == "https://zh-news-extract.dev/schema/extraction.schema.json"
    assert RESULT_SCHEMA["properties"]["schema_version"] == {"const": "1.0"}


@pytest.mark.parametrize("name,definition,cls", DEF_SCHEMAS, ids=[d[0] for d in DEF_SCHEMAS])
def test_marshmallow_fields_equal_json_schema_properties(name, definition, cls):
    assert list(json_fields(cls)) == list(definition["properties"])  # same names, same order
    # Strict: every field present, nothing else allowed.
    assert set(definition["required"]) == set(definition["properties"])
    assert definition["additionalProperties"] is False


@pytest.mark.parametrize("name,definition,cls", DEF_SCHEMAS, ids=[d[0] for d in DEF_SCHEMAS])
def test_marshmallow_nullability_matches_json_schema(name, definition, cls):
    for key, field in json_fields(cls).items():
        assert field.allow_none == accepts_null(definition["properties"][key]), f"{name}.{key}"


@pytest.mark.parametrize("def_name,prop,choices", [
    ("Document", "script", schemas.SCRIPTS),
    ("Person", "role", schemas.ROLES),
    ("Product", "category", schemas.CATEGORIES),
    ("Fact", "kind", schemas.FACT_KINDS),
])
def test_enums_match(def_name, prop, choices):
    assert RESULT_SCHEMA["$defs"][def_name]["properties"][prop]["enum"] == list(choices)


# --- a fully populated Result ----------------------------------------------------

EXAMPLE_TEXT = ("台北時間2024年7月30日,黃仁勳在SIGGRAPH 2024上表示:“AI工廠來了。”"
                "輝達營收609億美元。Meta發佈Llama 3.1 405B,支援128k上下文。")


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
            "mentions": [span("輝達")], "confidence": 1,
        }],
        "products": [{
            "id": "llama-3.1", "name": "Llama 3.1", "vendor": "meta", "category": "model",
            "variants": [{"name": "405B", "parameters": 405000000000}],
            "context_window": {"tokens": 128000, "text": "128k"},
            "description": None, "mentions": [span("Llama 3.1")], "confidence": 0.9,
        }],
        "quantitative_facts": [{
            "kind": "money", "value": 60900000000, "approximate": False, "min": None, "max": None,
            "unit": "USD", "text": "609億美元", "span": span("609億美元"), "subject": "輝達營收",
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
