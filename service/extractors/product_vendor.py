"""A product's maker and description, from the words beside its name: Meta的
Llama, Meta正式發佈了…Llama 3.1, 星辰智能推出了Foo 2.5 (the maker before its
product in the same clause), 名叫NIM的輝達推理微服務 (a description, and the
maker that leads it)."""
from __future__ import annotations

import bisect
import re

from ..nlp.clauses import CLAUSES
from ..nlp.document import Document
from .product_glosses import GLOSS_LEFT_MAX, Glosses
from .product_layer import Product
from .product_lexicon import BEFORE_NAME, ProductLexicon
from .product_mention import ProductMention

VENDOR_WINDOW = 24       # characters between a maker and its product (Meta正式發佈了其最新的開源模型-)
CLAUSE_BREAK = CLAUSES.pattern
SENTENCE_END = "。！？；;!?\n"
ORG_SUFFIXES_IN_GAP = ("公司", "集团")       # Anthropic公司的Claude: the organisation's own suffix
POSSESSIVE_GAPS = ("", "的", "旗下", "旗下的")   # Meta的Llama, 字节跳动旗下的豆包
TITLE_MARK = "《"        # EA旗下的《战地6》: a title's opening mark is no word between maker and name
LEADING_LATIN = re.compile(r"([a-z][a-z0-9]*) ")     # key view: Lenovo IdeaPad, Microsoft Office
LEADING_CJK = (4, 3, 2)   # lengths of a Chinese maker's name leading a product's (滴滴出行, 飞腾腾锐 D2000)


class Vendors:
    def __init__(self, lex: ProductLexicon, glosses: Glosses) -> None:
        self.lex = lex
        self.glosses = glosses

    def _org_before(self, org_mentions, start: int):
        i = bisect.bisect_left(org_mentions, (start, -1, "")) - 1
        while i >= 0 and org_mentions[i][1] > start:
            i -= 1
        return org_mentions[i] if i >= 0 else None

    def vendor(self, doc: Document, product: Product, m: ProductMention, org_mentions) -> None:
        """Meta的Llama, Meta正式發佈了…Llama 3.1, 星辰智能推出了Foo 2.5: the maker
        named before its product in the same clause."""
        found = self._org_before(org_mentions, m.start)
        if found is None:
            return
        _, e, org_id = found
        if m.start - e > VENDOR_WINDOW:
            return
        gap = doc.key[e:m.start]
        clauses = CLAUSE_BREAK.split(gap)
        if len(clauses) > 1:
            # 星辰智能開源了A,並推出B: a clause that goes on without a subject keeps it.
            if any(ch in gap for ch in SENTENCE_END) or not all(
                    self.lex.continuations.starts(c) for c in clauses[1:]):
                return
            gap = clauses[-1][len(self.lex.continuations.starts(clauses[-1])):]
            if not self.lex.launch_verbs.find(gap):
                return
        g = gap
        for suffix in ORG_SUFFIXES_IN_GAP:
            g = g.removeprefix(suffix)
        g = g.strip(BEFORE_NAME).removesuffix(TITLE_MARK).rstrip(BEFORE_NAME)
        verb = self.lex.launch_verbs.find(g)
        possessive = g in POSSESSIVE_GAPS or (
            len(g) <= GLOSS_LEFT_MAX + 1 and self.lex.category_nouns.ends(g.rstrip("的")) is not None
            and verb is None and not self._crosses_conjunction(g))
        # 三星推出A和B: both are Samsung's; 輝達與Meta合作…: the conjunction comes first.
        launched = verb is not None and not self._crosses_conjunction(g[:verb.start()])
        if not (possessive or launched):
            return
        self._credit_vendor(product, org_id)

    def vendor_in_name(self, doc: Document, product: Product, m: ProductMention, org_mentions) -> None:
        """Lenovo IdeaPad Slim 5x, Microsoft Office, OPPO软件商店: a product with no maker yet whose
        name starts with an organisation's name is that organisation's (a known product's name
        leading it says less: 微信红包 is Tencent's, 微信自动抢红包 a stranger's plug-in)."""
        if product.vendor is not None or m.end - m.start < 3:
            return
        i = bisect.bisect_left(org_mentions, (m.start, -1, ""))
        if i < len(org_mentions) and org_mentions[i][0] == m.start and org_mentions[i][1] < m.end:
            self._credit_vendor(product, org_mentions[i][2])
            return
        key = doc.key
        lead = LEADING_LATIN.match(key, m.start, m.end)
        heads = [lead.group(1)] if lead else [key[m.start:m.start + n] for n in LEADING_CJK
                                             if m.start + n < m.end and not key[m.start:m.start + n].isascii()]
        for head in heads:
            entries = self.lex.kb.aliases.get(head, ())
            org = next((e.id for e in entries if e.kind == "organization" and not e.plain), None)
            if org is not None:
                self._credit_vendor(product, org)
                return

    @staticmethod
    def _crosses_conjunction(gap: str) -> bool:
        return any(c in gap for c in "与與和及")

    @staticmethod
    def _credit_vendor(product: Product, org_id: str) -> None:
        if product.vendor is None:
            product.vendor = org_id
            product.evidence.add("vendor")
        elif product.vendor == org_id:
            product.evidence.add("vendor")

    def describe(self, doc: Document, product: Product, m: ProductMention, org_mentions) -> None:
        if product.description is not None:
            return
        span = self.glosses.after_name(doc, m.start, m.end) or self.glosses.before_name(doc, m)
        if span is None:
            return
        a, b = span
        product.description = doc.text[a:b]
        product.evidence.add("gloss")
        if product.category == "other" and not product.known:
            # 名為Helix 1.0,是一款…控制模型: the gloss's head noun says what it is
            noun = self.lex.category_nouns.ends(doc.key, b)
            if noun is not None:
                product.category = self.lex.category_of[noun]
        i = bisect.bisect_left(org_mentions, (a, -1, ""))
        if i < len(org_mentions) and org_mentions[i][0] == a:
            self._credit_vendor(product, org_mentions[i][2])   # 輝達推理微服務: the maker leads the gloss
