"""gunicorn's own error answers as application/problem+json.

A request gunicorn cannot parse (a request line over its 4094-byte limit, such as a
huge query string; too many or too large headers; a malformed request line, header,
Content-Length or chunk) never reaches the app: gunicorn answers it itself, with a
small HTML page. `install()` replaces that page with the same RFC 9457 problem every
other error is, so a client sees one error format whatever refused its request.

`service/gunicorn_config.py` (the production settings, used by `python -m service`
and, through the checkout's `gunicorn.conf.py`, by a bare `gunicorn`) calls `install()`.
Each refusal carries a new `X-Request-ID`, like every answer from the app.
"""
from __future__ import annotations

import json
import uuid

from gunicorn import util

from service.errors import PROBLEM_MIMETYPE, PROBLEM_TYPE_BASE

# gunicorn answers these statuses itself (gunicorn/workers/base.py handle_error).
SLUGS = {
    400: "bad-request",
    403: "forbidden",
    414: "uri-too-long",
    408: "request-timeout",
    417: "expectation-failed",
    431: "request-header-fields-too-large",
    500: "internal-error",
    501: "not-implemented",
}
GENERIC_DETAIL = "The server could not read the request."


def problem_bytes(status: int, reason: str, message: str) -> bytes:
    """A whole HTTP/1.1 response (status line, headers, body) carrying the problem."""
    slug = SLUGS.get(status) or "-".join(reason.lower().split())
    body = json.dumps({
        "type": PROBLEM_TYPE_BASE + slug,
        "title": reason,
        "status": status,
        # gunicorn's message names what it refused (e.g. the over-long line's length);
        # its 500 message is empty, and nothing internal is ever in it.
        "detail": message or GENERIC_DETAIL,
    }, ensure_ascii=False).encode("utf-8")
    # A new id: the request was not read far enough to trust one it sent.
    head = (f"HTTP/1.1 {status} {reason}\r\n"
            "Connection: close\r\n"
            f"X-Request-ID: {uuid.uuid4().hex}\r\n"
            f"Content-Type: {PROBLEM_MIMETYPE}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n")
    return head.encode("latin-1") + body


def write_problem(sock, status_int: int, reason: str, mesg: str) -> None:
    """Drop-in for gunicorn.util.write_error(sock, status_int, reason, mesg)."""
    util.write_nonblock(sock, problem_bytes(status_int, reason, mesg))


def install() -> None:
    """Make gunicorn write problems instead of HTML pages (idempotent)."""
    util.write_error = write_problem
