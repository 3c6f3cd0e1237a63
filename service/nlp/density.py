"""Sentences that are no prose: more numbers than a sentence of news ever holds.

A run of numbers without punctuation (1年1年1年…, 1月1日1月1日…, a table pasted
as one line) costs the number readers (quantities, facts, time expressions) tens
of microseconds per number. News does not write that way: the most numbers in one
sentence of the fixture articles and the real-text set is 19, of the conformance
inputs 48 (a URL); the most quantities in one sentence of them all 10, of time
expressions 5. So in a sentence (at most 500 characters, see document.py)
holding more than `MAX_NUMBERS_PER_SENTENCE` numbers, only the text before the
next one is read for numbers; the rest of the sentence is still read by every
other stage, and the Result's `warnings` says which characters were left unread.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .. import deadline
from .document import Span

MAX_NUMBERS_PER_SENTENCE = 64
# A number: a run of digits or of Chinese numerals (the norm view: 兩 is 两 there).
NUMBER = re.compile(r"[0-9]+|[零〇一二两三四五六七八九十百千万亿兆]+")
# A sentence this short cannot hold more numbers than the cap (one character apart).
_SHORTEST_DENSE = 2 * MAX_NUMBERS_PER_SENTENCE + 1
# What the number readers see in place of the characters left unread.
FILLER = "\n"


def unread_tails(norm: str, sentences: Sequence[Span]) -> list[tuple[int, int]]:
    """For each sentence holding more than MAX_NUMBERS_PER_SENTENCE numbers, the
    stretch (start, end) from its first number past the cap to the sentence's end."""
    tails: list[tuple[int, int]] = []
    for s in sentences:
        if s.end - s.start < _SHORTEST_DENSE:
            continue
        deadline.check("quantities")
        for i, m in enumerate(NUMBER.finditer(norm, s.start, s.end)):
            if i == MAX_NUMBERS_PER_SENTENCE:
                tails.append((m.start(), s.end))
                break
    return tails


def masked(text: str, tails: Sequence[tuple[int, int]]) -> str:
    """`text` (same length) with every tail replaced by FILLER."""
    if not tails:
        return text
    pieces, pos = [], 0
    for start, end in tails:
        pieces += (text[pos:start], FILLER * (end - start))
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def warning(tails: Sequence[tuple[int, int]]) -> str:
    chars = sum(end - start for start, end in tails)
    return (f"{len(tails)} sentence(s) hold more than {MAX_NUMBERS_PER_SENTENCE} numbers (a table or "
            f"a repeated pattern, not prose): in each, the text from its "
            f"{MAX_NUMBERS_PER_SENTENCE + 1}th number on ({chars:,} characters in all, the first from "
            f"character {tails[0][0]:,}) was not read for quantities, facts or time expressions.")
