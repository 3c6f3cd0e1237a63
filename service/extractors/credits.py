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
# A closing bracket that lists the wire services the story was put together from
# (（路透社、美聯社等）, （彭博社、CNBC）): items joined by 、, one of them an agency's 社, no
# label (來源：), no reporter after a space. The story cites them as its sources: they stay
# organisations of the news, not a publisher's credit.
SOURCE_LIST = re.compile(r"^[^\s:：/|｜、]{1,12}(?:、[^\s:：/|｜、]{1,12}){0,5}$")
AGENCY_ITEM = re.compile(r"(?:^|、)[^、]{1,6}社(?:等)?(?=、|$)")
CREDIT_LINE = re.compile(r"^[ \t]*(\S{1,4})[ \t]*[:：/|｜丨][^\n]{0,40}$", re.M)
# A wire dateline in brackets (key view, half-width brackets): an outlet's reporter and
# where and when the story was filed (中央社记者X台北5日电), or only the staff who wrote or
# edited it, after the outlet's 电 or 讯 (…日电(记者 X), …报讯(记者 X), …日讯(编辑 X)), or in
# 【】 at a paragraph's start (【青禾时报报道 记者 X】). Bounded, no clause in it.
CREDIT_ROLES = ("记者", "编辑", "通讯员")
_ROLE = "|".join(CREDIT_ROLES)
_INNER = r"[^()【】\n,，。;；]"
WIRE_DATELINE = re.compile(rf"(?:^|(?<=\n)|(?<=[电讯]))[ \t]*[(【]({_INNER}{{0,12}}(?:{_ROLE}){_INNER}{{1,24}})[)】]",
                           re.M)
WIRE_FILED = ("电", "报道", "报导", "讯")
# Inside such brackets the staff word opens them, follows the outlet's filing word (报道 记者 X),
# or follows a few characters of the outlet's desk when the bracket comes right after the day's
# 电 or 讯 (…7月13日电(青禾财经记者 X)).
STAFF_AFTER_FILED = re.compile(rf"(?:^|(?:电|讯|报道|报导)[ \t]*)({_ROLE})")
STAFF_AFTER_DESK = re.compile(rf"^[^ \t\d]{{1,6}}?({_ROLE})")
# A wire story's dateline naming its writers alone, bracketed after the day it was filed
# (青禾经纬2月5日电 (孙嘉禾 林宛蓉)): two to four Han characters each, at most four of them.
DAY_FILED_NAMES = re.compile(r"(?<=日电)[ \t]*\(([\u4e00-\u9fff]{2,4}(?:[ 、][\u4e00-\u9fff]{2,4}){0,3})\)")
MAX_WIRE_DATELINES = 16
# A byline that opens a line, unbracketed: the outlet or 本报, a qualifier, the staff word, then
# the names up to where the line says where the story was filed from (本报记者 X 北京报道,
# 青禾经济记者 X 发自上海, 青禾晚报记者 X/文) or up to the line's end (青禾晚报记者 X). The outlet is
# a word that ends as a paper, site or agency does, or 本报; a clause (X对记者表示，…) is none.
BYLINE_START = re.compile(r"(?:^|(?<=\n))[ \t□◆⊙○■●◇]*(?:本报|本刊|[\u4e00-\u9fff]{1,6}?(?:报|刊|网|社|台|新闻|财经|经))?"
                          r"(?:见习|特约|首席|资深|驻[\u4e00-\u9fff]{1,4})?(记者|编辑|通讯员)[ \t:：]*", re.M)
BYLINE_REST = re.compile(r"(?![的了们说称等会在是也])[^\n，。,;；:：“”\"!！?？（）()]{2,24}")
MAX_BYLINES = 4


class Credits:
    name = "credits"
    reads = ()
    writes = ("credits",)

    def __init__(self, kb: KnowledgeBase, segmenter: Segmenter) -> None:
        self.prefixes = kb.lex["credit_prefixes"]

    def __call__(self, doc: Document) -> None:
        spans = []
        if any(role in doc.key for role in CREDIT_ROLES):
            for m in WIRE_DATELINE.finditer(doc.key):
                inner = m.group(1)
                # 中央社记者X台北5日电 is filed from somewhere; (记者 X) names the reporter alone
                filed = inner.rstrip().endswith(WIRE_FILED)
                staff = None if filed else STAFF_AFTER_FILED.search(inner)
                if staff is None and not filed and doc.key[m.start() - 1:m.start()] in ("电", "讯"):
                    staff = STAFF_AFTER_DESK.match(inner)
                if not filed and staff is None:
                    continue
                # the outlet before the staff word (【青禾时报报道 记者 X】) stays an organisation's mention
                spans.append((m.start(1) + staff.start(1), m.end(1)) if staff else m.span(1))
                if len(spans) == MAX_WIRE_DATELINES:
                    break   # a digest of many wire items: the first ones; bounded look-ups
        if "日电" in doc.key:
            spans += [m.span(1) for m in DAY_FILED_NAMES.finditer(doc.key)][:MAX_WIRE_DATELINES]
        spans += self._bylines(doc.key)
        tail = doc.norm[-60:]
        m = TRAILING_PARENTHESIS.search(tail)
        if m and not (SOURCE_LIST.match(m.group(1)) and AGENCY_ITEM.search(m.group(1))):
            offset = len(doc.norm) - len(tail)
            spans.append((offset + m.start(), offset + m.end()))
        # only the last lines of an article carry credits
        tail_start = max(0, len(doc.norm) - 200)
        for line in CREDIT_LINE.finditer(doc.key, tail_start):
            if line.group(1) in self.prefixes:
                spans.append(line.span())
        doc.layers["credits"] = sorted(spans)

    @staticmethod
    def _bylines(key: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        if not any(role in key for role in CREDIT_ROLES):
            return out
        for m in BYLINE_START.finditer(key):
            rest = BYLINE_REST.match(key, m.end())
            if rest is None:
                continue
            line = key[m.end():rest.end()]
            cut = min((i for i in (line.find(w) for w in ("发自", "/", "／", "图片", "来源")) if i >= 0), default=-1)
            if cut < 0 and (rest.end() == len(key) or key[rest.end()] == "\n"):
                # up to the line's end; a filing place and 报道 stay in: the staff reader cuts the place
                cut = len(line.rstrip(" \t"))
            if cut < 2:
                continue
            out.append((m.start(1), m.end() + cut))
            if len(out) == MAX_BYLINES:
                break
        return out
