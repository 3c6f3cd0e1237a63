"""GET / (the page) and GET /v1/sample, over the test client. The page's behaviour in
a real browser is tests/test_page_browser.py."""
from __future__ import annotations

import re
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
PAGE = REPO_ROOT / "service" / "static" / "index.html"
SEED = REPO_ROOT / "seeds" / "000_64c11bc8ba8f458f.txt"


def test_page_served_with_a_strict_policy(client):
    resp = client.get("/")
    assert resp.status_code == 200
    assert resp.mimetype == "text/html" and resp.mimetype_params["charset"] == "utf-8"
    assert resp.data == PAGE.read_bytes()
    csp = resp.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp
    assert "unsafe-eval" not in csp
    assert resp.headers["X-Content-Type-Options"] == "nosniff"


def test_page_is_self_contained():
    html = PAGE.read_text(encoding="utf-8")
    # No CDN, no external file: nothing but the page's own origin is ever fetched.
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert not re.search(r"<(script|link)[^>]+(src|href)=", html)
    assert "@import" not in html
    # Untrusted text goes in as text: no HTML-string APIs anywhere in the script.
    for api in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert api not in html, api


def test_page_is_keyboard_and_phone_ready():
    html = PAGE.read_text(encoding="utf-8")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert ":focus-visible" in html
    for control in ('id="text"', 'id="extract"', 'id="load-sample"', 'for="text"'):
        assert control in html


def test_sample_is_the_seed(client):
    resp = client.get("/v1/sample")
    assert resp.status_code == 200
    assert resp.mimetype == "text/plain" and resp.mimetype_params["charset"] == "utf-8"
    assert resp.data == SEED.read_bytes()


def test_page_and_sample_are_get_only(client):
    for path in ("/", "/v1/sample", "/metrics"):
        resp = client.post(path)
        assert resp.status_code == 405 and resp.mimetype == "application/problem+json"
