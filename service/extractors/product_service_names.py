"""A company's name and a service word: 百度地图, 腾讯会议, 夸克浏览器, Apple Pay, Google Maps.

A maker names its apps and services by its own name and what they do; no list
needs to hold 百度地图 once the knowledge base knows 百度 and the grammar's data
knows 地图 (service/kb/data/product_lexicon.yaml `service_heads`). The
company must be one the knowledge base holds (a gazetteer span of kind
organisation, not a plain word), the service word must end a word (腾讯会议室 is
a room), and the whole must be no organisation's own name (阿里健康 and 腾讯音乐
are companies: the gazetteer reads them whole, so no shorter company ends before
the word). A public body names no app this way: 中共中央政治局会议 and 国家通讯传播委员会会议
are its meetings, 外交部翻译 its interpreter (a name ending in a kind of body, lexicon.yaml
public_body_kinds, government_endings and tagged_body_endings; not 公司; or a body the knowledge
base holds as a government's or a party's only: 美联储会议). An amount of money right
after the word makes it a verb: 向苹果支付数十亿美元 is a payment to the company, no Apple Pay; so do
a share (向苹果支付0.15%的手续费) and
an aspect mark or an object a service word that is also a verb takes (lexicon.yaml service_head_objects:
华为支付专利费, 高盛支付罚款, OpenAI支付了大量费用). A
company and a service word the knowledge base holds for exactly one product of that maker (an alias
ending in the word: Chrome浏览器 for google's chrome) is that product (谷歌浏览器 is Chrome), not a
new one; two or more such products (or none) leave the new id. Cases in
tests/extractors/cases/product_names.yaml.

One pass over the gazetteer's spans with a bounded lookup each: linear.
"""
from __future__ import annotations

import re

from ..ids import name_id
from ..nlp.document import Document
from .product_grammar import Found, slug
from .product_lexicon import WordSet


LATIN_WORD = re.compile(r"[A-Za-z]{2,12}(?![A-Za-z0-9])")
# A number (了 before it allowed) then a multiplier, 多 or 余 and a currency word (key view): an amount
# of money. The run of number characters is one class: linear.
AMOUNT = r" ?了? ?[0-9０-９.,，数几近约超逾一二两三四五六七八九十百千万亿]{1,12}[多余]?[百千万亿]{0,2} ?(?:%s)"
# A share right after the word (向苹果支付0.15%的手续费): the word is a verb, the share its object.
SHARE = re.compile(r" ?了? ?[0-9０-９.]{1,8} ?(?:%|％|个百分点)")


class ServiceNames:
    def __init__(self, key, heads_cjk, heads_latin, body_endings=(), not_body_endings=(), currencies=(),
                 products=None, public_body=lambda org_id: False, head_objects=None) -> None:
        self.cjk = WordSet(key(str(w)) for w in heads_cjk)
        # (maker, service word) -> (product id, category) where exactly one product of the maker
        # has an alias ending in the word (built once from the knowledge base's products).
        held: dict[tuple[str, str], set] = {}
        for pid, p in (products or {}).items():
            vendor = p.get("vendor")
            if not vendor:
                continue
            for a in [p.get("name") or ""] + list(p.get("aliases") or []):
                k = key(str(a))
                for i in range(1, len(k)):
                    if k[i:] in self.cjk.words:
                        held.setdefault((str(vendor), k[i:]), set()).add((pid, p.get("category") or "app"))
        self.held = {vh: next(iter(ps)) for vh, ps in held.items() if len({p for p, _ in ps}) == 1}
        words = sorted({key(str(w)) for w in currencies}, key=len, reverse=True)
        self.amount = re.compile(AMOUNT % "|".join(map(re.escape, words))) if words else None
        # 支付: a service word that is also a verb -> the objects and marks that make it the verb (key view).
        self.verb_objects: dict[str, re.Pattern] = {}
        for head, objs in (head_objects or {}).items():
            ws = sorted({key(str(w)) for w in objs}, key=len, reverse=True)
            if ws:
                self.verb_objects[key(str(head))] = re.compile(" ?(?:" + "|".join(map(re.escape, ws)) + ")")
        # 政治局, 委员会, 交通部: a public body's name ends so (公司 does not count).
        self.bodies = tuple(sorted({key(str(w)) for w in body_endings}, key=len, reverse=True))
        self.not_bodies = tuple(key(str(w)) for w in not_body_endings)
        self.first_chars = frozenset(w[0] for w in self.cjk.words)
        self.latin = frozenset(str(w) for w in heads_latin)    # as written: Pay, Maps
        # 美联储, 全国人大: a body the knowledge base holds as a government's or a party's, whatever its name ends in.
        self.public_body = public_body

    def find(self, doc: Document, blocked=frozenset()) -> list[Found]:
        key, norm = doc.key, doc.norm
        out: list[Found] = []
        first, n = self.first_chars, len(key)
        # 酷派应用商店: a company only a generated list names is maker enough where the
        # organisations extractor read it as a company in this text.
        accepted = {s for ent in getattr(doc.layers.get("organizations"), "by_id", {}).values()
                    for s, _ in ent.mentions}
        for m in doc.layers.get("gazetteer", ()):     # bounded by the text: no deadline check each
            if m.end >= n or (key[m.end] != " " and key[m.end] not in first):
                continue
            end = self._head_end(doc, m.end)
            if end is None or (m.start, end) in blocked:
                continue
            orgs = m.of_kind("organization")
            if not orgs or m.of_kind("product") or any(e.plain for e in orgs) \
                    or (any(e.listed for e in orgs) and m.start not in accepted):
                continue    # a company a list alone names, or an ordinary word, is too weak a maker
            name = key[m.start:m.end]
            if (name.endswith(self.bodies) and not name.endswith(self.not_bodies)) \
                    or all(self.public_body(e.id) for e in orgs):
                continue    # a body's meeting, interpreter or documents: no app of its own
            if self.amount is not None and self.amount.match(key, end) or SHARE.match(key, end):
                continue    # 向X支付数十亿美元, 向X支付0.15%: the word is a verb, an amount of money or a share its object
            verb = self.verb_objects.get(key[m.end:end].lstrip())
            if verb is not None and verb.match(key, end):
                continue    # X支付罚款, X支付了大量费用: the word is a verb, its object or aspect mark after it
            text = norm[m.start:end]
            pid = slug(text) if text.isascii() else name_id(text)
            held = self.held.get((orgs[0].id, key[m.end:end].lstrip()))
            if held is not None:    # 谷歌浏览器: the maker's one browser the knowledge base holds
                out.append(Found(m.start, end, held[0], text, orgs[0].id, held[1], evidence="gloss-name"))
                continue
            out.append(Found(m.start, end, pid, text, orgs[0].id, "app", evidence="gloss-name"))
        return out

    def _head_end(self, doc: Document, end: int) -> int | None:
        key, norm = doc.key, doc.norm
        if end >= len(key):
            return None
        if not key[end].isascii():
            if key[end] not in self.first_chars:
                return None
            head = self.cjk.starts(key, end)
            if head is None or not doc.ends_token(end + len(head)):
                return None
            return end + len(head)
        if key[end] != " ":
            return None
        w = LATIN_WORD.match(norm, end + 1)
        return w.end() if w is not None and w.group() in self.latin else None
