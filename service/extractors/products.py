"""Products: models, services, platforms, chips, devices and apps.

The Products component runs the readers in order and keeps one product per
product:
- product_mentions.py: knowledge-base aliases and families with a version
  (Llama 4, 通義千問2.5, 鸿蒙NEXT), family stems (GPT-4.5, RTX 5090) and Latin
  names a launch verb, a category noun or their maker right before them
  introduces (星辰智能推出了Foo 2.5, 阶跃星辰Step-2);
- product_grammar.py and product_explained_names.py, through
  product_grammar_mentions.py: brand, series, code and suffix (Galaxy S24
  Ultra, 尼康Z8, 红旗E-QM5), names a noun, a list, a mark or quotes explain
  (名为“星河”的大模型, 软件A、B等, OwlPay®, 推出AI應用「雪豹」), games by their titles
  (热门游戏《甲》, and a games sentence's other titles), engines (天璣Agentic AI引擎) and lines
  of capitals (vivo X 系列, M 系列芯片); their short forms and sibling codes
  (product_code_forms.py); coined Chinese names before a head noun (巨鲸电池,
  途灵平台), a car's Chinese name after its brand (大众速腾) and a company's name
  after a model noun (人工智能模型DeepSeek) (product_head_names.py); apps and
  platforms by their use (Steam 用户, 在微博上: product_platform_use.py); a code
  before 系列 (P50系列: product_coded_lines.py);
- product_list_mates.py: capitalised Latin names listed with a name another reader
  found (包括Teams、Outlook和Windows作業系統), products of its kind;
- here: a known name with capitalised words after it read as a longer product's
  (Microsoft 365 Copilot), overlapping readings resolved (longest first), a line's
  name that leads an event's word dropped (Snapdragon Summit), instruction sets
  and standards dropped (Armv9, X-86, Wi-Fi 7: CONVENTIONS 12), a knowledge-base
  name a researcher's title follows left to the lab (Meta AI 研究科学家), the
  maker's Latin name before a known chip kept in its name (NVIDIA Tesla K20X),
  a coined Chinese word before a bare code kept in its name (飞行汽车旅航者X2),
  lines named by their members' letters and 系列 (A系列 beside Galaxy A55:
  CONVENTIONS 9), a maker's name before another product's name merged into it
  (特斯拉Model 3 beside Model 3: CONVENTIONS 10; DeepSeek-V2.5 beside V2.5),
  a grammar name's code and suffixes read alone by another reader joined to it
  (Galaxy S25 Ultra … S25 Ultra), mentions merged into one Product per id
  (product_layer.py), a trade-marked name given as the text also writes it
  without marks, a maker's name left out of a name the text also writes
  without it (vivo X200 … X200: CONVENTIONS 10);
- product_brand_evidence.py: a brand list's name (simple-icons) kept only where the text reads
  it as a product (a category noun after it, its use, a use verb before it, a list with a
  product);
- product_vendor.py and product_sizes.py: the maker, description, sizes and
  context window each product is given by the words beside it, or the maker
  whose name starts the product's own (Lenovo IdeaPad Slim 5x, 滴滴出行).

Confidence is the noisy-or of the evidence collected (entities.combine, one
weight table for people, organisations and products). One pass over the text
for each reader; every lookup is bounded, so the whole is linear in the length
of the article.
"""
from __future__ import annotations

import re
from operator import attrgetter

from ..ids import name_id
from ..kb import KnowledgeBase
from ..nlp.document import Document
from ..nlp.segment import Segmenter
from .entities import EntityTable
from .. import deadline
from .product_acronyms import AcronymGate
from .product_brand_evidence import evidenced
from .product_explained_names import ExplainedNames
from .product_glosses import Glosses
from .product_head_names import model_named
from .product_platform_use import apps_read_as_companies, used_as_platform
from .product_grammar import ProductGrammar, grammar_data, slug
from .product_grammar_mentions import GrammarMentions
from .product_layer import Product
from .product_lexicon import ProductLexicon, WordSet
from .product_list_mates import ListMates
from .product_maker_words import MakerWords
from .product_quoted_apps import QuotedApps
from .product_mention import ProductMention
from .product_mentions import MentionFinder
from .product_line_words import line_word_mentions
from .product_service_parts import ServiceParts
from .product_sizes import Sizes
from .product_vendor import Vendors

LATIN_WORD_BEFORE = re.compile(r"[A-Za-z][A-Za-z0-9]{1,11} \Z")
MAKER_WORD = 13          # characters of a maker's Latin name and its space
TITLE_WORD = re.compile(r" ?([A-Z][a-z]{2,})(?![A-Za-z0-9])")
LINK_MARK = "://"      # a web address: from the ASCII word before it to the next space or non-ASCII character
LINK_END = re.compile(r"[\s\u0080-\uffff]")
TRADE_MARKS = re.compile(r"[®™]")
MAKER_IN_EDITION = (4, 3, 2)  # characters of a maker's Chinese name in an edition (保时捷设计)
LIST_JOIN = re.compile(r" ?(?:、|和|与|與|及|以及) ?")
COINED_LEAD = (4, 3, 2)      # characters of a coined Chinese word before a code (旅航者X2)
CJK_WORD = re.compile(r"[\u4e00-\u9fff]+")
# 星河大模型 3.5 和 4.0: a name ending in a dotted version (the family before it) ...
NAME_VERSION = re.compile(r"(?<![0-9.])([0-9]{1,2}(?:\.[0-9]{1,2}){1,2})\Z")
# ... and, joined by a list word, a bare dotted version no unit, letter or number goes on from.
JOINED_VERSION = re.compile(r" ?(?:、|和|与|及|以及) ?([0-9]{1,2}(?:\.[0-9]{1,2}){1,2})"
                            r"(?! ?[0-9A-Za-z.%％元亿万倍个度分秒年月日号次寸吋])")
# ... then the count of the list's names and a measure word (key view): 两款, 三个版本.
LIST_COUNT = re.compile(r" ?([两二三四五2-5]) ?(?:款|个|种|代|版)")
COUNT_WORDS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "2": 2, "3": 3, "4": 4, "5": 5}
NAME_TAGS = frozenset({"n", "nr", "nz", "ns", "nrt", "nrfg", "j"})
# A系列, Play 系列: a capital or a capitalised word, then 系列 (CONVENTIONS 9).
LAB_TITLE = re.compile(r"Scientist|Researcher|Research|Engineer")
# CEO, CTO, CHRO, Chief AI Officer: a chief officer's title (the knowledge base's titles, as they read).
CHIEF_TITLE = re.compile(r"C[A-Z]{1,3}|Chief .+")
LEADING_LETTERS = re.compile(r"[a-z]{1,10}")
# (the look-ahead of the first capital first: the look-behind is tried only there, not at every character)
SERIES_OF_LETTERS = re.compile(r"(?=[A-Z])(?<![A-Za-z0-9\-])([A-Z][A-Za-z]{0,9}) ?系列")
# vivo X200, 努比亚Z40S Pro, Meta Quest 3S: a maker's word, then a name that starts with a
# Latin letter and holds a digit (CONVENTIONS 10).
MAKER_THEN_CODE = re.compile(r"([A-Za-z][A-Za-z\-]{1,11} |[\u4e00-\u9fff]{2,4} ?)([A-Za-z][A-Za-z0-9+\- ]*[0-9][A-Za-z0-9+\- ]*)")
# Microsoft 365 Copilot: up to two capitalised words right after a known name (SuperDrive too).
LONGER_WORDS = re.compile(r"(?: [A-Z][a-z]+(?:[A-Z][a-z]+)*(?![A-Za-z0-9])){1,2}")
LONGER_WORD = re.compile(r" ([A-Za-z]+)")
GENERIC_AFTER = re.compile(r" (?:ai|app)(?![a-z0-9])")     # … Agentic AI: the name goes on as another's
LATIN_WORD_AFTER = re.compile(r" ?[A-Za-z]")     # Infinity Flex: another Latin word goes on
# Skype for Windows, Copilot for Zorbit 365: a product's name, `for` and the capitalised name of what
# it is made for name one product (the target a word of it, no product there of its own); norm view.
FOR_AFTER = re.compile(r" ?for ([A-Z][A-Za-z0-9]*(?: [A-Z0-9][A-Za-z0-9]*){0,2})(?![A-Za-z0-9\-])")
FOR_BEFORE = re.compile(r"(?<![A-Za-z0-9\-])([A-Z][A-Za-z0-9]*(?: [A-Z0-9][A-Za-z0-9]*){0,2}) for \Z")
FOR_REACH = 40
# 第二代骁龙 4s, 第 12 代酷睿: a generation right before a name (key view).
# Without 第 only a digit or 二 to 十, not after a word of time (下一代, 新一代, 上一代, 这一代).
GENERATION = re.compile(r"(?:第 ?([0-9]{1,2}|[一二三四五六七八九十])|(?<![下上新前后次同这那每该本老])([0-9]{1,2}|[二三四五六七八九十])) ?代 ?\Z")
CJK_DIGITS = "〇一二三四五六七八九十"
MODEL_NUMBER = re.compile(r"[0-9]{3}")
# TWINSCAN NXT：2000i, Orbis QX:3400C: a line's capitals joined by a colon to a model number (an
# optional capitalised word before them) name one product; not inside brackets (a ticker: (NYSE:1234)),
# not before a unit or a date word (GDP：1000亿, CEO：2023年)
# (a look-ahead of the first capital opens it, as SERIES_OF_LETTERS)
COLON_CODE = re.compile(r"(?=[A-Z])(?<![A-Za-z0-9(（:：\-])((?:[A-Z][A-Za-z]{2,11} )?[A-Z]{2,5}[:：][0-9]{3,4}[A-Za-z]{0,2})"
                        r"(?![A-Za-z0-9.:：)）%％年月日元万萬亿億千百人名个個家台部种種])")
EVIDENCE_RANK = {"grammar": 1, "gloss-name": 1, "pattern": 2}
# C1X 5G芯片, 联发科 T800 5G 基带芯片: a network generation between a chip's model code and the chip's
# noun says the chip has a modem (CONVENTIONS 12: 5G is a standard), not a word of its name, as the
# grammar reads a chip line's 5G (骁龙797G 5G芯片); a phone's (Galaxy A77 5G) is its name (key view).
NETWORK_TAIL = re.compile(r"(?<=[0-9a-z]) ?[345]g\Z")
CHIP_AFTER = re.compile(r" ?(?:芯片|晶片|基带|基帶|基频|基頻|调制解调器|調制解調器|數據機|数据机|处理器|處理器|soc|modem)")
NETWORK_ID_TAIL = re.compile(r"-[345]g\Z")
CODE = re.compile(r"[a-z][^ ]*[0-9]|[0-9][^ ]*[a-z]")


_START = attrgetter("start")


def _outside_spans(mentions: list[ProductMention], spans: list[tuple[int, int]], length: int) -> list[ProductMention]:
    """The mentions no character of which lies inside one of the spans (a longer reading's)."""
    inside = bytearray(length + 1)
    for start, end in spans:
        inside[start:end] = b"\x01" * (end - start)
    return [m for m in mentions if inside.find(1, m.start, m.end) < 0]


class Products:
    name = "products"
    reads = ("gazetteer", "organizations", "organization_claims", "quantities")
    writes = ("products", "claimed")

    def __init__(self, kb: KnowledgeBase, segmenter: Segmenter) -> None:
        self.kb = kb
        data = grammar_data()
        explained = ExplainedNames(kb.key, data, segmenter.has_word)
        # Heavy state, built once and read only: the word lists and the readers over them.
        self.lex = ProductLexicon(kb, explained.lexicon_nouns, data.get("not_codes") or ())
        explained.is_generic = self.lex.generic_latin.__contains__
        glosses = Glosses(self.lex)
        self.finder = MentionFinder(self.lex, glosses, segmenter.has_word)
        self.grammar_mentions = GrammarMentions(self.lex, ProductGrammar(kb.key, data), explained)
        self.vendors = Vendors(self.lex, glosses)
        self.sizes = Sizes(self.lex)
        self.list_mates = ListMates(self.lex.names_other, self.lex.tiers, segmenter.has_word)
        self.quoted_apps = QuotedApps(segmenter.has_word, self.lex.names_other, self.lex.tiers, kb.products.__contains__,
                                      kb.speech_verbs)
        self.service_parts = ServiceParts(kb.key, self.lex.service_parts, frozenset(
            i for i, p in kb.products.items() if p.get("category") == "app"))
        # Apple Pencil: no word that makes a company's, a unit's or an event's name
        self.maker_words = MakerWords(kb, set(kb.org_suffixes_latin) | set(self.lex.generic_latin.words)
                                      | {str(w) for w in data.get("event_words") or []}, self.lex.tiers)
        self.not_letter_lines = explained.not_letter_lines
        self.acronyms = AcronymGate(self.lex.naming_verbs, self.lex.launch_verbs, self.lex.names_other)
        self.editions = WordSet(kb.key(str(w)) for w in data.get("edition_after_maker") or [])
        # Snapdragon Summit, Meta Connect: a word after a product's name that makes an event's.
        self.event_words = frozenset(str(w).lower() for w in data.get("event_words") or [])
        # A lab's titles, key view (研究科学家, 首席科學家, 工程师): a lab employs them. Heads and
        # officers (负责人, 總裁) head a product as well (微信负责人), so they are left out.
        self.lab_titles = WordSet(form for form, title in kb.titles.items() if LAB_TITLE.search(title))
        # 解决方案BU CEO: the Latin words of a chief officer's title (key view: ceo, cto, caio).
        self.chief_titles = frozenset(form for form, title in kb.titles.items()
                                      if form.isascii() and " " not in form and CHIEF_TITLE.fullmatch(title))

    # ------------------------------------------------------------------ entry
    def __call__(self, doc: Document) -> None:
        orgs: EntityTable = doc.layers["organizations"]
        blocked = self.finder.blocked_spans(doc)
        grammar = self.grammar_mentions.mentions(doc, blocked)
        in_grammar: set[int] = set()
        lines: dict[str, str] = {}
        for m in grammar:
            in_grammar.update(range(m.start, m.end))
            found = m.ref.family.get("found") if m.ref.family else None
            if found is not None and found.open_line:
                lines[found.name.lower()] = found.category or "hardware"
        candidates = self.finder.gazetteer_mentions(doc) + self.finder.run_mentions(doc, blocked, in_grammar, lines)
        candidates = self.grammar_mentions.prefer_grammar(candidates, grammar) + grammar
        candidates = self._brand_mentions(doc, candidates)
        mentions = self._outside_links(doc, self._resolve(doc, candidates, orgs))
        mentions = self.grammar_mentions.outside_standards(doc, mentions)
        self._network_generation_dropped(doc, mentions)
        mentions = [m for m in mentions if not self._employer_of_title(doc, m)]
        mentions = self._outside_org_glosses(doc, mentions, orgs)
        mentions = mentions + self.list_mates.find(doc, mentions, orgs, self._category_of)
        mentions = mentions + self.list_mates.closed_lists(doc, mentions, orgs, self._category_of)
        mentions = mentions + self.list_mates.owned_lists(doc, mentions, orgs, self._category_of)
        mentions = mentions + self.list_mates.opened_lists(doc, mentions, orgs, self._category_of)
        quoted = self.quoted_apps.find(doc, mentions, orgs)
        mentions = mentions + quoted
        mentions = mentions + self.quoted_apps.plus_versions(doc, mentions)
        mentions = mentions + [ProductMention(s, e, e, r["id"], r, "kb-alias")
                               for s, e, r in apps_read_as_companies(doc, mentions, self._app_of_company)]
        mentions = self.service_parts.find(doc, mentions, orgs, self._vendor_of)
        seen = {(m.start, m.end) for m in mentions}
        for m in mentions:
            self._maker_lead(doc, m)
        mentions = self.finder.subname_mentions(doc, mentions, blocked)
        mentions = line_word_mentions(doc, mentions, self.lex.tiers, self._category_of, self._vendor_of)
        mentions = self.grammar_mentions.short_form_mentions(doc, mentions, grammar)
        mentions = self.grammar_mentions.sibling_mentions(doc, mentions)
        longer_names = self.quoted_apps.fold_into_longer(doc, mentions, quoted)
        mentions, version_names = self._joined_versions(doc, mentions)
        longer_names.update(version_names)
        mentions = self.service_parts.find_later(doc, mentions, seen, self._vendor_of)
        self._short_forms_joined(doc, mentions)
        self._generations(doc, mentions)
        self._coined_leads(doc, mentions)
        self._editions(doc, mentions)
        mentions = self._series_of_members(doc, mentions)
        mentions = self._colon_codes(doc, mentions)
        mentions = self._for_names(doc, mentions)
        self._bracketed_aliases(doc, mentions)
        unbranded = self._same_without_maker(doc, mentions, orgs)
        # 解决方案BU CEO: a name ending in a chief officer's title is a post; it stays claimed (no
        # other reader takes its words for a body's name) but names no product.
        titled: list[ProductMention] = []
        kept: list[ProductMention] = []
        for m in mentions:
            (titled if self._post_name(doc, m) else kept).append(m)
        mentions = kept
        products = self._merge(doc, mentions)
        for pid, name in (longer_names | unbranded).items():
            products[pid].name = name
        named_orgs = {doc.key[s:e] for ent in orgs.by_id.values() for s, e in ent.mentions}
        for product in products.values():
            self._unmarked_name(doc, product)
            self._maker_left_out(doc, product, named_orgs)
        org_mentions = sorted((s, e, ent.id) for ent in orgs.by_id.values() for s, e in ent.mentions)
        for product, m in ((products[m.id], m) for m in mentions):
            deadline.check("products")
            self.vendors.describe(doc, product, m, org_mentions)
            self.vendors.vendor(doc, product, m, org_mentions)
            self.vendors.vendor_in_name(doc, product, m, org_mentions)
        for m in mentions:
            # M2 beside M4: a sibling with no maker of its own has the maker its sibling was given;
            # Foo API the maker Foo was given
            family = m.family or {}
            sibling = products.get(family.get("sibling_of") or family.get("part_of") or "")
            if sibling is not None and products[m.id].vendor is None:
                products[m.id].vendor = sibling.vendor
        self._listed_vendors(doc, mentions, products)
        # 芯片IC设计, VIE架构: a bare acronym an open-world reader found needs a name's evidence
        terms: list[ProductMention] = []
        dropped = self.acronyms.dropped(doc.key, doc.norm, mentions, {e for _, e, _ in org_mentions},
                                        lambda pid: products[pid].vendor is not None)
        if dropped:
            # (its words stay claimed as before: a term, no person's or event's name)
            terms = [m for m in mentions if m.id in dropped]
            mentions = [m for m in mentions if m.id not in dropped]
            for pid in dropped:
                del products[pid]
        self.sizes.attach(doc, mentions, products, org_mentions)
        claimed = doc.layers["claimed"] = dict(doc.layers["organization_claims"])
        for m in mentions + terms:
            deadline.check("products")
            for i in range(m.start, m.end):
                claimed.setdefault(i, "product")
        for m in titled:
            for i in range(m.start, m.end):
                claimed.setdefault(i, "title")
        for product in products.values():
            product.mentions.sort()
        ordered = sorted(products.values(), key=lambda p: p.mentions[0][0])
        doc.layers["products"] = ordered

    def _brand_mentions(self, doc: Document, candidates: list[ProductMention]) -> list[ProductMention]:
        """The candidates, and a brand list's names no other reading covers where the text reads
        them as products (product_brand_evidence.py)."""
        spans = self.lex.brands.spans(doc.norm, lambda s, e: False) if self.lex.brands else []
        covered = bytearray(len(doc.key) + 1)
        for m in candidates:
            covered[m.start:m.end] = b"\x01" * (m.end - m.start)
        orgs = doc.layers["organizations"]
        if spans:
            spans = [(s, e, pid) for s, e, pid in spans if covered.find(1, s, e) < 0 and not orgs.covering(s, e)]
        brands = [ProductMention(s, e, e, pid, self.kb.brand_products[pid], "kb-brand", category=self.lex.noun_after(doc, e))
                  for s, e, pid in spans]
        # Apple Pencil, Google Glass: a maker's name and capitalised words (product_maker_words.py)
        read = {s for ent in orgs.by_id.values() for s, _ in ent.mentions}
        made = self.maker_words.find(doc, lambda s, e: covered.find(1, s, e) >= 0, read)
        # (an id another reader gave a name keeps that reader's mentions: no evidence asked of them)
        made_ids = frozenset(pid for _, _, pid, _, _ in made) - {m.id for m in candidates}
        for s, e, pid, name, vendor in made:
            if self._listed_with_found(doc.key, s, e, covered):
                continue     # iPad Air、Apple Foo: the list's reader names it, of its mates' kind
            category = self.lex.noun_after(doc, e)
            family = {"id": pid, "name": name, "vendor": vendor, "category": category or "other"}
            brands.append(ProductMention(s, e, e, pid, family, "maker-word", category=category))
        if not brands:
            return candidates
        # A word-spelled brand (Steam) another reading found on its own (Lantern 游戏平台)
        # needs no evidence from the list: the list adds its name, never takes a reading away.
        found = {m.id for m in candidates} & self.kb.word_brands
        return evidenced(doc.key, sorted(candidates + brands, key=_START),
                         lambda pid: (pid in self.kb.evidence_products or pid in made_ids) and pid not in found,
                         lambda end: self.lex.noun_after(doc, end), self.kb.word_brands.__contains__,
                         lambda start: self.lex.noun_before(doc, start))

    @staticmethod
    def _listed_with_found(key: str, start: int, end: int, covered: bytearray) -> bool:
        """A name joined by a list word (、, 和, 与, 及) to a name another reader found, right
        before or right after it."""
        after = LIST_JOIN.match(key, end)
        if after is not None and covered[after.end()]:
            return True
        lead = start - (key[start - 1:start] == " ")
        for n in (2, 1):
            if LIST_JOIN.fullmatch(key[max(0, lead - n):lead]) and lead - n > 0 and covered[lead - n - 1]:
                return True
        return False

    def _app_of_company(self, match) -> dict | None:
        """The app a knowledge-base name stands for when the organisations extractor read it as
        the company: its own product record (抖音), else the product the company's id names
        (新浪微博 → the app 微博 of the company weibo)."""
        for entry in match.of_kind("product"):
            return self.kb.products.get(entry.id)
        for entry in match.of_kind("organization"):
            record = self.kb.products.get(entry.id)
            if record is not None:
                return record
        return None

    def _vendor_of(self, m: ProductMention) -> str | None:
        return (self.kb.products.get(m.id) or m.family or {}).get("vendor")

    def _category_of(self, m: ProductMention) -> str | None:
        record = self.kb.products.get(m.id) or m.family or {}
        return m.category or record.get("category")

    # ------------------------------------------------------------------ one product per product
    def _resolve(self, doc: Document, candidates: list[ProductMention], orgs: EntityTable) -> list[ProductMention]:
        """Longest first where two readings overlap (Meta AI助手 over Meta AI, GPT-4 0125
        over GPT-4); a bare alias the organisations extractor read as a company stays one."""
        candidates = candidates + self._longer_names(doc, candidates)
        # On equal spans the knowledge base beats the grammar, the grammar an open pattern.
        candidates.sort(key=lambda m: (m.start, -(m.end - m.start), EVIDENCE_RANK.get(m.evidence, 0)))
        kept: list[ProductMention] = []
        last_end = -1
        for m in candidates:
            deadline.check("products")
            if m.start < last_end:
                prev = kept[-1]
                if m.end - m.start > prev.end - prev.start:
                    kept[-1] = m
                    last_end = m.end
                continue
            kept.append(m)
            last_end = m.end
        out = []
        for m in kept:
            deadline.check("products")
            bare = m.evidence in ("kb-alias", "kb-short") and m.name_end == m.end and m.family is not None \
                and m.id == m.family.get("id")
            if bare and orgs.covering(m.start, m.end) and not self._model_noun_before(doc, m) \
                    and not used_as_platform(doc.key, m.start, m.end):
                continue     # (人工智能模型DeepSeek, 在微博上: a model noun or a platform's use says the product)
            if bare and m.family.get("category") == "hardware" and self._leads_a_name(doc, m.end):
                continue   # Snapdragon Summit, 天璣Agentic AI引擎: the line names something else here
            out.append(m)
        return out

    def _longer_names(self, doc: Document, candidates: list[ProductMention]) -> list[ProductMention]:
        """Microsoft 365 Copilot, GLM-4 All Tools, Snapdragon Seamless, Flyme Auto: a known product's
        name (the knowledge base's, or one the grammar read) with
        capitalised words right after it names a product of its own (the family is its prefix,
        not a mention), unless a word is a tier, a generic word, a company's or an event's
        (Snapdragon Summit); the longer reading then wins over its parts."""
        out = []
        starts = {c.start for c in candidates}
        for m in candidates:
            if not (m.evidence.startswith("kb") or m.evidence == "grammar") or m.name_end != m.end:
                continue
            w = LONGER_WORDS.match(doc.norm, m.end)
            if w is None or doc.text[m.end] != " ":
                continue     # Apple Intelligence　Siri: a headline's wide space parts two names
            if m.evidence == "grammar" and (w.group().count(" ") > 1 or LATIN_WORD_AFTER.match(doc.norm, w.end())
                                            or m.end + 1 in starts):
                # Flyme Auto, RTX 200 Ada 16GB: a name the grammar read takes one word, the Latin
                # words ending there, and none that starts another reading (CDNA2 Instinct MI200:
                # Instinct MI200 is a name of its own); more words describe it (Dynamic AMOLED 2X
                # Infinity Flex 内屏)
                continue
            end = m.end
            for word in LONGER_WORD.finditer(w.group()):
                k = word.group(1).lower()
                if k in self.lex.generic_latin and end > m.end:
                    end = m.end     # Dimensity Agentic AI Engine: the whole is an engine's name
                    break
                if k in self.lex.tiers or k in self.lex.generic_latin or k in self.event_words \
                        or any(e.kind == "organization" for e in self.kb.aliases.get(k, ())):
                    break
                end = m.end + word.end()
            if end == m.end or GENERIC_AFTER.match(doc.key, end):
                continue
            text = doc.norm[m.start:end]
            record = self.kb.products.get(m.id) or m.family or {}
            family = {"name": text, "vendor": record.get("vendor"), "category": record.get("category") or "other"}
            out.append(ProductMention(m.start, end, end, slug(text), family, "gloss-name", category=family["category"]))
        return out

    def _for_names(self, doc: Document, candidates: list[ProductMention]) -> list[ProductMention]:
        """Skype for Windows, Copilot for Zorbit 365: a product's name, `for` and the capitalised
        name of the platform or the user it is made for name one product; the target (Windows) is a
        word of it, no product of its own there (it still is one where the text names it alone).
        Read from a product reading on the left (its `for` right after it), or from one on the right
        whose left words are the name of a product the text reads elsewhere (Skype … Skype for
        Windows). Never a generic word or a tier after `for` (Zorbit for AI). The longer reading
        replaces the readings inside it. Anchored matches around each reading: linear."""
        if "for " not in doc.norm:
            return candidates
        names = {doc.key[m.start:m.name_end]: m for m in candidates}
        out = []
        seen: set[tuple[int, int]] = set()
        for m in candidates:
            deadline.check("products")
            source = m
            after = FOR_AFTER.match(doc.norm, m.end) if m.name_end == m.end else None
            if after is not None:
                start, end = m.start, after.end()
                target = after.group(1)
            else:
                before = FOR_BEFORE.search(doc.norm, max(0, m.start - FOR_REACH), m.start)
                if before is None or before.group(1).lower() not in names:
                    continue
                start, end = before.start(1), m.end
                target = doc.norm[m.start:m.end]
                source = names[before.group(1).lower()]
            first = target.split(" ")[0].lower()
            if first in self.lex.generic_latin or first in self.lex.tiers or (start, end) in seen:
                continue
            seen.add((start, end))
            text = doc.norm[start:end]
            record = self.kb.products.get(source.id) or source.family or {}
            category = source.category or record.get("category") or "other"
            family = {"name": text, "vendor": record.get("vendor"), "category": category}
            out.append(ProductMention(start, end, end, slug(text), family, "gloss-name", category=category))
        if not out:
            return candidates
        kept = _outside_spans(candidates, [(m.start, m.end) for m in out], len(doc.key))
        return sorted(kept + out, key=_START)

    @staticmethod
    def _short_forms_joined(doc: Document, mentions: list[ProductMention]) -> None:
        """OPPO Find X8 Ultra … X8 Ultra, 三星Galaxy S25 Ultra … S25 Ultra: a mention another reader
        made of a grammar name's code and suffixes alone is that product's short form (one
        product), when no other name of the text has the same code and suffixes."""
        full: dict[str, str | None] = {}     # code and suffixes, no spaces (key view) -> the id
        for m in mentions:
            f = (m.family or {}).get("found")
            if f is None or f.evidence != "grammar" or not f.code:
                continue
            short = (f.code + f.suffix).replace(" ", "")
            if short == doc.key[m.start:m.name_end].replace(" ", ""):
                continue     # the name is its code: no short form
            full[short] = m.id if full.get(short, m.id) == m.id else None     # two products: neither
        if not full:
            return
        for m in mentions:
            pid = full.get(doc.key[m.start:m.name_end].replace(" ", ""))
            if pid is not None and m.evidence in ("pattern", "sibling"):
                m.id = pid

    def _joined_versions(self, doc: Document, mentions: list[ProductMention]) -> tuple[list[ProductMention], dict[str, str]]:
        """星河大模型 3.5 和 4.0 两款模型, Zorva 2.1、2.2 及 3.0 三个版本: a product named by a family
        and a dotted version, then bare dotted versions joined to it by list words and the count of
        the list's names (运行 Zorva 13.0和14.0系统 says no count: none), are the family's other
        versions: each a product of its own (the family's maker and kind), named with the family
        (returned: id -> name), its mention the bare version."""
        key, norm = doc.key, doc.norm
        taken = {i for m in mentions for i in range(m.start, m.end)}
        extra: list[ProductMention] = []
        names: dict[str, str] = {}
        for m in mentions:
            deadline.check("products")
            if m.end != m.name_end:
                continue
            v = NAME_VERSION.search(key, m.start, m.name_end)
            if v is None or v.start(1) - m.start < 2:
                continue
            family_name = norm[m.start:v.start(1)]
            record = self.kb.products.get(m.id) or m.family or {}
            at, joined = m.end, []
            while (j := JOINED_VERSION.match(key, at)) is not None and j.start(1) not in taken:
                joined.append(j)
                at = j.end()
            # 两款旗舰模型, 三个版本: the count of the list's names must follow, saying they are so many
            count = LIST_COUNT.match(key, at)
            if not joined or count is None or COUNT_WORDS.get(count.group(1)) != len(joined) + 1:
                continue
            for j in joined:
                name = family_name + norm[j.start(1):j.end(1)]
                pid = name_id(name)
                family = {"name": name, "vendor": record.get("vendor"),
                          "category": record.get("category") or m.category, "sibling_of": m.id}
                extra.append(ProductMention(j.start(1), j.end(1), j.end(1), pid, family, "sibling",
                                            category=family["category"]))
                names[pid] = name
                taken.update(range(j.start(1), j.end(1)))
        if not extra:
            return mentions, names
        return sorted(mentions + extra, key=lambda m: m.start), names

    def _generations(self, doc: Document, mentions: list[ProductMention]) -> None:
        """第二代骁龙 4s, 二代骁龙 4s, 第三代骁龙8, 第 12 代酷睿: a generation written before a line's
        name (the grammar's or the knowledge base's, a chip or a device) is part of it, another
        product than the name alone (第三代骁龙8 is no 骁龙8); where the text also writes the
        name with Gen N after it (骁龙 4s Gen2), that is the same product."""
        key = doc.key
        if "代" not in key:
            return
        later: dict[str, str] = {}     # a name's key without spaces -> its id (骁龙4sgen2)
        for m in mentions:
            later.setdefault(key[m.start:m.name_end].replace(" ", ""), m.id)
        for m in mentions:
            if m.start < 2 or "代" not in key[max(0, m.start - 3):m.start] or m.evidence == "gloss-name" \
                    or not "\u4e00" <= key[m.start] <= "\u9fff" or getattr((m.family or {}).get("found"), "car", False):
                continue     # 第二代 Oryon CPU, 下一代 Blackwell: only a Chinese line's name (骁龙, 酷睿, 至强);
                # 第二代秦 PLUS: a car's generation is its model year, the car keeps its name
            g = GENERATION.search(key, max(0, m.start - 8), m.start)
            record = self.kb.products.get(m.id) or m.family or {}
            if g is None or (m.category or record.get("category")) != "hardware" \
                    or MODEL_NUMBER.search(key, m.start, m.name_end):
                continue     # 第14代酷睿i9-14900K: the model's number says its generation already
            n = g.group(1) or g.group(2)
            n = str(CJK_DIGITS.index(n) if n in CJK_DIGITS else n)
            rest = key[m.start:m.name_end].replace(" ", "")
            m.start = g.start()
            known = [e.id for e in self.kb.aliases.get(key[m.start:m.name_end], ()) if e.kind == "product"]
            # one id for 第二代骁龙 4s and 二代骁龙 4s: the generation's number and the name
            m.id = known[0] if known else later.get(f"{rest}gen{n}") or name_id(f"{n}代{doc.norm[g.end():m.name_end]}")

    def _model_noun_before(self, doc: Document, m: ProductMention) -> bool:
        """中國人工智能模型DeepSeek: a noun that says a model right before a model's name, which is
        its maker's name too."""
        return model_named(doc.key, m.start, m.end, self.grammar_mentions.model_nouns)

    @staticmethod
    def _bracketed_aliases(doc: Document, mentions: list[ProductMention]) -> None:
        """骁龙 8 至尊版（Snapdragon 8 Elite）: a product's name alone in brackets right after
        another's is its other name: one product, under the first name's id."""
        same: dict[str, str] = {}
        ordered = sorted(mentions, key=lambda m: m.start)
        for a, b in zip(ordered, ordered[1:]):
            if b.start == a.end + 1 and doc.key[a.end:b.start] == "(" and doc.key[b.end:b.end + 1] == ")" \
                    and b.id != a.id and b.id not in same:
                same[b.id] = same.get(a.id, a.id)
        for m in mentions:
            if m.id in same:
                m.id = same[m.id]

    @staticmethod
    def _listed_vendors(doc: Document, mentions: list[ProductMention], products: dict[str, Product]) -> None:
        """AMD Spartan™ 7、Zynq™ 7000和Zynq UltraScale+: products listed one after another, the
        first with a maker the words before it gave, share that maker when they have none."""
        ordered = sorted(mentions, key=lambda m: m.start)
        listed: set[str] = set()      # ids given their maker here: the list goes on from them
        for a, b in zip(ordered, ordered[1:]):
            first, other = products[a.id], products[b.id]
            if other.vendor is None and first.vendor is not None and ("vendor" in first.evidence or a.id in listed) \
                    and LIST_JOIN.fullmatch(doc.key, a.end, b.start):
                other.vendor = first.vendor
                listed.add(b.id)

    def _coined_leads(self, doc: Document, mentions: list[ProductMention]) -> None:
        """飞行汽车旅航者X2: a bare code read from its shape or context, with a coined Chinese
        word glued before it that a category noun precedes, is named with that word — and so are
        its other mentions that word leads (旅航者X2 为双座)."""
        key = doc.key
        leads: dict[str, str] = {}
        for m in mentions:
            deadline.check("products")
            if m.evidence not in ("pattern", "sibling") or not key[m.start:m.start + 1].isascii() or m.id in leads:
                continue
            if not "\u4e00" <= key[m.start - 1:m.start] <= "\u9fff":
                continue     # every word tried ends right before the code: none is Chinese
            for n in COINED_LEAD:
                a = m.start - n
                word = key[a:m.start]
                if a < 2 or not CJK_WORD.fullmatch(word) or self.grammar_mentions.grammar.plain_word(word) \
                        or not self._name_tokens(doc, a, m.start):
                    continue
                if self.lex.cjk_category_nouns.ends(key, a) is not None:
                    leads[m.id] = word
                    break
        by_id: dict[str, list[ProductMention]] = {}
        for m in mentions:
            if m.id in leads:
                by_id.setdefault(m.id, []).append(m)
        for pid, word in leads.items():
            same = by_id[pid]
            if not all(key[m.start - len(word):m.start] == word for m in same):
                continue     # written elsewhere without the word: the code is the name
            new_id = name_id(doc.norm[same[0].start - len(word):same[0].name_end])
            for m in same:
                m.start -= len(word)
                m.id = new_id

    def _editions(self, doc: Document, mentions: list[ProductMention]) -> None:
        """Mate50 RS保时捷设计: another maker's name and 设计 (or 联名版) right after a model are an
        edition, part of the model's name."""
        key = doc.key
        for m in mentions:
            if m.name_end != m.end or not key[m.end - 1:m.end].isascii():
                continue
            p = m.end + (key[m.end:m.end + 1] == " ")
            if not "\u4e00" <= key[p:p + 1] <= "\u9fff":
                continue     # every maker's word tried starts at p: none is Chinese
            for n in MAKER_IN_EDITION:
                word = key[p:p + n]
                edition = self.editions.starts(key, p + n)
                if edition is not None and CJK_WORD.fullmatch(word) \
                        and any(e.kind == "organization" for e in self.kb.aliases.get(word, ())):
                    m.end = m.name_end = p + n + len(edition)
                    break

    @staticmethod
    def _name_tokens(doc: Document, start: int, end: int) -> bool:
        """The segmenter reads start..end as nouns or names only (旅航者 n, 雲帆 nr; not 采用自研)."""
        if not doc.starts_token(start) or not doc.starts_token(end):
            return False
        i = doc.token_index_at(start)
        while i < len(doc.tokens) and doc.tokens[i].start < end:
            if doc.tokens[i].pos not in NAME_TAGS:
                return False
            i += 1
        return True

    def _series_of_members(self, doc: Document, mentions: list[ProductMention]) -> list[ProductMention]:
        """A系列 beside Galaxy A55, Play 系列 beside Play6T, Mate系列 beside Mate50 (CONVENTIONS 9):
        a capital or a capitalised word and 系列 name a line when a product of the text has a code
        of those letters and a digit; the line is named by the letters, its maker is the member's."""
        if "系列" not in doc.key:
            return mentions
        lines = list(SERIES_OF_LETTERS.finditer(doc.norm))
        if not lines:
            return mentions   # (the tables below are built only for a text that names a line)
        taken = {i for m in mentions for i in range(m.start, m.end)}
        named: dict[str, ProductMention] = {}      # a product's whole name -> its first mention
        members: dict[str, ProductMention] = {}    # a line's letters -> a member's first mention
        for m in mentions:
            name = doc.key[m.start:m.name_end]
            named.setdefault(name, m)
            for letters in self._lines_of(name):
                members.setdefault(letters, m)
        extra = []
        for s in lines:
            deadline.check("products")
            start, end = s.span(1)
            letters = doc.key[start:end]
            if start in taken or letters in self.not_letter_lines or len(letters) > 1 and letters in self.lex.generic_latin:
                continue
            same = named.get(letters)
            member = same or members.get(letters)
            if member is None:
                continue
            if same is not None:
                extra.append(ProductMention(start, end, end, same.id, same.family, same.evidence, category=same.category))
                continue
            record = self.kb.products.get(member.id) or member.family or {}
            family = {"name": doc.norm[start:end], "vendor": record.get("vendor"),
                      "category": record.get("category") or member.category or "hardware"}
            extra.append(ProductMention(start, end, end, slug(f"{letters} series"), family, "grammar",
                                        category=family["category"]))
        return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions

    def _outside_org_glosses(self, doc: Document, mentions: list[ProductMention],
                             orgs: EntityTable) -> list[ProductMention]:
        """通用汽車（General Motors）: a bracketed Latin name the organisations read as the gloss of the
        body named right before it is that body's name, not a product (a knowledge-base product stays)."""
        glosses = {(s, e) for ent in orgs.by_id.values() for s, e in ent.mentions
                   if 0 < s and e < len(doc.text) and doc.text[s - 1] in "（(" and doc.text[e] in "）)"}
        if not glosses:
            return mentions
        return [m for m in mentions if (m.start, m.end) not in glosses or m.id in self.kb.products]

    @staticmethod
    def _colon_codes(doc: Document, mentions: list[ProductMention]) -> list[ProductMention]:
        """TWINSCAN NXT：2000i: capitals joined by a colon to a model number name one product (the
        colon form is its name); a reading of its words alone gives way to it."""
        if ":" not in doc.text and "：" not in doc.text:
            return mentions
        spans = [c.span(1) for c in COLON_CODE.finditer(doc.text)]
        if not spans:
            return mentions
        kept = _outside_spans(mentions, spans, len(doc.text))
        for start, end in spans:
            deadline.check("products")
            name = doc.key[start:end].replace("：", ":")
            kept.append(ProductMention(start, end, end, name_id(name), None, "grammar", category="hardware"))
        return sorted(kept, key=lambda m: m.start)

    def _lines_of(self, name: str):
        """The lines a product's name makes it a member of (key view): Galaxy A55, Play6T and
        Lumo 9 of A, Play and Lumo (letters before a digit); Artix XA AU7P of XA (two letters or
        more standing as a word inside the name, not a tier: Mate50 Pro is no Pro line's)."""
        words = name.split(" ")
        for k, (w, nxt) in enumerate(zip(words, words[1:] + [""])):
            letters = LEADING_LETTERS.match(w)
            if letters is not None and w[letters.end():letters.end() + 1].isdigit():
                yield letters.group()
            elif w.isalpha() and w.isascii() and w not in self.lex.tiers and (nxt[:1].isdigit() or k > 0 and len(w) > 1):
                yield w

    def _maker_left_out(self, doc: Document, product: Product, named: set[str]) -> None:
        """vivo X200, later a bare X200 (CONVENTIONS 10): a maker's name written before a model
        code is left out of the product's name where the text also writes the code alone, or where
        the code is a product of that maker's in the knowledge base (the mentions keep what they
        cover). Only where what is left is a code of its own: a Latin
        word with a digit in it, not a bare number (小米14) nor an abbreviation (realme UI 3.0);
        a brand whose bare numbers are models (小米, 真我) writes its names with it."""
        line = self._maker_before_line(product)
        if line is not None:
            product.name = line
            return
        m = MAKER_THEN_CODE.fullmatch(product.name)
        if m is None:
            return
        maker, rest = m.group(1), m.group(2)
        if self._makers_known_product(maker, rest):
            product.name = rest     # 特斯拉Model 3: the maker's own known product, even written once
            return
        if not any(doc.text[s:e] == rest for s, e in product.mentions) and not self._company_before_code(maker, rest, product.vendor):
            return
        word = self.kb.key(maker.strip())
        first = rest.split(" ", 1)[0].lower()
        if first in self.lex.generic_latin or first in self.lex.tiers or first in self.grammar_mentions.grammar.not_letter_codes \
                or first in self.grammar_mentions.grammar.anchor_of and len(rest) == len(first):
            return
        anchor = self.grammar_mentions.grammar.anchor_of.get(word)
        if anchor is not None and anchor[1].get("numbered"):
            return     # 真我GT2 Pro: a numbered brand's name keeps it
        if any(e.kind == "product" for e in self.kb.aliases.get(word, ())):
            return     # Mistral Large 2: the family's name, no maker's
        if self._is_maker(word, named):
            product.name = rest

    def _maker_before_line(self, product: Product) -> str | None:
        """比亚迪海鸥, 比亚迪秦PLUS (CONVENTIONS 10): a maker's own brand word (the company itself, as
        _company_before_code tells it) glued before a Chinese car line of that maker's that needs a
        brand to be read (product_grammar.yaml series with needs_brand and car) is left out of the
        name: 海鸥, 秦PLUS (the mentions keep the whole form). A sub-brand or series before the line
        (问界, 仰望, 银河: no company of its own) keeps its word; a line word that goes on in Chinese
        (比亚迪元宇宙) is no line."""
        name = product.name
        grammar = self.grammar_mentions.grammar
        for cut in range(2, min(len(name), 6)):
            maker = name[:cut]
            if not all("\u4e00" <= ch <= "\u9fff" for ch in maker):
                break
            rest = name[cut:].lstrip(" ")
            anchor = grammar.anchor_of.get(self.kb.key(maker))
            if anchor is None or anchor[0] != "brand" or anchor[1].get("numbered"):
                continue
            brand_vendor = self._company_brand(self.kb.key(maker))
            if brand_vendor is None:
                return None     # 问界, 腾势: a line's or sub-brand's name, not the company's
            if product.vendor is not None and product.vendor != brand_vendor:
                return None
            rest_key = self.kb.key(rest)
            for size in (2, 1):
                series = grammar.series_of.get(rest_key[:size])
                if series is None or not series.get("needs_brand") or not series.get("car") \
                        or series.get("vendor") != brand_vendor:
                    continue
                after = rest[size:size + 1]
                if after and "\u4e00" <= after <= "\u9fff":
                    return None     # 比亚迪元宇宙: the word goes on
                return rest
            return None
        return None

    def _company_before_code(self, maker: str, rest: str, vendor: str | None) -> bool:
        """蔚来ET5 written once: a grammar brand that is the company itself (its vendor is the
        organisation the word names; 问界M5, 智界S7, 龙芯LA464 keep theirs) before a code is left
        out even there;
        Apple Watch Ultra 3 keeps Apple, a known product's first word following it; NVIDIA Tesla
        Q900 keeps Tesla, a word naming another company than the product's maker (a line)."""
        brand_vendor = self._company_brand(self.kb.key(maker.strip()))
        if brand_vendor is None:
            return False     # 问界 (AITO, made by Seres), 智界, 龙芯: a line's or series' name
        if vendor is not None and vendor != brand_vendor:
            return False     # NVIDIA Tesla Q900: another maker's line
        first = rest.split(" ", 1)[0]
        return not any(e.kind == "product" for e in self.kb.aliases.get(self.kb.key(maker + first), ()))

    def _company_brand(self, word: str) -> str | None:
        """The vendor of a grammar brand (key form) that is the company itself: not numbered, its
        vendor an organisation the word names, and no product of that name; None for a line's,
        series' or sub-brand's word (问界, 智界, 腾势)."""
        anchor = self.grammar_mentions.grammar.anchor_of.get(word)
        if anchor is None or anchor[0] != "brand" or anchor[1].get("numbered"):
            return None
        entries = self.kb.aliases.get(word, ())
        if anchor[1].get("vendor") not in {e.id for e in entries if e.kind == "organization"} \
                or any(e.kind == "product" for e in entries):
            return None
        return anchor[1].get("vendor")

    def _makers_known_product(self, maker: str, rest: str) -> bool:
        """特斯拉Model 3: what follows the maker's name is a knowledge-base product of that maker's."""
        return self.grammar_mentions.own_product(self.kb.key(maker.strip()), self.kb.key(rest)) is not None

    @staticmethod
    def _unmarked_name(doc: Document, product: Product) -> None:
        """Artix™ UltraScale+™, later Artix UltraScale+: the name as the text also writes it
        without marks (OwlPay®, never written without, keeps its mark)."""
        if "™" not in product.name and "®" not in product.name:
            return
        plain = TRADE_MARKS.sub("", product.name)
        if any(doc.text[s:e] == plain for s, e in product.mentions):
            product.name = plain

    def _post_name(self, doc: Document, m: ProductMention) -> bool:
        """BU CEO, Cloud CTO: a Latin name of two words or more whose last word is a chief
        officer's title names a post, no product."""
        words = doc.key[m.start:m.end].split(" ")
        return len(words) > 1 and words[-1] in self.chief_titles

    def _employer_of_title(self, doc: Document, m: ProductMention) -> bool:
        """Meta AI 研究科学家田渊栋: a knowledge-base name that a researcher's title follows is the
        employer there (the lab), no mention of the product of the same name."""
        if m.evidence not in ("kb-alias", "kb-short") or m.name_end != m.end:
            return False
        p = m.end + (doc.key[m.end:m.end + 1] == " ")
        return self.lab_titles.starts(doc.key, p) is not None

    def _is_maker(self, word: str, named: set[str] = frozenset()) -> bool:
        """A brand word of the grammar's, an organisation's name in the knowledge base, or one the
        text names as an organisation (`named`, key view)."""
        if word in named:
            return True
        anchor = self.grammar_mentions.grammar.anchor_of.get(word)
        if anchor is not None and anchor[0] == "brand":
            return True
        return any(e.kind == "organization" for e in self.kb.aliases.get(word, ()))

    def _same_without_maker(self, doc: Document, mentions: list[ProductMention],
                            orgs: EntityTable) -> dict[str, str]:
        """特斯拉Model 3 beside Model 3, 领克 Z10 beside Z10 (CONVENTIONS 10): a name that is a
        maker's name and another product's name is that product, named without its maker.
        DeepSeek-V2.5 beside V2.5: with a hyphen the maker's name is part of the name, and the
        bare form is its short form. Returns the ids that took such mentions, with their names."""
        names: dict[str, tuple[str, str]] = {}      # name without spaces (key view) -> (id, as written)
        for m in mentions:
            names.setdefault(doc.key[m.start:m.name_end].replace(" ", ""), (m.id, doc.text[m.start:m.name_end]))
        remap: dict[str, str] = {}
        kept: dict[str, str] = {}
        named: set[str] | None = None   # the organisations' names, read when a cut first needs them
        seen: set[tuple[str, str]] = set()
        for m in mentions:
            deadline.check("products")
            k = doc.key[m.start:m.name_end]
            if (k, m.id) in seen or len(k) < 3:
                continue     # each name once
            seen.add((k, m.id))
            flat = k.replace(" ", "")
            # Each proper ending of two characters or more probed in `names`: linear in the name,
            # where comparing with every name sharing its last two characters grew with the text.
            if k[0] != " " and not any(flat[i:] in names for i in range(1, len(flat) - 1)):
                continue     # what a cut leaves is a shorter name ending it: there is none
            for cut in range(1, min(len(k) - 1, MAKER_WORD)):
                hyphen = k[cut] == "-"
                rest = k[cut + hyphen:].strip().replace(" ", "")
                target = names.get(rest)
                if len(rest) < 2 or target is None or target[0] == m.id:
                    continue
                if named is None:
                    named = {doc.key[s:e] for ent in orgs.by_id.values() for s, e in ent.mentions}
                if not self._is_maker(k[:cut].strip(), named):
                    continue
                if not hyphen and k[cut - 1].isascii() and k[cut - 1].isalnum() and k[cut].isascii() and k[cut].isalnum():
                    continue    # inside a Latin word
                if hyphen:
                    remap[target[0]] = m.id          # V2.5 is DeepSeek-V2.5's short form
                    kept[m.id] = doc.text[m.start:m.name_end]
                else:
                    remap[m.id] = target[0]
                    kept[target[0]] = target[1]
                break
        for m in mentions:
            if m.id in remap and remap[m.id] not in remap:
                m.id = remap[m.id]
        return {pid: name for pid, name in kept.items() if pid not in remap}

    def _network_generation_dropped(self, doc: Document, mentions: list[ProductMention]) -> None:
        """C1X 5G芯片, 联发科 T800 5G 基带芯片: 5G or 4G written after a name that holds a model code
        (letters and digits in one word) and before a chip's noun is the network the chip serves, no
        word of its name (CONVENTIONS 12): the name stops before it. A phone's 5G stays (Galaxy A77
        5G, no chip noun after), and so does a knowledge-base product's own name (its id)."""
        key = doc.key
        for m in mentions:
            if m.name_end - m.start < 5 or key[m.name_end - 1] != "g" or m.id in self.kb.products:
                continue     # most names: no g at their end (one comparison)
            tail = NETWORK_TAIL.search(key, m.start, m.name_end)
            if tail is None or not NETWORK_ID_TAIL.search(m.id) or not CODE.search(key, m.start, tail.start()) \
                    or not CHIP_AFTER.match(key, m.name_end):
                continue
            if m.end == m.name_end:
                m.end = tail.start()
            m.name_end = tail.start()
            m.id = NETWORK_ID_TAIL.sub("", m.id)

    @staticmethod
    def _outside_links(doc: Document, mentions: list[ProductMention]) -> list[ProductMention]:
        """…/car-influencer-china-ev-youtube-influencer: a word inside a web address names nothing;
        the words before the address (no space between: 詳見：https://…) are outside it."""
        links = []
        at = doc.norm.find(LINK_MARK)
        while at >= 0:
            end = LINK_END.search(doc.norm, at)
            start = at     # back over the address's own characters: ASCII, no space (查閱：https://…)
            while start > 0 and doc.norm[start - 1].isascii() and not doc.norm[start - 1].isspace():
                start -= 1
            links.append((start, end.start() if end else len(doc.norm)))
            at = doc.norm.find(LINK_MARK, links[-1][1])
        if not links:
            return mentions
        return [m for m in mentions if not any(a <= m.start < b for a, b in links)]

    def _maker_lead(self, doc: Document, m: ProductMention) -> None:
        """NVIDIA Tesla K20X, as AMD EPYC 9965 in the grammar: the maker's own Latin name written
        right before a known chip or device is the fullest form of its name."""
        record = self.kb.products.get(m.id)
        if record is None or record.get("category") != "hardware" or m.evidence not in ("kb-alias", "kb-family"):
            return
        word = LATIN_WORD_BEFORE.search(doc.norm, max(0, m.start - MAKER_WORD), m.start)
        if word is None or (word.start() > 0 and doc.norm[word.start() - 1].isascii()
                            and doc.norm[word.start() - 1].isalnum()):
            return
        if any(e.kind == "organization" and e.id == record.get("vendor")
               for e in self.kb.aliases.get(doc.key[word.start():word.end() - 1], ())):
            m.start = word.start()

    def _leads_a_name(self, doc: Document, end: int) -> bool:
        """A capitalised Latin word (not a tier, not a generic word) right after a family's
        name: the family is the first word of another name, not named itself."""
        m = TITLE_WORD.match(doc.norm, end)
        return m is not None and m.group(1).lower() not in self.lex.tiers \
            and m.group(1).lower() not in self.lex.generic_latin

    def _merge(self, doc: Document, mentions: list[ProductMention]) -> dict[str, Product]:
        products: dict[str, Product] = {}
        for m in mentions:
            deadline.check("products")
            product = products.get(m.id)
            if product is None:
                product = products[m.id] = self._new_product(doc, m)
            elif m.evidence == "grammar":
                fuller = doc.text[m.start:m.name_end]
                if len(fuller) > len(product.name) and fuller.startswith(product.name):
                    product.name = fuller    # 骁龙 8+, then 骁龙 8+ Gen 1: the fullest form names it
            product.mentions.append((m.start, m.end))
            product.evidence.add(m.evidence)
            if m.cue:
                product.evidence.add("cue")
        return products

    def _new_product(self, doc: Document, m: ProductMention) -> Product:
        name = doc.text[m.start:m.name_end]
        record = self.kb.products.get(m.id)
        if record is not None:
            return Product(m.id, name, record["vendor"], record["category"], known=True)
        family = m.family
        if family is None:
            return Product(m.id, name, None, m.category or "other")
        category = (m.category or self.lex.sibling_category.get(family.get("id", ""))
                    or family.get("category") or "other")
        return Product(m.id, name, family.get("vendor"), category, known=True)
