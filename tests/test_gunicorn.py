"""The production server: gunicorn loads create_app(), becomes ready, serves, and bounds bodies."""
from __future__ import annotations

import contextlib
import http.client
import json
import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

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
             "--graceful-timeout", str(STOP_TIMEOUT_S)],
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
