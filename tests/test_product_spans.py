"""The product grammar's index of taken spans (product_grammar_mentions.Spans) answers
what comparing a span with every taken one answers: overlap is start < end' and
start' < end, empty spans included."""
from __future__ import annotations

import random

from service.extractors.product_grammar_mentions import Spans


def overlaps_any(spans, start, end):
    return any(s < end and start < e for s, e in spans)


def test_same_answer_as_every_span_compared():
    r = random.Random(19)
    for _ in range(300):
        spans = [(s, s + r.randint(0, 6)) for s in (r.randint(0, 40) for _ in range(r.randint(0, 8)))]
        index = Spans(spans)
        for start in range(-2, 48):
            for width in range(0, 5):
                assert index.overlaps(start, start + width) == overlaps_any(spans, start, start + width), \
                    (spans, start, width)


def test_cases_by_hand():
    index = Spans([(10, 20), (4, 6), (30, 30)])
    assert index.overlaps(5, 6)          # inside the second
    assert index.overlaps(19, 25)        # across the first's end
    assert not index.overlaps(20, 25)    # touching the first's end is no overlap
    assert not index.overlaps(6, 10)     # between the two
    assert index.overlaps(29, 31)        # around the empty span
    assert not index.overlaps(30, 30)    # an empty span overlaps nothing at its own place
    assert not Spans([]).overlaps(0, 100)
