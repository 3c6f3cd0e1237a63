"""The product grammar's names as product mentions: each name the grammar or a
noun reads (product_grammar.py, product_explained_names.py) takes the
knowledge base's id where the KB holds it; a knowledge-base family and
version of the same maker give way to it; short forms and sibling codes
(X8 Pro after Find X8 Pro, M2 beside M4) add mentions after the rest are
resolved."""
from __future__ import annotations

import bisect
import re

from ..nlp.document import Document
from .product_code_forms import CodeForms
from .product_explained_names import ExplainedNames
from .product_grammar import Found, ProductGrammar
from .product_cars import CarNames
from .product_coded_lines import coded_lines
from .product_craft_names import craft_names
from .product_arms_codes import arms_codes
from .product_head_names import BrandNamedModels, HeadNames, maker_named_models
from .product_platform_use import posting_places, PlatformUse
from .product_lexicon import EXACT_CASE_ALIAS, ProductLexicon, WordSet
from .product_maker_codes import MakerCodes, org_suffix_words
from .product_service_names import ServiceNames
from .scan_gates import first_chars
from ..quantities.units import LEXICON as QUANTITY_LEXICON
from .product_mention import ProductMention
from .product_pieces import compact_text, slug_parts


STANDARD_REACH = 12     # characters of an instruction set's or standard's name around a reading (Arm v10)
# 特斯拉Model 3, tesla model 3 (key view): a maker's word, then a Latin code with a digit.
MAKER_BEFORE_CODE = re.compile(r"([a-z][a-z\-]{1,11} |[\u4e00-\u9fff]{2,4} ?)([a-z][a-z0-9+\- ]*[0-9][a-z0-9+\- ]*)")
GIVEN_AND_SURNAME = re.compile(r"(?<![A-Za-z])([A-Z][a-z]+) ([A-Z][A-Za-z]+)(?![A-Za-z0-9])")


class Spans:
    """Spans taken, asked whether a span overlaps any of them (start < end' and start' < end)
    in log time: the starts sorted, with the furthest end among the spans starting at or
    before each, so a text of many names costs n log n, not names times names."""

    def __init__(self, spans) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.reach = []
        furthest = None
        for _, e in spans:
            furthest = e if furthest is None or e > furthest else furthest
            self.reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)     # the spans that start before `end`
        return i > 0 and self.reach[i - 1] > start


# Kinds of organisation (the knowledge base's `type`) that are public bodies: no maker of apps.
PUBLIC_BODY_TYPES = frozenset({"government", "party"})


class GrammarMentions:
    def __init__(self, lex: ProductLexicon, grammar: ProductGrammar, explained: ExplainedNames) -> None:
        self.lex = lex
        self.grammar = grammar
        self.forms = CodeForms(grammar)
        self.explained = explained
        self.maker_codes = MakerCodes(grammar, lex.kb.key, org_suffix_words())
        body_lex = lex.kb.lex
        self.services = ServiceNames(
            lex.kb.key, lex.service_heads, lex.service_heads_latin,
            body_endings=body_lex.get("public_body_kinds", frozenset()) | body_lex.get("government_endings", frozenset())
            | body_lex.get("tagged_body_endings", frozenset()),
            not_body_endings=body_lex.get("not_public_endings", frozenset()),
            currencies=[w for c in QUANTITY_LEXICON.get("currencies") or [] for w in c.get("words") or []],
            products=lex.kb.products, head_objects=lex.service_head_objects,
            public_body=lambda oid: (lex.kb.organizations.get(oid) or {}).get("type") in PUBLIC_BODY_TYPES)
        # 人工智能模型DeepSeek: the nouns that say a model (key view).
        self.model_nouns = WordSet(n for n, c in lex.category_of.items() if c == "model")
        apps = frozenset(k for k, entries in lex.kb.aliases.items() if not k.isascii() and any(
            e.kind == "product" and (lex.kb.products.get(e.id) or {}).get("category") in ("app", "platform", "service")
            for e in entries))
        # 大众速腾: car makers' Chinese brand words (the grammar's brands whose models may be letters).
        car_brands = {lex.kb.key(str(w)): b.get("vendor") for b in grammar.data.get("brands") or []
                      if b.get("letter_codes") for w in b.get("words") or [] if not str(w).isascii()}
        self.platforms = PlatformUse(lex.names_other, lex.tiers,
                                     lambda word: any(e.kind == "product" for e in lex.kb.aliases.get(word, ())),
                                     apps.__contains__,
                                     lambda word: next((e.id for e in lex.kb.aliases.get(word, ()) if e.kind == "organization"
                                                        and (lex.kb.organizations.get(e.id) or {}).get("type") == "company"), None),
                                     lambda word: next((e.id for e in lex.kb.aliases.get(word, ()) if e.kind == "product"), None))
        self.head_names = HeadNames(lex.kb.key, grammar.data, explained.is_word,
                                    frozenset(lex.category_of) | frozenset(explained.category_nouns)
                                    | lex.generic_modifiers.words
                                    # 谷歌实验室平台: a kind of organisation before the head is its owner's
                                    | lex.kb.org_suffixes)
        not_cars = frozenset(lex.kb.key(str(w)) for w in grammar.data.get("not_car_names") or [])
        self.car_models = BrandNamedModels(car_brands, self.head_names.not_names | self.head_names.nouns
                                           | frozenset(grammar.maker_words) | not_cars, lex.names_other, explained.is_word)
        # 汉 EV, 新车星溯将于…上市: a car's name by its powertrain or a car noun and a launch cue.
        self.cars = CarNames(lex.kb.key, grammar, grammar.data, self.car_models.not_names, explained.is_word)
        # 荣耀发布X50, 小米新款14, 华为手机P70: a launch verb, modifier or noun is no line's name.
        plain = lex.launch_verbs.words | lex.generic_modifiers.words | lex.gloss_left_stops.words \
            | frozenset(lex.category_of) | frozenset(explained.category_nouns)
        plain |= frozenset(grammar.maker_words)
        aliases = lex.kb.aliases
        # 华为昇腾910B, 三星电子S24: a word the knowledge base names (a product, a company) is no line.
        grammar.plain_word = lambda word: word in plain or word in aliases
        # Instruction sets and standards (CONVENTIONS 12) are no products, whoever reads them.
        # (behind a look-ahead of the standards' first characters where they have a class of them:
        # the look-behind first, the pattern was tried at every character of each window)
        standards = grammar.data.get("not_products") or ["(?!)"]
        ahead = first_chars(standards)
        self.standards = re.compile(("" if ahead is None else f"(?={ahead})") + r"(?<![a-z0-9])(?:"
                                    + "|".join(standards) + r")(?![a-z0-9])")

    def mentions(self, doc: Document, blocked: dict) -> list[ProductMention]:
        """Names the product grammar (product_grammar.py) and nouns (product_explained_names.py) read."""
        launched = lambda key, before: self.lex.launch_verbs.ends(before) is not None
        found = self.grammar.find(doc, self.lex.quantity_follows, blocked)
        grammar_taken = Spans((f.start, f.end) for f in found)
        found += [f for f in self.maker_codes.find(doc, blocked)      # 星翼A7 Pro: the maker's short name
                  if not grammar_taken.overlaps(f.start, f.end)]
        found = self._not_surnames(doc, found)
        found += self.explained.quoted(doc, blocked, launched, self.lex.names_other, self._last_launch_verb)
        self.forms.without_generation(found)
        taken = Spans((f.start, f.end) for f in found)
        # A bare S25 FE whose code a grammar name holds (Find X8 Pro … X8 Pro) is left to the short forms.
        codes = {f.code for f in found if f.code}
        found += [f for f in (self.explained.named_technologies(doc, self.lex.names_other, blocked)
                              + [b for b in self.grammar.bare_members(doc, blocked) if b.code not in codes]
                              + self.explained.titled_apps(doc, blocked)
                              + self.explained.letter_lines(doc, blocked)
                              + self.explained.trademarks(doc, self.lex.names_other, blocked)
                              + self.explained.block_codes(doc, self.lex.quantity_follows, blocked)
                              + self.explained.listed(doc, self.lex.names_other, blocked)
                              + self.explained.listed_before_etc(doc, self.lex.names_other, blocked)
                              + self.explained.named_apps(doc, self.lex.names_other, blocked)
                              + self.services.find(doc, blocked)
                              + self.head_names.find(doc, self._maker_ends(doc), self.lex.names_other, blocked)
                              + maker_named_models(doc, self.model_nouns)
                              + self.platforms.find(doc, blocked, self._company_spans(doc))
                              + self.platforms.owned(doc, self.lex.generic_latin.__contains__)   # a company's name too: both
                              + posting_places(doc, self.lex.posting_places, blocked, self.explained.is_word)
                              + coded_lines(doc, self.lex.names_other, self._no_model_code, blocked)
                              + craft_names(doc, self.lex.names_other, blocked)
                              + arms_codes(doc, self.lex.names_other, blocked)
                              + self.car_models.find(doc)
                              + self.cars.find(doc, blocked))
                  if not taken.overlaps(f.start, f.end)]
        found = self.outside_standards(doc, found)
        for f in found:
            # RTX 4090 is the knowledge base's GeForce RTX 4090, 小米14 Ultra a KB product if
            # the KB holds it: its id, vendor and category.
            name = doc.norm[f.start:f.end]
            known = [e.id for e in self.lex.kb.aliases.get(doc.key[f.start:f.end], ()) if e.kind == "product"]
            if known:
                f.id = known[0]
                continue
            glued = self._makers_own_product(doc.key[f.start:f.end])
            if glued is not None:
                f.id = glued     # 特斯拉Model 3: the maker's own KB product's id (model-3)
                continue
            c = compact_text(name) if name.isascii() else ""
            if len(c) > EXACT_CASE_ALIAS and c in self.lex.compact_index:
                f.id = self.lex.compact_index[c]
        return [self._from_found(f) for f in found]

    def _makers_own_product(self, key: str) -> str | None:
        """特斯拉Model 3, 特斯拉 Model 3 (key view): a maker's name glued before a knowledge-base
        product of that maker's is that product; None where the words do not split so."""
        m = MAKER_BEFORE_CODE.fullmatch(key)
        return None if m is None else self.own_product(m.group(1).strip(), m.group(2))

    def own_product(self, maker: str, rest: str) -> str | None:
        """The id of the knowledge-base product `rest` names (key form) whose vendor is an
        organisation `maker` names (key form): 特斯拉 + model 3 → model-3; else None."""
        aliases = self.lex.kb.aliases
        makers = {e.id for e in aliases.get(maker, ()) if e.kind == "organization"}
        if not makers:
            return None
        return next((e.id for e in aliases.get(rest, ()) if e.kind == "product"
                     and self.lex.kb.products.get(e.id, {}).get("vendor") in makers), None)

    @staticmethod
    def _company_spans(doc: Document) -> frozenset[tuple[int, int]]:
        """The spans the knowledge base gives to an organisation and nothing else (推特, 知乎)."""
        return frozenset((g.start, g.end) for g in doc.layers["gazetteer"]
                         if g.of_kind("organization") and not g.of_kind("person") and not g.of_kind("product"))

    def _no_model_code(self, code: str) -> bool:
        """5G, 4K, Q3, 3nm: a code that is no model (the grammar's not_codes, key view)."""
        return self.lex.not_version.fullmatch(code) is not None or self.lex.not_bare_code.fullmatch(code) is not None

    @staticmethod
    def _maker_ends(doc: Document) -> dict[int, str]:
        """Where each organisation's mention ends (宁德时代|麒麟电池), and its id."""
        orgs = doc.layers.get("organizations")
        return {e: ent.id for ent in orgs.by_id.values() for _, e in ent.mentions} if orgs is not None else {}

    def outside_standards(self, doc: Document, items: list) -> list:
        """Armv9.2, X-86, RISC-V, Wi-Fi 7 (CONVENTIONS 12): a name inside an instruction set's or a
        standard's (Arm v10, or its v10 alone) is no product. Items are Founds or mentions."""
        key = doc.key
        search, finditer = self.standards.search, self.standards.finditer
        out = []
        for m in items:
            # Only the few characters around each name are searched (an instruction set's name
            # is short): no scan of the whole text. Most windows hold no standard at all: one
            # search (finditer's first match) answers those before any iterator is built.
            end = getattr(m, "name_end", m.end)
            lo, hi = max(0, m.start - STANDARD_REACH), end + STANDARD_REACH
            if search(key, lo, hi) is None or not any(s.start() <= m.start and end <= s.end()
                                                      for s in finditer(key, lo, hi)):
                out.append(m)
        return out

    def _not_surnames(self, doc: Document, found: list[Found]) -> list[Found]:
        """A line's bare name that the text also writes after a given name (Carol Surface … Surface
        即將離職) is a person's surname there, and in all its bare mentions: no product. A maker's
        name before it (Intel Xe) is no given name."""
        surnames: set[str] | None = None
        out = []
        for f in found:
            text = doc.norm[f.start:f.end]
            if f.code == "" and f.suffix == "" and text.isascii() and text.isalpha():
                if surnames is None:      # one pass over the text, the first time a bare name needs it
                    surnames = {g.group(2) for g in GIVEN_AND_SURNAME_SCAN.finditer(doc.norm)
                                if not self.lex.names_other(g.group(1).lower())
                                and g.group(1).lower() not in self.grammar.anchor_of}
                if text in surnames:
                    continue
            out.append(f)
        return out

    def _last_launch_verb(self, text: str) -> int | None:
        """Where the last launch verb in a clause ends (None if it has none)."""
        end, pos = None, 0
        while (m := self.lex.launch_verbs.find(text, pos)) is not None:
            end, pos = m.end(), m.end()
        return end

    @staticmethod
    def prefer_grammar(candidates: list[ProductMention], grammar: list[ProductMention]) -> list[ProductMention]:
        """A family and version read off the knowledge base give way to the grammar's name
        where the grammar's starts inside it: HUAWEI Mate 60 Pro is Mate 60 Pro (vendor
        Huawei), so 华为Mate X5 and a later Mate X5 are one product; RTX 4090 24GB is RTX 4090
        and its memory. Only a reading of the same maker gives way (Amazon Nova 2 is no
        Huawei nova); a knowledge-base product's own alias stays."""
        # By start alone: a family may have no vendor (None), which no string sorts beside.
        found = sorted(((g.start, g.family["vendor"]) for g in grammar if g.evidence == "grammar"),
                       key=lambda found: found[0])
        if not found:
            return candidates
        starts = [start for start, _ in found]

        def overlapped(c: ProductMention) -> bool:
            i = bisect.bisect_left(starts, c.start)
            vendor = (c.family or {}).get("vendor")
            while i < len(found) and found[i][0] < c.end:
                if found[i][1] == vendor:
                    return True
                i += 1
            return False

        return [c for c in candidates if not (c.evidence in ("kb-family", "stem") and overlapped(c))]

    @staticmethod
    def _from_found(f: Found, start: int | None = None, end: int | None = None) -> ProductMention:
        family = {"name": f.name, "vendor": f.vendor, "category": f.category, "found": f}
        start = (f.start if f.lead is None else f.lead) if start is None else start
        end = f.end if end is None else end
        return ProductMention(start, end, end, f.id, family, f.evidence, category=f.category)

    def short_form_mentions(self, doc: Document, mentions: list[ProductMention], grammar: list[ProductMention]) -> list[ProductMention]:
        """X8 Pro after Find X8 Pro: the code and suffixes alone name the same product."""
        kept = {id(m) for m in mentions}
        found = [m.family["found"] for m in grammar if id(m) in kept]
        if not found:
            return mentions
        taken = {i for m in mentions for i in range(m.start, m.end)}
        extra = [self._from_found(f, s, e) for s, e, f in self.forms.short_forms(doc, found, taken)]
        taken.update(i for m in extra for i in range(m.start, m.end))
        extra += [self._from_found(f, s, e) for s, e, f in self.forms.open_line_forms(doc, found, taken)]
        return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions

    def sibling_mentions(self, doc: Document, mentions: list[ProductMention]) -> list[ProductMention]:
        """M2 beside M4 (the grammar's sibling codes): same maker and kind, a product of its own."""
        bare: dict[str, ProductMention] = {}
        own: set[str] = set()
        for m in mentions:
            code = doc.key[m.start:m.name_end]
            if code.isalnum() and code.isascii() and len(code) <= 6:
                bare.setdefault(code, m)
                own.add(code)
            found = (m.family or {}).get("found")
            if found is not None and found.evidence == "grammar" and not found.name and found.suffix:
                bare.setdefault(found.code, m)    # S25 FE: S25 and S26 are its line's other models
        if not bare:
            return mentions
        taken = {i for m in mentions for i in range(m.start, m.end)}
        extra = []
        for start, end, code in self.forms.siblings(doc, bare, taken, self.lex.quantity_follows, own):
            known = bare[code]
            record = self.lex.kb.products.get(known.id) or known.family or {}
            family = {"name": "", "vendor": record.get("vendor"),
                      "category": record.get("category") or known.category, "sibling_of": known.id}
            pid = slug_parts([doc.key[start:end]])
            extra.append(ProductMention(start, end, end, pid, family, "sibling", category=family["category"]))
        return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions


# GIVEN_AND_SURNAME for a scan of the whole text: the look-behind after the first capital, so
# that `re` skips to one in C (1.0 -> 0.4 ms a corpus pass; tests/extractors/test_scan_gates.py
# holds the two equal).
GIVEN_AND_SURNAME_SCAN = re.compile(r"([A-Z](?<![A-Za-z][A-Z])[a-z]+) ([A-Z][A-Za-z]+)(?![A-Za-z0-9])")
