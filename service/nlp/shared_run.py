"""The longest run of characters two strings share (longest common substring).

Quadratic in the two lengths, so callers give it short strings: event names, a
quote against a quote.
"""
from __future__ import annotations


def longest_shared_run(a: str, b: str) -> int:
    """Length of the longest substring of both `a` and `b`."""
    if not a or not b:
        return 0
    if a in b or b in a:
        return min(len(a), len(b))
    best = 0
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0] * (len(b) + 1)
        for j, cb in enumerate(b, 1):
            if ca == cb:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best
