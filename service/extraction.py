"""One document through validation, the pipeline and the Result schema.

Shared by `POST /v1/extract`, the batch endpoint, the command line and the Python
API (`service.extract`), so that all four return the same dict for the same input.
"""
from __future__ import annotations

import datetime as _dt
import functools
import gc
import threading
import time

from marshmallow import ValidationError

from service import errors, observability, patterncache, pipeline, result_json
from service.deadline import within
from service.exceptions import InvalidDocument
from service.schemas import ExtractRequestSchema

_request_schema = ExtractRequestSchema()
_instrumented_lock = threading.Lock()


def get_pipeline():
    """The process's pipeline, loaded on first use, with per-section timing attached."""
    if not pipeline.get_pipeline.loaded:
        load_pipeline()
    p = pipeline.get_pipeline()
    if not getattr(p, "_zne_instrumented", False):
        with _instrumented_lock:
            observability.instrument_pipeline(p)
    return p


def load_pipeline() -> None:
    """Load the pipeline with the cyclic collector paused, then freeze what it built.

    Loading creates about a million long-lived objects and no garbage worth a
    collection, yet the collector would walk them again and again (~0.1 s of
    start-up). Frozen (gc.freeze), they are never walked again, and a forked
    worker (gunicorn --preload, the command line's --workers) does not copy the
    pages a collection would touch.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        pipeline.get_pipeline()
    finally:
        patterncache.finish()  # start-up's patterns are all compiled now
        gc.freeze()   # also when the caller paused the collector (create_app)
        if enabled:
            gc.enable()


def warm_up() -> None:
    """Load the heavy state now rather than on the first document."""
    get_pipeline()


@functools.lru_cache(maxsize=8)
def _request_schema_for(max_text_chars: int | None) -> ExtractRequestSchema:
    return ExtractRequestSchema(max_text_chars=max_text_chars)


class NotJsonValue(ValueError):
    """NaN, Infinity or -Infinity: Python's json module reads them, JSON has none."""


def reject_json_constant(name: str):
    """`parse_constant` for json.loads, so that NaN and Infinity are invalid JSON."""
    raise NotJsonValue(f"{name} is not a JSON value")


def json_value_error(exc: ValueError) -> str:
    """Why json.loads refused a text with a ValueError that is not a JSONDecodeError:
    NaN or Infinity (see reject_json_constant), or an integer over Python's limit
    of 4300 digits for int() (sys.get_int_max_str_digits)."""
    if isinstance(exc, NotJsonValue):
        return str(exc)
    return "a number has too many digits"


def load_request(payload: object, *, max_text_chars: int | None = None) -> dict:
    """Validate one request (a JSON object's value) with marshmallow.

    `max_text_chars` caps `text` in code points (the HTTP service's
    MAX_TEXT_CHARS); None leaves it unbounded. Returns {"text", "id",
    "reference_date"}; raises marshmallow's ValidationError.
    """
    if not isinstance(payload, dict):
        raise ValidationError({"_schema": ["The JSON body must be an object."]})
    schema = _request_schema if max_text_chars is None else _request_schema_for(max_text_chars)
    return schema.load(payload)


def dump_result(result: dict) -> dict:
    """The Result as `ResultSchema().dump` gives it, by the projection compiled from
    that schema (service/result_json.py), checking the time budget on long lists."""
    return result_json.project(result)


def run(req: dict, *, deadline: float | None = None, using=None) -> dict:
    """Extract from a loaded request; the Result as the HTTP API sends it.

    `using` is the pipeline to run (the app's, `app.extensions["zne.pipeline"]`);
    None means the process's (`get_pipeline()`). With a `deadline` (a
    time.monotonic() value), raises `pipeline.DeadlineExceeded` once it has
    passed (see `Pipeline.process`).
    """
    started = time.perf_counter()
    result = (using or get_pipeline()).extract(
        req["text"], doc_id=req["id"], reference_date=req["reference_date"], deadline=deadline)
    with within(deadline):
        dumped = dump_result(result)
    observability.observe_document(len(req["text"]), time.perf_counter() - started)
    return dumped


def run_many(reqs: list[dict], *, using=None) -> list[dict]:
    """`run` of each loaded request, no deadline, the batch extracted stage by stage
    (`Pipeline.extract_many`: the same Results, less CPU). Raises if any document
    fails; the caller then runs them one by one for each one's own outcome. Each
    document's time in the metrics is its share, by characters, of the batch's.
    `using` is the pipeline to run, as for `run`."""
    started = time.perf_counter()
    results = (using or get_pipeline()).extract_many(
        [(req["text"], req["id"], req["reference_date"]) for req in reqs])
    dumped = [dump_result(result) for result in results]
    elapsed = time.perf_counter() - started
    chars = sum(len(req["text"]) for req in reqs) or 1
    for req in reqs:
        observability.observe_document(len(req["text"]), elapsed * len(req["text"]) / chars)
    return dumped


def run_many_or_none(reqs: list[dict]) -> list[dict] | None:
    """run_many over two or more requests; None when there are fewer or any document
    fails, for the caller to run each alone for its own outcome."""
    if len(reqs) < 2:
        return None
    try:
        return run_many(reqs)
    except Exception:  # noqa: BLE001 -- each document again, alone, for its own outcome
        return None


def extract(text: str, *, doc_id: str | None = None,
            reference_date: str | _dt.date | None = None) -> dict:
    """The Python API: see `service.extract`."""
    wrong = [{"field": name, "message": f"Must be a string (str), not {type(value).__name__}."}
             for name, value in (("text", text), ("id", doc_id))
             if not isinstance(value, str) and not (name == "id" and value is None)]
    if reference_date is not None and not isinstance(reference_date, (str, _dt.date)):
        wrong.append({"field": "reference_date",
                      "message": f"Must be a YYYY-MM-DD string or a datetime.date, "
                                 f"not {type(reference_date).__name__}."})
    if wrong:
        # marshmallow's String would decode bytes; the Python API takes text only.
        raise InvalidDocument(wrong)
    if isinstance(reference_date, _dt.datetime):
        raise InvalidDocument([{"field": "reference_date",
                                "message": "Must be a date, not a datetime."}])
    if isinstance(reference_date, _dt.date):
        reference_date = reference_date.isoformat()
    try:
        req = load_request({"text": text, "id": doc_id, "reference_date": reference_date})
    except ValidationError as exc:
        raise InvalidDocument(errors.field_errors(exc.messages)) from None
    return run(req)
