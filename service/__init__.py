"""zh-news-extract: structured facts from Chinese tech-news articles over HTTP.

`create_app()` builds the HTTP service; `extract(text)` is the same extraction as a
Python call, returning the same dict as `POST /v1/extract`.
"""
from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path

from flask import Flask

DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024
MAX_BODY_ENV = "ZNE_MAX_BODY_BYTES"
DEFAULT_MAX_BATCH_DOCS = 100
MAX_BATCH_DOCS_ENV = "ZNE_MAX_BATCH_DOCS"
# Characters (code points) per article, for the HTTP service: a longer text is a 422.
DEFAULT_MAX_TEXT_CHARS = 200_000
MAX_TEXT_CHARS_ENV = "ZNE_MAX_TEXT_CHARS"
# Seconds a request may spend before extraction stops with a 503 (checked between
# pipeline stages). Under gunicorn keep it below the worker --timeout (30 s).
DEFAULT_TIME_BUDGET_SECONDS = 10.0
# Bytes of Results (JSON) one batch response carries; documents after that get a
# 413 batch-response-too-large problem in their place.
DEFAULT_MAX_BATCH_RESPONSE_BYTES = 32 * 1024 * 1024
MAX_BATCH_RESPONSE_ENV = "ZNE_MAX_BATCH_RESPONSE_BYTES"
TIME_BUDGET_ENV = "ZNE_TIME_BUDGET_SECONDS"

__all__ = ["create_app", "extract", "InvalidDocument"]


class InvalidDocument(ValueError):
    """The input `extract()` was given is invalid, as the HTTP API would answer 422.

    `errors` lists {"field", "message"} like the problem's `errors` member.
    """

    def __init__(self, errors: list[dict[str, str]]):
        self.errors = errors
        super().__init__("; ".join(f"{e['field']}: {e['message']}" for e in errors))


def extract(text: str, *, doc_id: str | None = None,
            reference_date: str | _dt.date | None = None) -> dict:
    """Extract from one article: the same dict `POST /v1/extract` returns as JSON.

    `reference_date` is a `datetime.date` or a `YYYY-MM-DD` string. Raises
    `InvalidDocument` where the API would answer 422 (blank text, an id over 256
    characters, a malformed date). Safe to call from many threads; each process
    loads the pipeline once, on its first call.
    """
    from service import extraction  # imported here so that `import service` stays cheap
    return extraction.extract(text, doc_id=doc_id, reference_date=reference_date)


def positive_int(value: str, name: str) -> int:
    """Parse a positive integer setting, naming the setting when it is wrong."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return number


def positive_float(value: str, name: str) -> float:
    """Parse a positive, finite number setting, naming the setting when it is wrong."""
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not 0 < number < float("inf"):
        raise ValueError(f"{name} must be a positive number, got {value!r}")
    return number


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app; precedence for settings is test_config > environment > defaults."""
    # Imported here so that `import service` stays cheap (e.g. for `python -m service --help`).
    from service import api, errors, extraction, observability, openapi_bundle

    # No implicit /static route: the page is served at / with its own headers.
    app = Flask(__name__, static_folder=None)
    # /v1//extract is a 404 problem, not a redirect with werkzeug's HTML page.
    app.url_map.merge_slashes = False
    max_body = os.environ.get(MAX_BODY_ENV)
    max_docs = os.environ.get(MAX_BATCH_DOCS_ENV)
    max_chars = os.environ.get(MAX_TEXT_CHARS_ENV)
    budget = os.environ.get(TIME_BUDGET_ENV)
    max_response = os.environ.get(MAX_BATCH_RESPONSE_ENV)
    app.config.from_mapping(
        # Werkzeug enforces this on Content-Length and on chunked bodies alike.
        MAX_CONTENT_LENGTH=(positive_int(max_body, MAX_BODY_ENV) if max_body
                            else DEFAULT_MAX_BODY_BYTES),
        MAX_BATCH_DOCS=(positive_int(max_docs, MAX_BATCH_DOCS_ENV) if max_docs
                        else DEFAULT_MAX_BATCH_DOCS),
        MAX_TEXT_CHARS=(positive_int(max_chars, MAX_TEXT_CHARS_ENV) if max_chars
                        else DEFAULT_MAX_TEXT_CHARS),
        TIME_BUDGET_SECONDS=(positive_float(budget, TIME_BUDGET_ENV) if budget
                             else DEFAULT_TIME_BUDGET_SECONDS),
        MAX_BATCH_RESPONSE_BYTES=(positive_int(max_response, MAX_BATCH_RESPONSE_ENV)
                                  if max_response else DEFAULT_MAX_BATCH_RESPONSE_BYTES),
        OPENAPI_FILE=api.OPENAPI_FILE,
        SCHEMA_FILE=api.SCHEMA_FILE,
        SAMPLE_FILE=api.SAMPLE_FILE,
        PAGE_FILE=api.PAGE_FILE,
    )
    if test_config:
        app.config.update(test_config)

    # Load the heavy state now, so the first request does not pay for it. The app
    # holds its pipeline (the process's one: it is immutable and thread-safe, and
    # loading it twice would double start-up); the views use this one.
    app.extensions[api.PIPELINE_EXTENSION] = extraction.get_pipeline()
    # The served OpenAPI document, bundled once (the JSON Schema inlined).
    app.extensions["zne.openapi"] = openapi_bundle.render(
        Path(app.config["OPENAPI_FILE"]), Path(app.config["SCHEMA_FILE"]))

    errors.register_error_handlers(app)
    observability.init_app(app)
    app.register_blueprint(api.bp)
    return app
