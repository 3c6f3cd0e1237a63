"""The HTTP layer: every endpoint, every error case, and the settings that shape them."""
from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from service import DEFAULT_MAX_BODY_BYTES, __main__ as cli, create_app, pipeline
from service import api, extraction
from service.errors import PROBLEM_TYPE_BASE

REPO_ROOT = Path(__file__).resolve().parent.parent
OPENAPI_PATH = REPO_ROOT / "openapi.yaml"
SCHEMA_PATH = REPO_ROOT / "schema" / "extraction.schema.json"
SEED_PATH = REPO_ROOT / "seeds" / "000_64c11bc8ba8f458f.txt"
OPENAPI = yaml.safe_load(OPENAPI_PATH.read_text(encoding="utf-8"))
# The Problem schema as published, with the components its $refs point into.
PROBLEM_VALIDATOR = Draft202012Validator(
    {"$ref": "#/components/schemas/Problem", "components": OPENAPI["components"]})
ARTICLE = "在台北時間2024年7月30日早上6點,黃仁勳與扎克伯格在SIGGRAPH上對談。"
SMALL_LIMIT = 1024


def assert_problem(resp, status: int, slug: str, path: str = "/v1/extract") -> dict:
    assert resp.status_code == status
    assert resp.mimetype == "application/problem+json"
    body = resp.get_json(force=True)
    PROBLEM_VALIDATOR.validate(body)
    assert body["type"] == PROBLEM_TYPE_BASE + slug
    assert body["status"] == status
    assert body["instance"] == path
    return body


def field_errors(body: dict) -> set[str]:
    return {e["field"] for e in body.get("errors", [])}


def post_json(client, payload, **kw):
    return client.post("/v1/extract", data=json.dumps(payload, ensure_ascii=False).encode(),
                       content_type="application/json", **kw)


def post_text(client, text: str, query: str = "", content_type="text/plain; charset=utf-8"):
    return client.post("/v1/extract" + query, data=text.encode(), content_type=content_type)


class SpyPipeline:
    """Records what the API passes to the pipeline, then delegates to the real one."""

    def __init__(self):
        self.calls = []
        self.real = pipeline.get_pipeline()

    def extract(self, text, *, doc_id=None, reference_date=None, deadline=None):
        self.calls.append((text, doc_id, reference_date))
        return self.real.extract(text, doc_id=doc_id, reference_date=reference_date,
                                 deadline=deadline)


def use_pipeline(monkeypatch, app, replacement) -> None:
    """Give the app another pipeline, where its views find it (app.extensions)."""
    monkeypatch.setitem(app.extensions, api.PIPELINE_EXTENSION, replacement)


@pytest.fixture
def spy(monkeypatch, app):
    spy = SpyPipeline()
    use_pipeline(monkeypatch, app, spy)
    # and in the apps make_app builds from now on
    monkeypatch.setattr(extraction, "get_pipeline", lambda: spy)
    return spy


# --- operations endpoints ------------------------------------------------------

def test_healthz(client):
    resp = client.get("/healthz")
    assert resp.status_code == 200
    assert resp.mimetype == "application/json"
    assert resp.get_json() == {"status": "ok"}


def test_readyz_when_ready(client):
    resp = client.get("/readyz")
    assert resp.status_code == 200
    assert resp.get_json() == {"status": "ready"}


def test_readyz_503_problem_when_not_ready(app, client, monkeypatch):
    monkeypatch.delitem(app.extensions, api.PIPELINE_EXTENSION)
    assert_problem(client.get("/readyz"), 503, "not-ready", "/readyz")


def test_create_app_loads_pipeline(monkeypatch):
    from service.once import Once
    monkeypatch.setattr(pipeline, "get_pipeline", Once(pipeline.Pipeline))
    assert not pipeline.is_ready()
    app = create_app({"TESTING": True})
    assert pipeline.is_ready()
    # The app holds the loaded pipeline; its views use that one.
    assert app.extensions[api.PIPELINE_EXTENSION] is pipeline.get_pipeline()


# --- contract files ------------------------------------------------------------

def test_openapi_yaml_served(client):
    # The bundle (the JSON Schema inlined): tests/test_contract.py checks its content.
    resp = client.get("/openapi.yaml")
    assert resp.status_code == 200
    assert resp.mimetype == "application/yaml"
    spec = yaml.safe_load(resp.data)
    assert spec["openapi"].startswith("3.1")
    assert spec["paths"].keys() == OPENAPI["paths"].keys()


def test_openapi_json_served(client):
    resp = client.get("/openapi.json")
    assert resp.status_code == 200
    assert resp.mimetype == "application/json"
    assert json.loads(resp.data) == yaml.safe_load(client.get("/openapi.yaml").data)


@pytest.mark.parametrize("path", ["/v1/schema", "/schema/extraction.schema.json"])
def test_schema_served(client, path):
    resp = client.get(path)
    assert resp.status_code == 200
    assert resp.mimetype == "application/schema+json"
    assert json.loads(resp.data) == json.loads(SCHEMA_PATH.read_bytes())


# --- extraction: success -------------------------------------------------------

def test_extract_json(client, spy, assert_valid_result):
    resp = post_json(client, {"text": ARTICLE, "id": "a-1", "reference_date": "2024-07-30"})
    assert resp.status_code == 200
    assert resp.mimetype == "application/json"
    result = resp.get_json()
    assert_valid_result(result, ARTICLE)
    assert result["document"] == {**result["document"], "id": "a-1", "chars": len(ARTICLE)}
    assert spy.calls == [(ARTICLE, "a-1", dt.date(2024, 7, 30))]


def test_extract_text_plain_with_query_fields(client, spy, assert_valid_result):
    resp = post_text(client, ARTICLE, "?id=a-2&reference_date=2024-07-30")
    assert resp.status_code == 200
    result = resp.get_json()
    assert_valid_result(result, ARTICLE)
    assert result["document"]["id"] == "a-2"
    assert spy.calls == [(ARTICLE, "a-2", dt.date(2024, 7, 30))]


def test_text_plain_without_charset_is_utf8(client, spy):
    resp = post_text(client, ARTICLE, content_type="text/plain")
    assert resp.status_code == 200
    assert spy.calls == [(ARTICLE, None, None)]


def test_text_plain_body_kept_verbatim(client, spy, assert_valid_result):
    # Leading/trailing whitespace, CRLF and a BOM are part of the text: offsets count them.
    text = "\ufeff  黃仁勳表示:\r\n“AI工廠”。\n\n"
    resp = post_text(client, text)
    assert resp.status_code == 200
    assert spy.calls[0][0] == text
    assert_valid_result(resp.get_json(), text)


def test_json_with_utf8_charset_and_bom(client, spy):
    body = "\ufeff" + json.dumps({"text": ARTICLE}, ensure_ascii=False)
    resp = client.post("/v1/extract", data=body.encode(),
                       content_type="application/json; charset=UTF-8")
    assert resp.status_code == 200
    assert spy.calls == [(ARTICLE, None, None)]


def test_json_ignores_query_fields(client, spy):
    resp = post_json(client, {"text": ARTICLE}, query_string={"id": "from-query"})
    assert resp.status_code == 200
    assert spy.calls == [(ARTICLE, None, None)]


def test_unknown_json_fields_ignored(client, spy):
    resp = post_json(client, {"text": ARTICLE, "lang": "zh-Hant", "extra": {"x": 1}})
    assert resp.status_code == 200
    assert "lang" not in resp.get_json() and "extra" not in resp.get_json()
    assert spy.calls == [(ARTICLE, None, None)]


def test_null_optional_fields_mean_absent(client, spy):
    resp = post_json(client, {"text": ARTICLE, "id": None, "reference_date": None})
    assert resp.status_code == 200
    assert resp.get_json()["document"]["id"] is None
    assert spy.calls == [(ARTICLE, None, None)]


def test_id_of_256_chars_accepted(client):
    resp = post_json(client, {"text": ARTICLE, "id": "文" * 256})
    assert resp.status_code == 200
    assert resp.get_json()["document"]["id"] == "文" * 256


@pytest.mark.parametrize("content_type", ["application/json", "text/plain"])
def test_unicode_round_trip(client, content_type, assert_valid_result):
    # Traditional, Simplified, full-width, an astral emoji, a combining mark.
    text = "輝達与英伟达：ＡＩ工廠🤖，café\u0301。"
    doc_id = "文章-🤖-é"
    if content_type == "application/json":
        resp = post_json(client, {"text": text, "id": doc_id})
    else:
        resp = post_text(client, text, f"?id={doc_id}")
    assert resp.status_code == 200
    # ensure_ascii=False: characters travel as UTF-8, not as \u escapes.
    assert doc_id.encode() in resp.data
    result = json.loads(resp.data.decode("utf-8"))
    assert result["document"]["id"] == doc_id
    assert result["document"]["chars"] == len(text)  # code points, the emoji counts once
    assert_valid_result(result, text)


def test_seed_article_via_text_plain(client, assert_valid_result):
    text = SEED_PATH.read_text(encoding="utf-8")
    resp = post_text(client, text, "?reference_date=2024-07-30")
    assert resp.status_code == 200
    assert_valid_result(resp.get_json(), text)


# --- extraction: errors --------------------------------------------------------

def test_malformed_json_400(client):
    resp = client.post("/v1/extract", data=b'{"text": "a",', content_type="application/json")
    body = assert_problem(resp, 400, "invalid-json")
    assert "line 1" in body["detail"]


def test_empty_json_body_400(client):
    assert_problem(client.post("/v1/extract", data=b"", content_type="application/json"),
                   400, "invalid-json")


def test_deeply_nested_json_400(client):
    resp = client.post("/v1/extract", data=b"[" * 100_000, content_type="application/json")
    assert_problem(resp, 400, "invalid-json")


@pytest.mark.parametrize("payload", [[{"text": ARTICLE}], "text", 42, None, True],
                         ids=["array", "string", "number", "null", "bool"])
def test_json_not_an_object_422(client, payload):
    body = assert_problem(post_json(client, payload), 422, "validation-error")
    assert field_errors(body) == {"$"}


@pytest.mark.parametrize("content_type", ["application/json", "text/plain; charset=utf-8"])
def test_invalid_utf8_400(client, content_type):
    data = b'{"text": "\xe9\xbb"}' if content_type == "application/json" else b"ok \xff\xfe"
    body = assert_problem(client.post("/v1/extract", data=data, content_type=content_type),
                          400, "invalid-encoding")
    assert "UTF-8" in body["detail"]


@pytest.mark.parametrize("content_type", [
    "text/html", "application/x-www-form-urlencoded", "application/xml",
    "text/plain; charset=big5", "application/json; charset=latin-1",
])
def test_unsupported_content_type_415(client, content_type):
    resp = client.post("/v1/extract", data=ARTICLE.encode(), content_type=content_type)
    assert_problem(resp, 415, "unsupported-media-type")


def test_missing_content_type_415(client):
    resp = client.post("/v1/extract", data=ARTICLE.encode())
    assert "Content-Type" not in resp.request.headers
    assert_problem(resp, 415, "unsupported-media-type")


@pytest.mark.parametrize("payload", [
    {}, {"id": "x"}, {"text": None}, {"text": 123}, {"text": ["a"]}, {"text": {"a": 1}},
    {"text": ""}, {"text": "  \n\t"}, {"text": "\u3000\u3000"},  # ideographic spaces
    {"text": "\ud800 lone surrogate"},
], ids=["empty-object", "no-text", "null", "number", "list", "object", "empty", "whitespace",
        "ideographic-space", "lone-surrogate"])
def test_bad_text_422(client, payload):
    # json.dumps writes the lone surrogate as the escape \ud800, as a client would.
    resp = client.post("/v1/extract", data=json.dumps(payload).encode(),
                       content_type="application/json")
    body = assert_problem(resp, 422, "validation-error")
    assert field_errors(body) == {"text"}


@pytest.mark.parametrize("text", ["", " \r\n "])
def test_blank_text_plain_422(client, text):
    body = assert_problem(post_text(client, text), 422, "validation-error")
    assert field_errors(body) == {"text"}


@pytest.mark.parametrize("doc_id", ["x" * 257, 42, ["a"]], ids=["too-long", "number", "list"])
def test_bad_id_422(client, doc_id):
    body = assert_problem(post_json(client, {"text": ARTICLE, "id": doc_id}), 422, "validation-error")
    assert field_errors(body) == {"id"}


def test_id_too_long_in_query_422(client):
    body = assert_problem(post_text(client, ARTICLE, "?id=" + "x" * 257), 422, "validation-error")
    assert field_errors(body) == {"id"}


@pytest.mark.parametrize("value", ["2024-02-30", "2024/07/30", "20240730", "2024-7-30",
                                   "2024-W31-2", "２０２４-07-30", "yesterday", 20240730])
def test_bad_reference_date_422(client, value):
    body = assert_problem(post_json(client, {"text": ARTICLE, "reference_date": value}),
                          422, "validation-error")
    assert field_errors(body) == {"reference_date"}


def test_bad_reference_date_in_query_422(client):
    body = assert_problem(post_text(client, ARTICLE, "?reference_date=2024-13-01"),
                          422, "validation-error")
    assert field_errors(body) == {"reference_date"}


def test_several_bad_fields_all_named(client):
    body = assert_problem(post_json(client, {"text": " ", "id": "x" * 300, "reference_date": "no"}),
                          422, "validation-error")
    assert field_errors(body) == {"text", "id", "reference_date"}


# --- body size -----------------------------------------------------------------

def test_default_body_limit_is_2_mib(app):
    assert app.config["MAX_CONTENT_LENGTH"] == DEFAULT_MAX_BODY_BYTES == 2 * 1024 * 1024


def test_body_over_limit_413(make_app):
    client = make_app(MAX_CONTENT_LENGTH=SMALL_LIMIT).test_client()
    resp = post_text(client, "字" * SMALL_LIMIT)  # 3 bytes each in UTF-8
    body = assert_problem(resp, 413, "content-too-large")
    assert f"{SMALL_LIMIT} bytes" in body["detail"]


def test_body_at_limit_accepted(make_app):
    client = make_app(MAX_CONTENT_LENGTH=SMALL_LIMIT).test_client()
    assert post_text(client, "a" * SMALL_LIMIT).status_code == 200


def post_unsized(client, body: bytes):
    """POST with no Content-Length and the stream marked terminated, as a WSGI server
    presents a Transfer-Encoding: chunked request."""
    environ = EnvironBuilder(path="/v1/extract", method="POST", data=body,
                             content_type="text/plain").get_environ()
    del environ["CONTENT_LENGTH"]
    environ["wsgi.input_terminated"] = True
    # A Request, not the environ dict: from a dict the client recomputes Content-Length.
    resp = client.open(Request(environ))
    assert "CONTENT_LENGTH" not in resp.request.environ
    return resp


@pytest.mark.parametrize("size", [SMALL_LIMIT + 1, SMALL_LIMIT * 4])
def test_chunked_body_over_limit_413(make_app, spy, size):
    # Regression: werkzeug's limited stream stops at the limit without raising, so
    # get_data() handed the pipeline a silently truncated article.
    client = make_app(MAX_CONTENT_LENGTH=SMALL_LIMIT).test_client()
    assert_problem(post_unsized(client, b"a" * size), 413, "content-too-large")
    assert spy.calls == []


@pytest.mark.parametrize("size", [1, SMALL_LIMIT])
def test_chunked_body_up_to_limit_accepted(make_app, spy, size):
    client = make_app(MAX_CONTENT_LENGTH=SMALL_LIMIT).test_client()
    resp = post_unsized(client, b"a" * size)
    assert resp.status_code == 200
    assert spy.calls == [("a" * size, None, None)]


def test_body_limit_from_env(monkeypatch):
    monkeypatch.setenv("ZNE_MAX_BODY_BYTES", "4096")
    assert create_app({"TESTING": True}).config["MAX_CONTENT_LENGTH"] == 4096


def test_test_config_overrides_env(monkeypatch):
    monkeypatch.setenv("ZNE_MAX_BODY_BYTES", "4096")
    app = create_app({"TESTING": True, "MAX_CONTENT_LENGTH": 100})
    assert app.config["MAX_CONTENT_LENGTH"] == 100


@pytest.mark.parametrize("value", ["0", "-1", "2MiB"])
def test_bad_body_limit_env_rejected(monkeypatch, value):
    monkeypatch.setenv("ZNE_MAX_BODY_BYTES", value)
    with pytest.raises(ValueError, match="ZNE_MAX_BODY_BYTES"):
        create_app({"TESTING": True})


def test_empty_body_limit_env_means_default(monkeypatch):
    monkeypatch.setenv("ZNE_MAX_BODY_BYTES", "")
    assert create_app({"TESTING": True}).config["MAX_CONTENT_LENGTH"] == DEFAULT_MAX_BODY_BYTES


# --- routing errors ------------------------------------------------------------

# "/" is the page (tests/test_page.py); /static/ is not served at all.
@pytest.mark.parametrize("path", ["/index.html", "/v1/extractx", "/v2/extract", "/static/x.css",
                                  "/static/index.html"])
def test_unknown_path_404(client, path):
    assert_problem(client.get(path), 404, "not-found", path)


@pytest.mark.parametrize("method,path,allowed", [
    ("get", "/v1/extract", {"POST"}),
    ("put", "/v1/extract", {"POST"}),
    ("post", "/healthz", {"GET"}),
    ("delete", "/readyz", {"GET"}),
    ("post", "/openapi.yaml", {"GET"}),
    ("post", "/openapi.json", {"GET"}),
    ("post", "/v1/schema", {"GET"}),
])
def test_wrong_method_405_with_allow(client, method, path, allowed):
    resp = getattr(client, method)(path)
    assert_problem(resp, 405, "method-not-allowed", path)
    assert allowed <= {m.strip() for m in resp.headers["Allow"].split(",")}


# --- unexpected failures ------------------------------------------------------

class BrokenPipeline:
    def extract(self, text, **kw):
        raise RuntimeError("secret internal state /srv/kb.yaml")


def test_unexpected_exception_500(make_app, monkeypatch, caplog):
    app = make_app(PROPAGATE_EXCEPTIONS=False)
    client = app.test_client()
    use_pipeline(monkeypatch, app, BrokenPipeline())
    with caplog.at_level(logging.ERROR):
        resp = post_json(client, {"text": ARTICLE})
    body = assert_problem(resp, 500, "internal-error")
    raw = resp.get_data(as_text=True)
    assert "secret" not in raw and "Traceback" not in raw and "RuntimeError" not in raw
    assert "logged" in body["detail"]
    # The traceback goes to the log instead.
    assert any(r.exc_info and "secret internal state" in str(r.exc_info[1]) for r in caplog.records)


def test_an_extractor_that_raises_is_a_500_problem_and_the_service_keeps_serving(
        make_app, monkeypatch, caplog, assert_valid_result):
    """One component of the real pipeline fails (a bug met on one text): that request gets
    an RFC 9457 problem with no trace of the failure, in JSON and in text, and the next
    requests to the same app are served as before."""
    app = make_app(PROPAGATE_EXCEPTIONS=False)
    client = app.test_client()
    p = pipeline.get_pipeline()
    use_pipeline(monkeypatch, app, p)
    at = next(i for i, c in enumerate(p.components) if c.name == "people")
    people = p.components[at]

    def failing(doc):
        if "澄石" in doc.text:
            raise KeyError("secret internal state /srv/kb.yaml")
        return people(doc)
    failing.name, failing.reads, failing.writes = people.name, people.reads, people.writes
    failing.extends = getattr(people, "extends", ())
    monkeypatch.setattr(p, "components", [*p.components[:at], failing, *p.components[at + 1:]])
    before = post_json(client, {"text": ARTICLE}).get_json()
    with caplog.at_level(logging.ERROR):
        for resp in (post_json(client, {"text": "澄石科技執行長王嘉禾表示，營收成長35%。"}),
                     post_text(client, "澄石科技執行長王嘉禾表示。")):
            body = assert_problem(resp, 500, "internal-error")
            raw = resp.get_data(as_text=True)
            assert "secret" not in raw and "Traceback" not in raw and "KeyError" not in raw
            assert "logged" in body["detail"]
    assert any(r.exc_info and "secret internal state" in str(r.exc_info[1]) for r in caplog.records)
    after = post_json(client, {"text": ARTICLE})
    assert after.status_code == 200 and after.get_json() == before
    assert_valid_result(after.get_json(), ARTICLE)
    assert client.get("/healthz").status_code == 200


def test_non_finite_number_from_pipeline_is_500_not_invalid_json(make_app, monkeypatch):
    class NaNPipeline:
        def extract(self, text, doc_id=None, reference_date=None, deadline=None):
            result = pipeline.Pipeline().extract(text, doc_id=doc_id)
            result["quantitative_facts"] = [{
                "kind": "money", "value": float("nan"), "approximate": False, "min": None,
                "max": None, "unit": "USD", "counted": None, "text": "x", "span": {"start": 0, "end": 1, "text": "x"},
                "subject": None, "entity": None, "sentence": {"start": 0, "end": 1, "text": "x"},
                "confidence": 0.5}]
            return result
    app = make_app(PROPAGATE_EXCEPTIONS=False)
    client = app.test_client()
    use_pipeline(monkeypatch, app, NaNPipeline())
    assert_problem(post_json(client, {"text": "x"}), 500, "internal-error")


# --- python -m service ---------------------------------------------------------

def test_cli_defaults():
    args = cli.parse_args([], environ={})
    assert (args.host, args.port, args.max_body_bytes) == ("127.0.0.1", 8000, None)


def test_cli_env_then_flags():
    env = {"ZNE_HOST": "0.0.0.0", "ZNE_PORT": "9000", "ZNE_MAX_BODY_BYTES": "4096"}
    args = cli.parse_args([], environ=env)
    assert (args.host, args.port, args.max_body_bytes) == ("0.0.0.0", 9000, 4096)
    args = cli.parse_args(["--host", "::1", "--port", "9001", "--max-body-bytes", "10"], environ=env)
    assert (args.host, args.port, args.max_body_bytes) == ("::1", 9001, 10)


@pytest.mark.parametrize("argv,env", [(["--port", "x"], {}), ([], {"ZNE_PORT": "0"}),
                                      (["--max-body-bytes", "-5"], {})])
def test_cli_rejects_bad_numbers(argv, env, capsys):
    with pytest.raises(SystemExit):
        cli.parse_args(argv, environ=env)
    assert "positive integer" in capsys.readouterr().err
