"""`python -m service`: serve with the production server (gunicorn with the
repository's settings, service/gunicorn_config.py), or with `--dev` Flask's
threaded development server."""
from __future__ import annotations

import argparse
import os
import sys

from service.app import create_app
from service.config import MAX_BODY_ENV, positive_int

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
PRODUCTION_HINT = ("This is Flask's development server (--dev); without --dev, "
                   "python -m service runs the production server.")


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
    parser.add_argument("--workers", type=_positive("--workers / ZNE_WORKERS"),
                        default=environ.get("ZNE_WORKERS") or "2",
                        help="production server processes (env ZNE_WORKERS, default 2)")
    parser.add_argument("--dev", action="store_true",
                        help="Flask's development server instead of the production server")


def parse_args(argv: list[str] | None = None, environ=os.environ) -> argparse.Namespace:
    """Flags win over ZNE_* environment variables (empty counts as unset), which win over defaults."""
    parser = argparse.ArgumentParser(prog="python -m service", description=__doc__)
    add_server_arguments(parser, environ)
    return parser.parse_args(argv)


def serve(args: argparse.Namespace) -> None:
    config = {"MAX_CONTENT_LENGTH": args.max_body_bytes} if args.max_body_bytes else None
    if not args.dev:
        from service import server
        server.run(args.host, args.port, args.workers, config)
        return
    from service import devserver
    app = create_app(config)
    print(PRODUCTION_HINT, file=sys.stderr, flush=True)
    devserver.run(app, args.host, args.port)


def main(argv: list[str] | None = None) -> None:
    serve(parse_args(argv))


if __name__ == "__main__":
    main()
