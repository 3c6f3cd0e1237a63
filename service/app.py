"""The Flask application factory (the Flask pattern): `create_app()` builds the HTTP
service. `service` re-exports it; modules inside the package import it from here."""
from __future__ import annotations

import gc
import os
from pathlib import Path

from flask import Flask

from service.config import (DEFAULT_MAX_BATCH_DOCS, DEFAULT_MAX_BATCH_RESPONSE_BYTES,
                            DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_TEXT_CHARS,
                            DEFAULT_TIME_BUDGET_SECONDS, MAX_BATCH_DOCS_ENV,
                            MAX_BATCH_RESPONSE_ENV, MAX_BODY_ENV, MAX_TEXT_CHARS_ENV,
                            TIME_BUDGET_ENV, positive_float, positive_int)


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app; precedence for settings is test_config > environment > defaults."""
    # The collector paused while the service's modules load too (as while the
    # pipeline loads: service/extraction.py): ~15 ms of start-up walking objects
    # that all live as long as the process.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _create_app(test_config)
    finally:
        if collecting:
            gc.enable()


def _create_app(test_config: dict | None) -> Flask:
    # Imported here so that `import service` stays cheap (e.g. for `python -m service --help`).
    from service import api, errors, extraction, observability, openapi_bundle

    # No implicit /static route: the page is served at / with its own headers. Named
    # after the package, as before the factory left __init__: the logger stays "service".
    app = Flask("service", static_folder=None)
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
