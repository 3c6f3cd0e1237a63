"""Products: models, services, platforms, chips, devices and apps.

Where a name comes from, surest first:
- a knowledge-base alias (service/kb/data/products.yaml), however it is cased
  or spaced (AI studio = AI Studio, Llama3.1 = Llama 3.1);
- a knowledge-base family with a version, tier or size written after it
  (Llama 4, GPT-4 0125, Claude 3.5 Sonnet, Qwen2.5-72B, 通義千問2.5), or a
  family stem that is a product only with one (GPT-4.5, Phi-3, RTX 5090);
- a Latin name with a version or size that a launch verb or a category noun
  introduces (星辰智能推出了Foo 2.5, 開源Bar-7B, Zeta X2晶片).

Latin names are read as runs of pieces (Qwen2.5-72B -> Qwen | 2.5 | 72B): a
family is the longest run of pieces whose compact form (no spaces, hyphens or
case) is a knowledge-base alias; what follows is read as versions, tiers and
a size. Sizes and context windows come from the quantities scanner
(service/quantities) and are attached to the model they are about: glued to
its name, right after it (Llama3.1的8B), a size it already has (如405 B), or
the model of the sentence. Vendor, category and description come from the
knowledge base or from the words beside the name (Meta的Llama, 名叫NIM的輝達推理
微服務). Confidence is the noisy-or of the evidence collected, as for people
and organisations.

One pass over the text for each reader; every lookup is bounded, so the
whole is linear in the length of the article.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..yamlfiles import load_yaml

from ..kb import DATA_DIR, KnowledgeBase
from ..nlp.document import Document
from ..nlp.segment import Segmenter
from ..quantities import Quantity
from .context import quantities_of
from .entities import EntityTable
from .. import deadline
from .product_names import Found, ProductGrammar

LEXICON_FILE = "product_lexicon.yaml"

# How much each kind of evidence alone makes us believe a product is real.
EVIDENCE_WEIGHTS = {
    "kb": 0.9,            # a knowledge-base alias
    "kb-short": 0.6,      # a knowledge-base alias of three characters or fewer (IG, o1, NIM)
    "kb-family": 0.85,    # a knowledge-base family and a version written after it (Llama 4)
    "stem": 0.75,         # a family stem and a version (GPT-4.5, RTX 5090)
    "pattern": 0.4,       # a Latin name with a version or size, nothing else
    "grammar": 0.8,       # brand or series + model code + suffixes (Galaxy S24 Ultra, 尼康Z8)
    "gloss-name": 0.6,    # a name in quotes or after 名为 that a category noun explains
    "sibling": 0.5,       # a bare code beside a product's bare code of the same shape (M2 beside M4)
    "cue": 0.45,          # a launch verb or a category noun beside it
    "vendor": 0.5,        # an organisation named beside it as its maker
    "gloss": 0.4,         # the article says what it is (名叫NIM的輝達推理微服務)
    "sized": 0.3,         # sizes or a context window the article gives it
    "repeated": 0.25,     # named more than once
}
EVIDENCE_RANK = {"grammar": 1, "gloss-name": 1, "pattern": 2}
SHORT_ALIAS = 3
EXACT_CASE_ALIAS = 2

# A run of Latin pieces: Qwen2.5-72B-Instruct, GPT-4 0125, Claude 3.5 Sonnet.
RUN = re.compile(r"(?<![A-Za-z0-9.+])[A-Za-z0-9][A-Za-z0-9.+]*(?:[ \-_][A-Za-z0-9][A-Za-z0-9.+]*){0,7}")
# One piece: letters, or a number with the letters glued after it (4o, 72B, 910B).
PIECE = re.compile(r"[A-Za-z]+\+?|[0-9]+(?:\.[0-9]+)*[A-Za-z]*\+?")
SIZE_PIECE = re.compile(r"[0-9]+(?:\.[0-9]+)?[bt]")
VERSION_PIECE = re.compile(r"[0-9]+(?:\.[0-9]+)*[a-z]{0,2}")
HARDWARE_VERSION_PIECE = re.compile(r"[0-9]+(?:\.[0-9]+)*[a-z]{0,3}\+?")
SEPARATORS = ("", " ", "-", "_")
MAX_FAMILY_PIECES = 6    # GeForce RTX 5090 | GB200 NVL72: pieces a family name may span
MAX_TAIL = 4             # versions and tiers after a family (GPT-4 0125, Gemini 2.0 Flash Thinking)
MIN_SUBNAME = 4          # letters of a sub-name after a version (Llama 4 Scout)
MAX_BASE_PIECES = 3      # words of an open-world name before its version
YEAR_LIKE = (1990, 2039)  # CES 2025, WWDC 2024: a year after a name is an edition, not a version
OPEN_CUE_WINDOW = 14     # characters before an open-world name searched for its launch verb
VENDOR_WINDOW = 24       # characters between a maker and its product (Meta正式發佈了其最新的開源模型-)
GLOSS_MAX = 16           # characters of a description
SIZE_BEFORE_NAME = 8     # characters from a size to the model it comes before (8B和70B版本的Llama 3)
GLOSS_LEFT_MAX = 10      # characters of a description written before the name
CLAUSE_END = re.compile(r"[。！？；;!?\n，,：:、（）()“”\"「」『』《》]")
CLAUSE_BREAK = re.compile(r"[。！？；;!?\n，,：:]")
SENTENCE_END = "。！？；;!?\n"
ORG_SUFFIXES_IN_GAP = ("公司", "集团")       # Anthropic公司的Claude: the organisation's own suffix
POSSESSIVE_GAPS = ("", "的", "旗下", "旗下的")   # Meta的Llama, 字节跳动旗下的豆包
BEFORE_NAME = " -:“\"「'"
CONTEXT_TEXT_TAIL = re.compile(r"(?:\s*(?:个)?(?:tokens?|上下文|字|词元)\s*)+$")
PARAMETER_TEXT_TAIL = re.compile(r"(?:\s*(?:个)?(?:参数|parameters?|params?)\s*)+$")
NUMERAL_START = re.compile(r"[0-9零〇一二两三四五六七八九十百千]")


@dataclass(slots=True)
class Piece:
    start: int
    end: int
    key: str     # lower-cased
    sep: str     # what stands between this piece and the previous one in the run

    @property
    def letters(self) -> bool:
        return self.key[:1].isalpha()


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    name_end: int            # where the name stops (before a glued size)
    id: str
    family: dict | None      # the knowledge-base record or stem it builds on
    evidence: str            # kb | kb-short | kb-family | stem | pattern
    category: str | None = None
    cue: bool = False
    subname: str | None = None   # Scout of Llama 4 Scout: a later bare Scout names it too


@dataclass(slots=True)
class Tail:
    """What follows a family's name: versions, tiers, a sub-name, a size."""
    next: int                    # the piece after everything read
    name_next: int               # the piece after the name's last (a size excluded)
    parts: list[str]
    size_end: int | None = None
    subname: str | None = None


@dataclass
class Product:
    id: str
    name: str
    vendor: str | None
    category: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    evidence: set[str] = field(default_factory=set)
    variants: dict[int, str] = field(default_factory=dict)   # parameters -> name as written
    context: tuple[int, str] | None = None
    description: str | None = None
    known: bool = False      # vendor and category come from the knowledge base

    def confidence(self) -> float:
        ev = set(self.evidence)
        if len(self.mentions) > 1:
            ev.add("repeated")
        if self.variants or self.context:
            ev.add("sized")
        miss = 1.0
        for e in sorted(ev):  # sorted: a float product must not depend on set order (hash seed)
            miss *= 1.0 - EVIDENCE_WEIGHTS[e]
        return round(1.0 - miss, 3)

    def as_dict(self, doc: Document) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "vendor": self.vendor,
            "category": self.category,
            "variants": [{"name": n, "parameters": p} for p, n in self.variants.items()],
            "context_window": ({"tokens": self.context[0], "text": self.context[1]}
                               if self.context else None),
            "description": self.description,
            "mentions": [doc.span(s, e) for s, e in sorted(self.mentions)],
            "confidence": self.confidence(),
        }


class WordSet:
    """A word list matched in one regex step: the longest word starting at a
    position, ending at a position, or anywhere in a stretch."""

    def __init__(self, words) -> None:
        self.words = frozenset(words)
        alternation = "|".join(re.escape(w) for w in sorted(self.words, key=len, reverse=True)) or "(?!)"
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


def split_pieces(text: str, offset: int = 0) -> list[Piece]:
    """Pieces of a Latin run, each with the separator before it."""
    pieces: list[Piece] = []
    prev_end = None
    for m in PIECE.finditer(text):
        sep = "" if prev_end is None else text[prev_end:m.start()]
        pieces.append(Piece(offset + m.start(), offset + m.end(), m.group().lower(), sep))
        prev_end = m.end()
    return pieces


def compact(pieces) -> str:
    return "".join(p.key for p in pieces)


def slug_parts(parts: list[str]) -> str:
    """An id from name parts, keeping the dots of versions (llama-3.1)."""
    out = []
    for part in parts:
        s = re.sub(r"[^a-z0-9.]+", "-", part.lower())
        s = re.sub(r"(?<![0-9])\.|\.(?![0-9])", "-", s)
        s = re.sub(r"-{2,}", "-", s).strip("-")
        if s:
            out.append(s)
    return "-".join(out) or "x"


class Products:
    name = "products"
    reads = ("gazetteer", "organizations", "organization_claims", "quantities")
    writes = ("products", "claimed")

    def __init__(self, kb: KnowledgeBase, segmenter: Segmenter) -> None:
        self.kb = kb
        lex = load_yaml(DATA_DIR / LEXICON_FILE)
        key = kb.key
        words = lambda name: WordSet(key(str(w)) for w in lex.get(name) or [])
        self.launch_verbs = words("launch_verbs")
        self.category_of: dict[str, str] = {}
        for category, nouns in (lex.get("category_nouns") or {}).items():
            for noun in nouns:
                self.category_of.setdefault(key(str(noun)), category)
        self.grammar = ProductGrammar(key)
        for noun, category in self.grammar.category_nouns.items():
            self.category_of.setdefault(noun, category)
        self.category_nouns = WordSet(self.category_of)
        self.cjk_category_nouns = WordSet(n for n in self.category_of if not n.isascii())
        self.tiers = words("tier_words")
        self.generic_latin = words("generic_latin")
        self.naming_verbs = words("naming_verbs")
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
        self.attach_joiners = frozenset(key(str(w)) for w in lex.get("attach_joiners") or [])
        # Compact forms of every Latin alias -> product id; stems -> their record.
        self.compact_index: dict[str, str] = {}
        # Two-letter aliases match only as the KB writes them: o1 and IG, not 玄戒O1 or Ig.
        self.exact_case: dict[str, set[str]] = {}
        for pid, record in kb.products.items():
            for alias in [record["name"]] + list(record.get("aliases") or []):
                alias = str(alias)
                if alias.isascii():
                    c = compact(split_pieces(alias))
                    self.compact_index.setdefault(c, pid)
                    if len(c) <= EXACT_CASE_ALIAS:
                        self.exact_case.setdefault(c, set()).add("".join(PIECE.findall(alias)))
        self.stems: dict[str, dict] = {}
        for stem in lex.get("family_stems") or []:
            self.stems[compact(split_pieces(stem["stem"]))] = stem
        self.sibling_category = self._sibling_categories()

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

    # ------------------------------------------------------------------ entry
    def __call__(self, doc: Document) -> None:
        orgs: EntityTable = doc.layers["organizations"]
        blocked = self._blocked_spans(doc)
        grammar = self._grammar_mentions(doc, blocked)
        candidates = self._gazetteer_mentions(doc) + self._run_mentions(doc, blocked)
        candidates = self._prefer_grammar(candidates, grammar) + grammar
        mentions = self._resolve(doc, candidates, orgs)
        mentions = self._subname_mentions(doc, mentions, blocked)
        mentions = self._short_form_mentions(doc, mentions, grammar)
        mentions = self._sibling_mentions(doc, mentions)
        products = self._merge(doc, mentions)
        org_mentions = sorted((s, e, ent.id) for ent in orgs.by_id.values() for s, e in ent.mentions)
        for product, m in ((products[m.id], m) for m in mentions):
            deadline.check("products")
            self._describe(doc, product, m, org_mentions)
            self._vendor(doc, product, m, org_mentions)
        self._attach_quantities(doc, mentions, products, org_mentions)
        claimed = doc.layers["claimed"] = dict(doc.layers["organization_claims"])
        for m in mentions:
            deadline.check("products")
            for i in range(m.start, m.end):
                claimed.setdefault(i, "product")
        ordered = sorted(products.values(), key=lambda p: min(s for s, _ in p.mentions))
        doc.layers["products"] = [p.as_dict(doc) for p in ordered]

    # ------------------------------------------------------------------ finding names
    def _blocked_spans(self, doc: Document) -> dict[tuple[int, int], bool]:
        """Spans the knowledge base gives to a person, series or organisation only."""
        return {(m.start, m.end): True for m in doc.layers["gazetteer"]
                if not m.of_kind("product")}

    def _gazetteer_mentions(self, doc: Document) -> list[Mention]:
        """Knowledge-base aliases with Chinese characters (通義千問, Meta AI助手), plus a
        version written after them (通義千問2.5); Latin aliases are read as runs."""
        out = []
        claimed = doc.layers["organization_claims"]
        for m in doc.layers["gazetteer"]:
            deadline.check("products")
            products = m.of_kind("product")
            alias = doc.key[m.start:m.end]
            if not products or alias.isascii():
                continue
            if m.of_kind("organization") and claimed.get(m.start) != "product":
                continue   # the organisations extractor read it as the company
            record = self.kb.products[products[0].id]
            mention = Mention(m.start, m.end, m.end, record["id"], record, "kb")
            out.append(self._extend_after(doc, mention, record) or mention)
        return out

    def _extend_after(self, doc: Document, mention: Mention, record: dict) -> Mention | None:
        """通義千問2.5, 昇騰910B: a version right after a Chinese alias."""
        p = mention.end
        if p < len(doc.norm) and doc.norm[p] == " ":
            p += 1
        run = RUN.match(doc.norm, p)
        if run is None or not run.group()[0].isdigit() and not (
                len(run.group()) > 1 and run.group()[0].isalpha() and run.group()[1].isdigit()):
            return None
        pieces = split_pieces(run.group(), run.start())
        if pieces:
            pieces[0].sep = doc.norm[mention.end:pieces[0].start]
        tail = self._tail(doc, pieces, 0, record, cjk=True)
        if not tail.parts:
            return None
        name_end = pieces[tail.name_next - 1].end
        pid = slug_parts([record["name"]] + tail.parts)
        return Mention(mention.start, tail.size_end or name_end, name_end, pid, record,
                       "kb" if pid in self.kb.products else "kb-family", subname=tail.subname)

    def _run_mentions(self, doc: Document, blocked: dict) -> list[Mention]:
        out = []
        for run in RUN.finditer(doc.norm):
            deadline.check("products")
            text = run.group().rstrip(".")
            pieces = split_pieces(text, run.start())
            i = 0
            while i < len(pieces):
                if not pieces[i].letters:
                    i += 1
                    continue
                found = self._kb_name(doc, pieces, i, blocked) or self._open_name(doc, pieces, i, blocked)
                if found is None:
                    i += 1
                    continue
                mention, i = found
                out.append(mention)
        return out

    def _family_at(self, doc: Document, pieces: list[Piece], i: int) -> tuple[int, dict, str] | None:
        """The longest knowledge-base alias or stem starting at piece i: (pieces, record, kind).
        An alias ending in a number counted by what follows is shorter (Llama 3個版本)."""
        for k in range(min(MAX_FAMILY_PIECES, len(pieces) - i), 0, -1):
            if any(p.sep not in SEPARATORS for p in pieces[i + 1:i + k]):
                continue
            last = pieces[i + k - 1]
            if k > 1 and not last.letters and self._quantity_follows(doc, last.end):
                continue
            c = compact(pieces[i:i + k])
            pid = self.compact_index.get(c)
            if pid is not None and c in self.exact_case and "".join(
                    doc.norm[p.start:p.end] for p in pieces[i:i + k]) not in self.exact_case[c]:
                pid = None
            if pid is not None:
                return k, self.kb.products[pid], "kb"
            stem = self.stems.get(c)
            if stem is not None:
                return k, stem, "stem"
        return None

    def _kb_name(self, doc: Document, pieces: list[Piece], i: int, blocked: dict):
        found = self._family_at(doc, pieces, i)
        if found is None:
            return None
        k, record, kind = found
        start, fam_end = pieces[i].start, pieces[i + k - 1].end
        tail = self._tail(doc, pieces, i + k, record, cjk=False, versioned=not pieces[i + k - 1].letters)
        end_index, name_index, parts, size_end = tail.next, tail.name_next, tail.parts, tail.size_end
        if kind == "stem" and not parts and size_end is None:
            return None   # GPT alone is a technology, Galaxy alone a word
        name_end = pieces[name_index - 1].end
        if kind == "kb" and not parts:
            if (start, fam_end) in blocked:
                return None
            alias = doc.key[start:fam_end]
            ev = "kb-short" if len(alias.replace(" ", "")) <= SHORT_ALIAS else "kb"
            return Mention(start, size_end or name_end, name_end, record["id"], record, ev), end_index
        if kind == "kb":
            pid = self._known_id(slug_parts([record["name"]] + parts), pieces[i:name_index])
            ev = "kb" if pid in self.kb.products else "kb-family"
        else:
            pid, ev = slug_parts([record["name"]] + parts), "stem"
        end = size_end or name_end
        # Kimi K2模型: the noun after a new version says what it is.
        return Mention(start, end, name_end, pid, record, ev, category=self._noun_after(doc, end),
                       subname=tail.subname), end_index

    def _noun_after(self, doc: Document, end: int) -> str | None:
        p = end + 1 if doc.key[end:end + 1] == " " else end
        noun = self.category_nouns.starts(doc.key, p)
        return self.category_of[noun] if noun else None

    def _known_id(self, derived: str, pieces: list[Piece]) -> str:
        """A derived name the knowledge base holds under its own id (DeepSeekV2 -> deepseek-v2)."""
        pid = self.compact_index.get(compact(pieces))
        return pid if pid is not None else derived

    def _tail(self, doc: Document, pieces: list[Piece], j: int, record: dict, cjk: bool,
              versioned: bool = False) -> Tail:
        """Versions, tiers, a sub-name and a size after a family's name (`versioned`:
        the family's own name ends in a version, as Llama 4 does)."""
        category = record.get("category")
        hardware = category in ("hardware",)
        parts: list[str] = []
        start_j = j
        while j < len(pieces) and len(parts) < MAX_TAIL:
            p = pieces[j]
            if p.sep not in SEPARATORS:
                break
            glued_to_digit = p.sep == "" and j > 0 and pieces[j - 1].key[-1:].isdigit()
            if glued_to_digit:
                break
            if not hardware and SIZE_PIECE.fullmatch(p.key):
                return Tail(j + 1, j, parts, p.end)
            nxt = pieces[j + 1] if j + 1 < len(pieces) else None
            if (len(p.key) == 1 and p.letters and nxt is not None and nxt.sep == ""
                    and VERSION_PIECE.fullmatch(nxt.key) and not SIZE_PIECE.fullmatch(nxt.key)):
                if self._quantity_follows(doc, nxt.end):
                    break
                parts.append(p.key + nxt.key)        # V3, R1, K2, X2
                j += 2
                continue
            version = (HARDWARE_VERSION_PIECE if hardware else VERSION_PIECE).fullmatch(p.key)
            if version and not p.letters:
                if cjk and "." not in p.key and category not in ("hardware", "platform"):
                    break   # 淘寶618, 微信8: a Chinese name's bare number is no version
                if self._quantity_follows(doc, p.end):
                    break
                if (j == start_j and p.sep == " " and p.key.isdigit()
                        and YEAR_LIKE[0] <= int(p.key) <= YEAR_LIKE[1]):
                    break
                parts.append(p.key)
                j += 1
                continue
            if p.letters and p.key in self.tiers and p.sep in (" ", "-", "_"):
                parts.append(p.key)
                j += 1
                continue
            if self._subname(doc, pieces, j, parts, versioned):
                # Llama 4 Scout: a capitalised word after a version is part of the name
                parts.append(p.key)
                return Tail(j + 1, j + 1, parts, subname=p.key)
            break
        return Tail(j, j, parts)

    def _subname(self, doc: Document, pieces: list[Piece], j: int, parts: list[str], versioned: bool) -> bool:
        p = pieces[j]
        return ((versioned or any(c[:1].isdigit() or c[1:2].isdigit() for c in parts))
                and p.letters and p.sep in (" ", "-") and len(p.key) >= MIN_SUBNAME
                and doc.norm[p.start].isupper() and p.key not in self.generic_latin
                and (j + 1 == len(pieces) or pieces[j + 1].sep not in ("",))
                and self._family_at(doc, pieces, j) is None)

    def _quantity_follows(self, doc: Document, end: int) -> bool:
        p = end + 1 if doc.key[end:end + 1] == " " else end
        return self.not_after_version.starts(doc.key, p) is not None

    def _open_name(self, doc: Document, pieces: list[Piece], i: int, blocked: dict):
        """Foo 2.5, Bar-7B, Zeta X2晶片: a capitalised Latin name with a version or
        size, introduced by a launch verb or a category noun."""
        first = pieces[i]
        if not doc.norm[first.start].isupper():
            return None
        if len(first.key) == 1:
            return self._model_number(doc, pieces, i)
        j = i
        while j < len(pieces) and j - i < MAX_BASE_PIECES:
            p = pieces[j]
            if not p.letters or (j > i and (p.sep not in SEPARATORS or p.key in self.tiers)):
                break
            nxt = pieces[j + 1] if j + 1 < len(pieces) else None
            if len(p.key) == 1 and nxt is not None and nxt.sep == "" and not nxt.letters:
                break    # X2: a version
            if j > i and self._family_at(doc, pieces, j) is not None:
                break    # Meta Llama 3: the family starts a name of its own
            j += 1
        if j == i:
            return None
        base = pieces[i:j]
        base_key = compact(base)
        if (base_key in self.generic_latin or all(p.key in self.generic_latin for p in base)
                or len(base_key) < 2 or (base[0].start, base[-1].end) in blocked
                or any((p.start, p.end) in blocked for p in base)):
            return None
        record = {"name": doc.norm[base[0].start:base[-1].end], "category": None}
        tail = self._tail(doc, pieces, j, record, cjk=False)
        end_index, name_index, parts, size_end = tail.next, tail.name_next, tail.parts, tail.size_end
        if all(p in self.tiers for p in parts) and size_end is None:
            return None   # Foo, Foo Pro: no version, no size
        name_end = pieces[name_index - 1].end
        end = size_end or name_end
        category = self._cue(doc, base[0].start, end)
        if category is None:
            return None
        if category == "" and size_end is not None:
            category = "model"
        pid = slug_parts([p.key for p in base] + parts)
        return Mention(base[0].start, end, name_end, pid, None, "pattern",
                       category=category or None, cue=True, subname=tail.subname), end_index

    def _model_number(self, doc: Document, pieces: list[Piece], i: int):
        """A17 Pro晶片, M4晶片: a letter and a number name a product only when a
        category noun follows right after (Q3財報, H1 are no products)."""
        record = {"name": "", "category": None}
        tail = self._tail(doc, pieces, i, record, cjk=False)
        end_index, parts = tail.next, tail.parts
        if not parts or parts[0] in self.tiers or tail.size_end is not None:
            return None
        end = pieces[tail.name_next - 1].end
        category = self._noun_after(doc, end)
        if category is None:
            return None
        return Mention(pieces[i].start, end, end, slug_parts(parts), None, "pattern",
                       category=category, cue=True), end_index

    def _cue(self, doc: Document, start: int, end: int) -> str | None:
        """The category a noun beside the name gives ("" for a launch verb alone);
        None when nothing introduces the name."""
        key = doc.key
        category = self._noun_after(doc, end)
        if category is not None:
            return category
        lo = max(0, start - OPEN_CUE_WINDOW)
        before = key[lo:start]
        cut = max((m.end() for m in CLAUSE_END.finditer(before)), default=0)
        before = before[cut:]
        stripped = before.rstrip(BEFORE_NAME)
        stripped = stripped.removesuffix("的")
        noun = self.category_nouns.ends(stripped)
        if noun is not None:
            return self.category_of[noun]
        if self.launch_verbs.find(before) or self.naming_verbs.ends(stripped):
            return ""
        gloss = self._gloss_after_name(doc, start, end)   # Vega 3.5是一款…大模型
        if gloss is not None:
            return self.category_of[self.category_nouns.ends(key, gloss[1])]
        return None

    def _grammar_mentions(self, doc: Document, blocked: dict) -> list[Mention]:
        """Names the product grammar reads (service/extractors/product_names.py)."""
        launched = lambda key, before: self.launch_verbs.ends(before) is not None
        found = (self.grammar.find(doc, self._quantity_follows, blocked)
                 + self.grammar.quoted(doc, blocked, launched, self._names_other))
        taken = [(f.start, f.end) for f in found]
        # A bare S25 FE whose code a grammar name holds (Find X8 Pro … X8 Pro) is left to the short forms.
        codes = {f.code for f in found if f.code}
        found += [f for f in (self.grammar.named_technologies(doc, self._names_other, blocked)
                              + [b for b in self.grammar.bare_members(doc, blocked) if b.code not in codes]
                              + self.grammar.titled_apps(doc, blocked))
                  if not any(s < f.end and f.start < e for s, e in taken)]
        for f in found:
            # RTX 4090 is the knowledge base's GeForce RTX 4090, 小米14 Ultra a KB product if
            # the KB holds it: its id, vendor and category.
            name = doc.norm[f.start:f.end]
            known = [e.id for e in self.kb.aliases.get(doc.key[f.start:f.end], ()) if e.kind == "product"]
            c = compact(split_pieces(name)) if name.isascii() else ""
            if known:
                f.id = known[0]
            elif len(c) > EXACT_CASE_ALIAS and c in self.compact_index:
                f.id = self.compact_index[c]
        return [self._from_found(f) for f in found]

    def _names_other(self, key: str) -> bool:
        """A word that names an organisation or is too generic to name a technology (Intel, CPU)."""
        if key in self.generic_latin:
            return True
        return any(e.kind != "product" for e in self.kb.aliases.get(key, ()))

    @staticmethod
    def _prefer_grammar(candidates: list[Mention], grammar: list[Mention]) -> list[Mention]:
        """A family and version read off the knowledge base give way to the grammar's name
        where the grammar's starts inside it: HUAWEI Mate 60 Pro is Mate 60 Pro (vendor
        Huawei), so 华为Mate X5 and a later Mate X5 are one product; RTX 4090 24GB is RTX 4090
        and its memory. Only a reading of the same maker gives way (Amazon Nova 2 is no
        Huawei nova); a knowledge-base product's own alias stays."""
        starts = sorted((g.start, g.family["vendor"]) for g in grammar if g.evidence == "grammar")
        if not starts:
            return candidates

        def overlapped(c: Mention) -> bool:
            i = bisect.bisect_left(starts, (c.start, ""))
            vendor = (c.family or {}).get("vendor")
            while i < len(starts) and starts[i][0] < c.end:
                if starts[i][1] == vendor:
                    return True
                i += 1
            return False

        return [c for c in candidates if not (c.evidence in ("kb-family", "stem") and overlapped(c))]

    @staticmethod
    def _from_found(f: Found, start: int | None = None, end: int | None = None) -> Mention:
        family = {"name": f.name, "vendor": f.vendor, "category": f.category, "found": f}
        start = (f.start if f.lead is None else f.lead) if start is None else start
        end = f.end if end is None else end
        return Mention(start, end, end, f.id, family, f.evidence, category=f.category)

    def _short_form_mentions(self, doc: Document, mentions: list[Mention], grammar: list[Mention]) -> list[Mention]:
        """X8 Pro after Find X8 Pro: the code and suffixes alone name the same product."""
        kept = {id(m) for m in mentions}
        found = [m.family["found"] for m in grammar if id(m) in kept]
        if not found:
            return mentions
        taken = {i for m in mentions for i in range(m.start, m.end)}
        extra = [self._from_found(f, s, e) for s, e, f in self.grammar.short_forms(doc, found, taken)]
        return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions

    def _sibling_mentions(self, doc: Document, mentions: list[Mention]) -> list[Mention]:
        """M2 beside M4 (the grammar's sibling codes): same maker and kind, a product of its own."""
        bare: dict[str, Mention] = {}
        for m in mentions:
            code = doc.key[m.start:m.name_end]
            if code.isalnum() and code.isascii() and len(code) <= 6:
                bare.setdefault(code, m)
        if not bare:
            return mentions
        taken = {i for m in mentions for i in range(m.start, m.end)}
        extra = []
        for start, end, code in self.grammar.siblings(doc, bare, taken, self._quantity_follows):
            known = bare[code]
            record = self.kb.products.get(known.id) or known.family or {}
            family = {"name": "", "vendor": record.get("vendor"),
                      "category": record.get("category") or known.category}
            pid = slug_parts([doc.key[start:end]])
            extra.append(Mention(start, end, end, pid, family, "sibling", category=family["category"]))
        return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions

    # ------------------------------------------------------------------ one product per product
    def _resolve(self, doc: Document, candidates: list[Mention], orgs: EntityTable) -> list[Mention]:
        """Longest first where two readings overlap (Meta AI助手 over Meta AI, GPT-4 0125
        over GPT-4); a bare alias the organisations extractor read as a company stays one."""
        # On equal spans the knowledge base beats the grammar, the grammar an open pattern.
        candidates.sort(key=lambda m: (m.start, -(m.end - m.start), EVIDENCE_RANK.get(m.evidence, 0)))
        kept: list[Mention] = []
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
            bare = m.evidence in ("kb", "kb-short") and m.name_end == m.end and m.family is not None \
                and m.id == m.family.get("id")
            if bare and orgs.covering(m.start, m.end):
                continue
            out.append(m)
        return out

    def _subname_mentions(self, doc: Document, mentions: list[Mention], blocked: dict) -> list[Mention]:
        """Llama 4 Scout … Scout擁有109B參數: the sub-name alone, after the full name,
        names the same product."""
        first: dict[str, Mention] = {}
        for m in mentions:
            deadline.check("products")
            if m.subname and m.subname not in first and m.subname not in self.compact_index:
                first[m.subname] = m
        if not first:
            return mentions
        taken = {i for m in mentions for i in range(m.start, m.end)}
        extra = []
        for run in RUN.finditer(doc.norm):
            deadline.check("products")
            pieces = split_pieces(run.group().rstrip("."), run.start())
            if len(pieces) != 1 or pieces[0].key not in first:
                continue
            p, full = pieces[0], first[pieces[0].key]
            if p.start < full.end or (p.start, p.end) in blocked or p.start in taken:
                continue
            extra.append(Mention(p.start, p.end, p.end, full.id, full.family, full.evidence,
                                 full.category, full.cue))
        return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions

    def _merge(self, doc: Document, mentions: list[Mention]) -> dict[str, Product]:
        products: dict[str, Product] = {}
        for m in mentions:
            deadline.check("products")
            product = products.get(m.id)
            if product is None:
                product = products[m.id] = self._new_product(doc, m)
            product.mentions.append((m.start, m.end))
            product.evidence.add(m.evidence)
            if m.cue:
                product.evidence.add("cue")
        return products

    def _new_product(self, doc: Document, m: Mention) -> Product:
        name = doc.text[m.start:m.name_end]
        record = self.kb.products.get(m.id)
        if record is not None:
            return Product(m.id, name, record["vendor"], record["category"], known=True)
        family = m.family
        if family is None:
            return Product(m.id, name, None, m.category or "other")
        category = (m.category or self.sibling_category.get(family.get("id", ""))
                    or family.get("category") or "other")
        return Product(m.id, name, family.get("vendor"), category, known=True)

    # ------------------------------------------------------------------ vendor and description
    def _org_before(self, org_mentions, start: int):
        i = bisect.bisect_left(org_mentions, (start, -1, "")) - 1
        while i >= 0 and org_mentions[i][1] > start:
            i -= 1
        return org_mentions[i] if i >= 0 else None

    def _vendor(self, doc: Document, product: Product, m: Mention, org_mentions) -> None:
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
                    self.continuations.starts(c) for c in clauses[1:]):
                return
            gap = clauses[-1][len(self.continuations.starts(clauses[-1])):]
            if not self.launch_verbs.find(gap):
                return
        g = gap
        for suffix in ORG_SUFFIXES_IN_GAP:
            g = g.removeprefix(suffix)
        g = g.strip(BEFORE_NAME)
        verb = self.launch_verbs.find(g)
        possessive = g in POSSESSIVE_GAPS or (
            len(g) <= GLOSS_LEFT_MAX + 1 and self.category_nouns.ends(g.rstrip("的")) is not None
            and verb is None and not self._crosses_conjunction(g))
        # 三星推出A和B: both are Samsung's; 輝達與Meta合作…: the conjunction comes first.
        launched = verb is not None and not self._crosses_conjunction(g[:verb.start()])
        if not (possessive or launched):
            return
        self._credit_vendor(product, org_id)

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

    def _describe(self, doc: Document, product: Product, m: Mention, org_mentions) -> None:
        if product.description is not None:
            return
        span = self._gloss_after_name(doc, m.start, m.end) or self._gloss_before_name(doc, m)
        if span is None:
            return
        a, b = span
        product.description = doc.text[a:b]
        product.evidence.add("gloss")
        if product.category == "other" and not product.known:
            # 名為Helix 1.0,是一款…控制模型: the gloss's head noun says what it is
            noun = self.category_nouns.ends(doc.key, b)
            if noun is not None:
                product.category = self.category_of[noun]
        i = bisect.bisect_left(org_mentions, (a, -1, ""))
        if i < len(org_mentions) and org_mentions[i][0] == a:
            self._credit_vendor(product, org_mentions[i][2])   # 輝達推理微服務: the maker leads the gloss

    def _gloss_after_name(self, doc: Document, start: int, end: int) -> tuple[int, int] | None:
        """名叫NIM的輝達推理微服務 / Foo 2.5是一款多模態大模型."""
        key = doc.key
        before = key[max(0, start - 6):start].rstrip(" ")
        p = end
        if self.naming_verbs.ends(before) and key.startswith("的", p):
            p += 1
        elif self.copulas.starts(key, p + (key[p:p + 1] in ", ")):
            p += 1 + (key[p:p + 1] in ", ")
            determiner = self.determiners.starts(key, p)
            if determiner is None:
                return None   # 是 without 一款/一個 rarely glosses (是否, 是因為)
            p += len(determiner)
        else:
            return None
        seg = key[p:p + GLOSS_MAX]
        stop = CLAUSE_END.search(seg)
        if stop:
            seg = seg[:stop.start()]
        best = None   # the gloss runs to the last category noun in the clause
        pos = 0
        while (m := self.category_nouns.find(seg, pos)) is not None:
            best, pos = m.end(), m.start() + 1
        if best is None or not self._specific(seg[:best]):
            return None
        return p, p + best

    def _gloss_before_name(self, doc: Document, m: Mention) -> tuple[int, int] | None:
        """輝達推理微服務NIM: a compound ending in a category noun right before the name."""
        key = doc.key
        end = m.start
        while end > 0 and key[end - 1] in " -":
            end -= 1
        noun = self.cjk_category_nouns.ends(key, end)
        if noun is None:
            return None
        lo = max(0, end - GLOSS_LEFT_MAX)
        start = end - len(noun)
        while start > lo:
            ch = key[start - 1]
            if CLAUSE_END.match(ch) or ch == " " or ch.isascii():
                break
            if self.gloss_left_stops.ends(key, start):
                break
            start -= 1
        if not self._specific(key[start:end]):
            return None
        return start, end

    def _specific(self, gloss: str) -> bool:
        """开源模型 says nothing; 推理微服务 and 多模态大模型 do."""
        rest = gloss[len(self.determiners.starts(gloss) or ""):]
        noun = self.category_nouns.ends(rest)
        if noun:
            rest = rest[:-len(noun)]
        while rest:
            rest = rest.strip("的 ")
            word = self.generic_modifiers.starts(rest)
            if not word:
                break
            rest = rest[len(word):]
        return len(rest) >= 2

    # ------------------------------------------------------------------ sizes and context windows
    def _attach_quantities(self, doc: Document, mentions: list[Mention], products: dict[str, Product],
                           org_mentions) -> None:
        models = [m for m in mentions if self._sizable(products[m.id])]
        starts = [m.start for m in models]
        all_spans = [(m.start, m.end, m.id) for m in mentions]
        org_starts = [s for s, _, _ in org_mentions]
        owner: dict[int, Product] = {}     # parameters -> the product that has that size
        for q in quantities_of(doc):
            deadline.check("products")
            if q.value is None or q.kind not in ("parameters", "context_length"):
                continue
            inside = self._covering(all_spans, q.start)
            if inside is not None:
                target = products[inside] if self._sizable(products[inside]) else None
            elif q.kind == "parameters" and self._glued_to_latin(doc, q):
                continue   # Bar-7B with nothing to introduce Bar: not ours to place
            else:
                target = self._target(doc, q, models, starts, products, all_spans, org_starts, owner)
            if target is None:
                continue
            if target.category == "other":
                target.category = "model"   # a size says what an unnamed kind of product is
            if q.kind == "parameters":
                self._add_variant(doc, target, q)
                owner.setdefault(int(q.value), target)
            else:
                self._add_context(doc, target, q)

    @staticmethod
    def _sizable(product: Product) -> bool:
        """Models have sizes; so may a product the article named without saying its kind."""
        return product.category == "model" or (product.category == "other" and not product.known)

    @staticmethod
    def _covering(spans, offset: int) -> str | None:
        i = bisect.bisect_right(spans, (offset, 1 << 62, "")) - 1
        return spans[i][2] if i >= 0 and spans[i][0] <= offset < spans[i][1] else None

    @staticmethod
    def _glued_to_latin(doc: Document, q: Quantity) -> bool:
        before = doc.norm[q.start - 1] if q.start > 0 else ""
        return before.isascii() and (before.isalpha() or before == "-")

    def _target(self, doc: Document, q: Quantity, models: list[Mention], starts: list[int],
                products: dict[str, Product], all_spans, org_starts, owner) -> Product | None:
        sent = doc.sentence_index(q.start)
        i = bisect.bisect_right(starts, q.start) - 1
        prev = models[i] if i >= 0 else None
        nxt = models[i + 1] if i + 1 < len(models) else None
        # Llama3.1的8B: right after the name.
        if prev is not None and doc.key[prev.end:q.start] in self.attach_joiners:
            return products[prev.id]
        # 如405 B: a size some model already has, said again.
        if q.kind == "parameters" and q.value in owner:
            return owner[q.value]
        # The model of the sentence: the last one before that is not the thing
        # compared (價格比GPT-4o便宜), else the first after.
        k = i
        while k >= 0 and doc.sentence_index(models[k].start) == sent:
            if not self._compared(doc, models[k]):
                return products[models[k].id]
            k -= 1
        # 8B和70B版本的Llama 3: sizes just before the name, in its clause.
        if nxt is not None and nxt.start - q.end <= SIZE_BEFORE_NAME and not CLAUSE_END.search(
                doc.key, q.end, nxt.start):
            return products[nxt.id]
        # 該模型有7B和70B兩個版本: a sentence naming no product or organisation
        # continues the previous sentence's model.
        if prev is None or doc.sentence_index(prev.start) != sent - 1:
            return None
        sentence = doc.sentences[sent]
        cues = self.size_cues if q.kind == "parameters" else self.context_cues
        if not cues.find(doc.key, sentence.start, sentence.end):
            return None
        j = bisect.bisect_left(all_spans, (sentence.start, -1, ""))
        if j < len(all_spans) and all_spans[j][0] < sentence.end:
            return None
        j = bisect.bisect_left(org_starts, sentence.start)
        if j < len(org_starts) and org_starts[j] < sentence.end:
            return None
        return products[prev.id]

    def _compared(self, doc: Document, m: Mention) -> bool:
        before = doc.key[max(0, m.start - 4):m.start].rstrip(BEFORE_NAME)
        return self.comparison_markers.ends(before) is not None

    def _add_variant(self, doc: Document, product: Product, q: Quantity) -> None:
        if not isinstance(q.value, int) and not float(q.value).is_integer():
            return
        value = int(q.value)
        if value in product.variants:
            return
        start, end = q.start, q.end
        m = NUMERAL_START.search(doc.norm, start, end)
        if m:
            start = m.start()
        tail = PARAMETER_TEXT_TAIL.search(doc.key, start, end)
        if tail and tail.end() == end and tail.start() > start:
            end = tail.start()
        name = doc.text[start:end].strip()
        if self._active(doc, q):
            name += " active"
        product.variants[value] = name

    def _active(self, doc: Document, q: Quantity) -> bool:
        after = doc.key[q.end:q.end + 4].lstrip(" ")
        before = doc.key[max(0, q.start - 6):q.start].rstrip(" ")
        return bool(self.active_after.starts(after) or self.active_before.ends(before))

    def _add_context(self, doc: Document, product: Product, q: Quantity) -> None:
        if not isinstance(q.value, (int, float)) or q.value < 1:
            return
        tokens = int(q.value)
        if product.context is not None and product.context[0] >= tokens:
            return
        start, end = q.start, q.end
        m = NUMERAL_START.search(doc.norm, start, end)
        if m:
            start = m.start()
        tail = CONTEXT_TEXT_TAIL.search(doc.key, start, end)
        if tail and tail.end() == end and tail.start() > start:
            end = tail.start()
        product.context = (tokens, doc.text[start:end].strip())
