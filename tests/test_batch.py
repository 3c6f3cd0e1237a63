"""POST /v1/extract/batch: results in order, per-document problems in place, limits."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from service import DEFAULT_MAX_BATCH_DOCS, create_app, extract, pipeline
from service import api
from service.errors import PROBLEM_TYPE_BASE

REPO_ROOT = Path(__file__).resolve().parent.parent
OPENAPI = yaml.safe_load((REPO_ROOT / "openapi.yaml").read_text(encoding="utf-8"))
PROBLEM_VALIDATOR = Draft202012Validator(
    {"$ref": "#/components/schemas/Problem", "components": OPENAPI["components"]})
SEED = (REPO_ROOT / "seeds" / "000_64c11bc8ba8f458f.txt").read_text(encoding="utf-8")
BATCH = "/v1/extract/batch"
SHORT = "輝達執行長黃仁勳表示看好。"


def post(client, payload, **kw):
    return client.post(BATCH, data=json.dumps(payload, ensure_ascii=False).encode(),
                       content_type="application/json", **kw)


def assert_problem(body: dict, status: int, slug: str) -> dict:
    PROBLEM_VALIDATOR.validate(body)
    assert body["type"] == PROBLEM_TYPE_BASE + slug
    assert body["status"] == status
    return body


def test_results_in_order_each_equal_to_a_single_extraction(client, assert_valid_result):
    docs = [{"id": "seed", "text": SEED, "reference_date": "2024-07-30"},
            {"id": "short", "text": SHORT},
            {"text": "ＡＢＣ 與 輝達", "id": None, "reference_date": None, "extra": 1}]
    resp = post(client, {"documents": docs, "unknown": True})
    assert resp.status_code == 200 and resp.mimetype == "application/json"
    results = resp.get_json()["results"]
    assert len(results) == 3
    for doc, result in zip(docs, results):
        assert_valid_result(result, doc["text"])
        single = client.post("/v1/extract", json={k: v for k, v in doc.items() if k != "extra"})
        assert result == single.get_json()


def test_bad_documents_are_problems_in_place(client, assert_valid_result):
    docs = [{"text": SHORT, "id": "ok-1"}, {"text": "  "}, None, "just a string",
            {"text": SHORT, "reference_date": "2024-13-01"}, {"id": "x" * 257, "text": 5},
            {"text": SHORT, "id": "ok-2"}]
    resp = post(client, {"documents": docs})
    assert resp.status_code == 200
    results = resp.get_json()["results"]
    assert len(results) == len(docs)
    assert_valid_result(results[0], SHORT)
    assert_valid_result(results[-1], SHORT)
    assert results[-1]["document"]["id"] == "ok-2"
    expected_fields = [{"text"}, {"$"}, {"$"}, {"reference_date"}, {"id", "text"}]
    for i, (result, fields) in enumerate(zip(results[1:-1], expected_fields), start=1):
        body = assert_problem(result, 422, "validation-error")
        assert {e["field"] for e in body["errors"]} == fields
        assert body["detail"].startswith(f"documents[{i}] has invalid fields")
        assert body["instance"] == BATCH


def test_a_failing_document_is_a_500_in_place(app, client, monkeypatch, caplog):
    real = pipeline.get_pipeline()

    class FailsOnBoom:
        components = []

        def extract(self, text, **kw):
            if "BOOM" in text:
                raise RuntimeError("secret internal state")
            return real.extract(text, **kw)

    monkeypatch.setitem(app.extensions, api.PIPELINE_EXTENSION, FailsOnBoom())
    resp = post(client, {"documents": [{"text": SHORT}, {"text": "BOOM", "id": "b"}, {"text": SHORT}]})
    assert resp.status_code == 200
    first, failed, last = resp.get_json()["results"]
    assert first["schema_version"] == last["schema_version"] == "1.0"
    assert_problem(failed, 500, "internal-error")
    assert "secret" not in json.dumps(failed)
    assert any("documents[1]" in r.getMessage() and r.exc_info for r in caplog.records)


def test_empty_batch_is_empty_results(client):
    resp = post(client, {"documents": []})
    assert resp.status_code == 200
    assert resp.get_json() == {"results": []}


@pytest.mark.parametrize("payload,field", [
    ({}, "documents"), ({"documents": "text"}, "documents"), ({"documents": {"text": "a"}}, "documents"),
    ({"documents": None}, "documents"), ([{"text": "a"}], "$"), ("text", "$"),
])
def test_bad_envelope_422(client, payload, field):
    resp = post(client, payload)
    assert resp.status_code == 422 and resp.mimetype == "application/problem+json"
    body = assert_problem(resp.get_json(), 422, "validation-error")
    assert {e["field"] for e in body["errors"]} == {field}


def test_default_document_limit(client):
    assert DEFAULT_MAX_BATCH_DOCS == 100
    at_limit = post(client, {"documents": [{"text": "a"}] * DEFAULT_MAX_BATCH_DOCS})
    assert at_limit.status_code == 200
    assert len(at_limit.get_json()["results"]) == DEFAULT_MAX_BATCH_DOCS
    over = post(client, {"documents": [{"text": "a"}] * (DEFAULT_MAX_BATCH_DOCS + 1)})
    body = assert_problem(over.get_json(), 422, "validation-error")
    assert over.status_code == 422
    assert body["errors"][0]["field"] == "documents"
    assert "At most 100 documents" in body["errors"][0]["message"]


def test_document_limit_from_env_and_config(monkeypatch):
    monkeypatch.setenv("ZNE_MAX_BATCH_DOCS", "2")
    client = create_app({"TESTING": True}).test_client()
    assert post(client, {"documents": [{"text": "a"}] * 2}).status_code == 200
    assert post(client, {"documents": [{"text": "a"}] * 3}).status_code == 422
    client = create_app({"TESTING": True, "MAX_BATCH_DOCS": 5}).test_client()
    assert post(client, {"documents": [{"text": "a"}] * 5}).status_code == 200


@pytest.mark.parametrize("value", ["0", "-3", "many"])
def test_bad_document_limit_env_rejected(monkeypatch, value):
    monkeypatch.setenv("ZNE_MAX_BATCH_DOCS", value)
    with pytest.raises(ValueError, match="ZNE_MAX_BATCH_DOCS"):
        create_app({"TESTING": True})


def test_total_size_limit_413(make_app):
    client = make_app(MAX_CONTENT_LENGTH=4096).test_client()
    resp = post(client, {"documents": [{"text": "字" * 500}] * 3})  # ~4.5 KB of UTF-8
    assert resp.status_code == 413 and resp.mimetype == "application/problem+json"
    body = assert_problem(resp.get_json(), 413, "content-too-large")
    assert "4096 bytes" in body["detail"]


def test_text_plain_is_415(client):
    resp = client.post(BATCH, data=SHORT.encode(), content_type="text/plain; charset=utf-8")
    assert resp.status_code == 415
    assert_problem(resp.get_json(force=True), 415, "unsupported-media-type")


def test_malformed_json_400(client):
    resp = client.post(BATCH, data=b'{"documents": [', content_type="application/json")
    assert resp.status_code == 400
    assert_problem(resp.get_json(force=True), 400, "invalid-json")


def test_get_is_405(client):
    resp = client.get(BATCH)
    assert resp.status_code == 405
    assert "POST" in resp.headers["Allow"]


def test_python_api_agrees_with_batch(client):
    result = post(client, {"documents": [{"text": SHORT, "id": "p"}]}).get_json()["results"][0]
    assert result == extract(SHORT, doc_id="p")
