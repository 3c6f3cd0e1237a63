"""Is a buffered HTTP/1.1 request complete yet? A small incremental framing check.

The production worker (`service.buffering_worker`) reads every request in its event
loop and hands it to a pool thread only once `frame()` says it is whole, so a slow
or stalled sender never holds a thread. This module only finds where a request
ends; it never decides what the request means. Anything it cannot positively frame
(a malformed header block, a bad chunk-size line, two Content-Lengths) is handed on
as it is ("hand-off"), and gunicorn's own parser and the app answer it with their
400 problem; the worker makes sure they cannot wait for more bytes than it buffered.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# What frame() decided.
INCOMPLETE = "incomplete"  # wait for more bytes
COMPLETE = "complete"      # the whole request is in the buffer
HAND_OFF = "hand-off"      # dispatch now: gunicorn and the app will refuse it or read no more
TOO_LARGE_HEADER = "too-large-header"

MAX_HEADER_BYTES = 64 * 1024
# gunicorn's limit_request_line is 4094: past this a line is refused whatever follows.
MAX_REQUEST_LINE = 4096 + 2
MAX_CHUNK_LINE = 1024

_DIGITS = re.compile(rb"[0-9]+")
_HEX = re.compile(rb"[0-9A-Fa-f]+")


@dataclass
class Framing:
    status: str
    # Index just past the request's last byte (COMPLETE), else None.
    end: int | None = None


def _header_values(head: bytes) -> list[tuple[bytes, bytes]]:
    fields = []
    for line in head.split(b"\r\n")[1:]:
        name, sep, value = line.partition(b":")
        if sep:
            fields.append((name.strip().lower(), value.strip()))
    return fields


class RequestFramer:
    """Framing of one request, resumed where it stopped on every call, so that a
    request arriving a byte at a time costs linear work, not quadratic."""

    def __init__(self, max_body: int) -> None:
        # Past `max_body` body bytes the app refuses the request (413) without
        # reading further, so an oversized body is handed off, not buffered whole.
        self.max_body = max_body
        self._searched = 0          # header search resumes here
        self._header_end = None     # index just past the blank line
        self._length = None         # Content-Length, when framed by it
        self._chunked = False
        self._pos = 0               # chunked: the next unread chunk-size line
        self._decoded = 0
        self._in_trailer = False
        self.expects_continue = False

    @property
    def header_done(self) -> bool:
        return self._header_end is not None

    def frame(self, buf: bytes | bytearray) -> Framing:
        """Decide whether `buf` (everything received so far) holds one whole request."""
        if self._header_end is None:
            decided = self._frame_header(buf)
            if decided is not None:
                return decided
        if self._chunked:
            return self._frame_chunked(buf)
        if len(buf) - self._header_end >= self._length:
            return Framing(COMPLETE, end=self._header_end + self._length)
        return Framing(INCOMPLETE)

    def _frame_header(self, buf) -> Framing | None:
        resume = max(0, self._searched - 3)
        found = buf.find(b"\r\n\r\n", resume)
        if found < 0:
            self._searched = len(buf)
            if ((len(buf) > MAX_REQUEST_LINE and buf.find(b"\n", 0, MAX_REQUEST_LINE) < 0)
                    or buf.find(b"\n\n", resume) >= 0):
                # A request line over gunicorn's limit (414), or headers ending in
                # bare LFs: gunicorn refuses either from what is buffered.
                return Framing(HAND_OFF)
            if len(buf) > MAX_HEADER_BYTES:
                return Framing(TOO_LARGE_HEADER)
            return Framing(INCOMPLETE)
        if found > MAX_HEADER_BYTES:
            long_line = buf.find(b"\n", 0, MAX_REQUEST_LINE) < 0
            return Framing(HAND_OFF if long_line else TOO_LARGE_HEADER)
        self._header_end = self._pos = found + 4
        fields = _header_values(bytes(buf[:found]))
        lengths = [v for n, v in fields if n == b"content-length"]
        codings = [v for n, v in fields if n == b"transfer-encoding"]
        self.expects_continue = any(n == b"expect" and v.lower() == b"100-continue"
                                    for n, v in fields)
        if codings:
            if lengths or len(codings) != 1 or codings[0].lower() != b"chunked":
                return Framing(HAND_OFF)
            self._chunked = True
            return None
        if not lengths:
            self._length = 0
            return None
        if len(lengths) != 1 or not _DIGITS.fullmatch(lengths[0]):
            return Framing(HAND_OFF)
        self._length = int(lengths[0])
        if self._length > self.max_body:
            return Framing(HAND_OFF)  # the app answers 413 without reading it
        return None

    def _frame_chunked(self, buf) -> Framing:
        """Walk the chunks on from the last whole one: complete at the trailer's end."""
        while True:
            pos = self._pos
            line_end = buf.find(b"\r\n", pos, pos + MAX_CHUNK_LINE + 2)
            if line_end < 0:
                if len(buf) - pos > MAX_CHUNK_LINE or buf.find(b"\n", pos) >= 0:
                    return Framing(HAND_OFF)  # a bare LF or a runaway line
                return Framing(INCOMPLETE)
            if self._in_trailer:
                if line_end == pos:
                    return Framing(COMPLETE, end=pos + 2)
                self._pos = line_end + 2
                continue
            size_text = bytes(buf[pos:line_end]).split(b";", 1)[0].strip()
            if not _HEX.fullmatch(size_text):
                return Framing(HAND_OFF)
            size = int(size_text, 16)
            if size == 0:
                self._in_trailer = True
                self._pos = line_end + 2
                continue
            if self._decoded + size > self.max_body:
                return Framing(HAND_OFF)  # the app stops at its limit: 413
            data_end = line_end + 2 + size
            if len(buf) < data_end + 2:
                return Framing(INCOMPLETE)
            if buf[data_end:data_end + 2] != b"\r\n":
                return Framing(HAND_OFF)
            self._decoded += size
            self._pos = data_end + 2
