"""facts._Taken: the overlap test the count adders share (sorted starts and the furthest
end so far, bisected) answers as the pairwise test over every fact would."""
from __future__ import annotations

import random
from types import SimpleNamespace

from service.extractors.facts import _Taken


def test_overlaps_as_the_pairwise_test():
    rng = random.Random(31)
    for _ in range(300):
        spans = []
        for _ in range(rng.randrange(0, 8)):
            s = rng.randrange(0, 40)
            spans.append((s, s + rng.randrange(1, 12)))
        taken = _Taken([SimpleNamespace(start=s, end=e) for s, e in spans])
        for start in range(0, 50):
            for end in range(start + 1, start + 10):
                assert taken.overlaps(start, end) == any(s < end and start < e for s, e in spans), (spans, start, end)


def test_nested_and_touching_spans():
    taken = _Taken([SimpleNamespace(start=0, end=20), SimpleNamespace(start=5, end=8)])
    assert taken.overlaps(15, 18)        # inside the long span, past the short one
    assert not taken.overlaps(20, 25)    # touching its end
    assert not _Taken([]).overlaps(0, 5)
