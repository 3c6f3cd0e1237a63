"""HTTP endpoints: extraction (one and batch), the page, health/readiness, metrics,
and the published contract files."""
from __future__ import annotations

import json
import time
import zlib
from pathlib import Path

from flask import Blueprint, Response, current_app, request
from marshmallow import ValidationError
from werkzeug.exceptions import ClientDisconnected, HTTPException, RequestEntityTooLarge

from service import batch_plan, errors, extraction, observability, pipeline, result_json
from service.schemas import BatchRequestSchema

bp = Blueprint("api", __name__)

REPO_ROOT = Path(__file__).resolve().parent.parent
OPENAPI_FILE = REPO_ROOT / "openapi.yaml"
# Served under two paths: /v1/schema, and its path in the repository, which is where
# the source openapi.yaml's relative $ref points (the served spec inlines it).
SCHEMA_FILE = REPO_ROOT / "schema" / "extraction.schema.json"
# The article the page's "Load sample" button fetches from /v1/sample.
SAMPLE_FILE = REPO_ROOT / "seeds" / "000_64c11bc8ba8f458f.txt"
PAGE_FILE = Path(__file__).resolve().parent / "static" / "index.html"
# The page is one file with inline CSS and JS; it may talk only to this origin.
PAGE_HEADERS = {
    "Content-Security-Policy": ("default-src 'none'; script-src 'unsafe-inline'; "
                                "style-src 'unsafe-inline'; connect-src 'self'; img-src data:; "
                                "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}

JSON_TYPES = {"application/json"}
TEXT_TYPES = {"text/plain"}
UTF8_NAMES = {"utf-8", "utf8"}
# With text/plain the body is the article, so the other fields come from the query string.
QUERY_FIELDS = ("id", "reference_date")
READ_CHUNK_BYTES = 64 * 1024


def json_response(obj, status: int = 200) -> Response:
    # orjson (service/result_json.py); a NaN in a Result fails loudly (500) in its
    # projection rather than leaving as null.
    return Response(result_json.encode(obj), status=status, mimetype="application/json")


def _read_body() -> bytes:
    try:
        return _read_body_unguarded()
    except HTTPException:
        raise
    except Exception as exc:
        # The server's stream failed: malformed chunked framing (gunicorn raises
        # InvalidChunkSize and the like), a reset connection. The client's fault or
        # the network's, so a 400, not a 500 with a traceback.
        current_app.logger.warning("Could not read the request body: %r", exc)
        raise errors.unreadable_body(
            "The body could not be read: malformed chunked encoding or a broken connection.") from None


def _read_body_unguarded() -> bytes:
    declared = request.environ.get("CONTENT_LENGTH") or None
    if declared is not None and not (declared.isascii() and declared.isdigit()):
        # Werkzeug would take it as absent and read an empty body: say what is wrong.
        raise errors.invalid_content_length(
            f"Content-Length must be a non-negative integer, not {declared[:40]!r}.")
    if request.content_length is not None or "wsgi.input_terminated" not in request.environ:
        # Werkzeug refuses a Content-Length over MAX_CONTENT_LENGTH before reading, and
        # reads nothing from an unsized stream the server does not terminate.
        declared_length = request.content_length
        try:
            raw = request.get_data(cache=False)
        except ClientDisconnected:  # the stream ended before Content-Length bytes
            raw = None
        if declared_length is not None and (raw is None or len(raw) != declared_length):
            # The client stopped early, or a server that leaves framing to us handed
            # over more or fewer bytes than declared: never extract a cut text.
            got = "more" if raw is not None and len(raw) > declared_length else "fewer"
            raise errors.invalid_content_length(
                f"The body has {got} bytes than its Content-Length of {declared_length}.")
        return raw
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


# Content-Encoding values read (RFC 9110 section 8.4.1); the rest are a 415.
DECODED_ENCODINGS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS,
                     "deflate": zlib.MAX_WBITS}


def _content_encoding() -> str | None:
    """The request's one content coding (lower case), None for none or identity."""
    codings = [c.strip().lower() for c in request.headers.get("Content-Encoding", "").split(",")]
    codings = [c for c in codings if c and c != "identity"]
    if not codings:
        return None
    if len(codings) > 1 or codings[0] not in DECODED_ENCODINGS:
        raise errors.unsupported_content_encoding(
            f"Content-Encoding {request.headers['Content-Encoding'][:40]!r} is not read; "
            "send gzip, deflate or no Content-Encoding.")
    return codings[0]


def _decompress(raw: bytes, coding: str, limit: int | None) -> bytes:
    """Undo gzip or deflate, refusing (413) a body that inflates past the body limit."""
    wbits = DECODED_ENCODINGS[coding]
    attempts = (wbits, -zlib.MAX_WBITS) if coding == "deflate" else (wbits,)  # raw deflate too
    for attempt in attempts:
        inflater = zlib.decompressobj(attempt)
        try:
            body = inflater.decompress(raw, (limit + 1) if limit else 0)
        except zlib.error:
            continue
        if limit is not None and (len(body) > limit or inflater.unconsumed_tail):
            raise RequestEntityTooLarge(
                f"The body inflates to over the limit of {limit:,} bytes.")
        if not inflater.eof:
            break
        return body
    raise errors.invalid_content_encoding(f"The body is not valid {coding} data.")


def _decode_body() -> str:
    coding = _content_encoding()
    raw = _read_body()
    if coding is not None:
        raw = _decompress(raw, coding, request.max_content_length)
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


def _read_payload(accept_text: bool = True) -> object:
    """Return the request as the dict the schema loads (or whatever JSON value was sent)."""
    mimetype = request.mimetype
    accepted = JSON_TYPES | TEXT_TYPES if accept_text else JSON_TYPES
    if mimetype not in accepted:
        shown = mimetype or "no Content-Type"
        wanted = ("application/json or text/plain; charset=utf-8" if accept_text
                  else "application/json")
        raise errors.unsupported_media_type(f"Send {wanted}, not {shown}.")
    _check_charset()
    body = _decode_body()
    if mimetype in TEXT_TYPES:
        payload = {name: request.args[name] for name in QUERY_FIELDS if name in request.args}
        payload["text"] = body
        return payload
    try:
        # A UTF-8 BOM before the JSON value is tolerated (RFC 8259 section 8.1);
        # it is outside the text value, so offsets are unaffected.
        return json.loads(body.removeprefix("\ufeff"),
                          parse_constant=extraction.reject_json_constant)
    except json.JSONDecodeError as exc:
        raise errors.invalid_json(
            f"The body is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno}).") from None
    except RecursionError:
        # Deeply nested arrays ([[[[...) exhaust the parser's stack; still the client's fault.
        raise errors.invalid_json("The body's JSON is nested too deeply.") from None
    except ValueError as exc:
        # NaN or Infinity, or an integer of more than 4300 digits (int()'s limit):
        # not a plain ValueError that would become a 500.
        raise errors.invalid_json(
            f"The body is not valid JSON: {extraction.json_value_error(exc)}.") from None


# Set by the production worker (service/buffering_worker.py): when the request had
# arrived whole, as time.monotonic(). The budget counts from then, so the time it
# waited for a free thread is charged to it; elsewhere it counts from the view.
RECEIVED_AT_ENVIRON = "zne.received_at"


# app.extensions key of the app's Pipeline, attached by create_app.
PIPELINE_EXTENSION = "zne.pipeline"


def _pipeline() -> pipeline.Pipeline:
    """The app's pipeline (create_app attaches it)."""
    return current_app.extensions[PIPELINE_EXTENSION]


def _deadline() -> float:
    """When this request's time budget (TIME_BUDGET_SECONDS, from its arrival) runs out."""
    received = request.environ.get(RECEIVED_AT_ENVIRON)
    arrived = received if isinstance(received, float) else time.monotonic()
    return arrived + current_app.config["TIME_BUDGET_SECONDS"]


def _over_budget(exc: pipeline.DeadlineExceeded, what: str) -> errors.Problem:
    budget = current_app.config["TIME_BUDGET_SECONDS"]
    current_app.logger.warning("%s stopped at the time budget of %g s: %s", what, budget, exc)
    observability.observe_rejected(503)
    return errors.time_budget_exceeded(budget)


@bp.post("/v1/extract")
def extract():
    deadline = _deadline()
    payload = _read_payload()
    try:
        req = extraction.load_request(
            payload, max_text_chars=current_app.config["MAX_TEXT_CHARS"])
    except ValidationError as exc:
        observability.observe_rejected(422)
        raise errors.validation_error(exc.messages) from None
    observability.note_characters(len(req["text"]))
    try:
        result = extraction.run(req, deadline=deadline, using=_pipeline())
    except pipeline.DeadlineExceeded as exc:
        raise _over_budget(exc, "Extraction") from None
    return json_response(result)


@bp.post("/v1/extract/batch")
def extract_batch():
    """The documents in order, each a Result or its own problem in its place.

    They run in chunks (`service/batch_plan.py`): each chunk of several documents
    stage by stage (`Pipeline.extract_many`, less CPU than one at a time), a chunk
    of one as `POST /v1/extract` runs it. The shared time budget is checked before
    each chunk, and a chunk of several is sized by this request's pace so far to
    take at most half the budget left, so the batch ends after its budget by at most
    one such chunk's work; the documents of chunks not started get the 503 in place.
    The response limit is applied document by document in order, as the Results
    are added.
    """
    deadline = _deadline()
    payload = _read_payload(accept_text=False)
    if not isinstance(payload, dict):
        raise errors.validation_error({"_schema": ["The JSON body must be an object."]})
    try:
        batch = BatchRequestSchema(
            max_documents=current_app.config["MAX_BATCH_DOCS"]).load(payload)
    except ValidationError as exc:
        raise errors.validation_error(exc.messages) from None
    limit = current_app.config["MAX_BATCH_RESPONSE_BYTES"]
    loaded = [_load_one(document) for document in batch["documents"]]
    lengths = [len(req["text"]) if isinstance(req, dict) else None for req in loaded]
    pace = batch_plan.Pace()
    # Each document is encoded once, and its bytes both counted and sent.
    parts, used, start = [], 0, 0
    while start < len(loaded):
        if used > limit or lengths[start] is None:
            parts.append(_not_run(start, loaded[start], limit if used > limit else None))
            start += 1
            continue
        now = time.monotonic()
        if now > deadline:
            observability.note_characters(lengths[start])
            exc = pipeline.DeadlineExceeded("batch", now - deadline)
            parts.append(result_json.encode(errors.body_of(_over_budget(exc, f"documents[{start}]"))))
            start += 1
            continue
        chunk = batch_plan.next_chunk(lengths, start, pace, deadline - now)
        done = _extract_chunk(chunk, [loaded[i] for i in chunk], deadline)
        pace.add(sum(lengths[i] for i in chunk), time.monotonic() - now)
        # The chunk's documents and the invalid ones between them, in order; the
        # response limit as each Result is added.
        for i in range(start, chunk[-1] + 1):
            if used > limit or lengths[i] is None:
                parts.append(_not_run(i, loaded[i], limit if used > limit else None))
                continue
            observability.note_characters(lengths[i])
            body, size = done[i]
            parts.append(body)
            used += size
        start = chunk[-1] + 1
    return Response(b'{"results":[' + b",".join(parts) + b"]}", mimetype="application/json")


def _load_one(document: object) -> dict | ValidationError:
    """One document of a batch validated: its loaded request, or why it is invalid."""
    try:
        return extraction.load_request(
            document, max_text_chars=current_app.config["MAX_TEXT_CHARS"])
    except ValidationError as exc:
        return exc


def _not_run(index: int, loaded: dict | ValidationError, limit: int | None) -> bytes:
    """The problem in the place of a document that is not extracted: the response
    limit was reached before it (`limit`), else it is invalid."""
    if limit is not None:
        return result_json.encode(errors.body_of(errors.batch_response_too_large(index, limit)))
    observability.observe_rejected(422)
    return result_json.encode(
        errors.body_of(errors.validation_error(loaded.messages, f"documents[{index}]")))


def _extract_chunk(chunk: list[int], reqs: list[dict], deadline: float) -> dict[int, tuple[bytes, int]]:
    """Each document of a chunk: its Result as JSON, or its problem in its place, and
    the bytes it counts against the batch's response limit (0 for a problem).

    A chunk of several runs without a deadline; if it fails, each of its documents
    runs again alone, with the deadline, for its own outcome.
    """
    if len(chunk) > 1:
        try:
            results = extraction.run_many(reqs, using=_pipeline())
        except Exception:  # noqa: BLE001 -- each document again, alone, for its own outcome
            current_app.logger.info("A chunk of %d documents failed; each runs alone", len(chunk))
        else:
            return {i: _encoded(i, req, result) for i, req, result in zip(chunk, reqs, results)}
    return {i: _extract_one(i, req, deadline) for i, req in zip(chunk, reqs)}


def _encoded(index: int, req: dict, result: dict) -> tuple[bytes, int]:
    """A Result as JSON; an internal-error problem if it cannot be encoded."""
    try:
        body = result_json.encode(result)
    except Exception:  # one document's failure must not fail the others
        return _failed(index, req)
    return body, len(body)


def _failed(index: int, req: dict) -> tuple[bytes, int]:
    """A 500 internal-error problem in a failed document's place, the failure logged."""
    current_app.logger.exception("Extraction failed for documents[%d] (id %r)", index, req["id"])
    observability.observe_rejected(500)
    return result_json.encode(errors.body_of(errors.internal_error())), 0


def _extract_one(index: int, req: dict, deadline: float) -> tuple[bytes, int]:
    """One valid document of a batch, alone, with the batch's deadline: its Result
    as JSON or its problem in its place, and the bytes it counts against the batch's
    response limit (0 for a problem)."""
    try:
        # Encoded here, so a NaN fails this document, not the whole batch later.
        body = result_json.encode(extraction.run(req, deadline=deadline, using=_pipeline()))
        return body, len(body)
    except pipeline.DeadlineExceeded as exc:
        return result_json.encode(errors.body_of(_over_budget(exc, f"documents[{index}]"))), 0
    except Exception:  # one document's failure must not fail the others
        return _failed(index, req)


@bp.get("/healthz")
def healthz():
    # Liveness only: the process answers. Readiness is /readyz.
    return json_response({"status": "ok"})


@bp.get("/readyz")
def readyz():
    if current_app.extensions.get(PIPELINE_EXTENSION) is None:
        raise errors.not_ready()
    return json_response({"status": "ready"})


@bp.get("/metrics")
def metrics():
    return observability.render_metrics()


def _serve_file(path: Path, mimetype: str, headers=None) -> Response:
    # Read on each request: the files are small and this keeps a live-edited spec honest.
    return Response(path.read_bytes(), mimetype=mimetype, headers=headers)


@bp.get("/")
def page():
    return _serve_file(current_app.config["PAGE_FILE"], "text/html", PAGE_HEADERS)


@bp.get("/v1/sample")
def sample_article():
    return _serve_file(current_app.config["SAMPLE_FILE"], "text/plain")


@bp.get("/openapi.yaml")
def openapi_spec():
    # The self-contained bundle built at start-up (service/openapi_bundle.py).
    return Response(current_app.extensions["zne.openapi"].yaml, mimetype="application/yaml")


@bp.get("/openapi.json")
def openapi_spec_json():
    return Response(current_app.extensions["zne.openapi"].json, mimetype="application/json")


@bp.get("/v1/schema")
@bp.get("/schema/extraction.schema.json")
def result_schema():
    return _serve_file(current_app.config["SCHEMA_FILE"], "application/schema+json")
