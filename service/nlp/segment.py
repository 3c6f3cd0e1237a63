"""Word segmentation and part-of-speech tags.

rjieba is the Rust port of jieba (same dictionary, same algorithm, same tag set)
and tags a 5,000-character article in about 1 ms, where jieba.lcut alone takes
about 20 ms; see README "How extraction works". We always tag the Simplified
view: jieba's dictionary is Simplified, and its HMM guesses badly on
Traditional characters it has never seen.
"""
from __future__ import annotations

from itertools import accumulate
from collections.abc import Sequence
from typing import Iterable, NamedTuple

# A user word must win against the dictionary's own segmentation around it.
USER_WORD_FREQ = 200_000


class Token(NamedTuple):
    start: int
    end: int
    word: str   # from the normalised (Simplified) view
    pos: str    # jieba tag: nr person, ns place, nt organisation, eng Latin, x punctuation...


class Segmenter:
    def __init__(self, user_words: Iterable[tuple[str, str]] = ()) -> None:
        import rjieba

        # rjieba builds its default dictionary on import; a second Jieba()
        # would build it again (0.13 s of start-up). The process has one
        # segmenter, so it takes the default instance and adds its words to it.
        self._jieba = rjieba.tag.__self__
        for word, tag in user_words:
            if word and not word.isascii():
                self._jieba.add_word(word, USER_WORD_FREQ, tag)

    def has_word(self, word: str) -> bool:
        return self._jieba.has_word(word)

    def tag(self, norm: str) -> "TokenList":
        tagged = self._jieba.tag(norm)
        ends = list(accumulate(len(w) for w, _ in tagged))
        if (ends[-1] if ends else 0) != len(norm):  # never expected; offsets must not drift
            raise RuntimeError("segmenter changed the text length")
        return TokenList([0] + ends[:-1], ends, tagged)


class TokenList(Sequence):
    """Tokens kept as parallel arrays; a Token is made when one is read.

    Hundreds of thousands of long-lived tuples make the garbage collector
    rescan them again and again as a long text is processed; plain lists of
    ints and strings it never needs to track.
    """
    __slots__ = ("starts", "ends", "_tagged")

    def __init__(self, starts: list[int], ends: list[int], tagged: list[tuple[str, str]]) -> None:
        self.starts = starts
        self.ends = ends
        self._tagged = tagged

    def __len__(self) -> int:
        return len(self.starts)

    @property
    def tagged(self) -> list[tuple[str, str]]:
        """(word, tag) of every token, for loops that need no Token objects."""
        return self._tagged

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        word, tag = self._tagged[i]
        return Token(self.starts[i], self.ends[i], word, tag)

    def __iter__(self):
        for s, e, (w, t) in zip(self.starts, self.ends, self._tagged):
            yield Token(s, e, w, t)

    def where(self, words: frozenset[str] = frozenset(), tags: frozenset[str] = frozenset()):
        """(index, Token) for the tokens whose word (Latin lower-cased) is in
        words or whose tag is in tags; the rest are never built."""
        for i, (w, t) in enumerate(self._tagged):
            if t in tags or (w in words if not w.isascii() else w.lower() in words):
                yield i, Token(self.starts[i], self.ends[i], w, t)
