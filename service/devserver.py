"""Flask's development server (`python -m service --dev`), answering what it
refuses itself (a malformed request line, oversized headers) with the same
application/problem+json as every other error, and naming no versions."""
from __future__ import annotations

from werkzeug.serving import WSGIRequestHandler, run_simple

from service.gunicorn_problems import problem_bytes

SERVER_NAME = "zh-news-extract"


class ProblemRequestHandler(WSGIRequestHandler):
    """Werkzeug's handler with problems instead of http.server's HTML error page."""

    def version_string(self) -> str:
        # http.server says "Werkzeug/3.x Python/3.11.y": nothing an attacker needs.
        return SERVER_NAME

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        reason = self.responses.get(code, ("Error",))[0]
        self.log_error("code %d, message %s", code, message)
        self.close_connection = True
        try:
            self.wfile.write(problem_bytes(code, reason, message or ""))
        except OSError:
            pass


def run(app, host: str, port: int) -> None:
    run_simple(host, port, app, threaded=True, request_handler=ProblemRequestHandler)
