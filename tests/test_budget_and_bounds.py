"""The time budget no stage can overrun, counted from arrival; Results bounded in
size; batches bounded in response size; the smaller operating promises (method
labels, the development server's own refusals)."""
from __future__ import annotations

import json
import socket
import sys
import threading
import time
from pathlib import Path

import pytest
from hypothesis import example, given, settings, strategies as st

from service import bounds, deadline, extraction, pipeline as pipeline_module, result_json
from service.devserver import ProblemRequestHandler

from rawhttp import parse, problem, read_response
from tests.work_count import assert_linear

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
import test_bench_growth as growth  # noqa: E402

SLOWEST = ("number-unit", "event-names", "digits", "dense-sentence")
# CPU time (this thread's) between two deadline checks: a stage may run at most
# this long unchecked. Measured: ~110 ms at most at 200,000 characters (building
# the document, one native segmenter call) and a few ms at the size used here;
# the rest of the bound is room for a garbage collection on a loaded machine.
MAX_UNCHECKED_CPU_S = 0.25
ARTICLE = "在台北時間2024年7月30日早上6點,黃仁勳與扎克伯格在SIGGRAPH上對談。"


# --- the deadline is checked inside every stage ------------------------------------------

@pytest.mark.parametrize("kind", SLOWEST)
def test_no_stage_runs_long_between_deadline_checks(monkeypatch, kind):
    extraction.warm_up()  # loading the pipeline is not a stage
    text = growth.INPUTS[kind](40_000)
    gaps: list[tuple[float, str]] = []
    last = [time.thread_time(), "start"]
    stages = set()

    def recording_check(stage: str) -> None:
        now = time.thread_time()
        gaps.append((now - last[0], f"{last[1]} -> {stage}"))
        last[:] = [now, stage]
        stages.add(stage)

    for module in (deadline, pipeline_module, result_json):
        monkeypatch.setattr(module, "check", recording_check)
    # the bounds module imported check by name too
    monkeypatch.setattr(bounds, "check", recording_check)
    last[:] = [time.thread_time(), "start"]
    extraction.run({"text": text, "id": None, "reference_date": None}, deadline=time.monotonic() + 60)
    recording_check("end")
    worst = max(gaps)
    assert worst[0] < MAX_UNCHECKED_CPU_S, f"{worst[0] * 1000:.0f} ms unchecked at {worst[1]}"
    names = {c.name for c in pipeline_module.get_pipeline().components}
    assert names - {"credits"} <= stages, names - stages  # every stage with a loop checks


@pytest.mark.parametrize("kind", SLOWEST)
def test_budget_of_one_second_answers_503_within_one_and_a_half(make_app, kind):
    client = make_app(TIME_BUDGET_SECONDS=1.0).test_client()
    text = growth.INPUTS[kind](200_000)
    body = json.dumps({"text": text}, ensure_ascii=False).encode()
    started = time.monotonic()
    resp = client.post("/v1/extract", data=body, content_type="application/json")
    seconds = time.monotonic() - started
    assert resp.status_code in (200, 503)
    assert seconds <= 1.5, f"{kind}: answered after {seconds:.2f} s"


def test_budget_counts_from_arrival(make_app):
    # The production worker says when the request had arrived whole; time spent
    # waiting for a thread since then is charged to the budget.
    client = make_app(TIME_BUDGET_SECONDS=2.0).test_client()
    resp = client.post("/v1/extract", json={"text": ARTICLE},
                       environ_base={"zne.received_at": time.monotonic() - 3.0})
    assert resp.status_code == 503
    assert resp.get_json()["type"].endswith("/time-budget-exceeded")
    fresh = client.post("/v1/extract", json={"text": ARTICLE},
                        environ_base={"zne.received_at": time.monotonic()})
    assert fresh.status_code == 200


def test_deadline_check_is_a_no_op_without_a_deadline():
    deadline.check("anything")
    with deadline.within(time.monotonic() - 1):
        with pytest.raises(deadline.DeadlineExceeded) as info:
            deadline.check("facts")
        assert info.value.stage == "facts" and info.value.overrun >= 1
    deadline.check("after")  # the deadline ended with its block


def test_number_unit_runs_are_linear_in_the_facts_stage():
    # 1年1年... once cost the facts stage ~115 us per character; the growth
    # benchmark times it, this counts the stage's calls: 4x the text, about 4x the
    # calls, no function's growing faster (tests/work_count.py).
    p = pipeline_module.get_pipeline()
    facts = next(c for c in p.components if c.name == "facts")
    assert_linear(facts, growth.number_unit, 5_000, 20_000, prepare=p.process)


# --- bounded Results ----------------------------------------------------------------------

def test_mentions_per_item_are_capped_with_a_warning(assert_valid_result):
    text = "黃仁勳表示看好。" * (bounds.MAX_MENTIONS_PER_ITEM + 50)
    result = extraction.extract(text)
    assert_valid_result(result, text)
    person = next(p for p in result["participants"] if p["id"] == "jensen-huang")
    assert len(person["mentions"]) == bounds.MAX_MENTIONS_PER_ITEM
    assert any("mentions" in w for w in result["warnings"])


def test_result_size_is_capped_relative_to_the_text(assert_valid_result):
    # Facts at prose's density (under service/nlp/density.py's caps), each carrying its
    # long sentence: ~60 bytes of Result per byte of text.
    text = ("，".join(["營收成長了1倍，主要來自這個市場的強勁需求"] * 30) + "。") * 40
    result = extraction.extract(text)
    assert_valid_result(result, text)
    size = len(json.dumps(result, ensure_ascii=False).encode())
    assert size <= bounds.result_limit(text)
    assert any("The Result was cut" in w and "quantitative_facts" in w for w in result["warnings"])


def test_a_cut_leaves_no_id_naming_a_removed_item(assert_valid_result):
    # Built by hand: the budget runs out inside the organisations, which people,
    # products, events, quotes and facts refer to.
    text = "星辰智能表示看好。"
    org = {"id": "xingchen", "name": "星辰智能", "name_en": None, "aliases": ["星辰智能"],
           "mentions": [{"start": 0, "end": 4, "text": "星辰智能"}], "confidence": 0.9,
           "inferred": False}
    filler = {**org, "id": "filler", "name": "x" * bounds.RESULT_FLOOR_BYTES}
    result = extraction.extract(text)
    result["organizations"] = [filler, org]
    result["products"] = [{"id": "foo", "name": "Foo", "vendor": "xingchen", "category": "model",
                           "variants": [], "context_window": None, "description": None,
                           "mentions": [], "confidence": 0.5}]
    bounds.cap_size(result, text)
    assert [o["id"] for o in result["organizations"]] == []
    assert result["products"] == [] or result["products"][0]["vendor"] is None
    assert any("The Result was cut" in w for w in result["warnings"])
    from tests.conftest import unresolved_ids
    assert unresolved_ids(result) == []


def test_news_is_never_cut():
    for path in sorted((REPO_ROOT / "fixtures" / "articles").glob("*.txt"))[:6]:
        result = extraction.extract(path.read_text(encoding="utf-8"))
        assert not any("cut" in w or "mentions;" in w for w in result["warnings"]), path


def test_batch_response_is_bounded(make_app):
    client = make_app(MAX_BATCH_RESPONSE_BYTES=20_000).test_client()
    seed = (REPO_ROOT / "seeds" / "000_64c11bc8ba8f458f.txt").read_text(encoding="utf-8")
    resp = client.post("/v1/extract/batch", json={"documents": [{"text": seed}] * 3})
    assert resp.status_code == 200
    results = resp.get_json()["results"]
    assert "schema_version" in results[0]            # the first always fits
    for i, r in enumerate(results[1:], 1):
        assert r["status"] == 413 and r["type"].endswith("/batch-response-too-large")
        assert f"documents[{i}]" in r["detail"]


# --- smaller items --------------------------------------------------------------------------

def test_metrics_method_label_is_a_fixed_set(client):
    for i in range(30):
        client.open("/v1/extract", method=f"INVENTED{i}")
    metrics = client.get("/metrics").get_data(as_text=True)
    assert "INVENTED" not in metrics
    assert 'method="other"' in metrics


@pytest.fixture(scope="module")
def dev_server():
    from werkzeug.serving import make_server
    from service import create_app
    server = make_server("127.0.0.1", 0, create_app({"TESTING": True}), threaded=True,
                         request_handler=ProblemRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_port
    server.shutdown()
    thread.join(timeout=10)


@pytest.mark.parametrize("raw,status", [
    (b"GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n", 400),
    (b"GET /healthz HTTP/2.0\r\nHost: x\r\n\r\n", 505),
    (b"GET /healthz HTTP/1.1\r\n" + b"".join(b"X-%d: 1\r\n" % i for i in range(200)) + b"\r\n", 431),
    (b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n", 414),
], ids=["bad-request-line", "http-2.0", "too-many-headers", "long-line"])
def test_development_server_refusals_are_problems(dev_server, raw, status):
    with socket.create_connection(("127.0.0.1", dev_server), timeout=10) as sock:
        sock.sendall(raw)
        answer = read_response(sock, 10)
    got, body = problem(answer)
    assert got == status
    assert parse(answer)[1].get("x-request-id")
    assert b"<html" not in answer.lower()


def test_development_server_names_no_versions(dev_server):
    with socket.create_connection(("127.0.0.1", dev_server), timeout=10) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        answer = read_response(sock, 10)
    status, headers, _ = parse(answer)
    assert status == 200
    assert headers["server"] == "zh-news-extract"


def test_python_m_service_is_the_production_server_unless_dev(monkeypatch):
    from service import __main__ as main_module, server
    started = {}
    monkeypatch.setattr(server, "run", lambda host, port, workers, config: started.update(
        host=host, port=port, workers=workers))
    main_module.main(["--port", "9123", "--workers", "3"])
    assert started == {"host": "127.0.0.1", "port": 9123, "workers": 3}
    assert main_module.parse_args(["--dev"], environ={}).dev is True
    assert main_module.parse_args([], environ={"ZNE_WORKERS": "4"}).workers == 4


def test_production_settings_buffer_requests():
    from service import gunicorn_config, server
    app = server.ProductionServer({"bind": "127.0.0.1:0", "workers": 1})
    assert app.cfg.worker_class_str == gunicorn_config.worker_class
    assert app.cfg.threads == 4 and app.cfg.keepalive == 0 and app.cfg.workers == 1


def test_size_cap_holds_at_every_limit_around_the_results_size(monkeypatch):
    """The whole-Result shortcut and the per-item loop agree at the edge: under
    every limit near the Result's own size, the capped Result fits its limit, and
    it is left whole when the limit leaves room for it, the warning and two bytes
    of separator per list, and cut when the limit is under the first two."""
    text = (REPO_ROOT / "fixtures" / "articles" / "03_tsmc-q3-2024-earnings.txt").read_text(encoding="utf-8")
    whole = extraction.extract(text)
    size = bounds._size(whole)
    for limit in range(size - 40, size + bounds.WARNING_ROOM + 60, 7):
        monkeypatch.setattr(bounds, "result_limit", lambda _text, limit=limit: limit)
        result = json.loads(json.dumps(whole))
        bounds.cap_size(result, text)
        assert bounds._size(result) <= limit, limit
        cut = any("The Result was cut" in w for w in result["warnings"])
        if limit < size + bounds.WARNING_ROOM:
            assert cut, limit
        if limit >= size + bounds.WARNING_ROOM + 2 * len(bounds.SECTIONS_IN_ORDER):
            assert not cut and result == whole, limit


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=12),
    lambda children: st.lists(children, max_size=5)
    | st.dictionaries(st.text(max_size=6), children, max_size=5),
    max_leaves=30)


@settings(max_examples=400, deadline=None)
@given(JSON_VALUES)
@example(1e-09)
@example([2.5e-07, {"a": -3e-05}])
@example("\x00\x1f\"\\\n\u2028\ud800")
@example(10 ** 30)
def test_the_cheap_size_bound_is_never_under_the_size(value):
    """cap_size skips its per-item walk when _size_at_most fits: it must never be
    less than the size json itself gives (floats, escapes, surrogates, big integers)."""
    assert bounds._size_at_most(value) >= bounds._size(value)
