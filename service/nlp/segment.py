"""Word segmentation and part-of-speech tags.

rjieba is the Rust port of jieba (same dictionary, same algorithm, same tag set)
and tags a 5,000-character article in about 1 ms, where jieba.lcut alone takes
about 20 ms; see README "How extraction works". We always tag the Simplified
view: jieba's dictionary is Simplified, and its HMM guesses badly on
Traditional characters it has never seen.
"""
from __future__ import annotations

import threading
from bisect import bisect_left
from itertools import accumulate, compress
from operator import itemgetter
from collections.abc import Sequence
from typing import Iterable, NamedTuple

from .text import _ascii_lower

PERSON_TAGS = frozenset({"nr", "nrfg", "nrt"})
# A user word must win against the dictionary's own segmentation around it.
USER_WORD_FREQ = 200_000

# The dictionary's total frequency, pinned. jieba charges every word of a route
# log(total), and add_word raises the total by each word's frequency, so adding or
# removing any user word re-cut unrelated near-tie sentences elsewhere (ten titles
# moved events and organisations through re-cuts, wave 20). After the user words a
# sentinel entry (private-use characters: outside jieba's Han blocks, never looked
# up, never cut) takes the frequency that brings the total to PINNED_TOTAL, so cuts
# depend on the words a sentence meets, not on how many words were added.
# BASE_TOTAL is the sum of the default dictionary (jieba's dict.txt; a test checks
# it when jieba is installed). Headroom: about (PINNED_TOTAL - total) / USER_WORD_FREQ
# more new words; tests/test_segment_pin.py fails before it runs out, and raising
# the pin re-baselines every cut (measure all sections).
BASE_TOTAL = 60_101_964
PINNED_TOTAL = 300_000_000
_SENTINEL = "\ue000\ue001"
# Words added to the process's dictionary -> their frequency before (0 if new):
# the segmenter shares rjieba's default instance, so this is per process too.
_ADDED: dict[str, int] = {}
# Dictionary words taken out (unglue) -> their frequency before.
_ZEROED: dict[str, int] = {}
_ADDED_LOCK = threading.Lock()


class Token(NamedTuple):
    start: int
    end: int
    word: str   # from the normalised (Simplified) view
    pos: str    # jieba tag: nr person, ns place, nt organisation, eng Latin, x punctuation...


class Segmenter:
    def __init__(self, user_words: Iterable[tuple[str, str]] = (), places: frozenset[str] = frozenset(),
                 glued: Iterable[str] = (), split: Iterable[str] = ()) -> None:
        import rjieba

        # Countries and territories the dictionary tags as people's names (沙特, 卡塔尔,
        # 乌克兰 are nr there): retagged ns, a place, when cut as a word of their own
        # (jieba keeps a known word's tag when it is added again).
        self._places = places

        # rjieba builds its default dictionary on import; a second Jieba()
        # would build it again (0.13 s of start-up). The process has one
        # segmenter, so it takes the default instance and adds its words to it.
        self._jieba = rjieba.tag.__self__
        with _ADDED_LOCK:
            self.headroom = _add_pinned(self._jieba, user_words, glued=glued)
        self.unglued = sorted(_ZEROED)
        # Two-character words cut back into their characters wherever a route or the
        # guesser (HMM) makes them (运输署以 -> 运输 / 署 / 以): word -> its two tokens,
        # each with the tag the dictionary gives the character alone.
        self._split = {w: tuple((c, self._jieba.tag(c)[0][1]) for c in w)
                       for w in split if len(w) == 2 and not w.isascii()}

    def has_word(self, word: str) -> bool:
        return self._jieba.has_word(word)

    def frequency(self, word: str) -> int:
        """The count the dictionary stores for word: 0 if it lacks it or the service
        took it out (unglue: _ZEROED; suggest_freq would estimate one from its
        pieces), USER_WORD_FREQ for a user word the service added (_ADDED: a KB name
        reads as common, so people.py's _word_beside_title asks the tagger about a KB
        name found only beside a title: 布林 of 國務卿布林肯). rjieba exposes no stored
        count: for any other word suggest_freq, which for a word the dictionary cuts
        as itself is its count or one more (see _add_pinned)."""
        if word in _ZEROED:
            return 0
        if word in _ADDED:
            return USER_WORD_FREQ
        return self._jieba.suggest_freq(word) if self._jieba.has_word(word) else 0

    def tag(self, norm: str) -> "TokenList":
        tagged = self._jieba.tag(norm)
        # The words once, as a list and a set (C-level): the two rare-case checks
        # below read the set, and where() reads it later (one pass, not three).
        words = list(map(itemgetter(0), tagged))
        word_set = frozenset(words)
        if self._places and not self._places.isdisjoint(word_set):   # rare; retags, same words
            tagged = _retag_places(list(tagged), self._places)
        if self._split and not self._split.keys().isdisjoint(word_set):   # rare
            split = self._split
            tagged = [pair for w, t in tagged for pair in (split.get(w) or ((w, t),))]
            words = list(map(itemgetter(0), tagged))
            word_set = frozenset(words)
        ends = list(accumulate(map(len, words)))   # C-level, no generator
        if (ends[-1] if ends else 0) != len(norm):  # never expected; offsets must not drift
            raise RuntimeError("segmenter changed the text length")
        return TokenList([0] + ends[:-1], ends, tagged, text=norm, words=word_set)


def _retag_places(tagged: list[tuple[str, str]], places) -> list[tuple[str, str]]:
    """A place's name tagged as a person's (nr) is retagged ns, in place. The few
    tokens that are places are found by C-level loops (compress), not by a Python
    loop over every token: a third of the texts have one."""
    at_places = compress(range(len(tagged)), map(places.__contains__, map(itemgetter(0), tagged)))
    for i in at_places:
        word, tag = tagged[i]
        if tag in PERSON_TAGS:
            tagged[i] = (word, "ns")
    return tagged


def glued_titles(body_kinds: Iterable[str], titles: Iterable[str]) -> set[str]:
    """Every body kind followed by a title (局局长, 局主席, 处处长, 总局局长): the
    shapes in which jieba's dictionary lists a few rare compounds of a body's last
    character and the title after it."""
    titles = [t for t in titles if t and not t.isascii()]
    return {kind + title for kind in body_kinds if kind and not kind.isascii() for title in titles}


def unglue(jieba, glued: Iterable[str], user_words: set[str] = frozenset(),
           zeroed: dict[str, int] | None = None) -> list[str]:
    """Take out of the dictionary the words of glued it holds (and the user words do
    not), by giving them frequency 0: a route never takes such a word, so 生态局局长
    is always 生态局 / 局长 (or 生态 / 局 / 局长), the body and its title, whatever
    the dictionary's total. Listed at frequency 3, 局局长 and 局主席 beat 局 / 局长 and
    局 / 主席 exactly when the total passes ~2.67e8 (log 3 against log 4002 + log
    USER_WORD_FREQ - log total), so any added word (or a pin above that total) flipped
    such cuts. zeroed, when given, registers each word taken out -> its frequency
    before (for the pinned total). Returns the words taken out, sorted."""
    zeroed = {} if zeroed is None else zeroed
    out = sorted(w for w in glued if w not in user_words and (w in zeroed or jieba.has_word(w)))
    for word in out:
        if word not in zeroed:
            zeroed[word] = max(jieba.suggest_freq(word) - 1, 0)
        jieba.add_word(word, 0, "n")
    return out


def _add_pinned(jieba, user_words: Iterable[tuple[str, str]], added: dict[str, int] = _ADDED,
                glued: Iterable[str] = (), zeroed: dict[str, int] | None = None) -> int:
    """Add the user words at USER_WORD_FREQ, take the glued words out (unglue), then
    set the sentinel so that the dictionary's total is PINNED_TOTAL; return the
    headroom left (negative: the pin is exceeded and the total is no longer pinned).
    added is the register of words this jieba instance was given (word -> its
    frequency before), zeroed that of the words taken out (the process's own
    registers for the process's instance, fresh ones for any other).

    A word already in the dictionary changes the total by USER_WORD_FREQ minus its
    old frequency, which rjieba does not expose: suggest_freq gives it within a
    count or so (f or f + 1; more for the few words the dictionary itself cuts
    apart), so the total is held within a few counts in some hundred million,
    far below any route difference, and exactly for new words.
    """
    if zeroed is None:
        zeroed = _ZEROED if added is _ADDED else {}
    user_words = list(user_words)
    for word, tag in user_words:
        if word and not word.isascii():
            if word not in added:
                added[word] = max(jieba.suggest_freq(word) - 1, 0) if jieba.has_word(word) else 0
            jieba.add_word(word, USER_WORD_FREQ, tag)
    unglue(jieba, glued, {word for word, _ in user_words} | added.keys(), zeroed)
    total = BASE_TOTAL + sum(USER_WORD_FREQ - old for old in added.values()) - sum(zeroed.values())
    headroom = PINNED_TOTAL - total
    jieba.add_word(_SENTINEL, max(headroom, 0), "x")
    return headroom


class TokenList(Sequence):
    """Tokens kept as parallel arrays; a Token is made when one is read.

    Hundreds of thousands of long-lived tuples make the garbage collector
    rescan them again and again as a long text is processed; plain lists of
    ints and strings it never needs to track.
    """
    __slots__ = ("starts", "ends", "_tagged", "_columns", "_found")

    def __init__(self, starts: list[int], ends: list[int], tagged: list[tuple[str, str]],
                 text: str | None = None, words: frozenset[str] | None = None) -> None:
        self.starts = starts
        self.ends = ends
        self._tagged = tagged
        # views of the tokens for where(), built on first use; text, when given,
        # is the tokens' words joined (the text they were cut from), words the
        # set of the tokens' words
        self._columns: dict = {} if text is None else {"text": text}
        if words is not None:
            self._columns["words"] = words
        self._found: dict[tuple[frozenset[str], frozenset[str]], list[int]] = {}

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
        # tuple.__new__ skips the Python-level NamedTuple.__new__ (same Token).
        return _new_tuple(Token, (self.starts[i], self.ends[i], word, tag))

    def __iter__(self):
        for s, e, (w, t) in zip(self.starts, self.ends, self._tagged):
            yield _new_tuple(Token, (s, e, w, t))

    def where(self, words: frozenset[str] = frozenset(), tags: frozenset[str] = frozenset()):
        """(index, Token) for the tokens whose word (Latin lower-cased) is in
        words or whose tag is in tags, in text order; the rest are never built.

        Extractors ask this of every document several times with the same few
        sets, so the indices are found once per set, by C-level scans (str.find)
        of the joined words or of a string of tag codes, never by a Python loop
        over every token (that loop was 0.2 ms a call on the seed).
        """
        found = self.indices(words, tags)
        starts, ends, tagged = self.starts, self.ends, self._tagged
        for i in found:
            w, t = tagged[i]
            yield i, _new_tuple(Token, (starts[i], ends[i], w, t))

    def indices(self, words: frozenset[str] = frozenset(), tags: frozenset[str] = frozenset()) -> list[int]:
        """The indices where() yields, in text order, as a list (the caller must not
        change it: it is the document's cached answer for a frozen set)."""
        try:
            found = self._found.get((words, tags))
        except TypeError:   # a mutable set: found afresh each time
            return self._indices(words, tags)
        if found is None:
            found = self._found[words, tags] = self._indices(words, tags)
        return found

    def _indices(self, words: frozenset[str], tags: frozenset[str]) -> list[int]:
        hits: list[int] = []
        if tags:
            self._tag_codes().find(tags, hits)
        if words:
            # A Latin word matches lower-cased, any other word as it is: an ASCII
            # word of the set can only be a token's ASCII word lower-cased, any
            # other only a token's word as it is.
            latin, other = _by_script(words)
            if latin:
                self._find_words(self._text(lowered=True), latin, hits)
            if other:
                self._find_words(self._text(), other & self._word_set(), hits)
        return sorted(set(hits)) if words and tags else sorted(hits)

    def _find_words(self, text: str, words, hits: list[int]) -> None:
        """Tokens that are one of words: an occurrence in the joined text that
        starts and ends a token (str.find and bisect, no loop over tokens)."""
        starts, ends = self.starts, self.ends
        n = len(starts)
        for word in words:
            if not word:
                continue
            size = len(word)
            at = text.find(word)
            while at >= 0:
                i = bisect_left(starts, at)
                if i < n and starts[i] == at and ends[i] == at + size:
                    hits.append(i)
                at = text.find(word, at + 1)

    def _text(self, lowered: bool = False) -> str:
        """The tokens' words joined (the text they were cut from); lowered: with
        A-Z lower-cased."""
        text = self._columns.get("text")
        if text is None:
            text = self._columns["text"] = "".join(map(itemgetter(0), self._tagged))
        if not lowered:
            return text
        low = self._columns.get("lowered")
        if low is None:
            low = self._columns["lowered"] = _ascii_lower(text)
        return low

    def _word_set(self) -> frozenset[str]:
        words = self._columns.get("words")
        if words is None:
            words = self._columns["words"] = frozenset(map(itemgetter(0), self._tagged))
        return words

    def _tag_codes(self) -> "_Coded":
        codes = self._columns.get("tags")
        if codes is None:
            codes = self._columns["tags"] = _Coded(map(itemgetter(1), self._tagged))
        return codes


_new_tuple = tuple.__new__
# A word set's ASCII words and its others, by set: extractors ask where() of every
# document with the same few frozensets (their hash is kept), so each is split once.
_SPLIT: dict[frozenset[str], tuple[frozenset[str], frozenset[str]]] = {}


def _by_script(words: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    try:
        split = _SPLIT.get(words)
    except TypeError:   # a mutable set: split afresh
        latin = frozenset(w for w in words if w.isascii())
        return latin, frozenset(words) - latin
    if split is None:
        latin = frozenset(w for w in words if w.isascii())
        split = (latin, words - latin)
        if len(_SPLIT) < 256:   # a caller making new sets per call must not grow it
            _SPLIT[words] = split
    return split


class _TagCodes(dict):
    """Tag -> its code character, one table for the process: the tags are a few
    dozen strings, so every document's column is coded with the same table and
    none builds its own (a set and a dict per document cost as much again as
    coding the column). A tag met for the first time gets the next code, under a
    lock so that two threads never give two tags one code."""
    __slots__ = ()
    _lock = threading.Lock()

    def __missing__(self, tag: str) -> str:
        with self._lock:
            code = self.get(tag)
            if code is None:
                code = self[tag] = chr(0x4E00 + len(self))
            return code


_TAG_CODES = _TagCodes()


class _Coded:
    """A column of few distinct values (tags) as a string, one code character
    per token, so the tokens holding a value are found by str.find (a C-level
    scan), not by comparing every token's value in Python."""
    __slots__ = ("codes",)

    def __init__(self, values: Iterable[str]) -> None:
        self.codes = "".join(map(_TAG_CODES.__getitem__, values))

    def find(self, wanted: frozenset[str], hits: list[int]) -> None:
        """Append to hits the index of every token whose value is one of wanted."""
        find = self.codes.find
        for value in wanted:
            code = _TAG_CODES.get(value)
            if code is None:
                continue
            i = find(code)
            while i >= 0:
                hits.append(i)
                i = find(code, i + 1)
