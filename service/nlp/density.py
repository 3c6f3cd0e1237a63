"""Stretches of text that are no prose: more numbers than news ever holds.

A run of numbers (1年1年1年…, 1年。1年。…, 1月1日1月1日…, a table pasted as one
line) costs the number readers (quantities, facts, time expressions) ~15
microseconds per number, where news costs ~2 per character. News does not write
that way. Two caps, measured on the 119 news texts of fixtures/articles, the seed and
fixtures/real*/texts and on the 1,316 conformance inputs:

- per sentence (at most 500 characters, see document.py): the most numbers in one
  sentence of the news texts is 20, of the conformance inputs 54 (a URL). In a
  sentence holding more than `MAX_NUMBERS_PER_SENTENCE`, only the text before the
  next one is read for numbers.
- per stretch of `WINDOW_CHARS` characters, across sentences: the most numbers
  within 2,000 characters of the news texts is 99 (a report of battery
  installations), of the conformance inputs 59. A number that is more than the
  `MAX_NUMBERS_PER_WINDOW`th to start within fewer than WINDOW_CHARS characters
  (counting every number, read or not) is not read, nor is the rest of its sentence.
  So a text repeating a number and a unit is read for its first numbers only,
  whatever its punctuation, and reading resumes where numbers thin out to prose's.

The rest of each such sentence is still read by every other stage, and the Result's
`warnings` says which characters were left unread.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .. import deadline
from .document import Span

MAX_NUMBERS_PER_SENTENCE = 64
MAX_NUMBERS_PER_WINDOW = 200
WINDOW_CHARS = 2000
# A number: a run of digits with its decimal parts and up to two multipliers written
# after it (344.63, 1.37万亿, 12.5%: the readers read each as one amount), or one Chinese
# numeral character (the norm view: 兩 is 两 there), 几 among them, or 数 before a unit of
# time (数周, 数年: a few of them, which the quantities read as they read 几年). 一千二百
# counts four: a run of Chinese numerals (十十十…, 一二三四五…) is read as many numerals, a
# run of digits as one. An earnings report writes ~300 digit runs within 2,000 characters
# where it states ~180 amounts (143.23亿美元 is one, not three).
_NUMERALS = "零〇一二两三四五六七八九十百千万亿兆几"
_TIME_UNITS = "[个年月周日天小时分秒季]"
_MULTIPLIERS = "万亿兆"
NUMBER = re.compile(rf"[0-9]+(?:\.[0-9]+)*[{_MULTIPLIERS}]{{0,2}}|[{_NUMERALS}]|数(?={_TIME_UNITS})")
# Where each NUMBER match starts, found three times faster: a pattern that opens with a
# character class lets `re` skip to its characters (NUMBER's alternation tries every place).
# (A digit after a digit or after `digit.` continues a number, as does a multiplier after a
# digit or after `digit` + one multiplier.)
NUMBER_START = re.compile(rf"[0-9{_NUMERALS}数](?<![0-9]{{2}})(?<![0-9]\.[0-9])"
                          rf"(?<![0-9][{_MULTIPLIERS}])(?<![0-9][{_MULTIPLIERS}]{{2}})(?<!数(?!{_TIME_UNITS}))")
# A sentence this short cannot hold more numbers than the cap.
_SHORTEST_DENSE = MAX_NUMBERS_PER_SENTENCE + 1
# What the number readers see in place of the characters left unread.
FILLER = "\n"


def unread_tails(norm: str, sentences: Sequence[Span]) -> list[tuple[int, int]]:
    """For each sentence with a number past either cap, the stretch (start, end) from
    its first such number to the sentence's end, in text order."""
    tails: dict[int, int] = {}   # sentence end -> where its unread tail starts
    # A sentence's count never exceeds the whole text's over the same characters (the
    # sentence's bounds only hide context from the look-arounds), so a text holding
    # fewer numbers than the cap (most news) has no sentence to count.
    total = len(NUMBER_START.findall(norm))
    for s in (sentences if total >= MAX_NUMBERS_PER_SENTENCE else ()):
        if s.end - s.start < _SHORTEST_DENSE:
            continue
        deadline.check("quantities")
        # a quick count first (NUMBER_START's lookbehind may see a digit before the
        # sentence, so it may count one fewer), the exact reading only near the cap
        if len(NUMBER_START.findall(norm, s.start, s.end)) < MAX_NUMBERS_PER_SENTENCE:
            continue
        for i, m in enumerate(NUMBER.finditer(norm, s.start, s.end)):
            if i == MAX_NUMBERS_PER_SENTENCE:
                tails[s.end] = m.start()
                break
    if total > MAX_NUMBERS_PER_WINDOW and _window_may_overflow(norm):
        _window_cap([m.start() for m in NUMBER_START.finditer(norm)], sentences, tails)
    return sorted((start, end) for end, start in tails.items())


def _window_may_overflow(norm: str) -> bool:
    """False when no WINDOW_CHARS characters can hold more than MAX_NUMBERS_PER_WINDOW
    numbers: any such stretch lies within three consecutive half-windows, so three
    neighbouring counts decide it without a Python step per number. (A number each
    half-window counts where it starts; one cut by a half-window's start, were it
    counted again there, would only make the answer True more often.)"""
    half = WINDOW_CHARS // 2
    if len(norm) <= half:
        return len(NUMBER_START.findall(norm)) > MAX_NUMBERS_PER_WINDOW
    counts = [len(NUMBER_START.findall(norm, a, a + half)) for a in range(0, len(norm), half)]
    return any(sum(counts[i:i + 3]) > MAX_NUMBERS_PER_WINDOW for i in range(len(counts)))


def _window_cap(starts: list[int], sentences: Sequence[Span], tails: dict[int, int]) -> None:
    """The numbers that are the (MAX_NUMBERS_PER_WINDOW+1)th or later within fewer than
    WINDOW_CHARS characters: each cuts its sentence from there (one walk over the numbers
    and the sentences, both in text order)."""
    k, n = MAX_NUMBERS_PER_WINDOW, len(starts)
    i, si, count = k, 0, len(sentences)
    while i < n:
        at = starts[i]
        if at - starts[i - k] >= WINDOW_CHARS:
            i += 1
            continue
        deadline.check("quantities")
        while si < count and sentences[si].end <= at:
            si += 1
        if si == count:
            return
        s = sentences[si]
        if s.start <= at:   # (a number outside every sentence is in blank text: none is)
            end = s.end
            if tails.get(end, end) > at:
                tails[end] = at
            while i < n and starts[i] < end:   # the rest of the sentence is cut already
                i += 1
        else:
            i += 1


def masked(text: str, tails: Sequence[tuple[int, int]]) -> str:
    """`text` (same length) with every tail replaced by FILLER (adjacent tails as one)."""
    if not tails:
        return text
    pieces, pos = [], 0
    run_start = run_end = None
    for start, end in tails:
        if start == run_end:
            run_end = end
            continue
        if run_start is not None:
            pieces += (text[pos:run_start], FILLER * (run_end - run_start))
            pos = run_end
        run_start, run_end = start, end
    pieces += (text[pos:run_start], FILLER * (run_end - run_start), text[run_end:])
    return "".join(pieces)


def warning(tails: Sequence[tuple[int, int]]) -> str:
    chars = sum(end - start for start, end in tails)
    return (f"{len(tails)} sentence(s) lie in text denser in numbers than prose (more than "
            f"{MAX_NUMBERS_PER_SENTENCE} numbers in one sentence, or more than {MAX_NUMBERS_PER_WINDOW} "
            f"within {WINDOW_CHARS:,} characters: a table or a repeated pattern): in each, the text "
            f"from its first number past the cap on ({chars:,} characters in all, the first from "
            f"character {tails[0][0]:,}) was not read for quantities, facts or time expressions.")
