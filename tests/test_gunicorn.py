"""The production server: gunicorn loads create_app(), becomes ready, serves, and bounds
bodies; answers what it cannot parse with problems; survives a burst; keeps its memory."""
from __future__ import annotations

import contextlib
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from rawhttp import exchange, problem, stream_chunked_upload

REPO_ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"  # loopback only
READY_TIMEOUT_S = 60  # the pipeline loads its heavy state before the worker accepts
REQUEST_TIMEOUT_S = 30
STOP_TIMEOUT_S = 10
BODY_LIMIT = 4096
SEED = (REPO_ROOT / "seeds" / "000_64c11bc8ba8f458f.txt").read_text(encoding="utf-8")
ARTICLE = "在台北時間2024年7月30日早上6點,黃仁勳與扎克伯格在SIGGRAPH上對談。"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def request(port: int, method: str, path: str, body=None, headers=None):
    conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT_S)
    try:
        # A generator body with no Content-Length is sent with Transfer-Encoding: chunked.
        conn.request(method, path, body=body, headers=headers or {},
                     encode_chunked=not isinstance(body, (bytes, type(None))))
        resp = conn.getresponse()
        return resp.status, resp.getheader("Content-Type"), resp.read()
    finally:
        conn.close()


def wait_ready(proc: subprocess.Popen, port: int, log: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"gunicorn exited early with {proc.returncode}:\n{log.read_text()[-2000:]}")
        try:
            if request(port, "GET", "/readyz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail(f"gunicorn not ready within {READY_TIMEOUT_S}s:\n{log.read_text()[-2000:]}")


@contextlib.contextmanager
def gunicorn_server(tmp_dir: Path, workers: int, env_extra: dict[str, str]):
    gunicorn = Path(sys.executable).parent / "gunicorn"
    assert gunicorn.exists(), f"gunicorn not installed beside {sys.executable}"
    port = free_port()
    env = {**os.environ, **env_extra}
    log = tmp_dir / "log.txt"
    with log.open("wb") as log_file:
        proc = subprocess.Popen(
            [str(gunicorn), "service:create_app()", "-b", f"{HOST}:{port}", "-w", str(workers),
             "--graceful-timeout", str(STOP_TIMEOUT_S), "--pid", str(tmp_dir / "gunicorn.pid")],
            cwd=REPO_ROOT, env=env, stdin=subprocess.DEVNULL, stdout=log_file, stderr=log_file)
    try:
        wait_ready(proc, port, log)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=STOP_TIMEOUT_S)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with gunicorn_server(tmp_path_factory.mktemp("gunicorn"), 1,
                         {"ZNE_MAX_BODY_BYTES": str(BODY_LIMIT)}) as port:
        yield port


def test_gunicorn_serves_extract(server, assert_valid_result):
    status, ctype, body = request(server, "POST", "/v1/extract",
                                  body=json.dumps({"text": ARTICLE}).encode(),
                                  headers={"Content-Type": "application/json"})
    assert status == 200
    assert ctype == "application/json"
    assert_valid_result(json.loads(body), ARTICLE)


def test_gunicorn_bounds_chunked_bodies(server):
    # No Content-Length to check up front: the limit must hold while reading.
    chunks = (b"a" * 1024 for _ in range(BODY_LIMIT // 1024 * 4))
    status, ctype, body = request(server, "POST", "/v1/extract", body=chunks,
                                  headers={"Content-Type": "text/plain; charset=utf-8"})
    assert status == 413
    assert ctype == "application/problem+json"
    assert json.loads(body)["type"].endswith("/content-too-large")


def test_gunicorn_workers_share_metrics(tmp_path):
    # With PROMETHEUS_MULTIPROC_DIR every worker writes its numbers there and /metrics
    # adds them up, whichever worker answers the scrape.
    metrics_dir = tmp_path / "metrics"
    metrics_dir.mkdir()
    with gunicorn_server(tmp_path, 2, {"PROMETHEUS_MULTIPROC_DIR": str(metrics_dir)}) as port:
        def extract(_):
            return request(port, "POST", "/v1/extract", body=json.dumps({"text": SEED}).encode(),
                           headers={"Content-Type": "application/json"})[0]

        sent = 0
        with ThreadPoolExecutor(max_workers=4) as pool:
            # Concurrent requests, so that a busy sync worker leaves some to the other;
            # rounds until both have answered (the second may still be loading at first).
            for _ in range(20):
                assert set(pool.map(extract, range(4))) == {200}
                sent += 4
                if len(extract_pids(tmp_path / "log.txt")) == 2:
                    break
                time.sleep(0.25)
        assert len(extract_pids(tmp_path / "log.txt")) == 2
        for _ in range(4):
            status, ctype, body = request(port, "GET", "/metrics")
            assert status == 200 and ctype.startswith("text/plain")
            lines = body.decode().splitlines()
            assert f"zne_documents_processed_total {float(sent)}" in lines
            assert f"zne_characters_processed_total {float(sent * len(SEED))}" in lines


def extract_pids(log: Path) -> set[int]:
    """The workers that answered POST /v1/extract, from the JSON access-log lines."""
    pids = set()
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("{"):
            entry = json.loads(line)
            if entry.get("path") == "/v1/extract":
                pids.add(entry["pid"])
    return pids


# --- what gunicorn itself refuses, and bodies that lie --------------------------------
# gunicorn answers a request it cannot parse before the app sees it; gunicorn.conf.py
# (read from the checkout) makes that answer a problem, not gunicorn's HTML page.

def test_gunicorn_huge_query_string_is_a_414_problem(server):
    answer = exchange(server, b"POST /v1/extract?id=" + b"x" * 100_000 + b" HTTP/1.1\r\n"
                      b"Host: x\r\nContent-Type: text/plain\r\nContent-Length: 1\r\n\r\na")
    status, body = problem(answer)
    assert status == 414 and body["type"].endswith("/uri-too-long")


@pytest.mark.parametrize("raw,status,slug", [
    (b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
     b"Content-Length: abc\r\n\r\nabc", 400, "bad-request"),
    (b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
     b"Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", 400, "bad-request"),
    (b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
     b"Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n", 400, "unreadable-body"),
    (b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nX-Big: " + b"y" * 10_000 + b"\r\n\r\n",
     431, "request-header-fields-too-large"),
    (b"GET /healthz HTTP/1.1\r\n" + b"".join(b"X-%d: 1\r\n" % i for i in range(200)) + b"\r\n",
     431, "request-header-fields-too-large"),
    (b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 not http at all\r\n\r\n", 400, "bad-request"),
    (b"GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n", 400, "bad-request"),
], ids=["content-length-not-a-number", "length-and-chunked", "bad-chunk-size", "huge-header",
        "too-many-headers", "tls-hello", "http-9.9"])
def test_gunicorn_malformed_requests_are_problems(server, raw, status, slug):
    got, body = problem(exchange(server, raw))
    assert (got, body["type"].rsplit("/", 1)[1]) == (status, slug), body
    assert "Traceback" not in body["detail"]


@pytest.mark.parametrize("declared", [1, 1000])
def test_gunicorn_content_length_longer_than_the_body(server, declared):
    # The client sends less than it declared (within the body limit), then stops sending.
    body = json.dumps({"text": ARTICLE}, ensure_ascii=False).encode()
    answer = exchange(server, b"POST /v1/extract HTTP/1.1\r\nHost: x\r\n"
                      b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % (len(body) + declared)
                      + body, half_close=True)
    status, problem_body = problem(answer)
    assert status == 400 and problem_body["type"].endswith("/invalid-content-length")


def test_gunicorn_content_length_shorter_than_the_body(server):
    # gunicorn reads what was declared; the rest is not this request's.
    body = json.dumps({"text": ARTICLE}, ensure_ascii=False).encode()
    answer = exchange(server, b"POST /v1/extract HTTP/1.1\r\nHost: x\r\n"
                      b"Content-Type: application/json\r\nContent-Length: 10\r\n\r\n" + body)
    status, problem_body = problem(answer)
    assert status == 400 and problem_body["type"].endswith("/invalid-json")


def test_gunicorn_answers_an_endless_upload_before_it_ends(server):
    total = 64 * 1024 * 1024
    sent, answer = stream_chunked_upload(server, total)
    status, body = problem(answer)
    assert status == 413 and body["type"].endswith("/content-too-large")
    assert sent < total // 4, f"{sent:,} bytes sent before the answer"
    # The worker is free again at once.
    assert request(server, "GET", "/healthz")[0] == 200


# --- a burst, and memory over thousands of requests -------------------------------------

BURST = 500
BURST_CONCURRENCY = 32
# ZNE_TEST_MEMORY_REQUESTS lowers the long run for a quick local check (CI: 5,000).
MEMORY_REQUESTS = int(os.environ.get("ZNE_TEST_MEMORY_REQUESTS", "5000"))
MEMORY_FIRST = 500
MEMORY_GROWTH_LIMIT = 1.10
HAN = "明華偉芳秀英敏靜麗強磊軍洋勇傑娟濤超輝剛平鵬雲霞龍鳳"
SURNAMES = "王李張劉陳楊黃趙吳周徐孫馬朱胡郭何林羅高梁宋鄭謝韓唐馮"


def varied_article(i: int) -> str:
    """A short article with a new person, company, number and date each time, so that
    anything cached by content would show in the worker's memory."""
    r = random.Random(i)
    name = r.choice(SURNAMES) + r.choice(HAN) + r.choice(HAN)
    company = r.choice(HAN) + r.choice(HAN) + "科技"
    return (f"{company}執行長{name}{r.randint(1, 12)}月{r.randint(1, 28)}日表示:"
            f"「第{i}季營收成長了{r.randint(1, 99)}%。」")


def send(port: int, i: int) -> tuple[int, dict | None]:
    """Request i of a run: JSON, text/plain or a batch, its id echoed back."""
    text = SEED if i % 50 == 0 else varied_article(i)
    if i % 10 == 3:
        body = json.dumps({"documents": [{"text": text, "id": f"{i}-{k}"} for k in range(3)]},
                          ensure_ascii=False).encode()
        status, ctype, data = request(port, "POST", "/v1/extract/batch", body=body,
                                      headers={"Content-Type": "application/json"})
    elif i % 5 == 1:
        status, ctype, data = request(port, "POST", f"/v1/extract?id={i}", body=text.encode(),
                                      headers={"Content-Type": "text/plain; charset=utf-8"})
    else:
        body = json.dumps({"text": text, "id": str(i)}, ensure_ascii=False).encode()
        status, ctype, data = request(port, "POST", "/v1/extract", body=body,
                                      headers={"Content-Type": "application/json"})
    return status, (json.loads(data) if ctype and ctype.startswith("application/") else None)


def worker_pids(master: int) -> set[int]:
    pids = set()
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(master):
            pids.add(int(status.parent.name))
    return pids


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError(f"no VmRSS for {pid}")


def forked_workers(master: int, count: int, timeout: float = 10.0) -> set[int]:
    """The master's workers once there are `count`: with preload_app the master forks
    them one after another once the app has loaded, so /readyz can answer from the
    first before the last exists."""
    deadline = time.monotonic() + timeout
    while len(workers := worker_pids(master)) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return workers


def gunicorn_master(tmp_dir: Path) -> int:
    return int((tmp_dir / "gunicorn.pid").read_text().strip())


def test_gunicorn_burst_of_500_requests_two_workers(tmp_path, assert_valid_result):
    with gunicorn_server(tmp_path, 2, {}) as port:
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=BURST_CONCURRENCY) as pool:
            answers = list(pool.map(lambda i: send(port, i), range(BURST)))
        seconds = time.monotonic() - started
        failures = [(i, status) for i, (status, _) in enumerate(answers) if status != 200]
        assert not failures, f"{len(failures)} of {BURST} failed: {failures[:10]}"
        for i, (_, body) in enumerate(answers):
            # Each answer is its own request's: ids never cross between connections.
            results = body["results"] if "results" in body else [body]
            ids = [r["document"]["id"] for r in results]
            assert ids == ([f"{i}-{k}" for k in range(3)] if i % 10 == 3 else [str(i)])
        assert_valid_result(answers[2][1], varied_article(2))
        assert len(extract_pids(tmp_path / "log.txt")) == 2, "both workers served"
    print(f"\nburst: {BURST} requests, {BURST_CONCURRENCY} at a time, 2 workers: "
          f"{seconds:.1f} s, {BURST / seconds:.0f} requests/s, no failure")


def test_gunicorn_worker_memory_is_flat_over_5000_requests(tmp_path):
    with gunicorn_server(tmp_path, 2, {}) as port:
        master = gunicorn_master(tmp_path)
        workers = forked_workers(master, 2)
        assert len(workers) == 2

        def run(first: int, last: int) -> None:
            with ThreadPoolExecutor(max_workers=4) as pool:
                statuses = list(pool.map(lambda i: send(port, i)[0], range(first, last)))
            assert statuses.count(200) == len(statuses), "a request failed"

        started = time.monotonic()
        run(0, MEMORY_FIRST)
        after_first = {pid: rss_kib(pid) for pid in workers}
        run(MEMORY_FIRST, MEMORY_REQUESTS)
        after_all = {pid: rss_kib(pid) for pid in workers}
        seconds = time.monotonic() - started
        assert worker_pids(master) == workers, "a worker was replaced"
    report = ", ".join(f"worker {pid}: {after_first[pid] / 1024:.1f} MiB after {MEMORY_FIRST}, "
                       f"{after_all[pid] / 1024:.1f} MiB after {MEMORY_REQUESTS}" for pid in sorted(workers))
    print(f"\nmemory (VmRSS), {MEMORY_REQUESTS} requests in {seconds:.1f} s: {report}")
    for pid in workers:
        assert after_all[pid] <= after_first[pid] * MEMORY_GROWTH_LIMIT, report
