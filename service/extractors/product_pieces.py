"""Latin product names as runs of pieces: Qwen2.5-72B -> Qwen | 2.5 | 72B.

A family is the longest run of pieces whose compact form (no spaces, hyphens
or case) is a knowledge-base alias; ids are built from the pieces' parts.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# A run of Latin pieces: Qwen2.5-72B-Instruct, GPT-4 0125, Claude 3.5 Sonnet.
# (Written (?<![A-Za-z0-9.+])[A-Za-z0-9]…, with the look-behind after the first character so
# that `re` skips to one in C: tests/extractors/test_scan_gates.py holds the two equal.)
RUN = re.compile(r"[A-Za-z0-9](?<![A-Za-z0-9.+][A-Za-z0-9])[A-Za-z0-9.+]*(?:[ \-_][A-Za-z0-9][A-Za-z0-9.+]*){0,7}")
# One piece: letters, or a number with the letters glued after it (4o, 72B, 910B).
PIECE = re.compile(r"[A-Za-z]+\+?|[0-9]+(?:\.[0-9]+)*[A-Za-z]*\+?")


@dataclass(slots=True)
class Piece:
    start: int
    end: int
    key: str     # lower-cased
    sep: str     # what stands between this piece and the previous one in the run
    letters: bool = False    # it starts with a letter (set once here: read in every loop over pieces)


def split_pieces(text: str, offset: int = 0) -> list[Piece]:
    """Pieces of a Latin run, each with the separator before it."""
    pieces: list[Piece] = []
    append = pieces.append
    prev_end = -1
    for m in PIECE.finditer(text):
        start, end = m.span()
        key = m.group().lower()
        # a piece starts with a letter or a digit (PIECE): a letter is what is not a digit
        append(Piece(offset + start, offset + end, key, "" if prev_end < 0 else text[prev_end:start],
                     key[0] > "9"))
        prev_end = end
    return pieces


def compact_text(text: str) -> str:
    """compact(split_pieces(text)) of an ASCII text, with no pieces built: its pieces' characters
    joined and lower-cased (PIECE has no group: findall gives the whole matches)."""
    return "".join(PIECE.findall(text)).lower()


def compact(pieces) -> str:
    return "".join([p.key for p in pieces])    # a list joins faster than a generator


_NOT_SLUG = re.compile(r"[^a-z0-9.]+")
_LOOSE_DOT = re.compile(r"(?<![0-9])\.|\.(?![0-9])")
_DASHES = re.compile(r"-{2,}")


@functools.lru_cache(maxsize=4096)
def _slug_part(part: str) -> str:
    """One part's slug ('' for none); the same few parts (Qwen, 2.5, Pro) come back in
    every document, so each is worked out once (three substitutions, ~4 µs a name)."""
    s = _NOT_SLUG.sub("-", part.lower())
    s = _LOOSE_DOT.sub("-", s)
    return _DASHES.sub("-", s).strip("-")


def slug_parts(parts: list[str]) -> str:
    """An id from name parts, keeping the dots of versions (llama-3.1)."""
    return "-".join([s for s in map(_slug_part, parts) if s]) or "x"
