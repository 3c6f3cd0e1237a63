"""The source credit that closes an article: "…的狀況。 (吳曉波頻道)", "來源:36氪".

Names inside it credit a publisher or an author; they are not part of the news,
so the person and organisation rules skip the region.
"""
from __future__ import annotations

import re

from ..kb import KnowledgeBase
from ..nlp.document import Document
from ..nlp.segment import Segmenter

TRAILING_PARENTHESIS = re.compile(r"[（(]([^（()）\n]{1,30})[)）]\s*$")
CREDIT_LINE = re.compile(r"^[ \t]*(\S{1,4})[ \t]*[:：/|｜][^\n]{0,40}$", re.M)


class Credits:
    name = "credits"
    reads = ()
    writes = ("credits",)

    def __init__(self, kb: KnowledgeBase, segmenter: Segmenter) -> None:
        self.prefixes = kb.lex["credit_prefixes"]

    def __call__(self, doc: Document) -> None:
        spans = []
        tail = doc.norm[-40:]
        m = TRAILING_PARENTHESIS.search(tail)
        if m:
            offset = len(doc.norm) - len(tail)
            spans.append((offset + m.start(), offset + m.end()))
        # only the last lines of an article carry credits
        tail_start = max(0, len(doc.norm) - 200)
        for line in CREDIT_LINE.finditer(doc.key, tail_start):
            if line.group(1) in self.prefixes:
                spans.append(line.span())
        doc.layers["credits"] = spans
