"""How POST /v1/extract/batch cuts its documents into chunks under one time budget.

A chunk of several documents runs stage by stage (`Pipeline.extract_many`: the same
Results for less CPU) with no deadline inside it, so once started it runs to the
end: the budget is checked before each chunk, and a chunk may end after the budget
by at most its own work. To keep that small a chunk is sized by this request's own
pace so far, measured on the documents already done (wall-clock seconds per
character, so a loaded machine makes chunks smaller): a chunk of several documents
is started only when, at that pace, it would take at most BUDGET_SHARE of the
budget left; and never more than CHUNK_DOCS documents or CHUNK_CHARS characters, so
that a pace misjudged (a chunk of the slowest text we know after a document of news
costs ~5x per character) still overruns by little: 16,384 characters are ~40 ms of
CPU as news, ~0.16 s at the slowest. Until a document has been timed, and whenever
only one fits, a chunk is one document, extracted as `POST /v1/extract` does with
the deadline checked inside every stage.
"""
from __future__ import annotations

from typing import Sequence

CHUNK_DOCS = 16
# Sixteen news articles (~1,000 characters each) fit: the caches' gain is had by a
# few documents (Pipeline.extract_many), the overrun stays small.
CHUNK_CHARS = 16_384
BUDGET_SHARE = 0.5


class Pace:
    """Wall-clock seconds per character of the documents of one request so far."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.chars = 0

    def add(self, chars: int, seconds: float) -> None:
        self.seconds += seconds
        self.chars += chars

    def chars_within(self, seconds: float) -> int:
        """Characters that would be done in `seconds` at this pace; 0 before any
        document has been timed (nothing is known yet)."""
        if self.chars == 0 or seconds <= 0:
            return 0
        if self.seconds <= 0:
            return CHUNK_CHARS
        return int(seconds * self.chars / self.seconds)


def next_chunk(lengths: Sequence[int | None], start: int, pace: Pace, seconds_left: float) -> list[int]:
    """The indices of the next chunk's documents, from `start` (a document to run:
    its length is not None) on.

    `lengths[i]` is the character count of document i, None for one that is not run
    (invalid: it keeps its place in the response, and a chunk reaches past it). The
    chunk always holds `start`; it takes the next documents while they stay within
    CHUNK_DOCS, CHUNK_CHARS and the characters the pace allows in BUDGET_SHARE of
    `seconds_left`, and is cut back to `start` alone when no second one fits.
    """
    allowed = min(CHUNK_CHARS, pace.chars_within(BUDGET_SHARE * seconds_left))
    chunk, chars = [start], lengths[start]
    for i in range(start + 1, len(lengths)):
        if len(chunk) == CHUNK_DOCS:
            break
        length = lengths[i]
        if length is None:
            continue
        if chars + length > allowed:
            break
        chunk.append(i)
        chars += length
    return chunk
