"""zh-news-extract: structured facts from Chinese tech-news articles over HTTP."""
from __future__ import annotations

import os

from flask import Flask

DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024
MAX_BODY_ENV = "ZNE_MAX_BODY_BYTES"


def positive_int(value: str, name: str) -> int:
    """Parse a positive integer setting, naming the setting when it is wrong."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return number


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app; precedence for settings is test_config > environment > defaults."""
    # Imported here so that `import service` stays cheap (e.g. for `python -m service --help`).
    from service import api, errors
    from service.pipeline import get_pipeline

    app = Flask(__name__)
    max_body = os.environ.get(MAX_BODY_ENV)
    app.config.from_mapping(
        # Werkzeug enforces this on Content-Length and on chunked bodies alike.
        MAX_CONTENT_LENGTH=(positive_int(max_body, MAX_BODY_ENV) if max_body
                            else DEFAULT_MAX_BODY_BYTES),
        OPENAPI_FILE=api.OPENAPI_FILE,
        SCHEMA_FILE=api.SCHEMA_FILE,
    )
    if test_config:
        app.config.update(test_config)

    # Load the heavy state now, so the first request does not pay for it.
    get_pipeline()

    errors.register_error_handlers(app)
    app.register_blueprint(api.bp)
    return app
