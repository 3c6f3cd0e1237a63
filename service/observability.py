"""Numbers to operate by: request ids, a structured access log, Prometheus metrics.

- Every request gets an id: the client's `X-Request-ID` when it is usable (1-128
  visible ASCII characters), else a new one; it is echoed on the response.
- One JSON access-log line per request on the `zne.access` logger (to stderr
  unless the logger is configured otherwise).
- Metrics in prometheus-client's default registry, served by `GET /metrics`.
  Under gunicorn with several workers set `PROMETHEUS_MULTIPROC_DIR` to an empty
  directory, and the endpoint adds up every worker's numbers.
"""
from __future__ import annotations

import datetime as _dt
import json
import logging
import os
import re
import sys
import time
import uuid

from flask import Flask, Response, g, request
from prometheus_client import (CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, Counter,
                               Histogram, generate_latest)

REQUEST_ID_HEADER = "X-Request-ID"
# Visible ASCII only: the id is echoed in a header and written to the log.
_USABLE_REQUEST_ID = re.compile(r"[\x21-\x7e]{1,128}")
ACCESS_LOGGER = "zne.access"
UNMATCHED_ROUTE = "<unmatched>"  # 404/405: never the raw path, which would explode cardinality
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
# The `method` label's values: any other method counts as "other", so that invented
# methods cannot grow the metrics without bound.
METHOD_LABELS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
OTHER_METHOD = "other"

_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
_SECTION_BUCKETS = (0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                    0.1, 0.25, 0.5, 1, 2.5)

REQUESTS = Counter("zne_http_requests", "HTTP requests by route, method and status.",
                   ["route", "method", "status"])
LATENCY = Histogram("zne_http_request_duration_seconds",
                    "HTTP request latency by route and method, from routing to the response.",
                    ["route", "method"], buckets=_LATENCY_BUCKETS)
EXTRACTION = Histogram("zne_extraction_seconds",
                       "Time to extract one document: the whole pipeline and serialisation.",
                       buckets=_LATENCY_BUCKETS)
SECTION = Histogram("zne_extraction_section_seconds",
                    "Time spent in one pipeline section (extractor) for one document.",
                    ["section"], buckets=_SECTION_BUCKETS)
DOCUMENTS = Counter("zne_documents_processed", "Documents extracted.")
CHARACTERS = Counter("zne_characters_processed",
                     "Characters (code points) of the documents extracted.")
DOCUMENTS_REJECTED = Counter("zne_documents_rejected",
                             "Documents not extracted, by status (422 invalid, 500 failed).",
                             ["status"])


# --- pipeline ------------------------------------------------------------------

def instrument_pipeline(pipeline) -> None:
    """Time each section (extractor) of the loaded pipeline into SECTION, once."""
    observe = getattr(pipeline, "observe_components", None)
    if observe is None or getattr(pipeline, "_zne_instrumented", False):
        return  # a stand-in pipeline (tests) has no sections to time
    observe(lambda name, seconds: SECTION.labels(section=name).observe(seconds))
    pipeline._zne_instrumented = True


def observe_document(chars: int, seconds: float) -> None:
    DOCUMENTS.inc()
    CHARACTERS.inc(chars)
    EXTRACTION.observe(seconds)


def observe_rejected(status: int) -> None:
    DOCUMENTS_REJECTED.labels(status=str(status)).inc()


def render_metrics() -> Response:
    registry = REGISTRY
    if os.environ.get(MULTIPROC_ENV):
        from prometheus_client import multiprocess
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    return Response(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)


# --- requests ------------------------------------------------------------------

class _StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is at the time (test runners swap it)."""

    def __init__(self):
        super().__init__()

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value):
        pass


def access_logger() -> logging.Logger:
    logger = logging.getLogger(ACCESS_LOGGER)
    if not logger.handlers:
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        # The line is complete JSON on its own; a root handler would print it twice.
        logger.propagate = False
    return logger


def note_characters(chars: int, documents: int = 1) -> None:
    """Record the text a request carried, for its access-log line."""
    g.zne_chars = getattr(g, "zne_chars", 0) + chars
    g.zne_docs = getattr(g, "zne_docs", 0) + documents


def _request_id() -> str:
    sent = request.headers.get(REQUEST_ID_HEADER, "")
    return sent if _USABLE_REQUEST_ID.fullmatch(sent) else uuid.uuid4().hex


def _before() -> None:
    g.zne_started = time.perf_counter()
    g.zne_request_id = _request_id()


def _after(response: Response) -> Response:
    started = getattr(g, "zne_started", None)
    seconds = time.perf_counter() - started if started is not None else 0.0
    request_id = getattr(g, "zne_request_id", None) or uuid.uuid4().hex
    response.headers[REQUEST_ID_HEADER] = request_id
    route = request.url_rule.rule if request.url_rule is not None else UNMATCHED_ROUTE
    method = request.method if request.method in METHOD_LABELS else OTHER_METHOD
    REQUESTS.labels(route=route, method=method, status=str(response.status_code)).inc()
    LATENCY.labels(route=route, method=method).observe(seconds)
    line = {
        "ts": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="milliseconds"),
        "event": "request",
        "request_id": request_id,
        "method": request.method[:32],
        "path": request.path,
        "route": route,
        "status": response.status_code,
        "documents": getattr(g, "zne_docs", 0),
        "chars": getattr(g, "zne_chars", 0),
        "ms": round(seconds * 1000, 2),
        "pid": os.getpid(),  # which worker, under gunicorn
    }
    access_logger().info(json.dumps(line, ensure_ascii=False))
    return response


def init_app(app: Flask) -> None:
    access_logger()
    app.before_request(_before)
    app.after_request(_after)
