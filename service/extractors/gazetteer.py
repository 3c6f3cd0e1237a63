"""Knowledge-base lookup: every alias of every entry, found in one pass.

Aho-Corasick (leftmost-longest) over the document's key view, then boundary
checks: a Latin alias must not sit inside a longer Latin word (Meta in
Metadata), and a two-character Chinese alias, or any Chinese alias from the
generated lists, must coincide with segmenter token boundaries (百度 in 一百度
is a temperature; 平安 in 保平安 is no bank).
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from operator import attrgetter
import re

import ahocorasick_rs

from ..kb import Entry, KnowledgeBase
from ..nlp import automata
from ..nlp.document import Document
from ..nlp.segment import Segmenter
from .. import deadline

SHORT_CJK_ALIAS = 2
# Latin words separated by single spaces: "Face book" may be a split alias.
# The same as (?<![a-z0-9])[a-z0-9]{2,30}(?: [a-z0-9]{2,30})+(?![a-z0-9]) with the
# look-behind moved after the first character, so that stdlib `re` skips to a Latin
# character in C instead of trying the pattern at every one (a quarter of the cost
# of that pattern under `regex`; tests/extractors/test_gazetteer_scan.py).
LATIN_RUN = re.compile(r"[a-z0-9](?<![a-z0-9][a-z0-9])[a-z0-9]{1,29}(?: [a-z0-9]{2,30})+(?![a-z0-9])")
MIN_SPLIT_ALIAS = 5
# What _latin(ch) holds for: an ASCII letter or digit.
LATIN_CHARS = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
# An alias's checks, worked out once per alias at start-up (the scan reads them per
# match): it starts with a Latin character, ends with one, must fit token bounds.
_LATIN_FIRST, _LATIN_LAST, _TOKEN_BOUNDS = 1, 2, 4


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    entries: tuple[Entry, ...]
    # kind -> that kind's entries, shared by every match of the alias (built at start-up);
    # None for a Match made elsewhere: of_kind works it out.
    kinds: dict | None = field(default=None, compare=False, repr=False)

    def of_kind(self, kind: str) -> tuple[Entry, ...]:
        """The entries of that kind, in order. A tuple shared by every match of the alias
        (~7,000 calls a corpus pass; a fresh list each was a third of the cost): read it,
        never change it."""
        kinds = self.kinds
        if kinds is None:
            return tuple(e for e in self.entries if e.kind == kind)
        return kinds.get(kind, ())


_START = attrgetter("start")
# Match(start, end, entries, kinds), built a third as dear: a frozen dataclass's __init__
# sets each field through object.__setattr__ in Python; its slots' descriptors set them
# in C (one Match per dictionary hit of every document; tests/extractors/test_gazetteer_scan.py).
_new_object = object.__new__
_SET_START, _SET_END = Match.start.__set__, Match.end.__set__
_SET_ENTRIES, _SET_KINDS = Match.entries.__set__, Match.kinds.__set__


def _match(start: int, end: int, entries: tuple, kinds: dict | None) -> Match:
    m = _new_object(Match)
    _SET_START(m, start)
    _SET_END(m, end)
    _SET_ENTRIES(m, entries)
    _SET_KINDS(m, kinds)
    return m


def _kinds(entries: tuple[Entry, ...]) -> dict[str, tuple[Entry, ...]]:
    """kind -> the entries of that kind, in order (what Match.of_kind returns)."""
    if len(entries) == 1:   # most aliases: one entry (start-up builds ~18,000 of these)
        return {entries[0].kind: entries}
    out: dict[str, list[Entry]] = {}
    for e in entries:
        out.setdefault(e.kind, []).append(e)
    return {k: tuple(v) for k, v in out.items()}


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _flags(alias: str, listed: bool) -> int:
    """What the scan must check of a match of alias (see _scan)."""
    return ((_LATIN_FIRST if _latin(alias[0]) else 0) | (_LATIN_LAST if _latin(alias[-1]) else 0)
            | (_TOKEN_BOUNDS if (len(alias) <= SHORT_CJK_ALIAS or listed) and not alias.isascii()
               else 0))


class Gazetteer:
    name = "gazetteer"
    reads = ()
    writes = ("gazetteer",)

    def __init__(self, kb: KnowledgeBase, segmenter: Segmenter) -> None:
        # Curated aliases and generated-list aliases in two automata: a list name
        # must never hide a curated one by overlapping it (長安 in 技術長安德魯).
        self._keys = [k for k, v in kb.aliases.items() if not v[0].listed]
        self._entries = [tuple(kb.aliases[k]) for k in self._keys]
        self._listed_keys = [k for k, v in kb.aliases.items() if v[0].listed]
        self._listed_entries = [tuple(kb.aliases[k]) for k in self._listed_keys]
        self._index = dict(zip(self._keys + self._listed_keys, self._entries + self._listed_entries))
        self._automaton = automata.AhoCorasick(   # searches of one text share a pass
            self._keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        # A contiguous NFA: built as fast as the default over ~16,000 list names and
        # searched faster (a DFA would take 0.5 s to build). Shared (service/nlp/automata.py):
        # a long text's list names are found in the one pass that finds the curated aliases
        # and the other extractors' words, not in a second walk of the text with a second
        # automaton whose tables the stages before have evicted from the CPU's caches
        # (benchmarks/PROFILE.md, wave 34); a short text is searched by this automaton alone.
        self._listed_automaton = automata.AhoCorasick(
            self._listed_keys or ["\x00"], matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
            implementation=ahocorasick_rs.Implementation.ContiguousNFA)
        self._flags = [_flags(k, False) for k in self._keys]
        self._listed_flags = [_flags(k, True) for k in self._listed_keys]
        self._kinds = [_kinds(e) for e in self._entries]
        self._listed_kinds = [_kinds(e) for e in self._listed_entries]
        # the same dicts by alias (the two key lists never share an alias)
        self._index_kinds = dict(zip(self._keys + self._listed_keys, self._kinds + self._listed_kinds))

    def _scan(self, doc: Document, automaton, keys: list[str], entries: list[tuple],
              listed: bool) -> list[Match]:
        flags, kinds = (self._listed_flags, self._listed_kinds) if listed else (self._flags, self._kinds)
        key = doc.key
        size = len(key)
        count = len(keys)
        check = deadline.check
        # doc.starts_token and doc.ends_token, inlined: a listed alias asks both per match
        token_starts = doc._token_starts
        tokens = len(token_starts)
        text_size = len(doc.text)
        found: list[Match] = []
        for idx, start, end in automaton.find_matches_as_indexes(key):
            check("gazetteer")
            if idx >= count:
                continue
            f = flags[idx]
            if f:
                # a Latin alias inside a longer Latin word; a short or listed Chinese
                # alias off the segmenter's token bounds
                if f & _LATIN_FIRST and start > 0 and key[start - 1] in LATIN_CHARS:
                    continue
                if f & _LATIN_LAST and end < size and key[end] in LATIN_CHARS:
                    continue
                if f & _TOKEN_BOUNDS:
                    i = bisect_left(token_starts, start)
                    if i == tokens or token_starts[i] != start:
                        continue
                    if end < text_size:
                        i = bisect_left(token_starts, end, i)
                        if i == tokens or token_starts[i] != end:
                            continue
            found.append(_match(start, end, entries[idx], kinds[idx]))
        return found

    def __call__(self, doc: Document) -> None:
        found = self._scan(doc, self._automaton, self._keys, self._entries, False)
        covered = bytearray(len(doc.key) + 1)   # 1 inside a match
        for m in found:
            covered[m.start:m.end] = b"\x01" * (m.end - m.start)
        listed = []
        for m in self._scan(doc, self._listed_automaton, self._listed_keys, self._listed_entries, True):
            if covered.find(1, m.start, m.end) < 0:   # overlaps no curated match
                listed.append(m)
            elif self._extends_curated(m, found):   # 三星SDI over 三星: the longer name
                found = [c for c in found if not (m.start <= c.start and c.end <= m.end)]
                listed.append(m)
        for m in listed:
            covered[m.start:m.end] = b"\x01" * (m.end - m.start)
        found.extend(listed)
        found.extend(self._split_aliases(doc, covered))
        found.sort(key=_START)
        doc.layers["gazetteer"] = found

    @staticmethod
    def _extends_curated(m: Match, found: list[Match]) -> bool:
        """Is a list's organisation name a curated organisation's name and more (三星SDI,
        SK 海力士 after SK): every curated match it overlaps lies inside it, each an
        organisation's, and it starts with one? Then it is the longer name; a list name
        that only overlaps a curated one (長安 in 技術長安德魯) never hides it.
        A list's product name is the longer name over curated products' names wholly inside it,
        wherever they start (星聊企业版 over 星聊, 企业星聊 over 星聊: an edition or a sibling
        app named with the app's name is another app); never over an organisation's."""
        if m.of_kind("product") and len(m.entries) == len(m.of_kind("product")):
            inside = [c for c in found if c.start < m.end and m.start < c.end]
            return bool(inside) and all(
                m.start <= c.start and c.end <= m.end and (c.end - c.start) < (m.end - m.start)
                and len(c.entries) == len(c.of_kind("product")) for c in inside)
        if not m.of_kind("organization"):
            return False
        inside = [c for c in found if c.start < m.end and m.start < c.end]
        return bool(inside) and inside[0].start == m.start and all(
            m.start <= c.start and c.end <= m.end and (c.end - c.start) < (m.end - m.start)
            and c.of_kind("organization") and len(c.entries) == len(c.of_kind("organization"))
            for c in inside)

    def _split_aliases(self, doc: Document, covered: bytearray) -> list[Match]:
        """Aliases written with a stray space (Face book, Open AI), where no match
        found so far covers their first or last character."""
        extra = []
        index = self._index
        for run in LATIN_RUN.finditer(doc.key):
            deadline.check("gazetteer")
            words = run.group().split(" ")   # single spaces between words (LATIN_RUN)
            at = run.start()
            for a, b in zip(words, words[1:]):
                joined = a + b
                start = at
                end = at + len(a) + 1 + len(b)
                at += len(a) + 1
                if (len(joined) >= MIN_SPLIT_ALIAS and joined in index
                        and not covered[start] and not covered[end - 1]):
                    extra.append(_match(start, end, index[joined], self._index_kinds[joined]))
        return extra
