"""A maker's name and one or two capitalised Latin words: Apple Pencil, Google Glass, Foo Copilot.

A maker names its products by its own name and a word of its choosing; no list needs to hold
every such name once the knowledge base knows the maker. The reading is:

    maker  ␣  Word [␣ Word]

- the maker is a company the knowledge base holds (a gazetteer span of kind organisation, not a
  plain word, not one a generated list alone names unless the text reads it as a company), written
  in Latin letters;
- each Word is capitalised (Pencil, FaceTime, Authenticator); the second may be a tier (Pro);
- no Word is a word that makes a company's, a unit's or an event's name: the knowledge base's
  Latin organisation suffixes (Labs, Research, Group, Foundation, Inc …), the generic Latin words
  (AI, CPU, App), the event words (Summit, Next), nor a name the knowledge base holds of its own
  (Google Brain, DeepMind): those are read by the organisations extractor;
- no code follows (Pixel 8a, Find N5: the grammar's), and no other reading covers the span.

Such a name is only a candidate: the products extractor keeps it where the text reads it as a
product, with the evidence a brand list's name needs (product_brand_evidence.py: a use or launch
verb before it, a category noun after it, a part of it after 的, a list with a product). Its
maker is the company. Cases in tests/extractors/test_product_maker_words.py.

One pass over the gazetteer's spans with an anchored match each: linear.
"""
from __future__ import annotations

import re

from .product_grammar import slug

# One or two capitalised words right after a maker's name and its space (as written).
WORDS = re.compile(r" ([A-Z][a-z]{2,}(?:[A-Z][a-z]+)*)(?: ([A-Z][a-z]{2,}(?:[A-Z][a-z]+)*))?(?![A-Za-z0-9\-_.+&'])")
# A code or a version after the words: the name goes on as a model's (Pixel 8a, Vision Pro 2).
CODE_AFTER = re.compile(r" ?[0-9]")
LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9\-]*")


class MakerWords:
    def __init__(self, kb, stop_words, tiers) -> None:
        """`stop_words`: lower-case words no maker's product name is built with here (the Latin
        organisation suffixes, generic words, event words); `tiers`: words that may end a name
        (Pro, Max) but never start one."""
        self.kb = kb
        self.stop = frozenset(w.rstrip(".").lower() for w in stop_words)
        self.tiers = tiers

    def _word_ok(self, word: str) -> bool:
        k = word.lower()
        return k not in self.stop and not self.kb.aliases.get(self.kb.key(word))

    def find(self, doc, covered, orgs_read: set[int]) -> list[tuple[int, int, str, str, str]]:
        """(start, end, id, name, maker's id) of each candidate; `covered(s, e)`: another reading
        covers a character of s..e; `orgs_read`: starts of the companies the organisations
        extractor read in the text."""
        norm, n = doc.norm, len(doc.norm)
        out = []
        for m in doc.layers.get("gazetteer", ()):
            if m.end >= n or norm[m.end] != " " or not LATIN_NAME.match(norm, m.start) \
                    or LATIN_NAME.match(norm, m.start).end() != m.end:
                continue
            if m.start and (norm[m.start - 1].isascii() and norm[m.start - 1].isalnum()):
                continue
            w = WORDS.match(norm, m.end)
            if w is None:
                continue
            orgs = m.of_kind("organization")
            if not orgs or m.of_kind("product") or any(e.plain for e in orgs) \
                    or (any(e.listed for e in orgs) and m.start not in orgs_read):
                continue
            if not self._word_ok(w.group(1)) or w.group(1).lower() in self.tiers:
                continue
            end = w.end(1)
            second = w.group(2)
            if second is not None and (second.lower() in self.tiers or self._word_ok(second)):
                end = w.end(2)
            if CODE_AFTER.match(norm, end) or covered(m.start, end):
                continue
            name = norm[m.start:end]
            out.append((m.start, end, slug(name), name, orgs[0].id))
        return out
