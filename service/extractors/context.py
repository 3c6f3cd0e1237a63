"""Small readers of a document's neighbourhood shared by the extractors."""
from __future__ import annotations

from ..nlp.document import Document
from ..nlp.spans import tokens_in

# Part-of-speech tags that can be part of a proper name.
NAME_POS = frozenset({"n", "nz", "nt", "ns", "nr", "nrt", "nrfg", "eng", "j", "nl", "ng", "vn",
                      "an", "b", "zg", "l"})


# One-character prepositions the segmenter may glue to the unknown name after them (據易聯).
GLUED_PREPOSITIONS = frozenset("据據在从從向对對将將被由与與和把给給为為")


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
        if unknown and word[0] in GLUED_PREPOSITIONS:
            return tok.start + 1   # 據易聯 / 公司: a preposition glued to the name starts no name
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
