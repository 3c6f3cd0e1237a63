"""service/request_framing.py: when has a buffered request arrived whole? Fed a byte
at a time as well as all at once, since the worker calls it after every read."""
from __future__ import annotations

import pytest

from tests.work_count import SLACK, TOTAL_SLACK, growth

from service.request_framing import (COMPLETE, HAND_OFF, INCOMPLETE, TOO_LARGE_HEADER,
                                     RequestFramer)

LIMIT = 1000
HEAD = b"POST /v1/extract HTTP/1.1\r\nHost: x\r\n"


def feed(data: bytes, step: int = 1):
    """Feed data `step` bytes at a time; (status, end) at the first decision."""
    framer, buf = RequestFramer(LIMIT), bytearray()
    for i in range(0, len(data), step):
        buf += data[i:i + step]
        framing = framer.frame(buf)
        if framing.status != INCOMPLETE:
            return framing.status, framing.end, framer
    return INCOMPLETE, None, framer


@pytest.mark.parametrize("step", [1, 7, 10_000])
@pytest.mark.parametrize("raw,status,end", [
    (b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", COMPLETE, 0),
    (HEAD + b"Content-Length: 5\r\n\r\nhello", COMPLETE, 0),
    (HEAD + b"Content-Length: 5\r\n\r\nhelloNEXT", COMPLETE, -4),
    (HEAD + b"Content-Length: 5\r\n\r\nhel", INCOMPLETE, None),
    (HEAD + b"Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", COMPLETE, 0),
    (HEAD + b"Transfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\n0\r\nT: 1\r\n\r\n", COMPLETE, 0),
    (HEAD + b"Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", INCOMPLETE, None),
    (HEAD + b"Transfer-Encoding: chunked\r\n\r\n5\nhello\n0\n\n", HAND_OFF, None),
    (HEAD + b"Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n", HAND_OFF, None),
    (HEAD + b"Transfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\n", HAND_OFF, None),
    (HEAD + b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n", HAND_OFF, None),
    (HEAD + b"Content-Length: 5\r\nContent-Length: 6\r\n\r\n", HAND_OFF, None),
    (HEAD + b"Content-Length: abc\r\n\r\n", HAND_OFF, None),
    (HEAD + b"Content-Length: 5000\r\n\r\n", HAND_OFF, None),   # over the limit: 413 unread
    (HEAD + b"Transfer-Encoding: gzip\r\n\r\n", HAND_OFF, None),
    (b"GET / HTTP/1.1\nHost: x\n\n", HAND_OFF, None),          # bare LF headers: gunicorn's 400
    (b"GET /" + b"a" * 5000, HAND_OFF, None),  # still no line end: gunicorn answers 414
    (b"GET / HTTP/1.1\r\nX: " + b"a" * 70_000 + b"\r\n\r\n", TOO_LARGE_HEADER, None),
], ids=["no-body", "length", "pipelined", "short-length", "chunked", "chunk-ext-trailer",
        "chunked-unfinished", "bare-lf-chunks", "bad-chunk-size", "chunk-without-crlf",
        "length-and-chunked", "two-lengths", "length-not-a-number", "length-over-limit",
        "other-coding", "bare-lf-headers", "long-request-line", "huge-header"])
def test_framing(raw, status, end, step):
    # `end` for a complete request: 0 for all of raw, -4 for all but the last 4 bytes.
    got, got_end, _ = feed(raw, step)
    assert (got, got_end) == (status, None if end is None else len(raw) + end)


def test_chunked_body_over_the_limit_is_handed_off_before_it_ends():
    chunk = b"%x\r\n" % 300 + b"a" * 300 + b"\r\n"
    status, _, _ = feed(HEAD + b"Transfer-Encoding: chunked\r\n\r\n" + chunk * 10, 64)
    assert status == HAND_OFF


def test_expect_continue_is_noticed():
    _, _, framer = feed(HEAD + b"Expect: 100-continue\r\nContent-Length: 5\r\n\r\n")
    assert framer.header_done and framer.expects_continue


def _tiny_chunks_in_reads(reads: int) -> None:
    body = b"1\r\na\r\n" * 150
    framer, buf = RequestFramer(10**6), bytearray(HEAD + b"Transfer-Encoding: chunked\r\n\r\n")
    for _ in range(reads):
        buf += body
        assert framer.frame(buf).status == INCOMPLETE
    buf += b"0\r\n\r\n"
    assert framer.frame(buf).status == COMPLETE


def test_many_tiny_chunks_cost_linear_work():
    # 30,000 chunks arriving in 200 reads: walked once, not 200 times. Counted, not
    # timed (tests/work_count.py): 4x the reads, about 4x the calls, no function's
    # calls growing faster (walking the whole buffer at each read: 16x).
    total, each = growth(_tiny_chunks_in_reads, 50, 200)
    assert total <= 4 * TOTAL_SLACK, total
    assert each[0][0] <= 4 * SLACK, each[:3]
