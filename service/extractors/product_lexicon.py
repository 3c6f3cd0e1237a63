"""The words products are found and described by, built once from the data:
launch verbs, category nouns, tiers and the other lists of
service/kb/data/product_lexicon.yaml, and the knowledge base's Latin aliases
and family stems in compact form (Llama3.1 = Llama 3.1 = llama-3.1)."""
from __future__ import annotations

import bisect
import re

from ..nlp.clauses import BRACKETS, QUOTE_MARKS, ClauseSplitter
from ..kb import DATA_DIR, KnowledgeBase
from ..nlp.document import Document
from ..yamlfiles import load_yaml_once
from .product_brand_evidence import BrandNames
from .product_grammar import grammar_data
from .product_pieces import PIECE, compact, split_pieces

LEXICON_FILE = "product_lexicon.yaml"
EXACT_CASE_ALIAS = 2
# Marks around names, shared by the finders and the attachment of vendor and sizes.
# A clause ends at punctuation, a list comma, a bracket or a quote mark (nlp/clauses.py).
CLAUSE_END = ClauseSplitter("、" + BRACKETS + QUOTE_MARKS + '"《》').pattern
BEFORE_NAME = " -:“\"「'"


class WordSet:
    """A word list matched in one regex step: the longest word starting at a
    position, ending at a position, or anywhere in a stretch."""

    def __init__(self, words) -> None:
        self.words = frozenset(words)
        # Longest first, then in code-point order: the same pattern in every process.
        alternation = "|".join(re.escape(w) for w in sorted(self.words, key=lambda w: (-len(w), w))) or "(?!)"
        self._at = re.compile(f"(?:{alternation})")
        self._end = re.compile(f"(?:{alternation})\\Z")
        self.longest = max((len(w) for w in self.words), default=0)

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def starts(self, text: str, pos: int = 0) -> str | None:
        m = self._at.match(text, pos)
        return m.group() if m else None

    def ends(self, text: str, end: int | None = None) -> str | None:
        end = len(text) if end is None else end
        m = self._end.search(text[max(0, end - self.longest):end])
        return m.group() if m else None

    def find(self, text: str, lo: int = 0, hi: int | None = None):
        """The first word in text[lo:hi], as a match, or None."""
        return self._at.search(text, lo, len(text) if hi is None else hi)


SERIES = "系列"


class ProductLexicon:
    def __init__(self, kb: KnowledgeBase, grammar_nouns: dict[str, str], not_codes=()) -> None:
        self.kb = kb
        lex = load_yaml_once(DATA_DIR / LEXICON_FILE)
        key = kb.key
        words = lambda name: WordSet(key(str(w)) for w in lex.get(name) or [])
        self.launch_verbs = words("launch_verbs")
        self.category_of: dict[str, str] = {}
        for category, nouns in (lex.get("category_nouns") or {}).items():
            for noun in nouns:
                self.category_of.setdefault(key(str(noun)), category)
        for noun, category in grammar_nouns.items():
            self.category_of.setdefault(noun, category)
        self.category_nouns = WordSet(self.category_of)
        # 骁龙5G, 天玑 3nm: a network, a unit or a size after a family is no version of it
        # (the grammar's not_codes, product_grammar.yaml).
        self.not_version = re.compile("(?:" + ("|".join(not_codes) or "(?!)") + r")\Z")
        # Q3, H1, L2, V12: a quarter, a half, a level or a version, no bare model (the grammar's
        # not_codes_after_brand).
        self.not_bare_code = re.compile("(?:" + "|".join(grammar_data().get("not_codes_after_brand") or ["(?!)"]) + ")")
        self.cjk_category_nouns = WordSet(n for n in self.category_of if not n.isascii())
        self.tiers = words("tier_words")
        self.hardware_noun_modifiers = words("hardware_noun_modifiers")
        self.generic_latin = words("generic_latin")
        self.naming_verbs = words("naming_verbs")
        self.making_verbs = WordSet(words("making_verbs").words | self.launch_verbs.words)
        self.carry_verbs = words("carry_verbs")
        self.carry_adverbs = words("carry_adverbs")
        self.copulas = words("copulas")
        self.determiners = words("gloss_determiners")
        self.generic_modifiers = words("generic_modifiers")
        self.gloss_left_stops = WordSet(words("gloss_left_stops").words | self.launch_verbs.words)
        self.active_after = words("active_after")
        self.active_before = words("active_before")
        self.size_cues = words("size_cues")
        self.continuations = words("clause_continuations")
        self.comparison_markers = words("comparison_markers")
        self.context_cues = words("context_cues")
        self.not_after_version = words("not_after_version")
        self.standard_nouns = words("standard_nouns")
        self.attach_joiners = frozenset(key(str(w)) for w in lex.get("attach_joiners") or [])
        self.service_heads = [str(w) for w in lex.get("service_heads") or []]
        # 朋友圈: an app's place people post to, its name an everyday word: key -> (vendor, category)
        self.posting_places = {key(str(p["name"])): (p.get("vendor"), p.get("category"))
                               for p in lex.get("posting_places") or []}
        self.service_heads_latin = [str(w) for w in lex.get("service_heads_latin") or []]
        self.service_head_objects = {str(h): [str(w) for w in ws or []]
                                     for h, ws in (lex.get("service_head_objects") or {}).items()}
        self.service_parts = dict(lex.get("service_parts") or {})
        # Compact forms of every Latin alias -> product id; stems -> their record.
        self.compact_index: dict[str, str] = {}
        # Two-letter aliases match only as the KB writes them: o1 and IG, not 玄戒O1 or Ig.
        self.exact_case: dict[str, set[str]] = {}
        # Aliases ending in one capital after a word (Model S) match only where that letter is a
        # capital: the compact form of an English plural (models) is the same.
        self.capital_tail: set[str] = set()
        # A brand list's Latin names (KnowledgeBase.brand_products) as the list writes them:
        # read apart, and kept with evidence only (product_brand_evidence.py).
        self.brands = BrandNames({str(a): pid for pid, record in kb.brand_products.items()
                                  for a in [record["name"]] + list(record.get("aliases") or [])
                                  if str(a).isascii()}, kb.word_brands)
        for pid, record in kb.products.items():
            for alias in [record["name"]] + list(record.get("aliases") or []):
                alias = str(alias)
                if alias.isascii():
                    c = compact(split_pieces(alias))
                    self.compact_index.setdefault(c, pid)
                    pieces = PIECE.findall(alias)
                    if len(c) <= EXACT_CASE_ALIAS:
                        self.exact_case.setdefault(c, set()).add("".join(pieces))
                    if len(pieces) > 1 and len(pieces[-1]) == 1 and pieces[-1].isupper():
                        self.capital_tail.add(c)
        self.stems: dict[str, dict] = {}
        for stem in lex.get("family_stems") or []:
            self.stems[compact(split_pieces(stem["stem"]))] = stem
        # Every compact alias and stem, sorted: a piece no family's name begins with starts none.
        self.family_keys = sorted(set(self.compact_index) | set(self.stems))
        self.sibling_category = self._sibling_categories()

    def begins_family(self, piece_key: str) -> bool:
        """Some knowledge-base alias or stem starts with this piece (bisect, no pass over them)."""
        i = bisect.bisect_left(self.family_keys, piece_key)
        return i < len(self.family_keys) and self.family_keys[i].startswith(piece_key)

    def _sibling_categories(self) -> dict[str, str]:
        """DeepSeek V2.5 is a model like DeepSeek-V3, though DeepSeek alone is the app:
        a family's versions take the category of the KB's versioned products."""
        out: dict[str, str] = {}
        items = [(pid, compact(split_pieces(r["name"]))) for pid, r in self.kb.products.items()
                 if str(r["name"]).isascii()]
        # Names sorted, so the names a name begins are one range (thousands of
        # generated products: comparing every pair took seconds).
        order = sorted(range(len(items)), key=lambda i: items[i][1])
        keys = [items[i][1] for i in order]
        for pid, c in items:
            first = None   # the earliest product in KB order, as before
            for j in range(bisect.bisect_left(keys, c), bisect.bisect_right(keys, c + "\uffff")):
                i = order[j]
                other, oc = items[i]
                rest = oc[len(c):] if other != pid else ""
                if (rest[:1].isdigit() or (rest[:1] in ("v", "r") and rest[1:2].isdigit())) and (
                        first is None or i < first):
                    first = i
            if first is not None:
                out[pid] = self.kb.products[items[first][0]]["category"]
        return out

    def noun_after(self, doc: Document, end: int) -> str | None:
        p = end + 1 if doc.key[end:end + 1] == " " else end
        p += 2 if doc.key.startswith(SERIES, p) else 0     # P60系列手机: the line's noun
        noun = self.category_nouns.starts(doc.key, p)
        return self.category_of[noun] if noun else None

    def chip_noun_after_modifier(self, doc: Document, end: int) -> str | None:
        """K900 AI 晶片, Q780 自研芯片: a device's category noun after a modifier word
        (product_lexicon.yaml: hardware_noun_modifiers), a space allowed on each side; "hardware"
        or None. For a model code only: a word name before it (Nimbus AI晶片) is the modifier's."""
        key = doc.key
        p = end + 1 if key[end:end + 1] == " " else end
        modifier = self.hardware_noun_modifiers.starts(key, p)
        if modifier is None:
            return None
        p += len(modifier)
        p += key[p:p + 1] == " "
        noun = self.category_nouns.starts(key, p)
        return "hardware" if noun and self.category_of[noun] == "hardware" else None

    def noun_before(self, doc: Document, start: int) -> str | None:
        """The category of a Chinese category noun that ends right before `start` (one space
        between allowed): 外送平台 Quillbox."""
        p = start - 1 if start and doc.key[start - 1] == " " else start
        noun = self.cjk_category_nouns.ends(doc.key, p)
        return self.category_of[noun] if noun else None

    def quantity_follows(self, doc: Document, end: int) -> bool:
        p = end + 1 if doc.key[end:end + 1] == " " else end
        return self.not_after_version.starts(doc.key, p) is not None

    def names_other(self, key: str) -> bool:
        """A word that names an organisation or is too generic to name a technology (Intel, CPU)."""
        if key in self.generic_latin:
            return True
        return any(e.kind != "product" for e in self.kb.aliases.get(key, ()))
