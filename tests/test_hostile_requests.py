"""Broken and hostile requests: each answered with a clear application/problem+json,
never a 500, a traceback or an HTML page. And the limits an operator sets.

tests/test_api.py already covers the ordinary bad requests (malformed JSON, JSON
that is not an object, `text` missing/null/a number/a list/an object/blank, an
unknown field ignored, `id` too long, plain invalid UTF-8, a UTF-8 BOM, an
unsupported charset, no Content-Type, a body over the limit, wrong method,
unknown path); this file adds the harder variants of each and what they lacked.
tests/test_gunicorn.py does the same through the production server's sockets.
"""
from __future__ import annotations

import io
import json
import threading
import time
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from werkzeug.serving import make_server
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from service import (DEFAULT_MAX_TEXT_CHARS, DEFAULT_TIME_BUDGET_SECONDS, create_app,
                     extraction, pipeline)
from service import api
from service.errors import PROBLEM_TYPE_BASE

from rawhttp import stream_chunked_upload

OPENAPI_PATH = Path(__file__).resolve().parent.parent / "openapi.yaml"
OPENAPI = yaml.safe_load(OPENAPI_PATH.read_text(encoding="utf-8"))
PROBLEM_VALIDATOR = Draft202012Validator(
    {"$ref": "#/components/schemas/Problem", "components": OPENAPI["components"]})
ARTICLE = "在台北時間2024年7月30日早上6點,黃仁勳與扎克伯格在SIGGRAPH上對談。"
SMALL_LIMIT = 4096
EXTRACT, BATCH = "/v1/extract", "/v1/extract/batch"


def assert_problem(resp, status: int, slug: str) -> dict:
    assert resp.status_code == status, resp.get_data(as_text=True)[:300]
    assert resp.mimetype == "application/problem+json"
    body = json.loads(resp.get_data())
    PROBLEM_VALIDATOR.validate(body)
    assert body["type"] == PROBLEM_TYPE_BASE + slug
    assert body["status"] == status
    assert "Traceback" not in body["detail"]
    return body


def field_errors(body: dict) -> set[str]:
    return {e["field"] for e in body.get("errors", [])}


def post_json(client, payload, path=EXTRACT, **kw):
    return client.post(path, data=json.dumps(payload, ensure_ascii=False).encode(),
                       content_type="application/json", **kw)


def send_environ(client, body_stream, content_type="text/plain; charset=utf-8",
                 content_length: str | None = None, terminated=False, path=EXTRACT):
    """POST with a hand-made wsgi.input, Content-Length as given (None: no header).

    terminated=True marks the stream as the server framing the body (gunicorn, and
    werkzeug's server for chunked requests): the app then reads to its end.
    """
    environ = EnvironBuilder(path=path, method="POST", data=b"",
                             content_type=content_type).get_environ()
    environ.pop("CONTENT_LENGTH", None)
    if content_length is not None:
        environ["CONTENT_LENGTH"] = content_length
    environ["wsgi.input"] = body_stream
    if terminated:
        environ["wsgi.input_terminated"] = True
    return client.open(Request(environ))


class EndlessStream:
    """A request body that never ends, counting what the server reads of it."""

    def __init__(self):
        self.read_bytes = 0

    def read(self, size=-1):
        if size is None or size < 0:
            raise AssertionError("the server tried to read an endless body to its end")
        self.read_bytes += size
        return b"a" * size

    def readline(self, size=-1):  # werkzeug never calls it for these bodies
        raise AssertionError("readline on a request body")


class BrokenStream(io.RawIOBase):
    """A body whose reading fails as gunicorn's does on a malformed chunk size."""

    def readable(self):
        return True

    def readinto(self, buffer):
        raise ValueError("Invalid chunk size: b'zz'")


@pytest.fixture
def small_client(make_app):
    return make_app(MAX_CONTENT_LENGTH=SMALL_LIMIT, PROPAGATE_EXCEPTIONS=False).test_client()


@pytest.fixture
def quiet_client(make_app):
    """A client that sees the 500 page an unexpected exception would give, not the exception."""
    return make_app(PROPAGATE_EXCEPTIONS=False).test_client()


# --- JSON that Python reads and JSON does not ---------------------------------

@pytest.mark.parametrize("body", [
    b'{"text": NaN}', b'{"text": "a", "id": Infinity}', b'{"text": "a", "id": -Infinity}',
    b'{"documents": [NaN]}',
], ids=["nan", "infinity", "minus-infinity", "nan-in-batch"])
def test_nan_and_infinity_are_invalid_json(quiet_client, body):
    path = BATCH if b"documents" in body else EXTRACT
    resp = quiet_client.post(path, data=body, content_type="application/json")
    body = assert_problem(resp, 400, "invalid-json")
    assert "not a JSON value" in body["detail"]


@pytest.mark.parametrize("path", [EXTRACT, BATCH])
def test_integer_of_5000_digits_is_400_not_500(quiet_client, path):
    # Regression: json.loads raises a plain ValueError past int()'s 4300-digit limit.
    body = b'{"text": "a", "id": ' + b"1" * 5000 + b', "documents": []}'
    body = assert_problem(quiet_client.post(path, data=body, content_type="application/json"),
                          400, "invalid-json")
    assert "too many digits" in body["detail"]


def test_huge_float_is_a_validation_error(quiet_client):
    # 1e999999 parses as inf: a number where a string belongs, so 422 on the field.
    resp = quiet_client.post(EXTRACT, data=b'{"text": "a", "id": 1e999999}',
                             content_type="application/json")
    assert field_errors(assert_problem(resp, 422, "validation-error")) == {"id"}


@pytest.mark.parametrize("body", [b'{"text": "a"} {"text": "b"}', b'{"text": "a"}\x00',
                                  b'{"text": "a",}', b"{'text': 'a'}"],
                         ids=["two-values", "trailing-nul", "trailing-comma", "single-quotes"])
def test_not_quite_json_400(client, body):
    assert_problem(client.post(EXTRACT, data=body, content_type="application/json"),
                   400, "invalid-json")


def test_nul_and_controls_inside_the_text_are_text(client, assert_valid_result):
    text = "黃仁勳\x00表示\x01看好\x7f。\u2028"
    resp = post_json(client, {"text": text})
    assert resp.status_code == 200
    assert_valid_result(resp.get_json(), text)


# --- encodings -------------------------------------------------------------------

@pytest.mark.parametrize("bad", [
    b"\xc0\xaf",            # overlong encoding of "/"
    b"\xed\xa0\x80",        # a surrogate (U+D800) encoded as UTF-8
    b"\xf4\x90\x80\x80",    # beyond U+10FFFF
    b"\xe9\xbb",            # a character cut short
    b"\x80",                # a continuation byte alone
    b"\xff",                # never valid
], ids=["overlong", "encoded-surrogate", "beyond-unicode", "truncated", "lone-continuation", "ff"])
@pytest.mark.parametrize("content_type", ["application/json", "text/plain; charset=utf-8"])
def test_invalid_utf8_variants_400(client, bad, content_type):
    before = ('{"text": "黃仁勳' if content_type == "application/json" else "黃仁勳").encode()
    after = b'"}' if content_type == "application/json" else b""
    body = assert_problem(client.post(EXTRACT, data=before + bad + after, content_type=content_type),
                          400, "invalid-encoding")
    assert f"byte offset {len(before)}" in body["detail"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_bodies_are_invalid_utf8(client, encoding):
    data = json.dumps({"text": ARTICLE}, ensure_ascii=False).encode(encoding)
    assert_problem(client.post(EXTRACT, data=data, content_type="application/json"),
                   400, "invalid-encoding")


def test_utf8_bom_without_charset_tolerated_before_json(client):
    data = "\ufeff".encode() + json.dumps({"text": ARTICLE}, ensure_ascii=False).encode()
    resp = client.post(EXTRACT, data=data, content_type="application/json")
    assert resp.status_code == 200
    assert resp.get_json()["document"]["chars"] == len(ARTICLE)


def test_two_boms_before_json_400(client):
    data = "\ufeff\ufeff".encode() + b'{"text": "a"}'
    assert_problem(client.post(EXTRACT, data=data, content_type="application/json"),
                   400, "invalid-json")


def test_bom_inside_the_json_text_is_part_of_the_text(client, assert_valid_result):
    text = "\ufeff黃仁勳表示看好。"
    resp = post_json(client, {"text": text})
    assert resp.status_code == 200
    result = resp.get_json()
    assert result["document"]["chars"] == len(text)
    assert_valid_result(result, text)


# Decision: Big5 (and any charset but UTF-8) is refused with 415, not decoded. The
# offsets we return index the text as the server decoded it; a client that sent Big5
# bytes holds Big5 bytes, and guessing the decoder it meant (big5, big5hkscs, cp950
# differ) would hand back offsets into a text it never had.
BIG5_ARTICLE = "輝達執行長黃仁勳表示看好。"


def test_big5_body_declared_big5_is_415(client):
    data = BIG5_ARTICLE.encode("big5")
    body = assert_problem(client.post(EXTRACT, data=data, content_type="text/plain; charset=big5"),
                          415, "unsupported-media-type")
    assert "charset=big5" in body["detail"] and "UTF-8" in body["detail"]


@pytest.mark.parametrize("content_type", ["text/plain", "text/plain; charset=utf-8"])
def test_big5_bytes_sent_as_utf8_are_400(client, content_type):
    data = BIG5_ARTICLE.encode("big5")
    assert_problem(client.post(EXTRACT, data=data, content_type=content_type),
                   400, "invalid-encoding")


@pytest.mark.parametrize("charset", ["big5", "cp950", "gb2312", "utf-16", "us-ascii", "utf-8x"])
def test_batch_refuses_other_charsets_415(client, charset):
    data = json.dumps({"documents": [{"text": "a"}]}).encode()
    resp = client.post(BATCH, data=data, content_type=f"application/json; charset={charset}")
    assert_problem(resp, 415, "unsupported-media-type")


@pytest.mark.parametrize("content_type", ['text/plain; charset="UTF-8"', "text/plain;charset=utf8",
                                          "TEXT/PLAIN; CHARSET=UTF-8"])
def test_utf8_spelled_differently_accepted(client, content_type):
    resp = client.post(EXTRACT, data=ARTICLE.encode(), content_type=content_type)
    assert resp.status_code == 200


# --- Content-Type ----------------------------------------------------------------

@pytest.mark.parametrize("path", [EXTRACT, BATCH])
def test_no_content_type_on_a_json_body_415(client, path):
    resp = client.post(path, data=json.dumps({"text": ARTICLE, "documents": []}).encode())
    assert "Content-Type" not in resp.request.headers
    body = assert_problem(resp, 415, "unsupported-media-type")
    assert "no Content-Type" in body["detail"]


@pytest.mark.parametrize("content_type", ["application/json-patch+json", "multipart/form-data; boundary=x",
                                          "application/problem+json", "*/*", "text/plain/extra"])
def test_near_miss_content_types_415(client, content_type):
    resp = client.post(EXTRACT, data=b'{"text": "a"}', content_type=content_type)
    assert_problem(resp, 415, "unsupported-media-type")


# --- the body limit, without reading the whole body first -------------------------

def test_endless_chunked_body_refused_after_the_limit(small_client):
    stream = EndlessStream()
    resp = send_environ(small_client, stream, terminated=True)
    body = assert_problem(resp, 413, "content-too-large")
    assert f"{SMALL_LIMIT} bytes" in body["detail"]
    # One byte past the limit tells "too large" from "exactly the limit"; no more.
    assert stream.read_bytes == SMALL_LIMIT + 1


@pytest.mark.parametrize("terminated", [False, True], ids=["server-leaves-framing", "server-frames"])
def test_declared_length_over_the_limit_refused_before_reading(small_client, terminated):
    stream = EndlessStream()
    resp = send_environ(small_client, stream, content_length=str(10 ** 12), terminated=terminated)
    assert_problem(resp, 413, "content-too-large")
    assert stream.read_bytes == 0


@pytest.mark.parametrize("path", [EXTRACT, BATCH])
def test_endless_body_to_batch_and_json_too(small_client, path):
    stream = EndlessStream()
    resp = send_environ(small_client, stream, content_type="application/json", terminated=True,
                        path=path)
    assert_problem(resp, 413, "content-too-large")
    assert stream.read_bytes == SMALL_LIMIT + 1


@pytest.fixture
def small_limit_server():
    """The app (4 KiB body limit) behind werkzeug's threaded server on loopback."""
    server = make_server("127.0.0.1", 0, create_app({"MAX_CONTENT_LENGTH": SMALL_LIMIT}),
                         threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_port
    finally:
        server.shutdown()
        thread.join(timeout=10)


def test_streamed_upload_over_a_socket_answered_before_it_ends(small_limit_server):
    total = 64 * 1024 * 1024
    sent, answer = stream_chunked_upload(small_limit_server, total)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b"application/problem+json" in answer
    # The answer came while most of the 64 MiB was still unsent (what was sent is
    # the 4 KiB read plus the kernel's socket buffers).
    assert sent < total // 4


# --- a Content-Length that lies ---------------------------------------------------

@pytest.mark.parametrize("terminated", [False, True], ids=["server-leaves-framing", "server-frames"])
@pytest.mark.parametrize("content_type,body", [
    ("application/json", b'{"text": "abc"}'),
    ("text/plain; charset=utf-8", "黃仁勳表示看好。".encode()),
], ids=["json", "text"])
def test_content_length_longer_than_the_body_400(client, content_type, body, terminated):
    # The client promised more than it sent (then closed its side): a cut text must
    # not be extracted as if whole.
    resp = send_environ(client, io.BytesIO(body), content_type=content_type,
                        content_length=str(len(body) + 100), terminated=terminated)
    detail = assert_problem(resp, 400, "invalid-content-length")["detail"]
    assert "fewer bytes" in detail


def test_content_length_shorter_than_the_body_server_framed_400(client):
    # A server that leaves framing to the app hands over the whole stream: it does
    # not match what was declared.
    body = "黃仁勳表示看好。".encode()
    resp = send_environ(client, io.BytesIO(body), content_length="5", terminated=True)
    assert "more bytes" in assert_problem(resp, 400, "invalid-content-length")["detail"]


def test_content_length_shorter_than_the_body_cuts_it(client):
    # Werkzeug stops reading at the declared length, as a server does: what follows
    # would be the next request. Cut mid-character or mid-JSON, it is refused.
    body = "黃仁勳".encode()
    resp = send_environ(client, io.BytesIO(body), content_length="4")
    assert_problem(resp, 400, "invalid-encoding")
    resp = send_environ(client, io.BytesIO(b'{"text": "abc"}'), content_type="application/json",
                        content_length="5")
    assert_problem(resp, 400, "invalid-json")


@pytest.mark.parametrize("value", ["abc", "-5", "1e3", "0x10", " 12", "１２"])
def test_content_length_not_a_number_400(client, value):
    resp = send_environ(client, io.BytesIO(b"abc"), content_length=value)
    assert "non-negative integer" in assert_problem(resp, 400, "invalid-content-length")["detail"]


def test_body_that_cannot_be_read_400(quiet_client):
    resp = send_environ(quiet_client, BrokenStream(), terminated=True)
    assert_problem(resp, 400, "unreadable-body")


# --- methods, paths and query strings -------------------------------------------

@pytest.mark.parametrize("method,path", [
    ("PATCH", EXTRACT), ("DELETE", BATCH), ("GET", BATCH), ("TRACE", EXTRACT),
    ("BREW", EXTRACT), ("PROPFIND", "/healthz"), ("POST", "/metrics"), ("PUT", "/"),
])
def test_unusual_methods_405_with_allow(client, method, path):
    resp = client.open(path, method=method)
    assert_problem(resp, 405, "method-not-allowed")
    assert resp.headers["Allow"]


def test_head_of_a_post_only_path_405_without_a_body(client):
    resp = client.head(EXTRACT)
    assert resp.status_code == 405
    assert resp.mimetype == "application/problem+json"
    assert resp.data == b""


@pytest.mark.parametrize("path", [
    "/v1/extract/", "/V1/EXTRACT", "/v1//extract", "/v1/extract/../../etc/passwd",
    "/%00", "/%ff%fe", "/文章", "/v1/" + "a" * 20_000, "/v1/extract%20",
], ids=["trailing-slash", "upper-case", "double-slash", "traversal", "nul", "bad-utf8",
        "non-ascii", "20k-path", "encoded-space"])
def test_odd_paths_404(client, path):
    # Not a redirect to /v1/extract either: werkzeug's redirects are HTML pages.
    resp = client.post(path, data=b'{"text": "a"}', content_type="application/json")
    assert_problem(resp, 404, "not-found")


def test_huge_query_string_ignored_with_json(client):
    query = "&".join(f"p{i}={'x' * 10}" for i in range(50_000))  # ~700 KB
    resp = client.post(f"{EXTRACT}?{query}", data=json.dumps({"text": ARTICLE}).encode(),
                       content_type="application/json")
    assert resp.status_code == 200
    assert resp.get_json()["document"]["id"] is None


def test_huge_query_id_with_text_plain_422(client):
    resp = client.post(f"{EXTRACT}?id={'x' * 1_000_000}", data=ARTICLE.encode(),
                       content_type="text/plain")
    assert field_errors(assert_problem(resp, 422, "validation-error")) == {"id"}


def test_repeated_query_fields_take_the_first(client):
    resp = client.post(f"{EXTRACT}?id=a&id=b&reference_date=2024-07-30&reference_date=x",
                       data=ARTICLE.encode(), content_type="text/plain")
    assert resp.status_code == 200
    assert resp.get_json()["document"]["id"] == "a"


def test_query_with_invalid_percent_encoding(client):
    resp = client.post(f"{EXTRACT}?id=%ff%fe%zz", data=ARTICLE.encode(), content_type="text/plain")
    # Werkzeug keeps what does not decode to UTF-8 as it was sent: still a valid id.
    assert resp.status_code == 200
    assert resp.get_json()["document"]["id"].endswith("%zz")


# --- operator limit: characters per text -----------------------------------------
# Decision: 422 validation-error on field `text`, not 413. It is a limit on one field
# like id's 256 characters, it names the field and the limit, and in a batch it is
# reported in the document's place. 413 stays the byte limit, checked before reading.

def test_default_text_limit(app):
    assert app.config["MAX_TEXT_CHARS"] == DEFAULT_MAX_TEXT_CHARS == 200_000


@pytest.mark.parametrize("content_type", ["application/json", "text/plain"])
def test_text_over_the_limit_422(make_app, content_type):
    client = make_app(MAX_TEXT_CHARS=100).test_client()
    text = "字" * 101
    if content_type == "application/json":
        resp = post_json(client, {"text": text})
    else:
        resp = client.post(EXTRACT, data=text.encode(), content_type="text/plain")
    body = assert_problem(resp, 422, "validation-error")
    assert field_errors(body) == {"text"}
    assert "at most 100 characters; got 101" in body["errors"][0]["message"]


def test_text_at_the_limit_accepted(make_app):
    client = make_app(MAX_TEXT_CHARS=100).test_client()
    # Code points, not bytes or UTF-16 units: an astral emoji counts once.
    text = "黃仁勳表示看好🤖" + "字" * 92
    assert len(text) == 100 and len(text.encode("utf-16-le")) // 2 == 101
    assert post_json(client, {"text": text}).status_code == 200


def test_text_limit_in_a_batch_is_in_place(make_app):
    client = make_app(MAX_TEXT_CHARS=100).test_client()
    resp = post_json(client, {"documents": [{"text": "字" * 101}, {"text": ARTICLE}]}, path=BATCH)
    assert resp.status_code == 200
    too_long, fine = resp.get_json()["results"]
    PROBLEM_VALIDATOR.validate(too_long)
    assert too_long["status"] == 422 and too_long["errors"][0]["field"] == "text"
    assert fine["document"]["chars"] == len(ARTICLE)


def test_text_limit_with_the_other_field_errors(make_app):
    client = make_app(MAX_TEXT_CHARS=10).test_client()
    body = assert_problem(post_json(client, {"text": "字" * 11, "id": "x" * 300}),
                          422, "validation-error")
    assert field_errors(body) == {"text", "id"}


def test_text_limit_from_env(monkeypatch):
    monkeypatch.setenv("ZNE_MAX_TEXT_CHARS", "5000")
    app = create_app({"TESTING": True})
    assert app.config["MAX_TEXT_CHARS"] == 5000
    resp = post_json(app.test_client(), {"text": "a" * 5001})
    assert field_errors(assert_problem(resp, 422, "validation-error")) == {"text"}


@pytest.mark.parametrize("value", ["0", "-1", "1e6", "many"])
def test_bad_text_limit_env_rejected(monkeypatch, value):
    monkeypatch.setenv("ZNE_MAX_TEXT_CHARS", value)
    with pytest.raises(ValueError, match="ZNE_MAX_TEXT_CHARS"):
        create_app({"TESTING": True})


def test_python_api_and_cli_have_no_text_limit():
    # The limits guard a shared service; a library caller owns its own input.
    text = "字" * (DEFAULT_MAX_TEXT_CHARS + 1)
    assert extraction.load_request({"text": text})["text"] == text


# --- operator limit: time budget per request -------------------------------------

def test_default_time_budget(app):
    assert app.config["TIME_BUDGET_SECONDS"] == DEFAULT_TIME_BUDGET_SECONDS == 10.0


def test_request_over_the_time_budget_503(make_app, caplog):
    # A budget that has run out by the time the body is read: extraction never starts.
    client = make_app(TIME_BUDGET_SECONDS=1e-9).test_client()
    resp = post_json(client, {"text": ARTICLE})
    body = assert_problem(resp, 503, "time-budget-exceeded")
    assert "time budget" in body["detail"]
    assert resp.headers["Retry-After"] == "1"
    assert any("time budget" in r.getMessage() for r in caplog.records)


def test_retry_after_is_the_budget_rounded_up(make_app, monkeypatch):
    app = make_app(TIME_BUDGET_SECONDS=2.5)
    client = app.test_client()

    class OverBudget:
        def extract(self, text, **kw):
            raise pipeline.DeadlineExceeded("people", 0.01)

    monkeypatch.setitem(app.extensions, api.PIPELINE_EXTENSION, OverBudget())
    resp = post_json(client, {"text": ARTICLE})
    assert_problem(resp, 503, "time-budget-exceeded")
    assert resp.headers["Retry-After"] == "3"


def test_time_budget_stops_between_stages(make_app, monkeypatch):
    # A stage that takes longer than the whole budget: the stages after it never run.
    client = make_app(TIME_BUDGET_SECONDS=0.2).test_client()
    p = pipeline.get_pipeline()
    ran = []
    slow_name = p.components[1].name
    originals = list(p.components)

    def wrap(component):
        def run(doc):
            ran.append(component.name)
            if component.name == slow_name:
                time.sleep(0.3)
            return component(doc)
        run.name = component.name
        run.reads, run.writes = component.reads, component.writes
        run.extends = getattr(component, "extends", ())
        return run

    monkeypatch.setattr(p, "components", [wrap(c) for c in originals])
    started = time.monotonic()
    resp = post_json(client, {"text": ARTICLE})
    assert_problem(resp, 503, "time-budget-exceeded")
    assert ran == [c.name for c in originals[:2]]
    assert time.monotonic() - started < 2


def test_time_budget_in_a_batch_is_per_request_and_in_place(make_app, monkeypatch):
    client = make_app(TIME_BUDGET_SECONDS=1.0).test_client()
    p = pipeline.get_pipeline()
    real_extract = p.extract

    def slow_extract(text, **kw):
        result = real_extract(text, **kw)
        time.sleep(0.6)
        return result

    monkeypatch.setattr(p, "extract", slow_extract)
    docs = [{"text": ARTICLE, "id": str(i)} for i in range(5)] + [{"text": " "}]
    resp = post_json(client, {"documents": docs}, path=BATCH)
    assert resp.status_code == 200
    results = resp.get_json()["results"]
    statuses = [r.get("status", 200) for r in results]
    # The second starts before 1 s and the third after: the rest are refused in
    # place without running;
    # the invalid one is still a 422.
    assert statuses == [200, 200, 503, 503, 503, 422]
    for r in results[2:5]:
        PROBLEM_VALIDATOR.validate(r)
        assert r["type"] == PROBLEM_TYPE_BASE + "time-budget-exceeded"


def test_time_budget_from_env(monkeypatch):
    monkeypatch.setenv("ZNE_TIME_BUDGET_SECONDS", "0.5")
    assert create_app({"TESTING": True}).config["TIME_BUDGET_SECONDS"] == 0.5


@pytest.mark.parametrize("value", ["0", "-1", "inf", "nan", "ten"])
def test_bad_time_budget_env_rejected(monkeypatch, value):
    monkeypatch.setenv("ZNE_TIME_BUDGET_SECONDS", value)
    with pytest.raises(ValueError, match="ZNE_TIME_BUDGET_SECONDS"):
        create_app({"TESTING": True})


def test_time_budget_counted_in_metrics(make_app):
    client = make_app(TIME_BUDGET_SECONDS=1e-9).test_client()
    post_json(client, {"text": ARTICLE})
    metrics = client.get("/metrics").get_data(as_text=True)
    assert 'zne_documents_rejected_total{status="503"}' in metrics
