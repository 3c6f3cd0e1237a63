"""zh-news-extract: structured facts from Chinese tech-news articles over HTTP.

`create_app()` builds the HTTP service; `extract(text)` is the same extraction as a
Python call, returning the same dict as `POST /v1/extract`.

This module only re-exports: settings live in `service.config`, exceptions in
`service.exceptions`, the app factory in `service.app`. Nothing inside the package
imports this module (tests/test_import_layers.py).
"""
from __future__ import annotations

import datetime as _dt

# Start-up's compiled patterns come from the table of the last start-up until the
# pipeline has loaded (service/patterncache.py; finished in service/extraction.py).
from service import patterncache

patterncache.install()

from service.app import create_app  # noqa: E402
from service.config import (DEFAULT_MAX_BATCH_DOCS, DEFAULT_MAX_BATCH_RESPONSE_BYTES,  # noqa: E402
                            DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_TEXT_CHARS,
                            DEFAULT_TIME_BUDGET_SECONDS, MAX_BATCH_DOCS_ENV,
                            MAX_BATCH_RESPONSE_ENV, MAX_BODY_ENV, MAX_TEXT_CHARS_ENV,
                            TIME_BUDGET_ENV, positive_float, positive_int)
from service.exceptions import InvalidDocument  # noqa: E402

__all__ = ["create_app", "extract", "InvalidDocument"]


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
