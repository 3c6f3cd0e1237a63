"""Request ids, the structured access log, and GET /metrics."""
from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from service import observability
from service.pipeline import get_pipeline

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED = (REPO_ROOT / "seeds" / "000_64c11bc8ba8f458f.txt").read_text(encoding="utf-8")
SHORT = "輝達執行長黃仁勳表示看好。"


class Lines(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append(json.loads(record.getMessage()))


@pytest.fixture
def access_log(app):
    logger = observability.access_logger()
    handler = Lines()
    logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)


def samples(client) -> dict:
    """{(sample name, frozenset(labels)): value} from GET /metrics."""
    resp = client.get("/metrics")
    assert resp.status_code == 200
    out = {}
    for family in text_string_to_metric_families(resp.get_data(as_text=True)):
        for s in family.samples:
            out[(s.name, frozenset(s.labels.items()))] = s.value
    return out


def value(snapshot: dict, name: str, **labels) -> float:
    return snapshot.get((name, frozenset(labels.items())), 0.0)


# --- X-Request-ID ------------------------------------------------------------------

def test_request_id_echoed(client):
    resp = client.get("/healthz", headers={"X-Request-ID": "abc-123_x.y:z"})
    assert resp.headers["X-Request-ID"] == "abc-123_x.y:z"


@pytest.mark.parametrize("sent", [None, "", "x" * 129, "has space", "ünïcode", "a\tb"],
                         ids=["absent", "empty", "too-long", "space", "non-ascii", "tab"])
def test_request_id_generated_when_absent_or_unusable(client, sent):
    headers = {} if sent is None else {"X-Request-ID": sent}
    first = client.get("/healthz", headers=headers).headers["X-Request-ID"]
    second = client.get("/healthz", headers=headers).headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", first) and first != second


def test_request_id_on_problems_too(client):
    resp = client.get("/nowhere", headers={"X-Request-ID": "trace-404"})
    assert resp.status_code == 404
    assert resp.headers["X-Request-ID"] == "trace-404"


# --- access log --------------------------------------------------------------------

def test_one_access_line_per_request(client, access_log):
    client.post("/v1/extract", json={"text": SHORT}, headers={"X-Request-ID": "req-1"})
    client.get("/nowhere")
    client.post("/v1/extract", json={"text": " "})
    client.post("/v1/extract/batch", json={"documents": [{"text": SHORT}, {"text": "ab"}, {}]})
    assert [line["status"] for line in access_log] == [200, 404, 422, 200]
    ok, missing, invalid, batch = access_log
    assert ok["request_id"] == "req-1"
    assert (ok["method"], ok["path"], ok["route"]) == ("POST", "/v1/extract", "/v1/extract")
    assert ok["chars"] == len(SHORT) and ok["documents"] == 1
    assert isinstance(ok["ms"], float) and ok["ms"] >= 0
    assert ok["ts"].endswith("+00:00")
    assert (missing["path"], missing["route"], missing["chars"]) == ("/nowhere", "<unmatched>", 0)
    assert invalid["chars"] == 0
    assert batch["chars"] == len(SHORT) + 2 and batch["documents"] == 2


def test_access_log_goes_to_stderr_as_json(app, capsys):
    app.test_client().get("/healthz", headers={"X-Request-ID": "to-stderr"})
    lines = [json.loads(l) for l in capsys.readouterr().err.splitlines() if l.startswith("{")]
    assert any(l["request_id"] == "to-stderr" and l["path"] == "/healthz" for l in lines)


# --- /metrics ----------------------------------------------------------------------

def test_metrics_is_prometheus_text(client):
    resp = client.get("/metrics")
    assert resp.status_code == 200
    assert resp.mimetype == "text/plain"
    families = {f.name for f in text_string_to_metric_families(resp.get_data(as_text=True))}
    assert {"zne_http_requests", "zne_http_request_duration_seconds", "zne_extraction_seconds",
            "zne_extraction_section_seconds", "zne_documents_processed",
            "zne_characters_processed", "zne_documents_rejected"} <= families


def test_metrics_count_requests_documents_and_characters(client):
    before = samples(client)
    client.post("/v1/extract", json={"text": SEED})
    client.post("/v1/extract/batch", json={"documents": [{"text": SHORT}, {"text": " "}]})
    client.get("/nowhere")
    after = samples(client)

    def delta(name, **labels):
        return value(after, name, **labels) - value(before, name, **labels)

    assert delta("zne_http_requests_total", route="/v1/extract", method="POST", status="200") == 1
    assert delta("zne_http_requests_total", route="/v1/extract/batch", method="POST", status="200") == 1
    assert delta("zne_http_requests_total", route="<unmatched>", method="GET", status="404") == 1
    assert delta("zne_http_request_duration_seconds_count", route="/v1/extract", method="POST") == 1
    assert delta("zne_documents_processed_total") == 2
    assert delta("zne_characters_processed_total") == len(SEED) + len(SHORT)
    assert delta("zne_documents_rejected_total", status="422") == 1
    assert delta("zne_extraction_seconds_count") == 2
    assert delta("zne_extraction_seconds_sum") > 0
    # One timing per pipeline section per document, for every section the pipeline runs.
    sections = [c.name for c in get_pipeline().components]
    assert len(sections) >= 6
    for section in sections:
        assert delta("zne_extraction_section_seconds_count", section=section) == 2, section
    # Routes are the rule, never the raw path: unknown paths cannot explode the label set.
    assert not any(("route", "/nowhere") in labels for _, labels in after)


def test_instrumentation_is_applied_once_and_times_every_section(app):
    from prometheus_client import REGISTRY
    p = get_pipeline()
    observability.instrument_pipeline(p)
    observers = p._observers
    observability.instrument_pipeline(p)
    assert p._observers == observers and len(observers) >= 1  # not stacked

    def count(section):
        return REGISTRY.get_sample_value("zne_extraction_section_seconds_count", {"section": section}) or 0

    before = {c.name: count(c.name) for c in p.components}
    first = p.extract(SEED)
    assert all(count(c.name) == before[c.name] + 1 for c in p.components)
    assert p.extract(SEED) == first
