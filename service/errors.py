"""Every error leaves as application/problem+json (RFC 9457), never as an HTML page."""
from __future__ import annotations

import json
import math

from flask import Flask, Response, current_app, has_app_context, has_request_context, request
from werkzeug.exceptions import HTTPException, UnsupportedMediaType

PROBLEM_TYPE_BASE = "https://zh-news-extract.dev/problems/"
PROBLEM_MIMETYPE = "application/problem+json"

# Slugs for the statuses we document; any other HTTP error is slugged from its name.
SLUGS = {
    400: "bad-request",
    404: "not-found",
    405: "method-not-allowed",
    413: "content-too-large",
    415: "unsupported-media-type",
    422: "validation-error",
    500: "internal-error",
    503: "not-ready",
}
# Werkzeug still uses the RFC 7231 title for 413; RFC 9110 renamed it.
TITLES = {413: "Content Too Large", 422: "Unprocessable Content"}
# Never echo an exception's own text for these: it may carry internals.
GENERIC_DETAILS = {500: "The server failed to process the request; the error has been logged."}


class Problem(HTTPException):
    """An HTTP error with a specific problem type (slug) and optional field errors."""

    def __init__(self, status: int, slug: str, title: str, detail: str,
                 errors: list[dict[str, str]] | None = None,
                 headers: dict[str, str] | None = None):
        super().__init__(description=detail)
        self.code = status
        self.slug = slug
        # RFC 9457: the title belongs to the type, so two 400 types get two titles.
        self.title = title
        self.errors = errors
        self.extra_headers = headers or {}

    def get_headers(self, environ=None, scope=None):
        return [*super().get_headers(environ, scope), *self.extra_headers.items()]


def invalid_json(detail: str) -> Problem:
    return Problem(400, "invalid-json", "Invalid JSON", detail)


def invalid_encoding(detail: str) -> Problem:
    return Problem(400, "invalid-encoding", "Invalid encoding", detail)


def unreadable_body(detail: str) -> Problem:
    """400: the server's stream failed while reading the body (bad chunked framing)."""
    return Problem(400, "unreadable-body", "Unreadable body", detail)


def invalid_content_length(detail: str) -> Problem:
    """400: the body does not match its Content-Length, or that is not a number."""
    return Problem(400, "invalid-content-length", "Invalid Content-Length", detail)


def invalid_content_encoding(detail: str) -> Problem:
    """400: the body is not the gzip or deflate data its Content-Encoding says."""
    return Problem(400, "invalid-content-encoding", "Invalid content encoding", detail)


def unsupported_content_encoding(detail: str) -> Problem:
    """415 for a content coding the service does not read; Accept-Encoding says
    which it does (RFC 9110 section 15.5.16)."""
    return Problem(415, "unsupported-media-type", "Unsupported Media Type", detail,
                   headers={"Accept-Encoding": "gzip, deflate"})


def batch_response_too_large(index: int, limit: int) -> Problem:
    """413 in a batch document's place: the batch's response reached its size limit."""
    return Problem(413, "batch-response-too-large", "Batch response too large",
                   f"documents[{index}] was not extracted: the batch's Results reached "
                   f"the response limit of {limit:,} bytes. Send it in another request.")


def unsupported_media_type(detail: str) -> HTTPException:
    return UnsupportedMediaType(description=detail)


def field_errors(messages) -> list[dict[str, str]]:
    """marshmallow's {field: [message, ...]} (possibly nested) as [{field, message}, ...]."""
    return [{"field": field, "message": message} for field, message in _flatten(messages)]


def validation_error(messages: dict, subject: str = "The request") -> Problem:
    """Build a 422 from marshmallow's {field: [message, ...]} (possibly nested) dict."""
    errors = field_errors(messages)
    fields = ", ".join(sorted({e["field"] for e in errors}))
    return Problem(422, "validation-error", "Validation error",
                   f"{subject} has invalid fields: {fields}.", errors)


def internal_error() -> Problem:
    return Problem(500, "internal-error", "Internal Server Error", GENERIC_DETAILS[500])


def not_ready() -> Problem:
    return Problem(503, "not-ready", "Not ready", "The extraction pipeline has not finished loading.")


def time_budget_exceeded(budget_seconds: float) -> Problem:
    """503: extraction stopped at the operator's per-request time budget.

    Retry-After suggests waiting one budget: the usual cause is a busy server.
    """
    return Problem(
        503, "time-budget-exceeded", "Time budget exceeded",
        f"Extraction did not finish within the time budget of {budget_seconds:g} seconds "
        "per request and was stopped. Retry later, or send a shorter text.",
        headers={"Retry-After": str(max(1, math.ceil(budget_seconds)))})


def _flatten(messages, prefix: str = ""):
    if isinstance(messages, dict):
        for key, value in messages.items():
            # marshmallow reports whole-body errors under "_schema"; we name the body "$".
            name = "$" if key == "_schema" else str(key)
            yield from _flatten(value, f"{prefix}.{name}" if prefix else name)
    elif isinstance(messages, list):
        for item in messages:
            yield from _flatten(item, prefix)
    else:
        yield prefix or "$", str(messages)


def problem_body(status: int, slug: str, title: str, detail: str,
                 errors: list[dict[str, str]] | None = None) -> dict:
    body = {"type": PROBLEM_TYPE_BASE + slug, "title": title, "status": status, "detail": detail}
    if has_request_context():
        body["instance"] = request.path
    if errors:
        body["errors"] = errors
    return body


def body_of(problem: Problem) -> dict:
    """A Problem as its JSON body, e.g. to report one document of a batch in place."""
    return problem_body(problem.code, problem.slug, problem.title, problem.description,
                        problem.errors)


def problem_response(body: dict, headers=None) -> Response:
    return Response(json.dumps(body, ensure_ascii=False), status=body["status"],
                    mimetype=PROBLEM_MIMETYPE, headers=headers)


def _detail(exc: HTTPException, status: int, title: str) -> str:
    if status in GENERIC_DETAILS:
        return GENERIC_DETAILS[status]
    if status == 413 and has_app_context():
        # Werkzeug's own text does not say what the limit is; clients need it to split input.
        limit = current_app.config.get("MAX_CONTENT_LENGTH")
        if limit:
            return f"The request body is larger than the limit of {limit} bytes."
    return exc.description or title


def _slug_from_name(name: str) -> str:
    return "-".join(name.lower().split())


def handle_http_exception(exc: HTTPException) -> Response:
    status = exc.code or 500
    slug = getattr(exc, "slug", None) or SLUGS.get(status) or _slug_from_name(exc.name)
    title = getattr(exc, "title", None) or TITLES.get(status, exc.name)
    detail = _detail(exc, status, title)
    body = problem_body(status, slug, title, detail, getattr(exc, "errors", None))
    # Keep headers the exception carries (Allow on 405), but not its HTML content type.
    headers = [(k, v) for k, v in exc.get_headers() if k.lower() != "content-type"]
    return problem_response(body, headers)


def register_error_handlers(app: Flask) -> None:
    # Flask routes an unhandled exception here as InternalServerError after logging
    # its traceback, so this one handler also covers the 500 case.
    app.register_error_handler(HTTPException, handle_http_exception)
