"""Finding product mentions in the knowledge base's words and in Latin runs.

Where a name comes from, surest first:
- a knowledge-base alias (service/kb/data/products.yaml), however it is cased
  or spaced (AI studio = AI Studio, Llama3.1 = Llama 3.1);
- a knowledge-base family with a version, tier or size written after it
  (Llama 4, GPT-4 0125, Claude 3.5 Sonnet, Qwen2.5-72B, 通義千問2.5), or a
  family stem that is a product only with one (GPT-4.5, Phi-3, RTX 5090);
- a Latin name with a version or size that a launch verb or a category noun
  introduces (星辰智能推出了Foo 2.5, 開源Bar-7B, Zeta X2晶片), the category noun
  after a few modifiers too (Zorix 365生态系统, Quillpad 无线手写平板);
- a Latin name with no version that a launch verb introduces, with a second mark of a
  name: written again, a category noun before it, capitals inside a word (推出新旗舰
  模型 Tessaly-Nova, 发布了 openKestrel).

The grammar's names (brand, series, code, suffix) are read by
product_grammar.py and turned into mentions by product_grammar_mentions.py.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from .. import deadline
from ..nlp.document import Document
from .product_glosses import Glosses
from .product_lexicon import BEFORE_NAME, CLAUSE_END, ProductLexicon
from .product_mention import ProductMention
from .product_platform_use import SHARE_CLASS, used_as_platform, used_by_its_users
from .product_pieces import RUN, Piece, compact, slug_parts, split_pieces

# 昇騰（Ascend）910B, 昇騰Ascend 910C: a family's Latin name right after its Chinese one (key view).
OWN_LATIN = re.compile(r"(?P<open>\( ?)?(?P<latin>[a-z][a-z ]{1,20}?[a-z])(?(open) ?\))(?=[ (]?[0-9])")
SHORT_CJK_ALIAS = 3     # characters of a Chinese alias that may be the tail of a longer word
SHORT_ALIAS = 3          # characters of an alias that is only a short form (IG, o1, NIM)
DIMENSION = re.compile(r"[23](?:\.5)?d")     # 2.5D, 3D packaging or imaging
SIZE_PIECE = re.compile(r"[0-9]+(?:\.[0-9]+)?[bt]")
JOINED_SIZE = re.compile(r"-[0-9]+(?:\.[0-9]+)?b")
SENTENCE_END = re.compile(r"[。！？!?\n]")
MODEL_WORDS = re.compile(r"模型|参数|參數")
SENTENCE_WINDOW = 80


def _model_sentence(key: str, start: int, end: int) -> bool:
    """The sentence around start..end (up to SENTENCE_WINDOW characters each side) speaks of
    models or their parameters."""
    lo = max(0, start - SENTENCE_WINDOW)
    lo = max((m.end() for m in SENTENCE_END.finditer(key, lo, start)), default=lo)
    stop = SENTENCE_END.search(key, end, end + SENTENCE_WINDOW)
    return MODEL_WORDS.search(key, lo, stop.start() if stop else min(len(key), end + SENTENCE_WINDOW)) is not None
VERSION_PIECE = re.compile(r"[0-9]+(?:\.[0-9]+)*[a-z]{0,2}")
# 4.0Turbo, 3.5Pro: a version with a tier word (three letters or more) glued after it.
GLUED_TIER = re.compile(r"([0-9]+(?:\.[0-9]+)*)([a-z]{3,})")
HARDWARE_VERSION_PIECE = re.compile(r"[0-9]+(?:\.[0-9]+)*[a-z]{0,3}\+?")
# A run without a letter (7, 2024, 1.5) has no piece a name can start at.
LETTER = re.compile(r"[A-Za-z]")
SEPARATORS = ("", " ", "-", "_")
MAX_FAMILY_PIECES = 6    # GeForce RTX 5090 | GB200 NVL72: pieces a family name may span
MAX_TAIL = 4             # versions and tiers after a family (GPT-4 0125, Gemini 2.0 Flash Thinking)
MIN_SUBNAME = 4          # letters of a sub-name after a version (Llama 4 Scout)
MAX_BASE_PIECES = 3      # words of an open-world name before its version
YEAR_LIKE = (1990, 2039)  # CES 2025, WWDC 2024: a year after a name is an edition, not a version
OPEN_CUE_WINDOW = 14     # characters before an open-world name searched for its launch verb


# Quillpad 无线手写平板: Chinese modifiers between a name and its category noun, at most this
# many characters, each word one the segmenter tags as a noun or an adjective.
MODIFIER_GAP = 8
MODIFIER_TAGS = frozenset({"n", "nz", "ng", "vn", "an", "a", "b", "l", "j", "zg"})
NOUN_WORD_TAGS = frozenset({"n", "nz", "ng", "l"})     # a word that may end in the noun (车机系统, 生态系统)
CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")
# What a launch puts between its verb and its object (推出了全新的, 发布首款, 正式推出新一代).
LAUNCH_FILLERS = r"(?:全新的?|首款|首个|首個|新一代的?|新款|新的|新|自研的?|旗舰|旗艦|最新的?|一款|一个|一個|一项|一項|一套|正式|对外|對外)*"
INNER_CAPITAL = re.compile(r"[a-z][A-Z]")     # HiTLS, SuperDrive: capitals inside a word mark a name
# The most pieces of a name whose second writing is looked up in the document's count of piece
# sequences (a longer one is counted in the text itself).
MAX_COUNTED_PIECES = 8
# 这款, 一台, 新款: a measure word of devices right before a name counts it as one of its kind.
MEASURED = re.compile(r"(?:这|那|一|该|首|新|每|两)(?:款|台|部) ?\Z")
# 搭载率, 采用量: a carrying verb that a noun's character follows is part of that noun.
NOUN_AFTER_VERB = frozenset("率量")


@dataclass(slots=True)
class Tail:
    """What follows a family's name: versions, tiers, a sub-name, a size."""
    next: int                    # the piece after everything read
    name_next: int               # the piece after the name's last (a size excluded)
    parts: list[str]
    size_end: int | None = None
    subname: str | None = None


class MentionFinder:
    def __init__(self, lex: ProductLexicon, glosses: Glosses, has_word=lambda word: False) -> None:
        self.lex = lex
        self.glosses = glosses
        self.has_word = has_word     # the segmenter's dictionary
        # The same piece keys (ai, gpt, pro) recur in every article: the bisect's answer kept.
        self._begins_family = functools.lru_cache(maxsize=8192)(lex.begins_family)
        # What follows a launch verb up to its object (推出|了, 正式发布|全新, 推出|新旗舰模型, 推出|了首款AI
        # 助手——): the words a launch puts before it, a category noun with a few modifiers.
        nouns = "|".join(re.escape(n) for n in sorted(lex.category_of, key=len, reverse=True))
        self.launch_object = re.compile(
            rf"(?:了|的)?{LAUNCH_FILLERS}(?:[^的是被为与和及或 ]{{0,6}}?(?P<noun>{nouns}))?"
            r" ?(?:——|—|:)? ?\Z")

    def blocked_spans(self, doc: Document) -> dict[tuple[int, int], bool]:
        """Spans the knowledge base gives to a person, series or organisation only."""
        return {(m.start, m.end): True for m in doc.layers["gazetteer"]
                if not m.of_kind("product")}

    def gazetteer_mentions(self, doc: Document) -> list[ProductMention]:
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
            if m.of_kind("organization") and claimed.get(m.start) != "product" \
                    and not (used_by_its_users if products[0].listed else used_as_platform)(doc.key, m.start, m.end):
                continue   # the organisations extractor read it as the company (在微博上: the app;
                # a list's app by its users' words only: 视频平台爱奇艺向法院起诉, the company)
            if self._inside_word(doc, m.start, m.end):
                continue
            if m.of_kind("organization") and SHARE_CLASS.match(doc.key, m.end):
                continue   # 快手-W跌2%: the company's stock, not the app
            record = self.lex.kb.products[products[0].id]
            mention = ProductMention(m.start, m.end, m.end, record["id"], record, "kb-alias")
            out.append(self._extend_after(doc, mention, record) or mention)
        return out

    def _inside_word(self, doc: Document, start: int, end: int) -> bool:
        """星鏈 in 恆星鏈: a short Chinese alias after a character the segmenter left alone,
        which makes a word with the alias's first character (恒星), is the tail of a longer name;
        可灵 in 可灵活调节: one whose last character starts a longer word is no name either."""
        if end - start > SHORT_CJK_ALIAS:
            return False
        if end < len(doc.norm) and "\u4e00" <= doc.norm[end] <= "\u9fff" and self.has_word(doc.norm[end - 1:end + 1]) \
                and not self.has_word(doc.norm[end:end + 2]):
            return True     # 可灵 in 可灵活调节: the alias's last character and the next make a word
        if start == 0 or not doc.starts_token(start - 1):
            return False
        before = doc.norm[start - 1]
        return ("\u4e00" <= before <= "\u9fff" and doc.starts_token(start)
                and doc.tokens[doc.token_index_at(start - 1)].end == start
                and self.has_word(before + doc.norm[start]))

    def _extend_after(self, doc: Document, mention: ProductMention, record: dict) -> ProductMention | None:
        """通義千問2.5, 昇騰910B: a version right after a Chinese alias; the family's own Latin
        name between them, in brackets or glued (昇騰（Ascend）910B, 昇騰Ascend 910C), is passed over."""
        p = mention.end
        twin = OWN_LATIN.match(doc.key, p)
        if twin is not None and any(e.kind == "product" and e.id == record["id"]
                                    for e in self.lex.kb.aliases.get(twin.group("latin"), ())):
            p = twin.end()
        sep_from = p
        if p < len(doc.norm) and doc.norm[p] == " ":
            p += 1
        run = RUN.match(doc.norm, p)
        if run is None:
            return None
        pieces = split_pieces(run.group(), run.start())
        # 鸿蒙NEXT, 天玑Ultra: a tier in capitals glued to a Chinese alias is part of its name.
        tier = pieces[0].key in self.lex.tiers and doc.norm[pieces[0].start].isupper()
        if not run.group()[0].isdigit() and not tier and not (
                len(run.group()) > 1 and run.group()[0].isalpha() and run.group()[1].isdigit()):
            return None
        if pieces:
            pieces[0].sep = doc.norm[sep_from:pieces[0].start] or ("-" if tier else "")
        tail = self._tail(doc, pieces, 0, record, cjk=True)
        if not tail.parts:
            return None
        name_end = pieces[tail.name_next - 1].end
        pid = slug_parts([record["name"]] + tail.parts)
        return ProductMention(mention.start, tail.size_end or name_end, name_end, pid, record,
                       "kb-alias" if pid in self.lex.kb.products else "kb-family", subname=tail.subname)

    def run_mentions(self, doc: Document, blocked: dict, in_grammar=frozenset(),
                     lines: dict[str, str] | None = None) -> list[ProductMention]:
        """Knowledge-base names and open-world names in the Latin runs; `in_grammar`: offsets
        inside the grammar's names (一加Ace 19 Pro teaches no bare Ace family: Ace needs its maker)."""
        out = []
        # 阶跃星辰Step-2, 面壁MiniCPM 3.0: a maker named right before a versioned name introduces it.
        orgs = doc.layers.get("organizations")
        org_ends = frozenset(e for ent in orgs.by_id.values() for _, e in ent.mentions) if orgs else frozenset()
        # Lumo 8 introduced once (发布星翼Lumo 8系列): its family's other versioned names are
        # products wherever they stand (星翼 Lumo 8 Pro采用…), before the introduction too.
        learned: dict[str, str] = dict(lines or {})     # 中兴Velta 70 Ultra … Velta 70 Ultra: the grammar's lines
        runs: list[list[Piece]] = []
        for run in RUN.finditer(doc.norm):
            deadline.check("products")
            text = run.group().rstrip(".")
            if not LETTER.search(text):
                continue
            pieces = split_pieces(text, run.start())
            runs.append(pieces)
            i = 0
            while i < len(pieces):
                if not pieces[i].letters:
                    i += 1
                    continue
                # (most pieces begin no family: the cached answer asked here, not in a call of _kb_name)
                found = (self._begins_family(pieces[i].key) and self._kb_name(doc, pieces, i, blocked)) \
                    or self._open_name(
                    doc, pieces, i, blocked, org_ends, None if pieces[i].start in in_grammar else learned)
                if found is None:
                    i += 1
                    continue
                mention, i = found
                out.append(mention)
        if learned:
            taken = {i for m in out for i in range(m.start, m.end)}
            for pieces in runs:
                deadline.check("products")
                for i, piece in enumerate(pieces):
                    if piece.key not in learned or piece.start in taken:
                        continue
                    found = self._open_name(doc, pieces, i, blocked, org_ends, learned)
                    if found is not None and not any(k in taken for k in range(found[0].start, found[0].end)):
                        out.append(found[0])
                        taken.update(range(found[0].start, found[0].end))
            out.sort(key=lambda m: m.start)
        return out

    def _family_at(self, doc: Document, pieces: list[Piece], i: int) -> tuple[int, dict, str] | None:
        """The longest knowledge-base alias or stem starting at piece i: (pieces, record, kind).
        An alias ending in a number counted by what follows is shorter (Llama 3個版本)."""
        if not self._begins_family(pieces[i].key):
            return None    # every name read here starts with this piece's key
        # A family spans no separator outside SEPARATORS: the longest it may be, found once.
        most = min(MAX_FAMILY_PIECES, len(pieces) - i)
        for j in range(1, most):
            if pieces[i + j].sep not in SEPARATORS:
                most = j
                break
        keys = [p.key for p in pieces[i:i + most]] if most > 1 else None
        for k in range(most, 0, -1):
            last = pieces[i + k - 1]
            if k > 1 and not last.letters and self.lex.quantity_follows(doc, last.end):
                continue
            c = "".join(keys[:k]) if k > 1 else last.key
            pid = self.lex.compact_index.get(c)
            if pid is not None and c in self.lex.exact_case and "".join(
                    doc.norm[p.start:p.end] for p in pieces[i:i + k]) not in self.lex.exact_case[c]:
                pid = None
            if pid is not None and c in self.lex.capital_tail and not doc.norm[last.end - 1].isupper():
                pid = None
            if pid is not None:
                return k, self.lex.kb.products[pid], "kb"
            stem = self.lex.stems.get(c)
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
            ev = "kb-short" if len(alias.replace(" ", "")) <= SHORT_ALIAS else "kb-alias"
            return ProductMention(start, size_end or name_end, name_end, record["id"], record, ev), end_index
        if kind == "kb":
            pid = self._known_id(slug_parts([record["name"]] + parts), pieces[i:name_index])
            ev = "kb-alias" if pid in self.lex.kb.products else "kb-family"
        else:
            pid, ev = slug_parts([record["name"]] + parts), "stem"
        end = size_end or name_end
        # Kimi K2模型: the noun after a new version says what it is.
        return ProductMention(start, end, name_end, pid, record, ev, category=self.lex.noun_after(doc, end),
                       subname=tail.subname), end_index

    def _known_id(self, derived: str, pieces: list[Piece]) -> str:
        """A derived name the knowledge base holds under its own id (DeepSeekV2 -> deepseek-v2)."""
        pid = self.lex.compact_index.get(compact(pieces))
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
                if self.lex.quantity_follows(doc, nxt.end):
                    break
                parts.append(p.key + nxt.key)        # V3, R1, K2, X2
                j += 2
                continue
            glued = GLUED_TIER.fullmatch(p.key)
            if (glued and glued.group(2) in self.lex.tiers and doc.norm[p.start + glued.end(1)].isupper()
                    and not (cjk and "." not in glued.group(1) and category not in ("hardware", "platform"))):
                # 文心大模型 4.0Turbo: a version with a capitalised tier glued to it, both in the name
                parts += [glued.group(1), glued.group(2)]
                j += 1
                continue
            version = (HARDWARE_VERSION_PIECE if hardware else VERSION_PIECE).fullmatch(p.key)
            if version and (hardware or DIMENSION.fullmatch(p.key)) and self.lex.not_version.match(p.key):
                break   # 骁龙5G, CoWoS 2.5D: a network or a dimension, no version
            if version and not p.letters:
                if cjk and "." not in p.key and category not in ("hardware", "platform"):
                    break   # 淘寶618, 微信8: a Chinese name's bare number is no version
                if self.lex.quantity_follows(doc, p.end):
                    break
                if (j == start_j and p.sep == " " and p.key.isdigit()
                        and YEAR_LIKE[0] <= int(p.key) <= YEAR_LIKE[1]):
                    break
                parts.append(p.key)
                j += 1
                continue
            if p.letters and p.key in self.lex.tiers and p.sep in (" ", "-", "_"):
                parts.append(p.key)
                j += 1
                continue
            if (category == "platform" and j == start_j and p.key == "on" and p.sep == " "
                    and nxt is not None and nxt.letters and nxt.sep == " " and doc.norm[nxt.start].isupper()):
                # Windows on Arm: a platform built for another maker's chips.
                return Tail(j + 2, j + 2, parts + ["on", nxt.key])
            if (category == "platform" and j == start_j and not parts
                    and self._subname(doc, pieces, j, ["0"], versioned)
                    and doc.norm[p.start + 1:p.end].islower()):
                # macOS Sequoia: a platform's release is named by a word, not a number.
                parts.append(p.key)
                return Tail(j + 1, j + 1, parts)
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
                and doc.norm[p.start].isupper() and p.key not in self.lex.generic_latin
                and (j + 1 == len(pieces) or pieces[j + 1].sep not in ("",))
                and self._family_at(doc, pieces, j) is None)

    def _open_name(self, doc: Document, pieces: list[Piece], i: int, blocked: dict, org_ends=frozenset(),
                   learned: dict[str, str] | None = None):
        """Foo 2.5, Bar-7B, Zeta X2晶片: a capitalised Latin name with a version or
        size, introduced by a launch verb or a category noun."""
        first = pieces[i]
        if not doc.norm[first.start].isupper():
            # openQuill: capitals inside a lower-case word mark a name a launch may introduce
            if i == 0 and INNER_CAPITAL.search(doc.norm, first.start, first.end):
                return self._launched_name(doc, pieces, i, len(pieces), blocked)
            return None
        if i > 0 and first.sep in ("", "-", "_") and pieces[i - 1].letters:
            return None   # Fi 7 of Wi-Fi 7: a name starts no word in its middle
        if first.key in self.lex.tiers:
            return None   # 笔记本 Pro 14: a tier word names nothing alone
        if len(first.key) == 1:
            return self._model_number(doc, pieces, i)
        if len(first.key) > 2 and first.key in self.lex.generic_latin:
            lettered = self._generic_lettered(doc, pieces, i)
            if lettered is not None:
                return lettered
        j = i
        while j < len(pieces) and j - i < MAX_BASE_PIECES:
            p = pieces[j]
            if not p.letters or (j > i and (p.sep not in SEPARATORS or p.key in self.lex.tiers)):
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
        if j == i + 1 and len(base_key) == 2 and base_key in self.lex.generic_latin:
            coded = self._generic_code(doc, pieces, i)
            if coded is not None:
                return coded
        if (base_key in self.lex.generic_latin or all(p.key in self.lex.generic_latin for p in base)
                or len(base_key) < 2 or (base[0].start, base[-1].end) in blocked
                or any((p.start, p.end) in blocked for p in base)):
            return None
        record = {"name": doc.norm[base[0].start:base[-1].end], "category": None}
        tail = self._tail(doc, pieces, j, record, cjk=False)
        end_index, name_index, parts, size_end = tail.next, tail.name_next, tail.parts, tail.size_end
        if all(p in self.lex.tiers for p in parts) and size_end is None:
            # Foo, Foo Pro: no version, no size; unless its noun follows (Quill Play商店, Hiring
            # Assistant功能 is no product: 功能 is no category noun), or a launch verb introduces it.
            return self._named_by_noun(doc, pieces, i, name_index, blocked) \
                or self._launched_name(doc, pieces, i, name_index, blocked)
        name_end = pieces[name_index - 1].end
        end = size_end or name_end
        if self.lex.standard_nouns.starts(doc.key, end + (doc.key[end:end + 1] == " ")):
            return None   # Thread 1.4協議: a standard's version, no product
        category = self._cue(doc, base[0].start, end)
        if category is None and base[0].start in org_ends and any(p[:1].isdigit() for p in parts):
            category = ""     # 阶跃星辰Step-2: its maker right before it, a version after it
        if category is None and size_end is not None and JOINED_SIZE.fullmatch(doc.key, name_end, size_end) \
                and not (len(base_key) <= 3 and doc.norm[base[0].start:name_end].isupper()) \
                and _model_sentence(doc.key, base[0].start, end):
            category = "model"    # 模型…Zorak-70B: a parameter count joined to the name, models in its sentence
        if category is None and learned and base_key in learned and any(p[:1].isdigit() for p in parts):
            category = learned[base_key]     # a family the text introduced elsewhere
        if category is None:
            return None
        if learned is not None and len(base) == 1 and base_key not in learned \
                and any(p[:1].isdigit() for p in parts):
            learned[base_key] = category
        if category == "" and size_end is not None:
            category = "model"
        pid = slug_parts([p.key for p in base] + parts)
        return ProductMention(base[0].start, end, name_end, pid, None, "pattern",
                       category=category or None, cue=True, subname=tail.subname), end_index

    def _named_by_noun(self, doc: Document, pieces: list[Piece], i: int, j: int, blocked: dict):
        """Quill Play商店, Zoom軟體: a Latin name with no version, every word capitalised and
        none a company's or a generic word, that is the whole Latin run and that a category
        noun follows right after (Hiring Assistant功能 stays no product: 功能 names no kind)."""
        if j <= i or j != len(pieces) or any(p.sep not in (" ", "") for p in pieces[i + 1:j]):
            return None
        while i > 0 and pieces[i].sep == " " and pieces[i - 1].letters and pieces[i - 1].sep in (" ", "") \
                and doc.norm[pieces[i - 1].start].isupper() and j - i < MAX_BASE_PIECES:
            i -= 1    # Google Play商店: the maker's name is the first word of the product's
        if i > 0 and pieces[i].sep == " " and pieces[i - 1].letters and doc.norm[pieces[i - 1].start].isupper():
            return None     # Go Quill Data Hub网页: more capitalised words before than a name holds
        start, end = pieces[i].start, pieces[j - 1].end
        before = start - (start > 0 and doc.key[start - 1] == " ")
        if before > 0 and doc.key[before - 1].isdigit():
            return None     # 1823 Online程式: a number before starts the name, the word alone is none
        words = doc.norm[start:end].split(" ")
        if any(not w[:1].isupper() or w.lower() in self.lex.generic_latin for w in words):
            return None     # a word not capitalised, or generic (tested first: no noun is looked for)
        p = end + (doc.key[end:end + 1] == " ")
        series = doc.key.startswith("系列", p)     # ZORA系列模型: a line the noun says is one
        p += 2 * series
        noun = self.lex.category_nouns.starts(doc.key, p)
        if noun is None and not series and self._noun_word(doc, p, 2):
            p += 2      # Steam 游戏平台: a two-character noun before the category noun
            noun = self.lex.category_nouns.starts(doc.key, p)
        if noun is None and not series and (gap := self._modified_noun(doc, p)) is not None:
            p, noun = gap   # Quillpad 无线手写平板: modifiers, then the noun
        if noun is None or (start, end) in blocked:
            return None
        after = p + len(noun)
        if after < len(doc.key) and doc.starts_token(after) \
                and doc.tokens[doc.token_index_at(after)].pos.startswith("n") \
                and not MEASURED.search(doc.key, max(0, start - 4), start):
            return None     # Valve軟體項目負責人: the noun modifies another, the name is a company's
            # (这款Fooma手机售价: a measure word before the name says it is one of its kind)
        category = self.lex.category_of[noun]
        if self.lex.names_other(doc.key[start:end]) \
                or (len(words) == 1 and words[0].isupper() and len(words[0]) <= 5 and not series):
            return None     # an organisation, a generic word, an abbreviation or a line (NEC手機, EPYC處理器)
        pid = slug_parts([p.key for p in pieces[i:j]])
        return ProductMention(start, end, end, pid, None, "pattern", category=category, cue=True), j

    def _launched_name(self, doc: Document, pieces: list[Piece], i: int, j: int, blocked: dict):
        """云杉智能推出新旗舰模型 Tessaly-Nova, 发布了 Varnex … Varnex: a Latin name with no version
        that is the whole Latin run and the object of a launch verb (only a launch's words between:
        了, 全新, a category noun) is a product, when a second mark says it is a name (written again
        in the article, a category noun right before it, or capitals inside a word: HiTLS)."""
        if j <= i or j != len(pieces) or any(p.sep not in (" ", "-", "") for p in pieces[i + 1:j]):
            return None
        start, end = pieces[i].start, pieces[j - 1].end
        name, key = doc.norm[start:end], doc.key[start:end]
        words = name.replace("-", " ").split(" ")
        if any(len(w) < 2 for w in words) or (len(words) == 1 and name.isupper() and len(name) <= 5) \
                or doc.key[end:end + 1] == "(" or doc.key[end:end + 2] == " (":
            return None     # Google I, an abbreviation (GPU, SoC); Foo Phone (1) goes on in brackets
        noun = self._launch_object(doc.key, start)
        if noun is None or (start, end) in blocked or self.lex.names_other(key) \
                or any(self.lex.names_other(w.lower()) for w in words):
            return None     # AI Agent: a generic word; a company's name
        inner_capital = any(INNER_CAPITAL.search(w) for w in words)
        if not (noun or inner_capital or _written_again(doc.key, key, j - i)):
            return None
        gap = self._modified_noun(doc, end + (doc.key[end:end + 1] == " "))
        category = self.lex.noun_after(doc, end) or (self.lex.category_of[gap[1]] if gap else None) \
            or (self.lex.category_of[noun] if noun else None)
        return ProductMention(start, end, end, slug_parts([p.key for p in pieces[i:j]]), None, "pattern",
                              category=category, cue=True), j

    def _launch_object(self, key: str, start: int) -> str | None:
        """The launch before a name at `start`: "" for a launch verb and its fillers right before
        it (推出了, 推出的, 正式发布全新), the category noun for one with a noun between (推出新旗舰模型),
        None for none (the clause's words after the verb say more than a launch)."""
        lo = max(0, start - OPEN_CUE_WINDOW - 6)
        before = key[lo:start]
        verb = self.lex.launch_verbs.find(before)
        if verb is None:
            return None     # most names: no launch verb near (one scan in C)
        cut = max((m.end() for m in CLAUSE_END.finditer(before)), default=0)
        while verb is not None:
            if verb.start() >= cut and (m := self.launch_object.match(before, verb.end())) is not None:
                return m.group("noun") or ""
            verb = self.lex.launch_verbs.find(before, verb.end())
        return None

    def _modified_noun(self, doc: Document, p: int) -> tuple[int, str] | None:
        """Quillpad 无线手写平板, Zorix 365生态系统: (where it starts, the noun) of a category noun
        after one to MODIFIER_GAP Chinese characters the segmenter reads as nouns or adjectives
        (no verb, number, measure word or particle: Zorix终止服务, Zorix 百亿次级别加速卡)."""
        key = doc.key
        if p >= len(key) or not "\u4e00" <= key[p] <= "\u9fff" or not doc.starts_token(p):
            return None     # most names: punctuation or Latin after them
        i, q = doc.token_index_at(p), p
        while i < len(doc.tokens) and q - p < MODIFIER_GAP:
            token = doc.tokens[i]
            if token.pos not in MODIFIER_TAGS or not CJK_ONLY.fullmatch(key, token.start, token.end):
                return None
            # the noun may start inside the last modifier's word (车机系统, 生态系统)
            for q in range(max(token.start, p + 1), min(token.end, p + MODIFIER_GAP) + 1):
                if (noun := self.lex.cjk_category_nouns.starts(key, q)) is not None:
                    inside = token.start < q < token.end and token.pos not in NOUN_WORD_TAGS   # 多功能|接口
                    return (q, noun) if not inside and self._phrase_ends(doc, q + len(noun)) else None
            i += 1
        return None

    @staticmethod
    def _phrase_ends(doc: Document, end: int) -> bool:
        """A noun phrase ends at `end`: a word ends there and no noun follows (多功能接口 and
        平台總經理 go on)."""
        if end >= len(doc.key) or not doc.starts_token(end):
            return end >= len(doc.key)
        return not doc.tokens[doc.token_index_at(end)].pos.startswith("n")

    @staticmethod
    def _noun_word(doc: Document, p: int, size: int) -> bool:
        """The segmenter reads a noun of `size` characters at p (游戏 n, 视讯 n)."""
        if p + size > len(doc.key) or not doc.starts_token(p):
            return False
        token = doc.tokens[doc.token_index_at(p)]
        return token.end == p + size and token.pos in ("n", "vn", "nz")

    def _model_number(self, doc: Document, pieces: list[Piece], i: int):
        """A17 Pro晶片, M4晶片, K900 AI 晶片: a letter and a number name a product only when a
        category noun follows right after, or a device's noun after a modifier (Q3財報, H1 are
        no products)."""
        record = {"name": "", "category": None}
        tail = self._tail(doc, pieces, i, record, cjk=False)
        end_index, parts = tail.next, tail.parts
        if not parts or parts[0] in self.lex.tiers or tail.size_end is not None:
            return None
        end = pieces[tail.name_next - 1].end
        category = self.lex.noun_after(doc, end)
        if category is None and not self.lex.not_bare_code.fullmatch(doc.key, pieces[i].start, end):
            # 2025 Q3 AI 晶片出貨: a quarter's or a level's code is no chip, not even before one
            category = self.lex.chip_noun_after_modifier(doc, end) \
                or ("hardware" if self._made_or_carrying(doc, pieces[i].start, end) else None)
        if category is None:
            return None
        return ProductMention(pieces[i].start, end, end, slug_parts(parts), None, "pattern",
                       category=category, cue=True), end_index

    def _generic_code(self, doc: Document, pieces: list[Piece], i: int):
        """AI6 芯片, EV9车型: two letters that are a word alone (AI, EV) with a number of one or two
        digits glued to them name a model when a category noun follows right after (a standard's
        noun is none); a version or a longer number (AI2.0, GB200) is left to the other rules."""
        if i + 1 >= len(pieces) or pieces[i + 1].sep != "" or not pieces[i + 1].key.isdigit() \
                or len(pieces[i + 1].key) > 2 or (i + 2 < len(pieces) and pieces[i + 2].sep in ("", ".")):
            return None
        end = pieces[i + 1].end
        if self.lex.standard_nouns.starts(doc.key, end + (doc.key[end:end + 1] == " ")):
            return None
        category = self.lex.noun_after(doc, end)
        if category is None:
            return None
        return ProductMention(pieces[i].start, end, end, slug_parts([pieces[i].key + pieces[i + 1].key]), None,
                              "pattern", category=category, cue=True), i + 2

    def _generic_lettered(self, doc: Document, pieces: list[Piece], i: int):
        """Model W休旅車, Model K電動巴士: a capitalised word that is a word alone (Model) and one
        capital letter after a space, the run ending there, name a model when a category noun
        follows right after (a letter that is a word alone, Q or H, is none)."""
        if i + 2 != len(pieces):
            return None
        first, letter = pieces[i], pieces[i + 1]
        if letter.sep != " " or len(letter.key) != 1 or not letter.letters or letter.key in self.lex.generic_latin \
                or not doc.norm[first.start].isupper() or not doc.norm[letter.start].isupper():
            return None
        category = self.lex.noun_after(doc, letter.end)
        if category is None:
            return None
        return ProductMention(first.start, letter.end, letter.end, slug_parts([first.key, letter.key]), None,
                              "pattern", category=category, cue=True), i + 2

    def _made_or_carrying(self, doc: Document, start: int, end: int) -> bool:
        """正在研发 X3, 推出X3, 推出的X3; X200即搭載天璣9400: a verb of making or launching ends
        right before the code (its 的 allowed between), or a verb of carrying follows it (an adverb
        allowed between)."""
        key = doc.key
        before = key[max(0, start - 6):start].rstrip(BEFORE_NAME)
        # 推出的X3, 新發表的B12技術: the verb's 的 between it and the code (a quarter's or a level's
        # code is kept out before this: not_bare_code)
        if self.lex.making_verbs.ends(before.removesuffix("的").rstrip(BEFORE_NAME)) is not None:
            return True
        p = end + (key[end:end + 1] == " ")
        p += len(self.lex.carry_adverbs.starts(key, p) or "")
        verb = self.lex.carry_verbs.starts(key, p)
        return verb is not None and key[p + len(verb):p + len(verb) + 1] not in NOUN_AFTER_VERB

    def _cue(self, doc: Document, start: int, end: int) -> str | None:
        """The category a noun beside the name gives ("" for a launch verb alone);
        None when nothing introduces the name."""
        key = doc.key
        category = self.lex.noun_after(doc, end)
        if category is not None:
            return category
        gap = self._modified_noun(doc, end + (key[end:end + 1] == " "))
        if gap is not None:
            return self.lex.category_of[gap[1]]     # Zorix 365生态系统
        lo = max(0, start - OPEN_CUE_WINDOW)
        before = key[lo:start]
        cut = max((m.end() for m in CLAUSE_END.finditer(before)), default=0)
        before = before[cut:]
        stripped = before.rstrip(BEFORE_NAME)
        stripped = stripped.removesuffix("的")
        noun = self.lex.category_nouns.ends(stripped)
        if noun is not None:
            return self.lex.category_of[noun]
        if self.lex.launch_verbs.find(before) or self.lex.naming_verbs.ends(stripped):
            return ""
        gloss = self.glosses.after_name(doc, start, end)   # Vega 3.5是一款…大模型
        if gloss is not None:
            return self.lex.category_of[self.lex.category_nouns.ends(key, gloss[1])]
        return None

    def subname_mentions(self, doc: Document, mentions: list[ProductMention], blocked: dict) -> list[ProductMention]:
        """Llama 4 Scout … Scout擁有109B參數: the sub-name alone, after the full name,
        names the same product."""
        first: dict[str, ProductMention] = {}
        for m in mentions:
            deadline.check("products")
            if m.subname and m.subname not in first and m.subname not in self.lex.compact_index:
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
            extra.append(ProductMention(p.start, p.end, p.end, full.id, full.family, full.evidence,
                                 full.category, full.cue))
        return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions


def _written_again(text_key: str, name_key: str, pieces: int) -> bool:
    """Does the name stand in the text more than once? Looked up in a count made once a
    document: a scan of the whole text for every launched name grows with the square of it."""
    if pieces > MAX_COUNTED_PIECES:
        return text_key.count(name_key) > 1
    return _piece_sequences(text_key)[name_key] > 1


@functools.lru_cache(maxsize=2)    # (the document being read; its key's hash is kept by the str)
def _piece_sequences(text_key: str) -> Counter:
    """How often each sequence of up to MAX_COUNTED_PIECES pieces of a Latin run stands in the
    key view (Tessaly-Nova, quill data hub): the runs split as run_mentions splits them."""
    counts: Counter = Counter()
    for run in RUN.finditer(text_key):
        pieces = split_pieces(run.group().rstrip("."), run.start())
        for a in range(len(pieces)):
            for b in range(a, min(len(pieces), a + MAX_COUNTED_PIECES)):
                counts[text_key[pieces[a].start:pieces[b].end]] += 1
    return counts
