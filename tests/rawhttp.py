"""Raw HTTP/1.1 over a loopback socket, for requests no client library will send:
a Content-Length that lies, malformed chunks, an endless chunked upload."""
from __future__ import annotations

import json
import select
import socket
import time

HOST = "127.0.0.1"


def read_response(sock: socket.socket, timeout: float) -> bytes:
    """Read one response (head and a Content-Length body) from sock."""
    data, deadline = b"", time.monotonic() + timeout
    while time.monotonic() < deadline:
        head, sep, body = data.partition(b"\r\n\r\n")
        if sep:
            length = next((int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                           if line.lower().startswith(b"content-length:")), 0)
            if len(body) >= length:
                break
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            break
        if not chunk:
            break
        data += chunk
    return data


def exchange(port: int, request: bytes, *, half_close: bool = False, timeout: float = 30) -> bytes:
    """Send request bytes as they are; optionally close our sending side; read the answer."""
    with socket.create_connection((HOST, port), timeout=timeout) as sock:
        sock.sendall(request)
        if half_close:
            sock.shutdown(socket.SHUT_WR)
        return read_response(sock, timeout)


def parse(answer: bytes) -> tuple[int, dict[str, str], bytes]:
    """(status, headers with lower-case names, body) of a raw response."""
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return status, headers, body


def problem(answer: bytes) -> tuple[int, dict]:
    """The status and problem body of an answer that must be application/problem+json."""
    assert answer, "no answer"
    status, headers, body = parse(answer)
    assert headers.get("content-type") == "application/problem+json", (status, headers, body[:200])
    problem = json.loads(body)
    assert problem["status"] == status and problem["type"].startswith("https://")
    return status, problem


def stream_chunked_upload(port: int, total: int, chunk: int = 64 * 1024,
                          timeout: float = 30) -> tuple[int, bytes]:
    """POST /v1/extract a chunked body of up to `total` bytes, stopping as soon as the
    server answers. Returns (bytes sent before the answer, the answer)."""
    sock = socket.create_connection((HOST, port), timeout=timeout)
    sent = 0
    try:
        sock.sendall(b"POST /v1/extract HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     b"Content-Type: text/plain; charset=utf-8\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n")
        piece = b"%x\r\n" % chunk + b"a" * chunk + b"\r\n"
        try:
            while sent < total and not select.select([sock], [], [], 0)[0]:
                sock.sendall(piece)
                sent += chunk
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered and closed while we were still sending
        return sent, read_response(sock, timeout)
    finally:
        sock.close()
