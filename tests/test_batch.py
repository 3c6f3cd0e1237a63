"""POST /v1/extract/batch: results in order, per-document problems in place, limits."""
from __future__ import annotations

import json
import time
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


# --- chunks: the batch runs stage by stage (Pipeline.extract_many) --------------

ARTICLES = [p.read_text(encoding="utf-8")
            for p in sorted((REPO_ROOT / "fixtures" / "articles").glob("*.txt"))]


def spy_on_chunks(monkeypatch, p) -> list[int]:
    """Record the size of every chunk the pipeline's extract_many is given."""
    sizes: list[int] = []
    real = p.extract_many

    def extract_many(documents):
        sizes.append(len(documents))
        return real(documents)

    monkeypatch.setattr(p, "extract_many", extract_many)
    return sizes


def wrap_components(monkeypatch, p, act) -> None:
    """Run act(doc) before the pipeline's first component on every document."""
    first, *rest = p.components

    def run(doc):
        act(doc)
        return first(doc)
    run.name, run.reads, run.writes = first.name, first.reads, first.writes
    run.extends = getattr(first, "extends", ())
    monkeypatch.setattr(p, "components", [run, *rest])


def test_chunks_give_each_document_its_single_result_in_order(client, monkeypatch):
    chunks = spy_on_chunks(monkeypatch, pipeline.get_pipeline())
    docs = [{"id": f"a{i}", "text": text, "reference_date": "2024-07-30" if i % 3 else None}
            for i, text in enumerate(ARTICLES[:20])]
    docs.insert(5, {"text": " ", "id": "blank"})     # an invalid one between chunked ones
    results = post(client, {"documents": docs}).get_json()["results"]
    assert len(results) == len(docs)
    assert max(chunks) > 1                          # several documents ran stage by stage
    for doc, result in zip(docs, results):
        if doc["id"] == "blank":
            assert_problem(result, 422, "validation-error")
            continue
        assert result["document"]["id"] == doc["id"]
        assert result == client.post("/v1/extract", json=doc).get_json(), doc["id"]


def test_a_failing_document_in_a_chunk_is_a_500_in_place(client, monkeypatch, caplog):
    p = pipeline.get_pipeline()
    chunks = spy_on_chunks(monkeypatch, p)

    def fail_on_boom(doc):
        if "BOOM" in doc.text:
            raise RuntimeError("secret internal state")

    wrap_components(monkeypatch, p, fail_on_boom)
    docs = [{"id": f"a{i}", "text": text} for i, text in enumerate(ARTICLES[:6])]
    docs.insert(3, {"id": "boom", "text": "BOOM " + SHORT})
    results = post(client, {"documents": docs}).get_json()["results"]
    assert max(chunks) > 1                          # the failure was met in a chunk
    for i, (doc, result) in enumerate(zip(docs, results)):
        if doc["id"] == "boom":
            assert_problem(result, 500, "internal-error")
            assert "secret" not in json.dumps(result)
            assert any(f"documents[{i}]" in r.getMessage() and r.exc_info for r in caplog.records)
        else:
            assert result == client.post("/v1/extract", json=doc).get_json(), doc["id"]


def test_a_chunk_started_within_the_budget_keeps_its_results(make_app, monkeypatch):
    # The first document, timed alone, is quick, so the next chunk holds many; one
    # of them is slow and ends that chunk after the budget. Its documents keep their
    # Results, the documents after it get the 503 in place, the invalid one its 422.
    client = make_app(TIME_BUDGET_SECONDS=0.5).test_client()
    p = pipeline.get_pipeline()
    chunks = spy_on_chunks(monkeypatch, p)
    wrap_components(monkeypatch, p, lambda doc: time.sleep(0.8) if "SLOW" in doc.text else None)
    docs = [{"id": str(i), "text": SHORT} for i in range(40)]
    docs[2]["text"] = "SLOW " + SHORT
    docs[30] = {"text": " "}
    started = time.monotonic()
    results = post(client, {"documents": docs}).get_json()["results"]
    elapsed = time.monotonic() - started
    statuses = [r.get("status", 200) for r in results]
    done = chunks[0] + 1                            # the first alone, then the slow chunk
    assert 2 < done < 30 and chunks[1:] == []
    assert statuses == [200] * done + [503] * (30 - done) + [422] + [503] * 9
    for r in results[done:30] + results[31:]:
        assert_problem(r, 503, "time-budget-exceeded")
    assert elapsed < 0.8 + 2.0                      # one chunk past the budget, not the rest


def test_pace_keeps_chunks_small_when_documents_are_slow(make_app, monkeypatch):
    # Every document takes 0.1 s: chunks are sized to half the budget left at that
    # pace, so the batch ends soon after its budget and later documents get the 503.
    client = make_app(TIME_BUDGET_SECONDS=1.0).test_client()
    p = pipeline.get_pipeline()
    chunks = spy_on_chunks(monkeypatch, p)
    wrap_components(monkeypatch, p, lambda doc: time.sleep(0.1))
    started = time.monotonic()
    results = post(client, {"documents": [{"text": SHORT}] * 30}).get_json()["results"]
    elapsed = time.monotonic() - started
    statuses = [r.get("status", 200) for r in results]
    done = statuses.count(200)
    assert statuses == [200] * done + [503] * (30 - done)
    assert 2 < done < 16 and chunks and max(chunks) <= 5
    assert elapsed < 1.0 + 0.8


def test_response_limit_inside_a_chunk(make_app, monkeypatch):
    docs = [{"id": f"a{i}", "text": text} for i, text in enumerate(ARTICLES[:10])]
    docs.insert(8, {"text": 5})                     # invalid, but after the limit: 413
    sizes = [len(json.dumps(post(make_app().test_client(), {"documents": [d]}).get_json()
                            ["results"][0], ensure_ascii=False, separators=(",", ":")).encode())
             for d in docs[:6]]
    # Between the Results of the first five and of the first six: the sixth still
    # fits (the limit is checked before each document), the seventh and on do not.
    limit = sum(sizes[:5]) + sizes[5] // 2
    client = make_app(MAX_BATCH_RESPONSE_BYTES=limit).test_client()
    chunks = spy_on_chunks(monkeypatch, pipeline.get_pipeline())
    results = post(client, {"documents": docs}).get_json()["results"]
    assert max(chunks) > 1
    for i, result in enumerate(results[:6]):
        assert result["document"]["id"] == f"a{i}"
    for i, result in enumerate(results[6:], start=6):
        assert_problem(result, 413, "batch-response-too-large")
        assert f"documents[{i}]" in result["detail"]
