"""One clause splitter: which characters end a clause, and where the clause
around an offset starts and ends.

Every reader agrees on the punctuation that ends a clause (CLAUSE_PUNCT); some
also stop at brackets, quote marks or dashes, because what they look for never
crosses them (a fact's subject, a quote's speaker). They say so by naming the
extra characters, so the core set is written once.
Searches are bounded by the caller's window and run in the regex engine, both
ways, so no clause costs more than its window. They run under stdlib `re` (a
character class reads alike in both engines, at half `regex`'s cost per call): the
clause's start is the end of a greedy `.*` then a delimiter, matched from the
window's start, which backtracks from the window's end as `regex`'s REVERSE search
scans; `pattern` stays the `regex` class for the readers that use it.
"""
from __future__ import annotations

import bisect
import re

import regex
from .quote_marks import DOUBLE, marks

# Sentence ends, semicolons, commas and colons, full- and half-width.
CLAUSE_PUNCT = "。！？；;!?\n，,：:"
BRACKETS = "（）()"
QUOTE_MARKS = marks(DOUBLE)   # the marks that only ever quote (service/nlp/quote_marks.py)
DASH = "—"


class ClauseSplitter:
    """Clause boundaries at CLAUSE_PUNCT plus `extra` characters."""

    def __init__(self, extra: str = "") -> None:
        chars = dict.fromkeys(CLAUSE_PUNCT + extra)   # ordered, without repeats
        self.delimiters = frozenset(chars)
        cls = "[" + "".join(regex.escape(c) for c in chars) + "]"
        self.pattern = regex.compile(cls)
        re_cls = "[" + "".join(re.escape(c) for c in chars) + "]"
        self._ahead = re.compile(re_cls)
        self._last = re.compile("(?s:.*)" + re_cls)   # up to and through the last delimiter

    def start(self, text: str, pos: int, lo: int) -> int:
        """Where the clause holding pos starts: just after the last delimiter in
        [lo, pos), or lo when there is none (pos itself when pos <= lo)."""
        if pos <= lo:
            return pos
        m = self._last.match(text, lo, pos)
        return m.end() if m else lo

    def end(self, text: str, pos: int, hi: int) -> int:
        """Where the clause holding pos ends: at the first delimiter in [pos, hi),
        or hi when there is none."""
        m = self._ahead.search(text, pos, hi)
        return m.start() if m else hi

    def around(self, text: str, start: int, end: int, window: int) -> tuple[int, int]:
        """The clause around [start, end), each end looked for within window characters."""
        lo, hi = max(0, start - window), min(len(text), end + window)
        back = self._last.match(text, lo, start) if start > lo else None   # one per number: inlined
        ahead = self._ahead.search(text, end, hi)
        return (back.end() if back else min(lo, start)), (ahead.start() if ahead else hi)

    def index(self, text: str) -> "ClauseIndex":
        """The delimiters of `text` found once, for a reader that asks for many clauses."""
        return ClauseIndex(self, text)


class ClauseIndex:
    """`around` for one text by bisecting its delimiters' offsets, found in one pass,
    where ClauseSplitter.around runs two searches per call: the same answers (a text
    dense with numbers asks for a clause per number, thousands of them)."""

    def __init__(self, splitter: ClauseSplitter, text: str) -> None:
        self.length = len(text)
        self.delimiters = [m.start() for m in splitter._ahead.finditer(text)]

    def around(self, start: int, end: int, window: int) -> tuple[int, int]:
        lo, hi = max(0, start - window), min(self.length, end + window)
        at = self.delimiters
        left = min(lo, start)
        if start > lo:
            i = bisect.bisect_left(at, start) - 1
            if i >= 0 and at[i] >= lo:
                left = at[i] + 1
        j = bisect.bisect_left(at, end)
        return left, (at[j] if j < len(at) and at[j] < hi else hi)


# The splitters the extractors share.
CLAUSES = ClauseSplitter()
