"""Small readers of a document's neighbourhood shared by the extractors."""
from __future__ import annotations

from ..kb import DATA_DIR
from ..nlp.document import Document
from ..nlp.spans import tokens_in
from ..nlp.text import is_cjk
from ..yamlfiles import load_yaml_once

# Part-of-speech tags that can be part of a proper name.
NAME_POS = frozenset({"n", "nz", "nt", "ns", "nr", "nrt", "nrfg", "eng", "j", "nl", "ng", "vn",
                      "an", "b", "zg", "l"})


# One-character prepositions the segmenter may glue to the unknown name after them (據易聯).
GLUED_PREPOSITIONS = frozenset("据據在从從向对對将將被由与與和把给給为為于於讓让替代")
# One-character conjunctions that join clauses or list members (且, 及, 並, 而), and the aspect
# particle after a verb (兼任過): the segmenter may tag one alone as a name's piece (且 / 新能源 /
# 汽車 / 企業, zg) or glue it to the unknown name after it (過極狐 / 汽車, 及雲 / 公司); it starts no name.
GLUED_CONJUNCTIONS = frozenset("且及并並而")
GLUED_ASPECT = frozenset("过過")
GLUED_OPENERS = GLUED_PREPOSITIONS | GLUED_CONJUNCTIONS | GLUED_ASPECT   # what a glued unknown name sheds
# Two-character prepositions glued the same way (借由霜嶺 / 半導體, 透過雲帆), and the verbs of
# holding a post that open an officer's clause (時任霜嶺 / 科技總裁, 历任云帆 / 集团): the name starts after them.
GLUED_PREPOSITION_WORDS = frozenset({"藉由", "借由", "透過", "透过", "通過", "通过", "經由", "经由",
                                     "基於", "基于", "隨著", "随着"}) \
    | frozenset(load_yaml_once(DATA_DIR / "lexicon.yaml")["post_verbs"])   # (lexicon.yaml post_verbs)

# One-character words of a kind of business (晶片廠, 軟體商, 出版社) and the two-character
# 業者: after a descriptive noun phrase they close it, and the name follows (記憶體控制晶片廠 /
# 星瀾科技); the segmenter may glue the character to the unknown name after it (廠星瀾).
CATEGORY_CHARS = frozenset("厂廠商社")
CATEGORY_WORDS = frozenset({"业者", "業者"})
MIN_DESCRIBING_CHARS = 2   # 晶片, 材料, IC: a word, not one character of a name (招商, 華商)
PROPER_TAGS = frozenset({"nr", "nrt", "nrfg", "ns"})


def is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def left_name_tokens(doc: Document, index: int, stop: frozenset[str],
                     max_tokens: int = 4, max_chars: int = 12, known=None) -> int | None:
    """Walk left from token `index` (exclusive) over name-like tokens; return
    the start offset of the name, or None when there is none. With `known` (the
    dictionary's lookup), a Chinese word it lacks is name-like whatever its tag
    (卓易訊暢公司: the segmenter guessed an adjective)."""
    start = None
    chars = 0
    taken = 0
    i = index - 1
    while i >= 0 and taken < max_tokens:
        tok = doc.tokens[i]
        word = tok.word.lower()
        # (two characters the dictionary lacks are as often a verb phrase: 要建, 再用)
        unknown = known is not None and len(word) >= 3 and all("\u4e00" <= c <= "\u9fff" for c in word) \
            and not known(word)
        if unknown and word[0] in GLUED_OPENERS:
            return tok.start + 1   # 據易聯 / 公司: a preposition glued to the name starts no name
        if known is not None and (len(word) == 1 and word in GLUED_CONJUNCTIONS or len(word) == 2
                                  and word[0] in GLUED_CONJUNCTIONS and is_cjk(word[1]) and not known(word)):
            break   # 且 / 公司, 軟件及雲 / 公司: a conjunction (with one character glued to it) opens no name
        if unknown and len(word) >= 4 and word[:2] in GLUED_PREPOSITION_WORDS:
            return tok.start + 2   # 借由霜岭 / 半导体
        if known is not None:
            cut = _after_category_word(doc, i, word, start, known)
            if cut is not None:
                return cut
        unknown = unknown and tok.pos[:1] not in "vdpcru"
        if (tok.pos not in NAME_POS and not unknown) or word in stop or not word.strip():
            # a single space between Latin words belongs to the name
            if word == " " and i > 0 and doc.tokens[i - 1].pos == "eng" and start is not None:
                i -= 1
                continue
            break
        chars += tok.end - tok.start
        if chars > max_chars:
            break
        start = tok.start
        taken += 1
        i -= 1
        if tok.pos not in NAME_POS:
            break   # the unknown word starts the name (被告 / 卓易訊暢公司)
    return start


def _describes(doc: Document, i: int, known) -> bool:
    """Is the token before token i, touching it, a describing word of a noun phrase
    (晶片, 機殼, 設計, IC), not a name's own piece (a person, a place)?"""
    if i <= 0:
        return False
    prev, here = doc.tokens[i - 1], doc.tokens[i]
    word = prev.word
    if prev.end != here.start or len(word) < MIN_DESCRIBING_CHARS or prev.pos in PROPER_TAGS:
        return False
    if prev.pos == "eng":
        return True
    return all(is_cjk(c) for c in word) and prev.pos[:1] in "nv" and known(word)


def _after_category_word(doc: Document, i: int, word: str, start: int | None, known) -> int | None:
    """Where the name starts when token i holds a kind-of-business word after a
    describing noun phrase: 晶片 / 廠慧… (glued: the name starts after the character),
    鏡頭 / 廠 / 青峰, 軟體商 / 雲帆, 面板 / 業者 / 星河 (the name starts after the token;
    with nothing between it and the suffix, the walk goes on: 造船廠有限公司). None when
    the token holds no such word."""
    if len(word) >= 2 and word[0] in CATEGORY_CHARS and all(is_cjk(c) for c in word) \
            and not known(word) and _describes(doc, i, known):
        return doc.tokens[i].start + 1
    if start is None:
        return None
    if word in CATEGORY_WORDS or len(word) == 1 and word in CATEGORY_CHARS:
        return start if _describes(doc, i, known) or word in CATEGORY_WORDS else None
    if len(word) >= 2 and word[-1] in CATEGORY_CHARS and all(is_cjk(c) for c in word) and (
            word[-2] in CATEGORY_CHARS or len(word) > MIN_DESCRIBING_CHARS and known(word[:-1])):
        return start   # 軟體商, 材料廠, 代工廠, 出版社, 設備廠商
    return None


# What a clause's first word may be tagged and still be a name's first piece the segmenter cut
# off (台 / 師大, a measure word's tag on a school's first character); a function word,
# a time or a number opens the clause instead.
OPENING_PIECE_POS = NAME_POS | {"q"}
CLAUSE_WORD_TAGS = "pcurdtmy"   # first letters of tags of words that open a clause, not a name
MAX_OPENING_PIECE = 2


def clause_opening_piece(doc: Document, start: int, stop: frozenset[str]) -> int:
    """台 / 師大信息中心, 知道 / 力科技: where a name found by its words starts one or two
    characters after its clause opens, those characters are the name's first piece the
    segmenter cut off: one character of a naming word (not a preposition, pronoun or
    verb), or two before a name the cut left one character long. Returns the name's
    start, moved back to the clause opening or not."""
    norm = doc.norm
    at = start
    while at > 0 and start - at <= MAX_OPENING_PIECE and is_cjk(norm[at - 1]):
        at -= 1
    gap = start - at
    if not 1 <= gap <= MAX_OPENING_PIECE or at > 0 and (norm[at - 1].isalnum() or is_cjk(norm[at - 1])):
        return start   # no piece, or the clause opens further back
    toks = list(tokens_in(doc, at, start))
    if len(toks) != 1 or toks[0].start != at or toks[0].end != start:
        return start
    piece = toks[0]
    if piece.word in stop or piece.word[0] in GLUED_PREPOSITIONS or piece.word[:2] in GLUED_PREPOSITION_WORDS \
            or piece.word[0] in GLUED_CONJUNCTIONS:
        return start
    first = doc.tokens[doc.token_index_at(start)]
    if gap == 1:
        return at if piece.pos in OPENING_PIECE_POS else start
    # two characters: only before a name the cut left one character long (知道 / 力 / 科技)
    return at if first.start == start and first.end - start == 1 and piece.pos[:1] not in CLAUSE_WORD_TAGS \
        else start


def after_descriptors(doc: Document, start: int, end: int, generic: frozenset[str]) -> int:
    """台灣AR新創光羽科技 -> 光羽科技: skip the descriptive words (place, field,
    新創) that precede a name's first distinctive word."""
    new_start = start
    seen_generic = False
    for tok in tokens_in(doc, start, end):
        word = tok.word.lower()
        # a field (新創) or a place (台灣) describes; one character (雲) may
        # as well begin the name, and a one-character "place" is the tagger guessing
        if ((word in generic or tok.pos == "ns") and len(word) > 1) or not word.strip():
            seen_generic = True
        elif seen_generic:
            new_start = tok.start
            seen_generic = False
    return new_start


def quantities_of(doc: Document):
    """The document's quantities: the `quantities` layer (extractors/quantity_scan.py),
    scanned once and shared by the extractors that read them (products for sizes,
    facts for everything)."""
    return doc.layers["quantities"]


def line_breaks(text: str) -> list[int]:
    """Where each line break stands, in order (str.find runs in C): bisect it to place an
    offset in its paragraph."""
    out = []
    i = text.find("\n")
    while i >= 0:
        out.append(i)
        i = text.find("\n", i + 1)
    return out
