"""Matches of a few needles in a text, without building an automaton per document.

Organisations, people and product code forms look for the names one document gave
them (mostly one to three). Building an Aho-Corasick automaton for those costs ~30 µs
a document; a `str.find` per needle costs well under one. Both functions give exactly
what the automaton gives (tests/test_needles.py holds them to it) and build one
when there are many needles, so a text naming thousands stays linear.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

import ahocorasick_rs

# Up to this many needles a find per needle beats building an automaton.
FEW = 8


def leftmost_longest(patterns: Sequence[str], text: str) -> Iterator[tuple[int, int, int]]:
    """(pattern index, start, end) of each match, as
    `AhoCorasick(patterns, matchkind=LeftmostLongest).find_matches_as_indexes(text)`:
    left to right, not overlapping, the longest of those starting at one place (the
    first pattern of equal ones)."""
    if len(patterns) > FEW or not all(patterns):
        finder = ahocorasick_rs.AhoCorasick(patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        yield from finder.find_matches_as_indexes(text)
        return
    find = text.find
    nxt = [find(p) for p in patterns]
    while True:
        best = -1
        for i, at in enumerate(nxt):
            if at >= 0 and (best < 0 or at < nxt[best]
                            or (at == nxt[best] and len(patterns[i]) > len(patterns[best]))):
                best = i
        if best < 0:
            return
        start = nxt[best]
        end = start + len(patterns[best])
        yield best, start, end
        for i, at in enumerate(nxt):
            if 0 <= at < end:
                nxt[i] = find(patterns[i], end)


def occurrences(needles: Sequence[str], text: str, check=None) -> dict[str, list[tuple[int, int]]]:
    """Each needle's occurrences in the text, left to right and not overlapping one
    another (a find loop from each match's end), in the order of the needles.
    `check` is called once per occurrence found (a deadline)."""
    found: dict[str, list[tuple[int, int]]] = {n: [] for n in needles}
    if len(found) > FEW or not all(found):
        patterns = list(found)
        finder = ahocorasick_rs.AhoCorasick(patterns)
        # Overlapping matches come out in order of their end; one needle's, in order.
        for index, start, end in finder.find_matches_as_indexes(text, overlapping=True):
            if check is not None:
                check()
            spans = found[patterns[index]]
            if not spans or start >= spans[-1][1]:
                spans.append((start, end))
        return found
    for needle, spans in found.items():
        size = len(needle)
        at = text.find(needle)
        while at >= 0:
            if check is not None:
                check()
            spans.append((at, at + size))
            at = text.find(needle, at + size)
    return found
