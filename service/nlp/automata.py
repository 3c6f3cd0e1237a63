"""Aho-Corasick automata that share one pass over a document's key view.

About a dozen extractors each search the key view with an automaton of their own
words (titles, cues, suffixes, anchors): 17 searches a document. Inside whole
extraction each search finds its automaton evicted from the CPU's caches by the
stages between (benchmarks/PROFILE.md, wave 10: the 931 searches of a corpora pass
cost ~25 ms inside extraction against ~5 ms warm), and `ahocorasick_rs` builds a
byte-to-character table of the text at every call on a str.

`AhoCorasick` here is `ahocorasick_rs.AhoCorasick` with the same constructor and
`find_matches_as_indexes`, giving the same matches in the same order. A text passed
to `share` (a document's key view, by build_document) is searched once, at the
first search of it, by one automaton of every such automaton's patterns
(overlapping), and each automaton's answer for it is read from those matches in
Python: leftmost-longest, leftmost-first, standard and overlapping, as
`ahocorasick_rs` defines them (tests/test_automata.py holds each equal to its own
automaton's). Any other text is searched by each automaton itself.
"""
from __future__ import annotations

import threading
import weakref
from collections import OrderedDict

import ahocorasick_rs
from ahocorasick_rs import Implementation, MatchKind  # noqa: F401  (the same names, re-exported)

from .. import deadline

# Texts shorter than this are searched by each automaton alone: one pass of every
# pattern costs more than the few searches of a short text.
SHARED_FROM = 128
# Texts whose shared matches a thread keeps: a batch of documents (Pipeline.extract_many
# runs 16 stage by stage) finds each one's matches still there at the next stage; the
# characters bound what stays alive after long documents (always the newest text).
KEPT_TEXTS = 32
KEPT_CHARS = 1_000_000

_registry: list[weakref.ref] = []
_lock = threading.Lock()
_combined: tuple | None = None   # (registry length, automaton, routes)
_local = threading.local()

_LEFTMOST_LONGEST = MatchKind.LeftmostLongest
_LEFTMOST_FIRST = MatchKind.LeftmostFirst


class AhoCorasick:
    """ahocorasick_rs.AhoCorasick, whose searches of a long text share one pass."""
    __slots__ = ("_own", "_patterns", "_kind", "_slot", "__weakref__")

    def __init__(self, patterns, matchkind=MatchKind.Standard, store_patterns=None,
                 implementation=None) -> None:
        self._patterns = list(patterns)
        self._kind = matchkind
        self._own = ahocorasick_rs.AhoCorasick(self._patterns, matchkind=matchkind,
                                               store_patterns=store_patterns,
                                               implementation=implementation)
        self._slot = -1
        if self._patterns and all(self._patterns):   # an empty pattern matches everywhere: alone
            with _lock:
                self._slot = len(_registry)
                _registry.append(weakref.ref(self))

    def find_matches_as_indexes(self, haystack: str, overlapping: bool = False) -> list[tuple[int, int, int]]:
        found = getattr(_local, "texts", _NONE).get(id(haystack))
        if found is None or found[0] is not haystack or self._slot < 0 \
                or (overlapping and self._kind is not MatchKind.Standard):
            return self._own.find_matches_as_indexes(haystack, overlapping=overlapping)
        table = found[1]
        if not table:
            table = found[1] = _pass(haystack)
        if self._slot >= len(table):   # an automaton made after the pass
            return self._own.find_matches_as_indexes(haystack, overlapping=overlapping)
        key = self._slot * 2 + overlapping
        answer = found[2].get(key)
        if answer is None:
            answer = found[2][key] = _answer(table[self._slot], self._kind, overlapping)
        return list(answer)

    def find_matches_as_strings(self, haystack: str, overlapping: bool = False) -> list[str]:
        return self._own.find_matches_as_strings(haystack, overlapping=overlapping)


_NONE: dict = {}


def share(text: str) -> None:
    """Let this thread's searches of text share one pass (a document's key view:
    build_document calls this). The last KEPT_TEXTS texts are kept, so a batch of
    documents run stage by stage finds each one's pass at the next stage."""
    if len(text) < SHARED_FROM:
        return
    texts = getattr(_local, "texts", None)
    if texts is None:
        texts = _local.texts = OrderedDict()
        _local.chars = 0
    # The kept texts' characters as a running count, not a sum over them at every call.
    replaced = texts.pop(id(text), None)
    chars = _local.chars + len(text) - (len(replaced[0]) if replaced is not None else 0)
    texts[id(text)] = [text, None, {}]   # searched at the first search of it
    while len(texts) > 1 and (len(texts) > KEPT_TEXTS or chars > KEPT_CHARS):
        chars -= len(texts.popitem(last=False)[1][0])
    _local.chars = chars


def prepare() -> None:
    """Build the combined automaton of the automata made so far now (start-up: the
    pipeline calls this once its components are made), not at the first long text."""
    _combined_automaton()


def _combined_automaton() -> tuple:
    """One automaton of every live shared automaton's patterns (each distinct string
    once), with routes: combined pattern index -> ((slot, own index), ...)."""
    global _combined
    with _lock:
        current = _combined
        if current is not None and current[0] == len(_registry):
            return current
        index: dict[str, int] = {}
        routes: list[list[tuple[int, int]]] = []
        for slot, ref in enumerate(_registry):
            member = ref()
            if member is None:
                continue
            for own, pattern in enumerate(member._patterns):
                at = index.get(pattern)
                if at is None:
                    at = index[pattern] = len(routes)
                    routes.append([])
                routes[at].append((slot, own))
        automaton = ahocorasick_rs.AhoCorasick(list(index)) if index else None
        _combined = (len(_registry), automaton, tuple(map(tuple, routes)))
        return _combined


def _pass(text: str) -> list[list]:
    """Search text once with the combined automaton: every slot's matches, as
    (own index, start, end), in the combined pass's order."""
    size, automaton, routes = _combined_automaton()
    table: list[list] = [[] for _ in range(size)]
    if automaton is not None:
        check = deadline.check
        for n, (at, start, end) in enumerate(automaton.find_matches_as_indexes(text, overlapping=True)):
            if not n & 255:
                check("automata")
            for slot, own in routes[at]:
                table[slot].append((own, start, end))
    return table


def _answer(matches: list, kind, overlapping: bool) -> tuple:
    """One automaton's answer read from every occurrence of its patterns:
    (own index, start, end) in any order."""
    if len(matches) < 2:
        return tuple(matches)
    if overlapping:
        # By end; at one end the longest first; equal strings by their index.
        return tuple(sorted(matches, key=_overlapping_order))
    if kind is _LEFTMOST_LONGEST:
        ordered = sorted(matches, key=_longest_order)
    elif kind is _LEFTMOST_FIRST:
        ordered = sorted(matches, key=_first_order)
    else:   # standard: the first to end, the longest of those, then on from its end
        ordered = sorted(matches, key=_overlapping_order)
    out = []
    reached = 0
    for match in ordered:
        if match[1] >= reached:
            out.append(match)
            reached = match[2]
    return tuple(out)


def _overlapping_order(m):
    return (m[2], m[1], m[0])


def _longest_order(m):
    return (m[1], -m[2], m[0])


def _first_order(m):
    return (m[1], m[0])
