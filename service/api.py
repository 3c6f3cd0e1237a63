"""HTTP endpoints: extraction, health/readiness, and the published contract files."""
from __future__ import annotations

import json
from pathlib import Path

from flask import Blueprint, Response, current_app, request
from marshmallow import ValidationError
from werkzeug.exceptions import RequestEntityTooLarge

from service import errors, pipeline
from service.schemas import ExtractRequestSchema, ResultSchema

bp = Blueprint("api", __name__)

REPO_ROOT = Path(__file__).resolve().parent.parent
OPENAPI_FILE = REPO_ROOT / "openapi.yaml"
# Served under two paths: /v1/schema, and the path openapi.yaml's relative $ref
# ("schema/extraction.schema.json") resolves to when the spec is fetched from /openapi.yaml.
SCHEMA_FILE = REPO_ROOT / "schema" / "extraction.schema.json"

JSON_TYPES = {"application/json"}
TEXT_TYPES = {"text/plain"}
UTF8_NAMES = {"utf-8", "utf8"}
# With text/plain the body is the article, so the other fields come from the query string.
QUERY_FIELDS = ("id", "reference_date")
READ_CHUNK_BYTES = 64 * 1024

_request_schema = ExtractRequestSchema()
_result_schema = ResultSchema()


def json_response(obj, status: int = 200) -> Response:
    # allow_nan=False: a NaN from the pipeline must fail loudly (500), not emit invalid JSON.
    body = json.dumps(obj, ensure_ascii=False, allow_nan=False)
    return Response(body, status=status, mimetype="application/json")


def _read_body() -> bytes:
    if request.content_length is not None or "wsgi.input_terminated" not in request.environ:
        # Werkzeug refuses a Content-Length over MAX_CONTENT_LENGTH before reading, and
        # reads nothing from an unsized stream the server does not terminate.
        return request.get_data(cache=False)
    return _read_bounded(request.environ["wsgi.input"], request.max_content_length)


def _read_bounded(stream, limit: int | None) -> bytes:
    """Read an unsized (chunked) body, refusing it once it passes limit.

    Not request.get_data(): werkzeug's max-limited stream stops reading exactly at the
    limit without raising, so an oversized chunked body would arrive silently truncated.
    Reading one byte past the limit is what tells "too large" from "exactly the limit".
    """
    if limit is None:
        return stream.read()
    body = bytearray()
    while len(body) <= limit:
        chunk = stream.read(min(READ_CHUNK_BYTES, limit + 1 - len(body)))
        if not chunk:
            break
        body += chunk
    if len(body) > limit:
        raise RequestEntityTooLarge()
    return bytes(body)


def _decode_body() -> str:
    raw = _read_body()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise errors.invalid_encoding(
            f"The body is not valid UTF-8 (byte offset {exc.start}).") from None


def _check_charset() -> None:
    charset = request.mimetype_params.get("charset")
    if charset is not None and charset.lower() not in UTF8_NAMES:
        raise errors.unsupported_media_type(
            f"Only UTF-8 is accepted; the request declares charset={charset}.")


def _read_payload() -> object:
    """Return the request as the dict the schema loads (or whatever JSON value was sent)."""
    mimetype = request.mimetype
    if mimetype not in JSON_TYPES | TEXT_TYPES:
        shown = mimetype or "no Content-Type"
        raise errors.unsupported_media_type(
            f"Send application/json or text/plain; charset=utf-8, not {shown}.")
    _check_charset()
    body = _decode_body()
    if mimetype in TEXT_TYPES:
        payload = {name: request.args[name] for name in QUERY_FIELDS if name in request.args}
        payload["text"] = body
        return payload
    try:
        # A UTF-8 BOM before the JSON value is tolerated (RFC 8259 section 8.1);
        # it is outside the text value, so offsets are unaffected.
        return json.loads(body.removeprefix("\ufeff"))
    except json.JSONDecodeError as exc:
        raise errors.invalid_json(
            f"The body is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno}).") from None
    except RecursionError:
        # Deeply nested arrays ([[[[...) exhaust the parser's stack; still the client's fault.
        raise errors.invalid_json("The body's JSON is nested too deeply.") from None


@bp.post("/v1/extract")
def extract():
    payload = _read_payload()
    if not isinstance(payload, dict):
        raise errors.validation_error({"_schema": ["The JSON body must be an object."]})
    try:
        req = _request_schema.load(payload)
    except ValidationError as exc:
        raise errors.validation_error(exc.messages) from None
    result = pipeline.get_pipeline().extract(
        req["text"], doc_id=req["id"], reference_date=req["reference_date"])
    return json_response(_result_schema.dump(result))


@bp.get("/healthz")
def healthz():
    # Liveness only: the process answers. Readiness is /readyz.
    return json_response({"status": "ok"})


@bp.get("/readyz")
def readyz():
    if not pipeline.is_ready():
        raise errors.not_ready()
    return json_response({"status": "ready"})


def _serve_file(path: Path, mimetype: str) -> Response:
    # Read on each request: the files are small and this keeps a live-edited spec honest.
    return Response(path.read_bytes(), mimetype=mimetype)


@bp.get("/openapi.yaml")
def openapi_spec():
    return _serve_file(current_app.config["OPENAPI_FILE"], "application/yaml")


@bp.get("/v1/schema")
@bp.get("/schema/extraction.schema.json")
def result_schema():
    return _serve_file(current_app.config["SCHEMA_FILE"], "application/schema+json")
