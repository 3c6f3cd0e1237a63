"""The product-name grammar: [brand] [series] code [suffix ...].

The words come from service/kb/data/product_grammar.yaml (brands with their
vendor, series with vendor and category, suffix words, codes that are no
model); this module holds only the rules, and its case table is
tests/extractors/cases/product_names.yaml:

- Galaxy S24 Ultra, Ryzen 7 7840HS, Core i9-14900K: a series, a model code,
  suffixes. The vendor and category are the series'.
- 小米14 Ultra, 尼康Z8, 索尼A7M4, 佳能R5 Mark II: a brand glued to a code; the
  brand is part of the name. A bare number needs a `numbered` brand (小米14,
  not 华为5).
  A chip maker's brand is not (苹果M3 Max is M3 Max: `in_name: false`).
- 三星Galaxy S24: a brand before a series is the vendor, not part of the name.
- 比亚迪汉, 比亚迪海豹06, 大疆Mini 4 Pro: a series that is an ordinary word alone
  counts only after its brand, and the brand is then part of the name.
- RF 24-70mm F2.8 L IS USM: a lens mount takes a focal length, an aperture and
  lens letters as its code, so the sizes stay inside the name; ColorOS 15,
  MagicOS 9.0: a platform series takes a dotted version.
- Codes that are sizes, units, networks, quarters or versions are no model
  (5G, 3nm, 24-70mm; Q3 and V12 right after a brand).
- S25 FE, X200 Pro: a bare code with a member suffix.
- Short forms (product_code_forms.py): after Find X8 Pro, a bare X8 Pro names the
  same product; after 佳能R5 Mark II, a bare R5 does too when no other product has
  that code; 骁龙 8+ beside 骁龙 8+ Gen 1; 海豹06 after 比亚迪海豹06.
- Sibling codes (product_code_forms.py): beside a product named by a bare code
  (M4晶片), another code of the same letters and length (M2) names a sibling product.

Names a noun explains (名为“星河”的大模型, Lunar Lake) are read by
product_explained_names.py from the same data file.

A family named alone (Snapdragon) and a member (Snapdragon 8 Gen 3) are two
products; inside the member's name the family is only its prefix and no
mention of the family.

Anchors (brand and series words) are found in one Aho-Corasick pass over the
key view; what follows each anchor is read by anchored regexes whose
quantifiers are all bounded, so the whole is linear in the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..nlp import automata as ahocorasick_rs   # ahocorasick_rs whose searches of one text share a pass

from .. import deadline
from ..ids import name_id
from ..kb import DATA_DIR
from ..nlp.document import Document
from ..yamlfiles import load_yaml

GRAMMAR_FILE = "product_grammar.yaml"
LATIN = re.compile(r"[a-z0-9]")
# A code piece: letters then digits (s24, a7m4, su7, i9) or digits then letters (14, 7840hs).
# Trailing letters never start a suffix word (x8pro = x8 + pro).
PIECE = r"[a-z]{{1,3}}[0-9]{{1,5}}(?:(?!{suf})[a-z]{{1,3}}(?:[0-9]{{1,2}})?)?|[0-9]{{1,5}}(?:(?!{suf})[a-z]{{1,3}})?"
MAX_SUFFIXES = 4
VERSION_CODE = re.compile(r"[0-9]{1,2}(?:\.[0-9]{1,2}){0,2}(?![0-9.])")
NON_SLUG = re.compile(r"[^a-z0-9.]+")
TWO_DIGITS = re.compile(r"[0-9]{2}(?![0-9])")
# 比亚迪汉L, 唐 L: one capital letter standing alone after a car line's word is its member (汉L, not 汉);
# never a letter that a share, a class or a grade word follows (宋 A股, 汉 B级).
CAR_LETTER = re.compile(r"[a-z](?![a-z0-9.\-+&])(?! ?(?:股|级|級|档|檔|型|柱|点|點|字|类|類|轮|輪))")
SPACED_CODE = re.compile(r"[a-z] [0-9]+")        # Z 8
CODE_JOINS = re.compile(r"[ \-]")
HAS_LETTER = re.compile(r"[a-z]")
SUFFIX_JOINS = re.compile(r"(?<=[a-z])(?=\+)|(?<=[0-9])(?=[a-z])|(?<=gen)(?=[0-9])")   # pro+ -> pro +, gen3 -> gen 3
BARE_CODE = re.compile(r"([a-z]{1,2})([0-9]{1,4})")
ROMAN = re.compile(r"[ivx]+")
SIZE_GOES_ON = re.compile(r"[-/.×x*][0-9]")
CJK_NUMERALS = frozenset("零〇一二两三四五六七八九十百千万亿")
LETTER_MEMBER = re.compile(r"[a-z](?![a-z0-9])")
LETTER_CODE = re.compile(r"[a-z]{1,3}(?![a-z0-9])")
BRAND_LETTER_CODE = re.compile(r"([a-z]{2,4})(?: [0-9]{1,2})?(?![a-z0-9.])")    # 奔驰EQS, 吉利ACE 3
NETWORK_SUFFIXES = ("5g",)
# A word no list holds after a brand, as a line's name (Axon, Play): capitalised, letters only.
# X-Pro: one capital, a hyphen and a capitalised word (a line of capitals glued to a word).
OPEN_SERIES = re.compile(r"(?:[A-Z]-[A-Z][a-z]{1,9}|[A-Z][a-z]{2,9})(?![A-Za-z])")
DIGIT_RANGE = re.compile(r"[0-9]{1,2}-[0-9]{1,2}")
YEAR = re.compile(r"(?:19|20)[0-9]{2}")
CJK_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")
# The segmenter's tags of a word that may name a line (畅玩 v, 银河 n, 海狮 nz): not an adverb,
# a time, a number, a measure word, a preposition, a conjunction, a particle or a pronoun.
VERB_TAGS = frozenset({"v", "vn"})
CONTENT_TAGS = frozenset({"n", "nz", "nr", "ns", "nt", "v", "vn", "an", "a", "nrt", "nrfg", "j", "l", "i"})
MAKER_COMPANY = "汽车"      # key view (汽車 too)
WORD_BEFORE = re.compile(r"(?<![a-z0-9])([a-z][a-z0-9]{1,11}) \Z")
# 三星Galaxy Z Fold机型, Snapdragon X系列: the line itself named as one (系列 stays out of its name).
FAMILY_NOUN = re.compile(r" ?(?:系列|机型|机种|产品线)")
# AMD CDNA2 Instinct MI200: a Latin word after the name means the maker qualifies more than it.
# Intel Xe GPU架构: a generic word after it does not.
# 华为mate60: a number right after a series (one space allowed).
SERIES_NUMBER_AFTER = re.compile(r" ?[0-9]")
LATIN_WORD_AFTER = re.compile(r" (?!(?:gpu|cpu|npu|apu|soc|ai|pc)(?![a-z]))[a-z]")


class Recounts:
    """How often a name recurs in the text, each name counted once, and at most MAX_RECOUNTS
    names a text (then none recurs): a text of a thousand candidates costs no thousand passes."""
    MAX_RECOUNTS = 32

    def __init__(self, text: str) -> None:
        self.text = text
        self.counts: dict[str, int] = {}

    def __call__(self, name: str) -> int:
        if name not in self.counts:
            if len(self.counts) >= self.MAX_RECOUNTS:
                return 1
            self.counts[name] = self.text.count(name)
        return self.counts[name]


def grammar_data() -> dict:
    """The grammar's words (service/kb/data/product_grammar.yaml)."""
    return load_yaml(DATA_DIR / GRAMMAR_FILE) or {}


def alternation(words) -> str:
    """A regex alternation of words, longest first (then in code-point order, so the
    pattern is the same in every process: service/patterncache.py)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(slots=True)
class Found:
    """One product name the grammar read."""
    start: int
    end: int
    id: str
    name: str            # the family's name in ids (Galaxy, Xiaomi) — the text is the span
    vendor: str | None
    category: str | None
    code: str = ""       # key form, spaces kept (s24, r5, 7 7840hs)
    suffix: str = ""     # key form after the code (ultra, mark ii)
    evidence: str = "grammar"
    lead: int | None = None   # where a Latin maker written before the name starts (AMD EPYC 9965)
    line_start: int | None = None   # 比亚迪海豹06: where the name without its maker starts (海豹06)
    open_line: bool = False   # 中兴Velta 70: a line no list holds, read after its brand
    car: bool = False         # 汉 EV: a car read by its powertrain (a generation before it, 第二代秦, is no part)


def slug(text: str) -> str:
    return NON_SLUG.sub("-", text.lower().replace("+", " plus")).strip("-.")


class ProductGrammar:
    def __init__(self, key, data: dict) -> None:
        self.key = key
        self.data = data
        self.anchor_of: dict[str, tuple[str, dict]] = {}   # key form -> ("brand"|"series", record)
        self.spelled: dict[str, str] = {}                    # Latin series as the maker writes it
        for brand in data.get("brands") or []:
            for w in brand["words"]:
                self.anchor_of.setdefault(key(str(w)), ("brand", brand))
        series_keys = []
        self.series_of: dict[str, dict] = {}
        for series in data.get("series") or []:
            series.setdefault("code", "any")
            for w in series["words"]:
                k = key(str(w))
                self.series_of.setdefault(k, series)
                series_keys.append(k)
                if not series.get("needs_brand"):   # 汉, 海豹 alone: read only after a brand
                    self.anchor_of.setdefault(k, ("series", series))
                if str(w)[:1].isalpha() and str(w).isascii():
                    self.spelled.setdefault(k, str(w))
        self._anchors = list(self.anchor_of)
        self.maker_words = [key(str(w)) for w in data.get("maker_words") or []]
        self.plain_word = lambda word: False     # set by the products extractor from its lexicon
        self._automaton = ahocorasick_rs.AhoCorasick(
            self._anchors, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        alt = alternation
        self.series_at = re.compile(f"(?:{alt(series_keys)})")
        suffixes = [key(str(s)) for s in data.get("suffixes") or []]
        # Words of three letters or more (pro, max, ultra) are split off a code they are glued
        # to (x8pro); shorter ones and roman numerals stay in it (7840hs, 14900k, x100vi).
        self.suffix_words = frozenset(suffixes)
        latin_suffixes = [s for s in suffixes if s.isalpha() and s.isascii() and len(s) > 2
                          and not ROMAN.fullmatch(s)]
        suf_guard = f"(?:{alt(latin_suffixes)})(?![a-z])"
        piece = PIECE.format(suf=suf_guard)
        # Ryzen 7 7840HS | Ryzen AI 9 HX 370 | Z 8, Zenbook S 14 | WH-1000XM5 | i9-14900K | S24.
        self.code_at = re.compile(
            rf"(?:[0-9] (?:[a-z]{{1,3}} )?pro [0-9]{{3,5}}[a-z]{{0,3}}"   # Ryzen AI 9 HX PRO 375
            rf"|[0-9] [0-9]{{3,5}}(?:(?!{suf_guard})[a-z]{{1,3}})?|[0-9] [a-z]{{1,3}} [0-9]{{3,4}}[a-z]?"
            rf"|[a-z] [0-9]{{1,2}}(?![0-9a-z])|[0-9][a-z][0-9]{{2,4}}[a-z]?"
            rf"|[a-z]{{2,3}}-[0-9]{{3,5}}(?:[a-z]{{1,3}}[0-9]{{0,2}})?"
            rf"|[a-z]-[a-z]{{1,3}}[0-9]{{1,4}}[a-z]?"      # E-QM5: a letter, a hyphen, a code
            rf"|[a-z]{{2,3}}-[0-9]{{1,2}}(?![0-9])"          # OM-1
            rf"|(?:{piece})(?:-(?:{piece}))?)(?![0-9])")
        # Gen N with any number (Gen 2, Gen 13): a generation, not a list of words.
        self.suffixes_at = self._suffixes_re(suffixes)
        # 海狮07EV: a powertrain glued to a car's code is no part of the code (nor of the name).
        powertrains = sorted({key(str(s)) for s in data.get("powertrain_suffixes") or [] if str(s).isascii()},
                             key=len, reverse=True)
        self.powertrain_tail = re.compile(rf"(?<=[0-9])(?:{alternation(powertrains) or '(?!)'})\Z")
        # A chip's 5G (骁龙778G 5G) says it has a modem; a phone's (Galaxy A55 5G) is its name.
        self.chip_suffixes_at = self._suffixes_re([s for s in suffixes if s not in NETWORK_SUFFIXES])
        # Suffixes that name a member with no code (Quest Pro, Snapdragon X Elite, Quest+).
        alone = [key(str(s)) for s in data.get("suffixes_alone") or []]
        self.alone_at = re.compile(
            rf"[ \-]?(?:gen ?[0-9]{{1,2}}|{alt(alone) or '(?!)'})(?![a-z0-9])")
        # S25 FE, X200 Pro: a bare code and a member suffix.
        members = [key(str(w)) for w in data.get("bare_code_suffixes") or []]
        self.member_suffixes = frozenset(members)
        # (?<![a-z0-9.\-+])[a-z]{1,2}…, with the look-behind after the first letter so that `re`
        # skips to a letter in C (half the scan's time; tests/extractors/test_scan_gates.py)
        self.bare_member_re = re.compile(
            rf"([a-z](?<![a-z0-9.\-+][a-z])[a-z]?[0-9]{{1,4}}[a-z]?)((?: |-)?(?:{alt(members) or '(?!)'})\+?)(?![a-z0-9])")
        # Mate XT, Mate XS: a code of capitals only, unless it is a common abbreviation.
        self.not_letter_codes = {key(str(w)) for w in data.get("not_letter_codes") or []}
        # A lens: focal length or range, aperture, the maker's letters (RF 24-70mm F2.8 L IS USM).
        lens_suffixes = [key(str(w)) for w in data.get("lens_suffixes") or []]
        self.lens_at = re.compile(
            r"(?P<focal>[0-9]{1,3}(?:\.[0-9])?(?:-[0-9]{1,3})?mm)"
            r"(?P<rest>(?: ?f/?[0-9]{1,2}(?:\.[0-9])?(?:-[0-9]{1,2}(?:\.[0-9])?)?)?"
            rf"(?: (?:{alt(lens_suffixes)})(?![a-z0-9])){{0,6}})")
        # Nouns after a car maker's capitals that make them a platform, feature or report (TNGA架构).
        self.feature_at = re.compile("(?:" + (alternation(key(str(w)) for w in (data.get("feature_nouns") or [])
                                                          + (data.get("architecture_nouns") or [])) or "(?!)") + ")")
        self.not_code = re.compile("(?:" + "|".join(data.get("not_codes") or ["(?!)"]) + r")\Z")
        self.not_brand_code = re.compile(
            "(?:" + "|".join(data.get("not_codes_after_brand") or ["(?!)"]) + r")\Z")

    @staticmethod
    def _suffixes_re(suffixes: list[str]) -> re.Pattern:
        return re.compile(
            rf"(?:[ \-]?(?:gen ?[0-9]{{1,2}}|g[0-9]{{1,2}}|(?:[a-z]{{2,10}} )?edition|{alternation(suffixes)})(?![a-z0-9])){{0,{MAX_SUFFIXES}}}")

    def _suffixes_after(self, series: dict | None):
        return self.chip_suffixes_at if series is not None and series.get("chip") else self.suffixes_at

    # ------------------------------------------------------------------ brand, series, code, suffix
    def find(self, doc: Document, stop_after, blocked=frozenset()) -> list[Found]:
        """Every name the grammar reads in the document, left to right.
        `stop_after(doc, end)` says a quantity word follows (小米2024年, 三星8款)."""
        key = doc.key
        out: list[Found] = []
        last = 0
        recounts = Recounts(key)
        for idx, start, end in self._automaton.find_matches_as_indexes(key):
            if start < last:
                continue
            if LATIN.match(key[start]) and start > 0 and LATIN.match(key[start - 1]):
                continue
            if start > 0 and key[start - 1] in CJK_NUMERALS:
                continue   # 十一加12: a sum, not OnePlus
            kind, record = self.anchor_of[self._anchors[idx]]
            if kind == "brand" and (maker := self._maker_before(key, start)) is not None \
                    and maker.get("vendor") != record.get("vendor"):
                # NVIDIA Tesla P100: another maker's word before a brand makes it that maker's line.
                record = {"name": record["name"], "vendor": maker.get("vendor"), "category": maker.get("category")}
            found = self._read(doc, start, end, kind, record, recounts)
            if found is None or (found.start, found.end) in blocked:
                continue
            if (found.code.isdigit() or DIGIT_RANGE.fullmatch(found.code)) and not found.suffix \
                    and stop_after(doc, found.end):
                continue   # 小米14亿, 荣耀200万, 坦克品牌 1-6 月: a number counted or a span of months, no model
            out.append(found)
            last = found.end
        return out

    def _maker_before(self, key: str, start: int) -> dict | None:
        """The brand whose Latin word stands right before start, one space between."""
        if start < 2 or key[start - 1] != " ":
            return None
        m = WORD_BEFORE.search(key, max(0, start - 13), start)
        found = self.anchor_of.get(m.group(1)) if m else None
        return found[1] if found is not None and found[0] == "brand" else None

    def _read(self, doc: Document, start: int, end: int, kind: str, record: dict,
              recounts: Recounts | None = None) -> Found | None:
        if kind == "series":
            if not self._series_ok(doc, start, end) or record.get("needs_brand"):
                return None
            return self._name(doc, None, record, start, end)
        # A brand: with the series after it (三星Galaxy S24, 尼康Z 24-70mm), else with a code.
        key = doc.key
        p = end + (key[end:end + 1] == " ")
        m = self.series_at.match(key, p)
        if m and self.series_of[m.group()].get("needs_brand") and not self.series_of[m.group()].get("any_maker") \
                and self.series_of[m.group()].get("vendor") != record.get("vendor"):
            m = None    # 吉利ACE 3: OnePlus's Ace needs OnePlus, not any maker
        if m and (self._series_ok(doc, m.start(), m.end()) or self._own_series_glued(doc, record, start, end, p, m)):
            found = self._name(doc, record, self.series_of[m.group()], start, m.end(), m.start())
            if found is not None:
                # AMD EPYC 9965, AMD皓龙6274: the maker's Latin name written right before its
                # line is the fullest form of the name (三星Galaxy S24 stays Galaxy S24).
                if found.start == m.start() and key[start].isascii() and not LATIN_WORD_AFTER.match(key, found.end) and (
                        (p == end + 1 and LATIN.match(key[m.start()])) or (p == end and not key[p].isascii())):
                    found.lead = start
                return found
        first = doc.norm[p:p + 1]
        if first.isascii() and first.isupper():       # 中兴Velta 70: a capitalised word
            found = self._open_series(doc, record, start, p)
        elif "\u4e00" <= doc.norm[end:end + 1] <= "\u9fff":   # 吉利海燕E7: a Chinese word
            found = self._word_series(doc, record, start, end, recounts or Recounts(key))
        else:
            found = None
        if found is not None:
            return found
        if key.startswith(MAKER_COMPANY, end) and record.get("in_name", True):
            # 理想汽车L9 is 理想L9: the company's name, then the model's code alone.
            found = self._name(doc, {**record, "in_name": False}, None, start, end + len(MAKER_COMPANY))
            if found is not None and found.code:
                found.id = slug(f"{record['name']} {found.code.replace(' ', '-')} {self._spaced(found.suffix)}")
            return found
        return self._name(doc, record, None, start, end)

    def _open_series(self, doc: Document, brand: dict, start: int, p: int) -> Found | None:
        """中兴Axon 70 Ultra, 荣耀Play9T: a brand, then a capitalised word no list holds and a
        model code with a digit: the word is a line of the brand's (the brand is its vendor,
        not part of the name, as before a known series). A year is no code (华为Connect 2024)."""
        key = doc.key
        w = OPEN_SERIES.match(doc.norm, p)
        if w is None:
            return None
        word = key[w.start():w.end()]
        if word in self.anchor_of or word in self.suffix_words or word in self.not_letter_codes:
            return None
        q = w.end() + (key[w.end():w.end() + 1] in " -")
        c = self.code_at.match(key, q)
        if c is None or not any(ch.isdigit() for ch in c.group()) or YEAR.fullmatch(c.group()):
            return None
        series = {"name": doc.norm[w.start():w.end()], "vendor": brand.get("vendor"),
                  "category": brand.get("category"), "code": "any"}
        if not self._code_ok(c.group(), series, brand):
            return None
        sm = self.suffixes_at.match(key, c.end())
        found = self._named(doc, brand, series, start, w.start(), sm.end(), c.group(),
                            sm.group().strip(" -"), c.start())
        if found is not None:
            found.open_line = True
        return found

    def _word_series(self, doc: Document, brand: dict, start: int, p: int, recounts: Recounts) -> Found | None:
        """荣耀畅玩50, 吉利银河E5, 比亚迪海狮07: a brand, a two-character word the segmenter
        reads as a content word (a noun, a name or a verb, not an adverb, a time, a number or a
        preposition), then a model code: a line no list holds, named with its brand (as 比亚迪汉).
        A launch verb, a modifier or a category noun (荣耀发布X50, 小米新款14, 华为手机P70)
        is no line (`plain_word`, from the products lexicon)."""
        key = doc.key
        if p + 3 > len(key) or not CJK_PAIR.match(key, p):
            return None
        q = p + 2 + (key[p + 2:p + 3] == " ")
        c = self.code_at.match(key, q)      # the code first: most words after a brand have none
        if c is None or not any(ch.isdigit() for ch in c.group()) or YEAR.fullmatch(c.group()) \
                or (c.group().isdigit() and len(c.group()) < 2):
            return None
        if not doc.starts_token(p) or not doc.starts_token(p + 2):
            return None
        token = doc.tokens[doc.token_index_at(p)]
        word = key[p:p + 2]
        if token.end != p + 2 or token.pos not in CONTENT_TAGS or self.plain_word(word) or word in self.anchor_of:
            return None
        series = {"name": word, "vendor": brand.get("vendor"), "category": brand.get("category"),
                  "code": "any", "needs_brand": True}
        if not self._code_ok(c.group(), series, brand):
            return None
        sm = self.suffixes_at.match(key, c.end())
        if token.pos in VERB_TAGS and recounts(key[p:c.end()]) < 2:
            return None     # 苹果搭载M4: a verb once is a verb; 荣耀畅玩50 … 畅玩50: a line's name recurs
        found = self._named(doc, brand, series, start, p, sm.end(), c.group(), sm.group().strip(" -"), c.start())
        if found is not None:
            found.id = name_id(doc.norm[found.start:found.end])    # 荣耀畅玩50 is no 荣耀50
        return found

    def _name(self, doc: Document, brand: dict | None, series: dict | None, start: int, pos: int,
              s_start: int | None = None) -> Found | None:
        """What follows a brand or series: a code, suffixes, and where the name ends."""
        key = doc.key
        s_start = start if s_start is None else s_start
        kind = series["code"] if series is not None else "any"
        code, code_start = "", -1
        if kind == "lens":
            m = self.lens_at.match(key, pos + (key[pos:pos + 1] == " "))
            if m is None:
                return None
            code, code_start, pos = m.group("focal"), m.start(), m.end()
            suffix = m.group("rest").strip().replace("f/", "f")   # f/2.8 = F2.8 in ids
        else:
            if kind != "none":
                reader = VERSION_CODE if kind == "version" else self.code_at
                m = reader.match(key, pos + (key[pos:pos + 1] in " -"))
                if m is None or not self._code_ok(m.group(), series, brand):
                    a = self.alone_at.match(key, pos) if series is not None else None
                    if a is not None:
                        # Ryzen AI PRO 300: a line suffix, then the code after all.
                        c = self.code_at.match(key, a.end() + (key[a.end():a.end() + 1] == " "))
                        if c is not None and not c.group().isalpha() and self._code_ok(c.group(), series, brand):
                            sm = self._suffixes_after(series).match(key, c.end())
                            return self._named(doc, brand, series, start, s_start, sm.end(),
                                               key[pos:c.end()].strip(" -"), sm.group().strip(" -"), -1)
                        sm = self._suffixes_after(series).match(key, a.end())   # Snapdragon XR Gen 2, Quest Pro+
                        return self._named(doc, brand, series, start, s_start, sm.end(), "",
                                           key[pos:sm.end()].strip(" -"), -1)
                    if series is not None and kind in ("any", "letter") and not series.get("needs_brand"):
                        q = pos + (key[pos:pos + 1] == " ")
                        c = LETTER_MEMBER.match(key, q)     # MateBook X Pro: one capital and a line suffix
                        if c is not None and doc.norm[q].isupper() and self.alone_at.match(key, c.end()):
                            sm = self.suffixes_at.match(key, c.end())
                            return self._named(doc, brand, series, start, s_start, sm.end(), c.group(),
                                               sm.group().strip(" -"), q)
                        c = LETTER_CODE.match(key, q)
                        if c is not None and doc.norm[q:c.end()].isupper() and c.group() not in self.not_letter_codes:
                            sm = self._suffixes_after(series).match(key, c.end())
                            return self._named(doc, brand, series, start, s_start, sm.end(), c.group(),
                                               sm.group().strip(" -"), q)
                    if series is None and brand is not None and m is not None and m.group().isdigit() and len(m.group()) <= 3:
                        # 苹果15 Pro, 蘋果16 Plus: a bare number after a brand no number follows alone is
                        # a model where a capitalised tier word follows it (苹果15日, 苹果15%: none)
                        sm = self.suffixes_at.match(key, m.end())
                        at = sm.start() + (key[sm.start():sm.start() + 1] == " ")
                        first = doc.norm[at:at + 1]   # one character, never a copy of the rest
                        if sm.group().strip(" -") and first.isupper() and not LATIN.match(key, sm.end()):
                            return self._named(doc, brand, None, start, s_start, sm.end(), m.group(),
                                               sm.group().strip(" -"), m.start())
                    if series is None and brand is not None and brand.get("letter_codes"):
                        # 奔驰EQS, 红旗HS7: a car maker's models may be capitals alone.
                        q = pos + (key[pos:pos + 1] == " ")
                        c = BRAND_LETTER_CODE.match(key, q)
                        if c is not None and doc.norm[q:c.end(1)].isupper() and c.group(1) not in self.not_letter_codes \
                                and c.group(1) not in self.anchor_of and not self.feature_at.match(key, c.end()):
                            # 广汽AION Y: a brand of its own; 丰田TNGA架构: a platform or a feature
                            sm = self.suffixes_at.match(key, c.end())
                            return self._named(doc, brand, None, start, s_start, sm.end(), c.group(),
                                               sm.group().strip(" -"), q)
                    if series is None and brand is not None:
                        # 高通X Elite: a maker, one capital letter and a line suffix.
                        q = pos + (key[pos:pos + 1] == " ")
                        a = LETTER_MEMBER.match(key, q)
                        if a is not None and doc.norm[q].isupper() and self.alone_at.match(key, a.end()):
                            sm = self._suffixes_after(series).match(key, a.end())
                            return self._named(doc, brand, None, start, s_start, sm.end(), a.group(),
                                               sm.group().strip(" -"), q)
                    if series is not None and not series.get("needs_brand") and FAMILY_NOUN.match(key, pos):
                        # Galaxy Z Fold机型, Galaxy Z Fold系列: the line itself, named as one.
                        return Found(s_start, pos, slug(series["name"]), series["name"], series.get("vendor"),
                                     series.get("category") or "hardware")
                    if series is not None and series.get("bare") and not LATIN.match(key[pos:pos + 1] or " "):
                        # ColorOS: the family; vivo X Fold: a line that needs its brand keeps it
                        first = start if series.get("needs_brand") and brand is not None else s_start
                        name = f"{brand['name']} {series['name']}" if first == start and brand else series["name"]
                        return Found(first, pos, slug(name), name, series.get("vendor"),
                                     series.get("category") or "hardware")
                    return None
                code, code_start, pos = m.group(), m.start(), m.end()
            sm = self._suffixes_after(series).match(key, pos)
            suffix, pos = sm.group().strip(" -"), sm.end()
            if kind == "letter" and not suffix and not any(c.isalpha() for c in code):
                return None   # Find 3, Core 2, Alpha 2: a number alone after an ordinary word
        return self._named(doc, brand, series, start, s_start, pos, code, suffix, code_start)

    def _named(self, doc: Document, brand: dict | None, series: dict | None, start: int, s_start: int,
               pos: int, code: str, suffix: str, code_start: int) -> Found | None:
        key = doc.key
        kind = series["code"] if series is not None else "any"
        glued = 0
        if code and not suffix and (t := self.powertrain_tail.search(code)) is not None:
            glued = len(code) - t.start()    # 海狮07EV: the car 海狮07, its powertrain left out
            pos, code = pos - glued, code[:t.start()]
        if not glued and pos < len(key) and LATIN.match(key[pos]) and LATIN.match(key[pos - 1]):
            return None   # Galaxy S24a…: the name runs on into a word
        if SIZE_GOES_ON.match(key, pos):
            return None   # 尼康Z 24-70mm, 1/1.7英寸: a size or range, no model
        if kind == "none" and key[pos:pos + 1].isdigit():
            m = TWO_DIGITS.match(key, pos)   # 海豹06
            if m is None:
                return None
            code, pos = m.group(), m.end()
        elif kind == "none" and series is not None and series.get("car") and not code and not suffix:
            q = pos + (key[pos:pos + 1] == " ")
            m = CAR_LETTER.match(key, q)
            if m is not None and doc.norm[q].isupper():
                code, pos = m.group(), m.end()       # 比亚迪汉L: the car 汉L
        if series is not None:
            name_start, family, vendor = s_start, series["name"], series.get("vendor")
            if brand is not None and series.get("needs_brand"):
                name_start = start          # 比亚迪汉, 小米平板7: the brand is part of the name
                family = f"{brand['name']} {family}"
                if series.get("any_maker"):
                    vendor = brand.get("vendor")    # 华为平板, 荣耀手环: a device word of any maker
        else:
            name_start, family, vendor = start, brand["name"], brand.get("vendor")
            if not brand.get("in_name", True):
                name_start = code_start     # 苹果M3 Max: the chip is M3 Max, Apple its maker
        category = (series or {}).get("category") or (brand or {}).get("category") or "hardware"
        code_id = (code.replace(" ", "") if SPACED_CODE.fullmatch(code) else code.replace(" ", "-"))  # Z 8 = Z8
        suffix_id = self._spaced(suffix) if suffix.isascii() else name_id(suffix)  # 至尊版 -> zhizunban
        parts = [family if name_start != code_start else "", code_id, suffix_id]
        pid = slug(" ".join(p for p in parts if p))
        if not pid.isascii() or not HAS_LETTER.search(pid.split("-")[0] or "x"):
            pid = name_id(doc.norm[name_start:pos])
        found = Found(name_start, pos, pid, family, vendor, category, code, suffix)
        if series is not None and name_start != s_start and not key[s_start:pos].isdigit():
            found.line_start = s_start
        return found

    def _own_series_glued(self, doc: Document, brand: dict, start: int, end: int, p: int, m: re.Match) -> bool:
        """华为mate60, 星翼nova 12: the maker's Chinese name glued right before its own series, then a
        number, vouches for the series written in another case than the maker's (the series alone
        in that case may be a word: mate, find)."""
        key = doc.key
        return p == end and not key[start].isascii() and not key[end - 1].isascii() \
            and brand.get("vendor") is not None \
            and self.series_of[m.group()].get("vendor") == brand.get("vendor") \
            and SERIES_NUMBER_AFTER.match(key, m.end()) is not None

    def _series_ok(self, doc: Document, start: int, end: int) -> bool:
        key = doc.key
        if LATIN.match(key[end - 1]) and end < len(key) and key[end].isalpha() and key[end].isascii():
            return False    # Mate in Material, Core in Corel
        spelled = self.spelled.get(key[start:end])
        if spelled is None:
            return True
        first = doc.norm[start]
        # Find X8, not "find x8"; nova 12 (Huawei writes it lower case), not Amazon's Nova 2.
        return first.islower() if spelled[0].islower() else not first.islower()

    def _code_ok(self, code: str, series: dict | None, brand: dict | None) -> bool:
        pieces = CODE_JOINS.split(code)
        if any(self.not_code.match(p) for p in pieces):
            return False
        if series is None and any(self.not_brand_code.match(p) for p in pieces):
            return False
        has_letter = any(c.isalpha() for c in code)
        if series is not None:
            return True     # a digit code after a `letter` series needs a suffix (Alpha 7 IV): see _name
        if not has_letter:
            if not brand.get("numbered") or len(code) > 3:
                return False    # 华为5, 小米2024: no model without a letter
        return True

    def _spaced(self, suffix: str) -> str:
        """pro+ -> pro +, gen3 -> gen 3; a suffix word of its own (x3d) stays whole."""
        return " ".join(w if w in self.suffix_words else SUFFIX_JOINS.sub(" ", w) for w in suffix.split(" "))

    # ------------------------------------------------------------------ bare codes
    def bare_members(self, doc: Document, blocked=frozenset()) -> list[Found]:
        """S25 FE, X200 Pro, A18 Pro: a bare model code (capital letters and digits) with a
        member suffix after it names a product even with no maker or series before it."""
        key, norm = doc.key, doc.norm
        out: list[Found] = []
        for m in self.bare_member_re.finditer(key):
            deadline.check("products")
            code = m.group(1)
            if not norm[m.start()].isupper() or (m.start(), m.end()) in blocked:
                continue
            if self.not_code.match(code) or self.not_brand_code.match(code):
                continue     # Q3 Pro, H1 Plus: a quarter or a half with a word after it
            if LATIN.match(key, m.end()) or key[m.end():m.end() + 1] == "+":
                continue
            suffix = m.group(2).strip(" -")
            out.append(Found(m.start(), m.end(), slug(f"{code} {self._spaced(suffix)}"), "", None,
                             "hardware", code=code, suffix=suffix))
        return out
