"""A maker's short name glued to a model code: 星翼A7 Pro, 酷瑞L8.

No list holds a start-up's brand, but the article names the company
(星翼科技, 酷瑞汽车): the first characters of its name, written right before a
model code (capitals and digits, then the grammar's suffixes), name one of its
products, and the short name is part of the product's name (as 小米14 is
Xiaomi's). The code needs a letter and a digit and must be no quarter, half,
network or unit (the grammar's not_codes), so 酷瑞Q3 and 星翼5G stay no products; a name
right before 指数 is a market index's (富时中国A50指数), no product.
Cases in tests/extractors/cases/product_names.yaml.

One regex pass over the text and a set lookup per code: linear in the text.
"""
from __future__ import annotations

import re

from ..nlp import automata as ahocorasick_rs   # ahocorasick_rs whose searches of one text share a pass

from .. import deadline
from ..ids import name_id
from ..kb import DATA_DIR
from ..nlp.document import Document
from .product_grammar import CODE_JOINS, Found, ProductGrammar, Recounts

CJK = re.compile(r"[\u4e00-\u9fff]+\Z")
CJK_TAIL = re.compile(r"[\u4e00-\u9fff]{2,}\Z")
# A model code right after a Chinese character: capitals, digits, a letter or two after.
# 亿航EH216-S: a hyphen and a letter or two may end the code.
# (Searched from its capitals: most characters are Chinese and fail the first test at once.)
GLUED_CODE = re.compile(r"[A-Z]{1,3}[0-9]{1,4}[A-Za-z]{0,2}(?:-[A-Z0-9]{1,2})?(?![A-Za-z0-9])")
SHORT_NAME = (2, 4)      # characters of a maker's short name
# 台积电N7/N5等工艺, 台积电N3E制程: a foundry's process node, no product (key view).
PROCESS_AFTER = re.compile(r"(?:/[a-z0-9]{1,5})*(?:等[^，。,;；]{0,6})? ?(?:制程|工艺|节点|製程)")
# 富时中国A50指数, 华信B20指數: a short name and a code right before 指数 name a market index, no product.
INDEX_AFTER = re.compile(r" ?(?:指数|指數)")


def org_suffix_words() -> list[str]:
    """Words that end an organisation's name (service/kb/data/org_suffixes.txt)."""
    lines = (DATA_DIR / "org_suffixes.txt").read_text(encoding="utf-8").splitlines()
    return [w.strip() for w in lines if w.strip() and not w.startswith("#")]


class MakerCodes:
    def __init__(self, grammar: ProductGrammar, key=lambda w: w, org_suffixes=()) -> None:
        self.grammar = grammar
        maker_words = grammar.maker_words
        # A name ending in a maker word or an organisation word (電子, 銀行, 大學) is a company's.
        self.not_brand_ends = tuple(maker_words) + tuple(key(w) for w in org_suffixes)
        # 酷瑞汽车, 星翼科技: a name and a word that makes it a maker (product_grammar.yaml maker_words).
        self.maker_words = ahocorasick_rs.AhoCorasick(
            list(maker_words) or ["\x00"], matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        # 各芯片公司, 晶片品牌: a category noun before a maker word says a kind of company, no
        # brand (芯片Q700 is no product; Q700 is read alone).
        self.category_nouns = tuple({key(str(w)) for nouns in (grammar.data.get("category_nouns") or {}).values()
                                     for w in nouns})

    def short_names(self, doc: Document) -> dict[str, str | None]:
        """Key form of each short name the article's organisations give -> organisation id:
        a whole name of two to four characters, or the first two to four of a longer one."""
        orgs = doc.layers.get("organizations")
        out: dict[str, str] = {}
        lo, hi = SHORT_NAME
        key = doc.key
        for _, w_start, _ in self.maker_words.find_matches_as_indexes(key):
            # The organisations extractor may not know the start-up: its name before a maker
            # word still names it (the tails that start a word: 酷瑞 of 推出酷瑞汽车).
            run = CJK_TAIL.search(key, max(0, w_start - hi), w_start)
            if run is None:
                continue
            for k in range(lo, min(hi, len(run.group())) + 1):
                if doc.starts_token(w_start - k) and not key.endswith(self.category_nouns, w_start - k, w_start):
                    out.setdefault(key[w_start - k:w_start], None)    # its vendor: the organisation beside it
        if orgs is None:
            return out
        for ent in orgs.by_id.values():
            for s, e in ent.mentions:
                name = doc.key[s:e]
                if not CJK.match(name):
                    continue
                if lo <= len(name) <= hi and not name.endswith(self.not_brand_ends):
                    out[name] = ent.id     # 蔚来ET9, not 三星电子S24 or 新韩银行SPL10: a full name is no brand
                for k in range(lo, min(hi, len(name) - 1) + 1):
                    out[name[:k]] = ent.id
        return out

    def find(self, doc: Document, blocked=frozenset()) -> list[Found]:
        norm = doc.norm
        codes = [m.span() for m in GLUED_CODE.finditer(norm)
                 if m.start() > 0 and "\u4e00" <= norm[m.start() - 1] <= "\u9fff"]
        if not codes:
            return []
        names = self.short_names(doc)
        if not names:
            return []
        key, grammar = doc.key, self.grammar
        out: list[Found] = []
        lo, hi = SHORT_NAME
        recounts = Recounts(key)
        for c_start, c_end in codes:
            deadline.check("products")
            start = next((c_start - k for k in range(hi, lo - 1, -1)
                          if key[c_start - k:c_start] in names), None)
            if start is None:
                continue
            code = key[c_start:c_end]
            if any(grammar.not_code.match(p) or grammar.not_brand_code.match(p) for p in CODE_JOINS.split(code)):
                continue
            sm = grammar.suffixes_at.match(key, c_end)
            end = sm.end()
            if PROCESS_AFTER.match(key, end) or INDEX_AFTER.match(key, end):
                continue    # a process node or a market index
            if (start, end) in blocked or (end < len(key) and key[end].isascii() and key[end].isalnum()):
                continue
            suffix = sm.group().strip(" -")
            if len(code) <= 2 and not suffix and recounts(key[start:end]) < 2:
                continue    # 任天堂E3: a short code said once may be an expo's; 酷瑞L8 … 酷瑞L8 is a model
            vendor = names[key[start:c_start]]
            pid = name_id(doc.norm[start:end])
            out.append(Found(start, end, pid, doc.norm[start:c_start], vendor, "hardware",
                             code=code, suffix=suffix))
        return out
