"""gunicorn settings, read by default when gunicorn starts in this directory: the
same production settings `python -m service` uses (service/gunicorn_config.py)."""
from service.gunicorn_config import *  # noqa: F401,F403
