"""How the batch endpoint cuts its documents into chunks (service/batch_plan.py)."""
from __future__ import annotations

from service.batch_plan import BUDGET_SHARE, CHUNK_CHARS, CHUNK_DOCS, Pace, next_chunk


def paced(chars: int, seconds: float) -> Pace:
    pace = Pace()
    pace.add(chars, seconds)
    return pace


def test_nothing_timed_yet_means_one_document():
    assert next_chunk([10, 10, 10], 0, Pace(), 10.0) == [0]


def test_chunk_is_what_fits_in_a_share_of_the_budget_left():
    pace = paced(1000, 1.0)                      # 1,000 characters a second
    lengths = [100] * 20
    # 2 s left: BUDGET_SHARE of it is 1,000 characters, ten documents.
    assert next_chunk(lengths, 3, pace, 2.0) == list(range(3, 3 + int(2.0 * BUDGET_SHARE * 10)))
    # Time for one and a half: the first alone.
    assert next_chunk(lengths, 3, pace, 0.3) == [3]
    # No time left at all: still the one asked for (the caller checks the budget first).
    assert next_chunk(lengths, 3, pace, 0.0) == [3]


def test_chunk_bounded_in_documents_and_characters():
    fast = paced(10**9, 1e-3)
    assert next_chunk([1] * 100, 0, fast, 10.0) == list(range(CHUNK_DOCS))
    big = CHUNK_CHARS // 3
    assert next_chunk([big] * 10, 2, fast, 10.0) == [2, 3, 4]
    # A document longer than the bound runs alone.
    assert next_chunk([CHUNK_CHARS + 1, 5, 5], 0, fast, 10.0) == [0]


def test_invalid_documents_are_passed_over_and_not_counted():
    fast = paced(10**9, 1e-3)
    lengths = [5, None, 5, None, None, 5] + [5] * 30
    chunk = next_chunk(lengths, 0, fast, 10.0)
    assert chunk[:3] == [0, 2, 5] and len(chunk) == CHUNK_DOCS
    assert all(lengths[i] is not None for i in chunk)


def test_pace_sums_what_was_timed():
    pace = Pace()
    assert pace.chars_within(5.0) == 0
    pace.add(300, 0.5)
    pace.add(100, 0.5)
    assert pace.chars_within(2.0) == 800
    assert pace.chars_within(0.0) == 0
