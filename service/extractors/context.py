"""Small readers of a document's neighbourhood shared by the extractors."""
from __future__ import annotations

from ..nlp.document import Document

# Part-of-speech tags that can be part of a proper name.
NAME_POS = frozenset({"n", "nz", "nt", "ns", "nr", "nrt", "nrfg", "eng", "j", "nl", "ng", "vn",
                      "an", "b", "zg", "l"})


def is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def left_name_tokens(doc: Document, index: int, stop: frozenset[str],
                     max_tokens: int = 4, max_chars: int = 12) -> int | None:
    """Walk left from token `index` (exclusive) over name-like tokens; return
    the start offset of the name, or None when there is none."""
    start = None
    chars = 0
    taken = 0
    i = index - 1
    while i >= 0 and taken < max_tokens:
        tok = doc.tokens[i]
        word = tok.word.lower()
        if tok.pos not in NAME_POS or word in stop or not word.strip():
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
    return start
