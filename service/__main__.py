"""`python -m service`: serve with Flask's threaded development server."""
from __future__ import annotations

import argparse
import os
import sys

from service import MAX_BODY_ENV, create_app, positive_int

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
PRODUCTION_HINT = ("This is Flask's development server; in production use gunicorn: "
                   "gunicorn -w 2 -b 0.0.0.0:8000 'service:create_app()'")


def _positive(name: str):
    def convert(value: str) -> int:
        try:
            return positive_int(value, name)
        except ValueError as exc:  # argparse then reports the message, not "invalid <lambda>"
            raise argparse.ArgumentTypeError(str(exc)) from None
    return convert


def add_server_arguments(parser: argparse.ArgumentParser, environ=os.environ) -> None:
    """The server's flags, shared with `zh-news-extract serve`."""
    parser.add_argument("--host", default=environ.get("ZNE_HOST") or DEFAULT_HOST,
                        help=f"interface to bind (env ZNE_HOST, default {DEFAULT_HOST})")
    parser.add_argument("--port", type=_positive("--port / ZNE_PORT"),
                        default=environ.get("ZNE_PORT") or str(DEFAULT_PORT),
                        help=f"port (env ZNE_PORT, default {DEFAULT_PORT})")
    parser.add_argument("--max-body-bytes", type=_positive(f"--max-body-bytes / {MAX_BODY_ENV}"),
                        default=environ.get(MAX_BODY_ENV) or None,
                        help=f"largest accepted request body (env {MAX_BODY_ENV}, default 2 MiB)")


def parse_args(argv: list[str] | None = None, environ=os.environ) -> argparse.Namespace:
    """Flags win over ZNE_* environment variables (empty counts as unset), which win over defaults."""
    parser = argparse.ArgumentParser(prog="python -m service", description=__doc__)
    add_server_arguments(parser, environ)
    return parser.parse_args(argv)


def serve(args: argparse.Namespace) -> None:
    config = {"MAX_CONTENT_LENGTH": args.max_body_bytes} if args.max_body_bytes else None
    app = create_app(config)
    print(PRODUCTION_HINT, file=sys.stderr, flush=True)
    app.run(host=args.host, port=args.port, threaded=True)


def main(argv: list[str] | None = None) -> None:
    serve(parse_args(argv))


if __name__ == "__main__":
    main()
