"""Shared fixtures: the app, its test client, and the Result checker."""
from __future__ import annotations

import contextlib
import json
import threading
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from werkzeug.serving import make_server

from service import create_app

REPO_ROOT = Path(__file__).resolve().parent.parent
SCHEMA_PATH = REPO_ROOT / "schema" / "extraction.schema.json"
OPENAPI_PATH = REPO_ROOT / "openapi.yaml"
SEED_PATH = REPO_ROOT / "seeds" / "000_64c11bc8ba8f458f.txt"
SPAN_KEYS = {"start", "end", "text"}

RESULT_SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
RESULT_VALIDATOR = Draft202012Validator(
    RESULT_SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def iter_spans(node, path: str = "$"):
    """Yield (json path, span) for every dict anywhere in node whose keys are exactly start/end/text."""
    if isinstance(node, dict):
        if node.keys() == SPAN_KEYS:
            yield path, node
        for key, value in node.items():
            yield from iter_spans(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from iter_spans(value, f"{path}[{i}]")


def unresolved_ids(result: dict) -> list[str]:
    """Ids that one item gives for another but that name no item of the Result."""
    orgs = {o["id"] for o in result["organizations"]}
    people = {p["id"] for p in result["participants"]}
    products = {p["id"] for p in result["products"]}
    refs = [(f"participants[{i}].organization", p["organization"], orgs)
            for i, p in enumerate(result["participants"])]
    refs += [(f"products[{i}].vendor", p["vendor"], orgs) for i, p in enumerate(result["products"])]
    for i, e in enumerate(result["events"]):
        refs.append((f"events[{i}].organizer", e["organizer"], orgs))
        refs += [(f"events[{i}].participants", pid, people) for pid in e["participants"]]
    refs += [(f"quotes[{i}].speaker", q["speaker"], people) for i, q in enumerate(result["quotes"])]
    refs += [(f"quantitative_facts[{i}].entity", f["entity"], orgs | people | products)
             for i, f in enumerate(result["quantitative_facts"])]
    return [f"{where}: {ref}" for where, ref, listed in refs if ref is not None and ref not in listed]


def assert_valid_result(result: dict, text: str) -> None:
    """The result obeys the JSON Schema, every Span is a true slice of text, every id resolves."""
    errors = sorted(RESULT_VALIDATOR.iter_errors(result), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{e.json_path}: {e.message}" for e in errors)
    for path, span in iter_spans(result):
        start, end = span["start"], span["end"]
        assert start <= end <= len(text), f"{path}: [{start}, {end}) outside the text"
        assert text[start:end] == span["text"], (
            f"{path}: text[{start}:{end}] is {text[start:end]!r}, span says {span['text']!r}")
    assert not unresolved_ids(result), unresolved_ids(result)


@pytest.fixture(name="assert_valid_result")
def _assert_valid_result_fixture():
    # A fixture as well as a function, so test modules need not import conftest
    # (with several conftest.py files that import is ambiguous).
    return assert_valid_result


@pytest.fixture
def make_app():
    """Build an app with extra config, e.g. a small body limit."""
    def make(**config):
        return create_app({"TESTING": True, **config})
    return make


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@contextlib.contextmanager
def serving(app):
    """The app on a real socket (127.0.0.1, a free port) in a thread: its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server():
    """The app on a real socket (127.0.0.1, a free port) in a thread: its base URL."""
    with serving(create_app({"TESTING": True})) as url:
        yield url


@pytest.fixture(scope="session")
def live_server_for_schema(tmp_path_factory):
    """A live server whose Result JSON Schema is another document (only its spec differs):
    call with the document, get the base URL."""
    stack = contextlib.ExitStack()

    def start(document: dict) -> str:
        path = tmp_path_factory.mktemp("schema") / "extraction.schema.json"
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        return stack.enter_context(serving(create_app({"TESTING": True, "SCHEMA_FILE": path})))

    with stack:
        yield start
