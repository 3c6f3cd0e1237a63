"""The hostile battery, against the production server as the README deploys it
(`python -m service`: gunicorn, service/gunicorn_config.py, 2 workers), with a
time budget of 1 s.

For 20 s, 20 connections send their request one byte a second (half stall in the
headers, half in the body; each reconnects when cut off), while ordinary requests
keep coming and must each be answered within 1 s, and the rest of the battery runs
beside them: a short body on an open connection, bad chunking, the slowest texts
we can build, calendar edges, gzip. No answer may be a 5xx other than the budget's
503, none may come later than the budget + 0.5 s (or the read timeout + 0.5 s for a
sender that never finishes), every Result must be schema-valid, and no worker may
be killed or replaced.
"""
from __future__ import annotations

import contextlib
import gzip
import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from rawhttp import parse, problem, read_response

REPO_ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
BUDGET_S = 1.0
READ_TIMEOUT_S = 10.0            # the production default (ZNE_READ_TIMEOUT_SECONDS)
LATE_S = 0.5                     # the most any answer may come after its bound
ORDINARY_BOUND_S = 1.0
ATTACK_S = 20.0
SLOW_CONNECTIONS = 20
SLOWEST_CHARS = 200_000          # the service's default text limit
ARTICLE = "在台北時間2024年7月30日早上6點,黃仁勳與扎克伯格在SIGGRAPH上對談。"
SEED = (REPO_ROOT / "seeds" / "000_64c11bc8ba8f458f.txt").read_text(encoding="utf-8")
STARTUP_S = 90


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def worker_pids(master: int) -> set[int]:
    pids = set()
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        for line in text.splitlines():
            if line.startswith("PPid:") and line.split()[1] == str(master):
                pids.add(int(status.parent.name))
    return pids


def post(port: int, path: str, body: bytes, headers: dict, timeout: float = 30):
    """(status, headers, body, seconds from the last byte sent to the answer)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.putrequest("POST", path)
        for name, value in {"Content-Length": str(len(body)), **headers}.items():
            conn.putheader(name, value)
        conn.endheaders()
        conn.send(body)
        sent = time.monotonic()
        resp = conn.getresponse()
        data = resp.read()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, data, time.monotonic() - sent
    finally:
        conn.close()


def get(port: int, path: str, timeout: float = 30):
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        started = time.monotonic()
        conn.request("GET", path)
        resp = conn.getresponse()
        data = resp.read()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, data, time.monotonic() - started
    finally:
        conn.close()


def post_json(port: int, payload: dict, path: str = "/v1/extract", **headers):
    body = json.dumps(payload, ensure_ascii=False).encode()
    return post(port, path, body, {"Content-Type": "application/json", **headers})


@contextlib.contextmanager
def production_server(tmp_dir: Path, env_extra: dict[str, str]):
    """`python -m service` (the README's first command) on a free port."""
    port = free_port()
    log = tmp_dir / "server.log"
    env = {**os.environ, "ZNE_TIME_BUDGET_SECONDS": str(BUDGET_S), **env_extra}
    env.pop("ZNE_PORT", None)
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "service", "--host", HOST, "--port", str(port), "--workers", "2"],
            cwd=REPO_ROOT, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=out)
    try:
        deadline = time.monotonic() + STARTUP_S
        while len(worker_pids(proc.pid)) < 2 or _status(port, "/readyz") != 200:
            assert proc.poll() is None, log.read_text()[-3000:]
            assert time.monotonic() < deadline, "not ready:\n" + log.read_text()[-3000:]
            time.sleep(0.2)
        time.sleep(1.0)  # the second worker loads its pipeline before it accepts
        yield port, proc, log
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def _status(port: int, path: str) -> int | None:
    try:
        return get(port, path, timeout=5)[0]
    except OSError:
        return None


def killed_workers(log: Path) -> list[str]:
    text = log.read_text(encoding="utf-8", errors="replace")
    return [line for line in text.splitlines()
            if "WORKER TIMEOUT" in line or "SIGKILL" in line or "Worker exiting" in line
            or "was sent" in line]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with production_server(tmp_path_factory.mktemp("production"), {}) as started:
        yield started


# --- the battery's pieces ---------------------------------------------------------------

def slow_sender(port: int, until: float, in_body: bool, outcomes: list) -> None:
    """Send a request a byte a second until `until` (the headers, or with the headers
    sent at once the body), reconnecting whenever the server cuts it off."""
    head = (b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 1000\r\n\r\n")
    trickled = b'{"text": "' + "字".encode() * 300 if in_body else head
    while time.monotonic() < until:
        sock = socket.create_connection((HOST, port), timeout=5)
        opened = time.monotonic()
        try:
            if in_body:
                sock.sendall(head)
            answered = False
            for byte in trickled:
                if time.monotonic() >= until:
                    break
                if _readable(sock):
                    answered = True
                    break
                try:
                    sock.sendall(bytes([byte]))
                except OSError:
                    answered = True  # cut off: read what it said
                    break
                time.sleep(1.0)
            if not answered and not _readable(sock):
                outcomes.append(("open at the end", time.monotonic() - opened, b""))
                continue
            answer = read_response(sock, 5)
            outcomes.append((parse(answer)[0] if answer else None, time.monotonic() - opened, answer))
        finally:
            sock.close()


def _readable(sock: socket.socket) -> bool:
    import select
    return bool(select.select([sock], [], [], 0)[0])


def ordinary_requests(port: int, until: float, latencies: list) -> None:
    i = 0
    while time.monotonic() < until:
        if i % 2:
            status, _, _, seconds = get(port, "/healthz")
        else:
            status, _, data, seconds = post_json(port, {"text": ARTICLE, "id": str(i)})
            assert status == 200 and json.loads(data)["document"]["id"] == str(i)
        assert status == 200
        latencies.append(seconds)
        i += 1
        time.sleep(0.25)


def slowest_texts() -> dict[str, str]:
    """The slowest inputs we know, at the service's text limit."""
    sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
    import test_bench_growth as growth
    texts = {name: growth.INPUTS[name](SLOWEST_CHARS)
             for name in ("number-unit", "event-names", "digits", "dense-sentence")}
    texts["seed"] = growth.seed_text(SLOWEST_CHARS)
    return texts


def short_body_left_open(port: int) -> tuple[int, dict, float]:
    body = json.dumps({"text": ARTICLE}, ensure_ascii=False).encode()
    with socket.create_connection((HOST, port), timeout=READ_TIMEOUT_S + 10) as sock:
        sock.sendall(b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: %d\r\n\r\n" % (len(body) + 100) + body)
        sent = time.monotonic()
        answer = read_response(sock, READ_TIMEOUT_S + 10)
    status, body = problem(answer)
    return status, body, time.monotonic() - sent


def bare_lf_chunks_left_open(port: int) -> tuple[int, dict, float]:
    with socket.create_connection((HOST, port), timeout=READ_TIMEOUT_S + 10) as sock:
        sock.sendall(b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n5\nhello\n")
        sent = time.monotonic()
        answer = read_response(sock, READ_TIMEOUT_S + 10)
    status, body = problem(answer)
    return status, body, time.monotonic() - sent


CALENDAR_EDGES = [("9999-12-31", w) for w in ("明天", "下週二", "本週日", "後天", "下個月", "明年")] + \
                 [("0001-01-01", w) for w in ("昨天", "上週二", "前天", "上個月", "去年", "今天")]


def calendar_text(word: str) -> str:
    return f"{word}的SIGGRAPH大會在台北舉行,黃仁勳表示:「營收成長了35%。」"


# --- the battery ----------------------------------------------------------------------

def test_hostile_battery(server, assert_valid_result):
    port, proc, log = server
    workers_before = worker_pids(proc.pid)
    assert len(workers_before) == 2
    until = time.monotonic() + ATTACK_S
    outcomes: list = []
    latencies: list[float] = []
    slow = [threading.Thread(target=slow_sender, args=(port, until, i % 2 == 1, outcomes), daemon=True)
            for i in range(SLOW_CONNECTIONS)]
    for t in slow:
        t.start()
    time.sleep(2)  # all twenty are connected and trickling
    with ThreadPoolExecutor(max_workers=4) as pool:
        ordinary = pool.submit(ordinary_requests, port, until, latencies)
        short_open = pool.submit(short_body_left_open, port)
        bare_lf = pool.submit(bare_lf_chunks_left_open, port)

        # The slowest texts, one after another, beside everything above.
        for name, text in slowest_texts().items():
            status, headers, data, seconds = post_json(port, {"text": text})
            assert status in (200, 503), (name, status, data[:300])
            assert seconds <= BUDGET_S + LATE_S, f"{name}: answered after {seconds:.2f} s"
            body = json.loads(data)
            if status == 200:
                assert_valid_result(body, text)
            else:
                assert body["type"].endswith("/time-budget-exceeded")
            assert headers.get("x-request-id")

        # A batch of them shares one budget: late documents get a 503 in place.
        texts = list(slowest_texts().values())[:3]
        status, _, data, seconds = post_json(port, {"documents": [{"text": t} for t in texts]},
                                             path="/v1/extract/batch")
        assert status == 200 and seconds <= BUDGET_S + LATE_S, (status, seconds)
        for text, result in zip(texts, json.loads(data)["results"]):
            if "status" in result:
                assert result["status"] == 503
            else:
                assert_valid_result(result, text)

        # Calendar edges and gzip.
        for reference, word in CALENDAR_EDGES:
            text = calendar_text(word)
            status, _, data, seconds = post_json(port, {"text": text, "reference_date": reference})
            assert status == 200 and seconds <= BUDGET_S + LATE_S, (reference, word, status)
            result = json.loads(data)
            assert_valid_result(result, text)
        payload = json.dumps({"text": SEED}, ensure_ascii=False).encode()
        status, _, data, seconds = post(port, "/v1/extract", gzip.compress(payload),
                                        {"Content-Type": "application/json",
                                         "Content-Encoding": "gzip"})
        assert status == 200 and seconds <= BUDGET_S + LATE_S
        assert_valid_result(json.loads(data), SEED)

        status, body, seconds = bare_lf.result()
        assert status == 400 and seconds <= LATE_S, (status, body, seconds)
        status, body, seconds = short_open.result()
        assert status == 408 and body["type"].endswith("/request-timeout"), body
        assert seconds <= READ_TIMEOUT_S + LATE_S, seconds
        ordinary.result()
    for t in slow:
        t.join(timeout=15)

    # Ordinary requests were answered within 1 s throughout the attack.
    assert len(latencies) >= 20, latencies
    assert max(latencies) <= ORDINARY_BOUND_S, sorted(latencies)[-5:]
    # Every slow sender was cut off with a 408 problem at the read timeout (or was
    # still trickling when the attack ended).
    cut = [o for o in outcomes if o[0] != "open at the end"]
    assert len(cut) >= SLOW_CONNECTIONS // 2, outcomes
    for status, seconds, answer in cut:
        assert status == 408, answer[:300]
        assert problem(answer)[1]["type"].endswith("/request-timeout")
        assert seconds <= READ_TIMEOUT_S + 1 + LATE_S, seconds
    # No worker was killed or replaced.
    assert worker_pids(proc.pid) == workers_before
    assert not killed_workers(log), killed_workers(log)
    print(f"\nordinary requests under attack: {len(latencies)}, slowest {max(latencies) * 1000:.0f} ms; "
          f"slow senders cut off: {len(cut)}")


# --- the smaller items, on the same server -----------------------------------------------

@pytest.mark.parametrize("coding,compress", [
    ("gzip", gzip.compress), ("x-gzip", gzip.compress), ("deflate", zlib.compress),
    ("deflate", lambda b: zlib.compress(b)[2:-4]),  # raw deflate, as some clients send it
], ids=["gzip", "x-gzip", "deflate", "raw-deflate"])
def test_compressed_bodies_are_decoded(server, coding, compress):
    port = server[0]
    payload = json.dumps({"text": ARTICLE, "id": "z"}, ensure_ascii=False).encode()
    status, _, plain, _ = post(port, "/v1/extract", payload, {"Content-Type": "application/json"})
    status_z, _, packed, _ = post(port, "/v1/extract", compress(payload),
                                  {"Content-Type": "application/json", "Content-Encoding": coding})
    assert status == status_z == 200
    assert json.loads(packed) == json.loads(plain)


def test_unknown_content_encoding_is_415_with_accept_encoding(server):
    status, headers, data, _ = post(server[0], "/v1/extract", b"\x00", {
        "Content-Type": "text/plain", "Content-Encoding": "br"})
    assert status == 415 and headers["content-type"] == "application/problem+json"
    assert headers["accept-encoding"] == "gzip, deflate"


def test_bad_gzip_is_a_400_and_a_bomb_a_413(server):
    status, _, data, _ = post(server[0], "/v1/extract", b"not gzip at all", {
        "Content-Type": "text/plain", "Content-Encoding": "gzip"})
    assert status == 400 and json.loads(data)["type"].endswith("/invalid-content-encoding")
    bomb = gzip.compress(b"a" * (3 * 1024 * 1024))   # 3 MiB of text in ~3 KiB
    status, _, data, _ = post(server[0], "/v1/extract", bomb, {
        "Content-Type": "text/plain", "Content-Encoding": "gzip"})
    assert status == 413 and json.loads(data)["type"].endswith("/content-too-large")


@pytest.mark.parametrize("raw", [
    b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"y" * 70_000 + b"\r\n\r\n",
    b"GET /" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 not http at all\r\n\r\n",
], ids=["huge-header", "long-request-line", "not-http"])
def test_server_refusals_carry_a_request_id(server, raw):
    with socket.create_connection((HOST, server[0]), timeout=10) as sock:
        sock.sendall(raw)
        answer = read_response(sock, 10)
    status, headers, _ = parse(answer)
    assert 400 <= status < 500
    assert len(headers["x-request-id"]) == 32
    problem(answer)


def test_every_response_has_a_request_id_and_no_server_version(server):
    port = server[0]
    for status, headers, _, _ in (get(port, "/healthz"), get(port, "/nowhere"),
                                  post(port, "/v1/extract", b"{", {"Content-Type": "application/json"})):
        assert headers.get("x-request-id"), (status, headers)
        assert "/" not in headers.get("server", ""), headers["server"]


def test_no_worker_was_killed(server):
    # Last in the module: after everything above, the same two workers serve.
    port, proc, log = server
    assert len(worker_pids(proc.pid)) == 2
    assert not killed_workers(log), killed_workers(log)
    assert get(port, "/healthz")[0] == 200


def test_a_read_timeout_between_the_loops_ticks_is_kept(tmp_path):
    """gthread's loop wakes once a second; the worker wakes at the earliest read deadline,
    so a 2.3 s timeout answers at 2.3 s, not at the next tick (3 s)."""
    with production_server(tmp_path, {"ZNE_READ_TIMEOUT_SECONDS": "2.3"}) as (port, _, _):
        status, body, seconds = short_body_left_open(port)
    assert status == 408 and body["type"].endswith("/request-timeout"), body
    assert 2.3 - 0.05 <= seconds <= 2.3 + LATE_S, seconds   # the deadline counts from accept, before `sent`
