"""The production worker: gunicorn's threaded worker, with every request read whole
in the event loop before a thread sees it.

gunicorn's sync worker reads a request in the worker itself, and its gthread worker
reads it in a pool thread as soon as the socket is readable: either way a client
that sends one byte a second holds a worker (or a thread) for as long as it likes,
and a Content-Length larger than the body sent, or chunked framing that never ends,
holds it until the worker is killed. Here the main thread's selector loop receives
each request's bytes without blocking and hands the connection to the thread pool
only once `service.request_framing` says the request is whole (or is one the app
refuses without reading further: a body over the limit, broken framing). The pool
thread then reads only those bytes; past them it sees the end of input, so nothing
in a thread ever waits on a client. What does not arrive whole within
`ZNE_READ_TIMEOUT_SECONDS` (default 10 s, from the connection's accept) is answered
with a 408 problem from the loop and closed; a header block over 64 KiB with a 431.
This is the job nginx's request buffering does in front of an application server,
done in the worker, so `python -m service` alone is the deployment.

Also:
- the main thread heartbeats whatever the threads do, so a long extraction never
  gets the worker killed by gunicorn's `timeout` (the time budget stops it instead);
- the moment a request was complete is passed to the app as
  `environ["zne.received_at"]` (a `time.monotonic()` value), from which the time
  budget counts, so the time a request waits for a free thread is charged to it;
- every connection closes after its response (no keep-alive: each request is
  buffered afresh on a new connection); the close drains in the loop, not in a thread;
- a response the client does not read fails after `SEND_TIMEOUT_S` without progress.
"""
from __future__ import annotations

import errno
import os
import selectors
import socket
import time
from functools import partial

from gunicorn.workers.gthread import ThreadWorker, TConn

from service.gunicorn_problems import problem_bytes
from service.request_framing import COMPLETE, INCOMPLETE, TOO_LARGE_HEADER, RequestFramer

READ_TIMEOUT_ENV = "ZNE_READ_TIMEOUT_SECONDS"
DEFAULT_READ_TIMEOUT_S = 10.0
RECEIVED_AT_ENVIRON = "zne.received_at"
SEND_TIMEOUT_S = 10.0
CLOSE_LINGER_S = 2.0
RECV_BYTES = 256 * 1024
CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"
FALLBACK_MAX_BODY = 2 * 1024 * 1024


class BufferedSocket:
    """The client socket as a pool thread sees it: the buffered request, then end
    of input. Writes go to the real socket, with a timeout on each."""

    def __init__(self, sock: socket.socket, data: bytes, received_at: float,
                 continue_sent: bool) -> None:
        self._sock = sock
        self._data = memoryview(data)
        self._offset = 0
        self.received_at = received_at
        self._continue_sent = continue_sent

    def recv(self, size: int, flags: int = 0) -> bytes:
        chunk = bytes(self._data[self._offset:self._offset + size])
        self._offset += len(chunk)
        return chunk

    def setblocking(self, flag: bool) -> None:
        # Blocking, for a pool thread, means blocking with a limit: a client that
        # stops reading its response cannot hold the thread for ever.
        self._sock.settimeout(SEND_TIMEOUT_S if flag else 0.0)

    def send(self, data, flags: int = 0) -> int:
        if self._continue_sent and bytes(data) == CONTINUE:
            return len(data)  # the loop already sent it, before the body came
        return self._sock.send(data, flags)

    def __getattr__(self, name):
        return getattr(self._sock, name)


class _Reading:
    __slots__ = ("conn", "sock", "buf", "framer", "deadline", "continue_sent")

    def __init__(self, conn: TConn, max_body: int, deadline: float) -> None:
        self.conn = conn
        self.sock = conn.sock
        self.buf = bytearray()
        self.framer = RequestFramer(max_body)
        self.deadline = deadline
        self.continue_sent = False


def read_timeout(environ=os.environ) -> float:
    value = environ.get(READ_TIMEOUT_ENV)
    if not value:
        return DEFAULT_READ_TIMEOUT_S
    from service.config import positive_float
    return positive_float(value, READ_TIMEOUT_ENV)


class BufferingWorker(ThreadWorker):

    def init_process(self):
        self.reading: dict[int, _Reading] = {}
        self.closing: dict[int, tuple[socket.socket, float]] = {}
        self.read_timeout = read_timeout()
        super().init_process()

    def load_wsgi(self):
        super().load_wsgi()
        app = self.wsgi
        config = getattr(app, "config", {})
        self.max_body = config.get("MAX_CONTENT_LENGTH") or FALLBACK_MAX_BODY

        def wsgi(environ, start_response):
            received = getattr(environ.get("gunicorn.socket"), "received_at", None)
            if received is not None:
                environ[RECEIVED_AT_ENVIRON] = received
            return app(environ, start_response)

        self.wsgi = wsgi

    # --- reading, in the loop ---------------------------------------------------

    def accept(self, listener):
        try:
            client_sock, client_addr = listener.accept()
        except OSError as e:
            if e.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        conn = TConn(self.cfg, client_sock, client_addr, listener.getsockname())  # non-blocking
        reading = _Reading(conn, self.max_body, time.monotonic() + self.read_timeout)
        self.reading[client_sock.fileno()] = reading
        self.poller.register(client_sock, selectors.EVENT_READ,
                             partial(self.on_request_bytes, reading))

    def on_request_bytes(self, reading: _Reading, _sock) -> None:
        try:
            data = reading.sock.recv(RECV_BYTES)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:
            if reading.buf:
                # It stopped sending (perhaps only half-closed, awaiting the answer):
                # the app reads what came and says what is missing (400).
                self._dispatch(reading, bytes(reading.buf))
            else:
                self._forget(reading)
                self._close_now(reading.sock)
            return
        reading.buf += data
        framing = reading.framer.frame(reading.buf)
        if framing.status == INCOMPLETE:
            if reading.framer.expects_continue and not reading.continue_sent:
                reading.continue_sent = True
                self._send_quietly(reading.sock, CONTINUE)
            return
        if framing.status == TOO_LARGE_HEADER:
            self._refuse(reading, 431, "Request Header Fields Too Large",
                         "The request's header block is over 64 KiB.")
            return
        end = framing.end if framing.status == COMPLETE else len(reading.buf)
        self._dispatch(reading, bytes(reading.buf[:end]))

    def _dispatch(self, reading: _Reading, data: bytes) -> None:
        self._forget(reading)
        conn = reading.conn
        conn.sock = BufferedSocket(reading.sock, data, time.monotonic(), reading.continue_sent)
        conn.data_ready = True  # gthread's handle() must not wait for readability
        self.enqueue_req(conn)

    def _forget(self, reading: _Reading) -> None:
        self.reading.pop(reading.sock.fileno(), None)
        try:
            self.poller.unregister(reading.sock)
        except (KeyError, ValueError, OSError):
            pass

    def _refuse(self, reading: _Reading, status: int, reason: str, detail: str) -> None:
        self._forget(reading)
        self._send_quietly(reading.sock, problem_bytes(status, reason, detail))
        self._linger_close(reading.sock)

    @staticmethod
    def _send_quietly(sock: socket.socket, data: bytes) -> None:
        try:
            sock.send(data)  # small, into an empty send buffer; best effort
        except OSError:
            pass

    def wait_for_and_dispatch_events(self, timeout):
        # gthread's loop wakes once a second and only then checks deadlines, so a 408 could
        # come up to a second late: wake at the earliest read deadline instead.
        if self.reading:
            # Every deadline is its accept time plus the one read timeout, and the dict keeps
            # accept order (an entry is popped when its connection leaves, so a reused fd is
            # added anew at the end): the first entry's deadline is the soonest, read in O(1).
            soonest = next(iter(self.reading.values())).deadline
            timeout = min(timeout, max(soonest - time.monotonic(), 0.0))
        super().wait_for_and_dispatch_events(timeout)

    def murder_pending(self):
        super().murder_pending()
        now = time.monotonic()
        for reading in [r for r in self.reading.values() if r.deadline <= now]:
            self._refuse(reading, 408, "Request Timeout",
                         f"The request did not arrive whole within {self.read_timeout:g} s.")
        for fd, (sock, deadline) in list(self.closing.items()):
            if deadline <= now:
                self._finish_close(fd, sock)

    # --- closing, in the loop ---------------------------------------------------

    def finish_request(self, conn, fs):
        keep = False
        try:
            keep = bool(fs.result()) if not fs.cancelled() else False
        except Exception:
            pass
        sock = conn.sock._sock if isinstance(conn.sock, BufferedSocket) else conn.sock
        if keep:  # keep-alive is off in gunicorn_config; close all the same
            self.log.debug("closing a connection gunicorn would have kept")
        self._linger_close(sock)

    def _linger_close(self, sock: socket.socket) -> None:
        """Half-close, then drain what the client still sends (so the kernel does
        not reset the connection under the response) until it closes, in the loop."""
        try:
            sock.setblocking(False)
            sock.shutdown(socket.SHUT_WR)
            fd = sock.fileno()
            self.poller.register(sock, selectors.EVENT_READ, partial(self._drain, fd, sock))
        except (OSError, ValueError, KeyError):
            self._close_now(sock)
            return
        self.closing[fd] = (sock, time.monotonic() + CLOSE_LINGER_S)

    def _drain(self, fd: int, sock: socket.socket, _fileobj) -> None:
        try:
            if sock.recv(RECV_BYTES):
                return
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            pass
        self._finish_close(fd, sock)

    def _finish_close(self, fd: int, sock: socket.socket) -> None:
        self.closing.pop(fd, None)
        try:
            self.poller.unregister(sock)
        except (KeyError, ValueError, OSError):
            pass
        self._close_now(sock)

    def _close_now(self, sock: socket.socket) -> None:
        self.nr_conns -= 1
        try:
            sock.close()
        except OSError:
            pass
