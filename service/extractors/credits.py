"""The source credit that closes an article: "…的狀況。 (吳曉波頻道)", "來源:36氪",
and a wire story's dateline that opens a paragraph: "（中央社記者林小雯台北5日電）",
"（新华社记者 王小明）".

Names inside it credit a publisher, a reporter or an editor; they are not part of the
news, so the person and organisation rules skip the region.
"""
from __future__ import annotations

import re

from ..kb import KnowledgeBase
from ..nlp.document import Document
from ..nlp.segment import Segmenter

# The last bracket of an article, perhaps followed by the wire's filing code (（編輯：林小雯）1130514).
TRAILING_PARENTHESIS = re.compile(r"[（(]([^（()）\n]{1,30})[)）]\s*\d{0,10}\s*$")
CREDIT_LINE = re.compile(r"^[ \t]*(\S{1,4})[ \t]*[:：/|｜][^\n]{0,40}$", re.M)
# A wire dateline in brackets (key view, half-width brackets): an outlet's reporter and
# where and when the story was filed (中央社记者X台北5日电), or only the reporter
# (…日电(记者 X)). Read at a paragraph's start or right after 电; bounded, no clause in it.
WIRE_DATELINE = re.compile(r"(?:^|(?<=\n)|(?<=电))[ \t]*\(([^()\n,，。;；]{0,12}记者[^()\n,，。;；]{1,24})\)",
                           re.M)
WIRE_FILED = ("电", "报道", "报导", "讯")
MAX_WIRE_DATELINES = 16


class Credits:
    name = "credits"
    reads = ()
    writes = ("credits",)

    def __init__(self, kb: KnowledgeBase, segmenter: Segmenter) -> None:
        self.prefixes = kb.lex["credit_prefixes"]

    def __call__(self, doc: Document) -> None:
        spans = []
        if "记者" in doc.key:
            for m in WIRE_DATELINE.finditer(doc.key):
                inner = m.group(1)
                # 中央社记者X台北5日电 is filed from somewhere; (记者 X) names the reporter alone
                if inner.rstrip().endswith(WIRE_FILED) or inner.lstrip().startswith("记者"):
                    spans.append(m.span(1))
                    if len(spans) == MAX_WIRE_DATELINES:
                        break   # a digest of many wire items: the first ones; bounded look-ups
        tail = doc.norm[-60:]
        m = TRAILING_PARENTHESIS.search(tail)
        if m:
            offset = len(doc.norm) - len(tail)
            spans.append((offset + m.start(), offset + m.end()))
        # only the last lines of an article carry credits
        tail_start = max(0, len(doc.norm) - 200)
        for line in CREDIT_LINE.finditer(doc.key, tail_start):
            if line.group(1) in self.prefixes:
                spans.append(line.span())
        doc.layers["credits"] = sorted(spans)
