"""The pipeline's normalised view, rebuilt for tests: Traditional -> Simplified one
character for one character (OpenCC t2s per code point), full-width ASCII -> half-width,
U+3000 -> space. Same length as the input, so offsets carry over."""
from __future__ import annotations

from functools import lru_cache

CJK_RANGES = ((0x3400, 0xA000), (0xF900, 0xFB00))
FULL_WIDTH = range(0xFF01, 0xFF5F)
IDEOGRAPHIC_SPACE = 0x3000


@lru_cache(maxsize=1)
def translation_table() -> dict[int, str]:
    import opencc
    chars = [chr(cp) for lo, hi in CJK_RANGES for cp in range(lo, hi)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    assert len(converted) == len(chars)
    table = {ord(c): s for c, s in zip(chars, converted) if len(s) == 1 and s != c}
    table.update({cp: chr(cp - 0xFEE0) for cp in FULL_WIDTH})
    table[IDEOGRAPHIC_SPACE] = " "
    return table


def normalise(text: str) -> str:
    out = text.translate(translation_table())
    assert len(out) == len(text)
    return out
