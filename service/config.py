"""Settings: their defaults, the environment variables that override them, and the
parsers that read those variables. Every module that needs a setting imports it from
here, so no module reaches back up to the package's `__init__`."""
from __future__ import annotations

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
