"""Coined Chinese names before a product head noun (cases in
tests/extractors/cases/product_names.yaml):

- 华为 800V 巨鲸电池, 专属途灵平台, 蓝心大模型: a word no dictionary holds (the segmenter
  made it up from its characters) right before a head noun that says what kind of product
  it is (电池, 平台, 大模型, 芯片, 玻璃 … in product_grammar.yaml `named_heads`) names a
  product with that noun;
- 宁德时代麒麟电池, 〝昆仑玻璃〞: a dictionary word (麒麟, 昆仑) does so only with evidence
  that it is a name here: a maker's name right before it (a spec code or a middle dot
  between) or quotation marks around it (repetition is no evidence: 智能手机芯片 recurs).
- The industry's own words before a head (纯电平台, 算力平台, 车规芯片, 官方平台, 串流平台:
  `not_head_names`), a kind of organisation (谷歌实验室平台: the organisation's platform),
  a category noun (伺服器晶片, 智能手机芯片), a verb, a number, a one-character word, a
  word that starts with a function word (會令平台) or ends as an adjective does (突破性平台,
  客製化晶片) name nothing; nor does a coined word counted or sorted (各网约车平台, 一个高值平台),
  one with a company noun after the head (网约车平台公司), or one the text also compounds with an
  ordinary noun (网约车司机) unless a name's cue comes before it (搭载专属驰岚平台); a brand named
  alone later (驰岚目前, 青鲟的) is no such compound.

- 新款大众速腾上市, 丰田凯美瑞售价: a car maker's brand glued to a Chinese word, a launch,
  a price or a model noun right after, names the maker's model, the brand left out
  (CONVENTIONS 10; `BrandNamedModels`).
- 中國人工智能模型DeepSeek, 模型深度求索: a model noun right before a company's name (the
  knowledge base's) makes the name its model's there (`maker_named_models`).

Heads and brand words are found in one Aho-Corasick pass each, the word before or after
is the segmenter's token that ends or starts there: linear in the text.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import pairwise

from ..nlp import quote_marks as qm
from ..nlp import automata as ahocorasick_rs   # ahocorasick_rs whose searches of one text share a pass
from operator import attrgetter

from .. import deadline
from ..ids import name_id
from ..nlp.document import Document
from .product_grammar import Found, slug

NAME_TAGS = frozenset({"n", "nr", "nz", "ns", "nrt", "nrfg"})
PROPER_TAGS = frozenset({"nr", "nz", "nrt", "nrfg"})     # a name's tags, not a place's or a noun's
CJK = re.compile(r"[\u4e00-\u9fff]{2,4}")
# Between a maker's name and the coined word: spaces, a middle dot, spec codes (800V, 100kWh).
MAKER_GAP = re.compile(r"(?:[ ·・]|[0-9]{1,4}(?:\.[0-9])?[a-z]{1,3} ?)*\Z")
MAKER_GAP_REACH = 16
# 會令平台, 将使平台, 高阶芯片: a modal, a verb of causing or a particle first is a phrase, no name.
FUNCTION_FIRST = frozenset("的之了是在把被很不可能会将让令使由对和与及或也都还就又再所其该此这那各每某本新旧"
                           # 台积电高阶晶片, 英伟达高端芯片, 降规晶片, 低功耗芯片: a word of degree first
                           # says what grade of product, even after a maker's name: no name.
                           "高低降")
# 突破性平台, 客製化晶片, 旗艦級晶片, 奈米晶片: an adjective's or a unit's ending, no name.
# 存储器芯片, 音频平台, 社媒平台: a category noun's ending (器 a device, 频 a band or medium, 媒 a
# medium) says what kind of product, no name, even quoted or after a maker's name.
ADJECTIVE_LAST = frozenset("性化型式级类米器频媒")
# 模型 Anthropic 公司于…: a word of the company after the name says the company, no model (key view).
COMPANY_AFTER = re.compile(r" ?(?:公司|集团|团队|旗下|实验室|研究院|创始人|创办人|首席|总裁|ceo)")
MODEL_END = "模型"      # the last characters of every Chinese noun that says a model (key view)
START = attrgetter("start")
# 各网约车平台, 这些网贷平台, 一些传统社媒平台, 一个高值平台: a determiner, a quantifier or a word of
# kind right before a coined word makes it a kind of product, no name (key view; a name is not
# counted or sorted: 专属驰岚平台 still names one). 个, 类, 种 count only after a numeral or a
# determiner (一个, 这类, 各种, 单块, 两颗; not 品类, 物种), 各 only as a word of its own (`_kind_before`).
KIND_BEFORE = re.compile(r"(?:各|各大|各家|主要|整个|所有|其他|其它|多家|多个|一些|这些|那些|不少|许多|很多|传统|大型|小型|头部|"
                         r"部分|众多|(?:[0-9一二两三四五六七八九十百千几这那每某各此该另多数单])[个类种块颗枚])\Z")
# 阿里巴巴旗下芯片, 商汤旗下大模型: a word of position under a company (旗下, 名下) before a head says whose
# the products are, no name (key view); nor does a word that counts or sorts (部分晶片, 单块芯片: KIND_BEFORE).
POSITION_WORDS = frozenset({"旗下", "名下", "麾下"})
KIND_BEFORE_REACH = 3
# 搭载专属驰岚平台, 基于全新星澜平台, 推出青鲟大模型: a name's own cue right before a coined word (key
# view; 了 or 的 between allowed): a name even when the text also uses the word as a kind.
NAME_CUE_BEFORE = re.compile(r"(?:搭载|采用|基于|推出|发布|打造|专属|自研|全新|名为|首款|首个)[了的]? ?\Z")
NAME_CUE_REACH = 5
# A coined word used as a kind makes a compound with a noun after it (网约车司机, 网贷利率, 数藏市场;
# a place's with a place's or a road's name: 高雄中正路); a brand is followed by these nouns too
# (驰岚用户, 驰岚方面表示), so they say nothing.
COMPOUND_NOUN_TAGS = frozenset({"n", "vn", "ng", "nz", "ns"})
BRAND_NOUNS_AFTER = frozenset({"用户", "方面", "官方", "旗下", "团队", "创始人", "总裁"})
# 网约车平台公司, 旗下平台企业: a company noun right after the head makes the whole a kind of company.
COMPANY_NOUN_AFTER = re.compile(r" ?(?:公司|企业)")
OPEN_QUOTES = qm.openers(qm.DOUBLE, qm.PRIMES, qm.ASCII, qm.SINGLE)
CLOSE_QUOTES = qm.closers(qm.DOUBLE, qm.PRIMES, qm.ASCII, qm.SINGLE)


class HeadNames:
    def __init__(self, key, data: dict, is_word, nouns=frozenset()) -> None:
        self.key = key
        self.is_word = is_word
        self.nouns = nouns     # category nouns and modifiers (key view): 伺服器, 智能手机, 閉源 name none
        self.heads: dict[str, str] = {}
        for category, nouns in (data.get("named_heads") or {}).items():
            for noun in nouns:
                self.heads.setdefault(key(str(noun)), category)
        # One Aho-Corasick pass finds every head (leftmost-longest), not a str.find per head.
        self.head_words = sorted(self.heads, key=lambda w: (-len(w), w))
        self.head_tuple = tuple(self.head_words)
        self.head_finder = ahocorasick_rs.AhoCorasick(self.head_words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest) \
            if self.head_words else None
        self.not_names = frozenset(key(str(w)) for w in data.get("not_head_names") or [])

    def find(self, doc: Document, makers: dict[int, str], is_other, blocked=frozenset()) -> list[Found]:
        """`makers`: where an organisation's mention ends -> its id (a maker's name right before a
        word is evidence that the word is a name, and the maker is the vendor); `is_other(key)`: a
        company's or another kind's name."""
        key = doc.key
        out: list[Found] = []
        if self.head_finder is None:
            return out
        kinds: list[dict[str, int]] = []    # the words used as kinds, read once and only if asked

        def kinds_of() -> dict[str, int]:
            if not kinds:
                kinds.append(self._kinds(doc))
            return kinds[0]

        for idx, at, _ in self.head_finder.find_matches_as_indexes(key):
            deadline.check("products")
            found = self._named(doc, at, self.head_words[idx], makers, is_other, blocked, kinds_of)
            if found is not None:
                out.append(found)
        return out

    def _kinds(self, doc: Document) -> dict[str, int]:
        """How often each token's word stands in the text as a kind, with no head (平台, 芯片, 电池,
        大模型, 晶片, 玻璃 …) right after it but an ordinary noun that makes a compound with it
        (网约车司机, 网贷利率, 外购比例; not 驰岚用户, nor 驰岚目前, 青鲟的, 驰岚。: a brand named
        alone): one pass over the tokens."""
        key = doc.key
        tokens = doc.tokens
        out: dict[str, int] = {}
        for t, nxt in pairwise(tokens):
            if nxt.start == t.end and nxt.pos in COMPOUND_NOUN_TAGS \
                    and key[nxt.start:nxt.end] not in BRAND_NOUNS_AFTER and not key.startswith(self.head_tuple, t.end):
                w = key[t.start:t.end]
                out[w] = out.get(w, 0) + 1
        return out

    @staticmethod
    def _used_as_kind(key: str, start: int, at: int, kinds: dict[str, int]) -> bool:
        """The word before the head (start..at) is one the text uses as a kind (`_kinds`), or the
        tail of one the segmenter cut (深圳网|约车平台 where the text writes 网约车市场)."""
        return any(key[p:at] in kinds for p in range(start, max(-1, start - 3), -1))

    @staticmethod
    def _kind_before(doc: Document, start: int) -> bool:
        """A word that counts or sorts right before `start` (KIND_BEFORE); a lone 各 only when it is
        a word of its own, not the end of another."""
        m = KIND_BEFORE.search(doc.key, max(0, start - KIND_BEFORE_REACH), start)
        return m is not None and (m.group() != "各" or doc.starts_token(m.start()))

    def _named(self, doc: Document, at: int, head: str, makers: dict[int, str], is_other, blocked,
               kinds_of=None) -> Found | None:
        """`kinds_of()`: the words the text uses as kinds (`_kinds`), read only when a candidate
        gets as far as needing them."""
        key = doc.key
        if at < 2:
            return None
        if doc.starts_token(at):
            i = doc.token_index_at(at) - 1
            token = doc.tokens[i] if i >= 0 else None
            if token is None or token.end != at:
                return None
        else:
            # 星澜大|模型: the segmenter glued the head's first character to a word it made up;
            # a word of its dictionary over the whole (动力电池, 开放平台) is one word, no name.
            token = doc.tokens[doc.token_index_at(at)]
            if not token.start < at < token.end < at + len(head) or self.is_word(key[token.start:token.end]):
                return None
        start = token.start
        word = key[start:at]
        if token.pos not in NAME_TAGS or not CJK.fullmatch(word) \
                or word in self.not_names or word in self.nouns or is_other(word) \
                or word[0] in FUNCTION_FIRST or word[-1] in ADJECTIVE_LAST \
                or word in POSITION_WORDS or KIND_BEFORE.fullmatch(word):
            return None
        end = at + len(head)
        if (start, end) in blocked:
            return None
        gap = MAKER_GAP.search(key, max(0, start - MAKER_GAP_REACH), start)
        maker = makers.get(gap.start()) if gap is not None else None
        quoted = self._quoted(key, start, end)
        if self.is_word(word) and maker is None and not quoted:
            return None
        platform = self.heads[head] == "platform"
        if not quoted and ((platform and COMPANY_NOUN_AFTER.match(key, end) is not None) or (
                maker is None and (self._kind_before(doc, start) or (
                    NAME_CUE_BEFORE.search(key, max(0, start - NAME_CUE_REACH), start) is None
                    and self._used_as_kind(key, start, at, kinds_of() if kinds_of else {}))))):
            return None     # 各网约车平台, 网约车平台公司, 网贷平台 … 网贷利率: a kind of product or company, no name
        text = doc.norm[start:end]
        return Found(start, end, name_id(text), text, maker, self.heads[head], evidence="gloss-name")

    @staticmethod
    def _quoted(key: str, start: int, end: int) -> bool:
        """〝昆仑玻璃〞: quotation marks right around the name."""
        return start > 0 and key[start - 1] in OPEN_QUOTES and key[end:end + 1] in CLOSE_QUOTES


def maker_named_models(doc: Document, model_nouns) -> list[Found]:
    """人工智能模型深度求索: a company's name (a gazetteer organisation, no product) right after a
    noun that says a model (`model_nouns`, a WordSet of the key view) names the company's model
    (the noun is the evidence, so the span the knowledge base gives the company is no bar).
    Every Chinese model noun ends in 模型: str.find for it, then the gazetteer's span starting
    right after it (bisect), not a pass over every span."""
    key = doc.key
    out: list[Found] = []
    at = key.find(MODEL_END)
    if at < 0:
        return out
    spans = doc.layers.get("gazetteer", ())
    while at >= 0:
        deadline.check("products")
        p = at + len(MODEL_END)
        p += key[p:p + 1] == " "
        i = bisect_left(spans, p, key=START)
        while i < len(spans) and spans[i].start == p:
            m = spans[i]
            i += 1
            if not m.of_kind("organization") or m.of_kind("product") \
                    or not model_named(key, m.start, m.end, model_nouns):
                continue
            if all(e.plain for e in m.of_kind("organization")):
                continue   # 大模型时代: a word that names a company only with evidence (时代) is the word
            text = doc.norm[m.start:m.end]
            vendor = m.of_kind("organization")[0].id
            out.append(Found(m.start, m.end, slug(text) if text.isascii() else name_id(text), text, vendor,
                             "model", evidence="gloss-name"))
        at = key.find(MODEL_END, at + 1)
    return out


def model_named(key: str, start: int, end: int, model_nouns) -> bool:
    """A noun that says a model right before start..end (a space between allowed), and no word of
    a company right after it (模型 Anthropic 公司)."""
    p = start - (key[start - 1:start] == " ")
    return p >= 2 and model_nouns.ends(key, p) is not None and COMPANY_AFTER.match(key, end) is None


# 速腾上市, 凯美瑞已经上市, 速腾售价: what after a car's Chinese name says it is a model (key view).
MODEL_CUE_AFTER = re.compile(r" ?(?:已经|已|正式|将|也|于)?(?:上市|发布|亮相|开售|交付|售价|车型|新车|版|款|车主)")


# 星溯上市, 云舟已经交付: a car's own cue (a launch, a delivery, a price), not a statement's (发布)
# nor a noun's (版, 款), makes a dictionary noun after a car maker's brand the car's name.
CAR_CUE_AFTER = re.compile(r" ?(?:已经|已|正式|将|也|于)?(?:上市|交付|开售|售价|预售)")
CAR_NAME_TAGS = frozenset({"n", "nz", "l", "j", "i"})


class Span2:
    """A name read over two tokens (追光者): where it starts and ends, and its first token's tag."""
    __slots__ = ("start", "end", "pos")

    def __init__(self, start: int, end: int, pos: str) -> None:
        self.start, self.end, self.pos = start, end, pos


class BrandNamedModels:
    """新款大众速腾上市: a car maker's brand word (`brands`: key -> vendor) then one word of two or
    three Chinese characters (not a category noun, a maker's word or the industry's: `not_names`)
    with a launch, a price or a model noun right after it: a word no dictionary holds (速腾, whatever
    the segmenter guesses its tag to be), or a dictionary word it tags a name (凯美瑞 nr; not 官方,
    新车, 中国). The brand words are found in one Aho-Corasick pass, then the token after each."""

    def __init__(self, brands: dict[str, str | None], not_names, is_other, is_word) -> None:
        self.words = sorted(brands)
        self.vendors = [brands[w] for w in self.words]
        self.finder = ahocorasick_rs.AhoCorasick(self.words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest) \
            if self.words else None
        self.not_names = not_names
        self.is_other = is_other
        self.is_word = is_word

    def find(self, doc: Document) -> list[Found]:
        key = doc.key
        out: list[Found] = []
        if self.finder is None:
            return out
        for idx, at, end in self.finder.find_matches_as_indexes(key):
            deadline.check("products")
            if not (doc.starts_token(at) and doc.starts_token(end)):
                continue
            i = doc.token_index_at(end)
            name = doc.tokens[i]
            if i + 1 < len(doc.tokens) and doc.tokens[i + 1].pos == "k" and name.end - name.start == 2:
                name = Span2(name.start, doc.tokens[i + 1].end, name.pos)    # 追光|者: a word and its suffix
            w = key[name.start:name.end]
            if not CJK.fullmatch(w) or len(w) > 3 or w in self.not_names or self.is_other(w) \
                    or MODEL_CUE_AFTER.match(key, name.end) is None:
                continue
            if self.is_word(w) and name.pos not in PROPER_TAGS and not (
                    name.pos in CAR_NAME_TAGS and CAR_CUE_AFTER.match(key, name.end) is not None):
                continue     # 奔驰官方发布, 本田中国: a dictionary word is a name only where tagged one,
                # or where a car's own cue follows it (云驰星溯上市, 云驰云舟交付)
            text = doc.norm[name.start:name.end]
            out.append(Found(name.start, name.end, name_id(text), text, self.vendors[idx], "hardware",
                             evidence="gloss-name"))
        return out
