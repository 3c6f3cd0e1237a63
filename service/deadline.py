"""The time budget, as one check that any stage calls inside its loops.

A stage (an extractor's `__call__`, the quantity scanner, serialisation, or any new
stage) calls `check(stage)` once per sentence, match or other bounded piece of work:

    from service import deadline

    for m in self.pattern.finditer(doc.key):
        deadline.check(self.name)
        ...

`check` raises `DeadlineExceeded` once the deadline of the document being processed
has passed, and returns at once (~0.1 µs) when it has not or when there is none (the
Python API and the command line run to the end). The deadline is set for the
current thread by `Pipeline.process` through `within(deadline)`, so stages take no
extra argument; new stages only need to call `check` in every loop whose length
grows with the text, with a piece of work between two checks of at most a few
milliseconds. `tests/extractors/test_deadline.py` holds every stage to that on the
slowest inputs we know.
"""
from __future__ import annotations

import contextlib
import time
from contextvars import ContextVar

_deadline: ContextVar[float | None] = ContextVar("zne_deadline", default=None)


class DeadlineExceeded(Exception):
    """The deadline passed before the document was done. `stage` names where it was
    noticed; `overrun` is by how much (seconds)."""

    def __init__(self, stage: str, overrun: float) -> None:
        super().__init__(f"deadline passed {overrun:.3f} s ago, in {stage}")
        self.stage = stage
        self.overrun = overrun


def check(stage: str) -> None:
    """Raise DeadlineExceeded if the current deadline has passed."""
    deadline = _deadline.get()
    if deadline is not None:
        now = time.monotonic()
        if now > deadline:
            raise DeadlineExceeded(stage, now - deadline)


@contextlib.contextmanager
def within(deadline: float | None):
    """Run the block with `deadline` (a time.monotonic() value, or None) as the
    current thread's deadline."""
    token = _deadline.set(deadline)
    try:
        yield
    finally:
        _deadline.reset(token)
