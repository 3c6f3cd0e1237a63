"""Car model names the car's own evidence names (cases in tests/extractors/cases/product_cars.yaml):

- 汉 EV、唐 DM-i、海豹 07 DM-i、宋 PLUS EV: a car line whose word alone is an ordinary word
  (product_grammar.yaml series with `car: true`: 汉, 海豹) followed by a powertrain
  (`powertrain_suffixes`: EV, DM-i, PHEV, 增程版) is that maker's car even without its brand;
  the powertrain is no part of the name (汉 EV is 汉), a code or a member word between is
  (海豹 07, 宋 PLUS, 宋 L).
- 海豹 06 GT、海鸥 05 Pro: such a line, a two-digit model code and a trim word after it (the
  grammar's Latin `suffixes` of two letters or more: GT, Pro, Plus) names the car with its trim,
  no powertrain needed; the word alone, or with a code and no trim, is not enough.
- 新车星溯将于10月13日上市, 新款SUV云舟已交付: a car noun (`car_nouns`: 新车, 车型, SUV …)
  right before a Chinese word of two to four characters and a launch, delivery or price cue
  after it (a date or 将/已/于 between allowed) names a car; the brand named just before the
  noun in the clause, if any, is its vendor.

Both are found by one regular-expression search each over the key view; every check after
a match is bounded: linear in the text.
"""
from __future__ import annotations

import re

from .. import deadline
from ..ids import name_id
from ..nlp.document import Document
from .product_grammar import Found, ProductGrammar, alternation, slug

# The code or member words between a car line and its powertrain (海豹 07, 宋 PLUS, 宋 L).
LINE_CODE = r"(?: ?(?:[0-9]{2}(?![0-9])|plus|pro|max|ultra|gt|[a-z](?![a-z0-9])|[a-z](?=dm|ev|em))){0,2}"
# A trim word after a car's two-digit code (GT, Pro, Plus: the grammar's Latin suffixes).
TRIM_WORD = re.compile(r"[A-Za-z]{2,}")
# Tags of a word that cannot be a car's name: adverbs, times, numbers, pronouns, prepositions,
# conjunctions, particles, places (新车今年上市, 新车正式交付, 车型国内上市).
NOT_NAME_TAGS = frozenset({"d", "ad", "t", "m", "mq", "q", "r", "p", "c", "u", "uj", "ul", "uz", "ug", "uv",
                           "f", "s", "ns", "x", "eng", "y", "e", "o", "zg", "b"})
FUNCTION_FIRST = frozenset("的之了是在把被很不可能会将让令使由对和与及或也都还就又再所其该此这那各每某本新旧全首")
# A date or an auxiliary between a car's name and its cue (将于10月13日, 已于, 也将).
CUE_BRIDGE = (r"(?:也|还|将|已|已经|正式|即将|计划|预计|于|将于|已于|在){0,3}"
              r"(?: ?[0-9]{1,4} ?年)?(?: ?[0-9]{1,2} ?月)?(?: ?[0-9]{1,2} ?[日号])? ?(?:正式)?")
CUE_REACH = 16     # characters from a car noun to its cue
# What ends the clause before a car noun, in which its brand is looked for.
BRAND_CLAUSE_END = re.compile(r"[，。；！？,;!?]")


class CarNames:
    def __init__(self, key, grammar: ProductGrammar, data: dict, not_names, is_word) -> None:
        self.is_word = is_word
        self.not_names = not_names
        brand_names: dict[str, str] = {}
        for b in data.get("brands") or []:
            if b.get("vendor"):
                brand_names.setdefault(b["vendor"], b["name"])    # BYD's, not its Denza's
        self.lines: dict[str, dict] = {}
        for series in data.get("series") or []:
            if series.get("car"):
                for w in series["words"]:
                    self.lines[key(str(w))] = {**series, "brand_name": brand_names.get(series.get("vendor"), "")}
        powertrains = sorted({key(str(s)) for s in data.get("powertrain_suffixes") or []}, key=len, reverse=True)
        self.powered_line = re.compile(
            rf"({alternation(self.lines) or '(?!)'})({LINE_CODE}) ?(?:{alternation(powertrains) or '(?!)'})(?![a-z0-9])")
        trims = sorted({key(str(s)) for s in data.get("suffixes") or [] if TRIM_WORD.fullmatch(str(s))}, key=len, reverse=True)
        self.trimmed_line = re.compile(
            rf"({alternation(self.lines) or '(?!)'}) ?([0-9]{{2}}) ?({alternation(trims) or '(?!)'})(?![A-Za-z0-9])")
        nouns = [key(str(w)) for w in data.get("car_nouns") or []]
        cues = [key(str(w)) for w in data.get("car_launch_cues") or []]
        self.noun_name = re.compile(
            rf"(?:{alternation(nouns) or '(?!)'}) ?([\u4e00-\u9fff]{{2,4}}?){CUE_BRIDGE}(?:{alternation(cues) or '(?!)'})")
        self.brand_words = sorted((k for k, (kind, _) in grammar.anchor_of.items() if kind == "brand" and not k.isascii()),
                                  key=len, reverse=True)
        self.brand_of = {k: rec for k, (kind, rec) in grammar.anchor_of.items() if kind == "brand"}

    def find(self, doc: Document, blocked=frozenset()) -> list[Found]:
        powered = self.powered_lines(doc, blocked)
        return powered + self.trimmed_lines(doc, {f.start for f in powered}, blocked) + self.noun_named(doc, blocked)

    def powered_lines(self, doc: Document, blocked=frozenset()) -> list[Found]:
        """汉 EV, 海豹 07 DM-i: a car line, its code, then a powertrain; the name ends before it."""
        key, norm = doc.key, doc.norm
        out: list[Found] = []
        for m in self.powered_line.finditer(key):
            deadline.check("products")
            start = m.start()
            if not doc.starts_token(start) and self.is_word(key[start - 1:m.end(1)]):
                continue     # 武汉 EV: the line's word inside a dictionary word (如汉 is none)
            code, end = m.group(2), m.end(2)
            if any(len(piece) == 1 and piece.islower() for piece in norm[m.start(2):end].split()):
                continue     # 宋 L: a capital letter, not a word's
            if (start, end) in blocked:
                continue
            line = self.lines[m.group(1)]
            pid = slug(" ".join(p for p in (line["brand_name"], line["name"], code.strip()) if p))
            out.append(Found(start, end, pid, line["name"], line.get("vendor"), line.get("category") or "hardware",
                             code.strip(), evidence="grammar", car=True))
        return out

    def trimmed_lines(self, doc: Document, taken: set[int], blocked=frozenset()) -> list[Found]:
        """海豹 06 GT: a car line, a two-digit code and a trim word; the trim is part of the name."""
        key = doc.key
        out: list[Found] = []
        for m in self.trimmed_line.finditer(key):
            deadline.check("products")
            start, end = m.start(), m.end()
            if start in taken or (start, end) in blocked:
                continue
            if not doc.starts_token(start) and self.is_word(key[start - 1:m.end(1)]):
                continue     # the line's word inside a dictionary word
            line = self.lines[m.group(1)]
            code = f"{m.group(2)} {m.group(3)}"     # 海豹06GT and 海豹 06 GT: one car
            pid = slug(" ".join(p for p in (line["brand_name"], line["name"], code) if p))
            out.append(Found(start, end, pid, line["name"], line.get("vendor"), line.get("category") or "hardware",
                             code, evidence="grammar", car=True))
        return out

    def noun_named(self, doc: Document, blocked=frozenset()) -> list[Found]:
        """新车星溯将于…上市: a car noun, a Chinese name, a launch cue."""
        key, norm = doc.key, doc.norm
        out: list[Found] = []
        for m in self.noun_name.finditer(key):
            deadline.check("products")
            start, end = m.start(1), m.end(1)
            if not (doc.starts_token(start) and doc.starts_token(end)):
                continue
            word = key[start:end]
            if word in self.not_names or word[0] in FUNCTION_FIRST or (start, end) in blocked:
                continue
            i = doc.token_index_at(start)
            tokens = []
            while i < len(doc.tokens) and doc.tokens[i].start < end:
                tokens.append(doc.tokens[i])
                i += 1
            if len(tokens) > 2 or any(t.pos in NOT_NAME_TAGS or key[t.start:t.end] in self.not_names for t in tokens):
                continue
            vendor = self._brand_before(key, m.start())
            out.append(Found(start, end, name_id(norm[start:end]), norm[start:end], vendor, "hardware",
                             evidence="gloss-name"))
        return out

    def _brand_before(self, key: str, at: int) -> str | None:
        """云驰的另一款新车: a car maker's word in the clause before the car noun gives the vendor."""
        lo = max(0, at - CUE_REACH)
        clause = BRAND_CLAUSE_END.split(key[lo:at])[-1]
        for w in self.brand_words:
            if w in clause:
                return self.brand_of[w].get("vendor")
        return None

