"""gunicorn settings, read by default when gunicorn starts in this directory.

Only what the app cannot do itself: the errors gunicorn answers before a request
reaches the app (a request line or headers over its limits, a malformed request)
leave as application/problem+json like every other error, not as an HTML page.
"""
from service.gunicorn_problems import install

install()
