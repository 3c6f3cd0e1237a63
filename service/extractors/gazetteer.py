"""Knowledge-base lookup: every alias of every entry, found in one pass.

Aho-Corasick (leftmost-longest) over the document's key view, then boundary
checks: a Latin alias must not sit inside a longer Latin word (Meta in
Metadata), and a two-character Chinese alias, or any Chinese alias from the
generated lists, must coincide with segmenter token boundaries (百度 in 一百度
is a temperature; 平安 in 保平安 is no bank).
"""
from __future__ import annotations

from dataclasses import dataclass

import ahocorasick_rs
import regex

from ..kb import Entry, KnowledgeBase
from ..nlp.document import Document
from ..nlp.segment import Segmenter
from .. import deadline

SHORT_CJK_ALIAS = 2
# Latin words separated by single spaces: "Face book" may be a split alias.
LATIN_RUN = regex.compile(r"(?<![a-z0-9])[a-z0-9]{2,30}(?: [a-z0-9]{2,30})+(?![a-z0-9])")
MIN_SPLIT_ALIAS = 5


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    entries: tuple[Entry, ...]

    def of_kind(self, kind: str) -> list[Entry]:
        return [e for e in self.entries if e.kind == kind]


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


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
        self._automaton = ahocorasick_rs.AhoCorasick(
            self._keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        # A contiguous NFA: built as fast as the default over ~16,000 list names and
        # searched faster (a DFA would take 0.5 s to build).
        self._listed_automaton = ahocorasick_rs.AhoCorasick(
            self._listed_keys or ["\x00"], matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
            implementation=ahocorasick_rs.Implementation.ContiguousNFA)

    def _scan(self, doc: Document, automaton, keys: list[str], entries: list[tuple],
              listed: bool) -> list[Match]:
        key = doc.key
        found: list[Match] = []
        for idx, start, end in automaton.find_matches_as_indexes(key):
            deadline.check("gazetteer")
            if idx >= len(keys):
                continue
            alias = keys[idx]
            if _latin(alias[0]) and start > 0 and _latin(key[start - 1]):
                continue
            if _latin(alias[-1]) and end < len(key) and _latin(key[end]):
                continue
            if ((len(alias) <= SHORT_CJK_ALIAS or listed) and not alias.isascii()
                    and not (doc.starts_token(start) and doc.ends_token(end))):
                continue
            found.append(Match(start, end, entries[idx]))
        return found

    def __call__(self, doc: Document) -> None:
        found = self._scan(doc, self._automaton, self._keys, self._entries, False)
        covered = bytearray(len(doc.key) + 1)
        for m in found:
            covered[m.start:m.end] = b"\x01" * (m.end - m.start)
        found.extend(m for m in self._scan(doc, self._listed_automaton, self._listed_keys,
                                           self._listed_entries, True)
                     if not any(covered[m.start:m.end]))
        found.extend(self._split_aliases(doc, found))
        found.sort(key=lambda m: m.start)
        doc.layers["gazetteer"] = found

    def _split_aliases(self, doc: Document, found: list[Match]) -> list[Match]:
        """Aliases written with a stray space (Face book, Open AI)."""
        covered = {i for m in found for i in range(m.start, m.end)}
        extra = []
        for run in LATIN_RUN.finditer(doc.key):
            deadline.check("gazetteer")
            words = list(regex.finditer(r"[a-z0-9]+", run.group()))
            for a, b in zip(words, words[1:]):
                joined = a.group() + b.group()
                start, end = run.start() + a.start(), run.start() + b.end()
                if (len(joined) >= MIN_SPLIT_ALIAS and joined in self._index
                        and start not in covered and end - 1 not in covered):
                    extra.append(Match(start, end, self._index[joined]))
        return extra
