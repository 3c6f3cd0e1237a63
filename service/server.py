"""The production server, started from Python: gunicorn with the repository's
settings (service/gunicorn_config.py: the buffering worker, threads, problems for
gunicorn's own refusals), whatever directory it is started from."""
from __future__ import annotations

from gunicorn.app.base import BaseApplication

from service import gunicorn_config


class ProductionServer(BaseApplication):
    """gunicorn running `create_app(app_config)` in each worker."""

    def __init__(self, options: dict, app_config: dict | None = None) -> None:
        self.options = options
        self.app_config = app_config
        super().__init__()

    def load_config(self) -> None:
        for name in dir(gunicorn_config):
            if name in self.cfg.settings:
                self.cfg.set(name, getattr(gunicorn_config, name))
        for name, value in self.options.items():
            if value is not None:
                self.cfg.set(name, value)

    def load(self):
        from service.app import create_app
        return create_app(self.app_config)


def run(host: str, port: int, workers: int | None = None,
        app_config: dict | None = None) -> None:
    # IPv6 literals go in brackets in a gunicorn bind address.
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    ProductionServer({"bind": bind, "workers": workers}, app_config).run()
